//! The broad kinds of errors, and the one macro that declares an error type's codes.
//!
//! This module is a leaf: it imports nothing from the crate, so every capability's error
//! can use it without depending on the crate's own [`Error`](crate::Error), which wraps
//! them all.

use serde::{Deserialize, Serialize};

/// The broad kind of an error; Python raises a subclass of `GridwardError` per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is malformed or breaks a rule.
    Invalid,
    /// Something named does not exist.
    NotFound,
    /// The input clashes with the current state (exists already, not empty, reused key).
    Conflict,
    /// The actor may not do this.
    PermissionDenied,
    /// A journal is broken, malformed or not the one expected.
    Journal,
    /// A fault of Gridward itself (a bug), not of the input: a face caught a panic at
    /// its boundary and reports it rather than crashing.
    Internal,
}

impl ErrorKind {
    /// The snake_case name used by the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::Journal => "journal",
            ErrorKind::Internal => "internal",
        }
    }
}

/// Adds `codes` to `all`, leaving out pairs `all` holds already (used by
/// [`error_codes!`]).
pub(crate) fn add_codes(
    all: &mut Vec<(&'static str, ErrorKind)>,
    codes: impl IntoIterator<Item = (&'static str, ErrorKind)>,
) {
    for pair in codes {
        if !all.contains(&pair) {
            all.push(pair);
        }
    }
}

/// Declares the stable code and the [`ErrorKind`] of every variant of an error enum, once,
/// and generates its `code()`, `kind()` and `codes()`.
///
/// Each variant appears exactly once, in one of these forms (the last comma is needed):
///
/// ```text
/// error_codes! {
///     TaskError {
///         KeyRequired => ("key_required", Invalid),              // a unit variant
///         UnknownRequest(..) => ("unknown_request", NotFound),   // a tuple variant
///         WrongStatus { .. } => ("wrong_status", Conflict),      // a struct variant
///         Calendar(inner) => delegate CalendarError,             // the inner error's code
///         ImportRow { source, .. } => delegate Self,             // the same type, boxed
///     }
/// }
/// ```
///
/// A delegating variant returns its inner error's code and kind, and `codes()` lists the
/// inner type's codes in its place; a variant delegating to its own type (an import row
/// wrapping the row's error) adds nothing, since its codes are the type's own. The
/// generated matches have no catch-all arm, so a variant left out does not compile.
///
/// A struct error with a single code is declared as `error_codes!(TextError => ("bad_text",
/// Invalid));`.
macro_rules! error_codes {
    ($ty:ident => ($code:literal, $kind:ident)) => {
        impl $ty {
            /// A stable snake_case code (for JavaScript's `Error.code` and Python's `.code`).
            pub fn code(&self) -> &'static str {
                $code
            }

            /// The broad kind of the error.
            pub fn kind(&self) -> $crate::error::kind::ErrorKind {
                $crate::error::kind::ErrorKind::$kind
            }

            /// Every code this error can have, with its kind.
            pub fn codes() -> ::std::vec::Vec<(&'static str, $crate::error::kind::ErrorKind)> {
                ::std::vec![($code, $crate::error::kind::ErrorKind::$kind)]
            }
        }
    };
    ($ty:ident { $($arms:tt)* }) => {
        $crate::error::kind::error_codes!(@arm $ty [] [] [] $($arms)*);
    };
    // All arms read: generate the functions.
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]) => {
        impl $ty {
            /// A stable snake_case code (for JavaScript's `Error.code` and Python's `.code`).
            pub fn code(&self) -> &'static str {
                match self {
                    $($code)*
                }
            }

            /// The broad kind of the error.
            pub fn kind(&self) -> $crate::error::kind::ErrorKind {
                match self {
                    $($kind)*
                }
            }

            /// Every code this error can have, with its kind: each pair once, in the order
            /// the variants are declared, an inner error's codes in the place of the variant
            /// that wraps it.
            pub fn codes() -> ::std::vec::Vec<(&'static str, $crate::error::kind::ErrorKind)> {
                let mut all = ::std::vec::Vec::new();
                $($crate::error::kind::add_codes(&mut all, $list);)*
                all
            }
        }
    };
    // `Variant(inner) => delegate Self,`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident ($b:ident) => delegate Self, $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v($b) => $b.code(),]
            [$($kind)* Self::$v($b) => $b.kind(),]
            [$($list)*]
            $($rest)*);
    };
    // `Variant(inner) => delegate Inner,`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident ($b:ident) => delegate $inner:ty, $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v($b) => $b.code(),]
            [$($kind)* Self::$v($b) => $b.kind(),]
            [$($list)* (<$inner>::codes())]
            $($rest)*);
    };
    // `Variant { field, .. } => delegate Self,`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident { $b:ident $(, ..)? } => delegate Self, $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v { $b, .. } => $b.code(),]
            [$($kind)* Self::$v { $b, .. } => $b.kind(),]
            [$($list)*]
            $($rest)*);
    };
    // `Variant { field, .. } => delegate Inner,`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident { $b:ident $(, ..)? } => delegate $inner:ty, $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v { $b, .. } => $b.code(),]
            [$($kind)* Self::$v { $b, .. } => $b.kind(),]
            [$($list)* (<$inner>::codes())]
            $($rest)*);
    };
    // `Variant => ("code", Kind),`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident => ($c:literal, $k:ident), $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v => $c,]
            [$($kind)* Self::$v => $crate::error::kind::ErrorKind::$k,]
            [$($list)* ([($c, $crate::error::kind::ErrorKind::$k)])]
            $($rest)*);
    };
    // `Variant(..) => ("code", Kind),`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident ($($field:tt)*) => ($c:literal, $k:ident), $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v(..) => $c,]
            [$($kind)* Self::$v(..) => $crate::error::kind::ErrorKind::$k,]
            [$($list)* ([($c, $crate::error::kind::ErrorKind::$k)])]
            $($rest)*);
    };
    // `Variant { .. } => ("code", Kind),`
    (@arm $ty:ident [$($code:tt)*] [$($kind:tt)*] [$($list:tt)*]
        $v:ident { $($field:tt)* } => ($c:literal, $k:ident), $($rest:tt)*) => {
        $crate::error::kind::error_codes!(@arm $ty
            [$($code)* Self::$v { .. } => $c,]
            [$($kind)* Self::$v { .. } => $crate::error::kind::ErrorKind::$k,]
            [$($list)* ([($c, $crate::error::kind::ErrorKind::$k)])]
            $($rest)*);
    };
}

pub(crate) use error_codes;
