//! `claims`: the command-line program. A thin shell: parse flags, call the library crates,
//! print, and map the outcome to an exit code (see [`exit`]).

mod args;
mod commands;
mod error;
mod export;
mod pipeline;
mod table;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: extraction makes many small short-lived
/// allocations on all cores, where glibc's malloc spent about a fifth of ingest's CPU (with
/// lock contention between threads). See docs/performance.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            if e.is_broken_pipe() {
                return ExitCode::SUCCESS;
            }
            eprintln!("claims: error: {e}");
            ExitCode::from(error::EXIT_ERROR)
        }
    }
}
