"""Each statement's confidence: the measured precision of its patterns (rules/confidence.yml)."""
from quotes import rules as rules_mod
from quotes.extract import confidence, confidence_keys, extract_article


def test_the_most_specific_pattern_measured_gives_the_confidence():
    rules = rules_mod.load()
    rec = {"rule": "verb", "type": "direct", "speaker": "سامح شكري", "mention": "وزير الخارجية سامح شكري"}
    assert confidence_keys(rec) == ("verb:direct:mention", "verb:direct", "verb", "*")
    assert confidence(rec, rules) == rules.confidence["verb:direct:mention"]
    # a pattern measured too rarely to have a figure of its own takes the broader one's
    rare = {"rule": "relay", "type": "direct", "speaker": "سامح شكري", "mention": "عنه"}
    assert confidence(rare, rules) == rules.confidence["*"]


def test_a_statement_without_a_speaker_is_trusted_less_than_one_with_its_speaker_named():
    rules = rules_mod.load()
    named = {"rule": "verb", "type": "indirect", "speaker": "سامح شكري", "mention": "شكري"}
    none = {"rule": "verb", "type": "indirect", "speaker": None, "mention": None}
    assert confidence(none, rules) < confidence(named, rules)
    assert confidence_keys(none) == ("verb:indirect:none", "*:none", "*")


def test_extracted_records_carry_their_confidence():
    recs = extract_article({"id": "a", "text": "وقال وزير الخارجية سامح شكري إن بلاده ترفض التدخل في شؤونها."})
    assert recs and all(0 <= r["confidence"] <= 1 for r in recs)


def test_ingest_stores_the_confidence(sample_db):
    import sqlite_utils
    db = sqlite_utils.Database(sample_db)
    values = [r[0] for r in db.execute("select confidence from statements")]
    assert values and all(v is not None and 0 <= v <= 1 for v in values)


def test_a_statement_named_by_a_mention_pattern_is_measured_first_by_that_pattern():
    rec = {"rule": "verb+person:title-name", "type": "direct", "speaker": "سامح شكري",
           "mention": "وزير الخارجية سامح شكري"}
    assert confidence_keys(rec) == ("verb+person:title-name:direct", "verb+person:title-name",
                                    "verb:direct:mention", "verb:direct", "verb", "*")
