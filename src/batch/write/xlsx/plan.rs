//! Where each of a row's cells goes in a workbook made for people, and how
//! its first sheet is printed.
//!
//! The rows come as every writer gets them (the input's cells, the result
//! columns, the extra column). The first sheet puts the client's own
//! columns first (those the tool passes through: `facility_id`, 施設名 …),
//! then what the client reads (the recommended total and its programs, or
//! each program's grant and its 択一 group; deadlines, questions, notes),
//! then the rest (the input's other columns, each program's grant …).
//! Ids, the columns to fill and the run's constants go to the technical
//! sheet, row for row, with the row number that joins the two. The first
//! columns, up to what the client reads, are the printed area: A4
//! landscape, the header repeated on each page, at most [`PAGE_COLUMNS`]
//! columns a page, never smaller than [`MIN_SCALE`] % of 11 pt.

use crate::batch::{Layout, Res, Shape};
use crate::input::fields::{ClientColumn, Column, client_column};

/// The most columns a printed page holds.
pub(super) const PAGE_COLUMNS: usize = 12;
/// The smallest print scale, in percent: 11 pt × 75 % ≈ 8.3 pt, the least
/// a printed page is read at.
pub(super) const MIN_SCALE: u16 = 75;
/// Page margins, left and right, in inches (A4 landscape, 11.69 inches wide).
pub(super) const SIDE_MARGIN: f64 = 0.4;
const PAGE_WIDTH: f64 = 11.69;
/// Screen pixels an inch (Excel's column widths are in pixels at 96 dpi).
const PIXELS_AN_INCH: f64 = 96.0;
/// Of the printable width, what columns may fill: LibreOffice and Excel
/// measure a column a little differently.
const FILL: f64 = 0.95;

/// Where one of a row's cells goes: a column of the first sheet, of the
/// technical sheet, or both (the row number).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Place {
    pub main: Option<u16>,
    pub tech: Option<u16>,
}

/// How a first-sheet column is set. Its width is known before any row
/// where its text wraps (a row is as tall as its longest wrapped text,
/// decided as it is written) or where it is printed; the rest are as wide
/// as their widest text, up to a bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Look {
    /// This many half-width characters wide; text wraps to it.
    Wrap(f64),
    /// This wide, one line (amounts, dates, a label).
    Fixed(f64),
    /// As wide as its widest text, up to this; one line.
    Measured(usize),
}

impl Look {
    pub fn wraps(self) -> bool {
        matches!(self, Look::Wrap(_))
    }

    /// Its width, where it is known before the rows.
    pub fn chars(self) -> Option<f64> {
        match self {
            Look::Wrap(chars) | Look::Fixed(chars) => Some(chars),
            Look::Measured(_) => None,
        }
    }
}

/// The two sheets' columns, and how the first is set and printed.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// By the row's cells, in order.
    pub places: Vec<Place>,
    /// The first sheet's columns: the cell each shows, and how it is set.
    pub main: Vec<(usize, Look)>,
    /// The technical sheet's columns: the cell each shows.
    pub tech: Vec<usize>,
    /// The first sheet's columns printed, from the first.
    pub printed: usize,
}

/// What a reader reads first, after the client's columns: printed.
const SUMMARY_READ: [Res; 8] = [
    Res::RecommendedTotal,
    Res::Combination,
    Res::NearestDeadline,
    Res::DaysLeft,
    Res::Questions,
    Res::Note,
    Res::Error,
    Res::CostUsed,
];
const LONG_READ: [Res; 10] = [
    Res::ProgramName,
    Res::VariantName,
    Res::Tier,
    Res::OneOf,
    Res::Grant,
    Res::Recommended,
    Res::Deadline,
    Res::Questions,
    Res::Note,
    Res::Error,
];
/// The technical sheet: the row, the ids, the columns to fill, the run's
/// constants (the info sheet has them too).
const TECHNICAL: [Res; 9] = [
    Res::Row,
    Res::Program,
    Res::Variant,
    Res::TierId,
    Res::BestProgram,
    Res::ToConfirm,
    Res::AsOf,
    Res::DataVersion,
    Res::Extension,
];

impl Plan {
    /// The plan of `layout`'s rows.
    pub fn of(layout: &Layout) -> Plan {
        let inputs = layout.names.len();
        let results = layout.columns.len();
        let cells = inputs + results + usize::from(layout.extra.is_some());
        let result_at = |wanted: Res| layout.columns.iter().position(|c| *c == wanted);
        let read: &[Res] = match layout.shape {
            Shape::Summary => &SUMMARY_READ,
            Shape::Long => &LONG_READ,
        };
        let is_client = |i: usize| layout.meanings.get(i) == Some(&Column::Other);
        let mut main: Vec<(usize, Look)> = Vec::with_capacity(cells);
        // The client's columns, as the input has them: a name wider than an id.
        for i in (0..inputs).filter(|&i| is_client(i)) {
            let chars = match client_column(&layout.names[i]) {
                Some(ClientColumn::Id) => 10.0,
                Some(ClientColumn::Name) => 20.0,
                None => 14.0,
            };
            main.push((i, Look::Wrap(chars)));
        }
        for column in read {
            if let Some(at) = result_at(*column) {
                main.push((inputs + at, look_of(*column)));
            }
        }
        let printed = main.len();
        // The rest: the results not read first nor technical, in the
        // layout's order (each program's grant …), the input's columns the
        // tool reads, what a JSONL line held beyond them, and the row.
        for (at, column) in layout.columns.iter().enumerate() {
            let placed = read.contains(column) || TECHNICAL.contains(column);
            if !placed {
                main.push((inputs + at, look_of(*column)));
            }
        }
        for i in (0..inputs).filter(|&i| !is_client(i)) {
            main.push((i, Look::Measured(20)));
        }
        if layout.extra.is_some() {
            main.push((inputs + results, Look::Measured(40)));
        }
        if let Some(at) = result_at(Res::Row) {
            main.push((inputs + at, Look::Fixed(7.0)));
        }
        let mut tech: Vec<usize> = Vec::new();
        for column in &TECHNICAL {
            if let Some(at) = result_at(*column) {
                tech.push(inputs + at);
            }
        }
        let mut places = vec![Place::default(); cells];
        for (col, (cell, _)) in main.iter().enumerate() {
            places[*cell].main = u16::try_from(col).ok();
        }
        for (col, cell) in tech.iter().enumerate() {
            places[*cell].tech = u16::try_from(col).ok();
        }
        Plan {
            places,
            main,
            tech,
            printed,
        }
    }
}

/// How a result column is set on the first sheet.
fn look_of(column: Res) -> Look {
    match column {
        Res::Questions => Look::Wrap(44.0),
        Res::Combination => Look::Wrap(30.0),
        Res::Note => Look::Wrap(26.0),
        Res::ProgramName => Look::Wrap(26.0),
        Res::BestName => Look::Wrap(24.0),
        Res::VariantName => Look::Wrap(22.0),
        Res::Tier => Look::Wrap(18.0),
        // Empty on most rows.
        Res::Error => Look::Wrap(14.0),
        // Yen up to 100,000,000円.
        Res::RecommendedTotal
        | Res::Grant
        | Res::Recommended
        | Res::CostUsed
        | Res::SelfBurden
        | Res::BestGrant => Look::Fixed(13.0),
        // A program's grant, under its short name (which wraps in the header).
        Res::ProgramGrant(_) => Look::Fixed(20.0),
        Res::Deadline | Res::NearestDeadline | Res::AsOf => Look::Fixed(11.0),
        Res::DaysLeft => Look::Fixed(7.0),
        Res::OneOf => Look::Fixed(5.0),
        _ => Look::Measured(20),
    }
}

/// The height of a row of `lines` lines of 11 pt text, in points: a line
/// as Excel sets 11 pt (15), and a little for the cell's edges.
pub(super) fn row_height(lines: usize) -> f64 {
    lines as f64 * 15.0 + 3.0
}

/// How many lines `text` takes wrapped in a column `chars` wide: each of
/// its lines as many as its width needs, a kanji counting two characters
/// (as a Japanese font beside 11 pt Calibri takes, in Excel; LibreOffice
/// sets them a little narrower), less one for the cell's padding.
pub(super) fn lines(text: &str, chars: f64) -> usize {
    let usable = (chars - 1.0).max(1.0);
    text.split('\n')
        .map(|line| {
            let width = unicode_width::UnicodeWidthStr::width_cjk(line) as f64;
            ((width / usable).ceil() as usize).max(1)
        })
        .sum()
}

/// The width Excel gives a column of `chars` characters, in pixels (11 pt
/// Calibri: 7 a character and 5 of padding).
pub(super) fn pixels(chars: f64) -> f64 {
    chars * 7.0 + 5.0
}

/// How the printed columns are laid on pages at a scale never under
/// [`MIN_SCALE`]: fitted to one page wide where they fit on one, else a
/// page break before each of `breaks`, at `scale`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pages {
    FitToWidth,
    Breaks { scale: u16, breaks: Vec<u32> },
}

/// A column whose text wraps is never narrowed past this many characters.
const NARROWEST: f64 = 8.0;

/// The pages for printed columns of these `widths` (in characters); the
/// widths of those that wrap (as `wraps` says) may be narrowed to fit a page.
pub(super) fn pages(widths: &mut [f64], wraps: &[bool]) -> Pages {
    let room = (PAGE_WIDTH - 2.0 * SIDE_MARGIN) * PIXELS_AN_INCH * FILL;
    let room_at = |scale: u16| room * 100.0 / f64::from(scale);
    let total = |widths: &[f64]| widths.iter().map(|w| pixels(*w)).sum::<f64>();
    if widths.len() <= PAGE_COLUMNS {
        // Narrow what wraps, each in proportion (never under NARROWEST),
        // until one page holds them all at MIN_SCALE.
        for _ in 0..4 {
            let over = total(widths) - room_at(MIN_SCALE);
            let wrapping: f64 = (widths.iter().zip(wraps))
                .filter(|(w, wraps)| **wraps && **w > NARROWEST)
                .map(|(w, _)| *w - NARROWEST)
                .sum();
            if over <= 0.0 || wrapping <= 0.0 {
                break;
            }
            // What each gives up is its share of what can be given up.
            let give = (over / 7.0 / wrapping).min(1.0);
            for (w, _) in widths.iter_mut().zip(wraps).filter(|(_, wraps)| **wraps) {
                if *w > NARROWEST {
                    *w = (*w - (*w - NARROWEST) * give).floor().max(NARROWEST);
                }
            }
        }
        if total(widths) <= room_at(MIN_SCALE) {
            return Pages::FitToWidth;
        }
    }
    // Several pages across, each at most PAGE_COLUMNS columns and a page wide.
    let limit = room_at(MIN_SCALE);
    let mut breaks = Vec::new();
    let (mut on_page, mut used) = (0, 0.0);
    let mut widest_page: f64 = 0.0;
    for (col, width) in widths.iter().enumerate() {
        let w = pixels(*width);
        if on_page > 0 && (on_page == PAGE_COLUMNS || used + w > limit) {
            breaks.push(col as u32);
            widest_page = widest_page.max(used);
            (on_page, used) = (0, 0.0);
        }
        on_page += 1;
        used += w;
    }
    widest_page = widest_page.max(used);
    // As large as the widest page allows, up to 100 %.
    let scale = ((room * 100.0 / widest_page).floor() as u16).clamp(MIN_SCALE, 100);
    Pages::Breaks { scale, breaks }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten columns that fit are fitted to the page; wide ones that wrap are
    /// narrowed until they fit at 75 % or more.
    #[test]
    fn a_page_wide_at_no_less_than_three_quarters() {
        let mut widths = vec![8.0, 20.0, 12.0, 30.0, 10.0, 8.0, 30.0, 20.0, 10.0, 12.0];
        assert_eq!(pages(&mut widths, &[false; 10]), Pages::FitToWidth);
        let mut wide = vec![60.0; 10];
        let wraps = [true; 10];
        assert_eq!(pages(&mut wide, &wraps), Pages::FitToWidth);
        assert!(
            wide.iter().all(|w| *w >= NARROWEST && *w < 60.0),
            "{wide:?}"
        );
        let room = (PAGE_WIDTH - 2.0 * SIDE_MARGIN) * PIXELS_AN_INCH * FILL;
        let used: f64 = wide.iter().map(|w| pixels(*w)).sum();
        assert!(used * f64::from(MIN_SCALE) / 100.0 <= room, "{used}");
    }

    /// Past 12 columns, pages break every 12 at most, at a scale of 75 % or more.
    #[test]
    fn more_than_twelve_columns_break_into_pages() {
        let mut widths = vec![10.0; 30];
        match pages(&mut widths, &[false; 30]) {
            Pages::Breaks { scale, breaks } => {
                assert_eq!(breaks, vec![12, 24]);
                assert!((MIN_SCALE..=100).contains(&scale), "{scale}");
            }
            other => panic!("{other:?}"),
        }
        // Columns too wide for 12 a page break sooner.
        let mut wide = vec![40.0; 13];
        let Pages::Breaks { breaks, .. } = pages(&mut wide, &[false; 13]) else {
            panic!("one page")
        };
        assert!(breaks.windows(2).all(|w| w[1] - w[0] <= 12));
        assert!(breaks[0] < 12, "{breaks:?}");
    }
}
