"""The pipeline: the stages in order, and the one place where proposals
become edits.

The order matters and is declared here only:

1. ``normalise`` makes line ends and invisible characters uniform, so that
   later stages can rely on ``\\n``;
2. ``furniture`` finds the pages and removes what is not the book's text,
   marking each page break with a form feed line;
3. ``characters`` repairs characters inside words and lines;
4. ``footnotes`` moves footnotes off the page foot to after their paragraph,
   before pages are joined, so a footnote cannot split a paragraph;
5. ``dehyphenate`` joins words split at line ends, also over page breaks;
6. ``paragraphs`` joins lines into one line per paragraph, joins paragraphs
   broken by page breaks and writes the final layout;
7. ``spelling`` corrects misread words against the era lexicon;
8. ``doubtful`` flags every word left that nothing supports, for review;

and, when a reviewer has decided on a report, ``review`` last
(:mod:`clean_scan.review.apply`); with ``--page-markers``, ``[Pg N]`` where
each printed page begins (:mod:`clean_scan.page_map`).
"""

from __future__ import annotations

import bisect
import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter, itemgetter

from clean_scan.document import Document, Edit, Flag, Proposal, RaisedFlag
from clean_scan.page_map import Page, marker_proposals, page_map
from clean_scan.review.apply import REVIEW_STAGE
from clean_scan.rules import BY_NAME
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages import (
    characters,
    dehyphenate,
    doubtful,
    footnotes,
    furniture,
    normalise,
    paragraphs,
    spelling,
)

STAGES: tuple[Stage, ...] = (
    normalise.STAGE,
    furniture.STAGE,
    characters.STAGE,
    footnotes.STAGE,
    dehyphenate.STAGE,
    paragraphs.STAGE,
    spelling.STAGE,
    doubtful.STAGE,
)

STAGE_NAMES = tuple(stage.name for stage in STAGES)


@dataclass
class Result:
    """The outcome of cleaning one text: the edits in the order they were
    made, the flags in reading order (by raw stretch)."""

    raw: str
    clean: str
    edits: list[Edit]
    flags: list[RaisedFlag]
    hunks: list[tuple[int, int, str]]
    stages_run: list[str] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def counts_by_stage(self) -> dict[str, dict[str, int]]:
        counts = {name: {"edits": 0, "flags": 0} for name in self.stages_run}
        # counted in C: a book has thousands of edits (an Edit is a named
        # tuple, its stage first: taken by place, quicker than by name)
        for kind, stages in (("edits", map(itemgetter(0), self.edits)),
                             ("flags", map(attrgetter("stage"), self.flags))):
            for stage, n in Counter(stages).items():
                counts.setdefault(stage, {"edits": 0, "flags": 0})[kind] += n
        return counts


def clean_text(raw: str, *, skip: Iterable[str] = (), context: Context | None = None) -> Result:
    """Clean one raw OCR text; the notebook user's entry point.

    >>> clean_text("A demonstra¬\\ntion of the ( b ) rule.\\n").clean
    'A demonstration of the (b) rule.\\n'
    """
    return clean_document(raw, skip=skip, context=context)[0]


def clean_document(raw: str, *, skip: Iterable[str] = (),
                   context: Context | None = None) -> tuple[Result, Document]:
    """``clean_text``, with the document whose piece map ties the clean
    text to the raw (what adopting a hand-edited clean text needs)."""
    context = context or Context()
    skipped = set(skip)
    unknown = skipped - set(STAGE_NAMES)
    if unknown:
        raise ValueError(f"unknown stage(s): {', '.join(sorted(unknown))}")
    doc = Document.from_raw(raw)
    if context.layout is not None:
        context = dataclasses.replace(context, raw_span=doc.raw_span)
    edits: list[Edit] = []
    flags: list[RaisedFlag] = []
    ran = []
    for stage in STAGES:
        if stage.name in skipped:
            continue
        ran.append(stage.name)
        run_stage(stage, doc, context, edits, flags)
    review = context.review
    if review is not None and review.decisions:
        decided = review.final_proposals(doc, edits, flags)
        stage = Stage(REVIEW_STAGE, "apply the reviewer's decisions",
                      lambda text, context: StageResult(decided))
        ran.append(REVIEW_STAGE)
        run_stage(stage, doc, context, edits, flags)
        flags[:] = _undecided(flags, edits)
    pages = page_map(raw, edits, doc) if "furniture" in ran else []
    if context.page_markers and pages:
        markers = marker_proposals(pages, doc.text)
        stage = Stage(MARKER_STAGE, "mark where each printed page begins",
                      lambda text, context: StageResult(markers))
        ran.append(MARKER_STAGE)
        run_stage(stage, doc, context, edits, flags)
        pages = page_map(raw, edits, doc)
    flags.sort(key=_RAW_SPAN)  # in reading order; stable, so a stretch's flags keep theirs
    return Result(raw, doc.text, edits, flags, doc.hunks(), ran, pages), doc


MARKER_STAGE = "page-markers"


def _undecided(flags: list[RaisedFlag], edits: list[Edit]) -> list[RaisedFlag]:
    """The flags on stretches the reviewer has not rewritten: a doubt the
    reviewer settled is no longer one."""
    settled = sorted((e.raw_start, e.raw_end) for e in edits if e.stage == REVIEW_STAGE)
    if not settled:
        return flags
    starts = [start for start, _ in settled]
    kept = []
    for flag in flags:
        k = bisect.bisect_right(starts, flag.raw_start) - 1
        if k >= 0 and flag.raw_end <= settled[k][1]:
            continue
        kept.append(flag)
    return kept


def run_stage(
    stage: Stage, doc: Document, context: Context, edits: list[Edit], flags: list[RaisedFlag]
) -> None:
    """Run one stage: apply its confident proposals, flag the rest (the one
    place where the confidence threshold is applied)."""
    text = doc.text
    result = stage.run(text, context)
    if context.skip_rules or STRICT_RULES:
        result = _by_registered_rules(stage.name, result, context.skip_rules)
    accepted: list[Proposal] = []
    befores: list[str] = []
    unsure: list[RaisedFlag] = []
    last_end = -1
    confident = context.confident
    review = context.review if context.review and stage.name != REVIEW_STAGE else None
    if review is not None and not review.active:
        review = None
    for prop in sorted(result.proposals, key=_SPAN):
        start, end, replacement = prop[:3]
        before = text[start:end]
        if replacement == before:
            continue
        if review is not None and review.refuses(doc, stage.name, prop, before):
            continue  # the reviewer rejected this change: it is neither made nor flagged
        if not confident(prop.confidence):
            unsure.append(_raise(stage.name, doc, start, end, before, prop.rule, prop.confidence,
                                 f"not changed (confidence below threshold): {prop.reason}",
                                 prop.suggestions or (replacement,)))
            continue
        if start < last_end:
            continue  # overlapping proposals: the first one wins
        accepted.append(prop)
        befores.append(before)
        last_end = end
    flags.extend(_flagged_once(flags, unsure, stage.name, doc, result.flags, confident))
    raw_starts, raw_ends = doc.splice(accepted)
    # one Edit per accepted proposal, made in C (the paragraphs stage alone
    # makes thousands): tuple.__new__ makes the named tuple from its fields
    # in order, as Edit(...) does, without a Python call each
    edits.extend(map(tuple.__new__, repeat(Edit), zip(
        repeat(stage.name), map(_RULE, accepted), raw_starts, raw_ends, befores,
        map(_REPLACEMENT, accepted), map(round, map(_CONFIDENCE, accepted), repeat(3)),
        map(_REASON, accepted))))


def _flagged_once(flags: list[RaisedFlag], unsure: list[RaisedFlag], stage: str, doc: Document,
                  raised: list[Flag], confident: Callable[[float], bool]) -> list[RaisedFlag]:
    """The stage's new flags: its proposals below the threshold (``unsure``),
    then its own flags, but for a doubt on a change it is sure of enough
    and a stretch flagged already (a stretch is flagged once: the same text
    at the same raw place, for text a stage moved has no place of its own)."""
    if not raised and not unsure:
        return []
    flagged = set(map(_FLAGGED, flags))
    new = [flag for flag in unsure if _FLAGGED(flag) not in flagged]
    flagged.update(map(_FLAGGED, unsure))
    for flag in raised:
        if flag.doubts_a_change and confident(flag.confidence):
            continue
        located = _raise(stage, doc, flag.start, flag.end, flag.text, flag.rule,
                         flag.confidence, flag.reason, flag.suggestions)
        if _FLAGGED(located) not in flagged:
            new.append(located)
    return new


STRICT_RULES = os.environ.get("CLEAN_SCAN_STRICT_RULES") == "1"
"""Set by the tests: a proposal or flag of a rule not in the registry
(:mod:`clean_scan.rules`), or of another stage's rule, is an error."""


class UnregisteredRule(RuntimeError):
    """A stage used a rule name the registry does not hold for it."""


def _by_registered_rules(stage: str, result: StageResult, skip: frozenset[str]) -> StageResult:
    """The stage's proposals and flags but those of the rules turned off;
    in strict mode, every rule checked against the registry."""
    if STRICT_RULES:
        for rule in {p.rule for p in result.proposals} | {f.rule for f in result.flags}:
            registered = BY_NAME.get(rule)
            if registered is None or registered.stage != stage:
                raise UnregisteredRule(f"stage {stage} used rule {rule!r}, which the registry "
                                       f"does not hold for it (clean_scan/rules.py)")
    if not skip:
        return result
    return StageResult([p for p in result.proposals if p.rule not in skip],
                       [f for f in result.flags if f.rule not in skip])


_SPAN = itemgetter(0, 1)  # a Proposal's start and end
_RAW_SPAN = attrgetter("raw_start", "raw_end")
_FLAGGED = attrgetter("raw_start", "raw_end", "text")
_RULE = attrgetter("rule")
_REPLACEMENT = attrgetter("replacement")
_CONFIDENCE = attrgetter("confidence")
_REASON = attrgetter("reason")


def _raise(
    stage: str,
    doc: Document,
    start: int,
    end: int,
    text: str,
    rule: str,
    confidence: float,
    reason: str,
    suggestions: tuple[str, ...],
) -> RaisedFlag:
    raw_start, raw_end = doc.raw_span(start, end)
    return RaisedFlag(
        stage, rule, raw_start, raw_end, text, round(confidence, 3), reason, tuple(suggestions)
    )
