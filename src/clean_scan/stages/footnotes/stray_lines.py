"""A line of the body the OCR read out of its place, to the foot of its page.

Page segmentation takes a line that a speck or a scratch sets off from its
neighbours (an indent, a gap above it) for a block of its own and reads it
after the others: the line then stands alone at the page foot, and its
paragraph has a gap where it was printed. Two things give it away, neither
a matter of any book's words:

* the line cannot stand where it was read: it opens in small letters after
  a line that ended its sentence (``dictatorship.`` / ``particularly …``),
  or it ends on a word split with a hyphen, which the gap's next line
  completes (the next page's first line then does not);
* the page has one gap where it fits: a blank line after a line that leaves
  its sentence open, inside the body, and the word the stray line splits
  with its hyphen is completed there (``per-`` / ``manent``), or the line
  before the gap splits a word the stray line completes.

The line goes back into the gap (the blank line taken out, the specks on
its edges dropped). A page with two such gaps, or none, is left alone, and
so is a line that is one short scrap (a speck read as letters).
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.layout import HEADING, OPEN_END
from clean_scan.lexicon import load_lexicon
from clean_scan.stages.footnotes.notes import LineSource

EDGE_SPECKS = r"[-_~.,'‘’\"*:;|=^»«•—]+"
LEADING_SPECKS = regex.compile(rf"^(?:{EDGE_SPECKS}[ \t]+)+(?=\p{{Ll}})")
TRAILING_SPECKS = regex.compile(rf"(?:[ \t]+{EDGE_SPECKS})+$")
SPECK_RUN = regex.compile(rf"(?:{EDGE_SPECKS}[ \t]+)*")
SENTENCE_CLOSED = regex.compile(r"[.!?][’”'\")\]]*$")
SPLIT_WORD = regex.compile(r"(\p{L}+)-$")
FIRST_WORD = regex.compile(r"\p{L}+")
MIN_WORDS = 3
"""Words a line must hold to be taken for a line of the body: shorter
scraps at a page foot are specks read as letters."""


def core(text: str) -> str:
    """The line without the specks standing apart at its edges.

    >>> core(". community in arms into something so firm and per- —,")
    'community in arms into something so firm and per-'
    >>> core("particularly during the period before the murder of ~")
    'particularly during the period before the murder of'
    >>> core("- The line")
    '- The line'
    """
    return TRAILING_SPECKS.sub("", LEADING_SPECKS.sub("", text))


def stray_line_moves(lines: LineSource, blocks: list[list[int]]) -> list[Proposal]:
    """Proposals that put a page's last line, ``blocks[-1]``, back into the
    one gap of its body where it was printed (see the module's docstring).

    >>> from clean_scan.stages.footnotes import Lines
    >>> page = ("So we saw. It was the wish to mould the present\\n\\n"
    ...         "- manent that it will outlast the war.\\n\\n"
    ...         ". community in arms into something so firm and per- —,\\n")
    >>> moves = stray_line_moves(Lines(page), [[0], [2], [4]])
    >>> [(page[p.start:p.end], p.replacement) for p in moves]  # doctest: +NORMALIZE_WHITESPACE
    [('\\n\\n- ', '\\ncommunity in arms into something so firm and per-\\n'),
     ('\\n\\n. community in arms into something so firm and per- —,', '')]
    """
    texts = lines.texts
    if len(blocks) < 3 or len(blocks[-1]) != 1:
        return []
    stray = blocks[-1][0]
    line = core(texts[stray])
    if len(line.split()) < MIN_WORDS or not line[0].islower():
        return []
    before = texts[blocks[-2][-1]]
    split = SPLIT_WORD.search(line)
    out_of_place = SENTENCE_CLOSED.search(before) is not None
    if not out_of_place and split is None:
        return []
    fits = [k for k in range(len(blocks) - 2) if _fits(texts, blocks, k, line, split)]
    if len(fits) != 1:
        return []
    k = fits[0]
    last, first = blocks[k][-1], blocks[k + 1][0]
    gap_start = lines[last].end
    gap_end = lines[first].start + (_speck_run(texts[first]) if split else 0)
    stray_start, stray_end = lines[stray].start, lines[stray].end
    previous_end = lines[blocks[-2][-1]].end
    why = ("a line read out of its place to the page foot"
           + (", its split word completed here" if split else ", its sentence open here"))
    return [Proposal(gap_start, gap_end, "\n" + line + "\n", "stray-line", 0.9, why),
            Proposal(previous_end, stray_end, "", "stray-line", 0.9,
                     "a line read out of its place: put back where it was printed")] \
        if stray_start > gap_end else []


def _fits(texts: list[str], blocks: list[list[int]], k: int, line: str,
          split: regex.Match | None) -> bool:
    """Whether the stray ``line`` fits the gap after block ``k``: the line
    before the gap leaves its sentence open (a word in small letters or a
    comma), neither side is a heading, and a word split at either join is
    completed there."""
    before, after = texts[blocks[k][-1]], core(texts[blocks[k + 1][0]])
    if not OPEN_END.search(before) and SPLIT_WORD.search(before) is None:
        return False
    if HEADING.match(before) or not after or HEADING.match(after):
        return False
    lexicon = load_lexicon()
    if split is not None:
        following = FIRST_WORD.match(after.lstrip("-_~.,'‘’\"*:;|=^»«•— \t"))
        return following is not None and (split.group(1) + following.group()).lower() in lexicon
    head = SPLIT_WORD.search(before)
    if head is not None:
        return (head.group(1) + FIRST_WORD.match(line).group()).lower() in lexicon
    return True


def _speck_run(text: str) -> int:
    """The length of the specks opening a line before its first word
    (``- manent``: two), dropped where a split word is joined over them."""
    return SPECK_RUN.match(text).end()
