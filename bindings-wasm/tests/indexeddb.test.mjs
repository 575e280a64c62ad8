// The browser keeps its ward: in headless Chromium, examples/web/kept.html opens the ward
// kept in IndexedDB, commands are executed and written, the page reloads, and the ward
// comes back with the same head, length and state; its journal verifies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";

import { serveRoot, launchChromium, haveBrowser, CHROMIUM } from "./support.mjs";

const skip = haveBrowser ? false : `no browser at ${CHROMIUM} (and CI is unset)`;

let server;
let browser;
let page;
const problems = [];

before(async () => {
  if (skip) return;
  server = await serveRoot();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function load() {
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/examples/web/kept.html`);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]", { timeout: 30_000 });
  assert.equal(await page.getAttribute("body", "data-state"), "ready", await page.textContent("#error"));
}

/** The kept ward's head, length, state digest and whether its journal verifies. */
const look = () =>
  page.evaluate(async () => {
    const { verify_journal } = await import("gridward");
    const ward = window.kept.ward;
    const check = verify_journal({ text: ward.export_journal(), expected_head: ward.head });
    return { head: ward.head, length: ward.journal_length, digest: ward.state_digest(), intact: check.intact };
  });

test("the page reloads to the same ward, with the same head", { skip }, async () => {
  await load();
  const empty = await look();
  assert.equal(empty.length, 0);
  // Commands through the ward, and through the page's button.
  await page.evaluate(async () => {
    const ward = window.kept.ward;
    ward.grid.add_unit({ code: "510105", name: "青羊区" }, { at: "2026-03-02T09:00:00+08:00" });
    ward.grid.add_unit({ code: "510105001", name: "府南街道" }, { at: "2026-03-02T09:01:00+08:00" });
    try {
      ward.grid.add_unit({ code: "510105", name: "again" }, { at: "2026-03-02T09:02:00+08:00" });
    } catch {
      // refused: no entry
    }
    await window.kept.written();
  });
  await page.click("#register");
  await page.waitForFunction(() => document.getElementById("people").textContent === "1");
  const before = await look();
  assert.equal(before.length, 3);
  assert.ok(before.intact);
  assert.equal(await page.textContent("#head"), before.head);

  await page.reload();
  await page.waitForSelector("body[data-state=ready], body[data-state=error]", { timeout: 30_000 });
  const after = await look();
  assert.deepEqual(after, before);
  assert.equal(await page.textContent("#head"), before.head);

  // And the kept ward goes on from there.
  await page.click("#register");
  await page.waitForFunction(() => document.getElementById("people").textContent === "2");
  await page.reload();
  await page.waitForSelector("body[data-state=ready]", { timeout: 30_000 });
  assert.equal((await look()).length, 4);
  assert.deepEqual(problems, []);
});
