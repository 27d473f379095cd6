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
