"""Footnotes: the stage's own view of the lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan import clean_text
from clean_scan.layout import split_lines, typical_line_length
from clean_scan.stages import footnotes


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t\n\fab1*", max_size=200))
def test_lines_are_made_as_layout_makes_them(text: str) -> None:
    """The stage makes its lines only when needed, but each is the line
    ``split_lines`` makes, and the full width is ``typical_line_length``."""
    lines = footnotes.Lines(text)
    expected = split_lines(text)
    assert len(lines) == len(expected)
    assert [lines[i] for i in reversed(range(len(lines)))] == expected[::-1]
    assert lines.texts == [line.text for line in expected]
    assert lines.full_width == typical_line_length(expected)


def test_full_width_of_long_lines() -> None:
    text = "\n".join("x" * n for n in (10, 35, 40, 45, 50))
    assert footnotes.Lines(text).full_width == typical_line_length(split_lines(text)) == 42


PAGE_WITH_A_NOTE = """They could only understand them if they were presented on a
mythica1 or pseudo-religious basis, as struggles of the regime
against the enemies of the people, and so it went on for years.

Stalin, on the other hand, has to descend to the mystical level
and make public trials and purges out of mere differences of
opinion about means or even mere administrative maladjustments. 1

This growing necessity to paint every issue in terms of deepest
black or purest white, to seek out national enemies not merely.

1 In their sharpest form these tendencies were expressed during
the Moscow Trials, when the world witnessed a new wave of terror.

{page}
"""


def test_a_digit_misread_for_a_letter_is_not_taken_for_the_reference() -> None:
    """``mythica1`` is ``mythical`` misread: the note goes after the
    paragraph whose reference stands apart (``maladjustments. 1``)."""
    text = PAGE_WITH_A_NOTE.format(page=43) + "\f" + PAGE_WITH_A_NOTE.format(page=44)
    paragraphs = clean_text(text).clean.split("\n\n")
    assert paragraphs[1].endswith("administrative maladjustments.[1]")
    assert paragraphs[2].startswith("[1] In their sharpest form")
    assert "mythica[1]" not in paragraphs[0]


PAGE_WITH_SYMBOL_NOTES = """The Charter was signed at sea,* and the House debated it at
length† in the autumn of that year, when the Russian front held.

The workers of every town had read of it in their papers and
asked what it would mean for them when the war was over.

* The Atlantic Charter, August 1941.
† See Hansard, vol. 374, col. 68.

{page}
"""


def symbol_pages(first: str = "*", second: str = "†") -> str:
    """Two pages, the first with two notes marked ``first`` and ``second``."""
    notes = PAGE_WITH_SYMBOL_NOTES.replace("sea,*", f"sea,{first}").replace(
        "length†", f"length{second}").replace("* The", f"{first} The").replace(
        "† See", f"{second} See")
    plain = PAGE_WITH_SYMBOL_NOTES.replace("sea,*", "sea,").replace("length†", "length")
    plain = plain[:plain.index("\n\n* The")] + "\n\n{page}\n"
    return notes.format(page=12) + "\f" + plain.format(page=13)


def test_notes_marked_with_a_star_and_a_dagger_keep_their_marks() -> None:
    """Beside a dagger a star is the symbol sequence's first mark as
    printed, not a garbled ``1``."""
    clean = clean_text(symbol_pages()).clean
    assert "at sea,[*] and" in clean and "length[†] in" in clean
    assert "\n\n[*] The Atlantic Charter, August 1941.\n\n[†] See Hansard" in clean


def test_superscript_references_and_marks_are_read_as_digits() -> None:
    clean = clean_text(symbol_pages("¹", "²")).clean
    assert "at sea,[1] and" in clean and "length[2] in" in clean
    assert "\n\n[1] The Atlantic Charter, August 1941.\n\n[2] See Hansard" in clean
