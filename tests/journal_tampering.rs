//! Property: any change to the content of an exported journal — an entry altered,
//! dropped, reordered or inserted — is caught by `verify` (or by comparing with the
//! published head), and importing it never panics; garbage is an error.

mod common;

use gridward::{Journal, Ward, WardConfig};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Tamper {
    Alter { line: usize, at: usize, with: char },
    Drop { line: usize },
    Swap { a: usize, b: usize },
    Insert { from: usize, to: usize },
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop_oneof![
        (
            any::<usize>(),
            any::<usize>(),
            proptest::char::range('!', '~')
        )
            .prop_map(|(line, at, with)| Tamper::Alter { line, at, with }),
        any::<usize>().prop_map(|line| Tamper::Drop { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Tamper::Swap { a, b }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Tamper::Insert { from, to }),
    ]
}

fn apply(lines: &mut Vec<String>, t: &Tamper) -> bool {
    let n = lines.len();
    match *t {
        Tamper::Alter { line, at, with } => {
            let line = line % n;
            let chars: Vec<char> = lines[line].chars().collect();
            let at = at % chars.len();
            if chars[at] == with {
                return false;
            }
            let mut changed = chars;
            changed[at] = with;
            lines[line] = changed.into_iter().collect();
        }
        Tamper::Drop { line } => {
            lines.remove(line % n);
        }
        Tamper::Swap { a, b } => {
            let (a, b) = (a % n, b % n);
            if a == b {
                return false;
            }
            lines.swap(a, b);
        }
        Tamper::Insert { from, to } => {
            let copy = lines[from % n].clone();
            lines.insert(to % (n + 1), copy);
        }
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(400) })]

    #[test]
    fn tampering_is_always_found(steps in proptest::collection::vec(common::step(), 5..40), t in tamper()) {
        let ward = common::run(&steps);
                let published = ward.head();
        let mut lines: Vec<String> = ward.to_jsonl().lines().map(str::to_owned).collect();
        prop_assume!(apply(&mut lines, &t));
        let text = lines.join("\n");

        let report = Journal::verify_jsonl(&text);
        prop_assert!(!report.intact || report.head != published, "{:?} went unnoticed", t);
        match Ward::from_jsonl(WardConfig::default(), &text) {
            Err(_) => {}
            Ok(w) => prop_assert_ne!(w.head(), published),
        }
    }

    #[test]
    fn garbage_never_imports(text in ".{0,400}") {
        let result = Journal::from_jsonl(&text);
        prop_assert!(result.is_err() || text.trim().is_empty() || result.as_ref().is_ok_and(|j| j.is_empty()));
        let _ = Ward::from_jsonl(WardConfig::default(), &text);
    }

    #[test]
    fn json_shaped_garbage_never_imports(seq in 0u64..4, body in "\\{[a-z\":,0-9\\[\\]{}]{0,80}\\}") {
        let line = format!("{{\"seq\":{seq},\"prev\":\"{}\",\"hash\":\"{}\",\"body\":{body}}}", "0".repeat(64), "1".repeat(64));
        prop_assert!(Journal::from_jsonl(&line).is_err());
    }
}
