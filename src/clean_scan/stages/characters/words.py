"""Repairs of words: ligatures, and letters of one word spaced apart or
broken where a ligature stood."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, compress, count

import regex

from clean_scan.charmaps import (
    COMMON_SHORT_WORDS,
    LIGATURE_LETTERS,
    LIGATURES,
    NUMBER_LABELS,
)
from clean_scan.document import Proposal
from clean_scan.lexicon import (
    OPENING_PAIR_COUNT,
    Lexicon,
    function_words,
    known_form,
    load_lexicon,
    never_after_article,
)
from clean_scan.stages.characters.initial_case import opens_sentence
from clean_scan.stages.characters.lines import (
    Lines,
    _tokens,
    show,  # noqa: F401 (the examples use it)
)
from clean_scan.stages.characters.next_words import _next_line

# --- ligatures -----------------------------------------------------------

LIGATURE_CHAR = regex.compile("[" + "".join(LIGATURES) + "]")


def ligatures(line: str, doc: Lines) -> list[Proposal]:
    """Ligature code points become their letters (search and scoring want
    letters).

    >>> show(ligatures, "the \\ufb01rst o\\ufb03ce")
    'the first office'
    >>> show(ligatures, "the first office")
    'the first office'
    """
    if not LIGATURE_CHAR.search(line):
        return []
    return [Proposal(m.start(), m.end(), LIGATURES[m.group()], "ligature", 0.99,
                "ligature character replaced by its letters")
            for m in LIGATURE_CHAR.finditer(line)]


# --- words split by spaces: spaced letters and broken ligatures -----------



def spaced_letters(line: str, doc: Lines) -> list[Proposal]:
    """Join fragments of one word spaced apart, or split beside a ligature,
    when the document uses the joined word elsewhere and the fragments are
    not themselves words.

    >>> vocab = "harvesting harvesting during during office office "
    >>> show(spaced_letters, "the har vest ing season", vocab)
    'the harvesting season'
    >>> show(spaced_letters, "Dur ing the war", vocab)
    'During the war'
    >>> show(spaced_letters, "the of ce", vocab)
    'the office'

    Left alone: fragments that are words, and joins the document never uses.

    >>> show(spaced_letters, "went in to the office", vocab + "into into")
    'went in to the office'
    >>> show(spaced_letters, "the har vest ing season")
    'the har vest ing season'
    """
    if line is doc.text:  # the usual call: the document's own tokens
        tokens, distinct = doc.tokens, doc.token_counts.keys()
    else:
        tokens = _tokens(line)
        distinct = set(tokens)
    core_of = {token: token.strip(EDGE_PUNCT) for token in distinct}
    lone_of = _lone_of(core_of, doc)
    lone = list(map(lone_of.__getitem__, tokens))
    loners = list(compress(count(), lone))
    tries = sorted({*loners, *map((-1).__add__, loners), *map((-2).__add__, loners)})
    tries = tries[bisect_left(tries, 0):bisect_left(tries, len(tokens) - 1)]
    fixes: list[Proposal] = []
    done = at = pos = 0  # token ``at`` starts at ``pos`` in the text
    quick = not doc.outside_words
    counts, ligatures, ends = doc.counts, doc.ligature_words, len(tokens) - 2
    ligature_ends = {end for _, end in ligatures}
    for i in tries:
        if i < done:
            continue
        if quick:  # the fast way out of _join_at for all sizes at once: most tries end here
            first, second = core_of[tokens[i]], core_of[tokens[i + 1]]
            if not (first and second):
                continue  # an empty fragment (a mark alone, a double space) joins nothing
            pair = first + second
            pair_joins = (lone[i] or lone[i + 1]) and (
                pair.lower() in counts
                or second in ligature_ends and (first.lower(), second) in ligatures)
            if not pair_joins and not (
                    i < ends and (third := core_of[tokens[i + 2]])
                    and (lone[i] or lone[i + 1] or lone[i + 2])
                    and (pair + third).lower() in counts):
                continue
        pos += sum(map(len, tokens[at:i])) + i - at
        at = i
        window = tokens[i:i + 3]
        found = _join_at(line, window, [core_of[t] for t in window], lone[i:i + 3], pos, doc)
        if found is not None:
            fixes.append(found[0])
            done = i + found[1]
    return fixes


EDGE_PUNCT = "([“‘\"'.,;:!?)]”’-—*"


def _lone_of(core_of: dict[str, str], doc: Lines) -> dict[str, bool]:
    """For each token (mapped to its core of letters): is it a fragment of
    letters that is no word of its own (not :meth:`Lines.wordlike`)? With
    no lexicon and no user words, ``wordlike``'s test is made here inline,
    for the thousands of distinct tokens of a book, without its cache."""
    if doc.outside_words:
        wordlike = doc.wordlike
        return {token: core.isalpha() and not wordlike(core) for token, core in core_of.items()}
    get, common = doc.counts.get, COMMON_SHORT_WORDS
    lone_of = {}
    for token, core in core_of.items():
        if not core.isalpha():
            lone_of[token] = False
        elif len(core) == 1:
            lone_of[token] = core not in "aAI"
        else:
            lower = core.lower()
            lone_of[token] = lower not in common and get(lower, 0) < 3
    return lone_of


def _join_at(text: str, tokens: list[str], cores: list[str], lone: list[bool], at: int,
             doc: Lines) -> tuple[Proposal, int] | None:
    """The best join of the first 3 or 2 of ``tokens`` (the first one at
    ``at`` in ``text``, the others one space or line end apart), and how
    many it joins: fragments of letters, one space apart, with no
    punctuation between them and lower case after the first."""
    starts = list(accumulate(map((1).__add__, map(len, tokens)), initial=at))
    for size in (3, 2):
        if size > len(tokens) or not any(lone[:size]):
            continue
        words = cores[:size]
        joined = "".join(words)
        lost = doc.ligature_words.get((words[0].lower(), words[1])) if size == 2 else None
        if lost is None and joined.lower() not in doc.counts and not doc.outside_words:
            continue  # the fast way out: no word to make
        if not all(words) or not joined.isalpha() or not "".join(words[1:]).islower():
            continue
        if not (tokens[0].endswith(words[0]) and all(
                t == w for t, w in zip(tokens[1:size - 1], words[1:-1], strict=True))
                and tokens[size - 1].startswith(words[-1])):
            continue
        if "\n" in "".join(text[starts[k] - 1] for k in range(1, size)):
            continue  # never across a line end
        if tokens[size - 1].endswith(("-", "¬")):
            continue  # the last piece is half a word split at the line end (``of cer-``)
        start = starts[0] + tokens[0].index(words[0])
        end = starts[size - 1] + len(words[-1])
        fix = _judge_join(words, start, end, doc)
        if fix is not None:
            return fix, size
        if lost is not None:
            fix = _judge_join([words[0], lost + words[1]], start, end, doc, dropped=lost)
            if fix is not None:
                return fix, size
    return None


def _judge_join(words: list[str], start: int, end: int, doc: Lines,
                dropped: str = "") -> Proposal | None:
    joined = "".join(words)
    if len(joined) < 3 or not (doc.known(joined, 2) or (dropped and doc.known_word(joined))):
        return None
    fragments = [words[0], words[-1][len(dropped):]] if dropped else words
    wordlike = [doc.wordlike(w) for w in fragments]
    if all(wordlike):
        return None
    ligature_split = dropped or any(
        a.endswith(LIGATURE_LETTERS) or b.startswith(LIGATURE_LETTERS)
        for a, b in zip(words, words[1:], strict=False))
    rule = "broken-ligature" if ligature_split else "spaced-letters"
    confidence = 0.7 if any(wordlike) else (0.9 if doc.count(joined) >= 3 else 0.85)
    if dropped:
        confidence = 0.8 if any(wordlike) else 0.85
    reason = (f"ligature '{dropped}' lost between fragments" if dropped
              else "fragments of one word spaced apart")
    return Proposal(start, end, joined, rule, confidence,
               f"{reason}; '{joined}' occurs {doc.count(joined)} times in the document")


# --- two words glued: the narrow space beside a short word lost -----------

GLUED_CANDIDATE = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{L}\p{Ll}{2,}(?![\p{L}\p{N}'’-])")


def glued_words(line: str, doc: Lines) -> list[Proposal]:
    """Two words the OCR glued, losing the narrow space beside a short word,
    into a rare word of the lexicon (``ina``, ``asa``, ``fora``) or, where
    it recurs, one no lexicon knows (``ofthe``: an engine that always loses
    that space) are parted where print sets the pair a thousand times as
    often and the document itself sets it three times as often as the
    glued form (``Lines.glued_words``).

    >>> page = "in a town, in a field, in a river; as a man, as a rule, as a fact\\n"
    >>> show(glued_words, "they met ina hall asa rule", before=page)
    'they met in a hall as a rule'
    >>> show(glued_words, "the end ofthe war, ofthe day", before="of the " * 6)
    'the end of the war, of the day'

    A word no lexicon knows is parted capitalised too (``Ifwe`` opening a
    sentence, where the engine glues words after ``if``).

    >>> habit = "ifthe end, ofthe day; " + "if the and of the " * 12
    >>> show(glued_words, "Ifthe war ends, ofthe day", before=habit)
    'If the war ends, of the day'

    Left alone: a word the document prints as often as the pair
    (``cannot``), a lexicon's word capitalised (``Ina``, a name), and common
    words (``area``).

    >>> show(glued_words, "we cannot say; Ina came to the area", before=page)
    'we cannot say; Ina came to the area'
    """
    glued = doc.glued_words
    if not glued:
        return []
    fixes = []
    words = load_lexicon().words
    for m in GLUED_CANDIDATE.finditer(line):
        word = m.group()
        pair = glued.get(word.lower())
        if pair is not None and word[0].isupper():
            if word.lower() in words and not _opening_pair(line, m, pair, doc):
                continue  # a word of the lexicon capitalised: a name (``Ina``)
            pair = (pair[0].capitalize(), pair[1])
        if pair is not None:
            fixes.append(Proposal(m.start(), m.end(), " ".join(pair), "glued-words", 0.85,
                                  f"'{m.group()}' is '{' '.join(pair)}' with the space lost: "
                                  "print sets the pair far more often"))
    return fixes


def _opening_pair(line: str, m: regex.Match[str], pair: tuple[str, str], doc: Lines) -> bool:
    """Whether a capitalised lexicon word that two words glue into opens a
    sentence, print opens sentences with the pair, and the pair's second
    word goes on into the small word after it in print (``Asa warning``:
    ``As a warning``; but ``Ina came`` is a name and its verb)."""
    before = line[:m.start()]
    if before.strip():
        opens = opens_sentence(line, m.start())
    else:
        previous = doc.line(-1).rstrip()
        opens = not previous or opens_sentence(previous, len(previous))
    following = NEXT_SMALL.match(line, m.end())
    lexicon = load_lexicon()
    return opens and following is not None and \
        lexicon.pair_count(*pair) >= OPENING_PAIR_COUNT and \
        lexicon.pair_count(pair[1], following.group(1)) > 0


NEXT_SMALL = regex.compile(r"[ \t]+(\p{Ll}+)")


# --- the pronoun I read as a stroke ----------------------------------------

STROKE_FOR_I = regex.compile(
    r"(?:^|(?<=[\p{L}.,;:!?”’\"')—][ \t]))(?P<mark>[1l|\[\]J{}!])(?=[ \t]+(?P<next>\p{Ll}+)\b)")
"""A lone stroke (``1``, ``l``, ``|``, ``[``, ``J``, ``!``) where a word
stands, before a word in small letters."""
AFTER_I = 0.05
"""The share of a word's uses in print that follow ``I`` for the word to
vouch for the pronoun before it (``am``, ``think``, ``had``: far above;
``is``, ``in``, ``and``: far below)."""


def follows_the_pronoun(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` follows ``I`` in a share ``AFTER_I`` of its uses in
    print or more (``am``, ``think``; not ``is``, ``in``)."""
    return lexicon.pair_count("i", word) >= AFTER_I * max(lexicon.count(word), 1)


def stroke_for_i(line: str, doc: Lines) -> list[Proposal]:
    """The capital ``I`` of the pronoun is a single stroke that engines read
    as ``1``, ``l``, ``|``, ``[``, ``J`` or ``!``: standing alone before a
    word that follows ``I`` in print often (``| am``, ``1 think``), the
    stroke is the pronoun.

    >>> show(stroke_for_i, "that | am sitting here, and 1 think that J had seen it")
    'that I am sitting here, and I think that I had seen it'

    Left alone: a number (``1 in 10``, ``Chapter 1 deals``), a stroke before
    a word that seldom follows ``I`` (``| is``), a capitalised word after it,
    any stroke on a page with a footnote below, where it may be the note's
    reference set apart (``Finland 1 just as``), and a stroke opening a line
    where the margins are noisy (:func:`~.margins.noisy_margins`).

    >>> show(stroke_for_i, "rose 1 in 10, see Chapter 1 had it | is so 1 The")
    'rose 1 in 10, see Chapter 1 had it | is so 1 The'
    """
    if doc.note_page[doc.index]:
        return []  # a stroke after a word may be a note's raised figure (``Finland 1 just``)
    lexicon = load_lexicon()
    fixes = []
    for m in STROKE_FOR_I.finditer(line):
        following = m.group("next")
        before = line[:m.start()].split()
        if before and before[-1].lower().strip(".") in NUMBER_LABELS:
            continue
        if not before and doc.noisy_margins[0]:
            continue  # a dark margin's stroke at the line start
        if not follows_the_pronoun(following, lexicon):
            continue
        # with the space before it: the span a speck repair would take the
        # stroke away with, which this one, running first, then takes
        start = m.start("mark") - (m.start("mark") > 0)
        fixes.append(Proposal(start, m.end("mark"), line[start:m.start("mark")] + "I",
                              "stroke-for-i", 0.85,
                              f"'{m.group('mark')} {following}': a stroke alone before a word "
                              "that follows the pronoun: I"))
    return fixes


LONE_SMALL_I = regex.compile(
    r"(?:^|(?<=[\p{L}.,;:!?”’\"')—][ \t]))(?P<i>i)(?:[ \t]+(?=(?P<next>[\p{L}“‘\"'(]\S*))|[ \t]*$)")
"""A small ``i`` standing alone between words (never ``(i)``, ``i.``, ``i.e.``)."""
HAS_WORD = regex.compile(r"\p{L}{2,}")
LONE_I_NEEDLE = regex.compile(r"(?<![^ \t\n])i(?![^ \t\n])")
"""What the repair's gate looks for: an ``i`` with a space or line edge either side."""


def lone_small_i(line: str, doc: Lines) -> list[Proposal]:
    """A small ``i`` standing alone is no word of English print: before a
    word that follows the pronoun (``i think``) it is ``I`` with its
    serifs lost; anywhere else a speck read as a letter, which goes.

    >>> show(lone_small_i, "as i think the consistent i attempt to i", after="\\nmake")
    'as I think the consistent attempt to'

    Left alone: list numerals (``(i)``, ``i.``), ``i.e.``, words, and a
    line of no word (``i i``: a numeral garbled, for the heading repairs).

    >>> show(lone_small_i, "(i) the first, i. the second, i.e. the third, in it")
    '(i) the first, i. the second, i.e. the third, in it'
    >>> show(lone_small_i, "i i")
    'i i'
    """
    if not HAS_WORD.search(line):
        return []
    lexicon = load_lexicon()
    fixes = []
    for m in LONE_SMALL_I.finditer(line):
        following = (m.group("next") or "").strip("“‘\"'(")
        if following.isalpha() and following.islower() and \
                follows_the_pronoun(following, lexicon):
            fixes.append(Proposal(m.start("i"), m.end("i"), "I", "lone-small-i", 0.85,
                                  f"'i {following}': a small i alone before a word that "
                                  "follows the pronoun: I"))
            continue
        start, end = m.start("i"), m.end()
        if not m.group("next"):  # at the line's end: the space before it goes too
            start -= len(line[:start]) - len(line[:start].rstrip(" \t"))
        fixes.append(Proposal(start, end, "", "lone-small-i", 0.85,
                              "a small i standing alone, no word of print: a speck"))
    return fixes


LONE_A = regex.compile(
    r"(?:^|(?<=[\p{L}.,;:!?”’\"')—][ \t]))(?P<a>a)(?:[ \t]+(?P<next>\p{L}+)(?![\p{L}'’])"
    r"|[ \t]*$)")
"""A small ``a`` standing alone, and the word after it on the line (the
first part of a compound: ``a counter-revolutionary``)."""
WORD_THEN_SPACE = regex.compile(r"[.,;:!?]?(?:[ \t]+\S|[ \t]*$)")
"""What follows a whole word read cleanly: a space, or the line's end; a
word glued to noise (``ape«``) may be a misread."""


def _read_whole(line: str, m: regex.Match, next_line: str) -> bool:
    """Whether the word after the ``a`` of ``m`` (on this line, or opening
    the next) is read whole, nothing glued to it."""
    if m.group("next"):
        return bool(WORD_THEN_SPACE.match(line, m.end("next")))
    word = NEXT_WORD_OF_LINE.match(next_line)
    return word is not None and bool(WORD_THEN_SPACE.match(next_line, word.end(1)))


DETERMINER_BEFORE = regex.compile(
    r"(?i)(?<![\p{L}'’])(?:the|a|an|its|their|our|my|your|his|every)[ \t]*$")
"""A determiner ending the text before an ``a``: no two stand together
(``the a Bolsheviks``, ``every a modern``); ``this a``, ``her a``, ``each
a`` may be a question's, an object's or an apposition's (``is this a``,
``gave her a``, ``were each a member``). The Latin ``a`` of ``an a
priori`` stands before no English word."""


def _vowel_sound(word: str) -> bool:
    """Whether a common word in small letters opens with a vowel's sound,
    before which the article is ``an``: ``u`` (``a union``) and ``one``,
    ``once``, ``eu`` (``a European``) open with a consonant's. A rare or
    unknown one may be a misread (``a iasting`` for ``a lasting``)."""
    return word[:1] in ("a", "e", "i", "o") and word.islower() and \
        not word.startswith(("one", "once", "eu", "ewe")) and load_lexicon().common(word)


def _no_article_here(line: str, m: regex.Match, following: str, doc: Lines,
                     never: frozenset[str], closed: frozenset[str]) -> bool:
    """Whether the lone ``a`` of ``m`` stands where no article can: before
    a word that never follows it, a capitalised function word, a common
    word opening with a vowel's sound (read whole), or after a determiner
    before an English word (or compound: ``the a counter-revolutionary``;
    the other tests never weigh a compound's first part: ``a so-called``,
    ``a well-known``)."""
    before = line[:m.start("a")] or doc.line(-1)
    if m.group("next") and line[m.end("next"):m.end("next") + 1] == "-":
        return DETERMINER_BEFORE.search(before) is not None and following in load_lexicon()
    if following in never or following.istitle() and following.lower() in closed:
        return True
    if not following and m.group("next") is None and SENTENCE_ENDED.search(line, 0, m.start("a")) \
            and not _next_line(doc) and not doc.line(1).startswith("\f"):
        return True  # ``works. : a`` and a blank line: no paragraph ends with an article
    if following not in closed and _vowel_sound(following) and \
            _read_whole(line, m, _next_line(doc).lstrip()):
        return True
    return DETERMINER_BEFORE.search(before) is not None and following in load_lexicon()


SENTENCE_ENDED = regex.compile(r"\p{L}[.!?][’”'\"]?[ \t]+(?:[^\s\p{L}\p{N}]+[ \t]+)*$")
"""A sentence's end, and specks after it, up to the ``a``."""
LONE_A_NEEDLE = regex.compile(r"(?<![^ \t\n])a(?![^ \t\n])")
"""What the repair's gate looks for: an ``a`` with a space or line edge either side."""


def lone_a_before_function_word(line: str, doc: Lines) -> list[Proposal]:
    """A small ``a`` before a word that never follows the article (``the``,
    ``from``, ``their``), or before a capitalised function word (``The``,
    ``In``), is no article: a speck or a margin's dirt read as a letter,
    which goes.

    >>> show(lone_a_before_function_word, "the State emerged a from anything; of a an even")
    'the State emerged from anything; of an even'
    >>> show(lone_a_before_function_word, "at home. a The prospect was ruled by a", after="\\nthe")
    'at home. The prospect was ruled by'

    Nor does ``a`` stand before a vowel (``an order``): ``in a order`` is a
    speck before ``order``.

    >>> show(lone_a_before_function_word, "in a order to, a organisation, a one-sided, a union")
    'in order to, organisation, a one-sided, a union'

    Nor does a paragraph end with one after its last sentence:

    >>> show(lone_a_before_function_word, "for making reproductive works. : a", after="\\n\\nCivil")
    'for making reproductive works. :'

    Nor after another determiner (``the a Bolsheviks``), but for Latin:

    >>> show(lone_a_before_function_word, "of the a Bolsheviks, an a priori truth")
    'of the Bolsheviks, an a priori truth'
    >>> show(lone_a_before_function_word, "the a counter-revolutionary forces, a so-called plan")
    'the counter-revolutionary forces, a so-called plan'

    Left alone: the article before a noun, an adjective or an adverb, and
    before the words that are nouns too (``a being``, ``a while``, ``a
    not unreasonable``); ``a`` as a variable (``where a is``, ``from a to
    b``, ``a and b``); ``a`` in a list label (``(a) the``).

    >>> show(lone_a_before_function_word,
    ...      "to have a being which a while ago was a very great and not a not small (a) the")
    'to have a being which a while ago was a very great and not a not small (a) the'
    >>> show(lone_a_before_function_word, "where a is known, from a to b, a and b")
    'where a is known, from a to b, a and b'
    """
    never, closed = never_after_article(), function_words()
    fixes = []
    for m in LONE_A.finditer(line):
        following = m.group("next")
        if following is None:
            following = NEXT_WORD_OF_LINE.match(_next_line(doc).lstrip())
            following = following.group(1) if following else ""
        if not _no_article_here(line, m, following, doc, never, closed):
            continue
        start, end = m.start("a"), m.end("a")
        end += len(line[end:]) - len(line[end:].lstrip(" \t"))  # the space after it goes too
        if end == len(line):
            start -= len(line[:start]) - len(line[:start].rstrip(" \t"))
        fixes.append(Proposal(start, end, "", "lone-a-speck", 0.85,
                              f"'a {following}': no article stands before '{following}': "
                              "a speck read as a letter"))
    return fixes


NEXT_WORD_OF_LINE = regex.compile(r"(\p{L}+)")


MARKED_WORD = regex.compile(r"(?<![\p{L}\p{N}.,;:'’-])\p{L}+(?:[,.;:]\p{Ll}+)+(?![\p{L}\p{N}])")
"""Small letters parted only by stops, commas, colons or semicolons, no
space after any (``Ru,s,sia``, ``fir,st``), after a word's first letters."""
MARK_INSIDE_NEEDLE = regex.compile(r"\p{Ll}[,.;:]\p{Ll}")
"""What the repair's gate looks for: a mark between two small letters."""


def mark_inside_word(line: str, doc: Lines) -> list[Proposal]:
    """Marks between the letters of one word, taken out where the letters
    make a known word and the pieces do not make known words (a space the
    scan lost after a comma, ``however,the``, parts two words): an engine
    that reads a letter's stroke as a comma or a stop beside it
    (``Ru,s,sia``, ``fir,st``, ``wa,s``).

    >>> show(mark_inside_word, "agricultural Ru,s,sia fir,st of all, as it wa,s then")
    'agricultural Russia first of all, as it was then'

    Pieces that are words are parted by a space lost after the mark
    (``however,the``). Left alone besides: abbreviations (``i.e.``,
    ``e.g``, ``U.S.S.R.``), what no lexicon knows joined, and marks before
    the letter a document's marks stand before nearly always
    (``Lines.glyph_mark``): ``glyph-stroke`` takes those.

    >>> show(mark_inside_word, "however,the plan, i.e. the one, e.g ours, U.S.S.R. and xy,zq")
    'however,the plan, i.e. the one, e.g ours, U.S.S.R. and xy,zq'
    """
    lexicon, closed, glyph = load_lexicon(), function_words(), doc.glyph_mark
    fixes = []
    for m in MARKED_WORD.finditer(line):
        pieces = regex.split(r"[,.;:]", m.group())
        joined = "".join(pieces)
        if len(joined) < 3 or not (known_form(joined, lexicon) or doc.count(joined) >= 2):
            continue
        if glyph and all(p.startswith(glyph) for p in pieces[1:]):
            continue  # the glyph's stroke: glyph-stroke's
        if all(len(p) > 1 and known_form(p, lexicon) for p in pieces) and \
                all(len(p) > 2 or p.lower() in closed for p in pieces[1:]):
            continue  # words, a space lost after the mark (not ``fir,st``: st is no word here)
        at = m.start()
        for piece in pieces[:-1]:
            at += len(piece)
            fixes.append(Proposal(at, at + 1, "", "mark-inside-word", 0.85,
                                  f"'{m.group()}': '{joined}' is a word, its pieces are not: "
                                  "a letter's stroke read as a mark"))
            at += 1
    return fixes
