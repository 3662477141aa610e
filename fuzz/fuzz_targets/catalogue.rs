//! One catalogue file from any bytes: `check` reports on it, `Catalogue::parse`
//! loads or refuses it, and a program that loads is estimated with extreme
//! inputs. None of it may panic or hang (libFuzzer's -timeout catches hangs).
//!
//! Start from the real data (`fuzz/seed.sh`) so the fuzzer works on
//! near-valid programs, where extreme figures are the interesting part.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::core::catalogue::{self, Catalogue, CatalogueError, FacilityClass, Program, RateFlag};
use subsidy::check;
use subsidy::core::money::MAX_INPUT;
use subsidy::input::request::{Checker, Request};

fuzz_target!(|data: &[u8]| {
    // read_dir reads files with read_to_string: only UTF-8 gets this far.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = ("fuzz.toml".to_string(), text.to_string());
    let _ = check::check(std::slice::from_ref(&file), &subsidy_fuzz::check_options());
    match Catalogue::parse([file]) {
        Ok(catalogue) => {
            for program in catalogue.programs() {
                estimate_extremes(&catalogue, program);
            }
        }
        // A program that names others (relations, requires_program) loads
        // only beside them: load it in place of its namesake in data/.
        Err(CatalogueError::Invalid { message, .. })
            if message.en.contains("unknown program") || message.en.contains("has no variant") =>
        {
            let Ok(program) = toml::from_str::<Program>(text) else {
                return;
            };
            let own = format!("{}.toml", program.id);
            let files = catalogue::embedded_files()
                .into_iter()
                .filter(|(name, _)| *name != own)
                .chain([(own.clone(), text.to_string())]);
            if let Ok(catalogue) = Catalogue::parse(files)
                && let Some(program) = catalogue.program(&program.id)
            {
                estimate_extremes(&catalogue, program);
            }
        }
        Err(_) => {}
    }
});

/// Every facility class, with no, typical and the largest inputs, every
/// variant and every rate flag: errors are fine, panics are not.
fn estimate_extremes(catalogue: &Catalogue, program: &Program) {
    let checker = Checker::new(catalogue);
    let variants = std::iter::once(None).chain(program.variants.iter().map(|v| Some(v.id.clone())));
    for variant in variants {
        for class in FacilityClass::ALL {
            for (beds, yen, count) in [
                (0, 0, 0),
                (250, 14_000_000, 3),
                (u32::MAX, MAX_INPUT, u32::MAX),
            ] {
                let request = Request {
                    programs: vec![program.id.clone()],
                    variant: variant.clone(),
                    facility: Some(class.into()),
                    beds: Some(beds),
                    kenshin: Some(count != 0),
                    cost: Some(yen),
                    items: program.items.iter().map(|i| (i.key.clone(), yen)).collect(),
                    processes: Some(count),
                    functions: Some(count),
                    members: Some(count),
                    employees: Some(count),
                    coupons: Some(count),
                    flags: [
                        RateFlag::SmallBusiness,
                        RateFlag::MinWageNearby,
                        RateFlag::LargeCompany,
                    ]
                    .into_iter()
                    .take(count.min(3) as usize)
                    .collect(),
                    ..Request::default()
                };
                let _ = checker.estimates(&request, subsidy_fuzz::as_of(), true);
            }
        }
    }
}
