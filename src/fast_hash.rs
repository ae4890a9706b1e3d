//! The crate's one hasher, for maps keyed by short strings: violation ids and types, pack ids,
//! domains.
//!
//! The standard library's SipHash resists collision attacks by an adversary choosing keys; here
//! the keys are the caller's own data (or the pack's), evaluated on the caller's own device, so
//! that protection buys nothing and costs most of a lookup — and, in the wasm, a second hash
//! function's code. This is the multiply-rotate hash rustc itself uses (FxHash, with rustc-hash
//! 2's final rotation), a dozen lines instead of a dependency.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// FxHash: each word is mixed in with a rotate, an xor and a multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            self.add(tail.iter().rev().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the best-mixed bits at the top, and hashbrown picks buckets with
        // the bottom ones: rotate them down (as rustc-hash 2 does), or keys that differ only
        // in their last characters ("v1", "v2", …) crowd into a few buckets.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_maps_work() {
        let mut map: FastMap<&str, usize> = FastMap::default();
        for (i, key) in
            ["", "a", "v1", "v10", "Prohibited Customer Communication"].iter().enumerate()
        {
            map.insert(key, i);
        }
        assert_eq!(map.get("v10"), Some(&3));
        assert_eq!(map.get("Prohibited Customer Communication"), Some(&4));
        assert_eq!(map.get("v100"), None);
        let hash = |s: &str| {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash("abcdefghij"), hash("abcdefghij"));
        assert_ne!(hash("abcdefghij"), hash("abcdefghik"));
    }
}
