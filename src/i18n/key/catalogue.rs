//! The keys of [`Catalogue`].

use super::Key;

area! {
    /// Names and labels of the catalogue's kinds (src/core/catalogue.rs).
    Catalogue {
        FacilityHospital,
        FacilityClinic,
        FacilityPharmacy,
        EntityMedicalCorporation,
        EntitySoleProprietor,
        EntityCompany,
        RoundingTruncate1000,
        RoundingHalfUp1,
        RoundingNoneStated,
        DateDeadline,
        DateOpens,
        DateCompletionBy,
        DateCostsFrom,
        DateCostsUntil,
        DateConditionCutoff,
        TaxIncluded,
        TaxExcluded,
        TaxNotStated,
        RankHigh,
        RankLowMedium,
        RankLowest,
    }
}
