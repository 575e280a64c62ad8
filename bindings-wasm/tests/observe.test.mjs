// Following the journal from JavaScript: listeners get each entry as its JSON line once
// its command took effect (Node keeps the journal in a file through one), and
// export_journal({since}) gives the entries after a given one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { Ward, is_gridward_error } from "gridward";

const AT = "2026-01-05T08:00:00+08:00";
const person = (id) => ({ grid: { type: "add_person", id, name: "某人", phone: null, party_member: false } });

function world(ward) {
  ward.grid.add_unit({ code: "510105", name: "青羊区" }, { at: AT });
  ward.grid.add_unit({ code: "510105001", name: "街道" }, { at: AT });
  ward.execute(person("p1"), { at: AT });
  return ward;
}

test("a listener gets every entry, and a file kept through it replays to the same ward", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gridward-observe-"));
  const file = path.join(dir, "journal.jsonl");
  const ward = new Ward();
  const lines = [];
  const stop = ward.on_entry((line) => {
    lines.push(line);
    fs.appendFileSync(file, line);
  });
  world(ward);
  // A refused command appends nothing; a batch appends its one entry.
  assert.throws(() => ward.execute(person("p1"), { at: AT }), (e) => is_gridward_error(e) && e.code === "person_exists");
  const outcomes = ward.execute_batch([{ command: person("p2"), at: AT }, { command: person("p1"), at: AT }]);
  assert.ok(is_gridward_error(outcomes[1]));
  assert.equal(lines.length, ward.journal_length);
  assert.equal(lines.join(""), ward.export_journal());
  const again = Ward.from_journal(fs.readFileSync(file, "utf8"));
  assert.deepEqual([again.head, again.state_digest()], [ward.head, ward.state_digest()]);
  stop();
  ward.execute(person("p3"), { at: AT });
  assert.equal(lines.length, ward.journal_length - 1);
  fs.rmSync(dir, { recursive: true });
});

test("a listener that throws: the command took effect, and the caller hears of it", () => {
  const ward = world(new Ward());
  const calls = [];
  ward.on_entry(() => {
    throw new Error("the disk is full");
  });
  ward.on_entry((line) => calls.push(line));
  const length = ward.journal_length;
  assert.throws(() => ward.execute(person("p2"), { at: AT }), /the disk is full/);
  assert.equal(ward.journal_length, length + 1);
  // Every listener was called all the same.
  assert.equal(calls.length, 1);
});

test("export_journal({since}) gives the entries after, and a bad since is named", () => {
  const ward = world(new Ward());
  const whole = ward.export_journal();
  assert.equal(ward.export_journal({ since: 0 }), whole);
  assert.equal(ward.export_journal({}), whole);
  assert.equal(ward.export_journal({ since: 1 }), whole.split("\n").slice(1).join("\n"));
  assert.equal(ward.export_journal({ since: 99 }), "");
  for (const since of [-1, 1.5, "1", 2 ** 60, NaN]) {
    assert.throws(
      () => ward.export_journal({ since }),
      (e) => is_gridward_error(e) && e.field === "since",
      String(since),
    );
  }
  assert.throws(() => ward.export_journal(7), (e) => is_gridward_error(e) && e.field === "options");
  assert.throws(() => ward.on_entry("not a function"), (e) => is_gridward_error(e) && e.field === "listener");
});
