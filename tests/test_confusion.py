"""The OCR confusion model: OCR-typical edits are cheap, arbitrary ones dear."""

from __future__ import annotations

import pytest

from clean_scan.confusion import (
    GENERIC_SUB,
    ConfusionModel,
    is_junk,
    junk_steps,
    load_confusions,
)
from clean_scan.known_edges import KnownEdges


@pytest.fixture(scope="module")
def model() -> ConfusionModel:
    return load_confusions()


@pytest.mark.parametrize(("ocr", "printed"), [
    ("rn", "m"), ("li", "h"), ("c", "e"), ("ii", "n"), ("tr", "u"), ("cl", "d"),
])
def test_classic_confusions_cost_less_than_an_arbitrary_substitution(
        model: ConfusionModel, ocr: str, printed: str) -> None:
    assert model.piece_cost(ocr, printed) < GENERIC_SUB
    assert model.piece_cost(ocr, printed) < model.piece_cost("q", "z")


def test_weighted_distance_prefers_the_ocr_reading(model: ConfusionModel) -> None:
    # modem -> modern (rn read as m) beats modem -> model (plain substitution)
    assert model.cost("modem", "modern") < model.cost("modem", "model")
    # whetlier -> whether (h read as li) beats whetlier -> wheeler
    assert model.cost("whetlier", "whether") < model.cost("whetlier", "wheeler")


def test_identical_forms_cost_nothing(model: ConfusionModel) -> None:
    assert model.cost("organisation", "organisation") == 0.0


def test_junk_characters_are_cheap_to_repair(model: ConfusionModel) -> None:
    assert is_junk("&") and is_junk("^") and not is_junk("é") and not is_junk("'")
    assert model.cost("ap&rt", "apart") < model.cost("apart", "apert")
    assert "apart" in set(junk_steps("ap&rt"))


def test_variants_reach_multi_character_confusions(model: ConfusionModel) -> None:
    forms = model.variants("whicli")
    assert "which" in forms
    assert forms["which"] == pytest.approx(model.cost("whicli", "which"))
    assert "whicli" not in forms


def test_two_operations_combine_learned_confusions() -> None:
    model = ConfusionModel.from_rows([("rn", "m", 3.0), ("c", "e", 4.0)])
    assert model.variants("rnodcl")["model"] == 7.0
    assert "model" not in model.variants("rnodcl", two_ops=False)


def test_from_rows_reads_the_empty_marker() -> None:
    model = ConfusionModel.from_rows([("_", "s", 4.5), ("m", "_", 6.0)])
    assert model.piece_cost("", "s") == 4.5
    assert model.piece_cost("m", "") == 6.0


def test_known_variants_are_the_variants_the_known_set_accepts(model: ConfusionModel) -> None:
    import random

    rng = random.Random(7)
    known = {"model", "which", "the", "modern", "and", "were", "there", "from", "hand", "make"}
    edges = KnownEdges([KnownEdges.sort(known)])
    words = ["rnodcl", "whicli", "tbe", "modem", "aud", "wcre", "tliere", "frorn", "h&nd",
             "Tlie", "WHICLI", "rnake", "m^ke", "th^re"]
    for _ in range(30):
        word = rng.choice(words)
        chars = list(word)
        chars[rng.randrange(len(chars))] = rng.choice("lrnIi1&^ce")
        words.append("".join(chars))
    for word in words:
        for two_ops in (False, True):
            for generic in (False, True):
                slow = model.variants(word, two_ops=two_ops, generic=generic,
                                      accept=lambda f: f.lower() in known)
                slow = {f: c for f, c in slow.items() if f.lower() in known}
                fast = model.known_variants(word, known, two_ops, generic)
                assert list(fast.items()) == list(slow.items()), word
                bounded = model.known_variants(word, known, two_ops, generic, window=edges.window)
                assert list(bounded.items()) == list(slow.items()), word
