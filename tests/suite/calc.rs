//! `subsidy calc`: what a facility gets, how much and until when, through
//! the command as users run it (JSON for the figures, the table for what
//! is shown). Amounts are worked by hand from the sources each test cites.

use serde_json::Value;

use crate::support::{json, refused, stdout, subsidy};

/// The result for `program` (and `variant`) in a `calc --format json` output.
fn result<'a>(output: &'a Value, program: &str, variant: Option<&str>) -> &'a Value {
    output["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == program && r["variant"].as_str() == variant)
        .unwrap_or_else(|| panic!("no result for {program} {variant:?}"))
}

const AS_OF: [&str; 2] = ["--as-of", "2026-11-21"];

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
    // Open, then the frames without an opening date, then the one
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
    // Amounts in English read in yen, and counts agree
    // with their nouns (it said 6,579,000円 and 1 program(s), 1 tier(s)).
    assert!(table.contains("6,579,000 yen"), "{table}");
    assert!(!table.contains('円'), "{table}");
    assert!(
        table.contains("Can be applied for: 1 program, 1 tier. Recommended: 6,579,000 yen in all"),
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
        several.contains(
            "Can be applied for: 18 programs, 30 tiers. Recommended: 6,579,000 yen in all"
        ),
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
        "要件 online-qual-in-place → 満たす",
        "要件 e-prescription-introduced → 未確認",
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

/// 9 members for 複数者連携 is a result, 対象外, not a usage
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

/// 有床診療所 has 1–19 beds and 無床診療所 none (医療法).
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
        .lang("en")
        .args(["batch", "--all", "--as-of", "2026-11-21"])
        .stdin(
            "facility,beds,cost,program\n\
             有床診療所,,2000000,fukuoka-work-environment\n\
             有床診療所,19,2000000,fukuoka-work-environment\n\
             無床診療所,3,2000000,fukuoka-work-environment\n",
        )
        .output();
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

/// `calc --all` gave a pharmacy five rows of
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

/// The work-environment programs state no rate (003 No.13
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
