//! Pure functions on elections: reading and writing Pabulib's `.pb` files, and deciding
//! any election under any selection rule (a what-if: the same ballots under another
//! rule).

use serde::Deserialize;

use crate::error::Error;
use crate::projects::{pabulib, select, Election, PbFile, Rule, Selection};
use crate::queries::typed::Function;

/// Reads a Pabulib `.pb` file's text into an election, its META, its declared rule and
/// its official outcome.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReadPabulib {
    /// The file's text.
    pub text: String,
}

impl Function for ReadPabulib {
    type Answer = PbFile;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(pabulib::read(&self.text)?)
    }
}

/// Writes a Pabulib `.pb` file's text.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WritePabulib {
    /// The file, as `read_pabulib` returns it.
    pub file: PbFile,
}

impl Function for WritePabulib {
    type Answer = String;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(pabulib::write(&self.file))
    }
}

/// Decides an election under a rule: the projects chosen, each project's score and
/// reason, and for Equal Shares the per-voter budget and exact payments.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelectProjects {
    /// The election.
    pub election: Election,
    /// The rule.
    pub rule: Rule,
}

impl Function for SelectProjects {
    type Answer = Selection;

    fn call(self) -> Result<Self::Answer, Error> {
        Ok(select(&self.election, &self.rule)?)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::queries::FUNCTIONS;

    fn call(name: &str, args: serde_json::Value) -> Result<serde_json::Value, crate::Error> {
        let entry = FUNCTIONS
            .iter()
            .find(|e| e.name == name)
            .expect("registered");
        (entry.call)(args)
    }

    const FILE: &str = "META\nkey;value\nbudget;100\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;selected\na;60;1\nb;50;0\nVOTES\nvoter_id;vote\n1;a,b\n2;a\n";

    #[test]
    fn a_file_is_read_decided_and_written() {
        let file = call("read_pabulib", json!({ "text": FILE })).unwrap();
        assert_eq!(file["rule"], json!({ "rule": "greedy" }));
        assert_eq!(file["selected"], json!(["a"]));
        let selection = call(
            "select_projects",
            json!({ "election": file["election"], "rule": { "rule": "equal_shares" } }),
        )
        .unwrap();
        assert_eq!(selection["selected"], json!(["a"]));
        // From 50 each, add1 raises the share until b (voter 1's alone, after paying 30
        // for a) would be bought at 80, which overspends: it ends at 79.
        assert_eq!(selection["voter_budget"], json!("79"));
        let text = call("write_pabulib", json!({ "file": file })).unwrap();
        assert!(text.as_str().unwrap().contains("a;60;1"));
    }

    #[test]
    fn a_broken_file_has_a_code() {
        let e = call(
            "read_pabulib",
            json!({ "text": FILE.replace("budget;100\n", "") }),
        )
        .unwrap_err();
        assert_eq!(e.code(), "pabulib_missing_meta");
        let e = call(
            "select_projects",
            json!({
                "election": {
                    "budget": "10",
                    "form": { "kind": "approval" },
                    "candidates": [{ "id": "a", "cost": "5" }],
                    "ballots": [{ "voter": "1", "choices": ["z"] }]
                },
                "rule": { "rule": "greedy" }
            }),
        )
        .unwrap_err();
        assert_eq!(e.code(), "election_unknown_project");
    }
}
