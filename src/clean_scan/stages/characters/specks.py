"""Specks read as punctuation, and marks misread for one another.

A rough scan carries dirt, show-through and broken type that an OCR engine
reads as the nearest mark: a stop, colon, hyphen or quote glued to a word
(``-with``, ``the. State``, ``role.of``) or standing alone (``the : people``).
And a small mark in worn type is read as its neighbour in shape: a comma
whose tail did not print is a stop (``that. in consequence``). These
repairs decide such marks by what running text can hold, never by the
words of any book:

* a word that binds to the next (``the``, ``of``, ``and``: the
  ``binding-words`` list) is never followed by a stop, so a stop after it is
  a speck;
* a stop before a small letter ends no sentence, so unless it closes an
  abbreviation (the ``stop-abbreviations`` list) it is a comma misread;
* a stop, colon or hyphen between two words with no space is a speck
  joining them, where each side is a word (a hyphen only beside a binding
  word: ``well-known`` is printed so);
* a mark glued before a word (``-with``, ``_ranks``) is a speck;
* a mark standing alone between words is one, where the document is
  specky: its own count of sure specks decides how bold to be
  (:func:`speck_rate`), so a clean export that spaces its colons keeps them.

Each repair takes a printed line and the characters stage's
:class:`~clean_scan.stages.characters.Lines`, and returns line-relative
proposals, as the characters stage's own repairs do.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import (
    binding_words,
    function_words,
    known_form,
    load_lexicon,
    stop_abbreviations,
)
from clean_scan.stages.characters.dashes import is_dash
from clean_scan.stages.characters.next_words import (
    ABBREVIATION_OPENING,
    NEXT_WORD,
    SPECK_RUN,
    _next_line,
    words_after,
)
from clean_scan.stages.characters.split_words import next_piece

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

SPECKY = 2.0
"""Sure specks per thousand words from which a document's lone marks are
taken for specks too. Measured on the text the stage receives, its
furniture and noise lines (specky themselves) already taken away: clean
exports and mild scans show about 1 or less, rough scans 2.7 to 4 and more."""


SURE_SPECK = regex.compile(
    r"\s[-_~=|:;]\p{Ll}"                          # a mark glued before a small word
    r"|[.:;]\p{Ll}{2}(?<=\p{Ll}[.:;]\p{Ll}{2})"    # one glued between two small words
    r"|[ \t](?:[:;=©°¢~_|\-]|\.(?![ \t]*\.))[ \t](?<=\S[ \t].[ \t])(?<!\.[ \t]\.[ \t])\S"  # alone
    r"|[ \t]-[ \t]*\n(?<=\S[ \t]-[ \t]*\n)(?=[ \t]*\p{L})")  # a hyphen alone at a line end
"""Each alternative starts at a space or a mark, not at every letter: the
text is searched once, fast."""
WORDS = regex.compile(r"\S+")
MIN_SPECKS = 3
SAMPLES, SAMPLE_SPAN = 4, 12_000
"""A long text's speck rate is measured on four stretches of 12,000
characters spread through it: as telling, and a book is not read whole."""


def speck_rate(text: str) -> float:
    """Sure specks per thousand words: how much dirt the OCR read as marks.

    >>> speck_rate("a plain clean line of text, as printed.")
    0.0
    >>> speck_rate("the -with : of role.of text -and the -for") > SPECKY
    True
    """
    if len(text) > SAMPLE_SPAN * SAMPLES:  # a long text: measured on stretches spread through it
        step = len(text) // SAMPLES
        text = "\n".join(text[k * step:k * step + SAMPLE_SPAN] for k in range(SAMPLES))
    words = len(WORDS.findall(text))
    specks = len(SURE_SPECK.findall(text))
    if specks < MIN_SPECKS or not words:
        return 0.0  # too few to tell a specky scan from chance
    return 1000.0 * specks / words


def hyphen_speck_rate(text: str) -> float:
    """Hyphens per thousand words joining a function word to a common word
    in a compound the lexicon does not know (``had-been``, ``to-make``,
    ``a-certain``): specks an engine read as hyphens, which a rough scan
    shows by the dozen and a clean text seldom (``so-called`` is known).

    >>> hyphen_speck_rate("the house had-been built to-make a-certain home " * 3) > HYPHEN_SPECKY
    True
    >>> hyphen_speck_rate("the well-known so-called working-class to-day " * 3)
    0.0
    """
    if len(text) > SAMPLE_SPAN * SAMPLES:  # a long text: measured on stretches spread through it
        step = len(text) // SAMPLES
        text = "\n".join(text[k * step:k * step + SAMPLE_SPAN] for k in range(SAMPLES))
    words = len(WORDS.findall(text))
    lexicon = load_lexicon()
    joins = function_words()
    found = sum(1 for m in HYPHEN_PAIR.finditer(text)
                if (m.group(1).lower() in joins or m.group(2).lower() in joins)
                and m.group().lower() not in lexicon
                and lexicon.common(m.group(1)) and lexicon.common(m.group(2)))
    return 1000.0 * found / words if found >= MIN_HYPHEN_SPECKS and words else 0.0


HYPHEN_PAIR = regex.compile(r"(?<![\p{L}-])(\p{L}+)-(\p{Ll}+)(?![\p{L}-])")
"""Two words joined by a hyphen, the second in small letters (``By-Laws``,
a title's compound, is no speck's work)."""
MIN_HYPHEN_SPECKS = 5
"""Fewer such hyphens than this in a text may all be its compounds."""
HYPHEN_SPECKY = 1.0
"""Hyphen specks per thousand words that make a document's hyphens suspect."""


def _block_start(doc: Lines) -> bool:
    """Whether the current line begins a block (a blank line or page break before it)."""
    return doc.index == 0 or doc.lines[doc.index - 1].strip() in ("", "\f")


def _small_word_follows(line: str, end: int, doc: Lines) -> bool:
    """Whether the sentence goes on after ``end`` in a common word in small
    letters, on the line or at the next line's start (a garbled capital,
    ``lu`` for ``In``, is no common word)."""
    rest = line[end:].lstrip() or _next_line(doc)
    word = NEXT_WORD.match(rest)
    return bool(word) and word.group(1).islower() and len(word.group(1)) >= 2 \
        and load_lexicon().common(word.group(1))


def _sentence_goes_on(line: str, end: int, doc: Lines) -> bool:
    """Whether the sentence goes on after ``end`` in a word in small
    letters: a common word, or any word the lexicon knows of three letters
    or more (a garbled capital, ``lu`` for ``In``, is short; a lone ``a`` may
    be a noisy margin's, but not before a word on the line), or a dotted
    abbreviation no sentence opens with (``power. i.e. its Army``).

    >>> from clean_scan.stages.characters import Lines
    >>> from clean_scan.stage import Context
    >>> doc = Lines("x", Context())
    >>> _sentence_goes_on("There was, however. a question", 19, doc)
    True
    """
    rest = words_after(line, end, doc)
    dotted = ABBREVIATION_OPENING.match(rest)
    if dotted is not None and dotted.group(1) in stop_abbreviations():
        return True
    word = NEXT_WORD.match(rest)
    if not word or not word.group(1).islower():
        return False
    following = word.group(1)
    if rest[word.end():].rstrip() == "-" and line[end:].strip():  # ``inde-`` / ``pendently``
        following += next_piece(doc)
    if following == "a" and line[end:].strip():  # inside the line, before a word
        return ARTICLE_BEFORE_WORD.match(rest) is not None
    return _word_going_on(following)


def _word_going_on(word: str) -> bool:
    """Whether a word in small letters after a mark goes on the sentence: a
    common word, or any the lexicon knows of three letters or more (a
    garbled capital, ``lu`` for ``In``, is short)."""
    lexicon = load_lexicon()
    return (len(word) >= 2 and lexicon.common(word)) or (len(word) >= 3 and word in lexicon)


BREAK_REACH = 6
"""Lines past a line's end looked at for the text that goes on (blank lines,
the page break the furniture stage leaves, the blank lines after it)."""


def _goes_on_past_break(doc: Lines) -> bool:
    """Whether the text after the current line, past blank lines and a page
    break, goes on in a word in small letters the lexicon knows: a sentence
    cut by a page's end (``expelled and.`` / page break / ``the basis``).

    >>> from clean_scan.stages.characters import Lines
    >>> from clean_scan.stage import Context
    >>> doc = Lines("were expelled and.\\n\\n\\f\\n\\nthe basis of it\\n", Context())
    >>> _goes_on_past_break(doc)
    True
    >>> doc.index = 4
    >>> _goes_on_past_break(doc)
    False
    """
    for k in range(doc.index + 1, min(len(doc.lines), doc.index + 1 + BREAK_REACH)):
        text = doc.lines[k].strip()
        if text in ("", "\f"):
            continue
        word = NEXT_WORD.match(text)
        return bool(word) and word.group(1).islower() and _word_going_on(word.group(1))
    return False


ARTICLE_BEFORE_WORD = regex.compile(r"[“‘\"']?a[ \t]+\p{Ll}{2,}")
"""``a`` before a word in small letters: the article (``however. a
question``); at a line's edge a lone ``a`` may be a noisy margin's."""


STOP_THEN_SMALL = regex.compile(
    rf"\p{{L}}\)?\.(?:[ \t]+{SPECK_RUN}[ \t]*\p{{Ll}}|[ \t]+\p{{Ll}}"
    rf"|(?:[ \t]+{SPECK_RUN})?[ \t]*\n[ \t]*(?:(?:{SPECK_RUN}|_+)[ \t]*)?\p{{Ll}})")
"""What the stop rules act on, as one search of the text: a stop after a
letter before a small one, on the line or at the next line's start (an
underscore before it may be a speck: :func:`words_after`)."""


WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{N}.'’-])\p{L}+$")


GLUED = regex.compile(r"(?<=\p{L})[.:;_~=|•-](?=\p{L})")
"""A mark between two letters; the words either side are read from there
(starting at the mark, the search skips the letters fast)."""
HYPHEN_PART_LEFT = regex.compile(r"(?<![\p{L}\p{N}.'’])(?<=^|[^\p{L}]|-)\p{L}+$")
HYPHEN_PART_RIGHT = regex.compile(r"\p{L}+(?![\p{L}\p{N}'’]|\.[\p{L}\p{N}])")
HYPHEN_CHAIN = regex.compile(
    r"(?<![\p{L}\p{N}.'’-])\p{L}+(?:-\p{L}+)+"
    r"(?![\p{L}\p{N}'’]|\.[\p{L}\p{N}]|-(?:\p{L}|[ \t]*$))")
"""Words joined by hyphens, a stop closing a sentence after them perhaps
(``of-road.``), none inside an abbreviation's chain of stops; a hyphen
glued after the last, before a space or dash inside the line (``who-have-
not``), is a speck of its own and no part of the chain; at the line's end
(``day-to-``) it splits the chain's next word."""


def _at_a_binding_edge(chain: str, line: str, at: int, binding: dict[str, str]) -> bool:
    """Whether the hyphen at ``at`` joins the chain's first or last word to
    the rest and that word binds to the next (``for-support-of``), as a
    speck does; a compound's inner hyphens (``day-to-day``) do not."""
    parts = chain.split("-")
    start = line.rfind(chain, 0, at + 1)
    index = line[start:at].count("-")  # which hyphen of the chain this is
    return (index == 0 and parts[0].lower() in binding) or \
        (index == len(parts) - 2 and parts[-1].lower() in binding)


def _written_apart(chain: str, doc: Lines) -> bool:
    """Whether two words a hyphen joins, one of them a function word, are
    words the text writes apart elsewhere (``had-been``, ``in-fact``,
    ``as-a`` where ``had been``, ``in fact``, ``as a`` stand as two words),
    or the text's hyphens are specks by the dozen (:func:`hyphen_speck_rate`):
    a speck, since the compound is printed nowhere else. Two function words
    (``who-have``) make no compound at all."""
    parts = chain.lower().split("-")
    if len(parts) != 2 or not any(p in function_words() for p in parts):
        return False
    if doc.hyphen_specky or all(p in function_words() for p in parts):
        return True  # a document whose hyphens are specks by the dozen
    pattern = regex.compile(rf"(?i)(?<!\p{{L}}){parts[0]}[ \t\n]+{parts[1]}(?!\p{{L}})")
    return pattern.search(doc.text) is not None


def _hyphen_chain(line: str, at: int) -> str | None:
    """The words joined by hyphens around the hyphen at ``at``."""
    for m in HYPHEN_CHAIN.finditer(line, max(0, at - 60), at + 60):
        if m.start() < at < m.end():
            return m.group()
    return None


GLUED_LEFT = regex.compile(r"(?<![\p{L}\p{N}.'’])\p{L}+$")
GLUED_RIGHT = regex.compile(r"\p{L}+(?![\p{L}\p{N}'’-])(?!\.[\p{L}\p{N}])")
"""The word after a glued mark: whole, and not inside an abbreviation's
chain of stops (``U.S.S.R``); a stop closing its sentence may follow it
(``easy to.understand.``)."""


def speck_between_words(line: str, doc: Lines) -> list[Proposal]:
    """A mark glued between two words is a speck joining them.

    >>> from clean_scan.stages.characters import show
    >>> show(speck_between_words, "the role.of the attempt.to the:State in-its a.mass",
    ...      before="-with -from -the\\n")
    'the role of the attempt to the State in its a mass'

    A hyphen is taken for a speck only beside a word that binds to the next
    and only in a specky document (:func:`speck_rate`). Left alone:
    abbreviations (``i.e``), compounds (``well-known``, ``working-class``,
    ``to-day``), and a hyphen between two words neither of which binds to
    the next, unless the text writes the two apart elsewhere and one is a
    function word (:func:`_written_apart`).

    >>> show(speck_between_words, "i.e the well-known working-class to-day anti-war")
    'i.e the well-known working-class to-day anti-war'
    >>> show(speck_between_words, "the public for-support-of the day-to-day work",
    ...      before="and -with -from -the\\n")
    'the public for support of the day-to-day work'

    Nor is a hyphen between two capitalised words, a compound in title case
    (``the By-Laws Committee``).

    >>> show(speck_between_words, "the By-Laws Committee", before="and -with -from -the\\n")
    'the By-Laws Committee'

    In a specky document the article glued on (``ruled by.a``, ``as-a
    whole``, where the text writes ``as a``) and a stop beside a misread
    word (``arising trom.this``) are specks too.

    >>> show(speck_between_words, "ruled by.a party arising trom.this as-a whole",
    ...      before="and -with -from -the as a rule\\n")
    'ruled by a party arising trom this as a whole'

    In any text a stop glued between a known word, however rare, and one
    that binds to the next (``summon.the``): no sentence opens in small
    letters, and no abbreviation is a word.

    >>> show(speck_between_words, "to summon.the registrar, the U.S.A. and e.g. the")
    'to summon the registrar, the U.S.A. and e.g. the'

    An engine's unread glyph (``_``) inside a word the document teaches it
    for (:mod:`~clean_scan.stages.characters.learned`: GOCR's ``_`` for an
    ``s`` it cannot read) is a letter, not a speck: ``hay_tack_`` is one
    word.
    """
    fixes = []
    lexicon = load_lexicon()
    binding = binding_words()
    specky = doc.speck_rate >= SPECKY
    for m in GLUED.finditer(line):
        mark = m.group()
        if mark == "_" and _glyph_word(line, m.start()) in doc.learned_readings:
            continue  # the engine's unread glyph in a word the document teaches it for
        if mark == "-" and _article_joined(line, m.start()):
            fixes.append(Proposal(m.start(), m.end(), " ", "speck-between-words", 0.85,
                                  "a hyphen after an article: no compound opens with one"))
            continue
        if mark == "-":
            if not (specky or doc.hyphen_specky) or is_dash(line, m.start(), doc):
                continue  # a clean text's hyphens are its compounds' (``up-to-date``)
            chain = _hyphen_chain(line, m.start())
            if chain is None or chain.lower() in lexicon or doc.count_as_printed(chain) > 1:
                continue  # a compound, however many its parts
            apart = _written_apart(chain, doc)
            if not (apart or _at_a_binding_edge(chain, line, m.start(), binding)):
                continue  # ``day-to-day``: a speck joins a binding word at a chain's edge
        left = GLUED_LEFT.search(line, 0, m.start())
        right = GLUED_RIGHT.match(line, m.end())
        if mark == "-":  # the words either side, inside a chain of them (``for-support-of``)
            left = HYPHEN_PART_LEFT.search(line, 0, m.start())
            right = HYPHEN_PART_RIGHT.match(line, m.end())
        if left is None or right is None:
            continue
        a, b = left.group(), right.group()
        article = "a" in (a, b) and len(a + b) >= 3  # ``by.a``, ``as-a``: the article glued
        if (len(a) + len(b) < 4 and not article) or (len(a) < 2 and a.lower() not in ("a", "i")):
            continue
        if not (lexicon.common(a) and lexicon.common(b)) and not (
                specky and mark in ".:;" and _misread_beside_common(a, b, lexicon)) and \
                not (mark == "." and b in binding and len(a) >= 3 and a.lower() in lexicon):
            continue  # ``summon.the``: a word and one that binds to the next, in any text
        if mark == "-":
            if a.lower() not in binding and b.lower() not in binding and not apart:
                continue
            if a[0].isupper() and b[0].isupper() and not (a.isupper() and b.isupper()):
                continue  # a compound in title case (``By-Laws``): a speck keeps no case
        elif b[0].isupper() and a.lower() not in binding:
            continue  # ``war.The``: a stop with its space lost, not a speck
        fixes.append(Proposal(m.start(), m.end(), " ", "speck-between-words", 0.85,
                              "a mark glued between two words: a speck"))
    return fixes


ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}\p{N}'’.-])(?:the|an|a)$")
WORD_AFTER_ARTICLE = regex.compile(r"\p{L}{3,}(?![\p{L}-])")


def _article_joined(line: str, at: int) -> bool:
    """Whether the hyphen at ``at`` joins an article to a known word
    (``the-Anglican``, ``the-circumstances``): English makes no compound of
    an article, so in any text it is a speck.

    >>> _article_joined("for the-Anglican portion", 7), _article_joined("a well-known man", 6)
    (True, False)
    """
    if ARTICLE_BEFORE.search(line, 0, at) is None:
        return False
    word = WORD_AFTER_ARTICLE.match(line, at + 1)
    return word is not None and known_form(word.group(), load_lexicon())


GLYPH_WORD = regex.compile(r"[\p{L}_]+")


def _glyph_word(line: str, at: int) -> str:
    """The word of letters and unread glyphs (``_``) around offset ``at``
    (``hay_tack_``), as the learned substitutions read it."""
    start = at
    while start and (line[start - 1].isalpha() or line[start - 1] == "_"):
        start -= 1
    return GLYPH_WORD.match(line, start).group()


def _misread_beside_common(a: str, b: str, lexicon) -> bool:
    """Two words in small letters of three letters or more, one common and
    the other no word the lexicon knows (``trom.this``): a misread word
    beside a speck, which the spelling stage reads once the speck is gone."""
    if not (a.islower() and b.islower() and len(a) >= 3 and len(b) >= 3):
        return False
    return (lexicon.common(a) and b not in lexicon) or (lexicon.common(b) and a not in lexicon)


LEADING_MARK = regex.compile(
    r"(?:(?<=^[ \t]*)|(?<=[ \t]))(?P<mark>[-_~=|:;,]+)(?=(?P<word>\p{L}{2,}|a(?!\p{L})))")


def speck_before_word(line: str, doc: Lines) -> list[Proposal]:
    """A mark glued before a word: no word of running text starts so.

    >>> from clean_scan.stages.characters import show
    >>> show(speck_before_word, "opposition is identical -with the _-ranks of :the")
    'opposition is identical with the ranks of the'

    Left alone: a dash, numbers (``-5``), a mark before a capital (a
    newspaper's ``Produce -All``), and a mark before a fragment no lexicon
    knows.

    >>> show(speck_before_word, "—their -5 per cent -xq Sugar -Considerable")
    '—their -5 per cent -xq Sugar -Considerable'

    Nor a low line where the text gives one for each glyph its engine could
    not read (:data:`UNREAD_GLYPH_HABIT`): a letter lost there.

    >>> show(speck_before_word, "the _ale of _tamp_", before="ca_e mi_ery " * 12)
    'the _ale of _tamp_'

    Nor where the engine gives ``_`` for the capitals it could not read
    (Ocrad's ``_arner`` for ``Warner``): ``_ales`` is no ``ales``.

    >>> show(speck_before_word, "from New South _ales", before="_arner and _hite " * 10)
    'from New South _ales'
    """
    lexicon = load_lexicon()
    unread_glyphs = _glued_low_lines(doc.text) >= UNREAD_GLYPH_HABIT
    return [Proposal(m.start("mark"), m.end("mark"), "", "speck-before-word", 0.85,
                     "a mark glued before a word: a speck")
            for m in LEADING_MARK.finditer(line)
            if m.group("word").islower() and m.group("word") in lexicon
            and not (unread_glyphs and m.group("mark").endswith("_"))]


UNREAD_GLYPH_HABIT = 20
"""Low lines a text must hold glued to its words' letters for ``_`` to be
its engine's mark for a glyph it could not read (GOCR's and Ocrad's way), a
letter lost, not a speck: ``_tamp_`` is ``stamps``, not ``tamp_``, and
``_ales`` a capital lost (``Wales``), not ``ales``. Tesseract reads a speck
as ``_`` beside a word a few times a pamphlet (seven at most in 50 of them);
the engines that mark what they could not read do so dozens of times."""
GLUED_LOW_LINE = regex.compile(r"(?<=\p{L})_+|_+(?=\p{L})")


@lru_cache(maxsize=4)
def _glued_low_lines(text: str) -> int:
    """How many runs of ``_`` in ``text`` touch a letter (once per text:
    the string keeps its hash)."""
    return len(GLUED_LOW_LINE.findall(text))


DOUBLED_STOP = regex.compile(r"(?<=\p{L}|\p{L}\.\p{L})\.\.(?!\.)(?P<glued>(?=\p{L}))?")


def doubled_stop(line: str, doc: Lines) -> list[Proposal]:
    """Two stops after a word (``task..From``, ``inevitable..``): a speck
    beside the stop; an ellipsis has three.

    >>> from clean_scan.stages.characters import show
    >>> show(doubled_stop, "is our task..From the U.S.S.R.. and so... on")
    'is our task. From the U.S.S.R. and so... on'
    """
    return [Proposal(m.start(), m.end(), ". " if m.group("glued") is not None else ".",
                     "doubled-stop", 0.9, "a second stop after a word: a speck")
            for m in DOUBLED_STOP.finditer(line)]


TRAILING_HYPHEN = regex.compile(r"(?<=\p{L}{2})-(?=[ \t]+\p{Ll})")


def hyphen_before_a_space(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document, a hyphen glued after a word, before a space
    and a small word that does not complete it (``it- was``, ``ten- per``):
    a speck; a split whose line end the export lost (``con- ference``) is
    the dehyphenate stage's.

    >>> from clean_scan.stages.characters import show
    >>> page = "and -with -from -the\\n"
    >>> show(hyphen_before_a_space, "in Russia was it- a rise of ten- per cent", before=page)
    'in Russia was it a rise of ten per cent'
    >>> show(hyphen_before_a_space, "the con- ference and pre- and post-war", before=page)
    'the con- ference and pre- and post-war'
    """
    if "-" not in line or doc.speck_rate < SPECKY or doc.note_page[doc.index]:
        return []  # on a page with a note, the hyphen may be its mark misread
    lexicon = load_lexicon()
    fixes = []
    for m in TRAILING_HYPHEN.finditer(line):
        left = WORD_BEFORE.search(line, max(0, m.start() - 20), m.start())
        right = NEXT_WORD.match(line[m.end():m.end() + 64].lstrip())
        if left is None or right is None:
            continue
        word, following = left.group(), right.group(1)
        if not lexicon.common(word) or (word + following).lower() in lexicon or \
                following in ("and", "or", "to"):
            continue  # a split word, or a suspended compound (``pre- and post-war``)
        fixes.append(Proposal(m.start(), m.end(), "", "speck-after-word", 0.85,
                              "a hyphen glued after a word it does not join: a speck"))
    return fixes


SPACED_POSSESSIVE = regex.compile(r"(?<=\p{L}{2})['’][ \t]s(?!\p{L})")
"""A possessive whose ``s`` the engine read apart from its apostrophe
(``the inspector' s office``): no word is ``s`` alone."""
