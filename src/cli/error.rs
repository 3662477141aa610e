//! The front end's one error type, and its one renderer.

use crate::Lang;
use crate::catalogue::CatalogueError;
use crate::messages::{self, Key};
use crate::request::InputError;
use crate::text::shown;

/// Everything that stops a command. Each renders as one line on stderr.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Clap refused the command line; the message is already one line.
    #[error("{0}")]
    Usage(String),
    /// An input the core refused, shown with its flag (`--beds`).
    #[error("invalid value '{}' for '{}': {}", shown(&.0.value), flag_name(.0.field), .0.reason(Lang::En))]
    Input(#[from] InputError),
    /// The catalogue (embedded or `--data DIR`) could not be loaded.
    #[error("rule data: {0}")]
    Catalogue(#[from] CatalogueError),
    /// Standard output could not be written (a full disk; a closed pipe is not an error).
    #[error("writing output: {0}")]
    Write(std::io::Error),
}

impl CliError {
    /// The message in `lang`, without the `error:` before it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Usage(line) => line.clone(),
            CliError::Input(e) => messages::text(
                lang,
                Key::InvalidValue,
                &[
                    ("flag", &flag_name(e.field)),
                    ("value", &shown(&e.value)),
                    ("reason", &e.reason(lang)),
                ],
            ),
            CliError::Catalogue(e) => messages::text(lang, Key::RuleData, &[("reason", e)]),
            CliError::Write(e) => messages::text(lang, Key::WritingOutput, &[("reason", e)]),
        }
    }

    /// 2 for every usage or input error; 1 is kept for "ran, but found problems".
    pub fn exit_code(&self) -> u8 {
        2
    }
}

/// Turns a clap error into one line: its first line, plus the valid values
/// or a suggestion where clap knows them. The value clap quotes is cut short
/// and its line breaks escaped ([`shown`]), so the line is one line.
pub fn from_clap(error: &clap::Error) -> CliError {
    use clap::error::{ContextKind, ContextValue};
    let mut rendered = error.render().to_string();
    // What the user typed: a value, an unknown argument or subcommand.
    for kind in [
        ContextKind::InvalidValue,
        ContextKind::InvalidArg,
        ContextKind::InvalidSubcommand,
    ] {
        if let Some(ContextValue::String(typed)) = error.get(kind)
            && let cut = shown(typed)
            && cut != typed.as_str()
        {
            rendered = rendered.replacen(&format!("'{typed}'"), &format!("'{cut}'"), 1);
        }
    }
    let first = rendered
        .lines()
        .next()
        .unwrap_or("invalid command line")
        .trim_start_matches("error: ")
        .to_string();
    let mut line = first;
    if error.kind() == clap::error::ErrorKind::MissingRequiredArgument
        && let Some(ContextValue::Strings(missing)) = error.get(ContextKind::InvalidArg)
    {
        line.push(' ');
        line.push_str(&missing.join(", "));
    }
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::String(value)) => vec![value.clone()],
        _ => Vec::new(),
    };
    let valid = strings(ContextKind::ValidValue);
    if !valid.is_empty() {
        line.push_str(&format!(" (possible values: {})", valid.join(", ")));
    }
    let suggested = strings(ContextKind::SuggestedArg)
        .into_iter()
        .chain(strings(ContextKind::SuggestedValue))
        .chain(strings(ContextKind::SuggestedSubcommand))
        .collect::<Vec<_>>();
    if !suggested.is_empty() {
        line.push_str(&format!("; did you mean '{}'?", suggested.join("', '")));
    }
    CliError::Usage(line)
}

/// `beds` → `--beds`; a positional argument (`ID`) stays as it is.
fn flag_name(field: &str) -> String {
    if field.chars().all(|c| c.is_ascii_uppercase()) {
        field.to_string()
    } else {
        format!("--{field}")
    }
}
