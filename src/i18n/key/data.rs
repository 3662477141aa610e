//! The keys of [`Data`].

use super::Key;

area! {
    /// `--data DIR`: a catalogue that cannot be loaded (src/core/catalogue.rs).
    Data {
        DataEmpty,
        DataIdTwice,
        DataDocumentTwice,
        DataUnknownDocument,
        DataNoRegistry,
        DataDiscoveryIdTaken,
        DataTooLargeTogether,
        DataFileTooLarge,
        DataNotRegular,
        DataNotUtf8,
        /// What a path that is not a regular file is ([`Key::DataNotRegular`]'s `{kind}`).
        DataKindFifo,
        DataKindDevice,
        DataKindSocket,
        DataKindDirectory,
        DataKindOther,
        /// A program file that grew past the limit while it was read: `{max}`.
        DataFileGrew,
        /// A rate that is not a fraction (`{rate}`, quoted).
        RateNotAFraction,
        /// A rate of 0 or above 1 (`{rate}`, quoted).
        RateOutOfRange,
        /// What a program file breaks, after the program (and tier or condition) it is in.
        DataInProgram,
        DataInTier,
        DataInCondition,
        DataCiteUnknown,
        DataRoundingNeedsCite,
        DataDecidedByKey,
        /// A program's `short_name` blank in `{lang}` (`ja` or `en`).
        DataShortNameEmpty,
        DataRelationNeedsProgram,
        DataRelationTakesNoProgram,
        DataTaxNeedsCite,
        DataTierUnknownVariant,
        DataTierNoFacilities,
        DataTierDefaultItem,
        DataBandedNoBands,
        /// A tier key of the shape before rate rules: `{tier}`, `{key}`, and
        /// `{to}`, where it goes now (`[tiers.rule.capped] rate`).
        DataFieldMoved,
        /// The size table (`[[sme_limits]]`): `{row}` (1-based), `{form}`, `{class}`.
        DataSmeNoFacilities,
        DataSmeNoForm,
        DataSmeNoLimit,
        DataSmeCapitalNotCompany,
        DataSmeZero,
        DataSmeClassTwice,
        DataSmeMissing,
        /// A group cap names `{part}`, which is neither `main` nor a part of the rule.
        DataGroupPartUnknown,
        /// An extension's directory without `extension.toml` (the file is named before).
        DataNoExtensionFile,
        /// `extension.toml`'s name not kebab-case: `{name}`.
        DataExtensionName,
        /// `extension.toml`'s version blank.
        DataExtensionVersion,
        /// Two extensions of one name: `{name}`, the other's directory `{other}`.
        DataExtensionNameTwice,
        /// A `discovery.toml` in an extension.
        DataExtensionDiscovery,
        /// An extension's document id a lower registry has: `{id}`, `{lower}` (that registry's file).
        DataDocumentClash,
        /// An extension's program id a lower layer has: `{id}`, `{lower}` (its file), `{layer}`.
        DataIdClash,
        /// The first layer (built-in or `--data`), in [`Key::DataIdClash`].
        DataFirstLayer,
        /// The first layer when it is the built-in catalogue.
        DataBuiltinLayer,
        /// `replaces` names no program of the layers below: `{id}`.
        DataReplacesUnknown,
        /// `replaces` in the first layer, which has none below it.
        DataReplacesInBase,
        /// `replaces` without `replaces_reason`.
        DataReplacesNeedsReason,
        /// `replaces_reason` without `replaces`.
        DataReasonWithoutReplaces,
        /// `replaces` not a program id: `{id}`.
        DataReplacesNotAnId,
        /// A value left as the skeleton's blank (`＿＿`): `{field}`, and
        /// `{example}`, a value that would fill it.
        DataUnfilled,
        /// A blank with no example at hand: `{field}`.
        DataUnfilledBare,
        /// After the first blank, when loading refuses: `{more}` others.
        DataUnfilledMore,
    }
}
