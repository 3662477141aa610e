//! The English sentences of `Authoring`: the comments of the skeletons.

use crate::i18n::key::Authoring;

/// The sentence for `key`.
pub(super) fn text(key: Authoring) -> &'static str {
    match key {
        Authoring::SkeletonHead => {
            "A program skeleton written by subsidy new (how the grant is figured: {kind}). One program per file.
Replace every \"＿＿\" with the words and figures of the source document. While one is left, subsidy check names its file:line, and no other command reads this directory (nothing is computed from half a rule).
Yen are integers without quotes (500_000), rates fractions in quotes (\"1/2\"), dates \"2026-07-01\".
In each cite, source is the document's id (as in sources.toml) and at the place in the document with the passage quoted in 「」; given the documents' directory, subsidy check finds each quote in its document.
Where a note says \"delete if none\", delete the line (or table) if the document says nothing of it; never fill a blank with a guess.
The steps: docs/authoring.md"
        }
        Authoring::SkeletonExample => "e.g.",
        Authoring::SkeletonName => {
            "The program's name: in Japanese as the document writes it, and short in English"
        }
        Authoring::SkeletonShortName => {
            "A short name: a calendar event's title (up to 24 characters in Japanese, 48 in English; the document's name shortened, unlike any other program's)"
        }
        Authoring::SkeletonAuthority => "Who runs it (a city, a prefecture, the state …)",
        Authoring::SkeletonImplementer => "The office or body that carries it out",
        Authoring::SkeletonFund => {
            "The fund it comes from (if the document does not say, write 出典に記載なし / Not stated in the source)"
        }
        Authoring::SkeletonSummary => "What it is for, briefly, in the document's words",
        Authoring::SkeletonEligibility => "Who may apply, in the document's words",
        Authoring::SkeletonCoveredCosts => "The costs it covers, in the document's words",
        Authoring::SkeletonApply => "How to apply, and the page that explains it (https://…)",
        Authoring::SkeletonContact => "Whom to ask: the office, its telephone number, its hours",
        Authoring::SkeletonSources => {
            "The id of the document the program draws on (subsidy source add records it in sources.toml and prints the id)"
        }
        Authoring::SkeletonDates => {
            "The window: the opening day (opens) and the deadline (deadline). If the document gives no opening day, delete that [[dates]] and write opens_not_stated, shaped as a cite (source and at), at the passage that shows it. Milestones the document dates (work completed by: completion-by; the cost period: costs-from, costs-until; a condition's cut-off: condition-cutoff) go in [[dates]] too, with a label and a cite: each is a calendar event"
        }
        Authoring::SkeletonRounding => {
            "Rounding: \"truncate-1000\" (below 1,000 yen dropped), \"round-half-up-1\" (to the yen, half up), \"none-stated\" (not stated; delete the cite line)"
        }
        Authoring::SkeletonTax => {
            "Consumption tax: \"included\", \"excluded\", \"not-stated\" (delete the cite line); evidence says why"
        }
        Authoring::SkeletonConditions => {
            "Conditions (delete if none): one for each thing the document requires. fact is its id; users answer it yes or no (subsidy show ID lists them). A worked example gives the answers in facts, as id = true (or false)"
        }
        Authoring::SkeletonItems => {
            "Cost items, where caps are set item by item; key is the name users give an item's amount under"
        }
        Authoring::SkeletonTier => {
            "A tier: one row of the table of rates and caps. facilities from \"hospital\", \"clinic\", \"pharmacy\". For several tiers, copy from [[tiers]] down to the next tier"
        }
        Authoring::SkeletonCapped => {
            "capped: min(cost, business_cost_cap) × rate, up to grant_cap; delete a cap the document does not state"
        }
        Authoring::SkeletonPerBed => {
            "per_bed: cost × rate, up to licensed beds × grant_cap_per_bed (add grant_cap = … if the facility as a whole has a cap too)"
        }
        Authoring::SkeletonPerItem => {
            "per_item: each item capped, summed, then business_cost_cap, × rate, grant_cap (delete a cap the document does not state)"
        }
        Authoring::SkeletonPerItemItem => "Each item's own business_cost_cap (one table per item)",
        Authoring::SkeletonPerUnit => {
            "per_unit: for each unit (a coupon …) min(cost, business_cost_cap) × rate, up to grant_cap, rounded unit by unit"
        }
        Authoring::SkeletonUnit => "The unit: what is paid for, and how many one facility may have",
        Authoring::SkeletonBanded => {
            "banded: the rate changes with the grant (the part of the grant up to X at 3/4, the rest at 2/3); grant_cap is the most paid"
        }
        Authoring::SkeletonBand => {
            "A band: up_to_grant is the grant where it ends; the last band has no up_to_grant"
        }
        Authoring::SkeletonExamples => {
            "Worked examples: worked by hand from the document's figures; subsidy check computes each with the same inputs and compares. eligibility is \"eligible\", \"unknown\" (to confirm) or \"ineligible\". Write the working in the cite's at. An example for each tier, cap, rounding rule and condition counts towards subsidy check's coverage"
        }
        Authoring::SkeletonExtension => {
            "The extension's name and version (a skeleton written by subsidy new). The name is lower-case letters, digits and hyphens; every result from the extension shows it"
        }
        Authoring::SkeletonVersion => {
            "The version: a number or date its authors choose; raise it when the rules change"
        }
        Authoring::SkeletonDiscovery => {
            "A program without a rate table (a skeleton written by subsidy new): its name and what it is, no amount is computed. Replace every \"＿＿\" with the document's words"
        }
        Authoring::SkeletonFunds => "What it pays for, in the document's words",
        Authoring::SkeletonFigures => "The figures the document gives (caps …; delete if none)",
        Authoring::SourcesHead => {
            "The documents this directory's programs cite (subsidy source add records them). sha256 is the SHA-256 of the document's text: subsidy check says when a document has changed"
        }
    }
}
