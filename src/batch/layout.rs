//! The header: what each input column means (checked once, before any
//! row), and the output's columns and their names.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::read::Columns;
use super::{BatchError, EXTRA_COLUMN, Format, Options, Res, Shape};
use crate::Lang;
use crate::core::catalogue::{Catalogue, Program};
use crate::core::window::{Window, window};
use crate::i18n::Key;
use crate::input::fields::{self, Column};
use crate::input::text::shown;

/// The input's columns and what each means, and the output's columns.
pub(crate) struct Layout {
    /// The input's column names as written (CSV header, or the first JSONL object's keys).
    pub names: Arc<[Arc<str>]>,
    /// What each input column means, from its name.
    pub meanings: Vec<Column>,
    /// Input column index by name, for JSONL rows written as CSV (empty for CSV input).
    pub index: KeyIndex,
    pub output_format: Format,
    /// The result columns, in order.
    pub columns: Vec<Res>,
    /// The result columns' names as written: `result:NAME` where the input has NAME.
    pub results: Vec<String>,
    /// JSONL written as CSV has a last column for what the first object's keys miss.
    pub extra: Option<String>,
    pub lang: Lang,
    pub shape: Shape,
    /// Written for people to read (a workbook): 要確認 as questions, the
    /// combination by name, the long shape's columns in the layout's list
    /// rather than CSV's fixed order.
    pub for_people: bool,
    /// Summary shape: the programs with a grant column, by id.
    pub programs: Vec<String>,
    pub as_of: NaiveDate,
    /// The rule data's version.
    pub version: String,
}

/// Input column index by name.
type KeyIndex = HashMap<Arc<str>, usize>;

impl Layout {
    /// The layout of a run's output, from the input's column `names`,
    /// `for_people` to read or not (see [`Layout::for_people`]); refuses a
    /// header the rows could not be read by (see [`meanings`]).
    pub(super) fn new(
        names: Columns,
        input_format: Format,
        output_format: Format,
        options: &Options,
        catalogue: &Catalogue,
        for_people: bool,
    ) -> Result<Layout, BatchError> {
        let (meanings, index) = meanings(&names, input_format)?;
        // Columns every row needs, checked before any row (CSV: a JSONL
        // line may bring its keys later).
        if input_format == Format::Csv {
            required(&names, &meanings)?;
        }
        let used = |candidate: &str| {
            names
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(candidate))
        };
        // `結果:備考` where the input has a 備考 column (`result:note` in English).
        let prefix = crate::i18n::template(options.lang, Key::BatchResultPrefix);
        let unique = |name: &str| {
            let mut name = name.to_string();
            while used(&name) {
                name.insert_str(0, prefix);
            }
            name
        };
        let programs = summary_programs(catalogue, options);
        let columns = result_columns(options.shape, programs.len(), for_people);
        let results = columns
            .iter()
            .map(|column| match column {
                // A workbook names a program's column by its short name.
                Res::ProgramGrant(i) if for_people => {
                    unique(programs[*i].short_name.get(options.lang))
                }
                Res::ProgramGrant(i) => unique(programs[*i].name.get(options.lang)),
                other if for_people => unique(other.name_for_people(options.lang)),
                other => unique(other.name(options.lang)),
            })
            .collect();
        let extra = (input_format == Format::Jsonl && output_format == Format::Csv)
            .then(|| unique(EXTRA_COLUMN));
        Ok(Layout {
            names: names.into(),
            meanings,
            index,
            output_format,
            columns,
            results,
            extra,
            lang: options.lang,
            shape: options.shape,
            for_people,
            programs: programs.iter().map(|p| p.id.clone()).collect(),
            as_of: options.as_of,
            version: catalogue.receipt().version.clone(),
        })
    }
}

/// What each input column means, and (JSONL) each key's column. A header
/// is refused where a column would be misread: a money column in thousands
/// of yen, a name one or two letters from one the tool reads, and (CSV) a
/// column given twice, by its name or by two names for it (`病床数` and `beds`).
fn meanings(names: &Columns, input_format: Format) -> Result<(Vec<Column>, KeyIndex), BatchError> {
    let mut meanings = Vec::with_capacity(names.len());
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(names.len());
    let mut index = HashMap::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let column = Column::of(name);
        if column == Column::Other
            && let Some((english, unit)) = fields::scaled_unit(name)
        {
            return Err(BatchError::ScaledUnit {
                column: shown(name).into_owned(),
                unit: unit.to_string(),
                name: english.into_owned(),
            });
        }
        if column == Column::Other
            && let Some(near) = fields::near_miss(name)
        {
            return Err(BatchError::NearMiss(shown(name).into_owned(), near));
        }
        if input_format == Format::Csv {
            // `病床数` and `beds` mean the same column.
            let key = if column == Column::Other {
                name.trim().to_lowercase()
            } else {
                fields::canonical(name)
            };
            if let Some(&j) = taken.get(&key) {
                if names[j].trim() == name.trim() {
                    return Err(BatchError::DuplicateColumn(shown(name).into_owned()));
                }
                if column != Column::Other {
                    return Err(BatchError::SameMeaning(
                        shown(&names[j]).into_owned(),
                        shown(name).into_owned(),
                    ));
                }
            }
            taken.entry(key).or_insert(i);
        }
        if input_format == Format::Jsonl {
            index.entry(Arc::clone(name)).or_insert(i);
        }
        meanings.push(column);
    }
    Ok((meanings, index))
}

/// Refuses a header without a facility column, or without a cost (or a
/// column of costs), naming the column present most like it.
fn required(names: &Columns, meanings: &[Column]) -> Result<(), BatchError> {
    let has = |wanted: &dyn Fn(&Column) -> bool| meanings.iter().any(wanted);
    let missing = if !has(&|m| *m == Column::Facility) {
        Some(("facility", "施設区分"))
    } else if !has(&|m| matches!(m, Column::Cost | Column::Item | Column::CouponCosts)) {
        Some(("cost", "経費"))
    } else {
        None
    };
    match missing {
        Some((column, alias)) => Err(BatchError::MissingColumn {
            column,
            alias,
            near: fields::nearest_header(column, names).map(|n| shown(n).into_owned()),
        }),
        None => Ok(()),
    }
}

/// The programs with a grant column in the summary shape: each that can
/// be applied for on the as-of date (every program with --all), open ones
/// first, then by deadline.
fn summary_programs<'c>(catalogue: &'c Catalogue, options: &Options) -> Vec<&'c Program> {
    let mut by_window: Vec<(Window, &Program)> = catalogue
        .programs()
        .iter()
        .map(|p| (window(p, options.as_of), p))
        .filter(|(w, _)| options.all || w.can_still_apply())
        .collect();
    by_window.sort_by_key(|(w, p)| (w.rank(), w.deadline(), p.id.as_str()));
    by_window.into_iter().map(|(_, p)| p).collect()
}

/// The result columns of `shape`, with `programs` grant columns in the
/// summary; `for_people` (a workbook), with the combination by name and
/// the questions still to ask too (where each goes on its sheets is the
/// workbook's business).
fn result_columns(shape: Shape, programs: usize, for_people: bool) -> Vec<Res> {
    match shape {
        Shape::Long if for_people => Res::LONG
            .iter()
            .copied()
            .flat_map(|column| match column {
                Res::ToConfirm => vec![Res::Questions, Res::ToConfirm],
                other => vec![other],
            })
            .collect(),
        Shape::Long => Res::LONG.to_vec(),
        Shape::Summary => [Res::Row, Res::CostUsed]
            .into_iter()
            .chain((0..programs).map(Res::ProgramGrant))
            .chain([Res::RecommendedTotal])
            .chain(for_people.then_some(Res::Combination))
            .chain([
                Res::BestName,
                Res::BestGrant,
                Res::NearestDeadline,
                Res::DaysLeft,
            ])
            .chain(for_people.then_some(Res::Questions))
            .chain([
                Res::ToConfirm,
                Res::Note,
                Res::Error,
                Res::BestProgram,
                Res::AsOf,
                Res::DataVersion,
            ])
            .collect(),
    }
}
