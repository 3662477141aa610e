//! Tables with plain ASCII rules: short values in fixed columns, free text
//! in the last, which wraps; low-value columns dropped on a narrow screen,
//! and one block per row when even that does not fit.

use super::breaks::{hanging, tokens, wrap};
use super::{EMPTY, JOIN, Screen, width};

/// How a column's cells sit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One column: its header, alignment and how much it is worth keeping
/// when the screen is narrow (the lowest goes first; 0 is never dropped).
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub align: Align,
    pub drop_rank: u8,
}

impl Column {
    pub fn left(header: &str) -> Column {
        Column {
            header: header.to_string(),
            align: Align::Left,
            drop_rank: 0,
        }
    }

    pub fn right(header: &str) -> Column {
        Column {
            align: Align::Right,
            ..Column::left(header)
        }
    }

    /// Dropped on a narrow screen, lower ranks first.
    pub fn droppable(self, rank: u8) -> Column {
        Column {
            drop_rank: rank,
            ..self
        }
    }
}

/// How a row is emphasised on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    None,
    /// Bold: a row that can be applied for.
    Strong,
    /// Faint: a row shown for reference only.
    Faint,
}

/// A table whose last column holds free text (names, labels) and wraps;
/// the others hold short values (amounts, dates, ids) that never wrap.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<(Vec<String>, Emphasis)>,
}

/// The narrowest the text column may get before the table turns into blocks.
const MIN_TEXT_WIDTH: usize = 24;
/// The text column's width below which low-value columns are dropped.
const COMFORTABLE_TEXT_WIDTH: usize = 30;
const GAP: &str = "  ";

impl Table {
    /// A table with these columns; the last one wraps.
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; `cells` may hold line breaks.
    pub fn row(&mut self, cells: Vec<String>, emphasis: Emphasis) {
        self.rows.push((cells, emphasis));
    }

    fn cell_width(&self, column: usize) -> usize {
        let cells = self.rows.iter().filter_map(|(cells, _)| cells.get(column));
        cells
            .flat_map(|cell| cell.split('\n'))
            .map(width)
            .chain([width(&self.columns[column].header)])
            .max()
            .unwrap_or(0)
    }

    /// The widest piece of `column`'s cells that [`wrap`] never breaks (an
    /// id like `(online-qual-public-aid-card)`): the column is never made
    /// narrower than it while a narrower layout can do.
    fn widest_piece(&self, column: usize) -> usize {
        self.rows
            .iter()
            .filter_map(|(cells, _)| cells.get(column))
            .flat_map(|cell| cell.split('\n'))
            .flat_map(tokens)
            .map(|token| width(&token.text.replace(JOIN, "")))
            .max()
            .unwrap_or(0)
    }

    fn is_empty_column(&self, column: usize) -> bool {
        self.rows
            .iter()
            .all(|(cells, _)| cells.get(column).is_none_or(|c| c.is_empty() || c == EMPTY))
    }

    /// The table at `screen.width`: columns empty in every row left out,
    /// low-value columns dropped while the text column is cramped, and one
    /// block per row when even that does not fit.
    pub fn render(&self, screen: Screen) -> String {
        match self.fit(screen.width) {
            Some((kept, text_width)) => self.grid(&kept, text_width, screen),
            None => self.blocks(screen),
        }
    }

    /// Whether `column` is printed at this screen width.
    pub fn keeps(&self, column: usize, screen: Screen) -> bool {
        match self.fit(screen.width) {
            Some((kept, _)) => kept.contains(&column),
            None => !self.is_empty_column(column),
        }
    }

    /// The columns kept and the text column's width, or `None` for blocks.
    fn fit(&self, screen_width: usize) -> Option<(Vec<usize>, usize)> {
        let last = self.columns.len().checked_sub(1)?;
        let mut kept: Vec<usize> = (0..self.columns.len())
            .filter(|&c| c == last || !self.is_empty_column(c))
            .collect();
        let text_room = |kept: &[usize]| {
            let fixed: usize = kept
                .iter()
                .filter(|&&c| c != last)
                .map(|&c| self.cell_width(c) + GAP.len())
                .sum();
            screen_width.saturating_sub(fixed)
        };
        let natural = self.cell_width(last);
        let piece = self.widest_piece(last);
        while text_room(&kept) < COMFORTABLE_TEXT_WIDTH.min(natural).max(piece) {
            let lowest = kept
                .iter()
                .copied()
                .filter(|&c| c != last && self.columns[c].drop_rank > 0)
                .min_by_key(|&c| self.columns[c].drop_rank);
            match lowest {
                Some(c) => kept.retain(|&k| k != c),
                None => break,
            }
        }
        let room = text_room(&kept);
        (room >= MIN_TEXT_WIDTH.min(natural).max(piece)).then(|| (kept, room.min(natural)))
    }

    fn grid(&self, kept: &[usize], text_width: usize, screen: Screen) -> String {
        let last = self.columns.len() - 1;
        let widths: Vec<usize> = kept
            .iter()
            .map(|&c| {
                if c == last {
                    text_width
                } else {
                    self.cell_width(c)
                }
            })
            .collect();
        let mut out = String::new();
        let header: Vec<String> = kept
            .iter()
            .map(|&c| self.columns[c].header.clone())
            .collect();
        self.line(&mut out, kept, &widths, &header, Emphasis::None, screen);
        let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
        self.line(&mut out, kept, &widths, &rule, Emphasis::None, screen);
        let multi_line = self.rows.iter().any(|(cells, _)| {
            kept.iter()
                .zip(&widths)
                .any(|(&c, &w)| cells.get(c).is_some_and(|cell| wrap(cell, w).len() > 1))
        });
        for (n, (cells, emphasis)) in self.rows.iter().enumerate() {
            if multi_line && n > 0 {
                out.push('\n');
            }
            let wrapped: Vec<Vec<String>> = kept
                .iter()
                .zip(&widths)
                .map(|(&c, &w)| wrap(cells.get(c).map_or("", String::as_str), w))
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..height {
                let parts: Vec<String> = wrapped
                    .iter()
                    .map(|lines| lines.get(line).cloned().unwrap_or_default())
                    .collect();
                self.line(&mut out, kept, &widths, &parts, *emphasis, screen);
            }
        }
        out
    }

    /// One printed line: cells padded to their columns, trailing spaces cut.
    fn line(
        &self,
        out: &mut String,
        kept: &[usize],
        widths: &[usize],
        parts: &[String],
        emphasis: Emphasis,
        screen: Screen,
    ) {
        let mut line = String::new();
        for (i, ((&c, &w), part)) in kept.iter().zip(widths).zip(parts).enumerate() {
            if i > 0 {
                line.push_str(GAP);
            }
            let pad = " ".repeat(w.saturating_sub(width(part)));
            let text = match emphasis {
                Emphasis::None => part.clone(),
                Emphasis::Strong => screen.strong(part),
                Emphasis::Faint => screen.faint(part),
            };
            match self.columns[c].align {
                Align::Left => {
                    line.push_str(&text);
                    line.push_str(&pad);
                }
                Align::Right => {
                    line.push_str(&pad);
                    line.push_str(&text);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }

    /// One block per row, for screens too narrow for the grid: the text
    /// column first, then `header: value` for each other non-empty cell.
    fn blocks(&self, screen: Screen) -> String {
        let last = self.columns.len().saturating_sub(1);
        let mut out = String::new();
        for (n, (cells, emphasis)) in self.rows.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let style = |text: &str| match emphasis {
                Emphasis::None => text.to_string(),
                Emphasis::Strong => screen.strong(text),
                Emphasis::Faint => screen.faint(text),
            };
            // A `#` column numbers the block: `[1] 電子カルテ…`.
            let numbered = self.columns.first().is_some_and(|c| c.header == "#");
            let title = match cells.first() {
                Some(n) if numbered => {
                    format!("[{n}] {}", cells.get(last).map_or("", String::as_str))
                }
                _ => cells.get(last).cloned().unwrap_or_default(),
            };
            for line in wrap(&title, screen.width) {
                out.push_str(&style(&line));
                out.push('\n');
            }
            for (c, column) in self
                .columns
                .iter()
                .enumerate()
                .take(last)
                .skip(usize::from(numbered))
            {
                let value = cells.get(c).map_or("", String::as_str);
                if value.is_empty() || value == EMPTY {
                    continue;
                }
                let label = format!("  {}: ", column.header);
                let text = hanging(&label, &value.replace('\n', " "), screen.width);
                out.push_str(&style(text.trim_end_matches('\n')));
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_table_drops_low_value_columns_then_becomes_blocks() {
        let mut table = Table::new(vec![
            Column::right("#"),
            Column::right("補助額"),
            Column::right("自己負担").droppable(1),
            Column::left("制度"),
        ]);
        table.row(
            vec![
                "1".into(),
                "6,579,000円".into(),
                "7,421,000円".into(),
                "電子カルテ情報共有サービスの導入に係る補助金".into(),
            ],
            Emphasis::Strong,
        );
        let wide = table.render(Screen {
            width: 120,
            ..Screen::PLAIN
        });
        assert!(wide.contains("自己負担"), "{wide}");
        // At 54 columns the name would get 25 with 自己負担 kept, under the 30 it should have.
        let narrow = table.render(Screen {
            width: 54,
            ..Screen::PLAIN
        });
        assert!(!narrow.contains("自己負担"), "{narrow}");
        assert!(narrow.lines().all(|l| width(l) <= 54), "{narrow}");
        let blocks = table.render(Screen {
            width: 30,
            ..Screen::PLAIN
        });
        assert!(blocks.contains("  補助額: 6,579,000円"), "{blocks}");
        assert!(blocks.lines().all(|l| width(l) <= 30), "{blocks}");
    }

    /// Issue 21, item 10: with `6,579,000 yen` two columns wider than
    /// `6,579,000円`, the text column got narrower than an id in it, and
    /// `(online-qual-public-aid-card)` ran past the 80th column.
    #[test]
    fn the_text_column_is_never_narrower_than_an_id_in_it() {
        let mut table = Table::new(vec![
            Column::right("#"),
            Column::left("Eligibility"),
            Column::right("Grant"),
            Column::right("Self-pay").droppable(1),
            Column::left("Deadline"),
            Column::left("Program / tier"),
        ]);
        table.row(
            vec![
                "12".into(),
                "to confirm".into(),
                "6,579,000 yen".into(),
                "7,421,000 yen".into(),
                "2031-09-30\n1773 days left".into(),
                "Public aid card online eligibility (online-qual-public-aid-card)".into(),
            ],
            Emphasis::Strong,
        );
        for w in 40..100 {
            let text = table.render(Screen {
                width: w,
                ..Screen::PLAIN
            });
            assert!(text.lines().all(|l| width(l) <= w), "width {w}:\n{text}");
            assert!(
                text.contains("(online-qual-public-aid-card)"),
                "width {w}:\n{text}"
            );
        }
    }
}
