//! The ratios the report and the chart show: Backworks' requests/s over another server's, and
//! which JavaScript runtime was fastest on a workload (the reference a Node user would compare
//! with, since they could pick any of the three).
//!
//! ```text
//! hello: Backworks 86 600, Bun 119 000, Fastify 68 200, Express 12 500
//!   ─▶ fastest JS = Bun, Backworks / fastest JS = 0.73×
//! ```

use crate::load::WorkloadResult;
use crate::server::Implementation;

/// Requests/s of `implementation` on this workload (0 when it did not serve it).
pub(crate) fn rps(result: &WorkloadResult, implementation: Implementation) -> f64 {
    result
        .by_server
        .iter()
        .find(|(candidate, _)| *candidate == implementation)
        .map_or(0.0, |(_, measured)| measured.rps)
}

/// Whether `implementation` served this workload.
pub(crate) fn served(result: &WorkloadResult, implementation: Implementation) -> bool {
    result
        .by_server
        .iter()
        .any(|(candidate, _)| *candidate == implementation)
}

/// Backworks' requests/s over `other`'s (0 when `other` served nothing).
pub(crate) fn backworks_over(result: &WorkloadResult, other: Implementation) -> f64 {
    let theirs = rps(result, other);
    if theirs > 0.0 {
        rps(result, Implementation::Backworks) / theirs
    } else {
        0.0
    }
}

/// The JavaScript runtime with the most requests/s on this workload (`None` when none ran).
pub(crate) fn fastest_javascript(result: &WorkloadResult) -> Option<Implementation> {
    result
        .by_server
        .iter()
        .map(|(implementation, _)| *implementation)
        .filter(|implementation| implementation.is_javascript())
        .max_by(|a, b| rps(result, *a).total_cmp(&rps(result, *b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Measured;
    use crate::workload::WORKLOADS;

    #[test]
    fn compares_with_the_fastest_javascript_runtime() {
        let by_server = Implementation::ALL
            .into_iter()
            .zip([86_600.0, 119_000.0, 68_200.0, 12_500.0, 161_800.0])
            .map(|(implementation, rps)| {
                let measured = Measured {
                    rps,
                    ..Measured::default()
                };
                (implementation, measured)
            })
            .collect();
        let result = WorkloadResult {
            workload: &WORKLOADS[0],
            by_server,
            skipped: None,
            same_reply: true,
            load_by_round: Vec::new(),
        };
        let fastest = fastest_javascript(&result).unwrap();
        assert_eq!(fastest, Implementation::Bun);
        let ratio = backworks_over(&result, fastest);
        assert!((ratio - 86_600.0 / 119_000.0).abs() < 1e-12);
        assert!(
            (backworks_over(&result, Implementation::Axum) - 86_600.0 / 161_800.0).abs() < 1e-12
        );
    }
}
