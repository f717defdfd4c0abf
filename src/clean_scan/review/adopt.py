"""Adopting a hand-edited clean text: its differences from clean-scan's own
clean text become ``replace`` decisions on the raw input, so they survive
every re-run and ``restore`` stays exact.

The two texts are aligned word by word; each stretch that differs is taken
back to the raw stretch it stands for (through the run's piece map, widened
to whole changed pieces, whose text stands for their raw text as one), and
the decision writes there what the edited text has.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import regex

from clean_scan.document import Document
from clean_scan.review.decisions import Decision

TOKEN = regex.compile(r"\s+|\w+|[^\w\s]")


def replace_decisions(doc: Document, edited: str) -> list[Decision]:
    """``replace`` decisions that turn the document's text into ``edited``.

    >>> doc = Document.from_raw("The tbe cat sat.\\n")
    >>> from clean_scan.document import Proposal
    >>> _ = doc.splice([Proposal(4, 7, "the", "r", 1.0, "")])
    >>> [(d.raw_start, d.raw_end, d.text) for d in replace_decisions(doc, "The the dog sat.\\n")]
    [(8, 11, 'dog')]
    """
    clean = doc.text
    spans = _char_opcodes(clean, edited)
    widened: list[list[int]] = []
    for c_start, c_end in spans:
        raw_start, raw_end = doc.raw_span(c_start, c_end)
        whole = doc.current_span(raw_start, raw_end) or (c_start, c_end)
        start, end = min(whole[0], c_start), max(whole[1], c_end)
        if widened and start <= widened[-1][1]:
            widened[-1][1] = max(widened[-1][1], end)
        else:
            widened.append([start, end])
    to_edited = _position_map(clean, edited)
    decisions = []
    for start, end in widened:
        raw_start, raw_end = doc.raw_span(start, end)
        text = edited[to_edited(start, left=True):to_edited(end, left=False)]
        decisions.append(Decision("replace", raw_start=raw_start, raw_end=raw_end, text=text))
    return decisions


def _tokens(text: str) -> tuple[list[str], list[int]]:
    tokens, starts = [], []
    for match in TOKEN.finditer(text):
        tokens.append(match.group())
        starts.append(match.start())
    return tokens, [*starts, len(text)]


def _blocks(clean: str, edited: str) -> list[tuple[str, int, int, int, int]]:
    """Word-level opcodes in character offsets."""
    a, a_at = _tokens(clean)
    b, b_at = _tokens(edited)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [(tag, a_at[i1], a_at[i2], b_at[j1], b_at[j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _char_opcodes(clean: str, edited: str) -> list[tuple[int, int]]:
    """The stretches of ``clean`` that differ from ``edited``."""
    return [(i1, i2) for tag, i1, i2, _, _ in _blocks(clean, edited) if tag != "equal"]


def _position_map(clean: str, edited: str):
    """A function taking a position in ``clean`` to ``edited``: inside an
    equal stretch, the same character; at a changed stretch's edge, where
    it begins (for a ``left`` end of a range) or ends (for a right end), so
    a range ending at an insertion takes the inserted text."""
    blocks = _blocks(clean, edited)

    def to_edited(pos: int, *, left: bool) -> int:
        for tag, i1, i2, j1, j2 in (blocks if left else reversed(blocks)):
            if i1 <= pos <= i2:
                if tag == "equal":
                    return j1 + (pos - i1)
                return j1 if left else j2
        return len(edited)

    return to_edited
