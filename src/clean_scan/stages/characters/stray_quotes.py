"""A quote glued to a word with no partner near it: a speck read as a quote.

Split from :mod:`clean_scan.stages.characters.specks`: the quote's partners
and the text's quoting style decide, not the speck rate alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.quoting import double_quotation_open
from clean_scan.stages.characters.specks import SPACED_POSSESSIVE, SPECKY

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

GLUED_QUOTE = regex.compile(
    r"(?:(?<=^|[ \t(—])(?P<lead>['‘\"“])(?=\p{Ll}))"     # before a small word, or after
    r"|(?:(?<=\p{Ll})(?P<trail>['’\"”])(?=[ \t]+\p{L}|[ \t]*$))")  # one, before a word
OPEN_QUOTE = regex.compile(r"(?:^|(?<=[\s(—]))['‘\"“](?=[\p{L}_])")
CLOSE_QUOTE = regex.compile(r"(?<=[\p{L}_.,;:!?])['’\"”](?=[\s.,;:!?)—]|$)")
"""A quotation's marks, beside its words' letters or an unread glyph
(GOCR's ``_``: ``"election_"``)."""
CURLY_PARTNER = {"‘": "’", "’": "‘", "“": "”", "”": "“"}
QUOTE_REACH = 3
"""Lines either side within which a quotation's other mark is looked for."""


def stray_quote(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document, a quote glued to a small word with no partner
    near it: a speck read as a quote (``'has``, ``"major``, ``examine'``,
    ``the Red' Army``: after a word, before one of either case).

    >>> from clean_scan.stages.characters import show
    >>> page = "-with -from -the -and\\n"
    >>> show(stray_quote, "the Russian development 'has its causes and \\"major reasons",
    ...      before=page)
    'the Russian development has its causes and major reasons'

    Left alone: a quotation whose other mark is near (``‘negative
    education’``), a plural's possessive (``the workers' movement``), a
    possessive whose ``s`` was read apart (``the inspector' s office``), an
    opening single quote in a text that quotes with single quotes
    (:attr:`clean_scan.quoting.Quoting.single`) with a quote of any shape after a word
    soon after it (its closing one misread: ``‘north of"``), or before a
    word a quotation of the text opens with (``‘north of which``, where
    ``‘north of’`` is printed too),
    an opening double quote with a closing one after a word soon after it,
    however misread (``“democratic consent’*``), and every quote in a clean
    document.

    In a text that quotes with double quotes only (:attr:`clean_scan.quoting.Quoting.double`),
    a single quote glued to a word's edge is a speck whatever stands near it
    (``'and' social``, ``'Such a``, ``aristocracy'—not``), but inside a
    double quotation (a quotation within it), on a page with a note, or
    opening a note.

    >>> quoted = '“the “old” and “new”” “so” “a b” “c d” “e f” '
    >>> show(stray_quote, "a 'Labour' movement, its 'Such as", before=page + quoted)
    'a Labour movement, its Such as'
    >>> show(stray_quote, "“as he said, 'no' to it”", before=page + quoted)
    "“as he said, 'no' to it”"

    >>> show(stray_quote, "the 'negative education' of the workers' movement", before=page)
    "the 'negative education' of the workers' movement"
    >>> show(stray_quote, "to secure “democratic consent’* for all", before=page)
    'to secure “democratic consent’* for all'
    >>> show(stray_quote, "the Russian development 'has its causes")
    "the Russian development 'has its causes"
    """
    if doc.speck_rate < SPECKY:
        return []
    fixes = []
    matches = list(GLUED_QUOTE.finditer(line))
    double_only = doc.quoting.double and not doc.note_page[doc.index] and not doc.opens_note()
    if double_only:
        matches += SINGLE_AT_EDGE.finditer(line)
    for m in sorted(matches, key=lambda m: m.start()):
        mark = m.group("lead") or m.group("trail")
        leading = m.group("lead") is not None
        if not leading and (line[m.start() - 1] in "sS" or doc.note_page[doc.index]
                            or SPACED_POSSESSIVE.match(line, m.start())):
            continue  # a plural's possessive, one whose s was read apart (``inspector' s``),
            # or a note's reference misread (the footnotes')
        if mark in "'‘’" and double_only and not _in_double_quotation(line, m.start(), doc):
            fixes.append(Proposal(m.start(), m.end(), "", "stray-quote", 0.85,
                                  "a single quote glued to a word, in a text that quotes with "
                                  "double quotes: a speck"))
            continue
        if leading and mark in "‘'" and doc.quoting.single and (
                GARBLED_CLOSE.search(line, m.end(), m.end() + QUOTE_SPAN)
                or _word_after(line, m.end()) in doc.quoting.openings):
            continue  # a quotation in a text that quotes so, its closing quote garbled or lost
        if leading and mark == "“" and GARBLED_DOUBLE_CLOSE.search(line, m.end(),
                                                                  m.end() + QUOTE_SPAN):
            continue  # its closing quote read as two marks (``consent’*``)
        if _has_partner(line, m.start(), leading, mark, doc):
            continue
        fixes.append(Proposal(m.start(), m.end(), "", "stray-quote", 0.85,
                              "a quote glued to a word with no other to pair with: a speck"))
    return fixes


QUOTE_ALONE_AT_END = regex.compile(r"(?<=\S)(?P<space>[ \t]+)(?P<mark>['‘’\"“”])[ \t]*$")


def quote_alone_at_line_end(line: str, doc: Lines) -> list[Proposal]:
    """A quote standing alone at a line's end, a space before it: a speck
    (where the paragraph ends, :func:`.paragraph_end_quote` reads it first).

    A quotation's marks are set against its words: an opening quote before
    its first word, which no compositor leaves at a line's end, and a
    closing one after its last, with no space. So a quote alone there, in
    any document, is a speck (``the ground for ‘``, ``the consequences of
    ”`` / ``the necessity``).

    >>> from clean_scan.stages.characters import show
    >>> show(quote_alone_at_line_end, "the ground for ‘", after="\\nSocialism in Russia")
    'the ground for'
    >>> show(quote_alone_at_line_end, "the consequences of ”", after="\\nthe necessity")
    'the consequences of'

    Left alone: a closing or straight quote where a quotation of its kind
    is open (on its line, for a straight one; a curly one on the lines of
    its block before too), the engine having spaced it off its last word,
    and a single quote on a page with a note (a raised reference figure
    read as a quote).

    >>> show(quote_alone_at_line_end, 'he called it "the new order "', after="\\nand")
    'he called it "the new order "'
    >>> show(quote_alone_at_line_end, "he called it the new order ’", before="the ‘Party\\n")
    'he called it the new order ’'
    """
    m = QUOTE_ALONE_AT_END.search(line)
    if m is None:
        return []
    mark = m.group("mark")
    if mark not in "‘“":
        if mark in "'’" and doc.note_page[doc.index]:
            return []  # a note's reference, misread: the footnotes stage's
        if _has_partner(line, m.start("mark"), False, mark, doc) or (
                mark == '"' and double_quotation_open(line[:m.start()])):
            return []
    return [Proposal(m.start("space"), m.end("mark"), "", "quote-alone-at-line-end", 0.85,
                     "a quote alone at a line's end: print sets a quote against its word")]


SINGLE_AT_EDGE = regex.compile(
    r"(?:(?<=^|[ \t(—])(?P<lead>['‘])(?=\p{Lu}\p{Ll}))"       # before a capitalised word
    r"|(?:(?<=\p{Ll})(?P<trail>['’])(?=[.,;:]))")               # after a word, before its stop
"""A single quote at a word's edge where :data:`GLUED_QUOTE` does not look."""


def _in_double_quotation(line: str, at: int, doc: Lines) -> bool:
    """Whether a double quotation is open at column ``at`` of the line: a
    curly one opened on the lines before (:meth:`Lines.quote_open`), or one
    opened on the line itself."""
    return doc.quote_open(at) or double_quotation_open(line[:at])


def _word_after(line: str, at: int) -> str:
    word = regex.match(r"\p{L}+", line[at:])
    return word.group().lower() if word else ""


GARBLED_CLOSE = regex.compile(r"(?<=\p{L})[’'\"”]|(?<=\p{L}[.,;:]?)[ \t]?[’'\"”](?!\p{L})")
"""A quote after a word, of any shape: a closing quote however misread."""
GARBLED_DOUBLE_CLOSE = regex.compile(r"(?<=\p{L}[.,;:]?)(?:[”\"]|[’'][’'*\"”])(?!\p{L})")
"""A closing double quote after a word, or two marks read for one (``’*``)."""
QUOTE_SPAN = 60
"""How far after an opening quote its closing one, misread, is looked for."""


def _has_partner(line: str, at: int, leading: bool, mark: str, doc: Lines) -> bool:
    """Whether a quotation mark of the same kind pairs with the one at
    ``at``: a closing one after an opening, an opening one before a closing,
    on the line or within ``QUOTE_REACH`` lines of the same block: a curly
    quote with its curly partner (``‘`` with ``’``), a straight quote only
    with a straight one on its line."""
    straight = mark in "'\""
    # an engine gives a printed quotation its curly shapes, opening and closing;
    # a straight quote, a speck's shape as often, pairs only on its own line,
    # but where the engine gives every quote straight (GOCR)
    kinds = mark if straight else CURLY_PARTNER[mark]
    reach = 0 if straight and not doc.straight_quotes else QUOTE_REACH
    if leading:
        after = line[at + 1:] + "\n" + "\n".join(_block_lines(doc, 1, reach))
        return any(m.group()[0] in kinds for m in CLOSE_QUOTE.finditer(after))
    before = "\n".join(_block_lines(doc, -1, reach)) + "\n" + line[:at]
    return any(m.group()[-1] in kinds for m in OPEN_QUOTE.finditer(before))


def _block_lines(doc: Lines, step: int, reach: int = QUOTE_REACH) -> list[str]:
    """Up to ``reach`` lines after (``step`` 1) or before (-1) the current
    one, stopping at a blank line or page break."""
    found = []
    index = doc.index + step
    while 0 <= index < len(doc.lines) and len(found) < reach:
        text = doc.lines[index]
        if text.strip() in ("", "\f"):
            break
        found.append(text)
        index += step
    return found if step > 0 else found[::-1]


LINE_OPENING_QUOTE = regex.compile(r"^[ \t]*(?P<mark>[\"“])(?=\p{Lu})", regex.MULTILINE)
"""A double quote opening a line, before a capital."""
SENTENCE_END = regex.compile(r"[.!?:][’”'\")\]]*[ \t]*$")
PARAGRAPH_REACH = 40
"""Lines after a quote opening a line within which its closing quote is
looked for: a paragraph is seldom longer, and the search stays linear."""


def unclosed_line_opening(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document, a double quote opening a line before a capital,
    that no closing quote answers in the rest of its paragraph, is the left
    margin's dirt read as a quote (``“Having made the decision`` opening a
    paragraph no quotation is in): a quotation closes in its paragraph, but
    where it runs on into the next, which then opens with a quote too.

    >>> from clean_scan.stages.characters import show
    >>> page = "-with -from -the -and\\n"
    >>> show(unclosed_line_opening, "“Having made the decision to", before=page,
    ...      after="\\ntry, the Party went on.\\n\\nThe next")
    'Having made the decision to'

    Left alone: a quotation closed in its paragraph, however far on; one
    running into a paragraph that opens with a quote; a quote inside the
    line; every quote in a clean document.

    >>> show(unclosed_line_opening, "“Having made the decision to", before=page,
    ...      after="\\ntry,” he said.\\n")
    '“Having made the decision to'
    >>> show(unclosed_line_opening, "“Having made the decision to", before=page,
    ...      after="\\ntry, the Party went on.\\n\\n“The next")
    '“Having made the decision to'
    >>> show(unclosed_line_opening, "“Having made the decision to", after="\\ntry.\\n")
    '“Having made the decision to'
    """
    m = LINE_OPENING_QUOTE.match(line)
    if m is None or doc.speck_rate < SPECKY:
        return []
    rest = [line[m.end():]]
    index = doc.index + 1
    while index < len(doc.lines) and index <= doc.index + PARAGRAPH_REACH:
        text = doc.lines[index]
        if text.strip() in ("", "\f"):
            if SENTENCE_END.search(rest[-1]):
                break  # the paragraph ends; one cut by a page break runs on past it
            index += 1
            continue
        rest.append(text)
        index += 1
    following = doc.lines[index + 1:index + 3] if index < len(doc.lines) else []
    runs_on = any(t.lstrip().startswith(("“", '"')) for t in following if t.strip())
    if runs_on or any(c.group()[0] in "”\"" for c in CLOSE_QUOTE.finditer("\n".join(rest))):
        return []
    return [Proposal(m.start("mark"), m.end("mark"), "", "unclosed-line-opening", 0.85,
                     "a double quote opening a line that no closing quote answers in its "
                     "paragraph: the margin's dirt")]
