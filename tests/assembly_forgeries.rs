//! A published journal, re-hashed so that its chain verifies, may still describe an
//! assembly that never met: a vote by someone who owns no home there, a count that says
//! "passed" where the votes miss the quorum, a vote after closing time. Replay checks
//! every assembly event against the roll and motions it meets, for the entry's actor at
//! the entry's time, and refuses the forgery naming the entry.

mod common;

use common::forge::{forge, is, refused_at, replays};
use common::fund::*;
use gridward::assembly::{AssemblyCommand, Choice, Matter, Outcome, Subject};
use gridward::fund::Basis;
use gridward::grid::NodeCode;
use gridward::WardConfig;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// When both motions close.
const CLOSES: &str = "2026-03-10T18:00:00+08:00";

/// Three owners `o0`–`o2` of equal homes `h0`–`h2`. Motion `m` (ordinary): `o0` votes
/// yes themself. Motion `n` (special): the convener `oc` records `o1`'s paper ballot.
/// Both close after their time with one vote of three: no quorum.
fn journal() -> String {
    let mut w = compound(
        &["100", "100", "100"],
        Basis::Remuneration {
            percent: Decimal::from(10),
        },
    );
    let unit = NodeCode::parse(UNIT).unwrap();
    let closes = chrono::DateTime::parse_from_rfc3339(CLOSES).unwrap();
    for (motion, matter) in [("m", Matter::UseMaintenanceFund), ("n", Matter::Rebuild)] {
        let open = AssemblyCommand::OpenMotion {
            motion: motion.into(),
            unit,
            title: motion.into(),
            subject: Subject::Matter { matter },
            closes,
        };
        act(&mut w, Some("oc"), &when(3, 1), open).unwrap();
    }
    let own = AssemblyCommand::CastVote {
        motion: "m".into(),
        owner: None,
        choice: Choice::Yes,
    };
    act(&mut w, Some("o0"), &when(3, 2), own).unwrap();
    let paper = AssemblyCommand::CastVote {
        motion: "n".into(),
        owner: Some("o1".into()),
        choice: Choice::Yes,
    };
    act(&mut w, Some("oc"), &when(3, 2), paper).unwrap();
    for motion in ["m", "n"] {
        let close = AssemblyCommand::CloseMotion {
            motion: motion.into(),
        };
        act(&mut w, Some("oc"), "2026-03-10T19:00:00+08:00", close).unwrap();
        let tally = w.assembly().motion(motion).unwrap().tally.clone().unwrap();
        assert_eq!(tally.outcome, Outcome::NoQuorum);
    }
    let text = w.to_jsonl();
    let replayed = replays(&WardConfig::default(), &text);
    assert_eq!(replayed.state_digest(), w.state_digest());
    text
}

fn vote_of(owner: &'static str, motion: &'static str) -> impl Fn(&Value) -> bool {
    move |e| {
        is(
            e,
            "assembly",
            "vote_cast",
            &[("motion", motion), ("owner", owner)],
        )
    }
}

fn closing_of(motion: &'static str) -> impl Fn(&Value) -> bool {
    move |e| is(e, "assembly", "motion_closed", &[("motion", motion)])
}

fn refused(text: &str, seq: u64, code: &str) -> String {
    refused_at(&WardConfig::default(), text, seq, code).to_string()
}

#[test]
fn a_vote_by_a_registered_person_who_owns_no_home_is_refused() {
    let text = journal();
    // The property manager is registered and holds a role, but owns no home.
    let (forged, seq) = forge(&text, vote_of("o0", "m"), |body, ix| {
        body["actor"] = json!({ "person": "pm" });
        body["events"][ix]["assembly"]["owner"] = json!("pm");
    });
    let message = refused(&forged, seq, "not_an_owner");
    assert!(message.contains("\"pm\" owns no home"), "{message}");
}

#[test]
fn a_vote_cast_in_someone_elses_name_is_refused() {
    let text = journal();
    // o0's entry records a vote of o1's, as if o0 could cast it.
    let (forged, seq) = forge(&text, vote_of("o0", "m"), |body, ix| {
        body["events"][ix]["assembly"]["owner"] = json!("o1");
    });
    refused(&forged, seq, "permission_denied");
}

#[test]
fn a_motion_closed_as_passed_on_a_forged_tally_is_refused() {
    let text = journal();
    // One vote of three misses the quorum; the forgery says it passed, with every flag
    // that would make it so.
    let (forged, seq) = forge(&text, closing_of("m"), |body, ix| {
        let tally = &mut body["events"][ix]["assembly"]["tally"];
        tally["outcome"] = json!("passed");
        tally["quorum"] = json!(true);
        tally["area_majority"] = json!(true);
        tally["owner_majority"] = json!(true);
    });
    let message = refused(&forged, seq, "wrong_tally");
    assert!(message.contains("motion \"m\" (passed)"), "{message}");
    assert!(message.contains("(no_quorum)"), "{message}");
    // A count off by one owner, with the outcome left alone, is refused as well.
    let (forged, seq) = forge(&text, closing_of("m"), |body, ix| {
        body["events"][ix]["assembly"]["tally"]["voted_owners"] = json!(2);
    });
    refused(&forged, seq, "wrong_tally");
}

#[test]
fn a_vote_at_or_after_closing_time_is_refused() {
    let text = journal();
    for at in [CLOSES, "2026-03-10T18:30:00+08:00"] {
        let (forged, seq) = forge(&text, vote_of("o0", "m"), |body, _| {
            body["at"] = json!(at);
        });
        refused(&forged, seq, "voting_ended");
    }
}

#[test]
fn a_close_before_closing_time_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, closing_of("m"), |body, _| {
        body["at"] = json!("2026-03-10T17:59:59+08:00");
    });
    refused(&forged, seq, "voting_open");
}

#[test]
fn a_close_by_someone_who_does_not_convene_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, closing_of("m"), |body, _| {
        body["actor"] = json!({ "person": "o1" });
    });
    refused(&forged, seq, "permission_denied");
}

#[test]
fn a_paper_ballot_names_its_recorder_as_the_entry_makes_it() {
    let text = journal();
    // Another recorder than the convener who cast it, or none at all.
    for recorder in [json!("sup"), Value::Null] {
        let (forged, seq) = forge(&text, vote_of("o1", "n"), |body, ix| {
            let vote = &mut body["events"][ix]["assembly"];
            match &recorder {
                Value::Null => {
                    vote.as_object_mut().unwrap().remove("recorded_by");
                }
                r => vote["recorded_by"] = r.clone(),
            }
        });
        refused(&forged, seq, "wrong_recorder");
    }
    // An owner's own vote recorded as a paper ballot.
    let (forged, seq) = forge(&text, vote_of("o0", "m"), |body, ix| {
        body["events"][ix]["assembly"]["recorded_by"] = json!("o0");
    });
    refused(&forged, seq, "wrong_recorder");
}

#[test]
fn a_motion_opened_with_another_kind_or_closing_already_is_refused() {
    let text = journal();
    let opening = |e: &Value| is(e, "assembly", "motion_opened", &[("motion", "n")]);
    // Rebuilding is special; recorded as ordinary it would pass on a simple majority.
    let (forged, seq) = forge(&text, opening, |body, ix| {
        body["events"][ix]["assembly"]["kind"] = json!("ordinary");
    });
    let message = refused(&forged, seq, "wrong_motion_kind");
    assert!(message.contains("motion \"n\""), "{message}");
    let (forged, seq) = forge(&text, opening, |body, ix| {
        body["events"][ix]["assembly"]["closes"] = body["at"].clone();
    });
    refused(&forged, seq, "bad_closing");
}

#[test]
fn an_owner_recorded_twice_or_by_a_neighbour_is_refused() {
    let text = journal();
    let set = |e: &Value| is(e, "assembly", "owner_set", &[("household", "h1")]);
    // h1's entry rewritten to record h0's owner again: decide records nothing for that.
    let (forged, seq) = forge(&text, set, |body, ix| {
        body["events"][ix]["assembly"] = json!({
            "type": "owner_set", "household": "h0", "owner": "o0"
        });
    });
    refused(&forged, seq, "owner_unchanged");
    // An owner may not keep the roll.
    let (forged, seq) = forge(&text, set, |body, _| {
        body["actor"] = json!({ "person": "o0" });
    });
    refused(&forged, seq, "permission_denied");
}
