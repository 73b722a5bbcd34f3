"""Folding words for search and for comparing versions: the rules are ``rules/folding.yml``.

A word is indexed under every form left after taking off some of its proclitics (و ف, then
ب ل ك, then ال), so a search for "مصر" finds "لمصر", "بمصر" and "فمصر"; two outlets' versions
are compared on each word's fully stripped form, so "فجميعنا" and "جميعنا" are one word, and on
numbers as numbers ("2014م" is 2014)."""
import functools

import regex

from .normalize import normalize
from .rules import RULES_DIR, _read

_TOKEN_EDGE_RE = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$")
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")


@functools.lru_cache(maxsize=2)
def load(rules_dir=RULES_DIR):
    """The folding rules, with every proclitic sequence they allow, longest first, by first letter."""
    data = _read("folding.yml", rules_dir)
    p = data["proclitics"]
    firsts = [""] + [normalize(c) for c in p["conjunctions"]]
    seconds = [""] + [normalize(c) for c in p["prepositions"]]
    thirds = [""] + [normalize(c) for c in p["article"]]
    seqs = {a + b + c for a in firsts for b in seconds for c in thirds}
    seqs |= {a + normalize(c) for a in firsts for c in p["lam_article"]}
    seqs.discard("")
    by_letter = {}      # (a word is tried against the sequences of its first letter only)
    for pre in sorted(seqs, key=len, reverse=True):
        by_letter.setdefault(pre[0], []).append(pre)
    return {
        "prefixes_by_letter": {k: tuple(v) for k, v in by_letter.items()},
        "min_stem": int(data["min_stem"]),
        "number_suffixes": tuple(normalize(s) for s in data["number_suffixes"]),
        "percent_words": frozenset(normalize(w) for w in data["percent_words"]),
        "percent_prepositions": frozenset(normalize(w) for w in data["percent_prepositions"]),
        "bare_clitics": frozenset(normalize(w) for w in data["bare_clitics"]),
        "number_re": regex.compile(r"^(" + _number_pattern(data["decimal_marks"]) + r")(.*)$"),
        "numbers_re": regex.compile(_number_pattern(data["decimal_marks"])),
        "decimal_marks": tuple(data["decimal_marks"]),
    }


def _number_pattern(marks):
    return r"\d+(?:(?:" + "|".join(regex.escape(m) for m in marks) + r")\d+)?"


def _as_number(written):
    """A number as written ("3ر31", "31,3") with its decimal mark a full stop."""
    for mark in load()["decimal_marks"]:
        written = written.replace(mark, ".")
    return written


def numbers_in(text):
    """Every number written anywhere in ``text`` (digits already ASCII), decimal marks read as
    rules/folding.yml says: "3ر31" is 3.31."""
    return [_as_number(n) for n in load()["numbers_re"].findall(text)]


#: entries of the word caches here and in quotes.normalize and quotes.registry: 65,536 filled
#: only past 20,000 articles, and the writer's peak memory grew with them (16,384: the same speed)
WORD_CACHE = 16384


@functools.lru_cache(maxsize=WORD_CACHE)
def forms(word):
    """A normalized word and every form of it without some of its proclitics, longest first."""
    rules = load()
    out = [word]
    for pre in rules["prefixes_by_letter"].get(word[:1], ()):
        if word.startswith(pre) and len(word) - len(pre) >= rules["min_stem"]:
            out.append(word[len(pre):])
    return tuple(sorted(dict.fromkeys(out), key=len, reverse=True))


def index_forms(text):
    """What the search index holds for ``text``: every form of every word, space-separated."""
    seen = dict.fromkeys(f for w in _WORD_RE.findall(normalize(text or "")) for f in forms(w))
    return " ".join(seen)


def number(token):
    """The number a token writes ("2014م" → "2014", "٣١٫٣%" → "31.3"), or None."""
    rules = load()
    m = rules["number_re"].match(_TOKEN_EDGE_RE.sub("", normalize(token)))
    if m and (not m.group(2) or m.group(2) in rules["number_suffixes"]):
        return _as_number(m.group(1))
    return None


def compare_keys(tokens):
    """One comparison key a whitespace token of a version (None for one that carries no word:
    punctuation, or "per cent" spelled out): the number it writes, or its fully stripped form."""
    rules = load()
    parts = [_token(t) for t in tokens]
    keys = []
    for i, (key, w) in enumerate(parts):
        if key is not None and w in rules["percent_prepositions"] and i + 1 < len(parts) \
                and parts[i + 1][1] in rules["percent_words"]:
            key = None
        keys.append(key)
    return keys


@functools.lru_cache(maxsize=WORD_CACHE)
def _token(tok):
    """(comparison key, normalized word) of one token, for :func:`compare_keys`."""
    rules = load()
    n = number(tok)
    w = _TOKEN_EDGE_RE.sub("", normalize(tok))
    if n is not None:
        return n, w
    if not w or w in rules["percent_words"] or w in rules["bare_clitics"]:
        return None, w
    return forms(w)[-1], w
