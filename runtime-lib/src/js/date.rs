//! `Date`: time values in milliseconds since the epoch, in UTC.
//!
//! ```text
//! new Date().toISOString()            → "2026-03-02T09:30:00.000Z"
//! new Date("2026-03-02").getTime()    → 1772409600000
//! ```
//!
//! Local time is UTC (servers run with `TZ=UTC`; the differential tests run Node so too).
//! For reproducible tests the clock can be frozen: when `BACKWORKS_FROZEN_TIME_MS` is set to a
//! number of milliseconds, `Date.now()` and `new Date()` return it.

use std::cell::Cell;

use super::convert::{to_number, to_primitive};
use super::error::Throw;
use super::value::{ObjectKind, Value};

/// The environment variable that freezes the clock (tests only).
pub const FROZEN_TIME_VAR: &str = "BACKWORKS_FROZEN_TIME_MS";

/// `Date.now()`.
pub fn now() -> f64 {
    if let Some(frozen) = frozen_time() {
        return frozen;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |elapsed| elapsed.as_millis() as f64)
}

/// The frozen clock, read from the environment once: servers and test harnesses set it
/// before start-up, and reading the environment on every `Date.now()` takes its lock.
fn frozen_time() -> Option<f64> {
    static FROZEN: std::sync::OnceLock<Option<f64>> = std::sync::OnceLock::new();
    *FROZEN.get_or_init(|| {
        std::env::var(FROZEN_TIME_VAR)
            .ok()
            .and_then(|value| value.trim().parse::<f64>().ok())
    })
}

/// TimeClip.
fn time_clip(time: f64) -> f64 {
    if !time.is_finite() || time.abs() > 8.64e15 {
        f64::NAN
    } else {
        time.trunc() + 0.0
    }
}

/// Days since the epoch → (year, month 1–12, day 1–31) (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month 1–12, day) → days since the epoch.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar fields of a (finite) time value.
struct Fields {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    millisecond: u32,
    weekday: u32,
}

fn fields(time: f64) -> Fields {
    let time = time as i64;
    let days = time.div_euclid(86_400_000);
    let in_day = time.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    Fields {
        year,
        month,
        day,
        hour: (in_day / 3_600_000) as u32,
        minute: (in_day / 60_000 % 60) as u32,
        second: (in_day / 1000 % 60) as u32,
        millisecond: (in_day % 1000) as u32,
        weekday: (days + 4).rem_euclid(7) as u32,
    }
}

/// `date.toISOString()` for a finite time value.
pub fn to_iso_string(time: f64) -> String {
    let f = fields(time);
    // Written digit by digit: `format!` cost more than the rest of a hello-world request's
    // handler, and every API timestamps its responses.
    let mut text = String::with_capacity(27);
    let (sign, year_width) = match f.year {
        0..=9999 => (None, 4),
        ..0 => (Some('-'), 6),
        _ => (Some('+'), 6),
    };
    text.extend(sign);
    push_digits(&mut text, f.year.unsigned_abs(), year_width);
    for (separator, value, width) in [
        ('-', f.month, 2),
        ('-', f.day, 2),
        ('T', f.hour, 2),
        (':', f.minute, 2),
        (':', f.second, 2),
        ('.', f.millisecond, 3),
    ] {
        text.push(separator);
        push_digits(&mut text, u64::from(value), width);
    }
    text.push('Z');
    text
}

/// Appends `value` in decimal, zero-padded to at least `width` digits.
fn push_digits(text: &mut String, value: u64, width: usize) {
    text.push_str(super::number::decimal_digits(
        value,
        false,
        width,
        &mut [0; 24],
    ));
}

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A year as V8's date strings print it: at least four digits, `-` for years before 1 BC.
fn year_text(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

/// `date.toDateString()`: `Mon Mar 02 2026`.
fn date_part(f: &Fields) -> String {
    format!(
        "{} {} {:02} {}",
        WEEKDAYS[f.weekday as usize],
        MONTHS[f.month as usize - 1],
        f.day,
        year_text(f.year)
    )
}

/// `date.toTimeString()`: `09:30:00 GMT+0000 (Coordinated Universal Time)`.
fn time_part(f: &Fields) -> String {
    format!(
        "{:02}:{:02}:{:02} GMT+0000 (Coordinated Universal Time)",
        f.hour, f.minute, f.second
    )
}

/// `String(date)` in UTC: `Mon Mar 02 2026 09:30:00 GMT+0000 (Coordinated Universal Time)`.
pub fn to_display_string(time: f64) -> String {
    if !time.is_finite() {
        return "Invalid Date".to_string();
    }
    let f = fields(time);
    format!("{} {}", date_part(&f), time_part(&f))
}

/// The other string forms of a date (`toUTCString`, `toLocaleString` in en-US, …); `None` for
/// other method names.
fn format_as(name: &str, time: f64) -> Option<String> {
    let f = fields(if time.is_finite() { time } else { 0.0 });
    let locale_date = || {
        let year = if f.year <= 0 { 1 - f.year } else { f.year };
        format!("{}/{}/{year}", f.month, f.day)
    };
    let locale_time = || {
        let hour = match f.hour % 12 {
            0 => 12,
            other => other,
        };
        let half = if f.hour < 12 { "AM" } else { "PM" };
        format!("{hour}:{:02}:{:02} {half}", f.minute, f.second)
    };
    let text = match name {
        "toString" => to_display_string(time),
        "toDateString" => date_part(&f),
        "toTimeString" => time_part(&f),
        "toUTCString" | "toGMTString" => format!(
            "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
            WEEKDAYS[f.weekday as usize],
            f.day,
            MONTHS[f.month as usize - 1],
            year_text(f.year),
            f.hour,
            f.minute,
            f.second
        ),
        "toLocaleDateString" => locale_date(),
        "toLocaleTimeString" => locale_time(),
        "toLocaleString" => format!("{}, {}", locale_date(), locale_time()),
        _ => return None,
    };
    Some(if time.is_finite() {
        text
    } else {
        "Invalid Date".to_string()
    })
}

/// Parses the ISO formats `Date.parse` must accept: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, each
/// optionally followed by `THH:mm`, `:ss`, `.sss` and `Z` or `±HH:mm`. Date-only forms are UTC;
/// date-time forms without an offset are local time, which is UTC here.
pub fn parse(text: &str) -> f64 {
    parse_iso(text.trim())
        .or_else(|| parse_legacy(text))
        .unwrap_or(f64::NAN)
}

/// A piece of a date string that is not ISO 8601.
#[derive(Clone, Copy, PartialEq)]
enum Token<'a> {
    /// Digits: their value and how many there were.
    Number(i64, usize),
    /// Letters, lower-cased by the tokenizer's caller.
    Word(&'a str),
    /// `:`, `/`, `-`, `+` or `.`.
    Symbol(u8),
}

fn tokenize(text: &str) -> Option<Vec<Token<'_>>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let start = index;
        match bytes[index] {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => index += 1,
            b'(' => {
                // Parenthesized text (`(Coordinated Universal Time)`) is a comment.
                let mut depth = 0;
                while index < bytes.len() {
                    match bytes[index] {
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    index += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            b'0'..=b'9' => {
                while index < bytes.len() && bytes[index].is_ascii_digit() {
                    index += 1;
                }
                let digits = &text[start..index];
                tokens.push(Token::Number(digits.parse().ok()?, digits.len()));
            }
            byte if byte.is_ascii_alphabetic() => {
                while index < bytes.len() && bytes[index].is_ascii_alphabetic() {
                    index += 1;
                }
                tokens.push(Token::Word(&text[start..index]));
            }
            symbol @ (b':' | b'/' | b'-' | b'+' | b'.') => {
                tokens.push(Token::Symbol(symbol));
                index += 1;
            }
            _ => return None,
        }
    }
    Some(tokens)
}

/// The forms V8's fallback date parser accepts that handlers meet: `Thu, 07 Mar 2024 10:00:00
/// GMT`, `March 7, 2024`, `7 March 2024`, `2024/03/07`, `03/07/2024 14:30`, `2024-3-7`,
/// `Mar 7 2024 10:00 PM`, with an optional `GMT`/`UTC`/`Z` and `±hhmm` offset; without one the
/// time is local, which is UTC here.
fn parse_legacy(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let tokens = tokenize(&lower)?;
    let mut numbers: Vec<(i64, usize)> = Vec::new();
    let mut month = None;
    let mut time: Option<[i64; 4]> = None;
    let mut half: Option<bool> = None;
    let mut offset: Option<i64> = None;
    let mut index = 0;
    while index < tokens.len() {
        match tokens[index] {
            Token::Number(value, digits) => {
                if tokens.get(index + 1) == Some(&Token::Symbol(b':')) && time.is_none() {
                    let mut parts = [value, 0, 0, 0];
                    let mut part = 1;
                    index += 1;
                    while part < 4 {
                        let separator = if part == 3 { b'.' } else { b':' };
                        match (tokens.get(index), tokens.get(index + 1)) {
                            (Some(Token::Symbol(symbol)), Some(Token::Number(value, digits)))
                                if *symbol == separator =>
                            {
                                parts[part] = if part == 3 {
                                    format!("{value:0width$}", width = *digits)
                                        .get(..3.min(*digits))
                                        .and_then(|text| format!("{text:0<3}").parse().ok())?
                                } else {
                                    *value
                                };
                                part += 1;
                                index += 2;
                            }
                            _ => break,
                        }
                    }
                    time = Some(parts);
                    continue;
                }
                let sign = match index.checked_sub(1).map(|before| tokens[before]) {
                    Some(Token::Symbol(b'+')) => Some(1),
                    Some(Token::Symbol(b'-')) if time.is_some() || offset.is_some() => Some(-1),
                    _ => None,
                };
                if let Some(sign) = sign {
                    let minutes = if digits <= 2 {
                        let hours = value;
                        if tokens.get(index + 1) == Some(&Token::Symbol(b':')) {
                            let Some(Token::Number(minutes, _)) = tokens.get(index + 2) else {
                                return None;
                            };
                            index += 2;
                            hours * 60 + minutes
                        } else {
                            hours * 60
                        }
                    } else {
                        value / 100 * 60 + value % 100
                    };
                    offset = Some(sign * minutes);
                } else {
                    numbers.push((value, digits));
                }
            }
            Token::Word(word) => {
                const MONTH_NAMES: [&str; 12] = [
                    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                    "dec",
                ];
                const DAY_NAMES: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
                let prefix = word.get(..3).unwrap_or(word);
                if let Some(found) = MONTH_NAMES.iter().position(|name| *name == prefix)
                    && word.len() >= 3
                {
                    month = Some(found as i64 + 1);
                } else if word.len() >= 3 && DAY_NAMES.contains(&prefix) {
                } else if word == "am" || word == "pm" {
                    half = Some(word == "pm");
                } else if matches!(word, "utc" | "gmt" | "ut" | "z") {
                    offset = Some(0);
                } else if word == "t" || numbers.is_empty() && time.is_none() {
                    // V8 skips words before the first number.
                } else {
                    return None;
                }
            }
            Token::Symbol(_) => {}
        }
        index += 1;
    }
    let full_year = |(value, digits): (i64, usize)| match (digits, value) {
        (1..=2, 0..=49) => value + 2000,
        (1..=2, _) => value + 1900,
        _ => value,
    };
    let is_year = |(value, digits): (i64, usize)| digits >= 3 || value > 31;
    let (year, month, day) = match (month, numbers.as_slice()) {
        (Some(month), [first, second]) => {
            if is_year(*first) {
                (full_year(*first), month, second.0)
            } else {
                (full_year(*second), month, first.0)
            }
        }
        (Some(month), [only]) if is_year(*only) => (full_year(*only), month, 1),
        // Without a year V8 assumes 2001.
        (Some(month), [only]) => (2001, month, only.0),
        (None, [first, second, third]) => {
            if is_year(*first) {
                (full_year(*first), second.0, third.0)
            } else {
                (full_year(*third), first.0, second.0)
            }
        }
        _ => return None,
    };
    let [mut hour, minute, second, millisecond] = time.unwrap_or([0, 0, 0, 0]);
    if let Some(pm) = half {
        if hour > 12 {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, hour) if hour < 12 => hour + 12,
            (_, hour) => hour,
        };
    }
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 24
        || minute > 59
        || second > 59
    {
        return None;
    }
    let local = make_date(&[
        year as f64,
        (month - 1) as f64,
        day as f64,
        hour as f64,
        minute as f64,
        second as f64,
        millisecond as f64,
    ]);
    let time = time_clip(local - (offset.unwrap_or(0) * 60_000) as f64);
    (!time.is_nan()).then_some(time)
}

fn parse_iso(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut position = 0;
    let number = |position: &mut usize, digits: usize| -> Option<i64> {
        let slice = text.get(*position..*position + digits)?;
        if !slice.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        *position += digits;
        slice.parse().ok()
    };
    let year = match bytes.first()? {
        b'+' | b'-' => {
            let negative = bytes[0] == b'-';
            position = 1;
            let year = number(&mut position, 6)?;
            if negative { -year } else { year }
        }
        _ => number(&mut position, 4)?,
    };
    let mut month = 1;
    let mut day = 1;
    if bytes.get(position) == Some(&b'-') {
        position += 1;
        month = number(&mut position, 2)?;
        if bytes.get(position) == Some(&b'-') {
            position += 1;
            day = number(&mut position, 2)?;
        }
    }
    let (mut hour, mut minute, mut second, mut millisecond) = (0, 0, 0, 0);
    let mut offset_minutes = 0;
    if matches!(bytes.get(position), Some(b'T' | b't' | b' ')) {
        position += 1;
        hour = number(&mut position, 2)?;
        if bytes.get(position) != Some(&b':') {
            return None;
        }
        position += 1;
        minute = number(&mut position, 2)?;
        if bytes.get(position) == Some(&b':') {
            position += 1;
            second = number(&mut position, 2)?;
            if bytes.get(position) == Some(&b'.') {
                position += 1;
                let start = position;
                while bytes.get(position).is_some_and(u8::is_ascii_digit) {
                    position += 1;
                }
                let fraction = text.get(start..position)?;
                if fraction.is_empty() {
                    return None;
                }
                let padded = format!("{fraction:0<3}");
                millisecond = padded[..3].parse().ok()?;
            }
        }
        match bytes.get(position) {
            Some(b'Z' | b'z') => position += 1,
            Some(sign @ (b'+' | b'-')) => {
                let sign = if *sign == b'-' { -1 } else { 1 };
                position += 1;
                let hours = number(&mut position, 2)?;
                if bytes.get(position) == Some(&b':') {
                    position += 1;
                }
                let minutes = number(&mut position, 2)?;
                offset_minutes = sign * (hours * 60 + minutes);
            }
            _ => {}
        }
    }
    if position != bytes.len()
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 24
        || minute > 59
        || second > 59
        || (hour == 24 && (minute, second, millisecond) != (0, 0, 0))
    {
        return None;
    }
    let days = days_from_civil(year, month as u32, day as u32);
    let time = days as f64 * 86_400_000.0
        + (hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond) as f64
        - (offset_minutes * 60_000) as f64;
    let clipped = time_clip(time);
    (!clipped.is_nan()).then_some(clipped)
}

/// `Date.UTC(year, month0, day, h, m, s, ms)` style construction from numbers.
fn make_time(parts: &[f64]) -> f64 {
    let get = |index: usize, default: f64| parts.get(index).copied().unwrap_or(default);
    let year = get(0, f64::NAN);
    let year = if (0.0..=99.0).contains(&year.trunc()) {
        1900.0 + year.trunc()
    } else {
        year
    };
    time_clip(make_date(&[
        year,
        get(1, 0.0),
        get(2, 1.0),
        get(3, 0.0),
        get(4, 0.0),
        get(5, 0.0),
        get(6, 0.0),
    ]))
}

/// MakeDate(MakeDay(year, month0, day), MakeTime(h, m, s, ms)) before TimeClip: fields out of
/// range carry over (month 12 is January of the next year, day 0 the last day of the month
/// before).
fn make_date(values: &[f64; 7]) -> f64 {
    if values.iter().any(|value| !value.is_finite()) {
        return f64::NAN;
    }
    let [year, month, day, hour, minute, second, millisecond] = values.map(f64::trunc);
    let year = year + (month / 12.0).floor();
    if year.abs() > 400_000.0 {
        return f64::NAN;
    }
    let month = month.rem_euclid(12.0);
    let days = days_from_civil(year as i64, month as u32 + 1, 1) as f64 + day - 1.0;
    days * 86_400_000.0 + hour * 3_600_000.0 + minute * 60_000.0 + second * 1000.0 + millisecond
}

/// The calendar fields of `time` in `make_date`'s order.
fn field_values(time: f64) -> [f64; 7] {
    let f = fields(time);
    [
        f.year as f64,
        f64::from(f.month - 1),
        f64::from(f.day),
        f64::from(f.hour),
        f64::from(f.minute),
        f64::from(f.second),
        f64::from(f.millisecond),
    ]
}

/// `date.setX(...)`: the index in `make_date`'s fields of the first field set, and how many
/// fields the setter accepts (`setHours(h, m, s, ms)` starts at 3 and takes 4).
fn setter(name: &str) -> Option<(usize, usize)> {
    let name = name
        .strip_prefix("setUTC")
        .or_else(|| name.strip_prefix("set"))?;
    Some(match name {
        "FullYear" => (0, 3),
        "Month" => (1, 2),
        "Date" => (2, 1),
        "Hours" => (3, 4),
        "Minutes" => (4, 3),
        "Seconds" => (5, 2),
        "Milliseconds" => (6, 1),
        _ => return None,
    })
}

/// Runs a setter on the date whose time value lives in `cell`; returns the new time value.
fn set_fields(cell: &Cell<f64>, first: usize, count: usize, args: &[Value]) -> Result<f64, Throw> {
    let mut replacements = Vec::with_capacity(count);
    for index in 0..count.min(args.len().max(1)) {
        replacements.push(to_number(&args.get(index).cloned().unwrap_or_default())?);
    }
    let time = cell.get();
    let base = if time.is_nan() {
        // Only setFullYear revives an invalid date (from +0); the others keep NaN.
        if first != 0 {
            return Ok(f64::NAN);
        }
        0.0
    } else {
        time
    };
    let mut values = field_values(base);
    for (offset, value) in replacements.into_iter().enumerate() {
        values[first + offset] = value;
    }
    let updated = time_clip(make_date(&values));
    cell.set(updated);
    Ok(updated)
}

/// `new Date(...args)`.
pub fn construct(args: &[Value]) -> Result<Value, Throw> {
    let time = match args {
        [] => now(),
        [single] => match single {
            Value::Object(object) if matches!(object.kind, ObjectKind::Date(_)) => {
                time_value(single).unwrap_or(f64::NAN)
            }
            other => match to_primitive(other)? {
                Value::String(text) => parse(&text.to_rust()),
                primitive => time_clip(to_number(&primitive)?),
            },
        },
        many => {
            let mut parts = Vec::with_capacity(many.len());
            for value in many {
                parts.push(to_number(value)?);
            }
            make_time(&parts)
        }
    };
    Ok(Value::object_of_kind(ObjectKind::Date(Cell::new(time))))
}

/// `Date.UTC(...)`.
pub fn utc(args: &[Value]) -> Result<Value, Throw> {
    let mut parts = Vec::with_capacity(args.len());
    for value in args {
        parts.push(to_number(value)?);
    }
    Ok(Value::Number(make_time(&parts)))
}

fn time_value(value: &Value) -> Option<f64> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Date(time) => Some(time.get()),
            _ => None,
        },
        _ => None,
    }
}

fn time_cell(value: &Value) -> Option<&Cell<f64>> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Date(time) => Some(time),
            _ => None,
        },
        _ => None,
    }
}

/// Dispatches `date.name(...args)`.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let cell = time_cell(receiver)?;
    if name == "setTime" {
        return Some((|| {
            let time = time_clip(to_number(&args.first().cloned().unwrap_or_default())?);
            cell.set(time);
            Ok(Value::Number(time))
        })());
    }
    if let Some((first, count)) = setter(name) {
        return Some(set_fields(cell, first, count, args).map(Value::Number));
    }
    let time = cell.get();
    let valid = time.is_finite();
    let field = |pick: fn(&Fields) -> f64| {
        Ok(Value::Number(if valid {
            pick(&fields(time))
        } else {
            f64::NAN
        }))
    };
    Some(match name {
        "toISOString" | "toJSON" => {
            if valid {
                Ok(Value::str(&to_iso_string(time)))
            } else if name == "toJSON" {
                Ok(Value::Null)
            } else {
                Err(Throw::range_error("Invalid time value"))
            }
        }
        "getTime" | "valueOf" => Ok(Value::Number(time)),
        #[cfg(feature = "intl")]
        "toLocaleDateString" | "toLocaleTimeString" | "toLocaleString" if !args.is_empty() => {
            super::intl::date_to_locale_string(time, name, args)
        }
        "toString" | "toDateString" | "toTimeString" | "toUTCString" | "toGMTString"
        | "toLocaleDateString" | "toLocaleTimeString" | "toLocaleString" => {
            Ok(Value::str(&format_as(name, time).unwrap_or_default()))
        }
        "getFullYear" | "getUTCFullYear" => field(|f| f.year as f64),
        "getMonth" | "getUTCMonth" => field(|f| f64::from(f.month - 1)),
        "getDate" | "getUTCDate" => field(|f| f64::from(f.day)),
        "getDay" | "getUTCDay" => field(|f| f64::from(f.weekday)),
        "getHours" | "getUTCHours" => field(|f| f64::from(f.hour)),
        "getMinutes" | "getUTCMinutes" => field(|f| f64::from(f.minute)),
        "getSeconds" | "getUTCSeconds" => field(|f| f64::from(f.second)),
        "getMilliseconds" | "getUTCMilliseconds" => field(|f| f64::from(f.millisecond)),
        "getTimezoneOffset" => Ok(Value::Number(if valid { 0.0 } else { f64::NAN })),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_strings_round_trip_like_node() {
        // node -e 'console.log(new Date("2026-03-02").getTime(), new Date(0).toISOString(), new Date(-1).toISOString(), new Date("2026-03-02T09:30:00.5+01:00").toISOString())'
        // → 1772409600000 1970-01-01T00:00:00.000Z 1969-12-31T23:59:59.999Z 2026-03-02T08:30:00.500Z
        assert_eq!(parse("2026-03-02"), 1772409600000.0);
        assert_eq!(to_iso_string(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(to_iso_string(-1.0), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            to_iso_string(parse("2026-03-02T09:30:00.5+01:00")),
            "2026-03-02T08:30:00.500Z"
        );
        assert!(parse("not a date").is_nan());
    }
}
