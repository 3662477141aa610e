//! The `subsidy` command as users run it: outputs, and every kind of bad input.

use assert_cmd::Command;
use serde_json::Value;

fn subsidy() -> Command {
    let mut cmd = Command::cargo_bin("subsidy").unwrap();
    cmd.env_remove("NO_COLOR");
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
    let out = subsidy().args(args).output().unwrap();
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
    assert_eq!(first["sources"][0]["seed"], "001_3a71eb742850433a.txt");
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
    assert!(
        statuses[..first_closed].iter().all(|s| *s == "open"),
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
    assert!(table.contains("6,579,000円"));
    assert!(!table.contains("令和"));
}

// ---------------------------------------------------------------- list, show

#[test]
fn list_every_program_with_status() {
    let out = json(&["list", "--as-of", "2026-11-21"]);
    let programs = out["programs"].as_array().unwrap();
    assert_eq!(programs.len(), 13);
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
        "001_3a71eb742850433a.txt",
        "導入完了",
        "2031-03-31",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
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
fn refuses_more_than_one_cho_yen() {
    refused(
        &[&HOSPITAL[..], &["--cost", "1000000000001"]].concat(),
        &["--cost", "1000000000001", "1兆円"],
    );
}

#[test]
fn refuses_a_hospital_under_20_beds() {
    refused(
        &["calc", "--facility", "hospital", "--beds", "10"],
        &["--beds", "'10'", "20 beds"],
    );
    refused(&["calc", "--facility", "hospital"], &["--beds", "'0'"]);
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
