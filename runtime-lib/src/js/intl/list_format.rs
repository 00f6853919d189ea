//! `Intl.ListFormat`: "a, b, and c" with CLDR's list patterns through ICU4X.
//!
//! ```text
//! new Intl.ListFormat("en").format(["a", "b", "c"])                         → "a, b, and c"
//! new Intl.ListFormat("de", { type: "disjunction" }).format(["a", "b"])     → "a oder b"
//! ```

use icu::list::ListFormatter;
use icu::list::options::{ListFormatterOptions, ListLength};
use icu::locale::Locale;

use super::super::error::Throw;

use super::super::value::Value;
use super::options::Options;
use super::parts::{self, Piece};

pub struct ListFormat {
    locale: Locale,
    kind: &'static str,
    style: &'static str,
}

impl ListFormat {
    /// `new Intl.ListFormat(locales, options)`.
    pub fn new(locales: &Value, options: &Value) -> Result<ListFormat, Throw> {
        let locale = super::locale::resolve(locales)?;
        let options = Options::new(options, "Intl.ListFormat")?;
        options.string("localeMatcher", &["lookup", "best fit"])?;
        let kind = match options
            .string("type", &["conjunction", "disjunction", "unit"])?
            .as_deref()
        {
            Some("disjunction") => "disjunction",
            Some("unit") => "unit",
            _ => "conjunction",
        };
        let style = match options
            .string("style", &["long", "short", "narrow"])?
            .as_deref()
        {
            Some("short") => "short",
            Some("narrow") => "narrow",
            _ => "long",
        };
        Ok(ListFormat {
            locale,
            kind,
            style,
        })
    }

    /// `format(list)` as pieces.
    pub fn pieces(&self, list: &Value) -> Result<Vec<Piece>, Throw> {
        let items = match list {
            Value::Undefined => Vec::new(),
            other => super::super::iterate::collect(other)?,
        };
        let mut texts = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::String(text) => texts.push(text.to_string()),
                other => {
                    return Err(Throw::type_error(format!(
                        "Iterable yielded {} which is not a string",
                        super::super::console::inspect_short(&other)
                    )));
                }
            }
        }
        let length = match self.style {
            "short" => ListLength::Short,
            "narrow" => ListLength::Narrow,
            _ => ListLength::Wide,
        };
        let options = ListFormatterOptions::default().with_length(length);
        let prefs = (&self.locale).into();
        let formatter = match self.kind {
            "disjunction" => ListFormatter::try_new_or(prefs, options),
            "unit" => ListFormatter::try_new_unit(prefs, options),
            _ => ListFormatter::try_new_and(prefs, options),
        }
        .map_err(super::number_format::data_error)?;
        let annotated = parts::annotate(&formatter.format(texts.iter().map(|text| text.as_str())));
        Ok(parts::pieces(&annotated, |part| {
            (part.category == "list" && part.value == "element").then_some("element")
        }))
    }

    /// `resolvedOptions()`.
    pub fn resolved_options(&self) -> Value {
        Value::object([
            ("locale", Value::str(&self.locale.to_string())),
            ("type", Value::str(self.kind)),
            ("style", Value::str(self.style)),
        ])
    }
}
