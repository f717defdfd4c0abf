"""Build the era lexicon that the spelling stage loads.

Run it again with::

    python wordlists/build_lexicon.py          # or: clean-scan lexicon build

Sources (licences in ``wordlists/README.md``):

1. symspellpy's bundled English unigram and bigram frequency lists;
2. Debian's ``wbritish`` word list (``/usr/share/dict/british-english``),
   for British forms and proper names, when it is installed;
3. the hand-curated supplements in ``wordlists/supplement/``.

Words in ``supplement/anachronisms.txt`` and ``supplement/not-words.txt`` are
left out, so that a page seeming to carry ``modem`` or ``email`` is read as a
misprint of a period word. The output goes to ``src/clean_scan/data/``:
``lexicon.tsv`` (word, count; lower case, most frequent first) and
``bigrams.tsv`` (``w1 w2``, count), pruned so that the stage loads fast,
the common long words (``long-words.txt``) for near-match search, the
proper names (``names.txt``), the tables the spelling stage derives from
the lexicon (``lexicon-tables.txt``, keyed by the lexicon's checksum:
``clean_scan.lexicon_tables``), and
copies of the anachronism list and the real-word confusion sets.

``--tables-only`` rewrites just ``lexicon-tables.txt`` for the lexicon
already there (after a change to how the tables are derived).
"""

from __future__ import annotations

import argparse
import importlib.resources
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUPPLEMENT = HERE / "supplement"
DATA = HERE.parent / "src" / "clean_scan" / "data"
WBRITISH = Path("/usr/share/dict/british-english")

SUPPLEMENT_COUNT = 2_000_000
"""Count given to curated period words that the web list lacks: the middle of
the web list's range, so that they win over rare words but not common ones."""

WBRITISH_COUNT = 10_000
"""Count given to wbritish-only words: below the web list's smallest count
(12,714), so they are accepted as words but rarely chosen as corrections."""

MIN_BIGRAM_COUNT = 20_000_000
"""Bigrams rarer than this are dropped: they seldom decide a correction and
would double the load time."""

LONG_MIN = 7
LONG_COUNT = WBRITISH_COUNT
"""``long-words.txt``: the words of seven letters or more (all of them: the
rarest carry wbritish's count), which the spelling stage searches with
rapidfuzz for near matches of long words (a rare one only one edit away)."""

COPIED_LISTS = ("anachronisms.txt", "real-word-confusions.txt", "binding-words.txt",
                "stop-abbreviations.txt", "function-words.txt", "clause-openers.txt",
                "sentence-adverbs.txt", "never-after-article.txt", "dash-openers.txt",
                "dash-prepositions.txt", "measure-abbreviations.txt", "numbering-words.txt",
                "colon-introducers.txt", "name-titles.txt", "clause-subjects.txt",
                "subordinators.txt", "auxiliaries.txt", "determiners.txt")
"""Lists the stages read as they are (comments dropped), besides the lexicon."""
EXCLUDE_LISTS = ("not-words.txt", "ocr-confusions.txt", *COPIED_LISTS)
"""Lists kept out of the lexicon's words."""


def read_list(path: Path) -> Iterator[str]:
    """Words of a plain list: one entry a line, ``#`` comments, multi-word
    entries split into their words."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield from line.split()


def symspell_file(name: str) -> Path:
    return Path(str(importlib.resources.files("symspellpy") / name))


def read_counts(path: Path, width: int) -> Iterator[tuple[str, int]]:
    """``width`` words then a count, per line (symspellpy's format)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == width + 1 and parts[-1].isdigit():
                yield " ".join(parts[:width]), int(parts[-1])


def excluded_words() -> set[str]:
    words: set[str] = set()
    for name in ("anachronisms.txt", "not-words.txt"):
        words.update(w.lower() for w in read_list(SUPPLEMENT / name))
    return words


def supplement_words() -> set[str]:
    words: set[str] = set()
    for path in sorted(SUPPLEMENT.glob("*.txt")):
        if path.name not in EXCLUDE_LISTS:
            words.update(w.lower().strip(".") for w in read_list(path))
    return {w for w in words if w}


def build_unigrams(wbritish: Path | None) -> dict[str, int]:
    counts = dict(read_counts(symspell_file("frequency_dictionary_en_82_765.txt"), 1))
    if wbritish is not None and wbritish.exists():
        for word in read_list(wbritish):
            counts.setdefault(word.lower(), WBRITISH_COUNT)
    for word in supplement_words():
        counts[word] = max(counts.get(word, 0), SUPPLEMENT_COUNT)
        for part in word.split("-"):
            counts.setdefault(part, WBRITISH_COUNT)
    for word in excluded_words():
        counts.pop(word, None)
    return counts


def proper_names(wbritish: Path | None) -> set[str]:
    """Lower-case forms of words only ever written capitalised: wbritish's
    proper names and the curated people and places. The spelling stage does
    not turn one name into another without the document's support, and
    writes a name it reads capitalised. A word that English also writes in
    small letters (by wbritish, when it is installed) is no name, also
    where it stands in a curated name (``Downing Street``, ``New York``)."""
    words = list(read_list(wbritish)) if wbritish is not None and wbritish.exists() else []
    lower = {w for w in words if w.islower()}
    names: set[str] = set()
    for name in ("people.txt", "places.txt"):
        names.update(w.lower() for w in read_list(SUPPLEMENT / name) if w[:1].isupper())
    names.update(w.lower() for w in words if w[:1].isupper())
    return names - lower


def build_bigrams(unigrams: dict[str, int]) -> dict[str, int]:
    bigrams = {}
    for pair, count in read_counts(symspell_file("frequency_bigramdictionary_en_243_342.txt"), 2):
        first, second = pair.split()
        if count >= MIN_BIGRAM_COUNT and first in unigrams and second in unigrams:
            bigrams[pair] = count
    return bigrams


def write_counts(path: Path, counts: dict[str, int]) -> None:
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    path.write_text("".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")


def build(out_dir: Path = DATA, wbritish: Path | None = WBRITISH) -> tuple[int, int]:
    """Build both files into ``out_dir``; return (words, bigrams)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    unigrams = build_unigrams(wbritish)
    bigrams = build_bigrams(unigrams)
    write_counts(out_dir / "lexicon.tsv", unigrams)
    write_counts(out_dir / "bigrams.tsv", bigrams)
    names = proper_names(wbritish) & set(unigrams)
    (out_dir / "names.txt").write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    long_words = sorted(w for w, n in unigrams.items() if len(w) >= LONG_MIN and n >= LONG_COUNT)
    (out_dir / "long-words.txt").write_text("\n".join(long_words) + "\n", encoding="utf-8")
    for name in COPIED_LISTS:
        lines = (SUPPLEMENT / name).read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if line.strip() and not line.startswith("#")]
        (out_dir / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    write_tables(out_dir)
    return len(unigrams), len(bigrams)


def write_tables(out_dir: Path) -> Path:
    """``lexicon-tables.txt`` for ``out_dir/lexicon.tsv``, derived by this
    checkout's package (its ``src`` put first on the path), so the key
    names the parameters the stage that loads them uses."""
    src = str(HERE.parent / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    from clean_scan import lexicon_tables as tables

    return tables.write(out_dir)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DATA)
    parser.add_argument("--no-wbritish", action="store_true",
                        help="Build without Debian's wbritish list.")
    parser.add_argument("--tables-only", action="store_true",
                        help="Only rewrite lexicon-tables.txt for the lexicon there.")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.tables_only:
        print(f"wrote {write_tables(args.out_dir)}")
        return
    words, pairs = build(args.out_dir, None if args.no_wbritish else WBRITISH)
    print(f"wrote {words} words and {pairs} bigrams to {args.out_dir}")


if __name__ == "__main__":
    main()
