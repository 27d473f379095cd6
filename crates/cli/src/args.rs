//! Command-line flags, parsed into plain data.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "claims",
    version,
    about = "Finds where news sources disagree: extracts claims, reconciles names, reports contradictions.",
    after_help = "Examples:\n  claims check corpus                 ingest ./corpus into claims.db and report\n  claims ingest --db my.db articles/  store articles\n  claims check --db my.db --format json\n  claims entities --db my.db\n  claims extract --format json article.txt"
)]
pub struct Cli {
    /// Write the report or listing to this file instead of standard output.
    #[arg(long, short, global = true)]
    pub output: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Markdown,
    /// schema.org ClaimReview JSON-LD, one review per disputed claim.
    Claimreview,
    /// One self-contained HTML page: quotes side by side, an interval chart per numeric subject.
    Html,
    /// One row per claim of each finding (finding columns repeated), for spreadsheets.
    Csv,
}

/// Output of the commands that list rows (entities, search hits, corrections).
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    Text,
    Json,
    /// RFC 4180 CSV with a header row.
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum KindArg {
    Numeric,
    Date,
    Article,
    Arithmetic,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Parquet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum SeverityArg {
    Contradiction,
    Tension,
    Change,
    Agreement,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read files or directories (recursively) and store their documents, mentions and claims.
    Ingest {
        /// Database file (created if missing).
        #[arg(long, default_value = "claims.db", env = "CLAIMS_DB")]
        db: PathBuf,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Files or directories (.txt and .md inside directories).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Report where sources disagree. Exit 0: no contradiction; 1: at least one; 2: error.
    Check {
        #[arg(long, default_value = "claims.db", env = "CLAIMS_DB")]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Show only findings at least this severe (contradiction > tension > change > agreement).
        #[arg(long, value_enum)]
        min_severity: Option<SeverityArg>,
        /// Include agreements between independent sources.
        #[arg(long)]
        agreements: bool,
        /// Show only findings whose subject contains this text (case-insensitive).
        #[arg(long)]
        subject: Option<String>,
        /// Show only findings of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Show only findings with a claim from a document whose path contains this text.
        #[arg(long)]
        document: Option<String>,
        /// Compare only the groups (subject keys) that documents ingested since the last check
        /// touched: new claims, claims whose entities resolve differently now, claims of
        /// replaced documents. The report shows the findings of those groups; the stored
        /// findings of the others are kept as they are. Compares everything when there is no
        /// finished previous check with the same options to build on.
        #[arg(long)]
        touched: bool,
        /// Ingest these files or directories first (so `claims check corpus` is the whole job).
        paths: Vec<PathBuf>,
    },
    /// List the resolved people, organisations and places with every surface form seen.
    Entities {
        #[arg(long, default_value = "claims.db", env = "CLAIMS_DB")]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: TableFormat,
    },
    /// Record an analyst's correction to entity resolution (kept across re-ingest; applied at the
    /// next `check` or `entities`).
    Alias {
        #[arg(long, default_value = "claims.db", env = "CLAIMS_DB")]
        db: PathBuf,
        /// Who made the correction (default: $USER).
        #[arg(long)]
        who: Option<String>,
        /// Why, in a few words.
        #[arg(long)]
        note: Option<String>,
        #[command(subcommand)]
        action: AliasAction,
    },
    /// Full-text search over the stored sentences (words, or FTS5 syntax with --raw).
    Search {
        #[arg(long, default_value = "claims.db", env = "CLAIMS_DB")]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: TableFormat,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Pass the query to FTS5 as written (AND/OR/NEAR, "phrases", prefix*).
        #[arg(long)]
        raw: bool,
        query: String,
    },
    /// Write documents, claims, entities and findings as JSON Lines files (one per table) into a
    /// directory, for DuckDB, DataFusion, Spark or pandas.
    Export {
        #[arg(long, default_value = "claims.db", env = "CLAIMS_DB")]
        db: PathBuf,
        /// Output directory (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// jsonl: one JSON object per line; parquet: flat columns, one file per table.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
    },
    /// Print a man page (roff): `claims man > claims.1`, `claims man check > claims-check.1`.
    Man {
        /// The subcommand whose page to print (default: the program's own page).
        command: Option<String>,
    },
    /// Print a shell completion script: `claims completions bash > /etc/bash_completion.d/claims`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// What one document yields (mentions and claims), without a database. `-` reads stdin.
    Extract {
        #[arg(long, value_enum, default_value = "json")]
        format: ListFormat,
        /// Resolve relative dates against this day (default: the header's or the text's own date).
        #[arg(long)]
        reference_date: Option<jiff::civil::Date>,
        path: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum AliasAction {
    /// The two names are the same entity.
    Merge { a: String, b: String },
    /// The two names are never the same entity (wins over every rule and over merges).
    CannotLink { a: String, b: String },
    /// Call the entity known as FROM by the name TO.
    Rename { from: String, to: String },
    /// List the corrections recorded so far.
    List {
        #[arg(long, value_enum, default_value = "text")]
        format: TableFormat,
    },
}
