//! `subsidy ask`, driven line by line on standard input as a pipe gives it:
//! the questions on stderr, the answer and the command that gives it on
//! stdout. The web's two-step form is in `serve`. The yen at stake are
//! worked by hand from the sources:
//!
//! - 001 (日医発第1203号 別添) l.111, 電子カルテ情報共有サービス 健診実施:
//!   大規模病院 6,579千円 (事業額 13,158千円の1/2); l.122, 健診未実施 5,081千円
//!   (10,162千円の1/2). The design card, 14,000,000円: 6,579,000円; 健診 is
//!   worth 6,579,000 − 5,081,000 = 1,498,000.
//! - 004 通常枠の概要 4.「ITツールのプロセス数が4つ以上：補助額150万円～450万円
//!   以下（補助率1／2以内）」: on 2025-12-01 what pays without either of
//!   ehr-sharing's facts, min(14,000,000 × 1/2, 4,500,000) = 4,500,000, so
//!   each is worth 6,579,000 − 4,500,000 = 2,079,000 (as tests/cmd's
//!   calc-hospital-2025-12-01 shows). On 2026-11-22 nothing else pays: each
//!   is worth 6,579,000.
//! - 003 No.13 (福岡県 勤務環境)「補助上限額：許可病床数×４万円」: 250 × 40,000 =
//!   10,000,000 on 2025-12-01, so 福岡県 is worth 10,000,000 − 6,579,000 =
//!   3,421,000.

use std::io::Write as _;
use std::process::{Command, Stdio};

use crate::support::{NO_CONFIG_HOME, Run, SETTINGS_VARS, subsidy};

/// `subsidy ask ARGS` in `lang`, with `lines` on standard input, at 1,000
/// columns (each answer line whole).
fn ask(lang: &str, args: &[&str], lines: &str) -> Run {
    subsidy()
        .lang(lang)
        .columns(1000)
        .arg("ask")
        .args(args)
        .stdin(lines.as_bytes().to_vec())
        .run()
}

/// Where `needle` is in `text`, which must hold it.
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in\n{text}"))
}

/// The command under `heading` in `answer`, as words.
fn command_after(answer: &str, heading: &str) -> Vec<String> {
    let line = answer[at(answer, heading)..].lines().nth(1).unwrap();
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
fn the_design_card_is_reached_one_question_at_a_time() {
    let run = ask(
        "ja",
        &["--as-of", "2026-11-22"],
        "hospital\n250\n14000000\nはい\nはい\nはい\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = &run.stderr;
    // The facility, its beds and the cost first; then what the answer turns
    // on, the most yen first, each once.
    let order = [
        "施設の種類は？",
        "病床数は？",
        "事業の経費はいくらですか？",
        "「オンライン資格確認等システムを導入している",
        "「電子処方箋管理サービスを導入している",
        "健診部門システムを導入していますか",
        "答えを変える質問はもうありません。",
    ];
    let places: Vec<usize> = order.iter().map(|q| at(said, q)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{said}");
    assert_eq!(said.matches("答え次第で 6,579,000円 変わります").count(), 2);
    assert_eq!(said.matches("答え次第で 1,498,000円 変わります").count(), 1);
    assert!(
        !said.contains("都道府県"),
        "no program of a prefecture pays on 2026-11-22"
    );
    // The answer alone on stdout.
    let answer = String::from_utf8(run.stdout).unwrap();
    assert!(!answer.contains("施設の種類は？"));
    assert!(
        answer.contains("施設: 病院・250床・健診実施  経費: 14,000,000円"),
        "{answer}"
    );
    at(
        &answer,
        "おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）：\
         電子カルテ情報共有サービスの導入に係る補助金（ehr-sharing）6,579,000円、\
         申請期限 2031-09-30（令和13年9月30日）、あと1773日。",
    );
    assert!(
        !answer.contains("前提です"),
        "nothing is assumed any more: {answer}"
    );
    let command = command_after(&answer, "同じ答えを出すコマンド:");
    assert_eq!(
        command.join(" "),
        "subsidy calc --facility hospital --beds 250 --kenshin yes --cost 14000000 \
         --fact online-qual-in-place=yes --fact e-prescription-introduced=yes --as-of 2026-11-22"
    );
    // It gives the same answer.
    let calc = subsidy().columns(1000).args(&command[1..]).stdout();
    at(
        &calc,
        "おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）：[1] \
         電子カルテ情報共有サービスの導入に係る補助金（ehr-sharing）6,579,000円",
    );
}

#[test]
fn the_most_yen_at_stake_is_asked_first_and_a_skipped_one_stays_assumed() {
    let run = ask(
        "ja",
        &["--as-of", "2025-12-01"],
        "病院\n２５０床\n1400万\n東京\nはい\nyes\n\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = &run.stderr;
    let prefecture = at(
        said,
        "施設のある都道府県は？（例: 福岡県）\n  答え次第で 3,421,000円 変わります\n",
    );
    let fact = at(said, "「オンライン資格確認等システムを導入している");
    let worth = at(said, "答え次第で 2,079,000円 変わります");
    let kenshin = at(
        said,
        "健診部門システムを導入していますか（健診を実施していますか）？\n  答え次第で 1,498,000円 変わります",
    );
    assert!(
        prefecture < fact && fact < worth && worth < kenshin,
        "{said}"
    );
    let answer = String::from_utf8(run.stdout).unwrap();
    // 健診 left unknown: assumed, with what it is worth.
    at(&answer, "おすすめの額は次の要件がそろう前提です");
    at(
        &answer,
        "1,498,000円  健診部門システム導入済（健診実施）か（健診実施の前提）",
    );
    at(&answer, "おすすめは合計 6,579,000円");
    let command = command_after(&answer, "同じ答えを出すコマンド:").join(" ");
    assert_eq!(
        command,
        "subsidy calc --facility hospital --beds 250 --prefecture 東京都 --cost 14000000 \
         --fact online-qual-in-place=yes --fact e-prescription-introduced=yes --as-of 2025-12-01"
    );
}

#[test]
fn a_bad_answer_is_said_with_an_example_and_asked_again() {
    let run = ask(
        "ja",
        &["--as-of", "2026-11-22"],
        "hospitl\n病院\n\n10\n250\n千四百万\n1400万\nたぶん\nはい\nおわり\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = &run.stderr;
    for line in [
        "> hospitl\n  'hospitl' は使えません: 施設の種類ではありません。もしかして hospital ですか？（hospital・病院、clinic・診療所、pharmacy・薬局）\n> 病院\n",
        "> \n  答えが必要です（例: 250）\n> 10\n  '10' は使えません: ",
        "> 千四百万\n  '千四百万' は使えません: ",
        "（例: 14000000",
        "> たぶん\n  'たぶん' は使えません: はい・いいえではありません（例: yes、no、はい、いいえ、あり、なし、1、0）\n> はい\n",
    ] {
        at(said, line);
    }
    // 「おわり」: the answer now, the fact not asked assumed.
    let answer = String::from_utf8(run.stdout).unwrap();
    at(&answer, "6,579,000円  電子処方箋管理サービスを導入している");
    at(&answer, "おすすめは合計 6,579,000円");
}

#[test]
fn the_end_of_input_gives_the_answer_or_names_what_is_missing() {
    // Nothing at all: the facility is missing, said as `calc` says it.
    let run = ask("ja", &[], "");
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    let last = run.stderr.lines().last().unwrap();
    assert!(
        last.starts_with("エラー: --facility を指定してください"),
        "{}",
        run.stderr
    );
    // A hospital and no beds.
    let run = ask("en", &[], "hospital\n");
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("error: missing --beds")
    );
    // Once the facility is known, Ctrl-D gives the answer as it stands:
    // no cost, the largest combination, as `plan` gives it.
    let run = ask("ja", &["--as-of", "2026-11-22"], "病院\n250");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let answer = String::from_utf8(run.stdout).unwrap();
    at(
        &answer,
        "おすすめの組み合わせは最大で合計 6,579,000円（経費 13,158,000円のとき）",
    );
    assert_eq!(
        command_after(&answer, "同じ答えを出すコマンド:").join(" "),
        "subsidy plan --facility hospital --beds 250 --as-of 2026-11-22"
    );
}

#[test]
fn what_the_flags_give_is_not_asked() {
    let run = ask(
        "ja",
        &[
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
            "--as-of",
            "2026-11-22",
        ],
        "\nyes\nyes\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = &run.stderr;
    assert!(
        !said.contains("施設の種類は？") && !said.contains("病床数は？"),
        "{said}"
    );
    assert!(
        !said.contains("健診部門システムを導入していますか"),
        "{said}"
    );
    // The cost left unknown: `plan`'s answer, and its command.
    let answer = String::from_utf8(run.stdout).unwrap();
    at(
        &answer,
        "おすすめの組み合わせは最大で合計 6,579,000円（経費 13,158,000円のとき）",
    );
    let command = command_after(&answer, "同じ答えを出すコマンド:");
    assert_eq!(
        command.join(" "),
        "subsidy plan --facility hospital --beds 250 --kenshin yes \
         --fact online-qual-in-place=yes --fact e-prescription-introduced=yes --as-of 2026-11-22"
    );
    let plan = subsidy().columns(1000).args(&command[1..]).stdout();
    at(
        &plan,
        "おすすめの組み合わせは最大で合計 6,579,000円（経費 13,158,000円のとき）",
    );
    // A flag refused is refused before anything is asked, as `calc` refuses it.
    subsidy()
        .args(["ask", "--facility", "hospital", "--beds", "10"])
        .refused(&["--beds", "'10'"]);
}

#[test]
fn english_asks_and_answers_in_english() {
    let run = ask(
        "en",
        &["--as-of", "2026-11-22"],
        "hospital\n250\n14,000,000\nyes\nskip\ndone\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = &run.stderr;
    at(said, "What kind of facility is it?");
    at(
        said,
        "  6,579,000 yen turns on the answer (yes / no / skip)",
    );
    assert!(!said.contains('「'), "{said}");
    let answer = String::from_utf8(run.stdout).unwrap();
    at(&answer, "Recommended: 6,579,000 yen in all");
    let command = command_after(&answer, "The command that gives this answer:").join(" ");
    assert_eq!(
        command,
        "subsidy calc --facility hospital --beds 250 --cost 14000000 \
         --fact online-qual-in-place=yes --as-of 2026-11-22 --lang en"
    );
}

/// A closed pipe on either side ends the run cleanly: the reader of the
/// answer gone (`| head -0`), the questions' stream gone.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut command = Command::new(env!("CARGO_BIN_EXE_subsidy"));
    for var in SETTINGS_VARS {
        command.env_remove(var);
    }
    let mut child = command
        .args(["ask", "--as-of", "2026-11-22"])
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .env("XDG_DATA_HOME", crate::support::NO_DATA_HOME)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all("病院\n250\n14000000\nはい\nはい\nはい\n".as_bytes())
        .unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
