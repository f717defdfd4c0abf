"""The OCR confusion model: what it costs to believe that the page printed
one thing where the OCR read another.

A plain edit distance treats ``rn`` read for ``m`` like ``q`` for ``z``; OCR
does not. The costs here are ``-ln P(ocr piece | printed piece)`` for pieces
of one or two characters, learned from aligned OCR and ground truth by
``wordlists/learn_confusions.py`` (with a prior for the classic confusions),
and a flat, high cost for any other single-character edit. A character that
cannot belong to a word (``&``, ``^``, ``£`` inside letters) is cheap to
replace or drop, because it is certainly wrong.

Two uses: :meth:`ConfusionModel.cost` is the weighted edit distance between
an OCR form and a printed form; :meth:`ConfusionModel.variants` generates the
printed forms within two operations of an OCR form, for the spelling stage to
check against its lexicon.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from clean_scan.known_edges import Window

GENERIC_SUB = 9.0
"""Cost of a letter-for-letter substitution that the model never saw."""
GENERIC_INDEL = 9.5
"""Cost of an unseen deletion or insertion of a letter."""
JUNK_EDIT = 3.0
"""Cost of replacing or dropping a character that cannot stand in a word."""
SECOND_OP_LIMIT = 5.0
"""Only confusions cheaper than this are tried as a second operation, which
keeps the number of generated forms in the thousands, not the hundreds of
thousands."""

STEP_LIMIT = 8.0
"""Learned confusions dearer than this are no cheaper than a generic edit
and are left to the generic steps when generating forms."""

LETTERS = string.ascii_lowercase


def is_junk(char: str) -> bool:
    """A character that cannot be part of a printed word.

    >>> is_junk("&"), is_junk("e"), is_junk("é"), is_junk("-")
    (True, False, False, False)
    """
    return not (char.isalpha() or char in "'’-")


Start = tuple[str, float, int, int]
"""A form a second operation starts from: the form, its cost, and the
longest head and tail a known form can share with it."""


@dataclass(frozen=True)
class FirstOps:
    """The known forms one operation on ``word`` reached (in order, at
    their cheapest), whether the generic steps were tried, and the word's
    window (:class:`~clean_scan.known_edges.KnownEdges`)."""

    word: str
    generic: bool
    found: dict[str, float]
    heads: int  # the longest head and tail a known form shares with the word
    tails: int

    def reached(self) -> dict[str, float]:
        """The known forms, without the word itself."""
        found = dict(self.found)
        found.pop(self.word, None)
        return found


@dataclass
class ConfusionModel:
    """Substitution costs, keyed by the OCR piece: ``{ocr: {printed: cost}}``.
    The empty string stands for nothing (a dropped or added character)."""

    table: dict[str, dict[str, float]]
    _by_limit: dict[float, dict[str, tuple[tuple[str, float], ...]]] = field(
        default_factory=dict, repr=False)
    _insertions: dict[tuple[frozenset[str], float], dict[str, list[tuple[str, float]]]] = field(
        default_factory=dict, repr=False)
    _flagged_tables: dict[float, dict[str, tuple[tuple[str, float, bool], ...]]] = field(
        default_factory=dict, repr=False)
    _lowered_tables: dict[float, dict[str, tuple[tuple[str, float, str | None], ...]]] = field(
        default_factory=dict, repr=False)

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str, float]]) -> ConfusionModel:
        table: dict[str, dict[str, float]] = {}
        for ocr, printed, cost in rows:
            ocr, printed = ("" if ocr == "_" else ocr), ("" if printed == "_" else printed)
            table.setdefault(ocr, {})[printed] = min(cost, table.get(ocr, {}).get(printed, cost))
        return cls(table)

    def piece_cost(self, ocr: str, printed: str) -> float:
        """Cost of one operation turning the OCR piece back into the printed one.

        >>> m = ConfusionModel.from_rows([("rn", "m", 3.0)])
        >>> m.piece_cost("rn", "m"), m.piece_cost("q", "z"), m.piece_cost("&", "s")
        (3.0, 9.0, 3.0)
        """
        if ocr == printed:
            return 0.0
        learned = self.table.get(ocr, {}).get(printed)
        if learned is not None:
            return learned
        if len(ocr) == 1 and is_junk(ocr) and len(printed) <= 1:
            return JUNK_EDIT
        if len(ocr) == 1 and len(printed) == 1:
            return GENERIC_SUB if ocr.lower() != printed.lower() else GENERIC_SUB / 2
        if len(ocr) + len(printed) == 1:
            return GENERIC_INDEL
        return float("inf")

    def cost(self, ocr: str, printed: str) -> float:
        """Weighted edit distance from the OCR form to the printed form, with
        pieces of up to two characters on either side.

        >>> m = load_confusions()
        >>> m.cost("modem", "modern") < m.cost("modem", "model")
        True
        """
        n, k = len(ocr), len(printed)
        inf = float("inf")
        best = [[inf] * (k + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i in range(n + 1):
            for j in range(k + 1):
                here = best[i][j]
                if here == inf:
                    continue
                for a in range(3):
                    for b in range(3):
                        if (a or b) and i + a <= n and j + b <= k:
                            step = self.piece_cost(ocr[i:i + a], printed[j:j + b])
                            if here + step < best[i + a][j + b]:
                                best[i + a][j + b] = here + step
        return best[n][k]

    def aligned_cost(self, ocr: str, printed: str) -> float:
        """A fast estimate of :meth:`cost`: align the two forms once (in C,
        by rapidfuzz), then price each run of differing characters as one
        piece if the model knows it, else letter by letter.

        >>> m = ConfusionModel.from_rows([("rn", "m", 3.0)])
        >>> m.aligned_cost("rnodern", "modern"), m.aligned_cost("modern", "modern")
        (3.0, 0.0)
        """
        total = 0.0
        for src, dst in differing_runs(ocr, printed):
            whole = self.piece_cost(src, dst) if len(src) <= 2 and len(dst) <= 2 else math.inf
            if whole == math.inf:
                pairs = max(len(src), len(dst))
                whole = sum(self.piece_cost(src[i:i + 1], dst[i:i + 1]) for i in range(pairs))
            total += whole
        return total

    def steps(self, word: str) -> list[tuple[str, float]]:
        """Learned one-operation rewrites of ``word``: (new form, cost). Not
        kept: the model lives as long as the process, and a memo here would
        carry one file's words into the next."""
        return list(self.learned_steps(word))

    def _by_limit_table(self, limit: float) -> dict[str, tuple[tuple[str, float], ...]]:
        """The table without the rewrites dearer than ``limit``, made once."""
        table = self._by_limit.get(limit)
        if table is None:
            table = {ocr: cheap for ocr, printed_costs in self.table.items()
                     if (cheap := tuple((printed, cost) for printed, cost in printed_costs.items()
                                        if cost <= limit))}
            self._by_limit[limit] = table
        return table

    def learned_steps(self, word: str, limit: float = STEP_LIMIT,
                      inserts: bool = True) -> Iterator[tuple[str, float]]:
        """The learned rewrites of ``word`` costing up to ``limit``: position
        by position, a one-character piece then a two-character one, then
        the insertions. This runs for thousands of forms a book (the second
        operation of :meth:`variants`, the look for very common neighbours),
        so the table is filtered by cost once per limit, not at each look-up.

        >>> m = ConfusionModel.from_rows([("rn", "m", 3.0), ("c", "e", 4.0), ("_", "i", 6.0)])
        >>> list(m.learned_steps("rnc", limit=5.0, inserts=False))
        [('mc', 3.0), ('rne', 4.0)]
        >>> list(m.learned_steps("rc"))[-3:]
        [('irc', 6.0), ('ric', 6.0), ('rci', 6.0)]
        """
        table = self._by_limit_table(limit)
        for i in range(len(word)):
            for printed, cost in table.get(word[i], ()):
                yield word[:i] + printed + word[i + 1:], cost
            if i + 2 <= len(word):
                for printed, cost in table.get(word[i:i + 2], ()):
                    yield word[:i] + printed + word[i + 2:], cost
        for printed, cost in table.get("", ()) if inserts else ():
            for i in range(len(word) + 1):
                yield word[:i] + printed + word[i:], cost

    def steps_between(self, word: str, limit: float, heads: AbstractSet[str],
                      tails: AbstractSet[str]) -> Iterator[tuple[str, float]]:
        """``learned_steps(word, limit, inserts=False)``, only the rewrites
        that keep a head in ``heads`` and a tail in ``tails``: where only a
        few words matter, the prefixes and suffixes of those words rule out
        most positions before any form is made (once the head is no
        prefix, no later one is).

        >>> m = ConfusionModel.from_rows([("b", "h", 4.0), ("c", "e", 5.0)])
        >>> heads, tails = {"", "t", "th", "the"}, {"", "e", "he", "the"}
        >>> [list(m.steps_between(word, 5.0, heads, tails)) for word in ("tbe", "tbc")]
        [[('the', 4.0)], []]
        """
        table = self._by_limit_table(limit)
        size = len(word)
        for i in range(size):
            head = word[:i]
            if head not in heads:
                return
            for piece in (word[i], word[i:i + 2]) if i + 2 <= size else (word[i],):
                tail = word[i + len(piece):]
                if tail in tails:
                    for printed, cost in table.get(piece, ()):
                        yield head + printed + tail, cost

    def insertions_into(self, targets: frozenset[str],
                        limit: float) -> dict[str, list[tuple[str, float]]]:
        """For every form one learned insertion (costing up to ``limit``)
        short of a word of ``targets``: those words and the costs, in the
        order :meth:`learned_steps` reaches them from the form (insertion by
        insertion, then position by position). Where only the targets
        matter, one look-up here replaces trying every insertion at every
        position. Built once per targets and limit.

        >>> m = ConfusionModel.from_rows([("_", "h", 4.0), ("_", "e", 5.0), ("_", "x", 9.0)])
        >>> index = m.insertions_into(frozenset({"the", "tee"}), 5.0)
        >>> index["te"], index["th"], "tx" in index
        ([('the', 4.0), ('tee', 5.0), ('tee', 5.0)], [('the', 5.0)], False)
        """
        index = self._insertions.get((targets, limit))
        if index is None:
            reached: dict[str, list[tuple[int, int, str, float]]] = {}
            inserts = self._by_limit_table(limit).get("", ())
            for order, (printed, cost) in enumerate(inserts):
                for word in targets:
                    at = word.find(printed)
                    while at != -1:
                        form = word[:at] + word[at + len(printed):]
                        reached.setdefault(form, []).append((order, at, word, cost))
                        at = word.find(printed, at + 1)
            index = {form: [(word, cost) for _, _, word, cost in sorted(found)]
                     for form, found in reached.items()}
            self._insertions[(targets, limit)] = index
        return index

    @staticmethod
    def generic_steps(word: str) -> Iterator[tuple[str, float]]:
        """Every single-character edit at its flat cost (cheap for junk)."""
        for i, char in enumerate(word):
            junk = is_junk(char)
            yield word[:i] + word[i + 1:], JUNK_EDIT if junk else GENERIC_INDEL
            for letter in LETTERS:
                if letter != char:
                    cost = JUNK_EDIT if junk else GENERIC_SUB
                    yield word[:i] + letter + word[i + 1:], cost
        for i in range(len(word) + 1):
            for letter in LETTERS:
                yield word[:i] + letter + word[i:], GENERIC_INDEL

    def variants(self, word: str, max_cost: float = 16.0, two_ops: bool = True,
                 accept: Callable[[str], bool] | None = None,
                 generic: bool = True) -> dict[str, float]:
        """Forms within two operations of ``word`` and their cheapest cost.

        The first operation may be any edit; a second one follows only a
        learned confusion or the repair of a junk character, and is itself a
        learned confusion, or any edit where a junk character is left.

        >>> m = ConfusionModel.from_rows([("rn", "m", 3.0), ("c", "e", 4.0)])
        >>> v = m.variants("rnodcl")
        >>> v["modcl"], v["model"]
        (3.0, 7.0)
        """
        found: dict[str, float] = {}

        def keep(form: str, cost: float) -> bool:
            if cost > max_cost or cost >= found.get(form, float("inf")):
                return False
            found[form] = cost
            return True

        def keep_final(form: str, cost: float) -> None:
            if cost <= max_cost and cost < found.get(form, float("inf")) and (
                    accept is None or accept(form)):
                found[form] = cost

        learned: list[tuple[str, float]] = []
        for form, cost in self.steps(word):
            if keep(form, cost) and cost <= SECOND_OP_LIMIT:
                learned.append((form, cost))
        junky: list[tuple[str, float]] = []
        for form, cost in self.generic_steps(word) if generic else ():
            if cost == JUNK_EDIT:
                if keep(form, cost):
                    junky.append((form, cost))
            else:
                keep_final(form, cost)  # never expanded further: filter now
        for form, cost in (learned + junky) if two_ops else ():
            if cost > SECOND_OP_LIMIT:
                continue
            for form2, cost2 in self.learned_steps(form, SECOND_OP_LIMIT, inserts=False):
                keep_final(form2, cost + cost2)
        for form, cost in (junky + learned) if two_ops else ():
            for form2 in junk_steps(form):
                keep_final(form2, cost + JUNK_EDIT)
        found.pop(word, None)
        return found


    def known_variants(self, word: str, known: AbstractSet[str], two_ops: bool = True,
                       generic: bool = True, window: Window | None = None) -> dict[str, float]:
        """The forms of :meth:`variants` whose lower case is in ``known`` (a
        set of forms each its own lower case), with the same costs, in the
        same order: ``variants(word, accept=...)`` filtered by ``known``.

        :meth:`variants` keeps every form it makes in one dict, one call per
        form, and most forms are not words. Here only the forms a second
        operation starts from are remembered (as :meth:`variants` chooses
        them: the first time each is reached this cheaply); any other form
        is looked up in ``known`` and dropped unless it is there. The costs
        stay below :meth:`variants`' default ``max_cost``. A ``window`` for
        ``known`` (:class:`KnownEdges`) spares the rewrites that keep a head
        or a tail no known form has.

        >>> m = ConfusionModel.from_rows([("rn", "m", 3.0), ("c", "e", 4.0)])
        >>> m.known_variants("rnodcl", {"model", "modcl"})
        {'modcl': 3.0, 'model': 7.0}
        """
        first = self.first_known(word, known, generic, window)
        return self.second_known(first, known) if two_ops else first.reached()

    def first_known(self, word: str, known: AbstractSet[str], generic: bool = True,
                    window: Window | None = None) -> FirstOps:
        """The first operation of :meth:`known_variants`, kept for a second
        one (the spelling stage tries one operation, then perhaps two)."""
        found: dict[str, float] = {}
        plain = word == word.lower()
        heads, tails = window(word) if window else (len(word), len(word))
        size = len(word)
        # learned_steps' order: the replacements first
        for form, cost in self._known_rewrites(word, known, heads, tails, STEP_LIMIT):
            _keep_cheaper(found, form, cost)
        table = self._flagged(STEP_LIMIT)
        at = range(max(size - tails, 0), min(size, heads) + 1)
        edges = [(word[:i], word[i:]) for i in at]
        # the insertions, piece by piece, in one comprehension (a few dozen
        # pieces: one loop in C each would cost more than its look-ups)
        for form, cost in [(form, cost) for printed, cost, lower in table.get("", ())
                           for head, tail in edges
                           if (form := head + printed + tail) in known
                           or (not (plain and lower) and form.lower() in known)]:
            _keep_cheaper(found, form, cost)
        if generic:
            self._generic_known(word, known, found, heads, tails)
        return FirstOps(word, generic, found, heads, tails)

    def second_known(self, first: FirstOps, known: AbstractSet[str]) -> dict[str, float]:
        """:meth:`known_variants` with two operations, from the first's."""
        found = dict(first.found)
        learned, junky = self._starts(first.word, first.generic, first.heads, first.tails)
        # _known_rewrites of every start, in order, in one comprehension: a
        # word has a hundred starts, and a call each cost more than its work
        table = self._lowered(SECOND_OP_LIMIT)
        spots = [(head, pieces, tail, cost, plain)
                 for form, cost, heads, tails in learned + junky
                 for size, plain in ((len(form), form == form.lower()),)
                 for i in range(min(size, heads + 1)) for n in (1, 2)
                 if i + n <= size and size - i - n <= tails
                 and (pieces := table.get(form[i:i + n]))
                 for head, tail in ((form[:i], form[i + n:]),)]
        # ``known`` holds lower-case forms only, so a form in small letters
        # with a piece set in ASCII capitals is known just when it is with
        # the piece in small letters: one look-up, and no lower-casing
        for form2, total in [(head + printed + tail, cost + cost2)
                             for head, pieces, tail, cost, plain in spots
                             for printed, cost2, low in pieces
                             if (head + low + tail in known if plain and low is not None else
                                 (form2 := head + printed + tail) in known
                                 or form2.lower() in known)]:
            _keep_cheaper(found, form2, total)
        for form, cost, heads, tails in junky + learned:
            if not form.isalpha():  # junk_steps(form), where a known form can be reached
                size = len(form)
                for i in range(max(size - tails - 1, 0), min(size, heads + 1)):
                    if is_junk(form[i]):
                        head, tail = form[:i], form[i + 1:]
                        for form2 in (head + tail, *[head + letter + tail for letter in LETTERS]):
                            if form2 in known or form2.lower() in known:
                                _keep_cheaper(found, form2, cost + JUNK_EDIT)
        found.pop(first.word, None)
        return found

    def _starts(self, word: str, generic: bool, heads: int,
                tails: int) -> tuple[list[Start], list[Start]]:
        """The forms :meth:`variants` applies a second operation to, in its
        order: the learned rewrites cheap enough, then the repairs of a junk
        character; each the first time it is reached this cheaply.

        With each, bounds on the head and tail a known form may share with
        it, from the word's (``heads``, ``tails``): a rewrite after the
        word's longest known head leaves that head's end in place, so the
        form shares no longer head; likewise for tails."""
        size = len(word)
        starts: dict[str, float] = {}
        learned: list[Start] = []
        for form, cost, at, end in self._spans(word):  # a list: no generator, no call a form
            if cost < starts.get(form, math.inf):
                starts[form] = cost
                learned.append((form, cost, heads if at > heads else len(form),
                                tails if size - end > tails else len(form)))
        junky: list[Start] = []
        for i, char in enumerate(word if generic else ""):
            if is_junk(char):
                head, tail = word[:i], word[i + 1:]
                for form in (head + tail, *[head + letter + tail for letter in LETTERS]):
                    if starts.get(form, math.inf) > JUNK_EDIT:
                        starts[form] = JUNK_EDIT
                        junky.append((form, JUNK_EDIT, heads if i > heads else len(form),
                                      tails if size - i - 1 > tails else len(form)))
        return learned, junky

    def _spans(self, word: str) -> list[tuple[str, float, int, int]]:
        """``learned_steps(word, SECOND_OP_LIMIT)``, each form with the span
        of ``word`` rewritten (an insertion's is empty), in that order."""
        table = self._by_limit_table(SECOND_OP_LIMIT)
        size = len(word)
        return [(word[:i] + printed + word[end:], cost, i, end) for i in range(size)
                for end in ((i + 1, i + 2) if i + 2 <= size else (i + 1,))
                for printed, cost in table.get(word[i:end], ())] + \
            [(word[:i] + printed + word[i:], cost, i, i) for printed, cost in table.get("", ())
             for i in range(size + 1)]

    def _flagged(self, limit: float) -> dict[str, tuple[tuple[str, float, bool], ...]]:
        """:meth:`_by_limit_table` with each printed piece marked when it is
        its own lower case (then a lower-case form stays lower case)."""
        table = self._flagged_tables.get(limit)
        if table is None:
            table = {ocr: tuple((printed, cost, printed == printed.lower())
                                for printed, cost in pieces)
                     for ocr, pieces in self._by_limit_table(limit).items()}
            self._flagged_tables[limit] = table
        return table

    def _lowered(self, limit: float) -> dict[str, tuple[tuple[str, float, str | None], ...]]:
        """:meth:`_by_limit_table` with each printed piece's lower case where
        lower-casing a form holding it lower-cases the piece alone (ASCII,
        or already in small letters), else None."""
        table = self._lowered_tables.get(limit)
        if table is None:
            table = {ocr: tuple((printed, cost, printed.lower() if printed.isascii()
                                 or printed == printed.lower() else None)
                                for printed, cost in pieces)
                     for ocr, pieces in self._by_limit_table(limit).items()}
            self._lowered_tables[limit] = table
        return table

    def _known_rewrites(self, word: str, known: AbstractSet[str], heads: int, tails: int,
                        limit: float = SECOND_OP_LIMIT) -> list[tuple[str, float]]:
        """``learned_steps(word, limit, inserts=False)``, only the forms in
        ``known`` (and only rewrites keeping at most ``heads`` characters
        before them, ``tails`` after): the second operation, and the
        replacements of the first."""
        table = self._flagged(limit)
        plain = word == word.lower()
        size = len(word)
        # the places and pieces first, then every rewrite in one comprehension
        # (one per place and piece cost more than their few look-ups)
        spots = [(word[:i], pieces, word[i + n:]) for i in range(min(size, heads + 1))
                 for n in (1, 2) if i + n <= size and size - i - n <= tails
                 and (pieces := table.get(word[i:i + n]))]
        return [(form, cost) for head, pieces, tail in spots for printed, cost, lower in pieces
                if (form := head + printed + tail) in known
                or (not (plain and lower) and form.lower() in known)]

    def _generic_known(self, word: str, known: AbstractSet[str], found: dict[str, float],
                       heads: int, tails: int) -> None:
        """The generic steps of :meth:`variants`: the known forms they reach
        go into ``found`` (only steps keeping at most ``heads`` characters
        before them and ``tails`` after can reach one)."""
        plain = word == word.lower()  # the forms are then lower case too
        size = len(word)
        for i in range(max(size - tails - 1, 0), min(size, heads + 1)):
            char = word[i]
            head, tail = word[:i], word[i + 1:]
            if is_junk(char):
                for form in (head + tail, *[head + letter + tail for letter in LETTERS]):
                    if form in known or form.lower() in known:
                        _keep_cheaper(found, form, JUNK_EDIT)
                continue
            form = head + tail
            if form in known or form.lower() in known:
                _keep_cheaper(found, form, GENERIC_INDEL)
            forms = [head + letter + tail for letter in LETTERS if letter != char]
            for form in [f for f in forms if f in known] if plain else forms:
                if form in known or form.lower() in known:
                    _keep_cheaper(found, form, GENERIC_SUB)
        for i in range(max(size - tails, 0), min(size, heads) + 1):
            head, tail = word[:i], word[i:]
            forms = [head + letter + tail for letter in LETTERS]
            for form in [f for f in forms if f in known] if plain else forms:
                if form in known or form.lower() in known:
                    _keep_cheaper(found, form, GENERIC_INDEL)


def _keep_cheaper(found: dict[str, float], form: str, cost: float) -> None:
    """Record ``form`` at ``cost`` unless it is known as cheap already."""
    if cost < found.get(form, math.inf):
        found[form] = cost


def differing_runs(source: str, target: str) -> Iterator[tuple[str, str]]:
    """Runs of differing characters between two aligned forms, as
    ``(source piece, target piece)``: the unit the confusion model learns and
    costs (``rn`` read for ``m`` is one run, not two edits).

    >>> list(differing_runs("modem", "modern"))
    [('m', 'rn')]
    """
    run_src = run_dst = ""
    for op in Levenshtein.opcodes(source, target):
        if op.tag == "equal":
            if run_src or run_dst:
                yield run_src, run_dst
            run_src = run_dst = ""
        else:
            run_src += source[op.src_start:op.src_end]
            run_dst += target[op.dest_start:op.dest_end]
    if run_src or run_dst:
        yield run_src, run_dst


def junk_steps(word: str) -> Iterator[str]:
    """Each junk character dropped, or replaced by each letter.

    >>> sorted(junk_steps("a&"))[:3]
    ['a', 'aa', 'ab']
    """
    for i, char in enumerate(word):
        if is_junk(char):
            yield word[:i] + word[i + 1:]
            for letter in LETTERS:
                yield word[:i] + letter + word[i + 1:]


def _read_rows(text: str) -> list[tuple[str, str, float]]:
    rows = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            rows.append((parts[0], parts[1], float(parts[2])))
    return rows


@lru_cache(maxsize=1)
def load_confusions() -> ConfusionModel:
    """The packaged model (``data/confusions.tsv``), loaded once per process."""
    text = resources.files("clean_scan").joinpath("data/confusions.tsv").read_text("utf-8")
    return ConfusionModel.from_rows(_read_rows(text))
