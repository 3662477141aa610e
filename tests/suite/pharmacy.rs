//! A pharmacy in the デジタル化・AI frames, sized like any other business
//! by seed 004's table of who counts as a 中小企業・小規模事業者等
//! (日医発第390号, 中小企業庁 概要資料 令和8年4月, (参考)):
//!
//! 「④小売業 資本金の額又は出資の総額が5千万円以下の会社又は常時使用する
//! 従業員の数が50人以下の会社及び個人事業主」
//!
//! and its 電子取引類型 (インボイス枠), where large companies may apply too:
//!
//! 「補助額 350万円以下」「補助率 中小企業・小規模事業者等が申請する場合:2/3以内
//! 大企業等が申請する場合:1/2以内」
//!
//! 004 states no rounding rule: amounts are exact and truncated below 1円.
//! 002 (low–medium rank) names 薬局 among those the older IT導入補助金
//! covers; it does not give their size test, so 004's table decides.

use serde_json::Value;

use crate::support::subsidy;

/// A pharmacy in 電子取引類型 on a day its round is open (第2次申請締切日
/// 6月15日), with every fact the frame asks stated as met.
const ETRADE: [&str; 17] = [
    "calc",
    "--program",
    "digital-ai-etrade",
    "--facility",
    "pharmacy",
    "--cost",
    "3000000",
    "--as-of",
    "2026-06-01",
    "--fact",
    "it-support-vendor=yes",
    "--fact",
    "free-accounts-for-suppliers=yes",
    "--fact",
    "gbizid-prime=yes",
    "--fact",
    "security-action=yes",
];

/// `subsidy ARGS` at 100 columns, whatever the outcome.
fn run(args: &[&str]) -> std::process::Output {
    wide(args, 100)
}

/// `subsidy ARGS` on a screen `columns` wide (lines are wrapped to it).
fn wide(args: &[&str], columns: u32) -> std::process::Output {
    subsidy().columns(columns).args(args).output()
}

/// The one result of a `calc --format json` run that must succeed.
fn result(args: &[&str]) -> Value {
    let out = run(&[args, &["--format", "json"]].concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = json["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{json}");
    results[0].clone()
}

/// The pharmacy of [`ETRADE`] with these size flags.
fn etrade(size: &[&str]) -> Value {
    result(&[&ETRADE[..], size].concat())
}

/// The text of each thing to confirm.
fn to_confirm(result: &Value) -> Vec<String> {
    result["to_confirm"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_large_pharmacy_company_gets_half_in_the_etrade_type() {
    // Capital 100,000,000 > 5千万円 and 80 employees > 50人: neither limit of
    // ④小売業 is met, so a 大企業等: 3,000,000 × 1/2 = 1,500,000 (under 350万円).
    let r = etrade(&[
        "--entity",
        "company",
        "--capital",
        "100000000",
        "--employees",
        "80",
    ]);
    assert_eq!(r["grant"], 1_500_000, "{r}");
    assert_eq!(r["rate"], "1/2", "{r}");
    assert_eq!(r["eligibility"], "eligible", "{r}");
    assert_eq!(r["tier_id"], "etrade", "{r}");
    // The same with the capital written as people write it.
    let r = etrade(&[
        "--entity",
        "会社",
        "--capital",
        "1億円",
        "--employees",
        "80人",
    ]);
    assert_eq!(r["grant"], 1_500_000, "{r}");
}

#[test]
fn the_same_pharmacy_as_an_sme_gets_two_thirds() {
    // Capital 30,000,000 ≤ 5千万円: an SME whatever its employees
    // (「…5千万円以下の会社又は…50人以下の会社」): 3,000,000 × 2/3 = 2,000,000.
    let r = etrade(&[
        "--entity",
        "company",
        "--capital",
        "30000000",
        "--employees",
        "80",
    ]);
    assert_eq!(r["grant"], 2_000_000, "{r}");
    assert_eq!(r["rate"], "2/3", "{r}");
    assert_eq!(r["eligibility"], "eligible", "{r}");
    // 「以下」: exactly 5千万円 is still an SME.
    let r = etrade(&[
        "--entity",
        "company",
        "--capital",
        "5000万",
        "--employees",
        "80",
    ]);
    assert_eq!(r["grant"], 2_000_000, "{r}");
    // 5,250,000 × 2/3 = 3,500,000: the 350万円 cap is reached, not passed.
    let r = result(
        &[
            &ETRADE[..6],
            &["5250000"],
            &ETRADE[7..],
            &["--entity", "company", "--capital", "30000000"],
            &["--employees", "80"],
        ]
        .concat(),
    );
    assert_eq!(r["grant"], 3_500_000, "{r}");
}

#[test]
fn fifty_employees_make_an_sme_whatever_the_capital() {
    // 「又は」: 50 employees ≤ 50人 is enough, capital 100,000,000 or not.
    let r = etrade(&[
        "--entity",
        "company",
        "--capital",
        "100000000",
        "--employees",
        "50",
    ]);
    assert_eq!(
        (r["grant"].clone(), r["rate"].clone()),
        (2_000_000.into(), "2/3".into())
    );
    // One more, and both limits are passed: 1/2.
    let r = etrade(&[
        "--entity",
        "company",
        "--capital",
        "100000000",
        "--employees",
        "51",
    ]);
    assert_eq!(
        (r["grant"].clone(), r["rate"].clone()),
        (1_500_000.into(), "1/2".into())
    );
    // Employees alone settle it when they are within the limit…
    let r = etrade(&["--entity", "company", "--employees", "40"]);
    assert_eq!(
        (r["grant"].clone(), r["eligibility"].clone()),
        (2_000_000.into(), "eligible".into())
    );
    // … and a sole proprietor has no capital: 「50人以下の…個人事業主」.
    let r = etrade(&["--entity", "sole-proprietor", "--employees", "60"]);
    assert_eq!(
        (r["grant"].clone(), r["rate"].clone()),
        (1_500_000.into(), "1/2".into())
    );
}

#[test]
fn an_unknown_size_is_to_confirm_and_names_the_flags() {
    // Nothing said of the size: 要確認, computed at the SME rate and saying so,
    // never a silent 2/3.
    let r = etrade(&[]);
    assert_eq!(r["eligibility"], "unknown", "{r}");
    assert_eq!(r["grant"], 2_000_000, "{r}");
    let asks = to_confirm(&r);
    assert!(
        asks.iter().any(|m| m.contains("大企業等の補助率は 1/2")
            && m.contains("2/3 で計算")
            && m.contains("--entity company|sole-proprietor --capital YEN --employees N")),
        "{asks:?}"
    );
    // A company with 80 employees but no capital: the capital could still
    // make it an SME, so it stays unknown.
    let r = etrade(&["--entity", "company", "--employees", "80"]);
    assert_eq!(r["eligibility"], "unknown", "{r}");
    // A legal form the table gives no pharmacy limit for stays unknown too.
    let r = etrade(&["--entity", "medical-corporation", "--employees", "10"]);
    assert_eq!(r["eligibility"], "unknown", "{r}");
}

#[test]
fn an_unknown_size_in_english() {
    let r = etrade(&["--lang", "en"]);
    let asks = to_confirm(&r);
    assert!(
        asks.iter().any(|m| m.contains(
            "whether an SME or a large company (a large company gets 1/2; computed at the SME rate 2/3 until stated)"
        ) && m.contains("--capital YEN")),
        "{asks:?}"
    );
    let out = run(&[&ETRADE[..], &["--lang", "en"]].concat());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("to confirm"), "{text}");
    assert!(text.contains("--entity company|sole-proprietor"), "{text}");
}

#[test]
fn the_table_and_the_explanation_show_the_size_and_its_source() {
    // Wide enough that no line of the explanation wraps.
    let run = |args: &[&str]| wide(args, 400);
    let out = run(&[
        &ETRADE[..],
        &[
            "--entity",
            "company",
            "--capital",
            "100000000",
            "--employees",
            "80",
        ],
        &["--explain"],
    ]
    .concat());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "施設: 薬局・会社・資本金100,000,000円・従業員80人",
        "1,500,000円",
        "× 補助率 1/2",
        "規模: 薬局・会社・資本金100,000,000円・従業員80人 → 大企業等",
        "資本金50,000,000円以下または従業員50人以下",
        "④小売業",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
    let out = run(&[
        &ETRADE[..],
        &[
            "--entity",
            "company",
            "--capital",
            "30000000",
            "--employees",
            "80",
        ],
        &["--explain", "--lang", "en"],
    ]
    .concat());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("pharmacy, company, capital 30,000,000 yen, 80 employees → an SME"),
        "{text}"
    );
}

#[test]
fn the_sme_frames_leave_out_a_large_pharmacy() {
    // 通常枠 is for 中小企業・小規模事業者等 only: a pharmacy beyond ④ is
    // 対象外 (the amount is still shown), one within it is not.
    let normal = [
        "calc",
        "--program",
        "digital-ai-normal",
        "--facility",
        "pharmacy",
        "--processes",
        "2",
        "--cost",
        "1000000",
        "--as-of",
        "2026-06-01",
        "--entity",
        "company",
        "--employees",
        "80",
    ];
    let r = result(&[&normal[..], &["--capital", "100000000"]].concat());
    assert_eq!(r["eligibility"], "ineligible", "{r}");
    assert_eq!(r["grant"], 500_000, "{r}"); // 1,000,000 × 1/2
    let r = result(&[&normal[..], &["--capital", "30000000"]].concat());
    assert_ne!(r["eligibility"], "ineligible", "{r}");
    assert_eq!(r["grant"], 500_000, "{r}");
}

/// `subsidy ARGS` at 100 columns must be refused (the bad-input contract),
/// the line holding each needle.
fn refused(args: &[&str], needles: &[&str]) {
    subsidy().columns(100).args(args).refused(needles);
}

#[test]
fn a_capital_that_is_not_an_amount_is_refused() {
    let bad = [&ETRADE[..], &["--entity", "company", "--capital", "abc"]].concat();
    // Japanese by default: the flag, the value, and an example that works.
    refused(&bad, &["エラー: ", "--capital", "'abc'", "例: 14000000"]);
    refused(
        &[&bad[..], &["--lang", "en"]].concat(),
        &["error: ", "--capital", "'abc'", "try 14000000"],
    );
    refused(
        &[&ETRADE[..], &["--entity", "company", "--capital", "-1"]].concat(),
        &["--capital", "'-1'"],
    );
}

#[test]
fn a_capital_belongs_to_a_company() {
    // Without a legal form, or with one 004 judges by employees alone.
    refused(
        &[&ETRADE[..], &["--capital", "1億"]].concat(),
        &["--capital", "'100000000'", "--entity company"],
    );
    refused(
        &[
            &ETRADE[..],
            &[
                "--entity",
                "sole-proprietor",
                "--capital",
                "1億",
                "--lang",
                "en",
            ],
        ]
        .concat(),
        &["--capital", "only a company is judged by its capital"],
    );
    // --large-company states the size; it does not go with the figures.
    refused(
        &[&ETRADE[..], &["--large-company", "--employees", "80"]].concat(),
        &["--employees", "--large-company"],
    );
}

#[test]
fn large_company_states_the_size_where_no_figures_do() {
    // The statement alone: a 大企業等, 1/2.
    let r = etrade(&["--large-company"]);
    assert_eq!(
        (r["grant"].clone(), r["rate"].clone()),
        (1_500_000.into(), "1/2".into())
    );
}

#[test]
fn a_batch_reads_the_capital_column_in_any_order() {
    // 資本金 (the Japanese alias of `capital`) before the legal form.
    let input = "資本金,施設区分,法人形態,従業員数,経費,制度\n1億,薬局,会社,80,300万,digital-ai-etrade\n3000万,薬局,株式会社,80,300万,digital-ai-etrade\n,薬局,,,300万,digital-ai-etrade\n1億,薬局,,80,300万,digital-ai-etrade\n";
    let out = subsidy()
        .args(["batch", "--as-of", "2026-06-01", "--lang", "en"])
        .stdin(input)
        .output();
    // The last row is an error row: a capital without a company.
    assert_eq!(out.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let at = |name| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<(String, String, String, String)> = reader
        .records()
        .map(|r| r.unwrap())
        .map(|r| {
            (
                r[at("row")].to_string(),
                r[at("grant")].to_string(),
                r[at("to_confirm")].to_string(),
                r[at("error")].to_string(),
            )
        })
        .collect();
    assert_eq!(rows[0].1, "1500000", "{rows:?}");
    assert_eq!(rows[1].1, "2000000", "{rows:?}");
    // Unknown size: computed at 2/3, the columns that settle it named.
    assert_eq!(rows[2].1, "2000000", "{rows:?}");
    assert!(rows[2].2.contains("entity capital employees"), "{rows:?}");
    assert!(
        rows[3].3.contains("'capital'") && rows[3].3.contains("entity company capital 100000000"),
        "{rows:?}"
    );
}

#[test]
fn a_profile_holds_the_capital_and_a_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pharmacy.toml");
    // The capital before the legal form: read in any order, as a batch row.
    std::fs::write(
        &file,
        "facility = \"薬局\"\ncapital = \"1億\"\nentity = \"会社\"\nemployees = 80\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let base = [
        "calc",
        "--profile",
        file,
        "--program",
        "digital-ai-etrade",
        "--cost",
        "3000000",
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
    ];
    let json = |args: &[&str]| -> Value {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let doc = json(&base);
    assert_eq!(doc["facility"]["entity"], "company", "{doc}");
    assert_eq!(doc["facility"]["capital"], 100_000_000, "{doc}");
    assert_eq!(doc["facility"]["employees"], 80, "{doc}");
    assert_eq!(doc["results"][0]["grant"], 1_500_000, "{doc}");
    // A flag given overrides the file: 30,000,000 makes an SME (2/3).
    let doc = json(&[&base[..], &["--capital", "3000万"]].concat());
    assert_eq!(doc["results"][0]["grant"], 2_000_000, "{doc}");
    // A 医療法人 in the file has no capital: refused at the capital's line.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "facility = \"薬局\"\nentity = \"医療法人\"\ncapital = \"1億\"\n",
    )
    .unwrap();
    let bad = bad.to_str().unwrap();
    refused(
        &["calc", "--profile", bad, "--cost", "1", "--lang", "en"],
        &[&format!("{bad}:3:"), "capital", "only a company"],
    );
}
