"""As a person would use it: Debian's Chromium, driven by Selenium, against `datasette` serving a
test database on loopback."""
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from quotes.cli import serve_command

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = os.path.join(ROOT, "tests", "artifacts")

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: served under a name other than quotes.db: everything must work for any file name
DB = "newsroom"


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("browser") / f"{DB}.db")
    shutil.copy(sample_db, path)
    port = _free_port()
    cmd = serve_command(path, "127.0.0.1", port, None)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _open(browser, url, css):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(url)
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    return browser.find_element(By.CSS_SELECTOR, css)


def _style(browser, element, prop):
    return browser.execute_script(f"return getComputedStyle(arguments[0]).{prop}", element)


def _status(url):
    try:
        return urllib.request.urlopen(url, timeout=20).status
    except urllib.error.HTTPError as e:
        return e.code


def _shot(browser, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name + ".png")
    browser.save_screenshot(path)
    assert os.path.getsize(path) > 10_000


def test_the_home_page_links_nowhere_dead(server, browser):
    from selenium.webdriver.common.by import By
    _open(browser, server + "/", "a")
    links = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")}
    local = sorted(u.split("#")[0] for u in links if u.startswith(server))
    assert any(u.endswith(f"/{DB}/claims") for u in local) and any("/-/dashboards/" in u for u in local)
    for u in local:
        assert _status(u) == 200, u


def test_search_finds_a_word_behind_its_proclitic_right_to_left(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    box = _open(browser, server + f"/{DB}/statements", "input[name=_search]")
    box.send_keys("ملعب")
    box.submit()
    WebDriverWait(browser, 20).until(lambda d: "_search=" in d.current_url)
    _open(browser, browser.current_url, "td.col-quote")
    cells = browser.find_elements(By.CSS_SELECTOR, "td.col-quote")
    assert any("لملعب" in c.text for c in cells), [c.text for c in cells]
    for c in cells:
        assert _style(browser, c, "direction") == "rtl" and _style(browser, c, "textAlign") in ("right", "start")
    _shot(browser, "search")
    _open(browser, server + f"/{DB}/statements?_search=" + urllib.parse.quote('"'), "body")
    assert "fts5" not in browser.find_element(By.TAG_NAME, "body").text


def test_the_four_pages_as_a_reader_walks_them(server, browser):
    from selenium.webdriver.common.by import By
    # a statement carried by several outlets, from the table: the quote first, large, right to left
    _open(browser, server + f"/{DB}/statements?rule=verb&claim_id__gte=1&_sort=id", "td.col-id a")
    browser.find_element(By.CSS_SELECTOR, "td.col-id a").click()
    quote = _open(browser, browser.current_url, ".big-quote")
    assert quote.text.strip("«» ") and _style(browser, quote, "direction") == "rtl"
    assert quote.text.strip("«» ") in browser.find_element(By.CSS_SELECTOR, ".in-context").text
    _shot(browser, "statement")
    speaker = browser.find_element(By.CSS_SELECTOR, ".byline a.speaker").get_attribute("href")
    claim = browser.find_element(By.CSS_SELECTOR, "a.claim-link").get_attribute("href")
    article = browser.find_element(By.CSS_SELECTOR, ".facts dd a").get_attribute("href")
    # the speaker: names, cues, statements by outlet
    name = _open(browser, speaker, ".big-name")
    assert name.text and _style(browser, name, "direction") == "rtl"
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Statements by outlet" in body and "Most frequent cues" in body
    assert browser.find_elements(By.CSS_SELECTOR, ".statement-list li a.quote-link")
    _shot(browser, "speaker")
    # the claim: one row per version, each opening its statement
    _open(browser, claim, "table.versions")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.versions tbody tr")
    assert rows and all(r.find_elements(By.CSS_SELECTOR, "a.statement-link") for r in rows)
    assert "Each outlet's version" in browser.find_element(By.TAG_NAME, "body").text
    # the claim most widely carried whose numbers differ: the numbers are named
    import json
    wide = json.load(urllib.request.urlopen(server + f"/{DB}/claims.json?_shape=array&number_mismatch=1"
                                            "&_sort_desc=outlets&_size=1", timeout=20))[0]
    _open(browser, server + f"/{DB}/claims/{wide['id']}", "table.versions")
    assert browser.find_elements(By.CSS_SELECTOR, ".numbers .number")
    assert browser.find_elements(By.CSS_SELECTOR, "table.versions mark")
    _shot(browser, "claim")
    # the article: its text with every statement marked and linked
    text = _open(browser, article, ".article-text")
    assert _style(browser, text, "direction") == "rtl"
    marks = browser.find_elements(By.CSS_SELECTOR, ".article-text a.st")
    assert marks and all(_status(m.get_attribute("href")) == 200 for m in marks)
    _shot(browser, "article")


def test_facets_keep_names_whole(server, browser):
    from selenium.webdriver.common.by import By
    _open(browser, server + f"/{DB}/statements", ".facet-info[data-column=speaker_id] li a")
    for li in browser.find_elements(By.CSS_SELECTOR, ".facet-info[data-column=speaker_id] li"):
        a = li.find_element(By.CSS_SELECTOR, "a")
        # the count sits beside the name, on the name's first line (not under it)
        assert li.size["height"] <= a.size["height"] + 12, li.text
        assert _style(browser, a, "wordBreak") == "normal"
