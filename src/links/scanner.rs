//! Finding links and e-mail addresses in text — and only those.
//!
//! Sellers' texts are full of things that look like links to a naive pattern: prices
//! (`Rp 75.000`), sizes (`2,5 kg`), versions (`v2.0`), file names (`index.html`), a sentence with
//! no space after its full stop (`order.My bad`). So a scheme-less host only counts when its last
//! label is a top-level domain of the root zone, it starts and ends on a token boundary, and its
//! labels are well-formed; a malformed host (`www.example..com`, `-a.com`, `http://.example.com`)
//! is no link at all rather than a shorter one.
//!
//! With a scheme (`https://`, `hxxp://`, `whatsapp://`, any `scheme://`) or `//`, the rules are a
//! URL's: a `user:pass@` part, an IP address or a single-label host (`http://localhost:8000`),
//! Unicode host labels, and a path whose end follows linkify's rules — brackets and quotes that
//! open inside the link may close inside it, trailing punctuation is the sentence's.
//!
//! Hosts are read through [`fold`], so fullwidth and look-alike letters and invisible characters
//! are seen through. Separators between labels may be disguised: `．` `。` `·`, `(.)` `[.]`
//! `(dot)`, spaced dots (`shopee . co . id`) and the word for "dot" in each language (`dot`,
//! `titik`, `chấm`, `tuldok`, `จุด`, `点`: the pack's `hostWords`). Each disguise is remembered:
//! spelled-out and spaced dots also occur in ordinary prose ("polka dot com"), so such a host
//! counts only if it names a catalog platform or ends in a common top-level domain after a dot
//! written as a word.
//!
//! Bounded work per position: at most 16 labels of 63 characters, paths of at most
//! [`MAX_PATH`] bytes, local parts of at most 64 characters read backwards; the caller resumes
//! after a link it keeps.
//!
//! [`fold`]: super::text::fold

use super::text::{
    Folded, char_at, char_before, fold, is_alphanumeric, is_cjk_or_thai, is_space, is_word_char,
};
use super::trie::WordTrie;

/// The longest path, query and fragment read after a host.
pub const MAX_PATH: usize = 2048;

/// How a host's label separators were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Disguise {
    /// Plain dots.
    None,
    /// Fullwidth, ideographic or middle dots, brackets (`(.)`, `[dot]`): unmistakably a host.
    Marked,
    /// Spaced or spelled-out dots: also ordinary prose, so only a catalog platform or a common
    /// top-level domain after a word for "dot" counts.
    Prose,
}

/// A host-shaped run of text: labels, maybe a scheme, maybe a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostRun {
    /// Byte span of the whole candidate (scheme, user part and path included).
    pub start: usize,
    /// End of the candidate, exclusive.
    pub end: usize,
    /// The folded, lowercase labels (for a scheme without a host, the scheme alone).
    pub labels: Vec<String>,
    /// `Some(scheme)` when written with `scheme://` (folded, lowercase; `""` for `//host`).
    pub scheme: Option<String>,
    /// A path, query or fragment follows the host.
    pub has_path: bool,
    /// How the separators were written.
    pub disguise: Disguise,
    /// Folding undid fullwidth or look-alike letters, or skipped invisible characters.
    pub folded: bool,
    /// At least one separator was a word for "dot" ("dot", "titik", "点"), and every separator
    /// was spaced or spelled out (not a mix with plain dots: "polka dot wa.me").
    pub spelled: bool,
    /// Every separator was spaced or spelled out ("brightnest . com").
    pub spaced: bool,
    /// The host is an IP address.
    pub ip: bool,
}

impl HostRun {
    /// The host name, labels joined with dots.
    pub fn host(&self) -> String {
        crate::i18n::join(&self.labels, ".")
    }
}

/// The words for ".", "/" and "@", compiled from the pack's `hostWords`.
#[derive(Debug, Clone)]
pub struct HostWords {
    dots: WordTrie<()>,
    slashes: WordTrie<()>,
    ats: WordTrie<()>,
    /// The words with letters outside ASCII as the pack writes them ("chấm"): the tries match
    /// folded text, and "chăm" (to care for) or "chậm" (slow) folds the same.
    accented: Vec<String>,
}

impl HostWords {
    /// Compiles the word lists.
    pub fn new<'a>(
        dots: impl IntoIterator<Item = &'a str>,
        slashes: impl IntoIterator<Item = &'a str>,
        ats: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let trie = |words: &mut dyn Iterator<Item = &'a str>| {
            let mut trie = WordTrie::new();
            for word in words {
                trie.insert(word, ());
            }
            trie.finish();
            trie
        };
        let dots: Vec<&str> = dots.into_iter().collect();
        let slashes: Vec<&str> = slashes.into_iter().collect();
        let ats: Vec<&str> = ats.into_iter().collect();
        let accented = [&dots, &slashes, &ats]
            .into_iter()
            .flatten()
            .filter(|w| w.chars().any(is_accented_latin))
            .map(|w| w.chars().map(latin_lowercase).collect())
            .collect();
        HostWords {
            dots: trie(&mut dots.iter().copied()),
            slashes: trie(&mut slashes.iter().copied()),
            ats: trie(&mut ats.iter().copied()),
            accented,
        }
    }

    /// A word of `trie` at `pos`: its end. A word of a script written with spaces must stand
    /// between spaces (or brackets and quotes); Chinese and Thai words may be glued.
    fn word(trie: &WordTrie<()>, text: &str, pos: usize) -> Option<usize> {
        let first = match text.as_bytes().get(pos)? {
            &b if b.is_ascii() => char::from(b.to_ascii_lowercase()),
            _ => fold_char(char_at(text, pos)?)?,
        };
        if !trie.may_start(first) {
            return None;
        }
        let (_, end) = trie.longest(text, pos)?;
        Some(end)
    }

    /// `word` unless it was matched through a Latin letter with another accent than the pack's
    /// word has.
    fn as_written(&self, word: Option<usize>, text: &str, pos: usize) -> Option<usize> {
        let end = word?;
        let written = text.get(pos..end)?;
        (!written.chars().any(is_accented_latin)
            || self.accented.iter().any(|w| w.chars().eq(written.chars().map(latin_lowercase))))
        .then_some(end)
    }

    /// The end of a word for "." at `pos`.
    pub fn dot_at(&self, text: &str, pos: usize) -> Option<usize> {
        self.as_written(Self::word(&self.dots, text, pos), text, pos)
    }

    /// The end of a word for "/" at `pos`.
    pub fn slash_at(&self, text: &str, pos: usize) -> Option<usize> {
        self.as_written(Self::word(&self.slashes, text, pos), text, pos)
    }

    /// The end of a word for "@" at `pos`.
    pub fn at_at(&self, text: &str, pos: usize) -> Option<usize> {
        self.as_written(Self::word(&self.ats, text, pos), text, pos)
    }

    /// Whether a word for "@" may begin with the folded character `c`.
    pub fn may_start_at_word(&self, c: char) -> bool {
        self.ats.may_start(c)
    }
}

fn fold_char(c: char) -> Option<char> {
    match fold(c) {
        Folded::Char(f, _) => Some(f),
        Folded::Invisible | Folded::Mark => None,
    }
}

/// What a label may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Labels {
    /// Letters and digits, as folded (any disguise), and letters of other alphabets (Cyrillic,
    /// Greek, Arabic …), but not Chinese or Thai, which run into the text around a host.
    Text,
    /// As [`Labels::Text`], and a Chinese character between two Latin ones ("m端ller"): the host
    /// of an e-mail address, which ends at the address's end anyway.
    Email,
    /// After a scheme: any character that is not a delimiter (`http://✪df.ws`).
    Url,
}

/// Whether `c` may be part of a label in `mode`; and whether reading it undid a disguise.
fn label_char(c: char, mode: Labels) -> Option<bool> {
    match fold(c) {
        Folded::Char(f, o) if f.is_ascii_alphanumeric() => Some(o),
        Folded::Char(f, _) if f.is_ascii() => None,
        Folded::Char(f, _) => {
            let other_alphabet = !is_cjk_or_thai(f) && super::text::is_alphanumeric(f);
            let url_symbol = mode == Labels::Url && !f.is_whitespace() && !is_delimiter(f);
            (other_alphabet || url_symbol).then_some(false)
        }
        Folded::Invisible => Some(true),
        Folded::Mark => Some(false),
    }
}

/// Characters that end a host or a URL whatever else is allowed.
fn is_delimiter(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '«' | '»' | '“' | '”' | '‘' | '’')
}

/// The end of the DNS label at `pos` and whether folding was needed. A label is at most 63
/// characters; inner hyphens only. Allocates nothing: most words are not hosts, and this runs
/// at every word.
fn label_span(text: &str, pos: usize, mode: Labels, words: &HostWords) -> Option<(usize, bool)> {
    let mut at = pos;
    let mut end = pos;
    let mut len = 0usize;
    let mut folded = false;
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        // ASCII letters and digits, the common case, without decoding.
        if b.is_ascii_alphanumeric() {
            at += 1;
            end = at;
            len += 1;
            if len > 63 {
                return None;
            }
            continue;
        }
        let Some(c) = char_at(text, at) else { break };
        if c == '-' || c == '_' && mode == Labels::Url {
            if len == 0 {
                return None;
            }
            at += 1;
        } else if let Some(o) = label_char(c, mode) {
            at += c.len_utf8();
            end = at;
            folded |= o;
        } else if mode == Labels::Email
            && is_cjk_or_thai(c)
            && char_before(text, at).is_some_and(|b| b.is_ascii_alphanumeric())
            && char_at(text, at + c.len_utf8()).is_some_and(|a| a.is_ascii_alphanumeric())
            && words.dot_at(text, at).is_none()
        {
            // A Chinese character inside a Latin label ("m端ller.com"), not one the text
            // resumes with.
            at += c.len_utf8();
            end = at;
        } else {
            break;
        }
        len += 1;
        if len > 63 {
            return None;
        }
    }
    // A label ending in a hyphen before a dot is malformed ("a.b-.com").
    if at > end && char_at(text, at) == Some('.') {
        return None;
    }
    (end > pos).then_some((end, folded))
}

/// The lowercase text of the label spanning `start..end`: folded to ASCII when it folds whole
/// (`ｓｈｏｐｅｅ`, `shоpee` with a Cyrillic `о`: a disguise), else as written (`президент`: an
/// international name).
fn label_text(text: &str, start: usize, end: usize) -> String {
    let written = text.get(start..end).unwrap_or_default();
    if written.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return written.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(written.len());
    let mut all_ascii = true;
    for c in written.chars() {
        if let Folded::Char(f, _) = fold(c) {
            if f.is_ascii() {
                if f.is_ascii_alphanumeric() || f == '-' || f == '_' {
                    out.push(f);
                }
            } else {
                all_ascii = false;
                break;
            }
        }
    }
    if all_ascii {
        return out;
    }
    written.chars().filter(|&c| !fold(c).is_nothing()).map(super::text::lowercase).collect()
}

fn skip_spaces(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while bytes.get(pos) == Some(&b' ') {
        pos += 1;
    }
    while let Some(c) = char_at(text, pos) {
        if c == ' ' || c == '\u{3000}' || c == '\u{A0}' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// A label separator at `pos`: its end, how it was written, and whether it was a word.
fn separator(text: &str, pos: usize, words: &HostWords) -> Option<(usize, Disguise, bool)> {
    let c = char_at(text, pos)?;
    match c {
        '.' => {
            // "shopee. co" — a dot followed by a space is a sentence end unless the host
            // continues; treat it as a prose disguise.
            let after = skip_spaces(text, pos + 1);
            let disguise = if after > pos + 1 { Disguise::Prose } else { Disguise::None };
            return Some((after, disguise, false));
        }
        '\u{FF0E}' | '\u{3002}' | '\u{FF61}' | '·' | '•' | '・' | '‧' => {
            return Some((pos + c.len_utf8(), Disguise::Marked, false));
        }
        // A round or square symbol for the dot ("shopglowhaus🔸com", "bit▪️ly"), its emoji
        // presentation selector with it.
        _ if dot_like(c) => {
            return Some((after_emoji(text, pos + c.len_utf8()), Disguise::Marked, false));
        }
        // Any other emoji between two labels ("linktr🌿ee", "s🌸h🌸o🌸p🌸e🌸e"): as doubtful
        // as a word for "dot", so only a platform's domain or a host with a path counts.
        _ if is_pictograph(c) => {
            let end = after_emoji(text, pos + c.len_utf8());
            let next = char_at(text, end)?;
            return is_alphanumeric(next).then_some((end, Disguise::Prose, false));
        }
        ' ' | '\u{3000}' | '\u{A0}' | '(' | '（' | '[' | '【' | '{' | '<' | '\'' | '"' => {}
        _ if !c.is_ascii() => {}
        _ => return None,
    }
    // Bracketed or quoted dots: (.) [.] {.} <.> (dot) [dot] (titik) 'dot' — spaces optional.
    let inner_start = skip_spaces(text, pos);
    if let Some(open) = char_at(text, inner_start) {
        let close = match open {
            '(' | '（' => Some(')'),
            '[' | '【' => Some(']'),
            '{' => Some('}'),
            '<' => Some('>'),
            '\'' => Some('\''),
            '"' => Some('"'),
            _ => None,
        };
        if let Some(close) = close {
            let at = skip_spaces(text, inner_start + open.len_utf8());
            let word =
                if char_at(text, at) == Some('.') { Some(at + 1) } else { words.dot_at(text, at) };
            if let Some(after_word) = word {
                let at = skip_spaces(text, after_word);
                let closing = char_at(text, at)?;
                let close_ok = closing == close
                    || (close == ')' && closing == '）')
                    || (close == ']' && closing == '】');
                if close_ok {
                    let end = skip_spaces(text, at + closing.len_utf8());
                    return Some((end, Disguise::Marked, false));
                }
            }
        }
    }
    // Spaced dot or a word for "dot": " . ", " dot ", " titik ", "点", "จุด".
    let spaced = skip_spaces(text, pos);
    if spaced > pos && char_at(text, spaced) == Some('.') {
        return Some((skip_spaces(text, spaced + 1), Disguise::Prose, false));
    }
    let end = words.dot_at(text, spaced)?;
    let after = skip_spaces(text, end);
    // A word of a spaced script stands between spaces; "点" and "จุด" need none.
    let glued = char_before(text, end).is_some_and(is_cjk_or_thai);
    (glued || (spaced > pos && after > end)).then_some((after, Disguise::Prose, true))
}

/// `c` in lowercase, Latin letters with diacritics too ("CHẤM" is "chấm"); not
/// `char::to_lowercase`, whose tables are 12 KB of the wasm.
fn latin_lowercase(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x100..=0x17F | 0x1EA0..=0x1EFF if code.is_multiple_of(2) => code + 1,
        _ => return super::text::lowercase(c),
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A Latin letter with a diacritic ("ấ", "ă", "é").
fn is_accented_latin(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c != '×' && c != '÷'
}

/// Round and square symbols written for a dot: bullets, geometric shapes, coloured circles,
/// squares and diamonds.
fn dot_like(c: char) -> bool {
    matches!(c as u32,
        0x2218 | 0x2219 | 0x22C5 | 0x25A0..=0x25FF | 0x26AA..=0x26AC | 0x2981 | 0x2B1B | 0x2B1C
        | 0x2B24 | 0x1F518 | 0x1F534..=0x1F539 | 0x1F7E0..=0x1F7EB)
}

/// Emoji pictographs (the Miscellaneous Symbols and Dingbats blocks and the emoji planes).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F300..=0x1FAFF)
}

/// Past the emoji presentation selector (U+FE0F) at `pos`, if there is one.
fn after_emoji(text: &str, pos: usize) -> usize {
    if char_at(text, pos) == Some('\u{FE0F}') { pos + '\u{FE0F}'.len_utf8() } else { pos }
}

/// One label of a host as read from the text.
#[derive(Debug, Clone, Copy)]
struct Label {
    start: usize,
    /// Byte offset just after the label.
    end: usize,
    /// How the separator before it was written (`None` for the first label).
    separator: Disguise,
    /// The separator before it was a word.
    spelled: bool,
    folded: bool,
}

/// Why reading a host stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At something that is not a separator: the host may end here.
    Clean,
    /// At a malformed host: a plain dot followed by a dot, a hyphen or nothing label-like
    /// ("www.example..com", "a.-b.com"). No link at all.
    Malformed,
}

/// At most this many labels in a host (DNS allows 127; no real one comes close).
const MAX_LABELS: usize = 16;

/// Reads labels and separators from `pos`. Returns before allocating anything when the first
/// label is not followed by a separator (most words). A chain of more than [`MAX_LABELS`]
/// labels is no host; with `tail`, it is read to its end and `tail` is set to where its last
/// [`MAX_LABELS`] labels begin: no host starts inside it before that (a scan that tried each
/// of its labels again, "a dot a dot a dot …", was [`MAX_LABELS`] times slower).
fn host_labels(
    text: &str,
    pos: usize,
    mode: Labels,
    words: &HostWords,
    tail: Option<&mut usize>,
) -> Option<(Vec<Label>, Stop)> {
    let (end, folded) = label_span(text, pos, mode, words)?;
    let first = Label { start: pos, end, separator: Disguise::None, spelled: false, folded };
    let mut labels = vec![first];
    let mut stop = Stop::Clean;
    let mut next_separator = separator(text, end, words);
    while let Some((after_sep, kind, spelled)) = next_separator.take() {
        match label_span(text, after_sep, mode, words) {
            Some((next_end, folded)) => {
                labels.push(Label {
                    start: after_sep,
                    end: next_end,
                    separator: kind,
                    spelled,
                    folded,
                });
            }
            None => {
                // "a..b", "a.-b" and "a.b-.c" are malformed; "a." or "a..." at a sentence end
                // is not.
                if kind == Disguise::None {
                    let next_label = text
                        .get(after_sep..)
                        .unwrap_or_default()
                        .trim_start_matches('.')
                        .chars()
                        .next()
                        .is_some_and(|c| label_char(c, mode).is_some() || matches!(c, '-' | '_'));
                    if next_label {
                        stop = Stop::Malformed;
                    }
                }
                break;
            }
        }
        if labels.len() > MAX_LABELS {
            if let Some(tail) = tail {
                *tail = chain_tail(text, &labels, mode, words);
            }
            return None;
        }
        next_separator = labels.last().and_then(|l| separator(text, l.end, words));
    }
    Some((labels, stop))
}

/// Where the last [`MAX_LABELS`] labels of the chain that `labels` begin start, read on to its
/// end.
fn chain_tail(text: &str, labels: &[Label], mode: Labels, words: &HostWords) -> usize {
    let mut starts = [0; MAX_LABELS];
    let mut count = 0;
    for label in labels {
        if let Some(slot) = starts.get_mut(count % MAX_LABELS) {
            *slot = label.start;
        }
        count += 1;
    }
    let mut end = labels.last().map_or(0, |l| l.end);
    while let Some((after_sep, _, _)) = separator(text, end, words)
        && let Some((next_end, _)) = label_span(text, after_sep, mode, words)
    {
        if let Some(slot) = starts.get_mut(count % MAX_LABELS) {
            *slot = after_sep;
        }
        count += 1;
        end = next_end;
    }
    // The oldest of the last MAX_LABELS starts.
    starts.get(count % MAX_LABELS).copied().unwrap_or(end)
}

/// Whether `labels` are the four numbers of an IPv4 address.
fn is_ipv4(text: &str, labels: &[Label]) -> bool {
    labels.len() == 4
        && labels.iter().all(|l| {
            let t = text.get(l.start..l.end).unwrap_or_default();
            (1..=3).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_digit())
                && t.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// A host run made of `labels`, spanning `pos..end`.
fn run_of(
    text: &str,
    labels: &[Label],
    pos: usize,
    end: usize,
    scheme: Option<String>,
    has_path: bool,
) -> HostRun {
    let ip = is_ipv4(text, labels);
    let spaced = labels.iter().skip(1).all(|l| l.separator == Disguise::Prose);
    HostRun {
        start: pos,
        end,
        labels: labels.iter().map(|l| label_text(text, l.start, l.end)).collect(),
        scheme,
        has_path,
        disguise: labels.iter().map(|l| l.separator).max().unwrap_or(Disguise::None),
        folded: labels.iter().any(|l| l.folded),
        spelled: labels.iter().any(|l| l.spelled) && spaced,
        spaced,
        ip,
    }
}

/// Whether a link may start at `pos`: not glued to the token before it ("_example.com",
/// "-a.com", "///test.com", "x.y.example.com" from its middle).
fn token_start(text: &str, pos: usize) -> bool {
    match char_before(text, pos) {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some('_' | '-' | '.' | '/' | '\\' | '@' | '&' | '=' | '%' | '+' | '~' | '$' | '#') => false,
        Some(_) => true,
    }
}

/// `scheme://` at `pos`: the lowercase scheme and the position after `://`. The scheme is a
/// letter, then letters, digits, `+`, `-`, `.`, and must not continue a word.
fn scheme(text: &str, pos: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    if !bytes.get(pos)?.is_ascii_alphabetic() {
        return None;
    }
    let len = bytes
        .get(pos..)?
        .iter()
        .take(25)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    if len > 24 || bytes.get(pos + len..pos + len + 3) != Some(b"://") {
        return None;
    }
    if matches!(char_before(text, pos), Some(c) if is_word_char(c) || matches!(c, '_' | '/')) {
        return None;
    }
    Some((text.get(pos..pos + len)?.to_ascii_lowercase(), pos + len + 3))
}

/// Whether a URL scheme (`https://`, `whatsapp://`) starts at `pos`.
pub fn scheme_at(text: &str, pos: usize) -> bool {
    scheme(text, pos).is_some()
}

/// Schemes whose `://` is followed by a host.
fn has_host(scheme: &str) -> bool {
    matches!(
        scheme,
        "" | "http" | "https" | "hxxp" | "hxxps" | "ftp" | "ftps" | "sftp" | "ws" | "wss"
    )
}

/// The end of a path, query or fragment starting at `pos`, by linkify's rules: any character
/// but white space and `<` `>`; brackets opened inside may close inside, an unmatched closing
/// bracket ends the link; at the end, punctuation and unmatched quotes are the sentence's.
/// `cjk`: Chinese and Thai characters may be part of it (after a scheme, or a path segment
/// written in them: `example.com/䨹`); otherwise they end it, as the text resumes there.
fn path_end(text: &str, pos: usize, cjk: bool) -> usize {
    let mut end = pos;
    let mut depth = [0i32; 3];
    let mut quotes = [0usize; 1];
    let mut ascii_seen = false;
    while let Some(c) = char_at(text, end) {
        if end - pos >= MAX_PATH
            || is_space(c)
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '`' | '|' | '\\' | '^')
        {
            break;
        }
        if is_cjk_or_thai(c) && !cjk && ascii_seen {
            break;
        }
        if is_delimiter(c) {
            break;
        }
        match c {
            '(' => depth[0] += 1,
            '[' => depth[1] += 1,
            '{' => depth[2] += 1,
            ')' | ']' | '}' => {
                let slot = match c {
                    ')' => 0,
                    ']' => 1,
                    _ => 2,
                };
                let Some(d) = depth.get_mut(slot) else { break };
                if *d == 0 {
                    break;
                }
                *d -= 1;
            }
            '\'' => quotes[0] += 1,
            _ => {}
        }
        ascii_seen |= c.is_ascii_alphanumeric();
        end += c.len_utf8();
    }
    // Trailing punctuation, unmatched quotes and brackets left open belong to the sentence.
    while end > pos {
        let Some(last) = char_before(text, end) else { break };
        let trim = match last {
            '.' | ',' | ':' | ';' | '!' | '?' | '*' | '(' | '[' | '{' => true,
            '\'' => quotes[0] % 2 == 1,
            _ => false,
        };
        if !trim {
            break;
        }
        if last == '\'' {
            quotes[0] -= 1;
        }
        end -= last.len_utf8();
    }
    end
}

/// A port after a host: `:` and one to five digits up to 65535. `Err` when a `:` and digits
/// are there but no valid port (then the whole link is malformed: "google.com:500000").
fn port(text: &str, at: usize) -> Result<usize, ()> {
    if text.as_bytes().get(at) != Some(&b':') {
        return Ok(at);
    }
    let digits = text
        .as_bytes()
        .get(at + 1..)
        .unwrap_or_default()
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return Ok(at);
    }
    let valid = digits <= 5
        && text
            .get(at + 1..at + 1 + digits)
            .and_then(|d| d.parse::<u32>().ok())
            .is_some_and(|n| n <= 65535);
    if valid { Ok(at + 1 + digits) } else { Err(()) }
}

/// What may follow a link: the end, white space, or punctuation that is not part of a word
/// or a longer token ("example.com_" and "example.com@about" are not links).
fn ends_cleanly(text: &str, end: usize) -> bool {
    match char_at(text, end) {
        None => true,
        Some(c) => !is_word_char(c) && !matches!(c, '_' | '@' | '-' | '$' | '&' | '=' | '+'),
    }
}

/// The end of `/`, `?` or `#` and what follows at `at` (with a slash word or a spaced slash, a
/// path written out: "shopee dot co dot id slash toko", "brightnest . com / support"), if any.
fn path_at(text: &str, at: usize, cjk: bool, words: &HostWords) -> Option<usize> {
    match text.as_bytes().get(at) {
        Some(b'/') => Some(path_end(text, at, cjk).max(at + 1)),
        Some(b'?' | b'#') => Some(path_end(text, at, cjk)).filter(|&end| end > at + 1),
        Some(b' ') => {
            // A slash set apart by spaces, or a word for it: "kopiaceh . co . id / panduan".
            let word = skip_spaces(text, at);
            let slash = text.as_bytes().get(word) == Some(&b'/');
            let end = if slash { word + 1 } else { words.slash_at(text, word)? };
            let segment = skip_spaces(text, end);
            if segment == end && !slash {
                return None;
            }
            let (segment_end, _) = label_span(text, segment, Labels::Text, words)?;
            Some(segment_end)
        }
        _ => None,
    }
}

/// The first host run starting at `pos` that `accept` turns into something: a URL with a
/// scheme or `//`, or a scheme-less host, longest first. A scheme-less host written with prose
/// separators reads on into the prose ("shopee dot co dot id titik kumpul"), so ever shorter
/// prefixes of its labels are offered. Only runs that `plausible` accepts are built: it is
/// given the folded top-level domain, how the separators were written, and whether the run
/// starts with a scheme or `www.` — enough to reject a sentence end or a decimal number
/// without allocating. (Runs are built one at a time: most hosts are taken at the first.)
pub fn host_runs<T>(
    text: &str,
    pos: usize,
    words: &HostWords,
    schemes: bool,
    hosts_from: &mut usize,
    plausible: impl Fn(&str, Disguise, bool) -> bool,
    mut accept: impl FnMut(HostRun) -> Option<T>,
) -> Option<T> {
    if (schemes || text.as_bytes().get(pos) == Some(&b'/'))
        && let Some(run) = url_with_scheme(text, pos, words)
    {
        return run.and_then(accept);
    }
    // Inside a chain of labels too long for a host, before its last few.
    if pos < *hosts_from || !token_start(text, pos) {
        return None;
    }
    let (labels, stop) = host_labels(text, pos, Labels::Text, words, Some(hosts_from))?;
    if labels.len() < 2 || stop == Stop::Malformed {
        return None;
    }
    let www = labels
        .first()
        .is_some_and(|l| text.get(l.start..l.end).is_some_and(|w| w.eq_ignore_ascii_case("www")));
    for count in (2..=labels.len()).rev() {
        let Some(prefix) = labels.get(..count) else { continue };
        let Some(last) = prefix.last() else { continue };
        let disguise = prefix.iter().map(|l| l.separator).max().unwrap_or(Disguise::None);
        // An IPv4 address needs no top-level domain ("192.168.1.1/abc").
        let ip =
            count == 4 && labels.len() == 4 && disguise == Disguise::None && is_ipv4(text, prefix);
        if !ip && !plausible(&label_text(text, last.start, last.end), disguise, www) {
            continue;
        }
        // A sentence with no space after its full stop: "order.My bad", "hàng.Shop đóng gói".
        if count == 2 && disguise == Disguise::None && !www && title_case(text, last) {
            continue;
        }
        let mut end = last.end;
        let mut has_path = false;
        if count == labels.len() {
            end = port(text, end).ok()?;
            if let Some(path) = path_at(text, end, false, words) {
                has_path = true;
                end = path;
            }
            if !ends_cleanly(text, end) && disguise != Disguise::Prose {
                return None;
            }
        }
        if let Some(found) = accept(run_of(text, prefix, pos, end, None, has_path)) {
            return Some(found);
        }
    }
    None
}

/// Whether a label is written with a capital and then small letters ("My", "Shop"), as a
/// sentence's next word is, while the label before it is not in capitals.
fn title_case(text: &str, label: &Label) -> bool {
    let word = text.get(label.start..label.end).unwrap_or_default();
    let mut chars = word.chars();
    chars.next().is_some_and(super::text::is_capital)
        && chars.all(|c| is_word_char(c) && !c.is_ascii_digit() && !super::text::is_capital(c))
}

/// Whether a host could continue after a word ending at `end`: a separator of some kind
/// follows (`.` `(` `[` a fullwidth dot, a space and a word for "dot"), or a port, a path or a
/// user part. The cheap test before [`host_runs`] for every word; `common_tld` tells the
/// top-level domains a dot and a space may come before ("shopee. com"; "hari. Besok" is a
/// sentence's end).
pub fn may_continue_host(
    text: &str,
    end: usize,
    words: &HostWords,
    common_tld: impl Fn(&str) -> bool,
) -> bool {
    continues_host(text, end, words, &common_tld, 3)
}

/// [`may_continue_host`], looking past at most `depth` more words written "word. word": a
/// chain of them ("a. a. a. …") was read to its end from every word, and recursed as deep.
fn continues_host(
    text: &str,
    end: usize,
    words: &HostWords,
    common_tld: &impl Fn(&str) -> bool,
    depth: u8,
) -> bool {
    let bytes = text.as_bytes();
    let mut end = end;
    // The rest of a label with inner hyphens ("toko-baju.com", "sehari-hari.").
    while matches!(bytes.get(end), Some(b'-' | b'_'))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        end += 1;
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
    }
    match bytes.get(end) {
        Some(b'.') if bytes.get(end + 1) == Some(&b' ') => {
            // "shopee. co. id", "toko. com": the next word is a common top-level domain, or
            // another separator follows it.
            let next = skip_spaces(text, end + 1);
            let mut word_end = next;
            while bytes.get(word_end).is_some_and(u8::is_ascii_alphanumeric) {
                word_end += 1;
            }
            let word = text.get(next..word_end).unwrap_or_default();
            (!word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) && common_tld(word))
                || (word_end > next
                    && depth > 0
                    && matches!(bytes.get(word_end), Some(b'.' | b' ' | b'(' | b'['))
                    && continues_host(text, word_end, words, common_tld, depth - 1))
                || bytes.get(next).is_some_and(|&b| b >= 0x80)
        }
        // A full stop at the end of a line or of the text.
        Some(b'.') if matches!(bytes.get(end + 1), None | Some(b'\n' | b'\r' | b'\t')) => false,
        // Plain dotted labels: a host needs a label with a letter after the first (its
        // top-level domain at least) or four numbers (an IPv4 address); "12.12", "2.5",
        // "08.30-17.00" and "v2.0" have neither.
        Some(b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) => {
            // Read no further than needed: this runs at every word of a long dotted chain
            // ("www.www.www…", "1.1.1.1…"), and reading each to its end was quadratic.
            let mut at = end;
            let mut labels = 1;
            while bytes.get(at) == Some(&b'.')
                && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                at += 1;
                labels += 1;
                while let Some(&b) =
                    bytes.get(at).filter(|b| b.is_ascii_alphanumeric() || **b == b'-')
                {
                    if b.is_ascii_alphabetic() {
                        return true;
                    }
                    at += 1;
                }
                if labels > 4 {
                    // Five numbers and more: neither a top-level domain nor an IPv4 address.
                    return false;
                }
            }
            labels == 4 || bytes.get(at).is_some_and(|&b| b >= 0x80 || b == b'.')
        }
        Some(b'.' | b'(' | b'[' | b'{' | b'<' | b'\'' | b'"' | b':' | b'/' | b'-' | b'_') => true,
        Some(b' ') => {
            let next = skip_spaces(text, end);
            match bytes.get(next) {
                Some(b'.' | b'(' | b'[' | b'{' | b'<' | b'\'' | b'"') => true,
                Some(&b) if b.is_ascii_alphabetic() => words.dot_at(text, next).is_some(),
                Some(&b) => b >= 0x80 && non_ascii_may_continue(text, next, words),
                None => false,
            }
        }
        Some(&b) => b >= 0x80 && non_ascii_may_continue(text, end, words),
        None => false,
    }
}

/// Whether the non-ASCII character at `pos` may continue a host: a dot or bracket of another
/// width, a word for "dot", or a letter of a label (an IDN host, a look-alike letter).
fn non_ascii_may_continue(text: &str, pos: usize, words: &HostWords) -> bool {
    let Some(c) = char_at(text, pos) else { return false };
    match fold(c) {
        Folded::Char(f, _) => {
            matches!(f, '.' | '(' | '[' | '{' | '<' | '\'' | '"' | ':' | '/' | '-' | ' ')
                || matches!(
                    c,
                    '\u{FF0E}' | '\u{3002}' | '\u{FF61}' | '·' | '•' | '・' | '‧' | '（' | '【'
                )
                || (is_word_char(c) && !is_cjk_or_thai(c))
                || words.dot_at(text, pos).is_some()
                || ((dot_like(c) || is_pictograph(c))
                    && char_at(text, after_emoji(text, pos + c.len_utf8()))
                        .is_some_and(is_alphanumeric))
        }
        Folded::Invisible | Folded::Mark => true,
    }
}

/// A URL with a scheme (`https://…`, `whatsapp://…`, `hxxp://…`) or `//` at `pos`. `None` when
/// there is no scheme; `Some(None)` when there is one but the URL is malformed (then nothing at
/// `pos` is a link).
fn url_with_scheme(text: &str, pos: usize, words: &HostWords) -> Option<Option<HostRun>> {
    let (scheme, after) = match scheme(text, pos) {
        Some(found) => found,
        None if text.as_bytes().get(pos..pos + 2) == Some(b"//")
            && !matches!(char_before(text, pos), Some(c) if is_word_char(c) || matches!(c, ':' | '/' | '_'))
            && text.as_bytes().get(pos + 2) != Some(&b'/') =>
        {
            (String::new(), pos + 2)
        }
        None => return None,
    };
    if !has_host(&scheme) {
        // `whatsapp://send?phone=…`, `file:///home`, `upi://pay?…`: what follows is a path.
        let end = path_end(text, after, true);
        if end <= after {
            return Some(None);
        }
        return Some(Some(HostRun {
            start: pos,
            end,
            labels: vec![scheme.clone()],
            scheme: Some(scheme),
            has_path: true,
            disguise: Disguise::None,
            folded: false,
            spelled: false,
            spaced: false,
            ip: false,
        }));
    }
    // A user part: everything before an `@` that comes before the end of the authority.
    let mut parens = 0i32;
    let authority_end = text
        .get(after..)?
        .char_indices()
        .take(256)
        .find(|(_, c)| {
            match c {
                '(' => parens += 1,
                ')' => parens -= 1,
                _ => {}
            }
            is_space(*c)
                || parens < 0
                || matches!(c, '/' | '?' | '#' | '<' | '>' | '[' | ']' | '"' | '`')
                || matches!(c, '{' | '}' | '|' | '\\' | '^')
        })
        .map_or(text.len(), |(i, _)| after + i);
    let authority = text.get(after..authority_end)?;
    let host_start = match crate::bytes::rfind(authority, b'@') {
        Some(at) => {
            let user = authority.get(..at)?;
            let user_ok = !user.is_empty()
                && user.chars().all(|c| {
                    super::text::is_alphanumeric(c)
                        || matches!(c, '-' | '.' | '_' | '~' | '!' | '$' | '&' | '\'' | '(' | ')')
                        || matches!(c, '*' | '+' | ',' | ';' | '=' | ':' | '%')
                });
            if !user_ok || crate::bytes::find(user, b'@').is_some() {
                return Some(None);
            }
            after + at + 1
        }
        None => after,
    };
    let (labels, host_end, ip) = if text.as_bytes().get(host_start) == Some(&b'[') {
        // An IPv6 address in brackets.
        let close = crate::bytes::find(text.get(host_start..authority_end)?, b']')? + host_start;
        let inside = text.get(host_start + 1..close)?;
        if inside.is_empty()
            || !inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Some(None);
        }
        (vec![inside.to_ascii_lowercase()], close + 1, true)
    } else {
        let Some((labels, stop)) = host_labels(text, host_start, Labels::Url, words, None) else {
            return Some(None);
        };
        if stop == Stop::Malformed {
            return Some(None);
        }
        let Some(last) = labels.last() else { return Some(None) };
        let mut end = last.end;
        // A fully qualified name's trailing dot ("example.com.:8080/test").
        if text.as_bytes().get(end) == Some(&b'.')
            && matches!(text.as_bytes().get(end + 1), Some(b':' | b'/'))
        {
            end += 1;
        }
        let run = run_of(text, &labels, pos, end, None, false);
        // A numeric last label is an IP address or nothing ("https://12-7.0.0.1/").
        let numeric = |l: &String| l.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        if run.labels.len() > 1 && run.labels.iter().all(numeric) && !run.ip {
            return Some(None);
        }
        // "//test" alone is prose; "//localhost" and "//host.tld" are links.
        if scheme.is_empty()
            && run.labels.len() == 1
            && run.labels.first().map(String::as_str) != Some("localhost")
        {
            return Some(None);
        }
        (run.labels, end, run.ip)
    };
    let Ok(mut end) = port(text, host_end) else { return Some(None) };
    let mut has_path = false;
    if let Some(path) = path_at(text, end, true, words) {
        has_path = true;
        end = path;
    }
    // Trailing punctuation stays outside; anything else glued on makes it no link, as does a
    // quote run into a word ("https://a.com'https://b.com").
    let glued = char_at(text, end).is_some_and(|c| is_word_char(c) || c == '_')
        || (!has_path
            && matches!(char_at(text, end), Some('\'' | '"'))
            && char_at(text, end + 1).is_some_and(is_word_char));
    if glued {
        return Some(None);
    }
    let disguise = Disguise::None;
    let folded = text.get(host_start..host_end).is_some_and(|h| !h.is_ascii());
    let scheme = (!scheme.is_empty() || text.get(pos..pos + 2) == Some("//")).then_some(scheme);
    Some(Some(HostRun {
        start: pos,
        end,
        labels,
        scheme,
        has_path,
        disguise,
        folded: folded && !ip,
        spelled: false,
        spaced: false,
        ip,
    }))
}

/// The longest host run at `pos` (see [`host_runs`]), whatever its top-level domain.
pub fn host_run(text: &str, pos: usize, words: &HostWords) -> Option<HostRun> {
    host_runs(text, pos, words, true, &mut 0, |_, _, _| true, Some)
}

/// The characters of an e-mail address's local part besides letters and digits (RFC 5322
/// atext).
fn is_local_char(c: char) -> bool {
    super::text::is_alphanumeric(c)
        || matches!(
            c,
            '.' | '_'
                | '%'
                | '+'
                | '-'
                | '\''
                | '!'
                | '#'
                | '$'
                | '&'
                | '*'
                | '/'
                | '='
                | '?'
                | '^'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
        )
}

/// The start of the local part of an address whose `@` (or its disguise) starts at `end`:
/// dot-separated atoms read backwards, each a run of atext (letters of any alphabet included) or
/// a quoted string (`"foo bar"@`, `test."foo".bar@`), at most 64 characters; a doubled dot ends
/// it ("a..b@" is "b@"); a Chinese or Thai character only between two Latin ones
/// ("hans.m端ller", not "邮箱shop"). `None` when there is no local part.
fn local_part(text: &str, end: usize) -> Option<usize> {
    let mut start = end;
    loop {
        // One atom.
        if char_before(text, start) == Some('"') {
            let head = text.get(..start - 1)?;
            let open = crate::bytes::rfind(head, b'"')?;
            if start - open > 66 {
                return None;
            }
            start = open;
        } else {
            let atom_end = start;
            while let Some(c) = char_before(text, start) {
                let cjk_inside = is_cjk_or_thai(c)
                    && char_before(text, start - c.len_utf8())
                        .is_some_and(|b| b.is_ascii_alphanumeric())
                    && char_at(text, start).is_some_and(|a| a.is_ascii_alphanumeric());
                if !(is_local_char(c) && !is_cjk_or_thai(c) && c != '.' || cjk_inside) {
                    break;
                }
                start -= c.len_utf8();
                if atom_end - start > 256 {
                    return None;
                }
            }
            if start == atom_end {
                return (start < end).then_some(start);
            }
        }
        // Another atom before a single dot.
        let Some(dot) = start.checked_sub(1) else { break };
        let more = text.as_bytes().get(dot) == Some(&b'.')
            && char_before(text, dot).is_some_and(|c| c == '"' || (is_local_char(c) && c != '.'));
        if !more {
            break;
        }
        start = dot;
    }
    let local = text.get(start..end)?;
    let glued = char_before(text, start).is_some_and(|c| is_word_char(c) || c == '@');
    (!local.is_empty() && local.chars().count() <= 64 && !glued).then_some(start)
}

/// An e-mail address around an `@` (or `＠`, `[at]`, `(at)`, `(a)`) at byte `at`: the local part
/// before it, a host after it. Returns the run of the domain with the span widened to the
/// whole address, and whether the `@` was disguised.
pub fn email_at(text: &str, at: usize, words: &HostWords) -> Option<(HostRun, bool)> {
    let (mut after_at, mut disguised) = at_sign(text, at)?;
    // "mia @ gmail . com", "mia @gmail.com": an `@` set apart by spaces is a disguise too, and
    // counts as one for a mail provider or a host whose dots are disguised as well.
    let spaced =
        !disguised && (char_before(text, at) == Some(' ') || char_at(text, after_at) == Some(' '));
    if spaced {
        after_at = skip_spaces(text, after_at);
        disguised = true;
    }
    let mut start_of_at = at;
    if disguised {
        while char_before(text, start_of_at) == Some(' ') {
            start_of_at -= 1;
        }
    }
    let start = local_part(text, start_of_at)?;
    let found = email_host(text, start, after_at, disguised, words);
    match found {
        Some((run, _)) if spaced && !mail_provider_or_disguised(&run) => None,
        None if !disguised => {
            // "mia@gmail . com": a mail provider's dot set apart by spaces (not a sentence's
            // full stop: "foo@bar.com. Thanks" ends at .com).
            let spaced_dot = text.get(after_at..).and_then(|t| {
                let label = t.find(|c: char| !c.is_ascii_alphanumeric())?;
                Some(t.get(label..)?.starts_with(" . "))
            });
            if spaced_dot != Some(true) {
                return None;
            }
            let (run, _) = email_host(text, start, after_at, true, words)?;
            mail_provider_or_disguised(&run).then_some((run, true))
        }
        found => found,
    }
}

/// Whether an address written with a disguised `@` names a mail provider or disguises its
/// dots too: "toko at gmail dot com" is an address, "meet at noon.com" prose.
fn mail_provider_or_disguised(run: &HostRun) -> bool {
    run.labels.first().is_some_and(|l| MAIL_PROVIDERS.contains(&l.as_str()))
        || run.spelled
        || run.disguise == Disguise::Marked
}

/// An e-mail address written with a word for "@" ("toko at gmail dot com", "toko a keong gmail
/// titik com", "lily艾特gmail点com") whose word starts at `pos`.
pub fn spelled_email_at(text: &str, pos: usize, words: &HostWords) -> Option<(HostRun, bool)> {
    let end = words.at_at(text, pos)?;
    let before = text.get(..pos)?.trim_end_matches(' ');
    let start = local_part(text, before.len())?;
    let after = skip_spaces(text, end);
    let glued = char_before(text, end).is_some_and(is_cjk_or_thai);
    if !glued && (after == end || before.len() == pos) {
        return None;
    }
    let (run, _) = email_host(text, start, after, true, words)?;
    // A path after it makes it a web address read with "at" before it ("recipes at
    // harvesttable dot com slash care"): the host reader takes it from there.
    let next = skip_spaces(text, run.end);
    let path_follows = words.slash_at(text, next).is_some()
        || text.get(next..).is_some_and(|t| t.starts_with('/'));
    (mail_provider_or_disguised(&run) && !path_follows).then_some((run, true))
}

/// An e-mail address at a mail provider whose "@" and "." are written as symbols or emoji
/// ("jennybakes🌀gmail🔘com", "glowhausorders ➰ gmail ▪️ com", "kayla ⓐ outlook · com",
/// "ria [at] yahoo ⚫ com"), read from the provider's name at `pos`: its start, end and host.
/// Plain "@" and "." are left to the other readers.
pub fn symbol_email_at(text: &str, pos: usize) -> Option<(usize, usize, String)> {
    let bytes = text.as_bytes();
    let mut end = pos;
    while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    // Asked at many words: no allocation until the word is a provider's name.
    let word = text.get(pos..end)?;
    let provider = SYMBOL_MAIL_PROVIDERS.iter().find(|p| p.eq_ignore_ascii_case(word))?;
    // The dot, then the top-level domain.
    let dot_start = skip_spaces(text, end);
    let dot_end = symbols_end(text, dot_start)?;
    let tld_start = skip_spaces(text, dot_end);
    let mut tld_end = tld_start;
    while bytes.get(tld_end).is_some_and(u8::is_ascii_alphabetic) {
        tld_end += 1;
    }
    let tld = text.get(tld_start..tld_end)?;
    let tld = ["com", "net", "co", "org"].iter().find(|t| t.eq_ignore_ascii_case(tld))?;
    if !ends_cleanly(text, tld_end) {
        return None;
    }
    // The "@" before the name: symbols, or "at" in brackets.
    let head = text.get(..pos)?.trim_end_matches(' ');
    let bracketed = ["[at]", "(at)", "{at}", "<at>"].iter().find(|w| {
        head.len() >= w.len()
            && head.get(head.len() - w.len()..).is_some_and(|h| h.eq_ignore_ascii_case(w))
    });
    let at_start = match bracketed {
        Some(w) => head.len() - w.len(),
        None => symbols_start(text, head.len())?,
    };
    let at = text.get(at_start..head.len())?;
    let dot = text.get(dot_start..dot_end)?;
    if at.contains('@') && dot.trim() == "." {
        return None;
    }
    let start = local_part(text, text.get(..at_start)?.trim_end_matches(' ').len())?;
    Some((start, tld_end, format!("{provider}.{tld}")))
}

/// The mail providers [`symbol_email_at`] reads (not "live" or "mail": ordinary words).
const SYMBOL_MAIL_PROVIDERS: &[&str] =
    &["gmail", "yahoo", "hotmail", "outlook", "icloud", "ymail", "protonmail", "foxmail"];

/// Whether `c` may stand for "@" or "." in a disguised address: a symbol or emoji, not a letter,
/// digit, space or sentence punctuation.
fn stand_in(c: char) -> bool {
    !is_alphanumeric(c)
        && !is_space(c)
        && !matches!(c, ',' | ';' | '!' | '?' | '"' | '\'' | '\u{FE0F}')
        // An enclosed letter a ("ⓐ", "🅰️"): Unicode counts those as letters.
        || matches!(c, 'ⓐ' | 'Ⓐ' | '\u{1F130}' | '\u{1F150}' | '\u{1F170}')
}

/// The end of one to three stand-in characters at `pos` (with their emoji selectors).
fn symbols_end(text: &str, pos: usize) -> Option<usize> {
    let mut at = pos;
    let mut count = 0;
    while let Some(c) = char_at(text, at).filter(|&c| stand_in(c) && count < 3) {
        at = after_emoji(text, at + c.len_utf8());
        count += 1;
    }
    (count > 0).then_some(at)
}

/// The start of one to three stand-in characters ending at `end` (with their emoji selectors).
fn symbols_start(text: &str, end: usize) -> Option<usize> {
    let mut at = end;
    let mut count = 0;
    while count < 3 {
        if char_before(text, at) == Some('\u{FE0F}') {
            at -= '\u{FE0F}'.len_utf8();
        }
        match char_before(text, at).filter(|&c| stand_in(c)) {
            Some(c) => at -= c.len_utf8(),
            None => break,
        }
        count += 1;
    }
    (count > 0).then_some(at)
}

/// Mail providers, whose name after a word for "@" makes an address.
const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "yahoo",
    "hotmail",
    "outlook",
    "icloud",
    "live",
    "ymail",
    "aol",
    "proton",
    "protonmail",
    "qq",
    "163",
    "126",
    "foxmail",
    "mail",
    "msn",
    "me",
    "zoho",
    "rocketmail",
];

/// The host of an address whose local part starts at `start` and whose host starts at
/// `host_start`.
fn email_host(
    text: &str,
    start: usize,
    host_start: usize,
    disguised: bool,
    words: &HostWords,
) -> Option<(HostRun, bool)> {
    let (labels, stop) = host_labels(text, host_start, Labels::Email, words, None)?;
    if stop == Stop::Malformed
        || labels.first().is_some_and(|l| text.get(l.start..).is_some_and(|t| t.starts_with('-')))
    {
        return None;
    }
    // A plain address ends at a prose separator ("foo@bar.com. Thanks"); one written with a
    // word for "@" may use them throughout.
    let plain_count =
        labels.iter().skip(1).take_while(|l| disguised || l.separator != Disguise::Prose).count()
            + 1;
    let labels = labels.get(..plain_count)?;
    // The longest prefix of labels that ends in a top-level domain of letters.
    let alphabetic_tld = |l: &Label| {
        let tld = label_text(text, l.start, l.end);
        tld.chars().count() >= 2 && tld.chars().all(super::text::is_alphabetic)
    };
    let count =
        (2..=labels.len()).rev().find(|&n| labels.get(n - 1).is_some_and(alphabetic_tld))?;
    let labels = labels.get(..count)?;
    let end = labels.last()?.end;
    let host_len: usize = labels.iter().map(|l| l.end - l.start + 1).sum();
    if host_len > 254 || !ends_cleanly(text, end) && char_at(text, end).is_some_and(is_word_char) {
        return None;
    }
    Some((run_of(text, labels, start, end, None, false), disguised))
}

/// An `@` at `at`, plain, fullwidth or bracketed: where the host starts and whether it was
/// disguised.
fn at_sign(text: &str, at: usize) -> Option<(usize, bool)> {
    match char_at(text, at)? {
        '@' => Some((at + 1, false)),
        '＠' => Some((at + '＠'.len_utf8(), true)),
        open @ ('[' | '(' | '（' | '【' | '［') => {
            let close = match open {
                '[' => ']',
                '【' => '】',
                '［' => '］',
                _ => ')',
            };
            let inner = skip_spaces(text, at + open.len_utf8());
            let after = match char_at(text, inner)? {
                '@' => inner + 1,
                'a' | 'A' => match starts_with_at(text, inner) {
                    Some(end) => end,
                    None => inner + 1,
                },
                _ => return None,
            };
            let after = skip_spaces(text, after);
            let closing = char_at(text, after)?;
            (closing == close || closing == '）')
                .then_some((skip_spaces(text, after + closing.len_utf8()), true))
        }
        _ => None,
    }
}

/// "at" at `pos` (folded), its end.
fn starts_with_at(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    matches!(bytes.get(pos..pos + 2), Some([b'a' | b'A', b't' | b'T'])).then_some(pos + 2)
}

/// `mailto:` and an address at `pos`: the whole, as an e-mail run (the host may be a single
/// label: "mailto:foo@bar").
pub fn mailto_at(text: &str, pos: usize, words: &HostWords) -> Option<HostRun> {
    let prefix = text.get(pos..pos + 7)?;
    if !prefix.eq_ignore_ascii_case("mailto:") || !token_start(text, pos) {
        return None;
    }
    let local_start = pos + 7;
    let at = crate::bytes::find(text.get(local_start..)?, b'@')? + local_start;
    let local = text.get(local_start..at)?;
    if local.is_empty() || !local.chars().all(is_local_char) || local.len() > 64 {
        return None;
    }
    let (labels, stop) = host_labels(text, at + 1, Labels::Text, words, None)?;
    if stop == Stop::Malformed {
        return None;
    }
    let end = labels.last()?.end;
    let mut run = run_of(text, &labels, pos, end, None, false);
    run.scheme = Some("mailto".into());
    Some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> HostWords {
        HostWords::new(
            ["dot", "titik", "chấm", "tuldok", "点", "จุด", "ดอท"],
            ["slash", "garis miring"],
            ["at", "(at)", "a keong", "a còng", "艾特"],
        )
    }

    fn run(text: &str) -> Option<(String, &str, Disguise)> {
        host_run(text, 0, &words()).map(|r| (r.host(), &text[r.start..r.end], r.disguise))
    }

    #[test]
    fn hosts_urls_and_their_ends() {
        assert_eq!(
            run("shopee.co.id/abc, ya"),
            Some(("shopee.co.id".into(), "shopee.co.id/abc", Disguise::None))
        );
        assert_eq!(
            run("https://www.lazada.co.th/x?y=1#z."),
            Some(("www.lazada.co.th".into(), "https://www.lazada.co.th/x?y=1#z", Disguise::None))
        );
        assert_eq!(run("wa.me/62812)").map(|r| r.1.to_owned()), Some("wa.me/62812".into()));
        assert_eq!(
            run("en.wikipedia.org/wiki/Foo_(bar))").map(|r| r.1.to_owned()),
            Some("en.wikipedia.org/wiki/Foo_(bar)".into())
        );
        assert_eq!(
            run("shopee.co.id/"),
            Some(("shopee.co.id".into(), "shopee.co.id/", Disguise::None))
        );
        assert_eq!(
            run("whatsapp://send?phone=62812").map(|r| r.1.to_owned()),
            Some("whatsapp://send?phone=62812".into())
        );
        assert_eq!(run("localhost:8080").map(|r| r.0), None);
        assert_eq!(
            run("http://localhost:8080/x").map(|r| r.1.to_owned()),
            Some("http://localhost:8080/x".into())
        );
        assert_eq!(
            run("http://user:pass@example.com:8080").map(|r| r.0),
            Some("example.com".into())
        );
        assert_eq!(run("https://user:pass@ex@mple.com/"), None);
        assert_eq!(run("http://192.168.1.1/abc").map(|r| r.0), Some("192.168.1.1".into()));
        assert_eq!(run("www.example..com"), None);
        assert_eq!(run("google.com:500000"), None);
        assert_eq!(run("http://example.com_"), None);
        assert_eq!(
            run("http://example.org/(").map(|r| r.1.to_owned()),
            Some("http://example.org/".into())
        );
        assert_eq!(
            run("http://example.org/'''").map(|r| r.1.to_owned()),
            Some("http://example.org/''".into())
        );
        assert_eq!(run("http://президент.рф/").map(|r| r.0), Some("президент.рф".into()));
    }

    #[test]
    fn disguised_separators() {
        for (text, host, disguise) in [
            ("shopee(.)co(.)id", "shopee.co.id", Disguise::Marked),
            ("shopee [dot] co [dot] id", "shopee.co.id", Disguise::Marked),
            ("shopee．co．id", "shopee.co.id", Disguise::Marked),
            ("shopee。co。id", "shopee.co.id", Disguise::Marked),
            ("shopee·co·id", "shopee.co.id", Disguise::Marked),
            ("shopee dot co dot id", "shopee.co.id", Disguise::Prose),
            ("shopee titik co titik id", "shopee.co.id", Disguise::Prose),
            ("shopee . co . id", "shopee.co.id", Disguise::Prose),
            ("shopee点com", "shopee.com", Disguise::Prose),
            ("shopee chấm vn", "shopee.vn", Disguise::Prose),
            ("ｓｈｏｐｅｅ．ｃｏ．ｉｄ", "shopee.co.id", Disguise::Marked),
        ] {
            let r = host_run(text, 0, &words()).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((r.host().as_str(), r.disguise), (host, disguise), "{text}");
            assert_eq!(r.end, text.len(), "{text}");
        }
        assert!(host_run("sho\u{200B}pee.co.id", 0, &words()).unwrap().folded);
        let path = host_run("shopee dot co dot id slash tokoku", 0, &words()).unwrap();
        assert!(path.has_path && path.end == 33);
        // Spelled-out dots also occur in prose: the scanner marks them, the classifier decides.
        assert_eq!(run("polka dot dress").map(|r| r.2), Some(Disguise::Prose));
    }

    #[test]
    fn emails_including_disguised_at_signs() {
        let w = words();
        let email = |text: &str, at: usize| {
            email_at(text, at, &w).map(|(r, d)| (text[r.start..r.end].to_owned(), r.host(), d))
        };
        assert_eq!(
            email("mail toko.abc@gmail.com!", 13),
            Some(("toko.abc@gmail.com".into(), "gmail.com".into(), false))
        );
        assert_eq!(
            email("Email me at foo@bar.com. Thanks", 15).map(|e| e.0),
            Some("foo@bar.com".into())
        );
        assert_eq!(
            email("toko [at] gmail.com", 5),
            Some(("toko [at] gmail.com".into(), "gmail.com".into(), true))
        );
        assert_eq!(
            email("toko(at)yahoo dot com", 4),
            Some(("toko(at)yahoo dot com".into(), "yahoo.com".into(), true))
        );
        assert_eq!(email("@handle", 0), None);
        assert_eq!(email("x@y.1", 1), None);
        assert_eq!(email("a..b@example.com", 4).map(|e| e.0), Some("b@example.com".into()));
        assert_eq!(
            email("\"foobar\"@example.com", 8).map(|e| e.0),
            Some("\"foobar\"@example.com".into())
        );
        assert_eq!(email("a@-foo.com", 1), None);
        // An `@` or a mail provider's dot set apart by spaces.
        for text in ["mia.tran @ gmail . com", "mia.tran @gmail.com", "mia.tran@ gmail.com"] {
            let at = text.find('@').unwrap();
            assert_eq!(email(text, at).map(|e| e.1), Some("gmail.com".into()), "{text}");
        }
        assert_eq!(email("mia@gmail . com ok", 3).map(|e| e.0), Some("mia@gmail . com".into()));
        assert_eq!(email("meet me @ noon.com", 8), None);
        assert_eq!(email("foo@gmail. Thanks", 3), None);
        assert_eq!(
            email("order【at】phmart.ph", 5).map(|e| e.0),
            Some("order【at】phmart.ph".into())
        );
        let spelled = |text: &str, word: &str| {
            spelled_email_at(text, text.find(word).unwrap(), &w)
                .map(|(r, _)| text[r.start..r.end].to_owned())
        };
        assert_eq!(
            spelled("email aku rina88 at gmail dot com ya", " at")
                .or(spelled("email aku rina88 at gmail dot com ya", "at ")),
            Some("rina88 at gmail dot com".into())
        );
        assert_eq!(
            spelled("rina a keong gmail titik com", "a keong"),
            Some("rina a keong gmail titik com".into())
        );
        assert_eq!(spelled("lily艾特gmail点com", "艾特"), Some("lily艾特gmail点com".into()));
        assert_eq!(spelled("meet at noon today", "at "), None);
    }
}
