// A community shaped like Chengdu's 吉福社区: three grids (院落网格) of buildings, one
// micro-grid (微网格) per building, the people who answer for them, a district order that
// reaches every household, and acknowledgements by the micro-grid workers.
//
// Pure data and calls on a `Ward`: the page (main.js) runs it in the browser, and the
// browser test runs it in Node to know what the page must show.

export const DISTRICT = "510105";
export const STREET = "510105001";
export const COMMUNITY = "510105001001";
export const DIRECTIVE = "gas-2026-03";

const SETUP = "2026-03-02T09:00:00+08:00";
const ISSUED = "2026-03-02T14:00:00+08:00";
const DUE = "2026-03-02T17:00:00+08:00";

/** The grids: their buildings as [number, households], and shops held at the grid. */
export const GRIDS = [
  { part: 1, name: "吉福一院落网格", leader: ["gl1", "陈网格长"], buildings: [[1, 48], [2, 36], [3, 52]] },
  { part: 2, name: "吉福二院落网格", leader: ["gl2", "刘网格长"], buildings: [[4, 60], [5, 24]] },
  { part: 3, name: "临街商住网格", leader: ["gl3", "杨网格长"], buildings: [[6, 40], [7, 33]], shops: 3 },
];

/** Building 7 has no micro-grid worker yet; building 6 has no party member living there. */
const WITHOUT_WORKER = 7;
const WITHOUT_PARTY_MEMBER = 6;

/** When each building's worker went door to door, and how many households they reached. */
const ACKNOWLEDGED = [
  [1, "2026-03-02T14:30:00+08:00", 48],
  [2, "2026-03-02T15:10:00+08:00", 36],
  [3, "2026-03-02T16:00:00+08:00", 52],
  [4, "2026-03-02T16:45:00+08:00", 60],
  [5, "2026-03-02T17:20:00+08:00", 12],
];

const ROOM_AREAS = ["68.5", "89", "102.75", "125.3"];

export function gridCode(grid) {
  return COMMUNITY + String(grid.part).padStart(3, "0");
}

function microCode(grid, index) {
  return gridCode(grid) + String(index + 1).padStart(3, "0");
}

/** Household ids of a building: "1-101", "1-102", … four flats a floor. */
export function householdIds(building, count) {
  return Array.from({ length: count }, (_, i) => {
    const floor = Math.floor(i / 4) + 1;
    const room = (i % 4) + 1;
    return `${building}-${floor}${String(room).padStart(2, "0")}`;
  });
}

/** The structure and households, as rows of one bulk import. */
export function structureRows() {
  const rows = [];
  for (const grid of GRIDS) {
    rows.push({ kind: "unit", code: gridCode(grid), parent: COMMUNITY, name: grid.name });
    grid.buildings.forEach(([building, count], index) => {
      const unit = microCode(grid, index);
      rows.push({ kind: "unit", code: unit, name: `${building}栋微网格` });
      householdIds(building, count).forEach((id, i) => {
        rows.push({ kind: "household", id, unit, area: ROOM_AREAS[i % 4] });
      });
    });
    for (let s = 1; s <= (grid.shops ?? 0); s += 1) {
      rows.push({ kind: "household", id: `S-${s}`, unit: gridCode(grid), area: (45 + s * 10.5).toFixed(2) });
    }
  }
  return rows;
}

/** The people and their roles, as rows of a second import. */
export function peopleRows() {
  const rows = [
    { kind: "person", id: "chief", name: "张书记", phone: "13800000001", party_member: true },
    { kind: "role", person: "chief", role: "chief_grid_leader", unit: COMMUNITY },
  ];
  for (const grid of GRIDS) {
    const [id, name] = grid.leader;
    rows.push({ kind: "person", id, name });
    rows.push({ kind: "role", person: id, role: "grid_leader", unit: gridCode(grid) });
    grid.buildings.forEach(([building], index) => {
      if (building !== WITHOUT_WORKER) {
        rows.push({ kind: "person", id: `w${building}`, name: `${building}栋网格员` });
        rows.push({ kind: "role", person: `w${building}`, role: "micro_grid_worker",
          unit: microCode(grid, index) });
      }
      if (building !== WITHOUT_PARTY_MEMBER) {
        rows.push({ kind: "person", id: `pm${building}`, name: `${building}栋党员`,
          party_member: true, household: `${building}-101` });
      }
    });
  }
  return rows;
}

/** Builds the community, issues the directive and records the acknowledgements. */
export function buildCommunity(ward) {
  const platform = { at: SETUP };
  const { grid } = ward;
  grid.add_unit({ code: DISTRICT, name: "青羊区" }, platform);
  grid.add_unit({ code: STREET, name: "草市街街道" }, platform);
  grid.add_unit({ code: COMMUNITY, name: "吉福社区" }, platform);
  grid.import_rows({ rows: structureRows() }, platform);
  grid.import_rows({ rows: peopleRows() }, platform);
  grid.add_department({ id: "fire", name: "草市街消防救援站", street: STREET,
    domains: ["fire_safety", "emergency_management"] }, platform);
  grid.add_paired_unit({ id: "bank", name: "某银行青羊支行", community: COMMUNITY }, platform);

  grid.issue_directive(
    { id: DIRECTIVE, unit: COMMUNITY, title: "燃气安全入户排查", due: DUE },
    { actor: "chief", at: ISSUED, key: DIRECTIVE });
  const sizes = new Map(GRIDS.flatMap((g) => g.buildings));
  for (const [building, at, count] of ACKNOWLEDGED) {
    const households = householdIds(building, sizes.get(building)).slice(0, count);
    grid.acknowledge({ directive: DIRECTIVE, households }, { actor: `w${building}`, at });
  }
  return ward;
}
