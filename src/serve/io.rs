//! A connection's bytes, between the socket and hyper: each request's head
//! is read here first, checked ([`super::head`]) and only then handed
//! to hyper, so that what one connection holds is bounded by our limits
//! and its time by our timeouts:
//!
//! - idle (no byte of a next request, none being answered): closed after
//!   the idle timeout, quietly;
//! - a head begun and not finished: closed after the header timeout;
//! - a write the client does not read: failed after the write timeout;
//! - a head refused: hyper is handed a stand-in request that the router
//!   answers with the refusal (ours, with every header), then the
//!   connection closes, reading and dropping what the client still sends
//!   for a moment so that it gets the answer rather than a reset.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

use super::conns::Conn;
use super::head::{self, Head, Scan};
use super::server::Limits;

/// What hyper reads in place of a refused head: a request the guard
/// answers with the refusal, after which hyper closes the connection.
const STAND_IN: &[u8] = b"GET / HTTP/1.1\r\nconnection: close\r\n\r\n";

/// How much is read from the socket at once while a head arrives.
const READ_CHUNK: usize = 4096;

/// Closing after a refusal or a body: how long, and how many bytes, the
/// client's rest is read and dropped for.
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 1 << 20;

/// A socket whose heads are checked before hyper reads them.
pub struct Guarded<S> {
    inner: S,
    conn: Arc<Conn>,
    limits: Limits,
    /// Read and not yet handed to hyper: a head arriving, or heads behind it.
    buf: Vec<u8>,
    scan: Scan,
    /// The bytes at the front of `buf` hyper may read.
    ready: usize,
    mode: Mode,
    waiting: Waiting,
    read_timer: Pin<Box<Sleep>>,
    /// A write the socket did not take, and since when (its timer).
    write_blocked: bool,
    write_timer: Pin<Box<Sleep>>,
    shut: bool,
    lingered: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Heads, each checked whole before it is handed on.
    Heads,
    /// After a head with a body: everything passes (the answer closes the
    /// connection, so no head follows).
    Through,
    /// A head was refused: only the stand-in is read.
    Refused,
}

/// What the read timer runs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    Nothing,
    /// No head under way: when it fires, the connection is closed if it
    /// has been idle for the idle timeout, else it is set again. (Set
    /// lazily, so that a busy connection resets no timer per request.)
    Idle,
    /// A head begun (or a refused one's stand-in): its deadline.
    Header,
    Linger,
}

impl<S> Guarded<S> {
    pub fn new(inner: S, conn: Arc<Conn>, limits: Limits) -> Guarded<S> {
        let far = || Box::pin(tokio::time::sleep(Duration::from_secs(86_400)));
        Guarded {
            inner,
            conn,
            limits,
            buf: Vec::new(),
            scan: Scan::default(),
            ready: 0,
            mode: Mode::Heads,
            waiting: Waiting::Nothing,
            read_timer: far(),
            write_blocked: false,
            write_timer: far(),
            shut: false,
            lingered: 0,
        }
    }

    /// Hands hyper what it may read of `buf`.
    fn hand_over(&mut self, out: &mut ReadBuf<'_>) {
        let n = self.ready.min(out.remaining());
        out.put_slice(&self.buf[..n]);
        self.buf.drain(..n);
        self.ready -= n;
    }

    /// A whole head of `len` bytes, checked: hyper may read it (and, if a
    /// body follows, everything after it).
    fn pass(&mut self, len: usize, body: bool) {
        self.conn.pass();
        self.scan.reset();
        self.head_done();
        if body {
            self.mode = Mode::Through;
            self.ready = self.buf.len();
        } else {
            self.ready = len;
        }
    }

    /// A head refused: hyper reads the stand-in, the guard answers it.
    fn refuse(&mut self, refused: head::HeadRefused) {
        self.conn.refuse(refused);
        self.conn.pass();
        self.buf = STAND_IN.to_vec();
        self.ready = self.buf.len();
        self.mode = Mode::Refused;
    }

    /// The head that was arriving is whole (or gone): its timer is done.
    fn head_done(&mut self) {
        if self.waiting == Waiting::Header {
            self.waiting = Waiting::Nothing;
            self.conn.set_head_begun(false);
        }
    }

    /// When an idle connection is closed: the idle timeout after its last
    /// answer; for one not idle, a look again an idle timeout from now.
    fn idle_deadline(&self) -> Instant {
        let idle = self.limits.idle_timeout;
        match self.conn.is_idle() {
            true => Instant::from_std(self.conn.last_active()) + idle,
            false => Instant::now() + idle,
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Guarded<S> {
    /// Reads what the socket has into `buf`, up to one byte past the
    /// longest head (which is then refused); `Ok(0)` at its end.
    fn fill(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let len = self.buf.len();
        let want = (head::MAX_HEAD + 1).saturating_sub(len).min(READ_CHUNK);
        if want == 0 {
            // `check` refuses a head this long before it gets here.
            return Poll::Ready(Err(io::ErrorKind::InvalidData.into()));
        }
        self.buf.reserve_exact(want);
        self.buf.resize(len + want, 0);
        let mut read = ReadBuf::new(&mut self.buf[len..]);
        let polled = Pin::new(&mut self.inner).poll_read(cx, &mut read);
        let n = read.filled().len();
        self.buf.truncate(len + n);
        if polled.is_pending() && self.buf.is_empty() {
            // Waiting for a next request holds no buffer.
            self.buf = Vec::new();
        }
        ready!(polled)?;
        Poll::Ready(Ok(n))
    }

    /// Nothing more to read now: the wait, timed; when the time is up (a
    /// head not whole in the header timeout, a connection idle for the
    /// idle timeout), the end of the stream: hyper closes the connection,
    /// quietly, there being nothing to answer.
    fn wait(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let head = match self.mode {
            Mode::Heads => !self.buf.is_empty(),
            // The stand-in is answered and closed at once; a bound all the same.
            Mode::Refused => true,
            Mode::Through => false,
        };
        if head {
            if self.waiting != Waiting::Header {
                self.waiting = Waiting::Header;
                self.conn.set_head_begun(true);
                let deadline = Instant::now() + self.limits.header_timeout;
                self.read_timer.as_mut().reset(deadline);
            }
            return match self.read_timer.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Ok(())),
                Poll::Pending => Poll::Pending,
            };
        }
        self.head_done();
        if self.waiting != Waiting::Idle {
            self.waiting = Waiting::Idle;
            let deadline = self.idle_deadline();
            self.read_timer.as_mut().reset(deadline);
        }
        while self.read_timer.as_mut().poll(cx).is_ready() {
            let deadline = self.idle_deadline();
            if self.conn.is_idle() && Instant::now() >= deadline {
                return Poll::Ready(Ok(()));
            }
            self.read_timer.as_mut().reset(deadline);
        }
        Poll::Pending
    }

    /// A write (`op`) the socket may not take: failed once it has not
    /// taken a byte for the write timeout (a client that never reads).
    fn timed<T>(
        &mut self,
        cx: &mut Context<'_>,
        op: impl FnOnce(Pin<&mut S>, &mut Context<'_>) -> Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        match op(Pin::new(&mut self.inner), cx) {
            Poll::Ready(done) => {
                if self.write_blocked {
                    self.write_blocked = false;
                    self.conn.set_write_blocked(false);
                }
                Poll::Ready(done)
            }
            Poll::Pending => {
                if !self.write_blocked {
                    self.write_blocked = true;
                    self.conn.set_write_blocked(true);
                    let deadline = Instant::now() + self.limits.write_timeout;
                    self.write_timer.as_mut().reset(deadline);
                }
                match self.write_timer.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::ErrorKind::TimedOut.into())),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }

    /// After the answer to a refused head or to a request with a body: what
    /// the client still sends is read and dropped until it closes, for
    /// [`LINGER`] or [`LINGER_BYTES`] at most, so that closing does not
    /// reset the connection before the client has read the answer.
    fn linger(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.waiting != Waiting::Linger {
            self.waiting = Waiting::Linger;
            let deadline = Instant::now() + LINGER.min(self.limits.header_timeout);
            self.read_timer.as_mut().reset(deadline);
        }
        let mut scratch = [0u8; 2048];
        while self.lingered < LINGER_BYTES {
            let mut read = ReadBuf::new(&mut scratch);
            match Pin::new(&mut self.inner).poll_read(cx, &mut read) {
                Poll::Ready(Ok(())) if read.filled().is_empty() => return Poll::Ready(Ok(())),
                Poll::Ready(Ok(())) => self.lingered += read.filled().len(),
                Poll::Ready(Err(_)) => return Poll::Ready(Ok(())),
                Poll::Pending => {
                    return match self.read_timer.as_mut().poll(cx) {
                        Poll::Ready(()) => Poll::Ready(Ok(())),
                        Poll::Pending => Poll::Pending,
                    };
                }
            }
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for Guarded<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        out: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            if this.ready > 0 {
                this.hand_over(out);
                return Poll::Ready(Ok(()));
            }
            match this.mode {
                Mode::Refused => return this.wait(cx),
                Mode::Through if !this.buf.is_empty() => {
                    this.ready = this.buf.len();
                    continue;
                }
                Mode::Through => {
                    return match Pin::new(&mut this.inner).poll_read(cx, out) {
                        Poll::Pending => this.wait(cx),
                        done => done,
                    };
                }
                Mode::Heads if !this.buf.is_empty() => match head::check(&this.buf, &mut this.scan)
                {
                    Head::Blank(n) => {
                        this.buf.drain(..n);
                        continue;
                    }
                    Head::Whole { len, body } => {
                        this.pass(len, body);
                        continue;
                    }
                    Head::Refused(refused) => {
                        this.refuse(refused);
                        continue;
                    }
                    Head::Partial => {}
                },
                Mode::Heads => {}
            }
            match this.fill(cx) {
                // The end: a head cut short has no one to answer.
                Poll::Ready(Ok(0)) => return Poll::Ready(Ok(())),
                Poll::Ready(Ok(_)) => continue,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return this.wait(cx),
            }
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Guarded<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut()
            .timed(cx, |inner, cx| inner.poll_write(cx, data))
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.get_mut()
            .timed(cx, |inner, cx| inner.poll_write_vectored(cx, data))
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().timed(cx, |inner, cx| inner.poll_flush(cx))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if !this.shut {
            ready!(this.timed(cx, |inner, cx| inner.poll_shutdown(cx)))?;
            this.shut = true;
        }
        match this.mode {
            Mode::Refused | Mode::Through => this.linger(cx),
            Mode::Heads => Poll::Ready(Ok(())),
        }
    }
}
