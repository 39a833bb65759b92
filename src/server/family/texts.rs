//! The families' words: every text of their page, calendar and notices comes
//! from `assets/locales/*/family-page.ftl` (in the server's build only), in
//! the guardian's language. Keys built from a value are built here only, and a
//! test walks every value in every language.

use super::view::VisitView;
use crate::domain::{CancelReason, Language};
use crate::i18n::{format_date, format_time, local_date, tr};
use crate::protocol::NoticeKind;
use fluent_bundle::FluentValue;

/// The reason of a cancellation in a family's words ("the prison is closed
/// that day"), never in the coordinators'.
pub(crate) fn reason_key(reason: Option<CancelReason>) -> &'static str {
    match reason {
        Some(CancelReason::Strike) => "family-reason-strike",
        Some(CancelReason::Lockdown) => "family-reason-lockdown",
        Some(CancelReason::RefusedAtDoor) => "family-reason-refused_at_door",
        Some(CancelReason::ParentTransferred) => "family-reason-parent_transferred",
        Some(CancelReason::ParentReleased) => "family-reason-parent_released",
        Some(CancelReason::ChildIll) => "family-reason-child_ill",
        Some(CancelReason::GuardianWithdrew) => "family-reason-guardian_withdrew",
        Some(CancelReason::Other) | None => "family-reason-other",
    }
}

/// What a family may say when they cannot come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CannotCome {
    ChildIll,
    Other,
}

impl CannotCome {
    pub const ALL: [CannotCome; 2] = [CannotCome::ChildIll, CannotCome::Other];

    pub fn code(self) -> &'static str {
        match self {
            CannotCome::ChildIll => "child_ill",
            CannotCome::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<CannotCome> {
        CannotCome::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn key(self) -> &'static str {
        match self {
            CannotCome::ChildIll => "family-cannot-come-child_ill",
            CannotCome::Other => "family-cannot-come-other",
        }
    }
}

fn notice_keys(kind: NoticeKind) -> (&'static str, &'static str) {
    match kind {
        NoticeKind::Planned => (
            "family-notice-planned-subject",
            "family-notice-planned-body",
        ),
        NoticeKind::Moved => ("family-notice-moved-subject", "family-notice-moved-body"),
        NoticeKind::Cancelled => (
            "family-notice-cancelled-subject",
            "family-notice-cancelled-body",
        ),
        NoticeKind::CannotCome => (
            "family-notice-cannot_come-subject",
            "family-notice-cannot_come-body",
        ),
    }
}

/// "Léa and Noah" / "Léa et Noah" / "Léa en Noah".
pub(crate) fn names(lang: Language, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr(
            lang,
            "family-and",
            &[
                ("first", FluentValue::from(rest.join(", "))),
                ("last", FluentValue::from(last.clone())),
            ],
        ),
    }
}

/// The subject and text of a notice about `visit`, in `lang`; `said` is
/// what a family said when they cannot come.
pub(crate) fn notice(
    lang: Language,
    kind: NoticeKind,
    visit: &VisitView,
    phone: &str,
    said: Option<CannotCome>,
) -> (String, String) {
    let (subject_key, body_key) = notice_keys(kind);
    let date = format_date(lang, local_date(visit.visit_start));
    let place = visit
        .place
        .clone()
        .unwrap_or_else(|| tr(lang, "family-place-unknown", &[]));
    let reason = match said {
        Some(said) => tr(lang, said.key(), &[]),
        None => tr(lang, reason_key(visit.cancelled), &[]),
    };
    let former = visit
        .moved_from
        .map(|at| format_date(lang, local_date(at)))
        .unwrap_or_default();
    let args: Vec<(&str, FluentValue<'_>)> = vec![
        ("children", FluentValue::from(names(lang, &visit.children))),
        ("date", FluentValue::from(date)),
        ("time", FluentValue::from(format_time(visit.meet_at))),
        (
            "back",
            FluentValue::from(format_time(visit.expected_return)),
        ),
        ("place", FluentValue::from(place)),
        ("reason", FluentValue::from(reason)),
        ("former", FluentValue::from(former)),
        ("phone", FluentValue::from(phone.to_owned())),
    ];
    (tr(lang, subject_key, &args), tr(lang, body_key, &args))
}

/// The message that carries a new link to a guardian, and its subject.
pub(crate) fn link_message(lang: Language, children: &[String], url: &str) -> (String, String) {
    let args = [
        ("children", FluentValue::from(names(lang, children))),
        ("url", FluentValue::from(url.to_owned())),
    ];
    (
        tr(lang, "family-link-subject", &args),
        tr(lang, "family-link-message", &args),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{has_key, SCREEN_LANGUAGES};

    #[test]
    fn every_family_key_built_from_a_value_exists_in_every_language() {
        let mut keys: Vec<&str> = CancelReason::ALL
            .into_iter()
            .map(|r| reason_key(Some(r)))
            .collect();
        keys.push(reason_key(None));
        keys.extend(CannotCome::ALL.map(CannotCome::key));
        for kind in NoticeKind::ALL {
            let (subject, body) = notice_keys(kind);
            keys.extend([subject, body]);
        }
        for lang in SCREEN_LANGUAGES {
            for key in &keys {
                assert!(has_key(lang, key), "{key} is missing in {}", lang.code());
            }
        }
    }

    #[test]
    fn names_are_joined_in_each_language() {
        let three = ["Léa".to_owned(), "Noah".to_owned(), "Sami".to_owned()];
        assert_eq!(names(Language::Fr, &three), "Léa, Noah et Sami");
        assert_eq!(names(Language::Nl, &three[..2]), "Léa en Noah");
        assert_eq!(names(Language::En, &three[..1]), "Léa");
    }
}
