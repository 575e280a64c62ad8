// Simulation from JavaScript: the parity fixture's district gives the Rust face's report,
// the districts' counts merge with rates computed after merging, and a district travels
// as its journal.

import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, indicators_from_counts, merge_indicator_counts, simulate_district } from "gridward";
import { parityFixture } from "./support.mjs";

const scenario = parityFixture("sim_run.json");

test("the fixture district gives the Rust face's report", () => {
  assert.deepEqual(simulate_district(scenario), parityFixture("sim_expected.json"));
});

test("districts merge, with rates computed after merging", () => {
  const parts = [0, 1].map((district) => simulate_district({ ...scenario, district }));
  const [whole] = merge_indicator_counts({ parts: parts.map((p) => ({ ...p.whole, unit: null })) });
  assert.equal(whole.filed, 600);
  const closed = parts.reduce((n, p) => n + p.whole.closed, 0);
  const due = parts.reduce((n, p) => n + p.whole.due, 0);
  assert.equal(indicators_from_counts({ counts: whole }).closure_rate, (closed * 100 / due).toFixed(2));
});

test("a district travels as its journal", () => {
  const report = simulate_district({ ...scenario, journal: true });
  const again = Ward.from_journal(report.journal, report.config);
  assert.equal(again.state_digest(), report.digest);
  assert.equal(again.head, report.head);
  again.free();
  // Without the journal asked for, its entries are dropped as the days go: every other
  // figure, the head and the entry count included, is the same.
  const lean = simulate_district(scenario);
  assert.equal(lean.journal, null);
  assert.deepEqual({ ...lean, journal: report.journal, config: report.config }, report);
});

test("a bad shape is refused naming the field", () => {
  assert.throws(
    () => simulate_district({ ...scenario, shape: { ...scenario.shape, streets: 0 } }),
    (e) => e.code === "out_of_range" && e.field === "shape.streets",
  );
});
