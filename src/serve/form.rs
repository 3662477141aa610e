//! The query string of a page or API request, read as a batch row is read:
//! `facility=hospital&beds=250&kenshin=yes&cost=14000000&fact:online-qual-in-place=yes`.
//! The same names, the same parsers, the same messages; so a URL carries
//! the whole form and can be bookmarked and sent.

use chrono::NaiveDate;

use crate::core::catalogue::Lang;
use crate::core::money::Yen;
use crate::input::fields as row;
use crate::input::request::{InputError, Request};
use crate::input::spelling::{self, Spelling};

/// The most bytes of a query string read: a form is a few hundred.
pub const MAX_QUERY_BYTES: usize = 8 * 1024;

/// A request's form, read.
#[derive(Debug, Clone, Default)]
pub struct Form {
    pub request: Request,
    /// `as_of`: the day to judge windows on; today when absent.
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    /// `explain=yes`: the step-by-step working of each result.
    pub explain: bool,
    /// `chart=ID`: the program whose grant the page draws against the cost.
    pub chart: Option<String>,
    /// `asked=NAME` (repeatable): the questions the guided form (`/ask`)
    /// has put, by their fields' names (`fact:online-qual-in-place`),
    /// answered or left unknown: not put again.
    pub asked: Vec<String>,
    /// The raw pairs, kept to fill the form in again and to build links.
    pub pairs: Vec<(String, String)>,
}

/// Why a form was refused: the field, the value and a sentence in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    /// The field as the query names it (`beds`): the API's.
    pub field: String,
    pub value: String,
    /// The sentence naming the field as the query does (`beds`): the API's.
    pub message: String,
    /// The form as given, to fill it in again above the message.
    pub pairs: Vec<(String, String)>,
    /// Why, without the field's name, where the refusal is of one field's
    /// value: the page says it under the label its form gives the field
    /// (病床数, not `beds`). `None` where `message` says it all.
    pub reason: Option<Box<Reason>>,
}

/// Why one field was refused, without its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Its value is refused.
    Refused(String),
    /// It is missing (a hospital without beds).
    Missing(String),
    /// It is given twice (`facility=hospital&facility=clinic`).
    Twice,
}

impl FormError {
    /// A refusal of the whole request, not of one field's value.
    pub fn whole(field: &str, value: &str, message: String) -> FormError {
        FormError {
            field: field.to_string(),
            value: value.to_string(),
            message,
            pairs: Vec::new(),
            reason: None,
        }
    }

    /// An input the core refused (`beds` for a hospital, a bad program id).
    pub fn input(e: &InputError, lang: Lang, pairs: Vec<(String, String)>) -> FormError {
        let reason = if e.is_missing() {
            Reason::Missing(e.reason(lang, &FIELDS))
        } else {
            Reason::Refused(e.reason(lang, &FIELDS))
        };
        FormError {
            field: e.field.name().to_string(),
            value: e.value.clone(),
            message: e.message(lang, &FIELDS),
            pairs,
            reason: Some(Box::new(reason)),
        }
    }

    /// The sentence for the page, naming the field by `label` (its label on
    /// the form): `「病床数」の値 'abc' は使えません: …`.
    pub fn message_as(&self, label: &str, lang: Lang) -> String {
        use crate::i18n::{Key, text};
        match self.reason.as_deref() {
            Some(Reason::Refused(reason)) => text(
                lang,
                Key::ServeInvalidValue,
                &[
                    ("field", &label),
                    ("value", &crate::input::text::shown(&self.value)),
                    ("reason", reason),
                ],
            ),
            Some(Reason::Missing(reason)) => text(
                lang,
                Key::ServeMissing,
                &[("field", &label), ("reason", reason)],
            ),
            Some(Reason::Twice) => text(lang, Key::ServeFieldTwicePage, &[("field", &label)]),
            None => self.message.clone(),
        }
    }
}

/// The label the form gives a field (`beds` → 病床数), for the fields the
/// form always has; `None` for others (`item:…` and `fact:…` are labelled
/// from the catalogue).
pub fn label(field: &str, lang: Lang) -> Option<&'static str> {
    use crate::i18n::{Key, template};
    let key = match row::canonical(field).as_str() {
        "facility" => Key::ServeFacilityClass,
        "beds" => Key::ServeBeds,
        "kenshin" => Key::ServeKenshin,
        "prefecture" => Key::ServePrefecture,
        "entity" => Key::ServeEntity,
        "capital" => Key::ServeCapital,
        "employees" => Key::ServeEmployees,
        "processes" => Key::ServeProcesses,
        "functions" => Key::ServeFunctions,
        "members" => Key::ServeMembers,
        "small-business" => Key::ServeSmallBusiness,
        "min-wage-nearby" => Key::ServeMinWage,
        "cost" => Key::ServeCost,
        "coupons" => Key::ServeCoupons,
        "as_of" => Key::ServeAsOf,
        _ => return None,
    };
    Some(template(lang, key))
}

impl Form {
    /// Reads `query` (without the `?`). Blank values mean "not given" (a
    /// form's empty field, or わからない); a name a letter or two from a
    /// field's is refused as a typo, any other unknown name passed over; a
    /// field given twice (by one name or two: `beds` and `病床数`) is
    /// refused, as a batch refuses a column given twice: which one was
    /// meant is not for the server to guess.
    pub fn parse(query: &str) -> Result<Form, FormError> {
        // Refused before it is decoded (in the language of its start).
        if query.len() > MAX_QUERY_BYTES {
            let start = query.get(..256).unwrap_or("");
            return Err(FormError::whole(
                "query",
                &crate::core::diagnostics::clip(start, 40),
                crate::i18n::text(
                    lang_of(start),
                    crate::i18n::Key::ServeQueryTooLong,
                    &[("max", &MAX_QUERY_BYTES)],
                ),
            ));
        }
        let mut form = Form {
            // The language first, so that every message is in it.
            lang: lang_of(query),
            ..Form::default()
        };
        let pairs: Vec<(String, String)> = form_urlencoded(query);
        let mut capital: Option<Yen> = None;
        let mut seen: Vec<String> = Vec::new();
        for (name, value) in &pairs {
            let refused = |message: String, reason: Option<String>| FormError {
                field: name.clone(),
                value: value.clone(),
                message,
                pairs: pairs.clone(),
                reason: reason.map(|r| Box::new(Reason::Refused(r))),
            };
            if let Some(field) = field_of(name) {
                if seen.contains(&field) {
                    let message = crate::i18n::text(
                        form.lang,
                        crate::i18n::Key::ServeFieldTwice,
                        &[("field", &crate::input::text::shown(name))],
                    );
                    let mut error = refused(message, None);
                    error.reason = Some(Box::new(Reason::Twice));
                    return Err(error);
                }
                seen.push(field);
            }
            match name.as_str() {
                "lang" => {}
                "as_of" => {
                    if !value.trim().is_empty() {
                        let date = crate::input::parse::date(value.trim()).map_err(|e| {
                            refused(
                                crate::i18n::text(
                                    form.lang,
                                    crate::i18n::Key::InvalidValue,
                                    &[
                                        ("flag", &"as_of"),
                                        ("value", &crate::input::text::shown(value)),
                                        ("reason", &e.message(form.lang)),
                                    ],
                                ),
                                Some(e.message(form.lang)),
                            )
                        })?;
                        form.as_of = Some(date);
                    }
                }
                "explain" => form.explain = matches!(value.as_str(), "yes" | "1" | "on" | "true"),
                "chart" => form.chart = Some(value.clone()).filter(|v| !v.is_empty()),
                "asked" => form.asked.push(value.trim().to_string()),
                _ if value.trim().is_empty() => {}
                _ => {
                    let known = row::read_named(&mut form.request, &mut capital, name, value)
                        .map_err(|e| refused(e.message(form.lang), Some(e.reason(form.lang))))?;
                    // A name no field has is passed over, as a batch passes
                    // over its other columns (a link may carry `utm_source`);
                    // one a letter or two from a field is a typo.
                    if !known && let Some(near) = row::near_miss(name) {
                        return Err(refused(
                            crate::i18n::text(
                                form.lang,
                                crate::i18n::Key::KeyNotRead,
                                &[("key", &crate::input::text::shown(name)), ("near", &near)],
                            ),
                            None,
                        ));
                    }
                }
            }
        }
        row::finish(&mut form.request, capital)
            .map_err(|e| FormError::input(&e, form.lang, pairs.clone()))?;
        // Kept under the names the form's fields have (`病床数`, `Beds` → `beds`),
        // so that the form is filled in again whatever the link called them.
        form.pairs = pairs
            .into_iter()
            .map(|(name, value)| match name.as_str() {
                "lang" | "as_of" | "explain" | "chart" | "asked" => (name, value),
                _ => (row::canonical(&name), value),
            })
            .collect();
        Ok(form)
    }

    /// The value of the first pair called `name`, for filling the form in again.
    pub fn value(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// This form's query string with `name` set to `value` (or removed when empty).
    pub fn with(&self, name: &str, value: &str) -> String {
        crate::report::html::query_with(&self.pairs, name, value)
    }
}

/// The field a query's `name` gives, under one name for all its names
/// (`病床数` → `beds`, `費目:mobile` → `item:mobile`); `None` for a name no
/// field has (`utm_source`), which may come any number of times.
fn field_of(name: &str) -> Option<String> {
    match name {
        "lang" | "as_of" | "explain" | "chart" => Some(name.to_string()),
        _ if row::Column::of(name) != row::Column::Other => Some(row::canonical(name)),
        _ => None,
    }
}

/// The language a query asks for (`lang=en`); Japanese otherwise.
pub fn lang_of(query: &str) -> Lang {
    let asked = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k == "lang")
        .last()
        .map(|(_, v)| v.into_owned());
    match asked.as_deref() {
        Some(v) if v.eq_ignore_ascii_case("en") => Lang::En,
        _ => Lang::Ja,
    }
}

/// The query with `lang` switched, for the page's language link: the
/// form's own pairs where it was read, else the query as given.
pub fn other_lang(form: Option<&Form>, query: &str, lang: Lang) -> String {
    let other = match lang {
        Lang::Ja => "en",
        Lang::En => "ja",
    };
    match form {
        Some(form) => form.with("lang", other),
        None => crate::report::html::query_with(&form_urlencoded(query), "lang", other),
    }
}

/// `a=1&b=%E7%97%85` as pairs, `+` as a space, invalid escapes kept as written.
fn form_urlencoded(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The web's names for its inputs: the form's and the API's field names
/// (`beds`, `fact:online-qual-in-place`, `item:mobile`), the same in
/// either language.
pub const FIELDS: Spelling = Spelling {
    field: |field, _| field.name().into(),
    // The API reads the batch's columns by their English names.
    ask: |ask, _| (spelling::COLUMNS.ask)(ask, Lang::En),
    hint: |_, _| None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::FacilityClass;

    #[test]
    fn a_design_card_query_reads_as_the_cli_flags_do() {
        let form = Form::parse(
            "facility=hospital&beds=250&kenshin=yes&cost=14%2C000%2C000&fact%3Aonline-qual-in-place=yes&as_of=2026-11-22",
        )
        .unwrap();
        assert_eq!(form.request.facility, Some(FacilityClass::Hospital.into()));
        assert_eq!(form.request.beds, Some(250));
        assert_eq!(form.request.kenshin, Some(true));
        assert_eq!(form.request.cost, Some(14_000_000));
        assert_eq!(
            form.request.facts,
            [("online-qual-in-place".to_string(), true)]
        );
        assert_eq!(form.as_of, NaiveDate::from_ymd_opt(2026, 11, 22));
        assert_eq!(form.lang, Lang::Ja);
    }

    #[test]
    fn blank_fields_are_not_given_and_bad_ones_name_the_field() {
        let form = Form::parse("facility=clinic&beds=&kenshin=&cost=").unwrap();
        assert_eq!(form.request.beds, None);
        let error = Form::parse("facility=hospital&beds=abc&lang=en").unwrap_err();
        assert_eq!(
            (error.field.as_str(), error.value.as_str()),
            ("beds", "abc")
        );
        assert!(error.message.contains("'beds'"), "{}", error.message);
        let error = Form::parse("facilty=hospital").unwrap_err();
        assert_eq!(error.field, "facilty");
        assert!(error.message.contains("facility"), "{}", error.message);
        // The form comes back with the error, to be filled in again.
        assert_eq!(
            error.pairs,
            [("facilty".to_string(), "hospital".to_string())]
        );
        // A name far from every field is passed over, as a batch's other columns.
        let form = Form::parse("facility=clinic&utm_source=mail").unwrap();
        assert_eq!(form.request.facility, Some(FacilityClass::Clinic.into()));
        let error = Form::parse(&"a".repeat(MAX_QUERY_BYTES + 1)).unwrap_err();
        assert_eq!(error.field, "query");
    }

    /// Issue 23: `facility=hospital&facility=clinic` computed a clinic and
    /// showed 病院 selected. A field given twice is refused, under any of
    /// its names; a name no field has may come twice.
    #[test]
    fn a_field_given_twice_is_refused() {
        for (query, field) in [
            ("facility=hospital&facility=clinic", "facility"),
            (
                "beds=250&%E7%97%85%E5%BA%8A%E6%95%B0=20&facility=hospital",
                "病床数",
            ),
            ("facility=clinic&fact:a=yes&FACT:A=no", "FACT:A"),
            ("lang=en&lang=ja", "lang"),
            ("facility=clinic&cost=&cost=100", "cost"),
        ] {
            let error = Form::parse(query).unwrap_err();
            assert_eq!(error.field, field, "{query}");
            assert_eq!(error.reason.as_deref(), Some(&Reason::Twice), "{query}");
        }
        let error = Form::parse("lang=en&facility=hospital&facility=clinic").unwrap_err();
        assert_eq!(error.message, "'facility' is given twice (give it once)");
        assert_eq!(
            error.message_as("Facility type", Lang::En),
            "Facility type is given twice (give it once)"
        );
        let form = Form::parse("facility=clinic&utm=a&utm=b&item:a=1&item:b=2").unwrap();
        assert_eq!(form.request.items.len(), 2);
    }

    #[test]
    fn aliases_are_kept_under_the_fields_names() {
        let form = Form::parse("%E7%97%85%E5%BA%8A%E6%95%B0=250&Facility=hospital").unwrap();
        assert_eq!(form.request.beds, Some(250));
        assert_eq!(form.value("beds"), "250");
        assert_eq!(form.value("facility"), "hospital");
    }

    #[test]
    fn with_replaces_one_field_and_keeps_the_rest() {
        let form = Form::parse("facility=hospital&beds=250&lang=en").unwrap();
        assert_eq!(
            form.with("lang", "ja"),
            "facility=hospital&beds=250&lang=ja"
        );
        assert_eq!(form.with("beds", ""), "facility=hospital&lang=en");
    }
}
