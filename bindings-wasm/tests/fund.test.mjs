// The fund capability through the JavaScript face: the generated methods of ward.fund,
// the ledger's queries, the public statement and its verification against the journal,
// the exports, the money functions and their RULES vectors, and refusals that leave the
// journal's head where it was.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Ward, split, apply_rate, verify_statement } from "gridward";
import { assertGridwardError, assertBadInput, refused } from "./support.mjs";
import { compoundWard, approveBudget, ownersPass, voucher, on, FUND, COMPOUND, BUILDING1 } from "./fund_support.mjs";

const pm = (month, day) => ({ actor: "pm", at: on(month, day) });

const balance = (ward, account, date) =>
  ward.fund.balances({ fund: FUND, date }).find((r) => r.account === account)?.balance;

test("RULES: 1000.00 split by 72 / 89.5 / 120.3 m² is 255.50 / 317.60 / 426.90", () => {
  assert.deepEqual(split({ total: "1000.00", weights: ["72", "89.5", "120.3"] }), ["255.50", "317.60", "426.90"]);
  assert.deepEqual(split({ total: 1000, weights: [72, "89.5", "120.3"], method: "largest_remainder" }),
    ["255.50", "317.60", "426.90"]);
  const parts = split({ total: "0.10", weights: ["1", "1", "1"] });
  assert.deepEqual(parts, ["0.04", "0.03", "0.03"]); // ties go to the earlier entry
  assertGridwardError(() => split({ total: "1.00", weights: [] }), "bad_amount", "invalid");
  assertBadInput(() => split({ total: "1.005", weights: ["1"] }), "bad_format", "total");
  assertBadInput(() => split({ total: "1.00", weights: ["x"] }), "bad_format", "weights[0]");
  assertBadInput(() => split({ total: 1000, weights: [72, 89.5] }), "float_not_allowed", "weights[1]");
  assertBadInput(() => split({ total: "1.00", weights: ["1"], method: "dhondt" }), "unknown_value", "method");
});

test("RULES: 72 m² at 4 yuan/m² is 288.00; each part rounded alone, the residue kept", () => {
  assert.deepEqual(apply_rate({ rate: "4", quantities: ["72"] }),
    { parts: ["288.00"], total: "288.00", exact: "288", residue: "0" });
  const r = apply_rate({ rate: "2.35", quantities: ["87.49", "163.11"], rounding: "half_up" });
  assert.deepEqual(r.parts, ["205.60", "383.31"]);
  assert.equal(r.total, "588.91");
  assert.equal(Number(r.exact), 588.91);
  assert.equal(Number(r.residue), 0);
  const down = apply_rate({ rate: "0.005", quantities: [1, 1, 1], rounding: "down" });
  assert.deepEqual(down.parts, ["0.00", "0.00", "0.00"]);
  assert.equal(down.residue, "0.015");
  assertBadInput(() => apply_rate({ rate: "4", quantities: [72], rounding: "bankers" }), "unknown_value", "rounding");
  assertBadInput(() => apply_rate({ rate: NaN, quantities: [72] }), "float_not_allowed", "rate");
  assertBadInput(() => apply_rate({ rate: 0.005, quantities: [1] }), "float_not_allowed", "rate");
});

test("open_fund opens the chart of accounts; fund() and funds() describe it", () => {
  const ward = compoundWard();
  assert.deepEqual(ward.fund.funds(), [FUND]);
  const f = ward.fund.fund({ id: FUND });
  assert.equal(f.name, "精城名典共有基金");
  assert.equal(f.unit, COMPOUND);
  assert.equal(f.opened, "2026-01-02");
  assert.deepEqual(f.terms, {
    basis: { basis: "remuneration", percent: "12" },
    approval_threshold: "1000.00", common_income_in_base: false, rounding: "half_up",
    split: "largest_remainder",
  });
  assert.deepEqual(f.fee_standards, [{ id: "opening", fee: { per: "area", rate: "4.00" },
    from: "2026-01", budget: null, approval: "approved", motion: "m-fee" }]);
  assert.deepEqual(f.business_uses, [{ motion: "m-uses", uses: ["parking", "advertising", "other"],
    from: "2026-01-02", until: null }]);
  for (const list of ["budgets", "payments", "dividends", "billings", "accruals"]) {
    assert.deepEqual(f[list], [], list);
  }
  assert.equal(ward.fund.fund({ id: "nope" }), null);
  const accounts = ward.fund.accounts({ fund: FUND });
  const bank = accounts.find((a) => a.account === "assets:bank");
  assert.deepEqual(Object.keys(bank).sort(), ["account", "description", "kind", "no_negative"]);
  assert.equal(bank.kind, "assets");
  assert.equal(bank.no_negative, true);
  assert.deepEqual(accounts.map((a) => a.account), ["assets:bank", "liabilities:remuneration",
    "equity:fund", "equity:dividends", "income:fees", "income:parking", "income:advertising",
    "income:other", "expenses:remuneration"]);
  // A home's receivable opens with its first bill.
  ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 3));
  for (const home of ["1-101", "1-102", "2-101"]) {
    assert.ok(ward.fund.accounts({ fund: FUND }).some((a) => a.account === `assets:receivable:${home}`), home);
  }
  ward.fund.open_account({ fund: FUND, account: { name: "assets:deposit", description: "押金" } }, pm(1, 3));
  assert.ok(ward.fund.accounts({ fund: FUND }).some((a) => a.account === "assets:deposit" && !a.no_negative));
  refused(ward, () => ward.fund.open_account({ fund: FUND, account: { name: "assets:deposit" } }, pm(1, 3)),
    "account_exists", "conflict");
  refused(ward, () => ward.fund.open_account({ fund: FUND, account: { name: "Bank" } }, pm(1, 3)),
    "bad_account_name", "invalid");
  refused(ward, () => ward.fund.open_fund({ fund: FUND, name: "x", unit: COMPOUND,
    fee: { per: "area", rate: 4 }, basis: { basis: "fixed_fee" } }, { at: on(1, 3) }), "fund_exists", "conflict");
});

test("the owners decide the fee and the business use of common parts", () => {
  const ward = compoundWard({ open: false });
  ward.fund.open_fund({ fund: FUND, name: "精城名典共有基金", unit: COMPOUND,
    fee: { per: "area", rate: "4.00" }, basis: { basis: "fixed_fee" } }, { at: on(1, 2) });
  const e = refused(ward, () => ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 3)),
    "no_fee_standard", "conflict");
  assert.match(e.message, /2026-01/);
  const ads = () => ward.fund.record_income({ fund: FUND, id: "ads-1", source: "advertising",
    amount: "2000.00" }, pm(1, 10));
  assert.match(refused(ward, ads, "business_use_not_allowed", "conflict").message, /advertising/);
  ownersPass(ward, "m-fee", { type: "approve_fee", fund: FUND, standard: "opening" }, 1, 3);
  ownersPass(ward, "m-ads", { type: "allow_business_use", fund: FUND, uses: ["advertising"],
    until: "2026-06-30" }, 1, 3);
  assert.equal(ward.assembly.motion({ id: "m-ads" }).kind, "special");
  ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 10));
  ads();
  refused(ward, () => ward.fund.record_income({ fund: FUND, id: "park-1", source: "parking",
    amount: "600.00" }, pm(1, 10)), "business_use_not_allowed", "conflict");
  ward.fund.propose_fee({ fund: FUND, standard: "2026-03", fee: { per: "area", rate: "4.50" },
    from: "2026-03" }, pm(1, 11));
  ownersPass(ward, "m-raise", { type: "approve_fee", fund: FUND, standard: "2026-03" }, 1, 12);
  ward.fund.bill_fees({ fund: FUND, month: "2026-02" }, pm(2, 1));
  ward.fund.bill_fees({ fund: FUND, month: "2026-03" }, pm(3, 1));
  assert.deepEqual(ward.fund.fund({ id: FUND }).billings.map((b) => [b.billed, b.standard]),
    [["1127.20", "opening"], ["1127.20", "opening"], ["1268.10", "2026-03"]]);
});

test("bill_fees bills every home by area; payments and income move the ledger", () => {
  const ward = compoundWard();
  const r = ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 5));
  assert.equal(typeof r.seq, "number");
  assert.equal(r.duplicate, false);
  assert.equal(balance(ward, "assets:receivable:1-101"), "288.00");
  assert.equal(balance(ward, "assets:receivable:1-102"), "358.00");
  assert.equal(balance(ward, "assets:receivable:2-101"), "481.20");
  assert.equal(balance(ward, "income:fees"), "-1127.20");
  const [billing] = ward.fund.fund({ id: FUND }).billings;
  assert.deepEqual(billing, { month: "2026-01", date: "2026-01-05", households: 3,
    billed: "1127.20", exact: billing.exact, residue: billing.residue, standard: "opening" });
  assert.equal(Number(billing.residue), 0);
  refused(ward, () => ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 6)), "billed_already", "conflict");

  // A whole number is an exact amount; any other amount goes in as text.
  ward.fund.record_payment({ fund: FUND, payment: "p-1", household: "1-101", amount: 288 }, pm(1, 7));
  ward.fund.record_payment({ fund: FUND, payment: "p-2", household: "1-102", amount: "358.00" }, pm(1, 8));
  ward.fund.record_income({ fund: FUND, id: "parking-01", source: "parking", amount: "1189.12",
    description: "车位费 1月" }, pm(1, 28));
  assert.equal(balance(ward, "assets:bank"), "1835.12");
  assert.equal(balance(ward, "assets:receivable:1-101"), "0.00");
  assert.equal(balance(ward, "income:parking"), "-1189.12");
  // Balances at a day: before the payments only the bills stood.
  assert.equal(balance(ward, "assets:bank", "2026-01-06"), "0.00");
  const tb = ward.fund.trial_balance({ fund: FUND });
  assert.equal(tb.date, null);
  assert.equal(tb.debits, tb.credits);
  assert.ok(tb.rows.every((row) => row.balance !== "0.00"));
  assert.equal(ward.fund.trial_balance({ fund: FUND, date: "2026-01-05" }).debits, "1127.20");
  const history = ward.fund.account_history({ fund: FUND, account: "assets:receivable:1-101" });
  assert.deepEqual(history.map((h) => [h.transaction.length > 0, h.date, h.amount, h.balance]),
    [[true, "2026-01-05", "288.00", "288.00"], [true, "2026-01-07", "-288.00", "0.00"]]);
  const rows = ward.fund.transactions({ fund: FUND }).filter((t) => t.transaction === "p-1");
  assert.deepEqual(rows.map((t) => [t.account, t.amount, t.date, t.reverses]),
    [["assets:bank", "288.00", "2026-01-07", null], ["assets:receivable:1-101", "-288.00", "2026-01-07", null]]);
  // Retrying the same payment id with the same content changes nothing.
  const again = ward.fund.record_payment({ fund: FUND, payment: "p-1", household: "1-101", amount: "288.00" }, pm(1, 7));
  assert.equal(again.seq, null);
});

test("refusals of fund commands leave the head unchanged", () => {
  const ward = compoundWard();
  const { fund } = ward;
  fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 5));
  const payment = (patch, ctx = pm(1, 6)) => () =>
    fund.record_payment({ fund: FUND, payment: "x", household: "1-101", amount: "1", ...patch }, ctx);
  refused(ward, payment({ fund: "nope" }), "unknown_fund", "not_found");
  refused(ward, payment({}, { actor: "o1", at: on(1, 6) }), "permission_denied", "permission_denied");
  refused(ward, () => fund.post({ fund: FUND, transactions: [{ id: "t", date: "2026-01-06", postings: [
    { account: "assets:bank", amount: "10.00" }, { account: "equity:fund", amount: "-9.00" }] }] }, pm(1, 6)),
  "unbalanced", "invalid");
  refused(ward, () => fund.post({ fund: FUND, transactions: [{ id: "t", date: "2026-01-06", postings: [
    { account: "assets:bank", amount: "-1.00" }, { account: "expenses:remuneration", amount: "1.00" }] }] }, pm(1, 6)),
  "spending_outside_budget", "invalid");
  // The bank may not go negative.
  refused(ward, () => fund.pay_remuneration({ fund: FUND, payment: "r", amount: "1.00" }, pm(1, 6)),
    "negative_balance", "conflict");
  // Bad input is refused by its described type, naming the field, and changes nothing.
  for (const [fn, code, field] of [
    [payment({ amount: "1.005" }), "bad_format", "amount"],
    [payment({ amount: NaN }), "float_not_allowed", "amount"],
    [() => fund.post({ fund: FUND, transactions: [{ id: "t", date: "6/1/2026", postings: [] }] }, pm(1, 6)),
      "bad_format", "transactions[0].date"],
    [() => fund.propose_budget({ fund: FUND, budget: "b", from: "2026-01-01", to: "2026-12-31",
      lines: "cleaning" }, pm(1, 6)), "wrong_type", "lines"],
    [() => fund.bill_fees({ type: "post", fund: FUND, month: "2026-02" }, pm(2, 1)), "unknown_field", "type"],
    // The whole argument at fault names no field.
    [() => fund.bill_fees("2026-02", pm(2, 1)), "wrong_type", null],
  ]) {
    assert.equal(refused(ward, fn, code, "invalid").field, field);
  }
  assertBadInput(() => fund.balances({ fund: FUND, date: "2026-13-01" }), "bad_format", "date");
  assertGridwardError(() => fund.account_history({ fund: FUND, account: "assets:nothing" }), "unknown_account", "not_found");
  assertGridwardError(() => fund.statement({ fund: FUND, start: "2026-12-31", end: "2026-01-01" }), "bad_period", "invalid");
  assertGridwardError(() => fund.balances({ fund: "nope" }), "unknown_fund", "not_found");
});

test("budgets pass the assembly; payments carry vouchers; above the threshold the supervisor decides", () => {
  const ward = compoundWard();
  const { fund } = ward;
  refused(ward, () => fund.request_payment({ fund: FUND, payment: "early", budget: "2026", line: "cleaning",
    amount: "1.00", voucher: voucher("INV-0") }, pm(1, 3)), "unknown_budget", "not_found");
  approveBudget(ward);
  const [budget] = fund.fund({ id: FUND }).budgets;
  assert.equal(budget.approval, "approved");
  assert.equal(budget.motion, "m-budget");
  assert.deepEqual(budget.lines, [{ line: "cleaning", amount: "6000.00" }, { line: "repairs", amount: "3000.00" }]);
  fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 11));
  fund.record_payment({ fund: FUND, payment: "p-1", household: "2-101", amount: "481.20" }, pm(1, 12));
  fund.post({ fund: FUND, transactions: [{ id: "opening", date: "2026-01-12", description: "balance carried over",
    postings: [{ account: "assets:bank", amount: "5000.00" }, { account: "equity:fund", amount: "-5000.00" }] }] }, pm(1, 12));
  fund.request_payment({ fund: FUND, payment: "clean-01", budget: "2026", line: "cleaning", amount: "500.00",
    voucher: voucher("INV-01") }, pm(1, 20));
  fund.request_payment({ fund: FUND, payment: "roof", budget: "2026", line: "repairs", amount: "2500.00",
    voucher: voucher("INV-02", "张三丰", true) }, pm(1, 21));
  fund.request_payment({ fund: FUND, payment: "gate", budget: "2026", line: "cleaning", amount: "1200.00",
    voucher: { ...voucher("INV-03"), payee_is_person: undefined } }, pm(1, 21));
  const payments = () => Object.fromEntries(fund.fund({ id: FUND }).payments.map((p) => [p.id, p]));
  let p = payments();
  assert.equal(p["clean-01"].status, "posted");
  assert.equal(p.roof.status, "pending");
  assert.equal(p.gate.status, "pending");
  assert.equal(p.gate.voucher.payee_is_person, false);
  assert.equal(fund.fund({ id: FUND }).budgets[0].pending.repairs, "2500.00");
  refused(ward, () => fund.request_payment({ fund: FUND, payment: "more", budget: "2026", line: "repairs",
    amount: "600.00", voucher: voucher("INV-04") }, pm(1, 22)), "over_budget", "conflict");
  refused(ward, () => fund.approve_payment({ fund: FUND, payment: "roof" }, pm(1, 22)), "permission_denied");
  fund.approve_payment({ fund: FUND, payment: "roof" }, { actor: "sup", at: on(1, 23) });
  fund.reject_payment({ fund: FUND, payment: "gate", reason: "无合同" }, { actor: "sup", at: on(1, 23) });
  p = payments();
  assert.equal(p.roof.status, "posted");
  assert.equal(p.roof.approved_by, "sup");
  assert.equal(p.roof.posted, "2026-01-23");
  assert.equal(p.gate.status, "rejected");
  assert.equal(p.gate.reason, "无合同");
  assert.equal(balance(ward, "expenses:repairs"), "2500.00");

  const s = fund.statement({ fund: FUND, start: "2026-01-01", end: "2026-01-31" });
  assert.deepEqual(s.spending.map((r) => [r.line, r.budgeted, r.spent, r.remaining]),
    [["cleaning", "6000.00", "500.00", "5500.00"], ["repairs", "3000.00", "2500.00", "500.00"]]);
  assert.deepEqual(s.vouchers.map((v) => [v.payment, v.payee, v.supervisor_approved]),
    [["clean-01", "成都洁美保洁有限公司", false], ["roof", "张**", true]]);
  assert.equal(s.fees.billed, "1127.20");
  assert.equal(s.fees.collected, "481.20");
  assert.equal(s.fees.collection_rate, "42.69");
  assert.deepEqual(s.arrears_by_building, [{ unit: BUILDING1, name: "1栋", households: 2, amount: "646.00" }]);
  assert.equal(s.head, ward.head);
  assert.equal(s.journal_entries, ward.journal_length);
  assert.equal(fund.fund({ id: FUND }).budgets[0].spent.repairs, "2500.00");

  // A posted payment is corrected by its mirror image.
  fund.reverse({ fund: FUND, transaction: "clean-01-rev", reverses: "clean-01", reason: "重复付款" }, pm(1, 24));
  const rev = fund.transactions({ fund: FUND }).filter((t) => t.transaction === "clean-01-rev");
  assert.equal(rev.length, 2);
  assert.ok(rev.every((t) => t.reverses === "clean-01"));
  assert.equal(payments()["clean-01"].status, "reversed");
  refused(ward, () => fund.reverse({ fund: FUND, transaction: "again", reverses: "clean-01", reason: "x" }, pm(1, 25)),
    "already_reversed", "conflict");
});

test("an amendment, remuneration, a dividend at 4 yuan per m², and the basis comparison", () => {
  const ward = compoundWard();
  const { fund, assembly } = ward;
  approveBudget(ward);
  fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 11));
  for (const [payment, household, amount] of [["p1", "1-101", "288.00"], ["p2", "1-102", "358.00"], ["p3", "2-101", "481.20"]]) {
    fund.record_payment({ fund: FUND, payment, household, amount }, pm(1, 12));
  }
  fund.record_income({ fund: FUND, id: "ads", source: "advertising", amount: "3000.00" }, pm(1, 13));
  fund.accrue_remuneration({ fund: FUND, accrual: "rem-01", from: "2026-01-01", to: "2026-01-31" }, pm(1, 31));
  const [accrual] = fund.fund({ id: FUND }).accruals;
  assert.equal(accrual.fees_collected, "1127.20");
  assert.equal(accrual.amount, "135.26"); // 12% of 1127.20 = 135.264
  fund.pay_remuneration({ fund: FUND, payment: "rem-paid-01", amount: "135.26" }, pm(1, 31));
  const cmp = fund.basis_comparison({ fund: FUND, start: "2026-01-01", end: "2026-01-31" });
  assert.equal(cmp.remuneration_basis.manager, "135.26");
  assert.equal(cmp.fixed_fee_basis.owners, "3000.00");

  fund.propose_amendment({ fund: FUND, budget: "2026", amendment: "a1", lines: [{ line: "lifts", amount: 800 }],
    reason: "电梯年检" }, pm(2, 1));
  fund.propose_dividend({ fund: FUND, dividend: "d1", key: { by: "rate", per_m2: 4 } }, pm(2, 1));
  for (const [motion, subject] of [["m-a1", { type: "amend_budget", fund: FUND, budget: "2026", amendment: "a1" }],
    ["m-d1", { type: "dividend", fund: FUND, dividend: "d1" }]]) {
    assembly.open_motion({ motion, unit: COMPOUND, title: motion, subject, closes: new Date("2026-02-09T10:00:00Z") },
      { actor: "oc", at: on(2, 2) });
    for (const owner of ["o1", "o2", "o3"]) assembly.cast_vote({ motion, choice: "yes" }, { actor: owner, at: on(2, 3) });
    assembly.close_motion({ motion }, { actor: "oc", at: on(2, 10) });
  }
  const f = fund.fund({ id: FUND });
  assert.deepEqual(f.budgets[0].lines.map((l) => [l.line, l.amount]),
    [["cleaning", "6000.00"], ["repairs", "3000.00"], ["lifts", "800.00"]]);
  assert.equal(f.budgets[0].amendments[0].approval, "approved");
  const [d] = f.dividends;
  assert.equal(d.approval, "approved");
  assert.deepEqual(d.shares, [["1-101", "288.00"], ["1-102", "358.00"], ["2-101", "481.20"]]);
  assert.equal(d.amount, "1127.20");
  fund.pay_dividend({ fund: FUND, dividend: "d1", payment: "d1-paid" }, pm(2, 11));
  assert.equal(fund.fund({ id: FUND }).dividends[0].paid_by, "d1-paid");
  refused(ward, () => fund.pay_dividend({ fund: FUND, dividend: "d1", payment: "d1-again" }, pm(2, 12)),
    "wrong_state", "conflict");
  const s = fund.statement({ fund: FUND, start: "2026-01-01", end: "2026-12-31" });
  assert.equal(s.dividends, "1127.20");
  assert.equal(s.remuneration, "135.26");
});

test("a statement verifies against the exported journal, and a doctored one does not", () => {
  const ward = compoundWard();
  approveBudget(ward);
  ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 11));
  ward.fund.record_payment({ fund: FUND, payment: "p1", household: "1-101", amount: "288.00" }, pm(1, 12));
  const statement = ward.fund.statement({ fund: FUND, start: "2026-01-01", end: "2026-01-31" });
  // Work goes on after publication; the statement still verifies at its own head.
  ward.fund.record_payment({ fund: FUND, payment: "p2", household: "1-102", amount: "358.00" }, pm(1, 13));
  const journal = ward.export_journal();
  assert.deepEqual(verify_statement({ journal, statement }),
    { entries: ward.journal_length, head_matches: true, figures_match: true, verified: true });
  const doctored = structuredClone(statement);
  doctored.fees.collected = "646.00";
  assert.deepEqual(verify_statement({ journal, statement: doctored }),
    { entries: ward.journal_length, head_matches: true, figures_match: false, verified: false });
  const otherHead = { ...statement, head: "0".repeat(64) };
  assert.equal(verify_statement({ journal, statement: otherHead }).head_matches, false);
  const cut = journal.split("\n").slice(0, 3).join("\n");
  assert.equal(verify_statement({ journal: cut, statement }).verified, false);
  assertBadInput(() => verify_statement({ journal, statement: { fund: FUND } }), "missing_field",
    "statement.arrears_by_building");
  assert.throws(() => verify_statement({ journal: "not a journal", statement }),
    (e) => e.name === "GridwardError" && e.kind === "journal");
});

test("exports in hledger and Beancount use the configured currency", () => {
  for (const [config, currency] of [[undefined, "CNY"], [{ fund: { currency: "RMB" } }, "RMB"]]) {
    const ward = compoundWard({ config });
    assert.equal(ward.config().fund.currency, currency);
    ward.fund.bill_fees({ fund: FUND, month: "2026-01" }, pm(1, 5));
    const ledger = ward.fund.export_hledger({ fund: FUND });
    assert.match(ledger, new RegExp(`288\\.00 ${currency}`));
    assert.match(ledger, /assets:receivable:1-101/);
    const bean = ward.fund.export_beancount({ fund: FUND });
    assert.match(bean, new RegExp(`Income:Fees  -288\\.00 ${currency}`));
    assert.match(bean, /open Assets:Bank/);
  }
  const ward = compoundWard({ config: { fund: { currency: "no currency" } } });
  assertGridwardError(() => ward.fund.export_beancount({ fund: FUND }), "bad_export_currency", "invalid");
  assertGridwardError(() => ward.fund.export_hledger({ fund: "nope" }), "unknown_fund", "not_found");
});

test("execute and decide take fund commands by capability; a replayed journal has the same state", () => {
  const ward = compoundWard();
  const command = { fund: { type: "bill_fees", fund: FUND, month: "2026-01" } };
  const events = ward.decide(command, pm(1, 5));
  assert.ok(events.length >= 1);
  assert.ok(events.every((e) => e.fund && typeof e.fund.type === "string"));
  assert.equal(events[0].fund.fund, FUND);
  const r = ward.execute(command, pm(1, 5));
  assert.equal(r.events, events.length);
  ward.execute({ fund: { type: "record_payment", fund: FUND, payment: "p1", household: "1-101", amount: 288 } },
    { ...pm(1, 6), key: "pay-1" });
  const dup = ward.fund.record_payment({ fund: FUND, payment: "p1", household: "1-101", amount: "288.00" },
    { ...pm(1, 6), key: "pay-1" });
  assert.equal(dup.duplicate, true);
  assertBadInput(() => ward.execute({ fund: { type: "pay_everyone", fund: FUND } }), "unknown_value", "fund.type");
  const again = Ward.from_journal(ward.export_journal());
  assert.equal(again.state_digest(), ward.state_digest());
  const january = { fund: FUND, start: "2026-01-01", end: "2026-01-31" };
  assert.deepEqual(again.fund.statement(january), ward.fund.statement(january));
  assert.deepEqual(again.fund.fund({ id: FUND }), ward.fund.fund({ id: FUND }));
});
