//! The workspace's family screens, rendered as a coordinator sees them in
//! French, Dutch and English: a family's page offers its link (in the
//! family's language) and an e-mail field; the notices screen is in the
//! menu. What needs the server (the links, the notices) says it is loading.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use itinerances::domain::Guardian;
use ui_common::*;

fn a_guardian(store: &MemoryStore, language: Language) -> Guardian {
    store
        .list(RecordKind::Guardian)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Guardian(g) if g.language == Some(language) => Some(g),
            _ => None,
        })
        .unwrap()
}

#[test]
fn a_familys_page_offers_its_link_in_the_familys_language() {
    let store = coordinator_store();
    for family_language in [Language::Fr, Language::Nl] {
        let guardian = a_guardian(&store, family_language);
        for lang in LANGS {
            let (text, html) = render(
                store.clone(),
                lang,
                &format!("/office/families/{}/edit", guardian.id),
            );
            assert!(
                text.contains(pick(lang, "Lien famille", "Gezinslink", "Family link")),
                "{lang:?}: {text}"
            );
            assert!(text.contains(pick(lang, "Faire un lien", "Een link maken", "Make a link")));
            // The family's language is chosen, whatever the screen's.
            let chosen = format!("value=\"{}\" selected", family_language.code());
            assert!(html.contains(&chosen), "{lang:?}: {chosen} in {html}");
            assert!(html.contains("for=\"family-link-language\""));
            assert!(html.contains("for=\"family-email\"") && html.contains("type=\"email\""));
            assert!(text.contains(pick(
                lang,
                "Chargement des liens",
                "Links laden",
                "Loading the links"
            )));
            // The family's own notices, under its link.
            assert!(text.contains(pick(
                lang,
                "Avis aux familles",
                "Berichten aan gezinnen",
                "Families' notices"
            )));
            assert!(text.contains(pick(
                lang,
                "Chargement des avis",
                "Berichten laden",
                "Loading the notices"
            )));
        }
    }
}

#[test]
fn the_notices_screen_is_in_the_menu_and_says_what_it_shows() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/family-notices");
        let title = pick(
            lang,
            "Avis aux familles",
            "Berichten aan gezinnen",
            "Families' notices",
        );
        assert!(text.contains(title), "{lang:?}: {text}");
        assert!(html.contains("href=\"/office/family-notices\""));
        assert!(text.contains(pick(
            lang,
            "Chargement des avis",
            "Berichten laden",
            "Loading the notices"
        )));
    }
    // A child's file leads to the family's link.
    let child = store
        .list(RecordKind::Child)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Child(c) => Some(c),
            _ => None,
        })
        .unwrap();
    let (text, html) = render(
        store,
        Language::En,
        &format!("/office/children/{}", child.id),
    );
    assert!(text.contains("Family link"), "{text}");
    assert!(html.contains(&format!("/office/families/{}/edit", child.guardian_id)));
}
