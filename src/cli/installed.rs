//! The catalogue `subsidy update` installed, in `$XDG_DATA_HOME/subsidy/`
//! (else `~/.local/share/subsidy/`): the first layer of every command
//! instead of the built-in catalogue, unless `--data` names another.
//!
//! The directory holds `bundles/SHA256.tar`, the bundles as fetched (the
//! one in use and the one before it), and [`RECORD_FILE`], which names
//! the one in use by its SHA-256, where it came from and when, and the one
//! before it. Installing writes the new bundle under its own name, then
//! replaces the record by renaming a whole new one over it: at every
//! instant the record names a complete bundle, the old or the new. A
//! bundle whose SHA-256 is not the record's (changed on disk) is refused at
//! startup, naming the file and `subsidy update --rollback`; one that is as
//! installed but that this build cannot read (a later format, a schema
//! changed) is said to be so, naming `subsidy update` too.
//!
//! An installed catalogue older than the one built into the binary (the
//! binary was upgraded since) is not used: see [`is_older`].

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::CliError;
use crate::core::catalogue::{self, Catalogue, CatalogueError, bundle};
use crate::core::diagnostics::{Said, said, said_each};
use crate::i18n::{self, Key};

/// The record of what is installed, in the directory.
pub const RECORD_FILE: &str = "installed.toml";

/// The bundles' directory, in the directory.
pub const BUNDLES_DIR: &str = "bundles";

/// A record is a few lines.
const MAX_RECORD_BYTES: u64 = 64 * 1024;

/// The directory an installed catalogue lives in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub dir: PathBuf,
}

/// What is installed: the catalogue in use, and the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub current: Entry,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Entry>,
}

/// One installed bundle: which (its SHA-256), its rule data's version,
/// where it came from and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Of the whole bundle file, lower-case hex: its name under [`BUNDLES_DIR`].
    pub sha256: String,
    pub version: String,
    pub url: String,
    /// RFC 3339, UTC.
    pub installed: String,
}

impl Entry {
    /// The day it was installed (`2026-12-07`).
    pub fn date(&self) -> &str {
        self.installed.get(..10).unwrap_or(&self.installed)
    }
}

/// Whether rule data `version` is older than `than`. Versions are ISO
/// dates (the newest source document's); compared as dates. One that does
/// not parse as a date (`unknown`, a record written by hand) is taken as
/// not older: nothing is refused or set aside on a guess.
pub fn is_older(version: &str, than: &str) -> bool {
    let date = |v: &str| chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
    match (date(version), date(than)) {
        (Some(version), Some(than)) => version < than,
        _ => false,
    }
}

/// Why an installed bundle cannot be used.
#[derive(Debug)]
pub enum Unusable {
    /// Its file is not there (removed, maybe by an update just finished).
    Missing,
    /// Its file cannot be read, or is not the bytes installed: the reason.
    Damaged(Said),
    /// The bytes installed, which this build cannot read: the reason.
    Unreadable(Said),
}

impl Unusable {
    /// The reason alone, in both languages (`--rollback` quotes it).
    pub fn reason(&self) -> Said {
        match self {
            Unusable::Missing => said(Key::InstalledMissing, &[]),
            Unusable::Damaged(reason) | Unusable::Unreadable(reason) => reason.clone(),
        }
    }
}

/// What [`Store::install`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    /// The bundle is in use now; the one before is kept for `--rollback`.
    New,
    /// The bundle was in use already (this entry): nothing changed.
    Same(Entry),
}

/// What [`Store::rollback`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RolledBack {
    /// The one before is in use again.
    To(Entry),
    /// There was none before (or the record could not be read): the built-in one.
    Builtin,
    /// The one before cannot be used (the reason): the built-in one instead.
    BuiltinInstead(Entry, Said),
}

/// Whether `sha256` is 64 lower-case hex digits (and so a file name that
/// stays in [`BUNDLES_DIR`]).
fn is_sha256(sha256: &str) -> bool {
    sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The line that refuses the installed catalogue `file`: `reason` in each language.
fn corrupt(file: &Path, reason: impl Fn(crate::Lang) -> String) -> CliError {
    CliError::Release(said_each(|lang| {
        i18n::text(
            lang,
            Key::InstalledCorrupt,
            &[("file", &file.display()), ("reason", &reason(lang))],
        )
    }))
}

/// The line that says the directory could not be written (nothing changed).
fn cannot_write(path: &Path, e: &std::io::Error) -> CliError {
    CliError::Release(said_each(|lang| {
        i18n::text(
            lang,
            Key::InstalledCannotWrite,
            &[
                ("path", &path.display()),
                ("reason", &i18n::io_reason(lang, e)),
            ],
        )
    }))
}

impl Store {
    pub fn record_path(&self) -> PathBuf {
        self.dir.join(RECORD_FILE)
    }

    /// Where the bundle of SHA-256 `sha256` is kept.
    pub fn bundle_path(&self, sha256: &str) -> PathBuf {
        self.dir.join(BUNDLES_DIR).join(format!("{sha256}.tar"))
    }

    /// What is installed; `None`: nothing (the built-in catalogue is used).
    pub fn record(&self) -> Result<Option<Record>, CliError> {
        let path = self.record_path();
        let invalid = |reason: Said| {
            corrupt(&path, move |lang| {
                i18n::text(
                    lang,
                    Key::InstalledRecordInvalid,
                    &[("reason", &reason.get(lang))],
                )
            })
        };
        let file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(corrupt(&path, |lang| i18n::io_reason(lang, &e)));
            }
        };
        let mut bytes = Vec::new();
        if let Err(e) = file.take(MAX_RECORD_BYTES + 1).read_to_end(&mut bytes) {
            return Err(corrupt(&path, |lang| i18n::io_reason(lang, &e)));
        }
        if bytes.len() as u64 > MAX_RECORD_BYTES {
            let max = crate::core::money::group_thousands(u128::from(MAX_RECORD_BYTES));
            return Err(invalid(said(
                Key::InstalledRecordTooLarge,
                &[("max", &max)],
            )));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| invalid(said(Key::InstalledRecordNotUtf8, &[])))?;
        let record: Record = toml::from_str(&text).map_err(|e| {
            let detail = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
            let detail = crate::input::text::shown(&detail).into_owned();
            invalid(said(Key::InstalledRecordToml, &[("detail", &detail)]))
        })?;
        let entries = std::iter::once(&record.current).chain(&record.previous);
        if let Some(bad) = entries.clone().find(|e| !is_sha256(&e.sha256)) {
            return Err(invalid(said(
                Key::InstalledRecordSha,
                &[("sha256", &crate::input::text::shown(&bad.sha256))],
            )));
        }
        Ok(Some(record))
    }

    /// The bytes of `entry`'s bundle, checked against its SHA-256.
    fn bytes(&self, entry: &Entry) -> Result<Vec<u8>, Unusable> {
        let path = self.bundle_path(entry.sha256.as_str());
        if matches!(std::fs::symlink_metadata(&path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
        {
            return Err(Unusable::Missing);
        }
        let bytes = catalogue::read_bundle_bytes(&path).map_err(|e| {
            Unusable::Damaged(match e {
                CatalogueError::Unreadable { message, .. } => message,
                e => said_each(|lang| e.message(lang)),
            })
        })?;
        if bundle::sha256_hex(&bytes) != entry.sha256 {
            return Err(Unusable::Damaged(said(Key::InstalledHashMismatch, &[])));
        }
        Ok(bytes)
    }

    /// The files of `entry`'s bundle: its bytes as installed, then read.
    /// Bytes as installed that do not read are this build's limit, not damage.
    fn try_files(&self, entry: &Entry) -> Result<Vec<(String, String)>, Unusable> {
        let bytes = self.bytes(entry)?;
        let read = bundle::read_bundle(&bytes).map_err(|e| Unusable::Unreadable(e.said()))?;
        Ok(read.files)
    }

    /// The catalogue of `entry`, or why it cannot be used.
    pub fn open(&self, entry: &Entry) -> Result<Catalogue, Unusable> {
        let path = self.bundle_path(&entry.sha256);
        let mut catalogue = Catalogue::parse(self.try_files(entry)?)
            .map_err(|e| Unusable::Unreadable(said_each(|lang| e.message(lang))))?;
        catalogue.set_dir(&path.display().to_string());
        Ok(catalogue)
    }

    /// The line that refuses `entry` for `why`: damaged (go back), or
    /// unreadable by this build (update, or go back).
    pub fn refusal(&self, entry: &Entry, why: Unusable) -> CliError {
        let path = self.bundle_path(&entry.sha256);
        match why {
            Unusable::Unreadable(reason) => CliError::Release(said_each(|lang| {
                i18n::text(
                    lang,
                    Key::InstalledUnreadable,
                    &[
                        ("file", &path.display()),
                        ("version", &entry.version),
                        ("reason", &reason.get(lang)),
                    ],
                )
            })),
            why => {
                let reason = why.reason();
                corrupt(&path, move |lang| reason.get(lang).to_string())
            }
        }
    }

    /// The files of `entry`'s bundle, checked against its SHA-256 first
    /// (a file changed on disk is said to be so), then its manifest.
    pub fn files(&self, entry: &Entry) -> Result<Vec<(String, String)>, CliError> {
        self.try_files(entry)
            .map_err(|why| self.refusal(entry, why))
    }

    /// The catalogue of `entry`, checked against its SHA-256.
    pub fn load(&self, entry: &Entry) -> Result<Catalogue, CliError> {
        self.open(entry).map_err(|why| self.refusal(entry, why))
    }

    /// Installs the bundle `bytes` as `entry`: the bundle written whole
    /// under its own name, then the record replaced whole, naming it as in
    /// use and what was in use before it. Any failure leaves what was in
    /// use in use. The bundle in use already (by its SHA-256, whatever
    /// `--data` says): nothing changes, and the one before it is kept.
    pub fn install(&self, bytes: &[u8], entry: Entry) -> Result<Installed, CliError> {
        let _lock = self.lock()?;
        let before = self.record()?;
        if let Some(before) = &before
            && before.current.sha256 == entry.sha256
        {
            return Ok(Installed::Same(before.current.clone()));
        }
        let bundles = self.dir.join(BUNDLES_DIR);
        std::fs::create_dir_all(&bundles).map_err(|e| cannot_write(&bundles, &e))?;
        let path = self.bundle_path(&entry.sha256);
        write_whole(&path, bytes)?;
        let record = Record {
            current: entry,
            previous: before.map(|r| r.current),
        };
        self.write_record(Some(&record))?;
        self.tidy(Some(&record));
        Ok(Installed::New)
    }

    /// Goes back to the catalogue before the one in use, if it can be
    /// used (its bundle there, as installed, readable by this build); else
    /// to the built-in one, saying why. `Err` when nothing is installed.
    pub fn rollback(&self) -> Result<RolledBack, CliError> {
        // Nothing installed: said before anything is made.
        if matches!(self.record(), Ok(None)) {
            return Err(CliError::Release(said(Key::RollbackNothing, &[])));
        }
        let _lock = self.lock()?;
        let previous = match self.record() {
            Ok(Some(record)) => record.previous,
            Ok(None) => return Err(CliError::Release(said(Key::RollbackNothing, &[]))),
            // A record that cannot be read: back to the built-in catalogue.
            Err(_) => None,
        };
        let (back, done) = match previous {
            None => (None, RolledBack::Builtin),
            Some(previous) => match self.open(&previous) {
                Ok(_) => (
                    Some(Record {
                        current: previous.clone(),
                        previous: None,
                    }),
                    RolledBack::To(previous),
                ),
                Err(why) => (None, RolledBack::BuiltinInstead(previous, why.reason())),
            },
        };
        self.write_record(back.as_ref())?;
        self.tidy(back.as_ref());
        Ok(done)
    }

    /// The directory to itself while it is changed: a second `subsidy
    /// update` waits, so that neither removes the bundle the other has
    /// just written. Released when the file is closed.
    fn lock(&self) -> Result<std::fs::File, CliError> {
        let path = self.dir.join(".lock");
        std::fs::create_dir_all(&self.dir).map_err(|e| cannot_write(&self.dir, &e))?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| cannot_write(&path, &e))?;
        file.lock().map_err(|e| cannot_write(&path, &e))?;
        Ok(file)
    }

    /// Replaces the record whole (`None`: removes it).
    fn write_record(&self, record: Option<&Record>) -> Result<(), CliError> {
        let path = self.record_path();
        match record {
            Some(record) => {
                let text = format!(
                    "# What `subsidy update` installed: the catalogue in use (current) and the one\n# before it (previous), each a file of bundles/ named by its SHA-256.\n# Written by subsidy; `subsidy update --rollback` goes back.\n\n{}",
                    toml::to_string(record).unwrap_or_default()
                );
                write_whole(&path, text.as_bytes())
            }
            None => match std::fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(cannot_write(&path, &e)),
            },
        }
    }

    /// Removes the bundles `record` does not name (best effort: a file left
    /// is only space).
    fn tidy(&self, record: Option<&Record>) {
        let keep: Vec<String> = record
            .into_iter()
            .flat_map(|r| std::iter::once(&r.current).chain(&r.previous))
            .map(|e| format!("{}.tar", e.sha256))
            .collect();
        let Ok(entries) = std::fs::read_dir(self.dir.join(BUNDLES_DIR)) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".tar") && !keep.contains(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// `path` replaced by `bytes` whole, or left as it was: written beside it,
/// flushed to the disk, then renamed over it.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let cannot = |e: std::io::Error| cannot_write(path, &e);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(cannot)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".subsidy-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(cannot)?;
    temp.write_all(bytes)
        .and_then(|()| temp.flush())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(cannot)?;
    temp.persist(path).map_err(|e| cannot(e.error))?;
    // The rename itself on the disk (best effort: not every system can).
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(sha: char, url: &str) -> Entry {
        Entry {
            sha256: sha.to_string().repeat(64),
            version: "2026-05-25".into(),
            url: url.into(),
            installed: "2026-12-07T10:00:00Z".into(),
        }
    }

    #[test]
    fn install_keeps_the_one_before_and_rollback_goes_back_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store {
            dir: dir.path().join("subsidy"),
        };
        assert_eq!(store.record().unwrap(), None);
        assert!(store.rollback().is_err(), "nothing to go back to");
        assert_eq!(
            store.install(b"one", entry('a', "http://x/1")).unwrap(),
            Installed::New
        );
        store.install(b"two", entry('b', "http://x/2")).unwrap();
        store.install(b"three", entry('c', "http://x/3")).unwrap();
        let record = store.record().unwrap().unwrap();
        assert_eq!(record.current.url, "http://x/3");
        assert_eq!(record.previous.unwrap().url, "http://x/2");
        // The first is gone: only the one in use and the one before are kept.
        let mut kept: Vec<String> = std::fs::read_dir(dir.path().join("subsidy/bundles"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        kept.sort();
        assert_eq!(
            kept,
            [
                format!("{}.tar", "b".repeat(64)),
                format!("{}.tar", "c".repeat(64))
            ]
        );
        assert_eq!(
            std::fs::read(store.bundle_path(&"c".repeat(64))).unwrap(),
            b"three"
        );
        // The bundles here are no catalogues: the one before cannot be
        // used, and the built-in one is, said so.
        assert!(matches!(
            store.rollback().unwrap(),
            RolledBack::BuiltinInstead(entry, _) if entry.url == "http://x/2"
        ));
        assert_eq!(store.record().unwrap(), None);
        assert!(store.rollback().is_err());
    }

    /// `subsidy --data X update --from URL` of the bundle in use: the
    /// record as it was, the one before still there for `--rollback`
    /// (before, the record became current = previous = the same bundle,
    /// and the real one before was removed).
    #[test]
    fn installing_the_bundle_in_use_again_keeps_the_one_before() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store {
            dir: dir.path().to_path_buf(),
        };
        store.install(b"one", entry('a', "http://x/1")).unwrap();
        store.install(b"two", entry('b', "http://x/2")).unwrap();
        let before = std::fs::read(store.record_path()).unwrap();
        assert_eq!(
            store
                .install(b"two", entry('b', "http://mirror/2"))
                .unwrap(),
            Installed::Same(entry('b', "http://x/2"))
        );
        assert_eq!(std::fs::read(store.record_path()).unwrap(), before);
        assert!(store.bundle_path(&"a".repeat(64)).exists());
    }

    #[test]
    fn versions_are_compared_as_dates_and_one_that_is_no_date_is_not_older() {
        assert!(is_older("2026-05-25", "2026-06-01"));
        assert!(!is_older("2026-06-01", "2026-05-25"));
        assert!(!is_older("2026-05-25", "2026-05-25"));
        // As dates, not as text ("2026-5-9" > "2026-05-25" as text).
        assert!(is_older("2026-5-9", "2026-05-25"));
        // One that is no date: not older, either way round.
        assert!(!is_older("unknown", "2026-05-25"));
        assert!(!is_older("2026-05-25", "unknown"));
    }

    #[test]
    fn a_record_that_names_a_path_outside_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store {
            dir: dir.path().to_path_buf(),
        };
        std::fs::write(
            store.record_path(),
            "[current]\nsha256 = \"../../etc/passwd\"\nversion = \"x\"\nurl = \"u\"\ninstalled = \"d\"\n",
        )
        .unwrap();
        let CliError::Release(said) = store.record().unwrap_err() else {
            panic!()
        };
        assert!(
            said.en.contains(
                "installed.toml cannot be used: its record cannot be read: \
                 sha256 = '../../etc/passwd' is not a SHA-256"
            ),
            "{}",
            said.en
        );
        // --rollback still goes back: to the built-in catalogue.
        assert_eq!(store.rollback().unwrap(), RolledBack::Builtin);
        assert!(!store.record_path().exists());
    }

    /// A directory that cannot be written (here, `bundles` is a file):
    /// refused, and the record as it was.
    #[test]
    fn an_install_that_cannot_write_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store {
            dir: dir.path().to_path_buf(),
        };
        store.install(b"one", entry('a', "http://x/1")).unwrap();
        let before = std::fs::read(store.record_path()).unwrap();
        std::fs::remove_dir_all(dir.path().join(BUNDLES_DIR)).unwrap();
        std::fs::write(dir.path().join(BUNDLES_DIR), "in the way").unwrap();
        assert!(store.install(b"two", entry('b', "http://x/2")).is_err());
        assert_eq!(std::fs::read(store.record_path()).unwrap(), before);
    }
}
