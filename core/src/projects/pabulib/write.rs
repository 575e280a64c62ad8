//! Writing a `.pb` file.

use std::fmt::Write as _;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::csv::field;
use super::{rule_name, vote_field, PbFile, PROJECT_FIELDS};
use crate::projects::{BallotKind, Rule};

/// Writes a Pabulib file (LF line ends). META is written in its order, with the keys the
/// election and the rule hold brought in line with them: `budget`, `vote_type`, the
/// limits (`min_length`, `max_length`, `max_points`, `min_sum_points`,
/// `max_sum_points`, `max_sum_cost`; a limit the form lacks is left out), `rule` and
/// `min_project_score_threshold` when the rule is known; `num_projects` and `num_votes`
/// are added when absent. A value that already says the same (`1.0` for `1`) is kept as
/// written. Then PROJECTS and VOTES, with every column the file held, plus `name`,
/// `category` and `selected` when the data has them and the columns did not.
pub fn write(file: &PbFile) -> String {
    let election = &file.election;
    let form = &election.form;
    let mut meta = file.meta.clone();
    let kind = match form.kind {
        BallotKind::Approval => "approval",
        BallotKind::Cumulative => "cumulative",
        BallotKind::ChooseOne => "choose-1",
        BallotKind::Ordinal => "ordinal",
    };
    let text = |v: Option<String>| v;
    let derived: Vec<(&str, Option<String>, bool)> = vec![
        ("budget", Some(election.budget.to_string()), true),
        ("vote_type", Some(kind.to_string()), false),
        (
            "min_length",
            text(form.min_length.map(|v| v.to_string())),
            true,
        ),
        (
            "max_length",
            text(form.max_length.map(|v| v.to_string())),
            true,
        ),
        (
            "max_points",
            text(form.max_points_per_project.map(|v| v.to_string())),
            true,
        ),
        (
            "min_sum_points",
            text(form.min_sum_points.map(|v| v.to_string())),
            true,
        ),
        (
            "max_sum_points",
            text(form.max_sum_points.map(|v| v.to_string())),
            true,
        ),
        (
            "max_sum_cost",
            text(form.max_sum_cost.map(|v| v.to_string())),
            true,
        ),
    ];
    for (key, value, numeric) in derived {
        set(&mut meta, key, value, numeric);
    }
    if let Some(rule) = &file.rule {
        set(&mut meta, "rule", Some(rule_name(rule).to_string()), false);
        if let Rule::GreedyThreshold { min_score } = rule {
            set(
                &mut meta,
                "min_project_score_threshold",
                Some(min_score.to_string()),
                true,
            );
        }
    }
    for (key, count) in [
        ("num_projects", election.candidates.len()),
        ("num_votes", election.ballots.len()),
    ] {
        if !meta.iter().any(|(k, _)| k == key) {
            meta.push((key.to_string(), count.to_string()));
        }
    }

    let mut out = String::new();
    out.push_str("META\nkey;value\n");
    for (k, v) in &meta {
        line(&mut out, [k.as_str(), v.as_str()]);
    }

    // PROJECTS.
    let mut columns = file.project_columns.clone();
    for (name, needed) in [
        ("project_id", true),
        ("cost", true),
        (
            "name",
            election.candidates.iter().any(|c| !c.name.is_empty()),
        ),
        (
            "category",
            election.candidates.iter().any(|c| c.category.is_some()),
        ),
        ("selected", file.selected.is_some()),
    ] {
        if needed && !columns.iter().any(|c| c == name) {
            columns.push(name.to_string());
        }
    }
    out.push_str("PROJECTS\n");
    line(&mut out, columns.iter().map(String::as_str));
    for (i, c) in election.candidates.iter().enumerate() {
        let mut extra = file.project_values.get(i).map(|v| v.iter());
        let cost = c.cost.to_string();
        let chosen = file
            .selected
            .as_ref()
            .map(|s| if s.contains(&c.id) { "1" } else { "0" });
        let row: Vec<&str> = columns
            .iter()
            .map(|col| match col.as_str() {
                "project_id" => c.id.as_str(),
                "cost" => cost.as_str(),
                "name" => c.name.as_str(),
                "category" => c.category.as_deref().unwrap_or(""),
                "selected" => chosen.unwrap_or(""),
                _ if !PROJECT_FIELDS.contains(&col.as_str()) => extra
                    .as_mut()
                    .and_then(|e| e.next())
                    .map(String::as_str)
                    .unwrap_or(""),
                _ => "",
            })
            .collect();
        line(&mut out, row);
    }

    // VOTES.
    let cumulative = form.kind == BallotKind::Cumulative;
    let mut columns = file.vote_columns.clone();
    for (name, needed) in [("voter_id", true), ("vote", true), ("points", cumulative)] {
        if needed && !columns.iter().any(|c| c == name) {
            columns.push(name.to_string());
        }
    }
    out.push_str("VOTES\n");
    line(&mut out, columns.iter().map(String::as_str));
    for (i, b) in election.ballots.iter().enumerate() {
        let mut extra = file.vote_values.get(i).map(|v| v.iter());
        let vote = b.choices.join(",");
        let mut points = String::new();
        for (j, p) in b.points.iter().enumerate() {
            if j > 0 {
                points.push(',');
            }
            let _ = write!(points, "{p}");
        }
        let row: Vec<&str> = columns
            .iter()
            .map(|col| match col.as_str() {
                "voter_id" => b.voter.as_str(),
                "vote" => vote.as_str(),
                c if vote_field(c, cumulative) => points.as_str(),
                _ => extra
                    .as_mut()
                    .and_then(|e| e.next())
                    .map(String::as_str)
                    .unwrap_or(""),
            })
            .collect();
        line(&mut out, row);
    }
    out
}

/// Sets a META key to a value, keeping its place (or appending it); removes it when the
/// value is none. A numeric value the key already says is kept as written.
fn set(meta: &mut Vec<(String, String)>, key: &str, value: Option<String>, numeric: bool) {
    let at = meta.iter().position(|(k, _)| k == key);
    match (at, value) {
        (Some(i), None) => {
            meta.remove(i);
        }
        (Some(i), Some(v)) => {
            let same = meta[i].1 == v
                || (numeric
                    && matches!(
                        (Decimal::from_str(&meta[i].1), Decimal::from_str(&v)),
                        (Ok(a), Ok(b)) if a == b
                    ));
            if !same {
                meta[i].1 = v;
            }
        }
        (None, Some(v)) => meta.push((key.to_string(), v)),
        (None, None) => {}
    }
}

fn line<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&field(f));
    }
    out.push('\n');
}
