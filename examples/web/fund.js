// A year of 锦城花园's common fund (共有基金) under trust-based property management
// (信托制物业): eight homes in two buildings, fees of 2.50 yuan per m² a month, a budget
// the owners approve by vote, monthly cleaning and greening paid with vouchers, a roof
// repair above the threshold that waits for the supervisor (监察人), parking income, the
// manager's remuneration at 12% of fees collected each quarter, and two homes falling
// behind with their fees.
//
// Pure data and calls on a fresh `Ward`: the page (main.js) runs it in the browser and
// shows the public statement (公示); the browser test runs it in Node to know what to
// expect.

/** The fund. */
export const FUND = "jchy";
/** The compound's unit (a grid of 吉福社区). */
export const COMPOUND = "510105001001009";
/** The year the statement covers, both days included. */
export const YEAR = { from: "2026-01-01", to: "2026-12-31" };

const BUILDINGS = [[`${COMPOUND}001`, "1栋"], [`${COMPOUND}002`, "2栋"]];
/**
 * Homes as [id, building index, area in m², monthly fee]: the fee is 2.50 × area rounded
 * half up to the fen on its own (95.25 m² → 238.125 → 238.13), so the year's bills come to
 * 23,266.32 against an exact 23,266.20, and the statement shows the residue.
 */
const HOMES = [
  ["1-101", 0, "72.00", "180.00"], ["1-102", 0, "89.50", "223.75"],
  ["1-201", 0, "120.30", "300.75"], ["1-202", 0, "95.25", "238.13"],
  ["2-101", 1, "88.88", "222.20"], ["2-102", 1, "101.40", "253.50"],
  ["2-201", 1, "132.16", "330.40"], ["2-202", 1, "76.05", "190.13"],
];
const at = (month, day, time = "09:00") =>
  `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${time}:00+08:00`;
const hash = (n) => n.toString(16).padStart(2, "0").repeat(32);

/** Units, people with their roles, homes and their owners. */
function setUp(ward) {
  const platform = { at: at(1, 2) };
  const { grid } = ward;
  for (const [code, name] of [["510105", "青羊区"], ["510105001", "草市街街道"],
    ["510105001001", "吉福社区"], [COMPOUND, "锦城花园"], ...BUILDINGS]) {
    grid.add_unit({ code, name }, platform);
  }
  for (const [id, name, role] of [["pm", "物业项目经理", "property_manager"],
    ["sup", "监察人 陈", "fund_supervisor"], ["oc", "业委会 刘", "owners_committee_member"]]) {
    grid.add_person({ id, name }, platform);
    grid.grant_role({ person: id, role, unit: COMPOUND }, platform);
  }
  for (const [id, building, area] of HOMES) {
    grid.add_household({ id, unit: BUILDINGS[building][0], area }, platform);
    grid.add_person({ id: `owner-${id}`, name: `业主${id}` }, platform);
    ward.assembly.set_owner({ household: id, owner: `owner-${id}` }, { actor: "oc", at: at(1, 2) });
  }
}

/**
 * The fund, its opening balance, the budget and its fee standard the owners approve (the
 * fee is billable only then), and the special resolution that lets the compound rent out
 * parking on common ground (Civil Code Art. 278: ¾ of the area and of the owners voting).
 */
function openAndBudget(ward) {
  const { fund, assembly } = ward;
  const pm = { actor: "pm", at: at(1, 2) };
  fund.open_fund({ fund: FUND, name: "锦城花园共有基金", unit: COMPOUND,
    fee: { per: "area", rate: "2.50" }, basis: { basis: "remuneration", percent: "12" },
    approval_threshold: "2000.00" }, { at: at(1, 2) });
  fund.post({ fund: FUND, transactions: [{ id: "opening", date: "2026-01-02",
    description: "上年结余", postings: [{ account: "assets:bank", amount: "6800.00" },
      { account: "equity:fund", amount: "-6800.00" }] }] }, pm);
  fund.propose_budget({ fund: FUND, budget: "2026", from: YEAR.from, to: YEAR.to, lines: [
    { line: "cleaning", amount: "9600.00" }, { line: "greening", amount: "3600.00" },
    { line: "repairs", amount: "5000.00" }], fee: { per: "area", rate: "2.50" } },
  { actor: "pm", at: at(1, 3) });
  assembly.open_motion({ motion: "m-budget", unit: COMPOUND, title: "2026年度开放式预算",
    subject: { type: "approve_budget", fund: FUND, budget: "2026" },
    closes: at(1, 9, "18:00") }, { actor: "oc", at: at(1, 3) });
  HOMES.forEach(([id], i) => {
    if (i === 7) return; // one owner does not vote
    assembly.cast_vote({ motion: "m-budget", choice: i === 3 ? "no" : "yes" },
      { actor: `owner-${id}`, at: at(1, 5) });
  });
  assembly.open_motion({ motion: "m-parking", unit: COMPOUND, title: "地面车位出租",
    subject: { type: "allow_business_use", fund: FUND, uses: ["parking"] },
    closes: at(1, 9, "18:00") }, { actor: "oc", at: at(1, 3) });
  for (const [id] of HOMES) {
    assembly.cast_vote({ motion: "m-parking", choice: "yes" }, { actor: `owner-${id}`, at: at(1, 6) });
  }
  assembly.close_motion({ motion: "m-budget" }, { actor: "oc", at: at(1, 10) });
  assembly.close_motion({ motion: "m-parking" }, { actor: "oc", at: at(1, 10) });
}

/** Twelve months of fees, payments, income and spending, with quarterly remuneration. */
function runYear(ward) {
  const { fund } = ward;
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, "0");
    const pm = (day) => ({ actor: "pm", at: at(month, day) });
    fund.bill_fees({ fund: FUND, month: `2026-${mm}` }, pm(11));
    for (const [id, , , fee] of HOMES) {
      const behind = (id === "2-201" && month >= 10) || (id === "1-102" && month === 12);
      if (!behind) {
        fund.record_payment({ fund: FUND, payment: `fee-${mm}-${id}`, household: id,
          amount: fee }, pm(15));
      }
    }
    fund.record_income({ fund: FUND, id: `parking-${mm}`, source: "parking", amount: "420.00",
      description: `车位租金 ${month}月` }, pm(18));
    fund.request_payment({ fund: FUND, payment: `cleaning-${mm}`, budget: "2026", line: "cleaning",
      amount: "780.00", voucher: { reference: `QJ-2026-${mm}`, document_hash: hash(month),
        payee: "成都洁美保洁有限公司", description: `${month}月保洁服务` } }, pm(20));
    if (month % 3 === 0) {
      fund.request_payment({ fund: FUND, payment: `greening-${mm}`, budget: "2026", line: "greening",
        amount: "850.00", voucher: { reference: `LH-${mm}`, document_hash: hash(40 + month),
          payee: "张建国", payee_is_person: true, description: "绿化养护（个人承包）" } }, pm(21));
      const quarter = { "03": ["01-01", "03-31"], "06": ["04-01", "06-30"],
        "09": ["07-01", "09-30"], "12": ["10-01", "12-31"] }[mm];
      fund.accrue_remuneration({ fund: FUND, accrual: `rem-q${month / 3}`,
        from: `2026-${quarter[0]}`, to: `2026-${quarter[1]}` }, pm(28));
    }
    if (month === 7) {
      // Above the 2,000.00 threshold: it waits for the supervisor.
      fund.request_payment({ fund: FUND, payment: "roof-2", budget: "2026", line: "repairs",
        amount: "3260.00", voucher: { reference: "WX-2026-07", document_hash: hash(99),
          payee: "成都安居防水工程有限公司", description: "2栋屋面防水维修" } }, pm(22));
      fund.approve_payment({ fund: FUND, payment: "roof-2" }, { actor: "sup", at: at(7, 24) });
    }
  }
}

/**
 * Builds the compound's year in `ward` (a fresh Ward) and returns the public statement
 * for the year, as published: plain JSON, the figures and the journal head.
 */
export function buildCompoundYear(ward) {
  setUp(ward);
  openAndBudget(ward);
  runYear(ward);
  return JSON.parse(JSON.stringify(ward.fund.statement({ fund: FUND, start: YEAR.from, end: YEAR.to })));
}
