"""Turn an article into statements: find them (attribute), then resolve their speakers."""
import regex

from . import rules as rules_mod
from .attribute import find_statements, opens_with_adjunct, _words
from .cues import _skip_letter, words as cue_words
from .normalize import normalize, strip_article, tokens
from .mentions import QUOTE_CHARS, Mention, classify, clean_token, parse_mention
from .speakers import ArticleSpeakers, Entity, compatible, nisba_family

HEADLINE_REPEAT = 0.6      # share of a headline statement's words found in one body statement


def _prescan(text, rules, speakers, word_list=None):
    """Register every "title ... name" of the text, so a bare title later resolves to its holder."""
    titles = rules.title_words
    words = word_list if word_list is not None else cue_words(text)
    keys = rules.title_keys
    covered, holder = -1, ""    # where the last person read ends, and his name
    for i in [i for i, w in enumerate(words) if w[2] in keys]:
        ws, we, key = words[i]
        if i and strip_article(words[i - 1][2]) in rules.term_heads:
            continue        # "في جامع الإمام تركي بن عبدالله": a place named after someone; "المؤتمر
                            # الصحفي لبلاتر": a title word as the adjective of a term
        if key in titles or key[2:] in titles and key.startswith("ال"):
            s = ws
        elif key[1:] in titles and key[:1] in "وفلب":
            s = ws + _skip_letter(text[ws:we], 0)
        else:
            continue
        _register_name_before(text, words, i, s, rules, speakers)
        # only where a name follows within a few words (most titles stand alone: "قال الرئيس إن")
        if not any(classify(k, rules) in ("NAME", "CONN") for _, _, k in words[i + 1:i + 7]):
            continue
        men = parse_mention(text[s:_reach_end(text, s, 120)], rules)
        # (a title inside the last person's words is his: "الدكتور عبد الواحد النبوي وزير الثقافة
        # المصري إطلاق مشروع جديد" names no "إطلاق مشروع جديد"; but a title joined by و whose
        # name comes after those words is another's: "نتنياهو إختار الجنرال السابق ... ووزير
        # الشؤون الاستراتيجية موشي يعالون")
        joined = s < covered and key[:1] == "و" and key not in titles and s + men.text.find(men.name) >= covered
        if men.kind == "person" and men.title and (s >= covered or joined or men.name in holder or holder in men.name):
            _alias_after(text, s + len(men.text), speakers.register(men, s), rules)
            covered, holder = max(covered, s + len(men.text)), men.name if s >= covered else max(holder, men.name, key=len)


ALIAS_RE = regex.compile(r"\s*\(([^()\n]{3,40})\)")


def _alias_after(text, end, ent, rules):
    """"الرئيس الفلسطيني محمود عباس (أبو مازن)": a name of two words or more in brackets right
    after a person's is another name of his, by which the article may go on."""
    m = ALIAS_RE.match(text, end)
    if m is None or ent is None:
        return
    men = parse_mention(m.group(1), rules)
    if men.kind == "person" and not men.title and len(men.name.split()) > 1 and men.name not in ent.aliases:
        ent.aliases.append(men.name)


def _register_name_before(text, words, i, title_start, rules, speakers):
    """"شدد ماجد خلوصى نقيب المهندسين": a name of two or more words between a reporting verb
    and a title (nothing between them) holds it, so a later bare "نقيب المهندسين" resolves to him."""
    j = i
    while j > 0 and i - j < 4 and classify(words[j - 1][2], rules) in ("NAME", "CONN") \
            and not text[words[j - 1][1]:(words[j][0] if j < i else title_start)].strip():
        j -= 1
    if i - j < 2 or j == 0 or words[j - 1][2] not in rules.cue_keys:
        return
    men = parse_mention(text[words[j][0]:_reach_end(text, words[j][0], 160)], rules)
    if men.kind == "person" and men.appositive and len(men.name.split()) >= 2:
        speakers.register(men, words[j][0])


def _reach_end(text, start, reach):
    """Where the words read from ``start`` end: the paragraph's end within ``reach`` characters,
    else the end of the word at ``reach`` (a long title chain cut there had given a name cut
    inside a word: "عبدالرحمن بن عبدالع")."""
    end = text.find("\n", start, start + reach)
    if end >= 0:
        return end
    m = _WORD_END_RE.search(text, start + reach)
    return m.start() if m else len(text)


_WORD_END_RE = regex.compile(r"[^\w\p{M}]|$")


MAX_SENTENCE_BACK = 800     # characters from a sentence's start to a cue whose subject it gives


MAX_RECENT = 40     # speakers an implicit subject may go back to, most recent last


def _touch(recent, ent):
    """Make ``ent`` the most recent speaker (identity, not equal fields); keep the list short."""
    for k in range(len(recent) - 1, -1, -1):
        if recent[k] is ent:
            del recent[k]
            break
    recent.append(ent)
    if len(recent) > MAX_RECENT:
        del recent[0]


def _sentence_start(text, pos):
    """Where the sentence holding ``pos`` starts (after a full stop or a line break), looked for
    no further back than just past MAX_SENTENCE_BACK: beyond, the start found is that limit."""
    floor = max(0, pos - MAX_SENTENCE_BACK - 1)
    found = max(text.rfind(".", floor, pos), text.rfind("\n", floor, pos))
    return found + 1 if found >= 0 else floor


#: words at most of an adjunct opening a sentence before its comma ("في واقعة فريدة من نوعها،", "وفي
#: خطاب متلفز أمس عشية زيارة اوباما،")
MAX_ADJUNCT_WORDS = 10


def _sentence_subject(text, pos, rules):
    """The subject of the first verb of the sentence holding ``pos`` (the speaker a participle continues)."""
    start = _sentence_start(text, pos)
    if pos - start > MAX_SENTENCE_BACK:
        return None     # too long a run of text to tell its subject (and a look back must stay bounded)
    words = _clause_words(text, start, pos, rules)
    if _turned(words, rules):
        words = words[2:]       # "من جانبه عبر الفارس ...": the verb follows the adjunct
    # an opening adjunct "وفي وقت سابق،" stands before the verb: skip to after its comma (after
    # "من جانبه" the verb comes, whatever stop word it is written as: "عبر")
    elif words and normalize(words[0][0]) in rules.mention_stops | {"وفي", "وفى"}:
        comma = min((c for c in (text.find("،", start, pos), text.find(",", start, pos)) if c >= 0), default=-1)
        words = [w for w in words if w[1] > comma] if comma >= 0 else []
        if len(_words(text, start, max(comma, start))) > MAX_ADJUNCT_WORDS:
            return None     # "وفي ذات السياق استطاعت أم محمد ...، عنوانه": the adjunct had no comma
    if len(words) < 2:
        return None
    s = words[1][1]
    gap = text[words[0][2]:s].strip(" \t\xa0")
    first = normalize(words[0][0])
    if gap and gap[0] in ":«“\"" and (first in rules.forms or first[1:] in rules.forms):
        return None     # "وقال: "الخطة جاهزة"، مضيفا": the verb's words follow, not a subject
    men = parse_mention(text[s:min(pos, s + 300)], rules)
    if men.kind == "title" and not any(classify(clean_token(w), rules) == "TITLE" for w in men.title.split()):
        # "وانتقد الحداد القرار، قائلاً": a family name, then the verb's object
        return Mention(words[1][0], "person", name=words[1][0])
    return men if men.kind in ("person", "institution", "anonymous", "title") else None


def _clause_words(text, start, pos, rules):
    """The words of ``text[start:pos]`` after the particles that open a clause (و, ثم, كما ...)."""
    words = _words(text, start, pos)
    while words and normalize(words[0][0]) in rules.clause_particles:
        words = words[1:]
    return words


def _turned(words, rules):
    """Do ``words`` open with an adjunct that turns to a speaker ("من جانبه", "من جهتها":
    rules/speakers.yml sentence_adjuncts), their verb after it?"""
    return len(words) > 2 and opens_with_adjunct(words, rules)


def _turns_to_speaker(text, pos, rules):
    """Does the sentence holding ``pos`` open by turning to a speaker?"""
    return _turned(_clause_words(text, _sentence_start(text, pos), pos, rules), rules)


def _previous_subject(text, st, prev, rules, speakers):
    """"رفع رئيس الاتحاد ... الأمير عبدالله بن فهد التهنئة لـ... .وأكد أن ...": a verb opening its
    sentence with no subject continues the subject of the sentence before, when that sentence
    reported nothing (else its speaker is the latest) and its subject is a titled person or an
    institution (not the words after a verb's object)."""
    start = _sentence_start(text, st.cue_start)
    if text[start:st.cue_start].strip(" \t\xa0\u200f") not in ("", "و", "ف") or start < 2:
        return None
    before = _sentence_start(text, start - 1)
    if prev is not None and prev.cue_start >= before:
        return None
    subj = _sentence_subject(text, start - 1, rules)
    if subj is None or not (subj.kind == "person" and subj.title or subj.kind == "institution"):
        return None
    ent = _known(speakers, subj) or speakers.register(subj, before)
    return ent if ent is not None and compatible(ent, st.agree) else None


def _frame_subject(text, st, rules):
    """The subject of "وكان X ... قد أكد", "وسبق لـX أن ذكرت": a sentence opened by a frame's word
    (rules/speakers.yml subject_frames), its verb right after the frame's particle, the speaker
    between them; or None."""
    start = _sentence_start(text, st.cue_start)
    if st.cue_start - start > MAX_SENTENCE_BACK:
        return None
    words = _words(text, start, st.cue_start)
    if len(words) < 3:
        return None
    first, last = normalize(words[0][0]), normalize(words[-1][0])
    for openers, particles, prefix in rules.subject_frames:
        if first in openers and last in particles and normalize(words[1][0]).startswith(prefix):
            s = words[1][1] + (_skip_letter(text[words[1][1]:words[1][2]], 0) if prefix else 0)
            men = parse_mention(text[s:words[-1][1]], rules)
            return men if men.kind in ("person", "institution", "anonymous", "title") else None
    return None


def _known(speakers, men):
    """The entity a sentence subject names, trying shorter and shorter name prefixes
    ("أبو الفتوح حصار وحرق الأحزاب" -> "أبو الفتوح"); None if the article knows none."""
    ent = speakers.lookup(men)
    if ent is not None or men.kind != "person":
        return ent
    toks = men.name.split()
    if len(toks) > 1 and nisba_family(toks[-1]):
        return None     # a name closed by its family name ("عبدالله الشربتلي") is whole: not "عبدالله" of another
    for k in range(len(toks) - 1, 0, -1):
        ent = speakers.lookup(Mention(men.text, "person", name=" ".join(toks[:k])))
        if ent is not None:
            return ent
    return None


MEDIUM_REACH = 300      # characters back to the medium whose text a document cue quotes


def _medium_before(text, st, rules, speakers):
    """"ومن السعودية أيضا، أبرزت صحيفة القدس العربي العنوان التالي: "..." وجاء في الخبر: "...""
    (a press review): for a document a medium writes (rules/speakers.yml medium_documents) with
    no issuer, the medium (media_heads) named last in the few lines before it; or None."""
    if not any(normalize(w) in rules.medium_documents for w, _, _ in _words(text, st.cue_start, st.cue_start + 30)[:4]):
        return None
    words = _words(text, max(0, st.cue_start - MEDIUM_REACH), st.cue_start)
    for k in range(len(words) - 1, -1, -1):
        w, ws, _ = words[k]
        key = normalize(w)
        if key[:1] in "وفلب" and key[1:] in rules.media_heads:
            ws += 1
        elif key not in rules.media_heads or key.startswith("ال"):
            continue
        # (its name ends before a term: "صحيفة القدس العربي العنوان التالي")
        end = next((x[1] for x in words[k + 1:k + 8] if strip_article(normalize(x[0])) in rules.term_heads),
                   min(st.cue_start, ws + 80))
        men = parse_mention(text[ws:end], rules)
        if men.kind != "institution" or len(men.name.split()) < 2:
            return None
        # a medium of a press review is its own: not merged into "الصحيفة" of another paper
        return Entity("institution", men.name, [men.title], last_pos=ws, positions=[ws])
    return None


def _cited(ent, rules):
    """Is the entity one an article cites (scripture, sayings), never its running subject?"""
    return ent.kind == "person" and normalize(ent.name or "") in rules.cited_speakers


def _preceded_in_sentence(text, st):
    """Does the cue stand after another clause of its sentence ("دعا X ...، وقال ...")?"""
    start = _sentence_start(text, st.cue_start)
    return len(text[max(start, st.cue_start - 200):st.cue_start].split()) > 2


EPITHET_REACH = 600     # characters back to the named person a definite title may stand for
MAX_STATEMENTS_BACK = 12    # statements of a paragraph looked back at for the one a verb continues


def _epithet(title, rules):
    """A definite title headed by a person's title ("الامين العام السابق للجامعة العربية",
    "القيادي بالحرية والعدالة"); not a spokesman's, who speaks for a body in his own person."""
    words = [clean_token(w) for w in title.split()]
    return bool(words) and words[0].startswith("ال") and classify(words[0], rules) == "TITLE" \
        and strip_article(words[0]) not in rules.spokesman_titles


def _bare_title(title, rules):
    """A title of one word, or one word and adjectives of affiliation ("القيادي الإخواني")."""
    words = [clean_token(w) for w in title.split()]
    return len(words) == 1 or len(words) > 1 and classify(words[0], rules) == "TITLE" \
        and all(w in rules.nisba_adjectives for w in words[1:])


def _subject_entity(men, pos, agree, speakers):
    """The entity of the subject of a verb that introduced no statement, or None: a lone word is a
    name the article gave before, or one it gives here for the first time ("فيما أكدت بوكوفا على
    أهمية ...، مشيرة"), never a definite noun ("ونقل المركبات")."""
    lone = men.kind == "person" and not men.title and len(men.name.split()) == 1
    ent = _known(speakers, men) if lone else None
    if ent is None and not (lone and normalize(men.name).startswith("ال")):
        ent = speakers.register(men, pos, agree)
    return ent


def _named_entity(st, rules, speakers, recent):
    """The entity the statement's own mention names."""
    men = st.mention
    ent = speakers.register(men, st.mention_start, st.agree if st.rule != "according" else "")
    if ent is not None and ent.kind == "title" and _bare_title(men.title, rules):
        # a bare "الوزيرة" ("القيادي الإخواني") no title in the article names: the last
        # speaker it can be
        ent = next((e for e in reversed(recent) if e.kind == "person" and e.name
                    and compatible(e, st.agree)), ent)
    elif ent is not None and ent.kind == "title" and _epithet(men.title, rules):
        # "كما ندد عمرو موسى ...\nوقال الامين العام السابق للجامعة العربية ...": a definite
        # title the article gave nobody, right after a named person: him
        ent = next((e for e in reversed(recent) if e.kind == "person" and len(e.name.split()) > 1
                    and compatible(e, st.agree) and 0 <= st.cue_start - e.seen_before(st.cue_start) < EPITHET_REACH),
                   ent)
    return ent


def _continued_entity(text, statements, i, rules, speakers, last_subject):
    """Who a participle (or a verb inside a sentence) continues: the speaker of the statement before
    it in the same sentence, the nearest subject that spoke in its sentence, or its sentence's
    subject; or None."""
    st = statements[i]
    prev = None
    for j in range(i - 1, max(-1, i - 1 - MAX_STATEMENTS_BACK), -1):
        p = statements[j]
        if p.paragraph != st.paragraph or p.field != st.field:
            break
        if p.entity is not None and p.cue_start < st.cue_start and not _cited(p.entity, rules):
            prev = p        # (a citation's speaker never continues: "قال ﷺ ...، مشيراً إلى أن")
            break
    if prev is not None and text.count(".", prev.end, st.cue_start) == 0:
        return prev.entity
    if st.inherit and last_subject is not None and _sentence_start(text, st.cue_start) <= last_subject[0] \
            and (prev is None or prev.cue_start < last_subject[0]):
        # "وأدانت دولة الإمارات ...، حيث أكد وزير الخارجية ... عبدالله بن زايد ... تضامن
        # بلاده ...، مبيناً أن": the nearest speaking subject of the sentence, not its first
        return last_subject[1]
    subj = _sentence_subject(text, st.cue_start, rules)
    if subj is None:
        return None
    ent = _known(speakers, subj)
    # a first mention counts only when it is unmistakably a speaker: titled or an
    # institution, after a participle or in a sentence that opens by turning to a
    # speaker ("من جانبه عبر الفارس عبدالله الشربتلي عن اعتزازه ... وقال:")
    if ent is None and (st.inherit or _turns_to_speaker(text, st.cue_start, rules)) and (
            subj.kind == "person" and (subj.title or (
                len(subj.name.split()) == 1 and normalize(subj.name).startswith("ال")))
            or subj.kind == "institution"):
        ent = speakers.register(subj, st.cue_start)
    return ent


def _latest_entity(st, rules, speakers, recent):
    """An implicit subject or a pronoun: the latest speaker (else the latest entity named) it agrees
    with; None, with the reason, when the article named none."""
    men = st.mention
    agree = men.agree if men is not None and men.kind == "pronoun" else st.agree
    ent = next((e for e in reversed(recent) if compatible(e, agree) and not _cited(e, rules)), None)
    if ent is None:
        ent = next((e for e in sorted(speakers.entities, key=lambda e: -e.seen_before(st.cue_start))
                    if e.seen_before(st.cue_start) >= 0 and compatible(e, agree) and not _cited(e, rules)),
                   None)
    if ent is None:
        st.speaker_reason = "implicit subject with no earlier speaker in the article"
    return ent


def resolve(text, statements, rules, speakers=None, word_list=None, subjects=()):
    """Give every statement a speaker (an entity of the article) or a reason why none."""
    speakers = speakers or ArticleSpeakers(rules)
    _prescan(text, rules, speakers, word_list)
    recent = []      # entities of statements so far, most recent last
    pending = sorted(subjects, key=lambda x: x[0])
    last_subject = None     # (offset, entity) of the latest verb subject that introduced no statement
    for i, st in enumerate(statements):
        speakers.now = st.cue_start
        while pending and pending[0][0] < st.cue_start:
            pos, men, agree = pending.pop(0)
            ent = _subject_entity(men, pos, agree, speakers)
            if ent is not None:
                _touch(recent, ent)
                last_subject = (pos, ent)
        ent = None
        men = st.mention
        if men is not None and men.kind in ("person", "institution", "anonymous", "title"):
            ent = _named_entity(st, rules, speakers, recent)
        elif men is None and st.rule == "verb" and (subj := _frame_subject(text, st, rules)) is not None:
            ent = _known(speakers, subj) or speakers.register(subj, st.cue_start)
        elif st.inherit or (men is None and st.rule == "verb" and _preceded_in_sentence(text, st)):
            ent = _continued_entity(text, statements, i, rules, speakers, last_subject)
        if ent is None and st.rule == "document":
            # "أبرزت صحيفة القدس العربي العنوان التالي: ... وجاء في الخبر": the medium named just
            # before; else "وجاء في المقال": the author is the person the text spoke of last
            ent = _medium_before(text, st, rules, speakers) or next(
                (e for e in sorted(speakers.entities, key=lambda e: -e.seen_before(st.cue_start))
                 if e.seen_before(st.cue_start) >= 0 and e.kind == "person"), None)
        if ent is None and men is None and st.rule == "verb" and not st.inherit:
            ent = _previous_subject(text, st, statements[i - 1] if i else None, rules, speakers)
        if ent is None and (men is None or men.kind in ("pronoun", "none")):
            ent = _latest_entity(st, rules, speakers, recent)
        st.entity = ent
        if ent is not None:
            st.speaker = ent.display or None
            _touch(recent, ent)
    for st in statements:
        # one person, one name in an article: the fullest the article gives, wherever it comes
        if st.entity is not None:
            st.speaker = st.entity.display or None
    return statements


def fragment_reason(name, rules):
    """Why ``name`` cannot be a speaker's name (the gate of rules/speakers.yml), or None."""
    words = [clean_token(w) for w in name.split()]
    if words and strip_article(words[0]) in rules.document_heads:
        return f"a document ({words[0]}) whose issuer the article does not name"
    for w in words:
        if w in rules.never_in_name or w[:1] in "وف" and w[1:] in rules.never_in_name:
            return f"the words naming the speaker run into '{w}': cut in the wrong place"
    return None


def _issuer(text, st, rules, speakers):
    """The body a document mention names as its issuer: after it ("بيان صادر عن المجلس", "تقرير
    صدر عن مؤسسة النقد") or in construct with it ("بيان إدارة الأغذية والعقاقير", "تقرير مجلة «دير
    شبيغل»"): the article's entity for it, or None."""
    men = st.mention
    if men is None or st.mention_start < 0:
        return None
    after = st.mention_start + len(men.text)
    m = rules.document_issuer_re.match(text, after, min(len(text), after + 40))
    if m is not None:
        end = text.find("\n", m.end(), m.end() + 120)
        issuer = parse_mention(text[m.end():end if end >= 0 else m.end() + 120], rules)
        return speakers.register(issuer, m.end()) if issuer.kind in ("institution", "person", "title") else None
    head, _, rest = men.text.partition(" ")
    rest = rest.strip(QUOTE_CHARS + " ")
    if not rest or strip_article(normalize(head)) not in rules.document_heads:
        return None
    issuer = parse_mention(rest, rules)
    if issuer.kind == "institution" or issuer.kind == "person" and len(issuer.name.split()) > 1:
        return speakers.register(issuer, st.mention_start + len(head) + 1)
    return None


ISSUER_REACH = 600      # characters back to the body whose statement a document with no issuer is


def _body_before(statements, i, since=-1):
    """"قالت الداخلية البحرينية إن ... وقال البيان «...»": a document the article gives no issuer
    (``statements[i]``) is the body that spoke just before it (after ``since``), if one did."""
    st = statements[i]
    for p in reversed(statements[max(0, i - MAX_STATEMENTS_BACK):i]):
        if p.cue_start < st.cue_start - ISSUER_REACH or p.cue_start <= since:
            break
        if p.entity is not None and p.entity.kind == "institution" and p.speaker:
            return p.entity
    return None


def _gate(text, statements, rules, speakers):
    """A document's speaker is its issuer when the article names it; every other speaker that is
    a fragment rather than a name is null, with the reason."""
    issued = {}         # id of a document's entity -> the body that issued it, and where it last spoke
    for i, st in enumerate(statements):
        why = fragment_reason(st.speaker, rules) if st.speaker else None
        if why:
            doc = st.entity
            ent = _issuer(text, st, rules, speakers) if why.startswith("a document") else None
            if ent is None and doc is not None and id(doc) in issued:
                # "وقال بيان صادر عن المجلس ...، وأضاف: ...": the same document, unless another body
                # spoke since ("ذكر بيان نشرته وكالة أنباء البحرين ... قالت الداخلية البحرينية ...
                # وقال البيان": the ministry's)
                ent = _body_before(statements, i, since=issued[id(doc)][1]) or issued[id(doc)][0]
            if ent is None and why.startswith("a document"):
                ent = _body_before(statements, i)
            if ent is not None and ent.display and not fragment_reason(ent.display, rules):
                if doc is not None:
                    issued[id(doc)] = (ent, st.cue_start)
                st.entity, st.speaker = ent, ent.display
            else:
                st.speaker, st.speaker_reason = None, why
    return statements


def extract_text(text, field="text", rules=None, speakers=None):
    """Statements of one field, speakers resolved."""
    rules = rules or rules_mod.load()
    speakers = speakers or ArticleSpeakers(rules)
    word_list = cue_words(text)
    subjects = []
    statements = find_statements(text, rules, field, word_list, subjects)
    return _gate(text, resolve(text, statements, rules, speakers, word_list, subjects), rules, speakers)


#: the confidence pattern of all statements without a speaker
NO_SPEAKER = "*:none"


def confidence_keys(rec):
    """The patterns a statement record came from, most specific first: its rule, its type and how
    its speaker was reached (named at the cue, an implicit subject, or none), then less of them;
    statements without a speaker fall back on each other's figure, never on those with one."""
    how = "none" if not rec["speaker"] else "mention" if rec["mention"] else "implicit"
    clause = rec["rule"].split("+", 1)[0]     # "verb" of "verb+person:title-name"
    if how == "none":       # (a statement without its speaker is measured with the others without)
        return (f"{clause}:{rec['type']}:none", NO_SPEAKER, "*")
    mention = (f"{rec['rule']}:{rec['type']}", rec["rule"]) if clause != rec["rule"] else ()
    return mention + (f"{clause}:{rec['type']}:{how}", f"{clause}:{rec['type']}", clause, "*")


def confidence(rec, rules):
    """The precision measured on the development gold (rules/confidence.yml, written by `make
    eval`) of the most specific patterns of ``rec`` measured often enough, or None."""
    return next((rules.confidence[k] for k in confidence_keys(rec) if k in rules.confidence), None)


def extract_article(article, rules=None):
    """All statements of an article (``text`` then ``title``) as output records (dicts)."""
    rules = rules or rules_mod.load()
    speakers = ArticleSpeakers(rules)
    records = []
    text = article.get("text") or ""
    title = article.get("title") or ""
    sts = extract_text(text, "text", rules, speakers)
    if title:
        # a headline that repeats what the body reports adds nothing: keep the body's statement
        body = None
        for st in extract_text(title, "title", rules, speakers):
            if body is None:        # (only a headline with a statement needs the body's words)
                body = [set(tokens(text[b.start:b.end])) for b in sts]
            words = set(tokens(title[st.start:st.end]))
            if not any(len(words & b) >= HEADLINE_REPEAT * len(words) for b in body):
                sts.append(st)
    for st in sts:
        src = text if st.field == "text" else title
        men = st.mention
        records.append({
            "doc": article["id"],
            "field": st.field,
            "start": st.start,
            "end": st.end,
            "quote": src[st.start:st.end],
            "speaker": st.speaker,
            "speaker_reason": st.speaker_reason,
            "mention": men.text if men is not None and men.kind != "none" else None,
            "cue": st.cue,
            "type": st.type,
            "channel": st.channel,
            "addressee": st.addressee,
            # the clause's pattern, and the mention's when one named the speaker ("verb+person:title-name")
            "rule": f"{st.rule}+{men.pattern}" if men is not None and men.pattern else st.rule,
            "paragraph": st.paragraph,
            "speaker_kind": st.entity.kind if st.entity is not None else None,
        })
        records[-1]["confidence"] = confidence(records[-1], rules)
    return records


def extract_lines(lines, fields=("text", "title")):
    """The statements, as JSON lines, of articles given as JSON lines: a pure map, one article in
    and its statements out, nothing shared between lines, so extraction runs on any engine that
    maps over a file's lines (Spark's ``mapPartitions``, Dask's ``map_partitions``: see the
    README).  A line that is not an article gives nothing; `quotes ingest --statements` loads
    the result without extracting again."""
    import json
    from .read import article_from_json
    for n, line in enumerate(lines, 1):
        try:
            article, problem = article_from_json(json.loads(line), "<lines>", f"line {n}")
        except ValueError:
            continue
        if problem is not None:
            continue
        for rec in extract_article(article):
            if rec["field"] in fields:
                yield json.dumps(rec, ensure_ascii=False)
