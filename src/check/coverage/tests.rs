//! Coverage measured on tiny catalogues written here.

use super::*;

/// A program with one cap (補助限度額 283,000円 at 1/2, no 事業額上限), no
/// dates and no conditions; `examples` appended as written.
fn program(examples: &str) -> String {
    format!(
        r#"id = "tiny"
name = {{ ja = "小さな補助金", en = "Tiny subsidy" }}
short_name = {{ ja = "小さな補助金", en = "Tiny subsidy" }}
authority = {{ ja = "国", en = "National" }}
implementer = {{ ja = "支払基金", en = "Fund" }}
fund = {{ ja = "基金", en = "Fund" }}
summary = {{ ja = "概要", en = "Summary" }}
eligibility = {{ ja = "病院", en = "Hospitals" }}
covered_costs = {{ ja = "改修費", en = "Changes" }}
dates = []

[apply]
how = {{ ja = "ポータル", en = "Portal" }}
url = "https://example.org/apply"
cite = {{ source = "003", at = "No.1 申請方法" }}

[contact]
name = {{ ja = "コールセンター", en = "Call centre" }}
phone = "0800-000-0000"
hours = {{ ja = "平日", en = "Weekdays" }}
cite = {{ source = "003", at = "No.1 問合せ先" }}

[[sources]]
id = "003"

[rounding]
rule = "truncate-1000"
cite = {{ source = "003", at = "No.1 ※申請額1,000円未満は切捨て" }}

[tax]
basis = "not-stated"
evidence = {{ ja = "記載なし", en = "Not stated" }}

[[tiers]]
id = "hospital"
facilities = ["hospital"]
label = {{ ja = "病院", en = "Hospital" }}
cite = {{ source = "003", at = "No.1 病院" }}

[tiers.rule.capped]
rate = "1/2"
grant_cap = 283_000
{examples}"#
    )
}

/// An example of the tier at `cost`, paying `grant`.
fn example(cost: u64, grant: u64) -> String {
    format!(
        "\n[[examples]]\ntier = \"hospital\"\nfacility = \"hospital\"\nbeds = 20\ncost = {cost}\ngrant = {grant}\neligibility = \"eligible\"\ncite = {{ source = \"003\", at = \"x\" }}\n"
    )
}

fn coverage_of(text: &str) -> (Vec<Finding>, ProgramCoverage) {
    let options = Options {
        as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        stale_days: 365,
        documents: None,
        coverage: true,
    };
    let report = check(&[("tiny.toml".to_string(), text.to_string())], &options);
    let coverage = report.coverage.expect("the examples ran");
    assert_eq!(coverage.programs.len(), 1);
    let program = coverage.programs.into_iter().next().unwrap();
    (report.findings, program)
}

#[test]
fn a_cap_no_example_binds_is_named_until_one_does() {
    // 100,001 × 1/2 = 50,000.5 → 50,000 (1,000円未満切捨て): the cap of
    // 283,000 does not bind, the rounding changes the figure.
    let one = program(&example(100_001, 50_000));
    let (findings, coverage) = coverage_of(&one);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
    assert_eq!(
        (coverage.covered, coverage.total, coverage.percent),
        (3, 4, 75)
    );
    let missing: Vec<(&str, &str)> = coverage
        .missing()
        .map(|t| (t.text.as_str(), t.text_ja.as_str()))
        .collect();
    assert_eq!(
        missing,
        [(
            "tier hospital's grant cap (補助限度額) binds",
            "区分 hospital の補助限度額が効く"
        )]
    );
    // Each covered target names the example's line (its [[examples]] header).
    let line = one.lines().position(|l| l == "[[examples]]").unwrap() + 1;
    let free = coverage
        .targets
        .iter()
        .find(|t| {
            t.target
                == Target::GrantCap {
                    tier: "hospital".into(),
                    binds: false,
                }
        })
        .unwrap();
    assert_eq!(free.examples, [line]);
    // No dates: the window is no target, and the report says why.
    assert_eq!(coverage.not_targets.len(), 1);
    assert_eq!(coverage.not_targets[0].reason, Reason::NoDeadline);
    assert_eq!(
        coverage.not_targets[0].why_ja,
        "出典に申請期間の記載がないため"
    );

    // 600,000 × 1/2 = 300,000, capped at 283,000: now every target is covered.
    let both = program(&format!(
        "{}{}",
        example(100_001, 50_000),
        example(600_000, 283_000)
    ));
    let (_, coverage) = coverage_of(&both);
    assert_eq!(
        (coverage.covered, coverage.total, coverage.percent),
        (4, 4, 100)
    );
    assert_eq!(coverage.missing().count(), 0);
}

#[test]
fn an_example_that_fails_covers_nothing() {
    // The binding example with a wrong grant: reported, and not counted.
    let text = program(&format!(
        "{}{}",
        example(100_001, 50_000),
        example(600_000, 300_000)
    ));
    let (findings, coverage) = coverage_of(&text);
    assert!(findings.iter().any(|f| f.code == Code::ExampleMismatch));
    assert_eq!((coverage.covered, coverage.total), (3, 4));
}

#[test]
fn a_cap_that_cannot_bind_is_a_note_with_the_most_it_can_be() {
    // 事業額上限 566,000 × 1/2 = 283,000: the grant cap never lowers a figure.
    let text = program(&example(600_000, 283_000)).replace(
        "grant_cap = 283_000",
        "business_cost_cap = 566_000\ngrant_cap = 283_000",
    );
    let (_, coverage) = coverage_of(&text);
    let note = coverage
        .not_targets
        .iter()
        .find(|n| matches!(n.target, Target::GrantCap { binds: true, .. }))
        .unwrap();
    assert_eq!(
        note.reason,
        Reason::NeverBinds {
            most: "283,000".into(),
            cap: 283_000
        }
    );
    assert_eq!(
        note.why,
        "the amount before the cap is at most 283,000 yen, never above the cap of 283,000 yen"
    );
    // The 事業額上限 binds at 600,000, where 283,000 needs no rounding;
    // nothing shows the cap not binding, nor the rounding at work.
    let missing: Vec<&str> = coverage.missing().map(|t| t.text.as_str()).collect();
    assert_eq!(
        missing,
        [
            "tier hospital's business-cost cap (事業額上限) does not bind",
            "the rounding rule (amounts under 1,000 yen truncated) changes the grant"
        ]
    );
}

/// The window is covered on its own days only, by examples that state
/// both the day and the window; the rules' window must agree.
#[test]
fn the_deadline_day_and_the_day_after_are_covered_by_dated_examples() {
    let dated = |day: &str, window: &str| {
        example(600_000, 283_000).replace(
            "eligibility = \"eligible\"",
            &format!("eligibility = \"eligible\"\nas_of = \"{day}\"\nwindow = \"{window}\""),
        )
    };
    let base = program(&format!(
        "{}{}",
        example(100_001, 50_000),
        dated("2026-01-15", "open")
    ))
    .replace(
        "dates = []",
        "[[dates]]\nkind = \"deadline\"\ndate = \"2026-01-15\"\ncite = { source = \"003\", at = \"No.1 申請期日\" }",
    );
    // `dates = []` sat before the tables: move the array of tables after them.
    let base = move_dates_last(&base);
    let (findings, coverage) = coverage_of(&base);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
    let missing: Vec<&str> = coverage.missing().map(|t| t.text.as_str()).collect();
    assert_eq!(
        missing,
        ["on 2026-01-16, the day after the last deadline, the window is closed"]
    );
    // The day after, said closed: covered. Said open: a mismatch, not covered.
    let closed = format!("{base}{}", dated("2026-01-16", "closed"));
    let (_, coverage) = coverage_of(&closed);
    assert_eq!(coverage.percent, 100);
    let wrong = format!("{base}{}", dated("2026-01-16", "open"));
    let (findings, coverage) = coverage_of(&wrong);
    let mismatch = findings
        .iter()
        .find(|f| f.code == Code::ExampleMismatch)
        .unwrap();
    assert_eq!(
        mismatch.message,
        "example for tier 'hospital' expects the window open on 2026-01-16, the rules say closed"
    );
    assert_eq!(coverage.missing().count(), 1);
}

/// The `[[dates]]` table written where `dates = []` was (before `[apply]`)
/// would swallow the keys after it: put it at the end instead.
fn move_dates_last(text: &str) -> String {
    let start = text.find("[[dates]]").unwrap();
    let end = text.find("\n[apply]").unwrap();
    let dates = &text[start..end];
    format!("{}{}\n{dates}\n", &text[..start], &text[end..])
}

/// A window needs its day, and is one of the window's words.
#[test]
fn a_window_without_its_day_or_with_an_unknown_word_is_refused() {
    let with = |extra: &str| {
        program(&example(100_001, 50_000).replace(
            "eligibility = \"eligible\"",
            &format!("eligibility = \"eligible\"\n{extra}"),
        ))
    };
    let (findings, coverage) = coverage_of(&with("window = \"open\""));
    let [finding] = &findings[..] else {
        panic!("{findings:?}")
    };
    assert_eq!(finding.code, Code::Schema);
    assert_eq!(
        finding.message,
        "example for tier 'hospital' states a window but no as_of to judge it on"
    );
    // A refused example covers nothing.
    assert_eq!(coverage.covered, 0);
    let (findings, _) = coverage_of(&with("as_of = \"2026-01-15\"\nwindow = \"shut\""));
    assert_eq!(
        findings
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>(),
        ["window 'shut' is not open, not-yet-open, opening-not-stated, closed or unknown"]
    );
}
