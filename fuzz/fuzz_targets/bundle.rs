//! A catalogue bundle from any bytes (`subsidy update`'s download, `--data
//! FILE`): `read_bundle` returns its files or refuses it, and never panics,
//! hangs or allocates past its limit. What it returns is only plain names,
//! each as large as the manifest says and with its SHA-256.
//!
//! Start from a real bundle of data/ (`fuzz/seed.sh`) so the fuzzer works
//! on near-valid tars.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::core::catalogue::Catalogue;
use subsidy::core::catalogue::bundle::{read_bundle, sha256_hex};

fuzz_target!(|data: &[u8]| {
    let Ok(bundle) = read_bundle(data) else {
        return;
    };
    assert_eq!(bundle.files.len(), bundle.manifest.files.len());
    for (name, text) in &bundle.files {
        assert!(
            !name.is_empty() && !name.contains(['/', '\\']) && name != ".." && name != ".",
            "a bundle gave a name that is not plain: {name:?}"
        );
        let listed = bundle.manifest.files.iter().find(|f| &f.name == name);
        let listed = listed.expect("every file given is in the manifest");
        assert_eq!(listed.bytes, text.len() as u64, "{name}: size");
        assert_eq!(listed.sha256, sha256_hex(text.as_bytes()), "{name}: SHA-256");
    }
    // What it gave loads or is refused, as `--data FILE` would.
    let _ = Catalogue::parse(bundle.files);
});
