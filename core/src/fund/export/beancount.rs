//! The ledger as a Beancount file.
//!
//! Beancount names accounts `Assets:Bank`: the first component is one of the five kinds,
//! capitalised, and each component starts with an uppercase letter or a digit and holds
//! letters, digits and `-`. Gridward's segments are `[a-z0-9_][a-z0-9_-]*`, so each is
//! mapped, one to one, by these rules:
//!
//! - the first character: a letter is capitalised (`bank` → `Bank`), a digit stays, and
//!   `_` becomes `0X`;
//! - every later character: `_` becomes `U`; letters, digits and `-` stay.
//!
//! So `assets:receivable:1_680b_-101` is `Assets:Receivable:1U680bU-101` and
//! `assets:receivable:_41_-2` is `Assets:Receivable:0X41U-2`. The mapping is one to one
//! because it can be undone ([`account_from_beancount`]): after the first character an
//! uppercase letter only ever stands for `_`, and a digit followed by `X` only ever for a
//! leading `_` (a later `_` is `U`, and no other uppercase letter is written).

use std::fmt::Write;

use chrono::NaiveDate;
use hashbrown::HashMap;

use super::ExportError;
use crate::fund::ledger::{kind_of, Ledger};

/// The ledger as a Beancount (v2 or v3) file that `bean-check` accepts.
///
/// - `option "operating_currency"` set to `currency`;
/// - one `open` directive per account, limited to `currency`, dated on the day of the
///   account's first transaction (or of the ledger's first transaction, for an account
///   not used yet; 1970-01-01 in an empty ledger), with the account's description as
///   `description` metadata; names mapped as the [module](self) describes;
/// - each transaction as `2026-01-31 * "description"`, with metadata `id` (the
///   transaction's id) and, for a reversal, `reverses` (the id it reverses), then its
///   postings. Ids are metadata strings rather than links (`^id`), because links only
///   hold ASCII letters, digits and `-_/.`, and ids may hold anything printable.
///
/// Strings escape `\` and `"` with a backslash.
///
/// Errors: [`ExportError::Currency`] if `currency` is not a Beancount currency (an
/// uppercase letter, then up to 22 of `A-Z0-9'._-`, then an uppercase letter or a digit);
/// [`ExportError::AccountName`] if an account's name cannot be mapped (never for a name
/// the ledger accepted).
pub fn to_beancount(ledger: &Ledger, currency: &str) -> Result<String, ExportError> {
    check_currency(currency)?;
    let transactions: Vec<_> = ledger.transactions().collect();
    let mut first_use: HashMap<&str, NaiveDate> = HashMap::new();
    for tx in &transactions {
        for p in &tx.postings {
            first_use.entry(p.account.as_str()).or_insert(tx.date);
        }
    }
    let ledger_start = transactions
        .first()
        .map(|t| t.date)
        .or(NaiveDate::from_ymd_opt(1970, 1, 1))
        .unwrap_or_default();
    let mut names: HashMap<&str, String> = HashMap::new();
    let mut out = String::new();
    out.push_str("; Exported by Gridward: a ledger of exact amounts at the fen.\n");
    let _ = writeln!(out, "option \"operating_currency\" \"{currency}\"");
    out.push('\n');
    for account in ledger.accounts() {
        let name = account_to_beancount(&account.name)?;
        let opened = first_use
            .get(account.name.as_str())
            .copied()
            .unwrap_or(ledger_start);
        let _ = writeln!(out, "{opened} open {name} {currency}");
        if !account.description.is_empty() {
            let _ = writeln!(out, "  description: {}", quoted(&account.description));
        }
        names.insert(account.name.as_str(), name);
    }
    for tx in &transactions {
        out.push('\n');
        let _ = writeln!(out, "{} * {}", tx.date, quoted(&tx.description));
        let _ = writeln!(out, "  id: {}", quoted(&tx.id));
        if let Some(original) = &tx.reverses {
            let _ = writeln!(out, "  reverses: {}", quoted(original));
        }
        for p in &tx.postings {
            let name = match names.get(p.account.as_str()) {
                Some(name) => name.clone(),
                None => account_to_beancount(&p.account)?,
            };
            let _ = writeln!(out, "  {name}  {} {currency}", p.amount);
        }
    }
    Ok(out)
}

/// The Beancount name of a Gridward account name (`assets:receivable:1_680b_-101` →
/// `Assets:Receivable:1U680bU-101`), by the rules in the [module](self) docs.
///
/// Errors: [`ExportError::AccountName`] if `name` is not a valid Gridward account name.
pub fn account_to_beancount(name: &str) -> Result<String, ExportError> {
    kind_of(name).map_err(|_| ExportError::AccountName {
        name: name.to_owned(),
        why: "it is not a Gridward account name (kind:segment:…, lowercase)",
    })?;
    let mut out = String::with_capacity(name.len() + 4);
    for (i, segment) in name.split(':').enumerate() {
        if i > 0 {
            out.push(':');
        }
        for (j, c) in segment.chars().enumerate() {
            match (j, c) {
                (0, '_') => out.push_str("0X"),
                (0, c) => out.push(c.to_ascii_uppercase()),
                (_, '_') => out.push('U'),
                (_, c) => out.push(c),
            }
        }
    }
    Ok(out)
}

/// The Gridward account name of a Beancount name made by [`account_to_beancount`]: its
/// inverse (`Assets:Receivable:0X41U-2` → `assets:receivable:_41_-2`).
///
/// Errors: [`ExportError::AccountName`] if `name` is not the image of a Gridward name.
pub fn account_from_beancount(name: &str) -> Result<String, ExportError> {
    let bad = |why| ExportError::AccountName {
        name: name.to_owned(),
        why,
    };
    let mut out = String::with_capacity(name.len());
    for (i, component) in name.split(':').enumerate() {
        if i > 0 {
            out.push(':');
        }
        let rest = if let Some(rest) = component.strip_prefix("0X") {
            out.push('_');
            rest
        } else {
            let mut chars = component.chars();
            match chars.next() {
                Some(c) if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
                Some(c) if c.is_ascii_digit() => out.push(c),
                _ => return Err(bad("a component must start with A-Z, a digit or 0X")),
            }
            chars.as_str()
        };
        for c in rest.chars() {
            match c {
                'U' => out.push('_'),
                'a'..='z' | '0'..='9' | '-' => out.push(c),
                _ => {
                    return Err(bad(
                        "after its first character a component holds only a-z, 0-9, '-' and 'U'",
                    ))
                }
            }
        }
    }
    kind_of(&out).map_err(|_| bad("it does not map back to a Gridward account name"))?;
    Ok(out)
}

fn check_currency(currency: &str) -> Result<(), ExportError> {
    let bad = |why| ExportError::Currency {
        currency: currency.to_owned(),
        why,
    };
    let bytes = currency.as_bytes();
    if !(2..=24).contains(&bytes.len()) {
        return Err(bad("it must be 2 to 24 characters long"));
    }
    let last = bytes.len() - 1;
    let fits = bytes.iter().enumerate().all(|(i, &b)| match i {
        0 => b.is_ascii_uppercase(),
        i if i == last => b.is_ascii_uppercase() || b.is_ascii_digit(),
        _ => b.is_ascii_uppercase() || b.is_ascii_digit() || b"'._-".contains(&b),
    });
    if fits {
        Ok(())
    } else {
        Err(bad(
            "it must start with A-Z, end with A-Z or a digit, and hold only A-Z, digits and '._-",
        ))
    }
}

/// A Beancount string literal.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // The ledger refuses control characters; keep the file one entry per line.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::fund::export::tests::tiny;
    use crate::fund::ledger::segment_for;

    #[test]
    fn a_tiny_ledger_exports_exactly() {
        let expected = "\
; Exported by Gridward: a ledger of exact amounts at the fen.
option \"operating_currency\" \"CNY\"

2026-01-31 open Assets:Bank CNY
  description: \"the fund's bank: main\"
2026-01-05 open Assets:Receivable:1U680bU-101 CNY
2026-01-31 open Liabilities:Payable CNY
2026-01-05 open Equity:Fund CNY
2026-01-05 open Income:Fees CNY
2026-01-31 open Expenses:Cleaning CNY

2026-01-05 * \"January fee; 1栋 | 101\"
  id: \"fee 1\"
  Assets:Receivable:1U680bU-101  288.00 CNY
  Income:Fees  -288.00 CNY

2026-01-06 * \"wrong \\\"unit\\\"\"
  id: \"fee-1-rev\"
  reverses: \"fee 1\"
  Assets:Receivable:1U680bU-101  -288.00 CNY
  Income:Fees  288.00 CNY

2026-01-31 * \"\"
  id: \"clean-1\"
  Expenses:Cleaning  1200.50 CNY
  Assets:Bank  1000.00 CNY
  Liabilities:Payable  -2200.50 CNY
";
        assert_eq!(to_beancount(&tiny(), "CNY"), Ok(expected.to_owned()));
    }

    #[test]
    fn an_empty_ledger_opens_its_accounts_in_1970() {
        let mut l = Ledger::new();
        l.open(crate::fund::ledger::Account::new("assets:bank", ""))
            .unwrap();
        let out = to_beancount(&l, "CNY").unwrap();
        assert!(
            out.ends_with("\n1970-01-01 open Assets:Bank CNY\n"),
            "{out}"
        );
    }

    #[test]
    fn names_map_as_documented() {
        let cases = [
            ("assets:bank", "Assets:Bank"),
            (
                "assets:receivable:1_680b_-101",
                "Assets:Receivable:1U680bU-101",
            ),
            ("assets:receivable:_41_-2", "Assets:Receivable:0X41U-2"),
            ("assets:receivable:x_5f_y", "Assets:Receivable:XU5fUy"),
            ("expenses:_", "Expenses:0X"),
            ("income:2026-q1", "Income:2026-q1"),
        ];
        for (gridward, beancount) in cases {
            assert_eq!(account_to_beancount(gridward).as_deref(), Ok(beancount));
            assert_eq!(account_from_beancount(beancount).as_deref(), Ok(gridward));
        }
    }

    #[test]
    fn names_that_are_not_gridward_names_are_typed_errors() {
        for bad in [
            "Assets:Bank",
            "bank",
            "assets",
            "assets:a b",
            "assets:-x",
            "",
        ] {
            let err = account_to_beancount(bad).unwrap_err();
            assert_eq!(err.code(), "bad_export_account_name", "{bad}");
        }
        for bad in [
            "assets:bank",
            "Assets:BANK",
            "Assets:XyZ",
            "Cash:Bank",
            "Assets:",
            "Assets:a",
        ] {
            assert!(account_from_beancount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn currencies_are_checked() {
        for good in ["CNY", "RMB", "C2", "A'B.C_D-E"] {
            assert_eq!(check_currency(good), Ok(()), "{good}");
        }
        for bad in ["cny", "C", "元", "CNY-", "1CN", "A23456789012345678901234X"] {
            let err = to_beancount(&tiny(), bad).unwrap_err();
            assert_eq!(err.code(), "bad_export_currency", "{bad}");
        }
    }

    /// A Beancount component: an uppercase letter or digit, then letters, digits, `-`.
    fn is_beancount_component(c: &str) -> bool {
        let mut chars = c.chars();
        chars
            .next()
            .is_some_and(|f| f.is_ascii_uppercase() || f.is_ascii_digit())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
    }

    fn gridward_name() -> impl Strategy<Value = String> {
        let kind = prop_oneof![
            Just("assets"),
            Just("liabilities"),
            Just("equity"),
            Just("income"),
            Just("expenses")
        ];
        let segment = "[a-z0-9_][a-z0-9_-]{0,8}";
        let id_segment = any::<String>()
            .prop_filter("ids are not empty", |s| !s.is_empty())
            .prop_map(|s| segment_for(&s));
        let seg = prop_oneof![segment.prop_map(String::from), id_segment];
        (kind, prop::collection::vec(seg, 1..4))
            .prop_map(|(k, segs)| format!("{k}:{}", segs.join(":")))
            .prop_filter("names are at most 200 characters", |n| n.len() <= 200)
    }

    proptest! {
        #[test]
        fn the_mapping_is_valid_and_undone(name in gridward_name()) {
            let mapped = account_to_beancount(&name).unwrap();
            let mut components = mapped.split(':');
            let top = components.next().unwrap();
            prop_assert!(["Assets", "Liabilities", "Equity", "Income", "Expenses"].contains(&top));
            for c in components {
                prop_assert!(is_beancount_component(c), "{mapped}");
            }
            prop_assert_eq!(account_from_beancount(&mapped), Ok(name));
        }

        #[test]
        fn the_mapping_is_injective(a in gridward_name(), b in gridward_name()) {
            let (ma, mb) = (account_to_beancount(&a).unwrap(), account_to_beancount(&b).unwrap());
            prop_assert_eq!(a == b, ma == mb, "{} and {} map to {} and {}", a, b, ma, mb);
        }

        #[test]
        fn similar_names_stay_apart(s in "[a-z0-9_][a-z0-9_-]{0,6}", t in "[a-z0-9_][a-z0-9_-]{0,6}") {
            // Short segments from a small alphabet collide often if the mapping is lossy.
            let (a, b) = (format!("assets:{s}"), format!("assets:{t}"));
            let (ma, mb) = (account_to_beancount(&a).unwrap(), account_to_beancount(&b).unwrap());
            prop_assert_eq!(s == t, ma == mb);
        }
    }
}
