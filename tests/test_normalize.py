from quotes import normalize as n


def test_strip_diacritics_and_tatweel():
    assert n.strip_diacritics("قَالَ الرَّئِيسُ") == "قال الرئيس"
    assert n.strip_diacritics("قـــال") == "قال"


def test_fold_alef_forms():
    assert n.fold_alef("أإآٱ") == "اااا"


def test_fold_ya_and_teh_marbuta_and_hamza():
    assert n.fold_ya("مصطفى") == "مصطفي"
    assert n.fold_teh_marbuta("الحكومة") == "الحكومه"
    assert n.fold_hamza("مسؤول رئيس") == "مسوول رييس"


def test_fold_digits_both_arabic_indic_sets():
    assert n.fold_digits("٢٠٢٤ و۱۲") == "2024 و12"


def test_normalize_applies_all_folds_and_collapses_spaces():
    assert n.normalize("  أَكَّدَ   الوزيرةُ  ٣ ") == "اكد الوزيره 3"


def test_fold_same_length_keeps_offsets():
    text = "قَالَ أحمد"
    folded = n.fold_same_length(text)
    assert len(folded) == len(text)
    assert folded.replace("\u0640", "") == "قال احمد"


def test_lam_alef_ligature_is_unfolded():
    assert n.normalize("\ufef7حزاب") == "لاحزاب"


def _translate(text, table):
    """The folds as str.translate would apply them: the reference the replace chains must equal."""
    return text.translate(str.maketrans(dict(table)))


def test_replace_chains_equal_translate_on_every_mapped_character():
    # every character a map replaces, among Arabic letters, marks and digits, short and long
    alphabet = "".join(sorted({c for c, _ in n._ALL} | {c for c, _ in n._SAME_LENGTH})) + "قال الرئيس، ١٢ 3"
    for text in (alphabet, alphabet * 20, alphabet[::-1] * 3):
        assert n.fold_same_length(text) == _translate(text, n._SAME_LENGTH)
        assert len(n.fold_same_length(text)) == len(text)
        assert n.strip_diacritics(text) == _translate(text, n._STRIP)
        assert n.normalize(text) == " ".join(_translate(text, n._ALL).split())
    # short strings go through a cache: the same answer as the long path
    assert n.normalize("  أَكَّدَ   الوزيرُ ") == "اكد الوزير"
