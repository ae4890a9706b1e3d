#!/usr/bin/env python3
"""Writes the telephone numbering plans of policies/base.json from libphonenumber's metadata.

A seller's phone number may be a mobile, a landline with its area code, a toll-free or hotline
number: whatever the region's numbering plan allows. libphonenumber describes each plan as
regular expressions per number type; the wasm has no regex engine, so this script turns each
type into prefix tables: for every possible length, the shortest digit prefixes (at most
DEPTH digits) from which some number of that length matches the type's pattern. A number is in
the plan when it has a listed prefix and one of that entry's lengths (an over-approximation past
DEPTH digits, which is what a text scanner needs: the region, not the exact exchange).

Source: the metadata of the PyPI package `phonenumbers` (David Drysdale's Python port of Google's
libphonenumber, Apache-2.0), whose version is written into the pack.

Usage: .tools/venv/bin/python tools/phone_plans.py   (pip install phonenumbers into that venv)
It rewrites links.phone.plans in policies/base.json in place, keeping everything else.
"""

import json
import re._parser as sre_parse
from re._constants import (ANY, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL, MAX_REPEAT,
                           MIN_REPEAT, NEGATE, RANGE, SUBPATTERN)
import sys
from collections import OrderedDict
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneMetadata

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pack_json  # noqa: E402

# The regions of the packs (GB is the pack's UK) and China, where many cross-border sellers'
# numbers come from.
REGIONS = [("ID", "ID"), ("MY", "MY"), ("TH", "TH"), ("VN", "VN"), ("PH", "PH"), ("SG", "SG"),
           ("GB", "UK"), ("US", "US"), ("CN", "CN")]
TYPES = [("fixed_line", "fixed"), ("mobile", "mobile"), ("toll_free", "tollFree"),
         ("premium_rate", "premium"), ("shared_cost", "sharedCost"),
         ("personal_number", "personal"), ("voip", "voip"), ("pager", "pager"), ("uan", "uan"),
         ("voicemail", "voicemail")]
DEPTH = 2
DIGITS = "0123456789"


class Nfa:
    """A Thompson NFA over digits, built from a parsed libphonenumber pattern."""

    def __init__(self):
        self.eps = []   # state -> [state]
        self.edges = []  # state -> [(frozenset of digits, state)]

    def state(self):
        self.eps.append([])
        self.edges.append([])
        return len(self.eps) - 1

    def build(self, items, start):
        """Appends `items` (a parsed sequence) after `start`; returns the end state."""
        at = start
        for op, arg in items:
            at = self.item(op, arg, at)
        return at

    def charset(self, op, arg):
        if op == LITERAL:
            return frozenset([chr(arg)]) & frozenset(DIGITS)
        if op == CATEGORY and arg == CATEGORY_DIGIT:
            return frozenset(DIGITS)
        if op == ANY:
            return frozenset(DIGITS)
        if op == IN:
            out, negate = set(), False
            for sub_op, sub_arg in arg:
                if sub_op == NEGATE:
                    negate = True
                elif sub_op == RANGE:
                    out |= {chr(c) for c in range(sub_arg[0], sub_arg[1] + 1)}
                else:
                    out |= self.charset(sub_op, sub_arg)
            out &= set(DIGITS)
            return frozenset(set(DIGITS) - out if negate else out)
        raise ValueError(f"unsupported {op}")

    def item(self, op, arg, at):
        if op in (LITERAL, IN, CATEGORY, ANY):
            end = self.state()
            self.edges[at].append((self.charset(op, arg), end))
            return end
        if op == SUBPATTERN:
            return self.build(arg[-1], at)
        if op == BRANCH:
            end = self.state()
            for alternative in arg[1]:
                branch_start = self.state()
                self.eps[at].append(branch_start)
                self.eps[self.build(alternative, branch_start)].append(end)
            return end
        if op in (MAX_REPEAT, MIN_REPEAT):
            low, high, sub = arg
            for _ in range(low):
                at = self.build(sub, at)
            if high == sre_parse.MAXREPEAT:
                loop = self.state()
                self.eps[at].append(loop)
                self.eps[self.build(sub, loop)].append(loop)
                return loop
            end = self.state()
            for _ in range(high - low):
                self.eps[at].append(end)
                at = self.build(sub, at)
            self.eps[at].append(end)
            return end
        if op == AT:
            return at
        raise ValueError(f"unsupported {op}")

    def closure(self, states):
        out, todo = set(states), list(states)
        while todo:
            for t in self.eps[todo.pop()]:
                if t not in out:
                    out.add(t)
                    todo.append(t)
        return frozenset(out)

    def step(self, states, digit):
        return self.closure({t for s in states for chars, t in self.edges[s] if digit in chars})


def prefixes(pattern, length):
    """The minimal set of prefixes (≤ DEPTH digits) of numbers of `length` digits that match."""
    nfa = Nfa()
    start = nfa.state()
    accept = nfa.build(sre_parse.parse(pattern), start)
    # can_finish[k]: states from which exactly k more digits reach the accepting state.
    can_finish = [nfa.closure(()) for _ in range(length + 1)]
    everything = range(len(nfa.eps))
    can_finish[0] = frozenset(s for s in everything if accept in nfa.closure([s]))
    for k in range(1, length + 1):
        can_finish[k] = frozenset(
            s for s in everything
            if any(t in can_finish[k - 1]
                   for c in nfa.closure([s]) for chars, t in nfa.edges[c] if chars))
    found = []

    def walk(prefix, states):
        if not states & can_finish[length - len(prefix)]:
            return False
        if len(prefix) == min(DEPTH, length):
            found.append(prefix)
            return True
        children = [walk(prefix + d, nfa.step(states, d)) for d in DIGITS]
        return all(children)

    if walk("", nfa.closure([start])):
        return [""]
    return collapse(found)


def collapse(found):
    """Replaces every complete set of ten siblings by their parent, repeatedly."""
    found = set(found)
    changed = True
    while changed:
        changed = False
        parents = {p[:-1] for p in found if p}
        for parent in sorted(parents, key=len, reverse=True):
            children = {parent + d for d in DIGITS}
            if children <= found:
                found -= children
                found.add(parent)
                changed = True
    return sorted(found)


def first_digits(pattern):
    """The digits a number matching `pattern` (a leading-digits pattern) can start with."""
    nfa = Nfa()
    start = nfa.state()
    nfa.build(sre_parse.parse(pattern), start)
    states = nfa.closure([start])
    return "".join(d for d in DIGITS if nfa.step(states, d))


def plan(region, pack_region):
    md = PhoneMetadata.metadata_for_region(region)
    entries = OrderedDict()  # (lengths, prefixes) -> [types]
    for attribute, name in TYPES:
        desc = getattr(md, attribute)
        if desc is None or not desc.national_number_pattern:
            continue
        per_prefix = {}
        for length in desc.possible_length:
            if length < 4:
                continue
            for p in prefixes(desc.national_number_pattern, length):
                per_prefix.setdefault(p, []).append(length)
        by_lengths = OrderedDict()
        for p, lengths in sorted(per_prefix.items()):
            by_lengths.setdefault(tuple(lengths), []).append(p)
        for lengths, prefix_list in by_lengths.items():
            key = (lengths, " ".join(collapse(prefix_list)) or "*")
            entries.setdefault(key, []).append(name)
    # Area codes of one digit, written as a group of their own after the trunk prefix: "03-2385
    # 6789" in Kuala Lumpur, "02 123 4567" in Bangkok.
    short = set()
    for f in md.number_format:
        if f.pattern.startswith("(\\d)(") and f.national_prefix_formatting_rule and f.leading_digits_pattern:
            short |= set(first_digits(f.leading_digits_pattern[0]))
    out = OrderedDict([
        ("region", pack_region),
        ("countryCode", str(md.country_code)),
        ("trunkPrefix", md.national_prefix or ""),
    ])
    if md.national_prefix == "1":
        out["trunkOptional"] = True  # North America: "1 800 …" and "800 …" alike
    if md.country_code == 86:
        out["mobileWithoutTrunk"] = True  # China: "139 1234 5678", landlines "010 …"
    if short:
        out["shortAreaCodes"] = "".join(sorted(short))
    out["numbers"] = [
        OrderedDict([("types", types), ("lengths", list(lengths)), ("prefixes", prefixes_)])
        for (lengths, prefixes_), types in entries.items()
    ]
    return out


def main():
    path = Path(__file__).resolve().parent.parent / "policies" / "base.json"
    pack = json.loads(path.read_text(), object_pairs_hook=OrderedDict)
    phone = pack["links"]["phone"]
    phone["plans"] = [plan(region, pack_region) for region, pack_region in REGIONS]
    phone["source"] = (
        f"libphonenumber metadata (PyPI phonenumbers {phonenumbers.__version__}, Apache-2.0), "
        "turned into prefix tables by tools/phone_plans.py")
    path.write_text(pack_json.dumps(pack))
    for p in phone["plans"]:
        total = sum(len(n["prefixes"].split()) for n in p["numbers"])
        sys.stderr.write(f"{p['region']}: {len(p['numbers'])} entries, {total} prefixes\n")


main()
