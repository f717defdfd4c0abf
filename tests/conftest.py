"""Shared fixtures: the bundled sample, and the dev corpus when present."""

from __future__ import annotations

from pathlib import Path

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
