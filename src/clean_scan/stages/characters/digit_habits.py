"""Digits an engine prints for letters throughout a document: its habit.

GOCR in some faces gives ``1`` for every ``l`` beside letters
(``Coo1amon``, ``Chaur1es``), more often than it prints an ``l`` at all. A
document that prints a digit beside letters more often than the letter
itself has the habit, and its digits there are that letter.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from clean_scan.charmaps import LETTERS_FOR_DIGIT
from clean_scan.document import Proposal

HAS_0158 = regex.compile(r"(?<=\p{L})[0158]|[0158](?=\p{L})")
"""A 0, 1, 5 or 8 beside a letter, which a word with such a digit has: a
quick test of a line before the slower search of its words."""
IN_WORD_0158 = regex.compile(r"(?<=\p{L}[0158]*)[0158]|[0158](?=[0158]*\p{L})")
"""Each such digit of a word, runs of them too (``Wi111am``)."""


@lru_cache(maxsize=4)
def digit_habits(text: str) -> frozenset[tuple[str, str]]:
    """The ``(digit, letter)`` pairs of a document that prints the digit
    beside letters more often than the letter itself: an engine's habit,
    not a slip (a text asked again and again, line by line: remembered).

    >>> sorted(digit_habits("wi11 ca11 a11 we11 in the 1and, it is his, it is in it"))
    [('1', 'l')]
    >>> digit_habits("all will call in 1914")
    frozenset()
    """
    counts = Counter(text)
    beside = Counter(HAS_0158.findall(text))
    return frozenset((digit, letter) for digit, n in beside.items() if n >= HABIT_MIN_USES
                     for letter in LETTERS_FOR_DIGIT[digit] if counts[letter] < n)


HABIT_MIN_USES = 3
"""The fewest digits beside letters that show a habit: one or two are slips."""


def habitual(token: str, reading: str, habits: frozenset[tuple[str, str]]) -> bool:
    """Whether each digit of ``token`` is, in ``reading``, the letter the
    document habitually reads as that digit."""
    return bool(habits) and all((c, reading[i]) in habits
                                for i, c in enumerate(token) if c.isdecimal())


def habit_view(text: str) -> tuple[str, frozenset[int]]:
    """The text with each digit its habit prints beside letters read as
    the letter (one character for one, so offsets hold), and where: the
    view a repair learning from words needs (``Chaur1es`` is ``Chaurles``,
    whose ``aur`` it can read).

    >>> view, where = habit_view("Chaur1es and Coo1amon in 1914, wi11 ca11 a11")
    >>> view, sorted(where)
    ('Chaurles and Coolamon in 1914, will call all', [5, 16, 33, 34, 38, 39, 42, 43])
    """
    letters: dict[str, str] = {}
    for digit, letter in sorted(digit_habits(text)):  # the letter it prints least, if two
        if digit not in letters or text.count(letter) < text.count(letters[digit]):
            letters[digit] = letter
    if not letters:
        return text, frozenset()
    chars, where = list(text), set()
    for m in IN_WORD_0158.finditer(text):
        letter = letters.get(m.group())
        if letter is not None:
            chars[m.start()] = letter
            where.add(m.start())
    return "".join(chars), frozenset(where)


def with_read_digits(proposal: Proposal, view: str, read: frozenset[int]) -> Proposal:
    """A repair's proposal made on the :func:`habit_view`, widened to the
    whole word where the word holds a digit the view reads, that digit read
    in its replacement: the word is then changed in one piece, not left to
    two repairs whose overlapping changes would drop one.

    >>> view, read = habit_view("wi11 ca11 a11 Chaur1es we11")
    >>> with_read_digits(Proposal(16, 19, "ar", "r", 0.9, ""), view, read)[:3]
    (14, 22, 'Charles')
    """
    start, end = proposal.start, proposal.end
    while start > 0 and view[start - 1].isalpha():
        start -= 1
    while end < len(view) and view[end].isalpha():
        end += 1
    if not read.intersection(range(start, end)):
        return proposal
    return proposal._replace(start=start, end=end, replacement=view[start:proposal.start]
                             + proposal.replacement + view[proposal.end:end])
