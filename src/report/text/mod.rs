//! Text for people, laid out for the screen by [`layout`]: one module per
//! command (`calc`, `show`, `plan`, `list`), and the pieces they share (the
//! header line, notes said once, the summary at the end).

pub mod layout;

mod ask;
mod calc;
mod list;
mod plan;
mod show;

pub use ask::guided_text;
pub use calc::{calc_table, calc_text};
pub use list::list_table;
pub use plan::plan_table;
pub use show::{show_discovery_text, show_text};

use std::fmt::Write as _;

use crate::core::catalogue::{DataAge, Lang, Program};
use crate::core::estimate::{Estimate, Query};
use crate::core::recommend::Recommendation;
use crate::i18n::Key;
use crate::report::words::{
    data_age_line, date_text, facility_text, say, stale_line, t, unknowns_said, yen,
};

/// `基準日: 2026-11-21（令和8年11月21日）  施設: 病院・250床・健診実施  経費: 14,000,000円`,
/// for calc and plan.
pub(in crate::report) fn header_line(query: &Query, lang: Lang, screen: layout::Screen) -> String {
    let mut text = format!(
        "{}  {}",
        layout::field(t(lang, Key::AsOfLabel), &date_text(query.as_of, lang)),
        layout::field(t(lang, Key::FacilityLabel), &facility_text(query, lang)),
    );
    let coupons = !query.coupon_costs.is_empty();
    if let Some(cost) = query.cost {
        let mut cost = yen(lang, cost);
        if coupons {
            // The per-coupon programs are computed on the coupon prices, not on this.
            cost.push_str(t(lang, Key::CostNotForCoupons));
        }
        let _ = write!(text, "  {}", layout::field(t(lang, Key::CostLabel), &cost));
    }
    if coupons {
        let prices: Vec<String> = query.coupon_costs.iter().map(|&y| yen(lang, y)).collect();
        let prices = prices.join(t(lang, Key::ListSeparator));
        let _ = write!(
            text,
            "  {}",
            layout::field(t(lang, Key::CouponPricesLabel), &prices)
        );
    }
    layout::hanging("", &text, screen.width)
}

/// The rule data's version and age, and once it is stale, the line that
/// says so, ending with `ask` (where to look): each wrapped to the screen.
/// Nothing where the data has no dated version.
fn data_age_text(
    age: Option<&DataAge>,
    ask: impl FnOnce() -> String,
    lang: Lang,
    screen: layout::Screen,
) -> String {
    let Some(age) = age else {
        return String::new();
    };
    let mut out = layout::hanging("", &data_age_line(age, lang), screen.width);
    if let Some(stale) = stale_line(age, lang, &ask()) {
        out.push_str(&layout::hanging("", &stale, screen.width));
    }
    out
}

/// Each source of a program for people: `[003] 福岡県「…一覧」No.12`, and
/// `2025-10-02、信頼度 高`.
fn source_lines(program: &Program, lang: Lang) -> Vec<(String, String, String)> {
    program
        .cited_documents()
        .map(|(s, d)| {
            let title = s.heading(d);
            let note = say(
                lang,
                Key::SourceDateRank,
                &[("date", &d.date), ("rank", &d.rank.label(lang))],
            );
            (format!("[{}]", s.id), title, note)
        })
        .collect()
}

/// `[1,3-5]`: display numbers, runs joined.
fn row_list(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        parts.push(match j - i {
            0 => numbers[i].to_string(),
            1 => format!("{},{}", numbers[i], numbers[j]),
            _ => format!("{}-{}", numbers[i], numbers[j]),
        });
        i = j + 1;
    }
    format!("[{}]", parts.join(","))
}

/// 理由, 要確認, 注 and 消費税 under the table, each message said once with
/// the rows it applies to: `  [1,3-5] 既にオンライン資格確認…`.
fn notes_said_once(rows: &[(usize, &Estimate<'_>)], lang: Lang, screen: layout::Screen) -> String {
    said_once(rows, lang, screen, false)
}

/// 要確認 alone, said once with the rows it applies to (for `plan`).
fn to_confirm_said_once(
    rows: &[(usize, &Estimate<'_>)],
    lang: Lang,
    screen: layout::Screen,
) -> String {
    said_once(rows, lang, screen, true)
}

/// A message and the display numbers of the rows it applies to.
type SaidOnce = (String, Vec<usize>);

fn said_once(
    rows: &[(usize, &Estimate<'_>)],
    lang: Lang,
    screen: layout::Screen,
    to_confirm_only: bool,
) -> String {
    let mut groups: Vec<(&'static str, Vec<SaidOnce>)> = vec![
        (t(lang, Key::WhyLabel), Vec::new()),
        (t(lang, Key::ToConfirmHeading), Vec::new()),
        (t(lang, Key::NotesLabel), Vec::new()),
        (t(lang, Key::ConsumptionTax), Vec::new()),
    ];
    for &(number, e) in rows {
        let tax = e.program.tax.basis.label(lang).to_string();
        let lists: [Vec<String>; 4] = [
            e.reasons
                .iter()
                .map(|f| {
                    crate::report::hints::finding_message(f, lang, &screen.spelling).into_owned()
                })
                .collect(),
            e.to_confirm
                .iter()
                .map(|f| {
                    crate::report::hints::finding_message(f, lang, &screen.spelling).into_owned()
                })
                .collect(),
            e.notes
                .iter()
                .map(|f| {
                    crate::report::hints::finding_message(f, lang, &screen.spelling).into_owned()
                })
                .collect(),
            vec![tax],
        ];
        for (kind, ((_, group), messages)) in groups.iter_mut().zip(lists).enumerate() {
            if to_confirm_only && kind != 1 {
                continue;
            }
            for message in messages {
                match group.iter_mut().find(|(m, _)| *m == message) {
                    Some((_, numbers)) if numbers.last() != Some(&number) => numbers.push(number),
                    Some(_) => {}
                    None => group.push((message, vec![number])),
                }
            }
        }
    }
    let mut out = String::new();
    for (label, group) in groups {
        if group.is_empty() {
            continue;
        }
        // Messages every row shares need no row numbers.
        let everywhere = group.iter().all(|(_, numbers)| numbers.len() == rows.len());
        if let [(message, _)] = group.as_slice()
            && everywhere
        {
            out.push_str(&layout::hanging(
                &format!("{label}: "),
                message,
                screen.width,
            ));
            continue;
        }
        let _ = writeln!(out, "{label}:");
        for (message, numbers) in group {
            let first = if everywhere {
                "  ・".to_string()
            } else {
                format!("  {} ", row_list(&numbers))
            };
            out.push_str(&layout::hanging(&first, &message, screen.width));
        }
    }
    if !out.is_empty() {
        out.insert(0, '\n');
    }
    out
}

/// The summary as the last lines of output: wrapped, and bold on a terminal.
/// The facts the best combination assumes, largest worth first, each with
/// what the total loses without it: `  285,000円  令和７年…（--fact …）`.
/// Nothing where it assumes none.
fn unknowns_text(
    recommendation: &Recommendation<'_, '_>,
    lang: Lang,
    screen: layout::Screen,
) -> String {
    let said = unknowns_said(recommendation, lang);
    let widest = said.iter().map(|(worth, _)| layout::width(worth)).max();
    let Some(widest) = widest else {
        return String::new();
    };
    let mut out = layout::hanging("", t(lang, Key::RecommendUnknownsHeading), screen.width);
    for (worth, question) in said {
        let pad = " ".repeat(widest - layout::width(&worth));
        out.push_str(&layout::hanging(
            &format!("  {pad}{worth}  "),
            &question,
            screen.width,
        ));
    }
    if recommendation.unknowns.iter().any(|u| u.worth == 0) {
        out.push_str(&layout::hanging(
            "",
            t(lang, Key::RecommendWorthZero),
            screen.width,
        ));
    }
    out.push('\n');
    out
}

fn summary_text(summary: &str, screen: layout::Screen) -> String {
    let mut out = String::new();
    for line in layout::wrap(summary, screen.width) {
        out.push_str(&screen.strong(&line));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_lists_join_runs() {
        assert_eq!(row_list(&[1]), "[1]");
        assert_eq!(row_list(&[1, 2]), "[1,2]");
        assert_eq!(row_list(&[1, 3, 4, 5, 7]), "[1,3-5,7]");
    }
}
