//! The dialogue as a state machine: questions out, answers in. The yen at
//! stake are worked by hand from the sources:
//!
//! - 001 (日医発第1203号 別添) l.111, 電子カルテ情報共有サービス 健診実施:
//!   大規模病院 6,579千円 (事業額 13,158千円の1/2); l.122, 健診未実施 5,081千円
//!   (10,162千円の1/2). On 14,000,000: 6,579,000, or 5,081,000 without 健診:
//!   健診 is worth 1,498,000.
//! - 004 通常枠の概要 4.「ITツールのプロセス数が4つ以上：補助額150万円～450万円
//!   以下（補助率1／2以内）」: 14,000,000 × 1/2 capped at 4,500,000. On
//!   2025-12-01 it is what pays without either of ehr-sharing's facts:
//!   each is worth 6,579,000 − 4,500,000 = 2,079,000.
//! - 003 No.13 (福岡県 勤務環境)「補助上限額：許可病床数×４万円」: 250 × 40,000
//!   = 10,000,000 on 14,000,000 (open until 令和7年12月15日): 福岡県 is worth
//!   10,000,000 − 6,579,000 = 3,421,000.

use super::*;
use crate::core::catalogue::{Catalogue, FacilityClass};

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: std::sync::LazyLock<Catalogue> =
        std::sync::LazyLock::new(|| Catalogue::embedded().unwrap());
    &CATALOGUE
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The next question's topic and worth (`None`: the answer).
fn next<'c>(guide: &Guide<'c>) -> Option<(Topic<'c>, Option<Yen>)> {
    match guide.next() {
        Step::Ask(q) => Some((q.topic, q.worth)),
        Step::Done => None,
    }
}

/// Answers each question in turn with the next of `lines`; the topics asked.
fn answer_all<'c>(guide: &mut Guide<'c>, lines: &[&str]) -> Vec<(Topic<'c>, Option<Yen>)> {
    let mut asked = Vec::new();
    for line in lines {
        let (topic, worth) = next(guide).expect("a question for each line");
        asked.push((topic, worth));
        guide.reply(topic, line).unwrap();
    }
    asked
}

#[test]
fn the_design_card_asks_the_facility_beds_cost_then_what_turns_on_them() {
    let mut guide = Guide::new(catalogue(), Request::default(), day("2026-11-22"));
    let asked = answer_all(
        &mut guide,
        &["病院", "２５０床", "1400万", "はい", "yes", "はい"],
    );
    assert_eq!(
        asked,
        [
            (Topic::Facility, None),
            (Topic::Beds, None),
            (Topic::Cost, None),
            // On 2026-11-22 nothing else pays: each fact is worth all of it.
            (Topic::Fact("online-qual-in-place"), Some(6_579_000)),
            (Topic::Fact("e-prescription-introduced"), Some(6_579_000)),
            (Topic::Kenshin, Some(1_498_000)),
        ]
    );
    assert!(next(&guide).is_none(), "nothing left changes the answer");
    let request = guide.request();
    assert_eq!(request.facility, Some(FacilityClass::Hospital.into()));
    assert_eq!(
        (request.beds, request.cost, request.kenshin),
        (Some(250), Some(14_000_000), Some(true))
    );
    let outcome = guide.outcome().unwrap();
    let recommendation = outcome.recommendation();
    assert_eq!(recommendation.total, 6_579_000);
    assert_eq!(recommendation.picks[0].estimate.program.id, "ehr-sharing");
    assert!(recommendation.unknowns.is_empty());
}

#[test]
fn the_largest_yen_at_stake_is_asked_first_and_each_once() {
    let request = Request {
        facility: Some(FacilityClass::Hospital.into()),
        beds: Some(250),
        cost: Some(14_000_000),
        ..Request::default()
    };
    let mut guide = Guide::new(catalogue(), request, day("2025-12-01"));
    let pending: Vec<(Topic<'_>, Option<Yen>)> =
        guide.pending().iter().map(|q| (q.topic, q.worth)).collect();
    assert_eq!(
        pending,
        [
            (Topic::Prefecture, Some(3_421_000)),
            (Topic::Fact("online-qual-in-place"), Some(2_079_000)),
            (Topic::Fact("e-prescription-introduced"), Some(2_079_000)),
            (Topic::Kenshin, Some(1_498_000)),
        ]
    );
    // Named as every front end names it, and not asked again.
    guide.reply(Topic::Prefecture, "東京").unwrap();
    assert_eq!(guide.request().prefecture.as_deref(), Some("東京都"));
    // Left unknown: the fact stays assumed and is not asked again.
    guide
        .reply(Topic::Fact("online-qual-in-place"), "わからない")
        .unwrap();
    assert_eq!(
        next(&guide),
        Some((Topic::Fact("e-prescription-introduced"), Some(2_079_000)))
    );
    guide
        .reply(Topic::Fact("e-prescription-introduced"), "")
        .unwrap();
    assert_eq!(next(&guide), Some((Topic::Kenshin, Some(1_498_000))));
    // 「おわり」: the answer now, with 健診 still assumed.
    assert_eq!(guide.reply(Topic::Kenshin, "おわり"), Ok(Replied::Stopped));
    assert!(next(&guide).is_none());
    assert_eq!(guide.outcome().unwrap().recommendation().total, 6_579_000);
}

#[test]
fn no_cost_gives_the_largest_combination_as_plan_does() {
    let mut guide = Guide::new(catalogue(), Request::default(), day("2026-11-22"));
    let asked = answer_all(&mut guide, &["hospital", "250", "", "yes", "yes", "yes"]);
    assert_eq!(asked[2], (Topic::Cost, None));
    let outcome = guide.outcome().unwrap();
    assert!(matches!(outcome, Outcome::Plan { .. }));
    // 001 l.111: 6,579千円 at 事業額 13,158千円.
    let recommendation = outcome.recommendation();
    assert_eq!(
        (recommendation.total, recommendation.cost),
        (6_579_000, 13_158_000)
    );
    assert!(next(&guide).is_none());
}

#[test]
fn the_facility_and_a_hospitals_beds_cannot_be_left_unknown() {
    let mut guide = Guide::new(catalogue(), Request::default(), day("2026-11-22"));
    assert_eq!(guide.reply(Topic::Facility, ""), Err(Refusal::Required));
    assert_eq!(
        guide.reply(Topic::Facility, "おわり"),
        Err(Refusal::Required)
    );
    let Err(Refusal::Value(e)) = guide.reply(Topic::Facility, "hospitl") else {
        panic!("a misspelt facility is refused")
    };
    assert_eq!(e.read(), "hospitl");
    guide.reply(Topic::Facility, "有床診療所").unwrap();
    // A 有床診療所 has 1 to 19 beds: asked, and 0 refused by the checks.
    assert_eq!(guide.required(), Some(Topic::Beds));
    assert_eq!(guide.reply(Topic::Beds, "skip"), Err(Refusal::Required));
    let Err(Refusal::Input(e)) = guide.reply(Topic::Beds, "0") else {
        panic!("a 有床診療所 without beds is refused")
    };
    assert_eq!(e.field, Field::Beds);
    guide.reply(Topic::Beds, "19床").unwrap();
    assert_eq!(guide.required(), None);
    assert_eq!(next(&guide), Some((Topic::Cost, None)));
    // A clinic that says nothing of its beds is not asked them.
    let mut clinic = Guide::new(catalogue(), Request::default(), day("2026-11-22"));
    clinic.reply(Topic::Facility, "診療所").unwrap();
    assert_eq!(next(&clinic), Some((Topic::Cost, None)));
}

/// The size test (004 (参考) ① 医療法人 300人以下, 個人 100人以下): the legal
/// form first, the employees after it; left unknown, neither.
#[test]
fn the_size_test_asks_the_legal_form_then_the_employees() {
    let clinic = Request {
        facility: Some(FacilityClass::Clinic.into()),
        cost: Some(1_000_000),
        ..Request::default()
    };
    let guide = Guide::new(catalogue(), clinic.clone(), day("2026-05-01"));
    let pending = guide.pending();
    let entity = pending.iter().find(|q| q.topic == Topic::Entity).unwrap();
    assert_eq!(
        entity.entities,
        [Entity::MedicalCorporation, Entity::SoleProprietor]
    );
    let at = |topic| pending.iter().position(|q| q.topic == topic).unwrap();
    assert!(at(Topic::Entity) < at(Topic::Employees));
    assert!(!pending.iter().any(|q| q.topic == Topic::Capital));

    let mut said = Guide::new(catalogue(), clinic.clone(), day("2026-05-01"));
    said.reply(Topic::Entity, "医療法人").unwrap();
    assert_eq!(said.request().entity, Some(Entity::MedicalCorporation));
    assert!(said.pending().iter().any(|q| q.topic == Topic::Employees));
    let Err(Refusal::Value(_)) = said.reply(Topic::Employees, "多い") else {
        panic!("not a count")
    };
    said.reply(Topic::Employees, "20人").unwrap();
    assert!(!said.pending().iter().any(|q| q.topic == Topic::Employees));

    let mut unknown = Guide::new(catalogue(), clinic, day("2026-05-01"));
    unknown.reply(Topic::Entity, "").unwrap();
    assert!(
        !(unknown.pending().iter()).any(|q| matches!(q.topic, Topic::Entity | Topic::Employees))
    );
}

#[test]
fn a_reply_is_a_skip_a_stop_or_an_answer() {
    for skip in [
        "",
        "  ",
        "わからない",
        "分からない。",
        "ＳＫＩＰ",
        "?",
        "？",
        "Don't know",
    ] {
        assert_eq!(Reply::read(skip), Reply::Skip, "{skip:?}");
    }
    for stop in ["おわり", "終了", "done", "Q", "quit"] {
        assert_eq!(Reply::read(stop), Reply::Stop, "{stop:?}");
    }
    assert_eq!(Reply::read(" はい "), Reply::Answer("はい"));
    assert_eq!(Reply::read("no"), Reply::Answer("no"));
}

#[test]
fn a_topic_is_named_as_the_form_names_its_field() {
    for topic in [
        Topic::Beds,
        Topic::Cost,
        Topic::Prefecture,
        Topic::Kenshin,
        Topic::Fact("online-qual-in-place"),
        Topic::Entity,
        Topic::Employees,
    ] {
        assert_eq!(Topic::named(&topic.name(), catalogue()), Some(topic));
    }
    assert_eq!(
        Topic::Fact("online-qual-in-place").name(),
        "fact:online-qual-in-place"
    );
    assert_eq!(Topic::named("fact:no-such-fact", catalogue()), None);
    assert_eq!(Topic::named("utm_source", catalogue()), None);
}
