"""Commas lost around a phrase set off: print sets ``of course``, ``for
example``, ``on the other hand``, ``however`` inside a sentence between two
commas, so one of them found alone means the engine lost the other (a
comma's tail is the faintest stroke on the page, and its dot alone is often
dropped as a speck). The phrases are ``data/parentheticals.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import binding_words, parentheticals
from clean_scan.word_classes import COORDINATING, usual_class

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

@lru_cache(maxsize=1)
def _phrase_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The phrase with its closing comma after a word with none (the opening
    comma lost), and the phrase after an opening comma with none after it,
    the sentence going on in small letters (the closing comma lost)."""
    phrases = parentheticals()
    every, paired = _alternation(phrases), _alternation(p for p, pair in phrases.items() if pair)
    opening_lost = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’.-])(?P<word>\p{{L}}*\p{{Ll}})\K"
        rf"(?=[ \t]+(?P<phrase>{every}),[ \t]+\p{{Ll}})")
    closing_lost = regex.compile(rf"(?<=,[ \t]+(?:{paired}))(?=[ \t]+(?P<next>\p{{Ll}}+))")
    return opening_lost, closing_lost


def _alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation, a space in one any run of spaces."""
    return "|".join(regex.escape(phrase).replace(r"\ ", "[ \t]+") for phrase in phrases)


def parenthetical_comma(line: str, doc: Lines) -> list[Proposal]:
    """A phrase set off inside a sentence with one of its two commas: the
    other, lost, is put back.

    >>> from clean_scan.stages.characters import show
    >>> show(parenthetical_comma, '"old" and "new" do not of course, refer to age')
    '"old" and "new" do not, of course, refer to age'
    >>> show(parenthetical_comma, "The Party in contrast, understood; it was however, clear")
    'The Party, in contrast, understood; it was, however, clear'
    >>> show(parenthetical_comma, "the Party, on the other hand the Communists fought")
    'the Party, on the other hand, the Communists fought'

    Left alone: a phrase opening its sentence (``Of course, the``), after a
    conjunction (``but of course, the``) or a mark, with both commas or
    neither; an ``of`` phrase after a noun, whose complement it is (``a
    matter of course,``); a phrase going on into its own complement (``, in
    contrast with``); and ``however`` with its comma before only
    (``, however much``: a degree, no phrase set off).

    >>> show(parenthetical_comma, "Of course, the war, but of course, the peace; of course the")
    'Of course, the war, but of course, the peace; of course the'
    >>> show(parenthetical_comma, "as a matter of course, developed; and, in contrast with all")
    'as a matter of course, developed; and, in contrast with all'
    >>> show(parenthetical_comma, "it rests, however much we may dislike it, with the Party")
    'it rests, however much we may dislike it, with the Party'
    """
    opening_lost, closing_lost = _phrase_patterns()
    fixes = [Proposal(m.start(), m.end(), ",", "parenthetical-comma", 0.85,
                      "a phrase set off inside a sentence, its comma after it printed: "
                      "the comma before it lost")
             for m in opening_lost.finditer(line)
             if m.group("word").lower() not in COORDINATING
             and not _complement(m.group("word"), m.group("phrase"))]
    fixes += [Proposal(m.start(), m.end(), ",", "parenthetical-comma", 0.85,
                       "a phrase set off inside a sentence, its comma before it printed: "
                       "the comma after it lost")
              for m in closing_lost.finditer(line)
              if binding_words().get(m.group("next")) != "stop"]
    return fixes


@lru_cache(maxsize=1)
def _set_off_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A phrase closed by a comma or a stop (read where a comma's tail was
    lost) at a position, and one opened so (or opening the line, and perhaps
    its sentence) ending at a position."""
    every = _alternation(parentheticals())
    return (regex.compile(rf"[ \t]+(?:{every})[,.][ \t]"),
            regex.compile(rf"(?:^[ \t]*|[,.;][ \t]+)(?i:{every})$"))


def sets_off_phrase(line: str, start: int, end: int) -> bool:
    """Whether the mark at ``line[start:end]`` opens or closes a phrase set
    off (``do not. of course, refer``, ``on the other hand. the``): a
    comma there, never a speck.

    >>> line = "do not. of course, refer; the other hand. the"
    >>> sets_off_phrase(line, 6, 7), sets_off_phrase(line, 40, 41)
    (True, False)
    >>> sets_off_phrase("On the other hand. if the", 17, 18)
    True
    """
    after, before = _set_off_patterns()
    return after.match(line, end) is not None or before.search(line, 0, start) is not None


def _complement(word: str, phrase: str) -> bool:
    """Whether a phrase opening with ``of`` follows a noun, whose complement
    it then is (``a matter of course``), not a phrase set off."""
    return phrase.startswith("of") and usual_class(word) == "n"


def parenthetical_lines(doc: Lines) -> set[int]:
    """The lines holding a phrase of ``data/parentheticals.txt`` with one of
    its commas (a phrase parted by a line end is not looked for)."""
    phrases = parentheticals()
    return doc.lines_with(*(f" {phrase}," for phrase in phrases),
                          *(f", {phrase} " for phrase, pair in phrases.items() if pair))
