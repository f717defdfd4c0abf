"""Footnotes: the stage's own view of the lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
