"""Shared fixtures: the bundled sample, and the dev corpus when present."""

from __future__ import annotations

import os
from pathlib import Path

# Every rule a stage uses must be in the registry (clean_scan/rules.py): the
# pipeline raises on any other while the tests run, in subprocesses too.
os.environ["CLEAN_SCAN_STRICT_RULES"] = "1"

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "ussr-1942.txt"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """The sample book in a folder of its own, so outputs land beside it."""
    target = tmp_path / "ussr-1942.txt"
    target.write_bytes(SAMPLE.read_bytes())
    return target
