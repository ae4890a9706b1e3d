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

/// Whether `s` contains `needle` (ASCII bytes).
pub(crate) fn contains(s: &str, needle: &[u8]) -> bool {
    !needle.is_empty() && s.as_bytes().windows(needle.len()).any(|w| w == needle)
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
