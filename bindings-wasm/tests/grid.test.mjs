// Every grid mutation and query through the built Node package.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Ward, smallWard, assertArea, AT, DISTRICT, STREET, COMMUNITY, GRID, MICRO1, MICRO2,
} from "./support.mjs";

const sys = { at: AT };

test("a new ward is empty and takes a partial config", () => {
  const ward = new Ward();
  assert.equal(ward.head, "0".repeat(64));
  assert.equal(ward.journalLength, 0);
  assert.equal(ward.exportJournal(), "");
  assert.deepEqual(ward.roots(), []);
  const banded = new Ward({ grid: { coverage: { band: [2, 5] } } });
  assert.deepEqual(banded.config.grid.coverage.band, [2, 5]);
  assert.equal(banded.config.grid.coverage.leaders, true);
  assert.equal(banded.config.grid.default_domains.length, 5);
  assert.equal(new Ward(null).config.grid.coverage.band[1], 100);
});

test("building a community records one entry per command", () => {
  const ward = smallWard();
  assert.equal(ward.journalLength, 15);
  assert.match(ward.head, /^[0-9a-f]{64}$/);
  const counts = ward.counts();
  assert.deepEqual(counts, {
    districts: 1, streets: 1, communities: 1, grids: 1, micro_grids: 2,
    households: 3, people: 3, departments: 0, paired_units: 0, directives: 0,
  });
});

test("every mutation returns a receipt and changes what the queries show", () => {
  const ward = smallWard();
  let last = ward.head;
  const step = (receipt, events = 1) => {
    assert.equal(typeof receipt.seq, "number");
    assert.equal(receipt.seq, ward.journalLength);
    assert.equal(receipt.events, events);
    assert.equal(receipt.duplicate, false);
    assert.equal(receipt.head, ward.head);
    assert.notEqual(receipt.head, last);
    last = receipt.head;
  };

  step(ward.renameUnit({ code: MICRO2, name: "2栋(东)微网格" }, sys));
  assert.equal(ward.unit(MICRO2).name, "2栋(东)微网格");

  step(ward.setDomains({ code: MICRO2, domains: ["fire_safety", "health"] }, sys));
  assert.deepEqual(ward.unit(MICRO2).domains, ["fire_safety", "health"]);

  step(ward.addPerson({ id: "p2", name: "钱党员", phone: null, party_member: true }, sys));
  step(ward.registerResident({ person: "p2", household: "2-101" }, sys));
  assert.deepEqual(ward.household("2-101").residents, ["p2"]);

  step(ward.grantRole({ person: "p2", role: "volunteer", unit: MICRO2 }, sys));
  assert.deepEqual(ward.person("p2").roles, [{ role: "volunteer", unit: MICRO2 }]);
  step(ward.revokeRole({ person: "p2", role: "volunteer", unit: MICRO2 }, sys));
  assert.deepEqual(ward.person("p2").roles, []);
  assert.equal(ward.person("p2").home, "2-101");

  step(ward.moveHousehold({ id: "1-102", to: MICRO2 }, sys));
  assert.equal(ward.household("1-102").unit, MICRO2);

  step(ward.addDepartment(
    { id: "fire", name: "消防救援站", street: STREET, domains: ["fire_safety"] }, sys));
  step(ward.addPairedUnit({ id: "bank", name: "某银行支行", community: COMMUNITY }, sys));
  const counts = ward.counts();
  assert.equal(counts.departments, 1);
  assert.equal(counts.paired_units, 1);

  const imported = ward.importRows([
    { kind: "unit", code: "510105001001002", parent: COMMUNITY, name: "二号院落网格" },
    { kind: "unit", code: "510105001001002001", name: "3栋微网格" },
    { kind: "household", id: "3-101", unit: "510105001001002001", area: 66 },
    { kind: "person", id: "p3", name: "孙居民", household: "3-101" },
    { kind: "role", person: "p3", role: "reporting_party_member", unit: "510105001001002001" },
  ], sys);
  step(imported, imported.events);
  assert.ok(imported.events >= 5);
  assertArea(ward.household("3-101").area, "66");

  // Two households move out (2-101, and 1-102 moved in above), then the unit retires.
  step(ward.retireUnit({ code: MICRO2, transfer_households_to: MICRO1 }, sys), 3);
  assert.equal(ward.unit(MICRO2), null);
  assert.equal(ward.household("2-101").unit, MICRO1);

  step(ward.issueDirective(
    { id: "d1", unit: COMMUNITY, title: "燃气安全入户排查", due: "2026-03-02T17:00:00+08:00" },
    { actor: "chief", at: "2026-03-02T14:00:00+08:00" }));
  step(ward.acknowledge(
    { directive: "d1", households: ["1-101", "1-102"] },
    { actor: "w1", at: "2026-03-02T14:05:00+08:00" }));
  const progress = ward.directiveProgress("d1");
  assert.equal(progress.targets, 4);
  assert.equal(progress.acknowledged, 2);
  assert.equal(progress.completion_rate, 0.5);
  assert.equal(progress.first_after_secs, 300);
  assert.equal(progress.issued_at, "2026-03-02T14:00:00+08:00");
  assert.equal(progress.due, "2026-03-02T17:00:00+08:00");

  // Acknowledging the same households again changes nothing: no entry, same head.
  const again = ward.acknowledge({ directive: "d1", households: ["1-101"] },
    { actor: "w1", at: "2026-03-02T14:06:00+08:00" });
  assert.equal(again.seq, null);
  assert.equal(again.events, 0);
  assert.equal(again.head, last);
});

test("execute takes the JSON form and decide records nothing", () => {
  const ward = smallWard();
  const head = ward.head;
  const events = ward.decide({ type: "rename_unit", code: GRID, name: "新名" }, sys);
  assert.deepEqual(events, [{ grid: { type: "unit_renamed", code: GRID, name: "新名" } }]);
  assert.equal(ward.head, head);
  assert.equal(ward.unit(GRID).name, "一号院落网格");
  const receipt = ward.execute({ type: "rename_unit", code: GRID, name: "新名" }, sys);
  assert.equal(receipt.seq, 16);
  assert.equal(ward.unit(GRID).name, "新名");
});

test("unit, roots, children and subtree", () => {
  const ward = smallWard();
  assert.deepEqual(ward.unit(COMMUNITY), {
    code: COMMUNITY, name: "吉福社区", level: "community", parent: STREET,
    domains: ["politics_and_law", "market_supervision", "emergency_management",
      "civil_affairs", "fire_safety"],
    direct_households: 0,
  });
  assert.equal(ward.unit("510105009"), null);
  assert.deepEqual(ward.roots().map((u) => u.code), [DISTRICT]);
  assert.equal(ward.roots()[0].parent, null);
  assert.deepEqual(ward.children(GRID).map((u) => u.code), [MICRO1, MICRO2]);
  const tree = ward.subtree(COMMUNITY);
  assert.deepEqual(tree.map((r) => [r.code, r.depth, r.direct_households, r.households]), [
    [COMMUNITY, 0, 0, 3], [GRID, 1, 0, 3], [MICRO1, 2, 2, 2], [MICRO2, 2, 1, 1],
  ]);
  assert.equal(tree[2].level, "micro_grid");
  assert.equal(tree[2].parent, GRID);
});

test("households, people, persons and counts under a unit", () => {
  const ward = smallWard();
  const rows = ward.householdsUnder(GRID);
  assert.deepEqual(rows, [
    { id: "1-101", unit: MICRO1, area: "72.00" },
    { id: "1-102", unit: MICRO1, area: "89.50" },
    { id: "2-101", unit: MICRO2, area: "101.25" },
  ]);
  for (const r of rows) assert.equal(typeof r.area, "string");
  assert.deepEqual(ward.peopleUnder(COMMUNITY), [
    { person: "chief", role: "chief_grid_leader", unit: COMMUNITY, household: null },
    { person: "w1", role: "micro_grid_worker", unit: MICRO1, household: null },
    { person: "r1", role: null, unit: MICRO1, household: "1-101" },
  ]);
  assert.deepEqual(ward.household("1-101"),
    { id: "1-101", unit: MICRO1, area: "72.00", residents: ["r1"] });
  assert.equal(ward.household("nobody"), null);
  assert.deepEqual(ward.person("chief"), {
    id: "chief", name: "李书记", phone: "13800000001", party_member: false, home: null,
    roles: [{ role: "chief_grid_leader", unit: COMMUNITY }],
  });
  assert.equal(ward.person("r1").party_member, true);
  assert.equal(ward.person("ghost"), null);
  const c = ward.counts(MICRO1);
  assert.equal(c.households, 2);
  assert.equal(c.micro_grids, 1);
  assert.equal(c.people, 2);
});

test("a household's chain of responsibility", () => {
  const ward = smallWard();
  ward.addDepartment({ id: "fire", name: "消防救援站", street: STREET, domains: ["fire_safety"] }, sys);
  const chain = ward.chain("1-101", "fire_safety");
  assert.equal(chain.household, "1-101");
  assert.equal(chain.domain, "fire_safety");
  assert.deepEqual(chain.links.map((l) => l.code), [MICRO1, GRID, COMMUNITY, STREET]);
  assert.deepEqual(chain.links[0].responders,
    [{ person: "w1", name: "王网格员", role: "micro_grid_worker" }]);
  assert.equal(chain.links[0].level, "micro_grid");
  assert.deepEqual(chain.departments, [{ id: "fire", name: "消防救援站" }]);
  assert.deepEqual(ward.chain("1-101", "health").departments, []);
});

test("coverage with the configured band and with rules given per call", () => {
  const ward = smallWard({ grid: { coverage: { band: [2, 100] } } });
  const report = ward.coverage();
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

  const loose = ward.coverage(GRID, { band: null, leaders: false });
  assert.equal(loose.scope, GRID);
  assert.deepEqual(loose.out_of_band, []);
  assert.deepEqual(loose.without_leader, []);
  assert.deepEqual(loose.without_party_member, [MICRO2]);

  ward.addHousehold({ id: "g-1", unit: GRID, area: "50" }, sys);
  assert.deepEqual(ward.coverage().unassigned_households, ["g-1"]);
});

test("directive progress by level and the list of directives", () => {
  const ward = smallWard();
  ward.issueDirective({ id: "d1", unit: GRID, title: "消防通道清理",
    due: new Date("2026-03-03T00:00:00Z") }, { actor: "chief", at: "2026-03-02T10:00:00+08:00" });
  ward.acknowledge({ directive: "d1", households: ["1-101"] },
    { actor: "w1", at: new Date("2026-03-02T02:30:00Z") });
  const rows = ward.directiveProgressBy("d1", "micro_grid");
  assert.deepEqual(rows, [
    { code: MICRO1, name: "1栋微网格", targets: 2, acknowledged: 1, completion_rate: 0.5 },
    { code: MICRO2, name: "2栋微网格", targets: 1, acknowledged: 0, completion_rate: 0 },
  ]);
  const list = ward.directives();
  assert.equal(list.length, 1);
  assert.deepEqual(
    { ...list[0], due: Date.parse(list[0].due) },
    { id: "d1", unit: GRID, title: "消防通道清理", issued_at: "2026-03-02T10:00:00+08:00",
      due: Date.parse("2026-03-03T00:00:00Z"), targets: 3, acknowledged: 1 });
  assert.equal(ward.directiveProgress("d1").first_after_secs, 1800);
});

test("context: omitted time is now, omitted actor is the platform", () => {
  const ward = smallWard();
  const before = Date.now();
  ward.issueDirective({ id: "now", unit: GRID, title: "现在" });
  const issued = Date.parse(ward.directiveProgress("now").issued_at);
  assert.ok(issued >= before - 1000 && issued <= Date.now() + 1000, `${issued} vs ${before}`);
  const body = JSON.parse(ward.exportJournal().trim().split("\n").at(-1)).body;
  assert.equal(body.actor, "system");
  ward.renameUnit({ code: GRID, name: "甲" }, { actor: "chief" });
  const last = JSON.parse(ward.exportJournal().trim().split("\n").at(-1)).body;
  assert.deepEqual(last.actor, { person: "chief" });
});

test("areas are decimal strings out, strings or numbers in", () => {
  const ward = smallWard();
  ward.addHousehold({ id: "n1", unit: MICRO2, area: 88.75 }, sys);
  ward.addHousehold({ id: "n2", unit: MICRO2, area: 0.1 + 0.2 > 0.3 ? 60 : 0 }, sys);
  ward.addHousehold({ id: "n3", unit: MICRO2, area: "95.50" }, sys);
  assertArea(ward.household("n1").area, "88.75");
  assertArea(ward.household("n2").area, "60");
  assert.equal(ward.household("n3").area, "95.50");
  for (const row of ward.householdsUnder(DISTRICT)) {
    assert.equal(typeof row.area, "string");
  }
  // The journal records the area as the decimal string too.
  const line = ward.exportJournal().trim().split("\n").at(-3);
  assert.match(line, /"area":"88.75"/);
});
