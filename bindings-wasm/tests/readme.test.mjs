// The README's JavaScript example runs as written against the Node build (the web
// build's `init()` is the only line that differs) and prints what its comments say.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { repoRoot, Ward, verifyJournal } from "./support.mjs";

test("the README's JavaScript example runs and prints what it promises", async () => {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 1, "the README has one JavaScript example");
  const body = blocks[0]
    .replace(/^import .* from "gridward";$/m, "")
    .replace(/^await init\(\);$/m, "");
  assert.ok(!/\bimport\b/.test(body), "only the package import is replaced");
  const printed = [];
  const console = { log: (...args) => printed.push(args) };
  const run = new Function("Ward", "verifyJournal", "console", `return (async () => {${body}})();`);
  await run(Ward, verifyJournal, console);

  const [seq, head, subtree] = printed[0];
  assert.equal(seq, 3);
  assert.match(head, /^[0-9a-f]{64}$/);
  assert.deepEqual(subtree.map((r) => r.code), ["510107", "510107017", "510107017006"]);
  assert.deepEqual(printed[1], ["GridwardError", "unknown_actor", "permission_denied"]);
  assert.deepEqual(printed[2], [true]);
});
