"""As a person would use it: Debian's Chromium, driven by Selenium, against `datasette` serving a
test database on loopback."""
import os
import shutil
import socket
import subprocess
import time
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


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("browser") / "quotes.db")
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


def test_search_facet_statement_page_and_right_to_left(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    os.makedirs(ARTIFACTS, exist_ok=True)
    # search an Arabic phrase without diacritics: the voweled statement is found
    browser.get(server + "/quotes/statements")
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("نتابع الوضع")
    box.submit()
    WebDriverWait(browser, 20).until(lambda d: "_search=" in d.current_url)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    cells = browser.find_elements(By.CSS_SELECTOR, "td.col-quote")
    assert any("نُتابِعُ" in c.text for c in cells), [c.text for c in cells]
    # quote cells are laid out right to left
    for c in cells:
        assert browser.execute_script("return getComputedStyle(arguments[0]).direction", c) == "rtl"
        assert browser.execute_script("return getComputedStyle(arguments[0]).textAlign", c) in ("right", "start")
    # open a speaker facet
    browser.get(server + "/quotes/statements?_facet=speaker_id")
    facet = browser.find_element(By.CSS_SELECTOR, ".facet-info[data-column=speaker_id] li a")
    name = facet.text
    facet.click()
    WebDriverWait(browser, 20).until(lambda d: "speaker_id=" in d.current_url)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    rows = browser.find_elements(By.CSS_SELECTOR, "td.col-speaker")
    assert rows and all(r.text == rows[0].text for r in rows), name
    # open a statement page: the quote in its sentence, why the tool decided
    link = browser.find_element(By.CSS_SELECTOR, "td.col-id a")
    link.click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".statement-card"))
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Why the tool decided so" in body and "Rule that fired" in body
    card = browser.find_element(By.CSS_SELECTOR, ".statement-card")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", card) == "rtl"
    browser.save_screenshot(os.path.join(ARTIFACTS, "statement.png"))
    browser.get(server + "/quotes/statements?_search=" + urllib.parse.quote("الحوار"))
    browser.save_screenshot(os.path.join(ARTIFACTS, "search.png"))
    assert os.path.getsize(os.path.join(ARTIFACTS, "statement.png")) > 10_000
