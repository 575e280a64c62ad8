//! Reading a `.pb` file.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::csv::{last_line, records, Record};
use super::error::PabulibError;
use super::{vote_field, PbFile, PROJECT_FIELDS};
use crate::projects::{Ballot, BallotForm, BallotKind, Candidate, Election, Rule};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Meta,
    Projects,
    Votes,
}

/// Reads a Pabulib file. Accepts LF or CRLF line ends, a UTF-8 byte-order mark, and
/// quoted fields. A file with any error returns nothing but the error, which names the
/// line and the field.
pub fn read(text: &str) -> Result<PbFile, PabulibError> {
    let rows = records(text)?;
    let mut sections: HashMap<&'static str, (usize, Vec<String>, Vec<Record>)> = HashMap::new();
    let mut current: Option<Section> = None;
    let mut expect_header = false;
    for row in rows {
        let first = row.fields[0].trim().to_ascii_lowercase();
        let section = match first.as_str() {
            "meta" if row.fields.len() == 1 => Some(Section::Meta),
            "projects" if row.fields.len() == 1 => Some(Section::Projects),
            "votes" if row.fields.len() == 1 => Some(Section::Votes),
            _ => None,
        };
        if let Some(s) = section {
            let name = name(s);
            if sections.contains_key(name) {
                return Err(PabulibError::Duplicate {
                    line: row.line,
                    field: "section".into(),
                    value: name.into(),
                });
            }
            current = Some(s);
            expect_header = true;
            continue;
        }
        let Some(s) = current else {
            return Err(PabulibError::Unexpected {
                line: row.line,
                text: row.fields[0].clone(),
            });
        };
        if expect_header {
            sections.insert(name(s), (row.line, row.fields, Vec::new()));
            expect_header = false;
        } else if let Some(entry) = sections.get_mut(name(s)) {
            entry.2.push(row);
        }
    }
    if expect_header {
        return Err(PabulibError::Unexpected {
            line: last_line(text),
            text: "a section without its header".into(),
        });
    }
    let mut take = |s: Section| {
        sections
            .remove(name(s))
            .ok_or(PabulibError::MissingSection {
                line: last_line(text),
                section: name(s),
            })
    };
    let meta = take(Section::Meta)?;
    let projects = take(Section::Projects)?;
    let votes = take(Section::Votes)?;

    // META.
    let (meta_line, _, meta_rows) = meta;
    let mut pairs: Vec<(String, String)> = Vec::with_capacity(meta_rows.len());
    let mut meta_at: HashMap<String, usize> = HashMap::new();
    for row in &meta_rows {
        if row.fields.len() != 2 {
            return Err(PabulibError::ColumnCount {
                line: row.line,
                expected: 2,
                found: row.fields.len(),
            });
        }
        let key = row.fields[0].clone();
        if meta_at.insert(key.clone(), row.line).is_some() {
            return Err(PabulibError::Duplicate {
                line: row.line,
                field: "key".into(),
                value: key,
            });
        }
        pairs.push((key, row.fields[1].clone()));
    }
    let get = |key: &str| -> Option<(usize, &str)> {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(k, v)| (meta_at[k], v.as_str()))
    };
    let (budget_line, budget_text) = get("budget").ok_or(PabulibError::MissingMeta {
        line: meta_line,
        field: "budget",
    })?;
    let budget = decimal(budget_line, "budget", budget_text)?;
    let kind =
        match get("vote_type") {
            None => BallotKind::Approval,
            Some((line, v)) => match v {
                "approval" => BallotKind::Approval,
                "cumulative" => BallotKind::Cumulative,
                "choose-1" => BallotKind::ChooseOne,
                "ordinal" => BallotKind::Ordinal,
                _ => return Err(bad(
                    line,
                    "vote_type",
                    v,
                    "is not a vote type Gridward reads (approval, cumulative, choose-1, ordinal)",
                )),
            },
        };
    let mut form = BallotForm::new(kind);
    form.min_length = meta_number(&get, "min_length")?;
    form.max_length = meta_number(&get, "max_length")?;
    form.max_points_per_project = meta_number(&get, "max_points")?;
    form.min_sum_points = meta_number(&get, "min_sum_points")?;
    form.max_sum_points = meta_number(&get, "max_sum_points")?;
    form.max_sum_cost = match get("max_sum_cost") {
        Some((line, v)) => Some(decimal(line, "max_sum_cost", v)?),
        None => None,
    };
    let rule = match get("rule").map(|(_, v)| v) {
        Some("greedy") => Some(Rule::Greedy),
        Some("greedy-no-skip") => Some(Rule::GreedyNoSkip),
        Some("equalshares/add1") => Some(Rule::EqualShares),
        Some("equalshares/add1-comparison") => Some(Rule::EqualSharesComparison),
        Some("greedy-threshold") => {
            let (line, v) =
                get("min_project_score_threshold").ok_or(PabulibError::MissingMeta {
                    line: meta_line,
                    field: "min_project_score_threshold",
                })?;
            Some(Rule::GreedyThreshold {
                min_score: decimal(line, "min_project_score_threshold", v)?,
            })
        }
        _ => None,
    };

    // PROJECTS.
    let (header_line, project_columns, project_rows) = projects;
    let at = |columns: &[String], name: &str| columns.iter().position(|c| c == name);
    let id_at = at(&project_columns, "project_id").ok_or(PabulibError::MissingColumn {
        line: header_line,
        section: "PROJECTS",
        field: "project_id",
    })?;
    let cost_at = at(&project_columns, "cost").ok_or(PabulibError::MissingColumn {
        line: header_line,
        section: "PROJECTS",
        field: "cost",
    })?;
    let name_at = at(&project_columns, "name");
    let category_at = at(&project_columns, "category");
    let selected_at = at(&project_columns, "selected");
    let mut candidates = Vec::with_capacity(project_rows.len());
    let mut project_values = Vec::with_capacity(project_rows.len());
    let mut selected = selected_at.map(|_| Vec::new());
    let mut ids: HashSet<String> = HashSet::new();
    for row in &project_rows {
        width(row, project_columns.len())?;
        let id = row.fields[id_at].clone();
        if id.is_empty() {
            return Err(bad(row.line, "project_id", &id, "is empty"));
        }
        if !ids.insert(id.clone()) {
            return Err(PabulibError::Duplicate {
                line: row.line,
                field: "project_id".into(),
                value: id,
            });
        }
        let cost = decimal(row.line, "cost", &row.fields[cost_at])?;
        if cost.is_sign_negative() && !cost.is_zero() {
            return Err(bad(row.line, "cost", &row.fields[cost_at], "is negative"));
        }
        if let (Some(i), Some(chosen)) = (selected_at, selected.as_mut()) {
            let v = &row.fields[i];
            let flag: u32 = v.parse().map_err(|_| {
                bad(
                    row.line,
                    "selected",
                    v,
                    "is not 0, 1 or another whole number",
                )
            })?;
            if flag != 0 {
                chosen.push(id.clone());
            }
        }
        candidates.push(Candidate {
            id,
            cost,
            name: name_at.map(|i| row.fields[i].clone()).unwrap_or_default(),
            category: category_at
                .map(|i| row.fields[i].clone())
                .filter(|c| !c.is_empty()),
        });
        project_values.push(
            project_columns
                .iter()
                .zip(&row.fields)
                .filter(|(c, _)| !PROJECT_FIELDS.contains(&c.as_str()))
                .map(|(_, v)| v.clone())
                .collect(),
        );
    }

    // VOTES.
    let (votes_line, vote_columns, vote_rows) = votes;
    let cumulative = kind == BallotKind::Cumulative;
    let voter_at = at(&vote_columns, "voter_id").ok_or(PabulibError::MissingColumn {
        line: votes_line,
        section: "VOTES",
        field: "voter_id",
    })?;
    let vote_at = at(&vote_columns, "vote").ok_or(PabulibError::MissingColumn {
        line: votes_line,
        section: "VOTES",
        field: "vote",
    })?;
    let points_at = if cumulative {
        Some(
            at(&vote_columns, "points").ok_or(PabulibError::MissingColumn {
                line: votes_line,
                section: "VOTES",
                field: "points",
            })?,
        )
    } else {
        None
    };
    let mut ballots = Vec::with_capacity(vote_rows.len());
    let mut vote_values = Vec::with_capacity(vote_rows.len());
    let mut voters: HashSet<String> = HashSet::with_capacity(vote_rows.len());
    for row in &vote_rows {
        width(row, vote_columns.len())?;
        let voter = row.fields[voter_at].clone();
        if voter.is_empty() {
            return Err(bad(row.line, "voter_id", &voter, "is empty"));
        }
        if !voters.insert(voter.clone()) {
            return Err(PabulibError::Duplicate {
                line: row.line,
                field: "voter_id".into(),
                value: voter,
            });
        }
        let choices = list(&row.fields[vote_at]);
        let mut named = HashSet::with_capacity(choices.len());
        for choice in &choices {
            if !ids.contains(choice) {
                return Err(bad(row.line, "vote", choice, "is not a project"));
            }
            if !named.insert(choice.as_str()) {
                return Err(bad(row.line, "vote", choice, "is named twice"));
            }
        }
        let points = match points_at {
            None => Vec::new(),
            Some(i) => {
                let points = list(&row.fields[i])
                    .iter()
                    .map(|p| {
                        p.parse::<u64>().map_err(|_| {
                            bad(row.line, "points", p, "is not a whole number of points")
                        })
                    })
                    .collect::<Result<Vec<u64>, _>>()?;
                if points.len() != choices.len() {
                    return Err(bad(
                        row.line,
                        "points",
                        &row.fields[i],
                        "does not give one number per project in vote",
                    ));
                }
                points
            }
        };
        ballots.push(Ballot {
            voter,
            choices,
            points,
        });
        vote_values.push(
            vote_columns
                .iter()
                .zip(&row.fields)
                .filter(|(c, _)| !vote_field(c, cumulative))
                .map(|(_, v)| v.clone())
                .collect(),
        );
    }
    Ok(PbFile {
        meta: pairs,
        election: Election {
            budget,
            form,
            candidates,
            ballots,
        },
        rule,
        selected,
        project_columns,
        project_values,
        vote_columns,
        vote_values,
    })
}

fn name(s: Section) -> &'static str {
    match s {
        Section::Meta => "META",
        Section::Projects => "PROJECTS",
        Section::Votes => "VOTES",
    }
}

fn bad(line: usize, field: &str, value: &str, why: &'static str) -> PabulibError {
    PabulibError::BadValue {
        line,
        field: field.to_string(),
        value: value.to_string(),
        why,
    }
}

fn width(row: &Record, expected: usize) -> Result<(), PabulibError> {
    if row.fields.len() != expected {
        return Err(PabulibError::ColumnCount {
            line: row.line,
            expected,
            found: row.fields.len(),
        });
    }
    Ok(())
}

fn decimal(line: usize, field: &str, value: &str) -> Result<Decimal, PabulibError> {
    Decimal::from_str(value)
        .or_else(|_| Decimal::from_scientific(value))
        .map_err(|_| bad(line, field, value, "is not a number"))
}

fn meta_number<'a, T: FromStr>(
    get: &impl Fn(&str) -> Option<(usize, &'a str)>,
    key: &'static str,
) -> Result<Option<T>, PabulibError> {
    match get(key) {
        None => Ok(None),
        Some((line, v)) => v
            .parse()
            .map(Some)
            .map_err(|_| bad(line, key, v, "is not a whole number")),
    }
}

/// A comma-separated list; an empty text is an empty list.
fn list(text: &str) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    text.split(',').map(|s| s.trim().to_string()).collect()
}
