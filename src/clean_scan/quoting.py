"""How a text quotes: with single quotes (``‘north of’``), with double
quotes only (``“economism”``), or neither often enough to tell.

Each is read from the quotations the text pairs on one line. A text of the
period keeps to one style; a quote of the other shape, glued to a word, is
a speck's more often than a quotation's.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

SINGLE_QUOTED = regex.compile(r"[‘'][\p{L}][^‘’'\n]{0,40}[\p{L}.,][’']")
QUOTED_OPENING = regex.compile(r"[‘'](\p{L}+)[^‘’'\n]{0,40}[\p{L}.,][’']")
DOUBLE_QUOTED = regex.compile(r"[“\"][\p{L}][^“”\"\n]{0,40}[\p{L}.,][”\"]")
QUOTING = 5
"""Paired quotations enough to call a text's quoting its own."""
SPECK_PAIRS = 4
"""A text that pairs double quotes this many times as often as single ones
or more quotes with double ones only: its few single pairs are specks
that happened to pair (``'and' social``)."""


def double_quotation_open(before: str) -> bool:
    """Whether a double quotation opened in ``before`` is still open at its
    end: a curly one not closed after it, or an odd number of straight ones.

    >>> double_quotation_open("he said “so ‘it"), double_quotation_open('as "we said" so')
    (True, False)
    """
    return before.rfind("“") > before.rfind("”") or before.count('"') % 2 == 1


@dataclass(frozen=True)
class Quoting:
    single: bool
    """The text quotes with single quotes: it pairs them ``QUOTING`` times or
    more, and more often than double ones. There an opening quote whose
    partner the OCR garbled is a quotation's, not a speck."""
    double: bool
    """The text quotes with double quotes only: it pairs them ``QUOTING``
    times or more, and ``SPECK_PAIRS`` times as often as single ones."""
    openings: frozenset[str]
    """The words (in small letters) the text's paired single quotations
    open with (``north`` of ``‘north of’``)."""

    @classmethod
    def of(cls, text: str) -> Quoting:
        """The quoting of ``text``.

        >>> Quoting.of("the ‘north of’ and " * 5).single, Quoting.of('a "b c" d ' * 5).double
        (True, True)
        >>> Quoting.of('a "b c" d ' * 5 + "the 'and' of").double
        True
        """
        single = len(SINGLE_QUOTED.findall(text))
        double = len(DOUBLE_QUOTED.findall(text))
        return cls(single >= QUOTING and single > double,
                   double >= QUOTING and double >= SPECK_PAIRS * single,
                   frozenset(m.group(1).lower() for m in QUOTED_OPENING.finditer(text)))
