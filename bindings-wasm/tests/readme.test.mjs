// The README's JavaScript example runs exactly as printed — its import line and
// `await init()` included — as a module in Node 20 and on a page in headless Chromium,
// and prints what its comments say. No line of it is changed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { repoRoot, serveRoot, launchChromium, haveBrowser } from "./support.mjs";

const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const example = blocks[0];

/** Checks the lines the example prints, as text. */
function checkPrinted(lines) {
  assert.equal(lines.length, 4, lines.join("\n"));
  const [seq, head, count] = lines[0].split(" ");
  assert.equal(seq, "3");
  assert.match(head, /^[0-9a-f]{64}$/);
  assert.equal(count, "3");
  assert.equal(lines[1], "GridwardError unknown_actor permission_denied");
  assert.equal(lines[2], "assigned");
  assert.equal(lines[3], "true");
}

test("the README has one JavaScript example, importing the package by name", () => {
  assert.equal(blocks.length, 1);
  assert.match(example, /^import init, \{[^}]*\} from "gridward";$/m);
});

test("the README's JavaScript example runs verbatim in Node", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gridward-readme-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(path.join(repoRoot, "bindings-wasm", "pkg"), path.join(dir, "node_modules", "gridward"));
  fs.writeFileSync(path.join(dir, "example.mjs"), example);
  const out = execFileSync(process.execPath, [path.join(dir, "example.mjs")], { encoding: "utf8" });
  checkPrinted(out.trimEnd().split("\n"));
});

let server;
let browser;
before(async () => {
  if (!haveBrowser) return;
  server = await serveRoot();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("the README's JavaScript example runs verbatim on a page in Chromium", { skip: !haveBrowser && "no Chromium" }, async () => {
  const { port } = server.address();
  // The page maps the bare name to the package as a bundler or CDN would, and runs the
  // example's text unchanged as its module script.
  const page = await browser.newPage();
  const printed = [];
  page.on("console", (m) => printed.push(m.text()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const html = `<!doctype html><meta charset="utf-8">
<script type="importmap">{"imports": {"gridward": "/bindings-wasm/pkg/index.js"}}</script>
<script type="module">${example}
window.__done = true;</script>`;
  await page.route(`http://127.0.0.1:${port}/readme.html`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await page.goto(`http://127.0.0.1:${port}/readme.html`);
  await page.waitForFunction(() => window.__done === true || false, null, { timeout: 20000 }).catch(() => {});
  assert.deepEqual(errors, []);
  checkPrinted(printed);
});
