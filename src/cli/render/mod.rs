//! Text for people (laid out for the screen by [`layout`]) and JSON for
//! scripts, one module per command.

mod calc;
pub mod layout;
mod list;
mod plan;
mod show;

pub use calc::{CalcView, calc_json, calc_table};
pub use list::{list_json, list_table};
pub use plan::{plan_json, plan_table};
pub use show::{Fit, show_json, show_text};

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::catalogue::{Cite, FacilityClass, Lang, Program};
use std::collections::BTreeSet;

use crate::estimate::{Eligibility, Estimate, Finding, Query};
use crate::money::{Yen, format_yen};
use crate::window::Window;

/// Picks the Japanese or English string.
fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
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
        Eligibility::Unknown => pick(lang, "要確認", "to confirm"),
        Eligibility::Ineligible => pick(lang, "対象外", "ineligible"),
    }
}

/// `基準日: 2026-11-21（令和8年11月21日）  施設: 病院・250床・健診実施  経費: 14,000,000円`,
/// for calc and plan.
fn header_line(query: &Query, lang: Lang, screen: layout::Screen) -> String {
    let mut text = format!(
        "{}  {}",
        layout::field(pick(lang, "基準日", "As of"), &date_text(query.as_of, lang)),
        layout::field(pick(lang, "施設", "Facility"), &facility_text(query, lang)),
    );
    if let Some(cost) = query.cost {
        let cost = layout::field(pick(lang, "経費", "Cost"), &format_yen(cost));
        let _ = write!(text, "  {cost}");
    }
    layout::hanging("", &text, screen.width)
}

fn facility_text(query: &Query, lang: Lang) -> String {
    let facility = query.facility;
    let mut text = match (lang, facility.class()) {
        (_, FacilityClass::Pharmacy) => facility.class().name(lang).to_string(),
        (Lang::Ja, _) => format!("{}・{}床", facility.class().name(lang), facility.beds()),
        (Lang::En, _) => format!("{}, {} beds", facility.class().name(lang), facility.beds()),
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
}

fn findings<'a>(list: &'a [Finding<'_>], lang: Lang) -> Vec<FindingJson<'a>> {
    list.iter()
        .map(|f| FindingJson {
            code: f.code,
            message: f.message(lang),
        })
        .collect()
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    seed: &'a str,
    url: &'a str,
    date: NaiveDate,
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

/// Days left while open; `None` otherwise.
fn days_left(window: Window) -> Option<i64> {
    match window {
        Window::Open { days_left, .. } => Some(days_left),
        _ => None,
    }
}

/// 受付中, 受付前, 締切済, 記載なし.
fn status_word(window: Window, lang: Lang) -> &'static str {
    match window {
        Window::Open { .. } => pick(lang, "受付中", "open"),
        Window::NotYetOpen { .. } => pick(lang, "受付前", "not yet open"),
        Window::Closed { .. } => pick(lang, "締切済", "closed"),
        Window::Unknown => pick(lang, "記載なし", "not stated"),
    }
}

/// The deadline over where the window stands: `2031-09-30` / `あと1773日`.
fn deadline_lines(window: Window, lang: Lang) -> String {
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| layout::EMPTY.to_string(), |d| d.to_string());
    match (window, lang) {
        (
            Window::Open {
                deadline,
                days_left,
            },
            Lang::Ja,
        ) => {
            format!(
                "{deadline}\n{}",
                layout::unbroken(&format!("あと{days_left}日"))
            )
        }
        (
            Window::Open {
                deadline,
                days_left,
            },
            Lang::En,
        ) => {
            format!("{deadline}\n{days_left}\u{a0}days\u{a0}left")
        }
        (Window::NotYetOpen { opens, deadline }, Lang::Ja) => {
            format!("{}\n{opens}から受付", date(deadline))
        }
        (Window::NotYetOpen { opens, deadline }, Lang::En) => {
            format!("{}\nopens {opens}", date(deadline))
        }
        (Window::Closed { deadline }, Lang::Ja) => format!("{deadline}\n締切済"),
        (Window::Closed { deadline }, Lang::En) => format!("{deadline}\nclosed"),
        (Window::Unknown, Lang::Ja) => "記載なし".to_string(),
        (Window::Unknown, Lang::En) => "not stated".to_string(),
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
        (pick(lang, "理由", "Why"), Vec::new()),
        (pick(lang, "要確認", "To confirm"), Vec::new()),
        (pick(lang, "注", "Notes"), Vec::new()),
        (pick(lang, "消費税", "Consumption tax"), Vec::new()),
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

/// The last line: how many programs can be applied for and the largest
/// grant with its deadline, or that nothing can be applied for.
pub(super) fn summary_line(
    open: &[(Option<Yen>, &Estimate<'_>)],
    query: &Query,
    total: usize,
    rest_shown: bool,
    lang: Lang,
) -> String {
    let on = date_text(query.as_of, lang);
    if open.is_empty() && rest_shown {
        return match lang {
            Lang::Ja => format!(
                "{on}時点で、この施設が申請できる制度はありません（理由は上の表）。--as-of 日付 で別の日の状況を表示します。"
            ),
            Lang::En => format!(
                "Nothing can be applied for on {on} by this facility (the table above says why). --as-of DATE judges another day."
            ),
        };
    }
    if open.is_empty() {
        return match lang {
            Lang::Ja => format!(
                "{on}時点で、この施設が申請できる制度はありません。--all で全{total}区分とその理由を、--as-of 日付 で別の日の状況を表示します。"
            ),
            Lang::En => format!(
                "Nothing can be applied for on {on} by this facility. --all shows all {total} tiers and why; --as-of DATE judges another day."
            ),
        };
    }
    let programs: BTreeSet<&str> = open.iter().map(|(_, e)| e.program.id.as_str()).collect();
    let count = match lang {
        Lang::Ja => format!(
            "申請できる制度: {}件（{}区分）。",
            programs.len(),
            open.len()
        ),
        Lang::En => format!(
            "Can be applied for: {} program(s), {} tier(s).",
            programs.len(),
            open.len()
        ),
    };
    let largest = open
        .iter()
        .filter_map(|(grant, e)| grant.map(|g| (g, *e)))
        .max_by(|(a, x), (b, y)| a.cmp(b).then(y.window.deadline().cmp(&x.window.deadline())));
    match largest {
        Some((grant, e)) => {
            let when = window_words(e.window, lang);
            match lang {
                Lang::Ja => format!(
                    "{count}最大は {}：{}（{}）、{when}。",
                    format_yen(grant),
                    e.program.name.ja,
                    e.program.id
                ),
                Lang::En => format!(
                    "{count} Largest: {} from {} ({}), {when}.",
                    format_yen(grant),
                    e.program.name.en,
                    e.program.id
                ),
            }
        }
        None => {
            let first = open
                .iter()
                .map(|(_, e)| e)
                .min_by_key(|e| e.window.deadline())
                .map(|e| (e, window_words(e.window, lang)));
            let (e, when) = first.expect("open is not empty");
            match lang {
                Lang::Ja => format!(
                    "{count}補助額は --cost を付けると計算します。期限が最も近いのは {}（{}）、{when}。",
                    e.program.name.ja, e.program.id
                ),
                Lang::En => format!(
                    "{count} Give --cost to compute the grants. The nearest deadline: {} ({}), {when}.",
                    e.program.name.en, e.program.id
                ),
            }
        }
    }
}

/// `申請期限 2031-09-30（令和13年9月30日）、あと1773日`.
fn window_words(window: Window, lang: Lang) -> String {
    match (window, lang) {
        (
            Window::Open {
                deadline,
                days_left,
            },
            Lang::Ja,
        ) => {
            format!(
                "申請期限 {}、{}",
                date_text(deadline, lang),
                layout::unbroken(&format!("あと{days_left}日"))
            )
        }
        (
            Window::Open {
                deadline,
                days_left,
            },
            Lang::En,
        ) => {
            format!("deadline {deadline}, {days_left}\u{a0}days\u{a0}left")
        }
        (Window::NotYetOpen { opens, deadline }, Lang::Ja) => format!(
            "{}から受付、申請期限 {}",
            date_text(opens, lang),
            deadline.map_or_else(|| "記載なし".to_string(), |d| date_text(d, lang))
        ),
        (Window::NotYetOpen { opens, deadline }, Lang::En) => format!(
            "opens {opens}, deadline {}",
            deadline.map_or_else(|| "not stated".to_string(), |d| d.to_string())
        ),
        (Window::Closed { deadline }, Lang::Ja) => format!("{}に締切済", date_text(deadline, lang)),
        (Window::Closed { deadline }, Lang::En) => format!("closed on {deadline}"),
        (Window::Unknown, Lang::Ja) => "申請期限の記載なし".to_string(),
        (Window::Unknown, Lang::En) => "no deadline stated".to_string(),
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
