//! A reason, a fact to confirm or a caveat on a result ([`Finding`]).

use super::*;

/// A reason, a fact to confirm, or a caveat on the amount, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'c> {
    pub code: &'static str,
    pub(super) ja: Cow<'c, str>,
    pub(super) en: Cow<'c, str>,
    /// A condition found not met: the message says so before its text.
    pub(super) not_met: bool,
    /// The condition to state, where the finding asks for one.
    pub(super) asks: Option<&'c Condition>,
    /// The inputs (batch columns) that would settle it: `kenshin`, `item:mobile item:rececon`.
    pub(super) input: Cow<'c, str>,
    /// Settled by the size test of this program for this kind of facility:
    /// its inputs are worded when asked for, not
    /// for every row of a batch.
    pub(super) sized: Option<(&'c Program, FacilityClass)>,
}

impl<'c> Finding<'c> {
    /// A message formatted for this result.
    pub(crate) fn new(code: &'static str, ja: String, en: String) -> Finding<'c> {
        Finding::words(code, Cow::Owned(ja), Cow::Owned(en))
    }

    /// A sentence of the message tables, without values (borrowed: a batch
    /// makes these for every row).
    pub(crate) fn said(code: &'static str, key: Key) -> Finding<'c> {
        Finding::words(
            code,
            Cow::Borrowed(i18n::template(Lang::Ja, key)),
            Cow::Borrowed(i18n::template(Lang::En, key)),
        )
    }

    /// A sentence of the message tables with values the same in both languages.
    pub(crate) fn said_with(
        code: &'static str,
        key: Key,
        values: &[(&str, &dyn std::fmt::Display)],
    ) -> Finding<'c> {
        Finding::new(
            code,
            i18n::text(Lang::Ja, key, values),
            i18n::text(Lang::En, key, values),
        )
    }

    /// Text from the catalogue, borrowed.
    pub(crate) fn of(code: &'static str, text: &'c Text) -> Finding<'c> {
        Finding::words(code, Cow::Borrowed(&text.ja), Cow::Borrowed(&text.en))
    }

    pub(crate) fn words(code: &'static str, ja: Cow<'c, str>, en: Cow<'c, str>) -> Finding<'c> {
        Finding {
            code,
            ja,
            en,
            not_met: false,
            asks: None,
            input: Cow::Borrowed(""),
            sized: None,
        }
    }

    /// The same finding, settled by these inputs.
    pub(crate) fn settled_by(self, input: impl Into<Cow<'c, str>>) -> Finding<'c> {
        Finding {
            input: input.into(),
            ..self
        }
    }

    /// Whether the finding asks a fact or a prefecture condition, whose
    /// input a batch takes from the condition itself.
    pub fn asks_condition(&self) -> bool {
        self.asks.is_some()
    }

    /// The inputs (batch column names) that would settle this finding, if any:
    /// `fact:online-qual-in-place`, `prefecture`, `kenshin`, `item:mobile item:rececon`.
    pub fn input(&self) -> Cow<'_, str> {
        if let Some((program, class)) = self.sized {
            return Cow::Owned(size_columns(program, class));
        }
        match self.asks.map(|c| (c.decided_by, c)) {
            Some((DecidedBy::Fact, c)) => {
                Cow::Owned(format!("fact:{}", c.fact.as_deref().unwrap_or("")))
            }
            Some((DecidedBy::Prefecture, _)) => Cow::Borrowed("prefecture"),
            Some((DecidedBy::EntitySize, _)) => Cow::Borrowed("entity capital employees"),
            None => Cow::Borrowed(self.input.as_ref()),
        }
    }

    /// The fact this finding asks (`online-qual-in-place`), if it asks one.
    pub fn fact(&self) -> Option<&'c str> {
        self.asks
            .filter(|c| c.decided_by == DecidedBy::Fact)
            .and_then(|c| c.fact.as_deref())
    }

    /// The condition this finding asks to state, if it asks one.
    pub fn asks(&self) -> Option<&'c Condition> {
        self.asks
    }

    /// The program and kind of facility whose size test settles this
    /// finding, if the size test does (a pharmacy company is judged by its
    /// capital too, so the inputs depend on both).
    pub fn sized(&self) -> Option<(&'c Program, FacilityClass)> {
        self.sized
    }

    /// The message in one language. What would settle it ([`Finding::asks`],
    /// [`Finding::sized`], [`Finding::input`]) each front end says its own way.
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        let text = match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        };
        if self.not_met {
            Cow::Owned(i18n::text(lang, Key::ConditionNotMet, &[("text", text)]))
        } else {
            Cow::Borrowed(text.as_ref())
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
