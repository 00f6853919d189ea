//! The rule language's tokens, each with its byte range in the rule text.
//!
//! ```text
//! record.owner == user.id || "admin" in user.roles
//!   ─▶ Name(record) Dot Name(owner) Eq Name(user) Dot Name(id) Or Str(admin) In Name(user) …
//! ```
//!
//! Strings take double or single quotes with `\"`, `\'`, `\\`, `\n` and `\t` escapes;
//! numbers are decimal (`42`, `-1.5` is `-` then a number, which the parser reads). A lone
//! `=`, `&` or `|` is refused with the operator the person probably meant.

use std::ops::Range;

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Name(String),
    Str(String),
    Number(f64),
    Dot,
    Comma,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Not,
    And,
    Or,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Minus,
}

/// A problem in the text: where, what, and a hint.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub range: Range<usize>,
    pub message: String,
    pub help: String,
}

/// The tokens of `text`, or the first thing that is not one.
pub fn tokens(text: &str) -> Result<Vec<(Token, Range<usize>)>, SyntaxError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let c = bytes[at];
        let start = at;
        let two = text.get(at..at + 2).unwrap_or("");
        let token = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                at += 1;
                continue;
            }
            b'.' => Token::Dot,
            b',' => Token::Comma,
            b'(' => Token::LParen,
            b')' => Token::RParen,
            b'[' => Token::LBracket,
            b']' => Token::RBracket,
            b'-' => Token::Minus,
            _ if two == "&&" => Token::And,
            _ if two == "||" => Token::Or,
            _ if two == "==" => Token::Eq,
            _ if two == "!=" => Token::Ne,
            _ if two == "<=" => Token::Le,
            _ if two == ">=" => Token::Ge,
            b'!' => Token::Not,
            b'<' => Token::Lt,
            b'>' => Token::Gt,
            b'=' | b'&' | b'|' => {
                let (meant, name) = match c {
                    b'=' => ("==", "equality"),
                    b'&' => ("&&", "and"),
                    _ => ("||", "or"),
                };
                return Err(SyntaxError {
                    range: start..start + 1,
                    message: format!("`{}` is not an operator of rules", c as char),
                    help: format!("write `{meant}` for {name}"),
                });
            }
            b'"' | b'\'' => {
                let (value, end) = string(text, start)?;
                out.push((Token::Str(value), start..end));
                at = end;
                continue;
            }
            b'0'..=b'9' => {
                let mut end = start;
                while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
                    end += 1;
                }
                let written = &text[start..end];
                let value = written.parse::<f64>().map_err(|_| SyntaxError {
                    range: start..end,
                    message: format!("`{written}` is not a number"),
                    help: "write a decimal number such as `3` or `2.5`".to_string(),
                })?;
                out.push((Token::Number(value), start..end));
                at = end;
                continue;
            }
            c if c == b'_' || c.is_ascii_alphabetic() => {
                let mut end = start;
                while end < bytes.len()
                    && (bytes[end] == b'_' || bytes[end].is_ascii_alphanumeric())
                {
                    end += 1;
                }
                out.push((Token::Name(text[start..end].to_string()), start..end));
                at = end;
                continue;
            }
            _ => {
                let width = text[start..].chars().next().map_or(1, char::len_utf8);
                let shown = &text[start..start + width];
                return Err(SyntaxError {
                    range: start..start + width,
                    message: format!("unexpected `{shown}` in a rule"),
                    help: "rules use `record.<field>`, `user`, literals, comparisons, `in`, `!`, `&&`, `||` and parentheses".to_string(),
                });
            }
        };
        let width = match token {
            Token::And | Token::Or | Token::Eq | Token::Ne | Token::Le | Token::Ge => 2,
            _ => 1,
        };
        at += width;
        out.push((token, start..at));
    }
    Ok(out)
}

/// A quoted string starting at `start`: its value and the offset after its closing quote.
fn string(text: &str, start: usize) -> Result<(String, usize), SyntaxError> {
    let quote = text.as_bytes()[start] as char;
    let mut value = String::new();
    let mut chars = text[start + 1..].char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            c if c == quote => return Ok((value, start + 1 + index + 1)),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, escaped @ ('\\' | '"' | '\''))) => value.push(escaped),
                Some((at, other)) => {
                    let at = start + 1 + at;
                    return Err(SyntaxError {
                        range: at - 1..at + other.len_utf8(),
                        message: format!("unknown escape `\\{other}`"),
                        help: "strings take `\\\"`, `\\'`, `\\\\`, `\\n` and `\\t`".to_string(),
                    });
                }
                None => break,
            },
            c => value.push(c),
        }
    }
    Err(SyntaxError {
        range: start..text.len(),
        message: "this string is never closed".to_string(),
        help: format!("end it with `{quote}`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_and_literals() {
        let kinds: Vec<Token> = tokens("a.b == 'x\\'y' && !(c <= 2.5) || [\"p\"]")
            .unwrap()
            .into_iter()
            .map(|(token, _)| token)
            .collect();
        assert_eq!(
            kinds,
            [
                Token::Name("a".into()),
                Token::Dot,
                Token::Name("b".into()),
                Token::Eq,
                Token::Str("x'y".into()),
                Token::And,
                Token::Not,
                Token::LParen,
                Token::Name("c".into()),
                Token::Le,
                Token::Number(2.5),
                Token::RParen,
                Token::Or,
                Token::LBracket,
                Token::Str("p".into()),
                Token::RBracket,
            ]
        );
    }

    #[test]
    fn single_operators_suggest_the_double() {
        let error = tokens("record.a = 1").unwrap_err();
        assert_eq!(error.range, 9..10);
        assert_eq!(error.help, "write `==` for equality");
        assert_eq!(
            tokens("'open").unwrap_err().message,
            "this string is never closed"
        );
    }
}
