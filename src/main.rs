//! The `subsidy` command. Everything happens in [`subsidy::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    subsidy::cli::main_with(std::env::args_os())
}
