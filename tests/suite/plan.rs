//! `subsidy plan`: what a facility can still apply for, and by when
//! (`ics` tests its calendar output).

use crate::support::{json, stdout};

#[test]
fn plan_lists_what_a_facility_can_still_apply_for() {
    let args = [
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--as-of",
        "2026-11-21",
    ];
    let out = json(&args);
    let programs = out["programs"].as_array().unwrap();
    assert!(!programs.is_empty());
    assert!(
        programs
            .iter()
            .all(|p| p["status"] == "open" || p["status"] == "not-yet-open")
    );
    let ehr = programs
        .iter()
        .find(|p| p["program"] == "ehr-sharing")
        .unwrap();
    assert_eq!(ehr["deadline"], "2031-09-30");
    assert_eq!(ehr["days_left"], 1774);
    assert_eq!(ehr["largest_grant"], 6_579_000);
    assert_eq!(ehr["cost_for_largest_grant"], 13_158_000);
    let table = stdout(&args);
    assert!(
        table.contains("ehr-sharing")
            && table.contains("2031-09-30")
            && table.contains("6,579,000円"),
        "{table}"
    );

    // Before the 2026-01-15 deadlines, sorted by deadline, top-ups after what they top up.
    let out = json(&[
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--prefecture",
        "fukuoka",
        "--as-of",
        "2025-11-01",
    ]);
    let programs = out["programs"].as_array().unwrap();
    let deadlines: Vec<&str> = programs
        .iter()
        .map(|p| p["deadline"].as_str().unwrap())
        .collect();
    let national = programs
        .iter()
        .position(|p| p["program"] == "e-prescription")
        .unwrap();
    let top_up = programs
        .iter()
        .position(|p| p["program"] == "fukuoka-e-prescription" && p["variant"] == "basic")
        .unwrap();
    assert!(national < top_up);
    assert_eq!(programs[top_up]["stacks_on"], "e-prescription");
    assert_eq!(deadlines.first(), Some(&"2025-12-15"));
    // A fact stated no drops the program.
    let out = json(&[
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--fact",
        "online-qual-in-place=no",
        "--as-of",
        "2026-11-21",
    ]);
    assert!(out["programs"].as_array().unwrap().is_empty());
}

/// Plan's headline is the best combination, each result at its largest
/// grant. A 250-bed hospital in 福岡県 on 2025-12-01: 福岡県's 勤務環境
/// grant, 250 × 40,000 = 10,000,000 (003 No.13 「許可病床数×４万円」, paid
/// up to the cost), beats e-prescription ② at most 6,022,000 × 1/3 =
/// 2,007,333 → 2,007,000 (003 No.9 大規模病院) with 福岡県's top-up on it
/// at most 1,003,000 (No.11 ③): 3,010,000 together; and ehr-sharing's
/// 6,579,000 (001 l.111), which is what is left were a 勤務環境 fact false:
/// each is worth 3,421,000.
#[test]
fn plans_headline_is_the_best_combination() {
    let args = [
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--prefecture",
        "福岡県",
        "--as-of",
        "2025-12-01",
    ];
    let out = json(&args);
    let r = &out["recommendation"];
    assert_eq!(r["total"], 10_000_000, "{r}");
    assert_eq!(r["items"][0]["program"], "fukuoka-work-environment");
    // The national e-prescription grant at its best, with its top-up.
    let why_not = r["why_not"].as_array().unwrap();
    let national = why_not
        .iter()
        .find(|w| w["program"] == "e-prescription" && w["variant"] == "basic-plus-new")
        .unwrap();
    assert_eq!(national["reason"], "lower-total");
    assert_eq!(national["best_total"], 3_010_000);
    let worths: Vec<u64> = r["unknowns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["worth"].as_u64().unwrap())
        .collect();
    assert_eq!(worths, [3_421_000; 3]);
    let table = stdout(&args);
    assert!(
        table.contains("おすすめの組み合わせは最大で合計 10,000,000円（経費 10,000,000円のとき）"),
        "{table}"
    );
}
