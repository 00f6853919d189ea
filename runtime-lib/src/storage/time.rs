//! Instants and dates as the storage layer writes them: one canonical text per instant, so
//! SQLite's text columns compare and sort like PostgreSQL's `TIMESTAMPTZ`.
//!
//! ```text
//! "2026-12-04T15:50:00+02:00" ─▶ parse_instant ─▶ 1796305800000 ms ─▶ "2026-12-04T13:50:00.000Z"
//! "2026-02-30"                ─▶ parse_date    ─▶ None (no such day)
//! ```
//!
//! Accepted instants are RFC 3339 (`T` or space, optional fraction, `Z` or `±hh:mm`). The civil
//! calendar arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch now (or `BACKWORKS_FROZEN_TIME_MS`, as handlers see it).
pub(crate) fn now_ms() -> i64 {
    if let Some(frozen) = std::env::var("BACKWORKS_FROZEN_TIME_MS")
        .ok()
        .and_then(|text| text.trim().parse::<i64>().ok())
    {
        return frozen;
    }
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64)
}

/// The canonical text of an instant: `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub(crate) fn format_instant(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// Milliseconds since the epoch of an RFC 3339 instant; fractions past milliseconds are cut.
pub(crate) fn parse_instant(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    // ASCII only, so the byte offsets below are always character boundaries.
    if !text.is_ascii() || bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let days = parse_date(&text[..10])?;
    let hour = digits(&text[11..13])?;
    let minute = digits(&text[14..16])?;
    let second = digits(&text[17..19])?;
    if bytes[13] != b':' || bytes[16] != b':' || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return None;
        }
        let padded = format!("{:0<3}", &fraction[..count.min(3)]);
        millis = digits(&padded)?;
        rest = &fraction[count..];
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (hours, minutes) = (digits(&rest[1..3])?, digits(&rest[4..6])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 60 + minutes)
        }
        _ => return None,
    };
    // A leap second is read as the last millisecond's successor, as JavaScript's Date does.
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    Some((seconds - offset_minutes * 60) * 1000 + millis)
}

/// Days since the epoch of a `YYYY-MM-DD` date that exists.
pub(crate) fn parse_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if !text.is_ascii() || bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (
        digits(&text[..4])?,
        digits(&text[5..7])?,
        digits(&text[8..10])?,
    );
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// `YYYY-MM-DD` of a day number.
pub(crate) fn format_date(days: i64) -> String {
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_round_trip_through_the_canonical_text() {
        let ms = parse_instant("2026-12-04T15:50:00.1234+02:00").unwrap();
        assert_eq!(format_instant(ms), "2026-12-04T13:50:00.123Z");
        assert_eq!(format_instant(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_instant(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            parse_instant("2024-02-29 23:59:59Z"),
            Some(1_709_251_199_000)
        );
        for bad in [
            "2026-12-04",
            "2026-12-04T25:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-12-04T13:50:00",
            "2026-12-04T13:50:00.Z",
            "2026-12-04T13:50:00+0200",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn any_text_is_answered_without_panicking() {
        for odd in [
            "2026-12-04T1é:00:00Z",
            "2026-12-0é",
            "２０２６-12-04T13:50:00Z",
            "2026-12-04T13:50:00.ééZ",
            "2026-12-04T13:50:00+0é:00",
            "",
            "T",
        ] {
            assert_eq!(parse_instant(odd), None, "{odd}");
            assert_eq!(parse_date(odd), None, "{odd}");
        }
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            parse_date("2024-02-29").map(format_date).unwrap(),
            "2024-02-29"
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2026-2-01"), None);
        assert_eq!(parse_date("1970-01-01"), Some(0));
    }
}
