"""`quotes serve` as a newsroom runs it: the database stays served while articles are ingested."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from quotes.ingest import run

from conftest import ROOT


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_an_ingest_while_serving_shows_at_the_next_request(sample_db, tmp_path):
    # the database was served immutable: after an ingest every page answered 500 "database disk
    # image is malformed" until the server was restarted
    path = str(tmp_path / "served.db")
    shutil.copy(sample_db, path)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "quotes.cli", "serve", "--db", path, "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/served"
    count_url = base + ".json?_shape=array&sql=" + urllib.request.quote("select count(*) as n from articles")
    try:
        for _ in range(150):
            try:
                status, body = _get(count_url)
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200
        before = json.loads(body)[0]["n"]
        src = tmp_path / "more.jsonl"
        src.write_text(json.dumps({"id": "served-later", "source": "منبر", "text":
                                   "قال الوزير خالد الأمين إن الخطة جاهزة للتنفيذ."}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
        summary = run([str(src)], path, report=lambda m: None)
        assert summary.new == 1
        status, body = _get(count_url)
        assert status == 200 and json.loads(body)[0]["n"] == before + 1
        status, body = _get(base + "/statements.json?_shape=array&article_id=served-later")
        assert status == 200 and json.loads(body)[0]["speaker"] == "خالد الأمين"
        status, _ = _get(base + "/articles")
        assert status == 200
        status, body = _get(base + ".json?sql=" + urllib.request.quote("delete from articles"))
        assert status == 400                               # still read-only
    finally:
        proc.terminate()
        proc.wait(timeout=10)
