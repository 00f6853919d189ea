//! Regular expressions for the texts a number parser turns into an accepted number, as Node
//! parses them: `parseInt` reads a prefix (`"12abc"` is 12), `Number` the whole text after
//! trimming (`""` is 0), `parseFloat` a prefix that may hold a fraction or an exponent.
//!
//! ```text
//! parseInt(text, 10), accepted 1 ≤ n ≤ 100   ──▶  ^[\t\n…\ufeff]*(?:\+?0*(?:[1-9]|[1-9][0-9]|100)(?:[^0-9]|$))
//! Number(text), accepted integers n ≥ 0      ──▶  ^[ws]*(?:\+?0*(?:[0-9]|[1-9][0-9]{1,299})(?:\.0*)?|-0*0(?:\.0*)?)?[ws]*$
//! ```
//!
//! Each expression admits only texts the parser maps into the range — a subset of them when the
//! exact language would be unwieldy (hexadecimal, exponents and fractions are left out): a
//! document may call an accepted text invalid, never a refused one valid. The whitespace a parser
//! skips is spelled out as ECMAScript's `\s` set, because the Python `re` engine schemathesis
//! generates from reads `\s` differently.

/// ECMAScript's WhiteSpace and LineTerminator characters: what `trim`, `Number` and
/// `parseInt` skip.
pub(crate) const JS_SPACE: &str =
    r"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]";

/// A text with something besides whitespace in it: what `text.trim()` leaves non-empty.
pub(crate) const NOT_BLANK: &str =
    r"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]";

/// How a text becomes a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parser {
    /// `parseInt(text)` / `parseInt(text, 10)`; `hex` when no radix is given (`"0x1f"` is 31).
    ParseInt { hex: bool },
    /// `Number(text)` or unary `+text`.
    Number,
    /// `parseFloat(text)`.
    ParseFloat,
}

/// The numbers a handler accepts after parsing, as checks on the parsed value narrowed them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct NumberRange {
    /// The smallest accepted value and whether it is itself accepted.
    pub(crate) low: Option<(f64, bool)>,
    /// The largest accepted value and whether it is itself accepted.
    pub(crate) high: Option<(f64, bool)>,
    /// `Number.isInteger`, `Number.isFinite` or `isFinite` was required.
    pub(crate) finite: bool,
    /// Zero is refused (`!n`).
    pub(crate) nonzero: bool,
}

/// Beyond this many digits a parsed integer is `Infinity`, which finiteness checks refuse.
const MAX_DIGITS: usize = 300;

/// Bounds beyond this are not turned into patterns (parsing rounds past it): 2^53 - 1.
const MAX_BOUND: f64 = 9_007_199_254_740_991.0;

impl NumberRange {
    /// Accepted values as whole numbers: `(lowest, highest)`, `None` meaning unbounded.
    fn integers(&self) -> Option<(Option<i64>, Option<i64>)> {
        let low = match self.low {
            None => None,
            Some((value, _)) if value.abs() > MAX_BOUND => return None,
            Some((value, true)) => Some(value.ceil() as i64),
            Some((value, false)) => Some(value.floor() as i64 + 1),
        };
        let high = match self.high {
            None => None,
            Some((value, _)) if value.abs() > MAX_BOUND => return None,
            Some((value, true)) => Some(value.floor() as i64),
            Some((value, false)) => Some(value.ceil() as i64 - 1),
        };
        Some((low, high))
    }

    /// Whether `value` (a parsed default, say) is accepted.
    pub(crate) fn accepts(&self, value: f64) -> bool {
        if value.is_nan() {
            return false;
        }
        if self.finite && !value.is_finite() || self.nonzero && value == 0.0 {
            return false;
        }
        let above = match self.low {
            None => true,
            Some((low, true)) => value >= low,
            Some((low, false)) => value > low,
        };
        let below = match self.high {
            None => true,
            Some((high, true)) => value <= high,
            Some((high, false)) => value < high,
        };
        above && below
    }
}

/// A pattern admitting texts `parser` turns into accepted integers, or `None` when no text is
/// accepted or the range is beyond what patterns describe safely.
pub(crate) fn pattern(parser: Parser, range: &NumberRange) -> Option<String> {
    let (low, high) = range.integers()?;
    if let (Some(low), Some(high)) = (low, high)
        && low > high
    {
        return None;
    }
    let capped = range.finite;
    // Magnitudes of the non-negative values, then of the negative ones.
    let positive = match high {
        Some(high) if high < 0 => None,
        _ => Some((low.unwrap_or(0).max(0), high)),
    };
    let negative = match low {
        Some(low) if low > 0 => None,
        _ => Some(((-high.unwrap_or(0)).max(0), low.map(|low| -low))),
    };
    let skip_zero = |(from, to): (i64, Option<i64>)| {
        let from = if range.nonzero { from.max(1) } else { from };
        match to {
            Some(to) if from > to => None,
            _ => Some((from, to)),
        }
    };
    let positive = positive.and_then(skip_zero);
    // `-0` parses as -0, which compares like 0: it is in the negative branch only when zero is
    // accepted, and the positive branch already says so.
    let negative = negative.and_then(skip_zero).and_then(|(from, to)| {
        let from = from.max(1);
        match to {
            Some(to) if from > to => None,
            _ => Some((from, to)),
        }
    });
    let zero_accepted = positive.is_some_and(|(from, _)| from == 0);

    let mut branches = Vec::new();
    for (sign, magnitudes) in [(r"\+?", positive), ("-", negative)] {
        let Some((from, to)) = magnitudes else {
            continue;
        };
        let run = digits_between(from, to, capped)?;
        let bounded = to.is_some() || capped;
        let branch = match parser {
            Parser::ParseInt { hex } => {
                // A bounded run must end where the digits end; after a leading `0`, an `x`
                // would start a hexadecimal number instead.
                let end = match (bounded, hex) {
                    (false, _) => "",
                    (true, false) => "(?:[^0-9]|$)",
                    (true, true) => "(?:[^0-9xX]|$)",
                };
                format!("{sign}0*{run}{end}")
            }
            // A fraction or an exponent could move the value past a bound (`"5e-3"` is
            // below 1); from 0 up without a bound, any digits will do.
            Parser::ParseFloat if bounded || from > 0 => {
                format!("{sign}0*{run}(?:[^0-9.eE]|$)")
            }
            Parser::ParseFloat => format!("{sign}0*{run}"),
            Parser::Number => format!(r"{sign}0*{run}(?:\.0*)?"),
        };
        branches.push(branch);
    }
    if branches.is_empty() {
        return None;
    }
    let body = branches.join("|");
    Some(match parser {
        // `Number("")` and `Number("  ")` are 0.
        Parser::Number if zero_accepted => format!("^{JS_SPACE}*(?:{body})?{JS_SPACE}*$"),
        Parser::Number => format!("^{JS_SPACE}*(?:{body}){JS_SPACE}*$"),
        Parser::ParseInt { .. } | Parser::ParseFloat => format!("^{JS_SPACE}*(?:{body})"),
    })
}

/// A regex matching decimal numerals without leading zeros (`0` itself included) whose value is
/// in `from..=to`; unbounded above it matches a prefix-monotone language (any longer run is
/// larger), or at most [`MAX_DIGITS`] digits when `capped`.
fn digits_between(from: i64, to: Option<i64>, capped: bool) -> Option<String> {
    let low = from.to_string();
    match to {
        Some(to) => Some(range(&low, &to.to_string())),
        None => {
            let width = low.len();
            let same_width = range(&low, &"9".repeat(width));
            let longer = if capped {
                if width >= MAX_DIGITS {
                    return Some(format!("(?:{same_width})"));
                }
                format!("[1-9][0-9]{{{width},{}}}", MAX_DIGITS - 1)
            } else {
                format!("[1-9][0-9]{{{width},}}")
            };
            Some(format!("(?:{same_width}|{longer})"))
        }
    }
}

/// A regex for the numerals of `low..=high` (decimal strings without leading zeros).
fn range(low: &str, high: &str) -> String {
    let mut parts = Vec::new();
    for width in low.len()..=high.len() {
        let from = if width == low.len() {
            low.to_string()
        } else {
            format!("1{}", "0".repeat(width - 1))
        };
        let to = if width == high.len() {
            high.to_string()
        } else {
            "9".repeat(width)
        };
        parts.push(same_width(from.as_bytes(), to.as_bytes()));
    }
    format!("(?:{})", parts.join("|"))
}

/// Numerals of one width between `from` and `to` (digit by digit).
fn same_width(from: &[u8], to: &[u8]) -> String {
    let (Some((&first, from_rest)), Some((&last, to_rest))) =
        (from.split_first(), to.split_first())
    else {
        return String::new();
    };
    let rest_width = from_rest.len();
    let any_rest = if rest_width == 0 {
        String::new()
    } else {
        format!("[0-9]{{{rest_width}}}")
    };
    let all = |rest: &[u8], digit: u8| rest.iter().all(|&c| c == digit);
    if first == last {
        return format!("{}{}", first as char, same_width(from_rest, to_rest));
    }
    // Whole blocks: `[a-b][0-9]{n}` when the rests span everything.
    if all(from_rest, b'0') && all(to_rest, b'9') {
        return format!("{}{any_rest}", class(first, last));
    }
    let mut parts = Vec::new();
    let (middle_from, middle_to);
    if all(from_rest, b'0') {
        middle_from = first;
    } else {
        let nines = vec![b'9'; rest_width];
        parts.push(format!(
            "{}{}",
            first as char,
            same_width(from_rest, &nines)
        ));
        middle_from = first + 1;
    }
    if all(to_rest, b'9') {
        middle_to = last;
    } else {
        middle_to = last - 1;
    }
    if middle_from <= middle_to {
        parts.push(format!("{}{any_rest}", class(middle_from, middle_to)));
    }
    if !all(to_rest, b'9') {
        let zeros = vec![b'0'; rest_width];
        parts.push(format!("{}{}", last as char, same_width(&zeros, to_rest)));
    }
    format!("(?:{})", parts.join("|"))
}

fn class(from: u8, to: u8) -> String {
    if from == to {
        (from as char).to_string()
    } else {
        format!("[{}-{}]", from as char, to as char)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every numeral up to 2 500 is matched by a range's expression exactly when it is in
    /// the range (ECMAScript regexes, by `regress`); what whole patterns admit is checked by
    /// Node, on thousands of texts, in `tests/request_inference.rs`.
    #[test]
    fn ranges_match_exactly_their_numerals() {
        for (low, high) in [
            (0, 9),
            (1, 100),
            (0, 50),
            (18, 120),
            (7, 7),
            (95, 2049),
            (1, 999),
        ] {
            let regex =
                regress::Regex::new(&format!("^{}$", range(&low.to_string(), &high.to_string())))
                    .expect("a valid regex");
            for n in 0..2500 {
                let text = n.to_string();
                assert_eq!(
                    regex.find(&text).is_some(),
                    (low..=high).contains(&n),
                    "{n} in {low}..={high}"
                );
            }
        }
    }

    #[test]
    fn parse_int_prefixes_are_unbounded_without_a_maximum() {
        let range = NumberRange {
            low: Some((1.0, true)),
            ..NumberRange::default()
        };
        let pattern = pattern(Parser::ParseInt { hex: false }, &range).unwrap();
        assert_eq!(
            pattern,
            format!(r"^{JS_SPACE}*(?:\+?0*(?:(?:[1-9])|[1-9][0-9]{{1,}}))")
        );
    }

    #[test]
    fn empty_ranges_have_no_pattern() {
        let range = NumberRange {
            low: Some((5.0, true)),
            high: Some((4.0, true)),
            ..NumberRange::default()
        };
        assert_eq!(pattern(Parser::Number, &range), None);
    }
}
