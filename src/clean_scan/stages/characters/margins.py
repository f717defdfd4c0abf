"""A noisy margin: the dark edge of a scan, or the gutter's shadow, read as
characters at the line starts or ends (``|``, ``;``, ``3``, ``oe``).

Judged by the document as a whole: only where a large share of its lines
open or close with such a fragment are the fragments taken away, so a clean
text, or a newspaper column with a few stray marks, keeps its margins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import load_lexicon

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines


MARGIN_SHARE = 0.25
"""The share of a document's lines that must open (or close) with a
fragment of no word for its margin to be taken for a noisy one (a noisy
border gives a third of the lines one or more; clean print and noisy
newspaper columns under a fifth)."""
MARGIN_LINES = 40
"""Lines a text needs before its margins are judged."""
MARGIN_SAMPLE = 600
"""Lines enough to judge the margins by."""
EDGE_TOKEN = regex.compile(r"\S+")
SHORT_WORDS = frozenset(("a", "A", "I", "i", "O", "o"))
EDGE_MARKS = "“‘\"'(—-_.,;:"
"""The marks stripped from the word a margin token would stand beside."""
LIST_MARKER = regex.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$")


def margin_fragment(token: str) -> bool:
    """A fragment a dark margin or gutter gives the OCR: marks or figures,
    or one or two letters that make no word (``|``, ``3``, ``;``, ``oe``);
    never a short word, an initial, a number, a list marker or a dash.

    >>> [margin_fragment(t) for t in ("|", "3", "=", "ae", "oe", "_._")]
    [True, True, True, True, True, True]
    >>> [margin_fragment(t) for t in ("a", "I", "Be", "(a)", "1.", "—", "37", "W")]
    [False, False, False, False, False, False, False, False]
    """
    if token in SHORT_WORDS or LIST_MARKER.match(token) or token[0] in "—–“‘\"'(":
        return False
    if sum(c.isdigit() for c in token) >= 2:
        return False  # a number: a contents entry's page, a table's figure
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return len(token) <= 4
    if len(token) == 1 and token.isupper():
        return False  # an initial, in a list of names
    return len(token) <= 2 and not load_lexicon().common(token)


def stray_letter(token: str, beside: str, before: str = "") -> bool:
    """In a noisy margin, a one-letter token that is a letter of the
    margin's dirt rather than a word, judged by ``beside``, the word it
    would stand next to in the sentence (the line's next word for a token
    at its start, the next line's first word for one at its end), and
    ``before``, the word it would follow:

    * a small ``i`` alone is no word of English print;
    * a capital other than ``A``, ``I``, ``O`` before a word in small
      letters is no initial (an initial has its stop, and a name follows);
    * ``a`` or ``A`` before a word the article never precedes in print (the
      bigram list never pairs them, a common word though it is: ``a had``);
    * a small ``a`` after a sentence's end (a sentence opens with a
      capital), before a word opening with a vowel (the article is ``an``
      there) or before another article.

    >>> [stray_letter(t, b) for t, b in (("i", "the"), ("E", "means"), ("a", "had"))]
    [True, True, True]
    >>> pairs = (("The", "controlled."), ("alone", "were"), ("A", "so"))
    >>> [stray_letter("a", b, p) for b, p in pairs]
    [True, True, True]
    >>> [stray_letter(t, b) for t, b in (("a", "number"), ("I", "think"), ("E", "Smith"))]
    [False, False, False]
    >>> [stray_letter("a", b, p) for b, p in (("one-sided", "was"), ("Russian", "was"))]
    [False, False]
    """
    if len(token) != 1 or not token.isalpha():
        return False
    word = beside.strip(EDGE_MARKS)
    if token == "i":
        return True
    if token not in "aAIO" and token.isupper():
        return word[:1].islower()
    if token in "aA":
        lexicon = load_lexicon()
        if token == "a" and (before.endswith(SENTENCE_ENDS) or word in ("a", "A", "an") or (
                word[:1] in "aeio" and word.isalpha() and word.lower() not in NOT_AFTER_A
                and word in lexicon)):
            return True
        return word.isalpha() and word.islower() and lexicon.common(word) and \
            lexicon.pair_count("a", word) == 0
    return False


def stray_capital_word(token: str, beside: str, before: str) -> bool:
    """In a noisy margin, a short word with a capital (``Be``, the OCR's
    habit for a blot) inside a running sentence: after no sentence's end
    and before a word in small letters, where print sets a capital only on
    a name, and a word of two letters is no name.

    >>> [stray_capital_word("Be", "these", w) for w in ("of", "revolu-", "ended.", "|")]
    [True, True, False, False]
    >>> [stray_capital_word(t, "these", "of") for t in ("be", "Bet", "US")]
    [False, False, False]
    """
    word = beside.strip(EDGE_MARKS)
    return len(token) == 2 and token[0].isupper() and token[1].islower() and \
        word[:1].islower() and RUNNING_ON.search(before) is not None and \
        load_lexicon().common(token.lower())


RUNNING_ON = regex.compile(r"\p{Ll}[,;-]?$")
"""The end of a word in small letters, a comma or hyphen after it perhaps:
the sentence runs on (not a margin's mark, which may follow its end)."""


SENTENCE_ENDS = (".", "!", "?", ".”", ".’")
NOT_AFTER_A = ("one", "once")
"""Words opening with a vowel letter that the article ``a`` precedes (they
sound ``w``)."""


def noisy_margins(lines: list[str]) -> tuple[bool, bool]:
    """Whether the document's lines open, and whether they close, with
    margin fragments often enough (``MARGIN_SHARE``) to be a noisy border."""
    first = last = total = 0
    step = max(1, len(lines) // MARGIN_SAMPLE)
    for line in lines[::step]:  # a long text's margins are judged on a sample of its lines
        head = line.split(None, 1)
        if len(head) < 2 or " " not in head[1].strip():
            continue  # fewer than three words
        total += 1
        first += len(head[0]) <= 4 and margin_fragment(head[0])
        tail = line.rsplit(None, 1)[-1]
        last += len(tail) <= 4 and margin_fragment(tail)
    if total < MARGIN_LINES:
        return False, False
    return first >= MARGIN_SHARE * total, last >= MARGIN_SHARE * total


def margin_noise(line: str, doc: Lines) -> list[Proposal]:
    """In a document whose border or gutter the OCR read as characters at
    the line starts or ends (a dark scan edge, show-through), the fragments
    of no word standing there go.

    >>> from clean_scan.stages.characters import show
    >>> page = "\\n".join(f"; line {k} of a text whose margin was dark :" for k in range(50))
    >>> show(margin_noise, "| ae are defending not only their soil 3", before=page)
    'are defending not only their soil'
    >>> show(margin_noise, "E means of power at their disposal i", before=page, after="\\nthan")
    'means of power at their disposal'

    Left alone: everything in a document whose margins are clean, and words
    at the margin (``a``, ``I``), list markers and dashes.

    >>> show(margin_noise, "| ae are defending not only their soil 3")
    '| ae are defending not only their soil 3'
    """
    left, right = doc.noisy_margins
    if not (left or right):
        return []
    tokens = list(EDGE_TOKEN.finditer(line))
    if len(tokens) < 3:
        return []
    fixes = []
    if left:
        k = 0
        while k < 2 and k < len(tokens) - 2 and (
                margin_fragment(tokens[k].group())
                or _stray_word(tokens[k].group(), tokens[k + 1].group(),
                               tokens[k - 1].group() if k else _previous_line_end(doc))):
            k += 1
        if k:
            fixes.append(Proposal(tokens[0].start(), tokens[k].start(), "", "margin-noise", 0.85,
                                  "a fragment the dark margin gave the OCR at the line start"))
    if right:
        k = len(tokens)
        following = (doc.line(1).split() or [""])[0]
        while k > len(tokens) - 2 and k > 2 and (
                margin_fragment(tokens[k - 1].group())
                or (k == len(tokens) and _stray_word(tokens[k - 1].group(), following,
                                                     tokens[k - 2].group()))):
            k -= 1
        if k < len(tokens):
            fixes.append(Proposal(tokens[k - 1].end(), tokens[-1].end(), "", "margin-noise", 0.85,
                                  "a fragment the dark margin gave the OCR at the line end"))
    return fixes


def _stray_word(token: str, beside: str, before: str) -> bool:
    """A letter or a short capitalised word at a noisy margin that is its
    dirt, judged by the word it would stand beside and the one before."""
    return stray_letter(token, beside, before) or stray_capital_word(token, beside, before)


def _previous_line_end(doc: Lines) -> str:
    """The last word of the line before ('' after a blank line)."""
    return (doc.line(-1).split() or [""])[-1]
