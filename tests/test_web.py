"""The Datasette side: read-only, normalized Arabic search, canned queries, pages that explain."""
import asyncio
import os
import shutil
import urllib.parse

import pytest
from datasette.app import Datasette

from quotes.cli import SERVE_SETTINGS, serve_command

from conftest import ROOT

METADATA = os.path.join(ROOT, "db", "metadata.yml")


@pytest.fixture(scope="module")
def ds(sample_db, tmp_path_factory):
    import yaml
    path = str(tmp_path_factory.mktemp("web") / "quotes.db")
    shutil.copy(sample_db, path)
    with open(METADATA, encoding="utf-8") as f:
        metadata = yaml.safe_load(f)
    return Datasette([path], metadata=metadata, settings={k: int(v) if v.isdigit() else v == "on"
                                                                      for k, v in SERVE_SETTINGS.items()})


def get(ds, path):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


def test_write_through_the_web_is_refused(ds):
    r = get(ds, "/quotes.json?sql=" + urllib.parse.quote("delete from statements"))
    assert r.status_code == 400 and "SELECT" in r.json()["error"]
    assert get(ds, "/quotes/statements.json?_shape=array&_size=1").status_code == 200


def test_serve_listens_on_loopback_with_a_time_limit():
    cmd = serve_command("db/quotes.db", "127.0.0.1", 8001, "db/metadata.yml")
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1"
    assert "-i" not in cmd and "--immutable" not in cmd  # read-only, but sees later ingests
    assert "sql_time_limit_ms" in cmd


def test_search_without_diacritics_finds_voweled_text(ds):
    q = urllib.parse.quote("نتابع الوضع")
    rows = get(ds, f"/quotes/statements.json?_search={q}&_shape=array").json()
    assert rows and "نُتابِعُ" in rows[0]["quote"]
    voweled = urllib.parse.quote("نُتابِعُ")
    assert get(ds, f"/quotes/statements.json?_search={voweled}&_shape=array").json()


def test_canned_queries(ds):
    q = urllib.parse.quote("الحوار")
    rows = get(ds, f"/quotes/search_statements.json?q={q}&_shape=array").json()
    assert rows and all("الحوار" in r["quote"] for r in rows)
    who = get(ds, "/quotes/who_said_what.json?speaker=" + urllib.parse.quote("شتاينبرغ") + "&_shape=array").json()
    assert len({r["outlet"] for r in who}) >= 3
    assert get(ds, "/quotes/statements_of_outlet.json?outlet=" + urllib.parse.quote("الأفق") + "&_shape=array").json()
    top = get(ds, "/quotes/most_quoted_speakers.json?_shape=array").json()
    assert top[0]["statements"] >= top[-1]["statements"]
    claims = get(ds, "/quotes/claims_by_several_outlets.json?_shape=array").json()
    assert claims and all(c["outlets"] > 1 for c in claims)


def test_statement_page_explains_the_decision(ds):
    row = get(ds, "/quotes/statements.json?_shape=array&rule=relay").json()[0]
    r = get(ds, ds.urls.row("quotes", "statements", row["id"]))
    assert r.status_code == 200
    html = r.text
    for text in ("Why the tool decided so", row["cue"], row["rule"], "statement-card"):
        assert text in html
    assert f"/quotes/speakers/{row['speaker_id']}" in html


def test_claim_page_shows_versions_side_by_side_with_differences(ds):
    c = get(ds, "/quotes/claims.json?_shape=array&outlets__gte=3&wording_changed=1").json()[0]
    html = get(ds, f"/quotes/claims/{c['id']}").text
    assert "Each outlet" in html and "<mark>" in html and "wording_changed" in html


def test_claim_flags_on_the_sample(ds):
    flagged = {f: get(ds, f"/quotes/claims.json?_shape=array&{f}=1").json()
               for f in ("number_mismatch", "cue_disagreement", "wording_changed")}
    assert any("60" in c["quote"] or "65" in c["quote"] for c in flagged["number_mismatch"])
    assert flagged["cue_disagreement"] and flagged["wording_changed"]


def test_dashboard_and_stylesheet(ds):
    assert get(ds, "/-/dashboards/quotes-overview").status_code == 200
    css = get(ds, "/-/static-plugins/quotes/quotes.css")
    assert css.status_code == 200 and "direction: rtl" in css.text
    assert "/-/static-plugins/quotes/quotes.css" in get(ds, "/quotes/statements").text


def post(ds, path, data):
    async def go():
        return await ds.client.post(path, data=data)
    return asyncio.run(go())


def test_a_query_cannot_inject_markup_through_a_highlight_column(ds):
    # render_cell trusted the column name: this link rendered the raw tag (reflected XSS)
    payload = "<img src=x onerror=alert(1)>"
    sql = f"select '{payload}' as quote_diff, '<mark>x</mark><script>alert(2)</script>' as quote_diff2"
    r = get(ds, "/quotes?sql=" + urllib.parse.quote(sql.replace("quote_diff2", "quote_diff")))
    assert r.status_code == 200
    assert payload not in r.text and "<script>alert(2)" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_highlighted_wording_keeps_only_its_marks():
    from quotes.claims import diff_markup
    from quotes.web import diff_html
    marked = diff_markup("قال إن <b>الخطة</b> & الرقم 5 جاهزة", "قال إن الخطة جاهزة")
    out = str(diff_html(marked))
    assert "<b>" not in out and "&lt;b&gt;" in out and "<mark>" in out and "&amp;" in out
    assert str(diff_html("<mark>a</mark></mark><mark>b")) == "<mark>a</mark><mark>b</mark>"
    assert str(diff_html("<mark onclick=x>a")) == "&lt;mark onclick=x&gt;a"


def test_a_post_is_refused_not_a_traceback(ds):
    r = post(ds, "/quotes/search_statements", {"q": "الحوار"})
    assert r.status_code == 405 and "read-only" in r.text


@pytest.mark.parametrize("q", ['"', '""', 'الحوار"', "NEAR(", "*", "OR", "-", "(", "^الحوار", ""])
def test_no_search_input_reaches_fts_unescaped(ds, q):
    for path in (f"/quotes/statements?_search={urllib.parse.quote(q)}",
                 f"/quotes/statements?_search={urllib.parse.quote(q)}&_searchmode=raw",
                 f"/quotes/search_statements?q={urllib.parse.quote(q)}",
                 f"/quotes/speakers?_search={urllib.parse.quote(q)}"):
        r = get(ds, path)
        assert r.status_code == 200, (path, r.text[:300])
        assert "fts5" not in r.text and "syntax error" not in r.text


def test_search_terms_keep_words_and_drop_operators():
    from quotes.web import fts_query
    assert fts_query('"الحوارُ" OR -مصر*') == '"الحوار" "OR" "مصر"'
    assert fts_query('"') == '""'


def test_a_query_that_builds_a_huge_value_is_an_error_not_the_servers_memory(ds):
    sql = ("with recursive c(x) as (select 1 union all select x + 1 from c where x < 900) "
           "select length(group_concat(zeroblob(1000000))) from c")
    r = get(ds, "/quotes.json?sql=" + urllib.parse.quote(sql))
    assert r.status_code == 400 and "too big" in r.json()["error"]
    assert get(ds, "/quotes/articles.json").status_code == 200
