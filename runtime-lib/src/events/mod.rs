//! Live events: what happens to the service's data, and what handlers `ctx.emit`, published
//! to WebSocket subscribers at `GET /_backworks/ws` (the protocol is in `ARCHITECTURE.md`,
//! "Live events"). One [`Hub`] per server and store.
//!
//! ```text
//! write (CRUD / ctx.db) ─▶ ops.rs: INSERT row + INSERT _backworks_events ─▶ COMMIT
//!                                            │ Store::committed (this instance)
//!                                            ▼
//! Hub reader: [PostgreSQL: number committed rows + NOTIFY, `sequence.rs` ─▶ LISTEN wakes the
//!              other instances' readers] ─▶ SELECT … WHERE seq > last
//!   ─▶ fan_out: per resource, one `view.rs` query over every event's before/after state and
//!      every distinct subscription condition ─▶ create/update/enter/leave/delete per sub
//!   ─▶ each connection's outbox (bounded by size) ─▶ `socket.rs` ─▶ WebSocket frames
//! ```
//!
//! The files: `hub.rs` (the [`Hub`]: subscribers and the fan-out), `table.rs` (the platform
//! table and appending to it), `sequence.rs` (commit-order numbering on PostgreSQL),
//! `listen.rs` (the `LISTEN` connection), `reader.rs` (the reader task and the window trim),
//! `view.rs` (in view or not, in SQL), `subscription.rs` (admitting a `subscribe`),
//! `replay.rs` (`since`), `protocol.rs` (the messages), `outbox.rs` (a connection's queue,
//! bounded by size), `socket.rs` (one connection), `emit.rs` (`ctx.emit`), `requests.rs` (the
//! dashboard's request stream, read from the monitor).

// The socket, its messages, its outbox and the request stream need no database: a service
// without data (a server built without `storage`) still serves `/_backworks/ws` for the
// dashboard's request stream. Everything behind `storage` below is about data and custom events.
#[cfg_attr(
    not(feature = "storage"),
    allow(dead_code, reason = "the hub's end is storage's")
)]
mod outbox;
#[cfg_attr(
    not(feature = "storage"),
    allow(dead_code, reason = "data messages are storage's")
)]
mod protocol;
mod requests;
pub(crate) mod socket;

#[cfg(feature = "storage")]
mod emit;
#[cfg(feature = "storage")]
mod hub;
#[cfg(feature = "storage")]
mod listen;
#[cfg(feature = "storage")]
mod reader;
#[cfg(feature = "storage")]
mod replay;
#[cfg(feature = "storage")]
mod sequence;
#[cfg(feature = "storage")]
mod subscription;
#[cfg(feature = "storage")]
pub(crate) mod table;
#[cfg(feature = "storage")]
mod view;

pub(crate) use requests::RequestFeed;

#[cfg(feature = "storage")]
pub use emit::emit;
#[cfg(feature = "storage")]
pub use hub::{DEFAULT_WINDOW, Hub, WINDOW_VARIABLE, keep};
#[cfg(feature = "storage")]
pub(crate) use hub::{HubInner, Kind, Stored, message_for};
