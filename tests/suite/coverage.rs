//! `subsidy check --coverage`: the built-in catalogue's worked examples
//! exercise every target, and one example taken away is named by what it
//! alone covered.

use serde_json::Value;

use crate::support::subsidy;

/// The catalogue's version: examples without their own `as_of` are judged on it.
const AS_OF: &str = "2026-05-25";

fn coverage_json(dir: Option<&str>) -> (i32, Value) {
    let out = subsidy()
        .lang("en")
        .arg("check")
        .args(dir)
        .args(["--coverage", "--as-of", AS_OF, "--format", "json"])
        .args(["--allow", "all-deadlines-passed"])
        .output();
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn the_built_in_catalogue_is_fully_covered() {
    for dir in [Some("data"), None] {
        let (code, report) = coverage_json(dir);
        let coverage = &report["coverage"];
        assert_eq!(code, 0, "{dir:?}: {coverage}");
        assert_eq!(coverage["complete"], true);
        assert_eq!(coverage["percent"], 100);
        assert_eq!(coverage["covered"], coverage["total"]);
        let programs = coverage["programs"].as_array().unwrap();
        assert_eq!(programs.len(), 19);
        for p in programs {
            assert_eq!(p["percent"], 100, "{}", p["id"]);
            for t in p["targets"].as_array().unwrap() {
                assert!(
                    !t["examples"].as_array().unwrap().is_empty(),
                    "{}: {}",
                    p["id"],
                    t["text"]
                );
            }
        }
        // A cap that cannot bind is a note, not a target, with its reason.
        let ehr = programs.iter().find(|p| p["id"] == "ehr-sharing").unwrap();
        let note = ehr["not_targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["text"] == "tier mid-kenshin's grant cap (補助限度額) binds")
            .unwrap();
        assert_eq!(
            note["why"],
            "the amount before the cap is at most 5,456,500 yen, never above the cap of 5,457,000 yen"
        );
        assert_eq!(note["reason"]["kind"], "never-binds");
    }
}

#[test]
fn the_report_for_people_gives_each_program_and_the_total() {
    let run = subsidy()
        .args(["check", "data", "--coverage", "--as-of", AS_OF])
        .args(["--allow", "all-deadlines-passed"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(
        text.contains("ehr-sharing（data/ehr-sharing.toml）: 100%（34/34）"),
        "{text}"
    );
    assert!(
        text.contains("  注: 区分 mid-kenshin の補助限度額が効く例は目標にしません（上限の前の額が最大 5,456,500円で、上限 5,457,000円を超えないため）"),
        "{text}"
    );
    assert!(
        text.contains("計算例の網羅率: 100%（565/565、19制度）"),
        "{text}"
    );
    assert!(!text.contains("例がありません"), "{text}");
}

/// The catalogue in a directory of its own, with the `[[examples]]` block
/// of ehr-sharing that holds `marker` taken out.
fn without_example(marker: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("data").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if name == "ehr-sharing.toml" {
            let blocks: Vec<&str> = text.split("\n\n").collect();
            let kept: Vec<&str> = blocks
                .iter()
                .copied()
                .filter(|b| !(b.contains("[[examples]]") && b.contains(marker)))
                .collect();
            assert_eq!(kept.len() + 1, blocks.len(), "one block holds {marker}");
            text = kept.join("\n\n");
        }
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Issue 24, item 5: removing one worked example makes `check --coverage`
/// fail, naming what is no longer covered.
#[test]
fn removing_one_worked_example_fails_naming_what_it_covered() {
    // The example on the eve of opening, at 20 beds: the only one on 2024-02-29
    // and the only one at the mid 健診 tier's lower edge.
    let dir = without_example("as_of = \"2024-02-29\"");
    let path = dir.path().to_str().unwrap();
    let run = subsidy()
        .args(["check", path, "--coverage", "--as-of", AS_OF])
        .args(["--allow", "all-deadlines-passed"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    let missing: Vec<&str> = text.lines().filter(|l| l.starts_with("  - ")).collect();
    assert_eq!(
        missing,
        [
            "  - 20床で区分 mid-kenshin に当たる（境目）例がありません",
            "  - 受付開始の前日 2024-02-29 に受付前と出る例がありません",
        ],
        "{text}"
    );
    assert!(text.contains("ehr-sharing.toml）: 94%（32/34）"), "{text}");
    assert!(
        text.contains("計算例の網羅率: 99%（563/565、19制度）\n100% に達していません。"),
        "{text}"
    );

    // The same in English, and in JSON with the targets that lost their example.
    let run = subsidy()
        .lang("en")
        .args(["check", path, "--coverage", "--as-of", AS_OF])
        .args(["--allow", "all-deadlines-passed"])
        .run();
    assert_eq!(run.code, 1);
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(
        text.contains("  - no example where on 2024-02-29, the day before opening, the window is not yet open\n"),
        "{text}"
    );
    let (code, report) = coverage_json(Some(path));
    assert_eq!(code, 1);
    assert_eq!(report["coverage"]["complete"], false);
    let ehr = report["coverage"]["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "ehr-sharing")
        .unwrap();
    let missing: Vec<&Value> = ehr["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["examples"].as_array().unwrap().is_empty())
        .map(|t| &t["target"])
        .collect();
    assert_eq!(
        missing,
        [
            &serde_json::json!({"kind": "threshold", "tier": "mid-kenshin", "on": "beds", "value": 20, "inside": true}),
            &serde_json::json!({"kind": "window", "day": "opens-eve", "date": "2024-02-29"}),
        ]
    );
}

/// Without `--coverage`, `check` says nothing of it and does not fail for it.
#[test]
fn coverage_is_measured_only_when_asked() {
    let dir = without_example("as_of = \"2024-02-29\"");
    let out = subsidy()
        .lang("en")
        .args(["check", dir.path().to_str().unwrap(), "--as-of", AS_OF])
        .args(["--allow", "all-deadlines-passed", "--format", "json"])
        .output();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report.get("coverage").is_none(), "{report}");
}

/// A catalogue whose examples cannot run (an error before them) has no
/// coverage to give: it says so, and fails.
#[test]
fn a_broken_catalogue_has_no_coverage() {
    let run = subsidy()
        .lang("en")
        .args(["check", "tests/broken/rate-out-of-range", "--coverage"])
        .args(["--as-of", "2025-11-01"])
        .run();
    assert_eq!(run.code, 1);
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(
        text.contains(
            "coverage not measured: the rule data has errors, so the worked examples were not run"
        ),
        "{text}"
    );
}
