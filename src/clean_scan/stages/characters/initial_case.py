"""The case of a word's first letter: the letters a learned substitution
puts at a word's start (a capital at a sentence's start, for a name, or
where the engine never reads the capital; else the small letter), and a
paragraph's opening capital ``I`` read as the small letter."""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import load_lexicon, proper_names
from clean_scan.stages.characters.lines import Lines

SENTENCE_END = regex.compile(r"(?:^|[.!?][’”\"')]*)\s*$")


def initial_case(text: str, start: int, letters: str, read: str, doc: Lines | None,
                 unread: bool = False, small_uses: int = 0) -> str:
    """The case of ``letters`` put for a capital or an unread glyph
    (``unread``) opening a word, ``read`` as rewritten: a capital at a
    sentence's start, for a name (``Lenin``: one the lexicon knows written
    only so, or the document prints so more often than in small letters),
    for a glyph the engine could not read where it never reads the capital
    (:func:`_capital_never_read`), else small (``W`` is how the engine reads
    ``tr`` anywhere). For an unread glyph, the word counts as printed in
    small letters too where it is read only through the glyph
    (``small_uses``: GOCR's ``_nd`` for ``and``, in any case)."""
    if opens_sentence(text, start) or read.lower() in proper_names() or \
            (unread and doc is not None and _capital_never_read(letters[0], doc)):
        return letters.capitalize()
    if doc is not None and \
            doc.count_as_printed(read.capitalize()) > \
            max(doc.count_as_printed(read.lower()), small_uses):
        return letters.capitalize()
    return letters


NEVER_READ_SHARE = 0.01
"""A capital the document holds fewer times than this share of its small
letter the engine does not read: a pamphlet prints some capital of a
letter common in small type (a heading, a name, a sentence's start)."""
NEVER_READ_MIN_SMALL = 100
"""How often the small letter must stand for its capital's absence to say so."""


def _capital_never_read(letter: str, doc: Lines) -> bool:
    """Whether the engine never reads ``letter``'s capital in this document
    though it reads the small letter again and again: a glyph it could not
    read where that letter belongs is then the capital (a glyph it reads
    every time is not the one it failed on). Ocrad, in some faces, reads no
    capital ``P`` at all and gives ``_arty`` for ``Party``.

    >>> from clean_scan.stage import Context
    >>> page = "the people put their papers up " * 20
    >>> _capital_never_read("p", Lines(page, Context()))
    True
    >>> _capital_never_read("p", Lines(page + "Peter and Paul and Pavlov", Context()))
    False
    """
    counts = doc.character_counts
    small = counts[letter.lower()]
    return small >= NEVER_READ_MIN_SMALL and counts[letter.upper()] < NEVER_READ_SHARE * small


def opens_sentence(text: str, start: int) -> bool:
    """Whether a sentence opens at ``start``: the text's or a paragraph's
    start, or after a sentence's end."""
    return SENTENCE_END.search(text[max(0, start - 4):start]) is not None


PARAGRAPH_OPENING_I = regex.compile(r"^(?P<lead>[ \t]*)i(?P<rest>\p{Ll}+)(?=[ \t,;:]|$)",
                                    regex.MULTILINE)
"""A paragraph's first word in small letters opening with ``i``."""


def paragraph_opening_capital(line: str, doc: Lines) -> list[Proposal]:
    """A paragraph opening after one that closed its sentence, with a word
    in small letters whose first letter is ``i`` (``in most capitalist
    countries``): the capital ``I``, whose only mark the engine lost or took
    for a dot, read as the small one. A sentence opens there, so its first
    letter is a capital; the other small letters are left alone (a blank
    line the engine made inside a paragraph breaks no sentence, and its
    words are read elsewhere).

    >>> from clean_scan.stages.characters import show
    >>> show(paragraph_opening_capital, "in most countries it began", before="found herself.\\n\\n")
    'In most countries it began'
    >>> show(paragraph_opening_capital, "it is important", before="of dispute* — Bie ;\\n\\n")
    'It is important'

    Left alone: a paragraph going on from one that did not close its
    sentence, an abbreviation (``ibid.``), and a word no lexicon knows.

    >>> show(paragraph_opening_capital, "in most countries", before="and then\\n\\n")
    'in most countries'
    >>> show(paragraph_opening_capital, "ibid. p. 4", before="found herself.\\n\\n")
    'ibid. p. 4'
    """
    m = PARAGRAPH_OPENING_I.match(line)
    if m is None or not doc.paragraph_start() or not _after_closed_paragraph(doc):
        return []
    word = "i" + m.group("rest")
    if line[m.end():m.end() + 1] == "." or not load_lexicon().common(word):
        return []
    return [Proposal(m.end("lead"), m.end("lead") + 1, "I", "paragraph-opening-capital", 0.85,
                     f"'{word}' opens a paragraph after a closed sentence: its capital I "
                     "read as the small letter")]


def _after_closed_paragraph(doc: Lines) -> bool:
    """Whether the last line before the current paragraph (past blank lines
    and a page break) closes a sentence."""
    back = 1
    while doc.index - back >= 0 and doc.line(-back).strip() in ("", "\f"):
        back += 1
    if doc.index - back < 0:
        return False
    last = doc.line(-back)
    return SENTENCE_CLOSED.search(last) is not None or CLOSED_BY_REFERENCE.search(last) is not None


SENTENCE_CLOSED = regex.compile(r"\p{L}{2,}[.!?][’”\"')]*[ \t]*$")
CLOSED_BY_REFERENCE = regex.compile(
    r"\p{Ll}{2,}[.!?]?[*†‡](?:[ \t]+(?:[^\w\s]{1,3}|\p{L}{1,3}))*[ \t]*$")
"""A word and a note's reference mark end the paragraph's last line, a
margin's dirt perhaps after them (``questions of dispute* — Bie ;``): print
sets a reference where a sentence ends, so the stop the engine lost closed
it."""


def glyph_reading_case(text: str, start: int, printed: str, word: str,
                        doc: Lines | None) -> str:
    """``word``, a reading of ``printed`` through its unread glyph, in the
    case its place asks: the place's where the glyph opens it, capitalised
    where a capital does."""
    if printed[0] == "_":
        return initial_case(text, start, word, word, doc, unread=True)
    return word.capitalize() if printed[0].isupper() else word
