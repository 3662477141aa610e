//! The English sentences of `Cli`.

use crate::i18n::key::Cli;

/// The sentence for `key`.
pub(super) fn text(key: Cli) -> &'static str {
    match key {
        Cli::ErrorLine => "error: {message}",
        Cli::InvalidValue => "invalid value '{value}' for '{flag}': {reason}",
        Cli::RuleData => "rule data: {reason}",
        Cli::WritingOutput => "writing output: {reason}",
        Cli::UnknownArgument => "unexpected argument '{arg}'{hint}",
        Cli::InvalidChoice => {
            "invalid value '{value}' for '{flag}' (possible values: {valid}){hint}"
        }
        Cli::ValueRefused => "invalid value '{value}' for '{flag}': {reason}",
        Cli::MissingValue => "a value is required for '{flag}' but none was supplied{valid}",
        Cli::MissingRequired => "the following required arguments were not provided: {args}",
        Cli::UnknownCommand => "unrecognized subcommand '{name}'{hint} (see subsidy --help)",
        Cli::UnexpectedValue => "unexpected value '{value}' for '{flag}'; it takes none",
        Cli::Conflict => "'{flag}' cannot be used with '{other}'",
        Cli::GivenTwice => "'{flag}' was given more than once",
        Cli::CommandLine => "{detail}",
        Cli::DidYouMean => "; did you mean {candidates}?",
        Cli::ValidValues => " (possible values: {valid})",
        Cli::CannotRead => "cannot read '{path}': {reason}",
        Cli::CannotWrite => "cannot write '{path}': {reason}",
        Cli::OutputIsInput => {
            "the output '-o {path}' is the input file; write to another path, e.g. -o {example}"
        }
        Cli::ItIsADirectory => "it is a directory",
        Cli::IoNotFound => "no such file",
        Cli::IoPermissionDenied => "permission denied",
        Cli::IoStorageFull => "no space left on the device",
        Cli::VersionWithData => "{version} (rule data {data}, sha256 {sha256})",
        Cli::VersionDataUnreadable => "{version} (rule data unreadable: {reason})",
        Cli::IoAddrInUse => {
            "the address and port are already in use (try another port, e.g. --addr 127.0.0.1:8081)"
        }
        Cli::IoAddrNotAvailable => "this machine has no such address (for example 127.0.0.1:8080)",
        Cli::FormatIcsIsForPlan => {
            "; ics (a calendar) is for plan: subsidy plan --facility hospital --beds 250 --format ics"
        }
    }
}
