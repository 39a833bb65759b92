//! Translations (Fluent: assets/locales/{fr,nl,en}/*.ftl, embedded in the
//! binary so that a phone without network has every text) and the way dates
//! and times are shown: Europe/Brussels, 24-hour clock, day and month names in
//! the screen's language.
//!
//! Depends on `domain` only (for [`Language`]). Screens never build sentences
//! by hand: every visible word comes from a `.ftl` file, so that translators
//! can keep the words plain.

mod dates;

pub use dates::{format_date, format_day_time, format_time, local_date};

use crate::domain::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The language of the screens. German is a language a child may speak, but
/// the screens exist in French, Dutch and English only; German falls back to
/// English.
pub type Lang = Language;

/// The languages the screens are written in, in the order settings offer them.
pub const SCREEN_LANGUAGES: [Lang; 3] = [Language::Fr, Language::Nl, Language::En];

/// The files of one language, joined in one source: `main.ftl` (the phone,
/// the workspace's records), then one file per part of the product, so that
/// each part keeps its words together.
macro_rules! locale {
    ($code:literal) => {
        concat!(
            include_str!(concat!("../../assets/locales/", $code, "/main.ftl")),
            "\n",
            include_str!(concat!("../../assets/locales/", $code, "/planning.ftl")),
            "\n",
            include_str!(concat!("../../assets/locales/", $code, "/family.ftl")),
            "\n",
            include_str!(concat!("../../assets/locales/", $code, "/figures.ftl")),
            server_only!($code),
        )
    };
}

/// The words of the families' own pages, calendar and notices, which only
/// the server writes (`server::family`): in the server's build only, so
/// that the apps (the web app's wasm among them) do not carry them.
#[cfg(feature = "server")]
macro_rules! server_only {
    ($code:literal) => {
        concat!(
            "\n",
            include_str!(concat!("../../assets/locales/", $code, "/family-page.ftl"))
        )
    };
}
#[cfg(not(feature = "server"))]
macro_rules! server_only {
    ($code:literal) => {
        ""
    };
}

/// The source of each language's translations.
pub const SOURCES: [(Lang, &str); 3] = [
    (Language::Fr, locale!("fr")),
    (Language::Nl, locale!("nl")),
    (Language::En, locale!("en")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [(Lang, Bundle)] {
    static BUNDLES: OnceLock<Vec<(Lang, Bundle)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, source)| (*lang, build_bundle(*lang, source)))
            .collect()
    })
}

fn build_bundle(lang: Lang, source: &str) -> Bundle {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks around names would end up in copied text and in tests;
    // every placeable here is a name, a number or a time, never mixed-direction.
    bundle.set_use_isolating(false);
    // A broken line in a file must not take the whole language down: Fluent
    // keeps every entry it could read, and `all_keys_exist_in_every_language`
    // catches the rest.
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle_for(lang: Lang) -> Option<&'static Bundle> {
    bundles().iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

fn format_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
    let bundle = bundle_for(lang)?;
    let pattern = bundle.get_message(key)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// The text of `key` in `lang`, with its arguments; falls back to English,
/// then to the key itself (a missing text shows up, it never crashes).
pub fn tr(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    format_in(lang, key, args)
        .or_else(|| format_in(Language::En, key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// Whether `lang` has its own text for `key` (no fallback to English).
pub fn has_key(lang: Lang, key: &str) -> bool {
    bundle_for(lang).is_some_and(|b| b.get_message(key).and_then(|m| m.value()).is_some())
}

/// The text of `key` without arguments.
pub fn t(lang: Lang, key: &str) -> String {
    tr(lang, key, &[])
}

/// The screen language for a locale tag such as `nl-BE`, `fr_BE.UTF-8` or `en`.
pub fn lang_from_tag(tag: &str) -> Option<Lang> {
    let primary = tag
        .split(['-', '_', '.'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    SCREEN_LANGUAGES.into_iter().find(|l| l.code() == primary)
}

/// The message ids of one translation file (tests compare them across files).
pub fn keys_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests;
