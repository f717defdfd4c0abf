"""Dashes an engine read as hyphens.

Some engines (GNU Ocrad; the newspapers' engine) write no dash at all: a
printed em dash comes out as a hyphen, glued to the words either side
(``table-and``, ``Russia,-a``). In a text holding no dash, a hyphen that no
compound can hold is such a dash.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import (
    dash_openers,
    dash_prepositions,
    function_words,
    known_form,
    load_lexicon,
    name_titles,
    sentence_adverbs,
)

if TYPE_CHECKING:
    from clean_scan.stages.characters.lines import Lines

HYPHEN_AFTER_WORD = regex.compile(
    r"(?<=(?P<left>\p{L}+)(?P<mark>[,;:.!?)”’\"']?))-(?=(?P<right>\p{L}+)(?P<next>-?))")
"""A hyphen after a word (perhaps closed by a mark) and before one."""


def dashes_read_as_hyphens(line: str, doc: Lines) -> list[Proposal]:
    """In a text with no dash anywhere, a hyphen is a dash read short where
    no compound holds it: after a mark closing the word before it
    (``Russia,-a``, ``etc.-is``), or before a word that opens a phrase and
    ends no compound (``table-and``, ``truth-most`` aside: ``dash-openers``;
    ``consumption-in``: ``dash-prepositions``; a sentence adverb,
    ``principles-however``, or one of ``-ly``, ``members-generally``)
    after a word of content the lexicon knows, the pair being no compound
    it knows.

    >>> from clean_scan.stages.characters import show
    >>> show(dashes_read_as_hyphens, "the table-and the chair, Russia,-a land; etc.-is it")
    'the table—and the chair, Russia,—a land; etc.—is it'
    >>> show(dashes_read_as_hyphens, "consumption-in Russia, the Government-for its part")
    'consumption—in Russia, the Government—for its part'

    Words with an engine's unread glyph or glyph marks in them are read as
    the document's learned substitutions read them (``ide_ls-_s``:
    ``ideals-as``; :func:`_read_through_glyphs`).

    Left alone: compounds (``well-known``, ``built-in``, ``would-be``,
    ``free-and-easy``, ``up-to-the-minute``), ranks and titles set in short
    (``Lieut.-Col.``, ``L.-cpl``), and every hyphen in a text that writes a
    dash somewhere (its engine reads them).

    >>> show(dashes_read_as_hyphens, "a well-known, built-in and would-be free-and-easy way")
    'a well-known, built-in and would-be free-and-easy way'
    >>> show(dashes_read_as_hyphens, "Lieut.-Col. Smith, L.-cpl Brown and Maj.-Gen. Hill")
    'Lieut.-Col. Smith, L.-cpl Brown and Maj.-Gen. Hill'
    >>> show(dashes_read_as_hyphens, "the table-and the chair", before="a dash — here\\n")
    'the table-and the chair'

    At a line end the word opening the next line decides (a dash there is
    joined to it without a space; a word broken there is not touched):

    >>> show(dashes_read_as_hyphens, "its shape, smoothness, etc.-", after="\\nmay depend")
    'its shape, smoothness, etc.—'
    >>> show(dashes_read_as_hyphens, "the revolu-", after="\\ntion was won")
    'the revolu-'
    >>> show(dashes_read_as_hyphens, "from instances, al-", after="\\nthough some")
    'from instances, al-'
    """
    if doc.writes_dashes:
        return []
    found = [(m.start(), m.group("left"), m.group("mark"), m.group("right"))
             for m in HYPHEN_AFTER_WORD.finditer(line)
             if _no_compound(m.group("left"), m.group("mark"), m.group("right"), m.group("next"))]
    seen = {at for at, *_ in found}
    found += [f for f in _read_through_glyphs(line, doc) if f[0] not in seen]
    end = LINE_END_HYPHEN.search(line)
    start = LINE_START_WORD.match(doc.line(1)) if end is not None else None
    if start is not None and _no_compound(end.group("left"), end.group("mark"),
                                          start.group("right"), start.group("next")):
        found.append((end.end("mark"), end.group("left"), end.group("mark"), start.group("right")))
    return [Proposal(at, at + 1, "—", "dash-read-as-hyphen", 0.85,
                     f"no dash anywhere in the text: the engine reads a dash as a hyphen, and "
                     f"'{left}{mark}-{right}' is no compound")
            for at, left, mark, right in found]


HYPHEN_AFTER_GLYPHS = regex.compile(
    r"(?<![\p{L}_,.;:])(?P<left>[\p{L}_,.;:]*[\p{L}_])-(?P<right>[\p{L}_,.;:]*[\p{L}_])"
    r"(?![\p{L}_-])")
"""A hyphen between two printed words that may hold an engine's unread glyph
(``_``) or glyph marks (Ocrad's ``,s``): read through the document's
learned readings (``Lines.learned_readings``)."""


def _read_through_glyphs(line: str, doc: Lines) -> list[tuple[int, str, str, str]]:
    """The hyphens between two words of which the document's learned
    readings read at least one (``ide_ls-_s`` is ``ideals-as``,
    ``po,sition-at`` is ``position-at``) and that join no compound so read."""
    readings = doc.learned_readings
    if not readings:
        return []
    found = []
    for m in HYPHEN_AFTER_GLYPHS.finditer(line):
        left, right = m.group("left"), m.group("right")
        if left not in readings and right not in readings:
            continue
        left, right = readings.get(left, left), readings.get(right, right)
        if left.isalpha() and right.isalpha() and _no_compound(left, "", right, ""):
            found.append((m.end("left"), left, "", right))
    return found


LINE_END_HYPHEN = regex.compile(r"(?<![\p{L}-])(?P<left>\p{L}+)(?P<mark>[,;:.!?)”’\"']?)-[ \t]*$")
"""A hyphen closing a line, after a word (perhaps closed by a mark)."""
LINE_START_WORD = regex.compile(r"[ \t]*(?P<right>\p{L}+)(?P<next>-?)")
"""The word opening the next line."""


RANK_PART = 6
"""The longest abbreviation (``Lieut``) a stop closes before the hyphen of a
rank or title set in short (``Lieut.-Col.``, ``Maj.-Gen.``, ``L.-cpl``)."""


def _no_compound(left: str, mark: str, right: str, chained: str) -> bool:
    """Whether a hyphen between ``left`` (closed by ``mark``) and
    ``right`` (``chained``: another hyphen after it) joins no compound."""
    if mark:  # no compound has a mark inside, but a rank's abbreviated (Lieut.-Col., L.-cpl)
        return not (mark == "." and right.lower() in name_titles() and len(left) <= RANK_PART)
    if chained or right != right.lower() or not (right in _phrase_openers() or _adverb(right)):
        return False  # a chain (``free-and-easy``), a capital, or a word a compound may end with
    lexicon = load_lexicon()
    return left.lower() not in function_words() and f"{left.lower()}-{right}" not in lexicon \
        and known_form(left, lexicon) \
        and not known_form(left + right, lexicon)  # a word, not a garble or a broken one


def _adverb(word: str) -> bool:
    """An adverb made of an adjective with ``-ly`` (``generally``,
    ``chiefly``, ``happily``, ``basically``): it opens a phrase after a
    dash, and no compound ends with one (a compound's ``-ly`` word leads:
    ``newly-built``).

    >>> [_adverb(w) for w in ("generally", "chiefly", "happily", "basically")]
    [True, True, True, True]
    >>> [_adverb(w) for w in ("supply", "family", "assembly", "only", "ugly")]
    [False, False, False, False, False]
    """
    if len(word) < 6 or not word.endswith("ly"):
        return False
    lexicon = load_lexicon()
    stems = (word[:-2], word[:-3] + "y" if word.endswith("ily") else "",
             word[:-4] if word.endswith("ally") else "")
    return known_form(word, lexicon) and any(len(stem) > 4 and lexicon.common(stem)
                                             for stem in stems)


def is_dash(line: str, at: int, doc: Lines) -> bool:
    """Whether the hyphen at ``at`` is a dash :func:`dashes_read_as_hyphens`
    reads (other repairs then leave it alone)."""
    if doc.writes_dashes:
        return False
    m = HYPHEN_AFTER_WORD.match(line, at)
    return m is not None and _no_compound(m.group("left"), m.group("mark"), m.group("right"),
                                          m.group("next"))


@lru_cache(maxsize=1)
def _phrase_openers() -> frozenset[str]:
    """The words that open a phrase after a dash and end no compound: the
    ``dash-openers``, the ``dash-prepositions`` and the sentence adverbs."""
    return dash_openers() | dash_prepositions() | sentence_adverbs()
