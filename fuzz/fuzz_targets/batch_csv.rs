//! `batch::run` over any bytes, half the time after a valid CSV header, so
//! the fuzzer gets past it. See `subsidy_fuzz::batch` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::batch::Format;

fuzz_target!(|data: &[u8]| {
    subsidy_fuzz::batch(data, b"id,facility,beds,kenshin,cost\n", Format::Csv);
});
