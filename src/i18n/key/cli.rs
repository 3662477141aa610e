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
        BatchSheetNotXlsx,
        /// `check DIR` with another `--data DIR`: `{data}`, `{dir}`.
        CheckTwoDirs,
        /// `profile init -o {file}` wrote it.
        ProfileWritten,
        /// The template `profile init` writes, before the facts.
        ProfileTemplate,
        /// The heading of the facts in the template.
        ProfileTemplateFacts,
        /// How to see every tier left out (`{total}`) and why.
        HintAll,
        /// How to show the rows left out.
        HintShowHidden,
        /// Where `plan` shows why nothing applies.
        HintWhyInCalc,
        /// How to judge another day.
        HintAsOf,
        /// How to compute the grants.
        HintCost,
        /// Where each program's contact is shown (when the rule data is
        /// stale): the `{command}` that shows it.
        HintContacts,
        /// The header cannot be decoded as `{encoding}`: the flag that says the encoding.
        CliBatchHeaderEncoding,
        /// A header name Shift_JIS cannot hold (`{column}`).
        CliBatchHeaderNotShiftJis,
        /// Shift_JIS output asked for other than CSV.
        CliBatchShiftJisNotCsv,
        /// More rows (`{rows}`) than a sheet holds (`{limit}`); `{csv}` a CSV name.
        CliBatchTooManyRowsForXlsx,
        /// `--allow-host {value}` that is not a host name.
        ServeBadAllowHost,
        /// `new` wrote `{file}`, a skeleton of `{kind}`; `{dir}` to check.
        NewWrote,
        /// `new` made the extension `{dir}`: `{meta}` and the skeleton `{file}` of `{kind}`.
        NewWroteExtension,
        /// `new --kind discovery` added entry `{id}` to `{file}`; `{dir}` to check.
        NewWroteDiscovery,
        /// `new` would overwrite `{file}`.
        NewExists,
        /// `new` given an id (`{id}`) that is not kebab-case.
        NewBadId,
        /// `--dir {dir}` that is not a directory.
        NewNotADir,
        /// `new --kind discovery` into an extension (`{dir}`).
        NewDiscoveryInExtension,
        /// `new --kind discovery` into a directory that is not there (`{dir}`).
        NewDiscoveryNoDir,
        /// `new --kind discovery` with an id (`{id}`) `{file}` has.
        NewEntryTaken,
        /// A TOML file that does not parse: `{file}`, `{line}`, `{message}`.
        TomlAt,
        /// `source add` recorded `{id}` (`{file}`, `{sha256}`) in `{registry}`.
        SourceAdded,
        /// after [`Key::SourceAdded`]: what it left blank (`{fields}`).
        SourceAddedUnfilled,
        /// `source add --dir {dir}` that is not a directory.
        SourceNoDir,
        /// `source add` of a file (`{file}`) that is not .txt.
        SourceNotTxt,
        /// `source add` of a file (`{file}`) that is not UTF-8.
        SourceNotUtf8,
        /// `source add` of a file (`{file}`) over `{max}` bytes, or not a file.
        SourceTooLarge,
        /// `source add` without `--id`, of a file whose name (`{file}`) is no id.
        SourceNoId,
        /// `source add --id {id}` that is not kebab-case.
        SourceBadId,
        /// `source add` of an id (`{id}`) `{registry}` has.
        SourceIdTaken,
        /// `source add` of a file (`{file}`) `{registry}` records as `{id}`.
        SourceFileRecorded,
        /// `source add` to an extension of an id (`{id}`) a layer below has (`{lower}`).
        SourceIdBelow,
        /// A PDF asked for on a terminal.
    PdfToTerminal,
    /// No Japanese font was found for a PDF: what to install.
    NoJapaneseFont,
    /// `--font {path}` is not a font file.
    FontUnreadable,
    /// `--font {path}` has no Japanese characters.
    FontWithoutJapanese,
    /// `--report {path}` holds files already.
    ReportDirNotEmpty,
    /// The summary of `batch --report`: `{read}`, `{written}`, `{dir}`, `{failed}`.
    BatchSummaryReports,
}
}
