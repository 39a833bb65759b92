//! "Who saw what" in the coordinators' workspace, rendered as a person would
//! see it in French, Dutch and English: the people one can search for, the
//! filters, the menu entry.
#![allow(clippy::unwrap_used)]

mod ui_common;

use ui_common::*;

#[test]
fn the_audit_screen_offers_every_child_family_and_volunteer_in_every_language() {
    let store = coordinator_store();
    let child = store
        .list(RecordKind::Child)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Child(c) => Some(c),
            _ => None,
        })
        .unwrap();
    let volunteer = store
        .list(RecordKind::Volunteer)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Volunteer(v) => Some(v),
            _ => None,
        })
        .unwrap();
    for lang in [Language::Fr, Language::Nl, Language::En] {
        let (text, html) = render(store.clone(), lang, "/office/audit");
        let title = pick(lang, "Qui a vu quoi", "Wie zag wat", "Who saw what");
        assert!(text.contains(title), "{lang:?}: {text}");
        assert!(
            html.contains(&format!("value=\"child:{}\"", child.id)),
            "{lang:?}: the child can be searched for"
        );
        assert!(html.contains(&format!("value=\"volunteer:{}\"", volunteer.id)));
        assert!(text.contains(&child.first_name));
        let group = pick(lang, "Enfants", "Kinderen", "Children");
        assert!(html.contains(&format!("label=\"{group}\"")), "{lang:?}");
        for words in [
            pick(
                lang,
                "Lu ou modifié",
                "Gelezen of gewijzigd",
                "Read or changed",
            ),
            pick(lang, "Chercher", "Zoeken", "Search"),
        ] {
            assert!(text.contains(words), "{lang:?}: {words}");
        }
        let removal = pick(
            lang,
            "Ce que le serveur efface, et quand",
            "Wat de server wist, en wanneer",
            "What the server removes, and when",
        );
        assert!(text.contains(removal), "{lang:?}: the retention section");
        // Nothing is asked of the server before a search.
        assert!(!html.contains("<table"), "{lang:?}");
    }
}
