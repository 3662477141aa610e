//! The head of a request (its request line and header lines), checked as it
//! arrives and before hyper reads it: a head too long, with too many lines
//! or not well-formed is refused here, below hyper's own limits, so that
//! the answer is ours (the security headers, JSON under `/api/`) and never
//! hyper's bare 400, 414 or 431. What is let through, hyper parses as we
//! did (the same `httparse`, the checks hyper adds after it).

use axum::http::StatusCode;

use crate::core::catalogue::Lang;
use crate::serve::form;

/// The most bytes of a request line: a form's query (8 KB,
/// [`form::MAX_QUERY_BYTES`]) and its path fit, so that a query a little
/// too long is told so by the form, naming its limit.
pub const MAX_REQUEST_LINE: usize = 10 * 1024;

/// The most bytes of the header lines after the request line (a browser
/// sends under 2 KB; hyper would take some 400 KB).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most header lines (hyper's limit is 100).
pub const MAX_HEADERS: usize = 64;

/// The most bytes kept of a head while it arrives: one more is refused.
pub const MAX_HEAD: usize = MAX_REQUEST_LINE + MAX_HEADER_BYTES;

/// A head refused before hyper saw it: the status, and how to say it (JSON
/// under `/api/`, the language the query asks for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadRefused {
    pub status: StatusCode,
    pub api: bool,
    pub lang: Lang,
}

/// What the bytes read so far hold.
#[derive(Debug, PartialEq, Eq)]
pub enum Head {
    /// Empty lines before a request line (allowed, and dropped): how many bytes.
    Blank(usize),
    /// Not all of it yet.
    Partial,
    /// A whole head of `len` bytes; `body`: a body follows (a
    /// Content-Length above 0, or a Transfer-Encoding).
    Whole {
        len: usize,
        body: bool,
    },
    Refused(HeadRefused),
}

/// Where the scan of a head got to, so that each byte is looked at once
/// however slowly the head arrives.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scan {
    /// The end of the request line (its `\n`), once seen.
    line_end: Option<usize>,
    /// The bytes before this hold no end of the head.
    from: usize,
}

impl Scan {
    /// After a head is taken from the front: the next starts afresh.
    pub fn reset(&mut self) {
        *self = Scan::default();
    }
}

/// Checks the head at the front of `buf` (never longer than [`MAX_HEAD`]
/// plus one read), picking the scan up where it stopped.
pub fn check(buf: &[u8], scan: &mut Scan) -> Head {
    let blank = buf
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    if blank > 0 {
        scan.reset();
        return Head::Blank(blank);
    }
    let refused = |status| Head::Refused(refused(buf, status));
    let line_end = match scan.line_end {
        Some(end) => end,
        None => match memchr::memchr(b'\n', &buf[scan.from..]) {
            Some(at) => {
                let end = scan.from + at;
                scan.line_end = Some(end);
                scan.from = end;
                end
            }
            None if buf.len() > MAX_REQUEST_LINE => return refused(StatusCode::URI_TOO_LONG),
            None => {
                scan.from = buf.len();
                return Head::Partial;
            }
        },
    };
    if line_end > MAX_REQUEST_LINE {
        return refused(StatusCode::URI_TOO_LONG);
    }
    let Some(len) = end_of_head(buf, scan) else {
        return match buf.len() - line_end > MAX_HEADER_BYTES {
            true => refused(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE),
            false => Head::Partial,
        };
    };
    if len - line_end > MAX_HEADER_BYTES {
        return refused(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
    match parse(&buf[..len]) {
        Ok(body) => Head::Whole { len, body },
        Err(status) => refused(status),
    }
}

/// The length of the head once its empty line is in `buf` (`\r\n\r\n`, or
/// `\n\n` as httparse also reads); the scan starts at the request line's end.
fn end_of_head(buf: &[u8], scan: &mut Scan) -> Option<usize> {
    for at in memchr::memchr_iter(b'\n', &buf[scan.from..]).map(|i| scan.from + i) {
        match buf.get(at + 1..) {
            Some([b'\n', ..]) => return Some(at + 2),
            Some([b'\r', b'\n', ..]) => return Some(at + 3),
            // A `\n\r` at the very end: look again when more comes.
            Some([b'\r']) | Some([]) | None => {
                scan.from = at;
                return None;
            }
            Some(_) => {}
        }
    }
    scan.from = buf.len();
    None
}

/// A whole head, as hyper will read it: whether a body follows, or why
/// it is refused. Stricter than hyper where it differs, never looser.
fn parse(head: &[u8]) -> Result<bool, StatusCode> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Err(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        Ok(httparse::Status::Partial) | Err(_) => return Err(StatusCode::BAD_REQUEST),
    }
    let bad = StatusCode::BAD_REQUEST;
    let path = request.path.ok_or(bad)?;
    axum::http::Uri::try_from(path).map_err(|_| bad)?;
    let http_10 = request.version == Some(0);
    let mut length: Option<u64> = None;
    let mut chunked = None;
    for header in request.headers.iter() {
        axum::http::HeaderName::from_bytes(header.name.as_bytes()).map_err(|_| bad)?;
        if header.name.eq_ignore_ascii_case("content-length") {
            // Digits only, and the same in every Content-Length.
            let value = std::str::from_utf8(header.value).map_err(|_| bad)?.trim();
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad);
            }
            let value: u64 = value.parse().map_err(|_| bad)?;
            if length.is_some_and(|before| before != value) {
                return Err(bad);
            }
            length = Some(value);
        } else if header.name.eq_ignore_ascii_case("transfer-encoding") {
            // As hyper: none in HTTP/1.0, and the last coding is chunked.
            let value = std::str::from_utf8(header.value).map_err(|_| bad)?;
            let last = value.rsplit(',').next().unwrap_or("").trim();
            chunked = Some(!http_10 && last.eq_ignore_ascii_case("chunked"));
        }
    }
    match chunked {
        Some(false) => Err(bad),
        Some(true) => Ok(true),
        None => Ok(length.unwrap_or(0) > 0),
    }
}

/// The refusal of the head at the front of `buf`: JSON if its path (as far
/// as it came) is under `/api/`, in the language its query asks for.
fn refused(buf: &[u8], status: StatusCode) -> HeadRefused {
    let line = &buf[..memchr::memchr(b'\n', buf).unwrap_or(buf.len())];
    let line = String::from_utf8_lossy(&line[..line.len().min(MAX_REQUEST_LINE)]);
    let target = line.split(' ').nth(1).unwrap_or("");
    // `http://host/api/…` (absolute form) is the path `/api/…`.
    let target = match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
        None => target,
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    HeadRefused {
        status,
        api: path.starts_with("/api/"),
        lang: form::lang_of(query),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes` checked as one read.
    fn at_once(bytes: &[u8]) -> Head {
        check(bytes, &mut Scan::default())
    }

    /// `bytes` checked as they arrive one at a time: the same answer.
    fn byte_by_byte(bytes: &[u8]) -> Head {
        let mut scan = Scan::default();
        for end in 1..bytes.len() {
            match check(&bytes[..end], &mut scan) {
                Head::Partial => {}
                other => return other,
            }
        }
        check(bytes, &mut scan)
    }

    fn status(head: Head) -> StatusCode {
        match head {
            Head::Refused(refused) => refused.status,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_browsers_head_is_whole_where_its_empty_line_ends() {
        let head = b"GET /?facility=clinic HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\n\r\nGET / HTTP/1.1\r\n";
        let len = head.len() - "GET / HTTP/1.1\r\n".len();
        let whole = Head::Whole { len, body: false };
        assert_eq!(at_once(head), whole);
        assert_eq!(byte_by_byte(&head[..len]), whole);
        // Bare line feeds, as httparse reads them.
        assert_eq!(
            at_once(b"GET / HTTP/1.0\n\n"),
            Head::Whole {
                len: 16,
                body: false
            }
        );
        assert_eq!(at_once(b"\r\n\r\nGET"), Head::Blank(4));
        assert_eq!(at_once(b"GET / HTTP/1.1\r\nHost: a\r\n"), Head::Partial);
    }

    #[test]
    fn a_body_is_told_by_its_length_or_its_coding() {
        let with =
            |header: &str| at_once(format!("POST / HTTP/1.1\r\n{header}\r\n\r\n").as_bytes());
        assert!(matches!(
            with("Content-Length: 0"),
            Head::Whole { body: false, .. }
        ));
        assert!(matches!(
            with("Content-Length: 12"),
            Head::Whole { body: true, .. }
        ));
        assert!(matches!(
            with("Transfer-Encoding: gzip, chunked"),
            Head::Whole { body: true, .. }
        ));
        for bad in [
            "Content-Length: -1",
            "Content-Length: 1, 1",
            "Content-Length: 2\r\nContent-Length: 3",
            "Content-Length: 99999999999999999999999",
            "Transfer-Encoding: gzip",
        ] {
            assert_eq!(status(with(bad)), StatusCode::BAD_REQUEST, "{bad}");
        }
        let old = at_once(b"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n");
        assert_eq!(status(old), StatusCode::BAD_REQUEST);
    }

    #[test]
    fn a_head_too_long_is_refused_as_it_arrives() {
        // A request line longer than MAX_REQUEST_LINE, its end not yet come.
        let long = format!(
            "GET /api/v1/calc?lang=en&x={}",
            "a".repeat(MAX_REQUEST_LINE)
        );
        let refused = at_once(long.as_bytes());
        assert_eq!(
            refused,
            Head::Refused(HeadRefused {
                status: StatusCode::URI_TOO_LONG,
                api: true,
                lang: Lang::En
            })
        );
        // A header sent slowly and never finished (issue 23: `X-Big:` and
        // 390,000 bytes): refused one byte past the limit, on the page.
        let big = format!("GET / HTTP/1.1\r\nX-Big: {}", "b".repeat(MAX_HEADER_BYTES));
        let refused = byte_by_byte(big.as_bytes());
        assert_eq!(
            refused,
            Head::Refused(HeadRefused {
                status: StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                api: false,
                lang: Lang::Ja
            })
        );
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: 1\r\n")).collect();
        let many = at_once(format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes());
        assert_eq!(status(many), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    }

    #[test]
    fn what_hyper_would_refuse_is_refused_here_first() {
        for bad in [
            &b"GET / HTTP/1.1\r\nBad Name: 1\r\n\r\n"[..],
            b"GET /a b HTTP/1.1\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n",
            b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            b"G(T / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\n folded: 1\r\n\r\n",
        ] {
            let shown = String::from_utf8_lossy(bad);
            assert_eq!(status(at_once(bad)), StatusCode::BAD_REQUEST, "{shown}");
        }
        let absolute =
            at_once(b"GET http://localhost:8080/api/v1/plan?lang=en HTTP/1.1\r\nX: \x01\r\n\r\n");
        assert_eq!(
            absolute,
            Head::Refused(HeadRefused {
                status: StatusCode::BAD_REQUEST,
                api: true,
                lang: Lang::En
            })
        );
    }
}
