"""The dehyphenate stage: split words joined, compounds kept."""

from __future__ import annotations

import doctest

from clean_scan.pipeline import STAGE_NAMES, clean_text
from clean_scan.stages import dehyphenate

ONLY = [name for name in STAGE_NAMES if name not in ("normalise", "dehyphenate", "paragraphs")]


def cleaned(raw: str) -> str:
    return clean_text(raw, skip=ONLY).clean


def test_a_short_text_with_no_usage_of_its_own_keeps_the_period_compounds() -> None:
    """A pamphlet too short to show its own usage: the era lexicon, the
    shape of the parts and the bigram list decide."""
    raw = ("The policy of co-\noperation, the Anglo-\nSoviet pact, the twenty-\nfive pre-\n"
           "war treaties, the self-\ngoverning dominions, the middle-\nclass vote, the non-\n"
           "intervention farce and the counter-\nrevolution, but no non-\nsense.\n")
    assert cleaned(raw) == ("The policy of co-operation, the Anglo-Soviet pact, the twenty-five "
                            "pre-war treaties, the self-governing dominions, the middle-class "
                            "vote, the non-intervention farce and the counter-revolution, but no "
                            "nonsense.\n")


def test_split_words_and_split_names_are_joined() -> None:
    raw = ("The Govern-\nment met at Mary-\nborough for the organ-\nisation of a long meet-\n"
           "ing.\n")
    assert cleaned(raw) == "The Government met at Maryborough for the organisation of a long " \
        "meeting.\n"


def test_a_split_word_whose_line_end_was_lost_is_joined_inside_the_line() -> None:
    """An export that lost the line end after a split keeps ``con- ference``
    inside a line; a suspended compound keeps its hyphen."""
    raw = "The Party con- ference met to discuss pre- and post-war plans.\n"
    assert cleaned(raw) == "The Party conference met to discuss pre- and post-war plans.\n"


def test_the_documents_own_usage_wins_over_the_lexicon() -> None:
    raw = "Cooperation is the word; cooperation again, and co-\noperation at a line end.\n"
    assert cleaned(raw) == "Cooperation is the word; cooperation again, and cooperation at a " \
        "line end.\n"


def test_doctest_examples() -> None:
    result = doctest.testmod(dehyphenate)
    assert result.attempted > 0 and result.failed == 0


def test_a_word_split_where_the_ocr_ended_a_block_is_joined() -> None:
    """An engine may end a block inside a split word or a sentence: the
    blank line it left is no paragraph break."""
    from clean_scan import clean_text

    clean = clean_text("The committee thought it an im-\n\npossible task for the borough\n\n"
                       "alone, and said so to the minister.\n").clean
    assert clean == ("The committee thought it an impossible task for the borough alone, "
                     "and said so to the minister.\n")


def test_a_capital_after_a_blank_line_begins_a_new_paragraph() -> None:
    from clean_scan import clean_text

    clean = clean_text("The report was read in every pre-\n\nWar ward and the\n\n"
                       "Tenants met.\n").clean
    assert clean == "The report was read in every pre-\n\nWar ward and the\n\nTenants met.\n"


def test_a_word_split_beside_a_speck_is_joined_where_the_whole_is_a_word() -> None:
    from clean_scan import clean_text

    clean = clean_text("The only move- .\nment that counted was the rise of the privi- _\n"
                       "leged groups and the cam- —~ '\nnot ended.\n").clean
    assert "The only movement that counted" in clean and "privileged groups" in clean
    assert "cam" in clean and "camnot" not in clean


def test_a_hyphen_read_twice_or_a_speck_opening_the_next_line_still_parts_a_word() -> None:
    """``revolution--`` / ``ary``: a line-end hyphen read twice; ``eco-`` /
    ``| nomy``: a speck of the margin before the word's second piece. The
    lexicon's word joins; a dash set as two hyphens before a word stays."""
    clean = clean_text("the old tradition of Russian revolution--\nary movements, the\n"
                       "Russian eco-\n| nomy and the issue--\ninto which we go.\n").clean
    assert "Russian revolutionary movements, the Russian economy and the issue--into" in clean
