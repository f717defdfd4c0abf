"""Find the stretch of a hypothesis that a gold file corresponds to.

Gold files may cover only some sections of a book, while the hypothesis (the
cleaned output, or the raw OCR) is the whole book.  Scoring gold against the
whole book would count every other page as insertions, so we first locate the
token span of the hypothesis that the gold section stands for.

Method, chosen to work both on clean output and on raw OCR where about one
word in five is wrong:

1. *Anchors.*  Word n-grams (n = 3, falling back to 2 for tiny or very noisy
   texts) that occur at most a few times in gold and in the hypothesis give
   candidate pairs ``(gold_pos, hyp_pos)``.  At 19 % word errors about half of
   all 3-grams survive intact, plenty to anchor on.
2. *Offset vote.*  True anchors share nearly the same offset
   ``hyp_pos - gold_pos``; it drifts only by the furniture and split words
   between them.  The densest band of offsets wins, which throws out chance
   matches elsewhere in the book (a contents entry that recurs as a chapter
   heading, a running head).
3. *Chain.*  The longest chain of the remaining anchors increasing in both
   gold and hyp positions removes crossing matches within the band.
4. *Window and trim.*  The chain, extrapolated to the gold's ends and padded,
   gives a window; gold is aligned against it with Levenshtein opcodes.  The
   span runs from the first exactly matched token to the last, widened by as
   many hyp tokens as there are unmatched gold tokens before the first match
   (after the last), so a garbled heading is scored as substitutions rather
   than lost; a word the OCR split in pieces at an edge is taken in whole
   (judged on characters).  Hyp tokens that only the padding brought in are
   cut.  If the
   alignment wants tokens beyond the window, the window grows and the
   alignment is repeated.
5. *Document edges.*  A span that stops within a few tokens of the start or
   end of the hypothesis is extended to it: with no room for another section
   there, the leftover tokens (a library stamp before the title page, a stray
   page number after the last line) are this section's noise and must be
   scored, not trimmed away.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from clean_scan.evaluation.metrics import Comparison, Score, compare_tokens, score_tokens

__all__ = ["LocatedScore", "find_anchors", "locate", "score_located"]

Anchor = tuple[int, int]  # (gold position, hyp position)

_MAX_OCCURRENCES = 4  # n-grams more frequent than this are too ambiguous to anchor on
_MAX_GROW_ROUNDS = 4
_MAX_WIDEN = 3  # hyp tokens a split word at a span edge may add


def _ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def find_anchors(gold_tokens: Sequence[str], hyp_tokens: Sequence[str], n: int) -> list[Anchor]:
    """Return ``(gold_pos, hyp_pos)`` pairs of equal, rare word n-grams."""
    gold_grams = _ngrams(gold_tokens, n)
    gold_counts = Counter(gold_grams)
    hyp_positions: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    for pos, gram in enumerate(_ngrams(hyp_tokens, n)):
        if gram in gold_counts:
            hyp_positions[gram].append(pos)
    anchors: list[Anchor] = []
    for g_pos, gram in enumerate(gold_grams):
        h_list = hyp_positions.get(gram, [])
        if h_list and len(h_list) <= _MAX_OCCURRENCES and gold_counts[gram] <= _MAX_OCCURRENCES:
            anchors.extend((g_pos, h_pos) for h_pos in h_list)
    return anchors


def _densest_band(anchors: list[Anchor], width: int) -> list[Anchor]:
    """Keep the anchors whose offsets fall in the most populated band of *width*."""
    by_offset = sorted(anchors, key=lambda a: a[1] - a[0])
    offsets = [h - g for g, h in by_offset]
    best_lo, best_count, lo = 0, 0, 0
    for hi, offset in enumerate(offsets):
        while offset - offsets[lo] > width:
            lo += 1
        if hi - lo + 1 > best_count:
            best_lo, best_count = lo, hi - lo + 1
    return by_offset[best_lo : best_lo + best_count]


def _longest_chain(anchors: list[Anchor]) -> list[Anchor]:
    """Longest chain of anchors strictly increasing in both positions (LIS)."""
    ordered = sorted(anchors, key=lambda a: (a[0], -a[1]))
    tails: list[int] = []  # hyp position ending the best chain of each length
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(ordered)
    for i, (_, h_pos) in enumerate(ordered):
        k = bisect.bisect_left(tails, h_pos)
        prev[i] = tail_idx[k - 1] if k else -1
        if k == len(tails):
            tails.append(h_pos)
            tail_idx.append(i)
        else:
            tails[k] = h_pos
            tail_idx[k] = i
    chain: list[Anchor] = []
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        chain.append(ordered[i])
        i = prev[i]
    return chain[::-1]


def _anchor_chain(gold_tokens: Sequence[str], hyp_tokens: Sequence[str]) -> list[Anchor]:
    """Anchors of the gold in the hyp, filtered by offset vote and chaining."""
    band = 2 * (50 + len(gold_tokens) // 5)
    for n in (3, 2):
        anchors = find_anchors(gold_tokens, hyp_tokens, n)
        if len(anchors) >= 2 or (anchors and n == 2):
            return _longest_chain(_densest_band(anchors, band))
    return []


def _initial_window(gold_len: int, hyp_len: int, chain: list[Anchor]) -> tuple[int, int]:
    """Extrapolate the anchor chain to the gold's ends and pad by a slack that
    grows with the distance extrapolated (drift accumulates with length)."""
    if not chain:
        return 0, hyp_len
    (g_first, h_first), (g_last, h_last) = chain[0], chain[-1]
    slack = 16 + gold_len // 100
    start = h_first - g_first - slack - g_first // 2
    tail = gold_len - g_last
    end = h_last + tail + slack + tail // 2
    return max(0, start), min(hyp_len, end)


@dataclass(frozen=True)
class _Match:
    """Where the exact matches of gold in the hyp begin and end (hyp coordinates)."""

    gold_head: int  # gold tokens before the first exact match
    hyp_first: int  # hyp index of the first exact match
    gold_tail: int  # gold index just after the last exact match
    hyp_end: int  # hyp index just after the last exact match

    def needed(self, gold_len: int) -> tuple[int, int]:
        """The span, giving each unmatched gold token at either end one hyp token."""
        return self.hyp_first - self.gold_head, self.hyp_end + gold_len - self.gold_tail


def _match(
    gold_tokens: Sequence[str], hyp_tokens: Sequence[str], start: int, end: int
) -> _Match | None:
    """Align gold with ``hyp_tokens[start:end]``; None when no token matches."""
    ops = Levenshtein.opcodes(gold_tokens, hyp_tokens[start:end])
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return None
    first, last = equal[0], equal[-1]
    return _Match(first.src_start, start + first.dest_start, last.src_end, start + last.dest_end)


def _squashed_distance(gold_part: Sequence[str], hyp_part: Sequence[str]) -> int:
    return Levenshtein.distance("".join(gold_part), "".join(hyp_part))


def _widen_start(
    gold_head: Sequence[str], hyp_tokens: Sequence[str], start: int, first: int
) -> int:
    """Move *start* back over hyp tokens that are pieces of the unmatched gold head.

    One hyp token per unmatched gold token undercounts where the OCR split a
    word (``X he`` for ``The``).  Comparing the spaceless strings, a token that
    does not raise the character distance to the gold head is taken in; page
    furniture (``37``) raises it and stays out.
    """
    best, best_cost = start, _squashed_distance(gold_head, hyp_tokens[start:first])
    for cand in range(start - 1, max(0, start - _MAX_WIDEN) - 1, -1):
        cost = _squashed_distance(gold_head, hyp_tokens[cand:first])
        if cost > best_cost:
            break
        best, best_cost = cand, cost
    return best


def _widen_end(gold_tail: Sequence[str], hyp_tokens: Sequence[str], end: int, last_end: int) -> int:
    """Mirror image of :func:`_widen_start` for the end of the span."""
    best, best_cost = end, _squashed_distance(gold_tail, hyp_tokens[last_end:end])
    for cand in range(end + 1, min(len(hyp_tokens), end + _MAX_WIDEN) + 1):
        cost = _squashed_distance(gold_tail, hyp_tokens[last_end:cand])
        if cost > best_cost:
            break
        best, best_cost = cand, cost
    return best


def locate(
    gold_tokens: Sequence[str], hyp_tokens: Sequence[str], *, edge_slack: int | None = None
) -> tuple[int, int]:
    """Return the ``(start, end)`` token span of *hyp_tokens* that the gold covers.

    ``hyp_tokens[start:end]`` is what the gold should be scored against.  When
    nothing can be matched, the whole hypothesis is returned, so the score is
    honest rather than flattering.  A span ending at most *edge_slack* tokens
    from either end of the hypothesis is extended to that end (default:
    ``max(64, len(gold_tokens) // 10)``; 0 turns this off).
    """
    if not gold_tokens or not hyp_tokens:
        return 0, len(hyp_tokens)
    if edge_slack is None:
        edge_slack = max(64, len(gold_tokens) // 10)
    start, end = _aligned_span(gold_tokens, hyp_tokens)
    if start <= edge_slack:
        start = 0
    if len(hyp_tokens) - end <= edge_slack:
        end = len(hyp_tokens)
    return start, end


def _aligned_span(gold_tokens: Sequence[str], hyp_tokens: Sequence[str]) -> tuple[int, int]:
    """Steps 1-4 of the module docstring: anchor, window, align, trim."""
    gold_len, hyp_len = len(gold_tokens), len(hyp_tokens)
    start, end = _initial_window(gold_len, hyp_len, _anchor_chain(gold_tokens, hyp_tokens))
    for _ in range(_MAX_GROW_ROUNDS):
        match = _match(gold_tokens, hyp_tokens, start, end)
        if match is None:
            return start, end
        need_start, need_end = match.needed(gold_len)
        grow_start = start > 0 and need_start < start
        grow_end = end < hyp_len and need_end > end
        if not (grow_start or grow_end):
            break
        pad = 16 + gold_len // 20
        if grow_start:
            start = max(0, need_start - pad)
        if grow_end:
            end = min(hyp_len, need_end + pad)
    span_start = _widen_start(
        gold_tokens[: match.gold_head], hyp_tokens, max(start, need_start), match.hyp_first
    )
    span_end = _widen_end(
        gold_tokens[match.gold_tail :], hyp_tokens, min(end, need_end), match.hyp_end
    )
    return span_start, span_end


@dataclass(frozen=True)
class LocatedScore:
    """A gold section located in a hypothesis (and optionally in the raw OCR) and scored.

    ``comparison`` is set only when a raw text was given; ``score`` is always
    the hypothesis's score (``comparison.hyp`` when there is one).
    """

    span: tuple[int, int]
    raw_span: tuple[int, int] | None
    score: Score
    comparison: Comparison | None
    runs: tuple[tuple[int, int], ...] = ()
    """The hypothesis spans of the gold's runs of paragraphs, when they stand
    apart (:mod:`clean_scan.evaluation.runs`); empty for one span."""
    hyp_tokens: tuple[str, ...] = ()
    """The hypothesis tokens scored, in order (for ``--diff``)."""


def score_located(
    gold_tokens: Sequence[str],
    hyp_tokens: Sequence[str],
    raw_tokens: Sequence[str] | None = None,
) -> LocatedScore:
    """Locate the gold in the hypothesis (and in the raw OCR) and score the spans.

    Hyp and raw are located separately: cleaning removes furniture and joins
    words, so the same gold section sits at different token offsets in each.
    """
    start, end = locate(gold_tokens, hyp_tokens)
    hyp_span = hyp_tokens[start:end]
    if raw_tokens is None:
        return LocatedScore((start, end), None, score_tokens(gold_tokens, hyp_span), None)
    raw_start, raw_end = locate(gold_tokens, raw_tokens)
    comparison = compare_tokens(gold_tokens, raw_tokens[raw_start:raw_end], hyp_span)
    return LocatedScore((start, end), (raw_start, raw_end), comparison.hyp, comparison)
