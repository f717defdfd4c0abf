"""The era lexicon: what it knows, what it leaves out, and that it rebuilds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from clean_scan.lexicon import Lexicon, known_form, load_lexicon

REPO = Path(__file__).resolve().parents[1]
WORDNET = Path("/usr/share/wordnet/index.noun")
"""Debian wordnet-base, which the word classes are built from."""


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize("word", [
    "organisation", "labour", "programme", "defence", "gaol",          # British
    "to-day", "to-morrow", "connexion", "shew", "co-operation",        # period forms
    "Bolshevik", "Menshevik", "Comintern", "kulak", "Stakhanovite",    # politics
    "Petrograd", "Kronstadt", "Zinoviev", "Gollancz", "Wehrmacht",     # places, people, war
    "Messrs", "Thos", "Chas", "Jno", "Sergt",                          # abbreviations
])
def test_period_words_are_known(lexicon: Lexicon, word: str) -> None:
    assert known_form(word, lexicon)


@pytest.mark.parametrize("word", ["modem", "online", "email", "internet"])
def test_anachronisms_are_not_words(lexicon: Lexicon, word: str) -> None:
    assert not known_form(word, lexicon)


def test_common_ocr_debris_is_not_a_word(lexicon: Lexicon) -> None:
    assert not known_form("tbe", lexicon)
    assert not known_form("whicli", lexicon)


def test_bigram_context_prefers_real_phrases(lexicon: Lexicon) -> None:
    assert lexicon.next_cost("the", "workers") < lexicon.next_cost("tire", "workers")


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_lexicon",
                                                  REPO / "wordlists" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_writes_a_lexicon_with_supplements_and_without_anachronisms(
        tmp_path: Path) -> None:
    builder = _load_builder()
    words, pairs = builder.build(tmp_path, wbritish=None)
    assert words > 80_000 and pairs > 10_000
    rows = dict(line.split("\t") for line in
                (tmp_path / "lexicon.tsv").read_text(encoding="utf-8").splitlines())
    assert "stakhanovite" in rows and "to-day" in rows   # curated supplements
    assert "modem" not in rows and "email" not in rows    # anachronisms left out
    assert int(rows["the"]) > int(rows["stakhanovite"])   # frequencies kept
    names = set((tmp_path / "names.txt").read_text(encoding="utf-8").split())
    assert "zinoviev" in names and "the" not in names      # curated people, no common words
    bigram_lines = (tmp_path / "bigrams.tsv").read_text(encoding="utf-8").splitlines()
    assert all(int(line.split("\t")[1]) >= builder.MIN_BIGRAM_COUNT for line in bigram_lines)


def test_supplements_hold_no_correction_pairs() -> None:
    """Supplement lists are word lists (one entry a line), not tables of
    misreading -> word pairs; only the two confusion lists pair things."""
    for path in (REPO / "wordlists" / "supplement").glob("*.txt"):
        if path.name in ("real-word-confusions.txt", "ocr-confusions.txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            assert "->" not in line and "\t" not in line, (path.name, line)


def test_lookup_command_shows_the_ranked_readings() -> None:
    from click.testing import CliRunner

    from clean_scan.cli import cli
    result = CliRunner().invoke(cli, ["lexicon", "lookup", "whicli", "organisation"])
    assert result.exit_code == 0, result.output
    assert "whicli: unknown" in result.output and "which" in result.output
    assert "organisation: known" in result.output


def test_lookup_reads_a_word_as_in_a_clean_page_unless_told_the_text_is_noisy() -> None:
    from click.testing import CliRunner

    from clean_scan.cli import cli
    clean = CliRunner().invoke(cli, ["lexicon", "lookup", "Whcrc"])
    noisy = CliRunner().invoke(cli, ["lexicon", "lookup", "Whcrc", "--noise", "0.2"])
    assert clean.exit_code == noisy.exit_code == 0, clean.output + noisy.output
    assert " where " not in clean.output and " where " in noisy.output
    bad = CliRunner().invoke(cli, ["lexicon", "lookup", "Whcrc", "--noise", "2"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_build_command_writes_into_the_given_folder(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from clean_scan.cli import cli
    result = CliRunner().invoke(cli, ["lexicon", "build", "--no-wbritish",
                                      "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "lexicon.tsv").exists() and (tmp_path / "bigrams.tsv").exists()
    assert (tmp_path / "word-classes.tsv").exists() == WORDNET.exists()


@pytest.mark.skipif(not WORDNET.exists(),
                    reason="Debian wordnet-base is not installed")
def test_the_packaged_word_classes_are_wordnets_for_the_packaged_lexicon(tmp_path: Path) -> None:
    """Rebuild with ``python wordlists/build_word_classes.py`` when this
    fails: the punctuation rules would judge words by stale classes."""
    import shutil

    data = REPO / "src" / "clean_scan" / "data"
    spec = importlib.util.spec_from_file_location("classes", REPO / "wordlists" /
                                                  "build_word_classes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shutil.copy(data / "lexicon.tsv", tmp_path / "lexicon.tsv")
    module.build(module.WORDNET, tmp_path)
    assert (tmp_path / "word-classes.tsv").read_text("utf-8") == \
        (data / "word-classes.tsv").read_text("utf-8")


def test_the_packaged_spelling_tables_are_those_of_the_packaged_lexicon() -> None:
    """Rebuild with ``python wordlists/build_lexicon.py --tables-only`` when
    this fails: a stale file is passed over, so the stage only starts slower."""
    from clean_scan import lexicon_tables as tables

    data = REPO / "src" / "clean_scan" / "data"
    found = tables.parse((data / tables.FILE).read_text(encoding="utf-8"),
                         tables.key((data / "lexicon.tsv").read_bytes()))
    assert found == tables.derive(load_lexicon().words)


def test_stale_damaged_or_missing_spelling_tables_are_derived_instead(tmp_path: Path) -> None:
    from clean_scan import lexicon_tables as tables

    derived = tables.derive(load_lexicon().words)
    (tmp_path / "lexicon.tsv").write_text("the\t100\n", encoding="utf-8")
    written = tables.write(tmp_path).read_text(encoding="utf-8")
    assert tables.load_from(tmp_path) == tables.derive({"the": "100"})  # its own, whole
    assert tables.parse(written.rsplit("\n", 3)[0], tables.key(b"the\t100\n")) is None
    (tmp_path / "lexicon.tsv").write_text("the\t101\n", encoding="utf-8")  # now stale
    assert tables.load_from(tmp_path) == derived
    (tmp_path / tables.FILE).write_bytes(b"\xff\xfe")  # damaged
    assert tables.load_from(tmp_path) == derived
    (tmp_path / tables.FILE).unlink()
    assert tables.load_from(tmp_path) == derived
