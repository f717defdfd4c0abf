"""The HTML report's text helpers: escaping, control characters shown as
their pictures, the stage slots and the titles of marks."""

from __future__ import annotations

import html
import itertools
import operator
import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from clean_scan.document import RaisedFlag
from clean_scan.outputs import HTML_GENERATOR_TAG
from clean_scan.pipeline import STAGE_NAMES, Result
from clean_scan.rules import code_of

_FIRST = itemgetter(0)
STAGE_OF = operator.attrgetter("stage")
_RAW_START, _RAW_END = itemgetter(2), itemgetter(3)  # of an Edit, a named tuple

GENERATOR_TAG = HTML_GENERATOR_TAG
"""outputs.py recognises our own report files by this exact tag, within the
first 4 KiB: it is the second element of the head."""

CHUNK_LINES = 60
"""Lines per page when the text has no page breaks."""

CHUNK_SLACK = 12
"""How many lines further a chunk may run to end at a blank line."""

PAGE_BREAK = ("furniture", "page-break")

MAX_TITLE_ENTRIES = 6
"""Marks stacked on one stretch beyond this are summed up, not listed."""

FLAGS_OPEN = 40
"""The flag list starts folded when longer, so the pages stay near the top."""

MAX_SHOWN = 60
"""Longer before/after strings are shortened in the middle in tooltips."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_PICTURES = {chr(c): chr(0x2400 + c) for c in (*range(0, 9), 11, 12, *range(14, 32))}
_CONTROL_PICTURES["\x7f"] = "\u2421"
_CONTROL_TABLE = str.maketrans(_CONTROL_PICTURES)


def esc(text: str) -> str:
    """Text content, escaped.

    >>> esc('<script>alert("x") & co</script>')
    '&lt;script&gt;alert(&quot;x&quot;) &amp; co&lt;/script&gt;'
    """
    return html.escape(text, quote=True)


def visible_controls(text: str) -> str:
    """Control characters as their visible Unicode pictures, one for one, so
    offsets do not move and a stray form feed or NUL can be seen.

    >>> visible_controls("a\\x0cb\\x00c")
    'a␌b␀c'
    >>> visible_controls("tab\\tand newline\\n stay")
    'tab\\tand newline\\n stay'
    """
    if len(text) < 1000:  # a tooltip's before or after
        return text.translate(_CONTROL_TABLE) if _CONTROLS.search(text) else text
    # a whole text: thirty searches for one character each take a third of
    # the time of one regex scan for any of them, and texts rarely hold any
    for char, picture in _CONTROL_PICTURES.items():
        if char in text:
            text = text.replace(char, picture)
    return text


def shown(text: str) -> str:
    """A before/after string made readable in a one-line tooltip (see
    ``Memo``: thousands of line joins show the same ``↵``).

    >>> shown("¬ \\n")
    '¬ ↵'
    >>> shown(" \\n")
    '␣↵'
    >>> shown("")
    '∅'
    >>> shown("\\n\\f\\n")
    '[page break]'
    >>> len(shown("x" * 500)) < 70
    True
    """
    if not text:
        return "∅"
    if not text.strip():
        text = text.replace(" ", "␣")
    text = text.replace("\n\f\n", "[page break]").replace("\f", "[page break]")
    text = visible_controls(text.replace("\n", "↵").replace("\t", "⇥"))
    if len(text) > MAX_SHOWN:
        half = MAX_SHOWN // 2 - 2
        text = f"{text[:half]} … {text[-half:]}"
    return text


def is_whitespace_only(before: str, after: str) -> bool:
    """A change of layout only (a line join, a trailing space removed).

    >>> is_whitespace_only("\\n", " "), is_whitespace_only("-\\n", "")
    (True, False)
    """
    return not before.strip() and not after.strip()


def stage_slots(result: Result) -> dict[str, int]:
    """Palette slot per stage: the pipeline's order first, then any other
    stage in order of first appearance, so colours are stable across runs."""
    slots = {name: i for i, name in enumerate(STAGE_NAMES)}
    # the distinct names in order, found in C: a book has thousands of edits
    # (an Edit is a named tuple: its stage comes first)
    for name in dict.fromkeys(itertools.chain(result.stages_run, map(_FIRST, result.edits),
                                              map(STAGE_OF, result.flags))):
        slots.setdefault(name, len(slots))
    return slots


_TITLE_KEY = itemgetter(0, 1, 6, 7, 4, 5)
"""What an edit's tooltip line says: its stage, rule, confidence, reason,
before and after, taken by place (an Edit is a named tuple): several times
quicker than by name for a book's thousands of edits."""


def key_title(key: tuple[Any, ...], show: Callable[[str], str] = shown) -> str:
    """The tooltip line of an edit with this ``_TITLE_KEY``."""
    stage, rule, confidence, reason, before, after = key
    return (f"{stage}/{with_code(rule)} · {confidence:.2f} · {reason} · "
            f"{show(before)} → {show(after)}")


def with_code(rule: str) -> str:
    """A rule's name with its code, as the registry lists it (``line-join
    (PA102)``), so the report leads to ``clean-scan rule PA102``."""
    code = code_of(rule)
    return f"{rule} ({code})" if code else rule


def flag_title(flag: RaisedFlag) -> str:
    title = (f"flagged, unchanged: {flag.stage}/{with_code(flag.rule)} · "
             f"{flag.confidence:.2f} · {flag.reason}")
    if flag.suggestions:
        title += " · suggestions: " + ", ".join(shown(s) for s in flag.suggestions)
    return title
