//! Benchmarks of the fund capability on one core.
//!
//! `cargo bench --bench fund` measures:
//! - posting 1,000,000 transactions into a compound's ledger with every check (ids,
//!   accounts, balance to the fen, dates in order, the bank never negative);
//! - the same transactions through a ward as `post` commands of 1,000 transactions each,
//!   with the journal, its hash chain and the fund's records;
//! - every account's balance over 1,000,000 transactions, summed from scratch;
//! - a month of fees billed to 606 homes by area.
//!
//! `examples/ledger_cold.rs` compares loading a ledger cold with hledger, ledger and Beancount.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use gridward::fund::ledger::{Ledger, Transaction};
use gridward::fund::FundCommand;
use gridward::{Actor, Context, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::compound::{self, Shape};
use gridward_scenarios::ledger_load::{accounts, ledger_ward, transactions};
use gridward_scenarios::parity::run_steps;

const MILLION: usize = 1_000_000;
const BATCH: usize = 1_000;

fn empty_ledger() -> Ledger {
    let mut ledger = Ledger::new();
    for a in accounts() {
        ledger.open(a).expect("the workload's accounts open");
    }
    ledger
}

/// A ward with one fund whose ledger holds the workload's accounts.
fn ward_with_accounts() -> Ward {
    ledger_ward().expect("the compound's units, fund and accounts open")
}

fn benches(c: &mut Criterion) {
    let txs = transactions(MILLION, 2026);
    let mut group = c.benchmark_group("fund");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));

    group.bench_function("post_1m_transactions_ledger", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut ledger = empty_ledger();
                let batch = txs.clone();
                let start = Instant::now();
                for tx in batch {
                    ledger.post(tx).expect("every workload transaction posts");
                }
                total += start.elapsed();
                black_box(&ledger);
            }
            total
        })
    });

    // Through the ward: generic posting may not touch expense lines, so the ward gets
    // the workload's other transactions (fees, payments, income, remuneration payable
    // is an expense too, so it is left out), 1,000 per command.
    let ward_txs: Vec<Transaction> = txs
        .iter()
        .filter(|t| {
            t.postings
                .iter()
                .all(|p| !p.account.starts_with("expenses:"))
        })
        .cloned()
        .collect();
    let base = ward_with_accounts();
    group.bench_function("post_1m_transactions_ward_batches_of_1000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut ward = base.clone();
                let ctx = Context::new(Actor::System, at("2030-01-01T08:00:00+08:00"));
                let chunks: Vec<Vec<Transaction>> = ward_txs
                    .chunks(BATCH)
                    .map(<[Transaction]>::to_vec)
                    .collect();
                let start = Instant::now();
                for chunk in chunks {
                    let cmd = FundCommand::Post {
                        fund: "f".into(),
                        transactions: chunk,
                    };
                    ward.execute(&ctx, cmd).expect("every batch posts");
                }
                total += start.elapsed();
                black_box(&ward);
            }
            total
        })
    });

    let mut full = empty_ledger();
    for tx in txs.iter().cloned() {
        full.post(tx).expect("posts");
    }
    let last = full.last_date();
    group.bench_function("balances_over_1m_transactions", |b| {
        b.iter(|| black_box(full.balances_at(last)))
    });
    group.finish();

    let mut small = c.benchmark_group("fund_compound");
    small.sample_size(20);
    let steps = compound::year(Shape::JCMD);
    let until_bills = steps
        .iter()
        .position(|s| {
            s.expect_error.is_none()
                && matches!(
                    &s.command,
                    gridward::Command::Fund(FundCommand::BillFees { .. })
                )
        })
        .expect("the year bills fees");
    let mut before = Ward::new(WardConfig::default());
    run_steps(&mut before, &steps[..until_bills]).expect("the year's start runs");
    small.bench_function("bill_a_month_to_606_homes", |b| {
        b.iter_batched(
            || before.clone(),
            |mut ward| {
                run_steps(&mut ward, &steps[until_bills..=until_bills]).expect("bills");
                ward
            },
            criterion::BatchSize::LargeInput,
        )
    });
    small.finish();
}

criterion_group!(fund, benches);
criterion_main!(fund);
