//! Platform names in any disguise: `shopee`, `Sh0pee`, `$hopee`, `s h o p e e`, `sho-pee`,
//! `shoooopeee`, `sh*pee`, `𝐬𝐡𝐨𝐩𝐞𝐞`, `ⓢⓗⓞⓟⓔⓔ`, `ѕһорее`, `L!NE`, `W.A`, `wh4tsapp`.
//!
//! Evasion-resistant filters (rustrict, houbb/sensitive-word) fold the text to a skeleton and
//! walk one trie over it, with the usual disguises as extra moves of the walk rather than extra
//! entries in the list. [`Reader`] already folds characters (width, case, look-alikes,
//! mathematical and enclosed letters, invisible marks); the walk here adds the disguises that
//! span characters:
//! - a digit or symbol standing for the letter it looks like (`0` `o`, `4` `a`, `$` `s`, `!` `i` …);
//! - letters spaced or punctuated apart (`s h o p e e`, `s.h.o.p.e.e`, `sho-pee`, `s🔥h🔥o`);
//! - a letter repeated (`shoooopeee`), or one of a doubled pair dropped (`whatsap`);
//! - a letter masked (`sh*pee`).
//!
//! A disguised match is `obfuscated`, and the rule that applies is the plain name's: writing a
//! name in disguise never makes it allowed. Short names are where ordinary words collide with
//! platform names ("wa", "ig", "line"), so the looser moves are kept for longer names: a name
//! of two to four letters matches only as written or spelled out one letter at a time (`W.A`,
//! `z a l o`, `L!NE`), a name of five or more letters in any of the disguises above.
//!
//! Each walk is bounded (at most [`MAX_STATES`] states from one start), so matching stays
//! linear in the text.

use super::text::{AsciiSet, char_at, is_cjk_or_thai, is_word_char};
use super::trie::{Reader, Step, Trie, ends_cleanly, steps};
use crate::pack::Category;
use crate::sort;

/// At most this many states are explored from one start position.
const MAX_STATES: usize = 192;

/// What an alias stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Alias {
    platform: usize,
    category: Category,
    /// Also an ordinary word somewhere ("line", "temu", "tele"): counts only with support.
    ambiguous: bool,
    /// Its length in characters.
    letters: u8,
    /// Only letters and digits (no space, dot, `@` …): only such names are matched loosely.
    plain: bool,
}

/// A platform name found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// Index of the platform in the catalog.
    pub platform: usize,
    /// Its category.
    pub category: Category,
    /// Byte offset just after the name.
    pub end: usize,
    /// Reading it undid a disguise.
    pub obfuscated: bool,
    /// The alias is also an ordinary word, and it was written plainly.
    pub ambiguous: bool,
}

/// The catalog's names, compiled.
#[derive(Debug, Clone)]
pub struct NameIndex {
    trie: Trie<Alias>,
    /// Folded ASCII characters (leet included) that can begin a name.
    first_ascii: AsciiSet,
    /// Other characters that can begin a name (Chinese, Thai …), sorted.
    first_other: Vec<char>,
}

/// The letters a digit or symbol is written for.
pub(super) fn leet(c: char) -> &'static [char] {
    match c {
        '0' => &['o'],
        '1' => &['i', 'l'],
        '2' => &['z'],
        '3' => &['e'],
        '4' => &['a'],
        '5' => &['s'],
        '6' => &['g', 'b'],
        '7' => &['t'],
        '8' => &['b'],
        '9' => &['g'],
        '@' => &['a'],
        '$' => &['s'],
        '!' | '|' => &['i', 'l'],
        'i' => &['l'],
        '€' => &['e'],
        '+' => &['t'],
        '(' | '<' => &['c'],
        '⭕' | '○' | '◯' | '°' | '◎' | '●' => &['o'],
        _ => &[],
    }
}

/// Characters written between the letters of a name to break it up.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.'
            | '-'
            | '_'
            | '/'
            | '|'
            | ','
            | '~'
            | '+'
            | '*'
            | '•'
            | '·'
            | '\''
            | '`'
            | ':'
            | '='
            | '^'
    ) || (!c.is_ascii() && !is_word_char(c) && !is_cjk_or_thai(c))
}

/// Punctuation that, followed by a space, ends a phrase or a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?')
}

/// Characters written in place of a letter to mask it.
fn is_mask(c: char) -> bool {
    matches!(c, '*' | '•' | '#' | '?' | '×' | 'x')
}

/// One state of the walk.
#[derive(Debug, Clone, Copy)]
pub(super) struct State<'t> {
    node: u32,
    reader: Reader<'t>,
    /// The last letter matched.
    last: Option<char>,
    /// Letters matched (trie steps taken).
    letters: u8,
    /// Letters that stood alone between separators, and separators crossed.
    singles: u8,
    separators: u8,
    /// Letters of the current separator-delimited piece.
    piece: u8,
    /// The looser moves used.
    leet: u8,
    repeats: u8,
    masks: u8,
    dropped: u8,
    /// The last letter was read from punctuation (`!` `@` `$` `|` …).
    last_leet_punct: bool,
}

impl NameIndex {
    /// Compiles `(platform, category, alias, ambiguous)`.
    pub fn new<'a>(aliases: impl IntoIterator<Item = (usize, Category, &'a str, bool)>) -> Self {
        let mut trie = Trie::new();
        let mut first_ascii = AsciiSet::default();
        let mut first_other = Vec::new();
        for (platform, category, alias, ambiguous) in aliases {
            let steps = steps(alias);
            let chars: Vec<char> = steps
                .iter()
                .filter_map(|s| if let Step::Char(c) = s { Some(*c) } else { None })
                .collect();
            let Some(&first) = chars.first() else { continue };
            if chars.len() != steps.len() {
                continue;
            }
            let letters = u8::try_from(chars.len()).unwrap_or(u8::MAX);
            let plain = chars.iter().all(|&c| super::text::is_alphanumeric(c));
            trie.insert(&steps, Alias { platform, category, ambiguous, letters, plain });
            if first.is_ascii() {
                first_ascii.insert(first);
            } else {
                first_other.push(first);
            }
        }
        trie.finish();
        // Digits and symbols that stand for a first letter may begin a name too.
        for code in 0u8..128 {
            let c = char::from(code);
            if leet(c).iter().any(|&l| first_ascii.contains(l)) {
                first_ascii.insert(c);
            }
        }
        sort::sort(&mut first_other);
        first_other.dedup();
        NameIndex { trie, first_ascii, first_other }
    }

    /// Whether a name may begin with the folded character `c`: the cheap test before a walk.
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        if c.is_ascii() {
            self.first_ascii.contains(c)
        } else {
            self.first_other.binary_search(&c).is_ok()
        }
    }

    /// Every name that starts where `start` is and whose category passes `wanted`, each with the
    /// reader just after it; shortest first.
    pub(super) fn names_at<'t>(
        &self,
        start: Reader<'t>,
        wanted: &dyn Fn(Category) -> bool,
        out: &mut Vec<(Reader<'t>, NameMatch)>,
        stack: &mut Vec<State<'t>>,
    ) {
        out.clear();
        stack.clear();
        if !self.plain_walk(start, wanted, out) {
            return;
        }
        out.clear();
        stack.push(State {
            node: 0,
            reader: start,
            last: None,
            letters: 0,
            singles: 0,
            separators: 0,
            piece: 0,
            leet: 0,
            repeats: 0,
            masks: 0,
            dropped: 0,
            last_leet_punct: false,
        });
        let mut explored = 0;
        while let Some(state) = stack.pop() {
            explored += 1;
            if explored > MAX_STATES {
                break;
            }
            let Some(node) = self.trie.node(state.node) else { continue };
            if state.letters > 0 && state.piece > 0 && ends_cleanly(&state.reader) {
                for alias in &node.ends {
                    if wanted(alias.category) && allowed(alias, &state) {
                        let loose = state.separators
                            + state.leet
                            + state.repeats
                            + state.masks
                            + state.dropped
                            > 0;
                        let found = NameMatch {
                            platform: alias.platform,
                            category: alias.category,
                            end: state.reader.pos,
                            obfuscated: state.reader.obfuscated || loose,
                            ambiguous: alias.ambiguous
                                && !loose
                                && (!state.reader.obfuscated
                                    || styled(start.text, start.pos, state.reader.pos)),
                        };
                        // The same name read two ways keeps the plainer reading.
                        match out
                            .iter_mut()
                            .find(|(_, m)| m.end == found.end && m.platform == found.platform)
                        {
                            Some((_, m)) => {
                                m.obfuscated &= found.obfuscated;
                                m.ambiguous |= found.ambiguous;
                            }
                            None => out.push((state.reader, found)),
                        }
                    }
                }
            }
            // One of a doubled pair dropped ("whatsap", "facebok"): step without reading.
            if let Some(last) = state.last
                && state.dropped == 0
                && let Some(to) = self.trie.step(state.node, last)
            {
                stack.push(State { node: to, letters: state.letters + 1, dropped: 1, ..state });
            }
            let mut reader = state.reader;
            let Some(c) = reader.next_char() else { continue };
            let letter = |to: u32, c: char, extra: State<'t>| State {
                node: to,
                reader,
                last: Some(c),
                letters: extra.letters.saturating_add(1),
                piece: extra.piece.saturating_add(1),
                singles: extra.singles,
                last_leet_punct: false,
                ..extra
            };
            if let Some(to) = self.trie.step(state.node, c) {
                stack.push(letter(to, c, state));
            }
            for &l in leet(c) {
                if let Some(to) = self.trie.step(state.node, l) {
                    let mut next = letter(to, l, State { leet: state.leet + 1, ..state });
                    next.last_leet_punct = !super::text::is_alphanumeric(c);
                    stack.push(next);
                }
            }
            if state.letters == 0 {
                continue;
            }
            // A letter doubled in place ("shopeee"), not across a separator ("a://a").
            if Some(c) == state.last && state.piece > 0 && state.repeats < 8 {
                stack.push(State { reader, repeats: state.repeats + 1, ..state });
            }
            if is_separator(c) && state.separators < 12 {
                // A run of separators counts once ("s . h", "s🔥🔥h").
                let mut after = reader;
                let mut sentence = ends_sentence(c);
                let mut spaced = c == ' ';
                while let Some(next) = after.peek().filter(|&n| is_separator(n)) {
                    sentence |= ends_sentence(next);
                    spaced |= next == ' ';
                    after.next_char();
                }
                // Punctuation and a space end a phrase ("TikTok Shop, i-approve", "our shop.
                // I love it"), except between letters spelled out one at a time ("s, h, o").
                if sentence && spaced && state.piece > 1 {
                    continue;
                }
                stack.push(State {
                    reader: after,
                    separators: state.separators + 1,
                    singles: state.singles + u8::from(state.piece == 1),
                    piece: 0,
                    ..state
                });
            }
            if is_mask(c) && state.masks < 2 && state.letters >= 1 {
                for &(edge, to) in &node.edges {
                    if edge.is_ascii_alphabetic() {
                        stack.push(letter(to, edge, State { masks: state.masks + 1, ..state }));
                    }
                }
            }
        }
        // Shortest first, as the phrase walk expects.
        sort::sort_by_key(out, |(reader, _)| reader.pos);
    }

    /// The fast path of [`NameIndex::names_at`]: most words share a letter or two with some
    /// name and hide nothing. Walks the trie over the text as written, collecting plain
    /// matches, and returns whether a disguise could continue where the walk stopped (a
    /// separator, a digit or symbol for a letter, a repeated letter, a mask, a dropped double
    /// letter): only then is the full search needed.
    fn plain_walk<'t>(
        &self,
        start: Reader<'t>,
        wanted: &dyn Fn(Category) -> bool,
        out: &mut Vec<(Reader<'t>, NameMatch)>,
    ) -> bool {
        let mut node = 0u32;
        let mut reader = start;
        let mut last = None;
        loop {
            let mut next = reader;
            let c = next.next_char();
            if let Some(to) = c.and_then(|c| self.trie.step(node, c)) {
                node = to;
                reader = next;
                last = c;
                if ends_cleanly(&reader)
                    && let Some(n) = self.trie.node(node)
                {
                    for alias in n.ends.iter().filter(|a| wanted(a.category)) {
                        out.push((
                            reader,
                            NameMatch {
                                platform: alias.platform,
                                category: alias.category,
                                end: reader.pos,
                                obfuscated: reader.obfuscated,
                                ambiguous: alias.ambiguous
                                    && (!reader.obfuscated
                                        || styled(start.text, start.pos, reader.pos)),
                            },
                        ));
                    }
                }
                continue;
            }
            let dropped = last.is_some_and(|l| self.trie.step(node, l).is_some());
            // After a separator, only a character that can go on from here ("s.hopee", not
            // "a. b"): most sentence ends and spaced words stop the walk.
            let goes_on = |c: char| {
                self.trie.step(node, c).is_some()
                    || leet(c).iter().any(|&l| self.trie.step(node, l).is_some())
                    || is_mask(c)
            };
            let separated = |c: char| {
                is_separator(c) && {
                    let mut after = next;
                    while after.peek().is_some_and(is_separator) {
                        after.next_char();
                    }
                    after.peek().is_some_and(goes_on)
                }
            };
            return match c {
                None => dropped,
                Some(c) => {
                    dropped
                        || !leet(c).is_empty()
                        || (node != 0 && (separated(c) || Some(c) == last || is_mask(c)))
                }
            };
        }
    }

    /// The longest name at byte `pos`.
    pub fn longest<'t>(
        &self,
        text: &'t str,
        pos: usize,
        scratch: &mut NameScratch<'t>,
    ) -> Option<NameMatch> {
        let first = Reader::new(text, pos).peek()?;
        if !self.may_start(first) {
            return None;
        }
        self.names_at(Reader::new(text, pos), &|_| true, &mut scratch.found, &mut scratch.stack);
        scratch.found.last().map(|(_, m)| *m)
    }
}

/// Whether `text[start..end]` is written wholly in a styled alphabet — small capitals,
/// mathematical, fullwidth, circled or squared letters — as fancy-font keyboards write whole
/// bios: a word so written is still the ordinary word it may be ("ᴍᴇꜱꜱᴇɴɢᴇʀ bag", "ʟɪɴᴇ
/// ꜰʀɪᴇɴᴅꜱ"), unlike one with a Cyrillic or Greek look-alike slipped among Latin letters.
fn styled(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end).is_some_and(|name| {
        name.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| matches!(c as u32, 0x0250..=0x02AF | 0x1D00..))
    })
}

/// Whether the disguises used to reach `state` are allowed for `alias`.
fn allowed(alias: &Alias, state: &State<'_>) -> bool {
    let long = alias.letters >= 5;
    // Spelled out one letter at a time: every piece a single letter ("W A", "i.g"), but not
    // the letters of a size ("H x W x D" holds no "wx", WeChat).
    let spelled_out = state.separators > 0
        && state.singles + 1 >= state.letters
        && state.piece <= 1
        && !(alias.letters <= 2 && state.last == Some('x'));
    let separators_ok = state.separators == 0 || spelled_out || (long && state.separators <= 2);
    let leet_ok = state.leet == 0 || alias.letters >= 4 && state.leet * 2 <= alias.letters;
    let repeats_ok = state.repeats == 0 || alias.letters >= 4;
    let masks_ok = state.masks == 0 || (long && state.masks * 3 <= alias.letters);
    let dropped_ok = state.dropped == 0 || alias.letters >= 6;
    // A name does not end in punctuation read as a letter ("Shop!" is not "shopi").
    let end_ok = !state.last_leet_punct;
    // The looser moves together: a long name may mix them, a short one only one kind.
    let kinds = u8::from(state.separators > 0)
        + u8::from(state.leet > 0)
        + u8::from(state.repeats > 0)
        + u8::from(state.masks > 0)
        + u8::from(state.dropped > 0);
    if !alias.plain {
        return kinds == 0;
    }
    end_ok
        && separators_ok
        && leet_ok
        && repeats_ok
        && masks_ok
        && dropped_ok
        && (long || kinds <= 1)
}

/// Buffers reused across the name walks of one text.
#[derive(Debug, Default)]
pub struct NameScratch<'t> {
    found: Vec<(Reader<'t>, NameMatch)>,
    pub(super) stack: Vec<State<'t>>,
}

/// Whether the character at `pos` is where a name may start in a spaced script (a word start),
/// or anywhere in Chinese and Thai.
pub fn may_start_at(text: &str, pos: usize) -> bool {
    match char_at(text, pos) {
        Some(c) if is_cjk_or_thai(c) => true,
        Some(_) => !super::text::word_char_before(text, pos),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> NameIndex {
        NameIndex::new([
            (0, Category::Ecommerce, "shopee", false),
            (1, Category::Ecommerce, "lazada", false),
            (2, Category::Messenger, "wa", false),
            (2, Category::Messenger, "whatsapp", false),
            (3, Category::Messenger, "line", true),
            (4, Category::Messenger, "zalo", false),
            (5, Category::Messenger, "微信", false),
            (6, Category::Social, "instagram", false),
            (7, Category::Ecommerce, "temu", true),
        ])
    }

    fn found(text: &str) -> Option<(usize, &str, bool, bool)> {
        let index = index();
        let mut scratch = NameScratch::default();
        index
            .longest(text, 0, &mut scratch)
            .map(|m| (m.platform, &text[..m.end], m.obfuscated, m.ambiguous))
    }

    #[test]
    fn names_in_disguise() {
        for text in [
            "Shopee",
            "sh0pee",
            "$hopee",
            "5hopee",
            "s h o p e e",
            "s.h.o.p.e.e",
            "S-h-o-p-e-e",
            "sho-pee",
            "sho pee",
            "shoooopeee",
            "sh*pee",
            "𝐬𝐡𝐨𝐩𝐞𝐞",
            "ⓢⓗⓞⓟⓔⓔ",
            "ѕһорее",
            "s🔥h🔥o🔥p🔥e🔥e",
            "ｓｈｏｐｅｅ",
            "shope",
            "sh0ppee",
        ] {
            assert_eq!(found(text).map(|f| (f.0, f.1)), Some((0, text)), "{text}");
        }
        assert_eq!(found("l4zada kak").map(|f| f.1), Some("l4zada"));
        assert_eq!(found("wh4tsapp").map(|f| f.1), Some("wh4tsapp"));
        assert_eq!(found("whatsap").map(|f| f.1), Some("whatsap"));
        assert_eq!(found("W.A kan sis").map(|f| f.1), Some("W.A"));
        assert_eq!(found("z a l o").map(|f| f.1), Some("z a l o"));
        assert_eq!(found("L!NE : @shop").map(|f| (f.1, f.3)), Some(("L!NE", false)));
        assert_eq!(found("line dry only").map(|f| (f.1, f.3)), Some(("line", true)));
        assert_eq!(found("i.n.s.t.a.g.r.a.m").map(|f| f.1), Some("i.n.s.t.a.g.r.a.m"));
        assert_eq!(found("微信号").map(|f| f.1), Some("微信"));
    }

    #[test]
    fn ordinary_words_are_not_names() {
        for text in [
            "shop",
            "shops",
            "wanita",
            "waaah",
            "washing",
            "lineup",
            "zalora",
            "temulawak",
            "w and a",
            "sho pping",
            "shopping",
            "lazy",
            "instant",
            "zal",
            "want",
            "walk",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
        assert_eq!(
            found("ketemu"),
            None,
            "not at a word start: the caller's job, but no match either"
        );
        assert_eq!(found("temu kangen").map(|f| f.3), Some(true), "ambiguous: needs support");
    }
}
