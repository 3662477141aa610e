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
        Key::ProfileAt => "{file}:{line}: {message}",
        Key::ProfileSyntax => "TOML syntax: {message}",
        Key::ProfileUnknownKey => "'{key}' is not a profile key; {near}(keys: {keys})",
        Key::ProfileNotAboutTheFacility => {
            "'{key}' is not about the facility; give it on the command line ({flag})"
        }
        Key::ProfileKeyTwice => "'{key}' is also given on line {line}",
        Key::ProfileValueType => "the value of '{key}' must be text, a whole number or true/false",
        Key::ProfileNotUtf8 => "not UTF-8 text (save the file as UTF-8)",
        Key::ProfileCannotRead => "cannot read the profile '{file}': {reason}",
        Key::ProfileTooLarge => {
            "the profile '{file}' must be a regular file of at most {max} bytes"
        }
        Key::ProfileExists => {
            "'{file}' already exists and is not overwritten (choose another name, or remove it first)"
        }
        Key::ProfileCannotWrite => "cannot write '{file}': {reason}",
        Key::ProfileWritten => {
            "wrote a facility profile template to {file}; check its values, then use --profile {file}"
        }
        Key::ProfileTemplate => PROFILE_TEMPLATE,
        Key::ProfileTemplateFacts => {
            "\n# Facts the conditions ask: yes or no. `subsidy show ID` lists each program's facts.\n[fact]\n"
        }
        Key::ShowFacilityTiers => "This facility ({facility}) is in: {tiers}",
        Key::ShowNoFacilityTier => "No tier fits this facility ({facility})",
        Key::ShowTierOfVariant => "{tier} ({variant})",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself).
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    let _ = (command, arg);
    None
}

/// The template `subsidy profile init` writes; the facts follow it.
const PROFILE_TEMPLATE: &str = "\
# A facility profile for subsidy (TOML, UTF-8).
# Use: subsidy calc --profile THIS-FILE --cost 14000000
#      subsidy plan --profile THIS-FILE
#      subsidy show ehr-sharing --profile THIS-FILE (marks this facility's tier)
# Flags given on the command line override the values in this file.
# Keys and values are written as the columns of subsidy batch. Keep the # before a key you do not use.

# The kind of facility: hospital, clinic or pharmacy (病院・診療所・薬局)
facility = \"hospital\"
# Beds (a hospital has 20 or more, a clinic 0-19, a pharmacy 0); 許可病床数 for the Fukuoka work-environment grant
beds = 250
# Health checkups with a 健診部門システム in place (the EHR-sharing tiers): yes or no
# kenshin = \"yes\"
# Prefecture (conditions of the Fukuoka programs): 福岡県, 福岡 or fukuoka
# prefecture = \"fukuoka\"
# Legal form (the size test of the digitalisation and AI subsidy): medical-corporation or sole-proprietor
# entity = \"medical-corporation\"
# Regular employees (常時使用する従業員数; 300 or fewer for a medical corporation, 100 for a sole proprietor)
# employees = 50
# A small business (小規模事業者; the sources do not define it for medical providers): yes or no
# small-business = \"no\"
# Close to the minimum wage (normal frame 2/3): yes or no
# min-wage-nearby = \"no\"
# A large company (e-trade type 1/2): yes or no
# large-company = \"no\"
# Business processes of the IT tool (normal frame)
# processes = 4
# Accounting, ordering and payment functions (invoice frame)
# functions = 2
# Members of a multi-party group (10 or more)
# members = 10
";
