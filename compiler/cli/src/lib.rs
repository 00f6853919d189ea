//! The `backworks` command: a thin layer over the compiler's passes.
//!
//! [`pipeline`] chains the passes; [`commands`] implements each subcommand on top of it.

pub mod commands;
pub mod pipeline;
