//! Every program the sources name, computed or not. The national
//! 医療施設等経営強化緊急支援事業 outside 福岡県 is computed, its window
//! unknown; the programs 002 names without a rate table are discovery
//! entries, listed and planned but never computed.

use serde_json::Value;

use crate::support::subsidy;

/// `subsidy ARGS` as JSON, in English, on 2026-11-22; asserts success.
fn json(args: &[&str]) -> Value {
    subsidy()
        .lang("en")
        .args(args)
        .args(["--format", "json", "--as-of", "2026-11-22"])
        .json()
}

/// `subsidy ARGS` at 100 columns on 2026-11-22; asserts success.
fn text(args: &[&str]) -> String {
    subsidy()
        .columns(100)
        .args(args)
        .args(["--as-of", "2026-11-22"])
        .stdout()
}

/// The programs 002 names in prose only (2.1–2.4), then those 000's
/// comparison table names (l.142–147).
const DISCOVERY: [&str; 12] = [
    "work-style-reform-grant",
    "ict-model-hospital",
    "tokyo-ai",
    "facility-equipment",
    "facility-modernization",
    "regional-care-fund",
    "cybersecurity-mhlw",
    "tokyo-cybersecurity",
    "jma-cyber-attack-aid",
    "seismic-retrofit",
    "kumamoto-e-prescription",
    "minami-town",
];

#[test]
fn list_shows_every_program_the_discovery_entries_marked() {
    let out = json(&["list"]);
    let programs: Vec<&str> = out["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(
        programs.contains(&"national-work-environment"),
        "{programs:?}"
    );
    let discovery = out["discovery"].as_array().unwrap();
    let ids: Vec<&str> = discovery
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, DISCOVERY);
    assert!(discovery.iter().all(|d| d["status"] == "no-rate-table"));
    // 002 2.2: 「サービス導入のみで最大500万円、コンサルティングを含む場合は最大1,000万円」
    let tokyo = &discovery[2];
    assert_eq!(tokyo["authority"], "東京都");
    assert!(tokyo["figures"].as_str().unwrap().contains("最大1,000万円"));
    assert_eq!(tokyo["source"]["document"], "002_ef2f8f5bb36a031c.txt");

    // On the screen: each is marked 料率表なし, and a footnote says no amount is computed.
    let table = text(&["list"]);
    assert_eq!(table.matches("料率表なし  ").count(), 12, "{table}");
    assert!(table.contains("東京都 医療機関におけるAI技術活用促進事業 (tokyo-ai)"));
    assert!(table.contains("料率表なし：出典に料率表がないため、金額は計算しません"));
    // --open lists what can still be applied for: not these.
    assert!(!text(&["list", "--open"]).contains("料率表なし"));

    // show tells what the source says of one, and that nothing is computed.
    let shown = text(&["show", "tokyo-ai"]);
    assert!(
        shown.contains("出典の額: サービス導入のみで最大500万円"),
        "{shown}"
    );
    assert!(shown.contains("金額は計算しません"), "{shown}");
    assert!(shown.contains("[002] コラム「【2025-2026年版】医療DXを加速させる補助金活用術」"));
    let out = json(&["show", "tokyo-ai"]);
    assert_eq!(out["status"], "no-rate-table");
    assert_eq!(out["discovery"]["id"], "tokyo-ai");
}

/// 002 2.1 支給額「病院は許可病床数に4万円を乗じた額、無床診療所は1施設あたり
/// 18万円など、施設種別と規模に応じた定額給付です。」; 001 別添1: the condition
/// 「令和7年3月31日時点でベースアップ評価料を届け出ていることが条件」 and
/// 「各都道府県にお問い合わせください」 (no dates).
#[test]
fn the_national_program_outside_fukuoka_is_computed_with_its_window_unknown() {
    let calc = |facility: &[&str], cost: &str| {
        let args = [
            &[
                "calc",
                "--program",
                "national-work-environment",
                "--cost",
                cost,
            ][..],
            &["--fact", "base-up-fee-filed=yes"],
            facility,
        ]
        .concat();
        json(&args)["results"][0].clone()
    };
    // 120 beds × 40,000 = 4,800,000円, below the 10,000,000円 spent.
    let hospital = calc(
        &[
            "--facility",
            "hospital",
            "--beds",
            "120",
            "--prefecture",
            "東京都",
        ],
        "10000000",
    );
    assert_eq!(hospital["grant"], 4_800_000);
    assert_eq!(hospital["eligibility"], "eligible");
    assert_eq!(hospital["status"], "unknown");
    assert_eq!(hospital["deadline"], Value::Null);
    // A clinic without beds: 180,000円 per facility.
    let clinic = calc(
        &["--facility", "clinic", "--prefecture", "大阪府"],
        "300000",
    );
    assert_eq!(clinic["grant"], 180_000);
    // In 福岡県 the prefecture runs it as fukuoka-work-environment (003 No.13).
    let fukuoka = calc(
        &[
            "--facility",
            "hospital",
            "--beds",
            "120",
            "--prefecture",
            "福岡県",
        ],
        "10000000",
    );
    assert_eq!(fukuoka["eligibility"], "ineligible");
    assert_eq!(fukuoka["left_out"], "other-prefecture");
}

#[test]
fn without_a_period_it_is_counted_apart_by_default_and_named_by_plan() {
    let facility = [
        "--facility",
        "hospital",
        "--beds",
        "120",
        "--prefecture",
        "東京都",
    ];
    // calc without --program: not shown as applicable, counted with its reason.
    let out = json(&[&["calc", "--cost", "10000000"][..], &facility].concat());
    let national = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == "national-work-environment")
        .unwrap()
        .clone();
    assert_eq!(national["shown_by_default"], false);
    assert_eq!(national["left_out"], "period-unknown");
    let screen = text(&[&["calc", "--cost", "10000000"][..], &facility].concat());
    assert!(screen.contains("期間の記載なし 1"), "{screen}");
    assert!(!screen.contains("4,800,000円"), "{screen}");

    // plan names it after its table, with the largest grant, and the
    // discovery entries after that; JSON carries both.
    let plan = json(&[&["plan"][..], &facility].concat());
    let unknown = plan["period_unknown"].as_array().unwrap();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0]["program"], "national-work-environment");
    assert_eq!(unknown[0]["largest_grant"], 4_800_000);
    let ids: Vec<&str> = plan["discovery"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, DISCOVERY);
    let screen = text(&[&["plan"][..], &facility].concat());
    assert!(
        screen.contains("出典に申請期間の記載がない制度")
            && screen.contains("(national-work-environment) 最大 4,800,000円"),
        "{screen}"
    );
    assert!(screen.contains("ほかに出典が挙げる制度（料率表がないため金額は計算しません"));
    // The answer stays last.
    let last = screen.trim_end().rsplit("\n\n").next().unwrap();
    assert!(last.starts_with("申請できる制度: "), "{screen}");
}

/// What 000's comparison table (l.142–147, the lowest
/// rank) and 002 l.57 name, each with the figures they give.
#[test]
fn the_discovery_entries_carry_what_000_and_002_give() {
    let out = json(&["list"]);
    let entry = |id: &str| -> Value {
        out["discovery"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
            .clone()
    };
    let figures = |id: &str| entry(id)["figures"].as_str().unwrap().to_string();
    // 「最大373万円」「耐震診断: 対象経費の2/3以内。 耐震改修工事: 対象経費の1/2以内」
    let seismic = figures("seismic-retrofit");
    assert!(seismic.contains("最大373万円") && seismic.contains("2/3") && seismic.contains("1/2"));
    assert_eq!(
        entry("seismic-retrofit")["name"],
        "医療施設耐震化促進事業費補助金"
    );
    // 「最大100.3万円」「診療所/薬局:4分の1」
    let kumamoto = figures("kumamoto-e-prescription");
    assert!(
        kumamoto.contains("最大100.3万円") && kumamoto.contains("4分の1"),
        "{kumamoto}"
    );
    // 「最大300万円(施設により変動)」
    assert!(figures("minami-town").contains("最大300万円"));
    assert_eq!(entry("minami-town")["authority"], "徳島県美波町");
    // 002 l.57: 「業種別課題対応コース」 and 「労働時間短縮・年休促進支援コース」.
    let work = entry("work-style-reform-grant")["funds"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        work.contains("業種別課題対応コース") && work.contains("労働時間短縮・年休促進支援コース")
    );
}
