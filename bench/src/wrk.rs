//! Running wrk (one thread, a fixed number of connections, a fixed duration, loopback only) and
//! reading the `BENCH` line its script prints.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, bail};

/// The figures of one timed wrk run.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Figures {
    /// Requests per second over the run.
    pub(crate) rps: f64,
    /// Median latency, microseconds.
    pub(crate) p50_us: f64,
    /// 99th-percentile latency, microseconds.
    pub(crate) p99_us: f64,
    /// Socket errors, timeouts and non-2xx/3xx responses.
    pub(crate) errors: u64,
}

/// Loads `url` for `duration` with `connections` connections using `script`.
pub(crate) fn load(
    url: &str,
    script: &Path,
    duration: Duration,
    connections: u32,
) -> anyhow::Result<Figures> {
    let output = Command::new("wrk")
        .args(["-t1", "--timeout", "5s"])
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", duration.as_secs().max(1)))
        .arg("-s")
        .arg(script)
        .arg(url)
        .output()
        .context("cannot run wrk")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "wrk failed ({}): {}{}",
            output.status,
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    parse(&stdout).with_context(|| format!("no BENCH line in wrk's output:\n{stdout}"))
}

fn parse(output: &str) -> Option<Figures> {
    let line = output
        .lines()
        .find_map(|line| line.strip_prefix("BENCH "))?;
    let field = |name: &str| -> Option<f64> {
        line.split_whitespace()
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))?
            .parse()
            .ok()
    };
    let requests = field("requests")?;
    let duration_us = field("duration_us")?;
    Some(Figures {
        rps: requests / (duration_us / 1e6),
        p50_us: field("p50_us")?,
        p99_us: field("p99_us")?,
        errors: field("errors")? as u64,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_bench_line() {
        let figures = super::parse(
            "Running 1s test\nBENCH requests=2000 duration_us=2000000 p50_us=690 p99_us=1840 errors=3\n",
        )
        .unwrap();
        assert_eq!(figures.rps, 1000.0);
        assert_eq!(
            (figures.p50_us, figures.p99_us, figures.errors),
            (690.0, 1840.0, 3)
        );
    }
}
