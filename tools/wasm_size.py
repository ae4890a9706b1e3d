#!/usr/bin/env python3
"""Where the bytes of the .wasm go: sections, the biggest functions, and code by crate/module.

Usage: python3 tools/wasm_size.py NAMED.wasm [TOP]

NAMED.wasm is the optimized module with its name section kept (`./build.sh size` makes it with
`wasm-opt -Oz -g`); sizes are of that module, before the name section is stripped. Code sizes
are raw bytes of each function body after inlining, so a checker's logic is mostly counted
inside the exported function that calls it. twiggy and wasm-tools would do the same from
GitHub releases this machine cannot download; this reads the binary format directly.
"""
import collections
import gzip
import re
import sys

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "elem", 10: "code", 11: "data", 12: "datacount"}


def leb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def skip_import(b, j):
    for _ in range(2):  # module and field names
        n, j = leb(b, j)
        j += n
    kind = b[j]
    j += 1
    if kind == 0:  # function
        _, j = leb(b, j)
        return j, 1
    if kind == 1:  # table: reftype + limits
        j += 1
    if kind in (1, 2):  # limits
        flags = b[j]
        j += 1
        _, j = leb(b, j)
        if flags & 1:
            _, j = leb(b, j)
    elif kind == 3:  # global
        j += 2
    return j, 0


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    b = open(path, "rb").read()
    i, imported, bodies, names, sections = 8, 0, [], {}, []
    while i < len(b):
        sid = b[i]
        n, i = leb(b, i + 1)
        body, end, j = b[i:i + n], i + n, i
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            ln, k = leb(b, j)
            custom = b[k:k + ln].decode("utf8", "replace")
            label = f"custom:{custom}"
            if custom == "name":
                k += ln
                while k < end:
                    sub = b[k]
                    size, k = leb(b, k + 1)
                    if sub == 1:
                        count, m = leb(b, k)
                        for _ in range(count):
                            index, m = leb(b, m)
                            ln2, m = leb(b, m)
                            names[index] = b[m:m + ln2].decode("utf8", "replace")
                            m += ln2
                    k += size
        elif sid == 2:
            count, j = leb(b, j)
            for _ in range(count):
                j, is_function = skip_import(b, j)
                imported += is_function
        elif sid == 10:
            count, j = leb(b, j)
            for _ in range(count):
                size, j = leb(b, j)
                bodies.append(size)
                j += size
        if not label.startswith("custom:name"):
            sections.append((label, n, len(gzip.compress(body, 9))))
        i = end

    print(f"{path}: sections (raw bytes, gzip -9 of the section alone)")
    for label, raw, packed in sorted(sections, key=lambda s: -s[1]):
        if raw >= 1000:
            print(f"  {label:<16} {raw:>9,} {packed:>9,}")

    functions = [(size, names.get(imported + k, f"function[{imported + k}]"))
                 for k, size in enumerate(bodies)]
    print(f"\nbiggest functions (raw bytes of {len(functions):,} bodies, {sum(bodies):,} in all)")
    for size, name in sorted(functions, reverse=True)[:top]:
        print(f"  {size:>7,}  {re.sub(r'::h[0-9a-f]{16}$', '', name)[:110]}")

    groups = collections.Counter()
    for size, name in functions:
        ours = re.match(r"<?shop_policy::(\w+)", name)
        crate = re.match(r"<?(?:<[^>]*>::)?(\w+)", name)
        key = f"shop_policy::{ours.group(1)}" if ours else (crate.group(1) if crate else name)
        if re.search(r"shim|^__wbg|^__wbindgen|^__externref", name):
            key = "wasm-bindgen glue"
        groups[key] += size
    print("\ncode by module (raw bytes)")
    for key, size in groups.most_common(20):
        print(f"  {size:>7,}  {key}")


if __name__ == "__main__":
    main()
