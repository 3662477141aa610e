//! `subsidy show`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

use super::{cite_text, date_text, money_cell, new_table, pick, status_text, to_json};
use crate::calc;
use crate::catalogue::{Cite, DecidedBy, Lang, Program, Text, Tier};
use crate::money::{Yen, format_yen};
use crate::window;

/// The largest payable grant of a tier, as text: `5,456,000円`, or the per-bed rule.
fn payable_text(program: &Program, tier: &Tier, lang: Lang) -> (String, String) {
    if let Some(per_bed) = tier.grant_cap_per_bed {
        let text = format!(
            "{}×{}",
            pick(lang, "許可病床数", "licensed beds"),
            format_yen(per_bed)
        );
        return (text, "—".to_string());
    }
    match calc::largest_payable(tier, tier.beds_min.unwrap_or(0), program.rounding.rule) {
        Some((grant, cost)) => (format_yen(grant), format_yen(cost)),
        None => ("—".to_string(), "—".to_string()),
    }
}

pub fn show_text(program: &Program, as_of: NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    let w = window::window(program, as_of);
    let _ = writeln!(out, "{} ({})", program.name.get(lang), program.id);
    let other = match lang {
        Lang::Ja => &program.name.en,
        Lang::En => &program.name.ja,
    };
    let _ = writeln!(out, "  {other}");
    let field = |out: &mut String, ja: &'static str, en: &'static str, text: &str| {
        let _ = writeln!(out, "{}: {text}", pick(lang, ja, en));
    };
    field(
        &mut out,
        "実施主体",
        "Authority",
        &format!(
            "{}（{}）",
            program.authority.get(lang),
            program.implementer.get(lang)
        ),
    );
    field(&mut out, "財政支援", "Fund", program.fund.get(lang));
    field(
        &mut out,
        "申請期限",
        "Deadline",
        &format!(
            "{} — {}（{} {}）",
            w.deadline()
                .map_or_else(|| "—".to_string(), |d| date_text(d, lang)),
            status_text(w, lang),
            pick(lang, "基準日", "as of"),
            as_of
        ),
    );
    let _ = writeln!(out);
    field(&mut out, "内容", "Summary", program.summary.get(lang));
    field(
        &mut out,
        "対象施設",
        "Who can apply",
        program.eligibility.get(lang),
    );
    field(
        &mut out,
        "補助内容",
        "Covered costs",
        program.covered_costs.get(lang),
    );
    let _ = writeln!(out);

    let mut tiers = new_table(
        lang,
        &[
            ("対象施設", "Facility"),
            ("区分", "Variant"),
            ("対象区分", "Tier"),
            ("補助率", "Rate"),
            ("事業額上限", "Business-cost cap"),
            ("補助限度額", "Grant cap"),
            ("支払可能な最大額", "Largest payable"),
            ("最大額に必要な経費", "Cost to reach it"),
        ],
    );
    for tier in &program.tiers {
        let (payable, cost) = payable_text(program, tier, lang);
        let grant_cap = match (tier.grant_cap, tier.grant_cap_per_bed) {
            (Some(cap), _) => format_yen(cap),
            (None, Some(per_bed)) => format!(
                "{}×{}",
                pick(lang, "許可病床数", "licensed beds"),
                format_yen(per_bed)
            ),
            (None, None) => pick(lang, "記載なし", "not stated").to_string(),
        };
        let rate = match &tier.rate_assumed {
            None => tier.rate.to_string(),
            Some(_) => format!(
                "{}{}",
                tier.rate,
                pick(lang, "（記載なし・仮定）", " (not stated; assumed)")
            ),
        };
        tiers.add_row(vec![
            Cell::new(
                tier.facilities
                    .iter()
                    .map(|f| f.name(lang))
                    .collect::<Vec<_>>()
                    .join(pick(lang, "・", ", ")),
            ),
            Cell::new(
                tier.variant
                    .as_deref()
                    .and_then(|v| program.variant(v))
                    .map_or_else(
                        || "—".to_string(),
                        |v| format!("{}\n{}", v.name.get(lang), v.id),
                    ),
            ),
            Cell::new(tier.label.get(lang)),
            Cell::new(rate),
            Cell::new(tier.business_cost_cap.map_or_else(
                || pick(lang, "記載なし", "not stated").to_string(),
                format_yen,
            ))
            .set_alignment(CellAlignment::Right),
            Cell::new(grant_cap).set_alignment(CellAlignment::Right),
            Cell::new(payable).set_alignment(CellAlignment::Right),
            Cell::new(cost).set_alignment(CellAlignment::Right),
        ]);
    }
    let _ = writeln!(out, "{tiers}");

    let with_items: Vec<&Tier> = program
        .tiers
        .iter()
        .filter(|t| !t.items.is_empty())
        .collect();
    if !with_items.is_empty() {
        let mut items = new_table(
            lang,
            &[
                ("対象区分", "Tier"),
                ("費目 (--item KEY)", "Item (--item KEY)"),
                ("費目ごとの事業額上限", "Item cap"),
            ],
        );
        for tier in with_items {
            for item in &tier.items {
                let name = program.item(&item.key).map_or("", |i| i.name.get(lang));
                items.add_row(vec![
                    Cell::new(tier.label.get(lang)),
                    Cell::new(format!("{name} ({})", item.key)),
                    money_cell(Some(item.business_cost_cap)),
                ]);
            }
        }
        let _ = writeln!(out, "{items}");
    }

    let _ = writeln!(
        out,
        "{}: {}{}",
        pick(lang, "端数処理", "Rounding"),
        program.rounding.rule.label(lang),
        program
            .rounding
            .cite
            .as_ref()
            .map(|c| format!(" — {}", cite_text(program, c)))
            .unwrap_or_default()
    );
    for tier in &program.tiers {
        if let Some(unit) = &tier.per_unit {
            let _ = writeln!(
                out,
                "{}: {} — {} {}（{}）",
                pick(lang, "単位", "Per unit"),
                tier.label.get(lang),
                unit.name.get(lang),
                unit.max,
                cite_text(program, &unit.cite)
            );
        }
    }

    let _ = writeln!(out, "\n{}:", pick(lang, "日付", "Dates"));
    let mut dates: Vec<_> = program.dates.iter().collect();
    dates.sort_by_key(|d| d.date);
    for date in dates {
        let label = date
            .label
            .as_ref()
            .map_or(date.kind.label(lang), |l| l.get(lang));
        let _ = writeln!(
            out,
            "  {}  {label} — {}",
            date_text(date.date, lang),
            cite_text(program, &date.cite)
        );
    }

    if !program.not_covered.is_empty() {
        let _ = writeln!(out, "\n{}:", pick(lang, "対象外", "Not covered"));
        for n in &program.not_covered {
            let _ = writeln!(
                out,
                "  {}: {} — {}",
                n.facility.name(lang),
                n.reason.get(lang),
                cite_text(program, &n.cite)
            );
        }
    }

    let tier_notes = program.tiers.iter().flat_map(|t| {
        t.cap_note
            .iter()
            .chain(t.rate_assumed.iter())
            .map(move |note| (Some(t), note, None))
    });
    let notes: Vec<(Option<&Tier>, &Text, Option<&Cite>)> = program
        .notes
        .iter()
        .map(|n| (None, &n.text, n.cite.as_ref()))
        .chain(tier_notes)
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}:", pick(lang, "注記", "Notes"));
        for (tier, text, cite) in notes {
            let prefix = tier
                .map(|t| format!("[{}] ", t.label.get(lang)))
                .unwrap_or_default();
            let suffix = cite
                .map(|c| format!(" — {}", cite_text(program, c)))
                .unwrap_or_default();
            let _ = writeln!(out, "  ・{prefix}{}{suffix}", text.get(lang));
        }
    }

    if !program.conditions.is_empty() {
        let _ = writeln!(
            out,
            "\n{}:",
            pick(
                lang,
                "要件（--fact / --prefecture で指定）",
                "Conditions (state with --fact / --prefecture)"
            )
        );
        for condition in &program.conditions {
            let how = match (condition.decided_by, &condition.fact, &condition.prefecture) {
                (DecidedBy::Fact, Some(fact), _) => format!("--fact {fact}=yes|no"),
                (DecidedBy::Prefecture, _, Some(p)) => format!("--prefecture {p}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  ・{} [{how}] — {}",
                condition.text.get(lang),
                cite_text(program, &condition.cite)
            );
        }
    }
    if !program.relations.is_empty() {
        let _ = writeln!(
            out,
            "\n{}:",
            pick(lang, "他制度・区分との関係", "Relations")
        );
        for relation in &program.relations {
            let other = relation
                .program
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  ・{}{other} — {}",
                relation.text.get(lang),
                cite_text(program, &relation.cite)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {} — {}",
        pick(lang, "消費税", "Consumption tax"),
        program.tax.basis.label(lang),
        program.tax.evidence.get(lang)
    );

    let _ = writeln!(out);
    field(
        &mut out,
        "申請方法",
        "How to apply",
        &format!("{} {}", program.apply.how.get(lang), program.apply.url),
    );
    field(
        &mut out,
        "問合せ先",
        "Contact",
        &format!(
            "{} {} {}",
            program.contact.name.get(lang),
            program.contact.phone,
            program.contact.hours.get(lang)
        ),
    );
    let _ = writeln!(out, "\n{}:", pick(lang, "出典", "Sources"));
    for s in &program.sources {
        let _ = writeln!(
            out,
            "  {} {} ({}) {}\n      {}",
            s.id, s.seed, s.date, s.title, s.url
        );
    }
    out
}

#[derive(Serialize)]
struct ShowOutput<'a> {
    as_of: NaiveDate,
    status: &'static str,
    deadline: Option<NaiveDate>,
    program: &'a Program,
    largest_payable: Vec<PayableJson<'a>>,
}

#[derive(Serialize)]
struct PayableJson<'a> {
    tier: &'a str,
    /// `None` for per-bed caps (they depend on the beds).
    grant: Option<Yen>,
    cost: Option<Yen>,
}

pub fn show_json(program: &Program, as_of: NaiveDate) -> String {
    let w = window::window(program, as_of);
    let largest_payable = program
        .tiers
        .iter()
        .map(|tier| {
            let payable = (tier.grant_cap_per_bed.is_none())
                .then(|| {
                    calc::largest_payable(tier, tier.beds_min.unwrap_or(0), program.rounding.rule)
                })
                .flatten();
            PayableJson {
                tier: &tier.id,
                grant: payable.map(|(grant, _)| grant),
                cost: payable.map(|(_, cost)| cost),
            }
        })
        .collect();
    to_json(&ShowOutput {
        as_of,
        status: w.id(),
        deadline: w.deadline(),
        program,
        largest_payable,
    })
}
