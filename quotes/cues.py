"""Cues: find the reporting words of a text (قال، أكدت، مضيفاً، وصفه ...) with their offsets.

One pass over the words of the text and a dictionary lookup of each normalized word: the cue
lexicon of ``rules/cues.yml`` can grow without slowing this down, unlike one big alternation.
"""
import regex

from .normalize import normalize

WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_MARK_RE = regex.compile(r"\p{M}")
OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")


class CueMatch:
    """A reporting word found in a text, shaped like a regex match (start(), end(), group())."""
    __slots__ = ("_start", "_end", "_cue_start", "form", "_text")

    def __init__(self, text, start, cue_start, end, form):
        self._text, self._start, self._cue_start, self._end, self.form = text, start, cue_start, end, form

    def start(self, group=0):
        return self._cue_start if group == "cue" else self._start

    def end(self, group=0):
        return self._end

    def group(self, name=0):
        if name == "prefix":
            return self._text[self._start:self._cue_start]
        if name == "cue":
            return self._text[self._cue_start:self._end]
        return self._text[self._start:self._end]

    def __repr__(self):
        return f"<CueMatch {self.group()!r} at {self._start}>"


def _skip_letter(word, i):
    """Index just after the letter at ``word[i]`` and its marks."""
    i += 1
    while i < len(word) and _MARK_RE.match(word[i]):
        i += 1
    return i


def lookup(rules, key, word=""):
    """The CueForm of a normalized word without prefix, or None."""
    form = rules.forms.get(key)
    if form is not None:
        return form
    if word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
        return None       # "وصفة" (a recipe) is no "وصفه"
    for suffix in OBJECT_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            base = rules.forms.get(key[: -len(suffix)])
            if base is not None and base.lemma in rules.object_suffix and base.kind == "verb":
                return base
    return None


def find_cues(text, rules, start=0, end=None):
    """Every reporting word in ``text[start:end]`` as a :class:`CueMatch`, in order."""
    end = len(text) if end is None else end
    out = []
    forms = rules.forms
    first_letters = rules.cue_first_letters
    for m in WORD_RE.finditer(text, start, end):
        word = m.group()
        key = normalize(word)
        if not key or key[0] not in first_letters and key[0] not in "وف":
            continue
        form = lookup(rules, key, word)
        cue_start = m.start()
        if form is None and len(key) > 3 and key[0] in "وف":
            form = lookup(rules, key[1:], word)
            if form is not None:
                cue_start = m.start() + _skip_letter(word, 0)
        if form is not None:
            out.append(CueMatch(text, m.start(), cue_start, m.end(), form))
    return out
