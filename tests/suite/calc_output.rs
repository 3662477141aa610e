//! What `calc` shows, and where: the answer first. What can be applied for
//! is shown, the rest is counted, the summary comes last, and the layout
//! survives the terminals people have. The exact outputs are held in
//! `tests/cmd`; these tests state the rules those outputs must keep.

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::support::subsidy;

/// The design card: 250床の病院, 健診実施, 14,000,000円, on 2026-11-22, when
/// only ehr-sharing is open. 001 / 003 No.12: 13,158,000 × 1/2 = 6,579,000円,
/// deadline 2031-09-30 (001 補助金申請期間「令和13年9月30日までに申請」).
const DESIGN_CARD: [&str; 11] = [
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
    "2026-11-22",
];

/// Runs with `COLUMNS` (`None`: piped, width unknown) and returns stdout.
fn run(columns: Option<&str>, args: &[&str]) -> String {
    let mut cmd = subsidy();
    if let Some(columns) = columns {
        cmd.columns(columns);
    }
    cmd.args(args).stdout()
}

fn json(args: &[&str]) -> Value {
    let args = [args, &["--format", "json"]].concat();
    serde_json::from_str(&run(None, &args)).unwrap()
}

/// The last paragraph of the output, joined into one line.
fn last_paragraph(text: &str) -> String {
    text.trim_end()
        .rsplit("\n\n")
        .next()
        .unwrap()
        .replace('\n', "")
}

#[test]
fn the_design_card_fits_one_screen_at_80_columns_with_the_answer_last() {
    let text = run(Some("80"), &DESIGN_CARD);
    assert!(
        text.lines().count() <= 40,
        "{} lines:\n{text}",
        text.lines().count()
    );
    for line in text.lines() {
        // Ambiguous-width characters counted as two: the widest a terminal draws them.
        assert!(line.width_cjk() <= 80, "wider than 80: {line:?}");
    }
    // Never split: each whole on some line.
    for whole in [
        "6,579,000円",
        "2031-09-30",
        "ehr-sharing",
        "令和13年9月30日",
    ] {
        assert!(
            text.lines().any(|l| l.contains(whole)),
            "{whole} split:\n{text}"
        );
    }
    let summary = last_paragraph(&text);
    assert!(summary.starts_with("申請できる制度: 1件"), "{summary}");
    assert!(summary.contains("6,579,000円"), "{summary}");
    assert!(summary.contains("ehr-sharing"), "{summary}");
    assert!(summary.contains("2031-09-30"), "{summary}");
    // 2026-11-22 → 2031-09-30 is 1,773 days.
    assert!(summary.contains("あと1773日"), "{summary}");
}

#[test]
fn the_design_card_keeps_numbers_whole_at_120_columns_and_piped() {
    for columns in [Some("120"), None, Some("0")] {
        let text = run(columns, &DESIGN_CARD);
        for whole in ["6,579,000円", "2031-09-30", "(ehr-sharing)"] {
            assert!(
                text.lines().any(|l| l.contains(whole)),
                "{columns:?}: {text}"
            );
        }
        assert!(last_paragraph(&text).starts_with("申請できる制度: 1件"));
        let widest = if columns == Some("120") { 120 } else { 100 };
        assert!(
            text.lines().all(|l| l.width_cjk() <= widest),
            "{columns:?}: {text}"
        );
    }
    // A terminal that reports width 0 is "unknown", laid out as a pipe is.
    assert_eq!(run(Some("0"), &DESIGN_CARD), run(None, &DESIGN_CARD));
}

#[test]
fn rows_that_cannot_be_applied_for_never_show_a_bare_amount_by_default() {
    let text = run(Some("80"), &DESIGN_CARD);
    // fukuoka-work-environment closed on 2025-12-15 (003 No.13); its 10,000,000円
    // (250 beds × 40,000円, capped) would read as more than the real answer.
    assert!(!text.contains("10,000,000円"), "{text}");
    assert!(!text.contains("fukuoka-work-environment"), "{text}");
    // It is counted instead, with the reason.
    // national-work-environment's 10,000,000円 too: the sources give no
    // application period (each prefecture sets its own), so it is counted apart.
    assert!(text.contains(
        "ほかに18制度・29区分は申請できないため表示していません（締切済 28、期間の記載な"
    ));
    // With --all it is in its own section, its amount in brackets as a reference.
    let all = run(Some("80"), &[&DESIGN_CARD[..], &["--all"]].concat());
    let (open, reference) = all.split_once("申請できないもの（参考").unwrap();
    assert!(!open.contains("10,000,000円"));
    assert!(reference.contains("(10,000,000円)"), "{reference}");
    assert!(!reference.contains(" 10,000,000円"), "{reference}");
}

#[test]
fn all_reaches_every_tier_and_json_says_which_are_shown_by_default() {
    let out = json(&DESIGN_CARD);
    let results = out["results"].as_array().unwrap();
    // 29 tiers with dates, and national-work-environment's hospital tier.
    assert_eq!(results.len(), 30);
    let shown: Vec<&Value> = results
        .iter()
        .filter(|r| r["shown_by_default"] == true)
        .collect();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["program"], "ehr-sharing");
    assert_eq!(shown[0]["left_out"], Value::Null);
    assert!(
        results
            .iter()
            .filter(|r| r["shown_by_default"] == false)
            .all(|r| r["left_out"] == "closed" || r["left_out"] == "period-unknown")
    );
    let all = run(Some("200"), &[&DESIGN_CARD[..], &["--all"]].concat());
    for r in results {
        let id = format!("({})", r["program"].as_str().unwrap());
        assert!(all.contains(&id), "--all lacks {id}");
    }
    // One numbered row per result: the last row is [29].
    assert!(all.lines().any(|l| l.starts_with("29  締切済")), "{all}");
}

#[test]
fn a_clinic_and_a_pharmacy_are_told_nothing_can_be_applied_for() {
    for facility in ["clinic", "pharmacy"] {
        let text = run(
            Some("80"),
            &[
                "calc",
                "--facility",
                facility,
                "--cost",
                "1000000",
                "--as-of",
                "2026-11-22",
            ],
        );
        let summary = last_paragraph(&text);
        assert!(
            summary.starts_with(
                "2026-11-22（令和8年11月22日）時点で、この施設が申請できる制度はありません。"
            ),
            "{facility}: {summary}"
        );
        assert!(summary.contains("--all"), "{summary}");
        // The header, the line of what is left out and the answer; then the
        // rule data's age and (181 days past 2026-05-25) that it is stale.
        assert!(text.lines().count() <= 11, "{text}");
        // No table at all: nothing shows an amount as if it could be claimed.
        assert!(!text.contains("補助額"), "{text}");
    }
}

#[test]
fn a_reason_shared_by_many_rows_is_said_once() {
    // A pharmacy: ehr-sharing names pharmacies as not covered (001); the rest give no pharmacy tier.
    let text = run(
        Some("120"),
        &[
            "calc",
            "--facility",
            "pharmacy",
            "--cost",
            "1000000",
            "--as-of",
            "2026-11-22",
            "--all",
        ],
    );
    let reason = "出典に薬局の区分・金額がありません";
    assert_eq!(text.matches(reason).count(), 1, "{text}");
    let line = text.lines().find(|l| l.contains(reason)).unwrap();
    assert!(line.trim_start().starts_with("[2-"), "{line}");
}

#[test]
fn a_named_program_is_shown_whatever_its_status() {
    let text = run(
        Some("80"),
        &[
            "calc",
            "--program",
            "fukuoka-work-environment",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--cost",
            "14000000",
            "--as-of",
            "2026-11-22",
        ],
    );
    assert!(text.contains("(fukuoka-work-environment)"), "{text}");
    assert!(text.contains("(10,000,000円)"), "{text}");
    assert!(last_paragraph(&text).contains("申請できる制度はありません"));
}

#[test]
fn explain_without_a_program_explains_only_the_rows_shown() {
    let text = run(None, &[&DESIGN_CARD[..], &["--explain"]].concat());
    assert_eq!(text.matches("\n[1] ").count(), 1, "{text}");
    assert!(!text.contains("\n[2] "), "{text}");
    assert!(
        text.contains("13,158,000  事業額上限 13,158,000 で頭打ち"),
        "{text}"
    );
}

#[test]
fn a_narrow_terminal_gets_one_block_per_program() {
    let text = run(Some("40"), &DESIGN_CARD);
    assert!(text.lines().any(|l| l == "  補助額: 6,579,000円"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("  申請期限: 2031-09-30")),
        "{text}"
    );
}

#[test]
fn colour_only_on_request_or_on_a_terminal_without_no_color() {
    let plain = run(Some("80"), &DESIGN_CARD);
    assert!(!plain.contains('\x1b'), "a pipe got escape codes");
    let always = run(
        Some("80"),
        &[&DESIGN_CARD[..], &["--color", "always"]].concat(),
    );
    assert!(always.contains("\x1b[1m6,579,000円"), "{always}");
    // Take the escapes out and it is the plain output.
    let stripped = always.replace("\x1b[1m", "").replace("\x1b[0m", "");
    assert_eq!(stripped, plain);
    let mut cmd = subsidy();
    let never = cmd
        .env("NO_COLOR", "1")
        .args(DESIGN_CARD)
        .args(["--color", "auto"])
        .output();
    assert!(!never.stdout.contains(&0x1b));
}

/// On the deadline day itself the window is still open (a deadline day is
/// open), and it reads 本日締切, never あと0日. 003 No.1: 申請期日
/// 「令和８年１月15日（木）」; a clinic's 60,000円 → 45,000円.
#[test]
fn the_deadline_day_says_it_closes_today() {
    let args = [
        "calc",
        "--facility",
        "clinic",
        "--cost",
        "60000",
        "--program",
        "online-qual-medical-aid",
        "--as-of",
        "2026-01-15",
    ];
    let text = run(Some("80"), &args);
    assert!(text.contains("本日締切"), "{text}");
    assert!(!text.contains("あと0日"), "{text}");
    let explained = run(Some("80"), &[&args[..], &["--explain"]].concat());
    // Kept whole on its line, wherever the line breaks.
    assert!(
        explained.lines().any(|l| l.contains("本日締切")),
        "{explained}"
    );
}
