//! Writes a batch input to stdout for the benchmark (`benches/batch.sh`):
//! - `gen_batch N`: N rows, one program per row;
//! - `gen_batch wide COLUMNS N`: N rows of COLUMNS pass-through cells, every
//!   program asked (an empty `program`), so each row gives every result;
//! - `gen_batch long BYTES N`: N rows with a note of BYTES bytes, every program asked;
//! - `gen_batch malformed N EVERY`: N rows as `gen_batch N`, every EVERY-th
//!   of them malformed (a misspelt facility kind, a cost with a typo, a beds
//!   cell in words, in turn): issue 23's case, 200,000 rows with every 97th bad;
//! - `gen_batch distinct N EVERY`: as `malformed`, but each row's cost is its
//!   own (the row's number added to it), so no two rows ask the same thing.

use std::io::{BufWriter, Write};

const ROWS: [&str; 6] = [
    "ehr-sharing,,hospital,250,yes,14000000,",
    "e-prescription,basic,clinic,0,,300000,",
    "online-qual-medical-aid,,clinic,0,,60000,",
    "fukuoka-work-environment,,hospital,60,,5000000,福岡県",
    "digital-ai-security,,clinic,0,,600000,",
    "online-qual-smartphone,,clinic,0,,12345,",
];

fn number(arg: Option<String>, default: usize) -> usize {
    arg.and_then(|a| a.parse().ok()).unwrap_or(default)
}

/// A row of [`ROWS`] split at its cost (the sixth cell): what comes before
/// it (with its comma), the cost, and what comes after.
fn cost_of(row: &str) -> Option<(&str, usize, &str)> {
    let start = row.match_indices(',').nth(4)?.0 + 1;
    let end = start + row[start..].find(',')?;
    Some((
        &row[..start],
        row[start..end].parse().ok()?,
        &row[end + 1..],
    ))
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.next().as_deref() {
        Some("wide") => {
            let (columns, rows) = (number(args.next(), 10_000), number(args.next(), 200));
            for i in 0..columns {
                write!(out, "c{i},")?;
            }
            writeln!(out, "program,facility,beds,cost")?;
            for row in 0..rows {
                for i in 0..columns {
                    write!(out, "{}-{i},", row % 100)?;
                }
                writeln!(out, ",hospital,250,14000000")?;
            }
        }
        Some("long") => {
            let (bytes, rows) = (number(args.next(), 5_000), number(args.next(), 20_000));
            let note = "x".repeat(bytes);
            writeln!(out, "id,note,program,facility,beds,cost")?;
            for row in 0..rows {
                writeln!(out, "{row},{note},,hospital,250,14000000")?;
            }
        }
        Some(mode @ ("malformed" | "distinct")) => {
            let distinct = mode == "distinct";
            let (n, every) = (number(args.next(), 200_000), number(args.next(), 97).max(1));
            writeln!(
                out,
                "facility_id,name,program,variant,facility,beds,kenshin,cost,prefecture"
            )?;
            const BAD: [&str; 3] = [
                "ehr-sharing,,hosptal,250,yes,14000000,",
                "e-prescription,basic,clinic,0,,30万x,",
                "ehr-sharing,,hospital,二百五十,yes,14000000,",
            ];
            for i in 0..n {
                let row = if (i + 1) % every == 0 {
                    BAD[(i / every) % BAD.len()]
                } else {
                    ROWS[i % ROWS.len()]
                };
                if distinct && let Some((before, cost, after)) = cost_of(row) {
                    writeln!(out, "F{i:07},医療機関{i},{before}{},{after}", cost + i)?;
                } else {
                    writeln!(out, "F{i:07},医療機関{i},{row}")?;
                }
            }
        }
        n => {
            let n = number(n.map(String::from), 1_000_000);
            writeln!(
                out,
                "facility_id,name,program,variant,facility,beds,kenshin,cost,prefecture"
            )?;
            for i in 0..n {
                writeln!(out, "F{i:07},医療機関{i},{}", ROWS[i % ROWS.len()])?;
            }
        }
    }
    out.flush()
}
