//! The build-time value of a path expression handed to `fs`: string literals, `__dirname`
//! and `__filename`, `path.join`/`resolve`/`normalize`/`dirname`/`basename` of such parts,
//! `+` and template literals of them, and `const`s bound to them.
//!
//! ```text
//! path.join(__dirname, "templates", `${NAME}.html`)   → "/srv/app/handlers/templates/welcome.html"
//! req.query_params.file                               → Err(the expression the build cannot compute)
//! ```

use swc_core::common::{Span, Spanned};
use swc_core::ecma::ast::*;

use super::bindings::{Bindings, Meaning};
use super::posix_path;
use crate::scope::Scopes;

/// What the evaluation needs: the module's bindings and its file's absolute path.
pub(super) struct Context<'a> {
    pub(super) scopes: &'a Scopes,
    pub(super) bindings: &'a Bindings,
    /// The module file's absolute path.
    pub(super) filename: Option<&'a str>,
    /// Whether the module is an ES module (`import.meta`; no `__dirname`).
    pub(super) esm: bool,
}

/// The part of a path expression the build cannot compute, and what it is.
pub(super) struct Unknown {
    pub(super) span: Span,
    pub(super) what: String,
}

fn unknown(span: Span, what: impl Into<String>) -> Unknown {
    Unknown {
        span,
        what: what.into(),
    }
}

/// How many constants deep a path may be built (a constant naming itself stops here).
const MAX_DEPTH: usize = 32;

/// The string `expr` evaluates to at build time.
pub(super) fn evaluate(expr: &Expr, cx: &Context<'_>) -> Result<String, Unknown> {
    evaluate_at(expr, cx, 0)
}

fn evaluate_at(expr: &Expr, cx: &Context<'_>, depth: usize) -> Result<String, Unknown> {
    if depth > MAX_DEPTH {
        return Err(unknown(expr.span(), "a constant defined through itself"));
    }
    match expr {
        Expr::Lit(Lit::Str(text)) => Ok(text.value.to_atom_lossy().to_string()),
        Expr::Lit(Lit::Num(number)) if number.value.fract() == 0.0 && number.value.abs() < 1e15 => {
            Ok(format!("{}", number.value as i64))
        }
        Expr::Paren(paren) => evaluate_at(&paren.expr, cx, depth),
        Expr::TsAs(cast) => evaluate_at(&cast.expr, cx, depth),
        Expr::TsNonNull(cast) => evaluate_at(&cast.expr, cx, depth),
        Expr::Tpl(template) => {
            let mut text = String::new();
            for (index, quasi) in template.quasis.iter().enumerate() {
                let Some(cooked) = &quasi.cooked else {
                    return Err(unknown(quasi.span, "a template with an invalid escape"));
                };
                text.push_str(&cooked.to_atom_lossy());
                if let Some(part) = template.exprs.get(index) {
                    text.push_str(&evaluate_at(part, cx, depth)?);
                }
            }
            Ok(text)
        }
        Expr::Bin(binary) if binary.op == BinaryOp::Add => Ok(format!(
            "{}{}",
            evaluate_at(&binary.left, cx, depth)?,
            evaluate_at(&binary.right, cx, depth)?
        )),
        Expr::Ident(ident) => {
            if cx.scopes.binding_of(ident).is_none() {
                match (ident.sym.as_str(), cx.filename.filter(|_| !cx.esm)) {
                    ("__filename", Some(filename)) => return Ok(filename.to_string()),
                    ("__dirname", Some(filename)) => return Ok(posix_path::dirname(filename)),
                    ("__filename" | "__dirname", None) => {
                        return Err(unknown(
                            ident.span,
                            format!("`{}`, which an ES module does not have", ident.sym),
                        ));
                    }
                    _ => {}
                }
            }
            match cx.bindings.constant(cx.scopes, ident) {
                Some(init) => evaluate_at(init, cx, depth + 1),
                None => Err(unknown(
                    ident.span,
                    format!("`{}`, which is not a constant", ident.sym),
                )),
            }
        }
        Expr::Call(call) => path_call(call, cx, depth),
        Expr::Member(member) => import_meta(member, cx),
        Expr::New(new) => file_url(new, cx, depth),
        other => Err(unknown(other.span(), "this expression")),
    }
}

/// `path.join(…)` and the other `path` functions of computable arguments.
fn path_call(call: &CallExpr, cx: &Context<'_>, depth: usize) -> Result<String, Unknown> {
    let not_path = || {
        unknown(
            call.span,
            "a call other than `path.join`, `path.resolve`, `path.dirname`, `path.basename` or `path.normalize`",
        )
    };
    let Callee::Expr(callee) = &call.callee else {
        return Err(not_path());
    };
    let name = match cx.bindings.of(cx.scopes, callee) {
        Some(Meaning::PathFunction(name)) => name,
        Some(Meaning::UrlFunction(name)) if name == "fileURLToPath" => {
            let [arg] = call.args.as_slice() else {
                return Err(not_path());
            };
            let url = evaluate_at(&arg.expr, cx, depth)?;
            return super::url_path(&url)
                .ok_or_else(|| unknown(arg.expr.span(), "a URL that is not a `file:` URL"));
        }
        _ => return Err(not_path()),
    };
    let mut args = Vec::new();
    for arg in &call.args {
        if arg.spread.is_some() {
            return Err(unknown(arg.expr.span(), "a spread argument"));
        }
        args.push(evaluate_at(&arg.expr, cx, depth)?);
    }
    let first = || args.first().cloned().unwrap_or_default();
    match name.as_str() {
        "join" => Ok(posix_path::join(&args)),
        "resolve" => posix_path::resolve(&args).ok_or_else(|| {
            unknown(
                call.span,
                "`path.resolve` of relative parts (it starts from the working directory)",
            )
        }),
        "normalize" => Ok(posix_path::normalize(&first())),
        "dirname" => Ok(posix_path::dirname(&first())),
        "basename" if args.len() == 1 => Ok(posix_path::basename(&first())),
        _ => Err(not_path()),
    }
}

/// `import.meta.url`, `.dirname` or `.filename` of an ES module.
fn import_meta(member: &MemberExpr, cx: &Context<'_>) -> Result<String, Unknown> {
    let other = || unknown(member.span, "this expression");
    let (Expr::MetaProp(meta), MemberProp::Ident(name), Some(filename)) =
        (&*member.obj, &member.prop, cx.filename)
    else {
        return Err(other());
    };
    if meta.kind != MetaPropKind::ImportMeta || !cx.esm {
        return Err(other());
    }
    match name.sym.as_str() {
        "url" => Ok(super::file_url(filename)),
        "filename" => Ok(filename.to_string()),
        "dirname" => Ok(posix_path::dirname(filename)),
        _ => Err(other()),
    }
}

/// `new URL("./t.html", import.meta.url)`: a `file:` URL relative to a computed one (plain
/// path steps only: letters, digits, `.`, `-`, `_` and `/`, which need no encoding).
fn file_url(new: &NewExpr, cx: &Context<'_>, depth: usize) -> Result<String, Unknown> {
    let other = || {
        unknown(
            new.span,
            "a `new` other than `new URL(relative, import.meta.url)`",
        )
    };
    let is_url = matches!(&*new.callee, Expr::Ident(ident)
        if ident.sym == "URL" && cx.scopes.binding_of(ident).is_none());
    let Some([relative, base]) = new.args.as_deref() else {
        return Err(other());
    };
    if !is_url || relative.spread.is_some() || base.spread.is_some() {
        return Err(other());
    }
    let relative_text = evaluate_at(&relative.expr, cx, depth)?;
    let base = evaluate_at(&base.expr, cx, depth)?;
    let plain = relative_text
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || b"./-_".contains(&byte));
    let Some(base_path) = super::url_path(&base) else {
        return Err(unknown(new.span, "a base that is not a `file:` URL"));
    };
    if !plain {
        return Err(unknown(
            relative.expr.span(),
            "a relative URL with characters other than letters, digits, `.`, `-`, `_` and `/`",
        ));
    }
    let path = if relative_text.starts_with('/') {
        posix_path::normalize(&relative_text)
    } else {
        posix_path::join(&[posix_path::dirname(&format!("{base_path}x")), relative_text])
    };
    Ok(super::file_url(&path))
}
