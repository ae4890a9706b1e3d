//! The tries every word list of the links checker is matched with, and the reader they walk the
//! text with.
//!
//! A [`Reader`] reads the text as [`fold`] does — case, width, look-alikes and diacritics
//! folded, invisible characters skipped, any run of white space read as one `' '` — so a word
//! list is written once, naturally, and matches however the text disguises it. A [`Trie`] holds
//! phrases with slots (`beli di {ecommerce}`); a [`WordTrie`] plain words (digit words).

use super::text::{AsciiSet, Folded, char_at, fold, is_letter, is_space, is_word_char};
use crate::pack::Category;
use crate::sort;

/// Reads folded characters from a byte position: skips invisible characters and collapses
/// white space into one `' '`.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'t> {
    /// The text read.
    pub text: &'t str,
    /// Byte position of the next character.
    pub pos: usize,
    /// Whether anything read so far undid an obfuscation.
    pub obfuscated: bool,
    /// The last character read (folded), if any.
    pub last: Option<char>,
    /// Read a digit or symbol between two letters as the letter it stands for ("l!nk in b!o").
    leet: bool,
}

impl<'t> Reader<'t> {
    /// A reader at byte `pos` of `text`.
    pub fn new(text: &'t str, pos: usize) -> Self {
        Reader { text, pos, obfuscated: false, last: None, leet: false }
    }

    /// A reader that also reads a digit or symbol between two letters as a letter.
    pub fn with_leet(text: &'t str, pos: usize) -> Self {
        Reader { leet: true, ..Reader::new(text, pos) }
    }

    /// The next folded character, advancing past it.
    #[inline(always)]
    pub fn next_char(&mut self) -> Option<char> {
        // Fast path, inlined: an ASCII letter or a symbol that is not white space.
        if let Some(&b) = self.text.as_bytes().get(self.pos)
            && b.is_ascii_graphic()
            && (!self.leet || b.is_ascii_alphabetic())
        {
            self.pos += 1;
            let c = char::from(b.to_ascii_lowercase());
            self.last = Some(c);
            return Some(c);
        }
        self.next_char_slow()
    }

    /// The letter an ASCII digit or symbol at the reader's position stands for, when it stands
    /// between two letters.
    fn leet_letter(&self, b: u8) -> Option<char> {
        let letter = match b {
            b'0' => 'o',
            b'1' | b'!' | b'|' => 'i',
            b'3' => 'e',
            b'4' | b'@' => 'a',
            b'5' | b'$' => 's',
            b'7' => 't',
            _ => return None,
        };
        let before = self.last.is_some_and(|c| c.is_ascii_alphabetic());
        let after = self.text.as_bytes().get(self.pos + 1).is_some_and(u8::is_ascii_alphabetic);
        (before && after).then_some(letter)
    }

    #[inline(never)]
    fn next_char_slow(&mut self) -> Option<char> {
        if self.leet
            && let Some(&b) = self.text.as_bytes().get(self.pos)
            && b.is_ascii_graphic()
        {
            let c = self.leet_letter(b).unwrap_or(char::from(b.to_ascii_lowercase()));
            self.obfuscated |= !b.is_ascii_alphabetic() && c.is_ascii_alphabetic();
            self.pos += 1;
            self.last = Some(c);
            return Some(c);
        }
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
    pub fn at_word_end(&self) -> bool {
        !char_at(self.text, self.pos).is_some_and(is_word_char)
    }
}

/// What a slot stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Category(Category),
    AnyPlatform,
}

#[derive(Debug, Default, Clone)]
pub struct Node<T> {
    pub edges: Vec<(char, u32)>,
    pub slots: Vec<(Slot, u32)>,
    pub ends: Vec<T>,
}

/// A trie whose terminals carry a `T`. The root's ASCII edges are also in a table: it is
/// consulted at every word of the text, and almost always says "no".
#[derive(Debug, Clone)]
pub struct Trie<T> {
    nodes: Vec<Node<T>>,
    root_ascii: [u32; 128],
}

impl<T: Copy> Trie<T> {
    pub fn new() -> Self {
        Trie {
            nodes: vec![Node { edges: Vec::new(), slots: Vec::new(), ends: Vec::new() }],
            root_ascii: [0; 128],
        }
    }

    /// Fills the root table; call after the last insertion.
    pub fn finish(&mut self) {
        if let Some(root) = self.nodes.first() {
            for &(c, to) in &root.edges {
                if let Some(slot) = self.root_ascii.get_mut(c as usize) {
                    *slot = to;
                }
            }
        }
    }

    /// The child of `node` along `c`.
    pub fn step(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 && c.is_ascii() {
            return self.root_ascii.get(c as usize).copied().filter(|&to| to != 0);
        }
        self.node(node)?.edges.iter().find(|(e, _)| *e == c).map(|(_, to)| *to)
    }

    pub fn child(&mut self, node: u32, step: Step) -> u32 {
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

    pub fn insert(&mut self, steps: &[Step], value: T) {
        let mut node = 0;
        for step in steps {
            node = self.child(node, *step);
        }
        if let Some(n) = self.nodes.get_mut(node as usize) {
            n.ends.push(value);
        }
    }

    pub fn node(&self, index: u32) -> Option<&Node<T>> {
        self.nodes.get(index as usize)
    }
}

/// A trie of plain words (no slots), read through [`fold`]: the longest word at a position,
/// ending on a word boundary where it ends in a Latin letter or digit. For small word lists
/// such as digit words.
#[derive(Debug, Clone)]
pub struct WordTrie<T> {
    trie: Trie<T>,
    /// Folded ASCII first characters, as bits; then the others, sorted.
    first_ascii: AsciiSet,
    first_chars: Vec<char>,
}

impl<T: Copy> WordTrie<T> {
    /// An empty trie.
    pub fn new() -> Self {
        WordTrie { trie: Trie::new(), first_ascii: AsciiSet::default(), first_chars: Vec::new() }
    }

    /// Adds `word` (folded as the text will be) with `value`.
    pub fn insert(&mut self, word: &str, value: T) {
        let steps = steps(word);
        if let Some(&Step::Char(c)) = steps.first() {
            if c.is_ascii() {
                self.first_ascii.insert(c);
            } else {
                self.first_chars.push(c);
            }
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
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        if c.is_ascii() {
            self.first_ascii.contains(c)
        } else {
            self.first_chars.binary_search(&c).is_ok()
        }
    }

    /// The longest word at byte `pos` that ends on a word boundary: its value and end.
    pub fn longest(&self, text: &str, pos: usize) -> Option<(T, usize)> {
        self.longest_where(text, pos, ends_cleanly)
    }

    /// The longest word at byte `pos` that ends a word or runs into a digit ("zero9one7").
    pub fn longest_glued_to_digits(&self, text: &str, pos: usize) -> Option<(T, usize)> {
        self.longest_where(text, pos, |reader| {
            ends_cleanly(reader)
                || char_at(reader.text, reader.pos)
                    .is_some_and(|c| matches!(fold(c), Folded::Char(d, _) if d.is_ascii_digit()))
        })
    }

    fn longest_where(
        &self,
        text: &str,
        pos: usize,
        ends: impl Fn(&Reader<'_>) -> bool,
    ) -> Option<(T, usize)> {
        let mut reader = Reader::new(text, pos);
        let mut node = 0u32;
        let mut best = None;
        while let Some(c) = reader.next_char() {
            match self.trie.step(node, c) {
                Some(to) => node = to,
                None => break,
            }
            if let Some(&value) = self.trie.node(node).and_then(|n| n.ends.first())
                && ends(&reader)
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
pub enum Step {
    Char(char),
    Slot(Slot),
}

/// Splits a lowercase template into folded characters and slots.
pub fn steps(template: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            let slot = [
                ("{ecommerce}", Slot::Category(Category::Ecommerce)),
                ("{messenger}", Slot::Category(Category::Messenger)),
                ("{social}", Slot::Category(Category::Social)),
                ("{payment}", Slot::Category(Category::Payment)),
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

/// A match ending in a Latin letter or digit must end a word.
pub fn ends_cleanly(reader: &Reader<'_>) -> bool {
    match reader.last {
        Some(c) if c.is_ascii_alphanumeric() || is_letter(c) => reader.at_word_end(),
        _ => true,
    }
}
