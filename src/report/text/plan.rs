//! `subsidy plan`.

use super::layout::{Column, EMPTY, Emphasis, Screen, Table, hanging};
use super::{data_age_text, header_line, summary_text, to_confirm_said_once, unknowns_text};
use crate::core::catalogue::{DataAge, Lang};
use crate::core::estimate::{Estimate, Query};
use crate::core::money::Yen;
use crate::core::plan::PlanEntry;
use crate::i18n::Key;
use crate::report::model::{Besides, Rest, Summary};
use crate::report::words::{
    Recommended, ask_each_contact, deadline_lines, program_heading, program_inline, say,
    summary_line, t, yen,
};

/// What the facility can still apply for, with the largest grant and the
/// cost that reaches it; what the sources leave without a period or a
/// rate table; one summary line; and under it, the rule data's `age`.
pub fn plan_table(
    entries: &[PlanEntry<'_>],
    besides: &Besides<'_, '_>,
    query: &Query,
    age: Option<&DataAge>,
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
            let yen = |y: Option<Yen>| y.map_or_else(|| EMPTY.to_string(), |y| yen(lang, y));
            table.row(
                vec![
                    (n + 1).to_string(),
                    e.eligibility.label(lang).to_string(),
                    yen(entry.largest.map(|(grant, _)| grant)),
                    yen(entry.largest.map(|(_, cost)| cost)),
                    deadline_lines(e.window, lang),
                    format!(
                        "{}\n{variant}{tier}{stacked}",
                        program_heading(e.program, lang)
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
    out.push_str(&unknowns_text(besides.recommendation, lang, screen));
    let number = |e: &Estimate<'_>| {
        entries
            .iter()
            .position(|entry| std::ptr::addr_eq(&entry.estimate, e))
            .map(|n| n + 1)
    };
    let recommended = Recommended {
        recommendation: besides.recommendation,
        number: &number,
        plan: true,
    };
    out.push_str(&summary_text(
        &summary_line(
            &Summary::new(&open, Rest::Elsewhere),
            Some(&recommended),
            query,
            lang,
            &screen.spelling,
        ),
        screen,
    ));
    out.push_str(&data_age_text(
        age,
        || ask_each_contact(&screen.spelling, lang),
        lang,
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
                        format!(" {} {}", t(lang, Key::UpTo), yen(lang, grant))
                    }
                    None if e.amount_not_stated() => {
                        format!(" {}", t(lang, Key::PlanAmountNotStated))
                    }
                    None => String::new(),
                };
                let eligibility = e.eligibility.label(lang);
                format!("{}{grant} {eligibility}", program_inline(e.program, lang))
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
