//! Calls to action and platform names: a trie over the pack's phrases, read through [`fold`].
//!
//! Phrases are templates: `beli di {ecommerce}` stands for "beli di" followed by any name people
//! write for an e-commerce platform in the catalog ("shopee", "tokped", "虾皮"…), so the pack
//! lists each phrase once instead of once per platform, and a platform added to the catalog is
//! recognized in every phrase. Slots are matched by a second trie over the catalog's aliases,
//! which the handle detector ("WA 0812…", "微信 abc123") uses directly.
//!
//! Matching is case-, width- and diacritic-insensitive (through [`fold`]); a run of white space
//! in the text matches one space in a phrase; invisible characters are skipped. A phrase that
//! begins or ends with a Latin letter or digit must begin or end on a word boundary, so "cek bio"
//! does not match inside "cek biodata". Scripts written without spaces (Chinese, Thai) match
//! anywhere, and a space next to such a character is optional ("สั่งซื้อทาง LINE").
//!
//! [`fold`]: super::text::fold

use super::text::{
    Folded, char_at, char_before, fold, is_cjk_or_thai, is_letter, is_space, is_word_char,
};
use crate::pack::Category;

/// Reads folded characters from a byte position: skips invisible characters and collapses
/// white space into one `' '`.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'t> {
    text: &'t str,
    /// Byte position of the next character.
    pub pos: usize,
    /// Whether anything read so far undid an obfuscation.
    pub obfuscated: bool,
    /// The last character read (folded), if any.
    pub last: Option<char>,
}

impl<'t> Reader<'t> {
    /// A reader at byte `pos` of `text`.
    pub fn new(text: &'t str, pos: usize) -> Self {
        Reader { text, pos, obfuscated: false, last: None }
    }

    /// The next folded character, advancing past it.
    pub fn next_char(&mut self) -> Option<char> {
        loop {
            let c = char_at(self.text, self.pos)?;
            self.pos += c.len_utf8();
            match fold(c) {
                Folded::Invisible => self.obfuscated = true,
                Folded::Char(f, obfuscated) => {
                    self.obfuscated |= obfuscated;
                    if is_space(f) {
                        self.skip_space();
                        self.last = Some(' ');
                        return Some(' ');
                    }
                    self.last = Some(f);
                    return Some(f);
                }
            }
        }
    }

    /// The next folded character without advancing.
    pub fn peek(&self) -> Option<char> {
        let mut copy = *self;
        copy.next_char()
    }

    fn skip_space(&mut self) {
        while let Some(c) = char_at(self.text, self.pos) {
            match fold(c) {
                Folded::Char(f, _) if is_space(f) => self.pos += c.len_utf8(),
                Folded::Invisible => self.pos += c.len_utf8(),
                _ => break,
            }
        }
    }

    /// True when the text ends a word here: the next character is not a word character.
    fn at_word_end(&self) -> bool {
        !char_at(self.text, self.pos).is_some_and(is_word_char)
    }
}

/// True when a phrase may start at byte `pos`: mid-word only in scripts without spaces.
pub fn may_start_at(text: &str, pos: usize) -> bool {
    match char_at(text, pos) {
        Some(c) if is_cjk_or_thai(c) => true,
        Some(c) if is_word_char(c) => !char_before(text, pos).is_some_and(is_word_char),
        Some(_) => true,
        None => false,
    }
}

/// What a slot stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Category(Category),
    AnyPlatform,
}

#[derive(Debug, Default, Clone)]
struct Node<T> {
    edges: Vec<(char, u32)>,
    slots: Vec<(Slot, u32)>,
    ends: Vec<T>,
}

/// A trie whose terminals carry a `T`.
#[derive(Debug, Clone)]
struct Trie<T> {
    nodes: Vec<Node<T>>,
}

impl<T: Copy> Trie<T> {
    fn new() -> Self {
        Trie { nodes: vec![Node { edges: Vec::new(), slots: Vec::new(), ends: Vec::new() }] }
    }

    fn child(&mut self, node: u32, step: Step) -> u32 {
        let existing = self.nodes.get(node as usize).and_then(|n| match step {
            Step::Char(c) => n.edges.iter().find(|(e, _)| *e == c).map(|(_, to)| *to),
            Step::Slot(s) => n.slots.iter().find(|(e, _)| *e == s).map(|(_, to)| *to),
        });
        if let Some(to) = existing {
            return to;
        }
        let to = self.nodes.len() as u32;
        self.nodes.push(Node { edges: Vec::new(), slots: Vec::new(), ends: Vec::new() });
        if let Some(n) = self.nodes.get_mut(node as usize) {
            match step {
                Step::Char(c) => n.edges.push((c, to)),
                Step::Slot(s) => n.slots.push((s, to)),
            }
        }
        to
    }

    fn insert(&mut self, steps: &[Step], value: T) {
        let mut node = 0;
        for step in steps {
            node = self.child(node, *step);
        }
        if let Some(n) = self.nodes.get_mut(node as usize) {
            n.ends.push(value);
        }
    }

    fn node(&self, index: u32) -> Option<&Node<T>> {
        self.nodes.get(index as usize)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Char(char),
    Slot(Slot),
}

/// Splits a lowercase template into folded characters and slots.
fn steps(template: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            let slot = [
                ("{ecommerce}", Slot::Category(Category::Ecommerce)),
                ("{messenger}", Slot::Category(Category::Messenger)),
                ("{social}", Slot::Category(Category::Social)),
                ("{platform}", Slot::AnyPlatform),
            ]
            .into_iter()
            .find(|(name, _)| rest.starts_with(name));
            if let Some((name, slot)) = slot {
                out.push(Step::Slot(slot));
                rest = rest.get(name.len()..).unwrap_or_default();
                continue;
            }
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match fold(c) {
            Folded::Char(f, _) if is_space(f) => {
                if out.last() != Some(&Step::Char(' ')) {
                    out.push(Step::Char(' '));
                }
            }
            Folded::Char(f, _) => out.push(Step::Char(f)),
            Folded::Invisible => {}
        }
    }
    out
}

/// A phrase or alias found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the call-to-action group (phrases) or platform (aliases).
    pub value: usize,
    /// Byte offset just after the match.
    pub end: usize,
    /// Whether reading the match undid an obfuscation.
    pub obfuscated: bool,
    /// For a phrase, the platform its slot matched (the last one, if several).
    pub platform: Option<usize>,
}

/// The compiled phrases and aliases of one pack.
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    phrases: Trie<usize>,
    aliases: Trie<(usize, Category)>,
}

impl PhraseIndex {
    /// Compiles the templates (`(group, template)`) and aliases (`(platform, category, alias)`).
    pub fn new<'a>(
        templates: impl IntoIterator<Item = (usize, &'a str)>,
        aliases: impl IntoIterator<Item = (usize, Category, &'a str)>,
    ) -> Self {
        let mut phrases = Trie::new();
        for (group, template) in templates {
            let steps = steps(template);
            if !steps.is_empty() {
                phrases.insert(&steps, group);
            }
        }
        let mut alias_trie = Trie::new();
        for (platform, category, alias) in aliases {
            let steps = steps(alias);
            if !steps.is_empty() && steps.iter().all(|s| matches!(s, Step::Char(_))) {
                alias_trie.insert(&steps, (platform, category));
            }
        }
        PhraseIndex { phrases, aliases: alias_trie }
    }

    /// The longest call-to-action phrase starting at byte `pos`, if any.
    pub fn longest_phrase(&self, text: &str, pos: usize) -> Option<Match> {
        let first = Reader::new(text, pos).peek()?;
        if !self.phrase_may_begin(first) {
            return None;
        }
        let mut best: Option<Match> = None;
        let mut stack = vec![(0u32, Reader::new(text, pos), None)];
        while let Some((node_index, reader, platform)) = stack.pop() {
            let Some(node) = self.phrases.node(node_index) else { continue };
            if let Some(&group) = node.ends.first()
                && reader.pos > pos
                && ends_cleanly(&reader)
                && best.is_none_or(|b| reader.pos > b.end)
            {
                best = Some(Match {
                    value: group,
                    end: reader.pos,
                    obfuscated: reader.obfuscated,
                    platform,
                });
            }
            let mut next = reader;
            let Some(c) = next.next_char() else { continue };
            if let Some((_, to)) = node.edges.iter().find(|(e, _)| *e == c) {
                stack.push((*to, next, platform));
            }
            // A space next to a character of a script without spaces is optional.
            let continues = !node.edges.is_empty() || !node.slots.is_empty();
            if c == ' '
                && continues
                && (reader.last.is_some_and(is_cjk_or_thai)
                    || next.peek().is_some_and(is_cjk_or_thai))
            {
                stack.push((node_index, next, platform));
            }
            for (slot, to) in &node.slots {
                for (alias, found, _) in self.alias_walk(reader, Some(*slot)) {
                    stack.push((*to, alias, Some(found)));
                }
                if c == ' ' {
                    for (alias, found, _) in self.alias_walk(next, Some(*slot)) {
                        stack.push((*to, alias, Some(found)));
                    }
                }
            }
        }
        best
    }

    /// Whether some phrase could begin with the folded character `c` (a cheap test before
    /// walking the tries).
    fn phrase_may_begin(&self, c: char) -> bool {
        self.phrases.node(0).is_some_and(|root| {
            root.edges.iter().any(|(e, _)| *e == c)
                || (!root.slots.is_empty() && self.alias_may_begin(c))
        })
    }

    fn alias_may_begin(&self, c: char) -> bool {
        self.aliases.node(0).is_some_and(|root| root.edges.iter().any(|(e, _)| *e == c))
    }

    /// Every platform alias starting at byte `pos` (longest last), each ending on a word
    /// boundary where it ends in a Latin letter or digit.
    pub fn aliases(&self, text: &str, pos: usize) -> Vec<(Match, Category)> {
        let start = Reader::new(text, pos);
        if !start.peek().is_some_and(|c| self.alias_may_begin(c)) {
            return Vec::new();
        }
        self.alias_walk(start, None)
            .into_iter()
            .map(|(reader, platform, category)| {
                (
                    Match {
                        value: platform,
                        end: reader.pos,
                        obfuscated: reader.obfuscated,
                        platform: Some(platform),
                    },
                    category,
                )
            })
            .collect()
    }

    fn alias_walk<'t>(
        &self,
        start: Reader<'t>,
        slot: Option<Slot>,
    ) -> Vec<(Reader<'t>, usize, Category)> {
        let mut out = Vec::new();
        let mut node_index = 0u32;
        let mut reader = start;
        while let Some(node) = self.aliases.node(node_index) {
            if reader.pos > start.pos && ends_cleanly(&reader) {
                for &(platform, category) in &node.ends {
                    let fits = match slot {
                        None | Some(Slot::AnyPlatform) => true,
                        Some(Slot::Category(wanted)) => wanted == category,
                    };
                    if fits {
                        out.push((reader, platform, category));
                    }
                }
            }
            let Some(c) = reader.next_char() else { break };
            match node.edges.iter().find(|(e, _)| *e == c) {
                Some((_, to)) => node_index = *to,
                None => break,
            }
        }
        out
    }
}

/// A match ending in a Latin letter or digit must end a word.
fn ends_cleanly(reader: &Reader<'_>) -> bool {
    match reader.last {
        Some(c) if c.is_ascii_alphanumeric() || is_letter(c) => reader.at_word_end(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> PhraseIndex {
        PhraseIndex::new(
            [
                (0, "beli di {ecommerce}"),
                (1, "加{messenger}下单"),
                (0, "สั่งซื้อทาง{messenger}"),
                (2, "cek bio"),
                (3, "order via {messenger}"),
            ],
            [
                (0, Category::Ecommerce, "shopee"),
                (1, Category::Ecommerce, "tokped"),
                (2, Category::Messenger, "wa"),
                (3, Category::Messenger, "微信"),
                (4, Category::Messenger, "line"),
                (5, Category::Messenger, "ไลน์"),
                (6, Category::Messenger, "whatsapp"),
            ],
        )
    }

    fn phrase(text: &str) -> Option<(usize, &str)> {
        index().longest_phrase(text, 0).map(|m| (m.value, &text[..m.end]))
    }

    #[test]
    fn phrases_with_slots_match_any_alias_of_the_category() {
        assert_eq!(phrase("Beli di Shopee ya"), Some((0, "Beli di Shopee")));
        assert_eq!(phrase("beli   di\ntokped"), Some((0, "beli   di\ntokped")));
        assert_eq!(phrase("beli di shopeenya"), None);
        assert_eq!(phrase("beli di wa"), None, "wa is a messenger, not e-commerce");
        assert_eq!(phrase("加微信下单"), Some((1, "加微信下单")));
        assert_eq!(phrase("加 微信 下单"), Some((1, "加 微信 下单")));
        assert_eq!(phrase("加wa下单"), Some((1, "加wa下单")));
        assert_eq!(phrase("สั่งซื้อทางไลน์"), Some((0, "สั่งซื้อทางไลน์")));
        assert_eq!(phrase("สั่งซื้อทาง LINE นะคะ"), Some((0, "สั่งซื้อทาง LINE")));
        assert_eq!(phrase("cek biodata"), None);
        assert_eq!(phrase("ＣＥＫ ＢＩＯ"), Some((2, "ＣＥＫ ＢＩＯ")));
        assert_eq!(phrase("order via whatsapp"), Some((3, "order via whatsapp")));
    }

    #[test]
    fn aliases_end_on_word_boundaries() {
        let index = index();
        let found = |text: &str| -> Vec<usize> {
            index.aliases(text, 0).iter().map(|(m, _)| m.end).collect()
        };
        assert_eq!(found("WA 0812"), [2]);
        assert_eq!(found("wanita"), Vec::<usize>::new());
        assert_eq!(found("whatsapp"), [8]);
        assert_eq!(found("微信abc"), ["微信".len()]);
        assert!(may_start_at("cek bio", 4));
        assert!(!may_start_at("biodata", 1));
        assert!(may_start_at("买加微信", 3));
    }
}
