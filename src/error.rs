//! The crate's one error type.
//!
//! Every failure — a malformed argument, an unknown field, a bad date, an invalid policy pack —
//! is an [`Error`] with a stable [`ErrorCode`], the path of the offending field
//! (`orders[2].finalizedOn`) and a human message. The binding turns it into a JS `Error` whose
//! `code` and `path` are properties, so callers branch on `code`, never on message text.
//!
//! Pack validation reports every problem, not just the first: the same type doubles as the
//! diagnostic, and an `invalid_pack` error carries all of them.

use serde::Serialize;
use std::fmt;

/// A stable, machine-readable error code. The string forms (see [`ErrorCode::as_str`]) are part
/// of the JS contract and never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A field is missing, has the wrong type, or its value is out of range or not one of the
    /// allowed words.
    InvalidInput,
    /// An object has a field the contract does not define (usually a typo).
    UnknownField,
    /// The region is not one of the engine's regions.
    UnknownRegion,
    /// A date is not a real calendar date written `YYYY-MM-DD`.
    InvalidDate,
    /// A policy pack failed validation; the error lists every diagnostic.
    InvalidPack,
    /// Two entries in one list share an `id`: rules, platforms, criteria or milestones of a
    /// pack, or a checker's input records (`orders[2].id`, `violations[3].id`).
    DuplicateId,
    /// A reference to an id that does not exist: a pack's rule, platform or category, or a
    /// checker input's record (`quizAttempts[0].violationId`).
    UnknownReference,
}

impl ErrorCode {
    /// The stable string form used in JS (`error.code`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::UnknownRegion => "unknown_region",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidPack => "invalid_pack",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::UnknownReference => "unknown_reference",
        }
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error, or one diagnostic of a pack validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    code: ErrorCode,
    path: String,
    message: String,
    #[serde(skip)]
    diagnostics: Vec<Error>,
}

/// Paths and messages quote what the caller sent (a key, an id, a region); a 10 MB key must not
/// come back as a 10 MB error. Past these lengths they are cut, with `…` at the end.
const MAX_PATH_BYTES: usize = 300;
const MAX_MESSAGE_BYTES: usize = 600;

fn bounded(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// The most problems an input error lists: enough for any form, bounded for a 100,000-row paste.
pub const MAX_INPUT_DIAGNOSTICS: usize = 50;

/// A validation finding; the same shape as an error.
pub type Diagnostic = Error;

impl Error {
    /// An error with a code, the path of the field at fault (empty for the whole input) and a
    /// message for people.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            code,
            path: bounded(path.into(), MAX_PATH_BYTES),
            message: bounded(message.into(), MAX_MESSAGE_BYTES),
            diagnostics: Vec::new(),
        }
    }

    /// An `invalid_pack` error carrying every diagnostic. Its own path and message are those of
    /// the first diagnostic, so a caller who reads only one still reads something useful.
    pub fn invalid_pack(diagnostics: Vec<Diagnostic>) -> Self {
        let (path, message) = match diagnostics.first() {
            Some(first) => (
                first.path.clone(),
                format!(
                    "invalid policy pack: {} ({} problem{})",
                    first.message,
                    diagnostics.len(),
                    if diagnostics.len() == 1 { "" } else { "s" }
                ),
            ),
            None => (String::new(), "invalid policy pack".to_owned()),
        };
        Error { code: ErrorCode::InvalidPack, path, message, diagnostics }
    }

    /// The first of several problems with a checker's argument, carrying them all (at most
    /// [`MAX_INPUT_DIAGNOSTICS`]), so a form can mark every field at fault at once.
    pub fn with_diagnostics(mut first: Error, all: Vec<Diagnostic>) -> Self {
        if all.len() > 1 {
            first.diagnostics = all;
            first.diagnostics.truncate(MAX_INPUT_DIAGNOSTICS);
        }
        first
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The path of the offending field, e.g. `orders[2].finalizedOn`; empty for the whole input.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The message for people.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For `invalid_pack`, every problem found; for a checker's argument with more than one
    /// problem, each of them (the first is the error itself); empty otherwise.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.message)
        } else {
            write!(f, "{} at {}: {}", self.code, self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_paths_and_messages_are_cut_at_a_character_boundary() {
        let key = "键".repeat(1_000_000);
        let error =
            Error::new(ErrorCode::UnknownField, key.clone(), format!("unknown field \"{key}\""));
        assert!(error.path().len() <= MAX_PATH_BYTES + '…'.len_utf8());
        assert!(error.message().len() <= MAX_MESSAGE_BYTES + '…'.len_utf8());
        assert!(
            error.message().starts_with("unknown field \"键键") && error.message().ends_with('…')
        );
        let short = Error::new(ErrorCode::InvalidInput, "age", "age must be a whole number");
        assert_eq!(short.message(), "age must be a whole number");
    }

    #[test]
    fn display_names_code_and_path() {
        let e = Error::new(ErrorCode::InvalidDate, "orders[2].finalizedOn", "no such day");
        assert_eq!(e.to_string(), "invalid_date at orders[2].finalizedOn: no such day");
    }

    #[test]
    fn invalid_pack_summarizes_the_first_diagnostic() {
        let e = Error::invalid_pack(vec![
            Error::new(ErrorCode::UnknownField, "links.colour", "unknown field \"colour\""),
            Error::new(ErrorCode::DuplicateId, "links.rules[3].id", "duplicate id"),
        ]);
        assert_eq!(e.code(), ErrorCode::InvalidPack);
        assert_eq!(e.path(), "links.colour");
        assert!(e.message().contains("2 problems"));
        assert_eq!(e.diagnostics().len(), 2);
    }
}
