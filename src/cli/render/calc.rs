//! `subsidy calc`: the results table, its notes, stacks and `--explain`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use comfy_table::Cell;
use serde::Serialize;

use super::{
    FindingJson, SourceJson, cite_text, date_text, days_left, deadline_cell, eligibility_text,
    facility_text, findings, header_line, money_cell, new_table, pick, sources, status_text,
    to_json,
};
use crate::calc::{self, Computation};
use crate::catalogue::{Cite, Lang, Program, Rounding};
use crate::check::Receipt;
use crate::estimate::{Estimate, Query, Stack};
use crate::money::{Yen, format_yen};
use crate::trace;

pub fn calc_table(
    estimates: &[Estimate<'_>],
    stacks: &[Stack],
    query: &Query,
    lang: Lang,
    explain: bool,
) -> String {
    let mut out = header_line(query, lang);
    if estimates.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            pick(lang, "該当する制度はありません。", "No program applies.")
        );
        return out;
    }
    let mut table = new_table(
        lang,
        &[
            ("#", "#"),
            ("制度", "Program"),
            ("区分", "Variant / tier"),
            ("判定", "Eligibility"),
            ("対象経費", "Eligible cost"),
            ("補助率", "Rate"),
            ("補助額", "Grant"),
            ("自己負担", "Self-pay"),
            ("申請期限", "Deadline"),
            ("状況", "Status"),
        ],
    );
    for (n, e) in estimates.iter().enumerate() {
        let c = e.computation.as_ref();
        table.add_row(vec![
            Cell::new(n + 1),
            Cell::new(format!("{}\n{}", e.program.name.get(lang), e.program.id)),
            Cell::new(variant_and_tier(e, lang)),
            Cell::new(eligibility_text(e.eligibility, lang)),
            money_cell(c.map(|c| c.eligible_cost)),
            Cell::new(rate_text(e).unwrap_or_else(|| "—".to_string())),
            money_cell(c.map(|c| c.grant)),
            money_cell(c.map(|c| c.self_burden)),
            deadline_cell(e.window, lang),
            Cell::new(status_text(e.window, lang)),
        ]);
    }
    let _ = writeln!(out, "{table}");
    for stack in stacks {
        let (base, top) = (&estimates[stack.base], &estimates[stack.top]);
        let grant = |e: &Estimate<'_>| e.computation.as_ref().map_or(0, |c| c.grant);
        let _ = writeln!(
            out,
            "{}: [{}] {} + [{}] {} = {}、{} {}",
            pick(
                lang,
                "上乗せ（同じ経費への併給）",
                "Stacked on the same cost"
            ),
            stack.base + 1,
            format_yen(grant(base)),
            stack.top + 1,
            format_yen(grant(top)),
            format_yen(stack.combined),
            pick(lang, "併給後の自己負担", "self-pay after both"),
            format_yen(stack.self_burden),
        );
    }
    for (n, e) in estimates.iter().enumerate() {
        if explain {
            write_explanation(&mut out, n, e, query, lang);
            continue;
        }
        let lines: Vec<String> = [
            (pick(lang, "理由", "Why"), &e.reasons),
            (pick(lang, "要確認", "To confirm"), &e.to_confirm),
            (pick(lang, "注", "Note"), &e.notes),
        ]
        .iter()
        .flat_map(|(label, list)| {
            list.iter()
                .map(move |f| format!("    {label}: {}", f.message(lang)))
        })
        .collect();
        if !lines.is_empty() {
            let _ = writeln!(
                out,
                "[{}] {} ({})",
                n + 1,
                e.program.name.get(lang),
                e.program.id
            );
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    let bases: std::collections::BTreeSet<_> =
        estimates.iter().map(|e| e.program.tax.basis).collect();
    if let [basis] = bases.into_iter().collect::<Vec<_>>()[..]
        && !explain
    {
        let _ = writeln!(
            out,
            "{}: {}",
            pick(lang, "消費税", "Consumption tax"),
            basis.label(lang)
        );
    }
    out
}

/// The rate applied: `1/2`, `2/3` with a flag, or `3/4→2/3` where it is tiered on the grant.
fn rate_text(e: &Estimate<'_>) -> Option<String> {
    let tier = e.tier?;
    Some(match &e.computation {
        Some(c) if !c.bands.is_empty() => c
            .bands
            .iter()
            .map(|b| b.rate.to_string())
            .collect::<Vec<_>>()
            .join("→"),
        Some(c) => c.rate.to_string(),
        None if !tier.bands.is_empty() => tier
            .bands
            .iter()
            .map(|b| b.rate.to_string())
            .collect::<Vec<_>>()
            .join("→"),
        None => tier.rate.to_string(),
    })
}

/// `①… (basic)` over the tier label, or the tier label alone.
fn variant_and_tier(e: &Estimate<'_>, lang: Lang) -> String {
    let tier = e.tier.map_or("—", |t| t.label.get(lang));
    match e.variant {
        Some(v) => format!("{} ({})\n{tier}", v.name.get(lang), v.id),
        None => tier.to_string(),
    }
}

fn source_suffix(program: &Program, cite: Option<&Cite>) -> String {
    cite.map(|c| format!("  — {}", cite_text(program, c)))
        .unwrap_or_default()
}

/// The `--explain` block of one result: facility, conditions, window, tax, amount.
fn write_explanation(out: &mut String, n: usize, e: &Estimate<'_>, query: &Query, lang: Lang) {
    let program = e.program;
    let _ = writeln!(
        out,
        "\n[{}] {} ({}){}",
        n + 1,
        program.name.get(lang),
        program.id,
        e.variant
            .map(|v| format!(" / {}", v.name.get(lang)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        pick(lang, "判定", "Eligibility"),
        eligibility_text(e.eligibility, lang)
    );
    match e.tier {
        Some(tier) => {
            let _ = writeln!(
                out,
                "  {}: {} → {}{}",
                pick(lang, "施設", "Facility"),
                facility_text(query, lang),
                tier.label.get(lang),
                source_suffix(program, Some(&tier.cite))
            );
        }
        None => {
            for reason in &e.reasons {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    pick(lang, "施設", "Facility"),
                    reason.message(lang)
                );
            }
        }
    }
    for outcome in &e.conditions {
        let _ = writeln!(
            out,
            "  {}: {} [{}]{}",
            pick(lang, "要件", "Condition"),
            outcome.condition.text.get(lang),
            trace::condition_how(outcome).get(lang),
            source_suffix(program, Some(&outcome.condition.cite))
        );
    }
    let _ = writeln!(
        out,
        "  {}: {} / {} {} → {}{}",
        pick(lang, "申請期限", "Deadline"),
        e.window
            .deadline()
            .map_or_else(|| "—".to_string(), |d| date_text(d, lang)),
        pick(lang, "基準日", "as of"),
        query.as_of,
        status_text(e.window, lang).replace('\n', ""),
        source_suffix(program, trace::deadline_cite(program, e))
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        pick(lang, "消費税", "Consumption tax"),
        program.tax.basis.label(lang)
    );
    let steps = trace::amount_steps(e);
    if !steps.is_empty() {
        let _ = writeln!(out, "  {}:", pick(lang, "計算", "Amount"));
        // A citation is printed where it changes; `〃` points back to the tier's.
        let mut last = e.tier.map(|t| &t.cite);
        for step in steps {
            let source = match step.cite {
                Some(cite) if Some(cite) == last => format!(
                    "  — 〃 {}",
                    pick(lang, "（区分と同じ出典）", "(same source as the tier)")
                ),
                cite => source_suffix(program, cite),
            };
            last = step.cite.or(last);
            let _ = writeln!(
                out,
                "    {:>16}  {}{source}",
                step.value,
                step.label.get(lang)
            );
        }
    }
    for finding in e
        .reasons
        .iter()
        .filter(|_| e.tier.is_some())
        .chain(&e.notes)
    {
        let _ = writeln!(
            out,
            "  {}: {}",
            pick(lang, "注", "Note"),
            finding.message(lang)
        );
    }
    let urls: Vec<String> = program
        .sources
        .iter()
        .map(|s| format!("{} {}", s.id, s.url))
        .collect();
    let _ = writeln!(
        out,
        "  {}: {}",
        pick(lang, "出典", "Sources"),
        urls.join(" / ")
    );
}

#[derive(Serialize)]
struct CalcOutput<'a> {
    as_of: NaiveDate,
    /// Which rule data produced these results.
    catalogue: &'a Receipt,
    facility: FacilityJson,
    results: Vec<ResultJson<'a>>,
    stacks: Vec<StackJson<'a>>,
}

#[derive(Serialize)]
struct FacilityJson {
    class: &'static str,
    beds: u32,
    kenshin: Option<bool>,
    prefecture: Option<String>,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    program: &'a str,
    variant: Option<&'a str>,
    name: &'a str,
    variant_name: Option<&'a str>,
    tier: Option<&'a str>,
    tier_id: Option<&'a str>,
    eligibility: &'static str,
    reasons: Vec<FindingJson<'a>>,
    to_confirm: Vec<FindingJson<'a>>,
    notes: Vec<FindingJson<'a>>,
    cost: Option<Yen>,
    items: Vec<ItemJson<'a>>,
    business_cost_cap: Option<Yen>,
    eligible_cost: Option<Yen>,
    rate: Option<String>,
    rate_stated: Option<bool>,
    grant_before_rounding: Option<String>,
    grant_min: Option<Yen>,
    parts: Vec<PartJson<'a>>,
    grant_cap: Option<Yen>,
    rounding: &'static str,
    grant: Option<Yen>,
    self_burden: Option<Yen>,
    tax_basis: &'static str,
    deadline: Option<NaiveDate>,
    status: &'static str,
    days_left: Option<i64>,
    sources: Vec<SourceJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<TraceJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    key: &'a str,
    cost: Yen,
    business_cost_cap: Yen,
    counted: Yen,
}

#[derive(Serialize)]
struct PartJson<'a> {
    key: &'a str,
    cost: Yen,
    rate: String,
    grant_cap: Option<Yen>,
    grant: String,
}

#[derive(Serialize)]
struct StackJson<'a> {
    base: StackPart<'a>,
    top: StackPart<'a>,
    cost: Yen,
    combined_grant: Yen,
    self_burden: Yen,
}

#[derive(Serialize)]
struct StackPart<'a> {
    program: &'a str,
    variant: Option<&'a str>,
    grant: Yen,
}

#[derive(Serialize)]
struct TraceJson<'a> {
    facility: Option<TraceLine<'a>>,
    conditions: Vec<ConditionJson<'a>>,
    window: TraceLine<'a>,
    tax: TraceLine<'a>,
    steps: Vec<StepJson<'a>>,
}

#[derive(Serialize)]
struct TraceLine<'a> {
    text: String,
    source: Option<CiteJson<'a>>,
}

#[derive(Serialize)]
struct ConditionJson<'a> {
    id: &'a str,
    text: &'a str,
    decided_by: &'static str,
    fact: Option<&'a str>,
    prefecture: Option<&'a str>,
    holds: Option<bool>,
    source: Option<CiteJson<'a>>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    step: &'static str,
    label: String,
    value: String,
    source: Option<CiteJson<'a>>,
}

#[derive(Serialize)]
struct CiteJson<'a> {
    seed: &'a str,
    url: &'a str,
    at: &'a str,
}

fn cite_json<'a>(program: &'a Program, cite: Option<&'a Cite>) -> Option<CiteJson<'a>> {
    let cite = cite?;
    let source = program.source(&cite.source)?;
    Some(CiteJson {
        seed: &source.seed,
        url: &source.url,
        at: &cite.at,
    })
}

fn trace_json<'a>(e: &Estimate<'a>, query: &Query, lang: Lang) -> TraceJson<'a> {
    let program = e.program;
    TraceJson {
        facility: e.tier.map(|tier| TraceLine {
            text: format!("{} → {}", facility_text(query, lang), tier.label.get(lang)),
            source: cite_json(program, Some(&tier.cite)),
        }),
        conditions: e
            .conditions
            .iter()
            .map(|o| ConditionJson {
                id: &o.condition.id,
                text: o.condition.text.get(lang),
                decided_by: match o.condition.decided_by {
                    crate::catalogue::DecidedBy::Fact => "fact",
                    crate::catalogue::DecidedBy::Prefecture => "prefecture",
                    crate::catalogue::DecidedBy::EntitySize => "entity-size",
                },
                fact: o.condition.fact.as_deref(),
                prefecture: o.condition.prefecture.as_deref(),
                holds: o.holds,
                source: cite_json(program, Some(&o.condition.cite)),
            })
            .collect(),
        window: TraceLine {
            text: format!(
                "{} / {} → {}",
                e.window
                    .deadline()
                    .map_or_else(|| "—".to_string(), |d| d.to_string()),
                query.as_of,
                e.window.id()
            ),
            source: cite_json(program, trace::deadline_cite(program, e)),
        },
        tax: TraceLine {
            text: format!(
                "{}: {}",
                program.tax.basis.id(),
                program.tax.evidence.get(lang)
            ),
            source: cite_json(program, program.tax.cite.as_ref()),
        },
        steps: trace::amount_steps(e)
            .into_iter()
            .map(|s| StepJson {
                step: s.key,
                label: s.label.get(lang).to_string(),
                value: s.value.replace(',', ""),
                source: cite_json(program, s.cite),
            })
            .collect(),
    }
}

fn rounding_id(rule: Rounding) -> &'static str {
    match rule {
        Rounding::Truncate1000 => "truncate-1000",
        Rounding::RoundHalfUp1 => "round-half-up-1",
        Rounding::NoneStated => "none-stated",
    }
}

pub fn calc_json(
    receipt: &Receipt,
    estimates: &[Estimate<'_>],
    stacks: &[Stack],
    query: &Query,
    lang: Lang,
    explain: bool,
) -> String {
    let results = estimates
        .iter()
        .map(|e| {
            let c: Option<&Computation> = e.computation.as_ref();
            ResultJson {
                program: &e.program.id,
                variant: e.variant.map(|v| v.id.as_str()),
                name: e.program.name.get(lang),
                variant_name: e.variant.map(|v| v.name.get(lang)),
                tier: e.tier.map(|t| t.label.get(lang)),
                tier_id: e.tier.map(|t| t.id.as_str()),
                eligibility: e.eligibility.id(),
                reasons: findings(&e.reasons, lang),
                to_confirm: findings(&e.to_confirm, lang),
                notes: findings(&e.notes, lang),
                cost: c.map(|c| c.cost),
                items: c.map_or_else(Vec::new, |c| {
                    c.items
                        .iter()
                        .map(|i| ItemJson {
                            key: &i.key,
                            cost: i.cost,
                            business_cost_cap: i.business_cost_cap,
                            counted: i.counted,
                        })
                        .collect()
                }),
                business_cost_cap: c.map_or(e.tier.and_then(|t| t.business_cost_cap), |c| {
                    c.business_cost_cap
                }),
                eligible_cost: c.map(|c| c.eligible_cost),
                rate: rate_text(e),
                rate_stated: e.tier.map(|t| t.rate_assumed.is_none()),
                grant_before_rounding: c.map(|c| c.before_rounding.to_fraction_string()),
                grant_min: e.tier.and_then(|t| t.grant_min),
                parts: c.map_or_else(Vec::new, |c| {
                    c.parts
                        .iter()
                        .map(|p| PartJson {
                            key: &p.key,
                            cost: p.cost,
                            rate: p.rate.to_string(),
                            grant_cap: p.grant_cap,
                            grant: p.grant.to_fraction_string(),
                        })
                        .collect()
                }),
                grant_cap: c.map_or(
                    e.tier.and_then(|t| calc::grant_cap(t, &query.context())),
                    |c| c.grant_cap,
                ),
                rounding: rounding_id(e.program.rounding.rule),
                grant: c.map(|c| c.grant),
                self_burden: c.map(|c| c.self_burden),
                tax_basis: e.program.tax.basis.id(),
                deadline: e.window.deadline(),
                status: e.window.id(),
                days_left: days_left(e.window),
                sources: sources(e.program),
                trace: explain.then(|| trace_json(e, query, lang)),
            }
        })
        .collect();
    let part = |i: usize| {
        let e = &estimates[i];
        StackPart {
            program: &e.program.id,
            variant: e.variant.map(|v| v.id.as_str()),
            grant: e.computation.as_ref().map_or(0, |c| c.grant),
        }
    };
    let stacks = stacks
        .iter()
        .map(|s| StackJson {
            base: part(s.base),
            top: part(s.top),
            cost: s.cost,
            combined_grant: s.combined,
            self_burden: s.self_burden,
        })
        .collect();
    to_json(&CalcOutput {
        as_of: query.as_of,
        catalogue: receipt,
        facility: FacilityJson {
            class: query.facility.class().id(),
            beds: query.facility.beds(),
            kenshin: query.kenshin,
            prefecture: query.prefecture.clone(),
        },
        results,
        stacks,
    })
}
