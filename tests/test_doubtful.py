"""Doubtful words: what a reviewer is pointed to in the clean text."""

from __future__ import annotations

from clean_scan import clean_text
from clean_scan.stage import Context

TEXT = ("The tenants of the Narkomindel estate met in the hall. The chairman said that\n"
        "the counci1 had lost a third of its houses, and the U.S.S.R. had sent bread amd\n"
        "butter. Narkomindel tenants, Narkomindel rents and the 22nd meeting followed.\n")


def doubtful(text: str, **options) -> dict[str, tuple[str, tuple[str, ...]]]:
    result = clean_text(text, skip=["spelling"], **options)
    return {f.text: (f.rule, f.suggestions) for f in result.flags if f.stage == "doubtful"}


def test_unsupported_words_are_flagged_with_suggestions() -> None:
    flags = doubtful(TEXT)
    assert flags["counci1"][0] == "unknown-word"
    assert flags["amd"] == ("unlikely-word", ("and",))


def test_known_repeated_and_abbreviated_words_are_not_flagged() -> None:
    flags = doubtful(TEXT)
    assert not {"Narkomindel", "U.S.S.R", "22nd", "tenants", "bread"} & set(flags)


def test_trusted_words_are_not_flagged() -> None:
    text = "The Krestintern met.\n"
    assert "Krestintern" in doubtful(text)
    trusted = Context(extra_words=frozenset({"Krestintern"}))
    assert "Krestintern" not in doubtful(text, context=trusted)


def test_the_doubtful_stage_changes_nothing() -> None:
    assert clean_text(TEXT).clean == clean_text(TEXT, skip=["doubtful"]).clean
