//! `subsidy diff --clients`: a client list read as `subsidy batch` reads
//! it (the same encodings, formats, header and row parsing), each client
//! estimated under two catalogues, and only the clients a change touches
//! kept ([`diff_clients`]); and the workbook for a client meeting
//! ([`write_clients_xlsx`]): one row per client and program changed, the
//! client's columns first, printed on A4 landscape.

use std::io::{Read, Seek, Write};

use chrono::NaiveDate;
use rust_xlsxwriter::{Format as CellFormat, FormatAlign, FormatBorder, Workbook};

use super::pipeline::each_row;
use super::worker::request_of;
use super::write::ClientLabel;
use super::{BatchError, Options};
use crate::Lang;
use crate::core::diff::clients::facility_diff;
use crate::core::estimate::{Estimate, Query};
use crate::core::recommend::{Detail, Measure, recommend_with};
use crate::i18n::{self, Key};
use crate::input::fields::RowError;
use crate::input::request::{Checker, Field, Request};
use crate::report::diff::{ClientChange, ClientsSummary, ProgramChange};

/// What a list's run gives: the names of its client columns, the clients
/// a change touches (in the list's order) and the counts.
#[derive(Debug, Clone, Default)]
pub struct ClientsDiff {
    /// The columns that name a client (`facility_id`, 施設名 …), as written.
    pub columns: Vec<String>,
    pub changes: Vec<ClientChange>,
    pub summary: ClientsSummary,
}

/// Each client of `input` (CSV, JSONL or a sheet as CSV text, read as a
/// batch reads it) estimated under `old` and `new` on `options.as_of`;
/// only those a change touches are kept, said in `options.lang`. A row
/// that cannot be read or is refused is counted with its error, as a
/// batch's error row says it; refused by one catalogue only, the error
/// says which (OLD or NEW, as `names` gives them: `builtin`, `data` …).
pub fn diff_clients<R: Read + Send>(
    input: R,
    options: &Options,
    (old, new): (&Checker<'_>, &Checker<'_>),
    names: (&str, &str),
) -> Result<ClientsDiff, BatchError> {
    let lang = options.lang;
    let mut out = ClientsDiff::default();
    let mut label: Option<ClientLabel> = None;
    let mut request = Request::default();
    // The header's meanings do not depend on a catalogue: `new` only lays
    // out a batch's result columns, which are not written here. Each
    // catalogue judges the row's values on its own, below.
    each_row(input, options, new.catalogue(), |layout, row| {
        let client = label.get_or_insert_with(|| {
            let client = ClientLabel::new(layout);
            out.columns = client.columns().iter().map(|c| c.to_string()).collect();
            client
        });
        let refused = |error: String| match row.problem {
            Some(_) => error,
            None => i18n::text(
                lang,
                Key::RowError,
                &[("line", &row.line), ("error", &error)],
            ),
        };
        if let Some(problem) = row.problem {
            out.summary.read += 1;
            out.summary
                .failed
                .push((row.line, refused(problem.to_string())));
            return Ok(());
        }
        if let Err(e) = request_of(row, layout, &mut request) {
            out.summary.read += 1;
            out.summary
                .failed
                .push((row.line, refused(e.message(lang))));
            return Ok(());
        }
        let (before, after) = match (
            estimated(old, new, &request, options.as_of, lang),
            estimated(new, old, &request, options.as_of, lang),
        ) {
            (Ok(before), Ok(after)) => (before, after),
            (before, after) => {
                out.summary.read += 1;
                let error = refused_by(before.err(), after.err(), names, lang);
                out.summary.failed.push((row.line, refused(error)));
                return Ok(());
            }
        };
        let change = compare(&before, &after, |diff| {
            ClientChange::of(
                row.line,
                client.of(row, lang),
                client.cells(row),
                diff,
                lang,
            )
        });
        out.summary.count(change.as_ref());
        out.changes.extend(change);
        Ok(())
    })?;
    Ok(out)
}

/// Why a row is refused, from the errors under the old and the new
/// catalogue (at least one): the error alone where both refuse it alike;
/// else each with the catalogue that refused it, OLD or NEW and its name.
fn refused_by(
    old: Option<String>,
    new: Option<String>,
    (old_name, new_name): (&str, &str),
    lang: Lang,
) -> String {
    let under = |key, which: &str, name: &str, error: &str| {
        i18n::text(
            lang,
            key,
            &[("which", &which), ("name", &name), ("error", &error)],
        )
    };
    match (old, new) {
        (Some(a), Some(b)) if a == b => b,
        (Some(a), Some(b)) => format!(
            "{}; {}",
            under(Key::DiffRefusedUnder, "OLD", old_name, &a),
            under(Key::DiffRefusedUnder, "NEW", new_name, &b)
        ),
        (Some(a), None) => under(Key::DiffRefusedOnlyBy, "OLD", old_name, &a),
        (None, Some(b)) => under(Key::DiffRefusedOnlyBy, "NEW", new_name, &b),
        (None, None) => String::new(),
    }
}

/// The row's results under `checker`'s catalogue, or the reason it is
/// refused, worded. A program the row names that this catalogue lacks and
/// `other` has gives no results here (newly eligible, or no longer), not
/// an error.
fn estimated<'c>(
    checker: &Checker<'c>,
    other: &Checker<'_>,
    request: &Request,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(Vec<Estimate<'c>>, Query), String> {
    let worded = |e| RowError::Input(e).message(lang);
    match checker.estimates_and_query(request, as_of, false) {
        Err(e)
            if e.field == Field::Program
                && other.estimates_and_query(request, as_of, false).is_ok() =>
        {
            let query = other.profile(request, as_of).map_err(worded)?;
            Ok((Vec::new(), query))
        }
        estimated => estimated.map_err(worded),
    }
}

/// A client's results under both catalogues compared; `said` words the
/// change, if there is one.
fn compare<'a, 'o, 'n>(
    (old, old_query): &'a (Vec<Estimate<'o>>, Query),
    (new, new_query): &'a (Vec<Estimate<'n>>, Query),
    said: impl FnOnce(&crate::core::diff::clients::FacilityDiff<'a, 'o, 'n>) -> ClientChange,
) -> Option<ClientChange> {
    // The best combination as a batch row has it: the picks and their total.
    let old_best = recommend_with(old, old_query, Measure::OnCost, Detail::Picks);
    let new_best = recommend_with(new, new_query, Measure::OnCost, Detail::Picks);
    let diff = facility_diff(old, &old_best, new, &new_best);
    (!diff.is_empty()).then(|| said(&diff))
}

/// The workbook's columns after the client's own, each with its header
/// key and width in characters (a full-width character is two).
const COLUMNS: [(Key, usize); 9] = [
    (Key::DiffColProgram, 28),
    (Key::DiffColWhat, 44),
    (Key::DiffColOldTotal, 13),
    (Key::DiffColNewTotal, 13),
    (Key::DiffColOldGrant, 13),
    (Key::DiffColNewGrant, 13),
    (Key::DiffColOldDeadline, 11),
    (Key::DiffColNewDeadline, 11),
    (Key::DiffColRow, 5),
];

/// A printed line's height in points, and the most lines a row is given.
const LINE_POINTS: f64 = 15.0;
const MOST_LINES: usize = 12;

/// The lines `text` takes in a column `chars` wide, wrapped.
fn lines_in(text: &str, chars: usize) -> usize {
    crate::report::layout::wrap(text, chars.saturating_sub(3).max(4))
        .len()
        .max(1)
}

/// The clients a change touches as a workbook for a client meeting, into
/// `out` (which the caller puts in place of the old file only once this
/// returns): a title line (`title`) and the summary, then one row per
/// client and program changed, the client's columns first, what changed
/// in words, then the recommended totals, the grants and the deadlines
/// under each catalogue; headers in `lang`, yen and dates as Excel's,
/// rows as tall as their wrapped words, printed on A4 landscape one page
/// wide with the header on every page.
pub fn write_clients_xlsx<W: Write + Seek + Send>(
    diff: &ClientsDiff,
    title: &str,
    lang: Lang,
    out: W,
) -> Result<(), BatchError> {
    let w = |e: rust_xlsxwriter::XlsxError| BatchError::Write(std::io::Error::other(e.to_string()));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(i18n::template(lang, Key::DiffSheetName))
        .map_err(w)?;
    let top = CellFormat::new().set_align(FormatAlign::Top);
    let wrap = CellFormat::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let yen = CellFormat::new()
        .set_num_format("#,##0\"円\"")
        .set_align(FormatAlign::Top);
    let date = CellFormat::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top);
    let header = CellFormat::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xE8E8E8)
        .set_border_bottom(FormatBorder::Thin);
    let bold = CellFormat::new().set_bold();
    sheet.write_with_format(0, 0, title, &bold).map_err(w)?;
    sheet
        .write_with_format(1, 0, diff.summary.line(lang).replace('\n', " / "), &top)
        .map_err(w)?;
    // The client's columns, or one column naming the client.
    let (client_columns, client_cells): (Vec<String>, Vec<Vec<String>>) = if diff.columns.is_empty()
    {
        (
            vec![i18n::template(lang, Key::DiffColClient).to_string()],
            diff.changes
                .iter()
                .map(|c| vec![c.client.clone()])
                .collect(),
        )
    } else {
        (
            diff.columns.clone(),
            diff.changes.iter().map(|c| c.cells.clone()).collect(),
        )
    };
    let width = crate::report::layout::width;
    let client_widths: Vec<usize> = (0..client_columns.len())
        .map(|col| {
            let widest = client_cells
                .iter()
                .filter_map(|cells| cells.get(col))
                .chain(std::iter::once(&client_columns[col]))
                .map(|cell| width(cell))
                .max()
                .unwrap_or(8);
            (widest + 2).clamp(8, 24)
        })
        .collect();
    let widths: Vec<usize> = client_widths
        .iter()
        .copied()
        .chain(COLUMNS.iter().map(|(_, chars)| *chars))
        .collect();
    let first = u16::try_from(client_columns.len()).unwrap_or(u16::MAX);
    const HEADER: u32 = 3;
    let headers = client_columns
        .iter()
        .map(String::as_str)
        .chain(COLUMNS.iter().map(|(key, _)| i18n::template(lang, *key)));
    let mut header_lines = 1;
    for (col, name) in headers.enumerate() {
        header_lines = header_lines.max(lines_in(name, widths[col]));
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet
            .write_with_format(HEADER, col, name, &header)
            .map_err(w)?;
    }
    sheet
        .set_row_height(HEADER, LINE_POINTS * header_lines as f64)
        .map_err(w)?;
    for (col, chars) in widths.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.set_column_width(col, *chars as f64).map_err(w)?;
    }
    let at = |i: u16| first + i;
    let mut row = HEADER;
    for (client, cells) in diff.changes.iter().zip(&client_cells) {
        // A client whose total alone moved still gets its row.
        let programs: Vec<Option<&ProgramChange>> = if client.programs.is_empty() {
            vec![None]
        } else {
            client.programs.iter().map(Some).collect()
        };
        for program in programs {
            row += 1;
            let mut lines = 1;
            for (col, cell) in cells.iter().enumerate() {
                lines = lines.max(lines_in(cell, widths[col]));
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                sheet.write_with_format(row, col, cell, &wrap).map_err(w)?;
            }
            let (name, what) = match program {
                Some(program) => (program.name.clone(), program.words.join("\n")),
                None => (String::new(), client.total_words(lang)),
            };
            for (i, text) in [(0, &name), (1, &what)] {
                let col = at(i);
                lines = lines.max(lines_in(text, widths[usize::from(col)]));
                sheet.write_with_format(row, col, text, &wrap).map_err(w)?;
            }
            let amounts = [
                (2, Some(client.old_total)),
                (3, Some(client.new_total)),
                (4, program.map(|p| p.old_grant)),
                (5, program.map(|p| p.new_grant)),
            ];
            for (i, amount) in amounts {
                match amount {
                    Some(Some(y)) => sheet.write_with_format(row, at(i), y as f64, &yen),
                    // No recommended total: nothing pays.
                    Some(None) if i < 4 => sheet.write_with_format(
                        row,
                        at(i),
                        i18n::template(lang, Key::DiffNone),
                        &top,
                    ),
                    _ => continue,
                }
                .map_err(w)?;
            }
            let days = [
                (6, program.and_then(|p| p.old_deadline)),
                (7, program.and_then(|p| p.new_deadline)),
            ];
            for (i, day) in days {
                if let Some(day) = day.and_then(excel_date) {
                    sheet
                        .write_with_format(row, at(i), &day, &date)
                        .map_err(w)?;
                }
            }
            sheet
                .write_with_format(row, at(8), client.row as f64, &top)
                .map_err(w)?;
            sheet
                .set_row_height(row, LINE_POINTS * lines.min(MOST_LINES) as f64)
                .map_err(w)?;
        }
    }
    for (_, error) in &diff.summary.failed {
        row += 1;
        sheet.write_with_format(row, 0, error, &top).map_err(w)?;
    }
    let last_col = first + u16::try_from(COLUMNS.len()).unwrap_or(u16::MAX) - 1;
    sheet
        .autofilter(HEADER, 0, row.max(HEADER), last_col)
        .map_err(w)?;
    sheet.set_freeze_panes(HEADER + 1, first).map_err(w)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_repeat_rows(HEADER, HEADER).map_err(w)?;
    sheet.set_print_gridlines(true);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer("&P / &N");
    let mut out = out;
    workbook.save_to_writer(&mut out).map_err(w)?;
    out.flush().map_err(BatchError::Write)
}

/// A day as an Excel date; `None` outside Excel's years.
fn excel_date(day: NaiveDate) -> Option<rust_xlsxwriter::ExcelDateTime> {
    use chrono::Datelike as _;
    rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(day.year()).ok()?,
        u8::try_from(day.month()).ok()?,
        u8::try_from(day.day()).ok()?,
    )
    .ok()
}
