//! The coordinators' workspace, rendered as a person would see it, in French,
//! Dutch and English: a coordinator's device opens it, a volunteer's never
//! does; the overview, the children and a child's visit rights, devices and
//! access; an address that leads nowhere.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use ui_common::*;

fn count(store: &MemoryStore, kind: RecordKind) -> usize {
    store.list(kind).unwrap().len()
}

#[test]
fn a_coordinators_device_opens_the_workspace_with_its_menu() {
    let store = coordinator_store();
    let children = count(&store, RecordKind::Child);
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office");
        for item in [
            pick(lang, "Vue d'ensemble", "Overzicht", "Overview"),
            pick(lang, "Enfants", "Kinderen", "Children"),
            pick(
                lang,
                "Appareils et accès",
                "Toestellen en toegang",
                "Devices and access",
            ),
        ] {
            assert!(text.contains(item), "{lang:?}: {item} in {text}");
        }
        let children_line = match lang {
            Language::Fr => format!("{children} enfants"),
            Language::Nl => format!("{children} kinderen"),
            _ => format!("{children} children"),
        };
        assert!(text.contains(&children_line), "{lang:?}: {text}");
        assert!(
            html.contains("aria-current=\"page\""),
            "the current screen is marked"
        );
        assert!(!text.contains("Mes trajets"), "no volunteer's list: {text}");
    }
    // Opened at the volunteers' home, it goes on to the workspace.
    let (text, _) = start(store, Some(Language::Fr), "/");
    assert!(text.contains("Vue d'ensemble"), "{text}");
}

#[test]
fn a_volunteers_device_never_shows_the_workspace() {
    for path in ["/office", "/office/children", "/office/devices"] {
        let (text, _) = render(demo_store(), Language::Fr, path);
        assert!(text.contains("Rien ici"), "{path}: {text}");
        assert!(!text.contains("Appareils et accès"), "{path}: {text}");
        assert!(!text.contains("Wout"), "{path}: no child's name: {text}");
    }
}

#[test]
fn the_children_list_searches_without_accents_and_says_what_to_check() {
    let store = coordinator_store();
    let names: Vec<String> = store
        .children()
        .unwrap()
        .into_iter()
        .map(|c| c.first_name)
        .collect();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/office/children");
        for name in &names {
            assert!(text.contains(name.as_str()), "{lang:?}: {name}");
        }
        assert!(text.contains(pick(lang, "Rechercher", "Zoeken", "Search")));
    }
    // The search as the screen runs it.
    let now = now();
    let found = itinerances::ui::network::children_list(&*store, "LÍNA", now, false).unwrap();
    assert_eq!(
        found
            .iter()
            .map(|r| r.child.first_name.as_str())
            .collect::<Vec<_>>(),
        vec!["Lina"]
    );
    let by_family = itinerances::ui::network::children_list(&*store, "", now, false).unwrap();
    assert_eq!(by_family.len(), names.len());
}

#[test]
fn a_childs_file_shows_each_parents_decision_in_words() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/office/children/wout");
        assert!(text.contains("Wout"), "{text}");
        assert!(
            text.contains(pick(
                lang,
                "Visites interdites",
                "Bezoek verboden",
                "Visits forbidden"
            )),
            "{lang:?}: a forbidden visit is said: {text}"
        );
        assert!(text.contains("DEMO/WOUT"), "the decision's reference");
        let (text, _) = render(store.clone(), lang, "/office/children/lina");
        assert!(
            text.contains(pick(lang, "Valable jusqu'au", "Geldig tot", "Valid until")),
            "{lang:?}: {text}"
        );
        assert!(
            text.contains(pick(
                lang,
                "accord de toutes les parties",
                "akkoord van alle partijen",
                "agreement of all parties"
            )),
            "{lang:?}: {text}"
        );
        let (text, _) = render(store.clone(), lang, "/office/children/nobody");
        assert!(
            text.contains(pick(
                lang,
                "n'est pas (ou plus)",
                "staat niet (meer)",
                "is not in the records"
            )),
            "{lang:?}: {text}"
        );
    }
}

#[test]
fn devices_and_access_offers_a_code_form_with_labels() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/devices");
        assert!(text.contains(pick(lang, "Créer le code", "Code maken", "Create the code")));
        assert!(text.contains(pick(
            lang,
            "Nom de la personne",
            "Naam van de persoon",
            "Name of the person"
        )));
        for id in ["code-volunteer", "code-person"] {
            assert!(html.contains(&format!("for=\"{id}\"")), "a label for {id}");
            assert!(html.contains(&format!("id=\"{id}\"")), "the field {id}");
        }
        assert!(text.contains("Anne Vermeulen"), "volunteers to choose from");
    }
}

#[test]
fn an_unknown_address_says_so_in_the_persons_language() {
    for lang in LANGS {
        let (text, _) = render(demo_store(), lang, "/nowhere/at/all");
        assert!(
            text.contains(pick(lang, "Rien ici", "Niets te zien", "Nothing here")),
            "{lang:?}: {text}"
        );
    }
}

#[test]
fn an_enrollment_link_opened_in_the_browser_fills_the_code() {
    let store = Arc::new(MemoryStore::new());
    let (_, html) = render(store, Language::Nl, "/enroll?code=ABCD-EFGH");
    assert!(html.contains("value=\"ABCD-EFGH\""), "{html}");
}

#[test]
fn the_record_forms_label_every_field_in_each_language() {
    let store = coordinator_store();
    let forms = [
        (
            "/office/children/new",
            vec![
                "child-first",
                "child-last",
                "child-born",
                "child-language",
                "child-needs",
                "child-guardian",
            ],
        ),
        (
            "/office/families/new",
            vec![
                "family-name",
                "family-kind",
                "family-phone",
                "family-language",
                "family-address",
                "family-lat",
                "family-lon",
            ],
        ),
        (
            "/office/children/lina/rights/new",
            vec![
                "right-parent",
                "right-allowed",
                "right-by",
                "right-visits",
                "right-per",
                "right-from",
                "right-until",
                "right-supervised",
                "right-reference",
            ],
        ),
    ];
    for lang in LANGS {
        for (path, fields) in &forms {
            let (text, html) = render(store.clone(), lang, path);
            for id in fields {
                assert!(html.contains(&format!("id=\"{id}\"")), "{path}: field {id}");
                let labelled = html.contains(&format!("for=\"{id}\""))
                    || html.contains(&format!("<label class=\"choice\"><input id=\"{id}\""));
                assert!(labelled, "{path}: a label for {id}");
            }
            assert!(
                text.contains(pick(lang, "Enregistrer", "Opslaan", "Save")),
                "{lang:?} {path}: {text}"
            );
        }
        let (text, _) = render(store.clone(), lang, "/office/children/lina/rights/new");
        assert!(text.contains("Mehdi Benali"), "the parents to choose from");
        let (text, _) = render(store.clone(), lang, "/office/children/lina/edit");
        assert!(
            text.contains("Mme Sarah Martin"),
            "the child's family is offered"
        );
    }
}

#[test]
fn an_archived_child_leaves_the_lists_but_keeps_its_file() {
    let store = coordinator_store();
    let before = itinerances::ui::network::overview(&*store, now())
        .unwrap()
        .children;
    let mut wout = store
        .children()
        .unwrap()
        .into_iter()
        .find(|c| c.id.as_str() == "wout")
        .unwrap();
    wout.archived = true;
    store
        .apply(
            &ApplyPlan {
                upserts: vec![Record::Child(wout)],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let after = itinerances::ui::network::overview(&*store, now())
        .unwrap()
        .children;
    assert_eq!(after, before - 1);
    let (text, _) = render(store.clone(), Language::Fr, "/office/children");
    assert!(!text.contains("Wout"), "{text}");
    let (text, _) = render(store, Language::Fr, "/office/children/wout");
    assert!(text.contains("Wout") && text.contains("archivé"), "{text}");
    assert!(text.contains("Sortir des archives"), "{text}");
}

#[test]
fn the_volunteers_list_and_form_say_who_drives_and_when_they_are_free() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/office/volunteers");
        for name in [
            "Anne Vermeulen",
            "Marc Delvaux",
            "Els Wouters",
            "Samir Haddad",
        ] {
            assert!(text.contains(name), "{lang:?}: {name}");
        }
        assert!(
            text.contains(pick(lang, "nouveau", "nieuw", "new")),
            "{lang:?}: the newcomer is marked: {text}"
        );
        assert!(text.contains(pick(lang, "samedi", "zaterdag", "Saturday")));
        let (_, html) = render(store.clone(), lang, "/office/volunteers/v-els");
        assert!(
            html.contains("value=\"Els Wouters\""),
            "the form holds the volunteer"
        );
        for id in [
            "volunteer-name",
            "volunteer-phone",
            "volunteer-lat",
            "volunteer-lon",
            "volunteer-car",
            "volunteer-newcomer",
            "absence-0-from",
        ] {
            assert!(html.contains(&format!("id=\"{id}\"")), "field {id}");
        }
    }
}

#[test]
fn the_parents_list_says_where_each_is_held() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/parents");
        assert!(text.contains("Mehdi Benali"), "{text}");
        assert!(
            !text.to_lowercase().contains("détenu")
                && !text.to_lowercase().contains("gedetineerde")
        );
        assert!(html.contains("href=\"/office/parents/p-mehdi\""));
        let (_, html) = render(store.clone(), lang, "/office/parents/p-mehdi");
        for id in [
            "parent-first",
            "parent-last",
            "parent-prison",
            "parent-released",
            "parent-moved-to",
            "parent-moved-on",
        ] {
            assert!(html.contains(&format!("id=\"{id}\"")), "field {id}");
        }
    }
}

#[test]
fn prisons_show_their_status_check_and_languages_and_a_sheet_in_three_languages() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/prisons");
        assert!(text.contains("Haren"), "{text}");
        assert!(
            text.contains("EN"),
            "the demo sheets are written in English"
        );
        assert!(html.contains("href=\"/office/prisons/"));
    }
    let prison = store
        .list(RecordKind::Prison)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Prison(p) => Some(p),
            _ => None,
        })
        .unwrap();
    let (text, html) = render(
        store.clone(),
        Language::Nl,
        &format!("/office/prisons/{}", prison.id),
    );
    assert!(text.contains("Vandaag nagekeken"), "{text}");
    for code in ["fr", "nl", "en"] {
        assert!(
            html.contains(&format!("id=\"sheet-{code}-entrance\"")),
            "{code}"
        );
    }
    assert!(text.contains("De fiche in het Frans") && text.contains("De fiche in het Engels"));
    assert!(
        html.contains("id=\"prison-hours-1-from\""),
        "Tuesday's visiting hours are open"
    );
}

#[test]
fn a_prison_page_shows_its_visit_rooms_and_a_new_prison_starts_empty() {
    let store = coordinator_store();
    let room = store
        .list(RecordKind::Room)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Room(room) if !room.equipment.is_empty() => Some(room),
            _ => None,
        })
        .unwrap();
    let (text, html) = render(
        store.clone(),
        Language::Fr,
        &format!("/office/prisons/{}", room.prison_id),
    );
    assert!(text.contains("Salles de visite"), "{text}");
    assert!(text.contains(&room.name), "the room is listed: {text}");
    assert!(
        text.contains("Ajouter une salle de visite"),
        "a room can be added: {text}"
    );
    assert!(
        html.contains("id=\"prison-name\"") && html.contains("id=\"prison-lat\""),
        "the prison's name and place can be corrected"
    );
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/prisons/new");
        assert!(
            text.contains(pick(
                lang,
                "Nouvelle prison",
                "Nieuwe gevangenis",
                "New prison"
            )),
            "{lang:?}: {text}"
        );
        for id in [
            "prison-name",
            "prison-town",
            "prison-address",
            "sheet-nl-entrance",
        ] {
            assert!(
                html.contains(&format!("for=\"{id}\"")),
                "{lang:?}: {id} has a label"
            );
        }
        assert!(
            !html.contains("value=\"0\""),
            "no made-up coordinates in a new prison"
        );
        assert!(
            !text.contains(pick(
                lang,
                "Vérifiée aujourd'hui",
                "Vandaag nagekeken",
                "Checked today"
            )),
            "nothing to check before it exists"
        );
    }
    let (text, _) = render(store, Language::En, "/office/prisons");
    assert!(text.contains("New prison"), "{text}");
}

#[test]
fn a_volunteer_reads_the_sheet_in_their_language_or_is_told_it_is_not_translated() {
    let store = demo_store();
    let mut prison = store
        .list(RecordKind::Prison)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Prison(p) => Some(p),
            _ => None,
        })
        .unwrap();
    let path = format!("/prison/{}", prison.id);
    let (text, _) = render(store.clone(), Language::Fr, &path);
    assert!(text.contains("pas encore traduite en français"), "{text}");
    assert!(text.contains("la voici en anglais"), "{text}");
    let mut dutch = prison.texts();
    dutch.visitor_entrance = "Bezoekersingang naast de hoofdpoort (voorbeeld)".into();
    prison.set_texts(Language::Nl, dutch);
    store
        .apply(
            &ApplyPlan {
                upserts: vec![Record::Prison(prison)],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let (text, _) = render(store.clone(), Language::Nl, &path);
    assert!(
        text.contains("Bezoekersingang naast de hoofdpoort"),
        "{text}"
    );
    assert!(
        !text.contains("nog niet in het Nederlands vertaald"),
        "{text}"
    );
    let (text, _) = render(store, Language::En, &path);
    assert!(
        !text.contains("not translated"),
        "written in English: {text}"
    );
}

#[test]
fn the_import_screen_says_which_columns_it_reads() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/volunteers/import");
        assert!(html.contains("for=\"import-text\""), "a label for the rows");
        assert!(
            text.contains(pick(lang, "latitude", "breedtegraad", "latitude")),
            "{lang:?}: {text}"
        );
        assert!(html.contains("disabled"), "nothing to import yet");
        let (text, html) = render(store.clone(), lang, "/office/families/import");
        assert!(html.contains("for=\"import-text\""), "a label for the rows");
        for column in [
            pick(
                lang,
                "prénom de l'enfant",
                "voornaam van het kind",
                "child's first name",
            ),
            pick(
                lang,
                "prison (nom ou commune)",
                "gevangenis (naam of gemeente)",
                "prison (name or town)",
            ),
            pick(lang, "décidé par", "beslist door", "decided by"),
        ] {
            assert!(text.contains(column), "{lang:?}: {column} in {text}");
        }
        assert!(html.contains("disabled"), "nothing to import yet");
        let (text, _) = render(store.clone(), lang, "/office/children");
        assert!(
            text.contains(pick(
                lang,
                "Importer des familles d'un tableur",
                "Gezinnen uit een rekenblad importeren",
                "Import families from a spreadsheet"
            )),
            "{lang:?}: the children's list leads to the import"
        );
    }
}

#[test]
fn today_shows_each_trip_of_the_day_with_where_it_stands() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/today");
        assert!(
            text.contains(pick(
                lang,
                "trajets aujourd'hui",
                "ritten vandaag",
                "trips today"
            )),
            "{lang:?}: {text}"
        );
        for trip in ["trip-today-am", "trip-today-pm", "trip-today-open"] {
            assert!(
                html.contains(&format!("data-trip=\"{trip}\"")),
                "{lang:?}: {trip}"
            );
        }
        assert!(
            text.contains(pick(
                lang,
                "pas de bénévole",
                "geen vrijwilliger",
                "no volunteer"
            )),
            "{lang:?}: the open trip stands out: {text}"
        );
        assert!(
            html.contains("aria-current=\"page\""),
            "{lang:?}: the menu marks today"
        );
    }
}

#[test]
fn a_strike_lists_the_trips_it_falls_on_to_cancel_keep_or_move() {
    let store = coordinator_store();
    let lantin = store
        .list(RecordKind::Prison)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Prison(p) if p.name.contains("Lantin") => Some(p),
            _ => None,
        })
        .unwrap();
    for lang in LANGS {
        let (text, html) = render(
            store.clone(),
            lang,
            &format!("/office/prisons/{}", lantin.id),
        );
        assert!(
            text.contains(pick(
                lang,
                "tombe pendant cette période",
                "valt in deze periode",
                "falls in this period"
            )),
            "{lang:?}: {text}"
        );
        assert!(
            html.contains("data-trip=\"trip-dubois-"),
            "{lang:?}: the trip during the strike"
        );
        assert!(
            html.contains("for=\"move-0\""),
            "{lang:?}: moving has a label"
        );
    }
    // A prison without disruption shows no list.
    let (text, _) = render(store.clone(), Language::En, "/office/prisons");
    assert!(!text.contains("falls in this period"));
}

#[test]
fn a_released_parent_flags_the_trips_after_the_release() {
    let store = coordinator_store();
    let trip = store
        .trips()
        .unwrap()
        .into_iter()
        .filter(|t| t.visit_start > now() + chrono::Duration::days(3))
        .min_by_key(|t| t.visit_start)
        .unwrap();
    let mut parent = store
        .list(RecordKind::Parent)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Parent(p) if p.id == trip.parent_id => Some(p),
            _ => None,
        })
        .unwrap();
    parent.released_on = Some(today() + chrono::Duration::days(1));
    store
        .record(
            Change::Put {
                record: Record::Parent(parent.clone()),
            },
            now(),
        )
        .unwrap();
    let (text, html) = render(
        store,
        Language::Fr,
        &format!("/office/parents/{}", parent.id),
    );
    assert!(
        text.contains("ne convient plus") || text.contains("ne conviennent plus"),
        "{text}"
    );
    assert!(html.contains(&format!("data-trip=\"{}\"", trip.id)));
    assert!(text.contains("Le parent est sorti de prison"), "{text}");
}
