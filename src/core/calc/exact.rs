//! Exact yen: a fraction of yen, computed in 128 bits, multiplied first and
//! divided last, rounded once by the program's rule.

use super::*;

/// An exact amount of yen, `numerator / denominator` (never a float).
///
/// Computed in 128 bits without checks: a loaded catalogue keeps every figure
/// at most 1兆円 and the terms of each tier's rates small (see
/// `MAX_RATE_TERMS` in the catalogue's rules), so every product formed here stays
/// below 2^104.
#[derive(Debug, Clone, Copy)]
pub struct ExactYen {
    numerator: u128,
    denominator: u128,
}

pub(crate) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl ExactYen {
    pub const ZERO: ExactYen = ExactYen {
        numerator: 0,
        denominator: 1,
    };

    pub(crate) fn new(numerator: u128, denominator: u128) -> ExactYen {
        let g = gcd(numerator, denominator);
        ExactYen {
            numerator: numerator / g,
            denominator: denominator / g,
        }
    }

    pub fn whole(yen: Yen) -> ExactYen {
        ExactYen::new(u128::from(yen), 1)
    }

    /// `yen × rate`, exactly.
    pub fn times(yen: Yen, rate: Rate) -> ExactYen {
        ExactYen::whole(yen).times_rate(rate)
    }

    pub fn times_rate(self, rate: Rate) -> ExactYen {
        ExactYen::new(
            self.numerator * u128::from(rate.numerator()),
            self.denominator * u128::from(rate.denominator()),
        )
    }

    /// `self / rate`: the cost that earns this grant at `rate`.
    pub fn divided_by_rate(self, rate: Rate) -> ExactYen {
        ExactYen::new(
            self.numerator * u128::from(rate.denominator()),
            self.denominator * u128::from(rate.numerator()),
        )
    }

    /// The exact sum.
    pub fn plus(self, other: ExactYen) -> ExactYen {
        ExactYen::new(
            self.numerator * other.denominator + other.numerator * self.denominator,
            self.denominator * other.denominator,
        )
    }

    /// The exact difference, or zero where `other` is larger.
    pub fn saturating_minus(self, other: ExactYen) -> ExactYen {
        let a = self.numerator * other.denominator;
        let b = other.numerator * self.denominator;
        ExactYen::new(a.saturating_sub(b), self.denominator * other.denominator)
    }

    /// The smaller of this and a whole-yen cap.
    pub fn min_yen(self, cap: Yen) -> ExactYen {
        self.min(ExactYen::whole(cap))
    }

    /// Applies a rounding rule, giving whole yen.
    pub fn round(self, rule: Rounding) -> Yen {
        let n = self.numerator;
        let d = self.denominator;
        let yen = match rule {
            Rounding::Truncate1000 => n / (d * 1000) * 1000,
            // Half up: floor(x + 1/2) = floor((2n + d) / 2d).
            Rounding::RoundHalfUp1 => (2 * n + d) / (2 * d),
            Rounding::NoneStated => n / d,
        };
        // Inputs are at most 1兆円 × a rate <= 1, so this always fits.
        Yen::try_from(yen).unwrap_or(Yen::MAX)
    }

    pub fn is_whole(self) -> bool {
        self.numerator.is_multiple_of(self.denominator)
    }

    /// `"5456500"` or, where not whole, the exact fraction `"6499999/9"` (for JSON).
    pub fn to_fraction_string(self) -> String {
        if self.is_whole() {
            (self.numerator / self.denominator).to_string()
        } else {
            format!("{}/{}", self.numerator, self.denominator)
        }
    }
}

impl PartialEq for ExactYen {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ExactYen {}

impl PartialOrd for ExactYen {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ExactYen {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.numerator * other.denominator).cmp(&(other.numerator * self.denominator))
    }
}

/// `5,456,500`, `6,172.5`, `2,007,333.33…` (two decimals, `…` where inexact).
impl fmt::Display for ExactYen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.denominator;
        let whole = self.numerator / d;
        let remainder = self.numerator % d;
        write!(f, "{}", group_thousands(whole))?;
        if remainder == 0 {
            return Ok(());
        }
        let hundredths = remainder * 100 / d;
        let exact = (remainder * 100).is_multiple_of(d);
        let mut decimals = format!("{hundredths:02}");
        if exact {
            while decimals.ends_with('0') {
                decimals.pop();
            }
        }
        write!(f, ".{decimals}{}", if exact { "" } else { "…" })
    }
}
