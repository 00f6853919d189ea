//! The ratio chart: per workload, Backworks' requests/s over Node + Express's and over
//! hand-written axum's, as bars on a log scale (ratios multiply, so 0.5× and 2× sit equally far
//! from parity), with dashed lines at parity and at the 5× Node target.

use crate::load::WorkloadResult;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = 60.0;
/// The axis spans 10^MIN_EXP … 10^MAX_EXP.
const MIN_EXP: f64 = -2.0;
const MAX_EXP: f64 = 2.0;
const NODE_COLOR: &str = "#2b6cb0";
const AXUM_COLOR: &str = "#dd6b20";

/// An SVG bar chart of `(workload, vs Node, vs axum)` ratios.
pub(crate) fn ratios_svg(results: &[WorkloadResult]) -> String {
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = |ratio: f64| {
        let exponent = ratio.max(1e-9).log10().clamp(MIN_EXP, MAX_EXP);
        TOP + plot_height * (MAX_EXP - exponent) / (MAX_EXP - MIN_EXP)
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Backworks requests/s relative to Node + Express and to hand-written axum (log scale)</text>\n",
        WIDTH / 2.0
    );
    for exponent in (MIN_EXP as i32)..=(MAX_EXP as i32) {
        let ratio = 10f64.powi(exponent);
        let at = y(ratio);
        svg += &format!(
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#ddd\"/>\n<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}×</text>\n",
            WIDTH - RIGHT,
            LEFT - 8.0,
            at + 4.0,
            trim(ratio)
        );
    }
    for (ratio, label) in [(1.0, "parity"), (5.0, "Node target 5×")] {
        let at = y(ratio);
        svg += &format!(
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#444\" stroke-dasharray=\"6 4\"/>\n<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#444\">{label}</text>\n",
            WIDTH - RIGHT,
            WIDTH - RIGHT - 4.0,
            at - 4.0
        );
    }
    let group = (WIDTH - LEFT - RIGHT) / results.len().max(1) as f64;
    let bar = group * 0.3;
    for (index, result) in results.iter().enumerate() {
        let x = LEFT + group * index as f64 + group * 0.2;
        for (offset, ratio, color) in [
            (0.0, ratio(result, 1), NODE_COLOR),
            (bar, ratio(result, 2), AXUM_COLOR),
        ] {
            let top = y(ratio).min(y(1.0));
            let bottom = y(ratio).max(y(1.0));
            svg += &format!(
                "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{color}\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{:.2}×</text>\n",
                x + offset,
                (bottom - top).max(1.0),
                x + offset + bar / 2.0,
                if ratio >= 1.0 {
                    top - 4.0
                } else {
                    bottom + 13.0
                },
                ratio
            );
        }
        svg += &format!(
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            x + bar,
            HEIGHT - BOTTOM + 20.0,
            result.workload.name
        );
    }
    let legend = HEIGHT - 16.0;
    svg += &format!(
        "<rect x=\"{LEFT}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{NODE_COLOR}\"/><text x=\"{}\" y=\"{legend}\">Backworks / Node + Express</text>\n\
         <rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{AXUM_COLOR}\"/><text x=\"{}\" y=\"{legend}\">Backworks / hand-written axum (targets: 0.9× hello, 0.7× crunch)</text>\n</svg>\n",
        legend - 10.0,
        LEFT + 18.0,
        LEFT + 230.0,
        legend - 10.0,
        LEFT + 248.0
    );
    svg
}

/// Backworks' requests/s over those of implementation `other` (1 = Node, 2 = axum).
pub(crate) fn ratio(result: &WorkloadResult, other: usize) -> f64 {
    let theirs = result.by_server[other].rps;
    if theirs > 0.0 {
        result.by_server[0].rps / theirs
    } else {
        0.0
    }
}

fn trim(value: f64) -> String {
    let text = format!("{value}");
    text.trim_end_matches(".0").to_owned()
}
