"""Bounds on where a rewrite of a form can reach a known form: the longest
head and tail the form shares with any known form (kept apart from the
confusion model, which uses them to skip rewrites that reach nothing)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from collections.abc import Set as AbstractSet

Window = Callable[[str], tuple[int, int]]
"""For a form, how long a head and how long a tail of it some known form
shares at most: a rewrite keeping a longer head or tail cannot reach one."""


class KnownEdges:
    """The heads and tails known forms share with a given form, found by
    bisecting the forms sorted, and sorted written backwards (the forms
    sharing the longest head with a form sort beside it).

    >>> edges = KnownEdges([KnownEdges.sort({"the", "then", "hand"})])
    >>> edges.window("tbe"), edges.window("tlien"), edges.window("hund")
    ((1, 1), (1, 2), (1, 2))
    """

    def __init__(self, parts: list[tuple[list[str], list[str]]]) -> None:
        self.parts = parts

    @staticmethod
    def sort(forms: AbstractSet[str]) -> tuple[list[str], list[str]]:
        """One part: the forms sorted, and sorted written backwards."""
        return sorted(forms), sorted(form[::-1] for form in forms)

    def window(self, form: str) -> tuple[int, int]:
        """The longest head and the longest tail of ``form`` (in lower
        case) that a known form has. A form beyond ASCII gets no bound:
        there lower-casing a letter may depend on its neighbours (Σ)."""
        if not form.isascii():
            return len(form), len(form)
        low = form.lower()
        back = low[::-1]
        return (max(_shared_head(low, forward) for forward, _ in self.parts),
                max(_shared_head(back, backward) for _, backward in self.parts))


def _shared_head(form: str, ordered: list[str]) -> int:
    """The longest head ``form`` shares with a string of ``ordered``."""
    at = bisect_left(ordered, form)
    best = 0
    for other in ordered[max(at - 1, 0):at + 1]:
        limit = min(len(form), len(other))
        size = 0
        while size < limit and form[size] == other[size]:
            size += 1
        best = max(best, size)
    return best
