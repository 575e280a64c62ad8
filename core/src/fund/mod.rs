//! Trust-fund accounting (`fund`): the common fund (共有基金) of a compound under
//! trust-based property management (信托制物业), kept so that any owner can see, and
//! verify, where every fen went.
//!
//! - A double-entry [`ledger`] in exact decimals per fund, with a standard chart:
//!   `assets:bank` (may not go negative), `assets:receivable:<household>`,
//!   `liabilities:remuneration`, `liabilities:dividends:<household>`, `equity:fund`,
//!   `equity:dividends`, `income:fees`, `income:parking`, `income:advertising`,
//!   `income:other`, `expenses:remuneration`, and `expenses:<line>` per budget line.
//! - A fee standard (收费标准) that staff only propose: it is billable once the owners'
//!   assembly approves it, in the open budget or in a motion of its own, and a later
//!   approved standard replaces the earlier one from its first month.
//! - Fees billed monthly to every household of the compound by exclusive area (or per
//!   household), each bill rounded on its own with the residue kept as its own figure;
//!   payments, arrears and the collection rate.
//! - Common income (parking, advertising) recorded only while the owners allow that
//!   business use of common parts by a special resolution (Civil Code Art. 278).
//! - An open budget (开放式预算) that takes effect only when the owners' assembly
//!   approves it; spending only against an approved line within what remains, each
//!   payment with a voucher, payments above a threshold only after the supervisor
//!   (监察人) approves; amendments by the assembly.
//! - The manager's remuneration (酬金制) as a percentage or a fixed amount of fees
//!   collected — and of common income only if the assembly agreed — with the fixed-fee
//!   basis (包干制) for comparison.
//! - Dividends of surplus common income, approved by the assembly and shared exactly by
//!   exclusive area (Civil Code Art. 283) or by an agreed key.
//! - The public statement (公示) of a period, with personal data masked and the journal
//!   head that lets anyone check it against the journal.
//!
//! ## Quick start
//!
//! ```
//! use chrono::{DateTime, NaiveDate};
//! use gridward::assembly::{AssemblyCommand, Choice};
//! use gridward::fund::{Basis, FeeRate, FundCommand, FundSubject};
//! use gridward::grid::{ImportRow, NodeCode};
//! use gridward::{Actor, Context, Role, Ward, WardConfig};
//! use rust_decimal::Decimal;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut ward = Ward::new(WardConfig::default());
//! let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")?;
//! let platform = Context::new(Actor::System, at);
//! let micro = NodeCode::parse("510107017006001001")?;
//! let mut rows = Vec::new();
//! for (code, name) in [
//!     ("510107", "武侯区"),
//!     ("510107017", "晋阳街道"),
//!     ("510107017006", "吉福社区"),
//!     ("510107017006001", "云锦城市花园网格"),
//!     ("510107017006001001", "1栋微网格"),
//! ] {
//!     let code = NodeCode::parse(code)?;
//!     rows.push(ImportRow::Unit { code, parent: None, name: name.into(), domains: None });
//! }
//! let compound = NodeCode::parse("510107017006001")?;
//! for (i, area) in ["72.00", "88.20", "120.00"].into_iter().enumerate() {
//!     let (home, owner) = (format!("1-0{i}"), format!("o{i}"));
//!     rows.push(ImportRow::Household { id: home.clone(), unit: micro, area: area.parse()? });
//!     rows.push(ImportRow::Person {
//!         id: owner, name: format!("业主{i}"), phone: None, party_member: false, household: Some(home),
//!     });
//! }
//! for (id, role) in [("pm", Role::PropertyManager), ("oc", Role::OwnersCommitteeMember)] {
//!     rows.push(ImportRow::Person {
//!         id: id.into(), name: id.into(), phone: None, party_member: false, household: None,
//!     });
//!     rows.push(ImportRow::Role { person: id.into(), role, unit: compound });
//! }
//! ward.import(&platform, rows)?;
//! let convener = Context::new(Actor::person("oc"), at);
//! for i in 0..3 {
//!     let owner = AssemblyCommand::SetOwner { household: format!("1-0{i}"), owner: Some(format!("o{i}")) };
//!     ward.execute(&convener, owner)?;
//! }
//!
//! // The compound's common fund, proposing 4 yuan per m² a month, 酬金制 at 10%.
//! let open = FundCommand::OpenFund {
//!     fund: "f".into(),
//!     name: "院落共有基金".into(),
//!     unit: compound,
//!     fee: FeeRate::Area { rate: Decimal::new(4, 0) },
//!     basis: Basis::Remuneration { percent: Decimal::new(10, 0) },
//!     approval_threshold: None,
//!     rounding: None,
//! };
//! ward.execute(&platform, open)?;
//!
//! // Staff only propose the fee: it is billable once the owners' assembly approves it.
//! let closes = at + chrono::Duration::days(7);
//! let subject = FundSubject::ApproveFee { fund: "f".into(), standard: "opening".into() };
//! ward.execute(&convener, AssemblyCommand::OpenMotion {
//!     motion: "m-fee".into(), unit: compound, title: "物业费 4 元/m²".into(),
//!     subject: subject.into(), closes,
//! })?;
//! for i in 0..3 {
//!     let owner = Context::new(Actor::person(format!("o{i}")), at);
//!     let yes = AssemblyCommand::CastVote { motion: "m-fee".into(), owner: None, choice: Choice::Yes };
//!     ward.execute(&owner, yes)?;
//! }
//! let convener = Context::new(Actor::person("oc"), closes);
//! ward.execute(&convener, AssemblyCommand::CloseMotion { motion: "m-fee".into() })?;
//! let manager = Context::new(Actor::person("pm"), closes);
//! ward.execute(&manager, FundCommand::BillFees { fund: "f".into(), month: "2026-03".into() })?;
//! let paid = FundCommand::RecordPayment {
//!     fund: "f".into(),
//!     payment: "p1".into(),
//!     household: "1-00".into(),
//!     amount: "288.00".parse()?,
//! };
//! ward.execute(&manager, paid)?;
//!
//! // The public statement (公示) of March, stamped with the journal's head.
//! let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad day");
//! let statement = ward.statement("f", day(1)?, day(31)?)?;
//! assert_eq!(statement.fees.billed, "1120.80".parse()?); // 4 × (72.00 + 88.20 + 120.00)
//! assert_eq!(statement.fees.collected, "288.00".parse()?);
//! assert_eq!(statement.head, ward.head());
//! # Ok(())
//! # }
//! ```

mod apply;
mod capability;
mod chart;
mod check;
mod command;
mod decide;
mod decisions;
mod digest;
mod effect;
mod error;
mod event;
pub mod export;
mod fee;
mod follows;
pub mod ledger;
mod model;
mod redecide;
mod rows;
mod share;
mod spend;
mod standard;
mod statement;
mod subject;

pub use capability::Reads;
pub use chart::{dividend_payable, expense_line, income, receivable};
pub use command::FundCommand;
pub use error::FundError;
pub use event::{FundEvent, Purpose};
pub use model::{
    Accrual, Amendment, Approval, Basis, Billing, Budget, BusinessUse, Dividend, FeeRate,
    FeeStandard, Fund, IncomeSource, LineAmount, Payment, PaymentStatus, SharingKey, Terms,
    Voucher, OPENING_STANDARD,
};
pub use rows::{AccountRow, FundSummary, PostingRow};
pub use share::BasisComparison;
pub use statement::{
    ArrearsRow, FeeFigures, IncomeRow, SpendingRow, Statement, StatementCheck, VoucherRow,
};
pub use subject::FundSubject;

pub(crate) use check::check_event;
pub(crate) use decide::decide;
pub(crate) use effect::{check_subject, decided};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::money::{Amount, Rounding};

/// Defaults for new funds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct FundConfig {
    /// Payments above this need the supervisor's approval first (5,000.00 yuan).
    pub approval_threshold: Amount,
    /// The rounding of fees and remuneration (half away from zero, 四舍五入).
    pub rounding: Rounding,
    /// The currency named in exports.
    pub currency: String,
}

impl Default for FundConfig {
    fn default() -> Self {
        FundConfig {
            approval_threshold: Amount::from_fen(500_000),
            rounding: Rounding::HalfUp,
            currency: "CNY".to_owned(),
        }
    }
}

/// The state of the fund capability: every compound's fund.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Funds {
    pub(crate) funds: BTreeMap<String, Fund>,
}

impl Funds {
    /// The funds read back from a snapshot, each ledger's index of ids rebuilt.
    #[cfg(feature = "snapshot")]
    pub(crate) fn restored(mut self) -> Result<Funds, String> {
        for (id, fund) in &mut self.funds {
            fund.ledger = std::mem::take(&mut fund.ledger)
                .restored()
                .map_err(|e| format!("fund {id}: {e}"))?;
        }
        Ok(self)
    }

    /// No funds.
    pub fn new() -> Funds {
        Funds::default()
    }

    /// The fund with this id.
    pub fn get(&self, id: &str) -> Option<&Fund> {
        self.funds.get(id)
    }

    /// Every fund, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Fund> + '_ {
        self.funds.values()
    }

    pub(crate) fn fund(&self, id: &str) -> Result<&Fund, FundError> {
        self.funds
            .get(id)
            .ok_or_else(|| FundError::UnknownFund(id.to_owned()))
    }
}
