//! A recursive-descent parser for the rule language, with JavaScript's precedence: `!`
//! binds tightest, then the comparisons and `in` (which do not chain), then `&&`, then `||`.
//!
//! ```text
//! rule       = or
//! or         = and { "||" and }
//! and        = comparison { "&&" comparison }
//! comparison = unary [ ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") unary ]
//! unary      = "!" unary | operand
//! operand    = literal | list | path | "(" rule ")"
//! list       = "[" [ literal { "," literal } ] "]"
//! literal    = string | ["-"] number | "true" | "false" | "null"
//! path       = name { "." name }
//! ```
//!
//! `record.owner == user.id || !record.archived` ─▶
//! `Or(Compare(Path[record, owner], Eq, Path[user, id]), Not(Path[record, archived]))`.
//! Each node keeps its byte range in the rule text so the checker can point into it.

use std::ops::Range;

use backworks_ir::Comparison;

use super::lexer::{SyntaxError, Token, tokens};

/// A parsed rule, before names and types are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Ast {
    pub kind: AstKind,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AstKind {
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    List(Vec<Ast>),
    /// `a.b.c`, each name with its range.
    Path(Vec<(String, Range<usize>)>),
    Not(Box<Ast>),
    And(Box<Ast>, Box<Ast>),
    Or(Box<Ast>, Box<Ast>),
    Compare(Box<Ast>, Comparison, Box<Ast>),
    In(Box<Ast>, Box<Ast>),
}

/// Parses a whole rule.
pub fn parse(text: &str) -> Result<Ast, SyntaxError> {
    let tokens = tokens(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        end: text.len(),
    };
    if parser.tokens.is_empty() {
        return Err(SyntaxError {
            range: 0..text.len(),
            message: "the rule is empty".to_string(),
            help: "write a condition such as `record.owner == user.id`, or `true`/`false`"
                .to_string(),
        });
    }
    let ast = parser.or()?;
    if let Some((token, range)) = parser.tokens.get(parser.at) {
        return Err(SyntaxError {
            range: range.clone(),
            message: format!("unexpected {} after a complete rule", describe(token)),
            help: "join conditions with `&&` or `||`".to_string(),
        });
    }
    Ok(ast)
}

struct Parser {
    tokens: Vec<(Token, Range<usize>)>,
    at: usize,
    /// The text's length: where "the end" is.
    end: usize,
}

fn describe(token: &Token) -> String {
    match token {
        Token::Name(name) => format!("`{name}`"),
        Token::Str(_) => "a string".to_string(),
        Token::Number(_) => "a number".to_string(),
        Token::Dot => "`.`".to_string(),
        Token::Comma => "`,`".to_string(),
        Token::LParen => "`(`".to_string(),
        Token::RParen => "`)`".to_string(),
        Token::LBracket => "`[`".to_string(),
        Token::RBracket => "`]`".to_string(),
        Token::Not => "`!`".to_string(),
        Token::And => "`&&`".to_string(),
        Token::Or => "`||`".to_string(),
        Token::Eq => "`==`".to_string(),
        Token::Ne => "`!=`".to_string(),
        Token::Lt => "`<`".to_string(),
        Token::Le => "`<=`".to_string(),
        Token::Gt => "`>`".to_string(),
        Token::Ge => "`>=`".to_string(),
        Token::Minus => "`-`".to_string(),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(token, _)| token)
    }

    fn next(&mut self) -> Option<(Token, Range<usize>)> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    /// An error at the current token (or at the end of the text).
    fn expected(&self, what: &str, help: &str) -> SyntaxError {
        match self.tokens.get(self.at) {
            Some((token, range)) => SyntaxError {
                range: range.clone(),
                message: format!("expected {what}, found {}", describe(token)),
                help: help.to_string(),
            },
            None => SyntaxError {
                range: self.end..self.end,
                message: format!("expected {what}, found the end of the rule"),
                help: help.to_string(),
            },
        }
    }

    fn or(&mut self) -> Result<Ast, SyntaxError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            let right = self.and()?;
            let range = left.range.start..right.range.end;
            left = Ast {
                kind: AstKind::Or(Box::new(left), Box::new(right)),
                range,
            };
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Ast, SyntaxError> {
        let mut left = self.comparison()?;
        while self.peek() == Some(&Token::And) {
            self.at += 1;
            let right = self.comparison()?;
            let range = left.range.start..right.range.end;
            left = Ast {
                kind: AstKind::And(Box::new(left), Box::new(right)),
                range,
            };
        }
        Ok(left)
    }

    fn comparison_operator(&self) -> Option<Option<Comparison>> {
        Some(match self.peek()? {
            Token::Eq => Some(Comparison::Eq),
            Token::Ne => Some(Comparison::Ne),
            Token::Lt => Some(Comparison::Lt),
            Token::Le => Some(Comparison::Le),
            Token::Gt => Some(Comparison::Gt),
            Token::Ge => Some(Comparison::Ge),
            Token::Name(name) if name == "in" => None,
            _ => return None,
        })
    }

    fn comparison(&mut self) -> Result<Ast, SyntaxError> {
        let left = self.unary()?;
        let Some(operator) = self.comparison_operator() else {
            return Ok(left);
        };
        self.at += 1;
        let right = self.unary()?;
        if self.comparison_operator().is_some() {
            return Err(self.expected(
                "`&&`, `||` or `)`",
                "comparisons do not chain; join them with `&&` or add parentheses",
            ));
        }
        let range = left.range.start..right.range.end;
        let kind = match operator {
            Some(op) => AstKind::Compare(Box::new(left), op, Box::new(right)),
            None => AstKind::In(Box::new(left), Box::new(right)),
        };
        Ok(Ast { kind, range })
    }

    fn unary(&mut self) -> Result<Ast, SyntaxError> {
        if self.peek() == Some(&Token::Not) {
            let (_, start) = self.next().expect("peeked");
            let inner = self.unary()?;
            let range = start.start..inner.range.end;
            return Ok(Ast {
                kind: AstKind::Not(Box::new(inner)),
                range,
            });
        }
        self.operand()
    }

    fn operand(&mut self) -> Result<Ast, SyntaxError> {
        const WHAT: &str = "`record.<field>`, `user`, a literal, a list or `(`";
        const HELP: &str =
            "a condition compares `record.<field>`, `user.id`, `user.roles` or literals";
        let Some((token, range)) = self.tokens.get(self.at).cloned() else {
            return Err(self.expected(WHAT, HELP));
        };
        match token {
            Token::LParen => {
                self.at += 1;
                let inner = self.or()?;
                match self.next() {
                    Some((Token::RParen, end)) => Ok(Ast {
                        kind: inner.kind,
                        range: range.start..end.end,
                    }),
                    _ => {
                        self.at -= 1;
                        Err(self.expected("`)`", "close the parenthesis opened before"))
                    }
                }
            }
            Token::LBracket => self.list(),
            Token::Name(name) if !matches!(name.as_str(), "true" | "false" | "null" | "in") => {
                self.path()
            }
            Token::Name(name) if name == "in" => Err(self.expected(WHAT, HELP)),
            _ => self.literal(),
        }
    }

    fn literal(&mut self) -> Result<Ast, SyntaxError> {
        let Some((token, range)) = self.next() else {
            self.at -= 1;
            return Err(self.expected(
                "a literal",
                "write a string, a number, `true`, `false` or `null`",
            ));
        };
        let kind = match token {
            Token::Str(text) => AstKind::Str(text),
            Token::Number(n) => AstKind::Number(n),
            Token::Name(name) if name == "true" => AstKind::Bool(true),
            Token::Name(name) if name == "false" => AstKind::Bool(false),
            Token::Name(name) if name == "null" => AstKind::Null,
            Token::Minus => match self.next() {
                Some((Token::Number(n), end)) => {
                    return Ok(Ast {
                        kind: AstKind::Number(-n),
                        range: range.start..end.end,
                    });
                }
                _ => {
                    self.at -= 1;
                    return Err(self.expected("a number after `-`", "write a number such as `-1`"));
                }
            },
            _ => {
                self.at -= 1;
                return Err(self.expected(
                    "`record.<field>`, `user`, a literal, a list or `(`",
                    "a condition compares `record.<field>`, `user.id`, `user.roles` or literals",
                ));
            }
        };
        Ok(Ast { kind, range })
    }

    fn list(&mut self) -> Result<Ast, SyntaxError> {
        let (_, start) = self.next().expect("at `[`");
        let mut items = Vec::new();
        if self.peek() == Some(&Token::RBracket) {
            let (_, end) = self.next().expect("peeked");
            return Ok(Ast {
                kind: AstKind::List(items),
                range: start.start..end.end,
            });
        }
        loop {
            if matches!(self.peek(), Some(Token::Name(name)) if !matches!(name.as_str(), "true" | "false" | "null"))
            {
                return Err(self.expected(
                    "a literal",
                    "a list holds literals only, such as `[\"draft\", \"published\"]`",
                ));
            }
            items.push(self.literal()?);
            match self.next() {
                Some((Token::Comma, _)) => continue,
                Some((Token::RBracket, end)) => {
                    return Ok(Ast {
                        kind: AstKind::List(items),
                        range: start.start..end.end,
                    });
                }
                _ => {
                    self.at -= 1;
                    return Err(self.expected(
                        "`,` or `]`",
                        "separate the list's items with `,` and close it with `]`",
                    ));
                }
            }
        }
    }

    fn path(&mut self) -> Result<Ast, SyntaxError> {
        let mut names = Vec::new();
        loop {
            match self.next() {
                Some((Token::Name(name), range)) => names.push((name, range)),
                _ => {
                    self.at -= 1;
                    return Err(
                        self.expected("a name after `.`", "write `record.<field>` or `user.id`")
                    );
                }
            }
            if self.peek() != Some(&Token::Dot) {
                break;
            }
            self.at += 1;
        }
        let range = names[0].1.start..names[names.len() - 1].1.end;
        Ok(Ast {
            kind: AstKind::Path(names),
            range,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(ast: &Ast) -> String {
        match &ast.kind {
            AstKind::Null => "null".into(),
            AstKind::Bool(b) => b.to_string(),
            AstKind::Number(n) => n.to_string(),
            AstKind::Str(s) => format!("{s:?}"),
            AstKind::List(items) => format!(
                "[{}]",
                items.iter().map(shape).collect::<Vec<_>>().join(", ")
            ),
            AstKind::Path(names) => names
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>()
                .join("."),
            AstKind::Not(inner) => format!("!{}", shape(inner)),
            AstKind::And(a, b) => format!("({} && {})", shape(a), shape(b)),
            AstKind::Or(a, b) => format!("({} || {})", shape(a), shape(b)),
            AstKind::Compare(a, op, b) => format!("({} {} {})", shape(a), op.as_str(), shape(b)),
            AstKind::In(a, b) => format!("({} in {})", shape(a), shape(b)),
        }
    }

    #[test]
    fn precedence_follows_javascript() {
        let ast = parse("a.b == 1 || !c.d && \"x\" in user.roles").unwrap();
        assert_eq!(
            shape(&ast),
            "((a.b == 1) || (!c.d && (\"x\" in user.roles)))"
        );
        let ast = parse("!(a.b < -2) && e.f in ['p', 'q']").unwrap();
        assert_eq!(shape(&ast), "(!(a.b < -2) && (e.f in [\"p\", \"q\"]))");
    }

    #[test]
    fn ranges_point_into_the_text() {
        let text = "record.owner == user.id";
        let ast = parse(text).unwrap();
        let AstKind::Compare(left, _, right) = &ast.kind else {
            panic!("{ast:?}")
        };
        assert_eq!(&text[left.range.clone()], "record.owner");
        assert_eq!(&text[right.range.clone()], "user.id");
        assert_eq!(ast.range, 0..text.len());
    }

    #[test]
    fn mistakes_are_located() {
        let error = parse("record.a == 1 == 2").unwrap_err();
        assert_eq!(error.range, 14..16);
        let error = parse("(record.a").unwrap_err();
        assert_eq!(error.message, "expected `)`, found the end of the rule");
        let error = parse("record.a record.b").unwrap_err();
        assert_eq!(error.range, 9..15);
        assert!(parse("").is_err());
        assert!(parse("[user.id]").is_err());
    }
}
