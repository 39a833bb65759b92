//! The family's page: plain HTML and CSS built here, no script, a few
//! kilobytes, large text, a print layout, and the three languages one tap
//! away. Every value is escaped; every word comes from `texts`/Fluent.

use super::texts::{self, CannotCome};
use super::view::{FamilyView, VisitView};
use crate::domain::Language;
use crate::i18n::{format_date, format_time, local_date, tr, SCREEN_LANGUAGES};
use fluent_bundle::FluentValue;
use std::fmt::Write;

/// Escapes text for HTML content and quoted attributes.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn t(lang: Language, key: &str) -> String {
    escape(&tr(lang, key, &[]))
}

fn ta(lang: Language, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    escape(&tr(lang, key, args))
}

/// Large text, high contrast, one column; cards on screen, plain lines on paper.
const STYLE: &str = "body{margin:0;font:1.25rem/1.5 system-ui,sans-serif;color:#111;background:#fff}\
main{max-width:40rem;margin:0 auto;padding:0 1rem 2rem}\
h1{font-size:1.7rem;margin:.6rem 0}h2{font-size:1.35rem;margin:0 0 .3rem}\
nav{display:flex;gap:.25rem;flex-wrap:wrap;padding:.25rem .5rem;background:#eee;font-size:1rem}\
nav a{padding:.4rem .7rem;min-height:44px;box-sizing:border-box;color:#0b3d91}\
nav a[aria-current]{font-weight:700;text-decoration:none;color:#111}\
.visit{border:2px solid #555;border-radius:.6rem;padding:.8rem;margin:1rem 0}\
.cancelled{border-color:#a00;background:#fff3f3}.cancelled h2{text-decoration:line-through}\
.tag{font-weight:700;margin:.2rem 0}.cancelled .tag{color:#a00}\
dl{margin:.4rem 0}dt{font-weight:700}dd{margin:0 0 .4rem}\
a{color:#0b3d91}.call{font-size:1.4rem;font-weight:700}\
button{font:inherit;padding:.6rem 1rem;min-height:44px;border-radius:.4rem;border:2px solid #111;background:#fff}\
button.go{background:#0b3d91;color:#fff;border-color:#0b3d91}\
summary{cursor:pointer;color:#0b3d91;min-height:44px;padding:.3rem 0}\
label{display:block;padding:.4rem 0}input{width:1.3rem;height:1.3rem}\
@media print{nav,details,.noprint{display:none}body{font-size:12pt}\
.visit{break-inside:avoid;border:1px solid #000;background:none}}";

fn head(out: &mut String, lang: Language, title: &str) {
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<meta name=\"robots\" content=\"noindex\"><title>{title}</title><style>{STYLE}</style></head><body>",
        lang.code()
    );
}

/// The language switch: each language named in itself.
fn switch(out: &mut String, lang: Language, here: &str) {
    let _ = write!(out, "<nav aria-label=\"{}\">", t(lang, "family-language"));
    for other in SCREEN_LANGUAGES {
        let current = if other == lang {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<a href=\"{here}?lang={code}\" lang=\"{code}\" hreflang=\"{code}\"{current}>{name}</a>",
            code = other.code(),
            name = t(other, "family-language-name"),
        );
    }
    out.push_str("</nav>");
}

fn call_line(out: &mut String, lang: Language, phone: &str) {
    if phone.is_empty() {
        let _ = write!(
            out,
            "<p class=\"call\">{}</p>",
            t(lang, "family-call-no-number")
        );
        return;
    }
    let dial: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let _ = write!(
        out,
        "<p class=\"call\">{} <a href=\"tel:{}\">{}</a></p>",
        t(lang, "family-call"),
        escape(&dial),
        escape(phone)
    );
}

/// What the family's page needs besides the view.
pub(crate) struct PageContext<'a> {
    pub lang: Language,
    /// `/f/<token>`: the page's own path.
    pub base: &'a str,
    /// `webcal://host/f/<token>/calendar.ics`, when the host is known.
    pub webcal: Option<String>,
    pub phone: &'a str,
}

fn visit_card(out: &mut String, cx: &PageContext<'_>, visit: &VisitView) {
    let lang = cx.lang;
    let date = format_date(lang, local_date(visit.visit_start));
    let class = if visit.cancelled.is_some() {
        "visit cancelled"
    } else {
        "visit"
    };
    let _ = write!(out, "<section class=\"{class}\"><h2>{}</h2>", escape(&date));
    let who = texts::names(lang, &visit.children);
    let _ = write!(
        out,
        "<p>{}</p>",
        ta(
            lang,
            "family-visit-of",
            &[
                ("children", FluentValue::from(who)),
                ("parent", FluentValue::from(visit.parent.clone())),
                ("count", FluentValue::from(visit.children.len())),
            ]
        )
    );
    if visit.cancelled.is_some() {
        let reason = tr(lang, texts::reason_key(visit.cancelled), &[]);
        let _ = write!(
            out,
            "<p class=\"tag\">{}</p>",
            ta(
                lang,
                "family-cancelled",
                &[("reason", FluentValue::from(reason))]
            )
        );
    }
    if let (Some(former), None) = (visit.moved_from, visit.cancelled) {
        let _ = write!(
            out,
            "<p class=\"tag\">{}</p>",
            ta(
                lang,
                "family-moved",
                &[(
                    "former",
                    FluentValue::from(format_date(lang, local_date(former)))
                )]
            )
        );
    }
    if !visit.confirmed && visit.cancelled.is_none() {
        let _ = write!(out, "<p class=\"tag\">{}</p>", t(lang, "family-to-confirm"));
    }
    let place = match &visit.place {
        Some(place) => escape(place),
        None => t(lang, "family-place-unknown"),
    };
    let volunteer = match &visit.volunteer {
        Some(name) => escape(name),
        None => t(lang, "family-volunteer-unknown"),
    };
    let _ = write!(
        out,
        "<dl><dt>{}</dt><dd><b>{}</b> · {place}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{volunteer}</dd></dl>",
        t(lang, "family-handover"),
        format_time(visit.meet_at),
        t(lang, "family-return"),
        format_time(visit.expected_return),
        t(lang, "family-volunteer"),
    );
    if visit.cancelled.is_none() {
        let _ = write!(
            out,
            "<details><summary>{}</summary><form method=\"post\" action=\"{}/cannot-come\">\
<input type=\"hidden\" name=\"trip\" value=\"{}\"><input type=\"hidden\" name=\"lang\" value=\"{}\">\
<fieldset><legend>{}</legend>",
            t(lang, "family-cannot-come"),
            cx.base,
            escape(visit.trip_id.as_str()),
            lang.code(),
            t(lang, "family-cannot-come-why"),
        );
        for (i, said) in CannotCome::ALL.into_iter().enumerate() {
            let _ = write!(
                out,
                "<label><input type=\"radio\" name=\"reason\" value=\"{}\"{}> {}</label>",
                said.code(),
                if i == 0 { " checked" } else { "" },
                t(lang, said.key())
            );
        }
        let _ = write!(
            out,
            "</fieldset><button type=\"submit\">{}</button></form></details>",
            t(lang, "family-cannot-come-next")
        );
    }
    out.push_str("</section>");
}

/// The whole page of a family's link.
pub(crate) fn family_page(cx: &PageContext<'_>, view: &FamilyView) -> String {
    let lang = cx.lang;
    let mut out = String::with_capacity(4096);
    head(&mut out, lang, &t(lang, "family-title"));
    switch(&mut out, lang, cx.base);
    let _ = write!(out, "<main><h1>{}</h1>", t(lang, "family-title"));
    if !view.children.is_empty() {
        let _ = write!(
            out,
            "<p>{}</p>",
            ta(
                lang,
                "family-for",
                &[(
                    "children",
                    FluentValue::from(texts::names(lang, &view.children))
                )]
            )
        );
    }
    call_line(&mut out, lang, cx.phone);
    if view.visits.is_empty() {
        let _ = write!(out, "<p>{}</p>", t(lang, "family-no-visit"));
    }
    for visit in &view.visits {
        visit_card(&mut out, cx, visit);
    }
    out.push_str("<p class=\"noprint\">");
    if let Some(webcal) = &cx.webcal {
        let _ = write!(
            out,
            "<a href=\"{}\">{}</a><br>",
            escape(webcal),
            t(lang, "family-calendar")
        );
    }
    let _ = write!(
        out,
        "<a href=\"{}/calendar.ics?lang={}\">{}</a><br>{}</p></main></body></html>",
        cx.base,
        lang.code(),
        t(lang, "family-calendar-file"),
        t(lang, "family-print-hint"),
    );
    out
}

/// The step before "we cannot come" reaches the coordination.
pub(crate) fn confirm_page(cx: &PageContext<'_>, visit: &VisitView, said: CannotCome) -> String {
    let lang = cx.lang;
    let mut out = String::with_capacity(2048);
    head(&mut out, lang, &t(lang, "family-confirm-title"));
    let date = format_date(lang, local_date(visit.visit_start));
    let _ = write!(
        out,
        "<main><h1>{}</h1><p>{}</p><p><b>{}</b></p>\
<form method=\"post\" action=\"{}/cannot-come\"><input type=\"hidden\" name=\"trip\" value=\"{}\">\
<input type=\"hidden\" name=\"reason\" value=\"{}\"><input type=\"hidden\" name=\"lang\" value=\"{}\">\
<input type=\"hidden\" name=\"confirm\" value=\"yes\"><button class=\"go\" type=\"submit\">{}</button></form>\
<p><a href=\"{}?lang={}\">{}</a></p></main></body></html>",
        t(lang, "family-confirm-title"),
        ta(
            lang,
            "family-confirm-text",
            &[
                ("children", FluentValue::from(texts::names(lang, &visit.children))),
                ("date", FluentValue::from(date)),
            ]
        ),
        t(lang, said.key()),
        cx.base,
        escape(visit.trip_id.as_str()),
        said.code(),
        lang.code(),
        t(lang, "family-confirm-yes"),
        cx.base,
        lang.code(),
        t(lang, "family-confirm-no"),
    );
    out
}

/// After "we cannot come" reached the coordination.
pub(crate) fn told_page(cx: &PageContext<'_>) -> String {
    let lang = cx.lang;
    let mut out = String::with_capacity(2048);
    head(&mut out, lang, &t(lang, "family-told"));
    let _ = write!(out, "<main><h1>{}</h1>", t(lang, "family-told"));
    call_line(&mut out, lang, cx.phone);
    let _ = write!(
        out,
        "<p><a href=\"{}?lang={}\">{}</a></p></main></body></html>",
        cx.base,
        lang.code(),
        t(lang, "family-back")
    );
    out
}

/// A link that does not (or no longer) work: that, and a phone number.
pub(crate) fn ended_page(lang: Language, phone: &str) -> String {
    let mut out = String::with_capacity(1024);
    head(&mut out, lang, &t(lang, "family-ended"));
    let _ = write!(out, "<main><h1>{}</h1>", t(lang, "family-ended"));
    call_line(&mut out, lang, phone);
    out.push_str("</main></body></html>");
    out
}

/// Too many wrong links from one network.
pub(crate) fn too_many_page(lang: Language, phone: &str) -> String {
    let mut out = String::with_capacity(1024);
    head(&mut out, lang, &t(lang, "family-too-many"));
    let _ = write!(out, "<main><h1>{}</h1>", t(lang, "family-too-many"));
    call_line(&mut out, lang, phone);
    out.push_str("</main></body></html>");
    out
}

/// A visit that is not (or no longer) on this family's page.
pub(crate) fn no_such_visit_page(cx: &PageContext<'_>) -> String {
    let lang = cx.lang;
    let mut out = String::with_capacity(1024);
    head(&mut out, lang, &t(lang, "family-no-such-visit"));
    let _ = write!(out, "<main><h1>{}</h1>", t(lang, "family-no-such-visit"));
    call_line(&mut out, lang, cx.phone);
    let _ = write!(
        out,
        "<p><a href=\"{}?lang={}\">{}</a></p></main></body></html>",
        cx.base,
        lang.code(),
        t(lang, "family-back")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_is_shown_as_text() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn an_ended_link_says_so_with_the_number_and_nothing_else() {
        let page = ended_page(Language::Nl, "+32 2 000 00 00");
        assert!(page.contains("tel:+3220000000"));
        assert!(!page.contains("<form"));
        assert!(!page.contains("<nav"));
        assert!(!page.contains("<script"));
    }
}
