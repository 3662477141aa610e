//! `subsidy plan`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use comfy_table::Cell;
use serde::Serialize;

use super::{
    FindingJson, days_left, deadline_cell, eligibility_text, findings, header_line, money_cell,
    new_table, pick, status_text, to_json,
};
use crate::catalogue::Lang;
use crate::estimate::Query;
use crate::money::Yen;
use crate::plan::PlanEntry;

pub fn plan_table(entries: &[PlanEntry<'_>], query: &Query, lang: Lang) -> String {
    let mut out = header_line(query, lang);
    if entries.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            pick(
                lang,
                "申請できる制度はありません。",
                "No program can still be applied for."
            )
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
            ("最大補助額", "Largest grant"),
            ("必要な経費", "Cost to reach it"),
            ("申請期限", "Deadline"),
            ("状況", "Status"),
        ],
    );
    for (n, entry) in entries.iter().enumerate() {
        let e = &entry.estimate;
        let stacked = entry
            .stacks_on
            .map(|id| format!("\n{} {id}", pick(lang, "↳ 上乗せ先:", "↳ tops up")))
            .unwrap_or_default();
        let tier = e.tier.map_or("—", |t| t.label.get(lang));
        let variant = e
            .variant
            .map(|v| format!("{} ({})\n", v.name.get(lang), v.id))
            .unwrap_or_default();
        table.add_row(vec![
            Cell::new(n + 1),
            Cell::new(format!(
                "{}\n{}{stacked}",
                e.program.name.get(lang),
                e.program.id
            )),
            Cell::new(format!("{variant}{tier}")),
            Cell::new(eligibility_text(e.eligibility, lang)),
            money_cell(entry.largest.map(|(grant, _)| grant)),
            money_cell(entry.largest.map(|(_, cost)| cost)),
            deadline_cell(e.window, lang),
            Cell::new(status_text(e.window, lang)),
        ]);
    }
    let _ = writeln!(out, "{table}");
    for (n, entry) in entries.iter().enumerate() {
        let confirm = &entry.estimate.to_confirm;
        if !confirm.is_empty() {
            let _ = writeln!(out, "[{}] {}:", n + 1, pick(lang, "要確認", "To confirm"));
            for finding in confirm {
                let _ = writeln!(out, "    {}", finding.message(lang));
            }
        }
    }
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
