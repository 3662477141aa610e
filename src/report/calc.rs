//! `subsidy calc`: the results table, its notes, stacks and `--explain`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use std::collections::{BTreeMap, BTreeSet};

use super::layout::{Column, EMPTY, Emphasis, Screen, Table, hanging, wrap_lines};
use super::words::{
    Rest, cite_text, date_text, deadline_lines, facility_text, say, status_text, summary_line, t,
};
use super::{
    FindingJson, SourceJson, days_left, findings, header_line, notes_said_once, sources,
    summary_text, to_json,
};
use crate::core::calc::{self, Computation};
use crate::core::catalogue::Receipt;
use crate::core::catalogue::{Cite, Lang, Program, Rounding};
use crate::core::estimate::{Estimate, LeftOut, Query, Stack};
use crate::core::money::Yen;
use crate::core::trace;
use crate::i18n::Key;

/// What `calc` shows besides the results that can be applied for.
#[derive(Debug, Clone, Copy, Default)]
pub struct CalcView {
    /// `--all`: every result, those that cannot be applied for in a section of their own.
    pub all: bool,
    /// `--program`: the named programs are shown whatever their standing.
    pub named: bool,
    /// `--explain`: how each shown result was decided and computed.
    pub explain: bool,
}

/// The results table: what can be applied for first, then (with `--all` or
/// `--program`) what cannot, for reference; notes said once; what was left
/// out; and last, one summary line.
pub fn calc_table(
    estimates: &[Estimate<'_>],
    stacks: &[Stack],
    query: &Query,
    lang: Lang,
    view: CalcView,
    screen: Screen,
) -> String {
    let mut out = header_line(query, lang, screen);
    let (open, closed): (Vec<usize>, Vec<usize>) =
        (0..estimates.len()).partition(|&i| estimates[i].left_out().is_none());
    let reference: Vec<(usize, usize)> = if view.all || view.named {
        one_row_per_reason(estimates, &closed)
    } else {
        Vec::new()
    };
    // Display numbers run on from the first section into the second.
    let shown: Vec<usize> = open
        .iter()
        .copied()
        .chain(reference.iter().map(|&(i, _)| i))
        .collect();
    let number = |i: usize| shown.iter().position(|&s| s == i).map(|n| n + 1);
    let self_burden = Column::right(t(lang, Key::SelfPay)).droppable(1);
    if !open.is_empty() {
        let mut table = Table::new(vec![
            Column::right("#"),
            Column::left(t(lang, Key::Eligibility)),
            Column::right(t(lang, Key::Grant)),
            Column::right(t(lang, Key::EligibleCost)).droppable(2),
            Column::left(t(lang, Key::RateColumn)).droppable(3),
            self_burden.clone(),
            Column::left(t(lang, Key::Deadline)),
            Column::left(t(lang, Key::ProgramTier)),
        ]);
        for &i in &open {
            let e = &estimates[i];
            let c = e.computation.as_ref();
            table.row(
                vec![
                    number(i).unwrap_or(0).to_string(),
                    e.eligibility.label(lang).to_string(),
                    if e.amount_not_stated() {
                        t(lang, Key::NotStated).to_string()
                    } else {
                        yen_text(c.map(|c| c.grant), lang)
                    },
                    yen_text(c.map(|c| c.eligible_cost), lang),
                    // `→` is East-Asian ambiguous; `・` keeps the columns aligned.
                    rate_text(e, lang).map_or_else(|| EMPTY.to_string(), |r| r.replace('→', "・")),
                    yen_text(c.map(|c| c.self_burden), lang),
                    deadline_lines(e.window, lang),
                    program_and_tier(e, lang),
                ],
                Emphasis::Strong,
            );
        }
        out.push('\n');
        out.push_str(&table.render(screen));
        if table.keeps(5, screen) {
            out.push_str(&hanging(
                "",
                t(lang, Key::SelfPayAssumesThisProgram),
                screen.width,
            ));
        }
    }
    if !reference.is_empty() {
        let mut table = Table::new(vec![
            Column::right("#"),
            Column::left(t(lang, Key::WhyNot)),
            Column::right(t(lang, Key::ForReference)),
            Column::left(t(lang, Key::Deadline)),
            Column::left(t(lang, Key::ProgramTier)),
        ]);
        for &(i, rows) in &reference {
            let e = &estimates[i];
            let amount = e
                .computation
                .as_ref()
                .map(|c| format!("({})", super::words::yen(lang, c.grant)));
            table.row(
                vec![
                    number(i).unwrap_or(0).to_string(),
                    e.left_out().map_or("", |why| why.label(lang)).to_string(),
                    amount.unwrap_or_else(|| match e.amount_not_stated() {
                        true => t(lang, Key::NotStated).to_string(),
                        false => EMPTY.to_string(),
                    }),
                    deadline_lines(e.window, lang),
                    if rows > 1 {
                        let every = say(lang, Key::EveryVariantAlike, &[("count", &rows)]);
                        format!("{} ({})\n{every}", e.program.name.get(lang), e.program.id)
                    } else {
                        program_and_tier(e, lang)
                    },
                ],
                Emphasis::Faint,
            );
        }
        out.push('\n');
        out.push_str(&hanging(
            "",
            t(lang, Key::CannotBeAppliedForFor),
            screen.width,
        ));
        out.push_str(&table.render(screen));
    }
    let mut stack_lines = String::new();
    for stack in stacks {
        // Only grants that can both be applied for are ever added up.
        if !open.contains(&stack.base) || !open.contains(&stack.top) {
            continue;
        }
        let (Some(base), Some(top)) = (number(stack.base), number(stack.top)) else {
            continue;
        };
        let grant = |i: usize| estimates[i].computation.as_ref().map_or(0, |c| c.grant);
        let text = say(
            lang,
            Key::StackSum,
            &[
                ("base", &base),
                ("top", &top),
                ("base_grant", &super::words::yen(lang, grant(stack.base))),
                ("top_grant", &super::words::yen(lang, grant(stack.top))),
                ("combined", &super::words::yen(lang, stack.combined)),
                ("self_pay", &super::words::yen(lang, stack.self_burden)),
            ],
        );
        let label = format!("{}: ", t(lang, Key::StackedOnTheSameCost));
        stack_lines.push_str(&hanging(&label, &text, screen.width));
    }
    if !stack_lines.is_empty() {
        out.push('\n');
        out.push_str(&stack_lines);
    }
    if view.explain {
        let mut explained = String::new();
        for &i in &shown {
            write_explanation(
                &mut explained,
                number(i).unwrap_or(0),
                &estimates[i],
                query,
                lang,
            );
        }
        out.push_str(&wrap_lines(&explained, screen.width));
    } else {
        let numbered: Vec<(usize, &Estimate<'_>)> = shown
            .iter()
            .map(|&i| (number(i).unwrap_or(0), &estimates[i]))
            .collect();
        out.push_str(&notes_said_once(&numbered, lang, screen));
    }
    let hidden: Vec<&Estimate<'_>> = if reference.is_empty() {
        closed.iter().map(|&i| &estimates[i]).collect()
    } else {
        Vec::new()
    };
    if !hidden.is_empty() {
        out.push('\n');
        out.push_str(&hanging("", &left_out_line(&hidden, lang), screen.width));
    }
    let open: Vec<(Option<Yen>, &Estimate<'_>)> = open
        .iter()
        .map(|&i| {
            (
                estimates[i].computation.as_ref().map(|c| c.grant),
                &estimates[i],
            )
        })
        .collect();
    let rest = if reference.is_empty() {
        Rest::Hidden(estimates.len())
    } else {
        Rest::Shown
    };
    let summary = summary_line(&open, query, rest, lang);
    out.push('\n');
    out.push_str(&summary_text(&summary, screen));
    out
}

/// The results left out, each with how many rows it stands for: the
/// variants of one program left out for the same reason with no tier for
/// the facility (a pharmacy has no tier in any of online-qual-public-aid-card's
/// five variants) are one row, the first standing for the rest.
fn one_row_per_reason(estimates: &[Estimate<'_>], left_out: &[usize]) -> Vec<(usize, usize)> {
    let alike = |a: &Estimate<'_>, b: &Estimate<'_>| {
        a.tier.is_none()
            && b.tier.is_none()
            && std::ptr::eq(a.program, b.program)
            && a.left_out() == b.left_out()
            && a.window == b.window
            && a.reasons == b.reasons
    };
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for &i in left_out {
        match rows.last_mut() {
            Some((first, count)) if alike(&estimates[*first], &estimates[i]) => *count += 1,
            _ => rows.push((i, 1)),
        }
    }
    rows
}

/// `6,579,000円`, or `-` where there is no amount.
fn yen_text(amount: Option<Yen>, lang: Lang) -> String {
    amount.map_or_else(|| EMPTY.to_string(), |a| super::words::yen(lang, a))
}

/// `電子カルテ情報共有サービスの導入に係る補助金 (ehr-sharing)` over the variant and tier.
fn program_and_tier(e: &Estimate<'_>, lang: Lang) -> String {
    let mut text = format!("{} ({})", e.program.name.get(lang), e.program.id);
    if let Some(variant) = e.variant {
        let _ = write!(text, "\n{} ({})", variant.name.get(lang), variant.id);
    }
    if let Some(tier) = e.tier {
        let _ = write!(text, "\n{}", tier.label.get(lang));
    }
    text
}

/// `ほかに 17制度・24区分は申請できないため表示していません（締切済 23、他県 1）。すべて表示するには --all`.
pub(super) fn left_out_line(hidden: &[&Estimate<'_>], lang: Lang) -> String {
    left_out_said(hidden, lang, Key::LeftOutLine)
}

/// [`left_out_line`] worded by `key` (the web page's has no `--all`).
pub(super) fn left_out_said(hidden: &[&Estimate<'_>], lang: Lang, key: Key) -> String {
    let programs: BTreeSet<&str> = hidden.iter().map(|e| e.program.id.as_str()).collect();
    let mut counts: BTreeMap<LeftOut, usize> = BTreeMap::new();
    for e in hidden {
        if let Some(why) = e.left_out() {
            *counts.entry(why).or_default() += 1;
        }
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(why, n)| format!("{} {n}", why.label(lang)))
        .collect();
    let separator = t(lang, Key::ListSeparator);
    say(
        lang,
        key,
        &[
            (
                "programs",
                &crate::i18n::counted(
                    lang,
                    Key::CountProgramsOne,
                    Key::CountProgramsOther,
                    programs.len(),
                ),
            ),
            (
                "tiers",
                &crate::i18n::counted(lang, Key::CountTiersOne, Key::CountTiersOther, hidden.len()),
            ),
            ("counts", &counts.join(separator)),
        ],
    )
}

/// The rate for people: [`rate_applied`], or `記載なし` where the sources
/// state none (the tool pays costs up to the cap, as the tier's note says).
fn rate_text(e: &Estimate<'_>, lang: Lang) -> Option<String> {
    match e.tier?.rate_assumed {
        Some(_) => Some(t(lang, Key::NotStated).to_string()),
        None => rate_applied(e),
    }
}

/// The rate applied: `1/2`, `2/3` with a flag, or `3/4→2/3` where it is
/// tiered on the grant (JSON's `rate`, with `rate_stated`).
fn rate_applied(e: &Estimate<'_>) -> Option<String> {
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
        n,
        program.name.get(lang),
        program.id,
        e.variant
            .map(|v| format!(" / {}", v.name.get(lang)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        t(lang, Key::Eligibility),
        e.eligibility.label(lang)
    );
    match e.tier {
        Some(tier) => {
            let _ = writeln!(
                out,
                "  {}: {} → {}{}",
                t(lang, Key::FacilityLabel),
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
                    t(lang, Key::FacilityLabel),
                    reason.message(lang)
                );
            }
        }
    }
    if let Some((size, cite)) = super::words::size_line(e, query, lang) {
        let _ = writeln!(
            out,
            "  {}: {}{}",
            t(lang, Key::SizeLabel),
            size,
            source_suffix(program, cite)
        );
    }
    for outcome in &e.conditions {
        let _ = writeln!(
            out,
            "  {}: {} [{}]{}",
            t(lang, Key::ConditionLabel),
            outcome.condition.text.get(lang),
            trace::condition_how(outcome).get(lang),
            source_suffix(program, Some(&outcome.condition.cite))
        );
    }
    let _ = writeln!(
        out,
        "  {}: {} / {} {} → {}{}",
        t(lang, Key::Deadline),
        e.window
            .deadline()
            .map_or_else(|| "—".to_string(), |d| date_text(d, lang)),
        t(lang, Key::AsOfLower),
        query.as_of,
        status_text(e.window, lang).replace('\n', ""),
        source_suffix(program, trace::deadline_cite(program, e))
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        t(lang, Key::ConsumptionTax),
        program.tax.basis.label(lang)
    );
    let steps = trace::amount_steps(e);
    if !steps.is_empty() {
        let _ = writeln!(out, "  {}:", t(lang, Key::AmountLabel));
        // A citation is printed where it changes; `〃` points back to the tier's.
        let mut last = e.tier.map(|t| &t.cite);
        for step in steps {
            let source = match step.cite {
                Some(cite) if Some(cite) == last => {
                    format!("  — 〃 {}", t(lang, Key::SameSourceAsTheTier))
                }
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
            t(lang, Key::NoteLabel),
            finding.message(lang)
        );
    }
    let _ = writeln!(out, "  {}:", t(lang, Key::Sources));
    for (id, title, note) in super::source_lines(program, lang) {
        let _ = writeln!(out, "    {id} {title} ({note})");
    }
    for link in &program.links {
        let _ = writeln!(out, "    {} [{}]", link.url, link.cite.source);
    }
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
    /// What decides the size test, as given: `medical-corporation`,
    /// `sole-proprietor`, `company`; a company's capital; employees.
    entity: Option<&'static str>,
    capital: Option<Yen>,
    employees: Option<u32>,
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
    /// Whether `calc` shows it without `--all`: it can be applied for on `as_of`.
    shown_by_default: bool,
    /// Why it cannot be applied for: `closed`, `ineligible`, `other-prefecture`, `no-tier`.
    left_out: Option<&'static str>,
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
    /// The size test (004's table of 中小企業・小規模事業者等), where the result turns on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    size: Option<TraceLine<'a>>,
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
    /// The document's file name in the source documents.
    document: &'a str,
    title: &'a str,
    at: &'a str,
}

fn cite_json<'a>(program: &'a Program, cite: Option<&'a Cite>) -> Option<CiteJson<'a>> {
    let cite = cite?;
    let document = program.document(&cite.source)?;
    Some(CiteJson {
        document: &document.file,
        title: &document.title,
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
        size: super::words::size_line(e, query, lang).map(|(text, cite)| TraceLine {
            text,
            source: cite_json(program, cite),
        }),
        conditions: e
            .conditions
            .iter()
            .map(|o| ConditionJson {
                id: &o.condition.id,
                text: o.condition.text.get(lang),
                decided_by: match o.condition.decided_by {
                    crate::core::catalogue::DecidedBy::Fact => "fact",
                    crate::core::catalogue::DecidedBy::Prefecture => "prefecture",
                    crate::core::catalogue::DecidedBy::EntitySize => "entity-size",
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
                shown_by_default: e.left_out().is_none(),
                left_out: e.left_out().map(LeftOut::id),
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
                rate: rate_applied(e),
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
                    e.tier
                        .and_then(|t| calc::grant_cap(t, &query.context(e.program))),
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
            entity: query.entity.map(|e| e.id()),
            capital: query.entity.and_then(|e| e.capital()),
            employees: query.employees,
        },
        results,
        stacks,
    })
}
