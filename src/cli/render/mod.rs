//! Tables for people (comfy-table) and JSON for scripts, one module per command.

mod calc;
mod list;
mod plan;
mod show;

pub use calc::{calc_json, calc_table};
pub use list::{list_json, list_table};
pub use plan::{plan_json, plan_table};
pub use show::{show_json, show_text};

use chrono::{Datelike, NaiveDate};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::catalogue::{Cite, Lang, Program};
use crate::estimate::{Eligibility, Finding, Query};
use crate::money::{Yen, format_yen};
use crate::window::Window;

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

/// `基準日: 2026-11-21（令和8年11月21日）  施設: 病院・250床・健診実施`, for calc and plan.
fn header_line(query: &Query, lang: Lang) -> String {
    format!(
        "{}: {}  {}: {}\n",
        pick(lang, "基準日", "As of"),
        date_text(query.as_of, lang),
        pick(lang, "施設", "Facility"),
        facility_text(query, lang)
    )
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

fn to_json(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail; an empty object is the fallback.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

/// `001 (001_….txt): where`.
fn cite_text(program: &Program, cite: &Cite) -> String {
    let seed = program
        .source(&cite.source)
        .map_or("?", |s| s.seed.as_str());
    format!("{} ({seed}): {}", cite.source, cite.at)
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

fn deadline_cell(window: Window, lang: Lang) -> Cell {
    Cell::new(window.deadline().map_or_else(
        || "—".to_string(),
        |d| date_text(d, lang).replace('（', "\n（"),
    ))
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
