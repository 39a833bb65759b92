//! The caps on open connections, in total and per client address, and the
//! short answer a connection over a cap gets before it is closed.

use super::ConnectionLimits;
use crate::server::error::ApiFailure;
use crate::server::headers::BROWSER_HEADERS;
use axum::http::StatusCode;
use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// Refusals answered at once; beyond, a connection is closed unanswered.
const REFUSALS_AT_ONCE: usize = 64;
/// How long a refused connection is kept to read its request's header and
/// deliver its `503`.
const REFUSAL_LINGER: Duration = Duration::from_secs(2);
/// Refusals are logged together, at most once in this period.
const REFUSAL_LOG_PERIOD: Duration = Duration::from_secs(10);

/// The connections open now, in total and per address group.
pub(super) struct Admission {
    max_connections: usize,
    max_per_address: usize,
    open: Mutex<OpenConnections>,
}

#[derive(Default)]
struct OpenConnections {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

impl Admission {
    pub(super) fn new(limits: ConnectionLimits) -> Self {
        Self {
            max_connections: limits.max_connections,
            max_per_address: limits.max_per_address,
            open: Mutex::new(OpenConnections::default()),
        }
    }

    /// A place for a connection from `ip`, or `None` when a cap is reached.
    pub(super) fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<ConnectionSlot> {
        let group = address_group(ip);
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let of_group = open.by_address.get(&group).copied().unwrap_or(0);
        if open.total >= self.max_connections || of_group >= self.max_per_address {
            return None;
        }
        open.total += 1;
        open.by_address.insert(group, of_group + 1);
        Some(ConnectionSlot {
            admission: self.clone(),
            group,
        })
    }
}

/// A connection's place under the caps, given back when dropped.
pub(super) struct ConnectionSlot {
    admission: Arc<Admission>,
    group: IpAddr,
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut open = self
            .admission
            .open
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        open.total = open.total.saturating_sub(1);
        let left = open
            .by_address
            .get(&self.group)
            .map_or(0, |n| n.saturating_sub(1));
        if left == 0 {
            open.by_address.remove(&self.group);
        } else {
            open.by_address.insert(self.group, left);
        }
    }
}

/// The addresses one cap counts together: an IPv4 address, or an IPv6 /64,
/// since one client may use any address of the block it is given.
fn address_group(ip: IpAddr) -> IpAddr {
    // A dual-stack listener sees IPv4 clients as IPv4-mapped IPv6 addresses:
    // taken as /64, they would all share one place.
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            IpAddr::V6(Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// The whole answer to a refused connection.
fn busy_answer() -> Vec<u8> {
    let failure = ApiFailure::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "server_busy",
        "The server is busy; the app tries again by itself in a minute.",
    );
    // Two strings always serialize; an empty body would still say 503.
    let body = serde_json::to_vec(&failure.error).unwrap_or_default();
    let mut answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\n\
         content-type: application/json\r\n\
         content-length: {}\r\n\
         retry-after: 60\r\n\
         cache-control: no-store\r\n\
         connection: close\r\n",
        body.len()
    )
    .into_bytes();
    for (name, value) in &BROWSER_HEADERS {
        answer.extend_from_slice(name.as_str().as_bytes());
        answer.extend_from_slice(b": ");
        answer.extend_from_slice(value.as_bytes());
        answer.extend_from_slice(b"\r\n");
    }
    answer.extend_from_slice(b"\r\n");
    answer.extend_from_slice(&body);
    answer
}

/// The connections over a cap: each is answered `503` and closed, and they
/// are logged together, so that a flood of connections does not flood the
/// log too.
pub(super) struct Refusals {
    answering: Arc<Semaphore>,
    busy: Arc<[u8]>,
    since_logged: u64,
    logged_at: Option<Instant>,
}

impl Refusals {
    pub(super) fn new() -> Self {
        Self {
            answering: Arc::new(Semaphore::new(REFUSALS_AT_ONCE)),
            busy: busy_answer().into(),
            since_logged: 0,
            logged_at: None,
        }
    }

    /// Answers the connection's request with the busy answer and closes it,
    /// or closes it at once when too many refusals are being answered.
    pub(super) fn refuse(&mut self, stream: TcpStream, peer: SocketAddr) {
        self.log(peer);
        let Ok(permit) = self.answering.clone().try_acquire_owned() else {
            return;
        };
        let busy = self.busy.clone();
        tokio::spawn(async move {
            let _permit = permit;
            // A client that sends no request, or never closes, is dropped
            // after the linger, unanswered.
            let _ = tokio::time::timeout(REFUSAL_LINGER, answer_busy(stream, &busy)).await;
        });
    }

    fn log(&mut self, peer: SocketAddr) {
        self.since_logged += 1;
        let now = Instant::now();
        if self
            .logged_at
            .is_none_or(|at| now.duration_since(at) >= REFUSAL_LOG_PERIOD)
        {
            tracing::warn!(
                refused = self.since_logged,
                last_from = %peer.ip(),
                "connections refused: the server is at its connection limits"
            );
            self.since_logged = 0;
            self.logged_at = Some(now);
        }
    }
}

async fn answer_busy(mut stream: TcpStream, busy: &[u8]) -> io::Result<()> {
    // HTTP clients take an answer only to a request they have sent (hyper
    // calls anything earlier an error): wait for the end of its header.
    let mut buffer = [0_u8; 2048];
    let mut tail = Vec::with_capacity(buffer.len() + 3);
    while !tail.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut buffer).await?;
        if read == 0 {
            return Ok(());
        }
        // The end of the header may straddle two reads.
        let keep = tail.len().saturating_sub(3);
        tail.drain(..keep);
        tail.extend_from_slice(&buffer[..read]);
    }
    stream.write_all(busy).await?;
    stream.shutdown().await?;
    // Closing while the client's request is still arriving would reset the
    // connection, and a reset can destroy the answer before the client reads
    // it: read what comes until the client closes.
    while stream.read(&mut buffer).await? > 0 {}
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn addresses_are_grouped_as_one_client_holds_them() {
        assert_eq!(address_group(ip("192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(address_group(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(
            address_group(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd")),
            ip("2001:db8:1:2::")
        );
        assert_ne!(
            address_group(ip("2001:db8:1:2::1")),
            address_group(ip("2001:db8:1:3::1"))
        );
    }

    #[test]
    fn caps_hold_per_address_and_in_total_and_places_come_back() {
        let admission = Arc::new(Admission::new(ConnectionLimits {
            max_connections: 3,
            max_per_address: 2,
            ..ConnectionLimits::default()
        }));
        let a1 = admission.admit(ip("192.0.2.1"));
        let a2 = admission.admit(ip("192.0.2.1"));
        assert!(a1.is_some() && a2.is_some());
        assert!(admission.admit(ip("192.0.2.1")).is_none(), "third from a");
        let b1 = admission.admit(ip("192.0.2.2"));
        assert!(b1.is_some());
        assert!(admission.admit(ip("192.0.2.3")).is_none(), "over the total");
        drop(a1);
        assert!(admission.admit(ip("192.0.2.1")).is_some(), "a's place back");
        drop((a2, b1));
        let open = admission.open.lock().expect("lock");
        assert_eq!(open.total, 0);
        assert!(open.by_address.is_empty());
    }

    #[test]
    fn the_busy_answer_is_one_readable_http_response() {
        let answer = String::from_utf8(busy_answer()).expect("text");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head");
        assert!(head.starts_with("HTTP/1.1 503 "), "{head}");
        assert!(head.contains(&format!("content-length: {}\r\n", body.len())));
        assert!(head.contains("x-content-type-options: nosniff"));
        let error: crate::protocol::ApiError = serde_json::from_str(body).expect("an ApiError");
        assert_eq!(error.code, "server_busy");
    }
}
