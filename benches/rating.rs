//! Benchmark of the community rating tree.
//!
//! `cargo bench --bench rating` measures evaluating 3,000 generated communities on the
//! sample "four types" scheme (48 items, 133 indicators; target, min–max and flag
//! indicators, vetoes): validation, min–max bounds, scores, grades, ranks and the
//! explanation of every lost point. The communities are checked and scored on every core
//! the process may use; `taskset -c 0 cargo bench --bench rating` measures one. Each
//! iteration also drops its results, as a caller would in the end.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use gridward::scoring::tree::{evaluate, Tree};
use gridward_scenarios::rating::communities;

const TREE: &str = include_str!("../tests/fixtures/rating/four_types_tree.json");
const COMMUNITIES: usize = 3_000;

fn benches(c: &mut Criterion) {
    let tree = Tree::from_json(TREE).expect("the sample tree is valid");
    let data = communities(&tree, COMMUNITIES, 2026);
    let mut group = c.benchmark_group("rating");
    group.sample_size(20);
    group.bench_function("evaluate_3000_communities_133_indicators", |b| {
        b.iter(|| evaluate(black_box(&tree), black_box(&data)).expect("the data fits"))
    });
    group.finish();
}

criterion_group!(rating, benches);
criterion_main!(rating);
