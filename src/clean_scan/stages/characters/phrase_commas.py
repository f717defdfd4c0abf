"""Commas inside a phrase: specks a specky scan put where print sets none.

A comma parts clauses and the items of a list, and sets off a phrase with a
second comma after it; it never stands alone inside the tightest bonds of
the language, between an adjective and the noun it qualifies or between a
modal and its verb (:mod:`clean_scan.word_classes`). In a specky scan a dot
of dirt beside a word is read as a comma as readily as a stop, so a comma
found there is dirt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import binding_words, determiners, function_words
from clean_scan.stages.characters.next_words import spaced_word_before
from clean_scan.stages.characters.specks import SPECKY
from clean_scan.word_classes import adjective_before_noun, modal_before_verb

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

COMMA_BEFORE_SMALL = regex.compile(
    r"(?<=(?<![\p{L}\p{N}.'’-])(?P<word>\p{L}{2,})),"
    r"(?=[ \t]+(?P<next>\p{Ll}+)(?![\p{L}\p{N}'’_-]))")
COMMA_AT_END = regex.compile(r"(?<=(?<![\p{L}\p{N}.'’-])(?P<word>\p{L}{2,})),(?=[ \t]*$)")
LINE_END_COMMA_WORD = regex.compile(r"(?<=\p{L}{2}),[ \t]*\n")
"""What the gate looks for besides a comma and a space: a comma ending a line."""
FIRST_WORD = regex.compile(r"[ \t]*(\p{Ll}+)(?![\p{L}\p{N}'’_-])")


def comma_in_phrase(line: str, doc: Lines) -> list[Proposal]:
    """In a specky text, a comma between an adjective and the noun it
    qualifies, or between a modal and its verb, is a speck.

    >>> from clean_scan.stages.characters import show
    >>> specky = "and -with -from -the\\n"
    >>> show(comma_in_phrase, "the major, questions of a permanent, security", before=specky)
    'the major questions of a permanent security'
    >>> show(comma_in_phrase, "It cannot, permit it", before=specky)
    'It cannot permit it'
    >>> show(comma_in_phrase, "a permanent,", before=specky, after="\\nsecurity for all")
    'a permanent'

    Left alone: an adjective that ends a predicate or an idiom, after a
    verb or a preposition (``were plentiful, tea``, ``in particular,
    houses``); a row of adjectives (``long, hard``); a compound after the
    comma (``lazy, pleasure-loving``); a modal before a phrase set off
    (``must, however,``); any comma in a clean text.

    >>> show(comma_in_phrase, "stalls were plentiful, tea and in particular, houses",
    ...      before=specky)
    'stalls were plentiful, tea and in particular, houses'
    >>> show(comma_in_phrase, "a long, hard winter; lazy, pleasure-loving men; must, however,",
    ...      before=specky)
    'a long, hard winter; lazy, pleasure-loving men; must, however,'
    >>> show(comma_in_phrase, "the major, questions")
    'the major, questions'
    """
    if doc.speck_rate < SPECKY:
        return []
    found = [(m, m.group("word"), m.group("next")) for m in COMMA_BEFORE_SMALL.finditer(line)]
    end = COMMA_AT_END.search(line)
    if end is not None:
        following = FIRST_WORD.match(doc.line(1))
        if following is not None:
            found.append((end, end.group("word"), following.group(1)))
    return [Proposal(m.start(), m.end(), "", "comma-in-phrase", 0.85,
                     f"a comma inside the phrase '{word} {after}' in a specky text: a speck")
            for m, word, after in found if bound_pair(word, after, line[:m.start("word")], doc)]


def bound_pair(word: str, following: str, before: str, doc: Lines) -> bool:
    """Whether print sets no mark between ``word`` and ``following`` (in
    small letters), the text before ``word`` on its line being ``before``:
    a comma or a stop read there in a specky text is a speck."""
    if modal_before_verb(word, following):
        return True
    return adjective_before_noun(word, following) and not _predicate_or_idiom(before, doc)


def _predicate_or_idiom(before: str, doc: Lines) -> bool:
    """Whether the word before an adjective is a verb or a preposition (any
    function word but an article, a possessive or ``very``, the words that
    bind to the phrase they open), or a quantifier: the adjective then ends
    a predicate (``were plentiful``), an idiom (``in particular``) or a
    comparison (``one of the most difficult, problems``), and a comma may
    follow it."""
    text = before if before.strip() else doc.line(-1)
    word = spaced_word_before(text, len(text)).lower()
    return word in determiners() or (
        word in function_words() and binding_words().get(word) != "mark")
