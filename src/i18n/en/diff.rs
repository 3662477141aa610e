//! The English sentences of `Diff`.

use crate::i18n::key::Diff;

/// The sentence of `key`.
pub(super) fn text(key: Diff) -> &'static str {
    match key {
        Diff::DiffHeader => "Rule data compared: {old} → {new}",
        Diff::DiffSide => "{name} (data {version})",
        Diff::DiffCounts => {
            "Programs: {added} added, {removed} removed, {changed} changed ({changes} changes)"
        }
        Diff::DiffEqual => "No differences.",
        Diff::DiffAdded => "Added: {id} ({name})",
        Diff::DiffRemoved => "Removed: {id} ({name})",
        Diff::DiffChanged => "Changed: {id} ({name})",
        Diff::DiffAreaFigure => "Amount",
        Diff::DiffAreaWindow => "Dates",
        Diff::DiffAreaCondition => "Condition",
        Diff::DiffAreaRelation => "Relation",
        Diff::DiffAreaSource => "Source",
        Diff::DiffAreaOther => "Other",
        Diff::DiffLine => "[{area}] {what}",
        Diff::DiffValue => "{what}: {old} → {new}",
        Diff::DiffRecordAdded => "{record} added",
        Diff::DiffRecordRemoved => "{record} removed",
        Diff::DiffRecordNamed => "{list} “{label}”",
        Diff::DiffRecordNth => "{list} no. {n}",
        Diff::DiffRecordDate => "{kind} {date}",
        Diff::DiffInRecord => "{field} of {record}",
        Diff::DiffCite => "Source: {cite}",
        Diff::DiffCiteMoved => "Source: {old} → {new}",
        Diff::DiffNotStated => "not stated",
        Diff::DiffYes => "yes",
        Diff::DiffNo => "no",
        Diff::DiffListTiers => "Tier",
        Diff::DiffListConditions => "Condition",
        Diff::DiffListRelations => "Relation",
        Diff::DiffListSources => "Source document",
        Diff::DiffListLinks => "Link",
        Diff::DiffListItems => "Item",
        Diff::DiffListVariants => "Variant",
        Diff::DiffListNotes => "Note",
        Diff::DiffListNotCovered => "Facility not covered",
        Diff::DiffListSmeLimits => "SME limits",
        Diff::DiffListBands => "Rate band",
        Diff::DiffListGroupCaps => "Group cap",
        Diff::DiffListRateWhen => "Rate exception",
        Diff::DiffFieldRate => "rate",
        Diff::DiffFieldBusinessCostCap => "business cost cap",
        Diff::DiffFieldGrantCap => "grant cap",
        Diff::DiffFieldGrantCapExclusive => "grant cap exclusive",
        Diff::DiffFieldGrantMin => "minimum grant",
        Diff::DiffFieldGrantCapPerBed => "grant cap per bed",
        Diff::DiffFieldGrantCapPerMember => "grant cap per member",
        Diff::DiffFieldUpToGrant => "band limit",
        Diff::DiffFieldUnitMax => "most units",
        Diff::DiffFieldFacilities => "facilities",
        Diff::DiffFieldBedsMin => "fewest beds",
        Diff::DiffFieldBedsMax => "most beds",
        Diff::DiffFieldKenshin => "health checkups",
        Diff::DiffFieldLabel => "label",
        Diff::DiffFieldName => "name",
        Diff::DiffFieldDate => "date",
        Diff::DiffFieldText => "wording",
        Diff::DiffFieldFact => "fact",
        Diff::DiffFieldPrefecture => "prefecture",
        Diff::DiffFieldProgram => "other program",
        Diff::DiffFieldKind => "kind",
        Diff::DiffFieldRounding => "rounding",
        Diff::DiffFieldTax => "tax basis",
        Diff::DiffFieldSummary => "summary",
        Diff::DiffFieldEligibility => "eligibility",
        Diff::DiffFieldCoveredCosts => "covered costs",
        Diff::DiffFieldApply => "how to apply",
        Diff::DiffFieldContact => "contact",
        Diff::DiffFieldPart => "part",
        Diff::DiffFieldReason => "reason",
        Diff::DiffFieldCite => "source",
        Diff::DiffFieldRateAssumed => "rate assumed",
        Diff::DiffFieldCapNote => "cap note",
        Diff::DiffFieldOpensNotStated => "opening not stated",
        Diff::DiffFieldReplaces => "replaces",
        Diff::DiffFieldShortName => "short name",
        Diff::DiffClientsSummary => {
            "{changed} of {read} clients changed: newly eligible {newly}, no longer eligible {no_longer}, grant up {up}, grant down {down}, grant now unknown {unknown}, grant now known {known}, deadline moved {moved}, new facts to confirm {confirm}"
        }
        Diff::DiffClientsFailed => "rows that could not be read: {failed} (row {rows})",
        Diff::DiffClientTotal => "recommended total {old} → {new} ({delta})",
        Diff::DiffClientTotalSame => "recommended total {total} (unchanged)",
        Diff::DiffNone => "none",
        Diff::DiffShiftNewly => "newly eligible (grant {grant}, deadline {deadline})",
        Diff::DiffShiftNoLonger => "no longer eligible ({reason})",
        Diff::DiffShiftGone => "not in the new data",
        Diff::DiffShiftGrant => "grant {old} → {new} ({delta})",
        Diff::DiffShiftGrantUnknown => "grant {old} → unknown",
        Diff::DiffShiftGrantKnown => "grant unknown → {new}",
        Diff::DiffShiftDeadline => "deadline {old} → {new}",
        Diff::DiffShiftConfirm => "newly to confirm: {questions}",
        Diff::DiffShiftNewlyShort => "newly eligible",
        Diff::DiffShiftNoLongerShort => "no longer eligible",
        Diff::DiffShiftGrantUpShort => "grant up",
        Diff::DiffShiftGrantDownShort => "grant down",
        Diff::DiffShiftGrantUnknownShort => "grant now unknown",
        Diff::DiffShiftGrantKnownShort => "grant now known",
        Diff::DiffShiftDeadlineShort => "deadline moved",
        Diff::DiffShiftConfirmShort => "new facts to confirm",
        Diff::DiffSheetName => "Changes",
        Diff::DiffColRow => "row",
        Diff::DiffColClient => "client",
        Diff::DiffColProgram => "program",
        Diff::DiffColWhat => "what changed",
        Diff::DiffColOldTotal => "recommended total (old)",
        Diff::DiffColNewTotal => "recommended total (new)",
        Diff::DiffColOldGrant => "grant (old)",
        Diff::DiffColNewGrant => "grant (new)",
        Diff::DiffColGrantDelta => "grant change",
        Diff::DiffColOldDeadline => "deadline (old)",
        Diff::DiffColNewDeadline => "deadline (new)",
        Diff::DiffColConfirm => "new facts to confirm",
        Diff::DiffColError => "error",
        Diff::DiffRefusedOnlyBy => "refused under {which} ({name}) only: {error}",
        Diff::DiffRefusedUnder => "refused under {which} ({name}): {error}",
        Diff::DiffWorkbookTitle => {
            "Rule data changes and the clients they touch ({old} → {new}, as of {as_of})"
        }
        Diff::DiffWrote => "Wrote {path} ({changed} clients changed)",
        Diff::DiffNamedMissing => {
            "invalid value '{arg}' for '<{which}>': no such directory or file; name a catalogue directory, a bundle file or builtin (e.g. subsidy diff builtin data)"
        }
        Diff::DiffNamedRefused => {
            "invalid value '{arg}' for '<{which}>': the rule data cannot be read: {reason}"
        }
        Diff::DiffOutputNotXlsx => {
            "invalid value '{path}' for '-o': only an Excel workbook (.xlsx) can be written (e.g. -o impact.xlsx)"
        }
        Diff::DiffOutputNeedsClients => {
            "-o needs --clients (e.g. subsidy diff builtin data --clients clients.csv -o impact.xlsx)"
        }
        Diff::DiffCatalogueWide => {
            "The catalogue as a whole (documents, programs without a rate table):"
        }
        Diff::DiffListDocuments => "Document",
        Diff::DiffListDiscovery => "Program without a rate table",
        Diff::DiffFieldTitle => "title",
        Diff::DiffFieldPublisher => "publisher",
        Diff::DiffFieldRank => "rank",
        Diff::DiffFieldSha256 => "SHA-256",
        Diff::DiffFieldFile => "file",
    }
}
