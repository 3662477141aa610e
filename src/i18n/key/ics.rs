//! The keys of [`Ics`].

use super::Key;

area! {
    /// `plan --format ics` and `batch --format ics`: the calendars (src/report/ics.rs).
    Ics {
        /// `plan --format ics` (src/report/ics.rs): the calendar's name.
        IcsCalendarName,
        /// `batch --format ics`: the calendar of a list of facilities.
        IcsClientsCalendarName,
        /// A deadline's title: the program's short `{name}`.
        IcsSummary,
        /// What a milestone is, by its kind: its title's word.
        IcsTitleOpens,
        IcsTitleCompletionBy,
        IcsTitleCostsFrom,
        IcsTitleCostsUntil,
        IcsTitleConditionCutoff,
        /// A milestone's title: `{what}` it is and the program's short `{name}`.
        IcsMilestoneTitle,
        /// A title in the client list's calendar: the `{title}` and how
        /// many `{facilities}` it concerns ([`Key::IcsFacilitiesOne`]).
        IcsTitleWithCount,
        /// `{n}` facilities.
        IcsFacilitiesOne,
        IcsFacilitiesOther,
        /// The event's description, line by line: the `{program}`'s name.
        IcsProgram,
        /// One option of the program, a tier (of a variant) with its largest
        /// `{grant}`, the least `{cost}` that reaches it and its `{eligibility}`.
        IcsOption,
        /// The heading of the options, where there are several (one applies).
        IcsOptions,
        /// The one option's `{tier}`, `{grant}`, `{cost}` and `{eligibility}`, line by line.
        IcsTier,
        IcsLargestGrant,
        IcsEligibility,
        /// `{deadline}`, and with the `{round}` the sources name.
        IcsDeadline,
        IcsDeadlineRound,
        /// A milestone's `{what}` (its title word) on `{date}`.
        IcsMilestone,
        /// What the sources say of it: `{title}` of the document, its `{date}`.
        IcsSource,
        /// The program's next application deadline, after a milestone: `{deadline}`.
        IcsNextDeadline,
        /// The heading of the questions still to ask, and one `{item}` under it.
        IcsToConfirm,
        IcsListItem,
        /// The heading of the facilities an event concerns (`{count}` in all),
        /// each with its `{name}` and largest `{grant}`, and `{rest}` more.
        IcsFacilities,
        IcsFacility,
        IcsFacilityGrant,
        IcsFacilitiesMore,
        /// A facility of the list by its `{name}` and `{id}` (its columns), or
        /// where it gives neither, by its `{row}`.
        IcsFacilityNameId,
        IcsFacilityRow,
        /// The `{program}` a top-up tops up.
        IcsTopsUp,
        /// Where to apply: `{url}`.
        IcsApply,
        /// The program's `{contact}` (its name and telephone number), and
        /// with the `{hours}` it answers.
        IcsContact,
        IcsContactHours,
        /// `{as_of}` and the `{command}` that made the calendar; the rule
        /// data's version and age follow on a line of their own.
        IcsAsOf,
        /// A reminder `{days}` days before the deadline of `{name}`.
        IcsAlarm,
        /// A reminder `{days}` days before a milestone (`{what}`) of `{name}`.
        IcsMilestoneAlarm,
    }
}
