//! The thirteen real Pabulib elections in `tests/fixtures/pabulib/`: each, decided under
//! the rule its META declares, funds exactly the projects its `selected` column names;
//! each survives a write and a read; and broken files are refused with the line and the
//! field named.

use std::collections::BTreeSet;
use std::path::PathBuf;

use gridward::projects::pabulib::{read, write, PabulibError, PbFile};
use gridward::projects::{scores, select, BallotKind, Rule};

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pabulib");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pb"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 13, "thirteen fixtures");
    files
}

fn meta<'a>(file: &'a PbFile, key: &str) -> Option<&'a str> {
    file.meta
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn every_file_selects_its_official_outcome() {
    let mut failures = Vec::new();
    for (name, text) in fixtures() {
        let file = read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let rule = file
            .rule
            .clone()
            .unwrap_or_else(|| panic!("{name}: no rule"));
        let selection = select(&file.election, &rule).unwrap();
        let got: BTreeSet<&str> = selection.selected.iter().map(String::as_str).collect();
        let want: BTreeSet<&str> = file
            .selected
            .as_ref()
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect();
        assert!(
            selection.cost <= file.election.budget,
            "{name}: over budget"
        );
        if got != want {
            failures.push(format!(
                "{name} ({rule:?}): extra {:?}, missing {:?}",
                got.difference(&want).collect::<Vec<_>>(),
                want.difference(&got).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_rules_declared_are_the_five_implemented() {
    let rules: BTreeSet<String> = fixtures()
        .iter()
        .map(|(_, t)| format!("{:?}", read(t).unwrap().rule.unwrap()))
        .collect();
    assert_eq!(rules.len(), 5, "{rules:?}");
}

#[test]
fn computed_votes_and_scores_match_the_files_columns() {
    for (name, text) in fixtures() {
        let file = read(&text).unwrap();
        let support = scores(&file.election).unwrap();
        for column in ["votes", "score"] {
            let Some(at) = file
                .project_columns
                .iter()
                .filter(|c| {
                    !["project_id", "cost", "name", "category", "selected"].contains(&c.as_str())
                })
                .position(|c| c == column)
            else {
                continue;
            };
            for (s, values) in support.iter().zip(&file.project_values) {
                let ours = if column == "votes" {
                    s.votes.to_string()
                } else {
                    s.score.to_string()
                };
                assert_eq!(ours, values[at], "{name}: {column} of {}", s.id);
            }
        }
    }
}

#[test]
fn every_file_survives_a_write_and_a_read() {
    for (name, text) in fixtures() {
        let first = read(&text).unwrap();
        let written = write(&first);
        let second = read(&written).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(first, second, "{name}");
        assert_eq!(write(&second), written, "{name}: writing is stable");
    }
}

#[test]
fn quoted_names_keep_their_quotes() {
    let (_, text) = fixtures()
        .into_iter()
        .find(|(n, _)| n.contains("Kostuchna"))
        .unwrap();
    let file = read(&text).unwrap();
    let c = file
        .election
        .candidates
        .iter()
        .find(|c| c.id == "L21/11/VII")
        .unwrap();
    assert!(c
        .name
        .starts_with("\"Bezpieczne Południe Katowic\" - Zakup"));
    assert_eq!(file.election.form.kind, BallotKind::Cumulative);
    assert_eq!(file.election.form.max_sum_points, Some(3));
    assert_eq!(meta(&file, "unit"), Some("Katowice"));
}

#[test]
fn a_byte_order_mark_and_crlf_are_accepted() {
    let (_, text) = fixtures()
        .into_iter()
        .find(|(n, _)| n.contains("Assen"))
        .unwrap();
    let plain = read(&text).unwrap();
    let lf = text.replace("\r\n", "\n");
    let bom = format!("\u{feff}{}", text);
    assert_eq!(read(&lf).unwrap(), plain);
    assert_eq!(read(&bom).unwrap(), plain);
    assert_eq!(plain.rule, Some(Rule::EqualShares));
}

const SMALL: &str = "META\nkey;value\nbudget;100\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;selected\na;60;1\nb;50;0\nVOTES\nvoter_id;vote\n1;a,b\n2;a\n";

fn broken(text: &str) -> PabulibError {
    read(text).expect_err("refused")
}

#[test]
fn a_small_file_reads() {
    let file = read(SMALL).unwrap();
    assert_eq!(file.selected, Some(vec!["a".to_string()]));
    assert_eq!(file.election.ballots.len(), 2);
    assert_eq!(
        select(&file.election, &Rule::Greedy).unwrap().selected,
        vec!["a"]
    );
}

#[test]
fn broken_files_name_the_line_and_the_field() {
    let e = broken(&SMALL.replace("a;60;1", "a;sixty;1"));
    assert!(
        matches!(&e, PabulibError::BadValue { line: 8, field, .. } if field == "cost"),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("1;a,b", "1;a,z"));
    assert!(
        matches!(&e, PabulibError::BadValue { line: 12, field, value, .. } if field == "vote" && value == "z"),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("2;a\n", "1;a\n"));
    assert!(
        matches!(&e, PabulibError::Duplicate { line: 13, field, .. } if field == "voter_id"),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("budget;100\n", ""));
    assert!(
        matches!(
            e,
            PabulibError::MissingMeta {
                line: 2,
                field: "budget"
            }
        ),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("b;50;0", "b;50"));
    assert!(
        matches!(
            e,
            PabulibError::ColumnCount {
                line: 9,
                expected: 3,
                found: 2
            }
        ),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("b;50;0", "b;\"50;0"));
    assert!(matches!(e, PabulibError::BadQuote { line: 9, .. }), "{e:?}");
    let e = broken(&SMALL.replace("vote_type;approval", "vote_type;scoring"));
    assert!(
        matches!(&e, PabulibError::BadValue { line: 4, field, .. } if field == "vote_type"),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("VOTES\nvoter_id;vote\n1;a,b\n2;a\n", ""));
    assert!(
        matches!(
            e,
            PabulibError::MissingSection {
                section: "VOTES",
                ..
            }
        ),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("project_id;cost", "id;cost"));
    assert!(
        matches!(
            e,
            PabulibError::MissingColumn {
                line: 7,
                field: "project_id",
                ..
            }
        ),
        "{e:?}"
    );
    let e = broken(&SMALL.replace("rule;greedy", "rule;greedy-threshold"));
    assert!(
        matches!(
            e,
            PabulibError::MissingMeta {
                field: "min_project_score_threshold",
                ..
            }
        ),
        "{e:?}"
    );
    let e = broken(&format!("junk\n{SMALL}"));
    assert!(
        matches!(e, PabulibError::Unexpected { line: 1, .. }),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("line 1"));
}

/// An election imported into a ward's fund is written to the journal as one entry whose
/// projects are proposed for nobody; the journal replays (and a published statement can
/// be checked against it), while the same entry forged into a council's decision is
/// refused.
#[test]
fn an_imported_election_replays() {
    use gridward::{Actor, Command, Context, Ward, WardConfig};
    use serde_json::json;

    let (_, text) = fixtures()
        .into_iter()
        .find(|(n, _)| n.contains("Pogorze"))
        .unwrap();
    let file = read(&text).unwrap();
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap();
    let mut ward = Ward::new(WardConfig::default());
    let run = |ward: &mut Ward, actor: Actor, when: &str, command: serde_json::Value| {
        let command: Command = serde_json::from_value(command).unwrap();
        ward.execute(&Context::new(actor, at(when)), command)
    };
    let t0 = "2026-02-01T09:00:00+08:00";
    for (code, name) in [
        ("510105", "青羊区"),
        ("510105001", "草市街街道"),
        ("510105001001", "吉福社区"),
    ] {
        run(
            &mut ward,
            Actor::System,
            t0,
            json!({"grid": {"type": "add_unit", "code": code, "name": name}}),
        )
        .unwrap();
    }
    run(
        &mut ward,
        Actor::System,
        t0,
        json!({"grid": {"type": "add_person", "id": "cs", "name": "社区工作者"}}),
    )
    .unwrap();
    run(
        &mut ward,
        Actor::System,
        t0,
        json!({"grid": {"type": "grant_role", "person": "cs",
        "role": "community_staff", "unit": "510105001001"}}),
    )
    .unwrap();
    let staff = Actor::person("cs");
    let open = |fund: &str, source: &str| {
        json!({"projects": {"type": "open_fund", "fund": fund,
        "community": "510105001001", "year": 2026, "source": source,
        "amount": format!("{:.2}", file.election.budget)}})
    };
    run(
        &mut ward,
        staff.clone(),
        "2026-02-02T10:00:00+08:00",
        open("pb", "guarantee"),
    )
    .unwrap();
    let rule = file.rule.clone().unwrap();
    run(
        &mut ward,
        staff.clone(),
        "2026-03-01T09:00:00+08:00",
        json!({"projects": {
        "type": "import_election", "fund": "pb", "election": file.election, "rule": rule}}),
    )
    .unwrap();

    let again = Ward::replay(WardConfig::default(), ward.journal().clone()).unwrap();
    assert_eq!(again.state_digest(), ward.state_digest());
    let imported = Ward::from_jsonl(WardConfig::default(), &ward.to_jsonl()).unwrap();
    assert_eq!(imported.state_digest(), ward.state_digest());
    let statement = ward.projects_statement("pb").unwrap();
    let check =
        Ward::verify_projects_statement(WardConfig::default(), &ward.to_jsonl(), &statement)
            .unwrap();
    assert_eq!(
        serde_json::to_value(&check).unwrap()["verified"],
        json!(true)
    );

    // Proposals for nobody are decided by an imported election only: the import's entry
    // forged into a council's decision, its hashes recomputed, does not replay.
    let mut bodies: Vec<serde_json::Value> = ward
        .to_jsonl()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["body"].clone())
        .collect();
    assert_eq!(
        Ward::from_jsonl(WardConfig::default(), &chain(&bodies))
            .unwrap()
            .state_digest(),
        ward.state_digest()
    );
    let last = bodies.last_mut().unwrap();
    let opened = last["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["projects"]["type"] == json!("decision_opened"))
        .unwrap();
    opened["projects"]["voters"] = json!("council");
    let err = Ward::from_jsonl(WardConfig::default(), &chain(&bodies)).unwrap_err();
    assert_eq!(err.code(), "journal_replay", "{err}");
    assert!(err.to_string().contains("for nobody"), "{err}");
}

/// A journal's text from its entries' bodies, every hash computed.
fn chain(bodies: &[serde_json::Value]) -> String {
    let mut prev = gridward::journal::Hash::ZERO;
    let mut out = String::new();
    for (i, body) in bodies.iter().enumerate() {
        let seq = i as u64 + 1;
        let body = body.to_string();
        let hash = gridward::journal::Hash::of_entry(seq, &prev, &body);
        out.push_str(&format!(
            "{{\"seq\":{seq},\"prev\":\"{prev}\",\"hash\":\"{hash}\",\"body\":{body}}}\n"
        ));
        prev = hash;
    }
    out
}
