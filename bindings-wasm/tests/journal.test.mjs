// The journal: export, verification (by Gridward and independently with node:crypto),
// tampering, and rebuilding a ward from its journal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";

import { Ward, verify_journal } from "gridward";
import { smallWard, assertGridwardError, assertBadInput, AT, GRID } from "./support.mjs";

const ZERO = "0".repeat(64);

function lines(text) {
  return text.split("\n").filter((l) => l.trim() !== "");
}

test("the exported journal verifies and ends at the ward's head", () => {
  const ward = smallWard();
  const text = ward.export_journal();
  assert.equal(lines(text).length, ward.journal_length);
  assert.ok(text.endsWith("\n"));
  assert.deepEqual(verify_journal({ text }), {
    entries: ward.journal_length, head: ward.head, intact: true, first_break: null,
    head_matches: null,
  });
  assert.equal(verify_journal({ text, expected_head: ward.head }).head_matches, true);
  // A hash is written in lowercase only, as the journal writes it.
  assertBadInput(() => verify_journal({ text, expected_head: ward.head.toUpperCase() }),
    "bad_format", "expected_head");
  assert.equal(verify_journal({ text, expected_head: ZERO }).head_matches, false);
  assertBadInput(() => verify_journal({ text, expected_head: "not-a-hash" }), "bad_format", "expected_head");
  assert.deepEqual(verify_journal({ text: "" }), {
    entries: 0, head: ZERO, intact: true, first_break: null, head_matches: null,
  });
});

test("anyone can recompute every hash with SHA-256 and a JSON parser", () => {
  const ward = smallWard();
  ward.grid.issue_directive({ id: "d", unit: GRID, title: "含\"引号\"、\\反斜杠、/斜杠、<&>与🏠" },
    { actor: "chief", at: AT, key: "k-1" });
  let prev = ZERO;
  let seq = 0;
  for (const line of lines(ward.export_journal())) {
    const entry = JSON.parse(line);
    seq += 1;
    assert.deepEqual(Object.keys(entry), ["seq", "prev", "hash", "body"]);
    assert.equal(entry.seq, seq);
    assert.equal(entry.prev, prev);
    const body = JSON.stringify(entry.body);
    const hash = createHash("sha256").update(`${entry.seq}\n${entry.prev}\n${body}`, "utf8")
      .digest("hex");
    assert.equal(hash, entry.hash, `entry ${seq}`);
    prev = hash;
  }
  assert.equal(prev, ward.head);
  assert.equal(seq, ward.journal_length);
});

test("a tampered journal is found at the line where it breaks", () => {
  const ward = smallWard();
  const text = ward.export_journal();
  const edited = text.replace("\"area\":\"89.50\"", "\"area\":\"8.5\"");
  assert.notEqual(edited, text);
  const editedLine = lines(text).findIndex((l) => l.includes("\"area\":\"89.50\"")) + 1;
  const report = verify_journal({ text: edited, expected_head: ward.head });
  assert.equal(report.intact, false);
  assert.equal(report.first_break.line, editedLine);
  assert.match(report.first_break.reason, /hash/);
  assert.equal(report.entries, editedLine - 1);
  assert.equal(report.head_matches, false);
  const err = assertGridwardError(() => Ward.from_journal(edited), "journal_broken", "journal");
  assert.match(err.message, new RegExp(`line ${editedLine}`));

  // Dropping the last entry leaves a valid chain that no longer ends at the head.
  const all = lines(text);
  const truncated = all.slice(0, -1).join("\n") + "\n";
  const cut = verify_journal({ text: truncated, expected_head: ward.head });
  assert.equal(cut.intact, true);
  assert.equal(cut.head_matches, false);

  // Swapping two entries breaks the chain at the first of them.
  const swapped = [all[1], all[0], ...all.slice(2)].join("\n");
  assert.equal(verify_journal({ text: swapped }).first_break.line, 1);
  assertGridwardError(() => Ward.from_journal("nonsense\n"), "journal_broken", "journal");
});

test("from_journal rebuilds the same state, and the rebuilt ward carries on", () => {
  const ward = smallWard();
  ward.grid.issue_directive({ id: "d", unit: GRID, title: "t" }, { actor: "chief", at: AT, key: "k" });
  ward.grid.acknowledge({ directive: "d", households: ["1-101"] }, { actor: "w1", at: AT });
  const text = ward.export_journal();
  const again = Ward.from_journal(text);
  assert.equal(again.state_digest(), ward.state_digest());
  assert.match(again.state_digest(), /^[0-9a-f]{64}$/);
  assert.equal(again.head, ward.head);
  assert.equal(again.journal_length, ward.journal_length);
  assert.equal(again.export_journal(), text);
  assert.deepEqual(again.grid.directive_progress({ id: "d" }), ward.grid.directive_progress({ id: "d" }));
  // Idempotency keys survive the round trip.
  const retry = again.grid.issue_directive({ id: "d", unit: GRID, title: "t" },
    { actor: "chief", at: AT, key: "k" });
  assert.equal(retry.duplicate, true);
  // Both carry on to the same state.
  for (const w of [ward, again]) w.grid.rename_unit({ code: GRID, name: "新" }, { at: AT });
  assert.equal(again.head, ward.head);
  assert.equal(again.state_digest(), ward.state_digest());
  const configured = Ward.from_journal(text, { grid: { coverage: { band: [1, 2] } } });
  assert.deepEqual(configured.config().grid.coverage.band, [1, 2]);
});

test("the state digest does not depend on the path taken", () => {
  const a = smallWard();
  const b = smallWard();
  b.grid.rename_unit({ code: GRID, name: "临时" }, { at: AT });
  b.grid.rename_unit({ code: GRID, name: "一号院落网格" }, { at: AT });
  assert.notEqual(a.head, b.head);
  assert.equal(a.state_digest(), b.state_digest());
});
