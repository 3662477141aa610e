//! The xlsx reader end to end: workbooks written by rust_xlsxwriter, read
//! back as CSV text.

use std::io::{self, Read};
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime as WriterDateTime, Format, Workbook, Worksheet};

use super::*;

/// Saves a one-sheet workbook filled by `fill` and returns its path (in `dir`).
fn workbook(
    dir: &tempfile::TempDir,
    name: &str,
    fill: impl FnOnce(&mut Worksheet),
) -> std::path::PathBuf {
    let path = dir.path().join(name);
    let mut book = Workbook::new();
    fill(book.add_worksheet());
    book.save(&path).unwrap();
    path
}

/// The whole CSV text of a sheet.
fn csv_of(path: &Path, sheet: Option<&str>) -> String {
    let mut text = String::new();
    XlsxInput::open(path, sheet)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The CSV text parsed back by the csv crate, blank lines skipped as it skips them.
fn parsed(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn japanese_headers_numbers_and_a_date_come_through_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let date_format = Format::new().set_num_format("yyyy/m/d");
    let path = workbook(&dir, "facilities.xlsx", |sheet| {
        for (column, name) in ["施設区分", "病床数", "経費", "率", "期限", "確認"]
            .into_iter()
            .enumerate()
        {
            sheet.write_string(0, column as u16, name).unwrap();
        }
        sheet.write_string(1, 0, "病院").unwrap();
        sheet.write_number(1, 1, 120).unwrap();
        sheet.write_number(1, 2, 14_000_000).unwrap();
        sheet.write_number(1, 3, 0.5).unwrap();
        let date = WriterDateTime::from_ymd(2026, 3, 31).unwrap();
        sheet
            .write_datetime_with_format(1, 4, &date, &date_format)
            .unwrap();
        sheet.write_boolean(1, 5, true).unwrap();
        sheet.write_string(2, 0, "診療所").unwrap();
        let moment = WriterDateTime::from_ymd(2026, 3, 31)
            .unwrap()
            .and_hms(9, 30, 0)
            .unwrap();
        let moment_format = Format::new().set_num_format("yyyy/m/d h:mm");
        sheet
            .write_datetime_with_format(2, 4, &moment, &moment_format)
            .unwrap();
        sheet.write_number(2, 2, -1.25e20).unwrap();
    });
    let input = XlsxInput::open(&path, None).unwrap();
    assert_eq!(input.sheet(), "Sheet1");
    assert_eq!(input.rows(), 3);
    drop(input);
    assert_eq!(
        csv_of(&path, None),
        "施設区分,病床数,経費,率,期限,確認\n\
         病院,120,14000000,0.5,2026-03-31,TRUE\n\
         診療所,,-125000000000000000000,,2026-03-31T09:30:00,\n"
    );
}

#[test]
fn a_formula_error_is_its_excel_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "errors.xlsx", |sheet| {
        sheet.write_string(0, 0, "経費").unwrap();
        sheet.write_formula(1, 0, "=NA()").unwrap();
        sheet.set_formula_result(1, 0, "#N/A");
    });
    assert_eq!(csv_of(&path, None), "経費\n#N/A\n");
}

#[test]
fn gaps_are_filled_and_rows_keep_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "gaps.xlsx", |sheet| {
        for (column, name) in ["施設区分", "病床数", "経費"].into_iter().enumerate() {
            sheet.write_string(0, column as u16, name).unwrap();
        }
        sheet.write_string(1, 0, "病院").unwrap();
        sheet.write_number(1, 2, 100).unwrap();
        // Row 3 has no values; row 4 has a formatted empty cell only.
        sheet.write_blank(3, 1, &Format::new().set_bold()).unwrap();
        sheet.write_number(4, 1, 19).unwrap();
        // Empty cells right of the header are dropped, values are kept.
        sheet.write_blank(4, 5, &Format::new().set_bold()).unwrap();
        sheet.write_string(5, 0, "薬局").unwrap();
        sheet.write_string(5, 4, "余分").unwrap();
    });
    assert_eq!(
        csv_of(&path, None),
        "施設区分,病床数,経費\n病院,,100\n,,\n,,\n,19,\n薬局,,,,余分\n"
    );
}

#[test]
fn a_table_starting_lower_and_further_right_starts_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "offset.xlsx", |sheet| {
        sheet.write_string(2, 1, "施設区分").unwrap();
        sheet.write_string(2, 2, "経費").unwrap();
        sheet.write_string(3, 1, "病院").unwrap();
        sheet.write_number(3, 2, 5).unwrap();
    });
    let input = XlsxInput::open(&path, None).unwrap();
    assert_eq!(input.rows(), 2);
    drop(input);
    assert_eq!(csv_of(&path, None), "\n\n施設区分,経費\n病院,5\n");
}

#[test]
fn commas_quotes_and_line_breaks_are_quoted_like_the_csv_crate() {
    let dir = tempfile::tempdir().unwrap();
    let awkward = [
        "a,b",
        "say \"hi\"",
        "line\nbreak",
        "cr\r\nlf",
        "plain",
        "\"",
    ];
    let path = workbook(&dir, "quotes.xlsx", |sheet| {
        for (column, text) in awkward.iter().enumerate() {
            sheet
                .write_string(0, column as u16, format!("h{column}"))
                .unwrap();
            sheet.write_string(1, column as u16, *text).unwrap();
        }
    });
    let text = csv_of(&path, None);
    let rows = parsed(&text);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1], awkward);
    let mut written = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    written.write_record(&rows[0]).unwrap();
    written.write_record(awkward).unwrap();
    assert_eq!(text.as_bytes(), written.into_inner().unwrap());
}

#[test]
fn a_sheet_is_picked_by_name_ignoring_case_and_a_missing_one_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.xlsx");
    let mut book = Workbook::new();
    let first = book.add_worksheet().set_name("一覧").unwrap();
    first.write_string(0, 0, "first").unwrap();
    let second = book.add_worksheet().set_name("Data").unwrap();
    second.write_string(0, 0, "施設区分").unwrap();
    second.write_string(1, 0, "病院").unwrap();
    book.save(&path).unwrap();
    assert_eq!(csv_of(&path, Some("Data")), "施設区分\n病院\n");
    let input = XlsxInput::open(&path, Some("data")).unwrap();
    assert_eq!((input.sheet(), input.rows()), ("Data", 2));
    drop(input);
    assert_eq!(csv_of(&path, None), "first\n");
    match XlsxInput::open(&path, Some("Missing")) {
        Err(XlsxInError::NoSheet { wanted, present }) => {
            assert_eq!(wanted, "Missing");
            assert_eq!(present, ["一覧", "Data"]);
        }
        other => panic!("expected NoSheet, got {:?}", other.err()),
    }
}

#[test]
fn a_hidden_first_sheet_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hidden.xlsx");
    let mut book = Workbook::new();
    let lookup = book.add_worksheet().set_name("lookup").unwrap();
    lookup.write_string(0, 0, "hidden").unwrap();
    lookup.set_hidden(true);
    let data = book.add_worksheet().set_name("input").unwrap();
    data.write_string(0, 0, "shown").unwrap();
    data.set_active(true);
    book.save(&path).unwrap();
    assert_eq!(csv_of(&path, None), "shown\n");
    assert_eq!(csv_of(&path, Some("lookup")), "hidden\n");
}

#[test]
fn an_empty_sheet_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "empty.xlsx", |sheet| {
        sheet.write_blank(4, 4, &Format::new().set_bold()).unwrap();
        sheet.write_string(5, 5, "").unwrap();
    });
    assert!(matches!(
        XlsxInput::open(&path, None),
        Err(XlsxInError::Empty)
    ));
}

#[test]
fn other_files_are_not_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("facilities.xlsx");
    std::fs::write(&text, "施設区分,経費\n病院,1\n").unwrap();
    assert!(matches!(
        XlsxInput::open(&text, None),
        Err(XlsxInError::NotXlsx(_))
    ));
    let old = dir.path().join("old.xls");
    std::fs::write(&old, COMPOUND_FILE_MAGIC).unwrap();
    match XlsxInput::open(&old, None) {
        Err(e @ XlsxInError::OtherFormat(".xls")) => {
            let reason = e.message(crate::Lang::Ja);
            assert!(
                reason.contains(".xlsx") && reason.contains("CSV"),
                "{reason}"
            );
        }
        other => panic!("expected OtherFormat, got {:?}", other.err()),
    }
    // An .xls renamed to .xlsx is named for what it is.
    let renamed = dir.path().join("renamed.xlsx");
    std::fs::write(&renamed, [&COMPOUND_FILE_MAGIC[..], &[0; 508]].concat()).unwrap();
    assert!(matches!(
        XlsxInput::open(&renamed, None),
        Err(XlsxInError::OtherFormat(".xls"))
    ));
    for name in ["sheet.ods", "sheet.XLSB"] {
        let path = dir.path().join(name);
        std::fs::write(&path, b"PK").unwrap();
        assert!(matches!(
            XlsxInput::open(&path, None),
            Err(XlsxInError::OtherFormat(_))
        ));
    }
    let empty = dir.path().join("empty.xlsx");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        XlsxInput::open(&empty, None),
        Err(XlsxInError::NotXlsx(_))
    ));
    assert!(matches!(
        XlsxInput::open(&dir.path().join("absent.xlsx"), None),
        Err(XlsxInError::Io(_))
    ));
}

#[test]
fn a_damaged_workbook_is_an_error_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "good.xlsx", |sheet| {
        for row in 0..2000 {
            sheet.write_string(row, 0, "施設区分").unwrap();
            sheet.write_number(row, 1, f64::from(row)).unwrap();
        }
    });
    let bytes = std::fs::read(&path).unwrap();
    let damaged = dir.path().join("damaged.xlsx");
    for (index, at) in (0..bytes.len()).step_by(bytes.len() / 40).enumerate() {
        let mut copy = bytes.clone();
        copy[at] ^= 0x5A;
        if index % 2 == 1 {
            copy.truncate(at.max(1));
        }
        std::fs::write(&damaged, &copy).unwrap();
        // Opening or reading may fail; it must only ever fail.
        if let Ok(mut input) = XlsxInput::open(&damaged, None) {
            let _ = input.read_to_end(&mut Vec::new());
        }
    }
}

#[test]
fn twenty_thousand_rows_stream_and_a_half_read_input_can_be_dropped() {
    const ROWS: u32 = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "many.xlsx", |sheet| {
        sheet.write_string(0, 0, "施設区分").unwrap();
        sheet.write_string(0, 1, "経費").unwrap();
        for row in 1..=ROWS {
            sheet.write_string(row, 0, "病院").unwrap();
            sheet.write_number(row, 1, f64::from(row) * 1000.0).unwrap();
        }
    });
    let input = XlsxInput::open(&path, None).unwrap();
    assert_eq!(input.rows(), u64::from(ROWS) + 1);
    let lines: Vec<String> = io::BufRead::lines(io::BufReader::new(input))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(lines.len(), ROWS as usize + 1);
    assert_eq!(lines[ROWS as usize], format!("病院,{}", ROWS * 1000));

    let (done, finished) = std::sync::mpsc::channel();
    let half_way = std::thread::spawn(move || {
        let mut input = XlsxInput::open(&path, None).unwrap();
        let mut start = vec![0; 3 * PIECE_BYTES];
        input.read_exact(&mut start).unwrap();
        drop(input);
        let _ = done.send(());
    });
    finished
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("dropping a half-read input hung");
    half_way.join().unwrap();
}

#[test]
fn the_batch_reads_it_with_the_sheets_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(&dir, "batch.xlsx", |sheet| {
        for (column, name) in ["id", "program", "facility", "cost"]
            .into_iter()
            .enumerate()
        {
            sheet.write_string(1, column as u16, name).unwrap();
        }
        sheet.write_string(2, 0, "a").unwrap();
        sheet.write_string(2, 1, "online-qual-medical-aid").unwrap();
        sheet.write_string(2, 2, "clinic").unwrap();
        sheet.write_number(2, 3, 60_000).unwrap();
        // Row 5 (after an empty row 4) has a value past the last column.
        sheet.write_string(4, 0, "b").unwrap();
        sheet.write_string(4, 1, "online-qual-medical-aid").unwrap();
        sheet.write_string(4, 2, "clinic").unwrap();
        sheet.write_number(4, 3, 60_000).unwrap();
        sheet.write_string(4, 5, "stray").unwrap();
    });
    let catalogue = crate::core::catalogue::Catalogue::embedded().unwrap();
    let checker = crate::input::request::Checker::new(&catalogue);
    let options = crate::batch::Options {
        lang: crate::Lang::En,
        all: true,
        ..crate::batch::Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap())
    };
    let input = XlsxInput::open(&path, None).unwrap();
    let mut output = Vec::new();
    let summary = crate::batch::run(&checker, input, &mut output, &options, |_| {}).unwrap();
    // Rows 3 and 5 are read; the empty row 4 is counted as blank.
    assert_eq!((summary.read, summary.failed, summary.blank), (2, 1, 1));
    let output = String::from_utf8(output).unwrap();
    assert!(
        output.contains("line 5:") || output.contains("5行目"),
        "{output}"
    );
}
