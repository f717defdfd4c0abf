"""Double misreads: a word with an engine's unread glyph (``_``) and one
more letter misread, which no single learned substitution makes known,
read as the word the document prints often that it is nearest to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from string import ascii_lowercase
from typing import TYPE_CHECKING

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clean_scan.document import Proposal
from clean_scan.lexicon import load_lexicon

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines
    from clean_scan.stages.characters.learned import Taught

DOUBLE_MIN_USES = 5
"""How often the document must print the word a double misread is read as."""
DOUBLE_MARGIN = 3
"""How many times as often as any other word so reached it must be printed."""
DOUBLE_MIN_LENGTH = 4
"""The shortest word read so: a short one has too many neighbours."""


def double_misreads(words: list[str], taught: Taught,
                    readings: Counter[str]) -> dict[str, tuple[str, int]]:
    """Words with the engine's mark for an unread glyph (``_``) that no
    taught substitution makes known, read as the word the document prints
    often (``readings``: its words in small letters, counted as read, the
    learned rewrites made) that a taught substitution for the glyph and one
    more letter lost, added or misread make of them: ``_ary`` is ``party``
    where the engine reads ``P`` as ``_`` and, in a face that sets ``r``
    and ``t`` close, runs them into one. The word must be printed
    ``DOUBLE_MIN_USES`` times and ``DOUBLE_MARGIN`` times as often as any
    other so reached; given with its count.

    >>> from clean_scan.stages.characters.learned import Taught
    >>> taught = Taught({("_", "p"): 4, ("_", "w"): 3})
    >>> readings = Counter({"party": 20, "could": 9, "would": 8, "pay": 2})
    >>> double_misreads(["_ary", "_ould", "_ay"], taught, readings)
    {'_ary': ('party', 20)}

    Left alone: a word two such words are equally near (``_ould``: could,
    would), and a short one (``_ay``).
    """
    found = {}
    vocabulary = [word for word, n in readings.items() if n >= DOUBLE_MIN_USES]
    for word in words:
        reached: dict[str, int] = {}
        for src, letters in taught.support:
            if "_" not in src or src not in word:
                continue
            near = word.replace(src, letters, 1).lower()
            if len(near) < DOUBLE_MIN_LENGTH or "_" in near:
                continue
            for reading, _, _ in process.extract(near, vocabulary, scorer=Levenshtein.distance,
                                                score_cutoff=1, limit=None):
                if reading != near:
                    reached[reading] = readings[reading]
        ranked = sorted(reached.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] >= DOUBLE_MARGIN * ranked[1][1]):
            found[word] = ranked[0]
    return found


MERGED_MIN_LENGTH = 4
"""The shortest word an unread glyph is read in as two letters."""
LEXICON_MARGIN = 10
"""How many times as common in the lexicon as any other reading the one
taken must be, where the document prints none of them."""


def merged_glyphs(words: list[str], readings: Counter[str],
                  between: Callable[[str, str, tuple[int, ...]], list[str]]) -> dict[str, str]:
    """Words whose one unread glyph (``_``) no single letter reads, read
    with two letters for it: the engine took two letters set close for one
    glyph it could not read (a ligature, ``fi``; a kerned pair, ``rw``,
    ``az``): ``_ctitious`` is ``fictitious``, ``No_ay`` is ``Norway``. The
    reading (``between(head, tail, lengths)``: the lexicon's words so made,
    kept where common or printed by the document, ``readings``) must be
    the only one, or the one the document prints
    ``DOUBLE_MARGIN`` times as often as any other, or ``LEXICON_MARGIN``
    times as common as any other.

    >>> def between(head, tail, lengths):
    ...     words = ["fictitious", "norway", "bread", "break", "breed", "relic"]
    ...     return [w for w in words if w.startswith(head) and w.endswith(tail)
    ...             and len(w) in lengths]
    >>> merged_glyphs(["_ctitious", "No_ay", "brea_", "su_", "re_c"],
    ...               Counter({"fictitious": 1}), between)
    {'_ctitious': 'fictitious', 'No_ay': 'norway'}

    Left alone: a word with a common reading of one letter for the glyph
    (``brea_``: ``bread``, ``break``; the learned substitutions' question),
    a word of under ``MERGED_MIN_LENGTH`` letters read so (``su_``), a
    reading neither common nor printed in the document (``re_c``: relic),
    two readings equally likely.
    """
    lexicon = load_lexicon()
    found = {}
    for word in words:
        if word.count("_") != 1 or len(word) + 1 < MERGED_MIN_LENGTH:
            continue
        if any(lexicon.common(word.replace("_", c)) for c in ascii_lowercase):
            continue
        head, tail = (part.lower() for part in word.split("_"))
        if not (head + tail).isalpha():
            continue
        candidates = [c for c in between(head, tail, (len(word) + 1,))
                      if lexicon.common(c) or readings[c]]
        if len(candidates) == 1:
            found[word] = candidates[0]
            continue
        for counts, margin in ((readings, DOUBLE_MARGIN), (Counter(
                {c: lexicon.count(c) for c in candidates}), LEXICON_MARGIN)):
            ranked = sorted(candidates, key=lambda c, counts=counts: -counts[c])
            if ranked and counts[ranked[0]] > 0 and \
                    counts[ranked[0]] >= margin * counts[ranked[1]]:
                found[word] = ranked[0]
                break
    return found


HABIT_SHARE = 0.9
"""The share of its unread glyph's taught readings a habit's letter must
hold (:meth:`.learned.Taught.learn_habits`) for the glyph to be read as
that letter in words no reading makes known."""
HABIT_MIN_LETTERS = 4
"""The fewest letters besides its glyphs a word read so must hold."""


def habit_readings(words: list[str], taught: Taught) -> dict[str, str]:
    """Words with the engine's unread glyph inside (``_``) that no taught
    reading makes a known word, where the glyph is a habit for one letter
    holding ``HABIT_SHARE`` of the glyph's taught readings, read with that
    letter for every glyph: GOCR reads no ``s`` at all in some faces, and a
    name (``Clou_ton``, ``Ka_uga``) is no likelier than the document's
    known words to hold another letter there.

    >>> from clean_scan.stages.characters.learned import Taught
    >>> taught = Taught({("_", "s"): 40, ("__", "ss"): 5, ("_", "fi"): 3},
    ...                 frozenset({("_", "s")}))
    >>> habit_readings(["Clou_ton", "Ro__more", "_mith", "Ka_u", "_"], taught)
    {'Clou_ton': 'Clouston', 'Ro__more': 'Rossmore'}

    Left alone: a glyph opening a word (``_mith``: the engine's glyph for
    a capital may be another), a word of fewer than ``HABIT_MIN_LETTERS``
    letters besides (``Ka_u``), and every word where the glyph is no habit
    or one read as other letters too often.

    >>> habit_readings(["Clou_ton"], Taught({("_", "s"): 40, ("_", "fi"): 9},
    ...                                     frozenset({("_", "s")})))
    {}
    """
    letter = glyph_habit(taught)
    if not letter:
        return {}
    return {word: word.replace("_", letter) for word in words
            if not word.startswith("_") and word.replace("_", "").isalpha()
            and len(word.replace("_", "")) >= HABIT_MIN_LETTERS}


def glyph_habit(taught: Taught) -> str:
    """The one letter the engine's unread glyph (``_``) stands for, where it
    is a habit for that letter alone holding ``HABIT_SHARE`` of the glyph's
    taught readings; '' where it is none.

    >>> from clean_scan.stages.characters.learned import Taught
    >>> glyph_habit(Taught({("_", "a"): 40, ("__", "aa"): 2}, frozenset({("_", "a")})))
    'a'
    >>> glyph_habit(Taught({("_", "a"): 40, ("_", "fi"): 9}, frozenset({("_", "a")})))
    ''
    """
    letters = [letter for glyph, letter in taught.habits if glyph == "_"]
    if len(letters) != 1:
        return ""
    readings = sum(n for (glyph, put), n in taught.support.items() if set(glyph) == {"_"})
    habit = sum(n for (glyph, put), n in taught.support.items()
                if set(glyph) == {"_"} and set(put) == set(letters))
    return letters[0] if habit >= HABIT_SHARE * readings else ""


LONE_GLYPH = regex.compile(r"(?<=[\p{L},;:.!?][ \t]+|^[ \t]*)_(?=[ \t]*\n?[ \t]*\p{L})",
                           regex.MULTILINE)
"""The unread glyph standing alone as a word, a word before and after it."""
SENTENCE_BEFORE = regex.compile(r"(?:[.!?][’”'\")]*[ \t\n]*|^\s*)$")


def lone_glyphs(text: str, taught: Taught, doc: Lines | None) -> list[Proposal]:
    """:func:`lone_glyph_words` for the glyph habit ``taught`` teaches, kept
    on ``doc`` for the repairs that take a lone glyph for a speck."""
    letter = glyph_habit(taught)
    if doc is not None:
        doc.glyph_habit = letter
    return lone_glyph_words(text, letter)


def lone_glyph_words(text: str, letter: str) -> list[Proposal]:
    """Where the unread glyph is the engine's habit for ``a``
    (:func:`glyph_habit`), the glyph standing alone between words is the
    word ``a`` (``decor_ted with _ bust``), ``A`` where a sentence opens:
    English has no other one-letter word in small letters.

    >>> [p.replacement for p in lone_glyph_words("with _ bust. _ man and _\\nmind", "a")]
    ['a', 'A', 'a']
    >>> lone_glyph_words("with _ bust", "s"), lone_glyph_words("with __ bust, 2 _ 3", "a")
    ([], [])
    """
    if letter != "a":
        return []
    found = []
    for m in LONE_GLYPH.finditer(text):
        opening = SENTENCE_BEFORE.search(text, max(0, m.start() - 8), m.start())
        found.append(Proposal(m.start(), m.end(), "A" if opening else "a", "unread-glyph-habit",
                              0.85, "the unread glyph alone as a word, where this document's "
                              "engine reads no 'a' but as that glyph: the word 'a'"))
    return found


def habit_reading(text: str, start: int, printed: str, word: str) -> Proposal:
    """The edit reading ``printed``, at ``start`` of ``text``, as ``word``
    (:func:`habit_readings`): made in a name (a capital opens it) or a piece
    of a word parted at a line's end (``ci_lism``), which no lexicon holds
    whole; only flagged in a word of small letters, whole, that the lexicon
    lacks even so read: another glyph the engine could not read may stand
    there (``o_cer_``, with its ``ffi``).

    >>> text = "Dr. Clou_ton and the o_cer_ of the so-\\nci_lism"
    >>> read = {"Clou_ton": "Clouston", "o_cer_": "oscers", "ci_lism": "cialism"}
    >>> [(p.replacement, p.confidence) for p in
    ...  (habit_reading(text, text.index(w), w, read[w]) for w in read)]
    [('Clouston', 0.8), ('oscers', 0.6), ('cialism', 0.8)]
    """
    letter = word[printed.index("_")]
    end = start + len(printed)
    parted = text[max(0, start - 2):start] == "-\n" or text[end:end + 2] == "-\n"
    sure = printed[0].isupper() or parted
    return Proposal(start, end, word, "unread-glyph-habit", 0.8 if sure else 0.6,
                    f"'{printed}': no reading makes it a known word (a name?), and this "
                    f"document's engine reads no '{letter}' but as its unread glyph")


def with_glyphs_read(word: str, rewrite: tuple[int, str, str], reading: str,
                     habit_letters: str) -> tuple[int, str, str]:
    """A rewrite ``(at, misread, letters)`` of ``word`` widened over the
    unread glyphs it leaves, read as ``reading`` (the known word it makes)
    reads them, where each is read as a letter the glyph is a habit for:
    ``_ecretaury``, its ``aur`` read ``ar``, leaves ``_ecretary``, whose
    glyph the habit reads ``s``; left as it is otherwise, for the spelling
    stage to weigh.

    >>> with_glyphs_read("_ecretaury", (6, "aur", "ar"), "secretary", "s")
    (0, '_ecretaur', 'secretar')
    >>> with_glyphs_read("pr_mi_e", (0, "pr", "pr"), "promise", "s")
    (0, 'pr', 'pr')
    """
    at, src, letters = rewrite
    whole = word[:at] + letters + word[at + len(src):]
    glyphs = [i for i, c in enumerate(whole) if c == "_"]
    if not glyphs or len(reading) != len(whole) or \
            any(reading[i] not in habit_letters for i in glyphs):
        return rewrite
    first, last = min(glyphs[0], at), max(glyphs[-1] + 1, at + len(letters))
    shift = len(src) - len(letters)
    word_last = last + shift if last > at + len(letters) else at + len(src)
    put = "".join(reading[i] if c == "_" else c for i, c in enumerate(whole[first:last], first))
    return first, word[first:word_last], put
