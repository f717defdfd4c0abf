"""Reading an input file: bytes to text, with the encoding stated, and clear
errors for what is not a text file.

OCR exports come from many tools: most are UTF-8, some Windows-1252 (old
ABBYY and Word exports), a few Latin-1. We read what is clearly one of these
and say which; we refuse binary files rather than "clean" them into garbage.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

BINARY_SAMPLE = 65536
"""How much of a file we look at to decide whether it is text."""

MAX_CONTROL_SHARE = 0.01
"""Share of control bytes (not tab, newline, return, form feed) above which a
file is binary. OCR text has none but the odd stray NUL."""


class InputError(Exception):
    """Input we cannot clean; the message is one line for the user."""


@dataclass(frozen=True)
class DecodedInput:
    r"""The input as text. ``line_ends`` is how the file ended its lines:
    ``"lf"``, or ``"crlf"`` / ``"cr"`` when every line end was ``\r\n`` /
    ``\r`` and ``text`` has ``\n`` in their place, or ``"mixed"`` when the
    file mixes them and ``text`` keeps them all as they were."""

    text: str
    encoding: str
    bom: bool
    sha256: str
    size: int
    line_ends: str = "lf"
    format: str = "text"
    """``text``; or the file's format when ``text`` was read out of it:
    ``alto``, ``hocr``, ``page`` (PAGE XML), ``pages`` (a volume of page files)."""
    file_sha256: str | None = None
    """The SHA-256 of the file read (``sha256`` is of ``text`` when it was
    read out of a layout file or a volume: what ``restore`` rebuilds)."""
    layout: Any = field(default=None, compare=False, repr=False)
    """The pages' geometry (:class:`clean_scan.formats.layout.Layout`), if any."""


LINE_END_MARKS = {"crlf": "\r\n", "cr": "\r"}
r"""What stands for ``\n`` in the file, by ``DecodedInput.line_ends``."""


def unify_line_ends(text: str) -> tuple[str, str]:
    r"""``text`` with ``\n`` line ends, and what the file used.

    A file written on Windows (or an old Mac) ends every line the same way,
    so the conversion is one fact about the file, recorded once (like its
    encoding) and undone exactly by :func:`file_line_ends`, rather than
    thousands of identical edits that hide the real ones in a report. A
    file that mixes line ends is left as it is: the normalise stage then
    converts each line end as an edit of its own.

    >>> unify_line_ends("a\r\nb\r\n"), unify_line_ends("a\rb"), unify_line_ends("a\nb")
    (('a\nb\n', 'crlf'), ('a\nb', 'cr'), ('a\nb', 'lf'))
    >>> unify_line_ends("a\r\nb\nc")
    ('a\r\nb\nc', 'mixed')
    """
    returns = text.count("\r")
    if not returns:
        return text, "lf"
    if returns == text.count("\r\n") == text.count("\n"):
        return text.replace("\r\n", "\n"), "crlf"
    if "\n" not in text:
        return text.replace("\r", "\n"), "cr"
    return text, "mixed"


def file_line_ends(text: str, line_ends: str) -> str:
    r"""Undo :func:`unify_line_ends`: the text with the file's own line ends.

    >>> file_line_ends("a\nb\n", "crlf"), file_line_ends("a\nb", "mixed")
    ('a\r\nb\r\n', 'a\nb')
    """
    mark = LINE_END_MARKS.get(line_ends)
    return text.replace("\n", mark) if mark else text


_TEXT_CONTROLS = {9, 10, 12, 13}
_NOT_CONTROLS = bytes(b for b in range(256) if b >= 32 or b in _TEXT_CONTROLS)
"""Deleted from a sample by ``bytes.translate``, the rest is the control bytes."""


WIDE_BOMS = (  # the longer first: UTF-32 LE begins as UTF-16 LE does
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
"""Byte-order marks of the wide Unicode encodings, and the codec each names."""
BOMS = {"utf-8": b"\xef\xbb\xbf", **{codec: mark for mark, codec in WIDE_BOMS}}


def decode_bytes(data: bytes, name: str = "input") -> DecodedInput:
    """Decode raw bytes, refusing empty and binary input, and text whose
    encoding cannot be told (:func:`_encoding_question`)."""
    digest = hashlib.sha256(data).hexdigest()
    wide = next(((mark, codec) for mark, codec in WIDE_BOMS if data.startswith(mark)), None)
    if wide is not None:
        return _decode_wide(data, wide[1], len(wide[0]), digest, name)
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    if not body.strip():
        raise InputError(f"{name}: the file is empty")
    question = _encoding_question(body)
    if question:
        raise InputError(f"{name}: {question}; convert it to UTF-8 first "
                         "(iconv -f ENCODING -t UTF-8), then clean it")
    if _looks_binary(body):
        raise InputError(f"{name}: this looks like a binary file, not OCR text")
    mostly = _mostly_utf8(body)
    if mostly is not None:  # UTF-8 with a few stray bytes: those alone are repaired
        text, line_ends = unify_line_ends(mostly)
        return DecodedInput(text, "utf-8", bom, digest, len(data), line_ends)
    for encoding in ("utf-8", "cp1252", "latin-1"):
        if bom and encoding != "utf-8":
            break
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        text, line_ends = unify_line_ends(text)
        return DecodedInput(text, encoding, bom, digest, len(data), line_ends)
    raise InputError(f"{name}: cannot decode the file as UTF-8, Windows-1252 or Latin-1")


def _decode_wide(data: bytes, codec: str, skip: int, digest: str, name: str) -> DecodedInput:
    """A UTF-16 or UTF-32 file with its byte-order mark, read as such."""
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError:
        raise InputError(f"{name}: begins with a {codec.upper()} byte-order mark but is not "
                         f"{codec.upper()} text") from None
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    text, line_ends = unify_line_ends(text)
    return DecodedInput(text, codec, True, digest, len(data), line_ends)


WIDE_SAMPLE = 4096
PRINTABLE = frozenset(range(0x20, 0x7f)) | {0x09, 0x0a, 0x0d}


def _wide_without_bom(sample: bytes) -> bool:
    """Whether the bytes read as wide text without its mark: on one parity
    zeros by the third or more, on the other hardly any, and printable ASCII
    (what UTF-16 or UTF-32 makes of English); binary data is not so tidy."""
    if len(sample) < 16:
        return False
    if sample.count(0) > 0.6 * len(sample):  # UTF-32: three zeros to a character
        return any(sum(b in PRINTABLE for b in sample[k::4]) > 0.8 * len(sample[k::4])
                   for k in range(4))
    for zeros, other in ((sample[0::2], sample[1::2]), (sample[1::2], sample[0::2])):
        if zeros.count(0) > 0.3 * len(zeros) and other.count(0) < 0.05 * len(other):
            printable = sum(b in PRINTABLE for b in other)
            if printable > 0.8 * len(other):
                return True
    return False
LATIN_LETTERS_ONLY = regex.compile(r"(?<![\p{L}\d])[\u00c0-\u00ff]{3,}(?![\p{L}\d])")
"""A word of accented letters only (``ÏÐÈÂÅÒ``): how Cyrillic text looks
read as Windows-1252; no Western language writes such words."""


def _encoding_question(body: bytes) -> str:
    """Why the file's encoding cannot be told, or '' when it can.

    Refused, not guessed: UTF-16 or UTF-32 without a byte-order mark (every
    other byte zero), a multi-byte encoding such as Shift-JIS or GB2312
    (bytes that are control codes in Latin-1), and a Cyrillic or Greek
    single-byte encoding (cp1251, KOI8-R, cp1253: words of accented Latin
    letters only when read as Windows-1252).

    >>> _encoding_question("Прямо и честно ".encode("cp1251") * 20)[:36]
    'not UTF-8, and read as Windows-1252 '
    >>> _encoding_question("The workers’ paper".encode("cp1252"))
    ''
    """
    if _wide_without_bom(body[:WIDE_SAMPLE]):
        return ("every other byte is zero: UTF-16 or UTF-32 text without a byte-order "
                "mark, whose byte order cannot be told")
    try:
        body.decode("utf-8")
        return ""
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 3 or _mostly_utf8(body) is not None:
            return ""  # cut short in its last character, or a few stray bytes
    try:
        western = body.decode("cp1252")
    except UnicodeDecodeError:
        controls = sum(0x80 <= b <= 0x9f for b in body)
        high = sum(b >= 0x80 for b in body)
        if controls >= max(3, 0.1 * high):
            return (f"not UTF-8, and {controls} bytes are control codes in Latin-1: a "
                    "multi-byte encoding such as Shift-JIS, EUC or GB2312, which clean-scan "
                    "does not guess")
        western = body.decode("latin-1")
    odd = len(LATIN_LETTERS_ONLY.findall(western))
    words = max(1, len(western.split()))
    if odd >= 3 and odd >= 0.05 * words:
        return ("not UTF-8, and read as Windows-1252 its words are accented letters only "
                "(Cyrillic or Greek in cp1251, KOI8-R or cp1253?): its encoding cannot be told")
    return ""


STRAY_BYTE = regex.compile(r"[\udc80-\udcff]")
"""A byte of a UTF-8 file that is not UTF-8, as :func:`_mostly_utf8` reads it."""


def has_stray_bytes(text: str) -> bool:
    """Whether the text holds a stray byte (looked for with ``max``, in C:
    no character of a text that has none lies so high but a few rare ones)."""
    return bool(text) and max(text) >= "\udc80" and STRAY_BYTE.search(text) is not None


def _mostly_utf8(body: bytes) -> str | None:
    """The text of a UTF-8 file holding a few bytes that are not UTF-8 (a
    Latin-1 ``é`` pasted into it): decoded as UTF-8, each stray byte kept as
    a lone surrogate (``surrogateescape``), which the normalise stage
    repairs as an edit and ``restore`` turns back into the byte. None when
    the file is all UTF-8, or not mostly: more stray bytes than characters
    UTF-8 reads beyond ASCII, which is a file in another encoding.

    >>> _mostly_utf8("café — crème".encode() + b" na\\xefve") is not None
    True
    >>> _mostly_utf8("café".encode()) is None, _mostly_utf8(b"caf\\xe9 cr\\xe8me") is None
    (True, True)
    """
    try:
        body.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    wide = sum(1 for c in text if c > "\x7f") - stray
    return text if 0 < stray <= wide else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROLS))
    return controls > max(2, MAX_CONTROL_SHARE * len(sample))


def size_text(size: int) -> str:
    """A size as a person reads it.

    >>> [size_text(n) for n in (1 << 30, 500 << 20, 100 << 10, 20)]
    ['1 GiB', '500 MiB', '100 KiB', '20 bytes']
    """
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift:
            return f"{size / (1 << shift):.3g} {unit}"
    return f"{size} bytes"


MAX_INPUT_BYTES = 1 << 30
"""The largest file read (1 GiB): far above any OCR export of one book, and
a bound on what a wrong path (``/dev/zero``) can make clean-scan read."""


def read_input(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> DecodedInput:
    """Read and decode a file, turning every OS failure into an InputError:
    plain OCR text, or a layout file (ALTO, hOCR, PAGE XML) or a volume of
    page files (a folder or a zip) read as text (:mod:`clean_scan.formats`)."""
    from clean_scan import formats
    from clean_scan.formats.volume import read_folder, read_zip

    if path.is_dir():
        return from_text(read_folder(path, max_bytes), "pages", None, str(path))
    data = read_regular_file(path, max_bytes)
    kind = formats.sniff(data)
    if kind == "pdf":
        raise InputError(f"{path}: {formats.PDF_HINT}")
    if kind == "zip":
        return from_text(read_zip(data, str(path), max_bytes), "pages", data, str(path))
    if kind == "xml":
        layout = formats.read_layout(data, str(path))
        return from_text(layout.text(), layout.format, data, str(path), layout)
    return decode_bytes(data, str(path))


def from_text(text: str, kind: str, data: bytes | None, name: str,
              layout: Any = None) -> DecodedInput:
    """The input for a text read out of a file of another ``kind``: UTF-8
    with ``\n`` line ends, its checksum that of the text (what ``restore``
    rebuilds), the file's own beside it."""
    if not text.strip():
        raise InputError(f"{name}: no text in it")
    body = text.encode("utf-8", errors="surrogateescape")
    return DecodedInput(text, "utf-8", False, hashlib.sha256(body).hexdigest(), len(body),
                        "lf", kind, hashlib.sha256(data).hexdigest() if data else None, layout)


def read_regular_file(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``: a pipe or a
    device (``/dev/zero``, a FIFO that would block for ever) is refused
    before it is opened, and no more than ``max_bytes`` are ever read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a text file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a pipe or a device); "
                         "clean-scan reads files only")
    if info.st_size > max_bytes:
        raise InputError(f"{path}: larger than {size_text(max_bytes)}; clean-scan reads "
                         "files up to that size (--max-size to change it)")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: larger than {size_text(max_bytes)} (--max-size)")
    return data
