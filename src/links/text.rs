//! Span and character helpers shared by the links detectors: how a character *reads* for
//! matching, and UTF-16 offsets for JS.
//!
//! People who want a link or a phone number to slip past a filter write it in ways a plain
//! byte comparison misses: fullwidth letters (`ｓｈｏｐｅｅ`), Cyrillic or Greek look-alikes
//! (`shоpee` with a Cyrillic `о`), zero-width characters inside a word, or Vietnamese phrases
//! without their diacritics. [`fold`] maps each character to what it reads as (lowercase ASCII
//! where it can) and says whether that reading undid an obfuscation. Every detector reads the
//! text through it, so they all see through the same tricks and none re-implements them.
//!
//! The tables are small on purpose: no Unicode case or confusable crates in the wasm.

/// What a character reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// The character reads as this one; `true` when reading it so undid an obfuscation
    /// (fullwidth, a look-alike letter).
    Char(char, bool),
    /// An invisible character (zero-width space, soft hyphen…): it reads as nothing, and its
    /// presence inside a word is an obfuscation.
    Invisible,
}

/// How `c` reads for matching: ASCII lowercase, fullwidth and look-alike letters folded to
/// ASCII, Latin letters with diacritics to their base letter, invisible characters dropped.
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
    // Most non-ASCII text (Chinese, Thai, …) has nothing to fold: skip the table searches.
    if (0x0530..0x1E00).contains(&code)
        || (0x2070..0x3000).contains(&code)
        || (0x3001..0xFE00).contains(&code)
    {
        return Folded::Char(c, false);
    }
    match code {
        // Fullwidth ASCII forms (ＡＢＣ１２３．＠).
        0xFF01..=0xFF5E => {
            let ascii = char::from_u32(code - 0xFEE0).unwrap_or(c);
            Folded::Char(ascii.to_ascii_lowercase(), true)
        }
        0x00AD | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0x180E => Folded::Invisible,
        0x3000 | 0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F => Folded::Char(' ', false),
        _ => {
            if let Some(latin) = lookup(CONFUSABLES, code) {
                return Folded::Char(latin, true);
            }
            match diacritic_base(code) {
                Some(base) => Folded::Char(base, false),
                None => Folded::Char(c, false),
            }
        }
    }
}

/// Cyrillic and Greek letters that look like Latin ones, sorted by code point.
const CONFUSABLES: &[(u32, char)] = &[
    (0x0391, 'a'),
    (0x0392, 'b'),
    (0x0395, 'e'),
    (0x0396, 'z'),
    (0x0397, 'h'),
    (0x0399, 'i'),
    (0x039A, 'k'),
    (0x039C, 'm'),
    (0x039D, 'n'),
    (0x039F, 'o'),
    (0x03A1, 'p'),
    (0x03A4, 't'),
    (0x03A5, 'y'),
    (0x03A7, 'x'),
    (0x03B1, 'a'),
    (0x03B9, 'i'),
    (0x03BA, 'k'),
    (0x03BD, 'v'),
    (0x03BF, 'o'),
    (0x03C1, 'p'),
    (0x03C4, 't'),
    (0x03C5, 'u'),
    (0x03C7, 'x'),
    (0x0405, 's'),
    (0x0406, 'i'),
    (0x0408, 'j'),
    (0x0410, 'a'),
    (0x0412, 'b'),
    (0x0415, 'e'),
    (0x041A, 'k'),
    (0x041C, 'm'),
    (0x041D, 'h'),
    (0x041E, 'o'),
    (0x0420, 'p'),
    (0x0421, 'c'),
    (0x0422, 't'),
    (0x0423, 'y'),
    (0x0425, 'x'),
    (0x0430, 'a'),
    (0x0435, 'e'),
    (0x043E, 'o'),
    (0x0440, 'p'),
    (0x0441, 'c'),
    (0x0443, 'y'),
    (0x0445, 'x'),
    (0x0455, 's'),
    (0x0456, 'i'),
    (0x0458, 'j'),
    (0x04BB, 'h'),
    (0x04C0, 'l'),
    (0x04CF, 'l'),
    (0x0501, 'd'),
    (0x051B, 'q'),
    (0x051D, 'w'),
];

fn lookup(table: &[(u32, char)], code: u32) -> Option<char> {
    table.binary_search_by_key(&code, |(c, _)| *c).ok().and_then(|i| table.get(i)).map(|(_, l)| *l)
}

/// Latin letters with diacritics (Latin-1, Latin Extended-A/B, Latin Extended Additional — all
/// of Vietnamese) by runs of consecutive code points: `(first, base letters)`. Generated from
/// Unicode canonical decompositions, plus đ/Đ, ł/Ł, ø/Ø, ı.
const DIACRITIC_RUNS: &[(u32, &str)] = &[
    (0x00C0, "aaaaaa"),
    (0x00C7, "ceeeeiiii"),
    (0x00D1, "nooooo"),
    (0x00D8, "ouuuuy"),
    (0x00E0, "aaaaaa"),
    (0x00E7, "ceeeeiiii"),
    (0x00F1, "nooooo"),
    (0x00F8, "ouuuuy"),
    (0x00FF, "yaaaaaaccccccccddddeeeeeeeeeegggggggghh"),
    (0x0128, "iiiiiiiiii"),
    (0x0134, "jjkk"),
    (0x0139, "llllll"),
    (0x0141, "llnnnnnn"),
    (0x014C, "oooooo"),
    (0x0154, "rrrrrrsssssssstttt"),
    (0x0168, "uuuuuuuuuuuuwwyyyzzzzzz"),
    (0x0189, "d"),
    (0x01A0, "oo"),
    (0x01AF, "uu"),
    (0x01CD, "aaiioouuuuuuuuuu"),
    (0x01DE, "aaaa"),
    (0x01E6, "ggkkoooo"),
    (0x01F0, "j"),
    (0x01F4, "gg"),
    (0x01F8, "nnaa"),
    (0x0200, "aaaaeeeeiiiioooorrrruuuusstt"),
    (0x021E, "hh"),
    (0x0226, "aaeeooooooooyy"),
    (
        0x1E00,
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy",
    ),
    (
        0x1EA0,
        "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy",
    ),
];

fn diacritic_base(code: u32) -> Option<char> {
    let index = DIACRITIC_RUNS.partition_point(|(first, _)| *first <= code).checked_sub(1)?;
    let (first, bases) = DIACRITIC_RUNS.get(index)?;
    bases.as_bytes().get((code - first) as usize).map(|&b| char::from(b))
}

/// A character that can be part of a word in Latin-script text (letters with diacritics and
/// look-alikes count): used for word boundaries.
#[inline(always)]
pub fn is_word_char(c: char) -> bool {
    match fold(c) {
        Folded::Char(f, _) => f.is_ascii_alphanumeric() || is_letter(f),
        Folded::Invisible => false,
    }
}

/// A letter of a script written with spaces between words: Latin (with diacritics and
/// combining marks), Greek, Cyrillic. Range checks, not Unicode tables, to keep the wasm small.
#[inline(always)]
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
            Folded::Invisible => None,
        })
        .collect()
}

/// Scripts written without spaces between words: a phrase in them may start anywhere.
pub fn is_cjk_or_thai(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
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
#[inline(always)]
pub fn char_before(text: &str, at: usize) -> Option<char> {
    match at.checked_sub(1).and_then(|i| text.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..at).and_then(|head| head.chars().next_back()),
    }
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
        let gap = self.text.get(self.byte..at).unwrap_or_default();
        self.unit += gap.chars().map(char::len_utf16).sum::<usize>();
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
    }

    #[test]
    fn diacritic_table_covers_vietnamese() {
        let vietnamese = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        for c in vietnamese.chars().chain(vietnamese.to_uppercase().chars()) {
            match fold(c) {
                Folded::Char(f, false) => assert!(f.is_ascii_lowercase(), "{c} reads as {f}"),
                other => panic!("{c}: {other:?}"),
            }
        }
        for pair in CONFUSABLES.windows(2) {
            assert!(pair[0].0 < pair[1].0);
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
