//! How old the rule data is on the as-of date (issue 24): every output that
//! answers names the catalogue's version with its age, and past
//! [`STALE_AFTER_DAYS`] says that programs may have opened or changed since.
//! Decided here, once; each renderer words a [`DataAge`] and decides nothing.

use chrono::NaiveDate;

use super::Receipt;

/// 90日: once the as-of date is more than this many days past the
/// catalogue's version, the data may miss programs that opened or changed
/// since, and every output says so.
pub const STALE_AFTER_DAYS: i64 = 90;

/// The rule data's age on an as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataAge {
    /// The catalogue's version (規則データの版): the date of the newest
    /// document it cites.
    pub version: NaiveDate,
    /// Days from the version to the as-of date: 0 on the version's own
    /// day, negative when the as-of date comes before it.
    pub days: i64,
    /// More than [`STALE_AFTER_DAYS`] days.
    pub stale: bool,
}

impl DataAge {
    /// The age of data of `version` on `as_of`.
    pub fn new(version: NaiveDate, as_of: NaiveDate) -> DataAge {
        // Both ends lie in chrono's calendar, so the difference cannot overflow.
        let days = as_of.signed_duration_since(version).num_days();
        DataAge {
            version,
            days,
            stale: days > STALE_AFTER_DAYS,
        }
    }
}

impl Receipt {
    /// The data's age on `as_of`; `None` when the catalogue cites no dated
    /// document (its version is `unknown`).
    pub fn age(&self, as_of: NaiveDate) -> Option<DataAge> {
        let version = self.version.parse::<NaiveDate>().ok()?;
        Some(DataAge::new(version, as_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn receipt(version: &str) -> Receipt {
        Receipt {
            version: version.to_string(),
            sha256: String::new(),
            files: 0,
            dir: None,
            extensions: Vec::new(),
        }
    }

    #[test]
    fn the_age_counts_days_from_the_version_to_the_as_of_date() {
        // 2026-05-25 → 2026-11-21: 6 days of May (26–31), then June 30,
        // July 31, August 31, September 30, October 31 and 21 of November:
        // 6 + 30 + 31 + 31 + 30 + 31 + 21 = 180.
        let age = receipt("2026-05-25").age(date("2026-11-21")).unwrap();
        assert_eq!((age.version, age.days), (date("2026-05-25"), 180));
        // 2026-05-25 → 2026-06-01: 6 days of May, then 1 of June = 7.
        assert_eq!(DataAge::new(date("2026-05-25"), date("2026-06-01")).days, 7);
        assert_eq!(DataAge::new(date("2026-05-25"), date("2026-05-25")).days, 0);
        // Before the version: 2026-05-20 is 5 days before 2026-05-25.
        assert_eq!(
            DataAge::new(date("2026-05-25"), date("2026-05-20")).days,
            -5
        );
    }

    #[test]
    fn the_data_is_stale_only_past_90_days() {
        let version = date("2026-05-25");
        // 2026-05-25 + 90 days: 6 (May) + 30 (June) + 31 (July) = 67 takes
        // us to 2026-07-31; 23 more is 2026-08-23.
        let at = |as_of: &str| DataAge::new(version, date(as_of));
        assert_eq!((at("2026-08-23").days, at("2026-08-23").stale), (90, false));
        assert_eq!((at("2026-08-24").days, at("2026-08-24").stale), (91, true));
        assert!(at("2026-11-21").stale);
        assert!(!at("2026-06-01").stale);
        assert!(!at("2020-01-01").stale, "as-of before the version");
    }

    #[test]
    fn a_version_that_is_no_date_has_no_age() {
        assert_eq!(receipt("unknown").age(date("2026-11-21")), None);
        // The last day of chrono's calendar is a version like any other.
        let age = receipt("+262142-12-31").age(date("2026-11-21")).unwrap();
        assert!(age.days < 0 && !age.stale);
    }
}
