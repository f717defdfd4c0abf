"""Characters: repair characters inside words and printed lines.

Runs on the text still broken into printed lines (after ``furniture``, whose
page breaks are lines holding only ``\\f``), before footnotes, dehyphenation
and paragraph joining. It never joins lines; it looks at the next line only
for context. Each repair is its own function that returns line-relative
:class:`Proposal` es; :func:`run` turns them into proposals. The classes of OCR
failure handled:

* ligature code points and ligatures the OCR dropped or split (``of ce``);
* letters read inside numbers (``l9l4``), list and chapter numbers
  (``lo.``, ``14*``, ``i i``), contents page numbers (``»3``), heading
  numerals (``PART HI``), item letters (``(£)``) and a year with one
  unreadable digit (``194*``);
* digits read inside words (``0f``, ``t0``);
* garbled quotes (``farmers*``, ``Farmers**``, ``” word”``, ``“ word ”``),
  noise stars (``by*the``) and straight apostrophes inside words;
* the stray spaces of italic type (``( b )``, ``order .``), specks
  (``River .Thames``, a ``^`` at a line end, a lone ``|`` between words)
  and spaced em dashes (``it— to``);
* letters of one word spaced apart (``har vest ing``);
* a garbled drop capital (``X he``).

Every decision that needs to know whether a string is a word goes through
:func:`clean_scan.vocabulary.is_known_word`: the document's own vocabulary,
the user's extra words and, once the spelling work provides it,
``context.shared["lexicon"]``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count

import regex

from clean_scan.charmaps import (
    CLOSE_DOUBLE_GARBLES,
    COMMON_SHORT_WORDS,
    DIGIT_FOR_LETTER,
    DIGITS_FOR_LETTER,
    FOOTNOTE_MARKS,
    LETTERS_FOR_DIGIT,
    LIGATURE_LETTERS,
    LIGATURES,
    NUMBER_GARBLES,
    OPEN_DOUBLE_GARBLES,
    ROMAN_FOR_SHAPE,
)
from clean_scan.document import Flag, Proposal
from clean_scan.layout import median
from clean_scan.lexicon import MILLION_DIGITS, load_lexicon
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages.footnotes.notes import note_openings
from clean_scan.stages.lone_specks import lone_speck, speck_after_a_mark
from clean_scan.stages.margins import margin_noise, noisy_margins
from clean_scan.stages.specks import (
    HYPHEN_SPECKY,
    SPECKY,
    STOP_THEN_SMALL,
    doubled_stop,
    hyphen_before_a_space,
    hyphen_speck_rate,
    mark_after_binding_word,
    speck_before_word,
    speck_between_words,
    speck_rate,
    stop_read_as_comma,
    stray_quote,
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
        self.text = text
        self._footnote_page = _footnote_pages(self)
        self.index = 0
        self._wordlike: dict[str, bool] = {}
        self.outside_words = bool(context.extra_words) or "lexicon" in context.shared
        self.ligature_words = {**_lexicon_ligature_splits(), **_ligature_splits(
            word for word, n in self.counts.items() if n >= 2)}

    @cached_property
    def spaced_marks(self) -> str:
        """The marks the document sets after a space as a rule (made when a
        space before a mark asks)."""
        spaced = sorted(self.lines_with(*SPACED_MARK_NEEDLES))
        share = SPECKY_HOUSE_SHARE if self.speck_rate >= SPECKY else HOUSE_SHARE
        return _house_spaced_marks(self.text, "\n".join(self.lines[i] for i in spaced), share)

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
    def note_opening_lines(self) -> set[int]:
        """The lines that open a note, as the footnotes stage reads them."""
        texts = [line.strip(" \t") for line in self.lines]
        return set(note_openings(texts, self.typical_line_length))

    def opens_note(self) -> bool:
        """Whether the current line opens a note (its mark may be garbled)."""
        return self.index in self.note_opening_lines

    @cached_property
    def noisy_margins(self) -> tuple[bool, bool]:
        """:func:`clean_scan.stages.specks.noisy_margins` of the lines."""
        return noisy_margins(self.lines)

    @cached_property
    def closed_dashes(self) -> bool:
        """Whether the text sets its em dashes closed up (``peace—were``):
        five times as many so as with a space either side."""
        closed = len(CLOSED_DASH.findall(self.text))
        return closed >= 5 and closed >= 5 * len(SPACED_DASH_ANY.findall(self.text))

    @cached_property
    def em_dashes(self) -> bool:
        """Whether the text sets its dashes as em dashes (three or more)."""
        return self.text.count("—") >= 3

    @cached_property
    def speck_rate(self) -> float:
        """:func:`clean_scan.stages.specks.speck_rate` of the text."""
        return speck_rate(self.text)

    @cached_property
    def hyphen_specky(self) -> bool:
        """Whether :func:`clean_scan.stages.specks.hyphen_speck_rate` says
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
        line end) matches: one search of the text."""
        return {bisect_right(self.starts, m.start()) - 1 for m in pattern.finditer(self.text)}

    @cached_property
    def shaped_lines(self) -> set[int]:
        """The indices of the lines starting with a shape of ``LINE_SHAPE``."""
        return {bisect_right(self.starts, m.start()) - 1
                for m in LINE_SHAPE.finditer("\n" + self.text)}

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


# --- ligatures -----------------------------------------------------------

LIGATURE_CHAR = regex.compile("[" + "".join(LIGATURES) + "]")


def ligatures(line: str, doc: Lines) -> list[Proposal]:
    """Ligature code points become their letters (search and scoring want
    letters).

    >>> show(ligatures, "the \\ufb01rst o\\ufb03ce")
    'the first office'
    >>> show(ligatures, "the first office")
    'the first office'
    """
    if not LIGATURE_CHAR.search(line):
        return []
    return [Proposal(m.start(), m.end(), LIGATURES[m.group()], "ligature", 0.99,
                "ligature character replaced by its letters")
            for m in LIGATURE_CHAR.finditer(line)]


# --- words split by spaces: spaced letters and broken ligatures -----------



def spaced_letters(line: str, doc: Lines) -> list[Proposal]:
    """Join fragments of one word spaced apart, or split beside a ligature,
    when the document uses the joined word elsewhere and the fragments are
    not themselves words.

    >>> vocab = "harvesting harvesting during during office office "
    >>> show(spaced_letters, "the har vest ing season", vocab)
    'the harvesting season'
    >>> show(spaced_letters, "Dur ing the war", vocab)
    'During the war'
    >>> show(spaced_letters, "the of ce", vocab)
    'the office'

    Left alone: fragments that are words, and joins the document never uses.

    >>> show(spaced_letters, "went in to the office", vocab + "into into")
    'went in to the office'
    >>> show(spaced_letters, "the har vest ing season")
    'the har vest ing season'
    """
    if line is doc.text:  # the usual call: the document's own tokens
        tokens, distinct = doc.tokens, doc.token_counts.keys()
    else:
        tokens = _tokens(line)
        distinct = set(tokens)
    core_of = {token: token.strip(EDGE_PUNCT) for token in distinct}
    lone_of = _lone_of(core_of, doc)
    lone = list(map(lone_of.__getitem__, tokens))
    loners = list(compress(count(), lone))
    tries = sorted({*loners, *map((-1).__add__, loners), *map((-2).__add__, loners)})
    tries = tries[bisect_left(tries, 0):bisect_left(tries, len(tokens) - 1)]
    fixes: list[Proposal] = []
    done = at = pos = 0  # token ``at`` starts at ``pos`` in the text
    quick = not doc.outside_words
    counts, ligatures, ends = doc.counts, doc.ligature_words, len(tokens) - 2
    ligature_ends = {end for _, end in ligatures}
    for i in tries:
        if i < done:
            continue
        if quick:  # the fast way out of _join_at for all sizes at once: most tries end here
            first, second = core_of[tokens[i]], core_of[tokens[i + 1]]
            if not (first and second):
                continue  # an empty fragment (a mark alone, a double space) joins nothing
            pair = first + second
            pair_joins = (lone[i] or lone[i + 1]) and (
                pair.lower() in counts
                or second in ligature_ends and (first.lower(), second) in ligatures)
            if not pair_joins and not (
                    i < ends and (third := core_of[tokens[i + 2]])
                    and (lone[i] or lone[i + 1] or lone[i + 2])
                    and (pair + third).lower() in counts):
                continue
        pos += sum(map(len, tokens[at:i])) + i - at
        at = i
        window = tokens[i:i + 3]
        found = _join_at(line, window, [core_of[t] for t in window], lone[i:i + 3], pos, doc)
        if found is not None:
            fixes.append(found[0])
            done = i + found[1]
    return fixes


EDGE_PUNCT = "([“‘\"'.,;:!?)]”’-—*"


def _lone_of(core_of: dict[str, str], doc: Lines) -> dict[str, bool]:
    """For each token (mapped to its core of letters): is it a fragment of
    letters that is no word of its own (not :meth:`Lines.wordlike`)? With
    no lexicon and no user words, ``wordlike``'s test is made here inline,
    for the thousands of distinct tokens of a book, without its cache."""
    if doc.outside_words:
        wordlike = doc.wordlike
        return {token: core.isalpha() and not wordlike(core) for token, core in core_of.items()}
    get, common = doc.counts.get, COMMON_SHORT_WORDS
    lone_of = {}
    for token, core in core_of.items():
        if not core.isalpha():
            lone_of[token] = False
        elif len(core) == 1:
            lone_of[token] = core not in "aAI"
        else:
            lower = core.lower()
            lone_of[token] = lower not in common and get(lower, 0) < 3
    return lone_of


def _join_at(text: str, tokens: list[str], cores: list[str], lone: list[bool], at: int,
             doc: Lines) -> tuple[Proposal, int] | None:
    """The best join of the first 3 or 2 of ``tokens`` (the first one at
    ``at`` in ``text``, the others one space or line end apart), and how
    many it joins: fragments of letters, one space apart, with no
    punctuation between them and lower case after the first."""
    starts = list(accumulate(map((1).__add__, map(len, tokens)), initial=at))
    for size in (3, 2):
        if size > len(tokens) or not any(lone[:size]):
            continue
        words = cores[:size]
        joined = "".join(words)
        lost = doc.ligature_words.get((words[0].lower(), words[1])) if size == 2 else None
        if lost is None and joined.lower() not in doc.counts and not doc.outside_words:
            continue  # the fast way out: no word to make
        if not all(words) or not joined.isalpha() or not "".join(words[1:]).islower():
            continue
        if not (tokens[0].endswith(words[0]) and all(
                t == w for t, w in zip(tokens[1:size - 1], words[1:-1], strict=True))
                and tokens[size - 1].startswith(words[-1])):
            continue
        if "\n" in "".join(text[starts[k] - 1] for k in range(1, size)):
            continue  # never across a line end
        if tokens[size - 1].endswith(("-", "¬")):
            continue  # the last piece is half a word split at the line end (``of cer-``)
        start = starts[0] + tokens[0].index(words[0])
        end = starts[size - 1] + len(words[-1])
        fix = _judge_join(words, start, end, doc)
        if fix is not None:
            return fix, size
        if lost is not None:
            fix = _judge_join([words[0], lost + words[1]], start, end, doc, dropped=lost)
            if fix is not None:
                return fix, size
    return None


def _judge_join(words: list[str], start: int, end: int, doc: Lines,
                dropped: str = "") -> Proposal | None:
    joined = "".join(words)
    if len(joined) < 3 or not (doc.known(joined, 2) or (dropped and doc.known_word(joined))):
        return None
    fragments = [words[0], words[-1][len(dropped):]] if dropped else words
    wordlike = [doc.wordlike(w) for w in fragments]
    if all(wordlike):
        return None
    ligature_split = dropped or any(
        a.endswith(LIGATURE_LETTERS) or b.startswith(LIGATURE_LETTERS)
        for a, b in zip(words, words[1:], strict=False))
    rule = "broken-ligature" if ligature_split else "spaced-letters"
    confidence = 0.7 if any(wordlike) else (0.9 if doc.count(joined) >= 3 else 0.85)
    if dropped:
        confidence = 0.8 if any(wordlike) else 0.85
    reason = (f"ligature '{dropped}' lost between fragments" if dropped
              else "fragments of one word spaced apart")
    return Proposal(start, end, joined, rule, confidence,
               f"{reason}; '{joined}' occurs {doc.count(joined)} times in the document")


# --- digits and numbers ---------------------------------------------------

HAS_NUMBER = regex.compile(r"(?<![\d\p{L}])\d+(?![\d\p{L}])")
NUMBERLIKE = regex.compile(r"(?<![\p{L}\d])[0-9lIiOoSB]{3,}(?![\p{L}\d])")
DIGIT_BY_LETTER = regex.compile(r"[0-9][lIiOoSB]|[lIiOoSB][0-9]")
"""A digit beside a letter of a digit's shape, which a number with such a
letter has: a quick test of a line before the slower search of its numbers."""


def letters_in_number(line: str, doc: Lines) -> list[Proposal]:
    """A number with one or two letters of a digit's shape becomes digits.

    >>> show(letters_in_number, "before l9l4 and in 19O5")
    'before 1914 and in 1905'

    Left alone: words, and tokens with fewer digits than letters.

    >>> show(letters_in_number, "Oil oil lol l1ll in S.S.")
    'Oil oil lol l1ll in S.S.'

    ``S`` may be a 5 or an 8: the document's own numbers decide, else a flag.

    >>> show(letters_in_number, "born in 1S50", "in 1850 and 1850")
    'born in 1850'
    >>> show(letters_in_number, "born in 1S50")
    'born in 1S50'
    """
    if not DIGIT_BY_LETTER.search(line):
        return []
    fixes = []
    for m in NUMBERLIKE.finditer(line):
        token = m.group()
        digits = sum(c.isdecimal() for c in token)
        letters = len(token) - digits
        if letters == 0 or letters > 2 or digits < letters or token[0] == "B":
            continue
        readings = [""]
        for c in token:
            readings = [r + d for r in readings for d in DIGITS_FOR_LETTER.get(c, c)]
        seen = [r for r in readings if doc.number_counts.get(r)]
        if len(readings) == 1:
            number, confidence = readings[0], 0.9
        elif len(seen) == 1:
            number, confidence = seen[0], 0.85
        else:
            number, confidence = readings[0], 0.6
        fixes.append(Proposal(m.start(), m.end(), number, "letters-in-number", confidence,
                         "letters of a digit's shape inside a number"
                         + (f" (readings {', '.join(readings)})" if len(readings) > 1 else "")))
    return fixes


GARBLED_NUMBER = regex.compile(
    r"(?<![\p{L}\d])(?P<digits>\d{3})(?P<garble>[" + regex.escape(NUMBER_GARBLES) + r"])"
    r"(?![\p{L}\d])")
FOUR_DIGITS = regex.compile(r"(?<![\d.,])\d{4}(?![\d])")


def garbled_number(line: str, doc: Lines) -> list[Proposal]:
    """A four-digit number with its last digit unreadable (``194*``) becomes
    the one number of the document that fits, if the document votes for it.

    >>> show(garbled_number, "published 194*", "in 1942 and 1942, 1942")
    'published 1942'

    Left alone when numbers compete (then flagged):

    >>> show(garbled_number, "published 194*", "in 1942 and 1941, 1941")
    'published 194*'
    """
    fixes = []
    for m in GARBLED_NUMBER.finditer(line):
        votes = doc.number_votes.get(m.group("digits"), Counter())
        if not votes:
            continue
        ranked = votes.most_common()
        best, n = ranked[0]
        rival = ranked[1][1] if len(ranked) > 1 else 0
        confidence = 0.85 if n >= 2 and rival == 0 else 0.5
        fixes.append(Proposal(m.start(), m.end(), best, "garbled-number", confidence,
                         "unreadable digit; the document's numbers vote: "
                         + ", ".join(f"{k} ({v})" for k, v in ranked[:4])))
    return fixes


def _number_votes(text: str) -> dict[str, Counter[str]]:
    """Four-digit numbers of the text, grouped by their first three digits."""
    votes: dict[str, Counter[str]] = {}
    for m in FOUR_DIGITS.finditer(text):
        votes.setdefault(m.group()[:3], Counter())[m.group()] += 1
    return votes


LIST_ENTRY = regex.compile(r"^[ \t]*(\d{1,2})\.[ \t]+\p{Lu}")
LIST_CANDIDATE = regex.compile(r"^(?P<indent>[ \t]*)(?P<num>\S{1,3}?)(?P<mark>[.*,])[ \t]+\p{Lu}")


def list_number(line: str, doc: Lines) -> list[Proposal]:
    """The number of a numbered list or contents entry, garbled (``lo.``,
    ``ii.``, ``14*``, ``t*.``), is read from its shape and its neighbours.

    >>> show(list_number, "lo. Harvests", "9. Seeds\\n", "\\n11. Markets")
    '10. Harvests'
    >>> show(list_number, "14* The End", "13. The Storm\\n")
    '14. The End'
    >>> show(list_number, "t*. Rivers", "11. Markets\\n", "\\n13. Roads")
    '12. Rivers'

    Left alone outside a numbered list:

    >>> show(list_number, "lo. Harvests")
    'lo. Harvests'
    """
    m = LIST_CANDIDATE.match(line)
    if m is None or LIST_ENTRY.match(line):
        return []
    before, after = _neighbour_number(doc, -1), _neighbour_number(doc, 1)
    guesses = set()
    if before:
        guesses.add(before[0] + before[1])
    if after:
        guesses.add(after[0] - after[1])
    if not guesses:
        return []
    mapped = "".join(DIGIT_FOR_LETTER.get(c, c) for c in m.group("num"))
    if mapped.isdecimal():
        value, conf = mapped, 0.9 if guesses == {int(mapped)} else 0.6
    elif before and after and len(guesses) == 1:
        value, conf = str(guesses.pop()), 0.85
    else:
        return []
    start = m.start("num")
    return [Proposal(start, m.end("mark"), value + ".", "list-number", conf,
                f"garbled number of a numbered list (neighbours {before}, {after})")]


def _neighbour_number(doc: Lines, step: int) -> tuple[int, int] | None:
    """The number of the nearest list entry above (step -1) or below (+1),
    at most eight printed lines away, and how many entries away it is
    (garbled entries between count too)."""
    seen = entries = 0
    offset = step
    while seen < 8 and -doc.index <= offset < len(doc.lines) - doc.index:
        text = doc.line(offset)
        offset += step
        if not text.strip():
            continue
        seen += 1
        if LIST_CANDIDATE.match(text):
            entries += 1
        m = LIST_ENTRY.match(text)
        if m:
            return int(m.group(1)), entries
    return None


PAGE_LINE = regex.compile(r"^[ \t]*(?:\p{L}{3,5}[ \t]+)?(?P<num>[^\s\p{L}]{0,1}\d{1,2}|\d{1,2}"
                          r"[^\s\p{L}]?|\p{L}\d)[ \t]*$")
ENTRY_PAGE = regex.compile(r"[ \t](?P<num>\d{1,3}|[^\s\d]\d{1,2}|\d{1,2}[^\s\d])[ \t]*$")


def contents_page_number(line: str, doc: Lines) -> list[Proposal]:
    """A page number of a table of contents with one digit garbled (``»3``,
    ``s8``) becomes the one number that fits between its neighbours' pages;
    a well-formed number out of order is flagged.

    >>> toc = "1. The Start\\n\\n9\\n\\n2. The Middle\\n\\n"
    >>> show(contents_page_number, "»3", toc, "\\n\\n3. The End\\n\\n16")
    '13'
    >>> show(contents_page_number, "5. The Need s8", "4. Waiting 23\\n", "\\n6. After 30")
    '5. The Need 28'

    Left alone outside a numbered list, or when more than one number fits:

    >>> show(contents_page_number, "»3", "nothing here\\n\\n9\\n", "\\n\\n16")
    '»3'
    >>> show(contents_page_number, "»3", "1. Start 9\\n", "\\n2. End 36")
    '»3'
    """
    m = _page_token(line)
    if m is None or not _near_list_entry(doc):
        return []
    token = m.group("num")
    before, after = _page_neighbour(doc, -1), _page_neighbour(doc, 1)
    if before is None or after is None or before >= after:
        return []
    if token.isdecimal():
        if before < int(token) < after:
            return []
        fits = [n for n in range(before + 1, after) if _one_digit_off(token, str(n))]
        if len(fits) != 1:
            return []
        return [Proposal(m.start("num"), m.end("num"), str(fits[0]), "contents-page-number", 0.6,
                    f"page number out of order between {before} and {after}")]
    fits = [n for n in range(before + 1, after) if _fits_garbled(token, str(n))]
    if len(fits) != 1:
        return []
    return [Proposal(m.start("num"), m.end("num"), str(fits[0]), "contents-page-number", 0.85,
                f"garbled page number between {before} and {after}")]


def _page_token(line: str) -> regex.Match | None:
    """The page number of a contents line: the whole line, or an entry's end."""
    m = PAGE_LINE.match(line)
    if m is None and LIST_CANDIDATE.match(line):
        m = ENTRY_PAGE.search(line)
    if m is None or not any(c.isdecimal() for c in m.group("num")):
        return None
    return m


def _near_list_entry(doc: Lines) -> bool:
    return any(LIST_CANDIDATE.match(doc.line(k)) for k in range(-4, 5))


def _page_neighbour(doc: Lines, step: int) -> int | None:
    """The nearest well-formed page number above or below (six lines at most)."""
    seen = 0
    offset = step
    while seen < 6 and -doc.index <= offset < len(doc.lines) - doc.index:
        text = doc.line(offset)
        offset += step
        if not text.strip():
            continue
        seen += 1
        m = _page_token(text)
        if m is not None and m.group("num").isdecimal():
            return int(m.group("num"))
    return None


def _fits_garbled(token: str, number: str) -> bool:
    """Does ``number`` agree with every digit the garbled ``token`` kept?"""
    return len(token) == len(number) and all(
        t == n or not t.isdecimal() for t, n in zip(token, number, strict=True))


def _one_digit_off(token: str, number: str) -> bool:
    return len(token) == len(number) and sum(
        t != n for t, n in zip(token, number, strict=True)) == 1


ROMAN = regex.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")
HEADING_NUMERAL = regex.compile(
    r"^(?P<indent>[ \t]*)(?P<key>\p{Lu}{3,})[ \t]+(?P<num>\S{1,4})[ \t]*$")


def heading_numeral(line: str, doc: Lines) -> list[Proposal]:
    """A roman numeral of a heading (``PART 1``, ``PART HI``) read as digits
    or with ``II`` run together into ``H``: repaired when the document has
    the same heading with the numeral well printed elsewhere.

    >>> show(heading_numeral, "BOOK HI", "BOOK I\\n\\nBOOK II\\n\\nBOOK III\\n\\n")
    'BOOK III'
    >>> show(heading_numeral, "BOOK 1", "BOOK I\\n\\nBOOK II\\n\\n")
    'BOOK I'
    >>> show(heading_numeral, "BOOK 1", "BOOK 2\\n\\n")
    'BOOK 1'
    """
    m = HEADING_NUMERAL.match(line)
    if m is None or ROMAN.match(m.group("num")):
        return []
    numeral = "".join(ROMAN_FOR_SHAPE.get(c, c) for c in m.group("num"))
    if not ROMAN.match(numeral):
        return []
    printed = f"{m.group('key')} {numeral}"
    if not any(other.strip() == printed for other in doc.lines):
        return []
    return [Proposal(m.start("num"), m.end("num"), numeral, "heading-numeral", 0.85,
                f"roman numeral misread; '{printed}' is printed elsewhere")]


LIST_LETTER = regex.compile(r"\([ \t]?(?P<mark>[^\s()])[ \t]?\)")


def list_letter(line: str, doc: Lines) -> list[Proposal]:
    """The letter of an item ``(a) (b) (c)`` misread (``(£)``, ``(r)`` after
    ``(b)``) becomes the letter its neighbours call for.

    >>> show(list_letter, "(£) The Markets", "(a) The Harvest\\n")
    '(b) The Markets'
    >>> show(list_letter, "and (r) the roads, but", "(a) the seeds; ( b) the mills\\n")
    'and (c) the roads, but'

    Left alone: letters in order, and marks with no list around them.

    >>> show(list_letter, "(c) last", "(a) one (b) two\\n")
    '(c) last'
    >>> show(list_letter, "then (a) one", "(a) x (b) y\\n")
    'then (a) one'
    >>> show(list_letter, "(£) 100")
    '(£) 100'
    >>> show(list_letter, "Swallow (s), from", "Albatross (c), from\\n")
    'Swallow (s), from'
    """
    if "(" not in line:
        return []
    fixes = []
    marks = _marks_above(doc)  # then this line's, each added once it is judged
    for m in LIST_LETTER.finditer(line):
        mark = m.group("mark")
        before = _letter_before(marks)
        marks.append(mark)
        if before is None or mark == before or not before.isalpha() or before >= "y":
            continue
        if mark == "a":
            continue  # (a) opens a new list; it is never a misread of a later letter
        expected = chr(ord(before) + 1)
        if mark == expected or (mark.isalpha() and mark.isupper()):
            continue
        confidence = 0.85 if not mark.isalnum() else 0.8
        if mark.isdecimal():
            continue
        fixes.append(Proposal(m.start("mark"), m.end("mark"), expected, "list-letter", confidence,
                         f"item letter misread; the item before is ({before})"))
    return fixes


def _marks_above(doc: Lines) -> list[str]:
    """The item marks of the three non-blank lines above, in order."""
    marks: list[str] = []
    offset = -1
    seen = 0
    while seen < 3 and doc.index + offset >= 0:
        text = doc.line(offset)
        offset -= 1
        if text.strip():
            seen += 1
            marks = LIST_LETTER.findall(text) + marks
    return marks


def _letter_before(marks: list[str]) -> str | None:
    """The letter of the item before, when the items before it run in order
    from ``(a)`` to it (read back from the last: a line of a thousand marks
    costs a few steps, not a thousand)."""
    if not marks or not "a" <= marks[-1] <= "z":
        return None
    run = marks[-1]
    for mark in reversed(marks[:-1]):
        if run == "a":
            break
        if mark != chr(ord(run) - 1):
            return None
        run = mark
    return marks[-1] if run == "a" else None


CHAPTER_NUMBER = regex.compile(r"^[ \t]*([0-9lIi])(?:[ \t]([0-9lIi]))?[ \t]*$")


def chapter_number(line: str, doc: Lines) -> list[Proposal]:
    """A chapter number standing alone above a heading in capitals, garbled
    into letters or spaced apart (``i``, ``i i``, ``1 3``), becomes digits.

    >>> show(chapter_number, "i i", "\\n", "\\n\\nTHE PARTY")
    '11'
    >>> show(chapter_number, "i i", "\\n", "\\n\\nThe party")
    'i i'
    """
    m = CHAPTER_NUMBER.match(line)
    if m is None or not doc.paragraph_start():
        return []
    heading = doc.line(1).strip() or doc.line(2).strip()
    if not heading or not heading.isupper() or sum(c.isalpha() for c in heading) < 4:
        return []
    digits = "".join(DIGIT_FOR_LETTER.get(c, c) for c in (m.group(1) + (m.group(2) or "")))
    if not digits.isdecimal():
        return []
    return [Proposal(m.start(1), m.end(2) if m.group(2) else m.end(1), digits, "chapter-number",
                0.85, "chapter number above a heading, garbled or spaced")]


# --- digits inside words --------------------------------------------------

DIGIT_IN_WORD = regex.compile(r"(?<![\p{L}\d])[\p{L}0158]*[0158][\p{L}0158]*(?![\p{L}\d])")
HAS_0158 = regex.compile(r"(?<=\p{L})[0158]|[0158](?=\p{L})")
"""A 0, 1, 5 or 8 beside a letter, which a word with such a digit has: a
quick test of a line before the slower search of its words."""
ORDINAL = regex.compile(r"^\d+(?:st|nd|rd|th|d|s)$")


def digits_in_word(line: str, doc: Lines) -> list[Proposal]:
    """Digits of a letter's shape inside a word (``0f``, ``t0``, ``a1so``)
    become the letter, when that makes a word of the document.

    >>> show(digits_in_word, "some 0f them went t0 it", "of of of to to to")
    'some of them went to it'

    Left alone: ordinals, and words the document does not know.

    >>> show(digits_in_word, "the 1st and 0x", "of of")
    'the 1st and 0x'
    """
    if not HAS_0158.search(line):
        return []
    fixes = []
    for m in DIGIT_IN_WORD.finditer(line):
        token = m.group()
        if (ORDINAL.match(token) or sum(c.isdecimal() for c in token) > 2
                or not any(c.islower() for c in token)):
            continue
        candidates = [w for w in _letter_readings(token) if doc.known(w, 3)]
        if not candidates:
            continue
        best = max(candidates, key=doc.count)
        fixes.append(Proposal(m.start(), m.end(), best, "digit-in-word", 0.9,
                         f"digit of a letter's shape inside a word; '{best}' is a document word"))
    return fixes


def _letter_readings(token: str) -> list[str]:
    readings = [""]
    for c in token:
        options = LETTERS_FOR_DIGIT.get(c, (c,))
        readings = [r + o for r in readings for o in options]
    return readings


# --- stars and quotes -----------------------------------------------------

STAR_AFTER_WORD = regex.compile(r"(?P<word>\p{L}+|(?<!\d)\d{4})(?P<star>\*)(?!\*)(?P<after>.?)")


def star_after_word(line: str, doc: Lines) -> list[Proposal]:
    """A single ``*`` after a word is a garbled mark; what follows tells which:
    a plural before the next word → apostrophe; a capital or paragraph end →
    full stop; a word glued on → space; otherwise noise.

    >>> v = "the farmers farmers by by the the mills mills rural rural rural"
    >>> show(star_after_word, "the farmers* market by*the mills", v)
    'the farmers’ market by the mills'
    >>> show(star_after_word, "the rural* roads", v)
    'the rural roads'

    Left alone: a ``*`` on a page with a ``*`` footnote (footnote mark), and a
    line-end ``*`` that may be a hyphen (the dehyphenate stage decides).

    >>> show(star_after_word, "the rural* and", v, "\\n* This note")
    'the rural* and'
    """
    if "*" not in line:
        return []
    fixes = []
    for m in STAR_AFTER_WORD.finditer(line):
        fix = _judge_star(line, m, doc)
        if fix is not None:
            fixes.append(fix)
    return fixes


def _judge_star(line: str, m: regex.Match, doc: Lines) -> Proposal | None:
    word, after = m.group("word"), m.group("after")
    star = m.start("star")
    if after.isalpha():
        right = LETTERS.match(line[m.end("star"):]).group()
        if (_is_word(word, doc) and _is_word(right, doc)
                and m.start("word") == _word_start(line, star)):
            return Proposal(star, star + 1, " ", "noise-star", 0.85, "speck between two words")
        return None
    if doc.footnote_page():
        return None
    rest = line[m.end("star"):]
    plural = word.endswith("s") and not word.endswith("ss") and doc.known_word(word)
    if not rest.strip():
        return _star_at_line_end(word, star, plural, doc)
    nxt = rest.lstrip()
    if rest.startswith(" ") and nxt[:1].isupper():
        if not doc.known(word) or len(word) < 3:
            return None  # the star may stand for a letter of a name
        return Proposal(star, star + 1, ".", "garbled-full-stop", 0.6 if plural else 0.8,
                   "star before a new sentence read for a full stop")
    if plural and (nxt[:1].islower() or nxt[:1] in ",;"):
        return Proposal(star, star + 1, "’", "garbled-apostrophe", 0.8,
                   "star after a plural read for an apostrophe")
    if rest.startswith(" ") and nxt[:1].islower() and len(word) > 2 and doc.known(word, 3):
        return Proposal(star, star + 1, "", "noise-star", 0.8, "speck after a word")
    return None


def _star_at_line_end(word: str, star: int, plural: bool, doc: Lines) -> Proposal | None:
    nxt = doc.line(1).strip()
    first = LEADING_LETTERS.match(nxt).group()
    if word.lower() in COMMON_SHORT_WORDS and (nxt[:1].isalpha() or not nxt):
        return Proposal(star, star + 1, "", "noise-star", 0.8, "speck after a function word")
    if nxt[:1].islower():
        if doc.known(word + first, 1) or not doc.known(word):
            return None  # a misread hyphen: the dehyphenate stage joins it
        if plural:
            return Proposal(star, star + 1, "’", "garbled-apostrophe", 0.8,
                       "star after a plural read for an apostrophe")
        return Proposal(star, star + 1, "", "noise-star", 0.8, "speck at a line end")
    if (not nxt or nxt == "\f" or nxt[:1].isupper()) and (
            word.isdecimal() or doc.known(word) or (word.islower() and len(word) > 3)):
        return Proposal(star, star + 1, ".", "garbled-full-stop", 0.6 if plural else 0.8,
                   "star at a sentence end read for a full stop"
                   + (" (or a plural's apostrophe)" if plural else ""))
    return None


def _is_word(word: str, doc: Lines) -> bool:
    return word.lower() in COMMON_SHORT_WORDS or doc.known(word)


def _word_start(line: str, pos: int) -> int:
    i = pos
    while i > 0 and line[i - 1].isalpha():
        i -= 1
    return i


CLOSE_GARBLE = regex.compile(r"(?<=\p{L}[.,!?]?)[ \t]?(?:"
                             + "|".join(regex.escape(g) for g in CLOSE_DOUBLE_GARBLES) + ")")


def garbled_close_quote(line: str, doc: Lines) -> list[Proposal]:
    """``**``, ``’*`` or ``'*`` after a word is a garbled closing ``”``.

    >>> show(garbled_close_quote, "the “League of Farmers** as well")
    'the “League of Farmers” as well'
    >>> show(garbled_close_quote, "its “self-help’*, its")
    'its “self-help”, its'
    >>> show(garbled_close_quote, "and “Hard Times ’* which")
    'and “Hard Times” which'

    Without an open quote it is only flagged:

    >>> show(garbled_close_quote, "the Farmers** as well")
    'the Farmers** as well'
    """
    if "*" not in line:
        return []
    fixes = []
    for m in CLOSE_GARBLE.finditer(line):
        opened = doc.quote_open(m.start())
        if not opened and doc.footnote_page():
            continue  # ``**`` may be the mark of a second footnote
        conf = 0.9 if opened else 0.7
        fixes.append(Proposal(m.start(), m.end(), "”", "garbled-close-quote", conf,
                         "stars and apostrophes for a closing double quote"))
    return fixes


OPEN_GARBLE = regex.compile(
    r"(?<=^|\s)(?:"
    + "|".join(regex.escape(g).replace(r"\ ", "[ \t]*") for g in OPEN_DOUBLE_GARBLES)
    + r")[ \t]+(?=\p{L}[^()“”\n]{0,60}?(?:\p{L}[ \t]?(?:\*\*|['’]\*|”)))")
STAR_SINGLE_OPEN = regex.compile(r"(?<=^|\s)\*[ \t]*‘(?=\p{L}[^‘’“”\n]{0,60}?\p{L}”)")


OPEN_GARBLE_NEEDLES = tuple(garble.split(" ")[0] for garble in OPEN_DOUBLE_GARBLES)
"""What a line with an ``OPEN_GARBLE`` or a ``STAR_SINGLE_OPEN`` holds."""


def garbled_open_quote(line: str, doc: Lines) -> list[Proposal]:
    """An opening ``“`` read as ``(t`` or ``* ‘``, when a closing quote follows.

    >>> print(show(garbled_open_quote, "their (t fair-weather'* friends"))
    their “fair-weather'* friends
    >>> show(garbled_open_quote, "out their * ‘open door” policy")
    'out their “open door” policy'
    >>> show(garbled_open_quote, "the years of ‘ 4 Hard Times ’* which")
    'the years of “Hard Times ’* which'
    >>> show(garbled_open_quote, "see (t above) and")
    'see (t above) and'
    """
    if "(" not in line and "*" not in line:
        return []
    fixes = [Proposal(m.start(), m.end(), "“", "garbled-open-quote", 0.85,
                 "opening double quote read as a bracket and a letter")
             for m in OPEN_GARBLE.finditer(line)]
    fixes += [Proposal(m.start(), m.end(), "“", "garbled-open-quote", 0.85,
                  "opening double quote read as a star and a single quote")
              for m in STAR_SINGLE_OPEN.finditer(line)]
    return fixes


REVERSED_OPEN = regex.compile(r"(?<=^|[ \t(])”[ \t]?(?=\p{L}[^“”\n]{0,60}?\p{L}”)")
SPACED_OPEN = regex.compile(r"(?<=^|[ \t(])“[ \t]+(?=\p{L})")
SPACED_CLOSE = regex.compile(r"(?<=[\p{L}.,!?])[ \t]+”(?=[ \t,.;:!?)]|$)")
SPLIT_CLOSE = regex.compile(r"(?<=\p{L})[ \t]+’[ \t]*’(?=[ \t,.;:!?)]|$)")


def quote_shapes(line: str, doc: Lines) -> list[Proposal]:
    """Quotes turned or spaced: ``” word”`` → ``“word”``,
    ``“ word ”`` → ``“word”``, ``done ’ ’`` → ``done”``.

    >>> show(quote_shapes, "their ” wisdom” over")
    'their “wisdom” over'
    >>> show(quote_shapes, "the “ improvers ” were")
    'the “improvers” were'
    >>> show(quote_shapes, "“Where are we going ’ ’ in")
    '“Where are we going” in'
    >>> show(quote_shapes, "he said: “Go.” Then")
    'he said: “Go.” Then'
    """
    opening, closing, single = "“" in line, "”" in line, "’" in line
    if not (opening or closing or single):
        return []
    fixes: list[Proposal] = []
    if closing:  # each search only where its quote is (they are slow to fail)
        fixes += [Proposal(m.start(), m.end(), "“", "turned-quote", 0.9,
                           "closing quote before a word used as the opening one")
                  for m in REVERSED_OPEN.finditer(line) if not doc.quote_open(m.start())]
    if opening:
        fixes += [Proposal(m.start(), m.end(), "“", "spaced-quote", 0.9,
                           "space after an opening quote")
                  for m in SPACED_OPEN.finditer(line) if not doc.quote_open(m.start())]
    if closing:
        fixes += [Proposal(m.start(), m.end(), "”", "spaced-quote", 0.9,
                           "space before a closing quote")
                  for m in SPACED_CLOSE.finditer(line) if doc.quote_open(m.start())]
    if single:
        fixes += [Proposal(m.start(), m.end(), "”", "spaced-quote", 0.85,
                           "closing double quote read as two spaced single quotes")
                  for m in SPLIT_CLOSE.finditer(line) if doc.quote_open(m.start())]
    return fixes


INNER_APOSTROPHE = regex.compile(r"(?<=\p{L})'(?=\p{L})|(?<=\p{L})'(?=[ \t,.;:!?)]|$)")


def apostrophes(line: str, doc: Lines) -> list[Proposal]:
    """A straight apostrophe in or after a word becomes the printed ``’``.

    >>> print(show(apostrophes, "the man's and the farmers' hope; 'quoted'"))
    the man’s and the farmers’ hope; 'quoted’

    Between two words, a speck:

    >>> print(show(apostrophes, "a rural market'and the", "market market market"))
    a rural market and the
    """
    if "'" not in line:
        return []
    fixes = []
    for m in INNER_APOSTROPHE.finditer(line):
        left = TRAILING_LETTERS.search(line, max(0, m.start() - WORD_REACH), m.start()).group()
        right = LEADING_LETTERS.match(line, m.end(), m.end() + WORD_REACH).group()
        if right.lower() not in CONTRACTIONS and doc.wordlike(left) and doc.wordlike(right):
            fixes.append(Proposal(m.start(), m.end(), " ", "noise-apostrophe", 0.8,
                             "speck between two words read as an apostrophe"))
        else:
            fixes.append(Proposal(m.start(), m.end(), "’", "apostrophe", 0.9,
                             "typographic apostrophe"))
    return fixes


CONTRACTIONS = frozenset(("s", "t", "d", "m", "ll", "re", "ve", ""))


# --- spacing: italic type, specks, dashes ---------------------------------

SPACE_BEFORE = regex.compile(r"(?<=[^\s.\d])[ \t]+(?=[,;:!?)\]](?:\s|$|[”’\"')\],.;:]))"
                             r"|(?<=[\p{L}\d)”’])[ \t]+(?=\.(?:[ \t]|$|[”’)])(?![ \t]*\.))")
SPACE_AFTER = regex.compile(r"(?<=[(\[])[ \t]+(?=[^\s(\[])")


def italic_spacing(line: str, doc: Lines) -> list[Proposal]:
    """The stray spaces that italic type gives the OCR: none before
    ``, . ; : ! ? ) ]`` and none after ``( [``.

    >>> show(italic_spacing, "( b ) the old order . A strong , highly")
    '(b) the old order. A strong, highly'

    Left alone: ellipses, leaders and decimals.

    >>> show(italic_spacing, "and so . . . on page .5 per cent")
    'and so . . . on page .5 per cent'
    """
    fixes = [Proposal(m.start(), m.end(), "", "italic-spacing", 0.9, "space before punctuation")
             for m in SPACE_BEFORE.finditer(line)
             if not _in_ellipsis(line, m.end()) and line[m.end()] not in doc.spaced_marks
             and not _lone_speck_here(line, m.end(), doc)]
    fixes += [Proposal(m.start(), m.end(), "", "italic-spacing", 0.9, "space after a bracket")
              for m in SPACE_AFTER.finditer(line)]
    return fixes


SPACED_MARK = regex.compile(r"(?<=\S[ \t]+)[,.;:!?](?=\s|$)")
"""A mark set after a space. Written to start at the mark: a search of the
whole text is then three times faster than starting at every space."""


SPACED_MARK_NEEDLES = tuple(space + mark for space in " \t" for mark in ",.;:!?")
"""What a line with a ``SPACED_MARK`` holds."""


HOUSE_SHARE = 0.25
SPECKY_HOUSE_SHARE = 0.5
"""The share of a mark's uses set after a space that makes the spacing a
house style: a quarter; a half in a specky document, where dirt read as a
lone mark spaces a third of them by chance."""


def _house_spaced_marks(text: str, spaced_lines: str | None = None,
                        share: float = HOUSE_SHARE) -> str:
    """Marks the document sets after a space as a rule, not by accident: a
    ``share`` of their uses or more, and more than one (older newspapers
    space ``;`` and ``:``; one spaced mark in a short text is italic type's).
    Italic spacing leaves these alone. ``spaced_lines``, if given, are the
    lines of ``text`` that hold a space before a mark (the spaced marks are
    counted there only, which is faster).

    >>> _house_spaced_marks("a ; b ; c; d , e, f, g, h, i, j, k, l.")
    ';'
    """
    marks = ""
    spaced_counts = Counter(SPACED_MARK.findall(text if spaced_lines is None else spaced_lines))
    for mark in ",.;:!?":
        spaced = spaced_counts[mark]
        if spaced >= 2 and spaced >= share * text.count(mark):
            marks += mark
    return marks


def _lone_speck_here(line: str, mark: int, doc: Lines) -> bool:
    """Whether the spaced mark at ``mark`` is a speck that ``lone_speck``
    takes away (a stop before a small letter, or, in a specky document, a
    colon, semicolon or stop standing alone): not italic type's to close up."""
    alone = line[mark + 1:mark + 2] in (" ", "\t", "")
    if line[mark] == "." and alone and line[mark + 1:].lstrip()[:1].islower():
        return True
    if any(start < mark < end for start, end in speck_after_a_mark(line, doc.spaced_marks)):
        return True
    return alone and line[mark] in ".:;" and doc.speck_rate >= SPECKY


def _in_ellipsis(line: str, dot: int) -> bool:
    """Is the ``.`` at ``dot`` part of a spaced ellipsis or leader?"""
    return line[dot:dot + 3] in (". .", "..") or line[max(0, dot - 2):dot] == ". "


INNER_SPECK = regex.compile(r"(?<=\p{L}[ \t])\.(?=\p{Lu}\p{Ll}|\p{Ll}|\d{4})")
LEADING_SPECK = regex.compile(r"^[ \t]*\.(?:[ \t]+(?=\p{Lu}\p{Ll})|(?=\p{Ll}{2}))")
TRAILING_NOISE = regex.compile(r"(?<=\S)[ \t]*[\\^~]+[ \t]*$")


def specks(line: str, doc: Lines) -> list[Proposal]:
    """A speck read as ``.`` before a word or a year, or alone at a line start.

    >>> show(specks, "the River .Thames from .1850-54")
    'the River Thames from 1850-54'
    >>> show(specks, ". The mills are")
    'The mills are'
    >>> show(specks, ".with the farmers, as ever. ^")
    'with the farmers, as ever.'
    >>> show(specks, "a rise of .5 per cent. The end")
    'a rise of .5 per cent. The end'

    Before a word the document mostly writes in lower case, the stop is a
    misplaced full stop, not a speck:

    >>> show(specks, "went very far .After having", "after after after")
    'went very far. After having'
    """
    noise = "^" in line or "~" in line or "\\" in line  # a quick test before the regex
    if "." not in line and not (noise and TRAILING_NOISE.search(line)):
        return []
    fixes = []
    for m in INNER_SPECK.finditer(line):
        after = LEADING_LETTERS.match(line, m.end(), m.end() + WORD_REACH).group()
        if after and doc.count(after) < 2 * doc.count_as_printed(after):
            fixes.append(Proposal(m.start(), m.end(), "", "speck", 0.85,
                             "speck before a word read as a full stop"))
        elif after:
            fixes.append(Proposal(m.start() - 1, m.end(), ". ", "misplaced-full-stop", 0.8,
                             "full stop set after the space"))
        else:
            fixes.append(Proposal(m.start(), m.end(), "", "speck", 0.85,
                             "speck before a number read as a full stop"))
    fixes += [Proposal(m.start(), m.end(), "", "speck", 0.8, "speck at a line start")
              for m in LEADING_SPECK.finditer(line)]
    fixes += [Proposal(m.start(), m.end(), "", "speck", 0.85,
                  "mark never printed in running text, at a line end")
              for m in (TRAILING_NOISE.finditer(line) if noise else ())]
    return fixes


LONE_MARKS = "|¦_^~\\<>•"
"""Marks never printed standing alone between two words of running text."""
LONE_MARK = regex.compile(r"(?<=\S)[ \t]+[" + regex.escape(LONE_MARKS) + r"]{1,2}(?=[ \t]+\S)"
                          r"|^[ \t]*[" + regex.escape(LONE_MARKS.replace("•", "")) +
                          r"]{1,2}[ \t]+(?=\S)")
"""Such marks between two words (the spaces before them go too), or before
the first word of a line (the spaces after them go), save a bullet there."""


def lone_marks(line: str, doc: Lines) -> list[Proposal]:
    """One or two marks standing alone between two words (``the | expense``,
    ``working < class``) or before a line's first word (``^ Already``) are
    specks, or dirt read as marks: no print sets a bar, an underscore or an
    angle bracket by itself in running text.

    >>> show(lone_marks, "the | expense of the working < class ^ and •")
    'the expense of the working class and •'
    >>> show(lone_marks, "^ Already Trotsky")
    'Already Trotsky'

    So is a straight apostrophe alone between two words, when no other on
    the line may pair with it:

    >>> show(lone_marks, "Whatever ' British socialists may think")
    'Whatever British socialists may think'

    Left alone: a mark at a line's end (a ``^`` there is ``specks``'), a
    bullet before a line's first word, a mark opening a note at a page's
    foot (``> Kant's``: its raised figure misread), marks inside or against a word,
    longer runs (``____`` is a blank to fill) and two lone apostrophes (a
    quotation set with spaces).

    >>> show(lone_marks, "• a|b <c> d ____ e |")
    '• a|b <c> d ____ e |'
    >>> show(lone_marks, "the ' Soviet ' system")
    "the ' Soviet ' system"
    """
    fixes = [Proposal(m.start(), m.end(), "", "lone-mark", 0.85,
                      "a mark standing alone between words: a speck")
             for m in LONE_MARK.finditer(line) if m.start() or not doc.opens_note()]
    if "'" in line:
        alone = list(LONE_APOSTROPHE.finditer(line))
        if len(alone) == 1:
            [m] = alone
            fixes.append(Proposal(m.start(), m.end(), "", "lone-mark", 0.8,
                                  "a straight apostrophe standing alone between words, "
                                  "with no other to pair with: a speck"))
    return fixes


LONE_APOSTROPHE = regex.compile(r"(?<=\S)[ \t]+'(?=[ \t]+\S)")
"""A straight apostrophe alone between two words: a speck, unless another
on the line pairs with it (a quotation set with spaces)."""


MARK_AFTER_STOP = regex.compile(
    r"(?<=[\p{L}\p{N})])([.,;:][\"'’”]?)[ \t]+[.,'](?=[ \t]*$|[ \t]+[^\s.,'])")
"""A full stop, comma or apostrophe standing alone after a word that ends
in a stop or comma already (group 1: the word's own marks), before a word
or the line's end."""


MARK_AFTER_STOP_NEEDLES = tuple(space + mark for space in " \t" for mark in ".,'")
"""What ``mark_after_stop`` acts on: a stop, comma or apostrophe after a
space (a run of spaces of any length ends in one of these)."""


def mark_after_stop(line: str, doc: Lines) -> list[Proposal]:
    """A second stop or comma, or an apostrophe, standing alone after a word
    that a stop or comma ends already (``Mrs. Newman. . Mrs. Dorrington``,
    ``Mrs. Glass, , Miss Philp``): a speck of dirt read as a mark, since
    print sets no mark by itself after one.

    >>> show(mark_after_stop, "Mrs. Newman. . Mrs. Glass, , Miss Philp, ' Mr. Hay. ,")
    'Mrs. Newman. Mrs. Glass, Miss Philp, Mr. Hay.'

    Left alone: an ellipsis set with spaces, marks after a word with none
    of its own, and marks against a word.

    >>> show(mark_after_stop, "and so . . . the end. . . . Then , he said .'tis")
    "and so . . . the end. . . . Then , he said .'tis"
    """
    return [Proposal(m.start(), m.end(), m.group(1), "mark-after-stop", 0.85,
                     "a mark standing alone after a word that a mark ends already: a speck")
            for m in MARK_AFTER_STOP.finditer(line) if not _note_reference(line, m, doc)]


def _note_reference(line: str, match: regex.Match, doc: Lines) -> bool:
    """An apostrophe alone at a line's end, on a page with a note at its
    foot, is the note's raised mark misread (``ments. '``): the footnotes
    stage weighs it."""
    return (match.group().endswith("'") and not line[match.end():].strip()
            and doc.note_page[doc.index])


CLOSED_DASH = regex.compile(r"—(?<=\p{L}—)(?=\p{L})")
SPACED_DASH_ANY = regex.compile(r"[ \t]—|—[ \t]")
DOUBLED_DASH = regex.compile(r"—-+|-+—")
SPACED_DASH = regex.compile(r"(?<=[\p{L}”’),;])(?:—[ \t]+|[ \t]+—)(?=\p{L})")


def dashes(line: str, doc: Lines) -> list[Proposal]:
    """Em dashes inside a line are set closed: ``it— to`` → ``it—to``,
    ``power—-to`` → ``power—to``.

    >>> show(dashes, "the mill—-to be; said it— to them; then —was")
    'the mill—to be; said it—to them; then—was'

    Left alone: dashes at a line end, and before figures.

    >>> show(dashes, "wheat prices —1.5% and rain—")
    'wheat prices —1.5% and rain—'
    """
    if "—" not in line:
        return []
    fixes = [Proposal(m.start(), m.end(), "—", "doubled-dash", 0.9, "em dash with a hyphen")
             for m in DOUBLED_DASH.finditer(line)]
    fixes += [Proposal(m.start(), m.end(), "—", "dash-spacing", 0.85, "em dashes are set closed")
              for m in SPACED_DASH.finditer(line)]
    return fixes


# --- drop capital ---------------------------------------------------------

DROP_CAPITAL = regex.compile(r"^(?P<indent>[ \t]*)(?P<cap>\p{Lu})[ \t]+(?P<rest>\p{Ll}[\p{L}’']*)")


def drop_capital(line: str, doc: Lines) -> list[Proposal]:
    """A drop capital set apart from its word at a paragraph start: joined
    when that makes a word, else replaced by the capital that does.

    >>> v = "London’s London’s the the the"
    >>> show(drop_capital, "X he FIRST harvest", v + "\\n\\n")
    'The FIRST harvest'
    >>> show(drop_capital, "L ondon’s fate", v + "\\n\\n")
    'London’s fate'

    Left alone: ``A`` or ``I`` before a word, and lines inside a paragraph.

    >>> show(drop_capital, "A he", v + "\\n\\n")
    'A he'
    >>> show(drop_capital, "X he", v + "\\nsome line")
    'X he'
    """
    m = DROP_CAPITAL.match(line)
    if m is None or not doc.paragraph_start():
        return []
    cap, rest = m.group("cap"), m.group("rest")
    joined = cap + rest
    if doc.known(joined, 2) and not (cap in "AIO" and doc.known(rest, 2)):
        return [Proposal(m.start("cap"), m.end("rest"), joined, "drop-capital", 0.9,
                    "drop capital set apart from its word")]
    if cap in "AIO":
        return []
    options = sorted((c + rest for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if doc.known(c + rest, 2)),
                     key=doc.count, reverse=True)
    if not options:
        return []
    dominant = len(options) == 1 or doc.count(options[0]) >= 5 * doc.count(options[1])
    return [Proposal(m.start("cap"), m.end("rest"), options[0], "drop-capital",
                0.85 if dominant else 0.6, "garbled drop capital; candidates "
                + ", ".join(f"{o} ({doc.count(o)})" for o in options[:3]))]


# --- the stage ------------------------------------------------------------

Repair = Callable[[str, "Lines"], list[Proposal]]
Gate = Callable[["Lines"], set[int]]

WHOLE_TEXT_REPAIRS: tuple[Repair, ...] = (spaced_letters,)
"""Repairs that need no line context: run once over the whole text (faster)."""


def _with(*needles: str) -> Gate:
    """A gate: the lines holding any of ``needles``."""
    return lambda doc: doc.lines_with(*needles)


def _after_indent(pattern: regex.Pattern) -> str:
    """A line-start pattern after its ``^`` and indent, its groups unnamed."""
    body = regex.sub(r"\(\?P<\w+>", "(?:", pattern.pattern).removeprefix("^")
    for indent in ("(?:[ \\t]*)", "[ \\t]*"):
        if body.startswith(indent):
            return body.removeprefix(indent)
    raise ValueError(f"not a line-start pattern with an indent: {pattern.pattern}")


LINE_SHAPE = regex.compile(
    r"\n[ \t]*+(?:" + "|".join(map(_after_indent, (
        LIST_CANDIDATE, PAGE_LINE, HEADING_NUMERAL, CHAPTER_NUMBER, DROP_CAPITAL, LEADING_SPECK)))
    + ")", regex.MULTILINE)
"""A line start of the shapes the line-shaped repairs look for (list entry,
page number, heading, chapter number, drop capital, leading speck), as one
search of the text for all of them; each repair then matches its own. (Each
shape starts with an indent, then a character that is no space.)"""


def _shaped(doc: Lines) -> set[int]:
    return doc.shaped_lines


ITALIC_NEEDLES = tuple(a + b for a in " \t" for b in ",.;:!?)]") + tuple(
    a + b for a in "([" for b in " \t")
"""What ``italic_spacing`` acts on: a space before a mark or after a bracket."""

REPAIRS: tuple[tuple[Repair, Gate], ...] = (
    (margin_noise, lambda doc: set(range(len(doc.lines))) if any(doc.noisy_margins) else set()),
    (ligatures, _with(*LIGATURES)),
    (letters_in_number, _with(*"0123456789")),
    (garbled_number, _with(*NUMBER_GARBLES)),
    (list_number, _shaped),
    (contents_page_number, _shaped),
    (heading_numeral, _shaped),
    (list_letter, lambda doc: doc.lines_matching(LIST_LETTER)),
    (chapter_number, _shaped),
    (digits_in_word, _with("0", "1", "5", "8")),
    (garbled_open_quote, lambda doc: doc.lines_with(*OPEN_GARBLE_NEEDLES)
     & doc.lines_with("(", "*")),
    (garbled_close_quote, _with("*")),
    (star_after_word, _with("*")),
    (quote_shapes, _with("“", "”", " ’", "\t’")),
    (apostrophes, _with("'")),
    (mark_after_stop, _with(*MARK_AFTER_STOP_NEEDLES)),
    (italic_spacing, _with(*ITALIC_NEEDLES)),
    (specks, lambda doc: doc.shaped_lines | doc.lines_with(" .", "\t.", "^", "~", "\\")),
    (lone_marks, _with(*LONE_MARKS, "'")),
    (dashes, _with("—-", "-—", "— ", "—\t", " —", "\t—")),
    (mark_after_binding_word, _with(".", ",", ";", ":", "'", "’", '"', "”")),
    (stop_read_as_comma, lambda doc: doc.lines_matching(STOP_THEN_SMALL)),
    (speck_between_words, _with(".", ":", ";", "_", "~", "=", "|", "•", "-")),
    (hyphen_before_a_space, _with("- ")),
    (doubled_stop, _with("..")),
    (speck_before_word, _with("-", "_", "~", "=", "|", ":", ";", ",")),
    (stray_quote, _with("'", "‘", "’", '"', "“", "”")),
    (lone_speck, _with(" .", " :", " ;", " -", " —", "©", "°", "¢", " =", " •", "\t", "- ", ": ",
                       "; ", "' ", '" ', "| ", " ,", " |", " _", " ~")),
    (drop_capital, _shaped),
)
"""Each line repair with its gate: the lines it can change at all (what it
needs in the line before its first test can pass). A repair runs only on
the lines its gate lets through, not on every line: most lines need none."""


def run(text: str, context: Context) -> StageResult:
    """Run every repair on every line its gate lets through, line by line
    and in the order of ``REPAIRS``; offsets become text offsets."""
    doc = Lines(text, context)
    proposals: list[Proposal] = []
    flags: list[Flag] = []
    for repair in WHOLE_TEXT_REPAIRS:
        proposals += repair(text, doc)
    todo = sorted((index, order) for order, (_, gate) in enumerate(REPAIRS)
                  for index in gate(doc))
    for index, order in todo:
        line = doc.lines[index]
        if not line.strip() or line.strip() == "\f":
            continue
        doc.index = index
        base = doc.starts[index]
        proposals += [Proposal(base + fix.start, base + fix.end, fix.replacement, fix.rule,
                               fix.confidence, fix.reason)
                      for fix in REPAIRS[order][0](line, doc)]
    return StageResult(proposals, flags)


def show(repair: Callable[[str, Lines], list[Proposal]], line: str, before: str = "",
         after: str = "", min_confidence: float = 0.8) -> str:
    """Run one repair on ``line`` (with ``before``/``after`` text around it,
    which also feeds the vocabulary) and give the line as repaired: the
    doctests' way to show a repair at work."""
    text = before + ("" if not before or before.endswith("\n") else "\n") + line + after
    doc = Lines(text, Context())
    doc.index = before.count("\n") + (1 if before and not before.endswith("\n") else 0)
    fixes = sorted((f for f in repair(line, doc) if f.confidence >= min_confidence),
                   key=lambda f: f.start, reverse=True)
    last = len(line) + 1
    for fix in fixes:
        if fix.end <= last:
            line = line[:fix.start] + fix.replacement + line[fix.end:]
            last = fix.start
    return line


STAGE = Stage("characters", "repair characters inside words and lines: ligatures, "
              "digit/letter confusions, garbled quotes, italic spacing, split words, "
              "drop capitals", run)
