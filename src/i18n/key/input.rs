//! The keys of [`Input`].

use super::Key;

area! {
    /// Inputs (issue 12): what is missing, not found or not allowed together,
    /// and facility profiles (src/input, src/cli/profile.rs).
    Input {
        /// An input that is missing: `{flag}` (`--beds`, the column `beds`) and `{reason}`.
        InputMissing,
        /// `did you mean '{near}'? `, before a parenthesis.
        InputNear,
        /// `; did you mean '{near}'?`, at the end.
        InputNearAtEnd,
        /// Between the items of a list in a message.
        InputListSeparator,
        /// One candidate program: `{id}` and its Japanese `{name}`.
        InputCandidate,
        /// Missing: the kind of facility.
        InputNeedsFacility,
        /// Missing: a hospital's beds.
        InputNeedsBeds,
        InputNeedsBedsBeddedClinic,
        /// Missing: the program a `{variant}` belongs to, and the `{programs}` that have it.
        InputNeedsProgramForVariant,
        /// Missing: `show` without a program.
        InputNeedsProgramId,
        /// No program has this id or name: `{near}` ([`Key::InputNear`] or empty).
        InputUnknownProgram,
        /// `{count}` programs have the text in their Japanese name: `{candidates}`.
        InputSeveralPrograms,
        /// Not a prefecture: `{near}` ([`Key::InputNearAtEnd`] or empty).
        InputUnknownPrefecture,
        /// No program asks `{fact}`: `{near}`.
        InputUnknownFact,
        /// `{fact}` is already given as `{previous}` (yes or no).
        InputFactTwice,
        /// A count that must be 1 or more.
        InputBelowOne,
        /// More group members than `{max}`.
        InputTooManyMembers,
        /// `--variant` for programs that have none.
        InputNoVariants,
        /// Not a variant of `{program}`: `{near}`, `{variants}`.
        InputNotAVariant,
        /// No program has this variant: `{near}`, `{variants}`.
        InputUnknownVariant,
        /// Item `{key}` given twice.
        InputItemTwice,
        /// `--item` for programs that split no costs.
        InputNoItems,
        /// No selected program has this item: `{near}`, `{items}`.
        InputUnknownItem,
        /// `--coupons` for programs that pay per coupon to no such facility.
        InputNoCoupons,
        /// Coupons out of 1..=`{max}` for a `{facility}` in `{program}`.
        InputCouponRange,
        InputCouponCount,
        /// `{program}` caps each item: give `{items}`.
        InputNeedsItems,
        /// A capital without `--entity company`; with another legal form `{entity}`.
        InputCapitalNeedsEntity,
        InputCapitalNotCompany,
        /// `--capital` or `--employees` together with `--large-company`.
        InputLargeCompanyWithSize,
        /// A hospital under 20 beds.
        BedsHospitalTooFew,
        /// A clinic over 19 beds.
        BedsClinicTooMany,
        BedsBeddedClinicHasSome,
        BedsClinicWithoutBedsHasNone,
        /// A pharmacy with beds.
        BedsPharmacyHasNone,
        /// More than `{max}` beds.
        BedsTooMany,
        /// A profile's error: `{file}:{line}: {message}`.
        ProfileAt,
        /// A TOML syntax error: `{message}` (the toml crate's words).
        ProfileSyntax,
        /// A key a profile does not take: `{key}`, `{near}`, `{keys}`.
        ProfileUnknownKey,
        /// A key of a batch row that is not about the facility: `{key}`, `{flag}`.
        ProfileNotAboutTheFacility,
        /// `{key}` given twice, first on `{line}`.
        ProfileKeyTwice,
        /// A value that is not text, a whole number or true/false: `{key}`.
        ProfileValueType,
        /// Keys of the template left empty (`facility = ""`): `{keys}`, each a
        /// [`Key::ProfileUnfilledKey`].
        ProfileUnfilled,
        /// One key left empty: `{key}`, `{line}`.
        ProfileUnfilledKey,
        /// The file is not UTF-8.
        ProfileNotUtf8,
        /// The profile cannot be read: `{file}`, `{reason}`.
        ProfileCannotRead,
        /// The profile is larger than `{max}` bytes, or not a file: `{file}`.
        ProfileTooLarge,
        /// `profile init -o {file}` where the file exists.
        ProfileExists,
        /// `profile init -o {file}` could not write: `{reason}`.
        ProfileCannotWrite,
    }
}
