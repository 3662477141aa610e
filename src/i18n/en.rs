//! The English message table. `{name}` marks a value.

use super::Key;

/// The sentence for `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ErrorLine => "error: {message}",
        Key::InvalidValue => "invalid value '{value}' for '{flag}': {reason}",
        Key::RuleData => "rule data: {reason}",
        Key::WritingOutput => "writing output: {reason}",
        Key::UnknownArgument => "unexpected argument '{arg}'{hint}",
        Key::InvalidChoice => {
            "invalid value '{value}' for '{flag}' (possible values: {valid}){hint}"
        }
        Key::ValueRefused => "invalid value '{value}' for '{flag}': {reason}",
        Key::MissingValue => "a value is required for '{flag}' but none was supplied{valid}",
        Key::MissingRequired => "the following required arguments were not provided: {args}",
        Key::UnknownCommand => "unrecognized subcommand '{name}'{hint} (see subsidy --help)",
        Key::UnexpectedValue => "unexpected value '{value}' for '{flag}'; it takes none",
        Key::Conflict => "'{flag}' cannot be used with '{other}'",
        Key::GivenTwice => "'{flag}' was given more than once",
        Key::CommandLine => "{detail}",
        Key::DidYouMean => "; did you mean {candidates}?",
        Key::ValidValues => " (possible values: {valid})",
        Key::AsOfLabel => "As of",
        Key::NoProgramCanStillBe => "No program can still be applied for.",
        Key::Status => "Status",
        Key::Deadline => "Deadline",
        Key::ProgramIDAuthority => "Program (ID) / authority",
        Key::Eligible => "eligible",
        Key::ToConfirm => "to confirm",
        Key::Ineligible => "ineligible",
        Key::FacilityLabel => "Facility",
        Key::CostLabel => "Cost",
        Key::CostNotForCoupons => " (not for the per-coupon programs)",
        Key::CouponPricesLabel => "Coupon prices",
        Key::Open => "open",
        Key::NotYetOpen => "not yet open",
        Key::Closed => "closed",
        Key::NotStated => "not stated",
        Key::WhyLabel => "Why",
        Key::ToConfirmHeading => "To confirm",
        Key::NotesLabel => "Notes",
        Key::ConsumptionTax => "Consumption tax",
        Key::SelfPay => "Self-pay*",
        Key::Eligibility => "Eligibility",
        Key::Grant => "Grant",
        Key::EligibleCost => "Eligible cost",
        Key::RateColumn => "Rate",
        Key::ProgramTier => "Program / tier",
        Key::SelfPayAssumesThisProgram => {
            "*Self-pay assumes this program alone funds the cost (it changes when programs are combined)."
        }
        Key::WhyNot => "Why not",
        Key::ForReference => "For reference",
        Key::CannotBeAppliedForFor => {
            "Cannot be applied for (for reference; the amounts cannot be claimed):"
        }
        Key::StackedOnTheSameCost => "Stacked on the same cost",
        Key::OtherPrefecture => "other prefecture",
        Key::NoTier => "no tier",
        Key::ConditionLabel => "Condition",
        Key::AsOfLower => "as of",
        Key::AmountLabel => "Amount",
        Key::SameSourceAsTheTier => "(same source as the tier)",
        Key::NoteLabel => "Note",
        Key::Sources => "Sources",
        Key::LargestGrant => "Largest grant",
        Key::CostToReachIt => "Cost to reach it",
        Key::TopsUp => "tops up:",
        Key::ListSeparator => ", ",
        Key::ThenRate => ", then ",
        Key::RateAssumed => " (the cost up to the cap is computed as the grant)",
        Key::CapExclusive => " (exclusive)",
        Key::Flags => "Flags",
        Key::GrantRange => "Grant range",
        Key::CostRange => "Cost range",
        Key::TierColumn => "Tier",
        Key::YenUnit => " yen",
        Key::YenAmount => "{amount} yen",
        Key::CountProgramsOne | Key::CanApplyProgramsOne => "{n} program",
        Key::CountProgramsOther | Key::CanApplyProgramsOther => "{n} programs",
        Key::CountTiersOne => "{n} tier",
        Key::CountTiersOther => "{n} tiers",
        Key::CountDaysOne => "{n} day",
        Key::CountDaysOther => "{n} days",
        Key::StackSum => {
            "[{base}] {base_grant} + [{top}] {top_grant} = {combined}; self-pay after both {self_pay}"
        }
        Key::FacilityColumn => "Facility",
        Key::BusinessCostCap => "Business-cost cap",
        Key::GrantCap => "Grant cap",
        Key::LargestPayable => "Largest payable",
        Key::CostToReachLargest => "Cost to reach it",
        Key::VariantTier => "Variant / tier",
        Key::NameSeparator => ", ",
        Key::ItemCap => "Item cap",
        Key::ItemGrantCap => "Grant cap",
        Key::ItemTier => "Item / tier",
        Key::TheTiersRate => "the tier's",
        Key::RateTieredOnTheGrant => "Rate tiered on the grant:",
        Key::CombinedCap => "Combined cap",
        Key::TogetherAtMost => "together at most",
        Key::MembersFlag => "Members (--members)",
        Key::OrMore => " or more",
        Key::Rounding => "Rounding",
        Key::PerUnit => "Per unit",
        Key::Dates => "Dates",
        Key::NotCovered => "Not covered",
        Key::NotesHeading => "Notes",
        Key::ConditionsStateWithFactPrefecture => "Conditions (state with --fact / --prefecture)",
        Key::Relations => "Relations",
        Key::Authority => "Authority",
        Key::Fund => "Fund",
        Key::Summary => "Summary",
        Key::WhoCanApply => "Who can apply",
        Key::CoveredCosts => "Covered costs",
        Key::HowToApply => "How to apply",
        Key::Contact => "Contact",
        Key::StatusOpenDays => "open ({days} left)",
        Key::StatusNotYetOpenFrom => "not yet open (from {opens})",
        Key::NoDeadlineStated => "no deadline stated",
        Key::FacilityWithBeds => "{class}, {beds} beds",
        Key::WithCheckups => ", health checkups",
        Key::WithoutCheckups => ", no health checkups",
        Key::WithEntity => ", {entity}",
        Key::WithCapital => ", capital {capital} yen",
        Key::WithEmployees => ", {employees} employees",
        Key::WithLargeCompany => ", a large company",
        Key::SizeLabel => "Size",
        Key::SizeLine => "{facility} → {outcome}",
        Key::SizeLineWithRule => "{facility} → {outcome} (an SME: {rule})",
        Key::SizeSme => "an SME (中小企業・小規模事業者等)",
        Key::SizeLarge => "a large company (大企業等)",
        Key::SizeUnknown => "not known ({how})",
        Key::SizeRuleCapitalOrEmployees => {
            "capital of at most {capital} yen or at most {employees} employees"
        }
        Key::SizeRuleEmployees => "at most {employees} employees",
        Key::SizeRuleCapital => "capital of at most {capital} yen",
        Key::SizeRuleNone => "no limit in the sources for this legal form",
        Key::ShowSmeLimits => {
            "Who counts as an SME (the size test: --entity, --capital, --employees)"
        }
        Key::ShowSmeLimit => "a {entity}: {rule}",
        Key::ClosesToday => "closes today",
        Key::DaysLeft => "{days} left",
        Key::OpensOn => "opens {opens}",
        Key::NothingAppliesSeeAbove => {
            "Nothing can be applied for on {on} by this facility (the table above says why). --as-of DATE judges another day."
        }
        Key::NothingAppliesPlan => {
            "Nothing can be applied for on {on} by this facility. subsidy calc --all shows why; --as-of DATE plans from another day."
        }
        Key::NothingApplies => {
            "Nothing can be applied for on {on} by this facility. --all shows all {total} tiers and why; --as-of DATE judges another day."
        }
        Key::CanApplyCount => "Can be applied for: {programs}, {tiers}.",
        Key::SummaryLargest => "{count} Largest: {grant} from {name} ({id}), {when}.",
        Key::NearestDeadline => {
            "{count} Give --cost to compute the grants. The nearest deadline: {name} ({id}), {when}."
        }
        Key::WhenOpen => "deadline {deadline}, {days_left}",
        Key::WhenNotYetOpen => "opens {opens}, deadline {deadline}",
        Key::WhenClosed => "closed on {deadline}",
        Key::LeftOutLine => {
            "Cannot be applied for, so not shown: {tiers} of {programs} ({counts}); --all shows them."
        }
        Key::Parenthesized => "{text} ({note})",
        Key::PerLicensedBed => "{yen} per licensed bed",
        Key::PerMember => "{yen} per member",
        Key::ConditionNotMet => "Condition not met: {text}",
        Key::StateItWith => "{text} ({how})",
        Key::NoTierForFacility => {
            "The sources give no {class} tier or amounts (the tool never borrows another class's)."
        }
        Key::NoTierForBeds => "No tier covers {beds} beds.",
        Key::EveryVariantAlike => "(all {count} tiers, for the same reason)",
        Key::AmountNotStatedForBeds => {
            "The sources give no tier or amount for a facility with {beds} beds, and do not exclude it either: to confirm (no other tier's amount is used)."
        }
        Key::PlanAmountNotStated => "amount not stated",
        Key::AskProcesses => "the number of business processes (--processes N)",
        Key::AskFunctions => {
            "the number of functions: accounting, ordering, payment (--functions N)"
        }
        Key::AskKenshin => "whether a health-checkup system is in place (--kenshin yes|no)",
        Key::AskMembers => "the number of members (--members N, 10 or more)",
        Key::AskSizeForRate => {
            "whether an SME or a large company (a large company gets {large}; computed at the SME rate {base} until stated)"
        }
        Key::TooFewMembers => {
            "{members} members; a multi-party application needs {least} or more (ineligible)."
        }
        Key::NeedsMembers => "The amount needs the number of members (--members).",
        Key::GrantBelowMinimum => {
            "The grant of {grant} yen is below the minimum of {min} yen (never rounded up)."
        }
        Key::PerUnitNote => {
            "Caps and rounding apply per {unit} (up to {max} for this class); the grant adds up each {unit}'s amount."
        }
        Key::SmallBusinessFromFlag => {
            "The sources do not define 小規模事業者 for medical providers: the small-business rate applies only with --small-business."
        }
        Key::RoundingNotStated => {
            "The sources state no rounding rule: computed exactly, truncated below 1 yen."
        }
        Key::NoCost => "No cost given (--cost).",
        Key::NoItemCost => "No cost given (--item).",
        Key::MissingItemIsZero => {
            "No amount for {item}: counted as 0 yen (give --item {key}=YEN if there is one)"
        }
        Key::NeedsItems => "This program caps each cost item: give {keys}",
        Key::FacilityHospital => "hospital",
        Key::FacilityClinic => "clinic",
        Key::FacilityPharmacy => "pharmacy",
        Key::EntityMedicalCorporation => "medical corporation",
        Key::EntitySoleProprietor => "sole proprietor",
        Key::EntityCompany => "company",
        Key::RoundingTruncate1000 => "amounts under 1,000 yen truncated",
        Key::RoundingHalfUp1 => "rounded half up to the yen",
        Key::RoundingNoneStated => {
            "no rounding rule stated (computed exactly, truncated below 1 yen)"
        }
        Key::DateDeadline => "application deadline",
        Key::DateOpens => "applications open",
        Key::DateCompletionBy => "work completed by",
        Key::DateCostsFrom => "cost period starts",
        Key::DateCostsUntil => "cost period ends",
        Key::DateConditionCutoff => "eligibility cut-off",
        Key::TaxIncluded => "costs include consumption tax",
        Key::TaxExcluded => "costs exclude consumption tax",
        Key::TaxNotStated => {
            "the sources do not say whether costs include consumption tax (amounts used as given)"
        }
        Key::StepCost => "cost",
        Key::StepItem => "item {item}: the lesser of {cost} and its cap {cap}",
        Key::StepRate => "× rate {rate}",
        Key::StepRateAssumed => "× rate {rate} ({note})",
        Key::StepRateBand => "cost {cost} × rate {rate} = {grant} (rate tiered on the grant)",
        Key::StepGrantCapBelow => "below the grant cap {below} → capped at {cap}",
        Key::StepGrantCap => "capped at the grant cap {cap}",
        Key::StepGrantCapNotStated => "grant cap: not stated",
        Key::StepPart => "+ item {item}: {cost} × {rate}",
        Key::StepPartCapped => "+ item {item}: {cost} × {rate} (cap {cap})",
        Key::StepGroupCap => "excess over the combined cap {cap} ({parts}) taken off",
        Key::StepTotal => "total before rounding",
        Key::StepRounding => "rounding: {rule}",
        Key::StepBelowMinimum => "minimum grant {min}: below the minimum: not eligible",
        Key::StepAtMinimum => "minimum grant {min}: at or above the minimum",
        Key::StepUnitPrefix => "{unit} {n}: ",
        Key::StepUnitsTotal => "Sum of the {count} {unit}s",
        Key::StepSelfPay => "self-pay = {cost} − {grant}",
        Key::StepBusinessCap => "capped at the business-cost cap {cap} → eligible cost",
        Key::StepBusinessCapNotStated => "business-cost cap: not stated → eligible cost",
        Key::HowMet => "met",
        Key::HowNotMet => "not met",
        Key::HowNotStated => "not stated",
        Key::HowByFact => "--fact {fact} → {outcome}",
        Key::HowByPrefecture => "--prefecture ({prefecture}) → {outcome}",
        Key::HowBySize => "--entity / --capital / --employees → {outcome}",
        Key::BatchRead => "reading input: {reason}",
        Key::BatchWrite => "writing output: {reason}",
        Key::BatchNoHeader => {
            "the input has no header row (put column names such as facility, beds, cost on line 1)"
        }
        Key::BatchHeaderEncoding => {
            "the header (line 1) cannot be decoded as {encoding} (give --encoding utf-8 or shift_jis)"
        }
        Key::BatchHeaderTooLarge => "the header is longer than {mb} MB",
        Key::BatchOpenQuote => "the header (line {line}) opens a quoted cell that is never closed",
        Key::BatchDuplicateColumn => "the header repeats the column '{column}'",
        Key::BatchSameMeaning => {
            "the header's columns '{first}' and '{second}' are the same column; keep one"
        }
        Key::BatchNearMiss => {
            "the header's column '{column}' is not one the tool reads; did you mean '{near}'? Rename it, or the rows are estimated without it"
        }
        Key::BatchMissingColumnNear => {
            "the header has no '{column}' ({alias}) column; if '{near}' is it, rename it to {column} or {alias}"
        }
        Key::BatchMissingColumn => {
            "the header has no '{column}' ({alias}) column; add one named {column} or {alias} on line 1"
        }
        Key::BatchBlankRows => " ({blank} blank rows skipped)",
        Key::BatchColRow => "row",
        Key::BatchColProgram => "program",
        Key::BatchColProgramName => "program_name",
        Key::BatchColVariant => "variant",
        Key::BatchColVariantName => "variant_name",
        Key::BatchColTierId => "tier_id",
        Key::BatchColTier => "tier",
        Key::BatchColEligibility => "eligibility",
        Key::BatchColCostUsed => "cost_used",
        Key::BatchColGrant => "grant",
        Key::BatchColSelfBurden => "self_burden",
        Key::BatchColStatus => "status",
        Key::BatchColDeadline => "deadline",
        Key::BatchColToConfirm => "to_confirm",
        Key::BatchColNote => "note",
        Key::BatchColError => "error",
        Key::BatchColAsOf => "as_of",
        Key::BatchColDataVersion => "data_version",
        Key::BatchColBestProgram => "best_program",
        Key::BatchColBestName => "best_program_name",
        Key::BatchColBestGrant => "best_grant",
        Key::BatchColNearestDeadline => "nearest_deadline",
        Key::BatchColDaysLeft => "days_left",
        Key::BatchOpen => "open",
        Key::BatchOpeningNotStated => "opening not stated",
        Key::StatusOpeningNotStated => {
            "opening not stated (the sources give no opening date; closes in {days})"
        }
        Key::WhenOpeningNotStated => {
            "deadline {deadline}, {days_left} (the sources give no opening date)"
        }
        Key::OpeningNotInSources => {
            "Opening date: not in the sources (until the first deadline, whether applications are open is not known)"
        }
        Key::BatchNotYetOpen => "not yet open",
        Key::BatchNoDeadline => "no deadline stated",
        Key::BatchNothing => "nothing can be applied for on this date ({reasons})",
        Key::BatchResultPrefix => "result:",
        Key::BatchListSeparator => ", ",
        Key::BatchLeftOutCount => "{why} {count}",
        Key::BatchNotShiftJis => {
            "line {line}: characters Shift_JIS cannot hold, {chars}, in column '{column}'; written as 〓"
        }
        Key::BatchScaledUnit => {
            "the column '{column}' is in {unit}, but amounts are read in yen; write each amount with its unit ({example}) or in yen, and name the column {name} or {alias}"
        }
        Key::BatchHeaderNotShiftJis => {
            "the header's column '{column}' holds characters Shift_JIS cannot hold; rename it, or use --output-encoding utf-8"
        }
        Key::BatchJsonlIsUtf8 => {
            "--output-encoding shift_jis is for CSV output only (JSONL and xlsx are UTF-8); for example -o estimates.csv --output-encoding shift_jis"
        }
        Key::BatchCellTooLongForXlsx => {
            "row {row} holds a cell of {chars} characters, more than an Excel cell holds (32,767); write CSV"
        }
        Key::BatchSheetNotXlsx => {
            "--sheet is for an Excel workbook (.xlsx) input only; for example subsidy batch clients.xlsx --sheet Sheet2"
        }
        Key::BatchWorkbookOnStdin => {
            "the input is an Excel workbook (a zip file); give its path instead of standard input, for example subsidy batch clients.xlsx"
        }
        Key::BatchTooManyColumnsForXlsx => {
            "{columns} columns are more than an Excel sheet holds (16,384); write CSV"
        }
        Key::BatchTooManyRowsForXlsx => {
            "the output exceeds an Excel sheet's {limit} rows (at least {rows} rows); write CSV (for example -o {csv}) or use --shape summary"
        }
        Key::BatchXlsxInput => "cannot read '{path}' as an Excel file: {reason}",
        Key::BatchNoSheet => "'{path}' has no sheet '{sheet}'; its sheets: {present}",
        Key::BatchXlsxNotSeekable => {
            "xlsx cannot be written to standard output; name a file, for example -o estimates.xlsx"
        }
        Key::XlsxOtherFormat => {
            "it is a {format} file; save it as .xlsx (Excel Workbook) or CSV and try again"
        }
        Key::XlsxPassword => {
            "the workbook is protected with a password; save it without one, or as CSV, and try again"
        }
        Key::XlsxNotWorkbook => {
            "not an .xlsx workbook ({detail}); save it as .xlsx (Excel Workbook) or CSV and try again"
        }
        Key::XlsxNoSheetReason => "no sheet named '{sheet}'; the workbook has: {present}",
        Key::XlsxEmpty => "the sheet has no values",
        Key::XlsxRead => "reading the workbook: {detail}",
        Key::XlsxInfoSheet => "About",
        Key::XlsxResultSheet => "Estimates",
        Key::XlsxAsOf => "As of",
        Key::XlsxDataVersion => "Rule data version",
        Key::XlsxDataSha => "Rule data SHA-256",
        Key::XlsxCommand => "Command",
        Key::XlsxGenerated => "Made by",
        Key::XlsxSources => "Sources (programs shown)",
        Key::XlsxSourceProgram => "Program",
        Key::XlsxSourceTitle => "Document",
        Key::XlsxSourceDate => "Date",
        Key::XlsxSourceUrl => "URL",
        Key::CellNotUtf16 => "bytes that are not UTF-16",
        Key::CellNotUtf8 => "bytes that are not UTF-8",
        Key::CellUtf8InSjis => "UTF-8 text in a Shift_JIS file",
        Key::CellNotSjis => "bytes that are not Shift_JIS",
        Key::RowTooLong => {
            "line {line}: the row is longer than {mb} MB; split it or shorten its cells"
        }
        Key::RowCellProblem => {
            "line {line}: {why} in column '{name}' (the cell is left empty here)"
        }
        Key::RowPastLastColumn => "line {line}: {why} past the last column",
        Key::RowFormulaNoResult => {
            "line {line}: cell {cell} (column '{column}') is a formula with no saved result; open the workbook in Excel and save it, then run again"
        }
        Key::RowOpenQuote => {
            "line {line}: a quoted cell opens here and is never closed; the file ends inside it"
        }
        Key::RowCellCount => "line {line}: {cells} cells, but the header has {columns} columns",
        Key::RowNotEncoding => "line {line}: bytes that are not {encoding}",
        Key::RowUtf8InSjis => "line {line}: UTF-8 text in a Shift_JIS file",
        Key::RowNotJson => "line {line}: not a JSON object: {reason}",
        Key::RowNoProgram => "line {line}: no program applies",
        Key::RowError => "line {line}: {error}",
        Key::KeyNotRead => "the key '{key}' is not one the tool reads; did you mean '{near}'?",
        Key::KeyTwice => "the key '{key}' is given twice",
        Key::BatchInternal => "internal error at line {line}: {message}; the output is incomplete",
        Key::CannotRead => "cannot read '{path}': {reason}",
        Key::CannotWrite => "cannot write '{path}': {reason}",
        Key::OutputIsInput => {
            "the output '-o {path}' is the input file; write to another path, e.g. -o {example}"
        }
        Key::ItIsADirectory => "it is a directory",
        Key::IoNotFound => "no such file",
        Key::IoPermissionDenied => "permission denied",
        Key::VersionWithData => "{version} (rule data {data}, sha256 {sha256})",
        Key::VersionDataUnreadable => "{version} (rule data unreadable: {reason})",
        Key::BatchSummary => {
            "batch: {read} rows read, {written} rows written, {failed} rows with errors"
        }
        Key::BatchProgress => "{spinner} {human_pos} rows read ({elapsed})",
        Key::SeverityError => "error",
        Key::SeverityWarning => "warning",
        Key::CheckReceipt => {
            "catalogue {version} (newest source), sha256 {sha256}, {files} files, {programs} programs, {examples} worked examples run"
        }
        Key::MoneyEmpty => "no amount given (e.g. 14000000 or 1400万)",
        Key::MoneyNegative => "negative amounts are refused (e.g. 14000000)",
        Key::MoneyNotANumber => {
            "not an amount of yen (try 14000000, 14,000,000円, 1400万, ￥14,000,000 or 13,158千円)"
        }
        Key::MoneyFractional => "not a whole number of yen (e.g. 1.5万 is 15000)",
        Key::MoneyTooLarge => "amounts above 1兆円 are refused",
        Key::MoneySpaceInside => {
            "a space inside the number (try 14000000, 14,000,000円 or 1400万, with no spaces)"
        }
        Key::MoneyNotADigit => "'{char}' (U+{code}) is not a digit 0-9 (try 14000000 or 1400万)",
        Key::MoneyUnitOrder => {
            "兆, 億, 万 and 千 must come largest first, each at most once (try 1億2000万 or 140万5千)"
        }
        Key::MoneyPartBetween => {
            "the part between {after} and {unit} must be below {limit} (try {example})"
        }
        Key::MoneyPartAfter => "the part after {after} must be below {limit} (try {example})",
        Key::NotAFacility => {
            "not a kind of facility: hospital (病院), clinic (診療所) or pharmacy (薬局)"
        }
        Key::NotAFacilityNear => {
            "not a kind of facility; did you mean {near}? (hospital/病院, clinic/診療所, pharmacy/薬局)"
        }
        Key::NotAnEntity => {
            "not a legal form: medical-corporation (医療法人), sole-proprietor (個人開業医, 個人事業主) or company (会社)"
        }
        Key::NotYesNo => "not yes or no (e.g. yes, no, はい, いいえ, 1, 0)",
        Key::CountEmpty => "no number given (e.g. 250)",
        Key::CountNegative => "negative numbers are refused (e.g. 250)",
        Key::CountFraction => "not a whole number (e.g. 250)",
        Key::CountNotANumber => "not a number (try 250, ２５０ or 250床)",
        Key::CountTooLarge => "too large (at most {max})",
        Key::NotASocketAddr => {
            "give an address and port (for example 127.0.0.1:8080 or 0.0.0.0:8080)"
        }
        Key::IoAddrInUse => {
            "the address and port are already in use (try another port, e.g. --addr 127.0.0.1:8081)"
        }
        Key::IoAddrNotAvailable => "this machine has no such address (for example 127.0.0.1:8080)",
        Key::NotADelimiter => {
            "a delimiter is one ASCII punctuation character or tab (e.g. , tab ;)"
        }
        Key::ItemForm => "expected KEY=YEN (e.g. mobile=41000)",
        Key::FactForm => "expected ID=yes|no (e.g. online-qual-in-place=yes)",
        Key::DateForm => {
            "not a date (try 2026-01-15, 2026/1/15, 20260115, 令和8年1月15日 or R8.1.15)"
        }
        Key::DateImpossible => "there is no such day as {date}",
        Key::DateOutsideEra => "{era} runs from {first} to {last}",
        Key::DateBeforeEra => "{era} begins on {first}",
        Key::CheckFigureTooLarge => "{what} {yen} is above {max} (1兆円), the most a figure may be",
        Key::CheckItemCapsSum => {
            "tier '{tier}': the item caps add up to {sum}, past {max} (1兆円) from item '{item}' on; together they may be at most that"
        }
        Key::CheckPerUnitRange => {
            "tier '{tier}': per_unit.max {max} is out of range: a tier pays for 1 to {limit} units"
        }
        Key::CheckTooManyItems => {
            "tier '{tier}' lists {count} items, more than {limit}, the most a tier may have"
        }
        Key::CheckMembersMin => {
            "tier '{tier}': members_min {min} is above {limit}, the most members a tier may ask"
        }
        Key::CheckRateTooFine => {
            "tier '{tier}': rate {rate} is too fine: the numerators and denominators of the tier's rates have a least common multiple of {terms}, above {max} (1/2, 2/3, 3/4 and 4/5 make 60)"
        }
        Key::CheckIdUsedTwice => "program id '{id}' is also used by {first}",
        Key::CheckFactWordedTwice => {
            "fact '{fact}' is asked in other words than in {first} (a fact is asked in one sentence; the source's wording goes in the cite)"
        }
        Key::CheckNotKebab => "{what} '{id}' is not kebab-case (a-z, 0-9, single hyphens)",
        Key::CheckIdTwice => "{section} id '{id}' appears twice",
        Key::CheckRelationUnknown => "relation names program '{id}', which does not exist",
        Key::CheckRelationNeedsProgram => "this relation needs a `program`",
        Key::CheckVariantPairUnknown => {
            "variant pair names '{variant}', not a variant of {program}"
        }
        Key::CheckConditionUnknown => "condition requires program '{id}', which does not exist",
        Key::CheckTierVariantUnknown => {
            "tier names variant '{variant}', which the program does not have"
        }
        Key::CheckTierNeedsVariant => "tier '{tier}' needs a variant: the program has variants",
        Key::CheckTierItemUnknown => {
            "tier names item '{item}', which is not among the program's [[items]]"
        }
        Key::CheckExampleTierUnknown => "example names tier '{tier}', which does not exist",
        Key::CheckNoSources => "program {id} cites no [[sources]]",
        Key::CheckNoFile => "document '{id}' names no file",
        Key::CheckTwoDirs => {
            "two directories to check (--data {data} and {dir}); give one (e.g. subsidy check {dir})"
        }
        Key::CheckNoUrl => {
            "the address '{url}' is not a web address; give one that starts with https:// or http:// (e.g. https://example.org/apply)"
        }
        Key::CheckUnknownSource => {
            "source '{id}' is not a document of the registry {registry} (its ids: {ids})"
        }
        Key::CheckDocumentChanged => {
            "document '{id}' ({file}) has SHA-256 {actual}, but the registry records {expected}: re-verify its figures and quotes, then record the new hash"
        }
        Key::CheckSha256Form => "document '{id}': sha256 must be 64 lower-case hex digits",
        Key::CheckUnknownDocument => {
            "document '{id}' is the file '{seed}', which is not in the documents directory"
        }
        Key::CheckQuoteNotFound => {
            "the quote 「{quote}」 is not in the document {document} (white space and line breaks ignored)"
        }
        Key::CheckStaleSource => {
            "document '{id}' is dated {date}, more than {days} days before {as_of}"
        }
        Key::CheckCiteUnknown => {
            "{place} cites source '{source}', which is not among the program's [[sources]]"
        }
        Key::CheckCiteNoPlace => "a {place} citation does not say where in source '{source}'",
        Key::CheckCapZero => "tier '{tier}': {key} must be above 0",
        Key::CheckItemCapZero => "tier '{tier}': item '{item}' has a cap of 0",
        Key::CheckNoCap => "tier '{tier}' has no cap at all",
        Key::CheckMinAboveCap => "tier '{tier}': grant_min {min} is above grant_cap {cap}",
        Key::CheckRangeEmpty => "tier '{tier}': {what} range {low}–{high} is empty",
        Key::CheckUnreachableCap => {
            "tier '{tier}': the published cap {cap} can never be paid (at most {payable}); add a cap_note explaining it"
        }
        Key::CheckOpensAfterDeadline => "applications open {opens}, after the deadline {deadline}",
        Key::CheckCompletionAfterDeadline => {
            "work must be completed by {done}, after the last deadline {deadline}"
        }
        Key::CheckCostPeriodInverted => "the cost period starts {from}, after it ends {until}",
        Key::CheckAllDeadlinesPassed => "every deadline has passed (the last was {last})",
        Key::CheckTierOverlap => {
            "tiers '{first}' and '{second}' both match a {class} with {beds} beds"
        }
        Key::CheckVariantCoverage => {
            "variant '{variant}' has no tier for {classes}, which other variants cover"
        }
        Key::CheckNoExample => "tier '{tier}' has no worked example ([[examples]])",
        Key::CheckExampleInvalid => "example for tier '{tier}' is not valid input: {reason}",
        Key::CheckExampleTier => "example expects tier '{tier}', the rules chose {got}",
        Key::CheckExampleGrant => {
            "example for tier '{tier}' expects a grant of {expected}, the rules pay {got}"
        }
        Key::CheckExampleEligibilityWord => {
            "eligibility '{value}' is not eligible, unknown or ineligible"
        }
        Key::CheckExampleEligibility => {
            "example for tier '{tier}' expects {expected}, the rules say {got}"
        }
        Key::CheckExampleNoTier => "example expects tier '{tier}', the rules chose none",
        Key::CheckExampleNoGrant => {
            "example for tier '{tier}' expects a grant of {expected}, the rules pay nothing"
        }
        Key::CheckWhatTierKey => "tier '{tier}': {key}",
        Key::CheckWhatItemKey => "tier '{tier}': item '{item}' {key}",
        Key::CheckWhatGroupCap => "tier '{tier}': group grant_cap",
        Key::CheckWhatExampleKey => "example for tier '{tier}': {key}",
        Key::CheckWhatExampleItem => "example for tier '{tier}': item '{item}'",
        Key::CheckKebabProgram => "program id",
        Key::CheckKebabTier => "tier id",
        Key::CheckKebabVariant => "variant id",
        Key::CheckKebabItem => "item key",
        Key::CheckKebabCondition => "condition id",
        Key::CheckKebabFact => "fact id",
        Key::DataEmpty => "{dir}: no program files (*.toml) found",
        Key::DataIdTwice => "program id {id} appears twice (also in {first})",
        Key::DataUnknownProgram => "refers to unknown program {id}",
        Key::DataDocumentTwice => "document id {id} appears twice",
        Key::DataUnknownDocument => {
            "cites document {id}, which is not in the registry (sources.toml)"
        }
        Key::RankHigh => "high",
        Key::DataNoRegistry => {
            "the built-in rule data has no document registry {file} (put data/{file} back and rebuild)"
        }
        Key::ServeGetOnly => "only GET is served here (the form is sent with GET)",
        Key::ServeChartLink => "chart",
        Key::ServeInternal => "an internal fault stopped the answer (please report this URL)",
        Key::ServeMinWage => "Staff near the minimum wage",
        Key::ServeSmallBusiness => "Small business",
        Key::ServeMembers => "Group members",
        Key::ServeFunctions => "Invoice functions",
        Key::ServeProcesses => "Business processes",
        Key::ServeDigitalAi => "Digitalisation and AI grant",
        Key::ServePlan => "Plan: what can still be applied for, and the largest grants",
        Key::ServeNoChart => {
            "no result to chart (only a tier paid on one cost is drawn; chart=ID picks the program)"
        }
        Key::ServeLeftOut => {
            "Cannot be applied for, so not shown: {tiers} of {programs} ({counts})."
        }
        Key::ServeQueryTooLong => "the query is too long (at most {max} bytes)",
        Key::ChartCostAxis => "Cost",
        Key::ChartGrantAxis => "Grant",
        Key::ChartBusinessCap => "Business-cost cap {yen}",
        Key::ChartGrantCap => "Grant cap reached at {yen}",
        Key::ChartYourCost => "Your cost {cost} → {grant}",
        Key::ServeTitle => "Medical-DX subsidy estimate",
        Key::ServeIntro => {
            "Enter your facility and its cost to see which subsidies you can apply for, how many yen, and until when. Leave anything you do not know as \"don't know\": it is shown as to confirm."
        }
        Key::ServeRefused => "Please check your input",
        Key::ServeField => "Field",
        Key::ServeInvalidValue => "invalid value '{value}' for {field}: {reason}",
        Key::ServeMissing => "{field} is missing: {reason}",
        Key::ServeBack => "Back to the estimate",
        Key::ServeOtherLang => "日本語",
        Key::ServeFooter => {
            "Amounts are estimates from the sources' rules; confirm with each program's office before applying."
        }
        Key::ServeCalendar => "Add the deadlines to your calendar (.ics)",
        Key::ServeExplain => "How it was computed",
        Key::ServeChartCaption => "{program} ({tier}): the grant as the cost rises",
        Key::ServeUnknown => "Don't know",
        Key::ServeYes => "Yes",
        Key::ServeNo => "No",
        Key::ServeFacility => "Facility",
        Key::ServeFacilityClass => "Kind",
        Key::ServeBeds => "Beds",
        Key::ServeKenshin => "Health checkups",
        Key::ServePrefecture => "Prefecture",
        Key::ServeEntity => "Legal form",
        Key::ServeMedicalCorporation => "Medical corporation",
        Key::ServeSoleProprietor => "Sole proprietor",
        Key::ServeCompany => "Company",
        Key::ServeCapital => "Capital (yen)",
        Key::ServeEmployees => "Regular employees",
        Key::ServeCosts => "Costs",
        Key::ServeCost => "Cost (yen)",
        Key::ServeCoupons => "Coupons",
        Key::ServeAsOf => "As of",
        Key::ServeFacts => "Conditions (as far as you know)",
        Key::ServeSubmit => "Estimate",
        Key::ServeNotFound => "No such page: {path}",
        Key::ServeListening => "subsidy serve: listening on http://{addr}/ (Ctrl+C to stop)",
        Key::ServeCannotListen => "cannot listen on {addr}: {reason}",
        Key::ServeBusy => "busy: try again in a moment",
        Key::ServeTimeout => "the request took too long",
        Key::FiguresStated => "Figures in the sources",
        Key::UpTo => "up to",
        Key::DataDiscoveryIdTaken => "id {id} appears twice, or is a program's id",
        Key::NoRateTable => "no rate table",
        Key::DiscoveryHeading => {
            "no rate table: the sources give none, so no amount is computed (figures shown are the sources' own, for reference)."
        }
        Key::PlanDiscovery => {
            "The sources also name (no rate table, so no amount is computed; subsidy list shows what they fund): {names}"
        }
        Key::PlanPeriodUnknown => {
            "Programs whose application period the sources do not give (ask where you apply): {entries}"
        }
        Key::PeriodUnknown => "no period stated",
        Key::SourceDateRank => "{date}, rank {rank}",
        Key::Links => "Links",
        Key::RankLowMedium => "low–medium",
        Key::RankLowest => "lowest",
        Key::DataNoVariant => "{program} has no variant {variant}",
        Key::DataTooLargeTogether => {
            "the program files hold more than {max} bytes together, the most a catalogue may"
        }
        Key::DataFileTooLarge => {
            "{bytes} bytes, larger than the {max} bytes a program file may have"
        }
        Key::DataFileGrew => "grew while read, larger than the {max} bytes a program file may have",
        Key::DataKindFifo => "a FIFO (named pipe)",
        Key::DataKindDevice => "a device",
        Key::DataKindSocket => "a socket",
        Key::DataKindDirectory => "a directory",
        Key::DataKindOther => "something else",
        Key::DataInProgram => "program {program}: {reason}",
        Key::DataInTier => "program {program} tier {tier}: {reason}",
        Key::DataInCondition => "program {program} condition {condition}: {reason}",
        Key::DataTiersShareId => "two tiers share an id",
        Key::DataCiteUnknown => "{place} cites source {source}, which is not among its [[sources]]",
        Key::DataRoundingNeedsCite => "rounding {rule} needs a cite",
        Key::DataConditionsShareId => "two conditions share an id",
        Key::DataDecidedByKey => "decided_by {by} needs exactly its own key (fact or prefecture)",
        Key::DataRelationNeedsProgram => "relation {kind} needs a `program`",
        Key::DataRelationTakesNoProgram => "relation {kind} takes no `program`",
        Key::DataRelationUnknownVariant => "relation names unknown variant {variant}",
        Key::DataTaxNeedsCite => "tax basis {basis} needs a cite",
        Key::DataTierUnknownVariant => "unknown variant {variant}",
        Key::DataTierNeedsVariant => "needs a variant",
        Key::DataTierNoVariants => "the program has no variants",
        Key::DataTierNoFacilities => "lists no facilities",
        Key::DataTierNoCap => "has no cap at all",
        Key::DataTierUnknownItem => "unknown item {item}",
        Key::DataTierDefaultItem => "default_item {item} is not one of its items",
        Key::DataSmeNoFacilities => "sme_limits row {row} lists no facilities",
        Key::DataSmeNoForm => {
            "sme_limits row {row} gives no legal form (medical-corporation, sole-proprietor or company)"
        }
        Key::DataSmeNoLimit => {
            "sme_limits row {row}: {form} has neither capital_max nor employees_max"
        }
        Key::DataSmeCapitalNotCompany => {
            "sme_limits row {row}: {form} has capital_max, but only a company is judged by capital"
        }
        Key::DataSmeZero => "sme_limits row {row}: {form} has a limit of 0",
        Key::DataSmeClassTwice => {
            "sme_limits row {row}: facility {class} is also in an earlier row"
        }
        Key::DataSmeMissing => {
            "its size test (an entity-size condition or a large-company rate) has no sme_limits row for facility {class}"
        }
        Key::DataNotRegular => {
            "not a regular file but {kind}; a program file must be a plain *.toml file"
        }
        Key::DataNotUtf8 => "not UTF-8 text (bad byte at offset {offset}); save the file as UTF-8",
        Key::CheckSummary => "check: {errors} errors, {warnings} warnings — {receipt}",
        Key::IoStorageFull => "no space left on the device",
        // profile, lookup, missing (issue 12)
        Key::InputMissing => "missing {flag}: {reason}",
        Key::InputNear => "did you mean '{near}'? ",
        Key::InputNearAtEnd => "; did you mean '{near}'?",
        Key::InputListSeparator => ", ",
        Key::InputCandidate => "{id} ({name})",
        Key::InputNeedsFacility => "the kind of facility: hospital, clinic or pharmacy",
        Key::InputNeedsBeds => {
            "the hospital's number of beds (a hospital has 20 beds or more, 病院は20床以上; e.g. 250)"
        }
        Key::InputNeedsBedsBeddedClinic => {
            "the clinic's number of beds (a clinic with beds, 有床診療所, has 1 to 19; e.g. 19)"
        }
        Key::InputNeedsProgramForVariant => {
            "variant '{variant}' is a variant of a program; the programs with it: {programs}"
        }
        Key::InputNeedsProgramId => "a program id or name (`subsidy list` shows every program)",
        Key::InputUnknownProgram => "no such program; {near}(`subsidy list` shows every id)",
        Key::InputSeveralPrograms => {
            "{count} programs have this in their name; give one of their ids: {candidates}"
        }
        Key::InputUnknownPrefecture => "not a prefecture (都道府県){near}",
        Key::InputUnknownFact => {
            "no program asks fact '{fact}'; {near}(`subsidy show ID` lists each program's facts)"
        }
        Key::InputFactTwice => "fact '{fact}' is already given as {previous}",
        Key::InputBelowOne => "must be at least 1",
        Key::InputTooManyMembers => "at most {max} members (try the number in the application)",
        Key::InputNoVariants => "none of the selected programs has variants",
        Key::InputNotAVariant => "not a variant of {program}; {near}(variants: {variants})",
        Key::InputUnknownVariant => "no program has this variant; {near}(variants: {variants})",
        Key::InputItemTwice => "item '{key}' is given twice",
        Key::InputNoItems => "none of the selected programs splits costs into items; use --cost",
        Key::InputUnknownItem => "no selected program has this item; {near}(items: {items})",
        Key::InputNoCoupons => "no selected program pays per coupon for this facility",
        Key::InputCouponCount => {
            "--coupon-cost is given {priced} times; make --coupons that number, or leave it out"
        }
        Key::InputCouponRange => "a {facility} may get 1 to {max} coupons in {program}",
        Key::InputNeedsItems => "{program} caps each cost item separately: give {items}",
        Key::InputCapitalNeedsEntity => {
            "capital is used to judge a company's size: give --entity company too (e.g. --entity company --capital 100000000)"
        }
        Key::InputCapitalNotCompany => {
            "only a company is judged by its capital; a {entity} is judged by its employees (e.g. --entity company --capital 100000000)"
        }
        Key::InputLargeCompanyWithSize => {
            "cannot be given with --large-company: state the size either with --large-company or with --entity, --capital and --employees"
        }
        Key::BedsHospitalTooFew => {
            "a hospital (病院) has at least 20 beds by law; 19 beds or fewer is a clinic (診療所)"
        }
        Key::BedsClinicTooMany => {
            "a clinic (診療所) has at most 19 beds; 20 beds or more is a hospital (病院)"
        }
        Key::BedsPharmacyHasNone => "a pharmacy (薬局) has no beds",
        Key::BedsBeddedClinicHasSome => {
            "a clinic with beds (有床診療所) has 1 to 19 (e.g. 19); a clinic with none is 無床診療所"
        }
        Key::BedsClinicWithoutBedsHasNone => {
            "a clinic without beds (無床診療所) has none (e.g. 0); a clinic with beds is 有床診療所"
        }
        Key::BedsTooMany => "more beds than any hospital has; give the 許可病床数 (at most {max})",
        Key::ProfileAt => "{file}:{line}: {message}",
        Key::ProfileSyntax => "TOML syntax: {message}",
        Key::ProfileUnknownKey => "'{key}' is not a profile key; {near}(keys: {keys})",
        Key::ProfileNotAboutTheFacility => {
            "'{key}' is not about the facility; give it on the command line ({flag})"
        }
        Key::ProfileKeyTwice => "'{key}' is also given on line {line}",
        Key::ProfileUnfilled => {
            "not filled in: {keys}; write their values (e.g. facility = \"hospital\", beds = 250), or put a # before a key you do not use"
        }
        Key::ProfileUnfilledKey => "{key} (line {line})",
        Key::ProfileValueType => "the value of '{key}' must be text, a whole number or true/false",
        Key::ProfileNotUtf8 => "not UTF-8 text (save the file as UTF-8)",
        Key::ProfileCannotRead => "cannot read the profile '{file}': {reason}",
        Key::ProfileTooLarge => {
            "the profile '{file}' must be a regular file of at most {max} bytes"
        }
        Key::ProfileExists => {
            "'{file}' already exists and is not overwritten (choose another name, or remove it first)"
        }
        Key::ProfileCannotWrite => "cannot write '{file}': {reason}",
        Key::ProfileWritten => {
            "wrote a facility profile template to {file}; fill in facility and beds, then use --profile {file}"
        }
        Key::ProfileTemplate => PROFILE_TEMPLATE,
        Key::ProfileTemplateFacts => {
            "\n# Facts the conditions ask: yes or no.\n# `subsidy show ID` lists each program's facts.\n[fact]\n"
        }
        Key::ShowFacilityTiers => "This facility ({facility}) is in: {tiers}",
        Key::ShowNoFacilityTier => "No tier fits this facility ({facility})",
        Key::ShowTierOfVariant => "{tier} ({variant})",
        Key::FormatIcsIsForPlan => {
            "; ics (a calendar) is for plan: subsidy plan --facility hospital --beds 250 --format ics"
        }
        Key::IcsCalendarName => "Medical-DX subsidy deadlines",
        Key::IcsSummary => "Deadline: {name}",
        Key::IcsProgram => "Program: {program}",
        Key::IcsTier => "Tier: {tier}",
        Key::IcsLargestGrant => "Largest grant: {grant} (for a cost of {cost})",
        Key::IcsDeadline => "Deadline: {deadline}",
        Key::IcsDeadlineRound => "Deadline ({round}): {deadline}",
        Key::IcsEligibility => "Eligibility: {eligibility}",
        Key::IcsToConfirm => "To confirm:",
        Key::IcsListItem => "- {item}",
        Key::IcsTopsUp => "Tops up: {program}",
        Key::IcsApply => "Apply: {url}",
        Key::IcsAsOf => "As of {as_of}, rule data {version} (made by subsidy plan)",
        Key::IcsAlarm => "{days} to the deadline: {name}",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself). Flags shared by several commands
/// have one sentence.
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    Some(match (command, arg) {
        ("", "") => {
            "Which medical-DX subsidies a Japanese hospital, clinic or pharmacy can get, how many yen, and until when."
        }
        ("calc", "") => {
            "The grant each program that can be applied for today pays, for a facility and a cost."
        }
        ("list", "") => "Every program, open ones first, by deadline.",
        ("show", "") => {
            "Everything about one program: tiers, items, rounding, dates, conditions, sources, contact."
        }
        ("plan", "") => {
            "Every program a facility can still apply for, with the largest grant and its deadline."
        }
        ("batch", "") => {
            "Estimates for many facilities from Excel (.xlsx), CSV or JSONL; bad rows carry their error."
        }
        ("check", "") => {
            "Check rule data: syntax, ids, references, figures, dates, tiers, sources, worked examples."
        }
        ("completions", "") => {
            "Print a shell completion script (bash, zsh, fish, powershell, elvish)."
        }
        ("completions", "shell") => "The shell: bash, zsh, fish, powershell or elvish.",
        ("man", "") => "Print the man page (roff).",
        ("serve", "") => {
            "Serve the web page and the JSON API (estimates in a browser; Ctrl+C stops)."
        }
        ("serve", "addr") => "The address and port to listen on (default 127.0.0.1:8080).",
        (_, "quiet") => "No summary lines (errors still print).",
        (_, "profile") => {
            "A facility profile (TOML, keys as the batch columns; `subsidy profile init` writes one). Flags override it."
        }
        ("profile", "") => "Facility profiles: a file that gives calc, plan and show a facility.",
        ("init", "") => {
            "Write a commented profile template: to standard output, or to a new file with -o."
        }
        ("init", "output") => {
            "Write the template to FILE, which must not exist yet (never overwritten)."
        }
        (_, "data") => "Load the rule data from DIR (*.toml) instead of the built-in one.",
        (_, "lang") => {
            "Language of output, help and errors: ja (Japanese, the default) or en. SUBSIDY_LANG sets it too."
        }
        (_, "color") => {
            "Emphasis on a terminal: auto (the default; none when piped or NO_COLOR is set), always, never."
        }
        (_, "help") => "Print this help.",
        (_, "version") => "Print the version.",
        (_, "programs") => "Program id (repeatable); omitted means every program.",
        (_, "variant") => "Only this variant, in each selected program that has variants.",
        (_, "facility") => "The kind of facility: hospital, clinic or pharmacy.",
        (_, "beds") => {
            "Beds (許可病床数 for the 福岡県 勤務環境 program). Hospitals have 20 or more."
        }
        (_, "kenshin") => {
            "Whether health checkups run with a 健診部門システム in place (yes/no); picks the 電子カルテ tier."
        }
        (_, "prefecture") => {
            "The facility's prefecture (福岡県, 福岡 or fukuoka), for prefectural programs."
        }
        (_, "facts") => {
            "A fact about the facility (repeatable), e.g. online-qual-in-place=yes; `subsidy show ID` lists them."
        }
        (_, "entity") => {
            "Legal form, for the デジタル化・AI SME size test: medical-corporation (医療法人), sole-proprietor (個人開業医, 個人事業主) or company (会社)."
        }
        (_, "capital") => {
            "A company's capital (資本金の額又は出資の総額), for the SME size test, with --entity company: 100000000, 1億, 5,000万円."
        }
        (_, "employees") => "Regular employees (常時使用する従業員数), for the SME size test.",
        (_, "small_business") => {
            "Count as a 小規模事業者 (the sources do not define it for medical providers, so only this flag applies it)."
        }
        (_, "min_wage_nearby") => "A 最低賃金近傍の事業者 (デジタル化・AI 通常枠 at 2/3).",
        (_, "large_company") => {
            "State a 大企業等 (not an SME) instead of --capital and --employees: 電子取引類型 at 1/2, the SME frames ineligible."
        }
        (_, "processes") => "Business processes of the IT tool (デジタル化・AI 通常枠).",
        (_, "functions") => {
            "Accounting, ordering and payment functions of the tool (インボイス対応類型, 複数者連携)."
        }
        (_, "members") => "Members of a multi-party group (複数者連携: 10 or more).",
        (_, "cost") => "The project's cost: 14000000, 14,000,000円, 1400万, full-width digits.",
        (_, "items") => {
            "One cost item's amount, for programs that cap items separately (repeatable), e.g. mobile=41000."
        }
        (_, "coupon_costs") => {
            "One coupon's own price, once per coupon (repeatable); the スマホ保険証 card-reader grant is worked out coupon by coupon. For example --coupon-cost 20000 --coupon-cost 10000."
        }
        ("plan", "coupons") => {
            "Coupons for the スマホ保険証 card-reader grant (default: the most allowed)."
        }
        (_, "coupons") => {
            "Coupons for the スマホ保険証 card-reader grant (病院 up to 3, 診療所 1; default 1)."
        }
        ("batch", "all") => {
            "Also the results that cannot be applied for (closed, ineligible, another prefecture)."
        }
        (_, "all") => {
            "Also show what cannot be applied for (closed, ineligible, another prefecture), in its own section."
        }
        (_, "explain") => {
            "Show how each result shown was decided and computed, step by step, with its sources."
        }
        ("plan", "as_of") => "The day to plan from (default: today), e.g. 2026-11-22.",
        (_, "as_of") => "The day to judge deadlines on (default: today), e.g. 2026-11-22.",
        ("batch", "format") => {
            "Output format: csv, jsonl or xlsx (default: from the -o file's extension, else the input's)."
        }
        ("batch", "shape") => {
            "Output shape: long (the default; a row per result) or summary (a row per input row: each program's grant, the largest grant, the nearest deadline, what to confirm)."
        }
        ("batch", "output_encoding") => {
            "The CSV output's encoding: utf-8 (the default) or shift_jis (CP932, lines ending with CRLF; 〜 ‖ − ¢ £ ¬ are written as the CP932 characters Excel shows for them; a character it cannot hold becomes 〓 and is reported in its row's error)."
        }
        ("batch", "sheet") => "The sheet to read from an .xlsx input (default: the first).",
        ("plan", "format") => {
            "Output format: table (the default), json, or ics (an all-day event per deadline, for a calendar)."
        }
        (_, "format") => "Output format: table (the default) or json.",
        ("list", "open") => "Only programs that can still be applied for (open or not yet open).",
        ("show", "id") => "Program id (see `subsidy list`).",
        ("batch", "input") => {
            "Input: an Excel workbook (.xlsx), CSV with a header row, or JSONL. `-` or nothing reads standard input."
        }
        ("batch", "output") => {
            "Output file (default: standard output), replaced only when the run completes; never the input file."
        }
        ("batch", "encoding") => {
            "Input encoding: auto (the default; tells UTF-8 from Shift_JIS/CP932), utf-8, shift_jis."
        }
        ("batch", "no_bom") => "No BOM, even in a .csv file.",
        ("batch", "delimiter") => {
            "The input's delimiter: , (the default), tab, ; or |. UTF-16 input (Excel's Unicode text) is tab-separated by default."
        }
        ("batch", "bom") => {
            "Write a UTF-8 BOM so Japanese Excel opens the CSV right (the default for a .csv file)."
        }
        ("batch", "raw") => {
            "Do not guard text cells that start with = + - @ and the like (CSV injection)."
        }
        ("check", "dir") => {
            "The rule data directory (default: --data DIR, else the built-in data)."
        }
        ("check", "stale_days") => {
            "Sources older than this many days on --as-of are warnings (default 365)."
        }
        ("check", "deny_warnings") => "Fail (exit 1) on warnings too.",
        ("check", "sources") => {
            "The source documents' directory: every source must name a document there, and every passage quoted in 「…」 must occur in it."
        }
        ("check", "allow") => {
            "Do not report findings of this kind (repeatable), e.g. --allow stale-source."
        }
        ("check", "deny") => {
            "Make findings of this kind errors (repeatable), e.g. --deny all-deadlines-passed."
        }
        _ => return None,
    })
}

/// Headings and the words clap prints around the help.
pub fn heading(part: &str) -> &'static str {
    match part {
        "usage" => "Usage:",
        "options" => "Options",
        "commands" => "Commands",
        "arguments" => "Arguments",
        _ => "",
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
