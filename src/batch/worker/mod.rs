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
use crate::core::recommend::{OneOfGroups, one_of};
use crate::i18n::Key;
use crate::input::fields::{self, Column, RowError};
use crate::input::request::{Checker, Request};
use crate::report::{CalcReport, CalcView, client};

mod recent;
use recent::Recent;
#[cfg(test)]
use recent::{RECENT_TRIAL, hash, push_span};

/// The reasons a result is left out, in the order notes count them.
const LEFT_OUT: [LeftOut; 5] = [
    LeftOut::OtherPrefecture,
    LeftOut::Ineligible,
    LeftOut::NoTier,
    LeftOut::Closed,
    LeftOut::PeriodUnknown,
];

/// How many programs are left out for each reason of [`LEFT_OUT`].
type LeftOutCounts = [u32; LEFT_OUT.len()];

fn left_out_counts(estimates: &[Estimate<'_>]) -> LeftOutCounts {
    // Each program once, under the first reason of its results in the
    // order of [`LEFT_OUT`]: a few programs, held in place, a program's
    // results mostly one after another.
    let reason = |e: &Estimate<'_>| {
        e.left_out()
            .and_then(|why| LEFT_OUT.iter().position(|w| *w == why))
    };
    let mut counts = [0; LEFT_OUT.len()];
    // One program (a list's row that names it): its first reason.
    if let Some(first) = estimates.first()
        && estimates
            .iter()
            .all(|e| std::ptr::eq(e.program, first.program))
    {
        if let Some(at) = estimates.iter().filter_map(reason).min() {
            counts[at] += 1;
        }
        return counts;
    }
    let mut programs: smallvec::SmallVec<[(&crate::core::catalogue::Program, usize); 32]> =
        smallvec::SmallVec::new();
    for e in estimates {
        let Some(at) = reason(e) else {
            continue;
        };
        let seen = match programs.last_mut() {
            Some(last) if std::ptr::eq(last.0, e.program) => Some(last),
            _ => programs
                .iter_mut()
                .find(|(p, _)| std::ptr::eq(*p, e.program)),
        };
        match seen {
            Some((_, first)) => *first = (*first).min(at),
            None => programs.push((e.program, at)),
        }
    }
    for (_, at) in &programs {
        counts[*at] += 1;
    }
    counts
}

/// `この日に申請できる制度はありません（申請期限を過ぎた制度 27件、…）`: why
/// a row has nothing to apply for, its programs counted by reason, in plain words.
fn nothing_note(counts: LeftOutCounts, lang: Lang) -> String {
    let reasons: Vec<String> = LEFT_OUT
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|(why, count)| {
            let key = match why {
                LeftOut::OtherPrefecture => Key::BatchCountOtherPrefecture,
                LeftOut::Ineligible => Key::BatchCountIneligible,
                LeftOut::NoTier => Key::BatchCountNoTier,
                LeftOut::Closed => Key::BatchCountClosed,
                LeftOut::PeriodUnknown => Key::BatchCountPeriodUnknown,
            };
            crate::i18n::text(lang, key, &[("count", &count)])
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
pub(super) fn request_of(
    row: Row<'_>,
    layout: &Layout,
    request: &mut Request,
) -> Result<(), RowError> {
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
    /// A workbook's words (combination, questions, notes).
    texts: PeopleTexts,
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
            texts: PeopleTexts::default(),
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
        let for_people = self.layout.for_people;
        let view = CalcView {
            all: self.options.all,
            // A workbook says what each fact is worth and why a program is
            // not there, and a printed report asks the questions; CSV and
            // JSONL rows have no column for it.
            picks_only: !(for_people || W::WHOLE_REPORT),
            ..CalcView::default()
        };
        let report = CalcReport::new(&self.estimates, &[], query, view);
        if W::WHOLE_REPORT {
            self.writer.report(row, &report, query);
            return 1;
        }
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
        let lang = self.layout.lang;
        match self.layout.shape {
            Shape::Long => {
                let nothing = Outcome {
                    note: &self.note,
                    cost_used: self.cost,
                    ..Outcome::default()
                };
                write_long(
                    &mut self.writer,
                    &report,
                    (row, nothing),
                    lang,
                    &mut self.to_confirm,
                    for_people.then_some(&mut self.texts),
                )
            }
            Shape::Summary => {
                if for_people {
                    self.texts.of_facility(&report, &self.note, lang);
                }
                let texts = &self.texts;
                let mut outcome = RowSummary::of(
                    &report,
                    self.layout,
                    self.options,
                    &mut self.grants,
                )
                .outcome(self.cost, &self.note, &mut self.to_confirm, lang);
                if for_people {
                    outcome.combination = &texts.combination;
                    outcome.questions = &texts.questions;
                    outcome.note = &texts.note;
                }
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

/// The labels of one-of groups (`core::recommend::one_of`): group 1 is
/// `A`. A facility has a few groups; past these, a row stands alone.
const ONE_OF_LABELS: [&str; 52] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T", "U", "V", "W", "X", "Y", "Z", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ",
    "AK", "AL", "AM", "AN", "AO", "AP", "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ",
];

/// The long shape: a row per result the report shows (each of the
/// variants a reference row stands for on its own), each with the cost
/// used, or `nothing`'s one row (why there is none). The results that can
/// be applied for, only one of which can be, share a label in 択一; with
/// `texts` (a workbook), each row asks what it leaves open as questions.
fn write_long<W: RowWriter>(
    writer: &mut W,
    report: &CalcReport<'_, '_>,
    (row, nothing): (Row<'_>, Outcome<'_>),
    lang: Lang,
    to_confirm: &mut ToConfirm,
    mut texts: Option<&mut PeopleTexts>,
) -> u64 {
    // Two results at least for a group (most rows of a list have one, or none).
    let groups = if report.open().nth(1).is_some() {
        let open: smallvec::SmallVec<[&Estimate<'_>; 32]> = report.open().map(|(_, e)| e).collect();
        one_of(&open)
    } else {
        OneOfGroups::new()
    };
    let mut written = 0;
    for (i, estimate) in report.shown_each().enumerate() {
        to_confirm.clear();
        to_confirm.add(estimate);
        let mut outcome = Outcome::of(estimate, lang, &to_confirm.text);
        outcome.cost_used = nothing.cost_used;
        outcome.recommended = report.recommendation().pick_of(estimate).map(|p| p.counted);
        outcome.one_of = match groups.get(i) {
            Some(&group) if group > 0 => ONE_OF_LABELS
                .get(usize::from(group) - 1)
                .copied()
                .unwrap_or_default(),
            _ => "",
        };
        // Why it cannot be applied for (`--all`), naming the requirement
        // not met where that is why: a few rows, and only with --all.
        let why = estimate
            .left_out()
            .and_then(|_| client::why_left_out_text(estimate, lang));
        if let Some(why) = &why {
            outcome.note = why;
        }
        if let Some(texts) = texts.as_deref_mut() {
            texts.questions.clear();
            if estimate.left_out().is_none() {
                join_lines(
                    &mut texts.questions,
                    client::result_questions(estimate, lang),
                );
            }
            outcome.questions = &texts.questions;
        }
        writer.write(row, &outcome);
        written += 1;
    }
    if written == 0 {
        writer.write(row, &nothing);
        written = 1;
    }
    written
}

/// What a workbook's row says in words, kept from row to row.
#[derive(Default)]
struct PeopleTexts {
    /// The recommended combination by short name.
    combination: String,
    /// What is still to ask, one question a line.
    questions: String,
    /// Why nothing or something is not there, one reason a line.
    note: String,
}

/// Questions a cell of the summary shows at most (the rest are counted).
const SUMMARY_QUESTIONS: usize = 8;

impl PeopleTexts {
    /// A facility's summary in words: the combination, the questions it
    /// turns on, and `nothing` (why there is nothing to apply for) with
    /// why programs it could apply for are not in it.
    fn of_facility(&mut self, report: &CalcReport<'_, '_>, nothing: &str, lang: Lang) {
        self.combination.clear();
        self.combination
            .push_str(&client::combination(report.recommendation(), lang));
        self.questions.clear();
        join_lines(
            &mut self.questions,
            client::questions(report, lang, SUMMARY_QUESTIONS),
        );
        self.note.clear();
        self.note.push_str(nothing);
        join_lines(&mut self.note, client::facility_notes(report, lang));
    }
}

/// Appends `lines` to `out`, one a line.
fn join_lines(out: &mut String, lines: Vec<String>) {
    for line in lines {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
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
