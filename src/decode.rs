//! Decoding [`Value`] trees into typed structs, with field paths and every problem collected.
//!
//! One mechanism serves both kinds of input:
//! - checker arguments, where the first problem becomes the thrown error, and
//! - policy packs, where `validatePolicy` reports all of them.
//!
//! A decode function reads each field through a [`Fields`] view (which remembers what was read,
//! so leftovers are reported as `unknown_field`), reports problems to the [`Decoder`] and keeps
//! going, then assembles its struct only if its own fields were all readable. Paths are built
//! lazily as a linked list on the stack: nothing is allocated unless a problem is reported,
//! which keeps 100,000-row inputs cheap.

use crate::date::Date;
use crate::error::{Diagnostic, Error, ErrorCode};
use crate::value::Value;
use std::fmt::Write;

/// Where a value sits in the input: `orders[2].finalizedOn`.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The whole input.
    Root,
    /// A field of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of field `key` below this one.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of element `index` below this one.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The path as text, e.g. `orders[2].finalizedOn` (empty for the root).
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                let plain = !key.is_empty()
                    && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push('[');
                    out.push_str(&Value::string(key).to_json());
                    out.push(']');
                }
            }
            Path::Index(parent, index) => {
                parent.write(out);
                let _ = write!(out, "[{index}]");
            }
        }
    }
}

/// Collects the problems found while decoding.
#[derive(Debug, Default)]
pub struct Decoder {
    diagnostics: Vec<Diagnostic>,
}

/// A reader for one field value: the decoder to report to, the value, its path.
pub trait Read<'v, T>: FnOnce(&mut Decoder, &'v Value<'v>, &Path<'_>) -> Option<T> {}
impl<'v, T, F: FnOnce(&mut Decoder, &'v Value<'v>, &Path<'_>) -> Option<T>> Read<'v, T> for F {}

impl Decoder {
    /// A decoder with nothing reported yet.
    pub fn new() -> Self {
        Decoder::default()
    }

    /// Records a problem at `path`.
    pub fn report(&mut self, code: ErrorCode, path: &Path<'_>, message: impl Into<String>) {
        self.diagnostics.push(Error::new(code, path.render(), message));
    }

    /// True when nothing has been reported.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Everything reported so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// For checker arguments: the decoded value, or the first problem as the error, carrying
    /// every problem when there are several.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Error> {
        match (self.diagnostics.first().cloned(), value) {
            (None, Some(value)) => Ok(value),
            (Some(first), _) => Err(Error::with_diagnostics(first, self.diagnostics)),
            (None, None) => {
                Err(Error::new(ErrorCode::InvalidInput, "", "the input could not be read"))
            }
        }
    }

    fn wrong_type(&mut self, expected: &str, value: &Value<'_>, path: &Path<'_>) {
        self.report(
            ErrorCode::InvalidInput,
            path,
            format!("expected {expected}, got {}", describe(value)),
        );
    }

    /// An object, viewed field by field.
    pub fn object<'v>(&mut self, value: &'v Value<'v>, path: &Path<'_>) -> Option<Fields<'v>> {
        match value {
            Value::Object(entries) => Some(Fields { entries, used: Used::new(entries.len()) }),
            other => {
                self.wrong_type("an object", other, path);
                None
            }
        }
    }

    /// An array.
    pub fn array<'v>(&mut self, value: &'v Value<'v>, path: &Path<'_>) -> Option<&'v [Value<'v>]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type("an array", other, path);
                None
            }
        }
    }

    /// Each element of an array decoded by `read`; `None` if the value is not an array or any
    /// element failed (every failing element is reported).
    pub fn list<'v, T>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path<'_>,
        mut read: impl FnMut(&mut Decoder, &'v Value<'v>, &Path<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::new();
        let ok = self.each(value, path, &mut |d, item, p| match read(d, item, p) {
            Some(decoded) => {
                out.push(decoded);
                true
            }
            None => false,
        });
        ok.then_some(out)
    }

    /// The loop of [`Decoder::list`], not generic: lists of two dozen element types are read,
    /// and a copy of the loop for each cost 8 KB of the wasm. `read` is given every element,
    /// even after one failed (every failing element is reported); the result says whether
    /// the value was an array and every element read.
    #[inline(never)]
    fn each<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path<'_>,
        read: &mut dyn FnMut(&mut Decoder, &'v Value<'v>, &Path<'_>) -> bool,
    ) -> bool {
        let Some(items) = self.array(value, path) else { return false };
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            ok &= read(self, item, &path.index(i));
        }
        ok
    }

    /// A string.
    pub fn string<'v>(&mut self, value: &'v Value<'v>, path: &Path<'_>) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s),
            other => {
                self.wrong_type("a string", other, path);
                None
            }
        }
    }

    /// A non-empty string.
    pub fn text<'v>(&mut self, value: &'v Value<'v>, path: &Path<'_>) -> Option<&'v str> {
        let s = self.string(value, path)?;
        if s.trim().is_empty() {
            self.report(ErrorCode::InvalidInput, path, "expected a non-empty string");
            return None;
        }
        Some(s)
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, value: &Value<'_>, path: &Path<'_>) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type("true or false", other, path);
                None
            }
        }
    }

    /// A finite number.
    pub fn number(&mut self, value: &Value<'_>, path: &Path<'_>) -> Option<f64> {
        match value {
            Value::Number(n) if n.is_finite() => Some(*n),
            other => {
                self.wrong_type("a finite number", other, path);
                None
            }
        }
    }

    /// A whole number in `min..=max`.
    pub fn integer(
        &mut self,
        value: &Value<'_>,
        path: &Path<'_>,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let n = self.number(value, path)?;
        if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
            let range = if max == i64::MAX {
                format!("{min} or more")
            } else {
                format!("from {min} to {max}")
            };
            self.report(
                ErrorCode::InvalidInput,
                path,
                format!("expected a whole number {range}, got {}", describe(value)),
            );
            return None;
        }
        Some(n as i64)
    }

    /// A strict `YYYY-MM-DD` calendar date.
    pub fn date(&mut self, value: &Value<'_>, path: &Path<'_>) -> Option<Date> {
        let s = self.string(value, path)?;
        let date = Date::parse(s);
        if date.is_none() {
            self.report(
                ErrorCode::InvalidDate,
                path,
                format!(
                    "expected a real calendar date written YYYY-MM-DD, got {}",
                    describe(value)
                ),
            );
        }
        date
    }

    /// One of a fixed set of words.
    pub fn word<T: Copy>(
        &mut self,
        value: &Value<'_>,
        path: &Path<'_>,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let index = self.word_index(value, path, &mut choices.iter().map(|(name, _)| *name))?;
        choices.get(index).map(|(_, v)| *v)
    }

    /// The non-generic part of [`Decoder::word`] (instantiated for seven word lists): the
    /// position of the value among `names`, or a report listing them.
    #[inline(never)]
    fn word_index(
        &mut self,
        value: &Value<'_>,
        path: &Path<'_>,
        names: &mut dyn Iterator<Item = &str>,
    ) -> Option<usize> {
        let s = self.string(value, path)?;
        let mut listed = Vec::new();
        for (i, name) in names.enumerate() {
            if name == s {
                return Some(i);
            }
            listed.push(format!("\"{name}\""));
        }
        self.report(
            ErrorCode::InvalidInput,
            path,
            format!("expected one of {}, got {}", listed.join(", "), describe(value)),
        );
        None
    }
}

/// A reader for a whole number in `min..=max`, for use with [`Fields::req`] and [`Fields::opt`].
pub fn int<'v>(min: i64, max: i64) -> impl Read<'v, i64> {
    move |d: &mut Decoder, v: &'v Value<'v>, p: &Path<'_>| d.integer(v, p, min, max)
}

/// A reader for one of a fixed set of words.
pub fn word<'v, T: Copy>(choices: &'static [(&'static str, T)]) -> impl Read<'v, T> {
    move |d: &mut Decoder, v: &'v Value<'v>, p: &Path<'_>| d.word(v, p, choices)
}

/// A short description of a value for messages: its type, and the value itself when short.
pub fn describe(value: &Value<'_>) -> String {
    match value {
        Value::String(s) if s.chars().count() <= 40 => value.to_json(),
        Value::String(s) => format!("a string of {} characters", s.chars().count()),
        Value::Number(n) if n.is_nan() => "NaN".to_owned(),
        Value::Number(n) if n.is_infinite() => {
            if *n > 0.0 {
                "Infinity".to_owned()
            } else {
                "-Infinity".to_owned()
            }
        }
        Value::Number(_) | Value::Bool(_) | Value::Null => value.to_json(),
        other => format!("an {}", other.type_name()),
    }
}

/// An object's fields, remembering which have been read (a bit per field, so reading 100,000
/// small objects allocates nothing extra; objects with more than 64 fields fall back to a list).
#[derive(Debug)]
pub struct Fields<'v> {
    entries: &'v [(std::borrow::Cow<'v, str>, Value<'v>)],
    used: Used,
}

#[derive(Debug)]
enum Used {
    Bits(u64),
    List(Vec<bool>),
}

impl Used {
    fn new(len: usize) -> Used {
        if len <= 64 { Used::Bits(0) } else { Used::List(vec![false; len]) }
    }

    fn mark(&mut self, index: usize) {
        match self {
            Used::Bits(bits) => *bits |= 1u64.checked_shl(index as u32).unwrap_or(0),
            Used::List(list) => {
                if let Some(flag) = list.get_mut(index) {
                    *flag = true;
                }
            }
        }
    }

    fn is_marked(&self, index: usize) -> bool {
        match self {
            Used::Bits(bits) => bits & 1u64.checked_shl(index as u32).unwrap_or(0) != 0,
            Used::List(list) => list.get(index).copied().unwrap_or(false),
        }
    }
}

impl<'v> Fields<'v> {
    /// The raw value of `key`, marking it read. `null` counts as present here.
    #[inline(never)]
    pub fn take(&mut self, key: &str) -> Option<&'v Value<'v>> {
        let index = self.entries.iter().position(|(k, _)| k == key)?;
        self.used.mark(index);
        self.entries.get(index).map(|(_, v)| v)
    }

    /// True when the object has `key` with a value other than `null`.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, v)| k == key && *v != Value::Null)
    }

    /// A required field: reports `invalid_input` when it is missing or `null`.
    pub fn req<T>(
        &mut self,
        d: &mut Decoder,
        parent: &Path<'_>,
        key: &str,
        read: impl Read<'v, T>,
    ) -> Option<T> {
        let path = parent.key(key);
        let value = self.take_required(d, &path, key)?;
        read(d, value, &path)
    }

    /// The non-generic part of [`Fields::req`], kept out of line: `req` is instantiated for
    /// every field type of every input and pack section, and the error path would be copied
    /// into each.
    #[inline(never)]
    fn take_required(
        &mut self,
        d: &mut Decoder,
        path: &Path<'_>,
        key: &str,
    ) -> Option<&'v Value<'v>> {
        match self.take(key) {
            None | Some(Value::Null) => {
                d.report(
                    ErrorCode::InvalidInput,
                    path,
                    format!("missing required field \"{key}\""),
                );
                None
            }
            Some(value) => Some(value),
        }
    }

    /// An optional field: `None` when missing or `null`; a present value must read correctly
    /// (the problem is reported, and `None` returned).
    pub fn opt<T>(
        &mut self,
        d: &mut Decoder,
        parent: &Path<'_>,
        key: &str,
        read: impl Read<'v, T>,
    ) -> Option<T> {
        match self.take(key) {
            None | Some(Value::Null) => None,
            Some(value) => read(d, value, &parent.key(key)),
        }
    }

    /// Reports every field that was never read as `unknown_field`.
    pub fn finish(self, d: &mut Decoder, parent: &Path<'_>) {
        for (index, (key, _)) in self.entries.iter().enumerate() {
            if !self.used.is_marked(index) {
                d.report(
                    ErrorCode::UnknownField,
                    &parent.key(key),
                    format!("unknown field \"{key}\""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Value<'_> {
        Value::parse_json(text).unwrap()
    }

    #[test]
    fn paths_render_like_js_accessors() {
        let root = Path::Root;
        let orders = root.key("orders");
        let second = orders.index(2);
        assert_eq!(second.key("finalizedOn").render(), "orders[2].finalizedOn");
        assert_eq!(root.key("odd key").render(), "[\"odd key\"]");
        assert_eq!(root.render(), "");
    }

    #[test]
    fn collects_every_problem_with_its_path() {
        let v =
            json(r#"{"a": "x", "n": 1.5, "d": "2023-02-29", "extra": 1, "list": [1, "two", 3]}"#);
        let mut d = Decoder::new();
        let root = Path::Root;
        let mut o = d.object(&v, &root).unwrap();
        assert_eq!(o.req(&mut d, &root, "a", Decoder::text), Some("x"));
        assert_eq!(o.req(&mut d, &root, "n", int(0, 10)), None);
        assert_eq!(o.req(&mut d, &root, "d", Decoder::date), None);
        assert_eq!(o.req(&mut d, &root, "missing", Decoder::boolean), None);
        assert_eq!(o.opt(&mut d, &root, "optional", Decoder::boolean), None);
        let list = o.take("list").unwrap();
        assert_eq!(d.list(list, &root.key("list"), |d, v, p| d.integer(v, p, 0, 9)), None);
        o.finish(&mut d, &root);
        let got: Vec<(String, String)> = d
            .into_diagnostics()
            .iter()
            .map(|e| (e.code().as_str().to_owned(), e.path().to_owned()))
            .collect();
        let want = [
            ("invalid_input", "n"),
            ("invalid_date", "d"),
            ("invalid_input", "missing"),
            ("invalid_input", "list[1]"),
            ("unknown_field", "extra"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    }

    #[test]
    fn unknown_fields_are_found_in_wide_objects_too() {
        let wide: Vec<String> = (0..70).map(|i| format!("\"f{i}\": {i}")).collect();
        let text = format!("{{{}}}", wide.join(","));
        let v = Value::parse_json(&text).unwrap();
        let mut d = Decoder::new();
        let mut o = d.object(&v, &Path::Root).unwrap();
        for i in 0..70 {
            if i != 3 && i != 66 {
                o.take(&format!("f{i}"));
            }
        }
        o.finish(&mut d, &Path::Root);
        let paths: Vec<String> = d.into_diagnostics().iter().map(|e| e.path().to_owned()).collect();
        assert_eq!(paths, ["f3", "f66"]);
    }

    #[test]
    fn words_and_messages() {
        let mut d = Decoder::new();
        let v = json(r#""maybe""#);
        assert_eq!(d.word(&v, &Path::Root, &[("yes", true), ("no", false)]), None);
        let e = d.finish::<()>(None).unwrap_err();
        assert_eq!(e.message(), "expected one of \"yes\", \"no\", got \"maybe\"");
    }
}
