//! The rule data's age, said where the answer is (issue 24, item 1): every
//! output for people names the catalogue's version (2026-05-25, the date
//! of its newest document) and how many days before the as-of date it is;
//! past 90 days, one line says programs may have opened or changed since,
//! and where to ask. JSON carries the same as `catalogue.age_days` and
//! `catalogue.stale`. (The web page and the xlsx 情報 sheet are tested in
//! `serve` and `batch_excel`; the layouts in tests/cmd.)
//!
//! The days, counted by hand from 2026-05-25 (May has 31 days, so 6 are
//! left after the 25th; June 30, July 31, August 31, September 30,
//! October 31):
//! - 2026-06-01: 6 + 1 = 7 days: fresh.
//! - 2026-08-23: 6 + 30 + 31 + 23 = 90 days: the last fresh day.
//! - 2026-08-24: 91 days: stale.
//! - 2026-11-21: 6 + 30 + 31 + 31 + 30 + 31 + 21 = 180 days: stale.
//! - 2025-12-01: 30 (rest of December) + 31 + 28 + 31 + 30 + 25 = 175 days
//!   *before* the version.

use serde_json::Value;

use crate::support::subsidy;

const FRESH: &str = "2026-06-01";
const STALE: &str = "2026-11-21";

/// The age line and the stale line's start, in Japanese and English.
const AGE_7_JA: &str = "規則データ 2026-05-25版（7日前）";
const AGE_180_JA: &str = "規則データ 2026-05-25版（180日前）";
const AGE_7_EN: &str = "Rule data of 2026-05-25 (7 days old)";
const AGE_180_EN: &str = "Rule data of 2026-05-25 (180 days old)";
const STALE_JA: &str =
    "規則データが90日を超えて古いため、その後に始まった・変わった制度があるかもしれません。";
const STALE_EN: &str =
    "The rule data is more than 90 days old: programs may have opened or changed since.";

/// A command's text output in `lang`, wide enough that no line wraps.
fn text(lang: &str, args: &[&str], as_of: &str) -> String {
    subsidy()
        .lang(lang)
        .columns(1000)
        .args(args)
        .args(["--as-of", as_of])
        .stdout()
}

/// The text commands, each as a user would run it.
const COMMANDS: [&[&str]; 6] = [
    &[
        "calc",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--cost",
        "14000000",
    ],
    &["calc", "--facility", "clinic", "--cost", "1000000"],
    &[
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
    ],
    &["list"],
    &["show", "ehr-sharing"],
    // A program named without a rate table (data/discovery.toml).
    &["show", "minami-town"],
];

/// Past 90 days, `show` of a program without a rate table sends people to
/// the authority its source names (徳島県美波町), as it has no contact.
#[test]
fn a_program_without_a_rate_table_sends_people_to_its_authority() {
    let out = text("ja", &["show", "minami-town"], STALE);
    assert!(
        out.contains("問合せ先（徳島県美波町）で最新の状況を確認してください。"),
        "{out}"
    );
    assert!(!text("ja", &["show", "minami-town"], FRESH).contains("問合せ先"));
}

#[test]
fn every_text_output_names_the_data_and_its_age_in_both_languages() {
    let cases = [
        ("ja", FRESH, AGE_7_JA, STALE_JA, false),
        ("ja", STALE, AGE_180_JA, STALE_JA, true),
        ("en", FRESH, AGE_7_EN, STALE_EN, false),
        ("en", STALE, AGE_180_EN, STALE_EN, true),
    ];
    for args in COMMANDS {
        for (lang, as_of, age, stale, is_stale) in cases {
            let out = text(lang, args, as_of);
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(
                lines.iter().filter(|l| **l == age).count(),
                1,
                "{lang} {args:?} {as_of}: the age line once:\n{out}"
            );
            assert_eq!(
                out.contains(stale),
                is_stale,
                "{lang} {args:?} {as_of}: stale line:\n{out}"
            );
            // Where it is, the stale line is the one under the age line.
            if is_stale {
                let at = lines.iter().position(|l| *l == age).unwrap();
                assert!(lines[at + 1].starts_with(stale), "{out}");
            }
        }
    }
}

#[test]
fn the_stale_line_comes_only_past_90_days() {
    let hospital = COMMANDS[0];
    // 90 days (2026-08-23): the age, nothing more.
    let day_90 = text("ja", hospital, "2026-08-23");
    assert!(
        day_90.contains("規則データ 2026-05-25版（90日前）"),
        "{day_90}"
    );
    assert!(!day_90.contains("90日を超えて"), "{day_90}");
    // 91 days (2026-08-24): stale.
    let day_91 = text("ja", hospital, "2026-08-24");
    assert!(
        day_91.contains("規則データ 2026-05-25版（91日前）"),
        "{day_91}"
    );
    assert!(day_91.contains(STALE_JA), "{day_91}");
    let day_91 = text("en", hospital, "2026-08-24");
    assert!(
        day_91.contains("Rule data of 2026-05-25 (91 days old)"),
        "{day_91}"
    );
    assert!(day_91.contains(STALE_EN), "{day_91}");
}

#[test]
fn the_age_follows_the_answer_and_the_stale_line_says_where_to_ask() {
    // calc and plan: the answer is the last paragraph; the data's age
    // comes under it, never above the table.
    for args in [COMMANDS[0], COMMANDS[1], COMMANDS[2]] {
        let out = text("ja", args, STALE);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("基準日: 2026-11-21"), "{out}");
        let age = lines.iter().position(|l| *l == AGE_180_JA).unwrap();
        assert!(
            lines[age - 1].contains("申請できる"),
            "the age follows the answer:\n{out}"
        );
        // The stale line is the last; many programs: each one's contact,
        // which `subsidy show ID` prints.
        assert_eq!(
            lines.last().unwrap(),
            &format!(
                "{STALE_JA}各制度の問合せ先（subsidy show ID で表示）で最新の状況を確認してください。"
            ),
            "{out}"
        );
    }
    let en = text("en", COMMANDS[1], STALE);
    assert!(
        en.ends_with(&format!(
            "{STALE_EN} Check with each program's contact (subsidy show ID shows it).\n"
        )),
        "{en}"
    );
}

#[test]
fn show_names_the_programs_own_contact_from_its_data() {
    // ehr-sharing: [contact] オンライン資格確認等コールセンター 0800-080-4583 (003 No.12).
    let ja = text("ja", &["show", "ehr-sharing"], STALE);
    assert!(
        ja.contains(&format!(
            "{STALE_JA}問合せ先（オンライン資格確認等コールセンター 0800-080-4583）で最新の状況を確認してください。"
        )),
        "{ja}"
    );
    let en = text("en", &["show", "ehr-sharing"], STALE);
    assert!(
        en.contains(
            "Check with its contact: Online eligibility confirmation call centre 0800-080-4583."
        ),
        "{en}"
    );
    // national-work-environment: 001 gives no number (phone = "—"), only
    // 「各都道府県にお問い合わせください」: the name alone, no dash.
    let national = text("ja", &["show", "national-work-environment"], STALE);
    assert!(
        national.contains("問合せ先（各都道府県の担当窓口）で最新の状況を確認してください。"),
        "{national}"
    );
    // The age sits under the deadline it judges.
    let lines: Vec<&str> = ja.lines().collect();
    let age = lines.iter().position(|l| *l == AGE_180_JA).unwrap();
    assert!(lines[age - 1].starts_with("申請期限: "), "{ja}");
}

#[test]
fn before_the_version_the_age_counts_forward_and_is_never_stale() {
    let ja = text("ja", COMMANDS[0], "2025-12-01");
    assert!(
        ja.contains("規則データ 2026-05-25版（基準日の175日後）"),
        "{ja}"
    );
    assert!(!ja.contains("日前）") && !ja.contains("超えて古い"), "{ja}");
    let en = text("en", COMMANDS[0], "2025-12-01");
    assert!(
        en.contains("Rule data of 2026-05-25 (175 days after the as-of date)"),
        "{en}"
    );
    // On the version's own day.
    let same = text("ja", COMMANDS[0], "2026-05-25");
    assert!(
        same.contains("規則データ 2026-05-25版（基準日当日）"),
        "{same}"
    );
    let same = text("en", COMMANDS[0], "2026-05-25");
    assert!(
        same.contains("Rule data of 2026-05-25 (the as-of date itself)"),
        "{same}"
    );
}

/// `subsidy ARGS --as-of AS_OF --format json`, parsed.
fn json(args: &[&str], as_of: &str) -> Value {
    subsidy()
        .args(args)
        .args(["--as-of", as_of, "--format", "json"])
        .json()
}

#[test]
fn json_carries_the_age_beside_the_version() {
    for args in [COMMANDS[0], COMMANDS[2], COMMANDS[3], COMMANDS[4]] {
        for (as_of, days, stale) in [(FRESH, 7, false), (STALE, 180, true)] {
            let out = json(args, as_of);
            let catalogue = &out["catalogue"];
            assert_eq!(catalogue["version"], "2026-05-25", "{args:?}");
            assert_eq!(catalogue["sha256"].as_str().unwrap().len(), 64);
            assert_eq!(catalogue["age_days"], days, "{args:?} {as_of}");
            assert_eq!(catalogue["stale"], stale, "{args:?} {as_of}");
        }
    }
    // Before the version: negative.
    assert_eq!(
        json(COMMANDS[0], "2025-12-01")["catalogue"]["age_days"],
        -175
    );
}

#[test]
fn the_batch_summary_names_the_data_and_its_age() {
    let input = "facility,beds,cost\nhospital,250,14000000\n";
    let run = |lang: &str, as_of: &str| {
        subsidy()
            .lang(lang)
            .args(["batch", "--shape", "summary", "--as-of", as_of])
            .stdin(input)
            .run()
            .stderr
    };
    assert_eq!(
        run("ja", STALE),
        format!(
            "batch: 1行を読み、1行を書き、0行がエラーです\n{AGE_180_JA}\n{STALE_JA}\
             各制度の問合せ先（subsidy show ID で表示）で最新の状況を確認してください。\n"
        )
    );
    assert_eq!(
        run("en", FRESH),
        format!("batch: 1 rows read, 1 rows written, 0 rows with errors\n{AGE_7_EN}\n")
    );
    // --quiet: nothing, the age included.
    let quiet = subsidy()
        .args(["batch", "--shape", "summary", "-q", "--as-of", STALE])
        .stdin(input)
        .run();
    assert_eq!(quiet.stderr, "");
}

/// Each event's description in `subsidy plan --format ics`, unfolded and
/// unescaped.
fn ics_descriptions(lang: &str, as_of: &str) -> Vec<String> {
    let ics = subsidy()
        .lang(lang)
        .args([
            "plan",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
        ])
        .args(["--as-of", as_of, "--format", "ics"])
        .stdout();
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("DESCRIPTION:"))
        .filter(|d| d.contains("\\n"))
        .map(|d| {
            d.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
        })
        .collect()
}

#[test]
fn each_calendar_event_names_the_data_its_age_and_the_programs_contact() {
    let stale = ics_descriptions("ja", STALE);
    assert!(!stale.is_empty());
    for description in &stale {
        let lines: Vec<&str> = description.lines().collect();
        let at = lines.iter().position(|l| *l == AGE_180_JA).unwrap();
        assert!(
            lines[at - 1].starts_with("基準日: 2026-11-21"),
            "{description}"
        );
        // ehr-sharing, the design card's one event: the call centre of 003 No.12.
        assert_eq!(
            lines[at + 1],
            format!(
                "{STALE_JA}問合せ先（オンライン資格確認等コールセンター 0800-080-4583）で最新の状況を確認してください。"
            )
        );
    }
    for description in ics_descriptions("en", FRESH) {
        assert!(description.ends_with(AGE_7_EN), "{description}");
    }
}
