//! `--data DIR` hazards (issue 10, defect 12): figures too large to compute
//! with, files that are not files, and values too long to quote. Each must
//! stop the command promptly with one short line naming the file (and the
//! line, where there is one); never a panic, a hang or a wrong amount.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

/// Far longer than any of these commands takes; a command that hangs is
/// killed when it runs out, and the test fails instead of hanging.
const PROMPTLY: Duration = Duration::from_secs(60);

/// Runs `subsidy args…` and asserts the refusal contract: exit 2, nothing on
/// stdout, one short line on stderr containing each of `needles`. Returns it.
fn refused(args: &[&str], needles: &[&str]) -> String {
    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .env("SUBSIDY_LANG", "en")
        .args(args)
        .timeout(PROMPTLY)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let shown: String = stderr.chars().take(500).collect();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {shown}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout not empty");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: not one line: {shown}");
    assert!(stderr.starts_with("error: "), "{shown}");
    assert!(
        stderr.len() < 300,
        "{args:?}: {} bytes: {shown}",
        stderr.len()
    );
    for needle in needles {
        assert!(stderr.contains(needle), "{shown} lacks {needle:?}");
    }
    stderr
}

#[test]
fn catalogues_with_figures_too_large_stop_calc_show_and_plan_at_the_figure() {
    // Each case's one fault, the line it is on, and a calc that meets it.
    let hospital = [
        "--facility",
        "hospital",
        "--beds",
        "20",
        "--as-of",
        "2025-11-01",
    ];
    let cases: [(&str, u32, &[&str]); 4] = [
        // per_unit.max 4,294,967,295: calc computed each coupon, for minutes.
        // (The flag itself now stops at parse::MAX_COUNT, a million.)
        (
            "per-unit-max-huge",
            45,
            &["--cost", "100000", "--coupons", "1000000"],
        ),
        // 3 coupons × a cap of 7e18 yen passes u64::MAX.
        (
            "figure-too-large",
            44,
            &["--cost", "100000", "--coupons", "3"],
        ),
        // Item caps adding up to exactly 2^64: show's largest payable was 0円.
        (
            "item-caps-overflow",
            61,
            &[
                "--item",
                "terminal=1000",
                "--item",
                "software=1000",
                "--item",
                "network=1000",
            ],
        ),
        // Four rates with prime denominators near 2^32: their sum passes 2^128.
        (
            "rate-too-fine",
            65,
            &[
                "--cost",
                "600000",
                "--item",
                "terminal=1000000",
                "--item",
                "software=1000000",
                "--item",
                "network=1000000",
                "--item",
                "support=1000000",
            ],
        ),
    ];
    for (case, line, calc) in cases {
        let dir = format!("tests/broken/{case}");
        let at = format!("{dir}/sample.toml:{line}:");
        let calc_args = [&["--data", &dir, "calc"][..], &hospital, calc].concat();
        let line_shown = refused(&calc_args, &["error: rule data: ", &at]);
        assert!(!line_shown.contains("panicked"), "{line_shown}");
        refused(
            &["--data", &dir, "show", "sample", "--as-of", "2025-11-01"],
            &[&at],
        );
        refused(&[&["--data", &dir, "plan"][..], &hospital].concat(), &[&at]);
    }
}

#[test]
fn the_figure_error_says_what_is_wrong_and_what_would_work() {
    let line = refused(
        &[
            "--data",
            "tests/broken/per-unit-max-huge",
            "list",
            "--as-of",
            "2025-11-01",
        ],
        &["per_unit.max 4294967295", "1 to 1000"],
    );
    assert!(line.contains("sample.toml:45:53: "), "{line}");
    let line = refused(
        &["--data", "tests/broken/item-caps-overflow", "list"],
        &["18,446,744,073,709,551,616", "1,000,000,000,000"],
    );
    assert!(line.contains("'terminal'"), "{line}");
}

/// A directory holding a copy of the clean sample as `a.toml`.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/broken/clean/sample.toml", dir.path().join("a.toml")).unwrap();
    dir
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_program_is_refused_not_waited_on() {
    let dir = data_dir();
    let fifo = dir.path().join("x.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Nothing ever writes to it: reading it would wait for ever.
    refused(
        &["--data", arg(dir.path()), "list"],
        &[arg(&fifo), "not a regular file", "FIFO"],
    );
    refused(&["check", arg(dir.path())], &[arg(&fifo), "FIFO"]);
}

#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_is_refused_not_read() {
    let dir = data_dir();
    let link = dir.path().join("x.toml");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    refused(
        &["--data", arg(dir.path()), "list"],
        &[arg(&link), "not a regular file", "device"],
    );
}

#[test]
fn a_directory_named_like_a_program_is_refused_by_its_path() {
    let dir = data_dir();
    let sub = dir.path().join("x.toml");
    std::fs::create_dir(&sub).unwrap();
    refused(
        &["--data", arg(dir.path()), "list"],
        &[arg(&sub), "a directory"],
    );
}

/// The clean sample with a string of `len` letters for a figure, on line 47.
fn with_long_value(len: usize) -> String {
    let clean = std::fs::read_to_string("tests/broken/clean/sample.toml").unwrap();
    let long = format!("business_cost_cap = \"{}\"", "a".repeat(len));
    let text = clean.replace("business_cost_cap = 566_000", &long);
    assert_ne!(text, clean);
    text
}

#[test]
fn a_50_mb_file_is_refused_in_one_short_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::write(&file, with_long_value(50 * 1024 * 1024)).unwrap();
    refused(
        &["--data", arg(dir.path()), "list"],
        &[arg(&file), "4,194,304"],
    );
    refused(&["check", arg(dir.path())], &[arg(&file), "bytes"]);
}

#[test]
fn a_long_value_is_clipped_in_errors_and_findings() {
    // 3 MB: under the size limit, so the TOML is read and the value quoted.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::write(&file, with_long_value(3 * 1024 * 1024)).unwrap();
    let line = refused(
        &["--data", arg(dir.path()), "list"],
        &[&format!("{}:43:", arg(&file)), "aaa…\"", "u64"],
    );
    assert!(line.contains("invalid type: string"), "{line}");

    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .env("SUBSIDY_LANG", "en")
        .args(["check", arg(dir.path()), "--format", "json"])
        .timeout(PROMPTLY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.len() < 2_000, "{} bytes", out.stdout.len());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(
        (finding["code"].as_str(), finding["line"].as_u64()),
        (Some("schema"), Some(43))
    );
    let snippet = finding["snippet"].as_str().unwrap();
    assert_eq!(snippet.chars().count(), 121, "{snippet}");
    assert!(snippet.starts_with("business_cost_cap = \"aaa") && snippet.ends_with("a…"));
    let message = finding["message"].as_str().unwrap();
    assert!(message.len() < 200 && message.ends_with("u64"), "{message}");
}
