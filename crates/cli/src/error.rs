//! The one place where library errors become messages and exit codes.
//!
//! Exit codes: 0 success (for `check`: no contradiction); 1 `check` found at least one
//! contradiction; 2 error (nothing could be done); 3 `ingest` finished but skipped some inputs
//! or failed to store some documents (each named on standard error).

/// Exit code for a failed command.
pub const EXIT_ERROR: u8 = 2;
/// `check` found at least one contradiction.
pub const EXIT_CONTRADICTION: u8 = 1;
/// `ingest` stored what it could but some inputs were skipped or some documents failed.
pub const EXIT_PARTIAL: u8 = 3;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] claims_store::StoreError),
    #[error(transparent)]
    Text(#[from] claims_text::TextError),
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    /// The command line asked for something that does not exist.
    #[error("{0}")]
    Usage(String),
    #[error("{path}: cannot write: {source}")]
    OutputFile {
        path: String,
        source: std::io::Error,
    },
}

impl CliError {
    /// Writing to a closed pipe (`claims check | head`) is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
