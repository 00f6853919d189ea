//! `Intl.Collator` and `localeCompare(other, locales, options)`, on ICU4X's collator (CLDR's
//! root collation and the locale's tailoring, as ICU's).
//!
//! ```text
//! new Intl.Collator("de").compare("ä", "z")                       → -1
//! new Intl.Collator("en", { sensitivity: "base" }).compare("a", "Á") → 0
//! new Intl.Collator("en", { numeric: true }).compare("2", "10")   → -1
//! ```

use std::cmp::Ordering;

use icu::collator::options::{AlternateHandling, CaseLevel, CollatorOptions, Strength};
use icu::collator::{Collator as IcuCollator, CollatorBorrowed, CollatorPreferences};
use icu::locale::Locale;
use icu::locale::preferences::extensions::unicode::keywords::{
    CollationCaseFirst, CollationNumericOrdering,
};

use super::super::error::Throw;
use super::super::value::Value;
use super::options::Options;

/// A collator's resolved options and ICU4X's collator for them.
pub struct Collator {
    locale: Locale,
    usage: &'static str,
    sensitivity: &'static str,
    ignore_punctuation: bool,
    numeric: bool,
    case_first: &'static str,
    collator: CollatorBorrowed<'static>,
}

fn pick(value: Option<String>, allowed: &[&'static str], default: &'static str) -> &'static str {
    value
        .and_then(|value| allowed.iter().find(|known| **known == value).copied())
        .unwrap_or(default)
}

impl Collator {
    /// `new Intl.Collator(locales, options)`.
    pub fn new(locales: &Value, options: &Value) -> Result<Collator, Throw> {
        let locale = super::locale::resolve_for(locales, super::locale::Granularity::Collation)?;
        let options = Options::new(options, "Intl.Collator")?;
        let usage = pick(
            options.string("usage", &["sort", "search"])?,
            &["sort", "search"],
            "sort",
        );
        options.string("localeMatcher", &["lookup", "best fit"])?;
        options.string("collation", &[])?;
        let numeric = options.boolean("numeric")?.unwrap_or(false);
        let case_first = pick(
            options.string("caseFirst", &["upper", "lower", "false"])?,
            &["upper", "lower", "false"],
            "false",
        );
        let sensitivity = pick(
            options.string("sensitivity", &["base", "accent", "case", "variant"])?,
            &["base", "accent", "case", "variant"],
            "variant",
        );
        let ignore_punctuation = options.boolean("ignorePunctuation")?.unwrap_or(false);
        let mut prefs = CollatorPreferences::from(&locale);
        prefs.numeric_ordering = Some(if numeric {
            CollationNumericOrdering::True
        } else {
            CollationNumericOrdering::False
        });
        prefs.case_first = Some(match case_first {
            "upper" => CollationCaseFirst::Upper,
            "lower" => CollationCaseFirst::Lower,
            _ => CollationCaseFirst::False,
        });
        let mut icu_options = CollatorOptions::default();
        icu_options.strength = Some(match sensitivity {
            "base" | "case" => Strength::Primary,
            "accent" => Strength::Secondary,
            _ => Strength::Tertiary,
        });
        if sensitivity == "case" {
            icu_options.case_level = Some(CaseLevel::On);
        }
        if ignore_punctuation {
            icu_options.alternate_handling = Some(AlternateHandling::Shifted);
        }
        let collator =
            IcuCollator::try_new(prefs, icu_options).map_err(super::number_format::data_error)?;
        Ok(Collator {
            locale,
            usage,
            sensitivity,
            ignore_punctuation,
            numeric,
            case_first,
            collator,
        })
    }

    /// -1, 0 or 1.
    pub fn compare(&self, a: &str, b: &str) -> i32 {
        match self.collator.compare(a, b) {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        }
    }

    /// `resolvedOptions()`, in V8's order.
    pub fn resolved_options(&self) -> Value {
        Value::object([
            ("locale", Value::str(&self.locale.to_string())),
            ("usage", Value::str(self.usage)),
            ("sensitivity", Value::str(self.sensitivity)),
            ("ignorePunctuation", Value::Bool(self.ignore_punctuation)),
            ("collation", Value::str("default")),
            ("numeric", Value::Bool(self.numeric)),
            ("caseFirst", Value::str(self.case_first)),
        ])
    }
}
