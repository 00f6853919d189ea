//! Locale lists and locale negotiation, as ECMA-402 and V8 do them: the `locales` argument of
//! every `Intl` constructor and `toLocaleString`, `Intl.getCanonicalLocales` and
//! `supportedLocalesOf`.
//!
//! ```text
//! undefined              → []              → the default locale, en-US (Node's here)
//! "EN-us"                → ["en-US"]       (case-normalised BCP 47)
//! ["de", "xx"]           → de              (the first one with CLDR data; "xx" has none)
//! "en_US"                → RangeError: Incorrect locale information provided
//! ```
//!
//! Whether a locale is available is asked of ICU4X's compiled data: a locale is supported when
//! its list patterns ("a, b and c": every language words them its own way) resolve to a locale
//! other than the root (`und`), which is what ICU's availability list amounts to.

use icu::locale::Locale;
use icu_provider::prelude::*;

use super::super::access::get_key;
use super::super::convert::to_string;
use super::super::error::Throw;
use super::super::string::JsString;
use super::super::value::Value;

/// Node's default locale (no `LANG` influence: the compiled server answers as Node does in
/// the reference environment).
pub const DEFAULT_LOCALE: &str = "en-US";

fn incorrect() -> Throw {
    Throw::range_error("Incorrect locale information provided")
}

/// Parses one language tag into its canonical (case-normalised) form.
pub fn canonical(tag: &str) -> Result<Locale, Throw> {
    // ICU4X accepts `_` as a separator; BCP 47 (and V8) do not.
    if tag.contains('_') || tag.is_empty() {
        return Err(incorrect());
    }
    Locale::try_from_str(tag).map_err(|_| incorrect())
}

/// CanonicalizeLocaleList: the `locales` argument as canonical tags, without duplicates.
pub fn canonical_list(locales: &Value) -> Result<Vec<Locale>, Throw> {
    let mut tags: Vec<Locale> = Vec::new();
    let mut add = |value: &Value| -> Result<(), Throw> {
        match value {
            Value::String(text) => {
                let locale = canonical(&text.to_string())?;
                if !tags.contains(&locale) {
                    tags.push(locale);
                }
                Ok(())
            }
            Value::Object(_) => {
                let locale = canonical(&to_string(value)?.to_string())?;
                if !tags.contains(&locale) {
                    tags.push(locale);
                }
                Ok(())
            }
            _ => Err(Throw::type_error("Language ID should be string or object.")),
        }
    };
    match locales {
        Value::Undefined => {}
        Value::String(_) => add(locales)?,
        Value::Null => {
            return Err(Throw::type_error(
                "Cannot convert undefined or null to object",
            ));
        }
        Value::Array(_) | Value::Object(_) => {
            let length = get_key(locales, &JsString::new("length"))?;
            let length = super::super::convert::to_number(&length)?;
            let length = if length.is_finite() && length > 0.0 {
                length as usize
            } else {
                0
            };
            for index in 0..length {
                let item = get_key(locales, &JsString::new(&index.to_string()))?;
                add(&item)?;
            }
        }
        // Numbers, booleans: `ToObject` gives an object without a length, an empty list.
        _ => {}
    }
    Ok(tags)
}

/// Whether ICU4X has data for `locale` beyond the root locale.
pub fn is_supported(locale: &Locale) -> bool {
    let data_locale = DataLocale::from(locale);
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(
            icu::list::provider::ListFormatterPatterns::WIDE,
            &data_locale,
        ),
        metadata: {
            let mut metadata = DataRequestMetadata::default();
            metadata.silent = true;
            metadata
        },
    };
    let response: Result<DataResponse<icu::list::provider::ListAndV1>, _> =
        icu::list::provider::Baked.load(request);
    match response {
        Ok(response) => match response.metadata.locale {
            None => true,
            Some(found) => !found.is_unknown(),
        },
        Err(_) => false,
    }
}

/// How finely a service's locales are told apart in ICU's data, which decides the locale its
/// `resolvedOptions()` reports.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// Numbers, dates, lists, relative time: CLDR's regional locales (`de-DE`, `fr-CA`).
    Regional,
    /// Collation: languages, with a few regional tailorings.
    Collation,
    /// Plural rules: languages only.
    Language,
}

/// CLDR locales of a language outside its own likely regions, for the languages the corpus
/// covers (English has a locale for nearly every region, so any known region is kept).
const REGIONAL_LOCALES: &[&str] = &[
    "fr-BE", "fr-CA", "fr-CH", "fr-LU", "fr-MA", "fr-SN", "es-419", "es-AR", "es-CL", "es-CO",
    "es-MX", "es-PE", "es-US", "de-AT", "de-BE", "de-CH", "de-IT", "de-LI", "de-LU", "pt-AO",
    "pt-MZ", "pt-PT", "zh-HK", "zh-MO", "zh-SG", "zh-TW", "nl-BE", "it-CH",
];

/// Whether `region` is a region CLDR names (`GB`, `419`; not `XX`).
fn is_known_region(region: icu::locale::subtags::Region) -> bool {
    use icu::experimental::displaynames::DisplayNamesOptions;
    use icu::experimental::displaynames::multi::RegionDisplayNames;
    let english = icu::locale::locale!("en");
    RegionDisplayNames::try_new((&english).into(), DisplayNamesOptions::default())
        .is_ok_and(|names| names.of(region).is_some())
}

/// Whether ICU has a locale for `language`-`region` (CLDR: the language's own regions, the
/// region's main language, English anywhere, and [`REGIONAL_LOCALES`]).
fn has_regional_locale(language: &str, region: icu::locale::subtags::Region) -> bool {
    use icu::locale::LocaleExpander;
    if !is_known_region(region) {
        return false;
    }
    let region_text = region.as_str();
    if language == "en" || REGIONAL_LOCALES.contains(&format!("{language}-{region_text}").as_str())
    {
        return true;
    }
    let expander = LocaleExpander::new_extended();
    let main_language = |mut id: icu::locale::LanguageIdentifier| {
        expander.maximize(&mut id);
        id
    };
    if let Ok(of_region) =
        icu::locale::LanguageIdentifier::try_from_str(&format!("und-{region_text}"))
        && main_language(of_region).language.as_str() == language
    {
        return true;
    }
    icu::locale::LanguageIdentifier::try_from_str(language)
        .is_ok_and(|id| main_language(id).region == Some(region))
}

/// The locale a service reports for a requested one it supports.
fn reported(locale: &Locale, granularity: Granularity) -> Locale {
    let mut plain = locale.clone();
    plain.extensions = Default::default();
    let language = plain.id.language.as_str().to_string();
    let region_subtag = plain.id.region;
    let region = region_subtag.map(|region| region.as_str().to_string());
    let keep_region = match granularity {
        Granularity::Language => false,
        Granularity::Collation => {
            language == "zh"
                || matches!(
                    (language.as_str(), region.as_deref()),
                    ("en", Some("US")) | ("fr", Some("CA"))
                )
        }
        Granularity::Regional => {
            region_subtag.is_some_and(|region| has_regional_locale(&language, region))
        }
    };
    if !keep_region {
        plain.id.region = None;
        if granularity != Granularity::Regional && language != "zh" {
            plain.id.script = None;
            plain.id.variants.clear();
        }
    }
    plain
}

/// The locale a service uses: the first requested one with data, without its Unicode
/// extensions (none of the options they carry are modelled), else the default.
pub fn resolve(locales: &Value) -> Result<Locale, Throw> {
    resolve_for(locales, Granularity::Regional)
}

/// [`resolve`] for a service whose data is told apart by `granularity`.
pub fn resolve_for(locales: &Value, granularity: Granularity) -> Result<Locale, Throw> {
    for locale in canonical_list(locales)? {
        if is_supported(&locale) {
            return Ok(reported(&locale, granularity));
        }
    }
    Ok(reported(&default_locale(), granularity))
}

/// `en-US`.
pub fn default_locale() -> Locale {
    Locale::try_from_str(DEFAULT_LOCALE).unwrap_or(Locale::UNKNOWN)
}

/// `Intl.getCanonicalLocales(locales)`.
pub fn get_canonical_locales(locales: &Value) -> Result<Value, Throw> {
    let tags = canonical_list(locales)?;
    Ok(Value::array(
        tags.iter()
            .map(|tag| Value::str(&tag.to_string()))
            .collect(),
    ))
}

/// `Intl.<Service>.supportedLocalesOf(locales, options)`.
pub fn supported_locales_of(locales: &Value) -> Result<Value, Throw> {
    let tags = canonical_list(locales)?;
    Ok(Value::array(
        tags.iter()
            .filter(|tag| is_supported(tag))
            .map(|tag| Value::str(&tag.to_string()))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_locales_have_data_and_made_up_ones_do_not() {
        for tag in [
            "en", "en-GB", "en-XX", "de", "fr", "es", "ja", "zh", "de-DE", "fr-CA",
        ] {
            assert!(is_supported(&canonical(tag).unwrap()), "{tag}");
        }
        for tag in ["xx", "zz-ZZ"] {
            assert!(!is_supported(&canonical(tag).unwrap()), "{tag}");
        }
    }
}

#[cfg(test)]
mod resolution_tests {
    use super::*;

    #[test]
    fn regional_locales_are_reported_as_icu_has_them() {
        for (tag, formats, collates) in [
            ("de-DE", "de-DE", "de"),
            ("en-US", "en-US", "en-US"),
            ("en-XX", "en", "en"),
            ("en-GB", "en-GB", "en"),
            ("fr-CA", "fr-CA", "fr-CA"),
            ("fr-JP", "fr", "fr"),
            ("zh-TW", "zh-TW", "zh-TW"),
            ("es-419", "es-419", "es"),
            ("ja-JP", "ja-JP", "ja"),
        ] {
            let locale = canonical(tag).unwrap();
            assert_eq!(
                reported(&locale, Granularity::Regional).to_string(),
                formats,
                "{tag}"
            );
            assert_eq!(
                reported(&locale, Granularity::Collation).to_string(),
                collates,
                "{tag}"
            );
            assert_eq!(
                reported(&locale, Granularity::Language).to_string(),
                tag.split('-').next().unwrap(),
                "{tag}"
            );
        }
    }
}
