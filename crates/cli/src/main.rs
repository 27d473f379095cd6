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

// mimalloc's options (the C library the `mimalloc` crate builds and links).
extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_e` (include/mimalloc.h as vendored by
/// libmimalloc-sys 0.1.49): how long freed memory waits before it is given back to the OS.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Freed memory stays with the process instead of going back to the OS a second after it is
/// freed (mimalloc v3's default): a check frees and reallocates hundreds of megabytes step
/// after step, and each purge made the kernel fault and zero those pages again (100k re-check:
/// system time 2.0-2.5 s -> 1.0-1.2 s, wall about 0.6 s less, peak RSS about 30 MB more). The
/// process is short-lived; its memory goes back when it exits.
fn keep_freed_memory() {
    // SAFETY: mi_option_set only stores an integer in mimalloc's option table, and it is
    // called at the start of main, before any other thread of this program exists.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

fn main() -> ExitCode {
    keep_freed_memory();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The option index is mimalloc's purge delay: its default in mimalloc v3 (src/options.c)
    /// is 1000 (ms), and setting it reads back.
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reading and writing one integer option of the allocator.
        let default = unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(default, 1000);
        }
        keep_freed_memory();
        // SAFETY: as above.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, -1);
        // SAFETY: as above; the default back for the other tests of this process.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    }
}
