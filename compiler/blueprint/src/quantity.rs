//! Sizes and durations written with units: `64KiB` → 65536 bytes, `1.5s` → 1500 ms.

/// Units of a byte size and what each is worth.
pub const SIZE_UNITS: &[(&str, f64)] = &[
    ("B", 1.0),
    ("KB", 1e3),
    ("MB", 1e6),
    ("GB", 1e9),
    ("KiB", 1024.0),
    ("MiB", 1048576.0),
    ("GiB", 1073741824.0),
];

/// Units of a duration in milliseconds.
pub const DURATION_UNITS: &[(&str, f64)] = &[("ms", 1.0), ("s", 1e3), ("m", 60e3), ("min", 60e3)];

/// Parses `text` as a number followed by one of `units` (case-insensitive, optional space).
pub fn parse(text: &str, units: &[(&str, f64)]) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let unit = unit.trim();
    let factor = if unit.is_empty() {
        1.0
    } else {
        units
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(unit))
            .map(|(_, factor)| *factor)?
    };
    let value = (number * factor).round();
    (value.is_finite() && value >= 0.0 && value <= u64::MAX as f64).then_some(value as u64)
}

/// The unit names, for help texts.
pub fn unit_names(units: &[(&str, f64)]) -> String {
    units
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_parse_with_units() {
        assert_eq!(parse("64KiB", SIZE_UNITS), Some(65536));
        assert_eq!(parse("1 MB", SIZE_UNITS), Some(1_000_000));
        assert_eq!(parse("512", SIZE_UNITS), Some(512));
        assert_eq!(parse("1.5s", DURATION_UNITS), Some(1500));
        assert_eq!(parse("250ms", DURATION_UNITS), Some(250));
        assert_eq!(parse("ten", SIZE_UNITS), None);
        assert_eq!(parse("5 parsecs", DURATION_UNITS), None);
    }
}
