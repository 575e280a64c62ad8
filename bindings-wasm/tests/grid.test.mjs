// Every grid command and query through the generated face (`ward.grid.*`), on the package
// as installed.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward } from "gridward";
import {
  smallWard, assertArea, assertGridwardError, AT, DISTRICT, STREET, COMMUNITY, GRID, MICRO1, MICRO2,
} from "./support.mjs";

const sys = { at: AT };

test("a new ward is empty and takes a partial config", () => {
  const ward = new Ward();
  assert.equal(ward.head, "0".repeat(64));
  assert.equal(ward.journal_length, 0);
  assert.equal(ward.export_journal(), "");
  assert.deepEqual(ward.grid.roots(), []);
  const banded = new Ward({ grid: { coverage: { band: [2, 5] } } });
  assert.deepEqual(banded.config().grid.coverage.band, [2, 5]);
  assert.equal(banded.config().grid.coverage.leaders, true);
  assert.equal(banded.config().grid.default_domains.length, 5);
  assert.equal(new Ward(null).config().grid.coverage.band[1], 100);
});

test("building a community records one entry per command", () => {
  const ward = smallWard();
  assert.equal(ward.journal_length, 15);
  assert.match(ward.head, /^[0-9a-f]{64}$/);
  assert.deepEqual(ward.grid.counts(), {
    districts: 1, streets: 1, communities: 1, grids: 1, micro_grids: 2,
    households: 3, people: 3, departments: 0, paired_units: 0, directives: 0,
  });
});

test("every command returns a receipt and changes what the queries show", () => {
  const ward = smallWard();
  const { grid } = ward;
  let last = ward.head;
  const step = (receipt, events = 1) => {
    assert.equal(typeof receipt.seq, "number");
    assert.equal(receipt.seq, ward.journal_length);
    assert.equal(receipt.events, events);
    assert.equal(receipt.duplicate, false);
    assert.equal(receipt.head, ward.head);
    assert.notEqual(receipt.head, last);
    last = receipt.head;
  };

  step(grid.rename_unit({ code: MICRO2, name: "2栋(东)微网格" }, sys));
  assert.equal(grid.unit({ code: MICRO2 }).name, "2栋(东)微网格");

  step(grid.set_domains({ code: MICRO2, domains: ["fire_safety", "health"] }, sys));
  assert.deepEqual(grid.unit({ code: MICRO2 }).domains, ["fire_safety", "health"]);

  step(grid.add_person({ id: "p2", name: "钱党员", phone: null, party_member: true }, sys));
  step(grid.register_resident({ person: "p2", household: "2-101" }, sys));
  assert.deepEqual(grid.household({ id: "2-101" }).residents, ["p2"]);

  step(grid.grant_role({ person: "p2", role: "volunteer", unit: MICRO2 }, sys));
  assert.deepEqual(grid.person({ id: "p2" }).roles, [{ role: "volunteer", unit: MICRO2 }]);
  step(grid.revoke_role({ person: "p2", role: "volunteer", unit: MICRO2 }, sys));
  assert.deepEqual(grid.person({ id: "p2" }).roles, []);
  assert.equal(grid.person({ id: "p2" }).home, "2-101");

  step(grid.move_household({ id: "1-102", to: MICRO2 }, sys));
  assert.equal(grid.household({ id: "1-102" }).unit, MICRO2);

  step(grid.add_department(
    { id: "fire", name: "消防救援站", street: STREET, domains: ["fire_safety"] }, sys));
  step(grid.add_paired_unit({ id: "bank", name: "某银行支行", community: COMMUNITY }, sys));
  const counts = grid.counts();
  assert.equal(counts.departments, 1);
  assert.equal(counts.paired_units, 1);

  const imported = grid.import_rows({ rows: [
    { kind: "unit", code: "510105001001002", parent: COMMUNITY, name: "二号院落网格" },
    { kind: "unit", code: "510105001001002001", name: "3栋微网格" },
    { kind: "household", id: "3-101", unit: "510105001001002001", area: 66 },
    { kind: "person", id: "p3", name: "孙居民", household: "3-101" },
    { kind: "role", person: "p3", role: "reporting_party_member", unit: "510105001001002001" },
  ] }, sys);
  step(imported, imported.events);
  assert.ok(imported.events >= 5);
  assertArea(grid.household({ id: "3-101" }).area, "66");

  // Two households move out (2-101, and 1-102 moved in above), then the unit retires.
  step(grid.retire_unit({ code: MICRO2, transfer_households_to: MICRO1 }, sys), 3);
  assert.equal(grid.unit({ code: MICRO2 }), null);
  assert.equal(grid.household({ id: "2-101" }).unit, MICRO1);

  step(grid.issue_directive(
    { id: "d1", unit: COMMUNITY, title: "燃气安全入户排查", due: "2026-03-02T17:00:00+08:00" },
    { actor: "chief", at: "2026-03-02T14:00:00+08:00" }));
  step(grid.acknowledge(
    { directive: "d1", households: ["1-101", "1-102"] },
    { actor: "w1", at: "2026-03-02T14:05:00+08:00" }));
  const progress = grid.directive_progress({ id: "d1" });
  assert.equal(progress.targets, 4);
  assert.equal(progress.acknowledged, 2);
  assert.equal(progress.completion_rate, 0.5);
  assert.equal(progress.first_after_secs, 300);
  assert.equal(progress.issued_at, "2026-03-02T14:00:00+08:00");
  assert.equal(progress.due, "2026-03-02T17:00:00+08:00");

  // Acknowledging the same households again changes nothing: no entry, same head.
  const again = grid.acknowledge({ directive: "d1", households: ["1-101"] },
    { actor: "w1", at: "2026-03-02T14:06:00+08:00" });
  assert.equal(again.seq, null);
  assert.equal(again.events, 0);
  assert.equal(again.head, last);
});

test("execute takes the JSON form by capability and decide records nothing", () => {
  const ward = smallWard();
  const head = ward.head;
  const command = { grid: { type: "rename_unit", code: GRID, name: "新名" } };
  const events = ward.decide(command, sys);
  assert.deepEqual(events, [{ grid: { type: "unit_renamed", code: GRID, name: "新名" } }]);
  assert.equal(ward.head, head);
  assert.equal(ward.grid.unit({ code: GRID }).name, "一号院落网格");
  const receipt = ward.execute(command, sys);
  assert.equal(receipt.seq, 16);
  assert.equal(ward.grid.unit({ code: GRID }).name, "新名");
  // A command names its capability: the bare grid form is not taken.
  assertGridwardError(() => ward.execute({ type: "rename_unit", code: GRID, name: "x" }, sys),
    "wrong_type", "invalid");
});

test("unit, roots, children and subtree", () => {
  const { grid } = smallWard();
  assert.deepEqual(grid.unit({ code: COMMUNITY }), {
    code: COMMUNITY, name: "吉福社区", level: "community", parent: STREET,
    domains: ["politics_and_law", "market_supervision", "emergency_management",
      "civil_affairs", "fire_safety"],
    direct_households: 0,
  });
  assert.equal(grid.unit({ code: "510105009" }), null);
  assert.deepEqual(grid.roots().map((u) => u.code), [DISTRICT]);
  assert.equal(grid.roots()[0].parent, null);
  assert.deepEqual(grid.children({ code: GRID }).map((u) => u.code), [MICRO1, MICRO2]);
  const tree = grid.subtree({ code: COMMUNITY });
  assert.deepEqual(tree.map((r) => [r.code, r.depth, r.direct_households, r.households]), [
    [COMMUNITY, 0, 0, 3], [GRID, 1, 0, 3], [MICRO1, 2, 2, 2], [MICRO2, 2, 1, 1],
  ]);
  assert.equal(tree[2].level, "micro_grid");
  assert.equal(tree[2].parent, GRID);
});

test("households, people, persons and counts under a unit", () => {
  const { grid } = smallWard();
  const rows = grid.households_under({ code: GRID });
  assert.deepEqual(rows, [
    { id: "1-101", unit: MICRO1, area: "72.00" },
    { id: "1-102", unit: MICRO1, area: "89.50" },
    { id: "2-101", unit: MICRO2, area: "101.25" },
  ]);
  for (const r of rows) assert.equal(typeof r.area, "string");
  assert.deepEqual(grid.people_under({ code: COMMUNITY }), [
    { person: "chief", role: "chief_grid_leader", unit: COMMUNITY, household: null },
    { person: "w1", role: "micro_grid_worker", unit: MICRO1, household: null },
    { person: "r1", role: null, unit: MICRO1, household: "1-101" },
  ]);
  assert.deepEqual(grid.household({ id: "1-101" }),
    { id: "1-101", unit: MICRO1, area: "72.00", residents: ["r1"] });
  assert.equal(grid.household({ id: "nobody" }), null);
  assert.deepEqual(grid.person({ id: "chief" }), {
    id: "chief", name: "李书记", phone: "13800000001", party_member: false, home: null,
    roles: [{ role: "chief_grid_leader", unit: COMMUNITY }],
  });
  assert.equal(grid.person({ id: "r1" }).party_member, true);
  assert.equal(grid.person({ id: "ghost" }), null);
  const c = grid.counts({ scope: MICRO1 });
  assert.equal(c.households, 2);
  assert.equal(c.micro_grids, 1);
  assert.equal(c.people, 2);
});

test("a household's chain of responsibility", () => {
  const { grid } = smallWard();
  grid.add_department({ id: "fire", name: "消防救援站", street: STREET, domains: ["fire_safety"] }, sys);
  const chain = grid.chain({ household: "1-101", domain: "fire_safety" });
  assert.equal(chain.household, "1-101");
  assert.equal(chain.domain, "fire_safety");
  assert.deepEqual(chain.links.map((l) => l.code), [MICRO1, GRID, COMMUNITY, STREET]);
  assert.deepEqual(chain.links[0].responders,
    [{ person: "w1", name: "王网格员", role: "micro_grid_worker" }]);
  assert.equal(chain.links[0].level, "micro_grid");
  assert.deepEqual(chain.departments, [{ id: "fire", name: "消防救援站" }]);
  assert.deepEqual(grid.chain({ household: "1-101", domain: "health" }).departments, []);
});

test("coverage with the configured band and with rules given per call", () => {
  const { grid } = smallWard({ grid: { coverage: { band: [2, 100] } } });
  const report = grid.coverage();
  assert.equal(report.scope, null);
  assert.equal(report.households, 3);
  assert.equal(report.micro_grids, 2);
  assert.deepEqual(report.unassigned_households, []);
  assert.deepEqual(report.out_of_band, [{ code: MICRO2, households: 1 }]);
  assert.deepEqual(report.without_party_member, [MICRO2]);
  assert.deepEqual(report.without_leader, [
    { code: GRID, level: "grid", role: "grid_leader" },
    { code: MICRO2, level: "micro_grid", role: "micro_grid_worker" },
  ]);
  assert.equal(report.is_clean, false);
  assert.equal(report.micro_grid_compliance, 0.5);

  const loose = grid.coverage({ scope: GRID, rules: { band: null, leaders: false } });
  assert.equal(loose.scope, GRID);
  assert.deepEqual(loose.out_of_band, []);
  assert.deepEqual(loose.without_leader, []);
  assert.deepEqual(loose.without_party_member, [MICRO2]);

  grid.add_household({ id: "g-1", unit: GRID, area: "50" }, sys);
  assert.deepEqual(grid.coverage().unassigned_households, ["g-1"]);
});

test("directive progress by level and the list of directives", () => {
  const { grid } = smallWard();
  grid.issue_directive({ id: "d1", unit: GRID, title: "消防通道清理",
    due: new Date("2026-03-03T00:00:00Z") }, { actor: "chief", at: "2026-03-02T10:00:00+08:00" });
  grid.acknowledge({ directive: "d1", households: ["1-101"] },
    { actor: "w1", at: new Date("2026-03-02T02:30:00Z") });
  const rows = grid.directive_progress_by({ id: "d1", level: "micro_grid" });
  assert.deepEqual(rows, [
    { code: MICRO1, name: "1栋微网格", targets: 2, acknowledged: 1, completion_rate: 0.5 },
    { code: MICRO2, name: "2栋微网格", targets: 1, acknowledged: 0, completion_rate: 0 },
  ]);
  const list = grid.directives();
  assert.equal(list.length, 1);
  assert.deepEqual(
    { ...list[0], due: Date.parse(list[0].due) },
    { id: "d1", unit: GRID, title: "消防通道清理", issued_at: "2026-03-02T10:00:00+08:00",
      due: Date.parse("2026-03-03T00:00:00Z"), targets: 3, acknowledged: 1 });
  assert.equal(grid.directive_progress({ id: "d1" }).first_after_secs, 1800);
});

test("context: omitted time is now, omitted actor is the platform", () => {
  const ward = smallWard();
  const before = Date.now();
  ward.grid.issue_directive({ id: "now", unit: GRID, title: "现在" });
  const issued = Date.parse(ward.grid.directive_progress({ id: "now" }).issued_at);
  assert.ok(issued >= before - 1000 && issued <= Date.now() + 1000, `${issued} vs ${before}`);
  const body = JSON.parse(ward.export_journal().trim().split("\n").at(-1)).body;
  assert.equal(body.actor, "system");
  ward.grid.rename_unit({ code: GRID, name: "甲" }, { actor: "chief" });
  const last = JSON.parse(ward.export_journal().trim().split("\n").at(-1)).body;
  assert.deepEqual(last.actor, { person: "chief" });
});

test("areas are decimal strings out; text or whole numbers in, never a binary float", () => {
  const ward = smallWard();
  const { grid } = ward;
  assertGridwardError(() => grid.add_household({ id: "n1", unit: MICRO2, area: 88.75 }, sys),
    "float_not_allowed", "invalid");
  grid.add_household({ id: "n1", unit: MICRO2, area: "88.75" }, sys);
  grid.add_household({ id: "n2", unit: MICRO2, area: 0.1 + 0.2 > 0.3 ? 60 : 0 }, sys);
  grid.add_household({ id: "n3", unit: MICRO2, area: "95.50" }, sys);
  assertArea(grid.household({ id: "n1" }).area, "88.75");
  assertArea(grid.household({ id: "n2" }).area, "60");
  assert.equal(grid.household({ id: "n3" }).area, "95.50");
  for (const row of grid.households_under({ code: DISTRICT })) {
    assert.equal(typeof row.area, "string");
  }
  // The journal records the area as the decimal string too.
  const line = ward.export_journal().trim().split("\n").at(-3);
  assert.match(line, /"area":"88.75"/);
});
