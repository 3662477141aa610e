//! `subsidy check` on broken catalogues (tests/broken/, one fault each) and
//! on the real one. Each case must produce its finding at the faulty line,
//! with the right severity and exit status.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::subsidy;

/// Before the sample's deadline (2026-01-15) and within a year of its source (2025-10-02).
const AS_OF: &str = "2025-11-01";

#[derive(serde::Deserialize)]
struct Expected {
    code: String,
    severity: String,
    file: String,
    line: u64,
}

fn check(dir: &str, extra: &[&str]) -> (i32, Value) {
    let out = subsidy()
        .lang("en")
        .args(["check", dir, "--as-of", AS_OF, "--format", "json"])
        .args(extra)
        .output();
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn every_broken_catalogue_reports_its_fault_where_it_is() {
    let expected: BTreeMap<String, Option<Expected>> =
        serde_json::from_str(&std::fs::read_to_string("tests/broken/expected.json").unwrap())
            .unwrap();
    assert!(expected.len() >= 19, "every kind of fault has a case");
    for (case, want) in &expected {
        let (code, report) = check(&format!("tests/broken/{case}"), &[]);
        let findings = report["findings"].as_array().unwrap();
        let Some(want) = want else {
            assert_eq!(
                (code, findings.len()),
                (0, 0),
                "{case}: the clean base must check clean: {findings:?}"
            );
            continue;
        };
        let found = findings
            .iter()
            .find(|f| f["code"] == want.code.as_str())
            .unwrap_or_else(|| panic!("{case}: no {} finding in {findings:?}", want.code));
        assert_eq!(found["severity"], want.severity.as_str(), "{case}");
        // --allow and --deny take exactly the codes check reports.
        assert!(
            subsidy::check::Code::IDS.contains(&want.code.as_str()),
            "{case}"
        );
        assert!(
            found["file"].as_str().unwrap().ends_with(&want.file),
            "{case}: {found}"
        );
        assert_eq!(found["line"], want.line, "{case}: {found}");
        assert!(found["column"].as_u64().unwrap() >= 1, "{case}");
        assert!(!found["message"].as_str().unwrap().is_empty(), "{case}");
        assert_eq!(
            findings.len(),
            1,
            "{case}: one fault, one finding: {findings:?}"
        );
        let expected_exit = if want.severity == "error" { 1 } else { 0 };
        assert_eq!(code, expected_exit, "{case}");
        if want.severity == "warning" {
            assert_eq!(
                check(&format!("tests/broken/{case}"), &["--deny-warnings"]).0,
                1,
                "{case} with --deny-warnings"
            );
        }
    }
}

#[test]
fn findings_for_people_name_file_line_and_column() {
    let out = subsidy()
        .lang("en")
        .args(["check", "tests/broken/rate-out-of-range", "--as-of", AS_OF])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("sample.toml:46:8: error[schema]:"), "{text}");
    assert!(text.contains("must be above 0 and at most 1"), "{text}");
    assert!(text.contains("    | rate = \"3/2\""), "{text}");
    assert!(text.contains("check: 1 errors, 0 warnings"), "{text}");
}

#[test]
fn example_mismatches_show_both_values() {
    let (_, report) = check("tests/broken/example-mismatch", &[]);
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("expects a grant of 280000") && message.contains("pay 283000"),
        "{message}"
    );
}

#[test]
fn the_real_catalogue_checks_clean_and_runs_every_example() {
    for dir in ["data", "--embedded"] {
        let args: Vec<&str> = if dir == "data" {
            vec!["check", "data"]
        } else {
            vec!["check"]
        };
        let out = subsidy()
            .lang("en")
            .args(&args)
            .args(["--as-of", "2026-06-01", "--format", "json"])
            .output();
        assert_eq!(out.status.code(), Some(0), "{dir}");
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["errors"], 0, "{dir}: {}", report["findings"]);
        assert_eq!(report["programs"], 19);
        assert!(
            report["examples"].as_u64().unwrap() >= 59,
            "every tier has a worked example"
        );
        // No published cap is left unexplained.
        let findings = report["findings"].as_array().unwrap();
        assert!(
            findings.iter().all(|f| f["code"] != "unreachable-cap"),
            "{findings:?}"
        );
    }
}

#[test]
fn the_receipt_is_the_same_in_check_calc_and_batch() {
    let (_, report) = check("data", &[]);
    let sha = report["catalogue"]["sha256"].as_str().unwrap().to_string();
    assert_eq!(sha.len(), 64);
    let out = subsidy()
        .lang("en")
        .args([
            "calc",
            "--facility",
            "clinic",
            "--cost",
            "1",
            "--format",
            "json",
            "--as-of",
            "2026-11-21",
        ])
        .output();
    let calc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        calc["catalogue"]["sha256"],
        sha.as_str(),
        "the embedded catalogue is data/"
    );
    assert_eq!(calc["as_of"], "2026-11-21");
    let out = subsidy()
        .lang("en")
        .args(["batch", "--format", "jsonl", "--as-of", "2026-11-21"])
        .stdin("program,facility,cost\nonline-qual-medical-aid,clinic,60000\n")
        .output();
    let line: Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["catalogue_sha256"], sha.as_str());
    assert_eq!(line["as_of"], "2026-11-21");
    // Changing a figure changes the receipt.
    let (_, broken) = check("tests/broken/example-mismatch", &[]);
    let (_, clean) = check("tests/broken/clean", &[]);
    assert_ne!(broken["catalogue"]["sha256"], clean["catalogue"]["sha256"]);
}

#[test]
fn an_unreadable_directory_is_a_usage_error() {
    subsidy()
        .lang("en")
        .args(["check", "tests/no-such-dir"])
        .refused(&["tests/no-such-dir"]);
}

/// `subsidy --data DIR check` checked the built-in data;
/// it checks DIR, the catalogue every other command would read. A DIR of
/// its own that differs is refused rather than one of them ignored.
#[test]
fn check_reads_the_data_directory_every_command_reads() {
    let out = subsidy()
        .lang("en")
        .args(["--data", "tests/broken/rate-out-of-range", "check"])
        .args(["--as-of", AS_OF, "--format", "json"])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "schema");
    assert_eq!(findings[0]["line"], 46);
    assert!(
        findings[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("rate-out-of-range/sample.toml")
    );
    // The same directory twice is the one directory.
    let (code, _) = check("tests/broken/clean", &["--data", "tests/broken/clean"]);
    assert_eq!(code, 0);
    let stderr = subsidy()
        .lang("en")
        .args([
            "--data",
            "tests/broken/clean",
            "check",
            "tests/broken/syntax",
        ])
        .refused(&[]);
    assert_eq!(
        stderr,
        "error: two directories to check (--data tests/broken/clean and tests/broken/syntax); give one (e.g. subsidy check tests/broken/syntax)\n"
    );
}

/// `check` passed an 申請方法 address of `javascript:…`,
/// which the program page then linked to and the calendar printed. It is
/// an error at its line (tests/broken/url-not-web), and loading refuses it.
#[test]
fn an_address_that_is_not_a_web_address_is_refused_at_its_line() {
    let out = subsidy()
        .lang("en")
        .args(["check", "tests/broken/url-not-web", "--as-of", AS_OF])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("sample.toml:14:1: error[url-not-web]: the address 'javascript:alert(document.cookie)' is not a web address; give one that starts with https:// or http://"),
        "{text}"
    );
    for args in [
        &["show", "sample"][..],
        &[
            "plan",
            "--facility",
            "hospital",
            "--beds",
            "20",
            "--format",
            "ics",
        ],
    ] {
        let stderr = subsidy()
            .lang("en")
            .args(["--data", "tests/broken/url-not-web"])
            .args(args)
            .refused(&[]);
        assert!(
            stderr.starts_with("error: rule data: tests/broken/url-not-web/sample.toml:14:1: ")
                && stderr.contains("'javascript:alert(document.cookie)' is not a web address"),
            "{stderr}"
        );
    }
    // Other schemes and hosts that are not there are not web addresses either.
    for (url, web) in [
        ("https://example.org/apply", true),
        ("http://example.org", true),
        ("JavaScript:alert(1)", false),
        ("file:///etc/passwd", false),
        ("mailto:someone@example.org", false),
        ("https://", false),
        ("https:///path", false),
        ("https://example.org/a b", false),
        ("example.org/apply", false),
        ("", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let sample = std::fs::read_to_string("tests/broken/clean/sample.toml").unwrap();
        let sample = sample.replace("https://example.org/apply", url);
        std::fs::write(dir.path().join("sample.toml"), sample).unwrap();
        let (code, report) = check(dir.path().to_str().unwrap(), &[]);
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        if web {
            assert_eq!((code, codes), (0, vec![]), "{url}");
        } else {
            assert_eq!((code, codes), (1, vec!["url-not-web"]), "{url}");
        }
    }
}

#[test]
fn dates_past_the_calendar_are_not_stale_and_do_not_panic() {
    // The source date plus 4,294,967,295 days leaves chrono's calendar.
    let (code, report) = check("tests/broken/clean", &["--stale-days", "4294967295"]);
    assert_eq!((code, report["warnings"].as_u64()), (0, Some(0)));
    // So does a document dated in the year 262142 plus the default 365 days.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/broken/clean/sample.toml",
        dir.path().join("sample.toml"),
    )
    .unwrap();
    let registry = std::fs::read_to_string("tests/broken/stale-source/sources.toml")
        .unwrap()
        .replace("date = \"2020-04-01\"", "date = \"+262142-12-31\"");
    std::fs::write(dir.path().join("sources.toml"), registry).unwrap();
    let (code, report) = check(dir.path().to_str().unwrap(), &[]);
    assert_eq!((code, report["errors"].as_u64()), (0, Some(0)));
    assert_eq!(report["catalogue"]["version"], "+262142-12-31");
}

/// `check` that CI can live with. On the real catalogue
/// on 2026-12-06, the three documents older than a year (001 of
/// 2025-10-21, 000 of 2025-10-30, 003 of 2025-10-02) are each reported
/// once, at their entry in the registry, however many programs cite them; errors come before warnings;
/// `--allow` drops a kind, `--deny` makes it an error; one summary line.
#[test]
fn a_stale_document_is_reported_once_and_kinds_can_be_allowed_or_denied() {
    let run = |extra: &[&str]| {
        let out = subsidy()
            .lang("en")
            .args(["check", "data", "--as-of", "2026-12-06"])
            .args(extra)
            .output();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
        )
    };
    let (code, text) = run(&[]);
    assert_eq!(code, 0, "warnings alone do not fail");
    let stale: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[stale-source]"))
        .collect();
    assert_eq!(stale.len(), 3, "{text}");
    for document in [
        "'001' is dated 2025-10-21",
        "'000' is dated 2025-10-30",
        "'003' is dated 2025-10-02",
    ] {
        assert!(
            stale.iter().any(|l| l.contains(document)),
            "{document}: {stale:?}"
        );
    }
    assert!(
        stale.iter().all(|l| l.starts_with("data/sources.toml:")),
        "{stale:?}"
    );
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("check: 0 errors, "), "{last}");
    assert!(last.contains("sha256 "), "one summary line: {last}");

    // Denied, a kind is an error (first, and the run fails); allowed, it is gone.
    let (code, text) = run(&["--deny", "stale-source", "--allow", "all-deadlines-passed"]);
    assert_eq!(code, 1);
    assert!(
        text.lines().next().unwrap().contains("error[stale-source]"),
        "{text}"
    );
    assert!(!text.contains("all-deadlines-passed"), "{text}");
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("check: 3 errors, 0 warnings"),
        "{text}"
    );

    // GitHub annotations: one per finding, then the summary as a notice.
    let (_, text) = run(&["--allow", "all-deadlines-passed", "--format", "github"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("::warning file=data/sources.toml,line=")
            && lines[0].contains(",title=stale-source::document '"),
        "{}",
        lines[0]
    );
    assert!(
        lines[3].starts_with("::notice title=subsidy check::check: 0 errors, 3 warnings"),
        "{}",
        lines[3]
    );
}

/// The quote verifier (`check --sources DIR`), on a catalogue and documents
/// the test writes itself (no test reads outside the repository; `.ci/run`
/// verifies the real documents with `--sources ../shared/seeds`). Each
/// document's SHA-256 is verified and every passage quoted in 「…」 must be
/// in the document it quotes (white space and line breaks ignored). A
/// changed quote, a changed document, a document that is not there and a
/// source id the registry does not know each fail at their file:line.
#[test]
fn quotes_are_verified_against_the_documents() {
    use sha2::{Digest, Sha256};
    const GUIDE: &str = "募集要項\n申請期日は令和8年1月15日まで\n（必着）とする。\n病院の補助上限額は\n283,000円とする。\n";
    const FAQ: &str = "よくある質問\n申請額1,000円未満は切捨て。\n";
    let hex = |text: &str| {
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let registry = |guide_file: &str, guide: &str| {
        format!(
            "[[documents]]\nid = \"001\"\nfile = \"{guide_file}\"\ntitle = \"募集要項\"\npublisher = \"国\"\n\
             date = \"2025-10-01\"\nrank = \"high\"\nsha256 = \"{}\"\n\n\
             [[documents]]\nid = \"002\"\nfile = \"002_faq.txt\"\ntitle = \"FAQ\"\npublisher = \"国\"\n\
             date = \"2025-10-01\"\nrank = \"high\"\nsha256 = \"{}\"\n",
            hex(guide),
            hex(FAQ)
        )
    };
    let program = std::fs::read_to_string("tests/broken/clean/sample.toml")
        .unwrap()
        .replace("id = \"003\"", "id = \"001\"\n\n[[sources]]\nid = \"002\"")
        .replace("source = \"003\"", "source = \"001\"")
        .replace(
            "No.1 申請期日\"",
            "「申請期日は令和8年1月15日まで（必着）」\"",
        )
        .replace(
            "\"No.1 ※申請額1,000円未満は切捨て\"",
            "\"002 「申請額1,000円未満は切捨て」\"",
        )
        .replace("\"No.1 病院\"", "\"「病院の補助上限額は283,000円」\"");
    let dir = tempfile::tempdir().unwrap();
    let (data, docs) = (dir.path().join("data"), dir.path().join("docs"));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&docs).unwrap();
    let write = |path: std::path::PathBuf, text: &str| std::fs::write(path, text).unwrap();
    write(data.join("sample.toml"), &program);
    write(data.join("sources.toml"), &registry("001_guide.txt", GUIDE));
    write(docs.join("001_guide.txt"), GUIDE);
    write(docs.join("002_faq.txt"), FAQ);
    let run = || {
        let out = subsidy()
            .lang("en")
            .args(["check"])
            .arg(&data)
            .arg("--sources")
            .arg(&docs)
            .args(["--as-of", "2025-11-01"])
            .output();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let (code, out) = run();
    assert_eq!(code, Some(0), "every quote is in its document: {out}");

    // A quote changed in the data: 令和8年 → 令和9年.
    let deadline_line = line_of(&program, "「申請期日は令和8年1月15日まで（必着）」");
    write(
        data.join("sample.toml"),
        &program.replace("令和8年1月15日まで（必着）", "令和9年1月15日まで（必着）"),
    );
    let (code, out) = run();
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "sample.toml:{deadline_line}:33: error[quote-not-found]: the quote 「申請期日は令和9年1月15日まで（必着）」 is not in the document 001_guide.txt"
        )),
        "{out}"
    );
    write(data.join("sample.toml"), &program);

    // The quote after 「002」 is read in 002, not in the tier's own 001.
    let rounding_line = line_of(&program, "「申請額1,000円未満は切捨て」");
    write(docs.join("002_faq.txt"), &FAQ.replace("切捨て", "四捨五入"));
    let (code, out) = run();
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("sample.toml:{rounding_line}:"))
            && out.contains("error[quote-not-found]: the quote 「申請額1,000円未満は切捨て」 is not in the document 002_faq.txt"),
        "{out}"
    );
    // …and 002 no longer matches its hash, reported at the line of its `sha256`.
    let sources = registry("001_guide.txt", GUIDE);
    let sha_line = sources
        .lines()
        .enumerate()
        .skip_while(|(_, l)| *l != "id = \"002\"")
        .find(|(_, l)| l.starts_with("sha256 = "))
        .unwrap()
        .0
        + 1;
    assert!(
        out.contains(&format!(
            "sources.toml:{sha_line}:1: error[document-changed]: document '002' (002_faq.txt)"
        )),
        "{out}"
    );
    write(docs.join("002_faq.txt"), FAQ);

    // The registry names a file that is not there.
    write(data.join("sources.toml"), &registry("009_gone.txt", GUIDE));
    let (code, out) = run();
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("error[unknown-document]: document '001' is the file '009_gone.txt'"),
        "{out}"
    );
    write(data.join("sources.toml"), &sources);

    // A program names a document the registry does not have.
    let source_line = line_of(&program, "id = \"002\"");
    write(
        data.join("sample.toml"),
        &program.replacen("id = \"002\"", "id = \"009\"", 1),
    );
    let (code, out) = run();
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "sample.toml:{source_line}:1: error[unknown-source]: source '009' is not a document of the registry sources.toml (its ids: 001, 002)"
        )),
        "{out}"
    );
    write(data.join("sample.toml"), &program);
    assert_eq!(run().0, Some(0), "restored");
}
