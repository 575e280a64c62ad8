// 吉福社区's community project fund (社区保障资金, e管家) for 2026: 200,000 yuan. Residents
// propose eight projects and support them; the community's staff merge a duplicate,
// decline one that is not the fund's to pay, admit six at the costs they checked and
// publish the shortlist; the residents' council (议事会) of nine votes with approval
// ballots of up to three projects under the Method of Equal Shares. Two social
// organisations apply to deliver each selected project; staff choose, pay a first
// tranche, four evaluators judge the delivery, and the projects accepted are paid their
// final tranche, what they did not spend returning to the fund. One delivery is rejected
// and redone; the last project is still being delivered at the year's end.
//
// Pure data and calls on a fresh `Ward`: the page (main.js) runs it in the browser and
// shows the shortlist, the selection and why, the rules compared, the report and the
// public statement (公示) verified against the journal; the browser test runs it in Node
// to know what to expect.

/** The community whose staff keep the fund. */
export const COMMUNITY = "510105001001";
/** The fund. */
export const FUND = "jifu-2026-bz";
/** The rules the page compares on the council's ballots. */
export const RULES = [
  { rule: "greedy" }, { rule: "greedy_no_skip" }, { rule: "equal_shares" }, { rule: "equal_shares_comparison" },
];

/** The grid whose households the residents live in. */
const GRID = `${COMMUNITY}001`;

/** Residents as [id, name]: r1 … r9 sit on the council. */
const RESIDENTS = [
  ["r1", "王建国"], ["r2", "李秀英"], ["r3", "张伟"], ["r4", "刘芳"], ["r5", "陈静"],
  ["r6", "杨洋"], ["r7", "赵敏"], ["r8", "黄磊"], ["r9", "周婷"], ["r10", "吴刚"],
  ["r11", "徐丽"], ["r12", "孙强"],
];
const COUNCIL = RESIDENTS.slice(0, 9).map(([id]) => id);

/**
 * Proposals as [id, proposer, title, category, estimate, checked cost]: no cost, not
 * admitted (one merged into another, one declined).
 */
const PROPOSALS = [
  ["p-light", "r10", "楼道照明改造", "安全", 60000, 58000],
  ["p-play", "r11", "儿童游乐区翻新", "环境", 80000, 76500],
  ["p-elder", "r12", "老年活动室设备", "文化", 30000, 28000],
  ["p-drain", "r1", "雨污分流疏通", "环境", 45000, 45000],
  ["p-cctv", "r2", "小区监控补点", "安全", 50000, 52000],
  ["p-lamp", "r3", "院坝路灯坏了", "安全", 5000, null],
  ["p-garden", "r4", "共享菜园", "环境", 15000, 12000],
  ["p-lift", "r5", "加装电梯", "设施", 1100000, null],
];

/** Supports as [resident, proposal]. */
const SUPPORTS = [
  ["r2", "p-light"], ["r3", "p-play"], ["r4", "p-light"], ["r5", "p-garden"], ["r6", "p-elder"],
  ["r7", "p-cctv"], ["r8", "p-play"], ["r9", "p-lamp"], ["r12", "p-drain"], ["r6", "p-lamp"],
];

/**
 * The council's approval ballots, member by member: six choose among lighting, cameras
 * and the playground, three among the elderly's room, the garden and the drains — the
 * ballots on which `greedy` and Equal Shares part. r1 first votes otherwise and replaces the ballot.
 */
const BALLOTS = [
  ["r1", ["p-light", "p-cctv", "p-play"]],
  ["r2", ["p-light", "p-play"]],
  ["r3", ["p-elder", "p-garden", "p-drain"]],
  ["r4", ["p-cctv", "p-light", "p-play"]],
  ["r5", ["p-light", "p-cctv"]],
  ["r6", ["p-garden", "p-elder", "p-drain"]],
  ["r7", ["p-play", "p-light", "p-cctv"]],
  ["r8", ["p-drain", "p-elder"]],
  ["r9", ["p-light", "p-cctv", "p-play"]],
];

/** Organisations as [id, name, contact person, contact's name]. */
const ORGANISATIONS = [
  ["sg-jc", "锦城社工服务中心", "org-jc", "锦城社工 何"],
  ["sg-ll", "邻里营造社", "org-ll", "邻里营造社 罗"],
];

/** Evaluators of every delivery, with what they serve as. */
const EVALUATORS = {
  "jw-li": "supervision_committee", r1: "council_member", r11: "resident_representative", cadre: "street_cadre",
};

const at = (month, day, time = "09:00") =>
  `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${time}:00+08:00`;
const yuan = (n) => `${n}.00`;

/** Units, homes, residents, the community's staff and the people who evaluate. */
function setUp(ward) {
  const platform = { at: at(1, 5) };
  const { grid } = ward;
  for (const [code, name] of [["510105", "青羊区"], ["510105001", "草市街街道"],
    [COMMUNITY, "吉福社区"], [GRID, "吉福一院落网格"]]) {
    grid.add_unit({ code, name }, platform);
  }
  grid.add_person({ id: "staff", name: "社区专干 周" }, platform);
  grid.grant_role({ person: "staff", role: "community_staff", unit: COMMUNITY }, platform);
  RESIDENTS.forEach(([id, name], i) => {
    const home = `1-${Math.floor(i / 4) + 1}0${(i % 4) + 1}`;
    grid.add_household({ id: home, unit: GRID, area: "86.50" }, platform);
    grid.add_person({ id, name }, platform);
    grid.register_resident({ person: id, household: home }, platform);
  });
  for (const [id, name] of [["jw-li", "监督委员 李梅"], ["cadre", "街道干部 王强"],
    ...ORGANISATIONS.map(([, , contact, name]) => [contact, name])]) {
    grid.add_person({ id, name }, platform);
  }
}

/** The fund, the council, proposals and supports, sorting, and the shortlist. */
function proposeAndSort(ward) {
  const { projects } = ward;
  const staff = (month, day, time) => ({ actor: "staff", at: at(month, day, time) });
  projects.open_fund({ fund: FUND, community: COMMUNITY, year: 2026, source: "guarantee",
    amount: yuan(200000) }, staff(2, 2));
  projects.set_council({ community: COMMUNITY, members: COUNCIL }, staff(2, 3));
  PROPOSALS.forEach(([proposal, proposer, title, category, estimate], n) => {
    projects.propose({ proposal, fund: FUND, title, description: `${title}：居民提议`, category,
      estimate: yuan(estimate), unit: n % 3 === 0 ? GRID : null }, { actor: proposer, at: at(2, 10 + n, "20:00") });
  });
  SUPPORTS.forEach(([person, proposal], n) => {
    projects.support({ proposal }, { actor: person, at: at(2, 21, `${String(8 + n).padStart(2, "0")}:00`) });
  });
  projects.merge_proposals({ into: "p-light", from: ["p-lamp"] }, staff(3, 1));
  projects.decline_proposal({ proposal: "p-lift",
    reason: "加装电梯须由业主大会表决，不属社区项目资金" }, staff(3, 1, "10:00"));
  for (const [proposal, , , , , cost] of PROPOSALS) {
    if (cost !== null) projects.admit_proposal({ proposal, cost: yuan(cost) }, staff(3, 2));
  }
  projects.publish_shortlist({ fund: FUND }, staff(3, 3));
}

/** The council's vote under Equal Shares, closed after voting ends. */
function decide(ward) {
  const { projects } = ward;
  projects.open_decision({ fund: FUND, form: { kind: "approval", min_length: 1, max_length: 3 },
    voters: "council", rule: { rule: "equal_shares" }, closes: at(3, 24, "18:00") },
  { actor: "staff", at: at(3, 10) });
  projects.cast_ballot({ fund: FUND, choices: ["p-play", "p-elder"] }, { actor: "r1", at: at(3, 11, "08:00") });
  BALLOTS.forEach(([voter, choices], n) => {
    projects.cast_ballot({ fund: FUND, choices }, { actor: voter, at: at(3, 12, `${String(8 + n).padStart(2, "0")}:00`) });
  });
  projects.close_decision({ fund: FUND }, { actor: "staff", at: at(3, 25) });
}

/**
 * Delivery of each selected project, in the order chosen: both organisations apply
 * (邻里营造社 4% under the cost, 锦城 2% under), staff alternate between them, pay 30% up
 * front, and after acceptance the rest less 1,000 yuan not spent. The first delivery is
 * rejected once and redone; the last stays in delivery. The projects' steps interleave:
 * each is given at its time, as the books are kept in order of date.
 */
function deliver(ward, selected) {
  const { projects } = ward;
  const cost = new Map(PROPOSALS.map(([id, , , , , c]) => [id, c]));
  const steps = [];
  const step = (actor, when, call) => steps.push({ when, run: () => call({ actor, at: when }) });
  const staff = (month, day, time, call) => step("staff", at(month, day, time), call);
  for (const [organisation, name, contact] of ORGANISATIONS) {
    staff(4, 1, "09:00", (c) => projects.register_organisation({ organisation, name, contact }, c));
  }
  const verdicts = (project, month, day, accepts, scores) => {
    Object.keys(EVALUATORS).forEach((evaluator, k) => {
      step(evaluator, at(month, day, `1${k}:00`), (c) => projects.evaluate({ project,
        verdict: accepts[k] ? "accept" : "reject", score: scores[k],
        comment: accepts[k] ? "符合合同" : "需返工" }, c));
    });
  };
  selected.forEach((project, n) => {
    const day = 2 + n;
    const quotes = { "sg-jc": (cost.get(project) * 98) / 100, "sg-ll": (cost.get(project) * 96) / 100 };
    for (const [organisation, , contact] of ORGANISATIONS) {
      const plan = organisation === "sg-ll" ? "居民参与施工，两个月完成" : "三个月内完成，分两期验收";
      step(contact, at(4, day, organisation === "sg-ll" ? "10:00" : "09:00"), (c) =>
        projects.apply_to_deliver({ project, organisation, quote: yuan(quotes[organisation]), plan }, c));
    }
    const [organisation, , contact] = ORGANISATIONS[(n + 1) % 2];
    const contracted = quotes[organisation];
    staff(4, day, "15:00", (c) => projects.choose_deliverer({ project, organisation }, c));
    staff(4, day, "16:00", (c) => projects.name_evaluators({ project, evaluators: EVALUATORS }, c));
    const first = Math.floor((contracted * 30) / 100);
    const voucher = (month) => `PZ-2026-${month}-${String(day).padStart(2, "0")}`;
    staff(5, day, "09:00", (c) => projects.pay_tranche({ project, payment: `${project}-t1`,
      amount: yuan(first), voucher: voucher("05"), final_tranche: false }, c));
    if (n > 0 && n + 1 === selected.length) return; // still being delivered
    step(contact, at(6, day), (c) => projects.submit_delivery({ project }, c));
    let month = 6;
    if (n === 0) {
      verdicts(project, 6, day, [false, true, false, true], [55, 70, 50, 65]);
      staff(6, day, "16:00", (c) => projects.decide_acceptance({ project }, c));
      step(contact, at(7, day), (c) => projects.submit_delivery({ project }, c));
      month = 7;
      verdicts(project, 7, day, [true, true, true, false], [85, 90, 80, 58]);
    } else {
      verdicts(project, 6, day, [true, true, true, true], [88, 92, 79, 85]);
    }
    staff(month, day, "17:00", (c) => projects.decide_acceptance({ project }, c));
    staff(8, day, "09:00", (c) => projects.pay_tranche({ project, payment: `${project}-t2`,
      amount: yuan(contracted - first - 1000), voucher: voucher("08"), final_tranche: true }, c));
  });
  steps.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
  for (const s of steps) s.run();
}

/** Runs the year on `ward`; returns what the page shows. */
export function buildProjectFund(ward) {
  setUp(ward);
  proposeAndSort(ward);
  decide(ward);
  const fund = ward.projects.fund({ id: FUND });
  deliver(ward, fund.decision.selection.selected);
  return {
    fund: ward.projects.fund({ id: FUND }),
    proposals: ward.projects.proposals({ fund: FUND }),
    projects: ward.projects.projects({ fund: FUND }),
    report: ward.projects.report({ fund: FUND }),
    statement: ward.projects.statement({ fund: FUND }),
    what_if: RULES.map((rule) => ward.projects.what_if({ fund: FUND, rule })),
    head: ward.head,
  };
}
