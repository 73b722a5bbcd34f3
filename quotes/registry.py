"""Speakers across articles: one row per real person or body, and nothing else merged in.

The extractor gives each statement the fullest name its article holds; the writer asks the
:class:`SpeakerRegistry` which stored speaker that name is.  How names join is declared in
``rules/aliases.yml``:

- a person joins a speaker of another article only on a name that identifies them: at least
  ``min_name_words`` name words (connectors and honorifics do not count) found in the same order
  in the other name, with the same first name (spelling variants of foreign names fold when
  another word agrees exactly);
- an institution joins on its whole name;
- a name of one word, and every speaker of an ``article_kinds`` kind (anonymous sources, titles
  with no name, documents), is a speaker of its own article and never joins another's;
- scripture (الله, النبي) is one speaker each, of its own kind, never a person's alias;
- ``merge`` and ``split`` correct any of this by hand.
"""
import functools
import os

import yaml

from .mentions import ABBREV_RE, QUOTE_CHARS
from .normalize import normalize, strip_article

_VOWELS = str.maketrans("", "", "اوي")


def load_aliases(rules_dir=None):
    """The parsed ``aliases.yml`` of ``rules_dir`` (the packaged one when it has none)."""
    from .rules import RULES_DIR, _PACKAGED
    path = os.path.join(rules_dir or RULES_DIR, "aliases.yml")
    if not os.path.exists(path):
        path = os.path.join(_PACKAGED, "aliases.yml")
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


@functools.lru_cache(maxsize=1)
def _packaged_aliases():
    return load_aliases()


def name_key_tokens(name, folds=(), honorifics=frozenset()):
    """Tokens of a name for comparing across articles: normalized, no article, honorifics
    dropped, transliteration variants folded ("جونغ" -> "جونج"), "عبد الرحمن" one token."""
    out = []
    for t in normalize(ABBREV_RE.sub(r"\1. ", name)).split():
        t = t.strip(QUOTE_CHARS + ".،,")
        if not t or len(t) == 1 or t in honorifics:
            continue
        for end, repl in folds:
            if t.endswith(end):
                t = t[: -len(end)] + repl
                break
        out.append(strip_article(t))
    joined = []
    for t in out:
        if joined and joined[-1] in ("عبد", "ابو", "بو"):
            joined[-1] += t[1:] if t.startswith("ل") and len(t) > 3 else t
        elif t.startswith("عبدال") and len(t) > 6:
            joined.append("عبد" + t[5:])
        else:
            joined.append(t)
    return joined


@functools.lru_cache(maxsize=1 << 14)        # (as quotes.fold.WORD_CACHE)
def _cached_tokens(name, folds, honorifics):
    """:func:`name_key_tokens` cached: the writer asks for the tokens of every statement's
    speaker and mention, and news names the same people over and over."""
    return tuple(name_key_tokens(name, folds, honorifics))


def skeleton(token):
    """A token without its long vowels ("بوتين" ~ "بوتن"), for foreign-name spelling variants."""
    s = token.translate(_VOWELS)
    return s if len(s) >= 2 else token


def _contains(short, long):
    """Are the words of ``short`` found in ``long`` in order, the first names the same, each word
    equal or (with one at least equal exactly) a spelling variant?"""
    if len(short) > len(long) or skeleton(short[0]) != skeleton(long[0]):
        return False
    i = exact = 0
    for t in long:
        if i < len(short) and (short[i] == t or skeleton(short[i]) == skeleton(t)):
            exact += short[i] == t
            i += 1
    return i == len(short) and exact >= 1


class SpeakerRegistry:
    """Speakers in memory (``aliases``: the parsed aliases.yml, or the keys that replace the
    packaged file's): for each id its name, kind, scope (the article of a speaker that never
    leaves it, else None), key (unique in the ``speakers`` table) and the name forms joined to it."""

    def __init__(self, aliases=None):
        a = {**_packaged_aliases(), **(aliases or {})}      # (a test or a caller may give some keys only)
        self.folds = tuple(tuple(p) for p in a.get("transliteration") or [])
        self.honorifics = frozenset(normalize(w) for w in a.get("honorifics") or [])
        self.connectors = frozenset(strip_article(normalize(w)) for w in a.get("name_connectors") or [])
        self.min_words = int(a.get("min_name_words") or 2)
        self.article_kinds = frozenset(a.get("article_kinds") or ())
        self.document_heads = frozenset(strip_article(normalize(w)) for w in a.get("document_heads") or [])
        self.scripture = {}
        for canonical, forms in (a.get("scripture") or {}).items():
            for f in [canonical, *(forms or [])]:
                self.scripture[normalize(f)] = canonical
        self.merge = {}
        for canonical, names in (a.get("merge") or {}).items():
            for n in [canonical] + list(names or []):
                self.merge[self.key(n)] = canonical
        self.split = {self.key(n) for n in a.get("split") or []}
        self.speakers = {}      # id -> dict(name, kind, scope, key, forms)
        self.by_key = {}        # key -> id
        self.by_article = {}    # article -> the ids and keys of its speakers of its own (scope)
        #: key -> (id, name, kind, scope) of a stored speaker of one article, or None: where the
        #: speakers of an article no longer in memory are looked up (:meth:`forget_article`)
        self.stored = lambda key: None
        #: (skeleton of a first name word, skeleton of a later word) -> ids of persons: the persons a
        #: name can join share its first name and one more word (every person named "محمد" was
        #: compared with every "محمد ..." said, and that grew with the run)
        self.by_pair = {}
        self.by_last = {}       # skeleton of a family name word -> ids of persons
        # the last article text asked about: its name words, and where each word stands in them
        self._text, self._text_words, self._text_at = None, (), {}

    def tokens(self, name):
        """The comparison tokens of a name."""
        return _cached_tokens(name, self.folds, self.honorifics)

    def text_words(self, text):
        """An article's words as name words (the last text asked for is remembered)."""
        if self._text is not text:
            self._text = text
            self._text_words = tuple(t for t in name_key_tokens(text, self.folds, self.honorifics)
                                     if t not in self.connectors)
            self._text_at = {}
            for i, t in enumerate(self._text_words):
                self._text_at.setdefault(t, []).append(i)
        return self._text_words

    def key(self, name):
        """The comparison key of a name (as in speaker_aliases.alias_key)."""
        return " ".join(self.tokens(name))

    def _words(self, name):
        """The name words that are evidence of who it is."""
        return tuple(t for t in self.tokens(name) if t not in self.connectors)

    def identify(self, name, kind, article=None):
        """(name, kind, scope, key) under which ``name`` of ``kind``, said in ``article``, is stored."""
        canonical = self.scripture.get(normalize(name).strip(QUOTE_CHARS + ".، "))
        if canonical:
            name, kind = canonical, "scripture"
        elif self.key(name) in self.merge:
            name = self.merge[self.key(name)]
        toks = self.tokens(name)
        if kind not in ("scripture", "institution") and toks and toks[0] in self.document_heads:
            kind = "document"
        scoped = kind in self.article_kinds or kind != "scripture" and len(self._words(name)) < self.min_words \
            and self.key(name) not in self.merge
        scope = article if scoped and article is not None else None
        key = self.key(name) + ("" if kind == "person" else f" #{kind}") + (f" @{scope}" if scope else "")
        return name, kind, scope, key

    def add_known(self, sid, name, kind, names=(), key=None, scope=None):
        """Load a speaker already stored, with the names resolved to it (the state :meth:`resolve`
        left in memory), so a run resumed after an interruption matches names as an
        uninterrupted one."""
        key = key if key is not None else self.identify(name, kind)[3]
        self._add(sid, name, kind, scope, key)
        for n in names:
            n = self.merge.get(self.key(n), n)
            self.by_key.setdefault(self.identify(n, kind, scope)[3], sid)
            self._index(sid, n)

    def _add(self, sid, name, kind, scope, key):
        self.speakers[sid] = {"name": name, "kind": kind, "scope": scope, "key": key, "forms": set()}
        self._set_key(key, sid, scope)
        self._index(sid, name)

    def _set_key(self, key, sid, scope):
        self.by_key.setdefault(key, sid)
        if scope is not None:
            ids, keys = self.by_article.setdefault(scope, (set(), set()))
            keys.add(key)
            if self.speakers.get(sid, {}).get("scope") == scope:
                ids.add(sid)

    def forget_article(self, article):
        """Drop the speakers of ``article`` alone (anonymous sources, titles, one-word names) from
        memory once it is stored: no other article can name them, and memory would grow with
        every article of the run.  Should the article come again, :attr:`stored` finds them."""
        ids, keys = self.by_article.pop(article, ((), ()))
        for key in keys:
            self.by_key.pop(key, None)
        for sid in ids:
            self.speakers.pop(sid, None)

    def _index(self, sid, name):
        sp = self.speakers[sid]
        words = self._words(name)
        if sp["scope"] is None and sp["kind"] == "person" and len(words) >= self.min_words:
            sp["forms"].add(words)      # (institutions join on their whole name, by key)
            first = skeleton(words[0])
            for w in words[1:]:
                self.by_pair.setdefault((first, skeleton(w)), set()).add(sid)
            self.by_last.setdefault(skeleton(words[-1]), set()).add(sid)

    def _match(self, words, kind):
        """The one known person whose name holds ``words`` in order or is held in them, or None
        (institutions join on their whole name only, by key)."""
        if kind != "person" or len(words) < self.min_words:
            return None
        found, first = set(), skeleton(words[0])
        # (a name held in another shares its second word with it; one holding another, the
        # other's second word: either way a pair of the first word and a later one)
        candidates = set().union(*(self.by_pair.get((first, skeleton(w)), ()) for w in words[1:]))
        for sid in candidates:
            sp = self.speakers[sid]
            if any(_contains(words, f) or _contains(f, words) for f in sp["forms"]):
                found.add(sid)
        return found.pop() if len(found) == 1 else None

    def _written_in_full(self, words, text):
        """The one known person whose full name ends with the one word ``words`` and is written,
        word for word, in the article ``text``, or None: "وقال العريان" in an article that also
        writes "د. عصام العريان".  (The article's words are read only when a known name ends so.)"""
        forms = [(sid, f) for sid in self.by_last.get(skeleton(words[0]), ())
                 for f in self.speakers[sid]["forms"] if f[-1] == words[0]]
        if not forms:
            return None
        text_words = self.text_words(text)
        found = set()
        for sid, form in forms:
            n = len(form)
            if any(text_words[i:i + n] == form for i in self._text_at.get(form[0], ())):
                found.add(sid)
        return found.pop() if len(found) == 1 else None

    def resolve(self, name, kind, new_id, article=None, text=None):
        """The speaker id for ``name`` (creating it with ``new_id()`` if new) and whether it is
        new; ``text``, the article's, lets a one-word name join the person it writes in full."""
        name, kind, scope, key = self.identify(name, kind, article)
        if key in self.by_key:
            return self.by_key[key], False
        row = self.stored(key) if scope is not None else None
        if row is not None:             # (a speaker of an article stored before, come again)
            self._add(*row, key)
            return row[0], False
        words = self._words(name)
        sid = None if scope or self.key(name) in self.split else self._match(words, kind)
        if sid is None and scope and kind == "person" and len(words) == 1 and text and self.key(name) not in self.split:
            sid = self._written_in_full(words, text)
            if sid is not None:
                self._set_key(key, sid, scope)
                return sid, False
        if sid is None:
            sid = new_id()
            self._add(sid, name, kind, scope, key)
            return sid, True
        sp = self.speakers[sid]
        if len(words) > len(self._words(sp["name"])):      # the fullest form names the speaker
            sp["name"] = name
            sp["renamed"] = True
        self.by_key[key] = sid
        self._index(sid, name)
        return sid, False
