// The owners' assembly through the JavaScript face: the roll of owners, motions, votes
// and paper ballots, the live and final counts, refusals that leave the head unchanged,
// and the pure function `tally` at the exact boundaries of Civil Code Art. 278.
import { test } from "node:test";
import assert from "node:assert/strict";

import { tally } from "gridward";
import { assertBadInput, refused } from "./support.mjs";
import { compoundWard, on, FUND, COMPOUND } from "./fund_support.mjs";

const areas = (n, area = "30") => Array.from({ length: n }, (_, i) => [`o${i}`, area]);
const votes = (...choices) => Object.fromEntries(choices.map((c, i) => [`o${i}`, c]));
const count = (kind, electorate, cast) => tally({ kind, electorate, votes: cast });

test("tally: the quorum is met at exactly two thirds of the area and of the owners", () => {
  const t = count("ordinary", areas(3), votes("yes", "yes"));
  assert.equal(t.quorum, true);
  assert.equal(t.outcome, "passed");
  assert.deepEqual([t.total_owners, t.voted_owners, t.yes_owners, t.no_owners], [3, 2, 2, 0]);
  assert.equal(Number(t.total_area), 90);
  assert.equal(Number(t.voted_area), 60);
  assert.equal(count("ordinary", areas(3), votes("yes")).outcome, "no_quorum");
  // Two thirds of the owners but less than two thirds of the area.
  const t2 = count("ordinary", [["o0", "40"], ["o1", "30"], ["o2", 30]], { o1: "yes", o2: "yes" });
  assert.equal(t2.quorum, false);
  assert.equal(t2.outcome, "no_quorum");
});

test("tally: a special motion passes at exactly three quarters, not below", () => {
  const passed = count("special", areas(4), votes("yes", "yes", "yes", "no"));
  assert.equal(passed.area_majority, true);
  assert.equal(passed.owner_majority, true);
  assert.equal(passed.outcome, "passed");
  const below = count("special", areas(4), votes("yes", "yes", "no", "no"));
  assert.equal(below.outcome, "rejected");
  // Three quarters of the owners but less than three quarters of the area.
  const light = count("special", [["o0", "10"], ["o1", "10"], ["o2", "10"], ["o3", "90"]],
    votes("yes", "yes", "yes", "no"));
  assert.equal(light.owner_majority, true);
  assert.equal(light.area_majority, false);
  assert.equal(light.outcome, "rejected");
});

test("tally: an ordinary motion needs more than half; exactly half fails", () => {
  assert.equal(count("ordinary", areas(4), votes("yes", "yes", "no", "no")).outcome, "rejected");
  assert.equal(count("ordinary", areas(4), votes("yes", "yes", "yes", "no")).outcome, "passed");
  // Abstentions take part without counting for or against.
  const t = count("ordinary", areas(4), votes("yes", "yes", "abstain", "no"));
  assert.equal(t.quorum, true);
  assert.equal(t.outcome, "rejected");
  // An owner of two homes counts once, with both areas.
  const two = count("ordinary", [["a", "50"], ["a", "50"], ["b", "40"]], { a: "yes", b: "no" });
  assert.equal(two.total_owners, 2);
  assert.equal(Number(two.yes_area), 100);
  for (const [fn, code, field] of [
    [() => count("unanimous", areas(1), {}), "unknown_value", "kind"],
    [() => count("ordinary", [["o0"]], {}), "wrong_type", "electorate[0]"],
    [() => count("ordinary", areas(1), { o0: "maybe" }), "unknown_value", "votes.o0"],
    [() => count("ordinary", [["o0", "x"]], {}), "bad_format", "electorate[0][1]"],
  ]) {
    assertBadInput(fn, code, field);
  }
});

test("owners are recorded and cleared; owner() and electorate() read the roll", () => {
  const ward = compoundWard({ open: false });
  const { assembly } = ward;
  assert.equal(assembly.owner({ household: "1-101" }), "o1");
  assert.ok(assembly.owner({ household: "nowhere" }) == null);
  assembly.set_owner({ household: "1-101", owner: null }, { actor: "oc", at: on(1, 3) });
  assert.ok(assembly.owner({ household: "1-101" }) == null);
  assert.deepEqual(assembly.electorate({ unit: COMPOUND }).map((h) => [h.household, h.owner, h.area]),
    [["1-101", null, "72.00"], ["1-102", "o2", "89.50"], ["2-101", "o3", "120.30"]]);
  assembly.set_owner({ household: "1-101", owner: "o1" }, { actor: "oc", at: on(1, 3) });
  // The same owner again changes nothing.
  assert.equal(assembly.set_owner({ household: "1-101", owner: "o1" }, { actor: "oc", at: on(1, 3) }).seq, null);
  refused(ward, () => assembly.set_owner({ household: "9-999", owner: "o1" }, { actor: "oc" }),
    "unknown_household", "not_found");
  refused(ward, () => assembly.set_owner({ household: "1-101", owner: "o2" }, { actor: "o2" }), "permission_denied");
});

test("a motion: votes, paper ballots, the live count, closing and what it decides", () => {
  const ward = compoundWard();
  const { assembly } = ward;
  ward.fund.propose_budget({ fund: FUND, budget: "2026", from: "2026-01-01", to: "2026-12-31",
    lines: [{ line: "cleaning", amount: "6000.00" }] }, { actor: "pm", at: on(1, 3) });
  const closes = on(1, 9, "18:00");
  const oc = (day) => ({ actor: "oc", at: on(1, day) });
  const vote = (motion, choice, actor, day, owner) =>
    () => assembly.cast_vote({ motion, choice, owner }, { actor, at: on(1, day) });
  assembly.open_motion({ motion: "m1", unit: COMPOUND, title: "2026年度预算",
    subject: { type: "approve_budget", fund: FUND, budget: "2026" }, closes }, oc(3));
  refused(ward, () => assembly.open_motion({ motion: "m2", unit: COMPOUND, title: "again",
    subject: { type: "approve_budget", fund: FUND, budget: "2026" }, closes }, oc(3)),
  "subject_pending", "conflict");
  refused(ward, () => assembly.open_motion({ motion: "m3", unit: COMPOUND, title: "x",
    subject: { type: "matter", matter: "rebuild" }, closes: on(1, 2) }, oc(3)),
  "bad_closing", "invalid");
  const time = refused(ward, () => assembly.open_motion({ motion: "m3", unit: COMPOUND, title: "x",
    subject: { type: "matter", matter: "rebuild" }, closes: "next week" }, oc(3)), "bad_format", "invalid");
  assert.equal(time.field, "closes");
  vote("m1", "yes", "o1", 4)();
  vote("m1", "no", "oc", 4, "o2")();
  refused(ward, vote("m1", "yes", "o1", 5), "voted_already", "conflict");
  assert.equal(refused(ward, vote("m1", "perhaps", "o3", 5), "unknown_value", "invalid").field, "choice");
  refused(ward, vote("m1", "yes", "pm", 5), "not_an_owner");
  refused(ward, vote("m1", "yes", "o1", 5, "o3"), "permission_denied");
  refused(ward, vote("nope", "yes", "o3", 5), "unknown_motion", "not_found");

  const live = assembly.motion({ id: "m1" });
  assert.equal(live.closed, false);
  assert.equal(live.kind, "ordinary");
  assert.deepEqual(live.votes, { o1: "yes", o2: "no" });
  assert.deepEqual(live.subject, { type: "approve_budget", fund: FUND, budget: "2026" });
  assert.equal(live.tally.voted_owners, 2);
  // Two owners of three, but 161.5 of 281.8 m²: below two thirds of the area, so far.
  assert.equal(live.tally.outcome, "no_quorum");
  assert.equal(live.closes, "2026-01-09T18:00:00+08:00");
  refused(ward, () => assembly.close_motion({ motion: "m1" }, oc(8)), "voting_open", "conflict");
  vote("m1", "yes", "o3", 9)();
  refused(ward, vote("m1", "yes", "o3", 10), "voting_ended");
  const closed = assembly.close_motion({ motion: "m1" }, oc(10));
  assert.ok(closed.events >= 2, "the count and the budget's approval in one entry");
  const m = assembly.motion({ id: "m1" });
  assert.equal(m.closed, true);
  assert.equal(m.tally.outcome, "passed");
  assert.equal(Number(m.tally.yes_area), 192.3);
  assert.equal(ward.fund.fund({ id: FUND }).budgets[0].approval, "approved");
  refused(ward, vote("m1", "no", "o2", 11), "motion_closed", "conflict");
  refused(ward, () => assembly.close_motion({ motion: "m1" }, oc(11)), "motion_closed", "conflict");
  assert.equal(assembly.motion({ id: "nope" }), null);

  assembly.open_motion({ motion: "m-rebuild", unit: COMPOUND, title: "改造",
    subject: { type: "matter", matter: "rebuild" }, closes: new Date("2026-02-01T00:00:00Z") }, oc(11));
  assert.equal(assembly.motion({ id: "m-rebuild" }).kind, "special");
  // With the fund's own: the owners approved its fee and its business uses on 2 January.
  assert.deepEqual(assembly.motions().map((x) => x.id), ["m-fee", "m-rebuild", "m-uses", "m1"]);
  const command = { assembly: { type: "cast_vote", motion: "m-rebuild", choice: "yes" } };
  const events = ward.decide(command, { actor: "o1", at: on(1, 12) });
  assert.deepEqual(events, [{ assembly: { type: "vote_cast", motion: "m-rebuild", owner: "o1", choice: "yes" } }]);
  ward.execute(command, { actor: "o1", at: on(1, 12) });
  assert.deepEqual(assembly.motion({ id: "m-rebuild" }).votes, { o1: "yes" });
});
