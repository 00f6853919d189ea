//! `Intl` (ECMA-402) on ICU4X, behind the runtime's `intl` feature: the compiler turns the
//! feature on for a server whose handlers name `Intl` or pass locales to a locale-sensitive
//! method (`RuntimeNeeds::intl`), so servers that do not pay nothing for the CLDR data.
//!
//! ```text
//! new Intl.NumberFormat("de", o)   → rt::new_instance(&rt::static_value("Intl.NumberFormat"), …)
//!                                  → construct("NumberFormat", args) → a host object (`formatters.rs`)
//! Intl.getCanonicalLocales(l)      → rt::call_static("Intl.getCanonicalLocales", …)
//! (1234.5).toLocaleString("de")    → number_to_locale_string
//! ```
//!
//! One file per service: `number_format.rs` (with `number_digits.rs`), `date_time_format.rs`,
//! `collator.rs`, `plural_rules.rs`, `relative_time_format.rs`, `list_format.rs`; the shared
//! pieces are `locale.rs` (locale lists and negotiation), `options.rs` and `parts.rs`.

pub mod collator;
pub mod date_time_format;
pub mod formatters;
pub mod list_format;
pub mod locale;
pub mod number_digits;
pub mod number_format;
pub mod options;
pub mod parts;
pub mod plural_rules;
pub mod relative_time_format;

use super::error::Throw;
use super::value::Value;

/// The services `Intl` has, as constructors.
pub const SERVICES: &[&str] = &[
    "NumberFormat",
    "DateTimeFormat",
    "Collator",
    "PluralRules",
    "RelativeTimeFormat",
    "ListFormat",
];

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// `Intl.<name>` read as a value: a built-in constructor (callable without `new` where
/// ECMA-402 allows it), whose statics (`supportedLocalesOf`) answer through `call_static`.
pub fn static_value(name: &str) -> Option<Value> {
    let service = SERVICES.iter().find(|service| **service == name)?;
    let full: &'static str = match *service {
        "NumberFormat" => "Intl.NumberFormat",
        "DateTimeFormat" => "Intl.DateTimeFormat",
        "Collator" => "Intl.Collator",
        "PluralRules" => "Intl.PluralRules",
        "RelativeTimeFormat" => "Intl.RelativeTimeFormat",
        _ => "Intl.ListFormat",
    };
    Some(Value::builtin_function(
        service,
        full,
        0,
        // A call without `new`; `new` reaches `construct` through the canonical name
        // (`class::new_instance` → `globals::construct`).
        move |_, args| call_static(&full["Intl.".len()..], args),
    ))
}

/// `Intl.<name>(...args)` (a static call or a call of a service without `new`).
pub fn call_static(name: &str, args: &[Value]) -> Result<Value, Throw> {
    if let Some(service) = name.strip_suffix(".supportedLocalesOf")
        && SERVICES.contains(&service)
    {
        options::Options::new(&arg(args, 1), "Intl")?;
        return locale::supported_locales_of(&arg(args, 0));
    }
    match name {
        "getCanonicalLocales" => locale::get_canonical_locales(&arg(args, 0)),
        "NumberFormat" | "DateTimeFormat" | "Collator" => construct(name, args),
        "PluralRules" | "RelativeTimeFormat" | "ListFormat" => Err(Throw::type_error(format!(
            "Constructor Intl.{name} requires 'new'"
        ))),
        _ => Err(Throw::type_error(format!("Intl.{name} is not a function"))),
    }
}

/// `new Intl.<name>(locales, options)`.
pub fn construct(name: &str, args: &[Value]) -> Result<Value, Throw> {
    let (locales, options) = (arg(args, 0), arg(args, 1));
    match name {
        "NumberFormat" => formatters::number_format(&locales, &options),
        "DateTimeFormat" => formatters::date_time_format(&locales, &options),
        "Collator" => formatters::collator(&locales, &options),
        "PluralRules" => formatters::plural_rules(&locales, &options),
        "RelativeTimeFormat" => formatters::relative_time_format(&locales, &options),
        "ListFormat" => formatters::list_format(&locales, &options),
        _ => Err(Throw::type_error(format!(
            "Intl.{name} is not a constructor"
        ))),
    }
}

/// `number.toLocaleString(locales, options)`.
pub fn number_to_locale_string(number: f64, args: &[Value]) -> Result<Value, Throw> {
    let format = number_format::NumberFormat::new(&arg(args, 0), &arg(args, 1))?;
    Ok(Value::str(&parts::joined(&format.pieces(number)?)))
}

/// `big.toLocaleString(locales, options)`: the digits of a BigInt, all of them, as
/// `Intl.NumberFormat` writes them.
pub fn bigint_to_locale_string(big: &Value, args: &[Value]) -> Result<Value, Throw> {
    let format = number_format::NumberFormat::new(&arg(args, 0), &arg(args, 1))?;
    Ok(Value::str(&parts::joined(&format.value_pieces(big)?)))
}

/// `date.toLocaleString` / `toLocaleDateString` / `toLocaleTimeString` (`which`) with locales
/// and options; `time` is the date's time value.
pub fn date_to_locale_string(time: f64, which: &str, args: &[Value]) -> Result<Value, Throw> {
    if time.is_nan() {
        return Ok(Value::str("Invalid Date"));
    }
    let defaults = match which {
        "toLocaleDateString" => date_time_format::Defaults::Date,
        "toLocaleTimeString" => date_time_format::Defaults::Time,
        _ => date_time_format::Defaults::All,
    };
    let format = date_time_format::DateTimeFormat::new(&arg(args, 0), &arg(args, 1), defaults)?;
    Ok(Value::str(&format.format(time)?))
}

/// `a.localeCompare(b, locales, options)`.
pub fn locale_compare(a: &str, b: &str, args: &[Value]) -> Result<Value, Throw> {
    let collator = collator::Collator::new(&arg(args, 0), &arg(args, 1))?;
    Ok(Value::from(collator.compare(a, b) as f64))
}
