"""Whether a text's stops before small letters are misread commas or specks.

A stop before a small letter ends no sentence: it is a comma whose tail did
not print, or dirt the engine read as a stop. Which of the two a text's
stops mostly are depends on its type and its scan (some faces lose the
comma's tail, some papers are speckled), and the text itself tells: commas
stand where clauses part, so a word opening a clause (``and``, ``which``,
``but``) follows a comma far more often than it follows any word; dirt falls
anywhere, so after a speck such words come no oftener than anywhere in the
text. Where the stops before small letters are followed by clause openers no
oftener than the text's words in general, they are specks.
"""

from __future__ import annotations

from collections import Counter

import regex

from clean_scan.lexicon import clause_openers

STOP_BEFORE_SMALL_WORD = regex.compile(r"\p{L}\.[ \t]*\n?[ \t]*(\p{Ll}+)")
SMALL_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])")

MIN_STOPS = 20
"""Stops before small letters a text must have for their census to say anything."""
COMMA_EXCESS = 1.25
"""How much oftener than the text's words in general clause openers must
follow those stops for them to be taken for commas."""


def stops_are_specks(text: str) -> bool:
    """Whether the text's stops before small letters are specks, not commas:
    the words after them open clauses no oftener than the text's words do.

    >>> words = "the plan was made by the council in the spring of that year "
    >>> stops_are_specks(words * 4 + "the plan. was made by. the council in the. spring " * 10)
    True
    >>> stops_are_specks(words * 4 + "the plan was made. and the council. which met " * 10)
    False
    >>> stops_are_specks("too few. to tell. and so on")
    False
    """
    after = [m.group(1) for m in STOP_BEFORE_SMALL_WORD.finditer(text)]
    if len(after) < MIN_STOPS:
        return False
    openers = clause_openers()
    words = SMALL_WORD.findall(text)
    base = sum(w in openers for w in words) / len(words)
    share = sum(w in openers for w in after) / len(after)
    return share <= COMMA_EXCESS * base


MIN_OPENINGS = 3
"""Times a small word must follow a stop to be taken for a misread opener."""
OPENING_SHARE = 0.5
"""The share of a small word's uses that must follow a stop for it to be
taken for a misread opener."""


def misread_openers(text: str) -> frozenset[str]:
    """Small words that follow a stop in most of their uses: words opening
    sentences whose capital the engine misread (GNU Ocrad reads Bonum's
    ``Th`` as ``m``, so ``The`` is ``me`` after every stop). A comma that
    lost its tail stands before the text's words as any comma does, so no
    one word follows those stops in most of its uses but words that open
    clauses (``because``, ``nor``), which follow commas by nature.

    >>> misread_openers("It ended. me plan was made. me council met. me rest, and me too")
    frozenset({'me'})
    >>> sorted(misread_openers("the plan. and the council. and so on, and on and on"))
    []
    >>> sorted(misread_openers("it failed. because of it. because they. because we"))
    []
    """
    after = Counter(m.group(1) for m in STOP_BEFORE_SMALL_WORD.finditer(text))
    if not after:
        return frozenset()
    used, openers = Counter(SMALL_WORD.findall(text)), clause_openers()
    return frozenset(word for word, n in after.items()
                     if n >= MIN_OPENINGS and n >= OPENING_SHARE * used[word]
                     and word not in openers)
