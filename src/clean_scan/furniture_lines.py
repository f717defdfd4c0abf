"""What a single line of furniture looks like, read without its page.

Each test here looks at one line and says whether it is a scanning footer,
a library stamp, a printer's signature mark or OCR noise. The furniture
stage adds what only the page can tell (position, repetition, the number
sequence). The vocabularies are those of libraries and scanning projects in
general, matched fuzzily because stamps and footers OCR badly; no word of
any particular book is needed.
"""

from __future__ import annotations

import re

import regex
from rapidfuzz import fuzz, process

_URL = regex.compile(r"(?i)\b(?:https?://|www\.)\S+")
_SCAN_WORDS = regex.compile(
    r"(?i)hathi\s*trust|hdl\.handle\.net|access_use|pd-google|pd-us|google-digiti[sz]ed"
    r"|books\.google|archive\.org|internet\s+archive|with\s+funding\s+from|generated\s+(?:for|on|at)\b.*"
    r"(?:gmt|utc|\d{4}-\d\d-\d\d)|original\s+from\s+\p{Lu}{3,}|public\s+domain.*google"
)
_GOOGLE_LOGO = regex.compile(r"(?i)^(?:by\s+)?[vlgc]?\s?j?[o0]{2}[gq]\s?[li1]?\s?[ec]$")
"""The Google logo as OCR reads it (``VjOOQlC``, ``Google``, ``LjOOQ IC``)."""


_FOOTER_HINTS = ("digit", "google", "hathi", "http", "www", "generated", "archive", "handle",
                 "domain", "original")
_FOOTER_HINT = re.compile("|".join(_FOOTER_HINTS))
"""Any of the hints, found in one search (every line of a book is tested)."""


def scan_footer(line: str) -> float:
    """Confidence that the line is a scanning project's notice.

    >>> scan_footer("Digitized by Google"), scan_footer("Digitized by VjOOQlC")
    (0.97, 0.97)
    >>> scan_footer("Generated for jdoe (Univ. of X) on 2021-03-04 14:22 GMT")
    0.97
    >>> scan_footer("http://www.hathitrust.org/access_use#pd-google")
    0.97
    >>> scan_footer("The Library was digitized by volunteers in the last century.")
    0.0
    """
    text = line.strip()
    if not text or len(text) > 160:
        return 0.0
    lower = text.lower()
    if not _FOOTER_HINT.search(lower) and not _GOOGLE_LOGO.match(text) and \
            fuzz.partial_ratio("digitized by", lower[:16]) < 70:
        return 0.0
    words = text.split()
    head = " ".join(words[:3]).lower()
    if len(words) <= 12 and fuzz.ratio(head[:12], "digitized by") >= 80:
        return 0.97
    if _SCAN_WORDS.search(text):
        return 0.97
    url = _URL.search(text)
    if url and len(url.group()) >= 0.4 * len(text):
        return 0.95  # pamphlets of the period print no web addresses
    if _GOOGLE_LOGO.match(text):
        return 0.9
    return 0.0


def footer_candidates(lines: list[str], lowered: str | None = None) -> set[int]:
    """Indices of the lines that pass :func:`scan_footer`'s first test (a
    footer hint, the Google logo or a head like ``Digitized by``); on any
    other line it returns 0.0. ``lowered`` is the lines joined by ``\\n``
    in lower case, when the caller has it.

    Found in passes over all the lines at once, because every line of a
    book is tested and almost none is a footer.

    >>> sorted(footer_candidates(["the war", "Digitized by Google", "www.x.org", "VjOOQlC"]))
    [1, 2, 3]
    """
    stripped = [line.strip() for line in lines]
    heads = [s[:16].lower() if s.isascii() else s.lower()[:16] for s in stripped]
    found = {index for _, _, index in process.extract(
        "digitized by", heads, scorer=fuzz.partial_ratio, score_cutoff=70, limit=None)}
    found.update(i for i, s in enumerate(stripped)
                 if (len(s) <= 10 or s[:2].lower() == "by") and _GOOGLE_LOGO.match(s))
    if lowered is None:
        lowered = "\n".join(lines).lower()
    found.update(lines_holding(lowered, _FOOTER_HINTS))
    return found


# The logo pattern matches at most ten characters unless it starts with "by"
# (only B, b, Y and y match those letters ignoring case).


def lines_holding(text: str, words: tuple[str, ...]) -> list[int]:
    """The lines of ``text`` (ended by ``\\n``) that hold any of the words,
    in order: a few searches of the whole text instead of one per line.

    >>> lines_holding("a digit\\nnone\\nwww and http", ("www", "http", "digit"))
    [0, 2]
    """
    positions = []
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            positions.append(pos)
            pos = text.find(word, pos + 1)
    return line_numbers(text, positions)


def line_numbers(text: str, positions: list[int]) -> list[int]:
    """The lines (counted from 0, ended by ``\\n``) that hold the positions,
    in order and each once.

    >>> line_numbers("ab\\ncd\\nef", [5, 0, 4, 1])
    [0, 1]
    """
    found: list[int] = []
    line = last = 0
    for pos in sorted(positions):
        line += text.count("\n", last, pos)
        last = pos
        if not found or found[-1] != line:
            found.append(line)
    return found


_NUMBERED_LABELS = ("class", "book", "call", "accession", "acc", "shelf", "reg", "copy", "vol")
_STAMP_PHRASES = (
    "shelf mark", "date of issue", "date due", "due date", "date last stamped", "central library",
    "public library", "university library", "college library", "library",
    "this book must be returned", "return this book", "returned on or before",
    "last date stamped", "borrower", "overdue", "withdrawn", "discarded",
)
_PLAIN_WORD = regex.compile(r"^[\"'(‘“]?\p{Ll}{3,}[.,;:!?)\"'’”]*$")


_NON_LETTERS = regex.compile(r"[^\p{L}\s]+")
_LONGEST_PHRASE = max(len(p) for p in _STAMP_PHRASES)


def _letters(text: str) -> str:
    return " ".join(_NON_LETTERS.sub(" ", text).lower().split())


def library_stamp(line: str, *, strict: bool = True) -> float:
    """Confidence that the line is a library's stamp, label or slip.

    Stamps are short and carry a library's vocabulary among garbled
    numbers; a sentence that uses the same words is prose, not a stamp.
    ``strict=False`` is for the first and last leaves of a book, where
    libraries put their stamps and slips: there a badly garbled stamp word
    is still accepted.

    >>> library_stamp("Class No :- 3Z1 . o £(,"), library_stamp("Bock No;. 7 | (2", strict=False)
    (0.95, 0.9)
    >>> stamp = "ll Central Lihrarv *"
    >>> library_stamp(stamp, strict=False), library_stamp(stamp)
    (0.9, 0.0)
    >>> library_stamp("the working class no longer believed in it")
    0.0
    >>> library_stamp("PUBLIC LIBRARIAN."), library_stamp("The trustees of the Public Library,")
    (0.0, 0.0)
    >>> library_stamp("ATTITUDE. The trustees-of the Free Public Library,")
    0.0
    >>> library_stamp("BRISBANE HOSPITAL AND ITS LIBRARY.- State of the")
    0.0

    A line closing with a stop is a heading, not a stamp, unless it carries
    a stamp's numbered label:

    >>> library_stamp("THE PUBLIC LIBRARY."), library_stamp("PUBLIC LIBRARY")
    (0.0, 0.95)
    >>> library_stamp("THE PUBLIC LIBRARY.", strict=False), library_stamp("Class No. 3Z1.")
    (0.0, 0.95)
    """
    words = line.split()
    if not words or len(words) > 14 or len(line) > 2 * _LONGEST_PHRASE + 20:
        return 0.0  # stamps are short; a full line of print is text
    plain = sum(1 for w in words for piece in w.split("-") if _PLAIN_WORD.match(piece))
    letters = _letters(line)  # ``trustees-of``: a speck read as a hyphen joins two words
    if len(letters) < 4 or (plain > 2 and len(letters) > 2 * _LONGEST_PHRASE):
        return 0.0
    best = _numbered_label(letters, strict) if plain <= 2 else 0.0
    if best < 0.95 and line.rstrip(" \t\"'’”").endswith("."):
        return best  # a heading closes with a stop (``THE PUBLIC LIBRARY.``); a stamp does not
    words_in = letters.split()
    if strict and best < 0.95:
        return 0.95 if _phrase_read_closely(words_in, plain, len(letters)) else best
    runs_by_size: dict[int, list[str]] = {}
    cutoff = 95 if strict else 80  # below it a score changes nothing
    for phrase, size, long_phrase in _PHRASES:
        if best >= 0.95:
            break  # nothing scores higher
        if plain > 1 and not long_phrase:
            continue
        if long_phrase and len(phrase) < 0.3 * len(letters):
            continue
        if size == 1:  # a single word must be read exactly
            if any(_named(words_in, k) for k, word in enumerate(words_in) if word == phrase):
                best = 0.95
            continue
        runs = runs_by_size.get(size)
        if runs is None:
            runs = runs_by_size[size] = _word_runs(words_in, size)
        score = _best_ratio(phrase, runs, cutoff)
        if score >= 95:
            best = 0.95
        elif strict:
            continue
        elif score >= 85:
            best = max(best, 0.9)
        elif score >= 80:
            best = max(best, 0.85)
    return best


_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?"
_STAMP_DATE = (rf"(?:{_MONTH}\s*\d{{1,2}},?\s*(?:\d{{4}}|['’]?\d\d)"
               rf"|\d{{1,2}}\s*{_MONTH}\s*(?:\d{{4}}|['’]?\d\d))")
_DATE_STAMPS = regex.compile(rf"^\W*{_STAMP_DATE}(?:\W+{_STAMP_DATE})*\W*$")


def date_stamp(line: str) -> bool:
    """Dates and nothing else, the month as a library's dating stamp sets
    it, in capitals and cut short (``MAR 3 1947``, ``12 OCT '48``): the
    column of a date-due slip. Only a first or last leaf is asked: inside
    a book such a line may be a letter's date.

    >>> date_stamp("MAR 3 1947"), date_stamp("12 OCT '48  JAN 5 1949"), date_stamp("March 3, 1947")
    (True, True, False)
    """
    return len(line) <= 80 and _DATE_STAMPS.match(line.strip()) is not None


_SLIP_WORDS = regex.compile(r"(?i)\bdate\s+(?:last\s+)?stamped\b|\bdate\s+due\b"
                            r"|\bmust\s+be\s+returned\b|\breturn(?:ed)?\s+(?:this\s+book\s+)?"
                            r"on\s+or\s+before\b")


def due_slip(line: str) -> bool:
    """The sentence of a date-due slip (``This book is due on the last date
    stamped below``): plain words, so :func:`library_stamp` takes it for
    prose. Only a first or last leaf is asked.

    >>> due_slip("This book is DUE on the last date stamped below."), due_slip("the date due")
    (True, True)
    >>> due_slip("the rent was due at the end of the week"), due_slip("the amount due on a bill")
    (False, False)
    """
    return len(line) <= 120 and _SLIP_WORDS.search(line) is not None


_PHRASES = tuple((phrase, len(phrase.split()), len(phrase) >= 15) for phrase in _STAMP_PHRASES)
"""Each stamp phrase with its number of words and whether it is long."""


_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "my", "your",
                          "this", "that", "these", "those", "whose"))
"""Words that refer to a thing already named: prose says ``its library``,
a stamp names the library (``Central Library``)."""


def _named(words: list[str], k: int) -> bool:
    """Whether the stamp word ``words[k]`` is named as a stamp names it, not
    referred to as prose does, after a determiner (``and its library``).

    >>> _named(["public", "library"], 1), _named(["hospital", "and", "its", "library"], 3)
    (True, False)
    """
    return k == 0 or words[k - 1] not in _DETERMINERS


def _phrase_read_closely(words: list[str], plain: int, letters: int) -> bool:
    """Strict reading of :func:`library_stamp`'s phrases: is one of them a
    word of the line, or read with a ratio of 95 or more in a run of as
    many words? The same phrases qualify as in its loop (long phrases only
    among plain words, and only in a line not much longer than they are).

    A ratio of 95 needs a run about as long as the phrase, so each run only
    meets the phrases of its length (``_NEAR_BY_LENGTH``).
    """
    if plain <= 1 and any(_named(words, k) for k, word in enumerate(words)
                          if word in _SINGLE_WORD_PHRASES):
        return True
    for size, by_length in _NEAR_BY_LENGTH.items():
        for k in range(max(1, len(words) - size + 1)):
            run = " ".join(words[k : k + size])
            for phrase, long_phrase in by_length.get(len(run), ()):
                if (plain > 1 and not long_phrase) or (long_phrase
                                                       and len(phrase) < 0.3 * letters):
                    continue
                if fuzz.ratio(phrase, run) >= 95:
                    return True
    return False


def _near_by_length() -> dict[int, dict[int, list[tuple[str, bool]]]]:
    """For each number of words, the run lengths at which each phrase can
    score 95: a ratio is at most ``200 * shorter / (sum of the lengths)``."""
    table: dict[int, dict[int, list[tuple[str, bool]]]] = {}
    for phrase, size, long_phrase in _PHRASES:
        if size == 1:
            continue
        chars = len(phrase)
        for length in range(1, 2 * chars + 1):
            if 200 * min(chars, length) >= 95 * (chars + length):
                table.setdefault(size, {}).setdefault(length, []).append((phrase, long_phrase))
    return table


_NEAR_BY_LENGTH = _near_by_length()
_SINGLE_WORD_PHRASES = frozenset(phrase for phrase, size, _ in _PHRASES if size == 1)


def _word_runs(words: list[str], size: int) -> list[str]:
    """The line's runs of ``size`` words (the whole line if it is shorter),
    so that a stamp word matches whole words only."""
    return [" ".join(words[k : k + size]) for k in range(max(1, len(words) - size + 1))]


def _best_ratio(phrase: str, runs: list[str], cutoff: int) -> float:
    """The best fuzzy ratio of the phrase against the runs, where it reaches
    ``cutoff``; else some score below ``cutoff``.

    A ratio is at most ``200 * shorter / (sum of lengths)``, so a run whose
    length is too far from the phrase's cannot reach the cutoff and is not
    scored.
    """
    size = len(phrase)
    best = 0.0
    for run in runs:
        length = len(run)
        if 200 * min(size, length) >= cutoff * (size + length):
            best = max(best, fuzz.ratio(phrase, run))
    return best


_LABEL_NO = regex.compile(r"(\w+) no\b")


def _numbered_label(letters: str, strict: bool) -> float:
    """``Class No``, ``Bock No;.`` (Book No): a library label before its number."""
    best = 0.0
    for match in _LABEL_NO.finditer(letters):
        score = max(fuzz.ratio(match.group(1), label) for label in _NUMBERED_LABELS)
        if score >= 95:
            best = max(best, 0.95)
        elif score >= 75 and not strict:
            best = max(best, 0.9)
    return best


_SIGNATURE = regex.compile(r"^[^\w\s]{0,2}\s*\p{Lu}\s?[\p{Ll}\d*]?\s*[^\w\s]?$")


def signature_mark(line: str) -> bool:
    """A printer's signature mark: a capital and perhaps a small digit.

    Only meaningful at a page foot, where the binder needed it.

    >>> signature_mark("B"), signature_mark("Bi"), signature_mark("C 2"), signature_mark("war.")
    (True, True, True, False)
    """
    return bool(_SIGNATURE.match(line.strip()))


_REAL_WORD = regex.compile(r"^[\"'(‘“]?(?:\p{Lu}?\p{Ll}{2,}|\p{Lu}{3,})[.,;:!?)\"'’”]*$")
_ASTERISM = regex.compile(r"^(?:([*·•.x+-])\s*)\1(?:\s*\1)+$")


_LETTER = regex.compile(r"\p{L}")
_INNER_MARK = regex.compile(r"\p{L}[^\p{L}\s'’\-.]+\p{L}")
_CASE_FLIP = regex.compile(r"\p{Ll}\p{Lu}")
_TWO_DIGITS = regex.compile(r"\d\s?\d")
_PLAIN_MARKS = frozenset(".,;:'\"()-—–’‘“”!?")


def _garbled(token: str) -> bool:
    core = token.strip(".,;:'\"‘’“”()")
    if not _LETTER.search(core):
        return False
    return bool(_INNER_MARK.search(core) or _CASE_FLIP.search(core))


_BOX_MARKS = frozenset("|_[]¦¬=-—~")


def _stamp_box(text: str) -> bool:
    """The ruled box of a library's stamp or slip read as marks, with at
    most a figure or two written in it (``|___|___|``, ``| |  | 1 |``).

    >>> _stamp_box("|___|___|___|"), _stamp_box("| |  | 1 |"), _stamp_box("| the war |")
    (True, True, False)
    """
    visible = [c for c in text if not c.isspace()]
    boxes = sum(c in _BOX_MARKS for c in visible)
    others = len(visible) - boxes
    return len(visible) >= 4 and boxes >= 3 and others <= 2 and "|" in text


_CLASS_NUMBER = (r"\d{3}\.\d{1,6}(?:\s+[A-Z][a-z]?\d{1,4}[a-z]{0,2})?"   # Dewey, a Cutter after
                 r"|\d{3}\s+[A-Z][a-z]?\d{1,4}[a-z]{0,2}"
                 r"|[A-Z][a-z]?\d{1,4}[a-z]{0,2}"                          # a Cutter number alone
                 r"|[A-Z]{1,3}\s?\d{1,5}(?:\.\d+)?(?:\s?\.?[A-Z]\d+[a-z]?)+(?:\s\d{4})?")  # LC
SHELF_MARK = regex.compile(
    rf"""^(?:(?:{_CLASS_NUMBER})
        |(?:class|call|shelf(?:\s*mark)?|press\s*mark|pam|acc(?:ession)?)\.?  # a label, and
         (?:\s*no\.?)?\s*[:\-.]*\s*(?:{_CLASS_NUMBER}|\d[\d,.]{{0,8}})   # any number
        )\s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)


def shelf_mark(line: str) -> bool:
    """A library's shelf mark, class or accession number, written or
    stamped on a first or last leaf (only those are asked): a Dewey class
    (``335.4``, ``331.83 K12``), a Cutter or Library of Congress number
    (``K12p``, ``HX44 .L3``), perhaps labelled (``Class 331.83``, ``Pam.
    335``, ``Acc. No. 14523``).

    >>> [shelf_mark(t) for t in ("335.4", "K12p", "HX44 .L3", "Class 331.83", "Acc. No. 14,523")]
    [True, True, True, True, True]
    >>> [shelf_mark(t) for t in ("1945", "120", "LONDON", "PART I", "Price 6d.", "No. 10")]
    [False, False, False, False, False, False]
    """
    text = line.strip()
    if regex.fullmatch(r"\d{4}", text):
        return False  # a year, as an imprint prints it
    return bool(SHELF_MARK.match(text))


def ocr_noise(line: str) -> float:
    """Confidence that the line is noise with no printed counterpart.

    Noise: a lone mark, a run of marks and stray letters, or a line whose
    tokens are all garbled. An asterism (``* * *``) is printed and stays;
    so does any line with a real word or a number of two or more digits.

    >>> ocr_noise("$"), ocr_noise("*e*i- 4 s * l -«&*•*- <r.-cv^r,^r.")
    (0.9, 0.9)
    >>> ocr_noise("'hAVl OF iSs>uE")
    0.85
    >>> ocr_noise("* * *"), ocr_noise("* 94 *"), ocr_noise("war."), ocr_noise("(a)")
    (0.0, 0.0, 0.0, 0.0)
    >>> ocr_noise("WniTTiNODALE JoiwraoN,"), ocr_noise("S.C.G,")
    (0.0, 0.0)
    """
    text = line.strip()
    if not text or _ASTERISM.match(text):
        return 0.0
    if _stamp_box(text):
        return 0.9
    if _TWO_DIGITS.search(text):
        return 0.0
    tokens = text.split()
    if any(_REAL_WORD.match(t) for t in tokens):
        return 0.0
    visible = [c for c in text if not c.isspace()]
    if not any(c.isalnum() for c in visible) and len(visible) <= 3:
        return 0.9
    odd = sum(1 for c in visible if not c.isalnum() and c not in _PLAIN_MARKS)
    if len(visible) >= 6 and odd >= 2 and odd >= 0.25 * len(visible):
        return 0.9
    garbled = sum(1 for t in tokens if _garbled(t))
    marked = any(_INNER_MARK.search(t) for t in tokens)
    short = len(tokens) <= 4 and len(visible) <= 24  # a long garbled line is garbled text
    if short and marked and garbled >= 2 and garbled >= 0.6 * len(tokens):
        return 0.85  # not a garbled heading (``CiIAIíGING AnEAD.``): marks inside words
    return 0.0


_CAPS_HEADING = regex.compile(r"\p{L}")


def is_heading(line: str) -> bool:
    """A heading line: mostly capitals, a few letters at least.

    >>> is_heading("THE BACKGROUND"), is_heading("RELATIONS WITH THE OUTSIDE WORLD")
    (True, True)
    >>> is_heading("The country in which"), is_heading("I.")
    (False, False)
    """
    letters = _CAPS_HEADING.findall(line)
    if len(letters) < 4:
        return False
    return sum(1 for c in letters if c.isupper()) >= 0.7 * len(letters)


_STRUCTURE_HEADING = regex.compile(
    r"(?i)^\s*(?:chapter|chap\.|part|book|section|lecture|appendix)\s+\S+\s*$")


def chapter_heading_like(line: str) -> bool:
    """:func:`structure_heading`, or its word garbled past the pattern with
    its number (``CHAl)TER xv``: rapidfuzz's ratio to ``CHAPTER`` of
    ``CHAPTER_LIKE`` or more).

    >>> chapter_heading_like("CHAl)TER xv"), chapter_heading_like("CHARTER OF RIGHTS")
    (True, False)
    """
    words = line.split()
    return structure_heading(line) or (
        len(words) == 2 and fuzz.ratio(words[0].upper(), "CHAPTER") >= CHAPTER_LIKE)


CHAPTER_LIKE = 75
"""How like ``CHAPTER`` (rapidfuzz's ratio) a garbled heading's word must be."""


def structure_heading(line: str) -> bool:
    """``CHAPTER IV``, ``Part 2``: headings that recur with a new number.

    >>> structure_heading("CHAPTER IV"), structure_heading("THE PEOPLE'S WAR")
    (True, False)
    """
    return bool(_STRUCTURE_HEADING.match(line))
