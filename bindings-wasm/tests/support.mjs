// Shared helpers of the Node tests: the repository's root, a static server over it, a
// headless Chromium, and a small community built through the package as users import
// it (`gridward`, installed from the built pkg/).
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

import { Ward } from "gridward";

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

/**
 * A small community: district → street → community → one grid → two micro-grids, three
 * households, a chief grid leader, a micro-grid worker at MICRO1 and a resident.
 */
export function smallWard(config) {
  const ward = new Ward(config);
  const sys = { at: AT };
  for (const [code, name] of [[DISTRICT, "青羊区"], [STREET, "草市街街道"], [COMMUNITY, "吉福社区"],
    [GRID, "一号院落网格"], [MICRO1, "1栋微网格"], [MICRO2, "2栋微网格"]]) {
    ward.grid.add_unit({ code, name }, sys);
  }
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
  if (kind !== undefined) assert.equal(caught.kind, kind);
  return caught;
}
