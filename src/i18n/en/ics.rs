//! The English sentences of `Ics`.

use crate::i18n::key::Ics;

/// The sentence for `key`.
pub(super) fn text(key: Ics) -> &'static str {
    match key {
        Ics::IcsCalendarName => "Medical-DX subsidy deadlines",
        Ics::IcsSummary => "Deadline: {name}",
        Ics::IcsProgram => "Program: {program}",
        Ics::IcsTier => "Tier: {tier}",
        Ics::IcsLargestGrant => "Largest grant: {grant} (for a cost of {cost})",
        Ics::IcsDeadline => "Deadline: {deadline}",
        Ics::IcsDeadlineRound => "Deadline ({round}): {deadline}",
        Ics::IcsEligibility => "Eligibility: {eligibility}",
        Ics::IcsToConfirm => "To confirm:",
        Ics::IcsListItem => "- {item}",
        Ics::IcsTopsUp => "Tops up: {program}",
        Ics::IcsApply => "Apply: {url}",
        Ics::IcsAsOf => "As of {as_of}, made by subsidy plan",
        Ics::IcsAlarm => "{days} to the deadline: {name}",
    }
}
