//! `subsidy list`.

use chrono::NaiveDate;
use serde::Serialize;

use super::layout::{Column, Emphasis, Screen, Table, hanging};
use super::words::{date_text, deadline_lines, status_word, t};
use super::{days_left, to_json};
use crate::core::catalogue::{Discovery, Lang, Program};
use crate::core::window;
use crate::i18n::Key;

/// Every program, open ones first; then the programs named without a rate
/// table (`discovery`), marked 料率表なし, with what the sources say of them.
pub fn list_table(
    programs: &[&Program],
    discovery: &[Discovery],
    as_of: NaiveDate,
    lang: Lang,
    screen: Screen,
) -> String {
    let header = hanging(
        &format!("{}: ", t(lang, Key::AsOfLabel)),
        &date_text(as_of, lang),
        screen.width,
    );
    if programs.is_empty() && discovery.is_empty() {
        let none = t(lang, Key::NoProgramCanStillBe);
        return format!("{header}\n{none}\n");
    }
    let mut table = Table::new(vec![
        Column::left(t(lang, Key::Status)),
        Column::left(t(lang, Key::Deadline)),
        Column::left(t(lang, Key::ProgramIDAuthority)),
    ]);
    for program in in_list_order(programs, as_of) {
        let window = window::window(program, as_of);
        table.row(
            vec![
                status_word(window, lang).to_string(),
                deadline_lines(window, lang),
                format!(
                    "{} ({})\n{}",
                    program.name.get(lang),
                    program.id,
                    program.authority.get(lang)
                ),
            ],
            if window.can_still_apply() {
                Emphasis::Strong
            } else {
                Emphasis::None
            },
        );
    }
    for entry in discovery {
        let figures = entry
            .figures
            .as_ref()
            .map(|f| format!("\n{}", f.get(lang)))
            .unwrap_or_default();
        table.row(
            vec![
                t(lang, Key::NoRateTable).to_string(),
                t(lang, Key::NotStated).to_string(),
                format!(
                    "{} ({})\n{}{figures} [{}]",
                    entry.name.get(lang),
                    entry.id,
                    entry.authority.get(lang),
                    entry.cite.source
                ),
            ],
            Emphasis::None,
        );
    }
    let mut out = format!("{header}\n{}", table.render(screen));
    if !discovery.is_empty() {
        out.push('\n');
        out.push_str(&hanging("", t(lang, Key::DiscoveryHeading), screen.width));
    }
    out
}

/// Open programs first, then not yet open, then closed; by deadline within each.
fn in_list_order<'a>(programs: &[&'a Program], as_of: NaiveDate) -> Vec<&'a Program> {
    let mut sorted = programs.to_vec();
    sorted.sort_by_cached_key(|p| {
        let window = window::window(p, as_of);
        (window.rank(), window.deadline(), p.id.clone())
    });
    sorted
}

#[derive(Serialize)]
struct ListOutput<'a> {
    as_of: NaiveDate,
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
    source: SourceJson<'a>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    document: Option<&'a str>,
    at: &'a str,
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

pub fn list_json(programs: &[&Program], discovery: &[Discovery], as_of: NaiveDate) -> String {
    let programs = in_list_order(programs, as_of)
        .into_iter()
        .map(|p| {
            let window = window::window(p, as_of);
            ListJson {
                id: &p.id,
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
            source: SourceJson {
                id: &d.cite.source,
                document: d.document.as_ref().map(|doc| doc.file.as_str()),
                at: &d.cite.at,
            },
        })
        .collect();
    to_json(&ListOutput {
        as_of,
        programs,
        discovery,
    })
}
