//! The keys of [`Ics`].

use super::Key;

area! {
    /// `plan --format ics`: the calendar (src/report/ics.rs).
    Ics {
        /// `plan --format ics` (src/report/ics.rs): the calendar's name.
        IcsCalendarName,
        /// An event's title: the program's `{name}`.
        IcsSummary,
        /// The event's description, line by line: `{program}` (name and id), `{tier}`.
        IcsProgram,
        IcsTier,
        /// `{grant}` and the least `{cost}` that reaches it.
        IcsLargestGrant,
        /// `{deadline}`, and with the `{round}` the sources name.
        IcsDeadline,
        IcsDeadlineRound,
        IcsEligibility,
        /// The heading of what to confirm, and one `{item}` under it.
        IcsToConfirm,
        IcsListItem,
        /// The `{program}` a top-up tops up.
        IcsTopsUp,
        /// Where to apply: `{url}`.
        IcsApply,
        /// `{as_of}`; the rule data's version and age follow on a line of their own.
        IcsAsOf,
        /// A reminder `{days}` days before the deadline of `{name}`.
        IcsAlarm,
    }
}
