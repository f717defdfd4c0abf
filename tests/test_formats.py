"""Layout formats and volumes in: ALTO (v2, v4), hOCR, PAGE XML (2013,
2019), a folder or zip of page files; PDF and bad XML refused in one line.
The fixtures in ``tests/fixtures/formats`` were written for these tests: two
pages of a pamphlet with a running head and its page number."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from clean_scan.decoding import InputError, read_input

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
TWO_PAGES = ["tenants.hocr", "tenants.alto.xml", "tenants-v2.alto.xml"]
ONE_PAGE = ["tenants.page.xml", "tenants-2013.page.xml"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True,
                          timeout=120)


@pytest.mark.parametrize("name", TWO_PAGES + ONE_PAGE)
def test_a_layout_file_is_read_as_its_text_page_by_page(name: str) -> None:
    read = read_input(FIXTURES / name)
    pages = read.text.split("\f")
    assert len(pages) == (2 if name in TWO_PAGES else 1)
    assert pages[0].startswith("8 THE TENANTS\n\nThe committee met in the autumn")
    assert read.format in ("hocr", "alto", "page") and read.file_sha256 is not None
    assert read.layout.place(read.text.index("committee")).line.size is not None


@pytest.mark.parametrize("name", TWO_PAGES)
def test_a_layout_file_is_cleaned_of_its_running_heads_and_restores(tmp_path: Path,
                                                                     name: str) -> None:
    source = tmp_path / name
    source.write_bytes((FIXTURES / name).read_bytes())
    done = run_cli(str(source))
    assert done.returncode == 0, done.stderr.decode()
    clean = tmp_path.joinpath(name + ".clean.txt").read_text(encoding="utf-8")
    assert "TENANTS" not in clean and " 9" not in clean
    assert "in the bombing of the winter and that the clerk would write" in clean
    report = json.loads(tmp_path.joinpath(name + ".report.json").read_text(encoding="utf-8"))
    assert report["input"]["format"] in ("hocr", "alto")
    restored = run_cli("restore", str(tmp_path / (name + ".clean.txt")),
                       str(tmp_path / (name + ".report.json")))
    assert restored.returncode == 0
    assert restored.stdout.decode("utf-8") == read_input(source).text  # the text read out


def test_clean_text_to_standard_output_writes_nothing_beside_a_layout_input(
        tmp_path: Path) -> None:
    """``-o -`` sends the clean text to standard output and writes nothing
    beside the input, the clean pages no more than the reports: the input's
    folder may be a collection the user keeps as it is."""
    source = tmp_path / "tenants.hocr"
    source.write_bytes((FIXTURES / "tenants.hocr").read_bytes())
    done = run_cli(str(source), "-o", "-")
    assert done.returncode == 0, done.stderr.decode()
    assert "The committee met in the autumn" in done.stdout.decode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["tenants.hocr"]


def test_every_format_gives_the_same_clean_text(tmp_path: Path) -> None:
    from clean_scan import clean_text
    from clean_scan.stage import Context

    cleaned = set()
    for name in TWO_PAGES:
        read = read_input(FIXTURES / name)
        cleaned.add(clean_text(read.text, context=Context(layout=read.layout)).clean)
    assert len(cleaned) == 1


def test_page_xml_follows_its_reading_order() -> None:
    text = read_input(FIXTURES / "tenants.page.xml").text
    assert text.index("THE TENANTS") < text.index("committee")  # the head region is listed last


def test_a_volume_of_page_files_is_one_text_in_page_order(tmp_path: Path) -> None:
    folder = tmp_path / "vol"
    folder.mkdir()
    for number, body in ((10, "the end of it.\n"), (2, "and so\n"), (1, "It began\n")):
        (folder / f"{number:08d}.txt").write_text(body, encoding="utf-8")
    (folder / "00000003.txt").write_bytes("the workers’ paper\n".encode("cp1252"))
    read = read_input(folder)
    assert read.text == "It began\n\fand so\n\fthe workers’ paper\n\fthe end of it.\n"
    archive = tmp_path / "vol.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for page in sorted(folder.iterdir(), reverse=True):
            zipped.write(page, f"vol/{page.name}")
    assert read_input(archive).text == read.text
    with pytest.raises(InputError, match="than 20 bytes"):
        read_input(archive, max_bytes=20)


@pytest.mark.parametrize(("content", "message"), [
    (b"%PDF-1.4\n%binary", b"a PDF"),
    (b"<?xml version='1.0'?><alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout>",
     b"not well-formed XML"),
    (b"<?xml version='1.0'?><alto xmlns='http://example.org/alto-9'/>", b"unknown namespace"),
    (b"<?xml version='1.0'?><PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/"
     b"pagecontent/2010-03-19'/>", b"unknown namespace"),
    (b"<?xml version='1.0'?><mets xmlns='http://www.loc.gov/METS/'/>", b"not ALTO, hOCR"),
    (b"<?xml version='1.0'?><!DOCTYPE alto [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
     b"<alto>&e;</alto>", b"declares entities"),
])
def test_what_cannot_be_read_is_refused_in_one_line(tmp_path: Path, content: bytes,
                                                   message: bytes) -> None:
    source = tmp_path / "input.xml"
    source.write_bytes(content)
    done = run_cli(str(source))
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.splitlines()) == 1
    assert not list(tmp_path.glob("*.clean.txt"))


def test_an_entity_bomb_is_refused_at_once(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY e{k} "&e{k - 1};&e{k - 1};&e{k - 1};&e{k - 1};">'
                       for k in range(1, 40))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY e0 "boom">{entities}]>'
            f"<alto><Layout><Page><TextBlock><TextLine><String CONTENT='&e39;'/>"
            f"</TextLine></TextBlock></Page></Layout></alto>")
    source = tmp_path / "bomb.alto.xml"
    source.write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(InputError, match="declares entities"):
        read_input(source)
    assert time.perf_counter() - started < 5


def test_batch_takes_layout_files_and_leaves_other_xml(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tenants.hocr", "tenants.alto.xml"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "mets.xml").write_text("<?xml version='1.0'?><mets/>\n", encoding="utf-8")
    done = run_cli("batch", str(folder), "--out-dir", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr.decode()
    made = sorted(p.name for p in (tmp_path / "out").glob("*.clean.txt"))
    assert made == ["tenants.alto.xml.clean.txt", "tenants.hocr.clean.txt"]


def _cleaned_hocr_and_plain(tmp_path: Path, old: str, new: str) -> tuple[dict, str, dict, str]:
    """The hOCR fixture with ``old`` replaced by ``new``, cleaned as a layout
    file and, its text alone, as plain text: each one's report and clean text."""
    hocr = (FIXTURES / "tenants.hocr").read_text(encoding="utf-8")
    edited = hocr.replace(old, new, 1)
    assert edited != hocr
    source = tmp_path / "edited.hocr"
    source.write_text(edited, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(read_input(source).text, encoding="utf-8")  # the same text, no confidences
    found = []
    for path, stem in ((source, "edited.hocr"), (plain, "plain")):
        assert run_cli(str(path)).returncode == 0
        found.append(json.loads((tmp_path / f"{stem}.report.json").read_text(encoding="utf-8")))
        found.append((tmp_path / f"{stem}.clean.txt").read_text(encoding="utf-8"))
    layout_report, layout_clean, plain_report, plain_clean = found
    return layout_report, layout_clean, plain_report, plain_clean


def test_a_word_the_engine_doubted_is_flagged_from_its_layout_file(tmp_path: Path) -> None:
    report, _, plain_report, _ = _cleaned_hocr_and_plain(
        tmp_path, "x_wconf 95'>rents</span>", "x_wconf 12'>rents</span>")
    flags = [f for f in report["flags"] if f["rule"] == "engine-doubt"]
    assert [f["text"] for f in flags] == ["rents"]
    assert not [f for f in plain_report["flags"] if f["rule"] == "engine-doubt"]


def test_a_mark_the_engine_hardly_saw_goes_from_a_layout_file_only(tmp_path: Path) -> None:
    speck = "<span class='ocrx_word' title='bbox 400 300 404 304; x_wconf 9'>»</span>"
    report, clean, _, plain_clean = _cleaned_hocr_and_plain(
        tmp_path, ">rents</span>", ">rents</span> " + speck)
    assert "»" not in clean and "the rents was taken" in clean
    assert [e["rule"] for e in report["edits"] if "»" in e["before"]] == ["engine-speck"]
    assert "»" in plain_clean  # no confidences: kept


def test_a_speck_in_a_box_too_small_for_a_letter_goes_from_a_layout_file_only(
        tmp_path: Path) -> None:
    """A ``4`` read with confidence, but in a box of four pixels beside
    letters forty tall, is dirt; the same text without boxes keeps it, and
    a real ``4`` of a letter's size stays."""
    speck = "<span class='ocrx_word' title='bbox 400 300 404 304; x_wconf 80'>4</span>"
    report, clean, _, plain_clean = _cleaned_hocr_and_plain(
        tmp_path, ">rents</span>", ">rents</span> " + speck)
    assert "the rents was taken" in clean
    assert [e["rule"] for e in report["edits"] if "4" in e["before"]] == ["speck-by-size"]
    assert "rents 4 was" in plain_clean  # no boxes: kept
    figure = "<span class='ocrx_word' title='bbox 400 350 420 390; x_wconf 80'>4</span>"
    _, clean, _, _ = _cleaned_hocr_and_plain(tmp_path, ">rents</span>", ">rents</span> " + figure)
    assert "rents 4 was" in clean


def test_a_mark_glued_to_a_word_the_engine_doubted_goes_from_a_layout_file_only(
        tmp_path: Path) -> None:
    """``rents:`` read with 40% confidence before ``was``: the letters are a
    known word, so the doubt is the mark's, a speck; the same text without
    confidences keeps it."""
    report, clean, _, plain_clean = _cleaned_hocr_and_plain(
        tmp_path, "x_wconf 95'>rents</span>", "x_wconf 40'>rents:</span>")
    assert "the rents was taken" in clean
    assert [e["rule"] for e in report["edits"] if e["before"] == ":"] == ["engine-glued-speck"]
    assert "rents: was" in plain_clean  # no confidences: kept
