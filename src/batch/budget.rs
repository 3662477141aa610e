//! The memory a run holds in flight, counted in bytes and chunks, and the
//! buffers that go round between the stages.

use std::sync::{Condvar, Mutex, PoisonError};

use super::pipeline::CHUNKS_IN_FLIGHT;
use super::read::Rows;
use super::write::Piece;

/// Memory in flight, counted in bytes and chunks. The chunk to be written
/// next (the head) always gets what it asks for, so the writer never waits
/// on a stage that waits on the writer; every other chunk waits while the
/// budget is spent. A cancelled budget stops every waiting stage.
pub(super) struct Budget<P> {
    state: Mutex<BudgetState>,
    changed: Condvar,
    bytes: usize,
    chunks: usize,
    spare_pieces: Mutex<Vec<P>>,
    spare_rows: Mutex<Vec<Rows>>,
}

struct BudgetState {
    bytes: usize,
    chunks: usize,
    head: u64,
    cancelled: bool,
}

/// The run was stopped by another stage.
pub(super) struct Cancelled;

impl<P: Piece> Budget<P> {
    pub(super) fn new(bytes: usize, chunks: usize) -> Budget<P> {
        Budget {
            state: Mutex::new(BudgetState {
                bytes: 0,
                chunks: 0,
                head: 0,
                cancelled: false,
            }),
            changed: Condvar::new(),
            bytes,
            chunks,
            spare_pieces: Mutex::new(Vec::new()),
            spare_rows: Mutex::new(Vec::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BudgetState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes `bytes` (and a chunk's place, with `chunk_place`) for chunk `chunk`.
    pub(super) fn take(
        &self,
        chunk: u64,
        bytes: usize,
        chunk_place: bool,
    ) -> Result<(), Cancelled> {
        let mut state = self.lock();
        loop {
            if state.cancelled {
                return Err(Cancelled);
            }
            let fits =
                state.bytes + bytes <= self.bytes && (!chunk_place || state.chunks < self.chunks);
            if fits || chunk == state.head {
                state.bytes += bytes;
                state.chunks += usize::from(chunk_place);
                return Ok(());
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    pub(super) fn give_back(&self, bytes: usize) {
        let mut state = self.lock();
        state.bytes = state.bytes.saturating_sub(bytes);
        drop(state);
        self.changed.notify_all();
    }

    /// Chunk `head - 1` is written whole: its place is free, `head` is next.
    pub(super) fn advance(&self, head: u64) {
        let mut state = self.lock();
        state.head = head;
        state.chunks = state.chunks.saturating_sub(1);
        drop(state);
        self.changed.notify_all();
    }

    /// A chunk's place taken for nothing (the input ended).
    pub(super) fn free_place(&self) {
        let mut state = self.lock();
        state.chunks = state.chunks.saturating_sub(1);
        drop(state);
        self.changed.notify_all();
    }

    /// An output piece: one written before, or a new one the size of a piece.
    /// Pieces go round instead of being freed on one thread and made on
    /// another, which leaves allocators holding far more than is in use.
    pub(super) fn piece(&self) -> P {
        self.spare(&self.spare_pieces).unwrap_or_else(P::with_room)
    }

    pub(super) fn recycle_piece(&self, mut piece: P) {
        if piece.clear() {
            self.keep(&self.spare_pieces, piece);
        }
    }

    /// A chunk's rows, emptied, to be filled again.
    pub(super) fn spare_rows(&self) -> Option<Rows> {
        self.spare(&self.spare_rows)
    }

    pub(super) fn recycle_rows(&self, mut rows: Rows) {
        rows.clear();
        self.keep(&self.spare_rows, rows);
    }

    fn spare<T>(&self, pool: &Mutex<Vec<T>>) -> Option<T> {
        pool.lock().unwrap_or_else(PoisonError::into_inner).pop()
    }

    fn keep<T>(&self, pool: &Mutex<Vec<T>>, item: T) {
        let mut pool = pool.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() < 2 * CHUNKS_IN_FLIGHT {
            pool.push(item);
        }
    }

    pub(super) fn cancel(&self) {
        self.lock().cancelled = true;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows far wider than a chunk's usual share still pass, in order, with
    /// the budget never above its bound by more than the head chunk.
    #[test]
    fn a_small_budget_still_finishes_in_order() {
        let budget = Budget::<Vec<u8>>::new(1, 1);
        // The head always gets its share; others wait until it is given back.
        assert!(budget.take(0, 10, true).is_ok());
        let waiter = std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.take(1, 10, true).is_ok());
            std::thread::sleep(std::time::Duration::from_millis(50));
            budget.give_back(10);
            budget.advance(1);
            waiting.join().unwrap()
        });
        assert!(waiter);
        let budget = Budget::<Vec<u8>>::new(1, 1);
        let cancelled = std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.take(5, 10, false).is_err());
            std::thread::sleep(std::time::Duration::from_millis(50));
            budget.cancel();
            waiting.join().unwrap()
        });
        assert!(cancelled, "a cancelled budget frees its waiters");
    }
}
