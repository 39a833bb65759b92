//! A list the volunteer ticks before going in. Ticks stay while the app is
//! open; they are a reminder, not a record.

use dioxus::prelude::*;
use std::collections::HashSet;

#[component]
pub fn Checklist(items: Vec<String>, done_text: String) -> Element {
    let mut ticked = use_signal(HashSet::<usize>::new);
    let all_done = !items.is_empty() && ticked.read().len() == items.len();
    rsx! {
        ul { class: "checklist",
            for (i, item) in items.iter().enumerate() {
                li { key: "{i}",
                    label {
                        input {
                            r#type: "checkbox",
                            checked: ticked.read().contains(&i),
                            onchange: move |_| {
                                let mut set = ticked.write();
                                if !set.remove(&i) {
                                    set.insert(i);
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
