"""The Datasette side: read-only, normalized Arabic search, canned queries, pages that explain."""
import asyncio
import os
import shutil
import urllib.parse

import pytest
from markupsafe import escape
from datasette.app import Datasette

from quotes.cli import SERVE_SETTINGS, serve_command

from conftest import ROOT

#: the database is served under a name other than "quotes": the plugin gives any quotes database
#: its descriptions, facets, queries, dashboard and pages
DB = "newsroom"


@pytest.fixture(scope="module")
def ds(sample_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web") / f"{DB}.db")
    shutil.copy(sample_db, path)
    return Datasette([path], settings={k: int(v) if v.isdigit() else v == "on" for k, v in SERVE_SETTINGS.items()})


def get(ds, path):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


def test_write_through_the_web_is_refused(ds):
    r = get(ds, f"/{DB}.json?sql=" + urllib.parse.quote("delete from statements"))
    assert r.status_code == 400 and "SELECT" in r.json()["error"]
    assert get(ds, f"/{DB}/statements.json?_shape=array&_size=1").status_code == 200


def test_serve_listens_on_loopback_with_a_time_limit():
    cmd = serve_command("db/quotes.db", "127.0.0.1", 8001, None)
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1"
    assert "-i" not in cmd and "--immutable" not in cmd  # read-only, but sees later ingests
    assert "sql_time_limit_ms" in cmd


def test_search_without_diacritics_finds_voweled_text(ds):
    q = urllib.parse.quote("نتابع الوضع")
    rows = get(ds, f"/{DB}/statements.json?_search={q}&_shape=array").json()
    assert rows and "نُتابِعُ" in rows[0]["quote"]
    voweled = urllib.parse.quote("نُتابِعُ")
    assert get(ds, f"/{DB}/statements.json?_search={voweled}&_shape=array").json()


def test_canned_queries(ds):
    q = urllib.parse.quote("الحوار")
    rows = get(ds, f"/{DB}/search_statements.json?q={q}&_shape=array").json()
    assert rows and all("الحوار" in r["quote"] for r in rows)
    who = get(ds, f"/{DB}/who_said_what.json?speaker=" + urllib.parse.quote("شتاينبرغ") + "&_shape=array").json()
    assert len({r["outlet"] for r in who}) >= 3
    assert get(ds, f"/{DB}/statements_of_outlet.json?outlet=" + urllib.parse.quote("الأفق") + "&_shape=array").json()
    top = get(ds, f"/{DB}/most_quoted_speakers.json?_shape=array").json()
    assert top[0]["statements"] >= top[-1]["statements"]
    claims = get(ds, f"/{DB}/claims_by_several_outlets.json?_shape=array").json()
    assert claims and all(c["outlets"] > 1 for c in claims)


def _one(ds, path):
    return get(ds, path + ("&" if "?" in path else "?") + "_shape=array").json()[0]


def test_statement_page_opens_on_the_quote_in_its_paragraph(ds):
    row = _one(ds, f"/{DB}/statements.json?rule=relay&_col=claim_id&_col=quote&_col=speaker_id&_col=cue&_col=article_id")
    html = get(ds, ds.urls.row(DB, "statements", row["id"])).text
    article = _one(ds, f"/{DB}/articles.json?id={urllib.parse.quote(row['article_id'])}")
    first = html.index('class="big-quote"')
    assert first < html.index("Every column of this row")       # the quote first, the raw row after
    quote = str(escape(row["quote"]))
    assert 'dir="rtl"' in html[first - 80:first + 80] and quote in html[first:first + 2000]
    assert '<mark class="quote-span">' + quote + "</mark>" in html
    assert f'href="/{DB}/speakers/{row["speaker_id"]}"' in html
    assert article["url"] and article["url"] in html and article["title"] in html
    assert f'/{DB}/claims/{row["claim_id"]}' in html and "relay" in html and row["cue"] in html


def test_speaker_page_groups_statements_by_outlet(ds):
    sp = _one(ds, f"/{DB}/speakers.json?_sort_desc=statement_count")
    html = get(ds, f"/{DB}/speakers/{sp['id']}").text
    outlets = get(ds, f"/{DB}/statements.json?_shape=array&speaker_id={sp['id']}&_col=source_id&_labels=on").json()
    assert sp["name"] in html and "Statements by outlet" in html and "Most frequent cues" in html
    for o in {r["source_id"]["label"] for r in outlets}:
        assert f">{o} <small>" in html
    assert html.count("/statements/") >= sp["statement_count"]
    assert "first 2031-" in html       # the dated sample's first and last dates


def test_claim_page_marks_what_the_other_versions_lack_and_names_the_numbers(ds):
    c = _one(ds, f"/{DB}/claims.json?number_mismatch=1&outlets__gte=3")
    html = get(ds, f"/{DB}/claims/{c['id']}").text
    assert "Each outlet" in html and "<mark>" in html and "Numbers that differ" in html
    assert html.index("Each outlet") < html.index("Every column of this row")
    versions = get(ds, f"/{DB}/statements.json?_shape=array&claim_id={c['id']}&_col=article_id").json()
    for v in versions:
        assert f"/{DB}/statements/" in html and f"/{DB}/articles/{v['article_id']}" in html
    assert "First reported by" in html


def test_article_page_marks_and_links_every_statement(ds):
    a = _one(ds, f"/{DB}/articles.json?statement_count__gte=3")
    html = get(ds, f"/{DB}/articles/{a['id']}").text
    sts = get(ds, f"/{DB}/statements.json?_shape=array&article_id={a['id']}&field=text&_col=quote").json()
    assert sts and html.count('class="st"') >= len(sts)
    for st in sts:
        assert str(escape(st["quote"].split("\n")[0])) in html


def test_a_paragraph_is_cut_around_its_quote_and_a_text_marked_in_pieces():
    from quotes.web.pages import marked_paragraphs, paragraph_around
    text = "سطر أول.\nقال الوزير إن الخطة جاهزة.\nسطر أخير."
    i = text.index("الخطة")
    assert paragraph_around(text, i, i + 12) == ("قال الوزير إن ", "الخطة جاهزة.", "")
    paras = marked_paragraphs(text, [{"start": i, "end": i + 12, "id": "x"}])
    assert len(paras) == 3 and paras[1][1] == ("الخطة جاهزة.", {"start": i, "end": i + 12, "id": "x"})


def test_claim_comparison_folds_clitics_spelling_and_digits():
    from quotes.claims import consensus_markup, differing_numbers
    versions = ["قال أمس إن النمو بلغ 31.3% عام 2014م فجميعنا", "إن النمو بلغ 3.31 في المئة عام 2014 جميعنا",
                "قال أمس ان النمو بلغ 31.3 بالمئة عام ٢٠١٤ وجميعنا"]
    marked = consensus_markup(versions)
    assert marked[0] == versions[0] and marked[2] == versions[2]      # nothing most others lack
    assert marked[1] == "إن النمو بلغ <mark>3.31</mark> في المئة عام 2014 جميعنا"
    assert differing_numbers(versions) == [("31.3", [0, 2]), ("3.31", [1])]
    assert differing_numbers(["بلغ 3ر31 %", "بلغ 3.31%"]) == []      # the decimal mark ر


def test_claim_flags_on_the_sample(ds):
    flagged = {f: get(ds, f"/{DB}/claims.json?_shape=array&{f}=1").json()
               for f in ("number_mismatch", "cue_disagreement", "wording_changed")}
    assert any("60" in c["quote"] or "65" in c["quote"] for c in flagged["number_mismatch"])
    assert flagged["cue_disagreement"] and flagged["wording_changed"]


def test_dashboard_and_stylesheet(ds):
    assert get(ds, f"/-/dashboards/{DB}-overview").status_code == 200
    css = get(ds, "/-/static-plugins/quotes/quotes.css")
    assert css.status_code == 200 and "direction: rtl" in css.text
    assert "/-/static-plugins/quotes/quotes.css" in get(ds, f"/{DB}/statements").text


def post(ds, path, data):
    async def go():
        return await ds.client.post(path, data=data)
    return asyncio.run(go())


def test_a_query_cannot_inject_markup_through_a_highlight_column(ds):
    # render_cell trusted the column name: this link rendered the raw tag (reflected XSS)
    payload = "<img src=x onerror=alert(1)>"
    sql = f"select '{payload}' as quote_diff, '<mark>x</mark><script>alert(2)</script>' as quote_diff2"
    r = get(ds, f"/{DB}?sql=" + urllib.parse.quote(sql.replace("quote_diff2", "quote_diff")))
    assert r.status_code == 200
    assert payload not in r.text and "<script>alert(2)" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_highlighted_wording_keeps_only_its_marks():
    from quotes.claims import diff_markup
    from quotes.web import diff_html
    marked = diff_markup("قال إن <b>الخطة</b> & الرقم 5 جاهزة", ["قال إن الخطة جاهزة"])
    out = str(diff_html(marked))
    assert "<b>" not in out and "&lt;b&gt;" in out and "<mark>" in out and "&amp;" in out
    assert str(diff_html("<mark>a</mark></mark><mark>b")) == "<mark>a</mark><mark>b</mark>"
    assert str(diff_html("<mark onclick=x>a")) == "&lt;mark onclick=x&gt;a"


def test_a_post_is_refused_not_a_traceback(ds):
    r = post(ds, f"/{DB}/search_statements", {"q": "الحوار"})
    assert r.status_code == 405 and "read-only" in r.text


@pytest.mark.parametrize("q", ['"', '""', 'الحوار"', "NEAR(", "*", "OR", "-", "(", "^الحوار", ""])
def test_no_search_input_reaches_fts_unescaped(ds, q):
    for path in (f"/{DB}/statements?_search={urllib.parse.quote(q)}",
                 f"/{DB}/statements?_search={urllib.parse.quote(q)}&_searchmode=raw",
                 f"/{DB}/search_statements?q={urllib.parse.quote(q)}",
                 f"/{DB}/speakers?_search={urllib.parse.quote(q)}"):
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
    r = get(ds, f"/{DB}.json?sql=" + urllib.parse.quote(sql))
    assert r.status_code == 400 and "too big" in r.json()["error"]
    assert get(ds, f"/{DB}/articles.json").status_code == 200


def test_any_database_name_gets_the_metadata_and_the_home_page_has_no_dead_links(ds):
    import re
    home = get(ds, "/").text
    links = set(re.findall(r'href="(/[^"#?]*)', home))
    assert f"/{DB}/claims" in links and f"/-/dashboards/{DB}-overview" in links
    for link in links:
        assert get(ds, link).status_code == 200, link
    page = get(ds, f"/{DB}/statements").text
    assert "Attributed statements, one row each." in page          # the table's description
    assert get(ds, f"/{DB}/who_said_what").status_code == 200      # canned queries


def test_statements_open_on_the_main_columns_with_their_descriptions_collapsed(ds):
    page = get(ds, f"/{DB}/statements").text
    header = page[page.index("<thead"):page.index("</thead>")]
    for col in ("quote", "speaker_id", "source_id", "cue", "type", "article_date"):
        assert f'data-column="{col}"' in header
    for col in ("quote_normalized", "quote_stems", "extracted_at", "claim_pending", "sentence"):
        assert f'data-column="{col}"' not in header
    assert '<details class="column-help">' in page
    assert page.index('<details class="column-help">') < page.index("<thead")
    # a chosen set of columns is left alone, and the JSON keeps every column
    assert 'data-column="rule"' in get(ds, f"/{DB}/statements?_col=rule").text
    assert "quote_stems" in get(ds, f"/{DB}/statements.json?_shape=array&_size=1").json()[0]


def test_csv_has_every_row_and_a_byte_order_mark(ds):
    r = get(ds, f"/{DB}/statements.csv?_size=5")
    n = get(ds, f"/{DB}/statements.json?_shape=array&_size=max&_col=id").json()
    assert r.content.startswith(b"\xef\xbb\xbf") and "id,article_id" in r.content.decode("utf-8-sig")[:40]
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == len(n) > 5
    assert {"source_id_label", "speaker_id_label", "article_id_label"} <= set(rows[0])   # names, not only ids


def test_canned_query_results_link_to_their_pages(ds):
    q = urllib.parse.quote("الحوار")
    page = get(ds, f"/{DB}/search_statements?q={q}").text
    assert f'class="row-link" href="/{DB}/statements/' in page and f'href="/{DB}/speakers/' in page
    page = get(ds, f"/{DB}/claims_by_several_outlets").text
    assert f'class="row-link" href="/{DB}/claims/' in page


def test_search_is_over_what_was_said_and_finds_words_behind_their_proclitics(ds):
    from quotes.normalize import normalize
    rows = get(ds, f"/{DB}/search_statements.json?_shape=array&q=" + urllib.parse.quote("ملعب")).json()
    assert any("لملعب" in normalize(r["quote"]) for r in rows)
    assert all("ملعب" in normalize(r["quote"]) for r in rows)
    speaker = _one(ds, f"/{DB}/speakers.json?kind=person&_sort_desc=statement_count")["name"].split()[-1]
    said = get(ds, f"/{DB}/search_statements.json?_shape=array&q=" + urllib.parse.quote(speaker)).json()
    assert all(speaker in r["quote"] for r in said)          # a name matches where it is said, not who said it
