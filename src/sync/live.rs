//! Listening to the server's change events (`GET /api/v1/events`, Server-Sent
//! Events with the device's token): each `changed` event asks for a sync now,
//! so that a coordinator's board and a volunteer's phone follow each other
//! within a second. Without this channel (a proxy that cuts it, no network)
//! the periodic sync still runs.

use super::http::{normalize_url, offline_or_protocol};
use super::TransportError;
use crate::store::DeviceIdentity;
use futures_util::StreamExt;

/// Longest event block the app reads; the server's are a few bytes.
const MAX_BLOCK: usize = 16 * 1024;

/// Reads an event stream as it arrives, in pieces cut anywhere.
#[derive(Debug, Default)]
pub struct EventReader {
    pending: String,
}

impl EventReader {
    /// Takes the next piece of the stream; says how many `changed` events it
    /// completed. A block that grows without end is an error.
    pub fn push(&mut self, bytes: &[u8]) -> Result<usize, String> {
        self.pending
            .push_str(&String::from_utf8_lossy(bytes).replace('\r', ""));
        let mut changed = 0;
        while let Some(end) = self.pending.find("\n\n") {
            let block: String = self.pending.drain(..end + 2).collect();
            if block
                .lines()
                .any(|line| line.trim_end() == "event: changed")
            {
                changed += 1;
            }
        }
        if self.pending.len() > MAX_BLOCK {
            return Err("the server's events could not be read".to_owned());
        }
        Ok(changed)
    }
}

fn client() -> Result<reqwest::Client, TransportError> {
    let builder = reqwest::Client::builder();
    // No overall limit: the stream lasts. A connection that stays silent
    // longer than two of the server's keep-alive comments is dead.
    #[cfg(not(target_arch = "wasm32"))]
    let builder = builder
        .connect_timeout(std::time::Duration::from_secs(10))
        .read_timeout(std::time::Duration::from_secs(45));
    builder
        .build()
        .map_err(|e| TransportError::Protocol(format!("cannot start the network client: {e}")))
}

/// Listens until the connection ends, calling `on_change` for each change
/// the server announces. Returns whether the server answered at all (a
/// caller waits longer before trying again when it did not).
pub async fn listen(
    identity: &DeviceIdentity,
    mut on_change: impl FnMut(),
) -> Result<bool, TransportError> {
    let base = normalize_url(&identity.server_url).map_err(TransportError::Protocol)?;
    let response = client()?
        .get(format!("{base}/api/v1/events"))
        .bearer_auth(&identity.token)
        .header(reqwest::header::ACCEPT, "text/event-stream")
        .send()
        .await
        .map_err(offline_or_protocol)?;
    if !response.status().is_success() {
        // The sync itself says why (signed out, a server too old...).
        return Err(TransportError::Protocol(format!(
            "the server does not send its changes ({})",
            response.status()
        )));
    }
    let mut reader = EventReader::default();
    let mut stream = response.bytes_stream();
    while let Some(piece) = stream.next().await {
        let piece = piece.map_err(offline_or_protocol)?;
        for _ in 0..reader.push(&piece).map_err(TransportError::Protocol)? {
            on_change();
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_cut_anywhere_are_counted_once_each() {
        let stream = ": listening\n\nevent: changed\ndata: 1\n\n: still here\n\nevent: changed\r\ndata: 2\r\n\r\n";
        for cut in 0..stream.len() {
            let (a, b) = stream.as_bytes().split_at(cut);
            let mut reader = EventReader::default();
            let total = reader.push(a).unwrap_or(99) + reader.push(b).unwrap_or(99);
            assert_eq!(total, 2, "cut at {cut}");
        }
    }

    #[test]
    fn a_stream_that_never_ends_its_block_is_refused() {
        let mut reader = EventReader::default();
        assert!(reader.push(&[b'x'; MAX_BLOCK + 1]).is_err());
    }
}
