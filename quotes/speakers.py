"""Speakers: resolve the mentions of one article (quotes.mentions reads each one) to the fullest
name the article gives.  An :class:`ArticleSpeakers` keeps every person and institution seen in
an article and resolves short names, titles and pronouns against them.
"""
import functools
from bisect import bisect_left, insort
from dataclasses import dataclass, field

import regex

from .mentions import Mention, classify, clean_token
from .normalize import normalize, strip_article

_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_.]+(?:[-'][\p{L}\p{M}]+)*")
_COMPOUND_RE = regex.compile(r"(?<!\S)(عبد) (?=\S)")
#: words that qualify many titles and so identify none ("الأمين العام السابق")
GENERIC_MODIFIERS = {"العام", "العامة", "السابق", "السابقة", "الأول", "الأسبق", "الرسمي", "التنفيذي", "الأعلى",
                     "المساعد", "الحالي", "الجديد"}
GENERIC_TITLES = {"مسوول", "مسيول", "رييس", "قيادي", "عضو", "مصدر", "مصادر", "سيد", "سيده"}


@functools.lru_cache(maxsize=65536)
def stem(token):
    """A crude stem for comparing titles: no article, no nisba or feminine ending
    ("الكوري" ~ "كوريا", "الشمالية" ~ "الشمالي")."""
    t = strip_article(normalize(token))
    for suffix in ("تهم", "تها", "ته"):     # "سماحته" ~ "سماحة": a feminine noun with a pronoun
        if t.endswith(suffix) and len(t) - len(suffix) >= 3:
            t = t[: -len(suffix)]
            break
    for _ in range(2):
        for suffix in ("يه", "ي", "ه", "ا"):
            if t.endswith(suffix) and len(t) - len(suffix) >= 3:
                t = t[: -len(suffix)]
                break
    return t


def nisba_family(word):
    """"الشربتلي", "العتيبي": a family name with the article and the nisba ending."""
    w = normalize(word)
    return w.startswith("ال") and w.endswith("ي") and len(w) > 4 and word.rstrip("،,.")[-1:] == "ي"


@dataclass(eq=False)
class Entity:
    """A person or institution of one article."""
    kind: str
    name: str = ""
    titles: list = field(default_factory=list)
    agree: str = ""
    last_pos: int = -1
    positions: list = field(default_factory=list)
    aliases: list = field(default_factory=list)     # other names the article gives ("أبو مازن")

    def seen_before(self, pos):
        """The offset of this entity's last mention before ``pos`` (-1 if none): recency as
        a reader has it at ``pos``, not counting mentions further down the article."""
        if pos is None:
            return self.last_pos
        i = bisect_left(self.positions, pos)
        return self.positions[i - 1] if i else -1

    @property
    def display(self):
        """The fullest name the article gives; a title when it names nobody."""
        if self.name:
            return self.name
        return max(self.titles, key=len) if self.titles else ""

    def name_tokens(self):
        return _name_tokens(self.name)

    def title_stems(self):
        return {stem(t) for title in self.titles for t in title.split()} - {""}


@functools.lru_cache(maxsize=16384)
def _name_words(text):
    """The words of a name without their article, "عبد العزيز" written as "عبدالعزيز" is
    (cached: names repeat within and across articles)."""
    return tuple(strip_article(t) for t in _COMPOUND_RE.sub(r"\1", normalize(text)).split() if t)


@functools.lru_cache(maxsize=16384)
def _name_tokens(text):
    """The words of a name as a set (frozen: cached)."""
    return frozenset(_name_words(text))


def _family_name(name):
    """The last word of a name of several words ("عبدالرحمن" of "رامي عبد الرحمن"), or "" for a
    one-word name."""
    words = _name_words(name)
    return words[-1] if len(words) > 1 else ""


MAX_ENTITIES = 200      # speakers an article keeps track of (news names a few dozen at most)


class ArticleSpeakers:
    """The speakers of one article: registers mentions and resolves them to entities.

    Every lookup compares a mention with the article's entities, so their number is bounded
    (:data:`MAX_ENTITIES`, the least recently mentioned forgotten first): a text naming
    thousands of people stays linear in its length."""

    def __init__(self, rules):
        self.rules = rules
        self.entities = []
        self.now = None         # the offset being resolved: recency is judged from there

    def _add(self, ent):
        self.entities.append(ent)
        if len(self.entities) > MAX_ENTITIES:
            # (the new one, not yet placed, stays)
            self.entities.remove(min(self.entities[:-1], key=lambda e: e.last_pos))

    def _find_named(self, name):
        toks = _name_tokens(name)
        best = None
        for ent in self.entities:
            if not ent.name or ent.kind == "institution" and normalize(ent.name.split()[0]) in self.rules.dual_heads:
                continue        # "ذي دايلي مايل" is one of "صحيفتا ذي دايلي مايل ودايلي تلغراف", not both
            et = ent.name_tokens()
            if toks <= et or et <= toks or any(toks == _name_tokens(a) for a in ent.aliases):
                if best is None or ent.seen_before(self.now) > best.seen_before(self.now):
                    best = ent
        return best

    def _is_family_name(self, token):
        """Is ``token`` the last name of a person the article knows ("دمرداش"; "عبدالرحمن" of
        "رامي عبد الرحمن")?"""
        t = strip_article(normalize(token))
        return any(e.kind == "person" and e.name and _family_name(e.name) == t for e in self.entities)

    def _find_family_name(self, title):
        """The person whose family name ends a short title-like mention ("الوزير القحطاني"); a
        long description ("المشرف العام على القناة الثقافية") ends in an adjective, not a name,
        and a title in construct ("مستشار مرسي") names whom it serves."""
        words = normalize(title).split()
        if not words or len(words) > 3 or not words[0].startswith("ال"):
            return None     # "مستشار مرسي" is Morsi's adviser: a title in construct governs a name
        end = strip_article(words[-1])
        for ent in sorted(self.entities, key=lambda e: -e.seen_before(self.now)):
            if ent.kind == "person" and ent.name and len(ent.name.split()) > 1:
                last = strip_article(normalize(ent.name.split()[-1]))
                if last == end and len(last) > 3:
                    return ent
        return None

    def _find_unnamed(self, title):
        """The unnamed source a definite title takes up again ("مسؤول حكومي كبير ... وقال المسؤول
        الحكومي إن"): the latest whose words hold the title's, headed by the same word."""
        words = _name_words(title)
        if not words or not normalize(title).startswith("ال"):
            return None
        best = None
        for ent in self.entities:
            if ent.kind == "anonymous" and ent.name:
                theirs = _name_words(ent.name)
                if theirs and theirs[0] == words[0] and set(words) <= set(theirs) and \
                        (best is None or ent.seen_before(self.now) > best.seen_before(self.now)):
                    best = ent
        return best

    def _titles(self, title):
        """A title phrase as the titles it joins with و ("الناطق الإعلامي للإدارة العامة للمرور
        ومدير إدارة السلامة المرورية" is two: he is "مدير إدارة السلامة المرورية" too)."""
        words = title.split() if title else []
        if not words:
            return []
        cuts = [i for i, w in enumerate(words) if i and w[:1] == "و"
                and classify(clean_token(w)[1:], self.rules) == "TITLE"]
        return [" ".join([words[a][1:] if a else words[a]] + words[a + 1:b])
                for a, b in zip([0] + cuts, cuts + [len(words)])]

    def _find_source(self, name):
        """The unnamed source a bare definite one takes up ("مسؤول آسيوي ... وبين المصدر أن"):
        the latest whose first word rules/speakers.yml source_anaphors lists for it."""
        heads = self.rules.source_anaphors.get(normalize(name).strip())
        if not heads:
            return None
        found = [e for e in self.entities if e.kind == "anonymous" and e.name
                 and normalize(e.name).split()[0] in heads and e.seen_before(self.now) >= 0]
        return max(found, key=lambda e: e.seen_before(self.now), default=None)

    def _find_by_title(self, title, exclude_kinds=(), agree=""):
        """The person an article's title-only mention refers to ("الرئيس الروسي", "الوزيرة").

        The head word must agree (a spokesman of a ministry is not its minister) unless it is
        generic ("المسؤول الإيراني"), a title with more words must share one of them, and the
        gender must not clash ("الوزيرة" is not "وزير المالية سامي العلوي")."""
        toks = [stem(t) for t in title.split() if stem(t)]
        if not toks:
            return None
        generic = {stem(g) for g in GENERIC_TITLES}
        head, rest = toks[0], set(toks[1:]) - {stem(m) for m in GENERIC_MODIFIERS}
        best, best_score = None, 0
        for ent in self.entities:
            if ent.kind in exclude_kinds or not ent.titles or agree and ent.agree and ent.agree != agree:
                continue
            heads = {stem(t.split()[0]) for t in ent.titles if t.split()}
            es = ent.title_stems()
            if head not in generic and head not in heads:
                continue
            common_rest = rest & es
            if rest and not common_rest:
                continue
            score = 1 + len(common_rest) + (1 if ent.name else 0)
            if score > best_score or score == best_score and best and \
                    ent.seen_before(self.now) > best.seen_before(self.now):
                best, best_score = ent, score
        return best

    def register(self, mention, pos, agree=""):
        """Add what ``mention`` says to the article's entities; return the entity it names."""
        if not agree and mention.kind in ("person", "title") and mention.title:
            head = next((w for w in normalize(mention.title).split() if w not in self.rules.address_forms), "")
            if head.endswith("ه"):
                agree = "f"       # "وزيرة ...", "المتحدثة ...": a woman ("سماحة المفتي" is not)
        if mention.kind == "person":
            ent = self._find_named(mention.name)
            toks = mention.name.split()
            # (a name closed by a family name of the nisba shape, "عبدالله الشربتلي", is whole: its
            # first words are no one else's; "عيد التدخل" is "عيد" and a noun)
            whole = len(toks) > 1 and nisba_family(toks[-1])
            for k in range(len(toks) - 1, 0, -1):
                if ent is not None or whole or k == 1 and not self._is_family_name(toks[0]) \
                        or k == 2 and normalize(toks[0]) in self.rules.first_name_connectors:
                    break           # a lone first name ("محمد", "عبد العزيز") identifies nobody
                # "دمرداش لرويترز": the first words name someone the article knows; the rest is not a
                # name.  A person: "ذي دايلي مايل" is not "صحيفة ذي دايلي ستار صنداي"
                ent = self._find_named(" ".join(toks[:k]))
                if ent is not None and ent.kind != "person":
                    ent = None
                if ent is not None:
                    mention = Mention(mention.text, "person", name=" ".join(toks[:k]), title=mention.title)
            if ent is None:
                ent = Entity("person", mention.name)
                self._add(ent)
            elif len(normalize(mention.name)) > len(normalize(ent.name)):
                ent.name = mention.name
            for t in (mention.title, mention.appositive):
                for part in self._titles(t):
                    if part not in ent.titles:
                        ent.titles.append(part)
        elif mention.kind in ("institution", "anonymous"):
            ent = None
            if mention.kind == "institution":
                # "الحكومة" is "الحكومة المصرية" (one begins the other); "المعارضة" is not
                # "حركة شباب 6 أبريل المعارضة"
                toks = [strip_article(t) for t in normalize(mention.name).split()]
                for e in self.entities:
                    other = [strip_article(t) for t in normalize(e.name).split()]
                    short, long_ = sorted((toks, other), key=len)
                    if e.kind == "institution" and short and long_[:len(short)] == short:
                        ent = e
                if ent is not None and len(normalize(mention.name)) > len(normalize(ent.name)):
                    ent.name = mention.name
            else:
                ent = self._find_source(mention.name)
            if ent is None:
                ent = Entity(mention.kind, mention.name, [mention.title])
                self._add(ent)
        elif mention.kind == "title":
            # "الوزير القحطاني": a family name after the title, of a person the article named
            ent = self._find_family_name(mention.title) or self._find_unnamed(mention.title) or \
                self._find_by_title(mention.title, exclude_kinds=("institution", "anonymous"), agree=agree)
            if ent is None:
                ent = Entity("title", "", [mention.title])
                self._add(ent)
        else:
            return None
        if agree and not ent.agree:
            ent.agree = agree
        ent.last_pos = max(ent.last_pos, pos)
        insort(ent.positions, pos)
        return ent

    def lookup(self, mention):
        """The entity a mention names, if already known (no registration)."""
        if mention.kind == "person":
            return self._find_named(mention.name)
        if mention.kind == "title":
            return self._find_family_name(mention.title) or self._find_unnamed(mention.title) or \
                self._find_by_title(mention.title, exclude_kinds=("institution", "anonymous"))
        return None


def compatible(entity, agree):
    """May ``entity`` be the subject of a verb with agreement ``agree``?"""
    if not agree or not entity.agree:
        if agree == "f" and entity.kind == "person" and not entity.agree:
            return False
        return True
    if agree == entity.agree:
        return True
    if entity.kind == "anonymous" and agree == "p":
        return True     # "وقال شهود عيان ...، مشيرين إلى": a verb before its subject is singular
    if entity.kind in ("institution", "anonymous"):
        return agree in ("f", "p") and entity.agree in ("f", "p")
    return False
