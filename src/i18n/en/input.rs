//! The English sentences of `Input`.

use crate::i18n::key::Input;

/// The sentence for `key`.
pub(super) fn text(key: Input) -> &'static str {
    match key {
        Input::InputMissing => "missing {flag}: {reason}",
        Input::InputNear => "did you mean '{near}'? ",
        Input::InputNearAtEnd => "; did you mean '{near}'?",
        Input::InputListSeparator => ", ",
        Input::InputCandidate => "{id} ({name})",
        Input::InputNeedsFacility => "the kind of facility: hospital, clinic or pharmacy",
        Input::InputNeedsBeds => {
            "the hospital's number of beds (a hospital has 20 beds or more, 病院は20床以上; e.g. 250)"
        }
        Input::InputNeedsBedsBeddedClinic => {
            "the clinic's number of beds (a clinic with beds, 有床診療所, has 1 to 19; e.g. 19)"
        }
        Input::InputNeedsProgramForVariant => {
            "variant '{variant}' is a variant of a program; the programs with it: {programs}"
        }
        Input::InputNeedsProgramId => "a program id or name (`subsidy list` shows every program)",
        Input::InputUnknownProgram => "no such program; {near}(`subsidy list` shows every id)",
        Input::InputSeveralPrograms => {
            "{count} programs have this in their name; give one of their ids: {candidates}"
        }
        Input::InputUnknownPrefecture => "not a prefecture (都道府県){near}",
        Input::InputUnknownFact => {
            "no program asks fact '{fact}'; {near}(`subsidy show ID` lists each program's facts)"
        }
        Input::InputFactTwice => "fact '{fact}' is already given as {previous}",
        Input::InputBelowOne => "must be at least 1",
        Input::InputTooManyMembers => "at most {max} members (try the number in the application)",
        Input::InputNoVariants => "none of the selected programs has variants",
        Input::InputNotAVariant => "not a variant of {program}; {near}(variants: {variants})",
        Input::InputUnknownVariant => "no program has this variant; {near}(variants: {variants})",
        Input::InputItemTwice => "item '{key}' is given twice",
        Input::InputNoItems => "none of the selected programs splits costs into items; use {cost}",
        Input::InputUnknownItem => "no selected program has this item; {near}(items: {items})",
        Input::InputNoCoupons => "no selected program pays per coupon for this facility",
        Input::InputCouponRange => "a {facility} may get 1 to {max} coupons in {program}",
        Input::InputCouponCount => {
            "{coupon_costs} is given {priced} times; make {coupons} that number, or leave it out"
        }
        Input::InputNeedsItems => "{program} caps each cost item separately: give {items}",
        Input::InputCapitalNeedsEntity => {
            "capital is used to judge a company's size: give {entity_field} company too (e.g. {entity_field} company {capital} 100000000)"
        }
        Input::InputCapitalNotCompany => {
            "only a company is judged by its capital; a {entity} is judged by its employees (e.g. {entity_field} company {capital} 100000000)"
        }
        Input::InputLargeCompanyWithSize => {
            "cannot be given with {large_company}: state the size either with {large_company} or with {entity_field}, {capital} and {employees}"
        }
        Input::BedsHospitalTooFew => {
            "a hospital (病院) has at least 20 beds by law; 19 beds or fewer is a clinic (診療所)"
        }
        Input::BedsClinicTooMany => {
            "a clinic (診療所) has at most 19 beds; 20 beds or more is a hospital (病院)"
        }
        Input::BedsBeddedClinicHasSome => {
            "a clinic with beds (有床診療所) has 1 to 19 (e.g. 19); a clinic with none is 無床診療所"
        }
        Input::BedsClinicWithoutBedsHasNone => {
            "a clinic without beds (無床診療所) has none (e.g. 0); a clinic with beds is 有床診療所"
        }
        Input::BedsPharmacyHasNone => "a pharmacy (薬局) has no beds",
        Input::BedsTooMany => {
            "more beds than any hospital has; give the 許可病床数 (at most {max})"
        }
        Input::ProfileAt => "{file}:{line}: {message}",
        Input::ProfileSyntax => "TOML syntax: {message}",
        Input::ProfileUnknownKey => "'{key}' is not a profile key; {near}(keys: {keys})",
        Input::ProfileNotAboutTheFacility => {
            "'{key}' is not about the facility; give it on the command line ({flag})"
        }
        Input::ProfileKeyTwice => "'{key}' is also given on line {line}",
        Input::ProfileValueType => {
            "the value of '{key}' must be text, a whole number or true/false"
        }
        Input::ProfileUnfilled => {
            "not filled in: {keys}; write their values (e.g. facility = \"hospital\", beds = 250), or put a # before a key you do not use"
        }
        Input::ProfileUnfilledKey => "{key} (line {line})",
        Input::ProfileNotUtf8 => "not UTF-8 text (save the file as UTF-8)",
        Input::ProfileCannotRead => "cannot read the profile '{file}': {reason}",
        Input::ProfileTooLarge => {
            "the profile '{file}' must be a regular file of at most {max} bytes"
        }
        Input::ProfileExists => {
            "'{file}' already exists and is not overwritten (choose another name, or remove it first)"
        }
        Input::ProfileCannotWrite => "cannot write '{file}': {reason}",
    }
}
