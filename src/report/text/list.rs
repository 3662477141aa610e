//! `subsidy list`.

use chrono::NaiveDate;

use super::layout::{Column, Emphasis, Screen, Table, hanging};
use crate::core::catalogue::{DataAge, Discovery, Lang, Program};
use crate::core::window;
use crate::i18n::Key;
use crate::report::model::in_list_order;
use crate::report::words::{ask_each_contact, date_text, deadline_lines, status_word, t};

/// Every program, open ones first; then the programs named without a rate
/// table (`discovery`), marked 料率表なし, with what the sources say of them;
/// last, the rule data's `age`.
pub fn list_table(
    programs: &[&Program],
    discovery: &[Discovery],
    as_of: NaiveDate,
    age: Option<&DataAge>,
    lang: Lang,
    screen: Screen,
) -> String {
    let age = super::data_age_text(
        age,
        || ask_each_contact(&screen.spelling, lang),
        lang,
        screen,
    );
    let header = hanging(
        &format!("{}: ", t(lang, Key::AsOfLabel)),
        &date_text(as_of, lang),
        screen.width,
    );
    if programs.is_empty() && discovery.is_empty() {
        let none = t(lang, Key::NoProgramCanStillBe);
        return format!("{header}\n{none}\n{}", with_blank_line(&age));
    }
    // A column naming each program's extension, where any comes from one.
    let extended = programs.iter().any(|p| p.extension.is_some());
    let mut columns = vec![
        Column::left(t(lang, Key::Status)),
        Column::left(t(lang, Key::Deadline)),
    ];
    if extended {
        columns.push(Column::left(t(lang, Key::ExtensionColumn)));
    }
    columns.push(Column::left(t(lang, Key::ProgramIDAuthority)));
    let mut table = Table::new(columns);
    let cells = |first: [String; 2], extension: Option<&str>, program: String| {
        let extension = extended.then(|| extension.unwrap_or_default().to_string());
        first
            .into_iter()
            .chain(extension)
            .chain([program])
            .collect()
    };
    for program in in_list_order(programs, as_of) {
        let window = window::window(program, as_of);
        table.row(
            cells(
                [
                    status_word(window, lang).to_string(),
                    deadline_lines(window, lang),
                ],
                program.extension.as_deref(),
                format!(
                    "{} ({})\n{}",
                    program.name.get(lang),
                    program.id,
                    program.authority.get(lang)
                ),
            ),
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
            cells(
                [
                    t(lang, Key::NoRateTable).to_string(),
                    t(lang, Key::NotStated).to_string(),
                ],
                None,
                format!(
                    "{} ({})\n{}{figures} [{}]",
                    entry.name.get(lang),
                    entry.id,
                    entry.authority.get(lang),
                    entry.cite.source
                ),
            ),
            Emphasis::None,
        );
    }
    let mut out = format!("{header}\n{}", table.render(screen));
    if !discovery.is_empty() {
        out.push('\n');
        out.push_str(&hanging("", t(lang, Key::DiscoveryHeading), screen.width));
    }
    out.push_str(&with_blank_line(&age));
    out
}

/// `text` after a blank line, or nothing where it is empty.
fn with_blank_line(text: &str) -> String {
    match text.is_empty() {
        true => String::new(),
        false => format!("\n{text}"),
    }
}
