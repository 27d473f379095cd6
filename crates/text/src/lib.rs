//! Documents: reading files (plain text, HTML pages, JSON Lines exports), decoding them, the
//! optional metadata header, and sentences with byte spans.
//!
//! Offsets everywhere in `claims` are byte offsets into a document's `text`. For a valid UTF-8
//! text file that text is the file's bytes, unchanged (a byte-order mark is kept, so offsets
//! match the file) and [`Document::encoding`] is `None`. Anything that had to be decoded
//! (Windows-1252, UTF-16) or extracted (HTML, JSON Lines) names its encoding and carries
//! [`Document::notes`]; its decoded text is then the reference for offsets. The header, when
//! present, is parsed but stays in the text; extraction starts at [`Document::body_start`].

mod decode;
mod document;
mod files;
mod html;
mod jsonl;
mod sentences;

pub use document::{
    parse_document, parse_documents, read_document, read_documents, Document, Header, InputKind,
    TextError, MAX_DOCUMENT_BYTES,
};
pub use files::{collect_files, is_document_path, path_label};
pub use sentences::sentences;
