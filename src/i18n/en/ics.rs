//! The English sentences of `Ics`.

use crate::i18n::key::Ics;

/// The sentence for `key`.
pub(super) fn text(key: Ics) -> &'static str {
    match key {
        Ics::IcsCalendarName => "Medical-DX subsidy deadlines",
        Ics::IcsClientsCalendarName => "Medical-DX subsidy deadlines (facility list)",
        Ics::IcsSummary => "Deadline: {name}",
        Ics::IcsTitleOpens => "Applications open",
        Ics::IcsTitleCompletionBy => "Work to be completed",
        Ics::IcsTitleCostsFrom => "Cost period starts",
        Ics::IcsTitleCostsUntil => "Cost period ends",
        Ics::IcsTitleConditionCutoff => "Eligibility cut-off",
        Ics::IcsMilestoneTitle => "{what}: {name}",
        Ics::IcsTitleWithCount => "{title} ({facilities})",
        Ics::IcsFacilitiesOne => "{n} facility",
        Ics::IcsFacilitiesOther => "{n} facilities",
        Ics::IcsProgram => "Program: {program}",
        Ics::IcsOption => "- {tier}: up to {grant} (for a cost of {cost}), {eligibility}",
        Ics::IcsOptions => "Largest grant by tier (the one that fits):",
        Ics::IcsTier => "Tier: {tier}",
        Ics::IcsLargestGrant => "Largest grant: {grant} (for a cost of {cost})",
        Ics::IcsEligibility => "Eligibility: {eligibility}",
        Ics::IcsDeadline => "Deadline: {deadline}",
        Ics::IcsDeadlineRound => "Deadline ({round}): {deadline}",
        Ics::IcsMilestone => "{what}: {date}",
        Ics::IcsSource => "Source: {title} ({date})",
        Ics::IcsNextDeadline => "The program's deadline: {deadline}",
        Ics::IcsToConfirm => "To find out:",
        Ics::IcsListItem => "- {item}",
        Ics::IcsFacilities => "Facilities ({count}):",
        Ics::IcsFacility => "- {name}",
        Ics::IcsFacilityGrant => "- {name}: up to {grant}",
        Ics::IcsFacilitiesMore => "- and {rest} more",
        Ics::IcsFacilityNameId => "{name} ({id})",
        Ics::IcsFacilityRow => "the facility on row {row}",
        Ics::IcsTopsUp => "Tops up: {program}",
        Ics::IcsApply => "Apply: {url}",
        Ics::IcsContact => "Contact: {contact}",
        Ics::IcsContactHours => "{contact} ({hours})",
        Ics::IcsAsOf => "As of {as_of}, made by subsidy {command}",
        Ics::IcsAlarm => "{days} to the deadline: {name}",
        Ics::IcsMilestoneAlarm => "{what} in {days}: {name}",
    }
}
