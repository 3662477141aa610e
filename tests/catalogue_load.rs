//! Issue 14, part 5: the built-in catalogue is compiled by the build and
//! `calc --program ID` decodes only what it needs. Whatever path loads it,
//! the answer is the one the TOML in data/ gives (`--data data` parses it
//! with every check).

use assert_cmd::Command;

/// Exit status, stdout and stderr: a refusal must be the same refusal.
fn calc(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .env("SUBSIDY_LANG", "en")
        .args(["calc", "--as-of", "2026-05-25", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
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
