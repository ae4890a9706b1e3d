//! Which detectors a word can start: read each word of a text once, and let most of them go.
//!
//! Every word of every caption is a place where a platform's name, a cue phrase, a digit word
//! or a word for "@" could begin, and each of those is a walk over a trie. Nearly all words
//! begin none of them, and in a spaced script that is decided by the word itself: a phrase
//! begins with one of a few hundred first words, a name with a prefix of a name. So the pack's
//! word lists are reduced, when the index is built, to one map from a folded word's hash to
//! the detectors that word can start ([`NAME`], [`PHRASE`], [`DIGIT`], [`AT`]), and the
//! scanner reads each word once ([`read_word`]): a word that is in no list and hides nothing
//! (no digit, no symbol standing for a letter, no doubled letter) skips every walk. Chinese and
//! Thai are written without spaces, so there the test is per character: a bitmap of the
//! characters some entry begins with.
//!
//! Measured with `node bench/js/run.mjs links` (1 MB of clean prose, Node): 116.6 ms before
//! the word dispatch, about 50 ms after (2026-12-05).

use super::text::{
    Folded, char_at, fold, is_alphanumeric, is_cjk_or_thai, is_word_char, lowercase,
};
use crate::fast_hash::FastMap;

/// The word may begin a platform's name.
pub const NAME: u8 = 1;
/// The word may begin a cue or call-to-action phrase.
pub const PHRASE: u8 = 2;
/// The word may be a digit word ("satu", "không").
pub const DIGIT: u8 = 4;
/// The word may begin a word for "@" ("at", "a keong").
pub const AT: u8 = 8;
/// The word is the start of a name's first word but not the whole of it ("sho" of "shopee",
/// "s" of "s h o p e e"): a name only if the next word continues it.
const NAME_PREFIX: u8 = 16;

/// A word of a spaced script, as the dispatch read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset just after it.
    pub end: usize,
    /// Hash of its folded letters and digits.
    pub key: u64,
    /// It contains something a disguise is made of: a digit among letters, a symbol standing
    /// for a letter (`$`, `!`, `|`), a doubled letter, an invisible character.
    pub disguised: bool,
    /// Digits among letters: a number may be read from it ("O8l2", "zero9one7").
    mixed: bool,
}

/// The words and first characters that can start something, compiled from the pack's lists.
#[derive(Debug, Clone)]
pub struct WordStarts {
    words: FastMap<u64, u8>,
    /// The same for the skeletons of names and of phrases' first words ([`skeleton`]): what a
    /// disguised word ("sh0ppee", "wh4tsap") can start.
    skeletons: FastMap<u64, u8>,
    /// One bit per Basic Multilingual Plane character: some entry begins with it (Chinese,
    /// Thai, other scripts without spaces).
    first_chars: Vec<u64>,
    /// For those: what an entry beginning with a pair of characters (the second `'\0'`: any)
    /// can start. Thai and Chinese entries share first characters with much ordinary text; the
    /// pair tells most of it apart.
    pairs: FastMap<u64, u8>,
}

impl Default for WordStarts {
    fn default() -> Self {
        WordStarts {
            words: FastMap::default(),
            skeletons: FastMap::default(),
            first_chars: vec![0; 1024],
            pairs: FastMap::default(),
        }
    }
}

/// The hash of a word, letter by letter.
#[derive(Debug, Clone, Copy)]
struct Key(u64);

impl Key {
    const fn new() -> Key {
        Key(0xcbf2_9ce4_8422_2325)
    }
    fn add(&mut self, c: char) {
        self.0 = (self.0 ^ u64::from(u32::from(c))).wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// The key of a word's skeleton: its characters' [`skeleton_class`]es, a run of the same class
/// counted once ("shoppee" and "sh0pe" read alike).
#[derive(Debug, Clone, Copy)]
struct Skeleton {
    key: Key,
    last: char,
}

impl Skeleton {
    const fn new() -> Skeleton {
        Skeleton { key: Key::new(), last: '\0' }
    }
    /// Adds a character's class (already a class, or lowercase).
    fn add(&mut self, class: char) {
        if class != self.last {
            self.key.add(class);
            self.last = class;
        }
    }
}

impl WordStarts {
    /// Adds `entry` (a name, phrase or word, lowercase, possibly with `{slots}`) for the
    /// detectors in `flags`. `prefixes`: every prefix of its first word counts too (names are
    /// written split or spelled out: "sho pee", "s h o p e e").
    pub fn add(&mut self, entry: &str, flags: u8, prefixes: bool) {
        let mut key = Key::new();
        let mut skeleton_key = Skeleton::new();
        let mut chars = entry.chars().filter_map(|c| match fold(c) {
            Folded::Char(f, _) => Some(f),
            Folded::Invisible | Folded::Mark => None,
        });
        let Some(first) = chars.next() else { return };
        // Chinese and Thai, and entries that begin with a symbol ("(at)", "+v", "✈️"): by the
        // pair of characters they begin with.
        if is_cjk_or_thai(first) || !is_alphanumeric(first) {
            self.set_first_char(first);
            // A slot ("加{messenger}") may be any name: any second character.
            let second = chars.find(|&c| c == '{' || !is_between_letters(c)).filter(|&c| c != '{');
            *self.pairs.entry(pair_key(first, second.unwrap_or('\0'))).or_default() |= flags;
            return;
        }
        for c in std::iter::once(first).chain(chars) {
            // The text's words end where Chinese or Thai begins ("ins风", "qq弹"): so does the key.
            if !is_alphanumeric(c) && !is_leet_symbol(c) || is_cjk_or_thai(c) {
                break;
            }
            let lower = lowercase(c);
            if is_alphanumeric(c) {
                key.add(lower);
            }
            skeleton_key.add(skeleton_class(lower));
            if prefixes {
                *self.words.entry(key.0).or_default() |= NAME_PREFIX;
                *self.skeletons.entry(skeleton_key.key.0).or_default() |= NAME_PREFIX;
            }
        }
        *self.words.entry(key.0).or_default() |= flags;
        *self.skeletons.entry(skeleton_key.key.0).or_default() |= flags & (NAME | PHRASE);
    }

    fn set_first_char(&mut self, c: char) {
        let code = c as usize;
        if let Some(slot) = self.first_chars.get_mut(code / 64) {
            *slot |= 1 << (code % 64);
        }
    }

    /// Whether some entry begins with the (folded) character `c` of a script without spaces.
    #[inline]
    pub fn char_starts(&self, c: char) -> bool {
        let code = c as usize;
        self.first_chars.get(code / 64).is_some_and(|bits| bits & (1 << (code % 64)) != 0)
            || code > 0xFFFF
    }

    /// What the character `c` at byte `pos` of a script without spaces (or a symbol that is no
    /// word's start) can start, by the character after it.
    pub fn char_flags(&self, text: &str, pos: usize, c: char) -> u8 {
        if !self.char_starts(c) {
            return 0;
        }
        let mut at = pos + c.len_utf8();
        let mut second = '\0';
        while let Some(next) = char_at(text, at) {
            match fold(next) {
                Folded::Char(f, _) if !is_between_letters(f) => {
                    second = f;
                    break;
                }
                _ => at += next.len_utf8(),
            }
        }
        let flags = |a, b| self.pairs.get(&pair_key(a, b)).copied().unwrap_or(0);
        flags(c, '\0') | flags(c, second)
    }

    /// What `word` (read at byte `pos` of `text`) can start. A disguised word is looked up by
    /// its skeleton too, and digits among letters may be a number ("O8l2", "zero9one7"). The
    /// start of a name counts when the next word continues it ("sho pee", "s h o p e e"; not
    /// the "S" of "S M L XL").
    #[inline]
    pub fn flags(&self, text: &str, pos: usize, word: &Word) -> u8 {
        let plain = self.words.get(&word.key).copied().unwrap_or(0);
        let mut flags = plain & !NAME_PREFIX;
        if plain & (NAME | NAME_PREFIX) == NAME_PREFIX && self.name_continues(text, pos, word) {
            flags |= NAME;
        }
        if !word.disguised {
            return flags;
        }
        let skeleton = self.skeletons.get(&skeleton(text, pos, word.end).key.0).copied();
        let skeleton = skeleton.unwrap_or(0);
        if skeleton & (NAME | NAME_PREFIX) == NAME_PREFIX && self.name_continues(text, pos, word) {
            flags |= NAME;
        }
        let mixed = if word.mixed { DIGIT } else { 0 };
        flags | (skeleton & !NAME_PREFIX) | mixed
    }

    /// Whether the word after `word` (past at most three separators) continues the start of
    /// a name that `word` is, as written or as a skeleton.
    fn name_continues(&self, text: &str, pos: usize, word: &Word) -> bool {
        let mut skeleton_key = skeleton(text, pos, word.end);
        let mut at = word.end;
        for _ in 0..3 {
            match char_at(text, at) {
                Some(c) if c != '\n' && !is_word_char(c) && !is_cjk_or_thai(c) => {
                    // A symbol for a letter ("wh@tsapp") is part of the skeleton.
                    let class = skeleton_class(c);
                    if class != c {
                        skeleton_key.add(class);
                    }
                    at += c.len_utf8();
                }
                _ => break,
            }
        }
        if at == word.end {
            // "V信": a Latin letter glued to Chinese may begin a name written in both.
            return char_at(text, at).is_some_and(is_cjk_or_thai);
        }
        let next = read_word(text, at);
        let mut key = Key(word.key);
        let mut at_char = at;
        while at_char < next.end {
            let Some(c) = char_at(text, at_char) else { break };
            at_char += c.len_utf8();
            let Folded::Char(f, _) = fold(c) else { continue };
            let lower = lowercase(f);
            if is_alphanumeric(lower) {
                key.add(lower);
            }
            skeleton_key.add(skeleton_class(lower));
        }
        let name = |flags: Option<&u8>| flags.is_some_and(|f| f & (NAME | NAME_PREFIX) != 0);
        next.end > at
            && (name(self.words.get(&key.0)) || name(self.skeletons.get(&skeleton_key.key.0)))
    }
}

/// Two characters as one key (one map type fewer in the wasm).
fn pair_key(a: char, b: char) -> u64 {
    u64::from(u32::from(a)) << 32 | u64::from(u32::from(b))
}

/// The class a (folded, lowercase) letter, digit or symbol falls in for the skeleton of a word:
/// the letters a digit or symbol stands for in a name are one class with it ("sh0p", "$hop",
/// "1nstagram" and "lnstagram" all read alike). A superset of the name walk's moves, so a word
/// it can match always has a known skeleton.
fn skeleton_class(c: char) -> char {
    match c {
        '0' | 'o' | '⭕' | '○' | '◯' | '°' | '◎' | '●' => 'o',
        '1' | '!' | '|' | 'i' | 'l' => 'l',
        '2' | 'z' => 'z',
        '3' | 'e' | '€' => 'e',
        '4' | 'a' | '@' => 'a',
        '5' | '$' | 's' => 's',
        '6' | '8' | '9' | 'g' | 'b' => 'b',
        '7' | 't' | '+' => 't',
        'c' | '(' | '<' => 'c',
        other => other,
    }
}

/// The skeleton of the word at `pos..end`.
fn skeleton(text: &str, pos: usize, end: usize) -> Skeleton {
    let mut skeleton = Skeleton::new();
    let mut at = pos;
    while at < end {
        let Some(c) = char_at(text, at) else { break };
        at += c.len_utf8();
        let Folded::Char(f, _) = fold(c) else { continue };
        skeleton.add(skeleton_class(lowercase(f)));
    }
    skeleton
}

/// What may stand between the letters of a name or phrase in a script without spaces (and is
/// passed over to find the second letter): anything that is no letter or digit. (Not
/// `char::is_alphanumeric`: its table search costs two thousand instructions a Chinese
/// character.)
fn is_between_letters(c: char) -> bool {
    !(is_cjk_or_thai(c) || is_word_char(c))
}

/// Symbols people write for letters inside a word ("$hopee", "l!nk"). Not `@`: the word ends
/// there, so an e-mail address is found from it (and a name walk reads "wh@tsapp" on).
fn is_leet_symbol(c: char) -> bool {
    matches!(c, '$' | '!' | '|')
}

/// Reads the word at `pos` (letters and digits as folded, and symbols standing for letters).
pub fn read_word(text: &str, pos: usize) -> Word {
    let bytes = text.as_bytes();
    let mut at = pos;
    let mut key = Key::new();
    let mut disguised = false;
    let mut digits = 0;
    let mut letters = 0;
    let mut last = '\0';
    while let Some(&b) = bytes.get(at) {
        let c = if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                let next_alnum = bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric);
                if is_leet_symbol(char::from(b)) && next_alnum && (letters > 0 || at == pos) {
                    disguised = true;
                    at += 1;
                    continue;
                }
                break;
            }
            at += 1;
            char::from(b.to_ascii_lowercase())
        } else {
            let Some(c) = char_at(text, at) else { break };
            match fold(c) {
                Folded::Char(f, o) if !is_cjk_or_thai(f) && is_alphanumeric(f) => {
                    disguised |= o;
                    at += c.len_utf8();
                    lowercase(f)
                }
                Folded::Invisible if letters > 0 => {
                    disguised = true;
                    at += c.len_utf8();
                    continue;
                }
                Folded::Mark => {
                    at += c.len_utf8();
                    continue;
                }
                _ => break,
            }
        };
        if c.is_ascii_digit() {
            digits += 1;
        } else {
            letters += 1;
            // A doubled letter ("shoppee"); doubled digits are just a number.
            disguised |= c == last;
        }
        last = c;
        key.add(c);
    }
    // Digits among letters ("sh0pee", "zero9one7"), not a plain number or word.
    let mixed = digits > 0 && letters > 0;
    Word { end: at, key: key.0, disguised: disguised || mixed, mixed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_what_they_start() {
        let mut starts = WordStarts::default();
        starts.add("shopee", NAME, true);
        starts.add("beli di {ecommerce}", PHRASE, false);
        starts.add("satu", DIGIT, false);
        starts.add("加{messenger}下单", PHRASE, false);
        starts.add("qq弹", PHRASE, false);
        let flags = |text: &str| starts.flags(text, 0, &read_word(text, 0));
        // A phrase that goes on in Chinese starts at its Latin word ("QQ弹弹的口感").
        assert_eq!(flags("QQ弹弹的"), PHRASE);
        assert_eq!(flags("Shopee ya"), NAME);
        assert_eq!(flags("SHO pee"), NAME);
        assert_eq!(flags("s h o p e e"), NAME);
        assert_eq!(flags("s.h.0.p.e.e"), NAME);
        assert_eq!(flags("S M L XL"), 0);
        assert_eq!(flags("sho"), 0);
        assert_eq!(flags("Beli di"), PHRASE);
        assert_eq!(flags("satu dua"), DIGIT);
        assert_eq!(flags("bahan katun"), 0);
        assert_eq!(flags("ｓｈｏｐｅｅ"), NAME);
        assert_eq!(flags("sh0ppee"), NAME | DIGIT);
        assert_eq!(flags("5H0PEEEE"), NAME | DIGIT);
        assert_eq!(flags("shoppeeee"), NAME);
        assert_eq!(flags("app"), 0);
        assert_eq!(flags("sh0p pee"), NAME | DIGIT);
        assert_eq!(flags("cotton"), 0);
        assert_eq!(flags("satu2"), DIGIT);
        assert_eq!(flags("Ol6"), DIGIT);
        assert!(starts.char_starts('加'));
        assert!(!starts.char_starts('的'));
        assert_eq!(starts.char_flags("加微信", 0, '加'), PHRASE);
        assert_eq!(starts.char_flags("加油", 0, '加'), PHRASE);
        let word = read_word("sh0pee!", 0);
        assert!(word.disguised && word.end == 6);
        assert!(read_word("$hopee", 0).disguised);
        assert!(read_word("shoppee", 0).disguised);
        assert!(!read_word("bahan", 0).disguised);
        assert_eq!(read_word("Đặt hàng", 0).end, "Đặt".len());
    }
}
