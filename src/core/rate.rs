//! 補助率: an exact fraction such as `1/3`, never a decimal.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact rate `numerator/denominator`, with `0 < rate <= 1`.
///
/// Stored as written in the sources (`"1/3"`, `"3/4"`); money is multiplied by
/// the numerator first and divided by the denominator last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    numerator: u32,
    denominator: u32,
}

/// Why a rate string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateError {
    NotAFraction(String),
    OutOfRange(String),
}

impl RateError {
    /// Why, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{self, Key};
        let (key, rate) = match self {
            RateError::NotAFraction(rate) => (Key::RateNotAFraction, rate),
            RateError::OutOfRange(rate) => (Key::RateOutOfRange, rate),
        };
        i18n::text(lang, key, &[("rate", &format!("{rate:?}"))])
    }
}

/// In English: it reaches people inside the TOML parser's message, which
/// `check` shows in both languages alike.
impl std::fmt::Display for RateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl std::error::Error for RateError {}

impl Rate {
    /// `numerator/denominator`, refused unless `0 < n/d <= 1`.
    pub fn new(numerator: u32, denominator: u32) -> Option<Rate> {
        (numerator > 0 && denominator > 0 && numerator <= denominator).then_some(Rate {
            numerator,
            denominator,
        })
    }

    pub fn numerator(self) -> u32 {
        self.numerator
    }

    pub fn denominator(self) -> u32 {
        self.denominator
    }

    /// The full cost (10/10).
    pub fn whole() -> Rate {
        Rate {
            numerator: 1,
            denominator: 1,
        }
    }
}

impl FromStr for Rate {
    type Err = RateError;

    fn from_str(text: &str) -> Result<Rate, RateError> {
        let not_a_fraction = || RateError::NotAFraction(text.to_string());
        let (n, d) = text.trim().split_once('/').ok_or_else(not_a_fraction)?;
        let n: u32 = n.trim().parse().map_err(|_| not_a_fraction())?;
        let d: u32 = d.trim().parse().map_err(|_| not_a_fraction())?;
        Rate::new(n, d).ok_or_else(|| RateError::OutOfRange(text.to_string()))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rate, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_rates_the_sources_print() {
        // 003 prints 1/2, 3/4, 1/3, 1/6, 1/4 and "３/４" (normalised by the loader's TOML, not here).
        for text in ["1/2", "3/4", "1/3", "1/6", "1/4", "1/1"] {
            let rate: Rate = text.parse().unwrap();
            assert_eq!(rate.to_string(), text);
        }
    }

    #[test]
    fn refuses_decimals_and_out_of_range() {
        assert_eq!(
            "0.5".parse::<Rate>(),
            Err(RateError::NotAFraction("0.5".into()))
        );
        assert_eq!(
            "0/3".parse::<Rate>(),
            Err(RateError::OutOfRange("0/3".into()))
        );
        assert_eq!(
            "4/3".parse::<Rate>(),
            Err(RateError::OutOfRange("4/3".into()))
        );
        assert_eq!(
            "1/0".parse::<Rate>(),
            Err(RateError::OutOfRange("1/0".into()))
        );
    }
}
