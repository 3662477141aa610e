//! A cell's value as the text of its CSV field: numbers as Excel shows
//! them, dates as ISO dates, and cells and columns named as Excel names them.

use std::borrow::Cow;

use calamine::{DataRef, ExcelDateTime};
use chrono::NaiveTime;

/// Excel's first serial date past its last day (10000-01-01, 1900 system).
const EXCEL_SERIAL_PAST_LAST_DAY: f64 = 2_958_466.0;

/// Floats whose magnitude is below this and which have no fraction are
/// written as integers: every integer up to 2^53 is exact in an `f64`.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// A cell's text, as the CSV field holds it (before quoting).
pub(super) fn cell_text<'cell>(value: &'cell DataRef<'_>) -> Cow<'cell, str> {
    match value {
        DataRef::String(text) => Cow::Borrowed(text.as_str()),
        DataRef::SharedString(text) => Cow::Borrowed(text),
        DataRef::Int(number) => Cow::Owned(number.to_string()),
        DataRef::Float(number) => Cow::Owned(number_text(*number)),
        DataRef::Bool(true) => Cow::Borrowed("TRUE"),
        DataRef::Bool(false) => Cow::Borrowed("FALSE"),
        DataRef::DateTime(date_time) => Cow::Owned(date_time_text(date_time)),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cow::Borrowed(text.as_str()),
        DataRef::Error(error) => Cow::Owned(error.to_string()),
        DataRef::Empty => Cow::Borrowed(""),
    }
}

/// A number's text as Excel shows it: rounded to 15 significant digits
/// (Excel's number precision; Microsoft, "Excel specifications and limits")
/// (a formula's `=1700000*1.08` is stored as 1836000.0000000002 and shown,
/// and saved as CSV, as 1836000), then an integer without `.0` when it is
/// exact (below 2^53), else the shortest text that reads back as it.
fn number_text(number: f64) -> String {
    let number = if number.is_finite() {
        format!("{number:.14e}").parse().unwrap_or(number)
    } else {
        number
    };
    if number.fract() == 0.0 && number.abs() < EXACT_INTEGER_LIMIT {
        // Exact: the value is an integer of at most 53 bits.
        (number as i64).to_string()
    } else {
        number.to_string()
    }
}

/// A date-formatted cell's text: `2026-03-31` for a date,
/// `2026-03-31T09:30:00` for a date and time, `09:30:00` for a time alone
/// (a serial below 1), `36:30:00` for a duration (an `[h]:mm` format); a
/// serial outside Excel's dates is written as the number.
fn date_time_text(date_time: &ExcelDateTime) -> String {
    let serial = date_time.as_f64();
    if date_time.is_duration() {
        return duration_text(serial);
    }
    // chrono panics on durations past its range; Excel's dates are far inside it.
    if !(0.0..EXCEL_SERIAL_PAST_LAST_DAY).contains(&serial) {
        return number_text(serial);
    }
    match date_time.as_datetime() {
        Some(moment) if serial < 1.0 => moment.format("%H:%M:%S%.f").to_string(),
        Some(moment) if moment.time() == NaiveTime::MIN => moment.format("%Y-%m-%d").to_string(),
        Some(moment) => moment.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
        None => number_text(serial),
    }
}

/// A duration in days as hours, minutes and seconds (`36:30:00`, `-0:15:00`,
/// milliseconds only when there are some); an absurd one as the number.
fn duration_text(days: f64) -> String {
    let milliseconds = (days * 86_400_000.0).round();
    if !milliseconds.is_finite() || milliseconds.abs() >= EXACT_INTEGER_LIMIT {
        return number_text(days);
    }
    // Exact: the value is an integer of at most 53 bits.
    let total = milliseconds.abs() as u64;
    let sign = if milliseconds < 0.0 { "-" } else { "" };
    let (hours, minutes, seconds, millis) = (
        total / 3_600_000,
        total / 60_000 % 60,
        total / 1000 % 60,
        total % 1000,
    );
    if millis == 0 {
        format!("{sign}{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{sign}{hours}:{minutes:02}:{seconds:02}.{millis:03}")
    }
}

/// A cell's name as Excel shows it (`C12`), from 0-based indexes.
pub(super) fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
}

/// A column's letters as Excel shows them (`A`, `Z`, `AA`, `XFD`), from a 0-based index.
pub(super) fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        let letter = (rest - 1) % 26;
        letters.push(char::from(b'A' + letter as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::excel::EXCEL_COLUMNS;

    #[test]
    fn numbers_dates_and_errors_have_their_spreadsheet_text() {
        assert_eq!(number_text(14_000_000.0), "14000000");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(0.5), "0.5");
        // Excel's 15 significant digits, as it shows and saves them.
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(9_007_199_254_740_993.0), "9007199254740990");
        assert_eq!(number_text(f64::NAN), "NaN");
        let date =
            |serial| ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time_text(&date(46_112.0)), "2026-03-31");
        assert_eq!(date_time_text(&date(46_112.5)), "2026-03-31T12:00:00");
        assert_eq!(date_time_text(&date(0.25)), "06:00:00");
        // Past chrono's range: the number, never a panic.
        assert_eq!(
            date_time_text(&date(-1e30)),
            "-1000000000000000000000000000000"
        );
        assert_eq!(date_time_text(&date(f64::NAN)), "NaN");
        let duration =
            |serial| ExcelDateTime::new(serial, calamine::ExcelDateTimeType::TimeDelta, false);
        assert_eq!(date_time_text(&duration(1.5 + 0.5 / 24.0)), "36:30:00");
        assert_eq!(date_time_text(&duration(-1e300)), number_text(-1e300));
        let error = DataRef::Error(calamine::CellErrorType::NA);
        assert_eq!(cell_text(&error), "#N/A");
        assert_eq!(cell_name(11, 2), "C12");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(EXCEL_COLUMNS - 1), "XFD");
    }

    /// Floating-point noise below Excel's 15 digits is what Excel shows:
    /// `=1700000*1.08` is 1,836,000 there and in Excel's CSV.
    #[test]
    fn numbers_are_read_to_excels_fifteen_digits() {
        assert_eq!(number_text(1_700_000.0 * 1.08), "1836000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(14_000_000.0), "14000000");
        assert_eq!(number_text(0.5), "0.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
