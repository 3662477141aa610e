//! `parse_yen` over any UTF-8 text: it never panics, never accepts more than
//! 1兆円, and reads plain ASCII digits as the number they spell.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::core::money::{MAX_INPUT, MoneyError, parse_yen};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_yen(text);
    if let Ok(yen) = parsed {
        assert!(yen <= MAX_INPUT, "{text:?} gave {yen}, above 1兆円");
    }
    let plain = text.trim();
    if !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit()) {
        // The number the digits spell, or None when it is above 1兆円.
        let significant = plain.trim_start_matches('0');
        let value: Option<u64> = match significant.len() {
            0 => Some(0),
            1..=13 => significant.parse().ok().filter(|&v| v <= MAX_INPUT),
            _ => None,
        };
        match value {
            Some(value) => assert_eq!(parsed, Ok(value), "{text:?} is {value} yen"),
            // The unit test one_cho_is_the_limit pins NotANumber for more
            // than 20 significant digits ("999999999999999999999999").
            None if significant.len() > 20 => assert!(
                matches!(parsed, Err(MoneyError::TooLarge | MoneyError::NotANumber)),
                "{text:?} is above 1兆円 but gave {parsed:?}"
            ),
            None => assert_eq!(parsed, Err(MoneyError::TooLarge), "{text:?} is above 1兆円"),
        }
    }
});
