// Parity: the grid scenario in tests/fixtures/parity, run through the JavaScript face's
// generated typed methods, must reach the same head, digest and numbers as the Rust face
// wrote down.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward } from "gridward";
import { parityFixture, runSteps, pick } from "./support.mjs";

const scenario = parityFixture("grid_scenario.json");
const expected = parityFixture("grid_expected.json");

test("the parity scenario gives the Rust face's numbers", () => {
  const ward = new Ward();
  const { errors } = runSteps(ward, scenario.steps);

  const q = scenario.queries;
  const coverage = ward.grid.coverage();
  const progress = ward.grid.directive_progress({ id: q.directive });
  const chain = ward.grid.chain({ household: q.chain_household, domain: q.chain_domain });
  const observed = {
    head: ward.head,
    digest: ward.state_digest(),
    journal_entries: ward.journal_length,
    counts: ward.grid.counts(),
    coverage: pick(coverage, ["scope", "households", "micro_grids", "unassigned_households",
      "out_of_band", "without_party_member", "without_leader"]),
    progress: pick(progress, ["targets", "acknowledged", "completion_rate", "late",
      "first_after_secs", "last_after_secs"]),
    progress_by: ward.grid.directive_progress_by({ id: q.directive, level: q.progress_level }),
    chain: {
      household: chain.household,
      domain: chain.domain,
      links: chain.links.map((l) => ({
        code: l.code,
        responders: l.responders.map((r) => ({ person: r.person, role: r.role })),
      })),
      departments: chain.departments.map((d) => d.id),
    },
    errors,
  };
  assert.deepEqual(observed, expected);
});
