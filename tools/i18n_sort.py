#!/usr/bin/env python3
"""Keeps src/i18n/{en,id,zh}.rs sorted by key (the lookup is a binary search).

Usage: python3 tools/i18n_sort.py            # rewrite the three catalogs in sorted order
       python3 tools/i18n_sort.py --check    # exit 1 if any catalog is unsorted
"""
import re, sys, pathlib

# An entry on one line, or as rustfmt wraps a long one over four.
ENTRY = re.compile(r'^    \(\s*"(?P<key>[^"]+)",\s*"(?P<text>(?:[^"\\]|\\.)*)",?\s*\),\n', re.M)
root = pathlib.Path(__file__).resolve().parent.parent / "src" / "i18n"
bad = False
for lang in ("en", "id", "zh"):
    path = root / f"{lang}.rs"
    src = path.read_text()
    head, sep, body = src.partition("&[\n")
    body, sep2, tail = body.rpartition("];")
    entries = [(m["key"], m["text"]) for m in ENTRY.finditer(body)]
    # Anything the pattern did not read would be lost by the rewrite: refuse instead.
    if ENTRY.sub("", body).strip():
        print(f"{path}: cannot read every entry near: {ENTRY.sub('', body).strip()[:80]!r}")
        sys.exit(1)
    ordered = sorted(entries)
    if "--check" in sys.argv:
        if entries != ordered:
            print(f"{path} is not sorted"); bad = True
        continue
    lines = "".join(f'    ("{k}", "{t}"),\n' for k, t in ordered)
    path.write_text(head + sep + lines + sep2 + tail)
sys.exit(1 if bad else 0)
