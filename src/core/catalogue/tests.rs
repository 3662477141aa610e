//! Loading the catalogue: the embedded one, broken files, limits.

use super::*;
use serde::Deserialize;

#[test]
fn the_embedded_catalogue_loads() {
    let catalogue = Catalogue::embedded().unwrap();
    assert!(catalogue.program("ehr-sharing").is_some());
}

/// The build compiles data/ to JSON and computes its
/// receipt; what loads from that is what the TOML says, and the receipt
/// is the one `check` and `--data data` compute.
#[test]
fn the_compiled_catalogue_is_the_toml_catalogue() {
    let compiled = Catalogue::embedded().unwrap();
    let from_toml = Catalogue::parse(embedded_files()).unwrap();
    assert_eq!(compiled.programs(), from_toml.programs());
    assert_eq!(compiled.receipt(), from_toml.receipt());
    assert_eq!(&embedded_receipt(), from_toml.receipt());
    // The newest document of data/sources.toml: 004, 日医発第390号 of 2026-05-25.
    assert_eq!(embedded_receipt().version, "2026-05-25");
    assert!(embedded::FILES.iter().all(|f| f.json.is_some()));
    // The build's list of facts is the catalogue's.
    let facts: Vec<&str> = compiled.facts().into_iter().map(|(id, _)| id).collect();
    assert_eq!(embedded::FACTS, facts.as_slice());
}

/// `calc --program ID` decodes that program and those it names, no more.
#[test]
fn a_part_of_the_embedded_catalogue_brings_what_it_names() {
    let whole = Catalogue::embedded().unwrap();
    let part = Catalogue::embedded_subset(&["fukuoka-e-prescription"])
        .unwrap()
        .unwrap();
    let ids: Vec<&str> = part.ids().collect();
    // 福岡県 tops up the national e-prescription grants (stacks-on, both
    // variants of the 導入 and the 機能拡充) and requires the 交付決定.
    assert_eq!(
        ids,
        [
            "e-prescription",
            "e-prescription-expansion",
            "fukuoka-e-prescription"
        ]
    );
    for id in ids {
        assert_eq!(part.program(id), whole.program(id));
    }
    assert_eq!(part.fact_ids(), whole.fact_ids());
    assert_eq!(part.receipt(), whole.receipt());
    assert!(Catalogue::embedded_subset(&["no-such-program"]).is_none());
}

#[test]
fn unknown_keys_are_refused_with_the_file_name() {
    let text =
        include_str!("../../../data/ehr-sharing.toml").replace("[[tiers]]", "[[tiers]]\nbogus = 1");
    // The line after the first `[[tiers]]`.
    let line = text.lines().position(|l| l == "[[tiers]]").unwrap() + 2;
    let err = Catalogue::parse([("x.toml".to_string(), text)]).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("x.toml:{line}:1: ")),
        "{message}"
    );
    assert!(message.contains("unknown field `bogus`"), "{message}");
    // Every key a tier may have, none cut.
    assert!(
        message.ends_with("`members_min`, `conditions`, `cite`, `rule`"),
        "{message}"
    );
}

#[test]
fn figures_too_large_are_refused_at_their_line() {
    // 4,294,967,295 coupons would be computed one by one, for minutes.
    let text = include_str!("../../../data/online-qual-smartphone.toml").replacen(
        "max = 3,",
        "max = 4294967295,",
        1,
    );
    let line = 1 + text[..text.find("max = 4294967295").unwrap()]
        .matches('\n')
        .count();
    let err = Catalogue::parse([("x.toml".to_string(), text)]).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with(&format!("x.toml:{line}:")), "{message}");
    assert!(
        message
            .contains("per_unit.max 4294967295 is out of range: a tier pays for 1 to 1000 units"),
        "{message}"
    );
}

#[test]
fn a_program_id_used_twice_names_both_files() {
    let text = include_str!("../../../data/ehr-sharing.toml").to_string();
    let err = Catalogue::parse([
        ("b.toml".to_string(), text.clone()),
        ("a.toml".to_string(), text),
    ])
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.toml: program id \"ehr-sharing\" appears twice (also in b.toml)"
    );
    assert_eq!(
        err.message(Lang::Ja),
        "a.toml: 制度の id \"ehr-sharing\" が2回あります（b.toml にも）"
    );
}

#[test]
fn a_legal_form_is_written_as_a_name_or_a_company_with_its_capital() {
    #[derive(Deserialize)]
    struct Doc {
        entity: Entity,
    }
    let read = |text: &str| toml::from_str::<Doc>(text).map(|d| d.entity);
    assert_eq!(
        read("entity = \"medical-corporation\"").unwrap(),
        Entity::MedicalCorporation
    );
    assert_eq!(
        read("entity = \"company\"").unwrap(),
        Entity::Company { capital: None }
    );
    assert_eq!(
        read("entity = { company = { capital = 100_000_000 } }").unwrap(),
        Entity::Company {
            capital: Some(100_000_000)
        }
    );
    let wrong = read("entity = \"npo\"").unwrap_err().to_string();
    assert!(
        wrong.contains("unknown variant `npo`, expected one of `medical-corporation`"),
        "{wrong}"
    );
    let wrong = read("entity = { company = { capitol = 1 } }")
        .unwrap_err()
        .to_string();
    assert!(wrong.contains("unknown field `capitol`"), "{wrong}");
    let wrong = read("entity = { medical-corporation = {} }")
        .unwrap_err()
        .to_string();
    assert!(
        wrong.contains("unknown variant `medical-corporation`"),
        "{wrong}"
    );
}

#[test]
fn the_size_test_meets_one_limit_or_knows_both_passed() {
    // 004 ④小売業: 「資本金の額又は出資の総額が5千万円以下の会社又は常時使用する
    // 従業員の数が50人以下の会社及び個人事業主」.
    let retail = SizeLimit {
        capital_max: Some(50_000_000),
        employees_max: Some(50),
    };
    assert_eq!(retail.admits(Some(100_000_000), Some(80)), Some(false));
    assert_eq!(retail.admits(Some(50_000_000), Some(80)), Some(true));
    assert_eq!(retail.admits(Some(100_000_000), Some(50)), Some(true));
    // One limit met is enough; one passed leaves it open while the other is unknown.
    assert_eq!(retail.admits(None, Some(50)), Some(true));
    assert_eq!(retail.admits(None, Some(51)), None);
    assert_eq!(retail.admits(Some(50_000_001), None), None);
    assert_eq!(retail.admits(None, None), None);
    // ⑨医療法人: 「常時使用する従業員の数が300人以下の者」; capital is no test.
    let medical = SizeLimit {
        capital_max: None,
        employees_max: Some(300),
    };
    assert_eq!(medical.admits(Some(1), Some(301)), Some(false));
    assert_eq!(medical.admits(None, Some(300)), Some(true));
}

#[test]
fn a_size_table_that_breaks_a_rule_is_refused_in_either_language() {
    let text = include_str!("../../../data/digital-ai-etrade.toml");
    let parse = |from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        let text = text.replacen(from, to, 1);
        Catalogue::parse([("e.toml".to_string(), text)]).unwrap_err()
    };
    // A facility class in two rows.
    let err = parse("facilities = [\"pharmacy\"]", "facilities = [\"hospital\"]");
    assert_eq!(
        err.message(Lang::En),
        "e.toml: program digital-ai-etrade: sme_limits row 2: facility hospital is also in an earlier row"
    );
    let err = parse(
        "facilities = [\"pharmacy\"]\ncompany",
        "facilities = [\"clinic\"]\ncompany",
    );
    assert_eq!(
        err.message(Lang::Ja),
        "e.toml: 制度 digital-ai-etrade: sme_limits の2番目の行の施設 clinic は前の行にもあります"
    );
    let err = parse(
        "sole-proprietor = { employees_max = 50 }",
        "sole-proprietor = { capital_max = 1, employees_max = 50 }",
    );
    assert_eq!(
        err.message(Lang::En),
        "e.toml: program digital-ai-etrade: sme_limits row 2: sole-proprietor has capital_max, but only a company is judged by capital"
    );
    let err = parse(
        "company = { capital_max = 50_000_000, employees_max = 50 }\nsole-proprietor = { employees_max = 50 }\n",
        "",
    );
    assert_eq!(
        err.message(Lang::En),
        "e.toml: program digital-ai-etrade: sme_limits row 2 gives no legal form (medical-corporation, sole-proprietor or company)"
    );
    // No row for the pharmacy at all: its 大企業等 rate could not be decided.
    let row = text
        .split("[[sme_limits]]")
        .nth(2)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap();
    let err = parse(&format!("[[sme_limits]]{row}"), "");
    assert_eq!(
        err.message(Lang::En),
        "e.toml: program digital-ai-etrade tier etrade: its size test (an entity-size condition or a large-company rate) has no sme_limits row for facility pharmacy"
    );
    assert_eq!(
        err.message(Lang::Ja),
        "e.toml: 制度 digital-ai-etrade の tier etrade: 規模の判定（entity-size の要件または large-company の補助率）に使う sme_limits に、施設 pharmacy の行がありません"
    );
}

#[test]
fn a_program_that_breaks_a_rule_is_refused_in_either_language() {
    let text = include_str!("../../../tests/broken/clean/sample.toml");
    let parse = |from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        let text = text.replacen(from, to, 1);
        Catalogue::parse([("s.toml".to_string(), text)]).unwrap_err()
    };
    let err = parse(
        "source = \"003\", at = \"No.1 病院\"",
        "source = \"9\", at = \"x\"",
    );
    assert_eq!(
        err.message(Lang::En),
        "s.toml: program sample tier hospital: tier cites source \"9\", which is not among its [[sources]]"
    );
    assert_eq!(err.to_string(), err.message(Lang::En));
    assert_eq!(
        err.message(Lang::Ja),
        "s.toml: 制度 sample の tier hospital: tier が挙げる出典 \"9\" は [[sources]] にありません"
    );
    let err = parse("facilities = [\"hospital\"]", "facilities = []");
    assert_eq!(
        err.message(Lang::En),
        "s.toml: program sample tier hospital: lists no facilities"
    );
    assert_eq!(
        err.message(Lang::Ja),
        "s.toml: 制度 sample の tier hospital: 対象施設（facilities）がありません"
    );
}
