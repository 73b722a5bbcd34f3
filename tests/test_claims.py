"""Claims: which statements of different articles are one utterance, on real SQLite files."""
import json

from quotes import claims
from quotes.ingest import run
from quotes.store import open_db

WHOLE = ("الأحداث التي وقعت أمس في الميناء تحزن كل مواطن، جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد، "
         "فالمبادئ لا تتجزأ")
SPEAKER = "وقال الوزير سامر الخطيب في تغريدة: "


def _ingest(tmp_path, articles, name="q.db", batch=500):
    path = tmp_path / (name + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    db_path = str(tmp_path / name)
    run([str(path)], db_path, batch=batch, report=lambda m: None)
    return open_db(db_path)


def _art(aid, source, text, published="2031-03-02"):
    # a dateline of its own: articles with the same text are one article stored once
    return {"id": aid, "source": source, "title": "", "published": published,
            "text": f"{source}، {published}:\n" + text}


def _claims_of(db):
    """{quote: claim id} of the stored statements."""
    return {q: c for q, c in db.execute("select quote, claim_id from statements")}


def test_pieces_reported_before_the_whole_join_the_whole_utterance(tmp_path):
    # one outlet splits the tweet into three quotes and comes first; two carry it whole
    split = _art("a1", "صحيفة أ", "وقال الوزير سامر الخطيب إن “الأحداث التي وقعت أمس في الميناء تحزن كل مواطن”."
                 "\nوأضاف: “جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد”.\nوتابع: “المبادئ لا تتجزأ”.")
    whole = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + WHOLE + "”.") for i in (2, 3)]
    db = _ingest(tmp_path, [split] + whole)
    ids = set(_claims_of(db).values())
    assert len(ids) == 1, _claims_of(db)
    row = db.execute("select outlets, statements from claims").fetchone()
    assert row == (3, 5)


def test_claims_are_clustered_over_the_whole_run_not_batch_by_batch(tmp_path):
    # the pieces come in a batch of their own before the whole: still one claim
    split = _art("a1", "صحيفة أ", "وقال الوزير سامر الخطيب إن “الأحداث التي وقعت أمس في الميناء تحزن كل مواطن”."
                 "\nوأضاف: “جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد”.")
    whole = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + WHOLE + "”.") for i in (2, 3)]
    db = _ingest(tmp_path, [split] + whole, batch=1)
    assert len(set(_claims_of(db).values())) == 1, _claims_of(db)
    assert db.execute("select count(*) from statements where claim_pending is not null").fetchone()[0] == 0


def test_pieces_clustered_a_window_before_the_whole_join_it(tmp_path, monkeypatch):
    # a window of one article: the outlet that splits the tweet into three quotes is clustered
    # before any outlet carrying it whole is stored; the whole still gathers every piece
    monkeypatch.setattr(claims, "WINDOW", 1)
    split = _art("a1", "صحيفة أ", "وقال الوزير سامر الخطيب إن “الأحداث التي وقعت أمس في الميناء تحزن كل مواطن”."
                 "\nوأضاف: “جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد”.\nوتابع: “المبادئ لا تتجزأ”.")
    whole = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + WHOLE + "”.") for i in (2, 3)]
    db = _ingest(tmp_path, [split] + whole, batch=1)
    assert len(set(_claims_of(db).values())) == 1, _claims_of(db)
    assert db.execute("select outlets, statements from claims").fetchone() == (3, 5)


def test_claims_do_not_depend_on_batch_sizes(tmp_path, monkeypatch):
    # windows of two articles, written in batches of one, two, three or all: the same claims
    monkeypatch.setattr(claims, "WINDOW", 2)
    tweet = "شاهدنا بالأمس مرة أخرى اقتتال الناس في صراع سياسي سخيف، هذه مقدمة لانهيار الدولة"
    arts = [_art("a1", "صحيفة 1", "وقال الوزير سامر الخطيب إن “هذه الصراعات مقدمات لانهيار الدولة”.")]
    arts += [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + (WHOLE if i % 2 else tweet) + "”.") for i in range(2, 8)]
    arts.append(_art("a8", "صحيفة 8", "وأضاف: “جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد”."))
    got = {n: _claims_of(_ingest(tmp_path, arts, name=f"b{n}.db", batch=n)) for n in (1, 2, 3, 500)}
    groups = {n: sorted(sorted(q for q, c in g.items() if c == cid) for cid in set(g.values()))
              for n, g in got.items()}
    assert groups[1] == groups[2] == groups[3] == groups[500], groups
    assert len(groups[1]) == 2, groups[1]


def test_different_utterances_of_one_speaker_stay_apart(tmp_path):
    other = "شاهدنا بالأمس مرة أخرى اقتتال الناس في صراع سياسي سخيف، وهذه مقدمات لانهيار الدولة"
    arts = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + WHOLE + "”.\nوفي تغريدة ثانية قال: “" + other + "”.")
            for i in (1, 2)]
    db = _ingest(tmp_path, arts)
    got = _claims_of(db)
    assert len(set(got.values())) == 2, got
    assert db.execute("select count(*) from claims where outlets = 2").fetchone()[0] == 2


def test_another_named_speaker_or_another_week_is_another_claim(tmp_path):
    arts = [_art("a1", "صحيفة أ", SPEAKER + "“" + WHOLE + "”."),
            _art("a2", "صحيفة ب", "وقال النائب فهد العمري في تغريدة: “" + WHOLE + "”."),
            _art("a3", "صحيفة ج", SPEAKER + "“" + WHOLE + "”.", published="2031-04-20")]
    db = _ingest(tmp_path, arts)
    assert db.execute("select count(*) from claims").fetchone()[0] == 3


def test_a_later_ingest_extends_the_stored_claim_like_a_rebuild(tmp_path):
    first = _ingest(tmp_path, [_art("a1", "صحيفة أ", SPEAKER + "“" + WHOLE + "”.")])
    cid = first.execute("select claim_id from statements").fetchone()[0]
    db = _ingest(tmp_path, [_art("a2", "صحيفة ب", "وأكد الخطيب أن " + WHOLE.replace("أمس", "الجمعة") + ".")])
    assert {c for c, in db.execute("select claim_id from statements")} == {cid}
    row = db.execute("select outlets, wording_changed, cue_disagreement from claims").fetchone()
    assert row == (2, 1, 0)
    claims.rebuild(db)
    assert db.execute("select count(distinct claim_id), count(*) from statements").fetchone() == (1, 2)


def test_numbers_compare_as_numbers_across_digit_sets():
    rows = [{"quote": "ارتفع عدد المقاعد إلى 546 مقعداً", "speaker_id": 1, "cue": "قال", "source_id": 1,
             "article_id": "a"},
            {"quote": "ارتفع عدد المقاعد إلى ٥٤٦ مقعداً", "speaker_id": 1, "cue": "قال", "source_id": 2,
             "article_id": "b"}]
    assert claims.flags_for(rows)["number_mismatch"] == 0
    rows[1]["quote"] = "ارتفع عدد المقاعد إلى ٥٦٤ مقعداً"
    assert claims.flags_for(rows)["number_mismatch"] == 1


def test_shared_words_count_repeats_once_per_side():
    from collections import Counter
    assert claims._common(Counter("أ أ ب ج".split()), Counter("أ ب ب د".split())) == 2


def _stored_claims(tmp_path, groups):
    """A database whose claims are given: ``groups`` is [[quote, ...], ...], one list per claim,
    one outlet per quote, all by one speaker; every claim flagged as touched by this ingest."""
    db = open_db(str(tmp_path / "m.db"))
    db["sources"].insert_all([{"id": n, "name": f"صحيفة {n}"} for n in range(1, 20)], pk="id")
    db["speakers"].insert({"id": 1, "name": "سامر الخطيب", "kind": "person", "key": "سامر الخطيب"}, pk="id")
    n = 0
    for cid, quotes in enumerate(groups, 1):
        db.execute("insert into claims (id, speaker_id, quote, statements, dirty) values (?, 1, ?, ?, 1)",
                   [cid, quotes[0], len(quotes)])
        for q in quotes:
            n += 1
            db["articles"].insert({"id": f"a{n}", "source_id": n, "published": "2031-03-02", "ingest_order": n},
                                  pk="id")
            db["statements"].insert({"id": f"s{n}", "article_id": f"a{n}", "speaker_id": 1, "claim_id": cid,
                                     "quote": q, "field": "text", "start": 0, "end": len(q)}, pk="id")
            db.conn.executemany("insert or ignore into claim_shingles (shingle, claim_id) values (?, ?)",
                                [(s, cid) for s in claims.shingles(claims.match_words(q))])
    db.conn.commit()
    return db


PIECE = "الأحداث التي وقعت أمس في الميناء تحزن كل مواطن مخلص"
REWORDED = "الأحداث التي شهدها الميناء، أمس الجمعة، أمام مقر الجماعة، تحزن كل مواطن مخلص"


def test_a_rewording_joins_the_claim_whose_piece_it_holds(tmp_path):
    # El-Dostor and Tahrir reword the tweet the others carry; ElWatan's piece of it is inside both
    db = _stored_claims(tmp_path, [[WHOLE, WHOLE, PIECE], [REWORDED, REWORDED]])
    assert claims.merge_rewordings(db) == 1
    assert {c for c, in db.execute("select claim_id from statements")} == {1}


def test_a_lead_sharing_a_few_words_with_a_longer_utterance_stays_apart(tmp_path):
    # "تم تنفيذ حكم المحكمة الدستورية ..." and the long statement on the court's ruling
    lead = "تم تنفيذ حكم المحكمة بخصوص قانون الانتخابات"
    other = "اليوم يناقش المجلس تقرير اللجنة حول حكم المحكمة بخصوص قانون الانتخابات ومباشرة الحقوق السياسية"
    db = _stored_claims(tmp_path, [[other] * 3, [lead] * 2])
    assert claims.merge_rewordings(db) == 0


def test_a_claim_of_several_wordings_does_not_join_through_a_run_together_version(tmp_path):
    # one outlet runs the lead and another utterance together; its claim keeps the lead's pieces
    lead = "تم تنفيذ حكم المحكمة بخصوص قانون الانتخابات"
    other = "أهم انتخابات تشهدها البلاد في تاريخها المعاصر والحديث"
    together = lead + "، وأنه أصبح على جميع الأحزاب الاستعداد لخوض " + other
    db = _stored_claims(tmp_path, [[other] * 4, [together, lead, lead]])
    assert claims.merge_rewordings(db) == 0


def test_a_short_piece_in_the_plural_joins_the_singular(tmp_path):
    # BBC: "هذه الصراعات مقدمات لانهيار الدولة"; the others: "... سخيف، هذه مقدمة لانهيار الدولة"
    tweet = "شاهدنا بالأمس مرة أخرى اقتتال الناس في صراع سياسي سخيف، هذه مقدمة لانهيار الدولة"
    arts = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + tweet + "”.") for i in (1, 2)]
    arts.append(_art("a3", "صحيفة 3", "وقال الوزير سامر الخطيب إن “هذه الصراعات مقدمات لانهيار الدولة”."))
    db = _ingest(tmp_path, arts)
    assert len(set(_claims_of(db).values())) == 1, _claims_of(db)
    # the number still counts as a change of wording on the claim's page
    assert db.execute("select wording_changed from claims").fetchone()[0] == 1


def test_two_sentences_of_one_report_sharing_a_vocabulary_stay_apart(tmp_path):
    # Okaz's real-estate sentence of the central bank's report has most of the words of the
    # consumer-loans sentence, in another order: a vocabulary, not a passage
    consumer = "معظم الزيادة للقروض طرأت في جانب القروض الاستهلاكية للأفراد التي زادت بنسبة 8.8% لتبلغ 313.1 مليار ريال"
    estate = ("القروض العقارية المقدمة من المصارف للأفراد واصلت نموها لتبلغ 148.9 مليار ريال بارتفاع 31% وزادت "
              "الاستهلاكية في جانب التي طرأت بنسبة 8.8% معظم الزيادة للقروض العقارية")
    db = _stored_claims(tmp_path, [[consumer] * 3, [estate]])
    assert claims.merge_rewordings(db) == 0


def test_claims_command_clusters_statements_an_older_database_left_without_claims(tmp_path):
    from click.testing import CliRunner
    from quotes.cli import cli
    split = _art("a1", "صحيفة أ", "وقال الوزير سامر الخطيب إن “الأحداث التي وقعت أمس في الميناء تحزن كل مواطن”."
                 "\nوأضاف: “جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد”.\nوتابع: “المبادئ لا تتجزأ”.")
    whole = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + WHOLE + "”.") for i in (2, 3)]
    db = _ingest(tmp_path, [split] + whole)
    db.execute("update statements set claim_id = null, quote_diff = null")
    db.execute("delete from claim_shingles")
    db.execute("delete from claims")
    db.conn.commit()
    path = str(tmp_path / "q.db")
    result = CliRunner().invoke(cli, ["claims", "--db", path])
    assert result.exit_code == 0, result.output
    assert len(set(_claims_of(db).values())) == 1, _claims_of(db)
    assert db.execute("select outlets, statements from claims").fetchone() == (3, 5)
    assert CliRunner().invoke(cli, ["claims", "--db", path, "--rebuild"]).exit_code == 0
    assert db.execute("select outlets, statements from claims").fetchone() == (3, 5)


def test_the_flags_of_a_claim_of_one_version_are_what_its_version_gives():
    for quote, cue, source in (("ارتفع العجز إلى 3 مليارات", "نفى", 4), ("الخطة جاهزة", "قال", None)):
        row = {"quote": quote, "speaker_id": 7, "cue": cue, "source_id": source, "article_id": "a"}
        assert claims.flags_for([row]) == claims.versions_flags([row])


def test_the_shingles_assigning_read_are_not_read_again_and_merge_the_same(tmp_path, monkeypatch):
    # merge_rewordings takes the stored claims of the shingles the window's assigning read from
    # memory (postings) instead of the database: the same claims as reading them again, on the
    # cases that merge (pieces a window before the whole; windows of one article)
    monkeypatch.setattr(claims, "WINDOW", 1)
    split = _art("a1", "صحيفة أ", "وقال الوزير سامر الخطيب إن “الأحداث التي وقعت أمس في الميناء تحزن كل مواطن”."
                 "\nوأضاف: “جميعنا نرفض العنف ولا يمكن أن نقبل العنف المضاد”.\nوتابع: “المبادئ لا تتجزأ”.")
    whole = [_art(f"a{i}", f"صحيفة {i}", SPEAKER + "“" + WHOLE + "”.") for i in (2, 3)]
    arts = [split] + whole
    read = []
    real = claims._load_larger
    monkeypatch.setattr(claims, "_load_larger", lambda db, index, ids, size, postings:
                        read.append(len(postings)) or real(db, index, ids, size, postings))
    with_postings = _claims_of(_ingest(tmp_path, arts, name="a.db", batch=1))
    assert any(read)        # (the postings reached the merging)
    monkeypatch.setattr(claims, "_load_larger", lambda db, index, ids, size, postings: real(db, index, ids, size, {}))
    without = _claims_of(_ingest(tmp_path, arts, name="b.db", batch=1))
    assert with_postings == without and len(set(without.values())) == 1
