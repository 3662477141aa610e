//! `batch::run` over any bytes, half the time after a valid JSON object line,
//! so the fuzzer gets past it. See `subsidy_fuzz::batch` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::batch::Format;

fuzz_target!(|data: &[u8]| {
    subsidy_fuzz::batch(
        data,
        br#"{"id":"H1","facility":"hospital","beds":250,"kenshin":"yes","cost":"14000000"}
"#,
        Format::Jsonl,
    );
});
