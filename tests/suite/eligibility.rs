//! Conditions, relations and stacks as the sources state them (003 unless named),
//! and how the engine decides them.

use std::collections::BTreeMap;
use subsidy::core::estimate::FindingCode;

use subsidy::core::catalogue::{Catalogue, DecidedBy, FacilityClass, RelationKind};
use subsidy::core::estimate::{Eligibility, Facility, Query, estimate_program, stacks};
use subsidy::core::window::Window;

fn catalogue() -> Catalogue {
    Catalogue::embedded().unwrap()
}

/// The fact ids (or `prefecture:NAME`) a program asks, in data order.
fn asks(program: &str) -> Vec<String> {
    let catalogue = catalogue();
    catalogue
        .program(program)
        .unwrap()
        .conditions
        .iter()
        .map(|c| match c.decided_by {
            DecidedBy::Fact => c.fact.clone().unwrap(),
            DecidedBy::Prefecture => format!("prefecture:{}", c.prefecture.as_deref().unwrap()),
            DecidedBy::EntitySize => "entity-size".to_string(),
        })
        .collect()
}

fn relations(program: &str) -> Vec<(RelationKind, Option<String>)> {
    let catalogue = catalogue();
    catalogue
        .program(program)
        .unwrap()
        .relations
        .iter()
        .map(|r| (r.kind, r.program.clone()))
        .collect()
}

#[test]
fn every_program_asks_the_conditions_its_source_states() {
    // 003 対象施設 / 内容 columns, No.1–13; 001 for ehr-sharing.
    let expected: [(&str, &[&str]); 13] = [
        (
            "online-qual-medical-aid",
            &[
                "online-qual-in-place",
                "medical-aid-rececon-modified",
                "no-prior-medical-aid-grant",
            ],
        ),
        ("online-qual-home-care", &["home-visits-done"]),
        ("online-qual-telemedicine", &["online-consultation-done"]),
        (
            "online-qual-outpatient",
            &["alternative-route-or-device-failure"],
        ),
        ("online-qual-checkup", &["performs-checkups"]),
        ("online-qual-exempt", &["online-qual-mandate-exempt"]),
        ("online-qual-public-aid-card", &["online-qual-in-place"]),
        ("online-qual-smartphone", &["online-qual-in-place"]),
        (
            "e-prescription",
            &["online-qual-in-place", "e-prescription-ready-by-2025-09-30"],
        ),
        (
            "e-prescription-expansion",
            &["e-prescription-ready", "e-prescription-grant-decided"],
        ),
        (
            "fukuoka-e-prescription",
            &[
                "prefecture:福岡県",
                "e-prescription-ready-by-2025-09-30",
                "e-prescription-grant-decided",
            ],
        ),
        (
            "ehr-sharing",
            &["online-qual-in-place", "e-prescription-introduced"],
        ),
        (
            "fukuoka-work-environment",
            &[
                "prefecture:福岡県",
                "base-up-fee-filed",
                "system-introduced-in-period",
                "costs-not-otherwise-subsidised",
            ],
        ),
    ];
    for (program, facts) in expected {
        let mut got = asks(program);
        let mut want: Vec<String> = facts.iter().map(|f| f.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{program}");
    }
}

#[test]
fn prerequisites_name_the_program_they_presuppose() {
    // 003 No.10: 「No.９の交付決定通知書が配信された施設」; No.11: 「（No.９）の交付決定を受けた」.
    let catalogue = catalogue();
    for program in ["e-prescription-expansion", "fukuoka-e-prescription"] {
        let condition = catalogue
            .program(program)
            .unwrap()
            .conditions
            .iter()
            .find(|c| c.fact.as_deref() == Some("e-prescription-grant-decided"))
            .unwrap();
        assert_eq!(
            condition.requires_program.as_deref(),
            Some("e-prescription"),
            "{program}"
        );
    }
}

#[test]
fn relations_are_as_the_sources_state() {
    use RelationKind::*;
    let some = |s: &str| Some(s.to_string());
    // 003 No.3 「※No.４と申請内容が重複しない場合のみ申請可能。」 and No.4 the reverse.
    assert_eq!(
        relations("online-qual-telemedicine"),
        [(Excludes, some("online-qual-outpatient"))]
    );
    // No.4 also: 「※通常とは異なる動線と機器故障時等で各々補助金申請することは不可。」
    let outpatient = relations("online-qual-outpatient");
    assert!(outpatient.contains(&(Excludes, some("online-qual-telemedicine"))));
    assert!(outpatient.contains(&(SingleClaim, None)));
    // No.7 ①②③ and No.9 ①② are alternatives.
    assert_eq!(
        relations("online-qual-public-aid-card"),
        [(VariantsExclusive, None)]
    );
    assert_eq!(relations("e-prescription"), [(VariantsExclusive, None)]);
    // No.11 tops up No.9 (① on ①, ③ on ②) and No.10 (② on ①).
    let fukuoka = relations("fukuoka-e-prescription");
    assert!(fukuoka.contains(&(StacksOn, some("e-prescription"))));
    assert!(fukuoka.contains(&(StacksOn, some("e-prescription-expansion"))));
    assert!(fukuoka.contains(&(VariantsExclusive, None)));
    assert_eq!(relations("ehr-sharing"), [(OneApplication, None)]);
}

#[test]
fn every_program_states_its_tax_basis() {
    // No seed says whether costs include 消費税: every program records "not stated".
    for program in catalogue().programs() {
        assert_eq!(program.tax.basis.id(), "not-stated", "{}", program.id);
    }
}

fn query(class: FacilityClass, beds: u32, facts: &[(&str, bool)]) -> Query {
    let mut query = Query::new(
        Facility::new(class, beds).unwrap(),
        "2025-11-01".parse().unwrap(),
    );
    query.facts = facts
        .iter()
        .map(|(f, v)| (f.to_string(), *v))
        .collect::<BTreeMap<_, _>>();
    query
}

#[test]
fn a_false_fact_makes_it_ineligible_naming_the_condition() {
    let catalogue = catalogue();
    let program = catalogue.program("online-qual-home-care").unwrap();
    let e = &estimate_program(
        program,
        None,
        &query(FacilityClass::Clinic, 0, &[("home-visits-done", false)]),
    )[0];
    assert_eq!(e.eligibility, Eligibility::Ineligible);
    assert_eq!(e.reasons[0].code, FindingCode::ConditionNotMet);
    assert!(e.reasons[0].text(subsidy::Lang::Ja).contains("訪問診療"));
    let e = &estimate_program(
        program,
        None,
        &query(FacilityClass::Clinic, 0, &[("home-visits-done", true)]),
    )[0];
    assert_eq!(e.eligibility, Eligibility::Eligible);
}

#[test]
fn the_prefecture_decides_the_fukuoka_programs() {
    let catalogue = catalogue();
    let program = catalogue.program("fukuoka-work-environment").unwrap();
    let all_yes = [
        ("base-up-fee-filed", true),
        ("system-introduced-in-period", true),
        ("costs-not-otherwise-subsidised", true),
    ];
    let mut q = query(FacilityClass::Hospital, 60, &all_yes);
    q.cost = Some(5_000_000);
    assert_eq!(
        estimate_program(program, None, &q)[0].eligibility,
        Eligibility::Unknown
    );
    q.prefecture = Some("福岡県".into());
    let e = &estimate_program(program, None, &q)[0];
    assert_eq!(e.eligibility, Eligibility::Eligible);
    assert_eq!(e.computation.as_ref().unwrap().grant, 2_400_000); // 60 × 40,000
    q.prefecture = Some("熊本県".into());
    assert_eq!(
        estimate_program(program, None, &q)[0].eligibility,
        Eligibility::Ineligible
    );
}

#[test]
fn fukuoka_tops_up_the_national_grant_on_the_same_cost() {
    // 003 No.9 ① 大規模病院 1/3 and No.11 ① 1/6: 3,000,000 → 1,000,000 + 500,000 = 1,500,000.
    let catalogue = catalogue();
    let mut q = query(FacilityClass::Hospital, 250, &[]);
    q.cost = Some(3_000_000);
    q.prefecture = Some("福岡県".into());
    let estimates: Vec<_> = ["e-prescription", "fukuoka-e-prescription"]
        .iter()
        .flat_map(|id| estimate_program(catalogue.program(id).unwrap(), Some("basic"), &q))
        .collect();
    let found = stacks(&estimates);
    assert_eq!(found.len(), 1);
    assert_eq!(estimates[found[0].base].program.id, "e-prescription");
    assert_eq!(found[0].combined, 1_500_000);
    assert_eq!(found[0].self_burden, 1_500_000);

    // Clinics: 1/2 + 1/4 of 300,000 = 150,000 + 75,000 = 225,000.
    let mut q = query(FacilityClass::Clinic, 0, &[]);
    q.cost = Some(300_000);
    let estimates: Vec<_> = ["e-prescription", "fukuoka-e-prescription"]
        .iter()
        .flat_map(|id| estimate_program(catalogue.program(id).unwrap(), Some("basic"), &q))
        .collect();
    assert_eq!(stacks(&estimates)[0].combined, 225_000);
}

#[test]
fn programs_that_exclude_each_other_are_never_summed() {
    let catalogue = catalogue();
    let mut q = query(FacilityClass::Clinic, 0, &[]);
    q.cost = Some(100_000);
    q.items = vec![("mobile".into(), 10_000), ("rececon".into(), 90_000)];
    let estimates: Vec<_> = ["online-qual-telemedicine", "online-qual-outpatient"]
        .iter()
        .flat_map(|id| estimate_program(catalogue.program(id).unwrap(), None, &q))
        .collect();
    assert!(estimates.iter().all(|e| e.computation.is_some()));
    assert!(stacks(&estimates).is_empty());
    assert!(
        estimates
            .iter()
            .all(|e| e.notes.iter().any(|n| n.code == FindingCode::Excludes))
    );
}

#[test]
fn windows_on_the_deadline_day_and_after() {
    let catalogue = catalogue();
    let program = catalogue.program("online-qual-medical-aid").unwrap();
    let on = |day: &str| subsidy::core::window::window(program, day.parse().unwrap());
    // 003 No.1: 令和８年１月15日（木）.
    assert!(matches!(
        on("2026-01-15"),
        Window::Open { days_left: 0, .. }
    ));
    assert!(matches!(on("2026-01-16"), Window::Closed { .. }));
    assert!(on("2026-01-14").can_still_apply());
}

/// `national-work-environment` gives 病院 (許可病床数×4万円)
/// and 無床診療所 (18万円) 「など」 (002 l.53), and 001 sets no facility
/// limit: a clinic with 10 beds is neither included nor excluded. It is
/// 要確認 with no amount (no other tier's figure borrowed), never 対象外,
/// and `plan` keeps it (with the programs whose period is not stated).
#[test]
fn a_facility_the_sources_neither_include_nor_exclude_is_to_confirm() {
    let catalogue = catalogue();
    let mut query = query(FacilityClass::Clinic, 10, &[("base-up-fee-filed", true)]);
    query.prefecture = Some("東京都".to_string());
    let program = catalogue.program("national-work-environment").unwrap();
    let estimates = estimate_program(program, None, &query);
    assert_eq!(estimates.len(), 1);
    let e = &estimates[0];
    assert_eq!(e.eligibility, Eligibility::Unknown);
    assert!(e.tier.is_none() && e.computation.is_none());
    assert!(e.amount_not_stated());
    assert_eq!(e.reasons[0].code, FindingCode::AmountNotStatedForBeds);
    assert_eq!(
        e.left_out(),
        Some(subsidy::core::estimate::LeftOut::PeriodUnknown)
    );
    let plan = subsidy::core::plan::plan(&catalogue, &query);
    let kept: Vec<&str> = plan
        .period_unknown
        .iter()
        .map(|p| p.estimate.program.id.as_str())
        .collect();
    assert_eq!(kept, ["national-work-environment"]);
    assert!(plan.period_unknown[0].largest.is_none());
    // The clinic without beds keeps its 18万円 tier (002).
    let mut without = query.clone();
    without.facility = Facility::new(FacilityClass::Clinic, 0).unwrap();
    let e = &estimate_program(program, None, &without)[0];
    assert_eq!(e.tier.map(|t| t.id.as_str()), Some("clinic-no-beds"));
}

/// `e-prescription` (003 No.9 「環境整備が完了した施設」) and
/// fukuoka-e-prescription (No.11 「電子処方箋の導入を完了し、」) ask the same
/// fact, and each asked it in its own sentence, so the stacking example
/// asked it twice. A fact is one sentence wherever it is asked (`check`'s
/// fact-worded-twice), and said once with the rows that need it.
#[test]
fn a_fact_is_asked_in_one_sentence() {
    let out = crate::support::subsidy()
        .lang("ja")
        .columns(1000)
        .args([
            "calc",
            "--program",
            "e-prescription",
            "--program",
            "fukuoka-e-prescription",
            "--variant",
            "basic",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--prefecture",
            "福岡県",
            "--cost",
            "3000000",
            "--as-of",
            "2025-12-01",
        ])
        .output();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("e-prescription-ready-by-2025-09-30").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("[1,2] 令和７年９月30日までに電子処方箋の導入"),
        "{text}"
    );
    let catalogue = catalogue();
    let texts: BTreeMap<&str, Vec<&str>> =
        catalogue
            .programs()
            .iter()
            .fold(BTreeMap::new(), |mut acc, p| {
                for c in &p.conditions {
                    if let Some(fact) = c.fact.as_deref() {
                        acc.entry(fact).or_default().push(c.text.ja.as_str());
                    }
                }
                acc
            });
    for (fact, mut said) in texts {
        said.sort_unstable();
        said.dedup();
        assert_eq!(said.len(), 1, "{fact}: {said:?}");
    }
}
