//! Documents: reading files, checking they are text, the optional metadata header, and
//! sentences with byte spans.
//!
//! Offsets everywhere in `claims` are byte offsets into a document's original bytes. This crate
//! keeps that true by refusing to transcode: a document's `text` is its bytes, validated as UTF-8
//! (a byte-order mark is kept in the text, so offsets still match the file). The header, when
//! present, is parsed but stays in the text; extraction starts at [`Document::body_start`].

mod document;
mod files;
mod sentences;

pub use document::{
    parse_document, read_document, Document, Header, TextError, MAX_DOCUMENT_BYTES,
};
pub use files::{collect_files, is_document_path};
pub use sentences::sentences;
