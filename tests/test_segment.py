from quotes.segment import paragraphs


def inner(text):
    return [text[q.inner_start:q.inner_end] for p in paragraphs(text) for q in p.quotes]


def test_curly_quotes_pair():
    assert inner("قال إن “السلام ممكن” اليوم.") == ["السلام ممكن"]


def test_guillemets_with_nested_curly_quotes():
    assert inner("وقال: «نرفض ما سماه “الحل المؤقت” تماماً».") == ["نرفض ما سماه “الحل المؤقت” تماماً"]


def test_mark_written_in_the_wrong_direction_pairs_with_itself():
    # the seed article writes لـ”روسيا قوية ...”
    assert inner("أكد دعمه لـ”دولة قوية من أجل الاستقرار”.") == ["دولة قوية من أجل الاستقرار"]


def test_unclosed_mark_ends_at_its_paragraph():
    text = "وأوضح أن الوثيقة “جاهزة للتوقيع.\nفقرة أخرى لا تنتمي إلى الاقتباس."
    assert inner(text) == ["جاهزة للتوقيع"]


def test_html_entity_and_double_apostrophe_quotes():
    assert inner("قال &quot;نعم للحوار&quot; أمس") == ["نعم للحوار"]
    assert inner("قال ''لا للعنف'' أمس") == ["لا للعنف"]


def test_straight_quotes_pair_in_turn_whatever_the_spacing():
    assert inner('وأضاف "  إن الأمر محسوم " ثم غادر.') == ["  إن الأمر محسوم "]


def test_period_after_one_letter_abbreviation_does_not_end_a_sentence():
    p = paragraphs("أكد د. سامي أن الأمر محسوم. ثم غادر.")[0]
    assert len(p.sentence_ends) == 2


from hypothesis import given, settings, strategies as st  # noqa: E402

from quotes.cues import WORD_RE, words  # noqa: E402
from quotes.normalize import fold_same_length  # noqa: E402

_ALPHABET = "قالوزيرأإآةىئؤ ٠١2 ،.:«»“”\"'()-ـ\u064e\u0651\u0301\u200f\n\t\xa0éa"


@given(st.text(alphabet=_ALPHABET, max_size=120), st.integers(0, 130), st.integers(0, 130))
@settings(max_examples=300, deadline=None)
def test_words_are_the_letter_runs_of_the_word_pattern(text, a, b):
    # the fast path over space-separated tokens must give exactly what the pattern gives
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    folded = fold_same_length(text)
    expected = [(m.start(), m.end(), m.group().replace("\u0640", ""))
                for m in WORD_RE.finditer(folded, start, end)]
    assert words(text, None, start, end) == expected


def test_no_paragraph_ends_with_a_preposition_or_starts_with_a_comma():
    from quotes.segment import paragraphs
    text = "وأضاف موسى في\nحسابه على «تويتر»\n، مساء السبت، أن الأمر انتهى.\nفقرة ثانية."
    paras = paragraphs(text)
    assert [text[p.start:p.end] for p in paras] == [text[:text.index("\nفقرة")], "فقرة ثانية."]


def test_a_heading_line_is_no_link_text():
    from quotes.segment import paragraphs
    # a short line after a finished sentence is a heading, and a line starting with a space
    # after it starts a paragraph of its own
    text = "انتهى الاجتماع.\nالعنوان الفرعي\n وقال الوزير إن العمل مستمر."
    assert len(paragraphs(text)) == 3


def test_a_straight_mark_before_a_comma_opens_nothing():
    # 'بالعزاء لأهالي الشهداء في مدن القناة"، قائلا "نحن معكم ولن نسمح بعزلتكم".': the stray mark
    # before the comma closes nothing and opens nothing; the quotation after قائلا stands alone
    from quotes.segment import pair_quotes
    text = 'وقدم صباحي في تغريدة عبر "تويتر" العزاء لأهالي الشهداء"، قائلا "نحن معكم ولن نسمح بعزلتكم".'
    quotes = pair_quotes(text, 0, len(text))
    assert [text[q.inner_start:q.inner_end] for q in quotes] == ["تويتر", "نحن معكم ولن نسمح بعزلتكم"]


def test_an_unclosed_quotation_ends_before_a_lead_in_to_a_quotation_of_its_own():
    # 'إن هذه الاجراءات "تأتي في الوقت ...، مضيفا أن "الفساد ..."': the first mark is never closed;
    # "، مضيفا أن" is the reporter's, and the second quotation stands alone
    from quotes.segment import pair_quotes
    text = 'وقال في بيان إن هذه الاجراءات "تأتي في الوقت الذي يطالب فيه الناس بالإصلاح، مضيفا أن "الفساد خطير".'
    quotes = pair_quotes(text, 0, len(text))
    assert [(text[q.inner_start:q.inner_end], q.closed) for q in quotes] == [
        ("تأتي في الوقت الذي يطالب فيه الناس بالإصلاح", False), ("الفساد خطير", True)]


def test_a_participle_after_an_unclosed_quotation_reports_its_own(extract):
    st = extract('وقال الحداد في بيان إن هذه الاجراءات "تأتي في الوقت المناسب، مضيفا أن "الفساد خطير".')
    assert [s["cue"] for s in st] == ["قال", "مضيفا"]


def test_the_periods_of_an_abbreviation_end_no_sentence():
    # "وأضاف لتلفزيون بي.بي.سي «...»": the verb still reaches its quotation; "لبنان.من جهته" still ends one
    from quotes.segment import paragraphs
    text = "وأضاف لتلفزيون بي.بي.سي «الشخص الذي دونها ربما عرفه»، وقال في لبنان.من جهته أوضح الوزير."
    para = paragraphs(text)[0]
    assert para.sentence_end_after(0) == text.index("لبنان.") + len("لبنان")


def test_many_unclosed_quotations_look_at_each_sentence_end_once(monkeypatch):
    # an unclosed mark ends before a sentence that opens with a reporting verb; each sentence
    # end of the paragraph is looked at once for all its unclosed marks, not once for each mark
    # (a 5 MB line of unclosed marks took minutes)
    from quotes import segment
    seen = []
    real = segment._opens_reporting_clause
    monkeypatch.setattr(segment, "_opens_reporting_clause", lambda w: seen.append(w) or real(w))
    text = "قال إن “ «كلمة أخرى. " * 200 + "وأضاف أن العمل مستمر."
    quotes = segment.pair_quotes(text, 0, len(text))
    assert quotes and len(seen) <= 201


def test_a_quotation_closed_by_its_own_opening_mark_ends_before_a_reporting_clause(extract):
    # Al Madina (dev2): 'مضيفًا انه «لا يزال عشرات منهم محتجزين ... الانسانية. وأكد بيان المجلس أن
    # ما يتم نشره ... «فبركات إعلامية من مطابخ معادية»': the second « was read as the first's end,
    # and the council's statement vanished inside the quotation
    text = ("وقال المجلس إن الأسرى بخير، مضيفا انه «لا يزال عشرات منهم محتجزين لدى المقاومة. "
            "وأكد بيان المجلس أن ما يتم نشره «فبركات إعلامية من مطابخ معادية».")
    assert inner(text)[0] == "لا يزال عشرات منهم محتجزين لدى المقاومة"
    assert [s["cue"] for s in extract(text)] == ["قال", "مضيفا", "أكد"]
    # «...« with no sentence of the reporter's inside stays one quotation, closed the wrong way round
    assert inner("وقال: «نحن مستمرون في العمل« ثم غادر.") == ["نحن مستمرون في العمل"]


def test_a_mark_before_a_comma_opens_no_quotation(extract):
    # (snn2-alweeam-01) a lone closing mark ends colon speech; it was taken for an opening one,
    # and the colon speech ran on over the participle's own statement
    text = ("قال معاليه : لقد أوحت هذه الفضائيات وشبكات التواصل للناظرين وكأن هذه الدنيا أصبحت هدفا "
            "للفوضى الفكرية وأخرى بدعوى الإثارة والبلبلة ” ، مؤكدا أن الخلل في الأمن الفكري طريق إلى "
            "الخلل في الجانب السلوكي .")
    assert not paragraphs(text)[0].quotes
    got = extract(text)
    assert [(r["cue"], r["quote"].split()[-1]) for r in got] == [("قال", "والبلبلة"), ("مؤكدا", "السلوكي")]
