//! The open connections, at most a fixed number: a new one takes a free
//! place, else the place of the connection idle the longest (closed for
//! it), else it is refused. So a server whose places are all held by idle
//! clients still answers the next one at once, and a slow or idle client
//! holds one place for a bounded time (the timeouts of [`super::io`]).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::Waker;
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

/// One open connection, as its task, its socket and its requests share it.
pub struct Conn {
    id: u64,
    epoch: Instant,
    /// Since when it is idle (milliseconds from `epoch`, plus one); 0 while not.
    idle_since: AtomicU64,
    /// Requests answered (their response made); the socket counts those it passed.
    answered: AtomicU64,
    /// Told to close (its place is given to a new connection).
    close: Notify,
    /// A head the socket refused: the next request is its stand-in.
    refused: Mutex<Option<HeadRefused>>,
    /// The reader waiting for a request to be answered (and then to time
    /// the idle wait): hyper reads again only when woken.
    reader: Mutex<Option<Waker>>,
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
            idle_since: AtomicU64::new(0),
            answered: AtomicU64::new(0),
            close: Notify::new(),
            refused: Mutex::new(None),
            reader: Mutex::new(None),
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
            .filter(|conn| conn.idle_since.load(Ordering::Relaxed) != 0)
            .min_by_key(|conn| conn.idle_since.load(Ordering::Relaxed));
        match longest {
            Some(conn) => {
                // Not chosen twice.
                conn.idle_since.store(0, Ordering::Relaxed);
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
    /// Idle (waiting for a next request, none being answered), or not.
    pub fn set_idle(&self, idle: bool) {
        let since = match idle {
            true => u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX - 1) + 1,
            false => 0,
        };
        self.idle_since.store(since, Ordering::Relaxed);
    }

    /// Requests answered so far.
    pub fn answered(&self) -> u64 {
        self.answered.load(Ordering::Acquire)
    }

    /// One more request answered: the reader is woken to time the wait for the next.
    pub fn answer(&self) {
        self.answered.fetch_add(1, Ordering::Release);
        self.wake_reader();
    }

    /// The reader waits for a request to be answered, or a write to go out.
    pub fn park_reader(&self, waker: &Waker) {
        let mut reader = self.reader.lock().unwrap_or_else(PoisonError::into_inner);
        if !reader
            .as_ref()
            .is_some_and(|parked| parked.will_wake(waker))
        {
            *reader = Some(waker.clone());
        }
    }

    /// Wakes the reader parked (a request answered, a write gone out).
    pub fn wake_reader(&self) {
        let parked = self
            .reader
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(waker) = parked {
            waker.wake();
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
    }

    /// Full of idle connections, the next takes the place of the one idle
    /// the longest; full of busy ones, it is refused.
    #[test]
    fn a_full_house_closes_its_longest_idle_or_refuses() {
        runtime().block_on(async {
            let conns = Arc::new(Conns::new(3));
            let mut places = Vec::new();
            for _ in 0..3 {
                places.push(conns.admit().await.unwrap());
            }
            assert!(conns.admit().await.is_none(), "all busy: refused");
            places[1].conn().set_idle(true);
            tokio::time::sleep(Duration::from_millis(5)).await;
            places[2].conn().set_idle(true);
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
