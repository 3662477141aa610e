//! A reason, a fact to confirm or a caveat on a result ([`Finding`]): a
//! message key and its values, and what would settle it ([`Ask`]), as
//! data. Each front end words it: a flag on the command line, a form field
//! on the web, a column in a batch, a plain question in a calendar.

use super::*;

/// A reason, a fact to confirm, or a caveat on the amount, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'c> {
    pub code: &'static str,
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

impl<'c> Finding<'c> {
    /// A sentence of the message tables, without values.
    pub(crate) fn said(code: &'static str, key: Key) -> Finding<'c> {
        Finding::said_with(code, key, Vec::new())
    }

    /// A sentence of the message tables with its values.
    pub(crate) fn said_with(
        code: &'static str,
        key: Key,
        values: Vec<(&'static str, Value<'c>)>,
    ) -> Finding<'c> {
        Finding::with(code, Words::Table(key, values))
    }

    /// Text from the catalogue.
    pub(crate) fn of(code: &'static str, text: &'c Text) -> Finding<'c> {
        Finding::with(code, Words::Catalogue(text))
    }

    fn with(code: &'static str, words: Words<'c>) -> Finding<'c> {
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
        RelationKind::StacksOn => "stacks-on",
        RelationKind::Excludes => "excludes",
        RelationKind::VariantsExclusive => "variants-exclusive",
        RelationKind::SingleClaim => "single-claim",
        RelationKind::OneApplication => "one-application",
    };
    Finding::of(code, &relation.text)
}
