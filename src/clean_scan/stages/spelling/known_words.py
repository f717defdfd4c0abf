"""Known words the OCR made of others: real-word confusions, rare words
near common ones, lone letters, capitals, marks read for letters, words
of a noisy text, and words parted into pieces."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from clean_scan.charmaps import SAME_SHAPE_CAPITALS
from clean_scan.document import Proposal
from clean_scan.lexicon import (
    auxiliaries,
    function_words,
    known_form,
)
from clean_scan.stages.spelling.candidates import candidates, confidence, language_cost, neighbour
from clean_scan.stages.spelling.channel import channel_offset, frequent_misreadings
from clean_scan.stages.spelling.known import (
    RARE_DIGITS,
    _very_common,
    case_like,
    common_neighbours,
    counted_common,
    is_known,
    proper_names,
)
from clean_scan.stages.spelling.model import (
    LM_WEIGHT,
    MAX_SUGGESTIONS,
    MIN_JOIN_COUNT,
    REAL_WORD_MARGIN,
    TEMPERATURE,
    Knowledge,
    LineTokens,
    Ranked,
    Token,
)
from clean_scan.stages.spelling.unknown import WEAK_CAPITAL_CONFIDENCE, strong_for_capitals


def real_word(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A known word of a real-word confusion set that context rejects."""
    token = tokens[index]
    members = know.confusion_sets.get(token.core)
    if not members:
        return None  # most words: no need to look at the neighbours
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or right is None:
        return None
    if not (known_form(left, know.lexicon) and known_form(right, know.lexicon)):
        return None
    costs = {m: language_cost(m, left, right, know) for m in (token.core, *members)}
    best = min(costs, key=costs.__getitem__)
    margin = costs[token.core] - costs[best]
    if best == token.core or margin < REAL_WORD_MARGIN:
        return None
    if seen_pairs(token.core, left, right, know) or not seen_pairs(best, left, right, know):
        return None  # only observed pairs count as evidence, not backed-off guesses
    conf = 1.0 - math.exp(-(margin - REAL_WORD_MARGIN / 2) / TEMPERATURE)
    return Proposal(token.start, token.end, best, "real-word-confusion", conf,
                    f"'{left} {token.core} {right}': context prefers '{best}' "
                    f"(a common OCR confusion), by {margin:.1f} nats")


def rare_word(tokens: list[Token], index: int, know: Knowledge,
              sentence_start: bool) -> Proposal | None:
    """A rare word one classic confusion from a very common one (``bo``,
    ``havo``, ``aro``), changed when the context attests the common word (or,
    in a very noisy text, neither word: :func:`attested_or_unread`) and the
    whole score prefers it."""
    token = tokens[index]
    core = token.core
    if core.lower() in know.extra or (core[0].isupper() and not sentence_start) or \
            (core.isupper() and len(core) > 1) or counted_common(core, know):
        return None
    near = common_neighbours(core, know)
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if not near or (left is None and right is None):
        return None
    best, conf = _near_common(token, left, right, near, know)
    if best is None or not attested_or_unread(best, core.lower(), left or "", right or "", know):
        return None
    replacement = case_like(best, core)
    return Proposal(token.start, token.end, replacement, "rare-word-near-common", conf,
                    f"'{core}' is a rare word one OCR confusion from the common "
                    f"'{replacement}', which the context prefers")


def attested_or_unread(common: str, rare: str, left: str, right: str, know: Knowledge) -> bool:
    """Whether the bigram list attests the common word beside a neighbour,
    or, in a text with a tenth of its words unknown or more, attests neither
    word there: its neighbours are then mostly garbled too, the list can say
    nothing, and the odds of a misreading, as high as the text's noise,
    decide (``ho`` between ``Committee`` and ``instructed`` is ``he``).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> attested_or_unread("he", "ho", "Committee", "instructed", know)
    False
    >>> from dataclasses import replace
    >>> know = replace(know, noise=0.2)
    >>> attested_or_unread("he", "ho", "Committee", "instructed", know)
    True
    """
    if seen_pairs(common, left, right, know):
        return True
    return know.very_noisy and not seen_pairs(rare, left, right, know)


def lone_letter(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A small letter standing alone between two words in a noisy text: no
    word but ``a`` is one letter, so it is a short common word misread
    (``m`` for ``in``, ``n`` for ``a``), read as the one a learned confusion
    reaches that the score (confusion, frequency, both neighbours) prefers.
    The bigram list seldom knows the neighbours of such a text, so their
    pairs are not required as they are for a rare word."""
    token = tokens[index]
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or right is None or token.core in know.extra:
        return None
    # the pronoun is printed as a capital: a small letter is never it
    near = {form: cost for form, cost in common_neighbours(token.core, know).items()
            if form != "i"}
    best, conf = _near_common(token, left, right, near, know) if near else (None, 0.0)
    if best is None:
        return None
    return Proposal(token.start, token.end, best, "lone-letter", conf,
                    f"'{left} {token.core} {right}': a lone letter in OCR this noisy is "
                    f"a misread word; '{best}' is one OCR confusion away")


def _near_common(token: Token, left: str | None, right: str | None, near: dict[str, float],
                 know: Knowledge) -> tuple[str | None, float]:
    """The best of ``near`` (common words and their confusion costs) against
    the word as printed, by the whole score, with the confidence; ``None``
    when keeping the word wins."""
    ranked = [Ranked(form, cost + LM_WEIGHT * language_cost(form, left, right, know),
                     f"OCR confusion cost {cost:.1f}") for form, cost in near.items()]
    ranked.append(Ranked(token.core, LM_WEIGHT * language_cost(token.core.lower(), left, right,
                                                               know), "keep as printed"))
    ranked.sort(key=lambda r: r.cost)
    best = ranked[0].form
    return (None if best == token.core else best), confidence(ranked)


def capital_i(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A capital ``I`` read for a lower-case ``i`` (the dot lost, the stem
    taken for the capital) inside a sentence: ``was Is not`` is ``was is
    not`` when the word is one of the commonest and both neighbours are
    lower-case words the bigram list attests around the lower-case form.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> capital_i(LineTokens("was held In the hall", 0), 2, know).replacement
    'in'
    >>> capital_i(LineTokens("Prince Albert In Council", 0), 2, know) is None
    True
    """
    token = tokens[index]
    core = token.core
    lower = core.lower()
    if len(core) < 2 or not core[1:].islower():
        return None
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or right is None or not (left.islower() and right.islower()):
        return None
    very_common = lower in _very_common()
    if very_common and seen_pairs(lower, left, right, know) == 2:
        why = "inside a sentence"
    elif know.noisy and not very_common and capital_i_in_noise(lower, know) and \
            not in_title(tokens, index):
        why = "inside a sentence of a noisy text, where it names nothing"
    else:
        return None
    return Proposal(token.start, token.end, lower, "capital-i-for-small-i", 0.9,
                    f"'{left} {core} {right}': a capital I misread for a small i {why}")


def in_title(tokens: list[Token], index: int) -> bool:
    """Whether the word stands among the capitalised words of a title
    (``for the Improvement of the Social Insurance System``): the nearest
    word on either side that is no short function word is capitalised.

    >>> in_title(LineTokens("Discipline, for the Improvement of the Social", 0), 3)
    True
    >>> in_title(LineTokens("the fees were Included in the bill", 0), 3)
    False
    """
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(tokens) and abs(j - index) <= TITLE_REACH:
            core = tokens[j].core
            if not (core.islower() and len(core) <= 3):
                if core[:1].isupper():
                    return True
                break
            j += step
    return False


TITLE_REACH = 3
"""How many tokens either side are looked at for a title's capitals."""


def capital_i_in_noise(lower: str, know: Knowledge) -> bool:
    """In a noisy text the neighbours of a word are too often garbled for the
    bigram list to attest them, and OCR this bad reads the small ``i`` of
    a word as a capital (``to Include the``). Between two lower-case words,
    the capitalised form is taken for the word it spells, not for a name,
    when the lexicon counts the word a million times or more and no list
    holds it as a name. The very commonest words (``It``, ``In``, ``If``)
    are left to the bigram test: there a capital is far more often a
    sentence start whose full stop the OCR lost."""
    return len(know.lexicon.words.get(lower, "")) >= RARE_DIGITS and \
        lower not in proper_names() and lower not in know.extra


CASE_SHAPES = SAME_SHAPE_CAPITALS | {"I"}
"""First letters whose capital may be a misread small letter: these and the
``I`` read for an ``i`` (:func:`capital_i`)."""


def same_shape_capital(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A small letter read as its capital of the same shape (``o``/``O``,
    ``v``/``V``, ``w``/``W``) inside a sentence: between a small-letter
    word and a small-letter word or a mark, outside a title, in a word no
    list holds as a name. The document decides, not the lexicon: it must
    print the word in small letters too, and nowhere else capitalised
    inside a sentence (``the State``, ``the Council`` are printed so again
    and again, and stay). Only on a clean page (under ``NOISY_TEXT``): OCR
    that misreads words also drops full stops, and there a capital after a
    small-letter word mostly opens a sentence (on the newspapers, 12 of 13
    such changes were wrong).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("the vast plain, of vast armaments", Context())
    >>> same_shape_capital(LineTokens("the building of Vast armaments", 0), 3, know).replacement
    'vast'
    >>> know = knowledge("the State and the state of the State", Context())
    >>> same_shape_capital(LineTokens("power of the State is", 0), 3, know) is None
    True

    After a word a verb or an adjective follows (``was``, ``to``, ``so``:
    ``verb_leads``), a common word printed once needs no other print of it:

    >>> know = knowledge("half-time was Called without a goal", Context())
    >>> same_shape_capital(LineTokens("half-time was Called without", 0), 2, know).replacement
    'called'
    """
    token = tokens[index]
    core = token.core
    lower = core.lower()
    if know.noisy or len(core) < 2 or not core[1:].islower():
        return None
    left = neighbour(tokens, index, -1)
    if left is None or not left.islower():
        return None
    if know.doc_lower[lower] <= know.doc[core] and not (
            know.doc[core] == 1 and left in verb_leads() and know.lexicon.common(lower)):
        return None
    right = neighbour(tokens, index, 1)
    if (right is None and index + 1 < len(tokens) and not token.trail) or \
            (right is not None and not right.islower()):
        return None  # a capitalised word follows: a name or a title
    if lower in proper_names() or core in know.extra or lower in know.extra or \
            in_title(tokens, index) or mid_sentence_uses(core, know) > 1:
        return None
    return Proposal(token.start, token.end, lower, "small-letter-read-as-capital", 0.9,
                    f"'{left} {core}': '{core[0]}' and '{lower[0]}' differ only in size, and "
                    f"the text prints '{lower}' in small letters and '{core}' nowhere else "
                    "inside a sentence")


@lru_cache(maxsize=1)
def verb_leads() -> frozenset[str]:
    """Words after which a verb or an adjective follows, never a name or a
    title (the auxiliaries, ``to``, ``be``, ``not``, ``so``): a word printed
    once, capitalised after one (``was Called``, ``to Say``, ``so
    Charged``), is the small letter read large even where the text prints
    it nowhere else."""
    return frozenset(auxiliaries()) | {"to", "be", "been", "being", "not", "so"}


def mid_sentence_uses(form: str, know: Knowledge) -> int:
    """How often the text prints ``form`` inside a sentence: after a word in
    small letters, and a comma or semicolon perhaps (the words opening with
    one of ``SAME_SHAPE_CAPITALS`` are counted in one pass, on first use in
    a run).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("the Soviet Union, the State and, Soviet Union", Context())
    >>> [mid_sentence_uses(form, know) for form in ("Soviet", "Union", "State")]
    [2, 0, 1]
    """
    counts = know.mid_capitals
    if not counts:
        text = know.text
        for match in SAME_SHAPE_WORD.finditer(text):
            start = match.start()
            after = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
            before = text[after:start].rstrip(",;")
            if before.isalpha() and before.islower():
                counts[match.group(1)] = counts.get(match.group(1), 0) + 1
        counts[""] = 0  # counted, even where none was found
    return counts.get(form, 0)


SAME_SHAPE_WORD = re.compile(rf" ([{''.join(sorted(SAME_SHAPE_CAPITALS))}][a-z]+)\b")
"""A word after a space opening with one of ``SAME_SHAPE_CAPITALS``."""


OPENING_GLUED = '"“«»'
CLOSING_GLUED = '"”«»*'
"""Marks that noisy OCR reads for a letter at a word's edge (``»hip`` for
``ship``, ``earning«`` for ``earnings``, ``Jame*`` for ``James``). English
print sets no guillemets, so glued to a word they are always such a
misreading; on the newspapers a double quote glued to a word is a letter
misread about fifteen times as often as it is anything else. The characters stage has
made most straight quotes typographic by then, so the curly ones count too."""
DOUBLE_QUOTES = '"“”'
MARK_DROP_COST = 2.7
"""What believing the glued mark a speck (the word as printed without it)
costs over reading it as a letter: on the newspapers a glued double quote
is a letter misread fifteen times for once it is a speck (ln 15 = 2.7)."""


class GluedMark(NamedTuple):
    """A word with a mark glued to one edge: the word and mark as one form
    (``»hip``), the span they take and the word without the mark."""

    form: str
    start: int
    end: int
    bare: str
    before: bool


def glued_mark(token: Token) -> GluedMark | None:
    """The token's word with a mark glued to it that may be a misread
    letter: an opening mark before a small letter, or a closing mark
    straight after a word; ``None`` for any other token (a word with marks
    on both sides is quoted).

    >>> from clean_scan.stages.spelling.model import split_text
    >>> [glued_mark(split_text(t, 0)).form for t in ('»hip,', 'kind*.', '“tho', 'earning«')]
    ['»hip', 'kind*', '“tho', 'earning«']
    >>> glued_mark(split_text('“The', 0)), glued_mark(split_text('“now”', 0))
    (None, None)
    """
    core, lead, trail = token.core, token.lead, token.trail
    if len(core) > 1 and core[0] in OPENING_GLUED and core[1:].isalpha():
        core, lead = core[1:], lead + core[0]
        start = token.start + 1
    elif len(core) > 1 and core[-1] in CLOSING_GLUED and core[:-1].isalpha():
        core, trail = core[:-1], core[-1] + trail
        start = token.start
    elif core.isalpha():
        start = token.start
    else:
        return None
    before = bool(lead) and lead[-1] in OPENING_GLUED and core[0].islower()
    after = bool(trail) and trail[0] in CLOSING_GLUED
    if before == after:
        return None
    if before:
        return GluedMark(lead[-1] + core, start - 1, start + len(core), core, True)
    return GluedMark(core + trail[0], start, start + len(core) + 1, core, False)


def mark_for_letter(tokens: LineTokens, index: int, glued: GluedMark,
                    know: Knowledge) -> Proposal | None:
    """In a noisy text, a mark glued to a word's edge read as the letter it
    hides, when the mark is no double quote or the line holds an odd
    number of them (so one stands unpaired), and the whole score
    (confusion, frequency, both neighbours) prefers a word that only the
    mark read as a letter explains; ``None`` leaves the token to the other
    rules, the mark kept as printed (``“ncgative`` is ``“negative``)."""
    mark = glued.form[0] if glued.before else glued.form[-1]
    if mark in DOUBLE_QUOTES and sum(map(tokens.line.count, DOUBLE_QUOTES)) % 2 == 0:
        return None  # the quotes pair up: this one may well be a quote
    left = neighbour(tokens, index, -1, mark if glued.before else "")
    right = neighbour(tokens, index, 1, "" if glued.before else mark)
    bare = glued.bare.lower()
    readings = candidates(glued.form, know)
    ranked = [Ranked(word, cost + LM_WEIGHT * language_cost(word, left, right, know)
                     + (MARK_DROP_COST if word == bare else 0.0), f"OCR confusion cost {cost:.1f}")
              for word, cost in readings.items()]
    if len(ranked) < 2:
        return None
    ranked.sort(key=itemgetter(1))
    best = ranked[0]
    if best.form == bare or \
            candidates(glued.bare, know).get(best.form, math.inf) <= readings[best.form]:
        return None  # the mark is a mark: the word reads as well without it
    replacement = case_like(best.form, glued.bare)
    conf = confidence(ranked)
    if glued.bare[0].isupper() and not strong_for_capitals(glued.form, best, know):
        conf = min(conf, WEAK_CAPITAL_CONFIDENCE)
    reason = (f"'{glued.form}': the mark stands unpaired at the word's edge, a misread "
              f"letter; '{replacement}' ({best.why}, second '{ranked[1].form}')")
    return Proposal(glued.start, glued.end, replacement, "mark-for-letter", conf, reason,
                    tuple(case_like(r.form, glued.bare) for r in ranked[:MAX_SUGGESTIONS]))


CONTEXT_MARGIN = 2.0
"""How many nats the misreading must beat the word as printed by."""




def context_word(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A known word the OCR made of a much more frequent one (``neal`` for
    ``near``, ``coiner`` for ``corner``, ``largo`` for ``large``), in a noisy
    text, changed where the word bigrams on both sides favour the frequent
    word more than the confusion costs, the more so the cleaner the text.

    The noisy channel: the printed form wins over the word as it stands when
    confusion cost + offset + language cost is lower than its own language
    cost by ``CONTEXT_MARGIN``; the offset (:func:`channel_offset`) makes a
    misreading as likely as the text's own noise says it is."""
    offset = channel_offset(know.noise)
    token = tokens[index]
    word = token.core
    if offset is None or not word.islower():
        return None
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None and right is None:
        return None
    own_pairs = seen_pairs(word, left or "", right or "", know)
    keep = LM_WEIGHT * language_cost(word, left, right, know)
    ranked = [Ranked(form, cost + offset + LM_WEIGHT * language_cost(form, left, right, know),
                     f"OCR confusion cost {cost:.1f}")
              for form, cost in frequent_misreadings(word, know)
              if seen_pairs(form, left or "", right or "", know) > own_pairs]
    if not ranked:
        return None
    best = min(ranked, key=itemgetter(1))
    margin = keep - best.cost
    if margin < CONTEXT_MARGIN:
        return None
    conf = 1.0 / (1.0 + math.exp(-margin))
    return Proposal(token.start, token.end, best.form, "real-word-in-noisy-text", conf,
                    f"'{left or ''} {word} {right or ''}': in a text this noisy the context "
                    f"makes '{best.form}' ({best.why}) likelier by {margin:.1f} nats")


def seen_pairs(word: str, left: str, right: str, know: Knowledge) -> int:
    """How many of ``left word`` and ``word right`` the bigram list attests
    (pairs the document itself repeats were tried too: on the newspapers they
    changed nothing, as its neighbours are as garbled as the word)."""
    lex = know.lexicon
    return bool(left and lex.pair_count(left, word)) + bool(right and lex.pair_count(word, right))


def join_pieces(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """Letters of one word spaced apart by the OCR: ``Hav ing`` → ``Having``.

    A function word as the first piece joins only into a common word (``in
    terfere``): before a misread word (``the ist`` for ``the
    1st``) it is that word, not the piece of a rare one (``theist``).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> join_pieces(LineTokens("it must in terfere", 0), 2, know).replacement
    'interfere'
    >>> join_pieces(LineTokens("on the ist of May", 0), 1, know) is None
    True
    """
    if index + 1 >= len(tokens):
        return None
    first, second = tokens[index], tokens[index + 1]
    if first.trail or second.lead or not (first.core.isalpha() and second.core.isalpha()):
        return None
    if second.core[0].isupper() and not second.core.isupper():
        return None
    first_known, second_known = is_known(first.core, know), is_known(second.core, know)
    if first_known and second_known:
        return None
    joined = first.core + second.core
    printed = know.doc_lower[joined.lower()]
    lexicon_word = known_form(joined, know.lexicon) or joined.lower() in know.extra
    if not (lexicon_word or (printed and not know.noisy)):
        return None  # in a noisy text, a form printed once elsewhere is as likely a misreading
    if first_known and first.core.lower() in function_words() and not (
            lexicon_word and know.lexicon.common(joined)):
        # ``of mowledge``: the document's ``ofmowledge`` is that pair, its space lost;
        # ``the ist`` (``the 1st``): a function word before a misread one, not ``theist``
        return None
    common = know.lexicon.count(joined) >= MIN_JOIN_COUNT or printed >= 1
    conf = 0.95 if common else 0.85
    return Proposal(first.start, second.end, joined, "join-spaced-word", conf,
                    f"'{first.core} {second.core}' is one word spaced apart: '{joined}'")


def join_three_pieces(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A word spaced apart into three pieces from token ``index`` on (the
    unknown token being read is one of them: ``demo cr atic`` →
    ``democratic``), joined when the whole is a common word of the lexicon
    or, on a clean page, one the document prints.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> join_three_pieces(LineTokens("the demo cr atic party", 0), 1, know).replacement
    'democratic'
    """
    if index < 0 or index + 2 >= len(tokens):
        return None
    first, middle, last = tokens[index], tokens[index + 1], tokens[index + 2]
    if first.trail or middle.lead or middle.trail or last.lead or \
            not all(t.core.isalpha() for t in (first, middle, last)):
        return None
    if middle.core[0].isupper() or last.core[0].isupper() or \
            max(len(t.core) for t in (first, middle, last)) > THREE_PIECE_LENGTH:
        return None
    joined = first.core + middle.core + last.core
    printed = know.doc_lower[joined.lower()]
    if not (know.lexicon.count(joined) >= MIN_JOIN_COUNT or (printed and not know.noisy)):
        return None
    return Proposal(first.start, last.end, joined, "join-spaced-word", 0.9,
                    f"'{first.core} {middle.core} {last.core}' is one word spaced apart: "
                    f"'{joined}'")


THREE_PIECE_LENGTH = 5
"""The longest piece of a word spaced apart into three: longer ones are words."""
