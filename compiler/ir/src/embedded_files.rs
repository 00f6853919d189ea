//! Project files the handlers read with `fs` (`fs.readFileSync(path.join(__dirname, "t.html"))`),
//! read by the build and carried to the emitter, which writes them beside the generated code
//! for the server to `include_bytes!`: the server reads no file at run time.
//!
//! Filled in by the JavaScript crate after the handlers compile (empty until then).

/// One file the build embeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFile {
    /// Its absolute, lexically normalised path, as the handler's code computes it (the key
    /// `fs.readFileSync` looks up at run time).
    pub path: String,
    /// Its bytes at build time.
    pub bytes: Vec<u8>,
}
