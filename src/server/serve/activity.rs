//! What moves on one connection: when a byte was last read or written, and
//! whether the application is handling a request. A connection where
//! nothing moves while no request is handled is idle, and is closed.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Instant;

/// When bytes last moved on a connection, and how many requests on it are
/// in the hands of the application.
pub(super) struct Activity {
    origin: Instant,
    last_moved_ms: AtomicU64,
    handlers: AtomicUsize,
}

impl Activity {
    pub(super) fn new() -> Self {
        Self {
            origin: Instant::now(),
            last_moved_ms: AtomicU64::new(0),
            handlers: AtomicUsize::new(0),
        }
    }

    fn moved(&self) {
        let ms = u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_moved_ms.store(ms, Ordering::Relaxed);
    }

    fn last_moved(&self) -> Instant {
        self.origin + Duration::from_millis(self.last_moved_ms.load(Ordering::Relaxed))
    }

    pub(super) fn handler_started(self: &Arc<Self>) -> HandlerAtWork {
        self.handlers.fetch_add(1, Ordering::Relaxed);
        HandlerAtWork(self.clone())
    }

    /// Completes once nothing has moved for `limit` while no handler works.
    pub(super) async fn idle_for(&self, limit: Duration) {
        loop {
            let quiet_until = self.last_moved() + limit;
            if Instant::now() < quiet_until {
                tokio::time::sleep_until(quiet_until).await;
            } else if self.handlers.load(Ordering::Relaxed) == 0 {
                return;
            } else {
                // A handler may take its time; a body being read has its
                // own deadline. Look again later.
                tokio::time::sleep(limit).await;
            }
        }
    }
}

/// A request in the hands of the application, until dropped.
pub(super) struct HandlerAtWork(Arc<Activity>);

impl Drop for HandlerAtWork {
    fn drop(&mut self) {
        // The answer is about to be written: its silence counts from now.
        self.0.moved();
        self.0.handlers.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A socket that notes in its [`Activity`] every byte read or written.
pub(super) struct Watched {
    pub(super) stream: TcpStream,
    pub(super) activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.moved();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.moved();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.moved();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
