//! Forged scoring and points journals: re-hashed so that the chain verifies, they count
//! minutes or points the rules never gave, certify one's own service, expire lots before
//! their day or redeem without a key. Replay refuses each, naming the entry.

mod common;

use chrono::NaiveDate;
use common::forge::{forge, is, refused_at, replays};
use common::requests::{world, COMMUNITY, MICRO1};
use common::{as_person, as_system, code};
use gridward::points::{Expiry, PointsCommand};
use gridward::scoring::{Activity, ScoringCommand};
use gridward::{Context, WardConfig};
use serde_json::{json, Value};

fn config() -> WardConfig {
    let mut config = WardConfig::default();
    config.points.expiry = Expiry::Days { days: 30 };
    config
}

fn record(id: &str, person: &str, minutes: u32) -> ScoringCommand {
    ScoringCommand::RecordService {
        id: id.into(),
        person: person.into(),
        unit: code(MICRO1),
        activity: Activity::ElderCare,
        started_at: chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00").unwrap(),
        minutes,
        travel_minutes: 0,
        request: None,
        note: String::new(),
    }
}

/// The volunteer `vol` records two hours (`s1`) and the micro-grid worker `w1` one hour
/// (`s2`); the chief grid leader certifies both, and `vol` earns points for `s1`; the
/// street's administrator grants stars (nobody reaches one); `r1` is awarded 10 points,
/// redeems a piece of soap (keyed) and has it reversed; an expiry run on 5 April
/// expires the lots that ran out on 1 April.
fn journal() -> String {
    let mut w = world(config());
    let mut run = |ctx: Context, c: gridward::Command| {
        w.execute(&ctx, c).unwrap();
    };
    let day3 = "2026-03-03T09:00:00+08:00";
    run(
        as_person("vol", "2026-03-02T17:00:00+08:00"),
        record("s1", "vol", 120).into(),
    );
    run(
        as_person("w1", "2026-03-02T17:00:00+08:00"),
        record("s2", "w1", 60).into(),
    );
    for id in ["s1", "s2"] {
        let certify = ScoringCommand::CertifyService { id: id.into() };
        run(as_person("chief", day3), certify.into());
    }
    let earn = PointsCommand::EarnForService {
        record: "s1".into(),
    };
    run(as_person("chief", day3), earn.into());
    let on = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    let grant = ScoringCommand::GrantStars { on };
    run(as_person("sa", "2026-03-04T09:00:00+08:00"), grant.into());
    let soap = PointsCommand::AddItem {
        id: "soap".into(),
        unit: code(COMMUNITY),
        name: "洗衣皂".into(),
        cost: 1,
        stock: 5,
        per_person: None,
        valid_from: None,
        valid_until: None,
        min_star: None,
    };
    run(as_person("chief", day3), soap.into());
    let award = PointsCommand::Award {
        id: "a1".into(),
        person: "r1".into(),
        unit: code(COMMUNITY),
        points: 10,
        reason: "邻里互助".into(),
    };
    run(as_system(day3), award.into());
    let redeem = PointsCommand::Redeem {
        id: "b1".into(),
        person: "r1".into(),
        item: "soap".into(),
        quantity: 1,
    };
    run(
        as_person("r1", "2026-03-05T10:00:00+08:00").with_key("b1"),
        redeem.into(),
    );
    let reverse = PointsCommand::Reverse {
        id: "b1".into(),
        reason: "退货".into(),
    };
    run(
        as_person("chief", "2026-03-06T10:00:00+08:00"),
        reverse.into(),
    );
    let expire = PointsCommand::Expire {
        on: NaiveDate::from_ymd_opt(2026, 4, 5).unwrap(),
    };
    run(
        as_person("chief", "2026-04-05T09:00:00+08:00"),
        expire.into(),
    );
    let book = w.points().passbook(w.grid(), "r1").unwrap();
    assert_eq!((book.earned(), book.expired(), book.balance()), (10, 10, 0));
    let text = w.to_jsonl();
    let replayed = replays(&config(), &text);
    assert_eq!(replayed.state_digest(), w.state_digest());
    text
}

fn scoring(kind: &'static str, id: &'static str) -> impl Fn(&Value) -> bool {
    move |e| is(e, "scoring", kind, &[("id", id)])
}

fn points(kind: &'static str, id: &'static str) -> impl Fn(&Value) -> bool {
    move |e| is(e, "points", kind, &[("id", id)])
}

fn any(capability: &'static str, kind: &'static str) -> impl Fn(&Value) -> bool {
    move |e| is(e, capability, kind, &[])
}

fn refused(text: &str, seq: u64, code: &str) -> String {
    refused_at(&config(), text, seq, code).to_string()
}

#[test]
fn a_certification_counting_more_minutes_than_the_rules_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, scoring("service_certified", "s1"), |body, ix| {
        body["events"][ix]["scoring"]["counted"] = json!(600);
    });
    let message = refused(&forged, seq, "wrong_count");
    assert!(message.contains("\"s1\""), "{message}");
}

#[test]
fn a_certification_of_ones_own_service_or_in_anothers_name_is_refused() {
    let text = journal();
    // w1 may certify at the micro-grid, but not their own record.
    let (forged, seq) = forge(&text, scoring("service_certified", "s2"), |body, ix| {
        body["actor"] = json!({ "person": "w1" });
        body["events"][ix]["scoring"]["by"] = json!("w1");
    });
    refused(&forged, seq, "own_service");
    // The chief's entry naming the grid leader as certifier.
    let (forged, seq) = forge(&text, scoring("service_certified", "s1"), |body, ix| {
        body["events"][ix]["scoring"]["by"] = json!("gl");
    });
    refused(&forged, seq, "wrong_certifier");
    // A volunteer certifies nothing.
    let (forged, seq) = forge(&text, scoring("service_certified", "s2"), |body, ix| {
        body["actor"] = json!({ "person": "vol" });
        body["events"][ix]["scoring"]["by"] = json!("vol");
    });
    refused(&forged, seq, "permission_denied");
}

#[test]
fn a_service_recorded_before_it_started_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, scoring("service_recorded", "s1"), |body, ix| {
        body["events"][ix]["scoring"]["started_at"] = json!("2026-03-02T18:00:00+08:00");
    });
    refused(&forged, seq, "future_service");
}

#[test]
fn a_star_grant_the_profile_does_not_give_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, any("scoring", "stars_granted"), |body, ix| {
        body["events"][ix]["scoring"]["changes"] = json!([{ "person": "vol", "from": 0, "to": 1 }]);
    });
    let message = refused(&forged, seq, "wrong_grant");
    assert!(message.contains("\"vol\""), "{message}");
    // Granting stars is the administrators'.
    let (forged, seq) = forge(&text, any("scoring", "stars_granted"), |body, _| {
        body["actor"] = json!({ "person": "chief" });
    });
    refused(&forged, seq, "permission_denied");
}

#[test]
fn an_earning_other_than_the_rules_give_is_refused() {
    let text = journal();
    // Two hours at one point an hour give 2 points, not 50.
    let (forged, seq) = forge(&text, points("earned", "service:s1"), |body, ix| {
        let e = &mut body["events"][ix]["points"];
        e["asked"] = json!(50);
        e["points"] = json!(50);
    });
    let message = refused(&forged, seq, "not_as_decided");
    assert!(message.contains("asked of \"service:s1\""), "{message}");
    // Earned on another day than its entry's, or expiring later than the rules say.
    for (field, value) in [("earned_on", "2026-03-01"), ("expires_on", "2026-12-31")] {
        let (forged, seq) = forge(&text, points("earned", "service:s1"), |body, ix| {
            body["events"][ix]["points"][field] = json!(value);
        });
        let message = refused(&forged, seq, "not_as_decided");
        assert!(
            message.starts_with(&format!("journal entry {seq} cannot be replayed: {field}")),
            "{message}"
        );
    }
    // A resident awarding themself points.
    let (forged, seq) = forge(&text, points("earned", "award:a1"), |body, _| {
        body["actor"] = json!({ "person": "r1" });
    });
    refused(&forged, seq, "permission_denied");
}

#[test]
fn an_expiry_of_lots_not_yet_expired_is_refused() {
    let text = journal();
    // On 20 March no lot has run out yet.
    let (forged, seq) = forge(&text, any("points", "expired"), |body, ix| {
        body["events"][ix]["points"]["on"] = json!("2026-03-20");
    });
    refused(&forged, seq, "not_as_decided");
    // Expiring fewer points than are left leaves points past their day.
    let (forged, seq) = forge(&text, any("points", "expired"), |body, ix| {
        body["events"][ix]["points"]["lots"][0]["points"] = json!(1);
    });
    refused(&forged, seq, "not_as_decided");
}

#[test]
fn a_redemption_without_a_key_or_at_another_price_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, points("redeemed", "b1"), |body, _| {
        let body = body.as_object_mut().unwrap();
        body.remove("key");
        body.remove("digest");
    });
    refused(&forged, seq, "key_required");
    let (forged, seq) = forge(&text, points("redeemed", "b1"), |body, ix| {
        let e = &mut body["events"][ix]["points"];
        e["points"] = json!(2);
        e["taken"][0]["points"] = json!(2);
    });
    refused(&forged, seq, "not_as_decided");
}

#[test]
fn a_reversal_on_another_day_or_by_the_resident_is_refused() {
    let text = journal();
    let (forged, seq) = forge(&text, points("reversed", "b1"), |body, ix| {
        body["events"][ix]["points"]["on"] = json!("2026-03-05");
    });
    refused(&forged, seq, "not_as_decided");
    let (forged, seq) = forge(&text, points("reversed", "b1"), |body, _| {
        body["actor"] = json!({ "person": "r1" });
    });
    refused(&forged, seq, "permission_denied");
}
