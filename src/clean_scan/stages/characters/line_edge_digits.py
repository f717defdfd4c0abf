"""A figure alone at a line's edge inside a sentence: a margin's dirt.

A speck in the margin, or the edge of the scan, is read as a figure as
often as a letter or a mark (``such 4`` / ``entities as``, ``the most 3`` /
``successful``). Prose of the 1940s spells small numbers out: where the
document never sets a figure alone between small words inside its lines, a
figure alone at a line's end or start, with the sentence running on in
small letters on both sides, is no number but the margin's dirt. A
newspaper (``and 4 perches``, ``at 7 dollars``) sets figures so, and keeps
them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import function_words, load_lexicon, numbering_words
from clean_scan.stages.characters.next_words import next_text, previous_text
from clean_scan.stages.characters.specks import SPECKY

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

LINE_END_DIGIT = regex.compile(r"(?<=(?P<word>\p{Ll}{2,})[,;]?)[ \t]+\d[ \t]*$")
"""A figure alone at a line's end after a word in small letters."""
LINE_START_DIGIT = regex.compile(r"^[ \t]*\d[ \t]+(?=(?P<word>\p{Ll}{2,})\b)")
"""A figure alone at a line's start before a word in small letters."""
EDGE_DIGIT = regex.compile(rf"{LINE_END_DIGIT.pattern}|{LINE_START_DIGIT.pattern}",
                           regex.MULTILINE)
"""Either: the lines the rule can change at all."""
INSIDE_DIGIT = regex.compile(r"(?<=\p{Ll}[ \t])\d(?=[ \t]\p{Ll})")
"""A figure alone between two small words inside a line."""
NUMBERING_TOO = frozenset(("figure", "proposition", "and", "or", "to", "by", "from", "of",
                           "between"))
"""Besides :func:`clean_scan.lexicon.numbering_words`, words after which a
figure in running text is a number (``3 to 4``, ``2 and``, ``proposition 7``)."""


@lru_cache(maxsize=1)
def _numbered_by() -> regex.Pattern:
    """A word ending the text before a figure that makes the figure a number."""
    words = "|".join(sorted(numbering_words() | NUMBERING_TOO, key=lambda w: (-len(w), w)))
    return regex.compile(rf"(?i)\b(?:{words})$")


def line_edge_digit(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document that sets no figure alone between small words
    inside its lines, a figure alone at a line's edge, the sentence running
    on in small letters across it, goes (at a line's end, in any such
    document where it stands between two function words; at a page's end,
    where the next page goes on in small letters (:func:`next_text` reads
    past the page break); at a block's start, the
    sentence running on from the line above the blank line an engine put
    there).

    >>> from clean_scan.stages.characters import show
    >>> page = "and -with -from -the\\n"
    >>> show(line_edge_digit, "there are such 4", before=page, after="\\nentities as")
    'there are such'
    >>> show(line_edge_digit, "3 successful attempts", before=page + "one of the most\\n")
    'successful attempts'
    >>> show(line_edge_digit, "4 remains", before=page + "a planned economy. It still\\n\\n")
    'remains'
    >>> show(line_edge_digit, "an agreement on which 4", before=page, after="\\n\\nthey stood")
    'an agreement on which'
    >>> show(line_edge_digit, "an agreement on which 4", before=page, after="\\n\\f\\npermanent")
    'an agreement on which'

    In any document, a figure between two function words:

    >>> show(line_edge_digit, "consisted of men who, in 4", after="\\nthe full sense")
    'consisted of men who, in'

    Left alone: a number after a word that numbers (``page 4``, ``from 3``),
    a figure before a capital, a stop or a fragment of no word (``3 oe``,
    the margin's dirt for the margin rule to judge whole), a page with
    notes (the figure may be a reference set apart), a document that sets
    figures in its prose (``the 2 men``), and any clean document, but
    between function words.

    >>> show(line_edge_digit, "as we saw on page 4", before=page, after="\\nand in")
    'as we saw on page 4'
    >>> show(line_edge_digit, "there are such 4", before=page + "we had 2 men and 3 women\\n",
    ...      after="\\nentities as")
    'there are such 4'
    """
    if _figures_in_prose(doc.text):
        return []
    # a note's reference set apart may stand at a line's edge, but not
    # between two function words
    specky = doc.speck_rate >= SPECKY and not doc.note_page[doc.index]
    fixes = []
    end = LINE_END_DIGIT.search(line)
    following = next_text(doc).lstrip(SPECK_MARKS)  # ``‘permanent``: a speck before it
    going_on = following[:2].isalpha() and following[:1].islower()
    if end is not None and going_on and not _numbered_by().search(end.group("word")) \
            and (specky or _between_function_words(end.group("word"), following)):
        fixes.append(Proposal(end.start(), end.end(), "", "line-edge-digit", 0.85,
                              "a figure alone at the line's end inside a sentence: "
                              "the margin's dirt"))
    start = LINE_START_DIGIT.match(line)
    before = previous_text(doc)
    if specky and start is not None and load_lexicon().common(start.group("word")) and \
            regex.search(r"\p{Ll}{2}[,;]?$", before) and \
            not _numbered_by().search(before.rstrip(",;").rsplit(None, 1)[-1]):
        fixes.append(Proposal(start.start(), start.end(), "", "line-edge-digit", 0.85,
                              "a figure alone at the line's start inside a sentence: "
                              "the margin's dirt"))
    return fixes


def _between_function_words(word: str, following: str) -> bool:
    """Whether a figure stands between two function words (``men who, in
    4`` / ``the full sense``, ``on which 4`` / ``they``): no number stands
    there, in a clean document too (``in 4 days`` has a noun after it), but
    after a word that gives a time or a count (``at 4 the meeting``)."""
    after = regex.match(r"\p{Ll}+", following)
    return word in function_words() and word not in TIME_WORDS and after is not None \
        and after.group() in function_words()


SPECK_MARKS = "‘’'\"“”"
"""Quotes a speck gives before the next line's first word."""


TIME_WORDS = frozenset(("at", "by", "to", "till", "until", "after", "before", "from", "about",
                        "over", "under", "than", "of"))
"""Words a time or a count may follow (``at 4 the meeting``, ``of 2 the``)."""


@lru_cache(maxsize=2)
def _figures_in_prose(text: str) -> bool:
    """Whether the text sets a figure alone between small words inside a
    line twice or more: it writes numbers so."""
    return len(INSIDE_DIGIT.findall(text)) >= 2
