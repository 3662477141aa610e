//! Issue 12, part 2: one parser per kind of value, shared by every flag and
//! every batch cell. Each spelling a person types gives the same answer.

use assert_cmd::Command;
use serde_json::Value;

fn subsidy() -> Command {
    let mut cmd = Command::cargo_bin("subsidy").unwrap();
    cmd.env_remove("SUBSIDY_LANG").env_remove("COLUMNS");
    cmd
}

fn calc_json(args: &[&str]) -> Value {
    let out = subsidy()
        .arg("calc")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
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
        // Issue 21, item 13: a 健診 column's words, 百万円, and a tax mark
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
        .write_stdin(input)
        .output()
        .unwrap();
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
            .write_stdin(input)
            .output()
            .unwrap();
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
                cmd.env("SUBSIDY_LANG", lang);
            }
            let out = cmd
                .args(["calc", "--facility", "hospital"])
                .args(args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty());
            assert_eq!(
                String::from_utf8(out.stderr).unwrap(),
                format!("{expected}\n")
            );
        }
    }
}
