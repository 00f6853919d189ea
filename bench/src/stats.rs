//! The one statistic the report uses: the median of the rounds, which ignores one outlier
//! round in three.

/// The median of `values` (the mean of the middle two for an even count); 0 when empty.
pub(crate) fn median(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut sorted: Vec<f64> = values.into_iter().collect();
    if sorted.is_empty() {
        return 0.0;
    }
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[middle]
    } else {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn takes_the_middle() {
        assert_eq!(super::median([3.0, 1.0, 2.0]), 2.0);
        assert_eq!(super::median([4.0, 1.0]), 2.5);
        assert_eq!(super::median([]), 0.0);
    }
}
