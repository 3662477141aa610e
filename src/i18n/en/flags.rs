//! The help of each command and flag, in English.

use crate::i18n::{ANY, HelpTable};

/// By command (`""` for the top level, `"calc"`, …) and flag (`""` for the
/// command itself); the first entry that fits answers, so a command's own
/// help for a flag comes before the one for [`ANY`] command.
pub(in crate::i18n) const HELP: &HelpTable = &[
    (
        "",
        "",
        "Which medical-DX subsidies a Japanese hospital, clinic or pharmacy can get, how many yen, and until when.",
    ),
    (
        "calc",
        "",
        "The grant each program that can be applied for today pays, for a facility and a cost.",
    ),
    ("list", "", "Every program, open ones first, by deadline."),
    (
        "show",
        "",
        "Everything about one program: tiers, items, rounding, dates, conditions, sources, contact.",
    ),
    (
        "plan",
        "",
        "Every program a facility can still apply for, with the largest grant and its deadline.",
    ),
    (
        "ask",
        "",
        "Ask one question at a time, then give the answer and the command that gives it.",
    ),
    (
        "ask",
        "cost",
        "The project's cost, if known (then not asked): 14000000, 1400万, full-width digits.",
    ),
    (
        "report",
        "",
        "A one-page A4 PDF for a facility: the grants it can get, the deadlines, how to apply and whom to ask, what is still to confirm.",
    ),
    (
        "report",
        "client",
        "The client's (facility's) name, for the report's title.",
    ),
    (
        "report",
        "output",
        "The PDF file to write (replaced once written whole; left as it was if the run fails).",
    ),
    (
        "report",
        "font",
        "A Japanese font file (.ttf, .otf, .ttc). Default: the system's Japanese font (Noto Sans CJK, IPAex Gothic, Yu Gothic, Meiryo …).",
    ),
    (
        "batch",
        "",
        "Estimates for many facilities from Excel (.xlsx), CSV or JSONL; bad rows carry their error.",
    ),
    (
        "batch",
        "report",
        "One printed report (a one-page A4 PDF) per facility into DIR (new or empty), with index.csv; instead of -o.",
    ),
    (
        "batch",
        "font",
        "The font of --report's PDFs (.ttf, .otf, .ttc); default: the system's Japanese font.",
    ),
    (
        "check",
        "",
        "Check rule data: syntax, ids, references, figures, dates, tiers, sources, worked examples.",
    ),
    (
        "completions",
        "",
        "Print a shell completion script (bash, zsh, fish, powershell, elvish).",
    ),
    (
        "completions",
        "shell",
        "The shell: bash, zsh, fish, powershell or elvish.",
    ),
    ("man", "", "Print the man page (roff)."),
    (
        "config",
        "",
        "Print where the config file is read from ($XDG_CONFIG_HOME/subsidy/config.toml, or the file SUBSIDY_CONFIG names) and each setting (lang, extend, prefecture) with where it comes from (flag, environment, file, default).",
    ),
    (
        "serve",
        "",
        "Serve the web page and the JSON API (estimates in a browser; Ctrl+C stops).",
    ),
    (
        "serve",
        "addr",
        "The address and port to listen on (default 127.0.0.1:8080).",
    ),
    (
        "serve",
        "allow_host",
        "A host name answered to besides localhost (a LAN name, or the name a reverse proxy passes on; repeatable). A request for another name is refused with 421.",
    ),
    (
        "serve",
        "idle_timeout_ms",
        "(For tests) milliseconds before an idle connection is closed.",
    ),
    (
        "serve",
        "header_timeout_ms",
        "(For tests) milliseconds to read a request's headers.",
    ),
    (
        "serve",
        "write_timeout_ms",
        "(For tests) milliseconds to wait for a client that does not read.",
    ),
    (
        "serve",
        "max_connections",
        "(For tests) the most connections open at once.",
    ),
    (ANY, "quiet", "No summary lines (errors still print)."),
    (
        ANY,
        "profile",
        "A facility profile (TOML, keys as the batch columns; `subsidy profile init` writes one). Flags override it.",
    ),
    (
        "profile",
        "",
        "Facility profiles: a file that gives calc, plan and show a facility.",
    ),
    (
        "init",
        "",
        "Write a commented profile template: to standard output, or to a new file with -o.",
    ),
    (
        "init",
        "output",
        "Write the template to FILE, which must not exist yet (never overwritten).",
    ),
    (
        "new",
        "",
        "Write a commented program skeleton, every value to fill marked \"＿＿\"; until filled, subsidy check names each at its line. Steps: docs/authoring.md.",
    ),
    (
        "new",
        "id",
        "The program's id: lower-case letters, digits and hyphens (reidai-city-dx); written to DIR/ID.toml.",
    ),
    (
        "new",
        "dir",
        "The directory. If it does not exist or is empty, it is made an extension, with an extension.toml to fill in. No file is overwritten.",
    ),
    (
        "new",
        "kind",
        "How the grant is figured: capped (the default: min(cost, business_cost_cap) × rate, up to grant_cap), per_bed (a cap per licensed bed), per_item (caps item by item), per_unit (per coupon or other unit), banded (rates by bands of the grant), or discovery (a program without a rate table: an entry added to DIR/discovery.toml, in a catalogue's directory only).",
    ),
    (
        "bundle",
        "",
        "Pack a catalogue (or an extension) into one bundle file for subsidy update and --data FILE: manifest.toml (each file's size and SHA-256), then its *.toml files; not the source documents.",
    ),
    (
        "bundle",
        "dir",
        "The catalogue's (or extension's) directory; refused unless it loads.",
    ),
    (
        "bundle",
        "output",
        "The bundle file to write (replaced once written whole; left as it was if the run fails). Sign it with minisign -Sm FILE.",
    ),
    (
        "update",
        "",
        "Fetch a catalogue bundle and its minisign signature (URL.minisig), verify the signature, every file's SHA-256 and subsidy check, and install it in place of the built-in catalogue (--data still wins); prints what changed.",
    ),
    (
        "update",
        "from",
        "The bundle's URL (http or https); default: update_url in the config file. There is no default until the project publishes releases.",
    ),
    (
        "update",
        "trusted_key",
        "Also trust bundles signed by this minisign public key (.pub file; repeatable); the project's own key is built in.",
    ),
    (
        "update",
        "allow_older",
        "Install the bundle even if its rule data is older than the rule data in use (going back to an earlier release). One older than this subsidy's built-in rule data is still refused: it would not be used.",
    ),
    (
        "update",
        "rollback",
        "Go back to the catalogue in use before the last update (the built-in one if there was none).",
    ),
    (
        "source",
        "",
        "The source documents of an extension or a catalogue (its sources.toml).",
    ),
    (
        "add",
        "",
        "Record a document in DIR/sources.toml with its SHA-256 (what is there, comments and all, stays as it is).",
    ),
    (
        "add",
        "file",
        "The document's text: a UTF-8 .txt, where subsidy check --sources looks for the quotes.",
    ),
    (
        "add",
        "dir",
        "The extension's (or catalogue's) directory, whose sources.toml it writes.",
    ),
    (
        "add",
        "id",
        "The id programs cite the document by (default: the file's name without .txt).",
    ),
    (
        "add",
        "title",
        "The document's title (left as \"＿＿\" to fill in when not given).",
    ),
    (
        "add",
        "publisher",
        "Who issued it (left as \"＿＿\" when not given).",
    ),
    (
        "add",
        "date",
        "The date it was issued (2026-06-01, 令和8年6月1日 …; left as \"＿＿\" when not given).",
    ),
    (
        "add",
        "rank",
        "How far it is trusted: high (an official document), low-medium, lowest (left as \"＿＿\" when not given).",
    ),
    (
        "add",
        "note",
        "What a reader should know about the document as a whole (optional).",
    ),
    (
        ANY,
        "data",
        "Load the rule data from DIR (*.toml), or from a bundle FILE (subsidy bundle), instead of the built-in one or the one subsidy update installed.",
    ),
    (
        ANY,
        "extend",
        "Lay the extension in DIR (extension.toml, program *.toml, sources.toml) over the rule data (repeatable, lowest first). Wins over SUBSIDY_EXTEND (separated as PATH is) and the config file's extend.",
    ),
    (
        ANY,
        "lang",
        "Language of output, help and errors: ja (Japanese, the default) or en. SUBSIDY_LANG or the config file's lang set it too (the flag wins).",
    ),
    (
        ANY,
        "color",
        "Emphasis on a terminal: auto (the default; none when piped or NO_COLOR is set), always, never.",
    ),
    (ANY, "help", "Print this help."),
    (ANY, "version", "Print the version."),
    (
        ANY,
        "programs",
        "Program id (repeatable); omitted means every program.",
    ),
    (
        ANY,
        "variant",
        "Only this variant, in each selected program that has variants.",
    ),
    (
        ANY,
        "facility",
        "The kind of facility: hospital, clinic or pharmacy.",
    ),
    (
        ANY,
        "beds",
        "Beds (許可病床数 for the 福岡県 勤務環境 program). Hospitals have 20 or more.",
    ),
    (
        ANY,
        "kenshin",
        "Whether health checkups run with a 健診部門システム in place (yes/no); picks the 電子カルテ tier.",
    ),
    (
        ANY,
        "prefecture",
        "The facility's prefecture (福岡県, 福岡 or fukuoka), for prefectural programs.",
    ),
    (
        ANY,
        "facts",
        "A fact about the facility (repeatable), e.g. online-qual-in-place=yes; `subsidy show ID` lists them.",
    ),
    (
        ANY,
        "entity",
        "Legal form, for the デジタル化・AI SME size test: medical-corporation (医療法人), sole-proprietor (個人開業医, 個人事業主) or company (会社).",
    ),
    (
        ANY,
        "capital",
        "A company's capital (資本金の額又は出資の総額), for the SME size test, with --entity company: 100000000, 1億, 5,000万円.",
    ),
    (
        ANY,
        "employees",
        "Regular employees (常時使用する従業員数), for the SME size test.",
    ),
    (
        ANY,
        "small_business",
        "Count as a 小規模事業者 (the sources do not define it for medical providers, so only this flag applies it).",
    ),
    (
        ANY,
        "min_wage_nearby",
        "A 最低賃金近傍の事業者 (デジタル化・AI 通常枠 at 2/3).",
    ),
    (
        ANY,
        "large_company",
        "State a 大企業等 (not an SME) instead of --capital and --employees: 電子取引類型 at 1/2, the SME frames ineligible.",
    ),
    (
        ANY,
        "processes",
        "Business processes of the IT tool (デジタル化・AI 通常枠).",
    ),
    (
        ANY,
        "functions",
        "Accounting, ordering and payment functions of the tool (インボイス対応類型, 複数者連携).",
    ),
    (
        ANY,
        "members",
        "Members of a multi-party group (複数者連携: 10 or more).",
    ),
    (
        ANY,
        "cost",
        "The project's cost: 14000000, 14,000,000円, 1400万, full-width digits.",
    ),
    (
        ANY,
        "items",
        "One cost item's amount, for programs that cap items separately (repeatable), e.g. mobile=41000.",
    ),
    (
        ANY,
        "coupon_costs",
        "One coupon's own price, once per coupon (repeatable); the スマホ保険証 card-reader grant is worked out coupon by coupon. For example --coupon-cost 20000 --coupon-cost 10000.",
    ),
    (
        "plan",
        "coupons",
        "Coupons for the スマホ保険証 card-reader grant (default: the most allowed).",
    ),
    (
        ANY,
        "coupons",
        "Coupons for the スマホ保険証 card-reader grant (病院 up to 3, 診療所 1; default 1).",
    ),
    (
        "batch",
        "all",
        "Also the results that cannot be applied for (closed, ineligible, another prefecture).",
    ),
    (
        ANY,
        "all",
        "Also show what cannot be applied for (closed, ineligible, another prefecture), in its own section.",
    ),
    (
        ANY,
        "explain",
        "Show how each result shown was decided and computed, step by step, with its sources.",
    ),
    (
        "plan",
        "as_of",
        "The day to plan from (default: today), e.g. 2026-11-22.",
    ),
    (
        ANY,
        "as_of",
        "The day to judge deadlines on (default: today), e.g. 2026-11-22.",
    ),
    (
        "batch",
        "format",
        "Output format: csv, jsonl, xlsx, or ics: one calendar for the list, an event per program deadline and milestone naming the facilities it concerns (default: from the -o file's extension, else the input's).",
    ),
    (
        "batch",
        "shape",
        "Output shape: long (a row per result, with its one-of group) or summary (a row per input row: the recommended total, each program's grant, the nearest deadline, what to confirm). Default: summary for xlsx (to hand to a client), long for CSV and JSONL.",
    ),
    (
        "batch",
        "output_encoding",
        "The CSV output's encoding: utf-8 (the default) or shift_jis (CP932, lines ending with CRLF; 〜 ‖ − ¢ £ ¬ are written as the CP932 characters Excel shows for them; a character it cannot hold becomes 〓 and is reported in its row's error).",
    ),
    (
        "batch",
        "sheet",
        "The sheet to read from an .xlsx input (default: the first).",
    ),
    (
        "plan",
        "format",
        "Output format: table (the default), json, or ics (an all-day event per program deadline and milestone, such as work to be completed by, for a calendar).",
    ),
    (ANY, "format", "Output format: table (the default) or json."),
    (
        "list",
        "open",
        "Only programs that can still be applied for (open or not yet open).",
    ),
    ("show", "id", "Program id (see `subsidy list`)."),
    (
        "batch",
        "input",
        "Input: an Excel workbook (.xlsx), CSV with a header row, or JSONL. `-` or nothing reads standard input.",
    ),
    (
        "batch",
        "output",
        "Output file (default: standard output), replaced only when the run completes; never the input file.",
    ),
    (
        "batch",
        "encoding",
        "Input encoding: auto (the default; tells UTF-8 from Shift_JIS/CP932), utf-8, shift_jis.",
    ),
    ("batch", "no_bom", "No BOM, even in a .csv file."),
    (
        "batch",
        "delimiter",
        "The input's delimiter: , (the default), tab, ; or |. UTF-16 input (Excel's Unicode text) is tab-separated by default.",
    ),
    (
        "batch",
        "bom",
        "Write a UTF-8 BOM so Japanese Excel opens the CSV right (the default for a .csv file).",
    ),
    (
        "batch",
        "raw",
        "Do not guard text cells that start with = + - @ and the like (CSV injection).",
    ),
    (
        "check",
        "dir",
        "The rule data directory, or a bundle file (default: --data DIR, else the installed catalogue, else the built-in data).",
    ),
    (
        "check",
        "stale_days",
        "Sources older than this many days on --as-of are warnings (default 365).",
    ),
    ("check", "deny_warnings", "Fail (exit 1) on warnings too."),
    (
        "check",
        "sources",
        "The source documents' directory: every source must name a document there, and every passage quoted in 「…」 must occur in it.",
    ),
    (
        "check",
        "allow",
        "Do not report findings of this kind (repeatable), e.g. --allow stale-source.",
    ),
    (
        "check",
        "deny",
        "Make findings of this kind errors (repeatable), e.g. --deny all-deadlines-passed.",
    ),
    (
        "check",
        "coverage",
        "Worked-example coverage: per program, each tier, item, cap, rounding rule, condition, bed or size threshold and window day no example exercises; fail (exit 1) below 100%.",
    ),
    (
        "diff",
        "",
        "What changed between two catalogues (programs added and removed; amounts, dates, conditions, relations and sources, with their cites); --clients: whom it touches. Exit 0 no differences, 1 differences, 2 error.",
    ),
    (
        "diff",
        "old",
        "The old catalogue: builtin (the one built in) or a catalogue directory.",
    ),
    (
        "diff",
        "new",
        "The new catalogue: builtin or a catalogue directory.",
    ),
    (
        "diff",
        "clients",
        "A client list (CSV, JSONL or .xlsx, read as batch reads it): only the clients the change touches (newly eligible, no longer eligible, grant up or down, deadline moved, new facts to confirm).",
    ),
    (
        "diff",
        "output",
        "Write the --clients result to an Excel workbook (.xlsx), replaced whole or left as it was.",
    ),
];
