//! A facility profile (施設プロファイル): a TOML file that says once what
//! `calc`, `plan` and `show` would otherwise be told with flags each time.
//!
//! Its keys are the batch columns about the facility (`facility`, `beds`,
//! `kenshin`, `prefecture`, `entity`, `capital`, `employees`, `processes`,
//! `functions`, `members`, `small-business`, `min-wage-nearby`,
//! `large-company`, `"fact:ID"`, or `ID` in a `[fact]` table), and each value
//! is read as a batch cell of that column would be ([`crate::input::fields`]), so a
//! profile accepts exactly what a batch cell accepts. A value may be TOML
//! text, a whole number or a boolean. What belongs to one calculation
//! (`program`, `variant`, `cost`, `item:KEY`, `coupons`) is refused with the
//! flag to use. Errors carry the line they are on.
//!
//! The core reads text; the command line reads the file and puts the flags
//! given on it over the profile.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::Lang;
use crate::i18n::{self, Key};
use crate::input::request::{Field, Request};
use crate::input::spelling::{self, Spelling};
use crate::input::text::shown;

/// The keys a profile takes, as the error for an unknown key lists them.
pub const KEYS: [&str; 14] = [
    "facility",
    "beds",
    "kenshin",
    "prefecture",
    "entity",
    "capital",
    "employees",
    "small-business",
    "min-wage-nearby",
    "large-company",
    "processes",
    "functions",
    "members",
    "fact:ID",
];

/// Batch columns that belong to one calculation, not to the facility, and
/// the input each is.
const PER_CALCULATION: [(&str, Field); 4] = [
    ("program", Field::Program),
    ("variant", Field::Variant),
    ("cost", Field::Cost),
    ("coupons", Field::Coupons),
];

/// A profile that cannot be read: the line (1-based; 1 when the TOML
/// parser gives no position) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub line: usize,
    pub problem: ProfileProblem,
}

/// What is wrong with a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    /// Not TOML: the toml crate's message, on one line.
    Syntax(String),
    /// Not UTF-8 text.
    NotUtf8,
    /// A key that is not a profile key; `near`: the key probably meant.
    UnknownKey {
        key: String,
        near: Option<&'static str>,
    },
    /// A batch column that belongs to one calculation; `field` is the
    /// input that gives it.
    NotAboutTheFacility { key: String, field: Field },
    /// The same key (ignoring case) twice; `line`: the other one.
    KeyTwice { key: String, line: usize },
    /// A float, date, array or table where a value belongs.
    ValueType { key: String },
    /// The value refused, as a batch cell of the column would be.
    Value(crate::input::fields::CellError),
    /// An input refused with the others read: a capital without a company.
    Input(crate::input::request::InputError),
    /// Keys left empty (`facility = ""`, as `profile init` writes them), and
    /// their lines: the template not filled in.
    Unfilled(Vec<(String, usize)>),
}

impl ProfileError {
    /// What is wrong, in `lang`, without the file and line; the inputs
    /// to use instead named as `spelling` names them.
    pub fn message(&self, lang: Lang, spelling: &Spelling) -> String {
        let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
        match &self.problem {
            ProfileProblem::Syntax(message) => text(Key::ProfileSyntax, &[("message", message)]),
            ProfileProblem::NotUtf8 => text(Key::ProfileNotUtf8, &[]),
            ProfileProblem::UnknownKey { key, near } => {
                let near = near
                    .map(|near| text(Key::InputNear, &[("near", &near)]))
                    .unwrap_or_default();
                let keys = KEYS.join(i18n::template(lang, Key::InputListSeparator));
                text(
                    Key::ProfileUnknownKey,
                    &[("key", &shown(key)), ("near", &near), ("keys", &keys)],
                )
            }
            ProfileProblem::NotAboutTheFacility { key, field } => text(
                Key::ProfileNotAboutTheFacility,
                &[
                    ("key", &shown(key)),
                    ("flag", &(spelling.field)(*field, lang)),
                ],
            ),
            ProfileProblem::KeyTwice { key, line } => text(
                Key::ProfileKeyTwice,
                &[("key", &shown(key)), ("line", line)],
            ),
            ProfileProblem::ValueType { key } => {
                text(Key::ProfileValueType, &[("key", &shown(key))])
            }
            ProfileProblem::Value(refused) => refused.message(lang),
            ProfileProblem::Input(refused) => refused.message(lang, &spelling::COLUMNS),
            ProfileProblem::Unfilled(keys) => {
                let keys: Vec<String> = keys
                    .iter()
                    .map(|(key, line)| {
                        text(
                            Key::ProfileUnfilledKey,
                            &[("key", &shown(key)), ("line", line)],
                        )
                    })
                    .collect();
                let keys = keys.join(i18n::template(lang, Key::InputListSeparator));
                text(Key::ProfileUnfilled, &[("keys", &keys)])
            }
        }
    }
}

/// Reads a profile's bytes: UTF-8 (a BOM is allowed) TOML.
pub fn read_bytes(bytes: &[u8]) -> Result<Request, ProfileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => read(text),
        Err(e) => Err(ProfileError {
            line: line_of(bytes, e.valid_up_to()),
            problem: ProfileProblem::NotUtf8,
        }),
    }
}

/// Reads a profile into a request that says only what the profile says.
pub fn read(text: &str) -> Result<Request, ProfileError> {
    let table = DeTable::parse(text).map_err(|e| ProfileError {
        line: e
            .span()
            .map_or(1, |span| line_of(text.as_bytes(), span.start)),
        problem: ProfileProblem::Syntax(
            e.message().split_whitespace().collect::<Vec<_>>().join(" "),
        ),
    })?;
    // (name as a batch column, key as written, its line, the value)
    let mut entries: Vec<(String, String, usize, &Spanned<DeValue<'_>>)> = Vec::new();
    for (key, value) in in_file_order(table.get_ref()) {
        let line = line_of(text.as_bytes(), key.span().start);
        if let (true, DeValue::Table(facts)) = (
            key.get_ref().trim().eq_ignore_ascii_case("fact"),
            value.get_ref(),
        ) {
            for (fact, value) in in_file_order(facts) {
                let line = line_of(text.as_bytes(), fact.span().start);
                let name = format!("fact:{}", fact.get_ref());
                entries.push((name.clone(), name, line, value));
            }
        } else {
            entries.push((
                key.get_ref().to_string(),
                key.get_ref().to_string(),
                line,
                value,
            ));
        }
    }
    let mut request = Request::default();
    // A company's capital, and its line, until the legal form is read too.
    let mut capital = None;
    let mut capital_line = 1;
    let mut seen: Vec<(String, usize)> = Vec::new();
    // Keys written but left empty: the template's `facility = ""`.
    let mut unfilled: Vec<(String, usize)> = Vec::new();
    for (name, key, line, value) in entries {
        let fail = |problem| ProfileError { line, problem };
        let folded = name.trim().to_ascii_lowercase();
        let per_calculation = PER_CALCULATION
            .iter()
            .find(|(column, _)| *column == folded)
            .map(|(_, field)| *field)
            .or_else(|| folded.starts_with("item:").then_some(Field::Item));
        if let Some(field) = per_calculation {
            return Err(fail(ProfileProblem::NotAboutTheFacility { key, field }));
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == folded) {
            return Err(fail(ProfileProblem::KeyTwice { key, line: *first }));
        }
        seen.push((folded, line));
        // As a cell's text: `250`, `true`, `"病院"`.
        let text = match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            DeValue::Integer(i) => Some(match i128::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => n.to_string(),
                Err(_) => i.as_str().to_string(),
            }),
            DeValue::Boolean(b) => Some(b.to_string()),
            _ => None,
        };
        // An empty cell reads nothing: it only asks whether the column exists.
        let before = capital;
        let read = crate::input::fields::read_named(
            &mut request,
            &mut capital,
            &name,
            text.as_deref().unwrap_or(""),
        );
        if capital != before {
            capital_line = line;
        }
        match (read, text) {
            (Ok(false), _) => {
                let near = near_key(&name);
                return Err(fail(ProfileProblem::UnknownKey { key, near }));
            }
            (Ok(true), Some(text)) if text.trim().is_empty() => unfilled.push((key, line)),
            (Ok(true), Some(_)) => {}
            (Ok(true), None) => return Err(fail(ProfileProblem::ValueType { key })),
            (Err(message), _) => return Err(fail(ProfileProblem::Value(message))),
        }
    }
    if let Some(&(_, line)) = unfilled.first() {
        return Err(ProfileError {
            line,
            problem: ProfileProblem::Unfilled(unfilled),
        });
    }
    crate::input::fields::finish(&mut request, capital).map_err(|e| ProfileError {
        line: capital_line,
        problem: ProfileProblem::Input(e),
    })?;
    Ok(request)
}

/// A table's entries in the order they are written (the parser sorts them).
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// The profile key one or two letters from `name` (`bed`, `facilty`).
fn near_key(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    if name.len() > 40 {
        return None;
    }
    KEYS.iter().copied().find(|key| {
        let allowed = if key.len() <= 5 { 1 } else { 2 };
        strsim::levenshtein(&name, key) <= allowed
    })
}

/// The 1-based line of byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    memchr::memchr_iter(b'\n', &bytes[..end]).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{FacilityClass, RateFlag};

    /// Names the inputs as flags, as the command line does.
    const AS_FLAGS: Spelling = Spelling {
        field: |field, _| format!("--{}", field.name()).into(),
        ..spelling::PLAIN
    };

    fn error(text: &str) -> (usize, String) {
        let e = read(text).unwrap_err();
        (e.line, e.message(Lang::En, &AS_FLAGS))
    }

    #[test]
    fn keys_are_read_as_batch_cells() {
        let request = read(
            "facility = \"病院\"\nbeds = 250\nkenshin = true\nprefecture = \"福岡\"\n\
             small-business = \"はい\"\n\"fact:online-qual-in-place\" = \"yes\"\n\
             [fact]\ne-prescription-introduced = \"no\"\n",
        )
        .unwrap();
        assert_eq!(request.facility, Some(FacilityClass::Hospital.into()));
        assert_eq!(request.beds, Some(250));
        assert_eq!(request.kenshin, Some(true));
        assert_eq!(request.prefecture.as_deref(), Some("福岡"));
        assert!(request.flags.contains(&RateFlag::SmallBusiness));
        assert_eq!(
            request.facts,
            [
                ("online-qual-in-place".to_string(), true),
                ("e-prescription-introduced".to_string(), false)
            ]
        );
    }

    #[test]
    fn errors_name_their_line() {
        let (line, message) = error("facility = \"hospital\"\n\nbedz = 250\n");
        assert_eq!(line, 3);
        assert!(
            message.contains("'bedz'") && message.contains("'beds'"),
            "{message}"
        );
        let (line, message) = error("facility = \"hospital\"\nbeds = \"many\"\n");
        assert_eq!(line, 2);
        assert!(message.contains("'many'"), "{message}");
        let (line, message) = error("facility = \"hospital\"\ncost = 14000000\n");
        assert_eq!(line, 2);
        assert!(message.contains("--cost"), "{message}");
        let (line, message) = error("facility = \"hospital\"\nFacility = \"clinic\"\n");
        assert_eq!(line, 2);
        assert!(message.contains("line 1"), "{message}");
        let (line, message) = error("beds = 2.5\n");
        assert_eq!(line, 1);
        assert!(message.contains("whole number"), "{message}");
        let (line, message) = error("facility = \"hospital\"\nbeds = \n");
        assert_eq!(line, 2);
        assert!(message.starts_with("TOML syntax: "), "{message}");
        assert!(!message.contains('\n'), "{message}");
        let (line, _) = error("[fact]\nonline-qual-in-place = \"maybe\"\n");
        assert_eq!(line, 2);
        let e = read_bytes(b"facility = \"hospital\"\nbeds = \"\x82\xa0\"\n").unwrap_err();
        assert_eq!((e.line, e.problem), (2, ProfileProblem::NotUtf8));
    }

    /// A profile with a key left empty is refused, naming it and its line.
    #[test]
    fn an_empty_key_is_refused_naming_it() {
        let (line, message) = error("facility = \"clinic\"\nbeds = \" \"\n");
        assert_eq!(line, 2);
        assert!(
            message.starts_with("not filled in: beds (line 2);"),
            "{message}"
        );
    }
}
