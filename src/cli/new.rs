//! `subsidy new ID --dir DIR [--kind KIND]`: a commented skeleton of a
//! program to fill in from its document (`core::catalogue::skeleton`), in
//! a new file `DIR/ID.toml`. A directory that does not exist or is empty
//! becomes an extension: an `extension.toml` to fill in is written beside
//! it. `--kind discovery` adds an entry to `DIR/discovery.toml` instead,
//! which only a catalogue's directory (not an extension) may hold.
//!
//! Nothing is overwritten; a refused command writes nothing.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::args::{KindArg, NewArgs};
use super::{CliError, fail, note_text, stderr_width, to_stderr};
use crate::Lang;
use crate::core::catalogue::{
    DISCOVERY_FILE, EXTENSION_FILE, SkeletonKind, extension_skeleton, is_kebab, skeleton,
};
use crate::i18n::{self, Key};

impl KindArg {
    fn skeleton(self) -> SkeletonKind {
        match self {
            KindArg::Capped => SkeletonKind::Capped,
            KindArg::PerBed => SkeletonKind::PerBed,
            KindArg::PerItem => SkeletonKind::PerItem,
            KindArg::PerUnit => SkeletonKind::PerUnit,
            KindArg::Banded => SkeletonKind::Banded,
            KindArg::Discovery => SkeletonKind::Discovery,
        }
    }
}

/// The comment lines' width: the file is read in an editor or a terminal.
const WIDTH: usize = 80;

pub fn run(args: NewArgs, lang: Lang) -> ExitCode {
    match write(&args, lang) {
        Ok(note) => {
            to_stderr(&note_text(&note, stderr_width()));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}

/// Writes what `args` asks and returns the line that says so.
fn write(args: &NewArgs, lang: Lang) -> Result<String, CliError> {
    let usage = |key, values: &[(&str, &dyn std::fmt::Display)]| {
        CliError::Usage(i18n::text(lang, key, values))
    };
    if !is_kebab(&args.id) {
        let id = crate::input::text::shown(&args.id);
        return Err(usage(Key::NewBadId, &[("id", &id)]));
    }
    let dir = args.dir.as_path();
    let shown = dir.display();
    if dir.exists() && !dir.is_dir() {
        return Err(usage(Key::NewNotADir, &[("dir", &shown)]));
    }
    let kind = args.kind.skeleton();
    let text = super::profile::fit_comments(&skeleton(kind, &args.id, lang), WIDTH);
    let is_extension = dir.join(EXTENSION_FILE).is_file();
    if kind == SkeletonKind::Discovery {
        if is_extension {
            return Err(usage(Key::NewDiscoveryInExtension, &[("dir", &shown)]));
        }
        if !dir.is_dir() {
            return Err(usage(Key::NewDiscoveryNoDir, &[("dir", &shown)]));
        }
        return add_entry(&dir.join(DISCOVERY_FILE), &args.id, &text, dir, lang);
    }
    // A new directory, or an empty one, is a new extension.
    let empty = !dir.exists()
        || std::fs::read_dir(dir)
            .map_err(|e| cannot_write(dir, &e, lang))?
            .next()
            .is_none();
    let program = dir.join(format!("{}.toml", args.id));
    if empty {
        std::fs::create_dir_all(dir).map_err(|e| cannot_write(dir, &e, lang))?;
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| is_kebab(n));
        let meta = dir.join(EXTENSION_FILE);
        let meta_text = super::profile::fit_comments(&extension_skeleton(name, lang), WIDTH);
        create(&meta, &meta_text, lang)?;
        if let Err(e) = create(&program, &text, lang) {
            let _ = std::fs::remove_file(&meta);
            return Err(e);
        }
        return Ok(i18n::text(
            lang,
            Key::NewWroteExtension,
            &[
                ("dir", &shown),
                ("meta", &meta.display()),
                ("kind", &kind.id()),
                ("file", &program.display()),
            ],
        ));
    }
    create(&program, &text, lang)?;
    Ok(wrote(&program, kind, dir, lang))
}

fn wrote(program: &Path, kind: SkeletonKind, dir: &Path, lang: Lang) -> String {
    i18n::text(
        lang,
        Key::NewWrote,
        &[
            ("file", &program.display()),
            ("kind", &kind.id()),
            ("dir", &dir.display()),
        ],
    )
}

fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> CliError {
    CliError::CannotWrite {
        path: path.to_path_buf(),
        reason: Some(i18n::io_reason(lang, e)),
    }
}

/// `text` in a new file at `path`; one that exists is refused, never
/// overwritten, and half a file is no file.
fn create(path: &Path, text: &str, lang: Lang) -> Result<(), CliError> {
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut out = match created {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(CliError::Usage(i18n::text(
                lang,
                Key::NewExists,
                &[("file", &path.display())],
            )));
        }
        Err(e) => return Err(cannot_write(path, &e, lang)),
    };
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        let _ = std::fs::remove_file(path);
        return Err(cannot_write(path, &e, lang));
    }
    Ok(())
}

/// The discovery entry `entry` (of id `id`) added to the end of `file`,
/// which keeps all it had; refused if it has an entry of that id.
fn add_entry(
    file: &Path,
    id: &str,
    entry: &str,
    dir: &Path,
    lang: Lang,
) -> Result<String, CliError> {
    let existing = match std::fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(CliError::CannotRead {
                path: file.to_path_buf(),
                reason: e,
            });
        }
    };
    let mut text = existing.clone().unwrap_or_default();
    if let Some(existing) = &existing {
        let table = super::source::toml_table(file, existing, lang)?;
        let taken = table
            .get("entries")
            .and_then(toml::Value::as_array)
            .is_some_and(|entries| {
                entries
                    .iter()
                    .any(|e| e.get("id").and_then(toml::Value::as_str) == Some(id))
            });
        if taken {
            return Err(CliError::Usage(i18n::text(
                lang,
                Key::NewEntryTaken,
                &[("id", &id), ("file", &file.display())],
            )));
        }
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\n');
    }
    text.push_str(entry);
    super::source::replace(file, text.as_bytes(), lang)?;
    Ok(i18n::text(
        lang,
        Key::NewWroteDiscovery,
        &[
            ("id", &id),
            ("file", &file.display()),
            ("dir", &dir.display()),
        ],
    ))
}
