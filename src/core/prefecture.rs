//! The 47 prefectures (都道府県), for `--prefecture`.

use std::collections::HashSet;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// (official name, romanised name).
const PREFECTURES: [(&str, &str); 47] = [
    ("北海道", "hokkaido"),
    ("青森県", "aomori"),
    ("岩手県", "iwate"),
    ("宮城県", "miyagi"),
    ("秋田県", "akita"),
    ("山形県", "yamagata"),
    ("福島県", "fukushima"),
    ("茨城県", "ibaraki"),
    ("栃木県", "tochigi"),
    ("群馬県", "gunma"),
    ("埼玉県", "saitama"),
    ("千葉県", "chiba"),
    ("東京都", "tokyo"),
    ("神奈川県", "kanagawa"),
    ("新潟県", "niigata"),
    ("富山県", "toyama"),
    ("石川県", "ishikawa"),
    ("福井県", "fukui"),
    ("山梨県", "yamanashi"),
    ("長野県", "nagano"),
    ("岐阜県", "gifu"),
    ("静岡県", "shizuoka"),
    ("愛知県", "aichi"),
    ("三重県", "mie"),
    ("滋賀県", "shiga"),
    ("京都府", "kyoto"),
    ("大阪府", "osaka"),
    ("兵庫県", "hyogo"),
    ("奈良県", "nara"),
    ("和歌山県", "wakayama"),
    ("鳥取県", "tottori"),
    ("島根県", "shimane"),
    ("岡山県", "okayama"),
    ("広島県", "hiroshima"),
    ("山口県", "yamaguchi"),
    ("徳島県", "tokushima"),
    ("香川県", "kagawa"),
    ("愛媛県", "ehime"),
    ("高知県", "kochi"),
    ("福岡県", "fukuoka"),
    ("佐賀県", "saga"),
    ("長崎県", "nagasaki"),
    ("熊本県", "kumamoto"),
    ("大分県", "oita"),
    ("宮崎県", "miyazaki"),
    ("鹿児島県", "kagoshima"),
    ("沖縄県", "okinawa"),
];

/// The official name for `福岡県`, `福岡`, `fukuoka`, `Fukuoka-ken` and the like.
pub fn normalize(input: &str) -> Option<&'static str> {
    // The official name, as a batch gives it on every row: one lookup.
    static OFFICIAL: LazyLock<HashSet<&str>> =
        LazyLock::new(|| PREFECTURES.iter().map(|(name, _)| *name).collect());
    if let Some(name) = OFFICIAL.get(input) {
        return Some(name);
    }
    let text: String = input.nfkc().collect::<String>().trim().to_lowercase();
    let romaji = text
        .trim_end_matches("-ken")
        .trim_end_matches("-fu")
        .trim_end_matches("-to")
        .trim_end_matches(" prefecture");
    PREFECTURES
        .iter()
        .find(|(name, latin)| {
            *name == text
                || name.strip_suffix(['都', '府', '県']).unwrap_or(name) == text
                || *latin == romaji
        })
        .map(|(name, _)| *name)
}

/// Every official name and romanised name, for suggestions.
pub fn names() -> impl Iterator<Item = &'static str> {
    PREFECTURES.iter().flat_map(|(name, latin)| [*name, *latin])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_spellings() {
        for input in [
            "福岡県",
            "福岡",
            "fukuoka",
            "Fukuoka",
            "FUKUOKA-KEN",
            "Fukuoka Prefecture",
        ] {
            assert_eq!(normalize(input), Some("福岡県"), "{input}");
        }
        assert_eq!(normalize("北海道"), Some("北海道"));
        assert_eq!(normalize("東京"), Some("東京都"));
        assert_eq!(normalize("京都"), Some("京都府"));
        assert_eq!(normalize("Fukuoaka"), None);
    }
}
