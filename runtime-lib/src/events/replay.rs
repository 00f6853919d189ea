//! `since`: the events a reconnecting subscriber missed, read back from the table and
//! checked exactly as live ones are (`view.rs` for each event's before and after, the same
//! `message_for`). When the window no longer reaches back to `since` — older events were
//! trimmed, or `since` is ahead of the table (another database, or one restored) — the answer
//! is `reset`: refetch, then carry on live.
//!
//! ```text
//! subscribe notes since 12; table holds 9..=20, subscription starts after 20
//!   ─▶ events 13..=20 of notes, in view for this subscriber ─▶ change messages
//! subscribe notes since 3;  table holds 9..=20  ─▶ reset
//! ```

use std::collections::HashMap;

use super::protocol::Outgoing;
use super::reader::{PAGE, earliest, read_after};
use super::subscription::{Subscription, Target};
use super::{Kind, message_for, view};
use crate::storage::Store;
use crate::storage::error::StoreError;

/// What a subscription made with `since` receives before live events (those after `until`).
pub(crate) enum Replay {
    /// The missed events' messages, in seq order.
    Events(Vec<Outgoing>),
    /// The window does not reach back to `since`.
    Reset,
}

/// The messages of events in `(since, until]` for `subscription`.
pub(crate) async fn replay(
    store: &Store,
    subscription: &Subscription,
    since: i64,
    until: i64,
) -> Result<Replay, StoreError> {
    if since >= until {
        return Ok(if since > until {
            Replay::Reset
        } else {
            Replay::Events(Vec::new())
        });
    }
    let mut session = store.reader().await?;
    match earliest(&mut session).await? {
        Some(first) if first <= since + 1 => {}
        _ => return Ok(Replay::Reset),
    }
    let mut messages = Vec::new();
    let mut after = since;
    loop {
        let mut page = read_after(&mut session, after, PAGE).await?;
        let full = page.len() as i64 >= PAGE;
        page.retain(|event| event.seq <= until);
        let Some(last) = page.last().map(|event| event.seq) else {
            break;
        };
        let mut views: HashMap<usize, (bool, bool)> = HashMap::new();
        if let Target::Resource { lens, .. } = &subscription.target {
            let mut states = Vec::new();
            let mut owners = Vec::new();
            for (index, event) in page.iter().enumerate() {
                if let Kind::Change {
                    resource,
                    before,
                    after,
                    ..
                } = &event.kind
                    && resource == lens.resource.name
                {
                    states.push(before.as_ref());
                    states.push(after.as_ref());
                    owners.push(index);
                }
            }
            let answers = view::in_view(&mut session, lens.resource, &states, &[lens]).await?;
            for (slot, index) in owners.iter().enumerate() {
                views.insert(*index, (answers[slot * 2][0], answers[slot * 2 + 1][0]));
            }
        }
        for (index, event) in page.iter().enumerate() {
            if let Some(message) = message_for(event, subscription, views.get(&index)) {
                messages.push(message);
            }
        }
        after = last;
        if !full || last >= until {
            break;
        }
    }
    Ok(Replay::Events(messages))
}
