"""Words read through an engine's unread glyph (``_``): the known word
the glyph makes of a word, read as one letter, and whether one reading is
clearly the word where the glyph could be several letters.
"""

from __future__ import annotations

from functools import lru_cache
from string import ascii_lowercase

from clean_scan.lexicon import known_form, load_lexicon

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
