//! The keys of [`Sentence`].

use super::Key;

area! {
    /// Sentences on the screen with values in them (src/report).
    Sentence {
        /// Two grants stacked on one cost: `{base}`, `{top}` (row numbers), their
        /// grants `{base_grant}`, `{top_grant}`, the `{combined}` grant and the `{self_pay}`.
        StackSum,
        StatusOpenDays,
        StatusNotYetOpenFrom,
        NoDeadlineStated,
        FacilityWithBeds,
        WithCheckups,
        WithoutCheckups,
        /// The applicant's size in the facility line: `・{entity}`, `・資本金{capital}円`, `・従業員{employees}人`, `・大企業等`.
        WithEntity,
        WithCapital,
        WithEmployees,
        WithLargeCompany,
        /// `--explain` and `show`: the size test (004's table of 中小企業・小規模事業者等).
        SizeLabel,
        /// `{facility} → {outcome}`, and with the `{rule}` of the table applied.
        SizeLine,
        SizeLineWithRule,
        SizeSme,
        SizeLarge,
        /// Not known yet: `{how}` gives it.
        SizeUnknown,
        /// A row of the table: `{capital}`, `{employees}`.
        SizeRuleCapitalOrEmployees,
        SizeRuleEmployees,
        SizeRuleCapital,
        /// The table has no limits for this legal form here.
        SizeRuleNone,
        /// `show`: the table's heading, and one legal form of a row: `{entity}`, `{rule}`.
        ShowSmeLimits,
        ShowSmeLimit,
        DaysLeft,
        ClosesToday,
        OpensOn,
        NothingAppliesSeeAbove,
        NothingApplies,
        NothingAppliesPlan,
        CanApplyCount,
        SummaryLargest,
        NearestDeadline,
        WhenOpen,
        WhenNotYetOpen,
        WhenClosed,
        LeftOutLine,
        Parenthesized,
        PerLicensedBed,
        PerMember,
        /// `show` with a facility: the `{tiers}` that fit `{facility}`.
        ShowFacilityTiers,
        /// `show` with a facility that no tier fits.
        ShowNoFacilityTier,
        /// A tier of a variant in [`Key::ShowFacilityTiers`]: `{tier}`, `{variant}`.
        ShowTierOfVariant,
        PlanDiscovery,
        PlanPeriodUnknown,
        SourceDateRank,
        /// The rule data's `{version}` and its age on the as-of date
        /// (issue 24): `{days}` (a count of days) before it, …
        DataAgeOld,
        /// … on the as-of date itself, …
        DataAgeSameDay,
        /// … or `{days}` after it.
        DataAgeAhead,
        /// The data is more than `{limit}` days old: programs may have
        /// opened or changed since; `{ask}` says where to look.
        DataStale,
        /// Where to look, for one program: its `{contact}` as the sources give it.
        AskThisContact,
    }
}
