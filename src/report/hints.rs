//! How the command line asks for what would settle a finding: the flags
//! (`--fact ID=yes|no`, `--prefecture 福岡県`, `--entity … --capital YEN`,
//! `--small-business`). The core says what is missing as data
//! ([`Finding::asks`], [`Finding::sized`]); this is the command line's
//! spelling of it, used by the text and JSON renderers.

use std::borrow::Cow;

use crate::core::catalogue::{Condition, DecidedBy, FacilityClass, Program, RateFlag};
use crate::core::estimate::{Finding, size_inputs};
use crate::i18n::{self, Key, Lang};

/// The finding's message in `lang`, followed by the flags that state what
/// it asks, where it asks something.
pub fn finding_message<'f>(finding: &'f Finding<'_>, lang: Lang) -> Cow<'f, str> {
    let text = finding.text(lang);
    let how = match (finding.sized(), finding.asks()) {
        // The flags depend on the facility: a pharmacy company is judged by capital too.
        (Some((program, class)), _) => size_flags(program, class),
        (None, Some(condition)) => how_to_state(condition),
        (None, None) => return text,
    };
    Cow::Owned(i18n::text(
        lang,
        Key::StateItWith,
        &[("text", &text), ("how", &how)],
    ))
}

/// The flags that state a condition: `--fact ID=yes|no`, `--prefecture 福岡県`, …
pub fn how_to_state(condition: &Condition) -> String {
    match condition.decided_by {
        DecidedBy::Fact => format!("--fact {}=yes|no", condition.fact.as_deref().unwrap_or("?")),
        // Being outside a prefecture: any other one states it.
        DecidedBy::Prefecture if condition.outside => "--prefecture PREFECTURE".to_string(),
        DecidedBy::Prefecture => format!(
            "--prefecture {}",
            condition.prefecture.as_deref().unwrap_or("?")
        ),
        // Without the facility, every legal form (a result names the ones
        // its facility's row has: [`size_flags`]).
        DecidedBy::EntitySize => {
            "--entity medical-corporation|sole-proprietor|company --capital YEN --employees N"
                .to_string()
        }
    }
}

/// The flags that settle the size test for a facility of `class`, from the
/// legal forms and limits the program's table has for it:
/// `--entity company|sole-proprietor --capital YEN --employees N`.
pub fn size_flags(program: &Program, class: FacilityClass) -> String {
    let (forms, capital, employees) = size_inputs(program, class);
    let mut how = format!("--entity {forms}");
    if capital {
        how.push_str(" --capital YEN");
    }
    if employees {
        how.push_str(" --employees N");
    }
    how
}

/// The flag that states a rate's circumstance: `--small-business`.
pub fn rate_flag(flag: RateFlag) -> &'static str {
    match flag {
        RateFlag::SmallBusiness => "--small-business",
        RateFlag::MinWageNearby => "--min-wage-nearby",
        RateFlag::LargeCompany => "--large-company",
    }
}
