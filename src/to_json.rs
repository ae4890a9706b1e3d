//! Reports out through serde, without `serde_json` in the wasm: as JSON text ([`to_json`]) or
//! as a value tape ([`to_tape`]).
//!
//! JSON text is what native callers and tests read. The wasm binding takes the tape instead:
//! `JSON.parse` of a link-dense report (44,000 findings, 17 MB of JSON for 1 MB of text) took
//! longer than checking the text, while the tape (tags, numbers, and every string's UTF-8 back
//! to back, cut by UTF-16 offsets) is rebuilt by `src/wasm_tape.js` in a fifth of the time;
//! see BENCHMARKS.md. Both go through one serializer over a [`Sink`], so the two cannot drift.
//!
//! `None` is written as `null`, so optional contract fields read `null` in JS; fields that
//! should be left out when absent say so with `skip_serializing_if`. Non-finite floats (which
//! JSON cannot express) become `null`.

use crate::fast_hash::FastMap;
use serde::ser::{self, Serialize};
use std::fmt::{self, Write};

/// The serialized form of `value` as compact JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let mut writer = Writer { sink: Json { out: String::with_capacity(256) } };
    value.serialize(&mut writer)?;
    Ok(writer.sink.out)
}

/// The serialized form of `value` as a value tape.
pub fn to_tape<T: Serialize + ?Sized>(value: &T) -> Result<Tape, JsonError> {
    let mut writer = Writer { sink: Tape::default() };
    value.serialize(&mut writer)?;
    Ok(writer.sink)
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

/// Where the serializer's values go.
trait Sink {
    fn null(&mut self);
    fn boolean(&mut self, v: bool);
    fn integer(&mut self, negative: bool, magnitude: u64);
    fn float(&mut self, v: f64);
    fn string(&mut self, v: &str);
    /// Opens an array (`map: false`) or an object; returns what [`Sink::close`] needs.
    fn open(&mut self, map: bool) -> usize;
    /// Before an array's element (`first`: the first one).
    fn element(&mut self, first: bool);
    /// Before an object's value: its key (`first`: the first entry).
    fn key(&mut self, key: &str, first: bool);
    /// Before a struct's value: its field name.
    fn field(&mut self, key: &'static str, first: bool) {
        self.key(key, first);
    }
    /// Closes what [`Sink::open`] opened, holding `count` elements or entries.
    fn close(&mut self, map: bool, opened: usize, count: usize);
}

/// JSON text.
struct Json {
    out: String,
}

impl Sink for Json {
    fn null(&mut self) {
        self.out.push_str("null");
    }
    fn boolean(&mut self, v: bool) {
        self.out.push_str(if v { "true" } else { "false" });
    }
    fn integer(&mut self, negative: bool, magnitude: u64) {
        if negative {
            self.out.push('-');
        }
        write_digits(&mut self.out, magnitude);
    }
    fn float(&mut self, v: f64) {
        write_number(&mut self.out, v);
    }
    fn string(&mut self, v: &str) {
        write_str(&mut self.out, v);
    }
    fn open(&mut self, map: bool) -> usize {
        self.out.push(if map { '{' } else { '[' });
        0
    }
    fn element(&mut self, first: bool) {
        if !first {
            self.out.push(',');
        }
    }
    fn key(&mut self, key: &str, first: bool) {
        self.element(first);
        write_str(&mut self.out, key);
        self.out.push(':');
    }
    fn close(&mut self, map: bool, _opened: usize, _count: usize) {
        self.out.push(if map { '}' } else { ']' });
    }
}

/// A report as a value tape: the tags of `value::tape` (`NULL`, `FALSE`, `TRUE`, `NUMBER`,
/// `STRING`, `ARRAY`, `OBJECT`), one per value; `nums` holds, in order, each number, each
/// string's index, each array's length and each object's entry count followed, per entry, by
/// its key's string index; string `i` is `text` from UTF-16 offset `ends[i - 1]` (0 for the
/// first) to `ends[i]`.
#[derive(Debug, Default)]
pub struct Tape {
    /// One tag per value.
    pub tags: Vec<u8>,
    /// Numbers, string indexes, lengths and counts.
    pub nums: Vec<f64>,
    /// Every string, back to back.
    pub text: String,
    /// Where each string ends in `text`, in UTF-16 code units.
    pub ends: Vec<u32>,
    /// UTF-16 code units in `text` so far.
    units: u32,
    /// Strings already written, by content: the keys, and values such as a message that every
    /// finding of a link-dense text repeats (written once, the report's text shrinks from 9 MB
    /// to 2 MB on the link-dense bench corpus).
    seen: FastMap<u64, u32>,
    /// Where each string starts in `text`, in bytes (for the check that a string seen before
    /// is the same).
    starts: Vec<u32>,
    /// Struct field names by address (static, so the address alone tells them apart): every
    /// finding writes eleven.
    fields: [(usize, u32); 32],
}

use crate::value::tape as tags;

impl Tape {
    /// The index of struct field name `key`.
    fn field(&mut self, key: &'static str) -> u32 {
        let address = key.as_ptr() as usize;
        let slot = (address >> 2 ^ address >> 8) % 32;
        if let Some(&(seen, index)) = self.fields.get(slot)
            && seen == address
        {
            return index;
        }
        let index = self.intern(key);
        if let Some(entry) = self.fields.get_mut(slot) {
            *entry = (address, index);
        }
        index
    }

    /// The index of `s` in the string table, written now if it is new.
    fn intern(&mut self, s: &str) -> u32 {
        let key = sample_hash(s.as_bytes());
        if let Some(index) = self.seen.get(&key).copied()
            && self.string_at(index).is_some_and(|seen| same_bytes(seen.as_bytes(), s.as_bytes()))
        {
            return index;
        }
        let index = self.ends.len() as u32;
        self.starts.push(self.text.len() as u32);
        self.text.push_str(s);
        self.units += crate::links::text::utf16_units(s.as_bytes()) as u32;
        self.ends.push(self.units);
        self.seen.insert(key, index);
        index
    }

    /// String `index` as written.
    fn string_at(&self, index: u32) -> Option<&str> {
        let index = index as usize;
        let start = *self.starts.get(index)? as usize;
        let end = self.starts.get(index + 1).map_or(self.text.len(), |&e| e as usize);
        self.text.get(start..end)
    }

    fn num(&mut self, n: f64) {
        self.nums.push(n);
    }
}

/// A hash of a string's length and of up to 24 bytes at each end and in the middle: constant
/// time for the long messages every finding repeats (a full hash of each cost more than writing
/// it again); [`same_bytes`] settles collisions.
fn sample_hash(bytes: &[u8]) -> u64 {
    let mut hasher = crate::fast_hash::FxHasher::default();
    std::hash::Hasher::write_usize(&mut hasher, bytes.len());
    if bytes.len() <= 72 {
        std::hash::Hasher::write(&mut hasher, bytes);
    } else {
        let middle = bytes.len() / 2 - 12;
        for range in [0..24, middle..middle + 24, bytes.len() - 24..bytes.len()] {
            std::hash::Hasher::write(&mut hasher, bytes.get(range).unwrap_or_default());
        }
    }
    std::hash::Hasher::finish(&hasher)
}

/// Whether two byte strings are equal, compared eight bytes at a time (the wasm's `memcmp`
/// goes byte by byte).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().unwrap_or_default());
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    (&mut x).zip(&mut y).all(|(p, q)| word(p) == word(q)) && x.remainder() == y.remainder()
}

impl Sink for Tape {
    fn null(&mut self) {
        self.tags.push(tags::NULL);
    }
    fn boolean(&mut self, v: bool) {
        self.tags.push(if v { tags::TRUE } else { tags::FALSE });
    }
    fn integer(&mut self, negative: bool, magnitude: u64) {
        self.tags.push(tags::NUMBER);
        let n = magnitude as f64;
        self.num(if negative { -n } else { n });
    }
    fn float(&mut self, v: f64) {
        if v.is_finite() {
            self.tags.push(tags::NUMBER);
            self.num(v);
        } else {
            self.null();
        }
    }
    fn string(&mut self, v: &str) {
        self.tags.push(tags::STRING);
        let index = self.intern(v);
        self.num(f64::from(index));
    }
    fn open(&mut self, map: bool) -> usize {
        self.tags.push(if map { tags::OBJECT } else { tags::ARRAY });
        self.num(0.0);
        self.nums.len() - 1
    }
    fn element(&mut self, _first: bool) {}
    fn key(&mut self, key: &str, _first: bool) {
        let index = self.intern(key);
        self.num(f64::from(index));
    }
    fn field(&mut self, key: &'static str, _first: bool) {
        let index = Tape::field(self, key);
        self.num(f64::from(index));
    }
    fn close(&mut self, _map: bool, opened: usize, count: usize) {
        if let Some(slot) = self.nums.get_mut(opened) {
            *slot = count as f64;
        }
    }
}

/// The serializer, over either sink.
struct Writer<S> {
    sink: S,
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

/// An array or object being written: what it opened (and, for the variant forms written as
/// `{"Variant": …}`, the object around it), and how many elements it holds.
struct Compound<'w, S> {
    writer: &'w mut Writer<S>,
    map: bool,
    opened: usize,
    /// The `{"Variant": …}` object around it, if any.
    outer: Option<usize>,
    count: usize,
}

impl<S: Sink> Compound<'_, S> {
    fn element(&mut self) {
        self.writer.sink.element(self.count == 0);
        self.count += 1;
    }

    fn key(&mut self, key: &str) {
        self.writer.sink.key(key, self.count == 0);
        self.count += 1;
    }

    fn field(&mut self, key: &'static str) {
        self.writer.sink.field(key, self.count == 0);
        self.count += 1;
    }

    fn end(self) {
        self.writer.sink.close(self.map, self.opened, self.count);
        if let Some(outer) = self.outer {
            self.writer.sink.close(true, outer, 1);
        }
    }
}

impl<S: Sink> Writer<S> {
    fn compound(&mut self, map: bool, variant: Option<&str>) -> Compound<'_, S> {
        let outer = variant.map(|variant| {
            let outer = self.sink.open(true);
            self.sink.key(variant, true);
            outer
        });
        let opened = self.sink.open(map);
        Compound { writer: self, map, opened, outer, count: 0 }
    }
}

impl<'w, S: Sink> ser::Serializer for &'w mut Writer<S> {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Compound<'w, S>;
    type SerializeTuple = Compound<'w, S>;
    type SerializeTupleStruct = Compound<'w, S>;
    type SerializeTupleVariant = Compound<'w, S>;
    type SerializeMap = Compound<'w, S>;
    type SerializeStruct = Compound<'w, S>;
    type SerializeStructVariant = Compound<'w, S>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        self.sink.boolean(v);
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
        self.sink.integer(v < 0, v.unsigned_abs());
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
        self.sink.integer(false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), JsonError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), JsonError> {
        self.sink.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        let mut buf = [0u8; 4];
        self.sink.string(v.encode_utf8(&mut buf));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        self.sink.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), JsonError> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        self.sink.null();
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
        let opened = self.sink.open(true);
        self.sink.key(variant, true);
        value.serialize(&mut *self)?;
        self.sink.close(true, opened, 1);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, S>, JsonError> {
        Ok(self.compound(false, None))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, S>, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w, S>, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, S>, JsonError> {
        Ok(self.compound(false, Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, S>, JsonError> {
        Ok(self.compound(true, None))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, S>, JsonError> {
        Ok(self.compound(true, None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, S>, JsonError> {
        Ok(self.compound(true, Some(variant)))
    }
}

impl<S: Sink> ser::SerializeSeq for Compound<'_, S> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.element();
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        Compound::end(self);
        Ok(())
    }
}

impl<S: Sink> ser::SerializeTuple for Compound<'_, S> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        ser::SerializeSeq::end(self)
    }
}

impl<S: Sink> ser::SerializeTupleStruct for Compound<'_, S> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        ser::SerializeSeq::end(self)
    }
}

impl<S: Sink> ser::SerializeTupleVariant for Compound<'_, S> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        ser::SerializeSeq::end(self)
    }
}

impl<S: Sink> ser::SerializeMap for Compound<'_, S> {
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
        Compound::end(self);
        Ok(())
    }
}

impl<S: Sink> ser::SerializeStruct for Compound<'_, S> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.field(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        Compound::end(self);
        Ok(())
    }
}

impl<S: Sink> ser::SerializeStructVariant for Compound<'_, S> {
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
        Compound::end(self);
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

    #[derive(Serialize)]
    enum Shape {
        Point(u8),
        Pair(u8, u8),
        Box { w: u8 },
    }

    #[test]
    fn variants_read_back_as_their_json() {
        let shapes = [Shape::Point(1), Shape::Pair(2, 3), Shape::Box { w: 4 }];
        let json: serde_json::Value = serde_json::from_str(&to_json(&shapes).unwrap()).unwrap();
        assert_eq!(json, serde_json::to_value(&shapes).unwrap());
        assert_eq!(as_floats(read_tape(&to_tape(&shapes).unwrap())), as_floats(json));
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

    /// Reads a tape back as `src/wasm_tape.js` does.
    fn read_tape(tape: &Tape) -> serde_json::Value {
        use serde_json::Value as J;
        let units: Vec<u16> = tape.text.encode_utf16().collect();
        let strings: Vec<String> = tape
            .ends
            .iter()
            .scan(0usize, |from, &end| {
                let s = String::from_utf16(&units[*from..end as usize]).unwrap();
                *from = end as usize;
                Some(s)
            })
            .collect();
        let (mut t, mut n) = (0, 0);
        fn value(tape: &Tape, strings: &[String], t: &mut usize, n: &mut usize) -> J {
            let tag = tape.tags[*t];
            *t += 1;
            let mut next = || {
                *n += 1;
                tape.nums[*n - 1]
            };
            match tag {
                tags::NULL => J::Null,
                tags::FALSE => J::Bool(false),
                tags::TRUE => J::Bool(true),
                tags::NUMBER => serde_json::json!(next()),
                tags::STRING => J::String(strings[next() as usize].clone()),
                tags::ARRAY => {
                    let len = next() as usize;
                    J::Array((0..len).map(|_| value(tape, strings, t, n)).collect())
                }
                tags::OBJECT => {
                    let len = next() as usize;
                    let mut map = serde_json::Map::new();
                    for _ in 0..len {
                        *n += 1;
                        let key = strings[tape.nums[*n - 1] as usize].clone();
                        map.insert(key, value(tape, strings, t, n));
                    }
                    J::Object(map)
                }
                other => panic!("tag {other}"),
            }
        }
        let out = value(tape, &strings, &mut t, &mut n);
        assert_eq!((t, n), (tape.tags.len(), tape.nums.len()));
        out
    }

    /// Numbers as JSON.parse reads them (serde_json keeps 3 and 3.0 apart).
    fn as_floats(value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value as J;
        match value {
            J::Number(n) => serde_json::json!(n.as_f64().unwrap()),
            J::Array(items) => J::Array(items.into_iter().map(as_floats).collect()),
            J::Object(map) => J::Object(map.into_iter().map(|(k, v)| (k, as_floats(v))).collect()),
            other => other,
        }
    }

    #[test]
    fn the_tape_reads_back_as_the_json() {
        let sample = Sample {
            rule_id: "links.phone",
            met: Some(true),
            host: Some("shopee.co.id".into()),
            count: 3,
            ratio: -0.25,
            bad: f64::INFINITY,
            text: "emoji 😀 and 中文, then links.phone again",
            list: vec![-1, 2],
            map: BTreeMap::from([("b", 2), ("a", 1)]),
            kind: Kind::SocialHandle,
            pair: (1, "links.phone"),
        };
        let json: serde_json::Value = serde_json::from_str(&to_json(&sample).unwrap()).unwrap();
        let tape = to_tape(&sample).unwrap();
        assert_eq!(as_floats(read_tape(&tape)), as_floats(json));
        // Repeated strings and keys are written once.
        assert_eq!(tape.text.matches("links.phone").count(), 2, "{}", tape.text);
        let long = "a message long enough to be hashed by samples, ".repeat(4);
        let twice = to_tape(&[long.as_str(), long.as_str(), &long[1..]]).unwrap();
        assert_eq!(twice.ends.len(), 2);
        assert!(same_bytes(b"0123456789abcdefX", b"0123456789abcdefX"));
        assert!(!same_bytes(b"0123456789abcdefX", b"0123456789abcdefY"));
        assert!(!same_bytes(b"0123456789abcdefX", b"0123456789abcdef"));
        let reports = [vec![sample], vec![]];
        let json: serde_json::Value = serde_json::from_str(&to_json(&reports).unwrap()).unwrap();
        assert_eq!(as_floats(read_tape(&to_tape(&reports).unwrap())), as_floats(json));
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
