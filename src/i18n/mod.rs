//! Message catalogs (English, Indonesian, Chinese) and the one function that renders them.
//!
//! Reports are read by sellers and creators in Indonesia, across Southeast Asia and in China, so
//! every `message` is rendered in the caller's `lang`. Catalogs are compiled in as sorted tables
//! (no parsing at start-up, a binary search per message); a test keeps the three in step, key
//! for key and placeholder for placeholder. A pack may replace the text of any rule with its own
//! `message: { en, id, zh }`.
//!
//! Placeholders are `{name}`; numbers are formatted per language with [`number`].

mod en;
mod id;
mod zh;

use crate::decode::{Decoder, Path};
use crate::error::ErrorCode;
use crate::pack::RuleMeta;
use crate::value::Value;
use std::sync::OnceLock;

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The codes used in JS (`lang: "id"`).
    pub const NAMES: &'static [(&'static str, Lang)] =
        &[("en", Lang::En), ("id", Lang::Id), ("zh", Lang::Zh)];

    /// The code.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
            Lang::Zh => "zh",
        }
    }

    /// The catalog, read from its text on first use. Indonesian and Chinese carry their texts
    /// only, one a line in the English catalog's key order (see [`texts`]).
    fn catalog(self) -> &'static [(&'static str, &'static str)] {
        static CATALOGS: [OnceLock<Vec<(&str, &str)>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let (slot, texts): (usize, &'static [u8]) = match self {
            Lang::En => (0, &[]),
            Lang::Id => (1, &id::TEXTS),
            Lang::Zh => (2, &zh::TEXTS),
        };
        CATALOGS.get(slot).map_or(&[], |catalog| {
            catalog.get_or_init(|| match self {
                Lang::En => entries(en::MESSAGES),
                Lang::Id | Lang::Zh => {
                    let texts = std::str::from_utf8(texts).unwrap_or_default();
                    let english = Lang::En.catalog().iter().map(|(key, _)| *key);
                    english.zip(texts.split_terminator('\n')).collect()
                }
            })
        })
    }
}

/// The length of [`texts`] of a catalog: every line less its `key<TAB>`.
pub(crate) const fn texts_len(catalog: &str) -> usize {
    strip_keys(catalog, &mut [])
}

/// A catalog's texts without their keys, one a line, computed when the crate is compiled: the
/// translations share the English keys (a test checks they are the same, in the same order), so
/// the module carries each key once (1 KB of gzip for two languages).
pub(crate) const fn texts<const N: usize>(catalog: &str) -> [u8; N] {
    let mut out = [0u8; N];
    strip_keys(catalog, &mut out);
    out
}

/// Copies each line of `catalog` less its `key<TAB>` into `out` (as far as it holds) and returns
/// the length that takes: one walk for measuring and for copying.
// Evaluated by the compiler only (the callers are `const` items): an index out of range would be
// a compile error, never a panic at run time.
#[allow(clippy::indexing_slicing)]
const fn strip_keys(catalog: &str, out: &mut [u8]) -> usize {
    let bytes = catalog.as_bytes();
    let (mut i, mut j, mut in_key) = (0, 0, true);
    while i < bytes.len() {
        let byte = byte_at(bytes, i);
        if in_key {
            in_key = byte != b'\t';
        } else {
            if j < out.len() {
                out[j] = byte;
            }
            j += 1;
            in_key = byte == b'\n';
        }
        i += 1;
    }
    j
}

/// `bytes[i]` in a const fn (out of range: 0, which the callers never ask for).
const fn byte_at(bytes: &[u8], i: usize) -> u8 {
    match bytes.split_at_checked(i) {
        Some((_, [first, ..])) => *first,
        _ => 0,
    }
}

/// The `key<TAB>text` lines of a catalog.
fn entries(text: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(end) = crate::bytes::find(rest, b'\n') {
        let line = rest.get(..end).unwrap_or_default();
        if let Some(tab) = crate::bytes::find(line, b'\t') {
            out.push((
                line.get(..tab).unwrap_or_default(),
                line.get(tab + 1..).unwrap_or_default(),
            ));
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    out
}

/// A text given in a pack for some languages; missing languages fall back to English.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LocalText {
    /// English.
    pub en: Option<String>,
    /// Indonesian.
    pub id: Option<String>,
    /// Chinese.
    pub zh: Option<String>,
}

impl LocalText {
    /// The text for `lang`, else the English one.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let own = match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
            Lang::Zh => &self.zh,
        };
        own.as_deref().or(self.en.as_deref())
    }

    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<LocalText> {
        let mut o = d.object(v, path)?;
        let en = o.opt(d, path, "en", Decoder::text).map(str::to_owned);
        let id = o.opt(d, path, "id", Decoder::text).map(str::to_owned);
        let zh = o.opt(d, path, "zh", Decoder::text).map(str::to_owned);
        o.finish(d, path);
        if en.is_none() {
            d.report(
                ErrorCode::InvalidInput,
                &path.key("en"),
                "a message needs at least its English text",
            );
            return None;
        }
        Some(LocalText { en, id, zh })
    }
}

/// The catalog text of `key` in `lang`, falling back to English.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    find(lang.catalog(), key).or_else(|| find(Lang::En.catalog(), key))
}

fn find(catalog: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    catalog
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| catalog.get(i))
        .map(|(_, text)| *text)
}

/// True when the English catalog has `key`.
pub fn has(key: &str) -> bool {
    find(Lang::En.catalog(), key).is_some()
}

/// Renders catalog `key` in `lang` with `{name}` placeholders filled from `args`. An unknown key
/// renders as the key itself, so a missing translation is visible rather than silent.
pub fn render(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(lookup(lang, key).unwrap_or(key), args)
}

/// Renders the message of a rule: the pack's own text for the rule if it has one, else catalog
/// `key` (which defaults to the rule id).
pub fn render_rule(
    lang: Lang,
    rule: &RuleMeta,
    key: Option<&str>,
    args: &[(&str, &str)],
) -> String {
    match rule.message.as_ref().and_then(|m| m.get(lang)) {
        Some(own) => fill(own, args),
        None => render(lang, key.unwrap_or(&rule.id), args),
    }
}

/// `items` with `separator` between them. A plain loop: the standard library's `join` is
/// unrolled for each separator length and instantiated for `String` and `&str` items apart,
/// about a kilobyte of wasm each, for lists of a few short words.
pub fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Replaces `{name}` with its value from `args`; unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = crate::bytes::find(rest, b'{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        match crate::bytes::find(after, b'}') {
            Some(close) => {
                let name = after.get(..close).unwrap_or_default();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A whole number with the language's digit grouping: `12,345` in English and Chinese,
/// `12.345` in Indonesian.
pub fn number(lang: Lang, n: i64) -> String {
    let separator = match lang {
        Lang::Id => '.',
        Lang::En | Lang::Zh => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A day as each language writes it in a sentence: `12 January 2026`, `12 Januari 2026`,
/// `2026年1月12日`.
pub fn date(lang: Lang, day: crate::date::Date) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let month = day.month() as usize;
    let name = |names: [&'static str; 12]| names.get(month.wrapping_sub(1)).copied().unwrap_or("");
    match lang {
        Lang::En => format!("{} {} {}", day.day(), name(EN), day.year()),
        Lang::Id => format!("{} {} {}", day.day(), name(ID), day.year()),
        Lang::Zh => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day = crate::date::Date::parse("2026-01-12").unwrap();
        assert_eq!(date(Lang::En, day), "12 January 2026");
        assert_eq!(date(Lang::Id, day), "12 Januari 2026");
        assert_eq!(date(Lang::Zh, day), "2026年1月12日");
    }

    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = text;
        while let Some(open) = crate::bytes::find(rest, b'{') {
            let after = &rest[open + 1..];
            if let Some(close) = after.find('}') {
                out.insert(after[..close].to_owned());
                rest = &after[close + 1..];
            } else {
                break;
            }
        }
        out
    }

    #[test]
    fn translations_have_the_english_keys_in_order_so_their_texts_alone_can_be_embedded() {
        let english: Vec<&str> = entries(en::MESSAGES).iter().map(|(k, _)| *k).collect();
        for (lang, source) in [(Lang::Id, id::MESSAGES), (Lang::Zh, zh::MESSAGES)] {
            let written = entries(source);
            let keys: Vec<&str> = written.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, english, "{lang:?} keys differ from English");
            // What the module carries reads back as the catalog as written.
            assert_eq!(lang.catalog(), written.as_slice(), "{lang:?}");
            assert!(written.iter().all(|(_, text)| !text.contains('\n')));
        }
    }

    #[test]
    fn catalogs_are_sorted_complete_and_agree_on_placeholders() {
        for lang in [Lang::En, Lang::Id, Lang::Zh] {
            let catalog = lang.catalog();
            for pair in catalog.windows(2) {
                assert!(pair[0].0 < pair[1].0, "{:?} catalog not sorted at {}", lang, pair[1].0);
            }
            let keys: Vec<&str> = catalog.iter().map(|(k, _)| *k).collect();
            let english: Vec<&str> = Lang::En.catalog().iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, english, "{lang:?} catalog keys differ from English");
            for ((key, text), (_, english)) in catalog.iter().zip(Lang::En.catalog()) {
                assert_eq!(placeholders(text), placeholders(english), "{lang:?} {key}");
                assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
            }
        }
    }

    #[test]
    fn render_fills_placeholders_and_falls_back() {
        assert_eq!(
            fill("gain {n} more {what}", &[("n", "37"), ("what", "followers")]),
            "gain 37 more followers"
        );
        assert_eq!(fill("{missing} and { and }", &[]), "{missing} and { and }");
        assert_eq!(render(Lang::Id, "no.such.key", &[]), "no.such.key");
        assert_eq!(lookup(Lang::Zh, "verdict.block"), Some("禁止"));
    }

    #[test]
    fn numbers_group_digits_per_language() {
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::Id, 75_000), "75.000");
        assert_eq!(number(Lang::Zh, 999), "999");
        assert_eq!(number(Lang::En, -1000), "-1,000");
        assert_eq!(number(Lang::En, 0), "0");
    }
}
