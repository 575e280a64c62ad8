// The owners' assembly through the JavaScript face: the roll of owners, motions, votes
// and paper ballots, the live and final counts, refusals that leave the head unchanged,
// and the free function `tally` at the exact boundaries of Civil Code Art. 278.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gridward, assertGridwardError } from "./support.mjs";
import { compoundWard, on, FUND, COMPOUND } from "./fund_support.mjs";

const { tally } = gridward;

function refused(ward, fn, code, kind) {
  const head = ward.head;
  assertGridwardError(fn, code, kind);
  assert.equal(ward.head, head, `${code}: the head moved`);
}

const areas = (n, area = "30") => Array.from({ length: n }, (_, i) => [`o${i}`, area]);
const votes = (...choices) => Object.fromEntries(choices.map((c, i) => [`o${i}`, c]));

test("tally: the quorum is met at exactly two thirds of the area and of the owners", () => {
  const t = tally("ordinary", areas(3), votes("yes", "yes"));
  assert.equal(t.quorum, true);
  assert.equal(t.outcome, "passed");
  assert.deepEqual([t.total_owners, t.voted_owners, t.yes_owners, t.no_owners], [3, 2, 2, 0]);
  assert.equal(Number(t.total_area), 90);
  assert.equal(Number(t.voted_area), 60);
  assert.equal(tally("ordinary", areas(3), votes("yes")).outcome, "no_quorum");
  // Two thirds of the owners but less than two thirds of the area.
  const t2 = tally("ordinary", [["o0", "40"], ["o1", "30"], ["o2", 30]], { o1: "yes", o2: "yes" });
  assert.equal(t2.quorum, false);
  assert.equal(t2.outcome, "no_quorum");
});

test("tally: a special motion passes at exactly three quarters, not below", () => {
  const passed = tally("special", areas(4), votes("yes", "yes", "yes", "no"));
  assert.equal(passed.area_majority, true);
  assert.equal(passed.owner_majority, true);
  assert.equal(passed.outcome, "passed");
  const below = tally("special", areas(4), votes("yes", "yes", "no", "no"));
  assert.equal(below.outcome, "rejected");
  // Three quarters of the owners but less than three quarters of the area.
  const light = tally("special", [["o0", "10"], ["o1", "10"], ["o2", "10"], ["o3", "90"]],
    votes("yes", "yes", "yes", "no"));
  assert.equal(light.owner_majority, true);
  assert.equal(light.area_majority, false);
  assert.equal(light.outcome, "rejected");
});

test("tally: an ordinary motion needs more than half; exactly half fails", () => {
  assert.equal(tally("ordinary", areas(4), votes("yes", "yes", "no", "no")).outcome, "rejected");
  assert.equal(tally("ordinary", areas(4), votes("yes", "yes", "yes", "no")).outcome, "passed");
  // Abstentions take part without counting for or against.
  const t = tally("ordinary", areas(4), votes("yes", "yes", "abstain", "no"));
  assert.equal(t.quorum, true);
  assert.equal(t.outcome, "rejected");
  // An owner of two homes counts once, with both areas.
  const two = tally("ordinary", [["a", "50"], ["a", "50"], ["b", "40"]], { a: "yes", b: "no" });
  assert.equal(two.total_owners, 2);
  assert.equal(Number(two.yes_area), 100);
  assertGridwardError(() => tally("unanimous", areas(1), {}), "invalid_motion_kind", "invalid");
  assertGridwardError(() => tally("ordinary", [["o0"]], {}), "invalid_electorate", "invalid");
  assertGridwardError(() => tally("ordinary", areas(1), { o0: "maybe" }), "invalid_choice", "invalid");
  assertGridwardError(() => tally("ordinary", [["o0", "x"]], {}), "invalid_decimal", "invalid");
});

test("owners are recorded and cleared; owner() reads the roll", () => {
  const ward = compoundWard({ open: false });
  assert.equal(ward.owner("1-101"), "o1");
  assert.ok(ward.owner("nowhere") == null);
  ward.setOwner({ household: "1-101", owner: null }, { actor: "oc", at: on(1, 3) });
  assert.ok(ward.owner("1-101") == null);
  ward.setOwner({ household: "1-101", owner: "o1" }, { actor: "oc", at: on(1, 3) });
  // The same owner again changes nothing.
  assert.equal(ward.setOwner({ household: "1-101", owner: "o1" }, { actor: "oc", at: on(1, 3) }).seq, null);
  refused(ward, () => ward.setOwner({ household: "9-999", owner: "o1" }, { actor: "oc" }), "unknown_household", "not_found");
  refused(ward, () => ward.setOwner({ household: "1-101", owner: "o2" }, { actor: "o2" }), "permission_denied");
});

test("a motion: votes, paper ballots, the live count, closing and what it decides", () => {
  const ward = compoundWard();
  ward.proposeBudget({ fund: FUND, budget: "2026", from: "2026-01-01", to: "2026-12-31",
    lines: [{ line: "cleaning", amount: "6000.00" }] }, { actor: "pm", at: on(1, 3) });
  const closes = on(1, 9, "18:00");
  ward.openMotion({ motion: "m1", unit: COMPOUND, title: "2026年度预算",
    subject: { type: "approve_budget", fund: FUND, budget: "2026" }, closes }, { actor: "oc", at: on(1, 3) });
  refused(ward, () => ward.openMotion({ motion: "m2", unit: COMPOUND, title: "again",
    subject: { type: "approve_budget", fund: FUND, budget: "2026" }, closes }, { actor: "oc", at: on(1, 3) }),
  "subject_pending", "conflict");
  refused(ward, () => ward.openMotion({ motion: "m3", unit: COMPOUND, title: "x",
    subject: { type: "matter", matter: "rebuild" }, closes: on(1, 2) }, { actor: "oc", at: on(1, 3) }),
  "bad_closing", "invalid");
  refused(ward, () => ward.openMotion({ motion: "m3", unit: COMPOUND, title: "x",
    subject: { type: "matter", matter: "rebuild" }, closes: "next week" }, { actor: "oc", at: on(1, 3) }),
  "invalid_datetime", "invalid");
  ward.castVote({ motion: "m1", choice: "yes" }, { actor: "o1", at: on(1, 4) });
  ward.castVote({ motion: "m1", choice: "no", owner: "o2" }, { actor: "oc", at: on(1, 4) });
  refused(ward, () => ward.castVote({ motion: "m1", choice: "yes" }, { actor: "o1", at: on(1, 5) }), "voted_already", "conflict");
  refused(ward, () => ward.castVote({ motion: "m1", choice: "perhaps" }, { actor: "o3", at: on(1, 5) }), "invalid_command", "invalid");
  refused(ward, () => ward.castVote({ motion: "m1", choice: "yes" }, { actor: "pm", at: on(1, 5) }), "not_an_owner");
  refused(ward, () => ward.castVote({ motion: "m1", choice: "yes", owner: "o3" }, { actor: "o1", at: on(1, 5) }), "permission_denied");
  refused(ward, () => ward.castVote({ motion: "nope", choice: "yes" }, { actor: "o3", at: on(1, 5) }), "unknown_motion", "not_found");

  const live = ward.motion("m1");
  assert.equal(live.closed, false);
  assert.equal(live.kind, "ordinary");
  assert.deepEqual(live.votes, { o1: "yes", o2: "no" });
  assert.deepEqual(live.subject, { type: "approve_budget", fund: FUND, budget: "2026" });
  assert.equal(live.tally.voted_owners, 2);
  // Two owners of three, but 161.5 of 281.8 m²: below two thirds of the area, so far.
  assert.equal(live.tally.outcome, "no_quorum");
  assert.equal(live.closes, "2026-01-09T18:00:00+08:00");
  refused(ward, () => ward.closeMotion({ motion: "m1" }, { actor: "oc", at: on(1, 8) }), "voting_open", "conflict");
  ward.castVote({ motion: "m1", choice: "yes" }, { actor: "o3", at: on(1, 9) });
  refused(ward, () => ward.castVote({ motion: "m1", choice: "yes" }, { actor: "o3", at: on(1, 10) }), "voting_ended");
  const closed = ward.closeMotion({ motion: "m1" }, { actor: "oc", at: on(1, 10) });
  assert.ok(closed.events >= 2, "the count and the budget's approval in one entry");
  const m = ward.motion("m1");
  assert.equal(m.closed, true);
  assert.equal(m.tally.outcome, "passed");
  assert.equal(Number(m.tally.yes_area), 192.3);
  assert.equal(ward.fund(FUND).budgets[0].approval, "approved");
  refused(ward, () => ward.castVote({ motion: "m1", choice: "no" }, { actor: "o2", at: on(1, 11) }), "motion_closed", "conflict");
  refused(ward, () => ward.closeMotion({ motion: "m1" }, { actor: "oc", at: on(1, 11) }), "motion_closed", "conflict");
  assert.equal(ward.motion("nope"), null);

  ward.openMotion({ motion: "m-rebuild", unit: COMPOUND, title: "改造",
    subject: { type: "matter", matter: "rebuild" }, closes: new Date("2026-02-01T00:00:00Z") },
  { actor: "oc", at: on(1, 11) });
  assert.equal(ward.motion("m-rebuild").kind, "special");
  assert.deepEqual(ward.motions().map((x) => x.id), ["m-rebuild", "m1"]);
  const events = ward.decide({ assembly: { type: "cast_vote", motion: "m-rebuild", choice: "yes" } },
    { actor: "o1", at: on(1, 12) });
  assert.deepEqual(events, [{ assembly: { type: "vote_cast", motion: "m-rebuild", owner: "o1", choice: "yes" } }]);
  ward.execute({ assembly: { type: "cast_vote", motion: "m-rebuild", choice: "yes" } }, { actor: "o1", at: on(1, 12) });
  assert.deepEqual(ward.motion("m-rebuild").votes, { o1: "yes" });
});
