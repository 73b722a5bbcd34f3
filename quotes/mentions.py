"""Mentions: the words naming a speaker, parsed by the grammar of ``rules/mentions.yml``.

The mention is cut into word and punctuation tokens once, each token is tagged from the
lexicons (quotes.grammar.Tags), and the first pattern of the grammar that matches the string of
tags says what the words name and which of them are the title, the name or the body.
"""
import functools
from dataclasses import dataclass

import regex

from .cues import OBJECT_SUFFIXES
from .grammar import Grammar, Tags, Token
from .normalize import normalize, strip_article

QUOTE_CHARS = "\"'«»“”„‹›ـ"
ABBREV_RE = regex.compile(r"(?<![\p{L}])(\p{L})\.(?=\p{L})")
_TOKEN_PUNCT = QUOTE_CHARS + ".،,:؛;()[]"


@functools.lru_cache(maxsize=1 << 16)
def clean_token(token):
    """A token without quotation marks and punctuation, normalized (cached: the vocabulary of
    news repeats)."""
    return normalize(token.strip(_TOKEN_PUNCT))


@dataclass
class Mention:
    """What the words naming a speaker say about it."""
    text: str                      # the words as written
    kind: str                      # 'person', 'title', 'institution', 'anonymous', 'pronoun', 'none'
    name: str = ""                 # the proper name part (persons) or the institution's name
    title: str = ""                # the title / description part
    agree: str = ""                # 'm', 'f', 'd', 'p' when the mention itself says so (pronouns)
    appositive: str = ""           # a title after the name ("عبد العزيز العيد المشرف العام على القناة")
    pattern: str = ""              # the pattern of rules/mentions.yml that read it


def classify(token, rules):
    """Class of one normalized token: TITLE, INST, ANON, CONN, STOP, DEF or NAME (remembered
    per rules: the vocabulary of news repeats)."""
    cls = rules.token_classes.get(token)
    if cls is None:
        if len(rules.token_classes) > 1 << 18:
            rules.token_classes.clear()
        cls = rules.token_classes[token] = _classify(token, rules)
    return cls


def _classify(token, rules):
    if token.startswith("لل") and len(token) > 4:      # ل + ال: "للرئيس", "للأمم"
        return "PREP" if classify("ال" + token[2:], rules) in ("DEF", "INST", "TITLE") else "NAME"
    bare = strip_article(token)
    if token in rules.mention_stops or token in rules.forms or token in rules.complementizers \
            or rules.verb_shape_re.match(token):
        return "STOP"
    if token[:1] in "وف" and (token[1:] in rules.forms or token[1:] in rules.mention_stops
                              or token[1:2] in ("و", "ف") and token[2:] in rules.mention_stops):
        return "STOP"       # ("وولي" of "وولي ولي العهد": و before a word that is و and a stop)
    if token in rules.person_titles:
        return "TITLE"                                  # before the و-rules: "والده", "وزير"
    if token.startswith("وال") and len(token) > 4:     # "الحرية والعدالة": a conjoined description
        return "PREP"
    if token in rules.name_introducers or token in rules.mention_skips:
        return "SKIP"
    if token[:1] == "ل" and (token[1:] in rules.media_heads or token[1:] in rules.media_names):
        return "STOP"                                   # "لمحطة ...", "لقناة ...": a channel follows
    if token[:1] == "و" and len(token) > 3 and classify(token[1:], rules) in ("TITLE", "INST"):
        return "PREP"                                  # "عضو إدارة الرائد ومدير الكرة"
    if token in rules.person_titles or bare in rules.person_titles:
        return "TITLE"
    if token in rules.institution_heads or "ال" + token in rules.institution_heads:
        return "INST"
    if token in rules.anonymous_heads:
        return "ANON"
    if token in rules.name_connectors:
        return "CONN"
    if token.startswith("ال") and len(token) > 3:
        return "DEF"
    if token[:1] in "لب" and (len(token) > 3 and classify(token[1:], rules) in ("DEF", "INST", "TITLE")
                              or token[1:] in rules.place_heads):     # "بحي الروضة": one letter, a place
        return "PREP"
    if token in ("ل", "ب", "و"):
        return "SKIP"
    return "NAME"


def pronoun_mention(text, rules):
    """A pronoun mention ("عنه", "لكنه", "إنها"), or None."""
    s = text.strip()
    if not s or len(s.split(None, 1)) > 1:
        return None         # (more than one word: no pronoun, and no need to normalize it all)
    t = normalize(s)
    if " " in t or not t:
        return None
    for host in ("عن", "لكن", "ولكن", "ان", "انه", "منه", "له", "ل"):
        if t.startswith(host) and t[len(host):] in rules.pronouns:
            return Mention(text.strip(), "pronoun", agree=rules.pronouns[t[len(host):]])
    return None



_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}_.]+(?:[-'][\p{L}\p{M}]+)*|[،,(:؛;)\[\]«»“”\"]")
_WORD_PUNCT = "،,(:؛;)[]«»“”\""


def _word_test(words):
    keys = {normalize(w) for w in words}
    return lambda tok: tok.key in keys


def _tests(rules):
    """The tests a tag entry may name: value -> predicate(token)."""
    def shape(pattern):
        compiled = regex.compile(pattern)
        return lambda tok: bool(tok.key) and compiled.search(tok.key) is not None

    def raw(pattern):
        compiled = regex.compile(pattern)
        return lambda tok: compiled.search(tok.text) is not None

    def not_raw(pattern):
        compiled = regex.compile(pattern)
        return lambda tok: compiled.search(tok.text) is None

    def past_verb(key):
        return (f := rules.forms.get(key)) is not None and f.tense == "past" and f.kind == "verb"

    def cue(value):
        if value == "past-verb":
            return lambda tok: past_verb(tok.key)
        if value == "past-verb-object":     # "وصفته": a past form with an object pronoun
            return lambda tok: any(tok.key.endswith(s) and (past_verb(tok.key[:-len(s)]) or tok.key[:1] in "وف"
                                                            and past_verb(tok.key[1:-len(s)]))
                                   for s in OBJECT_SUFFIXES)
        raise ValueError(f"cue test: unknown value {value!r}")

    def klass(value):
        names = {value} if isinstance(value, str) else set(value)
        return lambda tok: bool(tok.key) and classify(tok.key, rules) in names

    return {
        "punct": lambda chars: lambda tok: not tok.key and tok.text in chars,
        "word": _word_test,
        "list": lambda name: (lambda words: lambda tok: tok.key in words)(getattr(rules, name)),
        "bare_list": lambda name: (lambda words: lambda tok: strip_article(tok.key) in words)(getattr(rules, name)),
        "and_list": lambda name: (lambda words: lambda tok: tok.key[:1] == "و" and strip_article(tok.key[1:]) in words)(getattr(rules, name)),
        "ba_list": lambda name: (lambda words: lambda tok: tok.key[:1] == "ب" and tok.key[1:] in words)(getattr(rules, name)),
        "not_list": lambda name: (lambda words: lambda tok: tok.key not in words)(getattr(rules, name)),
        "class": klass,
        "shape": shape,
        "raw": raw,
        "not_raw": not_raw,
        "cue": cue,
    }


def grammar(rules):
    """The mention grammar compiled for ``rules`` (once per rules object)."""
    g = rules.__dict__.get("_mention_grammar")
    if g is None:
        spec = rules.data.get("mentions") or {}
        # (each token's lexicon class is looked up once, and only the entries of that class tried)
        tags = Tags(spec["tags"], _tests(rules), index=("class", lambda tok: classify(tok.key, rules) if tok.key else "PUNCT"))
        g = Grammar(tags, spec.get("sets"), spec.get("macros"), spec["patterns"])
        g.tag_cache = {}
        g.reach = {g.classes[name]: n for name, n in (spec.get("reach") or {}).items()}
        # (the start markers, and the sets this module reads, by their names in the rule file)
        g.starts = {"verb": g.classes["after-verb"], "source": g.classes["source-start"], "": g.classes["start"]}
        g.unread, g.conjunction, g.lead, g.trailing = (g.classes[k] for k in ("unread", "conjunction", "lead", "trailing"))
        rules.__dict__["_mention_grammar"] = g
    return g


def _piece(piece, g):
    """The tokens of one piece of text between spaces, as (raw, start, end, key, tag) with
    offsets inside the piece: a piece that is all letters is one word (told by ``str.isalpha``
    in C), only the others are searched; remembered by the piece, since news repeats its words."""
    found = ((piece, 0),) if piece.isalpha() else [(m.group(), m.start()) for m in _TOKEN_RE.finditer(piece)]
    out = []
    for raw, start in found:
        key = "" if raw in _WORD_PUNCT else clean_token(raw)
        if key or raw in _WORD_PUNCT:       # (a tatweel or marks alone is no token)
            out.append((raw, start, start + len(raw), key, g.tags.tag(Token(raw, key))))
    if len(g.tag_cache) > 1 << 17:
        g.tag_cache.clear()
    out = g.tag_cache[piece] = tuple(out)
    return out


def tokens(text, g, limit):
    """The word and punctuation tokens of ``text`` as (raw, start, end, key, tag): the first
    ``limit`` words, and no further than the grammar's ``reach`` (after a colon, after a second
    comma, no pattern looks)."""
    out = []
    append = out.append
    cache = g.tag_cache
    reach = g.reach
    spent = dict.fromkeys(reach, 0)
    words = 0
    at = 0
    for piece in text.split(" "):
        if piece:
            found = cache.get(piece)
            if found is None:
                found = _piece(piece, g)
            for raw, start, end, key, sym in found:
                if key:
                    words += 1
                    if words > limit:
                        return out
                append((raw, at + start, at + end, key, sym))
                if sym in reach:
                    spent[sym] += 1
                    if spent[sym] >= reach[sym]:
                        return out
        at += len(piece) + 1
    return out


_STRIP = QUOTE_CHARS + ".،,"


def _words(toks, m, group, g):
    """The words of a group of the match, as a title's or a name's words are written."""
    a, b = m.span(group)
    if a < 0:
        return ""
    out, conj = [], ""
    for raw, _, _, key, sym in toks[max(a - 1, 0):b - 1]:
        if sym in g.conjunction and out:
            conj = raw          # a second quoted name keeps its و ("صحيفتا "ذي دايلي مايل" و"دايلي تلغراف"")
        elif key and sym not in g.unread:
            out.append(conj + (raw.strip(_STRIP) if len(raw.strip(".")) > 1 else raw))
            conj = ""
    return " ".join(out)


def parse_mention(text, rules, max_tokens=20, name_first=False, source=False):
    """Parse the words naming a speaker; returns a :class:`Mention` (kind 'none' if no speaker)
    and, as its ``pattern``, the name of the grammar's pattern that read it.  ``name_first``: the
    words follow a verb, so a verb's form first is a name ("وقال راي بابار"); ``source``: they
    follow بحسب / وفق / نقلاً عن."""
    pron = pronoun_mention(text, rules)
    if pron:
        return pron
    text = ABBREV_RE.sub(r"\1. ", text)      # "د.عصام العريان" -> "د. عصام العريان"
    g = grammar(rules)
    toks = tokens(text, g, max_tokens + 6)       # (a few words more for a name in apposition)
    symbols = g.starts["verb" if name_first else "source" if source else ""] + "".join([t[4] for t in toks])
    found = g.match(symbols)
    if found is None or found[1]["kind"] == "none":
        return Mention("", "none")
    pattern, spec, m = found
    # the words read, from the first that is not "عنه" to the last that is not a comma or colon
    last = m.end() - 2
    while last >= 0 and toks[last][4] in g.trailing:
        last -= 1
    first = 0
    while first <= last and toks[first][4] in g.lead:
        first += 1
    span = text[toks[first][1]:toks[last][2]].strip() if first <= last else ""
    kind = spec["kind"]
    if kind in ("institution", "anonymous"):
        body = _words(toks, m, "body", g)
        return Mention(span, kind, name=body, title=body, pattern=pattern)
    return Mention(span, kind, name=_words(toks, m, "name", g) if kind == "person" else "",
                   title=_words(toks, m, "title", g), appositive=_words(toks, m, "app", g), pattern=pattern)
