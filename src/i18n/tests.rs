use super::*;
use chrono::{NaiveDate, TimeZone, Utc};

#[test]
fn all_keys_exist_in_every_language() {
    let english = keys_of(SOURCES[2].1);
    assert!(english.len() > 50, "the English file looks empty");
    for (lang, source) in SOURCES {
        let keys = keys_of(source);
        for key in &english {
            assert!(keys.contains(key), "{key} is missing in {}", lang.code());
        }
        for key in &keys {
            assert!(
                english.contains(key),
                "{key} in {} is not in English",
                lang.code()
            );
        }
        // Every file parses without error.
        assert!(
            FluentResource::try_new(source.to_owned()).is_ok(),
            "{} has a syntax error",
            lang.code()
        );
    }
}

#[test]
fn no_screen_calls_anyone_a_detainee() {
    for (lang, source) in SOURCES {
        // Comments may name the word to avoid; the texts must not use it.
        let lower: String = source
            .lines()
            .filter(|line| !line.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
            .to_lowercase();
        for word in [
            "detainee",
            "détenu",
            "gedetineerde",
            "prisoner",
            "prisonnier",
        ] {
            assert!(!lower.contains(word), "{word} in {}", lang.code());
        }
    }
}

#[test]
fn missing_texts_fall_back_to_english_then_the_key() {
    assert_eq!(t(Language::De, "nav-trips"), t(Language::En, "nav-trips"));
    assert_eq!(t(Language::Fr, "no-such-key"), "no-such-key");
}

#[test]
fn arguments_and_plurals() {
    let one = tr(Language::En, "sync-pending", &[("count", 1.into())]);
    let many = tr(Language::En, "sync-pending", &[("count", 3.into())]);
    assert_ne!(one, many);
    assert!(many.contains('3'));
}

#[test]
fn locale_tags() {
    assert_eq!(lang_from_tag("nl-BE"), Some(Language::Nl));
    assert_eq!(lang_from_tag("fr_BE.UTF-8"), Some(Language::Fr));
    assert_eq!(lang_from_tag("EN"), Some(Language::En));
    assert_eq!(lang_from_tag("de-DE"), None);
    assert_eq!(lang_from_tag(""), None);
}

#[test]
fn dates_in_brussels_in_each_language() {
    // 13:00 UTC on 24 November 2026 is 14:00 in Brussels (winter time).
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 13, 0, 0).unwrap();
    assert_eq!(
        format_day_time(Language::Fr, at),
        "mardi 24 novembre, 14:00"
    );
    assert_eq!(
        format_day_time(Language::Nl, at),
        "dinsdag 24 november, 14:00"
    );
    assert_eq!(
        format_day_time(Language::En, at),
        "Tuesday 24 November, 14:00"
    );
    // Summer time: 07:05 UTC is 09:05 local.
    let summer = Utc.with_ymd_and_hms(2026, 7, 1, 7, 5, 0).unwrap();
    assert_eq!(format_time(summer), "09:05");
    let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(format_date(Language::Fr, first), "mardi 1er décembre");
    assert_eq!(format_date(Language::En, first), "Tuesday 1 December");
    // Just before midnight UTC is already the next day in Brussels.
    let late = Utc.with_ymd_and_hms(2026, 6, 30, 22, 30, 0).unwrap();
    assert_eq!(
        local_date(late),
        NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
    );
}
