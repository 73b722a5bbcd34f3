"""Attribute: from a reporting cue to a statement (speaker mention, reported span, type).

Each function here reads one pattern of Arabic news and names it in the ``rule`` field of what
it returns, so that every statement says why the tool found it:

- ``verb``: a reporting verb, its speaker after it (verb first) or before it (subject first),
  then إن / أن / a colon / a quotation ("قال الرئيس ...، اليوم، إن ...").
- ``participle``: a participle continuing the sentence's statement ("، مضيفاً أن ...").
- ``relay``: "ونقلت عنه وكالات الأنباء قوله: ..." (speaker عنه, channel the agencies).
- ``according``: "بحسب / وفق / نقلاً عن X" attributes its clause to X.
- ``document``: "وجاء في البيان ...".
- ``headline``: "العريان: ..." at the head of a line.
- ``continued-quote``: a paragraph that opens with a quotation mark continuing an unclosed quote.
"""
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

import regex

from .normalize import normalize, strip_article
from .cues import find_cues, lookup as cue_lookup, word_runs, words as cue_words
from .mentions import Mention, classify, clean_token, grammar, parse_mention, pronoun_mention
from .rules import CueForm
from .segment import Quote, paragraphs

_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
_STRAY_MARKS = "\"«»“”"
_TRIM = " \t\r\n\xa0\u200e\u200f\u202f\u2009،,.:;؛-–—"   # (no-break and direction marks are spaces too)
_QUOTE_MARKS_RE = regex.compile(r"[\"«»“”„]")
_CLOSE_MARK_RE = regex.compile(r"[\"'»“”]")
_PRONOUN_END_RE = regex.compile(r"(?:ه|ها|هم|هما)$")
_AN_RE = regex.compile(r"(?<![\p{L}])عن(?:\s*(?P<pron>ه|ها|هم|هما)(?![\p{L}])|\s+)")
_QAWL_RE = regex.compile(r"قول(?:ه|ها|هم|هما)")
_HARAKAT_RE = regex.compile(r"[\u064B-\u0652]")
_CONJ_RE = regex.compile(r"^[وف]")
_DASH_ASIDE_RE = regex.compile(r"(?:^|\s)[-–—ـ](?:\s|$)")
_ARABIC_LETTER_RE = regex.compile(r"\p{Arabic}")
# "«الإبراشي» لـ«العامري»: ...": whom a headline's speaker addressed, after ل
# (ل with a tatweel or a quotation mark, ل + ال, or ل before two words: "بن لادن" is a name)
_HEAD_ADDRESSEE_RE = regex.compile(
    r"\s+(?:لـ\s*[\"«“]?|ل[\"«“]|ل(?=ل)|ل(?=\S+\s+\S))(?P<to>[^\"«“»”]+?)[\"»”]?\s*$")
MAX_SOURCED_CLAUSE = 600   # characters of the clause before بحسب / وفق that it attributes
MAX_CONTENT_SCAN = 3000    # characters of a reported clause searched for the reporter's next clause
_CONTRAST = {normalize(w) for w in ("حين", "بينما", "فيما", "لكن", "ولكن", "بيد")}
_RELATIVES = {normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")}
_SPEECH_HOST_RE = regex.compile(r"(?:أورد|نقل|بث|نشر)ت?(?:ها|ه)\s+")
MAX_BRIDGE = 260          # characters between a verb and its reported clause
MAX_PARTICIPLE_BRIDGE = 60
#: characters at most from the start of a reported clause to the verb of the subject it opens with
#: ("أن رئيس الوزراء المصري هشام قنديل أكد أن")
RELAYED_REACH = 120
#: words at most of an aside set off by commas after a speaker ("، في تصريح لـ«الوطن»،")
ASIDE_WORDS = 6
MAX_HEADLINE_TOKENS = 40


@dataclass
class Statement:
    """One attributed statement, before and after speaker resolution."""
    field: str
    start: int
    end: int
    type: str
    cue: str
    cue_start: int
    rule: str
    paragraph: int
    mention: Optional[Mention] = None
    mention_start: int = -1
    agree: str = ""
    inherit: bool = False       # a participle: the speaker of its sentence's statement
    channel: Optional[str] = None
    addressee: Optional[str] = None
    closed: bool = True         # False when a direct quote ran to its paragraph's end unclosed
    speaker: Optional[str] = None
    speaker_reason: Optional[str] = None
    entity: object = None


def _words(text, start, end):
    return word_runs(_WORD_RE, text, start, end)


def _count_words(text, start, end, cap):
    """The number of words in ``text[start:end]``, counted no further than ``cap`` (a long span
    is only ever compared with a small number)."""
    return len(word_runs(_WORD_RE, text, start, end, cap))


def _trim(text, start, end):
    """Shrink [start, end) past spaces and punctuation at both ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _is_name_quote(text, q, rules):
    """A quotation right after a word like اتفاقية، قناة، ندوة names something; nobody says it."""
    words = _words(text, max(0, q.start - 40), q.start)
    if not words:
        return False
    w = normalize(words[-1][0])
    if w[:1] in "لب" and len(w) > 3:
        w = w[1:]
    if w.startswith("ال"):
        # "بالجامعة «...»" is no name; "حق النقض “الفيتو”" is: definite heads only from name_heads
        return w in rules.term_heads or w[2:] in rules.term_heads
    return w in rules.name_heads or "ال" + w in rules.name_heads


def _is_label_quote(text, para, q, limit, rules, cue_end=None):
    """A quoted name, not speech: a short quotation followed by the real opener names a speaker,
    a platform or a programme ("وأضاف «موسى»، ... أن «...»", "عبر حسابه على موقع "تويتر"، "...",
    "قال عمرو موسى "رئيس حزب المؤتمر" أن"); so does a quoted name right after the verb or after
    لـ ("كما أكد "العيد" في ردٍّ ...", "أكد لـ "الاقتصادية" مختصون")."""
    inner = text[q.inner_start:q.inner_end]
    n = _count_words(text, q.inner_start, q.inner_end, 12)
    kind = parse_mention(inner, rules).kind if n <= 10 else "none"
    before = text[max(para.start, q.start - 4):q.start].rstrip()
    if n <= 3 and kind in ("person", "institution") and (
            before.endswith(("لـ", " ل")) or cue_end is not None and not text[cue_end:q.start].strip()):
        return True
    if n <= 4 and kind == "institution" and classify(clean_token(_words(text, q.inner_start, q.inner_end)[0][0]), rules) == "INST":
        return True        # "اتهمت المعارضة «حزب الله» ...": a party's name
    prev = _words(text, max(para.start, q.start - 25), q.start)
    last = classify(normalize(prev[-1][0]), rules) if prev else None
    if n <= 3 and kind == "person" and (last == "TITLE" or last == "DEF" and (
            n == 1 or len(prev) > 1 and classify(normalize(prev[-2][0]), rules) in ("TITLE", "INST", "DEF"))):
        # "ما صرحت به الناشطة السياسية "داليا زيادة"": the speaker's name after his title (after
        # his own name, as in "قال الحداد “لن نتراجع”", the quotation is what he said)
        return True
    # right after the verb, a short quotation followed by the real opener is the speaker's name
    # ("أكد «المرصد السوري لحقوق الإنسان» أن ..."); otherwise it is what was said ("وقال «لن نتراجع»")
    adjacent = cue_end is not None and not text[cue_end:q.start].strip() and n <= 6
    if not adjacent and n > 5 and kind not in ("person", "title", "institution"):
        return False       # longer than a name or a title: speech
    if not adjacent and 3 < n <= 5 and kind not in ("person", "title"):
        return False
    j = q.end
    while j < limit and text[j] in " \t،,-–—(":
        j += 1
    window = text[j:limit]
    if not window:
        return False
    nxt = para.quote_at(j)
    if nxt is not None or window[:1] == ":":
        return True
    m = rules.complementizer_re.search(text, j, limit)
    colon = text.find(":", j, limit)
    ends = [x for x in (m.start() if m else -1, colon) if x >= 0]
    if not ends or _count_words(text, j, min(ends), 13) > 12:
        return False
    # the opener must be this verb's, not a participle's ("وقال «لن نتراجع»، مضيفا أن ...")
    return not find_cues(text, rules, j, min(ends))


def _complementizers(text, para, start, limit, rules):
    """``rules.complementizer_re.finditer(text, start, limit)``, searched from the first place
    one may begin (``para.complementizer_starts``) rather than from ``start``."""
    at = para.complementizer_starts
    if at is not None:
        i = bisect_left(at, start)
        if i == len(at) or at[i] >= limit:
            return ()
        start = at[i]
    return rules.complementizer_re.finditer(text, start, limit)


def _opener(text, para, start, limit, rules, cue_starts):
    """The first thing after ``start`` that opens reported content.

    Returns (kind, pos, content_start, quote) with kind 'comp', 'colon' or 'quote', or None when
    another cue, a sentence end or ``limit`` comes first."""
    best = None
    m = None
    for m in _complementizers(text, para, start, limit, rules):
        prev = _words(text, max(0, m.start() - 25), m.start())
        if m.group("prep") is None and prev and normalize(prev[-1][0]) in rules.not_complementizer_after:
            continue
        after = _words(text, m.end(), min(len(text), m.end() + 25))[:1]
        if after and normalize(after[0][0]) in rules.not_complementizer_before:
            continue      # "بان كي مون": a name; no clause opens with كي
        if para.inside_quote(m.start()):
            continue
        if text[m.start("comp")] == "آ":
            continue      # "في آن معاً": the noun "time", never إن/أن
        best = ("comp", m.start(), m.end(), None)
        break
    stop = best[1] if best else limit
    colon = text.find(":", start, stop)
    while colon >= 0 and para.inside_quote(colon):
        colon = text.find(":", colon + 1, stop)
    if colon >= 0 and best is not None and not text[colon + 1:best[1]].strip():
        colon = -1      # "وقالت السلطات التركية: إن الانتحاري ...": the words after إن, as without the colon
    if colon >= 0:
        stop = colon
        best = ("colon", colon, colon + 1, None)
    pos = start
    while True:
        q = para.next_quote(pos, stop)
        if q is None:
            break
        if _is_name_quote(text, q, rules) or _is_label_quote(text, para, q, limit, rules, start):
            pos = q.start + 1
            continue
        best = ("quote", q.start, q.start, q)
        break
    if best is None:
        return None
    i = bisect_left(cue_starts, start)
    while i < len(cue_starts) and cue_starts[i] < best[1]:
        # a cue inside an aside set off by dashes ("في بيان - نقلت قناة ... منه - إن") blocks nothing
        if not _DASH_ASIDE_RE.search(text, start, cue_starts[i]):
            return None
        i += 1
    return best


def _bare_speech(text, start, sent_end, rules):
    """"قائلاً نحن مستمرون": the speaker's words right after the participle, as an opener
    ('bare', pos, content_start, None), or None when a preposition or pronoun ("قائلاً له")
    or nothing but punctuation follows."""
    words = _words(text, start, min(sent_end, start + 60))     # the first two words are enough
    if len(words) < 2 or text[start:words[0][1]].strip():
        return None
    first = normalize(words[0][0])
    if first in rules.prepositions or first in rules.complementizers or first.startswith("ل") and len(first) <= 4:
        return None
    return ("bare", words[0][1], words[0][1], None)


def _inner_verb(text, para, cstart, rules, cue_starts):
    """Where the words after a colon begin when they begin with a reporting verb that opens no
    words of its own ("وقال مصدر مسؤول: أعلنت حالة استنفار"), so that the verb is part of what
    was said; ``cstart`` otherwise ("قال: قال رسول الله ...: «...»" is another statement)."""
    words = _words(text, cstart, min(para.end, cstart + 40))[:1]
    if not words or words[0][1] not in cue_starts[bisect_left(cue_starts, words[0][1]):][:1]:
        return cstart
    end = words[0][2]
    limit = min(para.end, para.sentence_end_after(end), end + MAX_BRIDGE)
    return words[0][1] if _opener(text, para, end, limit, rules, cue_starts) is None else cstart


def _comma_speech(text, start, limit, rules):
    """"وقال المتحدث بهيئة الهلال الأحمر بجازان بيشي الصرخي، تلقت غرفة العمليات بلاغا": a
    named subject set off by a comma, then the speaker's words with no إن, colon or quotation
    mark, as an opener ('comma', pos, content_start, None), or None.  Not when the comma begins
    an aside: a title ("، رئيس ..."), a time ("، الاثنين"), a preposition ("، في تصريح") or whom
    he told ("، لـ«الوطن»")."""
    comma = min((i for i in (text.find("،", start, limit), text.find(",", start, limit)) if i >= 0), default=-1)
    got = _bridge_mention(text, start, comma, rules) if comma > start else None
    if not got or not (got[0].kind in ("institution", "anonymous") or got[0].kind == "person" and got[0].name
                       and any(classify(clean_token(w), rules) == "TITLE" for w in got[0].title.split())) \
            or _trim(text, got[1] + len(got[0].text), comma + 1)[0] <= comma:
        return None     # (a titled name or a body: "فقالت افسح الطريق، أو" is a story's line)
    words = _words(text, comma + 1, min(limit, comma + 200))
    if len(words) < 4 or text[comma + 1:words[0][1]].strip():
        return None
    first = normalize(words[0][0])
    if first in rules.complementizers or first in rules.clause_particles or first.startswith("ل") \
            or classify(clean_token(words[0][0]), rules) == "TITLE" or _is_cue_word(first, rules):
        return None
    if (first in rules.prepositions or first in rules.mention_stops) \
            and (any(c in text[comma + 1:words[min(len(words), ASIDE_WORDS) - 1][2]] for c in "،,")
                 or normalize(words[1][0]) in rules.speech_nouns):
        # an aside: set off by commas ("، الاثنين، ...") or where he spoke ("، في تصريح للصحفيين");
        # not "، بعد الوصول الى الموقع تم فرز الحالات"
        return None
    return ("comma", comma, words[0][1], None)


def _content(text, para, cstart, stop):
    """Span and type of the reported content starting at ``cstart``."""
    while cstart < para.end and (text[cstart] in "،," or text[cstart].isspace()):
        cstart += 1     # (a no-break space too: 'ستيفانو بروكا:\xa0 "منذ أن ..."')
    q = para.quote_at(cstart)
    sent_end = para.sentence_end_after(cstart)
    end = min(sent_end, stop)
    if q is not None:
        after = q.end
        while after < para.end and text[after].isspace():
            after += 1
        # the quotation is the whole content when the sentence or clause ends with it; a quoted
        # word or two before a comma is the clause's subject ("أن "العريان"، يؤكد لنا أنه ...")
        short = _count_words(text, q.inner_start, q.inner_end, 3) <= 2
        if after < para.end and text[after] in "،,.;؛!؟?" and not (short and text[after] in "،,"):
            after = end
        while after < para.end and (text[after] in "،,.:;؛!؟?" or text[after].isspace()):
            after += 1
        if after >= end or after >= para.end:
            s, e = _trim(text, q.inner_start, q.inner_end)
            return s, e, "direct", q.closed
    s, e = _trim(text, cstart, end)
    if e <= s:
        return None
    kind = "mixed" if para.has_quote(s, e) else "indirect"
    if kind == "indirect":
        # a mark that pairs with nothing is no part of the words ('... واستقبال الركاب "')
        while e > s and text[e - 1] in _STRAY_MARKS:
            s, e = _trim(text, s, e - 1)
        while e > s and text[s] in _STRAY_MARKS:
            s, e = _trim(text, s + 1, e)
        if e <= s:
            return None
    return s, e, kind, True


def _channel(text, start, end, rules):
    """A medium that relays the statement, named between the cue and the content."""
    m = _SPEECH_HOST_RE.search(text, start, end)
    words = _words(text, start, end)
    first = None
    if m:
        first = next((i for i, w in enumerate(words) if w[1] >= m.end()), None)
    else:
        for i, (w, s, e) in enumerate(words):
            n = normalize(w)
            if n in rules.media_heads or (n[:1] == "ل" and n[1:] in rules.media_heads):
                first = i
                break
    if first is None:
        return None
    out = []
    for j in range(first, len(words)):
        w = normalize(words[j][0])
        if j > first and (w in rules.mention_stops or w in ("نشرت", "نشر", "التي", "الذي")):
            break
        out.append(words[j])
        between = text[words[j][2]: words[j + 1][1]] if j + 1 < len(words) else ""
        if any(c in between for c in "،,:(.") or len(out) >= 6:
            break
    if not out:
        return None
    s, e = out[0][1], out[-1][2]
    chan = text[s:e]
    if normalize(chan)[:1] == "ل" and normalize(chan)[1:].split(" ")[0] in rules.media_heads:
        chan = chan[1:].lstrip("ـ")
    return _QUOTE_MARKS_RE.sub("", chan).strip() or None


_RESUMPTIVES = {"فيه", "فيها", "خلاله", "خلالها", "عبره", "عبرها"}
_RESUMPTIVE_RE = regex.compile(r"[\p{L}\p{M}]+\s+(?:" + "|".join(sorted(_RESUMPTIVES)) + r")(?![\p{L}\p{M}])")


def _resumptive_after(text, cue_start):
    """"رسالة كتب فيها:", "في بيان أكد فيه أن": a verb of a relative clause, a real verb."""
    return _RESUMPTIVE_RE.match(text, cue_start) is not None


def _is_cue_word(key, rules):
    """Is the normalized word a reporting word, with or without و/ف before it?"""
    return cue_lookup(rules, key) is not None or len(key) > 3 and key[0] in "وف" and cue_lookup(rules, key[1:]) is not None


#: characters looked back from a verb for its clause's start: a subject or a governing cue
#: stands within a few words, and a longer look would make a text of many cues quadratic
MAX_CLAUSE_BACK = 300


def _clause_before(text, para, cue_start):
    """The words of the clause before ``cue_start``: from the sentence start or the last comma,
    colon, bracket or dash outside quotations; None when it starts further back than
    :data:`MAX_CLAUSE_BACK` characters."""
    clause = max(para.sentence_start_before(cue_start), para.start)
    floor = max(clause, cue_start - MAX_CLAUSE_BACK)
    for i in range(cue_start - 1, floor - 1, -1):
        if text[i] in "،,:؛;()-–—" and not para.inside_quote(i):
            return _words(text, i + 1, cue_start)
    return _words(text, clause, cue_start) if floor == clause else None


def _in_cue_clause(text, para, cue_start, rules):
    """A bare verb form inside the clause of another reporting word is a verbal noun or an
    embedded verb ("وشدد على ضرورة كشف مخططات ...", "كما أكد العيد في ردٍّ على سؤال أن"): it
    reports nothing and bounds nothing.  Not "وتابع يقول:" (right after the cue, the speech
    goes on), nor a relative clause's verb ("رسالة كتب فيها:")."""
    words = _clause_before(text, para, cue_start) or []
    while words and normalize(words[0][0]) in rules.clause_particles:
        words = words[1:]
    return len(words) > 1 and _is_cue_word(normalize(words[0][0]), rules) and not _resumptive_after(text, cue_start) \
        and normalize(words[-1][0]) not in rules.clause_openers


def _subject_before(text, para, cue_start, rules):
    """For a verb written without و/ف: a subject standing before it ("بوتين قال", "لكنه أشار")."""
    words = _clause_before(text, para, cue_start)
    if words is None:
        return None         # too long a clause to be a subject
    if not words:
        return None
    # "...، في حين قال العلوي", "...، بينما رأى", "...، لكن المعارضة تقول": the reporter opens a
    # contrasting clause of his own; what comes before it is another statement, not this verb's
    turn = max((k for k, (w, _, _) in enumerate(words) if normalize(w) in _CONTRAST and k > 0), default=None)
    if turn is not None:
        words = words[turn + 1:]
        if not words:
            return None
    if normalize(words[-1][0]) in ("قد", "وقد") and len(words) > 2 and normalize(words[0][0]) in rules.clause_particles:
        words = words[:-1]        # "وكانت الوزيرة ... قد قالت": the subject stands between كان and قد
    elif normalize(words[-1][0]) in rules.subject_follows:
        return None
    if any(normalize(w) in rules.complementizers for w, _, _ in words) and not (
            len(words) > 2 and normalize(words[0][0]) in ("غير", "الا", "بيد", "وغير")):
        return "embedded"
    while words and normalize(words[0][0]) in rules.clause_particles:
        words = words[1:]
    # "غير أن المشاركين ... قالوا": a connective, not a reported clause
    if len(words) > 2 and normalize(words[0][0]) in ("غير", "الا", "بيد") and normalize(words[1][0]) in ("ان", "انه"):
        words = words[2:]
    if not words or len(words) > 10:
        return None
    first = normalize(words[0][0])
    if first in rules.mention_stops or first[:1] == "و" and first[1:] in rules.mention_stops:
        return None     # "وعن اختياره لهذا التوقيت قال": a topic, not a subject
    pron = pronoun_mention(words[0][0], rules) if len(words) == 1 else None
    if pron:
        return pron, words[0][1]
    s = words[0][1]
    men = parse_mention(text[s:cue_start], rules)
    if men.kind in ("none", "pronoun"):
        return None
    used = len(_words(men.text, 0, len(men.text)))
    if len(words) - used > 1:
        return None
    return men, s


def _ends_cleanly(text, got, rules):
    """Does a mention end where a phrase ends (punctuation or a stop word follows), so that it is
    not a name running into the verb's object ("يستبعد بوتين “تعاوناً ...”")?"""
    men, start = got
    end = start + len(men.text)
    rest = text[end:end + 30].lstrip(" \t")
    if not rest or rest[0] in "،,.:؛;(-–—":
        return True
    nxt = _words(text, end, end + 30)
    return bool(nxt) and normalize(nxt[0][0]) in rules.mention_stops and not any(c in text[end:nxt[0][1]] for c in "\"“”«»")


def _after_clause(text, para, pos, rules):
    """Does a clause end right before ``pos`` (a comma, or a reporting verb: "وأردفت قائلة")?"""
    before = text[max(para.start, pos - 3):pos].rstrip()
    if before[-1:] in ("،", ",", ":", "؛", ";", "\"", "”", "»"):
        return True
    prev = _words(text, max(para.start, pos - 20), pos)
    found = find_cues(text, rules, prev[-1][1], prev[-1][2]) if prev else []
    return bool(found) and found[0].form.kind == "verb"


def opens_with_adjunct(words, rules):
    """Do ``words`` (from :func:`_words`) open with an adjunct of two words that turns to a
    speaker ("من جانبه", "من جهتها": rules/speakers.yml sentence_adjuncts)?"""
    return len(words) > 1 and normalize(words[0][0] + " " + words[1][0]).strip("،, ") in rules.sentence_adjuncts


def _after_adjunct(text, para, pos, rules):
    """Is ``pos`` right after such an adjunct opening its sentence ("من جانبه بين ...")?"""
    words = _words(text, para.sentence_start_before(pos), pos)
    return len(words) == 2 and opens_with_adjunct(words, rules)


_SPACE_RE = regex.compile(r"\s+")


def _complementizer_next(text, pos, rules):
    """Does إن/أن (after a preposition or not: "إلى أن") come right after ``pos``?"""
    space = _SPACE_RE.match(text, pos)
    return space is not None and rules.complementizer_re.match(text, space.end()) is not None


def _after_relative(text, para, pos):
    prev = _words(text, max(para.start, pos - 12), pos)
    return bool(prev) and normalize(prev[-1][0]) in ("الذي", "التي", "ما", "مما", "كما")


def _amma_before(text, para, cue_start):
    """"أما الوزير فقال": a topic introduced by أما, taken up by a verb with ف."""
    start = para.sentence_start_before(cue_start)
    words = _words(text, start, cue_start)
    return bool(words) and normalize(words[0][0]) in ("اما", "واما") and len(words) <= 8


def _speech_noun_opens(text, para, m, matches, rules):
    """Does "بقوله" / "لقوله" at ``m`` open a statement of its own?  Not right after a verb and
    its subject, before the verb's words ("واختتم «العريان» بقوله: «...»", "وأضافت بقولها إن"):
    it says how they spoke.  Otherwise only where it continues a reporting sentence ("كما أشار
    "العيد" ... إلى عدم وجود برامج، بقوله: ...") or cites scripture ("لقوله تعالى: ..."): after
    another verb ("ونصح الفاشلين سياسيا ... بقوله") its subject is not to be guessed."""
    prev = matches[-1][0] if matches and not para.ends_between(matches[-1][0].end(), m.start()) else None
    if prev is not None and matches[-1][1].kind == "verb" and _count_words(text, prev.end(), m.start(), 5) <= 4 \
            and ":" not in text[prev.end():m.start()] \
            and not rules.complementizer_re.search(text, prev.end(), m.start()):
        return False        # (four words hold a subject, a quoted name ("«العريان»") included)
    if prev is not None:
        return True
    words = _words(text, m.end(), min(para.end, m.end() + 40))
    return bool(words) and _eulogy_mention(text, words[0][1], words, rules) is not None


def _eulogy_mention(text, s, words, rules):
    """"قال صلى الله عليه وسلم: ...", "لقوله تعالى: ...": the one the eulogy praises, or None."""
    if not words or normalize(words[0][0]) not in rules.eulogy_firsts:
        return None
    keys = tuple(normalize(w) for w, _, _ in words[:max(map(len, rules.eulogies))])
    for eulogy, praised in rules.eulogies.items():
        if keys[:len(eulogy)] == eulogy:
            return Mention(text[s:words[len(eulogy) - 1][2]], "person", name=praised), s
    return None


def _bridge_mention(text, start, end, rules, partial=False):
    """The speaker named between a verb and its content (verb first)."""
    s, e = _trim(text, start, end)
    words = _words(text, s, min(e, s + 40))
    if len(words) > 1 and normalize(words[0][0]) in _RESUMPTIVES:
        before = _words(text, max(0, start - 30), start)
        if len(before) > 1 and normalize(before[-2][0]) in _RELATIVES:
            # "في الوقت الذي أفادت فيه تقارير إخبارية بأن": the relative clause's pronoun, then
            # the subject (not "أن يذكر فيها اسمه": a verse, no relative clause)
            s = words[1][1]
            words = words[1:]
    got = _eulogy_mention(text, s, words, rules)
    if got:
        return got
    if s + 1 < e and text[s] == "ل" and text[s + 1] in "ـ \"'«“”„":
        return None         # "أكدوا لـ«الدستور الأصلي» أن": whom they told, not who spoke
    if s < e and text[s] in "\"'«“”„":
        # "وأضاف «العريان» في ...", "وأوضح "الحريري" حقيقة ...": a quoted name, and only that
        close = _CLOSE_MARK_RE.search(text, s + 1, e)
        if close:
            e = close.start()
        s += 1
        men = parse_mention(text[s:e], rules)
        if men.kind in ("none", "title") and 0 < _count_words(text, s, e, 7) <= 6:
            # "أكد «المرصد السوري لحقوق الإنسان»": a quoted name is a name, whatever its words
            name = text[s:e].strip()
            institution = normalize(name).startswith("ال") and _count_words(text, s, e, 2) > 1
            men = Mention(name, "institution" if institution else "person", name=name,
                          title=name if institution else "")
        return (men, s) if men.kind != "none" else None
    if e <= s:
        return None
    if partial:
        # "أكد زعيم كوريا الشمالية دعمه لـ“...”": the object (a word with a pronoun suffix) ends it
        words = _words(text, s, e)
        for w, ws, we in words[1:]:
            if _PRONOUN_END_RE.search(w):
                e = ws
                break
    men = parse_mention(text[s:e], rules, name_first=True)
    if men.kind in ("none", "pronoun"):
        return None     # ("وقال لها إن", "قال عنه": after the verb a pronoun is whom he told or spoke of)
    return men, s


def after_mention_end(mention, mention_start, default):
    """Offset just after a mention written after the cue, else ``default``."""
    if mention is not None and mention_start >= default:
        return mention_start + len(mention.text)
    return default


def _verb_opener(text, para, m, form, rules, blockers):
    """What opens the words a verb or participle at ``m`` reports (see :func:`_opener`), or None."""
    ce = m.end()
    participle = form.kind == "participle"
    sent_end = para.sentence_end_after(ce)
    limit = min(para.end, ce + (MAX_PARTICIPLE_BRIDGE if participle else MAX_BRIDGE), sent_end)
    op = _opener(text, para, ce, limit, rules, blockers)
    if participle and normalize(form.lemma) in rules.bare_speech:
        bare = _bare_speech(text, ce, sent_end, rules)
        first = _words(text, bare[2], min(sent_end, bare[2] + 40))[:1] if bare is not None else []
        if bare is not None and (op is None or _is_cue_word(normalize(first[0][0]), rules)):
            op = bare       # "قائلاً أفادت الجامعة بأن ...": his words begin with the verb
    if op is None and form.kind == "verb" and form.tense == "past" and not form.relay \
            and normalize(form.lemma) in rules.comma_speech \
            and normalize(m.group("prefix")) == "و":
        op = _comma_speech(text, ce, limit, rules)      # (a verb at its sentence's head)
    if form.kind == "verb" and form.tense == "past" and normalize(m.group("prefix")) == "و" \
            and normalize(form.lemma) in rules.interjection_verbs:
        # (the words begin at once: an إن further on is inside them, "... بأنهم جزء من المجتمع")
        op = _unmarked_speech(text, ce, sent_end, rules) or op
    return op


def _unmarked_speech(text, start, sent_end, rules):
    """"واضاف تمت الاستعانة ...": the speaker's words right after the verb, when they open with a
    word no subject begins (rules/cues.yml speech_openers), as an opener ('unmarked', pos,
    content_start, None), or None."""
    words = _words(text, start, min(sent_end, start + 40))[:2]
    if len(words) < 2 or text[start:words[0][1]].strip() or normalize(words[0][0]) not in rules.speech_openers:
        return None
    return ("unmarked", words[0][1], words[0][1], None)


def _relay_mention(text, ce, bridge_end, kind, rules):
    """"ونقلت عنه الوكالة قوله": the speaker after عن (a pronoun or a mention) and the channel that
    relays; (mention, its start, channel), or None when the verb relays nothing here."""
    mention, mention_start = None, -1
    rm = _AN_RE.search(text, ce, bridge_end)
    qm = _QAWL_RE.search(text, ce, bridge_end)
    if not rm or not (qm or kind == "comp"):
        return None
    rs, re_ = rm.start(), rm.end()
    qs = qm.start() if qm else bridge_end
    if rm.group("pron"):
        mention = pronoun_mention("عن" + rm.group("pron"), rules)
        mention_start = rs
        channel_span = (re_, qs) if re_ < qs else (ce, rs)
        if _trim(text, *channel_span)[1] <= _trim(text, *channel_span)[0]:
            channel_span = (ce, rs)
    else:
        got = _bridge_mention(text, re_, qs, rules)
        if got:
            mention, mention_start = got
        channel_span = (ce, rs)
    a, b = _trim(text, *channel_span)
    return mention, mention_start, _QUOTE_MARKS_RE.sub("", text[a:b]).strip() or None


def _verb_mention(text, para, m, participle, bridge_end, kind, rules, subject=None):
    """Who a verb or participle at ``m`` names as its speaker: before it (subject first) or in the
    words up to ``bridge_end``; (mention or None, its start, channel), or None when the verb is
    inside another reported clause.  ``subject``: (mention, start) read already."""
    cs, ce = m.start(), m.end()
    mention, mention_start = None, -1
    if subject is not None:
        mention, mention_start = subject
    elif participle:
        s = _trim(text, ce, bridge_end)[0]
        got = _eulogy_mention(text, s, _words(text, s, min(bridge_end, s + 40)), rules)
        if got:
            mention, mention_start = got
    else:
        prefix = normalize(m.group("prefix"))
        if not prefix or prefix == "ف" and _amma_before(text, para, cs):
            got = _subject_before(text, para, cs, rules)
            if got == "embedded":
                return None     # "خاصة أن بعضهم أعلن ...": a verb inside a reported clause
            if got and got[0].kind == "person" and not got[0].title and len(got[0].name.split()) == 1 \
                    and text[ce:bridge_end].lstrip()[:1] in "«“\"":
                # "وفي شأن، آخر قالت «نولاند» إن": the quoted name after the verb is its
                # subject; a lone word before it is not
                got = _bridge_mention(text, ce, bridge_end, rules) or got
            if got:
                mention, mention_start = got
        if mention is None:
            got = _bridge_mention(text, ce, bridge_end, rules, partial=(kind == "quote"))
            if got and text[ce:ce + 1] in "،," \
                    and text[got[1] + len(got[0].text):got[1] + len(got[0].text) + 3].lstrip()[:1] not in "،,":
                # after a comma right after the verb, a subject is set off by commas ("أدان،
                # أحمد فهمي، كذلك"); "تابع، الأول يتعلق بمفهوم جديد" begins what he said
                got = None
            if got:
                mention, mention_start = got
    after_mention = ce
    if mention is not None and mention_start >= ce:
        after_mention = mention_start + len(mention.text)
    return mention, mention_start, _channel(text, after_mention, bridge_end, rules)


def verb_statement(text, para, m, form, rules, cue_starts, field, pindex, blockers=None, subject=None):
    """A statement introduced by a reporting verb or participle at match ``m``, or None."""
    cs, ce = m.start(), m.end()
    cue_text = m.group("cue")
    participle = form.kind == "participle"
    op = _verb_opener(text, para, m, form, rules, cue_starts if blockers is None else blockers)
    if op is None:
        return None
    kind, opos, cstart, q = op
    bridge_end = opos
    if form.conjoined_only and any(w[:1] == "و" and len(w) > 2 for w, _, _ in _words(text, ce, opos)):
        return None     # "وبين واشنطن وأنقرة": two nouns joined by و, "between"
    addressee = None
    am = rules.addressee_re.search(text, ce, bridge_end)
    if am:
        a, b = _trim(text, am.end(), bridge_end)
        addr = parse_mention(text[a:b], rules)
        addressee = (addr.name or addr.title or text[a:b]) if addr.kind != "none" else None
        bridge_end = am.start()
    if form.relay:
        got = _relay_mention(text, ce, bridge_end, kind, rules)
        if got is None:
            return None
        mention, mention_start, channel = got
        rule = "relay"
    else:
        rule = "participle" if participle else "verb"
        got = _verb_mention(text, para, m, participle, bridge_end, kind, rules, subject)
        if got is None:
            return None
        mention, mention_start, channel = got
    # the reported content
    # after a colon, the words may begin with a verb of their own ("وقال مصدر: أعلنت حالة
    # استنفار"): that verb is what he said, not the next statement
    i = bisect_right(cue_starts, _inner_verb(text, para, cstart, rules, cue_starts) if kind == "colon" else ce)
    stop = min(cue_starts[i], para.end) if i < len(cue_starts) else para.end
    brk = rules.content_break_re.search(text, ce, min(stop, para.sentence_end_after(ce), ce + MAX_CONTENT_SCAN))
    if brk is not None and not para.inside_quote(brk.start()):
        stop = brk.start()
    if kind == "quote":
        before = text[q.start - 1] if q.start > 0 else " "
        tail = _words(text, ce, q.start)
        last = normalize(tail[-1][0]) if tail else ""
        got = _content(text, para, q.start, stop)
        if not got:
            return None
        s, e, typ, closed = got
        object_words = _count_words(text, max(after_mention_end(mention, mention_start, ce), ce), q.start, 5)
        if object_words > 4 and not (typ == "direct" and _count_words(text, s, e, 4) >= 4):
            return None     # "أشار إلى تصريحات ... “الناتو”": a noun phrase, not speech
        between = {normalize(w) for w, _, _ in _words(text, max(after_mention_end(mention, mention_start, ce), ce), q.start)}
        opens = _words(text, q.inner_start, q.inner_end)[:1]
        speech = bool(opens) and normalize(opens[0][0]) in rules.complementizers   # "«إنني أفنيت حياتي ...»"
        if typ != "direct" or (not before.isspace() and before not in ":،,(") or last in rules.prepositions \
                or between & rules.prepositions - {"في", "فى"} and not speech:
            s, e = _trim(text, q.inner_start, q.inner_end)
            typ, closed = "partial", q.closed
            if _count_words(text, s, e, 2) < 2:
                return None     # "تطالب بتعويضات مالية "ديات"": one quoted word is a term, nobody's words
    else:
        got = _content(text, para, cstart, stop)
        if not got:
            return None
        s, e, typ, closed = got
        if kind == "bare" and typ == "indirect":
            typ = "direct"      # the speaker's own words, only without quotation marks
        e = _narration_resumes(text, para, s, e, mention, rules)
    if e - s < 2:
        return None
    if form.kind == "verb" and form.tense == "present" and form.agree == "m" and mention is None \
            and kind == "comp" and (para.sentence_start_before(cs) >= cs - 2 or _after_relative(text, para, cs)
                                    or normalize(m.group("cue")) in rules.impersonal_forms):
        return None     # "يذكر أن ...", "الذي يُتوقع أن ...", "ويتوقع أن": impersonal, nobody is quoted
    cue_word = text[cs:ce]
    if m.group("prefix"):
        cue_word = cue_text
    return Statement(field, s, e, typ, _HARAKAT_RE.sub("", cue_word), cs, rule, pindex,
                     mention=mention, mention_start=mention_start, agree=form.agree,
                     inherit=participle, channel=channel, addressee=addressee, closed=closed)


def _narration_resumes(text, para, s, e, mention, rules):
    """Where the reporter's narration takes over an unquoted clause: at "، وضرب الصيني أمثلة",
    a new verb whose subject is the speaker's own family name ("وشدد الصيني على أن ...، وضرب
    الصيني أمثلة ..."); ``e`` when it does not."""
    if mention is None or mention.kind != "person" or not mention.name:
        return e
    family = strip_article(normalize(mention.name.split()[-1]))
    if len(family) < 3:
        return e
    words = _words(text, s, e)
    for (w, ws, _), (nxt, _, _) in zip(words, words[1:]):
        if w[:1] == "و" and len(w) > 3 and strip_article(normalize(nxt)) == family \
                and text[s:ws].rstrip()[-1:] in "،," and not para.inside_quote(ws):
            return _trim(text, s, text.rfind(text[s:ws].rstrip()[-1], s, ws))[1]
    return e


def _conjoined(rest):
    """Does the word after a و read as a word of its own ("واندلعت", "وفي"), not as "وزارة"?"""
    n = normalize(rest[:6])
    return n.startswith(("ال", "في", "فى", "علي", "من", "ان", "ا", "ت", "ي", "ن"))


def _source_like(men, rules):
    """Can the words after بحسب / وفق name a source?  Not words with a possessive pronoun, which
    name a thing ("حسب أمزجة فقهائهم يصنفون"), not a norm or a plan ("وفق أفضل المعايير"), and
    not words holding a number, which sort a count ("وحسب الإعاقة فكان 99 إعاقة حركية"), and not
    what a pattern of the mention grammar marks `source: false`."""
    if any(ch.isdigit() for ch in men.text) or not grammar(rules).patterns.get(men.pattern, {}).get("source", True):
        return False
    first = normalize(men.text.split()[0]) if men.text.split() else ""
    if strip_article(first) in rules.not_sources or first[:1] == "ل" and len(first) > 3 \
            and strip_article(first[1:]) in rules.not_sources:
        return False
    if men.kind == "person":
        return not any(len(t) > 4 and t.endswith(("هم", "هما", "كم")) for t in normalize(men.name).split())
    return True


def _clause_after_source(text, para, s0, men, rules):
    """The span of a reported clause opening with إن/أن right after the source named at ``s0``
    (a few words such as "في تصريح له" may stand between), or None."""
    last = men.text.split()[-1] if men.text.split() else ""
    j = text.find(last, s0, s0 + len(men.text) + 200)
    if not last or j < 0:
        return None
    j += len(last)
    limit = min(para.sentence_end_after(j), j + 60)
    op = _opener(text, para, j, limit, rules, [])
    if op is None or op[0] != "comp" or _count_words(text, j, op[1], 5) > 4:
        return None
    got = _content(text, para, op[2], para.end)
    return (got[0], got[1]) if got else None


def _own_words_statement(text, para, m, own, rules, field, pindex):
    """"وحسب أقواله فقد تم ...": at a sentence's head, the clause after the speech noun is said by
    the one its pronoun refers to (rules/cues.yml own_words); None elsewhere (", حسب قوله،" inside
    a clause qualifies words already given to their speaker)."""
    head = text[para.sentence_start_before(m.start()):m.start()].strip(" \t،,")
    if head not in ("", "و"):
        return None
    got = _content(text, para, own[2], para.end)
    if not got or _count_words(text, got[0], got[1], 3) < 3:
        return None
    s, e = got[0], got[1]
    key = normalize(own[0])     # (its pronoun, the longest of rules/speakers.yml that ends it)
    pronoun = max((p for p in rules.pronouns if key.endswith(p)), key=len, default=None)
    agree = rules.pronouns.get(pronoun, "")
    return Statement(field, s, e, "mixed" if para.has_quote(s, e) else "indirect", m.group("cue"), m.start(),
                     "according", pindex, mention=Mention(own[0], "pronoun", agree=agree), mention_start=own[1])


def according_statement(text, para, m, rules, field, pindex):
    """"بحسب / وفق / نقلاً عن X": the clause before it (or after it, at a sentence's head)."""
    cs, ce = m.start(), m.end()
    src = ce
    words = _words(text, src, min(para.end, src + 120))
    i = 0
    lam = normalize(m.group("cue")) in rules.according_lam

    def word(k):        # "طبقا لما ذكره X": after وفقا / طبقا, لما is ما with the ل they govern
        w = normalize(words[k][0])
        return "ما" if lam and k == 0 and w == "لما" else w
    if words and normalize(words[0][0]) in rules.own_words:
        return _own_words_statement(text, para, m, words[0], rules, field, pindex)
    while i < len(words) and word(i) in rules.speech_nouns:
        # "بحسب ما ذكرته وكالة ...", "وفق ما نقلته قناة ...": ما and its verb (with any object pronoun)
        if word(i) == "ما" and i + 1 < len(words):
            i += 1
            if i + 1 < len(words) and normalize(words[i + 1][0]) == "به":
                i += 1
        i += 1
    if i >= len(words):
        return None
    s0 = words[i][1]
    stop = para.sentence_end_after(s0)
    for j in range(s0, min(stop, s0 + 150)):
        if text[j] in "،,:(" and not para.inside_quote(j):
            stop = j
            break
    src = text[s0:min(stop, s0 + 150)]       # (a source is named in a few words)
    if normalize(src).startswith("لل"):
        src = "ا" + src[1:]         # "وفقاً للوزارة": ل + ال with the alef elided
    elif normalize(src).startswith("ل") and len(src) > 1 and (src[1] in "ـ " or classify(normalize(src.split()[0])[1:], rules) != "NAME"
                                                            or i == 0 and normalize(m.group("cue")) in rules.according_lam):
        src = src[1:].lstrip("ـ ")
    men = parse_mention(src, rules, source=True)
    if men.kind in ("none", "pronoun") or not _source_like(men, rules):
        return None
    sent_start = max(para.sentence_start_before(cs), cs - MAX_SOURCED_CLAUSE)
    if sent_start > para.start and text[sent_start - 1].isalnum():
        sent_start = text.find(" ", sent_start, cs) + 1 or sent_start     # (at a word's start)
    pre_s, pre_e = _trim(text, sent_start, cs)
    after = _clause_after_source(text, para, s0, men, rules)
    if after is not None and _count_words(text, pre_s, pre_e, 6) <= 5:
        # "ومن الطروحات المتداولة، بحسب المصادر الفرنسية، أن «...»", "وأكدت الخارجية على لسان
        # متحدثها أن ...": the reported clause follows the source
        s, e = after
    elif pre_e > pre_s and _count_words(text, pre_s, pre_e, 3) >= 3:
        # drop a leading conjunction
        if text[pre_s] == "و" and pre_s + 1 < pre_e and (text[pre_s + 1] in " \t" or
                                                          _conjoined(text[pre_s + 1:pre_e])):
            pre_s += 1
        s, e = _trim(text, pre_s, pre_e)
        if s < e and text[s] == "و" and normalize(text[s:s + 3]) in ("وفي",):
            s += 1
    else:
        got = _content(text, para, stop, para.end)
        if not got:
            return None
        s, e, _, _ = got
    if e - s < 2:
        return None
    typ = "mixed" if para.has_quote(s, e) else "indirect"
    channel = None
    lead = find_cues(text, rules, s, min(e, s + 12)) if after is None or s != after[0] else []
    by_mouth = normalize(m.group("cue")).endswith("لسان")      # "على لسان X": X is the speaker
    if lead and lead[0].start() == s and lead[0].form.kind == "verb":
        got = _bridge_mention(text, lead[0].end(), min(e, lead[0].end() + 80), rules)
        if got and _count_words(text, got[1] + len(got[0].text), e, 2) < 2:
            return None     # "وأكدت وزارة الخارجية القطرية وفقاً لوكالة ...": a verb and its subject, nothing said
    if lead and lead[0].start() == s and lead[0].form.kind == "verb" and not by_mouth:
        # "وأكدت وزارة الخارجية ... إدانتها ...، وفقاً لوكالة الأنباء": the verb's subject speaks,
        # the source after وفق relayed it
        got = _bridge_mention(text, lead[0].end(), min(e, lead[0].end() + 80), rules)
        if got and got[0].kind in ("person", "institution", "anonymous", "title"):
            channel = men.name or men.title or men.text
            men, s0 = got
    return Statement(field, s, e, typ, m.group("cue"), cs, "according", pindex,
                     mention=men, mention_start=s0, channel=channel)


def headline_statement(text, para, rules, field, pindex):
    """"Speaker: what they said" at the head of a short line (headlines and lead lines)."""
    colon = text.find(":", para.start, min(para.end, para.start + 60))
    if colon < 0:
        return None
    head = text[para.start:colon].strip(" \t-–—")
    addressee = None
    am = _HEAD_ADDRESSEE_RE.search(head)
    if am and am.start() > 0:
        addressee, head = am.group("to").strip(), head[:am.start()]
    hw = _words(head, 0, len(head))
    if not hw or len(hw) > 5 or normalize(head) in rules.not_speakers or any(c.isdigit() for c in head) \
            or not _ARABIC_LETTER_RE.search(head):
        return None     # (a speaker of Arabic news is written in Arabic: "See more at: http://..." is a web page's)
    first = normalize(hw[0][0])
    if first in rules.not_speakers or first in rules.mention_stops or first in rules.clause_particles \
            or first.startswith("و") and len(first) > 2 and first[1:] in rules.mention_stops:
        return None
    if find_cues(head, rules) or _count_words(text, para.start, para.end, MAX_HEADLINE_TOKENS + 1) > MAX_HEADLINE_TOKENS:
        return None
    men = parse_mention(head, rules)
    if men.kind in ("none", "pronoun") or len(_words(men.text, 0, len(men.text))) < len(hw):
        return None
    if men.kind == "title" and not any(classify(clean_token(w), rules) == "TITLE" for w in men.title.split()):
        return None     # "الأزمة السورية: ...": a topic, not a speaker (a title names one: "المفتي العام:")
    got = _content(text, para, colon + 1, para.end)
    if not got:
        return None
    s, e, typ, closed = got
    if _count_words(text, s, e, 3) < 3:
        return None
    return Statement(field, s, e, typ, ":", colon, "headline", pindex, mention=men,
                     mention_start=para.start + text[para.start:colon].find(head), addressee=addressee)


def _as_source(text, para, m):
    """"حسبما أفاد راديو ...", "كما ذكرت الوكالة": a verb naming the source of another statement."""
    prev = _words(text, max(para.start, m.start() - 14), m.start())
    return bool(prev) and normalize(prev[-1][0]) in ("حسبما", "وحسبما", "بحسبما", "وفقما")


def _before_contrast(text, s, e):
    """A clause cut before the next statement ends before the words that open that statement's
    own clause ("الخطة جاهزة، في حين" -> "الخطة جاهزة")."""
    words = _words(text, s, e)
    k = len(words)
    while k > 0 and normalize(words[k - 1][0]) in _CONTRAST | {"في", "فى"}:
        k -= 1
    if k == len(words) or k == 0:
        return e
    return _trim(text, s, words[k][1])[1]


def _opens_statement(text, para, m, form, rules):
    """Does this cue open a statement of its own (and so end the clause before it)?  "وقال",
    "، مضيفاً", "، كما كشف" do; a bare verb inside a reported clause ("تشير", "ختم") does not."""
    if form.kind == "participle" or m.group("prefix") or m.start() == para.start:
        return True
    before = text[max(para.start, m.start() - 12):m.start()].rstrip()
    if before[-1:] in ("،", ",", ".", ":", "؛", ";"):
        return True
    prev = _words(text, max(para.start, m.start() - 12), m.start())
    if prev and normalize(prev[-1][0]) in rules.clause_particles:
        j = prev[-1][1]
        return text[max(para.start, j - 3):j].rstrip()[-1:] in ("،", ",", ".", ";", "؛") or j == para.start
    # "...، في حين قال العلوي", "...، لكن المعارضة تقول": a contrasting clause of the reporter's,
    # its subject (a few words) before the verb or none
    prev = _words(text, max(para.start, m.start() - 40), m.start())
    for k in range(len(prev) - 1, max(len(prev) - 5, -1), -1):
        if normalize(prev[k][0]) in _CONTRAST:
            j = prev[k - 1][1] if normalize(prev[k][0]) == "حين" and k > 0 and normalize(prev[k - 1][0]) in ("في", "فى") \
                else prev[k][1]
            return text[max(para.start, j - 3):j].rstrip()[-1:] in ("،", ",", ".", ";", "؛")
    return False


_INTERJECTION_BEFORE_RE = regex.compile(r"[،,.]\s*$")


def _split_interjection(text, para, m, rules):
    """"“... فالمبادئ لا تتجزأ، وتابع شاهدنا بالأمس ...”": a reporter's و + verb of going on,
    after a comma inside a quotation, ends the quotation there; the rest is the verb's own
    (unmarked) quotation.  Changes ``para.quotes`` in place."""
    if normalize(m.group("prefix")) != "و" or m.form.kind != "verb" or \
            normalize(m.form.lemma) not in rules.interjection_verbs:
        return
    q = para.inside_quote(m.start())
    if q is None or m.start() <= q.inner_start or m.end() >= q.inner_end:
        return
    before = _INTERJECTION_BEFORE_RE.search(text, max(q.inner_start, m.start() - 8), m.start())
    if before is None:
        return
    rest = m.end()
    while rest < q.inner_end and text[rest] in " \t:":
        rest += 1
    if rest >= q.inner_end or not text[rest].isalpha():
        return
    first = Quote(q.start, q.inner_start, before.start(), before.start(), True, q.mark)
    second = Quote(rest, rest, q.inner_end, q.end, q.closed, q.mark)
    i = para.quotes.index(q)
    para.quotes[i:i + 1] = [first, second]
    para._starts = para._qstarts = None


def _word_starts(word_list, phrases):
    """Where one of ``phrases`` (:class:`quotes.rules.Phrases`) begins, alone or after و/ف: the
    only places where a pattern that :func:`quotes.rules.alternation` built from them can match
    (its letter variants and marks fold to the same keys, and it starts at a word start).
    Looking for the words first spares scanning every paragraph with the pattern."""
    firsts, rests = phrases.first_keys, phrases.rests
    out = []
    for i in [i for i, w in enumerate(word_list) if w[2] in firsts]:
        key = word_list[i][2]
        for first in (key, key[1:]) if key[:1] in "وف" else (key,):
            after = rests.get(first)
            if after is not None and any(tuple(w[2] for w in word_list[i + 1:i + 1 + n]) in same_length
                                         for n, same_length in after.items()):
                out.append(word_list[i][0])
                break
    return out


def _any_within(starts, para):
    i = bisect_left(starts, para.start)
    return i < len(starts) and starts[i] < para.end


def _cue_counts(text, para, m, matches, rules):
    """Does the cue at ``m`` report here, given the ``matches`` kept before it in its paragraph?"""
    if para.inside_quote(m.start()) or _as_source(text, para, m):
        return False
    if m.form.kind == "participle" and m.form.agree != "m" and not _after_clause(text, para, m.start(), rules) \
            and not _complementizer_next(text, m.end(), rules):
        # "مدينة رفح": a feminine or plural form is a participle only after a clause or before إن/أن
        # ("... البحرينية مضيفة أن", "لافتة إلى أن")
        return False
    if m.form.kind == "verb" and not m.group("prefix") and _in_cue_clause(text, para, m.start(), rules):
        return False
    prev = _words(text, max(para.start, m.start() - 8), m.start())
    if prev and normalize(prev[-1][0]) in rules.verbal_noun_after:
        return False    # "طلب عدم ذكر اسمه": a verbal noun
    if prev and normalize(prev[-1][0]) in _RELATIVES and not m.group("prefix") \
            and text[max(para.start, prev[-1][1] - 3):prev[-1][1]].rstrip()[-1:] in "،," \
            and matches and matches[-1][1] is not None and matches[-1][1].kind == "verb" \
            and prev[-1][1] - matches[-1][0].end() < 120 \
            and _count_words(text, matches[-1][0].end(), prev[-1][1], 7) <= 6 \
            and not rules.complementizer_re.search(text, matches[-1][0].end(), prev[-1][1]) \
            and not any(c in text[matches[-1][0].end():prev[-1][1]] for c in ':"«“'):
        # "وقال الحداد، الذي تحدث في مؤتمر صحفي، إن": an aside about the speaker between
        # the verb and its words (not "... الدكتورة سهيلة، التي أكدت أن")
        return False
    if m.form.conjoined_only and not (normalize(m.group("prefix") or "") == "و"
                                      and text[para.sentence_start_before(m.start()):m.start()].strip(" ،,") == ""
                                      or text[max(para.start, m.start() - 3):m.start()].rstrip()[-1:] in "،,"
                                      and m.group("prefix") or _after_adjunct(text, para, m.start(), rules)):
        return False    # "بين" as "between": only "وبيَّن" at a clause's head (or after "من جانبه") is the verb
    if m.form.kind == "verb" and m.form.tense == "past" and not m.group("prefix") and matches \
            and matches[-1][1].kind == "verb" and not text[matches[-1][0].end():m.start()].strip():
        # "وقال راي بابار، رئيس شرطة المنطقة، إن": a verb's subject, not a second verb (two past
        # verbs never follow each other; "وتابع يقول" does)
        return False
    if m.form.kind == "participle" and normalize(m.group("cue")) in rules.speech_noun_cues \
            and not _speech_noun_opens(text, para, m, matches, rules):
        return False
    return True


def _owned(words):
    """Do ``words`` hold one with a possessive pronoun of her or them ("بعضهم", "مسؤوليها"): a part
    of a group or a thing of someone's, not who speaks?  (Not ه: "عبدالله", "الحكومة" end so.)"""
    return any(normalize(t).endswith(("ها", "هم")) for t in words.split())


def _note_subject(text, para, m, form, rules, subjects):
    """A reporting verb that introduced no statement: its subject, when it names who speaks next,
    goes to ``subjects`` as (offset, Mention, agreement)."""
    heads = m.group("prefix") or para.sentence_start_before(m.start()) >= m.start() - 6
    if not (heads or _opens_statement(text, para, m, form, rules)):
        return
    # "وأدان X، عضو ...، بشدة ما ...": no statement, but X is who speaks next; inside
    # a sentence ("...، حيث أكد وزير الخارجية ... تضامن بلاده") only a titled person
    # or an institution, not the verb's object ("عدم صحة"); a lone word ("فيما أكدت
    # بوكوفا على أهمية") at the head of its clause (resolve keeps it when it is a name)
    got = _bridge_mention(text, m.end(), min(para.end, m.end() + 80), rules)
    if got and (got[0].kind == "institution" or got[0].kind == "person" and _ends_cleanly(text, got, rules)
                and (any(classify(clean_token(w), rules) == "TITLE" for w in got[0].title.split())
                     or heads)
                and not _owned(got[0].name)):
        subjects.append((got[1], got[0], form.agree))


def _verb_statements(text, para, matches, rules, field, pindex, subjects, cues=()):
    """The statements the cues and document words ``matches`` of a paragraph introduce (``cues``: all
    its cues, those inside a reported clause too)."""
    found = []
    # cues that open a new statement: "وقال", "، مضيفاً"; a bare verb ("تشير", "ختم") inside a
    # reported clause belongs to that clause and bounds nothing
    blockers = [x.start() for x, _ in matches]
    cue_starts = [m.start() for m, f in matches if f is None or _opens_statement(text, para, m, f, rules)]
    idle_verb = None
    for m, form in matches:
        if form is None:
            form = CueForm(m.group("cue"), "جاء", "document")
            st = _document_statement(text, para, m, form, rules, cue_starts, field, pindex, blockers)
        else:
            st = verb_statement(text, para, m, form, rules, cue_starts, field, pindex, blockers=blockers)
            if st is None and form.kind == "verb" and subjects is not None:
                _note_subject(text, para, m, form, rules, subjects)
        if st is None and form.kind == "verb":
            idle_verb = m
        if st is not None and form.kind == "participle" and st.mention is None and idle_verb is not None \
                and not any(c in text[idle_verb.end():m.start()] for c in ".،,:؛"):
            # "وتابع غرونسفيلد قائلاً إن ...", "وأردف في تصريحه قائلاً": the verb names the speaker
            got = _bridge_mention(text, idle_verb.end(), m.start(), rules)
            if got and got[0].kind in ("person", "institution", "anonymous", "title"):
                st.mention, st.mention_start = got
                st.inherit = False
        if st is None or any(o.start <= st.start < o.end and o.type == "direct" for o in found[-3:]):
            continue
        # a bare verb inside the clause another verb reports is part of that clause
        if found and found[-1].start <= m.start() < found[-1].end and form.kind == "verb" \
                and not _opens_statement(text, para, m, form, rules):
            continue
        if form.object_first and st.mention is not None and st.mention.kind != "person" and st.mention_start > m.start() \
                and _object_marked(text, st, form.object_first):
            # "وطالب المعارضة بأن ...": the words after the verb name whom it addresses
            st.addressee = st.addressee or (st.mention.name or st.mention.title or st.mention.text)
            st.mention, st.mention_start = None, -1
        found.append(st)
    cue_at = [c.start() for c in cues]
    for k, outer in enumerate(found):
        # "وأضاف البيان أن قنديل أكد أن ...": قنديل's words; the outer verb only relays them
        # (the cues within reach found by bisection: a paragraph of thousands of statements
        # compared each with all its cues was quadratic)
        near = cues[bisect_right(cue_at, outer.start):bisect_left(cue_at, min(outer.end, outer.start + RELAYED_REACH))]
        inner = next((got for c in near if c.form.kind == "verb"
                      for got in [_relayed_within(text, para, outer, c, c.form, rules, cue_starts, field, pindex, blockers)]
                      if got is not None), None)
        if inner is not None:
            inner.channel = inner.channel or (outer.mention.text if outer.mention is not None else outer.channel)
            found[k] = inner
    return found


def _according_statements(text, para, found, rules, field, pindex):
    """Add to ``found`` the statements بحسب / وفق / نقلاً عن introduce in a paragraph (or the channel
    they name for one of ``found``)."""
    for m in rules.according_re.finditer(text, para.start, para.end):
        if para.inside_quote(m.start()):
            continue
        if any(st.start <= m.start() < st.end and st.type in ("indirect", "mixed") for st in found[-5:]):
            continue    # "إن المحور يتجه وفق الخطة": inside what someone said, their own words
        # inside another statement's bridge, or right after its content in the same sentence,
        # it names a channel ("وفق تصريحات أوردتها ...", "“...”، وفق ما نقلته قناة ...")
        host = next((st for st in reversed(found[-5:]) if st.cue_start < m.start() < st.start
                     or st.end <= m.start() and not any(st.end <= e < m.start() for e in para.sentence_ends)
                     and _count_words(text, st.end, m.start(), 4) <= 3), None)
        if host is not None:
            if host.channel is None and host.start < m.start():
                src = according_statement(text, para, m, rules, field, pindex)
                if src is not None and src.mention is not None:
                    host.channel = src.mention.name or src.mention.title or src.mention.text
            continue
        st = according_statement(text, para, m, rules, field, pindex)
        if st is not None:
            found.append(st)


def _headline_or_continued(text, para, out, rules, field, pindex):
    """A paragraph with no cue: a headline's statement, or the next part of a quotation left open
    at the end of the statement before (``out[-1]``); a list of none or one."""
    st = headline_statement(text, para, rules, field, pindex)
    if st is not None:
        return [st]
    if out and out[-1].type == "direct" and not out[-1].closed:
        q = para.quote_at(para.start + len(text[para.start:para.end]) - len(text[para.start:para.end].lstrip()))
        s, e = _trim(text, q.inner_start, q.inner_end) if q is not None else (0, 0)
        if e - s >= 2:      # (a lone mark ending the text continues nothing)
            prev = out[-1]
            return [Statement(field, s, e, "direct", prev.cue, q.start, "continued-quote", pindex,
                              mention=None, agree=prev.agree, inherit=True, closed=q.closed, channel=prev.channel)]
    return []


def _bound_indirect(text, found):
    """An indirect clause of ``found`` (a paragraph's statements in text order) ends where the next
    statement's cue begins."""
    for i, st in enumerate(found):
        if st.type in ("indirect", "mixed"):
            for nxt in found[i + 1:i + 4]:
                if nxt.cue_start >= st.end:
                    if nxt.mention is not None and st.start < nxt.mention_start < st.end:
                        # "...، لكن المعارضة" تقول: the next statement's subject is not this one's
                        st.end = _trim(text, st.start, nxt.mention_start)[1]
                    if not text[st.end:nxt.cue_start].strip() or nxt.mention is not None \
                            and st.end <= nxt.mention_start and not text[st.end:nxt.mention_start].strip():
                        st.end = _before_contrast(text, st.start, st.end)    # "...، في حين" قال
                    break
                if st.start < nxt.cue_start < st.end:
                    # the next statement's clause, with its subject before the verb when the
                    # subject comes first ("...، لكن المعارضة تقول إن")
                    bound = nxt.mention_start if nxt.mention is not None and st.start < nxt.mention_start < nxt.cue_start \
                        else nxt.cue_start
                    s, e = _trim(text, st.start, bound)
                    e = _before_contrast(text, s, e)
                    if e - s >= 2:
                        st.end = e
                    break


def find_statements(text, rules, field="text", word_list=None, subjects=None):
    """Every statement of one field of an article, speakers unresolved, in text order.

    ``subjects``, when a list, receives (offset, Mention, agreement) for the subjects of
    reporting verbs that introduced no statement: later implicit subjects may refer to them."""
    out = []
    word_list = word_list if word_list is not None else cue_words(text)
    all_cues = find_cues(text, rules, word_list=word_list)
    complementizer_at = _word_starts(word_list, rules.complementizer_words)
    according_at = _word_starts(word_list, rules.according_words)
    document_at = _word_starts(word_list, rules.document_words)
    ci = 0
    for pindex, para in enumerate(paragraphs(text)):
        para.complementizer_starts = complementizer_at
        while ci < len(all_cues) and all_cues[ci].start() < para.start:
            ci += 1
        here = []
        while ci < len(all_cues) and all_cues[ci].start() < para.end:
            here.append(all_cues[ci])
            ci += 1
        for m in here:
            _split_interjection(text, para, m, rules)
        matches = []
        for m in here:
            if _cue_counts(text, para, m, matches, rules):
                matches.append((m, m.form))
        if _any_within(document_at, para):
            matches += [(m, None) for m in rules.document_re.finditer(text, para.start, para.end)
                        if not para.inside_quote(m.start())]
        matches.sort(key=lambda x: x[0].start())
        found = _verb_statements(text, para, matches, rules, field, pindex, subjects, here)
        if _any_within(according_at, para):
            _according_statements(text, para, found, rules, field, pindex)
        if not found:
            found = _headline_or_continued(text, para, out, rules, field, pindex)
        found.sort(key=lambda st: st.start)
        found = _one_per_span(found)
        _bound_indirect(text, found)
        out.extend(found)
    return out


def _relays(mention, rules):
    """Does ``mention`` name a document or a medium ("البيان", "الوكالة", "صحيفة ..."), which relays
    what others said rather than speaking (not a person, who may report another's words)?"""
    heads = rules.__dict__.get("_relay_heads")
    if heads is None:       # (once per rules object)
        heads = rules.__dict__["_relay_heads"] = frozenset(
            strip_article(w) for w in (*rules.document_heads, *rules.media_heads, *rules.medium_documents))
    words = mention.text.split() if mention is not None else []
    return bool(words) and strip_article(normalize(words[0])) in heads


def _relayed_within(text, para, outer, m, form, rules, cue_starts, field, pindex, blockers):
    """"وأضاف البيان أن قنديل أكد أن ...": the clause of ``outer`` opens with a named subject and the
    past verb at ``m`` right after it, with إن/أن of its own; the statement the subject made (the
    outer verb only relays it), or None."""
    if outer.type != "indirect" or form.tense != "past" or m.group("prefix") or not _relays(outer.mention, rules):
        return None
    men = parse_mention(text[outer.start:m.start()], rules, name_first=True)
    if men.kind not in ("person", "institution", "anonymous") \
            or text[outer.start:m.start()].strip() != men.text.strip() \
            or _owned(men.text):
        return None     # (not "بعضهم أعلن": a part of a group the clause spoke of)
    inner = verb_statement(text, para, m, form, rules, cue_starts, field, pindex, blockers=blockers,
                           subject=(men, outer.start))
    return inner if inner is not None and inner.type in ("indirect", "mixed") else None


def _object_marked(text, st, marker):
    """Are the words after an object-first verb its object?  Always (``marker`` True), or when the
    preposition ``marker`` follows them at once ("واتهم حزب العمال وتنظيم داعش بأن": the object;
    "واتهمت الحكومة البحرينية الجمعة الماضي إيران بالسعي": the subject, the object comes later)."""
    if marker is True:
        return True
    end = st.mention_start + len(st.mention.text)
    return text[end:end + 40].lstrip(" ،,\xa0").startswith(marker)


def _one_per_span(found):
    """One statement a span: a verb's and an according phrase's reading of the same words are one
    statement (the first found, the verb's), not two rows of the same quote."""
    seen, out = set(), []
    for st in found:
        if (st.start, st.end) not in seen:
            seen.add((st.start, st.end))
            out.append(st)
    return out


def _document_statement(text, para, m, form, rules, cue_starts, field, pindex, blockers=None):
    """"وجاء في البيان / المقال ...": the document's words, attributed to its author."""
    st = verb_statement(text, para, m, form, rules, cue_starts, field, pindex, blockers=blockers)
    if st is None:
        return None
    st.mention, st.mention_start, st.rule, st.inherit = None, -1, "document", False
    st.cue = _CONJ_RE.sub("", text[m.start():m.end()])
    return st
