//! The semantics of the local store, written once for every backend: how a
//! change enters the state and the outbox, how a sync plan is executed, how the
//! state is recomputed from the server's version and the pending operations.
//!
//! A backend only offers named trees of bytes, transactions over them and a few
//! plain reads (`backend`); anything that implements them is a [`Store`]. This module must not depend on sled, on a cipher, or on any
//! platform: the memory store in the browser runs exactly this code.
//!
//! Layout (keys are ids only, never names):
//! - `confirmed`: `kind/id` → the server's version of a record;
//! - `state`: `kind/id` → what the screens read (confirmed + pending on top);
//! - `outbox`: big-endian seq → operation, so that key order is seq order;
//! - `pending`: `kind/id` → the seqs of the pending operations on that record
//!   (big-endian u64s, oldest first): sled transactions cannot iterate;
//! - `rejected`: op id → refused operation;
//! - `meta`: identity, cursor, next seq, clock, last sync, and the
//!   device-only values under `device/<name>` (never in the outbox).

use super::backend::{corrupt, decode, encode, get, put, read, seq_key, Backend, Tree, Tx};
use super::{ApplyPlan, DeviceIdentity, RejectedOp, Store, StoreError, SyncStatus};
use crate::domain::{OpId, Record, RecordKey, RecordKind};
use crate::protocol::{Change, Cursor, Hlc, Operation};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

const IDENTITY: &[u8] = b"identity";
const CURSOR: &[u8] = b"cursor";
const NEXT_SEQ: &[u8] = b"next_seq";
const CLOCK: &[u8] = b"hlc";
const LAST_SYNC: &[u8] = b"last_sync";

fn device_key(name: &str) -> Vec<u8> {
    format!("device/{name}").into_bytes()
}

fn pending_seqs<X: Tx + ?Sized>(tx: &X, key: &[u8]) -> Result<Vec<u64>, X::Error> {
    let Some(bytes) = tx.get(Tree::Pending, key)? else {
        return Ok(Vec::new());
    };
    if bytes.len() % 8 != 0 {
        return Err(corrupt(Tree::Pending, key, "not a list of sequence numbers").into());
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|c| {
            let mut seq = [0u8; 8];
            seq.copy_from_slice(c);
            u64::from_be_bytes(seq)
        })
        .collect())
}

fn set_pending_seqs<X: Tx + ?Sized>(tx: &X, key: &[u8], seqs: &[u64]) -> Result<(), X::Error> {
    if seqs.is_empty() {
        return tx.remove(Tree::Pending, key);
    }
    tx.insert(
        Tree::Pending,
        key,
        seqs.iter().flat_map(|s| s.to_be_bytes()).collect(),
    )
}

fn write_state<X: Tx + ?Sized>(
    tx: &X,
    key: &[u8],
    record: Option<&Record>,
) -> Result<(), X::Error> {
    match record {
        Some(record) => put(tx, Tree::State, key, record),
        None => tx.remove(Tree::State, key),
    }
}

/// The clock of this device: its last stamp, named after the device once enrolled.
fn clock<X: Tx + ?Sized>(tx: &X) -> Result<Hlc, X::Error> {
    let identity: Option<DeviceIdentity> = get(tx, Tree::Meta, IDENTITY)?;
    let node = identity.map_or_else(|| "local".to_owned(), |i| i.device_id.0);
    let mut hlc = get(tx, Tree::Meta, CLOCK)?.unwrap_or_else(|| Hlc::zero(node.as_str()));
    // A clock ticked before enrollment carries on under the device's real name.
    hlc.node = node;
    Ok(hlc)
}

/// Removes one operation from the outbox and its index; returns it if it was there.
fn take_pending<X: Tx + ?Sized>(tx: &X, seq: u64) -> Result<Option<Operation>, X::Error> {
    let Some(op) = get::<Operation, X>(tx, Tree::Outbox, &seq_key(seq))? else {
        return Ok(None);
    };
    tx.remove(Tree::Outbox, &seq_key(seq))?;
    let key = op.change.key().encode();
    let mut seqs = pending_seqs(tx, key.as_bytes())?;
    seqs.retain(|s| *s != seq);
    set_pending_seqs(tx, key.as_bytes(), &seqs)?;
    Ok(Some(op))
}

/// The state of one record: the server's version with the pending operations
/// on that record folded on top, oldest first.
fn recompute<X: Tx + ?Sized>(tx: &X, key: &[u8]) -> Result<(), X::Error> {
    let mut record: Option<Record> = get(tx, Tree::Confirmed, key)?;
    for seq in pending_seqs(tx, key)? {
        let op: Operation = get(tx, Tree::Outbox, &seq_key(seq))?
            .ok_or_else(|| corrupt(Tree::Pending, key, format!("operation {seq} is missing")))?;
        record = op.change.apply_to(record);
    }
    write_state(tx, key, record.as_ref())
}

fn apply_plan<X: Tx + ?Sized>(
    tx: &X,
    plan: &ApplyPlan,
    confirmed_before: &[Vec<u8>],
    now: DateTime<Utc>,
) -> Result<(), X::Error> {
    let mut touched: BTreeSet<Vec<u8>> = BTreeSet::new();
    // Unknown seqs are skipped: a response replayed after a crash acknowledges
    // operations that are gone already.
    //
    // An acknowledged operation is not copied into `confirmed`: the same
    // response carries the server's version of every record of this device's
    // scope written since its cursor. A record it does not send is either
    // known already (another writer won) or out of this device's scope (a
    // step on a trip given to someone else), and must not linger here.
    for &seq in &plan.acknowledged {
        if let Some(op) = take_pending(tx, seq)? {
            touched.insert(op.change.key().encode().into_bytes());
        }
    }
    for (seq, code, message) in &plan.rejected {
        if let Some(op) = take_pending(tx, *seq)? {
            touched.insert(op.change.key().encode().into_bytes());
            let rejected = RejectedOp {
                op,
                code: *code,
                message: message.clone(),
                rejected_at: now,
            };
            put(
                tx,
                Tree::Rejected,
                rejected.op.op_id.as_str().as_bytes(),
                &rejected,
            )?;
        }
    }
    if plan.reset {
        let keep: BTreeSet<Vec<u8>> = plan
            .upserts
            .iter()
            .map(|r| r.key().encode().into_bytes())
            .collect();
        for key in confirmed_before.iter().filter(|k| !keep.contains(*k)) {
            tx.remove(Tree::Confirmed, key)?;
            touched.insert(key.clone());
        }
    }
    for record in &plan.upserts {
        let key = record.key().encode().into_bytes();
        put(tx, Tree::Confirmed, &key, record)?;
        touched.insert(key);
    }
    for removed in &plan.removals {
        let key = removed.encode().into_bytes();
        tx.remove(Tree::Confirmed, &key)?;
        touched.insert(key);
    }
    for key in &touched {
        recompute(tx, key)?;
    }
    if let Some(cursor) = plan.cursor {
        put(tx, Tree::Meta, CURSOR, &cursor)?;
    }
    put(tx, Tree::Meta, LAST_SYNC, &now)?;
    if let Some(server) = &plan.clock {
        let hlc = clock(tx)?.observe(server, now.timestamp_millis());
        put(tx, Tree::Meta, CLOCK, &hlc)?;
    }
    Ok(())
}

impl<B: Backend> Store for B {
    fn identity(&self) -> Result<Option<DeviceIdentity>, StoreError> {
        read(self, Tree::Meta, IDENTITY)
    }

    fn set_identity(&self, identity: &DeviceIdentity) -> Result<(), StoreError> {
        let bytes = encode(Tree::Meta, IDENTITY, identity)?;
        self.transact(&|tx| tx.insert(Tree::Meta, IDENTITY, bytes.clone()))?;
        self.flush()
    }

    fn record(&self, change: Change, now: DateTime<Utc>) -> Result<Operation, StoreError> {
        let op_id = OpId::random();
        let key = change.key().encode().into_bytes();
        let op = self.transact(&|tx| {
            let seq: u64 = get(tx, Tree::Meta, NEXT_SEQ)?.unwrap_or(1);
            let op = Operation {
                op_id: op_id.clone(),
                seq,
                hlc: clock(tx)?.tick(now.timestamp_millis()),
                at: now,
                change: change.clone(),
            };
            if tx.get(Tree::Outbox, &seq_key(seq))?.is_some() {
                // Only a wipe racing this call could cause it; never overwrite.
                return Err(corrupt(Tree::Outbox, &seq_key(seq), "is taken already").into());
            }
            let current: Option<Record> = get(tx, Tree::State, &key)?;
            write_state(tx, &key, op.change.apply_to(current).as_ref())?;
            put(tx, Tree::Outbox, &seq_key(seq), &op)?;
            let mut seqs = pending_seqs(tx, &key)?;
            seqs.push(seq);
            set_pending_seqs(tx, &key, &seqs)?;
            put(tx, Tree::Meta, NEXT_SEQ, &(seq + 1))?;
            put(tx, Tree::Meta, CLOCK, &op.hlc)?;
            Ok(op)
        })?;
        // The operation only counts as saved once it is on disk.
        self.flush()?;
        Ok(op)
    }

    fn pending(&self, limit: usize) -> Result<Vec<Operation>, StoreError> {
        self.scan(Tree::Outbox, &[], limit)?
            .into_iter()
            .map(|(key, bytes)| {
                let op: Operation = decode(Tree::Outbox, &key, &bytes)?;
                if key != seq_key(op.seq) {
                    return Err(corrupt(Tree::Outbox, &key, "holds another operation"));
                }
                Ok(op)
            })
            .collect()
    }

    fn cursor(&self) -> Result<Option<Cursor>, StoreError> {
        read(self, Tree::Meta, CURSOR)
    }

    fn apply(&self, plan: &ApplyPlan, now: DateTime<Utc>) -> Result<(), StoreError> {
        // Only the sync engine writes `confirmed`, so its keys cannot change
        // between this read and the transaction.
        let confirmed_before = if plan.reset {
            self.keys(Tree::Confirmed)?
        } else {
            Vec::new()
        };
        self.transact(&|tx| apply_plan(tx, plan, &confirmed_before, now))?;
        self.flush()
    }

    fn get(&self, key: &RecordKey) -> Result<Option<Record>, StoreError> {
        read(self, Tree::State, key.encode().as_bytes())
    }

    fn list(&self, kind: RecordKind) -> Result<Vec<Record>, StoreError> {
        let prefix = format!("{}/", kind.as_str());
        self.scan(Tree::State, prefix.as_bytes(), usize::MAX)?
            .into_iter()
            .map(|(key, bytes)| decode(Tree::State, &key, &bytes))
            .collect()
    }

    fn rejected(&self) -> Result<Vec<RejectedOp>, StoreError> {
        let mut all = self
            .scan(Tree::Rejected, &[], usize::MAX)?
            .into_iter()
            .map(|(key, bytes)| decode(Tree::Rejected, &key, &bytes))
            .collect::<Result<Vec<RejectedOp>, StoreError>>()?;
        all.sort_by_key(|r| (r.rejected_at, r.op.seq));
        Ok(all)
    }

    fn dismiss_rejected(&self, op_id: &OpId) -> Result<(), StoreError> {
        self.transact(&|tx| tx.remove(Tree::Rejected, op_id.as_str().as_bytes()))?;
        self.flush()
    }

    fn status(&self) -> Result<SyncStatus, StoreError> {
        Ok(SyncStatus {
            pending: self.keys(Tree::Outbox)?.len(),
            rejected: self.keys(Tree::Rejected)?.len(),
            last_sync: read(self, Tree::Meta, LAST_SYNC)?,
            cursor: self.cursor()?,
        })
    }

    fn device_value(&self, name: &str) -> Result<Option<serde_json::Value>, StoreError> {
        read(self, Tree::Meta, &device_key(name))
    }

    fn set_device_value(
        &self,
        name: &str,
        value: Option<&serde_json::Value>,
    ) -> Result<(), StoreError> {
        let key = device_key(name);
        let bytes = value.map(|v| encode(Tree::Meta, &key, v)).transpose()?;
        self.transact(&|tx| match &bytes {
            Some(bytes) => tx.insert(Tree::Meta, &key, bytes.clone()),
            None => tx.remove(Tree::Meta, &key),
        })?;
        self.flush()
    }

    fn unsaved_writes(&self) -> usize {
        self.queued_writes()
    }

    fn wipe(&self) -> Result<(), StoreError> {
        let mut all = Vec::new();
        for tree in Tree::ALL {
            all.extend(self.keys(tree)?.into_iter().map(|k| (tree, k)));
        }
        // One transaction: a wipe cut short by a crash leaves either everything
        // or nothing, never an outbox whose sequence numbers would be reused.
        self.transact(&|tx| {
            for (tree, key) in &all {
                tx.remove(*tree, key)?;
            }
            Ok(())
        })?;
        self.flush()
    }
}
