//! The five levels of satisfaction a filer rates a request with (政务服务好差评).

use serde::{Deserialize, Serialize};

/// The five levels of satisfaction (政务服务好差评).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// 非常满意.
    VerySatisfied,
    /// 满意.
    Satisfied,
    /// 基本满意.
    BasicallySatisfied,
    /// 不满意.
    Dissatisfied,
    /// 非常不满意.
    VeryDissatisfied,
}

impl Satisfaction {
    /// Every level, best first.
    pub const ALL: [Satisfaction; 5] = [
        Satisfaction::VerySatisfied,
        Satisfaction::Satisfied,
        Satisfaction::BasicallySatisfied,
        Satisfaction::Dissatisfied,
        Satisfaction::VeryDissatisfied,
    ];

    /// The snake_case name used in JSON and in the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "very_satisfied",
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::BasicallySatisfied => "basically_satisfied",
            Satisfaction::Dissatisfied => "dissatisfied",
            Satisfaction::VeryDissatisfied => "very_dissatisfied",
        }
    }

    /// Parses a snake_case level name.
    pub fn parse(name: &str) -> Option<Satisfaction> {
        Satisfaction::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The top three levels count as satisfied in the satisfaction rate.
    pub fn is_satisfied(self) -> bool {
        self <= Satisfaction::BasicallySatisfied
    }
}
