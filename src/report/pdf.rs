//! The printed report's blocks ([`super::printed`]) set on A4 paper as a
//! PDF, with krilla: a well-kept PDF writer (the typst project's) that
//! embeds a subset of the font with its ToUnicode map, so the text of the
//! page can be searched and copied (`pdftotext` reads it). The font is the
//! system's CJK font, which the front end finds and hands over as bytes;
//! nothing here reads a file.
//!
//! Lines are broken as the terminal's are (between CJK characters, never
//! inside a number or an amount, 禁則), measured by the font's own
//! advances. The text is set at 10 pt, smaller (never under 8 pt) to keep
//! to one page; what still does not fit goes on to the next page.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::layout::{JOIN, NO_BREAK_SPACE, wrap_measured};
use super::printed::Block;
use crate::core::catalogue::Lang;
use crate::i18n::{self, Key};

/// A4, in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
/// The margins: about 15 mm at the sides, 14 mm at the top and bottom.
const MARGIN_X: f32 = 42.0;
const MARGIN_Y: f32 = 40.0;
/// The body text's size: the largest of these that keeps to one page.
const BODY_SIZES: [f32; 5] = [10.0, 9.5, 9.0, 8.5, 8.0];
/// The smallest text on the page (the small print at the foot).
pub const MIN_SIZE: f32 = 8.0;
/// A line's height, in sizes of its text.
const LEADING: f32 = 1.45;
/// A table cell's inner margin.
const CELL_PAD: f32 = 3.0;

/// A font the page can be set in: its file's bytes and its index in a
/// collection (`.ttc`).
#[derive(Clone)]
pub struct PdfFont {
    font: Font,
    data: krilla::Data,
    index: u32,
}

/// Why a font cannot set the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontError {
    /// Not a font file krilla and ttf-parser can read.
    Unreadable,
    /// A font without Japanese characters.
    NoJapanese,
}

impl PdfFont {
    /// The font at `index` of `data` (0 for a single font), if it can set
    /// Japanese text.
    pub fn new(data: Vec<u8>, index: u32) -> Result<PdfFont, FontError> {
        {
            let face = ttf_parser::Face::parse(&data, index).map_err(|_| FontError::Unreadable)?;
            // 補助金, and the digits and the yen sign of every amount.
            if "補助金円0123456789"
                .chars()
                .any(|c| face.glyph_index(c).is_none())
            {
                return Err(FontError::NoJapanese);
            }
        }
        let data = krilla::Data::from(data);
        let font = Font::new(data.clone(), index).ok_or(FontError::Unreadable)?;
        Ok(PdfFont { font, data, index })
    }
}

/// Measures text in the font, in points at a size.
struct Metrics<'f> {
    face: ttf_parser::Face<'f>,
    units_per_em: f32,
}

impl<'f> Metrics<'f> {
    fn new(data: &'f [u8], index: u32) -> Option<Metrics<'f>> {
        let face = ttf_parser::Face::parse(data, index).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        Some(Metrics { face, units_per_em })
    }

    /// The width of `text` at `size`, in points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .filter(|c| *c != JOIN)
            .map(|c| if c == NO_BREAK_SPACE { ' ' } else { c })
            .map(|c| {
                let glyph = self.face.glyph_index(c).unwrap_or_default();
                u32::from(self.face.glyph_hor_advance(glyph).unwrap_or_default())
            })
            .sum();
        units as f32 * size / self.units_per_em
    }

    /// `text` broken into lines of at most `width` points at `size`. A
    /// piece wider than a line on its own (a long URL) is cut where the
    /// line ends, as a printed page must.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        // In thousandths of a point, for the line breaker's whole numbers.
        let milli = |points: f32| (points * 1000.0).max(0.0) as u32;
        let lines = wrap_measured(text, milli(width), |piece| milli(self.width(piece, size)));
        let mut fitted = Vec::with_capacity(lines.len());
        for line in lines {
            if self.width(&line, size) <= width {
                fitted.push(line);
                continue;
            }
            let mut part = String::new();
            for c in line.chars() {
                part.push(c);
                if self.width(&part, size) > width && part.chars().count() > 1 {
                    part.pop();
                    fitted.push(std::mem::take(&mut part));
                    part.push(c);
                }
            }
            fitted.push(part);
        }
        fitted
    }
}

/// One thing to draw, placed on its page (y grows down the page).
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    /// Text whose baseline starts at (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
    },
    /// A filled box, in a shade of grey (0 black, 255 white).
    Shade { rect: [f32; 4], grey: u8 },
    /// A horizontal line.
    Rule {
        x0: f32,
        x1: f32,
        y: f32,
        width: f32,
    },
}

/// The marks of each page.
type Pages = Vec<Vec<Mark>>;

/// The PDF of `blocks` on A4, in `font`; its title (for the file's
/// properties) is the report's.
pub fn report_pdf(blocks: &[Block], font: &PdfFont, lang: Lang) -> Result<Vec<u8>, String> {
    let metrics = Metrics::new(font.data.as_ref(), font.index).ok_or_else(|| "font".to_string())?;
    let pages = BODY_SIZES
        .iter()
        .map(|&size| set(blocks, &metrics, size, lang))
        .find(|pages| pages.len() == 1)
        .unwrap_or_else(|| set(blocks, &metrics, MIN_SIZE, lang));
    let title = blocks.iter().find_map(|b| match b {
        Block::Title { title, .. } => Some(title.clone()),
        _ => None,
    });
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .language(lang.code().to_string())
        .creator(format!("subsidy {}", env!("CARGO_PKG_VERSION")));
    if let Some(title) = title {
        metadata = metadata.title(title);
    }
    document.set_metadata(metadata);
    for marks in &pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| "page size".to_string())?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for mark in marks {
            draw(&mut surface, mark, &font.font);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

fn draw(surface: &mut Surface<'_>, mark: &Mark, font: &Font) {
    match mark {
        Mark::Text { x, y, size, text } => {
            surface.set_fill(Some(Fill::default()));
            // What binds words for the line breaker is not printed.
            let text: String = text
                .chars()
                .filter(|c| *c != JOIN)
                .map(|c| if c == NO_BREAK_SPACE { ' ' } else { c })
                .collect();
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                &text,
                false,
                TextDirection::Auto,
            );
        }
        Mark::Shade { rect, grey } => {
            let [x, y, w, h] = *rect;
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(*grey, *grey, *grey).into(),
                    ..Fill::default()
                }));
                surface.draw_path(&path);
            }
        }
        Mark::Rule { x0, x1, y, width } => {
            let mut path = PathBuilder::new();
            path.move_to(*x0, *y);
            path.line_to(*x1, *y);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    width: *width,
                    paint: rgb::Color::new(90, 90, 90).into(),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}

/// Sets `blocks` with body text at `body` points: the marks of each page.
fn set(blocks: &[Block], metrics: &Metrics<'_>, body: f32, lang: Lang) -> Pages {
    let mut setter = Setter {
        metrics,
        body,
        pages: vec![Vec::new()],
        y: MARGIN_Y,
        title: String::new(),
        lang,
    };
    for block in blocks {
        setter.block(block);
    }
    setter.pages
}

/// Places blocks down the page, starting a new page where one does not fit.
struct Setter<'m, 'f> {
    metrics: &'m Metrics<'f>,
    body: f32,
    pages: Pages,
    /// Where the next line's top goes.
    y: f32,
    /// The report's title, for the head of a page after the first.
    title: String,
    lang: Lang,
}

impl Setter<'_, '_> {
    const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

    fn marks(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `height` points, on a new page if this one is full.
    fn room(&mut self, height: f32) {
        if self.y + height <= PAGE_HEIGHT - MARGIN_Y || self.y <= MARGIN_Y + 40.0 {
            return;
        }
        self.pages.push(Vec::new());
        self.y = MARGIN_Y;
        let head = i18n::text(
            self.lang,
            Key::PrintedContinued,
            &[("title", &self.title), ("page", &self.pages.len())],
        );
        self.text_lines(&head, MIN_SIZE, MARGIN_X, Self::WIDTH);
        self.y += 4.0;
    }

    /// `text` wrapped to `width` at `size`, from `x`, line by line.
    fn text_lines(&mut self, text: &str, size: f32, x: f32, width: f32) {
        for line in self.metrics.wrap(text, size, width) {
            let height = size * LEADING;
            self.room(height);
            let y = self.y + size;
            self.marks().push(Mark::Text {
                x,
                y,
                size,
                text: line,
            });
            self.y += height;
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn block(&mut self, block: &Block) {
        let body = self.body;
        match block {
            Block::Title { title, as_of } => {
                self.title = title.clone();
                let size = body + 5.0;
                let date_width = self.metrics.width(as_of, body);
                let y = self.y + size;
                let title_width = Self::WIDTH - date_width - 12.0;
                let lines = self.metrics.wrap(title, size, title_width);
                let x = PAGE_WIDTH - MARGIN_X - date_width;
                self.marks().push(Mark::Text {
                    x,
                    y,
                    size: body,
                    text: as_of.clone(),
                });
                for line in lines {
                    self.room(size * LEADING);
                    let y = self.y + size;
                    self.marks().push(Mark::Text {
                        x: MARGIN_X,
                        y,
                        size,
                        text: line,
                    });
                    self.y += size * LEADING;
                }
                let y = self.y + 1.0;
                self.marks().push(Mark::Rule {
                    x0: MARGIN_X,
                    x1: PAGE_WIDTH - MARGIN_X,
                    y,
                    width: 1.2,
                });
                self.gap(6.0);
            }
            Block::Line(text) => {
                self.text_lines(text, body, MARGIN_X, Self::WIDTH);
                self.gap(2.0);
            }
            Block::Total(text) => {
                let size = body + 3.0;
                let lines = self.metrics.wrap(text, size, Self::WIDTH - 16.0);
                let height = lines.len() as f32 * size * LEADING + 10.0;
                self.gap(4.0);
                self.room(height);
                let top = self.y;
                self.marks().push(Mark::Shade {
                    rect: [MARGIN_X, top, Self::WIDTH, height],
                    grey: 232,
                });
                self.y += 5.0;
                for line in lines {
                    let y = self.y + size;
                    self.marks().push(Mark::Text {
                        x: MARGIN_X + 8.0,
                        y,
                        size,
                        text: line,
                    });
                    self.y += size * LEADING;
                }
                self.y = top + height;
                self.gap(4.0);
            }
            Block::Heading(text) => {
                let size = body + 1.5;
                self.gap(6.0);
                // A heading stays with at least two lines after it.
                self.room(size * LEADING + 2.0 * body * LEADING);
                self.text_lines(text, size, MARGIN_X, Self::WIDTH);
                let y = self.y;
                self.marks().push(Mark::Rule {
                    x0: MARGIN_X,
                    x1: PAGE_WIDTH - MARGIN_X,
                    y,
                    width: 0.5,
                });
                self.gap(3.0);
            }
            Block::Table {
                header,
                rows,
                right,
                widths,
            } => self.table(header, rows, right, widths),
            Block::Entry { name, lines } => {
                self.room(2.0 * body * LEADING);
                self.text_lines(&format!("■ {name}"), body, MARGIN_X, Self::WIDTH);
                for line in lines {
                    self.text_lines(line, body - 0.5, MARGIN_X + 12.0, Self::WIDTH - 12.0);
                }
                self.gap(2.0);
            }
            Block::Bullets(items) => {
                for item in items {
                    let lines = self.metrics.wrap(item, body, Self::WIDTH - 12.0);
                    for (n, line) in lines.into_iter().enumerate() {
                        self.room(body * LEADING);
                        let y = self.y + body;
                        if n == 0 {
                            self.marks().push(Mark::Text {
                                x: MARGIN_X + 2.0,
                                y,
                                size: body,
                                text: "・".to_string(),
                            });
                        }
                        self.marks().push(Mark::Text {
                            x: MARGIN_X + 12.0,
                            y,
                            size: body,
                            text: line,
                        });
                        self.y += body * LEADING;
                    }
                }
            }
            Block::Small(text) => {
                let size = (body - 1.5).max(MIN_SIZE);
                if !matches!(self.marks().last(), Some(Mark::Text { size: s, .. }) if *s == size) {
                    self.gap(8.0);
                }
                self.text_lines(text, size, MARGIN_X, Self::WIDTH);
            }
        }
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>], right: &[bool], widths: &[u32]) {
        let total: u32 = widths.iter().sum::<u32>().max(1);
        let columns: Vec<(f32, f32)> = widths
            .iter()
            .scan(MARGIN_X, |x, share| {
                let width = Self::WIDTH * *share as f32 / total as f32;
                let column = (*x, width);
                *x += width;
                Some(column)
            })
            .collect();
        let size = self.body;
        self.row(header, right, &columns, size, Some(222));
        for row in rows {
            self.row(row, right, &columns, size, None);
        }
        self.gap(2.0);
    }

    /// One table row: each cell wrapped to its column, the row as tall as
    /// its tallest cell, a rule under it.
    fn row(
        &mut self,
        cells: &[String],
        right: &[bool],
        columns: &[(f32, f32)],
        size: f32,
        shade: Option<u8>,
    ) {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(columns)
            .map(|(cell, (_, width))| self.metrics.wrap(cell, size, width - 2.0 * CELL_PAD))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * size * LEADING + 2.0 * CELL_PAD;
        self.room(height);
        let top = self.y;
        if let Some(grey) = shade {
            self.marks().push(Mark::Shade {
                rect: [MARGIN_X, top, Self::WIDTH, height],
                grey,
            });
        }
        for (n, (cell, (x, width))) in wrapped.iter().zip(columns).enumerate() {
            let flush_right = right.get(n).copied().unwrap_or(false);
            for (i, line) in cell.iter().enumerate() {
                let y = top + CELL_PAD + size + i as f32 * size * LEADING;
                let x = if flush_right {
                    x + width - CELL_PAD - self.metrics.width(line, size)
                } else {
                    x + CELL_PAD
                };
                self.marks().push(Mark::Text {
                    x,
                    y,
                    size,
                    text: line.clone(),
                });
            }
        }
        self.y = top + height;
        let y = self.y;
        self.marks().push(Mark::Rule {
            x0: MARGIN_X,
            x1: PAGE_WIDTH - MARGIN_X,
            y,
            width: 0.4,
        });
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A metrics stand-in: every character one em wide, as CJK text is.
    pub(super) fn wrapped_in_ems(text: &str, ems: u32) -> Vec<String> {
        wrap_measured(text, ems, |piece| piece.chars().count() as u32)
    }

    #[test]
    fn an_amount_is_never_broken_across_lines() {
        let lines = wrapped_in_ems("受けられる補助額は6,579,000円です", 12);
        assert!(lines.iter().any(|l| l.contains("6,579,000円")), "{lines:?}");
    }
}
