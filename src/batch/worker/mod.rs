//! A worker thread: estimates each chunk of rows and writes its output
//! rows, handing them to the writer in pieces.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender};

use super::budget::{Budget, Cancelled};
use super::columns::{Outcome, ToConfirm};
use super::pipeline::{ChunkPiece, PIECE_BYTES, panic_message, quietly};
use super::read::{Row, Rows};
use super::write::{Piece, RowWriter};
use super::{BatchError, Layout, Options, Shape, Summary};
use crate::Lang;
use crate::core::estimate::{Estimate, Headline, LeftOut, Query};
use crate::i18n::Key;
use crate::input::fields::{self, Column, RowError};
use crate::input::request::{Checker, Request};
use crate::report::{CalcReport, CalcView};

/// The reasons a result is left out, in the order notes count them.
const LEFT_OUT: [LeftOut; 5] = [
    LeftOut::OtherPrefecture,
    LeftOut::Ineligible,
    LeftOut::NoTier,
    LeftOut::Closed,
    LeftOut::PeriodUnknown,
];

/// How many results are left out for each reason of [`LEFT_OUT`].
type LeftOutCounts = [u32; LEFT_OUT.len()];

fn left_out_counts(estimates: &[Estimate<'_>]) -> LeftOutCounts {
    let mut counts = [0; LEFT_OUT.len()];
    for why in estimates.iter().filter_map(Estimate::left_out) {
        if let Some(at) = LEFT_OUT.iter().position(|w| *w == why) {
            counts[at] += 1;
        }
    }
    counts
}

/// `この日に申請できる制度はありません（締切済 28、対象外 1）`: why a row has
/// nothing to apply for, counted by reason.
fn nothing_note(counts: LeftOutCounts, lang: Lang) -> String {
    let reasons: Vec<String> = LEFT_OUT
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|(why, count)| {
            crate::i18n::text(
                lang,
                Key::BatchLeftOutCount,
                &[("why", &why.label(lang)), ("count", &count)],
            )
        })
        .collect();
    let separator = crate::i18n::template(lang, Key::BatchListSeparator);
    crate::i18n::text(
        lang,
        Key::BatchNothing,
        &[("reasons", &reasons.join(separator))],
    )
}

/// Reads a row's cells into `request` (reset first, its buffers kept for the
/// next row): a CSV row's cells by the header's meanings, a JSONL row's
/// keys by name. Columns the tool does not know pass through untouched.
fn request_of(row: Row<'_>, layout: &Layout, request: &mut Request) -> Result<(), RowError> {
    if let Some(cells) = row.csv_cells() {
        let read = cells.zip(layout.meanings.iter().zip(layout.names.iter()));
        let cells = read
            .filter(|(_, (column, _))| **column != Column::Other)
            .map(|(cell, (column, name))| (name.as_ref(), *column, cell));
        fields::request_of_cells(request, cells)
    } else {
        fields::request_of_pairs(request, row.json_pairs(), |key| {
            layout.index.contains_key(key)
        })
    }
}

/// How many requests a worker remembers the estimates of ([`Recent`]).
const RECENT_REQUESTS: usize = 16;
/// Rows a worker looks up in [`Recent`] before judging whether it pays: if
/// fewer than one in [`RECENT_PAYS`] was found, it rests for
/// [`RECENT_REST`] rows (a list of all different requests pays the lookup
/// on one row in 17), then tries again.
const RECENT_TRIAL: u32 = 1024;
const RECENT_PAYS: u32 = 16;
const RECENT_REST: u32 = 16 * RECENT_TRIAL;
/// A request whose cells take more bytes than this is never remembered, so
/// what [`Recent`] holds stays small whatever the rows' shape.
const RECENT_KEY_BYTES: usize = 512;

/// The estimates of the last few requests a worker read, by the cells they
/// were read from. An estimate depends only on those cells (the columns the
/// tool reads: never an id, a name or a note), the rule data and the as-of
/// date, the last two the same for the whole run: a row whose cells are
/// those of a request seen just before is written from its estimates, not
/// read and estimated again. Lists often repeat a request (a vendor's
/// package at one price for many clinics); a list of all different requests
/// pays one comparison a row. Only CSV rows, and only requests read without
/// an error, are remembered.
struct Recent<'c> {
    entries: Vec<Remembered<'c>>,
    /// The entry replaced next (oldest first).
    next: usize,
    /// The runs of adjacent columns the tool reads, as `first..end`.
    runs: Vec<(usize, usize)>,
    /// The current row's key, built in place, and its hash.
    key: Vec<u8>,
    hash: u64,
    /// The entry the current row's estimates were taken from, to be put back.
    taken: Option<usize>,
    /// The current row's estimates were made from its key's cells, without error.
    fresh: bool,
    /// Rows looked up and found in this trial, and rows left to rest.
    looked: u32,
    found: u32,
    resting: u32,
}

struct Remembered<'c> {
    hash: u64,
    key: Vec<u8>,
    cost: Option<u64>,
    estimates: Vec<Estimate<'c>>,
    query: Option<Query>,
}

impl<'c> Recent<'c> {
    fn new(layout: &Layout) -> Recent<'c> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (i, column) in layout.meanings.iter().enumerate() {
            match runs.last_mut() {
                _ if *column == Column::Other => {}
                Some((_, end)) if *end == i => *end = i + 1,
                _ => runs.push((i, i + 1)),
            }
        }
        Recent {
            entries: Vec::with_capacity(RECENT_REQUESTS),
            next: 0,
            runs,
            key: Vec::with_capacity(RECENT_KEY_BYTES),
            hash: 0,
            taken: None,
            fresh: false,
            looked: 0,
            found: 0,
            resting: 0,
        }
    }

    /// Makes `row`'s key: the text of each run of adjacent columns the tool
    /// reads, with where each cell ends in it (so no two rows' cells make the
    /// same key), and its hash. False when the row cannot be remembered
    /// (JSONL, or cells too long).
    fn key_of(&mut self, row: Row<'_>) -> bool {
        if self.resting > 0 {
            self.resting -= 1;
            return false;
        }
        self.key.clear();
        for &(first, end) in &self.runs {
            let Some((text, ends)) = row.csv_span(first, end) else {
                return false;
            };
            if self.key.len() + text.len() + 2 * (end - first) > RECENT_KEY_BYTES {
                return false;
            }
            push_span(&mut self.key, text, ends);
        }
        self.hash = hash(&self.key);
        true
    }

    /// The entry holding the current key's estimates, if one does.
    fn find(&mut self) -> Option<usize> {
        let found = self
            .entries
            .iter()
            .position(|e| e.hash == self.hash && e.key == self.key);
        self.looked += 1;
        self.found += u32::from(found.is_some());
        if self.looked == RECENT_TRIAL {
            if self.found < RECENT_TRIAL / RECENT_PAYS {
                self.resting = RECENT_REST;
            }
            (self.looked, self.found) = (0, 0);
        }
        found
    }

    /// Keeps `estimates` and `query` (of the current key, costing `cost`)
    /// in place of the oldest entry, handing back that entry's to reuse.
    fn keep(
        &mut self,
        cost: Option<u64>,
        estimates: &mut Vec<Estimate<'c>>,
        query: &mut Option<Query>,
    ) {
        if self.entries.len() < RECENT_REQUESTS {
            self.entries.push(Remembered {
                hash: self.hash,
                key: self.key.clone(),
                cost,
                estimates: std::mem::take(estimates),
                query: query.take(),
            });
            return;
        }
        let entry = &mut self.entries[self.next];
        self.next = (self.next + 1) % RECENT_REQUESTS;
        entry.hash = self.hash;
        entry.key.clone_from(&self.key);
        entry.cost = cost;
        std::mem::swap(&mut entry.estimates, estimates);
        std::mem::swap(&mut entry.query, query);
    }
}

/// Adds to a key a run of cells as read, joined by commas, and where each
/// ends in that text: `a,b` then `c` and `a` then `b,c` make different keys.
/// The text is under [`RECENT_KEY_BYTES`], so each end fits in two bytes.
fn push_span(key: &mut Vec<u8>, text: &str, ends: impl Iterator<Item = usize>) {
    key.extend_from_slice(text.as_bytes());
    for end in ends {
        key.extend_from_slice(&(end as u16).to_le_bytes());
    }
}

/// A hash of a key, a word at a time (FxHash's step): keys that differ
/// almost always differ here, and equal ones are then compared whole.
fn hash(bytes: &[u8]) -> u64 {
    let mut hash = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    let mut step =
        |word: u64| hash = (hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    for word in &mut words {
        step(u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    step(u64::from_le_bytes(last));
    hash
}

/// What one estimating thread keeps from chunk to chunk: its writer, and
/// buffers reused for every row.
pub(super) struct Worker<'w, 'c, W: RowWriter> {
    checker: &'w Checker<'c>,
    options: &'w Options,
    layout: &'w Layout,
    budget: &'w Budget<W::Piece>,
    pieces: &'w Sender<Result<ChunkPiece<W::Piece>, BatchError>>,
    /// Writes the output rows, in the sink's form.
    writer: W,
    request: Request,
    estimates: Vec<Estimate<'c>>,
    /// The cost the row's request gives (`None`: not given).
    cost: Option<u64>,
    /// The query the row's estimates were made for.
    query: Option<Query>,
    recent: Recent<'c>,
    to_confirm: ToConfirm,
    note: String,
    /// The notes of rows with nothing to apply for, by their counts: a few
    /// kinds of row each, looked up in order (no hashing on the row path).
    notes: Vec<(LeftOutCounts, String)>,
    /// Summary shape: the grant of each program column.
    grants: Vec<Option<u64>>,
}

impl<'w, 'c, W: RowWriter> Worker<'w, 'c, W> {
    pub(super) fn new(
        checker: &'w Checker<'c>,
        options: &'w Options,
        layout: &'w Layout,
        budget: &'w Budget<W::Piece>,
        pieces: &'w Sender<Result<ChunkPiece<W::Piece>, BatchError>>,
        writer: W,
    ) -> Worker<'w, 'c, W> {
        Worker {
            checker,
            options,
            layout,
            budget,
            pieces,
            writer,
            request: Request::default(),
            estimates: Vec::new(),
            cost: None,
            query: None,
            recent: Recent::new(layout),
            to_confirm: ToConfirm::default(),
            note: String::new(),
            notes: Vec::new(),
            grants: Vec::new(),
        }
    }

    /// Estimates chunks until there are none or the run stops. A chunk that
    /// fails (a bug) stops the run with an error instead of leaving the
    /// writer waiting for it.
    pub(super) fn run(&mut self, chunks: &Mutex<Receiver<(u64, Rows)>>) {
        loop {
            let next = match chunks.lock() {
                Ok(receiver) => receiver.recv(),
                Err(_) => return,
            };
            let Ok((number, rows)) = next else { return };
            let first_line = rows.iter().next().map_or(0, |row| row.line);
            let estimated = quietly(std::panic::AssertUnwindSafe(|| {
                self.estimate_chunk(number, &rows)
            }));
            self.budget.give_back(rows.held());
            self.budget.recycle_rows(rows);
            let failed = match estimated {
                Ok(Ok(())) => continue,
                Ok(Err(Cancelled)) => return,
                Err(panic) => BatchError::Internal {
                    line: first_line,
                    message: panic_message(&*panic),
                },
            };
            let _ = self.pieces.send(Err(failed));
            self.budget.cancel();
            return;
        }
    }

    /// Estimates a chunk, handing its output to the writer in pieces.
    fn estimate_chunk(&mut self, number: u64, rows: &Rows) -> Result<(), Cancelled> {
        // The last chunk left the writer an empty piece: this one gets room.
        let _ = self.writer.take(self.budget.piece());
        let mut summary = Summary::default();
        for row in rows.iter() {
            // `,,,` as Excel leaves below a table: skipped and counted, never an error.
            if row.problem.is_none()
                && row.csv_cells().is_some_and(|mut cells| {
                    cells.all(|c| c.bytes().all(|b| b == b' ' || b == b'\t'))
                })
            {
                summary.blank += 1;
                continue;
            }
            summary.read += 1;
            #[cfg(test)]
            tests::maybe_fail(row);
            // The query is taken out to be read beside the worker's buffers.
            match (self.estimate(row), self.query.take()) {
                (Ok(()), Some(query)) if !self.estimates.is_empty() => {
                    summary.written += self.write_results(row, &query);
                    self.query = Some(query);
                }
                (estimated, query) => {
                    self.query = query;
                    let error = self.error_of(row, estimated);
                    self.writer.write(row, &Outcome::failed(&error));
                    summary.written += 1;
                    summary.failed += 1;
                }
            }
            self.remember();
            if self.writer.len() >= PIECE_BYTES {
                let piece = self.writer.take(self.budget.piece());
                self.hand_over(number, piece, None)?;
            }
        }
        // Rows with a character Shift_JIS cannot hold are failed rows too.
        summary.failed += self.writer.take_flagged();
        let piece = self.writer.take(W::Piece::default());
        self.hand_over(number, piece, Some(summary))
    }

    /// Reads `row` into the request and estimates it into `self.estimates`,
    /// and the query it was estimated for into `self.query`; a problem
    /// reading the row, or the reason the request is refused, worded, if
    /// there is one.
    fn estimate(&mut self, row: Row<'_>) -> Result<(), String> {
        self.estimates.clear();
        if let Some(problem) = row.problem {
            return Err(problem.to_string());
        }
        let keyed = self.recent.key_of(row);
        if keyed && let Some(at) = self.recent.find() {
            let entry = &mut self.recent.entries[at];
            std::mem::swap(&mut self.estimates, &mut entry.estimates);
            std::mem::swap(&mut self.query, &mut entry.query);
            self.cost = entry.cost;
            self.recent.taken = Some(at);
            return Ok(());
        }
        let estimated = request_of(row, self.layout, &mut self.request)
            .and_then(|()| {
                self.cost = self.request.cost;
                self.checker
                    .estimates_into(
                        &self.request,
                        self.options.as_of,
                        false,
                        &mut self.estimates,
                    )
                    .map_err(RowError::Input)
            })
            .map(|query| self.query = Some(query))
            .map_err(|e| e.message(self.layout.lang));
        self.recent.fresh = keyed && estimated.is_ok();
        estimated
    }

    /// After a row is written: puts back the estimates it took from
    /// [`Recent`], or keeps the ones it made there.
    fn remember(&mut self) {
        if let Some(at) = self.recent.taken.take() {
            let entry = &mut self.recent.entries[at];
            std::mem::swap(&mut self.estimates, &mut entry.estimates);
            std::mem::swap(&mut self.query, &mut entry.query);
        } else if std::mem::take(&mut self.recent.fresh) {
            self.recent
                .keep(self.cost, &mut self.estimates, &mut self.query);
        }
    }

    /// The error column of a row [`Self::estimate`] gave no estimate for.
    fn error_of(&self, row: Row<'_>, estimated: Result<(), String>) -> String {
        let lang = self.layout.lang;
        match estimated {
            Ok(()) => crate::i18n::text(lang, Key::RowNoProgram, &[("line", &row.line)]),
            // A problem reading the row names its line already.
            Err(error) if row.problem.is_some() => error,
            Err(error) => crate::i18n::text(
                lang,
                Key::RowError,
                &[("line", &row.line), ("error", &error)],
            ),
        }
    }

    /// Writes a row's estimates in the layout's shape, as the one result
    /// model ([`CalcReport`]) shows them: the results that can be applied
    /// for (and, with `--all`, the rest for reference, a program's variants
    /// left out alike as one row), or one row saying there are none, so no
    /// input row is ever left out. Returns the rows written.
    fn write_results(&mut self, row: Row<'_>, query: &Query) -> u64 {
        let view = CalcView {
            all: self.options.all,
            picks_only: true,
            ..CalcView::default()
        };
        let report = CalcReport::new(&self.estimates, &[], query, view);
        self.note.clear();
        if report.nothing_open() {
            // Rows of one kind share their note: it is worded once per worker.
            let counts = left_out_counts(&self.estimates);
            let at = match self.notes.iter().position(|(c, _)| *c == counts) {
                Some(at) => at,
                None => {
                    if self.notes.len() >= 64 {
                        self.notes.clear();
                    }
                    let note = nothing_note(counts, self.layout.lang);
                    self.notes.push((counts, note));
                    self.notes.len() - 1
                }
            };
            self.note.push_str(&self.notes[at].1);
        }
        match self.layout.shape {
            Shape::Long => write_long(
                &mut self.writer,
                &report,
                row,
                self.layout.lang,
                self.cost,
                &self.note,
                &mut self.to_confirm,
            ),
            Shape::Summary => {
                let outcome = RowSummary::of(&report, self.layout, self.options, &mut self.grants)
                    .outcome(
                        self.cost,
                        &self.note,
                        &mut self.to_confirm,
                        self.layout.lang,
                    );
                self.writer.write(row, &outcome);
                1
            }
        }
    }

    fn hand_over(
        &self,
        chunk: u64,
        piece: W::Piece,
        last: Option<Summary>,
    ) -> Result<(), Cancelled> {
        self.budget.take(chunk, piece.held(), false)?;
        let piece = ChunkPiece { chunk, piece, last };
        self.pieces.send(Ok(piece)).map_err(|_| Cancelled)
    }
}

/// The long shape: a row per result the report shows (each of the
/// variants a reference row stands for on its own), or one row with
/// `nothing` (why there is none).
fn write_long<W: RowWriter>(
    writer: &mut W,
    report: &CalcReport<'_, '_>,
    row: Row<'_>,
    lang: Lang,
    cost_used: Option<u64>,
    nothing: &str,
    to_confirm: &mut ToConfirm,
) -> u64 {
    let mut written = 0;
    for estimate in report.shown_each() {
        to_confirm.clear();
        to_confirm.add(estimate);
        let mut outcome = Outcome::of(estimate, lang, &to_confirm.text);
        outcome.cost_used = cost_used;
        outcome.recommended = report.recommendation().pick_of(estimate).map(|p| p.counted);
        if let Some(why) = estimate.left_out() {
            outcome.note = why.label(lang);
        }
        writer.write(row, &outcome);
        written += 1;
    }
    if written == 0 {
        let outcome = Outcome {
            note: nothing,
            cost_used,
            ..Outcome::default()
        };
        writer.write(row, &outcome);
        written = 1;
    }
    written
}

/// The summary shape's values for one input row, from the report: a grant
/// per program column, the headline result, the nearest deadline.
struct RowSummary<'r, 'a, 'c> {
    report: &'r CalcReport<'a, 'c>,
    grants: &'r [Option<u64>],
    as_of: chrono::NaiveDate,
}

impl<'r, 'a, 'c> RowSummary<'r, 'a, 'c> {
    /// Fills `grants` (one per program column): the largest grant of the
    /// program's results that can be applied for; with `--all`, of those
    /// closed or with no stated period too, for reference.
    fn of(
        report: &'r CalcReport<'a, 'c>,
        layout: &Layout,
        options: &Options,
        grants: &'r mut Vec<Option<u64>>,
    ) -> RowSummary<'r, 'a, 'c> {
        grants.clear();
        grants.resize(layout.programs.len(), None);
        for (estimate, open) in report.every() {
            let counted = open
                || (options.all
                    && matches!(
                        estimate.left_out(),
                        Some(LeftOut::Closed | LeftOut::PeriodUnknown)
                    ));
            let grant = estimate.computation.as_ref().map(|c| c.grant);
            if let (true, Some(grant)) = (counted, grant)
                && let Some(column) = layout
                    .programs
                    .iter()
                    .position(|id| *id == estimate.program.id)
            {
                let cell = &mut grants[column];
                *cell = Some(cell.map_or(grant, |g| g.max(grant)));
            }
        }
        RowSummary {
            report,
            grants,
            as_of: options.as_of,
        }
    }

    /// The output row: the headline the report's summary names, the
    /// nearest deadline and what to confirm among the results that can be
    /// applied for.
    fn outcome(
        &self,
        cost_used: Option<u64>,
        note: &'r str,
        to_confirm: &'r mut ToConfirm,
        lang: Lang,
    ) -> Outcome<'r> {
        to_confirm.clear();
        for (_, estimate) in self.report.open() {
            to_confirm.add(estimate);
        }
        let (best, best_grant) = match self.report.headline() {
            Some(Headline::Largest(grant, e)) => (Some(e), Some(grant)),
            Some(Headline::Nearest(e)) => (Some(e), None),
            None => (None, None),
        };
        let nearest = self
            .report
            .open()
            .filter_map(|(_, e)| e.window.deadline())
            .min();
        let recommendation = self.report.recommendation();
        Outcome {
            cost_used,
            grants: self.grants,
            recommended_total: (!recommendation.is_empty()).then_some(recommendation.total),
            best: best.map(|e| (e.program.id.as_str(), e.program.name.get(lang))),
            best_grant,
            nearest,
            days_left: nearest.map(|d| (d - self.as_of).num_days()),
            to_confirm: &to_confirm.text,
            note,
            ..Outcome::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::batch::pipeline::CHUNK_ROWS;
    use crate::batch::{BatchError, run};

    /// A row whose first cell is this makes its worker panic (tests only).
    const PANIC: &str = "__panic_for_test__";

    pub(super) fn maybe_fail(row: Row<'_>) {
        if row.csv_cells().and_then(|mut cells| cells.next()) == Some(PANIC) {
            panic!("a test asked for a failure");
        }
    }

    fn run_text(input: Vec<u8>) -> Result<(Summary, Vec<u8>), BatchError> {
        let catalogue = crate::core::catalogue::Catalogue::embedded().unwrap();
        let checker = Checker::new(&catalogue);
        let options = Options::new(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        let mut output = Vec::new();
        let summary = run(&checker, input.as_slice(), &mut output, &options, |_| {})?;
        Ok((summary, output))
    }

    /// Two runs of cells with the same text, split at a different comma,
    /// are different requests.
    #[test]
    fn a_key_tells_cells_apart_by_where_they_end() {
        let (mut one, mut other) = (Vec::new(), Vec::new());
        push_span(&mut one, "a,b,c", [3, 5].into_iter());
        push_span(&mut other, "a,b,c", [1, 5].into_iter());
        assert_ne!(one, other);
        assert_ne!(hash(&one), hash(&other));
        let mut again = Vec::new();
        push_span(&mut again, "a,b,c", [3, 5].into_iter());
        assert_eq!((hash(&one), &one), (hash(&again), &again));
    }

    /// Rows that repeat a request, among others, are written from the
    /// estimates of the first (issue 23): each as if it were alone, its own
    /// row number and pass-through cells kept, a row with an error never
    /// taken for the request it resembles.
    #[test]
    fn repeated_requests_are_written_as_if_each_were_alone() {
        let header = "id,program,facility,beds,kenshin,cost,fact:online-qual-in-place\n";
        let pool = [
            "ehr-sharing,hospital,250,yes,14000000,yes",
            "ehr-sharing,hospital,250,,14000000,",
            "ehr-sharing,hospital,250,yes,14000000,no",
            "ehr-sharing,hosptal,250,yes,14000000,yes",
            "e-prescription,clinic,0,,\"300,000\",",
            "online-qual-medical-aid,clinic,0,,60000,",
        ];
        let alone: Vec<String> = pool
            .iter()
            .map(|request| {
                let (_, out) = run_text(format!("{header}ID,{request}\n").into_bytes()).unwrap();
                String::from_utf8(out).unwrap()
            })
            .collect();
        let picks: Vec<usize> = (0..3 * RECENT_TRIAL as usize)
            .map(|i| (i * 7 + i / 5) % pool.len())
            .collect();
        let rows: Vec<String> = picks
            .iter()
            .enumerate()
            .map(|(i, &pick)| format!("r{i},{}", pool[pick]))
            .collect();
        let (_, whole) = run_text(format!("{header}{}\n", rows.join("\n")).into_bytes()).unwrap();
        let whole = String::from_utf8(whole).unwrap();
        let mut lines = whole.lines().skip(1);
        for (i, &pick) in picks.iter().enumerate() {
            for expected in alone[pick].lines().skip(1) {
                // Its own id, and its row number: 2 alone, `i + 2` in the
                // list (an error names it too).
                let line = i + 2;
                let expected = expected
                    .replacen("ID,", &format!("r{i},"), 1)
                    .replacen(
                        &format!("{},2,", pool[pick]),
                        &format!("{},{line},", pool[pick]),
                        1,
                    )
                    .replacen(",2行目:", &format!(",{line}行目:"), 1);
                assert_eq!(lines.next(), Some(expected.as_str()), "row {i}");
            }
        }
        assert_eq!(lines.next(), None);
    }

    /// Issue 10, defect 1: a worker that fails ends the run with an error
    /// promptly, however many chunks come after it (it used to hang).
    #[test]
    fn a_failing_worker_ends_the_run_instead_of_hanging() {
        let mut input = b"id,program,facility,cost\n".to_vec();
        input.extend_from_slice(
            format!("{PANIC},online-qual-medical-aid,clinic,60000\n").as_bytes(),
        );
        for i in 0..40 * CHUNK_ROWS {
            input.extend_from_slice(
                format!("{i},online-qual-medical-aid,clinic,60000\n").as_bytes(),
            );
        }
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done_tx.send(run_text(input));
        });
        let result = done_rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("the run hung");
        match result {
            Err(BatchError::Internal { line, message }) => {
                assert_eq!(line, 2);
                assert!(message.contains("a test asked"), "{message}");
            }
            other => panic!(
                "expected an internal error, got {:?}",
                other.map(|(s, _)| s)
            ),
        }
    }
}
