"""Letter substitutions a document teaches: one engine's way with one face.

An engine that cannot read a ligature or a close-set pair of letters gives
the same wrong character for it every time, often a capital no word has in
its middle: GNU Ocrad reads Termes' ``ff`` and ``fl`` as ``R`` and its
``tr`` as ``W`` (``diRerent``, ``absWact``, ``illusWation``). No table made
from other engines knows that, but the document shows it: put two small
letters in the capital's place and word after word becomes a known word.
A substitution that makes known words of three different misread words or
more is this document's; it is then made in every word it turns into a
known one.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import product
from string import ascii_lowercase

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import known_form, load_lexicon
from clean_scan.stages.characters.lines import Lines

INNER_CAPITAL = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Ll}+(\p{Lu})\p{Ll}*(?![\p{L}\p{N}])")
"""A word in small letters but for one capital after its first letter
(``diRerent``, ``oR``): a capital no word has there."""
REPLACEMENTS = tuple(ascii_lowercase) + tuple(a + b for a, b in product(ascii_lowercase, repeat=2))
"""What a misread character may stand for: one letter or two (a ligature, a pair)."""
MIN_WORDS = 3
"""Different words a substitution must make known for the document to teach it."""


def learned_substitutions(text: str, doc: Lines) -> list[Proposal]:
    """Each word with a capital inside that one of the document's learned
    substitutions makes a known word of (:func:`learn`).

    >>> text = ("a diRerent view, the diRerence, absWact and illusWation, the "
    ...         "indesWuctible, oR we go, an eRort, HeRe is a McKay. Wuths, the Wuths")
    >>> [text[p.start:p.end] + ">" + p.replacement for p in learned_substitutions(text, None)]
    ['R>ff', 'R>ff', 'W>tr', 'W>tr', 'W>tr', 'R>ff', 'R>ff', 'W>Tr', 'W>tr']

    A capital so taught opening a word unknown as printed is read the same
    way (``Wuths``). Left alone: any other capital opening a word, names
    with a capital inside (``McKay``), a word no substitution makes known,
    and any substitution fewer than three different words teach.

    >>> learned_substitutions("a diRerent view, the absWact idea", None)
    []
    """
    inside = [(m.start(1), m.group()) for m in INNER_CAPITAL.finditer(text)]
    if len({word for _, word in inside}) < MIN_WORDS:
        return []
    taught, letters_for = learn({word for _, word in inside})
    found = [(at, word, taught.get(word)) for at, word in inside] + \
        _capital_first(text, letters_for)
    proposals = []
    for at, word, letters in found:
        if letters is not None:
            proposals.append(Proposal(at, at + 1, letters, "learned-substitution", 0.9,
                                      f"'{word}': this document's engine reads '{letters}' as "
                                      f"'{text[at]}' (so read, {MIN_WORDS} or more of its "
                                      "misread words are known words)"))
    return proposals


OPENING_CAPITAL = regex.compile(r"(?<![\p{L}\p{N}'’-])(\p{Lu})\p{Ll}+(?![\p{L}\p{N}])")
SENTENCE_END = regex.compile(r"(?:^|[.!?][’”\"')]*)\s*$")


def _capital_first(text: str, letters_for: dict[str, str]) -> list[tuple[int, str, str]]:
    """Words opening with a capital the document's substitutions were
    taught for (``Wuths``; ``letters_for``: the letters each capital stands
    for), unknown as printed, that the same substitution makes known: the
    capital misread the same way at a word's start. Each comes with the
    letters in the case its place asks: a capital first at a sentence's
    start (``Truths``), else small."""
    if not letters_for:
        return []
    lexicon = load_lexicon()
    found = []
    for m in OPENING_CAPITAL.finditer(text):
        word, capital = m.group(), m.group(1)
        letters = letters_for.get(capital)
        if letters is None or known_form(word, lexicon) or \
                not known_form(letters + word[1:], lexicon):
            continue
        opens = SENTENCE_END.search(text[max(0, m.start() - 4):m.start()]) is not None
        found.append((m.start(), word, letters.capitalize() if opens else letters))
    return found


def learn(words: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The words the document's substitutions make known, with the letters
    each one's capital stands for, and for each capital so taught the
    letters most words teach. A substitution of capital ``C`` by letters
    ``s`` is the document's where it makes known words of ``MIN_WORDS``
    different words or more; a word two such substitutions make known takes
    the one more words teach (ties in the letters' order, so a run decides
    as the one before it did)."""
    lexicon = load_lexicon()
    makes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for word in sorted(words):
        capital = next(c for c in word[1:] if c.isupper())
        at = word.index(capital, 1)
        head, tail = word[:at], word[at + 1:]
        for letters in REPLACEMENTS:
            if letters == capital.lower():
                continue  # a capital for its own small letter is another rule's
            if known_form(head + letters + tail, lexicon):
                makes[(capital, letters)].append(word)
    accepted = sorted(((-len(made), capital, letters), made)
                      for (capital, letters), made in makes.items() if len(made) >= MIN_WORDS)
    taught: dict[str, str] = {}
    letters_for: dict[str, str] = {}
    for (_, capital, letters), made in accepted:
        letters_for.setdefault(capital, letters)
        for word in made:
            taught.setdefault(word, letters)
    return taught, letters_for
