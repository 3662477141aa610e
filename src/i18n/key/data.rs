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
    }
}
