//! `subsidy update`: a catalogue released apart from the program, as
//! tzdata is. Fetches a bundle and its minisign signature (`URL.minisig`)
//! over HTTP(S) (rustls; a timeout; a size limit, refused early on
//! `Content-Length` and stopped past it; a progress bar on a terminal),
//! verifies the signature (the project's key, and `--trusted-key`s), then
//! every file's SHA-256 against the manifest, then `check` (all of it but
//! the quotes against the source documents, which a bundle does not
//! carry), then that its rule data is not older than what is in use (a
//! replayed old release; `--allow-older` to go back on purpose) nor than
//! the built-in catalogue (it would not be used), then that every
//! configured extension still lays over it, and only then installs it
//! ([`super::installed`]). Until that last step nothing is written: a
//! refusal leaves the catalogue in use as it was. `--rollback` goes back
//! one.
//!
//! A URL is shown (in messages, in the record, by `--version`) without
//! its user, password, query and fragment ([`shown_url`]): a token in it
//! stays where the user put it.

use std::io::{IsTerminal as _, Read as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use super::args::UpdateArgs;
use super::config::{Settings, is_http_url};
use super::installed::{Entry, Installed, RolledBack, Store, is_older};
use super::layers::{BUILTIN, First, Layers};
use super::{CliError, fail, note_text, print_out, screen_width, stderr_width, to_stderr};
use crate::Lang;
use crate::core::catalogue::bundle::signature::{self, KeyError, SignatureError, TrustedKey};
use crate::core::catalogue::bundle::{self, MAX_BUNDLE_BYTES};
use crate::core::catalogue::{self, Catalogue};
use crate::core::diagnostics::{Said, said, said_each};
use crate::core::diff::catalogue_diff;
use crate::i18n::{self, Key};
use crate::report::diff::{self as said_diff, Side};

/// A signature file is two short lines and two comments.
const MAX_SIGNATURE_BYTES: u64 = 16 * 1024;

/// A `--trusted-key` file is a comment and a key.
const MAX_KEY_BYTES: u64 = 16 * 1024;

/// To connect, and to wait for any one read.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// For the whole of one download.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(300);

/// What `subsidy update` prints: the change on stdout, notes on stderr.
struct Done {
    out: String,
    notes: Vec<String>,
}

pub fn run(args: UpdateArgs, layers: &Layers, settings: &Settings, lang: Lang) -> ExitCode {
    let done = if args.rollback {
        rollback(layers, lang)
    } else {
        update(&args, layers, settings, lang)
    };
    match done {
        // What changed first, then what was done and how to undo it.
        Ok(done) => {
            let printed = print_out(&done.out, lang);
            for note in &done.notes {
                to_stderr(&note_text(note, stderr_width()));
            }
            printed
        }
        Err(e) => fail(&e, lang),
    }
}

/// What changed from `old` to `new`, each named as the user knows it
/// (`builtin`, the URL it was installed from, `--data`'s path): the diff
/// `subsidy diff` prints, headed by the two catalogues and their versions.
/// The one place `subsidy update` and `--rollback` say what changed.
fn say_changes(old: (&Catalogue, String), new: (&Catalogue, String), lang: Lang) -> String {
    let side = |(catalogue, name): (&Catalogue, String)| Side {
        name,
        version: catalogue.receipt().version.clone(),
        sha256: catalogue.receipt().sha256.clone(),
    };
    let diff = catalogue_diff(old.0, new.0);
    let (old_side, new_side) = (side(old), side(new));
    let width = screen_width();
    let header = said_diff::diff_header(&old_side, &new_side, lang);
    format!(
        "{}{}",
        crate::report::layout::wrap_lines(&header, width),
        said_diff::catalogue_diff_text(&diff, lang, width)
    )
}

/// How the first layer in use is named in what `update` says: `builtin`,
/// the URL it was installed from, or `--data`'s path.
fn named(first: &First) -> String {
    match first {
        First::Builtin => BUILTIN.to_string(),
        First::Installed(_, entry) => shown_url(&entry.url),
        First::Data(path) => path.display().to_string(),
    }
}

/// The store to install in, or the line that says there is none.
fn store(layers: &Layers) -> Result<Store, CliError> {
    layers
        .installed
        .clone()
        .ok_or_else(|| CliError::Release(said(Key::UpdateNoDataHome, &[])))
}

fn rollback(layers: &Layers, lang: Lang) -> Result<Done, CliError> {
    let store = store(layers)?;
    // What is in use now, if it loads, to say what changed.
    let before = match (&layers.data, layers.first_from()) {
        (None, Ok(first)) => layers.first().ok().map(|c| (c, named(&first))),
        _ => None,
    };
    let builtin = catalogue::embedded_receipt().version;
    let mut notes = Vec::new();
    let now = match store.rollback()? {
        RolledBack::To(entry) => {
            notes.push(i18n::text(
                lang,
                Key::RollbackDone,
                &[
                    ("version", &entry.version),
                    ("url", &shown_url(&entry.url)),
                    ("date", &entry.date()),
                ],
            ));
            // Back to one the binary's own is newer than: set aside.
            if is_older(&entry.version, &builtin) {
                notes.push(i18n::text(
                    lang,
                    Key::RollbackShadowed,
                    &[("version", &entry.version), ("builtin", &builtin)],
                ));
                None
            } else {
                Some(entry)
            }
        }
        RolledBack::Builtin => {
            notes.push(i18n::text(
                lang,
                Key::RollbackToBuiltin,
                &[("version", &builtin)],
            ));
            None
        }
        RolledBack::BuiltinInstead(entry, reason) => {
            notes.push(i18n::text(
                lang,
                Key::RollbackPreviousUnusable,
                &[
                    ("version", &entry.version),
                    ("url", &shown_url(&entry.url)),
                    ("reason", &reason.get(lang)),
                    ("builtin", &builtin),
                ],
            ));
            None
        }
    };
    let after = match &now {
        Some(entry) => store.load(entry).ok().map(|c| (c, shown_url(&entry.url))),
        None => Catalogue::embedded().ok().map(|c| (c, BUILTIN.to_string())),
    };
    let mut out = String::new();
    if let (Some((before, was)), Some((after, is))) = (before, after) {
        out = say_changes((&before, was), (&after, is), lang);
    }
    Ok(Done { out, notes })
}

/// The URL a signature is at: `.minisig` on the bundle's path, before any
/// query or fragment (`a.tar?t=1` → `a.tar.minisig?t=1`).
fn signature_url(url: &str) -> String {
    let at = url.find(['?', '#']).unwrap_or(url.len());
    format!("{}.minisig{}", &url[..at], &url[at..])
}

/// `url` as messages, the record and `--version` show it: without a user
/// and password, a query or a fragment (a token may be in any of them),
/// on one line.
pub(super) fn shown_url(url: &str) -> String {
    let url = url.trim();
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, url),
    };
    let rest = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let shown = match scheme {
        Some(scheme) => format!("{scheme}://{host}{path}"),
        None => format!("{host}{path}"),
    };
    (shown.chars())
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_debug().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

fn update(
    args: &UpdateArgs,
    layers: &Layers,
    settings: &Settings,
    lang: Lang,
) -> Result<Done, CliError> {
    let url = match (&args.from, &settings.update_url) {
        (Some(url), _) => url.trim().to_string(),
        (None, Some(url)) => url.value.clone(),
        (None, None) => return Err(CliError::Release(said(Key::UpdateNoUrl, &[]))),
    };
    if !is_http_url(&url) {
        return Err(CliError::Release(said(
            Key::UpdateUrlValue,
            &[("url", &crate::input::text::shown(&shown_url(&url)))],
        )));
    }
    let shown = shown_url(&url);
    let mut keys = vec![TrustedKey::project()];
    for path in &args.trusted_key {
        keys.push(trusted_key(path)?);
    }
    let store = store(layers)?;
    // The catalogue in use: what the change is told against. An installed
    // one that cannot be used (damaged, or that this build cannot read)
    // is what an update replaces: nothing to tell the change against.
    // Anything else that cannot be used (`--data`) refuses here.
    let in_use = layers.first_from()?;
    let old = match (layers.first(), &in_use) {
        (Ok(old), _) => Some(old),
        (Err(_), First::Installed(..)) => None,
        (Err(e), _) => return Err(e),
    };
    // What the new one replaces, whatever `--data` says for this command:
    // the installed catalogue in use, else the built-in one.
    let replaced = Layers {
        data: None,
        ..layers.clone()
    }
    .first_from()?;
    let refused = |reason: Said| {
        CliError::Release(said_each(|lang| {
            i18n::text(
                lang,
                Key::UpdateRefused,
                &[("url", &shown), ("reason", &reason.get(lang))],
            )
        }))
    };
    let agent = agent();
    let terminal = std::io::stderr().is_terminal();
    let bytes = fetch(
        &agent,
        &url,
        (MAX_BUNDLE_BYTES, Key::UpdateTooLarge),
        terminal,
        lang,
    )?;
    let signature = fetch(
        &agent,
        &signature_url(&url),
        (MAX_SIGNATURE_BYTES, Key::UpdateSignatureTooLarge),
        false,
        lang,
    )?;
    let signature = String::from_utf8_lossy(&signature);
    signature::verify(&bytes, &signature, &keys).map_err(|e| {
        refused(match e {
            SignatureError::Bad => said(Key::SignatureBad, &[]),
            SignatureError::UnknownKey(id) => said(Key::SignatureUnknownKey, &[("key_id", &id)]),
            SignatureError::NoKeyId => said(Key::SignatureNoKeyId, &[]),
            SignatureError::Unreadable(detail) => said(
                Key::SignatureUnreadable,
                &[("detail", &crate::input::text::shown(&detail))],
            ),
        })
    })?;
    let read = bundle::read_bundle(&bytes).map_err(|e| refused(e.said()))?;
    if (read.files.iter()).any(|(name, _)| catalogue::is_extension_file(name)) {
        return Err(CliError::Release(said(
            Key::UpdateIsExtension,
            &[("url", &shown)],
        )));
    }
    // Named as the bundle's file and the file in it, for check's lines.
    let base = shown.rsplit('/').next().unwrap_or("bundle");
    let files: Vec<(String, String)> = (read.files.into_iter())
        .map(|(name, text)| (format!("{base}/{name}"), text))
        .collect();
    let options = crate::check::Options {
        as_of: chrono::Local::now().date_naive(),
        stale_days: 365,
        documents: None,
        coverage: false,
    };
    let report = crate::check::check(&files, &options);
    if let Some(first) =
        (report.findings.iter()).find(|f| f.severity == crate::check::Severity::Error)
    {
        let errors = report.errors();
        return Err(CliError::Release(said_each(|lang| {
            let first = format!("{}:{}: {}", first.file, first.line, first.message_in(lang));
            i18n::text(
                lang,
                Key::UpdateCheckFailed,
                &[("url", &shown), ("errors", &errors), ("first", &first)],
            )
        })));
    }
    let new = Catalogue::parse(files).map_err(|e| refused(said_each(|lang| e.message(lang))))?;
    // The version the data itself gives (its newest document), as --version names it.
    let version = new.receipt().version.clone();
    refuse_older(&version, &replaced, args.allow_older, &shown)?;
    // Every extension configured must still lay over it: else every
    // command after this one would stop.
    layers.over(new.clone(), &layers.extend).map_err(|e| {
        CliError::Release(said_each(|lang| {
            i18n::text(
                lang,
                Key::UpdateBreaksExtension,
                &[("url", &shown), ("reason", &e.message(lang))],
            )
        }))
    })?;
    let done = store.install(
        &bytes,
        Entry {
            sha256: bundle::sha256_hex(&bytes),
            version: version.clone(),
            // Without a token it may carry: the record is for showing.
            url: shown.clone(),
            installed: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        },
    )?;
    if let Installed::Same(entry) = done {
        return Ok(Done {
            out: String::new(),
            notes: vec![i18n::text(
                lang,
                Key::UpdateSame,
                &[("url", &shown), ("version", &entry.version)],
            )],
        });
    }
    Ok(Done {
        out: (old.as_ref())
            .map(|old| say_changes((old, named(&in_use)), (&new, shown.clone()), lang))
            .unwrap_or_default(),
        notes: vec![
            i18n::template(lang, Key::UpdateQuotesUnchecked).to_string(),
            i18n::text(
                lang,
                Key::UpdateInstalled,
                &[
                    ("version", &version),
                    ("url", &shown),
                    ("dir", &store.dir.display()),
                ],
            ),
        ],
    })
}

/// Refuses rule data `version` older than the built-in catalogue's (it
/// would be set aside, never used), or, unless `allow_older`, than what it
/// replaces (`replaced`: an old signed release served again would take
/// back a change). Versions are dates; one that is not is not older.
fn refuse_older(
    version: &str,
    replaced: &First,
    allow_older: bool,
    url: &str,
) -> Result<(), CliError> {
    let builtin = catalogue::embedded_receipt().version;
    if is_older(version, &builtin) {
        return Err(CliError::Release(said(
            Key::UpdateOlderThanBuiltin,
            &[("url", &url), ("new", &version), ("builtin", &builtin)],
        )));
    }
    let (old, in_use) = match replaced {
        First::Installed(_, entry) => (entry.version.clone(), shown_url(&entry.url)),
        _ => (builtin, BUILTIN.to_string()),
    };
    if !allow_older && is_older(version, &old) {
        return Err(CliError::Release(said(
            Key::UpdateOlder,
            &[
                ("url", &url),
                ("new", &version),
                ("old", &old),
                ("in_use", &in_use),
            ],
        )));
    }
    Ok(())
}

/// Why a download failed, as the user is told.
enum Reason {
    Key(Key),
    /// The HTTP, TLS or system library's own words, quoted after ours.
    Said(String),
}

impl Reason {
    fn of(error: ureq::Error) -> Reason {
        match error {
            ureq::Error::Timeout(_) => Reason::Key(Key::NetTimeout),
            ureq::Error::HostNotFound => Reason::Key(Key::NetHostNotFound),
            ureq::Error::ConnectionFailed => Reason::Key(Key::NetConnection),
            ureq::Error::BadUri(_) | ureq::Error::Http(_) => Reason::Key(Key::NetBadUri),
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
                Reason::Key(Key::NetTls)
            }
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
                Reason::Key(Key::NetRedirects)
            }
            ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(..) => {
                Reason::Key(Key::NetProtocol)
            }
            ureq::Error::InvalidProxyUrl => Reason::Key(Key::NetProxy),
            ureq::Error::Io(e) => Reason::of_io(e),
            e => Reason::Said(e.to_string()),
        }
    }

    /// A read that failed: a ureq error inside an io error, or the io error.
    fn of_io(error: std::io::Error) -> Reason {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Reason::Key(Key::NetTimeout),
            ErrorKind::ConnectionRefused => Reason::Key(Key::NetRefused),
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::UnexpectedEof => Reason::Key(Key::NetConnection),
            _ => match error.downcast::<ureq::Error>() {
                Ok(e) => Reason::of(e),
                // The standard library's name lookup has no kind of its own
                // (`Uncategorized`); its message is fixed.
                Err(e) if e.to_string().starts_with("failed to lookup address") => {
                    Reason::Key(Key::NetHostNotFound)
                }
                Err(e) => Reason::Said(e.to_string()),
            },
        }
    }

    fn words(&self, lang: Lang) -> String {
        match self {
            Reason::Key(key) => i18n::template(lang, *key).to_string(),
            Reason::Said(detail) => i18n::text(
                lang,
                Key::NetOther,
                &[("detail", &crate::input::text::shown(detail))],
            ),
        }
    }
}

/// A `--trusted-key` file: a minisign public key.
fn trusted_key(path: &Path) -> Result<TrustedKey, CliError> {
    let unreadable = |reason: Said| {
        CliError::Release(said_each(|lang| {
            i18n::text(
                lang,
                Key::TrustedKeyUnreadable,
                &[("file", &path.display()), ("reason", &reason.get(lang))],
            )
        }))
    };
    let file = std::fs::File::open(path).map_err(|e| CliError::CannotRead {
        path: path.to_path_buf(),
        reason: e,
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_KEY_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(said_each(|lang| i18n::io_reason(lang, &e))))?;
    TrustedKey::parse(&String::from_utf8_lossy(&bytes)).map_err(|e| {
        unreadable(match e {
            KeyError::NoKeyLine => said(Key::KeyNoKeyLine, &[]),
            KeyError::NotAKey(detail) => said(
                Key::KeyNotAKey,
                &[("detail", &crate::input::text::shown(&detail))],
            ),
        })
    })
}

/// The HTTP client: rustls, its own timeouts, the environment's proxy.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_per_read(Some(READ_TIMEOUT))
        .timeout_global(Some(DOWNLOAD_TIMEOUT))
        .user_agent(concat!("subsidy/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// The body at `url`, of at most `max` bytes: refused before reading when
/// the server says it is larger, and stopped once it is (the line
/// `too_large`). `progress`: a bar on stderr (a terminal).
fn fetch(
    agent: &ureq::Agent,
    url: &str,
    (max, too_large): (u64, Key),
    progress: bool,
    lang: Lang,
) -> Result<Vec<u8>, CliError> {
    let shown = shown_url(url);
    let url_for_request = url;
    let url = &shown;
    let network = |reason: Reason| {
        CliError::Release(said_each(|lang| {
            i18n::text(
                lang,
                Key::UpdateFetch,
                &[("url", &url), ("reason", &reason.words(lang))],
            )
        }))
    };
    let too_large = || {
        CliError::Release(said(
            too_large,
            &[
                ("url", &url),
                ("max", &crate::core::money::group_thousands(u128::from(max))),
            ],
        ))
    };
    let mut response = agent.get(url_for_request).call().map_err(|e| match e {
        ureq::Error::StatusCode(status) => CliError::Release(said(
            Key::UpdateHttpStatus,
            &[("url", &url), ("status", &status)],
        )),
        e => network(Reason::of(e)),
    })?;
    let expected = response.body().content_length();
    if expected.is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let bar = progress.then(|| {
        let bar = match expected {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) =
            indicatif::ProgressStyle::with_template(i18n::template(lang, Key::UpdateProgress))
        {
            bar.set_style(style);
        }
        bar
    });
    // Our own limit, checked as the bytes come: the library's is not needed.
    let mut reader = response.body_mut().with_config().limit(u64::MAX).reader();
    let mut bytes = Vec::with_capacity(usize::try_from(expected.unwrap_or(0)).unwrap_or(0));
    let mut buffer = vec![0u8; 64 * 1024];
    let truncated = |got: usize, expected: u64| {
        CliError::Release(said(
            Key::UpdateTruncated,
            &[
                ("url", &url),
                ("bytes", &crate::core::money::group_thousands(got as u128)),
                (
                    "expected",
                    &crate::core::money::group_thousands(u128::from(expected)),
                ),
            ],
        ))
    };
    let result = loop {
        match reader.read(&mut buffer) {
            Ok(0) => break Ok(()),
            Ok(n) => {
                bytes.extend_from_slice(&buffer[..n]);
                if let Some(bar) = &bar {
                    bar.set_position(bytes.len() as u64);
                }
                if bytes.len() as u64 > max {
                    break Err(too_large());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                break Err(match expected {
                    Some(expected) if (bytes.len() as u64) < expected => {
                        truncated(bytes.len(), expected)
                    }
                    _ => network(Reason::of_io(e)),
                });
            }
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result?;
    match expected {
        Some(expected) if bytes.len() as u64 != expected => Err(truncated(bytes.len(), expected)),
        _ => Ok(bytes),
    }
}
