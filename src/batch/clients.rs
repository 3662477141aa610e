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
use crate::input::request::{Checker, Request};
use crate::report::diff::{ClientChange, ClientsSummary, shift_label};

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
/// that cannot be read or is refused (under either catalogue) is counted
/// with its error, as a batch's error row says it.
pub fn diff_clients<R: Read + Send>(
    input: R,
    options: &Options,
    old: &Checker<'_>,
    new: &Checker<'_>,
) -> Result<ClientsDiff, BatchError> {
    let lang = options.lang;
    let mut out = ClientsDiff::default();
    let mut label: Option<ClientLabel> = None;
    let mut request = Request::default();
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
            out.summary.failed.push((row.line, refused(problem.to_string())));
            return Ok(());
        }
        if let Err(e) = request_of(row, layout, &mut request) {
            out.summary.read += 1;
            out.summary.failed.push((row.line, refused(e.message(lang))));
            return Ok(());
        }
        let before = old
            .estimates_and_query(&request, options.as_of, false)
            .map_err(|e| RowError::Input(e).message(lang));
        let after = new
            .estimates_and_query(&request, options.as_of, false)
            .map_err(|e| RowError::Input(e).message(lang));
        let (before, after) = match (before, after) {
            (Ok(before), Ok(after)) => (before, after),
            (Err(e), _) | (_, Err(e)) => {
                out.summary.read += 1;
                out.summary.failed.push((row.line, refused(e)));
                return Ok(());
            }
        };
        let change = compare(&before, &after, |diff| {
            ClientChange::of(row.line, client.of(row, lang), client.cells(row), diff, lang)
        });
        out.summary.count(change.as_ref());
        out.changes.extend(change);
        Ok(())
    })?;
    Ok(out)
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
/// key and width in characters.
const COLUMNS: [(Key, f64); 11] = [
    (Key::DiffColOldTotal, 13.0),
    (Key::DiffColNewTotal, 13.0),
    (Key::DiffColProgram, 22.0),
    (Key::DiffColWhat, 34.0),
    (Key::DiffColOldGrant, 13.0),
    (Key::DiffColNewGrant, 13.0),
    (Key::DiffColGrantDelta, 13.0),
    (Key::DiffColOldDeadline, 12.0),
    (Key::DiffColNewDeadline, 12.0),
    (Key::DiffColConfirm, 34.0),
    (Key::DiffColRow, 6.0),
];

/// The clients a change touches as a workbook for a client meeting, into
/// `out` (which the caller replaces the old file with only once this
/// returns): a title line (`title`) and the summary, then one row per
/// client and program changed, the client's columns first; headers in
/// `lang`, yen and dates as Excel's, printed on A4 landscape one page wide,
/// the header repeated on every page.
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
        .set_num_format("#,##0\"円\";-#,##0\"円\"")
        .set_align(FormatAlign::Top);
    let signed = CellFormat::new()
        .set_num_format("+#,##0\"円\";-#,##0\"円\";0\"円\"")
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
    // The client's columns, or one column naming the client by its row.
    let client_columns: Vec<String> = if diff.columns.is_empty() {
        vec![i18n::template(lang, Key::DiffColClient).to_string()]
    } else {
        diff.columns.clone()
    };
    let first = u16::try_from(client_columns.len()).unwrap_or(u16::MAX);
    const HEADER: u32 = 3;
    for (col, name) in client_columns.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet
            .write_with_format(HEADER, col, name, &header)
            .map_err(w)?;
        sheet.set_column_width(col, 18.0).map_err(w)?;
    }
    for (i, (key, width)) in COLUMNS.iter().enumerate() {
        let col = first + u16::try_from(i).unwrap_or(u16::MAX);
        sheet
            .write_with_format(HEADER, col, i18n::template(lang, *key), &header)
            .map_err(w)?;
        sheet.set_column_width(col, *width).map_err(w)?;
    }
    let mut row = HEADER;
    for client in &diff.changes {
        // A client whose total alone moved still gets its row.
        let programs: Vec<Option<&crate::report::diff::ProgramChange>> = if client.programs.is_empty() {
            vec![None]
        } else {
            client.programs.iter().map(Some).collect()
        };
        for program in programs {
            row += 1;
            let cells: Vec<String> = if diff.columns.is_empty() {
                vec![client.client.clone()]
            } else {
                client.cells.clone()
            };
            for (col, cell) in cells.iter().enumerate() {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                sheet.write_with_format(row, col, cell, &wrap).map_err(w)?;
            }
            let at = |i: u16| first + i;
            let mut amount = |col: u16, value: Option<u64>, format: &CellFormat| match value {
                Some(y) => sheet
                    .write_with_format(row, col, y as f64, format)
                    .map(|_| ()),
                None => sheet
                    .write_with_format(row, col, i18n::template(lang, Key::DiffNone), &top)
                    .map(|_| ()),
            };
            amount(at(0), client.old_total, &yen).map_err(w)?;
            amount(at(1), client.new_total, &yen).map_err(w)?;
            let Some(program) = program else {
                sheet
                    .write_with_format(row, at(3), client.total_words(lang), &wrap)
                    .map_err(w)?;
                sheet.write_with_format(row, at(10), client.row as f64, &top).map_err(w)?;
                continue;
            };
            sheet
                .write_with_format(row, at(2), &program.name, &wrap)
                .map_err(w)?;
            let what: Vec<&str> = program
                .shifts
                .iter()
                .map(|s| shift_label(*s, lang))
                .collect();
            sheet
                .write_with_format(
                    row,
                    at(3),
                    what.join(i18n::template(lang, Key::BatchListSeparator)),
                    &wrap,
                )
                .map_err(w)?;
            let mut amount = |col: u16, value: Option<u64>| match value {
                Some(y) => sheet.write_with_format(row, col, y as f64, &yen).map(|_| ()),
                None => Ok(()),
            };
            amount(at(4), program.old_grant).map_err(w)?;
            amount(at(5), program.new_grant).map_err(w)?;
            if let (Some(a), Some(b)) = (program.old_grant, program.new_grant)
                && a != b
            {
                sheet
                    .write_with_format(row, at(6), b as f64 - a as f64, &signed)
                    .map_err(w)?;
            }
            let mut day = |col: u16, value: Option<NaiveDate>| match value.and_then(excel_date) {
                Some(d) => sheet.write_with_format(row, col, &d, &date).map(|_| ()),
                None => Ok(()),
            };
            day(at(7), program.old_deadline).map_err(w)?;
            day(at(8), program.new_deadline).map_err(w)?;
            sheet
                .write_with_format(row, at(9), program.new_to_confirm.join("\n"), &wrap)
                .map_err(w)?;
            sheet
                .write_with_format(row, at(10), client.row as f64, &top)
                .map_err(w)?;
        }
    }
    for (_, error) in &diff.summary.failed {
        row += 1;
        sheet.write_with_format(row, 0, error, &top).map_err(w)?;
    }
    let last_col = first + u16::try_from(COLUMNS.len()).unwrap_or(u16::MAX) - 1;
    sheet.autofilter(HEADER, 0, row.max(HEADER), last_col).map_err(w)?;
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
