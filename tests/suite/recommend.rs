//! The best combination (issue 25, item 1) in every form it takes: the last
//! line of `calc` (Japanese and English), `--format json`'s
//! `recommendation`, and a batch's `recommended_total` (summary shape) and
//! `recommended` (long shape, adding up to it). The web page and the API
//! are in `serve`. Each case is worked by hand from the sources:
//!
//! - 003 (福岡県 一覧) l.633–635, No.9 ① 診療所: 補助率 1/2, 補助限度額
//!   19.4万円, 事業額上限 38.7万円; l.761–763, No.11 ① 診療所 (福岡県's
//!   top-up on the same work): 補助率 1/4, 補助上限額 9.7万円.
//! - 001 (日医発第1203号 別添) l.111, 電子カルテ情報共有サービス 健診実施:
//!   大規模病院 6,579千円 (事業額 13,158千円の1/2), 中小規模病院 5,457千円
//!   (10,913千円の1/2); l.122, 健診未実施: 5,081千円 (10,162千円), 4,085千円
//!   (8,170千円).
//! - 003 No.3 / No.4 (online-qual-telemedicine.toml, online-qual-outpatient.toml):
//!   3/4 of at most 13万円; of mobile (at most 4.1万円) and rececon (13万円),
//!   and each 「申請内容が重複しない場合のみ」 (the `excludes` relations).
//! - tests/extensions/kakuu-topup (made up for the tests): a 2/3 top-up on
//!   ehr-sharing, 「国の補助金と本補助金の合計額は、補助対象経費の額を超えない」.

use serde_json::Value;

use crate::support::{at, csv_rows, subsidy};

/// A hand-worked case: the flags of `calc` (also a batch row), and what
/// the recommendation must be.
struct Case {
    name: &'static str,
    /// `calc` flags after `calc`; the batch row is made of the same facts.
    args: &'static [&'static str],
    /// The batch row: header and cells (None: not expressible as one row).
    row: Option<(&'static str, &'static str)>,
    extend: Option<&'static str>,
    total: u64,
    /// `(program, variant, grant, counted)`, the grant paid on the cost first.
    picks: &'static [(&'static str, Option<&'static str>, u64, u64)],
    /// `(ask, worth)`, largest first.
    unknowns: &'static [(&'static str, u64)],
    /// `(program, variant, tier_id, reason)` of some of the others.
    why_not: &'static [(
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        &'static str,
    )],
    /// The Japanese summary's words for the total.
    said: &'static str,
}

const CASES: &[Case] = &[
    Case {
        // 380,000 × 1/2 = 190,000 (under 38.7万, 19.4万) + 380,000 × 1/4 =
        // 95,000 (under 9.7万) = 285,000; self-pay 95,000.
        name: "a clinic in 福岡県: e-prescription and 福岡県's top-up",
        args: &[
            "--facility",
            "clinic",
            "--prefecture",
            "福岡県",
            "--cost",
            "380000",
            "--as-of",
            "2025-12-01",
        ],
        row: Some(("facility,prefecture,cost", "clinic,福岡県,380000")),
        extend: None,
        total: 285_000,
        picks: &[
            ("e-prescription", Some("basic"), 190_000, 190_000),
            ("fukuoka-e-prescription", Some("basic"), 95_000, 95_000),
        ],
        // インボイス対応類型 pays 380,000 × 3/4 = 285,000 too (004): none of
        // the picks' facts is worth a yen on its own.
        unknowns: &[
            ("fact:online-qual-in-place", 0),
            ("fact:e-prescription-ready-by-2025-09-30", 0),
            ("fact:e-prescription-grant-decided", 0),
        ],
        why_not: &[
            (
                "e-prescription",
                Some("basic-plus-new"),
                Some("basic-plus-new-clinic"),
                "other-variant",
            ),
            (
                "fukuoka-e-prescription",
                Some("simultaneous"),
                Some("simultaneous-clinic"),
                "other-variant",
            ),
            (
                "digital-ai-invoice",
                None,
                Some("one-function"),
                "same-total",
            ),
            (
                "e-prescription-expansion",
                Some("refill"),
                Some("refill-clinic"),
                "lower-total",
            ),
            ("ehr-sharing", None, None, "ineligible"),
        ],
        said: "おすすめは合計 285,000円（経費 380,000円、自己負担 95,000円）",
    },
    Case {
        // The two programs alone: without e-prescription-ready-by-2025-09-30
        // neither pays (285,000); without online-qual-in-place 福岡県's
        // 95,000 stays (190,000); without the national grant decided the
        // national 190,000 stays (95,000).
        name: "the same two programs alone, each fact worth what it takes away",
        args: &[
            "--program",
            "e-prescription",
            "--program",
            "fukuoka-e-prescription",
            "--facility",
            "clinic",
            "--prefecture",
            "福岡県",
            "--cost",
            "380000",
            "--as-of",
            "2025-12-01",
        ],
        row: None,
        extend: None,
        total: 285_000,
        picks: &[
            ("e-prescription", Some("basic"), 190_000, 190_000),
            ("fukuoka-e-prescription", Some("basic"), 95_000, 95_000),
        ],
        unknowns: &[
            ("fact:e-prescription-ready-by-2025-09-30", 285_000),
            ("fact:online-qual-in-place", 190_000),
            ("fact:e-prescription-grant-decided", 95_000),
        ],
        why_not: &[(
            "fukuoka-e-prescription",
            Some("additional"),
            Some("additional-clinic"),
            "other-variant",
        )],
        said: "おすすめは合計 285,000円",
    },
    Case {
        // The design card: min(14,000,000, 13,158,000) × 1/2 = 6,579,000.
        name: "the design-card hospital",
        args: &[
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
        ],
        row: Some(("facility,beds,kenshin,cost", "hospital,250,yes,14000000")),
        extend: None,
        total: 6_579_000,
        picks: &[("ehr-sharing", None, 6_579_000, 6_579_000)],
        unknowns: &[
            ("fact:online-qual-in-place", 6_579_000),
            ("fact:e-prescription-introduced", 6_579_000),
        ],
        why_not: &[(
            "e-prescription",
            Some("basic"),
            Some("basic-large"),
            "closed",
        )],
        said: "おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）",
    },
    Case {
        // 健診 not said: 6,579,000 (健診実施) or min(14,000,000, 10,162,000)
        // × 1/2 = 5,081,000 (未実施), one of them; 健診 is worth 1,498,000.
        name: "a 250-bed hospital with 健診 not said",
        args: &[
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--cost",
            "14000000",
            "--as-of",
            "2026-11-22",
        ],
        row: Some(("facility,beds,cost", "hospital,250,14000000")),
        extend: None,
        total: 6_579_000,
        picks: &[("ehr-sharing", None, 6_579_000, 6_579_000)],
        unknowns: &[
            ("fact:online-qual-in-place", 6_579_000),
            ("fact:e-prescription-introduced", 6_579_000),
            ("kenshin", 1_498_000),
        ],
        why_not: &[("ehr-sharing", None, Some("large-no-kenshin"), "other-tier")],
        said: "おすすめは合計 6,579,000円",
    },
    Case {
        // 120 beds, 健診 not said, 8,170,000: 8,170,000 × 1/2 = 4,085,000
        // either way (健診実施 under its 10,913,000 cap, 未実施 at its
        // 8,170,000): the two one-of rows are one pick, not 8,170,000, and
        // 健診 is worth nothing at this cost.
        name: "two one-of rows of 4,085,000円",
        args: &[
            "--facility",
            "hospital",
            "--beds",
            "120",
            "--cost",
            "8170000",
            "--as-of",
            "2026-11-22",
        ],
        row: Some(("facility,beds,cost", "hospital,120,8170000")),
        extend: None,
        total: 4_085_000,
        picks: &[("ehr-sharing", None, 4_085_000, 4_085_000)],
        unknowns: &[
            ("fact:online-qual-in-place", 4_085_000),
            ("fact:e-prescription-introduced", 4_085_000),
            ("kenshin", 0),
        ],
        why_not: &[("ehr-sharing", None, Some("mid-no-kenshin"), "other-tier")],
        said: "おすすめは合計 4,085,000円（経費 8,170,000円、自己負担 4,085,000円）",
    },
    Case {
        // Outpatient: (41,000 + 130,000) × 3/4 = 128,250 → 128,000;
        // telemedicine 130,000 × 3/4 = 97,500 → 97,000, and the two exclude
        // each other. (Home care pays 128,000 too: its fact is said no.)
        name: "an exclusion decides why telemedicine lost",
        args: &[
            "--facility",
            "clinic",
            "--cost",
            "130000",
            "--item",
            "mobile=41000",
            "--item",
            "rececon=130000",
            "--fact",
            "home-visits-done=no",
            "--as-of",
            "2025-12-01",
        ],
        row: Some((
            "facility,cost,item:mobile,item:rececon,fact:home-visits-done",
            "clinic,130000,41000,130000,no",
        )),
        extend: None,
        total: 128_000,
        picks: &[("online-qual-outpatient", None, 128_000, 128_000)],
        unknowns: &[("fact:alternative-route-or-device-failure", 30_500)],
        why_not: &[
            ("online-qual-telemedicine", None, Some("clinic"), "excluded"),
            ("online-qual-home-care", None, None, "requirement-failed"),
        ],
        said: "おすすめは合計 128,000円",
    },
    Case {
        // 福岡県's 勤務環境 grant for a 無床診療所 is the cost up to 18万円
        // (003 「１施設18万円」, no rate stated): 150,000 pays 150,000.
        name: "the cost binds a program's grant",
        args: &[
            "--program",
            "fukuoka-work-environment",
            "--facility",
            "clinic",
            "--prefecture",
            "福岡県",
            "--cost",
            "150000",
            "--as-of",
            "2025-12-01",
        ],
        row: Some((
            "program,facility,prefecture,cost",
            "fukuoka-work-environment,clinic,福岡県,150000",
        )),
        extend: None,
        total: 150_000,
        picks: &[("fukuoka-work-environment", None, 150_000, 150_000)],
        unknowns: &[
            ("fact:base-up-fee-filed", 150_000),
            ("fact:system-introduced-in-period", 150_000),
            ("fact:costs-not-otherwise-subsidised", 150_000),
        ],
        why_not: &[],
        said: "おすすめは合計 150,000円（経費 150,000円、自己負担 0円）",
    },
    Case {
        // ehr-sharing 6,579,000 + the made-up top-up 14,000,000 × 2/3 =
        // 9,333,333 → 9,333,000 = 15,912,000, capped at the cost: 14,000,000;
        // the top-up counts for 7,421,000. Without either ehr-sharing fact,
        // the top-up alone: 14,000,000 − 9,333,000 = 4,667,000.
        name: "the cost binds the combination",
        args: &[
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
        ],
        row: Some(("facility,beds,kenshin,cost", "hospital,250,yes,14000000")),
        extend: Some("tests/extensions/kakuu-topup"),
        total: 14_000_000,
        picks: &[
            ("ehr-sharing", None, 6_579_000, 6_579_000),
            ("kakuu-ehr-topup", None, 9_333_000, 7_421_000),
        ],
        unknowns: &[
            ("fact:online-qual-in-place", 4_667_000),
            ("fact:e-prescription-introduced", 4_667_000),
        ],
        why_not: &[],
        said: "おすすめは合計 14,000,000円（補助額の計 15,912,000円を経費 14,000,000円までとした額、自己負担 0円）",
    },
];

/// `subsidy [--extend DIR] ARGS` at 1,000 columns in `lang`.
fn run(case: &Case, lang: &str, args: &[&str]) -> String {
    let mut cmd = subsidy();
    cmd.lang(lang).columns(1000);
    if let Some(dir) = case.extend {
        cmd.args(["--extend", dir]);
    }
    cmd.args(args).stdout()
}

fn calc_json(case: &Case) -> Value {
    let mut args = vec!["calc"];
    args.extend_from_slice(case.args);
    args.extend(["--format", "json"]);
    serde_json::from_str(&run(case, "ja", &args)).unwrap()
}

/// The JSON's `recommendation` is the case, item by item.
fn check_json(case: &Case, r: &Value) {
    let name = case.name;
    assert_eq!(r["total"], case.total, "{name}");
    let items: Vec<(String, Option<String>, u64, u64)> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["program"].as_str().unwrap().to_string(),
                i["variant"].as_str().map(str::to_string),
                i["grant"].as_u64().unwrap(),
                i["counted"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, Option<String>, u64, u64)> = case
        .picks
        .iter()
        .map(|(p, v, g, c)| (p.to_string(), v.map(str::to_string), *g, *c))
        .collect();
    assert_eq!(items, expected, "{name}");
    let counted: u64 = expected.iter().map(|p| p.3).sum();
    assert_eq!(counted, case.total, "{name}: the parts add up to the total");
    let unknowns: Vec<(&str, u64)> = r["unknowns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["ask"].as_str().unwrap(), u["worth"].as_u64().unwrap()))
        .collect();
    assert_eq!(unknowns, case.unknowns, "{name}");
    let why_not = r["why_not"].as_array().unwrap();
    for (program, variant, tier, reason) in case.why_not {
        let found = why_not.iter().find(|w| {
            w["program"] == *program
                && w["variant"].as_str() == *variant
                && (tier.is_none() || w["tier_id"].as_str() == *tier)
        });
        let found = found.unwrap_or_else(|| panic!("{name}: no why_not for {program}"));
        assert_eq!(found["reason"], *reason, "{name}: {program} {variant:?}");
        assert!(
            !found["message"].as_str().unwrap().is_empty(),
            "{name}: a sentence for {program}"
        );
    }
    // No pick is among the others.
    for item in r["items"].as_array().unwrap() {
        assert!(
            !why_not.iter().any(|w| w["program"] == item["program"]
                && w["variant"] == item["variant"]
                && w["tier_id"] == item["tier_id"]),
            "{name}: {item}"
        );
    }
}

#[test]
fn calc_says_the_best_combination_last() {
    for case in CASES {
        let mut args = vec!["calc"];
        args.extend_from_slice(case.args);
        let text = run(case, "ja", &args);
        // The answer's last line: after the table, before the data's age.
        let said = text
            .find(case.said)
            .unwrap_or_else(|| panic!("{}: {:?} not in\n{text}", case.name, case.said));
        let age = text.find("規則データ 2026-05-25版").unwrap();
        assert!(said < age, "{}", case.name);
        assert!(
            !text[said..age].contains("\n\n"),
            "{}: the summary is the last paragraph of the answer",
            case.name
        );
        // Each pick named in it, with its grant.
        let summary = &text[text[..said].rfind("\n\n").unwrap()..age];
        for (program, _, grant, counted) in case.picks {
            let grant = if counted < grant {
                format!(
                    "{}円のうち{}円（経費まで）",
                    thousands(*grant),
                    thousands(*counted)
                )
            } else {
                format!("{}円", thousands(*grant))
            };
            assert!(
                summary.contains(&format!("（{program}）{grant}、")),
                "{}: {summary}",
                case.name
            );
        }
        // Above it, what it assumes, each fact with its worth, in order.
        if !case.unknowns.is_empty() {
            let heading = text.find("おすすめの額は次の要件がそろう前提です").unwrap();
            let worths: Vec<String> = text[heading..said]
                .lines()
                .skip(1)
                .filter_map(|l| {
                    l.trim_start()
                        .split_once("円  ")
                        .map(|(w, _)| w.to_string())
                })
                .collect();
            let expected: Vec<String> = case.unknowns.iter().map(|(_, w)| thousands(*w)).collect();
            assert_eq!(worths, expected, "{}", case.name);
        }
        // The same in English.
        let en = run(case, "en", &args);
        assert!(
            en.contains(&format!(
                "Recommended: {} yen in all",
                thousands(case.total)
            )),
            "{}: {en}",
            case.name
        );
    }
}

#[test]
fn json_has_the_recommendation() {
    for case in CASES {
        let json = calc_json(case);
        check_json(case, &json["recommendation"]);
        // The old headline stays: the largest single grant.
        assert!(json["summary"]["headline"]["grant"].as_u64().unwrap() <= case.total);
    }
}

#[test]
fn batch_gives_the_recommended_total_in_both_shapes() {
    let mut checked = 0;
    for case in CASES {
        let Some((header, cells)) = case.row else {
            continue;
        };
        let as_of = case.args[case.args.iter().position(|a| *a == "--as-of").unwrap() + 1];
        let input = format!("{header}\n{cells}\n");
        let batch = |shape: &str| {
            let mut cmd = subsidy();
            cmd.lang("en");
            if let Some(dir) = case.extend {
                cmd.args(["--extend", dir]);
            }
            let out = cmd
                .args(["batch", "--as-of", as_of, "--shape", shape])
                .stdin(input.as_bytes().to_vec())
                .run();
            assert_eq!(out.code, 0, "{}: {}", case.name, out.stderr);
            csv_rows(&out.stdout)
        };
        let (head, rows) = batch("summary");
        assert_eq!(rows.len(), 1, "{}", case.name);
        assert_eq!(
            rows[0][at(&head, "recommended_total")],
            case.total.to_string(),
            "{}",
            case.name
        );
        let (head, rows) = batch("long");
        let (program, variant, recommended) = (
            at(&head, "program"),
            at(&head, "variant"),
            at(&head, "recommended"),
        );
        let parts: Vec<(&str, &str, u64)> = rows
            .iter()
            .filter(|r| !r[recommended].is_empty())
            .map(|r| {
                (
                    r[program].as_str(),
                    r[variant].as_str(),
                    r[recommended].parse().unwrap(),
                )
            })
            .collect();
        let expected: Vec<(&str, &str, u64)> = case
            .picks
            .iter()
            .map(|(p, v, _, counted)| (*p, v.unwrap_or(""), *counted))
            .collect();
        // In the long shape's order (by deadline), the picks and only they.
        let mut sorted = parts.clone();
        sorted.sort();
        let mut wanted = expected.clone();
        wanted.sort();
        assert_eq!(sorted, wanted, "{}", case.name);
        assert_eq!(
            parts.iter().map(|p| p.2).sum::<u64>(),
            case.total,
            "{}: the long shape's parts add up to the total",
            case.name
        );
        checked += 1;
    }
    assert!(checked >= 6, "{checked}");
}

/// `6579000` → `6,579,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Invariants of the best combination over facilities, costs, facts and
/// days drawn at random: never more than the cost, never less than any one
/// result it could have picked alone, its parts adding up to it, a top-up
/// only on the grant it tops up, one result per program, every other result
/// with a reason, what each fact is worth at most the total and in order,
/// and a batch's brief recommendation the same as the full one.
mod invariants {
    use std::sync::LazyLock;

    use chrono::NaiveDate;
    use proptest::prelude::*;
    use subsidy::core::catalogue::{Catalogue, FacilityClass};
    use subsidy::core::estimate::tops_up;
    use subsidy::core::recommend::{Detail, Measure, recommend, recommend_with};
    use subsidy::input::request::{Checker, Request};

    static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::embedded().unwrap());

    const DAYS: [(i32, u32, u32); 5] = [
        (2025, 6, 1),
        (2025, 12, 1),
        (2026, 3, 1),
        (2026, 6, 1),
        (2026, 11, 22),
    ];
    const FACTS: [&str; 5] = [
        "online-qual-in-place",
        "e-prescription-ready-by-2025-09-30",
        "e-prescription-grant-decided",
        "e-prescription-introduced",
        "it-support-vendor",
    ];

    proptest! {
        #![proptest_config(crate::support::proptest_config(64))]

        #[test]
        fn the_best_combination_keeps_its_rules(
            class in 0usize..3,
            beds in 20u32..400,
            kenshin in proptest::option::of(any::<bool>()),
            cost in 0u64..20_000_000,
            fukuoka in proptest::option::of(any::<bool>()),
            facts in proptest::collection::vec(proptest::option::of(any::<bool>()), FACTS.len()),
            day in 0usize..DAYS.len(),
        ) {
            let class = FacilityClass::ALL[class];
            let (y, m, d) = DAYS[day];
            let request = Request {
                facility: Some(class.into()),
                beds: Some(if class == FacilityClass::Hospital { beds } else { 0 }),
                kenshin,
                cost: Some(cost),
                prefecture: fukuoka.map(|f| if f { "福岡県" } else { "東京都" }.to_string()),
                facts: FACTS
                    .iter()
                    .zip(&facts)
                    .filter_map(|(fact, said)| said.map(|said| (fact.to_string(), said)))
                    .collect(),
                ..Request::default()
            };
            let as_of = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let (all, query) = Checker::new(&CATALOGUE)
                .estimates_and_query(&request, as_of, false)
                .unwrap();
            let r = recommend(&all, &query, Measure::OnCost);
            prop_assert!(r.total <= cost);
            prop_assert!(r.total <= r.sum);
            prop_assert_eq!(r.picks.iter().map(|p| p.counted).sum::<u64>(), r.total);
            // Never less than one result alone (福岡県's need the prefecture said).
            for e in all.iter().filter(|e| e.left_out().is_none()) {
                let prefecture_open = e.conditions.iter().any(|o| {
                    o.condition.decided_by == subsidy::core::catalogue::DecidedBy::Prefecture
                        && o.holds.is_none()
                });
                if let (false, Some(c)) = (prefecture_open, &e.computation) {
                    prop_assert!(c.grant <= r.total, "{} pays {}", e.program.id, c.grant);
                }
            }
            for (i, pick) in r.picks.iter().enumerate() {
                prop_assert!(pick.estimate.left_out().is_none());
                prop_assert!(r.picks[..i].iter().all(|p| !std::ptr::eq(p.estimate.program, pick.estimate.program)));
                if i > 0 {
                    prop_assert!(tops_up(pick.estimate, r.picks[0].estimate));
                }
            }
            prop_assert_eq!(r.why_not.len() + r.picks.len(), all.len());
            prop_assert!(r.unknowns.iter().all(|u| u.worth <= r.total));
            prop_assert!(r.unknowns.windows(2).all(|w| w[0].worth >= w[1].worth));
            let brief = recommend_with(&all, &query, Measure::OnCost, Detail::Picks);
            prop_assert_eq!(brief.total, r.total);
            prop_assert_eq!(brief.picks.len(), r.picks.len());
        }
    }
}
