"""Doubtful marks: a stop, colon or comma where print seldom sets one, in a
text that sets it there far more often than print does.

Print sets a colon before a small letter (``as follows: the``) once or
twice in 1,000 words; a rough scan's specks and Tesseract's ``;``/``:`` and
``,``/``.`` confusions set one three to five times as often. Where a text's own
rate of such a mark is far above print's, each use is more likely a
misreading than not: the share of uses above print's rate is that
likelihood, and the flag carries it as its confidence. A stop before a
small letter (not after an abbreviation) and a mark standing alone are
flagged in any text: print sets neither. Nothing is changed: which mark
was printed (a semicolon, a comma, none) the page alone can tell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from clean_scan.document import Flag
from clean_scan.lexicon import load_lexicon, stop_abbreviations


@dataclass(frozen=True)
class MarkPattern:
    """A mark in a place print seldom puts it, and how often print does."""

    name: str
    pattern: regex.Pattern[str]
    print_rate: float
    """Uses per 1,000 words in print, at the most (the project's gold texts:
    the sample book, 0.7 colons and 1.0 such commas; six chapters of a 1912
    book, 1.5 and 0.1)."""
    reason: str
    suggestions: tuple[str, ...]
    counts: Callable[[regex.Match[str]], bool] | None = None
    """Which matches count as uses (all, when None)."""


def _before_common_word(match: regex.Match[str]) -> bool:
    """Whether the capitalised word after the comma is a common word (not
    ``I``, nor a name the lexicon knows only capitalised)."""
    following = match.group("next")
    return following != "I" and load_lexicon().common(following.lower())


PATTERNS = (
    MarkPattern("colon-before-small", regex.compile(r"(?<=\p{L}):(?=[ \t\n]+\p{Ll})"), 1.5,
                "a colon before a small letter", ("", ";", ",")),
    MarkPattern("comma-before-capital",
                regex.compile(r"(?<=\p{L}),(?=[ \t\n]+(?P<next>\p{Lu}\p{Ll}+)(?!\p{L}))"), 0.8,
                "a comma before a capitalised common word", (".", ";"), _before_common_word),
)
STOP_BEFORE_SMALL = regex.compile(r"(?<=(?<![\p{L}.])(?P<word>\p{L}{2,}))\.(?=[ \t\n]+\p{Ll})")
LONE_MARK = regex.compile(r"(?<=[ \t\n]|^)(?P<mark>[^\s\p{L}\p{N}—–\"“”‘’'()\[\]&%£$+*…§†‡/-]+)"
                          r"(?=[ \t]*\n|[ \t]+\S|$)")
"""A token of marks alone (``:``, ``|``, ``_.``), none that print sets alone
(a dash, a quote, a bracket, ``&``, ``%``, ``£``, a note's ``*``)."""
SIGN_BETWEEN_WORDS = regex.compile(r"(?<=[\p{L}\p{N},;:][ \t]+)[*$](?=[ \t]+\p{L})")
"""A note's ``*`` or a ``$`` standing between two words of a line: print
sets the one against a word, the other before a figure."""
EXCLAMATION_BEFORE_SMALL = regex.compile(r"(?<=\p{L})!(?=\p{L}|[ \t\n]+\p{Ll})")
"""``local! and``, ``al! other``: an ``l`` or a speck read as ``!``."""
STRAY_HYPHEN = regex.compile(r"(?<=^|[\s\"'“‘(])[-_]+(?=\p{L})|"
                             r"(?<=\p{L})-(?=[ \t]+(?!(?:and|or|nor|to)\b)\p{Ll})", regex.M)
"""A hyphen before a word (``-Russia``, ``_-ranks``), or after one with a
space and a small-letter word next (``their- conflicts``), where print sets
none: only a hyphen left hanging before ``and``, ``or`` (``pre- and
post-war``) is print's."""
LIKELY = 0.5
"""Flag a pattern's uses only where they are likelier misread than not."""
MIN_USES = 5
"""Fewer uses make no rate: one colon in a short text is no evidence."""
MIN_WORDS = 300
"""A text too short has no rate to speak of: only its sure cases are flagged."""


def mark_flags(text: str) -> list[Flag]:
    """Flag the doubtful marks of ``text``.

    >>> rough = "The Party aimed: the end, The state. the law : the rest " * 40
    >>> sorted({f.rule for f in mark_flags(rough)})
    ['colon-before-small', 'comma-before-capital', 'standing-mark', 'stop-before-small']
    >>> [f.rule for f in mark_flags("all local! and -Russia, their- conflicts, pre- and post-war")]
    ['exclamation-before-small', 'stray-hyphen', 'stray-hyphen']
    >>> clean = "It reads as follows: the end, and Parliament met. " + "The hall was full. " * 80
    >>> mark_flags(clean)
    []
    """
    words = max(1, len(text.split()))
    flags = list(_sure_flags(text))
    if words < MIN_WORDS:
        return flags
    for pattern in PATTERNS:
        uses = [m for m in pattern.pattern.finditer(text)
                if pattern.counts is None or pattern.counts(m)]
        rate = 1000 * len(uses) / words
        likely = 1 - pattern.print_rate / rate if len(uses) >= MIN_USES else 0.0
        if likely < LIKELY:
            continue
        flags += [Flag(m.start(), m.end(), m.group(), pattern.name, round(likely, 2),
                       f"{pattern.reason}: the text has {rate:.1f} in 1,000 words, print "
                       f"about {pattern.print_rate:.1f}; likely a speck or a misread mark",
                       pattern.suggestions) for m in uses]
    return flags


def _sure_flags(text: str) -> Iterator[Flag]:
    """A stop or ``!`` before a small letter after a word no abbreviation,
    a mark standing alone, and a hyphen hanging off a word: print sets none
    of them."""
    abbreviations = stop_abbreviations()
    for m in STOP_BEFORE_SMALL.finditer(text):
        if m.group("word").lower() not in abbreviations and not m.group("word").isupper():
            yield Flag(m.start(), m.end(), ".", "stop-before-small", 0.7,
                       "a stop before a small letter: a comma misread, or a speck",
                       (",", ""))
    for m in LONE_MARK.finditer(text):
        mark = m.group("mark")
        if set(mark) == {"."} and (len(mark) >= 3 or ". ." in text[m.start() - 2:m.end() + 2]):
            continue  # an ellipsis, spaced or not
        yield Flag(m.start(), m.end(), m.group(), "standing-mark", 0.8,
                   "marks standing alone, where print sets none: a speck", ("",))
    for m in SIGN_BETWEEN_WORDS.finditer(text):
        yield Flag(m.start(), m.end(), m.group(), "standing-mark", 0.7,
                   "a sign standing between two words, where print sets none: a speck", ("",))
    for m in EXCLAMATION_BEFORE_SMALL.finditer(text):
        yield Flag(m.start(), m.end(), "!", "exclamation-before-small", 0.7,
                   "'!' before a small letter: an 'l' misread, or a speck", ("l", ""))
    for m in STRAY_HYPHEN.finditer(text):
        yield Flag(m.start(), m.end(), m.group(), "stray-hyphen", 0.7,
                   "a hyphen joining a word to nothing: a speck", ("",))
