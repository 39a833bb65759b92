//! The family's calendar (RFC 5545): one event per coming visit, from the
//! handover to the expected return, in Brussels time. The UID is the
//! visit's and never changes; SEQUENCE rises with every change the family
//! can see; a cancelled visit stays, marked STATUS:CANCELLED, so that
//! subscribed calendars strike it rather than silently drop it.

use super::texts;
use super::view::FamilyView;
use crate::domain::Language;
use crate::i18n::{format_time, tr};
use crate::plan::local_time;
use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

/// Europe/Brussels with its daylight-saving rules, for calendars that do not
/// know the zone by name.
const BRUSSELS: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// Escapes a TEXT value (backslash, semicolon, comma, new lines).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets (never inside a character).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(at: DateTime<Utc>) -> String {
    local_time(at).format("%Y%m%dT%H%M%S").to_string()
}

/// The whole calendar of a family's link, in `lang`.
pub(crate) fn calendar(
    lang: Language,
    view: &FamilyView,
    phone: &str,
    now: DateTime<Utc>,
) -> String {
    let mut out = String::with_capacity(1024 + view.visits.len() * 600);
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Itinerances//Family calendar//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", text(&tr(lang, "family-title", &[]))),
    );
    out.push_str("X-WR-TIMEZONE:Europe/Brussels\r\n");
    out.push_str(BRUSSELS);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for visit in &view.visits {
        let who = texts::names(lang, &visit.children);
        let summary = tr(
            lang,
            "family-visit-of",
            &[
                ("children", FluentValue::from(who)),
                ("parent", FluentValue::from(visit.parent.clone())),
                ("count", FluentValue::from(visit.children.len())),
            ],
        );
        let summary = match visit.cancelled {
            Some(_) => tr(
                lang,
                "family-calendar-cancelled",
                &[("summary", FluentValue::from(summary))],
            ),
            None => summary,
        };
        let mut description = vec![
            format!(
                "{}: {}",
                tr(lang, "family-handover", &[]),
                format_time(visit.meet_at)
            ),
            format!(
                "{}: {}",
                tr(lang, "family-return", &[]),
                format_time(visit.expected_return)
            ),
        ];
        if let Some(volunteer) = &visit.volunteer {
            description.push(format!(
                "{}: {volunteer}",
                tr(lang, "family-volunteer", &[])
            ));
        }
        if visit.cancelled.is_some() {
            let reason = tr(lang, texts::reason_key(visit.cancelled), &[]);
            description.push(tr(
                lang,
                "family-cancelled",
                &[("reason", FluentValue::from(reason))],
            ));
        }
        if !phone.is_empty() {
            description.push(format!("{} {phone}", tr(lang, "family-call", &[])));
        }
        let status = match (visit.cancelled, visit.confirmed) {
            (Some(_), _) => "CANCELLED",
            (None, true) => "CONFIRMED",
            (None, false) => "TENTATIVE",
        };
        out.push_str("BEGIN:VEVENT\r\n");
        line(&mut out, &format!("UID:{}@itinerances", visit.trip_id));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("SEQUENCE:{}", visit.sequence));
        line(
            &mut out,
            &format!("DTSTART;TZID=Europe/Brussels:{}", local(visit.meet_at)),
        );
        line(
            &mut out,
            &format!(
                "DTEND;TZID=Europe/Brussels:{}",
                local(visit.expected_return)
            ),
        );
        line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        if let Some(place) = &visit.place {
            line(&mut out, &format!("LOCATION:{}", text(place)));
        }
        line(
            &mut out,
            &format!("DESCRIPTION:{}", text(&description.join("\n"))),
        );
        line(&mut out, &format!("STATUS:{status}"));
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_cutting_a_character() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_values_escape_separators() {
        assert_eq!(text("Rue A, 1; B\\C\nD"), "Rue A\\, 1\\; B\\\\C\\nD");
    }
}
