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

/// The wrong codes of each address, within the window.
#[derive(Default)]
pub(crate) struct EnrollGuard {
    wrong: Mutex<HashMap<IpAddr, Vec<DateTime<Utc>>>>,
}

impl EnrollGuard {
    /// Refuses an address that gave too many wrong codes lately.
    pub fn check(&self, addr: Option<IpAddr>, now: DateTime<Utc>) -> Result<(), ApiFailure> {
        let Some(addr) = addr else {
            return Ok(());
        };
        let mut wrong = self.wrong.lock().unwrap_or_else(|p| p.into_inner());
        let Some(times) = wrong.get_mut(&addr) else {
            return Ok(());
        };
        times.retain(|at| *at > now - Duration::minutes(WINDOW_MINUTES));
        if times.len() < MAX_WRONG_CODES {
            return Ok(());
        }
        let wait = times
            .first()
            .map(|oldest| {
                let seconds = (*oldest + Duration::minutes(WINDOW_MINUTES) - now).num_seconds();
                (seconds.max(1) + 59) / 60
            })
            .unwrap_or(WINDOW_MINUTES);
        Err(ApiFailure::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!(
                "Too many wrong codes were typed from this network. Wait {wait} minutes, then type the code again carefully; your coordinator can give you a new one."
            ),
        ))
    }

    /// Counts a wrong (unknown, used or expired) code against an address.
    pub fn wrong_code(&self, addr: Option<IpAddr>, now: DateTime<Utc>) {
        let Some(addr) = addr else {
            return;
        };
        let mut wrong = self.wrong.lock().unwrap_or_else(|p| p.into_inner());
        if wrong.len() >= MAX_ADDRESSES && !wrong.contains_key(&addr) {
            let window_start = now - Duration::minutes(WINDOW_MINUTES);
            wrong.retain(|_, times| times.last().is_some_and(|at| *at > window_start));
            if wrong.len() >= MAX_ADDRESSES {
                let oldest = wrong
                    .iter()
                    .min_by_key(|(_, times)| times.last().copied())
                    .map(|(a, _)| *a);
                if let Some(oldest) = oldest {
                    wrong.remove(&oldest);
                }
            }
        }
        wrong.entry(addr).or_default().push(now);
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
            assert!(guard.check(Some(a), now).is_ok(), "try {i}");
            guard.wrong_code(Some(a), now + Duration::seconds(i as i64));
        }
        let refused = guard.check(Some(a), now + Duration::minutes(1));
        assert_eq!(
            refused.err().map(|e| e.status),
            Some(StatusCode::TOO_MANY_REQUESTS)
        );
        assert!(guard.check(Some(b), now).is_ok());
        assert!(guard.check(None, now).is_ok());
        assert!(guard
            .check(
                Some(a),
                now + Duration::minutes(WINDOW_MINUTES) + Duration::seconds(30)
            )
            .is_ok());
    }
}
