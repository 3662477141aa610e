//! The English sentences of `Batch`.

use crate::i18n::key::Batch;

/// The sentence for `key`.
pub(super) fn text(key: Batch) -> &'static str {
    match key {
        Batch::BatchRead => "reading input: {reason}",
        Batch::BatchWrite => "writing output: {reason}",
        Batch::BatchNoHeader => {
            "the input has no header row (put column names such as facility, beds, cost on line 1)"
        }
        Batch::BatchHeaderEncoding => {
            "the header (line 1) cannot be decoded as {encoding} (say the input is utf-8 or shift_jis)"
        }
        Batch::BatchHeaderTooLarge => "the header is longer than {mb} MB",
        Batch::BatchOpenQuote => {
            "the header (line {line}) opens a quoted cell that is never closed"
        }
        Batch::BatchDuplicateColumn => "the header repeats the column '{column}'",
        Batch::BatchSameMeaning => {
            "the header's columns '{first}' and '{second}' are the same column; keep one"
        }
        Batch::BatchNearMiss => {
            "the header's column '{column}' is not one the tool reads; did you mean '{near}'? Rename it, or the rows are estimated without it"
        }
        Batch::BatchInternal => {
            "internal error at line {line}: {message}; the output is incomplete"
        }
        Batch::CellNotUtf16 => "bytes that are not UTF-16",
        Batch::CellNotUtf8 => "bytes that are not UTF-8",
        Batch::CellUtf8InSjis => "UTF-8 text in a Shift_JIS file",
        Batch::CellNotSjis => "bytes that are not Shift_JIS",
        Batch::RowTooLong => {
            "line {line}: the row is longer than {mb} MB; split it or shorten its cells"
        }
        Batch::RowCellProblem => {
            "line {line}: {why} in column '{name}' (the cell is left empty here)"
        }
        Batch::RowPastLastColumn => "line {line}: {why} past the last column",
        Batch::RowOpenQuote => {
            "line {line}: a quoted cell opens here and is never closed; the file ends inside it"
        }
        Batch::RowFormulaNoResult => {
            "line {line}: cell {cell} (column '{column}') is a formula with no saved result; open the workbook in Excel and save it, then run again"
        }
        Batch::RowCellCount => "line {line}: {cells} cells, but the header has {columns} columns",
        Batch::RowNotEncoding => "line {line}: bytes that are not {encoding}",
        Batch::RowUtf8InSjis => "line {line}: UTF-8 text in a Shift_JIS file",
        Batch::RowNotJson => "line {line}: not a JSON object: {reason}",
        Batch::RowNoProgram => "line {line}: no program applies",
        Batch::RowError => "line {line}: {error}",
        Batch::KeyNotRead => "the key '{key}' is not one the tool reads; did you mean '{near}'?",
        Batch::KeyTwice => "the key '{key}' is given twice",
        Batch::BatchMissingColumnNear => {
            "the header has no '{column}' ({alias}) column; if '{near}' is it, rename it to {column} or {alias}"
        }
        Batch::BatchMissingColumn => {
            "the header has no '{column}' ({alias}) column; add one named {column} or {alias} on line 1"
        }
        Batch::BatchBlankRows => " ({blank} blank rows skipped)",
        Batch::BatchScaledUnit => {
            "the column '{column}' is in {unit}, but amounts are read in yen; write each amount with its unit ({example}) or in yen, and name the column {name} or {alias}"
        }
        Batch::BatchWorkbookOnStdin => {
            "the input is an Excel workbook (a zip file); give its path instead of standard input, for example subsidy batch clients.xlsx"
        }
        Batch::BatchXlsxInput => "cannot read '{path}' as an Excel file: {reason}",
        Batch::BatchNoSheet => "'{path}' has no sheet '{sheet}'; its sheets: {present}",
        Batch::BatchXlsxNotSeekable => {
            "xlsx cannot be written to standard output; name a file, for example -o estimates.xlsx"
        }
        Batch::XlsxOtherFormat => {
            "it is a {format} file; save it as .xlsx (Excel Workbook) or CSV and try again"
        }
        Batch::XlsxPassword => {
            "the workbook is protected with a password; save it without one, or as CSV, and try again"
        }
        Batch::XlsxNotWorkbook => {
            "not an .xlsx workbook ({detail}); save it as .xlsx (Excel Workbook) or CSV and try again"
        }
        Batch::XlsxNoSheetReason => "no sheet named '{sheet}'; the workbook has: {present}",
        Batch::XlsxEmpty => "the sheet has no values",
        Batch::XlsxRead => "reading the workbook: {detail}",
        Batch::BatchSummary => {
            "batch: {read} rows read, {written} rows written, {failed} rows with errors"
        }
        Batch::BatchSummaryIcs => {
            "batch: {read} rows read, {events} calendar events written, {failed} rows with errors"
        }
        Batch::BatchProgress => "{spinner} {human_pos} rows read ({elapsed})",
    }
}
