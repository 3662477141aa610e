//! The English sentences of `Printed`.

use crate::i18n::key::Printed;

/// The sentence of `key`.
pub(super) fn text(key: Printed) -> &'static str {
    match key {
        Printed::PrintedTitle => "Medical DX subsidies: an estimate",
        Printed::PrintedTitleFor => "Medical DX subsidies: an estimate for {client}",
        Printed::PrintedAsOf => "As of {date}",
        Printed::PrintedFacility => "Facility: {facility}",
        Printed::PrintedSeparator => "; ",
        Printed::PrintedCost => "Project cost: {cost}",
        Printed::PrintedPrefecture => "Prefecture: {prefecture}",
        Printed::PrintedLargest => "The largest grant you can apply for: {grant} ({program})",
        Printed::PrintedNoAmount => {
            "There is a program you can apply for, but its sources do not let the grant be worked out ({program})"
        }
        Printed::PrintedNothingOpen => "No program can be applied for on this day.",
        Printed::PrintedResults => "Programs you can apply for",
        Printed::PrintedColProgram => "Program",
        Printed::PrintedColTier => "Tier",
        Printed::PrintedColGrant => "Grant",
        Printed::PrintedColDeadline => "Deadline",
        Printed::PrintedColDaysLeft => "Left",
        Printed::PrintedUnknown => "not stated",
        Printed::PrintedHowToApply => "How to apply, and whom to ask",
        Printed::PrintedApply => "Apply: {how} ({url})",
        Printed::PrintedContact => "Ask: {name}, {phone} ({hours})",
        Printed::PrintedQuestions => "Still to confirm",
        Printed::PrintedNoQuestions => "Nothing is left to confirm.",
        Printed::PrintedAskContacts => "Check with the contacts above for the current terms.",
        Printed::PrintedDataVersion => "Rule data of {version}",
        Printed::PrintedSources => "Sources: {sources}",
        Printed::PrintedCaveat => {
            "This estimate is a guide from the documents above, not a promise of a grant. Before applying, check the current terms in each program's call for applications and with its contact."
        }
        Printed::PrintedContinued => "{title} (page {page})",
        Printed::PrintedRecommended => {
            "The recommended combination: {total} in all (project cost {cost}, paid by the facility {self_burden})"
        }
        Printed::PrintedTopUp => "Top-up: {tier}",
        Printed::PrintedWorth => "{question} (the answer moves the grant by {worth})",
        Printed::ReportsColRow => "row",
        Printed::ReportsColFacility => "facility",
        Printed::ReportsColFile => "file",
        Printed::ReportsColTotal => "recommended_total_yen",
        Printed::ReportsColError => "error",
    }
}
