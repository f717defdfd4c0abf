"""Layout formats out: from an ALTO or hOCR input, the clean pages in the
input's format beside the clean text (``STEM.clean.alto.xml``,
``STEM.clean.hocr``), the geometry kept and the words corrected. The ALTO
output is validated against the ALTO 4.4 schema bundled in
``tests/fixtures/schemas`` (no network)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import regex
from lxml import etree

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pamphlets-dev"
ALTO = "{http://www.loc.gov/standards/alto/ns-v4#}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOTE = regex.compile(r"\[(?:\d+|[*†‡§¶])\] ")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True,
                          timeout=120)


@pytest.fixture(scope="module")
def alto_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "schemas" / "alto-4-4.xsd")))


PAGES = [
    ["The committee met in the autumn and agreed that tbe",
     "tenants should be heard before the vote on the rents",
     "was taken; the chairman said that the council's organisa-",
     "tion had lost a third of its houses in the bombing of"],
    ["the winter, and that the clerk would write to the ministry",
     "at once. The members then went home through the dark",
     "streets of the town, and the hall was closed until the",
     "spring came round again and the council met once more."],
    ["The tenants' own committee asked for a share of the new",
     "houses, and the chairman promised that the council would",
     "hear them at its next meeting, when the builders had sent",
     "their figures for the work that was still to be done."],
]


def _alto_page(number: int, lines: list[str]) -> str:
    """A page as Tesseract writes ALTO: the head with its page number, the
    text lines, each word with its box."""
    head = f"{number} THE TENANTS" if number % 2 == 0 else f"THE TENANTS {number}"
    rows = []
    for k, text in enumerate([head, *lines]):
        x, strings = 100, []
        for word in text.split():
            width = 14 * len(word)
            strings.append(f'<String CONTENT="{word}" HPOS="{x}" VPOS="{100 + 40 * k}" '
                           f'WIDTH="{width}" HEIGHT="30" WC="0.95"/>')
            x += width + 12
        block = "head" if k == 0 else "body"
        rows.append((block, f'<TextLine HPOS="100" VPOS="{100 + 40 * k}" WIDTH="{x - 112}" '
                            f'HEIGHT="30">{"<SP/>".join(strings)}</TextLine>'))
    head_line = rows[0][1]
    body = "".join(row for _, row in rows[1:])
    return (f'<Page ID="p{number}" PHYSICAL_IMG_NR="{number}" WIDTH="1400" HEIGHT="2000">'
            f'<PrintSpace><TextBlock ID="h{number}">{head_line}</TextBlock>'
            f'<TextBlock ID="b{number}">{body}</TextBlock></PrintSpace></Page>')


def _alto_file(path: Path) -> Path:
    pages = "".join(_alto_page(8 + k, lines) for k, lines in enumerate(PAGES))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>'
                    '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description>'
                    '<MeasurementUnit>pixel</MeasurementUnit></Description>'
                    f'<Layout>{pages}</Layout></alto>', encoding="utf-8")
    return path


def alto_words(root: etree._Element) -> list[str]:
    """The text's words of an ALTO file in reading order, a word split at a
    line end read whole, tagged lines (furniture, footnotes) left out."""
    words = []
    for line in root.iter(f"{ALTO}TextLine"):
        if line.get("TAGREFS") or line.getparent().get("TAGREFS"):
            continue
        for string in line.iter(f"{ALTO}String"):
            kind = string.get("SUBS_TYPE")
            if kind != "HypPart2":
                words.append(string.get("SUBS_CONTENT") if kind == "HypPart1"
                             else string.get("CONTENT"))
    return _split_dashes(words)


def clean_words(clean: str) -> list[str]:
    """The clean text's words, footnotes (moved after their paragraphs) left out."""
    kept = [p for p in clean.split("\n\n") if not NOTE.match(p)]
    return _split_dashes(" ".join(kept).split())


def _split_dashes(words: list[str]) -> list[str]:
    """Words as two printed lines give them: an em dash joins what a line
    end parted (``aristocracy—`` / ``not``)."""
    return [part for word in words for part in word.split("—") if part]


def test_alto_in_gives_valid_alto_out_with_the_clean_words(tmp_path: Path,
                                                            alto_schema: etree.XMLSchema) -> None:
    source = _alto_file(tmp_path / "tenants.alto.xml")
    done = run_cli(str(source))
    assert done.returncode == 0, done.stderr.decode()
    out = tmp_path / "tenants.clean.alto.xml"
    assert f"wrote {out}" in done.stderr.decode()
    tree = etree.parse(str(out))
    assert alto_schema.validate(tree), alto_schema.error_log
    clean = (tmp_path / "tenants.alto.xml.clean.txt").read_text(encoding="utf-8")
    assert alto_words(tree.getroot()) == clean_words(clean)
    assert "agreed that the tenants" in clean  # ``tbe`` corrected, in both
    halves = [s for s in tree.getroot().iter(f"{ALTO}String") if s.get("SUBS_TYPE")]
    assert [(s.get("CONTENT"), s.get("SUBS_TYPE"), s.get("SUBS_CONTENT")) for s in halves] == \
        [("organisa", "HypPart1", "organisation"), ("tion", "HypPart2", "organisation")]
    assert len(list(tree.getroot().iter(f"{ALTO}HYP"))) == 1
    tags = {t.get("ID"): t.get("LABEL") for t in tree.getroot().iter(f"{ALTO}StructureTag")}
    heads = [b for b in tree.getroot().iter(f"{ALTO}TextBlock") if b.get("TAGREFS")]
    assert len(heads) == 3 and {tags[b.get("TAGREFS")] for b in heads} == {"running-head"}
    assert [" ".join(s.get("CONTENT") for s in b.iter(f"{ALTO}String")) for b in heads] == \
        ["8 THE TENANTS", "THE TENANTS 9", "10 THE TENANTS"]  # furniture kept as printed


def test_hocr_in_gives_hocr_out_with_heads_as_floats(tmp_path: Path) -> None:
    source = tmp_path / "tenants.hocr"
    source.write_bytes((FIXTURES / "formats" / "tenants.hocr").read_bytes())
    done = run_cli(str(source))
    assert done.returncode == 0, done.stderr.decode()
    root = etree.parse(str(tmp_path / "tenants.clean.hocr")).getroot()
    classes = [e.get("class") for e in root.iter(f"{XHTML}div")]
    assert classes.count("ocr_page") == 2
    floats = [e for e in root.iter(f"{XHTML}div") if e.get("class") != "ocr_page"
              and e.get("class") != "ocr_carea"]
    assert {e.get("class") for e in floats} <= {"ocr_header", "ocr_pageno"} and floats
    words = [w.text for area in root.iter(f"{XHTML}div") if area.get("class") == "ocr_carea"
             for w in area.iter(f"{XHTML}span") if w.get("class") == "ocrx_word"]
    clean = (tmp_path / "tenants.hocr.clean.txt").read_text(encoding="utf-8")
    assert words == clean_words(clean)
    assert all("bbox" in w.get("title") for w in root.iter(f"{XHTML}span")
               if w.get("class") == "ocrx_word")


def test_the_format_option_chooses_the_layout_output(tmp_path: Path) -> None:
    source = _alto_file(tmp_path / "tenants.alto.xml")
    assert run_cli(str(source), "--format", "hocr").returncode == 0
    assert (tmp_path / "tenants.clean.hocr").exists()
    assert not (tmp_path / "tenants.clean.alto.xml").exists()
    other = tmp_path / "none"
    assert run_cli(str(source), "--format", "none", "--out-dir", str(other)).returncode == 0
    assert sorted(p.name for p in other.iterdir()) == [
        "tenants.alto.xml.clean.txt", "tenants.alto.xml.report.html",
        "tenants.alto.xml.report.json"]
    plain = tmp_path / "plain.txt"
    plain.write_text("The committee met in the autumn.\n", encoding="utf-8")
    assert run_cli(str(plain), "--format", "alto").returncode == 0
    assert not list(tmp_path.glob("plain.clean.*.xml"))


def test_a_layout_output_the_user_wrote_is_not_replaced(tmp_path: Path) -> None:
    source = _alto_file(tmp_path / "tenants.alto.xml")
    mine = tmp_path / "tenants.clean.alto.xml"
    mine.write_text("my own file", encoding="utf-8")
    done = run_cli(str(source))
    assert done.returncode == 2
    assert "tenants.clean.alto.xml: exists and was not written by clean-scan" in \
        done.stderr.decode()
    assert mine.read_text(encoding="utf-8") == "my own file"
    assert run_cli(str(source)).returncode == 2  # still refused: nothing was written
    mine.unlink()
    assert run_cli(str(source)).returncode == 0
    assert run_cli(str(source)).returncode == 0  # its own output, replaced on a re-run


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus/pamphlets-dev")
@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".alto.xml")
                                        for p in CORPUS.glob("*.alto.xml"))
                         if CORPUS.is_dir() else [])
def test_the_dev_pamphlets_alto_out_is_valid_and_holds_the_clean_words(
        tmp_path: Path, alto_schema: etree.XMLSchema, name: str) -> None:
    source = tmp_path / f"{name}.alto.xml"
    source.write_bytes((CORPUS / f"{name}.alto.xml").read_bytes())
    done = run_cli(str(source), "--no-report")
    assert done.returncode == 0, done.stderr.decode()
    tree = etree.parse(str(tmp_path / f"{name}.clean.alto.xml"))
    assert alto_schema.validate(tree), alto_schema.error_log
    clean = (tmp_path / f"{name}.alto.xml.clean.txt").read_text(encoding="utf-8")
    assert alto_words(tree.getroot()) == clean_words(clean)


def test_batch_writes_the_clean_pages_and_resume_redoes_a_file_whose_pages_changed(
        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _alto_file(folder / "tenants.alto.xml")
    out = tmp_path / "out"
    assert run_cli("batch", str(folder), "--out-dir", str(out), "-j", "1").returncode == 0
    pages = out / "tenants.clean.alto.xml"
    first = pages.read_bytes()
    done = run_cli("batch", str(folder), "--out-dir", str(out), "-j", "1", "--resume")
    assert done.returncode == 0 and pages.read_bytes() == first
    assert "skipped" in (out / "batch-summary.json").read_text(encoding="utf-8")
    pages.unlink()  # gone after the run: the file is done again
    done = run_cli("batch", str(folder), "--out-dir", str(out), "-j", "1", "--resume")
    assert done.returncode == 0, done.stderr.decode()
    assert pages.read_bytes() == first
    pages.write_bytes(b"edited by hand")  # changed: not skipped, and not overwritten
    done = run_cli("batch", str(folder), "--out-dir", str(out), "-j", "1", "--resume")
    assert done.returncode == 1 and "--force" in done.stderr.decode()
    assert pages.read_bytes() == b"edited by hand"


@pytest.fixture(scope="module")
def page_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "schemas" / "pagecontent-2019-07-15.xsd")))


PAGE = "{http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15}"


def test_page_xml_in_gives_valid_page_xml_out(tmp_path: Path,
                                              page_schema: etree.XMLSchema) -> None:
    source = tmp_path / "tenants.page.xml"
    source.write_bytes((FIXTURES / "formats" / "tenants.page.xml").read_bytes())
    assert run_cli(str(source)).returncode == 0
    out = tmp_path / "tenants.clean.page.xml"
    first = out.read_bytes()
    tree = etree.parse(str(out))
    assert page_schema.validate(tree), page_schema.error_log
    words = [w.findtext(f"{PAGE}TextEquiv/{PAGE}Unicode") for w in tree.iter(f"{PAGE}Word")]
    clean = (tmp_path / "tenants.page.xml.clean.txt").read_text(encoding="utf-8")
    assert words == clean.split()
    assert run_cli(str(source)).returncode == 0 and out.read_bytes() == first  # the same bytes


def test_page_xml_out_of_a_longer_input_is_refused_in_one_line(tmp_path: Path) -> None:
    source = _alto_file(tmp_path / "tenants.alto.xml")
    done = run_cli(str(source), "--format", "page")
    assert done.returncode == 2
    assert done.stderr.decode().strip().count("\n") == 0
    assert "a PAGE XML file holds one page and this input has 3" in done.stderr.decode()
    assert not list(tmp_path.glob("tenants.*clean*"))
