//! Nothing here: the check is `tests/serde_float.rs`.
