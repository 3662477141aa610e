//! CSV output in Shift_JIS (CP932), for the Windows programs that want it:
//! nothing changed silently, a character it cannot hold is written as 〓
//! and named in its row's error.

use std::borrow::Cow;

use super::{ByteRows, Outcome};
use crate::batch::read::Row;
use crate::batch::{BatchError, Layout, Res};

/// The character whose Shift_JIS bytes (as encoding_rs writes them) are
/// CP932's for `c`, where CP932 (Windows, Excel) holds `c` under another
/// code point than JIS: 〜 U+301C as ～ U+FF5E (0x8160), ‖ U+2016 as ∥
/// U+2225 (0x8161), − U+2212 as － U+FF0D (0x817C), ¢ £ ¬ as ￠ ￡ ￢
/// U+FFE0-U+FFE2 (0x8191, 0x8192, 0x81CA). encoding_rs cannot write the
/// JIS ones (U+2212 it writes as 0x817C, read back as U+FF0D); Excel shows
/// these bytes as the same glyph.
fn cp932_twin(c: char) -> char {
    match c {
        '\u{301C}' => '\u{FF5E}',
        '\u{2016}' => '\u{2225}',
        '\u{2212}' => '\u{FF0D}',
        '\u{00A2}' => '\u{FFE0}',
        '\u{00A3}' => '\u{FFE1}',
        '\u{00AC}' => '\u{FFE2}',
        other => other,
    }
}

/// Encodes `text` into `out` in Shift_JIS (CP932); false when a character
/// is not held as itself (it does not read back the same). The characters
/// CP932 holds under another code point ([`cp932_twin`]) are held: written
/// as CP932's bytes for them.
fn shift_jis_into(text: &str, out: &mut Vec<u8>) -> bool {
    let text: Cow<'_, str> = if !text.is_ascii() && text.chars().any(|c| cp932_twin(c) != c) {
        Cow::Owned(text.chars().map(cp932_twin).collect())
    } else {
        Cow::Borrowed(text)
    };
    let (encoded, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    out.extend_from_slice(&encoded);
    if unmappable {
        return false;
    }
    if text.is_ascii() {
        return true; // ASCII reads back as itself
    }
    let (back, malformed) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&encoded);
    !malformed && back == text
}

/// Whether Shift_JIS holds `c` as itself.
fn in_shift_jis(c: char) -> bool {
    c.is_ascii() || shift_jis_into(c.encode_utf8(&mut [0; 4]), &mut Vec::new())
}

/// The header line in Shift_JIS, ending with CRLF; a column name it cannot
/// hold stops the run.
pub(super) fn header(header: &[u8], layout: &Layout) -> Result<Vec<u8>, BatchError> {
    let text = String::from_utf8_lossy(header.strip_suffix(b"\n").unwrap_or(header));
    let mut encoded = Vec::with_capacity(text.len() + 2);
    if !shift_jis_into(&text, &mut encoded) {
        let name = layout
            .names
            .iter()
            .map(|n| n.as_ref())
            .chain(layout.results.iter().map(String::as_str))
            .find(|n| !shift_jis_into(n, &mut Vec::new()))
            .unwrap_or_default();
        return Err(BatchError::HeaderNotShiftJis(
            crate::input::text::shown(name).into_owned(),
        ));
    }
    encoded.extend_from_slice(b"\r\n");
    Ok(encoded)
}

impl ByteRows<'_> {
    /// The line from `start` in Shift_JIS. A character it cannot hold, or
    /// holds only as another (U+00A5 ¥ comes back as `\`), is never changed
    /// silently: the line is written again with the row's error saying which
    /// characters (as U+XXXX) and in which column, and each such character
    /// written as 〓. The six CP932 holds under another code point (〜 ‖ −
    /// ¢ £ ¬, [`cp932_twin`]) are held, as CP932's bytes.
    pub(super) fn encode_shift_jis(&mut self, start: usize, row: Row<'_>, outcome: &Outcome<'_>) {
        let Ok(line) = std::str::from_utf8(&self.out[start..]) else {
            return; // The workers write UTF-8; nothing to encode otherwise.
        };
        let mut encoded = Vec::with_capacity(line.len());
        if shift_jis_into(line, &mut encoded) {
            self.out.truncate(start);
            self.out.extend_from_slice(&encoded);
            return;
        }
        let line = line.to_string();
        let mut chars: Vec<char> = line.chars().filter(|&c| !in_shift_jis(c)).collect();
        chars.sort_unstable();
        chars.dedup();
        let codes: Vec<String> = chars
            .iter()
            .map(|c| format!("U+{:04X}", u32::from(*c)))
            .collect();
        let cannot = |c: char| !in_shift_jis(c);
        let column = self.column_holding(row, outcome, &cannot);
        let mut error = outcome.error.to_string();
        if !error.is_empty() {
            error.push_str(" / ");
        }
        error.push_str(&crate::i18n::text(
            self.layout.lang,
            crate::i18n::Key::BatchNotShiftJis,
            &[
                ("line", &row.line),
                ("chars", &codes.join(" ")),
                ("column", &column),
            ],
        ));
        if outcome.error.is_empty() && self.last_flagged != row.line {
            self.flagged += 1;
            self.last_flagged = row.line;
        }
        let flagged = Outcome {
            error: &error,
            ..*outcome
        };
        self.out.truncate(start);
        self.shift_jis = false;
        self.write_csv(row, &flagged);
        self.shift_jis = true;
        let line: String = String::from_utf8_lossy(&self.out[start..])
            .chars()
            .map(|c| if in_shift_jis(c) { c } else { '〓' })
            .collect();
        encoded.clear();
        shift_jis_into(&line, &mut encoded);
        self.out.truncate(start);
        self.out.extend_from_slice(&encoded);
    }

    /// The name of the first column whose cell holds a character `cannot`
    /// says Shift_JIS cannot hold.
    fn column_holding(
        &self,
        row: Row<'_>,
        outcome: &Outcome<'_>,
        cannot: &dyn Fn(char) -> bool,
    ) -> String {
        let holds = |text: &str| text.chars().any(cannot);
        if let Some(cells) = row.csv_cells() {
            for (name, cell) in self.layout.names.iter().zip(cells) {
                if holds(cell) {
                    return name.to_string();
                }
            }
        } else if let Some((key, _)) = row
            .json_pairs()
            .iter()
            .find(|(key, value)| holds(key) || holds(value.get()))
        {
            return key.to_string();
        }
        let results = [
            (Res::ProgramName, outcome.program_name),
            (Res::VariantName, outcome.variant_name),
            (Res::Tier, outcome.tier),
            (Res::Program, outcome.program),
            (Res::Variant, outcome.variant),
            (Res::TierId, outcome.tier_id),
            (Res::Note, outcome.note),
            (Res::Error, outcome.error),
        ];
        for (res, text) in results {
            if holds(text)
                && let Some(at) = self.layout.columns.iter().position(|c| *c == res)
            {
                return self.layout.results[at].clone();
            }
        }
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21, item 6: the six characters CP932 holds under another code
    /// point, and their twins, are CP932's bytes; ¥ (written as `\\`) and
    /// what Shift_JIS has no bytes for are still not held.
    #[test]
    fn cp932s_twin_characters_are_its_bytes() {
        for (pair, bytes) in [
            ("〜～", [0x81, 0x60]),
            ("‖∥", [0x81, 0x61]),
            ("−－", [0x81, 0x7C]),
            ("¢￠", [0x81, 0x91]),
            ("£￡", [0x81, 0x92]),
            ("¬￢", [0x81, 0xCA]),
        ] {
            for c in pair.chars() {
                let mut out = Vec::new();
                assert!(shift_jis_into(&c.to_string(), &mut out), "{c}");
                assert_eq!(out, bytes, "{c} U+{:04X}", u32::from(c));
                assert!(in_shift_jis(c), "{c}");
            }
        }
        let mut out = Vec::new();
        assert!(shift_jis_into("20〜199床", &mut out));
        assert_eq!(out, b"20\x81\x60199\x8F\xB0");
        for text in ["¥", "🏥", "—"] {
            assert!(!shift_jis_into(text, &mut Vec::new()), "{text}");
        }
    }
}
