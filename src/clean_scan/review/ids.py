"""Stable ids for edits and flags.

An id says what the item is and where it stands in the raw input, so it is
the same on every run of the same input with the same options and a person
can read it: ``spelling:ocr-misreading:1234-1240`` for an edit,
``flag:spelling:unknown-word:1234-1240`` for a flag. Two edits of one stage
and rule on one raw stretch (rare: insertions at one point) are told apart
by ``#2``, ``#3`` in the order they were made; a decision naming the bare
id applies to all of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def edit_id(stage: str, rule: str, raw_start: int, raw_end: int) -> str:
    """The id of an edit, before any ``#n`` that tells duplicates apart.

    >>> edit_id("spelling", "ocr-misreading", 1234, 1240)
    'spelling:ocr-misreading:1234-1240'
    """
    return f"{stage}:{rule}:{raw_start}-{raw_end}"


def flag_id(stage: str, rule: str, raw_start: int, raw_end: int) -> str:
    """The id of a flag.

    >>> flag_id("spelling", "unknown-word", 5, 9)
    'flag:spelling:unknown-word:5-9'
    """
    return f"flag:{edit_id(stage, rule, raw_start, raw_end)}"


def base_id(item_id: str) -> str:
    """An id without the ``#n`` that tells duplicates apart.

    >>> base_id("paragraphs:line-join:10-11#2"), base_id("paragraphs:line-join:10-11")
    ('paragraphs:line-join:10-11', 'paragraphs:line-join:10-11')
    """
    return item_id.split("#", 1)[0]


def unique_ids(ids: Iterable[str]) -> list[str]:
    """The ids with ``#2``, ``#3`` … added to the second and later of equal ones.

    >>> unique_ids(["a", "b", "a", "a"])
    ['a', 'b', 'a#2', 'a#3']
    """
    seen: Counter[str] = Counter()
    out = []
    for item_id in ids:
        seen[item_id] += 1
        out.append(item_id if seen[item_id] == 1 else f"{item_id}#{seen[item_id]}")
    return out
