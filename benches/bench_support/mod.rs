//! What the bench programs share: timing a piece of work several times and
//! saying the spread in milliseconds.
#![allow(dead_code)] // Each bench uses a different part of this support.

use std::time::Instant;

/// How long `f` takes, `runs` times, in milliseconds.
pub fn timed(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

/// Median, 95th percentile, min and max of times in milliseconds.
pub fn summary(mut values: Vec<f64>) -> String {
    values.sort_by(|a, b| a.total_cmp(b));
    if values.is_empty() {
        return "no runs".to_owned();
    }
    let at = |p: f64| values[((p / 100.0) * (values.len() - 1) as f64).round() as usize];
    format!(
        "median {:.1} ms, p95 {:.1} ms, min {:.1} ms, max {:.1} ms",
        at(50.0),
        at(95.0),
        at(0.0),
        at(100.0)
    )
}
