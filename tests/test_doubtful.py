"""Doubtful words: what a reviewer is pointed to in the clean text."""

from __future__ import annotations

from clean_scan import clean_text
from clean_scan.stage import Context

TEXT = ("The tenants of the Narkomindel estate met in the hall. The chairman said that\n"
        "the councii had lost a third of its houses, and the U.S.S.R. had sent bread amd\n"
        "butter. Narkomindel tenants, Narkomindel rents and the 22nd meeting followed.\n")


def doubtful(text: str, **options) -> dict[str, tuple[str, tuple[str, ...]]]:
    result = clean_text(text, skip=["spelling"], **options)
    return {f.text: (f.rule, f.suggestions) for f in result.flags if f.stage == "doubtful"}


def test_unsupported_words_are_flagged_with_suggestions() -> None:
    flags = doubtful(TEXT)
    assert flags["councii"][0] == "unknown-word"
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


SENTENCES = ("The council met in the hall and agreed that the rents should be heard",
             "before the vote was taken by the members of the committee at last",
             "and the clerk wrote down what each of them said about the repairs")


def prose(lines: int, every: int, mark: str) -> str:
    """Lines of prose; every ``every``-th one with ``mark`` after its fourth word."""
    out = []
    for k in range(lines):
        words = SENTENCES[k % 3].split()
        if every and k % every == 0:
            words[3] += mark
        out.append(" ".join(words))
    return "\n".join(out) + ".\n"


def mark_flags(text: str) -> list:
    return [f for f in clean_text(text, skip=["spelling"]).flags
            if f.rule in ("colon-before-small", "comma-before-capital", "stop-before-small",
                          "standing-mark")]


def test_colons_before_small_letters_by_the_dozen_are_flagged_with_the_likely_marks() -> None:
    flags = mark_flags(prose(120, 4, ":"))  # 30 colons in 1,600 words: twelve times print's
    assert len(flags) == 30 and all(f.rule == "colon-before-small" for f in flags)
    assert flags[0].suggestions == ("", ";", ",") and flags[0].confidence > 0.9


def test_colons_at_print_rate_and_ellipses_are_not_flagged() -> None:
    assert mark_flags(prose(120, 60, ":")) == []  # 2 colons in 1,600 words
    assert mark_flags(prose(30, 10, " ...")) == []


def test_a_stop_before_a_small_letter_and_a_lone_mark_are_flagged_in_any_text() -> None:
    from clean_scan.stages.doubtful.marks import mark_flags as flags_of

    text = "The council met in the hall. the rents were heard : and the vote was taken.\n"
    assert sorted(f.rule for f in flags_of(text)) == ["standing-mark", "stop-before-small"]
    assert flags_of("The rents, i.e. the dues, were heard, etc. and paid . . . in the U.K. as\n"
                    "before.\n") == []


def test_a_small_letter_standing_alone_is_flagged_but_not_a_list_marker() -> None:
    flags = doubtful("The members of o the council, (b) the clerk, and a v plan of it.\n")
    assert flags["o"][0] == flags["v"][0] == "standing-letter"
    assert "b" not in flags and "a" not in flags
