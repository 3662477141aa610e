//! The keys of [`Batch`].

use super::Key;

area! {
    /// `batch` input: what stops a whole run, the `error` column of a row,
    /// workbooks, the summary (src/batch, src/cli/batch.rs).
    Batch {
        /// `batch`: what stops a whole run (src/batch/mod.rs, src/cli/batch.rs).
        BatchRead,
        BatchWrite,
        BatchNoHeader,
        BatchHeaderEncoding,
        BatchHeaderTooLarge,
        BatchOpenQuote,
        BatchDuplicateColumn,
        BatchSameMeaning,
        BatchNearMiss,
        BatchInternal,
        /// Batch rows: the `error` column (rendered in English until issue 13).
        CellNotUtf16,
        CellNotUtf8,
        CellUtf8InSjis,
        CellNotSjis,
        RowTooLong,
        RowCellProblem,
        RowPastLastColumn,
        RowOpenQuote,
        /// An .xlsx cell whose formula has no saved result: `{line}`, `{cell}`, `{column}`.
        RowFormulaNoResult,
        RowCellCount,
        RowNotEncoding,
        RowUtf8InSjis,
        RowNotJson,
        RowNoProgram,
        RowError,
        KeyNotRead,
        KeyTwice,
        BatchMissingColumnNear,
        BatchMissingColumn,
        BatchBlankRows,
        /// A money column in 千円, 万円 …: `{column}`, `{unit}`, `{example}`,
        /// `{name}` (English) and `{alias}` (Japanese).
        BatchScaledUnit,
        BatchWorkbookOnStdin,
        BatchXlsxInput,
        BatchNoSheet,
        BatchXlsxNotSeekable,
        XlsxOtherFormat,
        XlsxPassword,
        XlsxNotWorkbook,
        XlsxNoSheetReason,
        XlsxEmpty,
        XlsxRead,
        BatchSummary,
        /// `batch --format ics`: `{read}` rows, `{events}` events of the calendar, `{failed}` rows.
        BatchSummaryIcs,
        BatchProgress,
    }
}
