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
MIXED_CASE = regex.compile(r"(?<![\p{L}\p{N}])(\p{Ll}+\p{Lu}\p{L}*)(?![\p{L}\p{N}])")


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
    tokens = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    cores = [token.strip(MARKS) for _, token in tokens]
    every, small = Counter(cores), Counter(core for core in cores if core.islower())
    inside: Counter[str] = Counter()
    found = []
    for k in range(1, len(tokens) - 1):
        start, token = tokens[k]
        core = cores[k]
        if not _capitalised(core) or not token.startswith(core) or \
                not _between_small_words(tokens, cores, k):
            continue
        inside[core] += 1
        if not _in_heading(text, start):
            found.append(k)
    lexicon, names = load_lexicon(), proper_names()
    openers = function_words() | sentence_adverbs()
    flags = []
    for k in found:
        start, core = tokens[k][0], cores[k]
        lower = core.lower()
        if lower in names:
            continue
        if len(core) == 1 and every[core] == 1:
            why = f"a capital '{core}' alone inside a sentence: a speck or a letter misread"
        elif lower in openers and tokens[k - 1][1][-1:].isalpha():
            flags.append(_lost_stop(text, tokens[k - 1], start + len(core)))
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


def _between_small_words(tokens: list[tuple[int, str]], cores: list[str], k: int) -> bool:
    """Whether token ``k`` follows a word in small letters (a comma after it
    perhaps, no stop) and comes before one."""
    before, after = tokens[k - 1][1], tokens[k + 1][1]
    if before[-1:] not in ",abcdefghijklmnopqrstuvwxyz" or not cores[k - 1][:1].islower():
        return False
    return tokens[k][1][-1:] not in ".;:!?" and after[:1].islower()


def _in_heading(text: str, start: int) -> bool:
    """Whether the line holding ``start`` capitalises half its words or more
    (a title: ``Report on Wages and Conditions``)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = text[line_start:line_end if line_end >= 0 else len(text)].split()
    return 2 * sum(word[:1].isupper() for word in words) >= len(words)


def _inside_word(text: str) -> list[Flag]:
    lexicon, names = load_lexicon(), proper_names()
    flags = []
    for m in MIXED_CASE.finditer(text):
        word = m.group(1)
        lower = word.lower()
        if lower in names or not lexicon.common(lower):
            continue
        flags.append(Flag(m.start(1), m.end(1), word, "mixed-case-word", 0.7,
                          f"'{word}': a capital after a small letter, which print sets only "
                          "in names", (lower,)))
    return flags
