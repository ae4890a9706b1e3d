//! Signals: names and cue words that, together in one clause, move a buyer off TikTok Shop.
//!
//! Sellers rarely write the fixed phrase a list would hold. They write "co di laz ya", "sàn cam
//! đặt nha", "ไปกด shopeeeee เลย", "order kat Zalora kami je", "bayar via DANA aja", "hrg japri
//! ya kak", "号码在最后一张图" — a name or a cue word in any order, with particles between. So
//! the detectors collect [`Mention`]s (a platform's name in any disguise, a word of a cue group
//! such as "order", "transfer", "dm", "negation", an account-like number), and each pack
//! [`Signal`] says which of them, found together in one clause, make which finding: a
//! marketplace's name near a buying word is a call to order elsewhere (block); the name alone a
//! mention (review); a messenger's name a contact elsewhere; a payment word without the in-app
//! checkout nearby paying outside; "DM" a request to order by message.
//!
//! A clause ends at a line break or at sentence punctuation (`.` `!` `?` and their fullwidth
//! forms) followed by a space, and a cue counts only within [`WINDOW`] characters of the anchor:
//! near enough to belong to the same request, far enough for the particles people put between.
//! A `negation` cue just before the anchor ("ga ada WA", "không có zalo", "不加微信", "no need to
//! transfer") cancels a signal that lists it; any other cue in `unless` cancels it anywhere in
//! the window (the in-app checkout for payment words).
//!
//! Linear: mentions are in text order and each anchor looks at the mentions inside its window,
//! which is bounded.

use super::rules::Candidate;
use super::text::{char_at, is_cjk_or_thai};
use crate::pack::Category;
use crate::report::FindingKind;

/// How far (in characters, each side) a cue may be from the anchor.
pub const WINDOW: usize = 56;
/// How far (in characters, each side) a warning may be from what it warns of: a warning is a
/// whole sentence ("kalau ada yg chat atas nama toko kami minta transfer ke rekening BCA/BRI,
/// itu PENIPUAN ya"), but still a bounded one.
const SENTENCE_WINDOW: usize = 3 * WINDOW;
/// How far before the anchor a negation may end.
const NEGATION_REACH: usize = 24;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// A platform's name.
    Name(Category),
    /// A word of a cue group.
    Cue(usize),
}

/// A name or cue word found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte span.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// What it is.
    pub what: What,
    /// The platform, for a name.
    pub platform: Option<usize>,
    /// Written in disguise.
    pub obfuscated: bool,
    /// A name that is also an ordinary word, written plainly.
    pub ambiguous: bool,
}

/// One need of a signal: a name of one of these categories (or of any platform) or a word of
/// one of these cue groups. Kept as bit sets: every anchor is tested against every signal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Need {
    /// One bit per category whose names meet it.
    names: u8,
    /// One bit per cue group that meets it.
    cues: Vec<u64>,
}

impl Need {
    /// Names of `category` meet the need (`None`: any platform's).
    pub fn add_names(&mut self, category: Option<Category>) {
        self.names |= category.map_or(u8::MAX, category_bit);
    }

    /// Words of cue group `group` meet the need.
    pub fn add_cue(&mut self, group: usize) {
        if self.cues.len() <= group / 64 {
            self.cues.resize(group / 64 + 1, 0);
        }
        if let Some(word) = self.cues.get_mut(group / 64) {
            *word |= 1 << (group % 64);
        }
    }

    #[inline]
    fn matches(&self, what: What) -> bool {
        match what {
            What::Name(category) => self.names & category_bit(category) != 0,
            What::Cue(group) => {
                self.cues.get(group / 64).is_some_and(|word| word & (1 << (group % 64)) != 0)
            }
        }
    }
}

fn category_bit(category: Category) -> u8 {
    1 << (category as u8).min(7)
}

/// A pack signal, compiled.
#[derive(Debug, Clone)]
pub struct CompiledSignal {
    /// Index of its rule.
    pub rule: usize,
    /// What a finding is.
    pub kind: FindingKind,
    /// The anchor, then the other needs.
    pub needs: Vec<Need>,
    /// Cue groups that cancel it anywhere in the window.
    pub unless: Vec<usize>,
    /// Cue groups that cancel it anywhere in its clause, up to [`SENTENCE_WINDOW`] away
    /// (`warning`).
    pub unless_in_sentence: Vec<usize>,
    /// Whether a negation just before the anchor cancels it.
    pub negatable: bool,
}

/// Whether a clause ends at the character starting at byte `i`: a line break, or sentence
/// punctuation followed by a space (or the end). Read byte by byte: it is asked for every
/// character around every mention.
fn boundary_at(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let space_after = |j: usize| match bytes.get(j) {
        None => true,
        Some(&b) if b < 0x80 => b.is_ascii_whitespace(),
        Some(_) => char_at(text, j).is_some_and(char::is_whitespace),
    };
    match bytes.get(i) {
        Some(b'\n' | b'\r' | b'|') => true,
        // A full stop after a short abbreviation ("Jl. Kaliurang", "No. 5") ends nothing.
        Some(b'.') => space_after(i + 1) && !abbreviation_before(text, i),
        Some(b'!' | b'?' | b';') => space_after(i + 1),
        // The fullwidth forms and the ellipsis all begin with one of these bytes.
        Some(0xE2 | 0xE3 | 0xEF) => match char_at(text, i) {
            Some('。' | '！' | '？' | '｜') => true,
            Some('…') => space_after(i + '…'.len_utf8()),
            _ => false,
        },
        _ => false,
    }
}

/// Whether the word ending at byte `end` is one to three letters long (an abbreviation).
fn abbreviation_before(text: &str, end: usize) -> bool {
    let head = text.get(..end).unwrap_or_default();
    let letters = head.chars().rev().take_while(|&c| super::text::is_alphabetic(c)).take(4).count();
    (1..=3).contains(&letters)
}

/// Whether byte `b` may begin a character that ends a clause (the cheap test before
/// [`boundary_at`]).
#[inline(always)]
fn may_end_clause(b: u8) -> bool {
    matches!(b, b'\n' | b'\r' | b'|' | b'.' | b'!' | b'?' | b';' | 0xE2 | 0xE3 | 0xEF)
}

/// Whether `bytes` (if any) are all ASCII, eight at a time.
fn is_ascii(bytes: Option<&[u8]>) -> bool {
    let Some(bytes) = bytes else { return false };
    let mut words = bytes.chunks_exact(8);
    words.all(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080 == 0)
        && words.remainder().is_ascii()
}

/// The clause ends of a text, found as far as the windows asked for so far reach. Windows are
/// asked for in text order (mentions are found left to right), so the text is scanned once,
/// and only up to the last mention: a link-dense text asks for a window every 30 bytes, and
/// walking each one character by character cost a twentieth of the check.
#[derive(Debug)]
pub struct Clauses<'t> {
    text: &'t str,
    /// Byte offsets of the characters that end a clause, ascending, up to `scanned`.
    ends: Vec<usize>,
    scanned: usize,
}

impl<'t> Clauses<'t> {
    /// The clauses of `text` (nothing is read until a window is asked for).
    pub fn new(text: &'t str) -> Clauses<'t> {
        Clauses { text, ends: Vec::new(), scanned: 0 }
    }

    fn scan_to(&mut self, to: usize) {
        let bytes = self.text.as_bytes();
        let to = to.min(bytes.len());
        for (i, &b) in bytes.iter().enumerate().take(to).skip(self.scanned) {
            if may_end_clause(b) && boundary_at(self.text, i) {
                self.ends.push(i);
            }
        }
        self.scanned = self.scanned.max(to);
    }

    /// The byte range around `start..end` that a cue must lie in: up to [`WINDOW`] characters
    /// each side, not past a clause boundary.
    pub fn window(&mut self, start: usize, end: usize) -> (usize, usize) {
        self.window_of(start, end, WINDOW)
    }

    /// As [`Clauses::window`], `size` characters each side.
    fn window_of(&mut self, start: usize, end: usize, size: usize) -> (usize, usize) {
        // `size` characters are at most four times as many bytes.
        self.scan_to(end + 4 * size + 4);
        let bytes = self.text.as_bytes();
        let ends = &self.ends;
        // After the last boundary before `start`, before the first one at or after `end`.
        let floor = ends.partition_point(|&b| b < start).checked_sub(1).and_then(|i| ends.get(i));
        let floor = floor.map_or(0, |&b| b + char_at(self.text, b).map_or(1, char::len_utf8));
        let ceiling = ends.get(ends.partition_point(|&b| b < end)).copied().unwrap_or(bytes.len());
        let continuation = |i: usize| bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80);
        // Within `size` bytes of a clause end, or over ASCII, characters are bytes: no walk.
        let mut lo = if start - floor <= size {
            floor
        } else if is_ascii(bytes.get(start - size..start)) {
            start - size
        } else {
            start
        };
        if lo == start {
            for _ in 0..size {
                if lo <= floor {
                    break;
                }
                lo -= 1;
                while lo > floor && continuation(lo) {
                    lo -= 1;
                }
            }
        }
        let mut hi = if ceiling.saturating_sub(end) <= size {
            ceiling
        } else if is_ascii(bytes.get(end..end + size)) {
            end + size
        } else {
            end
        };
        if hi == end {
            for _ in 0..size {
                if hi >= ceiling {
                    break;
                }
                hi += 1;
                while hi < ceiling && continuation(hi) {
                    hi += 1;
                }
            }
        }
        (lo, hi)
    }
}

/// Whether a negation among the `mentions` found so far ends just before byte `start`, in the
/// same clause ("不加WhatsApp", "ga ada WA"): for the calls to action found directly.
pub fn negated_before(
    clauses: &mut Clauses<'_>,
    mentions: &[Mention],
    negation: &Negation,
    start: usize,
) -> bool {
    let text = clauses.text;
    let (lo, _) = clauses.window(start, start);
    let recent = mentions.iter().rev().take_while(|m| m.end > lo).count();
    let from = mentions.len() - recent;
    negated(text, mentions.get(from..).unwrap_or_default(), negation, lo, start)
}

/// The cue groups that negate, and those that end a negation's reach ("if you don't want to
/// wait, just GCash me": "just" asserts what follows).
#[derive(Debug, Clone, Default)]
pub struct Negation {
    /// Groups named `negation`.
    pub cues: Vec<usize>,
    /// Groups named `negation_end`.
    pub ends: Vec<usize>,
}

/// Whether a negation mention ends at most [`NEGATION_REACH`] characters before `start`, in
/// the same phrase: a comma ends a negation's reach ("no COD, transfer only"), and so does a
/// space after a Thai or Chinese negation, as those scripts separate phrases with spaces
/// ("ใครไม่ทันในไลฟ์ ไปสั่งในแอปส้มได้": who did not make the LIVE, order in the orange app),
/// and a word such as "just" or "but" between the two.
fn negated(text: &str, mentions: &[Mention], negation: &Negation, lo: usize, start: usize) -> bool {
    let is = |m: &Mention, groups: &[usize]| matches!(m.what, What::Cue(g) if groups.contains(&g));
    mentions.iter().any(|m| {
        let spaced_script =
            text.get(..m.end).and_then(|t| t.chars().next_back()).is_some_and(is_cjk_or_thai);
        is(m, &negation.cues)
            && m.end <= start
            && m.start >= lo
            && text.get(m.end..start).is_some_and(|gap| {
                // A phrase ends at a comma ("no COD, transfer only"), unless the comma lists
                // what is refused ("tak terima tempahan melalui DM, telefon atau WhatsApp"; a
                // list is in reach when its first item is), and at a full stop even where the
                // clause reads an abbreviation ("NO COD. Payment via bank transfer only").
                let list = gap.contains([',', '，']) && in_a_list(gap);
                let phrase_ends = gap.contains([';', '；'])
                    || (gap.contains([',', '，']) && !list)
                    || gap.contains(". ")
                    || (spaced_script && spaced_between_words(gap));
                let reach = if list { gap.split([',', '，']).next().unwrap_or(gap) } else { gap };
                let reach_end = m.end + reach.len();
                // Names and cue words in between do not count: a refusal lists what it refuses
                // ("kami gak terima order lewat DM / WA", "hindi kami tumatanggap ng order thru
                // GCash o Messenger").
                let mut listed = 0;
                let mut covered = m.end;
                for e in mentions {
                    if e.start >= covered && e.end <= reach_end {
                        listed += text.get(e.start..e.end).map_or(0, |t| t.chars().count());
                        covered = e.end;
                    }
                }
                !phrase_ends && reach.chars().count().saturating_sub(listed) <= NEGATION_REACH
            })
            && !mentions.iter().any(|e| is(e, &negation.ends) && e.start >= m.end && e.end <= start)
    })
}

/// Whether a cue of `groups` (a warning) stands in the clause around `start..end`, up to
/// [`SENTENCE_WINDOW`] characters away, and is not negated itself ("bukan penipuan kok": no
/// scam at all). `mentions` are sorted by start.
pub fn warned(
    clauses: &mut Clauses<'_>,
    mentions: &[Mention],
    negation: &Negation,
    groups: &[usize],
    start: usize,
    end: usize,
) -> bool {
    let text = clauses.text;
    let (lo, hi) = clauses.window_of(start, end, SENTENCE_WINDOW);
    let from = mentions.partition_point(|m| m.start < lo);
    let around = mentions.get(from..).unwrap_or_default();
    around.iter().enumerate().take_while(|(_, m)| m.start < hi).any(|(j, m)| {
        m.end <= hi
            && matches!(m.what, What::Cue(g) if groups.contains(&g))
            && !negated(text, around.get(..j).unwrap_or_default(), negation, lo, m.start)
    })
}

/// Whether `gap` (after a Chinese or Thai negation) has a space that separates phrases, as
/// those scripts use spaces; a space beside a Latin word ("不接受私下转账、PayNow 或任何站外下单")
/// is only the word's.
fn spaced_between_words(gap: &str) -> bool {
    let chars: Vec<char> = gap.chars().collect();
    let latin = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
    chars.iter().enumerate().any(|(i, &c)| {
        c == ' ' && !latin(i.checked_sub(1).and_then(|p| chars.get(p))) && !latin(chars.get(i + 1))
    })
}

/// Words that join the items of a list: "DM, telefon atau WhatsApp", "WA, IG or Line".
const LIST_WORDS: &[&str] = &[
    "or",
    "and",
    "atau",
    "dan",
    "hay",
    "hoặc",
    "và",
    "o",
    "at",
    "หรือ",
    "และ",
    "或",
    "或者",
    "和",
    "及",
    "/",
    "&",
];

/// Whether what stands after the last comma of `gap` (the text from a negation to a name or cue)
/// continues the list the negation refuses: a word joining items is there ("tak terima tempahan
/// melalui DM, telefon atau WhatsApp"). Without one the comma ends the phrase ("no COD, pay via
/// GCash or Maya").
fn in_a_list(gap: &str) -> bool {
    let after_comma = gap.rsplit([',', '，']).next().unwrap_or_default();
    after_comma.chars().count() <= 24
        && after_comma.split(' ').any(|w| LIST_WORDS.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// Evaluates the signals over `mentions` (sorted by start), adding a candidate per anchor for the
/// first signal that fires on it.
pub fn evaluate(
    signals: &[CompiledSignal],
    negation: &Negation,
    clauses: &mut Clauses<'_>,
    mentions: &[Mention],
    out: &mut Vec<Candidate>,
) {
    let text = clauses.text;
    // Whether any mention cancels signals sentence-wide: only then is the wider range read.
    let sentence_groups: Vec<usize> =
        signals.iter().flat_map(|s| s.unless_in_sentence.iter().copied()).collect();
    let in_sentence_group =
        |m: &Mention, groups: &[usize]| matches!(m.what, What::Cue(g) if groups.contains(&g));
    let any_sentence_cue = !sentence_groups.is_empty()
        && mentions.iter().any(|m| in_sentence_group(m, &sentence_groups));
    for (i, anchor) in mentions.iter().enumerate() {
        let mut window_range = None;
        for signal in signals {
            let Some((first, others)) = signal.needs.split_first() else { continue };
            if !first.matches(anchor.what) || (anchor.ambiguous && others.is_empty()) {
                continue;
            }
            let (lo, hi) =
                *window_range.get_or_insert_with(|| clauses.window(anchor.start, anchor.end));
            // The mentions inside the window (a bounded neighbourhood of `i`).
            let from = mentions
                .get(..i)
                .map_or(i, |before| i - before.iter().rev().take_while(|m| m.end > lo).count());
            let around = mentions.get(from..).unwrap_or_default();
            let to = from + around.iter().take_while(|m| m.start < hi).count();
            // The other mentions inside the window, with their indexes.
            let nearby_at = || {
                (from..to)
                    .filter_map(|j| mentions.get(j).map(|m| (j, m)))
                    .filter(move |&(j, m)| j != i && m.start >= lo && m.end <= hi)
            };
            let nearby = || nearby_at().map(|(_, m)| m);
            if signal.negatable
                && negated(
                    text,
                    mentions.get(from..i).unwrap_or_default(),
                    negation,
                    lo,
                    anchor.start,
                )
            {
                continue;
            }
            // A cue that cancels the signal, unless it is negated itself ("价格私聊 不在直播间报价":
            // the price by private message, not in the LIVE room).
            let cancelled = nearby_at().any(|(j, m)| {
                matches!(m.what, What::Cue(g) if signal.unless.contains(&g))
                    && !negated(
                        text,
                        mentions.get(from..j).unwrap_or_default(),
                        negation,
                        lo,
                        m.start,
                    )
            });
            if cancelled {
                continue;
            }
            if any_sentence_cue
                && !signal.unless_in_sentence.is_empty()
                && warned(
                    clauses,
                    mentions,
                    negation,
                    &signal.unless_in_sentence,
                    anchor.start,
                    anchor.end,
                )
            {
                continue;
            }
            let mut start = anchor.start;
            let mut end = anchor.end;
            let mut platform = anchor.platform;
            let mut obfuscated = anchor.obfuscated;
            let all = others.iter().all(|need| {
                // The nearest mention that meets the need.
                let best = nearby().filter(|m| need.matches(m.what)).min_by_key(|m| {
                    if m.start >= anchor.end {
                        m.start - anchor.end
                    } else {
                        anchor.start.saturating_sub(m.end)
                    }
                });
                match best {
                    Some(m) => {
                        start = start.min(m.start);
                        end = end.max(m.end);
                        platform = platform.or(m.platform);
                        obfuscated |= m.obfuscated;
                        true
                    }
                    None => false,
                }
            });
            if all {
                out.push(Candidate {
                    start,
                    end,
                    kind: signal.kind,
                    rule: signal.rule,
                    host: None,
                    platform,
                    obfuscated,
                });
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stop_at_clause_ends() {
        let text = "Harga murah. Beli di toko oren ya kak!\nWA aja";
        let start = text.find("toko").unwrap();
        let (lo, hi) = Clauses::new(text).window(start, start + 9);
        assert_eq!(&text[lo..hi], " Beli di toko oren ya kak");
        let text = "shopee.co.id ada";
        assert_eq!(Clauses::new(text).window(13, 16), (0, 16));
        let mut clauses = Clauses::new("Cảm ơn bạn nhiều. Không có Zalo nhé! Liên hệ qua Line");
        let text = clauses.text;
        let at = text.find("Zalo").unwrap();
        assert_eq!(&text[clauses.window(at, at + 4).0..at], " Không có ");
        let at = text.find("Line").unwrap();
        assert_eq!(&text[clauses.window(at, at + 4).0..at], " Liên hệ qua ");
    }

    fn need(category: Option<Category>, cue: Option<usize>) -> Need {
        let mut need = Need::default();
        if let Some(category) = category {
            need.add_names(Some(category));
        }
        if let Some(cue) = cue {
            need.add_cue(cue);
        }
        need
    }

    fn mention(start: usize, end: usize, what: What) -> Mention {
        Mention { start, end, what, platform: Some(0), obfuscated: false, ambiguous: false }
    }

    #[test]
    fn the_first_signal_that_fires_wins_and_negation_cancels() {
        let signals = [
            CompiledSignal {
                rule: 0,
                kind: FindingKind::CallToAction,
                needs: vec![need(Some(Category::Ecommerce), None), need(None, Some(1))],
                unless: vec![],
                unless_in_sentence: vec![],
                negatable: true,
            },
            CompiledSignal {
                rule: 1,
                kind: FindingKind::Mention,
                needs: vec![need(Some(Category::Ecommerce), None)],
                unless: vec![],
                unless_in_sentence: vec![],
                negatable: true,
            },
        ];
        let negation = Negation { cues: vec![2], ends: vec![3] };
        let text = "beli di shopee aja";
        let mentions =
            [mention(0, 4, What::Cue(1)), mention(8, 14, What::Name(Category::Ecommerce))];
        let mut out = Vec::new();
        evaluate(&signals, &negation, &mut Clauses::new(text), &mentions, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].rule, out[0].start, out[0].end), (0, 0, 14));

        let text = "murah dari shopee";
        let mentions = [mention(11, 17, What::Name(Category::Ecommerce))];
        out.clear();
        evaluate(&signals, &negation, &mut Clauses::new(text), &mentions, &mut out);
        assert_eq!((out[0].rule, out[0].kind), (1, FindingKind::Mention));

        // A warning cancels the signals that list it anywhere in its sentence, when it is not
        // negated itself ("bukan penipuan": no scam).
        let warned = [CompiledSignal {
            rule: 2,
            kind: FindingKind::Payment,
            needs: vec![need(None, Some(4))],
            unless: vec![],
            unless_in_sentence: vec![5],
            negatable: true,
        }];
        let text =
            format!("ada yg minta transfer{} itu penipuan ya", " ke rekening BCA/BRI,".repeat(3));
        let transfer = text.find("transfer").unwrap();
        let scam = text.find("penipuan").unwrap();
        assert!(scam - transfer > WINDOW);
        let mentions =
            [mention(transfer, transfer + 8, What::Cue(4)), mention(scam, scam + 8, What::Cue(5))];
        out.clear();
        evaluate(&warned, &negation, &mut Clauses::new(&text), &mentions, &mut out);
        assert!(out.is_empty());
        let text = "transfer aja, bukan penipuan kok";
        let mentions = [
            mention(0, 8, What::Cue(4)),
            mention(14, 19, What::Cue(2)),
            mention(20, 28, What::Cue(5)),
        ];
        evaluate(&warned, &negation, &mut Clauses::new(text), &mentions, &mut out);
        assert_eq!(out.len(), 1);

        let text = "bukan shopee";
        let mentions =
            [mention(0, 5, What::Cue(2)), mention(6, 12, What::Name(Category::Ecommerce))];
        out.clear();
        evaluate(&signals, &negation, &mut Clauses::new(text), &mentions, &mut out);
        assert!(out.is_empty());

        // "tapi" (but) between the negation and the name ends the negation's reach.
        let text = "bukan ini tapi shopee";
        let mentions = [
            mention(0, 5, What::Cue(2)),
            mention(10, 14, What::Cue(3)),
            mention(15, 21, What::Name(Category::Ecommerce)),
        ];
        out.clear();
        evaluate(&signals, &negation, &mut Clauses::new(text), &mentions, &mut out);
        assert_eq!((out[0].rule, out[0].kind), (1, FindingKind::Mention));

        // The names a refusal lists do not count towards the negation's reach.
        let text = "kami tak terima pesanan lewat lazada / shopee ya";
        let mentions = [
            mention(5, 8, What::Cue(2)),
            mention(16, 23, What::Cue(1)),
            mention(30, 36, What::Name(Category::Ecommerce)),
            mention(39, 45, What::Name(Category::Ecommerce)),
        ];
        out.clear();
        evaluate(&signals, &negation, &mut Clauses::new(text), &mentions, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
