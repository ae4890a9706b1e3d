// The JS half of the binding: value tapes in and out.
//
// `flatten` turns a call's argument into three typed arrays, so that it crosses into wasm as
// three bulk copies instead of one call per field (100,000 orders would otherwise cost seconds
// of boundary crossings). `src/value.rs` (module `tape`) reads it back; the tag numbers below
// must match src/value_tape_tags.rs. `rebuild` does the reverse for a report written by
// `to_tape` in src/to_json.rs.
//
// Unlike JSON.stringify it keeps what JSON would lose, so the Rust side can answer with a
// precise error and path: NaN and Infinity stay numbers, functions/symbols/bigints are tagged,
// and nesting deeper than 64 levels (or a cycle) is cut with a tag instead of a stack overflow.

const NULL = 0, UNDEFINED = 1, FALSE = 2, TRUE = 3, NUMBER = 4, STRING = 5, ARRAY = 6,
  OBJECT = 7, NEW_KEY = 8, KEY = 9, UNSUPPORTED = 10, TOO_DEEP = 11;
const MAX_DEPTH = 64;
const encoder = new TextEncoder();

let tags = new Uint8Array(256);
let nums = new Float64Array(64);
let bytes = new Uint8Array(1024);
let tagCount = 0, numCount = 0, byteCount = 0;
let keyIndex = new Map();

// A typed array twice the size of `array`, holding its elements.
function doubled(array) {
  const grown = new array.constructor(array.length * 2);
  grown.set(array);
  return grown;
}

function tag(t) {
  if (tagCount === tags.length) tags = doubled(tags);
  tags[tagCount++] = t;
}

function num(n) {
  if (numCount === nums.length) nums = doubled(nums);
  nums[numCount++] = n;
}

// Appends the UTF-8 bytes of `s` and returns their count. Lone surrogates become U+FFFD, as
// TextEncoder does, which keeps UTF-16 offsets computed in Rust equal to JS string indexes.
function str(s) {
  const len = s.length;
  const need = byteCount + len * 3;
  if (need > bytes.length) {
    let size = bytes.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(bytes.subarray(0, byteCount));
    bytes = grown;
  }
  const start = byteCount;
  if (len > 64) {
    byteCount += encoder.encodeInto(s, bytes.subarray(byteCount)).written;
    return byteCount - start;
  }
  let at = byteCount;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      bytes[at++] = c;
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xe000) {
      const next = c < 0xdc00 && i + 1 < len ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next < 0xe000) {
        i++;
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (cp >> 18);
        bytes[at++] = 0x80 | ((cp >> 12) & 63);
        bytes[at++] = 0x80 | ((cp >> 6) & 63);
        bytes[at++] = 0x80 | (cp & 63);
      } else {
        bytes[at++] = 0xef;
        bytes[at++] = 0xbf;
        bytes[at++] = 0xbd;
      }
    } else {
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 63);
      bytes[at++] = 0x80 | (c & 63);
    }
  }
  byteCount = at;
  return at - start;
}

function walk(value, depth) {
  switch (typeof value) {
    case "string":
      tag(STRING);
      num(str(value));
      return;
    case "number":
      tag(NUMBER);
      num(value);
      return;
    case "boolean":
      tag(value ? TRUE : FALSE);
      return;
    case "undefined":
      tag(UNDEFINED);
      return;
    case "object": {
      if (value === null) {
        tag(NULL);
        return;
      }
      if (depth >= MAX_DEPTH) {
        tag(TOO_DEEP);
        return;
      }
      if (Array.isArray(value)) {
        tag(ARRAY);
        num(value.length);
        for (let i = 0; i < value.length; i++) walk(value[i], depth + 1);
        return;
      }
      const keys = Object.keys(value);
      tag(OBJECT);
      num(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const index = keyIndex.get(key);
        if (index === undefined) {
          keyIndex.set(key, keyIndex.size);
          tag(NEW_KEY);
          num(str(key));
        } else {
          tag(KEY);
          num(index);
        }
        walk(value[key], depth + 1);
      }
      return;
    }
    default:
      tag(UNSUPPORTED);
      num(str(typeof value));
  }
}

/** Flattens `value`; the returned views are valid until the next call. */
export function flatten(value) {
  tagCount = 0;
  numCount = 0;
  byteCount = 0;
  keyIndex = new Map();
  walk(value, 0);
  return {
    tags: tags.subarray(0, tagCount),
    nums: nums.subarray(0, numCount),
    bytes: bytes.subarray(0, byteCount),
  };
}

/**
 * Rebuilds a report from its tape (see `Tape` in src/to_json.rs): `tags` one per value; `nums`
 * the numbers, string indexes, lengths and entry counts in order; string `i` is `text` from
 * `ends[i - 1]` to `ends[i]` (UTF-16 offsets). The arrays are views into wasm memory, read
 * here and not kept. Gives what `JSON.parse` of the report's JSON would.
 */
export function rebuild(tags, nums, text, ends) {
  const strings = new Array(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    strings[i] = text.slice(from, ends[i]);
    from = ends[i];
  }
  // Keys as V8 keeps property names (internalized), each made once: a sliced string used
  // as a key is looked up in the string table on every store.
  const keys = new Array(ends.length);
  const keyOf = (index) => keys[index] ?? (keys[index] = Object.keys({ [strings[index]]: 0 })[0]);
  let t = 0;
  let n = 0;
  // Scalars are read in line; only arrays and objects recurse (a call per value was most of
  // the time for a report of 44,000 findings).
  const value = (tag) => {
    switch (tag) {
      case STRING:
        return strings[nums[n++]];
      case NUMBER:
        return nums[n++];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case ARRAY: {
        const out = [];
        for (let len = nums[n++]; len > 0; len--) out.push(value(tags[t++]));
        return out;
      }
      case OBJECT: {
        const out = {};
        for (let len = nums[n++]; len > 0; len--) {
          const key = keyOf(nums[n++]);
          const tag = tags[t++];
          const item = tag === STRING ? strings[nums[n++]] : tag === NUMBER ? nums[n++] : value(tag);
          // As JSON.parse does: "__proto__" is an own property, not the prototype.
          if (key === "__proto__") {
            Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
          } else {
            out[key] = item;
          }
        }
        return out;
      }
      default:
        throw new Error(`malformed report tape at tag ${t - 1}`);
    }
  };
  return value(tags[t++]);
}
