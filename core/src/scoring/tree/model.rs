//! The rating tree and community data as types, and their JSON form.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::TreeError;
use crate::money::decimal_text;

/// A rating scheme (考核评价指标体系): weighted groups down to indicators, veto items and
/// grade bands. The total score is out of 100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RatingTree"))]
#[serde(deny_unknown_fields)]
pub struct Tree {
    /// The scheme's name.
    pub name: String,
    /// The top-level nodes; their weights, like every sibling's, are relative.
    pub items: Vec<Node>,
    /// Veto items (一票否决): any that fires forces the lowest grade.
    #[serde(default)]
    pub vetoes: Vec<Veto>,
    /// Grade bands, highest first; a rounded score at or above `min` earns the label.
    #[serde(default = "default_bands")]
    pub bands: Vec<Band>,
    /// The grade below every band, and of every vetoed community.
    #[serde(default = "default_lowest")]
    pub lowest: String,
}

/// A node of the tree: a group of further nodes or an indicator leaf.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(with = "NodeRepr", rename = "RatingNode"))]
#[serde(try_from = "NodeRepr", into = "NodeRepr")]
pub struct Node {
    /// A short id, unique across the tree's nodes and vetoes.
    pub id: String,
    /// The name shown to people.
    pub name: String,
    /// The weight, relative to its siblings' (normalised by their sum).
    pub weight: Decimal,
    /// A group or an indicator.
    pub kind: NodeKind,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// A group of nodes (JSON: a `children` field).
    Group {
        /// The nodes under it, at least one.
        children: Vec<Node>,
    },
    /// An indicator scored from a community's value (JSON: a `normalise` field).
    Indicator {
        /// How the value becomes a score between 0 and 1.
        normalise: Normalise,
    },
}

/// How an indicator's value becomes a score between 0 and 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, gridward_derive::TaggedDeserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Normalise {
    /// Against a target: higher is better → min(v / target, 1); lower is better → 1 if
    /// v ≤ target, else target / v. Values may not be negative.
    Target {
        /// The target, greater than 0.
        #[serde(
            serialize_with = "decimal_text::write",
            deserialize_with = "decimal_text::read"
        )]
        target: Decimal,
        /// Which way is better.
        better: Better,
    },
    /// Against the communities evaluated together: (v − min) / (max − min), reversed
    /// when lower is better; 1 for everyone when all values are equal.
    MinMax {
        /// Which way is better.
        better: Better,
    },
    /// Yes or no: the value must be 0 or 1 and is the score. (A struct variant, so that
    /// stray fields in its JSON are refused as in every other object.)
    Flag {},
}

/// Which way an indicator's value is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// More is better (a closure rate).
    Higher,
    /// Less is better (cases per thousand residents).
    Lower,
}

/// A veto item (一票否决).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Veto {
    /// A short id, unique across the tree's nodes and vetoes.
    pub id: String,
    /// What happened, e.g. 发生重大安全责任事故.
    pub name: String,
}

/// A grade band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The grade, e.g. 优秀.
    pub label: String,
    /// The lowest rounded score that earns it.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub min: Decimal,
}

/// One community's values for a tree's indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommunityData {
    /// The community's name or code, unique within one evaluation.
    pub community: String,
    /// A value for every indicator of the tree, by indicator id.
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    pub values: BTreeMap<String, Decimal>,
    /// The ids of the vetoes that fired.
    #[serde(default)]
    pub vetoes: Vec<String>,
}

/// The default bands: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60.
pub fn default_bands() -> Vec<Band> {
    [("优秀", 90), ("良好", 80), ("合格", 60)]
        .into_iter()
        .map(|(label, min)| Band {
            label: label.into(),
            min: Decimal::from(min),
        })
        .collect()
}

/// The default lowest grade: 不合格.
pub fn default_lowest() -> String {
    "不合格".into()
}

impl Tree {
    /// Parses a tree from JSON and validates it.
    pub fn from_json(text: &str) -> Result<Tree, TreeError> {
        let tree: Tree = crate::tracked::from_text(text).map_err(TreeError::Json)?;
        tree.validate()?;
        Ok(tree)
    }

    /// The indicators (leaves), in tree order.
    pub fn indicators(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        collect_leaves(&self.items, &mut out);
        out
    }

    /// How many items the scheme has: the groups with at least one indicator among their
    /// children (the level just above the leaves).
    pub fn item_count(&self) -> usize {
        fn count(nodes: &[Node]) -> usize {
            nodes
                .iter()
                .map(|n| match &n.kind {
                    NodeKind::Group { children } => {
                        let parent = children.iter().any(Node::is_indicator);
                        usize::from(parent) + count(children)
                    }
                    NodeKind::Indicator { .. } => 0,
                })
                .sum()
        }
        count(&self.items)
    }

    /// The grade a rounded score earns, ignoring vetoes.
    pub fn grade(&self, score: Decimal) -> &str {
        self.bands
            .iter()
            .find(|b| score >= b.min)
            .map_or(self.lowest.as_str(), |b| b.label.as_str())
    }
}

fn collect_leaves<'t>(nodes: &'t [Node], out: &mut Vec<&'t Node>) {
    for node in nodes {
        match &node.kind {
            NodeKind::Group { children } => collect_leaves(children, out),
            NodeKind::Indicator { .. } => out.push(node),
        }
    }
}

impl Node {
    /// Whether the node is an indicator leaf.
    pub fn is_indicator(&self) -> bool {
        matches!(self.kind, NodeKind::Indicator { .. })
    }
}

/// A node of a rating tree: a group (with `children`) or an indicator (with
/// `normalise`), exactly one of the two.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RatingNode"))]
#[serde(deny_unknown_fields)]
struct NodeRepr {
    /// A short id, unique across the tree's nodes and vetoes.
    id: String,
    /// The name shown to people.
    name: String,
    /// The weight, relative to its siblings' (normalised by their sum).
    #[serde(
        serialize_with = "decimal_text::write",
        deserialize_with = "decimal_text::read"
    )]
    weight: Decimal,
    /// The nodes under a group, at least one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    children: Option<Vec<Node>>,
    /// How an indicator's value becomes a score between 0 and 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    normalise: Option<Normalise>,
}

impl TryFrom<NodeRepr> for Node {
    type Error = String;

    fn try_from(r: NodeRepr) -> Result<Node, String> {
        let kind = match (r.children, r.normalise) {
            (Some(children), None) => NodeKind::Group { children },
            (None, Some(normalise)) => NodeKind::Indicator { normalise },
            (Some(_), Some(_)) => {
                return Err(format!(
                    "node {:?} has both `children` and `normalise`",
                    r.id
                ))
            }
            (None, None) => {
                return Err(format!(
                    "node {:?} needs `children` (a group) or `normalise` (an indicator)",
                    r.id
                ))
            }
        };
        Ok(Node {
            id: r.id,
            name: r.name,
            weight: r.weight,
            kind,
        })
    }
}

impl From<Node> for NodeRepr {
    fn from(n: Node) -> NodeRepr {
        let (children, normalise) = match n.kind {
            NodeKind::Group { children } => (Some(children), None),
            NodeKind::Indicator { normalise } => (None, Some(normalise)),
        };
        NodeRepr {
            id: n.id,
            name: n.name,
            weight: n.weight,
            children,
            normalise,
        }
    }
}
