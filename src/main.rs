//! The `subsidy` command. Everything happens in [`subsidy::cli`].

use std::process::ExitCode;

// A batch allocates and frees small strings for every row; mimalloc does that
// several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    subsidy::cli::main_with(std::env::args_os())
}
