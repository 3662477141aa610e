//! The command-line front end: parses flags, checks them, runs the core and
//! renders the result. The only layer that prints.

mod args;
mod error;
mod render;

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;

use crate::catalogue::{self, Catalogue, Entity, FacilityClass, Lang, Program, RateFlag};
use crate::estimate::{self, Estimate, Facility, Query};
use crate::money::Yen;
use crate::{plan, prefecture, window};
use args::{CalcArgs, Cli, Command, EntityArg, FacilityArg, Format, LangArg, ProfileArgs, YesNo};
pub use error::CliError;

/// Runs the command line `args` and returns the exit status; prints.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            return print_out(&e.render().to_string());
        }
        Err(e) => return fail(&error::from_clap(&e)),
    };
    match run(cli) {
        Ok(out) => print_out(&out),
        Err(e) => fail(&e),
    }
}

fn fail(error: &CliError) -> ExitCode {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("error: {error}");
    }
    ExitCode::from(error.exit_code())
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print_out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: writing output: {e}");
            }
            ExitCode::from(2)
        }
    }
}

/// Runs a parsed command and returns what to print.
fn run(cli: Cli) -> Result<String, CliError> {
    let catalogue = match &cli.data {
        Some(dir) => catalogue::read_dir(dir)?,
        None => Catalogue::embedded()?,
    };
    let lang = match cli.lang {
        LangArg::Ja => Lang::Ja,
        LangArg::En => Lang::En,
    };
    let today = || chrono::Local::now().date_naive();
    match cli.command {
        Command::Calc(args) => calc(&catalogue, args, lang, today()),
        Command::List(args) => {
            let as_of = args.as_of.unwrap_or_else(today);
            let programs: Vec<&Program> = catalogue
                .programs()
                .iter()
                .filter(|p| !args.open || window::window(p, as_of).can_still_apply())
                .collect();
            Ok(match args.format {
                Format::Table => render::list_table(&programs, as_of, lang),
                Format::Json => render::list_json(&programs, as_of),
            })
        }
        Command::Show(args) => {
            let program = find_program(&catalogue, "ID", &args.id)?;
            let as_of = args.as_of.unwrap_or_else(today);
            Ok(match args.format {
                Format::Table => render::show_text(program, as_of, lang),
                Format::Json => render::show_json(program, as_of),
            })
        }
        Command::Plan(args) => {
            let as_of = args.as_of.unwrap_or_else(today);
            let mut query = profile_query(&catalogue, &args.profile, as_of)?;
            let every: Vec<&Program> = catalogue.programs().iter().collect();
            query.coupons = check_coupons(&every, query.facility, args.coupons)?;
            let entries = plan::plan(&catalogue, &query);
            Ok(match args.format {
                Format::Table => render::plan_table(&entries, &query, lang),
                Format::Json => render::plan_json(&entries, &query, lang),
            })
        }
    }
}

/// The facility, its prefecture and the facts it states, checked.
fn profile_query(
    catalogue: &Catalogue,
    profile: &ProfileArgs,
    as_of: NaiveDate,
) -> Result<Query, CliError> {
    let class = match profile.facility {
        FacilityArg::Hospital => FacilityClass::Hospital,
        FacilityArg::Clinic => FacilityClass::Clinic,
        FacilityArg::Pharmacy => FacilityClass::Pharmacy,
    };
    let facility = Facility::new(class, profile.beds)
        .map_err(|e| CliError::invalid("--beds", profile.beds.to_string(), e))?;
    let mut query = Query::new(facility, as_of);
    query.kenshin = profile.kenshin.map(|k| matches!(k, YesNo::Yes));
    if let Some(name) = &profile.prefecture {
        let found = prefecture::normalize(name).ok_or_else(|| {
            let near = error::did_you_mean(name, prefecture::names())
                .map(|n| format!("; did you mean '{n}'?"))
                .unwrap_or_default();
            CliError::invalid(
                "--prefecture",
                name,
                format!("not a prefecture (都道府県){near}"),
            )
        })?;
        query.prefecture = Some(found.to_string());
    }
    query.facts = check_facts(catalogue, &profile.facts)?;
    query.entity = profile.entity.map(|e| match e {
        EntityArg::MedicalCorporation => Entity::MedicalCorporation,
        EntityArg::SoleProprietor => Entity::SoleProprietor,
    });
    query.employees = profile.employees;
    for (on, flag) in [
        (profile.small_business, RateFlag::SmallBusiness),
        (profile.min_wage_nearby, RateFlag::MinWageNearby),
        (profile.large_company, RateFlag::LargeCompany),
    ] {
        if on {
            query.flags.insert(flag);
        }
    }
    for (flag, count) in [
        ("--processes", profile.processes),
        ("--functions", profile.functions),
    ] {
        if count == Some(0) {
            return Err(CliError::invalid(flag, "0", "must be at least 1"));
        }
    }
    query.processes = profile.processes;
    query.functions = profile.functions;
    if let Some(members) = profile.members {
        let least = catalogue
            .programs()
            .iter()
            .flat_map(|p| {
                p.tiers
                    .iter()
                    .filter_map(move |t| t.members_min.map(|m| (p.id.as_str(), m)))
            })
            .min_by_key(|(_, m)| *m);
        if let Some((program, least)) = least
            && members < least
        {
            return Err(CliError::invalid(
                "--members",
                members.to_string(),
                format!("a multi-party application ({program}) needs at least {least} members"),
            ));
        }
        query.members = Some(members);
    }
    Ok(query)
}

/// Every fact must be one some program asks, and not given twice with different values.
fn check_facts(
    catalogue: &Catalogue,
    facts: &[(String, bool)],
) -> Result<BTreeMap<String, bool>, CliError> {
    let known = catalogue.facts();
    let yes_no = |value: bool| if value { "yes" } else { "no" };
    let mut stated = BTreeMap::new();
    for (id, value) in facts {
        let shown = format!("{id}={}", yes_no(*value));
        if !known.iter().any(|(k, _)| k == id) {
            let near = error::did_you_mean(id, known.iter().map(|(k, _)| *k))
                .map(|n| format!("did you mean '{n}'? "))
                .unwrap_or_default();
            return Err(CliError::invalid(
                "--fact",
                shown,
                format!(
                    "no program asks fact '{id}'; {near}(`subsidy show ID` lists each program's facts)"
                ),
            ));
        }
        if let Some(previous) = stated.insert(id.clone(), *value)
            && previous != *value
        {
            return Err(CliError::invalid(
                "--fact",
                shown,
                format!("fact '{id}' is already given as {}", yes_no(previous)),
            ));
        }
    }
    Ok(stated)
}

/// `--coupons` must be at least 1 and within what this facility class may get
/// in a selected per-coupon program.
fn check_coupons(
    programs: &[&Program],
    facility: Facility,
    coupons: Option<u32>,
) -> Result<Option<u32>, CliError> {
    let Some(n) = coupons else {
        return Ok(None);
    };
    let per_unit = programs
        .iter()
        .flat_map(|p| p.tiers.iter().map(move |t| (p, t)))
        .filter(|(_, t)| t.fits(facility.class(), facility.beds()))
        .find_map(|(p, t)| t.per_unit.as_ref().map(|u| (p.id.as_str(), u.max)));
    let Some((program, max)) = per_unit else {
        return Err(CliError::invalid(
            "--coupons",
            n.to_string(),
            "no selected program pays per coupon for this facility",
        ));
    };
    if n == 0 || n > max {
        return Err(CliError::invalid(
            "--coupons",
            n.to_string(),
            format!(
                "a {} may get 1 to {max} coupons in {program}",
                facility.class().id()
            ),
        ));
    }
    Ok(Some(n))
}

fn find_program<'c>(
    catalogue: &'c Catalogue,
    flag: &str,
    id: &str,
) -> Result<&'c Program, CliError> {
    catalogue.program(id).ok_or_else(|| {
        let hint = match error::did_you_mean(id, catalogue.ids()) {
            Some(near) => {
                format!("no such program; did you mean '{near}'? (`subsidy list` shows every id)")
            }
            None => "no such program (`subsidy list` shows every id)".to_string(),
        };
        CliError::invalid(flag, id, hint)
    })
}

fn calc(
    catalogue: &Catalogue,
    args: CalcArgs,
    lang: Lang,
    today: NaiveDate,
) -> Result<String, CliError> {
    let mut query = profile_query(catalogue, &args.profile, args.as_of.unwrap_or(today))?;
    let named = !args.programs.is_empty();
    let programs: Vec<&Program> = if named {
        let mut programs: Vec<&Program> = Vec::new();
        for id in &args.programs {
            let program = find_program(catalogue, "--program", id)?;
            if !programs.iter().any(|p| p.id == program.id) {
                programs.push(program);
            }
        }
        programs
    } else {
        catalogue.programs().iter().collect()
    };
    check_variant(&programs, args.variant.as_deref(), named)?;
    check_items(&programs, &args.items)?;
    query.coupons = check_coupons(&programs, query.facility, args.coupons)?;
    query.cost = args.cost;
    query.items = args.items;

    let mut estimates: Vec<Estimate<'_>> = programs
        .iter()
        .flat_map(|p| estimate::estimate_program(p, args.variant.as_deref(), &query))
        .collect();
    if named {
        refuse_missing_items(&estimates, &query)?;
    }
    estimate::sort(&mut estimates);
    let stacks = estimate::stacks(&estimates);
    Ok(match args.format {
        Format::Table => render::calc_table(&estimates, &stacks, &query, lang, args.explain),
        Format::Json => render::calc_json(&estimates, &stacks, &query, lang, args.explain),
    })
}

/// `--variant` must name a variant of every named program that has variants,
/// or, with no `--program`, of at least one program.
fn check_variant(
    programs: &[&Program],
    variant: Option<&str>,
    named: bool,
) -> Result<(), CliError> {
    let Some(variant) = variant else {
        return Ok(());
    };
    let with_variants: Vec<&&Program> =
        programs.iter().filter(|p| !p.variants.is_empty()).collect();
    let lacking: Vec<&&Program> = with_variants
        .iter()
        .copied()
        .filter(|p| p.variant(variant).is_none())
        .collect();
    let all_lack = lacking.len() == with_variants.len();
    if let Some(program) = lacking.first()
        && (named || all_lack)
    {
        let ids: Vec<&str> = program.variants.iter().map(|v| v.id.as_str()).collect();
        let near = error::did_you_mean(variant, ids.iter().copied())
            .map(|n| format!("did you mean '{n}'? "))
            .unwrap_or_default();
        return Err(CliError::invalid(
            "--variant",
            variant,
            format!(
                "not a variant of {}; {near}(variants: {})",
                program.id,
                ids.join(", ")
            ),
        ));
    }
    if with_variants.is_empty() {
        return Err(CliError::invalid(
            "--variant",
            variant,
            "none of the selected programs has variants",
        ));
    }
    Ok(())
}

/// Every `--item` key must be an item of some selected program, and given once.
fn check_items(programs: &[&Program], items: &[(String, Yen)]) -> Result<(), CliError> {
    for (i, (key, yen)) in items.iter().enumerate() {
        let value = format!("{key}={yen}");
        if items[..i].iter().any(|(k, _)| k == key) {
            return Err(CliError::invalid(
                "--item",
                value,
                format!("item '{key}' is given twice"),
            ));
        }
        if !programs.iter().any(|p| p.item(key).is_some()) {
            let keys: Vec<&str> = programs
                .iter()
                .flat_map(|p| p.items.iter().map(|i| i.key.as_str()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let reason = if keys.is_empty() {
                "none of the selected programs splits costs into items; use --cost".to_string()
            } else {
                let near = error::did_you_mean(key, keys.iter().copied())
                    .map(|n| format!("did you mean '{n}'? "))
                    .unwrap_or_default();
                format!(
                    "no selected program has this item; {near}(items: {})",
                    keys.join(", ")
                )
            };
            return Err(CliError::invalid("--item", value, reason));
        }
    }
    Ok(())
}

/// A named program that splits costs needs `--item` for each item, unless
/// `--cost` can go to its sole or default item.
fn refuse_missing_items(estimates: &[Estimate<'_>], query: &Query) -> Result<(), CliError> {
    let missing = estimates
        .iter()
        .find(|e| e.reasons.iter().any(|r| r.code == "needs-items"));
    let Some(estimate) = missing else {
        return Ok(());
    };
    let keys: Vec<String> = estimate
        .tier
        .map(|t| {
            t.items
                .iter()
                .map(|i| format!("--item {}=YEN", i.key))
                .collect()
        })
        .unwrap_or_default();
    let (flag, value) = match (query.cost, query.items.first()) {
        (Some(cost), _) => ("--cost".to_string(), cost.to_string()),
        (None, Some((key, yen))) => ("--item".to_string(), format!("{key}={yen}")),
        (None, None) => ("--item".to_string(), String::new()),
    };
    Err(CliError::invalid(
        flag,
        value,
        format!(
            "{} caps each cost item separately: give {}",
            estimate.program.id,
            keys.join(" ")
        ),
    ))
}
