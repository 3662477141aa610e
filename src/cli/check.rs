//! `subsidy check`: reports findings for people or as JSON for CI annotations.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{CheckArgs, CheckFormat};
use super::layers::{First, Layers};
use super::{CliError, fail, print_out};
use crate::Lang;
use crate::check::{self, Coverage, Covered, Finding, Report};
use crate::core::catalogue;
use crate::core::catalogue::Receipt;
use crate::i18n::{self, Key};

/// 0 when clean, 1 when errors were found (warnings too with
/// --deny-warnings; with --coverage, below 100 %), 2 for usage errors.
/// The directory checked: `DIR`, else `--data DIR` (the catalogue every other
/// command would read), else the built-in catalogue. A `DIR` that holds an
/// `extension.toml` is an extension, checked against the layers below it:
/// the first (built in, or `--data DIR`) and the extensions named before it.
pub fn run(args: CheckArgs, layers: &Layers, lang: Lang) -> ExitCode {
    let data = layers.data.as_deref();
    // `DIR` (or a bundle file) read first: whether it is an extension is in its files.
    let given = match args.dir.as_deref().map(catalogue::read_files).transpose() {
        Ok(files) => files,
        Err(e) => return fail(&CliError::Catalogue(e), lang),
    };
    let extension = (args.dir.as_deref())
        .filter(|_| (given.iter().flatten()).any(|(name, _)| catalogue::is_extension_file(name)));
    if let (Some(dir), Some(data)) = (args.dir.as_deref(), data)
        && dir != data
        && extension.is_none()
    {
        let line = i18n::text(
            lang,
            Key::CheckTwoDirs,
            &[("data", &data.display()), ("dir", &dir.display())],
        );
        return fail(&CliError::Usage(line), lang);
    }
    // Else the catalogue every other command reads: `--data`, the
    // installed one, the built-in one.
    let files = match given {
        Some(files) => files,
        None => match layers.first_from() {
            Ok(First::Data(data)) => match catalogue::read_files(&data) {
                Ok(files) => files,
                Err(e) => return fail(&CliError::Catalogue(e), lang),
            },
            Ok(First::Installed(store, entry)) => match store.files(&entry) {
                Ok(files) => files,
                Err(e) => return fail(&e, lang),
            },
            Ok(First::Builtin) => catalogue::embedded_files(),
            Err(e) => return fail(&e, lang),
        },
    };
    // The layers below an extension must load: it is checked against them.
    let lower = match extension {
        Some(dir) => match layers
            .first()
            .and_then(|first| layers.over(first, layers.below(dir)))
        {
            Ok(lower) => Some((dir, lower)),
            Err(e) => return fail(&e, lang),
        },
        None => None,
    };
    let options = check::Options {
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        stale_days: i64::from(args.stale_days),
        documents: match &args.sources {
            Some(dir) => match read_documents(dir) {
                Ok(documents) => Some(documents),
                Err(e) => return fail(&e, lang),
            },
            None => None,
        },
        coverage: args.coverage,
    };
    let mut report = match &lower {
        Some((dir, lower)) => {
            check::check_extension(&dir.display().to_string(), &files, lower, &options)
        }
        None => check::check(&files, &options),
    };
    // --allow drops a kind of finding; --deny makes it an error.
    report
        .findings
        .retain(|f| !args.allow.iter().any(|code| code == f.code.id()));
    for f in &mut report.findings {
        if args.deny.iter().any(|code| code == f.code.id()) {
            f.severity = check::Severity::Error;
        }
    }
    report
        .findings
        .sort_by_key(|f| f.severity != check::Severity::Error);
    let text = match args.format {
        CheckFormat::Table => for_people(&report, lang, args.quiet, args.coverage),
        CheckFormat::Json => as_json(&report, args.coverage),
        CheckFormat::Github => for_github(&report, lang, args.coverage),
    };
    let printed = print_out(&text, lang);
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    let short = args.coverage && !report.coverage.as_ref().is_some_and(|c| c.complete);
    let failed = report.errors() > 0 || (args.deny_warnings && report.warnings() > 0) || short;
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Every `*.txt` in `dir`: the source documents.
fn read_documents(dir: &std::path::Path) -> Result<check::Documents, CliError> {
    let cannot = |e: std::io::Error| CliError::CannotRead {
        path: dir.to_path_buf(),
        reason: e,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(cannot)? {
        let path = entry.map_err(cannot)?.path();
        if path.extension().is_some_and(|e| e == "txt") && path.is_file() {
            let text = std::fs::read_to_string(&path).map_err(|e| CliError::CannotRead {
                path: path.clone(),
                reason: e,
            })?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((name, text));
        }
    }
    Ok(check::Documents::new(files))
}

fn for_people(report: &Report, lang: Lang, quiet: bool, coverage: bool) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let severity = match f.severity {
            check::Severity::Error => i18n::template(lang, Key::SeverityError),
            check::Severity::Warning => i18n::template(lang, Key::SeverityWarning),
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
    if coverage {
        out.push_str(&coverage_for_people(report.coverage.as_ref(), lang));
    }
    if quiet {
        return out;
    }
    let _ = writeln!(out, "{}", summary_line(report, lang));
    out
}

/// `check: エラー 0件、警告 3件 — 規則データ 2026-05-25、sha256 …`: one line.
fn summary_line(report: &Report, lang: Lang) -> String {
    let r = &report.receipt;
    let receipt = i18n::text(
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
    // An extension checked: each extension over the rule data too.
    let mut receipt = receipt;
    for layer in &r.extensions {
        receipt.push_str(&i18n::text(
            lang,
            Key::CheckExtensionReceipt,
            &[
                ("name", &layer.name),
                ("version", &layer.version),
                ("sha256", &layer.sha256),
                ("files", &layer.files),
            ],
        ));
    }
    i18n::text(
        lang,
        Key::CheckSummary,
        &[
            ("errors", &report.errors()),
            ("warnings", &report.warnings()),
            ("receipt", &receipt),
        ],
    )
}

/// GitHub Actions workflow commands: each finding an annotation on its
/// file and line, then the summary as a notice.
fn for_github(report: &Report, lang: Lang, coverage: bool) -> String {
    // Property values escape %, CR, LF, `:` and `,`; messages %, CR and LF.
    let data = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |text: &str| data(text).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            check::Severity::Error => "error",
            check::Severity::Warning => "warning",
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            property(&f.file),
            f.line,
            f.column,
            property(f.code.id()),
            data(f.message_in(lang))
        );
    }
    if coverage {
        match &report.coverage {
            Some(c) => {
                for p in &c.programs {
                    for missing in p.missing() {
                        let _ = writeln!(
                            out,
                            "::error file={},title=coverage::{}",
                            property(&p.file),
                            data(&missing_line(missing, lang))
                        );
                    }
                }
                let _ = writeln!(
                    out,
                    "::notice title=subsidy check --coverage::{}",
                    data(&total_line(c, lang))
                );
            }
            None => {
                let line = i18n::text(lang, Key::CoverageNotMeasured, &[]);
                let _ = writeln!(out, "::error title=coverage::{}", data(&line));
            }
        }
    }
    let _ = writeln!(
        out,
        "::notice title=subsidy check::{}",
        data(&summary_line(report, lang))
    );
    out
}

/// `ehr-sharing（data/ehr-sharing.toml）: 96%（27/28）`, then each target no
/// example exercises, each rule that is no target and why, and the total.
fn coverage_for_people(coverage: Option<&Coverage>, lang: Lang) -> String {
    let mut out = String::new();
    let Some(coverage) = coverage else {
        let _ = writeln!(out, "{}", i18n::text(lang, Key::CoverageNotMeasured, &[]));
        return out;
    };
    for p in &coverage.programs {
        let line = i18n::text(
            lang,
            Key::CoverageProgram,
            &[
                ("program", &p.id),
                ("file", &p.file),
                ("percent", &p.percent),
                ("covered", &p.covered),
                ("total", &p.total),
            ],
        );
        let _ = writeln!(out, "{line}");
        for missing in p.missing() {
            let _ = writeln!(out, "  - {}", missing_line(missing, lang));
        }
        for note in &p.not_targets {
            let (target, why) = match lang {
                Lang::Ja => (&note.text_ja, &note.why_ja),
                Lang::En => (&note.text, &note.why),
            };
            let line = i18n::text(
                lang,
                Key::CoverageNote,
                &[("target", target), ("reason", why)],
            );
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "{}", total_line(coverage, lang));
    if !coverage.complete {
        let _ = writeln!(out, "{}", i18n::text(lang, Key::CoverageBelowFull, &[]));
    }
    out
}

/// 「区分 large-kenshin の補助限度額が効く例がありません」.
fn missing_line(missing: &Covered, lang: Lang) -> String {
    let target = match lang {
        Lang::Ja => &missing.text_ja,
        Lang::En => &missing.text,
    };
    i18n::text(lang, Key::CoverageMissing, &[("target", target)])
}

fn total_line(coverage: &Coverage, lang: Lang) -> String {
    i18n::text(
        lang,
        Key::CoverageTotal,
        &[
            ("percent", &coverage.percent),
            ("covered", &coverage.covered),
            ("total", &coverage.total),
            ("programs", &coverage.programs.len()),
        ],
    )
}

#[derive(Serialize)]
struct CheckJson<'a> {
    catalogue: &'a Receipt,
    programs: usize,
    examples: usize,
    errors: usize,
    warnings: usize,
    findings: &'a [Finding],
    /// With --coverage: every target of each program, the examples that
    /// exercise it, and what is no target and why (`null` where the
    /// examples could not run).
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Option<&'a Coverage>>,
}

fn as_json(report: &Report, coverage: bool) -> String {
    let json = CheckJson {
        catalogue: &report.receipt,
        programs: report.programs,
        examples: report.examples,
        errors: report.errors(),
        warnings: report.warnings(),
        findings: &report.findings,
        coverage: coverage.then_some(report.coverage.as_ref()),
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
