//! Batch output as one printed report per facility (`batch --report DIR`):
//! each input row's one-page PDF ([`report::printed`], [`report::pdf`]),
//! set on the workers, and an index of them (`index.csv`: the row, the
//! facility, the file, the recommended total, or the row's error).
//!
//! **Memory.** A piece holds finished PDFs (some tens of kilobytes each)
//! and is handed over near the batch's piece size, counted against the batch's
//! budget as any format's pieces are; the sink writes each PDF to its file
//! and the index line as it comes, keeping nothing.
//!
//! **Whole or not at all.** The sink writes into a directory the front end
//! made for the run, beside the one asked for; the front end puts it in
//! place only when the run completes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Piece, RowWriter, Sink};
use crate::Lang;
use crate::batch::columns::Outcome;
use crate::batch::read::Row;
use crate::batch::{BatchError, Layout};
use crate::core::catalogue::Receipt;
use crate::core::estimate::Query;
use crate::i18n::{self, Key};
use crate::report::CalcReport;
use crate::report::pdf::{PdfFont, report_pdf};
use crate::report::printed::{About, facility_report};

use super::ics::ClientLabel;

/// The most characters of a facility's label in its file's name.
const FILE_LABEL_CHARS: usize = 40;

/// One facility's report, made on a worker.
pub(in crate::batch) struct Made {
    line: u64,
    label: String,
    /// The PDF, or the row's error.
    pdf: Result<Vec<u8>, String>,
    total: Option<u64>,
}

/// Reports of rows as a worker hands them over, in the list's order.
#[derive(Default)]
pub(in crate::batch) struct Reports {
    made: Vec<Made>,
    bytes: usize,
}

impl Piece for Reports {
    fn with_room() -> Reports {
        Reports::default()
    }

    fn held(&self) -> usize {
        self.bytes + self.made.capacity() * std::mem::size_of::<Made>()
    }

    fn clear(&mut self) -> bool {
        self.made.clear();
        self.bytes = 0;
        true
    }
}

/// What every worker sets its reports with.
pub(in crate::batch) struct Setting {
    pub font: PdfFont,
    pub receipt: Receipt,
    pub as_of: NaiveDate,
    pub lang: Lang,
}

/// The reports, written into `dir` (made for the run), with `index.csv`.
pub(in crate::batch) struct ReportSink {
    dir: PathBuf,
    setting: Arc<Setting>,
    index: Option<BufWriter<File>>,
    written: u64,
}

impl ReportSink {
    pub fn new(dir: PathBuf, setting: Setting) -> ReportSink {
        ReportSink {
            dir,
            setting: Arc::new(setting),
            index: None,
            written: 0,
        }
    }

    /// The reports written.
    pub fn written(&self) -> u64 {
        self.written
    }
}

/// `00002-さくら内科（C001）.pdf`: the row, then the facility's label with
/// what a file name cannot hold (`/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`,
/// `|`, control characters, a leading dot) made `_`.
fn file_name(line: u64, label: &str) -> String {
    let label: String = label
        .chars()
        .take(FILE_LABEL_CHARS)
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let label = label.trim().trim_start_matches('.');
    format!("{line:05}-{label}.pdf")
}

/// A CSV field, quoted where it must be and guarded against formula injection.
fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

impl Sink for ReportSink {
    type Piece = Reports;
    type Writer<'l> = ReportRows;

    fn writer(&self, layout: &Layout) -> ReportRows {
        ReportRows {
            setting: Arc::clone(&self.setting),
            label: ClientLabel::new(layout),
            piece: Reports::default(),
        }
    }

    fn begin(&mut self, _: &Layout) -> Result<(), BatchError> {
        let file = File::create(self.dir.join("index.csv")).map_err(BatchError::Write)?;
        let mut index = BufWriter::new(file);
        let lang = self.setting.lang;
        let header: Vec<&str> = [
            Key::ReportsColRow,
            Key::ReportsColFacility,
            Key::ReportsColFile,
            Key::ReportsColTotal,
            Key::ReportsColError,
        ]
        .iter()
        .map(|key| i18n::template(lang, *key))
        .collect();
        // A BOM, so that Excel reads it as UTF-8.
        writeln!(index, "\u{feff}{}", header.join(",")).map_err(BatchError::Write)?;
        self.index = Some(index);
        Ok(())
    }

    fn rows(&mut self, piece: &Reports) -> Result<(), BatchError> {
        let Some(index) = self.index.as_mut() else {
            return Ok(());
        };
        for made in &piece.made {
            let (file, error) = match &made.pdf {
                Ok(pdf) => {
                    let name = file_name(made.line, &made.label);
                    std::fs::write(self.dir.join(&name), pdf).map_err(BatchError::Write)?;
                    self.written += 1;
                    (name, String::new())
                }
                Err(error) => (String::new(), error.clone()),
            };
            let total = made.total.map(|t| t.to_string()).unwrap_or_default();
            writeln!(
                index,
                "{},{},{},{},{}",
                made.line,
                csv_field(&made.label),
                csv_field(&file),
                total,
                csv_field(&error)
            )
            .map_err(BatchError::Write)?;
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), BatchError> {
        match self.index.take() {
            Some(mut index) => index.flush().map_err(BatchError::Write),
            None => Ok(()),
        }
    }
}

/// A worker's reports.
pub(in crate::batch) struct ReportRows {
    setting: Arc<Setting>,
    label: ClientLabel,
    piece: Reports,
}

impl ReportRows {
    fn push(&mut self, made: Made) {
        self.piece.bytes += made.label.len()
            + match &made.pdf {
                Ok(pdf) => pdf.capacity(),
                Err(error) => error.len(),
            };
        self.piece.made.push(made);
    }
}

impl RowWriter for ReportRows {
    type Piece = Reports;
    const WHOLE_REPORT: bool = true;

    /// Only a row with an error comes here: the rest come to [`Self::report`].
    fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        let label = self.label.of(row, self.setting.lang);
        self.push(Made {
            line: row.line,
            label,
            pdf: Err(outcome.error.to_string()),
            total: None,
        });
    }

    fn report(&mut self, row: Row<'_>, report: &CalcReport<'_, '_>, query: &Query) {
        let setting = Arc::clone(&self.setting);
        let label = self.label.of(row, setting.lang);
        let about = About {
            client: Some(&label),
            cost: query.cost,
        };
        let age = setting.receipt.age(setting.as_of);
        let blocks = facility_report(
            report,
            query,
            about,
            &setting.receipt,
            age.as_ref(),
            setting.lang,
        );
        let recommendation = report.recommendation();
        let total = (!recommendation.is_empty()).then_some(recommendation.total);
        let pdf = report_pdf(&blocks, &setting.font, setting.lang);
        self.push(Made {
            line: row.line,
            label,
            pdf,
            total,
        });
    }

    fn len(&self) -> usize {
        self.piece.bytes
    }

    fn take(&mut self, next: Reports) -> Reports {
        std::mem::replace(&mut self.piece, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_holds_nothing_a_file_system_refuses() {
        assert_eq!(
            file_name(2, "さくら内科（C001）"),
            "00002-さくら内科（C001）.pdf"
        );
        assert_eq!(file_name(12, "../a/b:c*?\"<>|"), "00012-_a_b_c______.pdf");
        assert_eq!(file_name(3, ".hidden"), "00003-hidden.pdf");
    }

    #[test]
    fn an_index_field_is_quoted_and_guarded() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
