//! `--profile FILE`: a facility from a file, under the flags given; and
//! `subsidy profile init`, which writes a commented template.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use crate::core::catalogue::{self, Catalogue, Lang, RateFlag};
use crate::i18n::{self, Key};
use crate::input::profile;
use crate::input::request::Request;

use super::CliError;
use super::args::{ProfileArgs, ProfileInitArgs};
use crate::report::layout;

/// The largest profile read. Our own bound: a profile is a few hundred
/// bytes, and a FIFO or a wrong path to a huge file must not be read whole.
pub const MAX_PROFILE_BYTES: u64 = 1 << 20;

/// The facility `--profile` and the flags say: the file first, then each
/// flag given over it (a `--fact` replaces the file's fact of that id; the
/// switches `--small-business` … can only turn on).
pub fn request(args: &ProfileArgs, lang: Lang) -> Result<Request, CliError> {
    let mut request = match &args.profile {
        Some(path) => load(path, lang)?,
        None => Request::default(),
    };
    if let Some(facility) = args.facility {
        request.facility = Some(facility);
    }
    request.beds = args.beds.or(request.beds);
    if let Some(kenshin) = args.kenshin {
        request.kenshin = Some(kenshin);
    }
    if let Some(prefecture) = &args.prefecture {
        request.prefecture = Some(prefecture.clone());
    }
    // A company's capital in the file stays with the file's company; a
    // flag's legal form other than a company leaves it behind.
    let file_capital = request.entity.and_then(catalogue::Entity::capital);
    let entity = args.entity.or(request.entity);
    let capital = match entity {
        Some(catalogue::Entity::Company { .. }) => args.capital.or(file_capital),
        _ => args.capital,
    };
    request.entity =
        crate::input::request::entity_with_capital(entity, capital).map_err(CliError::Input)?;
    request.employees = args.employees.or(request.employees);
    request.processes = args.processes.or(request.processes);
    request.functions = args.functions.or(request.functions);
    request.members = args.members.or(request.members);
    for (on, flag) in [
        (args.small_business, RateFlag::SmallBusiness),
        (args.min_wage_nearby, RateFlag::MinWageNearby),
        (args.large_company, RateFlag::LargeCompany),
    ] {
        if on {
            request.flags.insert(flag);
        }
    }
    request
        .facts
        .retain(|(id, _)| !args.facts.iter().any(|(f, _)| f.eq_ignore_ascii_case(id)));
    request.facts.extend(args.facts.iter().cloned());
    Ok(request)
}

/// Reads and checks a profile; an error is one line, `FILE:LINE: …`.
fn load(path: &Path, lang: Lang) -> Result<Request, CliError> {
    let file = path.display();
    let cannot_read = |reason: &dyn std::fmt::Display| {
        CliError::Usage(i18n::text(
            lang,
            Key::ProfileCannotRead,
            &[("file", &file), ("reason", reason)],
        ))
    };
    let too_large = || {
        CliError::Usage(i18n::text(
            lang,
            Key::ProfileTooLarge,
            &[("file", &file), ("max", &MAX_PROFILE_BYTES)],
        ))
    };
    let opened = std::fs::File::open(path).map_err(|e| cannot_read(&e))?;
    let metadata = opened.metadata().map_err(|e| cannot_read(&e))?;
    if !metadata.is_file() || metadata.len() > MAX_PROFILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    opened
        .take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Err(too_large());
    }
    profile::read_bytes(&bytes).map_err(|e| {
        CliError::Usage(i18n::text(
            lang,
            Key::ProfileAt,
            &[
                ("file", &file),
                ("line", &e.line),
                ("message", &e.message(lang, &super::spelling::FLAGS)),
            ],
        ))
    })
}

/// The width of the template's lines: a file read in any editor or terminal.
const TEMPLATE_WIDTH: usize = 80;

/// Comment lines wider than `width` wrapped, each piece a comment at the
/// line's own indent, with the output's line-breaking rules (the facts'
/// texts come from the catalogue and run to 190 columns).
pub(super) fn fit_comments(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.lines() {
        let body = line
            .strip_prefix('#')
            .filter(|_| layout::width(line) > width);
        let Some(body) = body else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let words = body.trim_start_matches(' ');
        let indent = body.len() - words.len();
        let room = width.saturating_sub(1 + indent).max(1);
        for piece in layout::wrap(words, room) {
            out.push('#');
            out.push_str(&" ".repeat(indent));
            out.push_str(&piece);
            out.push('\n');
        }
    }
    out
}

/// `subsidy profile init [-o FILE]`: the template on stdout, or in a new
/// file (never one that exists).
pub fn init(layers: &super::layers::Layers, args: ProfileInitArgs, lang: Lang) -> ExitCode {
    let catalogue = match layers.load() {
        Ok(catalogue) => catalogue,
        Err(e) => return super::fail(&e, lang),
    };
    let template = fit_comments(&template(lang, &catalogue), TEMPLATE_WIDTH);
    let Some(path) = args.output else {
        return super::print_out(&template, lang);
    };
    let file = path.display();
    let refused = |key, reason: &dyn std::fmt::Display| {
        let line = i18n::text(lang, key, &[("file", &file), ("reason", reason)]);
        super::fail(&CliError::Usage(line), lang)
    };
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut out = match created {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return refused(Key::ProfileExists, &"");
        }
        Err(e) => return refused(Key::ProfileCannotWrite, &e),
    };
    if let Err(e) = out
        .write_all(template.as_bytes())
        .and_then(|()| out.flush())
    {
        // Half a template is no template.
        let _ = std::fs::remove_file(&path);
        return refused(Key::ProfileCannotWrite, &e);
    }
    let written = i18n::text(lang, Key::ProfileWritten, &[("file", &file)]);
    super::to_stderr(&super::note_text(&written, super::stderr_width()));
    ExitCode::SUCCESS
}

/// The commented template `subsidy profile init` writes, in `lang`: every
/// key with what it means, and every fact the catalogue's programs ask.
pub fn template(lang: Lang, catalogue: &Catalogue) -> String {
    let mut text = String::from(i18n::template(lang, Key::ProfileTemplate));
    text.push_str(i18n::template(lang, Key::ProfileTemplateFacts));
    let yes = match lang {
        Lang::Ja => "はい",
        Lang::En => "yes",
    };
    for (id, about) in catalogue.facts() {
        let about: String = about
            .get(lang)
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        text.push_str(&format!("# {about}\n# {id} = \"{yes}\"\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::FacilityClass;
    use crate::input::profile::{ProfileProblem, read};

    /// The template was a 250-bed hospital, so a clerk
    /// who did not edit it got a hospital's results. Its facility and beds
    /// are left to fill, and a profile with them empty is refused, naming them.
    #[test]
    fn the_template_is_refused_until_filled_in_then_reads_back() {
        let catalogue = Catalogue::embedded().unwrap();
        for (lang, facility) in [(Lang::Ja, "病院"), (Lang::En, "hospital")] {
            let text = template(lang, &catalogue);
            let e = read(&text).unwrap_err();
            let line = |key: &str| {
                1 + text
                    .lines()
                    .position(|l| l.starts_with(&format!("{key} = ")))
                    .unwrap()
            };
            assert_eq!(
                e.problem,
                ProfileProblem::Unfilled(vec![
                    ("facility".to_string(), line("facility")),
                    ("beds".to_string(), line("beds")),
                ]),
                "{text}"
            );
            assert_eq!(e.line, line("facility"));
            let filled = text
                .replace("facility = \"\"", &format!("facility = \"{facility}\""))
                .replace("beds = \"\"", "beds = 250");
            let request = read(&filled).unwrap_or_else(|e| panic!("{e:?}\n{filled}"));
            assert_eq!(request.facility, Some(FacilityClass::Hospital.into()));
            assert_eq!(request.beds, Some(250));
            // Every fact line, uncommented, reads too.
            let facts = filled.replace("\n# online-", "\nonline-");
            assert!(read(&facts).unwrap().facts.len() >= 2, "{facts}");
        }
    }
}
