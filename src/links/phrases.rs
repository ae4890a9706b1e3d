//! Calls to action and the cue words the signals are made of: a trie over the pack's phrases,
//! read through [`fold`].
//!
//! Phrases are templates: `beli di {ecommerce}` stands for "beli di" followed by any name people
//! write for an e-commerce platform in the catalog ("shopee", "tokped", "虾皮"…, in any
//! disguise: [`super::names`]), so the pack lists each phrase once instead of once per platform,
//! and a platform added to the catalog is recognized in every phrase. Most groups hold plain
//! cue words ("transfer", "ib", "私信", "ketemuan") that [`super::signals`] combines with names.
//!
//! Matching is case-, width- and diacritic-insensitive (through [`fold`]); a run of white space
//! in the text matches one space in a phrase; invisible characters are skipped. A phrase that
//! begins or ends with a Latin letter or digit must begin or end on a word boundary, so "cek bio"
//! does not match inside "cek biodata". Scripts written without spaces (Chinese, Thai) match
//! anywhere, and a space next to such a character is optional ("สั่งซื้อทาง LINE").
//!
//! [`fold`]: super::text::fold

use super::names::{NameIndex, NameMatch, NameScratch};
use super::text::{AsciiSet, char_at, is_cjk_or_thai, is_word_char};
use super::trie::{Reader, Slot, Step, Trie, ends_cleanly, steps};
use crate::pack::Category;
use crate::sort;

/// True when a phrase may start at byte `pos`: mid-word only in scripts without spaces.
pub fn may_start_at(text: &str, pos: usize) -> bool {
    match char_at(text, pos) {
        Some(c) if is_cjk_or_thai(c) => true,
        Some(c) if is_word_char(c) => !super::text::word_char_before(text, pos),
        Some(_) => true,
        None => false,
    }
}

/// A phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The trie node it ends at: [`PhraseIndex::groups`] tells its groups.
    node: u32,
    /// Byte offset just after the match.
    pub end: usize,
    /// Whether reading the match undid a disguise.
    pub obfuscated: bool,
    /// The platform its slot matched (the last one, if several).
    pub platform: Option<usize>,
}

/// Buffers reused across the matches of one text, so matching allocates nothing per word.
#[derive(Debug, Default)]
pub struct Scratch<'t> {
    stack: Vec<(u32, Reader<'t>, Option<usize>)>,
    found: Vec<(Reader<'t>, NameMatch)>,
    /// For the name walks.
    pub names: NameScratch<'t>,
}

/// Which first two (folded) characters can begin a phrase: checked at every word before the
/// trie is walked, and most words fail it.
#[derive(Debug, Clone)]
struct Starts {
    ascii: Box<[AsciiSet; 128]>,
    other: Vec<(char, char)>,
    single: Vec<char>,
    first_chars: Vec<char>,
}

impl Starts {
    fn new() -> Self {
        Starts {
            ascii: Box::new([AsciiSet::default(); 128]),
            other: Vec::new(),
            single: Vec::new(),
            first_chars: Vec::new(),
        }
    }

    fn add(&mut self, a: char, b: char) {
        self.first_chars.push(a);
        match (self.ascii.get_mut(a as usize), b.is_ascii()) {
            (Some(row), true) if a.is_ascii() => row.insert(b),
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
            return self.ascii.get(a as usize).is_some_and(|row| row.contains(b));
        }
        self.other.binary_search(&(a, b)).is_ok()
    }
}

/// The first two folded characters at `pos`, as the start filters take them.
#[inline(always)]
pub fn first_two(text: &str, pos: usize) -> (Option<char>, Option<char>) {
    let mut reader = Reader::with_leet(text, pos);
    (reader.next_char(), reader.next_char())
}

/// The compiled phrases of one pack, with the catalog's names for their slots.
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    phrases: Trie<usize>,
    starts: Starts,
    /// Some phrase begins with a slot: any name may begin one.
    slot_first: bool,
    /// The catalog's names.
    pub names: NameIndex,
}

impl PhraseIndex {
    /// Compiles the templates (`(group, template)`) over the catalog's `names`.
    pub fn new<'a>(
        templates: impl IntoIterator<Item = (usize, &'a str)>,
        names: NameIndex,
    ) -> Self {
        let mut phrases = Trie::new();
        let mut starts = Starts::new();
        let mut slot_first = false;
        for (group, template) in templates {
            let steps = steps(template);
            if steps.is_empty() {
                continue;
            }
            phrases.insert(&steps, group);
            match (steps.first(), steps.get(1)) {
                (Some(Step::Char(a)), Some(Step::Char(b))) => {
                    starts.add(*a, *b);
                    if is_cjk_or_thai(*a) {
                        starts.add(*a, ' ');
                    }
                }
                // "beli {ecommerce}": the second character is any name's first, or a space.
                (Some(Step::Char(a)), Some(Step::Slot(_))) => starts.single.push(*a),
                (Some(Step::Slot(_)), _) => slot_first = true,
                (Some(Step::Char(a)), None) => starts.single.push(*a),
                (None, _) => {}
            }
        }
        phrases.finish();
        starts.finish();
        PhraseIndex { phrases, starts, slot_first, names }
    }

    /// The groups a match belongs to (a phrase may be listed in several).
    pub fn groups(&self, found: &Match) -> &[usize] {
        self.phrases.node(found.node).map_or(&[], |n| n.ends.as_slice())
    }

    /// The longest phrase starting at byte `pos`, if any. `name_here`: a platform's name starts
    /// at `pos` (the scanner has looked), so a phrase that begins with a slot may match; without
    /// it no name is looked for at the start (that would be a name search at every word).
    pub fn longest_phrase<'t>(
        &self,
        text: &'t str,
        pos: usize,
        first_two: (Option<char>, Option<char>),
        name_here: bool,
        scratch: &mut Scratch<'t>,
    ) -> Option<Match> {
        let slot_start = self.slot_first && name_here;
        if !slot_start && !self.starts.may_begin(first_two) {
            return None;
        }
        let start = Reader::with_leet(text, pos);
        let mut best: Option<Match> = None;
        scratch.stack.clear();
        scratch.stack.push((0u32, start, None));
        let mut explored = 0;
        while let Some((node_index, reader, platform)) = scratch.stack.pop() {
            explored += 1;
            if explored > 256 {
                break;
            }
            let Some(node) = self.phrases.node(node_index) else { continue };
            if !node.ends.is_empty()
                && reader.pos > pos
                && reader.last != Some(' ')
                && ends_cleanly(&reader)
                && best.is_none_or(|b| reader.pos > b.end)
            {
                best = Some(Match {
                    node: node_index,
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
            for &(slot, to) in node.slots.iter().filter(|_| node_index != 0 || slot_start) {
                let from = [Some(reader), (c == ' ').then_some(next)];
                for reader in from.into_iter().flatten() {
                    let wanted = |category: Category| match slot {
                        Slot::AnyPlatform => true,
                        Slot::Category(wanted) => wanted == category,
                    };
                    self.names.names_at(
                        reader,
                        &wanted,
                        &mut scratch.found,
                        &mut scratch.names.stack,
                    );
                    // A name in a phrase's slot has the phrase for support, ambiguous or not.
                    for &(after, found) in &scratch.found {
                        scratch.stack.push((to, after, Some(found.platform)));
                    }
                }
            }
        }
        best
    }

    /// Whether some phrase or platform name begins with the (unfolded) character `c`; for a
    /// character that folding leaves as it is (Chinese, Thai).
    pub fn may_start_with(&self, c: char) -> bool {
        self.starts.first_chars.binary_search(&c).is_ok() || self.names.may_start(c)
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
                (4, "cek"),
                (5, "cek bio"),
            ],
            NameIndex::new([
                (0, Category::Ecommerce, "shopee", false),
                (1, Category::Ecommerce, "tokped", false),
                (2, Category::Messenger, "wa", false),
                (3, Category::Messenger, "微信", false),
                (4, Category::Messenger, "line", true),
                (5, Category::Messenger, "ไลน์", false),
                (6, Category::Messenger, "whatsapp", false),
            ]),
        )
    }

    fn phrase(text: &str) -> Option<(Vec<usize>, &str)> {
        let index = index();
        index
            .longest_phrase(text, 0, first_two(text, 0), true, &mut Scratch::default())
            .map(|m| (index.groups(&m).to_vec(), &text[..m.end]))
    }

    #[test]
    fn phrases_with_slots_match_any_name_of_the_category() {
        assert_eq!(phrase("Beli di Shopee ya"), Some((vec![0], "Beli di Shopee")));
        assert_eq!(phrase("beli   di\ntokped"), Some((vec![0], "beli   di\ntokped")));
        assert_eq!(phrase("beli di sh0pee ya"), Some((vec![0], "beli di sh0pee")));
        assert_eq!(phrase("beli di s h o p e e ya"), Some((vec![0], "beli di s h o p e e")));
        assert_eq!(phrase("beli di shopeenya"), None);
        assert_eq!(phrase("beli di wa"), None, "wa is a messenger, not e-commerce");
        assert_eq!(phrase("加微信下单"), Some((vec![1], "加微信下单")));
        assert_eq!(phrase("加 微信 下单"), Some((vec![1], "加 微信 下单")));
        assert_eq!(phrase("加wa下单"), Some((vec![1], "加wa下单")));
        assert_eq!(phrase("สั่งซื้อทางไลน์"), Some((vec![0], "สั่งซื้อทางไลน์")));
        assert_eq!(
            phrase("สั่งซื้อทาง LINE นะคะ"),
            Some((vec![0], "สั่งซื้อทาง LINE")),
            "an ambiguous name in a phrase counts"
        );
        assert_eq!(phrase("cek biodata"), Some((vec![4], "cek")));
        assert_eq!(
            phrase("ＣＥＫ ＢＩＯ"),
            Some((vec![2, 5], "ＣＥＫ ＢＩＯ")),
            "a phrase in two groups"
        );
        assert_eq!(phrase("order via whatsapp"), Some((vec![3], "order via whatsapp")));
    }

    #[test]
    fn phrases_start_only_at_word_starts_in_spaced_scripts() {
        assert!(may_start_at("cek bio", 4));
        assert!(!may_start_at("biodata", 1));
        assert!(may_start_at("买加微信", 3));
    }
}
