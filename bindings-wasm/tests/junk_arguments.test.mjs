// No argument crashes the face: every method of `Ward` and of its capability namespaces,
// found by looking at the objects (not from a hand-kept list), is called with junk —
// wrong types, NaN and infinities, negative and huge numbers, undefined, symbols,
// BigInts, a 10 MB string, arrays and objects nested 100,000 deep, a sparse array of
// 2^32 - 1 items, objects whose reading throws. Each call throws an Error named
// "GridwardError" (a trap would lose the WebAssembly instance and every ward in it), and
// afterwards the ward has the same head and still answers a query.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward } from "gridward";

const AT = "2026-03-02T09:00:00+08:00";
const DEPTH = 100_000;

function deepArray(depth) {
  let v = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function deepObject(depth) {
  let v = {};
  for (let i = 0; i < depth; i++) v = { code: v };
  return v;
}

const HUGE = "x".repeat(10 * 1024 * 1024);

const JUNK = [
  ["undefined", undefined],
  ["null", null],
  ["boolean", true],
  ["number", 7],
  ["negative", -1],
  ["huge_number", 1e300],
  ["unsafe_integer", 2 ** 64],
  ["nan", NaN],
  ["infinity", Infinity],
  ["minus_infinity", -Infinity],
  ["symbol", Symbol("junk")],
  ["bigint", 10n ** 30n],
  ["negative_bigint", -1n],
  ["function", () => 1],
  ["array", [1, "x", null]],
  ["huge_string", HUGE],
  ["deep_array", deepArray(DEPTH)],
  ["deep_object", deepObject(DEPTH)],
  ["sparse_array", new Array(2 ** 32 - 1)],
  ["throwing_getter", Object.defineProperty({}, "code", { enumerable: true, get() { throw new Error("getter"); } })],
  ["throwing_proxy", new Proxy({}, { ownKeys() { throw new Error("trap"); } })],
  ["throwing_array_proxy", new Proxy([], { get() { throw new Error("trap"); } })],
  ["invalid_date", new Date(NaN)],
  ["not_a_date", Object.create(Date.prototype)],
];

function newWard() {
  const w = new Ward();
  w.grid.add_unit({ code: "510105", name: "青羊区" }, { at: AT });
  w.grid.add_person({ id: "chief", name: "李书记" }, { at: AT });
  return w;
}

/** The public methods of an object: its prototype chain's functions, not the constructor. */
function methodsOf(obj) {
  const names = new Set();
  for (let proto = Object.getPrototypeOf(obj); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== "constructor" && typeof d.value === "function") names.add(name);
    }
  }
  return [...names];
}

/** The capability namespaces: the ward's own fields that are objects with methods. */
function namespaces(ward) {
  return Object.keys(ward).filter((k) => typeof ward[k] === "object" && ward[k] !== null && methodsOf(ward[k]).length > 0);
}

/** Every method as [label, call]; `free` releases the ward by design and is left out. */
function everyMethod(ward) {
  const found = methodsOf(ward)
    .filter((n) => n !== "free")
    .map((n) => [`Ward.${n}`, (...a) => ward[n](...a)]);
  found.push(["Ward.from_journal", (...a) => Ward.from_journal(...a)]);
  found.push(["new Ward", (...a) => new Ward(...a)]);
  for (const ns of namespaces(ward)) {
    for (const n of methodsOf(ward[ns])) found.push([`${ns}.${n}`, (...a) => ward[ns][n](...a)]);
  }
  return found;
}

function describe(e) {
  return e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : `a thrown ${typeof e}`;
}

test("the enumeration finds every capability and the ward's methods", () => {
  const w = newWard();
  assert.deepEqual(namespaces(w).sort(), ["assembly", "fund", "grid", "party", "points", "projects", "scoring", "tasks"]);
  const labels = everyMethod(w).map(([l]) => l);
  for (const l of ["Ward.execute", "Ward.decide", "Ward.state_digest", "grid.add_unit", "fund.statement"]) {
    assert.ok(labels.includes(l), l);
  }
  assert.ok(labels.length > 150, `${labels.length} methods`);
});

for (const [name, junk] of JUNK) {
  test(`every method refuses ${name} with a GridwardError`, () => {
    const w = newWard();
    const head = w.head;
    for (const [label, call] of everyMethod(w)) {
      // Junk as the arguments, and junk as the context (with valid-looking arguments).
      const shapes = [[junk], [junk, junk]];
      if (junk !== undefined && junk !== null) shapes.push([{ code: "510106", name: "x" }, junk]);
      for (const args of shapes) {
        let caught;
        let answered = false;
        let answer;
        try {
          answer = call(...args);
          answered = true;
        } catch (e) {
          caught = e;
        }
        if (answered && label === "Ward.execute_batch") {
          // A batch refuses each junk item in its place, returning the error.
          assert.ok(Array.isArray(answer) && answer.length > 0, `${label} answered ${name}`);
          assert.ok(
            answer.every((o) => o instanceof Error && o.name === "GridwardError" && o.kind === "invalid"),
            `${label} accepted ${name}`,
          );
        } else if (answered) {
          // Leaving an argument out (undefined, null) is allowed: a method that takes
          // none, or whose arguments are all optional, answers; it must change nothing.
          assert.ok(
            junk === undefined ||
              junk === null ||
              /^Ward\.(state_digest|export_journal|config)$/.test(label) ||
              // A function is what a listener is.
              (label === "Ward.on_entry" && typeof junk === "function"),
            `${label} accepted ${name}`,
          );
        } else {
          assert.ok(caught instanceof Error, `${label} with ${name}: ${describe(caught)}`);
          assert.equal(caught.name, "GridwardError", `${label} with ${name}: ${describe(caught)}`);
          assert.equal(typeof caught.code, "string");
        }
        assert.equal(w.head, head, `${label} with ${name} changed the ward`);
      }
    }
    assert.equal(w.grid.unit({ code: "510105" }).code, "510105");
  });
}

// Regression cases: the crashes the junk found, each refused now with a typed error.

test("nesting beyond the limit is refused naming the path, before it is read", () => {
  // Before: the conversion recursed once per level and exhausted the stack, which
  // trapped the instance (every ward in it lost). The arguments object is the first of
  // the 64 levels.
  const w = newWard();
  const cases = [
    [() => w.grid.add_unit({ code: deepObject(DEPTH), name: "x" }, { at: AT }), "code" + ".code".repeat(63)],
    [() => w.grid.add_unit({ code: "510106", name: deepArray(DEPTH) }, { at: AT }), "name" + "[0]".repeat(63)],
    [() => w.grid.add_unit({ code: "510106", name: deepArray(63) }, { at: AT }), "name" + "[0]".repeat(63)],
    [() => w.grid.add_unit({ code: "510106", name: "x" }, { at: deepArray(DEPTH) }), "context.at" + "[0]".repeat(63)],
  ];
  for (const [call, field] of cases) {
    assert.throws(call, (e) => e.name === "GridwardError" && e.code === "too_deep" && e.field === field);
  }
  assert.throws(
    () => w.grid.add_unit({ code: "510106", name: deepArray(62) }, { at: AT }),
    (e) => e.name === "GridwardError" && e.code === "wrong_type" && e.field === "name",
  );
  assert.equal(w.grid.add_unit({ code: "510106", name: "武侯区" }, { at: AT }).seq, 3);
});

test("a sparse array of 2^32 - 1 items is refused without reading its items", () => {
  // Before: the conversion reserved room for every item the array claims, which
  // exhausted the module's memory and trapped it.
  const w = newWard();
  assert.throws(
    () => w.grid.add_unit({ code: "510106", name: new Array(2 ** 32 - 1) }, { at: AT }),
    (e) => e.name === "GridwardError" && e.code === "out_of_range" && e.field === "name",
  );
});

test("an object whose keys cannot be read is refused and leaves the ward usable", () => {
  // Before: js_sys's Object.keys does not catch, so the trap's exception unwound through
  // the module with the ward still borrowed (later calls: "recursive use of an object").
  const w = newWard();
  const trap = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
  assert.throws(() => w.grid.add_unit(trap, { at: AT }), (e) => e.name === "GridwardError" && e.code === "wrong_type");
  assert.throws(() => w.grid.add_unit({ code: "510106", name: "x" }, trap), (e) => e.name === "GridwardError");
  assert.equal(w.grid.add_unit({ code: "510106", name: "武侯区" }, { at: AT }).seq, 3);
});

test("an object that only inherits from Date.prototype is refused, and the ward stays usable", () => {
  // Before: js_sys's Date.getTime does not catch, so its TypeError unwound through the
  // module with the ward still borrowed.
  const w = newWard();
  assert.throws(
    () => w.grid.add_unit({ code: "510106", name: "x" }, { at: Object.create(Date.prototype) }),
    (e) => e.name === "GridwardError" && e.code === "bad_format" && e.field === "context.at",
  );
  assert.equal(w.grid.add_unit({ code: "510106", name: "武侯区" }, { at: AT }).seq, 3);
});

test("a getter that throws is refused naming its field, not read as absent", () => {
  // Before: the getter's exception was swallowed and the field read as undefined, so
  // `new Ward(config)` silently dropped a configuration section that was given.
  const getter = Object.defineProperty({}, "grid", { enumerable: true, get() { throw new Error("getter"); } });
  assert.throws(() => new Ward(getter), (e) => e.name === "GridwardError" && e.code === "wrong_type" && e.field === "grid");
  const w = newWard();
  const args = Object.defineProperty({ code: "510106" }, "name", { enumerable: true, get() { throw new Error("getter"); } });
  assert.throws(() => w.grid.add_unit(args, { at: AT }), (e) => e.name === "GridwardError" && e.field === "name");
});

test("a journal that is not a string is refused naming text", () => {
  // Before: a symbol reached wasm-bindgen's string conversion and threw a TypeError.
  for (const junk of [Symbol("s"), 5, null, undefined, {}, 1n]) {
    assert.throws(
      () => Ward.from_journal(junk),
      (e) => e.name === "GridwardError" && e.code === "wrong_type" && e.field === "text",
    );
  }
});
