//! Help and errors in the user's language. Japanese by default; English
//! with `--lang en` anywhere on the line or `SUBSIDY_LANG=en`.

use crate::support::{Subsidy, subsidy};

/// `subsidy` at 100 columns with `SUBSIDY_LANG=lang` (`None`: not set).
fn subsidy_in(lang: Option<&str>) -> Subsidy {
    let mut cmd = subsidy();
    cmd.columns(100);
    if let Some(lang) = lang {
        cmd.lang(lang);
    }
    cmd
}

/// Runs a command that must be refused (the bad-input contract); returns the line.
fn refusal(lang: Option<&str>, args: &[&str]) -> String {
    subsidy_in(lang).args(args).refused(&[])
}

#[test]
fn help_is_japanese_by_default_and_english_on_request() {
    let out = subsidy_in(None).args(["calc", "--help"]).output();
    assert!(out.status.success());
    let ja = String::from_utf8(out.stdout).unwrap();
    assert!(ja.contains("使い方: subsidy calc"), "{ja}");
    assert!(ja.contains("--cost <YEN>"), "{ja}");
    assert!(ja.contains("事業の経費"), "{ja}");
    assert!(ja.contains("このヘルプを表示します"), "{ja}");
    assert!(!ja.contains("Options:"), "{ja}");

    for en in [
        subsidy_in(None)
            .args(["--lang", "en", "calc", "--help"])
            .output(),
        subsidy_in(None)
            .args(["calc", "--help", "--lang=en"])
            .output(),
        subsidy_in(Some("en")).args(["calc", "--help"]).output(),
    ] {
        let en = String::from_utf8(en.stdout).unwrap();
        assert!(en.contains("Usage: subsidy calc"), "{en}");
        assert!(en.contains("The project's cost"), "{en}");
        assert!(!en.contains("使い方"), "{en}");
    }
}

#[test]
fn the_parsers_own_errors_are_in_the_users_language() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["calc", "--facilty", "hospital"],
            "エラー: 不明なオプション '--facilty' です。もしかして '--facility' ですか？",
            "error: unexpected argument '--facilty'; did you mean '--facility'?",
        ),
        (
            &["calc", "--facility", "hospitl"],
            "エラー: --facility の値 'hospitl' は使えません: 施設の種類ではありません。もしかして hospital ですか？（hospital・病院、clinic・診療所、pharmacy・薬局）",
            "error: invalid value 'hospitl' for '--facility': not a kind of facility; did you mean hospital? (hospital/病院, clinic/診療所, pharmacy/薬局)",
        ),
        (
            &["calc", "--cost", "100"],
            "エラー: --facility を指定してください: 施設区分（hospital、clinic、pharmacy）",
            "error: missing --facility: the kind of facility: hospital, clinic or pharmacy",
        ),
        (
            &["frob"],
            "エラー: 不明なコマンド 'frob' です（一覧は subsidy --help）",
            "error: unrecognized subcommand 'frob' (see subsidy --help)",
        ),
        (
            &["list", "--open=yes"],
            "エラー: --open は値をとりません（'yes' は不要です）",
            "error: unexpected value 'yes' for '--open'; it takes none",
        ),
    ];
    for (args, ja, en) in cases {
        assert_eq!(refusal(None, args).trim_end(), ja);
        assert_eq!(refusal(Some("en"), args).trim_end(), en);
        let with_flag = [args, &["--lang", "en"]].concat();
        assert_eq!(refusal(Some("ja"), &with_flag).trim_end(), en);
    }
}

#[test]
fn a_bad_language_is_refused_in_the_language_there_is() {
    let line = refusal(None, &["--lang", "fr", "list"]);
    assert_eq!(
        line.trim_end(),
        "エラー: --lang の値 'fr' は使えません。使える値: ja, en"
    );
}

#[test]
fn batch_errors_that_stop_a_run_are_in_the_users_language() {
    let input = "facilty,cost\nclinic,100000\n";
    let ja = subsidy_in(None)
        .args(["batch", "--as-of", "2026-11-22"])
        .stdin(input)
        .output();
    assert_eq!(ja.status.code(), Some(2));
    assert!(ja.stdout.is_empty());
    assert_eq!(
        String::from_utf8(ja.stderr).unwrap(),
        "エラー: 見出しの列 'facilty' はこのツールが読む列ではありません。もしかして 'facility' ですか？ 列名を直すか、その列なしで計算されます\n"
    );
    let en = subsidy_in(Some("en"))
        .args(["batch", "--as-of", "2026-11-22"])
        .stdin(input)
        .output();
    assert!(String::from_utf8(en.stderr).unwrap().starts_with(
        "error: the header's column 'facilty' is not one the tool reads; did you mean 'facility'?"
    ));
    let missing = refusal(None, &["batch", "tests/no-such-file.csv"]);
    assert_eq!(
        missing.trim_end(),
        "エラー: 'tests/no-such-file.csv' を読めません: ファイルがありません"
    );
}

#[test]
fn japanese_help_fits_an_80_column_terminal() {
    use unicode_width::UnicodeWidthStr;
    for command in ["calc", "batch", "check", "show", "plan"] {
        let out = subsidy_in(None)
            .columns(80)
            .args([command, "--help"])
            .output();
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("オプション:"), "{help}");
        for line in help.lines() {
            assert!(line.width_cjk() <= 80, "{command}: {line:?}");
        }
    }
}

#[test]
fn check_findings_are_in_the_users_language_and_json_keeps_english() {
    let dir = "tests/broken/id-not-kebab-case";
    let args = ["check", dir, "--as-of", "2026-01-01"];
    let ja = String::from_utf8(subsidy_in(None).args(args).output().stdout).unwrap();
    assert!(
        ja.contains("エラー[id-not-kebab-case]: 制度の id 'Sample_Program' が kebab-case（a-z と 0-9 をハイフン1つでつなぐ形）ではありません"),
        "{ja}"
    );
    assert!(ja.contains("check: エラー 1件"), "{ja}");
    let en = String::from_utf8(subsidy_in(Some("en")).args(args).output().stdout).unwrap();
    assert!(
        en.contains("error[id-not-kebab-case]: program id 'Sample_Program' is not kebab-case (a-z, 0-9, single hyphens)"),
        "{en}"
    );
    // CI reads JSON: `message` stays English whatever the language; `message_ja` is beside it.
    let json = subsidy_in(None)
        .args(["check", dir, "--as-of", "2026-01-01", "--format", "json"])
        .output();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(
        finding["message"],
        "program id 'Sample_Program' is not kebab-case (a-z, 0-9, single hyphens)"
    );
    assert!(
        finding["message_ja"]
            .as_str()
            .unwrap()
            .contains("kebab-case（a-z")
    );
}

#[test]
fn rule_data_that_cannot_load_is_refused_in_the_users_language() {
    let line = refusal(None, &["--data", "tests/broken/figure-too-large", "list"]);
    assert_eq!(
        line.trim_end(),
        "エラー: 規則データ: tests/broken/figure-too-large/sample.toml:48:1: tier 'hospital': grant_cap 7,000,000,000,000,000,000 は上限 1,000,000,000,000（1兆円）を超えています"
    );
    let line = refusal(
        Some("en"),
        &["--data", "tests/broken/figure-too-large", "list"],
    );
    assert!(
        line.contains("is above 1,000,000,000,000 (1兆円), the most a figure may be"),
        "{line}"
    );
    let missing = refusal(None, &["--data", "tests/no-such-dir", "list"]);
    assert_eq!(
        missing.trim_end(),
        "エラー: 規則データ: tests/no-such-dir: ファイルがありません"
    );
}

/// The first line of `subsidy check DIR` (its first finding), in `lang`.
fn first_finding(lang: Option<&str>, dir: &str) -> String {
    let out = subsidy_in(lang)
        .args(["check", dir, "--as-of", "2026-01-01"])
        .output();
    assert_eq!(out.status.code(), Some(1), "{dir}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout.lines().next().unwrap_or_default().to_string()
}

#[test]
fn check_words_the_values_of_a_finding_in_the_users_language_too() {
    let dir = "tests/broken/tier-overlap";
    assert_eq!(
        first_finding(None, dir),
        "tests/broken/tier-overlap/sample.toml:60:1: エラー[tier-overlap]: tier 'hospital' と 'large' が、どちらも 100 床の病院に当たります"
    );
    assert_eq!(
        first_finding(Some("en"), dir),
        "tests/broken/tier-overlap/sample.toml:60:1: error[tier-overlap]: tiers 'hospital' and 'large' both match a hospital with 100 beds"
    );
    let out = subsidy_in(None)
        .args(["--lang", "en", "check", dir, "--as-of", "2026-01-01"])
        .output();
    let en = String::from_utf8(out.stdout).unwrap();
    assert!(en.contains("both match a hospital with 100 beds"), "{en}");
    assert!(en.contains("check: 1 errors, 0 warnings"), "{en}");

    let dir = "tests/broken/per-unit-max-huge";
    let ja = first_finding(None, dir);
    assert!(
        ja.ends_with("エラー[count-out-of-range]: tier 'hospital': per_unit.max 4294967295 が範囲外です（1つの tier が補助する単位数は 1〜1000）"),
        "{ja}"
    );
    let en = first_finding(Some("en"), dir);
    assert!(
        en.ends_with("error[count-out-of-range]: tier 'hospital': per_unit.max 4294967295 is out of range: a tier pays for 1 to 1000 units"),
        "{en}"
    );
}

/// Every finding `check` words itself reads differently in Japanese: no
/// sentence is left in English for a Japanese user. (The toml crate's own
/// messages, under `syntax` and `schema`, stay as it words them.)
#[test]
fn no_finding_of_the_broken_cases_is_left_in_english() {
    for case in std::fs::read_dir("tests/broken").unwrap() {
        let dir = case.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let out = subsidy_in(None)
            .args(["check", "--format", "json", "--as-of", "2026-01-01"])
            .arg(&dir)
            .output();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for finding in json["findings"].as_array().unwrap() {
            if ["syntax", "schema"].contains(&finding["code"].as_str().unwrap()) {
                continue;
            }
            let (en, ja) = (
                finding["message"].as_str().unwrap(),
                finding["message_ja"].as_str().unwrap(),
            );
            assert_ne!(en, ja, "{}", dir.display());
            assert!(!ja.is_ascii(), "{}: {ja}", dir.display());
        }
    }
}

#[test]
fn a_data_directory_that_cannot_load_is_refused_in_japanese_by_default() {
    // A directory named like a program file is not a program file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("x.toml")).unwrap();
    let data = dir.path().to_str().unwrap();
    let ja = refusal(None, &["--data", data, "list"]);
    assert!(
        ja.ends_with("x.toml: 通常のファイルではなくディレクトリです。制度のファイルは普通の *.toml ファイルにしてください\n"),
        "{ja}"
    );
    assert!(ja.starts_with("エラー: 規則データ: "), "{ja}");
    let en = refusal(None, &["--lang", "en", "--data", data, "list"]);
    assert!(
        en.ends_with("x.toml: not a regular file but a directory; a program file must be a plain *.toml file\n"),
        "{en}"
    );

    // A program whose tier names a variant it does not have.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/broken/clean/sample.toml")
        .unwrap()
        .replacen(
            "facilities = [\"hospital\"]",
            "variant = \"x\"\nfacilities = [\"hospital\"]",
            1,
        );
    std::fs::write(dir.path().join("sample.toml"), text).unwrap();
    let data = dir.path().to_str().unwrap();
    let ja = refusal(None, &["--data", data, "list"]);
    assert!(
        ja.ends_with("sample.toml: 制度 sample の tier hospital: variant \"x\" はありません\n"),
        "{ja}"
    );
    let en = refusal(Some("en"), &["--data", data, "list"]);
    assert!(
        en.ends_with("sample.toml: program sample tier hospital: unknown variant \"x\"\n"),
        "{en}"
    );
}

/// `show` printed the English name under the Japanese
/// one. Japanese output names each program in Japanese only; English output
/// keeps the official Japanese name under the English one, to find the
/// program by in the Japanese documents.
#[test]
fn show_names_the_program_in_the_users_language() {
    let out = subsidy_in(None)
        .args(["show", "ehr-sharing", "--as-of", "2026-11-22"])
        .output();
    let ja = String::from_utf8(out.stdout).unwrap();
    assert!(
        ja.starts_with("電子カルテ情報共有サービスの導入に係る補助金 (ehr-sharing)\n実施主体: "),
        "{ja}"
    );
    assert!(!ja.contains("EHR information sharing"), "{ja}");
    let out = subsidy_in(Some("en"))
        .args(["show", "ehr-sharing", "--as-of", "2026-11-22"])
        .output();
    let en = String::from_utf8(out.stdout).unwrap();
    assert!(
        en.starts_with(
            "EHR information sharing service adoption (ehr-sharing)\n  電子カルテ情報共有サービスの導入に係る補助金\n"
        ),
        "{en}"
    );
}
