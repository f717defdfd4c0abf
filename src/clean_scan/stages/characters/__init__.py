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

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

import regex

from clean_scan.charmaps import LIGATURES, NUMBER_GARBLES
from clean_scan.document import Flag, Proposal
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages.characters.binding_marks import mark_after_binding_word
from clean_scan.stages.characters.colons import (
    LINE_END_COLON,
    colon_for_semicolon,
    colon_in_phrase,
    colon_read_as_stop,
)
from clean_scan.stages.characters.dashes import dashes_read_as_hyphens
from clean_scan.stages.characters.engine_specks import (
    engine_glued_speck,
    engine_speck,
    speck_by_size,
)
from clean_scan.stages.characters.figure_habit import figure_read_as_letter
from clean_scan.stages.characters.glued_capitals import (
    GLUED_CAPITAL_NEEDLE,
    SMALL_THEN_CAPITAL,
    glued_to_capital,
    letter_before_capital,
)
from clean_scan.stages.characters.glyph_marks import glyph_strokes
from clean_scan.stages.characters.initial_case import (
    PARAGRAPH_OPENING_I,
    paragraph_opening_capital,
)
from clean_scan.stages.characters.inner_capitals import (
    INNER_CAPITAL_NEEDLE,
    inner_capital,
    inner_capital_glyph,
)
from clean_scan.stages.characters.learned import learned_substitutions
from clean_scan.stages.characters.line_edge_digits import EDGE_DIGIT, line_edge_digit
from clean_scan.stages.characters.lines import Lines, show
from clean_scan.stages.characters.lone_specks import (
    LINE_END_LETTER,
    LINE_START_LETTER,
    MARK_OPENING_A_LINE,
    NOISE_TAIL,
    line_end_letter,
    line_start_letter,
    lone_speck,
    noise_tail,
)
from clean_scan.stages.characters.lost_stops import lost_stop, lost_stop_lines
from clean_scan.stages.characters.margins import margin_noise
from clean_scan.stages.characters.misread_stops import (
    LINE_END_COMMA,
    comma_read_as_stop,
    exclamation_in_sentence,
    misread_opener,
    opener_lines,
    stop_read_as_comma,
    undotted_abbreviation,
    undotted_forms,
)
from clean_scan.stages.characters.numbers import (
    CHAPTER_NUMBER,
    HEADING_NUMERAL,
    LIST_CANDIDATE,
    LIST_LETTER,
    PAGE_LINE,
    chapter_number,
    contents_page_number,
    digits_in_word,
    garbled_number,
    heading_numeral,
    inline_list_numbers,
    letters_in_number,
    list_letter,
    list_letter_brackets,
    list_number,
)
from clean_scan.stages.characters.ordinals import ordinal_read_as_letters
from clean_scan.stages.characters.parentheticals import parenthetical_comma, parenthetical_lines
from clean_scan.stages.characters.percent import percent_read_as_letters
from clean_scan.stages.characters.phrase_commas import LINE_END_COMMA_WORD, comma_in_phrase
from clean_scan.stages.characters.pound_sign import unread_pound_sign
from clean_scan.stages.characters.quote_specks import QUOTE_AT_END, paragraph_end_quote
from clean_scan.stages.characters.quotes import (
    OPEN_GARBLE_NEEDLES,
    apostrophes,
    garbled_close_quote,
    garbled_open_quote,
    quote_shapes,
    star_after_word,
)
from clean_scan.stages.characters.sentence_colons import colon_lines, semicolon_read_as_colon
from clean_scan.stages.characters.spacing import (
    DROP_CAPITAL,
    LEADING_SPECK,
    LONE_MARKS,
    MARK_AFTER_STOP_NEEDLES,
    dashes,
    drop_capital,
    italic_spacing,
    lone_marks,
    mark_after_stop,
    specks,
)
from clean_scan.stages.characters.specks import (
    SPECKY,
    STOP_THEN_SMALL,
    doubled_stop,
    hyphen_before_a_space,
    speck_before_word,
    speck_between_words,
)
from clean_scan.stages.characters.split_figures import gap_after_one
from clean_scan.stages.characters.stacked_marks import STACKED_MARK, mark_after_own_mark
from clean_scan.stages.characters.stray_quotes import (
    LINE_OPENING_QUOTE,
    quote_alone_at_line_end,
    stray_quote,
    unclosed_line_opening,
)
from clean_scan.stages.characters.stroke_marks import STROKE_OPENING, stroke_read_as_mark
from clean_scan.stages.characters.words import (
    LONE_A_NEEDLE,
    LONE_I_NEEDLE,
    MARK_INSIDE_NEEDLE,
    glued_words,
    ligatures,
    lone_a_before_function_word,
    lone_small_i,
    mark_inside_word,
    spaced_letters,
    stroke_for_i,
)

__all__ = ["REPAIRS", "STAGE", "WHOLE_TEXT_REPAIRS", "Lines", "run", "show"]

# --- the stage ------------------------------------------------------------

Repair = Callable[[str, "Lines"], list[Proposal]]
Gate = Callable[["Lines"], set[int]]

WHOLE_TEXT_REPAIRS: tuple[Repair, ...] = (spaced_letters, engine_speck, engine_glued_speck,
                                          speck_by_size,
                                          learned_substitutions, glyph_strokes,
                                          inline_list_numbers, list_letter_brackets,
                                          gap_after_one, figure_read_as_letter,
                                          ordinal_read_as_letters, percent_read_as_letters,
                                          unread_pound_sign)
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




def _shaped(doc: Lines) -> set[int]:
    return doc.shaped_lines


LINE_SHAPE = regex.compile(
    r"\n[ \t]*+(?:" + "|".join(map(_after_indent, (
        LIST_CANDIDATE, PAGE_LINE, HEADING_NUMERAL, CHAPTER_NUMBER, DROP_CAPITAL, LEADING_SPECK)))
    + ")", regex.MULTILINE)
"""A line start of the shapes the line-shaped repairs look for (list entry,
page number, heading, chapter number, drop capital, leading speck), as one
search of the text for all of them; each repair then matches its own. (Each
shape starts with an indent, then a character that is no space.)"""


ITALIC_NEEDLES = tuple(a + b for a in " \t" for b in ",.;:!?)]") + tuple(
    a + b for a in "([" for b in " \t")
"""What ``italic_spacing`` acts on: a space before a mark or after a bracket."""

def _colon_lines(doc: Lines) -> set[int]:
    """The lines the colon repairs look at: a colon before a space or ending the line."""
    return doc.lines_with(": ") | doc.lines_matching(LINE_END_COLON)


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
    (apostrophes, _with("'", "’ s", "‘", "`")),
    (mark_after_stop, _with(*MARK_AFTER_STOP_NEEDLES)),
    (mark_after_own_mark, lambda doc: doc.lines_matching(STACKED_MARK)),
    (italic_spacing, _with(*ITALIC_NEEDLES)),
    (stroke_for_i, _with(*(f"{mark} " for mark in "1l|[]J{}!"))),
    (specks, lambda doc: doc.shaped_lines | doc.lines_with(" .", "\t.", "^", "~", "\\")),
    (lone_marks, _with(*LONE_MARKS, "'")),
    (dashes, _with("—-", "-—", "— ", "—\t", " —", "\t—", "--")),
    (mark_after_binding_word, _with(".", ",", ";", ":", "'", "’", '"', "”")),
    (stop_read_as_comma, lambda doc: doc.lines_matching(STOP_THEN_SMALL)),
    (comma_read_as_stop, lambda doc: doc.lines_with(", ") | doc.lines_matching(LINE_END_COMMA)),
    (colon_read_as_stop, _colon_lines),
    (lost_stop, lost_stop_lines),
    (parenthetical_comma, parenthetical_lines),
    (colon_in_phrase, _colon_lines),
    (comma_in_phrase, lambda doc: set() if doc.speck_rate < SPECKY else
        doc.lines_with(", ") | doc.lines_matching(LINE_END_COMMA_WORD)),
    (exclamation_in_sentence, _with("!")),
    (undotted_abbreviation, lambda doc: doc.lines_matching(undotted_forms())),
    (misread_opener, opener_lines),
    (colon_for_semicolon, _colon_lines),
    (semicolon_read_as_colon, colon_lines),
    (dashes_read_as_hyphens, lambda doc: set() if doc.writes_dashes else doc.lines_with("-")),
    (speck_between_words, _with(".", ":", ";", "_", "~", "=", "|", "•", "-")),
    (hyphen_before_a_space, _with("- ")),
    (doubled_stop, _with("..")),
    (speck_before_word, _with("-", "_", "~", "=", "|", ":", ";", ",")),
    (stroke_read_as_mark, lambda doc: doc.lines_matching(STROKE_OPENING)),
    (stray_quote, _with("'", "‘", "’", '"', "“", "”")),
    (unclosed_line_opening, lambda doc: doc.lines_matching(LINE_OPENING_QUOTE)),
    (lone_speck, lambda doc: doc.lines_with(
        " .", " :", " ;", " -", " —", "©", "°", "¢", " =", " •", "\t", "- ", ": ", "; ", "' ",
        '" ', "‘ ", "’ ", "“ ", "” ", "| ", " ,", " |", " _", " ~", " *")
        | doc.lines_matching(MARK_OPENING_A_LINE)),
    (noise_tail, lambda doc: doc.lines_matching(NOISE_TAIL)),
    (paragraph_end_quote, lambda doc: doc.lines_matching(QUOTE_AT_END)),
    (quote_alone_at_line_end, lambda doc: doc.lines_matching(QUOTE_AT_END)),
    (paragraph_opening_capital, lambda doc: doc.lines_matching(PARAGRAPH_OPENING_I)),
    (inner_capital, lambda doc: doc.lines_matching(INNER_CAPITAL_NEEDLE)),
    (inner_capital_glyph, lambda doc: doc.lines_matching(INNER_CAPITAL_NEEDLE)),
    (line_end_letter, lambda doc: doc.lines_matching(LINE_END_LETTER)),
    (line_start_letter, lambda doc: doc.lines_matching(LINE_START_LETTER)),
    (line_edge_digit, lambda doc: doc.lines_matching(EDGE_DIGIT)),
    (drop_capital, _shaped),
    (glued_words, lambda doc: doc.lines_with(*doc.glued_words,
                                             *map(str.capitalize, doc.glued_words))),
    (letter_before_capital, lambda doc: doc.lines_matching(SMALL_THEN_CAPITAL)),
    (glued_to_capital, lambda doc: doc.lines_matching(GLUED_CAPITAL_NEEDLE)),
    (lone_small_i, lambda doc: doc.lines_matching(LONE_I_NEEDLE)),
    (lone_a_before_function_word, lambda doc: doc.lines_matching(LONE_A_NEEDLE)),
    (mark_inside_word, lambda doc: doc.lines_matching(MARK_INSIDE_NEEDLE)),
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
        for fix in REPAIRS[order][0](line, doc):
            if isinstance(fix, Flag):  # a doubt on the repair's own choice
                flags.append(replace(fix, start=base + fix.start, end=base + fix.end))
            else:
                proposals.append(Proposal(base + fix.start, base + fix.end, fix.replacement,
                                          fix.rule, fix.confidence, fix.reason))
    return StageResult(within_margin_noise(proposals), flags)


def within_margin_noise(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals but those inside a margin's noise that goes whole: a
    mark repaired there (``the ~ 4``: the ``~`` alone) would otherwise come
    first, and the rest of the noise stay.

    >>> noise = Proposal(3, 8, "", "margin-noise", 0.85, "")
    >>> mark = Proposal(3, 5, "", "lone-mark", 0.9, "")
    >>> [p.rule for p in within_margin_noise([mark, noise])]
    ['margin-noise']
    """
    spans = sorted((p.start, p.end) for p in proposals if p.rule == "margin-noise")
    if not spans:
        return proposals
    starts = [start for start, _ in spans]  # the spans part: a line's edges do not overlap

    def inside(prop: Proposal) -> bool:
        k = bisect_right(starts, prop.start) - 1
        return k >= 0 and prop.end <= spans[k][1]

    return [p for p in proposals if p.rule == "margin-noise" or not inside(p)]


STAGE = Stage("characters", "repair characters inside words and lines: ligatures, "
              "digit/letter confusions, garbled quotes, italic spacing, split words, "
              "drop capitals", run)
