//! `String.prototype.localeCompare` as V8 answers it with ICU's root collation, for the text
//! handlers compare: ASCII, and Latin letters with accents.
//!
//! ```text
//! "a".localeCompare("B")            → -1   (letters ignore case at the first level)
//! "a".localeCompare("A")            → -1   (then lower case sorts first)
//! "résumé".localeCompare("resume")  →  1   (accents decide at the second level)
//! ["eclair", "éclair", "zebra"]     sorted with localeCompare keeps that order
//! ```
//!
//! Each string becomes a list of collation elements (primary, secondary, tertiary) after
//! canonical decomposition (NFD), as in the Unicode Collation Algorithm (UTS #10): a base letter
//! carries the primary weight, a combining accent only a secondary one. Strings compare by all
//! primaries, then all secondaries, then all tertiaries. The weights are a small model of
//! CLDR's root order, checked against Node (ICU 74): white space and punctuation before digits,
//! digits before letters; accents in DUCET's secondary order; `ø ł đ` are `o l d` with a stroke,
//! `æ œ ß ĳ` expand to two letters, `ı` and `þ` are letters of their own. Scripts beyond Latin
//! fall back to code point order after the Latin letters.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;

/// One collation element.
#[derive(Clone, Copy)]
struct Element {
    /// 0 for an accent (ignorable at the first level).
    primary: u32,
    secondary: u16,
    tertiary: u8,
}

/// The secondary weight of unaccented characters.
const COMMON: u16 = 0x20;
/// The secondary weight that marks an expansion (`æ` after `ae`) or `ð` after `đ`.
const SPECIAL: u16 = 0xf0;
/// Tertiary weights: lower case, expansions, upper case.
const LOWER: u8 = 2;
const EXPANDED: u8 = 4;
const UPPER: u8 = 8;

/// Combining accents in ICU's secondary order (from sorting `"a" + accent` in Node).
const ACCENTS: [char; 26] = [
    '\u{301}', '\u{300}', '\u{306}', '\u{302}', '\u{30c}', '\u{30a}', '\u{308}', '\u{30b}',
    '\u{303}', '\u{307}', '\u{338}', '\u{327}', '\u{328}', '\u{304}', '\u{335}', '\u{309}',
    '\u{30f}', '\u{311}', '\u{31b}', '\u{323}', '\u{324}', '\u{325}', '\u{326}', '\u{32d}',
    '\u{330}', '\u{331}',
];

/// White space and punctuation in root order; all sort before digits.
const PUNCTUATION: &str = "\t\n\u{b}\u{c}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

/// Primary weights: punctuation from 1, digits from 0x100, letters from 0x200 (two apart, so a
/// letter like `ı` can sit between `i` and `j`), other characters from 0x10000 by code point.
fn primary_of(c: char) -> u32 {
    if let Some(position) = PUNCTUATION.find(c) {
        return 1 + position as u32;
    }
    if c.is_ascii_digit() {
        return 0x100 + (c as u32 - '0' as u32);
    }
    if c.is_ascii_alphabetic() {
        return 0x200 + 2 * (c.to_ascii_lowercase() as u32 - 'a' as u32);
    }
    match c {
        'ı' => primary_of('i') + 1,
        'þ' | 'Þ' => primary_of('z') + 2,
        _ => 0x10000 + c as u32,
    }
}

fn letter(c: char) -> Element {
    Element {
        primary: primary_of(c),
        secondary: COMMON,
        tertiary: if c.is_uppercase() { UPPER } else { LOWER },
    }
}

fn accent(secondary: u16) -> Element {
    Element {
        primary: 0,
        secondary,
        tertiary: LOWER,
    }
}

/// Appends the collation elements of one character of NFD text.
fn push_elements(c: char, out: &mut Vec<Element>) {
    if let Some(position) = ACCENTS.iter().position(|mark| *mark == c) {
        out.push(accent(0x21 + position as u16));
        return;
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        out.push(accent(0x60 + (c as u32 - 0x300) as u16));
        return;
    }
    let upper = c.is_uppercase();
    let stroked = |base: char, mark: char, out: &mut Vec<Element>| {
        let mut element = letter(base);
        if upper {
            element.tertiary = UPPER;
        }
        out.push(element);
        push_elements(mark, out);
    };
    let expanded = |first: char, second: char, out: &mut Vec<Element>| {
        let tertiary = if upper { UPPER } else { EXPANDED };
        out.push(Element {
            tertiary,
            ..letter(first)
        });
        out.push(Element {
            primary: 0,
            secondary: SPECIAL,
            tertiary,
        });
        out.push(Element {
            tertiary,
            ..letter(second)
        });
    };
    match c {
        'ø' | 'Ø' => stroked('o', '\u{338}', out),
        'ł' | 'Ł' => stroked('l', '\u{335}', out),
        'đ' | 'Đ' => stroked('d', '\u{335}', out),
        'ð' | 'Ð' => {
            stroked('d', '\u{335}', out);
            out.push(accent(SPECIAL));
        }
        'æ' | 'Æ' => expanded('a', 'e', out),
        'œ' | 'Œ' => expanded('o', 'e', out),
        'ĳ' | 'Ĳ' => expanded('i', 'j', out),
        'ß' => expanded('s', 's', out),
        other => out.push(letter(other)),
    }
}

fn elements(text: &str, numeric: bool) -> Vec<Element> {
    let mut out = Vec::with_capacity(text.len());
    let mut digits = String::new();
    for c in text.nfd() {
        if numeric && c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        push_number(&mut digits, &mut out);
        push_elements(c, &mut out);
    }
    push_number(&mut digits, &mut out);
    out
}

/// With `numeric: true`, a run of digits collates by its value: its length without leading
/// zeros, then its digits (so `"9" < "10"` and `"007"` equals `"7"`).
fn push_number(digits: &mut String, out: &mut Vec<Element>) {
    if digits.is_empty() {
        return;
    }
    let significant = digits.trim_start_matches('0');
    let significant = if significant.is_empty() {
        "0"
    } else {
        significant
    };
    let weight = |primary: u32| Element {
        primary,
        secondary: COMMON,
        tertiary: LOWER,
    };
    out.push(weight(
        primary_of('0') + 0x10 + significant.len().min(0xdf) as u32,
    ));
    out.extend(significant.chars().map(|digit| weight(primary_of(digit))));
    digits.clear();
}

/// What `localeCompare`'s options ask for (`Intl.Collator` options; locales are ignored: the
/// root order applies).
#[derive(Clone, Copy)]
pub struct Options {
    /// `sensitivity`: how many levels decide (`base` 1, `accent` 2, `variant` 3).
    pub levels: u8,
    /// `sensitivity: "case"`: primaries, then case alone.
    pub case_only: bool,
    /// `numeric: true`.
    pub numeric: bool,
    /// `caseFirst: "upper"`.
    pub upper_first: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            levels: 3,
            case_only: false,
            numeric: false,
            upper_first: false,
        }
    }
}

/// Compares two strings as `a.localeCompare(b)` does in Node: -1, 0 or 1.
pub fn locale_compare(a: &str, b: &str) -> f64 {
    compare_with(a, b, Options::default())
}

/// `a.localeCompare(b, locales, options)`.
pub fn compare_with(a: &str, b: &str, options: Options) -> f64 {
    let (a, b) = (elements(a, options.numeric), elements(b, options.numeric));
    let level = |pick: &dyn Fn(&Element) -> u32| {
        let weights = |list: &[Element]| -> Vec<u32> {
            list.iter()
                .map(pick)
                .filter(|weight| *weight != 0)
                .collect()
        };
        weights(&a).cmp(&weights(&b))
    };
    // Case at the third level: lower before upper, or upper first when asked.
    let case = |element: &Element| match (element.tertiary, options.upper_first) {
        (UPPER, true) => 1,
        (tertiary, _) => u32::from(tertiary) + 1,
    };
    let mut order = level(&|element| element.primary);
    if options.levels >= 2 && !options.case_only {
        order = order.then_with(|| level(&|element| u32::from(element.secondary)));
    }
    if options.case_only {
        // The case level only looks at elements with a primary weight (not at accents).
        order = order.then_with(|| {
            level(&|element| {
                if element.primary == 0 {
                    0
                } else {
                    case(element)
                }
            })
        });
    } else if options.levels >= 3 {
        order = order.then_with(|| level(&case));
    }
    match order {
        Ordering::Less => -1.0,
        Ordering::Equal => 0.0,
        Ordering::Greater => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> String {
        let mut words = words.to_vec();
        words.sort_by(|a, b| locale_compare(a, b).partial_cmp(&0.0).unwrap());
        words.join(" ")
    }

    #[test]
    fn orders_ascii_like_node() {
        // node -e 'console.log(["b","a","B","A","_","1"," ","-"].sort((a,b)=>a.localeCompare(b)))'
        // → [ ' ', '_', '-', '1', 'a', 'A', 'b', 'B' ]
        assert_eq!(
            sorted(&["b", "a", "B", "A", "_", "1", " ", "-"]),
            "  _ - 1 a A b B"
        );
        assert_eq!(locale_compare("ada", "grace"), -1.0);
        assert_eq!(locale_compare("2026-04-18", "2026-03-02"), 1.0);
        assert_eq!(locale_compare("10", "9"), -1.0);
    }

    #[test]
    fn orders_accented_latin_like_node() {
        // node -e 'console.log(["résumé","resume","Resume","résume","resumé","Résumé"]
        //   .sort((a,b)=>a.localeCompare(b)).join(" "))'
        assert_eq!(
            sorted(&["résumé", "resume", "Resume", "résume", "resumé", "Résumé"]),
            "resume Resume resumé résume résumé Résumé"
        );
        // node -e 'console.log(["ø","o","ö","p","ß","ss","st","æ","ae","af","ł","l","m","đ","d",
        //   "e","ð","þ","z","œ","oe","ı","i","ĳ","ij"].sort((a,b)=>a.localeCompare(b)).join(" "))'
        assert_eq!(
            sorted(&[
                "ø", "o", "ö", "p", "ß", "ss", "st", "æ", "ae", "af", "ł", "l", "m", "đ", "d", "e",
                "ð", "þ", "z", "œ", "oe", "ı", "i", "ĳ", "ij"
            ]),
            "ae æ af d đ ð e i ij ĳ ı l ł m o ö ø oe œ p ss ß st z þ"
        );
        // node -e 'console.log(["a","A","á","Á","b","ab","áb","Ab","aB","àb"].sort((a,b)=>a.localeCompare(b)).join(" "))'
        assert_eq!(
            sorted(&["a", "A", "á", "Á", "b", "ab", "áb", "Ab", "aB", "àb"]),
            "a A á Á ab aB Ab áb àb b"
        );
        assert_eq!(locale_compare("e\u{301}", "\u{e9}"), 0.0);
    }

    #[test]
    fn options_match_node() {
        // node -e 'const w=["item10","item9","Item2","item02","item2","a","A","á","b","x1.5","x1.10",
        //   "résumé","resume"]; console.log([...w].sort((a,b)=>a.localeCompare(b,undefined,{numeric:true})).join(" "))'
        let numeric = Options {
            numeric: true,
            ..Options::default()
        };
        let mut words = vec![
            "item10", "item9", "Item2", "item02", "item2", "a", "A", "á", "b", "x1.5", "x1.10",
            "résumé", "resume",
        ];
        words.sort_by(|a, b| compare_with(a, b, numeric).partial_cmp(&0.0).unwrap());
        assert_eq!(
            words.join(" "),
            "a A á b item02 item2 Item2 item9 item10 resume résumé x1.5 x1.10"
        );
        assert_eq!(compare_with("007", "7", numeric), 0.0);
        // node -e 'for (const s of ["base","accent","case","variant"]) console.log(JSON.stringify(
        //   ["a","A","á","Á","b"].map(x=>["a","A","á"].map(y=>x.localeCompare(y,undefined,{sensitivity:s})))))'
        let expected = [
            ("base", "[[0,0,0],[0,0,0],[0,0,0],[0,0,0],[1,1,1]]"),
            ("accent", "[[0,0,-1],[0,0,-1],[1,1,0],[1,1,0],[1,1,1]]"),
            ("case", "[[0,-1,0],[1,0,1],[0,-1,0],[1,0,1],[1,1,1]]"),
            ("variant", "[[0,-1,-1],[1,0,-1],[1,1,0],[1,1,1],[1,1,1]]"),
        ];
        for (sensitivity, table) in expected {
            let options = Options {
                levels: match sensitivity {
                    "base" | "case" => 1,
                    "accent" => 2,
                    _ => 3,
                },
                case_only: sensitivity == "case",
                ..Options::default()
            };
            let rows: Vec<String> = ["a", "A", "á", "Á", "b"]
                .iter()
                .map(|x| {
                    let row: Vec<String> = ["a", "A", "á"]
                        .iter()
                        .map(|y| compare_with(x, y, options).to_string())
                        .collect();
                    format!("[{}]", row.join(","))
                })
                .collect();
            assert_eq!(format!("[{}]", rows.join(",")), table, "{sensitivity}");
        }
        let upper = Options {
            upper_first: true,
            ..Options::default()
        };
        assert_eq!(compare_with("a", "A", upper), 1.0);
    }
}
