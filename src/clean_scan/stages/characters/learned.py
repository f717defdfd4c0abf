"""Substitutions a document teaches: one engine's way with one face.

An engine that cannot read a ligature or a close-set pair of letters gives
the same wrong characters for it every time: GNU Ocrad reads Termes' ``ff``
as ``R`` and its ``tr`` as ``W`` or ``w`` (``diRerent``, ``absWact``,
``conwol``), Bonum's ``ty`` as ``S`` (``activiS``), DejaVu's ``ff`` as
``K``, an unread glyph as ``_`` (``u_th``, ``e_ort``), and GOCR splits
Liberation Serif's ``w`` into ``nr`` (``allonring``). No table made
from other engines knows that, but the document shows it: put the right
letters in the wrong ones' place and word after word becomes a known word.
A substitution that makes known words of three different misread words or
more (five for small letters alone) is this document's; it is then made in
every unknown word it turns into a known one. A chance rewrite puts letters
the document prints rightly far more often than it misreads them, or, of
small letters, explains too small a share of the unknown words holding
them while the document prints its letters rightly too, and does not pass.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import known_form, load_lexicon, without_accents
from clean_scan.stages.characters.digit_habits import habit_view, with_read_digits
from clean_scan.stages.characters.double_misreads import (
    double_misreads,
    habit_reading,
    habit_readings,
    lone_glyphs,
    merged_glyphs,
    with_glyphs_read,
)
from clean_scan.stages.characters.glyph_marks import token_pattern, without_marks
from clean_scan.stages.characters.glyph_readings import (
    capital_glyphs,
    capitals_unread,
    clearly,
    glyph_and_letter,
    known_reading,
    mixed_rewrite,
    possessive_glyphs,
    printed_opening,
    split_word_rewrites,
    word_fragment,
)
from clean_scan.stages.characters.initial_case import (
    glyph_reading_case,
    initial_case,
    opens_sentence,
)
from clean_scan.stages.characters.letter_rewrites import (
    MIN_LETTERS,
    added_letters,
    lost_letters,
    puts_back,
    split_letter,
)
from clean_scan.stages.characters.lines import Lines
from clean_scan.stages.characters.small_type import notes_first, small_type_substitutions
from clean_scan.stages.characters.unread import capitals_read, unread_letters
from clean_scan.stages.characters.words_between import MAX_SPAN, known_between

MIN_WORDS = 3
"""Different words a substitution must make known for the document to teach it."""
PLAIN_MIN_WORDS = 5
"""Different words a substitution of small letters alone must make known."""
MIN_SHARE = 0.5
"""The share of the document's unknown words holding a substitution's small
letters that it must make known where the document also prints its
letters rightly: an engine's habit explains most of them, a chance rewrite
few."""
MIN_KEPT = 3
"""The fewest letters a word must keep besides its misread to teach one: a
fragment of two (``Ses``) has a rewrite into some word for any misread."""
RIGHTLY_PRINTED = 10
"""How many times more often than a substitution is taught the document's
known words may print its letters rightly: an engine that misreads ``tr``
in one face may still read it in another, seldom ten times as often."""
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
"""A capital after a small letter: no word is spelt so (``eRect`` is not
``erect``), though a name may be (``McKay``)."""
MAX_TEACHING = 3000
"""The most unknown words (the most printed first) a substitution is
learned from: an engine's habit shows in a few thousand, and a huge text
of garbled words would otherwise cost a rewrite search for each."""


def learned_substitutions(text: str, doc: Lines | None) -> list[Proposal]:
    """The document's learned substitutions (:func:`whole_text_substitutions`),
    and those its notes' smaller type teaches apart
    (:func:`.small_type.small_type_substitutions`)."""
    proposals = whole_text_substitutions(text, doc)
    notes = small_type_substitutions(text, doc, whole_text_substitutions) if doc else []
    return notes_first(proposals, notes) if notes else proposals


def whole_text_substitutions(text: str, doc: Lines | None) -> list[Proposal]:
    """Each unknown word that one of the document's learned substitutions
    (:func:`learn`) makes a known word of.

    >>> text = ("a diRerent view, the diRerence, absWact and illusWation, the "
    ...         "indesWuctible, cut oR, an eRect, HeRe is a McKay. Wuths, the Wuths")
    >>> [text[p.start:p.end] + ">" + p.replacement for p in learned_substitutions(text, None)]
    ['R>ff', 'R>ff', 'W>tr', 'W>tr', 'W>tr', 'R>ff', 'R>ff', 'W>Tr', 'W>tr']

    Small letters and unread glyphs are learned the same way (``w`` for
    ``tr``, ``u_`` for ``wi``):

    >>> text = ("the conwol of geomewy, a neuwal and conwary view, wuly a swuggle; "
    ...         "u_th u_thin u_thout a u_tness")
    >>> [text[p.start:p.end] + ">" + p.replacement for p in learned_substitutions(text, None)]
    ['w>tr', 'w>tr', 'w>tr', 'w>tr', 'w>tr', 'w>tr', 'u_>wi', 'u_>wi', 'u_>wi', 'u_>wi']

    A word with a capital after a small letter is misread though its
    letters spell a word (``eRect`` is ``effect``). Left alone: names with a
    capital inside (``McKay``), a word no learned substitution makes known,
    and any substitution fewer than three words teach.

    >>> learned_substitutions("a diRerent view, the absWact idea", None)
    []
    """
    text, read_digits = habit_view(text)  # ``Chaur1es``: its ``aur`` is read past its ``1``
    glyph = doc.glyph_mark if doc is not None else ""
    pattern = token_pattern(glyph)
    printed_counts = Counter(pattern.findall(text))
    read = {printed: without_marks(printed, glyph) for printed in printed_counts}
    unknown = {printed for printed, word in read.items() if _unknown(word)}
    if doc is not None:  # for the repairs after, which read a word's glyph marks away
        doc.learned_readings = {printed: word for printed, word in read.items()
                                if word != printed and printed not in unknown}
    known, cased = Counter(), Counter()
    for printed in printed_counts.keys() - unknown:
        known[read[printed].lower()] += printed_counts[printed]
        cased[read[printed]] += printed_counts[printed]
    teaching = sorted(unknown, key=lambda printed: (-printed_counts[printed], printed))
    counts = doc.character_counts if doc is not None else Counter(text)
    taught = learn({read[printed] for printed in teaching[:MAX_TEACHING]}, known,
                   unread_letters(counts), cased)
    if not taught:
        return []
    taught.learn_habits(counts)
    if taught.habits:  # ``a_`` is a word too where ``_`` is the engine's ``s``
        unknown |= {printed for printed, word in read.items() if "_" in word and len(word) > 1}
    unknown |= {printed for printed, word in read.items() if capitals_unread(word)}
    paired = {printed for printed, word in read.items()
              if printed not in unknown and glyph_and_letter(word)
              and (rewrite := taught.rewrite(word)) is not None and len(rewrite[2]) > 1}
    openings = {printed: put for printed, word in read.items() if printed not in unknown
                or printed in paired if (put := printed_opening(word, cased))}  # ``_e``: ``The``
    paired |= openings.keys()
    unknown |= paired  # ``_e``: read only where a sentence opens (see glyph_and_letter)
    places: dict[str, list[int]] = defaultdict(list)
    for m in pattern.finditer(text):  # where: asked only of a document that teaches
        if m.group() in unknown and (m.group() not in paired or opens_sentence(text, m.start())):
            places[m.group()].append(m.start())
    proposals = lone_glyphs(text, taught, doc)
    rewrites = {printed: taught.rewrite(read[printed]) for printed in sorted(unknown)}
    habitual = {printed: rewrite for printed in sorted(unknown)
                if (rewrite := taught.habitual_rewrite(read[printed]))}
    rewrites.update(habitual)
    rewrites.update({p: (0, "_", put, cased[put + read[p][1:]]) for p, put in openings.items()})
    readings = known.copy()
    for printed, rewrite in rewrites.items():
        if rewrite is not None:
            at, src, letters, _ = rewrite
            word = read[printed]
            reading = (word[:at] + letters + word[at + len(src):]).lower()
            readings[reading] += printed_counts[printed]
            if doc is not None:
                doc.learned_readings[printed] = reading
    unread = sorted(printed for printed, rewrite in rewrites.items()
                    if rewrite is None and "_" in printed and not glyph
                    and not capitals_unread(read[printed]))
    doubles = double_misreads(unread, taught, readings)
    merged = {} if taught.habits else \
        merged_glyphs([w for w in unread if w not in doubles], readings, known_between)
    for printed in unread:  # ``_ales``: Wales, where the glyph is taught for W and P only
        if printed not in doubles and printed not in merged:
            rewrite = taught.glyph_rewrite(read[printed])
            if rewrite is not None:
                rewrites[printed] = rewrite
    for printed, word in merged.items():
        for start in places[printed]:
            put = glyph_reading_case(text, start, printed, word, doc)
            proposals.append(Proposal(start, start + len(printed), put, "unread-letter-pair", 0.85,
                                      f"'{printed}': the engine's unread glyph as two letters "
                                      f"it took for one, which make '{word}'"))
    left = [w for w in unread if w not in doubles and w not in merged and rewrites[w] is None]
    habit = [habit_reading(text, start, printed, word)
             for printed, word in habit_readings(left, taught).items() for start in places[printed]]
    for printed, (word, uses) in doubles.items():
        for start in places[printed]:
            put = glyph_reading_case(text, start, printed, word, doc)
            proposals.append(Proposal(start, start + len(printed), put, "unread-glyph-and-letter",
                                      0.85, f"'{printed}': the engine's unread glyph as this "
                                      f"document teaches it, and one more letter misread, "
                                      f"make '{word}', which it prints {uses} times"))
    capital_only = capital_glyphs(rewrites, MIN_WORDS, cased)
    for printed, rewrite in rewrites.items():
        if rewrite is None or word_fragment(printed):
            continue
        at, src, letters, taught_by = rewrite
        offsets = [i for i, c in enumerate(printed) if not (glyph and c in ",.;:")]
        first, last = offsets[at], offsets[at + len(src) - 1] + 1
        if last - first != len(src):
            continue  # a glyph mark inside the misread: not one piece of print
        capital = capitals_unread(read[printed]) or (
            at == 0 and src == "_" and letters.lower() in capital_only)
        for start in places[printed]:
            put = letters
            if capital:
                put = letters.upper()  # type of one case does not mix; a capital's glyph
            elif at == 0 and not src[0].islower():  # the letters' case is the place's
                word, unread = letters + read[printed][len(src):], not src[0].isalpha()
                put = initial_case(text, start, letters, word, doc, unread=unread,
                                   small_uses=readings[word.lower()] if unread else 0)
            misread = f"'{letters}' as '{src}'" if printed not in habitual else \
                f"every '{letters[0]}' as '_'"  # a habit's rewrite opens on the glyph
            proposals.append(Proposal(start + first, start + last, put, "learned-substitution", 0.9,
                                      f"'{read[printed]}': this document's engine reads "
                                      f"{misread} (so read, {taught_by} of its "
                                      "unknown words are known words)"))
    proposals += capitals_read(taught.support, rewrites, places)
    proposals += possessive_glyphs(text, taught.habits)
    split = split_word_rewrites(text, lambda word: taught.habitual_rewrite(word)
                                or taught.rewrite(word))  # read whole, before the habit's piece
    covered = {at for p in split for at in range(p.start, p.end)}
    proposals += split + [h for h in habit if covered.isdisjoint(range(h.start, h.end))]
    return sorted(with_read_digits(p, text, read_digits) for p in proposals)


def _unknown(word: str) -> bool:
    """A word no lexicon knows as printed (a capital after a small letter
    is no spelling, whatever the letters), but for capitals alone (heads,
    abbreviations) and accent specks (another rule's)."""
    lexicon = load_lexicon()
    if len(word) < 2:
        return False
    if word.isalpha() and word.islower():  # most words: a look-up or two
        unknown = word not in lexicon.words and not known_form(word, lexicon)
    else:
        unknown = sum(c.isalpha() for c in word) >= 2 and not word.isupper() and (
            INNER_CAPITAL.search(word) is not None or not known_form(word, lexicon))
    return unknown and (word.isascii() or not known_form(without_accents(word), lexicon))


@dataclass
class Taught:
    """The substitutions a document teaches: ``(misread, letters)`` with
    the number of its unknown words each makes known."""

    support: dict[tuple[str, str], int]
    habits: frozenset[tuple[str, str]] = frozenset()
    """Unread glyphs read as one letter without a doubt (:meth:`learn_habits`)."""

    def __bool__(self) -> bool:
        return bool(self.support)

    def learn_habits(self, letter_counts: Counter[str]) -> None:
        """Mark the unread glyph taught for a letter the document reads fewer
        times than the glyph stands for it as a habit: GOCR, in some faces,
        reads no ``a`` at all, and its ``_s`` is ``as``, though ``_`` could
        be ``i`` or ``u`` there too (:func:`.glyph_readings.clearly`), and
        no speck (:func:`_speck_rather`); an engine that reads the letter
        readily is the one whose glyph stays a guess.

        >>> taught = Taught({("_", "a"): 40, ("_", "p"): 3})
        >>> taught.learn_habits(Counter({"a": 12, "p": 90}))
        >>> sorted(taught.habits)
        [('_', 'a')]
        """
        self.habits = frozenset(
            (src, letters) for (src, letters), n in self.support.items()
            if src == "_" and len(letters) == 1 and letter_counts[letters] < n)

    def glyph_rewrite(self, word: str) -> tuple[int, str, str, int] | None:
        """The rewrite of ``word``'s one unread glyph as one of the letters
        the document teaches it for, where it teaches two or more (Ocrad in
        Garamond: ``W`` and ``P``, the capitals it cannot read) and one of
        them makes a word ten times as common as the others do (``_ales``:
        ``Wales``, not ``Pales``; ``sales`` is no reading, since the engine
        reads an ``S``), as :meth:`rewrite` gives it; None otherwise, and for
        a word too short to say (``_m``).

        >>> taught = Taught({("_", "W"): 9, ("_", "P"): 6})
        >>> taught.glyph_rewrite("_ales"), taught.glyph_rewrite("_ing"), taught.glyph_rewrite("_m")
        ((0, '_', 'W', 9), None, None)
        """
        taught = {letters: n for (glyph, letters), n in self.support.items()
                  if glyph == "_" and len(letters) == 1}
        if len(taught) < 2 or len(word) < MIN_LETTERS or word.count("_") != 1:
            return None
        at = word.index("_")
        letters = "".join(sorted({c.lower() for c in taught}))
        found = [(put, n) for put, n in taught.items()
                 if (reading := known_reading(word.replace("_", put))) is not None
                 and clearly(reading, word, letters)]
        if len(found) != 1:
            return None
        put, n = found[0]
        return at, "_", put, n

    def habitual_rewrite(self, word: str) -> tuple[int, str, str, int] | None:
        """The rewrite of every unread glyph of ``word`` as the one letter
        it is a habit for, where that alone makes a known word (``ma__``:
        ``mass``), as :meth:`rewrite` gives it: from the first glyph to the
        last, the letters between kept; None if not two glyphs or no habit.

        >>> taught = Taught({("_", "s"): 40}, frozenset({("_", "s")}))
        >>> taught.habitual_rewrite("i__ue_"), taught.habitual_rewrite("ma_")
        ((1, '__ue_', 'ssues', 40), None)
        """
        if not self.habits or word.count("_") < 2:
            return None
        found = {(word.replace(src, letters), src, letters) for src, letters in self.habits}
        known = [(src, letters) for whole, src, letters in found if known_reading(whole)]
        if not known:
            return mixed_rewrite(word, self.support)  # ``_cienti_c``: s and fi
        if len(known) != 1:
            return None
        src, letters = known[0]
        first, last = word.index(src), word.rindex(src) + len(src)
        return first, word[first:last], word[first:last].replace(src, letters), \
            self.support[(src, letters)]

    def rewrite(self, word: str) -> tuple[int, str, str, int] | None:
        """Where and how the best-taught substitution makes a known word of
        ``word`` (a capital opening it also read as its small letter):
        ``(index, misread, letters, words teaching it)``; None if none does,
        or two equally taught ones make different words (of two making the
        same word, the one rewriting more: ``R_`` for ``ffi`` before ``R``
        for ``ff``)."""
        best: dict[int, set[tuple[str, int, str, str]]] = defaultdict(set)
        for (src, letters), n in self.support.items():
            at = word.find(src)
            if letters.isupper() and src.islower():
                at = 0 if at == 0 else -1  # a capital never printed opens a word only
            while at != -1:
                head, tail = word[:at], word[at + len(src):]
                reading = known_reading(head + letters + tail)
                speck = not puts_back(src, letters) and (src, letters) not in self.habits \
                    and _speck_rather(head + tail, head + letters + tail)
                if reading and not speck and \
                        ("_" not in src or len(letters) > 1 or (src, letters) in self.habits
                         or clearly(reading, word)):
                    best[n].add((reading, at, src, letters))
                at = word.find(src, at + 1)
            if word.count(src) > 1 and (src.isupper() or not src.isalpha()):
                first, last = word.index(src), word.rindex(src) + len(src)  # ``mRrRly``: each
                if reading := known_reading(word.replace(src, letters)):
                    best[n].add((reading, first, word[first:last],
                                 word[first:last].replace(src, letters)))
        if word[:1].isupper():
            for (src, letters), n in self.support.items():
                if src[0].islower() and word.startswith(src[0].upper() + src[1:]):
                    reading = known_reading(letters + word[len(src):])
                    if reading:
                        best[n].add((reading, 0, word[:len(src)], letters))
        if not best:
            return None
        found = best[max(best)]
        if len({reading for reading, *_ in found}) > 1:
            return None
        reading, *rewrite = max(found, key=lambda f: (len(f[2]), f))  # glyphs left: habit's
        habits = "".join(letters for glyph, letters in self.habits if glyph == "_")
        return *with_glyphs_read(word, tuple(rewrite), reading, habits), max(best)


def learn(words: set[str], known: Counter[str] | None = None,
          unread: frozenset[str] = frozenset(), cased: Counter[str] | None = None) -> Taught:
    """The substitutions that make known words of ``MIN_WORDS`` or more of
    ``words`` (a document's unknown words; ``PLAIN_MIN_WORDS`` for small
    letters) besides those a more taught one makes known, but those
    :func:`_chance` finds chance against the document's known words
    (``known``: lower case, with their counts; ``cased``: as printed); the
    rest are taught again
    without them until none is. A rewrite is kept at its smallest (``iS``
    for ``ity`` is ``S`` for ``ty``); one small letter for another is the
    spelling stage's; one lost between two small letters is put back
    (:func:`.letter_rewrites.lost_letters`), one added between two taken
    out (:func:`.letter_rewrites.added_letters`), and two read for one
    letter split in two are read as it (:func:`.letter_rewrites.split_letter`).

    >>> words = {"conwol", "geomewy", "neuwal", "conwary", "wuly", "swuggle", "owl-ish"}
    >>> learn(words).support
    {('w', 'tr'): 5}
    >>> learn(words, Counter({"tree": 20, "street": 40})).support
    {}
    """
    made: dict[tuple[str, str], set[str]] = defaultdict(set)
    for word in sorted(words):
        for src, letters in _rewrites(word, unread):
            made[(src, letters)].add(word)
    dropped: set[tuple[str, str]] = set()
    while True:
        taught = _most_taught(made, dropped)
        chance = _chance(taught, words, known or Counter(), cased or Counter())
        if not chance:
            return Taught({pair: len(made_known) for pair, made_known in taught.items()})
        dropped |= chance


def _most_taught(made: dict[tuple[str, str], set[str]],
                 dropped: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """Each substitution with the words it alone makes known, taken from
    the most taught down, each word counted once; those left with fewer
    than ``MIN_WORDS`` words go."""
    explained: set[str] = set()
    taught = {}
    ranked = sorted(made.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for pair, made_known in ranked:
        left = made_known - explained
        if pair in dropped or len(left) < _min_words(*pair):
            continue
        taught[pair] = left
        explained |= left
    ligature_glyphs = {src for src, letters in taught if letters in LIGATURES}
    for pair, made_known in ranked:  # the siblings of a ligature taught
        left = made_known - explained
        if pair[0] in ligature_glyphs and pair[1] in LIGATURES and pair not in dropped \
                and pair not in taught and len(left) >= SIBLING_MIN_WORDS:
            taught[pair] = left
            explained |= left
    return taught


LIGATURES = frozenset({"ff", "fi", "fl", "ffi", "ffl"})
"""The f-ligatures a face sets as one glyph each, alike in their hook."""
SIBLING_MIN_WORDS = 2
"""Different words that must teach a ligature read as a glyph the document
already shows standing for another ligature: an engine that cannot read
one f-ligature of a face (Ocrad's ``R`` for ``ff``, ``diRerent``) reads its
siblings the same way (``Rooded``, ``overRowed`` for ``fl``), and a rarer
one shows in fewer words."""


def _min_words(src: str, letters: str = "") -> int:
    """How many words must teach a substitution of ``src`` by ``letters``:
    small letters alone are what most words are made of, and a chance
    rewrite of them finds a few words to make; a capital inside a word, an
    engine's mark for a glyph it cannot read (``_``), a capital put back
    and one character read for a ligature (``m`` for ``ffi``: the ligature
    is one glyph, read as one) are misreads by their look.

    A capital and small letters read as small letters (``Ch`` for ``l``)
    are how a name opens, no misread by their look: names make a few words
    of any such rewrite.

    >>> _min_words("w"), _min_words("W"), _min_words("u_"), _min_words("Ch", "l")
    (5, 3, 3, 5)
    """
    by_look = letters.isupper() or (len(src) == 1 and letters in LIGATURES)
    name_opening = src[:1].isupper() and src[1:].islower() and letters.islower()
    return PLAIN_MIN_WORDS if (_plain(src) or name_opening) and not by_look else MIN_WORDS


def _plain(src: str) -> bool:
    """Small letters alone: what a chance rewrite is made of."""
    return src.isalpha() and src.islower()


def _chance(taught: dict[tuple[str, str], set[str]], words: set[str],
            known: Counter[str], cased: Counter[str]) -> set[tuple[str, str]]:
    """The taught substitutions that look like chance: letters the
    document's known words print rightly too often for a habit, more than
    ``RIGHTLY_PRINTED`` times as often as the substitution is taught, or,
    for small letters, more often at all where the rewrites explain too
    few of the unknown words holding them (``_`` is what an engine gives
    for any glyph it cannot read, so its letters are any; a word holding
    one is misread twice, and no single rewrite explains it; a name no
    lexicon knows that the rewrite leaves is no misread, and does not
    count). An engine's ligature habit (``m`` for ``ffi``) leaves the
    ligature printed rightly nowhere, however common its small letter is in
    other misread words; a
    capital misread where it opens every word taught (GOCR's ``JVL`` for
    ``M``) is weighed against the words opening with that capital as
    printed (``cased``), not against its small letter's every use."""
    by_src: dict[str, set[str]] = defaultdict(set)
    by_letters: dict[tuple[str, str], int] = defaultdict(int)
    for (src, letters), made_known in taught.items():
        by_src[src] |= made_known
        by_letters[(src.lower(), letters)] += len(made_known)
    chance = set()
    for src, letters in taught:
        if not src.isalpha():
            continue
        if src != src.lower() and all(w.startswith(src) for w in taught[(src, letters)]):
            opening = letters.capitalize()
            rightly = sum(n for word, n in cased.items() if word.startswith(opening))
        else:
            rightly = sum(n * word.count(letters) for word, n in known.items())
        taught_by = by_letters[(src.lower(), letters)]
        holding = sum(src in word and "_" not in word  # a glyph unread too: misread twice
                      and (word in by_src[src] or not word[:1].isupper())  # a name's letters
                      for word in words)
        few = _plain(src) and len(by_src[src]) < MIN_SHARE * holding
        if _rare_pair(src, known, taught_by) and not few:
            continue  # GOCR's ``nr`` for ``w``: letters the document prints rightly
        if rightly > RIGHTLY_PRINTED * taught_by or (few and rightly > taught_by):
            chance.add((src, letters))
    return chance


def _rare_pair(src: str, known: Counter[str], taught_by: int) -> bool:
    """Whether ``src`` is two letters or more that the document's known
    words hold fewer times than the rewrite is taught: an engine that splits
    one letter into two (``nr`` for ``w``, ``allonring``) misreads a letter
    the document prints rightly hundreds of times, but what it gives
    instead, a pair few words hold, is its habit, and no chance rewrite's.

    >>> _rare_pair("nr", Counter({"unrest": 1, "will": 90}), 6)
    True
    >>> _rare_pair("nr", Counter({"unrest": 9, "henry": 9}), 6), _rare_pair("e", Counter(), 6)
    (False, False)
    """
    if len(src) < 2 or not src.isalpha():
        return False
    return sum(n * word.count(src) for word, n in known.items()) < taught_by


def _rewrites(word: str, unread: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """Every ``(misread, letters)`` that, made once, turns ``word`` into a
    known word of ``MIN_LETTERS`` or more, each at its smallest: one small
    letter, or up to ``MAX_SPAN`` characters holding one that is none
    (``R_``, ``u_``), for up to ``MAX_SPAN`` letters, or two small letters
    with one lost between them put back (``iy`` for ``ity``) or read for
    one letter split in two (``nr`` for ``w``), or three with the middle
    one, added, taken out (``aur`` for ``ar``). A rewrite
    of one small letter for another is the spelling stage's (but for a
    letter the document never prints, ``unread``: its engine's habit, which
    no model of other engines knows), and so is one that only adds a letter
    to such a rewrite in the same place
    (``disputo`` is ``dispute``, not ``disputes``: ``o`` for ``es``
    teaches nothing)."""
    lower = word.lower()
    found: set[tuple[int, str, str]] = set()
    for size in range(1, MAX_SPAN + 1):
        for at in range(len(word) - size + 1):
            head, tail = lower[:at], lower[at + size:]
            if size == 2 and _plain(word[at:at + 2]) and len(head) + len(tail) >= MIN_KEPT:
                found.update(lost_letters(word, at, head, tail))
                found.update(split_letter(word, at, head, tail))
            if size == 3 and _plain(word[at:at + 3]) and len(head) + len(tail) >= MIN_KEPT:
                found.update(added_letters(lower, at, head, tail))
            if len(head) + len(tail) < MIN_KEPT or (size > 1 and _plain(word[at:at + size])):
                continue  # too little kept; small letters misread one at a time
            for known in known_between(head, tail):
                letters = known[len(head):len(known) - len(tail)]
                if 0 < len(letters) <= MAX_SPAN and len(known) >= MIN_LETTERS and \
                        not _speck_rather(head + tail, known):
                    src, put = _smallest(word[at:at + size], letters)
                    if src and put and put.isalpha():
                        found.add((at + word[at:].find(src), src, put))
    spelling = {(at, put) for at, src, put in found
                if len(src) == len(put) == 1 and src.islower() and put not in unread}
    capitals = {(src, put.upper()) for at, src, put in found  # ``kose``: R never printed
                if at == 0 and len(src) == len(put) == 1 and src.islower()
                and put.upper() in unread}
    kept = {(src, put) for at, src, put in found
            if (at, put) not in spelling and not (
                len(src) == 1 and ((at, put[0]) in spelling or (at, put[-1]) in spelling))}
    return kept | capitals


def _speck_rather(without: str, rewritten: str) -> bool:
    """Whether the word read without the misread characters is as common
    as the rewritten one: then they are more likely a speck or a letter
    added (``_as`` is ``as``, not ``has``) than a glyph misread (``diRer``
    is ``differ``, though ``dier`` is a word).

    >>> _speck_rather("as", "has"), _speck_rather("dier", "differ")
    (True, False)
    """
    lexicon = load_lexicon()
    return lexicon.count(without) >= lexicon.count(rewritten) > 0 or \
        (lexicon.count(rewritten) == 0 and known_form(without, lexicon))


def _smallest(src: str, letters: str) -> tuple[str, str]:
    """The rewrite without the letters both sides share at either end
    (``iS`` for ``ity`` is ``S`` for ``ty``).

    >>> _smallest("iS", "ity"), _smallest("ie", "le")
    (('S', 'ty'), ('i', 'l'))
    """
    while src and letters and src[0].lower() == letters[0]:
        src, letters = src[1:], letters[1:]
    while src and letters and src[-1].lower() == letters[-1]:
        src, letters = src[:-1], letters[:-1]
    return src, letters
