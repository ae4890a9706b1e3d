"""Writes a policy pack as the packs are laid out by hand: two-space indentation, with any
object or array that fits on its line (100 columns) written on one line, and longer lists of
strings or numbers filled, as many items a line as fit. Shared by the tools
that rewrite part of a pack, so a regenerated pack diffs only where its data changed."""

import json

WIDTH = 100


def _inline(value):
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_inline(v)}"
                                for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _block(value, indent, prefix_len):
    flat = _inline(value)
    if indent + prefix_len + len(flat) + 1 <= WIDTH or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            key = f"{json.dumps(k, ensure_ascii=False)}: "
            items.append(pad + key + _block(v, indent + 2, len(key)))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if all(not isinstance(v, (dict, list)) for v in value):
        # A list of scalars is filled: as many items a line as fit.
        lines, line = [], ""
        for v in value:
            item = json.dumps(v, ensure_ascii=False) + ","
            if line and len(pad) + len(line) + 1 + len(item) > WIDTH:
                lines.append(pad + line)
                line = item
            else:
                line = f"{line} {item}" if line else item
        lines.append(pad + line[:-1])
        return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"
    items = [pad + _block(v, indent + 2, 0) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def dumps(pack):
    """The pack's text, ending in a newline."""
    return _block(pack, 0, 0) + "\n"
