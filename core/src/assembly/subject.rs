//! What a motion decides, and the kind of vote it needs (Civil Code Art. 278).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::fund::FundSubject;

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

/// What a motion decides: a matter of Civil Code Art. 278, or a matter of a fund, which
/// takes effect on the fund when the motion passes.
///
/// In JSON both read alike, `{"type": "matter", "matter": "rebuild"}` and
/// `{"type": "approve_budget", "fund": "f1", "budget": "2026"}`: a fund subject is written
/// as the [`FundSubject`] it carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Subject {
    /// Any other matter of Art. 278, decided on its own.
    Matter {
        /// The matter.
        matter: Matter,
    },
    /// A matter of a fund: a budget, an amendment, a dividend, common income in the
    /// remuneration base, a fee standard, or business use of common parts.
    #[serde(untagged)]
    Fund(FundSubject),
}

impl Subject {
    /// The kind of vote the subject needs: a matter has the kind Art. 278 gives it;
    /// allowing business use of common parts is that matter (special); every other fund
    /// subject is ordinary (Art. 278's "other matters").
    pub fn kind(&self) -> MotionKind {
        match self {
            Subject::Matter { matter } => matter.kind(),
            Subject::Fund(FundSubject::AllowBusinessUse { .. }) => {
                Matter::BusinessUseOfCommonParts.kind()
            }
            Subject::Fund(_) => MotionKind::Ordinary,
        }
    }

    /// The fund a fund subject names.
    pub fn fund(&self) -> Option<&str> {
        self.fund_subject().map(FundSubject::fund)
    }

    /// The fund matter, if the subject is one.
    pub fn fund_subject(&self) -> Option<&FundSubject> {
        match self {
            Subject::Fund(subject) => Some(subject),
            Subject::Matter { .. } => None,
        }
    }
}

impl From<FundSubject> for Subject {
    fn from(subject: FundSubject) -> Subject {
        Subject::Fund(subject)
    }
}

/// Every subject's `type`.
const TYPES: &[&str] = &[
    "approve_budget",
    "amend_budget",
    "dividend",
    "common_income_in_base",
    "approve_fee",
    "allow_business_use",
    "matter",
];

impl<'de> Deserialize<'de> for Subject {
    /// Reads the subject by its `type`, so that a malformed one is refused with what is
    /// wrong in it (a missing field, an unknown matter) rather than with "no variant
    /// matched".
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Subject, D::Error> {
        #[derive(Deserialize)]
        struct OfMatter {
            matter: Matter,
        }
        let value = Value::deserialize(deserializer)?;
        let tag = match value.get("type") {
            Some(Value::String(tag)) => tag.as_str(),
            Some(other) => {
                return Err(D::Error::invalid_type(
                    crate::tracked::unexpected(other),
                    &"variant identifier",
                ))
            }
            None if value.is_object() => return Err(D::Error::missing_field("type")),
            None => {
                let expected = &"internally tagged enum Subject";
                return Err(D::Error::invalid_type(
                    crate::tracked::unexpected(&value),
                    expected,
                ));
            }
        };
        if tag == "matter" {
            let OfMatter { matter } =
                crate::tracked::from_value(value).map_err(D::Error::custom)?;
            Ok(Subject::Matter { matter })
        } else if TYPES.contains(&tag) {
            crate::tracked::from_value::<FundSubject>(value)
                .map(Subject::Fund)
                .map_err(D::Error::custom)
        } else {
            Err(D::Error::unknown_variant(tag, TYPES))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Matter, MotionKind, Subject};
    use crate::fund::{FundSubject, IncomeSource};

    /// Subjects are in journals: their JSON is the same as when a subject held the fund
    /// matters as its own variants.
    #[test]
    fn subjects_keep_their_json() {
        let cases = [
            (
                Subject::Matter {
                    matter: Matter::Rebuild,
                },
                r#"{"type":"matter","matter":"rebuild"}"#,
            ),
            (
                FundSubject::ApproveBudget {
                    fund: "f".into(),
                    budget: "b".into(),
                }
                .into(),
                r#"{"type":"approve_budget","fund":"f","budget":"b"}"#,
            ),
            (
                FundSubject::AmendBudget {
                    fund: "f".into(),
                    budget: "b".into(),
                    amendment: "a".into(),
                }
                .into(),
                r#"{"type":"amend_budget","fund":"f","budget":"b","amendment":"a"}"#,
            ),
            (
                FundSubject::Dividend {
                    fund: "f".into(),
                    dividend: "d".into(),
                }
                .into(),
                r#"{"type":"dividend","fund":"f","dividend":"d"}"#,
            ),
            (
                FundSubject::CommonIncomeInBase {
                    fund: "f".into(),
                    include: true,
                }
                .into(),
                r#"{"type":"common_income_in_base","fund":"f","include":true}"#,
            ),
            (
                FundSubject::ApproveFee {
                    fund: "f".into(),
                    standard: "s".into(),
                }
                .into(),
                r#"{"type":"approve_fee","fund":"f","standard":"s"}"#,
            ),
            (
                FundSubject::AllowBusinessUse {
                    fund: "f".into(),
                    uses: vec![IncomeSource::Advertising],
                    until: None,
                }
                .into(),
                r#"{"type":"allow_business_use","fund":"f","uses":["advertising"],"until":null}"#,
            ),
        ];
        for (subject, json) in cases {
            assert_eq!(serde_json::to_string(&subject).unwrap(), json);
            assert_eq!(serde_json::from_str::<Subject>(json).unwrap(), subject);
        }
    }

    /// Allowing business use of common parts is Art. 278's special matter; the other fund
    /// subjects are ordinary.
    #[test]
    fn business_use_is_special_and_a_fee_ordinary() {
        let uses = FundSubject::AllowBusinessUse {
            fund: "f".into(),
            uses: vec![IncomeSource::Parking],
            until: None,
        };
        let fee = FundSubject::ApproveFee {
            fund: "f".into(),
            standard: "s".into(),
        };
        assert_eq!(Subject::from(uses).kind(), MotionKind::Special);
        assert_eq!(Subject::from(fee).kind(), MotionKind::Ordinary);
    }

    /// A malformed subject is refused with what is wrong in it.
    #[test]
    fn a_malformed_subject_is_refused() {
        for (json, message) in [
            (
                r#"{"type":"approve_budget","fund":"f"}"#,
                "missing field `budget`",
            ),
            (
                r#"{"type":"veto","fund":"f"}"#,
                "unknown variant `veto`, expected one of `approve_budget`, `amend_budget`, \
                 `dividend`, `common_income_in_base`, `approve_fee`, `allow_business_use`, \
                 `matter`",
            ),
            (
                r#"{"type":"matter","matter":"party"}"#,
                "unknown variant `party`, expected one of `rules_of_procedure`",
            ),
            (r#"{"type":"matter"}"#, "missing field `matter`"),
            (r#"{"fund":"f","budget":"b"}"#, "missing field `type`"),
            (
                r#""approve_budget""#,
                "invalid type: string \"approve_budget\", expected internally tagged enum Subject",
            ),
            (
                r#"{"type":"common_income_in_base","fund":"f","include":"yes"}"#,
                "invalid type: string \"yes\", expected a boolean",
            ),
            // A number is named as serde_json names it elsewhere.
            (
                r#"{"type":5}"#,
                "invalid type: integer `5`, expected variant identifier",
            ),
            (
                r#"-2.5"#,
                "invalid type: floating point `-2.5`, expected internally tagged enum Subject",
            ),
        ] {
            let e = serde_json::from_str::<Subject>(json)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(message), "{json}: {e}");
        }
    }
}
