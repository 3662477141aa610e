//! Loading the catalogue: the built-in one, decoded whole or one program
//! at a time, and another one with `--data DIR`, with its hazards: figures
//! too large to compute with, files that are not files, and values too long
//! to quote. Each hazard must stop the command promptly with one short line
//! naming the file (and the line, where there is one); never a panic, a
//! hang or a wrong amount.

use std::path::Path;
use std::time::Duration;

use crate::support::{json, subsidy};

/// Far longer than any of these commands takes; a command that hangs is
/// killed when it runs out, and the test fails instead of hanging.
const PROMPTLY: Duration = Duration::from_secs(60);

/// Runs `subsidy args…` in English and asserts the refusal contract
/// (`Subsidy::refused`), promptly, with a short line. Returns it.
fn refused(args: &[&str], needles: &[&str]) -> String {
    let stderr = subsidy()
        .lang("en")
        .args(args)
        .timeout(PROMPTLY)
        .refused(needles);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        stderr.len() < 300,
        "{args:?}: {} bytes: {}",
        stderr.len(),
        stderr.chars().take(500).collect::<String>()
    );
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
            49,
            &["--cost", "100000", "--coupons", "1000000"],
        ),
        // 3 coupons × a cap of 7e18 yen passes u64::MAX.
        (
            "figure-too-large",
            48,
            &["--cost", "100000", "--coupons", "3"],
        ),
        // Item caps adding up to exactly 2^64: show's largest payable was 0円.
        (
            "item-caps-overflow",
            64,
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
            69,
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
    assert!(line.contains("sample.toml:49:49: "), "{line}");
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

/// The clean sample with a string of `len` letters for a figure, on line 46.
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
        &[&format!("{}:47:", arg(&file)), "aaa…\"", "u64"],
    );
    assert!(line.contains("invalid type: string"), "{line}");

    let out = subsidy()
        .lang("en")
        .args(["check", arg(dir.path()), "--format", "json"])
        .timeout(PROMPTLY)
        .output();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.len() < 2_000, "{} bytes", out.stdout.len());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(
        (finding["code"].as_str(), finding["line"].as_u64()),
        (Some("schema"), Some(47))
    );
    let snippet = finding["snippet"].as_str().unwrap();
    assert_eq!(snippet.chars().count(), 121, "{snippet}");
    assert!(snippet.starts_with("business_cost_cap = \"aaa") && snippet.ends_with("a…"));
    let message = finding["message"].as_str().unwrap();
    assert!(message.len() < 200 && message.ends_with("u64"), "{message}");
}

#[test]
fn data_dir_loads_another_catalogue() {
    let dir = std::env::temp_dir().join(format!("subsidy-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("data/ehr-sharing.toml")
        .unwrap()
        .replace("6_579_000", "6_000_000");
    std::fs::write(dir.join("ehr-sharing.toml"), text).unwrap();
    let out = json(&[
        "--data",
        dir.to_str().unwrap(),
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
        "2026-11-21",
    ]);
    assert_eq!(out["results"].as_array().unwrap().len(), 1);
    assert_eq!(out["results"][0]["grant"], 6_000_000);

    std::fs::write(dir.join("broken.toml"), "id = 3\n").unwrap();
    refused(&["--data", dir.to_str().unwrap(), "list"], &["broken.toml"]);
    std::fs::remove_dir_all(&dir).unwrap();
    refused(
        &["--data", dir.to_str().unwrap(), "list"],
        &["subsidy-data-"],
    );
}

// The built-in catalogue is compiled by the build and `calc --program ID`
// decodes only what it needs. Whatever path loads it, the answer is the one
// the TOML in data/ gives (`--data data` parses it with every check).

/// Exit status, stdout and stderr: a refusal must be the same refusal.
/// The receipt's first layer is named by where it was read from (`builtin`,
/// or `data` with its directory), which is all that may differ: it is
/// checked, then left out of the JSON compared.
fn calc(args: &[&str]) -> (Option<i32>, String, String) {
    let out = subsidy()
        .lang("en")
        .args(["calc", "--as-of", "2026-05-25", "--format", "json"])
        .args(args)
        .output();
    let mut stdout = String::from_utf8(out.stdout).unwrap();
    if let Ok(mut json) = serde_json::from_str::<serde_json::Value>(&stdout) {
        let layer = json["catalogue"]["layers"][0].as_object_mut().unwrap();
        let name = layer.remove("name").unwrap();
        let dir = layer.remove("dir").unwrap();
        let from_data = args.contains(&"--data");
        assert_eq!(name, if from_data { "data" } else { "builtin" });
        assert_eq!(dir.as_str(), from_data.then_some("data"));
        stdout = json.to_string();
    }
    (
        out.status.code(),
        stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_program_alone_gives_what_the_data_directory_gives() {
    let ids: Vec<String> = std::fs::read_dir("data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "sources.toml")
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(ids.len() >= 18, "{ids:?}");
    let mut answered = 0;
    for facility in [
        &[
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
        ][..],
        &["--facility", "clinic", "--prefecture", "福岡県"][..],
    ] {
        for id in &ids {
            let args = [
                &["--program", id.as_str(), "--cost", "3000000"][..],
                facility,
            ]
            .concat();
            let fast = calc(&args);
            let full = calc(&[&["--data", "data"][..], &args].concat());
            assert_eq!(fast, full, "{args:?}");
            answered += usize::from(fast.0 == Some(0));
        }
    }
    // Most are answers, not refusals (those asking for --item refuse --cost).
    assert!(answered >= 2 * ids.len() - 8, "{answered}");
}

#[test]
fn a_fact_of_another_program_is_still_known() {
    // e-prescription-introduced is asked by ehr-sharing, not by e-prescription.
    let (code, out, _) = calc(&[
        "--program",
        "e-prescription",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--cost",
        "3000000",
        "--fact",
        "e-prescription-introduced=yes",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.contains("\"e-prescription\""), "{out}");
}
