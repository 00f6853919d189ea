//! Which modules may do I/O: their handlers run on an event-loop thread
//! (`runtime-lib/src/js/event_loop.rs`) instead of inline, so that while they wait other
//! requests run.
//!
//! ```text
//! await new Promise((r) => setTimeout(r, 10))        → I/O (a timer)
//! module.exports = async (req, ctx) => ctx.db.…       → I/O when the service has a database
//! export function GET(req) { return 1 }              → inline
//! ```
//!
//! A module that requires an I/O module may call into it, so I/O flows to the modules that
//! require it (`program.rs`, `classify_io`), and a stateful isolate runs on a loop as a whole
//! when any of its modules does (its state lives on one thread or behind one lock, never
//! both).

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

/// The globals that schedule work for later, and the `crypto` functions that may call back
/// later (`crypto.pbkdf2(…, callback)` runs its callback from a timer; `randomBytes` does when
/// given one, and a module that only calls it synchronously just runs on a loop needlessly).
const TIMER_GLOBALS: &[&str] = &[
    "setTimeout",
    "setInterval",
    "pbkdf2",
    "scrypt",
    "randomBytes",
];

/// Globals that wait for outgoing I/O (`fetch`: an HTTP exchange off the loop thread). Only
/// the identifier counts, not a property of the name (`client.fetch()`).
const IO_GLOBALS: &[&str] = &["fetch"];

struct TimerFinder(bool);

impl Visit for TimerFinder {
    fn visit_ident(&mut self, ident: &Ident) {
        // A local binding of the same name is counted too: running on a loop is always
        // correct, only slightly dearer than inline.
        let name = ident.sym.as_str();
        if TIMER_GLOBALS.contains(&name) || IO_GLOBALS.contains(&name) {
            self.0 = true;
        }
    }

    fn visit_ident_name(&mut self, ident: &IdentName) {
        if TIMER_GLOBALS.contains(&ident.sym.as_str()) {
            self.0 = true;
        }
    }
}

/// Whether `module` names `setTimeout`, `setInterval` or `fetch` anywhere.
pub(crate) fn uses_timers(module: &Module) -> bool {
    let mut finder = TimerFinder(false);
    module.visit_with(&mut finder);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use backworks_diagnostics::Sources;

    fn module(text: &str) -> Module {
        let mut sources = Sources::new();
        let source = sources.add("m.js", text);
        match crate::parse::parse(source, text, crate::Language::JavaScript) {
            Ok(parsed) => parsed.module,
            Err(_) => panic!("{text} parses"),
        }
    }

    #[test]
    fn timers_anywhere_in_the_module_make_it_do_io() {
        assert!(uses_timers(&module(
            "module.exports = async () => { await new Promise((r) => setTimeout(r, 1)); };"
        )));
        assert!(uses_timers(&module("const t = setInterval;")));
        assert!(uses_timers(&module(
            "const crypto = require(\"crypto\");\nmodule.exports = () => new Promise((r) => crypto.pbkdf2(\"p\", \"s\", 1, 8, \"sha1\", (e, k) => r(k)));"
        )));
        assert!(uses_timers(&module(
            "module.exports = async () => (await fetch(\"http://x/\")).text();"
        )));
        assert!(!uses_timers(&module(
            "module.exports = () => Promise.resolve(1);"
        )));
        assert!(!uses_timers(&module(
            "module.exports = (req) => req.client.fetch();"
        )));
    }
}
