//! `break`, `continue` and labels: which statement a jump targets and how to reach it.
//!
//! Every loop, `switch` and labelled statement is a [`JumpTarget`] with a Rust label. A jump to
//! the innermost loop is a plain `break;`/`continue;`; any other jump names the label (which is
//! then emitted). A jump out of a `try`, `catch` or `finally` block, whose body is a closure
//! (see `exceptions.rs`), returns a completion instead, and the code after the `try` repeats
//! the jump from there:
//!
//! ```text
//! outer: for (…) { switch (x) { case 1: continue outer; } }
//!   →   'loop_outer: loop { rt::tick()?; … 'switch: { … continue 'loop_outer; } }
//! for (…) { try { break; } finally { … } }
//!   →   loop { … return Ok(rt::Completion::Break(0)) … match done? { rt::Completion::Break(0) => break, … } }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::Lowerer;

/// A statement `break` (and, for loops, `continue`) may target.
pub(crate) struct JumpTarget {
    /// Its JS label, if labelled.
    pub(crate) js_label: Option<String>,
    /// The Rust label, emitted only if some jump names it.
    pub(crate) rust_label: syn::Lifetime,
    /// A loop (`continue` may target it; an unlabelled `break` may).
    pub(crate) is_loop: bool,
    /// A `switch` (an unlabelled `break` may target it).
    pub(crate) is_switch: bool,
    /// How many `try` closures deep it is in the current function.
    pub(crate) try_depth: usize,
    /// Whether a jump names the Rust label.
    pub(crate) label_used: bool,
    /// Number identifying it in `rt::Completion::Break`/`Continue`.
    pub(crate) id: u32,
}

/// `break` or `continue`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Jump {
    Break,
    Continue,
}

impl Lowerer<'_> {
    /// Enters a loop, `switch` or labelled statement; returns its index for [`Self::leave_target`].
    pub(super) fn enter_target(
        &mut self,
        js_label: Option<String>,
        is_loop: bool,
        is_switch: bool,
    ) -> usize {
        let hint = match (&js_label, is_loop, is_switch) {
            (Some(name), _, _) => format!("label_{name}"),
            (None, true, _) => "loop".to_string(),
            (None, _, true) => "switch".to_string(),
            _ => "block".to_string(),
        };
        let rust_label = self.label(&hint);
        let id = self.jump_targets.len() as u32;
        self.jump_targets.push(JumpTarget {
            js_label,
            rust_label,
            is_loop,
            is_switch,
            try_depth: self.try_frames.len(),
            label_used: false,
            id,
        });
        self.jump_targets.len() - 1
    }

    /// Leaves the target entered last; returns the `'label:` prefix its statement needs.
    pub(super) fn leave_target(&mut self) -> TokenStream {
        match self.jump_targets.pop() {
            Some(target) if target.label_used => {
                let label = target.rust_label;
                quote!(#label:)
            }
            _ => quote!(),
        }
    }

    /// The target of `break`/`continue` with an optional JS label.
    fn find_target(&self, jump: Jump, label: Option<&str>) -> Option<usize> {
        self.jump_targets
            .iter()
            .enumerate()
            .rev()
            .find(|(_, target)| match (label, jump) {
                (Some(name), _) => target.js_label.as_deref() == Some(name),
                (None, Jump::Break) => target.is_loop || target.is_switch,
                (None, Jump::Continue) => target.is_loop,
            })
            .map(|(index, _)| index)
    }

    /// Lowers `break`/`continue` (with its optional label).
    pub(super) fn jump(&mut self, jump: Jump, label: Option<&str>) -> TokenStream {
        match self.find_target(jump, label) {
            Some(index) => self.jump_to(jump, index),
            // The parser rejects jumps without a target.
            None => quote!(),
        }
    }

    /// A jump to the target at `index` from the current position.
    pub(super) fn jump_to(&mut self, jump: Jump, index: usize) -> TokenStream {
        let depth = self.try_frames.len();
        let innermost = index + 1 == self.jump_targets.len();
        let target = &mut self.jump_targets[index];
        if target.try_depth < depth {
            let id = proc_macro2::Literal::u32_unsuffixed(target.id);
            if let Some(frame) = self.try_frames.last_mut()
                && !frame.escapes.contains(&(jump, index))
            {
                frame.escapes.push((jump, index));
            }
            return match jump {
                Jump::Break => quote!(return Ok(rt::Completion::Break(#id));),
                Jump::Continue => quote!(return Ok(rt::Completion::Continue(#id));),
            };
        }
        if innermost && target.is_loop {
            return match jump {
                Jump::Break => quote!(break;),
                Jump::Continue => quote!(continue;),
            };
        }
        target.label_used = true;
        let label = target.rust_label.clone();
        match jump {
            Jump::Break => quote!(break #label;),
            Jump::Continue => quote!(continue #label;),
        }
    }
}
