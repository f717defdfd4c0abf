"""The project word list: what a reviewer taught clean-scan, for every file
of a collection.

A plain UTF-8 text file (``clean-scan.words`` beside the input unless
``--words`` names another), one entry a line::

    # words trusted as printed
    Narkomindel
    Komsomol
    # corrections a reviewer rejected: never change X to Y
    reject erf -> eff

Blank lines and ``#`` comments are ignored. Trusted words are correct as
they stand; a rejected correction is not proposed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from clean_scan.decoding import InputError, read_regular_file
from clean_scan.outputs import write_atomic

DEFAULT_NAME = "clean-scan.words"
REJECTED = regex.compile(r"^reject\s+(\S+)\s+->\s+(\S*)\s*$")
MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class WordList:
    """Trusted words and rejected corrections ``(before, after)``."""

    words: frozenset[str] = frozenset()
    rejected: frozenset[tuple[str, str]] = frozenset()


def parse_word_list(text: str) -> WordList:
    """The entries of a word list's text.

    >>> parse_word_list("# names\\nKomsomol\\nreject erf -> eff\\n\\n")
    WordList(words=frozenset({'Komsomol'}), rejected=frozenset({('erf', 'eff')}))
    """
    words, rejected = set(), set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = REJECTED.match(line)
        if match:
            rejected.add((match.group(1), match.group(2)))
        else:
            words.add(line)
    return WordList(frozenset(words), frozenset(rejected))


def read_word_list(path: Path) -> WordList:
    """The word list at ``path`` (empty when there is none)."""
    if not path.exists() and not path.is_symlink():
        return WordList()
    data = read_regular_file(path, MAX_BYTES)
    try:
        return parse_word_list(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the word list is not UTF-8 ({exc})") from None


def add_to_word_list(path: Path, words: list[str], rejected: list[tuple[str, str]]) -> int:
    """Add what is not there yet, keeping every line the file has; written
    atomically. Returns how many entries were added."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    known = parse_word_list(text)
    new = [w for w in dict.fromkeys(words) if w not in known.words]
    new += [f"reject {a} -> {b}" for a, b in dict.fromkeys(rejected)
            if (a, b) not in known.rejected]
    if not new:
        return 0
    if text and not text.endswith("\n"):
        text += "\n"
    write_atomic(path, (text + "\n".join(new) + "\n").encode("utf-8"))
    return len(new)
