//! The conformance corpus runner: each case under `conformance/cases/` is a handler module
//! whose header comment lists the requests to send. Every case is served by Node (through
//! `harness/server.mjs`, which implements the handler contract) and by one compiled Backworks
//! server holding all cases; status, content type, handler-set headers and body bytes must match.
//!
//! ```text
//! // @request GET ?q=a%20b          → GET /<group>/<case>?q=a%20b
//! // @request POST {"n": 1}         → POST with a JSON body
//! // @request POST text:hello       → POST with a text/plain body
//! // @request POST json:{"n":       → POST with a raw (here malformed) JSON body
//! // @route /{id}                   → the case's route is /<group>/<case>/{id}
//! // @request GET /42               → GET /<group>/<case>/42
//! // @concurrent 50                 → the next requests, up to `// @then`, start 50 ms apart
//! //                                  without waiting for each other (they interleave at awaits)
//! ```

pub mod case;
pub mod compare;
pub mod run;

pub use case::{Case, CaseRequest, Concurrent, discover};
pub use run::{Outcome, run_corpus};
