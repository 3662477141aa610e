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
        Cli::VersionWithData => "{version} (rule data {data}, {from}, sha256 {sha256})",
        Cli::VersionDataUnreadable => "{version} (rule data unreadable: {reason})",
        Cli::IoAddrInUse => {
            "the address and port are already in use (try another port, e.g. --addr 127.0.0.1:8081)"
        }
        Cli::IoAddrNotAvailable => "this machine has no such address (for example 127.0.0.1:8080)",
        Cli::FormatIcsIsForPlan => {
            "; ics (a calendar) is for plan: subsidy plan --facility hospital --beds 250 --format ics"
        }
        Cli::BatchSheetNotXlsx => {
            "--sheet is for an Excel workbook (.xlsx) input only; for example subsidy batch clients.xlsx --sheet Sheet2"
        }
        Cli::CheckTwoDirs => {
            "two directories to check (--data {data} and {dir}); give one (e.g. subsidy check {dir})"
        }
        Cli::ProfileWritten => {
            "wrote a facility profile template to {file}; fill in facility and beds, then use --profile {file}"
        }
        Cli::ProfileTemplate => PROFILE_TEMPLATE,
        Cli::ProfileTemplateFacts => {
            "\n# Facts the conditions ask: yes or no.\n# `subsidy show ID` lists each program's facts.\n[fact]\n"
        }
        Cli::HintAll => "--all shows all {total} tiers and why.",
        Cli::HintShowHidden => "--all shows them.",
        Cli::HintWhyInCalc => "subsidy calc --all shows why.",
        Cli::HintAsOf => "--as-of DATE judges another day.",
        Cli::HintCost => "Give --cost to compute the grants.",
        Cli::HintContacts => "Check with each program's contact ({command} shows it).",
        Cli::CliBatchHeaderEncoding => {
            "the header (line 1) cannot be decoded as {encoding} (give --encoding utf-8 or shift_jis)"
        }
        Cli::CliBatchHeaderNotShiftJis => {
            "the header's column '{column}' holds characters Shift_JIS cannot hold; rename it, or use --output-encoding utf-8"
        }
        Cli::CliBatchShiftJisNotCsv => {
            "--output-encoding shift_jis is for CSV output only (JSONL and xlsx are UTF-8); for example -o estimates.csv --output-encoding shift_jis"
        }
        Cli::CliBatchTooManyRowsForXlsx => {
            "the output exceeds an Excel sheet's {limit} rows (at least {rows} rows); write CSV (for example -o {csv}) or use --shape summary"
        }
        Cli::ServeBadAllowHost => {
            "--allow-host '{value}' is not a host name (e.g. subsidy.office.lan, 192.168.1.10; no port)"
        }
        Cli::NewWrote => {
            "wrote a program skeleton ({kind}) to {file}. Replace each \"＿＿\" with the document's words and figures, then run subsidy check {dir} (steps: docs/authoring.md)"
        }
        Cli::NewWroteExtension => {
            "made the extension {dir}: {meta}, for its name and version, and a program skeleton ({kind}), {file}. Replace each \"＿＿\" with the document's words and figures, then run subsidy check {dir} (steps: docs/authoring.md)"
        }
        Cli::NewWroteDiscovery => {
            "added an entry {id} (a program without a rate table) to the end of {file}. Replace each \"＿＿\" with the document's words, then run subsidy check {dir}"
        }
        Cli::NewExists => {
            "'{file}' exists already and is not overwritten (give another id, or edit that file)"
        }
        Cli::NewBadId => {
            "the id '{id}' cannot be used: write it in lower-case letters, digits and hyphens (e.g. subsidy new reidai-city-dx --dir reidai-city)"
        }
        Cli::NewNotADir => "--dir '{dir}' is not a directory (e.g. --dir reidai-city)",
        Cli::NewDiscoveryInExtension => {
            "--kind discovery cannot go in an extension ({dir} has an extension.toml): programs without a rate table live in a catalogue directory's discovery.toml only (e.g. --dir data); an extension holds programs with a rate table (e.g. --kind capped)"
        }
        Cli::NewDiscoveryNoDir => {
            "--kind discovery adds to the discovery.toml of a catalogue directory; '{dir}' does not exist (e.g. --dir data)"
        }
        Cli::NewEntryTaken => "{file} already has an entry with id {id}; give another id",
        Cli::TomlAt => "{file}:{line}: not TOML: {message}",
        Cli::SourceAdded => {
            "recorded document {id} ({file}, sha256 {sha256}) in {registry}; a program's cites give it as source = \"{id}\""
        }
        Cli::SourceAddedUnfilled => {
            "; not filled in: {fields} (replace the \"＿＿\" in {registry})"
        }
        Cli::SourceNoDir => {
            "--dir '{dir}' is not a directory; make the extension first with subsidy new ID --dir {dir}"
        }
        Cli::SourceNotTxt => {
            "'{file}' is not a .txt: subsidy check --sources reads a document's text from a UTF-8 .txt (e.g. save the notice's text as reidai-city-notice.txt and record that)"
        }
        Cli::SourceNotUtf8 => "'{file}' is not UTF-8 text (save it as UTF-8)",
        Cli::SourceTooLarge => "'{file}' must be a regular file of at most {max} bytes",
        Cli::SourceNoId => {
            "no document id can be made of the name '{file}'; give one with --id (e.g. --id reidai-1)"
        }
        Cli::SourceBadId => {
            "--id '{id}' cannot be used: write it in lower-case letters, digits and hyphens (e.g. --id reidai-1)"
        }
        Cli::SourceIdTaken => {
            "document id {id} is in {registry} already; give another with --id (e.g. --id {id}-2)"
        }
        Cli::SourceFileRecorded => {
            "'{file}' is recorded in {registry} already, as document {id} (a document is recorded once)"
        }
        Cli::SourceIdBelow => {
            "document id {id} is in {lower}, a layer below; give the extension's document another id (e.g. --id reidai-1)"
        }
        Cli::PdfToTerminal => {
            "a PDF cannot be shown on a terminal; name a file, for example subsidy report --facility hospital --beds 250 --cost 14000000 -o report.pdf"
        }
        Cli::NoJapaneseFont => {
            "no Japanese font was found for the PDF; install Noto Sans CJK (Debian, Ubuntu: sudo apt-get install fonts-noto-cjk) or IPAex Gothic (fonts-ipaexfont), or name a font file with --font FILE (for example --font /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf)"
        }
        Cli::FontUnreadable => {
            "--font '{path}' cannot be read as a font; name a .ttf, .otf or .ttc file (for example --font /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf)"
        }
        Cli::FontWithoutJapanese => {
            "--font '{path}' has no Japanese characters; name a Japanese font (for example --font /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf)"
        }
        Cli::ReportDirNotEmpty => {
            "--report '{path}' already holds files; name a new or empty directory (for example --report reports)"
        }
        Cli::BatchSummaryReports => {
            "batch: read {read} rows, wrote {written} reports into {dir}, {failed} rows had errors (listed in index.csv)"
        }
    }
}

/// The template `subsidy profile init` writes; the facts follow it.
const PROFILE_TEMPLATE: &str = "\
# A facility profile for subsidy (TOML, UTF-8).
# Use: subsidy calc --profile THIS-FILE --cost 14000000
#      subsidy plan --profile THIS-FILE
#      subsidy show ehr-sharing --profile THIS-FILE (marks this facility's tier)
# Flags given on the command line override the values in this file.
# Keys and values are written as the columns of subsidy batch.
# Keep the # before a key you do not use.

# The kind of facility (fill in): hospital, clinic or pharmacy (病院・診療所・薬局)
facility = \"\"
# Beds (fill in): a hospital has 20 or more, a clinic 0-19, a pharmacy 0;
# 許可病床数 for the Fukuoka work-environment grant
beds = \"\"
# Health checkups with a 健診部門システム in place (the EHR-sharing tiers):
# yes or no
# kenshin = \"yes\"
# Prefecture (conditions of the Fukuoka programs): 福岡県, 福岡 or fukuoka
# prefecture = \"fukuoka\"
# Legal form (the SME size test of the digitalisation and AI subsidy):
# medical-corporation, sole-proprietor or company
# entity = \"medical-corporation\"
# A company's capital (資本金の額又は出資の総額; a pharmacy company of
# 50,000,000 yen or less is an SME)
# capital = \"50,000,000\"
# Regular employees (常時使用する従業員数; an SME has 300 or fewer as a
# medical corporation, 100 as a sole proprietor, 50 as a pharmacy)
# employees = 50
# A small business (小規模事業者; the sources do not define it for medical
# providers): yes or no
# small-business = \"no\"
# Close to the minimum wage (normal frame 2/3): yes or no
# min-wage-nearby = \"no\"
# A large company, instead of capital and employees (e-trade type 1/2):
# yes or no
# large-company = \"no\"
# Business processes of the IT tool (normal frame)
# processes = 4
# Accounting, ordering and payment functions (invoice frame)
# functions = 2
# Members of a multi-party group (10 or more)
# members = 10
";
