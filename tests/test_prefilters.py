"""Shortcuts that spare work must never lose a match: a paragraph is scanned with the according,
document and complementizer patterns only from where the word list shows one of their phrases
beginning, and words are split without a pattern where a piece of text is a bare word."""
from hypothesis import given, settings, strategies as st

from quotes import rules as rules_mod
from quotes.attribute import _word_starts
from quotes.cues import words

RULES = rules_mod.load()

# pieces of running text that stress the patterns: cue words in their spellings (hamza forms,
# tanween, tatweel, harakat), glued conjunctions, digits, punctuation, line breaks and other words
PIECES = ["بحسب", "حسب", "وفق", "وفقاً", "وَفْقًا", "طبقا", "نقلا", "نقلاً", "عن", "على", "علي", "لسان",
          "استنادا", "استناداً", "إلى", "الى", "جاء", "جاءَ", "ورد", "في", "فى", "و", "ف", "ـ", "\u064e",
          "\u0651", " ", "  ", "\n", "،", ".", "«", "»", "\"", "-", "3", "٣", "الوزير", "قال", "إن", "آ",
          "ٱ", "ى", "ئ", "ة", "أن", "أنه", "بأن", "ب", "بـ", "من", "لأن", "إنهم", "ان"]


def _starts(text, pattern):
    return [m.start() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_every_according_document_and_complementizer_match_starts_where_the_word_list_says(pieces):
    text = "".join(pieces)
    wl = words(text)
    assert set(_starts(text, RULES.according_re)) <= set(_word_starts(wl, RULES.according_words))
    assert set(_starts(text, RULES.document_re)) <= set(_word_starts(wl, RULES.document_words))
    # "قال إن", "أشار إلى أن", "بأن", "إلى بأن": a complementizer, with a preposition before it or not
    assert set(_starts(text, RULES.complementizer_re)) <= set(_word_starts(wl, RULES.complementizer_words))


def test_the_word_list_finds_cues_in_their_spellings_and_skips_the_rest():
    # seen in the corpus: "وفقاً لما", "نقلاً عن", "على لسان", "وجاء في"; "على" alone is no cue
    text = "وفقاً لما نشرته الصحيفة، ونقلاً عن مصادر، وعلى لسان الوزير. وجاء في البيان. وعلى الجانب الآخر"
    wl = words(text)
    assert [text[p:p + 5] for p in _word_starts(wl, RULES.according_words)] == ["وفقاً", "ونقلا", "وعلى "]
    assert [text[p:p + 4] for p in _word_starts(wl, RULES.document_words)] == ["وجاء"]
    assert set(_starts(text, RULES.according_re)) == set(_word_starts(wl, RULES.according_words))


def test_find_cues_keeps_every_form_bare_with_conjunction_and_object_pronoun():
    # find_cues looks closer only at words whose key is in rules.cue_keys: every form of the
    # lexicon must still be found alone ("قال"), after و/ف ("وأكد", "فقال") and, for the verbs
    # that take one, with an object pronoun ("وصفه", "ووصفها")
    from quotes.cues import find_cues
    missed = []
    for key, form in RULES.forms.items():
        variants = [form.text] + (["و" + form.text, "ف" + form.text] if len(key) > 2 else [])
        if form.kind == "verb" and form.lemma in RULES.object_suffix and not form.text.endswith("ة"):
            variants += [form.text + "ه", "و" + form.text + "ها"]
        for v in variants:
            found = find_cues("ثم " + v + " ذلك", RULES)
            if not any(m.form is form for m in found):
                missed.append(v)
    assert not missed, missed[:20]


def test_title_keys_are_exactly_the_words_the_title_prescan_takes():
    # the prescan registers "title ... name" at a title bare ("وزير"), with the article
    # ("الوزير") or after و/ف/ل/ب ("ووزير", "لوزير"); it looks only at rules.title_keys
    import pathlib
    titles = RULES.title_words

    def takes(key):
        return key in titles or key[2:] in titles and key.startswith("ال") \
            or key[1:] in titles and key[:1] in "وفلب"
    keys = {k for f in pathlib.Path(__file__).parent.parent.joinpath("corpus").iterdir()
            for _, _, k in words(f.read_text(encoding="utf-8"))}
    keys |= {p + t for t in list(titles)[:50] for p in ("", "ال", "و", "ف", "ل", "ب", "ك", "وال")}
    assert {k for k in keys if takes(k)} == {k for k in keys if k in RULES.title_keys}
    assert any(takes(k) for k in keys) and any(not takes(k) for k in keys)



@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["\t", "\xa0", "\u200f", "a.b", "x", "5", "\u0300", "؟", ")"]), max_size=40),
       st.integers(0, 10))
def test_word_list_is_every_run_of_letters_and_marks(pieces, cut):
    # cues.words takes a piece between two spaces that is all letters at once, and looks
    # closer at the others: the result is every run of letters and marks, keyed without marks
    from quotes.cues import WORD_RE
    from quotes.normalize import fold_same_length
    text = "".join(pieces)
    folded = fold_same_length(text)
    want = [(m.start(), m.end(), m.group().replace("\u0640", "")) for m in WORD_RE.finditer(folded)]
    assert words(text) == want
    start = min(cut, len(text))
    assert words(text, None, start) == [(m.start() + start, m.end() + start, m.group().replace("\u0640", ""))
                                        for m in WORD_RE.finditer(folded[start:])]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["\t", "\xa0", "a-b", "x'y", "-", "'", "د.", "_", "5", "\u0300", ":", "(",
                                          ")", "؛", "؟", "!", "[", "“", "”"]), max_size=30),
       st.integers(-40, 120), st.integers(-40, 120), st.one_of(st.none(), st.integers(1, 8)))
def test_word_runs_are_what_the_pattern_finds(pieces, start, end, limit):
    # the words of a window (attribution) and of a mention (speakers) skip the pattern for a
    # piece that is all letters; the result is the pattern's, window edges and limit included
    from quotes.attribute import _WORD_RE as ATTRIBUTE_WORD
    from quotes.cues import word_runs
    from quotes.speakers import _WORD_RE as MENTION_WORD
    text = "".join(pieces)
    for pattern in (ATTRIBUTE_WORD, MENTION_WORD):
        want = [(m.group(), m.start(), m.end()) for m in pattern.finditer(text, start, end)][:limit]
        assert word_runs(pattern, text, start, end, limit) == want
