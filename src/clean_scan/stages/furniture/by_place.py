"""Furniture known by its place on the page: page numbers that fit the
sequence the pages agree on, running heads and feet that recur on nearby
pages, signature marks and catchwords at the foot."""

from __future__ import annotations

import bisect
from collections import Counter

import regex
from rapidfuzz import fuzz

from clean_scan.charmaps import SUPERSCRIPT_DIGITS
from clean_scan.folio_numbers import (
    near_miss,
    number_fit,
    plain_folio,
    read_garbled_number,
)
from clean_scan.furniture_lines import (
    chapter_heading_like,
    is_heading,
    signature_mark,
    structure_heading,
)
from clean_scan.lexicon import binding_words, load_lexicon
from clean_scan.page_breaks import letters_key
from clean_scan.pagination import (
    Page,
    capitals,
    content_lines,
)
from clean_scan.stages.furniture.folios import garbled_folio_shape, lone_slots, unreadable_folio
from clean_scan.stages.furniture.garbled_heads import capitals_core, garbled_heads
from clean_scan.stages.furniture.model import (
    SLOT_DEPTH,
    SURE,
    WINDOW,
    Layout,
    Slots,
    Verdict,
    above_heading,
    prose,
    stands_alone,
)

# --- furniture known by its place on the page --------------------------------------------

def page_furniture(layout: Layout) -> None:
    slots = {p.index: _slots(layout, p) for p in layout.pages}
    layout.lone_slots = lone_slots(layout, slots)
    expected, active = _expected_numbers(layout, slots)
    keys = _repetition(layout, slots)
    for page in layout.pages:
        _peel(layout, page, slots[page.index], expected.get(page.index, set()), keys, active,
              junk=False)
    for page in layout.pages:
        _peel(layout, page, slots[page.index], expected.get(page.index, set()), keys, active,
              junk=True)
    garbled_heads(layout, slots, keys)
    _chapter_openings(layout, slots)
    _chapter_titles_at_feet(layout, slots)


HEAD_WORDS = 8
"""The most words a running head printed once (a chapter's title over its
only right-hand page) is taken to hold."""
BARE_HEAD_SHARE = 0.25
"""The most of a book's running heads that may stand without a page number
(or a garble of one) at an edge for the heads to be taken to carry them."""
HEAD_WORD = regex.compile(r"^\p{Lu}{2,}[.,]?$")
LONE_FOLIO = regex.compile(r"^[^\p{L}\d]*\d{1,4}[^\p{L}\d]*$")


def _chapter_openings(layout: Layout, slots: dict[int, Slots]) -> None:
    """A chapter's title over its opening page reads as the running head
    where the book's heads are its chapters' titles; but a book that prints
    its page numbers in the heads drops the number to the foot on a
    chapter's opening page. So a head bare of the number (or a garble of
    one) that nearly every other head carries, on a page whose last line is
    a lone number, is the chapter's title: flagged, not removed."""
    for i in _bare_of_number(layout, [slot.heads[0] for slot in slots.values() if slot.heads],
                             "running-head"):
        feet = slots[layout.page_of[i]].feet
        if feet and LONE_FOLIO.match(layout.lines[feet[0]].text.strip()):
            layout.verdicts[i] = Verdict(
                "running-head", 0.6, "the running head's words without the page number the "
                "other heads carry, on a page numbered at its foot: a chapter's title?")


def _chapter_titles_at_feet(layout: Layout, slots: dict[int, Slots]) -> None:
    """Where the book's running feet are its chapters' titles with the page
    number beside them, a foot bare of the number that nearly every other
    foot carries, under a lone number, is a chapter's opening that the page
    split left at a foot: its number and its title, flagged, not removed."""
    for i in _bare_of_number(layout, [slot.feet[0] for slot in slots.values() if slot.feet],
                             "running-foot"):
        above = next((j for j in range(i - 1, max(i - 4, -1), -1)
                      if not layout.lines[j].blank), None)
        if above is None or not LONE_FOLIO.match(layout.lines[above].text.strip()):
            continue
        layout.verdicts[i] = Verdict("running-foot", 0.6, "the running foot's words without "
                                     "the page number the other feet carry, under a lone "
                                     "number: a chapter's title?")
        layout.verdicts[above] = Verdict("page-number", 0.6, "a lone number over what reads "
                                         "as a chapter's title: the chapter's number?")


def _bare_of_number(layout: Layout, edges: list[int], rule: str) -> list[int]:
    """Of the pages' edge lines ``edges`` that ``rule`` took (running heads
    or feet), those bare of the page number nearly every other carries;
    none where fewer than four were taken, or more than ``BARE_HEAD_SHARE``
    of them are bare (then the book's heads carry no number)."""
    running = [i for i in edges if getattr(layout.verdicts.get(i), "rule", "") == rule]
    bare = [i for i in running if not _head_carries_more(layout.lines[i].text)]
    return [] if len(running) < 4 or len(bare) > BARE_HEAD_SHARE * len(running) else bare


def _head_carries_more(text: str) -> bool:
    """Whether a head line carries more than words in capitals at its edges
    (a page number, or a garble of one: ``10 THE COLONY``, ``COUNCII i``).

    >>> _head_carries_more("MUNICIPAL COUNCIL : ies"), _head_carries_more("THE COLONY")
    (True, False)
    """
    tokens = text.split()
    return not (HEAD_WORD.match(tokens[0]) and HEAD_WORD.match(tokens[-1]))


def _slots(layout: Layout, page: Page) -> Slots:
    lines = [i for i in content_lines(layout.lines, page) if i not in layout.verdicts]
    return Slots(lines[:SLOT_DEPTH], lines[-SLOT_DEPTH:][::-1])


_PLAIN_NUMBER = regex.compile(r"^\d{1,4}$")


def _number_candidates(layout: Layout, slots: dict[int, Slots]) -> list[tuple[int, int, str]]:
    """Readable page numbers in the slots: alone on a line (read through
    OCR look-alikes), or plain digits at either end of a short line.

    Returns ``(page index, number, "head"|"foot")``.
    """
    found = []
    for index, slot in slots.items():
        for where, lines in (("head", slot.heads), ("foot", slot.feet)):
            for i in lines:
                if where == "head" and above_heading(layout, i):
                    continue  # a chapter's number (``1`` over ``THE BACKGROUND``), no folio
                text = layout.lines[i].text.strip()
                alone = plain_folio(text)
                if alone is None and len(text) <= 6:
                    alone = read_garbled_number(text)
                tokens = text.split()
                if alone is not None:
                    found.append((index, alone, where))
                elif len(tokens) <= 10:
                    found += [(index, int(t), where) for t in dict.fromkeys((tokens[0], tokens[-1]))
                              if _PLAIN_NUMBER.match(t)]
    return found


ANCHOR_STEPS = tuple(k for k in range(-12, 13) if k)
"""How many pages apart two numbers may stand and still anchor each other
when they rise with the pages (a text whose folios the OCR mostly read as
letters has few readable ones, far apart)."""


def _expected_numbers(layout: Layout,
                      slots: dict[int, Slots]) -> tuple[dict[int, set[int]], set[str]]:
    """The page number each page should carry, from the numbers that agree.

    A plain number is an anchor when a number on a page nearby (up to twelve
    pages away) rises with the pages (n on page i, n+2 on page i+2). Every page then expects the
    number its nearest anchors before and after imply; both are kept,
    because a page may be missing from the scan.
    """
    found = _number_candidates(layout, slots)
    by_page: dict[int, set[int]] = {}
    for index, number, _ in found:
        by_page.setdefault(index, set()).add(number)
    anchors: dict[int, int] = {}
    where = Counter()
    for index, number, pos in found:
        for step in ANCHOR_STEPS:
            if number + step in by_page.get(index + step, ()):
                anchors[index] = number
                where[pos] += 1
                break
    total = sum(where.values())
    active = {pos for pos, n in where.items() if n >= 0.25 * total}
    ordered = sorted(anchors)
    expected: dict[int, set[int]] = {}
    for page in layout.pages:
        i = page.index
        values = set()
        before = bisect.bisect_right(ordered, i)  # ordered[:before] are <= i
        if before:
            values.add(anchors[ordered[before - 1]] + i - ordered[before - 1])
        after = bisect.bisect_left(ordered, i)  # ordered[after:] are >= i
        if after < len(ordered):
            values.add(anchors[ordered[after]] - (ordered[after] - i))
        expected[i] = {v for v in values if v > 0}
    return expected, active


def _repetition(layout: Layout, slots: dict[int, Slots]) -> dict[int, tuple[set[int], str]]:
    """For each slot line: the nearby pages on which the same line recurs.

    Compared fuzzily (rapidfuzz ratio), because running heads carry
    different OCR noise on every page; only the top and foot lines of
    pages within ``WINDOW`` pages are compared, so the work stays linear.
    """
    cands: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for index, slot in slots.items():
        for where, lines in (("head", slot.heads), ("foot", slot.feet)):
            keyed = []
            for i in lines:
                text = layout.lines[i].text
                if len(text.split()) > 10 or prose(text) or _sentence_tail(text):
                    continue
                key = _structure_key(text) if structure_heading(text) else \
                    letters_key(capitals_core(text))
                if 4 <= len(key) <= 60:
                    keyed.append((i, key))
            cands[(index, where)] = keyed
    # either end of the other page: OCR zoning may put a head last
    page_keys = {index: [key for _, key in cands[(index, "head")] + cands[(index, "foot")]]
                 for index in slots}
    matches: dict[int, tuple[set[int], str]] = {}
    for (index, where), keyed in cands.items():
        for i, key in keyed:
            pages = set()
            for other in range(index - WINDOW, index + WINDOW + 1):
                if other == index:
                    continue
                for okey in page_keys.get(other, ()):
                    if key == okey or (len(key) >= 8 and STRUCTURE not in key + okey
                                       and (fuzz.ratio(key, okey) >= 80
                                            or _inside_junk(key, okey))):
                        pages.add(other)
                        break
            matches[i] = (pages, where)
    return matches


JUNK_TOKEN = 4
"""The longest token taken for specks read as letters beside a running head."""


def _inside_junk(key: str, other: str) -> bool:
    """Whether one key is the other with a few short tokens more that are
    no common words, where specks beside a head were read as letters (``pe
    ieee the background`` is ``the background``; ``the background of war``
    is another line).

    >>> _inside_junk("pe ieee the background", "the background")
    True
    >>> _inside_junk("the background of war", "the background")
    False
    """
    short, long = sorted((key.split(), other.split()), key=len)
    if len(" ".join(short)) < 10 or short == long:
        return False
    extra = list(long)
    for token in short:
        if token not in extra:
            return False
        extra.remove(token)
    common = load_lexicon().common
    return all(len(token) <= JUNK_TOKEN and not common(token) for token in extra) and \
        long[long.index(short[0]):][:len(short)] == short


STRUCTURE = "#"
"""What opens a structure heading's key (no line's letters hold it)."""


def _structure_key(text: str) -> str:
    """A structure heading's key: the line whole, number and all, matched
    only exactly. ``CHAPTER III`` over every page of its chapter is a
    running head; ``CHAPTER IV`` opening the next is no repeat of it.

    >>> _structure_key("CHAPTER  III"), _structure_key("Chapter iii")
    ('#CHAPTER III', '#CHAPTER III')
    """
    return STRUCTURE + " ".join(text.split()).upper()


SENTENCE_TAIL = regex.compile(r"^[\p{Ll}(‘“\"']\S*(?:\s+\S+)*[.!?][’”\"')]?$")


def _sentence_tail(text: str) -> bool:
    """A line opening in small letters and closing a sentence: the end of a
    paragraph, however like the running head its words (``a co-operative
    member.`` above the foot ``The Co-operative Member``).

    >>> _sentence_tail("a co-operative member."), _sentence_tail("The Co-operative Member")
    (True, False)
    """
    return bool(SENTENCE_TAIL.match(text.strip()))


def _peel(layout: Layout, page: Page, slot: Slots, expected: set[int],
          repeats: dict[int, tuple[set[int], str]], active: set[str], *, junk: bool) -> None:
    """Judge a page's top lines downward and foot lines upward, stopping at
    the first line that is the book's text."""
    for where, lines in (("head", slot.heads), ("foot", slot.feet)):
        for i in lines:
            if i in layout.verdicts:
                continue
            verdict = _slot_verdict(layout, page, i, where, expected, repeats, active, junk)
            if verdict is None:
                break
            layout.verdicts[i] = verdict
            if verdict.confidence < SURE:
                break


def _slot_verdict(layout: Layout, page: Page, i: int, where: str, expected: set[int],
                  repeats: dict[int, tuple[set[int], str]], active: set[str],
                  junk: bool) -> Verdict | None:
    text = layout.lines[i].text.strip()
    if where not in active and above_heading(layout, i):
        return None  # a chapter number at the top of its page, where no folio stands
    for number in sorted(expected):
        fit = layout.fit(text, number)
        if fit:
            layout.folios[page.index] = number
            layout.folio_slot[page.index] = where
            kind = "page number" if fit == 1.0 else "garbled page number"
            return Verdict("page-number", {1.0: 0.97, 0.9: 0.92}.get(fit, 0.9),
                           f"{kind} {number}, fits the page sequence")
    if where in active and not above_heading(layout, i):  # a chapter's number is no misread folio
        for number in sorted(expected):
            if near_miss(text, number):
                layout.folios[page.index] = number
                layout.folio_slot[page.index] = where
                return Verdict("page-number", 0.86,
                               f"page number {number} with one digit misread, in the folio's place")
    if (where == "foot" and page.index in layout.folios and signature_mark(text)
            and stands_alone(layout, i)):
        return Verdict("signature-mark", 0.9, "printer's signature mark at the page foot")
    head = _running(layout, page, i, expected, repeats) or _numbered_head(
        layout, i, where, expected, active)
    if head:
        return head
    if junk and where == "head" and is_heading(text) and len(text.split()) <= HEAD_WORDS and \
            _inside_a_sentence(layout, i):
        return Verdict("running-head", 0.85, "a line in capitals at the page top, where the "
                                             "sentence runs on over the page: no heading stands "
                                             "inside a sentence")
    if junk and where == "foot" and _catchword(layout, page, i):
        return Verdict("catchword", 0.9 if stands_alone(layout, i) else 0.82,
                       "catchword: the first word of the next page, printed at this foot")
    if junk and unreadable_folio(layout, page, i, where, active):
        return Verdict("page-number", 0.85,
                       "unreadable line in the folio's place, neighbours carry page numbers")
    return None


def _running(layout: Layout, page: Page, i: int, expected: set[int],
             repeats: dict[int, tuple[set[int], str]]) -> Verdict | None:
    """A running head or foot: the line recurs on pages nearby.

    Recurring on both sides, or carrying the expected page number (on
    the line or beside it), is sure; recurring only on following pages is
    also how a chapter title looks above its first page, so that is
    flagged, not removed.
    """
    pages, where = repeats.get(i, (set(), ""))
    if not pages or _footnote_like(layout.lines[i].text, expected) or \
            _under_a_chapter_heading(layout, i):
        return None
    rule = "running-head" if where == "head" else "running-foot"
    tokens = layout.lines[i].text.split()
    numbered = any(layout.fit(tok, n) for tok in (tokens[0], tokens[-1]) for n in expected) or (
        layout.folio_slot.get(page.index) == where)
    both_sides = min(pages) < page.index < max(pages)
    if numbered:
        return Verdict(rule, 0.95, f"repeats on {len(pages)} nearby page(s), with the page number")
    if (page.index - 2 in pages or page.index + 2 in pages) and _garbled_number_at_edge(tokens):
        return Verdict(rule, 0.9, "repeats the head of the page two before or after (the same "
                                  "side of the leaf), with a misread page number at its edge")
    if both_sides:
        return Verdict(rule, 0.92, f"repeats on {len(pages)} nearby pages before and after")
    if len(pages) < 2:
        return None
    structure = structure_heading(layout.lines[i].text)
    if where == "foot" and not structure:
        # no chapter title sits at a page foot (but a page cut short may
        # leave a chapter's heading, its first line, both head and foot)
        return Verdict(rule, 0.9, f"repeats at the foot of {len(pages)} nearby pages")
    if max(pages) < page.index:  # a title is not repeated by the heads *before* it
        return Verdict(rule, 0.88, f"repeats at the head of {len(pages)} pages before")
    if _inside_a_sentence(layout, i):  # no title stands in the middle of a sentence
        return Verdict(rule, 0.88, f"repeats on {len(pages)} pages after, and stands "
                                   "inside a sentence running over the page")
    if len(pages) >= 3 and not structure and _after_open_prose(layout, i):
        return Verdict(rule, 0.85, f"repeats on {len(pages)} pages after, and stands where "
                                   "the sentence before runs on over the page")
    return Verdict(rule, 0.75, f"repeats on {len(pages)} page(s) on one side only: "
                               "a running head or a chapter title?")


def _under_a_chapter_heading(layout: Layout, i: int) -> bool:
    """Whether line ``i`` stands next under a chapter's heading, blank lines
    between (``CHAPTER XV`` / ``THE VALUE OF PHILOSOPHY``, the garble of
    one too: ``CHAl)TER xv``), even where the blank lines were taken for a
    page gap: the chapter's title, though a running head reads the same (a
    book's last chapter may carry its title)."""
    lines = layout.lines
    for j in range(i - 1, max(i - CHAPTER_TITLE_REACH, -1), -1):
        if not lines[j].blank:
            return chapter_heading_like(lines[j].text)
    return False


CHAPTER_TITLE_REACH = 7
"""How many lines above a title its chapter's heading may stand."""


def _garbled_number_at_edge(tokens: list[str]) -> bool:
    """Whether the line's first or last token is a number misread: short,
    with a figure in it, and no word (``V7)``, ``2)``, ``'14``).

    >>> [_garbled_number_at_edge(t.split())
    ...  for t in ("THE BACKGROUND V7)", "THE END", "1 THE", "THE PARTY 19°,")]
    [True, False, True, True]
    """
    edges = (token.strip(EDGE_SPECKS) for token in (tokens[0], tokens[-1]))
    return len(tokens) > 1 and any(
        0 < len(token) <= 4 and any(c.isdigit() for c in token) and garbled_folio_shape(token)
        for token in edges)


EDGE_SPECKS = ".,;:'\"‘’“”"
"""Specks a head's page number may carry (``19°,``): no part of the number."""


def _inside_a_sentence(layout: Layout, i: int) -> bool:
    """Whether the text before line ``i`` (on the page before, past any
    furniture) leaves a sentence open that the text after it takes up in
    small letters, or in any letters after a word that binds to the next
    (``State of the`` / ``Hospital for the month``)."""
    before, after = _text_around(layout, i)
    if before is None or after is None or not _OPEN_SENTENCE.search(before):
        return False
    if after[:1].islower():
        return True
    last = _LAST_TWO_WORDS.search(before)  # ``of the``, not a heading's speck (``U.S.S.R. aa a``)
    return last is not None and last.group(2) in binding_words() and \
        last.group(1) in load_lexicon()


def _after_open_prose(layout: Layout, i: int) -> bool:
    """Whether the text before line ``i`` ends a line of prose left open,
    which any word may take up (a name: ``from the democratic`` / ``Soviet
    Congress``); a heading or a dash leaves no prose open.

    >>> from clean_scan.pagination import split_lines, split_pages
    >>> text = ("subsequently from the democratic\\n\\nTHE HEAD\\n\\nSoviet Congress met.\\n\\n"
    ...         "ORIGIN OF THE U.S.S.R. -\\n\\nTHE HEAD\\n\\nThe country")
    >>> lines = split_lines(text)
    >>> layout = Layout(lines, split_pages(lines)[0], {}, {}, [0] * len(lines))
    >>> [_after_open_prose(layout, i) for i in (2, 8)], _inside_a_sentence(layout, 2)
    ([True, False], False)
    """
    before, after = _text_around(layout, i)
    return before is not None and after is not None and \
        bool(_OPEN_PROSE.search(before)) and not capitals(before)


def _text_around(layout: Layout, i: int) -> tuple[str | None, str | None]:
    """The last line of text before line ``i`` (past any furniture), and
    the first after it, stripped; None where there is none."""
    lines = layout.lines
    before = next((lines[k].text.strip() for k in range(i - 1, -1, -1)
                   if not lines[k].blank and k not in layout.verdicts
                   and not garbled_folio_shape(lines[k].text.strip())), None)
    after = next((lines[k].text.strip() for k in range(i + 1, len(lines))
                  if not lines[k].blank), None)
    return before, after


_OPEN_SENTENCE = regex.compile(r"[\p{Ll},;—-]$")
_OPEN_PROSE = regex.compile(r"\p{Ll}\p{Ll}[,;]?$")
_LAST_TWO_WORDS = regex.compile(r"(?<!\S)(\p{Ll}{2,}) (\p{Ll}{2,})$")


def _numbered_head(layout: Layout, i: int, where: str, expected: set[int],
                   active: set[str]) -> Verdict | None:
    """A capitals line carrying the expected page number, where this text
    prints its page numbers: a running head seen only once (a short
    chapter's title), known by its number rather than by repetition."""
    tokens = layout.lines[i].text.split()
    if where not in active or len(tokens) < 2 or len(tokens) > 10:
        return None
    if structure_heading(" ".join(tokens)):
        return None  # ``PART II``: the part's own number, not the folio
    for number_token, rest in ((tokens[0], tokens[1:]), (tokens[-1], tokens[:-1])):
        rest_text = " ".join(rest)
        if (any(layout.fit(number_token, n) >= 0.9 for n in expected)
                and is_heading(rest_text) and not structure_heading(rest_text)):
            rule = "running-head" if where == "head" else "running-foot"
            return Verdict(rule, 0.9, "heading-like line with the page number in the folio's place")
    return None


def _catchword(layout: Layout, page: Page, i: int) -> bool:
    """A lone word at the foot that the next page begins with: the
    printer's catchword (``storm`` at the foot, ``storm broke.`` overleaf).
    """
    word = layout.lines[i].text.strip()
    if " " in word or not word or page.index + 1 >= len(layout.pages):
        return False
    following = [k for k in content_lines(layout.lines, layout.pages[page.index + 1])
                 if k not in layout.verdicts or layout.verdicts[k].confidence < SURE]
    if not following:
        return False
    first = layout.lines[following[0]].text.split()[0]
    return _bare_word(first) == _bare_word(word) != ""


def _bare_word(word: str) -> str:
    """
    >>> _bare_word("Storm,"), _bare_word("1926")
    ('storm', '')
    """
    return "".join(c for c in word.lower() if c.isalpha())


def _footnote_like(text: str, expected: set[int]) -> bool:
    """A line opening with a reference mark or a number that is not the
    page's: a footnote (``1 Ibid.``) recurs at page feet but is text.

    >>> _footnote_like("1 Ibid.", {12}), _footnote_like("12 THE PEOPLE'S WAR", {12})
    (True, False)
    >>> _footnote_like("* Ibid., p. 4.", {12}), _footnote_like("THE PEOPLE'S WAR", {12})
    (True, False)
    >>> _footnote_like("¹ Ibid.", {12}), _footnote_like("18 THE PARTY", set())
    (True, False)

    A head in capitals after a speck read as a star is a head (``* THE
    BOLSHEVIK PARTY 23``): no note is set in capitals.

    >>> _footnote_like("* THE BOLSHEVIK PARTY 23 :", set())
    False
    """
    first, *rest = text.split()
    if rest and is_heading(" ".join(rest)):
        return False  # a head in capitals after its number or a speck: no note is set so
    if first[0] in "*†‡§¶" or first[0] in SUPERSCRIPT_DIGITS:
        return True
    return first.isdecimal() and not any(number_fit(first, n) for n in expected)


