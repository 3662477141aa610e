//! The front end's one error type, and its one renderer.

use crate::Lang;
use std::path::PathBuf;

use crate::batch::BatchError;
use crate::core::catalogue::CatalogueError;
use crate::i18n::{self, Key};
use crate::input::request::InputError;

use super::config::{ConfigError, origin_text};
use super::layers::ExtensionError;
use super::spelling::{FLAGS, flag_name};
use crate::input::text::shown;

/// Everything that stops a command. Each renders as one line on stderr.
#[derive(Debug)]
pub enum CliError {
    /// Clap refused the command line; the message is already one line.
    Usage(String),
    /// An input the core refused, shown with its flag (`--beds`).
    Input(InputError),
    /// The catalogue (embedded or `--data DIR`) could not be loaded.
    Catalogue(CatalogueError),
    /// An extension could not be laid over it.
    Extension(Box<ExtensionError>),
    /// The config file cannot be used.
    Config(ConfigError),
    /// Standard output could not be written (a full disk; a closed pipe is not an error).
    Write(std::io::Error),
    /// A batch run stopped as a whole.
    Batch(BatchError),
    /// An input file could not be opened.
    CannotRead {
        path: PathBuf,
        reason: std::io::Error,
    },
    /// An output file could not be written; `None`: it is a directory.
    CannotWrite {
        path: PathBuf,
        reason: Option<String>,
    },
    /// `--sheet` with an input that is not a workbook.
    SheetNotXlsx,
    /// xlsx output to standard output.
    XlsxToStdout,
    /// An input named .xlsx that cannot be read as a workbook.
    XlsxInput { path: PathBuf, reason: String },
    /// `--sheet` names no sheet of the workbook.
    NoSheet {
        path: PathBuf,
        sheet: String,
        present: Vec<String>,
    },
    /// `-o` names the input file.
    OutputIsInput { path: PathBuf, example: PathBuf },
    /// A PDF to standard output that is a terminal.
    PdfToTerminal,
    /// No Japanese font on the system for a PDF.
    NoJapaneseFont,
    /// `--report DIR` names a directory that holds files.
    ReportDirNotEmpty(PathBuf),
    /// `--font FILE` cannot set Japanese text (`japanese`: it is a font, without Japanese).
    Font { path: PathBuf, japanese: bool },
    /// `diff OLD NEW`: a catalogue named that cannot be read.
    DiffNamed(Box<NamedError>),
    /// `diff -o` names a file that is not an .xlsx workbook.
    DiffOutputNotXlsx(PathBuf),
    /// `diff -o` without `--clients`.
    DiffOutputNeedsClients,
    /// A bundle, a signature, a download or the installed catalogue
    /// refused (`subsidy bundle`, `subsidy update`, startup): the line in both languages.
    Release(crate::core::diagnostics::Said),
}

/// A catalogue named on the command line that cannot be read.
#[derive(Debug)]
pub struct NamedError {
    /// `OLD` or `NEW`.
    pub which: &'static str,
    pub arg: PathBuf,
    pub problem: NamedProblem,
}

/// Why a catalogue named on the command line cannot be read.
#[derive(Debug)]
pub enum NamedProblem {
    /// Nothing there.
    Missing,
    /// A directory whose rule data is refused.
    Refused(CatalogueError),
}

/// The English message, from the message table like every other language's.
impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CliError {}

impl From<InputError> for CliError {
    fn from(e: InputError) -> CliError {
        CliError::Input(e)
    }
}

impl From<CatalogueError> for CliError {
    fn from(e: CatalogueError) -> CliError {
        CliError::Catalogue(e)
    }
}

impl CliError {
    /// The message in `lang`, without the `error:` before it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Usage(line) => line.clone(),
            CliError::Input(e) => i18n::text(
                lang,
                Key::InvalidValue,
                &[
                    ("flag", &flag_name(e.field)),
                    ("value", &shown(&e.value)),
                    ("reason", &e.reason(lang, &FLAGS)),
                ],
            ),
            CliError::Catalogue(e) => {
                i18n::text(lang, Key::RuleData, &[("reason", &e.message(lang))])
            }
            CliError::Extension(e) => {
                let from = origin_text(
                    &e.from,
                    e.config.as_deref(),
                    "--extend",
                    "SUBSIDY_EXTEND",
                    lang,
                );
                i18n::text(
                    lang,
                    Key::ExtensionRefused,
                    &[("from", &from), ("reason", &e.error.message(lang))],
                )
            }
            CliError::Config(e) => e.message(lang),
            CliError::Write(e) => i18n::text(
                lang,
                Key::WritingOutput,
                &[("reason", &i18n::io_reason(lang, e))],
            ),
            CliError::Batch(e) => batch_message(e, lang),
            CliError::CannotRead { path, reason } => i18n::text(
                lang,
                Key::CannotRead,
                &[
                    ("path", &path.display()),
                    ("reason", &i18n::io_reason(lang, reason)),
                ],
            ),
            CliError::CannotWrite { path, reason } => {
                let reason = reason
                    .clone()
                    .unwrap_or_else(|| i18n::template(lang, Key::ItIsADirectory).to_string());
                i18n::text(
                    lang,
                    Key::CannotWrite,
                    &[("path", &path.display()), ("reason", &reason)],
                )
            }
            CliError::XlsxToStdout => i18n::text(lang, Key::BatchXlsxNotSeekable, &[]),
            CliError::SheetNotXlsx => i18n::text(lang, Key::BatchSheetNotXlsx, &[]),
            CliError::XlsxInput { path, reason } => i18n::text(
                lang,
                Key::BatchXlsxInput,
                &[("path", &path.display()), ("reason", reason)],
            ),
            CliError::NoSheet {
                path,
                sheet,
                present,
            } => i18n::text(
                lang,
                Key::BatchNoSheet,
                &[
                    ("path", &path.display()),
                    ("sheet", &shown(sheet)),
                    ("present", &present.join(", ")),
                ],
            ),
            CliError::OutputIsInput { path, example } => i18n::text(
                lang,
                Key::OutputIsInput,
                &[("path", &path.display()), ("example", &example.display())],
            ),
            CliError::PdfToTerminal => i18n::text(lang, Key::PdfToTerminal, &[]),
            CliError::NoJapaneseFont => i18n::text(lang, Key::NoJapaneseFont, &[]),
            CliError::ReportDirNotEmpty(path) => {
                i18n::text(lang, Key::ReportDirNotEmpty, &[("path", &path.display())])
            }
            CliError::Font { path, japanese } => i18n::text(
                lang,
                if *japanese {
                    Key::FontWithoutJapanese
                } else {
                    Key::FontUnreadable
                },
                &[("path", &path.display())],
            ),
            CliError::DiffNamed(named) => {
                let NamedError {
                    which,
                    arg,
                    problem,
                } = named.as_ref();
                let (key, reason) = match problem {
                    NamedProblem::Missing => (Key::DiffNamedMissing, String::new()),
                    NamedProblem::Refused(e) => (Key::DiffNamedRefused, e.message(lang)),
                };
                i18n::text(
                    lang,
                    key,
                    &[
                        ("which", which),
                        ("arg", &arg.display()),
                        ("reason", &reason),
                    ],
                )
            }
            CliError::DiffOutputNotXlsx(path) => {
                i18n::text(lang, Key::DiffOutputNotXlsx, &[("path", &path.display())])
            }
            CliError::DiffOutputNeedsClients => i18n::text(lang, Key::DiffOutputNeedsClients, &[]),
            CliError::Release(said) => said.get(lang).to_string(),
        }
    }

    /// 2 for every usage or input error; 1 is kept for "ran, but found problems".
    pub fn exit_code(&self) -> u8 {
        2
    }
}

/// Turns a clap error into one line in `lang`: what was typed (cut short
/// and on one line, [`shown`]), the flag, and the valid values or a
/// suggestion where clap knows them. A value our own parser refused
/// carries its reason, which is rendered in `lang` too.
pub fn from_clap(error: &clap::Error, lang: Lang) -> CliError {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::String(value)) => vec![value.clone()],
        _ => Vec::new(),
    };
    let one = |kind| strings(kind).into_iter().next().unwrap_or_default();
    // `--facility <FACILITY>` → `--facility`.
    let flag = {
        let arg = one(ContextKind::InvalidArg);
        arg.split(' ').next().unwrap_or_default().to_string()
    };
    let value = shown(&one(ContextKind::InvalidValue)).into_owned();
    let suggested: Vec<String> = strings(ContextKind::SuggestedArg)
        .into_iter()
        .chain(strings(ContextKind::SuggestedValue))
        .chain(strings(ContextKind::SuggestedSubcommand))
        .map(|s| format!("'{s}'"))
        .collect();
    let hint = if suggested.is_empty() {
        String::new()
    } else {
        i18n::text(
            lang,
            Key::DidYouMean,
            &[("candidates", &suggested.join(", "))],
        )
    };
    let valid = strings(ContextKind::ValidValue).join(", ");
    let valid_note = if valid.is_empty() {
        String::new()
    } else {
        i18n::text(lang, Key::ValidValues, &[("valid", &valid)])
    };
    let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
    let line = match error.kind() {
        ErrorKind::UnknownArgument => text(
            Key::UnknownArgument,
            &[
                ("arg", &shown(&one(ContextKind::InvalidArg))),
                ("hint", &hint),
            ],
        ),
        ErrorKind::InvalidValue if value.is_empty() => text(
            Key::MissingValue,
            &[("flag", &flag), ("valid", &valid_note)],
        ),
        ErrorKind::InvalidValue => {
            // `calc --format ics`: only plan writes a calendar; say how.
            let hint = if flag == "--format" && value.eq_ignore_ascii_case("ics") {
                i18n::text(lang, Key::FormatIcsIsForPlan, &[])
            } else {
                hint
            };
            text(
                Key::InvalidChoice,
                &[
                    ("flag", &flag),
                    ("value", &value),
                    ("valid", &valid),
                    ("hint", &hint),
                ],
            )
        }
        ErrorKind::ValueValidation => {
            let reason = refusal_reason(error, lang);
            text(
                Key::ValueRefused,
                &[("flag", &flag), ("value", &value), ("reason", &reason)],
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let args: Vec<String> = strings(ContextKind::InvalidArg)
                .iter()
                .map(|a| a.split(' ').next().unwrap_or_default().to_string())
                .collect();
            text(Key::MissingRequired, &[("args", &args.join(", "))])
        }
        ErrorKind::InvalidSubcommand => text(
            Key::UnknownCommand,
            &[
                ("name", &shown(&one(ContextKind::InvalidSubcommand))),
                ("hint", &hint),
            ],
        ),
        ErrorKind::TooManyValues if !value.is_empty() => {
            text(Key::UnexpectedValue, &[("flag", &flag), ("value", &value)])
        }
        ErrorKind::ArgumentConflict => {
            let other = one(ContextKind::PriorArg);
            let other = other.split(' ').next().unwrap_or_default().to_string();
            if other == flag {
                text(Key::GivenTwice, &[("flag", &flag)])
            } else {
                text(Key::Conflict, &[("flag", &flag), ("other", &other)])
            }
        }
        _ => {
            // Rare kinds: clap's own first line, in English, behind our words.
            let rendered = error.render().to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            text(Key::CommandLine, &[("detail", &shown(&first))])
        }
    };
    CliError::Usage(line)
}

/// Why our own value parser refused a value, in `lang` where it can say so.
fn refusal_reason(error: &clap::Error, lang: Lang) -> String {
    use std::error::Error as _;
    let Some(source) = error.source() else {
        return String::new();
    };
    match source.downcast_ref::<crate::input::parse::ValueError>() {
        Some(refused) => refused.message(lang),
        None => shown(&source.to_string()).into_owned(),
    }
}

/// A batch's error as the command line says it: the ones about the batch
/// command's options name the flag to use.
fn batch_message(e: &BatchError, lang: Lang) -> String {
    let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
    match e {
        BatchError::HeaderEncoding(encoding) => {
            text(Key::CliBatchHeaderEncoding, &[("encoding", encoding)])
        }
        BatchError::HeaderNotShiftJis(column) => {
            text(Key::CliBatchHeaderNotShiftJis, &[("column", column)])
        }
        BatchError::ShiftJisNotCsv => text(Key::CliBatchShiftJisNotCsv, &[]),
        BatchError::TooManyRowsForXlsx(rows) => text(
            Key::CliBatchTooManyRowsForXlsx,
            &[
                (
                    "limit",
                    &crate::core::money::group_thousands(u128::from(crate::batch::EXCEL_ROWS)),
                ),
                (
                    "rows",
                    &crate::core::money::group_thousands(u128::from(*rows)),
                ),
                ("csv", &"estimates.csv"),
            ],
        ),
        _ => e.message(lang),
    }
}
