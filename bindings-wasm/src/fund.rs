//! The common fund (`fund`, 共有基金) of a compound under trust-based property management
//! (信托制物业) on `Ward`: one method per fund command — fees, payments, common income,
//! open budgets (开放式预算) and their amendments, spending with vouchers and the
//! supervisor's approval, remuneration (酬金制), dividends — each taking the command's
//! fields as an object plus the call context; the ledger's queries, the public
//! statement (公示) and its verification against a journal, the hledger and Beancount
//! exports; and the money functions `split` and `applyRate`.
//!
//! Field names are those of the canonical JSON form. Budgets and accruals take their
//! period as `{ from, to }` (both days included), the names the journal records. Amounts
//! are decimal strings in and out (a number going in is read through its shortest
//! decimal text); days are `"YYYY-MM-DD"` strings.

use gridward::fund::export::{to_beancount, to_hledger};
use gridward::fund::ledger::BalanceRow;
use gridward::fund::Fund;
use gridward::money::{apply_rate, split};
use wasm_bindgen::prelude::*;

use crate::error::WardError;
use crate::js::{self, AccountOut, FundOut};
use crate::ward::Ward;

impl Ward {
    fn fund_cmd(
        &mut self,
        kind: &str,
        args: &JsValue,
        ctx: &JsValue,
    ) -> Result<JsValue, WardError> {
        let command = js::fund_command(Some(kind), args)?;
        self.run(command, ctx)
    }

    fn a_fund(&self, id: &str) -> Result<&Fund, WardError> {
        Ok(self.inner.fund(id)?)
    }
}

/// An optional day of a query.
fn maybe_day(text: Option<String>, what: &str) -> Result<Option<chrono::NaiveDate>, WardError> {
    text.map(|t| js::day(&t, what)).transpose()
}

#[wasm_bindgen]
impl Ward {
    /// Opens a compound's fund with its standard chart of accounts: `assets:bank` (may not
    /// go negative), a receivable per household, `income:fees`, `income:parking` … The
    /// fee is `{ per: "area", rate: "4.00" }` (yuan per m² a month) or `{ per: "household",
    /// amount }`; the basis `{ basis: "remuneration", percent: "12" }` (酬金制),
    /// `{ basis: "fixed_remuneration", amount }` or `{ basis: "fixed_fee" }` (包干制).
    ///
    /// ```js
    /// ward.openFund({ fund: "jcmd", name: "精城名典共有基金", unit: "510105001001002",
    ///   fee: { per: "area", rate: "2.35" }, basis: { basis: "remuneration", percent: "12" } },
    ///   { at: "2026-01-02T09:00:00+08:00" });
    /// ```
    #[wasm_bindgen(js_name = openFund, unchecked_return_type = "Receipt")]
    pub fn open_fund(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "OpenFundArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("open_fund", &args, &ctx)
    }

    /// Opens another account (a second bank account, a deposit held).
    #[wasm_bindgen(js_name = openAccount, unchecked_return_type = "Receipt")]
    pub fn open_account(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "OpenAccountArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("open_account", &args, &ctx)
    }

    /// Posts transactions by hand, all or none (an opening balance, bank interest): each
    /// `{ id, date, description, postings: [{ account, amount }] }`, debits positive,
    /// credits negative, summing to zero. Spending goes through `requestPayment`.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn post(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PostArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("post", &args, &ctx)
    }

    /// Corrects a transaction by posting its mirror image, dated the day of `ctx.at`.
    #[wasm_bindgen(unchecked_return_type = "Receipt")]
    pub fn reverse(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReverseArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("reverse", &args, &ctx)
    }

    /// Bills a month's fees (`month: "2026-03"`) to every household of the compound, each
    /// bill rounded on its own and the rounding residue kept as its own figure.
    #[wasm_bindgen(js_name = billFees, unchecked_return_type = "Receipt")]
    pub fn bill_fees(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "BillFeesArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("bill_fees", &args, &ctx)
    }

    /// Records a household's payment of fees into the fund's bank account.
    #[wasm_bindgen(js_name = recordPayment, unchecked_return_type = "Receipt")]
    pub fn record_payment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RecordPaymentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("record_payment", &args, &ctx)
    }

    /// Records common income (parking, advertising, other), which belongs to the owners.
    #[wasm_bindgen(js_name = recordIncome, unchecked_return_type = "Receipt")]
    pub fn record_income(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RecordIncomeArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("record_income", &args, &ctx)
    }

    /// Proposes an open budget for the days `from` to `to` (both included); it takes
    /// effect when the owners' assembly approves it (an `approve_budget` motion).
    ///
    /// ```js
    /// ward.proposeBudget({ fund: "jcmd", budget: "2026", from: "2026-01-01", to: "2026-12-31",
    ///   lines: [{ line: "cleaning", amount: "21808.00" }] }, { actor: "pm" });
    /// ```
    #[wasm_bindgen(js_name = proposeBudget, unchecked_return_type = "Receipt")]
    pub fn propose_budget(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ProposeBudgetArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("propose_budget", &args, &ctx)
    }

    /// Proposes new amounts for lines of an approved budget (new lines included); the
    /// assembly decides (an `amend_budget` motion).
    #[wasm_bindgen(js_name = proposeAmendment, unchecked_return_type = "Receipt")]
    pub fn propose_amendment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ProposeAmendmentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("propose_amendment", &args, &ctx)
    }

    /// Pays against an approved budget line with a voucher (凭证). Up to the approval
    /// threshold it posts at once; above it, it waits for the supervisor (监察人).
    #[wasm_bindgen(js_name = requestPayment, unchecked_return_type = "Receipt")]
    pub fn request_payment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RequestPaymentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("request_payment", &args, &ctx)
    }

    /// The supervisor approves a pending payment, which posts.
    #[wasm_bindgen(js_name = approvePayment, unchecked_return_type = "Receipt")]
    pub fn approve_payment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "FundPaymentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("approve_payment", &args, &ctx)
    }

    /// The supervisor refuses a pending payment, with a reason.
    #[wasm_bindgen(js_name = rejectPayment, unchecked_return_type = "Receipt")]
    pub fn reject_payment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RejectPaymentArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("reject_payment", &args, &ctx)
    }

    /// Computes and posts the manager's remuneration for the days `from` to `to`: the
    /// basis's percentage of fees collected (and of common income, if the assembly agreed).
    #[wasm_bindgen(js_name = accrueRemuneration, unchecked_return_type = "Receipt")]
    pub fn accrue_remuneration(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AccrueRemunerationArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("accrue_remuneration", &args, &ctx)
    }

    /// Pays remuneration owed to the manager.
    #[wasm_bindgen(js_name = payRemuneration, unchecked_return_type = "Receipt")]
    pub fn pay_remuneration(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PayRemunerationArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("pay_remuneration", &args, &ctx)
    }

    /// Proposes a dividend of surplus common income, shared `{ by: "area" }` (Civil Code
    /// Art. 283), `{ by: "rate", per_m2: "4" }` or `{ by: "agreed", weights: [[household,
    /// weight], …] }`; the assembly decides (a `dividend` motion).
    #[wasm_bindgen(js_name = proposeDividend, unchecked_return_type = "Receipt")]
    pub fn propose_dividend(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ProposeDividendArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("propose_dividend", &args, &ctx)
    }

    /// Pays an approved dividend's shares out of the bank account.
    #[wasm_bindgen(js_name = payDividend, unchecked_return_type = "Receipt")]
    pub fn pay_dividend(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PayDividendArgs")] args: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] ctx: JsValue,
    ) -> Result<JsValue, WardError> {
        self.fund_cmd("pay_dividend", &args, &ctx)
    }

    // ---- queries ----

    /// A fund's terms and records (budgets, payments, dividends, billings, accruals), or
    /// `null`.
    #[wasm_bindgen(unchecked_return_type = "FundSummary | null")]
    pub fn fund(&self, id: &str) -> Result<JsValue, WardError> {
        match self.inner.funds().get(id) {
            Some(f) => js::to_js(&FundOut::from(f)),
            None => Ok(JsValue::NULL),
        }
    }

    /// The ids of every fund.
    pub fn funds(&self) -> Vec<String> {
        self.inner.funds().iter().map(|f| f.id.clone()).collect()
    }

    /// A fund's accounts, in the order opened.
    #[wasm_bindgen(unchecked_return_type = "AccountRow[]")]
    pub fn accounts(&self, fund: &str) -> Result<JsValue, WardError> {
        let rows = self
            .a_fund(fund)?
            .ledger
            .accounts()
            .map(|a| {
                Ok(AccountOut {
                    account: &a.name,
                    kind: a.kind()?,
                    description: &a.description,
                    no_negative: a.no_negative,
                })
            })
            .collect::<Result<Vec<_>, WardError>>()?;
        js::to_js(&rows)
    }

    /// Every account's balance at the end of `date` (`"YYYY-MM-DD"`; now when omitted),
    /// debits positive, credits negative, zero balances included.
    #[wasm_bindgen(unchecked_return_type = "BalanceRow[]")]
    pub fn balances(
        &self,
        fund: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "DayString | null")] date: Option<String>,
    ) -> Result<JsValue, WardError> {
        let date = maybe_day(date, "date")?;
        let rows: Vec<BalanceRow> = self.a_fund(fund)?.ledger.balances_at(date);
        js::to_js(&rows)
    }

    /// The trial balance at the end of `date` (now when omitted): non-zero balances and
    /// the debit and credit totals, which are equal.
    #[wasm_bindgen(js_name = trialBalance, unchecked_return_type = "TrialBalance")]
    pub fn trial_balance(
        &self,
        fund: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "DayString | null")] date: Option<String>,
    ) -> Result<JsValue, WardError> {
        let date = maybe_day(date, "date")?;
        js::to_js(&self.a_fund(fund)?.ledger.trial_balance(date))
    }

    /// Every transaction that touched an account, with the running balance.
    #[wasm_bindgen(js_name = accountHistory, unchecked_return_type = "HistoryRow[]")]
    pub fn account_history(&self, fund: &str, account: &str) -> Result<JsValue, WardError> {
        js::to_js(&self.a_fund(fund)?.ledger.history(account)?)
    }

    /// Every posting of every transaction, one row each, in the order posted.
    #[wasm_bindgen(unchecked_return_type = "PostingRow[]")]
    pub fn transactions(&self, fund: &str) -> Result<JsValue, WardError> {
        let f = self.a_fund(fund)?;
        js::to_js(&js::posting_rows(f.ledger.transactions()))
    }

    /// The public statement (公示) of a fund for the days `from` to `to` (both included):
    /// income, fees and the collection rate (收缴率), spending against budget, arrears by
    /// building, the vouchers with private payees masked, and the journal head it was
    /// drawn from. Publish it with the journal; anyone can check it with
    /// `Ward.verifyStatement`.
    ///
    /// ```js
    /// const s = ward.statement("jcmd", "2026-01-01", "2026-12-31");
    /// console.log(s.fees.collection_rate, s.closing_bank, s.head);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Statement")]
    pub fn statement(
        &self,
        fund: &str,
        #[wasm_bindgen(unchecked_param_type = "DayString")] from: &str,
        #[wasm_bindgen(unchecked_param_type = "DayString")] to: &str,
    ) -> Result<JsValue, WardError> {
        let (from, to) = (js::day(from, "from")?, js::day(to, "to")?);
        js::to_js(&self.inner.statement(fund, from, to)?)
    }

    /// Checks a published statement against journal text without trusting either: the
    /// chain must be intact, its entry at the statement's length must carry the
    /// statement's head, and the statement recomputed from the journal up to there must
    /// equal the one given. Pass the `config` the ward ran under, if not the default.
    ///
    /// ```js
    /// const check = Ward.verifyStatement(journalText, publishedStatement);
    /// if (check.verified) show("verified");
    /// ```
    #[wasm_bindgen(js_name = verifyStatement, unchecked_return_type = "StatementCheck")]
    pub fn verify_statement(
        journal: &str,
        #[wasm_bindgen(unchecked_param_type = "Statement")] statement: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WardConfigInput")] config: JsValue,
    ) -> Result<JsValue, WardError> {
        let statement = js::statement(&statement)?;
        let config = js::config(&config)?;
        let check = gridward::Ward::verify_statement(config, journal, &statement)?;
        js::to_js(&check)
    }

    /// What the manager and the owners end with over the days `from` to `to` under the
    /// fund's remuneration basis (酬金制) and under the fixed-fee basis (包干制).
    #[wasm_bindgen(js_name = basisComparison, unchecked_return_type = "BasisComparison")]
    pub fn basis_comparison(
        &self,
        fund: &str,
        #[wasm_bindgen(unchecked_param_type = "DayString")] from: &str,
        #[wasm_bindgen(unchecked_param_type = "DayString")] to: &str,
    ) -> Result<JsValue, WardError> {
        let (from, to) = (js::day(from, "from")?, js::day(to, "to")?);
        js::to_js(&self.inner.basis_comparison(fund, from, to)?)
    }

    /// The fund's ledger as an hledger journal, in the configured currency
    /// (`config.fund.currency`, `"CNY"` by default).
    #[wasm_bindgen(js_name = exportHledger)]
    pub fn export_hledger(&self, fund: &str) -> Result<String, WardError> {
        let currency = &self.inner.config().fund.currency;
        Ok(to_hledger(&self.a_fund(fund)?.ledger, currency))
    }

    /// The fund's ledger as a Beancount file, in the configured currency.
    #[wasm_bindgen(js_name = exportBeancount)]
    pub fn export_beancount(&self, fund: &str) -> Result<String, WardError> {
        let currency = &self.inner.config().fund.currency;
        Ok(to_beancount(&self.a_fund(fund)?.ledger, currency)?)
    }
}

/// Shares `total` by `weights` (floor areas, or any agreed key) so that the parts add up
/// to it exactly: largest remainder (the default and only method), ties to the earlier
/// entry. Amounts and weights are decimal strings or numbers; the parts are strings.
///
/// ```js
/// split("1000.00", ["72", "89.5", "120.3"]); // ["255.50", "317.60", "426.90"]
/// ```
#[wasm_bindgen(js_name = split, unchecked_return_type = "AmountString[]")]
pub fn split_amount(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] total: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DecimalInput[]")] weights: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SplitMethod | null")] method: Option<String>,
) -> Result<JsValue, WardError> {
    let total = js::amount(&total, "total")?;
    let weights = js::decimals(&weights, "weights")?;
    let method = js::split_method(method.as_deref())?;
    js::to_js(&split(total, &weights, method)?)
}

/// Applies a rate (yuan per unit: 4 yuan per m²) to each quantity, each part rounded to
/// the fen on its own (`half_up` by default, 四舍五入); the exact total and the rounding
/// residue come back as their own figures rather than hidden in a part.
///
/// ```js
/// applyRate("4", ["72"]); // { parts: ["288.00"], total: "288.00", exact: "288", residue: "0" }
/// ```
#[wasm_bindgen(js_name = applyRate, unchecked_return_type = "RateParts")]
pub fn apply_rate_js(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] rate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DecimalInput[]")] quantities: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Rounding | null")] rounding: Option<String>,
) -> Result<JsValue, WardError> {
    let rate = js::decimal(&rate, "rate")?;
    let quantities = js::decimals(&quantities, "quantities")?;
    let rounding = js::rounding(rounding.as_deref())?;
    js::to_js(&apply_rate(rate, &quantities, rounding)?)
}
