"""The document's own vocabulary: how often each word form occurs in it.

A form the document uses again and again is probably printed that way; a
form seen once, one OCR slip away from a frequent one, probably is not. The
dehyphenation, character and spelling stages all vote with these counts.
Counting is computed once per text and cached on the context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from clean_scan.stage import Context

WORD = regex.compile(r"\p{L}+(?:['’\-]\p{L}+)*")
"""A word: letters, with inner apostrophes and hyphens (``to-day``, ``man’s``)."""


def count_words(text: str) -> Counter[str]:
    """Count word forms as printed (case kept).

    >>> count_words("To-day the man's day; the end.")["the"]
    2
    """
    return Counter(WORD.findall(text))


def count_token_words(tokens: Iterable[str]) -> Counter[str]:
    """:func:`count_words` of a text given as its tokens in order, pieces no
    word crosses (the text parted at spaces and dashes): each distinct
    token is read once, and a token of plain letters is one word as it
    stands. The counts and their order are those of ``count_words``.
    ``tokens`` may be given counted already (a ``Counter`` in the order of
    first use).

    >>> count_token_words("To-day the man's day; the end.".split())
    Counter({'the': 2, 'To-day': 1, "man's": 1, 'day': 1, 'end': 1})
    """
    counts: Counter[str] = Counter()
    get = counts.get  # not ``counts[word] += n``: a new key would call __missing__
    counted = tokens if isinstance(tokens, Counter) else Counter(tokens)
    for token, times in counted.items():
        if token.isascii() and token.isalpha():
            counts[token] = get(token, 0) + times
        elif token.isascii() and token[:-1].isalpha():  # ``war,``: the mark ends the word
            word = token[:-1]
            counts[word] = get(word, 0) + times
        else:
            for word in WORD.findall(token):
                counts[word] = get(word, 0) + times
    return counts


def document_words(text: str, context: Context,
                   tokens: Iterable[str] | None = None) -> Counter[str]:
    """Word counts of ``text``, cached per stage run under the text's
    identity (counted from ``tokens``, :func:`count_token_words`, if given)."""
    key = ("vocabulary", len(text), hash(text))
    cached = context.shared.get(key)
    if cached is None:
        cached = count_words(text) if tokens is None else count_token_words(tokens)
        context.shared[key] = cached
    return cached


def lower_counts(counts: Counter[str]) -> Counter[str]:
    """Counts folded to lower case, for case-blind votes."""
    folded: Counter[str] = Counter()
    get = folded.get  # not ``folded[word] += n``: a new key would call __missing__
    for word, n in counts.items():
        lower = word.lower()
        folded[lower] = get(lower, 0) + n
    return folded


def lexicon_of(context: Context) -> object | None:
    """The era lexicon, when the spelling work has put one in the context
    (anything supporting ``word in lexicon``)."""
    return context.shared.get("lexicon")


def is_known_word(
    word: str, context: Context, counts: Counter[str] | None = None, min_count: int = 1
) -> bool:
    """Is ``word`` a word: used by the document itself (at least ``min_count``
    times), given by the user, or in the era lexicon?"""
    if word in context.extra_words:
        return True
    if counts is not None and (
        counts.get(word, 0) >= min_count or counts.get(word.lower(), 0) >= min_count
    ):
        return True
    lexicon = lexicon_of(context)
    return lexicon is not None and (word in lexicon or word.lower() in lexicon)
