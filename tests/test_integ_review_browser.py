"""The review page in a real browser (Debian ``chromium`` and
``chromium-driver``, driven by selenium), served by ``clean-scan review``'s
server on 127.0.0.1: reject a change, accept a suggestion, replace a word,
trust a word, apply; then the clean text, the word list and a byte-exact
restore. Skips when the browser, its driver or selenium is absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from clean_scan.review.server import make_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="no chromium and chromedriver")

PAGE = """The committee met in the autumn and agreed that the tenants
should be heard before the vote. The chairrnan said that tbe council
had lost a third of its houses in the bombing, and the clerk, Mr. Bristal,
wrote it down in the minutes of the meeting. The hause was full and the
Krestintern delegate read the report of the year to the tenants.
"""


@pytest.fixture
def served(tmp_path: Path):
    raw = tmp_path / "page.txt"
    raw.write_text(PAGE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "clean_scan", str(raw)], check=True,
                   capture_output=True, timeout=120)
    server, session, url = make_server(tmp_path / "page.report.json")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield raw, session, url
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(driver, condition, timeout: float = 20.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def text_of(driver, ident: str) -> str:
    return driver.find_element("id", ident).text


def go_to(driver, raw_text: str) -> None:
    """Step with the keyboard to the item standing on ``raw_text``."""
    body = driver.find_element("tag name", "body")
    body.send_keys("k" * 30)
    for _ in range(40):
        if text_of(driver, "raw") == raw_text:
            return
        body.send_keys("j")
    raise AssertionError(f"no item on {raw_text!r}")


def saved(raw: Path) -> list[dict]:
    path = raw.with_name("page.review.json")
    return json.loads(path.read_text(encoding="utf-8"))["decisions"] if path.exists() else []


def test_review_in_the_browser_then_apply(served, browser) -> None:
    raw, _, url = served
    browser.get(url)
    wait_for(browser, lambda d: "left of" in text_of(d, "left"))
    body = browser.find_element("tag name", "body")

    go_to(browser, "tbe")
    body.send_keys("r")  # reject clean-scan's change: keep what was printed
    wait_for(browser, lambda d: len(saved(raw)) == 1)

    go_to(browser, "Bristal")
    assert "Bristol" in text_of(browser, "suggestions")
    body.send_keys("a")  # accept the suggestion
    wait_for(browser, lambda d: len(saved(raw)) == 2)

    go_to(browser, "hause")
    body.send_keys("e")
    field = browser.find_element("id", "replacement")
    field.clear()
    field.send_keys("hall\n")  # replace the word by hand
    wait_for(browser, lambda d: len(saved(raw)) == 3)

    go_to(browser, "Krestintern")
    browser.find_element("tag name", "body").send_keys("t")  # trust the word
    wait_for(browser, lambda d: len(saved(raw)) == 4)
    assert {d["action"] for d in saved(raw)} == {"reject", "accept", "replace", "trust"}

    browser.find_element("tag name", "body").send_keys("x")  # apply and reload
    wait_for(browser, lambda d: "applied 4 decisions" in text_of(d, "message"))

    clean = raw.with_name("page.clean.txt").read_text(encoding="utf-8")
    assert "said that tbe council" in clean and "Mr. Bristol," in clean
    assert "The hall was full" in clean and "The chairman said" in clean
    words = raw.with_name("clean-scan.words").read_text(encoding="utf-8").splitlines()
    assert "Krestintern" in words and "reject tbe -> the" in words
    restored = subprocess.run([sys.executable, "-m", "clean_scan", "restore",
                               str(raw.with_name("page.clean.txt")),
                               str(raw.with_name("page.report.json"))], capture_output=True)
    assert restored.returncode == 0 and restored.stdout == raw.read_bytes()


def test_the_server_refuses_requests_without_its_token_or_from_elsewhere(served) -> None:
    raw, session, url = served
    base = url.split("/?")[0]

    def status(path: str, headers: dict[str, str], data: bytes | None = None) -> int:
        request = urllib.request.Request(base + path, data=data, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status
        except urllib.error.HTTPError as exc:
            return exc.code

    token = {"X-Review-Token": session.token}
    decision = json.dumps({"word": "Krestintern", "action": "trust"}).encode()
    json_type = {"Content-Type": "application/json"}
    assert status("/", {}) == 403
    assert status("/?token=wrong", {}) == 403
    assert status("/api/state", {}) == 403
    assert status("/api/state", {**token, "Origin": "http://evil.example"}) == 403
    assert status("/api/decide", {**json_type, "X-Review-Token": "wrong"}, decision) == 403
    assert status("/api/decide", {**token, "Content-Type": "text/plain"}, decision) == 415
    assert status("/../page.txt", token) == 404
    assert not raw.with_name("page.review.json").exists()
    assert status("/api/decide", {**token, **json_type}, b'{"action": "explode"}') == 400
    assert status("/api/decide", {**token, **json_type}, decision) == 200
    assert saved(raw) == [{"word": "Krestintern", "action": "trust"}]
    assert session.report_path.parent == raw.parent
    assert base.startswith("http://127.0.0.1:")


@pytest.fixture
def downloading_browser(tmp_path: Path):
    """A browser that saves downloads, unasked, into ``tmp_path / "downloads"``."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver, downloads
    driver.quit()


def test_the_report_opened_from_disk_exports_decisions_that_clean_scan_applies(
        tmp_path: Path, downloading_browser) -> None:
    browser, downloads = downloading_browser
    raw = tmp_path / "page.txt"
    raw.write_text(PAGE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "clean_scan", str(raw)], check=True,
                   capture_output=True, timeout=120)
    report_page = raw.with_name("page.report.html")
    browser.get(report_page.resolve().as_uri())
    body = browser.find_element("tag name", "body")
    body.send_keys("t")  # the keys do nothing while the review box is closed
    browser.find_element("css selector", "#review-box > summary").click()
    wait_for(browser, lambda d: "left of" in text_of(d, "left"))

    go_to(browser, "tbe")
    body.send_keys("r")
    go_to(browser, "Bristal")
    body.send_keys("a")
    go_to(browser, "Krestintern")
    body.send_keys("t")
    wait_for(browser, lambda d: "in this browser" in text_of(d, "message"))
    body.send_keys("x")  # export
    exported = downloads / "page.review.json"
    wait_for(browser, lambda d: exported.exists() and exported.stat().st_size > 0)
    assert not raw.with_name("page.review.json").exists()  # the page wrote nothing itself

    decisions = json.loads(exported.read_text(encoding="utf-8"))
    assert decisions["version"] == 1
    assert sorted(d["action"] for d in decisions["decisions"]) == ["accept", "reject", "trust"]
    exported.replace(raw.with_name("page.review.json"))
    again = subprocess.run([sys.executable, "-m", "clean_scan", str(raw)],
                           capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr.decode()
    clean = raw.with_name("page.clean.txt").read_text(encoding="utf-8")
    assert "said that tbe council" in clean and "Mr. Bristol," in clean
    words = raw.with_name("clean-scan.words").read_text(encoding="utf-8").splitlines()
    assert "Krestintern" in words
