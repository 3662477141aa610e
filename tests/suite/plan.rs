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
