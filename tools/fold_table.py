#!/usr/bin/env python3
"""Writes src/links/fold_table.rs: how every non-ASCII character reads for matching.

The links scanner folds text to a "skeleton" before it matches names, hosts and digits, so that
people who write `𝐬𝐡𝐨𝐩𝐞𝐞`, `ⓢⓗⓞⓟⓔⓔ`, `ꜱʜᴏᴘᴇᴇ`, `shоpee` (Cyrillic о), `０８１２` or `๐๘๑๒`
are read as writing `shopee` and `0812`. The table is generated from the Unicode Character
Database as Python's `unicodedata` ships it (compatibility decompositions, decimal digit values,
general categories), plus hand lists for what Unicode does not decompose: small capitals,
negative circled and squared letters, dingbat digits, and Cyrillic / Greek / Armenian letters
that look like Latin ones (a subset of UTS #39 confusables, restricted to lowercase Latin
targets).

Usage: python3 tools/fold_table.py > src/links/fold_table.rs
"""

import sys
import unicodedata

UNCHANGED, INVISIBLE, MARK = 0, 1, 2

# Characters that read as nothing and hide inside words: zero-width and format characters,
# variation selectors, tags, fillers.
INVISIBLE_RANGES = [
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE007F), (0xE0100, 0xE01EF),
]
# The blocks of combining marks that go with Latin letters (and any letter): dropped. Marks of
# other scripts (Thai vowels and tones) are spelling and stay.
# Combining marks that decorate rather than spell: overlays (strike-through), under- and
# overlines, enclosing circles and keycaps. Reading through them is undoing a disguise.
COMBINING_BLOCKS = [(0x0300, 0x036F), (0x0483, 0x0489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
                    (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
DISGUISING_MARKS = [(0x0305, 0x0305), (0x0332, 0x0338), (0x20D0, 0x20FF)]

# Letters Unicode does not decompose to Latin but people use as Latin: small capitals and IPA
# letters, modifier letters without a decomposition, look-alikes from other scripts.
LOOKALIKES = {
    # small capitals and IPA
    0x0251: "a", 0x0261: "g", 0x0262: "g", 0x026A: "i", 0x0274: "n", 0x0280: "r", 0x028F: "y",
    0x0299: "b", 0x029C: "h", 0x029F: "l", 0x1D00: "a", 0x1D04: "c", 0x1D05: "d", 0x1D07: "e",
    0x1D0A: "j", 0x1D0B: "k", 0x1D0D: "m", 0x1D0F: "o", 0x1D18: "p", 0x1D1B: "t", 0x1D1C: "u",
    0x1D20: "v", 0x1D21: "w", 0x1D22: "z", 0xA730: "f", 0xA731: "s", 0xA7AF: "q",
    # Greek
    0x0391: "a", 0x0392: "b", 0x0395: "e", 0x0396: "z", 0x0397: "h", 0x0399: "i", 0x039A: "k",
    0x039C: "m", 0x039D: "n", 0x039F: "o", 0x03A1: "p", 0x03A4: "t", 0x03A5: "y", 0x03A7: "x",
    0x03B1: "a", 0x03B5: "e", 0x03B7: "n", 0x03B9: "i", 0x03BA: "k", 0x03BD: "v", 0x03BF: "o",
    0x03C1: "p", 0x03C4: "t", 0x03C5: "u", 0x03C7: "x", 0x03C9: "w", 0x03F2: "c", 0x03F3: "j",
    # Cyrillic
    0x0405: "s", 0x0406: "i", 0x0408: "j", 0x0410: "a", 0x0412: "b", 0x0415: "e", 0x041A: "k",
    0x041C: "m", 0x041D: "h", 0x041E: "o", 0x0420: "p", 0x0421: "c", 0x0422: "t", 0x0423: "y",
    0x0425: "x", 0x0430: "a", 0x0432: "b", 0x0433: "r", 0x0435: "e", 0x043A: "k", 0x043C: "m",
    0x043D: "h", 0x043E: "o", 0x043F: "n", 0x0440: "p", 0x0441: "c", 0x0442: "t", 0x0443: "y",
    0x0445: "x", 0x0448: "w", 0x044C: "b", 0x0454: "e", 0x0455: "s", 0x0456: "i", 0x0457: "i",
    0x0458: "j", 0x0491: "r", 0x04BB: "h", 0x04C0: "l", 0x04CF: "l", 0x0501: "d", 0x051B: "q",
    0x051D: "w",
    # Armenian
    0x0566: "q", 0x0570: "h", 0x0578: "n", 0x057D: "u", 0x0581: "g", 0x0585: "o",
    # Latin letters without a decomposition to their base
    0x0110: "d", 0x0111: "d", 0x0126: "h", 0x0127: "h", 0x0131: "i", 0x0141: "l", 0x0142: "l",
    0x0166: "t", 0x0167: "t", 0x00D8: "o", 0x00F8: "o", 0x0180: "b", 0x0189: "d", 0x019A: "l",
    0x0268: "i", 0x00DF: "s",
}
# Which of those are ordinary spelling rather than disguise (Latin letters of real languages).
NATURAL_LATIN = {0x0110, 0x0111, 0x0126, 0x0127, 0x0131, 0x0141, 0x0142, 0x0166, 0x0167,
                 0x00D8, 0x00F8, 0x0180, 0x0189, 0x019A, 0x0268, 0x00DF}

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def table():
    out = {}  # code point -> (byte, obfuscated)
    for first, last in INVISIBLE_RANGES:
        for cp in range(first, last + 1):
            out[cp] = (INVISIBLE, True)
    for cp in range(0x80, 0x30000):
        if cp in out or 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        cat = unicodedata.category(c)
        if cat in ("Mn", "Me"):
            if not any(a <= cp <= b for a, b in COMBINING_BLOCKS):
                continue  # marks of other scripts (Thai vowels and tones) are spelling
            disguise = any(a <= cp <= b for a, b in DISGUISING_MARKS)
            out[cp] = (INVISIBLE, True) if disguise else (MARK, False)
            continue
        if cat == "Zs":
            out[cp] = (ord(" "), False)
            continue
        if cat == "Nd":
            digit = unicodedata.decimal(c)
            natural = 0x0E50 <= cp <= 0x0E59  # Thai digits are how Thai is written
            out[cp] = (ord("0") + digit, not natural)
            continue
        if cp in LOOKALIKES:
            out[cp] = (ord(LOOKALIKES[cp]), cp not in NATURAL_LATIN)
            continue
        # Latin letters with diacritics: the base letter, not a disguise.
        if cat in ("Lu", "Ll", "Lt") and (0x00C0 <= cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF):
            base = unicodedata.normalize("NFD", c)[0]
            if base.isascii() and base.isalpha():
                out[cp] = (ord(base.lower()), False)
            continue
        # Compatibility forms: fullwidth, mathematical alphanumerics, enclosed and
        # parenthesized letters and digits, super- and subscripts, letterlike symbols.
        decomposition = unicodedata.normalize("NFKD", c)
        decomposition = "".join(ch for ch in decomposition if unicodedata.category(ch) != "Mn")
        if decomposition.startswith("(") and decomposition.endswith(")"):
            decomposition = decomposition[1:-1]
        if decomposition.endswith(".") and len(decomposition) == 2:
            decomposition = decomposition[:1]
        if len(decomposition) == 1 and decomposition.isascii() and decomposition != c:
            d = decomposition
            if d.isalnum() or (0xFF01 <= cp <= 0xFF5E) or (0xFE50 <= cp <= 0xFE6B):
                out[cp] = (ord(d.lower()), True)
    # Emoji-style letters and digits that have no decomposition.
    for i, letter in enumerate(LETTERS):
        out[0x1F150 + i] = (ord(letter), True)  # negative circled 🅐
        out[0x1F170 + i] = (ord(letter), True)  # negative squared 🅰
        # Regional indicators, spaced apart so they do not pair into flags: "🇸 🇭 🇴 🇵 🇪 🇪".
        out[0x1F1E6 + i] = (ord(letter), True)
    for first in (0x2776, 0x2780, 0x278A):  # dingbat circled ❶ ➀ ➊ (1-9; the 10th is 10)
        for i in range(9):
            out[first + i] = (ord("1") + i, True)
    for cp in (0x24FF, 0x1F10B, 0x1F10C):  # ⓿ and the dingbat zeros
        out[cp] = (ord("0"), True)
    for i in range(10):
        out[0x1F101 + i] = (ord("0") + i, True)  # 🄁 digit comma
    return out


def runs(out):
    """Consecutive code points (gaps of up to 3 filled with UNCHANGED) with one obfuscation
    flag: (first, bytes, obfuscated)."""
    result = []
    for cp in sorted(out):
        byte, obf = out[cp]
        if result:
            first, data, run_obf = result[-1]
            gap = cp - (first + len(data))
            if run_obf == obf and 0 <= gap <= 3:
                data.extend([UNCHANGED] * gap)
                data.append(byte)
                continue
        result.append((cp, bytearray([byte]), obf))
    return result


def rust_bytes(data):
    parts = []
    for b in data:
        if b == ord("\\"):
            parts.append("\\\\")
        elif b == ord('"'):
            parts.append('\\"')
        elif 0x20 < b < 0x7F:  # spaces escaped: a line continuation would swallow them
            parts.append(chr(b))
        else:
            parts.append("\\x%02x" % b)
    return "".join(parts)


def main():
    result = runs(table())
    data = bytearray()
    index = []
    for first, run, obf in result:
        data.extend(run)
        assert len(data) < 0x8000
        index.append((first, len(data) | (0x8000 if obf else 0)))
    w = sys.stdout.write
    w("// @generated by tools/fold_table.py from the Unicode Character Database (Unicode %s, as\n"
      % unicodedata.unidata_version)
    w("// Python's unicodedata ships it) and the script's hand lists. Do not edit by hand.\n\n")
    w("/// Runs of consecutive non-ASCII code points that fold: `(first code point, end of the\n")
    w("/// run's bytes in [`BYTES`])`, sorted; the run's bytes start where the previous run's end.\n")
    w("/// [`DISGUISE`] is set in the end when reading the run undoes a disguise.\n")
    w("pub(super) const RUNS: &[(u32, u16)] = &[\n")
    for i in range(0, len(index), 6):
        w("    " + " ".join("(0x%04X, %d)," % pair for pair in index[i:i + 6]) + "\n")
    w("];\n\n")
    w("/// One byte per code point of [`RUNS`]: the ASCII character it reads as, or [`UNCHANGED`],\n")
    w("/// [`INVISIBLE`] (reads as nothing; a disguise inside a word) or [`MARK`] (a combining\n")
    w("/// mark of ordinary spelling, read as nothing).\n")
    w("pub(super) const BYTES: &[u8] = b\"\\\n")
    for i in range(0, len(data), 64):
        w("    %s\\\n" % rust_bytes(data[i:i + 64]))
    w("\";\n\n")
    w("/// Set in a [`RUNS`] end when the run's readings undo a disguise.\n")
    w("pub(super) const DISGUISE: u16 = 0x8000;\n")
    w("/// A byte of [`BYTES`]: the code point reads as itself.\n")
    w("pub(super) const UNCHANGED: u8 = %d;\n" % UNCHANGED)
    w("/// A byte of [`BYTES`]: the code point reads as nothing.\n")
    w("pub(super) const INVISIBLE: u8 = %d;\n" % INVISIBLE)
    w("/// A byte of [`BYTES`]: a combining mark of ordinary spelling, read as nothing.\n")
    w("pub(super) const MARK: u8 = %d;\n" % MARK)
    sys.stderr.write("%d runs, %d bytes of mappings\n" % (len(result), len(data)))


main()
