"""Doubtful marks: a stop, colon or comma where print seldom sets one, in a
text that sets it there far more often than print does.

Print sets a colon before a small letter (``as follows: the``) once or
twice in 1,000 words; a rough scan's specks and Tesseract's ``;``/``:`` and
``,``/``.`` confusions set one three to five times as often. Where a text's own
rate of such a mark is far above print's, each use is likely a misreading:
the share of uses above print's rate is that likelihood, and the flag
carries it as its confidence. A comma counts before a capitalised function
word only (``, The``), where print would set a stop: before other capitals
it is as often a newspaper's list of names and places. A stop before a
small letter (not after an abbreviation), a comma ending a paragraph and
a mark standing alone are flagged in any text: print sets none of them.
Nothing is changed: which mark was printed (a semicolon, a comma, none)
the page alone can tell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from clean_scan.document import Flag
from clean_scan.house_style import closed_dashes
from clean_scan.lexicon import (
    clause_openers,
    function_words,
    sentence_adverbs,
    stop_abbreviations,
)


@dataclass(frozen=True)
class MarkPattern:
    """A mark in a place print seldom puts it, and how often print does."""

    name: str
    pattern: regex.Pattern[str]
    print_rate: float
    """Uses per 1,000 words in print, at the most (the project's gold texts:
    the sample book, 0.7 colons and no such commas; six chapters of a 1912
    book, 1.5 and 0.1; eight newspaper texts of the 1840s-1930s, up to 0.4
    colons and 0.5 commas)."""
    reason: str
    suggestions: tuple[str, ...]
    counts: Callable[[regex.Match[str]], bool] | None = None
    """Which matches count as uses (all, when None)."""


def _before_function_word(match: regex.Match[str]) -> bool:
    """Whether the capitalised word after the comma is a function word
    or one that opens a clause (``The``, ``It``, ``But``, ``However``; not
    ``I``, nor ``May``, a month): print capitalises those only to open a
    sentence, where a common noun may be a name's (``Glen Hotel``,
    ``National Park``, ``Sir``)."""
    following = match.group("next").lower()
    return following not in ("i", "may") and following in _sentence_openers()


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    return function_words() | clause_openers() | sentence_adverbs()


PATTERNS = (
    MarkPattern("colon-before-small", regex.compile(r"(?<=\p{L}):(?=[ \t\n]+\p{Ll})"), 1.5,
                "a colon before a small letter", ("", ";", ",")),
    MarkPattern("comma-before-capital",
                regex.compile(r"(?<=\p{L}),(?=[ \t\n]+(?P<next>\p{Lu}\p{Ll}+)(?!\p{L}))"), 0.5,
                "a comma before a capitalised function word", (".", ";"), _before_function_word),
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
DASH_ALONE = regex.compile(r"(?<=\S[ \t]+)[—–-](?=[ \t]+\S)")
"""A dash or hyphen with a space either side, between two words."""
COMMA_ENDING_PARAGRAPH = regex.compile(r"(?<=\p{L}),(?=[ \t]*\n[ \t]*\n)")
"""``its victory,`` and a blank line: print ends a paragraph with a stop
(a stop whose dot the scan lost, its speck read as a comma's tail), or the
sentence goes on past a break the engine made."""
LIKELY = 1 / 3
"""Flag a pattern's uses where at least a third of them are misread. The
share is counted against print's highest rate, so it is the least share
the text's rate implies, and the true one is higher: devB-rough's clean
text, at 0.45, has 11 of its 13 such colons misread. A text at print's
highest rate or below is never flagged."""
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
    >>> [f.text for f in mark_flags("in most — capitalist war—peace—work—rest—home—land")]
    ['—']
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
    a comma ending a paragraph, a mark standing alone, and a hyphen hanging
    off a word: print sets none of them."""
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
    for m in COMMA_ENDING_PARAGRAPH.finditer(text):
        yield Flag(m.start(), m.end(), ",", "comma-ending-paragraph", 0.7,
                   "a comma ending a paragraph, where print sets a stop: a stop misread, "
                   "or the paragraph broken where the sentence goes on", (".",))
    for m in SIGN_BETWEEN_WORDS.finditer(text):
        yield Flag(m.start(), m.end(), m.group(), "standing-mark", 0.7,
                   "a sign standing between two words, where print sets none: a speck", ("",))
    for m in EXCLAMATION_BEFORE_SMALL.finditer(text):
        yield Flag(m.start(), m.end(), "!", "exclamation-before-small", 0.7,
                   "'!' before a small letter: an 'l' misread, or a speck", ("l", ""))
    for m in STRAY_HYPHEN.finditer(text):
        yield Flag(m.start(), m.end(), m.group(), "stray-hyphen", 0.7,
                   "a hyphen joining a word to nothing: a speck", ("",))
    if closed_dashes(text):
        for m in DASH_ALONE.finditer(text):
            yield Flag(m.start(), m.end(), m.group(), "standing-mark", 0.6,
                       "a dash standing alone in a text that closes its dashes up "
                       "(word—word): a speck, or a dash misplaced", ("",))
