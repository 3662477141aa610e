//! The config file (`$XDG_CONFIG_HOME/subsidy/config.toml`, or the file
//! `SUBSIDY_CONFIG` names) and `subsidy config`. Flags win over the
//! environment, which wins over the file. The files are in tests/config;
//! every other test runs where there is none (`support::NO_CONFIG_HOME`).

use serde_json::Value;

use crate::support::{NO_CONFIG_HOME, subsidy};

/// The directory whose `subsidy/config.toml` says lang = "en", extend =
/// ["../../../extensions/kakuu-city"] (from its own directory) and
/// prefecture = "福岡県".
fn kakuu_home() -> String {
    format!("{}/tests/config/kakuu", env!("CARGO_MANIFEST_DIR"))
}

fn kakuu_file() -> String {
    format!("{}/subsidy/config.toml", kakuu_home())
}

fn in_repo(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn config_says_where_the_file_is_when_there_is_none() {
    let text = subsidy().columns(1000).arg("config").stdout();
    let file = format!("{NO_CONFIG_HOME}/subsidy/config.toml");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "設定ファイル: {file}（$XDG_CONFIG_HOME の場所。まだありません。このファイルを作ると、ここから読みます）"
        )
    );
    assert_eq!(lines[1], "lang = ja（既定）");
    assert_eq!(lines[2], "extend = なし（既定）");
    assert_eq!(lines[3], "prefecture = なし（既定）");
    assert_eq!(lines[4], "update_url = なし（既定）");
    assert!(
        lines[5].starts_with("extend の相対パスは、設定ファイルでは"),
        "{text}"
    );
    // English, from the flag.
    let en = subsidy()
        .columns(1000)
        .args(["config", "--lang", "en"])
        .stdout();
    assert!(
        en.starts_with(&format!(
            "config file: {file} (found by $XDG_CONFIG_HOME; not there yet"
        )),
        "{en}"
    );
    assert!(
        en.contains("\nlang = en (the command line's --lang)\n"),
        "{en}"
    );
}

#[test]
fn the_file_sets_the_language_the_extensions_and_the_prefecture() {
    let file = kakuu_file();
    let text = subsidy()
        .env("XDG_CONFIG_HOME", kakuu_home())
        .columns(1000)
        .arg("config")
        .stdout();
    let lines: Vec<&str> = text.lines().collect();
    // In English: the file says so.
    assert_eq!(
        lines[0],
        format!("config file: {file} (found by $XDG_CONFIG_HOME; read)")
    );
    assert_eq!(lines[1], "lang = en (line 4 of the config file)");
    // The extension's path is read from the file's directory.
    let dir = format!("{}/subsidy/../../../extensions/kakuu-city", kakuu_home());
    assert_eq!(
        lines[2],
        format!("extend = {dir} (line 5 of the config file)")
    );
    assert_eq!(lines[3], "prefecture = 福岡県 (line 6 of the config file)");

    // Every command: in English, with the extension, in 福岡県.
    let json = subsidy()
        .env("XDG_CONFIG_HOME", kakuu_home())
        .args(["calc", "--facility", "clinic", "--cost", "1200000"])
        .args(["--as-of", "2026-11-22", "--format", "json"])
        .json();
    assert_eq!(json["facility"]["prefecture"], "福岡県");
    let kakuu = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == "kakuu-city-dx")
        .unwrap();
    assert_eq!(kakuu["grant"], 500_000);
    assert_eq!(kakuu["name"], "Kakuu City medical DX grant");
    let list = subsidy()
        .env("XDG_CONFIG_HOME", kakuu_home())
        .columns(1000)
        .args(["list", "--as-of", "2026-11-22"])
        .stdout();
    assert!(list.starts_with("As of"), "{list}");
    assert!(list.contains("kakuu-city"), "{list}");
    // The plan too takes the file's prefecture.
    let plan = subsidy()
        .env("XDG_CONFIG_HOME", kakuu_home())
        .args(["plan", "--facility", "clinic", "--as-of", "2026-11-22"])
        .args(["--format", "json"])
        .json();
    assert!(
        plan["programs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["program"] == "kakuu-city-dx"),
        "{plan}"
    );
}

#[test]
fn flags_win_over_the_environment_which_wins_over_the_file() {
    let run = |env: &[(&str, &str)], args: &[&str]| -> Value {
        let mut run = subsidy();
        run.env("XDG_CONFIG_HOME", kakuu_home());
        for (name, value) in env {
            run.env(name, value);
        }
        run.args(["calc", "--facility", "clinic", "--cost", "1200000"])
            .args(["--as-of", "2026-11-22", "--format", "json"])
            .args(args)
            .json()
    };
    let name = |json: &Value| {
        let first = &json["results"][0];
        (first["program"].clone(), first["name"].clone())
    };
    let layers = |json: &Value| json["catalogue"]["layers"].as_array().unwrap().len();
    // The file: English, the extension, 福岡県.
    let file = run(&[], &[]);
    assert_eq!(layers(&file), 2);
    // The environment over the file: Japanese; no extensions at all.
    let env = run(&[("SUBSIDY_LANG", "ja"), ("SUBSIDY_EXTEND", "")], &[]);
    assert_eq!(layers(&env), 1);
    let ehr = env["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == "ehr-sharing")
        .unwrap();
    assert_eq!(ehr["name"], "電子カルテ情報共有サービスの導入に係る補助金");
    // Flags over both: English again, another extension, another prefecture.
    let flags = run(
        &[("SUBSIDY_LANG", "ja"), ("SUBSIDY_EXTEND", "")],
        &[
            "--lang",
            "en",
            "--extend",
            "tests/extensions/kakuu-replaces",
            "--prefecture",
            "東京",
        ],
    );
    assert_eq!(flags["catalogue"]["layers"][1]["name"], "kakuu-replaces");
    assert_eq!(flags["facility"]["prefecture"], "東京都");
    assert_ne!(name(&flags), name(&env));
    // What `config` says of each.
    let text = subsidy()
        .env("XDG_CONFIG_HOME", kakuu_home())
        .env("SUBSIDY_LANG", "ja")
        .columns(1000)
        .args(["--extend", "tests/extensions/kakuu-replaces", "config"])
        .stdout();
    assert!(
        text.contains("\nlang = ja（環境変数 SUBSIDY_LANG）\n"),
        "{text}"
    );
    assert!(
        text.contains("\nextend = tests/extensions/kakuu-replaces（コマンドラインの --extend）\n"),
        "{text}"
    );
    assert!(
        text.contains("\nprefecture = 福岡県（設定ファイルの6行目）\n"),
        "{text}"
    );
    // A profile's prefecture is the facility's: it wins over the file's default.
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.toml");
    std::fs::write(&profile, "facility = \"clinic\"\nprefecture = \"大阪府\"\n").unwrap();
    let from_profile = run(&[], &["--profile", profile.to_str().unwrap()]);
    assert_eq!(from_profile["facility"]["prefecture"], "大阪府");
}

#[test]
fn subsidy_config_names_the_file_it_reads() {
    let file = in_repo("tests/config/missing-extension.toml");
    let text = subsidy()
        .env("SUBSIDY_CONFIG", &file)
        .columns(1000)
        .arg("config")
        .stdout();
    assert!(
        text.starts_with(&format!(
            "設定ファイル: {file}（SUBSIDY_CONFIG の場所。読みました）\n"
        )),
        "{text}"
    );
    let dir = in_repo("tests/config/no-such-extension");
    assert!(
        text.contains(&format!("\nextend = {dir}（設定ファイルの3行目）\n")),
        "{text}"
    );
}

#[test]
fn a_file_the_tool_cannot_use_is_one_line_naming_it_and_its_line() {
    // A key that does not exist. The file says lang = "en", but a file
    // refused sets nothing: English where the environment says so.
    let file = in_repo("tests/config/unknown-key.toml");
    subsidy()
        .lang("en")
        .env("SUBSIDY_CONFIG", &file)
        .args(["list"])
        .refused(&[&format!(
            "{file}:3: the config file has no key 'language' (did you mean lang?); its keys are lang, extend, prefecture and update_url (e.g. lang = \"en\")"
        )]);
    // In Japanese where the flag says so, though the file cannot say it.
    subsidy()
        .env("SUBSIDY_CONFIG", &file)
        .args(["config", "--lang", "ja"])
        .refused(&[&format!(
            "エラー: {file}:3: 設定ファイルに 'language' というキーはありません（もしかして lang？）"
        )]);
    // An extension the file names that is not there: the file and the line.
    let file = in_repo("tests/config/missing-extension.toml");
    subsidy()
        .env("SUBSIDY_CONFIG", &file)
        .args(["calc", "--facility", "clinic", "--cost", "1"])
        .refused(&[
            &format!("拡張を使えません（{file} の3行目）"),
            "tests/config/no-such-extension",
        ]);
    // SUBSIDY_CONFIG naming no file.
    subsidy()
        .lang("en")
        .env("SUBSIDY_CONFIG", "tests/config/no-such.toml")
        .args(["list"])
        .refused(&["cannot read the config file tests/config/no-such.toml"]);
    // Values it cannot use, at their lines.
    let dir = tempfile::tempdir().unwrap();
    for (text, needle) in [
        (
            "lang = \"fr\"\n",
            ":1: lang 'fr' is not a language; use ja or en",
        ),
        (
            "\nprefecture = \"Fukuoaka\"\n",
            ":2: prefecture 'Fukuoaka' is not a prefecture",
        ),
        ("extend = \"kita\"\n", ":1: extend is a list of directories"),
        ("lang = \n", ":1: not TOML: "),
    ] {
        let file = dir.path().join("config.toml");
        std::fs::write(&file, text).unwrap();
        subsidy()
            .lang("en")
            .env("SUBSIDY_CONFIG", &file)
            .args(["list"])
            .refused(&[&format!("{}{needle}", file.display())]);
    }
    // Help still shows, whatever the file says.
    let help = subsidy()
        .env("SUBSIDY_CONFIG", in_repo("tests/config/unknown-key.toml"))
        .arg("--help")
        .stdout();
    assert!(help.contains("config"), "{help}");
}
