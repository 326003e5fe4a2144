"""`kg view` pages in a real headless browser: Debian's chromium and chromedriver, driven by selenium.

Skipped, saying why, when selenium, chromium or its driver is missing (`.ci/run` installs them with apt-get).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "view" / "hostile.trig"
EVIL = "</script><script>document.title='pwned'</script>"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    if CHROMIUM is None or DRIVER is None:
        pytest.skip("no chromium or chromedriver on PATH (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def open_page(browser, data: Path, tmp_path: Path) -> list[dict]:
    """Write the page of ``data``, open it, wait until both views are drawn; the console's messages."""
    out = tmp_path / "kg.html"
    result = CliRunner().invoke(cli, ["view", "--data", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    browser.get_log("browser")  # forget the previous page's messages
    browser.get(out.as_uri())
    deadline = time.monotonic() + 30
    while browser.execute_script("return document.body.dataset.network") != "ready":
        assert time.monotonic() < deadline, "the page did not finish drawing in 30 s"
        time.sleep(0.05)
    return browser.get_log("browser")


def errors(log: list[dict]) -> list[dict]:
    return [e for e in log if e["level"] in ("SEVERE", "ERROR")]


def details(browser) -> str:
    return browser.find_element("id", "details").text


def click_call_mark(browser, index: int) -> None:
    browser.find_element("css selector", f'#tl-head .call[data-call="{index}"]').click()


def scroll_to_row(browser, notation: str):
    """The timeline row of an office, scrolling the timeline down as a reader would until it is drawn."""
    for _ in range(200):
        found = browser.find_elements("css selector", f'#tl-rows .row[data-office="{notation}"]')
        if found:
            return found[0]
        browser.execute_script("document.getElementById('tl-scroll').scrollTop += 100")
        time.sleep(0.05)
    raise AssertionError(f"no timeline row for {notation}")


def test_hostile_text_stays_text(browser, tmp_path):
    log = open_page(browser, FIXTURE, tmp_path)
    assert errors(log) == []
    assert browser.title == "kg view"  # the injected scripts never ran
    assert len(browser.find_elements("tag name", "script")) == 2
    click_call_mark(browser, 0)
    shown = details(browser)
    assert f"homologue {EVIL} au sujet" in shown  # the sentence, verbatim
    assert "a appelé jeudi" in browser.find_element("css selector", "#details mark").text
    assert "initiator" in shown and "Paul Verne" in shown
    assert browser.find_elements("css selector", "#details a") == []  # a javascript: address is no link
    assert "javascript:alert('url')" in shown


def test_network_line_and_person_show_their_calls(browser, tmp_path):
    open_page(browser, FIXTURE, tmp_path)
    assert len(browser.find_elements("css selector", "#network .node")) == 2
    browser.find_element("css selector", "#network .edge").click()
    items = browser.find_elements("css selector", "#details li")
    assert [i.text.split(":")[0] for i in items] == ["2021-06-03", "2022-01"]  # the pair's two calls
    items[0].find_element("css selector", ".link").click()
    assert "a appelé jeudi" in browser.find_element("css selector", "#details mark").text
    next(a for a in browser.find_elements("css selector", "#details dd .link") if a.text == "Paul Verne").click()
    assert browser.find_element("css selector", "#details h2").text == "Paul Verne"
    assert len(browser.find_elements("css selector", "#details li")) == 3  # one post, two calls


def test_search_and_country_filter(browser, tmp_path):
    open_page(browser, FIXTURE, tmp_path)
    rows = lambda: [r.get_attribute("data-office") for r in browser.find_elements("css selector", "#tl-rows .row")]  # noqa: E731
    assert rows() == ["XA.defence_minister", "XB.defence_minister"]
    browser.find_element("id", "search").send_keys("verne")
    time.sleep(0.4)
    assert rows() == ["XA.defence_minister"]
    assert browser.find_elements("css selector", ".term.match")
    browser.find_element("id", "reset").click()
    assert rows() == ["XA.defence_minister", "XB.defence_minister"]
    from selenium.webdriver.support.select import Select

    Select(browser.find_element("id", "country")).select_by_visible_text("XB")
    assert rows() == ["XB.defence_minister"]


@pytest.mark.model
def test_example_corpus_timeline_and_sources(browser, built_examples, tmp_path):
    log = open_page(browser, built_examples, tmp_path)
    assert errors(log) == []
    row = scroll_to_row(browser, "US.chief_of_defence")
    assert "Joint Chiefs" in row.find_element("css selector", ".row-label").text
    holders = {t.get_attribute("data-holder") for t in row.find_elements("css selector", ".term")}
    assert any("Milley" in h for h in holders) and any("Brown" in h for h in holders), holders
    # a call with Milley: click its mark on the date strip, its source sentence shows
    marks = browser.find_elements("css selector", "#tl-head .call")
    milley = next(m for m in marks if "Milley" in m.get_attribute("aria-label"))
    milley.click()
    shown = details(browser)
    assert "Mark Milley" in shown
    sentences = [q.text for q in browser.find_elements("css selector", "#details blockquote")]
    assert sentences and any("Milley" in s or "Guérassimov" in s for s in sentences), sentences
    assert ".txt" in shown  # the article each sentence comes from
    # a term: clicking Milley's bar shows the office and its sources
    next(t for t in row.find_elements("css selector", ".term") if "Milley" in t.get_attribute("data-holder")).click()
    assert "Chairman of the Joint Chiefs of Staff" in details(browser)
