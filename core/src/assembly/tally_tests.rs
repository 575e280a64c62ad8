use super::*;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Twelve owners of 10 m² each: 120 m², 12 owners.
fn twelve() -> Vec<(String, Decimal)> {
    (0..12).map(|i| (format!("o{i}"), d(10))).collect()
}

fn votes(yes: usize, no: usize, abstain: usize) -> BTreeMap<String, Choice> {
    let mut v = BTreeMap::new();
    let mut i = 0;
    for (n, c) in [
        (yes, Choice::Yes),
        (no, Choice::No),
        (abstain, Choice::Abstain),
    ] {
        for _ in 0..n {
            v.insert(format!("o{i}"), c);
            i += 1;
        }
    }
    v
}

#[test]
fn quorum_is_two_thirds_of_area_and_owners_exactly() {
    let at = tally(MotionKind::Ordinary, &twelve(), &votes(8, 0, 0));
    assert!(at.quorum, "8 of 12 owners and 80 of 120 m² is exactly 2/3");
    assert_eq!(at.outcome, Outcome::Passed);
    let below = tally(MotionKind::Ordinary, &twelve(), &votes(7, 0, 0));
    assert!(!below.quorum);
    assert_eq!(below.outcome, Outcome::NoQuorum);
}

#[test]
fn special_needs_three_quarters_of_participants_exactly() {
    let at = tally(MotionKind::Special, &twelve(), &votes(6, 2, 0));
    assert_eq!(
        (at.area_majority, at.owner_majority),
        (true, true),
        "6 of 8 is 3/4"
    );
    assert_eq!(at.outcome, Outcome::Passed);
    let below = tally(MotionKind::Special, &twelve(), &votes(5, 2, 1));
    assert_eq!(below.outcome, Outcome::Rejected, "5 of 8 is below 3/4");
}

#[test]
fn ordinary_needs_more_than_half_exactly_half_fails() {
    let half = tally(MotionKind::Ordinary, &twelve(), &votes(4, 4, 0));
    assert!(half.quorum);
    assert_eq!((half.area_majority, half.owner_majority), (false, false));
    assert_eq!(half.outcome, Outcome::Rejected);
    let more = tally(MotionKind::Ordinary, &twelve(), &votes(5, 3, 0));
    assert_eq!(more.outcome, Outcome::Passed);
    // Abstentions count as taking part, so they weigh against.
    let abstaining = tally(MotionKind::Ordinary, &twelve(), &votes(4, 3, 1));
    assert_eq!(abstaining.outcome, Outcome::Rejected);
}

#[test]
fn both_majorities_are_needed() {
    // One owner of a large home against many small ones.
    let mut electorate = vec![("big".to_owned(), d(300))];
    electorate.extend((0..4).map(|i| (format!("o{i}"), d(10))));
    let mut v = votes(0, 4, 0);
    v.insert("big".into(), Choice::Yes);
    let t = tally(MotionKind::Ordinary, &electorate, &v);
    assert_eq!((t.area_majority, t.owner_majority), (true, false));
    assert_eq!(t.outcome, Outcome::Rejected);
}

#[test]
fn an_owner_of_several_homes_counts_once() {
    let electorate = vec![
        ("a".to_owned(), d(50)),
        ("a".to_owned(), d(70)),
        ("b".to_owned(), d(60)),
    ];
    let v: BTreeMap<String, Choice> = [("a".to_owned(), Choice::Yes)].into();
    let t = tally(MotionKind::Ordinary, &electorate, &v);
    assert_eq!((t.total_owners, t.total_area), (2, d(180)));
    assert_eq!((t.voted_owners, t.voted_area), (1, d(120)));
    assert!(
        !t.quorum,
        "1 of 2 owners is below 2/3 even with 2/3 of the area"
    );
}

#[test]
fn matters_have_the_kind_art_278_gives() {
    use super::super::subject::Matter;
    assert_eq!(Matter::RaiseMaintenanceFund.kind(), MotionKind::Special);
    assert_eq!(Matter::BusinessUseOfCommonParts.kind(), MotionKind::Special);
    assert_eq!(Matter::UseMaintenanceFund.kind(), MotionKind::Ordinary);
    assert_eq!(Matter::AppointManager.kind(), MotionKind::Ordinary);
}
