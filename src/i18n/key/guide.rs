//! The keys of [`Guide`].

use super::Key;

area! {
    /// The guided mode (src/input/guide.rs): `subsidy ask`'s questions one
    /// at a time, and the web's two-step form (`/ask`).
    Guide {
        /// Before the first question: how to answer, skip and stop.
        GuideIntro,
        /// The questions that have no finding to word them.
        GuideFacility,
        GuideBeds,
        GuideCost,
        /// Under the cost's question: what leaving it empty does.
        GuideCostEmpty,
        GuidePrefecture,
        /// The legal form, among the `{entities}` the size table has.
        GuideEntity,
        GuideCapital,
        GuideEmployees,
        /// A count's example (業務プロセス, functions).
        GuideCountExample,
        /// The yen at stake: `{worth}`.
        GuideWorth,
        /// The answers to a yes-or-no question.
        GuideYesNoChoices,
        /// Nothing given where an answer is needed: an `{example}` that works.
        GuideRequired,
        /// An answer refused: the `{value}` and the `{reason}`, with its example.
        GuideRefused,
        /// Above the command line that gives the same answer.
        GuideCommand,
        /// Once no question left changes the answer.
        GuideNoMoreQuestions,
        /// The web's two steps: headings, buttons, links, the note over the answer.
        GuideStart,
        GuideWebIntro,
        GuideStepFacility,
        GuideStepQuestions,
        GuideBedsWhen,
        GuideBeddedClinic,
        GuideLeaveBlank,
        GuideNext,
        GuideAnswer,
        GuideFullForm,
        GuideStartOver,
        GuideDepends,
    }
}
