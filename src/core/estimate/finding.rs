//! A reason, a fact to confirm or a caveat on a result ([`Finding`]): a
//! message key and its values, and what would settle it ([`Ask`]), as
//! data. Each front end words it: a flag on the command line, a form field
//! on the web, a column in a batch, a plain question in a calendar.

use super::*;

/// Declares [`FindingCode`]: each code with its stable id (the JSON's
/// `code`), and [`FindingCode::ALL`], derived from the same list.
macro_rules! finding_codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal),* $(,)?) => {
        /// What a finding is about, stable across releases (the JSON's `code`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum FindingCode {
            $($(#[$doc])* $name),*
        }

        impl FindingCode {
            /// Every code, in the order declared.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$name),*];

            /// The code's stable id: `condition-not-met`.
            pub fn id(self) -> &'static str {
                match self {
                    $(FindingCode::$name => $id),*
                }
            }
        }
    };
}

finding_codes! {
    /// A condition to confirm (a fact, the prefecture, the size test).
    Condition = "condition",
    /// A condition stated and not met.
    ConditionNotMet = "condition-not-met",
    /// The sources exclude this kind of facility.
    FacilityNotCovered = "facility-not-covered",
    /// The sources give no tier for this kind of facility.
    NoTierForFacility = "no-tier-for-facility",
    /// No tier for these beds, and none excluded either: 要確認, no amount.
    AmountNotStatedForBeds = "amount-not-stated-for-beds",
    /// No tier for these beds.
    NoTierForBeds = "no-tier-for-beds",
    /// Fewer members than a group application needs.
    TooFewMembers = "too-few-members",
    /// The size test decides the rate and is not known.
    Size = "size",
    /// A count that picks the tier (processes, functions, members) not given.
    Count = "count",
    /// Whether 健診 is carried out, not given.
    Kenshin = "kenshin",
    /// The amount needs the members, not given.
    NeedsMembers = "needs-members",
    /// The grant is under the tier's 補助下限.
    GrantBelowMinimum = "grant-below-minimum",
    /// A summed item not given, counted as 0.
    MissingItemZero = "missing-item-zero",
    /// No cost given.
    NoCost = "no-cost",
    /// Some items given, not all, and no cost.
    NeedsItems = "needs-items",
    /// The sources state no rate; the catalogue says what is used.
    RateAssumed = "rate-assumed",
    /// Caps and rounding per unit (a coupon).
    PerUnit = "per-unit",
    /// The small-business rate applies only when stated.
    SmallBusinessFromFlag = "small-business-from-flag",
    /// The sources state no rounding.
    RoundingNotStated = "rounding-not-stated",
    /// A published cap the rule cannot reach at this cost.
    CapUnreachable = "cap-unreachable",
    /// Relations to other programs and variants.
    StacksOn = "stacks-on",
    Excludes = "excludes",
    VariantsExclusive = "variants-exclusive",
    SingleClaim = "single-claim",
    OneApplication = "one-application",
}

/// A reason, a fact to confirm, or a caveat on the amount, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'c> {
    pub code: FindingCode,
    words: Words<'c>,
    /// A condition found not met: the message says so before its text.
    not_met: bool,
    /// What the user could state to settle it.
    ask: Option<Ask<'c>>,
}

/// What a finding says: a sentence of the message tables with its values,
/// or a text of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Words<'c> {
    Table(Key, Vec<(&'static str, Value<'c>)>),
    Catalogue(&'c Text),
}

/// A value a finding's sentence names, worded in the reader's language
/// when the sentence is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'c> {
    Count(u64),
    /// An amount: `1,500,000`.
    Yen(Yen),
    Rate(crate::core::rate::Rate),
    /// A kind of facility: 病院 / hospital.
    Class(FacilityClass),
    /// A name from the catalogue (a cost item's, a coupon's).
    Name(&'c Text),
    /// Names from the catalogue, as a list.
    Names(Vec<&'c Text>),
}

/// What the user could state to settle a finding. The core says which
/// input; each front end names it its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask<'c> {
    /// The project's cost.
    Cost,
    /// The amount of each of these cost items (their keys).
    Items(Vec<&'c str>),
    /// The amount of this cost item.
    Item(&'c str),
    /// Whether 健診 is carried out.
    Kenshin,
    /// The group's members.
    Members,
    /// The 業務プロセス count.
    Processes,
    /// The 会計・受発注・決済 function count.
    Functions,
    /// A fact or the prefecture, as the condition is decided.
    Condition(&'c Condition),
    /// A circumstance that changes the rate (小規模事業者).
    RateFlag(RateFlag),
    /// The size test of this program for this kind of facility: the legal
    /// form and, as its table has them, the capital and the employees.
    Size(&'c Program, FacilityClass),
}

impl Ask<'_> {
    /// Whether two asks, perhaps of two catalogues, ask the user the same:
    /// a size test by its program's id, the kind of facility and the limits
    /// it tests, not by the whole program (which holds every other figure
    /// and where it was read from); any other ask by what it holds.
    pub fn asks_as(&self, other: &Ask<'_>) -> bool {
        match (self, other) {
            (Ask::Size(a, class_a), Ask::Size(b, class_b)) => {
                a.id == b.id && class_a == class_b && a.sme_limits == b.sme_limits
            }
            (a, b) => a == b,
        }
    }
}

impl<'c> Finding<'c> {
    /// A sentence of the message tables, without values.
    pub(crate) fn said(code: FindingCode, key: Key) -> Finding<'c> {
        Finding::said_with(code, key, Vec::new())
    }

    /// A sentence of the message tables with its values.
    pub(crate) fn said_with(
        code: FindingCode,
        key: Key,
        values: Vec<(&'static str, Value<'c>)>,
    ) -> Finding<'c> {
        Finding::with(code, Words::Table(key, values))
    }

    /// Text from the catalogue.
    pub(crate) fn of(code: FindingCode, text: &'c Text) -> Finding<'c> {
        Finding::with(code, Words::Catalogue(text))
    }

    fn with(code: FindingCode, words: Words<'c>) -> Finding<'c> {
        Finding {
            code,
            words,
            not_met: false,
            ask: None,
        }
    }

    /// The same finding, settled by stating `ask`.
    pub(crate) fn asking(self, ask: Ask<'c>) -> Finding<'c> {
        Finding {
            ask: Some(ask),
            ..self
        }
    }

    /// The same finding, about a condition found not met.
    pub(crate) fn not_met(self) -> Finding<'c> {
        Finding {
            not_met: true,
            ..self
        }
    }

    /// Whether this finding and `other`, perhaps of another catalogue,
    /// say and ask the same of the user: equal words, and an equal ask as
    /// [`Ask::asks_as`] compares them.
    pub fn asks_as(&self, other: &Finding<'_>) -> bool {
        self.code == other.code
            && self.words == other.words
            && self.not_met == other.not_met
            && match (&self.ask, &other.ask) {
                (Some(a), Some(b)) => a.asks_as(b),
                (None, None) => true,
                _ => false,
            }
    }

    /// What the user could state to settle it, if anything.
    pub fn ask(&self) -> Option<&Ask<'c>> {
        self.ask.as_ref()
    }

    /// The fact this finding asks (`online-qual-in-place`), if it asks one.
    pub fn fact(&self) -> Option<&'c str> {
        match self.ask {
            Some(Ask::Condition(c)) if c.decided_by == DecidedBy::Fact => c.fact.as_deref(),
            _ => None,
        }
    }

    /// The message in one language, in plain words: how to state what it
    /// asks ([`Finding::ask`]) each front end says its own way.
    pub fn text(&self, lang: Lang) -> Cow<'c, str> {
        let text: Cow<'c, str> = match &self.words {
            Words::Catalogue(text) => Cow::Borrowed(text.get(lang)),
            Words::Table(key, values) if values.is_empty() => {
                Cow::Borrowed(i18n::template(lang, *key))
            }
            Words::Table(key, values) => {
                let worded: Vec<(&str, String)> = values
                    .iter()
                    .map(|(name, value)| (*name, value.worded(lang)))
                    .collect();
                let values: Vec<(&str, &dyn std::fmt::Display)> = worded
                    .iter()
                    .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
                    .collect();
                Cow::Owned(i18n::text(lang, *key, &values))
            }
        };
        if self.not_met {
            Cow::Owned(i18n::text(lang, Key::ConditionNotMet, &[("text", &text)]))
        } else {
            text
        }
    }
}

impl Value<'_> {
    /// The value as the sentence in `lang` says it.
    pub fn worded(&self, lang: Lang) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Yen(yen) => crate::core::money::group_thousands(u128::from(*yen)),
            Value::Rate(rate) => rate.to_string(),
            Value::Class(class) => class.name(lang).to_string(),
            Value::Name(text) => text.get(lang).to_string(),
            Value::Names(names) => names
                .iter()
                .map(|n| n.get(lang))
                .collect::<Vec<_>>()
                .join(i18n::template(lang, Key::ListSeparator)),
        }
    }
}

pub(crate) fn relation_note(relation: &Relation) -> Finding<'_> {
    let code = match relation.kind {
        RelationKind::StacksOn => FindingCode::StacksOn,
        RelationKind::Excludes => FindingCode::Excludes,
        RelationKind::VariantsExclusive => FindingCode::VariantsExclusive,
        RelationKind::SingleClaim => FindingCode::SingleClaim,
        RelationKind::OneApplication => FindingCode::OneApplication,
    };
    Finding::of(code, &relation.text)
}

#[cfg(test)]
mod tests {
    use super::FindingCode;

    /// Each code's id is its own (the JSON's `code` tells them apart) and
    /// kebab-case, as every id the tool prints.
    #[test]
    fn finding_code_ids_are_unique_and_kebab_case() {
        let ids: Vec<&str> = FindingCode::ALL.iter().map(|c| c.id()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert!(ids.len() >= 25, "{ids:?}");
        for id in ids {
            assert!(
                id.split('-')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase())),
                "{id}"
            );
        }
    }
}
