//! `subsidy list`: every program with its status, open ones first.

use crate::support::{json, stdout, subsidy};

#[test]
fn list_every_program_with_status() {
    let out = json(&["list", "--as-of", "2026-11-21"]);
    let programs = out["programs"].as_array().unwrap();
    assert_eq!(programs.len(), 19);
    let ehr = programs.iter().find(|p| p["id"] == "ehr-sharing").unwrap();
    assert_eq!(ehr["status"], "open");
    assert_eq!(ehr["authority"], "国");
    let fukuoka = programs
        .iter()
        .find(|p| p["id"] == "fukuoka-work-environment")
        .unwrap();
    assert_eq!(fukuoka["status"], "closed");
    assert_eq!(fukuoka["deadline"], "2025-12-15");
    assert_eq!(fukuoka["authority"], "福岡県");

    let table = stdout(&["list", "--as-of", "2026-11-21"]);
    assert!(table.contains("受付中"));
    assert!(table.contains("締切済"));
}

#[test]
fn list_open_shows_only_what_can_still_be_applied_for() {
    let out = json(&["list", "--open", "--as-of", "2026-11-21"]);
    let ids: Vec<&str> = out["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ehr-sharing"]);
    let out = json(&["list", "--open", "--as-of", "2026-01-20"]);
    let ids: Vec<&str> = out["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    // Open first, by deadline (fukuoka-e-prescription 01-30, smartphone 01-31,
    // e-prescription 03-31, ehr-sharing 2031-09-30); then the デジタル化・AI
    // frames, whose sources state no opening date: before their
    // first round closes nobody can say they are open, but they can still be
    // applied for.
    assert_eq!(
        ids,
        [
            "fukuoka-e-prescription",
            "online-qual-smartphone",
            "e-prescription",
            "ehr-sharing",
            "digital-ai-etrade",
            "digital-ai-invoice",
            "digital-ai-normal",
            "digital-ai-security",
            "digital-ai-multi",
        ]
    );
    // 004: the frames close rounds on 05-12 … 08-25; 複数者連携 on 06-15 and 08-25.
    let out = json(&["list", "--open", "--as-of", "2026-07-01"]);
    let programs = out["programs"].as_array().unwrap();
    let ids: Vec<&str> = programs.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "digital-ai-etrade",
            "digital-ai-invoice",
            "digital-ai-normal",
            "digital-ai-security",
            "digital-ai-multi",
            "ehr-sharing"
        ]
    );
    let deadline = |id: &str| programs.iter().find(|p| p["id"] == id).unwrap()["deadline"].clone();
    assert_eq!(deadline("digital-ai-multi"), "2026-08-25");
    assert_eq!(deadline("digital-ai-normal"), "2026-07-21");
}

#[test]
fn list_puts_open_programs_first_then_by_deadline() {
    let text = subsidy()
        .columns(100)
        .args(["list", "--as-of", "2026-11-22"])
        .stdout();
    let first = text.lines().position(|l| l.starts_with("受付中")).unwrap();
    let closed = text.lines().position(|l| l.starts_with("締切済")).unwrap();
    assert!(first < closed, "{text}");
    let out = subsidy()
        .args(["list", "--as-of", "2026-11-22", "--format", "json"])
        .json();
    let keys: Vec<(bool, Option<String>)> = out["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["status"] != "open",
                // No deadline (national-work-environment) sorts before the closed.
                p["deadline"].as_str().map(str::to_string),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}
