//! The catalogue's files: embedded in the binary, or read from a directory
//! or a bundle file (the one place of the core that touches the disk), each
//! within a size limit.

use super::*;
use std::path::Path;

/// The largest program file read from `--data DIR` (the real ones are under 20 KB).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The most the program files of one `--data DIR` may hold together.
pub const MAX_CATALOGUE_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) mod embedded {
    /// One file of `data/`, as build.rs compiled it.
    pub struct File {
        pub name: &'static str,
        /// The program's id; `None` for the registry.
        pub id: Option<&'static str>,
        pub text: &'static str,
        /// The file as JSON; `None` if the build could not parse it.
        pub json: Option<&'static str>,
    }

    impl File {
        pub(crate) fn compiled(&self) -> super::Compiled<'static> {
            super::Compiled {
                name: self.name,
                text: self.text,
                json: self.json,
            }
        }
    }

    include!(concat!(env!("OUT_DIR"), "/embedded_catalogue.rs"));
}

/// Whether a catalogue file is the document registry, not a program.
pub(crate) fn is_registry(name: &str) -> bool {
    name.rsplit(['/', '\\']).next() == Some(REGISTRY_FILE)
}

/// Whether a catalogue file lists the programs without a rate table.
pub(crate) fn is_discovery(name: &str) -> bool {
    name.rsplit(['/', '\\']).next() == Some(DISCOVERY_FILE)
}

/// Whether a catalogue file names an extension ([`EXTENSION_FILE`]).
pub fn is_extension_file(name: &str) -> bool {
    name.rsplit(['/', '\\']).next() == Some(EXTENSION_FILE)
}

/// Whether a catalogue file is one program's.
pub(crate) fn is_program(name: &str) -> bool {
    !is_registry(name) && !is_discovery(name) && !is_extension_file(name)
}

/// The `(file name, text)` pairs compiled into the binary.
pub fn embedded_files() -> Vec<(String, String)> {
    embedded::FILES
        .iter()
        .map(|f| (f.name.to_string(), f.text.to_string()))
        .collect()
}

/// Every `*.toml` file directly under `dir`, as `(path, text)`, in name
/// order; or, when `dir` is a file, the files of that bundle (see
/// [`read_bundle_files`]).
///
/// Only regular files (after following links) of at most [`MAX_FILE_BYTES`]
/// are read, [`MAX_CATALOGUE_BYTES`] in all: a FIFO, a device such as
/// `/dev/zero` or a huge file is refused, naming its path, rather than read
/// for ever.
pub fn read_files(dir: &Path) -> Result<Vec<(String, String)>, CatalogueError> {
    if std::fs::metadata(dir).is_ok_and(|m| m.is_file()) {
        return read_bundle_files(dir).map(|bundle| bundle.files);
    }
    let unreadable = |e: std::io::Error| CatalogueError::Unreadable {
        path: dir.display().to_string(),
        message: io_said(&e),
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(CatalogueError::Empty {
            dir: dir.display().to_string(),
        });
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    let mut total: u64 = 0;
    for path in paths {
        let text = read_file(&path)?;
        total = total.saturating_add(text.len() as u64);
        if total > MAX_CATALOGUE_BYTES {
            return Err(CatalogueError::Unreadable {
                path: dir.display().to_string(),
                message: said(
                    Key::DataTooLargeTogether,
                    &[(
                        "max",
                        &crate::core::money::group_thousands(u128::from(MAX_CATALOGUE_BYTES)),
                    )],
                ),
            });
        }
        files.push((path.display().to_string(), text));
    }
    files.sort();
    Ok(files)
}

/// One program file, refused unless it is a regular file of at most [`MAX_FILE_BYTES`].
pub(crate) fn read_file(path: &Path) -> Result<String, CatalogueError> {
    use std::io::Read as _;
    let refuse = |message: Said| CatalogueError::Unreadable {
        path: path.display().to_string(),
        message,
    };
    let io = |e: std::io::Error| refuse(io_said(&e));
    let max = crate::core::money::group_thousands(u128::from(MAX_FILE_BYTES));
    // Follows links: what counts is what the name leads to (a link to
    // /dev/zero is a device). Opening a FIFO would wait for a writer.
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        let kind = file_kind(&metadata.file_type());
        return Err(refuse(crate::core::diagnostics::said_each(|lang| {
            i18n::text(
                lang,
                Key::DataNotRegular,
                &[("kind", &i18n::template(lang, kind))],
            )
        })));
    }
    if metadata.len() > MAX_FILE_BYTES {
        let bytes = crate::core::money::group_thousands(u128::from(metadata.len()));
        return Err(refuse(said(
            Key::DataFileTooLarge,
            &[("bytes", &bytes), ("max", &max)],
        )));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // Read no more than the limit, even from a file that grows meanwhile.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(said(Key::DataFileGrew, &[("max", &max)])));
    }
    String::from_utf8(bytes).map_err(|e| {
        refuse(said(
            Key::DataNotUtf8,
            &[("offset", &e.utf8_error().valid_up_to())],
        ))
    })
}

/// Why a file could not be read, in both languages.
pub(crate) fn io_said(e: &std::io::Error) -> Said {
    Said {
        en: e.to_string(),
        ja: i18n::io_reason(Lang::Ja, e),
    }
}

/// What a path that is not a regular file is, for the message that refuses it.
pub(crate) fn file_kind(kind: &std::fs::FileType) -> Key {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Key::DataKindFifo;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Key::DataKindDevice;
        }
        if kind.is_socket() {
            return Key::DataKindSocket;
        }
    }
    if kind.is_dir() {
        Key::DataKindDirectory
    } else {
        Key::DataKindOther
    }
}

/// A bundle file read ([`read_bundle_files`]).
#[derive(Debug, Clone)]
pub struct BundleFile {
    pub manifest: bundle::Manifest,
    /// `(path/name, text)`, in name order.
    pub files: Vec<(String, String)>,
    /// The SHA-256 of the whole file (lower-case hex).
    pub sha256: String,
}

/// The bundle file at `path` ([`bundle`]): its manifest, and its files,
/// each checked against the manifest; a fault names the file.
pub fn read_bundle_files(path: &Path) -> Result<BundleFile, CatalogueError> {
    bundle_files(path, &read_bundle_bytes(path)?)
}

/// The bytes of the bundle file at `path`, refused past [`bundle::MAX_BUNDLE_BYTES`].
pub fn read_bundle_bytes(path: &Path) -> Result<Vec<u8>, CatalogueError> {
    use std::io::Read as _;
    let refuse = |message: Said| CatalogueError::Unreadable {
        path: path.display().to_string(),
        message,
    };
    let io = |e: std::io::Error| refuse(io_said(&e));
    let file = std::fs::File::open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if !metadata.is_file() {
        let kind = file_kind(&metadata.file_type());
        return Err(refuse(crate::core::diagnostics::said_each(|lang| {
            i18n::text(
                lang,
                Key::DataNotRegular,
                &[("kind", &i18n::template(lang, kind))],
            )
        })));
    }
    if metadata.len() > bundle::MAX_BUNDLE_BYTES {
        return Err(refuse(bundle::BundleError::TooLarge.said()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(bundle::MAX_BUNDLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(bytes)
}

/// The bundle `bytes` read from `path` (pure: the path only names the files).
pub fn bundle_files(path: &Path, bytes: &[u8]) -> Result<BundleFile, CatalogueError> {
    let read = bundle::read_bundle(bytes).map_err(|e| CatalogueError::Unreadable {
        path: path.display().to_string(),
        message: e.said(),
    })?;
    let shown = path.display();
    let files = (read.files.into_iter())
        .map(|(name, text)| (format!("{shown}/{name}"), text))
        .collect();
    Ok(BundleFile {
        manifest: read.manifest,
        files,
        sha256: bundle::sha256_hex(bytes),
    })
}

/// The catalogue in the bundle file at `path` (`--data FILE`), named by
/// that path in its receipt.
pub fn read_bundle_file(path: &Path) -> Result<Catalogue, CatalogueError> {
    let mut catalogue = Catalogue::parse(read_bundle_files(path)?.files)?;
    catalogue.receipt.dir = Some(path.display().to_string());
    Ok(catalogue)
}

/// Reads every `*.toml` file directly under `dir` (the `--data DIR` option),
/// or the bundle file `dir` names.
pub fn read_dir(dir: &Path) -> Result<Catalogue, CatalogueError> {
    let mut catalogue = Catalogue::parse(read_files(dir)?)?;
    catalogue.receipt.dir = Some(dir.display().to_string());
    Ok(catalogue)
}

/// `catalogue` with the extension in `dir` laid over it (`--extend DIR`):
/// every `*.toml` file directly under it, read as [`read_files`] reads them.
pub fn read_extension(catalogue: Catalogue, dir: &Path) -> Result<Catalogue, CatalogueError> {
    let files = read_files(dir)?;
    catalogue.extend(&dir.display().to_string(), &files)
}
