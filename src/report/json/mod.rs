//! JSON for scripts, one output per command: `calc`, `plan`, `list` and
//! `show` with `--format json`, and the API of `subsidy serve`, which sends
//! these same bytes. Stable field names; yen as integers.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Besides, CalcReport, Fit, Summary, in_list_order};
use super::words::{facility_text, rate_applied, size_line};
use crate::core::calc::{self, Computation, Context};
use crate::core::catalogue::{
    Cite, Discovery, Lang, LayerReceipt, Program, Rank, RateRule, Receipt, Rounding,
};
use crate::core::estimate::{Estimate, Finding, Headline, LeftOut, Query};
use crate::core::money::Yen;
use crate::core::plan::PlanEntry;
use crate::core::trace;
use crate::core::window::{self, Window};
use crate::input::spelling::Spelling;

mod recommend;
use recommend::{RecommendationJson, recommendation_json};

fn to_json(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail; an empty object is the fallback.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

#[derive(Serialize)]
struct FindingJson<'a> {
    code: &'static str,
    message: std::borrow::Cow<'a, str>,
    /// The fact the finding asks, to state with `--fact ID=yes|no` (a
    /// batch's `fact:ID` column, the API's `fact:ID`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
}

fn findings<'a>(list: &'a [Finding<'_>], lang: Lang, spelling: &Spelling) -> Vec<FindingJson<'a>> {
    list.iter()
        .map(|f| FindingJson {
            code: f.code.id(),
            message: crate::report::hints::finding_message(f, lang, spelling),
            fact: f.fact(),
        })
        .collect()
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    /// The document's file name in the source documents.
    document: &'a str,
    title: &'a str,
    /// The part of the document about this program.
    part: Option<&'a str>,
    date: NaiveDate,
    rank: Rank,
}

fn sources(program: &Program) -> Vec<SourceJson<'_>> {
    program
        .cited_documents()
        .map(|(s, d)| SourceJson {
            id: &s.id,
            document: &d.file,
            title: &d.title,
            part: s.part.as_deref(),
            date: d.date,
            rank: d.rank,
        })
        .collect()
}

/// Days left while open; `None` otherwise.
fn days_left(window: Window) -> Option<i64> {
    match window {
        Window::Open { days_left, .. } | Window::OpeningNotStated { days_left, .. } => {
            Some(days_left)
        }
        _ => None,
    }
}

#[derive(Serialize)]
struct CalcOutput<'a> {
    as_of: NaiveDate,
    /// Which rule data produced these results, and how old it is on `as_of`.
    catalogue: CatalogueJson<'a>,
    facility: FacilityJson,
    results: Vec<ResultJson<'a>>,
    stacks: Vec<StackJson<'a>>,
    /// What the last line of `calc` says: how many can be applied for, and
    /// the result it names.
    summary: SummaryJson<'a>,
    /// The best combination on the cost: its total, the results in it, what
    /// it assumes and why each other result is not in it.
    recommendation: RecommendationJson<'a>,
}

/// The rule data an output rests on: its receipt, and its age on the
/// output's as-of date (issue 24).
#[derive(Serialize)]
struct CatalogueJson<'a> {
    version: &'a str,
    sha256: &'a str,
    files: usize,
    /// Days from `version` to the as-of date, negative before it; null
    /// where the version is no date.
    age_days: Option<i64>,
    /// More than 90 days old ([`crate::core::catalogue::STALE_AFTER_DAYS`]):
    /// programs may have opened or changed since.
    stale: Option<bool>,
    /// Every layer, lowest first: `builtin` (or `data`, from `--data DIR`),
    /// then each extension, each with its version and SHA-256.
    layers: Vec<LayerReceipt>,
}

fn catalogue_json(receipt: &Receipt, as_of: NaiveDate) -> CatalogueJson<'_> {
    let age = receipt.age(as_of);
    CatalogueJson {
        version: &receipt.version,
        sha256: &receipt.sha256,
        files: receipt.files,
        age_days: age.map(|age| age.days),
        stale: age.map(|age| age.stale),
        layers: receipt.layers(),
    }
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    /// Programs and results that can be applied for on `as_of`.
    programs: usize,
    results: usize,
    /// The largest grant among them, or (no grant computed) the nearest deadline.
    headline: Option<HeadlineJson<'a>>,
}

#[derive(Serialize)]
struct HeadlineJson<'a> {
    program: &'a str,
    variant: Option<&'a str>,
    tier_id: Option<&'a str>,
    /// The grant, where the headline is the largest grant.
    grant: Option<Yen>,
    deadline: Option<NaiveDate>,
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
    /// The extension the program comes from; null: the rule data itself.
    extension: Option<&'a str>,
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

fn trace_json<'a>(
    e: &Estimate<'a>,
    query: &Query,
    lang: Lang,
    spelling: &Spelling,
) -> TraceJson<'a> {
    let program = e.program;
    TraceJson {
        facility: e.tier.map(|tier| TraceLine {
            text: format!("{} → {}", facility_text(query, lang), tier.label.get(lang)),
            source: cite_json(program, Some(&tier.cite)),
        }),
        size: size_line(e, query, lang, spelling).map(|(text, cite)| TraceLine {
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
    report: &CalcReport<'_, '_>,
    query: &Query,
    lang: Lang,
    spelling: &Spelling,
) -> String {
    let explain = report.view().explain;
    let results = report
        .every()
        .map(|(e, shown_by_default)| {
            let c: Option<&Computation> = e.computation.as_ref();
            ResultJson {
                program: &e.program.id,
                extension: e.program.extension.as_deref(),
                variant: e.variant.map(|v| v.id.as_str()),
                name: e.program.name.get(lang),
                variant_name: e.variant.map(|v| v.name.get(lang)),
                tier: e.tier.map(|t| t.label.get(lang)),
                tier_id: e.tier.map(|t| t.id.as_str()),
                eligibility: e.eligibility.id(),
                shown_by_default,
                left_out: e.left_out().map(LeftOut::id),
                reasons: findings(&e.reasons, lang, spelling),
                to_confirm: findings(&e.to_confirm, lang, spelling),
                notes: findings(&e.notes, lang, spelling),
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
                business_cost_cap: c.map_or(e.tier.and_then(|t| t.rule.business_cost_cap()), |c| {
                    c.business_cost_cap
                }),
                eligible_cost: c.map(|c| c.eligible_cost),
                rate: rate_applied(e),
                rate_stated: e.tier.map(|t| t.rule.rate_assumed().is_none()),
                grant_before_rounding: c.map(|c| c.before_rounding.to_fraction_string()),
                grant_min: e.tier.and_then(|t| t.rule.grant_min()),
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
                        .and_then(|t| calc::grant_cap(&t.rule, &query.context(e.program))),
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
                trace: explain.then(|| trace_json(e, query, lang, spelling)),
            }
        })
        .collect();
    fn part<'a>(e: &'a Estimate<'_>) -> StackPart<'a> {
        StackPart {
            program: &e.program.id,
            variant: e.variant.map(|v| v.id.as_str()),
            grant: e.computation.as_ref().map_or(0, |c| c.grant),
        }
    }
    let stacks = report
        .every_stack()
        .map(|(s, base, top)| StackJson {
            base: part(base),
            top: part(top),
            cost: s.cost,
            combined_grant: s.combined,
            self_burden: s.self_burden,
        })
        .collect();
    to_json(&CalcOutput {
        as_of: query.as_of,
        catalogue: catalogue_json(receipt, query.as_of),
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
        summary: summary_json(&report.summary()),
        recommendation: recommendation_json(report.recommendation(), lang),
    })
}

fn summary_json<'a>(summary: &Summary<'a, '_>) -> SummaryJson<'a> {
    SummaryJson {
        programs: summary.programs,
        results: summary.results,
        headline: summary.headline.map(|headline| {
            let (grant, e) = match headline {
                Headline::Largest(grant, e) => (Some(grant), e),
                Headline::Nearest(e) => (None, e),
            };
            HeadlineJson {
                program: &e.program.id,
                variant: e.variant.map(|v| v.id.as_str()),
                tier_id: e.tier.map(|t| t.id.as_str()),
                grant,
                deadline: e.window.deadline(),
            }
        }),
    }
}

#[derive(Serialize)]
struct PlanOutput<'a> {
    as_of: NaiveDate,
    /// Which rule data the plan rests on, and how old it is on `as_of`.
    catalogue: CatalogueJson<'a>,
    programs: Vec<PlanJson<'a>>,
    /// Results whose application period the sources do not give.
    period_unknown: Vec<PlanJson<'a>>,
    /// Programs the sources name without a rate table (no amount computed).
    discovery: Vec<DiscoveryRef<'a>>,
    /// The best combination, each result at its largest grant (`cost`: the
    /// cost that reaches them).
    recommendation: RecommendationJson<'a>,
}

#[derive(Serialize)]
struct DiscoveryRef<'a> {
    id: &'a str,
    name: &'a str,
    status: &'static str,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    program: &'a str,
    /// The extension the program comes from; null: the rule data itself.
    extension: Option<&'a str>,
    variant: Option<&'a str>,
    name: &'a str,
    tier: Option<&'a str>,
    tier_id: Option<&'a str>,
    eligibility: &'static str,
    to_confirm: Vec<FindingJson<'a>>,
    largest_grant: Option<Yen>,
    cost_for_largest_grant: Option<Yen>,
    deadline: Option<NaiveDate>,
    status: &'static str,
    days_left: Option<i64>,
    stacks_on: Option<&'a str>,
}

pub fn plan_json(
    receipt: &Receipt,
    entries: &[PlanEntry<'_>],
    besides: &Besides<'_, '_>,
    query: &Query,
    lang: Lang,
    spelling: &Spelling,
) -> String {
    to_json(&PlanOutput {
        as_of: query.as_of,
        catalogue: catalogue_json(receipt, query.as_of),
        programs: plan_entries_json(entries, lang, spelling),
        period_unknown: plan_entries_json(besides.period_unknown, lang, spelling),
        discovery: besides
            .discovery
            .iter()
            .map(|d| DiscoveryRef {
                id: &d.id,
                name: d.name.get(lang),
                status: "no-rate-table",
            })
            .collect(),
        recommendation: recommendation_json(besides.recommendation, lang),
    })
}

fn plan_entries_json<'a>(
    entries: &'a [PlanEntry<'_>],
    lang: Lang,
    spelling: &Spelling,
) -> Vec<PlanJson<'a>> {
    entries
        .iter()
        .map(|entry| {
            let e = &entry.estimate;
            PlanJson {
                program: &e.program.id,
                extension: e.program.extension.as_deref(),
                variant: e.variant.map(|v| v.id.as_str()),
                name: e.program.name.get(lang),
                tier: e.tier.map(|t| t.label.get(lang)),
                tier_id: e.tier.map(|t| t.id.as_str()),
                eligibility: e.eligibility.id(),
                to_confirm: findings(&e.to_confirm, lang, spelling),
                largest_grant: entry.largest.map(|(grant, _)| grant),
                cost_for_largest_grant: entry.largest.map(|(_, cost)| cost),
                deadline: e.window.deadline(),
                status: e.window.id(),
                days_left: days_left(e.window),
                stacks_on: entry.stacks_on,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct ListOutput<'a> {
    as_of: NaiveDate,
    /// Which rule data the list rests on, and how old it is on `as_of`.
    catalogue: CatalogueJson<'a>,
    programs: Vec<ListJson<'a>>,
    /// Programs the sources name without a rate table: no amount is computed.
    discovery: Vec<DiscoveryJson<'a>>,
}

#[derive(Serialize)]
struct DiscoveryJson<'a> {
    id: &'a str,
    name: &'a str,
    name_en: &'a str,
    authority: &'a str,
    funds: &'a str,
    figures: Option<&'a str>,
    status: &'static str,
    source: DiscoverySourceJson<'a>,
}

#[derive(Serialize)]
struct DiscoverySourceJson<'a> {
    id: &'a str,
    document: Option<&'a str>,
    at: &'a str,
}

#[derive(Serialize)]
struct ListJson<'a> {
    id: &'a str,
    /// The extension the program comes from; null: the rule data itself.
    extension: Option<&'a str>,
    name: &'a str,
    name_en: &'a str,
    authority: &'a str,
    deadline: Option<NaiveDate>,
    status: &'static str,
    days_left: Option<i64>,
}

pub fn list_json(
    receipt: &Receipt,
    programs: &[&Program],
    discovery: &[Discovery],
    as_of: NaiveDate,
) -> String {
    let programs = in_list_order(programs, as_of)
        .into_iter()
        .map(|p| {
            let window = window::window(p, as_of);
            ListJson {
                id: &p.id,
                extension: p.extension.as_deref(),
                name: &p.name.ja,
                name_en: &p.name.en,
                authority: &p.authority.ja,
                deadline: window.deadline(),
                status: window.id(),
                days_left: days_left(window),
            }
        })
        .collect();
    let discovery = discovery
        .iter()
        .map(|d| DiscoveryJson {
            id: &d.id,
            name: &d.name.ja,
            name_en: &d.name.en,
            authority: &d.authority.ja,
            funds: &d.funds.ja,
            figures: d.figures.as_ref().map(|f| f.ja.as_str()),
            status: "no-rate-table",
            source: DiscoverySourceJson {
                id: &d.cite.source,
                document: d.document.as_ref().map(|doc| doc.file.as_str()),
                at: &d.cite.at,
            },
        })
        .collect();
    to_json(&ListOutput {
        as_of,
        catalogue: catalogue_json(receipt, as_of),
        programs,
        discovery,
    })
}

#[derive(Serialize)]
struct ShowOutput<'a> {
    as_of: NaiveDate,
    /// Which rule data this rests on, and how old it is on `as_of`.
    catalogue: CatalogueJson<'a>,
    status: &'static str,
    deadline: Option<NaiveDate>,
    program: &'a Program,
    largest_payable: Vec<PayableJson<'a>>,
    /// With a facility: the ids of the tiers that fit it.
    #[serde(skip_serializing_if = "Option::is_none")]
    facility_tiers: Option<Vec<&'a str>>,
}

#[derive(Serialize)]
struct PayableJson<'a> {
    tier: &'a str,
    /// `None` for per-bed caps (they depend on the beds).
    grant: Option<Yen>,
    cost: Option<Yen>,
}

/// The JSON of a program named without a rate table.
pub fn show_discovery_json(entry: &Discovery) -> String {
    #[derive(Serialize)]
    struct Output<'a> {
        discovery: &'a Discovery,
        status: &'static str,
    }
    to_json(&Output {
        discovery: entry,
        status: "no-rate-table",
    })
}

pub fn show_json(
    receipt: &Receipt,
    program: &Program,
    as_of: NaiveDate,
    fit: Option<&Fit<'_>>,
) -> String {
    let w = window::window(program, as_of);
    let largest_payable = program
        .tiers
        .iter()
        .map(|tier| {
            let ctx = Context::with_beds(tier.beds_min.unwrap_or(0));
            let payable = !matches!(tier.rule, RateRule::PerBed(_));
            let payable =
                payable.then(|| calc::largest_payable(&tier.rule, &ctx, program.rounding.rule));
            PayableJson {
                tier: &tier.id,
                grant: payable.map(|(grant, _)| grant),
                cost: payable.map(|(_, cost)| cost),
            }
        })
        .collect();
    to_json(&ShowOutput {
        as_of,
        catalogue: catalogue_json(receipt, as_of),
        status: w.id(),
        deadline: w.deadline(),
        program,
        largest_payable,
        facility_tiers: fit.map(|fit| fit.tiers.iter().map(|(t, _)| t.id.as_str()).collect()),
    })
}
