//! What the batch test files share: running `subsidy batch` on bytes.

use assert_cmd::Command;

/// The day every batch test judges deadlines on.
pub const AS_OF: &str = "2026-11-21";

/// What a run of the command left.
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs `subsidy batch ARGS --as-of AS_OF --all` in English with `input`
/// on standard input; a run that takes over two minutes fails (a hang is a
/// failure, not a wait). `--all`: these tests are about reading and writing
/// rows, mostly on programs whose windows closed before AS_OF
/// (`tests/batch_shapes.rs` tests what is left out without it).
pub fn batch(input: &[u8], args: &[&str]) -> Run {
    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .env("SUBSIDY_LANG", "en")
        .arg("batch")
        .args(args)
        .args(["--as-of", AS_OF, "--all"])
        .write_stdin(input.to_vec())
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A CSV output read back as a spreadsheet would: the header and the rows,
/// a UTF-8 BOM (`--bom`) taken off first.
pub fn csv_rows(stdout: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::str::from_utf8(stdout).expect("CSV output is UTF-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
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
