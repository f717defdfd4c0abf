"""Normalise: uniform line ends and no invisible debris, so that every later
stage can rely on ``\\n`` and on what it sees being what is printed.

Repairs, in order:

* ``\\r\\n`` and lone ``\\r`` line ends become ``\\n`` (a file that ends
  every line the same way is read with ``\\n`` ones already, recorded once
  as its ``line_ends``: these edits are for a file that mixes them);
* NUL bytes and other C0/C1 control characters (not tab, newline or form
  feed) are removed: they are transfer damage, never print;
* soft hyphens (U+00AD) and zero-width spaces inside a word are removed;
* a byte of a UTF-8 file that is not UTF-8 (read as a lone surrogate, see
  :mod:`clean_scan.decoding`) becomes the Windows-1252 character it is;
* in a text that marks its paragraphs by indenting their first lines (as
  GOCR writes what it reads) and not by blank lines, a blank line goes
  before each such line: every later stage reads a paragraph's end so.

Trailing spaces are left to the ``paragraphs`` stage, which rewrites every
line end anyway: one edit per line end, not two.

Left alone: form feeds (page breaks for the furniture stage), tabs inside a
line, and every printable character.
"""

from __future__ import annotations

import regex

from clean_scan.decoding import STRAY_BYTE, has_stray_bytes
from clean_scan.document import Proposal
from clean_scan.stage import Context, Stage, StageResult

_CRLF = regex.compile(r"\r\n?")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u00ad\ufeff]+")
_CONTROL_CHARS = "".join(
    map(chr, (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x200B, 0x00AD,
              0xFEFF)))
"""The characters of ``_CONTROL``. Most texts hold none, and looking for
each with ``in`` is ten times faster than one search for the class."""


def run(text: str, context: Context) -> StageResult:
    """Propose each normalisation where it applies.

    >>> [p.replacement for p in run("a\\r\\nb\\x00", Context()).proposals]
    ['\\n', '']
    """
    proposals = [
        Proposal(m.start(), m.end(), "\n", "line-ends", 1.0, "Windows or old Mac line end")
        for m in _CRLF.finditer(text)
    ]
    proposals += [
        Proposal(
            m.start(),
            m.end(),
            "",
            "control-characters",
            1.0,
            "invisible control character, never printed",
        )
        for m in (_CONTROL.finditer(text) if any(c in text for c in _CONTROL_CHARS) else ())
    ]
    proposals += indented_paragraphs(text)
    if has_stray_bytes(text):
        proposals += [Proposal(m.start(), m.end(), _stray_byte(m.group()), "stray-byte", 0.9,
                               "a byte that is not UTF-8, read as Windows-1252")
                      for m in STRAY_BYTE.finditer(text)]
    return StageResult(sorted(proposals, key=lambda p: p.start))


INDENT = regex.compile(r" {1,8}(?=\S)")
"""A paragraph's first line set in (deeper is a centred head or folio)."""
MIN_INDENTED = 5
"""Paragraphs marked so before a text's indents are taken for its habit."""


def indented_paragraphs(text: str) -> list[Proposal]:
    """A blank line before each line set in between two lines that are not,
    where a text does so five times or more and sets no blank line between
    its paragraphs otherwise: a paragraph's first line, indented.

    >>> page = "  The first.\\nIt ends.\\n  The next\\nends. A\\n  quoted line\\n  more\\n"
    >>> [(page * 5)[:p.start].count("\\n") for p in indented_paragraphs(page * 5)]
    [2, 8, 14, 20, 26]
    >>> indented_paragraphs("A line.\\n\\nThe next.\\n" * 5 + page * 5)
    []
    """
    lines = text.split("\n")
    starts, offset = [], 0
    for k, line in enumerate(lines):
        if 0 < k < len(lines) - 1 and INDENT.match(line) and _flush(lines[k - 1]) \
                and _flush(lines[k + 1]):
            starts.append(offset)
        offset += len(line) + 1
    if len(starts) < MIN_INDENTED or _blank_between_paragraphs(lines):
        return []
    return [Proposal(at, at, "\n", "indented-paragraph", 0.9,
                     "a first line set in: this text marks its paragraphs so, with no blank "
                     "line between them") for at in starts]


def _flush(line: str) -> bool:
    """A line of text that is not set in."""
    return bool(line) and not line[0].isspace()


def _blank_between_paragraphs(lines: list[str]) -> bool:
    """Whether the text parts its paragraphs by blank lines: a blank line
    after a line ending a sentence, before a line of text, five times."""
    found = 0
    for k in range(1, len(lines) - 1):
        if not lines[k].strip() and lines[k - 1].rstrip()[-1:] in ".!?\"”’" \
                and _flush(lines[k + 1]):
            found += 1
            if found >= MIN_INDENTED:
                return True
    return False


def _stray_byte(char: str) -> str:
    """The character a stray byte stands for in Windows-1252 (or Latin-1).

    >>> _stray_byte("\\udce9"), _stray_byte("\\udc97")
    ('é', '—')
    """
    byte = bytes([ord(char) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


STAGE = Stage("normalise", "uniform line ends; remove control characters", run)
