"""Doubtful capitals: a capital where print sets a small letter.

An engine reads a small letter as its capital where the two differ only
in size (``c``/``C``, ``o``/``O``, ``s``/``S``, ``w``/``W``), and a speck
or a broken letter can make any word open with a capital. Where the
spelling stage is not sure enough to set the small letter (a noisy page
drops full stops too, so a capital after a small-letter word may open a
sentence), the reviewer is shown it:

* a capitalised word inside a sentence, between two words in small
  letters, that is a function word or a sentence adverb (``consists By
  the``, ``education Moreover, the``: a stop lost) or a common word
  opening with a same-shape capital that the document prints in small
  letters and nowhere else capitalised inside a sentence (``the Workers
  were``); a name (``the Soviet Union``), a title (``the Five Year Plan``)
  or a word the document capitalises again and again (``the State``) is
  left alone;
* a capital letter standing alone there (``because S they``), once in the
  text (``A`` and ``I`` aside, and a letter the text names things by: ``if
  A causes B``);
* a known word with a capital after a small letter (``oF``, ``tHe``): print
  sets none such but in names (``McDonald``), which the lexicon does not
  hold in small letters.
"""

from __future__ import annotations

from collections import Counter

import regex

from clean_scan.document import Flag
from clean_scan.lexicon import function_words, load_lexicon, proper_names, sentence_adverbs

SAME_SHAPE = frozenset("CKOSUVWXZ")
"""Capitals that differ from their small letter only in size."""
TOKEN = regex.compile(r"\S+")
MARKS = "\"'“”‘’.,;:!?()[]*"
CAPITAL_OPENING = regex.compile(r"(?<=\s)\p{Lu}\S*")
"""A token opening with a capital, after a space."""
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
MIXED_CASE = regex.compile(r"\p{Ll}+\p{Lu}\p{L}*")
"""A word of letters whose capital comes after a small letter (``oF``)."""


def capital_flags(text: str) -> list[Flag]:
    """Flag the capitals inside sentences and inside words that print
    would set small.

    >>> text = "the workers met. Then the Workers were told to go By the gate as S said."
    >>> [(f.text, f.suggestions[0]) for f in capital_flags(text)]
    [('Workers', 'workers'), ('go By', 'go by'), ('S', 's')]
    >>> [f.text for f in capital_flags("the State and the Soviet Union, the State was")]
    []
    >>> [f.text for f in capital_flags("freedom of opinion oF the press, MacDonald said")]
    ['oF']
    """
    return _inside_sentence(text) + _inside_word(text)


def _inside_sentence(text: str) -> list[Flag]:
    """The capitals inside sentences (see the module's account): each
    capitalised token between two words in small letters, outside a
    heading, judged against how the whole text prints the word."""
    every, small = Counter(), Counter()
    for token, n in Counter(text.split()).items():  # counted whole, in C; stripped once each
        core = token.strip(MARKS)
        every[core] += n
        if core.islower():
            small[core] += n
    inside: Counter[str] = Counter()
    headings: dict[int, bool] = {}  # a paragraph is one line: judged once
    found = []
    for m in CAPITAL_OPENING.finditer(text):
        start, token = m.start(), m.group()
        core = token.strip(MARKS)
        if not _capitalised(core) or not token.startswith(core):
            continue
        before, after = _neighbours(text, start, m.end())
        if not _between_small_words(before, token, after):
            continue
        inside[core] += 1
        if not _in_heading(text, start, headings):
            found.append((start, core, before))
    lexicon, names = load_lexicon(), proper_names()
    openers = function_words() | sentence_adverbs()
    flags = []
    for start, core, before in found:
        lower = core.lower()
        if lower in names:
            continue
        if len(core) == 1 and every[core] == 1:
            why = f"a capital '{core}' alone inside a sentence: a speck or a letter misread"
        elif lower in openers and before[1][-1:].isalpha():
            flags.append(_lost_stop(text, before, start + len(core)))
            continue
        elif lower in openers or core[0] in SAME_SHAPE and lexicon.common(lower) and \
                small[lower] and inside[core] == 1:
            why = (f"'{core}' inside a sentence, where print sets '{lower}': '{core[0]}' read "
                   f"for '{lower[0]}'")
        else:
            continue
        flags.append(Flag(start, start + len(core), core, "capital-inside-sentence", 0.6,
                          why, (lower,)))
    return flags


def _neighbours(text: str, start: int, end: int) -> tuple[tuple[int, str], str]:
    """The token before the one at ``[start, end)`` (with its start) and the
    text after it from the next token on ('' for none)."""
    stop = start
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return (begin, text[begin:stop]), text[end:end + 40].lstrip()


def _capitalised(core: str) -> bool:
    """A word with a capital and small letters after it, or a capital alone
    (``A`` and ``I`` aside: words)."""
    return core.isalpha() and core[0].isupper() and (core[1:].islower() or len(core) == 1) \
        and core not in ("A", "I")


def _lost_stop(text: str, before: tuple[int, str], end: int) -> Flag:
    """The flag of a word that opens sentences after a word with no stop
    (``education Moreover``): the stretch from that word, so that accepting
    the suggestion puts the stop back, or sets the small letter: the first
    suggestion before a sentence adverb (``Moreover``), the second before a
    function word (``By``), an engine's slip more often than a stop lost."""
    start = before[0] + len(before[1]) - len(before[1].lstrip(MARKS))
    stretch = text[start:end]
    word, opener = stretch.split(maxsplit=1)
    options = (f"{word}. {opener}", f"{word} {opener.lower()}")
    return Flag(start, end, stretch, "capital-inside-sentence", 0.6,
                f"'{opener}', capitalised only to open a sentence, after a word with no stop: "
                "a stop lost, or a small letter misread",
                options if opener.lower() in sentence_adverbs() else options[::-1])


def _between_small_words(before: tuple[int, str], token: str, after: str) -> bool:
    """Whether ``token`` follows a word in small letters (a comma after it
    perhaps, no stop) and comes before one."""
    previous = before[1]
    if previous[-1:] not in ",abcdefghijklmnopqrstuvwxyz" or \
            not previous.strip(MARKS)[:1].islower():
        return False
    return token[-1:] not in ".;:!?" and after[:1].islower()


def _in_heading(text: str, start: int, judged: dict[int, bool]) -> bool:
    """Whether the line holding ``start`` capitalises half its words or more
    (a title: ``Report on Wages and Conditions``); ``judged``: the lines
    judged so far, by their starts."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start not in judged:
        line_end = text.find("\n", start)
        words = text[line_start:line_end if line_end >= 0 else len(text)].split()
        judged[line_start] = 2 * sum(word[:1].isupper() for word in words) >= len(words)
    return judged[line_start]


def _inside_word(text: str) -> list[Flag]:
    """The words holding a capital after a small letter (found from those
    pairs, which few texts hold), read whole, that open in small letters."""
    lexicon, names = load_lexicon(), proper_names()
    flags, seen = [], set()
    for pair in INNER_CAPITAL.finditer(text):
        start, end = pair.start(), pair.end()
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        word = text[start:end]
        if start in seen or not MIXED_CASE.fullmatch(word):
            continue
        seen.add(start)
        lower = word.lower()
        if lower in names or not lexicon.common(lower):
            continue
        flags.append(Flag(start, end, word, "mixed-case-word", 0.7,
                          f"'{word}': a capital after a small letter, which print sets only "
                          "in names", (lower,)))
    return flags
