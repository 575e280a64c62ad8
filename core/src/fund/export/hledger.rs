//! The ledger as an hledger journal.
//!
//! Gridward's account names (`assets:receivable:1_680b_-101`) and signs (debits
//! positive) are hledger's own, so names and amounts are written as they are. What needs
//! care is text: in a transaction's first line `;` starts a comment (whose `word:` parts
//! become tags) and `|` splits payee from note; in a comment `,` ends a tag's value and
//! `:` makes a tag.

use std::fmt::Write;

use crate::fund::ledger::{AccountKind, Ledger};

/// The ledger as an hledger journal (hledger 1.25 or later reads it).
///
/// - a `commodity` directive that shows `commodity` with two decimals;
/// - one `account` directive per account, in the order opened, with its type tag
///   (`type: A`, `L`, `E`, `R` for income, `X` for expenses) and its description as a
///   comment line;
/// - each transaction as `2026-01-31 (code) description` with the id as the code (see
///   [`hledger_code`]) and one posting per line, `    account  -288.00 CNY`; a reversal
///   carries the tag `reverses:` with the code of the transaction it reverses.
///
/// Descriptions keep their text except two characters hledger reads as syntax there:
/// `;` becomes `；` and `|` becomes `｜` (their full-width forms). In account descriptions,
/// which are comments, `:` becomes `：` as well, so that no text turns into a tag.
///
/// A commodity of ASCII letters is written bare (`CNY`); any other is quoted (`"元"`),
/// without the characters a quoted symbol may not hold (`"`, `;`, control characters).
pub fn to_hledger(ledger: &Ledger, commodity: &str) -> String {
    let commodity = commodity_symbol(commodity);
    let suffix = if commodity.is_empty() {
        String::new()
    } else {
        format!(" {commodity}")
    };
    let mut out = String::new();
    out.push_str("; Exported by Gridward: a ledger of exact amounts at the fen.\n");
    let _ = writeln!(out, "commodity 1000.00{suffix}");
    out.push('\n');
    for account in ledger.accounts() {
        let tag = match account.kind() {
            Ok(AccountKind::Assets) => "A",
            Ok(AccountKind::Liabilities) => "L",
            Ok(AccountKind::Equity) => "E",
            Ok(AccountKind::Income) => "R",
            Ok(AccountKind::Expenses) => "X",
            // A ledger opens no account without a kind; hledger infers one from the name.
            Err(_) => {
                let _ = writeln!(out, "account {}", account.name);
                continue;
            }
        };
        let _ = writeln!(out, "account {}  ; type: {tag}", account.name);
        let description = text(&account.description, true);
        if !description.is_empty() {
            let _ = writeln!(out, "  ; {description}");
        }
    }
    for tx in ledger.transactions() {
        out.push('\n');
        let _ = write!(out, "{} ({})", tx.date, hledger_code(&tx.id));
        let description = text(&tx.description, false);
        if !description.is_empty() {
            let _ = write!(out, " {description}");
        }
        if let Some(original) = &tx.reverses {
            let _ = write!(out, "  ; reverses: {}", hledger_code(original));
        }
        out.push('\n');
        for p in &tx.postings {
            let _ = writeln!(out, "    {}  {}{suffix}", p.account, p.amount);
        }
    }
    out
}

/// The transaction code hledger shows for a transaction id: the id itself when it holds
/// only letters, digits and `-_./@+` (as most ids do: `fee-2026-01-101`), otherwise the
/// id with every other character written as `%` and its UTF-8 bytes in hex
/// (`fee (1)` → `fee%20%281%29`). The mapping is one to one, and its output never holds
/// `)`, `,`, `;` or spaces, so it is safe both as a code and as a tag's value.
pub fn hledger_code(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_alphanumeric() || "-_./@+".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// A description made safe for hledger's transaction line (or, with `comment`, for a
/// comment line).
fn text(s: &str, comment: bool) -> String {
    s.chars()
        .map(|c| match c {
            ';' => '；',
            '|' => '｜',
            ':' if comment => '：',
            // The ledger refuses control characters; a stray one would end the line.
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn commodity_symbol(commodity: &str) -> String {
    if commodity.bytes().all(|b| b.is_ascii_alphabetic()) {
        return commodity.to_owned();
    }
    let inner: String = commodity
        .chars()
        .filter(|&c| c != '"' && c != ';' && !c.is_control())
        .collect();
    if inner.is_empty() {
        String::new()
    } else {
        format!("\"{inner}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fund::export::tests::tiny;

    #[test]
    fn a_tiny_ledger_exports_exactly() {
        let expected = "\
; Exported by Gridward: a ledger of exact amounts at the fen.
commodity 1000.00 CNY

account assets:bank  ; type: A
  ; the fund's bank： main
account assets:receivable:1_680b_-101  ; type: A
account liabilities:payable  ; type: L
account equity:fund  ; type: E
account income:fees  ; type: R
account expenses:cleaning  ; type: X

2026-01-05 (fee%201) January fee； 1栋 ｜ 101
    assets:receivable:1_680b_-101  288.00 CNY
    income:fees  -288.00 CNY

2026-01-06 (fee-1-rev) wrong \"unit\"  ; reverses: fee%201
    assets:receivable:1_680b_-101  -288.00 CNY
    income:fees  288.00 CNY

2026-01-31 (clean-1)
    expenses:cleaning  1200.50 CNY
    assets:bank  1000.00 CNY
    liabilities:payable  -2200.50 CNY
";
        assert_eq!(to_hledger(&tiny(), "CNY"), expected);
    }

    #[test]
    fn commodities_that_are_not_plain_letters_are_quoted() {
        assert_eq!(commodity_symbol("CNY"), "CNY");
        assert_eq!(commodity_symbol("元"), "\"元\"");
        assert_eq!(commodity_symbol("a\"b;1"), "\"ab1\"");
        assert_eq!(commodity_symbol(""), "");
        let journal = to_hledger(&Ledger::new(), "");
        assert!(journal.contains("commodity 1000.00\n"), "{journal}");
    }

    #[test]
    fn codes_are_one_to_one_and_safe() {
        let ids = [
            "a b", "a%20b", "a)b", "a,b", "费-1", "x;y", "a_b", "a.b", "a:b",
        ];
        let codes: Vec<String> = ids.iter().map(|i| hledger_code(i)).collect();
        for c in &codes {
            assert!(!c.contains([')', ',', ';', ' ', '(']), "{c}");
        }
        let mut unique = codes.clone();
        crate::order::sort(&mut unique);
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        assert_eq!(hledger_code("费-1"), "费-1");
        assert_eq!(hledger_code("a%20b"), "a%2520b");
    }
}
