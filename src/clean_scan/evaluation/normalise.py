"""Normalisation applied to gold and hypothesis text before they are scored.

The scoring rules live in ``docs/clean-text-format.md`` ("How text is scored
against gold"): Unicode NFC, quote characters folded to ``'`` and ``"``,
whitespace runs folded to one space, tokens split on whitespace, and case kept.
Folding happens only here, so that every metric sees exactly the same text and
a straight quote in a hypothesis is never counted as an error against a curly
quote in the gold.
"""

from __future__ import annotations

import unicodedata

import regex

from clean_scan.page_map import MARKER_PATTERN

__all__ = [
    "QUOTE_FOLDS",
    "join_line_hyphens",
    "normalise",
    "tokenise",
]

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032`\u00b4"  # ‘ ’ ‚ ‛ ′ ` ´
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"  # “ ” „ ‟ ″ « »

#: Translation table mapping every quote-like character to ``'`` or ``"``.
QUOTE_FOLDS: dict[int, str] = {
    **{ord(ch): "'" for ch in _SINGLE_QUOTES},
    **{ord(ch): '"' for ch in _DOUBLE_QUOTES},
}

# A letter or digit, a hyphen, optional trailing blanks, a newline, optional
# leading blanks, and the next letter or digit.  Only a hyphen that ends a line
# counts: a hyphen inside a line is a compound and must stay.
_LINE_END_HYPHEN = regex.compile(r"(?<=[\p{L}\p{N}])-[ \t]*\r?\n[ \t]*(?=[\p{L}\p{N}])")


def normalise(text: str) -> str:
    """Return *text* in the canonical form that all metrics compare.

    NFC first, so that composed and decomposed accents compare equal; then
    quote folding; then whitespace runs (any Unicode whitespace, newlines
    included) become one space, with none at either end.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(QUOTE_FOLDS)
    if "[Pg " in text:
        text = MARKER_PATTERN.sub(" ", text)  # clean-scan's --page-markers are no words
    return " ".join(text.split())


def tokenise(text: str) -> list[str]:
    """Return the word tokens of *text* after :func:`normalise`.

    Tokens are whitespace-separated, so punctuation stays attached to its word
    (``Tsarism.`` is one token) - the same convention as the published OCR
    word-error figures this project compares itself with.
    """
    normalised = normalise(text)
    return normalised.split(" ") if normalised else []


def join_line_hyphens(text: str) -> str:
    """Join words split by a hyphen at a line end, dropping the hyphen.

    ``word-\\nword`` becomes ``wordword``.  The Overproof newspaper files keep
    the printed line breaks, so without this a split word would count as two
    wrong tokens in every file, drowning the differences we want to measure.
    Every input (gold, raw and hypothesis) gets the same treatment, so a true
    compound broken at a line end (``gum-\\ntree``) is joined in all of them
    alike and scores consistently.
    """
    return _LINE_END_HYPHEN.sub("", text)
