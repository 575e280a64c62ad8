//! The assembly's queries on the fund tests' compound (four homes of 72 / 89.5 / 120.3 /
//! 100 m², owners o1–o4), and `tally` at the boundaries of Art. 278.

use serde_json::{json, Value};

use super::*;
use crate::assembly::{Matter, Outcome, Subject};
use crate::queries::fund::tests::{at, compound, run, COMPOUND, HOMES, OWNERS};
use crate::surface::Catalog;

const REBUILD: Subject = Subject::Matter {
    matter: Matter::Rebuild,
};

fn d(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

/// The compound with a special motion (rebuilding) put to its owners until 9 January.
fn with_motion() -> Ward {
    let mut w = compound();
    let open = json!({"assembly": {"type": "open_motion", "motion": "m-rebuild",
        "unit": COMPOUND, "title": "重建2栋", "subject": REBUILD, "closes": at(1, 9, 18)}});
    run(&mut w, Some("oc"), &at(1, 3, 10), open);
    let mine = json!({"assembly": {"type": "cast_vote", "motion": "m-rebuild", "choice": "yes"}});
    run(&mut w, Some("o1"), &at(1, 4, 10), mine);
    let paper = json!({"assembly": {"type": "cast_vote", "motion": "m-rebuild", "choice": "no",
        "owner": "o2"}});
    run(&mut w, Some("oc"), &at(1, 4, 11), paper);
    w
}

fn vote(w: &mut Ward, owner: &str, choice: &str) {
    let c = json!({"assembly": {"type": "cast_vote", "motion": "m-rebuild", "choice": choice}});
    run(w, Some(owner), &at(1, 5, 10), c);
}

#[test]
fn the_roll_of_owners_and_the_electorate() {
    let mut w = compound();
    assert_eq!(
        w.ask(Owner {
            household: "1-101".into()
        })
        .unwrap()
        .as_deref(),
        Some("o1")
    );
    assert_eq!(
        w.ask(Owner {
            household: "9-999".into()
        })
        .unwrap(),
        None
    );
    let clear = json!({"assembly": {"type": "set_owner", "household": "1-101"}});
    run(&mut w, Some("oc"), &at(1, 3, 10), clear);
    assert_eq!(
        w.ask(Owner {
            household: "1-101".into()
        })
        .unwrap(),
        None
    );

    let unit = NodeCode::parse(COMPOUND).unwrap();
    let homes = w.ask(Electorate { unit }).unwrap();
    let rows: Vec<(&str, Option<&str>, Decimal)> = homes
        .iter()
        .map(|h| (h.household.as_str(), h.owner.as_deref(), h.area))
        .collect();
    let expected: Vec<(&str, Option<&str>, Decimal)> = HOMES
        .iter()
        .zip(OWNERS)
        .map(|((home, _, area), owner)| (*home, (*home != "1-101").then_some(owner), d(area)))
        .collect();
    assert_eq!(rows, expected);
    let building = NodeCode::parse(HOMES[2].1).unwrap();
    assert_eq!(w.ask(Electorate { unit: building }).unwrap().len(), 2);
    let nowhere = NodeCode::parse("510105001001009").unwrap();
    assert_eq!(
        w.ask(Electorate { unit: nowhere }).unwrap_err().code(),
        "unknown_unit"
    );
}

#[test]
fn a_motion_with_its_live_count_then_its_final_count() {
    let mut w = with_motion();
    assert_eq!(w.ask(Motion { id: "nope".into() }).unwrap(), None);
    let live = w
        .ask(Motion {
            id: "m-rebuild".into(),
        })
        .unwrap()
        .expect("the motion");
    assert_eq!((live.kind, live.closed), (MotionKind::Special, false));
    assert_eq!(live.subject, REBUILD);
    assert_eq!(live.votes["o1"], Choice::Yes);
    assert_eq!(live.votes["o2"], Choice::No);
    assert_eq!(
        (live.tally.voted_owners, live.tally.outcome),
        (2, Outcome::NoQuorum)
    );
    assert_eq!(
        (live.tally.total_owners, live.tally.total_area),
        (4, d("381.8"))
    );

    vote(&mut w, "o3", "yes");
    vote(&mut w, "o4", "yes");
    let close = json!({"assembly": {"type": "close_motion", "motion": "m-rebuild"}});
    run(&mut w, Some("oc"), &at(1, 9, 19), close);
    let closed = w
        .ask(Motion {
            id: "m-rebuild".into(),
        })
        .unwrap()
        .expect("the motion");
    // 3 of 4 owners; 292.3 of 381.8 m² is above 3/4.
    assert!(closed.closed);
    assert_eq!(
        (closed.tally.yes_area, closed.tally.outcome),
        (d("292.3"), Outcome::Passed)
    );
    let all = w.ask(Motions {}).unwrap();
    assert_eq!(all, [closed]);
}

#[test]
fn motions_through_the_catalog() {
    let w = with_motion();
    let catalog = Catalog::embedded().unwrap();
    let ask = |name: &str, args: Value| catalog.ask(&w, "assembly", name, args).map(|(v, _)| v);
    let all = ask("motions", json!({})).unwrap();
    assert_eq!(
        all[0]["subject"],
        json!({"type": "matter", "matter": "rebuild"})
    );
    assert_eq!(all[0]["closes"], json!("2026-01-09T18:00:00+08:00"));
    assert_eq!(all[0]["votes"], json!({"o1": "yes", "o2": "no"}));
    assert_eq!(all[0]["tally"]["outcome"], json!("no_quorum"));
    assert_eq!(
        ask("owner", json!({"household": "2-102"})).unwrap(),
        json!("o4")
    );
    let homes = ask("electorate", json!({"unit": COMPOUND})).unwrap();
    assert_eq!(
        homes[1],
        json!({"household": "1-102", "owner": "o2", "area": "89.50"})
    );
    let bad = ask("electorate", json!({"unit": "51x"})).unwrap_err();
    assert_eq!(bad.kind(), crate::error::ErrorKind::Invalid);
}

/// Twelve owners of 10 m² each, `yes` / `no` / `abstain` of them voting so.
fn twelve(kind: MotionKind, yes: usize, no: usize, abstain: usize) -> assembly::Tally {
    let electorate = (0..12).map(|i| (format!("o{i}"), d("10"))).collect();
    let choices = [
        (yes, Choice::Yes),
        (no, Choice::No),
        (abstain, Choice::Abstain),
    ];
    let votes = choices
        .into_iter()
        .flat_map(|(n, c)| std::iter::repeat_n(c, n))
        .enumerate()
        .map(|(i, c)| (format!("o{i}"), c))
        .collect();
    let count = Tally {
        kind,
        electorate,
        votes,
    };
    count.call().unwrap()
}

#[test]
fn tally_at_exactly_two_thirds_three_quarters_and_one_half() {
    // 8 of 12 owners and 80 of 120 m² take part: exactly 2/3 is a quorum; 7 is not.
    let quorum = twelve(MotionKind::Ordinary, 8, 0, 0);
    assert!(quorum.quorum);
    assert_eq!(quorum.outcome, Outcome::Passed);
    assert_eq!(
        twelve(MotionKind::Ordinary, 7, 0, 0).outcome,
        Outcome::NoQuorum
    );
    // Special: 6 yes of 8 taking part is exactly 3/4 and passes; 5 of 8 does not.
    let special = twelve(MotionKind::Special, 6, 2, 0);
    assert_eq!(
        (special.area_majority, special.owner_majority),
        (true, true)
    );
    assert_eq!(special.outcome, Outcome::Passed);
    assert_eq!(
        twelve(MotionKind::Special, 5, 2, 1).outcome,
        Outcome::Rejected
    );
    // Ordinary: exactly half is not more than half; an abstention weighs against.
    let half = twelve(MotionKind::Ordinary, 4, 4, 0);
    assert_eq!((half.area_majority, half.owner_majority), (false, false));
    assert_eq!(half.outcome, Outcome::Rejected);
    assert_eq!(
        twelve(MotionKind::Ordinary, 5, 3, 0).outcome,
        Outcome::Passed
    );
    assert_eq!(
        twelve(MotionKind::Ordinary, 4, 3, 1).outcome,
        Outcome::Rejected
    );
}

#[test]
fn tally_through_the_catalog_counts_an_owner_of_two_homes_once() {
    let catalog = Catalog::embedded().unwrap();
    let args = json!({"kind": "ordinary", "electorate": [["a", 10], ["a", "10"], ["b", "10"]],
        "votes": {"a": "yes", "b": "no"}});
    let (t, _) = catalog.call("tally", args).unwrap();
    assert_eq!(
        (t["total_owners"].clone(), t["yes_area"].clone()),
        (json!(2), json!("20"))
    );
    assert_eq!(
        t["outcome"],
        json!("rejected"),
        "1 of 2 owners is not more than half"
    );
    let refused = |args: Value| catalog.call("tally", args).unwrap_err().kind();
    let invalid = crate::error::ErrorKind::Invalid;
    assert_eq!(
        refused(json!({"kind": "urgent", "electorate": [], "votes": {}})),
        invalid
    );
    let maybe = json!({"kind": "ordinary", "electorate": [["a", 1]], "votes": {"a": "maybe"}});
    assert_eq!(refused(maybe), invalid);
    let float = json!({"kind": "ordinary", "electorate": [["a", 1.5]], "votes": {}});
    assert_eq!(refused(float), invalid);
    let lone = json!({"kind": "ordinary", "electorate": ["a"], "votes": {}});
    assert_eq!(refused(lone), invalid);
}
