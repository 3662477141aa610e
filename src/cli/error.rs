//! The front end's one error type, and its one renderer.

use std::fmt;

use crate::catalogue::CatalogueError;

/// Everything that stops a command. Each renders as one line on stderr.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Clap refused the command line; the message is already one line.
    #[error("{0}")]
    Usage(String),
    /// A flag's value is wrong in a way only the tool can tell.
    #[error("invalid value '{value}' for '{flag}': {reason}")]
    InvalidValue {
        flag: String,
        value: String,
        reason: String,
    },
    /// The catalogue (embedded or `--data DIR`) could not be loaded.
    #[error("rule data: {0}")]
    Catalogue(#[from] CatalogueError),
}

impl CliError {
    pub fn invalid(
        flag: impl Into<String>,
        value: impl Into<String>,
        reason: impl fmt::Display,
    ) -> CliError {
        CliError::InvalidValue {
            flag: flag.into(),
            value: value.into(),
            reason: reason.to_string(),
        }
    }

    /// 2 for every usage or input error; 1 is kept for "ran, but found problems".
    pub fn exit_code(&self) -> u8 {
        2
    }
}

/// Turns a clap error into one line: its first line, plus the valid values
/// or a suggestion where clap knows them.
pub fn from_clap(error: &clap::Error) -> CliError {
    use clap::error::{ContextKind, ContextValue};
    let rendered = error.render().to_string();
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

/// The closest of `candidates` to `wrong`, if any is close enough to suggest:
/// a small edit distance, or else the shortest candidate that `wrong` begins.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let near = candidates
        .iter()
        .map(|c| (strsim::levenshtein(wrong, c), *c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c);
    near.or_else(|| {
        candidates
            .iter()
            .filter(|c| wrong.chars().count() >= 3 && c.starts_with(wrong))
            .min_by_key(|c| c.len())
            .copied()
    })
}
