"""Doubtful pairs: a quote or a bracket print would have closed (or
opened), inside its paragraph.

Print opens and closes its quotes and brackets in pairs; a speck read as a
quote (``to 'govern themselves``), a letter read as a bracket (``(o time``,
``i]``) or a mark lost (``"Thus, in order``) leaves one without its
partner. Each is flagged where it stands, with nothing changed: which of
the two marks is wrong, or what was printed, the page alone can tell.

Left alone: a quotation running on into the next paragraph (its opening
quote at the paragraph's head, closed in a later one, as print sets it), an
apostrophe (``workers’``, ``don't``) and a list's label (``(a)``, ``b)``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from clean_scan.document import Flag

PARAGRAPH_GAP = regex.compile(r"\n(?:[ \t]*\n)+")
DOUBLE_QUOTE = regex.compile(r"[\"“”]")
SINGLE_OPENING = regex.compile(r"(?<=^|[\s(—–\[])['‘](?=\p{L})")
SINGLE_CLOSING = regex.compile(r"(?<=[\p{L}\p{N}.,;:!?])['’](?=$|[\s.,;:!?)\]—–])")
BRACKET = regex.compile(r"[()\[\]{}]")
LIST_LABEL = regex.compile(r"(?<=^|\n|[;:,.—]\s)(?:\p{L}|\p{N}{1,3}|[ivx]{1,4})\)$")
"""A list's label, ``b)`` or ``2)``, opening a line or a clause."""
OPENERS = {")": "(", "]": "["}
AFTER_CLOSING = " \t\n.,;:!?)]—–'’"


def pair_flags(text: str) -> list[Flag]:
    """Flag the quotes and brackets left without a partner.

    >>> text = 'He said "go home" and left. To \\'govern themselves, "Thus, it was\\n'
    >>> [(f.text, text[f.start + 1:f.start + 4]) for f in pair_flags(text)]
    [("'", 'gov'), ('"', 'Thu')]
    >>> [f.text for f in pair_flags("from time (o time, the list (a), b) and the {rom")]
    ['(', '{']
    >>> pair_flags('"Comrades, the war is on.\\n\\n"We shall win it," he said.\\n')
    []
    """
    flags = []
    for start, body in _paragraphs(text):
        if not any(c in body for c in "\"“”'‘’()[]{}"):
            continue
        for at in sorted(set(_double_quotes(body)) | set(_single_quotes(body))):
            flags.append(Flag(start + at, start + at + 1, body[at], "unpaired-quote", 0.6,
                              "a quote without its partner in the paragraph: a speck read as "
                              "a quote, or a quote lost", ("",)))
        for at in _brackets(body):
            flags.append(Flag(start + at, start + at + 1, body[at], "unpaired-bracket", 0.6,
                              "a bracket without its partner in the paragraph: a letter or a "
                              "speck read as a bracket", ("",)))
    return flags


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Each paragraph (parted by a blank line) with where it starts."""
    start = 0
    for gap in PARAGRAPH_GAP.finditer(text):
        yield start, text[start:gap.start()]
        start = gap.end()
    yield start, text[start:]


def _double_quotes(body: str) -> Iterator[int]:
    """The double quotes of a paragraph that pair with none: an opening
    before another opening, a closing with no opening, a quote glued to
    letters on both sides or standing alone, and an opening left open at
    the end (but the paragraph's first, a quotation running on)."""
    open_at = None
    for m in DOUBLE_QUOTE.finditer(body):
        at = m.start()
        before = body[at - 1] if at else " "
        after = body[at + 1] if at + 1 < len(body) else " "
        opening = (before.isspace() or before in "([—–") and not after.isspace()
        closing = not before.isspace() and (after.isspace() or after in AFTER_CLOSING)
        if opening == closing:
            yield at
        elif opening:
            if open_at is not None:
                yield open_at
            open_at = at
        elif open_at is None:
            yield at
        else:
            open_at = None
    if open_at is not None and body[:open_at].strip():
        yield open_at


def _single_quotes(body: str) -> Iterator[int]:
    """The opening single quotes of a paragraph that nothing later closes
    (a closing one is an apostrophe as often: only openings are judged),
    and a single quote standing alone."""
    last_closing = max((m.start() for m in SINGLE_CLOSING.finditer(body)), default=-1)
    for m in SINGLE_OPENING.finditer(body):
        if m.start() > last_closing:
            yield m.start()
    for m in regex.finditer(r"(?<=^|\s)['‘’](?=\s|$)", body):
        yield m.start()


def _brackets(body: str) -> list[int]:
    """The brackets of a paragraph that pair with none (a list's ``b)``
    aside), and every brace: prose sets none."""
    found = []
    waiting: list[tuple[str, int]] = []
    for m in BRACKET.finditer(body):
        mark, at = m.group(), m.start()
        if mark in "{}":
            found.append(at)
        elif mark in "([":
            waiting.append((mark, at))
        elif LIST_LABEL.search(body, max(0, at - 4), at + 1):
            continue  # a list's label, ``b)``, opens nothing
        elif waiting and waiting[-1][0] == OPENERS[mark]:
            waiting.pop()
        else:
            found.append(at)
    return sorted(found + [at for _, at in waiting])
