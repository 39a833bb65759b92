//! How a PDF's pages are laid out: A4 landscape, the heading and the period
//! on each page, a cursor going down; text measured in DejaVu Sans (cut to
//! its column with an ellipsis, column titles wrapped), bars and rules as
//! vector shapes.

use super::PdfError;
use crate::figures::csv::{hours, month_key};
use crate::figures::{Period, Tally};
use crate::i18n::{t, tr, Lang};
use chrono::{Datelike, NaiveDate};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::text::{Font, TextDirection};
use krilla::Document;

/// DejaVu Sans (assets/fonts, with its licence).
static FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

pub(super) const WIDTH: f32 = 842.0;
pub(super) const HEIGHT: f32 = 595.0;
pub(super) const MARGIN: f32 = 40.0;
/// Where the content of a page starts, under its heading.
pub(super) const TOP: f32 = 108.0;
pub(super) const BOTTOM: f32 = HEIGHT - MARGIN;
pub(super) const ROW: f32 = 16.0;

pub(super) const INK: (u8, u8, u8) = (0x22, 0x22, 0x22);
pub(super) const MUTED: (u8, u8, u8) = (0x66, 0x66, 0x66);
pub(super) const BAR: (u8, u8, u8) = (0xc8, 0x10, 0x2e);
pub(super) const RULE: (u8, u8, u8) = (0xbb, 0xbb, 0xbb);

/// One drawing operation of a page, kept until the document is written.
enum Mark {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: (u8, u8, u8),
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
    },
}

/// Pages being laid out, top to bottom, with a cursor.
pub(super) struct Pages {
    lang: Lang,
    font: Font,
    heading: String,
    period_line: String,
    pages: Vec<Vec<Mark>>,
    pub(super) y: f32,
}

impl Pages {
    pub(super) fn new(
        lang: Lang,
        network: &str,
        title: &str,
        period: Period,
    ) -> Result<Pages, PdfError> {
        let font = Font::new(FONT.into(), 0).ok_or(PdfError::Font)?;
        Ok(Pages {
            lang,
            font,
            heading: format!("{network} — {title}"),
            period_line: tr(
                lang,
                "figures-report-period",
                &[
                    ("from", long_date(lang, period.from).into()),
                    ("until", long_date(lang, period.until).into()),
                ],
            ),
            pages: Vec::new(),
            y: TOP,
        })
    }

    pub(super) fn start_page(&mut self) {
        self.pages.push(Vec::new());
        let (heading, period) = (self.heading.clone(), self.period_line.clone());
        self.text(MARGIN, MARGIN + 14.0, 18.0, &heading, INK);
        self.text(MARGIN, MARGIN + 36.0, 11.0, &period, MUTED);
        self.rule(MARGIN, WIDTH - MARGIN, MARGIN + 46.0);
        self.y = TOP;
    }

    fn mark(&mut self, mark: Mark) {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, text: &str, color: (u8, u8, u8)) {
        self.mark(Mark::Text {
            x,
            y,
            size,
            text: text.to_owned(),
            color,
        });
    }

    /// Text that ends at `right`.
    pub(super) fn text_right(
        &mut self,
        right: f32,
        y: f32,
        size: f32,
        text: &str,
        color: (u8, u8, u8),
    ) {
        self.text(right - width(text, size), y, size, text, color);
    }

    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: (u8, u8, u8)) {
        self.mark(Mark::Rect { x, y, w, h, color });
    }

    pub(super) fn rule(&mut self, from: f32, to: f32, y: f32) {
        self.rect(from, y, to - from, 0.6, RULE);
    }

    pub(super) fn subtitle(&mut self, text: &str) {
        self.text(MARGIN, self.y, 14.0, text, INK);
        self.y += ROW + 8.0;
    }

    /// Bars with their value on top and their label under, in a band of the
    /// page from `top`, `height` high.
    pub(super) fn bar_chart(
        &mut self,
        top: f32,
        height: f32,
        title: &str,
        bars: &[(String, usize)],
    ) {
        self.text(MARGIN, top, 13.0, title, INK);
        let base = top + height - 18.0;
        let area = height - 54.0;
        let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f32;
        let span = (WIDTH - 2.0 * MARGIN) / bars.len().max(1) as f32;
        let bar = (span * 0.6).min(60.0);
        self.rule(MARGIN, WIDTH - MARGIN, base);
        if bars.is_empty() {
            let none = t(self.lang, "figures-report-none");
            self.text(MARGIN, top + 30.0, 11.0, &none, MUTED);
            return;
        }
        let label_size = if span < 70.0 { 8.0 } else { 9.0 };
        for (i, (label, value)) in bars.iter().enumerate() {
            let x = MARGIN + span * i as f32 + (span - bar) / 2.0;
            let h = area * (*value as f32) / max;
            if h > 0.0 {
                self.rect(x, base - h, bar, h, BAR);
            }
            let center = x + bar / 2.0;
            let value = value.to_string();
            self.text(
                center - width(&value, 9.0) / 2.0,
                base - h - 4.0,
                9.0,
                &value,
                INK,
            );
            let label = fit(label, span - 4.0, label_size);
            let lw = width(&label, label_size);
            self.text(center - lw / 2.0, base + 13.0, label_size, &label, MUTED);
        }
    }

    /// A table of slices (months or prisons): one row each, the counts in
    /// columns, headers wrapped on two lines.
    pub(super) fn slice_table(&mut self, heading: &str, rows: &[(String, &Tally)]) {
        let lang = self.lang;
        let heads = [
            t(lang, "figures-planned"),
            t(lang, "figures-done"),
            t(lang, "figures-cancelled"),
            t(lang, "figures-children"),
            t(lang, "figures-kilometres"),
            t(lang, "figures-hours"),
            t(lang, "figures-owed"),
            t(lang, "figures-caught-up"),
        ];
        let first = 200.0;
        let column = (WIDTH - 2.0 * MARGIN - first) / heads.len() as f32;
        let right = |i: usize| MARGIN + first + column * (i as f32 + 1.0) - 6.0;
        let header = |doc: &mut Pages| {
            let size = 8.5;
            doc.text(MARGIN, doc.y + 10.0, size, heading, MUTED);
            for (i, head) in heads.iter().enumerate() {
                let lines = wrap(head, column - 10.0, size);
                for (n, line) in lines.iter().take(2).enumerate() {
                    doc.text_right(right(i), doc.y + n as f32 * 10.0, size, line, MUTED);
                }
            }
            doc.y += 16.0;
            doc.rule(MARGIN, WIDTH - MARGIN, doc.y);
            doc.y += ROW;
        };
        header(self);
        for (name, tally) in rows {
            if self.y > BOTTOM {
                self.start_page();
                header(self);
            }
            let name = fit(name, first - 8.0, 10.0);
            self.text(MARGIN, self.y, 10.0, &name, INK);
            let values = [
                tally.planned.to_string(),
                tally.done.to_string(),
                tally.cancelled.to_string(),
                tally.children.to_string(),
                tally.kilometres.to_string(),
                hours(tally),
                tally.owed.to_string(),
                tally.caught_up.to_string(),
            ];
            for (i, value) in values.iter().enumerate() {
                self.text_right(right(i), self.y, 10.0, value, INK);
            }
            self.y += ROW;
        }
    }

    pub(super) fn finish(self) -> Result<Vec<u8>, PdfError> {
        let mut document = Document::new();
        document.set_metadata(
            krilla::metadata::Metadata::new()
                .title(self.heading.clone())
                .language(self.lang.code().to_owned()),
        );
        for marks in &self.pages {
            let settings = PageSettings::from_wh(WIDTH, HEIGHT)
                .ok_or_else(|| PdfError::Write("page size".into()))?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            for mark in marks {
                match mark {
                    Mark::Text {
                        x,
                        y,
                        size,
                        text,
                        color,
                    } => {
                        surface.set_fill(Some(fill(*color)));
                        surface.draw_text(
                            Point::from_xy(*x, *y),
                            self.font.clone(),
                            *size,
                            text,
                            false,
                            TextDirection::Auto,
                        );
                    }
                    Mark::Rect { x, y, w, h, color } => {
                        let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.1), h.max(0.1)) else {
                            continue;
                        };
                        let mut path = PathBuilder::new();
                        path.push_rect(rect);
                        if let Some(path) = path.finish() {
                            surface.set_fill(Some(fill(*color)));
                            surface.draw_path(&path);
                        }
                    }
                }
            }
            surface.finish();
            page.finish();
        }
        document
            .finish()
            .map_err(|e| PdfError::Write(format!("{e:?}")))
    }
}

/// `1er janvier 2026` / `1 januari 2026` / `1 January 2026`.
pub(super) fn long_date(lang: Lang, date: NaiveDate) -> String {
    let day = match (lang, date.day()) {
        (Lang::Fr, 1) => "1er".to_owned(),
        (_, d) => d.to_string(),
    };
    let month = t(lang, month_key(date.month()));
    format!("{day} {month} {}", date.year())
}

pub(super) fn fill((r, g, b): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// The width of `text` at `size` points, near enough for laying out (DejaVu
/// Sans: digits 0.64 em, most letters a little less, capitals more).
pub(super) fn width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| match c {
            ' ' | 'i' | 'l' | 'j' | 'f' | 't' | 'r' | '.' | ',' | ':' | '\'' => 0.35,
            'm' | 'w' | 'M' | 'W' => 0.9,
            c if c.is_ascii_digit() => 0.64,
            c if c.is_uppercase() => 0.7,
            _ => 0.6,
        })
        .sum::<f32>()
        * size
}

/// `text` cut with an ellipsis to fit `room` points.
pub(super) fn fit(text: &str, room: f32, size: f32) -> String {
    if width(text, size) <= room {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out, size) + width("…", size) + width(&c.to_string(), size) > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` in lines of at most `room` points, cut between words.
pub(super) fn wrap(text: &str, room: f32, size: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate, size) > room && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current = word.to_owned();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(fit(&rest, room, size));
    }
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_long_name_is_cut_to_its_column_with_an_ellipsis() {
        let name = "Prison de Haren (Bruxelles), aile des femmes";
        let cut = fit(name, 120.0, 10.0);
        assert!(cut.ends_with('…') && cut.len() < name.len(), "{cut}");
        assert!(width(&cut, 10.0) <= 120.0);
        assert_eq!(fit("Lantin", 120.0, 10.0), "Lantin");
    }

    #[test]
    fn column_titles_wrap_between_words_on_two_lines_at_most() {
        let lines = wrap("Cancelled by a coordinator", 60.0, 8.5);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines
            .iter()
            .all(|l| width(l, 8.5) <= 60.0 || !l.contains(' ')));
        assert_eq!(wrap("Trips", 60.0, 8.5), ["Trips"]);
        let many = wrap("a very long title of many words that goes on", 40.0, 8.5);
        assert_eq!(many.len(), 2, "{many:?}");
    }

    #[test]
    fn dates_are_long_with_the_year_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(long_date(Lang::Fr, day), "1er mars 2026");
        assert_eq!(long_date(Lang::Nl, day), "1 maart 2026");
        assert_eq!(long_date(Lang::En, day), "1 March 2026");
    }
}
