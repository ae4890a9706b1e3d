#!/usr/bin/env python3
"""Keeps src/i18n/{en,id,zh}.rs sorted by key (the lookup is a binary search).

Usage: python3 tools/i18n_sort.py            # rewrite the three catalogs in sorted order
       python3 tools/i18n_sort.py --check    # exit 1 if any catalog is unsorted
"""
import re, sys, pathlib

# An entry as written by hand (one line) or wrapped by rustfmt:
#     ("key", "text"),        or        (\n        "key",\n        "text",\n    ),
ENTRY = re.compile(r'^    \(\s*"(?P<key>[^"]+)",\s*"(?P<text>(?:[^"\\]|\\.)*)",?\s*\),\n', re.M)
OPENING = re.compile(r'^    \(', re.M)
root = pathlib.Path(__file__).resolve().parent.parent / "src" / "i18n"
bad = False
for lang in ("en", "id", "zh"):
    path = root / f"{lang}.rs"
    src = path.read_text()
    head, sep, body = src.partition("&[\n")
    body, sep2, tail = body.rpartition("];")
    entries = [(m["key"], m["text"]) for m in ENTRY.finditer(body)]
    if len(entries) != len(OPENING.findall(body)):
        # Never rewrite a catalog with entries the pattern does not understand: they would be lost.
        print(f"{path}: {len(OPENING.findall(body)) - len(entries)} entries not understood"); bad = True
        continue
    ordered = sorted(entries)
    if "--check" in sys.argv:
        if entries != ordered:
            print(f"{path} is not sorted"); bad = True
        continue
    lines = "".join(f'    ("{k}", "{t}"),\n' for k, t in ordered)
    path.write_text(head + sep + lines + sep2 + tail)
sys.exit(1 if bad else 0)
