"""An unknown word: corrected to its best candidate when sure enough,
flagged when not; words no English spells."""

from __future__ import annotations

from itertools import islice

from clean_scan.confusion import (
    is_junk,
)
from clean_scan.document import Flag, Proposal
from clean_scan.lexicon import OPENING_PAIR_COUNT, function_words, name_titles
from clean_scan.stages.spelling.candidates import (
    WIDE_APPLY_LENGTH,
    WIDE_CONFIDENCE,
    candidates,
    confidence,
    neighbour,
    rank,
)
from clean_scan.stages.spelling.known import (
    capital_restored,
    capitals_with_a_small,
    case_like,
    proper_names,
    unspellable,
)
from clean_scan.stages.spelling.model import (
    MAX_SUGGESTIONS,
    NOISY_TEXT,
    Knowledge,
    Ranked,
    Token,
)


def correct_word(tokens: list[Token], index: int, know: Knowledge,
                 sentence_start: bool) -> Proposal | Flag | None:
    """Propose a correction for an unknown word, or flag it."""
    token = tokens[index]
    core = token.core
    name_like = core[0].isupper() and not sentence_start and not core.isupper() and \
        not unspellable(core) and not capitals_with_a_small(core)
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    ranked = rank(core, left, right, name_like and not printed_name_near(core, know), know)
    if len(ranked) == 1:
        if any(is_junk(c) for c in core):
            return Flag(token.start, token.end, core, "unreadable-word", 0.0,
                        "not a word, and no reading comes near it")
        return None
    conf = confidence(ranked)
    best = ranked[0]
    if core[0].isupper() and not strong_for_capitals(core, best, know) and \
            not (sentence_start and common_pair(best.form, know)):
        conf = min(conf, WEAK_CAPITAL_CONFIDENCE)
    if name_like:
        conf = conf ** 2  # names: a stricter threshold
    if core[0].isupper() and not core.isupper() and after_a_title(tokens, index) and \
            not _vouched_name(best.form, core, know):
        conf = min(conf, NAME_AFTER_TITLE_CONFIDENCE)  # ``Mr. Laing``: its stop opens nothing
    if name_like and know.small_noise < NOISY_TEXT and among_names(tokens, index):
        conf = min(conf, NAME_AFTER_TITLE_CONFIDENCE)  # ``Frederick Auld Tidswell``
    if len(core) < WIDE_APPLY_LENGTH and best.form in know.wide.get(core.lower(), ()):
        conf = min(conf, WIDE_CONFIDENCE)
    suggestions = tuple(islice((case_like(r.form, core) for r in ranked if r.form != core),
                               MAX_SUGGESTIONS))  # only these are shown
    if best.form == core:
        if any(is_junk(c) for c in core):
            return Flag(token.start, token.end, core, "unreadable-word", round(1 - conf, 3),
                        "not a word; no reading is clearly best", suggestions[:MAX_SUGGESTIONS])
        vouched = next((r.form for r in islice(ranked, 1, None)
                        if r.form in know.extra or know.doc_lower.get(r.form, 0) >= 3), None)
        if vouched is not None:
            return Flag(token.start, token.end, core, "near-known-word", round(1 - conf, 3),
                        f"'{core}' is unknown, close to '{case_like(vouched, core)}', which "
                        "the word list or the document uses", suggestions[:MAX_SUGGESTIONS])
        return None
    replacement = capital_restored(case_like(best.form, core), core, sentence_start,
                                   know)
    reason = f"'{core}' is not in the lexicon; '{replacement}' ({best.why}"
    reason += f", second '{ranked[1].form}')" if len(ranked) > 1 else ")"
    rule = "split-run-together" if " " in best.form else "ocr-misreading"
    return Proposal(token.start, token.end, replacement, rule, conf, reason,
                    suggestions[:MAX_SUGGESTIONS])


def printed_name_near(core: str, know: Knowledge) -> bool:
    """Whether the document prints, capitalised, a word one classic
    confusion from ``core`` (``Boisheviks`` where it prints ``Bolsheviks``)
    and the lexicon knows: an unknown capitalised word is kept as a name
    the lexicon lacks, but this name is the document's own, misread. (The
    lexicon must know it too: the document's other spelling may be the
    misreading, ``Balgownio`` beside ``Balgownie``.)

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("the Bolsheviks held, and Marshall came", Context())
    >>> printed_name_near("Boisheviks", know), printed_name_near("Marshail", know)
    (True, True)

    Left alone: a name the document prints nowhere near, or only in small
    letters, or only by a costly reading.

    >>> know = knowledge("the bolsheviks held at Balgownio", Context())
    >>> [printed_name_near(w, know) for w in ("Boisheviks", "Gawler", "Balgownie")]
    [False, False, False]
    """
    return any(cost <= CAPITAL_MAX_CONFUSION and know.doc.get(form.capitalize(), 0) >= 1
               and form in know.lexicon
               for form, cost in candidates(core, know).items() if " " not in form)


NAME_AFTER_TITLE_CONFIDENCE = 0.5
"""A capitalised word after a title or an initial is a name: read as a
common word it is flagged, never changed (``Mr. Laing`` is no ``Laying``)."""


def after_a_title(tokens: list[Token], index: int) -> bool:
    """Whether token ``index`` follows a title (``Mr.``, ``Alderman``:
    :func:`clean_scan.lexicon.name_titles`) or an initial (``W.``), as a
    person's name does.

    >>> from clean_scan.stages.spelling.model import LineTokens
    >>> tokens = LineTokens("the Mayor (Alderman W. Noller) and Mr. Laing came", 0)
    >>> [tokens[k].core for k in range(len(tokens)) if after_a_title(tokens, k)]
    ['W', 'Noller', 'Laing']
    """
    if index == 0:
        return False
    before = tokens[index - 1]
    word = before.core
    if before.trail not in ("", ".") or tokens[index].lead:
        return False  # ``Sir,—The``: a letter's salutation, then its text
    if word.lower() in name_titles():
        return True
    return len(word) == 1 and word.isupper() and before.trail == "."


def among_names(tokens: list[Token], index: int) -> bool:
    """Whether token ``index`` stands between two capitalised words, as a
    word of a name in a list of names does (``Pte. Frederick Auld
    Tidswell``, ``Thos. Theo Butler``). In a clean scan (its small-letter
    words seldom misread: ``NOISY_TEXT``) a word there no lexicon knows is
    a name, which only damage to its letters shows misread (a junk mark, a
    letter run no word has: ``name_like`` leaves those out); a common word
    one confusion from it, or the document's own, is no evidence. (In a
    noisy one the neighbours are as garbled, and the rule would cost the
    newspapers' corrections.)

    >>> from clean_scan.stages.spelling.model import LineTokens
    >>> tokens = LineTokens("Lieut. Frederick Auld Tidswell, and the Auld man", 0)
    >>> [tokens[k].core for k in range(len(tokens)) if among_names(tokens, k)]
    ['Frederick', 'Auld']

    A capitalised function word is no name's (``By Aiderman THURLOW``).

    >>> among_names(LineTokens("By Aiderman THURLOW", 0), 1)
    False
    """
    if index == 0 or index + 1 >= len(tokens):
        return False
    closed = function_words()
    return all(word[:1].isupper() and word.lower() not in closed
               for word in (tokens[index - 1].core, tokens[index + 1].core))


def _vouched_name(form: str, core: str, know: Knowledge) -> bool:
    """Whether a reading of a name may stand for it: the name with a junk
    mark taken off (``Hocking«``), a name of the lists' or one the document
    prints capitalised twice or more, or a title (``Mr. Justico Gwynne``).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> [_vouched_name(f, c, know) for f, c in (("Hocking", "Hocking«"), ("Justice", "Justico"),
    ...                                         ("Laying", "Laing"))]
    [True, True, False]
    """
    lower = form.lower()
    return lower == "".join(c for c in core if c.isalpha()).lower() or lower in proper_names() or \
        lower in name_titles() or know.doc.get(form.capitalize(), 0) >= 2


WEAK_CAPITAL_CONFIDENCE = 0.5
CAPITAL_MAX_CONFUSION = 5.0
"""A capitalised word is changed only for one of the classic confusions (this
cheap or cheaper), a repaired junk character, or a form the document uses."""


def common_pair(form: str, know: Knowledge) -> bool:
    """Whether ``form`` is two words print sets together ``OPENING_PAIR_COUNT``
    times: a capitalised unknown word opening a sentence that parts into
    them lost a space, and is no name.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> common_pair("it has", know), common_pair("in man", know), common_pair("itinerary", know)
    (True, False, False)
    """
    words = form.split(" ")
    return len(words) == 2 and know.lexicon.pair_count(*words) >= OPENING_PAIR_COUNT


def strong_for_capitals(core: str, best: Ranked, know: Knowledge) -> bool:
    """Evidence strong enough to change a capitalised word (often a name).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("France and France.", Context())
    >>> strong_for_capitals("Frauce", Ranked("france", 12.0, ""), know)
    True
    >>> strong_for_capitals("Gillett", Ranked("gillette", 12.0, ""), know)
    False
    >>> strong_for_capitals("Leura", Ranked("laura", 9.0, ""), know)
    False
    """
    if best.form == core:
        return True
    if know.doc_lower[best.form] >= 1 or any(is_junk(c) for c in core):
        return True
    if unspellable(core) and not unspellable(best.form):
        return True  # an unspellable form read as a spellable word
    if capitals_with_a_small(core):
        return True  # the small letter is the misreading
    if best.form in proper_names():
        return False  # one name misread as another needs the document's word
    return know.model.aligned_cost(core.lower(), best.form) <= CAPITAL_MAX_CONFUSION
