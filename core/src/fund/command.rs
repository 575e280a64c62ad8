//! Commands of the fund capability.

use chrono::NaiveDate;
use serde::Serialize;

use super::ledger::{Account, Transaction};
use super::model::{Basis, FeeRate, IncomeSource, LineAmount, SharingKey, Voucher};
use crate::grid::NodeCode;
use crate::money::{Amount, Rounding};

/// A command to a compound's common fund. Every command names its fund; ids given by
/// the caller (payments, incomes, accruals) become transaction ids, so a retry with the
/// same content does nothing and a reused id with other content is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FundCommand {
    /// Opens a compound's fund with its standard chart of accounts, and proposes its fee
    /// standard (id `opening`, from the opening month): staff do not set the fee, the
    /// owners do. Fees can be billed only once the owners' assembly approves a standard
    /// (this one by an `approve_fee` motion, or another in a budget or on its own).
    OpenFund {
        /// The fund's id.
        fund: String,
        /// Its name (the compound's).
        name: String,
        /// The unit whose households own the compound.
        unit: NodeCode,
        /// The proposed monthly fee, billable once the owners approve it.
        fee: FeeRate,
        /// How the manager is paid.
        basis: Basis,
        /// Payments above this need the supervisor first; the configured default if absent.
        #[serde(default)]
        approval_threshold: Option<Amount>,
        /// The rounding of fees and remuneration; the configured default if absent.
        #[serde(default)]
        rounding: Option<Rounding>,
    },
    /// Opens another account (a second bank account, a deposit held).
    OpenAccount {
        /// The fund.
        fund: String,
        /// The account.
        account: Account,
    },
    /// Posts transactions by hand, all or none (an opening balance, bank interest). They
    /// may not touch expense accounts: spending goes through [`FundCommand::RequestPayment`].
    Post {
        /// The fund.
        fund: String,
        /// The transactions, in date order.
        transactions: Vec<Transaction>,
    },
    /// Corrects a transaction by posting its mirror image, dated today.
    Reverse {
        /// The fund.
        fund: String,
        /// The reversal's id.
        transaction: String,
        /// The transaction corrected.
        reverses: String,
        /// Why.
        reason: String,
    },
    /// Bills a month's fees to every household of the compound by its exclusive area.
    BillFees {
        /// The fund.
        fund: String,
        /// The month, `YYYY-MM`.
        month: String,
    },
    /// Records a household's payment of fees into the fund's bank account.
    RecordPayment {
        /// The fund.
        fund: String,
        /// The payment's id (its transaction's id).
        payment: String,
        /// The household.
        household: String,
        /// The amount.
        amount: Amount,
    },
    /// Records common income (parking, advertising) into the fund; only while a
    /// resolution of the owners allowing that business use of common parts is in force.
    RecordIncome {
        /// The fund.
        fund: String,
        /// The income's id (its transaction's id).
        id: String,
        /// Where it came from.
        source: IncomeSource,
        /// The amount.
        amount: Amount,
        /// What it was.
        #[serde(default)]
        description: String,
    },
    /// Proposes a budget; it takes effect when the assembly approves it.
    ProposeBudget {
        /// The fund.
        fund: String,
        /// The budget's id.
        budget: String,
        /// Its first day.
        from: NaiveDate,
        /// Its last day.
        to: NaiveDate,
        /// Its lines.
        lines: Vec<LineAmount>,
        /// The monthly fee it proposes (a fee standard with the budget's id), billable
        /// from the budget's first month once the assembly approves the budget.
        #[serde(default)]
        fee: Option<FeeRate>,
    },
    /// Proposes a fee standard of its own; it is billable from its first month once the
    /// assembly approves it by an `approve_fee` motion.
    ProposeFee {
        /// The fund.
        fund: String,
        /// The standard's id.
        standard: String,
        /// The monthly fee.
        fee: FeeRate,
        /// The first month it applies to, `YYYY-MM`.
        from: String,
    },
    /// Proposes new amounts for lines of an approved budget (new lines included).
    ProposeAmendment {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
        /// The amendment's id.
        amendment: String,
        /// The new amounts.
        lines: Vec<LineAmount>,
        /// Why.
        reason: String,
    },
    /// Pays against an approved budget line with a voucher. Up to the threshold it posts
    /// at once; above it, it waits for the supervisor.
    RequestPayment {
        /// The fund.
        fund: String,
        /// The payment's id (its transaction's id).
        payment: String,
        /// The budget.
        budget: String,
        /// The line.
        line: String,
        /// The amount.
        amount: Amount,
        /// The voucher.
        voucher: Voucher,
    },
    /// The supervisor approves a pending payment, which posts.
    ApprovePayment {
        /// The fund.
        fund: String,
        /// The payment.
        payment: String,
    },
    /// The supervisor refuses a pending payment.
    RejectPayment {
        /// The fund.
        fund: String,
        /// The payment.
        payment: String,
        /// Why.
        reason: String,
    },
    /// Computes and posts the manager's remuneration for a period.
    AccrueRemuneration {
        /// The fund.
        fund: String,
        /// The accrual's id (its transaction's id).
        accrual: String,
        /// The period's first day.
        from: NaiveDate,
        /// The period's last day.
        to: NaiveDate,
    },
    /// Pays remuneration owed to the manager.
    PayRemuneration {
        /// The fund.
        fund: String,
        /// The payment's id (its transaction's id).
        payment: String,
        /// The amount.
        amount: Amount,
    },
    /// Proposes a dividend of surplus common income; the assembly decides.
    ProposeDividend {
        /// The fund.
        fund: String,
        /// The dividend's id.
        dividend: String,
        /// The total to share by area or by an agreed key; for a rate per m², absent or
        /// equal to the sum of the rounded shares.
        #[serde(default)]
        amount: Option<Amount>,
        /// How it is shared.
        key: SharingKey,
    },
    /// Pays an approved dividend's shares out of the bank account.
    PayDividend {
        /// The fund.
        fund: String,
        /// The dividend.
        dividend: String,
        /// The payout's id (its transaction's id).
        payment: String,
    },
}

impl FundCommand {
    /// The fund the command names.
    pub fn fund(&self) -> &str {
        match self {
            FundCommand::OpenFund { fund, .. }
            | FundCommand::OpenAccount { fund, .. }
            | FundCommand::Post { fund, .. }
            | FundCommand::Reverse { fund, .. }
            | FundCommand::BillFees { fund, .. }
            | FundCommand::RecordPayment { fund, .. }
            | FundCommand::RecordIncome { fund, .. }
            | FundCommand::ProposeBudget { fund, .. }
            | FundCommand::ProposeFee { fund, .. }
            | FundCommand::ProposeAmendment { fund, .. }
            | FundCommand::RequestPayment { fund, .. }
            | FundCommand::ApprovePayment { fund, .. }
            | FundCommand::RejectPayment { fund, .. }
            | FundCommand::AccrueRemuneration { fund, .. }
            | FundCommand::PayRemuneration { fund, .. }
            | FundCommand::ProposeDividend { fund, .. }
            | FundCommand::PayDividend { fund, .. } => fund,
        }
    }
}
