"""Whether a text's stops before small letters are misread commas or specks.

A stop before a small letter ends no sentence: it is a comma whose tail did
not print, or dirt the engine read as a stop. Which of the two a text's
stops mostly are depends on its type and its scan (some faces lose the
comma's tail, some papers are speckled), and the text itself tells: commas
stand where clauses part, so a word opening a clause (``and``, ``which``,
``but``) follows a comma far more often than it follows any word; dirt falls
anywhere, so after a speck such words come no oftener than anywhere in the
text. Where the stops before small letters are followed by clause openers no
oftener than the text's words in general, they are specks.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Flag
from clean_scan.lexicon import (
    adjective_before_content,
    clause_openers,
    function_word_before_content,
    function_words,
    load_lexicon,
    sentence_adverbs,
)
from clean_scan.word_classes import adjective_before_noun, modal_before_verb

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

STOP_BEFORE_SMALL_WORD = regex.compile(r"\p{L}\.[ \t]*\n?[ \t]*(\p{Ll}+)")
SMALL_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])")

MIN_STOPS = 20
"""Stops before small letters a text must have for their census to say anything."""
COMMA_EXCESS = 1.25
"""How much oftener than the text's words in general clause openers must
follow those stops for them to be taken for commas."""


def stops_are_specks(text: str) -> bool:
    """Whether the text's stops before small letters are specks, not commas:
    the words after them open clauses no oftener than the text's words do.

    >>> words = "the plan was made by the council in the spring of that year "
    >>> stops_are_specks(words * 4 + "the plan. was made by. the council in the. spring " * 10)
    True
    >>> stops_are_specks(words * 4 + "the plan was made. and the council. which met " * 10)
    False
    >>> stops_are_specks("too few. to tell. and so on")
    False
    """
    after = [m.group(1) for m in STOP_BEFORE_SMALL_WORD.finditer(text)]
    if len(after) < MIN_STOPS:
        return False
    openers = clause_openers()
    words = SMALL_WORD.findall(text)
    base = sum(w in openers for w in words) / len(words)
    share = sum(w in openers for w in after) / len(after)
    return share <= COMMA_EXCESS * base


MIN_OPENINGS = 3
"""Times a small word must follow a stop to be taken for a misread opener."""
OPENING_SHARE = 0.5
"""The share of a small word's uses that must follow a stop for it to be
taken for a misread opener."""


def misread_openers(text: str) -> frozenset[str]:
    """Small words that follow a stop in most of their uses: words opening
    sentences whose capital the engine misread (GNU Ocrad reads Bonum's
    ``Th`` as ``m``, so ``The`` is ``me`` after every stop). A comma that
    lost its tail stands before the text's words as any comma does, so no
    one word follows those stops in most of its uses but words that open
    clauses (``because``, ``nor``), which follow commas by nature.

    >>> misread_openers("It ended. me plan was made. me council met. me rest, and me too")
    frozenset({'me'})
    >>> sorted(misread_openers("the plan. and the council. and so on, and on and on"))
    []
    >>> sorted(misread_openers("it failed. because of it. because they. because we"))
    []
    """
    after = Counter(m.group(1) for m in STOP_BEFORE_SMALL_WORD.finditer(text))
    if not after:
        return frozenset()
    used, openers = Counter(SMALL_WORD.findall(text)), clause_openers()
    return frozenset(word for word, n in after.items()
                     if n >= MIN_OPENINGS and n >= OPENING_SHARE * used[word]
                     and word not in openers)


WORD_STOP_SMALL_WORD = regex.compile(r"(?<![\p{L}\p{N}.'’])(\p{L}{2,})\.[ \t]*\n?[ \t]*(\p{Ll}+)")
"""A word, a stop, and the small word after it: the pairs :func:`comma_odds` weighs."""
CUE_ODDS = {
    "function word before content": -3.7,
    "clause opener after": 1.55,
    "common pair": -1.55,
    "function word before": -1.0,
    "capitalised before": 1.05,
    "sentence adverb before": 1.8,
    "adjective before content": -1.75,
}
"""How much each cue of print shifts the odds, in natural log, that a stop
before a small letter is a comma rather than a speck: print sets no comma
between a function word and its noun (``by. inevitable``), nor between an
adjective and its noun, nor as a rule inside a pair English sets together
(``forced. to``); it sets one before a word opening a clause, after an
adverb it sets off (``however. we``) and after a name ending a phrase.
Measured as likelihood ratios on the rough pamphlets looked at (1,723 such
stops in 42 texts: 1,028 commas, 695 specks); ``CUE_BASE`` is the ratio of
a stop with none of them."""
CUE_BASE = 0.6
MIN_SHARE, MAX_SHARE = 0.02, 0.98


def comma_cues(word: str, following: str) -> float:
    """The cues' log odds that a stop between ``word`` and ``following``
    (in small letters) is a comma, not a speck (:data:`CUE_ODDS`).

    >>> comma_cues("however", "we") > 0 > comma_cues("by", "inevitable")
    True
    """
    lower = word.lower()
    odds = CUE_BASE
    if function_word_before_content(word, following):
        odds += CUE_ODDS["function word before content"]
    elif lower in function_words():
        odds += CUE_ODDS["function word before"]
    if following in clause_openers():
        odds += CUE_ODDS["clause opener after"]
    if load_lexicon().pair_count(word, following) > 0:
        odds += CUE_ODDS["common pair"]
    if word[:1].isupper():
        odds += CUE_ODDS["capitalised before"]
    if lower in sentence_adverbs():
        odds += CUE_ODDS["sentence adverb before"]
    if adjective_before_content(word, following) or adjective_before_noun(word, following) \
            or modal_before_verb(word, following):
        odds += CUE_ODDS["adjective before content"]  # or a modal before its verb
    return odds


ROUNDS = 30


def comma_odds(text: str) -> float:
    """The text's prior log odds that a stop before a small letter is a
    comma rather than a speck: the share of commas among them that best
    explains the cues they stand among (expectation-maximisation over the
    text's own stops, drawn towards even where they are few). A text whose
    type loses the comma's tail gets high odds, a speckled scan low ones.

    >>> commas = "the plan was made. and the council. which met, "
    >>> specks = "the plan. was made by. the council in the. spring "
    >>> comma_odds(commas * 10) > 1 > -1 > comma_odds(specks * 10)
    True
    """
    cues = [comma_cues(word, following)
            for word, following in WORD_STOP_SMALL_WORD.findall(text)]
    share = 0.5
    for _ in range(ROUNDS):
        prior = math.log(share / (1 - share))
        commas = sum(1 / (1 + math.exp(-(prior + cue))) for cue in cues)
        share = min(max((commas + 1) / (len(cues) + 2), MIN_SHARE), MAX_SHARE)
    return math.log(share / (1 - share))


def comma_or_speck(line: str, m: regex.Match, made: str, following: str, doc: Lines) -> Flag:
    """A doubt on the choice :func:`stop_read_as_comma` made in a specky
    text, between the comma that lost its tail and the speck: as sure as
    the document's own odds (:func:`~clean_scan.stages.characters.stop_census.comma_odds`)
    and the cues around the stop make it; the pipeline raises it where that
    is below its threshold. It stands on the word and its stop, and offers
    the other reading.

    >>> from clean_scan.stages.characters import Lines
    >>> from clean_scan.stages.characters.misread_stops import stop_read_as_comma
    >>> from clean_scan.stage import Context
    >>> doc = Lines("and -with -from -the\\nthe plan. was made by. the council in the. spring " * 9
    ...             + "\\ncame by. the road. however", Context())
    >>> doc.index = len(doc.lines) - 1
    >>> [(f.text, f.suggestions, f.confidence)
    ...  for f in stop_read_as_comma(doc.lines[-1], doc) if isinstance(f, Flag)]
    [('by.', ('by,',), 0.992), ('road.', ('road,',), 0.685)]

    In this text of specks both stops are taken for specks: surely the one
    inside ``by the``, less surely the one before ``however``, a word that
    opens clauses, after which a comma stands as often.
    """
    word = m.group("word")
    comma = 1 / (1 + math.exp(-(doc.comma_odds + comma_cues(word, following.lower()))))
    sure = comma if made == "," else 1 - comma
    other = "" if made == "," else ","
    reading = "a comma" if made == "," else "a speck"
    return Flag(m.start("word"), m.end(), line[m.start("word"):m.end()], "comma-or-speck",
                round(sure, 3), f"a stop before a small letter in a specky text, taken for "
                f"{reading}; the text's stops and the words around it make it {sure:.0%} sure",
                (line[m.start("word"):m.end("close")] + other,), doubts_a_change=True)
