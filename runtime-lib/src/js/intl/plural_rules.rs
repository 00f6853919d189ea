//! `Intl.PluralRules`: CLDR's cardinal and ordinal plural categories through ICU4X, after the
//! same rounding `Intl.NumberFormat` applies (so `1` is "one" but `1.0` with one fraction
//! digit is "other" in English).
//!
//! ```text
//! new Intl.PluralRules("en").select(1)                      → "one"
//! new Intl.PluralRules("en", { type: "ordinal" }).select(2) → "two"   ("2nd")
//! ```

use fixed_decimal::{Decimal, FloatPrecision};
use icu::locale::Locale;
use icu::plurals::{PluralCategory, PluralOperands, PluralRuleType, PluralRules as IcuRules};

use super::super::error::Throw;
use super::super::value::Value;
use super::number_digits::{self, Digits};
use super::options::Options;

pub struct PluralRules {
    locale: Locale,
    ordinal: bool,
    digits: Digits,
    rules: IcuRules,
}

/// The name ECMA-402 gives a category.
pub fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

impl PluralRules {
    /// `new Intl.PluralRules(locales, options)`.
    pub fn new(locales: &Value, options: &Value) -> Result<PluralRules, Throw> {
        let locale = super::locale::resolve_for(locales, super::locale::Granularity::Language)?;
        let options = Options::new(options, "Intl.PluralRules")?;
        options.string("localeMatcher", &["lookup", "best fit"])?;
        let ordinal =
            options.string("type", &["cardinal", "ordinal"])?.as_deref() == Some("ordinal");
        let digits = number_digits::read(&options, (0, 3), false)?;
        let prefs = (&locale).into();
        let rules = if ordinal {
            IcuRules::try_new(prefs, PluralRuleType::Ordinal.into())
        } else {
            IcuRules::try_new(prefs, PluralRuleType::Cardinal.into())
        }
        .map_err(super::number_format::data_error)?;
        Ok(PluralRules {
            locale,
            ordinal,
            digits,
            rules,
        })
    }

    /// `select(n)`.
    pub fn select(&self, n: f64) -> &'static str {
        if !n.is_finite() {
            return "other";
        }
        let Ok(value) = Decimal::try_from_f64(n, FloatPrecision::RoundTrip) else {
            return "other";
        };
        let rounded = self.digits.apply(&value);
        category_name(self.rules.category_for(PluralOperands::from(&rounded)))
    }

    /// `resolvedOptions()`, in V8's order (Node 20's V8 lists no rounding members here).
    pub fn resolved_options(&self) -> Value {
        let mut entries: Vec<(&'static str, Value)> = vec![
            ("locale", Value::str(&self.locale.to_string())),
            (
                "type",
                Value::str(if self.ordinal { "ordinal" } else { "cardinal" }),
            ),
        ];
        self.digits.resolved(&mut entries);
        // ICU lists the categories in its own order: alphabetical, with "other" last.
        let mut categories: Vec<&str> = self.rules.categories().map(category_name).collect();
        categories.sort_by_key(|name| (*name == "other", *name));
        entries.push((
            "pluralCategories",
            Value::array(categories.into_iter().map(Value::str).collect()),
        ));
        Value::object(entries)
    }
}
