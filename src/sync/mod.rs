//! The sync engine: push the outbox, pull what changed in this device's scope,
//! apply it, purge what left the scope.
//!
//! The decisions are pure functions in [`plan`] (tested with tables); the
//! engine in [`engine`] only executes them against a [`crate::store::Store`]
//! and a [`Transport`]. The network sits at the edge, in [`http`].
//!
//! Depends on `domain`, `protocol` and `store`; never on the UI or the server.

pub mod engine;
pub mod http;
pub mod live;
pub mod office;
pub mod plan;

pub use engine::{sync_once, sync_until_idle, SyncError, SyncReport};
pub use http::{enroll, EnrollError, ExchangeStats, HttpTransport};

use crate::protocol::{ApiError, SyncRequest, SyncResponse};
use std::future::Future;

/// Why a round trip did not happen. Said so that the user knows what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    #[error("the server cannot be reached ({0}); your changes are kept on this device and will be sent when the network is back")]
    Offline(String),
    #[error("this device is no longer recognised by the server; enroll it again with a code from your coordinator ({})", .0.message)]
    Unauthorized(ApiError),
    #[error("the server refused the sync: {}", .0.message)]
    Refused(ApiError),
    #[error("the server's answer could not be read ({0}); try again later, and update the app if it keeps happening")]
    Protocol(String),
}

/// One sync round trip, whatever carries it (HTTP, or a test double).
pub trait Transport {
    fn exchange(
        &self,
        request: &SyncRequest,
    ) -> impl Future<Output = Result<SyncResponse, TransportError>>;
}
