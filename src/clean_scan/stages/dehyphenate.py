"""Dehyphenate: join words split at line ends.

Decided in the order a proofreader would (the Guiguts ladder):

1. ``¬`` at a line end always marks a split word: join, no hyphen
   (``demonstra¬`` / ``tion`` → ``demonstration``).
2. ``-`` at a line end: the document's own usage decides first: the
   hyphenated form (``self-defence``) or the joined form seen elsewhere in
   the book wins; then the shape of the parts (a capital after the hyphen,
   ``anti-Fascist``, ``Anglo-Soviet``, keeps it); then the era lexicon
   (:func:`_decide_by_lexicon`), so that a short text with no usage of its
   own still keeps ``co-operation``, ``pre-war`` and ``middle-class``.
3. ``*`` at a line end is often a hyphen the OCR misread (``Move*`` /
   ``ment``): joined only when the joined form is a known word.
4. ``- `` inside a line, before a small-letter piece that is no word, is a
   split whose line end an export lost (``con- ference``): joined when the
   whole is a common word.

Left alone: number ranges (``1914-`` / ``18``) and em dashes (the
paragraphs stage closes them up). Works over page breaks: a split word at
the foot of a page joins
the first word of the next.
"""

from __future__ import annotations

from collections import Counter

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import binding_words, load_lexicon
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.vocabulary import WORD, is_known_word

SPLIT = regex.compile(
    r"(?<=\p{L})(?P<mark>[¬\-*])(?P<speck>[ \t]*[.,:;_~'‘’|—=-]{1,3})?[ \t]*\n"
    r"(?P<gap>(?:[ \t]*\f?[ \t]*\n){0,3})[ \t]*(?P<lead>[_~|][ \t]*)?(?P<right>\p{L}+)"
)
"""A mark at a line end between letters, the next word perhaps over a page
break or after blank lines (an engine may end a block inside a split word:
``im-`` / (blank) / ``possible``; then only a small letter goes on with it),
or after a speck or two a rough scan put beside the hyphen (``move- .`` /
``ment``, ``priv- _`` / ``ileged``, a hyphen read twice: ``revolution--`` /
``ary``), or before the next line's piece (``pro-`` / ``_ ductivity``).
Matching starts at the mark, not at every letter: much faster on a book."""
LEFT_WORD = regex.compile(r"\p{L}+$")
LEFT_CONTEXT = 60

HYPHENATING_PREFIXES = frozenset(
    [
        "self",
        "co",
        "non",
        "anti",
        "ex",
        "vice",
        "half",
        "well",
        "ill",
        "semi",
        "quasi",
        "pre",
        "post",
        "pro",
        "counter",
    ]
)
"""Prefixes that period print sets with a hyphen before a word."""


INLINE_SPLIT = regex.compile(r"(?<=\p{L})-[ \t]+(?P<right>\p{Ll}+)")
"""A hyphen and a space inside a line before a small-letter word: a line-end
split whose line end an export lost (``con- ference``), or a suspended
compound (``pre- and post-war``)."""


def run(text: str, context: Context) -> StageResult:
    matches = list(SPLIT.finditer(text))
    counts = _counts_without_fragments(text, matches)
    proposals: list[Proposal] = []
    for match in matches:
        blank_line = "\n" in match.group("gap").replace("\f\n", "")
        if (blank_line or match.group("speck") or match.group("lead")) and \
                not match.group("right")[0].islower():
            continue  # after a blank line, a capital begins a new paragraph
        if (match.group("speck") or match.group("lead")) and \
                (_left_word(match) + match.group("right")).lower() not in load_lexicon():
            continue  # beside a speck, only a word the lexicon knows is taken for a split one
        decision = _decide(match, counts, context)
        if decision is None:
            continue
        joined, rule, confidence, reason = decision
        start, end = match.start("mark"), match.start("right")
        proposals.append(Proposal(start, end, joined, rule, confidence, reason))
    if "- " in text or "-\t" in text:
        proposals += _inline_splits(text, context)
    return StageResult(sorted(proposals, key=lambda p: p.start))


def _inline_splits(text: str, context: Context) -> list[Proposal]:
    """A split word whose line end the export lost, joined where the whole is
    a common word of the lexicon and the second piece no word alone
    (``con- ference`` is ``conference``; ``pre- and post-war`` keeps its
    suspended hyphen).

    >>> [p.rule for p in _inline_splits("the con- ference of pre- and post-war", Context())]
    ['inline-split']
    """
    lexicon = load_lexicon()
    found = []
    for match in INLINE_SPLIT.finditer(text):
        left, right = _left_word(match), match.group("right")
        if lexicon.common(left + right) and right not in lexicon and \
                right not in context.extra_words:
            found.append(Proposal(match.start(), match.start("right"), "", "inline-split", 0.85,
                                  f"{left}- {right}: a split word whose line end was lost, "
                                  f"{left}{right}"))
    return found




def _counts_without_fragments(text: str, matches: list[regex.Match]) -> Counter[str]:
    """Document word counts in lower case, less the split halves themselves:
    ``Mel-`` / ``bourne`` twice in a text must not make ``mel`` a word.

    Only the words the decisions look up are counted (see
    :func:`_queried_words`): counting every word of a book costs more than
    the rest of the stage.
    """
    queried = _queried_words(matches)
    counts = _lower_counts_of(text, queried) if queried else Counter()
    for match in matches:
        counts[_left_word(match).lower()] -= 1
        counts[match.group("right").lower()] -= 1
    return counts


def _queried_words(matches: list[regex.Match]) -> set[str]:
    """Every count :func:`_decide` can look up: the halves (as printed and
    in lower case), the joined and the hyphenated form. A ``¬`` split is
    decided without counts."""
    words: set[str] = set()
    for match in matches:
        if match.group("mark") == "¬":
            continue
        left, right = _left_word(match), match.group("right")
        words.update((left, left.lower(), right, right.lower(), f"{left}{right}".lower(),
                      f"{left}-{right}".lower()))
    return words


def _lower_counts_of(text: str, queried: set[str]) -> Counter[str]:
    """``lower_counts(count_words(text))``, for the ``queried`` keys only.

    Words never cross white space, so the text is counted by its distinct
    white-space separated chunks; a chunk that is ASCII letters between
    punctuation is one word, any other is split as ``vocabulary.WORD`` splits
    it.
    """
    counts: Counter[str] = Counter()
    for chunk, n in Counter(text.split()).items():
        core = chunk.strip(_NOT_IN_WORDS)
        if core.isascii() and core.isalpha():  # the usual chunk: its one word, tested inline
            key = core.lower()
            if key in queried:
                counts[key] += n
            continue
        for word in WORD.findall(chunk):
            key = word.lower()
            if key in queried:
                counts[key] += n
    return counts


_NOT_IN_WORDS = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~0123456789“”‘«»…¬—–"
"""Characters that are neither letters nor a word's inner apostrophe or
hyphen: stripped from a chunk's ends, they leave its one word."""


def _left_word(match: regex.Match) -> str:
    before = match.string[max(0, match.start() - LEFT_CONTEXT) : match.start()]
    return LEFT_WORD.search(before).group()


def _decide(
    match: regex.Match, counts: Counter[str], context: Context
) -> tuple[str, str, float, str] | None:
    """What the stretch from the mark to the next word becomes, and why."""
    left, right, mark = _left_word(match), match.group("right"), match.group("mark")
    if mark == "¬":
        return "", "soft-hyphen", 0.99, f"¬ marks a split word: {left}{right}"
    if mark == "*":
        return _decide_garbled(left, right, counts, context)
    return _decide_hyphen(left, right, counts, context)


def _decide_hyphen(
    left: str, right: str, counts: Counter[str], context: Context
) -> tuple[str, str, float, str] | None:
    """A real hyphen at a line end: split word or compound?

    >>> c = Counter({"self-defence": 3, "organisation": 5})
    >>> _decide_hyphen("self", "defence", c, Context())[0]
    '-'
    >>> _decide_hyphen("organisa", "tion", c, Context())[0]
    ''
    """
    joined, compound = f"{left}{right}", f"{left}-{right}"
    seen_joined = counts.get(joined.lower(), 0)
    seen_compound = counts.get(compound.lower(), 0)
    if seen_compound > seen_joined:
        return "-", "compound-by-usage", 0.95, f"the book writes {compound} ({seen_compound}×)"
    if seen_joined > seen_compound:
        return "", "join-by-usage", 0.95, f"the book writes {joined} ({seen_joined}×)"
    if right[0].isupper() and (not left[0].isupper() or not right.isupper()):
        return "-", "compound-capital", 0.85, f"a capital after the hyphen: {compound}"
    return _decide_by_lexicon(left, right, counts, context)


def _decide_by_lexicon(
    left: str, right: str, counts: Counter[str], context: Context
) -> tuple[str, str, float, str] | None:
    """A line-end hyphen the document's usage does not decide, read with
    the era lexicon: a compound it lists (the period's ``co-operation``,
    ``to-day``) keeps the hyphen before a joined word it also knows
    (``cooperation``, as later print has it); so does a hyphenating prefix
    before a word where the joined form is a rare one of later print
    (``nonintervention``); then a known joined word joins; a hyphenating
    prefix (``self-governing``) or a number (``twenty-five``) before a
    word, and two small-letter words that make no word joined but stand
    together in English as a phrase (``middle-class``, ``so-called``),
    keep it; fragments that are no words alone join. Two words the bigram
    list never pairs are as often a name or a rare word broken at the line
    (``Mary-borough``, ``metal-ling``), and are left to the document's
    counts.

    >>> [_decide_by_lexicon(a, b, Counter(), Context())[0]
    ...  for a, b in (("co", "operation"), ("every", "thing"), ("pre", "war"),
    ...               ("twenty", "five"), ("middle", "class"), ("organisa", "tion"),
    ...               ("non", "intervention"), ("non", "sense"))]
    ['-', '', '-', '-', '-', '', '-', '']

    A word that binds to the next (``the``, ``very``, ``or``) opens no
    compound: a hyphen after it, where the joined form is no word, is a speck
    and the two words stand apart (``the-`` / ``consent``); ``to-day`` is the
    lexicon's and ``with-`` / ``stand`` a split word.

    >>> [_decide_by_lexicon(a, b, Counter(), Context())[0]
    ...  for a, b in (("the", "consent"), ("very", "well"), ("to", "day"), ("with", "stand"))]
    [' ', ' ', '-', '']
    """
    joined, compound = f"{left}{right}", f"{left}-{right}"
    lexicon = load_lexicon()
    words = lexicon.words
    if compound.lower() in words or compound in context.extra_words:
        return "-", "compound-by-lexicon", 0.85, f"{compound} is a compound of the period"
    right_known = is_known_word(right, context, counts) or right.lower() in words
    prefixed = left.lower() in HYPHENATING_PREFIXES and right_known
    if prefixed and not lexicon.common(joined):
        # later print closed up what the period hyphenated (``nonintervention``,
        # ``counterrevolution``); a common joined word is a split one (``non-sense``)
        return "-", "compound-prefix", 0.8, f"{left}- is set with a hyphen"
    if is_known_word(joined, context) or joined.lower() in words:
        return "", "join-by-lexicon", 0.9, f"{joined} is a word"
    if prefixed:
        return "-", "compound-prefix", 0.8, f"{left}- is set with a hyphen"
    if left.lower() in TENS and right.lower() in UNITS:
        return "-", "compound-number", 0.9, f"{compound} is a number"
    if left.lower() in binding_words() and right_known:
        return " ", "speck-hyphen", 0.85, (f"{left} binds to the word after it and opens no "
                                           f"compound: the mark after it is a speck")
    if left.islower() and _lexicon_word(left, words) and _lexicon_word(right, words) and \
            lexicon.pair_count(left, right):
        return "-", "compound-of-words", 0.8, f"{left} {right} is a phrase, {joined} no word"
    left_word = is_known_word(left, context, counts, 2)
    right_word = is_known_word(right, context, counts, 2)
    if not left_word or not right_word:
        return "", "join-fragments", 0.85, f"{left} and {right} are not words alone"
    return None


MIN_PART_LENGTH = 2
"""Shorter parts are letters, never words of a compound (``a-``, ``-s``)."""


def _lexicon_word(part: str, words: dict[str, str]) -> bool:
    return len(part) >= MIN_PART_LENGTH and part.lower() in words


TENS = frozenset(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
UNITS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                   "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                   "ninth"])
"""Number words that print joins with a hyphen (``twenty-five``, ``forty-second``)."""


def _decide_garbled(
    left: str, right: str, counts: Counter[str], context: Context
) -> tuple[str, str, float, str] | None:
    """``*`` at a line end: a hyphen only if that makes a word the text
    prints or the lexicon counts as common (``organisa*`` / ``tion``).

    >>> _decide_garbled("Move", "ment", Counter({"movement": 2}), Context())[0]
    ''
    >>> _decide_garbled("workers", "and", Counter({"workers": 9, "and": 90}), Context()) is None
    True
    """
    joined, compound = f"{left}{right}", f"{left}-{right}"
    if counts.get(compound.lower(), 0) > counts.get(joined.lower(), 0):
        return "-", "garbled-hyphen", 0.9, f"* read for a hyphen: the book writes {compound}"
    if counts.get(joined.lower(), 0) or is_known_word(joined, context) or \
            load_lexicon().common(joined):
        return "", "garbled-hyphen", 0.9, f"* read for a hyphen in the split word {joined}"
    return None


STAGE = Stage("dehyphenate", "join words split at line ends; keep true compounds", run)
