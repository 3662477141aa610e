//! `subsidy plan`.

use chrono::NaiveDate;
use serde::Serialize;

use super::layout::{Column, EMPTY, Emphasis, Screen, Table, hanging};
use super::words::{Rest, deadline_lines, say, summary_line, t};
use super::{
    FindingJson, days_left, findings, header_line, summary_text, to_confirm_said_once, to_json,
};
use crate::core::catalogue::{Discovery, Lang};
use crate::core::estimate::{Estimate, Query};
use crate::core::money::Yen;
use crate::core::plan::PlanEntry;
use crate::i18n::Key;

/// What `plan` names besides its table: results whose application period
/// the sources do not give, and the programs named without a rate table.
pub struct Besides<'a, 'c> {
    pub period_unknown: &'a [PlanEntry<'c>],
    pub discovery: &'c [Discovery],
}

pub fn plan_table(
    entries: &[PlanEntry<'_>],
    besides: &Besides<'_, '_>,
    query: &Query,
    lang: Lang,
    screen: Screen,
) -> String {
    let mut out = header_line(query, lang, screen);
    if !entries.is_empty() {
        let mut table = Table::new(vec![
            Column::right("#"),
            Column::left(t(lang, Key::Eligibility)),
            Column::right(t(lang, Key::LargestGrant)),
            Column::right(t(lang, Key::CostToReachIt)).droppable(1),
            Column::left(t(lang, Key::Deadline)),
            Column::left(t(lang, Key::ProgramTier)),
        ]);
        for (n, entry) in entries.iter().enumerate() {
            let e = &entry.estimate;
            let stacked = entry
                .stacks_on
                .map(|id| format!("\n{} {id}", t(lang, Key::TopsUp)))
                .unwrap_or_default();
            let tier = e.tier.map_or(EMPTY, |t| t.label.get(lang));
            let variant = e
                .variant
                .map(|v| format!("{} ({}) ", v.name.get(lang), v.id))
                .unwrap_or_default();
            let yen = |y: Option<Yen>| {
                y.map_or_else(|| EMPTY.to_string(), |y| super::words::yen(lang, y))
            };
            table.row(
                vec![
                    (n + 1).to_string(),
                    e.eligibility.label(lang).to_string(),
                    yen(entry.largest.map(|(grant, _)| grant)),
                    yen(entry.largest.map(|(_, cost)| cost)),
                    deadline_lines(e.window, lang),
                    format!(
                        "{} ({})\n{variant}{tier}{stacked}",
                        e.program.name.get(lang),
                        e.program.id
                    ),
                ],
                Emphasis::Strong,
            );
        }
        out.push('\n');
        out.push_str(&table.render(screen));
        let numbered: Vec<(usize, &Estimate<'_>)> = entries
            .iter()
            .enumerate()
            .map(|(n, entry)| (n + 1, &entry.estimate))
            .collect();
        out.push_str(&to_confirm_said_once(&numbered, lang, screen));
    }
    out.push_str(&besides_text(besides, lang, screen));
    let open: Vec<(Option<Yen>, &Estimate<'_>)> = entries
        .iter()
        .map(|entry| (entry.largest.map(|(grant, _)| grant), &entry.estimate))
        .collect();
    out.push('\n');
    out.push_str(&summary_text(
        &summary_line(&open, query, Rest::Elsewhere, lang),
        screen,
    ));
    out
}

/// `出典に申請期間の記載がない制度…: 名前（id）最大 10,000,000円` and
/// `ほかに出典が挙げる制度…: 名前、名前`, each a paragraph.
fn besides_text(besides: &Besides<'_, '_>, lang: Lang, screen: Screen) -> String {
    let mut out = String::new();
    if !besides.period_unknown.is_empty() {
        let entries: Vec<String> = besides
            .period_unknown
            .iter()
            .map(|entry| {
                let e = &entry.estimate;
                let grant = match entry.largest {
                    Some((grant, _)) => {
                        format!(" {} {}", t(lang, Key::UpTo), super::words::yen(lang, grant))
                    }
                    None if e.amount_not_stated() => {
                        format!(" {}", t(lang, Key::PlanAmountNotStated))
                    }
                    None => String::new(),
                };
                let eligibility = e.eligibility.label(lang);
                format!(
                    "{} ({}){grant} {eligibility}",
                    e.program.name.get(lang),
                    e.program.id
                )
            })
            .collect();
        let text = say(
            lang,
            Key::PlanPeriodUnknown,
            &[("entries", &entries.join(t(lang, Key::ListSeparator)))],
        );
        out.push('\n');
        out.push_str(&hanging("", &text, screen.width));
    }
    if !besides.discovery.is_empty() {
        let names: Vec<&str> = besides.discovery.iter().map(|d| d.name.get(lang)).collect();
        let text = say(
            lang,
            Key::PlanDiscovery,
            &[("names", &names.join(t(lang, Key::ListSeparator)))],
        );
        out.push('\n');
        out.push_str(&hanging("", &text, screen.width));
    }
    out
}

#[derive(Serialize)]
struct PlanOutput<'a> {
    as_of: NaiveDate,
    programs: Vec<PlanJson<'a>>,
    /// Results whose application period the sources do not give.
    period_unknown: Vec<PlanJson<'a>>,
    /// Programs the sources name without a rate table (no amount computed).
    discovery: Vec<DiscoveryRef<'a>>,
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
    entries: &[PlanEntry<'_>],
    besides: &Besides<'_, '_>,
    query: &Query,
    lang: Lang,
) -> String {
    to_json(&PlanOutput {
        as_of: query.as_of,
        programs: plan_entries_json(entries, lang),
        period_unknown: plan_entries_json(besides.period_unknown, lang),
        discovery: besides
            .discovery
            .iter()
            .map(|d| DiscoveryRef {
                id: &d.id,
                name: d.name.get(lang),
                status: "no-rate-table",
            })
            .collect(),
    })
}

fn plan_entries_json<'a>(entries: &'a [PlanEntry<'_>], lang: Lang) -> Vec<PlanJson<'a>> {
    entries
        .iter()
        .map(|entry| {
            let e = &entry.estimate;
            PlanJson {
                program: &e.program.id,
                variant: e.variant.map(|v| v.id.as_str()),
                name: e.program.name.get(lang),
                tier: e.tier.map(|t| t.label.get(lang)),
                tier_id: e.tier.map(|t| t.id.as_str()),
                eligibility: e.eligibility.id(),
                to_confirm: findings(&e.to_confirm, lang),
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
