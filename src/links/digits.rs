//! Numbers in any disguise: the digit runs a telephone number may hide in.
//!
//! A seller who wants a phone number past a filter writes it so that no plain `\d{10}` sees it:
//! with the digits of another script (`๐๘๑๒`, `０８１２`, `𝟎𝟖𝟏𝟐`), as keycap emoji (`0️⃣8️⃣`),
//! circled or parenthesized (`⓪⑧①②`, `⑴`), spelled out ("nol delapan satu dua", "không chín",
//! "零八幺二", "ศูนย์แปด"), with letters for digits (`O812 l234`), one digit at a time with any
//! separator (`0 8 1 2`, `0-8-1-2`, `0.8.1.2`, `0💥8💥1`), or with the country code and no `+`.
//! [`read`] reads all of these as one [`NumberRun`]: the digits, how they were grouped, and what
//! was undone. Whether a run is a telephone number is then a question for the numbering plans
//! ([`super::classifier::LinkIndex::is_phone`]) and for the shape of the groups ([`shape_ok`]):
//! prices (`1.250.000`), dates (`12/08/2024`), times (`08.30-17.00`) and sizes have digits too.
//!
//! Linear by construction: a run is read once, left to right, and the caller resumes after it;
//! the digits and groups are bounded (a run longer than any telephone number is read to its end
//! and dropped), the scanner reuses one run for every number of a text, and the group subsets
//! tried as candidates are bounded.

use super::text::{
    Folded, char_at, char_before, enclosed_number, fold, is_cjk_or_thai, is_word_char,
};
use super::trie::WordTrie;

/// At most this many digits in a run that may be a telephone number (E.164 allows 15, plus an
/// international prefix and a trunk prefix written after the country code).
const MAX_DIGITS: usize = 20;
/// At most this many groups (one digit at a time with a country code: 13).
const MAX_GROUPS: usize = 20;
/// At most this many characters between two groups.
const MAX_GAP: usize = 3;
/// The token starts a run remembers, to tell where a later start could read a shorter run
/// (more than the tokens [`MAX_DIGITS`] digits take, "double" and tens words included).
const MARKS: usize = 48;

/// Digits spelled as words, compiled from the pack.
#[derive(Debug, Clone)]
pub struct DigitWords {
    trie: WordTrie<u8>,
}

impl DigitWords {
    /// Compiles `(word, digit)` pairs; digit 10 means "twice the next", 11 "three times".
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, u8)>) -> Self {
        let mut trie = WordTrie::new();
        for (word, digit) in words {
            trie.insert(word, digit);
        }
        trie.finish();
        DigitWords { trie }
    }

    /// The digit word at byte `pos`: its value and end.
    pub fn at(&self, text: &str, pos: usize) -> Option<(u8, usize)> {
        let c = char_at(text, pos)?;
        // A Latin word must start a word (or follow a digit: "zero9one7"); Chinese and Thai
        // words start anywhere.
        if !is_cjk_or_thai(c)
            && char_before(text, pos).is_some_and(|b| is_word_char(b) && !is_digit_char(b))
        {
            return None;
        }
        // A day of the week: 周六, 星期一, 礼拜天 (Saturday, Monday, Sunday).
        if matches!(char_before(text, pos), Some('周' | '週' | '期' | '拜')) {
            return None;
        }
        self.trie.longest_glued_to_digits(text, pos)
    }

    /// Whether a digit word may start with the folded character `c` (a cheap first test).
    pub fn may_start(&self, c: char) -> bool {
        self.trie.may_start(c)
    }
}

/// One group of a run: digits written without a separator between them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Group {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just after it (after its `)` if bracketed).
    pub end: usize,
    /// Index of its first digit in the run's digits.
    pub first: u8,
    /// Its number of digits.
    pub len: u8,
    /// Written in brackets: `(021)`.
    pub bracketed: bool,
    /// The separator written before it (`b' '`, `b'-'`, `b'.'` …; `0` for the first group or
    /// anything else).
    pub separator: u8,
    /// The gap before it ends a sentence or a list item (", ", ". ", a line break, two spaces):
    /// the groups on either side need not belong to one number.
    pub strong: bool,
}

/// A run of digits, however written.
#[derive(Debug, Clone)]
pub struct NumberRun {
    /// Byte offset of the run (its `+` or `(` included).
    pub start: usize,
    /// Byte offset just after its last group.
    pub end: usize,
    /// The digits read, as ASCII.
    digits: String,
    groups: [Group; MAX_GROUPS],
    group_count: usize,
    /// Written with `+` before the first digit.
    pub plus: bool,
    /// Reading it undid a disguise: another script's digits, keycaps, enclosed digits, letters
    /// for digits, invisible characters, one digit at a time.
    pub obfuscated: bool,
    /// Some digits were words.
    pub spelled: bool,
    /// More digits than any telephone number: the run as a whole is no phone (a phone may
    /// still begin it: "0812 3456 7890, 0813 …").
    pub too_long: bool,
    /// Digits read, those past [`MAX_DIGITS`] included.
    total: usize,
    /// The last group read: where it starts and its digits (those past [`MAX_DIGITS`]
    /// included).
    group_start: usize,
    group_total: usize,
    /// Where recent tokens began, with the digits read before each (a ring).
    marks: [(usize, usize); MARKS],
    mark_count: usize,
    /// The digit words recently looked up, for the text being read.
    seen: WordMemo,
}

/// The digit words looked up at recent positions of one text. A run of digit words longer than
/// any telephone number is read again from its fifth word ([`NumberRun::next_start`]), and the
/// word after each gap is looked up twice (to decide the gap, then to read it): without this,
/// each word of "nol delapan nol delapan …" went through the word trie ten times, 45% of the
/// time of such a paste.
#[derive(Debug, Clone)]
struct WordMemo {
    /// The text the entries belong to (its address and length).
    text: (usize, usize),
    /// Direct-mapped by position: the position (`usize::MAX` for none) and the word there.
    /// Empty until the first lookup: most runs are plain digits, and [`read`] starts a run
    /// afresh at every handle and host it checks.
    slots: Vec<(usize, Option<(u8, usize)>)>,
}

/// Entries in [`WordMemo`], direct-mapped by byte position: more than the bytes a run of digit
/// words too long for a phone spans ("nol delapan …" reads about 130 bytes before it stops).
const WORD_MEMO: usize = 256;

impl WordMemo {
    fn new() -> WordMemo {
        WordMemo { text: (0, 0), slots: Vec::new() }
    }

    /// [`DigitWords::at`], remembered.
    fn at(&mut self, words: &DigitWords, text: &str, pos: usize) -> Option<(u8, usize)> {
        let key = (text.as_ptr() as usize, text.len());
        if self.text != key || self.slots.is_empty() {
            self.text = key;
            self.slots.clear();
            self.slots.resize(WORD_MEMO, (usize::MAX, None));
        }
        let slot = self.slots.get_mut(pos % WORD_MEMO)?;
        if slot.0 != pos {
            *slot = (pos, words.at(text, pos));
        }
        slot.1
    }
}

impl NumberRun {
    /// A run with nothing read yet.
    pub fn empty() -> NumberRun {
        NumberRun {
            start: 0,
            end: 0,
            digits: String::with_capacity(MAX_DIGITS),
            groups: [Group::default(); MAX_GROUPS],
            group_count: 0,
            plus: false,
            obfuscated: false,
            spelled: false,
            too_long: false,
            total: 0,
            group_start: 0,
            group_total: 0,
            marks: [(0, 0); MARKS],
            mark_count: 0,
            seen: WordMemo::new(),
        }
    }

    /// Where the next read of a number may start and find a telephone number this read could
    /// not, for a run of digit words too long to be one ("nol delapan nol delapan …",
    /// "零八零八…"). Reading again from each of its words made the scan quadratic in them.
    ///
    /// [`super::classifier::LinkIndex::phone_in`] tried every number beginning at the run's
    /// first four groups (those it may start from) within its first [`MAX_DIGITS`] digits: the
    /// next read starts at the first group it did not start from, or, when the run ended in
    /// one glued group longer than any number, where that group's last 15 digits begin.
    pub fn next_start(&self) -> usize {
        if !self.too_long || !self.spelled {
            return self.start;
        }
        let groups = self.groups();
        if self.group_total > 15 {
            // The ring holds more tokens than the last 15 digits take (a glued group's tokens
            // are digits, "double" or tens words).
            let kept = self.mark_count.min(MARKS);
            return (self.mark_count - kept..self.mark_count)
                .filter_map(|i| self.marks.get(i % MARKS))
                .find(|&&(at, before)| at >= self.group_start && self.total - before <= 15)
                .map_or(self.start, |&(at, _)| at);
        }
        let tried = |g: usize| {
            g < 4
                && groups.get(g).is_some_and(|group| group.strong || usize::from(group.first) <= 3)
        };
        (1..groups.len())
            .find(|&g| !tried(g))
            .and_then(|g| groups.get(g))
            .map_or(self.start, |g| g.start)
    }

    /// Notes that a token begins at `at`.
    #[inline]
    fn mark(&mut self, at: usize) {
        if let Some(slot) = self.marks.get_mut(self.mark_count % MARKS) {
            *slot = (at, self.total);
        }
        self.mark_count += 1;
    }

    /// The groups.
    pub fn groups(&self) -> &[Group] {
        self.groups.get(..self.group_count).unwrap_or_default()
    }

    /// The digits of groups `from..to`, as ASCII.
    pub fn digits_of(&self, from: usize, to: usize) -> &str {
        let (Some(first), Some(last)) =
            (self.groups().get(from), to.checked_sub(1).and_then(|i| self.groups().get(i)))
        else {
            return "";
        };
        let span = usize::from(first.first)..usize::from(last.first) + usize::from(last.len);
        self.digits.get(span).unwrap_or_default()
    }

    /// Whether groups `from..to` count up or down by a constant step, one or two digits each
    /// ("10 9 8 7 6 5 4 3", a countdown; "6 8 10 12 14 16", sizes): a list, not a number.
    pub fn progression(&self, from: usize, to: usize) -> bool {
        // Digits spelled as words are read out, not counted: "kosong satu dua, tiga empat…".
        if self.spelled {
            return false;
        }
        let Some(groups) = self.groups().get(from..to) else { return false };
        if groups.len() < 4 || groups.iter().any(|g| g.len > 2) {
            return false;
        }
        let Some(values) = (from..to)
            .map(|g| self.digits_of(g, g + 1).parse::<i32>().ok())
            .collect::<Option<Vec<i32>>>()
        else {
            return false;
        };
        let step = values.get(1).zip(values.first()).map_or(0, |(b, a)| b - a);
        step != 0
            && values
                .windows(2)
                .all(|w| w.get(1).zip(w.first()).is_some_and(|(b, a)| b - a == step))
    }

    /// Whether the digits were spaced out on purpose: one or two at a time after the first
    /// group ("0 8 1 2 …", "+62 8 1 3 …", "08 12 33 45 77 80").
    pub fn spaced_out(&self) -> bool {
        self.group_count >= 6 && self.groups().iter().skip(1).all(|g| g.len <= 2)
    }

    #[inline]
    fn push(&mut self, digit: u8) -> bool {
        self.total += 1;
        let room = self.digits.len() < MAX_DIGITS;
        if room {
            self.digits.push(char::from(b'0' + digit.min(9)));
        }
        room
    }
}

/// What stands at `pos` inside a run.
enum Token {
    /// Digits (one, or two for an enclosed 10 to 20) and where they end.
    Digits([u8; 2], usize, usize, bool),
    /// A digit word.
    Word(u8, usize),
    /// "double" / "triple": the next digit written `n` times.
    Repeat(u8, usize),
    /// A word for "tens" between two digits ("sáu mươi hai": 62), a zero when no digit follows
    /// ("sáu mươi": 60).
    Tens(usize),
    /// A word for "hundred" after a digit: two zeros ("seven seven hundred": 7700).
    Hundred(usize),
}

/// Letters people put in a digit run for the digits they look like: `O812`, `08l2`, `4S2`,
/// `55Z`.
#[inline]
fn letter_digit(c: char) -> Option<u8> {
    match c {
        'o' => Some(0),
        'l' | 'i' => Some(1),
        's' => Some(5),
        'z' => Some(2),
        _ => None,
    }
}

/// Whether a digit, or a letter standing for one before a digit, is at `pos`.
fn digitish_at(text: &str, pos: usize) -> bool {
    let Some(c) = char_at(text, pos) else { return false };
    is_digit_char(c)
        || matches!(fold(c), Folded::Char(f, _) if letter_digit(f).is_some())
            && char_at(text, pos + c.len_utf8()).is_some_and(is_digit_char)
}

/// Whether `c` reads as an ASCII digit.
#[inline]
fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(fold(c), Folded::Char(d, _) if d.is_ascii_digit())
        || enclosed_number(c).is_some()
}

/// The token at `pos`; `in_group`: right after a digit of the same group; `so_far`: digits of
/// the run read so far.
fn token(
    text: &str,
    pos: usize,
    words: &DigitWords,
    seen: &mut WordMemo,
    in_group: bool,
    so_far: usize,
) -> Option<Token> {
    // Most tokens are plain digits.
    if let Some(&b) = text.as_bytes().get(pos)
        && b.is_ascii_digit()
    {
        return Some(Token::Digits([b - b'0', 0], 1, pos + 1, false));
    }
    let c = char_at(text, pos)?;
    let width = c.len_utf8();
    if !c.is_ascii()
        && let Some(n) = enclosed_number(c)
    {
        let n = n as u8;
        return Some(Token::Digits([n / 10, n % 10], 2, pos + width, true));
    }
    match fold(c) {
        Folded::Char(d, o) if d.is_ascii_digit() => {
            Some(Token::Digits([d as u8 - b'0', 0], 1, pos + width, o))
        }
        Folded::Char(f, _) => {
            if let Some(digit) = letter_digit(f) {
                // Only beside a digit, and not as the start or end of a word: "O812" and
                // "08l2" are digits; "10l" (ten litres) and "lO8" are not. A letter after the
                // last digit of a group counts when another group follows ("55Z O93l") or the
                // run is already as long as a phone number.
                // At a run's start the letter needs a real digit after it, or it is the O of a
                // leading zero ("Ol6-55Z"): "SS2/24" (a Petaling Jaya road) is no 552….
                let next = char_at(text, pos + width);
                let next_digit = if in_group || f == 'o' {
                    digitish_at(text, pos + width)
                } else {
                    next.is_some_and(is_digit_char)
                };
                let glued_after =
                    next.is_some_and(|n| is_word_char(n) && !is_digit_char(n)) && !next_digit;
                let glued_before = !in_group && super::text::word_char_before(text, pos);
                let group_follows = next.is_some_and(|n| separator_byte(n).is_some())
                    && digitish_at(text, pos + width + next.map_or(0, char::len_utf8));
                // A letter standing alone among digits spaced out one by one, the run already
                // as long as a phone number's first half: "0 8 1 2 - 7 7 4 O - 9 1 2 3".
                let alone_in_spaced_run =
                    !in_group && so_far >= 6 && digit_within_gap(text, pos + width);
                // A run begins with a letter only for a 0 or a 1 ("O812", "l0812"): "S520123"
                // is a Singapore postcode.
                let may_begin = so_far > 0 || matches!(f, 'o' | 'l' | 'i');
                if (next_digit
                    || (in_group && (so_far >= 6 || group_follows))
                    || alone_in_spaced_run)
                    && may_begin
                    && !glued_after
                    && !glued_before
                {
                    return Some(Token::Digits([digit, 0], 1, pos + width, true));
                }
            }
            if words.may_start(f)
                && let Some((value, end)) = seen.at(words, text, pos)
            {
                return Some(match value {
                    10 => Token::Repeat(2, end),
                    11 => Token::Repeat(3, end),
                    12 => Token::Tens(end),
                    13 => Token::Hundred(end),
                    d => Token::Word(d, end),
                });
            }
            None
        }
        Folded::Invisible | Folded::Mark => None,
    }
}

/// Whether a digit follows `pos` after at most [`MAX_GAP`] separators.
fn digit_within_gap(text: &str, mut pos: usize) -> bool {
    for _ in 0..MAX_GAP {
        match char_at(text, pos) {
            Some(c) if separator_byte(c).is_some() => pos += c.len_utf8(),
            _ => break,
        }
    }
    pos > 0 && digitish_at(text, pos)
}

/// A separator character between groups (after folding), as a byte for [`Group::separator`].
fn separator_byte(c: char) -> Option<u8> {
    match c {
        ' ' | '\t' | '\n' | '-' | '.' | '/' | '_' | '*' | '~' | ',' | '|' | ':' | '=' | '#' => {
            Some(c as u8)
        }
        '·' | '•' | '‧' | '・' | '–' | '—' | '−' | '‐' | '‑' | '、' | '，' | '。' => {
            Some(b'.')
        }
        // Currency signs end a number: "125.000₫ (12.500₫/gói)" is two prices.
        '\u{20A0}'..='\u{20CF}' => None,
        _ if !c.is_ascii() && !is_word_char(c) && !is_cjk_or_thai(c) && (c as u32) >= 0x2000 => {
            // Emoji and symbols between digits ("0812🔥3456"): a separator too.
            Some(b'*')
        }
        _ => None,
    }
}

/// Reads the number run starting at byte `pos` (a digit of any kind, a digit word, `+` or
/// `(`). `None` when no digit is there.
pub fn read(text: &str, pos: usize, words: &DigitWords) -> Option<NumberRun> {
    let mut run = NumberRun::empty();
    read_into(text, pos, words, &mut run).then_some(run)
}

/// [`read`] into a run the caller keeps (the scanner reads a number at every price and size:
/// filling one run in place spares building and moving half a kilobyte each time). Returns
/// whether a number is there.
pub fn read_into(text: &str, pos: usize, words: &DigitWords, run: &mut NumberRun) -> bool {
    run.start = pos;
    run.end = pos;
    run.digits.clear();
    run.group_count = 0;
    run.plus = false;
    run.obfuscated = false;
    run.spelled = false;
    run.too_long = false;
    run.total = 0;
    run.mark_count = 0;
    let mut at = pos;
    if let Some(c @ ('+' | '＋')) = char_at(text, at) {
        run.plus = true;
        run.obfuscated |= c != '+';
        at += c.len_utf8();
    }
    let mut bracket_open = false;
    if let Some(c @ ('(' | '（')) = char_at(text, at) {
        bracket_open = true;
        at += c.len_utf8();
    }
    let mut separator = 0u8;
    let mut strong = false;
    let mut repeat = 1u8;
    loop {
        // One group.
        let group_start = at;
        let first = run.digits.len();
        let total_before = run.total;
        run.group_start = at;
        let mut words_in_group = 0;
        loop {
            let token_start = at;
            let Some(found) =
                token(text, at, words, &mut run.seen, run.digits.len() > first, run.digits.len())
            else {
                break;
            };
            run.mark(token_start);
            match found {
                Token::Digits(pair, n, end, o) => {
                    for _ in 0..repeat {
                        for &d in pair.get(..n).unwrap_or_default() {
                            if !run.push(d) {
                                run.too_long = true;
                            }
                        }
                    }
                    repeat = 1;
                    run.obfuscated |= o;
                    at = end;
                }
                Token::Word(d, end) => {
                    for _ in 0..repeat {
                        if !run.push(d) {
                            run.too_long = true;
                        }
                    }
                    repeat = 1;
                    run.spelled = true;
                    words_in_group += 1;
                    at = end;
                    // A Latin word is a group of its own, unless a digit is glued to it
                    // ("zero9one7"); words of scripts without spaces run together.
                    if !char_before(text, at).is_some_and(is_cjk_or_thai) && !digitish_at(text, at)
                    {
                        break;
                    }
                }
                Token::Repeat(n, end) => {
                    repeat = n;
                    run.spelled = true;
                    at = end;
                    break;
                }
                Token::Hundred(end) => {
                    run.spelled = true;
                    at = end;
                    if !run.push(0) || !run.push(0) {
                        run.too_long = true;
                    }
                    words_in_group += 1;
                    break;
                }
                Token::Tens(end) => {
                    run.spelled = true;
                    at = end;
                    let digit_follows = char_at(text, at)
                        .is_some_and(|c| c == ' ' || c == '-')
                        .then(|| token(text, at + 1, words, &mut run.seen, false, run.digits.len()))
                        .flatten()
                        .is_some_and(|t| matches!(t, Token::Word(..) | Token::Digits(..)));
                    if !digit_follows && !run.push(0) {
                        run.too_long = true;
                    }
                    words_in_group += 1;
                    break;
                }
            }
            // Invisible characters inside a group (keycaps, variation selectors).
            while let Some(c) = char_at(text, at) {
                if fold(c).is_nothing() {
                    run.obfuscated |= fold(c) == Folded::Invisible;
                    at += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        let len = run.digits.len() - first;
        if len == 0 && words_in_group == 0 && repeat == 1 {
            break;
        }
        let mut bracketed = false;
        let mut end = at;
        if bracket_open && let Some(close @ (')' | '）')) = char_at(text, at) {
            bracketed = true;
            bracket_open = false;
            at += close.len_utf8();
            end = at;
        }
        if len > 0 {
            match run.groups.get_mut(run.group_count) {
                Some(slot) => {
                    *slot = Group {
                        start: group_start,
                        end,
                        first: first as u8,
                        len: len.min(usize::from(u8::MAX)) as u8,
                        bracketed,
                        separator,
                        strong,
                    };
                    run.group_count += 1;
                }
                None => run.too_long = true,
            }
            run.end = end;
        }
        run.group_total = run.total - total_before;
        // A group longer than any telephone number ends the run: what follows starts afresh.
        // (Digit words glued together, "零八零八…", are read to the group's end, once.)
        if run.group_total > 15 {
            run.too_long = true;
            break;
        }
        // More digits or groups than any telephone number has: the run ends here too (a run
        // of digit words is read again from [`NumberRun::next_start`]).
        if run.too_long {
            break;
        }
        // The gap to the next group.
        let mut gap = 0;
        let mut newlines = 0;
        let mut spaces = 0;
        let mut punctuation = false;
        let mut bracket_here = false;
        separator = 0;
        while let Some(c) = char_at(text, at) {
            let folded = match fold(c) {
                Folded::Char(f, _) => f,
                Folded::Invisible => {
                    run.obfuscated = true;
                    at += c.len_utf8();
                    continue;
                }
                Folded::Mark => {
                    at += c.len_utf8();
                    continue;
                }
            };
            if matches!(c, '(' | '（') && !bracket_open {
                bracket_open = true;
                bracket_here = true;
            } else if let Some(byte) = separator_byte(folded) {
                newlines += usize::from(byte == b'\n');
                spaces += usize::from(byte == b' ');
                punctuation |= matches!(byte, b',' | b'.' | b';' | b'/' | b'|');
                if separator == 0 || separator == b' ' {
                    separator = byte;
                }
            } else {
                break;
            }
            at += c.len_utf8();
            gap += 1;
            if gap > MAX_GAP || newlines > 1 {
                break;
            }
        }
        // A bracket opened after a whole number begins something else: "0812 3456 7890
        // (08:00-17:00)" is a number and its hours.
        strong = newlines > 0
            || spaces > 1
            || (spaces > 0 && punctuation)
            || (spaces > 0 && bracket_here && run.digits.len() >= 7);
        // "(0)812": a closing bracket is separator enough.
        if (gap == 0 && !bracketed)
            || gap > MAX_GAP
            || newlines > 1
            || token(text, at, words, &mut run.seen, false, run.digits.len()).is_none()
        {
            break;
        }
    }
    !run.digits.is_empty() || run.spelled
}

/// How a short first group may read: as a country code ("62 812 3456 7890"), or as a trunk
/// prefix and a one-digit area code ("03-2385 6789").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortFirst {
    /// None of these: a short first group makes a time, a date or a list.
    No,
    /// A country code, written without `+`.
    CountryCode,
    /// A trunk prefix and a one-digit area code.
    AreaCode,
    /// A trunk prefix and the first digit of a mobile number ("08-1937-4452").
    MobileStart,
}

/// Whether groups `from..to` of `run` are shaped like a telephone number rather than an amount,
/// a date, a time or a list. `short_first` tells how a first group of one to three digits
/// reads.
pub fn shape_ok(
    run: &NumberRun,
    from: usize,
    to: usize,
    short_first: impl Fn(&str) -> ShortFirst,
) -> bool {
    let Some(groups) = run.groups().get(from..to) else { return false };
    if run.spelled || run.spaced_out() {
        return true;
    }
    let Some(first) = groups.first() else { return false };
    if groups.len() == 1 {
        return true;
    }
    let international = run.plus && from == 0;
    // An amount with thousands separators: 1.250.000, 12,500,000, 1 250 000.
    let thousands = groups
        .iter()
        .skip(1)
        .all(|g| g.len == 3 && g.separator == groups.get(1).map_or(0, |s| s.separator))
        && (1..=3).contains(&first.len)
        && run.digits_of(from, from + 1).as_bytes().first() != Some(&b'0')
        && matches!(groups.get(1).map(|g| g.separator), Some(b'.' | b',' | b' '));
    // A country code and ten digits or more in threes is a phone ("84 903 112 233"): no amount
    // in a seller's text is that long.
    let total_digits: usize = groups.iter().map(|g| usize::from(g.len)).sum();
    let coded = short_first(run.digits_of(from, from + 1)) == ShortFirst::CountryCode;
    if thousands && !international && !(coded && total_digits >= 10) {
        return false;
    }
    // A date, and the hour after it: 12/08/2024, 2024-08-12, 12.08.24, "2025-12-12 20:00".
    // (A year first is 19xx or 20xx: "0978.62.41.35" is a phone.)
    let year_first = matches!(run.digits_of(from, from + 1).get(..2), Some("19" | "20"));
    let date = match groups {
        [a, b, c, time @ ..] => {
            (matches!([a.len, b.len, c.len], [1 | 2, 1 | 2, 2 | 4])
                || (matches!([a.len, b.len, c.len], [4, 1 | 2, 1 | 2]) && year_first))
                && [b, c].iter().all(|g| matches!(g.separator, b'/' | b'.' | b'-'))
                && time.first().is_none_or(|hour| hour.separator == b' ' && hour.len <= 2)
                && time.len() <= 1
        }
        _ => false,
    };
    if date {
        return false;
    }
    let short = short_first(run.digits_of(from, from + 1));
    let code = international || short == ShortFirst::CountryCode;
    let total: usize = groups.iter().map(|g| usize::from(g.len)).sum();
    let first_ok = code
        || first.bracketed
        || (first.len >= 3 && !thousands)
        || (first.len == 2 && short == ShortFirst::AreaCode)
        || (first.len == 2 && short == ShortFirst::MobileStart && groups.len() >= 3 && total >= 9)
        // "1-800-555-0199", "1-300-88-1234": a long-distance or service prefix.
        || (first.len == 1 && groups.get(1).is_some_and(|g| g.len == 3) && total >= 10)
        // "0 81 23 45 678": the trunk prefix on its own, then a number in pairs and threes.
        || (run.digits_of(from, from + 1) == "0" && groups.len() >= 4 && total >= 9);
    // After a country code or a bracketed area code, the area code may be one digit; service
    // numbers put one digit on its own too ("0800-1-872-443", "1800-8-913-4400").
    let singles = groups.iter().skip(1).filter(|g| g.len < 2).count();
    let rest_ok = groups.iter().enumerate().skip(1).all(|(i, g)| {
        g.len >= 2 || (i == 1 && (code || first.bracketed)) || (singles == 1 && total >= 9)
    });
    first_ok && rest_ok
}

/// Whether the run is shopping days written month.day with the same number twice ("9.9 ➡️
/// 10.10 ➡️ 11.11 ➡️ 12.12"): two such days or more, and nothing else.
pub fn sale_days(run: &NumberRun) -> bool {
    let groups = run.groups();
    groups.len() >= 4
        && groups.len().is_multiple_of(2)
        && groups.chunks_exact(2).enumerate().all(|(i, pair)| {
            let [month, day] = pair else { return false };
            let at = 2 * i;
            month.len <= 2
                && day.separator == b'.'
                && run.digits_of(at, at + 1) == run.digits_of(at + 1, at + 2)
        })
}

/// Digits glued to a letter or an `@` after them are a code (a SKU, "8h", an address), not a
/// phone.
pub fn glued_after(text: &str, end: usize) -> bool {
    let letter = |c: char| is_word_char(c) && !is_cjk_or_thai(c) && !c.is_ascii_digit();
    char_at(text, end).is_some_and(|c| is_word_char(c) && !is_cjk_or_thai(c) || c == '@')
        // A code that goes on after a slash: "123456/24/CBMP-QLD" (a Vietnamese cosmetics
        // notification number).
        || (char_at(text, end) == Some('/') && char_at(text, end + 1).is_some_and(letter))
}

/// Words that, just before a number, say it is money or a reference rather than a phone (in
/// byte order, for a binary search; written folded).
/// Standards ("ISO 9001:2015", "BS 8510:2020", "GB/T 22849", "SNI 8124:2015", "TCVN 5699"),
/// registration and tax numbers
/// ("MST 0312345678", "NPWP", "SSM", "UEN") are among them.
const NOT_A_PHONE_BEFORE: &[&str] = &[
    "#", "$", "astm", "awb", "barcode", "batch", "brn", "bs", "code", "din", "don", "ean", "exp",
    "gb", "gb/t", "gbp", "gia", "gpkd", "gtin", "harga", "id", "idr", "iec", "imei", "inv",
    "invoice", "isbn", "iso", "jis", "kode", "lot", "ma", "mfg", "mok", "mst", "myr", "nib", "no",
    "no.", "npwp", "nr", "php", "price", "qcvn", "ref", "resi", "rm", "rp", "s$", "s/n", "serial",
    "sgd", "sku", "sn", "sni", "ssm", "tcvn", "thb", "thue", "tis", "tracking", "uen", "upc",
    "usd", "vnd",
];

/// Currency codes sellers write before an amount ("RM189", "Rp 99.000"), folded.
pub const CURRENCY_CODES: &[&str] = &["idr", "myr", "php", "rm", "rp", "sgd", "thb", "usd", "vnd"];

/// The same in scripts written without spaces and as currency signs: they end the word before
/// the number ("单号", "ราคา", "฿").
const NOT_A_PHONE_SUFFIXES: &[&str] = &[
    "₱",
    "฿",
    "₫",
    "£",
    "€",
    "¥",
    "订单",
    "单号",
    "编号",
    "批号",
    "批次",
    "型号",
    "ราคา",
    "价格",
    "อย.",
    "จดแจ้ง",
    "เลขพัสดุ",
    "บาร์โค้ด",
];

/// Reference words that mark a number a word or two later too ("S/N unit sis: 0123…",
/// "Reference no. po ng refund: 9017…", "MST/ĐKKD số 0312…", a tax and business registration
/// number); in byte order, written folded.
const REFERENCE_BEFORE: &[&str] = &[
    "awb",
    "barcode",
    "brn",
    "dkkd",
    "doanh",
    "ean",
    "gpkd",
    "gtin",
    "imei",
    "invoice",
    "isbn",
    "mdl",
    "model",
    "mst",
    "mst/dkkd",
    "nib",
    "npwp",
    "ref",
    "reference",
    "refund",
    "resi",
    "s/n",
    "serial",
    "ssm",
    "tracking",
    "uen",
    "upc",
    "บาร์โค้ด",
    "เลขพัสดุ",
    "单号",
    "订单号",
    "运单",
];

/// The folded word that ends at byte `end` (after trimming spaces and a `:`), looking back at
/// most 24 bytes, and where it starts.
fn word_ending(text: &str, end: usize) -> (super::text::ShortFolded, usize) {
    let mut end = end;
    // "MST: 031…", "(MST) 031…": the word may end in a colon or stand in brackets.
    while let Some(c) = char_before(text, end)
        .filter(|c| matches!(c, ' ' | ':' | '：' | '\u{A0}' | ')' | '）' | ']'))
    {
        end -= c.len_utf8();
    }
    let head = text.get(..end).unwrap_or_default();
    let window_start = head.len().saturating_sub(24);
    let mut word_start = head.len();
    for (i, c) in head.char_indices().rev() {
        if i < window_start
            || super::text::is_space(c)
            || c.is_ascii_digit()
            || matches!(c, '(' | '（' | '[')
        {
            break;
        }
        word_start = i;
    }
    (super::text::ShortFolded::of(head.get(word_start..).unwrap_or_default()), word_start)
}

/// True when the word just before byte `pos` (skipping spaces and one `:`) marks the number
/// after it as money or a reference, or a strong reference word stands up to three words
/// before it.
pub fn money_or_reference_before(text: &str, pos: usize) -> bool {
    let (word, mut start) = word_ending(text, pos);
    let word = word.as_str();
    if word.is_empty() {
        return false;
    }
    if NOT_A_PHONE_BEFORE.binary_search(&word).is_ok()
        || NOT_A_PHONE_SUFFIXES.iter().any(|w| word.ends_with(w))
        || word.ends_with('#')
        || (word.starts_with("rp") && word.len() <= 3)
    {
        return true;
    }
    for _ in 0..3 {
        let (word, word_start) = word_ending(text, start);
        let word = word.as_str();
        if word.is_empty() {
            return false;
        }
        let word = word.strip_suffix('.').unwrap_or(word);
        if REFERENCE_BEFORE.binary_search(&word).is_ok() {
            return true;
        }
        start = word_start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_written_folded() {
        for list in [NOT_A_PHONE_BEFORE, NOT_A_PHONE_SUFFIXES, REFERENCE_BEFORE] {
            for word in list {
                assert_eq!(super::super::text::folded_lowercase(word), *word);
            }
        }
        assert!(NOT_A_PHONE_BEFORE.is_sorted() && REFERENCE_BEFORE.is_sorted());
        assert!(money_or_reference_before("Giá: 0901234567", "Giá: ".len()));
    }

    fn words() -> DigitWords {
        DigitWords::new([
            ("nol", 0),
            ("kosong", 0),
            ("satu", 1),
            ("dua", 2),
            ("tiga", 3),
            ("empat", 4),
            ("lima", 5),
            ("enam", 6),
            ("tujuh", 7),
            ("delapan", 8),
            ("sembilan", 9),
            ("零", 0),
            ("幺", 1),
            ("一", 1),
            ("二", 2),
            ("三", 3),
            ("八", 8),
            ("double", 10),
        ])
    }

    fn digits(text: &str) -> Option<(String, &str)> {
        let run = read(text, 0, &words())?;
        let n = run.groups().len();
        Some((run.digits_of(0, n).to_owned(), &text[run.start..run.end]))
    }

    #[test]
    fn digits_in_every_disguise() {
        let cases = [
            ("0812-3456-7890.", "081234567890", "0812-3456-7890"),
            ("+62 812 3456 7890", "6281234567890", "+62 812 3456 7890"),
            ("(021) 555-1234", "0215551234", "(021) 555-1234"),
            ("0 8 1 2 3 4 5 6 7 8 9", "08123456789", "0 8 1 2 3 4 5 6 7 8 9"),
            ("0.8.1.2.3.4.5.6.7.8", "0812345678", "0.8.1.2.3.4.5.6.7.8"),
            ("๐๘๑๒๓๔๕๖๗๘", "0812345678", "๐๘๑๒๓๔๕๖๗๘"),
            ("０８１２３４５６７８９", "08123456789", "０８１２３４５６７８９"),
            ("0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣", "08123456", "0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣"),
            ("⓪⑧①② ③④⑤⑥", "08123456", "⓪⑧①② ③④⑤⑥"),
            ("O812 l234 5678", "081212345678", "O812 l234 5678"),
            ("0812🔥3456🔥7890", "081234567890", "0812🔥3456🔥7890"),
            ("nol delapan satu dua tiga", "08123", "nol delapan satu dua tiga"),
            ("08 satu dua 3456", "08123456", "08 satu dua 3456"),
            ("零八幺二三", "08123", "零八幺二三"),
            ("double 8 satu", "881", "double 8 satu"),
            ("0 8 1 2 - 7 7 4 O - 9 1 2 3", "081277409123", "0 8 1 2 - 7 7 4 O - 9 1 2 3"),
        ];
        for (text, want, span) in cases {
            assert_eq!(digits(text), Some((want.to_owned(), span)), "{text}");
        }
        assert_eq!(digits("satu hari lagi"), Some(("1".into(), "satu")));
        assert_eq!(digits("hari"), None);
        // "10l" is ten litres, not "101".
        assert_eq!(digits("10l"), Some(("10".into(), "10")));
    }

    #[test]
    fn shapes_of_amounts_dates_and_times() {
        let shape = |text: &str| {
            let run = read(text, 0, &words()).unwrap();
            shape_ok(&run, 0, run.groups().len(), |d| match d {
                "03" => ShortFirst::AreaCode,
                "66" => ShortFirst::CountryCode,
                _ => ShortFirst::No,
            })
        };
        assert!(shape("0812 3456 7890"));
        assert!(shape("03-2385 6789"));
        assert!(!shape("04-2385 6789"));
        assert!(!shape("1.250.000"));
        assert!(!shape("12/08/2024"));
        assert!(!shape("2024-08-12"));
        assert!(!shape("08.30-17.00"));
        assert!(shape("0 8 1 2 3 4 5 6 7 8"));
        assert!(shape("+66 2 123 4567"));
        assert!(shape("66 2 123 4567"));
    }

    #[test]
    fn long_runs_end_and_say_so() {
        let run = read("576932199283736451 0812 3456 7890", 0, &words()).unwrap();
        assert!(run.too_long);
        assert_eq!(run.end, 18);
        assert!(!read("123456789012345678901234567890", 0, &words()).unwrap().groups().is_empty());
    }

    #[test]
    fn money_and_references_before_numbers() {
        for text in [
            "Rp 081234567890",
            "Rp081234567890",
            "SKU: 0812345678",
            "No. 0812345678",
            "订单 081234567890",
            "#0812345678",
            "IMEI 0812345678",
        ] {
            let pos = text.find('0').unwrap();
            assert!(money_or_reference_before(text, pos), "{text}");
        }
        for text in ["WA 0812345678", "hubungi 0812345678", "0812345678", "call me: 0812345678"] {
            let pos = text.find('0').unwrap();
            assert!(!money_or_reference_before(text, pos), "{text}");
        }
    }
}
