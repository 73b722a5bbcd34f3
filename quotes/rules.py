"""Load the rule files under ``rules/`` and compile them into patterns.

Rules are data: the YAML files list words; this module only turns a word into a pattern that
finds it in unnormalized text (optional diacritics and tatweel between letters, any alef or
ya form), so that offsets always point into the text exactly as read.
"""
import functools
import os
from dataclasses import dataclass, field

import regex
import yaml

from .cues import OBJECT_SUFFIXES, lookup
from .normalize import normalize, strip_article

RULES_DIR = os.environ.get("QUOTES_RULES") or os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules")
_PACKAGED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules")

#: what may stand between two letters of a word in running text
MARKS = r"[\u064B-\u065F\u0670\u0640]*"
_LETTER_CLASSES = {
    "ا": "[اأإآٱ]", "أ": "[اأإآٱ]", "إ": "[اأإآٱ]", "آ": "[اأإآٱ]", "ٱ": "[اأإآٱ]",
    "ي": "[يىئ]", "ى": "[يىئ]", "ة": "[ةه]", "ه": "[ةه]", "ئ": "[ئيى]", "و": "[وؤ]", "ؤ": "[ؤو]",
}
#: a word boundary for Arabic text: no letter or mark before / after
WB_START = r"(?<![\p{L}\p{M}\p{N}])"
WB_END = r"(?![\p{L}\p{M}\p{N}])"   # (a mark too: "إِنَّا" holds no "إِنَّ")


def word_pattern(word):
    """A pattern matching ``word`` in running text, with diacritics, tatweel and letter variants."""
    parts = []
    for ch in normalize(word):
        if ch == " ":
            parts.append(r"\s+")
        else:
            parts.append(_LETTER_CLASSES.get(ch, regex.escape(ch)))
    return MARKS.join(parts) + MARKS


def alternation(words):
    """One pattern matching any of ``words``, longest first."""
    words = sorted({w for w in words if w}, key=lambda w: -len(normalize(w)))
    return "(?:" + "|".join(word_pattern(w) for w in words) + ")"


@dataclass(frozen=True)
class Phrases:
    """Normalized phrases as {first word: {number of words after it: {those words, as tuples}}},
    with the keys a word beginning one may have: the first word bare or after و/ف."""
    rests: dict
    first_keys: frozenset


def phrases(texts):
    rests = {}
    for p in texts:
        words = normalize(p).split()
        rests.setdefault(words[0], {}).setdefault(len(words) - 1, set()).add(tuple(words[1:]))
    return Phrases(rests, frozenset(c + w for w in rests for c in ("", "و", "ف")))


def agreement(form, base, tense):
    """Gender/number a verb form agrees with: 'm', 'f', 'd' (dual) or 'p' (plural).

    ``base`` is the verb's first (masculine singular) form of the same tense; the affixes that
    ``form`` adds to it tell the agreement.
    """
    w, b = normalize(form), normalize(base)
    if w == b:
        return "m"
    if tense == "present":
        if w.endswith("ون"):
            return "p"
        if w.endswith("ان"):
            return "d"
        return "f" if w.startswith("ت") else "m"
    if w.endswith("وا"):
        return "p"
    if w.endswith("تا") or w.endswith("ا") and not b.endswith("ا"):
        return "d"
    if w.endswith("ت"):
        return "f"
    return "m"


#: the endings of a circumstantial participle ("مضيفاً", "مضيفةً", "مضيفين"); the bare stem
#: ("مدين") and the nominative ("مضيفون") are nouns or adjectives, not continuations of speech
PARTICIPLE_ENDINGS = {"ا": "m", "ه": "f", "ين": "p", "تين": "d"}


@dataclass
class CueForm:
    """One written form of a reporting cue."""
    text: str
    lemma: str
    kind: str          # 'verb', 'participle', 'according', 'document'
    agree: str = "m"   # 'm', 'f', 'd', 'p'
    relay: bool = False
    object_first: object = False     # True, or the preposition that marks the object right after it
    tense: str = "past"
    conjoined_only: bool = False


@dataclass
class Rules:
    """Everything the extractor reads from ``rules/``, compiled."""
    forms: dict = field(default_factory=dict)     # normalized form -> CueForm
    complementizer_re: object = None
    according_re: object = None
    data: dict = field(default_factory=dict)
    addressee_re: object = None
    content_break_re: object = None
    eulogies: dict = field(default_factory=dict)     # normalized words of a eulogy -> whom it praises
    eulogy_firsts: set = field(default_factory=set)  # their first words
    source_anaphors: dict = field(default_factory=dict)  # "المصدر" -> heads of the sources it takes up
    speech_noun_cues: set = field(default_factory=set)   # "بقوله", "لقوله"
    dual_heads: set = field(default_factory=set)     # "صحيفتا", "وكالتا": two bodies named after it
    #: keys a word may have to be a cue (:func:`quotes.cues.find_cues` looks closer at these only)
    cue_keys: frozenset = frozenset()
    #: keys of a one-word title, bare, with the article or after و/ف/ل/ب (the title prescan's words)
    title_keys: frozenset = frozenset()
    #: the according and document cues as normalized words (:class:`Phrases`): a paragraph
    #: where none begins (after an optional و/ف) holds no match of according_re / document_re
    according_words: object = None
    complementizer_words: object = None     # where complementizer_re may match: [preposition] [ب]complementizer
    document_words: object = None
    document_issuer_re: object = None    # after a document's mention: the words before its issuer
    #: token -> its class (quotes.mentions.classify): a pure function of the token and these rules
    token_classes: dict = field(default_factory=dict, repr=False)


#: attribute of :class:`Rules` -> (rule file, key): word lists, normalized when loaded
WORD_LISTS = {
    "person_titles": ("speakers", "person_titles"),
    "institution_heads": ("speakers", "institution_heads"),
    "anonymous_heads": ("speakers", "anonymous_heads"),
    "name_connectors": ("speakers", "name_connectors"),
    "mention_stops": ("speakers", "mention_stops"),
    "media_heads": ("speakers", "media_heads"),
    "media_names": ("speakers", "media_names"),
    "spokesman_titles": ("speakers", "spokesman_titles"),
    "supervising_titles": ("speakers", "supervising_titles"),
    "unnamed_heads": ("speakers", "unnamed_heads"),
    "partitives": ("speakers", "partitives"),
    "partitives_of": ("speakers", "partitives_of"),
    "indefinite_adjectives": ("speakers", "indefinite_adjectives"),
    "title_modifiers": ("speakers", "title_modifiers"),
    "not_speakers": ("speakers", "not_speakers"),
    "not_sources": ("speakers", "not_sources"),
    "term_heads": ("speakers", "name_heads"),
    "speech_nouns": ("speakers", "speech_nouns"),
    "clause_particles": ("speakers", "clause_particles"),
    "sentence_adjuncts": ("speakers", "sentence_adjuncts"),
    "subject_follows": ("speakers", "subject_follows"),
    "name_introducers": ("speakers", "name_introducers"),
    "mention_skips": ("speakers", "mention_skips"),
    "name_continuations": ("speakers", "name_continuations"),
    "title_family_names": ("speakers", "title_family_names"),
    "nisba_adjectives": ("speakers", "nisba_adjectives"),
    "place_heads": ("speakers", "place_heads"),
    "directed_place_preps": ("speakers", "directed_place_preps"),
    "state_heads": ("speakers", "state_heads"),
    "country_names": ("speakers", "country_names"),
    "medium_documents": ("speakers", "medium_documents"),
    "article_first_names": ("speakers", "article_first_names"),
    "place_names": ("speakers", "place_names"),
    "cited_speakers": ("speakers", "cited_speakers"),
    "address_forms": ("speakers", "address_forms"),
    "first_name_connectors": ("speakers", "first_name_connectors"),
    "never_in_name": ("speakers", "never_in_name"),
    "document_heads": ("speakers", "document_heads"),
    "prepositions": ("cues", "prepositions"),
    "complementizers": ("cues", "complementizers"),
    "bare_speech": ("cues", "bare_speech"),
    "comma_speech": ("cues", "comma_speech"),
    "clause_openers": ("cues", "clause_openers"),
    "interjection_verbs": ("cues", "interjection_verbs"),
    "speech_openers": ("cues", "speech_openers"),
    "not_complementizer_after": ("cues", "not_complementizer_after"),
    "not_complementizer_before": ("cues", "not_complementizer_before"),
    "verbal_noun_after": ("cues", "verbal_noun_after"),
    "according_lam": ("cues", "according_lam"),
    "own_words": ("cues", "own_words"),
    "impersonal_forms": ("cues", "impersonal_forms"),
}


def _read(name, rules_dir, optional=False):
    """A rule file of ``rules_dir`` (the packaged one when it has none); ``optional``: {} when
    neither exists."""
    path = os.path.join(rules_dir, name)
    if not os.path.exists(path):
        path = os.path.join(_PACKAGED, name)
    if optional and not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def _norm_set(words):
    return {normalize(w) for w in words or []}


@functools.lru_cache(maxsize=4)
def load(rules_dir=RULES_DIR):
    """Read and compile the rule files of ``rules_dir`` (cached)."""
    cues = _read("cues.yml", rules_dir)
    spk = _read("speakers.yml", rules_dir)
    r = Rules(data={"cues": cues, "speakers": spk, "mentions": _read("mentions.yml", rules_dir)})
    for verb in cues.get("verbs", []):
        lemma = verb["lemma"]
        for tense in ("past", "present"):
            forms = verb.get(tense) or []
            for form in forms:
                r.forms[normalize(form)] = CueForm(form, lemma, "verb", agreement(form, forms[0], tense),
                                                   bool(verb.get("relay")), verb.get("object_first") or False, tense,
                                                   bool(verb.get("conjoined_only")))
        stem = verb.get("participle")
        if stem:
            for ending, agree in PARTICIPLE_ENDINGS.items():
                r.forms[normalize(stem + ending)] = CueForm(stem + ending, lemma, "participle", agree)
    r.speech_noun_cues = _norm_set(cues.get("speech_noun_cues"))
    for noun in cues.get("speech_noun_cues") or []:
        agree = "p" if noun.endswith("هم") else "f" if noun.endswith("ها") else "m"
        r.forms[normalize(noun)] = CueForm(noun, "قال", "participle", agree)
    r.complementizer_re = regex.compile(
        WB_START + r"(?P<prep>(?:" + alternation(cues.get("prepositions", [])) + r")\s*)?"
        r"(?P<comp>ب?" + alternation(cues.get("complementizers", [])) + r")" + WB_END)   # "لأن" is "because"
    r.according_re = regex.compile(
        WB_START + r"(?:[وف]" + MARKS + r")?(?P<cue>" + alternation(cues.get("according", [])) + r")" + MARKS + WB_END)
    r.document_re = regex.compile(
        WB_START + r"(?P<prefix>(?:[وف]" + MARKS + r")?)(?P<cue>" + alternation(cues.get("document_cues", [])) + r")" + WB_END)
    comps = [c for c in cues.get("complementizers", []) if c]
    comps += ["ب" + c for c in comps]
    preps = [p for p in cues.get("prepositions", []) if p]
    r.complementizer_words = phrases(comps + [p + sep + c for p in preps for c in comps for sep in ("", " ")])
    r.according_words = phrases(cues.get("according", []))
    r.document_words = phrases(cues.get("document_cues", []))
    r.addressee_re = regex.compile(
        WB_START + r"(?P<cue>" + alternation(s + e for s in cues.get("addressee_participles", [])
                                                   for e in ("ا", "", "ة", "ين")) + r")(?:" + MARKS + r"[ًٌٍ])?" + WB_END)
    r.content_break_re = regex.compile(
        r"\s(?:و" + MARKS + r")" + alternation(cues.get("content_breaks", [])) + MARKS + WB_END)
    for attr, (source, key) in WORD_LISTS.items():
        setattr(r, attr, _norm_set((spk if source == "speakers" else cues).get(key)))
    # the dual of a feminine head, in construct before the two names ("صحيفتا "ذي دايلي مايل"
    # و"دايلي تلغراف"", "وكالتا ..."): the same kind of head
    r.dual_heads = {h[:-1] + "تا" for h in r.institution_heads | r.media_heads
                    if h.endswith("ه") and not h.startswith("ال") and " " not in h}
    r.institution_heads |= r.dual_heads
    r.media_heads |= {d for d in r.dual_heads if d[:-2] + "ه" in r.media_heads}
    r.name_heads = r.term_heads | r.media_heads | r.institution_heads
    r.title_words = {w for w in r.person_titles if " " not in w}
    r.title_keys = frozenset(r.title_words | {p + w for w in r.title_words for p in ("ال", "و", "ف", "ل", "ب")})
    r.object_suffix = set(cues.get("object_suffix") or [])
    r.subject_frames = [(_norm_set(f["openers"]), _norm_set(f["particles"]), f.get("prefix", ""))
                        for f in spk.get("subject_frames") or []]
    r.cue_max_len = max(len(k) for k in r.forms) + 4   # a prefix and an object pronoun
    # every key find_cues can take for a cue: a form, with an object pronoun, after و/ف
    suffixed = set(r.forms) | {f + s for f in r.forms for s in OBJECT_SUFFIXES}
    r.cue_keys = frozenset(suffixed | {p + k for k in suffixed for p in "وف"})
    r.document_heads = {strip_article(d) for d in r.document_heads}     # matched without ال
    r.document_issuer_re = regex.compile(spk["document_issuer"].strip())
    r.verb_shape_re = regex.compile("|".join(f"(?:{p})" for p in spk.get("verb_shapes") or []) or r"(?!)")
    r.pronouns = {normalize(k): v for k, v in (spk.get("pronouns") or {}).items()}
    r.eulogies = {tuple(normalize(k).split()): v for k, v in (spk.get("eulogies") or {}).items()}
    r.eulogy_firsts = {e[0] for e in r.eulogies if e}
    r.source_anaphors = {normalize(k): _norm_set(v) for k, v in (spk.get("source_anaphors") or {}).items()}
    measured = _read("confidence.yml", rules_dir, optional=True)
    r.confidence = {k: v["precision"] for k, v in (measured.get("patterns") or {}).items()}
    return r



def cue_form(rules, text):
    """The :class:`CueForm` of a cue as written ("قائلاً", "وصفه", "وأكد"), or None."""
    w = normalize(text)
    found = lookup(rules, w, text)
    if found is None and w[:1] in "وف":
        found = lookup(rules, w[1:], text)
    return found
