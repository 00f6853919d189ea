//! Names and types of a parsed rule, checked against its resource's fields: every problem is
//! collected (with its range in the rule text), and a rule without any becomes the IR's
//! [`RuleExpr`].
//!
//! ```text
//! record.shared == "yes"   (shared: boolean)
//!   ─▶ error[rule-type]: `==` compares a boolean with a string
//! record.titel != null
//!   ─▶ error[rule-unknown-field]: `notes` has no field `titel` (did you mean `title`?)
//! ```
//!
//! Types: `string`, `text`, `enum`, `datetime`, `date` fields and `created_at`/`updated_at`
//! are strings (dates compare as their ISO text does); `integer` and `number` are numbers;
//! `id` and `ref` fields are ids (compared with numbers or strings: a token's `sub` is text);
//! `json` and `array` fields cannot be read by rules. `user` is the caller (only compared
//! with `null`, or read as a condition), `user.id` a string, `user.roles` a list of strings,
//! `user.claims.<path>` anything.

use std::ops::Range;

use backworks_ir::{Comparison, FieldType, RuleExpr};

use super::parser::{Ast, AstKind};

/// What a rule is checked against.
pub struct Scope<'a> {
    /// The resource's name, for messages.
    pub resource: &'a str,
    /// Every column a rule may read, with its type.
    pub columns: Vec<(&'a str, Ty)>,
    /// Whether the service declares `auth:` (without it `user` is always `null`).
    pub auth: bool,
}

/// A rule expression's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Bool,
    Number,
    Text,
    /// A row id (integer or UUID): compared with numbers and strings.
    Id,
    Null,
    /// `user`: the caller or `null`.
    User,
    /// A claim: whatever the token holds.
    Any,
    List(Box<Ty>),
    /// A `json` or `array` field, which rules cannot read.
    Opaque(&'static str),
}

impl Ty {
    /// The type of a field of this kind.
    pub fn of_field(kind: &FieldType) -> Ty {
        match kind {
            FieldType::String
            | FieldType::Text
            | FieldType::Enum { .. }
            | FieldType::Datetime
            | FieldType::Date => Ty::Text,
            FieldType::Integer | FieldType::Number => Ty::Number,
            FieldType::Boolean => Ty::Bool,
            FieldType::Ref { .. } => Ty::Id,
            FieldType::Json => Ty::Opaque("a `json` field"),
            FieldType::Array { .. } => Ty::Opaque("an `array` field"),
        }
    }

    fn describe(&self) -> String {
        match self {
            Ty::Bool => "a boolean".into(),
            Ty::Number => "a number".into(),
            Ty::Text => "a string".into(),
            Ty::Id => "an id".into(),
            Ty::Null => "`null`".into(),
            Ty::User => "the caller (`user`)".into(),
            Ty::Any => "a claim".into(),
            Ty::List(_) => "a list".into(),
            Ty::Opaque(what) => (*what).into(),
        }
    }

    fn plural(&self) -> String {
        match self {
            Ty::Bool => "booleans".into(),
            Ty::Number => "numbers".into(),
            Ty::Text => "strings".into(),
            Ty::Id => "ids".into(),
            Ty::Any => "any values".into(),
            other => other.describe(),
        }
    }
}

/// One problem: where in the rule text, its code, message, label and hint.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleError {
    pub range: Range<usize>,
    pub code: &'static str,
    pub message: String,
    pub label: String,
    pub help: String,
}

/// Checks `ast` as a whole rule (a condition); `Err` lists every problem.
pub fn check(scope: &Scope, ast: &Ast) -> Result<RuleExpr, Vec<RuleError>> {
    let mut checker = Checker {
        scope,
        errors: Vec::new(),
        needs_auth_reported: false,
    };
    let (expr, ty) = checker.expr(ast);
    checker.condition(ast, &ty);
    if checker.errors.is_empty() {
        Ok(expr)
    } else {
        Err(checker.errors)
    }
}

struct Checker<'s, 'a> {
    scope: &'s Scope<'a>,
    errors: Vec<RuleError>,
    needs_auth_reported: bool,
}

impl Checker<'_, '_> {
    fn error(
        &mut self,
        range: Range<usize>,
        code: &'static str,
        message: String,
        label: String,
        help: String,
    ) {
        self.errors.push(RuleError {
            range,
            code,
            message,
            label,
            help,
        });
    }

    /// `ty` must be usable where a condition is expected.
    fn condition(&mut self, ast: &Ast, ty: &Ty) {
        match ty {
            Ty::Bool | Ty::User | Ty::Any => {}
            other => {
                let help = match other {
                    Ty::List(_) => {
                        "test membership with `in`, e.g. `\"admin\" in user.roles`".to_string()
                    }
                    _ => "compare it, e.g. `record.<field> != null` or `record.<field> == user.id`"
                        .to_string(),
                };
                self.error(
                    ast.range.clone(),
                    "rule-type",
                    format!("a condition is expected here, not {}", other.describe()),
                    format!("this is {}", other.describe()),
                    help,
                );
            }
        }
    }

    fn expr(&mut self, ast: &Ast) -> (RuleExpr, Ty) {
        match &ast.kind {
            AstKind::Null => (RuleExpr::Null, Ty::Null),
            AstKind::Bool(b) => (RuleExpr::Bool(*b), Ty::Bool),
            AstKind::Number(n) => (RuleExpr::Number(*n), Ty::Number),
            AstKind::Str(text) => (RuleExpr::String(text.clone()), Ty::Text),
            AstKind::List(items) => self.list(ast, items),
            AstKind::Path(names) => self.path(ast, names),
            AstKind::Not(inner) => {
                let (expr, ty) = self.expr(inner);
                self.condition(inner, &ty);
                (RuleExpr::Not(Box::new(expr)), Ty::Bool)
            }
            AstKind::And(a, b) | AstKind::Or(a, b) => {
                let (left, left_ty) = self.expr(a);
                self.condition(a, &left_ty);
                let (right, right_ty) = self.expr(b);
                self.condition(b, &right_ty);
                let (left, right) = (Box::new(left), Box::new(right));
                let expr = if matches!(ast.kind, AstKind::And(..)) {
                    RuleExpr::And(left, right)
                } else {
                    RuleExpr::Or(left, right)
                };
                (expr, Ty::Bool)
            }
            AstKind::Compare(a, op, b) => {
                let (left, left_ty) = self.expr(a);
                let (right, right_ty) = self.expr(b);
                if let Some(side) = [a, b].into_iter().find(|side| is_condition(side)) {
                    self.error(
                        side.range.clone(),
                        "rule-type",
                        format!("`{}` compares a condition", op.as_str()),
                        "a condition, not a value".to_string(),
                        "combine conditions with `&&`, `||` and `!`".to_string(),
                    );
                } else {
                    self.comparison(ast, *op, &left_ty, &right_ty);
                }
                (
                    RuleExpr::Compare(Box::new(left), *op, Box::new(right)),
                    Ty::Bool,
                )
            }
            AstKind::In(a, b) => {
                let (left, left_ty) = self.expr(a);
                let (right, right_ty) = self.expr(b);
                self.membership(a, b, &left_ty, &right_ty);
                (RuleExpr::In(Box::new(left), Box::new(right)), Ty::Bool)
            }
        }
    }

    fn list(&mut self, ast: &Ast, items: &[Ast]) -> (RuleExpr, Ty) {
        let mut exprs = Vec::new();
        let mut element: Option<Ty> = None;
        for item in items {
            let (expr, ty) = self.expr(item);
            match &element {
                None => element = Some(ty),
                Some(first) if *first == ty => {}
                Some(first) => {
                    let first = first.describe();
                    self.error(
                        item.range.clone(),
                        "rule-type",
                        format!("a list mixes {first} and {}", ty.describe()),
                        format!("{} where the list holds {first}", ty.describe()),
                        "write every item of a list with one type".to_string(),
                    );
                }
            }
            exprs.push(expr);
        }
        let _ = ast;
        (
            RuleExpr::List(exprs),
            Ty::List(Box::new(element.unwrap_or(Ty::Any))),
        )
    }

    fn path(&mut self, ast: &Ast, names: &[(String, Range<usize>)]) -> (RuleExpr, Ty) {
        let failed = (RuleExpr::Null, Ty::Any);
        let (root, root_range) = &names[0];
        match root.as_str() {
            "record" => {
                let Some((field, field_range)) = names.get(1) else {
                    self.error(
                        ast.range.clone(),
                        "rule-unknown-name",
                        "`record` is read by its fields".to_string(),
                        "which field?".to_string(),
                        "write `record.<field>`, e.g. `record.owner`".to_string(),
                    );
                    return failed;
                };
                let Some((name, ty)) = self
                    .scope
                    .columns
                    .iter()
                    .find(|(name, _)| *name == field.as_str())
                    .cloned()
                else {
                    let known = self.scope.columns.iter().map(|(name, _)| *name);
                    let help = crate::diagnostics::data::suggest(field, known);
                    self.error(
                        field_range.clone(),
                        "rule-unknown-field",
                        format!("`{}` has no field `{field}`", self.scope.resource),
                        "not a field of the record".to_string(),
                        help,
                    );
                    return failed;
                };
                if let Some((_, extra)) = names.get(2) {
                    self.error(
                        extra.start..ast.range.end,
                        "rule-unknown-name",
                        format!("`record.{field}` has no members"),
                        "rules read the record's own fields".to_string(),
                        "a `ref` field holds the other record's id; compare that id".to_string(),
                    );
                    return failed;
                }
                (RuleExpr::Field(name.to_string()), ty)
            }
            "user" => {
                if !self.scope.auth && !self.needs_auth_reported {
                    self.needs_auth_reported = true;
                    self.error(
                        root_range.clone(),
                        "rule-needs-auth",
                        "a rule reads `user`, but the service declares no `auth:`".to_string(),
                        "without `auth:` every caller is anonymous".to_string(),
                        "declare `auth:` (e.g. `auth: { jwt: { secret: ${JWT_SECRET} } }`), or write the rule over `record` alone".to_string(),
                    );
                }
                let member = names
                    .get(1)
                    .map(|(name, range)| (name.as_str(), range.clone()));
                match (member, names.len()) {
                    (None, _) => (RuleExpr::User, Ty::User),
                    (Some(("id", _)), 2) => (RuleExpr::UserId, Ty::Text),
                    (Some(("roles", _)), 2) => (RuleExpr::UserRoles, Ty::List(Box::new(Ty::Text))),
                    (Some(("claims", _)), n) if n > 2 => (
                        RuleExpr::UserClaim(
                            names[2..].iter().map(|(name, _)| name.clone()).collect(),
                        ),
                        Ty::Any,
                    ),
                    (Some((name, range)), _) => {
                        let help = match name {
                            "claims" => "name a claim: `user.claims.<name>`".to_string(),
                            "id" | "roles" => format!("`user.{name}` has no members"),
                            other => {
                                crate::diagnostics::data::suggest(other, ["id", "roles", "claims"])
                            }
                        };
                        let range = if matches!(name, "id" | "roles" | "claims") {
                            ast.range.clone()
                        } else {
                            range
                        };
                        self.error(
                            range,
                            "rule-unknown-name",
                            format!("`{}` is not something rules can read", path_text(names)),
                            "`user` has `id`, `roles` and `claims.<name>`".to_string(),
                            help,
                        );
                        failed
                    }
                }
            }
            other => {
                let is_field = self.scope.columns.iter().any(|(name, _)| *name == other);
                let help = if is_field {
                    format!("the record's fields are read as `record.{other}`")
                } else {
                    "rules read `record.<field>` and `user` (`user.id`, `user.roles`, `user.claims.<name>`)".to_string()
                };
                self.error(
                    root_range.clone(),
                    "rule-unknown-name",
                    format!("unknown name `{other}`"),
                    "not `record` or `user`".to_string(),
                    help,
                );
                failed
            }
        }
    }

    fn comparison(&mut self, ast: &Ast, op: Comparison, left: &Ty, right: &Ty) {
        let symbol = op.as_str();
        for side in [left, right] {
            if let Ty::Opaque(what) = side {
                self.error(
                    ast.range.clone(),
                    "rule-type",
                    format!("rules cannot compare {what}"),
                    format!("`{symbol}` reads {what}"),
                    "compare a scalar field (string, number, boolean, date, ref) instead"
                        .to_string(),
                );
                return;
            }
        }
        let problem = match op {
            Comparison::Eq | Comparison::Ne => {
                let fine = equal_types(left, right);
                (!fine).then(|| {
                    let help = if matches!(left, Ty::List(_)) || matches!(right, Ty::List(_)) {
                        "test membership with `in`".to_string()
                    } else if matches!(left, Ty::User) || matches!(right, Ty::User) {
                        "compare `user` with `null`, or compare `user.id`".to_string()
                    } else {
                        "compare values of one type".to_string()
                    };
                    (
                        format!(
                            "`{symbol}` compares {} with {}",
                            left.describe(),
                            right.describe()
                        ),
                        help,
                    )
                })
            }
            _ => {
                let ordered = |ty: &Ty| matches!(ty, Ty::Number | Ty::Text | Ty::Id | Ty::Any);
                if matches!(left, Ty::Bool) || matches!(right, Ty::Bool) {
                    Some((
                        format!("`{symbol}` orders booleans, which have no order"),
                        "compare booleans with `==` or `!=`".to_string(),
                    ))
                } else if !ordered(left) || !ordered(right) {
                    Some((
                        format!(
                            "`{symbol}` cannot order {} and {}",
                            left.describe(),
                            right.describe()
                        ),
                        "order numbers, strings, dates or ids".to_string(),
                    ))
                } else if !equal_types(left, right) {
                    Some((
                        format!(
                            "`{symbol}` compares {} with {}",
                            left.describe(),
                            right.describe()
                        ),
                        "compare values of one type".to_string(),
                    ))
                } else {
                    None
                }
            }
        };
        if let Some((message, help)) = problem {
            self.error(
                ast.range.clone(),
                "rule-type",
                message,
                format!("{} {symbol} {}", left.describe(), right.describe()),
                help,
            );
        }
    }

    fn membership(&mut self, item: &Ast, list: &Ast, item_ty: &Ty, list_ty: &Ty) {
        if *list_ty == Ty::Any {
            // A claim (or a name already reported): it may well hold a list.
            return;
        }
        let Ty::List(element) = list_ty else {
            let help = match list_ty {
                Ty::Opaque("an `array` field") => {
                    "rules cannot search a record's `array` field yet; keep `in` for `user.roles` or a list literal".to_string()
                }
                _ => "write `user.roles` or a list literal such as `[\"draft\", \"published\"]`".to_string(),
            };
            self.error(
                list.range.clone(),
                "rule-type",
                format!("`in` needs a list on its right, not {}", list_ty.describe()),
                "not a list".to_string(),
                help,
            );
            return;
        };
        if matches!(item_ty, Ty::List(_) | Ty::User | Ty::Opaque(_) | Ty::Bool)
            || !equal_types(item_ty, element)
        {
            self.error(
                item.range.clone(),
                "rule-type",
                format!(
                    "`in` looks for {} in a list of {}",
                    item_ty.describe(),
                    element.plural()
                ),
                format!("this is {}", item_ty.describe()),
                "look for a value of the list's type".to_string(),
            );
        }
    }
}

/// Whether `ast` is built by an operator (its value is a condition, not a field or literal).
fn is_condition(ast: &Ast) -> bool {
    matches!(
        ast.kind,
        AstKind::Not(_)
            | AstKind::And(..)
            | AstKind::Or(..)
            | AstKind::Compare(..)
            | AstKind::In(..)
    )
}

/// Whether `==` between these types can ever hold (or is a null test).
fn equal_types(a: &Ty, b: &Ty) -> bool {
    match (a, b) {
        (Ty::Null | Ty::Any, _) | (_, Ty::Null | Ty::Any) => true,
        (Ty::Id, Ty::Number | Ty::Text | Ty::Id) | (Ty::Number | Ty::Text, Ty::Id) => true,
        (Ty::List(_), _) | (_, Ty::List(_)) | (Ty::User, _) | (_, Ty::User) => false,
        (a, b) => a == b,
    }
}

fn path_text(names: &[(String, Range<usize>)]) -> String {
    names
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::super::parser::parse;
    use super::*;

    fn scope(auth: bool) -> Scope<'static> {
        Scope {
            resource: "notes",
            columns: vec![
                ("id", Ty::Id),
                ("title", Ty::Text),
                ("shared", Ty::Bool),
                ("rank", Ty::Number),
                ("owner", Ty::Text),
                ("tags", Ty::Opaque("an `array` field")),
            ],
            auth,
        }
    }

    fn errors(text: &str) -> Vec<(String, &'static str, String)> {
        let ast = parse(text).unwrap();
        match check(&scope(true), &ast) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| (text[e.range].to_string(), e.code, e.message))
                .collect(),
        }
    }

    #[test]
    fn well_typed_rules_pass() {
        for rule in [
            "record.owner == user.id || record.shared",
            "\"admin\" in user.roles && !record.shared",
            "user != null",
            "record.rank >= 2 && record.title in ['a', 'b']",
            "record.id == 3 || user.claims.org == record.owner",
            "true",
        ] {
            assert_eq!(errors(rule), Vec::new(), "{rule}");
        }
    }

    #[test]
    fn every_mistake_is_reported_where_it_is() {
        let found = errors("record.titel == 1 || record.shared == \"yes\" || record.shared < true");
        assert_eq!(
            found,
            [
                (
                    "titel".to_string(),
                    "rule-unknown-field",
                    "`notes` has no field `titel`".to_string()
                ),
                (
                    "record.shared == \"yes\"".to_string(),
                    "rule-type",
                    "`==` compares a boolean with a string".to_string()
                ),
                (
                    "record.shared < true".to_string(),
                    "rule-type",
                    "`<` orders booleans, which have no order".to_string()
                ),
            ]
        );
        assert_eq!(errors("record.title")[0].1, "rule-type");
        assert_eq!(errors("\"x\" in record.title")[0].0, "record.title");
        assert_eq!(errors("owner == user.id")[0].2, "unknown name `owner`");
        assert_eq!(errors("user.name == 'x'")[0].0, "name");
        assert_eq!(errors("'x' in record.tags")[0].1, "rule-type");
        assert_eq!(
            errors("(record.rank > 1) == record.shared")[0].0,
            "(record.rank > 1)"
        );
    }

    #[test]
    fn user_needs_auth() {
        let ast = parse("record.shared || user.id == record.owner").unwrap();
        let errors = check(&scope(false), &ast).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "rule-needs-auth");
        assert!(check(&scope(false), &parse("record.shared").unwrap()).is_ok());
    }
}
