"""Running heads garbled past matching on their own, found by what the
pages either side carry there; and a head line's capitals without the
specks beside it, by which heads are matched."""

from __future__ import annotations

from rapidfuzz import fuzz

from clean_scan.furniture_lines import is_heading
from clean_scan.page_breaks import letters_key
from clean_scan.stages.furniture.model import SURE, Layout, Slots, Verdict

GARBLED_HEAD_RATIO = 65
"""How like the head its neighbours carry (rapidfuzz ratio of the letters,
spaces left out) a page's first line in capitals must be to be that head
garbled: ``PAR FY CAN DS FAGEE`` is 71 from ``PARTY AND STATE``; a chapter
title at a page top (``THE PARTY``, 57) is less."""


def garbled_heads(layout: Layout, slots: dict[int, Slots],
                   repeats: dict[int, tuple[set[int], str]]) -> None:
    """A page's first line, in capitals (most of it) and undecided, where the pages on
    both sides of it carry one running head surely: that head, garbled past
    matching on its own (the neighbours agree on what stands there). A line
    that matched other heads and was kept (a title under its chapter's
    heading) stays kept."""
    first_heads = {index: slot.heads[0] for index, slot in slots.items() if slot.heads}
    for index, i in first_heads.items():
        text = layout.lines[i].text
        if i in layout.verdicts or not (is_heading(text) or _mostly_capitals(text)) or \
                len(text.split()) > 6 or repeats.get(i, (set(), ""))[0]:
            continue
        key = _head_letters(text)
        for step in (1, 2):  # the facing page, or the same side of the next leaf
            sides = [_sure_head_key(layout, first_heads.get(index + d * step)) for d in (-1, 1)]
            if sides[0] and sides[0] == sides[1] and \
                    0.6 <= len(key) / len(sides[0]) <= 1.4 and \
                    fuzz.ratio(key, sides[0]) >= GARBLED_HEAD_RATIO:
                layout.verdicts[i] = Verdict("running-head", 0.86, "garbled: the pages either "
                                             "side carry the same running head here")
                break


def _mostly_capitals(text: str) -> bool:
    """Whether most of a line's letters are capitals, four or more of them:
    a head in capitals with a word garbled into small letters (``tit
    COLONY``), which no heading test passes.

    >>> _mostly_capitals("tit COLONY"), _mostly_capitals("The Colony")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 4 and capitals >= MOSTLY * len(letters)


MOSTLY = 0.6


def _sure_head_key(layout: Layout, i: int | None) -> str:
    """The spaceless letters of a sure running head on line ``i``, or ''."""
    verdict = layout.verdicts.get(i) if i is not None else None
    if verdict is None or verdict.rule != "running-head" or verdict.confidence < SURE:
        return ""
    return _head_letters(layout.lines[i].text)


def _head_letters(text: str) -> str:
    """A head line's letters (:func:`capitals_core`'s), spaces left out."""
    return letters_key(capitals_core(text)).replace(" ", "")


def capitals_core(text: str) -> str:
    """A line in capitals without the tokens at its ends that hold no
    capital: a running head is set in capitals, and the specks beside it
    read as marks and small letters (``: ee : HE U.S.S.R. ; ne`` is ``HE
    U.S.S.R.``), which would keep it from matching its other printings.

    >>> capitals_core(": ee : HE U.S.S.R. ; ne"), capitals_core("the end of it")
    ('HE U.S.S.R.', 'the end of it')
    """
    tokens = text.split()
    while tokens and _no_capital(tokens[0]):
        tokens.pop(0)
    while tokens and _no_capital(tokens[-1]):
        tokens.pop()
    core = " ".join(tokens)
    return core if core != text.strip() and is_heading(core) else text


def _no_capital(token: str) -> bool:
    return not any(c.isupper() for c in token)
