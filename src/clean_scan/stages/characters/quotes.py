"""Repairs of stars and quotes: a star read for a stop, an apostrophe or a
quote; garbled, turned and spaced quotes; straight apostrophes."""

from __future__ import annotations

import regex

from clean_scan.charmaps import (
    CLOSE_DOUBLE_GARBLES,
    COMMON_SHORT_WORDS,
    OPEN_DOUBLE_GARBLES,
)
from clean_scan.document import Proposal
from clean_scan.stages.characters.lines import (
    LEADING_LETTERS,
    LETTERS,
    TRAILING_LETTERS,
    WORD_REACH,
    Lines,
    show,  # noqa: F401 (the examples use it)
)
from clean_scan.stages.characters.next_words import _next_line
from clean_scan.stages.characters.specks import SPACED_POSSESSIVE, SPECKY

# --- stars and quotes -----------------------------------------------------

STAR_AFTER_WORD = regex.compile(r"(?P<word>\p{L}+|(?<!\d)\d{4})(?P<star>\*)(?!\*)(?P<after>.?)")


def star_after_word(line: str, doc: Lines) -> list[Proposal]:
    """A single ``*`` after a word is a garbled mark; what follows tells which:
    a plural before the next word → apostrophe; a capital or paragraph end →
    full stop; a word glued on → space; otherwise noise.

    >>> v = "the farmers farmers by by the the mills mills rural rural rural"
    >>> show(star_after_word, "the farmers* market by*the mills", v)
    'the farmers’ market by the mills'
    >>> show(star_after_word, "the rural* roads", v)
    'the rural roads'

    Left alone: a ``*`` on a page with a ``*`` footnote (footnote mark), or
    after a word of four letters or more on a page with any note below (a
    raised figure is read as a star: ``society*`` over ``? This problem``),
    and a line-end ``*`` that may be a hyphen (the dehyphenate stage decides).

    >>> show(star_after_word, "the rural* and", v, "\\n* This note")
    'the rural* and'
    """
    if "*" not in line:
        return []
    fixes = []
    for m in STAR_AFTER_WORD.finditer(line):
        fix = _judge_star(line, m, doc)
        if fix is not None:
            fixes.append(fix)
    return fixes


def _judge_star(line: str, m: regex.Match, doc: Lines) -> Proposal | None:
    word, after = m.group("word"), m.group("after")
    star = m.start("star")
    if after.isalpha():
        right = LETTERS.match(line[m.end("star"):]).group()
        if (_is_word(word, doc) and _is_word(right, doc)
                and m.start("word") == _word_start(line, star)):
            return Proposal(star, star + 1, " ", "noise-star", 0.85, "speck between two words")
        return None
    if doc.footnote_page() or (doc.note_page[doc.index] and len(word) > 3):
        return None  # a note's reference (a raised figure is read as a star too)
    rest = line[m.end("star"):]
    plural = word.endswith("s") and not word.endswith("ss") and doc.known_word(word)
    if not rest.strip():
        return _star_at_line_end(word, star, plural, doc)
    nxt = rest.lstrip()
    if rest.startswith(" ") and nxt[:1].isupper():
        if not doc.known(word) or len(word) < 3:
            return None  # the star may stand for a letter of a name
        return Proposal(star, star + 1, ".", "garbled-full-stop", 0.6 if plural else 0.8,
                   "star before a new sentence read for a full stop")
    if plural and (nxt[:1].islower() or nxt[:1] in ",;"):
        return Proposal(star, star + 1, "’", "garbled-apostrophe", 0.8,
                   "star after a plural read for an apostrophe")
    if rest.startswith(" ") and nxt[:1].islower() and len(word) > 2 and doc.known(word, 3):
        return Proposal(star, star + 1, "", "noise-star", 0.8, "speck after a word")
    return None


def _star_at_line_end(word: str, star: int, plural: bool, doc: Lines) -> Proposal | None:
    nxt = doc.line(1).strip()
    first = LEADING_LETTERS.match(nxt).group()
    if word.lower() in COMMON_SHORT_WORDS and (nxt[:1].isalpha() or not nxt):
        return Proposal(star, star + 1, "", "noise-star", 0.8, "speck after a function word")
    if nxt[:1].islower():
        if doc.known(word + first, 1) or not doc.known(word):
            return None  # a misread hyphen: the dehyphenate stage joins it
        if plural:
            return Proposal(star, star + 1, "’", "garbled-apostrophe", 0.8,
                       "star after a plural read for an apostrophe")
        return Proposal(star, star + 1, "", "noise-star", 0.8, "speck at a line end")
    if (not nxt or nxt == "\f" or nxt[:1].isupper()) and (
            word.isdecimal() or doc.known(word) or (word.islower() and len(word) > 3)):
        return Proposal(star, star + 1, ".", "garbled-full-stop", 0.6 if plural else 0.8,
                   "star at a sentence end read for a full stop"
                   + (" (or a plural's apostrophe)" if plural else ""))
    return None


def _is_word(word: str, doc: Lines) -> bool:
    return word.lower() in COMMON_SHORT_WORDS or doc.known(word)


def _word_start(line: str, pos: int) -> int:
    i = pos
    while i > 0 and line[i - 1].isalpha():
        i -= 1
    return i


CLOSE_GARBLE = regex.compile(r"(?<=\p{L}[.,!?]?)[ \t]?(?:"
                             + "|".join(regex.escape(g) for g in CLOSE_DOUBLE_GARBLES) + ")")


def garbled_close_quote(line: str, doc: Lines) -> list[Proposal]:
    """``**``, ``’*`` or ``'*`` after a word is a garbled closing ``”``.

    >>> show(garbled_close_quote, "the “League of Farmers** as well")
    'the “League of Farmers” as well'
    >>> show(garbled_close_quote, "its “self-help’*, its")
    'its “self-help”, its'
    >>> show(garbled_close_quote, "and “Hard Times ’* which")
    'and “Hard Times” which'

    Without an open quote it is only flagged:

    >>> show(garbled_close_quote, "the Farmers** as well")
    'the Farmers** as well'
    """
    if "*" not in line:
        return []
    fixes = []
    for m in CLOSE_GARBLE.finditer(line):
        opened = doc.quote_open(m.start())
        if not opened and doc.footnote_page():
            continue  # ``**`` may be the mark of a second footnote
        conf = 0.9 if opened else 0.7
        fixes.append(Proposal(m.start(), m.end(), "”", "garbled-close-quote", conf,
                         "stars and apostrophes for a closing double quote"))
    return fixes


OPEN_GARBLE = regex.compile(
    r"(?<=^|\s)(?:"
    + "|".join(regex.escape(g).replace(r"\ ", "[ \t]*") for g in OPEN_DOUBLE_GARBLES)
    + r")[ \t]+(?=\p{L}[^()“”\n]{0,60}?(?:\p{L}[ \t]?(?:\*\*|['’]\*|”)))")
STAR_SINGLE_OPEN = regex.compile(r"(?<=^|\s)\*[ \t]*‘(?=\p{L}[^‘’“”\n]{0,60}?\p{L}”)")


OPEN_GARBLE_NEEDLES = tuple(garble.split(" ")[0] for garble in OPEN_DOUBLE_GARBLES)
"""What a line with an ``OPEN_GARBLE`` or a ``STAR_SINGLE_OPEN`` holds."""


def garbled_open_quote(line: str, doc: Lines) -> list[Proposal]:
    """An opening ``“`` read as ``(t`` or ``* ‘``, when a closing quote follows.

    >>> print(show(garbled_open_quote, "their (t fair-weather'* friends"))
    their “fair-weather'* friends
    >>> show(garbled_open_quote, "out their * ‘open door” policy")
    'out their “open door” policy'
    >>> show(garbled_open_quote, "the years of ‘ 4 Hard Times ’* which")
    'the years of “Hard Times ’* which'
    >>> show(garbled_open_quote, "see (t above) and")
    'see (t above) and'
    """
    if "(" not in line and "*" not in line:
        return []
    fixes = [Proposal(m.start(), m.end(), "“", "garbled-open-quote", 0.85,
                 "opening double quote read as a bracket and a letter")
             for m in OPEN_GARBLE.finditer(line)]
    fixes += [Proposal(m.start(), m.end(), "“", "garbled-open-quote", 0.85,
                  "opening double quote read as a star and a single quote")
              for m in STAR_SINGLE_OPEN.finditer(line)]
    return fixes


INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
"""A capital after a small letter: no printed word's, a garbled glyph's."""


def _closed_soon(line: str, at: int, doc: Lines) -> bool:
    """Whether a closing quote follows ``at`` on the line or the next: in a
    specky text a spaced opening quote with none after it is a speck."""
    return "”" in line[at:] or "”" in _next_line(doc)


REVERSED_OPEN = regex.compile(r"(?<=^|[ \t(])”[ \t]?(?=\p{L}[^“”\n]{0,60}?\p{L}”)")
SPACED_OPEN = regex.compile(r"(?<=^|[ \t(])“[ \t]+(?=\p{L})")
SPACED_CLOSE = regex.compile(r"(?<=[\p{L}.,!?])[ \t]+”(?=[ \t,.;:!?)]|$)")
SPLIT_CLOSE = regex.compile(r"(?<=\p{L})[ \t]+’[ \t]*’(?=[ \t,.;:!?)]|$)")


def quote_shapes(line: str, doc: Lines) -> list[Proposal]:
    """Quotes turned or spaced: ``” word”`` → ``“word”``,
    ``“ word ”`` → ``“word”``, ``done ’ ’`` → ``done”``.

    >>> show(quote_shapes, "their ” wisdom” over")
    'their “wisdom” over'
    >>> show(quote_shapes, "the “ improvers ” were")
    'the “improvers” were'
    >>> show(quote_shapes, "“Where are we going ’ ’ in")
    '“Where are we going” in'
    >>> show(quote_shapes, "he said: “Go.” Then")
    'he said: “Go.” Then'

    In a specky text an opening quote and a space with no closing quote on
    the line or the next is a speck's, and is not glued to the word.

    >>> specky = "and -with -from -the\\n"
    >>> show(quote_shapes, "to take “ over their lead", specky), \\
    ...     show(quote_shapes, "a “ new” one", specky)
    ('to take “ over their lead', 'a “new” one')
    """
    opening, closing, single = "“" in line, "”" in line, "’" in line
    if not (opening or closing or single):
        return []
    fixes: list[Proposal] = []
    if closing:  # each search only where its quote is (they are slow to fail)
        fixes += [Proposal(m.start(), m.end(), "“", "turned-quote", 0.9,
                           "closing quote before a word used as the opening one")
                  for m in REVERSED_OPEN.finditer(line) if not doc.quote_open(m.start())]
    if opening:
        fixes += [Proposal(m.start(), m.end(), "“", "spaced-quote", 0.9,
                           "space after an opening quote")
                  for m in SPACED_OPEN.finditer(line) if not doc.quote_open(m.start())
                  and (doc.speck_rate < SPECKY or _closed_soon(line, m.end(), doc))]
    if closing:
        fixes += [Proposal(m.start(), m.end(), "”", "spaced-quote", 0.9,
                           "space before a closing quote")
                  for m in SPACED_CLOSE.finditer(line) if doc.quote_open(m.start())]
    if single:
        fixes += [Proposal(m.start(), m.end(), "”", "spaced-quote", 0.85,
                           "closing double quote read as two spaced single quotes")
                  for m in SPLIT_CLOSE.finditer(line) if doc.quote_open(m.start())]
    return fixes


DOUBLED_APOSTROPHE = regex.compile(r"(?<=\p{L})(?:'’|’'|'')(?=\p{L})")
INNER_APOSTROPHE = regex.compile(r"(?<=\p{L})['‘`](?=\p{L})|(?<=\p{L})'(?=[ \t,.;:!?)]|$)")
"""A straight apostrophe in or after a word; or an opening quote or a grave
accent between two letters, an apostrophe the engine read turned (no
quotation opens inside a word: ``men‘s``, ``M‘Donald``)."""


def apostrophes(line: str, doc: Lines) -> list[Proposal]:
    """A straight apostrophe in or after a word becomes the printed ``’``.

    >>> print(show(apostrophes, "the man's and the farmers' hope; 'quoted'"))
    the man’s and the farmers’ hope; 'quoted’

    Between two words, a speck:

    >>> print(show(apostrophes, "a rural market'and the", "market market market"))
    a rural market and the

    But for a piece with a capital after a small letter: no word's, but a
    glyph garbled with the mark (``wL'th`` for ``with``).

    >>> print(show(apostrophes, "wL'th the", "wL wL wL th th th"))
    wL’th the

    Two inside a word, one printed apostrophe read twice (two boxes over
    one mark, a straight and a curly one):

    >>> print(show(apostrophes, "under the winchman'’s control"))
    under the winchman’s control

    An opening quote inside a word is an apostrophe read turned (no
    quotation opens there):

    >>> print(show(apostrophes, "the men‘s own fault, said M‘Donald"))
    the men’s own fault, said M’Donald

    A possessive's ``s`` read apart from its apostrophe (no word is ``s``
    alone):

    >>> print(show(apostrophes, "at the inspector' s office and Turpin’ s Ride"))
    at the inspector’s office and Turpin’s Ride
    """
    possessives = list(SPACED_POSSESSIVE.finditer(line))
    fixes = [Proposal(m.start(), m.end(), "’s", "apostrophe", 0.9,
                      "a possessive's s read apart from its apostrophe") for m in possessives]
    if "'" not in line and "‘" not in line and "`" not in line:
        return fixes
    twice = list(DOUBLED_APOSTROPHE.finditer(line))
    fixes += [Proposal(m.start(), m.end(), "’", "apostrophe", 0.9,
                       "one apostrophe read twice inside a word") for m in twice]
    doubled = {k for m in (*twice, *possessives) for k in range(m.start(), m.end())}
    for m in INNER_APOSTROPHE.finditer(line):
        if m.start() in doubled:
            continue
        left = TRAILING_LETTERS.search(line, max(0, m.start() - WORD_REACH), m.start()).group()
        right = LEADING_LETTERS.match(line, m.end(), m.end() + WORD_REACH).group()
        if right.lower() not in CONTRACTIONS and doc.wordlike(left) and doc.wordlike(right) \
                and not INNER_CAPITAL.search(left):  # ``wL'th``: a garbled letter's stroke
            fixes.append(Proposal(m.start(), m.end(), " ", "noise-apostrophe", 0.8,
                             "speck between two words read as an apostrophe"))
        else:
            fixes.append(Proposal(m.start(), m.end(), "’", "apostrophe", 0.9,
                             "typographic apostrophe"))
    return fixes


CONTRACTIONS = frozenset(("s", "t", "d", "m", "ll", "re", "ve", ""))
