"""A gold file whose paragraphs stand apart in the text (three passages
from different pages, proofread into one file) is located run by run.

One span for the whole file would take in everything between the passages
and count it as inserted words: a text scored 84.5% WER that, given as
three files, scores 1.5%. So when the single span is much longer than the
gold, each paragraph is located alone, paragraphs that stand next to each
other in the text are joined into runs, and the runs are scored together,
if that is the better account of the gold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clean_scan.evaluation.locate import locate
from clean_scan.evaluation.metrics import score_tokens

SPREAD = 1.3
"""A span this much longer than the gold (and ``SPREAD_SLACK`` tokens) is
suspected of spanning passages that stand apart."""
SPREAD_SLACK = 20
RUN_GAP = 20
"""Paragraphs located within this many tokens of each other, in order, are
one run."""


@dataclass(frozen=True)
class Run:
    """Consecutive gold paragraphs and the hypothesis span they stand for."""

    gold: tuple[int, int]
    """The run's gold tokens, as a span of the whole gold's tokens."""
    span: tuple[int, int]


def located_runs(paragraphs: Sequence[Sequence[str]], hyp: Sequence[str]) -> list[Run]:
    """The runs the gold's paragraphs make in ``hyp``: one run (the whole
    gold's span) unless that span is spread far wider than the gold and
    locating paragraph by paragraph accounts for the gold with fewer errors.

    >>> hyp = ("a b c d e f g h " * 3 + "one two three four five six seven eight "
    ...        + "x y z " * 40 + "nine ten eleven twelve thirteen fourteen").split()
    >>> paras = [["one", "two", "three", "four", "five", "six", "seven", "eight"],
    ...          ["nine", "ten", "eleven", "twelve", "thirteen", "fourteen"]]
    >>> [run.span for run in located_runs(paras, hyp)]
    [(24, 32), (152, 158)]
    """
    gold = [token for paragraph in paragraphs for token in paragraph]
    whole = locate(gold, hyp)
    single = [Run((0, len(gold)), whole)]
    if len(paragraphs) < 2 or whole[1] - whole[0] <= SPREAD * len(gold) + SPREAD_SLACK:
        return single
    runs: list[Run] = []
    at = 0
    for paragraph in paragraphs:
        if not paragraph:
            continue
        span = locate(paragraph, hyp, edge_slack=0)
        gold_span = (at, at + len(paragraph))
        at += len(paragraph)
        last = runs[-1] if runs else None
        if last is not None and 0 <= span[0] - last.span[1] <= RUN_GAP:
            runs[-1] = Run((last.gold[0], gold_span[1]), (last.span[0], span[1]))
        else:
            runs.append(Run(gold_span, span))
    return runs if _errors(runs, gold, hyp) < _errors(single, gold, hyp) else single


def _errors(runs: Sequence[Run], gold: Sequence[str], hyp: Sequence[str]) -> int:
    return sum(score_tokens(gold[run.gold[0]:run.gold[1]],
                            hyp[run.span[0]:run.span[1]]).word_edits for run in runs)
