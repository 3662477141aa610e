//! The keys of [`Cli`].

use super::Key;

area! {
    /// The command line: its errors (ours and clap's), files that cannot be
    /// read or written, `--version` (src/cli).
    Cli {
        /// `error: {message}`: the one line a refused command prints.
        ErrorLine,
        /// A value refused for a flag: `{flag}`, `{value}`, `{reason}`.
        InvalidValue,
        /// The rule data could not be loaded: `{reason}`.
        RuleData,
        /// Writing the output failed: `{reason}`.
        WritingOutput,
        /// The parser's errors (clap), in the user's language.
        UnknownArgument,
        InvalidChoice,
        ValueRefused,
        MissingValue,
        MissingRequired,
        UnknownCommand,
        UnexpectedValue,
        Conflict,
        GivenTwice,
        CommandLine,
        DidYouMean,
        ValidValues,
        CannotRead,
        CannotWrite,
        OutputIsInput,
        ItIsADirectory,
        IoNotFound,
        IoPermissionDenied,
        IoStorageFull,
        /// `--version`: with the rule data, and when it cannot be read.
        VersionWithData,
        VersionDataUnreadable,
        IoAddrInUse,
        IoAddrNotAvailable,
        /// `--format ics` where it is not taken: after [`Key::InvalidChoice`], an example that works.
        FormatIcsIsForPlan,
    }
}
