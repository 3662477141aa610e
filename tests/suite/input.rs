//! How values typed on the command line are read: one parser per kind of
//! value (money, counts, dates, flags, facts), shared by every flag and
//! every batch cell, so each spelling a person types gives the same answer;
//! and every value that cannot be read is refused in one line that names
//! the flag, the value and an example that works.

use serde_json::Value;

use crate::support::{json, refused, subsidy};

const HOSPITAL: [&str; 5] = ["calc", "--facility", "hospital", "--beds", "250"];

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
    // NFKC read 10² as 102 and ①②③ as 123; a split on 万 read 1万12345 as 22,345.
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
    // No --beds: asked for, not refused as a 0 nobody typed.
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
    // Errors quoted the whole value, line breaks and all.
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

/// `subsidy calc ARGS --format json` (width unknown), asserting success.
fn calc_json(args: &[&str]) -> Value {
    subsidy()
        .arg("calc")
        .args(args)
        .args(["--format", "json"])
        .json()
}

/// The design card, spelled as a Japanese office would: 001 / 003 No.12,
/// 13,158,000 × 1/2 = 6,579,000円 on 2026-11-22.
#[test]
fn calc_reads_every_spelling_the_same() {
    let plain = calc_json(&[
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--cost",
        "14000000",
        "--as-of",
        "2026-11-22",
    ]);
    let first = plain["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == "ehr-sharing")
        .unwrap();
    assert_eq!(first["grant"], 6_579_000);
    let spellings: [[&str; 5]; 8] = [
        [
            "病院",
            "２５０床",
            "はい",
            "￥14,000,000",
            "令和8年11月22日",
        ],
        ["Hospital", "250床", "あり", "¥14,000,000", "2026/11/22"],
        ["ｈｏｓｐｉｔａｌ", "２５０", "有", "1400万円", "20261122"],
        ["HOSPITAL", "250", "○", "14,000千円", "R8.11.22"],
        ["病院", "250", "true", "1,400万", "２０２６年１１月２２日"],
        ["病院", "250", "1", "\\14,000,000", "R08/11/22"],
        // A 健診 column's words, 百万円, and a tax mark
        // (the amount written: the sources do not say whether cost includes tax).
        ["病院", "250", "実施", "14.0百万円", "2026-11-22"],
        ["病院", "250", "実施", "1,400万円（税込）", "2026-11-22"],
    ];
    for [facility, beds, kenshin, cost, as_of] in spellings {
        let spelled = calc_json(&[
            "--facility",
            facility,
            "--beds",
            beds,
            "--kenshin",
            kenshin,
            "--cost",
            cost,
            "--as-of",
            as_of,
        ]);
        assert_eq!(spelled, plain, "{facility} {beds} {kenshin} {cost} {as_of}");
    }
    // `--fact` takes the same yes/no spellings.
    let facts = |answer: &str| {
        let fact = format!("online-qual-in-place={answer}");
        calc_json(&[
            "--program",
            "ehr-sharing",
            "--facility",
            "病院",
            "--beds",
            "250",
            "--kenshin",
            "はい",
            "--fact",
            &fact,
            "--as-of",
            "2026-11-22",
        ])["results"][0]["eligibility"]
            .clone()
    };
    assert_eq!(facts("いいえ"), "ineligible");
    assert_eq!(facts("なし"), "ineligible");
    assert_eq!(facts("no"), "ineligible");
    assert_eq!(facts("はい"), facts("yes"));
    // 未実施 is no: the same results as --kenshin no.
    let kenshin = |answer: &str| {
        calc_json(&[
            "--facility",
            "病院",
            "--beds",
            "250",
            "--kenshin",
            answer,
            "--cost",
            "14000000(税抜)",
            "--as-of",
            "2026-11-22",
        ])
    };
    assert_eq!(kenshin("未実施"), kenshin("no"));
    assert_ne!(kenshin("未実施"), kenshin("yes"));
}

/// The same spellings in batch cells give the same grant as in flags.
#[test]
fn batch_cells_read_every_spelling_the_same() {
    let input = "\
facility,beds,kenshin,cost,program
hospital,250,yes,14000000,ehr-sharing
病院,２５０床,はい,\"￥14,000,000\",ehr-sharing
Hospital,250床,あり,\"¥14,000,000\",ehr-sharing
ｈｏｓｐｉｔａｌ,２５０,有,1400万円,ehr-sharing
HOSPITAL,250,○,\"14,000千円\",ehr-sharing
病院,250,実施,\"14,000,000円(税抜)\",ehr-sharing
病院,250,実施,14.0百万円,ehr-sharing
病院,250,実施,1400万円（税込）,ehr-sharing
";
    let out = subsidy()
        .args(["batch", "--as-of", "2026-11-22"])
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
    // Japanese headers by default.
    let grant = header.iter().position(|h| h == "補助額").unwrap();
    let grants: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[grant].to_string())
        .collect();
    assert_eq!(grants, ["6579000"; 8]);
}

#[test]
fn a_refused_cell_names_the_column_the_value_and_an_example() {
    let input = "facility,beds,cost\nhospital,250床x,100\n";
    for (lang, said) in [
        (
            "ja",
            "2行目: beds の値 '250床x' は使えません: 数として読めません（例: 250、２５０、250床）",
        ),
        (
            "en",
            "line 2: invalid value '250床x' for 'beds': not a number (try 250, ２５０ or 250床)",
        ),
    ] {
        let out = subsidy()
            .args(["batch", "--as-of", "2026-11-22", "--lang", lang])
            .stdin(input)
            .output();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(said), "{text}");
    }
}

#[test]
fn each_refusal_is_one_line_with_an_example_in_the_users_language() {
    let cases: [(&[&str], &str, &str); 7] = [
        (
            &["--beds", "250床x"],
            "エラー: --beds の値 '250床x' は使えません: 数として読めません（例: 250、２５０、250床）",
            "error: invalid value '250床x' for '--beds': not a number (try 250, ２５０ or 250床)",
        ),
        (
            &["--beds", "-3"],
            "エラー: --beds の値 '-3' は使えません: 負の数は使えません（例: 250）",
            "error: invalid value '-3' for '--beds': negative numbers are refused (e.g. 250)",
        ),
        (
            &["--as-of", "2026-02-30"],
            "エラー: --as-of の値 '2026-02-30' は使えません: 2026-02-30 という日はありません",
            "error: invalid value '2026-02-30' for '--as-of': there is no such day as 2026-02-30",
        ),
        (
            &["--as-of", "令和元年4月30日"],
            "エラー: --as-of の値 '令和元年4月30日' は使えません: 令和は2019-05-01からです",
            "error: invalid value '令和元年4月30日' for '--as-of': 令和 begins on 2019-05-01",
        ),
        (
            &["--cost", "1,4"],
            "エラー: --cost の値 '1,4' は使えません: 金額として読めません（例: 14000000、14,000,000円、1400万、￥14,000,000、13,158千円）",
            "error: invalid value '1,4' for '--cost': not an amount of yen (try 14000000, 14,000,000円, 1400万, ￥14,000,000 or 13,158千円)",
        ),
        (
            &["--kenshin", "maybe"],
            "エラー: --kenshin の値 'maybe' は使えません: はい・いいえではありません（例: yes、no、はい、いいえ、あり、なし、1、0）",
            "error: invalid value 'maybe' for '--kenshin': not yes or no (e.g. yes, no, はい, いいえ, 1, 0)",
        ),
        (
            &["--item", "41000"],
            "エラー: --item の値 '41000' は使えません: 費目と金額を 費目=金額 で書きます（例: mobile=41000）",
            "error: invalid value '41000' for '--item': expected KEY=YEN (e.g. mobile=41000)",
        ),
    ];
    for (args, ja, en) in cases {
        for (lang, expected) in [(None, ja), (Some("en"), en)] {
            let mut cmd = subsidy();
            if let Some(lang) = lang {
                cmd.lang(lang);
            }
            let line = cmd
                .args(["calc", "--facility", "hospital"])
                .args(args)
                .refused(&[]);
            assert_eq!(line, format!("{expected}\n"));
        }
    }
}

/// Counts past any real facility are refused, not saturated into a cap of
/// 18,446,744,073,709,551,615円 (a per-bed or per-member cap times the count).
#[test]
fn absurd_beds_and_members_are_refused() {
    for args in [
        vec![
            "calc",
            "--facility",
            "hospital",
            "--beds",
            "4000000000",
            "--cost",
            "1000000",
        ],
        vec![
            "calc",
            "--program",
            "digital-ai-multi",
            "--facility",
            "clinic",
            "--members",
            "4000000000",
            "--cost",
            "1000000",
        ],
    ] {
        refused(
            &[&args[..], &["--as-of", "2026-11-21"]].concat(),
            &["4000000000"],
        );
    }
}
