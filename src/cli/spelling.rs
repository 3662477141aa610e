//! The command line's names for its inputs ([`FLAGS`]): what a finding asks
//! as the flags that state it (`--fact ID=yes|no`, `--prefecture 福岡県`,
//! `--entity … --capital YEN`, `--small-business`), an input as its flag,
//! and the flags that show more (`--all`, `--as-of`). The only place
//! outside the help that spells a flag.

use std::borrow::Cow;

use crate::Lang;
use crate::core::catalogue::{Condition, DecidedBy, FacilityClass, Program, RateFlag};
use crate::core::estimate::{Ask, size_inputs};
use crate::i18n::{self, Key};
use crate::input::request::{ClinicBeds, Field, Request};
use crate::input::spelling::{Hint, Spelling};
use crate::report::layout;

/// Inputs as flags.
pub const FLAGS: Spelling = Spelling {
    field: |field, _| Cow::Owned(flag_name(field)),
    ask: |ask, _| Some(how_to_ask(ask)),
    hint,
};

/// How the command line names an input: `--beds`, or the positional `ID`.
pub(crate) fn flag_name(field: Field) -> String {
    match field {
        Field::ProgramId => "ID".to_string(),
        Field::CouponCosts => "--coupon-cost".to_string(),
        field => format!("--{}", field.name()),
    }
}

/// The flags that state what a finding asks.
fn how_to_ask(ask: &Ask<'_>) -> String {
    match ask {
        Ask::Cost => "--cost".to_string(),
        Ask::Items(keys) => keys
            .iter()
            .map(|key| format!("--item {key}=YEN"))
            .collect::<Vec<_>>()
            .join(" "),
        Ask::Item(key) => format!("--item {key}=YEN"),
        Ask::Kenshin => format!("{KENSHIN} yes|no"),
        Ask::Members => "--members N".to_string(),
        Ask::Processes => "--processes N".to_string(),
        Ask::Functions => "--functions N".to_string(),
        Ask::RateFlag(flag) => rate_flag(*flag).to_string(),
        Ask::Condition(condition) => how_to_state(condition),
        Ask::Size(program, class) => size_flags(program, *class),
    }
}

/// The flag that says whether 健診 is carried out (it has no [`Field`]: a
/// batch reads it as a column of its own).
const KENSHIN: &str = "--kenshin";

/// The flags that state what `request` says of the facility and its
/// project, as `calc` (or `plan`) reads them, each value as the flag
/// takes it: `--facility hospital --beds 250 --kenshin yes --cost 14000000
/// --fact online-qual-in-place=yes`. The guided mode ends with them.
pub fn flags_of(request: &Request) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut push = |flag: String, value: String| words.extend([flag, value]);
    if let Some(kind) = request.facility {
        let id = match kind.clinic_beds {
            Some(ClinicBeds::With) => "bedded-clinic",
            Some(ClinicBeds::Without) => "clinic-without-beds",
            None => kind.class.id(),
        };
        push(flag_name(Field::Facility), id.to_string());
    }
    if let Some(beds) = request.beds {
        push(flag_name(Field::Beds), beds.to_string());
    }
    if let Some(kenshin) = request.kenshin {
        push(KENSHIN.to_string(), yes_no(kenshin).to_string());
    }
    if let Some(prefecture) = &request.prefecture {
        push(flag_name(Field::Prefecture), prefecture.clone());
    }
    if let Some(entity) = request.entity {
        push(flag_name(Field::Entity), entity.id().to_string());
        if let Some(capital) = entity.capital() {
            push(flag_name(Field::Capital), capital.to_string());
        }
    }
    let counts = [
        (Field::Employees, request.employees),
        (Field::Processes, request.processes),
        (Field::Functions, request.functions),
        (Field::Members, request.members),
    ];
    for (field, count) in counts {
        if let Some(count) = count {
            push(flag_name(field), count.to_string());
        }
    }
    if let Some(cost) = request.cost {
        push(flag_name(Field::Cost), cost.to_string());
    }
    for (fact, holds) in &request.facts {
        push(flag_name(Field::Fact), format!("{fact}={}", yes_no(*holds)));
    }
    // The switches (`--small-business`) take no value.
    words.extend(
        request
            .flags
            .iter()
            .map(|flag| rate_flag(*flag).to_string()),
    );
    words
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
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

/// The flags that show more, as sentences of the command line's table.
fn hint(hint: Hint, lang: Lang) -> Option<String> {
    Some(match hint {
        Hint::All { total } => i18n::text(lang, Key::HintAll, &[("total", &total)]),
        Hint::ShowHidden => i18n::text(lang, Key::HintShowHidden, &[]),
        Hint::WhyElsewhere => i18n::text(lang, Key::HintWhyInCalc, &[]),
        Hint::AsOf => i18n::text(lang, Key::HintAsOf, &[]),
        Hint::Cost => i18n::text(lang, Key::HintCost, &[]),
        Hint::Contacts => i18n::text(
            lang,
            Key::HintContacts,
            // Kept on one line, to be copied whole.
            &[("command", &layout::unbroken("subsidy show ID"))],
        ),
    })
}
