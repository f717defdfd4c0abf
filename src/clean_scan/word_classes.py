"""Word classes: which pairs of words print never parts with a mark.

A comma or colon closes a phrase or a clause, so it never stands inside the
tightest bonds of English: between an adjective and the noun it qualifies
(``full democracy``), between a modal and its verb (``cannot permit``), and,
for a colon, between a subject and its verb (``continuity is``). A mark read
there is dirt. Telling those pairs needs each word's usual class, which
``data/word-classes.tsv`` gives for the common words (built from WordNet by
``wordlists/build_word_classes.py``), and the closed classes, which
``data/auxiliaries.txt`` and ``data/determiners.txt`` list. Loaded on first
use only: a text with no colon before a small letter and no specks never
asks.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from clean_scan.lexicon import (
    auxiliaries,
    content_word,
    determiners,
    load_lexicon,
    sentence_adverbs,
)

COORDINATING = frozenset(("and", "but", "or", "nor", "yet"))
"""The coordinating conjunctions (less ``for`` and ``so``, which open what a
colon introduces as often: ``: for example``): a semicolon parts clauses
before them, a colon never, and a phrase set off may follow one with no
comma between (``but of course, the``)."""


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, str]:
    """``word -> "usual<TAB>all"`` from ``data/word-classes.tsv``."""
    text = resources.files("clean_scan").joinpath("data/word-classes.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines()
                if line and not line.startswith("#"))


def usual_class(word: str) -> str:
    """The class ``word`` (any case) is mostly used in: ``n``, ``v``, ``a``
    or ``r``; '' where WordNet's tagged senses name none clearly.

    >>> usual_class("Democracy"), usual_class("difficult"), usual_class("of")
    ('n', 'a', '')
    """
    return _word_classes().get(word.lower(), "")[:1]


def has_class(word: str, cls: str) -> bool:
    """Whether WordNet lists ``word`` in class ``cls`` at all."""
    return cls in _word_classes().get(word.lower(), "")[2:]


def _closed(word: str) -> bool:
    return not content_word(word) or word in sentence_adverbs() or word in determiners()


def adjective_before_noun(word: str, following: str) -> bool:
    """Whether ``word`` is mostly an adjective and ``following`` (in small
    letters) only a noun: the noun that adjective qualifies, which no mark
    parts. Not a determiner that stands alone (``their own, traditions``),
    nor before a word that may be an adjective too (``long, hard``: a row
    of adjectives is parted by commas), nor before a short or rare word,
    which may be a misreading (``undecided, ne``); nor a capitalised word,
    a name as often (``S. J. Little: treasurer``).

    >>> adjective_before_noun("full", "democracy"), adjective_before_noun("major", "questions")
    (True, True)
    >>> adjective_before_noun("own", "traditions"), adjective_before_noun("long", "hard")
    (False, False)
    >>> adjective_before_noun("obvious", "tor"), adjective_before_noun("Little", "treasurer")
    (False, False)
    """
    lower = word.lower()
    return word.islower() and usual_class(lower) == "a" and not _closed(lower) and \
        not _closed(following) and \
        usual_class(following) == "n" and not has_class(following, "a") and \
        _plainly_read(following)


SHORTEST_READ = 4
"""The shortest word taken as read right after a mark in a specky text:
engines misread short words there most (``ne`` for ``no``, ``tor`` for
``for``), and a noun class found for the misreading means nothing."""


def _plainly_read(word: str) -> bool:
    """Whether ``word`` is long and common enough to be the word printed."""
    return len(word) >= SHORTEST_READ and load_lexicon().common(word)


def modal_before_verb(word: str, following: str) -> bool:
    """Whether ``word`` is a modal and ``following`` (in small letters) a
    verb's bare form, which the modal takes with no mark between (one
    comma would open a phrase a second comma closes: ``must, however,``).

    >>> modal_before_verb("cannot", "permit"), modal_before_verb("must", "however")
    (True, False)
    """
    return auxiliaries().get(word.lower()) == "modal" and not _closed(following) and \
        usual_class(following) == "v" and not following.endswith(("ed", "ing")) and \
        _plainly_read(following)


def subject_before_auxiliary(word: str, following: str) -> bool:
    """Whether ``word`` is only a noun and ``following`` an auxiliary that
    needs a subject before it: a clause's subject and verb (``continuity
    is``), which no colon parts.

    >>> subject_before_auxiliary("continuity", "is"), subject_before_auxiliary("follows", "is")
    (True, False)
    """
    lower = word.lower()
    return following in auxiliaries() and usual_class(lower) == "n" and \
        not has_class(lower, "v") and not has_class(lower, "a") and not _closed(lower)
