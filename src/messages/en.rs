//! The English message table. `{name}` marks a value.

use super::Key;

/// The sentence for `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ErrorLine => "error: {message}",
        Key::InvalidValue => "invalid value '{value}' for '{flag}': {reason}",
        Key::RuleData => "rule data: {reason}",
        Key::WritingOutput => "writing output: {reason}",
        // profile, lookup, missing (issue 12)
        Key::InputMissing => "missing {flag}: {reason}",
        Key::InputNear => "did you mean '{near}'? ",
        Key::InputNearAtEnd => "; did you mean '{near}'?",
        Key::InputListSeparator => ", ",
        Key::InputCandidate => "{id} ({name})",
        Key::InputNeedsFacility => "the kind of facility: hospital, clinic or pharmacy",
        Key::InputNeedsBeds => {
            "the hospital's number of beds (a hospital has 20 beds or more, 病院は20床以上; e.g. 250)"
        }
        Key::InputNeedsProgramForVariant => {
            "variant '{variant}' is a variant of a program; the programs with it: {programs}"
        }
        Key::InputNeedsProgramId => "a program id or name (`subsidy list` shows every program)",
        Key::InputUnknownProgram => "no such program; {near}(`subsidy list` shows every id)",
        Key::InputSeveralPrograms => {
            "{count} programs have this in their name; give one of their ids: {candidates}"
        }
        Key::InputUnknownPrefecture => "not a prefecture (都道府県){near}",
        Key::InputUnknownFact => {
            "no program asks fact '{fact}'; {near}(`subsidy show ID` lists each program's facts)"
        }
        Key::InputFactTwice => "fact '{fact}' is already given as {previous}",
        Key::InputBelowOne => "must be at least 1",
        Key::InputTooManyMembers => "at most {max} members (try the number in the application)",
        Key::InputTooFewMembers => {
            "a multi-party application ({program}) needs at least {least} members"
        }
        Key::InputNoVariants => "none of the selected programs has variants",
        Key::InputNotAVariant => "not a variant of {program}; {near}(variants: {variants})",
        Key::InputUnknownVariant => "no program has this variant; {near}(variants: {variants})",
        Key::InputItemTwice => "item '{key}' is given twice",
        Key::InputNoItems => "none of the selected programs splits costs into items; use --cost",
        Key::InputUnknownItem => "no selected program has this item; {near}(items: {items})",
        Key::InputNoCoupons => "no selected program pays per coupon for this facility",
        Key::InputCouponRange => "a {facility} may get 1 to {max} coupons in {program}",
        Key::InputNeedsItems => "{program} caps each cost item separately: give {items}",
        Key::BedsHospitalTooFew => {
            "a hospital (病院) has at least 20 beds by law; 19 beds or fewer is a clinic (診療所)"
        }
        Key::BedsClinicTooMany => {
            "a clinic (診療所) has at most 19 beds; 20 beds or more is a hospital (病院)"
        }
        Key::BedsPharmacyHasNone => "a pharmacy (薬局) has no beds",
        Key::BedsTooMany => "more beds than any hospital has; give the 許可病床数 (at most {max})",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself).
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    let _ = (command, arg);
    None
}
