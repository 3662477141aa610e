//! `subsidy list`.

use chrono::NaiveDate;
use comfy_table::Cell;
use serde::Serialize;

use super::{date_text, days_left, deadline_cell, new_table, pick, status_text, to_json};
use crate::catalogue::{Lang, Program};
use crate::window;

pub fn list_table(programs: &[&Program], as_of: NaiveDate, lang: Lang) -> String {
    let mut table = new_table(
        lang,
        &[
            ("ID", "ID"),
            ("制度", "Program"),
            ("実施主体", "Authority"),
            ("申請期限", "Deadline"),
            ("状況", "Status"),
        ],
    );
    for program in programs {
        let window = window::window(program, as_of);
        table.add_row(vec![
            Cell::new(&program.id),
            Cell::new(program.name.get(lang)),
            Cell::new(program.authority.get(lang)),
            deadline_cell(window, lang),
            Cell::new(status_text(window, lang)),
        ]);
    }
    let header = format!(
        "{}: {}",
        pick(lang, "基準日", "As of"),
        date_text(as_of, lang)
    );
    if programs.is_empty() {
        let none = pick(
            lang,
            "受付中・受付予定の制度はありません。",
            "No program can still be applied for.",
        );
        return format!("{header}\n{none}\n");
    }
    format!("{header}\n{table}\n")
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
    let programs = programs
        .iter()
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
