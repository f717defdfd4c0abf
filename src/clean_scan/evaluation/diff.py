"""The words that differ between a gold text and the text scored against
it, each with the gold words before it: what ``clean-scan eval --diff``
lists, so a score can be read back to the words behind it."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

CONTEXT = 3
"""Gold words shown before each difference."""


def word_differences(gold: Sequence[str], hyp: Sequence[str]) -> list[str]:
    """One line per stretch that differs: ``[words before] 'gold' -> 'text'``.

    >>> word_differences("the Union and Russia".split(), "the Union and Russid".split())
    ["[the Union and] 'Russia' -> 'Russid'"]
    >>> word_differences(["a", "b"], ["a", "b"])
    []
    """
    lines = []
    for op in Levenshtein.opcodes(list(gold), list(hyp)):
        if op.tag == "equal":
            continue
        before = " ".join(gold[max(0, op.src_start - CONTEXT):op.src_start])
        lines.append(f"[{before}] {' '.join(gold[op.src_start:op.src_end])!r} -> "
                     f"{' '.join(hyp[op.dest_start:op.dest_end])!r}")
    return lines
