//! The fund's records: terms, budgets, payments with vouchers, dividends, billings.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ledger::Ledger;
use crate::grid::NodeCode;
use crate::money::decimal_text;
use crate::money::{Amount, Rounding, SplitMethod};

/// How fees are billed each month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "per")]
pub enum FeeRate {
    /// Yuan per m² of exclusive area per month (4.00 yuan/m² on 72 m² → 288.00).
    Area {
        /// The rate.
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        rate: Decimal,
    },
    /// A flat amount per household per month.
    Household {
        /// The amount.
        amount: Amount,
    },
}

/// How the property manager is paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "basis")]
pub enum Basis {
    /// 酬金制: the manager's remuneration is a percentage of the fees collected (and of
    /// common income only if the assembly agreed); the rest of the fund pays only for
    /// contracted services; surplus and shortfall belong to the owners.
    Remuneration {
        /// Percent of the base (10 to 15 is typical).
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        percent: Decimal,
    },
    /// 酬金制 with a fixed remuneration per period.
    FixedRemuneration {
        /// The amount per accrual.
        amount: Amount,
    },
    /// 包干制: the manager keeps the fees and bears the costs; kept for comparison.
    FixedFee,
}

/// Sources of common income (Civil Code Art. 282: it belongs to the owners jointly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IncomeSource {
    /// Parking on common ground.
    Parking,
    /// Advertising on common parts (lifts, gates).
    Advertising,
    /// Other income from common parts (venue rent, recycling).
    Other,
}

impl IncomeSource {
    /// Every source.
    pub const ALL: [IncomeSource; 3] = [
        IncomeSource::Parking,
        IncomeSource::Advertising,
        IncomeSource::Other,
    ];

    /// The snake_case name, also the income account's last segment.
    pub fn as_str(self) -> &'static str {
        match self {
            IncomeSource::Parking => "parking",
            IncomeSource::Advertising => "advertising",
            IncomeSource::Other => "other",
        }
    }
}

/// The terms a fund runs on. The fee is not among them: it is a
/// [`FeeStandard`](super::FeeStandard) the owners approve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Terms {
    /// How the manager is paid.
    pub basis: Basis,
    /// Payments above this need the supervisor's approval first.
    pub approval_threshold: Amount,
    /// Whether common income counts in the remuneration base (only by the assembly).
    pub common_income_in_base: bool,
    /// The rounding of fees and remuneration.
    pub rounding: Rounding,
    /// The method that shares dividends.
    pub split: SplitMethod,
}

/// A budget line: a service and its amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineAmount {
    /// The line's id, a lowercase slug (`cleaning`, `security`, `elevators`); its
    /// spending account is `expenses:<line>`.
    pub line: String,
    /// The amount for the period.
    pub amount: Amount,
}

/// Where a budget or an amendment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    /// Proposed, awaiting the owners' assembly.
    Proposed,
    /// Approved by the assembly.
    Approved,
    /// Rejected by the assembly (or its vote was invalid).
    Rejected,
}

impl Approval {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Approval::Proposed => "proposed",
            Approval::Approved => "approved",
            Approval::Rejected => "rejected",
        }
    }
}

/// An amendment to a budget: new amounts for some lines (new lines included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Amendment {
    /// The amendment's id.
    pub id: String,
    /// The new amounts.
    pub lines: Vec<LineAmount>,
    /// Why.
    pub reason: String,
    /// Where it stands.
    pub approval: Approval,
    /// The motion that decided it.
    pub motion: Option<String>,
}

/// An open budget (开放式预算) for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Budget {
    /// The budget's id.
    pub id: String,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// The lines as approved (with approved amendments applied); as proposed before.
    pub lines: Vec<LineAmount>,
    /// Where it stands.
    pub approval: Approval,
    /// The motion that decided it.
    pub motion: Option<String>,
    /// Its amendments, in the order proposed.
    pub amendments: Vec<Amendment>,
    /// Posted spending per line (net of reversals).
    pub spent: BTreeMap<String, Amount>,
    /// Payments awaiting the supervisor, per line.
    pub pending: BTreeMap<String, Amount>,
}

impl Budget {
    /// The approved amount of a line.
    pub fn line(&self, line: &str) -> Option<Amount> {
        self.lines.iter().find(|l| l.line == line).map(|l| l.amount)
    }

    /// What remains of a line: approved less spent and pending.
    pub fn remaining(&self, line: &str) -> Option<Amount> {
        let approved = self.line(line)?;
        let spent = self.spent.get(line).copied().unwrap_or_default();
        let pending = self.pending.get(line).copied().unwrap_or_default();
        approved
            .checked_sub(spent)
            .and_then(|a| a.checked_sub(pending))
            .ok()
    }
}

/// The voucher a payment carries (凭证): owners may inspect it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Voucher {
    /// The invoice's or contract's reference.
    pub reference: String,
    /// SHA-256 of the scanned document, 64 lowercase hex digits.
    pub document_hash: String,
    /// Who is paid.
    pub payee: String,
    /// True when the payee is a private person, whose name a statement masks.
    #[serde(default)]
    pub payee_is_person: bool,
    /// What for.
    pub description: String,
}

/// Where a payment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Above the threshold, awaiting the supervisor.
    Pending,
    /// Posted to the ledger.
    Posted,
    /// Refused by the supervisor.
    Rejected,
    /// Posted, then reversed.
    Reversed,
}

impl PaymentStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Posted => "posted",
            PaymentStatus::Rejected => "rejected",
            PaymentStatus::Reversed => "reversed",
        }
    }
}

/// A payment against a budget line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Payment {
    /// The payment's id, also its transaction's id.
    pub id: String,
    /// The budget.
    pub budget: String,
    /// The line.
    pub line: String,
    /// The amount.
    pub amount: Amount,
    /// Its voucher.
    pub voucher: Voucher,
    /// When it was requested.
    pub requested: NaiveDate,
    /// When it was posted.
    pub posted: Option<NaiveDate>,
    /// Who approved it, for payments above the threshold.
    pub approved_by: Option<String>,
    /// Where it stands.
    pub status: PaymentStatus,
    /// Why it was rejected.
    pub reason: Option<String>,
}

/// How a dividend is shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum SharingKey {
    /// By exclusive floor area (Civil Code Art. 283, the default).
    Area,
    /// A rate per m² of exclusive area (4 yuan/m² on 72 m² → 288.00): each share is
    /// rounded on its own, so the total is the sum of the shares, and the rounding
    /// residue stays in the fund.
    Rate {
        /// Yuan per m².
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        per_m2: Decimal,
    },
    /// By an agreed key: a weight per household; households not named get nothing.
    Agreed {
        /// Weights by household id.
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        weights: Vec<(String, Decimal)>,
    },
}

/// A dividend of surplus common income.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dividend {
    /// The dividend's id.
    pub id: String,
    /// The total.
    pub amount: Amount,
    /// How it is shared.
    pub key: SharingKey,
    /// Where it stands.
    pub approval: Approval,
    /// The motion that decided it.
    pub motion: Option<String>,
    /// The shares by household, once approved, in household order.
    pub shares: Vec<(String, Amount)>,
    /// For a rate per m²: the exact `rate × area` less the shares, which stays in the fund.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub residue: Decimal,
    /// The transaction that paid it out, once paid.
    pub paid_by: Option<String>,
}

/// A month's billing of fees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Billing {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The day billed.
    pub date: NaiveDate,
    /// Households billed.
    pub households: u32,
    /// The sum of the bills.
    pub billed: Amount,
    /// The exact `rate × area` total before rounding.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub exact: Decimal,
    /// `exact − billed`, kept as its own line.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub residue: Decimal,
    /// The approved fee standard billed.
    #[serde(default)]
    pub standard: Option<String>,
}

/// An accrual of the manager's remuneration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Accrual {
    /// The accrual's id, also its transaction's id.
    pub id: String,
    /// Its period's first day.
    pub from: NaiveDate,
    /// Its period's last day.
    pub to: NaiveDate,
    /// Fees collected in the period.
    pub fees_collected: Amount,
    /// Common income in the period counted in the base (zero unless agreed).
    pub common_income: Amount,
    /// The remuneration.
    pub amount: Amount,
}

/// One compound's common fund (共有基金).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub struct Fund {
    /// The fund's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The grid unit whose households own the compound.
    pub unit: NodeCode,
    /// When it was opened.
    pub opened: NaiveDate,
    /// Its terms.
    pub terms: Terms,
    /// Its ledger.
    pub ledger: Ledger,
    /// Budgets by id.
    pub budgets: BTreeMap<String, Budget>,
    /// Payments by id.
    pub payments: BTreeMap<String, Payment>,
    /// Dividends by id.
    pub dividends: BTreeMap<String, Dividend>,
    /// Billings by month.
    pub billings: BTreeMap<String, Billing>,
    /// Accruals in order.
    pub accruals: Vec<Accrual>,
    /// Fee payments received: (date, transaction id, household, amount).
    pub receipts: Vec<(NaiveDate, String, String, Amount)>,
    /// Fee standards, in the order proposed.
    pub fee_standards: Vec<FeeStandard>,
    /// The ids of the approved fee standards, in the order approved.
    pub fee_history: Vec<String>,
    /// Resolutions allowing business use of common parts, in the order passed.
    pub business_uses: Vec<BusinessUse>,
}

/// The id of the fee standard proposed when a fund is opened.
pub const OPENING_STANDARD: &str = "opening";

/// A fee standard (收费标准): the monthly fee, proposed by the fund's keepers and billable
/// only once the owners' assembly approves it, from its first month on. A later approved
/// standard replaces the earlier ones from its own first month; months already billed
/// keep their bills, each of which names the standard it used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeStandard {
    /// The standard's id: `opening` for the one proposed with the fund, the budget's id
    /// for one proposed in a budget.
    pub id: String,
    /// The monthly fee.
    pub fee: FeeRate,
    /// The first month it applies to, `YYYY-MM`.
    pub from: String,
    /// The budget that carries it, if it was proposed in a budget.
    #[serde(default)]
    pub budget: Option<String>,
    /// Where it stands.
    pub approval: Approval,
    /// The motion that decided it.
    #[serde(default)]
    pub motion: Option<String>,
}

/// A resolution of the owners' assembly allowing business use of common parts (Civil
/// Code Art. 278 (8), a special matter): the income it allows may be recorded from the
/// day it passed until its last day, if it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BusinessUse {
    /// The motion that passed it.
    pub motion: String,
    /// The uses it allows.
    pub uses: Vec<IncomeSource>,
    /// The day it passed.
    pub from: NaiveDate,
    /// Its last day; none for no end.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

impl BusinessUse {
    /// Whether it allows income from `source` on `date`.
    pub fn allows(&self, source: IncomeSource, date: NaiveDate) -> bool {
        self.uses.contains(&source) && self.from <= date && self.until.is_none_or(|u| date <= u)
    }
}
