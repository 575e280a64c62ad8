//! Reading funds on `Ward`: the fund's summary, accounts, balances, the trial balance,
//! histories and postings, the public statement (公示) and its verification against a
//! journal, the two bases compared, and exports for hledger and Beancount; plus the
//! module's money functions `split` and `apply_rate`.

use gridward::fund::export::{to_beancount, to_hledger};
use gridward::fund::{Fund, Statement};
use gridward::money::{self, SplitMethod};
use gridward::Ward as CoreWard;
use pyo3::prelude::*;
use serde_json::{json, Value};

use crate::convert;
use crate::error::{self, invalid, OrRaise};
use crate::fund_convert::{self as fc, serde_to_py};
use crate::ward::Ward;

fn encode<T: serde::Serialize>(value: &T) -> PyResult<Value> {
    serde_json::to_value(value).map_err(|e| invalid("encode", e.to_string()))
}

/// A fund's summary: its terms and records, each kind of record a list in id order.
fn summary(f: &Fund) -> PyResult<Value> {
    Ok(json!({
        "id": f.id,
        "name": f.name,
        "unit": f.unit,
        "opened": f.opened,
        "terms": encode(&f.terms)?,
        "budgets": encode(&f.budgets.values().collect::<Vec<_>>())?,
        "payments": encode(&f.payments.values().collect::<Vec<_>>())?,
        "dividends": encode(&f.dividends.values().collect::<Vec<_>>())?,
        "billings": encode(&f.billings.values().collect::<Vec<_>>())?,
        "accruals": encode(&f.accruals)?,
    }))
}

impl Ward {
    fn fund_of(&self, id: &str) -> PyResult<&Fund> {
        self.inner.fund(id).or_raise()
    }
}

#[pymethods]
impl Ward {
    /// A fund's summary, or None: `{id, name, unit, opened, terms, budgets, payments,
    /// dividends, billings, accruals}` — `terms` holds the fee, the basis, the approval
    /// threshold, whether common income counts in the remuneration base, the rounding
    /// and the split; the records are lists in id (billings: month) order, amounts as
    /// `Decimal` and days as `date`.
    fn fund<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.funds().get(id) {
            Some(f) => fc::to_py(py, &summary(f)?),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The ids of every fund, in order.
    fn funds(&self) -> Vec<String> {
        self.inner.funds().iter().map(|f| f.id.clone()).collect()
    }

    /// A fund's accounts in the order opened: `{account, kind, description,
    /// no_negative}`; `kind` is "assets", "liabilities", "equity", "income" or
    /// "expenses".
    fn accounts<'py>(&self, py: Python<'py>, fund: &str) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<Value> = self
            .fund_of(fund)?
            .ledger
            .accounts()
            .map(|a| {
                json!({
                    "account": a.name,
                    "kind": a.kind().ok(),
                    "description": a.description,
                    "no_negative": a.no_negative,
                })
            })
            .collect();
        fc::to_py(py, &Value::Array(rows))
    }

    /// Every account's balance at the end of `date` (everything posted when None), in
    /// the order opened: `{account, kind, balance}`, debits positive, credits negative.
    #[pyo3(signature = (fund, date=None))]
    fn balances<'py>(
        &self,
        py: Python<'py>,
        fund: &str,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = fc::opt_day(date)?;
        serde_to_py(py, &self.fund_of(fund)?.ledger.balances_at(date))
    }

    /// The trial balance at the end of `date` (or now): `{date, rows: [{account, kind,
    /// balance}], debits, credits}`, accounts with a balance only; debits equal credits.
    #[pyo3(signature = (fund, date=None))]
    fn trial_balance<'py>(
        &self,
        py: Python<'py>,
        fund: &str,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = fc::opt_day(date)?;
        serde_to_py(py, &self.fund_of(fund)?.ledger.trial_balance(date))
    }

    /// An account's history: `{transaction, date, description, amount, balance}` for
    /// every transaction that touched it, with the running balance.
    fn account_history<'py>(
        &self,
        py: Python<'py>,
        fund: &str,
        account: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.fund_of(fund)?.ledger.history(account);
        let rows = rows.map_err(|e| error::core(gridward::fund::FundError::from(e).into()))?;
        serde_to_py(py, &rows)
    }

    /// Every posting of a fund's ledger in the order posted, one row each:
    /// `{transaction, date, description, account, amount, reverses}`.
    fn transactions<'py>(&self, py: Python<'py>, fund: &str) -> PyResult<Bound<'py, PyAny>> {
        let mut rows = Vec::new();
        for t in self.fund_of(fund)?.ledger.transactions() {
            for p in &t.postings {
                rows.push(json!({
                    "transaction": t.id,
                    "date": t.date,
                    "description": t.description,
                    "account": p.account,
                    "amount": p.amount,
                    "reverses": t.reverses,
                }));
            }
        }
        fc::to_py(py, &Value::Array(rows))
    }

    /// The public statement (公示) for the days `start..=end`: income, fees with arrears
    /// and the collection rate (收缴率), spending by budget line, remuneration,
    /// dividends, the surplus, arrears by building and the vouchers — private payees
    /// masked — stamped with the journal head and length it was drawn from.
    fn statement<'py>(
        &self,
        py: Python<'py>,
        fund: &str,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (from, to) = (fc::day(start)?, fc::day(end)?);
        serde_to_py(py, &self.inner.statement(fund, from, to).or_raise()?)
    }

    /// Checks a published statement (the dict `statement` gives, or its JSON form)
    /// against a journal's JSON lines: `{entries, head_matches, figures_match,
    /// verified}`. `config` must be the ward's (the default when None).
    #[staticmethod]
    #[pyo3(signature = (journal, statement, config=None))]
    fn verify_statement<'py>(
        py: Python<'py>,
        journal: &str,
        statement: &Bound<'py, PyAny>,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let statement: Statement = fc::counted(statement, "invalid_statement", "statement")?;
        let config = convert::config(config)?;
        let check = CoreWard::verify_statement(config, journal, &statement).or_raise()?;
        serde_to_py(py, &check)
    }

    /// The remuneration basis (酬金制) against the fixed-fee basis (包干制) for the days
    /// `start..=end`: `{from, to, fees_collected, common_income, service_costs,
    /// remuneration_basis: {manager, owners}, fixed_fee_basis: {manager, owners}}`.
    fn basis_comparison<'py>(
        &self,
        py: Python<'py>,
        fund: &str,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (from, to) = (fc::day(start)?, fc::day(end)?);
        serde_to_py(py, &self.inner.basis_comparison(fund, from, to).or_raise()?)
    }

    /// The fund's ledger as an hledger journal, in the configured currency ("CNY" by
    /// default); `hledger -f - balance` agrees with `balances` to the fen.
    fn export_hledger(&self, fund: &str) -> PyResult<String> {
        let currency = &self.inner.config().fund.currency;
        Ok(to_hledger(&self.fund_of(fund)?.ledger, currency))
    }

    /// The fund's ledger as a Beancount file, in the configured currency.
    fn export_beancount(&self, fund: &str) -> PyResult<String> {
        let currency = &self.inner.config().fund.currency;
        to_beancount(&self.fund_of(fund)?.ledger, currency).map_err(|e| error::export(&e))
    }
}

/// Shares `total` by `weights` so that the parts add up to it exactly (largest
/// remainder, ties to the earlier entry): `split(Decimal("1000.00"), [72, "89.5",
/// Decimal("120.3")])` is `[Decimal("255.50"), Decimal("317.60"), Decimal("426.90")]`.
#[pyfunction]
#[pyo3(signature = (total, weights, method="largest_remainder"))]
pub fn split<'py>(
    py: Python<'py>,
    total: &Bound<'py, PyAny>,
    weights: &Bound<'py, PyAny>,
    method: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let method: SplitMethod = fc::named(
        method,
        "invalid_split_method",
        "split method",
        "largest_remainder",
    )?;
    let parts = money::split(fc::amount(total)?, &fc::decimals(weights)?, method)
        .map_err(|e| error::core(gridward::fund::FundError::Money(e).into()))?;
    serde_to_py(py, &json!({ "parts": parts }))?.get_item("parts")
}

/// Applies `rate` to each quantity, each part rounded on its own (4 yuan per m² on
/// 72 m² → 288.00): `{parts, total, exact, residue}`, where `residue` is `exact −
/// total`, kept rather than hidden in a part.
#[pyfunction]
#[pyo3(signature = (rate, quantities, rounding="half_up"))]
pub fn apply_rate<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    quantities: &Bound<'py, PyAny>,
    rounding: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let rounding = fc::rounding(rounding)?;
    let parts = money::apply_rate(fc::decimal(rate)?, &fc::decimals(quantities)?, rounding)
        .map_err(|e| error::core(gridward::fund::FundError::Money(e).into()))?;
    serde_to_py(py, &parts)
}
