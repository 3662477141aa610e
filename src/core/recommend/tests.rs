//! The best combination on cases worked by hand from the sources.
//!
//! 003 (福岡県 一覧) l.633–635, No.9 ① 診療所: 補助率 1/2, 補助限度額 19.4万円,
//! 事業額上限 38.7万円; l.761–763, No.11 ① 診療所 (福岡県の上乗せ): 補助率 1/4,
//! 補助上限額 9.7万円. 001 (日医発第1203号 別添) l.111, 電子カルテ情報共有
//! サービス 健診実施: 大規模病院 6,579千円 (事業額 13,158千円の1/2), 中小規模病院
//! 5,457千円 (10,913千円の1/2); l.122, 健診未実施: 5,081千円 (10,162千円の
//! 1/2), 4,085千円 (8,170千円の1/2).

use chrono::NaiveDate;

use super::*;
use crate::core::catalogue::{Catalogue, FacilityClass};
use crate::core::estimate::{Facility, estimate_program_into, sort};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn query(class: FacilityClass, beds: u32, cost: Yen, as_of: NaiveDate) -> Query {
    let mut query = Query::new(Facility::new(class, beds).unwrap(), as_of);
    query.cost = Some(cost);
    query
}

/// Every program's estimates for `query` (only `programs`, where named),
/// sorted as `calc` sorts them.
fn estimates<'c>(catalogue: &'c Catalogue, query: &Query, programs: &[&str]) -> Vec<Estimate<'c>> {
    let mut out = Vec::new();
    for program in catalogue.programs() {
        if programs.is_empty() || programs.contains(&program.id.as_str()) {
            estimate_program_into(program, None, query, &mut out);
        }
    }
    sort(&mut out);
    out
}

/// `(program, variant, grant)` of each pick.
fn picks<'a>(r: &'a Recommendation<'_, '_>) -> Vec<(&'a str, Option<&'a str>, Yen)> {
    r.picks
        .iter()
        .map(|p| {
            (
                p.estimate.program.id.as_str(),
                p.estimate.variant.map(|v| v.id.as_str()),
                p.grant,
            )
        })
        .collect()
}

/// Why the result of `program` (its `variant`, its `tier`) lost.
fn why<'c>(
    r: &Recommendation<'_, 'c>,
    program: &str,
    variant: Option<&str>,
    tier: Option<&str>,
) -> Lost<'c> {
    r.why_not
        .iter()
        .find(|w| {
            w.estimate.program.id == program
                && w.estimate.variant.map(|v| v.id.as_str()) == variant
                && (tier.is_none() || w.estimate.tier.map(|t| t.id.as_str()) == tier)
        })
        .unwrap_or_else(|| panic!("no why-not for {program} {variant:?} {tier:?}"))
        .lost
}

/// `(fact or ask, worth)` of each unknown, in order.
fn worths(r: &Recommendation<'_, '_>) -> Vec<(String, Yen)> {
    r.unknowns
        .iter()
        .map(|u| {
            let name = match u.ask {
                Ask::Condition(c) => c.fact.clone().unwrap_or_else(|| c.id.clone()),
                Ask::Kenshin => "kenshin".to_string(),
                other => format!("{other:?}"),
            };
            (name, u.worth)
        })
        .collect()
}

/// A clinic in 福岡県 with 380,000円 on 2025-12-01: the national
/// e-prescription grant, 380,000 × 1/2 = 190,000 (under 38.7万 and 19.4万),
/// and 福岡県's top-up on the same work, 380,000 × 1/4 = 95,000 (under
/// 9.7万): 285,000円, self-pay 95,000.
#[test]
fn e_prescription_and_fukuokas_top_up_for_a_clinic() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut q = query(FacilityClass::Clinic, 0, 380_000, day(2025, 12, 1));
    q.prefecture = Some("福岡県".to_string());
    let all = estimates(&catalogue, &q, &[]);
    let r = recommend(&all, &q, Measure::OnCost);
    assert_eq!(
        picks(&r),
        [
            ("e-prescription", Some("basic"), 190_000),
            ("fukuoka-e-prescription", Some("basic"), 95_000),
        ]
    );
    assert_eq!(
        (r.sum, r.total, r.cost, r.self_burden()),
        (285_000, 285_000, 380_000, 95_000)
    );
    assert!(!r.cost_binds());
    // いずれか1つ: the other variants of both programs.
    assert!(matches!(
        why(&r, "e-prescription", Some("basic-plus-new"), None),
        Lost::OtherVariant(v) if v.id == "basic"
    ));
    assert!(matches!(
        why(&r, "fukuoka-e-prescription", Some("simultaneous"), None),
        Lost::OtherVariant(v) if v.id == "basic"
    ));
    // デジタル化・AI インボイス対応類型 pays 380,000 × 3/4 = 285,000 too, but
    // asks five things to the picks' three (004).
    assert_eq!(
        why(&r, "digital-ai-invoice", None, Some("one-function")),
        Lost::SameTotal(TieBreak::MoreToConfirm)
    );
    // The expansion and its top-up: 245,000 × 1/2 → 122,000 (003 No.10 ①
    // 事業額上限 24.5万) + 380,000 × 1/4 → 61,000 (No.11 ② 6.1万) = 183,000.
    assert_eq!(
        why(&r, "e-prescription-expansion", Some("refill"), None),
        Lost::LowerTotal(183_000)
    );
    assert_eq!(
        why(&r, "fukuoka-e-prescription", Some("additional"), None),
        Lost::OtherVariant(r.picks[1].estimate.variant.unwrap())
    );
    // Every other result has a reason, and the picks none.
    assert_eq!(r.why_not.len() + 2, all.len());
    // What each fact is worth: were any one of them false, インボイス対応類型
    // still pays 285,000, so none is worth a yen on its own.
    assert!(r.unknowns.iter().all(|u| u.worth == 0), "{:?}", worths(&r));
    assert_eq!(r.unknowns.len(), 3);
}

/// The same two programs alone (`--program`): what each fact is worth.
/// Without e-prescription-ready-by-2025-09-30 neither pays (003 No.9 and
/// No.11 both ask it): 285,000. Without online-qual-in-place the national
/// grant goes and 福岡県's 95,000 stays: 190,000. Without the national
/// grant decided, 福岡県's goes: 95,000.
#[test]
fn each_fact_is_worth_what_the_total_loses_without_it() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut q = query(FacilityClass::Clinic, 0, 380_000, day(2025, 12, 1));
    q.prefecture = Some("福岡県".to_string());
    let some = estimates(
        &catalogue,
        &q,
        &["e-prescription", "fukuoka-e-prescription"],
    );
    let r = recommend(&some, &q, Measure::OnCost);
    assert_eq!(r.total, 285_000);
    assert_eq!(
        worths(&r),
        [
            ("e-prescription-ready-by-2025-09-30".to_string(), 285_000),
            ("online-qual-in-place".to_string(), 190_000),
            ("e-prescription-grant-decided".to_string(), 95_000),
        ]
    );
    assert!(r.unknowns.iter().all(|u| u.assumed == Assumed::Holds));
}

/// Without a prefecture, 福岡県's top-up is not assumed: the national
/// grant alone would be, but インボイス対応類型 pays more (285,000 > 190,000).
#[test]
fn a_prefecture_not_given_is_not_assumed() {
    let catalogue = Catalogue::embedded().unwrap();
    let q = query(FacilityClass::Clinic, 0, 380_000, day(2025, 12, 1));
    let some = estimates(
        &catalogue,
        &q,
        &["e-prescription", "fukuoka-e-prescription"],
    );
    let r = recommend(&some, &q, Measure::OnCost);
    assert_eq!(picks(&r), [("e-prescription", Some("basic"), 190_000)]);
    assert!(matches!(
        why(&r, "fukuoka-e-prescription", Some("basic"), None),
        Lost::PrefectureNotGiven(c) if c.prefecture.as_deref() == Some("福岡県")
    ));
    // Nothing else paying, it is: 福岡県's alone, with the prefecture to ask.
    let only = estimates(&catalogue, &q, &["fukuoka-e-prescription"]);
    let r = recommend(&only, &q, Measure::OnCost);
    assert_eq!(r.total, 95_000);
    assert!(r.unknowns.iter().any(
        |u| matches!(u.ask, Ask::Condition(c) if c.decided_by == DecidedBy::Prefecture)
            && u.worth == 95_000
    ));
}

/// The design card: 250床, 健診実施, 14,000,000円 → ehr-sharing
/// min(14,000,000, 13,158,000) × 1/2 = 6,579,000 (001 l.111). Both its
/// facts decide all of it.
#[test]
fn the_design_card_hospital() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut q = query(FacilityClass::Hospital, 250, 14_000_000, day(2026, 11, 22));
    q.kenshin = Some(true);
    let all = estimates(&catalogue, &q, &[]);
    let r = recommend(&all, &q, Measure::OnCost);
    assert_eq!(picks(&r), [("ehr-sharing", None, 6_579_000)]);
    assert_eq!((r.total, r.self_burden()), (6_579_000, 7_421_000));
    assert_eq!(
        worths(&r),
        [
            ("online-qual-in-place".to_string(), 6_579_000),
            ("e-prescription-introduced".to_string(), 6_579_000),
        ]
    );
    // The rest are closed on that day (29 results).
    assert_eq!(r.why_not.len(), all.len() - 1);
    assert!(
        r.why_not
            .iter()
            .all(|w| w.lost == Lost::LeftOut(LeftOut::Closed)
                || w.lost == Lost::LeftOut(LeftOut::PeriodUnknown))
    );
}

/// 250床 with 健診 not said: the two tiers are one-of, never added. 健診実施
/// pays 6,579,000; 健診未実施 min(14,000,000, 10,162,000) × 1/2 = 5,081,000
/// (001 l.122): 健診 is worth the difference, 1,498,000.
#[test]
fn kenshin_unknown_picks_one_tier_and_is_worth_the_difference() {
    let catalogue = Catalogue::embedded().unwrap();
    let q = query(FacilityClass::Hospital, 250, 14_000_000, day(2026, 11, 22));
    let all = estimates(&catalogue, &q, &[]);
    let r = recommend(&all, &q, Measure::OnCost);
    assert_eq!(picks(&r), [("ehr-sharing", None, 6_579_000)]);
    assert_eq!(r.total, 6_579_000);
    assert!(matches!(
        why(&r, "ehr-sharing", None, Some("large-no-kenshin")),
        Lost::OtherTier(t) if t.id == "large-kenshin"
    ));
    assert_eq!(
        worths(&r),
        [
            ("online-qual-in-place".to_string(), 6_579_000),
            ("e-prescription-introduced".to_string(), 6_579_000),
            ("kenshin".to_string(), 1_498_000),
        ]
    );
    assert_eq!(r.unknowns[2].assumed, Assumed::Kenshin(true));
}

/// 120床, 健診 not said, 8,170,000円: both tiers pay 4,085,000 (健診実施
/// 8,170,000 × 1/2 under its 10,913,000 cap; 健診未実施 at its 8,170,000 cap,
/// 001 l.111, l.122). One pick of 4,085,000, not 8,170,000; 健診 is worth 0.
#[test]
fn two_one_of_rows_of_4085000_are_one_pick() {
    let catalogue = Catalogue::embedded().unwrap();
    let q = query(FacilityClass::Hospital, 120, 8_170_000, day(2026, 11, 22));
    let all = estimates(&catalogue, &q, &[]);
    let grants: Vec<Yen> = all
        .iter()
        .filter(|e| e.left_out().is_none())
        .filter_map(|e| e.computation.as_ref().map(|c| c.grant))
        .collect();
    assert_eq!(grants, [4_085_000, 4_085_000]);
    let r = recommend(&all, &q, Measure::OnCost);
    assert_eq!(r.total, 4_085_000);
    assert_eq!(r.picks.len(), 1);
    assert!(matches!(
        why(&r, "ehr-sharing", None, Some("mid-no-kenshin")),
        Lost::OtherTier(t) if t.id == "mid-kenshin"
    ));
    let kenshin = r
        .unknowns
        .iter()
        .find(|u| matches!(u.ask, Ask::Kenshin))
        .unwrap();
    assert_eq!(
        (kenshin.worth, kenshin.assumed),
        (0, Assumed::Kenshin(true))
    );
}

/// online-qual-outpatient and online-qual-telemedicine exclude each other
/// (online-qual-outpatient.toml, online-qual-telemedicine.toml
/// `[[relations]] kind = "excludes"`; 003 No.4 「No.３と申請内容が重複しない
/// 場合のみ」): a clinic with mobile 41,000 + rececon 130,000 gets
/// outpatient's (41,000 + 130,000) × 3/4 = 128,250 → 128,000, and
/// telemedicine (130,000 × 3/4 → 97,000) loses to it by that relation.
#[test]
fn an_exclusion_decides_why_the_other_lost() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut q = query(FacilityClass::Clinic, 0, 130_000, day(2025, 12, 1));
    q.items = vec![
        ("mobile".to_string(), 41_000),
        ("rececon".to_string(), 130_000),
    ];
    let some = estimates(
        &catalogue,
        &q,
        &["online-qual-outpatient", "online-qual-telemedicine"],
    );
    let r = recommend(&some, &q, Measure::OnCost);
    assert_eq!(picks(&r), [("online-qual-outpatient", None, 128_000)]);
    assert!(matches!(
        why(&r, "online-qual-telemedicine", None, None),
        Lost::ExcludedBy(p) if p.id == "online-qual-outpatient"
    ));
}

/// The cost caps a program's grant: 福岡県's 勤務環境 grant for a 無床診療所
/// is the cost up to 18万円 (003 「１施設18万円」, no rate stated): at
/// 150,000円 the whole cost, self-pay 0.
#[test]
fn the_cost_binds_the_total() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut q = query(FacilityClass::Clinic, 0, 150_000, day(2025, 12, 1));
    q.prefecture = Some("福岡県".to_string());
    let some = estimates(&catalogue, &q, &["fukuoka-work-environment"]);
    let r = recommend(&some, &q, Measure::OnCost);
    assert_eq!(picks(&r), [("fukuoka-work-environment", None, 150_000)]);
    assert_eq!((r.total, r.self_burden()), (150_000, 0));
}

/// Nothing can be applied for: no picks, and every result says why.
#[test]
fn nothing_open_recommends_nothing() {
    let catalogue = Catalogue::embedded().unwrap();
    let q = query(FacilityClass::Pharmacy, 0, 1_000_000, day(2026, 11, 22));
    let all = estimates(&catalogue, &q, &[]);
    let r = recommend(&all, &q, Measure::OnCost);
    assert!(r.is_empty());
    assert_eq!(r.total, 0);
    assert_eq!(r.why_not.len(), all.len());
    assert!(r.unknowns.is_empty());
    for w in &r.why_not {
        assert!(Lost::CODES.contains(&w.lost.code()), "{:?}", w.lost);
        assert!(!w.text(crate::Lang::Ja).is_empty());
    }
}

/// Every reason has its code, in the order [`Lost::CODES`] lists them (the
/// API's description is that list), and a sentence in both languages.
#[test]
fn every_reason_has_a_code_and_a_sentence() {
    let catalogue = Catalogue::embedded().unwrap();
    let program = catalogue.program("e-prescription").unwrap();
    let condition = &program.conditions[0];
    let q = query(FacilityClass::Clinic, 0, 380_000, day(2025, 12, 1));
    let all = estimates(&catalogue, &q, &["e-prescription"]);
    let every = [
        Lost::LeftOut(LeftOut::OtherPrefecture),
        Lost::LeftOut(LeftOut::Ineligible),
        Lost::LeftOut(LeftOut::NoTier),
        Lost::LeftOut(LeftOut::Closed),
        Lost::LeftOut(LeftOut::PeriodUnknown),
        Lost::RequirementFailed(condition),
        Lost::PrefectureNotGiven(condition),
        Lost::NoGrant,
        Lost::OtherVariant(&program.variants[0]),
        Lost::OtherTier(&program.tiers[0]),
        Lost::ExcludedBy(program),
        Lost::LowerTotal(183_000),
        Lost::SameTotal(TieBreak::MoreToConfirm),
    ];
    let codes: Vec<&str> = every.iter().map(|l| l.code()).collect();
    assert_eq!(codes, Lost::CODES);
    for lost in every {
        let why = WhyNot {
            estimate: &all[0],
            lost,
        };
        for lang in [crate::Lang::Ja, crate::Lang::En] {
            let text = why.text(lang);
            assert!(!text.is_empty() && !text.contains('{'), "{lost:?}: {text}");
        }
    }
    let lower = WhyNot {
        estimate: &all[0],
        lost: Lost::LowerTotal(183_000),
    };
    assert!(lower.text(crate::Lang::Ja).contains("183,000円"));
}

/// `(program, variant, tier, group)` of each result that can be applied for.
fn groups<'a>(all: &'a [Estimate<'_>]) -> Vec<(&'a str, Option<&'a str>, &'a str, u8)> {
    let open: Vec<&Estimate<'_>> = all.iter().filter(|e| e.left_out().is_none()).collect();
    let groups = one_of(&open);
    open.iter()
        .zip(groups)
        .map(|(e, g)| {
            (
                e.program.id.as_str(),
                e.variant.map(|v| v.id.as_str()),
                e.tier.map_or("", |t| t.id.as_str()),
                g,
            )
        })
        .collect()
}

/// A hospital of 150 beds whose 健診 is not given, with 8,170,000円, on
/// 2025-12-01: ehr-sharing's two mid tiers both pay 4,085,000円 (001
/// l.111, 健診実施 中小規模病院: 10,913千円の1/2 up to 5,457千円, so
/// 8,170,000 × 1/2; l.122, 健診未実施: 8,170千円の1/2 = 4,085千円), and the
/// hospital has one of them: one group. Its other programs' alternatives
/// are groups of their own; a program no other relates to stands alone.
#[test]
fn a_hospitals_two_tiers_for_kenshin_not_given_are_one_of() {
    let catalogue = Catalogue::embedded().unwrap();
    let q = query(FacilityClass::Hospital, 150, 8_170_000, day(2025, 12, 1));
    let all = estimates(&catalogue, &q, &[]);
    let groups = groups(&all);
    let ehr: Vec<_> = groups
        .iter()
        .filter(|(p, ..)| *p == "ehr-sharing")
        .collect();
    assert_eq!(ehr.len(), 2, "{groups:?}");
    let grants: Vec<Option<Yen>> = all
        .iter()
        .filter(|e| e.program.id == "ehr-sharing" && e.left_out().is_none())
        .map(|e| e.computation.as_ref().map(|c| c.grant))
        .collect();
    assert_eq!(grants, [Some(4_085_000), Some(4_085_000)]);
    let group = ehr[0].3;
    assert!(group > 0 && ehr[1].3 == group, "{ehr:?}");
    assert_eq!(
        groups.iter().filter(|(.., g)| *g == group).count(),
        2,
        "no other result is one of them: {groups:?}"
    );
    // いずれか1つ (e-prescription's variants, 003 No.9) and the excluded
    // pair (online-qual-outpatient and -telemedicine, 003 No.3・No.4 「申請
    // 内容が重複しない場合のみ申請可能」): groups of their own.
    let group_of = |program: &str| {
        groups
            .iter()
            .filter(|(p, ..)| *p == program)
            .map(|(.., g)| *g)
            .collect::<Vec<u8>>()
    };
    let e_prescription = group_of("e-prescription");
    assert_eq!(e_prescription.len(), 2);
    assert!(e_prescription[0] > 0 && e_prescription[1] == e_prescription[0]);
    assert_ne!(e_prescription[0], group);
    let (outpatient, telemedicine) = (
        group_of("online-qual-outpatient"),
        group_of("online-qual-telemedicine"),
    );
    assert_eq!((outpatient.len(), telemedicine.len()), (1, 1));
    assert!(outpatient[0] > 0 && outpatient == telemedicine);
    // Checkups' program has one result and nothing excludes it.
    assert_eq!(group_of("online-qual-checkup"), [0]);
    // Groups are numbered in the order they first appear, from 1.
    let mut seen: Vec<u8> = Vec::new();
    for (.., g) in groups.iter().filter(|(.., g)| *g > 0) {
        if !seen.contains(g) {
            seen.push(*g);
        }
    }
    assert_eq!(seen, (1..=seen.len() as u8).collect::<Vec<_>>());
}

/// The 福岡県 clinic of 380,000円 on 2025-12-01: e-prescription's two
/// variants are one of (いずれか1つ, 003 No.9), and 福岡県's three another
/// (No.11); the top-up is applied for beside the national grant, never
/// instead of it, so the two programs are not one group; the expansion's
/// two variants (No.10 ① and ②) are not alternatives in the data: each
/// stands alone.
#[test]
fn variants_are_one_of_and_a_top_up_is_not() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut q = query(FacilityClass::Clinic, 0, 380_000, day(2025, 12, 1));
    q.prefecture = Some("福岡県".to_string());
    let all = estimates(&catalogue, &q, &[]);
    let groups = groups(&all);
    let of = |program: &str| -> Vec<(Option<&str>, u8)> {
        groups
            .iter()
            .filter(|(p, ..)| *p == program)
            .map(|(_, v, _, g)| (*v, *g))
            .collect()
    };
    let national = of("e-prescription");
    assert_eq!(
        national.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
        [Some("basic"), Some("basic-plus-new")]
    );
    assert!(national[0].1 > 0 && national[1].1 == national[0].1);
    let top_up = of("fukuoka-e-prescription");
    assert_eq!(top_up.len(), 3);
    assert!(top_up.iter().all(|(_, g)| *g == top_up[0].1 && *g > 0));
    assert_ne!(
        top_up[0].1, national[0].1,
        "a top-up is not one of its base"
    );
    assert_eq!(
        of("e-prescription-expansion"),
        [(Some("refill"), 0), (Some("in-house"), 0)]
    );
}
