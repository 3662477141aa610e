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
            match self.estimate(row) {
                Ok(query) if !self.estimates.is_empty() => {
                    summary.written += self.write_results(row, &query);
                }
                estimated => {
                    let error = self.error_of(row, estimated.map(|_| ()));
                    self.writer.write(row, &Outcome::failed(&error));
                    summary.written += 1;
                    summary.failed += 1;
                }
            }
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
    /// giving the query it was estimated for; a problem reading the row, or
    /// the reason the request is refused, worded, if there is one.
    fn estimate(&mut self, row: Row<'_>) -> Result<Query, String> {
        self.estimates.clear();
        if let Some(problem) = row.problem {
            return Err(problem.to_string());
        }
        request_of(row, self.layout, &mut self.request)
            .and_then(|()| {
                self.checker
                    .estimates_into(
                        &self.request,
                        self.options.as_of,
                        false,
                        &mut self.estimates,
                    )
                    .map_err(RowError::Input)
            })
            .map_err(|e| e.message(self.layout.lang))
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
                self.request.cost,
                &self.note,
                &mut self.to_confirm,
            ),
            Shape::Summary => {
                let outcome = RowSummary::of(&report, self.layout, self.options, &mut self.grants)
                    .outcome(
                        self.request.cost,
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
