//! Values still left as the skeleton's blank ([`BLANK`], `＿＿`): a file
//! `subsidy new` wrote that is not filled in yet. Loading refuses it at its
//! first blank (nothing is computed from half a rule); `check` reports each
//! blank at its line, with the example the skeleton gives for the field.
//! Found on the file's TOML before its schema, since a blank stands where
//! a number, a date or a list will be.

use super::*;
use crate::core::diagnostics::{Said, position, said};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One value left blank: the path of its key without indices
/// (`tiers.rule.capped.rate`, as messages name it) and with them
/// (`tiers[0].rule.capped.rate`, to find the example of that very place),
/// and where the value stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Blank {
    pub path: String,
    pub indexed: String,
    pub span: Range<usize>,
}

/// Every blank of a file, in the file's order.
pub(crate) fn blanks(table: &DeTable<'_>) -> Vec<Blank> {
    let mut out = Vec::new();
    walk_table(table, ("", ""), &mut out);
    out.sort_by_key(|b| b.span.start);
    out
}

/// `(path, indexed)`: a value's path without indices and with them.
type Path<'a> = (&'a str, &'a str);

fn walk_table(table: &DeTable<'_>, (path, indexed): Path<'_>, out: &mut Vec<Blank>) {
    for (key, value) in table {
        let key = key.get_ref();
        let (path, indexed) = match path {
            "" => (key.to_string(), key.to_string()),
            _ => (format!("{path}.{key}"), format!("{indexed}.{key}")),
        };
        walk(value, (&path, &indexed), out);
    }
}

fn walk(value: &Spanned<DeValue<'_>>, (path, indexed): Path<'_>, out: &mut Vec<Blank>) {
    match value.get_ref() {
        DeValue::String(text) if is_blank(text) => out.push(Blank {
            path: path.to_string(),
            indexed: indexed.to_string(),
            span: value.span(),
        }),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, (path, &format!("{indexed}[{i}]")), out);
            }
        }
        DeValue::Table(table) => walk_table(table, (path, indexed), out),
        _ => {}
    }
}

/// The kind of rate rule of a program file's first tier (`capped` …), for
/// the examples of that kind.
fn kind_in(table: &DeTable<'_>) -> Option<String> {
    let Some(DeValue::Array(tiers)) = get(table, "tiers") else {
        return None;
    };
    let DeValue::Table(tier) = tiers.first()?.get_ref() else {
        return None;
    };
    let Some(DeValue::Table(rule)) = get(tier, "rule") else {
        return None;
    };
    rule.iter()
        .next()
        .map(|(kind, _)| kind.get_ref().to_string())
}

/// The value of `key` in `table`.
fn get<'a, 't>(table: &'a DeTable<'t>, key: &str) -> Option<&'a DeValue<'t>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v.get_ref())
}

/// What to say of `blank` in `file` (`table`): the field, and the value
/// the skeleton gives as an example.
pub(crate) fn blank_said(file: &str, table: &DeTable<'_>, blank: &Blank) -> Said {
    let kind = kind_in(table);
    match example_for(file, kind.as_deref(), &blank.indexed, &blank.path) {
        Some(example) => said(
            Msg::DataUnfilled,
            &[("field", &blank.path), ("example", &example)],
        ),
        None => said(Msg::DataUnfilledBare, &[("field", &blank.path)]),
    }
}

/// Refuses the catalogue file `file` (`text`) at its first blank, saying
/// how many more there are. A file that does not parse is left to the
/// parser, which names its fault.
pub(crate) fn refuse_blanks(file: &str, text: &str) -> Result<(), CatalogueError> {
    refuse_blanks_in([(file, text)])
}

/// Refuses a catalogue's (or an extension's) `files` at the first blank of
/// the first file that has one, saying how many more they all have: the
/// author of a skeleton learns at once how much is left to fill.
pub(crate) fn refuse_blanks_in<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), CatalogueError> {
    let mut first: Option<CatalogueError> = None;
    let mut total = 0;
    for (file, text) in files {
        if !text.contains('＿') {
            continue;
        }
        let Ok(table) = DeTable::parse(text) else {
            continue;
        };
        let found = blanks(table.get_ref());
        total += found.len();
        if let (None, Some(blank)) = (&first, found.first()) {
            let (line, column, _) = position(text, blank.span.start);
            first = Some(CatalogueError::Located {
                file: file.to_string(),
                line,
                column,
                message: blank_said(file, table.get_ref(), blank),
            });
        }
    }
    let Some(CatalogueError::Located {
        file,
        line,
        column,
        mut message,
    }) = first
    else {
        return Ok(());
    };
    if total > 1 {
        let more = said(Msg::DataUnfilledMore, &[("more", &(total - 1))]);
        message.en.push_str(&more.en);
        message.ja.push_str(&more.ja);
    }
    Err(CatalogueError::Located {
        file,
        line,
        column,
        message: Said {
            en: crate::core::diagnostics::clip_message(&message.en),
            ja: crate::core::diagnostics::clip_message(&message.ja),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_blank_is_found_at_its_value_in_the_files_order() {
        let text = "id = \"x\"\nname = { ja = \"＿＿\", en = \"Name\" }\n\n[[tiers]]\nfacilities = [\"＿＿\"]\n\n[tiers.rule.capped]\nrate = \"＿＿＿\"\nnote = \"氏名＿＿\"\n";
        let table = DeTable::parse(text).unwrap();
        let found = blanks(table.get_ref());
        let at: Vec<(&str, usize)> = found
            .iter()
            .map(|b| (b.path.as_str(), position(text, b.span.start).0))
            .collect();
        assert_eq!(
            at,
            [
                ("name.ja", 2),
                ("tiers.facilities", 5),
                ("tiers.rule.capped.rate", 8)
            ]
        );
        assert_eq!(kind_in(table.get_ref()).as_deref(), Some("capped"));
        let rate = blank_said("x.toml", table.get_ref(), &found[2]);
        assert_eq!(rate.ja, "未記入: tiers.rule.capped.rate（例: \"1/2\"）");
        assert_eq!(
            rate.en,
            "not filled in: tiers.rule.capped.rate (e.g. \"1/2\")"
        );
        let refused = refuse_blanks("x.toml", text).unwrap_err();
        assert_eq!(
            refused.message(Lang::Ja),
            "x.toml:2:15: 未記入: name.ja（例: \"例題市 医療DX推進補助金\"）。ほかに未記入が2か所あります（subsidy check でそのディレクトリを検査すると、すべてを ファイル:行 で示します）"
        );
        assert_eq!(refuse_blanks("x.toml", "id = \"氏名＿＿\"\n"), Ok(()));
    }
}
