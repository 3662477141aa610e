//! Extensions (`--extend DIR`, `SUBSIDY_EXTEND`): catalogues laid over the
//! built-in one. The test extensions are in tests/extensions (made up: 架空市
//! does not exist). kakuu-city adds 架空市 医療DX推進補助金 (kakuu-city-dx),
//! from its own document (kakuu-1, docs/kakuu-city-notice.txt): 診療所 1/2,
//! 事業額上限 100万円, 補助限度額 50万円; 病院 1/3, 300万円, 100万円;
//! 1,000円未満切捨て; 2026-04-01 to 2027-03-31. kakuu-replaces replaces the
//! built-in online-qual-exempt (3/4, caps 41,000 / 31,000) with 3/4, caps
//! 60,000 / 45,000 (kakuu-2); kakuu-clash has that id without `replaces`.

use std::sync::LazyLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use subsidy::core::catalogue::{Catalogue, read_extension};
use subsidy::serve::{AppState, router};
use tower::ServiceExt as _;

use crate::support::{csv_rows, subsidy};

const KAKUU: &str = "tests/extensions/kakuu-city";
const REPLACES: &str = "tests/extensions/kakuu-replaces";
const CLASH: &str = "tests/extensions/kakuu-clash";
const AS_OF: &str = "2026-11-22";

/// `subsidy --extend KAKUU ARGS --as-of AS_OF` at 1,000 columns, in `lang`.
fn with_kakuu(lang: &str, args: &[&str]) -> String {
    subsidy()
        .lang(lang)
        .columns(1000)
        .args(["--extend", KAKUU])
        .args(args)
        .args(["--as-of", AS_OF])
        .stdout()
}

fn json_with(extension: &str, args: &[&str]) -> Value {
    subsidy()
        .args(["--extend", extension])
        .args(args)
        .args(["--as-of", AS_OF, "--format", "json"])
        .json()
}

/// The SHA-256 of the kakuu-city extension's files, as the receipt computes
/// it (each file's name, NUL, its text, NUL, in name order).
fn kakuu_sha256() -> String {
    use sha2::{Digest as _, Sha256};
    let mut names: Vec<String> = std::fs::read_dir(KAKUU)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["extension.toml", "kakuu-city-dx.toml", "sources.toml"]
    );
    let mut hash = Sha256::new();
    for name in names {
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(std::fs::read(format!("{KAKUU}/{name}")).unwrap());
        hash.update([0]);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_new_program_is_listed_with_its_extension() {
    let ja = with_kakuu("ja", &["list"]);
    let line = ja
        .lines()
        .find(|l| l.contains("(kakuu-city-dx)"))
        .unwrap_or_else(|| panic!("{ja}"));
    // 受付中 until 2027-03-31, the extension's name in its own column.
    assert!(line.starts_with("受付中"), "{line}");
    assert!(line.contains("2027-03-31"), "{line}");
    assert!(
        line.contains("kakuu-city  架空市 医療DX推進補助金"),
        "{line}"
    );
    assert!(ja.contains("拡張"), "{ja}");
    let en = with_kakuu("en", &["list"]);
    assert!(en.contains("Extension"), "{en}");
    assert!(
        en.contains("kakuu-city  Kakuu City medical DX grant (kakuu-city-dx)"),
        "{en}"
    );
    // Without the extension: no such program, and no such column.
    let plain = crate::support::stdout(&["list", "--as-of", AS_OF]);
    assert!(
        !plain.contains("kakuu") && !plain.contains("拡張"),
        "{plain}"
    );

    let json = json_with(KAKUU, &["list"]);
    let programs = json["programs"].as_array().unwrap();
    let kakuu = programs
        .iter()
        .find(|p| p["id"] == "kakuu-city-dx")
        .unwrap();
    assert_eq!(kakuu["extension"], "kakuu-city");
    assert_eq!(kakuu["deadline"], "2027-03-31");
    assert_eq!(kakuu["days_left"], 129);
    let ehr = programs.iter().find(|p| p["id"] == "ehr-sharing").unwrap();
    assert_eq!(ehr["extension"], Value::Null);
}

#[test]
fn the_new_program_is_computed_and_named_in_every_result() {
    // 診療所 1,200,000円: capped at 1,000,000 × 1/2 = 500,000 (kakuu-1 5 (1), 10).
    let json = json_with(
        KAKUU,
        &[
            "calc",
            "--program",
            "kakuu-city-dx",
            "--facility",
            "clinic",
            "--cost",
            "1200000",
        ],
    );
    let result = &json["results"][0];
    assert_eq!(result["program"], "kakuu-city-dx");
    assert_eq!(result["extension"], "kakuu-city");
    assert_eq!(result["tier_id"], "clinic");
    assert_eq!(result["eligible_cost"], 1_000_000);
    assert_eq!(result["grant"], 500_000);
    assert_eq!(result["self_burden"], 700_000);
    assert_eq!(result["sources"][0]["document"], "kakuu-city-notice.txt");
    // The receipt: the built-in data as it is, then the extension.
    let layers = json["catalogue"]["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 2);
    assert_eq!(layers[0]["name"], "builtin");
    assert_eq!(layers[0]["sha256"], json["catalogue"]["sha256"]);
    assert_eq!(layers[1]["name"], "kakuu-city");
    assert_eq!(layers[1]["version"], "2026.1");
    assert_eq!(layers[1]["files"], 3);
    assert_eq!(layers[1]["sha256"], kakuu_sha256().as_str());
    assert_eq!(layers[1]["dir"], KAKUU);
    // 病院 2,000,000円: × 1/3 = 666,666.67, truncated below 1,000円 to 666,000.
    let hospital = json_with(
        KAKUU,
        &[
            "calc",
            "--program",
            "kakuu-city-dx",
            "--facility",
            "hospital",
            "--beds",
            "120",
            "--cost",
            "2000000",
        ],
    );
    assert_eq!(hospital["results"][0]["grant"], 666_000);
    // The table names the extension under the program.
    let table = with_kakuu("ja", &["calc", "--facility", "clinic", "--cost", "1200000"]);
    assert!(
        table.contains("架空市 医療DX推進補助金 (kakuu-city-dx)"),
        "{table}"
    );
    let below = table
        .lines()
        .skip_while(|l| !l.contains("(kakuu-city-dx)"))
        .nth(1)
        .unwrap();
    assert!(below.trim_end().ends_with("拡張: kakuu-city"), "{table}");
    assert!(table.contains("500,000円"), "{table}");
    // So does the plan.
    let plan = with_kakuu("en", &["plan", "--facility", "clinic"]);
    assert!(plan.contains("extension: kakuu-city"), "{plan}");
    let plan = json_with(KAKUU, &["plan", "--facility", "clinic"]);
    let entry = plan["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["program"] == "kakuu-city-dx")
        .unwrap();
    assert_eq!(entry["extension"], "kakuu-city");
    assert_eq!(entry["largest_grant"], 500_000);
    assert_eq!(entry["cost_for_largest_grant"], 1_000_000);
}

#[test]
fn show_names_the_extension_and_its_source() {
    let ja = with_kakuu("ja", &["show", "kakuu-city-dx"]);
    assert!(ja.contains("\n拡張: kakuu-city\n"), "{ja}");
    assert!(
        ja.contains("架空市 医療DX推進補助金 交付要綱（テスト用の架空の資料）"),
        "{ja}"
    );
    assert!(ja.contains("0120-000-000"), "{ja}");
    let en = with_kakuu("en", &["show", "kakuu-city-dx"]);
    assert!(en.contains("\nExtension: kakuu-city\n"), "{en}");
    // Found by its name too.
    let by_name = with_kakuu("ja", &["show", "架空市"]);
    assert_eq!(by_name, ja);
    let json = json_with(KAKUU, &["show", "kakuu-city-dx"]);
    assert_eq!(json["program"]["extension"], "kakuu-city");
    assert_eq!(json["program"]["replaces"], Value::Null);
    // A built-in program names none.
    let json = json_with(KAKUU, &["show", "ehr-sharing"]);
    assert_eq!(json["program"]["extension"], Value::Null);
}

#[test]
fn a_batch_names_the_extension_of_each_result() {
    let input = "name,facility,cost\n架空クリニック,clinic,1200000\n";
    let run = subsidy()
        .lang("en")
        .args(["--extend", KAKUU, "batch", "--as-of", AS_OF])
        .stdin(input)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(header.last().unwrap(), "extension");
    let at = |name: &str| crate::support::at(&header, name);
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[at("program")].as_str(),
                r[at("grant")].as_str(),
                r[at("extension")].as_str(),
            )
        })
        .collect();
    // The one result open to a clinic on that day.
    assert_eq!(got, [("kakuu-city-dx", "500000", "kakuu-city")]);
    // JSONL: a field, and the extension's receipt on every line.
    let run = subsidy()
        .args(["--extend", KAKUU, "batch", "--format", "jsonl", "--all"])
        .args(["--as-of", AS_OF])
        .stdin(input)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = String::from_utf8(run.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kakuu = lines
        .iter()
        .find(|l| l["program"] == "kakuu-city-dx")
        .unwrap();
    assert_eq!(kakuu["extension"], "kakuu-city");
    assert_eq!(kakuu["grant"], 500_000);
    let builtin = lines
        .iter()
        .find(|l| l["program"] == "ehr-sharing")
        .unwrap();
    assert_eq!(builtin["extension"], Value::Null);
    for line in &lines {
        assert_eq!(line["catalogue_extensions"][0]["name"], "kakuu-city");
        assert_eq!(
            line["catalogue_extensions"][0]["sha256"],
            kakuu_sha256().as_str()
        );
    }
}

/// The server's state with kakuu-city laid over the built-in catalogue,
/// as `subsidy --extend tests/extensions/kakuu-city serve` has it.
static STATE: LazyLock<AppState> = LazyLock::new(|| {
    let catalogue = read_extension(Catalogue::embedded().unwrap(), KAKUU.as_ref()).unwrap();
    AppState::with_today(catalogue, || {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    })
});

fn get(uri: &str) -> (StatusCode, String) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let response = router(STATE.clone())
            .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 24)
            .await
            .unwrap();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    })
}

#[test]
fn the_server_serves_the_extension_with_its_name() {
    let query = "facility=clinic&cost=1200000&as_of=2026-11-22";
    let (status, body) = get(&format!("/api/v1/calc?{query}"));
    assert_eq!(status, StatusCode::OK, "{body}");
    let json: Value = serde_json::from_str(&body).unwrap();
    let kakuu = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == "kakuu-city-dx")
        .unwrap();
    assert_eq!(kakuu["extension"], "kakuu-city");
    assert_eq!(kakuu["grant"], 500_000);
    assert_eq!(json["catalogue"]["layers"][1]["name"], "kakuu-city");
    // The API's JSON is the command line's.
    let cli = json_with(
        KAKUU,
        &["calc", "--facility", "clinic", "--cost", "1200000"],
    );
    assert_eq!(json["results"][0]["grant"], cli["results"][0]["grant"]);
    assert_eq!(json["catalogue"], cli["catalogue"]);
    // The page: the answer, and the extension under the program's name.
    let (status, page) = get(&format!("/?{query}"));
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("500,000円"), "{page}");
    assert!(
        page.contains("<small class=\"extension\">拡張: kakuu-city</small>"),
        "{page}"
    );
    // The program's page, and its JSON.
    let (status, page) = get("/programs/kakuu-city-dx?as_of=2026-11-22");
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("拡張: kakuu-city"), "{page}");
    let (_, json) = get("/api/v1/programs/kakuu-city-dx?as_of=2026-11-22");
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["program"]["extension"], "kakuu-city");
    let (_, list) = get("/api/v1/programs?as_of=2026-11-22");
    assert!(list.contains("\"extension\": \"kakuu-city\""), "{list}");
}

#[test]
fn check_passes_the_extension_against_the_layers_below() {
    let run = subsidy()
        .lang("en")
        .args(["check", KAKUU, "--sources", &format!("{KAKUU}/docs")])
        .args(["--as-of", AS_OF, "--format", "json", "--deny-warnings"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["findings"], Value::Array(Vec::new()));
    assert_eq!(report["programs"], 1);
    // Both worked examples (kakuu-1 10 計算例) were run.
    assert_eq!(report["examples"], 2);
    assert_eq!(report["catalogue"]["extensions"][0]["name"], "kakuu-city");
    assert_eq!(
        report["catalogue"]["extensions"][0]["sha256"],
        kakuu_sha256().as_str()
    );
    // For people: the summary names the extension.
    let text = subsidy()
        .args(["check", KAKUU, "--sources", &format!("{KAKUU}/docs")])
        .args(["--as-of", AS_OF])
        .stdout();
    assert!(text.starts_with("check: エラー 0件、警告 0件"), "{text}");
    assert!(text.contains("、拡張 kakuu-city 2026.1（sha256 "), "{text}");
    // The quotes are checked against its own document: one changed is found.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kakuu-city-notice.txt"),
        std::fs::read_to_string(format!("{KAKUU}/docs/kakuu-city-notice.txt"))
            .unwrap()
            .replace("補助限度額：50万円", "補助限度額：60万円"),
    )
    .unwrap();
    let run = subsidy()
        .lang("en")
        .args(["check", KAKUU, "--sources", dir.path().to_str().unwrap()])
        .args(["--as-of", AS_OF, "--format", "json"])
        .run();
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"document-changed"), "{codes:?}");
    assert!(codes.contains(&"quote-not-found"), "{codes:?}");
}

#[test]
fn a_clashing_id_is_refused_naming_both_files() {
    let line = subsidy()
        .lang("en")
        .args(["--extend", CLASH, "list"])
        .refused(&[
            "cannot use the extension (the command line's --extend)",
            "tests/extensions/kakuu-clash/online-qual-exempt.toml: program id \"online-qual-exempt\" is also in online-qual-exempt.toml, in a layer below (the built-in rule data)",
            "replaces = \"online-qual-exempt\"",
        ]);
    assert!(line.starts_with("error: "), "{line}");
    // Nothing is computed from half a catalogue: calc too.
    subsidy()
        .args([
            "--extend",
            CLASH,
            "calc",
            "--facility",
            "clinic",
            "--cost",
            "1",
        ])
        .refused(&["拡張を使えません", "kakuu-clash/online-qual-exempt.toml"]);
    // check finds it at its line.
    let run = subsidy()
        .lang("en")
        .args(["check", CLASH, "--as-of", AS_OF, "--format", "json"])
        .run();
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "layer-clash");
    assert_eq!(finding["line"], 2);
    assert_eq!(finding["snippet"], "id = \"online-qual-exempt\"");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("also in online-qual-exempt.toml"),
        "{finding}"
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn a_program_that_replaces_is_used_and_shows_why() {
    // 60,000円 × 3/4 = 45,000 under the extension's caps (kakuu-2 5 計算例);
    // the built-in program capped 41,000 × 3/4 = 30,750 → 30,000.
    let calc = |extend: bool| {
        let mut run = subsidy();
        if extend {
            run.args(["--extend", REPLACES]);
        }
        run.args([
            "calc",
            "--program",
            "online-qual-exempt",
            "--facility",
            "clinic",
            "--cost",
            "60000",
            "--fact",
            "online-qual-mandate-exempt=yes",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ])
        .json()
    };
    let replaced = calc(true);
    assert_eq!(replaced["results"][0]["grant"], 45_000);
    assert_eq!(replaced["results"][0]["extension"], "kakuu-replaces");
    assert_eq!(replaced["results"][0]["deadline"], "2027-03-31");
    assert_eq!(calc(false)["results"][0]["grant"], 30_000);
    // As many programs as without it: one took another's place.
    let count = |json: Value| json["programs"].as_array().unwrap().len();
    assert_eq!(
        count(json_with(REPLACES, &["list"])),
        count(crate::support::json(&["list", "--as-of", AS_OF]))
    );
    // show says what it replaces and why, in both languages.
    let ja = subsidy()
        .columns(1000)
        .args([
            "--extend",
            REPLACES,
            "show",
            "online-qual-exempt",
            "--as-of",
            AS_OF,
        ])
        .stdout();
    assert!(ja.contains("\n拡張: kakuu-replaces\n"), "{ja}");
    assert!(
        ja.contains("\n置き換え: 下の層の online-qual-exempt に代わる制度です。理由: テスト用: 架空市の改定通知（kakuu-2）で期限と上限が変わったものとして置き換える\n"),
        "{ja}"
    );
    let en = subsidy()
        .lang("en")
        .columns(1000)
        .args([
            "--extend",
            REPLACES,
            "show",
            "online-qual-exempt",
            "--as-of",
            AS_OF,
        ])
        .stdout();
    assert!(
        en.contains("\nReplaces: takes the place of online-qual-exempt of a layer below. Why: For the tests: replaced as if Kakuu City's revision notice (kakuu-2) changed the deadline and caps\n"),
        "{en}"
    );
    let json = json_with(REPLACES, &["show", "online-qual-exempt"]);
    assert_eq!(json["program"]["replaces"], "online-qual-exempt");
    assert_eq!(
        json["program"]["replaces_reason"]["en"],
        "For the tests: replaced as if Kakuu City's revision notice (kakuu-2) changed the deadline and caps"
    );
    // check passes it.
    let run = subsidy()
        .args(["check", REPLACES, "--sources", &format!("{REPLACES}/docs")])
        .args(["--as-of", AS_OF, "--deny-warnings", "-q"])
        .run();
    assert_eq!((run.code, run.stdout.len()), (0, 0), "{}", run.stderr);
}

#[test]
fn extensions_stack_in_order_and_come_from_the_environment_too() {
    // Both extensions, from SUBSIDY_EXTEND, separated as PATH is.
    let both = std::env::join_paths([KAKUU, REPLACES]).unwrap();
    let json = subsidy()
        .env("SUBSIDY_EXTEND", &both)
        .args(["list", "--as-of", AS_OF, "--format", "json"])
        .json();
    let names: Vec<&str> = json["catalogue"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["builtin", "kakuu-city", "kakuu-replaces"]);
    // A flag replaces the environment's list.
    let json = subsidy()
        .env("SUBSIDY_EXTEND", &both)
        .args([
            "--extend", REPLACES, "list", "--as-of", AS_OF, "--format", "json",
        ])
        .json();
    assert_eq!(json["catalogue"]["layers"].as_array().unwrap().len(), 2);
    assert_eq!(json["catalogue"]["layers"][1]["name"], "kakuu-replaces");
    // --version names each layer.
    let version = subsidy()
        .lang("en")
        .env("SUBSIDY_EXTEND", &both)
        .arg("--version")
        .stdout();
    let lines: Vec<&str> = version.lines().collect();
    assert_eq!(lines.len(), 3, "{version}");
    assert!(
        lines[1].starts_with("extension kakuu-city 2026.1 (sha256 "),
        "{version}"
    );
    assert!(lines[1].contains(&kakuu_sha256()), "{version}");
    assert!(
        lines[2].starts_with("extension kakuu-replaces 2026.6 (sha256 "),
        "{version}"
    );
}

/// `check DIR` of an extension that is also named for every command is
/// checked against those named before it, not against itself.
#[test]
fn check_takes_the_layers_below_from_the_settings() {
    let both = std::env::join_paths([KAKUU, REPLACES]).unwrap();
    let check = |dir: &str| {
        let run = subsidy()
            .env("SUBSIDY_EXTEND", &both)
            .args(["check", dir, "--as-of", AS_OF, "--format", "json"])
            .run();
        let report: Value = serde_json::from_slice(&run.stdout).unwrap();
        (run.code, report)
    };
    let (code, report) = check(KAKUU);
    assert_eq!(code, 0, "{report}");
    let layers: Vec<&str> = report["catalogue"]["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(layers, ["kakuu-city"]);
    let (code, report) = check(REPLACES);
    assert_eq!(code, 0, "{report}");
    let layers: Vec<&str> = report["catalogue"]["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(layers, ["kakuu-city", "kakuu-replaces"]);
    // The same directory spelt otherwise is still itself.
    let (code, report) = check("tests/extensions/../extensions/kakuu-city/.");
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        report["catalogue"]["extensions"].as_array().unwrap().len(),
        1
    );
}

#[test]
fn a_missing_or_broken_extension_is_one_line_naming_it() {
    crate::support::refused(
        &["--extend", "tests/extensions/no-such", "list"],
        &[
            "cannot use the extension (the command line's --extend)",
            "tests/extensions/no-such",
        ],
    );
    subsidy()
        .env("SUBSIDY_EXTEND", "tests/extensions/no-such")
        .args(["calc", "--facility", "clinic", "--cost", "1"])
        .refused(&["拡張を使えません（環境変数 SUBSIDY_EXTEND）", "no-such"]);
    // A directory without extension.toml (a catalogue, not an extension).
    crate::support::refused(
        &["--extend", "tests/broken/clean", "list"],
        &["tests/broken/clean/extension.toml: not found"],
    );
    // The server does not start on half a catalogue either.
    crate::support::refused(
        &["--extend", CLASH, "serve", "--addr", "127.0.0.1:0"],
        &["kakuu-clash/online-qual-exempt.toml"],
    );
}
