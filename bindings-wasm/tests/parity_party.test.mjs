// Parity for the party capability: tests/fixtures/parity/party_scenario.json — a
// community's party bodies, first secretary, two committees, 双报到 with the paired units'
// service ledger, public-order requests routed to the police and a week on station — run
// through the JavaScript face's generated typed methods (never the generic execute),
// must reach the journal head, digest, bodies, coverage, chains, ledgers and weekly
// report the Rust face wrote down in party_expected.json.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward } from "gridward";
import { parityFixture, runSteps } from "./support.mjs";

const scenario = parityFixture("party_scenario.json");
const expected = parityFixture("party_expected.json");
const config = scenario.config ?? undefined;

test("the party parity scenario gives the Rust face's numbers", () => {
  const ward = new Ward(config);
  const { errors } = runSteps(ward, scenario.steps);
  const q = scenario.queries;
  const requests = ["wish-1", "order-1", "order-2"].map((id) => {
    const r = ward.tasks.request({ id });
    return { id: r.id, status: r.status, responsible: r.responsible };
  });
  const [category, household] = q.route;
  const observed = {
    head: ward.head,
    digest: ward.state_digest(),
    journal_entries: ward.journal_length,
    errors,
    bodies: ward.party.bodies(),
    first_secretaries: ward.party.first_secretaries({ community: q.community }),
    serving: ward.party.first_secretaries({ on: q.on }),
    two_committees: ward.party.two_committees({ community: q.community }),
    coverage: ward.grid.coverage({ scope: q.community, rules: q.rules }),
    chains: q.households.map((h) => ward.grid.party_for({ household: h, on: q.on })),
    ledgers: q.periods.map(([from, to]) => ward.party.service_ledger({ scope: q.community, from, to })),
    stations: ward.party.stations(),
    station_week: ward.party.station_week({ day: q.week_of }),
    requests,
    route: ward.tasks.route({ category, location: { household } }),
  };
  for (const key of Object.keys(expected)) {
    assert.deepEqual(observed[key], expected[key], key);
  }
  assert.deepEqual(observed, expected);
});

test("the generic execute reaches the same head, and the journal replays to the same state", () => {
  const ward = new Ward(config);
  for (const step of scenario.steps) {
    if (step.expect_error) continue;
    ward.execute(step.command, { actor: step.actor, at: step.at, key: step.key });
  }
  assert.equal(ward.head, expected.head);
  const again = Ward.from_journal(ward.export_journal(), config);
  assert.equal(again.state_digest(), expected.digest);
  assert.deepEqual(again.party.bodies(), expected.bodies);
});

test("a refused party command names its field and changes nothing", () => {
  const ward = new Ward(config);
  runSteps(ward, scenario.steps);
  const head = ward.head;
  const at = "2026-05-04T09:00:00+08:00";
  assert.throws(
    () => ward.party.appoint({ unit: "510104002003", person: "m2", office: "member" }, { actor: "staff", at }),
    (e) => e.code === "not_a_party_member" && e.message.includes("m2"),
  );
  assert.throws(
    () => ward.party.record_station_day({ person: "staff", compound: "510104002003001", on: "2026-05-09" }, { actor: "staff", at }),
    (e) => e.code === "future_day" && e.message.includes("on:"),
  );
  assert.equal(ward.head, head);
});
