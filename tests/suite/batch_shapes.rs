//! The two shapes of `subsidy batch` (`--shape long`, one row per result;
//! `--shape summary`, one row per input row) agree on every figure; no input
//! row is lost; headers and labels follow the language while JSONL codes do
//! not; the as-of date and the rule-data version are on every row; and what
//! cannot be applied for on the as-of date is left out unless `--all` is
//! given.
//!
//! Figures are the hand-worked ones of the other tests: the design hospital
//! (250 beds, 健診実施, 14,000,000円) gets 6,579,000円 of ehr-sharing
//! (001 / 003 No.12: 13,158,000 × 1/2, deadline 2031-09-30, 001
//! 「令和13年9月30日までに申請」), and a clinic's 60,000円 of medical aid
//! gets 45,000円 (003 No.1: 3/4, 1,000円未満切捨て). The rest are read
//! from one shape and checked against the other, not asserted as amounts.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;

use crate::support::{Run, subsidy};

/// The day on which, of all programs, only ehr-sharing can still be
/// applied for (its deadline is 2031-09-30; the others closed by 2026-08-25).
const AS_OF: &str = "2026-11-21";

/// Days with many programs open (2025-06-01: Fukuoka's too), a few open
/// (2026-03-01) and one open (2026-11-21).
const DAYS: [&str; 3] = ["2025-06-01", "2026-03-01", AS_OF];

/// Eight facilities, English headers: hospitals of three sizes (one in
/// Fukuoka), two clinics (one in Tokyo, so Fukuoka's programs are 他県), a
/// pharmacy (no source gives a pharmacy a tier: never anything to apply
/// for), a row whose cost is not an amount, and a clinic whose cost is so
/// small that nothing is left on 2026-11-21.
const MIXED: &str = "\
id,name,facility,beds,kenshin,cost,prefecture
H1,北病院,hospital,250,yes,\"14,000,000\",
H2,西病院,hospital,120,no,8000000,fukuoka
H3,小病院,hospital,30,,3000000,
C1,南クリニック,clinic,0,,60000,
C2,東診療所,clinic,0,,300000,tokyo
P1,中央薬局,pharmacy,0,,500000,
X1,壊れた行,clinic,0,,abc,
N1,何もない,clinic,0,,1000,
";

/// The same facilities under the Japanese headers and values consultants write.
const MIXED_JA: &str = "\
id,施設区分,病床数,健診,経費,都道府県,name
H1,病院,250,はい,1400万,,北病院
H2,病院,120,いいえ,800万,福岡県,西病院
H3,病院,30,,300万,,小病院
C1,診療所,0,,6万,,南クリニック
C2,診療所,0,,30万,東京都,東診療所
P1,薬局,0,,50万,,中央薬局
X1,診療所,0,,abc,,壊れた行
N1,診療所,0,,1000,,何もない
";

/// The input columns of both files.
const INPUT_COLUMNS: usize = 7;
/// The input rows, as numbered in the output (the header is line 1).
const ROWS: [u64; 8] = [2, 3, 4, 5, 6, 7, 8, 9];
/// The row whose cost cannot be read.
const ERROR_ROW: u64 = 8;

/// The long shape's result columns, in Japanese (the default) and in English.
const LONG_JA: [&str; 21] = [
    "行",
    "制度ID",
    "制度名",
    "区分ID",
    "区分名",
    "対象区分ID",
    "対象区分",
    "択一",
    "判定",
    "経費（計算に使用）",
    "補助額",
    "おすすめ額",
    "自己負担",
    "受付状況",
    "締切",
    "要確認",
    "備考",
    "エラー",
    "基準日",
    "規則データ版",
    "拡張",
];
const LONG_EN: [&str; 21] = [
    "row",
    "program",
    "program_name",
    "variant",
    "variant_name",
    "tier_id",
    "tier",
    "one_of",
    "eligibility",
    "cost_used",
    "grant",
    "recommended",
    "self_burden",
    "status",
    "deadline",
    "to_confirm",
    "note",
    "error",
    "as_of",
    "data_version",
    "extension",
];

/// The summary shape's columns after the program grant columns.
const SUMMARY_TAIL_JA: [&str; 11] = [
    "おすすめ合計",
    "最大の制度",
    "最大の補助額",
    "直近の締切",
    "残り日数",
    "要確認",
    "備考",
    "エラー",
    "最大の制度ID",
    "基準日",
    "規則データ版",
];
const SUMMARY_TAIL_EN: [&str; 11] = [
    "recommended_total",
    "best_program_name",
    "best_grant",
    "nearest_deadline",
    "days_left",
    "to_confirm",
    "note",
    "error",
    "best_program",
    "as_of",
    "data_version",
];

/// The words of one language: how it is asked for and how it labels.
struct Words {
    args: &'static [&'static str],
    long: [&'static str; 21],
    summary_tail: [&'static str; 11],
    row: &'static str,
    /// The cost the row was estimated with (after 行 in the summary shape).
    cost_used: &'static str,
    eligibility: [&'static str; 3],
    status: [&'static str; 5],
    /// 締切済 (a status), 対象外 (a judgement).
    closed: &'static str,
    ineligible: &'static str,
    /// 備考 with `--all`, in words: closed, other prefecture, no tier, no
    /// period stated; and how an ineligible result's begins (naming the
    /// requirement not met, or the reason).
    notes: [&'static str; 4],
    not_eligible: [&'static str; 2],
    /// The prefecture column in 要確認.
    prefecture: &'static str,
    nothing: &'static str,
}

const JA: Words = Words {
    args: &[],
    long: LONG_JA,
    summary_tail: SUMMARY_TAIL_JA,
    row: "行",
    cost_used: "経費（計算に使用）",
    eligibility: ["対象", "要確認", "対象外"],
    status: ["受付中", "受付前", "開始日不明", "締切済", "期限の記載なし"],
    closed: "締切済",
    ineligible: "対象外",
    notes: [
        "申請期限を過ぎています（締切済）。",
        "この施設の都道府県は対象外です。",
        "出典にこの種類の施設の区分がありません。",
        "出典に申請期間の記載がないため、申請できるかわかりません。",
    ],
    not_eligible: ["この施設は対象外です", "要件を満たしていません："],
    prefecture: "都道府県",
    nothing: "この日に申請できる制度はありません（",
};

const EN: Words = Words {
    args: &["--lang", "en"],
    long: LONG_EN,
    summary_tail: SUMMARY_TAIL_EN,
    row: "row",
    cost_used: "cost_used",
    eligibility: ["eligible", "to confirm", "ineligible"],
    status: [
        "open",
        "not yet open",
        "opening not stated",
        "closed",
        "no deadline stated",
    ],
    closed: "closed",
    ineligible: "ineligible",
    notes: [
        "The application deadline has passed (closed).",
        "Not for facilities in this prefecture.",
        "The sources give no tier for this kind of facility.",
        "The sources give no application period, so whether it can be applied for is not known.",
    ],
    not_eligible: ["The facility is not eligible", "A requirement is not met: "],
    prefecture: "prefecture",
    nothing: "no program can be applied for on this date (",
};

/// Runs `subsidy batch ARGS` with `input` on standard input, `SUBSIDY_LANG`
/// unset unless `env_lang`.
fn batch_in(env_lang: Option<&str>, input: &str, args: &[&str]) -> Run {
    let mut cmd = subsidy();
    if let Some(lang) = env_lang {
        cmd.lang(lang);
    }
    cmd.arg("batch").args(args).stdin(input).run()
}

fn batch(input: &str, args: &[&str]) -> Run {
    batch_in(None, input, args)
}

/// The header and the rows of a CSV output.
fn csv_rows(stdout: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(stdout);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// One JSON value per line of a JSONL output.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn yen(cell: &str) -> Option<u64> {
    (!cell.is_empty()).then(|| cell.parse().unwrap_or_else(|_| panic!("not yen: {cell:?}")))
}

fn day(cell: &str) -> Option<NaiveDate> {
    (!cell.is_empty()).then(|| {
        cell.parse()
            .unwrap_or_else(|_| panic!("not a date: {cell:?}"))
    })
}

/// One row of the long shape, read by the position of its result columns.
#[derive(Debug, Clone, PartialEq)]
struct Long {
    id: String,
    row: u64,
    program: String,
    program_name: String,
    /// 択一: the group of results only one of can be applied for.
    one_of: String,
    cost_used: Option<u64>,
    grant: Option<u64>,
    /// Its part of the facility's recommended total (in the best combination only).
    recommended: Option<u64>,
    status: String,
    deadline: Option<NaiveDate>,
    to_confirm: String,
    note: String,
    error: String,
    /// Every result column as written, for comparing rows whole.
    results: Vec<String>,
}

/// Runs the long shape and reads it, checking its header on the way.
fn long(input: &str, words: &Words, as_of: &str, all: bool) -> (Run, Vec<Long>) {
    let mut args = vec!["--as-of", as_of, "--shape", "long"];
    args.extend_from_slice(words.args);
    if all {
        args.push("--all");
    }
    let run = batch(input, &args);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(header.len(), INPUT_COLUMNS + 21, "{header:?}");
    assert_eq!(header[INPUT_COLUMNS..], words.long, "{header:?}");
    let rows = rows
        .into_iter()
        .map(|r| {
            let c = &r[INPUT_COLUMNS..];
            Long {
                id: r[0].clone(),
                row: c[0].parse().unwrap(),
                program: c[1].clone(),
                program_name: c[2].clone(),
                one_of: c[7].clone(),
                cost_used: yen(&c[9]),
                grant: yen(&c[10]),
                recommended: yen(&c[11]),
                status: c[13].clone(),
                deadline: day(&c[14]),
                to_confirm: c[15].clone(),
                note: c[16].clone(),
                error: c[17].clone(),
                results: c.to_vec(),
            }
        })
        .collect();
    (run, rows)
}

/// One row of the summary shape.
#[derive(Debug, Clone, PartialEq)]
struct Summary {
    id: String,
    row: u64,
    cost_used: Option<u64>,
    /// The grant columns: program name and cell.
    grants: Vec<(String, Option<u64>)>,
    recommended_total: Option<u64>,
    best_name: String,
    best_grant: Option<u64>,
    nearest: Option<NaiveDate>,
    days_left: Option<i64>,
    to_confirm: String,
    note: String,
    error: String,
    best_program: String,
    as_of: String,
    version: String,
}

/// Runs the summary shape and reads it, checking its header on the way.
fn summary(input: &str, words: &Words, as_of: &str, all: bool) -> (Run, Vec<Summary>) {
    let mut args = vec!["--as-of", as_of, "--shape", "summary"];
    args.extend_from_slice(words.args);
    if all {
        args.push("--all");
    }
    let run = batch(input, &args);
    let (header, rows) = csv_rows(&run.stdout);
    let tail = header.len() - 11;
    assert_eq!(header[INPUT_COLUMNS], words.row, "{header:?}");
    assert_eq!(header[INPUT_COLUMNS + 1], words.cost_used, "{header:?}");
    assert_eq!(header[tail..], words.summary_tail, "{header:?}");
    let names = &header[INPUT_COLUMNS + 2..tail];
    let rows = rows
        .into_iter()
        .map(|r| {
            let t = &r[tail..];
            Summary {
                id: r[0].clone(),
                row: r[INPUT_COLUMNS].parse().unwrap(),
                cost_used: yen(&r[INPUT_COLUMNS + 1]),
                grants: names
                    .iter()
                    .zip(&r[INPUT_COLUMNS + 2..tail])
                    .map(|(name, cell)| (name.clone(), yen(cell)))
                    .collect(),
                recommended_total: yen(&t[0]),
                best_name: t[1].clone(),
                best_grant: yen(&t[2]),
                nearest: day(&t[3]),
                days_left: (!t[4].is_empty()).then(|| t[4].parse().unwrap()),
                to_confirm: t[5].clone(),
                note: t[6].clone(),
                error: t[7].clone(),
                best_program: t[8].clone(),
                as_of: t[9].clone(),
                version: t[10].clone(),
            }
        })
        .collect();
    (run, rows)
}

/// The rule data's version and SHA-256 as `subsidy --version` prints them:
/// `subsidy 0.1.0 (rule data 2026-05-25, built in, sha256 …)`.
fn rule_data() -> (String, String) {
    let out = subsidy().args(["--version", "--lang", "en"]).output();
    let text = String::from_utf8(out.stdout).unwrap();
    let version = text
        .split("rule data ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap_or_else(|| panic!("no rule data version in {text:?}"));
    let sha256 = text
        .split("sha256 ")
        .nth(1)
        .map(|rest| rest.trim_end().trim_end_matches(')'))
        .unwrap_or_else(|| panic!("no sha256 in {text:?}"));
    (version.to_string(), sha256.to_string())
}

/// For each as-of day, both inputs (the Japanese one in Japanese, the
/// English one in English), with and without `--all`: each summary grant
/// cell is the largest long-shape grant of that program for that row among
/// the results that can be applied for (with `--all`, closed ones too; a
/// result left out as 対象外, 他県 or 区分なし fills no cell, its grant
/// cannot be claimed); the grant columns are the programs not closed on the
/// day (every program with `--all`), named as the long shape names them;
/// the best grant is the largest that can be applied for (one that needs a
/// prefecture not yet given only when nothing else pays), the nearest
/// deadline the earliest of those, and days left the days from the as-of
/// date to it; 要確認, 備考 and エラー are those of the long shape.
#[test]
fn both_shapes_agree_on_every_grant() {
    // How many figures were compared, so the test cannot pass on empty output.
    let (mut cells, mut bests, mut totals) = (0, 0, 0);
    for (input, words) in [(MIXED_JA, &JA), (MIXED, &EN)] {
        for as_of in DAYS {
            let as_of_day: NaiveDate = as_of.parse().unwrap();
            let (_, every) = long(input, words, as_of, true);
            // The programs, their names and whether they are closed on the day
            // (a window is the program's, the same on every row).
            let mut programs: BTreeMap<String, (String, bool)> = BTreeMap::new();
            for r in every.iter().filter(|r| !r.program.is_empty()) {
                // Closed, or with no period in the sources (期限の記載なし):
                // not a column by default.
                let closed = r.status == words.closed || r.status == words.status[4];
                let seen = programs
                    .entry(r.program.clone())
                    .or_insert((r.program_name.clone(), closed));
                assert_eq!(*seen, (r.program_name.clone(), closed), "{as_of}: {r:?}");
            }
            // 18 with dates, and national-work-environment (no period in the sources).
            assert_eq!(programs.len(), 19, "{as_of}: {programs:?}");
            let can_apply = |r: &&Long| !r.program.is_empty() && r.note.is_empty();
            let (_, shown) = long(input, words, as_of, false);
            for all in [false, true] {
                let context = format!("{input:.20}… as of {as_of}, --all {all}");
                let (_, sums) = summary(input, words, as_of, all);
                assert_eq!(sums.len(), ROWS.len(), "{context}");
                let json = {
                    let mut args = vec!["--as-of", as_of, "--shape", "summary"];
                    args.extend_from_slice(words.args);
                    args.extend(["--format", "jsonl"]);
                    if all {
                        args.push("--all");
                    }
                    json_lines(&batch(input, &args).stdout)
                };
                // The grant columns: the programs that can be applied for (all with --all).
                let expected: BTreeSet<&str> = programs
                    .iter()
                    .filter(|(_, (_, closed))| all || !closed)
                    .map(|(_, (name, _))| name.as_str())
                    .collect();
                let columns: Vec<&str> = sums[0].grants.iter().map(|(n, _)| n.as_str()).collect();
                assert_eq!(
                    columns.iter().copied().collect::<BTreeSet<_>>(),
                    expected,
                    "{context}"
                );
                assert_eq!(columns.len(), expected.len(), "{context}: {columns:?}");
                // JSONL: the same columns by id, in the same order.
                let ids: Vec<&String> = json[0]["grants"].as_object().unwrap().keys().collect();
                assert_eq!(
                    ids.iter()
                        .map(|id| programs[*id].0.as_str())
                        .collect::<Vec<_>>(),
                    columns,
                    "{context}"
                );
                for (sum, line) in sums.iter().zip(&json) {
                    let context = format!("{context}, row {} ({})", sum.row, sum.id);
                    let results: Vec<&Long> = every.iter().filter(|r| r.row == sum.row).collect();
                    let open: Vec<&Long> = results.iter().copied().filter(can_apply).collect();
                    for (name, cell) in &sum.grants {
                        let counted = results.iter().filter(|r| {
                            r.program_name == *name
                                && (r.note.is_empty()
                                    || (all
                                        && (r.note == words.notes[0] || r.note == words.notes[3])))
                        });
                        let largest = counted.filter_map(|r| r.grant).max();
                        assert_eq!(*cell, largest, "{context}: {name}");
                        cells += usize::from(cell.is_some());
                    }
                    for (id, grant) in line["grants"].as_object().unwrap() {
                        let cell = sum.grants.iter().find(|(n, _)| *n == programs[id].0);
                        assert_eq!(grant.as_u64(), cell.unwrap().1, "{context}: {id} in JSONL");
                    }
                    // The best: the largest grant that can be applied for.
                    let needs_prefecture =
                        |r: &&&Long| r.to_confirm.split(' ').any(|c| c == words.prefecture);
                    let best = open
                        .iter()
                        .filter(|r| !needs_prefecture(r))
                        .filter_map(|r| r.grant)
                        .max()
                        .or_else(|| open.iter().filter_map(|r| r.grant).max());
                    assert_eq!(sum.best_grant, best, "{context}");
                    assert_eq!(line["best_grant"].as_u64(), best, "{context}");
                    if let Some(best) = best {
                        bests += 1;
                        let paying = open
                            .iter()
                            .find(|r| r.program == sum.best_program && r.grant == Some(best));
                        assert!(paying.is_some(), "{context}: {sum:?}");
                        assert_eq!(sum.best_name, paying.unwrap().program_name, "{context}");
                        assert_eq!(line["best_program"], sum.best_program.as_str());
                    }
                    // The recommended total: the long shape's parts of it,
                    // each on a result that can be applied for, add up to it.
                    let parts: Vec<u64> = results.iter().filter_map(|r| r.recommended).collect();
                    assert!(
                        results
                            .iter()
                            .filter(|r| r.recommended.is_some())
                            .all(|r| can_apply(r) && r.recommended <= r.grant),
                        "{context}"
                    );
                    let total = (!parts.is_empty()).then(|| parts.iter().sum::<u64>());
                    assert_eq!(sum.recommended_total, total, "{context}");
                    assert_eq!(line["recommended_total"].as_u64(), total, "{context}");
                    totals += usize::from(total.is_some());
                    let nearest = open.iter().filter_map(|r| r.deadline).min();
                    assert_eq!(sum.nearest, nearest, "{context}");
                    assert_eq!(
                        sum.days_left,
                        nearest.map(|d| (d - as_of_day).num_days()),
                        "{context}"
                    );
                    assert_eq!(line["days_left"].as_i64(), sum.days_left, "{context}");
                    // What to confirm: every column the results that can be applied for name.
                    let words_of = |text: &str| {
                        text.split_whitespace()
                            .map(str::to_string)
                            .collect::<BTreeSet<_>>()
                    };
                    let wanted = open.iter().flat_map(|r| words_of(&r.to_confirm)).collect();
                    assert_eq!(words_of(&sum.to_confirm), wanted, "{context}");
                    // 備考 and エラー: the long shape's row for this input row.
                    let plain: Vec<&Long> = shown.iter().filter(|r| r.row == sum.row).collect();
                    if open.is_empty() {
                        assert_eq!(plain.len(), 1, "{context}");
                        assert_eq!(sum.note, plain[0].note, "{context}");
                        assert_eq!(sum.error, plain[0].error, "{context}");
                    } else {
                        assert_eq!(plain, open, "{context}: the default long rows");
                        assert_eq!(sum.note, "", "{context}");
                        assert_eq!(sum.error, "", "{context}");
                    }
                    assert_eq!(sum.error.is_empty(), sum.row != ERROR_ROW, "{context}");
                }
            }
        }
    }
    assert!(
        cells > 200 && bests > 20 && totals > 20,
        "{cells} grant cells, {bests} best grants, {totals} recommended totals"
    );
}

/// The cost each row was estimated with is a number on
/// every output row of both shapes, in CSV and JSONL, however it was typed
/// ("14,000,000", 1400万); the input cell stays as written. A row whose
/// cost cannot be read has none.
#[test]
fn the_cost_used_is_a_number_on_every_row() {
    let expected: BTreeMap<&str, Option<u64>> = [
        ("H1", Some(14_000_000)),
        ("H2", Some(8_000_000)),
        ("H3", Some(3_000_000)),
        ("C1", Some(60_000)),
        ("C2", Some(300_000)),
        ("P1", Some(500_000)),
        ("X1", None),
        ("N1", Some(1_000)),
    ]
    .into();
    for (input, words) in [(MIXED_JA, &JA), (MIXED, &EN)] {
        for all in [false, true] {
            let (_, rows) = long(input, words, "2025-06-01", all);
            let ids: BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(ids.len(), expected.len());
            for r in &rows {
                assert_eq!(r.cost_used, expected[r.id.as_str()], "{r:?}");
            }
            let (_, sums) = summary(input, words, "2025-06-01", all);
            let got: BTreeMap<&str, Option<u64>> =
                sums.iter().map(|s| (s.id.as_str(), s.cost_used)).collect();
            assert_eq!(got, expected);
        }
        for shape in ["long", "summary"] {
            let mut args = vec![
                "--as-of",
                "2025-06-01",
                "--shape",
                shape,
                "--format",
                "jsonl",
            ];
            args.extend_from_slice(words.args);
            for line in json_lines(&batch(input, &args).stdout) {
                let id = line["input"]["id"].as_str().unwrap();
                let want = expected[id].map_or(Value::Null, Value::from);
                assert_eq!(line["cost_used"], want, "{shape}: {line}");
            }
        }
    }
    // The input cell is echoed as written.
    let (_, rows) = csv_rows(&batch(MIXED_JA, &["--as-of", "2025-06-01"]).stdout);
    assert_eq!(rows[0][4], "1400万");
}

/// Both inputs give the same figures: the Japanese headers and values
/// (病院, はい, 1400万) read as the English ones, in both shapes.
#[test]
fn japanese_headers_give_the_same_figures() {
    for shape in ["long", "summary"] {
        for all in [&[][..], &["--all"][..]] {
            let args = [&["--as-of", "2025-06-01", "--shape", shape][..], all].concat();
            let (_, english) = csv_rows(&batch(MIXED, &args).stdout);
            let (_, japanese) = csv_rows(&batch(MIXED_JA, &args).stdout);
            let results = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
                rows.iter()
                    .map(|r| {
                        let mut r = r[INPUT_COLUMNS..].to_vec();
                        // エラー: the rejected column is named as written (cost, 経費).
                        for cell in &mut r {
                            *cell = cell.replace("経費", "cost");
                        }
                        r
                    })
                    .collect()
            };
            assert_eq!(results(&english), results(&japanese), "{shape} {all:?}");
        }
    }
}

/// Every input row once in the summary, in order, and at least once in the
/// long shape (rows in order), with the pharmacy, the nothing row and the
/// error row; in CSV and JSONL. Exit status 1 while a row has an error, 0
/// when it is taken out (a row with nothing to apply for is not an error).
#[test]
fn every_input_row_is_written_and_only_errors_fail_the_run() {
    let without_error: String = MIXED
        .lines()
        .filter(|l| !l.starts_with("X1,"))
        .map(|l| format!("{l}\n"))
        .collect();
    for all in [false, true] {
        for as_of in DAYS {
            let mut args = vec!["--as-of", as_of];
            if all {
                args.push("--all");
            }
            let context = format!("as of {as_of}, --all {all}");
            let (run, sums) = summary(MIXED, &EN, as_of, all);
            assert_eq!(run.code, 1, "{context}: {}", run.stderr);
            let ids: Vec<&str> = MIXED.lines().skip(1).map(|l| &l[..2]).collect();
            assert_eq!(
                sums.iter().map(|s| s.row).collect::<Vec<_>>(),
                ROWS,
                "{context}"
            );
            assert_eq!(
                sums.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
                ids,
                "{context}"
            );
            let (run, longs) = long(MIXED, &EN, as_of, all);
            assert_eq!(run.code, 1, "{context}: {}", run.stderr);
            let mut rows: Vec<u64> = longs.iter().map(|r| r.row).collect();
            assert!(rows.is_sorted(), "{context}: {rows:?}");
            rows.dedup();
            assert_eq!(rows, ROWS, "{context}");
            for r in &longs {
                assert_eq!(r.id, ids[(r.row - 2) as usize], "{context}");
            }
            let errors: Vec<&Long> = longs.iter().filter(|r| !r.error.is_empty()).collect();
            assert_eq!(errors.len(), 1, "{context}");
            assert_eq!(errors[0].row, ERROR_ROW);
            assert!(
                errors[0].error.contains("line 8") && errors[0].error.contains("'abc'"),
                "{}",
                errors[0].error
            );
            assert_eq!(errors[0].program, "");
            // JSONL: the same row numbers.
            for (shape, expected) in [
                ("summary", &sums.iter().map(|s| s.row).collect::<Vec<_>>()),
                ("long", &longs.iter().map(|r| r.row).collect()),
            ] {
                let args = [
                    &args[..],
                    &["--lang", "en", "--format", "jsonl", "--shape", shape],
                ]
                .concat();
                let run = batch(MIXED, &args);
                assert_eq!(run.code, 1, "{context}");
                let rows: Vec<u64> = json_lines(&run.stdout)
                    .iter()
                    .map(|l| l["row"].as_u64().unwrap())
                    .collect();
                assert_eq!(&rows, expected, "{context}: {shape} JSONL");
            }
            for shape in ["long", "summary"] {
                let args = [&args[..], &["--shape", shape]].concat();
                let run = batch(&without_error, &args);
                assert_eq!(run.code, 0, "{context} {shape}: {}", run.stderr);
            }
        }
    }
    // The nothing rows on 2026-11-21: the pharmacy, the clinics and the
    // clinic of 1,000円, each one row whose note says why.
    let (_, longs) = long(MIXED, &EN, AS_OF, false);
    for id in ["C1", "C2", "P1", "N1"] {
        let rows: Vec<&Long> = longs.iter().filter(|r| r.id == id).collect();
        assert_eq!(rows.len(), 1, "{id}");
        assert!(rows[0].note.starts_with(EN.nothing), "{id}: {:?}", rows[0]);
        assert_eq!((rows[0].program.as_str(), rows[0].grant), ("", None));
    }
}

/// Japanese headers and labels by default; English with `--lang en`, and
/// the same bytes with `SUBSIDY_LANG=en`. 要確認 names the Japanese columns
/// (健診, 要件:…) in Japanese and the English ones (kenshin, fact:…) in
/// English and JSONL. JSONL keeps its codes in both languages; only names,
/// notes and errors change.
#[test]
fn labels_follow_the_language_and_jsonl_codes_do_not() {
    let csv_args = ["--as-of", "2026-03-01", "--all"];
    for (words, other) in [(&JA, &EN), (&EN, &JA)] {
        let (_, rows) = long(MIXED, words, "2026-03-01", true);
        let eligibility: BTreeSet<&str> = rows
            .iter()
            .map(|r| r.results[8].as_str())
            .filter(|e| !e.is_empty())
            .collect();
        let status: BTreeSet<&str> = rows
            .iter()
            .map(|r| r.status.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        assert!(
            eligibility.iter().all(|e| words.eligibility.contains(e)),
            "{eligibility:?}"
        );
        assert!(
            status.iter().all(|s| words.status.contains(s)),
            "{status:?}"
        );
        assert!(status.contains(words.closed) && eligibility.contains(words.ineligible));
        for note in rows
            .iter()
            .map(|r| r.note.as_str())
            .filter(|n| !n.is_empty())
        {
            assert!(
                words.notes.contains(&note)
                    || words.not_eligible.iter().any(|n| note.starts_with(n))
                    || note.starts_with(words.nothing),
                "{note}"
            );
            assert!(!note.starts_with(other.nothing), "{note}");
        }
        let to_confirm: BTreeSet<&str> = rows
            .iter()
            .flat_map(|r| r.to_confirm.split_whitespace())
            .collect();
        let (kenshin, fact) = if words.args.is_empty() {
            ("健診", "要件:")
        } else {
            ("kenshin", "fact:")
        };
        assert!(to_confirm.contains(kenshin), "{to_confirm:?}");
        assert!(to_confirm.contains(words.prefecture), "{to_confirm:?}");
        assert!(
            to_confirm.iter().any(|c| c.starts_with(fact)),
            "{to_confirm:?}"
        );
        let (other_kenshin, other_fact) = if words.args.is_empty() {
            ("kenshin", "fact:")
        } else {
            ("健診", "要件:")
        };
        assert!(
            !to_confirm
                .iter()
                .any(|c| *c == other_kenshin || c.starts_with(other_fact)),
            "{to_confirm:?}"
        );
        let (_, sums) = summary(MIXED, words, "2026-03-01", true);
        assert!(sums.iter().any(|s| s.to_confirm.contains(kenshin)));
    }
    // SUBSIDY_LANG=en is --lang en; without either, Japanese.
    for shape in ["long", "summary"] {
        let args = [&csv_args[..], &["--shape", shape]].concat();
        let en_flag = batch(MIXED, &[&args[..], &["--lang", "en"]].concat()).stdout;
        let en_env = batch_in(Some("en"), MIXED, &args).stdout;
        assert_eq!(
            String::from_utf8_lossy(&en_env),
            String::from_utf8_lossy(&en_flag)
        );
        let ja = batch(MIXED, &args).stdout;
        let (header, _) = csv_rows(&ja);
        assert_eq!(header[INPUT_COLUMNS], "行", "{shape}");
        let (header, _) = csv_rows(&en_flag);
        assert_eq!(header[INPUT_COLUMNS], "row", "{shape}");
    }
    // JSONL: the codes are the same; the names, notes and errors are worded.
    for (shape, worded) in [
        (
            "long",
            &["program_name", "variant_name", "tier", "note", "error"][..],
        ),
        ("summary", &["best_program_name", "note", "error"][..]),
    ] {
        // After the last デジタル化・AI deadline (2026-08-25), so that the
        // pharmacy, which those frames pay, has nothing to
        // apply for and its summary row a worded note.
        let after_frames = ["--as-of", "2026-09-01", "--all"];
        let args = [&after_frames[..], &["--shape", shape, "--format", "jsonl"]].concat();
        let ja = json_lines(&batch(MIXED, &args).stdout);
        let en = json_lines(&batch(MIXED, &[&args[..], &["--lang", "en"]].concat()).stdout);
        assert_eq!(ja.len(), en.len(), "{shape}");
        let mut differed = BTreeSet::new();
        for (ja, en) in ja.iter().zip(&en) {
            let (ja, en) = (ja.as_object().unwrap(), en.as_object().unwrap());
            assert_eq!(
                ja.keys().collect::<Vec<_>>(),
                en.keys().collect::<Vec<_>>(),
                "{shape}"
            );
            for (key, value) in ja {
                if worded.contains(&key.as_str()) {
                    assert_eq!(value.is_null(), en[key].is_null(), "{shape} {key}");
                    if !value.is_null() && *value != en[key] {
                        differed.insert(key.as_str());
                    }
                } else {
                    assert_eq!(*value, en[key], "{shape} {key}");
                }
            }
            if shape == "long" {
                for (key, codes) in [
                    ("eligibility", &["eligible", "unknown", "ineligible"][..]),
                    (
                        "status",
                        &[
                            "open",
                            "closed",
                            "not-yet-open",
                            "opening-not-stated",
                            "unknown",
                        ][..],
                    ),
                ] {
                    let code = &ja[key];
                    assert!(
                        code.is_null() || codes.contains(&code.as_str().unwrap()),
                        "{key}: {code}"
                    );
                }
                let to_confirm = ja["to_confirm"].as_str().unwrap_or("");
                assert!(
                    !to_confirm.contains("要件:") && !to_confirm.contains("健診"),
                    "{to_confirm}"
                );
            }
        }
        // Each worded field is worded differently somewhere.
        let expected: BTreeSet<&str> = worded.iter().copied().collect();
        assert_eq!(
            differed, expected,
            "{shape}: fields that differ between ja and en"
        );
    }
}

/// The as-of date and the rule data's version (as `subsidy --version`
/// prints it) on every CSV row, nothing rows and error rows too, in both
/// shapes, with and without `--all`; and the as-of date, version,
/// SHA-256 and the data's age on every JSONL line.
#[test]
fn the_as_of_date_and_rule_data_version_are_on_every_row() {
    let (version, sha256) = rule_data();
    assert_eq!(version, "2026-05-25");
    assert_eq!(sha256.len(), 64, "{sha256}");
    for as_of in ["2025-06-01", AS_OF] {
        for all in [false, true] {
            for (words, as_of_column, version_column) in [
                (&JA, "基準日", "規則データ版"),
                (&EN, "as_of", "data_version"),
            ] {
                for shape in ["long", "summary"] {
                    let mut args = vec!["--as-of", as_of, "--shape", shape];
                    args.extend_from_slice(words.args);
                    if all {
                        args.push("--all");
                    }
                    let (header, rows) = csv_rows(&batch(MIXED, &args).stdout);
                    let at = |name: &str| header.iter().rposition(|h| h == name).unwrap();
                    let (a, v) = (at(as_of_column), at(version_column));
                    assert!(rows.len() >= ROWS.len(), "{args:?}");
                    for row in &rows {
                        assert_eq!(
                            (row[a].as_str(), row[v].as_str()),
                            (as_of, version.as_str()),
                            "{args:?}: {row:?}"
                        );
                    }
                    args.extend(["--format", "jsonl"]);
                    let lines = json_lines(&batch(MIXED, &args).stdout);
                    assert_eq!(lines.len(), rows.len(), "{args:?}");
                    // The data's age (issue 24), version 2026-05-25: from
                    // 2025-06-01 it is 365 − 7 = 358 days ahead; to 2026-11-21,
                    // 6 + 30 + 31 + 31 + 30 + 31 + 21 = 180 days old, past 90.
                    let (age, stale) = if as_of == AS_OF {
                        (180, true)
                    } else {
                        (-358, false)
                    };
                    for line in &lines {
                        assert_eq!(line["as_of"], as_of, "{args:?}");
                        assert_eq!(line["catalogue_version"], version.as_str(), "{args:?}");
                        assert_eq!(line["catalogue_sha256"], sha256.as_str(), "{args:?}");
                        assert_eq!(line["catalogue_age_days"], age, "{args:?}");
                        assert_eq!(line["catalogue_stale"], stale, "{args:?}");
                    }
                }
            }
        }
    }
}

/// On 2026-11-21 only ehr-sharing is open. The design hospital gets its
/// 6,579,000円 (001 / 003 No.12), deadline 2031-09-30, and nothing else by
/// default; a clinic of 60,000円 gets one row saying nothing can be applied
/// for, counting its programs by reason in words (申請期限を過ぎた制度 among
/// them), exactly the reasons `--all` writes in 備考; `--all` shows the
/// closed medical-aid grant, 45,000円 (003 No.1: 60,000 × 3/4), its note
/// saying the deadline has passed.
#[test]
fn closed_programs_are_left_out_by_default_and_shown_with_all() {
    let (run, shown) = long(MIXED_JA, &JA, AS_OF, false);
    assert_eq!(run.code, 1, "the error row");
    let h1: Vec<&Long> = shown.iter().filter(|r| r.id == "H1").collect();
    assert_eq!(h1.len(), 1, "{h1:?}");
    assert_eq!(
        (
            h1[0].program.as_str(),
            h1[0].grant,
            h1[0].status.as_str(),
            h1[0].deadline
        ),
        (
            "ehr-sharing",
            Some(6_579_000),
            "受付中",
            NaiveDate::from_ymd_opt(2031, 9, 30)
        )
    );
    assert!(
        shown.iter().all(|r| r.status != "締切済"),
        "nothing closed by default"
    );
    let (_, every) = long(MIXED_JA, &JA, AS_OF, true);
    let c1: Vec<&Long> = shown.iter().filter(|r| r.id == "C1").collect();
    assert_eq!(c1.len(), 1, "{c1:?}");
    // The reasons `--all` gives, in words; the note counts the programs
    // (once each, under the first of their results' reasons in the order
    // 他県, 対象外, 区分なし, 締切済, 期間の記載なし), in words too.
    let c1_all: Vec<&Long> = every.iter().filter(|r| r.id == "C1").collect();
    let reason = |note: &str| {
        if JA.not_eligible.iter().any(|n| note.starts_with(n)) {
            Some(1)
        } else {
            [JA.notes[1], "", JA.notes[2], JA.notes[0], JA.notes[3]]
                .iter()
                .position(|n| *n == note)
        }
    };
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &c1_all {
        let why = reason(&r.note).unwrap_or_else(|| panic!("no reason: {r:?}"));
        let at = first.entry(r.program.as_str()).or_insert(why);
        *at = (*at).min(why);
    }
    let words = [
        "他の都道府県の制度",
        "この施設が対象外の制度",
        "この種類の施設への補助がない制度",
        "申請期限を過ぎた制度",
        "申請期間が出典にない制度",
    ];
    let counts: Vec<String> = (0..words.len())
        .map(|why| (why, first.values().filter(|w| **w == why).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(why, n)| format!("{} {n}件", words[why]))
        .collect();
    assert!(
        counts
            .iter()
            .any(|c| c.starts_with("申請期限を過ぎた制度 ")),
        "{counts:?}"
    );
    assert_eq!(
        c1[0].note,
        format!(
            "この日に申請できる制度はありません（{}）",
            counts.join("、")
        )
    );
    // 18 programs with dates and national-work-environment: each counted once.
    assert_eq!(first.len(), 19, "{first:?}");
    let medical_aid: Vec<&&Long> = c1_all
        .iter()
        .filter(|r| r.program == "online-qual-medical-aid")
        .collect();
    assert_eq!(medical_aid.len(), 1);
    assert_eq!(
        (
            medical_aid[0].grant,
            medical_aid[0].status.as_str(),
            medical_aid[0].note.as_str()
        ),
        (Some(45_000), "締切済", JA.notes[0])
    );
    // Every closed result that is not left out for a reason about the
    // facility says it is closed.
    for r in every.iter().filter(|r| r.status == "締切済") {
        assert!(
            [0, 1, 2].contains(&reason(&r.note).unwrap_or(9)) || r.note == JA.notes[0],
            "{r:?}"
        );
    }
    // The summary: one grant column (ehr-sharing) by default, every program with --all.
    let (_, sums) = summary(MIXED_JA, &JA, AS_OF, false);
    assert_eq!(
        sums[0].grants,
        [(
            "電子カルテ情報共有サービスの導入に係る補助金".to_string(),
            Some(6_579_000)
        )]
    );
    assert_eq!(sums[0].best_program, "ehr-sharing");
    let c1_sum = sums.iter().find(|s| s.id == "C1").unwrap();
    assert_eq!(c1_sum.note, c1[0].note);
    assert_eq!(c1_sum.grants, [(sums[0].grants[0].0.clone(), None)]);
    let (_, sums_all) = summary(MIXED_JA, &JA, AS_OF, true);
    assert_eq!(sums_all[0].grants.len(), 19);
    let c1_sum = sums_all.iter().find(|s| s.id == "C1").unwrap();
    let medical_aid_name = &medical_aid[0].program_name;
    assert_eq!(
        c1_sum.grants.iter().find(|(n, _)| n == medical_aid_name),
        Some(&(medical_aid_name.clone(), Some(45_000)))
    );
    assert_eq!(c1_sum.best_grant, None, "a closed grant is never the best");
}

/// Each long row is one (facility, program, tier) result, so two rows of
/// one facility and program should differ somewhere: a 30-bed hospital
/// whose 健診 is not given gets ehr-sharing's two tiers (mid, with and
/// without 健診; 001), and digital-ai-multi gives two tiers to every
/// facility; a consultant must be able to tell them apart.
#[test]
fn long_rows_of_different_tiers_can_be_told_apart() {
    for all in [false, true] {
        for words in [&JA, &EN] {
            let (_, rows) = long(MIXED, words, "2025-06-01", all);
            let mut seen = BTreeSet::new();
            for r in &rows {
                assert!(
                    seen.insert((r.row, r.results.clone())),
                    "two identical rows: {r:?}"
                );
            }
        }
    }
}
