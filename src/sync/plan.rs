//! The sync plan: pure functions from what the device holds and what the
//! server answered to what the store must do. No I/O.

use crate::protocol::Cursor;
use crate::protocol::{Operation, Outcome, SyncRequest, SyncResponse, PROTOCOL_VERSION};
use crate::store::ApplyPlan;
use std::collections::HashSet;

/// The request for one round trip: the pending operations (oldest first, at
/// most one batch) and the device's cursor.
pub fn plan_request(pending: Vec<Operation>, cursor: Option<Cursor>) -> SyncRequest {
    SyncRequest {
        version: PROTOCOL_VERSION,
        cursor,
        ops: pending,
    }
}

/// Why a response cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("the server speaks sync version {server}, this app version {app}; update the app")]
    Version { server: u32, app: u32 },
}

/// What the store must do with a response to a request that carried `sent`.
///
/// Results for operations that were not sent are ignored; sent operations
/// without a result stay pending and go again next time (the server applies
/// each exactly once, so sending twice is harmless).
pub fn plan_apply(sent: &[Operation], response: &SyncResponse) -> Result<ApplyPlan, PlanError> {
    if response.version != PROTOCOL_VERSION {
        return Err(PlanError::Version {
            server: response.version,
            app: PROTOCOL_VERSION,
        });
    }
    let sent_seqs: HashSet<u64> = sent.iter().map(|op| op.seq).collect();
    let mut plan = ApplyPlan {
        upserts: response.changes.clone(),
        removals: response.removed.clone(),
        reset: response.reset,
        cursor: Some(response.cursor),
        clock: Some(response.clock.clone()),
        ..ApplyPlan::default()
    };
    let mut seen = HashSet::new();
    for result in &response.results {
        if !sent_seqs.contains(&result.seq) || !seen.insert(result.seq) {
            continue;
        }
        match &result.outcome {
            Outcome::Applied => plan.acknowledged.push(result.seq),
            Outcome::Rejected { code, message } => {
                plan.rejected.push((result.seq, *code, message.clone()))
            }
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;
    use crate::protocol::*;
    use chrono::{TimeZone, Utc};

    fn op(seq: u64) -> Operation {
        Operation {
            op_id: OpId(format!("op{seq}")),
            seq,
            hlc: Hlc::zero("d"),
            at: Utc.timestamp_opt(0, 0).single().expect("epoch"),
            change: Change::Delete {
                key: RecordKey::new(RecordKind::Trip, "t"),
            },
        }
    }

    fn response(results: Vec<(u64, Outcome)>) -> SyncResponse {
        SyncResponse {
            version: PROTOCOL_VERSION,
            results: results
                .into_iter()
                .map(|(seq, outcome)| OpResult {
                    seq,
                    op_id: OpId(format!("op{seq}")),
                    outcome,
                })
                .collect(),
            changes: vec![],
            removed: vec![RecordKey::new(RecordKind::Child, "c1")],
            reset: false,
            cursor: Cursor(9),
            clock: Hlc::zero("server"),
        }
    }

    fn rejected(message: &str) -> Outcome {
        Outcome::Rejected {
            code: RejectCode::Forbidden,
            message: message.into(),
        }
    }

    /// (sent seqs, results, expected acknowledged, expected rejected).
    type Case = (Vec<u64>, Vec<(u64, Outcome)>, Vec<u64>, Vec<u64>);

    #[test]
    fn results_become_acks_and_rejections() {
        let table: Vec<Case> = vec![
            (
                vec![1, 2],
                vec![(1, Outcome::Applied), (2, Outcome::Applied)],
                vec![1, 2],
                vec![],
            ),
            (
                vec![1, 2],
                vec![(1, Outcome::Applied), (2, rejected("no"))],
                vec![1],
                vec![2],
            ),
            // A result for something never sent is ignored.
            (
                vec![1],
                vec![(1, Outcome::Applied), (5, Outcome::Applied)],
                vec![1],
                vec![],
            ),
            // A sent op without a result stays pending.
            (vec![1, 2, 3], vec![(1, Outcome::Applied)], vec![1], vec![]),
            // A duplicated result counts once.
            (
                vec![1],
                vec![(1, Outcome::Applied), (1, rejected("x"))],
                vec![1],
                vec![],
            ),
            (vec![], vec![], vec![], vec![]),
        ];
        for (sent, results, acked, rejected_seqs) in table {
            let sent_ops: Vec<Operation> = sent.iter().map(|s| op(*s)).collect();
            let plan = plan_apply(&sent_ops, &response(results)).expect("same version");
            assert_eq!(plan.acknowledged, acked);
            let got: Vec<u64> = plan.rejected.iter().map(|r| r.0).collect();
            assert_eq!(got, rejected_seqs);
            assert_eq!(plan.cursor, Some(Cursor(9)));
            assert_eq!(plan.removals, vec![RecordKey::new(RecordKind::Child, "c1")]);
        }
    }

    #[test]
    fn a_rejection_keeps_its_readable_reason() {
        let plan = plan_apply(&[op(3)], &response(vec![(3, rejected("not your trip"))]))
            .expect("same version");
        assert_eq!(
            plan.rejected,
            vec![(3, RejectCode::Forbidden, "not your trip".to_string())]
        );
    }

    #[test]
    fn another_protocol_version_is_refused_with_advice() {
        let mut resp = response(vec![]);
        resp.version = PROTOCOL_VERSION + 1;
        let err = plan_apply(&[], &resp).expect_err("version differs");
        assert!(err.to_string().contains("update the app"));
    }

    #[test]
    fn the_request_carries_the_cursor_and_ops_in_order() {
        let req = plan_request(vec![op(1), op(2)], Some(Cursor(4)));
        assert_eq!(req.version, PROTOCOL_VERSION);
        assert_eq!(req.cursor, Some(Cursor(4)));
        assert_eq!(
            req.ops.iter().map(|o| o.seq).collect::<Vec<_>>(),
            vec![1, 2]
        );
    }
}
