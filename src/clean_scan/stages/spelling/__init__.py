"""Spelling: put back the word the page carried where the OCR misread it.

The stage runs last, on text in its final layout (one paragraph a line), so
a word's neighbours on the line are its context. For each word it asks, in
this order:

1. Is it known? In the era lexicon, in the user's word list, formed from a
   known word with a productive prefix or suffix, or recurring in the
   document itself (a form the book prints twice is probably right, unless
   it is one classic confusion from a very common word, as ``tho`` is).
   Known words are left alone, except (a) members of a short list of
   real-word OCR confusions (``tire``/``the``, ``arc``/``are``), (b) rare
   words one classic confusion from a very common word (``bo``/``be``) and,
   in a noisy text only, (c) words one learned confusion from a word twenty
   times as frequent (``coiner``/``corner``), weighed by a noisy channel
   whose error rate is the text's own share of unknown words; all only
   where attested word bigrams favour the frequent word clearly (for (b),
   in a text with a tenth of its words unknown, also where the bigrams
   attest neither word: its neighbours are garbled too). In a
   noisy text a small letter standing alone between two words (``m``) is
   read as the short common word one learned confusion away (``in``), a
   capital ``I`` read for a small ``i`` is put back in a common word
   between two small-letter words outside a title (``Included``), and a
   mark glued to a word's edge is read as the letter it hides (``»hip``,
   ``earning«``, ``Jame*``) where only that reading explains the word.
2. Is it a piece of a word the OCR spaced apart (``Hav ing``)? Join it.
3. Otherwise, generate the printed forms the confusion model reaches in one
   or two operations (``li``→``h``, ``rn``→``m``, a junk character dropped;
   the model is learned from Tesseract's errors, and a letter read for
   another that this document shows in ten words or more, :mod:`.taught`,
   costs what a classic confusion does; for long words, lexicon words
   within two edits found by rapidfuzz), keep those the lexicon or the
   document knows, and add splits (``whichwas``).
   Rank them by confusion cost + language cost (word bigrams with both
   neighbours) − the document's vote. "Keep the word as printed" competes
   too, so a name the lexicon lacks survives. The confidence is the
   winner's share of the probability mass; below the threshold the word is
   flagged with the stage's best suggestions instead of changed (by the
   pipeline, which alone applies the threshold).

How noisy the OCR is decides how bold the stage is. The share of the
text's words that the lexicon does not know (``unknown_share``: about 0.4%
in the sample book before this stage, 2% to 40% in the newspaper articles)
is the rate of the noisy channel. From 2% on, capitalised words get
two-operation candidates too, rule (c) runs, lone small letters are read,
and the text is read a second time with the first reading's corrections in
place (:func:`read_again`); beyond a tenth, keeping an unknown word as
printed costs more, short words are always read two operations deep, and a
recurring unknown form one classic confusion from a common word is not
trusted even where the document never prints that word.
(The wide search is not widened to capitalised words: on the newspapers it
gained 0.08 points of error reduction for a third more time.)

Capitalised and all-capital words (often names) need stronger evidence: a
classic confusion (and not into another name), a repaired junk character or
a form the document uses.
Letter case is carried over to the replacement (``NEITIIER`` → ``NEITHER``),
and a capital the OCR misread as a small letter is put back where the page
must have set one: a word only ever written capitalised (``bydney`` →
``Sydney``), a sentence's first word (``lho`` → ``The``) or a word whose
first letters the confusion model reads from a capital (``lohn`` →
``John``). The other way round, on a clean page a small letter read as its
capital of the same shape (``the building of Vast armaments``) is set
small again where the document prints the word small.
The parts of a hyphenated compound and the stem of a possessive are read
as words (``Bathurst-streot`` → ``Bathurst-street``, ``Queon's`` →
``Queen's``), but a compound is changed only into one of known words.
Numbers, abbreviations, references and words at a ``¬`` are not touched,
and a number the OCR read as letters after ``Chapter`` or ``No.`` (``lo``)
is flagged with its digits, never made a word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import accumulate, chain
from operator import attrgetter

from clean_scan.document import Document, Flag, Proposal
from clean_scan.lexicon import without_accents
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages.spelling.candidates import candidates, confidence, rank
from clean_scan.stages.spelling.channel import channel_offset, noise_keep_cost, unknown_share
from clean_scan.stages.spelling.known import candidate_known
from clean_scan.stages.spelling.known_words import capital_i, rare_word, same_shape_capital
from clean_scan.stages.spelling.model import (
    NOISY_TEXT,
    TOKEN,
    TOKEN_TEXTS,
    Knowledge,
    LineTokens,
    Token,
    split_token,
)
from clean_scan.stages.spelling.scan import (
    classify,
    knowledge,
    lines_to_scan,
    look_for_noisy_text_words,
    scan_line,
    split_lines,
)
from clean_scan.stages.spelling.unknown import correct_word
from clean_scan.stages.spelling.unsure import unsure_corrections

__all__ = [
    "Knowledge",
    "LineTokens",
    "NOISY_TEXT",
    "STAGE",
    "TOKEN",
    "TOKEN_TEXTS",
    "Token",
    "candidate_known",
    "candidates",
    "capital_i",
    "channel_offset",
    "confidence",
    "correct_word",
    "knowledge",
    "noise_keep_cost",
    "rank",
    "rare_word",
    "read_words",
    "run",
    "same_shape_capital",
    "split_lines",
    "split_token",
    "unknown_share",
]


def run(text: str, context: Context) -> StageResult:
    """Read every word; in a noisy text, read the words again with the
    corrections of the first reading in place (:func:`read_again`)."""
    first, know = read_words(text, context)
    if know.noisy and any(know.confident(p.confidence) for p in first.proposals):
        first = read_again(text, first, context, know)
    return unsure_corrections(text, foreign_words_kept(text, first, know), know)


def foreign_words_kept(text: str, result: StageResult, know: Knowledge) -> StageResult:
    """A word with letters beyond ASCII is a word of another language or a
    name (``Nîmes``, ``crème``, ``señor``), not a misreading, unless the
    evidence says so: it is changed only into itself without its accents,
    and only where that is a common English word or the text prints it
    elsewhere (``seéing``, ``carriéd``); in a very noisy text, where the OCR
    sets accents at random, as any other word. Any other change is flagged
    (one below the threshold is left to the pipeline, which flags it so).

    >>> know = knowledge("seeing it", Context())
    >>> result = StageResult([Proposal(0, 6, "seeing", "r", 0.9, ""),
    ...                       Proposal(7, 12, "Names", "r", 0.9, "")])
    >>> kept = foreign_words_kept("seéing Nîmes", result, know)
    >>> [p.replacement for p in kept.proposals], [f.text for f in kept.flags]
    (['seeing'], ['Nîmes'])
    """
    proposals, flags = [], list(result.flags)
    for prop in result.proposals:
        before = text[prop.start:prop.end]
        if know.very_noisy or not accented(before) or not know.confident(prop.confidence) or \
                (prop.replacement == without_accents(before)
                                and (know.doc[prop.replacement] > 0
                                     or know.lexicon.common(prop.replacement))):
            proposals.append(prop)
        else:
            flags.append(Flag(prop.start, prop.end, before, prop.rule, round(prop.confidence, 3),
                              "not changed: a word with accents is a foreign word or a name "
                              f"unless the text says otherwise; {prop.reason}",
                              (prop.replacement,)))
    return StageResult(proposals, flags)


def accented(word: str) -> bool:
    """Whether a letter of the word lies beyond ASCII (``Nîmes``; a mark
    such as ``¢`` or ``«`` is the OCR's, and says nothing).

    >>> accented("Nîmes"), accented("¢s!ablished"), accented("earning«")
    (True, False, False)
    """
    return not word.isascii() and any(c.isalpha() and not c.isascii() for c in word)


def read_words(text: str, context: Context,
               first: Knowledge | None = None) -> tuple[StageResult, Knowledge]:
    """One reading of the text's words: every proposal, however sure, and
    the flags of the words nothing reads. ``first``: what an earlier reading
    of the text knew, whose candidates this one takes over."""
    lines, tokens = split_lines(text)  # split once, for both uses
    distinct = Counter(chain.from_iterable(tokens))  # counted once, for both uses
    # a second reading of a very noisy text keeps the first one's noise: that
    # is the OCR's, and the words still unknown once the first reading's
    # corrections are in are no likelier printed for it (on the newspapers,
    # 7 more words right). Below a tenth the corrected text is measured
    # afresh: kept there, the real-word rule's second look read the added-
    # noise book's "to mould the" as "would" in 4 of 42 draws
    know = knowledge(text, context, distinct,
                     first.noise if first is not None and first.very_noisy else None,
                     first.taught if first is not None else None,
                     first.capital_habits if first is not None else None)
    if first is not None:
        know.take_candidates(first)
    classify(distinct, know)
    look_for_noisy_text_words(distinct, know)
    proposals: list[Proposal] = []
    flags: list[Flag] = []
    starts = list(accumulate(map(len, lines), initial=0))  # line k starts at starts[k] + k
    for k in lines_to_scan(tokens, know):
        found, flagged = scan_line(lines[k], starts[k] + k, know, tokens[k], classified=True)
        proposals += found
        flags += flagged
    return StageResult(proposals, flags), know


SECOND_READING = "; read again once its neighbours were corrected"


def read_again(text: str, first: StageResult, context: Context,
               known: Knowledge) -> StageResult:
    """The first reading's proposals, and what a second reading of the
    corrected text changes. In OCR this bad a word's neighbours are often
    misread too, so the first reading weighs it against garbles; with them
    corrected, the bigrams and the document's counts speak (on the
    newspapers a second reading fixed about 60 more words and harmed none;
    a third added a tenth of that). A word the second reading changes again
    gets the second reading only; a first-reading flag or doubt (a proposal
    below the threshold) on a word the second reading changes goes. The
    second reading takes the first one's candidates (``known``): the
    document's words hardly change between the two, and finding candidates
    is most of a reading's time."""
    confident = known.confident
    applied = sorted((p for p in first.proposals if confident(p.confidence)),
                     key=attrgetter("start"))
    corrected = Document.from_raw(text)  # its piece map takes spans back to ``text``
    corrected.splice(applied)
    second, _ = read_words(corrected.text, context, known)
    index = {(prop.start, prop.end): k for k, prop in enumerate(applied)}
    starts = [prop.start for prop in applied]
    added, replaced = [], set()
    for prop in second.proposals:
        if not confident(prop.confidence):
            continue  # a doubt: the first reading's doubt on the word stands
        start, end = corrected.raw_span(prop.start, prop.end)
        again = index.get((start, end))
        reason = prop.reason + SECOND_READING
        if again is not None:
            replaced.add(again)
            reason += f" (first read as '{applied[again].replacement}')"
        elif _overlaps_one(applied, starts, start, end):
            continue  # it takes in a word the first reading changed, and more
        added.append(prop._replace(start=start, end=end, reason=reason))
    if not added:
        return first
    def untouched(item: Proposal | Flag) -> bool:  # by the second reading's changes
        return not any(item.start < prop.end and prop.start < item.end for prop in added)

    kept = [prop for k, prop in enumerate(applied) if k not in replaced]
    kept += [doubt for doubt in first.proposals if not confident(doubt.confidence)
             and untouched(doubt)]
    flags = list(filter(untouched, first.flags))
    return StageResult(sorted(kept + added, key=attrgetter("start")), flags)


def _overlaps_one(applied: list[Proposal], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``applied`` (sorted, not
    overlapping; ``starts``: their starts)."""
    i = bisect_right(starts, start) - 1
    return (i >= 0 and start < applied[i].end) or (i + 1 < len(applied) and starts[i + 1] < end)


STAGE = Stage("spelling", "corrects misread words against the era lexicon and the "
              "document's own vocabulary, ranked by an OCR confusion model", run)
