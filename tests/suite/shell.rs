//! The command line itself: help and usage, `--version` with the rule data
//! it answers from, completions, the man page, `-q`, and errors on a
//! terminal.

use subsidy::Lang;

use crate::support::{refused, subsidy};

/// `subsidy ARGS` (width unknown), asserting success.
fn stdout(args: &[&str]) -> String {
    subsidy().args(args).stdout()
}

/// Every command by its full name (`profile init`), and every long flag
/// with the command it belongs to.
fn every_flag() -> (Vec<String>, Vec<(String, String)>) {
    let command = subsidy::cli::command(Lang::Ja);
    let mut commands = Vec::new();
    let mut flags = Vec::new();
    let mut walk = vec![(String::new(), command)];
    while let Some((path, command)) = walk.pop() {
        // Hidden flags (serve's timeouts for tests) are in no man page.
        for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                flags.push((path.clone(), long.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            let name = format!("{path} {}", sub.get_name()).trim().to_string();
            commands.push(name.clone());
            walk.push((name, sub.clone()));
        }
    }
    (commands, flags)
}

#[test]
fn completions_name_every_command_and_flag() {
    let (commands, flags) = every_flag();
    assert!(
        commands.len() >= 8 && flags.len() >= 40,
        "{commands:?} {flags:?}"
    );
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for command in &commands {
            let last = command.rsplit(' ').next().unwrap_or(command);
            assert!(script.contains(last), "{shell}: no {command}");
        }
        for (command, long) in &flags {
            // fish writes `-l cost`, the others `--cost`.
            let found =
                script.contains(&format!("--{long}")) || script.contains(&format!("-l {long}"));
            assert!(found, "{shell}: no --{long} of {command}");
        }
    }
    for shell in ["powershell", "elvish"] {
        assert!(stdout(&["completions", shell]).contains("--facility"));
    }
}

#[test]
fn the_man_page_covers_every_command_and_flag() {
    let page = stdout(&["man"]);
    assert!(page.starts_with(".ie"), "not roff");
    let (commands, flags) = every_flag();
    for command in commands {
        assert!(
            page.contains(&format!(".SH \"SUBSIDY {}\"", command.to_uppercase())),
            "no section for {command}"
        );
    }
    for (command, long) in flags {
        let roff = format!("\\-\\-{}", long.replace('-', "\\-"));
        assert!(page.contains(&roff), "no --{long} of {command}");
    }
    // Japanese by default, English on request.
    assert!(page.contains("事業の経費"));
    assert!(stdout(&["--lang", "en", "man"]).contains("The kind of facility"));
}

#[test]
fn version_names_the_rule_data_it_answers_from() {
    let check: serde_json::Value = serde_json::from_str(&stdout(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2026-11-22",
    ]))
    .unwrap();
    let sha = check["catalogue"]["sha256"].as_str().unwrap();
    let data = check["catalogue"]["version"].as_str().unwrap();
    let version = stdout(&["--version"]);
    assert_eq!(
        version,
        format!(
            "subsidy {}（規則データ {data}、組み込み、sha256 {sha}）\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    let english = stdout(&["-V", "--lang", "en"]);
    assert_eq!(
        english,
        format!(
            "subsidy {} (rule data {data}, built in, sha256 {sha})\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn quiet_silences_the_summaries_not_the_errors() {
    let input = "facility,cost\nclinic,100000\nclinic,oops\n";
    let loud = subsidy()
        .args(["batch", "--as-of", "2026-11-22"])
        .stdin(input)
        .output();
    assert_eq!(loud.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(loud.stderr).unwrap(),
        // Row 2 has nothing to apply for on 2026-11-22 (a clinic, no
        // program open to it): one row saying so; row 3 one error row.
        // Then the rule data, 181 days old (6 + 30 + 31 + 31 + 30 + 31 + 22
        // from 2026-05-25), past 90: stale.
        "batch: 2行を読み、2行を書き、1行がエラーです\n\
         規則データ 2026-05-25版（181日前）\n\
         規則データが90日を超えて古いため、その後に始まった・変わった制度があるかもしれません。\
         各制度の問合せ先（subsidy show ID で表示）で最新の状況を確認してください。\n"
    );
    let quiet = subsidy()
        .args(["batch", "-q", "--as-of", "2026-11-22"])
        .stdin(input)
        .output();
    assert_eq!(quiet.status.code(), Some(1), "exit status unchanged");
    assert!(quiet.stderr.is_empty());
    assert_eq!(quiet.stdout, loud.stdout);

    let check = stdout(&["check", "--as-of", "2026-11-22"]);
    assert!(check.contains("check: エラー 0件"), "{check}");
    let quiet = stdout(&["check", "-q", "--as-of", "2026-11-22"]);
    assert!(
        !quiet.contains("check:") && !quiet.contains("規則データ:"),
        "{quiet}"
    );
}

#[test]
fn help_and_version_go_to_stdout() {
    let help = stdout(&["--help"]);
    assert!(help.contains("calc"));
    let version = stdout(&["--version"]);
    assert!(version.starts_with("subsidy "));
}

#[test]
fn bare_subsidy_shows_usage_on_stderr() {
    let out = subsidy().output();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("使い方: subsidy"));
    let out = subsidy().lang("en").output();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: subsidy"));
}

/// An error on a terminal (here a pseudo-terminal made by
/// util-linux `script`) is wrapped at the terminal's width under a hanging
/// indent, ids whole; piped, it stays one line (`refused` everywhere else).
#[test]
fn an_error_on_a_terminal_is_wrapped_at_its_width() {
    use unicode_width::UnicodeWidthStr as _;
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no util-linux `script` to make a terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("subsidy");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("'{}' show 電子処方箋", bin.display()),
            "/dev/null",
        ])
        .env("COLUMNS", "80")
        .env_remove("SUBSIDY_LANG")
        .env_remove("SUBSIDY_CONFIG")
        .env_remove("SUBSIDY_EXTEND")
        .env("XDG_CONFIG_HOME", crate::support::NO_CONFIG_HOME)
        .env("XDG_DATA_HOME", crate::support::NO_DATA_HOME)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    assert!(
        lines[0].starts_with("エラー: ID の値 '電子処方箋' は使えません"),
        "{text}"
    );
    for line in &lines {
        assert!(
            line.width_cjk() <= 80,
            "{} columns: {line}",
            line.width_cjk()
        );
    }
    for line in &lines[1..] {
        assert!(line.starts_with("        "), "{text}");
    }
    let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join("|");
    assert!(joined.contains("e-prescription-expansion（"), "{joined}");
    assert!(joined.contains("fukuoka-e-prescription（"), "{joined}");
    // The same error piped: one line.
    refused(&["show", "電子処方箋"], &["e-prescription-expansion"]);
}
