//! The workbook's second sheet, 情報: what the estimates rest on (the
//! as-of date, the rule data's version, age and SHA-256, the command) and
//! the sources of every program shown.

use std::io::{Seek, Write};

use super::{XlsxSink, excel_date, print_setup, write_error};
use crate::batch::BatchError;
use crate::i18n::{Key, template};
use crate::input::spelling::COLUMNS;
use crate::report;

/// What the second sheet says about the run besides the catalogue.
pub struct About {
    /// The command line, as typed.
    pub command: String,
}

impl<W: Write + Seek + Send> XlsxSink<'_, W> {
    /// 情報: the as-of date, rule data (with its age on that date, and past
    /// 90 days a note that programs may have changed since), command, and
    /// the sources of every program shown.
    pub(super) fn about_sheet(&mut self) -> Result<(), BatchError> {
        let lang = self.lang;
        let receipt = self.catalogue.receipt();
        let (bold, date) = (self.header.clone(), self.date.clone());
        let sheet = self
            .workbook
            .worksheet_from_index(super::INFO)
            .map_err(write_error)?;
        let as_of = excel_date(self.as_of);
        let age = receipt.age(self.as_of);
        let age_line = age.map(|age| report::data_age_line(&age, lang));
        let stale = age.and_then(|age| {
            report::stale_line(&age, lang, &report::ask_each_contact(&COLUMNS, lang))
        });
        let mut rows: Vec<(Key, &str)> = vec![(Key::XlsxDataVersion, &receipt.version)];
        rows.extend(age_line.as_deref().map(|line| (Key::XlsxDataAge, line)));
        rows.extend(stale.as_deref().map(|line| (Key::XlsxDataStale, line)));
        // Each extension over the rule data: its name, version and SHA-256.
        let extensions: Vec<String> = receipt
            .extensions
            .iter()
            .map(|l| format!("{} {} sha256 {}", l.name, l.version, l.sha256))
            .collect();
        rows.push((Key::XlsxDataSha, receipt.sha256.as_str()));
        rows.extend(
            extensions
                .iter()
                .map(|line| (Key::XlsxExtension, line.as_str())),
        );
        rows.extend([
            (Key::XlsxCommand, self.about.command.as_str()),
            (
                Key::XlsxGenerated,
                concat!("subsidy ", env!("CARGO_PKG_VERSION")),
            ),
        ]);
        let w = |e| write_error(e);
        sheet
            .write_string_with_format(0, 0, template(lang, Key::XlsxAsOf), &bold)
            .map_err(w)?;
        match &as_of {
            Some(as_of) => sheet.write_datetime_with_format(0, 1, as_of, &date),
            None => sheet.write_string(0, 1, self.as_of.to_string()),
        }
        .map_err(w)?;
        for (i, (key, value)) in rows.iter().enumerate() {
            let row = i as u32 + 1;
            sheet
                .write_string_with_format(row, 0, template(lang, *key), &bold)
                .map_err(w)?;
            sheet.write_string(row, 1, *value).map_err(w)?;
        }
        let mut row = rows.len() as u32 + 2;
        sheet
            .write_string_with_format(row, 0, template(lang, Key::XlsxSources), &bold)
            .map_err(w)?;
        row += 1;
        let heads = [
            Key::BatchColProgram,
            Key::XlsxSourceProgram,
            Key::XlsxSourceTitle,
            Key::XlsxSourceDate,
            Key::XlsxSourceUrl,
        ];
        for (col, key) in heads.iter().enumerate() {
            sheet
                .write_string_with_format(row, col as u16, template(lang, *key), &bold)
                .map_err(w)?;
        }
        for id in &self.shown {
            let Some(program) = self.catalogue.program(id) else {
                continue;
            };
            for (source, document) in program.cited_documents() {
                row += 1;
                let day = excel_date(document.date);
                sheet.write_string(row, 0, &program.id).map_err(w)?;
                sheet
                    .write_string(row, 1, program.name.get(lang))
                    .map_err(w)?;
                sheet
                    .write_string(
                        row,
                        2,
                        format!("[{}] {}", source.id, source.heading(document)),
                    )
                    .map_err(w)?;
                match &day {
                    Some(day) => sheet.write_datetime_with_format(row, 3, day, &date),
                    None => sheet.write_string(row, 3, document.date.to_string()),
                }
                .map_err(w)?;
                // The program's page as this document prints it.
                if let Some(link) = program.links.iter().find(|l| l.cite.source == source.id) {
                    sheet.write_string(row, 4, &link.url).map_err(w)?;
                }
            }
        }
        for (col, chars) in [(0u16, 24.0), (1, 48.0), (2, 60.0), (3, 12.0), (4, 60.0)] {
            sheet.set_column_width(col, chars).map_err(w)?;
        }
        print_setup(sheet)?;
        sheet.set_print_fit_to_pages(1, 0);
        Ok(())
    }
}
