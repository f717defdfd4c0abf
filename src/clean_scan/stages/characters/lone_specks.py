"""Marks standing alone where print sets none: the characters stage's
lone-speck repair (a speck read as ``.``, ``:``, ``|`` between words or
after a word's own stop), kept apart from the glued specks of
:mod:`clean_scan.stages.characters.specks`, whose document measures it shares."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import binding_words, function_words, known_form, load_lexicon
from clean_scan.stages.characters.next_words import (
    _next_line,
    _next_line_start,
    next_text,
)
from clean_scan.stages.characters.specks import (
    SPECKY,
    WORD_BEFORE,
    _block_start,
    _small_word_follows,
)

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines


LONE = regex.compile(
    r"(?<=\S)(?P<space>[ \t]+)(?P<mark>[©°¢=•—]|[.:;\-]{1,2})(?=[ \t]+\S|[ \t]*$)")
LONE_AT_START = regex.compile(
    r"^[ \t]*(?P<mark>[©°¢=•:;\-|'\"‘’“”]{1,2}|[.—](?=[ \t]+\p{Ll}))[ \t]+(?=\S)")
LONE_AFTER_MARK = regex.compile(
    r"(?<=[.,;:!?])(?P<space>[ \t]+)(?P<mark>[.:;,|_°•~]{1,2})(?=[ \t]+\S|[ \t]*$)")
"""A mark set apart after a word's own stop, comma or colon (``good. : ,``,
``Union. |``): print never sets two marks so."""
LONE_RULE = regex.compile(r"(?<=\p{L}|\p{L}[.,;:!?])(?P<space>[ \t]+)(?P<mark>[|_~]{1,2})"
                          r"(?=[ \t]+\S|[ \t]*$)")
"""A bar, low line or tilde alone after a word: no prose sets one (a table's
rules stand between figures, a fill runs three or more)."""


MARK_OPENING_A_LINE = regex.compile(r"(?m)^[ \t]*(?:[.—][ \t]+\p{Ll}|[‘’“”][ \t]+\S)")
"""What the gate adds for a stop, a dash or a curly quote alone at a line's
start (``. control``, ``’ with``): its needles find marks after a space."""
NEVER_OPENING_A_LINE = ":;|=©°¢.’”"
"""Marks no compositor sets at a line's start, before a word: standing
there, alone, they are specks in any document, specky or not (unless its
house style sets the mark after a space, as some newspapers set ``;``). A
stop counts only before a word in small letters (``effective`` / ``.
control``): no sentence opens so. A closing quote closes the word before
it, never one on the line above."""
REFERENCE_LOOKALIKES = "|°"
"""Marks a small raised reference digit is read as (``experience. |`` over
a note ``' This statement…``): left for the footnotes stage on a page with
a note below."""


def speck_after_a_mark(line: str, spaced: str = "") -> list[tuple[int, int]]:
    """The lone marks of a line that stand after another mark or are bars,
    low lines or tildes after a word: specks in any document, except the
    marks its house style sets after a space (``spaced``: ``viz. :``).

    >>> line = "Russia as right and good. : : , in ~ the end. | Then... . 5"
    >>> [line[s:e] for s, e in speck_after_a_mark(line)]
    [' :', ' :', ' ,', ' ~', ' |']
    >>> [line[s:e] for s, e in speck_after_a_mark(line, spaced=":")]
    [' ,', ' ~', ' |']
    """
    found = []
    for m in LONE_AFTER_MARK.finditer(line):
        if m.group("mark").startswith(".") and line[m.start() - 1] == ".":
            continue  # a spaced ellipsis or a leader
        if m.group("mark")[0] in spaced:
            continue  # the document's house style spaces this mark
        found.append((m.start("space"), m.end("mark")))
    found += [(m.start("space"), m.end("mark")) for m in LONE_RULE.finditer(line)]
    return sorted(set(found))


def lone_speck(line: str, doc: Lines) -> list[Proposal]:
    """A mark standing alone between words, where no print sets one.

    Never printed alone: ``©``, ``°``, ``¢``, ``=``; a stop before a small
    letter (``by . the``); a hyphen at a line's end with a space before it,
    in a text that sets its dashes as em dashes (no word was split there,
    and no dash is set so; a newspaper setting ``Passengers -`` keeps it).
    An em dash alone at a line's end after a word that binds to the next
    (``the relation of —`` / ``the table``: no print sets a dash there), or
    after a stop where the paragraph ends (``lies in solidarity. —``).
    In a specky document (:func:`speck_rate`) also a colon, semicolon, stop
    or hyphen alone, an em dash alone where the text sets its dashes closed
    up (``accompanied — wage``; at a line's end, before a word in small
    letters: ``read —`` / ``their``), and a mark or quote
    standing alone before a line's first word (a quote only inside a
    block: one opening a block may be a
    footnote's garbled mark, for the footnotes stage to read).

    >>> from clean_scan.stages.characters import show
    >>> show(lone_speck, "how these © strange things went by . the way", after="\\nof")
    'how these strange things went by the way'
    >>> show(lone_speck, "left the Party, and new -", after="\\ndemands—new—and old—came")
    'left the Party, and new'
    >>> show(lone_speck, "a problem arises as to the relation of —", after="\\nthe table")
    'a problem arises as to the relation of'
    >>> show(lone_speck, "their only power lies in solidarity. —", after="\\n\\nThe rest")
    'their only power lies in solidarity.'

    A dash alone after such a word where the page ends too, and inside a
    line where the text sets its dashes closed up (``confidence in the —
    party``); a star alone at a line's end or after such a word, on a page
    with no note (``for the sake *``).

    >>> show(lone_speck, "from the first Spinning Jenny to the —", after="\\n\\f")
    'from the first Spinning Jenny to the'
    >>> show(lone_speck, "the fact—as we saw—of their confidence in the — party",
    ...      before="war—peace—work—rest—home—land\\n")
    'the fact—as we saw—of their confidence in the party'
    >>> show(lone_speck, "its purpose of * raise, for the sake *", after="\\nof")
    'its purpose of raise, for the sake'

    In any document, a mark set apart after a word's own mark, and a bar,
    low line or tilde alone after a word (:func:`speck_after_a_mark`).

    >>> show(lone_speck, "Russia as right and good. : ,",
    ...      before="as: follows: one: two: three: four: five: six\\n")
    'Russia as right and good.'

    In any document, a colon, semicolon, bar or the like alone before a
    line's first word: no compositor sets one there.

    >>> show(lone_speck, ": workers for higher output", before="as printed\\n")
    'workers for higher output'
    >>> show(lone_speck, ". control over the State", before="to exercise an effective\\n")
    'control over the State'

    And an em dash alone before a line's first word in small letters, in a
    text that closes its dashes up (a dash there would be set against it).

    >>> show(lone_speck, "— of democratic Socialism", before="war—peace—work—rest—home—land\\n")
    'of democratic Socialism'

    Left alone, in a clean document: a spaced colon, a stop before a
    capital (italic type's spacing, closed up elsewhere), a spaced ellipsis.

    >>> show(lone_speck, "as follows : the end . The rest . . . went")
    'as follows : the end . The rest . . . went'
    """
    fixes = [Proposal(start, end, "", "lone-speck", 0.85,
                      "a mark standing apart after another mark: a speck")
             for start, end in speck_after_a_mark(line, doc.spaced_marks)
             if not (line[end - 1] in REFERENCE_LOOKALIKES and doc.note_page[doc.index])
             and not doc.glyph_word(line[start:end])]
    taken = {fix.start for fix in fixes}
    specky = doc.speck_rate >= SPECKY
    for m in LONE.finditer(line):
        if m.start("space") in taken:
            continue
        mark = m.group("mark")
        at_end = not line[m.end():m.end() + 64].strip() and not line[m.end():].strip()
        if mark.startswith(".") and (line[m.end():m.end() + 8].lstrip().startswith(".")
                                     or line[max(0, m.start() - 1)] == "."):
            continue  # an ellipsis set with spaces
        if mark in doc.spaced_marks:
            continue  # the document's house style spaces this mark
        if mark in "©°¢=•":
            sure = True
        elif mark == ".":
            sure = _small_word_follows(line, m.end(), doc) or (
                specky and not at_end and not stop_closes_sentence(line, m.end(), doc))
        elif mark == "—":
            sure = _dash_alone(line, m.start(), at_end, specky, doc)
        elif mark == "-":
            sure = doc.em_dashes and (_next_line_start(doc).isalpha() if at_end else specky)
        else:
            sure = specky
        if sure:
            fixes.append(Proposal(m.start("space"), m.end("mark"), "", "lone-speck", 0.85,
                                  "a mark standing alone where print sets none: a speck"))
    fixes += _lone_stars(line, doc, taken)
    start = LONE_AT_START.match(line)
    if start and start.group("mark") == "—":
        if not doc.closed_dashes:
            start = None  # a text spacing its dashes may break a line before one
    elif start and not specky and (start.group("mark")[0] not in NEVER_OPENING_A_LINE
                                   or start.group("mark")[0] in doc.spaced_marks):
        start = None  # a house style spacing its colons may break a line before one
    if start and start.group("mark")[0] in "'\"‘’“”" and (_block_start(doc) or _in_a_note(doc)) \
            and not (_block_start(doc) and _small_word_follows(line, start.end(), doc)
                     and not _ends_page(doc)):
        # a note's mark garbled, or a speck inside a note: the footnotes stage's (a note
        # opens with a capital; before a word in small letters the sentence goes on, but
        # at a page's foot a note's last lines may stand apart)
        start = None
    if start and not (start.group("mark") == "-" and line[start.end():start.end() + 1].isdigit()):
        fixes.append(Proposal(start.start("mark"), start.end(), "", "lone-speck", 0.85,
                              "a mark standing alone before a line's first word: a speck"))
    return fixes


def _dash_alone(line: str, at: int, at_end: bool, specky: bool, doc: Lines) -> bool:
    """Whether an em dash standing alone at column ``at`` is a speck: inside
    a line of a text that closes its dashes up; at a line's end after a word
    that binds to the next, the sentence going on in small letters or the
    page ending (or, in a specky text that closes its dashes, after any
    word), or after a stop where the paragraph ends."""
    if not at_end:
        return doc.closed_dashes
    binds = _binds_before(line, at)
    following = next_text(doc)
    if (following[:1].islower() or binds and not following) and \
            (binds or specky and doc.closed_dashes):
        return True
    return not _next_line_start(doc) and AFTER_A_STOP.search(line, 0, at) is not None


def _ends_page(doc: Lines) -> bool:
    """Whether the current line's block is the last on its page (where a
    note's lines stand)."""
    k = doc.index + 1
    while k < len(doc.lines) and doc.lines[k].strip():
        k += 1
    while k < len(doc.lines) and not doc.lines[k].strip(" \t"):
        k += 1
    return k >= len(doc.lines) or doc.lines[k].lstrip(" \t").startswith("\f")


def _in_a_note(doc: Lines) -> bool:
    """Whether the current line stands in a block a note opens (the
    footnotes stage reads the specks there: ``note-speck``)."""
    k = doc.index
    while k > 0 and doc.lines[k - 1].strip() not in ("", "\f"):
        k -= 1
    return k in doc.note_opening_lines


LONE_STAR = regex.compile(r"(?<=\S)(?P<space>[ \t]+)\*(?=[ \t]+\S|[ \t]*$)")


def _lone_stars(line: str, doc: Lines, taken: set[int]) -> list[Proposal]:
    """A star alone at a line's end, or after a word that binds to the next
    (``its purpose of * raise``), on a page with no note below: a note's
    star is set against the word it annotates, and a page without a note
    has no reference to make."""
    if doc.note_page[doc.index] or doc.footnote_page():
        return []
    return [Proposal(m.start("space"), m.end(), "", "lone-speck", 0.85,
                     "a star standing alone, on a page with no note: a speck")
            for m in LONE_STAR.finditer(line) if m.start("space") not in taken
            and (not line[m.end():].strip() or _binds_before(line, m.start())
                 and line[m.end():].lstrip()[:1] not in QUOTES)]


QUOTES = "‘'“\""
"""What a star before a quote is part of: an opening quote garbled (``their
* ‘open door”``), :func:`.garbled_open_quote`'s."""


AFTER_A_STOP = regex.compile(r"[.!?][’”'\")]*$")


def stop_closes_sentence(line: str, end: int, doc: Lines) -> bool:
    """Whether a stop set apart, ending at ``end``, closes its sentence: a
    capitalised closed-class word follows (``The``, ``They``, ``As``), on
    the line or the next, or its paragraph ends there. Such a stop is
    italic type's spacing (or an engine's), for the italic-spacing repair to
    close up, not a speck; a name may go on the sentence (``Soviet .
    Russia``)."""
    rest = line[end:].strip()
    if not rest and not doc.line(1).strip():
        return True
    return opens_sentence(rest or _next_line(doc))


def opens_sentence(text: str) -> bool:
    """Whether ``text`` opens with a capitalised closed-class word.

    >>> opens_sentence("They merely"), opens_sentence("Russia as"), opens_sentence("I think")
    (True, False, False)
    """
    word = OPENING_WORD.match(text)
    return word is not None and word.group().lower() in function_words() and word.group() != "I"


OPENING_WORD = regex.compile(r"\p{Lu}\p{Ll}*(?!\p{L})")


def _binds_before(line: str, at: int) -> bool:
    """Whether the word before ``at`` binds to the next word (``of``, ``the``)."""
    word = WORD_BEFORE.search(line, max(0, at - 20), at)
    return word is not None and word.group().lower() in binding_words()


NOISE_TAIL = regex.compile(
    r"(?<=\p{L})(?P<close>[.?!:][’”'\"]?)(?P<tail>(?:[ \t]+(?:[^\w\s]{1,3}|\p{L}{1,3}))+)[ \t]*$",
    regex.MULTILINE)
"""Short tokens, letters or marks, after the mark closing a line's last word."""


def noise_tail(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document, where a paragraph ends, what follows the mark
    closing its last sentence on the line, when it is only marks standing
    alone and tokens of one to three letters (``Union. k : :``,
    ``fundamentally. See : cee : .``, ``follows: j :``): the dirt of a
    margin, read as letters and marks. A sentence cannot start where the
    paragraph ends.

    >>> from clean_scan.stages.characters import show
    >>> page = "and -with -from -the\\n"
    >>> show(noise_tail, "the foreign policy of the whole Soviet Union. k : :", before=page)
    'the foreign policy of the whole Soviet Union.'

    Left alone: a tail of marks alone (:func:`lone_speck`'s), or of letters
    alone (``So it is. I``), or whose every letter token is a word
    (``done; end ; go``; nor is a semicolon a paragraph's end), a paragraph
    going on to the next line, a page with a note below (the mark may be
    its reference, set apart), and any clean document. Where the page goes
    on, a blank line may be the page's end, and the tail the first words of
    a sentence going on over the page: only then are words kept, and not
    before a capital word opening the text after the blank line (it opens
    a sentence of its own).

    >>> show(noise_tail, "but also in its personnel. Be :", before=page, after="\\n\\nAccording to")
    'but also in its personnel.'

    >>> body = "and -with -from -the whole of the Soviet Union and its people\\n"
    >>> show(noise_tail, "the whole of the Soviet Union. k : : And so on and on it went",
    ...      before=body, after="\\nEvery decision")
    'the whole of the Soviet Union. k : : And so on and on it went'

    A line cut short, the next opening a sentence, ends its paragraph where
    no page ends (print's layout without blank lines between paragraphs):
    there even letters alone are dirt, and words with no stop of their own
    among marks, but not words alone opening with a capital, which may open
    a sentence going on to the next line (a name: ``The New`` /
    ``Brighton``), nor what follows a heading's capitals (``RUSSIA: THE``,
    its title going on).

    >>> show(noise_tail, "to become a sham? ; ee", before=body, after="\\nThe Party was")
    'to become a sham?'
    >>> show(noise_tail, "the State. . a", before=body, after="\\nSocially the Party")
    'the State.'
    >>> show(noise_tail, "stronger beverages. The New", before=body, after="\\nBrighton gardens")
    'stronger beverages. The New'
    >>> show(noise_tail, "MODERNISING RUSSIA: THE", before=body, after="\\nNEED FOR SPEED")
    'MODERNISING RUSSIA: THE'
    """
    if doc.speck_rate < SPECKY or doc.note_page[doc.index]:
        return []
    m = NOISE_TAIL.search(line)
    if m is None:
        return []
    tokens = m.group("tail").split()
    letters = [token for token in tokens if token.isalpha()]
    if not letters:
        return []
    alone, words = len(letters) == len(tokens), all(map(reads_as_word, letters))
    following = _next_line(doc)
    if following:
        if not _ends_paragraph(line[:m.start("tail")], following, doc) or (
                alone and words and any(token[0].isupper() for token in letters)):
            return []  # words alone may open a sentence going on (``The New`` / ``Brighton``)
    elif alone or words and not _opens_new_sentence(next_text(doc)):
        return []
    return [Proposal(m.start("close"), m.end(), m.group("close"), "noise-tail", 0.85,
                     f"'{m.group('tail').strip()}' after the paragraph's last stop: a margin's "
                     "dirt read as letters and marks")]


def _opens_new_sentence(text: str) -> bool:
    """Whether the text after a blank line opens with a capital word: no
    sentence whose first words a page's foot holds goes on there (``So it
    is. We`` / ``go home``, but not before ``According to``)."""
    word = OPENING_WORD.match(text)
    return word is not None and len(word.group()) > 1


SHORT_LINE = 0.75
"""A line this much of the text's typical length, or less, ends its
paragraph, where the next opens with a capital: justified type fills every
other line."""


def _ends_paragraph(text: str, following: str, doc: Lines) -> bool:
    """Whether a line whose words end at ``text`` ends its paragraph though
    a line follows it: it is short, and the next opens with a capital (after
    any marks a dirty margin gave)."""
    opening = FIRST_LETTER.search(following)
    prose = PROSE_END.search(text) is not None  # a heading's capitals go on
    return prose and len(text.rstrip()) <= SHORT_LINE * doc.typical_line_length and \
        opening is not None and opening.group().isupper()


FIRST_LETTER = regex.compile(r"\p{L}")
PROSE_END = regex.compile(r"\p{Ll}\P{L}*$")
"""A word in small letters ending the text, marks perhaps after it."""


def reads_as_word(token: str) -> bool:
    """A common word; of one letter, only ``a``, ``A``, ``I`` and ``O``."""
    return token in "aAIO" if len(token) == 1 else load_lexicon().common(token)


LINE_END_LETTER = regex.compile(
    r"(?<=\p{Ll}{2}[,;]?)[ \t]+(?P<letter>[b-hj-np-zB-HJ-NP-Z])[ \t]*$", regex.MULTILINE)
"""A letter standing alone at a line's end after a word: no word but ``a``,
``I`` and ``O`` is one letter."""


def line_end_letter(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document, a letter standing alone at a line's end after
    a word (``a State authority that q`` / ``Was first``) is the right
    margin's dirt read as a letter, unless it makes a known word with the
    next line's first one (``read or w`` / ``rite``: a word the line end
    split) or the word before it (``bureaucrac y``: one the engine split).

    >>> from clean_scan.stages.characters import show
    >>> page = "and -with -from -the\\n"
    >>> show(line_end_letter, "as a State authority that q", before=page, after="\\nwas first")
    'as a State authority that'
    >>> show(line_end_letter, "had never learnt to read or w", before=page, after="\\nrite it")
    'had never learnt to read or w'

    A capital ends no word in small letters (``assumed an E``: no ``anE``).

    >>> show(line_end_letter, "and assumed an E", before=page, after="\\nincreasingly")
    'and assumed an'

    Left alone: ``a``, ``I``, ``O``, a letter the document sets alone inside
    its lines too (a name for a thing, ``between A and B``), a page with a
    note below, any clean document.
    """
    if doc.speck_rate < SPECKY or doc.note_page[doc.index]:
        return []
    m = LINE_END_LETTER.search(line)
    if m is None:
        return []
    lexicon, letter = load_lexicon(), m.group("letter")
    following = regex.match(r"\p{L}+", _next_line(doc))
    before = regex.search(r"\p{L}+$", line[:m.start()])
    split_end = before is not None and not (letter.isupper() and before.group()[-1].islower())
    if following is not None and known_form(letter + following.group(), lexicon) or \
            split_end and known_form(before.group() + letter, lexicon) or \
            letter in _letters_in_use(doc.text):
        return []
    return [Proposal(m.start(), m.end(), "", "line-end-letter", 0.85,
                     f"'{letter}' alone at a line's end: the margin's dirt")]


LINE_START_LETTER = regex.compile(
    r"^[ \t]*(?P<letter>[b-hj-np-z])[ \t]+(?=(?P<word>\p{L}*\p{Ll}\p{L}*))", regex.MULTILINE)
"""A small letter standing alone at a line's start before a word with small
letters (not ``a``, ``i``, ``o``)."""


def line_start_letter(line: str, doc: Lines) -> list[Proposal]:
    """In a specky document, a small letter standing alone at a line's start
    before a known word (``t development of the Soviet Union``) is the left
    margin's dirt read as a letter, as :func:`line_end_letter`'s is the
    right margin's, unless it makes a known word with the word after it
    (``w ith``: a word the engine split) or ends the word the line above
    broke off (``Russia’`` / ``s``).

    >>> from clean_scan.stages.characters import show
    >>> page = "and -with -from -the\\nthe armies of Hitler have powerful\\n"
    >>> show(line_start_letter, "t mechanised forces at several points", before=page)
    'mechanised forces at several points'
    >>> show(line_start_letter, "w ith forces at several points", before=page)
    'w ith forces at several points'

    Left alone: a capital (an initial whose stop was lost, ``M hut``, as a
    newspaper's engine gives them, or ``E mechanised``: the two look
    alike), a letter the document sets alone inside its lines too (``x is
    the number``), one before no known word (a garbled word's piece), a
    page with a note below (the letter may be a note's mark), and any clean
    document.
    """
    if doc.speck_rate < SPECKY or doc.note_page[doc.index]:
        return []
    m = LINE_START_LETTER.match(line)
    if m is None:
        return []
    letter, word, above = m.group("letter"), m.group("word"), doc.line(-1).rstrip()
    lexicon = load_lexicon()
    if known_form(letter + word, lexicon) or above.endswith(("’", "'", "-")) \
            or letter in _letters_in_use(doc.text):
        return []
    if not known_form(word, lexicon):
        return []  # a garbled word's piece
    return [Proposal(m.start("letter"), m.end(), "", "line-start-letter", 0.85,
                     f"'{letter}' alone at a line's start: the margin's dirt")]


@lru_cache(maxsize=2)
def _letters_in_use(text: str) -> frozenset[str]:
    """The letters the text sets alone between words inside a line, as
    names for things or a list's marks (``A and B``, ``x is``)."""
    return frozenset(regex.findall(r"(?<=[ \t(])(\p{L})(?=[ \t,.;:)][ \t]*\S)", text))
