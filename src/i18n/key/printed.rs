//! The keys of [`Printed`].

use super::Key;

area! {
    /// The one-page report a facility takes away (src/report/printed.rs,
    /// src/report/pdf.rs): plain words for a client, never an id or a flag.
    Printed {
        PrintedTitle,
        /// `{client}`: the client's name.
        PrintedTitleFor,
        /// `{date}`: the as-of date, with 和暦.
        PrintedAsOf,
        /// `{facility}`: the facility as given.
        PrintedFacility,
        /// Between two facts on one line.
        PrintedSeparator,
        PrintedCost,
        PrintedPrefecture,
        /// `{grant}`, `{program}`: the largest grant and its program.
        PrintedLargest,
        /// `{program}`: the nearest deadline's, whose amount is not known.
        PrintedNoAmount,
        PrintedNothingOpen,
        PrintedResults,
        PrintedColProgram,
        PrintedColTier,
        PrintedColGrant,
        PrintedColDeadline,
        PrintedColDaysLeft,
        /// A grant the sources do not let the tool work out.
        PrintedUnknown,
        PrintedHowToApply,
        /// `{how}`, `{url}`.
        PrintedApply,
        /// `{name}`, `{phone}`, `{hours}`.
        PrintedContact,
        PrintedQuestions,
        PrintedNoQuestions,
        /// Where to ask when the data is old (each program's contact above).
        PrintedAskContacts,
        /// `{version}`.
        PrintedDataVersion,
        /// `{sources}`: the documents, listed.
        PrintedSources,
        PrintedCaveat,
        /// The head of a page after the first: `{title}`, `{page}`.
        PrintedContinued,
        /// `{total}`, `{cost}`, `{self_burden}`: the recommended combination.
        PrintedRecommended,
        /// `{tier}`: a result that tops the first up.
        PrintedTopUp,
        /// `{question}`, `{worth}`: a fact the recommendation assumes, and the yen it moves.
        PrintedWorth,
        /// The index of `batch --report`: its columns.
        ReportsColRow,
        ReportsColFacility,
        ReportsColFile,
        ReportsColTotal,
        ReportsColError,
    }
}
