"""The document model: the raw text, the text as the stages have left it, and
the map between the two.

Every stage sees the *current* text and proposes replacements in its
coordinates. The map keeps, for every stretch of the current text, the stretch
of raw text it came from, so that

* each edit can be reported at its line and column in the raw input, and
* the raw input can be rebuilt from the clean text plus the changed stretches
  (the "hunks" of the JSON report), which is what makes cleaning lossless.

The map is a list of pieces. An unchanged piece is a verbatim slice of the raw
text and can be split; a changed piece holds text that a stage wrote and is
treated as atomic: a later edit touching part of it absorbs all of it.

Proposals and edits are named tuples, not dataclasses: a book makes
thousands of each (one per line join), and a frozen dataclass takes about
four times as long to make. They stay immutable and keep their field names.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import itemgetter
from typing import NamedTuple


class Proposal(NamedTuple):
    """A replacement a stage proposes, in the coordinates of the text it saw.
    Below the threshold it is flagged instead, with ``suggestions`` (by
    default the replacement alone)."""

    start: int
    end: int
    replacement: str
    rule: str
    confidence: float
    reason: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """A suspicious stretch a stage did not change, for a person to decide."""

    start: int
    end: int
    text: str
    rule: str
    confidence: float
    reason: str
    suggestions: tuple[str, ...] = ()
    doubts_a_change: bool = False
    """The flag doubts a change the stage proposes over the same stretch and
    must make either way (a page break is a paragraph break or not): the
    pipeline raises it only when its confidence is below the threshold."""


class Edit(NamedTuple):
    """An applied change, located in the raw input.

    ``before`` is what the stage saw (earlier stages may already have changed
    the raw text there); ``raw_start``/``raw_end`` are raw character offsets.
    """

    stage: str
    rule: str
    raw_start: int
    raw_end: int
    before: str
    after: str
    confidence: float
    reason: str


@dataclass(frozen=True, slots=True)
class RaisedFlag:
    """A flag located in the raw input."""

    stage: str
    rule: str
    raw_start: int
    raw_end: int
    text: str
    confidence: float
    reason: str
    suggestions: tuple[str, ...] = ()


Piece = tuple[int, int, str, bool]
"""A stretch of current text and the raw stretch it stands for:
``(raw_start, raw_end, text, changed)``. A plain tuple: the stages of a book
make some twenty thousand pieces, and a tuple costs a fraction of an object."""

_TEXT = itemgetter(2)
_CHANGED = itemgetter(3)


@dataclass
class Document:
    """Raw text, current text and the piece map between them."""

    raw: str
    pieces: list[Piece] = field(default_factory=list)
    text: str = ""
    _starts: list[int] = field(default_factory=list)
    _raw_ends: list[int] | None = None

    @classmethod
    def from_raw(cls, raw: str) -> Document:
        doc = cls(raw=raw)
        doc.pieces = [(0, len(raw), raw, False)] if raw else []
        doc._reindex()
        return doc

    def _reindex(self) -> None:
        self._raw_ends = None
        texts = list(map(_TEXT, self.pieces))
        self.text = "".join(texts)
        self._starts = list(accumulate(map(len, texts[:-1]), initial=0)) if texts else []

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the current stretch ``[start, end)``.

        Inside a changed piece the only honest answer is the whole piece.
        """
        pieces, starts = self.pieces, self._starts
        return _raw_offset(pieces, starts, start, True), _raw_offset(pieces, starts, end, False)

    def current_span(self, raw_start: int, raw_end: int) -> tuple[int, int] | None:
        """The current stretch that stands for raw ``[raw_start, raw_end)``:
        the inverse of ``raw_span``, widened to whole changed pieces (their
        text stands for their raw text as one); None past the raw text.

        >>> doc = Document.from_raw("abc def")
        >>> _ = doc.splice([Proposal(4, 7, "DEF!", "r", 1.0, "")])
        >>> doc.current_span(0, 3), doc.current_span(5, 6), doc.current_span(3, 3)
        ((0, 3), (4, 8), (3, 3))
        """
        if not 0 <= raw_start <= raw_end <= len(self.raw):
            return None
        found: list[int] = []
        if self._raw_ends is None:  # the pieces' raw ends rise with them: searched, not walked
            self._raw_ends = [piece[1] for piece in self.pieces]
        first = bisect.bisect_left(self._raw_ends, raw_start)
        for k in range(first, len(self.pieces)):
            start, (p_start, p_end, text, changed) = self._starts[k], self.pieces[k]
            if p_start > raw_end:
                break
            if p_end < raw_start:
                continue
            touches = p_start < raw_end and p_end > raw_start
            if not touches and not (raw_start == raw_end or p_start == p_end):
                continue  # a neighbour that only meets the stretch at its edge
            if changed:
                found += [start, start + len(text)]
            else:
                found += [start + max(0, raw_start - p_start),
                          start + min(len(text), raw_end - p_start)]
        if not found:
            return (len(self.text), len(self.text)) if raw_start == len(self.raw) else None
        return min(found), max(found)

    def inserted(self) -> list[tuple[int, int]]:
        """The current stretches that stand for no raw text at all (text an
        edit put in: a footnote moved, a page marker), in order.

        >>> doc = Document.from_raw("ab")
        >>> _ = doc.splice([Proposal(1, 1, "XY", "r", 1.0, "")])
        >>> doc.inserted()
        [(1, 3)]
        """
        return [(start, start + len(piece[2]))
                for start, piece in zip(self._starts, self.pieces, strict=True)
                if piece[0] == piece[1] and piece[2]]

    def apply(self, proposals: list[Proposal]) -> list[tuple[Proposal, int, int, str]]:
        """Apply sorted, non-overlapping proposals; return each with its raw span
        and the current text it replaced."""
        text = self.text
        raw_starts, raw_ends = self.splice(proposals)
        return list(zip(proposals, raw_starts, raw_ends,
                        [text[prop.start : prop.end] for prop in proposals], strict=True))

    def splice(self, proposals: list[Proposal]) -> tuple[list[int], list[int]]:
        """Apply sorted, non-overlapping proposals; return the raw start and
        raw end of each (see ``raw_span``), found in the same pass that
        rebuilds the piece map."""
        if not proposals:  # nothing changes, so the text and its index stay
            return [], []
        self.pieces, raw_starts, raw_ends = _splice(self.pieces, self._starts, proposals)
        self._reindex()
        return raw_starts, raw_ends

    def hunks(self) -> list[tuple[int, int, str]]:
        """The changed stretches as ``(clean_start, clean_end, raw_text)``;
        adjacent changed pieces make one hunk."""
        raw, pieces = self.raw, self.pieces
        hunks: list[tuple[int, int, str]] = []
        last_end = -1
        changed = compress(zip(self._starts, pieces, strict=True), map(_CHANGED, pieces))
        for start, (raw_start, raw_end, text, _) in changed:
            end = start + len(text)
            if start == last_end:
                first, _, before = hunks[-1]
                hunks[-1] = (first, end, before + raw[raw_start:raw_end])
            else:
                hunks.append((start, end, raw[raw_start:raw_end]))
            last_end = end
        return hunks


def _raw_offset(pieces: list[Piece], starts: list[int], pos: int, left: bool) -> int:
    """The raw offset of current position ``pos`` as the left or the right
    end of a stretch: inside a changed piece, its raw start or raw end; at
    a piece boundary, the raw start of the piece after it or the raw end of
    the piece before it."""
    idx = bisect.bisect_right(starts, pos) - 1
    if idx < 0:  # also: no pieces at all
        return 0
    raw_start, raw_end, text, changed = pieces[idx]
    piece_start = starts[idx]
    if pos == piece_start:
        return raw_start if left or idx == 0 else pieces[idx - 1][1]
    if piece_start + len(text) <= pos:
        return raw_end
    if not changed:
        return raw_start + (pos - piece_start)
    return raw_start if left else raw_end


def _splice(pieces: list[Piece], starts: list[int], proposals: list[Proposal]
            ) -> tuple[list[Piece], list[int], list[int]]:
    """Rebuild the piece list with each proposal's stretch replaced; also
    each proposal's raw start and raw end (as ``_raw_offset`` finds
    them, mostly without its search: the pass is at the piece already).

    One pass over pieces and proposals together. A proposal's stretch is cut
    out of unchanged pieces exactly; a changed piece it touches is swallowed
    whole into the new changed piece, so its raw text stays accounted for.
    An insertion at a piece boundary goes before the piece that starts there.

    The pieces wholly between two proposals are found by binary search and
    copied as one slice, so a stage with a few dozen proposals over a book
    of thousands of pieces does not visit each piece. ``pieces[qi]`` is the
    next piece to place, of which the first ``skip`` characters are placed
    already: its rest is made into a piece only when it is placed whole, as
    copying the rest of a long piece at every proposal inside it would take
    time quadratic in its length. Every piece of a document has text or raw
    text (empty ones are never kept), so only a new piece needs that check.
    """
    count = len(pieces)
    ends = [*starts[1:], starts[-1] + len(pieces[-1][2])] if pieces else []
    out: list[Piece] = []
    lefts: list[int] = []
    rights: list[int] = []
    qi = skip = 0
    find = bisect.bisect_right
    for prop in proposals:
        start, end, replacement = prop[0], prop[1], prop[2]
        # 1. copy what lies wholly before the proposal: then pieces[qi] is
        # the piece the proposal starts in
        first = find(ends, start, qi)
        if first > qi:
            out.append(_rest(pieces[qi], skip))
            out.extend(pieces[qi + 1 : first])
            qi, skip = first, 0
        # 2. where the new piece starts in the raw text (an unchanged piece
        # is cut there; a changed one is swallowed whole)
        prefix = ""
        if qi < count:
            p_raw_start, p_raw_end, p_text, changed = pieces[qi]
            offset = start - starts[qi]
            if not changed:
                left = raw_start = p_raw_start + offset
                if skip < offset:
                    out.append((p_raw_start + skip, raw_start, p_text[skip:offset], False))
                    skip = offset
                if start < end < ends[qi]:
                    # the common case (a line join): the stretch lies inside
                    # this piece, so step 3 would take just its part
                    skip = end - starts[qi]
                    lefts.append(left)
                    rights.append(p_raw_start + skip)
                    out.append((raw_start, p_raw_start + skip, replacement, True))
                    continue
            else:
                left = p_raw_start
                # the rest of a changed piece owns no raw text of its own
                raw_start = p_raw_end if skip else p_raw_start
                if skip < offset:
                    prefix = p_text[skip:offset]
        else:
            left = _raw_offset(pieces, starts, start, True)
            raw_start = out[-1][1] if out else 0
        raw_end = raw_start
        right = -1  # not known yet
        # 3. consume what the proposal covers
        while qi < count:
            p_raw_start, p_raw_end, p_text, changed = pieces[qi]
            pstart, pend = starts[qi] + skip, ends[qi]
            inside_changed = changed and pstart < start < pend
            if pstart >= end and not inside_changed:
                break
            if not changed and pend > end:
                skip += end - pstart
                right = raw_end = p_raw_start + skip  # inside an unchanged piece
                break
            raw_end = p_raw_end
            if changed and pend > end:
                # the rest stays, owning no raw text of its own, so the next
                # proposal can still reach it
                skip += end - pstart
                break
            qi, skip = qi + 1, 0
        if right < 0:
            right = _raw_offset(pieces, starts, end, False)
        lefts.append(left)
        rights.append(right)
        text = prefix + replacement if prefix else replacement
        if text or raw_end > raw_start:
            out.append((raw_start, raw_end, text, True))
    if qi < count:
        out.append(_rest(pieces[qi], skip))
        out.extend(pieces[qi + 1 :])
    return out, lefts, rights


def _rest(piece: Piece, skip: int) -> Piece:
    """``piece`` without its first ``skip`` characters (the rest of a changed
    piece owns no raw text: its raw text went with the part taken)."""
    if not skip:
        return piece
    raw_start, raw_end, text, changed = piece
    if changed:
        return (raw_end, raw_end, text[skip:], True)
    return (raw_start + skip, raw_end, text[skip:], False)
