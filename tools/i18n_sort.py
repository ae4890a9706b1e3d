#!/usr/bin/env python3
"""Keeps src/i18n/{en,id,zh}.rs sorted by key (the lookup is a binary search).

Usage: python3 tools/i18n_sort.py            # rewrite the three catalogs in sorted order
       python3 tools/i18n_sort.py --check    # exit 1 if any catalog is unsorted

A catalog is one `concat!` of `"key\\ttext\\n"` lines. The script refuses to write a catalog if
it cannot account for every line, so it never drops one. A line repeated word for word (as a
merge of two branches leaves it) is kept once; a key with two different texts is an error.
"""
import re, sys, pathlib

LINE = re.compile(r'^\s*"((?:[^"\\]|\\.)*?)\\t((?:[^"\\]|\\.)*)\\n",\s*$', re.M)
root = pathlib.Path(__file__).resolve().parent.parent / "src" / "i18n"
bad = False
for lang in ("en", "id", "zh"):
    path = root / f"{lang}.rs"
    src = path.read_text()
    start = src.index("concat!(") + len("concat!(")
    end = src.rindex(");")
    body = src[start:end]
    entries = [(m.group(1), m.group(2)) for m in LINE.finditer(body)]
    leftover = LINE.sub("", body).strip()
    if leftover:
        sys.exit(f"{path}: cannot parse part of the catalog, refusing to rewrite it:\n{leftover[:200]}")
    ordered = sorted(set(entries))
    keys = [k for k, _ in ordered]
    clashes = sorted({k for k in keys if keys.count(k) > 1})
    if clashes:
        sys.exit(f"{path}: keys with two different texts, refusing to rewrite: {', '.join(clashes)}")
    if "--check" in sys.argv:
        if entries != ordered:
            print(f"{path} is not sorted")
            bad = True
        continue
    lines = "".join(f'    "{k}\\t{t}\\n",\n' for k, t in ordered)
    path.write_text(src[:start] + "\n" + lines + src[end:])
sys.exit(1 if bad else 0)
