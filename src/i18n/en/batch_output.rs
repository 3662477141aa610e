//! The English sentences of `BatchOutput`.

use crate::i18n::key::BatchOutput;

/// The sentence for `key`.
pub(super) fn text(key: BatchOutput) -> &'static str {
    match key {
        BatchOutput::BatchColRow => "row",
        BatchOutput::BatchColProgram => "program",
        BatchOutput::BatchColProgramName => "program_name",
        BatchOutput::BatchColVariant => "variant",
        BatchOutput::BatchColVariantName => "variant_name",
        BatchOutput::BatchColTierId => "tier_id",
        BatchOutput::BatchColTier => "tier",
        BatchOutput::BatchColEligibility => "eligibility",
        BatchOutput::BatchColCostUsed => "cost_used",
        BatchOutput::BatchColGrant => "grant",
        BatchOutput::BatchColRecommended => "recommended",
        BatchOutput::BatchColRecommendedTotal => "recommended_total",
        BatchOutput::BatchColSelfBurden => "self_burden",
        BatchOutput::BatchColStatus => "status",
        BatchOutput::BatchColDeadline => "deadline",
        BatchOutput::BatchColToConfirm => "to_confirm",
        BatchOutput::BatchColNote => "note",
        BatchOutput::BatchColError => "error",
        BatchOutput::BatchColAsOf => "as_of",
        BatchOutput::BatchColDataVersion => "data_version",
        BatchOutput::BatchColBestProgram => "best_program",
        BatchOutput::BatchColBestName => "best_program_name",
        BatchOutput::BatchColBestGrant => "best_grant",
        BatchOutput::BatchColNearestDeadline => "nearest_deadline",
        BatchOutput::BatchColDaysLeft => "days_left",
        BatchOutput::BatchOpen => "open",
        BatchOutput::BatchNotYetOpen => "not yet open",
        BatchOutput::OpeningNotInSources => {
            "Opening date: not in the sources (until the first deadline, whether applications are open is not known)"
        }
        BatchOutput::BatchOpeningNotStated => "opening not stated",
        BatchOutput::StatusOpeningNotStated => {
            "opening not stated (the sources give no opening date; closes in {days})"
        }
        BatchOutput::WhenOpeningNotStated => {
            "deadline {deadline}, {days_left} (the sources give no opening date)"
        }
        BatchOutput::BatchNoDeadline => "no deadline stated",
        BatchOutput::BatchNothing => "no program can be applied for on this date ({reasons})",
        BatchOutput::BatchListSeparator => ", ",
        BatchOutput::BatchResultPrefix => "result:",
        BatchOutput::BatchNotShiftJis => {
            "line {line}: characters Shift_JIS cannot hold, {chars}, in column '{column}'; written as 〓"
        }
        BatchOutput::BatchHeaderNotShiftJis => {
            "the header's column '{column}' holds characters Shift_JIS cannot hold; rename it, or write UTF-8"
        }
        BatchOutput::BatchJsonlIsUtf8 => {
            "Shift_JIS output is for CSV only (JSONL and xlsx are UTF-8)"
        }
        BatchOutput::BatchTooManyRowsForXlsx => {
            "the output exceeds an Excel sheet's {limit} rows (at least {rows} rows); write CSV (for example {csv}) or one row per facility"
        }
        BatchOutput::BatchCellTooLongForXlsx => {
            "row {row} holds a cell of {chars} characters, more than an Excel cell holds (32,767); write CSV"
        }
        BatchOutput::BatchTooManyColumnsForXlsx => {
            "{columns} columns are more than an Excel sheet holds (16,384); write CSV"
        }
        BatchOutput::XlsxInfoSheet => "About",
        BatchOutput::XlsxResultSheet => "Estimates",
        BatchOutput::XlsxAsOf => "As of",
        BatchOutput::XlsxDataVersion => "Rule data version",
        BatchOutput::XlsxDataSha => "Rule data SHA-256",
        BatchOutput::XlsxCommand => "Command",
        BatchOutput::XlsxGenerated => "Made by",
        BatchOutput::XlsxSources => "Sources (programs shown)",
        BatchOutput::XlsxSourceProgram => "Program",
        BatchOutput::XlsxSourceTitle => "Document",
        BatchOutput::XlsxSourceDate => "Date",
        BatchOutput::XlsxSourceUrl => "URL",
        BatchOutput::XlsxDataAge => "Rule data age",
        BatchOutput::XlsxDataStale => "Note",
        BatchOutput::BatchColExtension => "extension",
        BatchOutput::XlsxExtension => "Extension",
        BatchOutput::BatchCountOtherPrefecture => "{count} for other prefectures",
        BatchOutput::BatchCountIneligible => "{count} this facility is not eligible for",
        BatchOutput::BatchCountNoTier => "{count} with nothing for this kind of facility",
        BatchOutput::BatchCountClosed => "{count} past their deadline",
        BatchOutput::BatchCountPeriodUnknown => "{count} with no application period in the sources",
        BatchOutput::BatchColOneOf => "one_of",
        BatchOutput::BatchColQuestions => "to_confirm",
        BatchOutput::BatchColToConfirmColumns => "to_confirm_columns",
        BatchOutput::BatchColCombination => "recommended_programs",
        BatchOutput::BatchCombinationItem => "{name} {grant}",
        BatchOutput::BatchCombinationJoin => " + ",
        BatchOutput::BatchNoteFor => "{programs}: {why}",
        BatchOutput::BatchMoreQuestions => {
            "and {count} more (all of them in the detail, one row per program)"
        }
        BatchOutput::XlsxTechnicalSheet => "Technical",
    }
}
