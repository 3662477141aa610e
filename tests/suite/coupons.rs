//! スマホ保険証 coupons, one set per coupon code, each at its own
//! price. 003 No.8: 「１コードにつき汎用カードリーダー等１セット」;
//! 「【クーポンコード１つあたり】 補助率：1/2 補助限度額：7,000円 ※事業額上限：1.4万円」;
//! 「※クーポン補助額１円未満は四捨五入」; 病院 up to 3 codes. A hospital buying
//! sets of 20,000 + 10,000 + 10,000円: min(20,000, 14,000) × 1/2 = 7,000,
//! 10,000 × 1/2 = 5,000 twice: 17,000円 (the same 40,000円 split evenly as
//! `--coupons 3 --cost 40000` would give 20,001円).

use serde_json::Value;

use crate::support::{json, subsidy};

const HOSPITAL: [&str; 10] = [
    "calc",
    "--program",
    "online-qual-smartphone",
    "--facility",
    "hospital",
    "--beds",
    "100",
    "--as-of",
    "2025-12-01",
    "--fact=online-qual-in-place=yes",
];

/// `subsidy ARGS` in Japanese, whatever the outcome.
fn run(args: &[&str]) -> std::process::Output {
    subsidy().lang("ja").args(args).output()
}

#[test]
fn each_coupon_is_computed_on_its_own_price() {
    let prices = [
        "--coupon-cost",
        "20000",
        "--coupon-cost",
        "10000",
        "--coupon-cost",
        "10000",
    ];
    let out = run(&[&HOSPITAL[..], &prices, &["--format", "json"]].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["grant"], 17_000, "{json}");
    // N sets of equal price keep their meaning: 40,000 / 3 each.
    let out = run(&[
        &HOSPITAL[..],
        &["--coupons", "3", "--cost", "40000", "--format", "json"],
    ]
    .concat());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["grant"], 20_001, "{json}");
}

#[test]
fn the_explanation_shows_each_coupons_arithmetic() {
    let prices = [
        "--coupon-cost",
        "20000",
        "--coupon-cost",
        "10000",
        "--coupon-cost",
        "10000",
    ];
    let out = run(&[&HOSPITAL[..], &prices, &["--explain"]].concat());
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "20,000  クーポン1: 経費",
        "14,000  クーポン1: 事業額上限 14,000 で頭打ち",
        "7,000  クーポン1: 端数処理",
        "10,000  クーポン2: 経費",
        "5,000  クーポン3: 端数処理",
        "17,000  クーポン3つの合計",
        "23,000  自己負担 = 40,000 − 17,000",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
}

#[test]
fn a_batch_column_holds_each_coupons_price() {
    let input = "施設区分,病床数,クーポン金額,要件:online-qual-in-place\n病院,100,20000 10000 10000,はい\n病院,100,\"20,000、10,000\",はい\n";
    let out = subsidy()
        .args(["batch", "--as-of", "2025-12-01", "--lang", "en"])
        .stdin(input)
        .output();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let at = |name| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[at("program")] == "online-qual-smartphone")
        .map(|r| (r[at("row")].to_string(), r[at("grant")].to_string()))
        .collect();
    // 7,000 + 5,000 + 5,000; then 7,000 + 5,000.
    assert_eq!(
        rows,
        [("2".into(), "17000".into()), ("3".into(), "12000".into())]
    );
}

#[test]
fn a_coupon_count_that_disagrees_with_the_prices_is_refused() {
    let line = subsidy()
        .lang("ja")
        .args(HOSPITAL)
        .args(["--coupons", "2", "--coupon-cost", "20000"])
        .refused(&[]);
    assert_eq!(
        line,
        "エラー: --coupons の値 '2' は使えません: --coupon-cost が 1回あります。--coupons はその数にするか、省いてください\n"
    );
    // Four prices at a hospital: past the 3 codes it may get.
    let four = [
        "--coupon-cost",
        "1",
        "--coupon-cost",
        "1",
        "--coupon-cost",
        "1",
        "--coupon-cost",
        "1",
    ];
    subsidy().lang("ja").args(HOSPITAL).args(four).refused(&[]);
}

/// With `--cost` and `--coupon-cost` together, the
/// per-coupon program is computed on the coupon prices (17,000円, as above),
/// and the header said only 経費: 500,000円. It says what was used.
#[test]
fn the_header_says_the_coupon_prices_were_used() {
    let args = [
        &HOSPITAL[..],
        &[
            "--cost",
            "500000",
            "--coupon-cost",
            "20000",
            "--coupon-cost",
            "10000",
            "--coupon-cost",
            "10000",
        ],
    ]
    .concat();
    let out = run(&args);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header: String = text.split("\n\n").next().unwrap().to_string();
    assert!(
        header.contains("経費: 500,000円（クーポンごとの制度を除く）"),
        "{header}"
    );
    assert!(
        header.contains("クーポン金額: 20,000円、10,000円、10,000円"),
        "{header}"
    );
    assert!(text.contains("17,000円"), "{text}");
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
