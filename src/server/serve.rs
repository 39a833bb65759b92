//! The server's own accept loop: how many connections it holds and for how
//! long, so that idle, half-sent or slow connections cannot take every open
//! file of the process and lock out the phones that need to enroll and sync.
//!
//! `axum::serve` keeps a connection as long as its client wants, and a
//! thousand of them are cheap to open. Here each connection has a deadline
//! for its request header, a deadline for its whole body, and is closed when
//! nothing moves on it; each takes a place under a cap for the whole server
//! and a cap for its client's address. A connection over a cap is answered a
//! short `503` (an [`ApiError`](crate::protocol::ApiError) saying to wait)
//! and closed.
//!
//! Behind a reverse proxy every client shares the proxy's address, so the
//! cap per address is the cap for everyone: there, raise it to the total
//! (`--max-connections-per-address`) and let the proxy limit each client.
//!
//! Knows the application only as a router; adds what `axum::serve` adds to
//! each request (the client's address as `ConnectInfo`).

mod activity;
mod admission;
mod body;

pub(crate) use body::BodyTimedOut;

use activity::{Activity, Watched};
use admission::{Admission, ConnectionSlot, Refusals};
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use body::DeadlineBody;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::time::Instant;
use tower::ServiceExt;

/// Connections held at most when the limit of open files allows it: far
/// more than a network of volunteers syncing once a minute ever opens.
const DEFAULT_MAX_CONNECTIONS: usize = 2048;
/// Connections held at most from one address: an office whose phones and
/// computers share one public address still fits.
const DEFAULT_MAX_PER_ADDRESS: usize = 64;
/// Open files kept for everything but connections: the database and its
/// journal, the logs, the listener, the refusals being answered.
const FILES_KEPT_ASIDE: u64 = 128;
/// Files one connection may hold: its socket and a web file being sent.
const FILES_PER_CONNECTION: u64 = 2;
/// Fewer connections than this and the server would refuse its own users.
const MIN_CONNECTIONS: usize = 16;
/// Pause after a failed accept (out of files or memory) before the next.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(250);
/// Most bytes buffered for one connection, the request header included.
/// hyper's default (about 400 KiB) times thousands of slow connections
/// would be a lot of memory for a small server.
const MAX_BUFFER_BYTES: usize = 64 * 1024;

/// How long and how many connections the server keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// From the moment a connection waits for a request until its header is
    /// complete. hyper starts it again while a kept-alive connection waits
    /// for its next request, so it also closes idle keep-alive connections
    /// when it is the shorter.
    pub header_timeout: Duration,
    /// A connection on which no byte moves, while no request is being
    /// handled, is closed: a kept-alive connection nobody uses, or a client
    /// that stopped reading its answer (hyper has no write timeout).
    pub idle_timeout: Duration,
    /// From the end of a request's header until the end of its body: the
    /// whole body, not each piece, so that a trickle cannot hold on.
    pub body_timeout: Duration,
    /// Connections open at once; beyond, each is answered `503` and closed.
    pub max_connections: usize,
    /// Connections open at once from one IPv4 address or one IPv6 /64 (the
    /// block one home or phone is given); behind a reverse proxy, from all.
    pub max_per_address: usize,
}

impl Default for ConnectionLimits {
    /// 10 s for a header and 30 s for a body (1 MiB at 35 KiB/s, a weak
    /// mobile upload; sync bodies are gzip and far smaller); 60 s of
    /// silence; 2,048 connections, or fewer when this process may not open
    /// enough files; 64 per address.
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(30),
            max_connections: connections_for_file_limit(open_file_limit()),
            max_per_address: DEFAULT_MAX_PER_ADDRESS,
        }
    }
}

/// The connections a limit of open files leaves room for (`None`: no limit).
fn connections_for_file_limit(limit: Option<u64>) -> usize {
    let Some(files) = limit else {
        return DEFAULT_MAX_CONNECTIONS;
    };
    let room = files.saturating_sub(FILES_KEPT_ASIDE) / FILES_PER_CONNECTION;
    usize::try_from(room)
        .unwrap_or(usize::MAX)
        .clamp(MIN_CONNECTIONS, DEFAULT_MAX_CONNECTIONS)
}

#[cfg(any(unix, test))]
fn files_needed() -> u64 {
    let connections = u64::try_from(DEFAULT_MAX_CONNECTIONS).unwrap_or(u64::MAX);
    connections * FILES_PER_CONNECTION + FILES_KEPT_ASIDE
}

#[cfg(unix)]
fn open_file_limit() -> Option<u64> {
    rustix::process::getrlimit(rustix::process::Resource::Nofile).current
}

#[cfg(not(unix))]
fn open_file_limit() -> Option<u64> {
    None
}

/// Raises this process's limit of open files, within what the system
/// allows it, to what 2,048 connections need.
///
/// Many systems start services with a soft limit of 1,024 files and a hard
/// limit far above it, which is there to be raised to. Call it before
/// [`ConnectionLimits::default`], which reads the limit.
pub fn raise_open_file_limit() {
    #[cfg(unix)]
    {
        use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
        let limit = getrlimit(Resource::Nofile);
        let Some(current) = limit.current else {
            return;
        };
        let wanted = limit
            .maximum
            .map_or(files_needed(), |hard| hard.min(files_needed()));
        if wanted <= current {
            return;
        }
        let raised = Rlimit {
            current: Some(wanted),
            maximum: limit.maximum,
        };
        match setrlimit(Resource::Nofile, raised) {
            Ok(()) => tracing::debug!(from = current, to = wanted, "raised the open files limit"),
            Err(error) => {
                tracing::warn!(%error, current, "cannot raise the open files limit")
            }
        }
    }
}

/// Serves `app` on `listener` within `limits` until `shutdown` completes,
/// then lets the requests under way finish.
///
/// Never stops on its own: a failed accept (out of files) is logged and
/// tried again, since stopping would lock out every user.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let admission = Arc::new(Admission::new(limits));
    let mut refusals = Refusals::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(MAX_BUFFER_BYTES);
    // Every connection holds a receiver: `closed` tells when the last is gone.
    let (stop, _) = watch::channel(());
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    pause_after(error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        match admission.admit(peer.ip()) {
            Some(slot) => {
                let connection = Connection {
                    peer,
                    app: app.clone(),
                    limits,
                    stop: stop.subscribe(),
                    _slot: slot,
                };
                tokio::spawn(connection.serve(stream, http.clone()));
            }
            None => refusals.refuse(stream, peer),
        }
    }
    // The port closes now; the connections finish what they are doing.
    drop(listener);
    stop.send_replace(());
    stop.closed().await;
}

async fn pause_after(error: io::Error) {
    // A client that left before being accepted concerns only that client.
    if matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
    ) {
        return;
    }
    // Out of files or memory: the client waits in the kernel's queue until
    // a connection closes and frees a file.
    tracing::error!(%error, "cannot accept a connection; trying again shortly");
    tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
}

/// One accepted connection and what it needs to be served.
struct Connection {
    peer: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    stop: watch::Receiver<()>,
    /// Its place under the caps, given back when the connection ends.
    _slot: ConnectionSlot,
}

impl Connection {
    async fn serve(mut self, stream: TcpStream, http: http1::Builder) {
        let activity = Arc::new(Activity::new());
        let io = TokioIo::new(Watched {
            stream,
            activity: activity.clone(),
        });
        let (peer, app, body_timeout) = (self.peer, self.app.clone(), self.limits.body_timeout);
        let at_work = activity.clone();
        let service = service_fn(move |request: Request<Incoming>| {
            let handler = at_work.handler_started();
            let deadline = Instant::now() + body_timeout;
            let mut request = request.map(|body| DeadlineBody::new(body, deadline));
            // What `into_make_service_with_connect_info` would add: the
            // client's address, which counts wrong enrollment codes.
            request.extensions_mut().insert(ConnectInfo(peer));
            let app = app.clone();
            async move {
                let response = app.oneshot(request).await;
                drop(handler);
                response
            }
        });
        let connection = http.serve_connection(io, service);
        tokio::pin!(connection);
        let idle = self.limits.idle_timeout;
        let ended = tokio::select! {
            ended = connection.as_mut() => ended,
            () = activity.idle_for(idle) => {
                tracing::debug!(%peer, "closed a connection where nothing moved");
                return;
            }
            // A change or the loop gone: either way the server stops.
            _ = self.stop.changed() => {
                connection.as_mut().graceful_shutdown();
                tokio::select! {
                    ended = connection.as_mut() => ended,
                    () = activity.idle_for(idle) => return,
                }
            }
        };
        if let Err(error) = ended {
            // Timeouts and clients that leave mid-request end here.
            tracing::debug!(%peer, %error, "connection ended");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_limit_sizes_the_connection_cap() {
        for (limit, expected) in [
            (None, DEFAULT_MAX_CONNECTIONS),
            (Some(1_048_576), DEFAULT_MAX_CONNECTIONS),
            (Some(4224), DEFAULT_MAX_CONNECTIONS),
            (Some(1024), 448),
            (Some(256), 64),
            (Some(100), MIN_CONNECTIONS),
        ] {
            assert_eq!(connections_for_file_limit(limit), expected, "{limit:?}");
        }
        assert_eq!(files_needed(), 4224);
    }
}
