"""Repairs of spacing: italic type's stray spaces, specks read as stops
and marks, dashes, and a drop capital set apart from its word."""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import function_words
from clean_scan.stages.characters.lines import (
    LEADING_LETTERS,
    WORD_REACH,
    Lines,
    show,  # noqa: F401 (the examples use it)
)
from clean_scan.stages.characters.lone_specks import speck_after_a_mark, stop_closes_sentence
from clean_scan.stages.characters.specks import (
    SPECKY,
)

# --- spacing: italic type, specks, dashes ---------------------------------

SPACE_BEFORE = regex.compile(r"(?<=[^\s.\d])[ \t]+(?=[,;:!?)\]](?:\s|$|[”’\"')\],.;:]))"
                             r"|(?<=[\p{L}\d)”’])[ \t]+(?=\.(?:[ \t]|$|[”’)])(?![ \t]*\.))")
SPACE_AFTER = regex.compile(r"(?<=[(\[])[ \t]+(?=[^\s(\[])")


def italic_spacing(line: str, doc: Lines) -> list[Proposal]:
    """The stray spaces that italic type gives the OCR: none before
    ``, . ; : ! ? ) ]`` and none after ``( [``.

    >>> show(italic_spacing, "( b ) the old order . A strong , highly")
    '(b) the old order. A strong, highly'

    Left alone: ellipses, leaders and decimals.

    >>> show(italic_spacing, "and so . . . on page .5 per cent")
    'and so . . . on page .5 per cent'
    """
    fixes = [Proposal(m.start(), m.end(), "", "italic-spacing", 0.9, "space before punctuation")
             for m in SPACE_BEFORE.finditer(line)
             if not _in_ellipsis(line, m.end()) and line[m.end()] not in doc.spaced_marks
             and not _lone_speck_here(line, m.end(), doc)]
    fixes += [Proposal(m.start(), m.end(), "", "italic-spacing", 0.9, "space after a bracket")
              for m in SPACE_AFTER.finditer(line)]
    return fixes










def _lone_speck_here(line: str, mark: int, doc: Lines) -> bool:
    """Whether the spaced mark at ``mark`` is a speck that ``lone_speck``
    takes away (a stop before a small letter, or, in a specky document, a
    colon, semicolon or stop standing alone): not italic type's to close up."""
    alone = line[mark + 1:mark + 2] in (" ", "\t", "")
    if line[mark] == "." and alone and line[mark + 1:].lstrip()[:1].islower():
        return True
    if any(start < mark < end for start, end in speck_after_a_mark(line, doc.spaced_marks)):
        return True
    if line[mark] == "." and stop_closes_sentence(line, mark + 1, doc):
        return False  # a stop before ``The`` or at a paragraph's end closes a sentence
    return alone and line[mark] in ".:;" and doc.speck_rate >= SPECKY


def _in_ellipsis(line: str, dot: int) -> bool:
    """Is the ``.`` at ``dot`` part of a spaced ellipsis or leader?"""
    return line[dot:dot + 3] in (". .", "..") or line[max(0, dot - 2):dot] == ". "


INNER_SPECK = regex.compile(r"(?<=\p{L}[ \t])\.(?=\p{Lu}\p{Ll}|\p{Ll}|\d{4})")
LEADING_SPECK = regex.compile(r"^[ \t]*\.(?:[ \t]+(?=\p{Lu}\p{Ll})|(?=\p{Ll}{2}))")
TRAILING_NOISE = regex.compile(r"(?<=\S)[ \t]*[\\^~]+[ \t]*$")


def specks(line: str, doc: Lines) -> list[Proposal]:
    """A speck read as ``.`` before a word or a year, or alone at a line start.

    >>> show(specks, "the River .Thames from .1850-54")
    'the River Thames from 1850-54'
    >>> show(specks, ". The mills are")
    'The mills are'
    >>> show(specks, ".with the farmers, as ever. ^")
    'with the farmers, as ever.'
    >>> show(specks, "a rise of .5 per cent. The end")
    'a rise of .5 per cent. The end'

    Before a word the document mostly writes in lower case, the stop is a
    misplaced full stop, not a speck:

    >>> show(specks, "went very far .After having", "after after after")
    'went very far. After having'

    So it is before a capitalised closed-class word, which opens a sentence
    and no name, whatever the document's counts:

    >>> show(specks, "went very far .After having")
    'went very far. After having'
    """
    noise = "^" in line or "~" in line or "\\" in line  # a quick test before the regex
    if "." not in line and not (noise and TRAILING_NOISE.search(line)):
        return []
    fixes = []
    for m in INNER_SPECK.finditer(line):
        after = LEADING_LETTERS.match(line, m.end(), m.end() + WORD_REACH).group()
        sentence_opener = after[:1].isupper() and after.lower() in function_words()
        if after and doc.count(after) < 2 * doc.count_as_printed(after) and not sentence_opener:
            fixes.append(Proposal(m.start(), m.end(), "", "speck", 0.85,
                             "speck before a word read as a full stop"))
        elif after:
            fixes.append(Proposal(m.start() - 1, m.end(), ". ", "misplaced-full-stop", 0.8,
                             "full stop set after the space"))
        else:
            fixes.append(Proposal(m.start(), m.end(), "", "speck", 0.85,
                             "speck before a number read as a full stop"))
    fixes += [Proposal(m.start(), m.end(), "", "speck", 0.8, "speck at a line start")
              for m in LEADING_SPECK.finditer(line)]
    fixes += [Proposal(m.start(), m.end(), "", "speck", 0.85,
                  "mark never printed in running text, at a line end")
              for m in (TRAILING_NOISE.finditer(line) if noise else ())
              if not _reference_lookalike(line, m, doc)]
    return fixes


def _reference_lookalike(line: str, match: regex.Match, doc: Lines) -> bool:
    """Whether a tilde glued to a stop at a line end (``dispute.~``) stands
    on a page with a note below: a raised reference digit read as a tilde,
    left for the footnotes stage to pair with its note."""
    return (match.group() == "~" and line[match.start() - 1] in ".,;:"
            and doc.note_page[doc.index])


LONE_MARKS = "|¦_^~\\<>•"
"""Marks never printed standing alone between two words of running text."""
LONE_MARK = regex.compile(r"(?<=\S)[ \t]+[" + regex.escape(LONE_MARKS) + r"]{1,2}(?=[ \t]+\S)"
                          r"|^[ \t]*[" + regex.escape(LONE_MARKS.replace("•", "")) +
                          r"]{1,2}[ \t]+(?=\S)")
"""Such marks between two words (the spaces before them go too), or before
the first word of a line (the spaces after them go), save a bullet there."""


def lone_marks(line: str, doc: Lines) -> list[Proposal]:
    """One or two marks standing alone between two words (``the | expense``,
    ``working < class``) or before a line's first word (``^ Already``) are
    specks, or dirt read as marks: no print sets a bar, an underscore or an
    angle bracket by itself in running text.

    >>> show(lone_marks, "the | expense of the working < class ^ and •")
    'the expense of the working class and •'
    >>> show(lone_marks, "^ Already Trotsky")
    'Already Trotsky'

    So is a straight apostrophe alone between two words, when no other on
    the line may pair with it:

    >>> show(lone_marks, "Whatever ' British socialists may think")
    'Whatever British socialists may think'

    Left alone: a mark at a line's end (a ``^`` there is ``specks``'), a
    bullet before a line's first word, a mark opening a note at a page's
    foot (``> Kant's``: its raised figure misread), marks inside or against a word,
    longer runs (``____`` is a blank to fill) and two lone apostrophes (a
    quotation set with spaces).

    >>> show(lone_marks, "• a|b <c> d ____ e |")
    '• a|b <c> d ____ e |'
    >>> show(lone_marks, "the ' Soviet ' system")
    "the ' Soviet ' system"
    """
    fixes = [Proposal(m.start(), m.end(), "", "lone-mark", 0.85,
                      "a mark standing alone between words: a speck")
             for m in LONE_MARK.finditer(line) if (m.start() or not doc.opens_note())
             and not doc.glyph_word(m.group())]
    if "'" in line:
        alone = list(LONE_APOSTROPHE.finditer(line))
        if len(alone) == 1:
            [m] = alone
            fixes.append(Proposal(m.start(), m.end(), "", "lone-mark", 0.8,
                                  "a straight apostrophe standing alone between words, "
                                  "with no other to pair with: a speck"))
    return fixes


LONE_APOSTROPHE = regex.compile(r"(?<=\S)[ \t]+'(?=[ \t]+\S)")
"""A straight apostrophe alone between two words: a speck, unless another
on the line pairs with it (a quotation set with spaces)."""


MARK_AFTER_STOP = regex.compile(
    r"(?<=[\p{L}\p{N})])([.,;:][\"'’”]?)[ \t]+[.,'](?=[ \t]*$|[ \t]+[^\s.,'])")
"""A full stop, comma or apostrophe standing alone after a word that ends
in a stop or comma already (group 1: the word's own marks), before a word
or the line's end."""


MARK_AFTER_STOP_NEEDLES = tuple(space + mark for space in " \t" for mark in ".,'")
"""What ``mark_after_stop`` acts on: a stop, comma or apostrophe after a
space (a run of spaces of any length ends in one of these)."""


def mark_after_stop(line: str, doc: Lines) -> list[Proposal]:
    """A second stop or comma, or an apostrophe, standing alone after a word
    that a stop or comma ends already (``Mrs. Newman. . Mrs. Dorrington``,
    ``Mrs. Glass, , Miss Philp``): a speck of dirt read as a mark, since
    print sets no mark by itself after one.

    >>> show(mark_after_stop, "Mrs. Newman. . Mrs. Glass, , Miss Philp, ' Mr. Hay. ,")
    'Mrs. Newman. Mrs. Glass, Miss Philp, Mr. Hay.'

    Left alone: an ellipsis set with spaces, marks after a word with none
    of its own, and marks against a word.

    >>> show(mark_after_stop, "and so . . . the end. . . . Then , he said .'tis")
    "and so . . . the end. . . . Then , he said .'tis"
    """
    return [Proposal(m.start(), m.end(), m.group(1), "mark-after-stop", 0.85,
                     "a mark standing alone after a word that a mark ends already: a speck")
            for m in MARK_AFTER_STOP.finditer(line) if not _note_reference(line, m, doc)]


def _note_reference(line: str, match: regex.Match, doc: Lines) -> bool:
    """An apostrophe alone at a line's end, on a page with a note at its
    foot, is the note's raised mark misread (``ments. '``): the footnotes
    stage weighs it."""
    return (match.group().endswith("'") and not line[match.end():].strip()
            and doc.note_page[doc.index])


TWO_HYPHENS = regex.compile(r"(?<=\p{L}[.,;:!?’”\"')]?)--(?=\p{L})")
DOUBLED_DASH = regex.compile(r"—-+|-+—")
SPACED_DASH = regex.compile(r"(?<=[\p{L}”’),;])(?:—[ \t]+|[ \t]+—)(?=\p{L})")


def dashes(line: str, doc: Lines) -> list[Proposal]:
    """Em dashes inside a line are set closed: ``it— to`` → ``it—to``,
    ``power—-to`` → ``power—to``.

    >>> show(dashes, "the mill—-to be; said it— to them; then —was")
    'the mill—to be; said it—to them; then—was'

    Two hyphens between words are an em dash read as two, in a text that
    sets em dashes elsewhere (a typescript's ``--`` stays where none is):

    >>> show(dashes, "a political issue--into something", before="a dash—here\\n")
    'a political issue—into something'
    >>> show(dashes, "a political issue--into something")
    'a political issue--into something'

    Left alone: dashes at a line end, and before figures.

    >>> show(dashes, "wheat prices —1.5% and rain—")
    'wheat prices —1.5% and rain—'
    """
    fixes = [Proposal(m.start(), m.end(), "—", "doubled-dash", 0.9,
                      "two hyphens between words, in a text that sets em dashes: one read so")
             for m in TWO_HYPHENS.finditer(line)] if doc.writes_dashes else []
    if "—" not in line:
        return fixes
    fixes += [Proposal(m.start(), m.end(), "—", "doubled-dash", 0.9, "em dash with a hyphen")
              for m in DOUBLED_DASH.finditer(line)]
    fixes += [Proposal(m.start(), m.end(), "—", "dash-spacing", 0.85, "em dashes are set closed")
              for m in SPACED_DASH.finditer(line)]
    return fixes


# --- drop capital ---------------------------------------------------------

DROP_CAPITAL = regex.compile(r"^(?P<indent>[ \t]*)(?P<cap>\p{Lu})[ \t]+(?P<rest>\p{Ll}[\p{L}’']*)")


def drop_capital(line: str, doc: Lines) -> list[Proposal]:
    """A drop capital set apart from its word at a paragraph start: joined
    when that makes a word, else replaced by the capital that does.

    >>> v = "London’s London’s the the the"
    >>> show(drop_capital, "X he FIRST harvest", v + "\\n\\n")
    'The FIRST harvest'
    >>> show(drop_capital, "L ondon’s fate", v + "\\n\\n")
    'London’s fate'

    Left alone: ``A`` or ``I`` before a word, and lines inside a paragraph.

    >>> show(drop_capital, "A he", v + "\\n\\n")
    'A he'
    >>> show(drop_capital, "X he", v + "\\nsome line")
    'X he'
    """
    m = DROP_CAPITAL.match(line)
    if m is None or not doc.paragraph_start():
        return []
    cap, rest = m.group("cap"), m.group("rest")
    joined = cap + rest
    if doc.known(joined, 2) and not (cap in "AIO" and doc.known(rest, 2)):
        return [Proposal(m.start("cap"), m.end("rest"), joined, "drop-capital", 0.9,
                    "drop capital set apart from its word")]
    if cap in "AIO":
        return []
    options = sorted((c + rest for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if doc.known(c + rest, 2)),
                     key=doc.count, reverse=True)
    if not options:
        return []
    dominant = len(options) == 1 or doc.count(options[0]) >= 5 * doc.count(options[1])
    return [Proposal(m.start("cap"), m.end("rest"), options[0], "drop-capital",
                0.85 if dominant else 0.6, "garbled drop capital; candidates "
                + ", ".join(f"{o} ({doc.count(o)})" for o in options[:3]))]
