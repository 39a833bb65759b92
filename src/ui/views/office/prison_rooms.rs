//! A prison's visit rooms on its page in the workspace: each room's name,
//! kind, what it has for small children and a note, corrected in place; a
//! new room added below. Rooms are never deleted: trips refer to them.

use crate::domain::{Equipment, Prison, Record, RecordKind, RoomId, RoomKind, VisitRoom};
use crate::i18n::t;
use crate::ui::components::{save_record, snake, FieldErrors, SelectField, TextField};
use crate::ui::text_keys;
use crate::ui::{use_app, use_device, use_lang};
use dioxus::prelude::*;

/// The rooms of `prison`, by name.
fn rooms_of(records: Vec<Record>, prison: &Prison) -> Vec<VisitRoom> {
    let mut rooms: Vec<VisitRoom> = records
        .into_iter()
        .filter_map(|r| match r {
            Record::Room(room) if room.prison_id == prison.id => Some(room),
            _ => None,
        })
        .collect();
    rooms.sort_by(|a, b| a.name.cmp(&b.name));
    rooms
}

#[component]
pub fn PrisonRooms(prison: Prison) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let rooms = rooms_of(
        device.store.list(RecordKind::Room).unwrap_or_default(),
        &prison,
    );
    // The room being corrected or added: one form at a time.
    let mut open = use_signal(|| None::<VisitRoom>);
    let empty = VisitRoom {
        id: RoomId::random(),
        prison_id: prison.id.clone(),
        name: String::new(),
        kind: RoomKind::Parloir,
        equipment: Vec::new(),
        notes: String::new(),
    };
    rsx! {
        section { class: "rooms", "aria-labelledby": "rooms-title",
            h2 { id: "rooms-title", {t(lang, "sheet-rooms")} }
            if rooms.is_empty() {
                p { class: "muted", {t(lang, "sheet-no-rooms")} }
            } else {
                table { class: "records",
                    thead {
                        tr {
                            th { scope: "col", {t(lang, "room-name")} }
                            th { scope: "col", {t(lang, "room-kind")} }
                            th { scope: "col", {t(lang, "room-equipment")} }
                            th { scope: "col", {t(lang, "room-notes")} }
                            th { scope: "col", span { class: "sr-only", {t(lang, "child-edit")} } }
                        }
                    }
                    tbody {
                        for room in rooms {
                            tr { key: "{room.id}",
                                td { "{room.name}" }
                                td { {t(lang, &text_keys::room(room.kind))} }
                                td {
                                    {room.equipment.iter().map(|e| t(lang, &text_keys::equipment(*e))).collect::<Vec<_>>().join(", ")}
                                }
                                td { class: "muted", "{room.notes}" }
                                td {
                                    button {
                                        class: "secondary",
                                        "aria-label": format!("{} : {}", t(lang, "child-edit"), room.name),
                                        onclick: move |_| open.set(Some(room.clone())),
                                        {t(lang, "child-edit")}
                                    }
                                }
                            }
                        }
                    }
                }
            }
            match open() {
                Some(room) => rsx! {
                    RoomForm { key: "{room.id}", room, on_done: move |_| open.set(None) }
                },
                None => rsx! {
                    button { class: "secondary", onclick: move |_| open.set(Some(empty.clone())), {t(lang, "room-add")} }
                },
            }
        }
    }
}

/// The form of one room, new or already there; `on_done` closes it once it
/// is saved or given up.
#[component]
fn RoomForm(room: VisitRoom, on_done: EventHandler<()>) -> Element {
    let app = use_app();
    let lang = use_lang();
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let start = room.clone();
    let name = use_signal(|| start.name.clone());
    let kind = use_signal(|| snake(&start.kind));
    let notes = use_signal(|| start.notes.clone());
    let mut has = use_signal(|| Equipment::ALL.map(|e| start.has(e)));
    let mut errors = use_signal(FieldErrors::new);
    let fresh = room.name.is_empty();
    let kinds: Vec<(String, String)> = RoomKind::ALL
        .into_iter()
        .map(|k| (snake(&k), t(lang, &text_keys::room(k))))
        .collect();
    let save = move |event: FormEvent| {
        event.prevent_default();
        let mut found = FieldErrors::new();
        if name().trim().is_empty() {
            found.insert("room-name", t(lang, "form-required"));
        }
        let mut updated = room.clone();
        updated.name = name().trim().to_owned();
        updated.kind = RoomKind::ALL
            .into_iter()
            .find(|k| snake(k) == kind())
            .unwrap_or(RoomKind::Parloir);
        updated.notes = notes().trim().to_owned();
        updated.equipment = Equipment::ALL
            .into_iter()
            .zip(has())
            .filter(|(_, present)| *present)
            .map(|(e, _)| e)
            .collect();
        if found.is_empty() {
            match updated.validate().map_err(|e| e.to_string()) {
                Err(e) => {
                    found.insert("room-notes", e);
                }
                Ok(()) => match save_record(&app, Record::Room(updated)) {
                    Ok(()) => on_done.call(()),
                    Err(e) => {
                        found.insert("room-notes", e);
                    }
                },
            }
        }
        errors.set(found);
    };
    let legend = if fresh {
        t(lang, "room-new")
    } else {
        start.name.clone()
    };
    rsx! {
        form {
            class: "record-form card",
            novalidate: true,
            onsubmit: save,
            oninput: move |_| crate::ui::platform::set_unsaved_form(true),
            onchange: move |_| crate::ui::platform::set_unsaved_form(true),
            fieldset {
                legend { "{legend}" }
                TextField { id: "room-name", label: t(lang, "room-name"), value: name, errors }
                SelectField { id: "room-kind", label: t(lang, "room-kind"), value: kind, options: kinds, errors }
                fieldset {
                    legend { {t(lang, "room-equipment")} }
                    for (i, item) in Equipment::ALL.into_iter().enumerate() {
                        label { class: "choice", key: "{i}",
                            input {
                                id: "room-has-{i}",
                                r#type: "checkbox",
                                checked: has()[i],
                                onchange: move |e| {
                                    if let Some(slot) = has.write().get_mut(i) {
                                        *slot = e.checked();
                                    }
                                },
                            }
                            {t(lang, &text_keys::equipment(item))}
                        }
                    }
                }
                TextField { id: "room-notes", label: t(lang, "room-notes"), value: notes, errors, multiline: true, hint: t(lang, "room-notes-hint") }
                div { class: "actions",
                    button { r#type: "submit", class: "primary", {t(lang, "room-save")} }
                    button {
                        r#type: "button",
                        class: "secondary",
                        onclick: move |_| {
                            crate::ui::platform::set_unsaved_form(false);
                            on_done.call(())
                        },
                        {t(lang, "form-cancel")}
                    }
                }
            }
        }
    }
}
