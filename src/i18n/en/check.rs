//! The English sentences of `Check`.

use crate::i18n::key::Check;

/// The sentence for `key`.
pub(super) fn text(key: Check) -> &'static str {
    match key {
        Check::SeverityError => "error",
        Check::SeverityWarning => "warning",
        Check::CheckReceipt => {
            "catalogue {version} (newest source), sha256 {sha256}, {files} files, {programs} programs, {examples} worked examples run"
        }
        Check::CheckSummary => "check: {errors} errors, {warnings} warnings — {receipt}",
        Check::CheckFigureTooLarge => {
            "{what} {yen} is above {max} (1兆円), the most a figure may be"
        }
        Check::CheckItemCapsSum => {
            "tier '{tier}': the item caps add up to {sum}, past {max} (1兆円) from item '{item}' on; together they may be at most that"
        }
        Check::CheckPerUnitRange => {
            "tier '{tier}': per_unit.max {max} is out of range: a tier pays for 1 to {limit} units"
        }
        Check::CheckTooManyItems => {
            "tier '{tier}' lists {count} items, more than {limit}, the most a tier may have"
        }
        Check::CheckMembersMin => {
            "tier '{tier}': members_min {min} is above {limit}, the most members a tier may ask"
        }
        Check::CheckRateTooFine => {
            "tier '{tier}': rate {rate} is too fine: the numerators and denominators of the tier's rates have a least common multiple of {terms}, above {max} (1/2, 2/3, 3/4 and 4/5 make 60)"
        }
        Check::CheckIdUsedTwice => "program id '{id}' is also used by {first}",
        Check::CheckFactWordedTwice => {
            "fact '{fact}' is asked in other words than in {first} (a fact is asked in one sentence; the source's wording goes in the cite)"
        }
        Check::CheckShortNameLong => {
            "short name '{name}' has {chars} characters; keep it to {max} (a calendar title a phone shows whole)"
        }
        Check::CheckShortNameTwice => {
            "short name '{name}' is also the short name of the program in {first} (a calendar would show two events of one title on one day; give each program its own)"
        }
        Check::CheckNotKebab => "{what} '{id}' is not kebab-case (a-z, 0-9, single hyphens)",
        Check::CheckIdTwice => "{section} id '{id}' appears twice",
        Check::CheckRelationUnknown => "relation names program '{id}', which does not exist",
        Check::CheckVariantPairUnknown => {
            "variant pair names '{variant}', not a variant of {program}"
        }
        Check::CheckConditionUnknown => "condition requires program '{id}', which does not exist",
        Check::CheckTierNeedsVariant => "tier '{tier}' needs a variant: the program has variants",
        Check::CheckTierItemUnknown => {
            "tier names item '{item}', which is not among the program's [[items]]"
        }
        Check::CheckExampleTierUnknown => "example names tier '{tier}', which does not exist",
        Check::CheckNoSources => "program {id} cites no [[sources]]",
        Check::CheckNoFile => "document '{id}' names no file",
        Check::CheckUnknownSource => {
            "source '{id}' is not a document of the registry {registry} (its ids: {ids})"
        }
        Check::CheckDocumentChanged => {
            "document '{id}' ({file}) has SHA-256 {actual}, but the registry records {expected}: re-verify its figures and quotes, then record the new hash"
        }
        Check::CheckSha256Form => "document '{id}': sha256 must be 64 lower-case hex digits",
        Check::CheckNoUrl => {
            "the address '{url}' is not a web address; give one that starts with https:// or http:// (e.g. https://example.org/apply)"
        }
        Check::CheckStaleSource => {
            "document '{id}' is dated {date}, more than {days} days before {as_of}"
        }
        Check::CheckUnknownDocument => {
            "document '{id}' is the file '{seed}', which is not in the documents directory"
        }
        Check::CheckQuoteNotFound => {
            "the quote 「{quote}」 is not in the document {document} (white space and line breaks ignored)"
        }
        Check::CheckCiteNoPlace => "a {place} citation does not say where in source '{source}'",
        Check::CheckCapZero => "tier '{tier}': {key} must be above 0",
        Check::CheckItemCapZero => "tier '{tier}': item '{item}' has a cap of 0",
        Check::CheckNoCap => "tier '{tier}' has no cap at all",
        Check::CheckMinAboveCap => "tier '{tier}': grant_min {min} is above grant_cap {cap}",
        Check::CheckRangeEmpty => "tier '{tier}': {what} range {low}–{high} is empty",
        Check::CheckUnreachableCap => {
            "tier '{tier}': the published cap {cap} can never be paid (at most {payable}); add a cap_note explaining it"
        }
        Check::CheckOpensAfterDeadline => {
            "applications open {opens}, after the deadline {deadline}"
        }
        Check::CheckCompletionAfterDeadline => {
            "work must be completed by {done}, after the last deadline {deadline}"
        }
        Check::CheckCostPeriodInverted => "the cost period starts {from}, after it ends {until}",
        Check::CheckAllDeadlinesPassed => "every deadline has passed (the last was {last})",
        Check::CheckTierOverlap => {
            "tiers '{first}' and '{second}' both match a {class} with {beds} beds"
        }
        Check::CheckVariantCoverage => {
            "variant '{variant}' has no tier for {classes}, which other variants cover"
        }
        Check::CheckNoExample => "tier '{tier}' has no worked example ([[examples]])",
        Check::CheckExampleInvalid => "example for tier '{tier}' is not valid input: {reason}",
        Check::CheckExampleTier => "example expects tier '{tier}', the rules chose {got}",
        Check::CheckExampleGrant => {
            "example for tier '{tier}' expects a grant of {expected}, the rules pay {got}"
        }
        Check::CheckExampleEligibilityWord => {
            "eligibility '{value}' is not eligible, unknown or ineligible"
        }
        Check::CheckExampleEligibility => {
            "example for tier '{tier}' expects {expected}, the rules say {got}"
        }
        Check::CheckExampleNoTier => "example expects tier '{tier}', the rules chose none",
        Check::CheckExampleNoGrant => {
            "example for tier '{tier}' expects a grant of {expected}, the rules pay nothing"
        }
        Check::CheckExampleUnexpectedGrant => {
            "example for tier '{tier}' expects no amount, the rules pay {got}"
        }
        Check::CheckExampleWindowWord => {
            "window '{value}' is not open, not-yet-open, opening-not-stated, closed or unknown"
        }
        Check::CheckExampleWindowNoDate => {
            "example for tier '{tier}' states a window but no as_of to judge it on"
        }
        Check::CheckExampleWindow => {
            "example for tier '{tier}' expects the window {expected} on {as_of}, the rules say {got}"
        }
        Check::CheckWhatTierKey => "tier '{tier}': {key}",
        Check::CheckWhatItemKey => "tier '{tier}': item '{item}' {key}",
        Check::CheckWhatGroupCap => "tier '{tier}': group grant_cap",
        Check::CheckWhatExampleKey => "example for tier '{tier}': {key}",
        Check::CheckWhatExampleItem => "example for tier '{tier}': item '{item}'",
        Check::CheckKebabProgram => "program id",
        Check::CheckKebabTier => "tier id",
        Check::CheckKebabVariant => "variant id",
        Check::CheckKebabItem => "item key",
        Check::CheckKebabCondition => "condition id",
        Check::CheckKebabFact => "fact id",
    }
}
