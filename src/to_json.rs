//! Reports out as JSON text, through serde, without `serde_json` in the wasm.
//!
//! The binding hands this text to `JSON.parse`, which builds the JS objects natively: one
//! crossing for a whole report instead of one per field. `None` is written as `null`, so
//! optional contract fields read `null` in JS; fields that should be left out when absent say so
//! with `skip_serializing_if`. Non-finite floats (which JSON cannot express) become `null`.

use serde::ser::{self, Serialize};
use std::fmt::{self, Write};

/// The serialized form of `value` as compact JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let mut writer = Writer { out: String::with_capacity(256) };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// A value that cannot be written as JSON (a map whose keys are not strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(String);

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsonError {}

impl ser::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError(msg.to_string())
    }
}

struct Writer {
    out: String,
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    // Most strings (keys, ids, dates, messages) need no escaping: copy them in one go.
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut plain_from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(s.get(plain_from..i).unwrap_or_default());
        match escape {
            Some(e) => out.push_str(e),
            None => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
        plain_from = i + 1;
    }
    out.push_str(s.get(plain_from..).unwrap_or_default());
    out.push('"');
}

/// Whether `bytes` holds a control character, `"` or `\\`. Eight bytes at a time: this scan
/// runs over every string of every report, and byte by byte it was a tenth of a
/// `checkEligibility` call.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of a byte of the result is set where a byte of `w` is zero (and, harmlessly,
    // possibly above such a byte); a zero byte anywhere is all that is asked.
    let zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        if control
            | zero_byte(w ^ (ONES * u64::from(b'"')))
            | zero_byte(w ^ (ONES * u64::from(b'\\')))
            != 0
        {
            return true;
        }
    }
    words.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Writes the decimal digits of `n` (reports hold thousands of integers; `write!` costs several
/// times more per number).
fn write_digits(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut len = 0;
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    let digits = buf.get(buf.len() - len..).unwrap_or_default();
    out.push_str(std::str::from_utf8(digits).unwrap_or_default());
}

/// Writes a number as JSON: integers exactly, as JS prints them; other finite numbers with up to 15
/// significant digits (in JS's notation: `0.000001`, `1e-7`, `1.5e+21`); NaN and the infinities
/// as `null`, as `JSON.stringify` does.
///
/// Not `core::fmt`: its shortest round-trip float printing costs about 16 KB of the wasm, for
/// numbers that only ever appear when a message quotes a caller's bad value (`2.5` followers).
/// Fifteen digits show every decimal a person typed; a computed value such as `0.1 + 0.2`
/// prints as `0.3`.
pub fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n.fract() == 0.0 && n.abs() < 1e19 {
        if n < 0.0 {
            out.push('-');
        }
        write_digits(out, n.abs() as u64);
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    // n = mantissa × 10^exponent, 1 ≤ mantissa < 10.
    let (mut mantissa, mut exponent) = (n.abs(), 0i32);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let mut digits = (mantissa * 1e14).round() as u64;
    if digits >= 1_000_000_000_000_000 {
        digits /= 10;
        exponent += 1;
    }
    let mut text = String::new();
    write_digits(&mut text, digits);
    let digits = text.trim_end_matches('0');
    if (-6..21).contains(&exponent) {
        // Fixed notation, as JS writes 0.000001 to 1e21.
        if exponent < 0 {
            out.push_str("0.");
            for _ in 1..-exponent {
                out.push('0');
            }
            out.push_str(digits);
        } else {
            let whole = exponent as usize + 1;
            match (digits.get(..whole), digits.get(whole..)) {
                (Some(integer), Some(fraction)) if !fraction.is_empty() => {
                    out.push_str(integer);
                    out.push('.');
                    out.push_str(fraction);
                }
                _ => {
                    out.push_str(digits);
                    for _ in digits.len()..whole {
                        out.push('0');
                    }
                }
            }
        }
    } else {
        // Exponent notation: 1.5e+21, 1e-7.
        let (first, rest) =
            (digits.get(..1).unwrap_or_default(), digits.get(1..).unwrap_or_default());
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(if exponent < 0 { "e-" } else { "e+" });
        write_digits(out, u64::from(exponent.unsigned_abs()));
    }
}

/// Writes the separators of a sequence or map.
struct Compound<'w> {
    writer: &'w mut Writer,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.writer.out.push(',');
        }
        self.first = false;
    }

    fn key(&mut self, key: &str) {
        self.comma();
        write_str(&mut self.writer.out, key);
        self.writer.out.push(':');
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), JsonError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), JsonError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), JsonError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), JsonError> {
        if v < 0 {
            self.out.push('-');
        }
        write_digits(&mut self.out, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), JsonError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), JsonError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), JsonError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), JsonError> {
        write_digits(&mut self.out, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), JsonError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), JsonError> {
        write_number(&mut self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        let mut buf = [0u8; 4];
        write_str(&mut self.out, v.encode_utf8(&mut buf));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        write_str(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), JsonError> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), JsonError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), JsonError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.out.push('{');
        write_str(&mut self.out, variant);
        self.out.push(':');
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w>, JsonError> {
        self.out.push('[');
        Ok(Compound { writer: self, first: true, close: ']' })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w>, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        self.out.push('{');
        write_str(&mut self.out, variant);
        self.out.push_str(":[");
        Ok(Compound { writer: self, first: true, close: '}' })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w>, JsonError> {
        self.out.push('{');
        Ok(Compound { writer: self, first: true, close: '}' })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w>, JsonError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        self.out.push('{');
        write_str(&mut self.out, variant);
        self.out.push_str(":{");
        Ok(Compound { writer: self, first: true, close: '}' })
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.comma();
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        self.writer.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.writer.out.push_str("]}");
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonError> {
        let key = key.serialize(KeyWriter)?;
        self.key(&key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        self.writer.out.push('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        self.writer.out.push('}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.writer.out.push_str("}}");
        Ok(())
    }
}

/// Map keys: strings, or anything that displays as one (numbers, unit variants).
struct KeyWriter;

impl ser::Serializer for KeyWriter {
    type Ok = String;
    type Error = JsonError;
    type SerializeSeq = ser::Impossible<String, JsonError>;
    type SerializeTuple = ser::Impossible<String, JsonError>;
    type SerializeTupleStruct = ser::Impossible<String, JsonError>;
    type SerializeTupleVariant = ser::Impossible<String, JsonError>;
    type SerializeMap = ser::Impossible<String, JsonError>;
    type SerializeStruct = ser::Impossible<String, JsonError>;
    type SerializeStructVariant = ser::Impossible<String, JsonError>;

    fn serialize_str(self, v: &str) -> Result<String, JsonError> {
        Ok(v.to_owned())
    }
    fn serialize_char(self, v: char) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, JsonError> {
        Ok(variant.to_owned())
    }
    fn serialize_i64(self, v: i64) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<String, JsonError> {
        v.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_i8(self, v: i8) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_f64(self, _: f64) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_none(self) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_unit(self) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, JsonError> {
        Err(non_string_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, JsonError> {
        Err(non_string_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, JsonError> {
        Err(non_string_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonError> {
        Err(non_string_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonError> {
        Err(non_string_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, JsonError> {
        Err(non_string_key())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, JsonError> {
        Err(non_string_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, JsonError> {
        Err(non_string_key())
    }
}

fn non_string_key() -> JsonError {
    JsonError("JSON object keys must be strings".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[test]
    fn the_word_at_a_time_scan_agrees_with_the_byte_by_byte_one() {
        let naive = |bytes: &[u8]| bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        for len in 0..20 {
            for at in 0..len {
                for special in [
                    0x00, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7f, 0x80, 0xa2, 0xdc,
                    0xff,
                ] {
                    for fill in [b'a', 0x21, 0x23, 0x80, 0xff] {
                        let mut bytes = vec![fill; len];
                        if let Some(b) = bytes.get_mut(at) {
                            *b = special;
                        }
                        assert_eq!(needs_escape(&bytes), naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_print_as_js_prints_them() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (42.0, "42"),
            (-7.0, "-7"),
            (2.5, "2.5"),
            (-0.5, "-0.5"),
            (0.1, "0.1"),
            (0.05, "0.05"),
            (123.456, "123.456"),
            (1e-6, "0.000001"),
            (1.5e-7, "1.5e-7"),
            (9_007_199_254_740_993.0, "9007199254740992"),
            (1e20, "100000000000000000000"),
            (1.5e21, "1.5e+21"),
            (1e300, "1e+300"),
            (1.5e-300, "1.5e-300"),
            (f64::NAN, "null"),
            (f64::NEG_INFINITY, "null"),
        ];
        for &(n, expected) in cases {
            let mut out = String::new();
            write_number(&mut out, n);
            assert_eq!(out, expected, "{n:?}");
        }
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        rule_id: &'static str,
        met: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        host: Option<String>,
        count: u32,
        ratio: f64,
        bad: f64,
        text: &'static str,
        list: Vec<i32>,
        map: BTreeMap<&'static str, u8>,
        kind: Kind,
        pair: (u8, &'static str),
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        SocialHandle,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let sample = Sample {
            rule_id: "links.phone",
            met: None,
            host: None,
            count: 3,
            ratio: 0.25,
            bad: f64::NAN,
            text: "quote \" backslash \\ newline \n tab \t bell \u{7} emoji 😀",
            list: vec![-1, 2],
            map: BTreeMap::from([("b", 2), ("a", 1)]),
            kind: Kind::SocialHandle,
            pair: (1, "x"),
        };
        let ours = to_json(&sample).unwrap();
        let theirs = serde_json::to_string(&sample).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(to_json(&vec![Some(1.5), None]).unwrap(), "[1.5,null]");
    }

    #[test]
    fn integers_and_plain_strings_take_the_fast_paths_correctly() {
        let unsigned = [0, 7, 10, 99, 100, 1_000_000, u64::MAX];
        assert_eq!(to_json(&unsigned).unwrap(), serde_json::to_string(&unsigned).unwrap());
        let signed = [i64::MIN, -10, -1, 0, 1, i64::MAX];
        assert_eq!(to_json(&signed).unwrap(), serde_json::to_string(&signed).unwrap());
        let strings = ["", "plain", "2024-02-29", "ends with \\", "\u{1f}", "中文"];
        assert_eq!(to_json(&strings).unwrap(), serde_json::to_string(&strings).unwrap());
    }
}
