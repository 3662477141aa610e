//! The English sentences of `Data`.

use crate::i18n::key::Data;

/// The sentence for `key`.
pub(super) fn text(key: Data) -> &'static str {
    match key {
        Data::DataEmpty => "{dir}: no program files (*.toml) found",
        Data::DataIdTwice => "program id {id} appears twice (also in {first})",
        Data::DataDocumentTwice => "document id {id} appears twice",
        Data::DataUnknownDocument => {
            "cites document {id}, which is not in the registry (sources.toml)"
        }
        Data::DataNoRegistry => {
            "the built-in rule data has no document registry {file} (put data/{file} back and rebuild)"
        }
        Data::DataDiscoveryIdTaken => "id {id} appears twice, or is a program's id",
        Data::DataTooLargeTogether => {
            "the program files hold more than {max} bytes together, the most a catalogue may"
        }
        Data::DataFileTooLarge => {
            "{bytes} bytes, larger than the {max} bytes a program file may have"
        }
        Data::DataNotRegular => {
            "not a regular file but {kind}; a program file must be a plain *.toml file"
        }
        Data::DataNotUtf8 => "not UTF-8 text (bad byte at offset {offset}); save the file as UTF-8",
        Data::DataKindFifo => "a FIFO (named pipe)",
        Data::DataKindDevice => "a device",
        Data::DataKindSocket => "a socket",
        Data::DataKindDirectory => "a directory",
        Data::DataKindOther => "something else",
        Data::DataFileGrew => {
            "grew while read, larger than the {max} bytes a program file may have"
        }
        Data::RateNotAFraction => "rate {rate} is not a fraction like \"1/2\"",
        Data::RateOutOfRange => "rate {rate} must be above 0 and at most 1",
        Data::DataInProgram => "program {program}: {reason}",
        Data::DataInTier => "program {program} tier {tier}: {reason}",
        Data::DataInCondition => "program {program} condition {condition}: {reason}",
        Data::DataCiteUnknown => {
            "{place} cites source {source}, which is not among its [[sources]]"
        }
        Data::DataRoundingNeedsCite => "rounding {rule} needs a cite",
        Data::DataShortNameEmpty => {
            "short_name's {lang} is empty (give the program's short name, a calendar event's title; e.g. en = \"EHR sharing service adoption\")"
        }
        Data::DataDecidedByKey => "decided_by {by} needs exactly its own key (fact or prefecture)",
        Data::DataRelationNeedsProgram => "relation {kind} needs a `program`",
        Data::DataRelationTakesNoProgram => "relation {kind} takes no `program`",
        Data::DataTaxNeedsCite => "tax basis {basis} needs a cite",
        Data::DataTierUnknownVariant => "unknown variant {variant}",
        Data::DataTierNoFacilities => "lists no facilities",
        Data::DataTierDefaultItem => "default_item {item} is not one of its items",
        Data::DataBandedNoBands => {
            "a banded rule needs at least one band ([[tiers.rule.banded.bands]])"
        }
        Data::DataFieldMoved => {
            "tier '{tier}': `{key}` has moved into the tier's rate rule; write it as {to} (a rule is one of [tiers.rule.capped], per_bed, per_item, per_unit or banded)"
        }
        Data::DataSmeNoFacilities => "sme_limits row {row} lists no facilities",
        Data::DataSmeNoForm => {
            "sme_limits row {row} gives no legal form (medical-corporation, sole-proprietor or company)"
        }
        Data::DataSmeNoLimit => {
            "sme_limits row {row}: {form} has neither capital_max nor employees_max"
        }
        Data::DataSmeCapitalNotCompany => {
            "sme_limits row {row}: {form} has capital_max, but only a company is judged by capital"
        }
        Data::DataSmeZero => "sme_limits row {row}: {form} has a limit of 0",
        Data::DataSmeClassTwice => {
            "sme_limits row {row}: facility {class} is also in an earlier row"
        }
        Data::DataSmeMissing => {
            "its size test (an entity-size condition or a large-company rate) has no sme_limits row for facility {class}"
        }
        Data::DataGroupPartUnknown => {
            "the group cap names {part}, which is neither main nor a key of the rule's parts"
        }
        Data::DataNoExtensionFile => {
            "not found: an extension's directory needs an extension.toml with its name and version (e.g. the two lines name = \"kita-city\" and version = \"2026.1\")"
        }
        Data::DataExtensionName => {
            "the extension's name '{name}' must be lower-case letters, digits and hyphens (e.g. name = \"kita-city\")"
        }
        Data::DataExtensionVersion => {
            "the extension's version is blank (e.g. version = \"2026.1\")"
        }
        Data::DataExtensionNameTwice => {
            "the extension name '{name}' is already used by the extension in {other}; rename one of them"
        }
        Data::DataExtensionDiscovery => {
            "not read from an extension: programs without a rate table are listed in the built-in rule data only (an extension holds program files, sources.toml and extension.toml)"
        }
        Data::DataDocumentClash => {
            "document id {id} is also in {lower}, a layer below; give the extension's document another id (a lower layer's documents can be cited as they are)"
        }
        Data::DataIdClash => {
            "program id {id} is also in {lower}, in a layer below ({layer}); to replace that program write replaces = {id} and a replaces_reason, or give this one another id"
        }
        Data::DataFirstLayer => "the rule data",
        Data::DataReplacesUnknown => {
            "replaces {id}: no program of the layers below has this id (see subsidy list for the ids)"
        }
        Data::DataReplacesInBase => {
            "replaces belongs in an extension's program only (there is no layer below this rule data to replace)"
        }
        Data::DataReplacesNeedsReason => {
            "replaces needs a replaces_reason (e.g. a table [replaces_reason] with ja = \"市の要綱で上限が変わったため\" and en = \"The city's rules changed the cap\")"
        }
        Data::DataReasonWithoutReplaces => {
            "replaces_reason goes with replaces (the id of the program replaced)"
        }
        Data::DataReplacesNotAnId => {
            "replaces {id} is not a program id (lower-case letters, digits and hyphens, e.g. \"online-qual-medical-aid\")"
        }
        Data::DataBuiltinLayer => "the built-in rule data",
        Data::DataUnfilled => "not filled in: {field} (e.g. {example})",
        Data::DataUnfilledBare => {
            "not filled in: {field} (replace \"＿＿\" with the document's value)"
        }
        Data::DataUnfilledMore => {
            "; {more} more not filled in (subsidy check of the directory names each at its file:line)"
        }
    }
}
