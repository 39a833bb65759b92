//! Telling connected devices that the network's records changed, so that
//! they sync within a second instead of at their next timer.
//!
//! `GET /api/v1/events` (Server-Sent Events, same bearer token as the sync)
//! sends `event: changed` each time a write applied something, coalesced:
//! a device that is slow to read gets one event for many writes. The event
//! carries no record, only a number that grows: what changed, and whether
//! the device may see it, is answered by its next sync, with the usual
//! scope. The device that made the change is not told about it.
//! A comment line every 20 seconds keeps the connection (and proxies) awake;
//! it also lets the server notice a device that went away.

use super::auth::Caller;
use super::AppState;
use crate::domain::DeviceId;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::watch;

/// How often an idle stream sends a comment.
pub const KEEP_ALIVE: Duration = Duration::from_secs(20);

/// The last change: a growing number, and the device that made it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Notice {
    pub generation: u64,
    pub from: Option<DeviceId>,
}

/// The sender side, held by the server's state.
pub(crate) struct Changes {
    sender: watch::Sender<Notice>,
}

impl Default for Changes {
    fn default() -> Self {
        Self {
            sender: watch::Sender::new(Notice::default()),
        }
    }
}

impl Changes {
    /// Something was written by `from` (or by the server itself).
    pub fn notify(&self, from: Option<&DeviceId>) {
        self.sender.send_modify(|notice| {
            notice.generation += 1;
            notice.from = from.cloned();
        });
    }

    fn subscribe(&self) -> watch::Receiver<Notice> {
        self.sender.subscribe()
    }

    /// How many devices are listening (for the server's own figures).
    pub fn listeners(&self) -> usize {
        self.sender.receiver_count()
    }
}

/// The stream of one device: an event for each change it did not make.
fn events_for(
    device: DeviceId,
    receiver: watch::Receiver<Notice>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    let hello = stream::once(async { Ok(Event::default().comment("listening")) });
    let changes = stream::unfold((device, receiver), |(device, mut receiver)| async move {
        loop {
            // The server stopping drops the sender: the stream ends.
            receiver.changed().await.ok()?;
            let notice = receiver.borrow_and_update().clone();
            if notice.from.as_ref() != Some(&device) {
                let event = Event::default()
                    .event("changed")
                    .data(notice.generation.to_string());
                return Some((Ok(event), (device, receiver)));
            }
        }
    });
    futures_util::StreamExt::chain(hello, changes)
}

/// `GET /api/v1/events`: the change stream of an enrolled device.
pub(crate) async fn get_events(
    State(state): State<AppState>,
    caller: Caller,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.inner.changes.subscribe();
    Sse::new(events_for(caller.device_id, receiver))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("still here"))
}
