"""Candidates for an unknown word, each with the cost of its confusions
and of its place between its neighbours, ranked with keeping it as
printed."""

from __future__ import annotations

import math
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clean_scan.confusion import (
    is_junk,
)
from clean_scan.lexicon import (
    LONG_WORD,
    load_lexicon,
)
from clean_scan.stages.spelling.channel import noise_keep_cost
from clean_scan.stages.spelling.known import (
    candidate_known,
    candidate_set,
    candidate_window,
    capitals_with_a_small,
)
from clean_scan.stages.spelling.model import (
    CAPITAL_KEEP_BONUS,
    DOC_BONUS,
    KEEP_COST,
    LM_WEIGHT,
    MAX_TWO_OP_LENGTH,
    MIN_JOIN_COUNT,
    NAME_KEEP_BONUS,
    NOISY_TWO_OP_LENGTH,
    ONE_OP_ENOUGH,
    SPLIT_COST,
    TEMPERATURE,
    Knowledge,
    Ranked,
    Token,
)


def language_cost(form: str, left: str | None, right: str | None, know: Knowledge) -> float:
    """``-ln P`` of the form between its neighbours, less the document's vote."""
    next_cost, unigram = know.lexicon.next_cost, know.unigram_cost
    if " " not in form:  # one word (most candidates): the same sums, spelt out
        cost = next_cost(left, form, unigram) if left else unigram(form)
        if right:
            cost += next_cost(form, right, unigram) - unigram(right)
        return cost - DOC_BONUS * math.log1p(know.doc_lower.get(form, 0))
    words = form.split(" ")
    cost = next_cost(left, words[0], unigram) if left else unigram(words[0])
    for first, second in zip(words, words[1:], strict=False):
        cost += next_cost(first, second, unigram)
    if right:
        cost += next_cost(words[-1], right, unigram) - unigram(right)
    return cost - DOC_BONUS * sum(math.log1p(know.doc_lower.get(w, 0)) for w in words)


def neighbour(tokens: list[Token], index: int, step: int, glued: str = "") -> str | None:
    """The word beside token ``index`` if nothing but a space parts them
    (or the ``glued`` mark on that side, read as part of the word)."""
    j = index + step
    if not 0 <= j < len(tokens):
        return None
    here, there = tokens[index], tokens[j]
    between = (here.trail + there.lead) if step > 0 else (there.trail + here.lead)
    if (between and between != glued) or not there.core.isalpha():
        return None
    return there.core


def candidates(core: str, know: Knowledge) -> dict[str, float]:
    """Known printed forms the confusion model reaches from ``core``
    (worked out once per run and form: OCR repeats its misreadings).

    A word with an inner apostrophe (``M'Kenzie``, ``we'have``) is only
    considered for a split: its apostrophe is more often printed than not.
    """
    found = know.candidates.get(core)
    if found is None:
        found = know.candidates[core] = _candidates(core, know)
    return found


MAX_READ_LENGTH = 40
"""No word, nor two run together, is longer: a longer token (a line of
one repeated letter, a run of ligatures) is noise to flag, not to read, and
reading it would cost time that grows with the square of its length."""


def _candidates(core: str, know: Knowledge) -> dict[str, float]:
    found: dict[str, float] = {}
    if len(core) > MAX_READ_LENGTH:
        return found
    if "'" in core or "’" in core:
        return split_candidates(core, know)
    source = core.lower()
    if len(source) >= LONG_WORD:
        found = long_word_candidates(source, know)
    else:
        for two_ops in (False, True):
            if two_ops and (len(source) > MAX_TWO_OP_LENGTH or (core != source and not know.noisy)):
                break  # long words, and capitalised ones in a clean text (mostly names), get one
            found = _merge(found, _generated(source, two_ops, know))
            if any(cost <= ONE_OP_ENOUGH for cost in found.values()) and \
                    not (know.very_noisy and len(source) <= NOISY_TWO_OP_LENGTH):
                break
    if core.islower() and not any(cost <= ONE_OP_ENOUGH for cost in found.values()):
        wide = {f: c for f, c in wide_candidates(source, know).items() if f not in found}
        know.wide[source] = set(wide)
        found = _merge(found, wide)
    if core != source:
        # capitals have confusions of their own (``T`` for ``J``, ``AV`` for ``W``)
        found = _merge(found, _generated(core, False, know, generic=False))
    return _merge(found, split_candidates(core, know))


def _generated(source: str, two_ops: bool, know: Knowledge,
               generic: bool = True) -> dict[str, float]:
    """Known lower-case forms among the model's variants of ``source``."""
    found: dict[str, float] = {}
    accept = lambda form: candidate_known(form.lower(), know)  # noqa: E731
    if "-" in source or "'" in source:
        # such forms may be known as compounds or possessives: ask one by one
        variants = know.model.variants(source, two_ops=two_ops, accept=accept, generic=generic)
    else:
        known, window = candidate_set(know), candidate_window(know)
        first = know.first_ops.get((source, generic))
        if first is None:
            first = know.first_ops[source, generic] = \
                know.model.first_known(source, known, generic, window)
        variants = know.model.second_known(first, known) if two_ops else first.reached()
    for form, cost in variants.items():
        lower = form.lower()
        if cost < found.get(lower, math.inf) and lower != source.lower() and accept(lower):
            found[lower] = cost
    return found


def _merge(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    """Both candidate sets, each form at its cheaper cost."""
    merged = dict(first)
    for form, cost in second.items():
        if cost < merged.get(form, math.inf):
            merged[form] = cost
    return merged


def long_word_candidates(source: str, know: Knowledge) -> dict[str, float]:
    """Candidates of a long word: learned one-step confusions, plus lexicon
    words within two plain edits found by rapidfuzz and costed by the model:
    common ones (``candidate_known``), or a rare one a single edit away, as
    few words of that length lie so near a garble by chance
    (``storckeepers``: ``storekeepers``)."""
    accept = lambda form: candidate_known(form, know)  # noqa: E731
    if "-" in source or "'" in source:
        found = {form: cost for form, cost in
                 know.model.variants(source, two_ops=False, generic=False).items() if accept(form)}
    else:
        # the forms candidate_known takes as they are: lower-case ones it
        # knows, and the user's words (a capital from a rewrite stays)
        known, extra = candidate_set(know), know.extra
        variants = know.model.known_variants(source, known, two_ops=False, generic=False,
                                             window=candidate_window(know))
        found = {form: cost for form, cost in variants.items()
                 if (form in known and candidate_known(form, know)) or form in extra}
    pool = _near_pool(source, know)
    for form, distance, _ in process.extract(source, pool, scorer=Levenshtein.distance,
                                             score_cutoff=2, limit=None):
        if form not in found and form != source and (accept(form) or (
                distance == 1 and form in know.lexicon.words)):
            found[form] = know.model.aligned_cost(source, form)
    return found


FREQUENT_WORDS = 12_000
"""The most frequent words (the lexicon file is sorted by count) are searched
up to three plain edits away when the confusion model finds nothing near."""
WIDE_EDITS = 3
WIDE_PENALTY = 3.0
"""Added to a wide candidate's cost."""
WIDE_CONFIDENCE = 0.6
"""For a short word this garbled (two of four letters wrong) the printed word
is often not among the candidates at all: its wide candidate is only ever
suggested (flagged), never applied."""
WIDE_APPLY_LENGTH = 5
"""From this length a wide candidate faces the same confidence threshold as
any other: its extra cost already says the reading is far, and on the noisy
newspaper dev set the winning wide reading of a longer word was the printed
word or another misreading, never a change of a correct word."""


@lru_cache(maxsize=1)
def _frequent_by_length() -> dict[int, list[str]]:
    buckets: dict[int, list[str]] = {}
    for word, _ in zip(load_lexicon().words, range(FREQUENT_WORDS), strict=False):
        buckets.setdefault(len(word), []).append(word)
    return buckets


@lru_cache(maxsize=64)
def _frequent_near_length(size: int) -> list[str]:
    """The frequent words two letters shorter to two longer than ``size``
    (built once per length: many garbled words share one)."""
    buckets = _frequent_by_length()
    return [w for n in range(size - 2, size + 3) for w in buckets.get(n, ())]


def wide_candidates(source: str, know: Knowledge) -> dict[str, float]:
    """Frequent words within a few plain edits of a badly garbled word
    (``yvltli``), priced by the confusion model."""
    size = len(source)
    if size < 4:
        return {}
    pool = _frequent_near_length(size)
    edits = WIDE_EDITS if size >= 6 else 2
    return {form: know.model.aligned_cost(source, form) + WIDE_PENALTY for form, _, _ in
            process.extract(source, pool, scorer=Levenshtein.distance, score_cutoff=edits,
                            limit=None) if form != source}


def _near_pool(source: str, know: Knowledge) -> list[str]:
    """The document's and the common words of lengths ``size - 1`` to
    ``size + 1``, in that order, less the common words that cannot be two
    plain edits from ``source``: cut in three, a form two edits away keeps
    one piece whole (its head, its tail, or its middle somewhere), and
    looking for the pieces in the words of a length, joined in one string,
    is a few scans in C instead of an edit distance per word. The words
    kept keep their order, so rapidfuzz ranks its matches as before."""
    size = len(source)
    third = size // 3
    lengths = range(size - 1, size + 2)
    if third:
        head, middle, tail = source[:third], source[third:size - third], source[size - third:]
        commons = know.lexicon.holding(lengths, head, middle, tail)
    else:
        commons = [know.lexicon.of_length(length) for length in lengths]
    pool: list[str] = []
    for length, common in zip(lengths, commons, strict=True):
        pool += _pool(length, know)
        pool += common
    return pool


def _pool(length: int, know: Knowledge) -> list[str]:
    """The document's words of one length (seven letters or more), in the
    order the document has them, sorted by length once per run."""
    pools = know.pools
    if not pools:
        for word in know.doc_lower:
            if len(word) >= LONG_WORD - 2:
                pools.setdefault(len(word), []).append(word)
    return pools.get(length, [])


def split_candidates(core: str, know: Knowledge) -> dict[str, float]:
    """Two words run together (``whichwas``) or parted by junk (``by*the``)."""
    found: dict[str, float] = {}
    lower = core.lower()
    mixed = not core.isupper() and not core.islower()
    for i in range(1, len(lower)):
        if mixed and (_inner_capital(core[:i]) or _inner_capital(core[i:])):
            continue  # a capital inside a part: a word does not start there
        first, second = lower[:i], lower[i:]
        cost = SPLIT_COST
        if is_junk(second[0]) or second[0] in "'’":
            second, cost = second[1:], JUNK_SPLIT_COST
        plausible = know.lexicon.pair_count(first, second) or cost == JUNK_SPLIT_COST
        if plausible and _split_part_ok(first, know) and _split_part_ok(second, know):
            found[f"{first} {second}"] = cost
    return found


JUNK_SPLIT_COST = 3.0


def _inner_capital(part: str) -> bool:
    return any(map(str.isupper, part[1:]))


def _split_part_ok(part: str, know: Knowledge) -> bool:
    if len(part) == 1:
        return part in ("a", "i")
    return not any(is_junk(c) for c in part) and know.lexicon.count(part) >= MIN_JOIN_COUNT


def rank(core: str, left: str | None, right: str | None, name_like: bool,
         know: Knowledge) -> list[Ranked]:
    """Candidates and the keep option, cheapest first."""
    ranked = [Ranked(form, conf + LM_WEIGHT * language_cost(form, left, right, know),
                     f"OCR confusion cost {conf:.1f}")
              for form, conf in candidates(core, know).items()]
    keep = KEEP_COST - (NAME_KEEP_BONUS if name_like else 0.0)
    keep += noise_keep_cost(know.noise)
    if core[0].isupper():
        keep -= CAPITAL_KEEP_BONUS
    if any(is_junk(c) for c in core):
        keep += 2 * KEEP_COST
    elif capitals_with_a_small(core):
        keep += MIXED_CASE_KEEP_COST  # type of one case does not mix: a letter is misread
    keep += LM_WEIGHT * language_cost(core.lower(), left, right, know)
    ranked.append(Ranked(core, keep, "keep as printed"))
    return sorted(ranked, key=itemgetter(1))  # by cost


MIXED_CASE_KEEP_COST = 10.0
"""What keeping a word in capitals with one small letter inside costs on top
(``BkISBANE``, ``HAWKEkS``): the form cannot stand as printed, since type
of one case does not mix, but unlike a junk mark the small letter is a
letter, and the reading must still be a near one."""


def confidence(ranked: list[Ranked]) -> float:
    """The winner's share of the probability mass (softmax of -cost/T)."""
    best = ranked[0].cost
    mass = sum(math.exp(-(r.cost - best) / TEMPERATURE) for r in ranked)
    return 1.0 / mass
