//! Tables for people (comfy-table) and JSON for scripts.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::calc::{self, Computation};
use crate::catalogue::{Catalogue, Cite, Lang, Program, Source, Text, Tier};
use crate::estimate::{Eligibility, Estimate, Finding, Query};
use crate::money::{Yen, format_yen};
use crate::window::{self, Window};

/// Picks the Japanese or English string.
fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// Width to wrap to when stdout is not a terminal (files, pipes, tests).
const PIPED_WIDTH: u16 = 160;

fn new_table(lang: Lang, headers: &[(&'static str, &'static str)]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers.iter().map(|(ja, en)| pick(lang, ja, en)));
    if table.width().is_none() {
        table.set_width(PIPED_WIDTH);
    }
    table
}

fn money_cell(amount: Option<Yen>) -> Cell {
    Cell::new(amount.map_or_else(|| "—".to_string(), format_yen))
        .set_alignment(CellAlignment::Right)
}

/// 令和8年1月15日, for the Japanese display (令和元年 for 2019).
pub fn wareki(date: NaiveDate) -> Option<String> {
    let (era, first_year) = if date >= NaiveDate::from_ymd_opt(2019, 5, 1)? {
        ("令和", 2019)
    } else if date >= NaiveDate::from_ymd_opt(1989, 1, 8)? {
        ("平成", 1989)
    } else {
        return None;
    };
    let year = date.year() - first_year + 1;
    let year = if year == 1 {
        "元".to_string()
    } else {
        year.to_string()
    };
    Some(format!("{era}{year}年{}月{}日", date.month(), date.day()))
}

/// `2026-01-15（令和8年1月15日）` in Japanese, ISO alone in English.
fn date_text(date: NaiveDate, lang: Lang) -> String {
    match (lang, wareki(date)) {
        (Lang::Ja, Some(era)) => format!("{date}（{era}）"),
        _ => date.to_string(),
    }
}

fn status_text(window: Window, lang: Lang) -> String {
    match (window, lang) {
        (Window::Open { days_left, .. }, Lang::Ja) => format!("受付中\n（あと{days_left}日）"),
        (Window::Open { days_left, .. }, Lang::En) => format!("open ({days_left} days left)"),
        (Window::NotYetOpen { opens, .. }, Lang::Ja) => format!("受付前（{opens}から）"),
        (Window::NotYetOpen { opens, .. }, Lang::En) => format!("not yet open (from {opens})"),
        (Window::Closed { .. }, Lang::Ja) => "締切済".to_string(),
        (Window::Closed { .. }, Lang::En) => "closed".to_string(),
        (Window::Unknown, Lang::Ja) => "期限の記載なし".to_string(),
        (Window::Unknown, Lang::En) => "no deadline stated".to_string(),
    }
}

fn eligibility_text(eligibility: Eligibility, lang: Lang) -> &'static str {
    match eligibility {
        Eligibility::Eligible => pick(lang, "対象", "eligible"),
        Eligibility::Unknown => pick(lang, "要確認", "unknown"),
        Eligibility::Ineligible => pick(lang, "対象外", "ineligible"),
    }
}

fn facility_text(query: &Query, lang: Lang) -> String {
    let facility = query.facility;
    let mut text = match lang {
        Lang::Ja => format!("{}・{}床", facility.class().name(lang), facility.beds()),
        Lang::En => format!("{}, {} beds", facility.class().name(lang), facility.beds()),
    };
    if let Some(kenshin) = query.kenshin {
        text.push_str(match (kenshin, lang) {
            (true, Lang::Ja) => "・健診実施",
            (false, Lang::Ja) => "・健診未実施",
            (true, Lang::En) => ", health checkups",
            (false, Lang::En) => ", no health checkups",
        });
    }
    text
}

// ---------------------------------------------------------------- calc

pub fn calc_table(estimates: &[Estimate<'_>], query: &Query, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}  {}: {}",
        pick(lang, "基準日", "As of"),
        date_text(query.as_of, lang),
        pick(lang, "施設", "Facility"),
        facility_text(query, lang)
    );
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
            Cell::new(
                e.tier
                    .map_or_else(|| "—".to_string(), |t| t.rate.to_string()),
            ),
            money_cell(c.map(|c| c.grant)),
            money_cell(c.map(|c| c.self_burden)),
            Cell::new(e.window.deadline().map_or_else(
                || "—".to_string(),
                |d| date_text(d, lang).replace('（', "\n（"),
            )),
            Cell::new(status_text(e.window, lang)),
        ]);
    }
    let _ = writeln!(out, "{table}");
    for (n, e) in estimates.iter().enumerate() {
        let lines: Vec<String> = [
            (pick(lang, "理由", "Why"), &e.reasons),
            (pick(lang, "要確認", "To confirm"), &e.to_confirm),
            (pick(lang, "注", "Note"), &e.notes),
        ]
        .iter()
        .flat_map(|(label, findings)| {
            findings
                .iter()
                .map(move |f| format!("    {label}: {}", f.text.get(lang)))
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
    out
}

/// `①… (basic)` over the tier label, or the tier label alone.
fn variant_and_tier(e: &Estimate<'_>, lang: Lang) -> String {
    let tier = e.tier.map_or("—", |t| t.label.get(lang));
    match e.variant {
        Some(v) => format!("{} ({})\n{tier}", v.name.get(lang), v.id),
        None => tier.to_string(),
    }
}

#[derive(Serialize)]
struct CalcOutput<'a> {
    as_of: NaiveDate,
    facility: FacilityJson,
    results: Vec<ResultJson<'a>>,
}

#[derive(Serialize)]
struct FacilityJson {
    class: &'static str,
    beds: u32,
    kenshin: Option<bool>,
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
    grant_cap: Option<Yen>,
    rounding: &'static str,
    grant: Option<Yen>,
    self_burden: Option<Yen>,
    deadline: Option<NaiveDate>,
    status: &'static str,
    days_left: Option<i64>,
    sources: Vec<SourceJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    code: &'static str,
    message: &'a str,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    key: &'a str,
    cost: Yen,
    business_cost_cap: Yen,
    counted: Yen,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    seed: &'a str,
    url: &'a str,
    date: NaiveDate,
}

fn findings(list: &[Finding], lang: Lang) -> Vec<FindingJson<'_>> {
    list.iter()
        .map(|f| FindingJson {
            code: f.code,
            message: f.text.get(lang),
        })
        .collect()
}

fn sources(program: &Program) -> Vec<SourceJson<'_>> {
    program
        .sources
        .iter()
        .map(|s| SourceJson {
            id: &s.id,
            seed: &s.seed,
            url: &s.url,
            date: s.date,
        })
        .collect()
}

fn rounding_id(program: &Program) -> &'static str {
    match program.rounding.rule {
        crate::catalogue::Rounding::Truncate1000 => "truncate-1000",
        crate::catalogue::Rounding::RoundHalfUp1 => "round-half-up-1",
        crate::catalogue::Rounding::NoneStated => "none-stated",
    }
}

pub fn calc_json(estimates: &[Estimate<'_>], query: &Query, lang: Lang) -> String {
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
                business_cost_cap: e.tier.and_then(|t| t.business_cost_cap),
                eligible_cost: c.map(|c| c.eligible_cost),
                rate: e.tier.map(|t| t.rate.to_string()),
                rate_stated: e.tier.map(|t| t.rate_assumed.is_none()),
                grant_before_rounding: c.map(|c| c.before_rounding.to_string().replace(',', "")),
                grant_cap: e
                    .tier
                    .and_then(|t| calc::grant_cap(t, query.facility.beds())),
                rounding: rounding_id(e.program),
                grant: c.map(|c| c.grant),
                self_burden: c.map(|c| c.self_burden),
                deadline: e.window.deadline(),
                status: e.window.id(),
                days_left: match e.window {
                    Window::Open { days_left, .. } => Some(days_left),
                    _ => None,
                },
                sources: sources(e.program),
            }
        })
        .collect();
    let output = CalcOutput {
        as_of: query.as_of,
        facility: FacilityJson {
            class: query.facility.class().id(),
            beds: query.facility.beds(),
            kenshin: query.kenshin,
        },
        results,
    };
    to_json(&output)
}

fn to_json(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail; an empty object is the fallback.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

// ---------------------------------------------------------------- list

pub fn list_table(catalogue: &Catalogue, as_of: NaiveDate, lang: Lang) -> String {
    let mut table = new_table(
        lang,
        &[
            ("ID", "ID"),
            ("制度", "Program"),
            ("実施主体", "Authority"),
            ("申請期限", "Deadline"),
            ("状況", "Status"),
        ],
    );
    for program in catalogue.programs() {
        let window = window::window(program, as_of);
        table.add_row(vec![
            Cell::new(&program.id),
            Cell::new(program.name.get(lang)),
            Cell::new(program.authority.get(lang)),
            Cell::new(
                window
                    .deadline()
                    .map_or_else(|| "—".to_string(), |d| date_text(d, lang)),
            ),
            Cell::new(status_text(window, lang)),
        ]);
    }
    format!(
        "{}: {}\n{table}\n",
        pick(lang, "基準日", "As of"),
        date_text(as_of, lang)
    )
}

#[derive(Serialize)]
struct ListOutput<'a> {
    as_of: NaiveDate,
    programs: Vec<ListJson<'a>>,
}

#[derive(Serialize)]
struct ListJson<'a> {
    id: &'a str,
    name: &'a str,
    name_en: &'a str,
    authority: &'a str,
    deadline: Option<NaiveDate>,
    status: &'static str,
    days_left: Option<i64>,
}

pub fn list_json(catalogue: &Catalogue, as_of: NaiveDate) -> String {
    let programs = catalogue
        .programs()
        .iter()
        .map(|p| {
            let window = window::window(p, as_of);
            ListJson {
                id: &p.id,
                name: &p.name.ja,
                name_en: &p.name.en,
                authority: &p.authority.ja,
                deadline: window.deadline(),
                status: window.id(),
                days_left: match window {
                    Window::Open { days_left, .. } => Some(days_left),
                    _ => None,
                },
            }
        })
        .collect();
    to_json(&ListOutput { as_of, programs })
}

// ---------------------------------------------------------------- show

fn cite_text(program: &Program, cite: &Cite) -> String {
    let seed = program
        .source(&cite.source)
        .map_or("?", |s: &Source| s.seed.as_str());
    format!("{} ({seed}): {}", cite.source, cite.at)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wareki_dates() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(wareki(day("2026-01-15")).as_deref(), Some("令和8年1月15日"));
        assert_eq!(
            wareki(day("2031-09-30")).as_deref(),
            Some("令和13年9月30日")
        );
        assert_eq!(wareki(day("2019-05-01")).as_deref(), Some("令和元年5月1日"));
        assert_eq!(
            wareki(day("2019-04-30")).as_deref(),
            Some("平成31年4月30日")
        );
    }
}
