//! Batch output as one calendar for the whole list (`--format ics`): an
//! event per program and day on its calendar still ahead (its deadlines and
//! the milestones its sources state, [`window::calendar_ahead`]), across
//! the list, each naming the facilities it concerns; rendered by
//! [`report::facilities_ics`], as `plan`'s calendar is.
//!
//! The workers turn each row's results (the long shape's, those that can
//! be applied for) into hits: the events the row concerns, each once, with
//! the facility's label (its `name` and `facility_id` columns, or its row)
//! and its largest grant among the program's results. The sink counts them.
//!
//! **Memory.** The events are the catalogue's days ahead (a few dozen,
//! whatever the rows), and each keeps a count and the first
//! [`NAMED_AT_MOST`] facilities in the list's order, each label at most
//! [`LABEL_CHARS`] characters: the rest are counted (`ほか12件`). So the
//! calendar's size and the sink's memory are bounded by the catalogue, not
//! the list; the pieces in flight are the batch's budget as for any format.
//! A calendar names at most 20 facilities an event because a calendar
//! application shows a description on a phone's screen or two, and a
//! consultant looks the rest up in the list (the long or summary output).
//!
//! **Whole or not at all.** Nothing is written until the last row is
//! counted: the calendar is rendered and written at the end, once.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Piece, RowWriter, Sink};
use crate::Lang;
use crate::batch::columns::Outcome;
use crate::batch::pipeline::PIECE_BYTES;
use crate::batch::read::Row;
use crate::batch::{BatchError, Layout};
use crate::core::catalogue::{Catalogue, Program};
use crate::core::estimate::Eligibility;
use crate::core::money::Yen;
use crate::core::window::{self, CalendarDate};
use crate::i18n::{self, Key};
use crate::input::fields::{ClientColumn, client_column, json_text};
use crate::report::{self, FacilitiesEvent};

/// The most facilities an event names; the rest are counted.
pub(in crate::batch) const NAMED_AT_MOST: usize = 20;

/// The most characters of a facility's label (its name and id): a longer
/// one is cut, with `…`.
pub(in crate::batch) const LABEL_CHARS: usize = 40;

/// A row's concern with one event: the event, the facility's label (a
/// range of [`Hits::labels`]) and its largest grant for the program.
#[derive(Clone, Copy)]
struct Hit {
    event: u32,
    label: (u32, u32),
    grant: Option<Yen>,
}

/// Hits of rows, as a worker hands them over: each row's hits in the
/// list's order, their labels end to end in one string.
#[derive(Default)]
pub(in crate::batch) struct Hits {
    hits: Vec<Hit>,
    labels: String,
}

impl Hits {
    fn bytes(&self) -> usize {
        self.hits.len() * std::mem::size_of::<Hit>() + self.labels.len()
    }
}

impl Piece for Hits {
    fn with_room() -> Hits {
        Hits {
            hits: Vec::with_capacity(PIECE_BYTES / 2 / std::mem::size_of::<Hit>()),
            labels: String::with_capacity(PIECE_BYTES / 2),
        }
    }

    fn held(&self) -> usize {
        self.hits.capacity() * std::mem::size_of::<Hit>() + self.labels.capacity()
    }

    fn clear(&mut self) -> bool {
        self.hits.clear();
        self.labels.clear();
        self.held() <= 2 * PIECE_BYTES
    }
}

/// The calendar's events, in order, and each program's (by id).
struct Events<'c> {
    days: Vec<(&'c Program, CalendarDate<'c>)>,
    of_program: HashMap<&'c str, Vec<u32>>,
}

impl<'c> Events<'c> {
    /// Every program's days ahead of `as_of`, by day (a program's days in
    /// the catalogue's order within one).
    fn new(catalogue: &'c Catalogue, as_of: NaiveDate) -> Events<'c> {
        let mut days: Vec<(&Program, CalendarDate<'_>)> = catalogue
            .programs()
            .iter()
            .flat_map(|p| {
                window::calendar_ahead(p, as_of)
                    .into_iter()
                    .map(move |d| (p, d))
            })
            .collect();
        days.sort_by_key(|(_, day)| day.date);
        let mut of_program: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, (program, _)) in days.iter().enumerate() {
            // Far fewer than u32::MAX: a catalogue's dates.
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            of_program.entry(program.id.as_str()).or_default().push(i);
        }
        Events { days, of_program }
    }
}

/// One event as counted so far.
#[derive(Default)]
struct Tally {
    count: u64,
    named: Vec<(String, Option<Yen>)>,
}

/// A calendar for the whole list, written into `out` at the end.
pub(in crate::batch) struct IcsSink<'c, W: Write> {
    out: W,
    catalogue: &'c Catalogue,
    lang: Lang,
    as_of: NaiveDate,
    events: Events<'c>,
    /// Each program's events, by id: what the workers look up.
    of_program: Arc<HashMap<String, Vec<u32>>>,
    tallies: Vec<Tally>,
    /// Events written, once the calendar is.
    written: u64,
}

impl<'c, W: Write> IcsSink<'c, W> {
    pub fn new(out: W, catalogue: &'c Catalogue, lang: Lang, as_of: NaiveDate) -> IcsSink<'c, W> {
        let events = Events::new(catalogue, as_of);
        let of_program = (events.of_program.iter())
            .map(|(id, events)| ((*id).to_string(), events.clone()))
            .collect();
        let tallies = events.days.iter().map(|_| Tally::default()).collect();
        IcsSink {
            out,
            catalogue,
            lang,
            as_of,
            events,
            of_program: Arc::new(of_program),
            tallies,
            written: 0,
        }
    }

    /// The events the calendar holds, once it is written.
    pub fn written(&self) -> u64 {
        self.written
    }
}

impl<W: Write> Sink for IcsSink<'_, W> {
    type Piece = Hits;
    type Writer<'l> = IcsRows;

    fn writer(&self, layout: &Layout) -> IcsRows {
        IcsRows::new(Arc::clone(&self.of_program), layout)
    }

    fn begin(&mut self, _: &Layout) -> Result<(), BatchError> {
        Ok(())
    }

    fn rows(&mut self, piece: &Hits) -> Result<(), BatchError> {
        for hit in &piece.hits {
            let Some(tally) = self.tallies.get_mut(hit.event as usize) else {
                continue;
            };
            tally.count += 1;
            if tally.named.len() < NAMED_AT_MOST {
                let (start, end) = (hit.label.0 as usize, hit.label.1 as usize);
                let label = piece.labels.get(start..end).unwrap_or_default();
                tally.named.push((label.to_string(), hit.grant));
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), BatchError> {
        let tallies = std::mem::take(&mut self.tallies);
        let events: Vec<FacilitiesEvent<'_>> = (self.events.days.iter())
            .zip(tallies)
            .filter(|(_, tally)| tally.count > 0)
            .map(|((program, day), tally)| FacilitiesEvent {
                program,
                day: day.clone(),
                count: tally.count,
                named: tally.named,
            })
            .collect();
        let calendar =
            report::facilities_ics(&events, self.as_of, self.catalogue.receipt(), self.lang);
        self.out
            .write_all(calendar.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(BatchError::Write)?;
        self.written = events.len() as u64;
        Ok(())
    }
}

/// A worker's rows as hits.
pub(in crate::batch) struct IcsRows {
    of_program: Arc<HashMap<String, Vec<u32>>>,
    lang: Lang,
    /// The columns that name a facility.
    client: ClientLabel,
    piece: Hits,
    /// The row being written (its line), where its hits start in the
    /// piece, and its label once it has a hit.
    row: Option<u64>,
    row_start: usize,
    label: Option<(u32, u32)>,
}

impl IcsRows {
    fn new(of_program: Arc<HashMap<String, Vec<u32>>>, layout: &Layout) -> IcsRows {
        IcsRows {
            of_program,
            lang: layout.lang,
            client: ClientLabel::new(layout),
            piece: Hits::default(),
            row: None,
            row_start: 0,
            label: None,
        }
    }
}

/// The columns that name a facility (`name`, `facility_id` and their
/// aliases), and the label they give a row: `さくら内科（C001）`, the name or
/// the id alone, or `12行目の施設` where the row gives neither.
pub(in crate::batch) struct ClientLabel {
    /// A CSV row's cells by index, a JSONL row's keys by name.
    id_column: Option<(usize, Arc<str>)>,
    name_column: Option<(usize, Arc<str>)>,
}

impl ClientLabel {
    pub fn new(layout: &Layout) -> ClientLabel {
        let find = |wanted: ClientColumn| {
            (layout.names.iter().enumerate())
                .find(|(_, name)| client_column(name) == Some(wanted))
                .map(|(i, name)| (i, Arc::clone(name)))
        };
        ClientLabel {
            id_column: find(ClientColumn::Id),
            name_column: find(ClientColumn::Name),
        }
    }

    /// The names of the columns that name a facility, id first, as the
    /// list writes them.
    pub fn columns(&self) -> Vec<Arc<str>> {
        (self.id_column.iter())
            .chain(&self.name_column)
            .map(|(_, name)| Arc::clone(name))
            .collect()
    }

    /// `row`'s cells of [`Self::columns`], each on one line (empty where blank).
    pub fn cells(&self, row: Row<'_>) -> Vec<String> {
        (self.id_column.iter())
            .chain(&self.name_column)
            .map(|column| Self::cell(row, Some(column)).unwrap_or_default())
            .collect()
    }

    /// `row`'s label, on one line.
    pub fn of(&self, row: Row<'_>, lang: Lang) -> String {
        let cell = |column: Option<&(usize, Arc<str>)>| Self::cell(row, column);
        match (
            cell(self.name_column.as_ref()),
            cell(self.id_column.as_ref()),
        ) {
            (Some(name), Some(id)) => i18n::text(
                lang,
                Key::IcsFacilityNameId,
                &[("name", &name), ("id", &id)],
            ),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => i18n::text(lang, Key::IcsFacilityRow, &[("row", &row.line)]),
        }
    }

    /// The cell of `column` in `row`, on one line; `None` where blank.
    fn cell(row: Row<'_>, column: Option<&(usize, Arc<str>)>) -> Option<String> {
        let (at, name) = column?;
        let text = match row.csv_cells() {
            Some(mut cells) => cells.nth(*at).map(str::to_string),
            None => (row.json_pairs().iter())
                .find(|(key, _)| **key == **name)
                .and_then(|(_, value)| json_text(value).map(|t| t.into_owned())),
        }?;
        // One line of plain text: a calendar lays out its own.
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }
}

/// The facility's label ([`ClientLabel`]), added to `labels`, cut at
/// [`LABEL_CHARS`]. Returns where it lies.
fn label_of(row: Row<'_>, client: &ClientLabel, lang: Lang, labels: &mut String) -> (u32, u32) {
    let label = client.of(row, lang);
    let start = labels.len();
    match label.char_indices().nth(LABEL_CHARS) {
        Some((cut, _)) => {
            labels.push_str(&label[..cut]);
            labels.push('…');
        }
        None => labels.push_str(&label),
    }
    // A piece is handed over near PIECE_BYTES: far below u32::MAX.
    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (at(start), at(labels.len()))
}

impl RowWriter for IcsRows {
    type Piece = Hits;

    fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        if self.row != Some(row.line) {
            self.row = Some(row.line);
            self.row_start = self.piece.hits.len();
            self.label = None;
        }
        // Only what the row can still apply for (the long shape shows no
        // other by default; an error row or `nothing` names no program).
        let open = outcome.window.is_some_and(|w| w.can_still_apply())
            && outcome.eligibility != Some(Eligibility::Ineligible)
            && outcome.error.is_empty();
        let Some(events) = self.of_program.get(outcome.program).filter(|_| open) else {
            return;
        };
        for &event in events {
            let row_hits = &mut self.piece.hits[self.row_start..];
            if let Some(hit) = row_hits.iter_mut().find(|h| h.event == event) {
                hit.grant = hit.grant.max(outcome.grant);
                continue;
            }
            let label = match self.label {
                Some(label) => label,
                None => {
                    let label = label_of(row, &self.client, self.lang, &mut self.piece.labels);
                    self.label = Some(label);
                    label
                }
            };
            self.piece.hits.push(Hit {
                event,
                label,
                grant: outcome.grant,
            });
        }
    }

    fn len(&self) -> usize {
        self.piece.bytes()
    }

    fn take(&mut self, next: Hits) -> Hits {
        // Handed over between rows: the next row starts a new piece.
        self.row = None;
        self.row_start = 0;
        self.label = None;
        std::mem::replace(&mut self.piece, next)
    }
}
