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

/// Runs `subsidy batch ARGS --as-of AS_OF` with `input` on standard input;
/// a run that takes over two minutes fails (a hang is a failure, not a wait).
pub fn batch(input: &[u8], args: &[&str]) -> Run {
    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .arg("batch")
        .args(args)
        .args(["--as-of", AS_OF])
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
