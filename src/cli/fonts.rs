//! The font a printed report is set in: `--font FILE`, else the first
//! Japanese font of the system's (fontdb reads the system's font
//! directories and fontconfig's list on Linux, and the usual ones on
//! macOS and Windows).

use std::path::Path;

use crate::report::pdf::{FontError, PdfFont};

use super::error::CliError;

/// Japanese sans-serif families, the most legible on paper first: Noto Sans
/// CJK (Debian's fonts-noto-cjk), Source Han Sans, IPAex and IPA Gothic,
/// Yu Gothic and Meiryo (Windows), Hiragino (macOS).
const FAMILIES: [&str; 11] = [
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "Yu Gothic",
    "Meiryo",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "TakaoGothic",
    "VL Gothic",
];

/// The font `--font` names, or the system's first Japanese font.
pub(super) fn report_font(chosen: Option<&Path>) -> Result<PdfFont, CliError> {
    if let Some(path) = chosen {
        let data = std::fs::read(path).map_err(|reason| CliError::CannotRead {
            path: path.to_path_buf(),
            reason,
        })?;
        // The first font of a collection that holds Japanese.
        let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let mut japanese = false;
        for index in 0..faces {
            match PdfFont::new(data.clone(), index) {
                Ok(font) => return Ok(font),
                Err(FontError::NoJapanese) => japanese = true,
                Err(FontError::Unreadable) => {}
            }
        }
        return Err(CliError::Font {
            path: path.to_path_buf(),
            japanese,
        });
    }
    let mut fonts = fontdb::Database::new();
    fonts.load_system_fonts();
    for family in FAMILIES {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            ..fontdb::Query::default()
        };
        let Some(id) = fonts.query(&query) else {
            continue;
        };
        let font = fonts.with_face_data(id, |data, index| PdfFont::new(data.to_vec(), index));
        if let Some(Ok(font)) = font {
            return Ok(font);
        }
    }
    Err(CliError::NoJapaneseFont)
}
