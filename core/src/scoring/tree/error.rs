//! Errors of the rating tree: a tree that does not parse or breaks a rule, and community
//! data that does not fit the tree.

use rust_decimal::Decimal;

use crate::error::kind::error_codes;
use crate::text::TextError;

/// Why a rating tree or the data evaluated on it was refused.
///
/// Tree errors carry the path of the offending node (`items[3].children[1]`); data errors
/// name the community and the indicator or veto id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TreeError {
    /// The JSON text is not a tree (syntax, an unknown field, a wrong type).
    #[error("rating tree JSON: {0}")]
    Json(String),
    /// An id, a name or a label breaks its rule.
    #[error("{path}: {source}")]
    Text {
        /// Where in the tree (or `data[i]` for a community).
        path: String,
        /// The text refused.
        source: TextError,
    },
    /// Two nodes or vetoes share an id.
    #[error("{path}: id {id:?} is used already at {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The second use.
        path: String,
        /// The first use.
        first: String,
    },
    /// A weight is zero or negative.
    #[error("{path}: weight {weight} must be greater than 0")]
    BadWeight {
        /// The node.
        path: String,
        /// The weight given.
        weight: Decimal,
    },
    /// The weights of a node's children add up beyond what a decimal holds.
    #[error("{path}: the weights of the children are too large to add up")]
    WeightsTooLarge {
        /// The parent (`items` for the top level).
        path: String,
    },
    /// A group (or the tree itself) has no children.
    #[error("{path}: a group needs at least one child")]
    EmptyGroup {
        /// The group (`items` for the tree).
        path: String,
    },
    /// A target is zero or negative.
    #[error("{path}: target {target} must be greater than 0")]
    BadTarget {
        /// The indicator.
        path: String,
        /// The target given.
        target: Decimal,
    },
    /// The tree is deeper than allowed.
    #[error("{path}: the tree is deeper than {max} levels")]
    TooDeep {
        /// The first node too deep.
        path: String,
        /// The most levels allowed.
        max: usize,
    },
    /// Grade bands are not strictly descending within 0..=100, or repeat a label.
    #[error("{path}: {why}")]
    BadBand {
        /// The band (`bands[1]`) or `lowest`.
        path: String,
        /// What is wrong.
        why: String,
    },
    /// The same community appears twice in the data.
    #[error("community {0:?} appears more than once")]
    DuplicateCommunity(String),
    /// A community's values name an id that is no indicator of the tree.
    #[error("community {community:?}: no indicator with id {id:?}")]
    UnknownIndicator {
        /// The community.
        community: String,
        /// The id given.
        id: String,
    },
    /// A community's vetoes name an id that is no veto of the tree.
    #[error("community {community:?}: no veto with id {id:?}")]
    UnknownVeto {
        /// The community.
        community: String,
        /// The id given.
        id: String,
    },
    /// A community lists the same veto twice.
    #[error("community {community:?}: veto {id:?} is listed twice")]
    RepeatedVeto {
        /// The community.
        community: String,
        /// The veto.
        id: String,
    },
    /// A community has no value for an indicator.
    #[error("community {community:?}: no value for indicator {indicator:?}")]
    MissingValue {
        /// The community.
        community: String,
        /// The indicator.
        indicator: String,
    },
    /// A negative value for an indicator scored against a target.
    #[error("community {community:?}: indicator {indicator:?} may not be negative, got {value}")]
    NegativeValue {
        /// The community.
        community: String,
        /// The indicator.
        indicator: String,
        /// The value given.
        value: Decimal,
    },
    /// A yes/no indicator whose value is neither 0 nor 1.
    #[error("community {community:?}: indicator {indicator:?} is a flag (0 or 1), got {value}")]
    NotAFlag {
        /// The community.
        community: String,
        /// The indicator.
        indicator: String,
        /// The value given.
        value: Decimal,
    },
    /// The spread of a min–max indicator's values is beyond what a decimal holds.
    #[error("indicator {indicator:?}: the values' spread is too large to compute")]
    ValueOutOfRange {
        /// The indicator.
        indicator: String,
    },
}

error_codes! {
    TreeError {
        Json(..) => ("tree_json", Invalid),
        Text { source, .. } => delegate TextError,
        DuplicateId { .. } => ("duplicate_id", Conflict),
        BadWeight { .. } => ("bad_weight", Invalid),
        WeightsTooLarge { .. } => ("weights_too_large", Invalid),
        EmptyGroup { .. } => ("empty_group", Invalid),
        BadTarget { .. } => ("bad_target", Invalid),
        TooDeep { .. } => ("tree_too_deep", Invalid),
        BadBand { .. } => ("bad_band", Invalid),
        DuplicateCommunity(..) => ("duplicate_community", Conflict),
        UnknownIndicator { .. } => ("unknown_indicator", NotFound),
        UnknownVeto { .. } => ("unknown_veto", NotFound),
        RepeatedVeto { .. } => ("repeated_veto", Conflict),
        MissingValue { .. } => ("missing_value", Invalid),
        NegativeValue { .. } => ("negative_value", Invalid),
        NotAFlag { .. } => ("not_a_flag", Invalid),
        ValueOutOfRange { .. } => ("value_out_of_range", Invalid),
    }
}
