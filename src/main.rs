//! The `subsidy` command: the command line, which starts the web front end
//! for `subsidy serve` (the two front ends never import each other).

use std::process::ExitCode;

// A batch allocates and frees small strings for every row; mimalloc does that
// several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    subsidy::cli::main_with(std::env::args_os(), |addr, catalogue, lang, announce| {
        subsidy::serve::run(addr, catalogue, lang, |line| announce(line))
    })
}
