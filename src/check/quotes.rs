//! `--sources DIR`: each document's SHA-256, and every passage quoted in
//! 「…」 found in the document it quotes (white space and line breaks ignored).

use super::*;

/// The source documents by file name, as their text with white space and
/// markdown emphasis (`*`) taken out: a quote is found whatever the line
/// breaks of the document or of the quote.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    pub(super) by_name: BTreeMap<String, String>,
    /// Each file's SHA-256 (lower-case hex), of its text as read.
    pub(super) sha256: BTreeMap<String, String>,
}

impl Documents {
    /// `files`: each document's file name and text.
    pub fn new(files: impl IntoIterator<Item = (String, String)>) -> Documents {
        let mut documents = Documents::default();
        for (name, text) in files {
            let digest = Sha256::digest(text.as_bytes());
            let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
            documents.sha256.insert(name.clone(), hex);
            documents.by_name.insert(name, squeeze(&text));
        }
        documents
    }

    /// Whether `quote` occurs in `text`: its pieces around `…` in order.
    pub(super) fn holds(text: &str, quote: &str) -> bool {
        let mut from = 0;
        for piece in quote.split(['…']).flat_map(|p| p.split("...")) {
            let piece = squeeze(piece);
            if piece.is_empty() {
                continue;
            }
            match text[from..].find(&piece) {
                Some(at) => from += at + piece.len(),
                None => return false,
            }
        }
        true
    }
}

/// Text without white space (also the ideographic space) or `*`.
pub(crate) fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

/// The passages quoted in `at` (outermost 「…」, nested quotes inside), each
/// with the source it quotes: the id written before it in its part
/// (`…; 003 No.12 申請期日「…」`), else `source`.
pub(crate) fn quoted<'a>(at: &'a str, source: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in at.char_indices() {
        match c {
            '「' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '」' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    // `; 003 No.12 …「`, `; 001「`, `; 002（中位）「`: an id
                    // opens its part (`500万円` does not).
                    let part = at[..start].rsplit([';', '；']).next().unwrap_or("");
                    let part = part.trim_start();
                    let id =
                        part.get(..3)
                            .filter(|id| id.bytes().all(|b| b.is_ascii_digit()))
                            .filter(|_| {
                                part[3..].chars().next().is_none_or(|c| {
                                    c.is_whitespace() || matches!(c, '「' | '（' | '(')
                                })
                            })
                            .unwrap_or(source);
                    out.push((id, &at[start..i]));
                }
            }
            _ => {}
        }
    }
    out
}

/// With the documents at hand: every passage quoted in 「…」 occurs in the
/// document it quotes (a missing or unknown document is reported with the registry).
pub(crate) fn check_quotes<'c>(
    doc: &Doc<'_>,
    cites: impl Iterator<Item = &'c Cite>,
    registry: &Registry,
    documents: &Documents,
    out: &mut Vec<Finding>,
) {
    for cite in cites {
        for (id, quote) in quoted(&cite.at, &cite.source) {
            let document = registry
                .documents
                .iter()
                .find(|d| d.id == id)
                .and_then(|d| documents.by_name.get_key_value(&d.file));
            let Some((name, text)) = document else {
                continue;
            };
            if !Documents::holds(text, quote) {
                // At the quote in the file, where its text is found there.
                let span = doc.text.find(quote).map_or(0..0, |at| at..at + quote.len());
                out.push(doc.at(
                    span,
                    Severity::Error,
                    Code::QuoteNotFound,
                    said(
                        Msg::CheckQuoteNotFound,
                        &[("quote", &clip(quote, 60)), ("document", &name)],
                    ),
                ));
            }
        }
    }
}
