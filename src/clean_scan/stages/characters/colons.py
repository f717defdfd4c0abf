"""Colons misread or read in dirt: a semicolon's lower half lost, a speck
over a stop, or a speck alone.

A colon introduces what follows: a clause, a list, an example. So

* it never stands before a conjunction that joins two clauses (``and``,
  ``but``): one there is a semicolon whose comma tail did not print;
* what it introduces goes on in small letters, unless it is words spoken
  or a label's entry: one after a word in small letters before a
  capitalised word opening a sentence is a stop with a speck above it;
* it parts two clauses, never two words English sets together: a colon
  between words whose classes bind them (``full: democracy``,
  ``continuity: is``) is a speck, and in a specky text
  (:func:`~clean_scan.stages.characters.specks.speck_rate`) so is one
  between two words the lexicon knows as a common pair (``aimed: at``,
  ``merely: a``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import (
    adjective_before_content,
    colon_introducers,
    function_word_before_content,
    load_lexicon,
    subordinators,
)
from clean_scan.stages.characters.misread_stops import sentence_openers_after
from clean_scan.stages.characters.next_words import following_line
from clean_scan.stages.characters.phrase_commas import bound_pair
from clean_scan.stages.characters.specks import SPECKY
from clean_scan.word_classes import COORDINATING, subject_before_auxiliary

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines


COLON_BEFORE_SMALL = regex.compile(
    r"(?<=(?<!\p{L})(?P<word>\p{L}{2,})):(?=[ \t]+(?P<next>\p{Ll}+)\b)")


COLON_AT_END = regex.compile(r"(?<=(?<!\p{L})\p{L}{2,}):(?=[ \t]*$)")
LINE_END_COLON = regex.compile(r"(?<=\p{L}):[ \t]*\n")
"""What the gate looks for besides a colon and a space: a colon ending a line."""


def colon_for_semicolon(line: str, doc: Lines) -> list[Proposal]:
    """A colon before a coordinating conjunction is a semicolon misread:
    a colon introduces, the conjunction joins, and print sets no colon
    before one.

    >>> from clean_scan.stages.characters import show
    >>> show(colon_for_semicolon, "the danger would arise: but the Party held: and yet")
    'the danger would arise; but the Party held; and yet'
    >>> show(colon_for_semicolon, "the danger would arise:", after="\\nbut the Party held")
    'the danger would arise;'

    Left alone: a colon before anything else (``as follows: the``, ``: for
    example``), and after a figure or a single letter (``2: and``, ``a: or``).

    >>> show(colon_for_semicolon, "as follows: the first, for example: for the rest, 2: and")
    'as follows: the first, for example: for the rest, 2: and'
    """
    fixes = [m for m in COLON_BEFORE_SMALL.finditer(line) if m.group("next") in COORDINATING]
    end = COLON_AT_END.search(line)
    if end is not None:
        following = NEXT_WORD_OF_LINE.match(following_line(doc))
        if following is not None and following.group(1) in COORDINATING:
            fixes.append(end)
    return [Proposal(m.start(), m.end(), ";", "colon-for-semicolon", 0.85,
                     "a colon before a conjunction that joins two clauses: a semicolon misread")
            for m in fixes]


NEXT_WORD_OF_LINE = regex.compile(r"(\p{Ll}+)\b")


def colon_in_phrase(line: str, doc: Lines) -> list[Proposal]:
    """A colon between words whose classes bind them is a speck in any
    text; in a specky one, so is a colon between two words the lexicon
    knows as a common pair, or the document prints side by side elsewhere
    with no mark between, and one after a function word before a word of
    content: a colon closes a clause, and a clause ends in no article,
    preposition or pronoun before its noun or verb (``among the: mass``,
    ``for which: mass appeals``, ``who is: acquainted``).

    >>> from clean_scan.stages.characters import show
    >>> specky = "and -with -from -the\\n"
    >>> show(colon_in_phrase, "a policy aimed: at peace, merely: a form", before=specky)
    'a policy aimed at peace, merely a form'
    >>> show(colon_in_phrase, "hatred among the: mass of those who: challenged", before=specky)
    'hatred among the mass of those who challenged'

    A colon ending a line is weighed with the next line's first word.

    >>> show(colon_in_phrase, "the solution which:", before=specky, after="\\nthe Party found")
    'the solution which'

    Left alone: a colon between clauses (``as follows: the``, where no
    pair is known, ``to sum up: when``, before a clause's conjunction), one
    opening a list whose items repeat the word after it (``points: in
    Africa, in Italy``), and in a clean text any colon but one between
    words whose classes bind them (``a difficult: problem``).

    >>> show(colon_in_phrase, "different in value: some are sound", before=specky)
    'different in value: some are sound'
    >>> show(colon_in_phrase, "a policy aimed: at peace, a difficult: problem")
    'a policy aimed: at peace, a difficult problem'
    >>> show(colon_in_phrase, "To sum up: when the war came, at points: in Africa, in Italy",
    ...      before=specky)
    'To sum up: when the war came, at points: in Africa, in Italy'
    """
    specky = doc.speck_rate >= SPECKY
    found = [(m, m.group("word"), m.group("next")) for m in COLON_BEFORE_SMALL.finditer(line)]
    end = COLON_AT_END.search(line)
    next_line = following_line(doc) if found or end is not None else ""
    following = NEXT_WORD_OF_LINE.match(next_line) if end is not None else None
    if following is not None:
        found.append((end, WORD_BEFORE_COLON.search(line, 0, end.start()).group(),
                      following.group(1)))
    rest = line + " " + next_line
    where = "in a specky text" if specky else "which no mark parts"
    return [Proposal(m.start(), m.end(), "", "colon-in-phrase", 0.85,
                     f"a colon inside the phrase '{word} {after}', {where}: a speck")
            for m, word, after in found
            if _inside_phrase(word, after, line[:m.start() - len(word)], doc, specky)
            and not regex.search(rf",[ \t]+{after}\b", rest[m.end():m.end() + LIST_REACH])]


LIST_REACH = 60
"""How far after a colon a comma and its next word again show a list."""


def _inside_phrase(word: str, following: str, before: str, doc: Lines, specky: bool) -> bool:
    """Whether no colon parts ``word`` and ``following`` (in small letters):
    the words' classes bind them
    (:func:`~clean_scan.stages.characters.phrase_commas.bound_pair`: an
    adjective and its noun, a modal and its verb; and a subject and its
    verb), ``before`` being the text before ``word`` on its line; or, in a
    specky text, the lexicon knows them as a pair, or the document prints
    them side by side elsewhere with no mark between
    (``Lines.plain_pairs``), or a function word or an adjective stands
    before a word of content. Never before a conjunction, which a colon
    misread for a semicolon stands before."""
    if following in COORDINATING or following in subordinators():
        return False
    if bound_pair(word, following, before, doc) or subject_before_auxiliary(word, following):
        return True
    return specky and (
        load_lexicon().pair_count(word, following) > 0
        or doc.plain_pairs[(word.lower(), following)] > 0
        or function_word_before_content(word, following)
        or adjective_before_content(word, following))


WORD_BEFORE_COLON = regex.compile(r"\p{L}+$")


COLON_BEFORE_CAPITAL = regex.compile(
    r"(?<=(?<![\p{L}\p{N}])(?P<word>\p{Ll}{2,})):"
    r"(?:(?=[ \t]+(?P<next>\p{Lu}\p{Ll}*)\b)|(?=[ \t]*$))")
"""A colon after a word in small letters, before a capitalised word or at a line's end."""


def colon_read_as_stop(line: str, doc: Lines) -> list[Proposal]:
    """A colon after a word in small letters before a capitalised
    closed-class word, the sentence going on in small letters, is a stop
    read with a speck above it: what a colon introduces goes on in small
    letters in this print, and a sentence opens there.

    >>> from clean_scan.stages.characters import show
    >>> show(colon_read_as_stop, "rushed through the house: The officer came")
    'rushed through the house. The officer came'
    >>> show(colon_read_as_stop, "the leaders were expelled from the future:", after="\\nThe rest")
    'the leaders were expelled from the future.'

    Left alone: after a label or a name (``Correspondence: The following``,
    ``WILLIAMS: That the``), after a word that introduces (``as follows:
    The first``), before a title (``Russia: The Need for``), before ``I``.

    >>> show(colon_read_as_stop, "Correspondence: The following, as follows: The first one")
    'Correspondence: The following, as follows: The first one'
    >>> show(colon_read_as_stop, "Modernising Russia: The Need for Speed, he said: I think")
    'Modernising Russia: The Need for Speed, he said: I think'
    """
    introducers = colon_introducers()
    return [Proposal(m.start(), m.end(), ".", "colon-read-as-stop", 0.85,
                     f"a colon before '{following}' opening a sentence: a stop misread")
            for m, following in sentence_openers_after(line, doc, COLON_BEFORE_CAPITAL)
            if m.group("word") not in introducers]
