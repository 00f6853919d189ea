//! The `Intl` services as host objects: what their prototypes' methods and getters do (`format`
//! and `compare` are getters returning bound functions, as ECMA-402 has them, so
//! `list.map(nf.format)` and `names.sort(collator.compare)` work).

use std::rc::Rc;

use super::super::convert::{to_number, to_string};
use super::super::error::Throw;
use super::super::host::{HostObject, new_host};
use super::super::value::Value;
use super::collator::Collator;
use super::date_time_format::{DateTimeFormat, Defaults};
use super::list_format::ListFormat;
use super::number_format::NumberFormat;
use super::parts;
use super::plural_rules::PluralRules;
use super::relative_time_format::RelativeTimeFormat;

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// One `Intl` object: the service and its resolved state.
enum Service {
    Number(NumberFormat),
    DateTime(DateTimeFormat),
    Collator(Collator),
    Plural(PluralRules),
    Relative(RelativeTimeFormat),
    List(ListFormat),
}

struct IntlObject(Rc<Service>);

pub fn number_format(locales: &Value, options: &Value) -> Result<Value, Throw> {
    Ok(new_host(IntlObject(Rc::new(Service::Number(
        NumberFormat::new(locales, options)?,
    )))))
}

pub fn date_time_format(locales: &Value, options: &Value) -> Result<Value, Throw> {
    Ok(new_host(IntlObject(Rc::new(Service::DateTime(
        DateTimeFormat::new(locales, options, Defaults::Date)?,
    )))))
}

pub fn collator(locales: &Value, options: &Value) -> Result<Value, Throw> {
    Ok(new_host(IntlObject(Rc::new(Service::Collator(
        Collator::new(locales, options)?,
    )))))
}

pub fn plural_rules(locales: &Value, options: &Value) -> Result<Value, Throw> {
    Ok(new_host(IntlObject(Rc::new(Service::Plural(
        PluralRules::new(locales, options)?,
    )))))
}

pub fn relative_time_format(locales: &Value, options: &Value) -> Result<Value, Throw> {
    Ok(new_host(IntlObject(Rc::new(Service::Relative(
        RelativeTimeFormat::new(locales, options)?,
    )))))
}

pub fn list_format(locales: &Value, options: &Value) -> Result<Value, Throw> {
    Ok(new_host(IntlObject(Rc::new(Service::List(
        ListFormat::new(locales, options)?,
    )))))
}

/// The time value a `DateTimeFormat` formats: now for `undefined`, else ToNumber.
fn time_argument(value: &Value) -> Result<f64, Throw> {
    let time = match value {
        Value::Undefined => super::super::date::now(),
        other => to_number(other)?,
    };
    if !time.is_finite() || time.abs() > 8.64e15 {
        return Err(Throw::range_error("Invalid time value"));
    }
    Ok(time)
}

impl Service {
    fn class(&self) -> &'static str {
        match self {
            Service::Number(_) => "NumberFormat",
            Service::DateTime(_) => "DateTimeFormat",
            Service::Collator(_) => "Collator",
            Service::Plural(_) => "PluralRules",
            Service::Relative(_) => "RelativeTimeFormat",
            Service::List(_) => "ListFormat",
        }
    }

    /// The bound `format` (or `compare`) function's body.
    fn format(&self, args: &[Value]) -> Result<Value, Throw> {
        match self {
            Service::Number(format) => {
                let pieces = format.value_pieces(&arg(args, 0))?;
                Ok(Value::str(&parts::joined(&pieces)))
            }
            Service::DateTime(format) => {
                Ok(Value::str(&format.format(time_argument(&arg(args, 0))?)?))
            }
            Service::Collator(collator) => {
                let a = to_string(&arg(args, 0))?.to_string();
                let b = to_string(&arg(args, 1))?.to_string();
                Ok(Value::from(collator.compare(&a, &b) as f64))
            }
            _ => Err(Throw::type_error("not a function")),
        }
    }

    fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        Some(match (self, name) {
            (_, "resolvedOptions") => Ok(match self {
                Service::Number(format) => format.resolved_options(),
                Service::DateTime(format) => format.resolved_options(),
                Service::Collator(collator) => collator.resolved_options(),
                Service::Plural(rules) => rules.resolved_options(),
                Service::Relative(format) => format.resolved_options(),
                Service::List(format) => format.resolved_options(),
            }),
            (Service::Number(_) | Service::DateTime(_), "format")
            | (Service::Collator(_), "compare") => self.format(args),
            (Service::Number(format), "formatToParts") => {
                (|| Ok(parts::to_js(&format.value_pieces(&arg(args, 0))?)))()
            }
            (Service::DateTime(format), "formatToParts") => {
                (|| Ok(parts::to_js(&format.pieces(time_argument(&arg(args, 0))?)?)))()
            }
            (Service::Plural(rules), "select") => {
                (|| Ok(Value::str(rules.select(to_number(&arg(args, 0))?))))()
            }
            (Service::Relative(format), "format") => (|| {
                let (pieces, _) = format.pieces(&arg(args, 0), &arg(args, 1))?;
                Ok(Value::str(&parts::joined(&pieces)))
            })(),
            (Service::Relative(format), "formatToParts") => {
                format.to_parts(&arg(args, 0), &arg(args, 1))
            }
            (Service::List(format), "format") => {
                (|| Ok(Value::str(&parts::joined(&format.pieces(&arg(args, 0))?))))()
            }
            (Service::List(format), "formatToParts") => {
                (|| Ok(parts::to_js(&format.pieces(&arg(args, 0))?)))()
            }
            _ => return None,
        })
    }

    fn methods(&self) -> &'static [&'static str] {
        match self {
            Service::Number(_) | Service::DateTime(_) => {
                &["format", "formatToParts", "resolvedOptions"]
            }
            Service::Collator(_) => &["compare", "resolvedOptions"],
            Service::Plural(_) => &["select", "resolvedOptions"],
            Service::Relative(_) | Service::List(_) => {
                &["format", "formatToParts", "resolvedOptions"]
            }
        }
    }
}

impl HostObject for IntlObject {
    fn class(&self) -> &'static str {
        self.0.class()
    }

    fn methods(&self) -> &'static [&'static str] {
        self.0.methods()
    }

    fn get(&self, _this: &Value, key: &str) -> Option<Result<Value, Throw>> {
        let bound = match (&*self.0, key) {
            (Service::Number(_) | Service::DateTime(_), "format")
            | (Service::Collator(_), "compare") => key,
            _ => return None,
        };
        let service = Rc::clone(&self.0);
        let length = if bound == "compare" { 2 } else { 1 };
        Some(Ok(Value::arrow_function("", length, move |_, args| {
            service.format(args)
        })))
    }

    fn call(&self, _this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        self.0.call(name, args)
    }

    fn inspect(&self, _this: &Value) -> String {
        format!("{} [Intl.{}] {{}}", self.0.class(), self.0.class())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
