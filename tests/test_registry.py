"""Speakers across articles (quotes.registry, rules/aliases.yml): one row per real person or body,
and nothing else merged in.  Each case is a merge or a split seen on the shared corpus."""
import json

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.registry import SpeakerRegistry
from quotes.store import open_db


def _resolver(aliases=None):
    reg = SpeakerRegistry(aliases)
    ids = iter(range(1, 1000))

    def resolve(name, kind="person", article="a1", text=None):
        return reg.resolve(name, kind, lambda: next(ids), article, text)[0]
    return reg, resolve


def test_people_sharing_a_family_name_stay_apart_and_a_family_name_alone_joins_neither():
    reg, resolve = _resolver()
    a, b = resolve("أحمد ماهر", article="a1"), resolve("محمد ماهر", article="a2")
    c = resolve("ماهر", article="a3")
    assert len({a, b, c}) == 3


def test_transliteration_variants_fold_when_another_word_agrees():
    reg, resolve = _resolver()
    assert resolve("فلاديمير بوتن", article="a1") == resolve("فلاديمير بوتين", article="a2")
    assert resolve("كيم جونغ أون", article="a3") == resolve("كيم جونج أون", article="a4")


def test_a_shorter_form_of_a_full_name_joins_it_in_order():
    reg, resolve = _resolver()
    full = resolve("بدر عبد الرحمن السمحان", article="a1")
    assert resolve("بدر السمحان", article="a2") == full
    assert resolve("بدر عبدالرحمن السمحان", article="a3") == full
    nayef = resolve("محمد بن نايف بن عبدالعزيز آل سعود", article="a4")
    assert resolve("محمد بن نايف", article="a5") == nayef
    assert reg.speakers[nayef]["name"] == "محمد بن نايف بن عبدالعزيز آل سعود"


def test_one_spokesman_under_his_forms_is_one_row():
    # the Egyptian army's spokesman: full name, without his father's name, with his rank
    reg, resolve = _resolver()
    ids = {resolve("أحمد محمد علي", article="a1"), resolve("أحمد علي", article="a2"),
           resolve("العقيد أحمد محمد علي", article="a3")}
    assert len(ids) == 1


def test_names_of_the_same_words_in_another_order_are_other_people():
    # the mufti, and the King Abdullah centre's director named after the king: father and son reversed
    reg, resolve = _resolver()
    mufti = resolve("عبدالعزيز بن عبدالله آل الشيخ", article="a1")
    assert resolve("عبد الله بن عبد العزيز", article="a2") != mufti
    assert resolve("آل الشيخ", article="a3") != mufti          # a family name alone identifies nobody
    assert resolve("عبدالله بن زايد آل نهيان", article="a4") != mufti


def test_a_common_first_name_never_joins_a_full_name():
    reg, resolve = _resolver()
    morsi = resolve("محمد مرسي", article="a1")
    one, other = resolve("محمد", article="a2"), resolve("محمد", article="a3")
    assert morsi not in (one, other) and one != other
    assert resolve("محمد", article="a2") == one                  # in its own article it is one speaker
    assert reg.speakers[one]["scope"] == "a2"


def test_anonymous_sources_titles_and_documents_are_speakers_of_their_own_article():
    reg, resolve = _resolver()
    for kind, name in (("anonymous", "مصدر"), ("title", "المتحدث العسكري"), ("document", "البيان")):
        first, again = resolve(name, kind, "a1"), resolve(name, kind, "a1")
        other = resolve(name, kind, "a2")
        assert first == again != other
        assert reg.speakers[first]["kind"] == kind and reg.speakers[first]["scope"] == "a1"
    # "مصدر أمني" of one article and "مصدر" of another are never known to be the same
    assert resolve("مصدر أمني", "anonymous", "a3") != resolve("مصدر", "anonymous", "a4")


def test_a_document_named_as_a_person_is_a_document_of_its_article():
    # the central bank's annual report, once by its number, once by its full name
    reg, resolve = _resolver()
    a = resolve("التقرير ال 51", "person", "a1")
    b = resolve("تقرير مؤسسة النقد العربي السعودي السنوي", "institution", "a2")
    assert reg.speakers[a]["kind"] == "document" and reg.speakers[a]["scope"] == "a1"
    assert a != b


def test_scripture_is_its_own_speaker_never_a_persons_alias():
    reg, resolve = _resolver()
    nasrallah = resolve("حسن نصر الله", article="a1")
    god = {resolve("الله", article="a2"), resolve("تعالى", article="a3"), resolve("جل وعلا", article="a4")}
    prophet = {resolve("الرسول", article="a5"), resolve("صلى الله عليه وسلم", article="a6"),
               resolve("النبي", article="a7")}
    assert len(god) == len(prophet) == 1 and nasrallah not in god | prophet
    (g,), (p,) = god, prophet
    assert reg.speakers[g]["name"] == "الله" and reg.speakers[g]["kind"] == "scripture"
    assert reg.speakers[p]["name"] == "النبي" and reg.speakers[g]["scope"] is None
    assert resolve("نصر الله", article="a8") != g


def test_a_one_word_institution_is_its_articles_and_a_full_name_joins_across():
    reg, resolve = _resolver()
    assert resolve("الصحيفة", "institution", "a1") != resolve("الصحيفة", "institution", "a2")
    assert resolve("صحيفة لوبوان الفرنسية", "institution", "a3") != resolve("الصحيفة", "institution", "a3")
    assert resolve("وزارة الداخلية البحرينية", "institution", "a4") == \
        resolve("وزارة الداخلية البحرينية", "institution", "a5")


def test_a_family_name_joins_the_person_its_article_writes_in_full():
    reg, resolve = _resolver()
    essam = resolve("عصام العريان", article="a1")
    text = "عدد د. عصام العريان نائب رئيس الحزب الآثار ... وقال العريان إن الاحتلال زاد العنف"
    assert resolve("العريان", article="a2", text=text) == essam
    assert resolve("العريان", article="a3", text="وقال العريان إن الاحتلال زاد العنف") != essam


def test_the_alias_file_merges_and_splits_by_hand():
    reg, resolve = _resolver({"merge": {"سامي الحداد": ["أبو فراس"]}, "split": ["محمد مرسي"]})
    assert resolve("سامي الحداد", article="a1") == resolve("أبو فراس", article="a2")
    full = resolve("محمد مرسي عيسى العياط", article="a3")
    assert resolve("محمد مرسي", article="a4") != full


def _ingest(tmp_path, articles):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    db = str(tmp_path / "q.db")
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0, result.output
    return open_db(db)


def test_ingest_keeps_each_articles_source_apart_and_joins_a_named_person(tmp_path):
    arts = [{"id": f"a{i}", "source": f"صحيفة {i}",
             "text": f"وقال مصدر مطلع إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة {i}. "
                     "وأكد وزير الخارجية سامح شكري أن بلاده ترفض التدخل في شؤونها الداخلية."}
            for i in (1, 2)]
    db = _ingest(tmp_path, arts)
    rows = list(db.query("select sp.name, sp.kind, sp.scope, count(*) n from statements s "
                         "join speakers sp on sp.id = s.speaker_id group by sp.id order by sp.kind, sp.scope"))
    assert [(r["kind"], r["scope"]) for r in rows if r["kind"] == "anonymous"] == [("anonymous", "a1"), ("anonymous", "a2")]
    assert [(r["name"], r["n"]) for r in rows if r["kind"] == "person"] == [("سامح شكري", 2)]


@pytest.mark.parametrize("kind", ["anonymous", "title", "document", "scripture", "person", "institution"])
def test_every_kind_is_documented_in_the_readme(kind):
    import pathlib
    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"`{kind}`" in readme
