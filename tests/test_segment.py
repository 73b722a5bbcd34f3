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
