//! Finding an ASCII byte in a string, for the searches the crate does (`@`, `.`, `{`, `://`).
//!
//! `str::find(char)`, `str::contains(&str)` and their kin go through the standard library's
//! pattern searchers, whose out-of-range paths format a panic message with the offending
//! character: together about 5 KB of the wasm (`./build.sh size`) for searches that only ever
//! look for one ASCII byte. An ASCII byte never occurs inside a multi-byte character, so a
//! byte position is always a character boundary.

/// The byte offset of the first `byte` (ASCII) in `s`.
pub(crate) fn find(s: &str, byte: u8) -> Option<usize> {
    s.bytes().position(|b| b == byte)
}

/// The byte offset of the last `byte` (ASCII) in `s`.
pub(crate) fn rfind(s: &str, byte: u8) -> Option<usize> {
    s.bytes().rposition(|b| b == byte)
}

/// Whether `s` contains `needle` (ASCII bytes): each place of its first byte is compared (a
/// whole text is searched for "://" once per check).
pub(crate) fn contains(s: &str, needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return false };
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|b| b.iter().position(|&c| c == first)) {
        let start = from + at + 1;
        if bytes.get(start..start + rest.len()) == Some(rest) {
            return true;
        }
        from = start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ascii_bytes_among_any_characters() {
        let s = "tôi@ví.vn {x} 中@文";
        assert_eq!(find(s, b'@'), s.find('@'));
        assert_eq!(rfind(s, b'@'), s.rfind('@'));
        assert_eq!(find(s, b'#'), None);
        assert!(contains("https://x", b"://") && !contains("https:/x", b"://"));
        assert!(!contains("x", b""));
    }
}
