//! A list the volunteer ticks before going in. The ticks are a reminder, not
//! a record: they stay on this device only, for the day, so that leaving the
//! screen or closing the app does not untick them, and start afresh the next
//! day.

use crate::i18n::local_date;
use crate::ui::use_device;
use chrono::NaiveDate;
use dioxus::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The ticks of one checklist, as kept on the device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Ticks {
    day: Option<NaiveDate>,
    ticked: BTreeSet<String>,
}

/// `items` are (key, text) pairs: the key stays the same in every language.
/// `remember_as` names the list on the device (one per prison).
#[component]
pub fn Checklist(items: Vec<(String, String)>, done_text: String, remember_as: String) -> Element {
    let app = use_device();
    let today = local_date(app.now());
    let name = format!("checklist/{remember_as}");
    let load_app = app.clone();
    let load_name = name.clone();
    let mut ticks = use_signal(move || {
        let stored: Ticks = match load_app.store.device_value(&load_name) {
            Ok(Some(value)) => serde_json::from_value(value).unwrap_or_default(),
            _ => Ticks::default(),
        };
        if stored.day == Some(today) {
            stored
        } else {
            Ticks::default()
        }
    });
    let all_done = !items.is_empty() && items.iter().all(|(k, _)| ticks.read().ticked.contains(k));
    rsx! {
        ul { class: "checklist",
            for (key, item) in items.iter().cloned() {
                li { key: "{key}",
                    label {
                        input {
                            r#type: "checkbox",
                            checked: ticks.read().ticked.contains(&key),
                            onchange: {
                                let app = app.clone();
                                let name = name.clone();
                                move |_| {
                                    let mut now = ticks.write();
                                    now.day = Some(today);
                                    if !now.ticked.remove(&key) {
                                        now.ticked.insert(key.clone());
                                    }
                                    // Only a reminder: a failed write leaves the tick on screen.
                                    if let Ok(value) = serde_json::to_value(&*now) {
                                        let _ = app.store.set_device_value(&name, Some(&value));
                                    }
                                }
                            },
                        }
                        span { "{item}" }
                    }
                }
            }
        }
        if all_done {
            p { class: "ok", "{done_text}" }
        }
    }
}
