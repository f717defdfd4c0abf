"""Stops and commas misread for one another, or read in dirt.

The small marks of worn type are read as their neighbours in shape: a stop
with a speck under it is a comma, a comma whose tail did not print is a
stop, a semicolon's lower half lost or a speck above a stop is a colon. The
text around a mark tells which was printed, never the words of any book:

* a sentence opens after a stop, not after a comma: a comma before a
  capitalised word that opens no name (a closed-class word, ``The``,
  ``It``, ``But``) with the sentence going on in small letters is a stop
  read with a speck below it;

and the other direction, a stop before a small letter: no sentence opens
in small letters, so the stop is a comma whose tail did not print, or a
speck (:func:`stop_read_as_comma`). Colons have their own module
(:mod:`~clean_scan.stages.characters.colons`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.charmaps import SAME_SHAPE_CAPITALS
from clean_scan.document import Flag, Proposal
from clean_scan.lexicon import (
    Lexicon,
    adjective_before_content,
    binding_words,
    clause_openers,
    determiners,
    function_word_before_content,
    function_words,
    l_read_as_mark,
    load_lexicon,
    measure_abbreviations,
    sentence_adverbs,
    stop_abbreviations,
)
from clean_scan.stages.characters.next_words import (
    NEXT_WORD,
    SPECK_RUN,
    _next_line,
    following_line,
    words_after,
)
from clean_scan.stages.characters.parentheticals import sets_off_phrase
from clean_scan.stages.characters.phrase_commas import bound_pair
from clean_scan.stages.characters.specks import SPECKY, _sentence_goes_on
from clean_scan.stages.characters.split_words import parted_pieces
from clean_scan.stages.characters.stop_census import comma_or_speck

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

COMMA_BEFORE_CAPITAL = regex.compile(
    r"(?<=\p{Ll}{2}),(?:(?=[ \t]+(?P<next>\p{Lu}\p{Ll}*)\b)|(?=[ \t]*$))")
FOLLOWING_WORD = regex.compile(r"[ \t]*(?P<word>\p{L}+)")
LINE_END_COMMA = regex.compile(r"(?<=\p{Ll}),[ \t]*\n")
"""What the gate looks for besides a comma and a space: a comma ending a line."""
LINE_OPENING = regex.compile(r"[ \t]*(?P<next>\p{Lu}\p{Ll}*)\b")


def comma_read_as_stop(line: str, doc: Lines) -> list[Proposal]:
    """A comma before a capitalised closed-class word, the sentence going
    on in small letters, is a stop: print opens a sentence there, and no
    name is made of ``The`` or ``But`` alone.

    >>> from clean_scan.stages.characters import show
    >>> show(comma_read_as_stop, "grew in industry, That is the reason, But it was")
    'grew in industry. That is the reason. But it was'
    >>> show(comma_read_as_stop, "the last of them, The", after="\\nrest went")
    'the last of them. The'
    >>> show(comma_read_as_stop, "it had achieved its victory,", after="\\n\\nBut they had")
    'it had achieved its victory.'

    So before a sentence adverb or a determiner, which a sentence opens
    with as often (``Therefore``, ``Another``), never a name, unless its
    capital has its small letter's shape (``occasions, Some hundreds``: the
    engine read ``some`` large):

    >>> show(comma_read_as_stop, "a foregone conclusion, Therefore they, Another one")
    'a foregone conclusion. Therefore they. Another one'

    Left alone: ``I``, and words opening with it (``it`` and ``in`` are read
    ``It`` and ``In`` as often as a stop is read as a comma before them), a
    name or title (``the paper, The Times``, ``came, Moscow said``), an
    initial or abbreviation before the comma (``Mr,``).

    >>> show(comma_read_as_stop, "as I said, I think the paper, The Times said, It was")
    'as I said, I think the paper, The Times said, It was'
    """
    return [Proposal(m.start(), m.end(), ".", "comma-read-as-stop", 0.85,
                     f"a comma before '{following}' opening a sentence: a stop misread")
            for m, following in sentence_openers_after(line, doc, COMMA_BEFORE_CAPITAL)]


def sentence_openers_after(line: str, doc: Lines, marks: regex.Pattern
                           ) -> Iterator[tuple[regex.Match, str]]:
    """Each mark of ``marks`` (its group ``next`` the capitalised word after
    it on the line, or none where it ends the line) before a capitalised
    closed-class word that opens a sentence going on in small letters,
    with that word."""
    closed, openers = function_words(), sentence_adverbs() | determiners()
    for m in marks.finditer(line):
        if m.group("next") is None:  # the mark ends the line: the next line opens with the word
            if doc.noisy_margins[0]:
                continue  # where a dark margin puts scraps (``Be``) at the line starts
            rest = following_line(doc)
            opening = LINE_OPENING.match(rest)
            if opening is None:
                continue
            following, rest = opening.group("next"), rest[opening.end():]
        else:
            following, rest = m.group("next"), line[m.end("next"):]
        if following.startswith("I") or following.lower() not in closed and not (
                following.lower() in openers and following[0] not in SAME_SHAPE_CAPITALS):
            continue  # ``I``; and a capital I is the small i or l misread as often as not
        after = FOLLOWING_WORD.match(rest if rest.strip() else _next_line(doc))
        if after is None or not after.group("word")[:1].islower():
            continue  # the sentence does not go on in small letters: perhaps a title
        yield m, following


NUMBER_BEFORE = regex.compile(r"\d[\d,.½¼¾]*[ \t]*$")
"""A number right before a word: a measure's abbreviation follows one."""
STOP_BEFORE_SMALL = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.'’])(?<![^\s]-)(?P<word>\p{{L}}{{2,}})(?P<possessive>['’]s)?"
    rf"(?P<close>\)?)\."
    rf"(?=[ \t]+{SPECK_RUN}[ \t]*\p{{Ll}}|[ \t]+\p{{Ll}}|[ \t]*(?:{SPECK_RUN}[ \t]*)?$)")


def stop_read_as_comma(line: str, doc: Lines) -> list[Proposal | Flag]:
    """A stop before a small letter is a comma whose tail did not print:
    no sentence starts in small letters.

    >>> from clean_scan.stages.characters import show
    >>> show(stop_read_as_comma, "development; and that. in consequence, some. however")
    'development; and that, in consequence, some, however'
    >>> show(stop_read_as_comma, "and that.", after="\\nin consequence")
    'and that,'
    >>> show(stop_read_as_comma, "will, therefore, (as last year). be filled up")
    'will, therefore, (as last year), be filled up'
    >>> show(stop_read_as_comma, "and also Mr. Burbank's. who appealed")
    "and also Mr. Burbank's, who appealed"

    A word parted at a line end is judged whole, on either side of the stop:

    >>> show(stop_read_as_comma, "mittee. received this day. recom-", before="the Com-\\n",
    ...      after="\\nmending the payment")
    'mittee, received this day, recom-'
    >>> show(stop_read_as_comma, "to this system. inde-", after="\\npendently of the rest")
    'to this system, inde-'

    In a specky document (:func:`~clean_scan.stages.characters.specks.speck_rate`),
    a stop between two words the lexicon knows as a common pair is a speck
    instead (``forced. to``), or after a closed-class word before a word of
    content (``by. inevitable``), unless the next word opens a clause or the
    stop follows an adverb print sets off (``see. and``, ``however. we``):
    print sets a comma there as a rule, and a comma that lost its tail is
    likelier there than a speck.

    >>> show(stop_read_as_comma, "they found themselves forced. to encourage we see. and",
    ...      before="and -with -from -the\\n")
    'they found themselves forced to encourage we see, and'
    >>> show(stop_read_as_comma, "attained by. inevitable change; however. we know",
    ...      before="and -with -from -the\\n")
    'attained by inevitable change; however, we know'

    So is one that would part words print never parts
    (:func:`~clean_scan.stages.characters.phrase_commas.bound_pair`: an
    adjective and its noun, a modal and its verb):

    >>> show(stop_read_as_comma, "on the major. questions it cannot. permit",
    ...      before="and -with -from -the\\n")
    'on the major questions it cannot permit'

    A measure's abbreviation that is a word too stands for the word with no
    number before it (``in. the``), for the measure after one (``3 in. long``).

    >>> show(stop_read_as_comma, "tend to have in. the end a rod 3 in. long",
    ...      before="and -with -from -the\\n")
    'tend to have in the end a rod 3 in. long'

    Left alone: abbreviations (``etc. and``, ``i.e. the``, ``per cent. of``),
    capitals (``U.S.S.R. and``), a sentence's end, words no lexicon knows
    but names (:func:`_name_before_stop`: ``Cooma. and`` is read), and a
    stop before a word the document sets after stops in most of its uses
    (``Lines.misread_openers``: ``me`` for ``The``) or one their habit reads
    as a common word (``mere`` for ``There``).

    >>> show(stop_read_as_comma, "etc. and i.e. the per cent. of the U.S.S.R. and ended. The")
    'etc. and i.e. the per cent. of the U.S.S.R. and ended. The'
    """
    if not _printed_lines(doc):
        return []  # a text already set one paragraph a line: its stops were read before
    fixes = []
    lexicon = load_lexicon()
    abbreviations = stop_abbreviations()
    binding = binding_words()
    measures = measure_abbreviations()
    for m in STOP_BEFORE_SMALL.finditer(line):
        head, _ = parted_pieces(line, m.start("word"), m.end("word"), doc)
        word = head + m.group("word")  # ``Com-`` / ``mittee. received``: the whole word
        lower = word.lower()
        abbreviation = lower in abbreviations and (
            lower not in measures or NUMBER_BEFORE.search(line, 0, m.start()) is not None)
        if abbreviation or word.isupper() or lower in binding or (
                lower not in lexicon and not _name_before_stop(word) and not _long_small(word)):
            continue
        if not _sentence_goes_on(line, m.end(), doc):
            continue
        following = NEXT_WORD.match(words_after(line, m.end(), doc)).group(1)
        if _misread_opening(following, doc):
            continue  # a sentence's end, the next one's capital misread
        stop = m.end("close")
        if sets_off_phrase(line, stop, stop + 1):
            fixes.append(Proposal(stop, stop + 1, ",", "stop-read-as-comma", 0.85,
                                  "a stop opening or closing a phrase set off (of course, "
                                  "however): a comma misread"))
        elif doc.stops_are_specks:
            fixes.append(Proposal(stop, stop + 1, "", "speck", 0.85,
                                  "a stop before a small letter in a text whose such stops "
                                  "stand where specks fall, not where commas do: a speck"))
        elif doc.speck_rate >= SPECKY and (
                _speck_before(lower, following.lower(), lexicon)
                or bound_pair(word, following, line[:m.start("word")], doc)):
            fixes.append(Proposal(stop, stop + 1, "", "speck", 0.85,
                                  "a stop before a small letter in a specky text: a speck"))
        else:
            fixes.append(Proposal(stop, stop + 1, ",", "stop-read-as-comma",
                                  0.85, "a stop before a small letter: a comma misread"))
        if doc.speck_rate >= SPECKY:
            fixes.append(comma_or_speck(line, m, fixes[-1].replacement, following, doc))
    return fixes


LONG_SMALL = 6
"""A word in small letters no lexicon knows, this long, is no abbreviation
(those are short: ``viz``, ``ibid``, ``cit``): a stop after it closes it
no more than it would a known word (``the prosecutrix. who keeps``)."""


def _long_small(word: str) -> bool:
    return len(word) >= LONG_SMALL and word.isalpha() and word.islower()


NAME_MIN_LETTERS = 4
"""The shortest capitalised word no lexicon knows that is taken for a name
before a stop: shorter ones are as often abbreviations (``Vic.``, ``Jas.``)."""


def _name_before_stop(word: str) -> bool:
    """Whether a word no lexicon knows, before a stop, is a name, which a
    stop closes no more than any word (``Cooma. and the contractors``,
    ``Mr. Montefiore. was sued``): capitalised, in small letters after,
    ``NAME_MIN_LETTERS`` long or more.

    >>> _name_before_stop("Cooma"), _name_before_stop("Vic"), _name_before_stop("ibid")
    (True, False, False)
    """
    return len(word) >= NAME_MIN_LETTERS and word[0].isupper() and word[1:].islower()


def _speck_before(word: str, following: str, lexicon: Lexicon) -> bool:
    """Whether, in a specky text, a stop between ``word`` and ``following``
    (both in small letters) is a speck rather than a comma: never before a
    word opening a clause nor after an adverb print sets off (``see. and``,
    ``however. we``: commas there as a rule); after a closed-class word
    before a word of content, which no comma parts (``by. inevitable``,
    ``which. denotes``); elsewhere where the pair is a common one
    (``forced. to``)."""
    if following in clause_openers() or word in sentence_adverbs():
        return False
    return function_word_before_content(word, following) or \
        adjective_before_content(word, following) or lexicon.pair_count(word, following) > 0


PRINTED_LINE = 100
"""A text whose typical line is longer than this is set one paragraph a line."""


def _printed_lines(doc: Lines) -> bool:
    """Whether the text still runs in printed lines, as an OCR export does."""
    return doc.typical_line_length <= PRINTED_LINE


L_FOR_MARK = 10
"""How many times as common the word with an ``l`` for its ``!`` must be
(``all`` against ``al``)."""
EXCLAMATION_GLUED = regex.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<word>\p{L}+)!(?=[ \t]+\p{Ll}|[ \t]*$)")


def exclamation_in_sentence(line: str, doc: Lines) -> list[Proposal]:
    """An ``!`` glued to a word, the sentence going on in small letters: the
    period's prose sets none there but after an interjection, which its
    pamphlets hardly use. Engines read
    a final ``l`` as ``!``, or a speck beside one as ``!`` after it: where
    the word is ``L_FOR_MARK`` times as common with an ``l`` for the mark,
    the mark is that ``l`` (``al! the``); after a known word it is a speck.

    >>> from clean_scan.stages.characters import show
    >>> show(exclamation_in_sentence, "to compete with al! the small! groups of local! and")
    'to compete with all the small groups of local and'

    Left alone: a sentence's end (``so it was! The``), a word no lexicon
    knows either way, and on a page with a note below any ``!`` after a
    whole word, where it may be the note's reference misread (``Finland!
    just as``); a reference follows no broken word (``Nationa! security``).

    >>> show(exclamation_in_sentence, "so it was! The end, qxz! and")
    'so it was! The end, qxz! and'
    """
    note_page = doc.note_page[doc.index]
    lexicon = load_lexicon()
    fixes = []
    for m in EXCLAMATION_GLUED.finditer(line):
        if not _sentence_goes_on(line, m.end(), doc):
            continue
        word = m.group("word")
        if l_read_as_mark(word) or not note_page and \
                lexicon.count(word + "l") >= L_FOR_MARK * lexicon.count(word) > 0:
            fixes.append(Proposal(m.end("word"), m.end(), "l", "exclamation-in-sentence", 0.85,
                                  f"'!' ending '{word}!', the sentence going on: an 'l' misread"))
        elif note_page:
            continue  # the footnotes stage reads a garbled reference after a whole word
        elif word.lower() in lexicon and len(word) > 1:
            fixes.append(Proposal(m.end("word"), m.end(), "", "exclamation-in-sentence", 0.85,
                                  "'!' after a word, the sentence going on: a speck"))
    return fixes


@lru_cache(maxsize=1)
def _dotted_forms() -> dict[str, str]:
    """The dotted abbreviations of ``stop_abbreviations`` by their letters (``ie``: ``i.e``)."""
    return {a.replace(".", ""): a for a in stop_abbreviations() if "." in a}


@lru_cache(maxsize=1)
def undotted_forms() -> regex.Pattern:
    """The dotted abbreviations of ``stop_abbreviations`` (``i.e``) with
    any of their inner stops lost and their last stop or a comma after."""
    forms = sorted(_dotted_forms().values())
    pieces = "|".join(r"\.?".join(map(regex.escape, form.split("."))) for form in forms)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}.'’-])(?P<letters>{pieces})[.,](?=[ \t]|$)")


def undotted_abbreviation(line: str, doc: Lines) -> list[Proposal]:
    """A dotted abbreviation whose inner stops the engine lost, or whose
    last it read as a comma (``ie.``, ``ie,``, ``i.e,`` for ``i.e.``), the
    sentence going on after it: the small stops of ``i.e.`` and ``e.g.``
    are the first marks worn type loses. Only where the letters alone are
    no common word (``am`` and ``pm`` are).

    >>> from clean_scan.stages.characters import show
    >>> show(undotted_abbreviation, "instruments of power, ie. its Army, eg, the Police, i.e, the")
    'instruments of power, i.e. its Army, e.g. the Police, i.e. the'

    Left alone: the printed form, a common word (``am,``), a sentence's end.

    >>> show(undotted_abbreviation, "as i.e. the, I am, so he said ie. The")
    'as i.e. the, I am, so he said ie. The'
    """
    lexicon = load_lexicon()
    dotted = _dotted_forms()
    fixes = []
    for m in undotted_forms().finditer(line):
        letters = m.group("letters")
        form = dotted.get(letters.replace(".", ""))
        if form is None or m.group() == form + "." or lexicon.common(letters.replace(".", "")):
            continue
        if not _sentence_goes_on(line, m.end(), doc):
            continue
        fixes.append(Proposal(m.start(), m.end(), form + ".", "undotted-abbreviation", 0.85,
                              f"'{m.group()}' before the sentence goes on: '{form}.' with its "
                              "small stops lost or misread"))
    return fixes


OPENER_MARGIN = 5
"""How many times as common as any other the closed-class word a misread
opener is read as must be."""


@lru_cache(maxsize=64)
def opener_reading(opener: str) -> str | None:
    """The word a misread opener (``Lines.misread_openers``: a small word
    that follows a stop in most of its uses) stands for: the closed-class
    word its opening letter, read for one to three, makes with the rest
    (GNU Ocrad reads Bonum's ``Th`` as ``m``: ``me`` is ``The``), where it
    is ``OPENER_MARGIN`` times as common as any other so made.

    >>> opener_reading("me"), opener_reading("e"), opener_reading("hat")
    ('The', None, None)

    (``hat`` may be ``That`` or ``What``, neither five times the other.)
    """
    if len(opener) < 2:
        return None
    tail = opener[1:]
    lexicon = load_lexicon()
    made = sorted(((lexicon.count(word), word) for word in function_words()
                   if word != opener and word.endswith(tail)
                   and 1 <= len(word) - len(tail) <= 3), reverse=True)
    if not made or (len(made) > 1 and made[0][0] < OPENER_MARGIN * made[1][0]):
        return None
    return made[0][1].capitalize()


@lru_cache(maxsize=8)
def _opener_habits(openers: frozenset[str]) -> dict[str, str]:
    """What each misread opener's first letter stands for where it opens a
    sentence (``me`` is ``The``: ``m`` for ``Th``); worked out once per
    document, not per line."""
    habits = {}
    for opener in openers:
        reading = opener_reading(opener)
        if reading is not None:
            habits[opener[0]] = reading[:len(reading) - len(opener) + 1]
    return habits


def _habit_reading(word: str, habits: dict[str, str]) -> str | None:
    """A small word opening a sentence with a letter the text's misread
    openers show to stand for a capital's letters (``m`` for ``Th``), read
    so where that makes a common word: ``mere`` is ``There``, ``mis``
    ``This`` (no sentence opens in small letters).

    >>> _habit_reading("mere", {"m": "Th"}), _habit_reading("most", {"m": "Th"})
    ('There', None)
    """
    reading = habits.get(word[0], "") + word[1:]
    return reading if len(word) > 1 and load_lexicon().common(reading) else None


def _misread_opening(word: str, doc: Lines) -> bool:
    """Whether ``word``, after a stop, is a sentence's opening with its
    capital misread: one of the text's misread openers, or a word their
    habit reads as a common one (``mere`` for ``There``)."""
    openers = doc.misread_openers
    if not openers:
        return False
    habits = _opener_habits(openers)
    return word in openers or (word[:1] in habits and _habit_reading(word, habits) is not None)


OPENER_AFTER_STOP = regex.compile(r"(?:(?<=[.!?][’”'\"]?[ \t]+)|^[ \t]*)(?P<word>\p{Ll}+)\b")


def opener_lines(doc: Lines) -> set[int]:
    """The lines :func:`misread_opener` must read: those holding one of the
    text's misread openers, and those where a small word opens a sentence
    with a letter the openers show misread (``mere`` for ``There`` stands on
    lines where no ``me`` does). Openers no capital reads are none of its
    business.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.characters.lines import Lines
    >>> doc = Lines("It ended. me plan was made. me council met. me rest went.\\n"
    ...             "So it was done. mere was more.\\nNo more.\\nmis too.\\n", Context())
    >>> sorted(opener_lines(doc))
    [0, 1, 3]
    """
    readable = [word for word in doc.misread_openers if opener_reading(word) is not None]
    if not readable:
        return set()  # openers no capital reads (the sample book's ``e``): nothing to read
    letters = "".join(sorted(_opener_habits(doc.misread_openers)))
    if not letters:
        return doc.lines_with(*readable)
    habit_opening = regex.compile(
        rf"(?m)(?:(?<=[.!?][’”'\"]?[ \t]+)|^[ \t]*)[{regex.escape(letters)}]\p{{Ll}}+\b")
    return doc.lines_with(*readable) | doc.lines_matching(habit_opening)


def misread_opener(line: str, doc: Lines) -> list[Proposal]:
    """A misread opener (:func:`opener_reading`) opening a sentence, after a
    stop on its line or at the start of a line after one, is the word it
    stands for.

    >>> from clean_scan.stages.characters import show
    >>> page = "It ended. me plan was made. me council met. me rest went.\\n"
    >>> show(misread_opener, "The work went on. me men came back to me.", before=page)
    'The work went on. The men came back to me.'

    The letter the openers show misread stands so at the opening of other
    words too, where that makes a common word (:func:`_habit_reading`).

    >>> show(misread_opener, "It was done. mere was more. most stayed.", before=page)
    'It was done. There was more. most stayed.'
    """
    fixes = []
    habits = _opener_habits(doc.misread_openers)
    for m in OPENER_AFTER_STOP.finditer(line):
        word = m.group("word")
        if word not in doc.misread_openers and word[0] not in habits:
            continue
        if m.start() == len(line) - len(line.lstrip(" \t")) and \
                not regex.search(r"[.!?][’”'\"]?[ \t]*$", doc.line(-1)):
            continue  # a line start not after a sentence's end
        reading = opener_reading(word) if word in doc.misread_openers else \
            _habit_reading(word, habits)
        if reading is not None:
            fixes.append(Proposal(m.start("word"), m.end("word"), reading, "misread-opener",
                                  0.85, f"'{word}' opens sentences in this text, a misread "
                                  f"capital: '{reading}'"))
    return fixes
