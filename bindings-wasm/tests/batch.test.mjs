// Batched execution through the JavaScript face: each command decided as `execute` would
// decide it, the accepted ones in one journal entry, refusals returned in place (not
// thrown) and leaving no trace, bad items named by their index.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, is_gridward_error } from "gridward";

const AT = "2026-01-05T08:00:00+08:00";
const person = (id) => ({ grid: { type: "add_person", id, name: "某人", phone: null, party_member: false } });

test("a batch records the accepted commands in one entry", () => {
  const ward = new Ward();
  ward.grid.add_unit({ code: "510105", name: "青羊区" }, { at: AT });
  const [first, refused, second, retry] = ward.execute_batch([
    { command: person("p1"), at: AT },
    { command: person("p1"), at: AT },
    { command: person("p2"), at: "2026-01-05T08:01:00+08:00", key: "k2" },
    { command: person("p2"), at: "2026-01-05T08:01:00+08:00", key: "k2" },
  ]);
  assert.equal(ward.journal_length, 2);
  assert.ok(is_gridward_error(refused));
  assert.equal(refused.code, "person_exists");
  assert.equal(first.seq, 2);
  assert.equal(second.seq, 2);
  assert.equal(retry.duplicate, true);
  assert.equal(first.head, ward.head);
  const entry = ward.export_journal().split("\n")[1];
  assert.equal(entry.split('"person_added"').length - 1, 2);
  assert.ok(entry.includes('"key":"k2"'));
  const again = Ward.from_journal(ward.export_journal());
  assert.deepEqual([again.head, again.state_digest()], [ward.head, ward.state_digest()]);
});

test("a bad item is refused in place, naming its index", () => {
  const ward = new Ward();
  const outcomes = ward.execute_batch([
    { command: { grid: { type: "add_unit", code: "510105", name: "青羊区" } }, at: AT },
    "not a command",
    { command: person("p1"), colour: "red" },
    { actor: "p1" },
    { command: { grid: { type: "add_unit", code: "510105001", name: 7 } } },
    { command: { grid: { type: "add_unit", code: "510105001", name: "街道" } }, at: AT },
  ]);
  assert.deepEqual(
    outcomes.map((o) => (is_gridward_error(o) ? o.field : null)),
    [null, "commands[1]", "commands[2].colour", "commands[3].command", "commands[4].command.grid.name", null],
  );
  assert.ok(outcomes.slice(1, 5).every((o) => o.kind === "invalid"));
  assert.equal(ward.journal_length, 1);
  const single = new Ward();
  single.grid.add_unit({ code: "510105", name: "青羊区" }, { at: AT });
  single.grid.add_unit({ code: "510105001", name: "街道" }, { at: AT });
  assert.equal(ward.state_digest(), single.state_digest());
});

test("a batch that is not an array is refused", () => {
  const ward = new Ward();
  assert.throws(() => ward.execute_batch({ command: person("p1") }), (e) => e.code === "wrong_type" && e.field === "commands");
  assert.deepEqual(ward.execute_batch([]), []);
  assert.equal(ward.journal_length, 0);
});
