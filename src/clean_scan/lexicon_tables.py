"""Tables derived from the lexicon, built with it.

The spelling stage's look-ups (and the characters stage's learned
substitutions) need the common candidate words sorted, and sorted
written backwards (:class:`~clean_scan.confusion.KnownEdges`), and the
letter triples of the most frequent words (``unspellable``). Derived from
the lexicon at the first use in a process they take about 70 ms, a tenth
of cleaning the sample book cold; ``wordlists/build_lexicon.py`` writes them
to ``data/lexicon-tables.txt`` beside the lexicon, and read from there they
take a few milliseconds.

The file opens with the key it was derived for: the SHA-256 of the
lexicon file and the parameters of the derivation. A file made for another
lexicon or other parameters (stale), a damaged one, or none at all is
passed over and the tables are derived here as before, so what the stage
decides never depends on the file: only how soon it starts.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import islice
from pathlib import Path

from clean_scan.lexicon import MIN_CANDIDATE_DIGITS

FILE = "lexicon-tables.txt"
SPELLING_WORDS = 30_000
"""The most frequent lexicon words, whose letter triples show how English
(and the names the list carries) is spelt."""
FORMAT = 1
"""The layout of the file (a table a section, named in snake case) and the
way the tables are derived: raise it when either changes, so files built
before are passed over (a test also checks the packaged file against
:func:`derive`)."""
NAMES = ("common_forward", "common_backward", "letter_triples")
"""The tables, in the order the file holds them."""

Tables = dict[str, list[str]]


def derive(words: dict[str, str]) -> Tables:
    """The tables from the lexicon's ``{word: count}`` (most frequent first):
    the words common enough to be candidates whatever the document says
    (a count of ``MIN_CANDIDATE_DIGITS`` digits or more, in lower case),
    sorted and sorted written backwards, and every run of three letters in
    the ``SPELLING_WORDS`` most frequent words, with ``^`` and ``$`` marking
    the word's edges.

    >>> tables = derive({"the": "2000000", "tbe": "9", "Rome": "900000", "then": "800000"})
    >>> tables["common_forward"], tables["common_backward"]
    (['the', 'then'], ['eht', 'neht'])
    >>> tables["letter_triples"][:4]
    ['Rom', '^Ro', '^tb', '^th']
    """
    common = [word for word, count in words.items()
              if len(count) > MIN_CANDIDATE_DIGITS and word == word.lower()]
    triples: set[str] = set()
    for word in islice(words, SPELLING_WORDS):
        marked = f"^{word}$"
        triples.update(marked[i:i + 3] for i in range(len(marked) - 2))
    return {"common_forward": sorted(common),
            "common_backward": sorted(word[::-1] for word in common),
            "letter_triples": sorted(triples)}


def key(lexicon_bytes: bytes) -> str:
    """What the tables were derived from: the lexicon file's checksum, the
    derivation's parameters and the file's format."""
    digest = hashlib.sha256(lexicon_bytes).hexdigest()
    return (f"lexicon-sha256={digest} min-candidate-digits={MIN_CANDIDATE_DIGITS} "
            f"spelling-words={SPELLING_WORDS} format={FORMAT}")


def write(out_dir: Path) -> Path:
    """Derive the tables from ``out_dir/lexicon.tsv`` and write them beside
    it: the key on the first line, then each table as a line naming it and
    its entries one a line (no entry holds a space or a line end)."""
    data = (out_dir / "lexicon.tsv").read_bytes()
    parts = iter(data.decode("utf-8").replace("\t", "\n").split("\n"))
    tables = derive(dict(zip(parts, parts, strict=False)))
    lines = [key(data)]
    for name in NAMES:
        lines.append(f"## {name} {len(tables[name])}")
        lines.extend(tables[name])
    target = out_dir / FILE
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def parse(text: str, expected_key: str) -> Tables | None:
    """The tables of a file's text, or None when its key is not
    ``expected_key`` or it is not whole (each table's length is checked).

    >>> parse("k\\n## common_forward 1\\nthe\\n## common_backward 1\\neht\\n"
    ...       "## letter_triples 0\\n", "k")["common_backward"]
    ['eht']
    >>> parse("k\\n## common_forward 2\\nthe\\n", "k"), parse("old\\n", "k")
    (None, None)
    """
    lines = text.split("\n")
    if lines[0] != expected_key:
        return None
    tables: Tables = {}
    at = 1
    for name in NAMES:
        head = lines[at].split(" ") if at < len(lines) else []
        if len(head) != 3 or head[:2] != ["##", name] or not head[2].isdigit():
            return None
        size = int(head[2])
        tables[name] = lines[at + 1:at + 1 + size]
        at += 1 + size
        if len(tables[name]) != size:
            return None
    return tables if lines[at:] in ([], [""]) else None


@lru_cache(maxsize=1)
def load() -> Tables:
    """The packaged tables when they were built for the packaged lexicon,
    else derived from it (once per process)."""
    return load_from(resources.files("clean_scan").joinpath("data"))


def load_from(data: Traversable) -> Tables:
    """The tables in the folder ``data`` when they were built for its
    ``lexicon.tsv``, else derived from the packaged lexicon."""
    try:
        text = data.joinpath(FILE).read_text("utf-8")
        found = parse(text, key(data.joinpath("lexicon.tsv").read_bytes()))
    except (OSError, UnicodeDecodeError):
        found = None
    if found is not None:
        return found
    from clean_scan.lexicon import load_lexicon

    return derive(load_lexicon().words)
