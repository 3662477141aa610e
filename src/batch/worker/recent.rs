//! A worker's memory of the last few requests it read ([`Recent`]): a
//! list that repeats a request is written from the estimates made for it
//! the first time, not estimated again (issue 23).

use super::super::Layout;
use super::super::read::Row;
use crate::core::estimate::{Estimate, Query};
use crate::input::fields::Column;

/// How many requests a worker remembers the estimates of ([`Recent`]).
const RECENT_REQUESTS: usize = 16;
/// Rows a worker looks up in [`Recent`] before judging whether it pays: if
/// fewer than one in [`RECENT_PAYS`] was found, it rests for
/// [`RECENT_REST`] rows (a list of all different requests pays the lookup
/// on one row in 17), then tries again.
pub(super) const RECENT_TRIAL: u32 = 1024;
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
pub(super) struct Recent<'c> {
    pub(super) entries: Vec<Remembered<'c>>,
    /// The entry replaced next (oldest first).
    next: usize,
    /// The runs of adjacent columns the tool reads, as `first..end`.
    runs: Vec<(usize, usize)>,
    /// The current row's key, built in place, and its hash.
    key: Vec<u8>,
    hash: u64,
    /// The entry the current row's estimates were taken from, to be put back.
    pub(super) taken: Option<usize>,
    /// The current row's estimates were made from its key's cells, without error.
    pub(super) fresh: bool,
    /// Rows looked up and found in this trial, and rows left to rest.
    looked: u32,
    found: u32,
    resting: u32,
}

pub(super) struct Remembered<'c> {
    hash: u64,
    key: Vec<u8>,
    pub(super) cost: Option<u64>,
    pub(super) estimates: Vec<Estimate<'c>>,
    pub(super) query: Option<Query>,
}

impl<'c> Recent<'c> {
    pub(super) fn new(layout: &Layout) -> Recent<'c> {
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
    pub(super) fn key_of(&mut self, row: Row<'_>) -> bool {
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
    pub(super) fn find(&mut self) -> Option<usize> {
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
    pub(super) fn keep(
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
pub(super) fn push_span(key: &mut Vec<u8>, text: &str, ends: impl Iterator<Item = usize>) {
    key.extend_from_slice(text.as_bytes());
    for end in ends {
        key.extend_from_slice(&(end as u16).to_le_bytes());
    }
}

/// A hash of a key, a word at a time (FxHash's step): keys that differ
/// almost always differ here, and equal ones are then compared whole.
pub(super) fn hash(bytes: &[u8]) -> u64 {
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
