"""Stops the engine lost: a full stop too faint, too small or too near a
speck's size to be kept, the sentence after it read in full.

A sentence opens with a capital, and a capitalised closed-class word
(``The``, ``It``, ``But``, ``However``) with the sentence going on in small
letters after it opens one: print sets no such word capitalised in the
middle of a sentence but in a title (``in The Times``, where the title's
next word is capitalised too). So where one follows a word in small letters
with no mark between (``increasingly rigid The explanation``), the stop
that closed the sentence before it was lost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.charmaps import SAME_SHAPE_CAPITALS
from clean_scan.document import Proposal
from clean_scan.lexicon import (
    auxiliaries,
    binding_words,
    clause_subjects,
    determiners,
    known_form,
    load_lexicon,
    sentence_adverbs,
)
from clean_scan.stages.characters.misread_stops import sentence_openers_after
from clean_scan.stages.characters.next_words import following_line
from clean_scan.word_classes import COORDINATING, usual_class

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

NO_MARK_BEFORE_CAPITAL = regex.compile(
    r"(?<![\p{L}\p{N}'’.(\[-])(?P<word>(?P<name>\p{Lu}\p{Ll}{3,})|\p{Ll}{2,})"
    r"\K(?:(?=[ \t]+(?P<next>\p{Lu}\p{Ll}*)\b)|(?=[ \t]*$))", regex.MULTILINE)
"""The end of a word in small letters (or a capitalised one of four letters
or more), then a capitalised word after a space, or the line's end."""


CAPITALISED_BEFORE_SMALL = re.compile(r"[ \n]([A-Z][a-z]*)[ \t\n]+[a-z]")
"""A capitalised word after a space or a line end, a word in small letters
after it: the gate's first look (``re``, ASCII: a search of the whole text)."""


def lost_stop_lines(doc: Lines) -> set[int]:
    """The lines :func:`lost_stop` can change: those where a closed-class
    word opens a sentence after a word, or whose next line (or the one after
    a blank line) opens with one."""
    openers, text, found = _clause_openers(), doc.text, set()
    for m in CAPITALISED_BEFORE_SMALL.finditer(text):
        if m.group(1).lower() not in openers:
            continue
        line = bisect_right(doc.starts, m.start(1)) - 1
        if m.group()[0] == " ":
            if text[m.start() - 1:m.start()].islower():
                found.add(line)
            continue
        for above in (line - 1, line - 2):
            if above >= 0 and doc.lines[above].strip():
                if doc.lines[above].rstrip()[-1:].islower():
                    found.add(above)
                break
    return found


def lost_stop(line: str, doc: Lines) -> list[Proposal]:
    """A word in small letters before a capitalised closed-class word that
    opens a sentence going on in small letters, with no mark between:
    the stop closing the sentence before was lost.

    >>> from clean_scan.stages.characters import show
    >>> show(lost_stop, "has become increasingly rigid The explanation of this")
    'has become increasingly rigid. The explanation of this'
    >>> show(lost_stop, "to major questions of policy However the details")
    'to major questions of policy. However the details'

    After a name too (``borrowed from the Radicals The weapons``), and at a
    line's end, the next line or paragraph opening so, where the line is no
    paragraph's first (a heading sets no stop) and, before a blank line, a
    paragraph's short last line (a full one runs on past a page's foot):

    >>> show(lost_stop, "become increasingly rigid", before="the dictatorship has\\n",
    ...      after="\\n\\nThe explanation of this")
    'become increasingly rigid.'
    >>> show(lost_stop, "The Party and the war", before="\\n\\n", after="\\n\\nThe explanation")
    'The Party and the war'

    Left alone: a title (``read in The Times``, its next word capitalised
    too); a capital the engine may have made of a small letter of the same
    shape or the small ``i`` or ``l`` (``Of``, ``So``, ``In``, ``If``); a
    preposition (``consists By the``), a small word misread as often; a
    single capital (``then A causes C``: a text may name things by letters);
    a verb (``Was``, ``May``, ``Be``), which opens a question at most, and in a
    noisy scan is as often a small letter misread or a garble; an opener
    after a word that binds to the next (``held at The offices``: no
    sentence ends in ``at``, the capital is misread), after or before a
    word no lexicon knows (noise, ``: ee``); after a list's label, garbled
    (``(al The``); and a word in capitals or after a figure.

    >>> show(lost_stop, "as we read in The Times of London, and so In the end")
    'as we read in The Times of London, and so In the end'
    >>> show(lost_stop, "conflicts Of opinion, the bankrupt Was further examined")
    'conflicts Of opinion, the bankrupt Was further examined'
    >>> show(lost_stop, "the board was held at The offices, so reliable as A vcr'a")
    "the board was held at The offices, so reliable as A vcr'a"
    >>> show(lost_stop, "THE PARTY The rest, in 1940 The war, two things: (al The first")
    'THE PARTY The rest, in 1940 The war, two things: (al The first'
    """
    return [Proposal(m.start(), m.end(), ".", "lost-stop", 0.85,
                     f"'{following}' opens a sentence, with no stop before it: a stop lost")
            for m, following in sentence_openers_after(line, doc, NO_MARK_BEFORE_CAPITAL)
            if _plain_opener(following)
            and (m.group("next") or not m.group("name") and doc.line(-1).strip()
                 and (doc.line(1).strip() or _short(line, doc)))
            and _closes_sentence(m.group("word"), m.group("name"))
            and _goes_on_in_words(line, m.end(), doc)]


def _closes_sentence(word: str, name: str | None) -> bool:
    """Whether a sentence may end in ``word``: a name, or a word the
    lexicon knows that binds to no next word (a scrap of noise, ``ee``,
    closes nothing, nor does ``at``)."""
    return bool(name) or word not in binding_words() and known_form(word, load_lexicon())


OPENER_AND_NEXT = regex.compile(r"\s*\p{Lu}\p{Ll}*\s+(?P<after>[\p{Ll}'’-]+)")


def _goes_on_in_words(line: str, end: int, doc: Lines) -> bool:
    """Whether the word after the opener is one the lexicon knows: a
    sentence read there, not a capital and a garble (``as A vcr'a``)."""
    rest = line[end:] + " " + following_line(doc) if line[end:].strip() else following_line(doc)
    after = OPENER_AND_NEXT.match(rest)
    return after is not None and known_form(after.group("after").strip("'’-"), load_lexicon())


PARAGRAPH_END = 0.85
"""A paragraph's last line is shorter than this share of the text's usual
line: a full line before a blank one ends no paragraph, the text running on
past a page's foot or a note (``the difficulties that stand`` / a note /
``in the way``)."""


def _short(line: str, doc: Lines) -> bool:
    usual = doc.typical_line_length  # 0 in a text of short lines only: no measure
    return not usual or len(line.rstrip()) < PARAGRAPH_END * usual


def _plain_opener(word: str) -> bool:
    """Whether a capitalised closed-class word is one that opens a clause as
    its subject or its link (``The``, ``It``, ``However``, ``But``), not a
    preposition (``consists By the``: a small word misread as often), and
    whose capital is no small letter's twin in shape."""
    lower = word.lower()
    return len(word) > 1 and word[0] not in SAME_SHAPE_CAPITALS and lower in _clause_openers() \
        and lower not in auxiliaries() and usual_class(word) != "v"


@lru_cache(maxsize=1)
def _clause_openers() -> frozenset[str]:
    """The words that open a clause as its subject or its link: the
    clause subjects, the coordinators, the sentence adverbs and the
    determiners (the gate and the rule ask the same, once a run)."""
    return clause_subjects() | COORDINATING | sentence_adverbs() | determiners()
