//! `subsidy list`.

use chrono::NaiveDate;
use serde::Serialize;

use super::layout::{Column, Emphasis, Screen, Table, hanging};
use super::{date_text, days_left, deadline_lines, status_word, t, to_json};
use crate::catalogue::{Lang, Program};
use crate::messages::Key;
use crate::window;

pub fn list_table(programs: &[&Program], as_of: NaiveDate, lang: Lang, screen: Screen) -> String {
    let header = hanging(
        &format!("{}: ", t(lang, Key::AsOfLabel)),
        &date_text(as_of, lang),
        screen.width,
    );
    if programs.is_empty() {
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
    format!("{header}\n{}", table.render(screen))
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

pub fn list_json(programs: &[&Program], as_of: NaiveDate) -> String {
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
    to_json(&ListOutput { as_of, programs })
}
