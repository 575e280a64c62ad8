// The package as npm users get it: `npm pack` makes the tarball, which installs into an
// empty folder, where the package README's code runs verbatim in Node — its import line
// included — and prints what its comments say. The tarball holds one WebAssembly module,
// the README and the licence texts; every `exports` condition names its own types.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { repoRoot } from "./support.mjs";

const pkgDir = path.join(repoRoot, "bindings-wasm", "pkg");
const readme = fs.readFileSync(path.join(repoRoot, "bindings-wasm", "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

const SHIPPED = [
  "LICENSE-APACHE", "LICENSE-MIT", "README.md", "api.js", "gridward.d.ts", "index.d.ts", "index.js",
  "node.d.ts", "node.js", "package.json", "wasm/gridward.js", "wasm/gridward_bg.wasm",
];

test("the manifest: each exports condition names its entry and its types; engines, keywords, licence", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  assert.deepEqual(manifest.exports["."], {
    node: { types: "./node.d.ts", default: "./node.js" },
    browser: { types: "./index.d.ts", default: "./index.js" },
    default: { types: "./index.d.ts", default: "./index.js" },
  });
  assert.equal(manifest.types, "./index.d.ts");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.equal(manifest.engines.node, ">=20");
  assert.ok(manifest.keywords.length >= 5);
  assert.equal(manifest.repository, undefined);
  assert.equal(manifest.dependencies, undefined);
});

test("npm pack, install into an empty folder, and the README's code runs there in Node", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gridward-pack-"));
  try {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir],
      { cwd: pkgDir, encoding: "utf8" }));
    assert.deepEqual(packed.files.map((f) => f.path).sort(), SHIPPED);
    assert.equal(fs.readFileSync(path.join(pkgDir, "LICENSE-MIT"), "utf8"),
      fs.readFileSync(path.join(repoRoot, "LICENSE-MIT"), "utf8"));

    const app = path.join(dir, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", path.join(dir, packed.filename)],
      { cwd: app, encoding: "utf8" });
    assert.ok(!fs.lstatSync(path.join(app, "node_modules", "gridward")).isSymbolicLink());

    // The README's import lines, then its example, each as a module of its own.
    assert.equal(blocks.length, 2);
    assert.match(blocks[0], /^import init, \{ Ward \} from "gridward";\n\nawait init\(\);\n$/);
    fs.writeFileSync(path.join(app, "import.mjs"), `${blocks[0]}console.log(typeof Ward, import.meta.resolve("gridward"));\n`);
    const [kind, entry] = execFileSync(process.execPath, ["import.mjs"], { cwd: app, encoding: "utf8" }).trim().split(" ");
    assert.equal(kind, "function");
    assert.ok(entry.endsWith("/node_modules/gridward/node.js"), entry);

    fs.writeFileSync(path.join(app, "example.mjs"), blocks[1]);
    const printed = execFileSync(process.execPath, ["example.mjs"], { cwd: app, encoding: "utf8" });
    const expected = [...blocks[1].matchAll(/console\.log\(.*\/\/ (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(printed.trimEnd().split("\n"), expected);
    assert.deepEqual(expected, ["1 1 false", "GridwardError float_not_allowed area", "6 true true"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
