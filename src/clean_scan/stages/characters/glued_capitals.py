"""Words glued to a capitalised word: a speck read as a small letter
before it (``iThe``), and a short function word whose narrow space the
engine lost (``ofRussia``, ``ofMr.``)."""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import function_words, load_lexicon, name_titles
from clean_scan.stages.characters.lines import (
    Lines,
    show,  # noqa: F401 (the examples use it)
)

# --- a speck read as a small letter before a capital ---------------------

LETTER_BEFORE_CAPITAL = regex.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<speck>\p{Ll})(?P<word>\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}'’-])")
SMALL_THEN_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}{2}")
"""What the repair's gate looks for: one search of the text, a third the
time of the repair's own pattern."""


def letter_before_capital(line: str, doc: Lines) -> list[Proposal]:
    """No word is spelt with a small letter before its capital (``iThe``):
    a speck read as a letter glued before a capitalised word goes, where the
    word is known (names like ``McKay`` have their capital first), and the
    document's learned misreadings do not read the whole a word (``eRect``,
    ``R`` its ``ff``: :mod:`.learned`).

    >>> show(letter_before_capital, "victorious. iThe Bolsheviks came, eRussia and tZzyx")
    'victorious. The Bolsheviks came, Russia and tZzyx'
    """
    lexicon = load_lexicon()
    return [Proposal(m.start("speck"), m.end("speck"), "", "letter-speck-before-capital", 0.9,
                     f"'{m.group()}': no word has a small letter before its capital: a speck")
            for m in LETTER_BEFORE_CAPITAL.finditer(line)
            if (m.group("word").lower() in lexicon or doc.count(m.group("word")) >= 2)
            and m.group() not in doc.learned_readings]


# --- a short word glued to the capitalised word after it -----------------

SMALL_BEFORE_CAPITAL = regex.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<small>\p{Ll}{2,4})"
    r"(?P<word>\p{Lu}\p{Ll}{2,}|\p{Lu}\p{Ll}{1,5}(?=\.)|I)(?![\p{L}\p{N}'’-])")
GLUED_CAPITAL_NEEDLE = regex.compile(r"\p{Ll}(?:\p{Lu}\p{Ll}{2}|\p{Lu}\p{Ll}{1,2}\.|I(?!\p{L}))")
"""What the repair's gate looks for: a small letter before a capital that
opens a word or a title (``Mr.``) or is the pronoun."""


def glued_to_capital(line: str, doc: Lines) -> list[Proposal]:
    """A function word glued to the capitalised word after it (``ofRussia``,
    ``ofState``, ``ifI``, ``ofMr.``: the narrow space beside a short word
    lost, as GNU Ocrad loses it) is parted: no word has a capital after its
    first letters, and the particles of names (``Mc``, ``De``, ``van``) are
    no function words. The capitalised word must be known, or printed twice:
    an engine that reads a ligature as a capital (Ocrad's ``inRicting`` for
    ``inflicting``) glues no word. A title shortened with a stop (``Mr.``,
    ``St.``) is parted when it is one. A word the document's learned
    misreadings read whole (``overRowed``, ``R`` its ``fl``) is one word.

    >>> show(glued_to_capital, "the history ofRussia and the rest ofEurope, McKay, inRicting")
    'the history of Russia and the rest of Europe, McKay, inRicting'
    >>> show(glued_to_capital, "I know that, ifI move, the parts")
    'I know that, if I move, the parts'
    >>> show(glued_to_capital, "the motion ofMr. Davis, the men ofSt. Kilda")
    'the motion of Mr. Davis, the men of St. Kilda'

    Left alone: a short word after a piece no function word (``McKay``,
    ``deGaulle``), and a shortened word no title (``inXq.``).

    >>> show(glued_to_capital, "McKay and deGaulle, tooXyzzy, inXq. or moDem")
    'McKay and deGaulle, tooXyzzy, inXq. or moDem'
    """
    lexicon, closed, titles = load_lexicon(), function_words(), name_titles()
    fixes = []
    for m in SMALL_BEFORE_CAPITAL.finditer(line):
        small, word = m.group("small"), m.group("word")
        if m.group() in doc.learned_readings:
            continue  # a word read whole through the document's own misreads (``overRowed``)
        shortened = line.startswith(".", m.end()) and word.lower() in titles
        if small not in closed or not (word.lower() in lexicon or doc.count(word) >= 2
                                       or shortened):
            continue
        fixes.append(Proposal(m.start(), m.end(), f"{small} {word}", "glued-to-capital", 0.9,
                              f"'{m.group()}': no word has a capital after its first letters; "
                              f"'{small} {word}' with the space beside a short word lost"))
    return fixes
