//! The benchmark's baseline: a bare csv-crate read and write of the same file
//! (`cargo run --release --example csv_copy < in.csv > out.csv`).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_reader(std::io::stdin().lock());
    let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
    writer.write_byte_record(reader.byte_headers()?)?;
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record)? {
        writer.write_byte_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}
