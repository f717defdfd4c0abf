"""The document as the characters stage reads it, line by line: its
vocabulary, measures of its noise (specks, margins, house spacing) and the
pages that carry footnotes, made once and shared by the repairs."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from itertools import accumulate

import regex

from clean_scan.charmaps import (
    COMMON_SHORT_WORDS,
    FOOTNOTE_MARKS,
    LIGATURE_LETTERS,
    OPEN_DOUBLE_GARBLES,
)
from clean_scan.document import Flag, Proposal
from clean_scan.house_style import (
    HOUSE_SHARE,
    SPACED_MARK_NEEDLES,
    SPECKY_HOUSE_SHARE,
    closed_dashes,
    em_dashes,
    house_spaced_marks,
)
from clean_scan.layout import median
from clean_scan.lexicon import MILLION_DIGITS, function_words, load_lexicon, proper_names
from clean_scan.note_lines import printed_note_openings
from clean_scan.quoting import Quoting
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE, Context, confident
from clean_scan.stages.characters.margins import noisy_margins
from clean_scan.stages.characters.specks import (
    HYPHEN_SPECKY,
    SPECKY,
    hyphen_speck_rate,
    speck_rate,
)
from clean_scan.stages.characters.stop_census import (
    comma_odds,
    misread_openers,
    stops_are_specks,
)
from clean_scan.vocabulary import WORD, is_known_word


class Lines:
    """The text as printed lines, with the document's vocabulary at hand."""

    def __init__(self, text: str, context: Context) -> None:
        self.context = context
        self.tokens = _tokens(text)
        self.token_counts = Counter(self.tokens)
        self.counts: Counter[str] = _vocabulary(self.token_counts)
        self.lines = text.split("\n")
        self.starts: list[int] = list(accumulate(map((1).__add__, map(len, self.lines[:-1])),
                                                 initial=0))  # each line's length and its "\n"
        self._needle_lines: dict[str, set[int]] = {}
        self._pattern_lines: dict[regex.Pattern, set[int]] = {}
        self.text = text
        self._footnote_page = _footnote_pages(self)
        self.index = 0
        self._wordlike: dict[str, bool] = {}
        self.learned_readings: dict[str, str] = {}  # printed word: its reading (learned.py's)
        self.glyph_habit = ""  # the one letter the engine reads only as ``_`` (learned.py's)
        self.outside_words = bool(context.extra_words) or "lexicon" in context.shared
        self.ligature_words = {**_lexicon_ligature_splits(), **_ligature_splits(
            word for word, n in self.counts.items() if n >= 2)}

    @cached_property
    def spaced_marks(self) -> str:
        """The marks the document sets after a space as a rule (made when a
        space before a mark asks)."""
        spaced = sorted(self.lines_with(*SPACED_MARK_NEEDLES))
        share = SPECKY_HOUSE_SHARE if self.speck_rate >= SPECKY else HOUSE_SHARE
        return house_spaced_marks(self.text, "\n".join(self.lines[i] for i in spaced), share)

    @cached_property
    def typical_line_length(self) -> float:
        """The median length of the lines over 30 characters long."""
        lengths = [n for n in map(len, self.lines) if n > 30]
        return median(lengths) if lengths else 0

    @cached_property
    def note_page(self) -> list[bool]:
        """For each line, whether a note opens later on its page (made when a
        quote that may be a note's reference asks)."""
        return _note_pages(self)

    @cached_property
    def first_line_of(self) -> dict[str, int]:
        """Each line's text, stripped, and where it first stands: a heading
        sought among all the lines (``PART II``) is found without a walk."""
        return {text: k for k, text in reversed(list(enumerate(map(str.strip, self.lines))))}

    @cached_property
    def note_opening_lines(self) -> set[int]:
        """The lines that open a note, as the footnotes stage reads them."""
        return set(printed_note_openings(self.lines))

    def opens_note(self) -> bool:
        """Whether the current line opens a note (its mark may be garbled)."""
        return self.index in self.note_opening_lines

    @cached_property
    def glued_words(self) -> dict[str, tuple[str, str]]:
        """The document's words in small letters that are two words with the
        space between them lost (:meth:`~clean_scan.lexicon.Lexicon.glued_pair`:
        ``ina``, ``fora``; ``ofthe``, which no lexicon knows, where the
        engine's habit makes it recur), where the document itself prints the
        pair three times as often as the word (as often, for a name, which in
        small letters is none: ``ina``): a book that writes ``cannot`` and
        never ``can not`` keeps it. Where the document glues several
        unknown words after one short word (``GLUED_HABIT``), every unknown
        word so glued is parted. A word capitalised where a sentence opens
        counts as in small letters (``Itis``), and the pair in either case."""
        lexicon, short, names = load_lexicon(), function_words(), proper_names()
        counts = lexicon.words
        candidates = []
        folded: Counter[str] = Counter()
        for word, n in self.counts.items():  # a sentence's capital: ``Itis`` is ``itis``
            lower = word.lower()
            folded[lower if word[1:].islower() and lower not in self.counts else word] += n
        for word, n in folded.items():
            digits = len(counts.get(word, ""))
            if digits > GLUED_DIGITS[1] or len(word) < 3 or not word.isalpha():
                continue  # too common for a pair to outnumber it a thousandfold
            pair = lexicon.glued_pair(word, short)
            if pair is not None:
                candidates.append((word, n, digits, pair))
        found = self._habitually_glued(candidates, counts, short)
        for word, n, digits, pair in candidates:
            if word in found or not digits and n < GLUED_UNKNOWN_TIMES:
                continue  # no lexicon's, and no habit of the engine's either
            printed = len(regex.findall(
                rf"(?<!\p{{L}})(?i:{pair[0][0]}){pair[0][1:]}[ \t\n]+{pair[1]}(?!\p{{L}})",
                self.text))
            if printed >= (1 if word in names else GLUED_IN_TEXT) * n or \
                    digits and "a" in pair and \
                    lexicon.pair_count(*pair) >= GLUED_SURE * lexicon.count(word):
                found[word] = pair  # a name in small letters (``ina``) is no name
        return found

    def _habitually_glued(self, candidates: list[tuple[str, int, int, tuple[str, str]]],
                          counts: dict[str, str],
                          short: frozenset[str]) -> dict[str, tuple[str, str]]:
        """The unknown words that glue a known word after a short word the
        document glues ``GLUED_HABIT`` different unknown words after (of
        ``candidates``' kind: ``ofthe``, ``ofits``): every unknown word so
        made, however seldom printed (``ofinstinctive``)."""
        habits = Counter(pair[0] for _, _, digits, pair in candidates
                         if not digits and pair[0] in short)
        found = {}
        for first, n in habits.items():
            if n < GLUED_HABIT:
                continue
            for word in self.counts:
                rest = word[len(first):]
                if word.startswith(first) and len(rest) >= 2 and rest.isalpha() and \
                        word not in counts and rest in counts:
                    found[word] = (first, rest)
        return found

    @cached_property
    def quoting(self) -> Quoting:
        """How the text quotes (:class:`clean_scan.quoting.Quoting`)."""
        return Quoting.of(self.text)

    @cached_property
    def roman_chapters(self) -> bool:
        """Whether the text numbers its chapters in roman numerals: a line
        of a roman numeral no letter of a figure's shape could make (``II``,
        ``IV``, ``X``) stands alone above a heading in capitals."""
        lines = self.lines
        for k, line in enumerate(lines[:-1]):
            numeral = line.strip().rstrip(".")
            if not ROMAN_CHAPTER.match(numeral):
                continue
            following = next((t.strip() for t in lines[k + 1:k + 4] if t.strip()), "")
            if following.isupper() and sum(c.isalpha() for c in following) >= 4:
                return True
        return False

    @cached_property
    def noisy_margins(self) -> tuple[bool, bool]:
        """:func:`clean_scan.stages.characters.specks.noisy_margins` of the lines."""
        return noisy_margins(self.lines)

    @cached_property
    def closed_dashes(self) -> bool:
        """:func:`clean_scan.house_style.closed_dashes` of the text."""
        return closed_dashes(self.text, specky=self.speck_rate >= SPECKY)

    @cached_property
    def em_dashes(self) -> bool:
        """:func:`clean_scan.house_style.em_dashes` of the text."""
        return em_dashes(self.text)

    def glyph_word(self, token: str) -> bool:
        """Whether ``token`` is the unread glyph standing for the word ``a``: no speck."""
        return self.glyph_habit == "a" and token.strip() == "_"

    @cached_property
    def plain_pairs(self) -> Counter[tuple[str, str]]:
        """How often the text prints each two words side by side (in small
        letters), only a space or a line's end between them: where it prints
        a pair so, a mark read between them elsewhere is a speck's.

        >>> from clean_scan.stage import Context
        >>> pairs = Lines("The Bolsheviks had\\nto go, and: then", Context()).plain_pairs
        >>> sorted(pairs)
        [('bolsheviks', 'had'), ('had', 'to'), ('the', 'bolsheviks'), ('to', 'go')]
        """
        return Counter(PLAIN_PAIR.findall(self.text.lower()))

    @cached_property
    def speck_rate(self) -> float:
        """:func:`clean_scan.stages.characters.specks.speck_rate` of the text."""
        return speck_rate(self.text)

    @cached_property
    def stops_are_specks(self) -> bool:
        """:func:`clean_scan.stages.characters.stop_census.stops_are_specks` of the text."""
        return stops_are_specks(self.text)

    @cached_property
    def straight_quotes(self) -> bool:
        """Whether the engine gives every quote straight (``"``, no curly
        one in the text): its quotations' marks then have a speck's shape."""
        return '"' in self.text and not any(mark in self.text for mark in "‘’“”")

    @cached_property
    def comma_odds(self) -> float:
        """:func:`clean_scan.stages.characters.stop_census.comma_odds` of the text."""
        return comma_odds(self.text)

    @cached_property
    def misread_openers(self) -> frozenset[str]:
        """:func:`clean_scan.stages.characters.stop_census.misread_openers` of the text."""
        return misread_openers(self.text)

    @cached_property
    def glyph_mark(self) -> str:
        """:func:`glyph_mark` of the text."""
        return glyph_mark(self.text)

    @cached_property
    def hyphen_specky(self) -> bool:
        """Whether :func:`clean_scan.stages.characters.specks.hyphen_speck_rate` says
        the text's hyphens between words are specks by the dozen."""
        return hyphen_speck_rate(self.text) >= HYPHEN_SPECKY

    @cached_property
    def number_votes(self) -> dict[str, Counter[str]]:
        """The text's four-digit numbers by their first three digits (made
        when a garbled number asks)."""
        return _number_votes(self.text)

    @cached_property
    def number_counts(self) -> Counter[str]:
        """The text's numbers (made when a number with letters asks)."""
        return Counter(HAS_NUMBER.findall(self.text))

    @cached_property
    def writes_dashes(self) -> bool:
        """Whether the text holds an em or en dash: an engine that writes
        none reads a printed dash as a hyphen."""
        return "—" in self.text or "–" in self.text

    @cached_property
    def character_counts(self) -> Counter[str]:
        """The text's characters, counted (made when a glyph's case asks)."""
        return Counter(self.text)

    def count_as_printed(self, word: str) -> int:
        """How often the document prints ``word`` (case kept), as
        :func:`clean_scan.vocabulary.count_words` counts it. Counted when
        asked (for a word after a speck, seldom), in the tokens holding it."""
        total = 0
        for token, n in self.token_counts.items():
            if word in token:
                total += n * (token == word if token.isalpha() else WORD.findall(token).count(word))
        return total

    def known(self, word: str, min_count: int = 2) -> bool:
        """A word the document uses ``min_count`` times (or the lexicon has)."""
        if self.counts.get(word.lower(), 0) >= min_count:
            return True
        if not self.outside_words:
            return False  # the fast path: no lexicon, no user words
        return is_known_word(word, self.context, self.counts, min_count)

    def known_word(self, word: str) -> bool:
        """:meth:`known`, or a word of four letters or more that the era
        lexicon has: whether a star after a plural is its apostrophe, where
        a short pamphlet may print the word only once. (Fragments are not
        asked so: the lexicon holds many short tokens a fragment may spell;
        nor is a star before a capital, which may stand for a name's last
        letter: ``Jame*``.)"""
        return self.known(word) or (len(word) >= 4 and word in load_lexicon())

    def wordlike(self, fragment: str) -> bool:
        """Is a fragment probably a printed word of its own: a function word,
        or a word the document uses three times (fragments of one broken word
        may recur, so twice is not enough)?"""
        cached = self._wordlike.get(fragment)
        if cached is None:  # computed once per distinct fragment
            lower = fragment.lower()
            if len(fragment) == 1:
                cached = fragment in "aAI"
            elif self.outside_words:
                cached = lower in COMMON_SHORT_WORDS or self.known(lower, 3)
            else:  # known()'s own test, without the call (lower-casing twice changes nothing)
                cached = lower in COMMON_SHORT_WORDS or self.counts.get(lower, 0) >= 3
            self._wordlike[fragment] = cached
        return cached

    def count(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def lines_with(self, *needles: str) -> set[int]:
        """The indices of the lines holding any of ``needles`` (none holding
        a line end): one ``str.find`` over the text per needle, skipping to
        the next line after a hit, which is far faster than a regex or a
        test of every line."""
        found: set[int] = set()
        for needle in needles:
            hits = self._needle_lines.get(needle)
            if hits is None:
                hits = self._needle_lines[needle] = _lines_with(self.text, self.starts, needle)
            found |= hits
        return found

    def lines_matching(self, pattern: regex.Pattern) -> set[int]:
        """The indices of the lines where ``pattern`` (which never crosses a
        line end) matches: one search of the text, once per pattern."""
        found = self._pattern_lines.get(pattern)
        if found is None:
            found = self._pattern_lines[pattern] = {
                bisect_right(self.starts, m.start()) - 1 for m in pattern.finditer(self.text)}
        return found

    @cached_property
    def shaped_lines(self) -> set[int]:
        """The indices of the lines starting with a shape of ``LINE_SHAPE``."""
        return {bisect_right(self.starts, m.start()) - 1
                for m in line_shape().finditer("\n" + self.text)}

    def line(self, offset: int = 0) -> str:
        """The line ``offset`` lines away from the current one ('' outside)."""
        i = self.index + offset
        return self.lines[i] if 0 <= i < len(self.lines) else ""

    def footnote_page(self) -> bool:
        """Does the current page have a footnote starting with ``*`` or ``•``?"""
        return self._footnote_page[self.index]

    def paragraph_start(self) -> bool:
        """Is the current line the first of a paragraph (after a blank line)?"""
        return self.index == 0 or self.line(-1).strip() in ("", "\f")

    def quote_open(self, upto: int) -> bool:
        """Is a “ opened, and not yet closed, before column ``upto`` of this
        line (looking back over this line and the two before)?"""
        window = self.line(-2) + "\n" + self.line(-1) + "\n" + self.line()[:upto]
        opened = window.rfind("“")
        for garble in OPEN_DOUBLE_GARBLES:
            opened = max(opened, window.rfind(" " + garble + " "))
        return opened >= 0 and opened > window.rfind("”")


ROMAN_CHAPTER = regex.compile(r"^(?=.*[VX]|II)(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")
"""A roman numeral no figure's look-alike letters make (not a lone ``I``)."""
GLUED_DIGITS = (1, 7)
"""The digits of a lexicon count a glued word can have: under ten million
(no bigram is counted ten billion times)."""
GLUED_UNKNOWN_TIMES = 2
"""How many times a document must print a glued word no lexicon knows for
it to be parted: an engine that loses a space every time (GNU Ocrad's
``ofthe``) makes it recur. (Parting such words however often printed was
tried: a measured pamphlet's one ``bya`` parted tipped its footnotes into
taking a quotation for a note.)"""
GLUED_HABIT = 5
"""How many different unknown words glued after one short word (``ofthe``,
``ofits``, ``ofphilosophy``) show an engine that loses the space after it
as a habit (GNU Ocrad after ``f`` in some faces): then each such word is
parted, however seldom printed. Five, as for a small letter a document
teaches (``learned.PLAIN_MIN_WORDS``): a rough scan glues a few words
after ``is`` or ``be`` by chance (``isnot``), and ``isting`` is no pair."""
GLUED_IN_TEXT = 3
"""How many times as often as a word its document must print the pair it
may be glued from (the document's own usage outweighs the lexicon's)."""
GLUED_SURE = 10_000
"""How many times as often as a known word the lexicon must count the pair
with the article it may be glued from (the narrowest space an engine loses)
for the document's word to need no support: ``fora`` and ``alow`` against
``for a`` and ``a low``."""


def _tokens(text: str) -> list[str]:
    """The text cut at spaces and line ends: the fragments that
    :func:`spaced_letters` joins, and what :func:`_vocabulary` counts."""
    return text.replace("\n", " ").split(" ")


def _vocabulary(token_counts: Counter[str]) -> Counter[str]:
    """The document's words in lower case, counted: what
    ``lower_counts(count_words(text))`` of :mod:`clean_scan.vocabulary`
    gives (same counts, same order), from the counts of the text's tokens. A
    word holds no space or line end, so the words of the text are those of
    its tokens, and a token of letters only is one word: each distinct token
    is looked at once, twice as fast as searching the whole text."""
    counts: Counter[str] = Counter()
    get = counts.get
    for token, n in token_counts.items():
        if token.isalpha():
            word = token.lower()
            counts[word] = get(word, 0) + n
            continue
        core = token.strip(_NOT_IN_WORDS)  # ``war,`` → ``war``: one word, no regex needed
        if core.isascii() and core.isalpha():
            word = core.lower()
            counts[word] = get(word, 0) + n
            continue
        for word in WORD.findall(token):
            word = word.lower()
            counts[word] = get(word, 0) + n
    return counts


_NOT_IN_WORDS = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~0123456789“”‘«»…¬—–"
"""Characters that are neither letters nor a word's inner apostrophe or
hyphen: a token that is ASCII letters between them is that one word (as
``WORD`` finds it)."""


def _lines_with(text: str, starts: list[int], needle: str) -> set[int]:
    """The indices of the lines of ``text`` (starting at ``starts``) that
    hold ``needle``. It is looked for by its first character that is not a
    space (spaces are everywhere, a mark is rare), the rest checked around
    it; after a hit the search skips to the next line."""
    found: set[int] = set()
    if len(needle) > 1 and any(c not in text for c in needle):
        return found  # (a tab, for one, is rare in a text: the marks need not be visited)
    key = next((k for k, c in enumerate(needle) if c not in " \t"), 0)
    char = needle[key]
    last = len(starts) - 1
    pos = text.find(char, key)
    while pos >= 0:
        if text.startswith(needle, pos - key):
            index = bisect_right(starts, pos - key) - 1
            found.add(index)
            if index == last:
                break
            pos = text.find(char, starts[index + 1] + key)
        else:
            pos = text.find(char, pos + 1)
    return found


def _ligature_splits(words: Iterable[str]) -> dict[tuple[str, str], str]:
    """For each word (of the document, used twice; or of the lexicon)
    holding ligature letters, the two fragments left when the OCR drops the
    ligature: ``(of, ce) → ffi``."""
    splits: dict[tuple[str, str], str] = {}
    for word in words:
        if "f" not in word:
            continue
        for lig in LIGATURE_LETTERS:
            at = word.find(lig)
            if at > 0 and at + len(lig) < len(word):
                splits.setdefault((word[:at], word[at + len(lig):]), lig)
    return splits


@lru_cache(maxsize=1)
def _lexicon_ligature_splits() -> dict[tuple[str, str], str]:
    """:func:`_ligature_splits` of the lexicon's common words (counted a
    million times or more): a pamphlet too short to print ``office`` twice
    still gets ``of ce`` back. Made once per process."""
    common = []
    for word, times in load_lexicon().words.items():  # sorted by count: the common come first
        if len(times) < MILLION_DIGITS:
            break
        if word.isalpha():
            common.append(word)
    return _ligature_splits(common)


PLAIN_PAIR = regex.compile(
    r"(?<![^\s])(\p{Ll}+)(?:[ \t]+\n?|\n)[ \t]*(?=(\p{Ll}+)(?![\p{L}'’-]))")
PAGE_WINDOW = 60
"""Lines to look ahead for a footnote when the text has no page markers."""


def _footnote_pages(doc: Lines) -> list[bool]:
    """For each line: does a footnote line (``* Text`` / ``•Text``) follow it
    on the same page? Only the lines holding a footnote mark are looked at."""
    lines = doc.lines
    return _pages_before(doc, [i for i in doc.lines_with(*FOOTNOTE_MARKS)
                               if FOOTNOTE_LINE.match(lines[i])])


def _note_pages(doc: Lines) -> list[bool]:
    """For each line: does a note, as the footnotes stage reads one (its
    mark garbled or not, ``' Vide``, or dropped), follow it on the same page?"""
    return _pages_before(doc, sorted(doc.note_opening_lines))


def _pages_before(doc: Lines, marks: list[int]) -> list[bool]:
    """For each line: does one of the ``marks`` lines follow it on the same
    page (up to the next page-break line, or ``PAGE_WINDOW`` lines)?"""
    lines = doc.lines
    breaks = sorted(i for i in doc.lines_with("\f") if lines[i].strip(" \t") == "\f")
    result = [False] * len(lines)
    for mark in sorted(marks):
        before = bisect_right(breaks, mark)
        first = max(breaks[before - 1] + 1 if before else 0, mark - PAGE_WINDOW)
        result[first:mark] = [True] * (mark - first)
    return result


FOOTNOTE_LINE = regex.compile(r"^[ \t]*[" + FOOTNOTE_MARKS + r"]+[ \t]*\p{Lu}")


LETTERS = regex.compile(r"\p{L}+")
LEADING_LETTERS = regex.compile(r"\p{L}*")
TRAILING_LETTERS = regex.compile(r"\p{L}+$")
WORD_REACH = 64
"""How far a repair looks for the word beside a mark: a word is never
longer, and a line of thousands of marks then costs no more per mark."""
"""The letters of a word beside a mark, compiled once (a pattern given as a
string costs a cache look-up of ten times the match)."""


FOUR_DIGITS = regex.compile(r"(?<![\d.,])\d{4}(?![\d])")
HAS_NUMBER = regex.compile(r"(?<![\d\p{L}])\d+(?![\d\p{L}])")


def _number_votes(text: str) -> dict[str, Counter[str]]:
    """Four-digit numbers of the text, grouped by their first three digits."""
    votes: dict[str, Counter[str]] = {}
    for m in FOUR_DIGITS.finditer(text):
        votes.setdefault(m.group()[:3], Counter())[m.group()] += 1
    return votes


def line_shape() -> regex.Pattern[str]:
    """The repairs' line shapes as one pattern (:data:`..LINE_SHAPE`, made
    with the repairs' own patterns, which need this module first)."""
    from clean_scan.stages.characters import LINE_SHAPE

    return LINE_SHAPE


def show(repair: Callable[[str, Lines], list[Proposal]], line: str, before: str = "",
         after: str = "", min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> str:
    """Run one repair on ``line`` (with ``before``/``after`` text around it,
    which also feeds the vocabulary) and give the line as repaired: the
    doctests' way to show a repair at work."""
    text = before + ("" if not before or before.endswith("\n") else "\n") + line + after
    doc = Lines(text, Context())
    doc.index = before.count("\n") + (1 if before and not before.endswith("\n") else 0)
    fixes = sorted((f for f in repair(line, doc)
                    if not isinstance(f, Flag) and confident(f.confidence, min_confidence)),
                   key=lambda f: f.start, reverse=True)
    last = len(line) + 1
    for fix in fixes:
        if fix.end <= last:
            line = line[:fix.start] + fix.replacement + line[fix.end:]
            last = fix.start
    return line


MARK_BEFORE_LETTER = regex.compile(r"\p{Ll}[,.;:](\p{Ll})")
GLYPH_MARKS = 20
"""Marks between small letters a document must have for their census to say anything."""
GLYPH_SHARE = 0.8
"""The share of them one letter must follow for the mark to be taken for its stroke."""


def glyph_mark(text: str) -> str:
    """The letter the text's marks between small letters stand before
    nearly always, or '': an engine reading a letter's stroke as a mark
    beside it does so every time (GNU Ocrad's ``,s`` for an ``s`` in
    Nimbus: ``Ru,s,sia``, ``leader,ship``), where a lost space or an
    abbreviation puts no one letter after its marks.

    >>> glyph_mark("the Ru,s,sia of the leader,ship and fir,st ta,sk " * 5), glyph_mark("i.e. e.g")
    ('s', '')
    """
    after = Counter(m.group(1) for m in MARK_BEFORE_LETTER.finditer(text))
    total = sum(after.values())
    if total < GLYPH_MARKS:
        return ""
    letter, n = after.most_common(1)[0]
    return letter if n >= GLYPH_SHARE * total else ""
