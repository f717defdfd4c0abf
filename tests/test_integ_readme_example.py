"""The README's tiny example is what the tool really does."""

from __future__ import annotations

from clean_scan.pipeline import clean_text

from .conftest import REPO


def test_excerpt_cleans_to_the_expected_output():
    raw = (REPO / "samples" / "excerpt.txt").read_text(encoding="utf-8")
    expected = (REPO / "samples" / "excerpt.clean.txt").read_text(encoding="utf-8")
    assert clean_text(raw).clean == expected


def test_readme_shows_the_excerpt_and_its_output():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("excerpt.txt", "excerpt.clean.txt"):
        assert (REPO / "samples" / name).read_text(encoding="utf-8") in readme
