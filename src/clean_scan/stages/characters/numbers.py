"""Repairs of digits and numbers: letters of a digit's shape in a number,
garbled years, list and contents numbers, heading numerals, item letters,
chapter numbers, and digits inside words."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

import regex

from clean_scan.charmaps import (
    DIGIT_FOR_LETTER,
    DIGITS_FOR_LETTER,
    LETTERS_FOR_DIGIT,
    NUMBER_GARBLES,
    ROMAN_FOR_SHAPE,
)
from clean_scan.document import Proposal
from clean_scan.folio_numbers import roman_value
from clean_scan.lexicon import load_lexicon
from clean_scan.stages.characters.digit_habits import HAS_0158, digit_habits, habitual
from clean_scan.stages.characters.initial_case import opens_sentence
from clean_scan.stages.characters.lines import (
    Lines,
    show,  # noqa: F401 (the examples use it)
)
from clean_scan.stages.characters.split_words import parted_pieces

# --- digits and numbers ---------------------------------------------------

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


YEAR_GARBLES = NUMBER_GARBLES.replace("%", "")
"""What stands for a year's last digit the engine could not read: not a
percent sign, which print sets after a number (``rose by 194%``)."""
GARBLED_NUMBER = regex.compile(
    r"(?<![\p{L}\d])(?P<digits>\d{3})(?P<garble>[" + regex.escape(YEAR_GARBLES) + r"])"
    r"(?![\p{L}\d])")


def garbled_number(line: str, doc: Lines) -> list[Proposal]:
    """A four-digit number with its last digit unreadable (``194*``) becomes
    the one number of the document that fits, if the document votes for it.

    >>> show(garbled_number, "published 194*", "in 1942 and 1942, 1942")
    'published 1942'

    Left alone when numbers compete (then flagged), and a percentage:

    >>> show(garbled_number, "published 194*", "in 1942 and 1941, 1941")
    'published 194*'
    >>> show(garbled_number, "it rose by 194%", "in 1942 and 1942, 1942")
    'it rose by 194%'
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


def _printed_lines_from(doc: Lines, step: int, reach: int) -> Iterator[str]:
    """The printed (non-blank) lines above (step -1) or below (+1) the
    current one, nearest first, ``reach`` of them at most."""
    seen = 0
    offset = step
    while seen < reach and -doc.index <= offset < len(doc.lines) - doc.index:
        text = doc.line(offset)
        offset += step
        if text.strip():
            seen += 1
            yield text


def _neighbour_number(doc: Lines, step: int) -> tuple[int, int] | None:
    """The number of the nearest list entry above (step -1) or below (+1),
    at most eight printed lines away, and how many entries away it is
    (garbled entries between count too)."""
    entries = 0
    for text in _printed_lines_from(doc, step, 8):
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
    for text in _printed_lines_from(doc, step, 6):
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
    the same heading with the numeral well printed elsewhere, or the one
    before it in the sequence above it (``PART II`` above ``PART HI``).

    >>> show(heading_numeral, "BOOK HI", "BOOK I\\n\\nBOOK II\\n\\nBOOK III\\n\\n")
    'BOOK III'
    >>> show(heading_numeral, "BOOK 1", "BOOK I\\n\\nBOOK II\\n\\n")
    'BOOK I'
    >>> show(heading_numeral, "BOOK 1", "BOOK 2\\n\\n")
    'BOOK 1'

    Or when the heading one before it in the sequence stands above it:

    >>> show(heading_numeral, "PART HI", "PART I\\n\\nPART II\\n\\n")
    'PART III'
    """
    m = HEADING_NUMERAL.match(line)
    if m is None or ROMAN.match(m.group("num")):
        return []
    numeral = "".join(ROMAN_FOR_SHAPE.get(c, c) for c in m.group("num"))
    if not ROMAN.match(numeral):
        return []
    printed = f"{m.group('key')} {numeral}"
    if printed in doc.first_line_of:
        return [Proposal(m.start("num"), m.end("num"), numeral, "heading-numeral", 0.85,
                         f"roman numeral misread; '{printed}' is printed elsewhere")]
    value = roman_value(numeral)
    before = f"{m.group('key')} {_roman(value - 1)}" if value and value > 1 else ""
    if before and doc.first_line_of.get(before, doc.index) < doc.index:
        return [Proposal(m.start("num"), m.end("num"), numeral, "heading-numeral", 0.85,
                         f"roman numeral misread; '{before}' comes before it")]
    return []


def _roman(value: int) -> str:
    """``value`` (1-39) in roman numerals, as headings number parts.

    >>> _roman(3), _roman(14), _roman(39)
    ('III', 'XIV', 'XXXIX')
    """
    tens, units = divmod(value, 10)
    return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units]


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

    In a book whose chapters are numbered in roman numerals (a heading
    numbered ``II`` or ``IV`` stands elsewhere), a garble becomes the
    numeral, and ``I`` stays:

    >>> show(chapter_number, "i", "II\\n\\nTHE TOWNS\\n\\n", "\\n\\nTHE MILLS")
    'I'
    """
    m = CHAPTER_NUMBER.match(line)
    if m is None or not doc.paragraph_start():
        return []
    heading = doc.line(1).strip() or doc.line(2).strip()
    if not heading or not heading.isupper() or sum(c.isalpha() for c in heading) < 4:
        return []
    read = m.group(1) + (m.group(2) or "")
    if doc.roman_chapters:  # the book numbers its chapters I, II, III: a garble is a numeral
        numeral = "".join(ROMAN_FOR_SHAPE.get(c, c) for c in read)
        if numeral == read or not ROMAN.match(numeral):
            return []
        return [Proposal(m.start(1), m.end(2) if m.group(2) else m.end(1), numeral,
                         "chapter-number", 0.85,
                         "chapter number above a heading, garbled; the book's are roman")]
    digits = "".join(DIGIT_FOR_LETTER.get(c, c) for c in read)
    if not digits.isdecimal():
        return []
    return [Proposal(m.start(1), m.end(2) if m.group(2) else m.end(1), digits, "chapter-number",
                0.85, "chapter number above a heading, garbled or spaced")]


# --- digits inside words --------------------------------------------------

DIGIT_IN_WORD = regex.compile(r"(?<![\p{L}\d])[\p{L}0158]*[0158][\p{L}0158]*(?![\p{L}\d])")
ORDINAL = regex.compile(r"^\d+(?:st|nd|rd|th|d|s)$")


def digits_in_word(line: str, doc: Lines) -> list[Proposal]:
    """Digits of a letter's shape inside a word (``0f``, ``t0``, ``a1so``)
    become the letter, when that makes a word of the document, or, for one
    digit inside a word in small letters of four characters or more, a
    common word (``a1so``; not ``50ft``, a measure, nor ``8utton``, a name).

    >>> show(digits_in_word, "some 0f them went t0 it", "of of of to to to")
    'some of them went to it'
    >>> show(digits_in_word, "and a1so their wives")
    'and also their wives'

    Where the document reads a letter's digit beside letters more often
    than it reads the letter at all (GOCR, in some faces, gives ``1`` for
    every ``l``), the digit is that letter in any known word (``wi11``).

    >>> show(digits_in_word, "it wi11 be ca11ed a1so we11 and 1ight", "a ca11 to a11")
    'it will be called also well and light'

    There a name no list knows is read so too, once it is long enough to be
    no code or measure (``Coo1amon``, ``Ca1derwood``: ``HABIT_NAME_LENGTH``),
    and so is a word in capitals (``C00GEE``), which no other test reads.

    >>> show(digits_in_word, "to Coo1amon and Ca1derwood, 5ft", "a ca11 to a11")
    'to Coolamon and Calderwood, 5ft'

    A figure stands as tall as a capital, so one opening a sentence is the
    capital (GOCR's ``0ther`` for ``Other``), wherever else it is small.

    >>> show(digits_in_word, "all failed. 0ther means, in 0ther ways", "other other other")
    'all failed. Other means, in other ways'

    Left alone: ordinals, and words the document does not know.

    >>> show(digits_in_word, "the 1st and 0x", "of of")
    'the 1st and 0x'
    """
    if not HAS_0158.search(line):
        return []
    lexicon = load_lexicon()
    habits = digit_habits(doc.text)
    fixes = []
    for m in DIGIT_IN_WORD.finditer(line):
        token = m.group()
        capitals = not any(c.islower() for c in token)  # read only by the habit (C00GEE)
        if ORDINAL.match(token) or sum(c.isdecimal() for c in token) > 2 or \
                capitals and not habits:
            continue
        lone_digit = token.islower() and sum(c.isdecimal() for c in token) == 1 and \
            not token[0].isdecimal() and len(token) >= 4  # a1so; not 50ft, 8utton, ha1
        readings = [w for w in _letter_readings(token) if w.isupper() or not capitals]
        candidates = [w for w in readings if not capitals and doc.known(w, 3)
                      or (lone_digit and lexicon.common(w))
                      or habitual(token, w, habits) and (
                          w.lower() in lexicon or len(token) >= HABIT_NAME_LENGTH)]
        head, tail = parted_pieces(line, m.start(), m.end(), doc)
        if not candidates and (head or tail):  # spe- / cia1: the joined word is judged
            candidates = [w for w in readings if lexicon.common(head + w + tail)]
        if not candidates:
            continue
        best = max(candidates, key=doc.count)  # ties: the small letter, listed first
        if token[0].isdecimal() and best[0].upper() in LETTERS_FOR_DIGIT[token[0]] and \
                opens_sentence(doc.text, doc.starts[doc.index] + m.start()):
            best = best[0].upper() + best[1:]  # a figure stands a capital's height
        fixes.append(Proposal(m.start(), m.end(), best, "digit-in-word", 0.9,
                         f"digit of a letter's shape inside a word; '{best}' is a document word"))
    return fixes


LETTERED_ITEM = regex.compile(r"(?<![\p{L}\p{N}])\((?P<letter>[a-h])(?P<close>[l1|I])(?=[ \t\n])")
"""An inline list's letter in brackets, its closing bracket read as a stroke."""


def list_letter_brackets(text: str, doc: Lines | None) -> list[Proposal]:
    """An inline list lettered ``(a)``, ``(b)`` … whose closing brackets the
    engine read as a stroke (``(al``, ``(bl``: GNU Ocrad in some faces):
    where the letter before or after in the alphabet stands so within a few
    lines, the stroke is the bracket.

    >>> text = "two things: (al the structure of the Party, and (bl its attitude"
    >>> [(text[p.start:p.end], p.replacement) for p in list_letter_brackets(text, None)]
    [('l', ')'), ('l', ')')]

    Left alone: a lone one (``(al`` with no ``(bl`` near).

    >>> list_letter_brackets("the (al mark alone", None)
    []
    """
    found = list(LETTERED_ITEM.finditer(text))
    starts = [m.start() for m in found]
    fixes = []
    for m in found:
        letter = ord(m.group("letter"))
        near = found[bisect_left(starts, m.start() - INLINE_REACH):
                     bisect_right(starts, m.start() + INLINE_REACH)]
        if any(abs(ord(o.group("letter")) - letter) == 1 for o in near):
            fixes.append(Proposal(m.start("close"), m.end("close"), ")", "list-letter-bracket",
                                  0.9, f"'({letter}{m.group('close')}' in a list lettered "
                                  "beside it: the closing bracket read as a stroke"))
    return fixes


HABIT_NAME_LENGTH = 5
"""The shortest token whose digits a document's habit reads as letters though
no list knows the word it makes: shorter ones may be codes (``B12``)."""


def _letter_readings(token: str) -> list[str]:
    readings = [""]
    for c in token:
        options = LETTERS_FOR_DIGIT.get(c, (c,))
        readings = [r + o for r in readings for o in options]
    return readings


INLINE_MARK = regex.compile(r"\((?P<mark>[^\s()\d])\)")
"""One character in brackets: an inline list's number, or a letter's."""
INLINE_REACH = 400
"""How far apart two numbers of one inline list may stand (characters)."""


def inline_list_numbers(text: str, doc: Lines | None) -> list[Proposal]:
    """An inline list's number in brackets read as the letter of its shape
    (``(l)`` for ``(1)``: GNU Ocrad's reading) is its digit where the next
    number of the list follows, or the one before it precedes, within a
    few lines.

    >>> text = "namely, (l) Is there a table at all? (2) If so, what is it?"
    >>> [(text[p.start:p.end], p.replacement) for p in inline_list_numbers(text, None)]
    [('l', '1')]

    Left alone: a letter alone in brackets with no list number beside it,
    and lists of letters or roman numerals (``(i)`` before ``(ii)``).

    >>> inline_list_numbers("the (l) mark and (i) the first, (ii) the second", None)
    []
    """
    fixes = []
    for m in INLINE_MARK.finditer(text):
        digit = DIGIT_FOR_LETTER.get(m.group("mark"))
        if digit is None or digit == "0":
            continue
        number = int(digit)
        after = text[m.end():m.end() + INLINE_REACH]
        before = text[max(0, m.start() - INLINE_REACH):m.start()]
        if f"({number + 1})" in after or (number > 1 and f"({number - 1})" in before):
            fixes.append(Proposal(m.start("mark"), m.end("mark"), digit, "inline-list-number",
                                  0.9, f"'({m.group('mark')})' in a list numbered "
                                  f"({number - 1 if number > 1 else number + 1}) beside it: "
                                  f"the figure {digit} read as a letter"))
    return fixes
