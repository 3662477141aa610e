//! `subsidy plan`.

use chrono::NaiveDate;
use serde::Serialize;

use super::layout::{Column, EMPTY, Emphasis, Screen, Table};
use super::{
    FindingJson, Rest, days_left, deadline_lines, findings, header_line, summary_line,
    summary_text, t, to_confirm_said_once, to_json,
};
use crate::catalogue::Lang;
use crate::estimate::{Estimate, Query};
use crate::messages::Key;
use crate::money::{Yen, format_yen};
use crate::plan::PlanEntry;

pub fn plan_table(entries: &[PlanEntry<'_>], query: &Query, lang: Lang, screen: Screen) -> String {
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
            let yen = |y: Option<Yen>| y.map_or_else(|| EMPTY.to_string(), format_yen);
            table.row(
                vec![
                    (n + 1).to_string(),
                    crate::messages::eligibility(lang, e.eligibility).to_string(),
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

#[derive(Serialize)]
struct PlanOutput<'a> {
    as_of: NaiveDate,
    programs: Vec<PlanJson<'a>>,
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

pub fn plan_json(entries: &[PlanEntry<'_>], query: &Query, lang: Lang) -> String {
    let programs = entries
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
        .collect();
    to_json(&PlanOutput {
        as_of: query.as_of,
        programs,
    })
}
