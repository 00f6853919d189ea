//! `try`/`catch`/`finally`.
//!
//! Each block becomes a closure returning `Result<rt::Completion, rt::Throw>`, called at once:
//! its `?`s (every throw in the block) end the closure with `Err`, and `return`, or a
//! `break`/`continue` to a statement outside the block (see `jumps.rs`), end it with a
//! completion. The closures borrow the function's locals, so assignments inside are seen after.
//!
//! ```text
//! try { a(); return 1; }            let done = (|| -> Result<rt::Completion, rt::Throw> {
//! catch (e) { log(e); }                 …; return Ok(rt::Completion::Return(Value::Number(1.0)));
//! finally { cleanup(); }                Ok(rt::Completion::Normal) })();
//!                                   let done = match done { Err(thrown) => match rt::catch_value(thrown) {
//!                                       Ok(caught) => (|| … { let mut e: Value = caught; … })(), Err(t) => Err(t) }, done => done };
//!                                   let done = match done { Err(t) if !t.runs_finally() => Err(t),
//!                                       done => match (|| … cleanup … )()? { rt::Completion::Normal => done, abrupt => Ok(abrupt) } };
//!                                   match done? { rt::Completion::Return(v) => return Ok(v), _ => {} }
//! ```
//!
//! As in JS, an abrupt `finally` (return, jump or throw) overrides the block's outcome. A throw
//! past the time budget is not catchable and skips `finally`; a generator's `return(v)`
//! unwinding (`Throw::generator_return`) is not catchable but runs `finally`.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use super::destructuring::Mode;
use super::jumps::Jump;

/// One `try`, `catch` or `finally` closure being lowered.
#[derive(Default)]
pub(crate) struct TryFrame {
    /// A `return` inside leaves the closure.
    pub(crate) returns: bool,
    /// Jumps that leave the closure: kind and index of the target in `jump_targets`.
    pub(crate) escapes: Vec<(Jump, usize)>,
}

impl Lowerer<'_> {
    /// `return value` where the current position is (inside `try` closures or not).
    pub(super) fn return_value(&mut self, value: TokenStream) -> TokenStream {
        // Leaving a derived constructor before `super(…)` is a ReferenceError.
        let check = match &self.derived_this {
            Some((binding, depth)) if *depth == self.function_depth => {
                Some(quote!(#binding.check_return()?;))
            }
            _ => None,
        };
        let value = match check {
            Some(check) => quote!({ #check #value }),
            None => value,
        };
        match self.try_frames.last_mut() {
            Some(frame) => {
                frame.returns = true;
                quote!(return Ok(rt::Completion::Return(#value));)
            }
            None => quote!(return Ok(#value);),
        }
    }

    /// A block lowered as a completion closure; also returns how it may leave.
    fn completion_closure(
        &mut self,
        body: impl FnOnce(&mut Self) -> TokenStream,
    ) -> (TokenStream, TryFrame) {
        self.try_frames.push(TryFrame::default());
        let inner = body(self);
        let frame = self.try_frames.pop().unwrap_or_default();
        // In an async body the block may `await`, so it is an async block awaited in place.
        let closure = if self.in_async {
            quote!(async {
                #inner
                Ok::<rt::Completion, rt::Throw>(rt::Completion::Normal)
            }.await)
        } else {
            quote!((|| -> Result<rt::Completion, rt::Throw> {
                #inner
                Ok(rt::Completion::Normal)
            })())
        };
        (closure, frame)
    }

    pub(super) fn try_statement(&mut self, stmt: &TryStmt) -> TokenStream {
        let done = self.temp("done");
        let mut escapes: Vec<(Jump, usize)> = Vec::new();
        let mut returns = false;
        let mut merge = |frame: TryFrame, escapes: &mut Vec<(Jump, usize)>| {
            returns |= frame.returns;
            for escape in frame.escapes {
                if !escapes.contains(&escape) {
                    escapes.push(escape);
                }
            }
        };
        let (block, frame) = self.completion_closure(|this| this.statements(&stmt.block.stmts));
        merge(frame, &mut escapes);
        let mut steps = vec![quote!(let #done: Result<rt::Completion, rt::Throw> = #block;)];
        if let Some(handler) = &stmt.handler {
            let caught = self.temp("caught");
            let thrown = self.temp("thrown");
            let (closure, frame) = self.completion_closure(|this| {
                let bind = match &handler.param {
                    Some(param) => this.bind_pattern(param, quote!(#caught), Mode::DeclareFresh),
                    None => quote!(let _ = #caught;),
                };
                let body = this.statements(&handler.body.stmts);
                quote!(#bind #body)
            });
            merge(frame, &mut escapes);
            steps.push(quote! {
                let #done: Result<rt::Completion, rt::Throw> = match #done {
                    Err(#thrown) => match rt::catch_value(#thrown) {
                        Ok(#caught) => #closure,
                        Err(#thrown) => Err(#thrown),
                    },
                    #done => #done,
                };
            });
        }
        if let Some(finalizer) = &stmt.finalizer {
            let thrown = self.temp("thrown");
            let abrupt = self.temp("abrupt");
            let (closure, frame) =
                self.completion_closure(|this| this.statements(&finalizer.stmts));
            merge(frame, &mut escapes);
            steps.push(quote! {
                let #done: Result<rt::Completion, rt::Throw> = match #done {
                    Err(#thrown) if !#thrown.runs_finally() => Err(#thrown),
                    #done => match #closure? {
                        rt::Completion::Normal => #done,
                        #abrupt => Ok(#abrupt),
                    },
                };
            });
        }
        // Carry the completion on from here.
        let value = self.temp("returned");
        let mut arms = Vec::new();
        if returns {
            let ret = self.return_value(quote!(#value));
            arms.push(quote!(rt::Completion::Return(#value) => { #ret }));
        }
        for (jump, index) in escapes {
            let id = proc_macro2::Literal::u32_unsuffixed(self.jump_targets[index].id);
            let lowered = self.jump_to(jump, index);
            arms.push(match jump {
                Jump::Break => quote!(rt::Completion::Break(#id) => { #lowered }),
                Jump::Continue => quote!(rt::Completion::Continue(#id) => { #lowered }),
            });
        }
        quote!({
            #(#steps)*
            match #done? {
                #(#arms)*
                _ => {}
            }
        })
    }
}
