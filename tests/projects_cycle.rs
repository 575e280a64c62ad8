//! The projects capability end to end: the parity year replays to the same state, a
//! forged selection or ballot is refused on replay, an imported Pabulib election becomes a
//! decision, and random commands never leave a trace when refused nor break the books.

use gridward::money::Amount;
use gridward::projects::pabulib;
use gridward::projects::{FundSource, ProjectStage, ProjectsCommand, Rule};
use gridward::{Actor, Context, Ward, WardConfig};
use gridward_scenarios::parity::{forged, run_steps};
use gridward_scenarios::parity_projects::{scenario, COMMUNITY, FUND, STAFF};
use proptest::prelude::*;
use serde_json::Value;

fn year() -> Ward {
    let mut ward = Ward::new(WardConfig::default());
    run_steps(&mut ward, &scenario().steps).unwrap();
    ward
}

fn projects_events(body: &mut Value) -> impl Iterator<Item = &mut Value> {
    body["events"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .filter_map(|e| e.get_mut("projects"))
}

#[test]
fn the_year_replays_to_the_same_state_and_head() {
    let live = year();
    let again = Ward::from_jsonl(WardConfig::default(), &live.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), live.state_digest());
    assert_eq!(again.head(), live.head());
    // Nine council ballots, one replaced: nine count.
    let d = live
        .projects()
        .fund(FUND)
        .unwrap()
        .decision
        .clone()
        .unwrap();
    assert_eq!(d.ballots.len(), 9);
    // The journal names no voter: ballots are under tokens.
    let journal = live.to_jsonl();
    for line in journal.lines().filter(|l| l.contains("ballot_cast")) {
        assert!(!line.contains("owner-"), "a ballot names its voter: {line}");
    }
}

#[test]
fn a_forged_selection_is_refused_on_replay() {
    let text = year().to_jsonl();
    let (forgery, seq) = forged(&text, |body| {
        for e in projects_events(body) {
            if e["type"] == "decision_closed" {
                let selected = e["selection"]["selected"].as_array_mut().unwrap();
                selected.pop();
                return true;
            }
        }
        false
    });
    let err = Ward::from_jsonl(WardConfig::default(), &forgery).unwrap_err();
    assert_eq!(err.code(), "journal_replay");
    assert!(err.to_string().contains(&format!("entry {seq}")), "{err}");
}

#[test]
fn a_ballot_by_someone_off_the_roll_is_refused_on_replay() {
    let text = year().to_jsonl();
    let (forgery, seq) = forged(&text, |body| {
        for e in projects_events(body) {
            if e["type"] == "ballot_cast" {
                e["ballot"] = Value::from("0123456789abcdef0123456789abcdef");
                return true;
            }
        }
        false
    });
    let err = Ward::from_jsonl(WardConfig::default(), &forgery).unwrap_err();
    assert!(err.to_string().contains(&format!("entry {seq}")), "{err}");
}

#[test]
fn an_overpaid_tranche_is_refused_on_replay() {
    let text = year().to_jsonl();
    let (forgery, _) = forged(&text, |body| {
        for e in projects_events(body) {
            if e["type"] == "tranche_paid" {
                e["amount"] = Value::from("999999.00");
                return true;
            }
        }
        false
    });
    let err = Ward::from_jsonl(WardConfig::default(), &forgery).unwrap_err();
    assert_eq!(err.code(), "journal_replay");
}

fn assen() -> pabulib::PbFile {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pabulib/Netherlands_Assen_2024.pb"
    );
    pabulib::read(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_imported_election_becomes_the_funds_decision_with_the_official_outcome() {
    let mut ward = Ward::new(WardConfig::default());
    let mut s = gridward_scenarios::compound::Script::default();
    gridward_scenarios::compound::setup(&mut s, gridward_scenarios::compound::Shape::SMALL);
    run_steps(&mut ward, &s.steps).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-05-01T09:00:00+08:00").unwrap();
    let platform = Context::new(Actor::System, at);
    let file = assen();
    let budget = Amount::new(file.election.budget).unwrap();
    let open = ProjectsCommand::OpenFund {
        fund: "assen".into(),
        community: gridward::grid::NodeCode::parse(COMMUNITY).unwrap(),
        year: 2024,
        source: FundSource::Incentive,
        amount: budget,
    };
    ward.execute(&platform, open).unwrap();
    let rule = file.rule.clone().unwrap();
    // A budget other than the fund's is refused, and leaves nothing behind.
    let mut wrong = file.election.clone();
    wrong.budget += rust_decimal::Decimal::ONE;
    let (head, digest) = (ward.head(), ward.state_digest());
    let refused = ProjectsCommand::ImportElection {
        fund: "assen".into(),
        election: wrong,
        rule: rule.clone(),
    };
    assert!(ward.execute(&platform, refused).is_err());
    assert_eq!((ward.head(), ward.state_digest()), (head, digest));
    let import = ProjectsCommand::ImportElection {
        fund: "assen".into(),
        election: file.election.clone(),
        rule,
    };
    ward.execute(&platform, import).unwrap();
    let f = ward.projects().fund("assen").unwrap();
    let selection = f.decision.as_ref().unwrap().selection.clone().unwrap();
    let mut got = selection.selected.clone();
    got.sort();
    let mut official = file.selected.clone().unwrap();
    official.sort();
    assert_eq!(got, official);
    assert_eq!(ward.projects().projects_of("assen").count(), official.len());
    assert!(ward
        .projects()
        .projects_of("assen")
        .all(|p| p.stage == ProjectStage::Selected));
    // The what-if of another rule on the same ballots changes nothing.
    let head = ward.head();
    let greedy = ward
        .ask(gridward::queries::projects::WhatIf {
            fund: "assen".into(),
            rule: Rule::Greedy,
        })
        .unwrap();
    assert!(greedy.cost <= file.election.budget);
    assert_eq!(ward.head(), head);
    let again = Ward::from_jsonl(WardConfig::default(), &ward.to_jsonl()).unwrap();
    assert_eq!(again.state_digest(), ward.state_digest());
}

/// A command of the delivery stage with random figures.
fn command() -> impl Strategy<Value = (usize, ProjectsCommand)> {
    let project = prop::sample::select(vec![
        "p-cctv", "p-light", "p-garden", "p-elder", "p-play", "nope",
    ]);
    let actor = 0usize..4;
    prop_oneof![
        (
            actor.clone(),
            project.clone(),
            1u64..40_000,
            any::<bool>(),
            0u8..6
        )
            .prop_map(|(a, p, yuan, last, n)| (
                a,
                ProjectsCommand::PayTranche {
                    project: p.into(),
                    payment: format!("x-{p}-{n}"),
                    amount: Amount::from_fen(yuan as i64 * 100),
                    voucher: format!("V{n}"),
                    final_tranche: last,
                }
            )),
        (actor.clone(), project.clone())
            .prop_map(|(a, p)| (a, ProjectsCommand::SubmitDelivery { project: p.into() })),
        (actor.clone(), project.clone())
            .prop_map(|(a, p)| (a, ProjectsCommand::DecideAcceptance { project: p.into() })),
        (actor.clone(), project.clone(), 0u8..120, any::<bool>()).prop_map(|(a, p, score, ok)| (
            a,
            ProjectsCommand::Evaluate {
                project: p.into(),
                verdict: if ok {
                    gridward::projects::Verdict::Accept
                } else {
                    gridward::projects::Verdict::Reject
                },
                score,
                comment: String::new(),
            }
        )),
        (actor, project, 1u64..90_000, any::<bool>()).prop_map(|(a, p, yuan, b)| (
            a,
            ProjectsCommand::ApplyToDeliver {
                project: p.into(),
                organisation: if b { "sg-jc".into() } else { "sg-ll".into() },
                quote: Amount::from_fen(yuan as i64 * 100),
                plan: "计划".into(),
            }
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(24) })]

    #[test]
    fn refusals_leave_no_trace_and_the_books_hold(steps in proptest::collection::vec(command(), 1..40)) {
        let mut ward = year();
        let actors = [STAFF, "jw-li", "org-a", "owner-2"];
        let start = chrono::DateTime::parse_from_rfc3339("2026-09-01T09:00:00+08:00").unwrap();
        for (n, (a, cmd)) in steps.into_iter().enumerate() {
            let ctx = Context::new(Actor::person(actors[a]), start + chrono::Duration::hours(n as i64));
            let (head, digest) = (ward.head(), ward.state_digest());
            if ward.execute(&ctx, cmd).is_err() {
                prop_assert_eq!(ward.head(), head);
                prop_assert_eq!(ward.state_digest(), digest);
            }
            let f = ward.projects().fund(FUND).unwrap();
            let bank = f.ledger.balance(gridward::projects::BANK).unwrap();
            prop_assert!(!bank.is_negative());
            for p in ward.projects().projects_of(FUND) {
                prop_assert!(p.paid() <= p.contracted.unwrap_or(Amount::ZERO));
            }
            prop_assert!(!ward.projects().available(FUND).unwrap().is_negative());
        }
        let again = Ward::from_jsonl(WardConfig::default(), &ward.to_jsonl()).unwrap();
        prop_assert_eq!(again.state_digest(), ward.state_digest());
    }
}
