"""Segment a text into paragraphs, quotations and sentence ends, keeping every offset.

Quotation marks are paired per paragraph with a stack, so nested marks of different families
work, marks written in the wrong direction (``لـ”روسيا ...”``) pair with themselves, and a mark
left open ends at its paragraph's end: it never swallows the rest of the article.
"""
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

#: opening mark -> marks that may close it.  A mark that can close nothing open may open.
PAIRS = {
    "«": ("»", "«"), "“": ("”", "“"), "”": ("”", "“"), "„": ("“", "”"), "‹": ("›",),
    '"': ('"',), "&quot;": ("&quot;",), "''": ("''",), "‘": ("’",), "'": ("'",),
}
CLOSE_ONLY = {"»", "›", "’"}
REGEX_TIMEOUT = 30.0     # seconds: the last guard against a pathological input
MARK_RE = regex.compile(r"&quot;|''|[«»“”„‹›‘’\"']")
# a period ends a sentence when a space or the end follows (or a closing quotation mark and then a
# space: 'العالم ." وبعد') and no other period touches it
# ("د. بدر", "أ. محمد": a period after a one-letter word is an abbreviation)
# ("السوريين.وقال": a period between two Arabic words with no space still ends a sentence, but
# not between the letters of an abbreviation: "بي.بي.سي")
SENTENCE_END_RE = regex.compile(r"(?<![.])(?<!(?:^|[\s(\"'«“])\p{L})[.!?؟](?![.])(?=\s|$|[\"”»’](?:\s|$))|…(?=\s*\n)"
                                r"|(?<=[\u0621-\u064a]{3})\.(?=[\u0621-\u064a]{2})")


@dataclass
class Quote:
    """A quotation: the marks at [start, inner_start) and [inner_end, end)."""
    start: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool
    mark: str


@dataclass
class Paragraph:
    """A paragraph of a field, with its quotations and sentence ends (absolute offsets)."""
    start: int
    end: int
    quotes: list
    sentence_ends: list
    _starts: dict = None
    _qstarts: list = None
    #: where a complementizer may begin (set by quotes.attribute, from the text's words): a
    #: search for one starts at the first of these, not at every character; None: everywhere
    complementizer_starts: list = None

    def _index(self):
        if self._qstarts is None:
            self._qstarts = [q.start for q in self.quotes]
        return self._qstarts

    def quote_at(self, pos):
        """The outermost quotation whose opening mark starts at ``pos``, or None."""
        if not self.quotes:
            return None
        if self._starts is None:
            self._starts = {q.start: q for q in self.quotes}
        return self._starts.get(pos)

    def next_quote(self, start, end):
        """The first outermost quotation opening in [start, end), or None."""
        i = bisect_left(self._index(), start)
        if i < len(self.quotes) and self.quotes[i].start < end:
            return self.quotes[i]
        return None

    def inside_quote(self, pos):
        """The outermost quotation that contains ``pos`` (marks included), or None."""
        i = bisect_right(self._index(), pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def sentence_end_after(self, pos):
        """Offset of the first sentence end at or after ``pos`` (the paragraph's end if none)."""
        i = bisect_left(self.sentence_ends, pos)
        return self.sentence_ends[i] if i < len(self.sentence_ends) else self.end

    def sentence_start_before(self, pos):
        """Offset just after the last sentence end before ``pos`` (paragraph start if none)."""
        i = bisect_left(self.sentence_ends, pos) - 1
        return self.sentence_ends[i] + 1 if i >= 0 else self.start

    def has_quote(self, start, end):
        """Does a quotation open in [start, end)?"""
        return self.next_quote(start, end) is not None

    def ends_between(self, start, end):
        """Is there a sentence end in [start, end)?"""
        i = bisect_left(self.sentence_ends, start)
        return i < len(self.sentence_ends) and self.sentence_ends[i] < end


def _plausible(text, pos, length, opening):
    """For a symmetric ASCII mark: may it open (or close) here?"""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    if opening:
        if after.isspace() and text[max(0, pos - 3):pos].rstrip()[-1:] == ":":
            return True     # 'وقال سموه: " إن بلوغ ...': after a colon a mark opens, spaced or not
        return not after.isspace() and after not in "،,.:;؛"      # a word follows an opening mark
    return not before.isspace() or after.isspace() or after in "،,.:;"


#: what follows a mark that closes an unmarked quotation, never one that opens: spaces, then a
#: comma or a full stop (or the paragraph's end)
_PUNCTUATION_NEXT_RE = regex.compile(r"[ \t]*(?:[،,.;؛]|$)")


def pair_quotes(text, start, end):
    """Pair the quotation marks of ``text[start:end]``; returns the outermost :class:`Quote` list
    and all quotations (nested included) in order of their opening mark."""
    stack, found, reversed_ = [], [], set()
    marks = list(MARK_RE.finditer(text, start, end, timeout=REGEX_TIMEOUT))
    # an even number of straight double quotes pairs them in turn, whatever the spacing ("  إن")
    even = sum(1 for m in marks if m.group() == '"') % 2 == 0
    for m in marks:
        mark, pos = m.group(), m.start()
        if mark == '"' and even:
            if stack and stack[-1][0] == '"':
                opener, opos = stack.pop()
                found.append(Quote(opos, opos + 1, pos, m.end(), True, opener))
            else:
                stack.append((mark, pos))
            continue
        if stack and mark in PAIRS[stack[-1][0]] and (len(mark) > 1 or mark not in "\"'"
                                                       or _plausible(text, pos, len(mark), False)):
            opener, opos = stack.pop()
            found.append(Quote(opos, opos + len(opener), pos, m.end(), True, opener))
            if mark == opener and mark in "«“":
                reversed_.add(opos)     # «...« : closed the wrong way round, or a nested one opened
            continue
        if mark in CLOSE_ONLY or _PUNCTUATION_NEXT_RE.match(text, m.end(), end):
            continue    # (no quotation opens on a comma: "والبلبلة ” ، مؤكدا أن" closes colon speech)
        if mark == "'" and not _plausible(text, pos, 1, True):
            continue
        if mark in "\"'" and not _plausible(text, pos, len(mark), True):
            continue
        # a symmetric mark that could close an enclosing quotation closes it (no nesting of ")
        stack.append((mark, pos))
    # unclosed marks run to the paragraph's end, without its final full stop
    para_end = end
    while para_end > start and text[para_end - 1] in " \t\r":
        para_end -= 1
    for opener, opos in stack:
        inner_end = para_end
        if inner_end > opos and text[inner_end - 1] == ".":
            inner_end -= 1
        found.append(Quote(opos, opos + len(opener), max(inner_end, opos + len(opener)), para_end, False, opener))
    found.sort(key=lambda q: (q.start, -q.end))
    closed = [q for q in found if q.closed]
    closed_starts = [q.start for q in closed]
    breaks = _clause_breaks(text, start, para_end) if len(closed) < len(found) or reversed_ else []
    # (a quotation closed by its own opening mark may be one left open, a nested quotation's mark
    # taken for its end: '«لا يزال ... . وأكد بيان المجلس أن ... «فبركات إعلامية»' ends before وأكد)
    found = [_before_next_clause(text, q, breaks, force=True) if q.start in reversed_ else
             q if q.closed else _before_next_clause(text, _before_next_quote(text, q, closed, closed_starts), breaks)
             for q in found]
    found.sort(key=lambda q: (q.start, -q.end))
    outer = []
    for q in found:
        if outer and q.start < outer[-1].end:
            continue
        outer.append(q)
    return outer


LEAD_IN_REACH = 80      # characters before a quotation where its lead-in ("، مضيفا أن") lies
_LEAD_IN_RE = regex.compile(r"[،,]\s*(?:[\p{L}\p{M}]+\s*){1,3}:?\s*$")


def _before_next_quote(text, q, closed, closed_starts):
    """An unclosed quotation ends at a comma followed by a short lead-in to a closed quotation of
    its own ('إن هذه الاجراءات "تأتي في الوقت ...، مضيفا أن "الفساد ..."'): the lead-in is the
    reporter's, and the second quotation stands alone.  (``closed``: the closed quotations in
    order of their start, found by bisection; the lead-in is looked for in the last words only.)"""
    i = bisect_right(closed_starts, q.start)
    if i < len(closed) and closed[i].start < q.end:
        n = closed[i]
        m = _LEAD_IN_RE.search(text, max(q.inner_start, n.start - LEAD_IN_REACH), n.start)
        if m:
            end = m.start()
            while end > q.inner_start and text[end - 1] in " \t":
                end -= 1
            return Quote(q.start, q.inner_start, end, end, False, q.mark)
    return q


_WORD_AFTER_RE = regex.compile(r"\s*[\"”»’]?\s*([\p{L}\p{M}]+)")


def _clause_breaks(text, start, end):
    """The sentence ends of ``text[start:end]`` followed by a reporting verb after و or ف, which
    opens a clause of the reporter's: (where each sentence end starts, where it ends), in order
    (found once a paragraph, so that many unclosed quotations stay linear)."""
    out = []
    for m in SENTENCE_END_RE.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        w = _WORD_AFTER_RE.match(text, m.end())
        if w and _opens_reporting_clause(w.group(1)):
            out.append((m.start(), m.end()))
    return out


def _before_next_clause(text, q, breaks, force=False):
    """An unclosed quotation ends at the first of ``breaks`` inside it ('وقال: " الحمدالله على
    تحقيق هذا الإنجاز ... . وأبان أن البطولة تعد ...'): the quotation was left open, not continued.
    ``force``: a quotation closed by its own opening mark is read so too."""
    if q.closed and not force or q.inner_end <= q.inner_start:
        return q
    i = bisect_left(breaks, (q.inner_start, -1))
    if i < len(breaks) and breaks[i][1] <= q.inner_end:
        end = breaks[i][0]
        while end > q.inner_start and text[end - 1] in " \t":
            end -= 1
        return Quote(q.start, q.inner_start, end, end, False, q.mark)
    return q


def _opens_reporting_clause(word):
    """"وأبان", "فأضاف": a reporting verb of rules/cues.yml after و or ف."""
    from . import rules as rules_mod
    from .normalize import normalize
    w = normalize(word)
    if w[:1] not in ("و", "ف"):
        return False
    form = rules_mod.load().forms.get(w[1:])
    return form is not None and form.kind == "verb"


_LINE_END_RE = regex.compile(r"[.!?؟:\"”»)…]\s*$")


def _lines(text):
    """(start, end) of the non-blank lines of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip():
            out.append((start, end))
    return out


#: characters of a typical (median) line above which lines are paragraphs, not a fixed width
#: wrapping text (wrapped news runs 60-160 characters a line; an outlet whose paragraphs end
#: without a full stop still writes them hundreds of characters long)
WRAP_MAX_MEDIAN = 200


def _hard_wrapped(text, lines):
    """Text wrapped at a fixed width (most lines stop mid-sentence): lines are no paragraphs."""
    long = [(s, e) for s, e in lines if e - s > 25]
    if len(long) < 4 or sorted(e - s for s, e in long)[len(long) // 2] > WRAP_MAX_MEDIAN:
        return False
    open_ended = sum(1 for s, e in long if not _LINE_END_RE.search(text, s, e))
    return open_ended >= 0.6 * len(long)


#: no paragraph ends with a preposition or starts with a comma: a line broken around an embedded
#: link ("وأضاف «موسى»، في\nحسابه على «تويتر»\n، مساء السبت، أن «...»") is one paragraph
_OPEN_END_RE = regex.compile(r"(?<![\p{L}\p{M}])(?:في|فى|على|عبر|عن|من|إلى|الى|مع)\s*$")
_CONTINUED_RE = regex.compile(r"\s*[،,:؛;]")


#: nor does a link's text stand as a paragraph of its own: a few words, no punctuation, after a
#: line that stops mid-sentence with a space ("دليل على \nوجود بيئات رطبة\n على سطح الكوكب")
LINK_WORDS = 4
_LINK_RE = regex.compile(r"[\p{L}\p{M}\p{N} \t\xa0]+")
_SENTENCE_DONE_RE = regex.compile(r"[.!?؟:…]\s*$")


def _link_fragment(text, prev, line):
    s, e = line
    return (text[prev[1] - 1:prev[1]].isspace() and not _SENTENCE_DONE_RE.search(text, prev[0], prev[1])
            and len(text[s:e].split()) <= LINK_WORDS and _LINK_RE.fullmatch(text, s, e) is not None)


def _join_broken(text, lines):
    out = []
    fragment = False        # the line before was a link's text inside a sentence
    for i, (s, e) in enumerate(lines):
        prev = lines[i - 1] if i else None
        # the end of the line before only (12 characters hold any of the prepositions and the
        # spaces after it): joined runs of lines are never scanned again
        joins = out and (_CONTINUED_RE.match(text, s, e) or _OPEN_END_RE.search(text, max(prev[0], prev[1] - 12), prev[1])
                         or fragment and text[s:s + 1].isspace())
        fragment = bool(out) and _link_fragment(text, prev, (s, e))
        if joins or fragment:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _sentence_ends(text, para):
    """Sentence ends outside quotations; a quotation whose last words end a sentence ('العالم ."
    وبعد ...') ends it at its closing mark."""
    ends = []
    for m in SENTENCE_END_RE.finditer(text, para.start, para.end, timeout=REGEX_TIMEOUT):
        q = para.inside_quote(m.start())
        if q is None:
            ends.append(m.start())
        elif q.closed and m.start() < q.inner_end and not text[m.end():q.inner_end].strip():
            ends.append(q.end)
    return sorted(set(ends))


def paragraphs(text):
    """Split ``text`` into :class:`Paragraph` objects: one per non-blank line, or, in hard-wrapped
    text, one per run of lines ending where a line ends a sentence."""
    result = []
    lines = _join_broken(text, _lines(text))
    if _hard_wrapped(text, lines):
        merged, cur = [], None
        for s, e in lines:
            cur = (cur[0], e) if cur else (s, e)
            if _LINE_END_RE.search(text, s, e):
                merged.append(cur)
                cur = None
        if cur:
            merged.append(cur)
        lines = merged
    for start, end in lines:
        para = Paragraph(start, end, pair_quotes(text, start, end), [])
        para.sentence_ends = _sentence_ends(text, para)
        result.append(para)
    return result
