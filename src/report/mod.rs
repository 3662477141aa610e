//! Text for people (laid out for the screen by [`layout`]) and JSON for
//! scripts, one module per command; and the plan's deadlines as a calendar
//! ([`plan_ics`]).

mod calc;
pub mod chart;
pub mod html;
mod ics;
pub mod layout;
mod list;
mod plan;
mod show;

pub use calc::{CalcView, calc_json, calc_table};
pub use ics::plan_ics;
pub use list::{list_json, list_table};
pub use plan::{Besides, plan_json, plan_table};
pub use show::{Fit, show_discovery_json, show_discovery_text, show_json, show_text};

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::core::catalogue::{Cite, FacilityClass, Lang, Program, Rank};
use std::collections::BTreeSet;

use crate::core::estimate::{Estimate, Finding, Headline, Query};
use crate::core::money::{Yen, group_thousands};
use crate::core::window::Window;
use crate::i18n::{self, Key};

/// A word or sentence of the screen from the message table of `lang`.
fn t(lang: Lang, key: Key) -> &'static str {
    i18n::template(lang, key)
}

/// A sentence of the screen with its values filled in.
fn say(lang: Lang, key: Key, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    i18n::text(lang, key, values)
}

/// An amount of yen in `lang`: `6,579,000円`, `6,579,000 yen`.
pub(crate) fn yen(lang: Lang, amount: Yen) -> String {
    say(
        lang,
        Key::YenAmount,
        &[("amount", &group_thousands(u128::from(amount)))],
    )
}

/// `1773日`, `1 day`, `1773 days`.
fn days(n: i64, lang: Lang) -> String {
    i18n::counted(lang, Key::CountDaysOne, Key::CountDaysOther, n)
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
        (Lang::Ja, Some(era)) => format!("{date}（{}）", layout::unbroken(&era)),
        _ => date.to_string(),
    }
}

fn status_text(window: Window, lang: Lang) -> String {
    match window {
        Window::Open { days_left: 0, .. } => {
            format!(
                "{}（{}）",
                t(lang, Key::Open),
                layout::unbroken(t(lang, Key::ClosesToday))
            )
        }
        Window::Open { days_left, .. } => say(
            lang,
            Key::StatusOpenDays,
            &[("days", &days(days_left, lang))],
        ),
        Window::NotYetOpen { opens, .. } => {
            say(lang, Key::StatusNotYetOpenFrom, &[("opens", &opens)])
        }
        Window::OpeningNotStated { days_left, .. } => say(
            lang,
            Key::StatusOpeningNotStated,
            &[("days", &days(days_left, lang))],
        ),
        Window::Closed { .. } => t(lang, Key::Closed).to_string(),
        Window::Unknown => t(lang, Key::NoDeadlineStated).to_string(),
    }
}

/// `基準日: 2026-11-21（令和8年11月21日）  施設: 病院・250床・健診実施  経費: 14,000,000円`,
/// for calc and plan.
fn header_line(query: &Query, lang: Lang, screen: layout::Screen) -> String {
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

fn facility_text(query: &Query, lang: Lang) -> String {
    let facility = query.facility;
    let class = facility.class().name(lang);
    let mut text = match facility.class() {
        FacilityClass::Pharmacy => class.to_string(),
        _ => say(
            lang,
            Key::FacilityWithBeds,
            &[("class", &class), ("beds", &facility.beds())],
        ),
    };
    if let Some(kenshin) = query.kenshin {
        text.push_str(t(
            lang,
            if kenshin {
                Key::WithCheckups
            } else {
                Key::WithoutCheckups
            },
        ));
    }
    // What decides the size test (デジタル化・AI), as given.
    if let Some(entity) = query.entity {
        text.push_str(&say(
            lang,
            Key::WithEntity,
            &[("entity", &entity.name(lang))],
        ));
        if let Some(capital) = entity.capital() {
            let capital = group_thousands(u128::from(capital));
            text.push_str(&say(lang, Key::WithCapital, &[("capital", &capital)]));
        }
    }
    if let Some(employees) = query.employees {
        text.push_str(&say(lang, Key::WithEmployees, &[("employees", &employees)]));
    }
    if query
        .flags
        .contains(&crate::core::catalogue::RateFlag::LargeCompany)
    {
        text.push_str(t(lang, Key::WithLargeCompany));
    }
    text
}

/// `規模: 薬局・会社・資本金100,000,000円・従業員80人 → 大企業等（中小企業等は
/// 資本金50,000,000円以下または従業員50人以下）`: how the program's size test
/// (004's table) came out for this facility, and the row it used; `None`
/// where the result does not turn on it (no tier, or neither a size
/// condition nor a 大企業等 rate).
fn size_line<'c>(
    e: &Estimate<'c>,
    query: &Query,
    lang: Lang,
) -> Option<(String, Option<&'c Cite>)> {
    let program = e.program;
    let tier = e.tier?;
    let asked = crate::core::estimate::rate_by_size(tier)
        || e.conditions
            .iter()
            .any(|o| o.condition.decided_by == crate::core::catalogue::DecidedBy::EntitySize);
    if !asked || program.sme_limits.is_empty() {
        return None;
    }
    let class = query.facility.class();
    let row = program.sme_row(class);
    let outcome = match crate::core::estimate::is_sme(program, query) {
        Some(true) => t(lang, Key::SizeSme).to_string(),
        Some(false) => t(lang, Key::SizeLarge).to_string(),
        None => say(
            lang,
            Key::SizeUnknown,
            &[("how", &crate::core::estimate::size_flags(program, class))],
        ),
    };
    let rule = query
        .entity
        .map(|entity| match row.and_then(|r| r.for_entity(entity)) {
            Some(limit) => size_rule(limit, lang),
            None => t(lang, Key::SizeRuleNone).to_string(),
        });
    let facility = facility_text(query, lang);
    let text = match rule {
        Some(rule) => say(
            lang,
            Key::SizeLineWithRule,
            &[
                ("facility", &facility),
                ("outcome", &outcome),
                ("rule", &rule),
            ],
        ),
        None => say(
            lang,
            Key::SizeLine,
            &[("facility", &facility), ("outcome", &outcome)],
        ),
    };
    Some((text, row.map(|r| &r.cite)))
}

/// `中小企業等は資本金50,000,000円以下または従業員50人以下`: one legal form's limits.
fn size_rule(limit: &crate::core::catalogue::SizeLimit, lang: Lang) -> String {
    let grouped = |y: Yen| group_thousands(u128::from(y));
    match (limit.capital_max, limit.employees_max) {
        (Some(capital), Some(employees)) => say(
            lang,
            Key::SizeRuleCapitalOrEmployees,
            &[("capital", &grouped(capital)), ("employees", &employees)],
        ),
        (Some(capital), None) => say(
            lang,
            Key::SizeRuleCapital,
            &[("capital", &grouped(capital))],
        ),
        (None, Some(employees)) => say(lang, Key::SizeRuleEmployees, &[("employees", &employees)]),
        (None, None) => t(lang, Key::SizeRuleNone).to_string(),
    }
}

fn to_json(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail; an empty object is the fallback.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

/// `[001] 補助金申請期間「…」`: the source's id, which the 出典 list names
/// by title and date, and the passage.
fn cite_text(_program: &Program, cite: &Cite) -> String {
    format!("[{}] {}", cite.source, cite.at)
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

fn findings<'a>(list: &'a [Finding<'_>], lang: Lang) -> Vec<FindingJson<'a>> {
    list.iter()
        .map(|f| FindingJson {
            code: f.code,
            message: f.message(lang),
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

/// Days left while open; `None` otherwise.
fn days_left(window: Window) -> Option<i64> {
    match window {
        Window::Open { days_left, .. } | Window::OpeningNotStated { days_left, .. } => {
            Some(days_left)
        }
        _ => None,
    }
}

/// 受付中, 受付前, 締切済, 記載なし.
fn status_word(window: Window, lang: Lang) -> &'static str {
    match window {
        Window::Open { .. } => t(lang, Key::Open),
        Window::NotYetOpen { .. } => t(lang, Key::NotYetOpen),
        Window::OpeningNotStated { .. } => t(lang, Key::BatchOpeningNotStated),
        Window::Closed { .. } => t(lang, Key::Closed),
        Window::Unknown => t(lang, Key::NotStated),
    }
}

/// `あと1773日`, kept on one line.
fn days_left_text(days: i64, lang: Lang) -> String {
    if days == 0 {
        // The deadline is the as-of day itself: still open, closing today.
        return layout::unbroken(t(lang, Key::ClosesToday));
    }
    layout::unbroken(&say(
        lang,
        Key::DaysLeft,
        &[("days", &self::days(days, lang))],
    ))
}

/// The deadline over where the window stands: `2031-09-30` / `あと1773日`.
fn deadline_lines(window: Window, lang: Lang) -> String {
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| layout::EMPTY.to_string(), |d| d.to_string());
    match window {
        Window::Open {
            deadline,
            days_left,
        } => format!("{deadline}\n{}", days_left_text(days_left, lang)),
        Window::OpeningNotStated {
            deadline,
            days_left,
        } => format!(
            "{deadline}\n{}\n{}",
            days_left_text(days_left, lang),
            t(lang, Key::BatchOpeningNotStated)
        ),
        Window::NotYetOpen { opens, deadline } => format!(
            "{}\n{}",
            date(deadline),
            say(lang, Key::OpensOn, &[("opens", &opens)])
        ),
        Window::Closed { deadline } => format!("{deadline}\n{}", t(lang, Key::Closed)),
        Window::Unknown => t(lang, Key::NotStated).to_string(),
    }
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
                .map(|f| f.message(lang).into_owned())
                .collect(),
            e.to_confirm
                .iter()
                .map(|f| f.message(lang).into_owned())
                .collect(),
            e.notes
                .iter()
                .map(|f| f.message(lang).into_owned())
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

/// What became of the results that cannot be applied for, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rest {
    /// Left out of `calc`'s view: this many tiers in all, `--all` shows them.
    Hidden(usize),
    /// Shown above (`--all`, `--program`).
    Shown,
    /// Not this command's to show (`plan`): `calc --all` shows them.
    Elsewhere,
}

/// The last line: how many programs can be applied for and the largest
/// grant with its deadline, or that nothing can be applied for.
pub(super) fn summary_line(
    open: &[(Option<Yen>, &Estimate<'_>)],
    query: &Query,
    rest: Rest,
    lang: Lang,
) -> String {
    let on = date_text(query.as_of, lang);
    let Some(headline) = crate::core::estimate::headline(open) else {
        let (key, total) = match rest {
            Rest::Hidden(total) => (Key::NothingApplies, total),
            Rest::Shown => (Key::NothingAppliesSeeAbove, 0),
            Rest::Elsewhere => (Key::NothingAppliesPlan, 0),
        };
        return say(lang, key, &[("on", &on), ("total", &total)]);
    };
    let programs: BTreeSet<&str> = open.iter().map(|(_, e)| e.program.id.as_str()).collect();
    let count = say(
        lang,
        Key::CanApplyCount,
        &[
            (
                "programs",
                &i18n::counted(
                    lang,
                    Key::CanApplyProgramsOne,
                    Key::CanApplyProgramsOther,
                    programs.len(),
                ),
            ),
            (
                "tiers",
                &i18n::counted(lang, Key::CountTiersOne, Key::CountTiersOther, open.len()),
            ),
        ],
    );
    let (key, grant, e) = match headline {
        Headline::Largest(grant, e) => (Key::SummaryLargest, Some(grant), e),
        Headline::Nearest(e) => (Key::NearestDeadline, None, e),
    };
    let grant = grant.map(|g| yen(lang, g)).unwrap_or_default();
    say(
        lang,
        key,
        &[
            ("count", &count),
            ("grant", &grant),
            ("name", &e.program.name.get(lang)),
            ("id", &e.program.id),
            ("when", &window_words(e.window, lang)),
        ],
    )
}

/// `申請期限 2031-09-30（令和13年9月30日）、あと1773日`.
fn window_words(window: Window, lang: Lang) -> String {
    match window {
        Window::Open {
            deadline,
            days_left,
        } => say(
            lang,
            Key::WhenOpen,
            &[
                ("deadline", &date_text(deadline, lang)),
                ("days_left", &days_left_text(days_left, lang)),
            ],
        ),
        Window::OpeningNotStated {
            deadline,
            days_left,
        } => say(
            lang,
            Key::WhenOpeningNotStated,
            &[
                ("deadline", &date_text(deadline, lang)),
                ("days_left", &days_left_text(days_left, lang)),
            ],
        ),
        Window::NotYetOpen { opens, deadline } => say(
            lang,
            Key::WhenNotYetOpen,
            &[
                ("opens", &date_text(opens, lang)),
                (
                    "deadline",
                    &deadline.map_or_else(
                        || t(lang, Key::NotStated).to_string(),
                        |d| date_text(d, lang),
                    ),
                ),
            ],
        ),
        Window::Closed { deadline } => say(
            lang,
            Key::WhenClosed,
            &[("deadline", &date_text(deadline, lang))],
        ),
        Window::Unknown => t(lang, Key::NoDeadlineStated).to_string(),
    }
}

/// The summary as the last lines of output: wrapped, and bold on a terminal.
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
