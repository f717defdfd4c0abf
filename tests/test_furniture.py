"""The furniture stage: all furniture gone, all text kept, pages marked.

Fixtures in ``tests/fixtures/furniture/`` are invented pamphlet pages in
four page styles (``part_first``: the opening pages of a pamphlet made from
the sample book's text and read by Tesseract, which open on ``PART II``,
no running head though it ends in a roman figure); beside each
``NAME.raw.txt`` a ``NAME.gone.txt`` lists the furniture lines exactly as
they stand in the raw text (its first line gives the number of pages that
hold text).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan.folio_numbers import (
    digit_pattern,
    near_miss,
    number_fit,
    read_garbled_number,
)
from clean_scan.pagination import split_lines, split_pages
from clean_scan.pipeline import STAGE_NAMES, clean_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "furniture"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIXTURE_NAMES = ["running_heads", "foot_numbers", "hathitrust", "top_numbers", "paragraph_gaps",
                 "lettered_folios", "chapter_opening", "part_first"]
OTHERS = [name for name in STAGE_NAMES if name not in ("normalise", "furniture")]


def furniture_only(raw: str):
    return clean_text(raw, skip=OTHERS)


def nonblank(text: str) -> Counter[str]:
    return Counter(ln.strip() for ln in re.split(r"[\n\f]", text) if ln.strip())


SENTENCE = ("the workers of every town and village have learned that planning is no "
            "longer a dream but a practical question for the movement and its leaders")
WORDS = SENTENCE.split(" ")


def prose(seed: int, lines: int = 14) -> str:
    """Lines of plain prose, different on every page as real text is."""
    out = []
    for k in range(lines):
        step = 3 + (seed * lines + k) % 7
        out.append(" ".join(WORDS[(seed + k + j * step) % len(WORDS)] for j in range(10)))
    return "\n".join(out)


def load_fixture(name: str) -> tuple[str, int, list[str]]:
    raw = (FIXTURES / f"{name}.raw.txt").read_text(encoding="utf-8")
    spec = (FIXTURES / f"{name}.gone.txt").read_text(encoding="utf-8").splitlines()
    pages = int(spec[0].split(":")[1])
    return raw, pages, [ln for ln in spec[1:] if ln]


# --- fixtures: all furniture gone, all text kept ----------------------------------------

@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_furniture_gone_text_kept(name: str) -> None:
    raw, pages, gone = load_fixture(name)
    clean = furniture_only(raw).clean
    expected = nonblank(raw) - Counter(gone)
    assert nonblank(clean) == expected
    assert clean.count("\f") == pages - 1


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_page_breaks_are_single_marker_lines(name: str) -> None:
    raw, _, _ = load_fixture(name)
    clean = furniture_only(raw).clean
    for match in re.finditer("\f", clean):
        before, after = clean[: match.start()], clean[match.end():]
        assert before.endswith("\n") and not before.endswith("\n\n")
        assert after.startswith("\n") and not after[1:2].isspace()


def test_fixture_furniture_is_reported_by_kind() -> None:
    raw, _, _ = load_fixture("foot_numbers")
    rules = Counter(edit.rule for edit in furniture_only(raw).edits)
    assert rules["page-number"] == 5
    assert rules["signature-mark"] == 2


def test_left_alone_on_the_fixture_pages() -> None:
    """A sentence opening with the page's own number, a contents entry and
    its number, a heading seen once, a short last line at a page foot."""
    raw, _, _ = load_fixture("running_heads")
    kept = nonblank(furniture_only(raw).clean)
    assert kept["14 men out of every hundred in the shipyards of the North-East"] == 1
    assert kept["A WORD TO THE READER"] == 1
    assert kept["THE FACTORY FRONT"] == 1  # chapter title that the recto heads repeat
    raw, _, _ = load_fixture("foot_numbers")
    kept = nonblank(furniture_only(raw).clean)
    assert kept["16"] == 1 and kept["»3"] == 1 and kept["2i"] == 1 and kept["page 5"] == 1
    assert kept["the war."] == 1
    assert kept["1 See the evidence given before the Royal Commission of 1925."] == 1


# --- the output convention --------------------------------------------------------------

def test_gap_with_page_number_becomes_one_marker() -> None:
    gap = "\n\n\n\n"
    raw = f"First page ends\n\n7{gap}second begins.\n\n8{gap}Last page.\n\n9\n"
    assert furniture_only(raw).clean == "First page ends\n\f\nsecond begins.\n\f\nLast page.\n"


def test_form_feed_is_a_page_break() -> None:
    raw = "one page\n\fanother page\n"
    assert furniture_only(raw).clean == "one page\n\f\nanother page\n"


def test_noise_inside_a_page_keeps_paragraphs_apart() -> None:
    raw = "A paragraph ends here.\n\n$\n\nAnother begins here.\n"
    assert furniture_only(raw).clean == "A paragraph ends here.\n\nAnother begins here.\n"


def test_stamp_at_the_start_goes_with_its_blank_lines() -> None:
    raw = ("Class No :- 3 2 1\n\nBook No. 45\n\n\n\n\nTHE TITLE\n\nBy a Group of Socialists\n")
    assert furniture_only(raw).clean == "THE TITLE\n\nBy a Group of Socialists\n"


def test_doubtful_running_head_is_flagged_not_removed() -> None:
    """A capitals line at the top of a page that recurs only on the pages
    after it may be a chapter title: flag it, keep it. Where it recurs on
    pages before it, it is a running head and goes."""
    pages = [f"THE CASE FOR PLANNING\n\n{prose(n)}" if n % 2 == 0 else prose(n)
             for n in range(5)]
    raw = "\n\n\n\n".join(pages) + "\n"
    result = furniture_only(raw)
    first, middle, last = (m.start() for m in re.finditer("THE CASE", raw))
    removed = [e.raw_start for e in result.edits if e.rule == "running-head"]
    flagged = [f.raw_start for f in result.flags if f.rule == "running-head"]
    assert removed == [middle, last]
    assert flagged == [first]
    assert nonblank(result.clean)["THE CASE FOR PLANNING"] == 1


# --- chapter numbers --------------------------------------------------------------------

def test_garbled_chapter_numbers_are_written_in_digits() -> None:
    raw = ("end of a chapter.\n\n\ni o\n\nBUREAUCRACY\n\nThe text begins.\n\n\n"
           "I 2\n\nRELATIONS ABROAD\n\nMore text.\n")
    clean = furniture_only(raw).clean
    assert "\n10\n\nBUREAUCRACY" in clean and "\n12\n\nRELATIONS ABROAD" in clean


def test_number_not_above_a_heading_is_not_a_chapter_number() -> None:
    raw = "Some text.\n\ni o\n\nand the sentence goes on.\n"
    assert "\ni o\n" in furniture_only(raw).clean


def test_roman_chapter_numbers_stay_roman() -> None:
    raw = ("The old craft unions.\n\n\nII\n\nTHE UNIONS\n\nThe new unions grew.\n\n\n"
           "III\n\nTHE STRIKE\n\nThe strike came in May.\n")
    clean = furniture_only(raw).clean
    assert "\nII\n" in clean and "\nIII\n" in clean


# --- garbled numbers --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("4i", 41), ("i o", 10), ("I 2", 12), ("1 3", 13), ("ii", 11), ("S", 5), ("B", 8),
    ("Z", 2), ("G", 6), ("q", 9), ("O", 0), ("|", 1), ("!", 1),
])
def test_read_garbled_number(text: str, number: int) -> None:
    assert read_garbled_number(text) == number


@pytest.mark.parametrize("text", ["*5", "war", "THE", "", "3 *", "a"])
def test_read_garbled_number_refuses(text: str) -> None:
    assert read_garbled_number(text) is None


@pytest.mark.parametrize(("line", "number"), [
    ("*5", 15), ("*5", 25), ("4i", 41), ("3 *", 31), ("4 $", 49), ("~ 3 * 45", 45),
    ("Ci 53", 53), ("34 '", 34), ("«o", 20), ("7*", 71), ("ii", 11), ("45", 45),
])
def test_line_consistent_with_page_number(line: str, number: int) -> None:
    assert number_fit(line, number) > 0


@pytest.mark.parametrize(("line", "number"), [
    ("*5", 16), ("1 3", 60), ("16", 17), ("* *", 11), ("war.", 1), ("THE END", 5),
    ("* 94 *", 4),
])
def test_line_not_consistent_with_page_number(line: str, number: int) -> None:
    assert number_fit(line, number) == 0


def test_wildcards_and_near_misses() -> None:
    assert digit_pattern("~ 3 * 45") == "?3?45"
    assert near_miss("38", 28) and not near_miss("38", 38) and not near_miss("8", 9)


def test_pages_from_blank_gaps() -> None:
    body = "\n".join(f"line {k}" for k in range(20))
    text = f"{body}\n\n3\n\n\n\n{body}\n\n4\n\n\n\n{body}\n"
    pages, markers = split_pages(split_lines(text))
    assert len(pages) == 3 and not markers


def test_pages_from_marker_lines() -> None:
    text = "[Page 1]\ntext one\n[Page 2]\ntext two\n"
    pages, markers = split_pages(split_lines(text))
    assert len(pages) == 2 and markers == {0, 2}
    raw = "[Page 1]\ntext one\n\n[Page 2]\n\ntext two\n-----File: 003.png-----\ntext three\n"
    assert furniture_only(raw).clean == "text one\n\f\ntext two\n\f\ntext three\n"


# --- the sample book against the gold notes ---------------------------------------------

DEV_RANGES = [(1, 169), (170, 316), (317, 677), (1132, 1465), (1715, 2063), (2294, 2584),
              (2871, 3152)]


def gold_furniture(raw_lines: list[str]) -> dict[int, str]:
    """Whole furniture lines listed under "Furniture removed" in the notes."""
    listed = {}
    for notes in sorted((CORPUS / "ussr-1942" / "gold").glob("c*.notes.md")):
        text = notes.read_text(encoding="utf-8")
        section = re.search(r"## \(?3\)?\.? Furniture.*?(?=\n## )", text, re.S)
        assert section, notes
        removed_part = re.split(r"\nKept", section.group())[0]
        for bullet in re.findall(r"^- (.*)$", removed_part, re.M):
            if re.search(r"trailing|leading|inside", bullet):
                continue
            number = re.search(r"raw (\d+)", bullet) or re.match(r"(\d+)", bullet)
            quoted = re.search(r"`([^`]+)`", bullet)
            text = quoted.group(1).strip() if quoted else None
            if number and raw_lines[int(number.group(1)) - 1].strip() == text:
                listed[int(number.group(1))] = text
    return listed


@pytest.mark.skipif(not (CORPUS / "ussr-1942" / "raw.txt").exists(), reason="corpus absent")
def test_sample_book_against_gold_notes() -> None:
    raw = (CORPUS / "ussr-1942" / "raw.txt").read_text(encoding="utf-8")
    raw_lines = raw.split("\n")
    listed = gold_furniture(raw_lines)
    assert len(listed) >= 38
    result = furniture_only(raw)
    line_of = [0]
    for line in raw_lines:
        line_of.append(line_of[-1] + len(line) + 1)
    removed = {}
    for edit in result.edits:
        if edit.rule in ("page-break", "chapter-number-digits") or not edit.before.strip():
            continue
        number = next(k for k in range(len(line_of)) if line_of[k + 1] > edit.raw_start) + 1
        removed[number] = edit.before
    in_dev = {n for n in removed if any(a <= n <= b for a, b in DEV_RANGES)}
    assert in_dev == set(listed), "furniture removed in the dev sections differs from gold"
    assert not set(listed) - set(removed)
    chapter = {e.before: e.after for e in result.edits if e.rule == "chapter-number-digits"}
    assert chapter == {"i": "1", "i o": "10", "i i": "11", "I 2": "12", "1 3": "13"}
    assert "* 94 *" in result.clean and "\n»3 \n" in result.clean
    assert "'fcATl OF lSi>UE" not in result.clean


@pytest.mark.parametrize("module", ["clean_scan.pagination", "clean_scan.furniture_lines",
                                    "clean_scan.page_breaks", "clean_scan.folio_numbers",
                                    "clean_scan.stages.furniture",
                                    "clean_scan.stages.furniture.model",
                                    "clean_scan.stages.furniture.by_look",
                                    "clean_scan.stages.furniture.by_place",
                                    "clean_scan.stages.furniture.folios"])
def test_doctest_examples(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_catchword_at_the_foot_goes() -> None:
    pages = [f"{prose(1)}\nbefore the\n\nstorm", f"storm broke.\n{prose(2)}", prose(3)]
    result = furniture_only("\n\n\n\n".join(pages) + "\n")
    assert [e.before for e in result.edits if e.rule == "catchword"] == ["storm"]
    assert "before the\n\f\nstorm broke." in result.clean


def test_decorated_and_roman_folios_go() -> None:
    folios = ["— vii —", "— viii —", "— 1 —", "— 2 —"]
    pages = [f"{prose(n)}\n\n{folio}" for n, folio in enumerate(folios)]
    clean = furniture_only("\n\n\n\n".join(pages) + "\n").clean
    assert "—" not in clean and clean.count("\f") == 3


def test_pages_without_gaps_found_by_rising_numbers() -> None:
    """An export that keeps no page gaps: the lone numbers rising page by
    page are the folios; a contents-like number out of sequence stays."""
    parts = []
    for n, folio in enumerate(["21", "2*", "23", "24"]):
        parts += [prose(n, 12), folio]
    raw = "\n\n".join([*parts, prose(9, 12), "7", prose(10, 3)]) + "\n"
    result = furniture_only(raw)
    assert [e.before for e in result.edits if e.rule == "page-number"] == ["21", "2*", "23", "24"]
    assert result.clean.count("\f") == 4 and "\n7\n" in result.clean


def test_two_page_leaflet() -> None:
    raw = f"{prose(1, 10)}\n\n1\n\n\n\n{prose(2, 10)}\n\n2\n"
    clean = furniture_only(raw).clean
    assert clean == f"{prose(1, 10)}\n\f\n{prose(2, 10)}\n"


def test_internet_archive_front_notice_goes() -> None:
    notice = ("Digitized by the Internet Archive\nin 2011 with funding from\nUniversity of Toronto"
              "\n\nhttp://www.archive.org/details/coopwar00lond")
    pages = [notice] + [f"{prose(n, 14)}\n\n{n + 1}" for n in range(4)]
    clean = furniture_only("\n\n\n\n".join(pages) + "\n").clean
    assert clean == "\n\f\n".join(prose(n, 14) for n in range(4)) + "\n"


def test_pages_without_gaps_found_by_running_heads_with_rising_numbers() -> None:
    """An export that keeps no page gaps and prints its folios inside the
    running heads: the heads whose numbers rise page by page cut the
    pages, and go."""
    heads = [f"{n} THE PEOPLE'S WAR" if n % 2 == 0 else f"LABOUR AND THE PEACE {n}"
             for n in range(20, 28)]
    raw = "\n".join(f"{head}\n{prose(k, 16)}" for k, head in enumerate(heads)) + "\n"
    clean = furniture_only(raw).clean
    assert "WAR" not in clean and "PEACE" not in clean and clean.count("\f") == 7


def test_a_short_text_with_a_heading_set_off_by_two_blank_lines_keeps_its_pages() -> None:
    """Seven pages parted by three blank lines, one holding a heading set
    off by two: the heading's gap is no page break, so the garbled folios
    (``4 $``, ``5 *``) still fall in their pages' sequence and go."""
    bodies = [prose(k, 18) for k in range(7)]
    bodies[3] = f"{prose(3, 4)}\n\n\nTHE NEW PARTY\n\n{prose(9, 14)}"
    folios = ["4 $", "50", "5 *", "5 *", "53", "*4", "55"]
    pages = [f"{body}\n\n{folio}" for body, folio in zip(bodies, folios, strict=True)]
    raw = "\n\n\n\n".join(pages) + "\n"
    clean = furniture_only(raw).clean
    assert clean.count("\f") == 6 and "THE NEW PARTY" in clean
    assert not any(f"\n{folio}\n" in clean for folio in folios)


def test_an_export_with_no_blank_lines_loses_its_folios_and_running_heads() -> None:
    """No blank line anywhere: the folio lines rising page by page cut the
    pages although a capitals line follows each, because that line recurs
    as a running head does; the first of each head may be a title."""
    pages = [f"{n}\n{'THE PEOPLE’S WAR' if n % 2 == 0 else 'LABOUR AND THE PEACE'}\n"
             f"{prose(n, 20)}" for n in range(20, 28)]
    clean = furniture_only("\n".join(pages) + "\n").clean
    assert not any(f"\n{n}\n" in f"\n{clean}" for n in range(20, 28))
    assert clean.count("THE PEOPLE’S WAR") + clean.count("LABOUR AND THE PEACE") <= 2


def test_running_heads_carrying_roman_folios_go() -> None:
    """A preface's heads with its small roman folios on the same line
    (``vi PREFACE``, ``PREFACE vii``) recur as the arabic ones do."""
    romans = ["v", "vi", "vii", "viii", "ix", "x"]
    pages = [(f"{r}   PREFACE" if k % 2 else f"PREFACE   {r}") + f"\n\n{prose(k, 16)}"
             for k, r in enumerate(romans)]
    clean = furniture_only("\n\n\n\n".join(pages) + "\n").clean
    assert clean.count("PREFACE") <= 1  # the first page's may be the preface's title


def test_a_date_due_slip_on_the_first_leaf_goes_whole() -> None:
    """The library's name, the slip's sentence and the column of dates go;
    a date and a sentence about a debt falling due inside the book stay."""
    slip = ("UNIVERSITY OF CALIFORNIA\nLIBRARY\n\nThis book is DUE on the last date stamped "
            "below.\n\nMAR 3 1947\n12 OCT '48")
    inside = "MAR 3 1947\n\nThe rent was due on the first of the month."
    bodies = [prose(n, 14) for n in range(7)]
    bodies[3] = f"{inside}\n\n{prose(7, 12)}"
    pages = [slip] + [f"{body}\n\n{n + 1}" for n, body in enumerate(bodies)]
    clean = furniture_only("\n\n\n\n".join(pages) + "\n").clean
    assert not any(w in clean for w in ("CALIFORNIA", "LIBRARY", "stamped", "OCT"))
    assert inside in clean


def test_a_garbled_stamp_atop_a_short_text_goes_beside_a_plain_one() -> None:
    """A text whose pages are not known: at its top a garbled library name
    goes when a plainly read stamp line stands by it; a headline that
    merely reads like a stamp word stays."""
    stamped = ("ilia Central Htbrarn *\n\nPILANI (Jaipur State)\n\n\nClass No :- 4U\") . o £(,"
               f"\n\n\n{prose(1, 12)}\n")
    clean = furniture_only(stamped).clean
    assert clean.startswith(prose(1, 12)[:20])
    headline = f"PUBLIC LIBRARIAN.\n\n{prose(2, 12)}\n"
    assert furniture_only(headline).clean == headline


def test_form_feeds_at_only_some_page_breaks_do_not_hide_the_others() -> None:
    """A scanner's notice page ended by a form feed, then a book whose
    pages are parted by blank lines: the blank gaps are page breaks too."""
    notice = "Digitized by the Internet Archive\nin 2011 with funding from\nUniversity of Toronto"
    pages = [f"{prose(n, 14)}\n\n— {n + 1} —" for n in range(5)]
    clean = furniture_only(notice + "\n\f" + "\n\n\n\n".join(pages) + "\n").clean
    assert clean == "\n\f\n".join(prose(n, 14) for n in range(5)) + "\n"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab I1*$\n\f.", max_size=120))
def test_any_text_gives_sane_proposals(text: str) -> None:
    """Whatever the input, proposals lie inside the text, never overlap,
    and leave every non-blank line that was not judged furniture intact."""
    from clean_scan.stage import Context
    from clean_scan.stages.furniture import run

    proposals = run(text, Context()).proposals
    last = 0
    for prop in sorted(proposals, key=lambda p: (p.start, p.end)):
        assert 0 <= prop.start <= prop.end <= len(text)
        if prop.confidence >= 0.8:
            assert prop.start >= last
            last = prop.end
    clean = furniture_only(text).clean
    assert not (nonblank(clean) - nonblank(text) - Counter(
        p.replacement for p in proposals if p.rule == "chapter-number-digits"))


def test_chapter_number_at_a_page_top_is_not_the_folio() -> None:
    """Chapter 10 opening page 10 of a book with folios at the foot."""
    pages = [f"{prose(n, 16)}\n\n{n + 7}" for n in range(3)]
    pages.append(f"i o\n\nTHE BUREAUCRACY\n\n{prose(5, 16)}\n\n1o")
    clean = furniture_only("\n\n\n\n".join(pages) + "\n").clean
    assert "\f\n10\n\nTHE BUREAUCRACY\n" in clean and "1o" not in clean


def test_running_head_that_ocr_put_at_the_foot() -> None:
    """OCR zoning may give a page's head as its last line; it still repeats
    the heads of the pages around it."""
    pages = [f"SOVIET RUSSIA TO-DAY\n\n{prose(n, 16)}" for n in range(5)]
    pages[2] = f"{prose(2, 16)}\n\nS0VIET RUSSIA TO-DAY"
    result = furniture_only("\n\n\n\n".join(pages) + "\n")
    assert "RUSSIA" not in result.clean.replace("SOVIET RUSSIA TO-DAY", "", 1)
    assert "S0VIET" in [e.before[:6] for e in result.edits if e.rule == "running-foot"]


def test_a_word_split_over_a_page_whose_folio_was_read_as_letters_is_joined() -> None:
    """``- 13 -`` read as ``Ey a`` or ``= 13-``: the folio goes, and the word
    hyphenated at the foot of the page before joins its end overleaf."""
    raw, _, _ = load_fixture("lettered_folios")
    clean = clean_text(raw).clean
    assert "attacked by impossible others" in clean
    assert "Ey a" not in clean and "im-" not in clean


def test_the_first_running_head_after_a_chapter_opening_goes_inside_a_sentence() -> None:
    """A head recurring only on the pages after it may be a chapter title,
    but not where it stands inside a sentence running over the page."""
    raw, _, _ = load_fixture("paragraph_gaps")
    clean = clean_text(raw).clean
    assert "press for repairs and fair rents" in clean
    assert "HOMES" not in clean


def test_shelf_marks_and_stamp_boxes_on_a_title_page_go() -> None:
    """A library writes its class and accession numbers on the title leaf
    and stamps a ruled box there; the title, imprint and year stay."""
    title = (FIXTURES / "title_page.raw.txt").read_text(encoding="utf-8")
    raw, _, _ = load_fixture("lettered_folios")
    clean = furniture_only(title + "\n\n\n\n" + raw).clean
    kept = nonblank(clean)
    for gone in ("335.4", "K12p", "|___|___|___|", "| |  | 1 |", "Acc. No. 14523", "Class 331.83"):
        assert gone not in kept
    for stays in ("THE PEOPLE'S HOMES", "A PLAN FOR HOUSING AFTER THE WAR", "LONDON", "1945"):
        assert kept[stays] == 1


def test_a_contents_list_is_no_run_of_folios() -> None:
    """Contents entries with their page numbers alone on the next lines,
    rising, in a text parted only by single blank lines: a list, not pages."""
    entries = ["Introduction", "1. The Housing Committee", "2. The Tenants", "3. The Builders",
               "4. Land and Rents", "5. The New Estates", "6. The Report", "7. Conclusions"]
    parts = ["CONTENTS"]
    for k, entry in enumerate(entries):
        parts += [entry, str(5 + 3 * k)]
    raw = "\n\n".join(parts) + "\n\n" + prose(1, 14) + "\n"
    result = furniture_only(raw)
    assert "\f" not in result.clean
    assert [line for line in result.clean.split("\n") if line.isdigit()] == \
        [str(5 + 3 * k) for k in range(len(entries))]


BLOTCHED_PAGE = """is ery
Re sie y. gro
ose. ee : :
i Pee. PaaS
Sec ee sy Us Be yee :
heart Race. e Sees Aes. fhe :
eas Sane Pe: es
ss 5 ae eh Pees
Ee = Se Se eae are ae 19 Z
aa a Fe Be va ts Re cece ete ae te Ses i
Poe ee eee ae eee Rice fae RE e
"""


def test_a_blotched_page_read_as_noise_goes_whole() -> None:
    """A nearly blank page the engine read as lines of short letter
    strings: every line of it goes, each reported as noise."""
    text = ("The tenants met again in the school hall and resolved to write\n"
            "to the minister once more about the estates.\n\n\n\n" + BLOTCHED_PAGE)
    result = clean_text(text)
    assert result.clean.rstrip() == ("The tenants met again in the school hall and resolved "
                                     "to write to the minister once more about the estates.")
    assert sum(e.rule == "noise-run" for e in result.edits) == BLOTCHED_PAGE.count("\n")


def test_results_names_and_short_lines_of_text_are_not_noise() -> None:
    """A list of results (initials, names, figures), a foreign phrase, a
    heading among noise: each stays."""
    results = ("J H Middleton (Albury), 15, W Gahagan 20, A W Carter 30\n"
               "W M Combe 20 yards, A O Drieu 25, I Robinson 40, G Cole 45\n"
               "T Kobson 55, W Rous 60, G Porter 65, H Orr 70, H A Lepper 71\n"
               "C Jorgensen 185, I Brady 190, A J Smith 200, L Cartwright 210\n"
               "Narodnyi Komissariat Vnutrennikh Del, Gosudarstvennoe\n")
    assert furniture_only(results).clean == results
    heading = "PART I ay 0 ea\n\nORIGIN OF THE PARTY © aa a\n\n"
    clean = furniture_only(BLOTCHED_PAGE + "\n" + heading + "The country in which to-day "
                           "every school and university room is decorated.\n").clean
    assert "PART I" in clean and "ORIGIN OF THE PARTY" in clean and "Poe ee" not in clean


def test_a_chapter_opening_stays_whole_on_its_page() -> None:
    """A chapter opens with its number right above its title, set over two
    lines whose second reads like the running heads of its pages: the
    page begins at the number, and number and title stay, in one piece
    (the number is no misread folio of the page)."""
    raw, _, _ = load_fixture("chapter_opening")
    clean = furniture_only(raw).clean
    assert "\f\n10\nHOW THE\nESTATES WERE BUILT\n" in clean


def test_the_last_line_of_a_sentence_naming_a_library_is_no_stamp() -> None:
    raw = ("Cf. A. N. Whitehead, An Introduction to Mathematics (Home University\n"
           "Library).\n\nThe same thing is exemplified in geometry.\n")
    assert "Library)." in furniture_only(raw).clean


def test_a_paragraphs_last_line_in_the_words_of_the_running_head_stays() -> None:
    """Pages parted by paragraph gaps; a paragraph ends in a short line
    whose words are the running head's, in small letters: it is text."""
    pages = []
    for n in range(11, 18):
        head = f"{n} THE NEW TOWNS" if n % 2 == 0 else f"HOUSING THE PEOPLE {n}"
        body = prose(n, 14).split("\n")
        if n == 14:
            body[6] = "housing the people."
        pages.append(head + "\n\n" + "\n".join(body[:7]) + "\n\n" + "\n".join(body[7:]))
    clean = furniture_only("\n\n".join(pages) + "\n").clean
    assert "\nhousing the people.\n" in clean
    assert "HOUSING THE PEOPLE 13" not in clean and "14 THE NEW TOWNS" not in clean


def _scrappy_pages(scraps: bool) -> str:
    """Pages parted by the single blank line of their paragraphs, the head
    carrying its page number at the outer edge, and a dark page edge read as
    one or two scraps above some heads (``& 5`` / ``Be: :``)."""
    pages = []
    for n in range(40, 52):
        head = f"{n} THE RIVER VALLEY" if n % 2 == 0 else f"FARMS AND FIELDS {n}"
        scrap = ["& 5", "Be: :"] if scraps and n % 3 == 0 else []
        pages.append("\n".join([*scrap, head, prose(n, 20)]))
    return "\n\n".join(pages) + "\n"


@pytest.mark.parametrize("scraps", [False, True])
def test_numbered_heads_go_with_no_folio_read_and_scraps_above_them(scraps: bool) -> None:
    """A head that opens with its page number is no footnote, though no
    page number was read alone; scraps of noise above a head do not hide it
    from the page split."""
    clean = furniture_only(_scrappy_pages(scraps)).clean
    assert "RIVER VALLEY" not in clean
    assert "FARMS AND FIELDS" not in clean
    assert clean.count("\f") == 11


def test_folios_alone_at_the_top_through_two_misread_in_a_row() -> None:
    """Pages parted by the single blank line of their paragraphs, each but
    the first with its number alone at the top: two folios in a row lose a
    figure (``4`` for 14, ``5`` for 15), which breaks the rising run in two
    but not the page sequence, and another its last figure to a bracket
    (``1)`` for 17); the folio above a chapter's numbered title is a folio,
    not the chapter's number."""
    folios = {11: "11", 12: "12", 13: "13", 14: "4", 15: "5", 16: "16", 17: "1)",
              18: "18", 19: "19", 20: "20"}
    pages = [prose(10, 24)]
    for n, folio in folios.items():
        body = prose(n, 24)
        if n == 19:
            body = "CHAPTER IV\n\nTHE NEW ESTATES\n\n" + body
        pages.append(f"{folio}\n\n{body}")
    clean = furniture_only("\n\n".join(pages) + "\n").clean
    kept = nonblank(clean)
    for folio in folios.values():
        assert kept[folio] == 0, folio
    assert kept["CHAPTER IV"] == 1 and kept["THE NEW ESTATES"] == 1
    assert clean.count("\f") == 10


def test_a_chapter_heading_run_as_the_head_of_its_pages_goes_but_opens_the_chapter() -> None:
    """A pamphlet whose running head is its chapter's heading (``CHAPTER
    III`` over every page, as GNU Ocrad sets it off): the heads go and the
    folios with them, the folio above the next chapter's heading too (a
    heading that numbers itself has no chapter number above it), while the
    headings opening the chapters stay."""
    pages = [f"CHAPTER III\n\n\nTHE NATURE OF MATTER\n\n{prose(0, 16)}\n\n33"]
    pages += [f"CHAPTER III\n\n\n{prose(n, 16)}\n\n{33 + n}" for n in range(1, 5)]
    pages += [f"CHAPTER IV\n\n\nTHE NATURE OF MIND\n\n{prose(5, 16)}\n\n38"]
    pages += [f"CHAPTER IV\n\n\n{prose(n, 16)}\n\n{33 + n}" for n in range(6, 9)]
    clean = furniture_only("\n\n".join(pages) + "\n").clean
    assert clean.startswith("CHAPTER III\n") and clean.count("CHAPTER III") == 1
    assert clean.count("CHAPTER IV") == 1
    assert not re.findall(r"^\d+$", clean, flags=re.MULTILINE)


def test_a_foot_and_a_head_each_set_off_by_blank_lines_part_one_pair_of_pages() -> None:
    """An engine that sets no blank line between paragraphs (GNU Ocrad) sets
    a page's folio and the next page's head apart by blank lines of their
    own: two gaps a few lines apart part one pair of pages. Taken so, every
    folio and head goes (garbled as they are), though the chapter openings'
    longer gaps would alone pass for the page gaps."""
    head = "THE VALUE OF _HILOSO_HY"
    folios = ["88", "89", "_o", "91", "92", "9_", "94", "95", "96"]
    parts = []
    for k, folio in enumerate(folios):
        if k % 4 == 0:
            parts.append(f"CHAPTER {k // 4 + 1}\n\n\n\n\nA TITLE OF THE CHAPTER\n")
        parts.append(prose(k, 22) + "\n\n\n" + folio + "\n")
        if k + 1 < len(folios):
            parts.append("\n" + head + "\n\n\n")
    clean = furniture_only("".join(parts)).clean
    left = nonblank(clean)
    assert not [folio for folio in folios if folio in left]
    assert head not in left
    assert clean.count("\f") >= len(folios) - 2


def test_a_chapter_title_that_reads_as_the_running_head_stays() -> None:
    """A book's running head may be its last chapter's title: under that
    chapter's heading (even one the engine garbled, ``CHAl)TER VI``) the
    line is the title, though it repeats the head of the pages around."""
    head = "THE SOVIET STATE"
    pages = []
    for k in range(8):
        top = f"{head}\n\n" if k not in (0, 4) else ""  # a chapter's first page has no head
        opening = "CHAl)TER VI\n\n\n\n" + head + "\n\n" if k == 4 else ""
        pages.append(top + opening + prose(k, 20) + f"\n\n{30 + k}\n")
    clean = furniture_only("\n\n\n".join(pages)).clean
    assert nonblank(clean)[head] == 1
    assert re.search(r"CHAl\)TER VI\s+THE SOVIET STATE\n", clean)


def test_a_foot_folio_above_the_next_running_head_is_no_chapter_number() -> None:
    """An engine that keeps a page's bottom margin as blank lines sets the
    foot folio apart from its page's text and one blank line above the next
    page's running head, so that the page break seems to fall above the
    folio: a number above a heading printed page after page is a folio, and
    the head goes too."""
    margin = "\n" * 7
    pages = [f"{20 + n}\n\nTHE SOVIET STATE\n\n\n{prose(n)}{margin}" for n in range(1, 6)]
    kept = nonblank(furniture_only(prose(0) + margin + "".join(pages)).clean)
    assert kept["THE SOVIET STATE"] == 0
    assert not {"21", "22", "23", "24", "25"} & set(kept)


def test_a_folio_rising_with_the_rest_parts_its_pages_though_its_gap_is_shorter() -> None:
    """An engine that sets blank lines by the white space it sees gives a
    page with a note at its foot a shorter gap than the rest: the folio
    rising with the others still parts the pages, so it goes with the
    running head below it, and the note stays the foot of its own page."""
    margin = "\n" * 7
    pages = []
    for n in range(1, 6):
        foot = "\n\n* A note set at the foot of this page.\n\n\n" if n == 3 else margin
        pages.append(f"{prose(n)}{foot}{20 + n}\n\nTHE SOVIET STATE\n\n\n")
    kept = nonblank(furniture_only(prose(0) + margin + "".join(pages) + prose(9)).clean)
    assert kept["THE SOVIET STATE"] == 0
    assert not {"21", "22", "23", "24", "25"} & set(kept)
    assert kept["* A note set at the foot of this page."] == 1


def test_running_heads_with_specks_read_beside_them_go() -> None:
    """Specks beside a head read as marks and small letters (``: ee : THE
    SOVIET STATE ; ne``), or as a star before it: still the head, which
    recurs on the pages around it, and no note."""
    heads = ["THE SOVIET STATE", "* THE SOVIET STATE 23 :", "THE SOVIET STATE",
             ": ee : THE SOVIET STATE ; ne", "THE SOVIET STATE", "pe ieee THE SOVIET STATE fs",
             "THE SOVIET STATE"]
    pages = [f"{head}\n\n{prose(n, 16)}" for n, head in enumerate(heads)]
    result = furniture_only("\n\n\n\n".join(pages) + "\n")
    assert result.clean.count("SOVIET") == 1  # the first: a chapter's title, perhaps (flagged)
    removed = {e.before.strip() for e in result.edits if e.rule == "running-head"}
    assert {"* THE SOVIET STATE 23 :", ": ee : THE SOVIET STATE ; ne",
            "pe ieee THE SOVIET STATE fs"} <= removed


def test_a_head_garbled_past_matching_goes_where_the_pages_either_side_carry_it() -> None:
    """``PAR FY CAN DS FAGEE`` matches no other head on its own, but the
    pages before and after both carry ``PARTY AND STATE`` at the top: the
    neighbours agree on what stands there. A chapter's title opening a
    page between them stays."""
    heads = ["PARTY AND STATE"] * 7
    heads[3] = "PAR FY CAN DS FAGEE"
    heads[5] = "THE PARTY"
    # the chapter before the title closes its last sentence, as chapters do
    pages = [f"{head}\n\n{prose(n, 16)}" + ("." if n == 4 else "")
             for n, head in enumerate(heads)]
    clean = furniture_only("\n\n\n\n".join(pages) + "\n").clean
    assert "FAGEE" not in clean
    assert "THE PARTY" in clean


def test_a_chapter_title_over_a_page_numbered_at_its_foot_is_not_taken_for_the_head() -> None:
    """Where every running head carries its page number, a chapter's
    opening page drops the number to its foot: the line at its top with
    the head's words and no number is the chapter's title (flagged for a
    person), though it repeats the head of the pages around."""
    title = "BOARD MEETINGS"
    pages = []
    for k in range(10):
        number = 20 + k
        if k == 5:
            top, foot = f"{title}\n\n", f"\n\n{number}\n"
        elif k % 2:
            top, foot = f"{title} {number}\n\n", "\n"
        else:
            top, foot = f"{number} THE HARBOUR\n\n", "\n"
        pages.append(top + prose(k, 20) + foot)
    result = furniture_only("\n\n\n".join(pages))
    kept = nonblank(result.clean)
    assert kept[title] == 1
    assert not any(str(20 + k) in kept for k in range(10))
    assert any(f.rule == "running-head" and f.text == title for f in result.flags)


def test_a_head_where_a_sentence_runs_on_after_of_the_goes_though_a_name_follows() -> None:
    """A head repeated only on the pages after it may be a chapter's title;
    but standing where the sentence before (after a heading run into it)
    breaks off at ``of the`` and goes on over the page in a capitalised
    name, it is the running head."""
    head = "THE HARBOUR BOARD"
    pages = [prose(0, 20) + "\nTHE HOSPITAL AND ITS LIBRARY.- State of the\n\n20\n"]
    pages.append(f"{head}\n\nHospital for the month of April and the rest\n" + prose(1, 19)
                 + "\n\n21\n")
    pages += [f"{head}\n\n{prose(k, 20)}\n\n{20 + k}\n" for k in range(2, 7)]
    kept = nonblank(furniture_only("\n\n\n".join(pages)).clean)
    assert kept[head] == 0


def test_a_head_printed_once_inside_a_running_sentence_goes_and_a_chapter_title_stays() -> None:
    """A chapter's title set as the head of its only right-hand page repeats
    nowhere; standing at a page top where the sentence runs on over the page
    (``the renewed`` / / ``menace of war``), it is the head, for no heading
    stands inside a sentence. A title at a page top after a closed sentence
    stays."""
    pages = [prose(0, 20) + "\nand therefore the renewed\n\n20\n",
             "NEED FOR SPEED AND SACRIFICE\n\nmenace of war made the plan harder still.\n"
             + prose(1, 19) + ".\n\n21\n",
             "THE NEW TOWNS\n\nThe towns grew fast in those years.\n" + prose(2, 19) + "\n\n22\n"]
    kept = nonblank(furniture_only("\n\n\n".join(pages)).clean)
    assert kept["NEED FOR SPEED AND SACRIFICE"] == 0
    assert kept["THE NEW TOWNS"] == 1


def test_the_first_running_head_over_an_articles_title_goes_like_the_rest() -> None:
    """The first page that carries the running head opens with an article's
    title under it, where the page before ended inside a sentence: the head,
    printed on every page after, is no chapter number over a heading, and
    goes as the others do; the title stays."""
    body = ("The committee met in the town hall on Monday evening and heard the\n"
            "report of the engineer on the state of the roads in the district, which\n"
            "had been damaged by the heavy rains of the last week, and he told them\n")
    first = body * 3 + "that the work would take a month and that the men were\n\n7\n\n"
    second = ("THE COLONY\n\nMR. WADE'S RETURN.\n\n"
              "HIS EXPERIENCE AS MOTORIST. The Premier returned to\n" + body * 3 + "\n\n8\n\n")
    rest = "".join(f"THE COLONY\n\n{body * 4}\n\n{n}\n\n" for n in (9, 10, 11))
    clean = clean_text(first + second + rest).clean
    assert "THE COLONY" not in clean
    assert "the men were\n\nMR. WADE’S RETURN.\n\nHIS EXPERIENCE" in clean


def test_a_running_head_garbled_into_small_letters_goes_between_two_sure_ones() -> None:
    """A page's head read with a word in small letters (``tit COLONY``), no
    heading by its case, between pages that carry the head surely: the
    head garbled, and it goes as they do."""
    body = ("The committee met in the town hall on Monday evening and heard the\n"
            "report of the engineer on the state of the roads in the district, which\n"
            "had been damaged by the heavy rains of the last week, and he told them\n")
    heads = ["THE COLONY", "THE COLONY", "tit COLONY", "THE COLONY", "THE COLONY"]
    text = "\f\n".join(f"{head}\n\n{body * 4}\n\n{n}\n" for n, head in enumerate(heads, 7))
    clean = clean_text(text).clean
    assert clean.count("COLONY") == 1  # the first page's: a chapter's title too, perhaps (flagged)


def test_a_chapter_opening_left_at_a_foot_by_the_page_split_is_flagged_not_removed() -> None:
    """Where the running feet are the chapters' titles with the page number
    beside them, a foot bare of the number under a lone number is the next
    chapter's number and title that the page split left at a page's foot:
    both are flagged, not removed, while the numbered feet go."""
    from clean_scan.stages.furniture import analyse
    from clean_scan.stages.furniture.by_place import _chapter_titles_at_feet
    from clean_scan.stages.furniture.model import Slots, Verdict

    text = "".join(f"Body text of page {n} runs here.\n\nTHE NEW ROADS {n}\n\n" for n in range(5))
    text += "The chapter ends.\n\n6\n\nTHE NEW ROADS\n\n"
    layout = analyse(text)
    feet = [i for i, line in enumerate(layout.lines) if line.text.startswith("THE NEW ROADS")]
    number = next(i for i, line in enumerate(layout.lines) if line.text == "6")
    for i in feet:
        layout.verdicts[i] = Verdict("running-foot", 0.95, "repeats")
    slots = {k: Slots([], [i]) for k, i in enumerate(feet)}
    _chapter_titles_at_feet(layout, slots)
    assert [layout.verdicts[i].confidence for i in feet] == [0.95] * 5 + [0.6]
    assert layout.verdicts[number].confidence == 0.6


def test_a_foot_folio_whose_dashes_read_as_figures_goes() -> None:
    """A heavy scan reads the dashes of ``— 16 —`` as figures glued to it
    (``216``, ``169``): in the folio's place, between pages whose folios
    read plainly, the number is still that page's, not the text's."""
    folios = ["— 14 —", "— 15 —", "216", "— 17 —", "189", "— 19 —"]
    pages = [f"{prose(n)}\n\n{folio}\n" for n, folio in enumerate(folios)]
    kept = nonblank(furniture_only("\f".join(pages)).clean)
    assert not {"216", "189", "— 14 —", "— 17 —"} & set(kept)


def test_folios_go_where_the_page_gap_lies_past_the_next_running_head() -> None:
    """An engine that sets a folio, a blank line, the next page's head and
    then the page's gap (``20`` / ``THE PARTY`` / two blank lines) puts
    the gap five lines past the folio: the folios still part the pages,
    and one above a chapter's number (``20`` / ``11`` / ``THE COMMUNIST``),
    where that page has no head, goes too."""
    pages = []
    for n in range(8):
        head = "" if n == 5 else "THE PARTY\n\n\n"
        opening = "11\n\nTHE COMMUNIST\n\n" if n == 5 else ""
        pages.append(f"{head}{opening}{prose(n)}\n\n{15 + n}\n\n")
    kept = nonblank(furniture_only("".join(pages)).clean)
    assert not {str(15 + n) for n in range(8)} & set(kept)
    assert kept["11"] == 1


def test_the_folio_of_a_chapters_short_last_page_goes() -> None:
    """A chapter's last page may hold one line of text: its folio stands a
    few lines below the page before's, too near for a page's worth, but it
    reads plainly the number the pages around it leave out."""
    pages = []
    for n in range(8):
        body = "the last line of the chapter, alone on its page." if n == 4 else prose(n)
        opening = "11\n\nTHE COMMUNIST\n\n" if n == 5 else ""
        head = "" if n in (0, 5) else "THE SOVIET STATE\n\n"
        pages.append(f"{head}{opening}{body}\n\n{20 + n}\n")
    kept = nonblank(furniture_only("\n".join(pages)).clean)
    assert not {str(20 + n) for n in range(8)} & set(kept)
    assert kept["11"] == 1
