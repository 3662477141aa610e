//! A facility profile (`--profile FILE`, `subsidy profile init`), a program
//! found by its Japanese name, and errors that say what is missing. Amounts
//! are the hand-worked ones of 001 / 003 No.12.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{Subsidy, batch, csv_rows, subsidy};

/// `subsidy` in `dir` at 1,000 columns (content, not layout).
fn subsidy_in(dir: &Path) -> Subsidy {
    let mut cmd = subsidy();
    cmd.columns(1000).current_dir(dir);
    cmd
}

/// Runs in the user's language (Japanese unless `lang` says); asserts success.
fn stdout_in(dir: &Path, args: &[&str]) -> String {
    subsidy_in(dir).args(args).stdout()
}

fn json_in(dir: &Path, args: &[&str]) -> Value {
    let text = stdout_in(dir, &[args, &["--format", "json"]].concat());
    serde_json::from_str(&text).unwrap()
}

/// The bad-input contract in `lang`, the line starting `error: ` (English)
/// or `エラー: ` (Japanese, the default) and containing each needle.
/// Returns the line.
fn refused_in(dir: &Path, lang: &str, args: &[&str], needles: &[&str]) -> String {
    let stderr = subsidy_in(dir).lang(lang).args(args).refused(needles);
    let start = if lang == "en" {
        "error: "
    } else {
        "エラー: "
    };
    assert!(stderr.starts_with(start), "{stderr}");
    stderr
}

fn refused(args: &[&str], needles: &[&str]) -> String {
    refused_in(Path::new("."), "en", args, needles)
}

fn refused_ja(args: &[&str], needles: &[&str]) -> String {
    refused_in(Path::new("."), "ja", args, needles)
}

/// A directory holding `name` with `text`.
fn profile(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn grant(output: &Value, program: &str) -> Vec<i64> {
    output["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["program"] == program)
        .map(|r| r["grant"].as_i64().unwrap())
        .collect()
}

const AS_OF: [&str; 2] = ["--as-of", "2026-11-22"];

/// A 250-bed hospital with health checkups (the README's facility).
const HOSPITAL: &str = "\
# 北病院
facility = \"hospital\"
beds = 250
kenshin = \"yes\"
";

// ---------------------------------------------------------------- --profile

#[test]
fn a_profile_gives_calc_the_facility() {
    // 001 / 003 No.12: 14,000,000 capped at 13,158,000 × 1/2 = 6,579,000.
    let (dir, _) = profile("f.toml", HOSPITAL);
    let args = [
        &["calc", "--profile", "f.toml", "--cost", "14000000"],
        &AS_OF[..],
    ]
    .concat();
    let text = stdout_in(dir.path(), &args);
    assert!(text.contains("施設: 病院・250床・健診実施"), "{text}");
    assert!(text.contains("おすすめは合計 6,579,000円"), "{text}");
    // The same answer as the flags give.
    let from_flags = stdout_in(
        dir.path(),
        &[
            &[
                "calc",
                "--facility",
                "hospital",
                "--beds",
                "250",
                "--kenshin",
                "yes",
                "--cost",
                "14000000",
            ],
            &AS_OF[..],
        ]
        .concat(),
    );
    assert_eq!(text, from_flags);
    assert_eq!(
        grant(&json_in(dir.path(), &args), "ehr-sharing"),
        [6_579_000]
    );
}

#[test]
fn flags_override_the_profile() {
    let (dir, _) = profile("f.toml", HOSPITAL);
    let calc = |flags: &[&str]| {
        let args = [
            &["calc", "--profile", "f.toml", "--program", "ehr-sharing"],
            flags,
            &["--cost", "14000000"],
            &AS_OF[..],
        ]
        .concat();
        grant(&json_in(dir.path(), &args), "ehr-sharing")
    };
    assert_eq!(calc(&[]), [6_579_000]);
    // 大規模・健診未実施: 10,162,000 × 1/2 = 5,081,000.
    assert_eq!(calc(&["--kenshin", "no"]), [5_081_000]);
    // 中小規模・健診実施: 10,913,000 × 1/2 = 5,456,500 → 5,456,000 (1,000円未満切捨て).
    assert_eq!(calc(&["--beds", "120"]), [5_456_000]);
}

#[test]
fn a_fact_flag_replaces_the_profiles_fact() {
    let text = format!(
        "{HOSPITAL}\n[fact]\nonline-qual-in-place = \"いいえ\"\ne-prescription-introduced = \"はい\"\n"
    );
    let (dir, _) = profile("f.toml", &text);
    let eligibility = |flags: &[&str]| {
        let args = [
            &["calc", "--profile", "f.toml", "--program", "ehr-sharing"],
            flags,
            &AS_OF[..],
        ]
        .concat();
        json_in(dir.path(), &args)["results"][0]["eligibility"].clone()
    };
    assert_eq!(eligibility(&[]), "ineligible");
    assert_eq!(
        eligibility(&["--fact", "online-qual-in-place=yes"]),
        "eligible"
    );
}

#[test]
fn a_profile_gives_plan_and_show_the_facility() {
    let (dir, _) = profile("f.toml", HOSPITAL);
    let plan = stdout_in(
        dir.path(),
        &[&["plan", "--profile", "f.toml"], &AS_OF[..]].concat(),
    );
    assert!(plan.contains("施設: 病院・250床・健診実施"), "{plan}");
    assert!(plan.contains("6,579,000円  13,158,000円"), "{plan}");
    // show: the tier that fits the facility, named under the tier table.
    let show = stdout_in(dir.path(), &["show", "ehr-sharing", "--profile", "f.toml"]);
    assert!(
        show.contains("この施設（病院・250床・健診実施）の区分: 大規模病院（200床以上）・健診実施"),
        "{show}"
    );
    let out = json_in(
        dir.path(),
        &[
            "show",
            "ehr-sharing",
            "--profile",
            "f.toml",
            "--beds",
            "120",
        ],
    );
    assert_eq!(out["facility_tiers"], serde_json::json!(["mid-kenshin"]));
    // Without a facility, show is as before.
    let plain = json_in(dir.path(), &["show", "ehr-sharing"]);
    assert!(plain.get("facility_tiers").is_none());
    let clinic = stdout_in(dir.path(), &["show", "ehr-sharing", "--facility", "clinic"]);
    assert!(
        clinic.contains("この施設（診療所・0床）に当たる区分はありません"),
        "{clinic}"
    );
}

#[test]
fn profile_errors_name_the_file_and_line() {
    let (dir, _) = profile("f.toml", "facility = \"hospital\"\n\nbedz = 250\n");
    let calc = ["calc", "--profile", "f.toml"];
    refused_in(
        dir.path(),
        "en",
        &calc,
        &["f.toml:3: ", "'bedz'", "did you mean 'beds'?"],
    );
    refused_in(
        dir.path(),
        "ja",
        &calc,
        &["f.toml:3: ", "'bedz' はプロファイルのキーではありません"],
    );
    // A value is refused as a batch cell would be.
    let (dir, _) = profile("f.toml", "facility = \"hospital\"\nbeds = \"many\"\n");
    refused_in(dir.path(), "en", &calc, &["f.toml:2: ", "'many'", "'beds'"]);
    // TOML syntax.
    let (dir, _) = profile(
        "f.toml",
        "facility = \"hospital\"\nbeds = 250\nkenshin = yes\n",
    );
    refused_in(dir.path(), "en", &calc, &["f.toml:3: ", "TOML syntax"]);
    // What belongs to one calculation.
    let (dir, _) = profile("f.toml", "facility = \"hospital\"\ncost = 14000000\n");
    refused_in(dir.path(), "en", &calc, &["f.toml:2: ", "'cost'", "--cost"]);
    // The same key twice, ignoring case.
    let (dir, _) = profile("f.toml", "beds = 250\nBeds = 20\n");
    refused_in(dir.path(), "en", &calc, &["f.toml:2: ", "line 1"]);
    // In the [fact] table.
    let (dir, _) = profile("f.toml", "[fact]\nonline-qual-in-place = \"maybe\"\n");
    refused_in(dir.path(), "en", &calc, &["f.toml:2: ", "'maybe'"]);
    // A file that is not there, or not a file.
    refused_in(
        dir.path(),
        "en",
        &["plan", "--profile", "none.toml"],
        &["none.toml"],
    );
    refused_in(
        dir.path(),
        "en",
        &["plan", "--profile", "."],
        &["regular file"],
    );
}

// ---------------------------------------------------------------- profile init

/// The template had comment lines of up to 189
/// columns, and was an uncommented 250-bed hospital, so a clerk who did not
/// edit it got a hospital's results. It fits 80 columns, leaves the
/// facility and beds to fill, and is refused until they are, naming them.
#[test]
fn profile_init_writes_a_template_to_fill_in_that_then_reads_back() {
    use unicode_width::UnicodeWidthStr as _;
    let dir = tempfile::tempdir().unwrap();
    let template = stdout_in(dir.path(), &["profile", "init"]);
    assert!(
        template.starts_with("# subsidy の施設プロファイル"),
        "{template}"
    );
    assert!(template.contains("[fact]\n# "), "{template}");
    assert!(template.contains("\nfacility = \"\"\n"), "{template}");
    assert!(template.contains("\nbeds = \"\"\n"), "{template}");
    let line_of =
        |text: &str, start: &str| 1 + text.lines().position(|l| l.starts_with(start)).unwrap();
    std::fs::write(dir.path().join("t.toml"), &template).unwrap();
    let args = [
        &["calc", "--profile", "t.toml", "--cost", "14000000"],
        &AS_OF[..],
    ]
    .concat();
    let (facility, beds) = (
        line_of(&template, "facility = "),
        line_of(&template, "beds = "),
    );
    refused_in(
        dir.path(),
        "ja",
        &args,
        &[
            &format!(
                "t.toml:{facility}: 記入されていない項目があります: facility（{facility}行目）、beds（{beds}行目）"
            ),
            "facility = \"病院\"",
        ],
    );
    let filled = template
        .replace("facility = \"\"", "facility = \"病院\"")
        .replace("beds = \"\"", "beds = 250");
    std::fs::write(dir.path().join("t.toml"), &filled).unwrap();
    let text = stdout_in(dir.path(), &args);
    assert!(text.contains("施設: 病院・250床"), "{text}");
    // English comments under --lang en, refused and read back the same way.
    let english = stdout_in(dir.path(), &["--lang", "en", "profile", "init"]);
    assert!(english.starts_with("# A facility profile"), "{english}");
    std::fs::write(dir.path().join("e.toml"), &english).unwrap();
    let (facility, beds) = (
        line_of(&english, "facility = "),
        line_of(&english, "beds = "),
    );
    refused_in(
        dir.path(),
        "en",
        &["plan", "--profile", "e.toml"],
        &[&format!(
            "e.toml:{facility}: not filled in: facility (line {facility}), beds (line {beds})"
        )],
    );
    let filled = english
        .replace("facility = \"\"", "facility = \"clinic\"")
        .replace("beds = \"\"", "beds = 0");
    std::fs::write(dir.path().join("e.toml"), &filled).unwrap();
    stdout_in(dir.path(), &["plan", "--profile", "e.toml"]);
    for text in [&template, &english] {
        for line in text.lines() {
            assert!(
                line.width_cjk() <= 80,
                "{} columns: {line}",
                line.width_cjk()
            );
        }
    }
}

#[test]
fn profile_init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = subsidy_in(dir.path())
        .args(["profile", "init", "-o", "p.toml"])
        .output();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("p.toml"), "{stderr}");
    let written = std::fs::read_to_string(dir.path().join("p.toml")).unwrap();
    assert_eq!(written, stdout_in(dir.path(), &["profile", "init"]));
    std::fs::write(dir.path().join("p.toml"), "beds = 30\n").unwrap();
    refused_in(
        dir.path(),
        "ja",
        &["profile", "init", "-o", "p.toml"],
        &["'p.toml' はすでにあります"],
    );
    refused_in(
        dir.path(),
        "en",
        &["profile", "init", "-o", "p.toml"],
        &["already exists"],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.toml")).unwrap(),
        "beds = 30\n"
    );
}

// ---------------------------------------------------------------- lookup by name

#[test]
fn a_program_is_found_by_its_japanese_name() {
    let here = Path::new(".");
    let by_name = stdout_in(here, &["show", "電子カルテ", "--as-of", "2026-11-22"]);
    let by_id = stdout_in(here, &["show", "ehr-sharing", "--as-of", "2026-11-22"]);
    assert_eq!(by_name, by_id);
    // Full-width letters and spaces are folded (NFKC).
    let folded = stdout_in(
        here,
        &["show", "ＡＩ導入補助金2026 通常枠", "--as-of", "2026-11-22"],
    );
    assert!(
        folded.starts_with("デジタル化・AI導入補助金2026 通常枠 (digital-ai-normal)"),
        "{folded}"
    );
    let folded = stdout_in(
        here,
        &["show", "ＥＨＲ-ｓｈａｒｉｎｇ", "--as-of", "2026-11-22"],
    );
    assert_eq!(folded, by_id);
    // calc: the same result as the id.
    let calc = |program: &str| {
        let args = [
            "calc",
            "--program",
            program,
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
            "--cost",
            "14000000",
            "--as-of",
            "2026-11-22",
        ];
        json_in(here, &args)
    };
    let out = calc("電子カルテ");
    assert_eq!(out["results"].as_array().unwrap().len(), 1);
    assert_eq!(grant(&out, "ehr-sharing"), [6_579_000]);
}

#[test]
fn several_matching_names_are_listed_with_their_ids() {
    let line = refused(
        &["show", "電子処方箋"],
        &[
            "3 programs have this in their name",
            "e-prescription (電子処方箋管理サービスの導入に係る補助金)",
            "e-prescription-expansion",
            "fukuoka-e-prescription",
        ],
    );
    assert!(line.contains("'電子処方箋'"), "{line}");
    refused_ja(
        &[
            "calc",
            "--program",
            "外来",
            "--facility",
            "clinic",
            "--cost",
            "100000",
        ],
        &[
            "--program の値 '外来' は使えません",
            "2件",
            "online-qual-outpatient（",
            "online-qual-smartphone（",
        ],
    );
}

#[test]
fn an_exact_id_wins_and_no_match_suggests_the_nearest_id() {
    // `e-prescription` is also text of other ids; the exact id wins.
    let text = stdout_in(Path::new("."), &["show", "e-prescription"]);
    assert!(text.starts_with("電子処方箋管理サービスの導入に係る補助金 (e-prescription)"));
    refused(
        &["show", "e-prescriptoin"],
        &["no such program", "did you mean 'e-prescription'?"],
    );
    refused_ja(
        &["show", "電子レンジ"],
        &["その ID・名前の制度はありません", "subsidy list"],
    );
}

#[test]
fn a_batch_program_cell_is_found_by_name_too() {
    let csv = "id,program,facility,beds,kenshin,cost\nH1,電子カルテ,hospital,250,yes,14000000\n";
    let run = batch(csv.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    let column = |name: &str| header.iter().rposition(|h| h == name).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][column("result:program")], "ehr-sharing");
    assert_eq!(rows[0][column("grant")], "6579000");
}

// ---------------------------------------------------------------- missing input

#[test]
fn a_hospital_without_beds_is_asked_for_them() {
    let args = ["calc", "--facility", "hospital", "--cost", "14000000"];
    let line = refused(&args, &["missing --beds", "20 beds or more"]);
    assert!(!line.contains("'0'"), "{line}");
    refused_ja(
        &args,
        &["エラー: --beds を指定してください", "病院は20床以上"],
    );
    refused(&["plan", "--facility", "hospital"], &["missing --beds"]);
    // A clinic or pharmacy has none unless told.
    stdout_in(Path::new("."), &["plan", "--facility", "clinic"]);
    // A profile without beds, the same.
    let (dir, _) = profile("f.toml", "facility = \"病院\"\n");
    refused_in(
        dir.path(),
        "en",
        &["calc", "--profile", "f.toml"],
        &["missing --beds"],
    );
    // No facility at all.
    refused(
        &["calc", "--beds", "250"],
        &["missing --facility", "hospital, clinic or pharmacy"],
    );
}

#[test]
fn a_variant_without_a_program_names_the_programs_that_have_it() {
    let args = [
        "calc",
        "--facility",
        "clinic",
        "--variant",
        "basic",
        "--cost",
        "300000",
    ];
    refused(
        &args,
        &[
            "missing --program",
            "variant 'basic'",
            "e-prescription, fukuoka-e-prescription",
        ],
    );
    refused_ja(
        &args,
        &[
            "--program を指定してください",
            "e-prescription、fukuoka-e-prescription",
        ],
    );
    // A variant no program has: the nearest one.
    refused(
        &["calc", "--facility", "clinic", "--variant", "basik"],
        &["--variant", "'basik'", "did you mean 'basic'?"],
    );
}

#[test]
fn show_without_an_id_points_at_list() {
    refused(&["show"], &["missing ID", "`subsidy list`"]);
    refused_ja(&["show"], &["ID を指定してください", "`subsidy list`"]);
}

#[test]
fn a_batch_row_of_a_hospital_without_beds_says_so() {
    let csv = "\
id,program,variant,facility,beds,cost
H1,ehr-sharing,,hospital,,14000000
C1,online-qual-medical-aid,,clinic,,60000
V1,,basic,clinic,,300000
";
    let run = batch(csv.as_bytes(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    let column = |name: &str| header.iter().rposition(|h| h == name).unwrap();
    let (error, grant) = (column("error"), column("grant"));
    assert!(
        rows[0][error].contains("line 2: missing beds"),
        "{:?}",
        rows[0]
    );
    // 003 No.1: a clinic has no beds unless told; 60,000 × 3/4 = 45,000.
    assert_eq!(
        (rows[1][grant].as_str(), rows[1][error].as_str()),
        ("45000", "")
    );
    assert!(
        rows[2][error].contains("missing program")
            && rows[2][error].contains("e-prescription, fukuoka-e-prescription"),
        "{:?}",
        rows[2]
    );
}

/// A profile of a 有床診療所 without its beds is refused,
/// naming the field, as `--facility 有床診療所` without `--beds` is.
#[test]
fn a_bedded_clinic_profile_needs_its_beds() {
    let (dir, _) = profile("f.toml", "facility = \"有床診療所\"\n");
    refused_in(
        dir.path(),
        "en",
        &["calc", "--profile", "f.toml", "--cost", "1000000"],
        &["beds", "1 to 19"],
    );
    let (dir, _) = profile("f.toml", "facility = \"有床診療所\"\nbeds = 19\n");
    let text = stdout_in(
        dir.path(),
        &[
            &["calc", "--profile", "f.toml", "--cost", "1000000"][..],
            &AS_OF[..],
        ]
        .concat(),
    );
    assert!(text.contains("診療所・19床"), "{text}");
}
