//! What every test module shares: one way to run the `subsidy` binary, the
//! bad-input contract, and reading a batch's CSV back.
//!
//! Every run starts from the same environment: `SUBSIDY_LANG`, `COLUMNS` and
//! `NO_COLOR` removed, so the tool speaks Japanese (its default), does not
//! know the width of its output (piped), and colours only on request. A
//! test that needs another language or width says so on the run
//! (`.lang("en")`, `.columns(80)`), never through the environment it
//! happens to be started in. No run reads the user's settings: the config
//! file is looked for under [`NO_CONFIG_HOME`] (in the repository, empty),
//! and `SUBSIDY_CONFIG` and `SUBSIDY_EXTEND` are removed; a test of the
//! settings sets its own. Nor does any run see a catalogue the person
//! installed with `subsidy update`: `XDG_DATA_HOME` is [`NO_DATA_HOME`]
//! (in the repository, empty); a test that installs uses its own directory.

use std::ffi::OsStr;
use std::fmt::Display;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

/// A run that takes longer fails (a hang is a failure, not a wait).
const TIMEOUT: Duration = Duration::from_secs(120);

/// `XDG_CONFIG_HOME` of every run: a directory of the repository with no
/// `subsidy/config.toml` in it, so that no test reads the settings of the
/// person running it.
pub const NO_CONFIG_HOME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/config/none");

/// `XDG_DATA_HOME` of every run: a directory of the repository with no
/// `subsidy/installed.toml` in it, so that no test uses a catalogue the
/// person running it installed with `subsidy update`.
pub const NO_DATA_HOME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/config/none");

/// The environment variables of the user's settings that every run removes.
pub const SETTINGS_VARS: [&str; 3] = ["SUBSIDY_LANG", "SUBSIDY_CONFIG", "SUBSIDY_EXTEND"];

/// The day the batch tests judge deadlines on.
pub const AS_OF: &str = "2026-11-21";

/// `subsidy` about to run, in the environment described at the top of this
/// file; set arguments, standard input and what differs, then run it.
pub struct Subsidy {
    cmd: assert_cmd::Command,
    /// The arguments, for failure messages.
    shown: Vec<String>,
}

/// The `subsidy` binary of this build, ready to be given arguments.
pub fn subsidy() -> Subsidy {
    let mut cmd = assert_cmd::Command::cargo_bin("subsidy").unwrap();
    for var in SETTINGS_VARS {
        cmd.env_remove(var);
    }
    cmd.env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .env("XDG_DATA_HOME", NO_DATA_HOME)
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .timeout(TIMEOUT);
    Subsidy {
        cmd,
        shown: Vec::new(),
    }
}

/// What a run left: its exit status (-1 when killed), stdout and stderr.
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Subsidy {
    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut Self {
        self.shown.push(arg.as_ref().to_string_lossy().into_owned());
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self.arg(arg);
        }
        self
    }

    /// `SUBSIDY_LANG=lang`: the user's language.
    pub fn lang(&mut self, lang: &str) -> &mut Self {
        self.env("SUBSIDY_LANG", lang)
    }

    /// `COLUMNS=columns`: the width of the terminal the output is for.
    pub fn columns(&mut self, columns: impl Display) -> &mut Self {
        self.env("COLUMNS", columns.to_string())
    }

    pub fn env(&mut self, name: &str, value: impl AsRef<OsStr>) -> &mut Self {
        self.cmd.env(name, value);
        self
    }

    /// Without the variable `name` (a proxy the machine sets, for a run
    /// that must reach 127.0.0.1 itself).
    pub fn env_remove(&mut self, name: &str) -> &mut Self {
        self.cmd.env_remove(name);
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Bytes on standard input (without it, standard input is empty).
    pub fn stdin(&mut self, input: impl Into<Vec<u8>>) -> &mut Self {
        self.cmd.write_stdin(input.into());
        self
    }

    /// Fails the run past `limit` instead of the usual two minutes.
    pub fn timeout(&mut self, limit: Duration) -> &mut Self {
        self.cmd.timeout(limit);
        self
    }

    /// Runs, whatever the outcome.
    pub fn output(&mut self) -> std::process::Output {
        self.cmd.output().unwrap()
    }

    /// Runs, whatever the outcome, stderr as text.
    pub fn run(&mut self) -> Run {
        let out = self.output();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs, asserting success; stdout as text.
    pub fn stdout(&mut self) -> String {
        let out = self.output();
        assert!(
            out.status.success(),
            "{:?}: {}",
            self.shown,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs, asserting success; stdout parsed as JSON (ask for it with
    /// `--format json`).
    pub fn json(&mut self) -> Value {
        serde_json::from_str(&self.stdout()).unwrap()
    }

    /// Runs a command that must be refused and asserts the bad-input
    /// contract: exit 2, nothing on stdout, exactly one line on stderr,
    /// starting `error: ` (English) or `エラー: ` (Japanese) and containing
    /// each of `needles`. Returns the line.
    pub fn refused(&mut self, needles: &[&str]) -> String {
        let run = self.run();
        let shown = &self.shown;
        let stderr = run.stderr;
        // A refusal gone wrong can be long: show its start.
        let clipped: String = stderr.chars().take(500).collect();
        assert_eq!(run.code, 2, "{shown:?}: {clipped}");
        assert!(run.stdout.is_empty(), "{shown:?}: stdout not empty");
        assert_eq!(
            stderr.lines().count(),
            1,
            "{shown:?}: not one line: {clipped}"
        );
        assert!(
            stderr.starts_with("error: ") || stderr.starts_with("エラー: "),
            "{shown:?}: {clipped}"
        );
        for needle in needles {
            assert!(stderr.contains(needle), "{clipped:?} lacks {needle:?}");
        }
        stderr
    }
}

/// The usual run of this suite: `subsidy ARGS` in Japanese at 1,000
/// columns: content, not layout (wide enough that no line wraps; the
/// snapshots in tests/cmd hold the layouts); asserts success.
pub fn stdout(args: &[&str]) -> String {
    subsidy().columns(1000).args(args).stdout()
}

/// `subsidy ARGS --format json` as [`stdout`] runs it, parsed.
pub fn json(args: &[&str]) -> Value {
    subsidy()
        .columns(1000)
        .args(args)
        .args(["--format", "json"])
        .json()
}

/// `subsidy ARGS` in English, at 1,000 columns, which must be refused
/// ([`Subsidy::refused`]); returns the line. (`i18n` reads the Japanese
/// lines.)
pub fn refused(args: &[&str], needles: &[&str]) -> String {
    subsidy()
        .lang("en")
        .columns(1000)
        .args(args)
        .refused(needles)
}

/// Runs `subsidy batch ARGS --as-of AS_OF --all` in English with `input`
/// on standard input. `--all`: these runs are about reading and writing
/// rows, mostly on programs whose windows closed before AS_OF
/// (`batch_shapes` tests what is left out without it).
pub fn batch(input: &[u8], args: &[&str]) -> Run {
    subsidy()
        .lang("en")
        .arg("batch")
        .args(args)
        .args(["--as-of", AS_OF, "--all"])
        .stdin(input)
        .run()
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

/// The position of the column `name` in a header.
pub fn at(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// proptest's settings with `cases` cases, its failures kept beside the
/// test's source as `<module>.proptest-regressions` (proptest's default
/// would put them under `tests/proptest-regressions/`, because this suite
/// has a `main.rs`).
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..proptest::test_runner::Config::with_cases(cases)
    }
}
