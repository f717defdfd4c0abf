"""Build ``word-classes.tsv``: each common lexicon word's word class, from WordNet.

Run it again with::

    apt-get install -y wordnet-base            # Debian's WordNet 3.0 data
    python wordlists/build_word_classes.py     # about 1 s

Punctuation rules ask of a mark between two words whether print ever sets
one there: no comma or colon parts an adjective from the noun it qualifies
(``full: democracy``) or a modal from its verb (``cannot, permit``). That
needs each word's class. WordNet lists every class a lemma has, and its
``cntlist.rev`` how often each sense was tagged in the SemCor corpus, so a
word's *usual* class is the one its tagged senses mostly fall in (``major``
is listed as noun, verb and adjective, tagged 88 times of 94 as the
adjective). Inflected forms (``parties``, ``given``) are traced to their
lemma as WordNet's own ``morphy`` does: its exception lists, then its
suffix rules.

Written: ``src/clean_scan/data/word-classes.tsv``, one line per common
lexicon word (counted a million times or more) whose usual class is clear
(at least ``SHARE`` of its tagged senses, or the only class listed):
``word<TAB>usual<TAB>all listed``, classes as WordNet letters (``n`` noun,
``v`` verb, ``a`` adjective, ``r`` adverb).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "clean_scan" / "data"
WORDNET = Path("/usr/share/wordnet")

FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSE_CLASS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
"""A sense key's synset type: 5 is the adjective satellite."""
SHARE = 0.75
"""The least share of a word's tagged senses its usual class must hold."""

SUFFIXES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
          ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
"""WordNet's ``morphy`` detachment rules, by class."""

HEADER = """\
# word-classes.tsv: word, usual class, all classes (n noun, v verb, a adjective, r adverb)
# built by wordlists/build_word_classes.py from WordNet 3.0 (Debian wordnet-base)
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED (licence: wordlists/README.md)
"""


class WordNet:
    """The three parts of WordNet this build reads: which lemmas each class
    lists, how often each lemma's senses of a class were tagged, and the
    irregular forms."""

    def __init__(self, root: Path) -> None:
        self.listed: dict[str, set[str]] = defaultdict(set)
        self.tagged: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.irregular: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for cls, name in FILES.items():
            for line in (root / f"index.{name}").read_text(encoding="utf-8").splitlines():
                if line and not line.startswith(" "):
                    self.listed[line.split(" ", 1)[0]].add(cls)
            for line in (root / f"{name}.exc").read_text(encoding="utf-8").splitlines():
                form, *bases = line.split()
                self.irregular[form][cls].update(bases)
        for line in (root / "cntlist.rev").read_text(encoding="utf-8").splitlines():
            key, _, count = line.split()
            lemma, sense = key.split("%")
            self.tagged[lemma][SENSE_CLASS[sense[0]]] += int(count)

    def lemmas(self, word: str, cls: str) -> set[str]:
        """The lemmas of class ``cls`` that ``word`` is a form of."""
        bases = {word, *self.irregular.get(word, {}).get(cls, ())}
        bases.update(word[:-len(end)] + base for end, base in SUFFIXES[cls]
                     if word.endswith(end) and len(word) > len(end) + 1)
        if cls == "v" and word.endswith(("ed", "ing")):
            stem = word[:-2] if word.endswith("ed") else word[:-3]
            if len(stem) > 2 and stem[-1] == stem[-2]:      # stopped, running
                bases.add(stem[:-1])
        return {b for b in bases if cls in self.listed.get(b, ())}

    def classes(self, word: str) -> dict[str, int]:
        """Each class ``word`` has, weighted by its lemma's tagged senses
        (one more than the count, so a listed class never weighs nothing)."""
        weights = {}
        for cls in FILES:
            lemmas = self.lemmas(word, cls)
            if lemmas:
                weights[cls] = 1 + max(self.tagged.get(b, {}).get(cls, 0) for b in lemmas)
        return weights


def usual_class(weights: dict[str, int]) -> str | None:
    """The class holding at least ``SHARE`` of the weight, if one does.

    >>> usual_class({"n": 4, "v": 4, "a": 89}), usual_class({"a": 41, "r": 82})
    ('a', None)
    """
    if not weights:
        return None
    best = max(weights, key=weights.__getitem__)
    return best if weights[best] >= SHARE * sum(weights.values()) else None


COMMON = 1_000_000
"""The least lexicon count of a word given its class: the rules weigh only
words read plainly, which are common ones, and a shorter file loads sooner."""


def lexicon_words(path: Path) -> Iterable[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        if word.isalpha() and word.isascii() and count.isdigit() and int(count) >= COMMON:
            yield word


def build(root: Path = WORDNET, out_dir: Path = DATA) -> int:
    wordnet = WordNet(root)
    rows = []
    for word in lexicon_words(out_dir / "lexicon.tsv"):
        weights = wordnet.classes(word)
        usual = usual_class(weights)
        if usual is not None:
            rows.append(f"{word}\t{usual}\t{''.join(sorted(weights))}")
    (out_dir / "word-classes.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET,
                        help="WordNet's dict folder (default: Debian wordnet-base's)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.wordnet / "index.noun").is_file():
        raise SystemExit(f"no WordNet in {args.wordnet}: apt-get install wordnet-base")
    print(f"word-classes.tsv: {build(args.wordnet)} words")


if __name__ == "__main__":
    main()
