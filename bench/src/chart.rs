//! The ratio chart: per workload, Backworks' requests/s over the fastest JavaScript runtime's
//! (named under the bar) and over hand-written axum's, as bars on a log scale (ratios multiply,
//! so 0.5× and 2× sit equally far from parity), with a dashed line at parity.

use crate::load::WorkloadResult;
use crate::ratios::{backworks_over, fastest_javascript};
use crate::server::Implementation;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 420.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = 75.0;
/// The axis spans 10^MIN_EXP … 10^MAX_EXP.
const MIN_EXP: f64 = -2.0;
const MAX_EXP: f64 = 1.0;
const JS_COLOR: &str = "#2b6cb0";
const AXUM_COLOR: &str = "#dd6b20";

/// An SVG bar chart of `(workload, vs fastest JS, vs axum)` ratios.
pub(crate) fn ratios_svg(results: &[&WorkloadResult]) -> String {
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = |ratio: f64| {
        let exponent = ratio.max(1e-9).log10().clamp(MIN_EXP, MAX_EXP);
        TOP + plot_height * (MAX_EXP - exponent) / (MAX_EXP - MIN_EXP)
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Backworks requests/s relative to the fastest JS runtime and to hand-written axum (log scale)</text>\n",
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
    {
        let (at, label) = (y(1.0), "parity");
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
        let fastest = fastest_javascript(result);
        for (offset, ratio, color) in [
            (
                0.0,
                fastest.map_or(0.0, |js| backworks_over(result, js)),
                JS_COLOR,
            ),
            (
                bar,
                backworks_over(result, Implementation::Axum),
                AXUM_COLOR,
            ),
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
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">vs {}</text>\n",
            x + bar,
            HEIGHT - BOTTOM + 20.0,
            result.workload.name,
            x + bar,
            HEIGHT - BOTTOM + 33.0,
            fastest.map_or("—", |js| js.label())
        );
    }
    let legend = HEIGHT - 16.0;
    svg += &format!(
        "<rect x=\"{LEFT}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{JS_COLOR}\"/><text x=\"{}\" y=\"{legend}\">Backworks / fastest JS runtime</text>\n\
         <rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{AXUM_COLOR}\"/><text x=\"{}\" y=\"{legend}\">Backworks / hand-written axum</text>\n</svg>\n",
        legend - 10.0,
        LEFT + 18.0,
        LEFT + 230.0,
        legend - 10.0,
        LEFT + 248.0
    );
    svg
}

fn trim(value: f64) -> String {
    let text = format!("{value}");
    text.trim_end_matches(".0").to_owned()
}
