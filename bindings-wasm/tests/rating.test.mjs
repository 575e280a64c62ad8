// The community rating tree through the JavaScript face: evaluate_communities, the RULES
// vectors of the grade bands and the veto, normalisation, ranking, losses and item points
// as long tables, the errors, and the sample "four types" scheme when it is there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { evaluate_communities, rating_losses, rating_items, check_rating_tree } from "gridward";
import { repoRoot, assertGridwardError, assertBadInput } from "./support.mjs";

const evaluate = (tree, data) => evaluate_communities({ tree, data });

/** One indicator scored against a target of 100: the score is the value. */
const plain = {
  name: "单项",
  items: [{ id: "rate", name: "结案率", weight: "1",
    normalise: { method: "target", target: "100", better: "higher" } }],
  vetoes: [{ id: "accident", name: "发生重大安全责任事故" }],
};
const one = (community, rate, vetoes) => ({ community, values: { rate }, vetoes });

test("grade bands and the veto (RULES vectors)", () => {
  const result = evaluate(plain, [one("a", "90"), one("b", "89.99"), one("c", 60),
    one("d", "59.99"), one("e", "100", ["accident"])]);
  assert.deepEqual(result.map((e) => [e.community, e.score, e.grade, e.rank, e.vetoed]), [
    ["a", "90.00", "优秀", 1, []],
    ["b", "89.99", "良好", 2, []],
    ["c", "60.00", "合格", 3, []],
    ["d", "59.99", "不合格", 4, []],
    // A fired veto: the lowest grade whatever the score, ranked after every other.
    ["e", "100.00", "不合格", 5, ["accident"]],
  ]);
  assert.deepEqual(result[0].items, [{ id: "rate", name: "结案率", points: "90.00", max: "100.00" }]);
  assert.deepEqual(result[0].lost, [{ indicator: "rate", name: "结案率", item: "rate",
    value: "90", points_lost: "10.00" }]);
  // A tree read from JSON text evaluates the same.
  assert.deepEqual(evaluate(JSON.parse(JSON.stringify(plain)), [one("a", "90")]), [result[0]]);
  assert.deepEqual(rating_items({ evaluations: [result[0]] }),
    [{ community: "a", grade: "优秀", rank: 1, id: "rate", name: "结案率", points: "90.00", max: "100.00" }]);
});

test("weights per level, min-max across communities, lower is better, flags, ties", () => {
  const tree = {
    name: "示例",
    items: [
      { id: "convenient", name: "便利型", weight: 3, children: [
        { id: "closure", name: "结案率", weight: 1, normalise: { method: "min_max", better: "higher" } },
        { id: "cases", name: "万人发案数", weight: 1, normalise: { method: "target", target: 10, better: "lower" } },
      ] },
      { id: "plan", name: "应急预案", weight: 1, normalise: { method: "flag" } },
    ],
    bands: [{ label: "A", min: 75 }],
    lowest: "B",
  };
  const data = [
    { community: "x", values: { closure: "80", cases: "20", plan: 1 } },
    { community: "y", values: { closure: "90", cases: "10", plan: 0 } },
    { community: "z", values: { closure: "90", cases: "10", plan: 0 } },
  ];
  const result = evaluate(tree, data);
  // x: 37.5 × 0 + 37.5 × 10/20 + 25 × 1; y and z: 37.5 + 37.5 + 0.
  assert.deepEqual(result.map((e) => [e.community, e.score, e.grade, e.rank]),
    [["x", "43.75", "B", 3], ["y", "75.00", "A", 1], ["z", "75.00", "A", 1]]);
  assert.deepEqual(result[0].items.map((i) => [i.id, i.points, i.max]),
    [["convenient", "18.75", "75.00"], ["plan", "25.00", "25.00"]]);
  assert.deepEqual(result[0].lost.map((l) => [l.indicator, l.item, l.points_lost]),
    [["closure", "convenient", "37.50"], ["cases", "convenient", "18.75"]]);
  const rows = rating_losses({ evaluations: result });
  assert.equal(rows.length, result.reduce((n, e) => n + e.lost.length, 0));
  assert.deepEqual(rows[0], { community: "x", grade: "B", rank: 3, indicator: "closure",
    name: "结案率", item: "convenient", value: "80", points_lost: "37.50" });
  assert.deepEqual(rows.map((r) => r.community), ["x", "x", "y", "z"]);
  assert.deepEqual(check_rating_tree({ tree }), { name: "示例", top_level: 2, items: 1, indicators: 3, vetoes: 0 });
});

test("refused trees and data say why, with the core's codes", () => {
  const data = [one("a", "90")];
  assertGridwardError(() => evaluate(plain, [{ community: "a", values: { nope: 1 } }]),
    "unknown_indicator", "not_found");
  assertGridwardError(() => evaluate(plain, [{ community: "a", values: {} }]), "missing_value", "invalid");
  assertGridwardError(() => evaluate(plain, [one("a", "-1")]), "negative_value", "invalid");
  assertGridwardError(() => evaluate(plain, [one("a", 1, ["fire"])]), "unknown_veto", "not_found");
  assertGridwardError(() => evaluate(plain, [one("a", 1), one("a", 2)]), "duplicate_community", "conflict");
  const flag = { name: "f", items: [{ id: "p", name: "预案", weight: 1, normalise: { method: "flag" } }] };
  assertGridwardError(() => evaluate(flag, [{ community: "a", values: { p: 2 } }]), "not_a_flag");
  const bad = { ...plain, items: [{ ...plain.items[0], weight: 0 }] };
  const e = assertGridwardError(() => evaluate(bad, data), "bad_weight", "invalid");
  assert.match(e.message, /items\[0\]/);
  assertGridwardError(() => check_rating_tree({ tree: { ...plain, vetoes: [{ id: "rate", name: "x" }] } }),
    "duplicate_id", "conflict");
});

test("trees and data of the wrong shape are bad input, naming the field", () => {
  const data = [one("a", "90")];
  for (const [fn, code, field] of [
    // The tree is an object: JSON text is parsed by the caller.
    [() => evaluate("{ not json", data), "wrong_type", "tree"],
    [() => evaluate(JSON.stringify(plain), data), "wrong_type", "tree"],
    [() => evaluate({ ...plain, colour: "red" }, data), "unknown_field", "tree.colour"],
    [() => evaluate(42, data), "wrong_type", "tree"],
    [() => evaluate(plain, "a"), "wrong_type", "data"],
    [() => evaluate(plain, [{ community: "a", values: { rate: 1 }, extra: 1 }]), "unknown_field", "data[0].extra"],
    [() => evaluate(plain, [one("a", NaN)]), "float_not_allowed", "data[0].values.rate"],
    [() => evaluate(plain, [one("a", 89.5)]), "float_not_allowed", "data[0].values.rate"],
    [() => rating_losses({ evaluations: [{ community: "a" }] }), "missing_field", "evaluations[0].grade"],
  ]) {
    assertBadInput(fn, code, field);
  }
});

const SAMPLE = path.join(repoRoot, "tests", "fixtures", "rating", "four_types_tree.json");

test("the sample four-types scheme: 48 items, 133 indicators, losses that explain the score",
  { skip: existsSync(SAMPLE) ? false : "no tests/fixtures/rating/four_types_tree.json" }, () => {
    const tree = JSON.parse(readFileSync(SAMPLE, "utf8"));
    const summary = check_rating_tree({ tree });
    assert.deepEqual([summary.items, summary.indicators], [48, 133]);
    const leaves = [];
    const walk = (nodes) => nodes.forEach((n) => (n.children ? walk(n.children) : leaves.push(n)));
    walk(tree.items);
    // Three communities: every indicator at its worst, in the middle and at its best.
    const value = (leaf, k) => {
      const n = leaf.normalise;
      if (n.method === "flag") return k === 0 ? 0 : 1;
      if (n.method === "min_max") return [0, 5, 10][k] * (n.better === "higher" ? 1 : -1) + 10;
      const t = Number(n.target);
      const higher = n.better === "higher";
      return [higher ? 0 : t * 4, t / 2, higher ? t : t / 2][k].toFixed(2);
    };
    const data = ["低分社区", "中间社区", "满分社区"].map((community, k) => ({
      community, values: Object.fromEntries(leaves.map((l) => [l.id, value(l, k)])),
    }));
    const result = evaluate(tree, data);
    assert.deepEqual(result.map((e) => e.rank), [3, 2, 1]);
    assert.equal(result[2].score, "100.00");
    assert.deepEqual(result[2].lost, []);
    for (const e of result) {
      const lost = e.lost.reduce((s, l) => s + Number(l.points_lost), 0);
      // Each loss is rounded to the hundredth on its own.
      assert.ok(Math.abs(100 - Number(e.score) - lost) <= 0.005 * e.lost.length + 0.005,
        `${e.community}: ${lost} lost for ${e.score}`);
      assert.equal(e.items.length, tree.items.length);
    }
    assert.equal(rating_losses({ evaluations: result }).length, result[0].lost.length + result[1].lost.length);
    assert.equal(rating_items({ evaluations: result }).length, result.length * tree.items.length);
  });
