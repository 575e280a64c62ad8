// Shared helpers of the Node tests: the repository's root, a static server over it, a
// headless Chromium, and a small community built through the package as users import
// it (`gridward`, installed from the built pkg/).
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

import { Ward, is_gridward_error } from "gridward";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const repoRoot = path.resolve(here, "..", "..");

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Whether a browser is there; under CI its absence is a failure, not a skip. */
export const haveBrowser = existsSync(CHROMIUM) || (Boolean(process.env.CI) && process.env.CI !== "false");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

/** A static file server over the repository root, on an ephemeral port of 127.0.0.1. */
export function serveRoot() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      const file = path.normalize(path.join(repoRoot, decodeURIComponent(url.pathname)));
      if (!file.startsWith(repoRoot + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      const type = MIME[path.extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export const AT = "2026-03-02T09:00:00+08:00";
export const DISTRICT = "510105";
export const STREET = "510105001";
export const COMMUNITY = "510105001001";
export const GRID = "510105001001001";
export const MICRO1 = "510105001001001001";
export const MICRO2 = "510105001001001002";

/** The small community's units, top down, as [code, name]. */
export const UNITS = [[DISTRICT, "青羊区"], [STREET, "草市街街道"], [COMMUNITY, "吉福社区"],
  [GRID, "一号院落网格"], [MICRO1, "1栋微网格"], [MICRO2, "2栋微网格"]];

/** Adds units given top down as [code, name], in this context. */
export function addUnits(ward, units, context) {
  for (const [code, name] of units) ward.grid.add_unit({ code, name }, context);
}

/**
 * A small community: district → street → community → one grid → two micro-grids, three
 * households, a chief grid leader, a micro-grid worker at MICRO1 and a resident.
 */
export function smallWard(config) {
  const ward = new Ward(config);
  const sys = { at: AT };
  addUnits(ward, UNITS, sys);
  ward.grid.add_person({ id: "chief", name: "李书记", phone: "13800000001" }, sys);
  ward.grid.grant_role({ person: "chief", role: "chief_grid_leader", unit: COMMUNITY }, sys);
  ward.grid.add_person({ id: "w1", name: "王网格员" }, sys);
  ward.grid.grant_role({ person: "w1", role: "micro_grid_worker", unit: MICRO1 }, sys);
  ward.grid.add_household({ id: "1-101", unit: MICRO1, area: "72.00" }, sys);
  ward.grid.add_household({ id: "1-102", unit: MICRO1, area: "89.50" }, sys);
  ward.grid.add_household({ id: "2-101", unit: MICRO2, area: "101.25" }, sys);
  ward.grid.add_person({ id: "r1", name: "赵居民", party_member: true }, sys);
  ward.grid.register_resident({ person: "r1", household: "1-101" }, sys);
  return ward;
}

/** Asserts that `fn` throws a GridwardError with this code (and kind, if given). */
export function assertGridwardError(fn, code, kind) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected a GridwardError ${code}, nothing was thrown`);
  assert.ok(caught instanceof Error, `expected an Error, got ${typeof caught}: ${caught}`);
  assert.equal(caught.name, "GridwardError");
  assert.equal(caught.code, code, caught.message);
  if (kind !== undefined) assert.equal(caught.kind, kind, `kind of: ${caught.message}`);
  assert.equal(typeof caught.message, "string");
  assert.ok(caught.message.length > 0);
  assert.ok(is_gridward_error(caught));
  return caught;
}

/** Asserts a refusal of bad input: this generic code (kind `invalid`), naming this field. */
export function assertBadInput(fn, code, field) {
  const error = assertGridwardError(fn, code, "invalid");
  assert.equal(error.field, field, error.message);
  return error;
}

/**
 * Asserts that `fn` throws this GridwardError and leaves the ward as it was: the same
 * journal head, length and state digest.
 */
export function refused(ward, fn, code, kind) {
  const before = [ward.head, ward.journal_length, ward.state_digest()];
  const error = assertGridwardError(fn, code, kind);
  assert.deepEqual([ward.head, ward.journal_length, ward.state_digest()], before,
    `${code}: a refused command changed the ward`);
  return error;
}

/** Asserts that an area came out as a decimal string of this value ("66" or "66.00"). */
export function assertArea(area, expected) {
  assert.equal(typeof area, "string");
  assert.match(area, /^\d+(\.\d+)?$/);
  assert.equal(Number(area), Number(expected), `${area} vs ${expected}`);
}

/** A file of tests/fixtures/parity, parsed. */
export function parityFixture(name) {
  return JSON.parse(readFileSync(path.join(repoRoot, "tests", "fixtures", "parity", name), "utf8"));
}

/**
 * The core's command names that the generated face renames (capability → command →
 * method); every other command is the method of its own name.
 */
export const RENAMED = {
  grid: { import: "import_rows" },
  tasks: { import: "import_requests", return: "return_request" },
};

/**
 * Runs a parity scenario's steps on `ward`, each through the generated typed method of
 * its capability (`ward[capability][method](fields, { actor, at, key })`, never the
 * generic execute); a step without a capability is a grid command. Each expected error
 * must be thrown with its code and leave the head where it was. Returns the codes of
 * the refused steps, in order, and how many receipts were duplicates.
 */
export function runSteps(ward, steps) {
  const errors = [];
  let duplicates = 0;
  steps.forEach((step, i) => {
    const [capability, body] = "type" in step.command
      ? ["grid", step.command] : Object.entries(step.command)[0];
    const { type, ...fields } = body;
    const method = RENAMED[capability]?.[type] ?? type;
    const target = ward[capability];
    assert.equal(typeof target?.[method], "function",
      `step ${i}: no typed method ward.${capability}.${method} for command ${type}`);
    const context = { actor: step.actor, at: step.at, key: step.key };
    const run = () => target[method](fields, context);
    if (step.expect_error === undefined || step.expect_error === null) {
      if (run().duplicate) duplicates += 1;
      return;
    }
    const head = ward.head;
    assert.throws(run, (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, "GridwardError");
      assert.equal(e.code, step.expect_error, `step ${i}: ${e.message}`);
      return true;
    }, `step ${i} should fail with ${step.expect_error}`);
    assert.equal(ward.head, head, `step ${i}: a refused command moved the head`);
    errors.push(step.expect_error);
  });
  return { errors, duplicates };
}

/** The listed keys of an object, in that order. */
export function pick(object, keys) {
  return Object.fromEntries(keys.map((k) => [k, object[k]]));
}
