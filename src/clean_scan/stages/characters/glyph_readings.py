"""Words read through an engine's unread glyph (``_``): the known word
the glyph makes of a word, read as one letter, whether one reading is
clearly the word where the glyph could be several letters, and when the
glyph stands for a capital.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from itertools import product
from string import ascii_lowercase

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import known_form, load_lexicon
from clean_scan.stages.characters.split_words import PARTED_WORD

SMALL_OPENINGS = 5
"""How many times as many known words must open with the small letter as
the glyph opens, for the glyph to be the capital's alone."""
MAX_UNREAD = 2
"""The most unread glyphs a word is read through: each is tried as every
letter, so that more would cost hundreds of thousands of look-ups a word."""


@lru_cache(maxsize=1 << 14)
def known_reading(word: str) -> str | None:
    """The known word ``word`` is read as (in small letters), an unread
    glyph (``_``) in it read as the one letter that makes it known
    (``suff_ciently``: the substitution is made, the spelling stage reads
    the glyph); None if there is none, or more than one, or the word holds
    more than ``MAX_UNREAD`` unread glyphs.

    >>> known_reading("suff_ciently"), known_reading("Differ"), known_reading("su_ciently")
    ('sufficiently', 'differ', None)
    >>> known_reading("ne_e__ity"), known_reading("___________")
    (None, None)
    """
    if word.count("_") > MAX_UNREAD:
        return None
    if "_" not in word:
        return word.lower() if known_form(word, load_lexicon()) else None
    at = word.index("_")
    found = {known_reading(word[:at] + c + word[at + 1:]) for c in ascii_lowercase} - {None}
    return found.pop() if len(found) == 1 else None


def clearly(reading: str, printed: str, letters: str = ascii_lowercase) -> bool:
    """Whether ``reading`` is the one known word ``printed`` makes with its
    unread glyph read as one letter, or ten times as common as any other
    such word (``_arty``: ``party``, not ``warty``; ``_ary`` may be
    ``vary``, ``wary`` or ``Mary``, and stays). A glyph taught to stand for
    a ligature (``_`` for ``ff``) is read so: a habit, not a guess.

    >>> clearly("party", "_arty"), clearly("wary", "_ary"), clearly("will", "u_ll")
    (True, False, True)

    Where the document teaches the glyph for a few letters only, those
    are the other readings (``_ales`` is ``Wales``, not ``sales``):

    >>> clearly("wales", "_ales"), clearly("wales", "_ales", "pw")
    (False, True)
    """
    lexicon = load_lexicon()
    own = lexicon.count(reading)
    return all(10 * lexicon.count(printed.replace("_", c, 1)) <= own for c in letters
               if printed.replace("_", c, 1).lower() != reading)


def capitals_unread(word: str) -> bool:
    """A word in capitals holding an unread glyph (``_OLICE``): no
    abbreviation, so what the document teaches reads it; it teaches
    nothing itself (a heading's capitals are not the text's letters)."""
    return "_" in word and word.isupper() and sum(map(str.isalpha, word)) >= 3 and \
        not known_form(word, load_lexicon())


def capital_glyphs(rewrites: dict[str, tuple[int, str, str, int] | None],
                   min_words: int, printed: Counter[str]) -> set[str]:
    """The letters whose unread glyph opens every word it is read in
    (``min_words`` words or more) while the document's known words
    (``printed``, as printed) open with the small letter ``SMALL_OPENINGS``
    times as often, and with the capital less often than the glyph opens
    words: the engine reads the small letter wherever it stands and
    fails on the capital nearly always (Ocrad in Garamond: ``_ales``, ``_hile``,
    ``_arner`` for ``Wales``, ``While``, ``Warner``), so the glyph is the
    capital wherever it stands, mid-sentence too.

    >>> rewrites = {"_ales": (0, "_", "w", 9), "_hile": (0, "_", "w", 9),
    ...             "_arren": (0, "_", "w", 9), "o_cers": (1, "_", "ffi", 3)}
    >>> printed = Counter({"was": 20, "with": 12})
    >>> capital_glyphs(rewrites, 3, printed), capital_glyphs(rewrites, 3, Counter())
    ({'w'}, set())
    >>> capital_glyphs(rewrites, 3, printed + Counter({"We": 2, "Wales": 1}))  # W is read
    set()
    """
    found: dict[str, list[int]] = defaultdict(list)
    for rewrite in rewrites.values():
        if rewrite is not None and rewrite[1] == "_" and len(rewrite[2]) == 1:
            found[rewrite[2].lower()].append(rewrite[0])
    return {letter for letter, ats in found.items() if len(ats) >= min_words and not any(ats)
            and _opening(printed, letter) >= SMALL_OPENINGS * len(ats)
            and _opening(printed, letter.upper()) < len(ats)}


def _opening(printed: Counter[str], letter: str) -> int:
    """How many of the printed words open with ``letter``."""
    return sum(n for word, n in printed.items() if word.startswith(letter))


MIXED_GLYPHS = 3
"""The most unread glyphs a word is read through as the different letters
its document teaches the glyph for (each is tried as every one of them)."""


def mixed_reading(word: str, taught: list[str]) -> str | None:
    """The one known word ``word`` makes with each of its unread glyphs read
    as one of the ``taught`` letters, not all the same one: an engine that
    cannot read a face's ``s`` nor its ligatures gives one mark for all
    (GOCR's ``_cienti_c``: ``scientific``, ``_acri_ced``: ``sacrificed``);
    None where there are fewer than two glyphs, more than ``MIXED_GLYPHS``,
    or no reading or two.

    >>> mixed_reading("_cienti_c", ["s", "fi", "ffi"]), mixed_reading("_u_ciently", ["s", "ffi"])
    ('scientific', 'sufficiently')
    >>> mixed_reading("_ave", ["s", "fi"]), mixed_reading("x_y_z", ["s", "fi"])
    (None, None)
    """
    glyphs = word.count("_")
    if not 2 <= glyphs <= MIXED_GLYPHS:
        return None
    pieces, lexicon = word.split("_"), load_lexicon()
    found = set()
    for letters in product(taught, repeat=glyphs):
        whole = pieces[0] + "".join(put + piece
                                    for put, piece in zip(letters, pieces[1:], strict=True))
        if known_form(whole, lexicon):
            found.add(whole.lower())
    return found.pop() if len(found) == 1 else None


def mixed_rewrite(word: str,
                  support: dict[tuple[str, str], int]) -> tuple[int, str, str, int] | None:
    """The rewrite (``(index, misread, letters, words teaching it)``, as
    ``Taught.rewrite`` gives one) of ``word``'s unread glyphs read as the
    letters the document teaches the glyph for (``support``; two words or
    more each), by :func:`mixed_reading`: from the first glyph to the last.

    >>> mixed_rewrite("_cienti_c", {("_", "s"): 300, ("_", "fi"): 7})
    (0, '_cienti_', 'scientifi', 300)
    """
    taught = [letters for (src, letters), n in support.items() if src == "_" and n > 1]
    reading = mixed_reading(word, taught)
    if reading is None:
        return None
    first, last = word.index("_"), word.rindex("_") + 1
    return first, word[first:last], reading[first:len(reading) - (len(word) - last)], \
        max(n for (src, _), n in support.items() if src == "_")


POSSESSIVE_GLYPH = regex.compile(r"(?<=\p{L}['’])_(?![\p{L}\p{N}_])")
"""The engine's unread glyph alone after a word's apostrophe (``Booth'_``)."""


def possessive_glyphs(text: str, habits: frozenset[tuple[str, str]]) -> list[Proposal]:
    """Where the unread glyph is the engine's habit for ``s``
    (``Taught.habits``), one alone after a word's apostrophe is the
    possessive's ``s`` (``General Booth'_ visit``), which no word lookup
    reads: the apostrophe parts it from its word.

    >>> [(p.start, p.replacement) for p in possessive_glyphs("General Booth'_ visit", {("_", "s")})]
    [(14, 's')]
    >>> possessive_glyphs("General Booth'_ visit", frozenset())
    []
    """
    if ("_", "s") not in habits:
        return []
    return [Proposal(m.start(), m.end(), "s", "learned-substitution", 0.9,
                     "the engine's unread glyph, its habit for 's', after a word's "
                     "apostrophe: the possessive's s")
            for m in POSSESSIVE_GLYPH.finditer(text)]


def split_word_rewrites(text: str, rewrite) -> list[Proposal]:
    """Each unread glyph of a word parted at a line end, read as the whole
    word's ``rewrite`` (``Taught.rewrite``) reads it: neither piece is a
    word to read alone, and the dehyphenate stage joins only known words,
    so the glyph would otherwise stay (``regul_-tions``).

    >>> def rewrite(word):
    ...     return (word.index("_"), "_", "a", 40) if word == "regul_tions" else None
    >>> [(p.start, p.replacement) for p in split_word_rewrites("the regul_-\\ntions of", rewrite)]
    [(9, 'a')]
    """
    found = []
    for m in PARTED_WORD.finditer(text):
        head, tail = m.group("head"), m.group("tail")
        if "_" not in head + tail:
            continue
        read = rewrite(head + tail)
        if read is None:
            continue
        at, src, letters, taught_by = read
        if at == 0 or at < len(head) < at + len(src):
            continue  # a word's first letter (its case is the main rule's), or across the end
        start = m.start("head") + at if at < len(head) else m.start("tail") + at - len(head)
        found.append(Proposal(start, start + len(src), letters, "learned-substitution", 0.9,
                              f"'{head}-{tail}': a word parted at a line end, which this "
                              f"document's engine reads with '{letters}' as '{src}' (so read, "
                              f"{taught_by} of its unknown words are known words)"))
    return found


def word_fragment(printed: str) -> bool:
    """Two small letters and nothing else: a piece of a word the engine broke
    (``fo11owL' ng``) as often as a word, too short for a learned misreading
    to say which (``fig``?). A glyph mark or a capital inside (``_s``,
    ``oR``) tells more and is read.

    >>> word_fragment("ng"), word_fragment("oR"), word_fragment("_s")
    (True, False, False)
    """
    return len(printed) <= 2 and printed.isalpha() and printed.islower()


def glyph_and_letter(word: str) -> bool:
    """An unread glyph and one letter (``_e``): too short to teach, or to
    read by a substitution of one letter (``he``, ``we``, ``me``?), but
    where the document teaches a pair of letters for its glyph (``_ere``,
    ``_ose``: ``th``), the pair reads it where a sentence opens (``The``):
    GOCR gives ``_`` for a capital and the letter it is set close to.
    Inside a sentence the glyph may be one letter (``we``), so it stays.

    >>> text = "_ere were some. _ese are old. _ose who came. _e end came, and _e war"
    >>> from clean_scan.stages.characters.learned import learned_substitutions
    >>> [text[p.start:p.start + 2] + ">" + p.replacement for p in learned_substitutions(text, None)]
    ['_e>Th', '_e>Th', '_o>Th', '_e>Th']
    """
    return len(word) == 2 and "_" in word and sum(c.isalpha() for c in word) == 1


OPENING_MIN_USES = 3
"""How often the document must print the word an unread opening glyph
makes for its reading to be taken: a sentence's commonest openers recur."""


def printed_opening(word: str, cased: Counter[str]) -> str | None:
    """The letters an unread glyph opening a short word stands for where a
    sentence opens (``_e``, ``_ey``, ``_is``: GOCR's ``_`` for a capital set
    close to the next letter, ``Th``): those of the capitalised word that
    one or two letters make and the document itself prints most often
    (``cased``: its known words as printed), ``OPENING_MIN_USES`` times or
    more and twice as often as any other; None otherwise. The engine reads
    the same word right elsewhere, and no taught substitution outvotes
    that (``Vie`` is a word too, where ``vi`` is taught for ``_``).

    >>> cased = Counter({"The": 19, "He": 4, "They": 5, "Vie": 0, "This": 6, "His": 5})
    >>> printed_opening("_e", cased), printed_opening("_ey", cased), printed_opening("_is", cased)
    ('Th', 'Th', None)
    """
    rest = word[1:]
    if not word.startswith("_") or not rest.isalpha() or not rest.islower() or len(rest) > 3:
        return None
    found = sorted(((n, w) for w, n in cased.items()
                    if w.endswith(rest) and 1 <= len(w) - len(rest) <= 2 and w[0].isupper()
                    and w[1:].islower()), reverse=True)
    if not found or found[0][0] < OPENING_MIN_USES or \
            len(found) > 1 and found[0][0] < 2 * found[1][0]:
        return None
    return found[0][1][:-len(rest)]
