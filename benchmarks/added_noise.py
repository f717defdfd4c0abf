"""Measure clean-scan on the sample book with OCR misreadings added.

The book's own OCR is clean (about 0.4% of its words unknown to the lexicon)
and the Overproof newspapers are very noisy (2% to 40%). Held-out pamphlets
may fall anywhere between, and the spelling stage grows bolder with a text's
noise, so this puts the book through that range: in a share of its words of
three letters or more, one classic OCR misreading is made (``e`` read as
``c``, ``h`` as ``li``, ``m`` as ``rn`` ...), with a fixed seed, and the seven
dev sections are scored as ``dev_corpus.py`` scores them. Words harmed are
words the noisy raw text had right and the cleaned text has wrong.

One seed is one draw of misreadings: ``--seeds 1 2 3 ...`` runs several and
gives a row for each, so a failure that one draw happens to provoke (a
footnote put after the wrong paragraph: a hundred words harmed at once)
shows as the worst row, not hidden in an average.

Usage::

    python benchmarks/added_noise.py [--rates 0 0.03 0.06 0.12] [--seeds 7 ...] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import regex

from clean_scan import clean_text
from clean_scan.cli_eval import read_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_corpus import DEFAULT_CORPUS, score_book  # noqa: E402

MISREADINGS = (("e", "c"), ("n", "u"), ("h", "li"), ("m", "rn"), ("o", "e"), ("a", "n"),
               ("d", "cl"), ("r", "i"), ("t", "f"), ("l", "1"))
"""Printed letters and what OCR commonly makes of them."""
WORD = regex.compile(r"[a-z]{3,}")


def add_noise(text: str, rate: float, seed: int) -> str:
    """``text`` with one misreading in about ``rate`` of its lower-case words."""
    rng = random.Random(seed)

    def misread(match: regex.Match[str]) -> str:
        word = match.group()
        if rng.random() >= rate:
            return word
        options = [(printed, read) for printed, read in MISREADINGS if printed in word]
        if not options:
            return word
        printed, read = rng.choice(options)
        at = word.index(printed)
        return word[:at] + read + word[at + len(printed):]

    return WORD.sub(misread, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", type=float, nargs="+", default=[0.0, 0.03, 0.06, 0.12])
    parser.add_argument("--seeds", type=int, nargs="+", default=[7])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    book = args.corpus / "ussr-1942"
    if not (book / "raw.txt").is_file():
        sys.exit(f"added_noise: no sample book under {args.corpus}")
    raw = read_text(book / "raw.txt")
    golds = sorted(book.glob("gold/c*.gold.txt"))
    print("rate   seed  raw WER  clean WER  reduction  fixed  harmed")
    for rate in args.rates:
        for seed in args.seeds:
            noisy = add_noise(raw, rate, seed)
            total = score_book(noisy, clean_text(noisy).clean, golds)[-1].comparison
            raw_wer = total.raw.word_edits / total.raw.gold_words
            clean_wer = total.hyp.word_edits / total.hyp.gold_words
            reduction = 1 - clean_wer / raw_wer
            print(f"{rate:<5}  {seed:4}  {raw_wer:7.2%}  {clean_wer:9.2%}  {reduction:9.2%}"
                  f"  {total.fixed:5}  {total.harmed:6}", flush=True)


if __name__ == "__main__":
    main()
