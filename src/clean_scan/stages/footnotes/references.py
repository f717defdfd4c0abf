"""A note's reference in the page body: the raised mark after a word.

Read plainly the mark is the note's own figure or symbol (``Finland1``,
``dispute.2``, ``sea,*``, ``town¹``). Garbled, it is the same small shape
read as a quote, an apostrophe, a degree sign or a stop: ``Finland!``,
``organisation’ as``, ``dispute.’``. Those are also ordinary punctuation, so
each candidate is weighed by what ordinary punctuation could not explain: an
apostrophe after a stop where no quotation was opened, an exclamation mark in
the middle of a sentence. Only a candidate weighed high enough is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from clean_scan.charmaps import LETTERS_FOR_DIGIT, SUPERSCRIPT_DIGITS
from clean_scan.layout import Line
from clean_scan.lexicon import (
    function_words,
    known_form,
    l_read_as_mark,
    load_lexicon,
    numbering_words,
)
from clean_scan.stages.footnotes.notes import LAST_WORD, ONE_STROKE_GARBLES, Note, next_page_text


@lru_cache(maxsize=1)
def _not_a_reference_before() -> regex.Pattern:
    """The end of the text before a lone digit that makes the digit a
    number, not a note's reference: a numbering word
    (:func:`clean_scan.lexicon.numbering_words`), a currency or per-cent
    sign, a digit."""
    words = "|".join(sorted(numbering_words(), key=lambda w: (-len(w), w)))
    return regex.compile(rf"(?i)(?:\b(?:{words})\.?|[£$%§]|\d)\s*$")

DIGIT_REFERENCE = r"""(?<=[\p{L}\p{Pe}\p{Pf}.,;:!?’”'")])(?P<gap>\s?)(?P<mark>{mark})(?=\s|—|$)"""
STAR_REFERENCE = regex.compile(r"(?<=[\p{L}.,;:!?’”])(?P<mark>\*)(?=\s|$)")
GARBLED_REFERENCE = regex.compile(
    rf"(?<=[\p{{L}}.,;:’”\"\)])(?P<mark>[’'‘`°º!?•*\"”“~]|[{SUPERSCRIPT_DIGITS}])(?=[\s—–.,;:)]|$)"
    rf"|(?<=[.,;:][ \t])(?P<mark>[’'‘`°º*|!?])(?=[ \t]*$)"
    rf"|(?<=\p{{L}})(?P<mark>-)(?=[ \t]+\p{{L}})")
"""A raised mark misread, glued to the word or stop it follows, or standing
apart after a stop at a line's end (``experience. |``, ``ments. '``,
``unnecessary. !``), or
read as a hyphen before the next word (``society- and``)."""

OPENING_SINGLE_QUOTE = regex.compile(r"(?:^|[\s(\[—“\"])[‘'`](?=\p{L})")
CLOSING_SINGLE_QUOTE = regex.compile(r"(?<=[\p{L}.,;:!?])[’'](?=[\s—.,;:!?)]|$)")
OPENING_DOUBLE_QUOTE = regex.compile(r"(?:^|[\s(\[—‘'])[“\"](?=\p{L})")
CLOSING_DOUBLE_QUOTE = regex.compile(r"(?<=[\p{L}.,;:!?’'])[”\"](?=[\s—.,;:!?)]|$)")

GARBLE_THRESHOLD = 1.5
"""How much a garbled mark must weigh (see :func:`garble_weight`) to be taken."""
WEAK_THRESHOLD = 0.5
"""What a mark must weigh to be taken, flagged, for a note that stands as a
note by itself (small type, or a printed mark) and has no weightier one."""
WEAK_WEIGHT = 0.1
"""The weight such a mark counts for: below any mark weighing enough."""


SPECKS = " =-_~|:;.,'\"‘“"
"""What a page's first line may open with before its text: specks."""


@dataclass
class Reference:
    start: int
    end: int
    line_index: int
    garbled: bool = False
    weak: bool = False


def assign_references(text: str, lines, body: list[int],
                      notes: list[Note]) -> list[Reference | None]:
    """Each note's reference in the page body, or None where none is found.

    The references stand in the body in the order of their notes. Each
    note may take the place carrying its printed mark (weighed highest) or,
    unless its mark is a printed symbol, a garbled mark (weighed by
    :func:`garble_weight`); of the assignments keeping the order, the
    weightiest is taken, so two notes never share a mark and a star goes to
    the note marked with a star.
    """
    garbled = _garbled_candidates(text, lines, body)
    weak_ones = sum(weight < GARBLE_THRESHOLD and mark not in "\"”" for _, weight, mark in garbled)
    options: list[list[tuple[Reference, float]]] = []
    for note in notes:
        printed = _printed_reference(text, lines, body, note)
        choices = [(printed, PRINTED_WEIGHT)] if printed else []
        if note.garbled or note.mark in "*•" or note.mark.isdecimal():
            sure_note = (note.small_type or not note.garbled) and not note.markless
            for ref, weight, mark in garbled:
                if printed is not None and ref.start == printed.start:
                    continue
                if weight >= GARBLE_THRESHOLD:
                    choices.append((ref, weight + mark_fit(mark, note.mark)
                                    + shape_fit(mark, note.number)))
                elif sure_note and mark not in "\"”" and weak_ones == 1:
                    # the one mark on the page that may be the reference; a double quote
                    # closes a quotation; of two or more, none is more likely than the rest
                    choices.append((Reference(ref.start, ref.end, ref.line_index, True, True),
                                    WEAK_WEIGHT))
        options.append(choices)
    return _best_in_order(options)


PRINTED_WEIGHT = 4.0
"""The weight of a reference carrying the note's mark as printed."""
SHAPE_FIT = 0.25
"""What a garbled reference's shape adds to its weight for a note whose
number that shape may be (less than a matching mark's half)."""


QUOTE_SHAPES = str.maketrans("‘’`“”", "\'\'\'\"\"")
"""Each curled quote as its straight shape: one mark, however the engine curls it."""
MARK_FIT, CURL_FIT = 0.5, 0.25
"""What a garbled reference adds to its weight for a note opening with the
same mark, and with the same mark curled otherwise (a speck's shape may
match the note's as well, so less)."""


def mark_fit(mark: str, note_mark: str) -> float:
    """``MARK_FIT`` where a garbled reference is the note's own mark,
    ``CURL_FIT`` where it is that mark however the engine curled it (``’``
    at the reference, ``'`` at the note).

    >>> mark_fit("'", "'"), mark_fit("’", "'"), mark_fit("”", "'")
    (0.5, 0.25, 0.0)
    """
    if mark == note_mark:
        return MARK_FIT
    return CURL_FIT if mark.translate(QUOTE_SHAPES) == note_mark.translate(QUOTE_SHAPES) else 0.0


def shape_fit(mark: str, number: str) -> float:
    """``SHAPE_FIT`` where a garbled reference's shape fits the note's
    number: a raised ``1`` is a single stroke and is read as one (``’``,
    ``'``, ``!``), a wider figure as a wider mark (``?``, ``*``, ``°``). Of
    two notes on a page, the one reference found goes to the note it looks
    like, not to whichever comes last.

    >>> shape_fit("’", "1"), shape_fit("’", "2"), shape_fit("?", "2"), shape_fit("?", "1")
    (0.25, 0.0, 0.25, 0.0)
    """
    if not number.isdecimal():
        return 0.0
    return SHAPE_FIT if (mark in ONE_STROKE_GARBLES) == (number == "1") else 0.0


def _best_in_order(options: list[list[tuple[Reference, float]]]) -> list[Reference | None]:
    """The choice of one option (or none) per note, in text order, of the
    greatest total weight."""
    memo: dict[tuple[int, int], tuple[float, list[Reference | None]]] = {}

    def best(note: int, after: int) -> tuple[float, list[Reference | None]]:
        if note == len(options):
            return 0.0, []
        key = (note, after)
        if key not in memo:
            weight, rest = best(note + 1, after)
            choice: tuple[float, list[Reference | None]] = (weight, [None, *rest])
            for ref, ref_weight in options[note]:
                if ref.start >= after:
                    weight, rest = best(note + 1, ref.end)
                    if ref_weight + weight > choice[0]:
                        choice = (ref_weight + weight, [ref, *rest])
            memo[key] = choice
        return memo[key]

    return best(0, 0)[1]


def _printed_reference(text: str, lines, body: list[int], note: Note) -> Reference | None:
    """The first place carrying the note's number or star; a digit that
    ends a word as the letter of its shape would (``mythica1``) only if no
    other place does, nor a ``1`` read as a letter after a stop (``ments,.l``)."""
    candidates = [note.number] if not note.garbled or note.number.isdecimal() else []
    if note.markless:
        pass
    elif note.mark in "*•":
        candidates.append("*")
    elif note.mark in SUPERSCRIPT_DIGITS:
        candidates.insert(0, note.mark)
    letter_like: Reference | None = None
    for mark in dict.fromkeys(candidates):
        pattern = STAR_REFERENCE if mark == "*" else regex.compile(
            DIGIT_REFERENCE.replace("{mark}", regex.escape(mark)))
        for idx in body:
            line = lines[idx]
            for match in pattern.finditer(text, line.start, line.end):
                before = text[line.line_start : match.start()]
                if mark != "*" and _not_a_reference_before().search(before):
                    continue
                if mark != "*" and _starts_line(text, line, match):
                    continue
                gap_start = match.start("gap") if mark != "*" else match.start("mark")
                found = Reference(gap_start, match.end("mark"), idx)
                if mark == "*" or match.group("gap") or not _reads_as_letter(before, mark):
                    return found
                letter_like = letter_like or found
    if note.number == "1":
        return _one_read_as_a_letter(text, lines, body) or letter_like
    return letter_like


ONE_AS_A_LETTER = regex.compile(r"(?<=\p{Ll}[.,;:]{1,2})(?P<mark>[l|])(?=[ \t]|$)", regex.MULTILINE)
"""A raised 1 read as the stroke it is, a letter or a bar, glued after the
stop or comma closing a word (``ments,.l``): no word ends so."""


def _one_read_as_a_letter(text: str, lines, body: list[int]) -> Reference | None:
    """The first raised ``1`` the engine read as ``l`` or ``|`` after a stop
    or comma, for a note printed ``1`` whose figure is found nowhere.

    >>> from clean_scan.stages.footnotes import Lines
    >>> text = "of mere maladjust-\\nments,.l The growing necessity, i.e. l"
    >>> ref = _one_read_as_a_letter(text, Lines(text), [0, 1])
    >>> text[ref.start:ref.end]
    'l'
    """
    for idx in body:
        line = lines[idx]
        match = ONE_AS_A_LETTER.search(text, line.start, line.end)
        if match is not None:
            return Reference(match.start("mark"), match.end("mark"), idx, garbled=True)
    return None


def _garbled_candidates(text: str, lines, body: list[int]) -> list[tuple[Reference, float, str]]:
    """Every garbled mark in the body weighing enough, with its weight and mark."""
    found = []
    paragraph_start = lines[body[0]].start
    for idx in body:
        line: Line = lines[idx]
        if idx > body[0] and lines.texts[idx - 1] == "":
            paragraph_start = line.start
        after = next_page_text(lines, idx) if idx == body[-1] else None
        for match in GARBLED_REFERENCE.finditer(text, line.start, line.end):
            weight = garble_weight(text, paragraph_start, match, after)
            if among_specks(text[match.end("mark"):line.end]) or \
                    among_specks(engine_words_after(lines, match.end("mark") - 1)):
                weight -= AMONG_SPECKS
            if weight >= WEAK_THRESHOLD:
                start = match.start("mark")
                start -= text[start - 1] in " \t"  # the space before a mark set apart goes too
                ref = Reference(start, match.end("mark"), idx, garbled=True)
                found.append((ref, weight, match.group("mark")))
    return found


def garble_weight(text: str, paragraph_start: int, match: regex.Match,
                  after: str | None = None) -> float:
    """How surely a mark glued to a word is a note's reference misread.

    A star, a superscript or a degree sign is no punctuation of running
    text; an apostrophe after a stop, or after a word the sentence goes on
    from, closes no quotation unless one was opened in the paragraph; an
    exclamation mark the sentence goes on from ends nothing.

    >>> def weigh(s):
    ...     return garble_weight(s, 0, GARBLED_REFERENCE.search(s))
    >>> weigh("of Finland! just as"), weigh("the wolf! He ran")
    (2.0, 0.5)
    >>> weigh("questions of dispute.’"), weigh("he said ‘it is so.’")
    (2.5, 0.5)
    >>> weigh("the workers’ movement"), weigh("the organisation’ as an ideal")
    (1.0, 1.75)
    >>> weigh('of liberal experience." On'), weigh("he called it “liberal experience.” On")
    (2.0, 0.5)
    >>> weigh("must be advanced to” remove it"), weigh("the advanced ones” remove it")
    (1.0, 1.5)
    >>> weigh("the ‘thing in itself,“ he regards")
    2.5
    >>> weigh("questions of dispute.~"), weigh("the terms it relates, is~ not")
    (2.5, 1.0)
    >>> weigh("cadre organisation. That’ is to say"), weigh("developed in’ certain ways")
    (1.0, 1.0)
    >>> weigh("if the fo11owL' ng four conditions")
    0.25
    """
    mark = match.group("mark")
    before = text[match.start("mark") - 1]
    if mark == "-":
        return _hyphen_weight(text, match)
    if before in " \t":
        return 2.0  # a mark set apart after a stop at a line's end: no punctuation's place
    if _inside_a_word(text, match.start("mark"), match.end("mark")):
        return INSIDE_A_WORD  # a letter garbled: no mark, where a line went unread
    following = text[match.end("mark"):match.end("mark") + 4].lstrip(" \n")
    if after is not None and not text[match.end("mark"):match.end("mark") + 1].strip():
        following = after.lstrip(SPECKS)  # the body's last line runs on over the page break
    goes_on = not following or following[0].islower() or following[0] in "—–"
    if mark in SUPERSCRIPT_DIGITS or mark in "*•":
        return 3.0
    if mark in "°º“":
        return 2.5  # no punctuation; an opening quote opens nothing after a word
    if mark == "~":
        return 2.5 if before in ".,;:" else 1.0  # after a word, a speck as a rule
    if mark in "!?":
        if before in ".,;:":
            return 2.5
        if mark == "!" and l_read_as_mark(_last_word(text, match.start("mark"))):
            return INSIDE_A_WORD  # ``Nationa!``: the word's last letter misread
        return 2.0 if goes_on else 0.5
    if mark in "\"”":
        if _quotation_open(text, paragraph_start, match.start("mark"), double=True):
            return 0.5
        if before not in ".,;:" and _last_word(text, match.start("mark")) in function_words():
            return 1.0  # ``advanced to”``: a note annotates no function word
        return 2.0 if before in ".,;:" else (1.5 if goes_on else 1.0)
    if _quotation_open(text, paragraph_start, match.start("mark")):
        return 0.5
    if before in ".,;:":
        return 2.5
    if before in "sS":
        return 1.0  # a plural's possessive (workers’) as often as a mark
    if _last_word(text, match.start("mark")) in function_words():
        return 1.0  # a note annotates a word or phrase; a function word ends neither
    return APOSTROPHE_GOING_ON if goes_on else 1.0


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Whether the mark at ``start:end`` stands between two pieces of one
    word, neither a word the lexicon knows: the engine garbled a letter
    there and broke the word (``fo11owL' ng``, ``wL' thout``). A reference
    follows a word and comes before one, or before punctuation.

    >>> s = "if the fo11owL' ng four; the organisation’ as an; the wolf’ tbe"
    >>> [_inside_a_word(s, s.index(m), s.index(m) + 1) for m in "'’"]
    [True, False]
    >>> _inside_a_word(s, s.rindex("’"), s.rindex("’") + 1)
    False
    """
    head = regex.search(r"\p{L}[\p{L}\d]*$", text[max(0, start - 30):start])
    tail = regex.match(r"[ \t]?(\p{Ll}+)(?![\p{L}\d])", text[end:end + 30])
    if head is None or tail is None:
        return False
    lexicon = load_lexicon()
    return not known_form(head.group(), lexicon) and not known_form(tail.group(1), lexicon)


def _last_word(text: str, end: int) -> str:
    """The word ending at ``end``, lower-cased."""
    word = LAST_WORD.search(text[max(0, end - 30):end])
    return word.group().lower() if word else ""


INSIDE_A_WORD = 0.25
"""A mark between two pieces of one garbled word: a letter the engine
garbled, below even a weak reference (:data:`WEAK_THRESHOLD`)."""
APOSTROPHE_GOING_ON = 1.75
"""An apostrophe after a word the sentence goes on from is a speck as often
as a mark: it weighs less than an exclamation or question mark there."""


SUSPENDED = regex.compile(r"[ \t]+(?P<word>\p{L}+)(?P<then>(?<=\b(?:and|or|nor|to))[ \t]+\p{L}+-)?")
"""The word after a hyphen set before a space, and whether it links a
suspended compound to the next (``pre- and post-war``)."""


def _hyphen_weight(text: str, match: regex.Match) -> float:
    """A hyphen glued to a word before a space is a mark misread, unless it
    opens a suspended compound (``pre- and post-war``) or a compound the
    OCR parted, known to the lexicon or set whole elsewhere in the text
    (``self- government``).

    >>> def weigh(s):
    ...     return garble_weight(s, 0, GARBLED_REFERENCE.search(s))
    >>> weigh("a planned society- and to"), weigh("pre- and post-war")
    (1.5, 0.5)
    >>> weigh("of self- government; self-government is"), weigh("the post- war years")
    (0.5, 0.5)
    """
    before = regex.search(r"\p{L}+$", text[max(0, match.start() - 30):match.start()])
    after = SUSPENDED.match(text, match.end(), match.end() + 40)
    if before is None or after is None or after.group("then"):
        return 0.5
    compound = f"{before.group()}-{after.group('word')}"
    if compound.lower() in load_lexicon() or compound in text:
        return 0.5
    return 1.5


AMONG_SPECKS = 0.5
"""What a garbled mark loses for the specks after it on its line: dirt
falls in patches, and a mark in one is likelier one of its specks."""


def engine_words_after(lines, offset: int) -> str:
    """From a layout file, the words the engine read after the one holding
    ``offset`` on its line ('' from plain text): the specks there that the
    characters stage has taken away since, which :func:`among_specks`
    weighs as it does those still in the text."""
    context = lines.context
    if context is None or context.layout is None or context.raw_span is None:
        return ""
    raw = context.raw_span(offset, offset + 1)[0]
    place, word = context.layout.place(raw), context.layout.word_at(raw)
    if place is None or word is None:
        return ""
    words = place.line.words
    at = next((k for k, w in enumerate(words) if w is word), len(words))
    return " ".join(w.text for w in words[at + 1:])


def among_specks(rest: str) -> bool:
    """Whether what follows a mark on its line is specks alone: marks and
    letters standing alone that are no words (``time.” — : j ;``, or
    ``time.” j`` once the characters stage took the marks).

    >>> among_specks(" — : j ;"), among_specks(" —: j;"), among_specks(" a"), among_specks("")
    (True, True, False, False)
    """
    tokens = rest.split()
    return bool(tokens) and all(_speck(token) for token in tokens)


def _speck(token: str) -> bool:
    """Marks, with one letter at most that is no word (``j;``, ``—:``)."""
    letters = [c for c in token if c.isalnum()]
    return not letters or len(letters) == 1 and len(token) <= 2 and letters[0] not in "aAI"


def _quotation_open(text: str, start: int, end: int, *, double: bool = False) -> bool:
    """Whether a single (or ``double``) quotation opened between ``start``
    and ``end`` is still open there."""
    stretch = text[start:end]
    opening, closing = ((OPENING_DOUBLE_QUOTE, CLOSING_DOUBLE_QUOTE) if double
                        else (OPENING_SINGLE_QUOTE, CLOSING_SINGLE_QUOTE))
    opened = [m.end() for m in opening.finditer(stretch)]
    if not opened:
        return False
    return not closing.search(stretch, opened[-1])


def _reads_as_letter(before: str, digit: str) -> bool:
    """Whether ``digit``, set right after the word ending ``before``, makes
    a known word read as the letter of its shape (``mythica`` + ``1`` is
    ``mythical``): the OCR's misread letter, not a note's reference.

    >>> _reads_as_letter("on a mythica", "1"), _reads_as_letter("the organisation", "1")
    (True, False)
    """
    word = regex.search(r"\p{L}+$", before)
    if word is None:
        return False
    lexicon = load_lexicon()
    return any(known_form(word.group() + letter, lexicon)
               for letter in LETTERS_FOR_DIGIT.get(digit, ()))


def _starts_line(text: str, line: Line, match: regex.Match) -> bool:
    return not text[line.start : match.start("mark")].strip()
