//! Handles: the account id written with a messenger's or network's name ("WA 0812…", "Line:
//! @toko", "微信 abc123", "IG → mimi.ootd", "@toko di IG").
//!
//! A name alone is a mention; with an id beside it, it is a contact. The id may follow the name
//! (after separators, a colon, an arrow or a filler word such as "ke", "ID", "号") or, for an
//! `@handle`, come before it ("@toko on IG"). A name that is also an ordinary word ("line",
//! "tele") takes only an `@handle`, a number or an id after a colon, so "line 2 of the text" and
//! "tele 70-300mm" stay words.

use super::text::{Folded, char_at, char_before, fold, is_word_char};

/// Where `word` (written folded, as the lists here are) ends if the text at `pos` reads as it.
fn starts_with_folded(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut at = pos;
    for want in word.chars() {
        let c = char_at(text, at)?;
        match fold(c) {
            Folded::Char(f, _) if f == want => at += c.len_utf8(),
            _ => return None,
        }
    }
    Some(at)
}

/// Where one of `words` (written folded: lowercase, no diacritics, as [`fold`] reads text)
/// starts if it ends exactly at `end`, read folded and as a whole word (no letter or digit just
/// before it; invisible characters are passed over, as [`fold`] drops them).
pub fn word_before(text: &str, end: usize, words: &[&str]) -> Option<usize> {
    // The last character decides for most words of the list at once.
    let mut at = end;
    let last = loop {
        let c = char_before(text, at)?;
        match fold(c) {
            Folded::Char(f, _) => break f,
            Folded::Invisible | Folded::Mark => at -= c.len_utf8(),
        }
    };
    let ends_with_last = |word: &str| match u8::try_from(last) {
        Ok(byte) if byte.is_ascii() => word.as_bytes().last() == Some(&byte),
        _ => word.ends_with(last),
    };
    words.iter().filter(|word| ends_with_last(word)).find_map(|word| {
        let mut start = end;
        let mut wanted = word.chars().rev();
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

/// Words that may stand between a messenger name and the id ("WA ke 0812…", "Line ID: …").
const HANDLE_FILLERS: &[&str] = &[
    "business",
    "collab",
    "collabs",
    "for business",
    "for collab",
    "for collabs",
    "id",
    "me",
    "ke",
    "di",
    "at",
    "kami",
    "saya",
    "ku",
    "aku",
    "sy",
    "namin",
    "ko",
    "minh",
    "no",
    "nomor",
    "number",
    "号",
    "号码",
    "账号",
    "账户",
    "ไอดี",
    "合作",
    "商务",
    "搜索",
    "搜",
];

/// Words that may stand between a handle and the network named after it: "@toko on IG",
/// "@toko di IG", "@toko (IG)".
const HANDLE_BEFORE_FILLERS: &[&str] = &["on", "di", "at", "in", "via", "lewat", "tren", "o"];

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
            // Arrows and pointing emoji: "IG → mimi.ootd", "LINE 👉 @shop". They point at the id
            // as a colon does; any other symbol or emoji is passed over as a separator ("Maya 👶
            // | Tindahan": a child's name, then the shop's description).
            _ if !c.is_ascii()
                && (c as u32) >= 0x2000
                && !is_word_char(c)
                && !super::text::is_cjk_or_thai(c) =>
            {
                colon |= points_at(c);
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
        // After a Chinese network's name, a Chinese nickname: "小红书：@阿杰家居".
        let end = if cjk_name { cjk_id_end(text, start) } else { id_end(text, start, false) };
        let id = text.get(start..end)?.trim_end_matches('.');
        return (2..=30).contains(&id.chars().count()).then_some(start + id.len());
    }
    if let Some(run) = super::digits::read(text, at, words)
        && let Some(phone) = phone(&run)
    {
        return Some(phone.end);
    }
    // After a Chinese network's name and a colon, a Chinese nickname with a Latin letter or a
    // digit in it: "小红书：新加坡好物分享Jess" (without either it may be a sentence going on).
    if cjk_name && colon {
        let end = cjk_id_end(text, at);
        let id = text.get(at..end)?.trim_end_matches('.');
        let count = id.chars().count();
        if id.chars().any(super::text::is_cjk_or_thai)
            && id.bytes().any(|b| b.is_ascii_alphanumeric())
            && (3..=30).contains(&count)
        {
            return Some(at + id.len());
        }
    }
    // A name that is also an ordinary word ("line", "tele", "QQ") needs an `@` handle, a number
    // (a phone, or an id of six digits or more: "QQ 884455667"), or an id announced by a colon.
    let end = id_end(text, at, true);
    let id = text.get(at..end)?.trim_end_matches(['.', '-']);
    let folded = super::text::folded_lowercase(id);
    // A price after a marketplace's name is no account id: "dijual kat Zalora RM189",
    // "di shopee 120rb", "shopee 85k".
    let amount = |rest: &str| {
        !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    let price = super::digits::CURRENCY_CODES
        .iter()
        .any(|code| folded.strip_prefix(code).is_some_and(amount))
        || ["rb", "k", "jt", "ribu"]
            .iter()
            .any(|unit| folded.strip_suffix(unit).is_some_and(amount));
    if price {
        return None;
    }
    let len = folded.chars().count();
    if strict && !colon && !(len >= 6 && folded.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
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

/// Whether `c` is an arrow or a pointing hand (or a phone with an arrow), which introduces an id
/// as a colon does.
fn points_at(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF | 0x2794..=0x27BF | 0x2B05..=0x2B07 | 0x2B95 | 0x25B6 | 0x25BA | 0x261B
        | 0x261E | 0x23E9 | 0x1F446..=0x1F449 | 0x1F4F2 | 0x1F51C)
}

/// The end of a nickname on a Chinese network (Xiaohongshu, Weibo, Douyin): Chinese characters
/// as well as what [`id_end`] reads.
fn cjk_id_end(text: &str, start: usize) -> usize {
    let mut end = start;
    loop {
        let next = id_end(text, end, false);
        let cjk = char_at(text, next).filter(|&c| super::text::is_cjk_or_thai(c));
        match cjk {
            Some(c) => end = next + c.len_utf8(),
            None => return next,
        }
    }
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

    #[test]
    fn word_lists_are_written_folded() {
        for word in HANDLE_FILLERS.iter().chain(HANDLE_BEFORE_FILLERS) {
            assert_eq!(super::super::text::folded_lowercase(word), *word);
        }
        assert_eq!(
            word_before("gửi trên IG", "gửi trên".len(), HANDLE_BEFORE_FILLERS),
            Some("gửi ".len())
        );
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
