"""The printed layout as the later stages see it: lines, blocks of lines
separated by blank lines, and pages separated by form-feed lines (the
furniture stage writes one ``\\f`` line per page break).

Also the one judgement several stages need: does the paragraph at the foot
of a page run on at the top of the next? The footnotes stage needs it to
place a footnote after the *whole* paragraph, the paragraphs stage to join.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

PAGE_BREAK = "\f"

SENTENCE_END = regex.compile(r"[.!?:][’”'\"\)\]]*$|[’”\"]$")
SHORT_LAST_LINE = 0.5
"""A last line shorter than this share of a full line ends its paragraph."""
OPEN_END = regex.compile(r"[\p{Ll},;]$")
"""A line ending in a lower-case word or a comma leaves its sentence open."""
HEADING = regex.compile(r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")
"""A line with capitals and no lower-case letter: a heading or a part title."""


class Line(NamedTuple):
    """One line of the current text; ``start``/``end`` bound its content
    without leading or trailing spaces; ``next_start`` is where the next line
    begins (after the newline). ``blank``: nothing but spaces;
    ``page_break``: the furniture stage's form-feed line. A tuple, because a
    book has thousands of lines and several stages split it."""

    number: int
    start: int
    end: int
    line_start: int
    next_start: int
    text: str
    blank: bool
    page_break: bool


def split_lines(text: str) -> list[Line]:
    r"""Every line with its content span; whitespace-only lines are blank.

    >>> [(l.text, l.start) for l in split_lines("ab \n\n c")]
    [('ab', 0), ('', 4), ('c', 6)]
    """
    lines = []
    pos = 0
    new = tuple.__new__  # Line._make without its length check: the fields are right here
    for number, raw in enumerate(text.split("\n")):
        stop = pos + len(raw)
        stripped = raw.strip(" \t")
        start = pos if len(stripped) == len(raw) else pos + len(raw) - len(raw.lstrip(" \t"))
        lines.append(new(Line, (number, start, start + len(stripped), pos, stop + 1, stripped,
                                not stripped, stripped == PAGE_BREAK)))
        pos = stop + 1
    if lines:  # the last line has no newline after it
        lines[-1] = lines[-1]._replace(next_start=len(text))
    return lines


def typical_line_length(lines: list[Line]) -> int:
    """Median length of body lines: the measure a full line is judged by."""
    lengths = [len(line.text) for line in lines if len(line.text) > 30]
    return int(median(lengths)) if lengths else 60


def median(values: list[int]) -> float:
    """The median, as ``statistics.median`` gives it (that module's import,
    with ``fractions`` and ``decimal``, costs more than this whole stage's
    use of it).

    >>> median([3, 1, 2]), median([4, 1, 2, 3])
    (2, 2.5)
    """
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def runs_on(last: str, first: str, full_width: int) -> tuple[bool, float, str]:
    """Does a paragraph whose last printed line (on this page) is ``last``
    continue with ``first`` at the top of the next page?

    Returns the decision, how sure it is, and why. A sentence left open, a
    split word or a lower-case continuation are certain; a closed sentence
    on a full-width line is probably carried on (a paragraph's last line is
    usually short); a closed sentence on a short line ends the paragraph.

    >>> runs_on("the workers and peasants of", "Russia who fought", 66)[0]
    True
    >>> runs_on("as they are.", "We shall not", 66)[0]
    False
    >>> runs_on("* 94 *", "First published March 1942", 66)[0]
    False
    """
    if not first:
        return False, 1.0, "nothing follows"
    if HEADING.match(first) and len(first) < 60:
        return False, 0.95, "the next page starts with a heading"
    if last.endswith(("¬", "-", "—", "–")):
        return True, 1.0, "the line ends with a split word or dash"
    if first[0].islower() or first[0] in "—–":
        return True, 0.97, "the next page continues in lower case"
    if len(last) < SHORT_LAST_LINE * full_width and not OPEN_END.search(last):
        return False, 0.8, "a short last line ends the paragraph (or the title page)"
    if not SENTENCE_END.search(last):
        return True, 0.95, "the sentence is left open at the foot of the page"
    if len(last) >= 0.93 * full_width:
        return True, 0.7, "a full-width last line: the paragraph probably runs on"
    return False, 0.85, "a short last line that closes a sentence ends the paragraph"
