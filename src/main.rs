//! The `subsidy` command: the command line, which starts the web front end
//! for `subsidy serve` (the two front ends never import each other).

use std::process::ExitCode;
use std::time::Duration;

// A batch allocates and frees small strings for every row; mimalloc does that
// several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    subsidy::cli::main_with(std::env::args_os(), |args, catalogue, lang, say| {
        let ms = |flag: Option<u32>, default| {
            flag.map_or(default, |ms| Duration::from_millis(ms.into()))
        };
        let limits = subsidy::serve::Limits::default();
        let limits = subsidy::serve::Limits {
            idle_timeout: ms(args.idle_timeout_ms, limits.idle_timeout),
            header_timeout: ms(args.header_timeout_ms, limits.header_timeout),
            write_timeout: ms(args.write_timeout_ms, limits.write_timeout),
            max_connections: args
                .max_connections
                .map_or(limits.max_connections, |n| n as usize),
        };
        let options = subsidy::serve::Options {
            addr: args.addr,
            allow_hosts: args.allow_host.clone(),
            limits,
        };
        subsidy::serve::run(options, catalogue, lang, say)
    })
}
