//! Every sentence a person reads, in one table per language: [`ja`] and
//! [`en`]. Code passes a [`Key`] and named values; [`text`] fills them in.
//! Each table is one exhaustive `match`, so a key without a sentence in
//! either language does not compile, and `tests::tables_agree` checks that
//! both sentences of a key take the same values.
//!
//! Help for each command and flag lives in the same two files
//! ([`ja::help`], [`en::help`]), keyed by command and flag name; a test in
//! `cli` checks that every flag has help in both.

use std::fmt::Display;

/// Which language to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

pub mod en;
pub mod ja;

/// Declares [`Key`] and [`Key::ALL`] from one list.
macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// A sentence in the message tables.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $key),*
        }

        impl Key {
            /// Every key, for the tests that compare the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
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
    /// A count with its noun, one and other (English has both; Japanese
    /// counters one form): `{n}` programs, tiers, days; see [`counted`].
    CountProgramsOne,
    CountProgramsOther,
    /// Programs that can be applied for (件 in Japanese).
    CanApplyProgramsOne,
    CanApplyProgramsOther,
    CountTiersOne,
    CountTiersOther,
    CountDaysOne,
    CountDaysOther,
    /// An amount of yen, `{amount}` grouped in thousands: `6,579,000円`, `6,579,000 yen`.
    YenAmount,
    /// Two grants stacked on one cost: `{base}`, `{top}` (row numbers), their
    /// grants `{base_grant}`, `{top_grant}`, the `{combined}` grant and the `{self_pay}`.
    StackSum,
    /// Words on the screen: headings, labels, column names (src/report).
    AsOfLabel,
    NoProgramCanStillBe,
    Status,
    Deadline,
    ProgramIDAuthority,
    Eligible,
    ToConfirm,
    Ineligible,
    FacilityLabel,
    CostLabel,
    CostNotForCoupons,
    CouponPricesLabel,
    Open,
    NotYetOpen,
    Closed,
    NotStated,
    WhyLabel,
    ToConfirmHeading,
    NotesLabel,
    ConsumptionTax,
    SelfPay,
    Eligibility,
    Grant,
    EligibleCost,
    RateColumn,
    ProgramTier,
    SelfPayAssumesThisProgram,
    WhyNot,
    ForReference,
    CannotBeAppliedForFor,
    StackedOnTheSameCost,
    OtherPrefecture,
    NoTier,
    ConditionLabel,
    AsOfLower,
    AmountLabel,
    SameSourceAsTheTier,
    NoteLabel,
    Sources,
    LargestGrant,
    CostToReachIt,
    TopsUp,
    ListSeparator,
    ThenRate,
    RateAssumed,
    CapExclusive,
    Flags,
    GrantRange,
    CostRange,
    TierColumn,
    YenUnit,
    FacilityColumn,
    BusinessCostCap,
    GrantCap,
    LargestPayable,
    CostToReachLargest,
    VariantTier,
    NameSeparator,
    ItemCap,
    ItemGrantCap,
    ItemTier,
    TheTiersRate,
    RateTieredOnTheGrant,
    CombinedCap,
    TogetherAtMost,
    MembersFlag,
    OrMore,
    Rounding,
    PerUnit,
    Dates,
    NotCovered,
    NotesHeading,
    ConditionsStateWithFactPrefecture,
    Relations,
    Authority,
    Fund,
    Summary,
    WhoCanApply,
    CoveredCosts,
    HowToApply,
    Contact,
    /// Sentences on the screen with values in them (src/report).
    StatusOpenDays,
    StatusNotYetOpenFrom,
    NoDeadlineStated,
    FacilityWithBeds,
    WithCheckups,
    WithoutCheckups,
    /// The applicant's size in the facility line: `・{entity}`, `・資本金{capital}円`, `・従業員{employees}人`, `・大企業等`.
    WithEntity,
    WithCapital,
    WithEmployees,
    WithLargeCompany,
    /// `--explain` and `show`: the size test (004's table of 中小企業・小規模事業者等).
    SizeLabel,
    /// `{facility} → {outcome}`, and with the `{rule}` of the table applied.
    SizeLine,
    SizeLineWithRule,
    SizeSme,
    SizeLarge,
    /// Not known yet: `{how}` gives it.
    SizeUnknown,
    /// A row of the table: `{capital}`, `{employees}`.
    SizeRuleCapitalOrEmployees,
    SizeRuleEmployees,
    SizeRuleCapital,
    /// The table has no limits for this legal form here.
    SizeRuleNone,
    /// `show`: the table's heading, and one legal form of a row: `{entity}`, `{rule}`.
    ShowSmeLimits,
    ShowSmeLimit,
    DaysLeft,
    ClosesToday,
    OpensOn,
    NothingAppliesSeeAbove,
    NothingApplies,
    NothingAppliesPlan,
    CanApplyCount,
    SummaryLargest,
    NearestDeadline,
    WhenOpen,
    WhenNotYetOpen,
    WhenClosed,
    LeftOutLine,
    Parenthesized,
    PerLicensedBed,
    PerMember,
    /// Findings on a result: reasons, what to confirm, notes (src/core/estimate.rs).
    ConditionNotMet,
    StateItWith,
    NoTierForFacility,
    NoTierForBeds,
    EveryVariantAlike,
    AmountNotStatedForBeds,
    PlanAmountNotStated,
    AskProcesses,
    AskFunctions,
    AskKenshin,
    AskMembers,
    /// The size decides the rate: `{large}` for a 大企業等, `{base}` used until stated.
    AskSizeForRate,
    NeedsMembers,
    TooFewMembers,
    GrantBelowMinimum,
    PerUnitNote,
    SmallBusinessFromFlag,
    RoundingNotStated,
    NoCost,
    NoItemCost,
    NeedsItems,
    MissingItemIsZero,
    /// Names and labels of the catalogue's kinds (src/core/catalogue.rs).
    FacilityHospital,
    FacilityClinic,
    FacilityPharmacy,
    EntityMedicalCorporation,
    EntitySoleProprietor,
    EntityCompany,
    RoundingTruncate1000,
    RoundingHalfUp1,
    RoundingNoneStated,
    DateDeadline,
    DateOpens,
    DateCompletionBy,
    DateCostsFrom,
    DateCostsUntil,
    DateConditionCutoff,
    TaxIncluded,
    TaxExcluded,
    TaxNotStated,
    /// `--explain`: the steps of an amount and how a condition was decided (src/trace.rs).
    StepCost,
    StepItem,
    StepRate,
    StepRateAssumed,
    StepRateBand,
    StepGrantCapBelow,
    StepGrantCap,
    StepGrantCapNotStated,
    StepPart,
    StepPartCapped,
    StepGroupCap,
    StepTotal,
    StepRounding,
    StepBelowMinimum,
    StepAtMinimum,
    StepSelfPay,
    StepUnitPrefix,
    StepUnitsTotal,
    StepBusinessCap,
    StepBusinessCapNotStated,
    HowMet,
    HowNotMet,
    HowNotStated,
    HowByFact,
    HowByPrefecture,
    HowBySize,
    /// `batch`: what stops a whole run (src/batch/mod.rs, src/cli/batch.rs).
    BatchRead,
    BatchWrite,
    BatchNoHeader,
    BatchHeaderEncoding,
    BatchHeaderTooLarge,
    BatchOpenQuote,
    BatchDuplicateColumn,
    BatchSameMeaning,
    BatchNearMiss,
    BatchInternal,
    /// Batch rows: the `error` column (rendered in English until issue 13).
    CellNotUtf16,
    CellNotUtf8,
    CellUtf8InSjis,
    CellNotSjis,
    RowTooLong,
    RowCellProblem,
    RowPastLastColumn,
    RowOpenQuote,
    /// An .xlsx cell whose formula has no saved result: `{line}`, `{cell}`, `{column}`.
    RowFormulaNoResult,
    RowCellCount,
    RowNotEncoding,
    RowUtf8InSjis,
    RowNotJson,
    RowNoProgram,
    RowError,
    KeyNotRead,
    KeyTwice,
    BatchMissingColumnNear,
    BatchMissingColumn,
    BatchBlankRows,
    /// Batch output (issue 13): column names, labels, notes.
    BatchColRow,
    BatchColProgram,
    BatchColProgramName,
    BatchColVariant,
    BatchColVariantName,
    BatchColTierId,
    BatchColTier,
    BatchColEligibility,
    BatchColCostUsed,
    BatchColGrant,
    BatchColSelfBurden,
    BatchColStatus,
    BatchColDeadline,
    BatchColToConfirm,
    BatchColNote,
    BatchColError,
    BatchColAsOf,
    BatchColDataVersion,
    BatchColBestProgram,
    BatchColBestName,
    BatchColBestGrant,
    BatchColNearestDeadline,
    BatchColDaysLeft,
    BatchOpen,
    BatchNotYetOpen,
    OpeningNotInSources,
    BatchOpeningNotStated,
    StatusOpeningNotStated,
    WhenOpeningNotStated,
    BatchNoDeadline,
    BatchNothing,
    BatchLeftOutCount,
    BatchListSeparator,
    BatchResultPrefix,
    BatchNotShiftJis,
    BatchHeaderNotShiftJis,
    /// A money column in 千円, 万円 …: `{column}`, `{unit}`, `{example}`,
    /// `{name}` (English) and `{alias}` (Japanese).
    BatchScaledUnit,
    BatchJsonlIsUtf8,
    BatchTooManyRowsForXlsx,
    BatchCellTooLongForXlsx,
    BatchTooManyColumnsForXlsx,
    BatchSheetNotXlsx,
    BatchWorkbookOnStdin,
    BatchXlsxInput,
    BatchNoSheet,
    BatchXlsxNotSeekable,
    XlsxOtherFormat,
    XlsxPassword,
    XlsxNotWorkbook,
    XlsxNoSheetReason,
    XlsxEmpty,
    XlsxRead,
    XlsxInfoSheet,
    XlsxResultSheet,
    XlsxAsOf,
    XlsxDataVersion,
    XlsxDataSha,
    XlsxCommand,
    XlsxGenerated,
    XlsxSources,
    XlsxSourceProgram,
    XlsxSourceTitle,
    XlsxSourceDate,
    XlsxSourceUrl,
    CannotRead,
    CannotWrite,
    OutputIsInput,
    ItIsADirectory,
    IoNotFound,
    IoPermissionDenied,
    IoStorageFull,
    /// `--version`, and the summaries of `batch` and `check`.
    VersionWithData,
    VersionDataUnreadable,
    BatchSummary,
    BatchProgress,
    SeverityError,
    SeverityWarning,
    CheckReceipt,
    CheckSummary,
    /// `--data DIR`: a catalogue that cannot be loaded (src/core/catalogue.rs).
    DataEmpty,
    DataIdTwice,
    DataUnknownProgram,
    DataDocumentTwice,
    DataUnknownDocument,
    RankHigh,
    DataNoRegistry,
    ServeGetOnly,
    ServeChartLink,
    ServeInternal,
    ServeMinWage,
    ServeSmallBusiness,
    ServeMembers,
    ServeFunctions,
    ServeProcesses,
    ServeDigitalAi,
    ServePlan,
    ServeNoChart,
    ServeLeftOut,
    ServeQueryTooLong,
    ChartCostAxis,
    ChartGrantAxis,
    ChartBusinessCap,
    ChartGrantCap,
    ChartYourCost,
    ServeTitle,
    ServeIntro,
    ServeRefused,
    /// The web page's refusal of a field, named by its label on the form:
    /// `{field}`, `{value}`, `{reason}`; a missing one: `{field}`, `{reason}`.
    ServeInvalidValue,
    ServeMissing,
    ServeField,
    ServeBack,
    ServeOtherLang,
    ServeFooter,
    ServeCalendar,
    ServeExplain,
    ServeChartCaption,
    ServeUnknown,
    ServeYes,
    ServeNo,
    ServeFacility,
    ServeFacilityClass,
    ServeBeds,
    ServeKenshin,
    ServePrefecture,
    ServeEntity,
    ServeMedicalCorporation,
    ServeSoleProprietor,
    ServeCompany,
    ServeCapital,
    ServeEmployees,
    ServeCosts,
    ServeCost,
    ServeCoupons,
    ServeAsOf,
    ServeFacts,
    ServeSubmit,
    ServeNotFound,
    ServeListening,
    ServeCannotListen,
    ServeBusy,
    ServeTimeout,
    FiguresStated,
    UpTo,
    DataDiscoveryIdTaken,
    NoRateTable,
    DiscoveryHeading,
    PlanDiscovery,
    PlanPeriodUnknown,
    PeriodUnknown,
    SourceDateRank,
    Links,
    RankLowMedium,
    RankLowest,
    DataNoVariant,
    DataTooLargeTogether,
    DataFileTooLarge,
    DataNotRegular,
    DataNotUtf8,
    /// What a path that is not a regular file is ([`Key::DataNotRegular`]'s `{kind}`).
    DataKindFifo,
    DataKindDevice,
    DataKindSocket,
    DataKindDirectory,
    DataKindOther,
    /// A program file that grew past the limit while it was read: `{max}`.
    DataFileGrew,
    /// What a program file breaks, after the program (and tier or condition) it is in.
    DataInProgram,
    DataInTier,
    DataInCondition,
    DataTiersShareId,
    DataCiteUnknown,
    DataRoundingNeedsCite,
    DataConditionsShareId,
    DataDecidedByKey,
    DataRelationNeedsProgram,
    DataRelationTakesNoProgram,
    DataRelationUnknownVariant,
    DataTaxNeedsCite,
    DataTierUnknownVariant,
    DataTierNeedsVariant,
    DataTierNoVariants,
    DataTierNoFacilities,
    DataTierNoCap,
    DataTierUnknownItem,
    DataTierDefaultItem,
    /// The size table (`[[sme_limits]]`): `{row}` (1-based), `{form}`, `{class}`.
    DataSmeNoFacilities,
    DataSmeNoForm,
    DataSmeNoLimit,
    DataSmeCapitalNotCompany,
    DataSmeZero,
    DataSmeClassTwice,
    DataSmeMissing,
    /// `subsidy check`: findings on the rule data (src/check.rs).
    CheckFigureTooLarge,
    CheckItemCapsSum,
    CheckPerUnitRange,
    CheckTooManyItems,
    CheckMembersMin,
    CheckRateTooFine,
    CheckIdUsedTwice,
    CheckFactWordedTwice,
    CheckNotKebab,
    CheckIdTwice,
    CheckRelationUnknown,
    CheckRelationNeedsProgram,
    CheckVariantPairUnknown,
    CheckConditionUnknown,
    CheckTierVariantUnknown,
    CheckTierNeedsVariant,
    CheckTierItemUnknown,
    CheckExampleTierUnknown,
    CheckNoSources,
    CheckNoFile,
    CheckUnknownSource,
    CheckDocumentChanged,
    CheckSha256Form,
    /// `check DIR` with another `--data DIR`: `{data}`, `{dir}`.
    CheckTwoDirs,
    CheckNoUrl,
    CheckStaleSource,
    CheckUnknownDocument,
    CheckQuoteNotFound,
    CheckCiteUnknown,
    CheckCiteNoPlace,
    CheckCapZero,
    CheckItemCapZero,
    CheckNoCap,
    CheckMinAboveCap,
    CheckRangeEmpty,
    CheckUnreachableCap,
    CheckOpensAfterDeadline,
    CheckCompletionAfterDeadline,
    CheckCostPeriodInverted,
    CheckAllDeadlinesPassed,
    CheckTierOverlap,
    CheckVariantCoverage,
    CheckNoExample,
    CheckExampleInvalid,
    CheckExampleTier,
    CheckExampleGrant,
    CheckExampleEligibilityWord,
    CheckExampleEligibility,
    /// Findings whose values differ by language: the rules chose no tier, pay nothing.
    CheckExampleNoTier,
    CheckExampleNoGrant,
    /// What a figure too large is ([`Key::CheckFigureTooLarge`]'s `{what}`).
    CheckWhatTierKey,
    CheckWhatItemKey,
    CheckWhatGroupCap,
    CheckWhatExampleKey,
    CheckWhatExampleItem,
    /// Which id is not kebab-case ([`Key::CheckNotKebab`]'s `{what}`).
    CheckKebabProgram,
    CheckKebabTier,
    CheckKebabVariant,
    CheckKebabItem,
    CheckKebabCondition,
    CheckKebabFact,
    /// Values refused: amounts, facilities, yes/no, counts, dates (src/core/money.rs, src/input/parse.rs).
    MoneyEmpty,
    MoneyNegative,
    MoneyNotANumber,
    MoneyFractional,
    MoneyTooLarge,
    MoneySpaceInside,
    MoneyNotADigit,
    MoneyUnitOrder,
    MoneyPartBetween,
    MoneyPartAfter,
    NotAFacility,
    NotAFacilityNear,
    NotAnEntity,
    NotYesNo,
    CountEmpty,
    CountNegative,
    CountFraction,
    CountNotANumber,
    CountTooLarge,
    NotADelimiter,
    NotASocketAddr,
    IoAddrInUse,
    IoAddrNotAvailable,
    ItemForm,
    FactForm,
    DateForm,
    DateImpossible,
    DateOutsideEra,
    DateBeforeEra,
    // profile, lookup, missing (issue 12)
    /// An input that is missing: `{flag}` (`--beds`, the column `beds`) and `{reason}`.
    InputMissing,
    /// `did you mean '{near}'? `, before a parenthesis.
    InputNear,
    /// `; did you mean '{near}'?`, at the end.
    InputNearAtEnd,
    /// Between the items of a list in a message.
    InputListSeparator,
    /// One candidate program: `{id}` and its Japanese `{name}`.
    InputCandidate,
    /// Missing: the kind of facility.
    InputNeedsFacility,
    /// Missing: a hospital's beds.
    InputNeedsBeds,
    InputNeedsBedsBeddedClinic,
    /// Missing: the program a `{variant}` belongs to, and the `{programs}` that have it.
    InputNeedsProgramForVariant,
    /// Missing: `show` without a program.
    InputNeedsProgramId,
    /// No program has this id or name: `{near}` ([`Key::InputNear`] or empty).
    InputUnknownProgram,
    /// `{count}` programs have the text in their Japanese name: `{candidates}`.
    InputSeveralPrograms,
    /// Not a prefecture: `{near}` ([`Key::InputNearAtEnd`] or empty).
    InputUnknownPrefecture,
    /// No program asks `{fact}`: `{near}`.
    InputUnknownFact,
    /// `{fact}` is already given as `{previous}` (yes or no).
    InputFactTwice,
    /// A count that must be 1 or more.
    InputBelowOne,
    /// More group members than `{max}`.
    InputTooManyMembers,
    /// Fewer group members than `{least}` in `{program}`.
    /// `--variant` for programs that have none.
    InputNoVariants,
    /// Not a variant of `{program}`: `{near}`, `{variants}`.
    InputNotAVariant,
    /// No program has this variant: `{near}`, `{variants}`.
    InputUnknownVariant,
    /// Item `{key}` given twice.
    InputItemTwice,
    /// `--item` for programs that split no costs.
    InputNoItems,
    /// No selected program has this item: `{near}`, `{items}`.
    InputUnknownItem,
    /// `--coupons` for programs that pay per coupon to no such facility.
    InputNoCoupons,
    /// Coupons out of 1..=`{max}` for a `{facility}` in `{program}`.
    InputCouponRange,
    InputCouponCount,
    /// `{program}` caps each item: give `{items}`.
    InputNeedsItems,
    /// A capital without `--entity company`; with another legal form `{entity}`.
    InputCapitalNeedsEntity,
    InputCapitalNotCompany,
    /// `--capital` or `--employees` together with `--large-company`.
    InputLargeCompanyWithSize,
    /// A hospital under 20 beds.
    BedsHospitalTooFew,
    /// A clinic over 19 beds.
    BedsClinicTooMany,
    BedsBeddedClinicHasSome,
    BedsClinicWithoutBedsHasNone,
    /// A pharmacy with beds.
    BedsPharmacyHasNone,
    /// More than `{max}` beds.
    BedsTooMany,
    /// A profile's error: `{file}:{line}: {message}`.
    ProfileAt,
    /// A TOML syntax error: `{message}` (the toml crate's words).
    ProfileSyntax,
    /// A key a profile does not take: `{key}`, `{near}`, `{keys}`.
    ProfileUnknownKey,
    /// A key of a batch row that is not about the facility: `{key}`, `{flag}`.
    ProfileNotAboutTheFacility,
    /// `{key}` given twice, first on `{line}`.
    ProfileKeyTwice,
    /// A value that is not text, a whole number or true/false: `{key}`.
    ProfileValueType,
    /// Keys of the template left empty (`facility = ""`): `{keys}`, each a
    /// [`Key::ProfileUnfilledKey`].
    ProfileUnfilled,
    /// One key left empty: `{key}`, `{line}`.
    ProfileUnfilledKey,
    /// The file is not UTF-8.
    ProfileNotUtf8,
    /// The profile cannot be read: `{file}`, `{reason}`.
    ProfileCannotRead,
    /// The profile is larger than `{max}` bytes, or not a file: `{file}`.
    ProfileTooLarge,
    /// `profile init -o {file}` where the file exists.
    ProfileExists,
    /// `profile init -o {file}` could not write: `{reason}`.
    ProfileCannotWrite,
    /// `profile init -o {file}` wrote it.
    ProfileWritten,
    /// The template `profile init` writes, before the facts.
    ProfileTemplate,
    /// The heading of the facts in the template.
    ProfileTemplateFacts,
    /// `show` with a facility: the `{tiers}` that fit `{facility}`.
    ShowFacilityTiers,
    /// `show` with a facility that no tier fits.
    ShowNoFacilityTier,
    /// A tier of a variant in [`Key::ShowFacilityTiers`]: `{tier}`, `{variant}`.
    ShowTierOfVariant,
    /// `--format ics` where it is not taken: after [`Key::InvalidChoice`], an example that works.
    FormatIcsIsForPlan,
    /// `plan --format ics` (src/report/ics.rs): the calendar's name.
    IcsCalendarName,
    /// An event's title: the program's `{name}`.
    IcsSummary,
    /// The event's description, line by line: `{program}` (name and id), `{tier}`.
    IcsProgram,
    IcsTier,
    /// `{grant}` and the least `{cost}` that reaches it.
    IcsLargestGrant,
    /// `{deadline}`, and with the `{round}` the sources name.
    IcsDeadline,
    IcsDeadlineRound,
    IcsEligibility,
    /// The heading of what to confirm, and one `{item}` under it.
    IcsToConfirm,
    IcsListItem,
    /// The `{program}` a top-up tops up.
    IcsTopsUp,
    /// Where to apply: `{url}`.
    IcsApply,
    /// `{as_of}` and the rule data's `{version}`.
    IcsAsOf,
    /// A reminder `{days}` days before the deadline of `{name}`.
    IcsAlarm,
}

/// `n` with its noun in `lang`, from the key for one (`1 program`) or the
/// key for any other count (`2 programs`; `0 programs`).
pub fn counted<N>(lang: Lang, one: Key, other: Key, n: N) -> String
where
    N: Display + PartialEq + From<u8>,
{
    let key = if n == N::from(1) { one } else { other };
    text(lang, key, &[("n", &n)])
}

/// The sentence for `key` in `lang`, `{name}` marking each value.
pub fn template(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Ja => ja::text(key),
        Lang::En => en::text(key),
    }
}

/// The sentence for `key` in `lang` with its values filled in:
/// `text(lang, Key::InvalidValue, &[("flag", &"--beds"), ...])`.
/// A value whose name the sentence lacks is left out; a `{name}` with no
/// value stays as it is (a test keeps the tables free of both).
pub fn text(lang: Lang, key: Key, values: &[(&str, &dyn Display)]) -> String {
    fill(template(lang, key), values)
}

fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Why a file operation failed, in `lang`: the common causes in words,
/// others as the system says them.
pub fn io_reason(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let key = match error.kind() {
        ErrorKind::NotFound => Key::IoNotFound,
        ErrorKind::PermissionDenied => Key::IoPermissionDenied,
        ErrorKind::StorageFull => Key::IoStorageFull,
        ErrorKind::IsADirectory => Key::ItIsADirectory,
        ErrorKind::AddrInUse => Key::IoAddrInUse,
        ErrorKind::AddrNotAvailable => Key::IoAddrNotAvailable,
        _ => return error.to_string(),
    };
    template(lang, key).to_string()
}

/// The `{name}`s a sentence takes, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The language asked for on the command line (`--lang en`, `--lang=en`,
/// anywhere on it) or else by `SUBSIDY_LANG` (`en`, `ja`); Japanese when
/// neither says. Read before the command line is parsed, so that the
/// parser's own errors and help are in that language too.
pub fn lang_from<I, S>(args: I, env: Option<&str>) -> Lang
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let parse = |value: &str| match value.trim().to_ascii_lowercase().as_str() {
        "en" | "english" => Some(Lang::En),
        "ja" | "japanese" | "jp" => Some(Lang::Ja),
        _ => None,
    };
    let mut from_args = None;
    let mut next_is_lang = false;
    for arg in args {
        let Some(arg) = arg.as_ref().to_str() else {
            next_is_lang = false;
            continue;
        };
        if next_is_lang {
            from_args = parse(arg).or(from_args);
            next_is_lang = false;
        } else if arg == "--lang" {
            next_is_lang = true;
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            from_args = parse(value).or(from_args);
        } else if arg == "--" {
            break;
        }
    }
    from_args
        .or_else(|| env.and_then(parse))
        .unwrap_or(Lang::Ja)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree() {
        for &key in Key::ALL {
            let (ja, en) = (ja::text(key), en::text(key));
            assert!(!ja.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            assert_eq!(
                placeholders(ja),
                placeholders(en),
                "{key:?} takes different values in ja and en"
            );
        }
    }

    #[test]
    fn values_are_filled_in_by_name() {
        let line = fill(
            "{flag} の値 '{value}' は使えません",
            &[("value", &"250床x"), ("flag", &"--beds")],
        );
        assert_eq!(line, "--beds の値 '250床x' は使えません");
        assert_eq!(fill("{a} {b", &[("a", &1)]), "1 {b");
    }

    #[test]
    fn the_language_comes_from_the_line_then_the_environment() {
        let lang = |args: &[&str], env| lang_from(args, env);
        assert_eq!(lang(&["subsidy", "calc"], None), Lang::Ja);
        assert_eq!(lang(&["subsidy", "calc", "--lang", "en"], None), Lang::En);
        assert_eq!(lang(&["subsidy", "--lang=en", "calc"], None), Lang::En);
        assert_eq!(lang(&["subsidy", "calc"], Some("en")), Lang::En);
        assert_eq!(lang(&["subsidy", "--lang", "ja"], Some("en")), Lang::Ja);
        // A bad value is the parser's to refuse; the language stays as it was.
        assert_eq!(lang(&["subsidy", "--lang", "fr"], Some("en")), Lang::En);
    }
}
