//! Node's `util.format`, which `console.log` uses too (one implementation for both).
//!
//! ```text
//! util.format("%s has %d items: %j", "cart", "3", [1])   →   cart has 3 items: [1]
//! util.format("%i%%", 42.9, "extra", { a: 1 })           →   42% extra { a: 1 }
//! util.format(1, "a")                                    →   1 a
//! ```
//!
//! A first argument that is a string is a template: `%s` (`String`, or a depth-0 inspection of
//! an object whose `toString` is built in), `%d` (`Number`), `%i` (`parseInt`), `%f`
//! (`parseFloat`), `%j` (`JSON.stringify`, `[Circular]` for a cycle), `%o`/`%O` (inspection),
//! `%c` (a CSS argument, dropped) and `%%`; a directive with no argument left stays as written.
//! The remaining arguments follow, separated by spaces, strings as they are and other values
//! inspected. Reference: `formatWithOptionsInternal` in Node's `lib/internal/util/inspect.js`.

use super::super::console::{inspect, inspect_to_depth};
use super::super::convert::{to_number, to_string};
use super::super::error::Throw;
use super::super::number;
use super::super::value::Value;

/// How `%d`, `%i` and `%f` print a number (`-0` keeps its sign, as Node's `formatNumber`).
fn number_text(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "-0".to_string()
    } else {
        number::to_string(n)
    }
}

/// Whether `value`'s `toString` is one of the built-in ones (then `%s` inspects it): a
/// compiled function, which has its source text, is the program's own.
fn has_builtin_to_string(value: &Value) -> bool {
    match super::super::access::get(value, "toString") {
        Ok(Value::Function(function)) => function.source.get().is_none(),
        _ => true,
    }
}

/// `%s` of one argument.
fn string_directive(value: &Value) -> Result<String, Throw> {
    Ok(match value {
        Value::Number(n) => number_text(*n),
        Value::Object(_) | Value::Array(_) if has_builtin_to_string(value) => {
            inspect_to_depth(value, Some(0))
        }
        other => to_string(other)?.to_string(),
    })
}

/// `%j` of one argument.
fn json_directive(value: &Value) -> Result<String, Throw> {
    match super::super::json::stringify(value, &Value::Undefined) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Ok("undefined".to_string()),
        Err(thrown) => {
            let message = super::super::access::get(&thrown.value, "message")
                .ok()
                .map(|message| {
                    to_string(&message)
                        .map(|m| m.to_string())
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            if message.contains("circular structure") {
                Ok("[Circular]".to_string())
            } else {
                Err(thrown)
            }
        }
    }
}

/// What one directive letter makes of its argument; `None` for a letter that is no directive.
fn directive(letter: char, value: &Value) -> Result<Option<String>, Throw> {
    // `%s`, `%d` and `%i` print a BigInt with its `n`, as Node's `formatWithOptions`.
    if let (Value::BigInt(big), 's' | 'd' | 'i') = (value, letter) {
        return Ok(Some(format!("{big}n")));
    }
    Ok(Some(match letter {
        's' => string_directive(value)?,
        'j' => json_directive(value)?,
        'd' => number_text(to_number(value)?),
        'i' => number_text(number::parse_int(&to_string(value)?.to_rust(), 0)),
        'f' => number_text(number::parse_float(&to_string(value)?.to_rust())),
        'O' => inspect_to_depth(value, Some(2)),
        // Node adds `showHidden` and depth 4 to `%o`; hidden properties are not modelled.
        'o' => inspect_to_depth(value, Some(4)),
        'c' => String::new(),
        _ => return Ok(None),
    }))
}

/// `util.format(...args)`.
pub fn format(args: &[Value]) -> Result<String, Throw> {
    let mut out = String::new();
    let mut next = 0;
    let mut separator = "";
    if let Some(Value::String(first)) = args.first() {
        let template: Vec<char> = first.to_rust().chars().collect();
        if args.len() == 1 {
            return Ok(first.to_string());
        }
        let mut last = 0;
        let mut index = 0;
        while index + 1 < template.len() {
            if template[index] != '%' {
                index += 1;
                continue;
            }
            let letter = template[index + 1];
            index += 1;
            if next + 1 != args.len() {
                if letter == '%' {
                    out.extend(&template[last..index]);
                    last = index + 1;
                    index += 1;
                    continue;
                }
                let Some(text) = directive(letter, &args[next + 1])? else {
                    index += 1;
                    continue;
                };
                next += 1;
                if last != index - 1 {
                    out.extend(&template[last..index - 1]);
                }
                out.push_str(&text);
                last = index + 1;
            } else if letter == '%' {
                out.extend(&template[last..index]);
                last = index + 1;
            }
            index += 1;
        }
        if last != 0 {
            next += 1;
            separator = " ";
            if last < template.len() {
                out.extend(&template[last..]);
            }
        }
    }
    for value in &args[next..] {
        out.push_str(separator);
        match value {
            Value::String(text) => out.push_str(&text.to_rust()),
            other => out.push_str(&inspect(other)),
        }
        separator = " ";
    }
    Ok(out)
}
