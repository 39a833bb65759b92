//! Executes sync plans: one round trip per call, against any store and any
//! transport.

use super::plan::{plan_apply, plan_request, PlanError};
use super::{Transport, TransportError};
use crate::protocol::MAX_OPS_PER_REQUEST;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};

/// What one sync did, for the status bar and the logs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub sent: usize,
    pub acknowledged: usize,
    pub rejected: usize,
    pub received: usize,
    pub removed: usize,
    pub reset: bool,
    /// Operations still waiting (more than one batch, or unanswered).
    pub pending_after: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Plan(#[from] PlanError),
}

impl SyncError {
    /// True when the device is simply offline: nothing is wrong, changes wait.
    pub fn is_offline(&self) -> bool {
        matches!(self, SyncError::Transport(TransportError::Offline(_)))
    }
}

/// One round trip: sends the oldest pending operations and the cursor, then
/// applies the answer to the store in one transaction.
///
/// If the network fails, nothing in the store changes: the operations stay in
/// the outbox and go again next time.
pub async fn sync_once<S, T>(
    store: &S,
    transport: &T,
    now: DateTime<Utc>,
) -> Result<SyncReport, SyncError>
where
    S: Store + ?Sized,
    T: Transport,
{
    sync_batch(store, transport, now, MAX_OPS_PER_REQUEST).await
}

/// [`sync_once`] with at most `limit` operations in the request.
async fn sync_batch<S, T>(
    store: &S,
    transport: &T,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<SyncReport, SyncError>
where
    S: Store + ?Sized,
    T: Transport,
{
    let pending = store.pending(limit)?;
    let request = plan_request(pending, store.cursor()?);
    let response = transport.exchange(&request).await?;
    let plan = plan_apply(&request.ops, &response)?;
    store.apply(&plan, now)?;
    Ok(SyncReport {
        sent: request.ops.len(),
        acknowledged: plan.acknowledged.len(),
        rejected: plan.rejected.len(),
        received: plan.upserts.len(),
        removed: plan.removals.len(),
        reset: plan.reset,
        pending_after: store.status()?.pending,
    })
}

/// Syncs until the outbox is empty or a round trip makes no progress, at most
/// `max_rounds` times. Returns the sum of the round trips.
///
/// A request the server finds too large (big records, many of them: an
/// import) is sent again with half as many operations, down to one, instead
/// of the same request over and over.
pub async fn sync_until_idle<S, T>(
    store: &S,
    transport: &T,
    now: DateTime<Utc>,
    max_rounds: usize,
) -> Result<SyncReport, SyncError>
where
    S: Store + ?Sized,
    T: Transport,
{
    let mut total = SyncReport::default();
    let mut limit = MAX_OPS_PER_REQUEST;
    for _ in 0..max_rounds.max(1) {
        let round = match sync_batch(store, transport, now, limit).await {
            Err(SyncError::Transport(TransportError::Refused(error)))
                if error.code == "too_large" && limit > 1 =>
            {
                limit /= 2;
                continue;
            }
            other => other?,
        };
        let progressed = round.acknowledged + round.rejected > 0;
        total.sent += round.sent;
        total.acknowledged += round.acknowledged;
        total.rejected += round.rejected;
        total.received += round.received;
        total.removed += round.removed;
        total.reset |= round.reset;
        total.pending_after = round.pending_after;
        if round.pending_after == 0 || !progressed {
            break;
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Record, RecordKind};
    use crate::protocol::{ApiError, Change, OpResult, Outcome, SyncRequest, SyncResponse};
    use crate::store::MemoryStore;
    use std::sync::Mutex;

    /// A server that refuses requests of more than `max` operations as too
    /// large, and applies the others.
    struct Narrow {
        max: usize,
        sizes: Mutex<Vec<usize>>,
    }

    impl Transport for Narrow {
        async fn exchange(&self, request: &SyncRequest) -> Result<SyncResponse, TransportError> {
            if let Ok(mut sizes) = self.sizes.lock() {
                sizes.push(request.ops.len());
            }
            if request.ops.len() > self.max {
                return Err(TransportError::Refused(ApiError {
                    code: "too_large".into(),
                    message: "the request is too large".into(),
                }));
            }
            Ok(SyncResponse {
                version: crate::protocol::PROTOCOL_VERSION,
                results: request
                    .ops
                    .iter()
                    .map(|op| OpResult {
                        seq: op.seq,
                        op_id: op.op_id.clone(),
                        outcome: Outcome::Applied,
                    })
                    .collect(),
                changes: Vec::new(),
                removed: Vec::new(),
                reset: false,
                cursor: crate::protocol::Cursor(1),
                clock: crate::protocol::Hlc {
                    millis: 1_795_000_000_000,
                    counter: 0,
                    node: "server".into(),
                },
            })
        }
    }

    #[test]
    fn a_request_too_large_goes_again_in_halves_until_everything_is_sent() {
        let store = MemoryStore::new();
        let now = chrono::DateTime::<Utc>::from_timestamp(1_795_000_000, 0).unwrap_or_default();
        let network = crate::demo::demo_network(now.date_naive());
        let children: Vec<Record> = network
            .records
            .into_iter()
            .filter(|r| r.kind() == RecordKind::Child)
            .collect();
        assert!(children.len() >= 7);
        for child in &children {
            let change = Change::Put {
                record: child.clone(),
            };
            if let Err(e) = store.record(change, now) {
                panic!("recording: {e}");
            }
        }
        let narrow = Narrow {
            max: 3,
            sizes: Mutex::new(Vec::new()),
        };
        let report = futures_executor(sync_until_idle(&store, &narrow, now, 40));
        let report = report.unwrap_or_else(|e| panic!("sync: {e}"));
        assert_eq!(report.acknowledged, children.len());
        assert_eq!(report.pending_after, 0);
        let sizes = narrow.sizes.lock().map(|s| s.clone()).unwrap_or_default();
        assert_eq!(
            sizes[0],
            children.len(),
            "the whole outbox first: {sizes:?}"
        );
        // Halved until it passes, then batches of at most three.
        let refused = sizes.iter().take_while(|n| **n > 3).count();
        assert!(
            refused >= 1 && sizes[refused..].iter().all(|n| *n <= 3),
            "{sizes:?}"
        );
    }

    /// Runs a future to its end on this thread (the transport above never waits).
    fn futures_executor<F: std::future::Future>(future: F) -> F::Output {
        futures_util::FutureExt::now_or_never(future).unwrap_or_else(|| panic!("the future waited"))
    }
}
