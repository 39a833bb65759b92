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
    let pending = store.pending(MAX_OPS_PER_REQUEST)?;
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
    for _ in 0..max_rounds.max(1) {
        let round = sync_once(store, transport, now).await?;
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
