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
use crate::sort;

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
    #[inline(always)]
    pub fn next_char(&mut self) -> Option<char> {
        // Fast path, inlined: an ASCII character that is not white space.
        if let Some(&b) = self.text.as_bytes().get(self.pos)
            && b.is_ascii_graphic()
        {
            self.pos += 1;
            let c = char::from(b.to_ascii_lowercase());
            self.last = Some(c);
            return Some(c);
        }
        self.next_char_slow()
    }

    #[inline(never)]
    fn next_char_slow(&mut self) -> Option<char> {
        loop {
            let c = char_at(self.text, self.pos)?;
            self.pos += c.len_utf8();
            match fold(c) {
                Folded::Invisible => self.obfuscated = true,
                Folded::Mark => {}
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
                Folded::Invisible | Folded::Mark => self.pos += c.len_utf8(),
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

/// A trie whose terminals carry a `T`. The root's ASCII edges are also in a table: it is
/// consulted at every word of the text, and almost always says "no".
#[derive(Debug, Clone)]
struct Trie<T> {
    nodes: Vec<Node<T>>,
    root_ascii: [u32; 128],
}

impl<T: Copy> Trie<T> {
    fn new() -> Self {
        Trie {
            nodes: vec![Node { edges: Vec::new(), slots: Vec::new(), ends: Vec::new() }],
            root_ascii: [0; 128],
        }
    }

    /// Fills the root table; call after the last insertion.
    fn finish(&mut self) {
        if let Some(root) = self.nodes.first() {
            for &(c, to) in &root.edges {
                if let Some(slot) = self.root_ascii.get_mut(c as usize) {
                    *slot = to;
                }
            }
        }
    }

    /// The child of `node` along `c`.
    fn step(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 && c.is_ascii() {
            return self.root_ascii.get(c as usize).copied().filter(|&to| to != 0);
        }
        self.node(node)?.edges.iter().find(|(e, _)| *e == c).map(|(_, to)| *to)
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

/// A trie of plain words (no slots), read through [`fold`]: the longest word at a position,
/// ending on a word boundary where it ends in a Latin letter or digit. For small word lists
/// such as digit words.
#[derive(Debug, Clone)]
pub struct WordTrie<T> {
    trie: Trie<T>,
    first_chars: Vec<char>,
}

impl<T: Copy> WordTrie<T> {
    /// An empty trie.
    pub fn new() -> Self {
        WordTrie { trie: Trie::new(), first_chars: Vec::new() }
    }

    /// Adds `word` (folded as the text will be) with `value`.
    pub fn insert(&mut self, word: &str, value: T) {
        let steps = steps(word);
        if let Some(Step::Char(c)) = steps.first() {
            self.first_chars.push(*c);
            self.trie.insert(&steps, value);
        }
    }

    /// Prepares for matching; call after the last insertion.
    pub fn finish(&mut self) {
        self.trie.finish();
        sort::sort(&mut self.first_chars);
        self.first_chars.dedup();
    }

    /// Whether some word starts with the folded character `c`.
    pub fn may_start(&self, c: char) -> bool {
        self.first_chars.binary_search(&c).is_ok()
    }

    /// The longest word at byte `pos`: its value and end.
    pub fn longest(&self, text: &str, pos: usize) -> Option<(T, usize)> {
        let mut reader = Reader::new(text, pos);
        let mut node = 0u32;
        let mut best = None;
        while let Some(c) = reader.next_char() {
            match self.trie.step(node, c) {
                Some(to) => node = to,
                None => break,
            }
            if let Some(&value) = self.trie.node(node).and_then(|n| n.ends.first())
                && ends_cleanly(&reader)
            {
                best = Some((value, reader.pos));
            }
        }
        best
    }
}

impl<T: Copy> Default for WordTrie<T> {
    fn default() -> Self {
        Self::new()
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
            Folded::Invisible | Folded::Mark => {}
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

/// Buffers reused across the matches of one text, so matching allocates nothing per word.
#[derive(Debug, Default)]
pub struct Scratch<'t> {
    stack: Vec<(u32, Reader<'t>, Option<usize>)>,
    aliases: Vec<(Reader<'t>, usize, Category)>,
}

/// Which first two (folded) characters can begin a match: checked at every word before any
/// trie is walked, and most words fail it.
#[derive(Debug, Clone)]
struct Starts {
    ascii: Box<[u128; 128]>,
    other: Vec<(char, char)>,
    single: Vec<char>,
    first_chars: Vec<char>,
}

impl Starts {
    fn new() -> Self {
        Starts {
            ascii: Box::new([0; 128]),
            other: Vec::new(),
            single: Vec::new(),
            first_chars: Vec::new(),
        }
    }

    fn add(&mut self, a: char, b: char) {
        self.first_chars.push(a);
        match (self.ascii.get_mut(a as usize), b.is_ascii()) {
            (Some(row), true) if a.is_ascii() => *row |= 1u128 << (b as u32),
            _ => self.other.push((a, b)),
        }
    }

    fn finish(&mut self) {
        self.first_chars.extend(self.single.iter().copied());
        sort::sort(&mut self.first_chars);
        self.first_chars.dedup();
        sort::sort(&mut self.other);
        self.other.dedup();
        sort::sort(&mut self.single);
        self.single.dedup();
    }

    #[inline(always)]
    fn may_begin(&self, (a, b): (Option<char>, Option<char>)) -> bool {
        let Some(a) = a else { return false };
        if self.single.binary_search(&a).is_ok() {
            return true;
        }
        let Some(b) = b else { return false };
        if a.is_ascii() && b.is_ascii() {
            return self.ascii.get(a as usize).is_some_and(|row| row & (1u128 << (b as u32)) != 0);
        }
        self.other.binary_search(&(a, b)).is_ok()
    }
}

/// The first two folded characters at `pos`, as the start filters take them.
#[inline(always)]
pub fn first_two(text: &str, pos: usize) -> (Option<char>, Option<char>) {
    let mut reader = Reader::new(text, pos);
    (reader.next_char(), reader.next_char())
}

/// The compiled phrases and aliases of one pack.
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    phrases: Trie<usize>,
    aliases: Trie<(usize, Category)>,
    phrase_starts: Starts,
    alias_starts: Starts,
}

impl PhraseIndex {
    /// Compiles the templates (`(group, template)`) and aliases (`(platform, category, alias)`).
    pub fn new<'a>(
        templates: impl IntoIterator<Item = (usize, &'a str)>,
        aliases: impl IntoIterator<Item = (usize, Category, &'a str)>,
    ) -> Self {
        let mut alias_trie = Trie::new();
        let mut alias_starts = Starts::new();
        // First two characters of the aliases, by category, for the phrases' slots.
        let mut alias_pairs: Vec<(Category, char, Option<char>)> = Vec::new();
        for (platform, category, alias) in aliases {
            let steps = steps(alias);
            let chars: Vec<char> = steps
                .iter()
                .filter_map(|s| if let Step::Char(c) = s { Some(*c) } else { None })
                .collect();
            if chars.is_empty() || chars.len() != steps.len() {
                continue;
            }
            alias_trie.insert(&steps, (platform, category));
            match chars.as_slice() {
                [a] => alias_starts.single.push(*a),
                [a, b, ..] => alias_starts.add(*a, *b),
                [] => {}
            }
            alias_pairs.push((
                category,
                chars.first().copied().unwrap_or(' '),
                chars.get(1).copied(),
            ));
        }
        alias_trie.finish();
        alias_starts.finish();
        let mut phrases = Trie::new();
        let mut phrase_starts = Starts::new();
        for (group, template) in templates {
            let steps = steps(template);
            if steps.is_empty() {
                continue;
            }
            phrases.insert(&steps, group);
            let fits = |slot: Slot, category: Category| match slot {
                Slot::AnyPlatform => true,
                Slot::Category(wanted) => wanted == category,
            };
            match (steps.first(), steps.get(1)) {
                (Some(Step::Char(a)), Some(Step::Char(b))) => {
                    phrase_starts.add(*a, *b);
                    if is_cjk_or_thai(*a) {
                        phrase_starts.add(*a, ' ');
                    }
                }
                (Some(Step::Char(a)), Some(Step::Slot(slot))) => {
                    phrase_starts.add(*a, ' ');
                    for &(category, first, _) in &alias_pairs {
                        if fits(*slot, category) {
                            phrase_starts.add(*a, first);
                        }
                    }
                }
                (Some(Step::Slot(slot)), _) => {
                    for &(category, first, second) in &alias_pairs {
                        if fits(*slot, category) {
                            match second {
                                Some(second) => phrase_starts.add(first, second),
                                None => phrase_starts.single.push(first),
                            }
                        }
                    }
                }
                (Some(Step::Char(a)), None) => phrase_starts.single.push(*a),
                (None, _) => {}
            }
        }
        phrases.finish();
        phrase_starts.finish();
        PhraseIndex { phrases, aliases: alias_trie, phrase_starts, alias_starts }
    }

    /// The longest call-to-action phrase starting at byte `pos`, if any.
    pub fn longest_phrase<'t>(
        &self,
        text: &'t str,
        pos: usize,
        first_two: (Option<char>, Option<char>),
        scratch: &mut Scratch<'t>,
    ) -> Option<Match> {
        if !self.phrase_starts.may_begin(first_two) {
            return None;
        }
        let start = Reader::new(text, pos);
        let mut best: Option<Match> = None;
        scratch.stack.clear();
        scratch.stack.push((0u32, start, None));
        while let Some((node_index, reader, platform)) = scratch.stack.pop() {
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
            if let Some(to) = self.phrases.step(node_index, c) {
                scratch.stack.push((to, next, platform));
            }
            // A space next to a character of a script without spaces is optional.
            let continues = !node.edges.is_empty() || !node.slots.is_empty();
            if c == ' '
                && continues
                && (reader.last.is_some_and(is_cjk_or_thai)
                    || next.peek().is_some_and(is_cjk_or_thai))
            {
                scratch.stack.push((node_index, next, platform));
            }
            for &(slot, to) in &node.slots {
                let from = [Some(reader), (c == ' ').then_some(next)];
                for reader in from.into_iter().flatten() {
                    scratch.aliases.clear();
                    self.alias_walk(reader, Some(slot), &mut scratch.aliases);
                    for &(alias, found, _) in &scratch.aliases {
                        scratch.stack.push((to, alias, Some(found)));
                    }
                }
            }
        }
        best
    }

    /// Whether some phrase or platform name begins with the (unfolded) character `c`; for a
    /// character that folding leaves as it is (Chinese, Thai).
    pub fn may_start_with(&self, c: char) -> bool {
        self.phrase_starts.first_chars.binary_search(&c).is_ok()
            || self.alias_starts.first_chars.binary_search(&c).is_ok()
    }

    /// The longest platform alias starting at byte `pos` whose category passes `wanted`,
    /// ending on a word boundary where it ends in a Latin letter or digit.
    pub fn longest_alias<'t>(
        &self,
        text: &'t str,
        pos: usize,
        first_two: (Option<char>, Option<char>),
        wanted: impl Fn(Category) -> bool,
        scratch: &mut Scratch<'t>,
    ) -> Option<(Match, Category)> {
        if !self.alias_starts.may_begin(first_two) {
            return None;
        }
        let start = Reader::new(text, pos);
        scratch.aliases.clear();
        self.alias_walk(start, None, &mut scratch.aliases);
        scratch.aliases.iter().rev().find(|(_, _, category)| wanted(*category)).map(
            |&(reader, platform, category)| {
                (
                    Match {
                        value: platform,
                        end: reader.pos,
                        obfuscated: reader.obfuscated,
                        platform: Some(platform),
                    },
                    category,
                )
            },
        )
    }

    /// Every alias starting at `start` (shortest first) that fits `slot`.
    fn alias_walk<'t>(
        &self,
        start: Reader<'t>,
        slot: Option<Slot>,
        out: &mut Vec<(Reader<'t>, usize, Category)>,
    ) {
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
            match self.aliases.step(node_index, c) {
                Some(to) => node_index = to,
                None => break,
            }
        }
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
        index()
            .longest_phrase(text, 0, first_two(text, 0), &mut Scratch::default())
            .map(|m| (m.value, &text[..m.end]))
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
        let found = |text: &str| {
            index
                .longest_alias(text, 0, first_two(text, 0), |_| true, &mut Scratch::default())
                .map(|(m, _)| m.end)
        };
        assert_eq!(found("WA 0812"), Some(2));
        assert_eq!(found("wanita"), None);
        assert_eq!(found("whatsapp"), Some(8));
        assert_eq!(found("微信abc"), Some("微信".len()));
        assert!(may_start_at("cek bio", 4));
        assert!(!may_start_at("biodata", 1));
        assert!(may_start_at("买加微信", 3));
    }
}
