//! `subsidy check`: reports findings for people or as JSON for CI annotations.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{CheckArgs, Format};
use super::{CliError, fail, print_out};
use crate::Lang;
use crate::catalogue;
use crate::check::{self, Finding, Receipt, Report};
use crate::messages::{self, Key};

/// 0 when clean, 1 when errors were found (warnings too with --deny-warnings), 2 for usage errors.
pub fn run(args: CheckArgs, lang: Lang) -> ExitCode {
    let files = match &args.dir {
        Some(dir) => match catalogue::read_files(dir) {
            Ok(files) => files,
            Err(e) => return fail(&CliError::Catalogue(e), lang),
        },
        None => catalogue::embedded_files(),
    };
    let options = check::Options {
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        stale_days: i64::from(args.stale_days),
    };
    let report = check::check(&files, &options);
    let text = match args.format {
        Format::Table => for_people(&report, lang, args.quiet),
        Format::Json => as_json(&report),
    };
    let printed = print_out(&text, lang);
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    let failed = report.errors() > 0 || (args.deny_warnings && report.warnings() > 0);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn for_people(report: &Report, lang: Lang, quiet: bool) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let severity = match f.severity {
            check::Severity::Error => messages::template(lang, Key::SeverityError),
            check::Severity::Warning => messages::template(lang, Key::SeverityWarning),
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {severity}[{}]: {}",
            f.file,
            f.line,
            f.column,
            f.code,
            f.message_in(lang)
        );
        let _ = writeln!(out, "    | {}", f.snippet);
    }
    if quiet {
        return out;
    }
    let r = &report.receipt;
    let receipt = messages::text(
        lang,
        Key::CheckReceipt,
        &[
            ("version", &r.version),
            ("sha256", &r.sha256),
            ("files", &r.files),
            ("programs", &report.programs),
            ("examples", &report.examples),
        ],
    );
    let summary = messages::text(
        lang,
        Key::CheckSummary,
        &[
            ("errors", &report.errors()),
            ("warnings", &report.warnings()),
        ],
    );
    let _ = writeln!(out, "{receipt}\n{summary}");
    out
}

#[derive(Serialize)]
struct CheckJson<'a> {
    catalogue: &'a Receipt,
    programs: usize,
    examples: usize,
    errors: usize,
    warnings: usize,
    findings: &'a [Finding],
}

fn as_json(report: &Report) -> String {
    let json = CheckJson {
        catalogue: &report.receipt,
        programs: report.programs,
        examples: report.examples,
        errors: report.errors(),
        warnings: report.warnings(),
        findings: &report.findings,
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
