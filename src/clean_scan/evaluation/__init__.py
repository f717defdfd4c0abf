"""Scoring of cleaned text against hand-made gold (see docs/clean-text-format.md)."""

from clean_scan.evaluation.locate import LocatedScore, find_anchors, locate, score_located
from clean_scan.evaluation.metrics import (
    ZERO_COMPARISON,
    ZERO_SCORE,
    Comparison,
    Score,
    bag_of_words_counts,
    cer,
    char_edits,
    compare_tokens,
    error_reduction,
    fixed_harmed,
    matched_gold_tokens,
    rate,
    score_text,
    score_tokens,
    wer,
    word_edits,
)
from clean_scan.evaluation.normalise import QUOTE_FOLDS, join_line_hyphens, normalise, tokenise

__all__ = [
    "ZERO_COMPARISON",
    "ZERO_SCORE",
    "QUOTE_FOLDS",
    "Comparison",
    "LocatedScore",
    "Score",
    "bag_of_words_counts",
    "cer",
    "char_edits",
    "compare_tokens",
    "error_reduction",
    "find_anchors",
    "fixed_harmed",
    "join_line_hyphens",
    "locate",
    "matched_gold_tokens",
    "normalise",
    "rate",
    "score_located",
    "score_text",
    "score_tokens",
    "tokenise",
    "wer",
    "word_edits",
]
