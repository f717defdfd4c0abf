"""The naive spell-checker clean-scan's speed is measured against.

What a plain symspellpy user would write: load a frequency dictionary, look
up every word token with a maximum edit distance of 2, replace it with the
top suggestion, write the text. It loads the same word list clean-scan uses
(``src/clean_scan/data/lexicon.tsv``), so the two compare on the same words;
the dictionary is loaded once per process, as a batch worker of clean-scan
loads its lexicon once.

    python benchmarks/naive_peer.py INPUT... --out-dir DIR
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from symspellpy import SymSpell, Verbosity

LEXICON = Path(__file__).resolve().parents[1] / "src" / "clean_scan" / "data" / "lexicon.tsv"
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def correct(text: str, speller: SymSpell) -> str:
    """``text`` with every word token replaced by symspell's top suggestion
    (kept as it is when there is none). Words are looked up in small letters,
    as the dictionary holds them, and a capital is put back: the cheapest
    lookup, so the peer is as fast as a naive checker gets."""

    def best(match: re.Match[str]) -> str:
        word = match.group()
        found = speller.lookup(word.lower(), Verbosity.TOP, max_edit_distance=2)
        if not found:
            return word
        return found[0].term.capitalize() if word[0].isupper() else found[0].term

    return WORD.sub(best, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--out-dir", type=Path, required=True)
    args = parser.parse_args()
    speller = SymSpell(max_dictionary_edit_distance=2)
    speller.load_dictionary(LEXICON, term_index=0, count_index=1, separator="\t",
                            encoding="utf-8")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for path in args.inputs:
        text = path.read_text(encoding="utf-8", errors="replace")
        (args.out_dir / f"{path.stem}.clean.txt").write_text(correct(text, speller),
                                                             encoding="utf-8")


if __name__ == "__main__":
    main()
