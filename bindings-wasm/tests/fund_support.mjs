// A small compound for the fund and assembly tests: three homes in two buildings of one
// courtyard (精城名典院落), their three owners, the property manager (pm), the fund
// supervisor (sup) and an owners' committee member (oc); a fund at 4 yuan per m² on the
// remuneration basis (12%), payments above 1,000.00 needing the supervisor, whose fee
// and business uses of common parts the owners approved.
import { Ward } from "gridward";
import { addUnits, DISTRICT, STREET, COMMUNITY } from "./support.mjs";

export const COMPOUND = "510105001001002";
export const BUILDING1 = "510105001001002001";
export const BUILDING2 = "510105001001002002";
export const FUND = "jcmd";
/** Homes as [id, building, area, owner]: 72, 89.5 and 120.3 m², as in the RULES vectors. */
export const HOMES = [
  ["1-101", BUILDING1, "72", "o1"],
  ["1-102", BUILDING1, "89.5", "o2"],
  ["2-101", BUILDING2, "120.3", "o3"],
];

/** 09:00 in Chengdu on a day of 2026 ("2026-MM-DDT09:00:00+08:00"). */
export const on = (month, day, time = "09:00") =>
  `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${time}:00+08:00`;

/** A voucher with a well-formed document hash. */
export function voucher(reference, payee = "成都洁美保洁有限公司", payeeIsPerson = false) {
  return {
    reference,
    document_hash: "ab".repeat(32),
    payee,
    payee_is_person: payeeIsPerson,
    description: `${reference} 服务费`,
  };
}

/** The compound, its people and owners; the fund opened on 2 January when `open` is set. */
export function compoundWard({ config, open = true } = {}) {
  const ward = new Ward(config);
  const sys = { at: on(1, 2) };
  addUnits(ward, [[DISTRICT, "青羊区"], [STREET, "草市街街道"], [COMMUNITY, "吉福社区"],
    [COMPOUND, "精城名典院落"], [BUILDING1, "1栋"], [BUILDING2, "2栋"]], sys);
  for (const [person, role] of [["pm", "property_manager"], ["sup", "fund_supervisor"],
    ["oc", "owners_committee_member"]]) {
    ward.grid.add_person({ id: person, name: person }, sys);
    ward.grid.grant_role({ person, role, unit: COMPOUND }, sys);
  }
  for (const [id, unit, area, owner] of HOMES) {
    ward.grid.add_household({ id, unit, area }, sys);
    ward.grid.add_person({ id: owner, name: `业主${id}` }, sys);
    ward.assembly.set_owner({ household: id, owner }, { actor: "oc", at: on(1, 2) });
  }
  if (open) {
    ward.fund.open_fund({
      fund: FUND, name: "精城名典共有基金", unit: COMPOUND,
      fee: { per: "area", rate: "4.00" }, basis: { basis: "remuneration", percent: "12" },
      approval_threshold: "1000.00",
    }, sys);
    ownersPass(ward, "m-fee", { type: "approve_fee", fund: FUND, standard: "opening" });
    ownersPass(ward, "m-uses", { type: "allow_business_use", fund: FUND,
      uses: ["parking", "advertising", "other"] });
  }
  return ward;
}

/** A motion put to the owners on a day (2 January unless said), every owner voting yes,
 *  closed that evening. */
export function ownersPass(ward, motion, subject, month = 1, day = 2) {
  ward.assembly.open_motion({ motion, unit: COMPOUND, title: motion, subject,
    closes: on(month, day, "18:00") }, { actor: "oc", at: on(month, day, "11:00") });
  for (const [, , , owner] of HOMES) {
    ward.assembly.cast_vote({ motion, choice: "yes" }, { actor: owner, at: on(month, day, "12:00") });
  }
  return ward.assembly.close_motion({ motion }, { actor: "oc", at: on(month, day, "19:00") });
}

/** Proposes the 2026 budget and has the owners approve it (all three vote yes). */
export function approveBudget(ward, lines = [{ line: "cleaning", amount: "6000.00" },
  { line: "repairs", amount: "3000.00" }]) {
  ward.fund.propose_budget({ fund: FUND, budget: "2026", from: "2026-01-01", to: "2026-12-31", lines },
    { actor: "pm", at: on(1, 3) });
  ward.assembly.open_motion({ motion: "m-budget", unit: COMPOUND, title: "2026年度开放式预算",
    subject: { type: "approve_budget", fund: FUND, budget: "2026" }, closes: on(1, 9, "18:00") },
  { actor: "oc", at: on(1, 3) });
  for (const [, , , owner] of HOMES) {
    ward.assembly.cast_vote({ motion: "m-budget", choice: "yes" }, { actor: owner, at: on(1, 5) });
  }
  return ward.assembly.close_motion({ motion: "m-budget" }, { actor: "oc", at: on(1, 10) });
}
