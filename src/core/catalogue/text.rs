//! Words in both languages ([`Text`]) and where each comes from ([`Cite`]).

use super::*;
use serde::{Deserialize, Serialize};

/// Text the tool shows in Japanese (default) or English (`--lang en`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// Where a figure or a statement comes from: a source id of the program and
/// the place in it, quoted closely enough to find.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    /// The `id` of one of the program's `[[sources]]` (a registry document).
    pub source: String,
    /// Where in the source: row, column, the words printed there.
    pub at: String,
}
