//! Guessing enrollment codes: after a few wrong codes from one network
//! address, that address must wait before trying again.
//!
//! Kept in memory: a restart forgets it, which only gives a guesser a few
//! more tries. Behind a reverse proxy every client shares the proxy's
//! address, so a guesser there delays enrollments for everyone for a while
//! (never the devices already enrolled).

use super::error::ApiFailure;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

/// Wrong codes allowed from one address within [`WINDOW_MINUTES`].
pub const MAX_WRONG_CODES: usize = 10;
/// How long a wrong code counts against its address.
pub const WINDOW_MINUTES: i64 = 10;
/// Addresses remembered at most; the oldest are forgotten first.
const MAX_ADDRESSES: usize = 10_000;

/// The network address a request came from, when the server knows it.
pub(crate) struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip()),
        ))
    }
}

/// One address's wrong codes within the window, and its attempts being
/// checked right now.
#[derive(Default)]
struct Tries {
    wrong: Vec<DateTime<Utc>>,
    in_flight: usize,
}

/// The wrong codes of each address, within the window. An attempt is counted
/// when it starts, under the same lock as the check: a burst of codes sent at
/// the same instant cannot all be checked before the count catches up.
#[derive(Default)]
pub(crate) struct EnrollGuard {
    tries: Mutex<HashMap<IpAddr, Tries>>,
}

/// An enrollment attempt let through by [`EnrollGuard::begin`]. Unless it is
/// marked [`wrong`](Attempt::wrong), it counts for nothing once dropped.
pub(crate) struct Attempt<'a> {
    guard: &'a EnrollGuard,
    addr: Option<IpAddr>,
}

impl Attempt<'_> {
    /// Counts this attempt's code as wrong (unknown, used or expired).
    pub fn wrong(self, now: DateTime<Utc>) {
        if let Some(addr) = self.addr {
            let mut tries = self.guard.lock();
            tries.entry(addr).or_default().wrong.push(now);
        }
        // Dropping releases the in-flight count.
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        let Some(addr) = self.addr else { return };
        let mut tries = self.guard.lock();
        if let Some(t) = tries.get_mut(&addr) {
            t.in_flight = t.in_flight.saturating_sub(1);
        }
    }
}

impl EnrollGuard {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, Tries>> {
        self.tries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Lets an attempt through, counted as in flight, unless its address gave
    /// too many wrong codes lately (attempts in flight count as possibly
    /// wrong).
    pub fn begin(
        &self,
        addr: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<Attempt<'_>, ApiFailure> {
        let Some(addr) = addr else {
            return Ok(Attempt { guard: self, addr });
        };
        let mut tries = self.lock();
        let window_start = now - Duration::minutes(WINDOW_MINUTES);
        if tries.len() >= MAX_ADDRESSES && !tries.contains_key(&addr) {
            forget_oldest(&mut tries, window_start);
        }
        let entry = tries.entry(addr).or_default();
        entry.wrong.retain(|at| *at > window_start);
        if entry.wrong.len() + entry.in_flight < MAX_WRONG_CODES {
            entry.in_flight += 1;
            return Ok(Attempt {
                guard: self,
                addr: Some(addr),
            });
        }
        let wait = entry
            .wrong
            .first()
            .map(|oldest| {
                let seconds = (*oldest + Duration::minutes(WINDOW_MINUTES) - now).num_seconds();
                (seconds.max(1) + 59) / 60
            })
            .unwrap_or(1);
        Err(ApiFailure::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!(
                "Too many wrong codes were typed from this network. Wait {wait} minutes, then type the code again carefully; your coordinator can give you a new one."
            ),
        ))
    }
}

/// Makes room for a new address: forgets those with nothing in the window,
/// then the one whose last wrong code is the oldest.
fn forget_oldest(tries: &mut HashMap<IpAddr, Tries>, window_start: DateTime<Utc>) {
    tries.retain(|_, t| t.in_flight > 0 || t.wrong.last().is_some_and(|at| *at > window_start));
    if tries.len() >= MAX_ADDRESSES {
        let oldest = tries
            .iter()
            .filter(|(_, t)| t.in_flight == 0)
            .min_by_key(|(_, t)| t.wrong.last().copied())
            .map(|(a, _)| *a);
        if let Some(oldest) = oldest {
            tries.remove(&oldest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_address_waits_after_too_many_wrong_codes_and_others_do_not() {
        let guard = EnrollGuard::default();
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 7, 0, 0).unwrap();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for i in 0..MAX_WRONG_CODES {
            let attempt = guard.begin(Some(a), now).expect("let through");
            attempt.wrong(now + Duration::seconds(i as i64));
        }
        let refused = guard.begin(Some(a), now + Duration::minutes(1));
        assert_eq!(
            refused.err().map(|e| e.status),
            Some(StatusCode::TOO_MANY_REQUESTS)
        );
        assert!(guard.begin(Some(b), now).is_ok());
        assert!(guard.begin(None, now).is_ok());
        assert!(guard
            .begin(
                Some(a),
                now + Duration::minutes(WINDOW_MINUTES) + Duration::seconds(30)
            )
            .is_ok());
    }

    #[test]
    fn attempts_in_flight_count_and_right_codes_free_their_place() {
        let guard = EnrollGuard::default();
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 7, 0, 0).unwrap();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let held: Vec<_> = (0..MAX_WRONG_CODES)
            .map(|_| guard.begin(Some(a), now).expect("let through"))
            .collect();
        assert!(
            guard.begin(Some(a), now).is_err(),
            "a burst cannot pass the limit before the first answers"
        );
        drop(held);
        assert!(
            guard.begin(Some(a), now).is_ok(),
            "right codes count for nothing"
        );
    }
}
