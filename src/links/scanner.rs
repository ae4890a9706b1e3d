//! Finding links, e-mail addresses and telephone numbers in text — and only those.
//!
//! Sellers' texts are full of things that look like links to a naive pattern: prices
//! (`Rp 75.000`), sizes (`2,5 kg`), versions (`v2.0`), file names (`index.html`), dates, order
//! numbers. So a scheme-less host only counts when its last label is a known TLD (or the
//! classifier finds it in the platform catalog), and a number only counts as a phone when a
//! numbering plan says it could be one and nothing around it says it is money or a reference.
//!
//! Hosts are read through [`fold`], so fullwidth and look-alike letters and invisible characters
//! are seen through. Separators between labels may be disguised: `．` `。`, `(.)` `[.]` `(dot)`,
//! spaced dots (`shopee . co . id`) and spelled-out dots (`dot`, `titik`, `chấm`, `点`). Each
//! disguise is remembered: spelled-out and spaced dots also occur in ordinary prose ("polka dot
//! com"), so a host written with them counts only if it names a catalog platform.
//!
//! [`fold`]: super::text::fold

use super::text::{Folded, char_at, char_before, fold, is_word_char};

/// How a host's label separators were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Disguise {
    /// Plain dots.
    None,
    /// Fullwidth or ideographic dots, brackets (`(.)`, `[dot]`): unmistakably a host.
    Marked,
    /// Spaced or spelled-out dots: also ordinary prose, so only a catalog platform counts.
    Prose,
}

/// A host-shaped run of text: labels, maybe a scheme, maybe a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostRun {
    /// Byte span of the whole candidate (scheme and path included).
    pub start: usize,
    /// End of the candidate, exclusive.
    pub end: usize,
    /// The folded, lowercase labels.
    pub labels: Vec<String>,
    /// `Some(scheme)` when written with `scheme://` (folded, lowercase).
    pub scheme: Option<String>,
    /// A path, query or fragment follows the host.
    pub has_path: bool,
    /// How the separators were written.
    pub disguise: Disguise,
    /// Folding undid fullwidth or look-alike letters, or skipped invisible characters.
    pub folded: bool,
}

impl HostRun {
    /// The host name, labels joined with dots.
    pub fn host(&self) -> String {
        crate::i18n::join(&self.labels, ".")
    }
}

/// The end of the DNS label at `pos` — folded ASCII letters and digits with inner hyphens —
/// and whether folding was needed. Allocates nothing: most words are not hosts, and this runs
/// at every word.
fn label_span(text: &str, pos: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut at = pos;
    let mut end = pos;
    let mut len = 0usize;
    let mut folded = false;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                at += 1;
                end = at;
            } else if b == b'-' && len > 0 {
                at += 1;
            } else {
                break;
            }
        } else {
            let Some(c) = char_at(text, at) else { break };
            match fold(c) {
                Folded::Char(f, o) if f.is_ascii_alphanumeric() => {
                    at += c.len_utf8();
                    end = at;
                    folded |= o;
                }
                Folded::Char('-', _) if len > 0 => at += c.len_utf8(),
                Folded::Invisible if len > 0 => {
                    at += c.len_utf8();
                    folded = true;
                }
                Folded::Mark if len > 0 => at += c.len_utf8(),
                _ => break,
            }
        }
        len += 1;
        if len > 63 {
            return None;
        }
    }
    (end > pos).then_some((end, folded))
}

/// The folded text of the label spanning `start..end`.
fn label_text(text: &str, start: usize, end: usize) -> String {
    text.get(start..end)
        .unwrap_or_default()
        .chars()
        .filter_map(|c| match fold(c) {
            Folded::Char(f, _) if f.is_ascii_alphanumeric() || f == '-' => Some(f),
            _ => None,
        })
        .collect()
}

/// `word` as [`fold`] reads it, so a word list may be written naturally ("sđt", "trên").
fn folded(word: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    word.chars().filter_map(|c| match fold(c) {
        Folded::Char(f, _) => Some(f),
        Folded::Invisible | Folded::Mark => None,
    })
}

/// Where `word` ends if the text at `pos` reads as it (both folded).
fn starts_with_folded(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut at = pos;
    for want in folded(word) {
        let c = char_at(text, at)?;
        match fold(c) {
            Folded::Char(f, _) if f == want => at += c.len_utf8(),
            _ => return None,
        }
    }
    Some(at)
}

/// Where one of `words` starts if it ends exactly at `end`, read folded and as a whole word
/// (no letter or digit just before it; invisible characters are passed over, as [`fold`] drops
/// them).
pub fn word_before(text: &str, end: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|word| {
        let mut start = end;
        let mut wanted = folded(word).rev();
        let mut want = wanted.next();
        while let Some(w) = want {
            let c = char_before(text, start)?;
            match fold(c) {
                Folded::Invisible | Folded::Mark => {}
                Folded::Char(f, _) if f == w => want = wanted.next(),
                Folded::Char(..) => return None,
            }
            start -= c.len_utf8();
        }
        let mut before = start;
        let boundary = loop {
            match char_before(text, before) {
                Some(c) if fold(c).is_nothing() => before -= c.len_utf8(),
                other => break !other.is_some_and(is_word_char),
            }
        };
        boundary.then_some(start)
    })
}

fn skip_spaces(text: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(text, pos) {
        if c == ' ' || c == '\u{3000}' || c == '\u{A0}' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// A label separator at `pos`: its end and how it was written.
fn separator(text: &str, pos: usize) -> Option<(usize, Disguise)> {
    // Fast reject: this runs after every word, and most words are followed by a space and an
    // ordinary word, or by punctuation that cannot start a separator.
    let bytes = text.as_bytes();
    match *bytes.get(pos)? {
        b'.' | b'(' | b'[' | b'{' | b'<' | 0x80.. => {}
        b' ' => {
            let next = skip_spaces(text, pos);
            if !matches!(
                bytes.get(next),
                Some(
                    b'.' | b'('
                        | b'['
                        | b'{'
                        | b'<'
                        | b'd'
                        | b'D'
                        | b't'
                        | b'T'
                        | b'c'
                        | b'C'
                        | b'p'
                        | b'P'
                        | 0x80..
                )
            ) {
                return None;
            }
        }
        _ => return None,
    }
    let c = char_at(text, pos)?;
    match c {
        '.' => {
            // "shopee. co" — a dot followed by a space is a sentence end unless the host
            // continues; treat it as a prose disguise.
            let after = skip_spaces(text, pos + 1);
            return Some((after, if after > pos + 1 { Disguise::Prose } else { Disguise::None }));
        }
        '\u{FF0E}' | '\u{3002}' | '\u{FF61}' => {
            return Some((pos + c.len_utf8(), Disguise::Marked));
        }
        _ => {}
    }
    // Bracketed dots: (.) [.] {.} <.> (dot) [dot] (titik) — optional spaces around.
    let inner_start = skip_spaces(text, pos);
    if let Some(open) = char_at(text, inner_start) {
        let close = match open {
            '(' | '（' => Some(')'),
            '[' | '【' => Some(']'),
            '{' => Some('}'),
            '<' => Some('>'),
            _ => None,
        };
        if let Some(close) = close {
            let mut at = skip_spaces(text, inner_start + open.len_utf8());
            let word = [".", "dot", "titik", "punto", "点"]
                .iter()
                .find_map(|w| starts_with_folded(text, at, w));
            if let Some(after_word) = word {
                at = skip_spaces(text, after_word);
                let closing = char_at(text, at)?;
                let close_ok = closing == close
                    || (close == ')' && closing == '）')
                    || (close == ']' && closing == '】');
                if close_ok {
                    return Some((skip_spaces(text, at + closing.len_utf8()), Disguise::Marked));
                }
            }
        }
    }
    // Spaced dot or spelled-out dot between spaces: " . ", " dot ", " titik ", " chấm ", "点".
    let spaced = skip_spaces(text, pos);
    if spaced > pos && char_at(text, spaced) == Some('.') {
        return Some((skip_spaces(text, spaced + 1), Disguise::Prose));
    }
    if char_at(text, spaced) == Some('点') {
        return Some((skip_spaces(text, spaced + '点'.len_utf8()), Disguise::Prose));
    }
    if char_at(text, spaced) == Some('จ')
        && let Some(end) = starts_with_folded(text, spaced, "จุด")
    {
        return Some((skip_spaces(text, end), Disguise::Prose));
    }
    if spaced > pos {
        for word in ["dot", "titik", "cham"] {
            if let Some(end) = starts_with_folded(text, spaced, word) {
                let after = skip_spaces(text, end);
                if after > end {
                    return Some((after, Disguise::Prose));
                }
            }
        }
    }
    None
}

/// One label of a host as read from the text.
#[derive(Debug, Clone, Copy)]
struct Label {
    start: usize,
    /// Byte offset just after the label.
    end: usize,
    /// How the separator before it was written (`None` for the first label).
    separator: Disguise,
    folded: bool,
}

/// Reads labels and separators from `pos`; `None` unless at least two labels. Returns before
/// allocating anything when the first label is not followed by a separator (most words).
fn host_labels(text: &str, pos: usize) -> Option<Vec<Label>> {
    let (end, folded) = label_span(text, pos)?;
    let (after_sep, kind) = separator(text, end)?;
    let (next_end, next_folded) = label_span(text, after_sep)?;
    let mut labels = vec![
        Label { start: pos, end, separator: Disguise::None, folded },
        Label { start: after_sep, end: next_end, separator: kind, folded: next_folded },
    ];
    let mut end = next_end;
    while let Some((after_sep, kind)) = separator(text, end) {
        let Some((next_end, folded)) = label_span(text, after_sep) else { break };
        labels.push(Label { start: after_sep, end: next_end, separator: kind, folded });
        end = next_end;
        if labels.len() > 16 {
            return None;
        }
    }
    Some(labels)
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
    HostRun {
        start: pos,
        end,
        labels: labels.iter().map(|l| label_text(text, l.start, l.end)).collect(),
        scheme,
        has_path,
        disguise: labels.iter().map(|l| l.separator).max().unwrap_or(Disguise::None),
        folded: labels.iter().any(|l| l.folded),
    }
}

/// `scheme://` at `pos`: the lowercase scheme and the position after `://`.
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
    Some((text.get(pos..pos + len)?.to_ascii_lowercase(), pos + len + 3))
}

/// The end of a path, query or fragment starting at `pos` (which holds `/`, `?` or `#`):
/// ASCII graphic characters, minus trailing punctuation and unbalanced closing brackets.
fn path_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = pos;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_graphic()
            && !matches!(b, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}')
        {
            end += 1;
        } else {
            break;
        }
    }
    while let Some(&last) = bytes.get(end.saturating_sub(1)) {
        if end <= pos + 1 && matches!(last, b'/' | b'?' | b'#') {
            break;
        }
        let trim = match last {
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'*' => true,
            b')' | b']' => {
                let (open, close) = if last == b')' { (b'(', b')') } else { (b'[', b']') };
                let span = bytes.get(pos..end).unwrap_or_default();
                let opens = span.iter().filter(|&&x| x == open).count();
                let closes = span.iter().filter(|&&x| x == close).count();
                closes > opens
            }
            _ => false,
        };
        if trim && end > pos + 1 {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// Host runs starting at word start `pos`, longest first: the whole run (with its scheme, port
/// and path), then ever shorter prefixes of its labels — so "shopee(.)co(.)id titik kumpul",
/// which reads on into the prose, still yields "shopee(.)co(.)id". Only runs that `plausible`
/// accepts are built: it is given the folded top-level domain, how the separators were written,
/// and whether the run starts with a scheme or `www.` — enough to reject a sentence end or a
/// decimal number without allocating.
pub fn host_runs(
    text: &str,
    pos: usize,
    plausible: impl Fn(&str, Disguise, bool) -> bool,
) -> Vec<HostRun> {
    let (scheme, host_start) = match scheme(text, pos) {
        Some((s, after)) => (Some(s), after),
        None => (None, pos),
    };
    let Some(labels) = host_labels(text, host_start) else {
        // A scheme with no dotted host: an app link such as `whatsapp://send?phone=…`.
        let Some(scheme) = scheme else { return Vec::new() };
        let end = path_end(text, host_start.saturating_sub(1)).max(host_start);
        if end <= host_start {
            return Vec::new();
        }
        return vec![HostRun {
            start: pos,
            end,
            labels: vec![scheme.clone()],
            scheme: Some(scheme),
            has_path: true,
            disguise: Disguise::None,
            folded: false,
        }];
    };
    let www = labels
        .first()
        .is_some_and(|l| text.get(l.start..l.end).is_some_and(|w| w.eq_ignore_ascii_case("www")));
    let mut runs = Vec::new();
    let mut buffer = [0u8; 64];
    for count in (2..=labels.len()).rev() {
        let Some(prefix) = labels.get(..count) else { continue };
        let Some(last) = prefix.last() else { continue };
        let disguise = prefix.iter().map(|l| l.separator).max().unwrap_or(Disguise::None);
        if !plausible(folded_label(text, last, &mut buffer), disguise, scheme.is_some() || www) {
            continue;
        }
        let mut end = last.end;
        let mut has_path = false;
        if count == labels.len() {
            // Optional port, then a path, query or fragment.
            if text.as_bytes().get(end) == Some(&b':') {
                let digits = text
                    .as_bytes()
                    .get(end + 1..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if (1..=5).contains(&digits) {
                    end += 1 + digits;
                }
            }
            if let Some(b'/' | b'?' | b'#') = text.as_bytes().get(end) {
                let path = path_end(text, end);
                if path > end + 1 || text.as_bytes().get(end) == Some(&b'/') {
                    has_path = true;
                    end = path;
                }
            }
        }
        runs.push(run_of(text, prefix, pos, end, scheme.clone(), has_path));
    }
    runs
}

/// The folded text of a label, in `buffer` (labels are at most 63 characters).
fn folded_label<'b>(text: &str, label: &Label, buffer: &'b mut [u8; 64]) -> &'b str {
    let mut len = 0;
    for c in text.get(label.start..label.end).unwrap_or_default().chars() {
        if let Folded::Char(f, _) = fold(c)
            && (f.is_ascii_alphanumeric() || f == '-')
            && let Some(slot) = buffer.get_mut(len)
        {
            *slot = f as u8;
            len += 1;
        }
    }
    std::str::from_utf8(buffer.get(..len).unwrap_or_default()).unwrap_or_default()
}

/// The longest host run at `pos` (see [`host_runs`]), whatever its top-level domain.
pub fn host_run(text: &str, pos: usize) -> Option<HostRun> {
    host_runs(text, pos, |_, _, _| true).into_iter().next()
}

/// An e-mail address around an `@` (or `＠`, `[at]`, `(at)`) at byte `at`: the local part
/// before it, a host after it. Returns the run of the domain with the span widened to the
/// whole address, and whether the `@` was disguised.
pub fn email_at(text: &str, at: usize) -> Option<(HostRun, bool)> {
    let (after_at, disguised) = at_sign(text, at)?;
    // Local part: RFC 5322 atext and dots, read backwards ("toko [at] …" may have spaces).
    let mut start = at;
    if disguised {
        while char_before(text, start) == Some(' ') {
            start -= 1;
        }
    }
    let local_end = start;
    while let Some(c) = char_before(text, start) {
        let ok = c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'');
        if !ok {
            break;
        }
        start -= c.len_utf8();
    }
    while text.as_bytes().get(start) == Some(&b'.') {
        start += 1;
    }
    let local = text.get(start..local_end)?;
    if local.is_empty()
        || local.ends_with('.')
        || local.len() > 64
        || char_before(text, start).is_some_and(is_word_char)
    {
        return None;
    }
    let labels = host_labels(text, after_at)?;
    // The longest prefix of labels that ends in an alphabetic top-level domain.
    let alphabetic_tld = |l: &Label| {
        let tld = text.get(l.start..l.end).unwrap_or_default();
        tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let count =
        (2..=labels.len()).rev().find(|&n| labels.get(n - 1).is_some_and(alphabetic_tld))?;
    let labels = labels.get(..count)?;
    let end = labels.last()?.end;
    Some((run_of(text, labels, start, end, None, false), disguised))
}

fn at_sign(text: &str, at: usize) -> Option<(usize, bool)> {
    match char_at(text, at)? {
        '@' => Some((at + 1, false)),
        '＠' => Some((at + '＠'.len_utf8(), true)),
        '[' | '(' => {
            let close = if text.as_bytes().get(at) == Some(&b'[') { "]" } else { ")" };
            let inner = skip_spaces(text, at + 1);
            let after = starts_with_folded(text, inner, "at")?;
            let after = skip_spaces(text, after);
            text.get(after..)?.starts_with(close).then_some((skip_spaces(text, after + 1), true))
        }
        _ => None,
    }
}

/// Words that may stand between a messenger name and the id ("WA ke 0812…", "Line ID: …").
const HANDLE_FILLERS: &[&str] = &[
    "id",
    "me",
    "ke",
    "di",
    "at",
    "kami",
    "saya",
    "ku",
    "no",
    "nomor",
    "number",
    "号",
    "号码",
    "账号",
    "账户",
    "ไอดี",
];

/// Words that may stand between a handle and the network named after it: "@toko on IG",
/// "@toko di IG", "@toko (IG)".
const HANDLE_BEFORE_FILLERS: &[&str] = &["on", "di", "at", "in", "via", "lewat", "trên", "ở"];

/// The `@handle` written just before a messenger or social network name that starts at `pos`:
/// returns where the `@` is. Only an `@` handle counts this way round (a bare word before "on
/// IG" is just a word), and an `@` inside a word (an e-mail address) is not a handle.
pub fn handle_before(text: &str, pos: usize) -> Option<usize> {
    let skip_back = |mut at: usize| {
        while let Some(c) = char_before(text, at) {
            if !matches!(c, ' ' | '(' | '[' | '-' | '|' | ':' | '：' | '\u{3000}' | '\u{A0}' | '\t')
            {
                break;
            }
            at -= c.len_utf8();
        }
        at
    };
    let mut at = skip_back(pos);
    if at == pos {
        return None;
    }
    // An optional filler word.
    if let Some(start) = word_before(text, at, HANDLE_BEFORE_FILLERS) {
        at = skip_back(start);
    }
    let id_start = at
        - text
            .get(..at)?
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
            .count();
    let id = text.get(id_start..at)?;
    let sign = char_before(text, id_start)?;
    let sign_at = id_start - sign.len_utf8();
    ((sign == '@' || sign == '＠')
        && (2..=30).contains(&id.trim_end_matches('.').len())
        && id.ends_with(|c: char| c != '.')
        && !char_before(text, sign_at).is_some_and(is_word_char))
    .then_some(sign_at)
}

/// The id that follows a messenger or social network name ending at `pos` — `@handle`, a phone
/// number, or (after a colon, after a Chinese name, or when it has a digit) a plain account id.
/// Returns the end of the id. `"Line 2"` or `"IG story"` are not handles.
pub fn handle_after(
    text: &str,
    pos: usize,
    cjk_name: bool,
    strict: bool,
    words: &super::digits::DigitWords,
    phone: impl Fn(&super::digits::NumberRun) -> Option<super::classifier::PhoneSpan>,
) -> Option<usize> {
    let mut at = pos;
    let mut colon = false;
    let mut separators = 0;
    let mut filler_used = false;
    loop {
        let c = char_at(text, at)?;
        match c {
            ':' | '：' => {
                colon = true;
                at += c.len_utf8();
            }
            ' ' | '-' | '=' | '/' | '|' | '.' | '>' | '\u{3000}' | '\u{A0}' | '\t' => {
                at += c.len_utf8();
            }
            // Arrows and pointing emoji: "IG → mimi.ootd", "LINE 👉 @shop".
            _ if !c.is_ascii()
                && (c as u32) >= 0x2000
                && !is_word_char(c)
                && !super::text::is_cjk_or_thai(c) =>
            {
                at += c.len_utf8();
            }
            _ if !filler_used && (separators > 0 || cjk_name) => {
                let filler = HANDLE_FILLERS.iter().find_map(|w| {
                    let end = starts_with_folded(text, at, w)?;
                    (!char_at(text, end).is_some_and(|n| is_word_char(n) && w.is_ascii()))
                        .then_some(end)
                });
                match filler {
                    Some(end) if end > at => {
                        filler_used = true;
                        at = end;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        separators += 1;
        if separators > 6 {
            return None;
        }
    }
    let c = char_at(text, at)?;
    if c == '@' || c == '＠' {
        let start = at + c.len_utf8();
        let end = id_end(text, start, false);
        let id = text.get(start..end)?.trim_end_matches('.');
        return (2..=30).contains(&id.chars().count()).then_some(start + id.len());
    }
    if let Some(run) = super::digits::read(text, at, words)
        && let Some(phone) = phone(&run)
    {
        return Some(phone.end);
    }
    // A name that is also an ordinary word ("line", "tele") needs an `@` handle, a number, or an
    // id announced by a colon.
    if strict && !colon {
        return None;
    }
    let end = id_end(text, at, true);
    let id = text.get(at..end)?.trim_end_matches(['.', '-']);
    let folded = super::text::folded_lowercase(id);
    let len = folded.chars().count();
    let plain_ok = (colon || cjk_name) && len >= 3;
    let with_digit = len >= 5
        && folded.bytes().any(|b| b.is_ascii_digit())
        && folded.bytes().any(|b| b.is_ascii_alphabetic());
    let all_digits = len >= 5 && folded.bytes().all(|b| b.is_ascii_digit());
    (len <= 30
        && (plain_ok || with_digit || all_digits)
        && !char_at(text, at + id.len()).is_some_and(is_word_char))
    .then_some(at + id.len())
}

/// The end of an account id starting at `start`: letters and digits however written (folded:
/// "𝐦𝐢𝐦𝐢.𝐨𝐨𝐭𝐝"), `_`, `.`, and `-` where `dashes`.
fn id_end(text: &str, start: usize, dashes: bool) -> usize {
    let mut end = start;
    while let Some(c) = char_at(text, end) {
        let ok = match fold(c) {
            Folded::Char(f, _) => {
                f.is_ascii_alphanumeric() || f == '_' || f == '.' || (dashes && f == '-')
            }
            Folded::Invisible | Folded::Mark => end > start,
        };
        if !ok {
            break;
        }
        end += c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<(String, &str, Disguise)> {
        host_run(text, 0).map(|r| (r.host(), &text[r.start..r.end], r.disguise))
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
        assert_eq!(run("(see wa.me/62812)").map(|r| r.0), None);
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
    }

    #[test]
    fn disguised_separators() {
        for (text, host, disguise) in [
            ("shopee(.)co(.)id", "shopee.co.id", Disguise::Marked),
            ("shopee [dot] co [dot] id", "shopee.co.id", Disguise::Marked),
            ("shopee．co．id", "shopee.co.id", Disguise::Marked),
            ("shopee。co。id", "shopee.co.id", Disguise::Marked),
            ("shopee dot co dot id", "shopee.co.id", Disguise::Prose),
            ("shopee titik co titik id", "shopee.co.id", Disguise::Prose),
            ("shopee . co . id", "shopee.co.id", Disguise::Prose),
            ("shopee点com", "shopee.com", Disguise::Prose),
            ("ｓｈｏｐｅｅ．ｃｏ．ｉｄ", "shopee.co.id", Disguise::Marked),
        ] {
            let r = host_run(text, 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((r.host().as_str(), r.disguise), (host, disguise), "{text}");
            assert_eq!(r.end, text.len(), "{text}");
        }
        assert!(host_run("sho\u{200B}pee.co.id", 0).unwrap().folded);
        // Spelled-out dots also occur in prose: the scanner marks them, the classifier decides.
        assert_eq!(run("polka dot dress").map(|r| r.2), Some(Disguise::Prose));
    }

    #[test]
    fn emails_including_disguised_at_signs() {
        let email = |text: &str, at: usize| {
            email_at(text, at).map(|(r, d)| (text[r.start..r.end].to_owned(), r.host(), d))
        };
        assert_eq!(
            email("mail toko.abc@gmail.com!", 13),
            Some(("toko.abc@gmail.com".into(), "gmail.com".into(), false))
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
    }

    #[test]
    fn handles_after_a_messenger_name() {
        fn handle<'t>(text: &'t str, name: &str, cjk: bool) -> Option<&'t str> {
            let words = crate::links::digits::DigitWords::new([]);
            let any = |run: &crate::links::digits::NumberRun| {
                let n = run.groups().len();
                (8..=15).contains(&run.digits_of(0, n).len()).then_some(
                    crate::links::classifier::PhoneSpan { start: run.start, end: run.end },
                )
            };
            handle_after(text, name.len(), cjk, false, &words, any).map(|end| &text[..end])
        }
        assert_eq!(handle("WA 0813-1234-5678 ya", "WA", false), Some("WA 0813-1234-5678"));
        assert_eq!(handle("WA ke 081312345678", "WA", false), Some("WA ke 081312345678"));
        assert_eq!(handle("Line: @toko.baju!", "Line", false), Some("Line: @toko.baju"));
        assert_eq!(handle("LINE ID: tokobaju", "LINE", false), Some("LINE ID: tokobaju"));
        assert_eq!(handle("微信 abc123 下单", "微信", true), Some("微信 abc123"));
        assert_eq!(handle("微信：shop_88", "微信", true), Some("微信：shop_88"));
        assert_eq!(handle("zalo abc123", "zalo", false), Some("zalo abc123"));
        assert_eq!(handle("IG @my_shop", "IG", false), Some("IG @my_shop"));
        assert_eq!(handle("line 2 of the text", "line", false), None);
        assert_eq!(handle("IG story today", "IG", false), None);
        assert_eq!(handle("WA aja ya", "WA", false), None);
    }
}
