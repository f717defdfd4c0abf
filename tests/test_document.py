"""The piece map: whatever stages do, the clean text plus the hunks give back
the raw text, and each stage's edits land where it asked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan.document import Document, Proposal
from clean_scan.restore import restore_text

TEXT = st.text(alphabet="ab \n\f¬-*", max_size=60)


@st.composite
def rounds_of_edits(draw):
    """A raw text and several rounds of non-overlapping replacements."""
    raw = draw(TEXT)
    rounds = []
    length = len(raw)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8)))
        props = []
        pos = 0
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            if a < pos:
                continue
            props.append((a, b, draw(st.text(alphabet="xy\n", max_size=4))))
            pos = b
        rounds.append(props)
        length = length - sum(b - a for a, b, _ in props) + sum(len(r) for *_, r in props)
    return raw, rounds


def apply_naively(text: str, props: list[tuple[int, int, str]]) -> str:
    for a, b, rep in reversed(props):
        text = text[:a] + rep + text[b:]
    return text


@settings(max_examples=400, deadline=None)
@given(rounds_of_edits())
def test_restore_after_any_rounds_of_edits(case):
    raw, rounds = case
    doc = Document.from_raw(raw)
    expected = raw
    for props in rounds:
        spans = [doc.raw_span(a, b) for a, b, _ in props]
        located = doc.apply([Proposal(a, b, r, "rule", 1.0, "why") for a, b, r in props])
        # the pass that rebuilds the map finds each edit's raw span as raw_span does
        assert [(raw_start, raw_end) for _, raw_start, raw_end, _ in located] == spans
        expected = apply_naively(expected, props)
        assert doc.text == expected
    assert restore_text(doc.text, doc.hunks()) == raw


def test_edit_reports_its_raw_position_after_earlier_edits():
    doc = Document.from_raw("ab¬\ncd Russid")
    doc.apply([Proposal(2, 4, "", "join", 1.0, "split word")])
    assert doc.text == "abcd Russid"
    [(prop, raw_start, raw_end, before)] = doc.apply(
        [Proposal(5, 11, "Russia", "spell", 0.9, "misread")]
    )
    assert (raw_start, raw_end, before) == (7, 13, "Russid")


def test_insertion_between_pieces_keeps_order():
    doc = Document.from_raw("one two")
    doc.apply([Proposal(3, 3, "[1]", "ref", 1.0, "r"), Proposal(3, 4, "\n", "nl", 1.0, "r")])
    assert doc.text == "one[1]\ntwo"
    assert restore_text(doc.text, doc.hunks()) == "one two"
