"""The architecture one can see: stages never import each other, and the
spelling stage's modules import one way, along its noisy channel."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "clean_scan"
STAGES = SRC / "stages"
SPELLING_LAYERS = ("model", "taught", "doc_neighbours", "known", "channel", "candidates",
                   "unknown", "known_words", "capital_l", "scan", "unsure", "__init__")
"""The spelling package from the bottom: tokens and knowledge (``model``),
the letter rewrites a document teaches, the words a form's own document
prints near it, what counts as known, the channel's costs, the
candidates, the decisions on unknown and on known words (and on a capital
read for a small ``l``), the scan that takes each token to its decision,
the flags on the corrections it is not sure of, and the stage. A module
imports only modules below it."""


def imported(path: Path) -> set[str]:
    """Every ``clean_scan`` module the file imports, anywhere in it."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("clean_scan")}


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "stages" else None


def test_no_stage_imports_another() -> None:
    """A stage sees the text and the shared core only: what two stages both
    need (word lists, lexicon tables) lives in the core."""
    crossings = []
    for path in STAGES.rglob("*.py"):
        own = path.relative_to(STAGES).parts[0].removesuffix(".py")
        for module in imported(path):
            other = stage_of(module)
            if other is not None and other != own:
                crossings.append(f"{path.relative_to(SRC)} imports {module}")
    assert crossings == []


def test_the_spelling_modules_import_one_way() -> None:
    package = STAGES / "spelling"
    assert {p.stem for p in package.glob("*.py")} == set(SPELLING_LAYERS)
    upward = []
    for level, name in enumerate(SPELLING_LAYERS):
        for module in imported(package / f"{name}.py"):
            if module.startswith("clean_scan.stages.spelling."):
                other = module.split(".")[3]
                if other in SPELLING_LAYERS and SPELLING_LAYERS.index(other) >= level:
                    upward.append(f"{name} imports {other}")
    assert upward == []


MAX_LINES = 600
"""No module longer than a reader can hold (the issue that set it: 15)."""


def test_no_module_is_over_six_hundred_lines() -> None:
    long = [f"{path.relative_to(SRC)}: {n}" for path in SRC.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []
