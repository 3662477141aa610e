//! `subsidy bundle DIR -o FILE`: a catalogue directory (or an extension's)
//! packed into one bundle file ([`crate::core::catalogue::bundle`]) for
//! `subsidy update`, `--data FILE` and `check FILE`. The directory must
//! load first (an extension over the layers below it): a bundle never
//! carries what every command would refuse. The file is written whole or
//! not at all; signing it is the releaser's step (`minisign -Sm FILE`).

use std::process::ExitCode;

use super::args::BundleArgs;
use super::layers::Layers;
use super::{CliError, fail, note_text, stderr_width, to_stderr};
use crate::Lang;
use crate::core::catalogue::{self, Catalogue, bundle};
use crate::i18n::{self, Key};

/// Writes the bundle; a note on stderr says what it holds and how to sign it.
pub fn run(args: BundleArgs, layers: &Layers, lang: Lang) -> ExitCode {
    match write(&args, layers, lang) {
        Ok(note) => {
            for line in note.lines() {
                to_stderr(&note_text(line, stderr_width()));
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}

fn write(args: &BundleArgs, layers: &Layers, lang: Lang) -> Result<String, CliError> {
    let dir = &args.dir;
    // Read once: what is checked is what is packed.
    let files = catalogue::read_files(dir)?;
    let extension = files
        .iter()
        .find(|(name, _)| catalogue::is_extension_file(name));
    // Loaded as every command would load it: a catalogue alone, an
    // extension over the layers named before it.
    let version = match extension {
        Some((name, text)) => {
            let lower = layers.over(layers.first()?, layers.below(dir))?;
            lower.extend(&dir.display().to_string(), &files)?;
            catalogue::parse_extension_meta(name, text)?.version
        }
        None => Catalogue::parse(files.clone())?.receipt().version.clone(),
    };
    let date = chrono::Local::now().date_naive().to_string();
    let bytes =
        bundle::write_bundle(&files, &version, &date).map_err(|e| CliError::CannotWrite {
            path: args.output.clone(),
            reason: Some(e.said().get(lang).to_string()),
        })?;
    super::source::replace(&args.output, &bytes, lang)?;
    let file = args.output.display();
    let mut note = i18n::text(
        lang,
        Key::BundleWrote,
        &[
            ("file", &file),
            ("files", &files.len()),
            ("version", &version),
            (
                "bytes",
                &crate::core::money::group_thousands(bytes.len() as u128),
            ),
            ("sha256", &bundle::sha256_hex(&bytes)),
        ],
    );
    note.push('\n');
    note.push_str(&i18n::text(lang, Key::BundleSignHint, &[("file", &file)]));
    Ok(note)
}
