// The tag of each value on a value tape: one byte per value, read by `value::tape` and written
// by `build.rs` (the built-in packs) and `src/wasm_tape.js` (call arguments; JS cannot
// include this file, so its copy names this one). Included with `include!`, so both Rust
// sides share one list.

/// `null`.
pub const NULL: u8 = 0;
/// `undefined`: absent in an object, `null` in an array.
pub const UNDEFINED: u8 = 1;
/// `false`.
pub const FALSE: u8 = 2;
/// `true`.
pub const TRUE: u8 = 3;
/// A number; its value is the next number.
pub const NUMBER: u8 = 4;
/// A string; its UTF-8 length is the next number.
pub const STRING: u8 = 5;
/// An array; its length is the next number, its elements follow.
pub const ARRAY: u8 = 6;
/// An object; its entry count is the next number, then each entry's key tag and value.
pub const OBJECT: u8 = 7;
/// A key seen for the first time; its UTF-8 length is the next number.
pub const NEW_KEY: u8 = 8;
/// A key seen before; its index (order of first appearance) is the next number.
pub const KEY: u8 = 9;
/// Something JSON cannot hold (a function, symbol or bigint); its type name follows as a
/// string.
pub const UNSUPPORTED: u8 = 10;
/// Nesting deeper than [`super::MAX_DEPTH`] (or a cycle) was cut here.
pub const TOO_DEEP: u8 = 11;
/// An array of strings written as one (only `build.rs` writes it, for the built-in packs'
/// word lists): its UTF-8 length is the next number; the strings are cut at
/// [`STRING_LIST_SEPARATOR`]. One tag and one number instead of one each per string: 2 KB of
/// the wasm's gzip for the packs' phrases, names and domains.
pub const STRING_LIST: u8 = 12;
/// Between the strings of a [`STRING_LIST`] (a control character no pack string holds).
pub const STRING_LIST_SEPARATOR: char = '\u{1F}';
/// A string that ends at the next [`STRING_LIST_SEPARATOR`] (only `build.rs` writes it): no
/// length to store for each of the packs' thousands of strings.
pub const STRING_CUT: u8 = 13;
/// A long text of words separated by single spaces, front-coded (only `build.rs` writes it, for
/// the packs' list of top-level domains): each word is one byte below [`STRING_LIST_SEPARATOR`],
/// 1 + the number of leading bytes (whole characters) it shares with the word before, then the
/// rest of the word; the separator ends the text. 0.7 KB of gzip less than the list as written.
pub const FRONT_CODED_WORDS: u8 = 14;
