"""A mark after a word that binds to the next: articles, possessives,
prepositions and the conjunctions end no sentence or phrase, so a stop,
colon or semicolon after one, the sentence going on, is a speck of dirt
(``the. State``, ``to: assume``, ``and. Scandinavia``); the words and their
classes are ``data/binding-words.txt``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import binding_words, name_titles, proper_names
from clean_scan.stages.characters.next_words import words_after
from clean_scan.stages.characters.specks import (
    WORD_BEFORE,
    _goes_on_past_break,
    _sentence_goes_on,
)

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

MARK_AFTER_WORD = regex.compile(r"(?<=\p{L})[.,;:'’\"”](?=[ \t]|$)")


def mark_after_binding_word(line: str, doc: Lines) -> list[Proposal]:
    """A mark after a word that binds to the next, with the sentence going on.

    >>> from clean_scan.stages.characters import show
    >>> show(mark_after_binding_word, "the. Revolution and. the State from; its the' people")
    'the Revolution and the State from its the people'
    >>> show(mark_after_binding_word, "the sacrifice of the", after="\\nwar")
    'the sacrifice of the'

    After ``of``, ``and``, ``with`` and the like, any word the lexicon knows
    in small letters goes on the sentence, not only a common one
    (``knowledge of. universals``), and so does a number (``of. 1939``);
    specks and an opening quote may stand before the next word (``the. .
    :`` / ``nation``, ``a.`` / ``“question``).

    >>> show(mark_after_binding_word, "our knowledge of. universals, statistics of. 1939")
    'our knowledge of universals, statistics of 1939'
    >>> show(mark_after_binding_word, "the working class of the. . :", after="\\nnation was")
    'the working class of the . :'

    An article, a possessive or ``very`` ends no sentence, so a mark after
    one goes even at a paragraph's end (``to have all the.`` / a blank
    line: the engine parted the paragraph there).

    >>> show(mark_after_binding_word, "it was necessary to have all the.", after="\\n\\n")
    'it was necessary to have all the'

    No sentence ends with ``and``, ``or`` or ``nor``, so a stop after one
    goes before a capital too, a name's (a preposition may end a sentence:
    ``referred to. This`` is left):

    >>> show(mark_after_binding_word, "New Zealand and. Scandinavia; referred to. This")
    'New Zealand and Scandinavia; referred to. This'

    Nor, as a rule, with a preposition before a name or a title (``the Star
    of. Greece``, ``the motion of. Mr. Smith``):

    >>> show(mark_after_binding_word, "the Star of. Greece, the motion of. Mr. Smith")
    'the Star of Greece, the motion of Mr. Smith'

    Left alone: a comma after ``and`` (``and, as we saw``), an initial
    (``A. N. Whitehead``), a mark after a preposition at a paragraph's end,
    words that may end a sentence (``come in.``).

    >>> show(mark_after_binding_word, "and, as we saw, A. N. Whitehead came in. The end of.")
    'and, as we saw, A. N. Whitehead came in. The end of.'
    """
    fixes = []
    binding = binding_words()
    for m in MARK_AFTER_WORD.finditer(line):
        found = WORD_BEFORE.search(line, max(0, m.start() - 12), m.start())
        if found is None:
            continue
        word, mark = found.group(), m.group()
        kind = binding.get(word.lower())
        if kind is None or (kind != "mark" and mark in ",'’\"”") or \
                (len(word) == 1 and word.isupper()):
            continue  # a quotation may end in "and"; an article never ends one
        after = words_after(line, m.end(), doc).lstrip("“‘\"'")
        if kind == "mark":
            goes_on = not after or after[:1].isalnum()
        else:  # a capital after a conjunction is a name's: ``and. Scandinavia``
            goes_on = _sentence_goes_on(line, m.end(), doc) or after[:1].isdigit() or \
                (not after and _goes_on_past_break(doc)) or \
                (kind == "join" and after[:1].isupper()) or _name_follows(after)
        if not goes_on:
            continue
        fixes.append(Proposal(m.start(), m.end(), "", "mark-after-binding-word", 0.85,
                              f"no mark follows '{word.lower()}' in running text: a speck"))
    return fixes


NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?![\p{L}'’-])")


def _name_follows(after: str) -> bool:
    """Whether ``after`` opens with a name or a person's title (``of.
    Greece``, ``by. Michael``, ``of. Mr.``): a preposition ends a sentence
    (``referred to. This``) seldom before one, and the phrase it opens goes
    on there."""
    word = NAME_WORD.match(after)
    return word is not None and (word.group().lower() in proper_names()
                                 or word.group().lower() in name_titles())
