"""What counts as known: a word of the lexicon, of the document (by its
recurrence), of its capitals and neighbours; the candidate words."""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import chain

from clean_scan import lexicon_tables as tables
from clean_scan.confusion import (
    ConfusionModel,
    differing_runs,
    is_junk,
)
from clean_scan.known_edges import KnownEdges, Window
from clean_scan.lexicon import (
    MIN_CANDIDATE_DIGITS,
    Lexicon,
    known_form,
    load_lexicon,
    proper_names,
)
from clean_scan.stages.spelling.doc_neighbours import document_neighbours, outnumbered
from clean_scan.stages.spelling.model import (
    HARMONIC_MAX_CONFUSION,
    NOISY_TEXT,
    ROMAN,
    Knowledge,
)
from clean_scan.stages.spelling.taught import taught_neighbour


def looks_like_word(core: str) -> bool:
    """Cores the stage may correct: letters, perhaps with junk inside; not
    numbers, abbreviations, URLs, references or short capitals.

    >>> [looks_like_word(w) for w in ("whicli", "ap&rt", "1942", "U.S.S.R", "TUC", "a")]
    [True, True, False, False, False, False]
    >>> looks_like_word("post-mortem"), looks_like_word("th£")
    (False, True)
    """
    if len(core) < 2 or not core[0].isalpha() or core[-1].isdigit():
        return False
    if any(map(str.isdigit, core)) or not NOT_IN_WORDS.isdisjoint(core):
        return False
    if core.isupper() and len(core) <= 4:
        return False
    if "-" in core:
        return False  # compounds are read part by part: compound_parts
    return sum(map(str.isalpha, core)) >= len(core) - 2


NOT_IN_WORDS = frozenset("./@:¬[]")
"""Marks of abbreviations, URLs and references: a core holding one is not
a word to correct."""


def case_like(form: str, model: str) -> str:
    """``form`` in the letter case of ``model`` (capitalised after a speck
    it drops: ``iThe`` → ``The``, but ``iBsue`` → ``issue``).

    >>> case_like("neither", "NEITIIER"), case_like("france", "Frauce"), case_like("the", "tbe")
    ('NEITHER', 'France', 'the')
    >>> case_like("market", "MARKoT")
    'MARKET'
    """
    if (model.isupper() and len(model) > 1) or capitals_with_a_small(model):
        return form.upper()
    if model[:1].isupper() or (speck_before_capital(model) and form[:1] != model[0]):
        return form[:1].upper() + form[1:]
    return form


def capital_restored(reading: str, core: str, sentence_start: bool,
                     know: Knowledge | None = None) -> str:
    """A reading in small letters capitalised where the page must have set
    a capital that the OCR misread as a small letter (``bydney`` →
    ``Sydney``, ``lho`` → ``The`` after a full stop): a word written only
    capitalised (a place, a day, a people), a sentence's first word whose
    first letter the reading changes, or, given what the stage ``know``s,
    a word whose first letters the confusion model reads far more often
    from a capital than from the small letter (``lohn`` → ``John``: ``l``
    is a misread ``J``, seldom a ``j``; :func:`misread_capital`) where the
    document prints the word capitalised at least as often as not.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> capital_restored("sydney", "bydney", False), capital_restored("the", "lho", True)
    ('Sydney', 'The')
    >>> capital_restored("the", "tbe", True), capital_restored("shore", "bhore", False)
    ('the', 'shore')
    >>> know = knowledge("John Smith and John Brown", Context())
    >>> [capital_restored(r, c, False, know) for r, c in (("john", "lohn"), ("brown", "llrown"))]
    ['John', 'Brown']
    >>> know = knowledge("a brown coat and a brown hat", Context())
    >>> capital_restored("brown", "llrown", False, know)
    'brown'

    So is a word whose first letter the document's engine gives for a
    capital (:func:`~clean_scan.stages.spelling.taught.capital_habits`:
    Ocrad's ``k`` for ``R`` in ``kussia``, ``kussian``):

    >>> know = knowledge("in kussia the kussian people", Context())
    >>> capital_restored("radicals", "kadicals", False, know)
    'Radicals'
    """
    if not reading.islower():
        return reading
    capital = reading[:1].upper() + reading[1:]
    if reading in proper_names() or (sentence_start and reading[0] != core[0].lower()) or \
            (know is not None and misread_capital(core, reading, know.model) and
             know.doc[capital] >= know.doc[reading]):
        return capital
    if know is not None and core[:1].islower() and reading[0] != core[0] and \
            know.capital_habits.get(core[0]) == capital[0]:
        return capital
    return reading


CAPITAL_ODDS = math.log(10)
"""How much likelier a word of running text opens with a small letter than
with a capital (about one word in ten is capitalised), in nats."""


def misread_capital(core: str, reading: str, model: ConfusionModel) -> bool:
    """Whether the OCR's first letters, which the reading replaces, are a
    capital misread rather than a small letter: the model's cost from the
    capital, plus the odds against a capital, is below its cost from the
    small letter (``ll`` is read for ``B`` and ``R``, never for ``b``).

    >>> from clean_scan.confusion import load_confusions
    >>> model = load_confusions()
    >>> misread_capital("llrown", "brown", model), misread_capital("lind", "find", model)
    (True, False)
    """
    if not core[:1].islower() or core[0] == reading[0]:
        return False
    ocr, printed = next(differing_runs(core, reading))
    if not printed or not core.startswith(ocr) or not reading.startswith(printed):
        return False
    capital = printed[0].upper() + printed[1:]
    return model.piece_cost(ocr, capital) + CAPITAL_ODDS < model.piece_cost(ocr, printed)


def speck_before_capital(core: str) -> bool:
    """A small letter before a capitalised word (``iThe``): no word is spelt
    so, so the small letter is a speck and the word is capitalised.

    >>> speck_before_capital("iThe"), speck_before_capital("McKay"), speck_before_capital("iTHE")
    (True, False, False)
    """
    return len(core) > 3 and core[0].islower() and core[1].isupper() and core[2:].islower()


def capitals_with_a_small(core: str) -> bool:
    """A word in capitals with one small letter inside (``MARKoT``): type of
    one case does not mix, so the small letter is a misreading, and the word
    is a heading word, not a name.

    >>> [capitals_with_a_small(w) for w in ("MARKoT", "BkISBANE", "McDONALD", "Market", "MARKET")]
    [True, True, False, False, False]
    """
    if len(core) < 4 or not core[0].isupper() or core.startswith("Mc"):
        return False
    small = sum(map(str.islower, core))
    return small == 1 and sum(map(str.isupper, core)) >= 3


PREFIXES = ("un", "in", "im", "non", "re", "pre", "anti", "over", "under", "counter", "semi",
            "co", "de", "dis", "mis", "sub", "super", "inter", "ultra", "pseudo", "quasi")
SUFFIXES = ("ness", "nesses", "ism", "isms", "ist", "ists", "ly", "less", "ment", "ments",
            "ite", "ites", "ise", "ised", "isation", "ize", "ized", "ization", "ity", "ian",
            "ians", "dom")


def derived_known(word: str, know: Knowledge) -> bool:
    """A productive prefix or suffix on a known word of four letters or more:
    period print coins these freely (``unsurmountable``, ``Hitlerism``).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> derived_known("unsurmountable", know), derived_known("frightfulness", know)
    (True, True)
    >>> derived_known("whicli", know), derived_known("defeuding", know)
    (False, False)
    """
    lower = word.lower()
    lexicon = know.lexicon
    words = lexicon.words
    stem = next((lower[len(prefix):] for prefix in PREFIXES
                 if lower.startswith(prefix) and len(lower) - len(prefix) >= 4
                 and lower[len(prefix):] in words
                 and not glued_after_prefix(prefix, lower[len(prefix):], lexicon)), None)
    if stem is None:
        stem = next((lower[:-len(suffix)] for suffix in SUFFIXES
                     if lower.endswith(suffix) and len(lower) - len(suffix) >= 4
                     and lower[:-len(suffix)] in words), None)
    return stem is not None and not misread_word_beside(lower, lexicon.count(stem), know)


GLUED_PREFIX_SHARE = 0.1
"""The share of a stem's uses that follow its prefix as a word (``in
fact``) from which the prefixed form is two words glued, not a coinage."""


def glued_after_prefix(prefix: str, stem: str, lexicon: Lexicon) -> bool:
    """Whether a prefix that is also a word (``in``, ``over``) stands before
    the stem as a word so often in print that the two run together are a
    lost space, not a coinage: ``infact`` is ``in fact``, but
    ``inexpedient`` is a word (the spelling stage weighs the split).

    >>> lexicon = load_lexicon()
    >>> glued_after_prefix("in", "fact", lexicon), glued_after_prefix("in", "expedient", lexicon)
    (True, False)
    """
    return lexicon.pair_count(prefix, stem) >= GLUED_PREFIX_SHARE * lexicon.count(stem)


def misread_word_beside(lower: str, stem_count: int, know: Knowledge) -> bool:
    """Whether a learned confusion reaches, from a form that parses as a
    prefix or suffix on a known stem, a word more frequent than the stem:
    then the parse is the accident (``defeuding`` is ``de`` + ``feuding``,
    but ``defending`` misread).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> misread_word_beside("defeuding", 123_134, know)
    True
    """
    count = know.lexicon.count
    return any(count(form) > stem_count
               for form, _ in know.model.learned_steps(lower, HARMONIC_MAX_CONFUSION))


def is_known(core: str, know: Knowledge) -> bool:
    """Known: lexicon, user words, a junk-free form the document repeats, or a
    known word with a productive prefix or suffix (answered once per run
    and form: a book repeats its words)."""
    found = know.known.get(core)
    if found is None:
        found = know.known[core] = _is_known(core, know)
    return found


def _is_known(core: str, know: Knowledge) -> bool:
    if known_form(core, know.lexicon) or core in know.extra or core.lower() in know.extra:
        return True
    if core.isalpha() and derived_known(core, know):
        return True
    if core.lower() in know.anachronisms or any(is_junk(c) for c in core):
        return False
    if ROMAN.match(core) is not None and len(core) <= 6:
        return True
    return recurrence_vouches(core, know.doc[core], know) and \
        not document_neighbours(core, know)


def recurrence_vouches(form: str, uses: int, know: Knowledge) -> bool:
    """Whether a form the document prints ``uses`` times is taken as printed
    on that ground: twice is enough (``UNSPELLABLE_VOTES`` times for a form
    spelt as no English word is), unless the form is one or two classic
    confusions from a very common word (``tho``, ``tlie``: the OCR repeats
    its misreadings of the commonest words); two confusions count in a
    clean scan (``NOISY_TEXT``) only for forms printed fewer than
    ``CLEAN_SCAN_REPEATS`` times (a list's ``Pte``, a score of times, is no
    ``The``), nor for a form a rewrite the text teaches makes a common word
    (:func:`~.taught.taught_neighbour`: the engine's habit repeating).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("the men were there " * 40 + "Pte " * 21 + "itis " * 2, Context())
    >>> recurrence_vouches("Pte", 21, know), recurrence_vouches("itis", 2, know)
    (True, False)
    """
    votes = UNSPELLABLE_VOTES if unspellable(form) else 2
    deep_misreading = (know.small_noise >= NOISY_TEXT or uses < CLEAN_SCAN_REPEATS) and \
        twice_from_common(form, know)
    return uses >= votes and not common_neighbours(form, know) and not deep_misreading and \
        not taught_neighbour(form.lower(), know.taught, know.lexicon)


CLEAN_SCAN_REPEATS = 5
"""How often a form two confusions from a very common word must recur in a
clean scan to be taken as printed (``itis`` twice is ``it is`` misread)."""
UNSPELLABLE_VOTES = 6
"""A form spelt as no English word is (``unspellable``) is trusted only when
the text (or the collection) uses it this often: OCR repeats a misreading a
few times in an article (one worn sort, one misread name), while a foreign
term the author uses (``raion``) keeps coming back."""

HARMONIC_MIN_COUNT = 100_000_000
"""A "common word" here is among the few hundred most frequent English words."""
HARMONIC_RATIO = 100
"""... and at least this many times as frequent as the rare form."""
RARE_DIGITS = 7
"""Lexicon words with counts of fewer digits (below 1,000,000: the web list's
rarer words and the wbritish-only words) are rare enough to be checked
against very common words one confusion away."""

OWN_WORD_USES = 3
"""A form the document prints this often in small letters is its own word."""


def counted_common(core: str, know: Knowledge) -> bool:
    """Counted a million times or more (``RARE_DIGITS``), and not a name
    set in small letters: the lexicon counts ``ali`` and ``ina`` as the
    names Ali and Ina, but in small letters they are ``all`` and ``in a``
    misread, as rare as any unknown form, unless the document prints the
    form ``OWN_WORD_USES`` times, as its own word. Two letters are too few to tell a
    name from an abbreviation or a foreign word (``co``, ``et``).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> counted_common("which", know), counted_common("ali", know), counted_common("Ali", know)
    (True, False, True)
    """
    lower = core.lower()
    if len(know.lexicon.words.get(lower, "")) < RARE_DIGITS:
        return False
    name = core.islower() and len(core) > 2 and lower in proper_names()
    return not name or (know.doc_lower.get(lower, 0) >= OWN_WORD_USES
                        and not outnumbered(lower, know))


TWICE_MAX_LENGTH = 5
"""Only short forms are looked at two confusions deep: the very common words
are short, and a longer recurring form two confusions from one is a word."""


def twice_from_common(core: str, know: Knowledge) -> bool:
    """A short recurring form two classic confusions from a very common word
    (``tbc`` for ``the``): OCR repeats its misreadings of the commonest words
    on every page, so recurrence does not vouch for such a form.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> twice_from_common("tbc", know), twice_from_common("raion", know)
    (True, False)
    """
    lower = core.lower()
    if len(lower) > TWICE_MAX_LENGTH or lower in know.lexicon.words:
        return False
    common = _very_common()
    model = know.model
    for first, _ in model.learned_steps(lower, HARMONIC_MAX_CONFUSION, inserts=False):
        for second, _ in model.learned_steps(first, HARMONIC_MAX_CONFUSION, inserts=False):
            if second in common:
                return True
    return False


@lru_cache(maxsize=1)
def _very_common() -> dict[str, int]:
    """The words counted ``HARMONIC_MIN_COUNT`` times or more, with their
    lengths (the lexicon file is sorted by count, so they come first)."""
    found = {}
    for word, count in load_lexicon().words.items():
        if int(count) < HARMONIC_MIN_COUNT:
            break
        found[word] = len(word)
    return found


@lru_cache(maxsize=1)
def _very_common_words() -> frozenset[str]:
    return frozenset(_very_common())


@lru_cache(maxsize=1)
def _very_common_edges() -> tuple[frozenset[str], frozenset[str]]:
    """Every prefix and every suffix of the very common words (the empty
    one too): a rewrite that leaves another head or tail cannot reach one."""
    words = _very_common()
    heads = frozenset(word[:i] for word in words for i in range(len(word) + 1))
    tails = frozenset(word[i:] for word in words for i in range(len(word) + 1))
    return heads, tails


@lru_cache(maxsize=1)
def _longest_very_common() -> int:
    return max(_very_common().values(), default=0)


def common_neighbours(core: str, know: Knowledge) -> dict[str, float]:
    """Very common words one classic OCR confusion away from ``core``, with
    the confusion cost: ``tho`` is ``the`` misread far more often than a word
    (Guiguts' "harmonics", TICCL's variants).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> "the" in common_neighbours("tho", know), common_neighbours("council", know)
    (True, {})
    """
    lower = core.lower()
    cached = know.harmonics.get(lower)
    if cached is not None:
        return cached
    found: dict[str, float] = {}
    heads, tails = _very_common_edges()
    if len(lower) <= _longest_very_common() + 2 and _may_neighbour(lower, heads, tails):
        own = max(know.lexicon.count(lower), 1)
        common = _very_common()
        # the learned rewrites in their order; of the insertions only those
        # reaching a very common word, looked up instead of generated
        inserted = know.model.insertions_into(_very_common_words(), HARMONIC_MAX_CONFUSION)
        for form, cost in chain(
                know.model.steps_between(lower, HARMONIC_MAX_CONFUSION, heads, tails),
                inserted.get(lower, ())):
            if form in common and cost < found.get(form, math.inf) and \
                    know.lexicon.count(form) >= HARMONIC_RATIO * own:
                found[form] = cost
    know.harmonics[lower] = found
    return found


def _may_neighbour(lower: str, heads: frozenset[str], tails: frozenset[str]) -> bool:
    """Whether one rewrite of a piece of at most two characters (or an
    insertion) may turn ``lower`` into a very common word: the word would
    share the head before the piece and the tail after it, so the longest
    head of ``lower`` in ``heads`` and its longest tail in ``tails`` must
    leave at most two characters between them. Most rare words fail this
    in a few look-ups, before any rewrite is made.

    >>> heads, tails = _very_common_edges()
    >>> _may_neighbour("tho", heads, tails), _may_neighbour("onslaught", heads, tails)
    (True, False)
    """
    size = len(lower)
    head = 0
    while head < size and lower[:head + 1] in heads:
        head += 1
    tail = 0
    while tail < size and lower[size - tail - 1:] in tails:
        tail += 1
    return head + tail >= size - 2


def trusted_recurring(form: str, know: Knowledge) -> bool:
    """Whether a lower-case form the lexicon lacks may be a candidate because
    the document repeats it (in any letter case): when it holds no junk and
    its recurrence vouches for it as it would for the word itself
    (:func:`recurrence_vouches`)."""
    found = know.trusted.get(form)
    if found is None:
        found = know.trusted[form] = not any(is_junk(c) for c in form) and \
            recurrence_vouches(form, know.doc_lower.get(form, 0), know)
    return found


def candidate_known(form: str, know: Knowledge) -> bool:
    """A lower-case form the user, the document or the lexicon knows; from
    the lexicon only a word common enough to be worth proposing unasked."""
    if form in know.extra:
        return True
    count = know.lexicon.words.get(form)
    if count is not None:
        return know.doc_lower.get(form, 0) >= 1 or len(count) > MIN_CANDIDATE_DIGITS
    if know.doc_lower.get(form, 0) >= 2 and trusted_recurring(form, know):
        return True
    return ("-" in form or "'" in form) and known_form(form, know.lexicon)


@lru_cache(maxsize=1)
def _common_candidates() -> frozenset[str]:
    """The lexicon words common enough to be candidates whatever the
    document says (``candidate_known``'s count test), made once
    (:mod:`~clean_scan.lexicon_tables`)."""
    return frozenset(tables.load()["common_forward"])


def candidate_set(know: Knowledge) -> frozenset[str]:
    """Every lower-case form ``candidate_known`` may accept, save compounds
    and possessives: one set look-up per generated form instead of a call.
    Made on first use in a run (most runs need it), from the common words
    and this document's words. The document's recurring forms are all in
    it; :func:`trusted_recurring` judges one only when it is reached, as
    few are."""
    if know.accepted:
        return know.accepted[0]
    words, doc_lower = know.lexicon.words, know.doc_lower
    own = {word for word, n in doc_lower.items() if (n >= 2 or word in words)}
    own.update(know.extra)
    own = {word for word in own if word == word.lower()}
    common = _common_candidates()
    accepted = common.union(own)
    know.accepted.append(accepted)
    know.edges.append(KnownEdges([_common_edges(), KnownEdges.sort(own - common)]))
    return accepted


def candidate_window(know: Knowledge) -> Window:
    """:meth:`KnownEdges.window` for this run's candidate set."""
    candidate_set(know)
    return know.edges[0].window


def _common_edges() -> tuple[list[str], list[str]]:
    """The common candidates sorted, and sorted written backwards
    (``KnownEdges.sort`` of them: some tens of milliseconds when derived,
    hence built with the lexicon)."""
    found = tables.load()
    return found["common_forward"], found["common_backward"]


@lru_cache(maxsize=1)
def _letter_triples() -> frozenset[str]:
    """Every run of three letters in the most frequent words, with ``^`` and
    ``$`` marking the word's edges (``tables.SPELLING_WORDS`` of them; about 40 ms
    when derived, hence built with the lexicon)."""
    return frozenset(tables.load()["letter_triples"])


def unspellable(core: str) -> bool:
    """A word holding a letter triple no common word has: names are spelt
    with the language's letter sequences, OCR garbles often are not, so a
    capital does not make such a word a name to leave alone.

    >>> unspellable("Rohcrt"), unspellable("Mnrgaret"), unspellable("Hcnry")
    (True, True, True)

    Left alone: names spelt as English is, and short capitalised
    abbreviations (a few real names fail too: ``Ogilvy``).

    >>> unspellable("Wainscott"), unspellable("Trelawny"), unspellable("Jno")
    (False, False, False)
    """
    if len(core) < UNSPELLABLE_MIN_LENGTH and core[0].isupper():
        return False  # abbreviations of names (``Jno``, ``Wm``) break the rule
    marked = f"^{core.lower()}$"
    triples = _letter_triples()
    return any(marked[i:i + 3] not in triples for i in range(len(marked) - 2))




UNSPELLABLE_MIN_LENGTH = 4
