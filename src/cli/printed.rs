//! `subsidy report`: the one-page PDF for a facility, written to `-o FILE`
//! whole or not at all (or to standard output when it is not a terminal).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::Lang;
use crate::input::request::Checker;
use crate::report::{self, pdf, printed};

use super::args::ReportArgs;
use super::error::CliError;
use super::layers::Layers;
use super::{calc_request, estimate, fail, fonts, source};

pub(super) fn run(
    layers: &Layers,
    args: ReportArgs,
    prefecture: Option<&str>,
    lang: Lang,
) -> ExitCode {
    match write_report(layers, args, prefecture, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e, lang),
    }
}

fn write_report(
    layers: &Layers,
    args: ReportArgs,
    prefecture: Option<&str>,
    lang: Lang,
) -> Result<(), CliError> {
    if args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::PdfToTerminal);
    }
    // The font first: without one, nothing is worth computing.
    let font = fonts::report_font(args.font.as_deref())?;
    let catalogue = layers.load()?;
    let checker = Checker::new(&catalogue);
    let as_of = args
        .query
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let request = calc_request(args.query, prefecture, lang)?;
    let (estimates, query) = estimate(&checker, &request, as_of, lang)?;
    let stacks = crate::core::estimate::stacks(&estimates);
    let shown = report::CalcReport::new(&estimates, &stacks, &query, report::CalcView::default());
    let receipt = catalogue.receipt();
    let age = receipt.age(as_of);
    let about = printed::About {
        client: args.client.as_deref(),
        cost: request.cost,
    };
    let blocks = printed::facility_report(&shown, &query, about, receipt, age.as_ref(), lang);
    let bytes = pdf::report_pdf(&blocks, &font, lang).map_err(CliError::Usage)?;
    match &args.output {
        Some(path) => source::replace(path, &bytes, lang),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Write(e)),
                _ => Ok(()),
            }
        }
    }
}
