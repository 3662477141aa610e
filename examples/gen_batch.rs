//! Writes a batch input of N rows to stdout, one program per row, for the
//! benchmark (`benches/batch.sh`): `cargo run --release --example gen_batch -- 1000000`.

use std::io::{BufWriter, Write};

const ROWS: [&str; 6] = [
    "ehr-sharing,,hospital,250,yes,14000000,",
    "e-prescription,basic,clinic,0,,300000,",
    "online-qual-medical-aid,,clinic,0,,60000,",
    "fukuoka-work-environment,,hospital,60,,5000000,福岡県",
    "digital-ai-security,,clinic,0,,600000,",
    "online-qual-smartphone,,clinic,0,,12345,",
];

fn main() -> std::io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "facility_id,name,program,variant,facility,beds,kenshin,cost,prefecture"
    )?;
    for i in 0..n {
        writeln!(out, "F{i:07},医療機関{i},{}", ROWS[i % ROWS.len()])?;
    }
    out.flush()
}
