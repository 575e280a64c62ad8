//! The owners decide the fee standard and the business use of common parts: fees are
//! billed only under an approved standard, a later one replaces the earlier from its
//! month, and common income is recorded only while a special resolution allows it.

use serde_json::{json, Value};

use crate::assembly::{MotionKind, Outcome};
use crate::error::Error;
use crate::fund::Approval;
use crate::queries::fund::tests::{at, compound, pass, run, try_run, yuan, COMPOUND, OWNERS};
use crate::ward::Ward;

const FUND: &str = "jf";

fn fund(w: &mut Ward, when: &str, body: Value) -> Result<(), Error> {
    try_run(w, Some("pm"), when, json!({ "fund": body }))
}

/// The compound with its fund opened on 2 January 2026, proposing 4.00 yuan/m².
fn opened() -> Ward {
    let mut w = compound();
    let open = json!({"type": "open_fund", "fund": FUND, "name": "吉福小区共有基金",
        "unit": COMPOUND, "fee": {"per": "area", "rate": "4.00"},
        "basis": {"basis": "remuneration", "percent": "12"}});
    run(&mut w, None, &at(1, 2, 10), json!({ "fund": open }));
    w
}

fn bill(month: &str) -> Value {
    json!({"type": "bill_fees", "fund": FUND, "month": month})
}

/// A motion the owners vote on with the given choices, in the order of `OWNERS`.
fn vote(w: &mut Ward, motion: &str, subject: Value, choices: [&str; 4], day: u32) {
    let open = json!({"assembly": {"type": "open_motion", "motion": motion, "unit": COMPOUND,
        "title": motion, "subject": subject, "closes": at(1, day + 3, 18)}});
    run(w, Some("oc"), &at(1, day, 11), open);
    for (owner, choice) in OWNERS.into_iter().zip(choices) {
        let cast = json!({"assembly": {"type": "cast_vote", "motion": motion, "choice": choice}});
        run(w, Some(owner), &at(1, day + 1, 10), cast);
    }
    let close = json!({"assembly": {"type": "close_motion", "motion": motion}});
    run(w, Some("oc"), &at(1, day + 3, 19), close);
}

#[test]
fn fees_are_billed_only_under_a_standard_the_owners_approved() {
    let mut w = opened();
    let refused = fund(&mut w, &at(1, 3, 9), bill("2026-01")).unwrap_err();
    assert_eq!(refused.code(), "no_fee_standard");
    assert!(refused.to_string().contains("2026-01"), "{refused}");
    let f = w.funds().get(FUND).unwrap();
    assert!(f.billings.is_empty() && f.ledger.transactions().next().is_none());
    assert_eq!(f.fee_standards[0].approval, Approval::Proposed);

    let approve = json!({"type": "approve_fee", "fund": FUND, "standard": "opening"});
    pass(&mut w, "m-fee", approve, 1, 3);
    fund(&mut w, &at(1, 10, 9), bill("2026-01")).unwrap();
    let f = w.funds().get(FUND).unwrap();
    assert_eq!(
        f.billings["2026-01"].billed,
        yuan("1527.20"),
        "4.00 × 381.8 m²"
    );
    assert_eq!(f.billings["2026-01"].standard.as_deref(), Some("opening"));
}

#[test]
fn a_budget_the_owners_reject_carries_no_billable_fee() {
    let mut w = opened();
    let budget = json!({"type": "propose_budget", "fund": FUND, "budget": "2026",
        "from": "2026-01-01", "to": "2026-12-31", "fee": {"per": "area", "rate": "3.00"},
        "lines": [{"line": "cleaning", "amount": "1000.00"}]});
    fund(&mut w, &at(1, 3, 9), budget).unwrap();
    let alone = json!({"type": "approve_fee", "fund": FUND, "standard": "2026"});
    let open = json!({"assembly": {"type": "open_motion", "motion": "m-alone", "unit": COMPOUND,
        "title": "fee", "subject": alone, "closes": at(1, 6, 18)}});
    let e = try_run(&mut w, Some("oc"), &at(1, 3, 10), open).unwrap_err();
    assert!(e.to_string().contains("decided with the budget"), "{e}");
    let approve = json!({"type": "approve_budget", "fund": FUND, "budget": "2026"});
    vote(&mut w, "m-budget", approve, ["no", "no", "no", "yes"], 4);
    let f = w.funds().get(FUND).unwrap();
    assert_eq!(f.fee_standards[1].approval, Approval::Rejected);
    let e = fund(&mut w, &at(1, 10, 9), bill("2026-01")).unwrap_err();
    assert_eq!(e.code(), "no_fee_standard");
}

#[test]
fn a_later_standard_replaces_the_earlier_from_its_month_and_past_bills_stay() {
    let mut w = opened();
    let approve = json!({"type": "approve_fee", "fund": FUND, "standard": "opening"});
    pass(&mut w, "m-fee", approve, 1, 3);
    fund(&mut w, &at(1, 10, 9), bill("2026-01")).unwrap();
    let raise = json!({"type": "propose_fee", "fund": FUND, "standard": "2026-03",
        "fee": {"per": "area", "rate": "4.50"}, "from": "2026-03"});
    fund(&mut w, &at(1, 11, 9), raise).unwrap();
    let approve = json!({"type": "approve_fee", "fund": FUND, "standard": "2026-03"});
    pass(&mut w, "m-raise", approve, 1, 12);
    fund(&mut w, &at(2, 10, 9), bill("2026-02")).unwrap();
    fund(&mut w, &at(3, 10, 9), bill("2026-03")).unwrap();
    let f = w.funds().get(FUND).unwrap();
    let billed: Vec<_> = f
        .billings
        .values()
        .map(|b| (b.month.as_str(), b.billed, b.standard.as_deref().unwrap()))
        .collect();
    assert_eq!(
        billed,
        [
            ("2026-01", yuan("1527.20"), "opening"),
            ("2026-02", yuan("1527.20"), "opening"),
            ("2026-03", yuan("1718.10"), "2026-03"),
        ]
    );
    assert_eq!(f.fee_history, ["opening", "2026-03"]);
}

#[test]
fn common_income_needs_a_special_resolution_in_force() {
    let mut w = opened();
    let ads = |id: &str, source: &str| {
        json!({"type": "record_income", "fund": FUND, "id": id, "source": source,
            "amount": "2000.00"})
    };
    let e = fund(&mut w, &at(1, 3, 9), ads("ads-1", "advertising")).unwrap_err();
    assert_eq!(e.code(), "business_use_not_allowed");
    assert!(e.to_string().contains("advertising use"), "{e}");

    // 3 of 4 owners but 281.8 of 381.8 m² (73.8 %): an ordinary majority, not ¾.
    let allow = json!({"type": "allow_business_use", "fund": FUND,
        "uses": ["advertising", "parking"], "until": "2026-06-30"});
    vote(
        &mut w,
        "m-short",
        allow.clone(),
        ["yes", "yes", "yes", "no"],
        3,
    );
    let m = w.assembly().motion("m-short").unwrap();
    assert_eq!(m.kind, MotionKind::Special);
    assert_eq!(m.tally.as_ref().unwrap().outcome, Outcome::Rejected);
    let e = fund(&mut w, &at(1, 7, 9), ads("ads-1", "advertising")).unwrap_err();
    assert_eq!(e.code(), "business_use_not_allowed");

    vote(&mut w, "m-ads", allow, ["yes", "yes", "yes", "yes"], 8);
    fund(&mut w, &at(1, 12, 9), ads("ads-1", "advertising")).unwrap();
    fund(&mut w, &at(1, 12, 10), ads("park-1", "parking")).unwrap();
    let e = fund(&mut w, &at(1, 12, 11), ads("hall-1", "other")).unwrap_err();
    assert!(e.to_string().contains("other use"), "{e}");
    let e = fund(&mut w, &at(7, 1, 9), ads("ads-7", "advertising")).unwrap_err();
    assert_eq!(
        e.code(),
        "business_use_not_allowed",
        "the resolution ended 30 June"
    );
}
