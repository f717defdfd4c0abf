"""A colon that a sentence's earlier marks show to be a semicolon misread.

A semicolon whose comma tail did not print, or printed faint, is read as a
colon: rough scans read a tenth to a half of their semicolons so. Print sets
one colon in a sentence as a rule, so a colon before a small letter is a
semicolon where its sentence has already set a colon: ``from Domain: supply
of stone: construction of gullies`` — the second colon of the series is one
of its semicolons. Nor does print set a colon after a semicolon, but before
the clause that explains the one before it, opening with its subject
(``debates; the reason was economic: it paid``): ``discharged, 29;
admitted, 10: died`` is a series parted by semicolons. In a specky text a
colon before a function word that opens no clause (``raising: of``,
``minority: was``) is a speck, for the doubtful stage to flag.

A colon after a word that introduces (``for example:``, ``as follows:``,
``namely:``; ``data/colon-introducers.txt``) is one, wherever it stands,
and a mark after a function word (``was: taken``) is a speck, not one of
the sentence's marks: no clause ends there.

A colon before a capital opens a quotation, a speech or a list as often as
a clause, so one or two in a sentence tell nothing; but no sentence of print
sets three colons: a series of names or charges parted by semicolons
(``Burgess, stealing: Edward Jones, receiving: Amy Bowen, assault``) is one
whose semicolons the engine read as colons, and each colon after its first
is one of them, but after an initial (a stop misread) or a word in capitals
(a speaker's name). The first stays, since a series' introduction is one
(``the sentences were passed: William Morris, …``).

The first colon of a sentence is left alone, whatever follows it: only the
sentence's own marks tell, and one colon tells nothing. A sentence ends at a
paragraph's end and at any stop before a space that closes no abbreviation
or initial, a stop misread from a comma too (the sentence then only ends
early, and a colon after it is left alone); a mark standing apart from the
words (``to : be``) is a speck, not one of the sentence's marks.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import (
    clause_openers,
    clause_subjects,
    colon_introducers,
    function_words,
    stop_abbreviations,
)
from clean_scan.stages.characters.next_words import word_before
from clean_scan.stages.characters.specks import SPECKY

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

SENTENCE_MARK = regex.compile(
    r"(?P<colon>(?<=[\p{L}\d)’”])(?=:[ \t]*\n?[ \t]*(?P<next>\p{Ll}+)):)"
    r"|(?P<semicolon>(?<=[\p{L}\d)’”]);)"
    r"|(?P<other>(?<=[\p{L}\d)’”]):)"
    r"|(?P<stop>[.!?](?=[’”'\")\]]*\s))"
    r"|(?P<paragraph>\n[ \t]*\n)")


@lru_cache(maxsize=4)
def semicolon_colons(text: str, specky: bool = False) -> tuple[int, ...]:
    """The offsets of the colons before a small letter that follow a colon,
    or a semicolon but before a pronoun, in their sentence; in a ``specky``
    text not one before a function word that opens no clause (``raising:
    of``, ``minority: was``: specks). Worked out once per text (the text's
    hash is kept by the string).

    >>> text = "tenders from Domain: supply of stone: and gullies. Then: all"
    >>> [text[k - 5:k + 1] for k in semicolon_colons(text)]
    ['stone:']
    >>> semicolon_colons("as follows: the first; the second. Mr. Smith: yes")
    ()
    >>> semicolon_colons("the rules were these: the members paid, for example: for the hall")
    ()
    >>> semicolon_colons("long debates; the reason was economic: it paid them")
    ()
    >>> text = "remaining, 29; admitted, 10: discharged, 17"
    >>> [text[k - 2:k + 1] for k in semicolon_colons(text)]
    ['10:']
    """
    found = []
    abbreviations, introducers = stop_abbreviations(), colon_introducers()
    closed, subjects, openers = function_words(), clause_subjects(), clause_openers()
    marked, opened = "", 0  # the mark the sentence has set: "", ":" or ";"
    for m in SENTENCE_MARK.finditer(text):
        if m.group("paragraph") is not None:
            marked, opened = "", m.end()
            continue
        before = word_before(text, m.start()).lower()
        if m.group("stop") is not None:
            if len(before) > 1 and before not in abbreviations:
                marked, opened = "", m.end()  # a sentence's end (``Mr.``, ``J.``: none)
        elif before in closed:
            continue  # no clause ends in ``was`` or ``in``: a speck, no mark of the sentence
        elif m.group("semicolon") is not None:
            marked = marked or ";"
        elif m.group("colon") is None:  # a colon before a capital
            marked = ":"
        else:
            following = m.group("next")
            if specky and following in closed and following not in subjects and \
                    following not in openers:
                continue  # a speck before ``of`` or ``was``: no clause opens there
            if marked and m.start() - opened <= LONGEST_SENTENCE and before not in introducers \
                    and not (marked == ";" and following in PERSONAL_SUBJECTS):
                found.append(m.start())
            marked = ":"
    return tuple(sorted(found + series_colons(text)))


SERIES_MARK = regex.compile(
    r"(?P<colon>(?<=(?P<word>\p{L}+)[)’”]?):)"
    r"|(?P<stop>(?<=(?P<closed>\p{L}*))[.!?][’”'\")\]]*\s+(?=[\"“‘']?\p{Lu}))"
    r"|(?P<paragraph>\n[ \t]*\n)")
BEFORE_CAPITAL = regex.compile(r"[ \t]*\n?[ \t]*\p{Lu}")
SERIES_LENGTH = 3
"""Colons in one sentence past which print's usage leaves only a series
read with colons for its semicolons."""


def series_colons(text: str) -> list[int]:
    """The offsets of the colons before a capital that follow a colon in a
    sentence setting :data:`SERIES_LENGTH` or more (see the module's
    docstring). One after a word in capitals ends a speaker's or a mover's
    name (``By Alderman THURLOW: That``), and one after an initial is its
    stop. A sentence here ends only at a stop before a capital that closes
    no initial or abbreviation: a stop before a small letter is a comma
    misread as often, and in such a series more often.

    >>> text = "Burgess, stealing: Edward Jones, receiving: Amy Bowen, assault: Tom Dry, theft."
    >>> [text[k - 7:k + 1] for k in series_colons(text)]
    ['ceiving:', 'assault:']
    >>> text = "Mr A. Hay to be captain, Infantry: Mr J. E: Wilson, Cavalry: Mr T. Bell, Artillery."
    >>> [text[k - 7:k + 1] for k in series_colons(text)]
    ['Cavalry:']
    >>> series_colons("He said: Go. Then: Stay. And: Come.")
    []
    >>> series_colons("By Alderman SMITH: That the rate be struck: Carried, Mr Jones dissenting.")
    []
    """
    found: list[int] = []
    colons: list[tuple[int, str]] = []
    abbreviations = stop_abbreviations()
    for m in SERIES_MARK.finditer(text):
        if m.group("colon") is not None:
            colons.append((m.start(), m.group("word")))
            continue
        if m.group("stop") is not None and (len(m.group("closed")) < 2 or
                                            m.group("closed").lower() in abbreviations):
            continue  # ``Mr.``, ``J.``: no sentence's end
        found.extend(_series_semicolons(text, colons))
        colons = []
    return found + _series_semicolons(text, colons)


def _series_semicolons(text: str, colons: list[tuple[int, str]]) -> list[int]:
    """Of one sentence's ``colons`` (offset, word before), those of a series
    that stand for its semicolons."""
    if len(colons) < SERIES_LENGTH:
        return []
    return [k for k, word in colons[1:]
            if len(word) > 1 and not word.isupper() and BEFORE_CAPITAL.match(text, k + 1)]


PERSONAL_SUBJECTS = frozenset(("i", "you", "he", "she", "it", "we", "they", "there"))
"""The pronouns that open a clause explaining the one before, after a colon
a semicolon has preceded (``debates; the reason was economic: it paid``)."""
LONGEST_SENTENCE = 800
"""Characters past which a stretch with no sentence's end is no sentence
whose marks can be told apart: the engine lost its stops, and its colons
are as likely specks."""


def colon_lines(doc: Lines) -> set[int]:
    """The lines holding one of :func:`semicolon_colons`."""
    return {bisect_right(doc.starts, k) - 1
            for k in semicolon_colons(doc.text, doc.speck_rate >= SPECKY)}


def semicolon_read_as_colon(line: str, doc: Lines) -> list[Proposal]:
    """A colon before a small letter after a colon (or a semicolon, but
    before a pronoun) in its sentence, or one of a series (three colons in a
    sentence or more), is a semicolon misread (see the module's docstring).

    >>> from clean_scan.stages.characters import show
    >>> show(semicolon_read_as_colon, "the cost of metal: supply of carts: fencing of the main")
    'the cost of metal: supply of carts; fencing of the main'
    >>> show(semicolon_read_as_colon, "the first: the second: and", after="\\nthe third")
    'the first: the second; and'

    Left alone: a sentence's one colon, and a colon after a sentence's end.

    >>> show(semicolon_read_as_colon, "it was so: the rest came. Then: all went")
    'it was so: the rest came. Then: all went'
    """
    start = doc.starts[doc.index]
    end = start + len(line)
    colons = semicolon_colons(doc.text, doc.speck_rate >= SPECKY)
    first = bisect_right(colons, start - 1)
    return [Proposal(k - start, k - start + 1, ";", "semicolon-read-as-colon", 0.85,
                     "a colon after a colon or semicolon in its sentence: a semicolon misread")
            for k in colons[first:] if k < end]
