//! The English sentences of `Catalogue`.

use crate::i18n::key::Catalogue;

/// The sentence for `key`.
pub(super) fn text(key: Catalogue) -> &'static str {
    match key {
        Catalogue::FacilityHospital => "hospital",
        Catalogue::FacilityClinic => "clinic",
        Catalogue::FacilityPharmacy => "pharmacy",
        Catalogue::EntityMedicalCorporation => "medical corporation",
        Catalogue::EntitySoleProprietor => "sole proprietor",
        Catalogue::EntityCompany => "company",
        Catalogue::RoundingTruncate1000 => "amounts under 1,000 yen truncated",
        Catalogue::RoundingHalfUp1 => "rounded half up to the yen",
        Catalogue::RoundingNoneStated => {
            "no rounding rule stated (computed exactly, truncated below 1 yen)"
        }
        Catalogue::DateDeadline => "application deadline",
        Catalogue::DateOpens => "applications open",
        Catalogue::DateCompletionBy => "work completed by",
        Catalogue::DateCostsFrom => "cost period starts",
        Catalogue::DateCostsUntil => "cost period ends",
        Catalogue::DateConditionCutoff => "eligibility cut-off",
        Catalogue::TaxIncluded => "costs include consumption tax",
        Catalogue::TaxExcluded => "costs exclude consumption tax",
        Catalogue::TaxNotStated => {
            "the sources do not say whether costs include consumption tax (amounts used as given)"
        }
        Catalogue::RankHigh => "high",
        Catalogue::RankLowMedium => "low–medium",
        Catalogue::RankLowest => "lowest",
    }
}
