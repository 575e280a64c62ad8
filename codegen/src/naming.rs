//! Names on the faces: the short table of names that differ from the core's, and the
//! words a language keeps for itself.

/// Operations named differently on the faces than in the core, as (capability,
/// the core's name, the faces' name): a word the language keeps, or a name that would
/// read wrongly without its capability.
pub const OVERRIDES: &[(&str, &str, &str)] = &[
    ("grid", "import", "import_rows"),
    ("tasks", "import", "import_requests"),
    ("tasks", "return", "return_request"),
];

/// An operation's name on the faces.
pub fn op_name(capability: &str, name: &str) -> String {
    OVERRIDES
        .iter()
        .find(|(c, n, _)| *c == capability && *n == name)
        .map_or_else(|| name.to_owned(), |(_, _, face)| (*face).to_owned())
}

/// Fields whose Python parameter takes another name, as (capability, operation, field,
/// parameter): a command's field that would clash with the context parameters `actor`,
/// `at` and `key`.
pub const PYTHON_FIELDS: &[(&str, &str, &str, &str)] =
    &[("fund", "propose_dividend", "key", "sharing_key")];

/// A command field's Python parameter name, by the table above, else [`py_param`].
pub fn py_field(capability: &str, op: &str, field: &str) -> String {
    PYTHON_FIELDS
        .iter()
        .find(|(c, o, f, _)| *c == capability && *o == op && *f == field)
        .map_or_else(|| py_param(field), |(_, _, _, p)| (*p).to_owned())
}

const PYTHON_KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// A field's name as a Python parameter: a keyword gets a trailing underscore (PEP 8).
pub fn py_param(name: &str) -> String {
    if PYTHON_KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_owned()
    }
}

/// Whether a name can be a Python identifier as it is.
pub fn py_identifier(name: &str) -> bool {
    !PYTHON_KEYWORDS.contains(&name)
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
}
