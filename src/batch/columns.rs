//! The result columns: which there are ([`Res`]) and their names, and one
//! output row's values for them ([`Outcome`]), as codes each writer words.

use chrono::NaiveDate;

use crate::Lang;
use crate::core::catalogue::DecidedBy;
use crate::core::estimate::{Ask, Eligibility, Estimate};
use crate::core::window::Window;
use crate::i18n::Key;
use crate::input::spelling;

/// A result column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Res {
    Row,
    Program,
    ProgramName,
    Variant,
    VariantName,
    TierId,
    Tier,
    /// Long shape: the group of the rows of one facility only one of can
    /// be applied for (`A`, `B` …; empty for a row that stands alone).
    OneOf,
    Eligibility,
    /// The cost the row was estimated with, as read from its cost cell.
    CostUsed,
    Grant,
    /// Long shape: the result's part of its facility's recommended total
    /// (empty for results not in the best combination).
    Recommended,
    SelfBurden,
    Status,
    Deadline,
    ToConfirm,
    Note,
    Error,
    AsOf,
    DataVersion,
    /// The extension the result's program comes from (empty: the rule data itself).
    Extension,
    /// Summary shape: the grant of the program column `n`.
    ProgramGrant(usize),
    /// Summary shape: the best combination's total.
    RecommendedTotal,
    /// A workbook's summary: the programs of the best combination, by
    /// short name, each with its part of the total.
    Combination,
    /// A workbook's 要確認: what is still to ask, as questions (the
    /// columns to fill, [`Res::ToConfirm`], go to its technical sheet).
    Questions,
    BestProgram,
    BestName,
    BestGrant,
    NearestDeadline,
    DaysLeft,
}

/// The long shape's columns, in order, handed to the macro `$then` by
/// name: the one list both [`Res::LONG`] and the CSV writer's fixed order
/// (`write::cells`, where each cell's kind must be known) are made from.
macro_rules! long_columns {
    ($then:ident) => {
        $then!(
            Row,
            Program,
            ProgramName,
            Variant,
            VariantName,
            TierId,
            Tier,
            OneOf,
            Eligibility,
            CostUsed,
            Grant,
            Recommended,
            SelfBurden,
            Status,
            Deadline,
            ToConfirm,
            Note,
            Error,
            AsOf,
            DataVersion,
            Extension
        )
    };
}
pub(super) use long_columns;

/// `[Res::Row, Res::Program, …]` from the names [`long_columns`] hands over.
macro_rules! res_array {
    ($($column:ident),*) => {
        [$(Res::$column),*]
    };
}

impl Res {
    /// The long shape's columns.
    pub(super) const LONG: [Res; 21] = long_columns!(res_array);

    /// The column's name in `lang`; a program's grant column is named by
    /// its program instead (empty here).
    pub(super) fn name(self, lang: Lang) -> &'static str {
        self.key()
            .map_or("", |key| crate::i18n::template(lang, key))
    }

    /// The column's name in a workbook for people, where 要確認 is the
    /// questions and the columns to fill are named as such.
    pub(super) fn name_for_people(self, lang: Lang) -> &'static str {
        match self {
            Res::ToConfirm => crate::i18n::template(lang, Key::BatchColToConfirmColumns),
            other => other.name(lang),
        }
    }

    fn key(self) -> Option<Key> {
        Some(match self {
            Res::Row => Key::BatchColRow,
            Res::Program => Key::BatchColProgram,
            Res::ProgramName => Key::BatchColProgramName,
            Res::Variant => Key::BatchColVariant,
            Res::VariantName => Key::BatchColVariantName,
            Res::TierId => Key::BatchColTierId,
            Res::Tier => Key::BatchColTier,
            Res::OneOf => Key::BatchColOneOf,
            Res::Eligibility => Key::BatchColEligibility,
            Res::CostUsed => Key::BatchColCostUsed,
            Res::Grant => Key::BatchColGrant,
            Res::Recommended => Key::BatchColRecommended,
            Res::SelfBurden => Key::BatchColSelfBurden,
            Res::Status => Key::BatchColStatus,
            Res::Deadline => Key::BatchColDeadline,
            Res::ToConfirm => Key::BatchColToConfirm,
            Res::Note => Key::BatchColNote,
            Res::Error => Key::BatchColError,
            Res::AsOf => Key::BatchColAsOf,
            Res::DataVersion => Key::BatchColDataVersion,
            Res::Extension => Key::BatchColExtension,
            Res::ProgramGrant(_) => return None,
            Res::RecommendedTotal => Key::BatchColRecommendedTotal,
            Res::Combination => Key::BatchColCombination,
            Res::Questions => Key::BatchColQuestions,
            Res::BestProgram => Key::BatchColBestProgram,
            Res::BestName => Key::BatchColBestName,
            Res::BestGrant => Key::BatchColBestGrant,
            Res::NearestDeadline => Key::BatchColNearestDeadline,
            Res::DaysLeft => Key::BatchColDaysLeft,
        })
    }
}

/// One output row's result columns: a result (long shape), an input row's
/// summary (summary shape), or an error. Codes, not labels: each writer
/// words them (labels in CSV and xlsx, codes in JSONL).
#[derive(Default, Clone, Copy)]
pub(super) struct Outcome<'a> {
    pub program: &'a str,
    pub program_name: &'a str,
    /// The extension the program comes from; empty for the rule data itself.
    pub extension: &'a str,
    pub variant: &'a str,
    pub variant_name: &'a str,
    /// The tier that applies (one row per tier where a fact picks it).
    pub tier_id: &'a str,
    pub tier: &'a str,
    /// Long shape: the label of the one-of group the result is in (`A` …),
    /// empty where it stands alone.
    pub one_of: &'a str,
    pub eligibility: Option<Eligibility>,
    /// The cost the row was estimated with (its cost cell, read): a number
    /// whatever was typed, so a spreadsheet can sum it.
    pub cost_used: Option<u64>,
    pub grant: Option<u64>,
    /// Long shape: the result's part of the recommended total, if it is in
    /// the best combination.
    pub recommended: Option<u64>,
    pub self_burden: Option<u64>,
    pub window: Option<Window>,
    /// The input columns still to fill, by their English names:
    /// `fact:online-qual-in-place kenshin`.
    pub to_confirm: &'a str,
    /// Why a result cannot be applied for (`--all`), or that an input row
    /// has nothing to apply for.
    pub note: &'a str,
    pub error: &'a str,
    /// Summary shape: the grant for each program column.
    pub grants: &'a [Option<u64>],
    /// Summary shape: the best combination's total (none where nothing pays).
    pub recommended_total: Option<u64>,
    /// A workbook's: the best combination by short name, and what is still
    /// to ask as questions, one a line (empty for CSV and JSONL).
    pub combination: &'a str,
    pub questions: &'a str,
    /// Summary shape: the headline result's program id and name.
    pub best: Option<(&'a str, &'a str)>,
    pub best_grant: Option<u64>,
    /// Summary shape: the nearest deadline among the results shown.
    pub nearest: Option<NaiveDate>,
    pub days_left: Option<i64>,
}

impl<'a> Outcome<'a> {
    /// The result columns of an estimate; `to_confirm` is the text of
    /// [`ToConfirm`] for it.
    pub fn of(estimate: &'a Estimate<'_>, lang: Lang, to_confirm: &'a str) -> Outcome<'a> {
        let c = estimate.computation.as_ref();
        Outcome {
            program: &estimate.program.id,
            program_name: estimate.program.name.get(lang),
            extension: estimate.program.extension.as_deref().unwrap_or_default(),
            variant: estimate.variant.map_or("", |v| v.id.as_str()),
            variant_name: estimate.variant.map_or("", |v| v.name.get(lang)),
            tier_id: estimate.tier.map_or("", |t| t.id.as_str()),
            tier: estimate.tier.map_or("", |t| t.label.get(lang)),
            eligibility: Some(estimate.eligibility),
            grant: c.map(|c| c.grant),
            self_burden: c.map(|c| c.self_burden),
            window: Some(estimate.window),
            to_confirm,
            ..Outcome::default()
        }
    }

    pub fn failed(error: &'a str) -> Outcome<'a> {
        Outcome {
            error,
            ..Outcome::default()
        }
    }
}

/// The 要確認 column of an output row: the input columns that would settle
/// what its results leave open, by their English names
/// (`fact:online-qual-in-place kenshin`). Its buffers are kept from row to row.
#[derive(Default)]
pub(super) struct ToConfirm {
    pub text: String,
    columns: String,
}

impl ToConfirm {
    /// Empty, for the next output row.
    pub fn clear(&mut self) {
        self.text.clear();
    }

    /// Adds what `estimate` leaves open, each column once.
    pub fn add(&mut self, estimate: &Estimate<'_>) {
        to_confirm_into(estimate, &mut self.text, &mut self.columns);
    }
}

/// Appends the input columns that would settle what `estimate` leaves
/// open to `out`, each once; `columns` is a buffer.
fn to_confirm_into(estimate: &Estimate<'_>, out: &mut String, columns: &mut String) {
    let mut add = |column: &str| {
        if !out.split(' ').any(|c| c == column) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(column);
        }
    };
    for finding in estimate.to_confirm.iter().chain(&estimate.reasons) {
        // A condition's columns come from the conditions below, in order.
        if let Some(ask) = finding.ask().filter(|a| !matches!(a, Ask::Condition(_))) {
            columns.clear();
            spelling::english_columns_of(ask, columns);
            columns.split_whitespace().for_each(&mut add);
        }
    }
    // Facts and prefectures in the order the conditions stand, spelt as
    // `english_columns_of` spells them but without a buffer (every row).
    for outcome in estimate.conditions.iter().filter(|o| o.holds.is_none()) {
        let condition = outcome.condition;
        match (condition.decided_by, condition.fact.as_deref()) {
            (DecidedBy::Fact, Some(fact)) => {
                columns.clear();
                columns.push_str("fact:");
                columns.push_str(fact);
                add(columns);
            }
            (DecidedBy::Prefecture, _) => add("prefecture"),
            // Its finding names the columns for this facility (a pharmacy's capital).
            (DecidedBy::EntitySize, _) | (DecidedBy::Fact, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English result columns, for library users and the fuzz oracle,
    /// are the long shape's names in the English message table.
    #[test]
    fn result_columns_are_the_english_names() {
        let names: Vec<&str> = Res::LONG.iter().map(|c| c.name(Lang::En)).collect();
        assert_eq!(names, super::super::RESULT_COLUMNS);
    }
}
