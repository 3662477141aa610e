//! The open connections, at most a fixed number: a new one takes a free
//! place, else the place of the connection idle the longest (closed for
//! it), else it is refused. So a server whose places are all held by idle
//! clients still answers the next one at once, and a slow or idle client
//! holds one place for a bounded time (the timeouts of [`super::io`]).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

use super::head::HeadRefused;

/// The places, and the connections in them.
pub struct Conns {
    places: Arc<Semaphore>,
    max: usize,
    open: Mutex<HashMap<u64, Arc<Conn>>>,
    next_id: AtomicU64,
    epoch: Instant,
}

/// One open connection, as its task, its socket and its requests share it
/// (atomics: kept by the socket and the requests as they go, read when a
/// place is wanted and when the idle timer fires, never waited on).
pub struct Conn {
    id: u64,
    epoch: Instant,
    /// Requests handed to hyper, and answered (their response made): idle
    /// when as many, with no head begun and no write blocked.
    passed: AtomicU64,
    answered: AtomicU64,
    head_begun: AtomicBool,
    write_blocked: AtomicBool,
    /// When it last did something (accepted, answered, a blocked write
    /// gone out): milliseconds from `epoch`.
    last_active: AtomicU64,
    /// Chosen to give its place (not chosen twice), and told to close.
    closing: AtomicBool,
    close: Notify,
    /// A head the socket refused: the next request is its stand-in.
    refused: Mutex<Option<HeadRefused>>,
}

/// A connection's place: given back, and the connection forgotten, on drop.
pub struct Place {
    conns: Arc<Conns>,
    conn: Arc<Conn>,
    _permit: OwnedSemaphorePermit,
}

impl Conns {
    pub fn new(max: usize) -> Conns {
        Conns {
            places: Arc::new(Semaphore::new(max)),
            max,
            open: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
            epoch: Instant::now(),
        }
    }

    /// The most connections open at once.
    pub fn max(&self) -> usize {
        self.max
    }

    /// A place for a new connection: a free one, or the place of the
    /// connection idle the longest, closed for it; `None` when every
    /// connection is busy (reading a head, being answered).
    pub async fn admit(self: &Arc<Conns>) -> Option<Place> {
        let permit = match self.places.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if !self.close_longest_idle() {
                    return None;
                }
                // Its task ends at once; a bound all the same.
                let freed = self.places.clone().acquire_owned();
                tokio::time::timeout(Duration::from_secs(1), freed)
                    .await
                    .ok()?
                    .ok()?
            }
        };
        let conn = Arc::new(Conn {
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
            epoch: self.epoch,
            passed: AtomicU64::new(0),
            answered: AtomicU64::new(0),
            head_begun: AtomicBool::new(false),
            write_blocked: AtomicBool::new(false),
            last_active: AtomicU64::new(millis(self.epoch)),
            closing: AtomicBool::new(false),
            close: Notify::new(),
            refused: Mutex::new(None),
        });
        self.lock().insert(conn.id, Arc::clone(&conn));
        Some(Place {
            conns: Arc::clone(self),
            conn,
            _permit: permit,
        })
    }

    /// Tells the connection idle the longest to close; false if none is idle.
    fn close_longest_idle(&self) -> bool {
        let open = self.lock();
        let longest = open
            .values()
            .filter(|conn| conn.is_idle() && !conn.closing.load(Ordering::Relaxed))
            .min_by_key(|conn| conn.last_active.load(Ordering::Relaxed));
        match longest {
            Some(conn) => {
                conn.closing.store(true, Ordering::Relaxed);
                conn.close.notify_one();
                true
            }
            None => false,
        }
    }

    /// Once every connection has closed.
    pub async fn all_closed(&self) {
        let max = u32::try_from(self.max).unwrap_or(u32::MAX);
        let _all = self.places.acquire_many(max).await;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Conn>>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Place {
    pub fn conn(&self) -> &Arc<Conn> {
        &self.conn
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.conns.lock().remove(&self.conn.id);
    }
}

impl Conn {
    /// Waiting for a next request (or a first), none under way.
    pub fn is_idle(&self) -> bool {
        self.passed.load(Ordering::Acquire) == self.answered.load(Ordering::Acquire)
            && !self.head_begun.load(Ordering::Relaxed)
            && !self.write_blocked.load(Ordering::Relaxed)
    }

    /// When it last did something.
    pub fn last_active(&self) -> Instant {
        self.epoch + Duration::from_millis(self.last_active.load(Ordering::Relaxed))
    }

    fn touch(&self) {
        self.last_active
            .store(millis(self.epoch), Ordering::Relaxed);
    }

    /// A request handed to hyper.
    pub fn pass(&self) {
        self.passed.fetch_add(1, Ordering::AcqRel);
    }

    /// One more request answered.
    pub fn answer(&self) {
        self.touch();
        self.answered.fetch_add(1, Ordering::AcqRel);
    }

    /// A head has begun to arrive, or is whole.
    pub fn set_head_begun(&self, begun: bool) {
        self.head_begun.store(begun, Ordering::Relaxed);
    }

    /// A write the socket does not take, or (false) one it took.
    pub fn set_write_blocked(&self, blocked: bool) {
        if !blocked {
            self.touch();
        }
        self.write_blocked.store(blocked, Ordering::Relaxed);
    }

    /// Once the connection is told to close.
    pub async fn closing(&self) {
        self.close.notified().await;
    }

    /// The socket refused a head: the next request says so.
    pub fn refuse(&self, refused: HeadRefused) {
        *self.refused.lock().unwrap_or_else(PoisonError::into_inner) = Some(refused);
    }

    /// The refusal the current request stands in for, if it does.
    pub fn take_refused(&self) -> Option<HeadRefused> {
        self.refused
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// Milliseconds since `epoch`.
fn millis(epoch: Instant) -> u64 {
    u64::try_from(epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
    }

    /// Full of busy connections (heads begun), the next is refused; with
    /// idle ones, it takes the place of the one idle the longest (the one
    /// whose last answer is older).
    #[test]
    fn a_full_house_closes_its_longest_idle_or_refuses() {
        runtime().block_on(async {
            let conns = Arc::new(Conns::new(3));
            let mut places = Vec::new();
            for _ in 0..3 {
                places.push(conns.admit().await.unwrap());
            }
            for place in &places {
                place.conn().set_head_begun(true);
            }
            assert!(conns.admit().await.is_none(), "all busy: refused");
            places[1].conn().set_head_begun(false);
            tokio::time::sleep(Duration::from_millis(5)).await;
            places[2].conn().set_write_blocked(false);
            places[2].conn().set_head_begun(false);
            // The first idle is told to close; its task ends and gives its place back.
            let closing = Arc::clone(places[1].conn());
            let task = tokio::spawn(async move { closing.closing().await });
            let (admitted, ()) = tokio::join!(conns.admit(), async {
                task.await.unwrap();
                drop(places.remove(1));
            });
            assert_eq!(admitted.map(|place| place.conn().id), Some(3));
            assert_eq!(conns.lock().len(), 2, "the new one's place given back");
            assert!(!conns.lock().contains_key(&1));
        });
    }
}
