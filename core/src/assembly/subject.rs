//! What a motion decides, and the kind of vote it needs (Civil Code Art. 278).

use serde::{Deserialize, Serialize};

/// The kind of a motion, which sets its majorities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MotionKind {
    /// More than half of the participating area and of the participating owners.
    Ordinary,
    /// At least three quarters of the participating area and of the participating
    /// owners: raising the maintenance fund, rebuilding, changing the use of common
    /// parts or using them for business.
    Special,
}

impl MotionKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            MotionKind::Ordinary => "ordinary",
            MotionKind::Special => "special",
        }
    }
}

/// The matters of Civil Code Art. 278 that owners decide jointly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    /// (1) Making or changing the assembly's rules of procedure.
    RulesOfProcedure,
    /// (2) Making or changing the management statute.
    ManagementStatute,
    /// (3) Electing or replacing the owners' committee.
    ElectCommittee,
    /// (4) Hiring or dismissing the property manager.
    AppointManager,
    /// (5) Using the maintenance fund.
    UseMaintenanceFund,
    /// (6) Raising the maintenance fund.
    RaiseMaintenanceFund,
    /// (7) Rebuilding or reconstructing buildings and their facilities.
    Rebuild,
    /// (8) Changing the use of common parts.
    ChangeUseOfCommonParts,
    /// (8) Using common parts for business (advertising, parking contracts).
    BusinessUseOfCommonParts,
    /// (9) Other major matters of common ownership and management.
    OtherMajorMatter,
}

impl Matter {
    /// The kind of vote the matter needs.
    pub fn kind(self) -> MotionKind {
        match self {
            Matter::RaiseMaintenanceFund
            | Matter::Rebuild
            | Matter::ChangeUseOfCommonParts
            | Matter::BusinessUseOfCommonParts => MotionKind::Special,
            _ => MotionKind::Ordinary,
        }
    }
}

/// What a motion decides. Fund subjects take effect on the fund when the motion passes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Subject {
    /// Approve a fund's proposed budget.
    ApproveBudget {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
    },
    /// Approve an amendment to a fund's budget.
    AmendBudget {
        /// The fund.
        fund: String,
        /// The budget.
        budget: String,
        /// The amendment.
        amendment: String,
    },
    /// Approve a dividend of surplus common income.
    Dividend {
        /// The fund.
        fund: String,
        /// The dividend.
        dividend: String,
    },
    /// Count common income in the manager's remuneration base (or stop counting it).
    CommonIncomeInBase {
        /// The fund.
        fund: String,
        /// Count it or not.
        include: bool,
    },
    /// Any other matter of Art. 278, decided on its own.
    Matter {
        /// The matter.
        matter: Matter,
    },
}

impl Subject {
    /// The kind of vote the subject needs: every fund subject is ordinary (Art. 278's
    /// "other matters"); a matter has the kind Art. 278 gives it.
    pub fn kind(&self) -> MotionKind {
        match self {
            Subject::Matter { matter } => matter.kind(),
            _ => MotionKind::Ordinary,
        }
    }

    /// The fund a fund subject names.
    pub fn fund(&self) -> Option<&str> {
        match self {
            Subject::ApproveBudget { fund, .. }
            | Subject::AmendBudget { fund, .. }
            | Subject::Dividend { fund, .. }
            | Subject::CommonIncomeInBase { fund, .. } => Some(fund),
            Subject::Matter { .. } => None,
        }
    }
}
