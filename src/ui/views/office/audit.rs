//! Who saw what: for a child, a family, a parent or a volunteer, who read or
//! changed their data, when and from which device, searched on the server
//! (which writes the search in the log too), page after page, and kept as a
//! CSV file. It needs the server: offline, the screen says so.

use crate::domain::{Record, RecordKind};
use crate::figures::csv::field;
use crate::i18n::{format_date, format_day_time, local_date, t, tr, Lang};
use crate::protocol::{AuditAction, AuditEntry};
use crate::sync::office::{audit, retention};
use crate::sync::TransportError;
use crate::ui::components::CsvDownload;
use crate::ui::{use_device, use_lang};
use dioxus::prelude::*;
use std::collections::BTreeMap;

/// Rows asked for at a time.
const PAGE: usize = 50;

/// The people one can search for, as (`kind:id`, name), per kind.
pub fn people(records: &[Record]) -> Vec<(RecordKind, Vec<(String, String)>)> {
    let mut groups: BTreeMap<RecordKind, Vec<(String, String)>> = BTreeMap::new();
    for record in records {
        let name = match record {
            Record::Child(c) => format!("{} {}", c.first_name, c.last_name),
            Record::Guardian(g) => g.name.clone(),
            Record::Parent(p) => format!("{} {}", p.first_name, p.last_name),
            Record::Volunteer(v) => v.name.clone(),
            _ => continue,
        };
        let key = record.key();
        groups.entry(key.kind).or_default().push((
            format!("{}:{}", key.kind.as_str(), key.id),
            name.trim().to_owned(),
        ));
    }
    let order = [
        RecordKind::Child,
        RecordKind::Guardian,
        RecordKind::Parent,
        RecordKind::Volunteer,
    ];
    order
        .into_iter()
        .filter_map(|kind| {
            let mut list = groups.remove(&kind)?;
            list.sort_by_key(|p| p.1.to_lowercase());
            Some((kind, list))
        })
        .collect()
}

/// The search as an address's query.
pub fn search_query(
    person: &str,
    action: &str,
    from: &str,
    to: &str,
    before: Option<i64>,
) -> String {
    let mut parts = vec![format!("limit={PAGE}")];
    for (name, value) in [
        ("person", person),
        ("action", action),
        ("from", from),
        ("to", to),
    ] {
        if !value.is_empty() {
            parts.push(format!("{name}={}", encode(value)));
        }
    }
    if let Some(before) = before {
        parts.push(format!("before={before}"));
    }
    parts.join("&")
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The words for what a row is about: its kind, and the name when the
/// record is on this device.
pub fn about(lang: Lang, row: &AuditEntry, names: &BTreeMap<String, String>) -> String {
    let kind = match row.kind.as_str() {
        "child" => t(lang, "audit-kind-child"),
        "guardian" => t(lang, "audit-kind-guardian"),
        "parent" => t(lang, "audit-kind-parent"),
        "volunteer" => t(lang, "audit-kind-volunteer"),
        "visit_right" => t(lang, "audit-kind-visit-right"),
        "trip" => t(lang, "audit-kind-trip"),
        "event" => t(lang, "audit-kind-step"),
        "report" => t(lang, "audit-kind-report"),
        "device" => t(lang, "audit-kind-device"),
        "account" => t(lang, "audit-kind-account"),
        "audit" => t(lang, "audit-kind-audit"),
        other => other.to_owned(),
    };
    match names.get(&format!("{}:{}", row.kind, row.record_id)) {
        Some(name) => format!("{kind}: {name}"),
        None => kind,
    }
}

fn action_words(lang: Lang, action: AuditAction) -> String {
    match action {
        AuditAction::Read => t(lang, "audit-read"),
        AuditAction::Write => t(lang, "audit-write"),
    }
}

/// The rows as a CSV file (RFC 4180, UTF-8 with a byte-order mark so that a
/// spreadsheet keeps the accents).
pub fn audit_csv(lang: Lang, rows: &[AuditEntry], names: &BTreeMap<String, String>) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        "audit-col-when",
        "audit-col-who",
        "audit-col-device",
        "audit-col-action",
        "audit-col-about",
        "audit-col-detail",
    ]
    .map(|k| field(&t(lang, k)));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        let cells = [
            row.at.to_rfc3339(),
            row.who.clone(),
            row.device.clone(),
            action_words(lang, row.action),
            about(lang, row, names),
            row.detail.clone(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn failure(lang: Lang, error: &TransportError) -> String {
    match error {
        TransportError::Offline(_) => t(lang, "office-offline"),
        TransportError::Refused(api) | TransportError::Unauthorized(api) => api.message.clone(),
        TransportError::Protocol(message) => message.clone(),
    }
}

#[component]
pub fn OfficeAudit() -> Element {
    let lang = use_lang();
    let device = use_device();
    let records: Vec<Record> = [
        RecordKind::Child,
        RecordKind::Guardian,
        RecordKind::Parent,
        RecordKind::Volunteer,
        RecordKind::Prison,
    ]
    .into_iter()
    .flat_map(|kind| device.store.list(kind).unwrap_or_default())
    .collect();
    let groups = people(&records);
    let names: BTreeMap<String, String> = groups
        .iter()
        .flat_map(|(_, list)| list.iter().cloned())
        .collect();
    let mut person = use_signal(String::new);
    let mut action = use_signal(String::new);
    let mut from = use_signal(String::new);
    let mut to = use_signal(String::new);
    let mut rows = use_signal(Vec::<AuditEntry>::new);
    let mut more = use_signal(|| false);
    let mut searched = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let fetch = use_callback(move |before: Option<i64>| {
        let Some(identity) = device.identity() else {
            return;
        };
        let query = search_query(&person(), &action(), &from(), &to(), before);
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = audit(&identity, &query).await;
            busy.set(false);
            match result {
                Ok(page) => {
                    more.set(page.len() == PAGE);
                    if before.is_some() {
                        rows.write().extend(page);
                    } else {
                        rows.set(page);
                    }
                    searched.set(true);
                }
                Err(e) => error.set(Some(failure(lang, &e))),
            }
        });
    });
    let shown = rows();
    let last_id = shown.last().map(|r| r.id);
    let csv = audit_csv(lang, &shown, &names);
    rsx! {
        h1 { {t(lang, "audit-title")} }
        p { class: "muted", {t(lang, "audit-intro")} }
        form {
            class: "card",
            novalidate: true,
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                if !busy() {
                    fetch.call(None);
                }
            },
            label { r#for: "audit-person", {t(lang, "audit-person")} }
            select {
                id: "audit-person",
                onchange: move |e| person.set(e.value()),
                option { value: "", selected: person().is_empty(), {t(lang, "audit-person-all")} }
                for (kind, list) in groups {
                    optgroup { key: "{kind:?}", label: group_label(lang, kind),
                        for (key, name) in list {
                            option { key: "{key}", value: "{key}", selected: person() == key, "{name}" }
                        }
                    }
                }
            }
            label { r#for: "audit-action", {t(lang, "audit-action")} }
            select {
                id: "audit-action",
                onchange: move |e| action.set(e.value()),
                option { value: "", {t(lang, "audit-action-all")} }
                option { value: "read", {t(lang, "audit-read")} }
                option { value: "write", {t(lang, "audit-write")} }
            }
            label { r#for: "audit-from", {t(lang, "audit-from")} }
            input { id: "audit-from", r#type: "date", value: "{from}", oninput: move |e| from.set(e.value()) }
            label { r#for: "audit-to", {t(lang, "audit-to")} }
            input { id: "audit-to", r#type: "date", value: "{to}", oninput: move |e| to.set(e.value()) }
            button { class: "button primary", r#type: "submit", disabled: busy(), {t(lang, "audit-search")} }
        }
        if let Some(message) = error() {
            p { class: "banner danger", role: "alert", "{message}" }
        }
        if searched() && shown.is_empty() {
            p { role: "status", {t(lang, "audit-none")} }
        }
        if !shown.is_empty() {
            table { class: "table",
                caption { {t(lang, "audit-rows")} }
                thead {
                    tr {
                        th { scope: "col", {t(lang, "audit-col-when")} }
                        th { scope: "col", {t(lang, "audit-col-who")} }
                        th { scope: "col", {t(lang, "audit-col-device")} }
                        th { scope: "col", {t(lang, "audit-col-action")} }
                        th { scope: "col", {t(lang, "audit-col-about")} }
                        th { scope: "col", {t(lang, "audit-col-detail")} }
                    }
                }
                tbody {
                    for row in shown.iter() {
                        tr { key: "{row.id}",
                            td { {format_day_time(lang, row.at)} }
                            td { if row.who.is_empty() { {t(lang, "audit-server")} } else { "{row.who}" } }
                            td { "{row.device}" }
                            td { {action_words(lang, row.action)} }
                            td { {about(lang, row, &names)} }
                            td { "{row.detail}" }
                        }
                    }
                }
            }
            div { class: "actions",
                if more() {
                    button {
                        class: "button",
                        disabled: busy(),
                        onclick: move |_| fetch.call(last_id),
                        {t(lang, "audit-older")}
                    }
                }
                CsvDownload { file_name: "audit.csv".to_owned(), csv, label: t(lang, "audit-download-csv") }
            }
        }
        Retention { lang, names: names.clone() }
    }
}

/// What the server removes on its own, and when.
#[component]
fn Retention(lang: Lang, names: BTreeMap<String, String>) -> Element {
    let device = use_device();
    let identity = device.identity();
    let preview = use_resource(move || {
        let identity = identity.clone();
        async move {
            match identity {
                Some(identity) => retention(&identity).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let body = match &*preview.read() {
        None => rsx! { p { class: "muted", {t(lang, "retention-loading")} } },
        Some(Err(e)) => rsx! { p { class: "banner danger", role: "alert", {failure(lang, e)} } },
        Some(Ok(None)) => rsx! {},
        Some(Ok(Some(p))) => {
            let counts = |c: &crate::protocol::RetentionCounts| {
                tr(
                    lang,
                    "retention-counts",
                    &[
                        ("notes", c.notes.into()),
                        ("children", c.children.into()),
                        ("people", c.people.into()),
                        ("audit", c.audit_rows.into()),
                    ],
                )
            };
            let items: Vec<(String, String)> = p
                .next
                .iter()
                .map(|item| {
                    let what = AuditEntry {
                        id: 0,
                        at: item.due,
                        account_id: None,
                        device_id: None,
                        action: AuditAction::Write,
                        kind: item.kind.clone(),
                        record_id: item.record_id.clone(),
                        detail: String::new(),
                        who: String::new(),
                        device: String::new(),
                    };
                    (
                        format_date(lang, local_date(item.due)),
                        about(lang, &what, &names),
                    )
                })
                .collect();
            rsx! {
                p {
                    {tr(lang, "retention-policy", &[
                        ("notes", p.notes_days.into()),
                        ("children", p.children_days.into()),
                        ("audit", p.audit_days.into()),
                    ])}
                }
                p { strong { {t(lang, "retention-now")} } " " {counts(&p.due_now)} }
                p { strong { {t(lang, "retention-soon")} } " " {counts(&p.within_30_days)} }
                if !items.is_empty() {
                    ul {
                        for (i, (day, what)) in items.into_iter().enumerate() {
                            li { key: "{i}", "{day} · {what}" }
                        }
                    }
                }
            }
        }
    };
    rsx! {
        section { class: "card", "aria-labelledby": "retention-title",
            h2 { id: "retention-title", {t(lang, "retention-title")} }
            {body}
        }
    }
}

fn group_label(lang: Lang, kind: RecordKind) -> String {
    match kind {
        RecordKind::Child => t(lang, "audit-group-children"),
        RecordKind::Guardian => t(lang, "audit-group-families"),
        RecordKind::Parent => t(lang, "audit-group-parents"),
        _ => t(lang, "audit-group-volunteers"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn row(id: i64, kind: &str, record: &str, who: &str, detail: &str) -> AuditEntry {
        AuditEntry {
            id,
            at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap(),
            account_id: None,
            device_id: None,
            action: AuditAction::Read,
            kind: kind.to_owned(),
            record_id: record.to_owned(),
            detail: detail.to_owned(),
            who: who.to_owned(),
            device: "Téléphone d'Anne".to_owned(),
        }
    }

    #[test]
    fn the_search_is_written_as_a_query_with_only_what_was_chosen() {
        assert_eq!(search_query("", "", "", "", None), "limit=50");
        assert_eq!(
            search_query("child:c 1", "read", "2026-01-01", "", Some(42)),
            "limit=50&person=child:c%201&action=read&from=2026-01-01&before=42"
        );
    }

    #[test]
    fn the_csv_keeps_accents_commas_and_quotes_in_their_cells() {
        let mut names = BTreeMap::new();
        names.insert("child:c-1".to_owned(), "Léa Dubois".to_owned());
        let rows = [row(1, "child", "c-1", "Anne, \"coordinatrice\"", "sync")];
        let csv = audit_csv(Lang::Fr, &rows, &names);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 3, "a header, one row, the final line end");
        assert!(lines[1].contains("\"Anne, \"\"coordinatrice\"\"\""));
        assert!(lines[1].contains("Léa Dubois"));
        assert!(lines[1].contains("Téléphone d'Anne"));
    }

    #[test]
    fn a_row_names_the_record_when_this_device_holds_it() {
        let mut names = BTreeMap::new();
        names.insert("child:c-1".to_owned(), "Léa Dubois".to_owned());
        let known = row(1, "child", "c-1", "Anne", "");
        let unknown = row(2, "trip", "t-9", "Anne", "");
        assert!(about(Lang::En, &known, &names).ends_with(": Léa Dubois"));
        assert!(!about(Lang::En, &unknown, &names).contains(':'));
    }
}
