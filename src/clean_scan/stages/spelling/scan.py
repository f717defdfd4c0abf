"""Reading a text's tokens: what kind each is, and the decision for each
(known, unknown, a rule's known word), line by line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from clean_scan.charmaps import DIGIT_FOR_LETTER, NUMBER_LABELS, SAME_SHAPE_CAPITALS
from clean_scan.confusion import (
    load_confusions,
)
from clean_scan.document import Flag, Proposal
from clean_scan.lexicon import (
    load_lexicon,
    name_titles,
)
from clean_scan.stage import Context
from clean_scan.stages.spelling.capital_l import L_CAPITALS, capital_for_small_l, may_be_small_l
from clean_scan.stages.spelling.channel import frequent_misreadings, unknown_share
from clean_scan.stages.spelling.known import (
    RARE_DIGITS,
    common_neighbours,
    counted_common,
    is_known,
    looks_like_word,
    proper_names,
)
from clean_scan.stages.spelling.known_words import (
    CASE_SHAPES,
    capital_i,
    context_word,
    glued_mark,
    join_pieces,
    join_three_pieces,
    lone_letter,
    mark_for_letter,
    mid_sentence_uses,
    rare_word,
    real_word,
    same_shape_capital,
)
from clean_scan.stages.spelling.model import (
    ROMAN,
    TOKEN_TEXTS,
    TRAILING,
    Knowledge,
    LineTokens,
    Token,
    edges,
    ends_sentence,
    split_text,
)
from clean_scan.stages.spelling.taught import (
    TAUGHT_COST,
    capital_habits,
    taught_model,
    taught_pairs,
)
from clean_scan.stages.spelling.unknown import correct_word
from clean_scan.vocabulary import document_words, lower_counts


def token_kind(text: str, know: Knowledge) -> tuple[bool, bool]:
    """Whether a token needs a look at its context, and whether a sentence
    ends with it. Most need no look: a common word with no real-word
    confusion (whatever punctuation is around it), no word to correct at
    all (a number, an abbreviation, a word at a ``¬``), or a known word
    that no context-dependent check (real-word confusion, capital I, rare
    word near a common one) can apply to. Both answers depend on the text
    alone, so a run works them out once per distinct token.

    >>> know = knowledge("", Context())
    >>> [token_kind(text, know) for text in ("which", "which.", "whicli")]
    [(False, False), (False, True), (True, False)]
    >>> token_kind("1942,", know), token_kind("tire.", know)
    ((False, False), (True, True))
    """
    if text.isalpha():
        if counted_common(text, know) and \
                text not in know.confusion_sets and not may_be_small_letter(text, know):
            return False, False  # the commonest case, first
        lead, core, trail = "", text, ""
    else:
        lead, core, trail = edges(text)
    small = may_be_small_letter(core, know)
    common = core.isalpha() and counted_common(core, know) \
        and core not in know.confusion_sets and not small
    look = not (common or not word_like(core) or "¬" in trail)
    if look and is_known(core, know) and not know.confusion_sets.get(core) and \
            not small and not may_be_rare_misreading(core, know):
        look = False  # _decide would find nothing to do, whatever the context
    return look, ends_sentence(core + trail) or not core


def word_like(core: str) -> bool:
    """Whether a core is a word some decision may read: letters (perhaps
    with junk inside), or a compound of such parts; not a number, an
    abbreviation or a reference (:func:`looks_like_word`)."""
    return looks_like_word(core) or compound_parts(core) is not None


def may_be_lone_letter(token: Token, know: Knowledge) -> bool:
    """Whether :func:`lone_letter` may read the token: in a noisy text, a
    small letter standing bare, other than ``a``."""
    core = token.core
    return know.noisy and not token.lead and not token.trail and core.islower() and core != "a"


def may_be_small_letter(core: str, know: Knowledge) -> bool:
    """Whether ``core`` opens with a capital that may be a misread small
    letter: an ``I`` (:func:`capital_i`), or, on a clean page, a capital of
    the same shape as its small letter in a word the text also prints in
    small letters and capitalised inside a sentence just once, or a common
    word printed once, where :func:`same_shape_capital` may find it."""
    first = core[:1]
    if first == "I" or may_be_small_l(core, know):
        return True
    return first in SAME_SHAPE_CAPITALS and not know.noisy and (
        know.doc_lower[core.lower()] > know.doc[core] and mid_sentence_uses(core, know) == 1
        or know.doc[core] == 1 and know.lexicon.common(core))  # after a verb's lead


def may_be_rare_misreading(core: str, know: Knowledge) -> bool:
    """Whether :func:`rare_word` may look at ``core`` in some context: the
    tests it makes before it looks at the neighbours, save the one that
    depends on where the sentence starts."""
    lower = core.lower()
    return not (lower in know.extra or (core.isupper() and len(core) > 1)
                or counted_common(core, know)
                or not common_neighbours(core, know))


@lru_cache(maxsize=1)
def _plain_common() -> frozenset[str]:
    """The tokens :func:`token_kind` answers first, ``(False, False)``: the
    lower-case lexicon words of seven digits or more, save the real-word
    confusions and the names (the lexicon file is sorted by count, so they
    come first)."""
    sets, names = _static_lists()[1], proper_names()
    found = []
    for word, count in load_lexicon().words.items():
        if len(count) < RARE_DIGITS:
            break
        if word.isalpha() and word == word.lower() and word not in sets and word not in names:
            found.append(word)
    return frozenset(found)


def classify(distinct: Iterable[str], know: Knowledge) -> None:
    """:func:`token_kind` of every distinct token of the text, at once: the
    common lower-case words (most of a book's distinct tokens) are found by
    one set intersection, in C, and only the rest are asked one by one."""
    looks, ends = know.plain, know.ends
    common = _plain_common().intersection(distinct)
    looks.update(dict.fromkeys(common, False))
    ends.update(dict.fromkeys(common, False))
    plain, sets = _plain_common(), know.confusion_sets
    for text in distinct:
        if text not in looks:
            looks[text], ends[text] = quick_kind(text, plain, sets) or token_kind(text, know)
            if ends[text] and before_a_name(text):
                ends[text] = False


def before_a_name(text: str) -> bool:
    """Whether a token closed by a stop is an abbreviation that stands
    before a name: a title or rank (``Mr.``, ``Pte.``), a given name as
    clerks shortened it (``Thos.``: :func:`clean_scan.lexicon.name_titles`)
    or an initial (``W.``). Its stop closes the abbreviation, so the word
    after it is no sentence's first, and a name there no list knows is
    read as a name (``Thos. Theo Butler`` keeps its ``Theo``).

    >>> [before_a_name(t) for t in ("Thos.", "Pte.", "W.", "I.", "war.", "thos.")]
    [True, True, True, False, False, False]
    """
    core = text[:-1] if text.endswith(".") else ""
    if not core[:1].isupper():
        return False
    if len(core) == 1:
        return core != "I"
    return core.isalpha() and core.lower() in name_titles()


STOPS = frozenset(".!?:")


def quick_kind(text: str, plain: frozenset[str],
               sets: dict[str, tuple[str, ...]]) -> tuple[bool, bool] | None:
    """:func:`token_kind`'s answer for a common word capitalised or with
    one mark after it (``The``, ``war,``, ``Russia.``): a third of a book's
    distinct tokens, answered without splitting off the edges (``None``
    for any other token). ``plain``: :func:`_plain_common`.

    >>> know = knowledge("", Context())
    >>> [quick_kind(t, _plain_common(), know.confusion_sets) for t in ("Peace.", "war)", "In")]
    [(False, True), (False, False), None]

    A capital whose small letter may have been misread for it (``In``,
    ``War``: :func:`capital_i`, :func:`same_shape_capital`) is left to
    :func:`token_kind`.
    """
    core, last = text, ""
    if text[-1] in TRAILING:
        core, last = text[:-1], text[-1]
    if core.isalpha() and core.lower() in plain and core not in sets and \
            core[0] not in CASE_SHAPES:
        return False, last in STOPS
    return None


def scan_line(line: str, offset: int, know: Knowledge,
              texts: list[str] | None = None,
              classified: bool = False) -> tuple[list[Proposal], list[Flag]]:
    """Decide every word of one line (one paragraph in the final layout);
    ``texts``: its tokens, if found already (``classified``: and put
    through :func:`classify`). Only the tokens that need a look are
    visited (``list.index`` finds the next); whether a sentence starts at
    one depends on the token before it alone. A proposal below the
    threshold is returned with the rest, but the scan goes on as if it were
    not made (the pipeline flags it)."""
    tokens = LineTokens(line, offset, texts)
    texts = tokens.texts
    looks, ends = know.plain, know.ends
    if not classified:
        classify(set(texts), know)
    look = list(map(looks.__getitem__, texts))
    proposals: list[Proposal] = []
    unsure: list[Proposal] = []  # below the threshold: the pipeline flags them
    flags: list[Flag] = []
    taken = -1  # index of the last token an accepted proposal covers
    i = -1
    while True:
        try:
            i = look.index(True, i + 1)
        except ValueError:
            return proposals + unsure, flags
        if i <= taken:
            continue  # replaced already, with the word before it
        sentence_start = i == 0 or ends[texts[i - 1]]
        outcome = _decide(tokens, i, know, sentence_start, free_left=i - 1 - taken)
        if isinstance(outcome, Proposal) and not know.confident(outcome.confidence):
            if not unsure or unsure[-1][:2] != outcome[:2]:  # a join is found from each piece
                unsure.append(outcome)
        elif isinstance(outcome, Proposal):
            token = tokens[i]
            if outcome.start < token.start and proposals and proposals[-1].end > outcome.start:
                proposals.pop()
            proposals.append(outcome)
            taken = i + 1 if outcome.end > token.end else i
        elif isinstance(outcome, Flag):
            flags.append(outcome)


def _decide(tokens: list[Token], i: int, know: Knowledge, sentence_start: bool,
            free_left: int) -> Proposal | Flag | None:
    """What becomes of token ``i``; ``free_left``: how many tokens before it
    no accepted proposal covers (a join may take them in). Every condition
    is here: :func:`token_kind` and :func:`look_for_noisy_text_words` only
    pass over the tokens this would leave as they are, sooner (a test
    checks that they never pass over one it changes or flags)."""
    token = tokens[i]
    core = token.core
    glued = glued_mark(token) if know.noisy else None
    if glued is None and not (len(core) == 1 or word_like(core)) or "¬" in token.trail:
        return None  # a number, an abbreviation, a word broken at a line end
    if i > 0 and garbled_number_after_label(tokens[i - 1], token):
        return Flag(token.start, token.end, token.core, "number-after-label", 0.0,
                    f"'{tokens[i - 1].core} {token.core}': after '{tokens[i - 1].core}' a number "
                    "stands, which the OCR read as letters; not read as a word",
                    ("".join(DIGIT_FOR_LETTER[c] for c in token.core),))
    if glued is not None:
        found = mark_for_letter(tokens, i, glued, know)
        if found is not None:
            return found
    if len(core) == 1:
        return lone_letter(tokens, i, know) if may_be_lone_letter(token, know) else None
    if not sentence_start and core[0] in L_CAPITALS:
        found = capital_for_small_l(tokens, i, know)
        if found:
            return found
    if is_known(token.core, know):
        if not sentence_start and token.core[0] in CASE_SHAPES:
            found = capital_i(tokens, i, know) if token.core[0] == "I" else \
                same_shape_capital(tokens, i, know)
            if found:
                return found
        return real_word(tokens, i, know) or rare_word(tokens, i, know, sentence_start) or \
            context_word(tokens, i, know)
    parts = compound_parts(token.core)
    if parts is not None:
        return correct_parts(tokens, i, parts, know, sentence_start)
    joined = (join_pieces(tokens, i - 1, know) if free_left >= 1 else None) or \
        join_pieces(tokens, i, know) or \
        (join_three_pieces(tokens, i - 1, know) if free_left >= 1 else None) or \
        (join_three_pieces(tokens, i - 2, know) if free_left >= 2 else None)
    return joined or correct_word(tokens, i, know, sentence_start)




def garbled_number_after_label(before: Token, token: Token) -> bool:
    """A token of digit-shaped letters (``lo``, ``l2`` read as letters)
    after a word that a number follows: the number misread, no word, so
    the spelling stage must not make one of it (``Chapter lo`` is not
    ``Chapter to``). A roman numeral (``Chapter IV``) is a number as printed.

    >>> t = LineTokens("in Chapter lo. and Part IV and No. Il", 0)
    >>> [garbled_number_after_label(t[k - 1], t[k]) for k in (2, 5, 8)]
    [True, False, True]
    """
    core = token.core
    return before.core.lower() in NUMBER_LABELS and 0 < len(core) <= 4 and \
        all(c in DIGIT_FOR_LETTER for c in core) and ROMAN.match(core) is None


POSSESSIVES = ("'s", "’s")
MIN_PART_LENGTH = 4
"""The shortest part of a compound that is read for a misreading: shorter
parts are as often the pieces of a word broken at a stray hyphen
(``sugge-ting``, ``Ij-mel``) as words of a compound."""


def compound_parts(core: str) -> list[tuple[int, str]] | None:
    """The words of a hyphenated compound or a possessive, each with its
    offset in ``core``, or ``None`` for any other core. The OCR misreads
    letters inside a compound as anywhere else (``Bathurst-streot``,
    ``boardlng-houso``, ``Queon's``), but the whole is seldom a lexicon
    word, so its parts are read one by one.

    >>> compound_parts("Bathurst-streot"), compound_parts("Queon's")
    ([(0, 'Bathurst'), (9, 'streot')], [(0, 'Queon')])
    >>> compound_parts("whicli"), compound_parts("-tho"), compound_parts("3-maiitcd")
    (None, None, None)
    """
    stem = core[:-2] if core.endswith(POSSESSIVES) else core
    if stem == core and "-" not in core:
        return None
    parts, offset = [], 0
    for part in stem.split("-"):
        if not part.isalpha() or len(part) == 1:
            return None  # a number, a mark or a lone letter: a broken word, not a compound
        parts.append((offset, part))
        offset += len(part) + 1
    return parts


def correct_parts(tokens: list[Token], index: int, parts: list[tuple[int, str]],
                  know: Knowledge, sentence_start: bool) -> Proposal | Flag | None:
    """:func:`correct_word` for each unknown part (``parts``:
    :func:`compound_parts`) of a compound or a possessive, read between the
    parts beside it (the first and last between the compound's own
    neighbours); the parts changed make one change, the least sure part its
    confidence. A compound with no change gives its first flag or doubt, if
    any."""
    token = tokens[index]
    possessive = token.core.endswith(POSSESSIVES)
    inner = [Token(token.start + offset, part,
                   token.lead if k == 0 else "",
                   (token.core[-2:] if possessive else "") + token.trail
                   if k == len(parts) - 1 else "")
             for k, (offset, part) in enumerate(parts)]
    before = [tokens[index - 1]] if index > 0 else []
    after = [tokens[index + 1]] if index + 1 < len(tokens) else []
    seen = [*before, *inner, *after]
    changed: list[Proposal] = []
    doubts: list[Proposal | Flag] = []  # flags, and proposals below the threshold
    for k, part in enumerate(inner):
        if len(part.core) < MIN_PART_LENGTH or is_known(part.core, know):
            continue
        outcome = correct_word(seen, len(before) + k, know, sentence_start and k == 0)
        if isinstance(outcome, Flag) or (outcome is not None
                                         and not know.confident(outcome.confidence)):
            doubts.append(outcome)
        elif outcome is not None and " " not in outcome.replacement:
            changed.append(outcome)
    if not changed:
        return doubts[0] if doubts else None
    start, end = changed[0].start, changed[-1].end
    printed = token.core[start - token.start:end - token.start]
    text = printed
    for prop in reversed(changed):
        text = text[:prop.start - start] + prop.replacement + text[prop.end - start:]
    reasons = "; ".join(prop.reason for prop in changed)
    conf = min(prop.confidence for prop in changed)
    reading = {prop.start: prop.replacement for prop in changed}
    if not all(is_known(reading.get(part.start, part.core), know) for part in inner):
        # a part stays unknown: the whole is no surer a compound for the change
        return Flag(start, end, printed, changed[0].rule, round(conf, 3),
                    f"not changed (a part of '{token.core}' stays unknown): {reasons}", (text,))
    return Proposal(start, end, text, changed[0].rule, conf,
                    f"in the compound '{token.core}': {reasons}")


@lru_cache(maxsize=1)
def _static_lists() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    data = resources.files("clean_scan").joinpath("data")
    anachronisms = frozenset(
        w.strip().lower() for w in data.joinpath("anachronisms.txt").read_text("utf-8").split())
    sets: dict[str, tuple[str, ...]] = {}
    for line in data.joinpath("real-word-confusions.txt").read_text("utf-8").splitlines():
        printed, *misreadings = line.split()
        for word in misreadings:
            sets[word] = (*sets.get(word, ()), printed)
            if word.islower() and printed.islower():
                sets[word.capitalize()] = tuple(w.capitalize() for w in sets[word])
    return anachronisms, sets


def user_words(words: frozenset[str]) -> frozenset[str]:
    """The user's words as given and in lower case (candidates are compared
    in lower case).

    >>> sorted(user_words(frozenset({"Kharkoff"})))
    ['Kharkoff', 'kharkoff']
    """
    return frozenset(words) | frozenset(w.lower() for w in words)


def knowledge(text: str, context: Context, tokens: Iterable[str] | None = None,
              noise: float | None = None,
              taught: tuple[tuple[str, str], ...] | None = None,
              habits: dict[str, str] | None = None) -> Knowledge:
    """What the stage knows for this text: the lexicon, the confusion model
    and the votes of the document itself, to which a batch run with
    ``--learn-collection`` adds the words recurring across the collection.
    ``tokens``: the text's tokens, if split already (counted faster);
    ``noise``: how noisy the OCR is, if known already (else measured here,
    :func:`unknown_share`); ``taught``: the letter rewrites the document
    teaches (:mod:`.taught`), if learned already (else learned here, from
    the words it prints in small letters: a name teaches no habit), and
    ``habits``, the capitals its engine reads as small letters
    (:func:`.taught.capital_habits`), likewise: a second reading of the
    corrected text has lost the words that showed them."""
    doc = document_words(text, context, tokens)
    lexicon, extra = load_lexicon(), user_words(context.extra_words)
    doc_lower = lower_counts(doc)
    if noise is None:
        noise = unknown_share(doc_lower, lexicon, extra)
    small = Counter({word: n for word, n in doc.items() if word.islower()})
    collection = context.shared.get("collection_words")
    if collection:
        doc = doc + collection
        doc_lower = lower_counts(doc)
    anachronisms, sets = _static_lists()
    base = load_confusions()
    if habits is None:
        habits = capital_habits(small, lexicon)
    if taught is None:
        taught = taught_pairs(small, lexicon, base)
        taught += tuple(sorted((letter, capital.lower()) for letter, capital in habits.items()
                               if base.piece_cost(letter, capital.lower()) > TAUGHT_COST))
    return Knowledge(lexicon, taught_model(base, taught), doc, doc_lower, extra, anachronisms,
                     sets, context.min_confidence, noise=noise, text=text,
                     small_noise=unknown_share(small, lexicon, extra), taught=taught,
                     capital_habits=habits)


def look_for_noisy_text_words(distinct: Counter[str], know: Knowledge) -> None:
    """In a noisy text, mark for a look the known words :func:`context_word`
    may change, the lone small letters :func:`lone_letter` reads and the
    words with a glued mark :func:`mark_for_letter` reads (in a clean one
    none of them runs)."""
    if not know.noisy:
        return
    looks = know.plain
    for text in distinct:
        if not looks[text]:
            core = edges(text)[1]
            if len(core) == 1:
                looks[text] = may_be_lone_letter(split_text(text, 0), know)
            elif (core.isalpha() and core.islower() and frequent_misreadings(core, know)) or \
                    glued_mark(split_text(text, 0)) is not None:
                looks[text] = True


def lines_to_scan(tokens: list[list[str]], know: Knowledge) -> list[int]:
    """The lines holding a token that needs a look (a few in ten): the
    others would give nothing, and a set test in C passes each over
    without the line's tokens being visited in Python."""
    looked = frozenset(text for text, look in know.plain.items() if look)
    return [k for k, skip in enumerate(map(looked.isdisjoint, tokens)) if not skip]


SPLIT_ONLY = "\x1c\x1d\x1e\x1f"
"""The characters ``str.split`` parts words at and ``TOKEN_TEXTS`` does not
(besides the dashes, which ``split_lines`` turns into spaces); looked for
one by one with ``in`` (a scan in C forty times as fast as a regex class)."""


def split_lines(text: str) -> tuple[list[str], list[list[str]]]:
    """The text's lines, and each line's tokens (``TOKEN_TEXTS.findall``).
    With the dashes made spaces (one character for one: the offsets stay),
    ``str.split`` parts a line at exactly the same characters, three times
    as fast, unless the text holds one of ``SPLIT_ONLY`` (a test checks
    that the two agree on every character). The lines are given with the
    dashes made spaces: only their lengths and tokens are used."""
    if any(char in text for char in SPLIT_ONLY):
        lines = text.split("\n")
        return lines, [TOKEN_TEXTS.findall(line) for line in lines]
    lines = text.replace("—", " ").replace("–", " ").split("\n")
    return lines, [line.split() for line in lines]
