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
        Input::InputNoItems => "none of the selected programs splits costs into items; use --cost",
        Input::InputUnknownItem => "no selected program has this item; {near}(items: {items})",
        Input::InputNoCoupons => "no selected program pays per coupon for this facility",
        Input::InputCouponRange => "a {facility} may get 1 to {max} coupons in {program}",
        Input::InputCouponCount => {
            "--coupon-cost is given {priced} times; make --coupons that number, or leave it out"
        }
        Input::InputNeedsItems => "{program} caps each cost item separately: give {items}",
        Input::InputCapitalNeedsEntity => {
            "capital is used to judge a company's size: give --entity company too (e.g. --entity company --capital 100000000)"
        }
        Input::InputCapitalNotCompany => {
            "only a company is judged by its capital; a {entity} is judged by its employees (e.g. --entity company --capital 100000000)"
        }
        Input::InputLargeCompanyWithSize => {
            "cannot be given with --large-company: state the size either with --large-company or with --entity, --capital and --employees"
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
        Input::ProfileWritten => {
            "wrote a facility profile template to {file}; fill in facility and beds, then use --profile {file}"
        }
        Input::ProfileTemplate => PROFILE_TEMPLATE,
        Input::ProfileTemplateFacts => {
            "\n# Facts the conditions ask: yes or no.\n# `subsidy show ID` lists each program's facts.\n[fact]\n"
        }
    }
}

/// The template `subsidy profile init` writes; the facts follow it.
const PROFILE_TEMPLATE: &str = "\
# A facility profile for subsidy (TOML, UTF-8).
# Use: subsidy calc --profile THIS-FILE --cost 14000000
#      subsidy plan --profile THIS-FILE
#      subsidy show ehr-sharing --profile THIS-FILE (marks this facility's tier)
# Flags given on the command line override the values in this file.
# Keys and values are written as the columns of subsidy batch.
# Keep the # before a key you do not use.

# The kind of facility (fill in): hospital, clinic or pharmacy (病院・診療所・薬局)
facility = \"\"
# Beds (fill in): a hospital has 20 or more, a clinic 0-19, a pharmacy 0;
# 許可病床数 for the Fukuoka work-environment grant
beds = \"\"
# Health checkups with a 健診部門システム in place (the EHR-sharing tiers):
# yes or no
# kenshin = \"yes\"
# Prefecture (conditions of the Fukuoka programs): 福岡県, 福岡 or fukuoka
# prefecture = \"fukuoka\"
# Legal form (the SME size test of the digitalisation and AI subsidy):
# medical-corporation, sole-proprietor or company
# entity = \"medical-corporation\"
# A company's capital (資本金の額又は出資の総額; a pharmacy company of
# 50,000,000 yen or less is an SME)
# capital = \"50,000,000\"
# Regular employees (常時使用する従業員数; an SME has 300 or fewer as a
# medical corporation, 100 as a sole proprietor, 50 as a pharmacy)
# employees = 50
# A small business (小規模事業者; the sources do not define it for medical
# providers): yes or no
# small-business = \"no\"
# Close to the minimum wage (normal frame 2/3): yes or no
# min-wage-nearby = \"no\"
# A large company, instead of capital and employees (e-trade type 1/2):
# yes or no
# large-company = \"no\"
# Business processes of the IT tool (normal frame)
# processes = 4
# Accounting, ordering and payment functions (invoice frame)
# functions = 2
# Members of a multi-party group (10 or more)
# members = 10
";
