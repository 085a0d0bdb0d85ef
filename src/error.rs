//! The one error type of the core.

use std::fmt;

/// Why a comparison could not be made.
///
/// The kind is private so new causes can be added without breaking callers;
/// [`Error::kind_name`] gives a stable machine-readable name and `Display` a
/// sentence a person understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    BadDate {
        side: Option<char>,
        value: String,
    },
    TooLarge {
        side: char,
        bytes: usize,
        limit: usize,
    },
    TooManyClaims {
        side: char,
        claims: usize,
        limit: usize,
    },
    BadOptions(String),
}

impl Error {
    pub(crate) fn bad_date(side: Option<char>, value: &str) -> Error {
        Error {
            kind: ErrorKind::BadDate {
                side,
                value: value.chars().take(40).collect(),
            },
        }
    }

    pub(crate) fn too_large(side: char, bytes: usize, limit: usize) -> Error {
        Error {
            kind: ErrorKind::TooLarge { side, bytes, limit },
        }
    }

    pub(crate) fn too_many_claims(side: char, claims: usize, limit: usize) -> Error {
        Error {
            kind: ErrorKind::TooManyClaims {
                side,
                claims,
                limit,
            },
        }
    }

    pub(crate) fn bad_options(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::BadOptions(message.into()),
        }
    }

    /// A stable, machine-readable name for the kind of error:
    /// `bad-date`, `too-large`, `too-many-claims` or `bad-options`.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::BadDate { .. } => "bad-date",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::TooManyClaims { .. } => "too-many-claims",
            ErrorKind::BadOptions(_) => "bad-options",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::BadDate { side, value } => {
                match side {
                    Some(side) => write!(f, "the date of account {} ", side.to_ascii_uppercase())?,
                    None => write!(f, "the date ")?,
                }
                write!(f, "{value:?} is not a calendar date in the form YYYY-MM-DD")
            }
            ErrorKind::TooLarge { side, bytes, limit } => write!(
                f,
                "account {} is {} KB, over the limit of {} KB; compare a shorter excerpt or raise `maxBytes` in the options",
                side.to_ascii_uppercase(),
                bytes.div_ceil(1024),
                limit / 1024
            ),
            ErrorKind::TooManyClaims {
                side,
                claims,
                limit,
            } => write!(
                f,
                "account {} yields {claims} claims, more than the {limit} one comparison may take; compare a shorter excerpt or raise `maxClaims` in the options",
                side.to_ascii_uppercase(),
            ),
            ErrorKind::BadOptions(message) => write!(f, "invalid options: {message}"),
        }
    }
}

impl std::error::Error for Error {}
