//! Input encodings: UTF-8 or Shift_JIS chosen from the input's start,
//! decoded strictly (an invalid sequence is a problem, never replaced), and
//! UTF-16 (Excel's "Unicode テキスト") read as UTF-8.

use std::borrow::Cow;
use std::io;

use super::words;
use crate::Lang;
use crate::batch::Encoding;
use crate::i18n::Key;

/// The encoding's name in messages.
pub(crate) fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => "UTF-8",
        Encoding::ShiftJis => "Shift_JIS",
    }
}

/// Chooses UTF-8 or Shift_JIS from the start of the input, by the evidence
/// of the whole sample: a stray byte or two in UTF-8 text does not make it
/// Shift_JIS. UTF-8 when the sample is valid UTF-8, or holds more valid
/// UTF-8 characters beyond ASCII than invalid sequences; otherwise whichever
/// reading finds fewer invalid sequences, UTF-8 on a tie. `at_end` says
/// the sample is the whole input (a character cut at its end is then an error).
pub(crate) fn detect(sample: &[u8], at_end: bool) -> Encoding {
    let (valid, invalid) = utf8_evidence(sample, at_end);
    if invalid == 0 || valid > invalid || invalid <= shift_jis_errors(sample, at_end) {
        Encoding::Utf8
    } else {
        Encoding::ShiftJis
    }
}

/// Valid UTF-8 characters beyond ASCII, and invalid sequences.
fn utf8_evidence(mut sample: &[u8], at_end: bool) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        let (good, rest) = match std::str::from_utf8(sample) {
            Ok(text) => (text, None),
            Err(e) => {
                // `valid_up_to` bytes are valid UTF-8, so this cannot fail.
                let good = std::str::from_utf8(&sample[..e.valid_up_to()]).unwrap_or("");
                (good, Some((e.valid_up_to(), e.error_len())))
            }
        };
        valid += good.chars().filter(|c| !c.is_ascii()).count();
        match rest {
            None => return (valid, invalid),
            Some((_, None)) => return (valid, invalid + usize::from(at_end)),
            Some((at, Some(len))) => {
                invalid += 1;
                sample = &sample[at + len..];
            }
        }
    }
}

/// Invalid sequences when read as Shift_JIS (CP932).
fn shift_jis_errors(sample: &[u8], at_end: bool) -> usize {
    let mut decoder = encoding_rs::SHIFT_JIS.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 3 * sample.len() + 16];
    let (mut input, mut errors) = (sample, 0);
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(input, &mut out, at_end);
        input = &input[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => return errors,
            encoding_rs::DecoderResult::Malformed(..) => errors += 1,
            // The buffer holds the worst case, so this does not happen; stop counting if it does.
            encoding_rs::DecoderResult::OutputFull => return errors,
        }
    }
}

/// Decodes bytes strictly: `None` if any sequence is invalid (never replaced).
pub(crate) fn decode(bytes: &[u8], encoding: Encoding) -> Option<Cow<'_, str>> {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Encoding::ShiftJis => {
            encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
        }
    }
}

/// Whether bytes that decode as Shift_JIS are really UTF-8 text: valid
/// UTF-8 with a character of three bytes or more (kana, kanji), which
/// Shift_JIS text almost never forms.
pub(super) fn is_utf8_text(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b >= 0xE0) && std::str::from_utf8(bytes).is_ok()
}

/// UTF-16 input (with its BOM) read as UTF-8: Excel saves "Unicode
/// テキスト" so. A malformed sequence is an error, never a replacement
/// character.
pub(crate) struct Transcoded<R> {
    input: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    done: bool,
    lang: Lang,
}

impl<R: io::Read> Transcoded<R> {
    pub(crate) fn new(
        input: R,
        encoding: &'static encoding_rs::Encoding,
        lang: Lang,
    ) -> Transcoded<R> {
        Transcoded {
            lang,
            input,
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; 1 << 16],
            out: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl<R: io::Read> io::Read for Transcoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.input.read(&mut self.raw)?;
            let last = n == 0;
            let room = self
                .decoder
                .max_utf8_buffer_length_without_replacement(n)
                .unwrap_or(n * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            self.at = 0;
            let (result, _, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.raw[..n],
                &mut self.out,
                last,
            );
            self.out.truncate(written);
            if let encoding_rs::DecoderResult::Malformed(_, _) = result {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    words(self.lang, Key::CellNotUtf16),
                ));
            }
            self.done = last;
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Why a cell cannot be read in the file's encoding, if it cannot.
pub(super) fn cell_problem(bytes: &[u8], encoding: Encoding, lang: Lang) -> Option<&'static str> {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(bytes)
            .is_err()
            .then(|| words(lang, Key::CellNotUtf8)),
        Encoding::ShiftJis if bytes.is_ascii() => None,
        Encoding::ShiftJis if is_utf8_text(bytes) => Some(words(lang, Key::CellUtf8InSjis)),
        Encoding::ShiftJis => decode(bytes, encoding)
            .is_none()
            .then(|| words(lang, Key::CellNotSjis)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_is_not_decided_by_one_stray_byte() {
        let mut utf8 = "id,name\n".repeat(10).into_bytes();
        utf8.extend_from_slice("1,北病院\n2,南クリニック\n".as_bytes());
        utf8.push(0xFF);
        utf8.extend_from_slice("3,東診療所\n".as_bytes());
        assert_eq!(detect(&utf8, true), Encoding::Utf8);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("id,name\n1,北病院\n2,南クリニック\n");
        assert_eq!(detect(&sjis, true), Encoding::ShiftJis);
        // A character cut at the end of a sample that is not the whole input is fine.
        let bytes = "病院".as_bytes();
        assert_eq!(detect(&bytes[..bytes.len() - 1], false), Encoding::Utf8);
        assert_eq!(
            decode(&sjis, Encoding::ShiftJis)
                .as_deref()
                .map(|s| &s[..7]),
            Some("id,name")
        );
        assert_eq!(decode(b"\xFF\xFF", Encoding::ShiftJis), None);
        assert_eq!(decode(b"\xFF", Encoding::Utf8), None);
    }

    #[test]
    fn utf8_in_a_shift_jis_cell_is_a_problem_not_mojibake() {
        assert_eq!(
            cell_problem("病院".as_bytes(), Encoding::ShiftJis, Lang::En),
            Some("UTF-8 text in a Shift_JIS file")
        );
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("病院");
        assert_eq!(cell_problem(&sjis, Encoding::ShiftJis, Lang::En), None);
        assert_eq!(
            cell_problem(&sjis, Encoding::Utf8, Lang::En),
            Some("bytes that are not UTF-8")
        );
    }
}
