//! The keys of [`BatchOutput`].

use super::Key;

area! {
    /// `batch` output (issue 13): column names, labels, notes, encodings and
    /// the workbook's sheets (src/batch).
    BatchOutput {
        BatchColRow,
        BatchColProgram,
        BatchColProgramName,
        BatchColVariant,
        BatchColVariantName,
        BatchColTierId,
        BatchColTier,
        BatchColEligibility,
        BatchColCostUsed,
        BatchColGrant,
        /// Long shape: the result's part of the recommended total.
        BatchColRecommended,
        /// Summary shape: the best combination's total.
        BatchColRecommendedTotal,
        BatchColSelfBurden,
        BatchColStatus,
        BatchColDeadline,
        BatchColToConfirm,
        BatchColNote,
        BatchColError,
        BatchColAsOf,
        BatchColDataVersion,
        BatchColBestProgram,
        BatchColBestName,
        BatchColBestGrant,
        BatchColNearestDeadline,
        BatchColDaysLeft,
        BatchOpen,
        BatchNotYetOpen,
        OpeningNotInSources,
        BatchOpeningNotStated,
        StatusOpeningNotStated,
        WhenOpeningNotStated,
        BatchNoDeadline,
        BatchNothing,
        /// The programs left out of a row with nothing to apply for, by
        /// reason, in plain words (never a label such as 区分なし).
        BatchCountOtherPrefecture,
        BatchCountIneligible,
        BatchCountNoTier,
        BatchCountClosed,
        BatchCountPeriodUnknown,
        BatchListSeparator,
        BatchResultPrefix,
        BatchNotShiftJis,
        BatchHeaderNotShiftJis,
        BatchJsonlIsUtf8,
        BatchTooManyRowsForXlsx,
        BatchCellTooLongForXlsx,
        BatchTooManyColumnsForXlsx,
        XlsxInfoSheet,
        XlsxResultSheet,
        XlsxAsOf,
        XlsxDataVersion,
        XlsxDataSha,
        XlsxCommand,
        XlsxGenerated,
        XlsxSources,
        XlsxSourceProgram,
        XlsxSourceTitle,
        XlsxSourceDate,
        XlsxSourceUrl,
        /// The rule data's age on the as-of date, and the line that says it is stale.
        XlsxDataAge,
        XlsxDataStale,
        /// The result column naming the extension a program comes from (empty: built in).
        BatchColExtension,
        /// The info sheet's row for an extension over the rule data.
        XlsxExtension,
        /// Long shape: the group of results only one of can be applied for.
        BatchColOneOf,
        /// A workbook's 要確認: the questions still to ask, in plain words.
        BatchColQuestions,
        /// A workbook's technical sheet: the input columns to fill (ids).
        BatchColToConfirmColumns,
        /// A workbook's summary: the recommended programs, by short name.
        BatchColCombination,
        /// One pick of the combination, and what joins two.
        BatchCombinationItem,
        BatchCombinationJoin,
        /// A reason programs are not in the recommendation, naming them.
        BatchNoteFor,
        /// Past the questions a cell shows: how many more there are.
        BatchMoreQuestions,
        /// The workbook's sheet of ids, beside the one for people.
        XlsxTechnicalSheet,
    }
}
