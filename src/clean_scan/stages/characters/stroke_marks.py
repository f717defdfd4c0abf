"""A letter's single stroke read as a mark at a word's start.

An ``l``, an ``i`` whose dot was lost, or the capital ``I`` is one upright
stroke; in a worn or broken face an engine reads it as the mark of that
shape: ``!``, ``|``, ``[`` or ``]`` (``!imited``, ``[t was``). Glued to the
small letters after it, the mark stands where no print sets one (a bracket
opens before a word, ``!`` follows one), and the letter that makes a word
of them is the one misread.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import Lexicon, load_lexicon
from clean_scan.stages.characters.initial_case import opens_sentence
from clean_scan.stages.characters.lines import (
    Lines,
    show,  # noqa: F401 (the examples use it)
)

STROKE_OPENING = regex.compile(
    r"(?<!\S)(?P<mark>[!|\[\]])(?P<rest>\p{Ll}+)(?![\p{L}\p{N}\]\)'’])")
"""A stroke-shaped mark before the small letters of a word (not a list's
``[a]``, whose bracket closes after it)."""
STROKE_LETTERS = ("l", "i")
"""The small letters that are one stroke: the capital ``I`` is ``i``'s, at
a sentence's opening."""


def stroke_read_as_mark(line: str, doc: Lines) -> list[Proposal]:
    """A stroke-shaped mark opening a word no lexicon knows becomes the one
    stroke letter that makes a known word of it: ``l`` or ``i``, the capital
    ``I`` where a sentence opens.

    >>> show(stroke_read_as_mark, "they were !imited in it. [t was then", before="The end.\\n")
    'they were limited in it. It was then'

    Left alone: a word as printed the lexicon knows, a list's bracketed
    letter, and a mark two letters make a known word of (``[a`` may be ``la``
    or ``ia``: neither is sure).

    >>> show(stroke_read_as_mark, "the [a] list, a |the and [ought", before="The end.\\n")
    'the [a] list, a |the and [ought'
    """
    lexicon = load_lexicon()
    fixes = []
    for m in STROKE_OPENING.finditer(line):
        rest = m.group("rest")
        if _known(rest, lexicon):
            continue  # a mark before a word: another repair's (a speck, a quote)
        known = [letter + rest for letter in STROKE_LETTERS if _known(letter + rest, lexicon)]
        if len(known) != 1:
            continue
        word = known[0]
        before = doc.line(-1) + "\n" + line[:m.start()]
        if word[0] == "i" and opens_sentence(before, len(before)):
            word = "I" + word[1:]
        fixes.append(Proposal(m.start(), m.end(), word, "stroke-read-as-mark", 0.85,
                              f"'{m.group()}': a letter's one stroke read as "
                              f"'{m.group('mark')}'; '{word}' is a word"))
    return fixes


def _known(word: str, lexicon: Lexicon) -> bool:
    """A known word; of two letters, a common one (``it``, not ``li``)."""
    return lexicon.common(word) if len(word) <= 2 else word in lexicon
