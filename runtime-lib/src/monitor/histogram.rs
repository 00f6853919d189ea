//! A latency histogram with fixed buckets: one atomic counter per bucket, so recording is a
//! few relaxed atomic adds and never a lock, and its memory never grows.
//!
//! The bucket bounds are Prometheus's customary request-duration bounds, extended below a
//! millisecond because compiled handlers often answer in tens of microseconds:
//!
//! ```text
//! record(0.7 ms) ─▶ bucket "le 1 ms" += 1, sum += 700 µs, count += 1
//! quantile(0.5)  ─▶ the bucket holding the median, interpolated linearly inside it
//!                   (what PromQL's `histogram_quantile` does with the same counts)
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the buckets in microseconds; a last, unbounded bucket (`+Inf`) follows.
pub(crate) const BOUNDS_US: [u64; 15] = [
    100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
    1_000_000, 2_500_000, 10_000_000,
];

/// Counts of durations per bucket, their sum and count.
#[derive(Debug, Default)]
pub(crate) struct Histogram {
    /// Per bucket (not cumulative); the last is `+Inf`.
    buckets: [AtomicU64; BOUNDS_US.len() + 1],
    sum_us: AtomicU64,
}

/// A consistent-enough copy of a histogram's counters, for reading and merging.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Snapshot {
    /// Per bucket (not cumulative); the last is `+Inf`.
    pub(crate) buckets: [u64; BOUNDS_US.len() + 1],
    pub(crate) sum_us: u64,
}

impl Histogram {
    /// Counts one duration.
    pub(crate) fn record(&self, duration: Duration) {
        let micros = u64::try_from(duration.as_micros()).unwrap_or(u64::MAX);
        let index = BOUNDS_US.partition_point(|&bound| bound < micros);
        self.buckets[index].fetch_add(1, Ordering::Relaxed);
        self.sum_us.fetch_add(micros, Ordering::Relaxed);
    }

    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot {
            buckets: std::array::from_fn(|i| self.buckets[i].load(Ordering::Relaxed)),
            sum_us: self.sum_us.load(Ordering::Relaxed),
        }
    }
}

impl Snapshot {
    /// How many durations were counted.
    pub(crate) fn count(&self) -> u64 {
        self.buckets.iter().sum()
    }

    /// Adds `other`'s counts to these.
    pub(crate) fn merge(&mut self, other: &Snapshot) {
        for (mine, theirs) in self.buckets.iter_mut().zip(other.buckets) {
            *mine += theirs;
        }
        self.sum_us += other.sum_us;
    }

    /// The `q`-quantile (0 < q ≤ 1) in milliseconds, interpolated linearly inside its bucket
    /// as `histogram_quantile` does; `None` without data. A quantile in the `+Inf` bucket is
    /// reported as the largest finite bound (all that is known is that it is above it).
    pub(crate) fn quantile_ms(&self, q: f64) -> Option<f64> {
        let count = self.count();
        if count == 0 {
            return None;
        }
        let rank = q * count as f64;
        let mut below = 0u64;
        for (index, &in_bucket) in self.buckets.iter().enumerate() {
            if in_bucket > 0 && (below + in_bucket) as f64 >= rank {
                let Some(&upper) = BOUNDS_US.get(index) else {
                    return Some(BOUNDS_US[BOUNDS_US.len() - 1] as f64 / 1_000.0);
                };
                let lower = if index == 0 { 0 } else { BOUNDS_US[index - 1] };
                let into = ((rank - below as f64) / in_bucket as f64).clamp(0.0, 1.0);
                let micros = lower as f64 + (upper - lower) as f64 * into;
                return Some(micros / 1_000.0);
            }
            below += in_bucket;
        }
        None
    }

    /// The mean duration in milliseconds, `None` without data.
    pub(crate) fn mean_ms(&self) -> Option<f64> {
        let count = self.count();
        (count > 0).then(|| self.sum_us as f64 / count as f64 / 1_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn histogram_of(micros: &[u64]) -> Snapshot {
        let histogram = Histogram::default();
        for &us in micros {
            histogram.record(Duration::from_micros(us));
        }
        histogram.snapshot()
    }

    #[test]
    fn a_duration_lands_in_the_first_bucket_whose_bound_holds_it() {
        let snapshot = histogram_of(&[0, 100, 101, 1_000, 20_000_000]);
        assert_eq!(
            snapshot.buckets[0], 2,
            "0 µs and exactly 100 µs are `le 100 µs`"
        );
        assert_eq!(snapshot.buckets[1], 1, "101 µs is in `le 250 µs`");
        assert_eq!(snapshot.buckets[3], 1, "1 ms is `le 1 ms`");
        assert_eq!(snapshot.buckets[BOUNDS_US.len()], 1, "20 s is `+Inf`");
        assert_eq!(snapshot.count(), 5);
        assert_eq!(snapshot.sum_us, 20_001_201);
    }

    #[test]
    fn quantiles_interpolate_inside_the_bucket_as_histogram_quantile_does() {
        // 90 requests of 2 ms (bucket 1–2.5 ms) and 10 of 40 ms (bucket 25–50 ms).
        let mut micros = vec![2_000; 90];
        micros.extend([40_000; 10]);
        let snapshot = histogram_of(&micros);
        // rank 50 of 90 in (1, 2.5] ms: 1 + 1.5 × 50/90.
        let p50 = snapshot.quantile_ms(0.5).unwrap();
        assert!((p50 - (1.0 + 1.5 * 50.0 / 90.0)).abs() < 1e-9, "{p50}");
        // rank 95: 5 of 10 into (25, 50] ms.
        let p95 = snapshot.quantile_ms(0.95).unwrap();
        assert!((p95 - 37.5).abs() < 1e-9, "{p95}");
        let p99 = snapshot.quantile_ms(0.99).unwrap();
        assert!(p99 > 25.0 && p99 <= 50.0, "{p99}");
        assert_eq!(snapshot.mean_ms(), Some(5.8));
    }

    #[test]
    fn no_data_has_no_quantile_and_the_top_bucket_reports_its_floor() {
        assert_eq!(Snapshot::default().quantile_ms(0.5), None);
        assert_eq!(
            histogram_of(&[60_000_000]).quantile_ms(0.99),
            Some(10_000.0)
        );
    }

    #[test]
    fn merging_adds_counts() {
        let mut merged = histogram_of(&[50]);
        merged.merge(&histogram_of(&[50, 3_000]));
        assert_eq!(merged.count(), 3);
        assert_eq!(merged.buckets[0], 2);
        assert_eq!(merged.sum_us, 3_100);
    }
}
