//! The server's run: our own accept loop over hyper's HTTP/1 connection
//! (`axum::serve` starts hyper without a timer or limits), so that every
//! connection is bounded: a place among at most [`Limits::max_connections`]
//! ([`super::conns`]), its heads checked and timed before hyper reads them
//! ([`super::io`]), hyper's buffer above our limits so that our refusal
//! answers first. A connection refused because all are busy is logged, once
//! a second at most. SIGINT or SIGTERM stops accepting, lets the requests in
//! flight finish, and closes the rest after [`SHUTDOWN_GRACE`].

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::time::Instant;
use tower::ServiceExt as _;

use super::conns::{Conns, Place};
use super::host::Hosts;
use super::io::Guarded;
use super::{AppState, SHUTDOWN_GRACE, head, router};
use crate::core::catalogue::{Catalogue, Lang};
use crate::i18n::{self, Key};

/// What to serve, where, and for whom.
#[derive(Debug, Clone)]
pub struct Options {
    pub addr: SocketAddr,
    /// Host names answered to besides the loopback ones (`--allow-host`).
    pub allow_hosts: Vec<String>,
    pub limits: Limits,
}

/// What one client may hold, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A connection with no request under way is closed after this.
    pub idle_timeout: Duration,
    /// A request's head not whole this long after it began is dropped.
    pub header_timeout: Duration,
    /// A response the client does not read for this long is dropped.
    pub write_timeout: Duration,
    /// The most connections open at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            idle_timeout: Duration::from_secs(5),
            header_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// Files a process needs besides its connections' sockets (the listener,
/// standard streams, the runtime's own).
const OTHER_FILES: u64 = 64;

/// Serves until SIGINT or SIGTERM, then finishes the requests in flight;
/// `say` is told where it listens, and what it refuses.
pub fn run(
    options: Options,
    catalogue: Catalogue,
    lang: Lang,
    mut say: impl FnMut(&str),
) -> Result<(), String> {
    // The computing is CPU work: as many threads for it as cores, so that
    // memory stays flat (a thread per waiting request would grow it).
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(cores.max(2))
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let addr = options.addr;
        let listener = listen(addr).map_err(|e| {
            i18n::text(
                lang,
                Key::ServeCannotListen,
                &[("addr", &addr), ("reason", &i18n::io_reason(lang, &e))],
            )
        })?;
        let bound = listener.local_addr().unwrap_or(addr);
        let hosts = Hosts::new(bound, &options.allow_hosts, lang)?;
        // Where it listens, first: scripts read the address off that line.
        say(&i18n::text(lang, Key::ServeListening, &[("addr", &bound)]));
        let mut limits = options.limits;
        limits.max_connections = max_connections(limits.max_connections.max(1), lang, &mut say);
        let app = router(AppState::new(catalogue).with_hosts(hosts));
        let conns = Arc::new(Conns::new(limits.max_connections));
        let (stop, stopped) = watch::channel(false);
        tokio::select! {
            () = accept(&listener, &app, &conns, limits, &stopped, lang, &mut say) => {}
            () = shutdown() => {}
        }
        // Stop accepting; requests in flight finish, idle connections
        // close; after SHUTDOWN_GRACE, stop anyway (a client that holds a
        // connection open cannot keep the server up).
        drop(listener);
        let _ = stop.send(true);
        let _ = tokio::time::timeout(SHUTDOWN_GRACE, conns.all_closed()).await;
        Ok(())
    })
}

/// Connections waiting to be accepted, at most: a burst of new clients
/// waits in the kernel (tokio's default, 128, drops the rest for a second).
const BACKLOG: u32 = 1024;

/// A listener on `addr` with room for [`BACKLOG`] connections not yet accepted.
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    // As std and tokio do: a restarted server may bind again at once.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Accepts connections for ever: each in a place of its own, served in a
/// task; one refused (all places busy) or an accept that fails is logged,
/// once a second at most, with how many since.
async fn accept(
    listener: &TcpListener,
    app: &Router,
    conns: &Arc<Conns>,
    limits: Limits,
    stopped: &watch::Receiver<bool>,
    lang: Lang,
    say: &mut impl FnMut(&str),
) {
    let mut refused = 0u64;
    let mut failed: Option<std::io::Error> = None;
    let mut last_said: Option<Instant> = None;
    loop {
        let unsaid = refused > 0 || failed.is_some();
        // What is left unsaid is said a second after the last line.
        let due = last_said.map_or_else(Instant::now, |at| at + Duration::from_secs(1));
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => match conns.admit().await {
                    Some(place) => {
                        tokio::spawn(connection(stream, place, app.clone(), limits, stopped.clone()));
                    }
                    None => refused += 1,
                },
                Err(e) => {
                    failed = Some(e);
                    // Out of files, say: give the connections a moment to close.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            () = tokio::time::sleep_until(due), if unsaid => {}
        }
        if (refused == 0 && failed.is_none()) || Instant::now() < due {
            continue;
        }
        if refused > 0 {
            let max = conns.max();
            say(&i18n::text(
                lang,
                Key::ServeConnectionsRefused,
                &[("count", &refused), ("max", &max)],
            ));
            refused = 0;
        }
        if let Some(e) = failed.take() {
            let reason = i18n::io_reason(lang, &e);
            say(&i18n::text(
                lang,
                Key::ServeAcceptFailed,
                &[("reason", &reason)],
            ));
        }
        last_said = Some(Instant::now());
    }
}

/// One connection, in its place: hyper's HTTP/1 over the guarded socket,
/// until it ends, its place is given to a newer one (it was idle the
/// longest), or the server stops (it finishes what is under way).
async fn connection(
    stream: TcpStream,
    place: Place,
    app: Router,
    limits: Limits,
    mut stopped: watch::Receiver<bool>,
) {
    // Responses go out whole: no wait for the client's acknowledgement.
    let _ = stream.set_nodelay(true);
    let conn = Arc::clone(place.conn());
    // Until its first byte, a connection is only its socket: hyper's
    // buffers (16 KiB) are for one that has begun a request. (A peek, not
    // `readable()`, which may be ready before any byte is.)
    let mut byte = [0u8; 1];
    let first = tokio::time::timeout(limits.idle_timeout, stream.peek(&mut byte));
    tokio::select! {
        peeked = first => if !matches!(peeked, Ok(Ok(1))) {
            return;
        },
        () = conn.closing() => return,
        _ = stopped.wait_for(|stop| *stop) => return,
    }
    let io = TokioIo::new(Guarded::new(stream, Arc::clone(&conn), limits));
    let answering = Arc::clone(&conn);
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let mut request = request.map(axum::body::Body::new);
        if let Some(refused) = answering.take_refused() {
            request.extensions_mut().insert(refused);
        }
        let answered = Answered(Arc::clone(&answering));
        let app = app.clone();
        async move {
            let response = app.oneshot(request).await;
            drop(answered);
            response
        }
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    // Above our own limits (head::MAX_HEAD), so that hyper takes every head
    // we hand it and never answers one itself.
    http.max_buf_size(4 * head::MAX_HEAD)
        .max_headers(2 * head::MAX_HEADERS);
    let served = http.serve_connection(io, service);
    tokio::pin!(served);
    let stop = async move {
        // The server stops (or is gone).
        let _ = stopped.wait_for(|stop| *stop).await.map(|_| ());
    };
    tokio::select! {
        _ = served.as_mut() => {}
        () = conn.closing() => {}
        () = stop => {
            served.as_mut().graceful_shutdown();
            let _ = served.await;
        }
    }
    drop(place);
}

/// Counts a request answered when its response is made (or abandoned).
struct Answered(Arc<super::conns::Conn>);

impl Drop for Answered {
    fn drop(&mut self) {
        self.0.answer();
    }
}

/// The most connections that can be held open: `asked`, raising the soft
/// limit on open files up to the hard one if it is lower; said if even
/// that is too few.
fn max_connections(asked: usize, lang: Lang, say: &mut impl FnMut(&str)) -> usize {
    let Some(files) = open_files_limit(asked as u64 + OTHER_FILES) else {
        return asked;
    };
    let fits = usize::try_from(files.saturating_sub(OTHER_FILES)).unwrap_or(usize::MAX);
    if fits >= asked {
        return asked;
    }
    let max = fits.max(1);
    say(&i18n::text(
        lang,
        Key::ServeConnectionsLowered,
        &[("max", &max), ("limit", &files)],
    ));
    max
}

/// The limit on open files after raising it towards `wanted`; `None` where
/// there is none to read.
#[cfg(unix)]
fn open_files_limit(wanted: u64) -> Option<u64> {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let current = limit.current?;
    if current >= wanted {
        return Some(current);
    }
    let raised = limit.maximum.map_or(wanted, |hard| hard.min(wanted));
    let mut new = limit;
    new.current = Some(raised);
    match setrlimit(Resource::Nofile, new) {
        Ok(()) => Some(raised),
        Err(_) => Some(current),
    }
}

#[cfg(not(unix))]
fn open_files_limit(_wanted: u64) -> Option<u64> {
    None
}

/// SIGINT (Ctrl+C) or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
