//! Span and character helpers shared by the links detectors: how a character *reads* for
//! matching, and UTF-16 offsets for JS.
//!
//! People who want a link, a name or a phone number to slip past a filter write it in ways a
//! plain byte comparison misses: fullwidth letters (`ｓｈｏｐｅｅ`), mathematical or enclosed
//! letters (`𝐬𝐡𝐨𝐩𝐞𝐞`, `ⓢⓗⓞⓟⓔⓔ`, `🅢🅗🅞🅟🅔🅔`), small capitals (`ꜱʜᴏᴘᴇᴇ`), Cyrillic or Greek
//! look-alikes (`shоpee` with a Cyrillic `о`), zero-width characters or strike-through marks
//! inside a word, digits of other scripts (`๐๘๑๒`, `０８１２`, `𝟎𝟖𝟏𝟐`), or Vietnamese without its
//! diacritics. [`fold`] maps each character to what it reads as (lowercase ASCII where it can)
//! and says whether that reading undid a disguise. Every detector reads the text through it, so
//! they all see through the same tricks and none re-implements them.
//!
//! The table is generated from the Unicode Character Database by `tools/fold_table.py` (166
//! runs, 3.3 KB of bytes; about 1.6 KB of the `.wasm` gzip). The crates that do this job
//! (`unicode-security`'s UTS #39 skeletons, `decancer`) carry every confusable of every script,
//! tens of KB of tables, for look-alikes sellers do not use; the links scanner only needs what
//! reads as a Latin letter or a digit.

use super::fold_table::{BYTES, DISGUISE, INVISIBLE, MARK, RUNS, UNCHANGED};

/// What a character reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// The character reads as this one; `true` when reading it so undid a disguise
    /// (fullwidth, a look-alike letter, a digit of another script).
    Char(char, bool),
    /// An invisible character (zero-width space, soft hyphen, variation selector, a
    /// strike-through mark…): it reads as nothing, and its presence inside a word is a disguise.
    Invisible,
    /// A combining mark of ordinary spelling (a Vietnamese tone written as a separate mark): it
    /// reads as nothing and hides nothing.
    Mark,
}

impl Folded {
    /// Whether the character reads as nothing (invisible or a combining mark).
    #[inline(always)]
    pub fn is_nothing(self) -> bool {
        matches!(self, Folded::Invisible | Folded::Mark)
    }
}

/// How `c` reads for matching: ASCII lowercase; fullwidth, mathematical, enclosed, small-capital
/// and look-alike letters and every script's digits folded to ASCII; Latin letters with
/// diacritics to their base letter; invisible characters and combining marks dropped; Unicode
/// spaces to `' '`.
///
/// Called for nearly every character of a text: the ASCII case is inlined into the callers (the
/// release build optimizes for size and would otherwise call out for each character); the
/// rest is one out-of-line function.
#[inline(always)]
pub fn fold(c: char) -> Folded {
    if c.is_ascii() {
        return Folded::Char(c.to_ascii_lowercase(), false);
    }
    fold_non_ascii(c)
}

#[inline(never)]
fn fold_non_ascii(c: char) -> Folded {
    let code = c as u32;
    // Nothing folds in Thai letters, CJK ideographs, kana and Hangul syllables: skip the search.
    if (0x0E00..0x0E50).contains(&code)
        || (0x0E5A..0x0E80).contains(&code)
        || (0x3400..0xA000).contains(&code)
        || (0xAC00..0xD7B0).contains(&code)
    {
        return Folded::Char(c, false);
    }
    let Some(index) = RUNS.partition_point(|&(first, _)| first <= code).checked_sub(1) else {
        return Folded::Char(c, false);
    };
    let start =
        index.checked_sub(1).and_then(|i| RUNS.get(i)).map_or(0, |&(_, end)| end & !DISGUISE);
    let Some(&(first, end)) = RUNS.get(index) else { return Folded::Char(c, false) };
    let at = usize::from(start) + (code - first) as usize;
    let byte = if at < usize::from(end & !DISGUISE) { BYTES.get(at).copied() } else { None };
    match byte {
        None | Some(UNCHANGED) => Folded::Char(c, false),
        Some(INVISIBLE) => Folded::Invisible,
        Some(MARK) => Folded::Mark,
        Some(b) => Folded::Char(char::from(b), end & DISGUISE != 0),
    }
}

/// The number an enclosed or keycap number from 10 to 20 stands for (`⑩`, `⑽`, `⒑`, `⓫`,
/// `❿`, `🔟` …): one character, two digits. The enclosed 0 to 9 fold to digits in [`fold`].
pub fn enclosed_number(c: char) -> Option<u32> {
    let code = c as u32;
    if code < 0x2469 {
        return None;
    }
    let value = match code {
        0x2469..=0x2473 => code - 0x2469 + 10,
        0x247D..=0x2487 => code - 0x247D + 10,
        0x2491..=0x249B => code - 0x2491 + 10,
        0x24EB..=0x24F4 => code - 0x24EB + 11,
        0x24FE | 0x277F | 0x2789 | 0x2793 | 0x1F51F => 10,
        _ => return None,
    };
    Some(value)
}

/// Whether the character ending at byte `at` is a word character ([`is_word_char`]); ASCII
/// without decoding, as it is asked at every word.
#[inline]
pub fn word_char_before(text: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|i| text.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        None => false,
        Some(_) => char_before(text, at).is_some_and(is_word_char),
    }
}

/// A character that can be part of a word in Latin-script text (letters with diacritics and
/// look-alikes count): used for word boundaries.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // Regional indicators read as letters, but next to a word they are a flag ("Shopee🇮🇩").
    if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
        return false;
    }
    match fold(c) {
        Folded::Char(f, _) => f.is_ascii_alphanumeric() || is_letter(f),
        Folded::Invisible | Folded::Mark => false,
    }
}

/// A letter of a script written with spaces between words: Latin (with diacritics and
/// combining marks), Greek, Cyrillic. Range checks, not Unicode tables, to keep the wasm small.
#[inline]
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x024F | 0x0300..=0x036F | 0x0370..=0x03FF | 0x0400..=0x052F | 0x1E00..=0x1EFF)
}

/// White space, as [`fold`] leaves it (it turns the Unicode spaces into `' '`).
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `text` lowercased as [`fold`] reads it (for matching short words, not for display).
pub fn folded_lowercase(text: &str) -> String {
    text.chars()
        .filter_map(|c| match fold(c) {
            Folded::Char(f, _) => Some(f),
            Folded::Invisible | Folded::Mark => None,
        })
        .collect()
}

/// A short piece of text folded as [`folded_lowercase`] does, on the stack: for the words
/// looked at before every number (no allocation per number).
#[derive(Clone, Copy)]
pub struct ShortFolded {
    bytes: [u8; 96],
    len: usize,
}

impl ShortFolded {
    /// `text` folded, cut at a character boundary when it does not fit.
    pub fn of(text: &str) -> ShortFolded {
        let mut out = ShortFolded { bytes: [0; 96], len: 0 };
        for c in text.chars() {
            let Folded::Char(f, _) = fold(c) else { continue };
            let Some(slot) = out.bytes.get_mut(out.len..out.len + f.len_utf8()) else { break };
            f.encode_utf8(slot);
            out.len += f.len_utf8();
        }
        out
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

/// A set of ASCII characters, one bit each (two words rather than a `u128`, whose shifts are
/// calls into the compiler's runtime in a size-optimized build).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AsciiSet([u64; 2]);

impl AsciiSet {
    /// Adds `c` (nothing if it is not ASCII).
    pub fn insert(&mut self, c: char) {
        if let Some(word) = self.0.get_mut(c as usize / 64) {
            *word |= 1 << (c as u32 % 64);
        }
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.0.get(c as usize / 64).is_some_and(|word| word & (1 << (c as u32 % 64)) != 0)
    }
}

/// `c` in lowercase, as far as matching needs: ASCII, and the Greek and Cyrillic capitals that
/// [`fold`] leaves as they are (IDN labels such as "ПРИМЕР.рф"); Latin letters with diacritics
/// already fold to ASCII. Not `char::to_lowercase`: its tables are 12 KB of the wasm.
pub fn lowercase(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0x391..=0x3A9 | 0x410..=0x42F => code + 0x20,
        0x400..=0x40F => code + 0x50,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Whether `c` is a letter of some script: ASCII letters, what [`is_word_char`] and
/// [`is_cjk_or_thai`] take, and otherwise any character outside the blocks of punctuation,
/// symbols, marks, spaces, private use and emoji. Not `char::is_alphabetic`: its tables are
/// kilobytes of the wasm, for the few places that ask about letters of other scripts (IDN
/// labels and top-level domains, e-mail local parts).
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if let Folded::Char(f, _) = fold(c)
        && f.is_ascii()
    {
        return f.is_ascii_alphabetic();
    }
    !matches!(c as u32,
        0x80..=0xBF | 0xD7 | 0xF7 | 0x300..=0x36F | 0x2000..=0x2BFF | 0x2E00..=0x2E7F
        | 0x3000..=0x303F | 0xD800..=0xF8FF | 0xFE00..=0xFE6F | 0xFF00..=0xFF20
        | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0xFFF0..=0xFFFF | 0x1F000..)
}

/// [`is_alphabetic`], or a digit of any script ([`fold`] reads them as ASCII digits).
pub fn is_alphanumeric(c: char) -> bool {
    matches!(fold(c), Folded::Char(d, _) if d.is_ascii_digit()) || is_alphabetic(c)
}

/// Whether `c` is a capital that [`lowercase`] lowers.
pub fn is_capital(c: char) -> bool {
    lowercase(c) != c
}

/// Scripts written without spaces between words: a phrase in them may start anywhere.
#[inline]
pub fn is_cjk_or_thai(c: char) -> bool {
    c >= '\u{0E00}'
        && matches!(c as u32, 0x0E00..=0x0E7F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// The character starting at byte `at`, if any. (ASCII inline, as for [`fold`].)
#[inline(always)]
pub fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..).and_then(|rest| rest.chars().next()),
    }
}

/// The character ending at byte `at`, if any. (ASCII inline, as for [`fold`].)
#[inline]
pub fn char_before(text: &str, at: usize) -> Option<char> {
    match at.checked_sub(1).and_then(|i| text.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..at).and_then(|head| head.chars().next_back()),
    }
}

/// The length in UTF-16 code units of UTF-8 `bytes`: one per leading byte, two for a four-byte
/// character (counted from the bytes: decoding char by char took milliseconds for a 1 MB text).
pub fn utf16_units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// Converts sorted byte offsets into UTF-16 code-unit offsets (what JS string indexes are),
/// in one pass over the text. Offsets must be non-decreasing and on character boundaries.
pub struct Utf16Cursor<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'t> Utf16Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Utf16Cursor { text, ascii: text.is_ascii(), byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `at` (which must not be before the previous call's).
    pub fn to_utf16(&mut self, at: usize) -> usize {
        if self.ascii {
            return at;
        }
        if at < self.byte {
            // Out of order: count from the start (correct, just slower).
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_units(self.text.as_bytes().get(self.byte..at).unwrap_or_default());
        self.byte = at;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads(text: &str) -> (String, bool) {
        let mut out = String::new();
        let mut obfuscated = false;
        for c in text.chars() {
            match fold(c) {
                Folded::Char(f, o) => {
                    out.push(f);
                    obfuscated |= o;
                }
                Folded::Invisible => obfuscated = true,
                Folded::Mark => {}
            }
        }
        (out, obfuscated)
    }

    #[test]
    fn folds_what_people_use_to_hide_words() {
        assert_eq!(reads("Shopee"), ("shopee".into(), false));
        assert_eq!(reads("ｓｈｏｐｅｅ．ｃｏ．ｉｄ"), ("shopee.co.id".into(), true));
        assert_eq!(reads("shоpее"), ("shopee".into(), true)); // Cyrillic о, е
        assert_eq!(reads("lαzada"), ("lazada".into(), true)); // Greek α
        assert_eq!(reads("sho\u{200B}pee"), ("shopee".into(), true));
        assert_eq!(reads("Đặt hàng qua Zalo"), ("dat hang qua zalo".into(), false));
        assert_eq!(reads("加微信"), ("加微信".into(), false));
        assert_eq!(reads("ＷＡ：0812"), ("wa:0812".into(), true));
        assert_eq!(
            reads("𝐬𝐡𝐨𝐩𝐞𝐞 𝘴𝘩𝘰𝘱𝘦𝘦 𝕤𝕙𝕠𝕡𝕖𝕖 𝚜𝚑𝚘𝚙𝚎𝚎"),
            ("shopee shopee shopee shopee".into(), true)
        );
        assert_eq!(
            reads("ⓢⓗⓞⓟⓔⓔ ⓈⒽⓄⓅⒺⒺ 🅢🅗🅞🅟🅔🅔 🆂🅷🅾🅿🅴🅴 🄻🄰🅉🄰🄳🄰"),
            ("shopee shopee shopee shopee lazada".into(), true)
        );
        assert_eq!(reads("⒮⒣⒪⒫⒠⒠"), ("shopee".into(), true));
        assert_eq!(reads("ꜱʜᴏᴘᴇᴇ ᴡʜᴀᴛꜱᴀᴘᴘ"), ("shopee whatsapp".into(), true));
        assert_eq!(reads("ʷʰᵃᵗˢᵃᵖᵖ"), ("whatsapp".into(), true));
        assert_eq!(reads("s̶h̶o̶p̶e̶e̶"), ("shopee".into(), true));
        assert_eq!(reads("ｌｉｎｅ"), ("line".into(), true));
        assert_eq!(reads("ℓazada"), ("lazada".into(), true));
        assert_eq!(reads("ѕһорее"), ("shopee".into(), true)); // all Cyrillic
        assert_eq!(reads("Ζαlο"), ("zalo".into(), true)); // Greek
    }

    #[test]
    fn every_script_digits_and_emoji_digits() {
        assert_eq!(reads("๐๘๑๒"), ("0812".into(), false)); // Thai digits are Thai spelling
        assert_eq!(reads("０８１２"), ("0812".into(), true));
        assert_eq!(reads("𝟎𝟖𝟏𝟐 𝟘𝟠𝟙𝟚 𝟶𝟾𝟷𝟸"), ("0812 0812 0812".into(), true));
        assert_eq!(reads("٠٨١٢ ۰۸۱۲ ०८१२"), ("0812 0812 0812".into(), true));
        assert_eq!(reads("⓪⑧①②"), ("0812".into(), true));
        assert_eq!(reads("⓿❽➀➋"), ("0812".into(), true));
        assert_eq!(reads("⑴⑵⒈⒉"), ("1212".into(), true));
        assert_eq!(reads("0️⃣8️⃣1️⃣2️⃣"), ("0812".into(), true)); // keycaps
        assert_eq!(reads("⁰⁸¹² ₀₈₁₂"), ("0812 0812".into(), true));
        assert_eq!(enclosed_number('⑩'), Some(10));
        assert_eq!(enclosed_number('⓴'), Some(20));
        assert_eq!(enclosed_number('🔟'), Some(10));
        assert_eq!(enclosed_number('⑨'), None);
    }

    #[test]
    fn what_does_not_fold() {
        // Thai vowels and tone marks are spelling; CJK and Thai letters read as themselves.
        assert_eq!(reads("ลิงก์ในไบโอ"), ("ลิงก์ในไบโอ".into(), false));
        assert_eq!(reads("微信二维码"), ("微信二维码".into(), false));
        // Vietnamese written with combining marks reads like the precomposed form.
        assert_eq!(reads("Đă\u{0323}t ha\u{0300}ng"), ("dat hang".into(), false));
        // Punctuation and symbols stay.
        assert_eq!(reads("× · • ©"), ("× · • ©".into(), false));
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // compares with the standard library's tables
    fn diacritic_table_covers_vietnamese() {
        let vietnamese = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        let capitals: String = vietnamese.chars().flat_map(char::to_uppercase).collect();
        for c in vietnamese.chars().chain(capitals.chars()) {
            match fold(c) {
                Folded::Char(f, false) => assert!(f.is_ascii_lowercase(), "{c} reads as {f}"),
                other => panic!("{c}: {other:?}"),
            }
        }
        for c in ['A', 'Z', 'Ω', 'Д', 'Ё', 'Я'] {
            assert_eq!(Some(lowercase(c)), c.to_lowercase().next());
        }
        assert_eq!(lowercase('中'), '中');
        for c in ['a', 'Z', 'é', 'Ж', 'ω', '中', 'ก', 'ب', 'अ', 'ㄱ', 'ｓ', '𝐬'] {
            assert!(is_alphabetic(c) && c.is_alphabetic(), "{c}");
        }
        for c in ['1', '٣', '๕', '５'] {
            assert!(!is_alphabetic(c) && is_alphanumeric(c), "{c}");
        }
        for c in [' ', '.', '-', '@', '，', '。', '…', '€', '→', '😀', '\u{200B}', '·', '©']
        {
            assert!(!is_alphanumeric(c), "{c:?}");
        }
        for pair in RUNS.windows(2) {
            assert!(pair[0].0 < pair[1].0 && pair[0].1 & !DISGUISE < pair[1].1 & !DISGUISE);
        }
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "a😀b\u{FFFD}c";
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!(cursor.to_utf16(0), 0);
        assert_eq!(cursor.to_utf16(1), 1);
        assert_eq!(cursor.to_utf16(5), 3); // after the emoji (2 units)
        assert_eq!(cursor.to_utf16(9), 5); // after U+FFFD (1 unit, as the lone surrogate it replaced)
        assert_eq!(cursor.to_utf16(1), 1);
    }
}
