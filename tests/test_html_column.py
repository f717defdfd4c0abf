"""A column of the HTML report is written as one plain sweep over every
boundary would write it, also where marks overlap, touch, or hold page
breaks and markers (the writer takes a shortcut for lone marks)."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan.reports.html_columns import Mark, render_column, stacked_tag


def swept(text: str, marks: list[Mark], points: dict[int, list[str]],
          cuts: list[int]) -> list[str]:
    """The reference: at each boundary, marks ending there close, marks
    starting there open, then page breaks, then markers, then the text up to
    the next boundary as one span."""
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        if mark.end > mark.start:
            starts[mark.start].append(mark)
            ends[mark.end].append(mark)
    cut_count = Counter(cuts)
    bounds = sorted({0, len(text), *starts, *ends, *points, *cut_count})
    pages: list[str] = []
    out: list[str] = []
    active: list[Mark] = []
    for pos, nxt in pairwise([*bounds, -1]):
        active = [m for m in active if m.end != pos] + starts.get(pos, [])
        for _ in range(cut_count[pos]):
            pages.append("".join(out))
            out = []
        out.extend(points.get(pos, []))
        if nxt < 0:
            break
        chunk = text[pos:nxt].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if not active:
            out.append(chunk)
        elif len(active) == 1:
            out.append(f"{active[0].tag}{chunk}</span>")
        else:
            out.append(f"{stacked_tag(active)}{chunk}</span>")
    pages.append("".join(out))
    return pages


@st.composite
def columns(draw):
    text = draw(st.text(alphabet="ab &<>\n", max_size=40))
    size = len(text)
    position = st.integers(0, size)
    marks = []
    for number in range(draw(st.integers(0, 12))):
        start = draw(position)
        end = draw(st.integers(start, size))
        flag = draw(st.booleans())
        classes = f"fl fs{number}" if flag else f"e s{number}"
        marks.append(Mark(start, end, classes, f"t{number}", f'<span class="{classes}">',
                          flag=flag))
    points = {p: [f"<i{p}>", "<j>"][: draw(st.integers(1, 2))]
              for p in draw(st.lists(position, max_size=4))}
    cuts = sorted(draw(st.lists(position, max_size=4)))
    return text, marks, points, cuts


@settings(max_examples=1500, deadline=None)
@given(columns())
def test_column_is_the_plain_sweep(case) -> None:
    text, marks, points, cuts = case
    assert render_column(text, marks, points, cuts) == swept(text, marks, points, cuts)


def test_lone_marks_between_breaks() -> None:
    text = "a&b\nc<d\ne>f"
    marks = [Mark(1, 2, "e s1", "x", "<s1>"), Mark(3, 4, "e s2", "y", "<s2>"),
             Mark(4, 7, "e s3", "z", "<s3>")]
    points = {4: ["<p>"], 11: ["<end>"]}
    cuts = [0, 5, 5, 11]
    assert render_column(text, marks, points, cuts) == swept(text, marks, points, cuts)
