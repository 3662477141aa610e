//! Suggestions for a near miss (did you mean …?), bounded so that a huge
//! value costs nothing.

/// Inputs longer than this many characters get no suggestion: no id is that
/// long, and the edit distance costs the product of the two lengths.
pub const SUGGEST_MAX_CHARS: usize = 64;

/// The closest of `candidates` to `wrong`, if any is close enough to suggest:
/// a small edit distance, or else the shortest candidate that `wrong` begins.
/// None for an input longer than [`SUGGEST_MAX_CHARS`], at once.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if wrong.chars().nth(SUGGEST_MAX_CHARS).is_some() {
        return None;
    }
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let near = candidates
        .iter()
        .map(|c| (strsim::levenshtein(wrong, c), *c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c);
    near.or_else(|| {
        candidates
            .iter()
            .filter(|c| wrong.chars().count() >= 3 && c.starts_with(wrong))
            .min_by_key(|c| c.len())
            .copied()
    })
}

/// The suggestion for `wrong`, owned, for an error to keep.
pub(crate) fn near<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(wrong, candidates).map(str::to_string)
}

/// Text folded for finding a program by name: NFKC (full-width letters and
/// digits become ASCII, half-width kana full-width), lower case, and no
/// white space, so `ＡＩ導入`, `ai導入` and `AI 導入` all find `AI導入`.
pub fn for_lookup(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Longer inputs are not looked up by name: no name is that long, and
/// folding a 10 MB cell for every row would cost its length each time.
pub(crate) const LOOKUP_MAX_BYTES: usize = 1024;
