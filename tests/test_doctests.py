"""Every docstring example in the package runs: the examples are how each
rule shows what it fixes and what it leaves alone, so they must hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import clean_scan

MODULES = sorted(m.name for m in pkgutil.walk_packages(clean_scan.__path__, "clean_scan.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


def test_the_rules_are_shown_by_example() -> None:
    with_examples = [m for m in MODULES
                     if doctest.testmod(importlib.import_module(m)).attempted]
    assert len(with_examples) >= 40
