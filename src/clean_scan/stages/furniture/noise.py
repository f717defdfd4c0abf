"""Runs of lines an OCR engine made out of a blank or blotched page.

Asked to read a page with little or no print on it (a chapter's last lines,
a plate, a blotched leaf), an engine reads the paper's grain and specks as
lines of short letter strings: ``ee ae u eee ee Oe aos ee ee``. Each such
line may pass for text by its letters; what gives it away is that hardly
a token is a word and the tokens are short, line after line. A line of
words the lexicon does not know but that are long (a foreign quotation, a
list of names) is not noise; nor is a table of figures.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from clean_scan.lexicon import known_form, load_lexicon
from clean_scan.stages.furniture.model import Layout, Verdict

NOISE_WORD_SHARE = 0.5
"""A line is noise-like when fewer of its strings than this are words."""
NOISE_MEAN_LENGTH = 3.6
"""... and its letter strings are this short on average (text's run to 4.5)."""
HELD_MEAN_LENGTH = 4.0
"""A line that reads as text goes with the noise around it only if its
strings are this short on average."""
NOISE_RUN = 4
"""Noise-like lines in a run, with no line of text between, that make it noise."""
RUN_WORD_SHARE = 0.3
"""The share of words over the whole run must stay below this."""

LETTERS = regex.compile(r"\p{L}+")
NUMBER = regex.compile(r"\d\d")


def noise_runs(layout: Layout) -> None:
    """Judge each run of noise-like lines (:func:`line_counts`) as OCR noise;
    short lines inside or beside a run go with it, and so does a single
    line that reads as text between two of its lines (a few true words
    fall out of any noise: ``heart Race. e Sees Aes.``).

    >>> from clean_scan.pagination import split_lines, split_pages
    >>> from clean_scan.stages.furniture.model import Layout
    >>> text = ("The last words of the chapter end the page here.\\n\\n"
    ...         "is ery\\nRe sie y. gro\\nose. ee : :\\ni Pee. PaaS\\n"
    ...         "Sec ee sy Us Be yee :\\nheart Race. e Sees Aes. fhe\\n"
    ...         "‘ aes See wees ; ‘\\nii ees oe. 2 :\\neS pe een :\\n")
    >>> lines = split_lines(text)
    >>> layout = Layout(lines, split_pages(lines)[0], {}, {}, [0] * len(lines))
    >>> noise_runs(layout)
    >>> sorted(layout.verdicts)
    [2, 3, 4, 5, 6, 7, 8, 9, 10]

    Left alone: a foreign quotation, names, a table of figures.

    >>> text = ("Narodnyi Komissariat Vnutrennikh Del\\nGosudarstvennoe Politicheskoe\\n"
    ...         "Upravlenie Sovnarkom Narkomindel\\nKomsomol Profintern Krestintern\\n"
    ...         "1913 1928 1937\\nto be or not to be\\n")
    >>> lines = split_lines(text)
    >>> layout = Layout(lines, split_pages(lines)[0], {}, {}, [0] * len(lines))
    >>> noise_runs(layout)
    >>> layout.verdicts
    {}
    """
    near = _near_short_lines(layout)
    if not near:
        return
    run: list[tuple[int, str]] = []
    held: int | None = None  # a line of text, perhaps inside noise
    for i, line in enumerate([*layout.lines, None]):
        if line is not None and line.blank:
            continue
        if line is None or i in layout.verdicts:
            kind = "end"
        else:
            kind = _kind(line.text) if i in near else "text"
        if kind == "end" or kind == "text" and (held is not None or not run):
            _judge(layout, run)
            run, held = [], None
        if kind == "text":
            held = i if run and _noise_lengths(line.text) else None
        elif kind != "end":
            if held is not None:
                run.append((held, "text"))
                held = None
            run.append((i, kind))


def _near_short_lines(layout: Layout) -> set[int]:
    """The lines where ``NOISE_RUN`` lines of short pieces stand within
    twice as many lines, and a few either side: a cheap look that spares
    the rest of the text (most of a book) the lexicon's."""
    short = [i for i, line in enumerate(layout.lines) if not line.blank
             and sum(map(len, pieces := line.text.split())) < SHORT_PIECES * len(pieces)]
    near: set[int] = set()
    for k in range(len(short) - NOISE_RUN + 1):
        if short[k + NOISE_RUN - 1] - short[k] < 2 * NOISE_RUN:
            near.update(range(short[k] - NOISE_RUN, short[k + NOISE_RUN - 1] + NOISE_RUN + 1))
    return near


SHORT_PIECES = 4.6
"""Characters a piece below which a line may be noise (text's run to 5.5)."""


def line_counts(text: str) -> tuple[int, int, int]:
    """The line's strings of two letters or more, how many are words of
    three letters or more, and the letters in all (a single letter may be
    an initial, a list's label or a speck: it says nothing)."""
    letters = [s for s in LETTERS.findall(text) if len(s) > 1]
    lexicon = load_lexicon()
    words = sum(1 for s in letters if len(s) >= 3 and known_form(s.lower(), lexicon))
    return len(letters), words, sum(map(len, letters))


def _kind(text: str) -> str:
    """See :func:`_kind_of`; a line of long words is text without a look at
    the lexicon (most lines of a book)."""
    pieces = text.split()
    if len(pieces) >= 5 and sum(map(len, pieces)) >= PLAINLY_TEXT * len(pieces):
        return "text"
    return _kind_of(text)


PLAINLY_TEXT = 5.0
"""Characters a space-parted piece, marks included, that only text reaches:
noise's strings are short (its marks stand apart, as pieces of one)."""


def _kind_of(text: str) -> str:
    """``noise`` for a noise-like line: three strings or more, under
    ``NOISE_WORD_SHARE`` of them words, all short; ``short`` for a line too
    short to tell (under five short strings, or under three, no word, and
    a letter at least: a lone folio is no noise,
    or noise-like but holding a number: a table's row, a list of results,
    may read so); ``text`` for any other."""
    strings, words, letters = line_counts(text)
    if strings < 5 and _heading_word(text):
        return "text"
    if strings and letters < NOISE_MEAN_LENGTH * strings:
        if strings >= 3 and words < NOISE_WORD_SHARE * strings:
            return "short" if NUMBER.search(text) else "noise"
        return "short" if strings < 5 else "text"
    return "short" if strings < 3 and words == 0 and LETTERS.search(text) else "text"


def _noise_lengths(text: str) -> bool:
    """Whether the line's strings are as short as noise's, words or not
    (text's run longer)."""
    strings, _, letters = line_counts(text)
    return (not NUMBER.search(text) and letters < HELD_MEAN_LENGTH * strings
            and not (strings < 5 and _heading_word(text)))


def _heading_word(text: str) -> bool:
    """A word of a heading in a short line: in capitals, four letters or
    more (``PART I ay 0 ea``), or any word of six letters or more; noise
    is seldom so long."""
    lexicon = load_lexicon()
    return any((len(s) >= 4 and s.isupper() or len(s) >= 6) and known_form(s.lower(), lexicon)
               for s in LETTERS.findall(text))


def _judge(layout: Layout, run: Sequence[tuple[int, str]]) -> None:
    """Noise, if the run holds ``NOISE_RUN`` noise-like lines and under
    ``RUN_WORD_SHARE`` of the strings of its lines (but the short) are words."""
    if sum(kind == "noise" for _, kind in run) < NOISE_RUN:
        return
    counted = [line_counts(layout.lines[i].text) for i, kind in run if kind != "short"]
    strings = sum(c[0] for c in counted)
    words = sum(c[1] for c in counted)
    if words >= RUN_WORD_SHARE * strings:
        return
    reason = (f"one of {len(run)} lines of OCR noise: {words} words in {strings} "
              "strings (a blank or blotched page read as text)")
    for i, _ in run:
        layout.verdicts[i] = Verdict("noise-run", 0.9, reason)
