//! The `subsidy` command as users run it: outputs, and every kind of bad input.

use assert_cmd::Command;
use serde_json::Value;

fn subsidy() -> Command {
    let mut cmd = Command::cargo_bin("subsidy").unwrap();
    cmd.env_remove("NO_COLOR");
    // Content, not layout: wide enough that no line wraps (tests/cmd holds the layouts).
    cmd.env("COLUMNS", "1000");
    cmd
}

/// Runs and parses JSON stdout, asserting success.
fn json(args: &[&str]) -> Value {
    let out = subsidy()
        .args(args)
        .arg("--format")
        .arg("json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = subsidy().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Asserts the bad-input contract: exit 2, nothing on stdout, one line on
/// stderr that contains each of `needles`. Returns the line.
fn refused(args: &[&str], needles: &[&str]) -> String {
    // The English messages; tests/japanese.rs reads the Japanese ones.
    let out = subsidy()
        .env("SUBSIDY_LANG", "en")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "args {args:?}, stderr: {stderr}"
    );
    assert!(out.stdout.is_empty(), "stdout not empty for {args:?}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "{stderr:?} lacks {needle:?}");
    }
    stderr
}

fn result<'a>(output: &'a Value, program: &str, variant: Option<&str>) -> &'a Value {
    output["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == program && r["variant"].as_str() == variant)
        .unwrap_or_else(|| panic!("no result for {program} {variant:?}"))
}

const AS_OF: [&str; 2] = ["--as-of", "2026-11-21"];

// ---------------------------------------------------------------- calc

#[test]
fn design_card_pays_6_579_000_from_ehr_sharing_first() {
    // 001 / 003 No.12: 14,000,000 capped at 13,158,000 × 1/2 = 6,579,000; open until 2031-09-30.
    let args = [
        "calc",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--cost",
        "14000000",
    ];
    let out = json(&[&args[..], &AS_OF].concat());
    let first = &out["results"][0];
    assert_eq!(first["program"], "ehr-sharing");
    assert_eq!(first["tier_id"], "large-kenshin");
    assert_eq!(first["eligible_cost"], 13_158_000);
    assert_eq!(first["rate"], "1/2");
    assert_eq!(first["grant"], 6_579_000);
    assert_eq!(first["grant_cap"], 6_579_000);
    assert_eq!(first["self_burden"], 14_000_000 - 6_579_000);
    assert_eq!(first["deadline"], "2031-09-30");
    assert_eq!(first["status"], "open");
    assert_eq!(first["days_left"], 1774);
    assert_eq!(first["sources"][0]["document"], "001_3a71eb742850433a.txt");
    assert_eq!(out["as_of"], "2026-11-21");

    let table = stdout(&[&args[..], &AS_OF].concat());
    assert!(table.contains("6,579,000円"), "{table}");
    assert!(table.contains("電子カルテ情報共有"), "{table}");
    assert!(table.contains("ehr-sharing"));
    assert!(table.contains("2031-09-30"));
    assert!(table.contains("令和13年9月30日"));
}

#[test]
fn open_windows_come_first() {
    let out = json(&[
        "calc",
        "--facility",
        "clinic",
        "--cost",
        "100000",
        "--as-of",
        "2026-01-20",
    ]);
    let statuses: Vec<&str> = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    let first_closed = statuses.iter().position(|s| *s == "closed").unwrap();
    // Open, then the frames without an opening date (issue 14), then the one
    // without any date (national-work-environment), then closed.
    assert!(
        statuses[..first_closed]
            .iter()
            .all(|s| matches!(*s, "open" | "opening-not-stated" | "unknown")),
        "{statuses:?}"
    );
    assert!(
        statuses[..first_closed].is_sorted_by_key(|s| *s != "open"),
        "{statuses:?}"
    );
    assert!(
        statuses[first_closed..].iter().all(|s| *s != "open"),
        "{statuses:?}"
    );
    // 003 No.8: open until 2026-01-31; No.9: until 2026-03-31.
    assert!(statuses[..first_closed].len() >= 2);
}

#[test]
fn issue_worked_examples_through_the_cli() {
    let grant = |args: &[&str], program: &str, variant: Option<&str>| {
        result(&json(&[args, &AS_OF].concat()), program, variant)["grant"]
            .as_i64()
            .unwrap()
    };
    let ehr = [
        "calc",
        "--program",
        "ehr-sharing",
        "--facility",
        "hospital",
        "--beds",
        "120",
        "--kenshin",
        "no",
        "--cost",
        "6000000",
    ];
    assert_eq!(grant(&ehr, "ehr-sharing", None), 3_000_000);
    let basic = [
        "calc",
        "--program",
        "e-prescription",
        "--variant",
        "basic",
        "--facility",
        "clinic",
        "--cost",
        "300000",
    ];
    assert_eq!(grant(&basic, "e-prescription", Some("basic")), 150_000);
    let plus = [
        "calc",
        "--program",
        "e-prescription",
        "--variant",
        "basic-plus-new",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--cost",
        "9000000",
    ];
    assert_eq!(
        grant(&plus, "e-prescription", Some("basic-plus-new")),
        2_007_000
    );
    let aid = [
        "calc",
        "--program",
        "online-qual-medical-aid",
        "--facility",
        "clinic",
        "--cost",
        "60000",
    ];
    assert_eq!(grant(&aid, "online-qual-medical-aid", None), 45_000);
    let phone = [
        "calc",
        "--program",
        "online-qual-smartphone",
        "--facility",
        "clinic",
        "--cost",
        "12345",
    ];
    assert_eq!(grant(&phone, "online-qual-smartphone", None), 6_173);
    let work = [
        "calc",
        "--program",
        "fukuoka-work-environment",
        "--facility",
        "hospital",
        "--beds",
        "60",
        "--cost",
        "5000000",
    ];
    assert_eq!(grant(&work, "fukuoka-work-environment", None), 2_400_000);
}

#[test]
fn closed_programs_still_show_the_grant() {
    // 003 No.1: deadline 2026-01-15; 60,000 × 3/4 = 45,000.
    let out = json(&[
        "calc",
        "--program",
        "online-qual-medical-aid",
        "--facility",
        "clinic",
        "--cost",
        "60000",
        "--as-of",
        "2026-11-21",
    ]);
    let r = result(&out, "online-qual-medical-aid", None);
    assert_eq!(r["status"], "closed");
    assert_eq!(r["deadline"], "2026-01-15");
    assert_eq!(r["grant"], 45_000);
}

#[test]
fn money_in_every_accepted_form() {
    for cost in [
        "14000000",
        "14,000,000",
        "14000000円",
        "1400万",
        "1,400万円",
        "１４００００００",
    ] {
        let out = json(&[
            "calc",
            "--program",
            "ehr-sharing",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
            "--cost",
            cost,
            "--as-of",
            "2026-11-21",
        ]);
        assert_eq!(out["results"][0]["grant"], 6_579_000, "{cost}");
        assert_eq!(out["results"][0]["cost"], 14_000_000, "{cost}");
    }
}

#[test]
fn a_program_with_variants_shows_every_variant() {
    let out = json(&[
        "calc",
        "--program",
        "e-prescription",
        "--facility",
        "clinic",
        "--cost",
        "300000",
        "--as-of",
        "2026-01-01",
    ]);
    let variants: Vec<&str> = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["variant"].as_str().unwrap())
        .collect();
    assert_eq!(variants, ["basic", "basic-plus-new"]);
}

#[test]
fn unknown_kenshin_lists_both_tiers_to_confirm() {
    let out = json(&[
        "calc",
        "--program",
        "ehr-sharing",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--cost",
        "14000000",
        "--as-of",
        "2026-11-21",
    ]);
    let results = out["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for r in results {
        assert_eq!(r["eligibility"], "unknown");
        let codes: Vec<&str> = r["to_confirm"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"kenshin"), "{codes:?}");
    }
    let grants: Vec<i64> = results
        .iter()
        .map(|r| r["grant"].as_i64().unwrap())
        .collect();
    assert_eq!(grants, [6_579_000, 5_081_000]);
}

#[test]
fn items_cap_each_line() {
    // 003 No.2 病院: min(50,000, 41,000) + min(800,000, 781,000) = 822,000 × 1/2 = 411,000.
    let out = json(&[
        "calc",
        "--program",
        "online-qual-home-care",
        "--facility",
        "hospital",
        "--beds",
        "100",
        "--item",
        "mobile=50000",
        "--item",
        "rececon=800,000円",
        "--as-of",
        "2026-01-01",
    ]);
    let r = result(&out, "online-qual-home-care", None);
    assert_eq!(r["grant"], 411_000);
    assert_eq!(r["cost"], 850_000);
    assert_eq!(r["items"][0]["counted"], 41_000);
    assert_eq!(r["items"][1]["counted"], 781_000);
}

#[test]
fn clinics_get_no_ehr_tier_and_pharmacies_no_borrowed_figures() {
    let out = json(&[
        "calc",
        "--program",
        "ehr-sharing",
        "--facility",
        "clinic",
        "--beds",
        "19",
        "--cost",
        "1000000",
        "--as-of",
        "2026-11-21",
    ]);
    let r = result(&out, "ehr-sharing", None);
    assert_eq!(r["eligibility"], "ineligible");
    assert_eq!(r["grant"], Value::Null);
    assert_eq!(r["reasons"][0]["code"], "facility-not-covered");

    let out = json(&[
        "calc",
        "--program",
        "online-qual-medical-aid",
        "--facility",
        "pharmacy",
        "--cost",
        "60000",
        "--as-of",
        "2026-11-21",
    ]);
    let r = result(&out, "online-qual-medical-aid", None);
    assert_eq!(r["eligibility"], "unknown");
    assert_eq!(r["grant"], Value::Null);
    assert_eq!(r["reasons"][0]["code"], "no-tier-for-facility");
}

#[test]
fn unreachable_cap_is_explained() {
    // 001: 10,913,000 × 1/2 = 5,456,500 → 5,456,000, below the published 5,457,000.
    let out = json(&[
        "calc",
        "--program",
        "ehr-sharing",
        "--facility",
        "hospital",
        "--beds",
        "150",
        "--kenshin",
        "yes",
        "--cost",
        "20000000",
        "--as-of",
        "2026-11-21",
    ]);
    let r = result(&out, "ehr-sharing", None);
    assert_eq!(r["grant"], 5_456_000);
    assert_eq!(r["grant_before_rounding"], "5456500");
    assert_eq!(r["notes"][0]["code"], "cap-unreachable");
}

#[test]
fn english_on_request() {
    let table = stdout(&[
        "--lang",
        "en",
        "calc",
        "--program",
        "ehr-sharing",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--cost",
        "14000000",
        "--as-of",
        "2026-11-21",
    ]);
    assert!(table.contains("Grant"), "{table}");
    assert!(table.contains("EHR information sharing"), "{table}");
    assert!(!table.contains("令和"));
    // Issue 21, item 11: amounts in English read in yen, and counts agree
    // with their nouns (it said 6,579,000円 and 1 program(s), 1 tier(s)).
    assert!(table.contains("6,579,000 yen"), "{table}");
    assert!(!table.contains('円'), "{table}");
    assert!(
        table.contains("Can be applied for: 1 program, 1 tier. Largest: 6,579,000 yen from"),
        "{table}"
    );
    let several = stdout(&[
        "--lang",
        "en",
        "calc",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--cost",
        "14000000",
        "--as-of",
        "2025-12-01",
    ]);
    assert!(
        several.contains("Can be applied for: 18 programs, 30 tiers. Largest: 6,579,000 yen"),
        "{several}"
    );
    assert!(
        several.contains(
            "Cannot be applied for, so not shown: 1 tier of 1 program (no period stated 1)"
        ),
        "{several}"
    );
    assert!(several.contains("Cost: 14,000,000 yen"), "{several}");
    assert!(several.contains("2129 days left"), "{several}");
    let last_day = stdout(&[
        "--lang",
        "en",
        "calc",
        "--program",
        "ehr-sharing",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--as-of",
        "2031-09-29",
    ]);
    assert!(last_day.contains("1 day left"), "{last_day}");
}

// ---------------------------------------------------------------- list, show

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
fn show_lists_tiers_with_the_largest_payable_grant() {
    let text = stdout(&["show", "ehr-sharing", "--as-of", "2026-11-21"]);
    for needle in [
        "13,158,000円",
        "6,579,000円",
        "5,457,000円",
        "5,456,000円",
        "10,912,000円",
        "申請額1,000円未満切捨て",
        "0800-080-4583",
        "[001] 日医発第1203号(情シ)「医療DXに関するシステムの導入等で活用できる補助金まとめ」",
        "（2025-10-21、信頼度 高）",
        "導入完了",
        "2031-03-31",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
    // Sources are named by title and date, not by the internal seed file name.
    assert!(!text.contains(".txt"), "{text}");
    let out = json(&["show", "ehr-sharing", "--as-of", "2026-11-21"]);
    let payable = out["largest_payable"].as_array().unwrap();
    let mid = payable.iter().find(|p| p["tier"] == "mid-kenshin").unwrap();
    assert_eq!(mid["grant"], 5_456_000);
    assert_eq!(out["program"]["tiers"][0]["rate"], "1/2");
}

#[test]
fn show_items_for_split_programs() {
    let text = stdout(&["show", "online-qual-home-care", "--as-of", "2026-01-01"]);
    assert!(text.contains("mobile"));
    assert!(text.contains("781,000円"));
    assert!(text.contains("130,000円"));
}

// ---------------------------------------------------------------- --data

#[test]
fn data_dir_loads_another_catalogue() {
    let dir = std::env::temp_dir().join(format!("subsidy-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("data/ehr-sharing.toml")
        .unwrap()
        .replace("6_579_000", "6_000_000");
    std::fs::write(dir.join("ehr-sharing.toml"), text).unwrap();
    let out = json(&[
        "--data",
        dir.to_str().unwrap(),
        "calc",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--cost",
        "14000000",
        "--as-of",
        "2026-11-21",
    ]);
    assert_eq!(out["results"].as_array().unwrap().len(), 1);
    assert_eq!(out["results"][0]["grant"], 6_000_000);

    std::fs::write(dir.join("broken.toml"), "id = 3\n").unwrap();
    refused(&["--data", dir.to_str().unwrap(), "list"], &["broken.toml"]);
    std::fs::remove_dir_all(&dir).unwrap();
    refused(
        &["--data", dir.to_str().unwrap(), "list"],
        &["subsidy-data-"],
    );
}

// ---------------------------------------------------------------- bad input

const HOSPITAL: [&str; 5] = ["calc", "--facility", "hospital", "--beds", "250"];

#[test]
fn refuses_negative_money() {
    refused(
        &[&HOSPITAL[..], &["--cost", "-5"]].concat(),
        &["--cost", "-5", "negative"],
    );
    refused(
        &[&HOSPITAL[..], &["--cost=－５００"]].concat(),
        &["--cost", "negative"],
    );
}

#[test]
fn refuses_non_numbers() {
    refused(
        &[&HOSPITAL[..], &["--cost", "abc"]].concat(),
        &["--cost", "abc"],
    );
    refused(
        &[&HOSPITAL[..], &["--cost", "1.5"]].concat(),
        &["--cost", "1.5"],
    );
    refused(
        &[&HOSPITAL[..], &["--cost", "14,00,000"]].concat(),
        &["--cost", "14,00,000"],
    );
}

#[test]
fn refuses_money_that_only_looks_like_a_number() {
    // Issue 10: NFKC read 10² as 102 and ①②③ as 123; a split on 万 read 1万12345 as 22,345.
    refused(
        &[&HOSPITAL[..], &["--cost", "10²"]].concat(),
        &[
            "--cost",
            "'10²'",
            "'²' (U+00B2) is not a digit 0-9",
            "try 14000000",
        ],
    );
    refused(
        &[&HOSPITAL[..], &["--cost", "1 4"]].concat(),
        &["--cost", "'1 4'", "a space inside the number"],
    );
    refused(
        &[&HOSPITAL[..], &["--cost", "1億20000万"]].concat(),
        &[
            "--cost",
            "between 億 and 万 must be below 10000",
            "try 1億9999万",
        ],
    );
    refused(
        &[&HOSPITAL[..], &["--item", "mobile=1万12345"]].concat(),
        &["--item", "after 万 must be below 10000"],
    );
}

#[test]
fn refuses_more_than_one_cho_yen() {
    refused(
        &[&HOSPITAL[..], &["--cost", "1000000000001"]].concat(),
        &["--cost", "1000000000001", "1兆円"],
    );
}

#[test]
fn one_cho_yen_itself_is_a_cost() {
    // The documented limit is accepted in digits and with 兆 alike; one yen more is not.
    for cost in ["1000000000000", "1兆", "1兆円"] {
        let out = json(
            &[
                &HOSPITAL[..],
                &[
                    "--program",
                    "ehr-sharing",
                    "--kenshin",
                    "yes",
                    "--cost",
                    cost,
                ],
                &["--as-of", "2026-11-21"],
            ]
            .concat(),
        );
        assert_eq!(out["results"][0]["cost"], 1_000_000_000_000_u64, "{cost}");
        // 001: min(1兆, 事業額上限 13,158,000) × 1/2 = 6,579,000 (大規模病院・健診実施).
        assert_eq!(out["results"][0]["grant"], 6_579_000, "{cost}");
    }
    refused(
        &[&HOSPITAL[..], &["--cost", "1兆1円"]].concat(),
        &["--cost", "1兆円 are refused"],
    );
}

#[test]
fn refuses_a_hospital_under_20_beds() {
    refused(
        &["calc", "--facility", "hospital", "--beds", "10"],
        &["--beds", "'10'", "20 beds"],
    );
    // No --beds: asked for, not refused as a 0 nobody typed (issue 12).
    let line = refused(
        &["calc", "--facility", "hospital"],
        &["missing --beds", "20"],
    );
    assert!(!line.contains("'0'"), "{line}");
}

#[test]
fn refuses_a_clinic_over_19_beds_and_a_pharmacy_with_beds() {
    refused(
        &["calc", "--facility", "clinic", "--beds", "20"],
        &["--beds", "'20'", "19"],
    );
    refused(
        &["calc", "--facility", "pharmacy", "--beds", "3"],
        &["--beds", "'3'", "pharmacy"],
    );
}

#[test]
fn refuses_unknown_program_with_a_suggestion() {
    refused(
        &[&HOSPITAL[..], &["--program", "ehr-shareing"]].concat(),
        &["--program", "ehr-shareing", "did you mean 'ehr-sharing'"],
    );
    refused(
        &["show", "e-prescriptoin"],
        &["e-prescriptoin", "did you mean 'e-prescription'"],
    );
}

#[test]
fn refuses_unknown_variant_with_a_suggestion() {
    refused(
        &[
            &HOSPITAL[..],
            &["--program", "e-prescription", "--variant", "basik"],
        ]
        .concat(),
        &["--variant", "basik", "did you mean 'basic'"],
    );
    refused(
        &[
            &HOSPITAL[..],
            &["--program", "ehr-sharing", "--variant", "basic"],
        ]
        .concat(),
        &["--variant", "basic"],
    );
}

#[test]
fn a_long_or_multi_line_value_is_quoted_short_on_one_line() {
    // Issue 10, defect 13: errors quoted the whole value, line breaks and all.
    // 100,000 characters: about the most one argument may hold (128 KiB on Linux).
    let long = "x".repeat(100_000);
    let cut = format!("'{}…'", "x".repeat(60));
    for args in [
        vec!["--program", long.as_str()],
        vec!["--prefecture", long.as_str()],
        vec!["--cost", long.as_str()],
    ] {
        let stderr = refused(&[&HOSPITAL[..], &args].concat(), &[args[0], &cut]);
        assert!(stderr.len() < 300, "{args:?}: {} bytes", stderr.len());
    }
    let stderr = refused(&["show", &long], &["ID", &cut]);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    refused(
        &[&HOSPITAL[..], &["--cost", "1400\n0000"]].concat(),
        &["--cost", "'1400\\n0000'", "a space inside the number"],
    );
    refused(
        &[&HOSPITAL[..], &["--fact", "online-qual-in-place=y\nes"]].concat(),
        &["--fact", "'online-qual-in-place=y\\nes'", "not yes or no"],
    );
    refused(
        &[&HOSPITAL[..], &["--variant", "basic\nplus"]].concat(),
        &["--variant", "'basic\\nplus'"],
    );
    refused(&[&HOSPITAL[..], &["x\ny"]].concat(), &["'x\\ny'"]);
}

#[test]
fn refuses_bad_flags_values_and_dates() {
    refused(
        &["calc", "--facility", "hospitl", "--beds", "250"],
        &["--facility", "hospitl", "hospital"],
    );
    refused(
        &[&HOSPITAL[..], &["--kenshin", "maybe"]].concat(),
        &["--kenshin", "maybe"],
    );
    refused(
        &[&HOSPITAL[..], &["--as-of", "2026-02-30"]].concat(),
        &["--as-of", "2026-02-30"],
    );
    refused(
        &["calc", "--facility", "hospital", "--beds", "many"],
        &["--beds", "many"],
    );
    refused(
        &["calc", "--facility", "hospital", "--beds", "-20"],
        &["--beds", "-20"],
    );
    refused(&["calc", "--beds", "250"], &["--facility"]);
    refused(&["list", "--format", "xml"], &["--format", "xml"]);
}

#[test]
fn refuses_bad_items() {
    refused(
        &[&HOSPITAL[..], &["--item", "mobile"]].concat(),
        &["--item", "mobile", "KEY=YEN"],
    );
    refused(
        &[&HOSPITAL[..], &["--item", "mobile=-3"]].concat(),
        &["--item", "mobile=-3", "negative"],
    );
    refused(
        &[&HOSPITAL[..], &["--item", "mobil=3000"]].concat(),
        &["--item", "mobil=3000", "did you mean 'mobile'"],
    );
    refused(
        &[&HOSPITAL[..], &["--item", "mobile=1", "--item", "mobile=2"]].concat(),
        &["--item", "twice"],
    );
    refused(
        &[
            &HOSPITAL[..],
            &["--program", "ehr-sharing", "--item", "mobile=3000"],
        ]
        .concat(),
        &["--item", "mobile=3000", "use --cost"],
    );
}

#[test]
fn refuses_cost_alone_for_a_named_program_that_splits_items() {
    refused(
        &[
            &HOSPITAL[..],
            &["--program", "online-qual-home-care", "--cost", "500000"],
        ]
        .concat(),
        &["--cost", "500000", "--item mobile=YEN --item rececon=YEN"],
    );
}

#[test]
fn help_and_version_go_to_stdout() {
    let help = stdout(&["--help"]);
    assert!(help.contains("calc"));
    let version = stdout(&["--version"]);
    assert!(version.starts_with("subsidy "));
}

// ---------------------------------------------------------------- eligibility (issue 3)

const EHR_250: [&str; 12] = [
    "calc",
    "--program",
    "ehr-sharing",
    "--facility",
    "hospital",
    "--beds",
    "250",
    "--kenshin",
    "yes",
    "--cost",
    "14000000",
    "--as-of=2026-11-21",
];

#[test]
fn ehr_sharing_is_unknown_until_both_facts_are_stated() {
    // 003 No.12: 既にオンライン資格確認等システム及び電子処方箋管理サービスを導入した病院.
    let r = json(&EHR_250)["results"][0].clone();
    assert_eq!(r["eligibility"], "unknown");
    let facts: Vec<&str> = r["to_confirm"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(facts.len(), 2, "{facts:?}");
    assert!(
        facts[0].contains("--fact online-qual-in-place=yes|no"),
        "{facts:?}"
    );
    assert!(
        facts[1].contains("--fact e-prescription-introduced=yes|no"),
        "{facts:?}"
    );
    assert_eq!(r["grant"], 6_579_000, "the grant is still computed");

    let yes = [
        &EHR_250[..],
        &[
            "--fact",
            "online-qual-in-place=yes",
            "--fact",
            "e-prescription-introduced=yes",
        ],
    ]
    .concat();
    let r = json(&yes)["results"][0].clone();
    assert_eq!(r["eligibility"], "eligible");
    assert_eq!(r["to_confirm"], Value::Array(vec![]));

    let no = [&EHR_250[..], &["--fact", "online-qual-in-place=no"]].concat();
    let r = json(&no)["results"][0].clone();
    assert_eq!(r["eligibility"], "ineligible");
    assert_eq!(r["reasons"][0]["code"], "condition-not-met");
    assert_eq!(r["grant"], 6_579_000);

    let table = stdout(&no);
    assert!(table.contains("対象外"), "{table}");
    assert!(table.contains("要件を満たしません"), "{table}");
    let table = stdout(&EHR_250);
    assert!(table.contains("要確認"), "{table}");
    let table = stdout(&yes);
    assert!(table.lines().any(|l| l.starts_with("1  対象  ")), "{table}");
}

#[test]
fn stacked_grants_show_each_the_sum_and_the_self_pay() {
    // 003 No.9 ① 大規模病院 1/3 + No.11 ① 1/6 on 3,000,000 → 1,000,000 + 500,000.
    let args = [
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
    ];
    let out = json(&args);
    let stack = &out["stacks"][0];
    assert_eq!(stack["base"]["program"], "e-prescription");
    assert_eq!(stack["base"]["grant"], 1_000_000);
    assert_eq!(stack["top"]["program"], "fukuoka-e-prescription");
    assert_eq!(stack["top"]["grant"], 500_000);
    assert_eq!(stack["combined_grant"], 1_500_000);
    assert_eq!(stack["self_burden"], 1_500_000);
    let table = stdout(&args);
    assert!(table.contains("1,000,000円 + "), "{table}");
    assert!(table.contains("= 1,500,000円"), "{table}");
}

#[test]
fn explain_traces_conditions_and_every_step_with_sources() {
    let args = [
        &EHR_250[..],
        &["--fact", "online-qual-in-place=yes", "--explain"],
    ]
    .concat();
    let table = stdout(&args);
    for needle in [
        "14,000,000",
        "事業額上限 13,158,000 で頭打ち",
        "× 補助率 1/2",
        "補助限度額 6,579,000 で頭打ち",
        "申請額1,000円未満切捨て",
        "--fact online-qual-in-place → 満たす",
        "--fact e-prescription-introduced → 未確認",
        "[001] 補助金申請期間",
        "[001] 日医発第1203号",
        "KB0010765",
        "消費税",
    ] {
        assert!(table.contains(needle), "explain lacks {needle:?}:\n{table}");
    }
    let trace = json(&args)["results"][0]["trace"].clone();
    let steps: Vec<&str> = trace["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "cost",
            "business-cost-cap",
            "rate",
            "grant-cap",
            "rounding",
            "self-burden"
        ]
    );
    let values: Vec<&str> = trace["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        values,
        [
            "14000000", "13158000", "6579000", "6579000", "6579000", "7421000"
        ]
    );
    assert_eq!(
        trace["steps"][1]["source"]["document"],
        "001_3a71eb742850433a.txt"
    );
    assert_eq!(trace["conditions"][0]["holds"], true);
    assert_eq!(trace["conditions"][1]["holds"], Value::Null);
    assert_eq!(
        trace["window"]["source"]["document"],
        "001_3a71eb742850433a.txt"
    );
    // Without --explain the JSON carries no trace.
    assert_eq!(json(&EHR_250)["results"][0].get("trace"), None);
}

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
    // frames, whose sources state no opening date (issue 14): before their
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
fn show_lists_the_facts_a_program_asks() {
    let text = stdout(&["show", "fukuoka-work-environment", "--as-of", "2026-11-21"]);
    for needle in [
        "--fact base-up-fee-filed=yes|no",
        "--prefecture 福岡県",
        "--fact costs-not-otherwise-subsidised=yes|no",
        "消費税",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
}

#[test]
fn coupons_multiply_per_coupon_caps() {
    // 003 No.8: 病院 up to 3 coupons, each 1/2 of up to 14,000 → 7,000.
    let out = json(&[
        "calc",
        "--program",
        "online-qual-smartphone",
        "--facility",
        "hospital",
        "--beds",
        "100",
        "--coupons",
        "3",
        "--cost",
        "50000",
        "--as-of",
        "2026-01-01",
    ]);
    assert_eq!(out["results"][0]["grant"], 21_000);
    assert_eq!(out["results"][0]["grant_cap"], 21_000);
}

#[test]
fn refuses_unknown_and_conflicting_facts() {
    refused(
        &[&HOSPITAL[..], &["--fact", "online-qual=yes"]].concat(),
        &[
            "--fact",
            "online-qual=yes",
            "did you mean 'online-qual-in-place'",
        ],
    );
    refused(
        &[
            &HOSPITAL[..],
            &[
                "--fact",
                "online-qual-in-place=yes",
                "--fact",
                "online-qual-in-place=no",
            ],
        ]
        .concat(),
        &["--fact", "online-qual-in-place=no", "already given as yes"],
    );
    refused(
        &[&HOSPITAL[..], &["--fact", "online-qual-in-place=maybe"]].concat(),
        &["--fact", "maybe"],
    );
    refused(
        &["plan", "--facility", "clinic", "--fact", "base-up-fee=yes"],
        &["--fact", "did you mean 'base-up-fee-filed'"],
    );
}

#[test]
fn refuses_unknown_prefectures_and_too_many_coupons() {
    refused(
        &[&HOSPITAL[..], &["--prefecture", "fukuoak"]].concat(),
        &["--prefecture", "fukuoak", "did you mean 'fukuoka'"],
    );
    refused(
        &[
            "calc",
            "--facility",
            "clinic",
            "--coupons",
            "2",
            "--cost",
            "20000",
        ],
        &["--coupons", "'2'", "1 to 1"],
    );
    refused(
        &[&HOSPITAL[..], &["--coupons", "4"]].concat(),
        &["--coupons", "'4'", "1 to 3"],
    );
    refused(
        &[&HOSPITAL[..], &["--coupons", "0"]].concat(),
        &["--coupons", "'0'"],
    );
    refused(
        &[
            &HOSPITAL[..],
            &["--program", "ehr-sharing", "--coupons", "1"],
        ]
        .concat(),
        &["--coupons", "per coupon"],
    );
}

// ---------------------------------------------------------------- デジタル化・AI (issue 4)

#[test]
fn digital_ai_frames_through_the_cli() {
    // 004 インボイス対応類型: 500,000 + (1,000,000 − 666,666.67) × 2/3 = 722,222.
    let out = json(&[
        "calc",
        "--program",
        "digital-ai-invoice",
        "--facility",
        "clinic",
        "--functions",
        "2",
        "--cost",
        "1000000",
        "--as-of",
        "2026-06-01",
    ]);
    let r = &out["results"][0];
    assert_eq!(r["grant"], 722_222);
    assert_eq!(r["grant_before_rounding"], "6500000/9"); // 722,222.22…
    assert_eq!(r["rate"], "3/4→2/3");
    assert_eq!(r["deadline"], "2026-06-15");
    // セキュリティ対策推進枠 with --small-business: 600,000 × 2/3.
    let out = json(&[
        "calc",
        "--program",
        "digital-ai-security",
        "--facility",
        "clinic",
        "--small-business",
        "--cost",
        "600000",
        "--as-of",
        "2026-06-01",
    ]);
    assert_eq!(out["results"][0]["grant"], 400_000);
    assert_eq!(out["results"][0]["rate"], "2/3");
    // 通常枠 under the floor: ineligible, the 45,000 still shown.
    let out = json(&[
        "calc",
        "--program",
        "digital-ai-normal",
        "--facility",
        "clinic",
        "--processes",
        "1",
        "--cost",
        "90000",
        "--as-of",
        "2026-06-01",
    ]);
    assert_eq!(out["results"][0]["eligibility"], "ineligible");
    assert_eq!(out["results"][0]["grant"], 45_000);
    assert_eq!(out["results"][0]["grant_min"], 50_000);
    // Hardware parts in JSON.
    let out = json(&[
        "calc",
        "--program",
        "digital-ai-invoice",
        "--facility",
        "clinic",
        "--functions",
        "2",
        "--cost",
        "2000000",
        "--item",
        "pc=150000",
        "--item",
        "register=500000",
        "--as-of",
        "2026-06-01",
    ]);
    let r = &out["results"][0];
    assert_eq!(r["grant"], 1_663_888);
    assert_eq!(r["parts"][0]["grant"], "75000");
    assert_eq!(r["parts"][1]["grant"], "200000");
    // Without --processes both 通常枠 tiers show, each asking for it.
    let out = json(&[
        "calc",
        "--program",
        "digital-ai-normal",
        "--facility",
        "clinic",
        "--cost",
        "1000000",
        "--as-of",
        "2026-06-01",
    ]);
    assert_eq!(out["results"].as_array().unwrap().len(), 2);
    let explain = stdout(&[
        "calc",
        "--program",
        "digital-ai-invoice",
        "--facility",
        "clinic",
        "--functions",
        "2",
        "--cost",
        "1000000",
        "--as-of",
        "2026-06-01",
        "--explain",
    ]);
    assert!(explain.contains("× 補助率 3/4"), "{explain}");
    assert!(explain.contains("× 補助率 2/3"), "{explain}");
}

#[test]
fn show_explains_the_grant_tiered_rate_in_cost_terms() {
    let text = stdout(&["show", "digital-ai-invoice", "--as-of", "2026-06-01"]);
    for needle in [
        // Inexact figures end in `...` in the table (`…` is ambiguous width).
        "666,666.66...",
        "5,166,666.66...",
        "625,000",
        "5,125,000",
        "--small-business",
        "100,000円",
        "200,000円",
        "端数処理の記載なし",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
    let text = stdout(&["show", "digital-ai-normal", "--as-of", "2026-06-01"]);
    assert!(text.contains("50,000円〜1,500,000円未満"), "{text}");
    assert!(text.contains("1,500,000円〜4,500,000円"), "{text}");
}

#[test]
fn refuses_bad_frame_inputs() {
    let base = [
        "calc",
        "--facility",
        "clinic",
        "--cost",
        "100000",
        "--as-of",
        "2026-06-01",
    ];
    refused(
        &[
            &base[..],
            &["--program", "digital-ai-normal", "--processes", "0"],
        ]
        .concat(),
        &["--processes", "'0'", "at least 1"],
    );
    refused(
        &[
            &base[..],
            &["--program", "digital-ai-invoice", "--functions", "0"],
        ]
        .concat(),
        &["--functions", "'0'", "at least 1"],
    );
    refused(
        &[
            &base[..],
            &["--program", "digital-ai-invoice", "--item", "pc=-5"],
        ]
        .concat(),
        &["--item", "pc=-5", "negative"],
    );
    refused(
        &[&base[..], &["--processes", "-1"]].concat(),
        &["--processes", "-1"],
    );
    // 社会福祉法人 (004 ⑨) is not among the legal forms the tool judges.
    refused(
        &[&base[..], &["--entity", "social-welfare-corporation"]].concat(),
        &["--entity", "social-welfare-corporation", "company"],
    );
}

/// Issue 14: 9 members for 複数者連携 is a result, 対象外, not a usage
/// error: 004 「事業に参加する中小企業・小規模事業者等は「10者以上」であること等を要件とする」.
#[test]
fn nine_members_is_ineligible_not_a_usage_error() {
    let args = [
        "calc",
        "--facility",
        "clinic",
        "--cost",
        "100000",
        "--as-of",
        "2026-06-01",
        "--program",
        "digital-ai-multi",
        "--functions",
        "1",
    ];
    let nine = json(&[&args[..], &["--members", "9"]].concat());
    let results = nine["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        assert_eq!(result["eligibility"], "ineligible", "{result}");
        assert!(
            result["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["code"] == "too-few-members"),
            "{result}"
        );
        assert!(result["grant"].is_null(), "{result}");
    }
    // Ten members are enough: 1 function, 3/4 of 100,000 = 75,000円 (004 複数者連携 基盤導入経費).
    let ten = json(&[&args[..], &["--members", "10"]].concat());
    let results = ten["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{ten}");
    assert_ne!(results[0]["eligibility"], "ineligible", "{ten}");
    assert_eq!(results[0]["grant"], 75_000, "{ten}");
}

#[test]
fn facts_asked_by_a_tier_are_accepted() {
    // 004 通常枠 4プロセス以上: 賃金引上げ計画 (a tier's own condition).
    let out = json(&[
        "calc",
        "--program",
        "digital-ai-normal",
        "--facility",
        "clinic",
        "--processes",
        "4",
        "--cost",
        "3000000",
        "--fact",
        "wage-raise-plan=no",
        "--as-of",
        "2026-06-01",
    ]);
    assert_eq!(out["results"][0]["eligibility"], "ineligible");
    assert_eq!(out["results"][0]["grant"], 1_500_000);
}

#[test]
fn bare_subsidy_shows_usage_on_stderr() {
    let out = subsidy().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("使い方: subsidy"));
    let out = subsidy().env("SUBSIDY_LANG", "en").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: subsidy"));
}

#[test]
fn english_show_reads_as_english() {
    let text = stdout(&[
        "--lang",
        "en",
        "show",
        "digital-ai-security",
        "--as-of",
        "2026-06-01",
    ]);
    assert!(
        text.contains("Deadline: 2026-06-15 open (14 days left) (as of 2026-06-01)"),
        "{text}"
    );
    assert!(text.contains("1/2 (--small-business"), "{text}");
    assert!(
        text.contains("Authority: National (Small and Medium Enterprise Agency"),
        "{text}"
    );
}

/// Issue 21, item 2: 有床診療所 has 1–19 beds and 無床診療所 none (医療法).
/// 有床診療所 without `--beds` was taken as 0 beds and paid the 無床 tier:
/// 180,000円 where a 19-bed clinic in 福岡県 is due 19 × 40,000 = 760,000円
/// (003 No.13 「【病院・有床診療所（※）】補助上限額：許可病床数×４万円」).
#[test]
fn a_clinic_kind_and_its_beds_must_agree() {
    let clinic = ["calc", "--facility", "有床診療所", "--cost", "2000000"];
    refused(&clinic, &["missing --beds", "1 to 19", "e.g. 19"]);
    refused(
        &[&clinic[..], &["--beds", "0"]].concat(),
        &["'0'", "'--beds'", "e.g. 19"],
    );
    refused(
        &[
            "calc",
            "--facility",
            "無床診療所",
            "--beds",
            "5",
            "--cost",
            "2000000",
        ],
        &["'5'", "'--beds'", "無床診療所", "e.g. 0"],
    );
    let bedded = json(
        &[
            &clinic[..],
            &[
                "--beds",
                "19",
                "--prefecture",
                "福岡県",
                "--program",
                "fukuoka-work-environment",
            ],
            &AS_OF[..],
        ]
        .concat(),
    );
    assert_eq!(
        result(&bedded, "fukuoka-work-environment", None)["grant"],
        760_000
    );
    // 無床診療所 without --beds is a clinic with none: 003 No.13 【無床診療所】 18万円.
    let without = json(
        &[
            &["calc", "--facility", "無床診療所", "--cost", "2000000"][..],
            &[
                "--prefecture",
                "福岡県",
                "--program",
                "fukuoka-work-environment",
            ],
            &AS_OF[..],
        ]
        .concat(),
    );
    assert_eq!(
        result(&without, "fukuoka-work-environment", None)["grant"],
        180_000
    );
    // A batch row is refused in its row, naming the column; the others are computed.
    let out = subsidy()
        .env("SUBSIDY_LANG", "en")
        .args(["batch", "--all", "--as-of", "2026-11-21"])
        .write_stdin(
            "facility,beds,cost,program\n\
             有床診療所,,2000000,fukuoka-work-environment\n\
             有床診療所,19,2000000,fukuoka-work-environment\n\
             無床診療所,3,2000000,fukuoka-work-environment\n",
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[1].contains("missing beds") && lines[1].contains("1 to 19"),
        "{text}"
    );
    assert!(lines[2].contains(",760000,"), "{text}");
    assert!(lines[3].contains("value '3' for 'beds'"), "{text}");
}

/// Issue 21, item 7: `calc --all` gave a pharmacy five rows of
/// online-qual-public-aid-card, each 区分なし (003 No.7 has no pharmacy tier
/// in any of its five variants). Variants left out for the same reason are
/// one row; JSON keeps every result.
#[test]
fn variants_left_out_for_the_same_reason_are_one_row() {
    let args = [
        &[
            "calc",
            "--facility",
            "pharmacy",
            "--cost",
            "1000000",
            "--all",
        ][..],
        &AS_OF[..],
    ]
    .concat();
    let text = stdout(&args);
    assert_eq!(
        text.matches("(online-qual-public-aid-card)").count(),
        1,
        "{text}"
    );
    assert!(text.contains("（5区分とも同じ理由）"), "{text}");
    assert_eq!(text.matches("(e-prescription)").count(), 1, "{text}");
    let out = json(&args);
    let rows = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["program"] == "online-qual-public-aid-card")
        .count();
    assert_eq!(rows, 5);
}

/// Issue 21, item 12: the work-environment programs state no rate (003 No.13
/// gives only 補助上限額; 002 「定額給付」); the tool computes costs up to
/// the cap but never shows a rate of 1/1 it was not given.
#[test]
fn no_rate_is_shown_where_the_sources_state_none() {
    for id in ["national-work-environment", "fukuoka-work-environment"] {
        let shown = stdout(&["show", id]);
        assert!(!shown.contains("1/1"), "{id}: {shown}");
        assert!(
            shown.contains("記載なし（上限額までの経費をそのまま補助額として計算）"),
            "{id}: {shown}"
        );
    }
    let table = stdout(&[
        "calc",
        "--facility",
        "clinic",
        "--cost",
        "1000000",
        "--program",
        "fukuoka-work-environment",
        "--prefecture",
        "福岡県",
        "--as-of",
        "2025-12-01",
    ]);
    assert!(!table.contains("1/1"), "{table}");
    assert!(
        table.contains("180,000円  1,000,000円  記載なし"),
        "{table}"
    );
    // JSON keeps the rate computed with, and says it is not stated.
    let out = json(&[
        "calc",
        "--facility",
        "clinic",
        "--cost",
        "1000000",
        "--program",
        "fukuoka-work-environment",
        "--prefecture",
        "福岡県",
        "--as-of",
        "2025-12-01",
    ]);
    let r = result(&out, "fukuoka-work-environment", None);
    assert_eq!(
        (r["rate"].as_str(), r["rate_stated"].as_bool()),
        (Some("1/1"), Some(false))
    );
}

/// Issue 21, item 10: at 80 columns `show` printed its URLs at the hanging
/// indent of their label (lines of 89–116 columns). Every line of every
/// program now fits, but a URL wider than the line, which stands alone at
/// an indent of 2, whole.
#[test]
fn show_fits_80_columns_and_a_long_url_stands_alone_at_a_small_indent() {
    use unicode_width::UnicodeWidthStr as _;
    let ids: Vec<String> = json(&["list"])["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 19);
    // And at 60: the headings (中小企業・小規模事業者等の範囲…, 79 columns) too.
    for (lang, columns) in [("ja", 80), ("en", 80), ("ja", 60), ("en", 60)] {
        for id in &ids {
            let out = subsidy()
                .env("COLUMNS", columns.to_string())
                .args(["--lang", lang, "show", id, "--as-of", "2026-11-22"])
                .output()
                .unwrap();
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines().filter(|l| l.width_cjk() > columns) {
                let url = line.strip_prefix("  ").unwrap_or("");
                assert!(
                    url.starts_with("https://") && !url.contains(' '),
                    "{lang} {id} at {columns}: a line of {} columns: {line}",
                    line.width_cjk()
                );
            }
        }
    }
    // The URL of 申請方法 under its label, whole.
    let out = subsidy()
        .env("COLUMNS", "80")
        .args(["show", "ehr-sharing", "--as-of", "2026-11-22"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "申請方法: 医療機関等向け総合ポータルサイトから申請\n  https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&sysparm_article=KB0010765\n"
        ),
        "{text}"
    );
}

/// Issue 21, item 10: an error on a terminal (here a pseudo-terminal made by
/// util-linux `script`) is wrapped at the terminal's width under a hanging
/// indent, ids whole; piped, it stays one line (`refused` everywhere else).
#[test]
fn an_error_on_a_terminal_is_wrapped_at_its_width() {
    use unicode_width::UnicodeWidthStr as _;
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no util-linux `script` to make a terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("subsidy");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("'{}' show 電子処方箋", bin.display()),
            "/dev/null",
        ])
        .env("COLUMNS", "80")
        .env_remove("SUBSIDY_LANG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    assert!(
        lines[0].starts_with("エラー: ID の値 '電子処方箋' は使えません"),
        "{text}"
    );
    for line in &lines {
        assert!(
            line.width_cjk() <= 80,
            "{} columns: {line}",
            line.width_cjk()
        );
    }
    for line in &lines[1..] {
        assert!(line.starts_with("        "), "{text}");
    }
    let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join("|");
    assert!(joined.contains("e-prescription-expansion（"), "{joined}");
    assert!(joined.contains("fukuoka-e-prescription（"), "{joined}");
    // The same error piped: one line.
    refused(&["show", "電子処方箋"], &["e-prescription-expansion"]);
}
