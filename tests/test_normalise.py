"""Normalise: line ends and invisible control characters."""

from __future__ import annotations

from clean_scan.stage import Context
from clean_scan.stages import normalise


def test_control_characters_listed_are_those_of_the_class() -> None:
    """The quick test for control characters looks for exactly the
    characters the removal's class matches."""
    matched = {chr(c) for c in range(0x10000) if normalise._CONTROL.fullmatch(chr(c))}
    assert matched == set(normalise._CONTROL_CHARS)


def test_line_ends_and_control_characters_are_proposed_in_order() -> None:
    text = "a\r\nb\x00\x01c\u200bd\rE\ufeff"
    proposals = normalise.run(text, Context()).proposals
    assert [(p.start, p.end, p.replacement, p.rule) for p in proposals] == [
        (1, 3, "\n", "line-ends"),
        (4, 6, "", "control-characters"),
        (7, 8, "", "control-characters"),
        (9, 10, "\n", "line-ends"),
        (11, 12, "", "control-characters"),
    ]


def test_a_text_without_control_characters_gets_none() -> None:
    assert normalise.run("plain “text” — with\ttabs\fand form feeds\n", Context()).proposals == []
