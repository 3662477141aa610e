//! `subsidy show ID`: one program's tiers, facts, rates, sources and how to
//! apply, fitted to the terminal.

use crate::support::{json, stdout, subsidy};

#[test]
fn show_lists_tiers_with_the_largest_payable_grant() {
    let text = stdout(&["show", "ehr-sharing", "--as-of", "2026-11-21"]);
    for needle in [
        "13,158,000円",
        "6,579,000円",
        "5,457,000円",
        "5,456,000円",
        "10,912,000円",
        "申請額1,000円未満切捨て",
        "0800-080-4583",
        "[001] 日医発第1203号(情シ)「医療DXに関するシステムの導入等で活用できる補助金まとめ」",
        "（2025-10-21、信頼度 高）",
        "導入完了",
        "2031-03-31",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
    // Sources are named by title and date, not by the internal seed file name.
    assert!(!text.contains(".txt"), "{text}");
    let out = json(&["show", "ehr-sharing", "--as-of", "2026-11-21"]);
    let payable = out["largest_payable"].as_array().unwrap();
    let mid = payable.iter().find(|p| p["tier"] == "mid-kenshin").unwrap();
    assert_eq!(mid["grant"], 5_456_000);
    assert_eq!(out["program"]["tiers"][0]["rate"], "1/2");
}

#[test]
fn show_items_for_split_programs() {
    let text = stdout(&["show", "online-qual-home-care", "--as-of", "2026-01-01"]);
    assert!(text.contains("mobile"));
    assert!(text.contains("781,000円"));
    assert!(text.contains("130,000円"));
}

#[test]
fn show_lists_the_facts_a_program_asks() {
    let text = stdout(&["show", "fukuoka-work-environment", "--as-of", "2026-11-21"]);
    for needle in [
        "--fact base-up-fee-filed=yes|no",
        "--prefecture 福岡県",
        "--fact costs-not-otherwise-subsidised=yes|no",
        "消費税",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
}

#[test]
fn show_explains_the_grant_tiered_rate_in_cost_terms() {
    let text = stdout(&["show", "digital-ai-invoice", "--as-of", "2026-06-01"]);
    for needle in [
        // Inexact figures end in `...` in the table (`…` is ambiguous width).
        "666,666.66...",
        "5,166,666.66...",
        "625,000",
        "5,125,000",
        "--small-business",
        "100,000円",
        "200,000円",
        "端数処理の記載なし",
    ] {
        assert!(text.contains(needle), "show lacks {needle}:\n{text}");
    }
    let text = stdout(&["show", "digital-ai-normal", "--as-of", "2026-06-01"]);
    assert!(text.contains("50,000円〜1,500,000円未満"), "{text}");
    assert!(text.contains("1,500,000円〜4,500,000円"), "{text}");
}

#[test]
fn english_show_reads_as_english() {
    let text = stdout(&[
        "--lang",
        "en",
        "show",
        "digital-ai-security",
        "--as-of",
        "2026-06-01",
    ]);
    assert!(
        text.contains("Deadline: 2026-06-15 open (14 days left) (as of 2026-06-01)"),
        "{text}"
    );
    assert!(text.contains("1/2 (--small-business"), "{text}");
    assert!(
        text.contains("Authority: National (Small and Medium Enterprise Agency"),
        "{text}"
    );
}

/// At 80 columns `show` printed its URLs at the hanging
/// indent of their label (lines of 89–116 columns). Every line of every
/// program now fits, but a URL wider than the line, which stands alone at
/// an indent of 2, whole.
#[test]
fn show_fits_80_columns_and_a_long_url_stands_alone_at_a_small_indent() {
    use unicode_width::UnicodeWidthStr as _;
    let ids: Vec<String> = json(&["list"])["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 19);
    // And at 60: the headings (中小企業・小規模事業者等の範囲…, 79 columns) too.
    for (lang, columns) in [("ja", 80), ("en", 80), ("ja", 60), ("en", 60)] {
        for id in &ids {
            let out = subsidy()
                .columns(columns)
                .args(["--lang", lang, "show", id, "--as-of", "2026-11-22"])
                .output();
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines().filter(|l| l.width_cjk() > columns) {
                let url = line.strip_prefix("  ").unwrap_or("");
                assert!(
                    url.starts_with("https://") && !url.contains(' '),
                    "{lang} {id} at {columns}: a line of {} columns: {line}",
                    line.width_cjk()
                );
            }
        }
    }
    // The URL of 申請方法 under its label, whole.
    let out = subsidy()
        .columns(80)
        .args(["show", "ehr-sharing", "--as-of", "2026-11-22"])
        .output();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "申請方法: 医療機関等向け総合ポータルサイトから申請\n  https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&sysparm_article=KB0010765\n"
        ),
        "{text}"
    );
}
