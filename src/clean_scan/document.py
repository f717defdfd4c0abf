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
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class Proposal:
    """A replacement a stage proposes, in the coordinates of the text it saw."""

    start: int
    end: int
    replacement: str
    rule: str
    confidence: float
    reason: str


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


@dataclass(frozen=True, slots=True)
class Edit:
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


@dataclass(slots=True)
class Piece:
    """A stretch of current text and the raw stretch it stands for."""

    raw_start: int
    raw_end: int
    text: str
    changed: bool


@dataclass
class Document:
    """Raw text, current text and the piece map between them."""

    raw: str
    pieces: list[Piece] = field(default_factory=list)
    text: str = ""
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def from_raw(cls, raw: str) -> Document:
        doc = cls(raw=raw)
        doc.pieces = [Piece(0, len(raw), raw, False)] if raw else []
        doc._reindex()
        return doc

    def _reindex(self) -> None:
        texts = [p.text for p in self.pieces]
        self.text = "".join(texts)
        self._starts = list(accumulate(map(len, texts[:-1]), initial=0)) if texts else []

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the current stretch ``[start, end)``.

        Inside a changed piece the only honest answer is the whole piece.
        """
        return self._raw_offsets((start,), True)[0], self._raw_offsets((end,), False)[0]

    def _raw_offsets(self, positions: Iterable[int], left: bool) -> list[int]:
        """Raw offsets of current positions, as the left or the right end of
        a stretch (see ``raw_span``); in one loop for a stage's thousands of
        proposals."""
        pieces, starts, find = self.pieces, self._starts, bisect.bisect_right
        out: list[int] = []
        append = out.append
        for pos in positions:
            idx = find(starts, pos) - 1
            if idx < 0:  # also: no pieces at all
                append(0)
                continue
            piece, piece_start = pieces[idx], starts[idx]
            if pos == piece_start:
                append(piece.raw_start if left or idx == 0 else pieces[idx - 1].raw_end)
            elif piece_start + len(piece.text) <= pos:
                append(piece.raw_end)
            elif not piece.changed:
                append(piece.raw_start + (pos - piece_start))
            else:
                append(piece.raw_start if left else piece.raw_end)
        return out

    def apply(self, proposals: list[Proposal]) -> list[tuple[Proposal, int, int, str]]:
        """Apply sorted, non-overlapping proposals; return each with its raw span
        and the current text it replaced."""
        if not proposals:  # nothing changes, so the text and its index stay
            return []
        text = self.text
        raw_starts = self._raw_offsets([prop.start for prop in proposals], True)
        raw_ends = self._raw_offsets([prop.end for prop in proposals], False)
        located = [(prop, raw_start, raw_end, text[prop.start : prop.end])
                   for prop, raw_start, raw_end in zip(proposals, raw_starts, raw_ends,
                                                        strict=True)]
        self.pieces = _splice(self.pieces, self._starts, proposals)
        self._reindex()
        return located

    def hunks(self) -> list[tuple[int, int, str]]:
        """The changed stretches as ``(clean_start, clean_end, raw_text)``."""
        raw, starts, pieces = self.raw, self._starts, self.pieces
        changed = compress(range(len(pieces)), map(attrgetter("changed"), pieces))
        return _merge_adjacent(
            [(starts[i], starts[i] + len(pieces[i].text),
              raw[pieces[i].raw_start : pieces[i].raw_end]) for i in changed])


def _merge_adjacent(hunks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    last_end = -1
    for hunk in hunks:
        if hunk[0] == last_end:
            start, _, raw = merged[-1]
            merged[-1] = (start, hunk[1], raw + hunk[2])
        else:
            merged.append(hunk)
        last_end = hunk[1]
    return merged


def _splice(pieces: list[Piece], starts: list[int], proposals: list[Proposal]) -> list[Piece]:
    """Rebuild the piece list with each proposal's stretch replaced.

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
    ends = [*starts[1:], starts[-1] + len(pieces[-1].text)] if pieces else []
    out: list[Piece] = []
    qi = skip = 0
    for prop in proposals:
        start, end = prop.start, prop.end
        # 1. copy what lies wholly before the proposal
        first = bisect.bisect_right(ends, start, qi)
        if first > qi:
            out.append(_rest(pieces[qi], skip))
            out.extend(pieces[qi + 1 : first])
            qi, skip = first, 0
        # 2. where the new piece starts in the raw text (an unchanged piece
        # is cut there; a changed one is swallowed whole)
        prefix = ""
        if qi < count:
            piece, pstart = pieces[qi], starts[qi] + skip
            if not piece.changed:
                if pstart < start:
                    cut = start - pstart
                    raw_cut = piece.raw_start + skip
                    out.append(Piece(raw_cut, raw_cut + cut, piece.text[skip : skip + cut],
                                     False))
                    skip += cut
                raw_start = piece.raw_start + skip
            else:
                # the rest of a changed piece owns no raw text of its own
                raw_start = piece.raw_start if not skip else piece.raw_end
                if pstart < start:
                    prefix = piece.text[skip : skip + start - pstart]
        else:
            raw_start = out[-1].raw_end if out else 0
        raw_end = raw_start
        # 3. consume what the proposal covers
        while qi < count:
            piece, pstart, pend = pieces[qi], starts[qi] + skip, ends[qi]
            inside_changed = piece.changed and pstart < start < pend
            if pstart >= end and not inside_changed:
                break
            if not piece.changed and pend > end:
                skip += end - pstart
                raw_end = piece.raw_start + skip
                break
            raw_end = piece.raw_end
            if piece.changed and pend > end:
                # the rest stays, owning no raw text of its own, so the next
                # proposal can still reach it
                skip += end - pstart
                break
            qi, skip = qi + 1, 0
        new = Piece(raw_start, raw_end, prefix + prop.replacement, True)
        if new.text or new.raw_end > new.raw_start:
            out.append(new)
    if qi < count:
        out.append(_rest(pieces[qi], skip))
        out.extend(pieces[qi + 1 :])
    return out


def _rest(piece: Piece, skip: int) -> Piece:
    """``piece`` without its first ``skip`` characters (the rest of a changed
    piece owns no raw text: its raw text went with the part taken)."""
    if not skip:
        return piece
    if piece.changed:
        return Piece(piece.raw_end, piece.raw_end, piece.text[skip:], True)
    return Piece(piece.raw_start + skip, piece.raw_end, piece.text[skip:], False)
