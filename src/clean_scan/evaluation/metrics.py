"""Error metrics of a hypothesis text against gold, as edit counts.

Every metric is kept as an integer count next to its denominator (gold words,
gold characters).  Totals over several documents are then the sum of counts,
and the overall rate is ``sum(edits) / sum(gold)`` - a long chapter weighs more
than a title page, which averaging per-document ratios would not give.

All alignment uses :mod:`rapidfuzz.distance.Levenshtein`, which takes lists of
strings as sequences; a pure-Python dynamic programme would need minutes for a
book-length section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields

from rapidfuzz.distance import Levenshtein

from clean_scan.evaluation.normalise import normalise, tokenise

__all__ = [
    "ZERO_COMPARISON",
    "ZERO_SCORE",
    "Comparison",
    "Score",
    "bag_of_words_counts",
    "cer",
    "char_edits",
    "compare_tokens",
    "error_reduction",
    "fixed_harmed",
    "matched_gold_tokens",
    "rate",
    "score_text",
    "score_tokens",
    "wer",
    "word_edits",
]


def rate(edits: int, total: int) -> float:
    """Return ``edits / total``; 0.0 for nothing against nothing, else inf for total 0."""
    if total:
        return edits / total
    return 0.0 if edits == 0 else float("inf")


@dataclass(frozen=True)
class Score:
    """Edit counts of one hypothesis (or a sum of several) against gold.

    ``bow_edits`` is stored, not derived from ``bow_missing``/``bow_extra``,
    because a bag of words is per document: a word missing from one document
    must not cancel a surplus word in another when scores are added up.
    """

    gold_words: int
    hyp_words: int
    word_edits: int
    gold_chars: int
    char_edits: int
    bow_missing: int
    bow_extra: int
    bow_edits: int

    @property
    def wer(self) -> float:
        """Word error rate: word-level Levenshtein distance / gold words."""
        return rate(self.word_edits, self.gold_words)

    @property
    def cer(self) -> float:
        """Character error rate: character Levenshtein distance / gold characters."""
        return rate(self.char_edits, self.gold_chars)

    @property
    def bow_error(self) -> float:
        """Order-independent (bag-of-words) word error rate."""
        return rate(self.bow_edits, self.gold_words)

    def __add__(self, other: Score) -> Score:
        return Score(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


ZERO_SCORE = Score(0, 0, 0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class Comparison:
    """A cleaned hypothesis and the raw OCR it came from, both scored against gold.

    ``fixed`` counts gold words the raw OCR got wrong and the hypothesis right;
    ``harmed`` the reverse.  Harm matters on its own: a cleaner that fixes 100
    words and breaks 20 may have a fine WER but still needs a reviewer's eye.
    """

    hyp: Score
    raw: Score
    fixed: int
    harmed: int

    @property
    def gold_words(self) -> int:
        return self.hyp.gold_words

    @property
    def error_reduction(self) -> float | None:
        """``1 - WER(hyp) / WER(raw)``; None when the raw text is already perfect."""
        return error_reduction(self.hyp.wer, self.raw.wer)

    @property
    def harmed_pct(self) -> float:
        """Harmed words as a percentage of gold words."""
        return 100.0 * rate(self.harmed, self.gold_words)

    def __add__(self, other: Comparison) -> Comparison:
        return Comparison(
            self.hyp + other.hyp,
            self.raw + other.raw,
            self.fixed + other.fixed,
            self.harmed + other.harmed,
        )


ZERO_COMPARISON = Comparison(ZERO_SCORE, ZERO_SCORE, 0, 0)


def word_edits(gold_tokens: Sequence[str], hyp_tokens: Sequence[str]) -> int:
    """Word-level Levenshtein distance (substitutions, insertions, deletions)."""
    return Levenshtein.distance(gold_tokens, hyp_tokens)


def char_edits(gold: str, hyp: str) -> int:
    """Character-level Levenshtein distance between two already normalised strings."""
    return Levenshtein.distance(gold, hyp)


def bag_of_words_counts(
    gold_tokens: Sequence[str], hyp_tokens: Sequence[str]
) -> tuple[int, int, int]:
    """Return ``(missing, extra, edits)`` of the order-independent comparison.

    ``missing`` is the size of the multiset difference gold - hyp (gold tokens
    the hypothesis lacks, counting repeats), ``extra`` that of hyp - gold.
    ``edits = max(missing, extra)``: a missing token and an extra token pair up
    as one substitution, and only the unpaired surplus counts as insertions or
    deletions.  That keeps the figure on the same scale as WER (one misread
    word is one error, not two) and makes it a lower bound of the word edit
    distance - the part of WER that is not due to word order.  This is our
    reading of how ocrevalUAtion counts its order-independent WER; it was not
    checked against ocrevalUAtion's source, so confirm before quoting the two
    side by side.
    """
    gold_bag = Counter(gold_tokens)
    hyp_bag = Counter(hyp_tokens)
    missing = (gold_bag - hyp_bag).total()
    extra = (hyp_bag - gold_bag).total()
    return missing, extra, max(missing, extra)


def score_tokens(gold_tokens: Sequence[str], hyp_tokens: Sequence[str]) -> Score:
    """Score normalised token lists; CER is taken over the space-joined tokens.

    Joining tokens with one space reproduces the normalised string exactly, so
    callers that have tokens (e.g. a located sub-span) need not keep the text.
    """
    gold_text = " ".join(gold_tokens)
    hyp_text = " ".join(hyp_tokens)
    missing, extra, bow = bag_of_words_counts(gold_tokens, hyp_tokens)
    return Score(
        gold_words=len(gold_tokens),
        hyp_words=len(hyp_tokens),
        word_edits=word_edits(gold_tokens, hyp_tokens),
        gold_chars=len(gold_text),
        char_edits=char_edits(gold_text, hyp_text),
        bow_missing=missing,
        bow_extra=extra,
        bow_edits=bow,
    )


def score_text(gold: str, hyp: str) -> Score:
    """Normalise and tokenise both texts, then score them (see :func:`score_tokens`)."""
    return score_tokens(tokenise(gold), tokenise(hyp))


def wer(gold: str, hyp: str) -> float:
    """Word error rate of *hyp* against *gold* after normalisation."""
    return score_text(gold, hyp).wer


def cer(gold: str, hyp: str) -> float:
    """Character error rate of *hyp* against *gold* after normalisation."""
    gold_n = normalise(gold)
    return rate(char_edits(gold_n, normalise(hyp)), len(gold_n))


def error_reduction(hyp_wer: float, raw_wer: float) -> float | None:
    """``1 - hyp_wer / raw_wer``: the share of the raw OCR's word errors removed.

    Negative when cleaning made things worse; None when the raw WER is 0, where
    the ratio has no meaning.
    """
    if raw_wer == 0:
        return None
    return 1.0 - hyp_wer / raw_wer


def matched_gold_tokens(gold_tokens: Sequence[str], other_tokens: Sequence[str]) -> list[bool]:
    """Flag, for each gold token, whether an optimal alignment matches it exactly."""
    matched = [False] * len(gold_tokens)
    for op in Levenshtein.opcodes(gold_tokens, other_tokens):
        if op.tag == "equal":
            matched[op.src_start : op.src_end] = [True] * (op.src_end - op.src_start)
    return matched


def fixed_harmed(
    gold_tokens: Sequence[str], raw_tokens: Sequence[str], hyp_tokens: Sequence[str]
) -> tuple[int, int]:
    """Return ``(fixed, harmed)`` gold-word counts between raw and hypothesis.

    Gold is aligned separately with raw and with hyp.  A gold token is *fixed*
    when it is matched exactly in the hyp alignment but not in the raw one, and
    *harmed* when it is matched in the raw alignment but not in the hyp one.
    Counting per gold token (rather than diffing raw against hyp) ties every
    change to the word the book printed.
    """
    in_raw = matched_gold_tokens(gold_tokens, raw_tokens)
    in_hyp = matched_gold_tokens(gold_tokens, hyp_tokens)
    fixed = sum(1 for r, h in zip(in_raw, in_hyp, strict=True) if h and not r)
    harmed = sum(1 for r, h in zip(in_raw, in_hyp, strict=True) if r and not h)
    return fixed, harmed


def compare_tokens(
    gold_tokens: Sequence[str], raw_tokens: Sequence[str], hyp_tokens: Sequence[str]
) -> Comparison:
    """Score hyp and raw against gold and count the words fixed and harmed."""
    fixed, harmed = fixed_harmed(gold_tokens, raw_tokens, hyp_tokens)
    return Comparison(
        hyp=score_tokens(gold_tokens, hyp_tokens),
        raw=score_tokens(gold_tokens, raw_tokens),
        fixed=fixed,
        harmed=harmed,
    )
