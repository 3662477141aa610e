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
        BatchLeftOutCount,
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
    }
}
