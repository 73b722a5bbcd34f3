"""Speakers: read a mention ("الرئيس الروسي فلاديمير بوتين", "المسؤول الإيراني", "عنه") and
resolve it, inside one article, to the fullest name the article gives.

A mention is parsed token by token against the word lists of ``rules/speakers.yml``: titles
(and the word a title governs), institution heads, anonymous sources, name connectors
(عبد، أبو، بن) and stop words.  What is left is the name.  An :class:`ArticleSpeakers` keeps
every person and institution seen in an article and resolves short names, titles and
pronouns against them.
"""
import functools
from bisect import bisect_left, insort
from dataclasses import dataclass, field

import regex

from .cues import word_runs
from .normalize import normalize, strip_article

_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_.]+(?:[-'][\p{L}\p{M}]+)*")
_QUOTE_CHARS = "\"'«»“”„‹›ـ"
_QUOTE_CLOSE_RE = regex.compile(r"[»”\"]")
#: where a mention stops: a comma or bracket, or a quotation mark opening after a space
_CUT_RE = regex.compile(r"[،,(:؛;]|(?<= )[«“\"]")
_PLACE_PREPS = {normalize(w) for w in ("في", "فى", "لدى", "ب", "إلى", "عن")}
_COMPOUND_RE = regex.compile(r"(?<!\S)(عبد) (?=\S)")
_ABOUT = {normalize(w) for w in ("عنه", "عنها", "عنهم", "عنهما")}
_COMPLEMENT_PREPS = {normalize(w) for w in ("على", "عن")}
_ABBREV_RE = regex.compile(r"(?<![\p{L}])(\p{L})\.(?=\p{L})")
#: words that qualify many titles and so identify none ("الأمين العام السابق")
GENERIC_MODIFIERS = {"العام", "العامة", "السابق", "السابقة", "الأول", "الأسبق", "الرسمي", "التنفيذي", "الأعلى",
                     "المساعد", "الحالي", "الجديد"}
GENERIC_TITLES = {"مسوول", "مسيول", "رييس", "قيادي", "عضو", "مصدر", "مصادر", "سيد", "سيده"}


_TOKEN_PUNCT = _QUOTE_CHARS + ".،,:؛;()[]"


@functools.lru_cache(maxsize=1 << 16)
def clean_token(token):
    """A token without quotation marks and punctuation, normalized (cached: the vocabulary of
    news repeats)."""
    return normalize(token.strip(_TOKEN_PUNCT))


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


@dataclass
class Mention:
    """What the words naming a speaker say about it."""
    text: str                      # the words as written
    kind: str                      # 'person', 'title', 'institution', 'anonymous', 'pronoun', 'none'
    name: str = ""                 # the proper name part (persons) or the institution's name
    title: str = ""                # the title / description part
    agree: str = ""                # 'm', 'f', 'd', 'p' when the mention itself says so (pronouns)
    appositive: str = ""           # a title after the name ("عبد العزيز العيد المشرف العام على القناة")




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


def _ends_name(name, rules):
    """Does the name so far end with a family name that carries the article ("البرادعي")?"""
    last = clean_token(name[-1])
    prev = clean_token(name[-2]) if len(name) > 1 else ""
    return last.startswith("ال") and last not in rules.name_continuations and prev not in rules.first_name_connectors


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


def _names_follow(before, rules):
    """Is the word before a quotation a head it names ("موقع «الدرر الشامية»", "حزب "الدستور"")?"""
    words = _WORD_RE.findall(before)
    return bool(words) and (clean_token(words[-1]) in rules.media_heads or classify(clean_token(words[-1]), rules) == "INST")


def _supervises(word, rules):
    """"المشرف", "والمشرف" (a second title joined by و): an office over something."""
    tok = clean_token(word)
    return strip_article(tok) in rules.supervising_titles or tok[:1] == "و" and strip_article(tok[1:]) in rules.supervising_titles


def _body_preposition(word, rules):
    """"لشركة", "بوزارة": a preposition joined to an institution's noun still waiting for its name."""
    tok = clean_token(word)
    return tok[:1] in "لب" and not tok[1:].startswith("ال") and classify(tok[1:], rules) == "INST"


def _names_a_body(title, rules):
    """Does the title so far end with a body named after a person ("مركز الملك", "جامعة الأمير"):
    an institution's head, then a title?"""
    classes = [classify(clean_token(w), rules) for w in title]
    return len(classes) >= 2 and classes[-1] == "TITLE" and "INST" in classes[:-1]


def _title_follows(words, i, rules):
    """Is the word after ``words[i]`` a title (so ``words[i]`` ends a name in apposition)?"""
    return i + 1 < len(words) and classify(clean_token(words[i + 1][0]), rules) == "TITLE"


def _complement_end(words, start, rules):
    """Where the complement of a supervising title ends ("على [برامج خدمة المجتمع] ...",
    "على [فريق كرة القدم الأول] ..."): a construct chain of up to four words closed by its
    definite word, with the definite adjectives after it; None when there is no such chain."""
    j = start
    while j < len(words) and j - start < 4:
        tok = clean_token(words[j][0])
        if not tok or classify(tok, rules) in ("STOP", "SKIP", "CONN"):
            return None
        j += 1
        if tok.startswith("ال"):
            while j < len(words) and clean_token(words[j][0]).startswith("ال") \
                    and classify(clean_token(words[j][0]), rules) == "DEF":
                j += 1
            return j
    return None


def _nisba_apposition(text, cut, rules, max_tokens):
    """After a title and the comma at ``cut``, a nationality and a name of two words or more
    ("، الهولندي لويس فان غال"): (where the mention ends, the name, the nationality), or None."""
    m = _WORD_RE.search(text, cut + 1, min(len(text), cut + 40))
    if m is None or text[cut + 1:m.start()].strip() or normalize(clean_token(m.group())) not in rules.nisba_adjectives:
        return None
    seg_end = min([k for k, ch in enumerate(text) if ch in "،,(:؛;" and k > m.end()] + [len(text)])
    segment = text[m.end():seg_end]
    rest = parse_mention(segment, rules, max_tokens)
    if rest.kind != "person" or rest.title or len(rest.name.split()) < 2 or not segment.lstrip().startswith(rest.text):
        return None
    return m.end() + len(segment) - len(segment.lstrip()) + len(rest.text), rest.name, m.group()


def _family_follows(word, rules):
    """Is ``word`` a family name of the nisba shape (الرشيدي, العتيبي)?  After a title it makes
    "علي" the name Ali.  Any other word may follow على written with ي, as some outlets write it
    ("الوزير علي هامش المؤتمر", "علي الرغم"), so only this shape counts."""
    w = normalize(clean_token(word))
    return classify(clean_token(word), rules) == "DEF" and w.endswith("ي") and w not in rules.mention_stops \
        and w not in rules.not_speakers


def parse_mention(text, rules, max_tokens=20, name_first=False):
    """Parse the words naming a speaker; returns a :class:`Mention` (kind 'none' if no speaker).
    ``name_first``: the words follow a verb, so a verb's form first is a name ("وقال راي بابار")."""
    pron = pronoun_mention(text, rules)
    if pron:
        return pron
    text = _ABBREV_RE.sub(r"\1. ", text)      # "د.عصام العريان" -> "د. عصام العريان"
    # (only the first max_tokens words are ever looked at)
    words = word_runs(_WORD_RE, text, limit=max_tokens)
    first = clean_token(words[0][0]) if words else ""
    if first in _ABOUT and len(words) > 1:
        return parse_mention(text[words[1][1]:], rules, max_tokens)   # "قال عنه الوزير": about him
    if first[:1].isdigit():
        return Mention("", "none")             # "قال 16 سنة": a number is nobody
    if first[:1] == "و" and len(first) >= 5 and classify(first, rules) == "NAME" and (
            first[1:].startswith("ال") or first.endswith(("ه", "ها", "هم"))):
        return Mention("", "none")             # "ونظامه": a conjunction, not the start of a name
    if len(words) > 1 and classify(first, rules) == "NAME":
        second = clean_token(words[1][0])
        if second.endswith("ه") and classify(second, rules) == "TITLE":
            # "وأكد حرص سموه على أن": a noun and its honorific owner, who is the speaker
            return Mention(words[1][0], "title", title=words[1][0])
    if first.startswith("لل") and len(first) > 4:
        return Mention("", "none")             # "للملأ", "للصحفيين": a preposition, not a subject
    # stop at the first comma or bracket (what follows is an apposition) or at a quotation
    # opening after a space ("قال الأمين العام «ستظل ...»")
    cut = next((m.start() for m in _CUT_RE.finditer(text) if m.group() in "،,(:؛;"
                or not _names_follow(text[:m.start()], rules)), len(text))
    words = [w for w in words if w[1] < cut][:max_tokens]
    # "شبكة «سي إن إن»", "حزب «النور»": a name quoted after its head is a name whatever its words
    named = [(m.start(), close.start()) for m in _CUT_RE.finditer(text, 0, cut) if m.group() in "«“\""
             and (close := _QUOTE_CLOSE_RE.search(text, m.start() + 1, min(cut, m.start() + 60)))]
    title, name, head = [], [], None
    appositive = ""
    after_prep = False      # a name right after "بإدارة"/"لجماعة" may be the complement's
    last_prep = -1          # the title word a preposition began
    last_end = 0
    i = 0
    while i < len(words):
        raw, s, e = words[i]
        tok = clean_token(raw)
        if not tok:
            i += 1
            continue
        cls = classify(tok, rules)
        if i == 0 and name_first and cls == "STOP" and tok in rules.forms and rules.forms[tok].tense == "past" \
                and rules.forms[tok].kind == "verb" \
                and len(words) > 1 and classify(clean_token(words[1][0]), rules) in ("NAME", "DEF"):
            cls = "NAME"        # "وقال راي بابار، رئيس شرطة المنطقة": a name, not the verb رأى
        if any(a < s < b for a, b in named) and (title or name):
            # the quoted words go with their head, in the title or in the name
            (name if name else title).append(raw)
            last_end = e
            i += 1
            continue
        if name and any(b <= s and not text[b + 1:s].strip() for a, b in named):
            break               # the quoted name is whole: "شبكة «سي إن إن» أول من أمس"
        if cls == "STOP" and tok == "فان" and raw.strip(_QUOTE_CHARS) == "فان" and (name or head == "TITLE") \
                and i + 1 < len(words) and words[i + 1][0].isalpha() \
                and classify(clean_token(words[i + 1][0]), rules) == "NAME":
            cls = "NAME"          # "مدرب المنتخب الهولندي فان خال", "لويس فان غال": van, not فإن
        if cls == "STOP" and tok == "علي" and raw.strip(_QUOTE_CHARS + ".،,").endswith("ي") and (
                name or i == 0 and name_first or title and head == "TITLE" and i + 1 < len(words)
                and _family_follows(words[i + 1][0], rules)):
            # "أحمد محمد علي", "يقول علي أكبر ولايتي", "العميد الدكتور علي الرشيدي": the name Ali, not على
            cls = "NAME"
        if tok == "و" and (title or name) and i + 1 < len(words) and text[e:e + 1] in _QUOTE_CHARS:
            # a second quoted name keeps its و ("صحيفتا "ذي دايلي مايل" و"دايلي تلغراف"")
            words[i + 1] = ("و" + words[i + 1][0], words[i + 1][1], words[i + 1][2])
            i += 1
            continue
        if len(tok.rstrip(".")) == 1 and not name and not (title and head != "TITLE" and tok in ("ل", "ب")):
            i += 1                # "د." (doctor), "م." (engineer): an abbreviated title
            continue
        if (tok.isdigit() or tok == "ال" and not raw.startswith("آ")) and title and not name:
            title.append(raw)     # "التقرير الـ 51": the article and a number of the title, no name
            last_end = e
            i += 1
            continue
        if cls == "TITLE" and name and tok in rules.title_family_names:
            cls = "DEF"           # "خالد الأمين": a family name that is also a title's word
        if cls == "STOP":
            # "المشرف العام على البرنامج نايف الهاجري": what the office is over belongs to the title
            if title and not name and head == "TITLE" and tok in _COMPLEMENT_PREPS and (
                    _supervises(title[-1], rules) or len(title) > 1 and clean_token(title[-1]) in rules.nisba_adjectives
                    and _supervises(title[-2], rules)):
                j = _complement_end(words, i + 1, rules)
                if j:
                    title.extend(w for w, _, _ in words[i:j])
                    last_end = words[j - 1][2]
                    i = j
                    continue
            # "رئيس اللجنة بحي الروضة في الدمام، محمد الخميس،": a place ends the words before the
            # comma, and the name stands in apposition after it
            if title and not name and head == "TITLE" and tok in _PLACE_PREPS and i + 2 == len(words) \
                    and cut < len(text) and text[cut] in "،,":
                title.extend(w for w, _, _ in words[i:])
                last_end = words[-1][2]
                break
            # "مدير مكتب الحملة في لبنان وليد الجلال": a place inside a title, then the name
            if title and not name and head == "TITLE" and tok in _PLACE_PREPS and i + 2 < len(words):
                # skip the place (one word, two after a word like جمهورية / مملكة) to reach the name
                k = i + 2
                nxt = clean_token(words[i + 1][0])
                if nxt in rules.complementizers or nxt in rules.speech_nouns or classify(nxt, rules) == "TITLE" \
                        or len(words[i + 1][0]) > 3 and words[i + 1][0].endswith(("ه", "ها", "هم", "هما")):
                    # "وكيلة الوزارة في تصريح خاص لبوابة ...": the occasion, not a place; "سموه عن
                    # سعادته بزيارة قصر ...": a word with a possessive pronoun is no place either
                    break
                if tok in rules.directed_place_preps and not (nxt in rules.place_heads or classify(nxt, rules) in ("INST", "DEF")):
                    break   # "أعرب رئيس الوزراء عن شديد أسفه": after عن / إلى, a place is named
                if classify(nxt, rules) == "DEF":
                    # "مبعوث الأمم المتحدة إلى الشرق الأوسط نيكولاي ملادينوف": a definite place
                    # and its adjectives, then the name
                    while k < len(words) - 1 and classify(clean_token(words[k][0]), rules) == "DEF":
                        k += 1
                if (nxt in rules.place_heads or classify(nxt, rules) == "INST") and i + 3 < len(words):
                    if classify(clean_token(words[i + 2][0]), rules) == "TITLE":
                        break   # "مسؤول بارز في إدارة الرئيس باراك أوباما": a body and its head
                    k = i + 3   # "في بنك الرياض محمد بن عبدالعزيز الربيعة": a body and its name
                elif classify(nxt, rules) == "INST":
                    break
                if classify(clean_token(words[k][0]), rules) in ("NAME", "TITLE", "CONN"):
                    rest = parse_mention(text[words[k][1]:], rules, max_tokens - k)
                    if rest.kind == "person":
                        return Mention((text[:words[k][1]] + rest.text).strip(), "person", name=rest.name,
                                       title=" ".join(w.strip(_QUOTE_CHARS) for w in title) + " "
                                       + text[words[i][1]:words[k - 1][2]])
            break
        if cls == "SKIP":
            if (name or title and head != "TITLE") and tok in ("ل", "ب"):
                # "تحرير عدن لـ«الشرق الأوسط»", "«الإبراشي» لـ«العامري»": a preposition ends the
                # name (after a title it begins the title's complement: "الأمين العام لـ«الإخوان»")
                break
            if name and tok in rules.name_introducers:
                title, name = title + name, []      # "أم أخرى تدعى شاكيلا": a description, then the name
            i += 1
            continue
        if cls in ("TITLE", "INST", "ANON"):
            if not name and head is None and len(title) == 1 and cls == "INST":
                break       # "وطالب الحداد الحكومة بأن": a family name, then the body addressed
            if name and cls == "TITLE" and title and (
                    len(name) == 1 and last_prep == len(title) - 1
                    or tok.startswith("ال") and i + 1 < len(words)
                    and classify(clean_token(words[i + 1][0]), rules) in ("NAME", "CONN") and (
                        len(name) == 1 and not clean_token(title[-1]).startswith("ال")
                        or len(name) <= 3 and _body_preposition(title[-1], rules)
                        or _names_a_body(title, rules))):
                # "مدير الهيئة بمنطقة عسير المهندس محمد العمرة", "أمين سوق عكاظ الدكتور جريدي
                # المنصوري", "المدير التنفيذي لشركة مترو جدة الدكتور أسامة عبده": the words after
                # the preposition or the construct ended the title, and the name is still to come;
                # "مدير مركز الملك عبد الله بن عبد العزيز بجدة الدكتور زهير ميمني": a body named
                # after a person holds that name
                title.extend(name)
                name = []
            if name:
                if cls == "TITLE":      # the title after the name, up to a stop or preposition
                    app = []
                    for w, _, _ in words[i:i + 4]:
                        if clean_token(w) in rules.mention_stops or clean_token(w) in rules.prepositions:
                            break
                        app.append(w)
                    appositive = " ".join(app)
                break
            if tok == "د." or tok == "د":
                i += 1
                continue
            if head is None:
                head = cls
            title.append(raw)
            last_end = e
            # "المتحدث باسم الجبهة": the body a spokesman speaks for belongs to the title
            if i + 2 < len(words) and clean_token(words[i + 1][0]) == "باسم":
                title.extend([words[i + 1][0], words[i + 2][0]])
                last_end = words[i + 2][2]
                i += 3
                continue
            # a head word in construct state governs the next word ("رئيس الوزراء", "متحدث باسم X"),
            # and so does that word when it is a title too ("سماحة مفتي عام المملكة")
            governs = not tok.startswith("ال")
            while governs and i + 1 < len(words):
                nxt = clean_token(words[i + 1][0])
                if not nxt or classify(nxt, rules) in ("STOP", "SKIP") or cls == "TITLE" and nxt in rules.name_connectors:
                    break
                i += 1
                title.append(words[i][0])
                last_end = words[i][2]
                if nxt == "باسم" and i + 1 < len(words):
                    i += 1
                    title.append(words[i][0])
                    last_end = words[i][2]
                # "أمير منطقة مكة المكرمة": a place head governs the place's name too
                governs = (classify(nxt, rules) in ("TITLE", "INST") or nxt in rules.place_heads
                           or nxt in rules.title_modifiers) and not nxt.startswith("ال")
            i += 1
            continue
        if cls == "PREP":
            # "نائب المرشد العام لجماعة الإخوان": a complement of the title; after a name it ends it,
            # and so after a family name alone ("وصرح الحداد للصحفيين بأن")
            if name or head is None and len(title) == 1 and tok[:1] in "لب":
                break
            after_prep = True
            last_prep = len(title)
            title.append(raw)
            last_end = e
            i += 1
            # "بإمارة منطقة مكة المكرمة", "بإمارة مكة سلطان بن عرار": a place head governs the
            # place's name, which is the title's too
            place = tok[1:]
            while place in rules.place_heads and i < len(words) and \
                    classify(clean_token(words[i][0]), rules) == "NAME":
                place = clean_token(words[i][0])
                title.append(words[i][0])
                last_end = words[i][2]
                i += 1
            continue
        if cls == "DEF":
            if name and not (head in ("INST", "ANON")):
                # a family name with the article ("محمد البرادعي") ends the name, unless it is the
                # second half of a compound first name ("صلاح الدين", "نصر الله")
                if len(name) >= 7 or _ends_name(name, rules) and tok not in rules.name_continuations:
                    break
                name.append(raw)
            else:
                title.append(raw)
            last_end = e
            i += 1
            continue
        if cls == "CONN":
            name.append(raw)
            last_end = e
            if i + 1 < len(words):
                i += 1
                name.append(words[i][0])
                last_end = words[i][2]
            i += 1
            continue
        # NAME
        if tok == "باسم" and not name and any(strip_article(clean_token(w)) in rules.spokesman_titles for w in title):
            # "المتحدث الرسمي باسم جماعة ...": the body he speaks for, not the name Basem
            body = words[i + 1:i + 2]
            title.extend([raw] + [w for w, _, _ in body])
            last_end = body[0][2] if body else e
            i += 1 + len(body)
            continue
        if head in ("INST", "ANON") and not name and title and len(tok) > 4 and tok.endswith(("ها", "هم", "هما")):
            break         # "الشركة حرصها التام": the institution, then what it has
        if title and not name and tok.startswith("ل") and len(tok) > 3 and i + 1 < len(words) \
                and clean_token(words[i + 1][0]).startswith("ال"):
            title.append(raw)     # "المدير الإقليمي للحملة ... لنصرة الأشقاء": the title's complement
            last_end = e
            i += 1
            continue
        if len(name) >= 2 and (tok[:1] in "لب" and len(tok) > 3 and not _title_follows(words, i, rules)
                               or tok[:1] == "و" and len(tok) > 2):
            break         # "محمد جواد ظريف بعنوان ...", "حسن للرئيس": a preposition ends the name
            #               (not a name word before its title: "جول محمد بيدار نائب حاكم الإقليم")
        if not name and title and head is None and tok[:1] == "ل" and len(tok) > 3:
            name, title = title, []     # "العلوي لشتاينبرج: ...": a family name, then whom it addressed
            break
        if name and (len(name) >= 7 or _ends_name(name, rules)):
            break
        if head in ("INST", "ANON") and not name:
            if len(title) > 1 and normalize(clean_token(title[-1])).startswith("ال"):
                break             # "الجيش التركي مقتل ...": after its adjective the institution ends
            title.append(raw)     # "حزب مصر القوية", "وكالة أنباء ..."
        else:
            name.append(raw)
        last_end = e
        i += 1
    if not name and title and head == "TITLE" and cut < len(text) and text[cut] in "«“\"" \
            and not text[last_end:cut].strip():
        # "قال نائب رئيس الوزراء التركي "بولنت أرينتش"، إن": the name in quotation marks
        close = _QUOTE_CLOSE_RE.search(text, cut + 1, min(len(text), cut + 60))
        rest = parse_mention(text[cut + 1:close.start()], rules) if close else None
        if rest is not None and rest.kind == "person" and not rest.title and 1 < len(rest.name.split()) <= 4:
            return Mention(text[:close.end()], "person", name=rest.name,
                           title=" ".join(w.strip(_QUOTE_CHARS) for w in title))
    if title and head == "TITLE" and cut < len(text) and text[cut] in "،," and not text[last_end:cut].strip():
        found = _nisba_apposition(text, cut, rules, max_tokens)
        if found is not None:
            # "مدرب مانشستر يونايتد، الهولندي لويس فان غال": the words after the title were its
            # complement (a club, a body); the person stands after the comma, with a nationality
            end, person, nisba = found
            return Mention(text[:end], "person", name=person,
                           title=" ".join(w.strip(_QUOTE_CHARS) for w in title + name + [nisba]))
    if not name and title and head == "TITLE" and cut < len(text) and text[cut] in "،," \
            and not text[last_end:cut].strip():
        # "نائب رئيس حزب الحرية والعدالة، د.عصام العريان،": the name in apposition
        seg_end = min([i for i, ch in enumerate(text) if ch in "،,(:؛;" and i > cut] + [len(text)])
        segment = text[cut + 1:seg_end]
        rest = parse_mention(segment, rules, max_tokens)
        first = _WORD_RE.findall(segment)[:1]
        if rest.kind == "person" and not normalize(rest.name).startswith("و") \
                and first and classify(clean_token(first[0]), rules) in ("NAME", "TITLE", "CONN", "SKIP") \
                and len(_WORD_RE.findall(segment)) - len(_WORD_RE.findall(rest.text)) <= 1:
            return Mention(text[:cut + 1] + rest.text, "person", name=rest.name,
                           title=" ".join(w.strip(_QUOTE_CHARS) for w in title))
    if name and after_prep and title and head == "TITLE" and cut < len(text) and text[cut] in "،," \
            and classify(clean_token(title[-1]), rules) != "TITLE":
        # "المسؤول بإدارة مهمة استكشاف المريخ بوكالة ناسا، جون غرونسفيلد،": the words after the
        # preposition were the title's complement; the name stands in apposition (not when a
        # title stood right before the name: "... والإفتاء الشيخ عبدالعزيز آل الشيخ، المسلمين")
        seg_end = min([k for k, ch in enumerate(text) if ch in "،,(:؛;" and k > cut] + [len(text)])
        rest = parse_mention(text[cut + 1:seg_end], rules, max_tokens)
        if rest.kind == "person" and not rest.title:
            return Mention(text[:cut + 1] + rest.text, "person", name=rest.name,
                           title=" ".join(w.strip(_QUOTE_CHARS) for w in title + name))
    span = text[:last_end].strip()
    strip = lambda ws: " ".join(w.strip(_QUOTE_CHARS + ".،,") if len(w.strip(".")) > 1 else w for w in ws).strip()
    if head in ("INST", "ANON") and not name:
        return Mention(span, "institution" if head == "INST" else "anonymous", name=strip(title), title=strip(title))
    if name and not appositive and cut < len(text) and text[cut] in "،," and not text[last_end:cut].strip():
        # "الدكتور عصام العريان، نائب رئيس حزب الحرية والعدالة ، ...": a title in apposition, which
        # later mentions use alone ("وشدد نائب رئيس حزب الحرية والعدالة")
        after = _WORD_RE.findall(text[cut + 1:cut + 120])
        if after and classify(clean_token(after[0]), rules) == "TITLE":
            seg_end = next((m.start() for m in _CUT_RE.finditer(text, cut + 1) if m.group() in "،,(:؛;"), len(text))
            rest = parse_mention(text[cut + 1:seg_end], rules)
            if rest.kind == "title":
                appositive = rest.title
    if name:
        if not title and len(name) > 1 and clean_token(name[0]) in rules.state_heads:
            # "أدانت مملكة البحرين التفجير": a state speaks as an institution does
            return Mention(span, "institution", name=strip(name), title=strip(name))
        # trailing words with the article after a one-word name are descriptions ("يوروتانيل الفرنسية")
        return Mention(span, "person", name=strip(name), title=strip(title), appositive=appositive)
    if title and head is None and len(title) == 1:
        return Mention(span, "person", name=strip(title))   # a family name: "البيومي", "العريان"
    if title and head is None and all(classify(clean_token(w), rules) in ("DEF",) for w in title):
        return Mention(span, "title", title=strip(title))    # descriptions only: "الحداد القرار"
    if title and head == "TITLE" and len(title) >= 2 and not name:
        last = clean_token(title[-1])
        if last.startswith("ال") and last.endswith("ي") and last not in rules.nisba_adjectives \
                and classify(last, rules) == "DEF" and classify(clean_token(title[-2]), rules) == "TITLE":
            # "الوزير القحطاني", "الدكتور الخضيري": a family name after a bare title
            return Mention(span, "person", name=strip(title[-1:]), title=strip(title[:-1]))
    if title and head == "TITLE":
        return Mention(span, "title", title=strip(title))
    return Mention(span, "none")


@dataclass(eq=False)
class Entity:
    """A person or institution of one article."""
    kind: str
    name: str = ""
    titles: list = field(default_factory=list)
    agree: str = ""
    last_pos: int = -1
    positions: list = field(default_factory=list)

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
            if toks <= et or et <= toks:
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
            for k in range(len(toks) - 1, 0, -1):
                if ent is not None or k == 1 and not self._is_family_name(toks[0]) \
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
                if t and t not in ent.titles:
                    ent.titles.append(t)
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
            if ent is None:
                ent = Entity(mention.kind, mention.name, [mention.title])
                self._add(ent)
            elif len(normalize(mention.name)) > len(normalize(ent.name)):
                ent.name = mention.name
        elif mention.kind == "title":
            # "الوزير القحطاني": a family name after the title, of a person the article named
            ent = self._find_family_name(mention.title) or \
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
            return self._find_family_name(mention.title) or \
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
    if entity.kind in ("institution", "anonymous"):
        return agree in ("f", "p") and entity.agree in ("f", "p")
    return False
