//! Embeds the built-in policy packs (`policies/*.json`) as one value tape.
//!
//! Why not `include_str!` the JSON: the wasm module would then need a JSON text parser (and
//! Rust's float parser) for nothing but its own packs, since everything a caller passes
//! arrives already flattened by `src/wasm_tape.js`. Written here in the tape format that
//! `value::tape` reads — with keys interned across all nine files — the packs are smaller and
//! the module carries one reader instead of two (about 7 KB of gzip, see `./build.sh size`).
//!
//! The archive is one object, `{"base": …, "ID": …, …}`, written as three files in `OUT_DIR`:
//! - `packs.tags`: one tag byte per value (the constants of `value::tape`);
//! - `packs.nums`: the numbers, each an unsigned LEB128 of `2n` for a whole `n` in
//!   `0..2^52`, or `1` followed by the 8 little-endian bytes of the `f64`;
//! - `packs.text`: the UTF-8 bytes of every string and new key, back to back.
//!
//! The maintainers' `note` fields are left out (see [`strip_notes`]).
//!
//! A syntax error in a pack fails the build here; what the packs *mean* is checked by the
//! test suite (`Pack::from_value` on every region).

use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The tags of `value::tape`, from the file it includes too (the writer here uses some).
#[allow(dead_code)]
mod tag {
    include!("src/value_tape_tags.rs");
}
use tag::{
    ARRAY, FALSE, FRONT_CODED_WORDS, KEY, NEW_KEY, NULL, NUMBER, OBJECT, STRING, STRING_CUT,
    STRING_LIST, STRING_LIST_SEPARATOR, TRUE,
};

/// The files of the archive, in order: the shared base, then one overlay per region.
const FILES: [&str; 9] = ["base", "ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];

#[derive(Default)]
struct Tape {
    tags: Vec<u8>,
    nums: Vec<u8>,
    text: String,
    keys: HashMap<String, usize>,
}

/// `text` front-coded as [`FRONT_CODED_WORDS`] describes, when it is words separated by single
/// spaces.
fn front_coded(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    if words.iter().any(|w| w.is_empty() || w.chars().any(|c| c.is_whitespace() || c.is_control()))
    {
        return None;
    }
    let mut out = String::new();
    let mut previous = "";
    for word in words {
        let shared = previous.bytes().zip(word.bytes()).take_while(|(a, b)| a == b).count();
        let mut shared = shared.min(STRING_LIST_SEPARATOR as usize - 2);
        while !word.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push(char::from(1 + shared as u8));
        out.push_str(&word[shared..]);
        previous = word;
    }
    Some(out)
}

impl Tape {
    fn num(&mut self, n: f64) {
        if n >= 0.0 && n.fract() == 0.0 && n < (1u64 << 52) as f64 {
            self.leb(n as u64 * 2);
        } else {
            self.leb(1);
            self.nums.extend_from_slice(&n.to_le_bytes());
        }
    }

    fn leb(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.nums.push(byte);
                return;
            }
            self.nums.push(byte | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.text.push_str(s);
        self.num(s.len() as f64);
    }

    /// A string under `tag`, ended by the separator instead of a length.
    fn cut(&mut self, tag: u8, s: &str) {
        self.tags.push(tag);
        self.text.push_str(s);
        self.text.push(STRING_LIST_SEPARATOR);
    }

    fn key(&mut self, key: &str) {
        match self.keys.get(key) {
            Some(&index) => {
                self.tags.push(KEY);
                self.num(index as f64);
            }
            None => {
                self.keys.insert(key.to_owned(), self.keys.len());
                self.tags.push(NEW_KEY);
                self.str(key);
            }
        }
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.tags.push(NULL),
            Value::Bool(false) => self.tags.push(FALSE),
            Value::Bool(true) => self.tags.push(TRUE),
            Value::Number(n) => {
                self.tags.push(NUMBER);
                // Without serde_json's arbitrary_precision, every number is an f64.
                self.num(n.as_f64().unwrap_or(f64::NAN));
            }
            Value::String(s) => match (s.len() > 2000).then(|| front_coded(s)).flatten() {
                Some(coded) => self.cut(FRONT_CODED_WORDS, &coded),
                None if !s.contains(STRING_LIST_SEPARATOR) => self.cut(STRING_CUT, s),
                None => {
                    self.tags.push(STRING);
                    self.str(s);
                }
            },
            Value::Array(items)
                if items.len() > 1
                    && items.iter().all(|item| {
                        item.as_str().is_some_and(|s| !s.contains(STRING_LIST_SEPARATOR))
                    }) =>
            {
                self.tags.push(STRING_LIST);
                let strings: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                self.str(&strings.join(&STRING_LIST_SEPARATOR.to_string()));
            }
            Value::Array(items) => {
                self.tags.push(ARRAY);
                self.num(items.len() as f64);
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(entries) => {
                self.tags.push(OBJECT);
                self.num(entries.len() as f64);
                for (key, item) in entries {
                    self.key(key);
                    self.value(item);
                }
            }
        }
    }
}

/// Drops the maintainers' `note` fields: they explain a rule to whoever edits the pack, are never
/// part of a report, and were 4 KB of the module's gzip. They stay in `policies/*.json`, which
/// the npm package ships beside the module.
fn strip_notes(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.shift_remove("note");
            m.values_mut().for_each(strip_notes);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_notes),
        _ => {}
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=src/value_tape_tags.rs");
    let mut tape = Tape::default();
    tape.tags.push(OBJECT);
    tape.num(FILES.len() as f64);
    for name in FILES {
        let path = format!("policies/{name}.json");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut value: Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
        strip_notes(&mut value);
        tape.key(name);
        tape.value(&value);
    }
    let out = std::env::var("OUT_DIR")?;
    let out = Path::new(&out);
    std::fs::write(out.join("packs.tags"), &tape.tags)?;
    std::fs::write(out.join("packs.nums"), &tape.nums)?;
    std::fs::write(out.join("packs.text"), &tape.text)?;
    Ok(())
}
