//! Every use of `fs` in a module: calls of the supported functions, whose path argument the
//! build evaluates (`evaluate.rs`), and anything else, which is an error where it is written
//! (a write, another member, `fs` or one of its functions passed around as a value, whose
//! calls the build could not see).
//!
//! ```text
//! fs.readFileSync(path.join(__dirname, "a.txt"), "utf8")   → Read { path: "/…/a.txt" }
//! fs.writeFileSync(p, text)                                → error: fs writes are not supported
//! const read = fs.readFileSync                             → error: call it directly
//! ```

use swc_core::common::{Span, Spanned};
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use super::bindings::{Bindings, Meaning};
use super::evaluate::{Context, Unknown, evaluate};

/// One use the pass found.
pub(super) enum Use {
    /// A supported call whose path the build computed.
    Read { span: Span, path: String },
    /// A supported call whose path it cannot compute.
    Unknown { call: Span, unknown: Unknown },
    /// `fs.<member>` that is not supported (`name` is the member).
    Unsupported { span: Span, name: String },
    /// `fs`, `fs.promises` or a supported function used as a value rather than called.
    Escaping { span: Span },
}

/// The uses of `fs` in `module`.
pub(super) fn find(module: &Module, cx: &Context<'_>) -> Vec<Use> {
    let mut finder = Finder {
        cx,
        uses: Vec::new(),
    };
    for (name, span) in &cx.bindings.unsupported {
        finder.uses.push(Use::Unsupported {
            span: *span,
            name: name.clone(),
        });
    }
    module.visit_with(&mut finder);
    finder.uses
}

struct Finder<'a> {
    cx: &'a Context<'a>,
    uses: Vec<Use>,
}

impl Finder<'_> {
    fn bindings(&self) -> &Bindings {
        self.cx.bindings
    }

    /// Reports `expr` if it is `fs`, a member of it or one of its functions in a place other
    /// than a call's callee; `true` when it was (its parts need no further visit).
    fn value_use(&mut self, expr: &Expr) -> bool {
        match self.bindings().of(self.cx.scopes, expr) {
            Some(Meaning::FsOther) => {
                let name = match expr {
                    Expr::Member(member) => match &member.prop {
                        MemberProp::Ident(name) => name.sym.to_string(),
                        _ => String::new(),
                    },
                    Expr::Ident(ident) => ident.sym.to_string(),
                    _ => String::new(),
                };
                self.uses.push(Use::Unsupported {
                    span: expr.span(),
                    name,
                });
                true
            }
            Some(Meaning::Fs | Meaning::FsPromises | Meaning::FsFunction) => {
                self.uses.push(Use::Escaping { span: expr.span() });
                true
            }
            _ => false,
        }
    }
}

impl Visit for Finder<'_> {
    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        declarator.name.visit_with(self);
        if let Some(init) = &declarator.init
            && !self.bindings().consumed.contains(&init.span_lo())
        {
            init.visit_with(self);
        }
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee {
            match self.bindings().of(self.cx.scopes, callee) {
                Some(Meaning::FsFunction) => {
                    let found = match call.args.first() {
                        Some(arg) if arg.spread.is_none() => match evaluate(&arg.expr, self.cx) {
                            Ok(path) => Use::Read {
                                span: arg.expr.span(),
                                path,
                            },
                            Err(unknown) => Use::Unknown {
                                call: call.span,
                                unknown,
                            },
                        },
                        _ => Use::Unknown {
                            call: call.span,
                            unknown: Unknown {
                                span: call.span,
                                what: "a call without a path argument".to_string(),
                            },
                        },
                    };
                    self.uses.push(found);
                    for arg in call.args.iter().skip(1) {
                        arg.visit_with(self);
                    }
                    return;
                }
                Some(Meaning::FsOther) => {
                    self.value_use(callee);
                    call.args.visit_with(self);
                    return;
                }
                _ => {}
            }
        }
        call.visit_children_with(self);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        // Comparing or testing a value of `fs` calls nothing: `fsp === fs.promises`,
        // `typeof fs.readFileSync`.
        let inspected: Vec<&Expr> = match expr {
            Expr::Bin(binary)
                if matches!(
                    binary.op,
                    BinaryOp::EqEq | BinaryOp::NotEq | BinaryOp::EqEqEq | BinaryOp::NotEqEq
                ) =>
            {
                vec![&binary.left, &binary.right]
            }
            Expr::Unary(unary) if unary.op == UnaryOp::TypeOf => vec![&unary.arg],
            _ => Vec::new(),
        };
        if !inspected.is_empty() {
            for operand in inspected {
                if self.bindings().of(self.cx.scopes, operand).is_none() {
                    operand.visit_with(self);
                }
            }
            return;
        }
        if !self.value_use(expr) {
            expr.visit_children_with(self);
        }
    }

    fn visit_prop(&mut self, prop: &Prop) {
        // `{ readFileSync }` reads the binding as a value.
        if let Prop::Shorthand(ident) = prop {
            self.value_use(&Expr::Ident(ident.clone()));
            return;
        }
        prop.visit_children_with(self);
    }
}
