"""Cues: find the reporting words of a text (قال، أكدت، مضيفاً، وصفه ...) with their offsets.

One pass over the words of the text and a dictionary lookup of each normalized word: the cue
lexicon of ``rules/cues.yml`` can grow without slowing this down, unlike one big alternation.
"""
import regex

from .normalize import fold_same_length

WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_MARK_RE = regex.compile(r"\p{M}")
#: ASCII and Arabic punctuation, quotation marks and direction marks around words
_PUNCT = "".join(chr(c) for c in range(0x20, 0x7f) if not chr(c).isalnum()) + "«»“”„‹›،؛؟…–—‘’\u200f\u200e\xa0"
#: punctuation no word pattern of the package takes (word_runs strips it before a piece's isalpha)
_NO_WORD = "،,؛;:«»\"“”()[]؟?!"
OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")
#: the last guard against a pathological input: no single pattern call may run longer (seconds)
REGEX_TIMEOUT = 30.0


class CueMatch:
    """A reporting word found in a text, shaped like a regex match (start(), end(), group())."""
    __slots__ = ("_start", "_end", "_cue_start", "form", "_text", "_prefix_start")

    def __init__(self, text, start, cue_start, end, form, prefix_start=None):
        self._text, self._start, self._cue_start, self._end, self.form = text, start, cue_start, end, form
        self._prefix_start = start if prefix_start is None else prefix_start    # after a stray letter

    def start(self, group=0):
        return self._cue_start if group == "cue" else self._start

    def end(self, group=0):
        return self._end

    def group(self, name=0):
        if name == "prefix":
            return self._text[self._prefix_start:self._cue_start]
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


def word_runs(pattern, text, start=0, end=None, limit=None, strip=_NO_WORD):
    """``[(m.group(), m.start(), m.end()) for m in pattern.finditer(text, start, end)]``, the
    first ``limit`` of them, for a ``pattern`` of words that cannot cross a space, takes a run
    of letters whole and takes none of the characters of ``strip``.  A piece between two spaces
    that is all letters, once those characters around it are stripped, is one such word, told
    by ``str.isalpha`` in C; only the other pieces are searched, alone.  A search costs about a
    microsecond a word; most pieces of Arabic news are a bare word."""
    start, end, _ = slice(start, end).indices(len(text))      # (bounds read as the pattern reads them)
    out = []
    append = out.append
    at = start
    # (with a limit, the text past enough pieces stays one piece, searched whole if reached)
    for piece in text[start:end].split(" ", -1 if limit is None else 2 * limit + 8):
        if piece.isalpha():
            append((piece, at, at + len(piece)))
        elif piece:
            w = piece.strip(strip)
            if w.isalpha():     # a word with commas, colons, brackets or quotation marks around it
                j = at + piece.index(w)
                append((w, j, j + len(w)))
            else:
                out.extend((m.group(), at + m.start(), at + m.end()) for m in pattern.finditer(piece, timeout=REGEX_TIMEOUT))
        if limit is not None and len(out) >= limit:
            return out[:limit]
        at += len(piece) + 1
    return out


def words(text, folded=None, start=0, end=None):
    """(start, end, key) of every word of ``text[start:end]``; key is the normalized word.

    A word is a run of letters and marks (:data:`WORD_RE`), found by :func:`word_runs`: most
    pieces of text between two spaces are one word, with punctuation around it or not.
    Measured on the shared corpus (best of 7 or 9): 0.26-0.30 ms per article, against 0.44 for
    splitting on all whitespace and finding each token again, and 0.45 for the pattern alone."""
    end = len(text) if end is None else end
    if folded is None:      # (a fold keeps lengths: fold only the slice asked for)
        sub = fold_same_length(text[start:end] if start or end != len(text) else text)
    else:
        sub = folded[start:end] if start or end != len(folded) else folded
    # (the key: the folded word without the tatweel that stands for its marks)
    return [(start + s, start + e, w.replace("\u0640", "") if "\u0640" in w else w)
            for w, s, e in word_runs(WORD_RE, sub, strip=_PUNCT)]


def find_cues(text, rules, start=0, end=None, word_list=None):
    """Every reporting word in ``text[start:end]`` as a :class:`CueMatch`, in order."""
    if word_list is None:
        word_list = words(text, None, start, end)
    out = []
    forms = rules.forms
    max_len = rules.cue_max_len
    keys = rules.cue_keys
    # most words are no cue: keep those whose key is a cue's, or a verb's glued after a stray letter
    for ws, we, key in [w for w in word_list if w[2] in keys or w[2][1:2] == "و" and w[2][2:] in forms]:
        if ws < start or end is not None and we > end:
            continue
        if len(key) < 2 or len(key) > max_len:
            continue
        form = forms.get(key)
        cue_start = ws
        if form is None:
            last = text[we - 1]
            suffixed = last == "ه" or last == "ا" and key[-2:] == "ها" or last == "م" and key[-2:] == "هم"
            prefixed = key[0] in "وف" and len(key) > 3
            if not (suffixed or prefixed):
                if key[1] == "و" and ws and text[ws - 1] in "،,":
                    glued = _glued_after_comma(text, rules, ws, we, key)
                    if glued is not None:
                        out.append(glued)
                continue
            word = text[ws:we]
            form = lookup(rules, key, word) if suffixed else None
            if form is None and prefixed:
                form = lookup(rules, key[1:], word)
                if form is not None:
                    cue_start = ws + _skip_letter(word, 0)
        if form is not None:
            out.append(CueMatch(text, ws, cue_start, we, form))
    return out


def _glued_after_comma(text, rules, ws, we, key):
    """A clause's و + verb with a stray letter before it, glued to the comma that ends the
    previous clause: a typing slip ("ودعمهم،روأشار بأن الحملة" in Al Riyadh).  Only a past
    verb, and not after ل ("لوقال", if he said)."""
    if len(key) < 5 or key[0] == "ل":
        return None
    form = rules.forms.get(key[2:])
    if form is None or form.kind != "verb" or form.tense != "past":
        return None
    word = text[ws:we]
    conj = ws + _skip_letter(word, 0)
    return CueMatch(text, ws, conj + _skip_letter(text[conj:we], 0), we, form, prefix_start=conj)
