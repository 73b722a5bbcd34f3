import json
import os
import re

from click.testing import CliRunner

from quotes.cli import cli

from conftest import ROOT, SAMPLE


def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "ingest", "claims", "export", "serve"):
        assert command in result.output


def test_extract_jsonl_fields_and_offsets(tmp_path):
    path = tmp_path / "a.txt"
    text = "قال الوزير خالد الأمين إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ غداً."
    path.write_text("صحيفة الاختبار\n" + text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 2
    for r in rows:
        for key in ("doc", "field", "start", "end", "quote", "speaker", "mention", "cue", "type", "channel",
                    "addressee", "rule", "paragraph"):
            assert key in r
        assert r["doc"] == "a" and text[r["start"]:r["end"]] == r["quote"]
    assert rows[1]["speaker"] == "خالد الأمين" and rows[1]["mention"] is None


def test_extract_reads_gzip_jsonl_and_folders(tmp_path):
    import gzip
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "source": "س", "title": "", "text": "وقالت الوزارة إن العمل مستمر."},
                           ensure_ascii=False) + "\n")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["doc"] == "g1"


def test_extract_table_is_right_to_left():
    result = CliRunner().invoke(cli, ["extract", os.path.join(SAMPLE, "bulletin-alsahl.txt"), "--format", "table"])
    assert result.exit_code == 0
    assert result.output.startswith("\u202b") and "نبيل الخطيب" in result.output


def test_extract_fields_option_limits_fields():
    result = CliRunner().invoke(cli, ["extract", os.path.join(SAMPLE, "sample.jsonl"), "--fields", "title"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["field"] == "title" for r in rows)


def test_exit_status_nonzero_only_when_nothing_could_be_read(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(bad)]) if "mix_stderr" in \
        CliRunner.__init__.__code__.co_varnames else CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 1
    good = tmp_path / "good.jsonl"
    good.write_text('{not json\n{"id": "x", "text": "قال أحمد إن الجو جميل."}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(good)])
    assert result.exit_code == 0


def _options(command):
    return [opt for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("--")]


def test_readme_documents_every_command_and_option():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for name, command in cli.commands.items():
        assert f"quotes {name}" in readme, f"README does not document `quotes {name}`"
        for opt in _options(command):
            assert re.search(re.escape(opt) + r"\b", readme), f"README does not document {name} {opt}"


def test_ingest_progress_line(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", SAMPLE, "--db", str(tmp_path / "quotes.db"), "--progress"])
    assert result.exit_code == 0
    assert "ingesting" in result.output and "articles read 13, new 13" in result.output


def test_the_progress_bar_counts_bytes_articles_and_statements(monkeypatch):
    import io
    from quotes.ingest import _Progress
    tty = io.StringIO()
    tty.isatty = lambda: True
    monkeypatch.setattr("sys.stderr", tty)
    bar = _Progress(1000)
    bar.advance(500)
    bar.update(13, 61)
    bar.advance(500)
    bar.close()
    assert "100%" in tty.getvalue() and "13 articles, 61 statements" in tty.getvalue()


def test_ingest_with_two_jobs_gives_the_same_statements(tmp_path):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    CliRunner().invoke(cli, ["ingest", SAMPLE, "--db", one])
    result = CliRunner().invoke(cli, ["ingest", SAMPLE, "--db", two, "--jobs", "2"])
    assert result.exit_code == 0
    import sqlite_utils
    q = "select id, speaker, quote from statements order by id"
    assert list(sqlite_utils.Database(one).query(q)) == list(sqlite_utils.Database(two).query(q))


def _stored(path):
    import sqlite_utils
    return list(sqlite_utils.Database(path).query(
        "select id, speaker, quote, cue, type, rule, claim_id, confidence from statements order by id"))


def test_ingest_statements_extracted_elsewhere_gives_the_same_database(tmp_path):
    extracted = CliRunner().invoke(cli, ["extract", SAMPLE, "--fields", "text,title"])
    assert extracted.exit_code == 0
    given = tmp_path / "statements.jsonl"
    given.write_text(extracted.output, encoding="utf-8")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    CliRunner().invoke(cli, ["ingest", SAMPLE, "--db", one])
    result = CliRunner().invoke(cli, ["ingest", SAMPLE, "--db", two, "--statements", str(given)])
    assert result.exit_code == 0, result.output
    assert _stored(one) == _stored(two) and _stored(one)


def test_given_statements_that_do_not_fit_are_extracted_again_and_bad_lines_reported(tmp_path, monkeypatch):
    import json
    from quotes import ingest
    lines = CliRunner().invoke(cli, ["extract", SAMPLE, "--fields", "text,title"]).output.splitlines()
    first = json.loads(lines[0])
    lines[0] = json.dumps(dict(first, start=first["start"] + 1), ensure_ascii=False)   # another version's offsets
    other = json.loads(lines[-1])["doc"]
    assert other != first["doc"]
    cut = lines[-1][:lines[-1].index('"field"') + 12]      # a line cut short after its article id
    given = tmp_path / "statements.jsonl"
    given.write_text("\n".join(lines + [cut, "not json", '{"no": "doc"}']) + "\n", encoding="utf-8")
    calls = []
    real = ingest.extract_article
    monkeypatch.setattr(ingest, "extract_article", lambda a: calls.append(a["id"]) or real(a))
    messages = []
    s = ingest.run([SAMPLE], str(tmp_path / "q.db"), report=messages.append, statements=str(given))
    assert sorted(calls) == sorted([first["doc"], other])      # only the articles whose lines do not fit
    assert any("do not fit its text" in m and first["doc"] in m for m in messages)
    assert any("do not fit its text" in m and other in m for m in messages)
    assert [p.where for p in s.problems] == ["line %d" % (len(lines) + 2), "line %d" % (len(lines) + 3)]
    one = str(tmp_path / "one.db")
    ingest.run([SAMPLE], one, report=lambda m: None)
    assert _stored(one) == _stored(str(tmp_path / "q.db"))


def test_extracting_is_a_pure_map_over_lines():
    import json
    from quotes.extract import extract_lines
    with open(os.path.join(SAMPLE, "sample.jsonl"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    mapped = [s for line in lines for s in extract_lines([line])]       # one line at a time, as an engine would
    assert mapped == list(extract_lines(lines)) and mapped
    cli_out = CliRunner().invoke(cli, ["extract", os.path.join(SAMPLE, "sample.jsonl"), "--fields", "text,title"])
    assert [json.loads(s) for s in mapped] == [json.loads(s) for s in cli_out.output.splitlines()]
    assert list(extract_lines(["not json", "{}"])) == []


def test_given_statements_cannot_bring_their_own_derived_columns(tmp_path):
    # the search words, sentence and normalized forms follow from the statement and its article:
    # a line's "_derived" would have been stored as it came, unchecked
    import json
    import sqlite_utils
    from quotes import ingest
    lines = CliRunner().invoke(cli, ["extract", SAMPLE, "--fields", "text,title"]).output.splitlines()
    forged = [json.dumps(dict(json.loads(line), _derived={"quote_stems": "مزور", "sentence": "مزور"}),
                         ensure_ascii=False) for line in lines]
    given = tmp_path / "statements.jsonl"
    given.write_text("\n".join(forged) + "\n", encoding="utf-8")
    dbp = str(tmp_path / "q.db")
    ingest.run([SAMPLE], dbp, report=lambda m: None, statements=str(given))
    db = sqlite_utils.Database(dbp)
    assert db["statements"].count == len(lines)
    assert db.execute("select count(*) from statements where quote_stems = 'مزور' or sentence = 'مزور'").fetchone()[0] == 0
    one = str(tmp_path / "one.db")
    ingest.run([SAMPLE], one, report=lambda m: None)
    assert _stored(one) == _stored(dbp)
