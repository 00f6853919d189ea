//! `Intl.DateTimeFormat` and `Date.prototype.toLocaleString`/`toLocaleDateString`/
//! `toLocaleTimeString` with locales and options, on ICU4X's date/time formatter (CLDR's
//! patterns) and, for `timeZone`, the IANA database bundled with `jiff`.
//!
//! ```text
//! new Intl.DateTimeFormat("de", { dateStyle: "long" }).format(d)      → "4. März 2026"
//! d.toLocaleString("en-US", { timeZone: "America/New_York" })          → "3/4/2026, 12:06:07 AM"
//! d.toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit" })   → "05:06 AM"
//! ```
//!
//! ECMA-402's component options (`year`, `month`, `weekday`, …) are turned into one of ICU4X's
//! semantic field sets: which fields show, a length from the widest text field (a month
//! `long` → long, `short` → medium, numeric → short), the year's style, and the time's
//! precision. CLDR then picks the pattern, as ICU does from the matching skeleton.

use icu::calendar::{Date, Gregorian};
use icu::datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu::datetime::fieldsets::enums::CompositeDateTimeFieldSet;
use icu::datetime::options::{Alignment, Length, SubsecondDigits, TimePrecision, YearStyle};
use icu::datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter};
use icu::locale::Locale;
use icu::locale::preferences::extensions::unicode::keywords::HourCycle;
use icu::time::{DateTime, Time};
use writeable::Part;

use super::super::error::Throw;
use super::super::value::Value;
use super::options::Options;
use super::parts::{self, Piece};

/// Which components a method shows when none are asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Defaults {
    /// `Intl.DateTimeFormat`, `toLocaleDateString`: year, month, day.
    Date,
    /// `toLocaleTimeString`: hour, minute, second.
    Time,
    /// `toLocaleString`: both.
    All,
}

const SERVICE: &str = "Intl.DateTimeFormat";
const STYLES: &[&str] = &["full", "long", "medium", "short"];
const NUMERIC: &[&str] = &["numeric", "2-digit"];
const TEXT: &[&str] = &["narrow", "short", "long"];
const MONTHS: &[&str] = &["numeric", "2-digit", "narrow", "short", "long"];

/// The requested components (`None`: not shown).
#[derive(Clone, Default)]
struct Components {
    weekday: Option<&'static str>,
    year: Option<&'static str>,
    month: Option<&'static str>,
    day: Option<&'static str>,
    hour: Option<&'static str>,
    minute: Option<&'static str>,
    second: Option<&'static str>,
    fractional: Option<u32>,
}

/// A time zone: its resolved name and how to find its offset.
#[derive(Clone)]
enum Zone {
    Utc,
    Iana(jiff::tz::TimeZone, String),
}

pub struct DateTimeFormat {
    locale: Locale,
    zone: Zone,
    /// `Some(h12)` when an hour shows: whether a 12-hour clock is used.
    hour_cycle: Option<&'static str>,
    components: Components,
    date_style: Option<&'static str>,
    time_style: Option<&'static str>,
}

fn intern(value: Option<String>, allowed: &[&'static str]) -> Option<&'static str> {
    value.and_then(|value| allowed.iter().find(|known| **known == value).copied())
}

/// CLDR's canonical names where they keep a zone's older IANA name (`timezone.xml`), which ICU
/// and so V8 report; ICU4X answers the current IANA name.
const CLDR_LEGACY_NAMES: &[(&str, &str)] = &[
    ("Asia/Kolkata", "Asia/Calcutta"),
    ("Asia/Kathmandu", "Asia/Katmandu"),
    ("Asia/Ho_Chi_Minh", "Asia/Saigon"),
    ("Asia/Yangon", "Asia/Rangoon"),
    ("Atlantic/Faroe", "Atlantic/Faeroe"),
    ("America/Nuuk", "America/Godthab"),
    ("Europe/Kyiv", "Europe/Kiev"),
    ("Pacific/Pohnpei", "Pacific/Ponape"),
    ("Pacific/Chuuk", "Pacific/Truk"),
    ("America/Argentina/Buenos_Aires", "America/Buenos_Aires"),
    ("America/Indiana/Indianapolis", "America/Indianapolis"),
    ("America/Kentucky/Louisville", "America/Louisville"),
    ("Pacific/Kanton", "Pacific/Enderbury"),
    ("America/Atikokan", "America/Coral_Harbour"),
];

/// A time zone name as V8 resolves it (`utc` → `UTC`, `US/Eastern` → `America/New_York`):
/// ICU4X's IANA parser knows the names and their canonical forms, `jiff`'s bundled database
/// the offsets.
fn resolve_zone(name: &str) -> Result<Zone, Throw> {
    let invalid = || Throw::range_error(format!("Invalid time zone specified: {name}"));
    let parsed = icu::time::zone::iana::IanaParserExtended::new().parse(name);
    if parsed.time_zone == icu::time::TimeZone::UNKNOWN {
        return Err(invalid());
    }
    let canonical = parsed.canonical;
    if matches!(canonical, "Etc/UTC" | "Etc/GMT" | "UTC" | "GMT") {
        return Ok(Zone::Utc);
    }
    let zone = jiff::tz::TimeZone::get(canonical).map_err(|_| invalid())?;
    let reported = CLDR_LEGACY_NAMES
        .iter()
        .find(|(current, _)| *current == canonical)
        .map_or(canonical, |(_, legacy)| legacy);
    Ok(Zone::Iana(zone, reported.to_string()))
}

impl DateTimeFormat {
    /// `new Intl.DateTimeFormat(locales, options)`, or a `toLocale…String` call's format with
    /// that method's default components.
    pub fn new(
        locales: &Value,
        options: &Value,
        defaults: Defaults,
    ) -> Result<DateTimeFormat, Throw> {
        let locale = super::locale::resolve(locales)?;
        let options = Options::new(options, SERVICE)?;
        options.string("localeMatcher", &["lookup", "best fit"])?;
        if let Some(calendar) = options.string("calendar", &[])?
            && calendar != "gregory"
        {
            return Err(Throw::range_error(format!(
                "calendar {calendar} is not supported here: only the Gregorian calendar is"
            )));
        }
        if let Some(system) = options.string("numberingSystem", &[])?
            && system != "latn"
        {
            return Err(Throw::range_error(format!(
                "Invalid numberingSystem : {system}"
            )));
        }
        let hour12 = options.boolean("hour12")?;
        let hour_cycle_option = intern(
            options.string("hourCycle", &["h11", "h12", "h23", "h24"])?,
            &["h11", "h12", "h23", "h24"],
        );
        let zone = match options.raw("timeZone")? {
            Value::Undefined => Zone::Utc,
            other => resolve_zone(&super::super::convert::to_string(&other)?.to_string())?,
        };
        let mut components = Components {
            weekday: intern(options.string("weekday", TEXT)?, TEXT),
            ..Components::default()
        };
        if options.string("era", TEXT)?.is_some() {
            return Err(Throw::range_error("era is not supported here"));
        }
        components.year = intern(options.string("year", NUMERIC)?, NUMERIC);
        components.month = intern(options.string("month", MONTHS)?, MONTHS);
        components.day = intern(options.string("day", NUMERIC)?, NUMERIC);
        if options.string("dayPeriod", TEXT)?.is_some() {
            return Err(Throw::range_error("dayPeriod is not supported here"));
        }
        components.hour = intern(options.string("hour", NUMERIC)?, NUMERIC);
        components.minute = intern(options.string("minute", NUMERIC)?, NUMERIC);
        components.second = intern(options.string("second", NUMERIC)?, NUMERIC);
        components.fractional = options.number("fractionalSecondDigits", 1, 3)?;
        if options
            .string(
                "timeZoneName",
                &[
                    "short",
                    "long",
                    "shortOffset",
                    "longOffset",
                    "shortGeneric",
                    "longGeneric",
                ],
            )?
            .is_some()
        {
            return Err(Throw::range_error(
                "timeZoneName is not supported here: format the zone's name yourself",
            ));
        }
        options.string("formatMatcher", &["basic", "best fit"])?;
        let date_style = intern(options.string("dateStyle", STYLES)?, STYLES);
        let time_style = intern(options.string("timeStyle", STYLES)?, STYLES);
        let explicit = components.weekday.is_some()
            || components.year.is_some()
            || components.month.is_some()
            || components.day.is_some()
            || components.hour.is_some()
            || components.minute.is_some()
            || components.second.is_some()
            || components.fractional.is_some();
        if date_style.is_some() || time_style.is_some() {
            if explicit {
                let first = [
                    ("weekday", components.weekday.is_some()),
                    ("year", components.year.is_some()),
                    ("month", components.month.is_some()),
                    ("day", components.day.is_some()),
                    ("hour", components.hour.is_some()),
                    ("minute", components.minute.is_some()),
                    ("second", components.second.is_some()),
                ]
                .into_iter()
                .find(|(_, set)| *set)
                .map_or("fractionalSecondDigits", |(name, _)| name);
                let style = if date_style.is_some() {
                    "dateStyle"
                } else {
                    "timeStyle"
                };
                return Err(Throw::type_error(format!(
                    "Can't set option {first} when {style} is used"
                )));
            }
            if matches!(time_style, Some("long" | "full")) {
                return Err(Throw::range_error(
                    "timeStyle \"long\" and \"full\" (with the zone's name) are not supported here",
                ));
            }
        } else if !explicit {
            let date = defaults != Defaults::Time;
            let time = defaults != Defaults::Date;
            if date {
                components.year = Some("numeric");
                components.month = Some("numeric");
                components.day = Some("numeric");
            }
            if time {
                components.hour = Some("numeric");
                components.minute = Some("numeric");
                components.second = Some("numeric");
            }
        }
        let shows_hour = components.hour.is_some() || time_style.is_some();
        let hour_cycle = shows_hour.then(|| match (hour12, hour_cycle_option) {
            (Some(true), _) => {
                if locale_uses_h11(&locale) {
                    "h11"
                } else {
                    "h12"
                }
            }
            (Some(false), _) => "h23",
            (None, Some(cycle)) => cycle,
            (None, None) => {
                if locale_default_12h(&locale) {
                    if locale_uses_h11(&locale) {
                        "h11"
                    } else {
                        "h12"
                    }
                } else {
                    "h23"
                }
            }
        });
        Ok(DateTimeFormat {
            locale,
            zone,
            hour_cycle,
            components,
            date_style,
            time_style,
        })
    }

    fn preferences(&self) -> DateTimeFormatterPreferences {
        let mut prefs = DateTimeFormatterPreferences::from(&self.locale);
        prefs.hour_cycle = self.hour_cycle.map(|cycle| match cycle {
            "h11" => HourCycle::H11,
            "h12" => HourCycle::H12,
            _ => HourCycle::H23,
        });
        prefs
    }

    /// ICU4X's field set for the requested components or styles.
    fn field_set(&self) -> Result<CompositeDateTimeFieldSet, Throw> {
        let mut builder = FieldSetBuilder::new();
        if self.date_style.is_some() || self.time_style.is_some() {
            if let Some(style) = self.date_style {
                builder.date_fields = Some(if style == "full" {
                    DateFields::YMDE
                } else {
                    DateFields::YMD
                });
                builder.length = Some(match style {
                    "full" | "long" => Length::Long,
                    "medium" => Length::Medium,
                    _ => Length::Short,
                });
            }
            if let Some(style) = self.time_style {
                builder.time_precision = Some(if style == "short" {
                    TimePrecision::Minute
                } else {
                    TimePrecision::Second
                });
                if builder.length.is_none() {
                    builder.length = Some(Length::Medium);
                }
            }
        } else {
            let c = &self.components;
            let (weekday, year, month, day) = (
                c.weekday.is_some(),
                c.year.is_some(),
                c.month.is_some(),
                c.day.is_some(),
            );
            builder.date_fields = match (weekday, year, month, day) {
                (false, false, false, false) => None,
                (false, true, true, true) => Some(DateFields::YMD),
                (false, false, true, true) => Some(DateFields::MD),
                (false, true, true, false) => Some(DateFields::YM),
                (false, false, false, true) => Some(DateFields::D),
                (false, false, true, false) => Some(DateFields::M),
                (false, true, false, false) => Some(DateFields::Y),
                (true, false, false, false) => Some(DateFields::E),
                (true, false, false, true) => Some(DateFields::DE),
                (true, false, true, true) => Some(DateFields::MDE),
                (true, _, _, _) => Some(DateFields::YMDE),
                // A year with a day but no month: ICU shows the month too.
                (false, true, false, true) => Some(DateFields::YMD),
            };
            let text = |width: Option<&str>| match width {
                Some("long") => Some(Length::Long),
                Some("short" | "narrow") => Some(Length::Medium),
                _ => None,
            };
            builder.length = Some(
                text(c.month)
                    .or_else(|| text(c.weekday))
                    .unwrap_or(Length::Short),
            );
            if c.year == Some("numeric") {
                builder.year_style = Some(YearStyle::Full);
            }
            if c.month == Some("2-digit") || c.day == Some("2-digit") {
                builder.alignment = Some(Alignment::Column);
            }
            builder.time_precision = match (c.hour, c.minute, c.second, c.fractional) {
                (_, _, _, Some(digits)) => Some(TimePrecision::Subsecond(match digits {
                    1 => SubsecondDigits::S1,
                    2 => SubsecondDigits::S2,
                    _ => SubsecondDigits::S3,
                })),
                (_, _, Some(_), None) => Some(TimePrecision::Second),
                (_, Some(_), None, None) => Some(TimePrecision::Minute),
                (Some(_), None, None, None) => Some(TimePrecision::Hour),
                (None, None, None, None) => None,
            };
            if builder.date_fields.is_none() && builder.time_precision.is_none() {
                builder.time_precision = Some(TimePrecision::Second);
            }
        }
        builder
            .build_composite_datetime()
            .map_err(|error| Throw::range_error(format!("Unsupported date/time options: {error}")))
    }

    /// The local date and time of the instant `time` (ms since the epoch) in the zone.
    fn local(&self, time: f64) -> Result<DateTime<Gregorian>, Throw> {
        let millis = time as i64;
        let offset_seconds = match &self.zone {
            Zone::Utc => 0,
            Zone::Iana(zone, _) => {
                let instant = jiff::Timestamp::from_millisecond(millis)
                    .map_err(|_| Throw::range_error("Invalid time value"))?;
                zone.to_offset(instant).seconds()
            }
        };
        let local = millis + i64::from(offset_seconds) * 1000;
        let days = local.div_euclid(86_400_000);
        let in_day = local.rem_euclid(86_400_000);
        // Dates within ECMAScript's ±8.64e15 ms range: the year fits an i32, month and day a u8.
        let (year, month, day) = crate::js::date::civil_from_days(days);
        let date = Date::try_new_gregorian(year as i32, month as u8, day as u8)
            .map_err(|_| Throw::range_error("Invalid time value"))?;
        let time = Time::try_new(
            (in_day / 3_600_000) as u8,
            (in_day / 60_000 % 60) as u8,
            (in_day / 1000 % 60) as u8,
            (in_day % 1000) as u32 * 1_000_000,
        )
        .map_err(|_| Throw::range_error("Invalid time value"))?;
        Ok(DateTime { date, time })
    }

    /// `format(time)`: V8 writes a plain space where CLDR 42+ has U+202F (before "AM"), for
    /// the web's sake; `formatToParts` keeps CLDR's character.
    pub fn format(&self, time: f64) -> Result<String, Throw> {
        Ok(parts::joined(&self.pieces(time)?).replace('\u{202F}', " "))
    }

    /// `formatToParts(time)`'s typed pieces.
    pub fn pieces(&self, time: f64) -> Result<Vec<Piece>, Throw> {
        let formatter =
            FixedCalendarDateTimeFormatter::<Gregorian, CompositeDateTimeFieldSet>::try_new(
                self.preferences(),
                self.field_set()?,
            )
            .map_err(|error| {
                Throw::range_error(format!("Internal error: locale data ({error})"))
            })?;
        let local = self.local(time)?;
        let annotated = parts::annotate(&formatter.format(&local));
        let mut pieces = parts::pieces(&annotated, date_part);
        let c = &self.components;
        let language = self.locale.id.language.as_str();
        for piece in &mut pieces {
            // ICU4X picks patterns by length, not by ICU's skeletons: where the locale's
            // medium pattern is numeric (`de`, `ja`), an abbreviated month cannot be had.
            if piece.kind == "month"
                && matches!(c.month, Some("short" | "narrow"))
                && piece.value.bytes().all(|byte| byte.is_ascii_digit())
            {
                return Err(Throw::range_error(format!(
                    "month: \"{}\" is not supported here for {}: use \"long\" or \"numeric\"",
                    c.month.unwrap_or("short"),
                    self.locale
                )));
            }
            let requested = match piece.kind {
                // A time style's hour is CLDR's numeric `H`/`h` (padded only where the locale's
                // pattern says `HH`, which `unpadded_numeric` knows).
                "hour" => c.hour.or(self.time_style.map(|_| "numeric")),
                "month" => c.month,
                "day" => c.day,
                _ => None,
            };
            if requested == Some("2-digit") && piece.value.len() == 1 {
                // `2-digit` pads the field even where the locale's pattern does not.
                piece.value.insert(0, '0');
            } else if requested == Some("numeric")
                && piece.value.len() == 2
                && piece.value.starts_with('0')
                && unpadded_numeric(language, piece.kind)
            {
                piece.value.remove(0);
            }
        }
        Ok(pieces)
    }

    /// `resolvedOptions()`, in V8's order. Numeric widths are read back from what the pattern
    /// writes (a padded field is "2-digit"), as V8 reads them from ICU's pattern.
    pub fn resolved_options(&self) -> Value {
        let mut entries: Vec<(&'static str, Value)> = vec![
            ("locale", Value::str(&self.locale.to_string())),
            ("calendar", Value::str("gregory")),
            ("numberingSystem", Value::str("latn")),
            (
                "timeZone",
                Value::str(match &self.zone {
                    Zone::Utc => "UTC",
                    Zone::Iana(_, name) => name,
                }),
            ),
        ];
        if let Some(cycle) = self.hour_cycle {
            entries.push(("hourCycle", Value::str(cycle)));
            entries.push(("hour12", Value::Bool(matches!(cycle, "h11" | "h12"))));
        }
        if self.date_style.is_some() || self.time_style.is_some() {
            if let Some(style) = self.date_style {
                entries.push(("dateStyle", Value::str(style)));
            }
            if let Some(style) = self.time_style {
                entries.push(("timeStyle", Value::str(style)));
            }
            return Value::object(entries);
        }
        // 2026-03-04T05:06:07Z: every numeric field below 10, so padding shows.
        let probe = self.pieces(1_772_600_767_000.0).unwrap_or_default();
        let padded = |kind: &str| {
            probe
                .iter()
                .any(|piece| piece.kind == kind && piece.value.starts_with('0'))
        };
        let width = |kind: &str, requested: Option<&'static str>| {
            requested.map(|requested| {
                if NUMERIC.contains(&requested) {
                    if padded(kind) { "2-digit" } else { "numeric" }
                } else {
                    requested
                }
            })
        };
        let c = &self.components;
        let fields = [
            ("weekday", c.weekday),
            ("year", c.year),
            ("month", width("month", c.month)),
            ("day", width("day", c.day)),
            ("hour", width("hour", c.hour)),
            (
                "minute",
                c.minute.map(|_| {
                    if padded("minute") {
                        "2-digit"
                    } else {
                        "numeric"
                    }
                }),
            ),
            (
                "second",
                c.second.map(|_| {
                    if padded("second") {
                        "2-digit"
                    } else {
                        "numeric"
                    }
                }),
            ),
        ];
        for (name, value) in fields {
            if let Some(value) = value {
                entries.push((name, Value::str(value)));
            }
        }
        if let Some(digits) = c.fractional {
            entries.push(("fractionalSecondDigits", Value::from(f64::from(digits))));
        }
        Value::object(entries)
    }
}

/// Whether the locale's clock is 12-hour by default (CLDR's time data: the region's
/// preferred hour cycle, as ICU reads it from the locale's short time pattern).
fn locale_default_12h(locale: &Locale) -> bool {
    let prefs = DateTimeFormatterPreferences::from(locale);
    let Ok(formatter) =
        FixedCalendarDateTimeFormatter::<Gregorian, CompositeDateTimeFieldSet>::try_new(prefs, {
            let mut builder = FieldSetBuilder::new();
            builder.time_precision = Some(TimePrecision::Minute);
            builder.length = Some(Length::Short);
            match builder.build_composite_datetime() {
                Ok(set) => set,
                Err(_) => return false,
            }
        })
    else {
        return false;
    };
    let afternoon = DateTime {
        date: match Date::try_new_gregorian(2000, 1, 1) {
            Ok(date) => date,
            Err(_) => return false,
        },
        time: match Time::try_new(13, 0, 0, 0) {
            Ok(time) => time,
            Err(_) => return false,
        },
    };
    let annotated = parts::annotate(&formatter.format(&afternoon));
    parts::pieces(&annotated, date_part)
        .iter()
        .any(|piece| piece.kind == "dayPeriod")
}

/// Where ICU4X's length-based pattern pads a numeric field that ICU's skeleton pattern (CLDR's
/// `availableFormats`, which ICU4X does not carry) leaves unpadded: `d.M.y` in German,
/// `y/M/d` in Japanese, `H:mm:ss` in Spanish (also in its `timeStyle` patterns). Checked
/// against Node for the listed locales.
fn unpadded_numeric(language: &str, field: &str) -> bool {
    matches!(
        (language, field),
        ("de" | "ja", "month" | "day") | ("es", "hour")
    )
}

/// Japanese writes 0 for the hour after midnight and noon on a 12-hour clock (h11).
fn locale_uses_h11(locale: &Locale) -> bool {
    locale.id.language.as_str() == "ja"
}

/// The `formatToParts` type of a part ICU4X's date/time formatter wrote.
fn date_part(part: &Part) -> Option<&'static str> {
    if part.category != "datetime" {
        return None;
    }
    Some(match part.value {
        "era" => "era",
        "year" => "year",
        "month" => "month",
        "day" => "day",
        "weekday" => "weekday",
        "dayPeriod" => "dayPeriod",
        "hour" => "hour",
        "minute" => "minute",
        "second" => "second",
        "timeZoneName" => "timeZoneName",
        _ => return None,
    })
}
