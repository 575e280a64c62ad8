//! A fund's public statement as plain text, the way a compound's notice board shows it.

use std::fmt::Write;

use gridward::fund::Statement;

/// The statement as lines of text.
pub fn render(s: &Statement) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "   {} ({}) {} to {}", s.name, s.fund, s.from, s.to);
    let _ = writeln!(
        out,
        "   bank: {} at the start, {} at the end",
        s.opening_bank, s.closing_bank
    );
    let _ = writeln!(out, "   income:");
    for r in &s.income {
        let _ = writeln!(out, "     {:<12} {:>14}", r.source, r.amount);
    }
    let f = &s.fees;
    let rate = f
        .collection_rate
        .map_or("-".to_owned(), |r| format!("{r}%"));
    let _ = writeln!(
        out,
        "   fees: billed {} (rounding residue {} kept as its own line), collected {} of {} due: collection rate {rate}",
        f.billed, f.rounding_residue, f.collected, f.due
    );
    let _ = writeln!(out, "   spending against the approved budget:");
    let _ = writeln!(
        out,
        "     {:<10} {:>12} {:>12} {:>12}",
        "line", "budgeted", "spent", "remaining"
    );
    for r in &s.spending {
        let _ = writeln!(
            out,
            "     {:<10} {:>12} {:>12} {:>12}",
            r.line, r.budgeted, r.spent_to_date, r.remaining
        );
    }
    let _ = writeln!(
        out,
        "   remuneration {} (owed {}), dividends {}, surplus {}",
        s.remuneration, s.remuneration_owed, s.dividends, s.surplus
    );
    let _ = writeln!(out, "   arrears by building:");
    for a in &s.arrears_by_building {
        let _ = writeln!(
            out,
            "     {:<6} {:>3} homes {:>12}",
            a.name, a.households, a.amount
        );
    }
    let approved = s.vouchers.iter().filter(|v| v.supervisor_approved).count();
    let _ = writeln!(
        out,
        "   {} vouchers, {} approved by the supervisor first; e.g. {} {} {} to {}",
        s.vouchers.len(),
        approved,
        s.vouchers.first().map_or("", |v| v.reference.as_str()),
        s.vouchers.first().map_or("", |v| v.line.as_str()),
        s.vouchers
            .first()
            .map(|v| v.amount.to_string())
            .unwrap_or_default(),
        s.vouchers.first().map_or("", |v| v.payee.as_str()),
    );
    let _ = writeln!(
        out,
        "   journal head {} after {} entries",
        s.head, s.journal_entries
    );
    out
}
