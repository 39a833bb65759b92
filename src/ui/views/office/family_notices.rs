//! Notices to families: what was sent by e-mail, to whom and when, what
//! failed (it is tried again), what is left to tell by phone or text message
//! (the text ready), and what families said ("we cannot come"), to act on.
//! Needs the server: offline, the screen says so.

use super::family_link::{failure, sms_link};
use crate::domain::{GuardianId, Record, RecordKind};
use crate::i18n::{format_day_time, t, tr, Lang};
use crate::protocol::{FamilyNotice, NoticeChannel, NoticeStatus};
use crate::sync::office::{family_notices, notice_done};
use crate::ui::text_keys;
use crate::ui::{use_device, use_lang, Route};
use dioxus::prelude::*;
use std::collections::HashMap;

#[component]
pub fn FamilyNotices() -> Element {
    let lang = use_lang();
    let device = use_device();
    let identity = device.identity();
    let mut changed = use_signal(|| 0u32);
    let list = use_resource(use_reactive((&changed(),), move |_| {
        let identity = identity.clone();
        async move {
            match identity {
                Some(identity) => family_notices(&identity, None).await,
                None => Ok(Vec::new()),
            }
        }
    }));
    let families: HashMap<GuardianId, (String, String)> = device
        .store
        .list(RecordKind::Guardian)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| match r {
            Record::Guardian(g) => Some((g.id, (g.name, g.phone))),
            _ => None,
        })
        .collect();
    let mut problem = use_signal(|| None::<String>);
    let done_identity = device.identity();
    let done = use_callback(move |id: i64| {
        let Some(identity) = done_identity.clone() else {
            return;
        };
        spawn(async move {
            match notice_done(&identity, id).await {
                Ok(()) => changed += 1,
                Err(e) => problem.set(Some(failure(lang, &e))),
            }
        });
    });
    let body = match &*list.read() {
        None => rsx! { p { class: "muted", {t(lang, "notices-loading")} } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {failure(lang, e)} } },
        Some(Ok(rows)) => {
            let (todo, rest): (Vec<FamilyNotice>, Vec<FamilyNotice>) = rows
                .iter()
                .cloned()
                .partition(|n| n.status.needs_coordinator());
            rsx! {
                h2 { {tr(lang, "notices-todo", &[("count", todo.len().into())])} }
                if todo.is_empty() {
                    p { class: "muted", {t(lang, "notices-todo-none")} }
                }
                NoticeTable { lang, rows: todo, families: families.clone(), on_done: done }
                h2 { {t(lang, "notices-history")} }
                if rest.is_empty() {
                    p { class: "muted", {t(lang, "notices-none")} }
                }
                NoticeTable { lang, rows: rest, families, on_done: done }
            }
        }
    };
    rsx! {
        h1 { {t(lang, "office-nav-notices")} }
        p { {t(lang, "notices-explain")} }
        if let Some(message) = problem() {
            p { class: "error", role: "alert", "{message}" }
        }
        {body}
    }
}

/// The notices of one family, on the family's page.
#[component]
pub(super) fn FamilyNoticesOf(guardian: GuardianId, name: String, phone: String) -> Element {
    let lang = use_lang();
    let device = use_device();
    let identity = device.identity();
    let mut changed = use_signal(|| 0u32);
    let id = guardian.clone();
    let list = use_resource(use_reactive((&changed(),), move |_| {
        let identity = identity.clone();
        let id = id.clone();
        async move {
            match identity {
                Some(identity) => family_notices(&identity, Some(&id)).await,
                None => Ok(Vec::new()),
            }
        }
    }));
    let mut problem = use_signal(|| None::<String>);
    let done_identity = device.identity();
    let done = use_callback(move |id: i64| {
        let Some(identity) = done_identity.clone() else {
            return;
        };
        spawn(async move {
            match notice_done(&identity, id).await {
                Ok(()) => changed += 1,
                Err(e) => problem.set(Some(failure(lang, &e))),
            }
        });
    });
    let families: HashMap<GuardianId, (String, String)> =
        [(guardian, (name, phone))].into_iter().collect();
    rsx! {
        section { class: "card",
            h2 { {t(lang, "office-nav-notices")} }
            if let Some(message) = problem() {
                p { class: "error", role: "alert", "{message}" }
            }
            match &*list.read() {
                None => rsx! { p { class: "muted", {t(lang, "notices-loading")} } },
                Some(Err(e)) => rsx! { p { class: "error", role: "alert", {failure(lang, e)} } },
                Some(Ok(rows)) if rows.is_empty() => rsx! { p { class: "muted", {t(lang, "notices-none")} } },
                Some(Ok(rows)) => rsx! { NoticeTable { lang, rows: rows.clone(), families, on_done: done } },
            }
        }
    }
}

#[component]
fn NoticeTable(
    lang: Lang,
    rows: Vec<FamilyNotice>,
    families: HashMap<GuardianId, (String, String)>,
    on_done: EventHandler<i64>,
) -> Element {
    if rows.is_empty() {
        return VNode::empty();
    }
    rsx! {
        table { class: "records notices",
            thead {
                tr {
                    th { scope: "col", {t(lang, "notices-col-when")} }
                    th { scope: "col", {t(lang, "notices-col-family")} }
                    th { scope: "col", {t(lang, "notices-col-what")} }
                    th { scope: "col", {t(lang, "notices-col-how")} }
                    th { scope: "col", {t(lang, "notices-col-status")} }
                    th { scope: "col", {t(lang, "notices-col-action")} }
                }
            }
            tbody {
                for notice in rows {
                    tr { key: "{notice.id}",
                        td { {format_day_time(lang, notice.created_at)} }
                        td {
                            match families.get(&notice.guardian_id) {
                                Some((name, _)) => rsx! { Link { to: Route::GuardianEdit { id: notice.guardian_id.clone() }, "{name}" } },
                                None => rsx! { "{notice.guardian_id}" },
                            }
                        }
                        td {
                            strong { {t(lang, &text_keys::notice_kind(notice.kind))} }
                            details {
                                summary { "{notice.subject}" }
                                p { class: "notice-text", "{notice.body}" }
                            }
                        }
                        td {
                            {t(lang, &text_keys::notice_channel(notice.channel))}
                            br {}
                            match notice.channel {
                                NoticeChannel::Email => rsx! { "{notice.recipient}" },
                                _ => rsx! { a { href: "tel:{notice.recipient}", "{notice.recipient}" } },
                            }
                        }
                        td {
                            {t(lang, &text_keys::notice_status(notice.status))}
                            if let Some(at) = notice.sent_at {
                                br {}
                                {format_day_time(lang, at)}
                            }
                            if let Some(error) = notice.last_error.clone() {
                                if notice.status == NoticeStatus::Failed {
                                    p { class: "error", {tr(lang, "notices-failed", &[("attempts", notice.attempts.into()), ("error", error.into())])} }
                                }
                            }
                        }
                        td {
                            if notice.status == NoticeStatus::ToTell {
                                a { class: "button secondary", href: sms_link(&notice.recipient, &notice.body), {t(lang, "notices-sms")} }
                            }
                            if notice.status.needs_coordinator() {
                                button {
                                    class: "secondary",
                                    onclick: {
                                        let id = notice.id;
                                        move |_| on_done.call(id)
                                    },
                                    if notice.status == NoticeStatus::ToAct { {t(lang, "notices-acted")} } else { {t(lang, "notices-told")} }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
