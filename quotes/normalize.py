"""Arabic text normalization: one small function per rule, character maps as data.

Every function maps a string to a string with ``str.translate`` or one compiled pattern, so
that the hot path never loops over characters in Python.  The character tables come from
pyarabic; its own strip functions are not used because they loop in Python.
"""
import regex
from pyarabic import araby

#: harakat, shadda, sukun, superscript alef and Quranic marks, and tatweel: deleted.
DIACRITICS = "".join(araby.TASHKEEL) + "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" + \
    "\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670" + \
    "".join(chr(c) for c in range(0x06D6, 0x06EE))
TATWEEL = araby.TATWEEL

#: hamza-carrying and wasla alefs folded to bare alef.
ALEF_MAP = {araby.ALEF_HAMZA_ABOVE: araby.ALEF, araby.ALEF_HAMZA_BELOW: araby.ALEF,
            araby.ALEF_MADDA: araby.ALEF, araby.ALEF_WASLA: araby.ALEF}
#: alef maqsura to ya, teh marbuta to heh (as search engines for Arabic usually do).
YA_MAP = {araby.ALEF_MAKSURA: araby.YEH}
TEH_MAP = {araby.TEH_MARBUTA: araby.HEH}
#: hamza on waw / ya folded to the bare letter.
HAMZA_MAP = {araby.WAW_HAMZA: araby.WAW, araby.YEH_HAMZA: araby.YEH}
#: Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
DIGIT_MAP = {chr(0x0660 + i): str(i) for i in range(10)}
DIGIT_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})
#: Persian/Urdu letter shapes that Arabic news sometimes carries.
LETTER_VARIANTS = {"\u06cc": araby.YEH, "\u06a9": "\u0643", "\u06be": araby.HEH,
                   # lam-alef ligatures, as some Egyptian sites write them
                   "\ufefb": "\u0644\u0627", "\ufefc": "\u0644\u0627", "\ufef7": "\u0644\u0627", "\ufef8": "\u0644\u0627",
                   "\ufef9": "\u0644\u0627", "\ufefa": "\u0644\u0627", "\ufef5": "\u0644\u0627", "\ufef6": "\u0644\u0627"}

_STRIP = str.maketrans("", "", DIACRITICS + TATWEEL)
_ALEF = str.maketrans(ALEF_MAP)
_YA = str.maketrans(YA_MAP)
_TEH = str.maketrans(TEH_MAP)
_HAMZA = str.maketrans(HAMZA_MAP)
_DIGITS = str.maketrans(DIGIT_MAP)
_VARIANTS = str.maketrans(LETTER_VARIANTS)
_ALL = str.maketrans({**{c: None for c in DIACRITICS + TATWEEL}, **ALEF_MAP, **YA_MAP, **TEH_MAP,
                      **HAMZA_MAP, **DIGIT_MAP, **LETTER_VARIANTS})
#: the same folds with every string kept at its length: marks become tatweel, to drop per word
_SAME_LENGTH = str.maketrans({**{c: TATWEEL for c in DIACRITICS}, **ALEF_MAP, **YA_MAP, **TEH_MAP,
                              **HAMZA_MAP, **DIGIT_MAP,
                              **{k: v for k, v in LETTER_VARIANTS.items() if len(v) == 1}})
_SPACES = regex.compile(r"\s+")
_NON_WORD = regex.compile(r"[^\w]+")


def strip_diacritics(text):
    """Remove harakat, shadda, sukun, Quranic marks and tatweel."""
    return text.translate(_STRIP)


def fold_alef(text):
    """Fold أ إ آ ٱ to ا."""
    return text.translate(_ALEF)


def fold_ya(text):
    """Fold alef maqsura ى to ya ي."""
    return text.translate(_YA)


def fold_teh_marbuta(text):
    """Fold teh marbuta ة to heh ه."""
    return text.translate(_TEH)


def fold_hamza(text):
    """Fold ؤ and ئ to و and ي."""
    return text.translate(_HAMZA)


def fold_digits(text):
    """Arabic-Indic digits (٠-٩ and ۰-۹) to ASCII digits."""
    return text.translate(_DIGITS)


def normalize(text):
    """All folds at once: the form used for search, matching names and comparing wordings.

    Same length is *not* preserved (diacritics are removed); never use its offsets on the
    original text.
    """
    if not text:
        return ""
    return _SPACES.sub(" ", text.translate(_ALL)).strip()


def fold_same_length(text):
    """``text`` folded like :func:`normalize` but with offsets kept: marks become tatweel.

    Slice it with offsets of the original text, then drop tatweel from the slice."""
    return text.translate(_SAME_LENGTH)


def tokens(text):
    """Normalized word tokens of ``text``."""
    return [t for t in _NON_WORD.split(normalize(text)) if t]


def strip_article(token):
    """Drop the definite article ال from a normalized token ("الرئيس" -> "رئيس")."""
    return token[2:] if token.startswith("ال") and len(token) > 3 else token
