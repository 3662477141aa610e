//! Authoring without reading the code: `subsidy new` (a commented skeleton
//! to fill in), `subsidy source add` (a document recorded with its
//! SHA-256), what `check` and loading say of a skeleton not filled in, and
//! docs/authoring.md run as written.
//!
//! The guide's example is 例題市 医療DX推進補助金, from a notice made up for
//! it (docs/examples/reidai-city-notice.txt: 診療所・薬局, 1/2, 上限
//! 500,000円, 1,000円未満切捨て, 2026-07-01 to 2027-02-26); the finished
//! extension is docs/examples/reidai-city/.

use std::path::Path;

use serde_json::Value;

use crate::support::subsidy;

const GUIDE: &str = include_str!("../../docs/authoring.md");
const NOTICE: &str = "docs/examples/reidai-city-notice.txt";
const EXAMPLE: &str = "docs/examples/reidai-city";

/// What the guide says to do, in its order.
#[derive(Debug)]
enum Step {
    /// `$ subsidy ARGS`, its exit status and what it prints.
    Run {
        args: Vec<String>,
        exit: i32,
        expected: String,
    },
    /// A file of the finished example as the guide shows it so far: the
    /// path, and the text of the block.
    File(String, String),
    /// Fill the skeleton in: write each file shown so far.
    Fill,
}

/// The lines of the fenced block after line `at`, and the line after it.
fn block(lines: &[&str], at: usize) -> (Vec<String>, usize) {
    let open = (at..lines.len())
        .find(|&i| lines[i].starts_with("```"))
        .expect("a block after the directive");
    let close = (open + 1..lines.len())
        .find(|&i| lines[i].starts_with("```"))
        .expect("the block's end");
    let body = lines[open + 1..close]
        .iter()
        .map(|l| l.to_string())
        .collect();
    (body, close + 1)
}

/// A command line split as a shell would: at spaces, but not in "…".
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => (word.push(c), any = true).0,
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// Every step of the guide: `<!-- authoring: run[, exit N] -->` before a
/// console block, `<!-- authoring: file PATH -->` before a file's text,
/// `<!-- authoring: fill … -->` where the reader fills the skeleton in.
fn steps() -> Vec<Step> {
    let lines: Vec<&str> = GUIDE.lines().collect();
    let mut steps = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(directive) = lines[i]
            .strip_prefix("<!-- authoring: ")
            .and_then(|d| d.strip_suffix(" -->"))
        else {
            i += 1;
            continue;
        };
        if let Some(path) = directive.strip_prefix("file ") {
            let (body, next) = block(&lines, i + 1);
            steps.push(Step::File(path.to_string(), body.join("\n") + "\n"));
            i = next;
        } else if directive.starts_with("fill") {
            steps.push(Step::Fill);
            i += 1;
        } else {
            let exit = directive
                .strip_prefix("run, exit ")
                .map_or(0, |n| n.parse().unwrap());
            assert!(directive.starts_with("run"), "{directive}");
            let (body, next) = block(&lines, i + 1);
            let command = body[0].strip_prefix("$ subsidy ").expect("$ subsidy …");
            steps.push(Step::Run {
                args: words(command),
                exit,
                expected: body[1..].join("\n") + "\n",
            });
            i = next;
        }
    }
    steps
}

/// `text` with every SHA-256 shown as `…`, as the guide shows the ones
/// that change with the rule data.
fn without_hashes(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_hexdigit() && !c.is_ascii_uppercase() {
            run.push(c);
            continue;
        }
        if run.len() == 64 {
            out.push('…');
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

/// `actual` is what the guide shows: line for line, where a line `…`
/// stands for any lines between its head and its tail.
fn shows(expected: &str, actual: &str, command: &[String]) {
    let (expected, actual) = (without_hashes(expected), without_hashes(actual));
    let want: Vec<&str> = expected.lines().collect();
    let got: Vec<&str> = actual.lines().collect();
    match want.iter().position(|l| *l == "…") {
        None => assert_eq!(actual, expected, "subsidy {command:?}"),
        Some(at) => {
            let tail = &want[at + 1..];
            assert!(got.len() > want.len(), "subsidy {command:?}:\n{actual}");
            assert_eq!(&got[..at], &want[..at], "subsidy {command:?}");
            assert_eq!(&got[got.len() - tail.len()..], tail, "subsidy {command:?}");
        }
    }
}

/// Every field path (`tiers.rule.capped.rate`, without indices) of a TOML value.
fn paths(value: &toml::Value, at: &str, out: &mut Vec<String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                paths(value, &path, out);
            }
        }
        toml::Value::Array(items) if items.iter().any(toml::Value::is_table) => {
            for item in items {
                paths(item, at, out);
            }
        }
        _ => out.push(at.to_string()),
    }
}

/// The fields `check` finds unfilled in `dir` (`(file, field, line)`), as
/// its English messages name them.
fn unfilled(cwd: &Path, dir: &str) -> Vec<(String, String, u64)> {
    let out = subsidy()
        .lang("en")
        .current_dir(cwd)
        .args(["check", dir, "--format", "json"])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "unfilled")
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            let field = message
                .strip_prefix("not filled in: ")
                .and_then(|m| m.split(' ').next())
                .unwrap();
            let file = f["file"].as_str().unwrap().to_string();
            (file, field.to_string(), f["line"].as_u64().unwrap())
        })
        .collect()
}

/// The guide, run as written in a directory holding its notice: `new`, the
/// list of blanks, the refusal, `source add`, the files filled in as it
/// shows them, `check --sources`, `--coverage` and `calc --extend` giving
/// the 436,000円 worked by hand: each prints what the guide shows.
#[test]
fn the_guide_runs_as_written() {
    let work = tempfile::tempdir().unwrap();
    let cwd = work.path();
    std::fs::create_dir_all(cwd.join("docs/examples")).unwrap();
    std::fs::copy(NOTICE, cwd.join(NOTICE)).unwrap();
    let steps = steps();
    let runs = steps
        .iter()
        .filter(|s| matches!(s, Step::Run { .. }))
        .count();
    assert!(runs >= 8, "the guide's commands went missing: {steps:?}");
    // The finished example's files, as the guide has shown them so far.
    let mut shown: Vec<(String, String)> = Vec::new();
    let mut filled = false;
    for step in &steps {
        match step {
            Step::Run {
                args,
                exit,
                expected,
            } => {
                let run = subsidy().columns(80).current_dir(cwd).args(args).run();
                let printed = String::from_utf8(run.stdout).unwrap() + &run.stderr;
                assert_eq!(run.code, *exit, "subsidy {args:?}: {printed}");
                shows(expected, &printed, args);
            }
            Step::File(path, text) => match shown.iter_mut().find(|(p, _)| p == path) {
                Some((_, so_far)) => so_far.push_str(text),
                None => shown.push((path.clone(), text.clone())),
            },
            Step::Fill => {
                if !filled {
                    filled_as_the_guide_says(cwd, &shown);
                    filled = true;
                }
                for (path, text) in &shown {
                    let name = Path::new(path).file_name().unwrap();
                    let to = cwd.join("reidai-city").join(name);
                    if name == "sources.toml" {
                        // What `source add` wrote is what the guide shows.
                        assert_eq!(&std::fs::read_to_string(to).unwrap(), text);
                    } else {
                        std::fs::write(to, text).unwrap();
                    }
                }
            }
        }
    }
    assert!(filled, "the guide never fills the skeleton in");
    // The guide shows each file of the finished example whole.
    for (path, text) in &shown {
        assert_eq!(&std::fs::read_to_string(path).unwrap(), text, "{path}");
    }
    let names: Vec<&str> = shown.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "docs/examples/reidai-city/sources.toml",
            "docs/examples/reidai-city/extension.toml",
            "docs/examples/reidai-city/reidai-city-dx.toml"
        ]
    );
}

/// Filling in is what the guide says: every field `new` left blank is
/// filled in the guide's files, but the 事業額上限, which the notice does
/// not state and the guide says to delete; `check` named each at the line
/// of the skeleton where it stands.
fn filled_as_the_guide_says(cwd: &Path, shown: &[(String, String)]) {
    let blanks = unfilled(cwd, "reidai-city");
    for (file, field, line) in &blanks {
        let text = std::fs::read_to_string(cwd.join(file)).unwrap();
        let at = text.lines().nth(*line as usize - 1).unwrap();
        let key = field.rsplit('.').next().unwrap();
        assert!(
            at.contains("＿＿") && at.contains(&format!("{key} = ")),
            "{file}:{line}: {field}: {at}"
        );
    }
    let mut left: Vec<String> = Vec::new();
    for (file, name) in [
        ("reidai-city/extension.toml", "extension.toml"),
        ("reidai-city/reidai-city-dx.toml", "reidai-city-dx.toml"),
    ] {
        let (_, text) = shown
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .expect("the guide shows the file");
        let mut filled = Vec::new();
        paths(&toml::from_str(text).unwrap(), "", &mut filled);
        let fields = blanks.iter().filter(|(f, _, _)| f == file);
        // A field filled with a table (`facts = { … }`) has paths under it.
        let is_filled = |field: &str| {
            (filled.iter()).any(|f| f == field || f.starts_with(&format!("{field}.")))
        };
        left.extend(
            fields
                .filter(|(_, field, _)| !is_filled(field))
                .map(|(_, field, _)| field.clone()),
        );
    }
    assert_eq!(left, ["tiers.rule.capped.business_cost_cap"]);
    assert!(GUIDE.contains("`business_cost_cap` の行は消します"));
    assert!(GUIDE.contains("the skeleton's `business_cost_cap` line is deleted"));
}

/// The finished example checks clean against its notice, with every rule
/// exercised, as it is kept in the repository.
#[test]
fn the_finished_example_checks_clean_and_computes_the_grant_worked_by_hand() {
    let out = subsidy()
        .args(["check", EXAMPLE, "--sources", "docs/examples", "--coverage"])
        .args(["--as-of", "2026-12-01", "--format", "json"])
        .output();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (report["errors"].as_u64(), report["warnings"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(report["examples"], 6);
    assert_eq!(report["coverage"]["percent"], 100);
    // 873,500 × 1/2 = 436,750 → 436,000 (1,000円未満切捨て); 1,200,000 →
    // 600,000 → 500,000 (上限).
    for (cost, grant) in [("873500", 436_000), ("1200000", 500_000)] {
        let calc = subsidy()
            .args(["--extend", EXAMPLE, "calc", "--program", "reidai-city-dx"])
            .args(["--facility", "pharmacy", "--cost", cost])
            .args([
                "--fact",
                "reidai-city-tax-paid=yes",
                "--as-of",
                "2026-12-01",
            ])
            .args(["--format", "json"])
            .json();
        let result = &calc["results"][0];
        assert_eq!(result["program"], "reidai-city-dx", "{calc}");
        assert_eq!(result["grant"], grant, "{calc}");
        assert_eq!(result["eligibility"], "eligible", "{calc}");
        assert_eq!(result["extension"], "reidai-city", "{calc}");
    }
}

/// A directory holding nothing yet, inside a temporary one.
fn empty() -> (tempfile::TempDir, std::path::PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("city");
    (work, dir)
}

fn new(dir: &Path, args: &[&str]) -> crate::support::Run {
    subsidy()
        .args(["new"])
        .args(args)
        .arg("--dir")
        .arg(dir)
        .run()
}

/// Each kind of skeleton: written, then every blank named by `check` at a
/// line of the file that holds it, and `calc` over it refused in one line.
#[test]
fn every_kind_of_skeleton_is_listed_blank_by_blank_until_filled() {
    for (kind, rule) in [
        ("capped", "tiers.rule.capped.rate"),
        ("per_bed", "tiers.rule.per_bed.grant_cap_per_bed"),
        ("per-item", "tiers.rule.per_item.items.business_cost_cap"),
        ("per_unit", "tiers.rule.per_unit.unit.max"),
        ("banded", "tiers.rule.banded.bands.up_to_grant"),
    ] {
        let (work, dir) = empty();
        let run = new(&dir, &["city-dx", "--kind", kind]);
        assert_eq!(run.code, 0, "{kind}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        let blanks = unfilled(work.path(), "city");
        assert!(blanks.len() > 50, "{kind}: {blanks:?}");
        assert!(
            blanks.iter().any(|(_, f, _)| f == rule),
            "{kind}: {blanks:?}"
        );
        assert!(
            blanks
                .iter()
                .any(|(file, f, _)| f == "version" && file.ends_with("extension.toml")),
            "{kind}"
        );
        for (file, field, line) in &blanks {
            let text = std::fs::read_to_string(work.path().join(file)).unwrap();
            let at = text.lines().nth(*line as usize - 1).unwrap();
            assert!(
                at.contains("\"＿＿\""),
                "{kind}: {file}:{line} {field}: {at}"
            );
        }
        let line = subsidy()
            .args([
                "--extend",
                dir.to_str().unwrap(),
                "calc",
                "--facility",
                "clinic",
            ])
            .args(["--cost", "100000"])
            .refused(&["city/", ".toml:", "未記入: "]);
        let more = format!("ほかに未記入が{}か所あります", blanks.len() - 1);
        assert!(line.contains(&more), "{kind}: {line}");
    }
}

/// The skeleton in English: English comments first, Japanese after.
#[test]
fn the_skeleton_speaks_the_users_language_first() {
    let (_work, dir) = empty();
    let run = subsidy()
        .lang("en")
        .args(["new", "city-dx", "--dir"])
        .arg(&dir)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("made the extension "),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(dir.join("city-dx.toml")).unwrap();
    assert!(
        text.starts_with("# A program skeleton written by subsidy new"),
        "{text}"
    );
    let name = text.find("# The program's name").unwrap();
    let name_ja = text.find("# 制度の名前").unwrap();
    assert!(name < name_ja);
    assert!(
        text.contains("# e.g. 例 rate = \"1/2\"\nrate = \"＿＿\"\n"),
        "{text}"
    );
    for line in text.lines().filter(|l| l.starts_with('#')) {
        assert!(subsidy::report::layout::width(line) <= 80, "{line}");
    }
}

/// `new` never overwrites, and refuses what it cannot write, in one line,
/// leaving what was there as it was.
#[test]
fn new_refuses_to_overwrite_and_refuses_bad_ids_and_places() {
    let (work, dir) = empty();
    assert_eq!(new(&dir, &["city-dx"]).code, 0);
    let before = std::fs::read_to_string(dir.join("city-dx.toml")).unwrap();
    std::fs::write(dir.join("city-dx.toml"), "# mine\n").unwrap();
    subsidy()
        .args(["new", "city-dx", "--dir"])
        .arg(&dir)
        .refused(&["city/city-dx.toml' はすでにあります。上書きしません"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("city-dx.toml")).unwrap(),
        "# mine\n"
    );
    assert!(before.contains("id = \"city-dx\""));
    // A second program in the extension: no second extension.toml.
    let meta = std::fs::read_to_string(dir.join("extension.toml")).unwrap();
    let other = new(&dir, &["city-other", "--kind", "per_bed"]);
    assert_eq!(other.code, 0);
    assert!(
        other.stderr.starts_with("制度のひな形（per_bed）を ")
            && other.stderr.contains("city-other.toml に書きました"),
        "{}",
        other.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("extension.toml")).unwrap(),
        meta
    );
    // An extension's name is its directory's, when it can be one.
    assert!(meta.contains("\nname = \"city\"\n"), "{meta}");
    let odd = work.path().join("Odd Dir");
    assert_eq!(new(&odd, &["x"]).code, 0);
    let odd_meta = std::fs::read_to_string(odd.join("extension.toml")).unwrap();
    assert!(odd_meta.contains("\nname = \"＿＿\"\n"), "{odd_meta}");
    subsidy()
        .lang("en")
        .args(["new", "Kita City", "--dir"])
        .arg(&dir)
        .refused(&[
            "the id 'Kita City' cannot be used",
            "e.g. subsidy new reidai-city-dx",
        ]);
    let file = dir.join("city-dx.toml");
    subsidy()
        .lang("en")
        .args(["new", "x", "--dir"])
        .arg(&file)
        .refused(&["is not a directory", "e.g. --dir reidai-city"]);
    subsidy()
        .lang("en")
        .args(["new", "x", "--kind", "flat", "--dir"])
        .arg(&dir)
        .refused(&[
            "--kind",
            "'flat'",
            "capped, per_bed, per_item, per_unit, banded, discovery",
        ]);
}

/// `--kind discovery` adds an entry to a catalogue's discovery.toml,
/// keeping all it had; never to an extension.
#[test]
fn a_discovery_entry_goes_in_a_catalogues_discovery_file_only() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for entry in std::fs::read_dir("data").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
    }
    let before = std::fs::read_to_string(data.join("discovery.toml")).unwrap();
    let run = new(&data, &["city-ai", "--kind", "discovery"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("city-ai"), "{}", run.stderr);
    let after = std::fs::read_to_string(data.join("discovery.toml")).unwrap();
    assert!(after.starts_with(&before));
    assert!(after[before.len()..].contains("[[entries]]\nid = \"city-ai\"\n"));
    assert!(!data.join("extension.toml").exists());
    let blanks = unfilled(work.path(), "data");
    let fields: Vec<&str> = blanks.iter().map(|(_, f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "entries.name.ja",
            "entries.name.en",
            "entries.authority.ja",
            "entries.authority.en",
            "entries.funds.ja",
            "entries.funds.en",
            "entries.figures.ja",
            "entries.figures.en",
            "entries.cite.source",
            "entries.cite.at"
        ]
    );
    assert!(
        blanks
            .iter()
            .all(|(file, _, _)| file.ends_with("discovery.toml"))
    );
    subsidy()
        .args(["--data", data.to_str().unwrap(), "list"])
        .refused(&["discovery.toml:", "未記入: entries.name.ja"]);
    // The same id again; an extension; a directory that is not there.
    subsidy()
        .args(["new", "city-ai", "--kind", "discovery", "--dir"])
        .arg(&data)
        .refused(&["id city-ai の項目がすでにあります"]);
    assert_eq!(
        std::fs::read_to_string(data.join("discovery.toml")).unwrap(),
        after
    );
    subsidy()
        .lang("en")
        .args(["new", "city-ai", "--kind", "discovery", "--dir", EXAMPLE])
        .refused(&[
            "--kind discovery cannot go in an extension",
            "e.g. --kind capped",
        ]);
    subsidy()
        .lang("en")
        .args(["new", "city-ai", "--kind", "discovery", "--dir"])
        .arg(work.path().join("none"))
        .refused(&["does not exist", "e.g. --dir data"]);
}

/// `source add` appends after what the file holds (comments and order
/// kept), leaves what it is not told blank for `check` to ask for, and
/// refuses an id or a document recorded already, leaving the file as it was.
#[test]
fn source_add_keeps_the_file_and_refuses_what_is_recorded() {
    let (work, dir) = empty();
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("extension.toml"),
        "name = \"city\"\nversion = \"1\"\n",
    )
    .unwrap();
    let kept = "# Our documents, oldest first.\n\n[[documents]]\nid = \"city-0\" # the first\nfile = \"old.txt\"\ntitle = \"t\"\npublisher = \"p\"\ndate = \"2025-04-01\"\nrank = \"high\"\nsha256 = \"0000000000000000000000000000000000000000000000000000000000000000\"\n";
    std::fs::write(dir.join("sources.toml"), kept).unwrap();
    let notice = work.path().join("city-notice.txt");
    std::fs::copy(NOTICE, &notice).unwrap();
    let add = |args: &[&str]| {
        subsidy()
            .args(["source", "add"])
            .arg(&notice)
            .arg("--dir")
            .arg(&dir)
            .args(args)
            .run()
    };
    let run = add(&["--title", "例題市 募集要項"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.starts_with("資料 city-notice（city-notice.txt、sha256 9ccd980cbb2a000126dd4eb23d48459e994825e1e0cf502c1b3425ded1a8a7bb）を "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("。未記入: publisher, date, rank（"),
        "{}",
        run.stderr
    );
    let after = std::fs::read_to_string(dir.join("sources.toml")).unwrap();
    assert_eq!(
        after,
        format!(
            "{kept}\n[[documents]]\nid = \"city-notice\"\nfile = \"city-notice.txt\"\ntitle = \"例題市 募集要項\"\npublisher = \"＿＿\"\ndate = \"＿＿\"\nrank = \"＿＿\"\nsha256 = \"9ccd980cbb2a000126dd4eb23d48459e994825e1e0cf502c1b3425ded1a8a7bb\"\n"
        )
    );
    // What it left blank, check names; loading refuses.
    let blanks = unfilled(work.path(), "city");
    let fields: Vec<&str> = blanks.iter().map(|(_, f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["documents.publisher", "documents.date", "documents.rank"]
    );
    assert_eq!(blanks[1].2, 17);
    // The same id; the same document under another id; a built-in id.
    let refused = |args: &[&str], needles: &[&str]| {
        let mut run = subsidy();
        run.lang("en")
            .args(["source", "add"])
            .arg(&notice)
            .arg("--dir")
            .arg(&dir)
            .args(args)
            .refused(needles);
        assert_eq!(
            std::fs::read_to_string(dir.join("sources.toml")).unwrap(),
            after
        );
    };
    refused(
        &["--id", "city-notice"],
        &["document id city-notice is in", "e.g. --id city-notice-2"],
    );
    refused(
        &["--id", "city-1"],
        &["is recorded in", "already, as document city-notice"],
    );
    let other = work.path().join("other.txt");
    std::fs::write(&other, "別の資料\n").unwrap();
    subsidy()
        .lang("en")
        .args(["source", "add"])
        .arg(&other)
        .arg("--dir")
        .arg(&dir)
        .args(["--id", "003"])
        .refused(&["document id 003 is in sources.toml, a layer below"]);
    subsidy()
        .lang("en")
        .args(["source", "add"])
        .arg(&other)
        .arg("--dir")
        .arg(&dir)
        .args(["--id", "City 1"])
        .refused(&["--id 'City 1' cannot be used", "e.g. --id reidai-1"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("sources.toml")).unwrap(),
        after
    );
}

/// What `check --sources` cannot read is refused before anything is written.
#[test]
fn source_add_takes_a_utf8_text_only() {
    let (work, dir) = empty();
    std::fs::create_dir(&dir).unwrap();
    let pdf = work.path().join("notice.pdf");
    std::fs::write(&pdf, "%PDF-1.7").unwrap();
    let sjis = work.path().join("notice.txt");
    std::fs::write(&sjis, [0x82, 0xa0, 0x82, 0xa2]).unwrap();
    for (file, needles) in [
        (&pdf, &["'", "notice.pdf' is not a .txt", "UTF-8 .txt"][..]),
        (&sjis, &["notice.txt' is not UTF-8 text"][..]),
    ] {
        subsidy()
            .lang("en")
            .args(["source", "add"])
            .arg(file)
            .arg("--dir")
            .arg(&dir)
            .refused(needles);
    }
    subsidy()
        .lang("en")
        .args(["source", "add", NOTICE, "--dir"])
        .arg(work.path().join("none"))
        .refused(&["is not a directory", "subsidy new ID --dir"]);
    assert!(!dir.join("sources.toml").exists());
}
