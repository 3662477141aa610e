//! The keys of [`Authoring`].

use super::Key;

area! {
    /// Writing rule data: the comments of the skeletons `subsidy new`
    /// writes and of a `sources.toml` that `subsidy source add` starts
    /// (src/core/catalogue/skeleton.rs). Each is written in both languages,
    /// the user's first; none names a flag (the skeleton is data, read by
    /// every front end).
    Authoring {
        /// The head of a program skeleton: `{kind}`, its kind of rate rule.
        SkeletonHead,
        /// The word before an example value (`例`, `e.g.`).
        SkeletonExample,
        SkeletonName,
        SkeletonShortName,
        SkeletonAuthority,
        SkeletonImplementer,
        SkeletonFund,
        SkeletonSummary,
        SkeletonEligibility,
        SkeletonCoveredCosts,
        SkeletonApply,
        SkeletonContact,
        SkeletonSources,
        SkeletonDates,
        SkeletonRounding,
        SkeletonTax,
        SkeletonConditions,
        /// The program's cost items (a per-item rule).
        SkeletonItems,
        SkeletonTier,
        SkeletonCapped,
        SkeletonPerBed,
        SkeletonPerItem,
        /// One item of a per-item rule, with its own cap.
        SkeletonPerItemItem,
        SkeletonPerUnit,
        /// What a per-unit rule pays for, and how many.
        SkeletonUnit,
        SkeletonBanded,
        /// The bands of a banded rule.
        SkeletonBand,
        SkeletonExamples,
        /// The head of an `extension.toml` skeleton.
        SkeletonExtension,
        SkeletonVersion,
        /// The head of a discovery entry skeleton.
        SkeletonDiscovery,
        SkeletonFunds,
        SkeletonFigures,
        /// The head of a `sources.toml` that `subsidy source add` starts.
        SourcesHead,
    }
}
