"""The ``doubtful`` stage: it changes nothing and flags, for the reviewer,
what is left that is likely wrong: words nothing supports (:mod:`.words`),
marks where print seldom sets them, in a text that has far more of them
than print has (:mod:`.marks`), capitals where print sets small letters
(:mod:`.capitals`), and quotes and brackets without a partner
(:mod:`.pairs`)."""

from __future__ import annotations

from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages.doubtful.capitals import capital_flags
from clean_scan.stages.doubtful.engine import engine_flags
from clean_scan.stages.doubtful.marks import mark_flags
from clean_scan.stages.doubtful.pairs import pair_flags
from clean_scan.stages.doubtful.words import doubtful_share, lone_letter_flags, word_flags

__all__ = ["STAGE", "doubtful_share", "run"]


def run(text: str, context: Context) -> StageResult:
    """Flag the doubtful words, the lone letters, the doubtful marks and
    capitals, the quotes and brackets without a partner, and (from a layout
    file) the words the engine itself doubted."""
    return StageResult([], word_flags(text, context) + lone_letter_flags(text)
                       + mark_flags(text) + capital_flags(text) + pair_flags(text)
                       + engine_flags(text, context))


STAGE = Stage("doubtful", "flag every word neither the lexicon nor the document supports, "
              "and marks set where print seldom sets them", run)
