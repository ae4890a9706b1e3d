//! Host names as a platform would see them: punycode (`xn--…`) labels decoded, and look-alike
//! letters inside them folded, so `xn--shpee-…` that decodes to `shоpee` (Cyrillic `о`) is
//! recognized as Shopee and marked as obfuscated.
//!
//! The scanner already folds what is written in the text itself; this handles what is encoded
//! in the host. RFC 3492 decoding is a few dozen lines — no IDNA crate in the wasm.

use super::text::{Folded, fold};

/// A host's labels with punycode decoded and look-alikes folded, or `None` when nothing
/// changes (no label is punycode, as for nearly every host). A label that decodes to something
/// that is not plain ASCII after folding stays as written (an international name, not a
/// disguise).
pub fn normalize_labels(labels: &[String]) -> Option<Vec<String>> {
    if !labels.iter().any(|l| l.starts_with("xn--")) {
        return None;
    }
    let mut changed = false;
    let out = labels
        .iter()
        .map(|label| {
            let Some(encoded) = label.strip_prefix("xn--") else { return label.clone() };
            let Some(decoded) = decode_punycode(encoded) else { return label.clone() };
            let mut ascii = String::with_capacity(decoded.len());
            for c in decoded.chars() {
                match fold(c) {
                    Folded::Char(f, _) if f.is_ascii_alphanumeric() || f == '-' => ascii.push(f),
                    Folded::Invisible | Folded::Mark => {}
                    _ => return label.clone(),
                }
            }
            changed = true;
            ascii
        })
        .collect();
    changed.then_some(out)
}

/// The host with digits read as the letters they stand for inside a label of letters
/// ("sh0pee.ph" → "shopee.ph", "l4zada.co.id" → "lazada.co.id"), or `None` when no label mixes
/// the two. Only to recognize a platform's own domain in disguise: digits in other hosts are
/// ordinary ("9gag.com").
pub fn leet_host(host: &str) -> Option<String> {
    let mixed = |label: &str| {
        label.bytes().any(|b| b.is_ascii_digit()) && label.bytes().any(|b| b.is_ascii_alphabetic())
    };
    if !host.split('.').any(mixed) {
        return None;
    }
    // The first letter each digit stands for, as names are read ("sh0pee", "l4zada").
    let letter = |c: char| {
        if c.is_ascii_digit() { super::names::leet(c).first().copied().unwrap_or(c) } else { c }
    };
    Some(
        host.split('.')
            .map(
                |label| {
                    if mixed(label) {
                        label.chars().map(letter).collect()
                    } else {
                        label.to_owned()
                    }
                },
            )
            .collect::<Vec<String>>()
            .join("."),
    )
}

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points.max(1);
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

/// Decodes the part of a punycode label after `xn--` (RFC 3492); `None` if malformed.
pub fn decode_punycode(input: &str) -> Option<String> {
    if !input.is_ascii() || input.len() > 63 {
        return None;
    }
    let (basic, extended) = match crate::bytes::rfind(input, b'-') {
        Some(dash) => (input.get(..dash)?, input.get(dash + 1..)?),
        None => ("", input),
    };
    let mut output: Vec<char> = basic.chars().collect();
    let mut n = INITIAL_N;
    let mut i: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut digits = extended.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut weight: u32 = 1;
        let mut k = BASE;
        loop {
            let digit = match digits.next()? {
                b @ b'a'..=b'z' => u32::from(b - b'a'),
                b @ b'A'..=b'Z' => u32::from(b - b'A'),
                b @ b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(digit.checked_mul(weight)?)?;
            let t = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = u32::try_from(output.len()).ok()? + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        output.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_rfc_3492_examples() {
        assert_eq!(decode_punycode("bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(decode_punycode("mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(
            decode_punycode("ihqwcrb4cv8a8dqg056pqjye").as_deref(),
            Some("他们为什么不说中文")
        );
        assert_eq!(decode_punycode("!!"), None);
        assert_eq!(decode_punycode("99999999999"), None);
    }

    #[test]
    fn look_alike_hosts_fold_to_ascii() {
        // "shоpee" with a Cyrillic о.
        let encoded = "xn--shpee-kye";
        assert_eq!(decode_punycode(&encoded[4..]).as_deref(), Some("shоpee"));
        let labels = normalize_labels(&[encoded.into(), "co".into(), "id".into()]).unwrap();
        assert_eq!(labels.join("."), "shopee.co.id");
        let labels = normalize_labels(&["xn--mnchen-3ya".into(), "de".into()]).unwrap();
        assert_eq!(labels.join("."), "munchen.de");
        assert_eq!(normalize_labels(&["xn--ihqwcrb4cv8a8dqg056pqjye".into(), "cn".into()]), None);
        assert_eq!(normalize_labels(&["shopee".into(), "co".into()]), None);
    }
}
