"""Page numbers read through OCR look-alikes: the digits an engine gives as
letters (``4i`` is 41, ``i o`` is 10), the marks it gives for a digit it
could not read (``*5`` is 15 or 25), and roman numerals. A garbled number
can rarely be read alone, but it can be *checked*: ``*5`` is consistent with
page 25 and not with page 26. :func:`consistent_with_page` answers that
question, :func:`number_fit` says how sure the answer is, and
:func:`read_garbled_number` reads a number when every character can be read
(a chapter number such as ``I 2``).
"""

from __future__ import annotations

import re

DIGIT_LOOKALIKES: dict[str, str] = {
    **dict.fromkeys("iIl|!", "1"),
    **dict.fromkeys("oOQ", "0"),
    **dict.fromkeys("Ss", "5"),
    "B": "8",
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Gb", "6"),
    **dict.fromkeys("gq", "9"),
}
"""Letters and marks that OCR engines give for a digit they misread."""

WILDCARDS = frozenset("*$^»«>~#%&_")
"""Marks that stand for a digit the engine could not read at all (``_`` is
the mark GNU Ocrad gives for any glyph it cannot read: ``8_`` for 89)."""


def digit_pattern(token: str) -> str | None:
    """Read ``token`` as digits, ``?`` standing for an unreadable digit.

    Spaces between digits are dropped (OCR splits small numbers apart).
    Returns None when any character cannot be part of a number.

    >>> digit_pattern("4i"), digit_pattern("i o"), digit_pattern("*5")
    ('41', '10', '?5')
    >>> digit_pattern("war") is None
    True
    """
    out = []
    for char in token:
        if char.isspace():
            continue
        if char.isdecimal():
            out.append(char)
        elif char in DIGIT_LOOKALIKES:
            out.append(DIGIT_LOOKALIKES[char])
        elif char in WILDCARDS:
            out.append("?")
        else:
            return None
    return "".join(out) or None


def read_garbled_number(text: str) -> int | None:
    """The number ``text`` stands for, if every character can be read.

    >>> read_garbled_number("I 2"), read_garbled_number("1 3"), read_garbled_number("4i")
    (12, 13, 41)
    >>> read_garbled_number("*5") is None   # one digit unreadable: check it instead
    True
    >>> read_garbled_number("The") is None
    True
    """
    pattern = digit_pattern(text.strip())
    if pattern is None or "?" in pattern:
        return None
    return int(pattern)


def pattern_fits(pattern: str, number: int) -> bool:
    """Whether a digit pattern (``?`` = any digit) spells ``number``.

    >>> pattern_fits("?5", 25), pattern_fits("?5", 26), pattern_fits("??", 7)
    (True, False, False)
    """
    digits = str(number)
    return len(pattern) == len(digits) and all(
        p in ("?", d) for p, d in zip(pattern, digits, strict=True))


def number_fit(line: str, number: int) -> float:
    """How well a whole line reads as the page number ``number``.

    1.0: the plain digits; 0.9: the digits through OCR look-alikes and
    unreadable marks; 0.85: the same after dropping specks or a short
    garbled token beside it (``~ 3 * 45``, ``Ci 53``, ``34 '``); 0.8: its
    decoration read as a figure (``216`` for ``— 16 —``); 0.0: not
    consistent. A line of wildcards alone fits nothing: it has no evidence.

    >>> number_fit("45", 45), number_fit("4i", 41), number_fit("~ 3 * 45", 45)
    (1.0, 0.9, 0.85)
    >>> number_fit("— 12 —", 12), number_fit("[Page 12]", 12), number_fit("vii", 7)
    (1.0, 1.0, 0.9)
    >>> number_fit("1 3", 60), number_fit("16", 17), number_fit("* *", 11)
    (0.0, 0.0, 0.0)
    """
    text = line.strip()
    bare = folio_text(text)
    if bare == str(number):
        return 1.0
    if roman_value(bare) == number:
        return 0.9
    whole = digit_pattern(text)
    if whole is not None and _has_evidence(whole) and pattern_fits(whole, number):
        return 0.9
    if _part_fits(text.split(), number):
        return 0.85
    return 0.8 if decoration_read_as_figure(bare, number) else 0.0


def decoration_read_as_figure(bare: str, number: int) -> bool:
    """Whether ``bare`` is the number of two figures or more with the
    dash or bracket either side of it read as a figure, glued on (``— 16 —``
    as ``216``, ``— 29 —`` as ``299``, ``— 40 —`` as ``2408``): a folio's
    decoration is a short stroke, and a figure's shape to an engine.

    >>> [decoration_read_as_figure(b, 16) for b in ("216", "169", "2168", "16", "21", "2716")]
    [True, True, True, False, False, False]
    >>> decoration_read_as_figure("27", 7)
    False
    """
    digits = str(number)
    if len(digits) < 2 or not bare.isdecimal() or not 0 < len(bare) - len(digits) <= 2:
        return False
    if len(bare) - len(digits) == 2:
        return bare[1:-1] == digits
    return bare[1:] == digits or bare[:-1] == digits


def _part_fits(tokens: list[str], number: int) -> bool:
    """Whether a run of the tokens reads as ``number`` once the short
    tokens (one or two characters) either side of it are dropped.

    A run reads as a number only if it has as many characters as the number
    has digits (every character stands for one digit), so only the few runs
    of that length are tried, and each must hold every longer token.
    """
    size = len(str(number))
    count = len(tokens)
    longs = [k for k, token in enumerate(tokens) if len(token) > 2]
    if longs and len(tokens[longs[0]]) > size:
        return False  # a longer token would have to be in the run
    first_max = min(longs[0] if longs else count, count - 1)
    last_min = longs[-1] + 1 if longs else 0
    for first in range(first_max + 1):
        total = 0
        for last in range(first + 1, count + 1):
            total += len(tokens[last - 1])
            if total > size:
                break
            if total < size or last < last_min or (first == 0 and last == count):
                continue
            pattern = digit_pattern("".join(tokens[first:last]))
            if pattern and _has_evidence(pattern) and pattern_fits(pattern, number):
                return True
    return False


_LEADING_DECORATION = re.compile(r"[\s\[(<{\-—–·.,:=~'\"‘’“”]*(?:(?:page|pg\.?|p\.)\s*)?",
                                 re.IGNORECASE)
_TRAILING_DECORATION = re.compile(r"[\s\])>}\-—–·.,:=~'\"‘’“”]*")
"""Matched on the reversed text: the decoration at the end, found without
trying the pattern at every position of a long line."""


def folio_text(text: str) -> str:
    """A folio without its printed decoration: ``— 12 —``, ``[12]``, ``Page 12``.

    >>> folio_text("— 12 —"), folio_text("(vii)"), folio_text("Page 9."), folio_text("*5")
    ('12', 'vii', '9', '*5')
    >>> folio_text("— —"), folio_text(")"), folio_text("[Page 4] ")
    ('', '', '4')

    Specks and the dashes of ``- 13 -`` misread as ``=`` or quotes go too:

    >>> folio_text("= 13-"), folio_text("'14"), folio_text("~ 7 ’")
    ('13', '14', '7')
    """
    text = text.strip()
    start = _LEADING_DECORATION.match(text).end()
    end = len(text) - _TRAILING_DECORATION.match(text[::-1]).end()
    return text[start:max(start, end)]


def plain_folio(text: str) -> int | None:
    """The value of a folio printed plainly (digits or lower-case roman),
    decoration allowed; None for anything garbled or longer.

    >>> plain_folio("— 12 —"), plain_folio("xii"), plain_folio("4i"), plain_folio("I")
    (12, 12, None, None)
    """
    bare = folio_text(text)
    if bare.isdecimal() and len(bare) <= 4:
        return int(bare)
    if bare.islower():
        return roman_value(bare)
    return None


def consistent_with_page(line: str, number: int) -> bool:
    """Whether the line can be the page number ``number`` as OCR gave it.

    >>> consistent_with_page("*5", 25), consistent_with_page("i o", 10)
    (True, True)
    >>> consistent_with_page("*5", 26), consistent_with_page("war.", 1)
    (False, False)
    """
    return number_fit(line, number) > 0


def _has_evidence(pattern: str) -> bool:
    return any(c != "?" for c in pattern)


def near_miss(line: str, number: int) -> bool:
    """A plain number one misread or lost digit away from ``number``
    (``38`` or ``8`` for 28).

    Only meaningful where a page number is expected: OCR confuses 3, 5, 8
    and 6 in small type, and loses a thin 1 or a faint figure altogether.

    >>> near_miss("38", 28), near_miss("63", 65), near_miss("5", 6), near_miss("128", 28)
    (True, True, False, False)
    >>> near_miss("4", 14), near_miss("2.", 23), near_miss("2)", 25), near_miss("3", 14)
    (True, True, True, False)
    """
    text = folio_text(line)
    digits = str(number)
    if not text.isdecimal() or len(digits) < 2:
        return False
    if len(text) == len(digits) - 1:
        return any(digits[:k] + digits[k + 1:] == text for k in range(len(digits)))
    if len(text) != len(digits):
        return False
    return sum(a != b for a, b in zip(text, digits, strict=True)) == 1


_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_value(text: str) -> int | None:
    """The value of a lower- or upper-case roman numeral, else None.

    >>> roman_value("xii"), roman_value("IV"), roman_value("iix")
    (12, 4, None)
    """
    token = text.strip().lower()
    if not token or not _ROMAN.match(token):
        return None
    total = 0
    for char, nxt in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if nxt != " " and _ROMAN_VALUES[nxt] > value else value
    return total


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
