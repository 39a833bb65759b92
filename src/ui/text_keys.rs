//! The translation keys built from a value (a step, a reason, a kind...):
//! built here and only here, so that one test walks every value in every
//! language and no screen ever shows a raw key.

use super::components::{snake, step_key};
use crate::domain::{
    CancelReason, Contact, DecidedBy, Equipment, EventKind, GuardianKind, Language, Mood,
    PrisonStatusKind, RhythmPeriod, RoomKind,
};
use crate::protocol::{FamilyLinkState, NoticeChannel, NoticeKind, NoticeStatus};

pub fn step_do(step: EventKind) -> String {
    format!("step-do-{}", step_key(step))
}

pub fn step_done(step: EventKind) -> String {
    format!("step-done-{}", step_key(step))
}

pub fn cancel(reason: CancelReason) -> String {
    format!("cancel-{}", snake(&reason))
}

/// Where a trip of today stands, on the coordinators' board.
pub fn today_stage(stage: crate::ui::today::Stage) -> String {
    format!("today-stage-{}", stage.key())
}

pub fn mood(mood: Mood) -> String {
    format!("mood-{}", snake(&mood))
}

pub fn contact(contact: Contact) -> String {
    format!("contact-{}", snake(&contact))
}

pub fn room(kind: RoomKind) -> String {
    format!("room-{}", snake(&kind))
}

pub fn equipment(item: Equipment) -> String {
    format!("equipment-{}", snake(&item))
}

pub fn warning(code: &str) -> String {
    format!("warning-{code}")
}

/// Why a volunteer is proposed for a trip (`plan::SuggestionReason::code`).
pub fn suggestion(code: &str) -> String {
    format!("suggest-reason-{code}")
}

pub fn prison_disrupted(kind: PrisonStatusKind) -> String {
    format!("warning-prison_disrupted-{}", snake(&kind))
}

/// A prison's status as coordinators set it.
pub fn prison_status(kind: PrisonStatusKind) -> String {
    format!("prison-status-{}", snake(&kind))
}

pub fn language(language: Language) -> String {
    format!("language-{}", language.code())
}

pub fn decided_by(by: DecidedBy) -> String {
    format!("decided-by-{}", snake(&by))
}

pub fn rhythm(per: RhythmPeriod) -> String {
    format!("rhythm-{}", snake(&per))
}

/// "a week", "a month"... as a choice in the visit right's form.
pub fn rhythm_choice(per: RhythmPeriod) -> String {
    format!("right-form-per-{}", snake(&per))
}

pub fn weekday(day: chrono::Weekday) -> String {
    format!("weekday-{}", day.to_string().to_lowercase())
}

pub fn guardian(kind: GuardianKind) -> String {
    format!("guardian-{}", snake(&kind))
}

/// What a notice to (or from) a family is about.
pub fn notice_kind(kind: NoticeKind) -> String {
    format!("notice-kind-{}", kind.as_str())
}

/// Where a notice stands.
pub fn notice_status(status: NoticeStatus) -> String {
    format!("notice-status-{}", status.as_str())
}

/// How a notice reaches its person.
pub fn notice_channel(channel: NoticeChannel) -> String {
    format!("notice-channel-{}", channel.as_str())
}

/// Where a family link stands.
pub fn family_link_state(state: FamilyLinkState) -> String {
    format!("family-link-state-{}", snake(&state))
}

/// Where a trip stands, in the planning calendar.
pub fn calendar_status(status: crate::ui::calendar::CalendarStatus) -> String {
    format!("calendar-status-{}", status.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Warning;

    #[test]
    fn every_key_built_from_a_value_exists_in_every_language() {
        let mut keys: Vec<String> = Vec::new();
        let steps = EventKind::STEPS.into_iter().chain([EventKind::Cancelled {
            reason: CancelReason::Other,
        }]);
        for step in steps {
            keys.push(step_do(step));
            keys.push(step_done(step));
        }
        keys.extend(CancelReason::ALL.map(cancel));
        keys.extend(Mood::ALL.map(mood));
        keys.extend(crate::ui::today::Stage::ALL.map(today_stage));
        keys.extend(crate::ui::calendar::CalendarStatus::ALL.map(calendar_status));
        keys.extend(Contact::ALL.map(contact));
        keys.extend(RoomKind::ALL.map(room));
        keys.extend(Equipment::ALL.map(equipment));
        keys.extend(PrisonStatusKind::ALL.map(prison_disrupted));
        keys.extend(PrisonStatusKind::ALL.map(prison_status));
        keys.extend(Warning::CODES.map(warning));
        keys.extend(Warning::CODES.map(|code| format!("office-{}", warning(code))));
        keys.extend(PrisonStatusKind::ALL.map(|kind| format!("office-{}", prison_disrupted(kind))));
        keys.extend(crate::plan::SuggestionReason::CODES.map(suggestion));
        keys.extend([Language::Fr, Language::Nl, Language::En, Language::De].map(language));
        keys.extend(DecidedBy::ALL.map(decided_by));
        keys.extend(RhythmPeriod::ALL.map(rhythm));
        keys.extend(RhythmPeriod::ALL.map(rhythm_choice));
        keys.extend(GuardianKind::ALL.map(guardian));
        keys.extend(NoticeKind::ALL.map(notice_kind));
        keys.extend(NoticeStatus::ALL.map(notice_status));
        keys.extend(NoticeChannel::ALL.map(notice_channel));
        keys.extend(
            [
                FamilyLinkState::Active,
                FamilyLinkState::Revoked,
                FamilyLinkState::Ended,
            ]
            .map(family_link_state),
        );
        keys.extend(
            [
                chrono::Weekday::Mon,
                chrono::Weekday::Tue,
                chrono::Weekday::Wed,
                chrono::Weekday::Thu,
                chrono::Weekday::Fri,
                chrono::Weekday::Sat,
                chrono::Weekday::Sun,
            ]
            .map(weekday),
        );
        // The cancel step's own texts are not shown (a cancellation says its
        // reason instead); every other key must exist.
        keys.retain(|k| {
            !k.starts_with("step-do-cancelled") && !k.starts_with("step-done-cancelled")
        });
        // The prison disruption has its own keys per kind.
        keys.retain(|k| k != "warning-prison_disrupted" && k != "office-warning-prison_disrupted");
        for lang in crate::i18n::SCREEN_LANGUAGES {
            for key in &keys {
                assert!(
                    crate::i18n::has_key(lang, key),
                    "{key} is missing in {}",
                    lang.code()
                );
            }
        }
    }
}
