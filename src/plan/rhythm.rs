//! What a visit right's rhythm asks for in a month: the stretches of the
//! month (weeks, the month, the quarter's share) and the visits each still
//! asks for once the trips already planned are counted; and the visits owed
//! for cancellations in the months before.
//!
//! Pure, like the rest of `plan`.

use super::month::CATCH_UP_MONTHS;
use crate::domain::{Rhythm, RhythmPeriod, Trip};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Brussels;
use std::collections::BTreeMap;

/// The month `n` months before the one starting on `first`.
pub(super) fn months_back(first: NaiveDate, n: u32) -> NaiveDate {
    first
        .checked_sub_months(chrono::Months::new(n))
        .unwrap_or(first)
}

pub(super) fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Brussels).date_naive()
}

/// The rhythm period holding `day`: `[start, end)`.
pub(super) fn period_of(per: RhythmPeriod, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let month_start = |m0: u32| NaiveDate::from_ymd_opt(day.year(), m0 + 1, 1).unwrap_or(day);
    match per {
        RhythmPeriod::Week => {
            let start = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
            (start, start + Duration::days(7))
        }
        RhythmPeriod::Month => {
            let start = month_start(day.month0());
            (start, start + chrono::Months::new(1))
        }
        RhythmPeriod::Quarter => {
            let start = month_start(day.month0() / 3 * 3);
            (start, start + chrono::Months::new(3))
        }
    }
}

/// A stretch of the month and the days its visits still aim at.
#[derive(Debug, Clone)]
pub(super) struct Window {
    pub(super) from: NaiveDate,
    /// Exclusive.
    pub(super) until: NaiveDate,
    pub(super) targets: Vec<NaiveDate>,
}

impl Window {
    /// `asked` visits spread over `[from, until)` (for two visits in a month,
    /// the first and the third week); each trip already planned in the
    /// rhythm's period takes the target nearest to it.
    fn new(from: NaiveDate, until: NaiveDate, asked: usize, done: &[NaiveDate]) -> Self {
        let len = (until - from).num_days().max(1);
        let k = asked.max(1) as i64;
        let mut targets: Vec<NaiveDate> = (0..asked as i64)
            .map(|i| from + Duration::days(i * len / k + len / (4 * k)))
            .collect();
        for day in done {
            if let Some(i) =
                (0..targets.len()).min_by_key(|&i| (targets[i] - *day).num_days().abs())
            {
                targets.remove(i);
            }
        }
        Self {
            from,
            until,
            targets,
        }
    }
}

/// The trips of one child and parent: kept ones, and those cancelled for a
/// reason that leaves the visit owed.
pub(super) struct History<'a> {
    pub(super) kept: Vec<&'a Trip>,
    pub(super) owed_cancellations: Vec<&'a Trip>,
}

impl History<'_> {
    fn kept_between(&self, from: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
        self.kept
            .iter()
            .map(|t| local_day(t.visit_start))
            .filter(|d| from <= *d && *d < until)
            .collect()
    }
}

/// The windows of the month and the visits each still asks for after the
/// trips already planned; and how many trips went beyond the rhythm (they
/// make up owed visits).
pub(super) fn regular_windows(
    rhythm: Rhythm,
    (first, next): (NaiveDate, NaiveDate),
    history: &History,
) -> (Vec<Window>, usize) {
    let v = usize::from(rhythm.visits);
    let mut windows = Vec::new();
    let mut surplus = 0;
    let mut push = |from: NaiveDate, until: NaiveDate, asked: usize, done: Vec<NaiveDate>| {
        surplus += done.len().saturating_sub(asked);
        windows.push(Window::new(from, until, asked, &done));
    };
    match rhythm.per {
        RhythmPeriod::Month => push(first, next, v, history.kept_between(first, next)),
        RhythmPeriod::Week => {
            // A week belongs to the month holding its Thursday, as ISO weeks do.
            let mut monday = period_of(RhythmPeriod::Week, first).0;
            while monday < next {
                let thursday = monday + Duration::days(3);
                let until = monday + Duration::days(7);
                if first <= thursday && thursday < next {
                    let done = history.kept_between(monday, until);
                    push(monday.max(first), until.min(next), v, done);
                }
                monday = until;
            }
        }
        RhythmPeriod::Quarter => {
            // The quarter's visits go to its first months: by the end of
            // month m (0, 1, 2) of the quarter, ceil((m + 1) × v / 3) are due.
            let (q_start, _) = period_of(RhythmPeriod::Quarter, first);
            let m = (first.month0() % 3) as usize;
            let due = ((m + 1) * v).div_ceil(3);
            push(first, next, due, history.kept_between(q_start, next));
        }
    }
    (windows, surplus)
}

/// How many visits are still owed for cancellations in the months before
/// `first`: per rhythm period, the cancellations the period's other trips did
/// not make up, less the trips beyond the rhythm in later periods.
pub(super) fn owed_visits(
    rhythm: Rhythm,
    first: NaiveDate,
    history: &History,
    surplus_now: usize,
) -> usize {
    let since = months_back(first, CATCH_UP_MONTHS);
    let asked = usize::from(rhythm.visits);
    let mut cancelled: BTreeMap<NaiveDate, (NaiveDate, usize)> = BTreeMap::new();
    for trip in &history.owed_cancellations {
        let day = local_day(trip.visit_start);
        let (start, end) = period_of(rhythm.per, day);
        // Periods still running are the regular plan's business.
        if since <= day && end <= first {
            cancelled.entry(start).or_insert((end, 0)).1 += 1;
        }
    }
    let Some(earliest) = cancelled.keys().next().copied() else {
        return 0;
    };
    let mut owed = 0;
    for (start, (end, count)) in &cancelled {
        let done = history.kept_between(*start, *end).len();
        owed += (*count).min(asked.saturating_sub(done));
    }
    // Trips beyond the rhythm in later, finished periods made some up.
    let mut later: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for trip in &history.kept {
        let day = local_day(trip.visit_start);
        let (start, end) = period_of(rhythm.per, day);
        if start > earliest && end <= first && !cancelled.contains_key(&start) {
            *later.entry(start).or_default() += 1;
        }
    }
    let surplus: usize = later.values().map(|n| n.saturating_sub(asked)).sum();
    owed.saturating_sub(surplus + surplus_now)
}
