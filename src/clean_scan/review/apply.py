"""Applying a reviewer's decisions inside the pipeline.

* A **rejected** edit is not made: the pipeline asks :meth:`Review.refuses`
  before it accepts a proposal, so the stage that would make it (and every
  stage after, which then sees the raw text there) goes on as if it had not
  been proposed. A correction ``X -> Y`` rejected in the project word list
  is refused the same way, in every file.
* An **accepted** suggestion or a **replacement** is made last, by the
  ``review`` stage, at the raw stretch its id names (or its ``raw_start``
  and ``raw_end``): nothing the tool proposes can undo it, and, as every
  other edit, it is an edit of the JSON report, so ``restore`` stays exact.
* A decision whose id this run no longer has (the input, the options or
  clean-scan changed) is **stale**: it is not applied, and it is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from clean_scan.document import Document, Edit, Proposal, RaisedFlag
from clean_scan.review.decisions import Decision, Decisions
from clean_scan.review.ids import base_id, edit_id, flag_id

REVIEW_STAGE = "review"


@dataclass
class Review:
    """Decisions for one run, and what became of them."""

    decisions: tuple[Decision, ...] = ()
    rejected_pairs: frozenset[tuple[str, str]] = frozenset()
    rejected_ids: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)
    applied: list[Decision] = field(default_factory=list)
    stale: list[Decision] = field(default_factory=list)
    learned_pairs: list[tuple[str, str]] = field(default_factory=list)
    """Word corrections rejected by id, to be refused in every later file."""

    @classmethod
    def of(cls, decisions: Decisions | None,
           rejected_pairs: Iterable[tuple[str, str]] = ()) -> Review:
        chosen = decisions.decisions if decisions else ()
        return cls(chosen, frozenset(rejected_pairs),
                   {base_id(d.item_id) for d in chosen if d.action == "reject"})

    @property
    def active(self) -> bool:
        return bool(self.decisions or self.rejected_pairs)

    def refuses(self, doc: Document, stage: str, prop: Proposal, before: str) -> bool:
        """Whether the reviewer rejected this proposal: by its edit's id, or
        as a correction rejected in the word list."""
        if self.rejected_ids:
            raw_start, raw_end = doc.raw_span(prop.start, prop.end)
            item_id = edit_id(stage, prop.rule, raw_start, raw_end)
            if item_id in self.rejected_ids:
                self.refused.add(item_id)
                if _one_word(before) and _one_word(prop.replacement):
                    self.learned_pairs.append((before, prop.replacement))
                return True
        if (before, prop.replacement) in self.rejected_pairs:
            self.refused.add(f"{before} -> {prop.replacement}")
            return True
        return False

    def final_proposals(self, doc: Document, edits: list[Edit],
                        flags: list[RaisedFlag]) -> list[Proposal]:
        """The replacements and accepted suggestions, as proposals on the
        final text; sorts the decisions into applied and stale."""
        present = {edit_id(e.stage, e.rule, e.raw_start, e.raw_end) for e in edits}
        present |= {flag_id(f.stage, f.rule, f.raw_start, f.raw_end) for f in flags}
        present |= self.refused
        proposals = []
        for decision in self.decisions:
            if decision.action == "trust":
                self.applied.append(decision)
                continue
            if decision.item_id and base_id(decision.item_id) not in present:
                self.stale.append(decision)
                continue
            if decision.action == "reject":
                self.applied.append(decision)
                continue
            span = doc.current_span(decision.raw_start, decision.raw_end)
            if span is None:
                self.stale.append(decision)
                continue
            rule = "reviewer-accept" if decision.action == "accept" else "reviewer-replace"
            proposals.append((Proposal(span[0], span[1], decision.text, rule, 1.0,
                                       f"the reviewer's decision: {decision.label()}"), decision))
        return self._apart(proposals)

    def _apart(self, proposals: list[tuple[Proposal, Decision]]) -> list[Proposal]:
        """The proposals in text order; of two on one stretch the later in
        the file (the reviewer's latest word) stays, the other is stale."""
        kept: list[tuple[Proposal, Decision]] = []
        for prop, decision in reversed(proposals):
            if any(_overlap(prop, other) for other, _ in kept):
                self.stale.append(decision)
            else:
                kept.append((prop, decision))
        kept.sort(key=lambda item: (item[0].start, item[0].end))
        self.applied += [decision for _, decision in kept]
        return [prop for prop, _ in kept]


def _one_word(text: str) -> bool:
    """A word a correction changes: letters, no space (a line join or a
    moved note is no correction to remember across files)."""
    return bool(text) and not any(c.isspace() for c in text) and any(c.isalpha() for c in text)


def _overlap(a: Proposal, b: Proposal) -> bool:
    """Whether two stretches share text, or are one insertion point."""
    return a.start < b.end and b.start < a.end or (a.start, a.end) == (b.start, b.end)
