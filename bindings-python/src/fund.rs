//! The common fund (共有基金) of a compound under trust-based property management
//! (信托制物业) on `Ward`: one method per fund command. The queries, exports, statement
//! verification and the money functions (`split`, `apply_rate`) are in `fund/queries.rs`.
//!
//! Amounts are `decimal.Decimal` (int and str accepted, floats refused), days are
//! `datetime.date` (or `"YYYY-MM-DD"`). The core's `from`/`to` of a period are
//! `start`/`end` here (both inclusive), since Python cannot name a parameter `from`.
//! Shapes: fee `{"per": "area", "rate": "4.00"}` | `{"per": "household", "amount": ...}`;
//! basis `{"basis": "remuneration", "percent": "12"}` | `{"basis": "fixed_remuneration",
//! "amount": ...}` | `{"basis": "fixed_fee"}`; sharing key `{"by": "area"}` | `{"by":
//! "rate", "per_m2": "4"}` | `{"by": "agreed", "weights": [[household, weight], ...]}`;
//! lines `[{"line", "amount"}]`; voucher `{"reference", "document_hash", "payee",
//! "payee_is_person", "description"}`; transactions `[{"id", "date", "description",
//! "postings": [{"account", "amount"}]}]`.

use gridward::fund::ledger::Account;
use gridward::fund::{FundCommand, IncomeSource};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert;
use crate::fund_convert::{self as fc, shaped};
use crate::ward::Ward;

mod queries;

pub use queries::{apply_rate, split};

/// An account: a full name (`"assets:deposit"`) or `{"name", "description",
/// "no_negative"}`.
fn read_account(obj: &Bound<'_, PyAny>) -> PyResult<Account> {
    if let Ok(name) = obj.downcast::<PyString>() {
        return Ok(Account::new(name.to_cow()?.into_owned(), ""));
    }
    shaped(
        obj,
        "invalid_account",
        "account: give a name or {\"name\", \"description\", \"no_negative\"}",
    )
}

// The Python signatures mirror each command's fields plus actor/at/key, so some
// methods take more arguments than clippy's default limit.
#[allow(clippy::too_many_arguments)]
#[pymethods]
impl Ward {
    /// Opens a compound's common fund (共有基金) over the households under `unit`, with its
    /// standard chart of accounts. `fee` is the monthly fee, `basis` how the manager is
    /// paid (酬金制 `remuneration` / `fixed_remuneration`, or 包干制 `fixed_fee`);
    /// `approval_threshold` (payments above it wait for the supervisor) and `rounding`
    /// ("half_up", "half_even", "down", "up") default to the ward's fund config.
    #[pyo3(signature = (fund, name, unit, fee, basis, approval_threshold=None, rounding=None, *, actor=None, at=None, key=None))]
    fn open_fund<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        name: String,
        unit: &str,
        fee: &Bound<'py, PyAny>,
        basis: &Bound<'py, PyAny>,
        approval_threshold: Option<&Bound<'py, PyAny>>,
        rounding: Option<&str>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::OpenFund {
            fund,
            name,
            unit: convert::code(unit)?,
            fee: shaped(fee, "invalid_fee", "fee: give {\"per\": \"area\", \"rate\": ...} or {\"per\": \"household\", \"amount\": ...}")?,
            basis: shaped(basis, "invalid_basis", "basis: give {\"basis\": \"remuneration\", \"percent\": ...}, {\"basis\": \"fixed_remuneration\", \"amount\": ...} or {\"basis\": \"fixed_fee\"}")?,
            approval_threshold: fc::opt_amount(approval_threshold)?,
            rounding: rounding.map(fc::rounding).transpose()?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Opens another account in a fund's ledger (a second bank account, a deposit held):
    /// a full name such as `"assets:deposit"`, or `{"name", "description",
    /// "no_negative"}`.
    #[pyo3(signature = (fund, account, *, actor=None, at=None, key=None))]
    fn open_account<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        account: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::OpenAccount {
            fund,
            account: read_account(account)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Posts transactions by hand, all or none, in date order (an opening balance, bank
    /// interest): `[{"id", "date", "description", "postings": [{"account",
    /// "amount"}]}]`, debits positive. Spending goes through `request_payment`.
    #[pyo3(signature = (fund, transactions, *, actor=None, at=None, key=None))]
    fn post<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        transactions: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::Post {
            fund,
            transactions: shaped(transactions, "invalid_transaction", "transactions: give [{\"id\", \"date\", \"description\", \"postings\": [{\"account\", \"amount\"}]}]")?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Corrects transaction `reverses` by posting its mirror image under the id
    /// `transaction`, dated today.
    #[pyo3(signature = (fund, transaction, reverses, reason, *, actor=None, at=None, key=None))]
    fn reverse<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        transaction: String,
        reverses: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::Reverse {
            fund,
            transaction,
            reverses,
            reason,
        };
        self.run(py, command, actor, at, key)
    }

    /// Bills a month's fees (`"YYYY-MM"`) to every household of the compound, each bill
    /// rounded on its own; the rounding residue is kept as its own figure.
    #[pyo3(signature = (fund, month, *, actor=None, at=None, key=None))]
    fn bill_fees<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        month: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::BillFees { fund, month };
        self.run(py, command, actor, at, key)
    }

    /// Records a household's payment of fees into the fund's bank account; `payment` is
    /// its id (a retry with the same content does nothing).
    #[pyo3(signature = (fund, payment, household, amount, *, actor=None, at=None, key=None))]
    fn record_payment<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        payment: String,
        household: String,
        amount: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::RecordPayment {
            fund,
            payment,
            household,
            amount: fc::amount(amount)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Records common income into the fund (Civil Code Art. 282): `source` is "parking",
    /// "advertising" or "other".
    #[pyo3(signature = (fund, id, source, amount, description="", *, actor=None, at=None, key=None))]
    fn record_income<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        id: String,
        source: &str,
        amount: &Bound<'py, PyAny>,
        description: &str,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::RecordIncome {
            fund,
            id,
            source: fc::named::<IncomeSource>(
                source,
                "invalid_income_source",
                "income source",
                "parking, advertising, other",
            )?,
            amount: fc::amount(amount)?,
            description: description.to_owned(),
        };
        self.run(py, command, actor, at, key)
    }

    /// Proposes an open budget (开放式预算) for the days `start..=end` with `lines`
    /// (`[{"line": "cleaning", "amount": ...}]`); it takes effect when the owners'
    /// assembly approves it (a motion with subject `approve_budget`).
    #[pyo3(signature = (fund, budget, start, end, lines, *, actor=None, at=None, key=None))]
    fn propose_budget<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        budget: String,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        lines: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::ProposeBudget {
            fund,
            budget,
            from: fc::day(start)?,
            to: fc::day(end)?,
            lines: shaped(
                lines,
                "invalid_lines",
                "lines: give [{\"line\", \"amount\"}]",
            )?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Proposes new amounts for lines of an approved budget (new lines included); the
    /// assembly decides (subject `amend_budget`).
    #[pyo3(signature = (fund, budget, amendment, lines, reason, *, actor=None, at=None, key=None))]
    fn propose_amendment<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        budget: String,
        amendment: String,
        lines: &Bound<'py, PyAny>,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::ProposeAmendment {
            fund,
            budget,
            amendment,
            lines: shaped(
                lines,
                "invalid_lines",
                "lines: give [{\"line\", \"amount\"}]",
            )?,
            reason,
        };
        self.run(py, command, actor, at, key)
    }

    /// Pays against an approved budget line with a voucher (凭证): `{"reference",
    /// "document_hash" (SHA-256 hex), "payee", "payee_is_person", "description"}`. Up
    /// to the threshold it posts at once; above it, it waits for the supervisor (监察人).
    #[pyo3(signature = (fund, payment, budget, line, amount, voucher, *, actor=None, at=None, key=None))]
    fn request_payment<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        payment: String,
        budget: String,
        line: String,
        amount: &Bound<'py, PyAny>,
        voucher: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::RequestPayment {
            fund,
            payment,
            budget,
            line,
            amount: fc::amount(amount)?,
            voucher: shaped(voucher, "invalid_voucher", "voucher: give {\"reference\", \"document_hash\", \"payee\", \"payee_is_person\", \"description\"}")?,
        };
        self.run(py, command, actor, at, key)
    }

    /// The supervisor (监察人) approves a pending payment, which posts.
    #[pyo3(signature = (fund, payment, *, actor=None, at=None, key=None))]
    fn approve_payment<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        payment: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::ApprovePayment { fund, payment };
        self.run(py, command, actor, at, key)
    }

    /// The supervisor refuses a pending payment, with a reason.
    #[pyo3(signature = (fund, payment, reason, *, actor=None, at=None, key=None))]
    fn reject_payment<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        payment: String,
        reason: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::RejectPayment {
            fund,
            payment,
            reason,
        };
        self.run(py, command, actor, at, key)
    }

    /// Computes and posts the manager's remuneration (酬金) for the days `start..=end`.
    #[pyo3(signature = (fund, accrual, start, end, *, actor=None, at=None, key=None))]
    fn accrue_remuneration<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        accrual: String,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::AccrueRemuneration {
            fund,
            accrual,
            from: fc::day(start)?,
            to: fc::day(end)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Pays remuneration owed to the manager out of the bank account.
    #[pyo3(signature = (fund, payment, amount, *, actor=None, at=None, key=None))]
    fn pay_remuneration<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        payment: String,
        amount: &Bound<'py, PyAny>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::PayRemuneration {
            fund,
            payment,
            amount: fc::amount(amount)?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Proposes a dividend of surplus common income, shared by `sharing_key` (the core's
    /// `key`, renamed since `key` is the idempotency key here): `{"by": "area"}`,
    /// `{"by": "rate", "per_m2": ...}` or `{"by": "agreed", "weights": [[household,
    /// weight], ...]}`; `amount` is the total (for a rate, absent or the sum of the
    /// rounded shares). The assembly decides (subject `dividend`).
    #[pyo3(signature = (fund, dividend, sharing_key, amount=None, *, actor=None, at=None, key=None))]
    fn propose_dividend<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        dividend: String,
        sharing_key: &Bound<'py, PyAny>,
        amount: Option<&Bound<'py, PyAny>>,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::ProposeDividend {
            fund,
            dividend,
            amount: fc::opt_amount(amount)?,
            key: shaped(sharing_key, "invalid_sharing_key", "sharing key: give {\"by\": \"area\"}, {\"by\": \"rate\", \"per_m2\": ...} or {\"by\": \"agreed\", \"weights\": [[household, weight], ...]}")?,
        };
        self.run(py, command, actor, at, key)
    }

    /// Pays an approved dividend's shares out of the bank account; `payment` is the
    /// payout's id.
    #[pyo3(signature = (fund, dividend, payment, *, actor=None, at=None, key=None))]
    fn pay_dividend<'py>(
        &mut self,
        py: Python<'py>,
        fund: String,
        dividend: String,
        payment: String,
        actor: Option<String>,
        at: Option<&Bound<'py, PyAny>>,
        key: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let command = FundCommand::PayDividend {
            fund,
            dividend,
            payment,
        };
        self.run(py, command, actor, at, key)
    }
}
