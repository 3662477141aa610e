//! An output row as typed cells, in the output's columns: the input row's
//! cells as read (in the columns of the first object's keys for JSONL
//! input), the result columns, and for JSONL written as CSV what the
//! columns do not hold. CSV and a workbook both write these cells; only
//! how each writes a cell differs.

use chrono::NaiveDate;

use super::super::columns::{Outcome, long_columns};
use super::super::read::Row;
use super::super::{Layout, Res, Shape};
use crate::input::fields::{Column, json_text};
use crate::input::spelling::columns_in;

/// One output cell, by what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::batch) enum Cell<'a> {
    /// Nothing (an empty field, no cell in a workbook).
    Empty,
    /// Text: a name, an id, a label, a message, or an input cell as read.
    /// CSV guards it against formula injection and quotes it where needed.
    Text(&'a str),
    /// An input cell as read, in a column the tool reads as amounts or
    /// counts ([`Kind`]): a workbook makes it a number when it is a plain
    /// integer; CSV writes it as the text it is.
    Input(&'a str, Kind),
    /// Yen, whole: 円 in a workbook.
    Yen(u64),
    /// A count: a row number.
    Count(u64),
    /// Days, which may be negative.
    Days(i64),
    Date(NaiveDate),
}

impl<'a> Cell<'a> {
    fn yen(yen: Option<u64>) -> Cell<'a> {
        yen.map_or(Cell::Empty, Cell::Yen)
    }

    fn date(date: Option<NaiveDate>) -> Cell<'a> {
        date.map_or(Cell::Empty, Cell::Date)
    }
}

/// What an input column holds, for a spreadsheet: amounts and counts in
/// the columns the tool reads as such; text in every other (a 13-digit
/// 法人番号 is not a number to Excel's eyes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::batch) enum Kind {
    Text,
    Yen,
    Count,
}

impl Kind {
    #[inline]
    fn of(column: Column) -> Kind {
        match column {
            Column::Cost | Column::Item => Kind::Yen,
            Column::Beds
            | Column::Processes
            | Column::Functions
            | Column::Members
            | Column::Employees
            | Column::Coupons => Kind::Count,
            _ => Kind::Text,
        }
    }
}

/// Takes an output row's cells, in column order.
pub(super) trait CellWriter {
    fn cell(&mut self, cell: Cell<'_>);

    /// A CSV row's input cells, as read (`joined` is them joined by
    /// commas), each of the kind `kind` gives its column.
    #[inline]
    fn input_cells<'a>(
        &mut self,
        joined: &'a str,
        cells: impl Iterator<Item = &'a str> + Clone,
        kind: impl Fn(usize) -> Kind,
    ) {
        let _ = joined;
        for (i, cell) in cells.enumerate() {
            self.cell(Cell::Input(cell, kind(i)));
        }
    }
}

/// Buffers reused from row to row.
#[derive(Default)]
pub(super) struct Scratch {
    /// Which of a JSONL row's pairs goes in each column.
    slots: Vec<usize>,
    text: String,
}

/// Writes an output row's cells into `out`: the input's, the result
/// columns of `outcome`, then (JSONL written as CSV) the extra column.
#[inline]
pub(super) fn row_cells(
    layout: &Layout,
    row: Row<'_>,
    outcome: &Outcome<'_>,
    scratch: &mut Scratch,
    out: &mut impl CellWriter,
) {
    let kind = |i: usize| layout.meanings.get(i).map_or(Kind::Text, |m| Kind::of(*m));
    if let (Some(cells), Some(joined)) = (row.csv_cells(), row.csv_joined()) {
        out.input_cells(joined, cells, kind);
    } else {
        place(layout, row, &mut scratch.slots);
        let pairs = row.json_pairs();
        for (i, &at) in scratch.slots.iter().enumerate() {
            match pairs.get(at).and_then(|(_, value)| json_text(value)) {
                None => out.cell(Cell::Empty),
                Some(text) => out.cell(Cell::Input(&text, kind(i))),
            }
        }
    }
    // The long shape's fixed columns (CSV, JSONL; a workbook for people
    // has its own, in the layout).
    if layout.shape == Shape::Long && !layout.for_people {
        long_result_cells(layout, row, outcome, &mut scratch.text, out);
    } else {
        for &column in &layout.columns {
            result_cell(layout, column, row, outcome, &mut scratch.text, out);
        }
    }
    if layout.extra.is_some() {
        extra_cell(layout, &scratch.slots, &mut scratch.text, row);
        out.cell(Cell::Text(&scratch.text));
    }
}

/// The long shape's result columns ([`Res::LONG`]), each named (by
/// [`long_columns`]) so that where `out.cell` is inlined (CSV, on the row
/// path) every cell's kind is known and [`result_cell`]'s match folds away.
#[inline]
fn long_result_cells(
    layout: &Layout,
    row: Row<'_>,
    outcome: &Outcome<'_>,
    scratch: &mut String,
    out: &mut impl CellWriter,
) {
    macro_rules! cells {
        ($($column:ident),*) => {
            $(result_cell(layout, Res::$column, row, outcome, scratch, out);)*
        };
    }
    long_columns!(cells);
}

/// Writes the cell of result column `column` into `out`: numbers, dates
/// and fixed words; names and ids from the catalogue (which `--data` may
/// set) and messages as text, like any input cell.
#[inline(always)]
fn result_cell(
    layout: &Layout,
    column: Res,
    row: Row<'_>,
    outcome: &Outcome<'_>,
    scratch: &mut String,
    out: &mut impl CellWriter,
) {
    let lang = layout.lang;
    // Each arm writes its own cell, so where `out.cell` is inlined (CSV, on
    // the row path) the cell's kind is known there and its match folds away.
    match column {
        Res::Row => out.cell(Cell::Count(row.line)),
        Res::Program => out.cell(Cell::Text(outcome.program)),
        Res::ProgramName => out.cell(Cell::Text(outcome.program_name)),
        Res::Variant => out.cell(Cell::Text(outcome.variant)),
        Res::VariantName => out.cell(Cell::Text(outcome.variant_name)),
        Res::TierId => out.cell(Cell::Text(outcome.tier_id)),
        Res::Tier => out.cell(Cell::Text(outcome.tier)),
        Res::OneOf => out.cell(Cell::Text(outcome.one_of)),
        Res::Eligibility => out.cell(Cell::Text(
            outcome.eligibility.map_or("", |e| e.label(lang)),
        )),
        Res::CostUsed => out.cell(Cell::yen(outcome.cost_used)),
        Res::Grant => out.cell(Cell::yen(outcome.grant)),
        Res::Recommended => out.cell(Cell::yen(outcome.recommended)),
        Res::SelfBurden => out.cell(Cell::yen(outcome.self_burden)),
        Res::Status => out.cell(Cell::Text(outcome.window.map_or("", |w| w.label(lang)))),
        Res::Deadline => out.cell(Cell::date(outcome.window.and_then(|w| w.deadline()))),
        Res::ToConfirm if outcome.to_confirm.is_empty() => out.cell(Cell::Empty),
        Res::ToConfirm => {
            columns_in(outcome.to_confirm, lang, scratch);
            out.cell(Cell::Text(scratch));
        }
        Res::Note => out.cell(Cell::Text(outcome.note)),
        Res::Error => out.cell(Cell::Text(outcome.error)),
        Res::AsOf => out.cell(Cell::Date(layout.as_of)),
        Res::DataVersion => out.cell(Cell::Text(&layout.version)),
        Res::Extension => out.cell(Cell::Text(outcome.extension)),
        Res::ProgramGrant(i) => out.cell(Cell::yen(outcome.grants.get(i).copied().flatten())),
        Res::RecommendedTotal => out.cell(Cell::yen(outcome.recommended_total)),
        Res::Combination => out.cell(Cell::Text(outcome.combination)),
        Res::Questions => out.cell(Cell::Text(outcome.questions)),
        Res::BestProgram => out.cell(Cell::Text(outcome.best.map_or("", |(id, _)| id))),
        Res::BestName => out.cell(Cell::Text(outcome.best.map_or("", |(_, name)| name))),
        Res::BestGrant => out.cell(Cell::yen(outcome.best_grant)),
        Res::NearestDeadline => out.cell(Cell::date(outcome.nearest)),
        Res::DaysLeft => out.cell(outcome.days_left.map_or(Cell::Empty, Cell::Days)),
    }
}

/// Which of a JSONL row's pairs goes in each column (`NONE` for none): the
/// first pair of the column's key. Each key is looked up once, so a row of
/// many keys costs its length, not its length squared.
fn place(layout: &Layout, row: Row<'_>, slots: &mut Vec<usize>) {
    slots.clear();
    slots.resize(layout.names.len(), NONE);
    for (at, (key, _)) in row.json_pairs().iter().enumerate() {
        if let Some(&column) = layout.index.get(key.as_ref())
            && slots[column] == NONE
        {
            slots[column] = at;
        }
    }
}

const NONE: usize = usize::MAX;

/// What a JSONL row holds that the columns do not: the keys not among the
/// first object's, and repeated keys, as a JSON object of their original
/// values; or a line that is not a JSON object, as it was read.
fn extra_cell(layout: &Layout, slots: &[usize], scratch: &mut String, row: Row<'_>) {
    scratch.clear();
    if let Some(text) = row.not_json() {
        scratch.push_str(text.unwrap_or(""));
        return;
    }
    let mut first = true;
    for (at, (key, value)) in row.json_pairs().iter().enumerate() {
        let in_columns = layout
            .index
            .get(key.as_ref())
            .is_some_and(|&column| slots[column] == at);
        if in_columns {
            continue;
        }
        scratch.push(if first { '{' } else { ',' });
        first = false;
        scratch.push_str(&serde_json::to_string(key.as_ref()).unwrap_or_default());
        scratch.push(':');
        scratch.push_str(value.get());
    }
    if !first {
        scratch.push('}');
    }
}
