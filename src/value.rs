//! A plain JSON value tree, and the small JSON reader and writer the crate needs.
//!
//! Why not `serde_json`: it costs tens of kilobytes of wasm, and we need something it does not
//! give: pack validation reports *every* problem with its path, which a fail-fast derive cannot.
//! So every input — a policy pack, a checker's arguments — is first turned into a [`Value`]
//! (from JSON text here, or from a JS object in the binding) and then decoded by
//! [`crate::decode`], which knows paths and collects diagnostics.
//!
//! Objects keep their keys in insertion order, as JSON text and JS objects do. Strings borrow
//! from the text they were read from where they can ([`Cow`]), so reading 100,000 orders does
//! not allocate 300,000 strings.

use crate::error::{Error, ErrorCode};
use std::borrow::Cow;

/// How deep arrays and objects may nest. Packs and inputs are a few levels deep; the limit is
/// there so hostile input answers with an error instead of exhausting the wasm stack.
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null` (and, from JS, `undefined` inside arrays).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number. JS has only doubles; so do we.
    Number(f64),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object, keys in insertion order.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// A string value.
    pub fn string(s: impl Into<Cow<'a, str>>) -> Value<'a> {
        Value::String(s.into())
    }

    /// A copy that borrows nothing.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }

    /// The JSON type name used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The member `key` of an object, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Parses JSON text. Errors carry the code `invalid_input` and a path of the form
    /// `@<byte offset>`, since there is no field path yet.
    pub fn parse_json(text: &'a str) -> Result<Value<'a>, Error> {
        let mut reader = Reader { text, bytes: text.as_bytes(), pos: 0 };
        reader.skip_ws();
        let value = reader.value(0)?;
        reader.skip_ws();
        if reader.pos != reader.bytes.len() {
            return Err(reader.error("unexpected text after the JSON value"));
        }
        Ok(value)
    }

    /// Writes compact JSON text. Non-finite numbers (which JSON cannot express) are written as
    /// `null`, as `JSON.stringify` does.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => crate::to_json::write_number(out, *n),
            Value::String(s) => write_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Value::Object(entries) => {
                out.push('{');
                for (i, (key, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    item.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    use std::fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A strict RFC 8259 reader over bytes.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, message: &str) -> Error {
        Error::new(
            ErrorCode::InvalidInput,
            format!("@{}", self.pos),
            format!("invalid JSON: {message}"),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, Error> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("unknown literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("nested too deeply"));
                }
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    self.skip_ws();
                    items.push(self.value(depth + 1)?);
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.error("expected ',' or ']'")),
                    }
                }
            }
            Some(b'{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("nested too deeply"));
                }
                self.pos += 1;
                let mut entries: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                    return Ok(Value::Object(entries));
                }
                loop {
                    self.skip_ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("expected a string key"));
                    }
                    let key_pos = self.pos;
                    let key = self.string()?;
                    if entries.iter().any(|(k, _)| *k == key) {
                        self.pos = key_pos;
                        return Err(self.error(&format!("duplicate key \"{key}\"")));
                    }
                    self.skip_ws();
                    if self.peek() != Some(b':') {
                        return Err(self.error("expected ':'"));
                    }
                    self.pos += 1;
                    self.skip_ws();
                    let item = self.value(depth + 1)?;
                    entries.push((key, item));
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Value::Object(entries));
                        }
                        _ => return Err(self.error("expected ',' or '}'")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn number(&mut self) -> Result<Value<'a>, Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit after '.'"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit in the exponent"));
            }
            self.digits();
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.pos).unwrap_or_default())
            .map_err(|_| self.error("invalid number"))?;
        let n: f64 = text.parse().map_err(|_| self.error("invalid number"))?;
        if !n.is_finite() {
            return Err(self.error("number out of range"));
        }
        Ok(Value::Number(n))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("expected four hex digits")),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.pos += 1; // opening quote
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
        if self.peek() == Some(b'"') {
            // No escapes: borrow. `pos` is at an ASCII quote, so both ends are char boundaries.
            let borrowed =
                self.text.get(start..self.pos).ok_or_else(|| self.error("invalid UTF-8"))?;
            self.pos += 1;
            return Ok(Cow::Borrowed(borrowed));
        }
        self.pos = start;
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes in one go.
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            let run = self.bytes.get(run_start..self.pos).unwrap_or_default();
            out.push_str(std::str::from_utf8(run).map_err(|_| self.error("invalid UTF-8"))?);
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = self.peek().ok_or_else(|| self.error("unterminated escape"))?;
                    self.pos += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first)
                                && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
                            {
                                let save = self.pos;
                                self.pos += 2;
                                let second = self.hex4()?;
                                if (0xDC00..0xE000).contains(&second) {
                                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                                } else {
                                    self.pos = save;
                                    first
                                }
                            } else {
                                first
                            };
                            // A lone surrogate becomes U+FFFD, as it does when JS hands a string
                            // with one to wasm.
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.error("unknown escape")),
                    }
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }
}

/// Reading a JS value that the binding's JS half (`src/wasm_tape.js`) flattened into three
/// arrays: one tag per value, the numbers (values, lengths, key indexes), and the UTF-8 bytes of
/// every string. Crossing into wasm is then three bulk copies instead of a call per field, and
/// the strings of the resulting [`Value`] borrow from `text`.
pub mod tape {
    use super::Value;
    use crate::decode::Path;
    use crate::error::{Error, ErrorCode};
    use std::borrow::Cow;

    include!("value_tape_tags.rs");

    struct Reader<'t, 'a> {
        tags: &'t [u8],
        nums: &'t [f64],
        text: &'a str,
        tag_at: usize,
        num_at: usize,
        text_at: usize,
        keys: Vec<&'a str>,
    }

    /// Rebuilds the value. Fails with the path of a value JSON cannot hold, or of nesting that
    /// is too deep; a malformed tape (which the JS half never writes) is `invalid_input` too.
    pub fn read<'a>(tags: &[u8], nums: &[f64], text: &'a str) -> Result<Value<'a>, Error> {
        let mut reader =
            Reader { tags, nums, text, tag_at: 0, num_at: 0, text_at: 0, keys: Vec::new() };
        let value = reader.value(&Path::Root, 0)?;
        if reader.tag_at != tags.len()
            || reader.num_at != nums.len()
            || reader.text_at != text.len()
        {
            return Err(malformed());
        }
        Ok(value)
    }

    fn malformed() -> Error {
        Error::new(
            ErrorCode::InvalidInput,
            "",
            "the input could not be read (malformed value tape)",
        )
    }

    impl<'a> Reader<'_, 'a> {
        fn tag(&mut self) -> Result<u8, Error> {
            let tag = self.tags.get(self.tag_at).copied().ok_or_else(malformed)?;
            self.tag_at += 1;
            Ok(tag)
        }

        fn num(&mut self) -> Result<f64, Error> {
            let n = self.nums.get(self.num_at).copied().ok_or_else(malformed)?;
            self.num_at += 1;
            Ok(n)
        }

        /// A length or index: a whole number no larger than `limit`.
        fn count(&mut self, limit: usize) -> Result<usize, Error> {
            let n = self.num()?;
            if n.fract() != 0.0 || n < 0.0 || n > limit as f64 {
                return Err(malformed());
            }
            Ok(n as usize)
        }

        fn str(&mut self) -> Result<&'a str, Error> {
            let len = self.count(self.text.len() - self.text_at)?;
            let s = self.text.get(self.text_at..self.text_at + len).ok_or_else(malformed)?;
            self.text_at += len;
            Ok(s)
        }

        /// The text up to the next [`STRING_LIST_SEPARATOR`], which is skipped.
        fn cut(&mut self) -> Result<&'a str, Error> {
            let rest = self.text.get(self.text_at..).ok_or_else(malformed)?;
            let len =
                crate::bytes::find(rest, STRING_LIST_SEPARATOR as u8).ok_or_else(malformed)?;
            self.text_at += len + 1;
            rest.get(..len).ok_or_else(malformed)
        }

        fn value(&mut self, path: &Path<'_>, depth: usize) -> Result<Value<'a>, Error> {
            match self.tag()? {
                NULL | UNDEFINED => Ok(Value::Null),
                FALSE => Ok(Value::Bool(false)),
                TRUE => Ok(Value::Bool(true)),
                NUMBER => Ok(Value::Number(self.num()?)),
                STRING => Ok(Value::String(Cow::Borrowed(self.str()?))),
                STRING_CUT => Ok(Value::String(Cow::Borrowed(self.cut()?))),
                FRONT_CODED_WORDS => {
                    let coded = self.cut()?.as_bytes();
                    let mut words: Vec<u8> = Vec::with_capacity(coded.len() * 2);
                    let mut previous = 0;
                    for &byte in coded {
                        if byte < STRING_LIST_SEPARATOR as u8 {
                            let shared = usize::from(byte).checked_sub(1).ok_or_else(malformed)?;
                            let end = previous + shared;
                            if end > words.len() {
                                return Err(malformed());
                            }
                            if !words.is_empty() {
                                words.push(b' ');
                            }
                            let start = words.len();
                            words.extend_from_within(previous..end);
                            previous = start;
                        } else {
                            words.push(byte);
                        }
                    }
                    let words = String::from_utf8(words).map_err(|_| malformed())?;
                    Ok(Value::String(Cow::Owned(words)))
                }
                STRING_LIST => {
                    let joined = self.str()?;
                    let mut items = Vec::new();
                    let mut rest = joined;
                    while let Some(end) = crate::bytes::find(rest, STRING_LIST_SEPARATOR as u8) {
                        items.push(Value::String(Cow::Borrowed(
                            rest.get(..end).unwrap_or_default(),
                        )));
                        rest = rest.get(end + 1..).unwrap_or_default();
                    }
                    items.push(Value::String(Cow::Borrowed(rest)));
                    Ok(Value::Array(items))
                }
                ARRAY => {
                    // Every element takes at least one tag: a cheap bound before allocating.
                    let len = self.count(self.tags.len() - self.tag_at)?;
                    if depth >= super::MAX_DEPTH {
                        return Err(too_deep(path));
                    }
                    let mut items = Vec::with_capacity(len);
                    for i in 0..len {
                        items.push(self.value(&path.index(i), depth + 1)?);
                    }
                    Ok(Value::Array(items))
                }
                OBJECT => {
                    let len = self.count(self.tags.len() - self.tag_at)?;
                    if depth >= super::MAX_DEPTH {
                        return Err(too_deep(path));
                    }
                    let mut entries = Vec::with_capacity(len);
                    for _ in 0..len {
                        let key = match self.tag()? {
                            NEW_KEY => {
                                let key = self.str()?;
                                self.keys.push(key);
                                key
                            }
                            KEY => {
                                let index = self.count(self.keys.len())?;
                                self.keys.get(index).copied().ok_or_else(malformed)?
                            }
                            _ => return Err(malformed()),
                        };
                        if self.tags.get(self.tag_at) == Some(&UNDEFINED) {
                            self.tag_at += 1;
                            continue;
                        }
                        let value = self.value(&path.key(key), depth + 1)?;
                        entries.push((Cow::Borrowed(key), value));
                    }
                    Ok(Value::Object(entries))
                }
                UNSUPPORTED => {
                    let type_name = self.str()?;
                    Err(Error::new(
                        ErrorCode::InvalidInput,
                        path.render(),
                        format!(
                            "a {type_name} is not a JSON value; expected a string, number, boolean, null, array or plain object"
                        ),
                    ))
                }
                TOO_DEEP => Err(too_deep(path)),
                _ => Err(malformed()),
            }
        }
    }

    fn too_deep(path: &Path<'_>) -> Error {
        Error::new(
            ErrorCode::InvalidInput,
            path.render(),
            format!(
                "the input is nested more than {} levels deep (or refers to itself)",
                super::MAX_DEPTH
            ),
        )
    }
}

/// A [`Value`] written through serde, as the JSON it is: the old and new figures of
/// `policyDiff` are values of the packs, of any shape.
impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

/// A [`Value`] read through serde (only for the bridge benchmark, which feeds the checkers a JS
/// object through serde-wasm-bindgen instead of the value tape). Objects keep their key order.
#[cfg(feature = "bridge-bench")]
impl<'de> serde::Deserialize<'de> for Value<'static> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Value<'static>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Self::Value, D::Error> {
                serde::Deserialize::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
                Ok(Value::Bool(b))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
                Ok(Value::Number(n))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
                Ok(Value::Number(n as f64))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
                Ok(Value::Number(n as f64))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Value::String(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Value::String(Cow::Owned(s)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Value::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Value<'static>>()? {
                    entries.push((Cow::Owned(key), value));
                }
                Ok(Value::Object(entries))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_list_reads_as_an_array_of_strings() {
        let text = "shopee\u{1F}tokopedia\u{1F}\u{1F}微信";
        let value = tape::read(&[tape::STRING_LIST], &[text.len() as f64], text).unwrap();
        let Value::Array(items) = value else { panic!("{value:?}") };
        let strings: Vec<_> = items.iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(strings, ["shopee", "tokopedia", "", "微信"]);
        let text = "toko\u{1F}";
        let value = tape::read(&[tape::STRING_CUT], &[], text).unwrap();
        assert_eq!(value.as_str(), Some("toko"));
        // "com co community" front-coded: nothing shared, 2 bytes of "com", 2 of "co".
        let text = "\u{1}com\u{3}\u{3}mmunity\u{1F}";
        let value = tape::read(&[tape::FRONT_CODED_WORDS], &[], text).unwrap();
        assert_eq!(value.as_str(), Some("com co community"));
        // Sharing more than the word before has is malformed, not a panic.
        let text = "\u{1}co\u{5}m\u{1F}";
        assert!(tape::read(&[tape::FRONT_CODED_WORDS], &[], text).is_err());
    }

    #[test]
    fn round_trips_nested_values() {
        let text = r#"{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"x\"y\\z\n\u00e9\ud83d\ude00"}}"#;
        let value = Value::parse_json(text).unwrap();
        assert_eq!(
            value.get("a").unwrap(),
            &Value::Array(vec![
                Value::Number(1.0),
                Value::Number(2.5),
                Value::Number(-300.0),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ])
        );
        assert_eq!(value.get("b").unwrap().get("c").unwrap().as_str(), Some("x\"y\\z\né😀"));
        assert_eq!(Value::parse_json(&value.to_json()).unwrap(), value);
    }

    #[test]
    fn rejects_what_json_rejects() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "+1",
            "\"\\x\"",
            "nul",
            "[1] 2",
            "{\"a\":1,\"a\":2}",
            "\"tab\there\"",
            "1e999",
            "{a:1}",
        ] {
            let err = Value::parse_json(bad).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidInput, "{bad:?}");
            assert!(err.path().starts_with('@'), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        let err = Value::parse_json(&deep).unwrap_err();
        assert!(err.message().contains("nested too deeply"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(Value::parse_json(&ok).is_ok());
    }

    #[test]
    fn tape_rebuilds_values_with_paths_for_what_json_cannot_hold() {
        use tape::*;
        // { "a": [1, "xy", undefined], "b": undefined, "a2": { "a": true } }
        let tags = [
            OBJECT, NEW_KEY, ARRAY, NUMBER, STRING, UNDEFINED, NEW_KEY, UNDEFINED, NEW_KEY, OBJECT,
            KEY, TRUE,
        ];
        let nums = [3.0, 1.0, 3.0, 1.5, 2.0, 1.0, 2.0, 1.0, 0.0];
        let v = read(&tags, &nums, "axyba2").unwrap();
        assert_eq!(v, Value::parse_json(r#"{"a":[1.5,"xy",null],"a2":{"a":true}}"#).unwrap());

        let bad = read(&[OBJECT, NEW_KEY, ARRAY, UNSUPPORTED], &[1.0, 1.0, 1.0, 8.0], "xfunction")
            .unwrap_err();
        assert_eq!((bad.code(), bad.path()), (ErrorCode::InvalidInput, "x[0]"));
        assert!(bad.message().contains("function"));

        let deep = read(&[ARRAY, TOO_DEEP], &[1.0], "").unwrap_err();
        assert_eq!(deep.path(), "[0]");
        for (tags, nums, text) in [
            (&[ARRAY][..], &[5.0][..], ""),
            (&[STRING], &[9.0], "abc"),
            (&[OBJECT, KEY, NULL], &[1.0, 0.0], ""),
            (&[NUMBER, NUMBER], &[1.0, 2.0], ""),
            (&[42], &[], ""),
            (&[ARRAY], &[-1.0], ""),
        ] {
            assert_eq!(read(tags, nums, text).unwrap_err().code(), ErrorCode::InvalidInput);
        }
    }

    #[test]
    fn lone_surrogate_escape_becomes_replacement_character() {
        assert_eq!(Value::parse_json(r#""a\ud800b""#).unwrap().as_str(), Some("a\u{FFFD}b"));
    }
}
