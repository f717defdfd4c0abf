"""The decisions file, ``STEM.review.json``: what a reviewer decided.

Schema version 1 (``docs/review-format.md``)::

    {"version": 1, "input_sha256": "…", "decisions": [
        {"id": "spelling:ocr-misreading:34-37", "action": "reject"},
        {"id": "flag:spelling:ocr-misreading:21-24", "action": "accept", "text": "one"},
        {"id": "spelling:ocr-misreading:90-95", "action": "replace", "text": "Oise"},
        {"raw_start": 120, "raw_end": 126, "action": "replace", "text": "erf"},
        {"word": "Narkomindel", "action": "trust"}]}

A file is checked whole before any of it is used: a bad one is refused
with one line saying what is wrong, never half applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clean_scan.decoding import InputError

VERSION = 1
ACTIONS = ("reject", "accept", "replace", "trust")
MAX_DECISIONS = 1_000_000


class DecisionsError(InputError):
    """A decisions file that cannot be used, with the reason."""


@dataclass(frozen=True)
class Decision:
    """One decision. ``item_id`` names an edit or flag; ``raw_start`` and
    ``raw_end`` a raw stretch; ``text`` is what goes there; ``word`` a word
    to trust."""

    action: str
    item_id: str = ""
    raw_start: int = -1
    raw_end: int = -1
    text: str = ""
    word: str = ""

    def label(self) -> str:
        """How a message names the decision."""
        if self.word:
            return f"trust {self.word!r}"
        where = self.item_id or f"raw {self.raw_start}-{self.raw_end}"
        return f"{self.action} {where}"

    def to_json(self) -> dict[str, Any]:
        if self.action == "trust":
            return {"word": self.word, "action": "trust"}
        item: dict[str, Any] = ({"id": self.item_id} if self.item_id else
                                {"raw_start": self.raw_start, "raw_end": self.raw_end})
        item["action"] = self.action
        if self.action != "reject":
            item["text"] = self.text
        return item


@dataclass(frozen=True)
class Decisions:
    """A decisions file, checked."""

    input_sha256: str
    decisions: tuple[Decision, ...]

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "input_sha256": self.input_sha256,
                "decisions": [d.to_json() for d in self.decisions]}


def read_decisions(path: Path, input_sha256: str | None = None) -> Decisions:
    """The decisions in ``path``, checked against the schema and, when
    given, the input's checksum; DecisionsError when they cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DecisionsError(f"{path}: no such decisions file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionsError(f"{path}: cannot read the decisions file ({exc})") from None
    except (ValueError, RecursionError) as exc:
        raise DecisionsError(f"{path}: not JSON ({exc})") from None
    decisions = parse_decisions(data, str(path))
    if input_sha256 is not None and decisions.input_sha256 != input_sha256:
        raise DecisionsError(f"{path}: made for another input (its input_sha256 does not "
                             "match this file's)")
    return decisions


def parse_decisions(data: Any, where: str = "decisions") -> Decisions:
    """Check parsed JSON against schema version 1.

    >>> parse_decisions({"version": 1, "input_sha256": "ab",
    ...                  "decisions": [{"word": "Komsomol", "action": "trust"}]}).decisions
    (Decision(action='trust', item_id='', raw_start=-1, raw_end=-1, text='', word='Komsomol'),)
    >>> parse_decisions({"version": 2, "input_sha256": "ab", "decisions": []})
    Traceback (most recent call last):
    ...
    clean_scan.review.decisions.DecisionsError: decisions: version 2 is not supported (1 is)
    """
    if not isinstance(data, dict):
        raise DecisionsError(f"{where}: not a decisions file (a JSON object is expected)")
    if data.get("version") != VERSION:
        raise DecisionsError(f"{where}: version {data.get('version')!r} is not supported "
                             f"({VERSION} is)")
    sha = data.get("input_sha256")
    items = data.get("decisions")
    if not isinstance(sha, str) or not isinstance(items, list):
        raise DecisionsError(f"{where}: needs a string input_sha256 and a list of decisions")
    if len(items) > MAX_DECISIONS:
        raise DecisionsError(f"{where}: more than {MAX_DECISIONS} decisions")
    return Decisions(sha, tuple(_decision(item, f"{where}: decision {n}")
                                for n, item in enumerate(items, 1)))


def _decision(item: Any, where: str) -> Decision:
    if not isinstance(item, dict):
        raise DecisionsError(f"{where}: not an object")
    action = item.get("action")
    if action not in ACTIONS:
        raise DecisionsError(f"{where}: action must be one of {', '.join(ACTIONS)}")
    if action == "trust":
        word = item.get("word")
        if not isinstance(word, str) or not word.strip() or any(c.isspace() for c in word):
            raise DecisionsError(f"{where}: trust needs a word without spaces")
        return Decision("trust", word=word)
    text = item.get("text", "")
    if action != "reject" and not isinstance(item.get("text"), str):
        raise DecisionsError(f"{where}: {action} needs a text")
    if "id" in item:
        item_id = item["id"]
        if not isinstance(item_id, str) or not item_id:
            raise DecisionsError(f"{where}: id must be a string")
        if action == "accept" and not item_id.startswith("flag:"):
            raise DecisionsError(f"{where}: accept is for a flag's id")
        if action == "reject" and item_id.startswith("flag:"):
            raise DecisionsError(f"{where}: reject is for an edit's id (a flag changed nothing)")
        span = raw_span_of(item_id)
        if span is None:
            raise DecisionsError(f"{where}: {item_id!r} is not an edit's or a flag's id")
        return Decision(action, item_id=item_id, raw_start=span[0], raw_end=span[1], text=text)
    start, end = item.get("raw_start"), item.get("raw_end")
    if action != "replace" or not all(type(v) is int for v in (start, end)) \
            or not 0 <= start <= end:
        raise DecisionsError(f"{where}: needs an id, or raw_start <= raw_end for a replace")
    return Decision("replace", raw_start=start, raw_end=end, text=text)


def raw_span_of(item_id: str) -> tuple[int, int] | None:
    """The raw stretch an edit's or flag's id names.

    >>> raw_span_of("spelling:ocr-misreading:34-37#2"), raw_span_of("nonsense")
    ((34, 37), None)
    """
    place = item_id.split("#", 1)[0].rsplit(":", 1)[-1]
    start, _, end = place.partition("-")
    if not (start.isdigit() and end.isdigit()) or item_id.count(":") < 2:
        return None
    return int(start), int(end)
