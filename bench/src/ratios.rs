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

/// Requests/s of `implementation` on this workload.
fn rps(result: &WorkloadResult, implementation: Implementation) -> f64 {
    Implementation::ALL
        .iter()
        .position(|candidate| *candidate == implementation)
        .map_or(0.0, |index| result.by_server[index].rps)
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

/// The JavaScript runtime with the most requests/s on this workload.
pub(crate) fn fastest_javascript(result: &WorkloadResult) -> Implementation {
    Implementation::ALL
        .into_iter()
        .filter(|implementation| implementation.is_javascript())
        .max_by(|a, b| rps(result, *a).total_cmp(&rps(result, *b)))
        .expect("three JavaScript servers")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Measured;
    use crate::workload::WORKLOADS;

    #[test]
    fn compares_with_the_fastest_javascript_runtime() {
        let by_server = [86_600.0, 119_000.0, 68_200.0, 12_500.0, 161_800.0]
            .map(|rps| Measured {
                rps,
                ..Measured::default()
            })
            .to_vec();
        let result = WorkloadResult {
            workload: &WORKLOADS[0],
            by_server,
            same_reply: true,
            load_by_round: Vec::new(),
        };
        assert_eq!(fastest_javascript(&result), Implementation::Bun);
        let ratio = backworks_over(&result, fastest_javascript(&result));
        assert!((ratio - 86_600.0 / 119_000.0).abs() < 1e-12);
        assert!(
            (backworks_over(&result, Implementation::Axum) - 86_600.0 / 161_800.0).abs() < 1e-12
        );
    }
}
