"""The HTML report in a real browser: opened from disk by headless Chromium,
OCR text that looks like markup runs nothing, and the stage filter works.

Skips when no Chromium or Chrome is installed (Debian: ``apt-get install
chromium``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BROWSER = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                if (found := shutil.which(name))), None)

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium installed")

SCRIPT = "<script>document.body.dataset.pwned=1</script>"
IMAGE = "<img src=x onerror=document.body.dataset.pwned=2>"
INJECTED = (
    "THE REPORT\n\n"
    f"A line with {SCRIPT} in it\n"
    f"and an {IMAGE} too,\n"
    "with Fish &amp; chips and a <b>bold</b> claim.\n\n"
    "The second paragraph runs over\n"
    "two lines of text.\n"
)


def dump_dom(page: Path, profile: Path, fragment: str = "") -> str:
    """The page's DOM after its scripts ran, as Chromium serialises it."""
    done = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", "--dump-dom",
         page.resolve().as_uri() + fragment],
        capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout.decode("utf-8")


def body_tag(dom: str) -> str:
    return re.search(r"<body[^>]*>", dom).group(0)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    source = folder / "inject.txt"
    source.write_text(INJECTED, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "clean_scan", str(source)], check=True,
                   capture_output=True, timeout=120)
    page = folder / "inject.report.html"
    assert page.exists()
    return page


def test_markup_in_the_ocr_text_runs_nothing_and_shows_as_text(report: Path, tmp_path: Path):
    dom = dump_dom(report, tmp_path / "profile")
    body = body_tag(dom)
    assert 'data-ready="1"' in body  # our own script ran under the page's policy
    assert "data-pwned" not in body  # neither injected script nor handler did
    # only our own scripts: the stage filter, the review box and its data
    # (where the OCR's own "<script>" stays inside a JSON string)
    assert re.findall(r"<script\b[^>]*>", dom) == [
        '<script type="application/json" id="review-data">', "<script>", "<script>"]
    assert "<img" not in dom and "<b>bold" not in dom
    # the reader sees the characters the OCR produced, whatever the stages changed
    raw_column = "".join(re.findall(r'<pre class="r">(.*?)</pre>', dom, re.S))
    shown = html.unescape(re.sub(r"<[^>]*>", "", raw_column))
    assert shown == INJECTED
    assert SCRIPT in shown and IMAGE in shown and "Fish &amp; chips" in shown


def test_the_stage_filter_is_read_from_the_address(report: Path, tmp_path: Path):
    plain = body_tag(dump_dom(report, tmp_path / "one"))
    assert "hide-" not in plain
    filtered = body_tag(dump_dom(report, tmp_path / "two",
                                 "#hide=paragraphs,whitespace,unchanged"))
    classes = re.search(r'class="([^"]*)"', filtered).group(1).split()
    # paragraphs is the pipeline's sixth stage: palette slot s5
    assert {"hide-s5", "hide-whitespace", "hide-quiet"} <= set(classes)
    assert not any(c.startswith("hide-s") and c != "hide-s5" for c in classes)

