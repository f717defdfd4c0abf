"""Paragraphs: write the final layout, one paragraph per line with one blank
line between paragraphs and one final newline.

Every line end is decided here, each as one edit:

* inside a block of lines, a line end becomes a space; after an em dash, or
  before one, nothing (``peace—`` / ``were`` → ``peace—were``); after a
  hyphen the dehyphenate stage left undecided, nothing (the hyphen stays);
* blank lines between blocks become one paragraph break;
* a page break (the furniture stage's ``\\f`` line) joins the paragraph
  that runs on over it, judged by ``layout.runs_on``; a doubtful judgement is
  also flagged for review; a footnote (``[2] …``, as the footnotes stage
  sets it) runs on into no page's text;
* a list item that the OCR ran into the previous line (``(b) …``) starts a
  paragraph of its own, and so does each line of a block of short lines
  (title page, imprint, address: ``VICTOR GOLLANCZ`` / ``1942``);
* a heading set over two printed lines is one paragraph, also when the OCR
  put a blank line between them, if the break falls at a word a heading
  line cannot end or start with (``… DEVELOPMENT`` / ``OF THE U.S.S.R.``);
* in a table of contents, a page number the OCR put on a line of its own
  joins its entry (``1. The Background`` / ``13`` → ``1. The Background 13``).
"""

from __future__ import annotations

import regex

from clean_scan.document import Flag, Proposal
from clean_scan.layout import HEADING, Line, runs_on, split_lines, typical_line_length
from clean_scan.stage import Context, Stage, StageResult

NOTE_OPENING = regex.compile(r"\[(?:\d{1,3}|\*{1,3})\] ")
"""A footnote as the footnotes stage sets it, after its paragraph (``[2] The dairy``)."""
LIST_ITEM = regex.compile(r"^\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s")
PAGE_REFERENCE = regex.compile(r"^(?:pa\p{L}{1,3}\s+)?\W?[\p{L}\W]?\d{1,3}$|^\d{1,3}$")
"""A contents page number as the OCR leaves it: ``13``, ``»3``, ``s8``, ``page 49``."""
CONTENTS_ENTRY = regex.compile(r"^(?:\p{L}{1,3}|\d{1,2}|\p{Lu})[.*]{0,2}\s+\p{Lu}|^\p{Lu}\p{Ll}")
HEADING_LINKS = frozenset(
    ["OF", "AND", "OR", "FOR", "IN", "TO", "A", "AN", "THE", "WITH", "BY", "FROM", "ON", "AT"]
)
"""Words that tie the two printed lines of one heading together."""
HEADING_CONTINUATIONS = frozenset(["OF", "AND", "OR"])
"""Words a heading's second line can start with, but a new heading cannot."""
SHORT_LINE = 0.6
"""A line shorter than this share of a full line is set line by line."""
OPEN_ENDINGS = (",", "-", "—", "–", "¬", "(")
MIN_CONTENTS_ENTRIES = 3
"""Pairs of entry and page-number line a page needs before it counts as a
contents page: one pair alone is more likely a heading and a chapter number."""


def run(text: str, context: Context) -> StageResult:
    lines = split_lines(text)
    content = [line for line in lines if not line.blank and not line.page_break]
    if not content:
        return StageResult(
            [Proposal(0, len(text), "", "layout", 1.0, "no text left")] if text else []
        )
    full_width = typical_line_length(lines)
    contents_joins = _contents_joins(lines)
    proposals: list[Proposal] = []
    flags: list[Flag] = []
    if content[0].start > 0:
        proposals.append(
            Proposal(
                0, content[0].start, "", "layout", 1.0, "blank space before the first paragraph"
            )
        )
    short = SHORT_LINE * full_width
    fast = context.confident(1.0)  # else even a sure line-join is flagged
    in_note = bool(NOTE_OPENING.match(content[0].text))
    for prev, nxt in zip(content, content[1:], strict=False):
        gap = text[prev.end : nxt.start]
        if (fast and len(prev.text) >= short and gap.count("\n") == 1 and "\f" not in gap
                and not (nxt.text[0] == "(" and LIST_ITEM.match(nxt.text))):
            # the common case, a full line ending inside a paragraph: what _separator
            # decides there, without its other tests
            joiner = _joiner(prev, nxt)
            proposals.append(Proposal(prev.end, nxt.start, joiner, "line-join", 1.0, _LINE_END))
            continue
        if in_note and "\f" in gap:
            # a footnote ends at its page's foot: the next page's text is the body's
            proposals.append(Proposal(prev.end, nxt.start, "\n\n", "page-paragraph-break", 1.0,
                                      "a footnote ends at its page's foot"))
            in_note = bool(NOTE_OPENING.match(nxt.text))
            continue
        joiner, rule, confidence, reason = _separator(prev, nxt, gap, full_width, contents_joins)
        if joiner.startswith("\n"):
            in_note = bool(NOTE_OPENING.match(nxt.text))
        proposals.append(Proposal(prev.end, nxt.start, joiner, rule, 1.0, reason))
        flags.append(Flag(prev.end, nxt.start, gap, rule, confidence,
                          f"judgement at a page break: {reason}", doubts_a_change=True))
    proposals.append(Proposal(content[-1].end, len(text), "\n", "layout", 1.0, "one final newline"))
    return StageResult(proposals, flags)


_LINE_END = "line end inside a paragraph"


def _separator(
    prev: Line, nxt: Line, gap: str, full_width: int, contents_joins: set[int]
) -> tuple[str, str, float, str]:
    """What replaces the gap between two lines of text, and why."""
    if "\f" in gap:
        continues, confidence, reason = runs_on(prev.text, nxt.text, full_width)
        if continues:
            return _joiner(prev, nxt), "page-join", confidence, reason
        return "\n\n", "page-paragraph-break", confidence, reason
    if gap.count("\n") > 1:
        if nxt.number in contents_joins:
            return " ", "contents-entry-join", 0.9, "a contents entry's page number"
        if _heading_goes_on(prev.text, nxt.text):
            return " ", "heading-join", 0.85, "a heading set over two printed lines"
        if _sentence_goes_on(prev.text, nxt.text):
            return _joiner(prev, nxt), "block-join", 0.9, \
                "a blank line inside a sentence: the OCR ended a block, not the paragraph"
        return "\n\n", "paragraph-break", 1.0, "blank line between paragraphs"
    if LIST_ITEM.match(nxt.text) and prev.text.endswith((".", ";", ":")):
        return "\n\n", "list-item", 0.9, "a list item starts its own paragraph"
    if _set_line_by_line(prev.text, nxt.text, full_width):
        return "\n\n", "short-lines", 0.85, "short lines set one by one (title page, imprint)"
    return _joiner(prev, nxt), "line-join", 1.0, _LINE_END


def _sentence_goes_on(prev: str, nxt: str) -> bool:
    """A block left open in the middle of a sentence, the next taking it up
    in small letters: one paragraph the OCR broke into two blocks (no
    paragraph ends inside a sentence).

    >>> _sentence_goes_on("for the borough and the", "parish alone, and said so.")
    True
    >>> _sentence_goes_on("as they said.", "and then went home.")
    False
    >>> _sentence_goes_on("(a) the first point", "(b) the second")
    False
    >>> _sentence_goes_on("which he calls the", "‘phenomenon’. The phenomenon")
    True
    """
    return (bool(OPEN_SENTENCE.search(prev)) and bool(TAKEN_UP.match(nxt))
            and not HEADING.match(prev))


TAKEN_UP = regex.compile(r"[‘“'\"]?\p{Ll}")
"""A small letter first, perhaps after an opening quote."""


OPEN_SENTENCE = regex.compile(r"[\p{Ll},]$")
"""A line ending in a small-letter word or a comma leaves its sentence open."""


def _heading_goes_on(prev: str, nxt: str) -> bool:
    """Two heading blocks that are one heading broken at a linking word.

    >>> _heading_goes_on("ECONOMIC AND SOCIAL DEVELOPMENT", "OF THE U.S.S.R.")
    True
    >>> _heading_goes_on("PART I", "THE BACKGROUND")
    False
    """
    if not (HEADING.match(prev) and HEADING.match(nxt)):
        return False
    last_word = prev.split()[-1]
    first_word = nxt.split()[0]
    return last_word in HEADING_LINKS or first_word in HEADING_CONTINUATIONS


def _set_line_by_line(prev: str, nxt: str, full_width: int) -> bool:
    """A short line followed, in the same block, by a line that starts like a
    new item: a title page or imprint, not a paragraph (whose inner lines are
    full). Two heading lines are one heading and stay joined.

    >>> _set_line_by_line("VICTOR GOLLANCZ", "* 94 *", 66)
    True
    >>> _set_line_by_line("MODERNISING RUSSIA: THE NEED FOR", "SPEED AND SACRIFICE", 66)
    False
    """
    if len(prev) >= SHORT_LINE * full_width or prev.endswith(OPEN_ENDINGS):
        return False
    if HEADING.match(prev) and HEADING.match(nxt):
        return False
    words = prev.split()  # none in a line of form feeds or other spaces
    if words and words[-1].upper() in HEADING_LINKS:
        return False
    return not nxt[:1].islower()


def _joiner(prev: Line, nxt: Line) -> str:
    """Space between joined lines, or none around a dash; a hyphen or dash
    set apart from its word (``Passengers -``, ``the overthrow —``) split
    no word and is set with spaces: it keeps one on the other side too.

    >>> pairs = (("peace—", "were"), ("pro-", "vision"), ("Passengers -", "Mr."),
    ...          ("the overthrow —", "of the"), ("the war", "— and peace"), ("war", "—peace"))
    >>> [_joiner(Line(0, 0, 0, 0, 0, a, False, False), Line(0, 0, 0, 0, 0, b, False, False))
    ...  for a, b in pairs]
    ['', '', ' ', ' ', ' ', '']
    """
    if SPACED_DASH_END.search(prev.text) or SPACED_DASH_START.match(nxt.text):
        return " "
    if prev.text.endswith(DASH_ENDS) or nxt.text.startswith(DASHES):
        return ""
    return " "


SPACED_DASH_END = regex.compile(r"[ \t][-—–]+$")
SPACED_DASH_START = regex.compile(r"[—–]+[ \t]")


DASHES = ("—", "–")
DASH_ENDS = ("—", "–", "-")
"""A line that ends with one of these joins the next without a space; so
does a line that starts with a dash."""


def _contents_joins(lines: list[Line]) -> set[int]:
    """Line numbers of lone page numbers that belong to the contents entry
    above them, on pages that look like a table of contents."""
    joins: set[int] = set()
    page: list[int] = []
    for line in [*lines, None]:
        if line is None or line.page_break:
            pairs = _entry_number_pairs(lines, page)
            if len(pairs) >= MIN_CONTENTS_ENTRIES:
                joins.update(pairs)
            page = []
        elif not line.blank:
            page.append(line.number)
    return joins


def _entry_number_pairs(lines: list[Line], page: list[int]) -> list[int]:
    pairs = []
    for before, number in zip(page, page[1:], strict=False):
        entry, page_number = lines[before], lines[number]
        last = page_number.text[-1]
        if last.isascii() and not last.isdigit():
            continue  # a page reference ends in a digit
        if (
            PAGE_REFERENCE.match(page_number.text)
            and CONTENTS_ENTRY.match(entry.text)
            and not entry.text.endswith((".", ",", ";"))
            and not HEADING.match(entry.text)
            and not PAGE_REFERENCE.match(entry.text)
        ):
            pairs.append(number)
    return pairs


STAGE = Stage(
    "paragraphs",
    "one paragraph per line; join paragraphs broken by page breaks; final layout",
    run,
)
