//! A hybrid logical clock: wall time in milliseconds, a counter for events in
//! the same millisecond or when a clock runs behind, and the device that
//! ticked it, so that two stamps are never equal across devices.
//!
//! Do not change: this is serialized.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Hlc {
    pub millis: i64,
    pub counter: u32,
    pub node: String,
}

impl Hlc {
    pub fn zero(node: impl Into<String>) -> Self {
        Self {
            millis: 0,
            counter: 0,
            node: node.into(),
        }
    }

    /// The next stamp for a local event at wall time `now_millis`.
    pub fn tick(&self, now_millis: i64) -> Hlc {
        if now_millis > self.millis {
            Hlc {
                millis: now_millis,
                counter: 0,
                node: self.node.clone(),
            }
        } else {
            Hlc {
                millis: self.millis,
                counter: self.counter.saturating_add(1),
                node: self.node.clone(),
            }
        }
    }

    /// Moves this clock past a stamp received from elsewhere.
    pub fn observe(&self, other: &Hlc, now_millis: i64) -> Hlc {
        let millis = now_millis.max(self.millis).max(other.millis);
        let counter = if millis == self.millis && millis == other.millis {
            self.counter.max(other.counter).saturating_add(1)
        } else if millis == self.millis {
            self.counter.saturating_add(1)
        } else if millis == other.millis {
            other.counter.saturating_add(1)
        } else {
            0
        };
        Hlc {
            millis,
            counter,
            node: self.node.clone(),
        }
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}:{:010}:{}", self.millis, self.counter, self.node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_move_forward_even_when_the_wall_clock_goes_back() {
        let a = Hlc::zero("a").tick(1_000);
        let b = a.tick(500);
        assert!(b > a);
        assert_eq!(b.millis, 1_000);
        assert_eq!(b.counter, 1);
        let c = b.tick(2_000);
        assert_eq!((c.millis, c.counter), (2_000, 0));
    }

    #[test]
    fn observing_a_stamp_from_the_future_moves_past_it() {
        let local = Hlc::zero("a").tick(1_000);
        let remote = Hlc {
            millis: 5_000,
            counter: 3,
            node: "b".into(),
        };
        let next = local.observe(&remote, 1_200);
        assert!(next > remote);
        assert_eq!(next.node, "a");
    }

    #[test]
    fn display_sorts_like_the_stamp() {
        let a = Hlc {
            millis: 99,
            counter: 2,
            node: "x".into(),
        };
        let b = Hlc {
            millis: 100,
            counter: 0,
            node: "a".into(),
        };
        assert!(a < b);
        assert!(a.to_string() < b.to_string());
    }
}
