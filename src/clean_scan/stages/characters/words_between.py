"""Common words that start and end with given letters: the candidates of a
rewrite inside a word (:mod:`.learned`), found by bisection."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from clean_scan import lexicon_tables as tables
from clean_scan.lexicon import prefixed

MAX_SPAN = 3
"""The most characters a misread stands for, or is read as (``ffi``,
``u_``): the most letters looked for between a head and a tail."""


def known_between(head: str, tail: str, lengths: tuple[int, ...] = ()) -> list[str]:
    """The lexicon's common words that start with ``head``, end with
    ``tail`` and hold one to ``MAX_SPAN`` letters between (or are of
    ``lengths``), found by bisecting the words of each length sorted on the
    longer of the two (sorted written backwards for a tail)."""
    forwards, backwards = _words_by_length()
    kept = len(head) + len(tail)
    found = []
    for length in lengths or range(kept + 1, kept + MAX_SPAN + 1):
        if len(head) >= len(tail):
            found += [w for w in _among(forwards.get(length, []), head) if w.endswith(tail)]
        else:
            found += [w[::-1] for w in _among(backwards.get(length, []), tail[::-1])
                      if w.endswith(head[::-1])]
    return found


@lru_cache(maxsize=1)
def _words_by_length() -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The lexicon's common words (the spelling stage's candidates, sorted
    with the lexicon), and the same written backwards, in sorted lists by
    length: a rewrite's candidates are a handful of lengths, so a bisect
    finds them among few."""
    found = tables.load()
    forwards: dict[int, list[str]] = defaultdict(list)
    backwards: dict[int, list[str]] = defaultdict(list)
    for word in found["common_forward"]:
        forwards[len(word)].append(word)
    for word in found["common_backward"]:
        backwards[len(word)].append(word)
    return dict(forwards), dict(backwards)


def _among(keys: list[str], prefix: str) -> list[str]:
    """The sorted ``keys`` that start with ``prefix``."""
    return keys[prefixed(keys, prefix)]
