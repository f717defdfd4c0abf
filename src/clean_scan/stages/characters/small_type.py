"""Substitutions a document's notes teach of their own: an engine reads
type of another size as another face. GOCR reads the notes' smaller
Pagella ``e`` as ``R`` (``QuitR RspRcially so``) though it reads the
body's rightly; learned over the whole text, the body's right ``e``\\ s
outvote the notes' misreadings and nothing is taught. Learned over the
notes alone, and made in them alone, they are.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from clean_scan.document import Proposal

if TYPE_CHECKING:
    from clean_scan.stages.characters.lines import Lines

Learn = Callable[[str, "Lines | None"], list[Proposal]]
BETWEEN_NOTES = "\n\n"


def note_blocks(doc: Lines) -> list[tuple[int, int]]:
    """The stretches of the text (start, end offsets) of each note: from
    its opening line to the end of its block (a blank line, a page break)."""
    found = []
    for first in sorted(doc.note_opening_lines):
        last = first
        while last + 1 < len(doc.lines) and doc.lines[last + 1].strip() not in ("", "\f"):
            last += 1
        found.append((doc.starts[first], doc.starts[last] + len(doc.lines[last])))
    return found


def small_type_substitutions(text: str, doc: Lines, learned: Learn) -> list[Proposal]:
    """The substitutions the notes alone teach (``learned``, the document's
    learning, run on the notes' text alone, a blank line between them),
    made in the notes (before the whole text's: ``truR`` is ``true`` where
    the notes read ``e`` as ``R``, though the body's ``R`` may stand for
    ``est``).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.characters import Lines
    >>> from clean_scan.stages.characters.learned import whole_text_substitutions
    >>> body = "The members were selected and the leaders were elected there. " * 4
    >>> note = "1 QuitR RspRcially so thR pamphlRt was quotRd latRr."
    >>> text = body + "\\n\\n" + note + "\\n"
    >>> doc = Lines(text, Context())
    >>> made = text
    >>> for p in sorted(small_type_substitutions(text, doc, whole_text_substitutions))[::-1]:
    ...     made = made[:p.start] + p.replacement + made[p.end:]
    >>> made.splitlines()[-1]
    '1 Quite especially so the pamphlet was quoted later.'

    Nothing is learned from the body's words, nor made there.
    """
    blocks = note_blocks(doc)
    if not blocks:
        return []
    at, starts = 0, []  # the notes' text alone, a blank line between them
    for start, end in blocks:
        starts.append(at)
        at += end - start + len(BETWEEN_NOTES)
    notes_text = BETWEEN_NOTES.join(text[start:end] for start, end in blocks)
    found = []
    for prop in learned(notes_text, None):
        k = bisect_right(starts, prop.start) - 1
        shift = blocks[k][0] - starts[k]
        if prop.end - starts[k] <= blocks[k][1] - blocks[k][0]:  # inside its note
            found.append(prop._replace(
                start=prop.start + shift, end=prop.end + shift,
                reason=f"in the notes' smaller type, read as a face of its own: {prop.reason}"))
    return found


LONGEST_REWRITE = 64
"""No learned rewrite spans more characters: a word is never longer."""


def notes_first(proposals: list[Proposal], notes: list[Proposal]) -> list[Proposal]:
    """The whole text's ``proposals`` with the notes' own (``notes``) put
    in place of those they overlap, but where one overlapped is surer (the
    whole text's reading of a glyph against the notes' guess at a name).

    >>> whole = [Proposal(0, 4, "true", "r", 0.9, ""), Proposal(10, 14, "Jars", "r", 0.9, "")]
    >>> notes = [Proposal(3, 4, "e", "r", 0.9, ""), Proposal(10, 14, "Jaas", "r", 0.6, "")]
    >>> [p.replacement for p in notes_first(whole, notes)]
    ['Jars', 'e']
    """
    ordered = sorted(proposals)
    starts = [p.start for p in ordered]
    dropped: set[int] = set()
    kept = []
    for note in notes:
        first = bisect_left(starts, note.start - LONGEST_REWRITE)
        beside = [k for k in range(first, bisect_left(starts, note.end))
                  if ordered[k].end > note.start]
        if all(ordered[k].confidence <= note.confidence for k in beside):
            dropped.update(beside)
            kept.append(note)
    return [p for k, p in enumerate(ordered) if k not in dropped] + kept
