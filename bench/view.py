"""Figure 8: the `kg view` page of a synthetic graph with 50,000 calls, loaded in headless Chromium.

The graph is the bench generator's (``bench/graph_gen.py``) at 1.1M triples: 208 offices, ~1,970 people and
terms, ~50,700 calls. The figures: writing the page (reading the graph with the view's queries included), its
size, and in the browser the time from navigation to the timeline drawn and to the network laid out and drawn
(the page's own ``performance.mark`` entries) and the longest main-thread task after the timeline is drawn
(Chrome's long-task entries: the page answers clicks between them); then, on the loaded page, how long a
zoom to one year and a search by name take to redraw.
Needs selenium and Debian's chromium and chromedriver; without them the figure says so and is skipped.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from bench.timing import Row, median_run

TRIPLES = 1_100_000
SECTION = "8 view"


def chromium():
    """A headless Chromium driven by selenium, or None when one of them is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if binary is None or driver is None:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def load(browser, page: Path) -> dict[str, float]:
    """Open the page (a fresh load) and wait for both views; milliseconds from navigation to each mark."""
    browser.get("about:blank")
    browser.execute_cdp_cmd("Performance.enable", {})
    browser.get(page.as_uri())
    deadline = time.monotonic() + 120
    while browser.execute_script("return document.body.dataset.network") != "ready":
        if time.monotonic() > deadline:
            raise RuntimeError("the page did not finish drawing in 120 s")
        time.sleep(0.02)
    marks = browser.execute_script(
        "return Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
    tasks = browser.execute_async_script(LONG_TASKS)
    after = [duration for start, duration in tasks if start >= marks["kg-timeline"]]
    metrics = {m["name"]: m["value"] for m in browser.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
    browser.execute_cdp_cmd("Performance.disable", {})
    return {"timeline": marks["kg-timeline"], "network": marks["kg-network"], "longest": max(after, default=0.0),
            "cpu": metrics["ThreadTime"]}


LONG_TASKS = """
const done = arguments[arguments.length - 1];
new PerformanceObserver((list) => done(list.getEntries().map(e => [e.startTime, e.duration])))
  .observe({type: 'longtask', buffered: true});
setTimeout(() => done([]), 1000);
"""


INTERACT = """
const t0 = performance.now();
window.kgView.setWindow(arguments[0], arguments[0] + 365);
const t1 = performance.now();
const inYear = window.kgView.visibleCalls().length;
document.getElementById('search').value = arguments[1];
window.kgView.applyFilters();
const t2 = performance.now();
return [t1 - t0, t2 - t1, inYear];
"""


def run(graph: Path, work: Path, repeat: int) -> list[Row]:
    from kg.view import write_view

    page = work / "view-50k.html"
    cpu = time.process_time()
    seconds, _, summary = median_run(lambda: write_view(graph, page), 1)
    cpu = time.process_time() - cpu
    rows = [Row(SECTION, f"kg view: write the page of {summary.calls:,} calls ({TRIPLES / 1e6:.1f}M triples)",
                seconds, "s", note=f"CPU {cpu:.1f} s; {summary.size / 2**20:.1f} MiB of HTML; parsing the graph "
                                   "into memory included")]
    browser = chromium()
    if browser is None:
        rows.append(Row(SECTION, "page load in headless Chromium", float("nan"), "",
                        note="skipped: selenium, chromium or chromedriver missing"))
        return rows
    try:
        loads = [load(browser, page) for _ in range(repeat)]
        first_day = browser.execute_script("return Math.floor(Date.parse('2012-01-01') / 86400000)")
        zoom, search, in_year = browser.execute_script(INTERACT, first_day, "Milley")
    finally:
        browser.quit()
    timeline = statistics.median(x["timeline"] for x in loads) / 1000
    network = statistics.median(x["network"] for x in loads) / 1000
    longest = statistics.median(x["longest"] for x in loads)
    cpu = statistics.median(x["cpu"] for x in loads)
    rows += [
        Row(SECTION, "page load to timeline drawn (headless Chromium)", timeline, "s", "≤ 5 s", timeline <= 5,
            note="JSON parsed, rows and the call histogram drawn"),
        Row(SECTION, "page load to network laid out and drawn", network, "s", "≤ 10 s", network <= 10,
            note="top 300 pairs; layout in slices, page usable meanwhile"),
        Row(SECTION, "page's main-thread CPU time, load to network drawn", cpu, "s",
            note="Chrome's ThreadTime metric: the work itself, whatever else runs on the machine"),
        Row(SECTION, "longest main-thread task once the timeline is drawn", longest, "ms", "≤ 200 ms",
            longest <= 200, note="Chrome's long tasks (over 50 ms) while the network is laid out"),
        Row(SECTION, "zoom to one year: redraw", zoom, "ms", "≤ 500 ms", zoom <= 500,
            note=f"{in_year:,} calls then drawn as single marks"),
        Row(SECTION, "search a name: filter and redraw", search, "ms", "≤ 500 ms", search <= 500),
    ]
    return rows


def screenshot(page: Path, png: Path, *, click: str = "Milley") -> None:
    """A picture of ``page`` (the README's ``docs/view.png``) with the first call whose participants hold
    ``click`` selected, so the details show its source sentences."""
    browser = chromium()
    if browser is None:
        raise SystemExit("selenium, chromium or chromedriver missing")
    try:
        browser.set_window_size(1280, 860)
        load(browser, page)
        browser.execute_script("const s = document.getElementById('tl-scroll'); s.scrollTop = s.scrollHeight")
        time.sleep(0.3)
        for mark in browser.find_elements("css selector", "#tl-head .call"):
            if click in mark.get_attribute("aria-label"):
                mark.click()
                break
        browser.save_screenshot(str(png))
    finally:
        browser.quit()


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m bench.view PAGE.html OUT.png  (a screenshot in headless Chromium)")
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
