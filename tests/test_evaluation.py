"""Tests of the scoring library, ``clean-scan eval`` and the corpus benchmark."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean_scan.cli_eval import eval_command
from clean_scan.evaluation import (
    Score,
    bag_of_words_counts,
    cer,
    compare_tokens,
    error_reduction,
    fixed_harmed,
    join_line_hyphens,
    locate,
    normalise,
    score_located,
    score_text,
    score_tokens,
    tokenise,
    wer,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BOOK = CORPUS / "ussr-1942"
OVERPROOF = CORPUS / "overproof-dev"


# --- normalisation ---------------------------------------------------------


def test_quotes_fold_to_straight() -> None:
    text = (
        "\u2018a\u2019 \u201ab\u201b \u2032c` \u00b4d "
        "\u201ce\u201d \u201ef\u201f \u2033g \u00abh\u00bb"
    )
    assert normalise(text) == "'a' 'b' 'c' 'd \"e\" \"f\" \"g \"h\""


def test_nfc_and_whitespace_runs() -> None:
    assert normalise("  cafe\u0301\t\n\n  na\u00efve \u00a0x  ") == "caf\u00e9 na\u00efve x"
    assert tokenise("a  b\nc") == ["a", "b", "c"]
    assert tokenise(" \n\t ") == []


def test_join_line_hyphens_only_at_line_ends() -> None:
    text = "work-\ning self-defence class- \n  room\nend -\nx"
    assert join_line_hyphens(text) == "working self-defence classroom\nend -\nx"


# --- metrics ---------------------------------------------------------------


def test_wer_counts_word_edits_over_gold_words() -> None:
    assert wer("the cat sat on the mat", "the bat sat on mat") == pytest.approx(2 / 6)
    assert wer("a b", "a b") == 0.0
    assert wer("The end", "the end") == pytest.approx(0.5)  # case-sensitive


def test_quote_styles_are_not_errors() -> None:
    assert wer("\u201cSocialist\u201d workers\u2019", '"Socialist" workers\'') == 0.0
    assert cer("\u2018x\u2019", "'x'") == 0.0


def test_cer_over_normalised_strings() -> None:
    assert cer("abcd", "abxd") == pytest.approx(0.25)
    assert cer("ab  cd\n", "ab cd") == 0.0
    assert cer("ab cd", "abcd") == pytest.approx(1 / 5)  # the lost space is one edit


def test_bag_of_words_ignores_order_and_pairs_substitutions() -> None:
    assert bag_of_words_counts(["a", "b", "c", "d"], ["d", "c", "b", "a"]) == (0, 0, 0)
    assert bag_of_words_counts(["a", "b", "c"], ["a", "x"]) == (2, 1, 2)
    assert bag_of_words_counts(["a", "a", "b"], ["a", "b", "b", "b"]) == (1, 2, 2)
    score = score_text("a b c d", "d c b a")
    assert score.bow_error == 0.0
    assert score.wer == 1.0  # reversed: only one word can stay aligned


def test_score_fields() -> None:
    score = score_text("the cat sat", "the bat sat down")
    assert score == Score(
        gold_words=3,
        hyp_words=4,
        word_edits=2,
        gold_chars=11,
        char_edits=6,
        bow_missing=1,
        bow_extra=2,
        bow_edits=2,
    )


def test_totals_come_from_summed_counts() -> None:
    total = score_text("x", "y") + score_text("a b c d e f g h i", "a b c d e f g h i")
    assert total.gold_words == 10
    assert total.wer == pytest.approx(0.1)  # not the mean of 1.0 and 0.0


def test_error_reduction() -> None:
    assert error_reduction(0.1, 0.4) == pytest.approx(0.75)
    assert error_reduction(0.5, 0.25) == pytest.approx(-1.0)
    assert error_reduction(0.0, 0.0) is None


def test_fixed_and_harmed() -> None:
    gold = ["the", "quick", "brown", "fox", "jumps"]
    raw = ["the", "qu1ck", "brown", "f0x", "jumps"]
    hyp = ["the", "quick", "brawn", "fox", "jumps"]
    assert fixed_harmed(gold, raw, hyp) == (2, 1)
    comparison = compare_tokens(gold, raw, hyp)
    assert comparison.raw.wer == pytest.approx(0.4)
    assert comparison.hyp.wer == pytest.approx(0.2)
    assert comparison.error_reduction == pytest.approx(0.5)
    assert comparison.harmed_pct == pytest.approx(20.0)


# --- locating --------------------------------------------------------------


def _words(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(count)]


def _garble(tokens: list[str], every: int) -> list[str]:
    return [t + "~" if i % every == 0 else t for i, t in enumerate(tokens)]


def test_locate_finds_noisy_sub_span() -> None:
    gold = _words("w", 200)
    hyp = _words("before", 300) + _garble(gold, 5) + _words("after", 300)
    assert locate(gold, hyp) == (300, 500)


def test_locate_ignores_a_decoy_copy_elsewhere() -> None:
    gold = _words("w", 200)
    hyp = _words("a", 100) + gold[:12] + _words("b", 400) + gold + _words("c", 300)
    assert locate(gold, hyp) == (512, 712)


def test_locate_keeps_garbled_edge_tokens_and_cuts_furniture() -> None:
    gold = ["The", *_words("w", 100), "END"]
    hyp = [*_words("x", 200), "page", "X", "he", *gold[1:-1], "F.ND", "37", *_words("y", 200)]
    start, end = locate(gold, hyp)
    assert hyp[start:end] == ["X", "he", *gold[1:-1], "F.ND"]


def test_locate_tolerates_split_and_dropped_words() -> None:
    gold = _words("w", 400)
    noisy = []
    for i, token in enumerate(gold):
        if i % 7 == 0:
            noisy += [token[:1], token[1:]]  # a word the OCR spaced apart
        elif i % 11 == 0:
            continue  # a dropped word
        else:
            noisy.append(token)
    hyp = _words("p", 500) + noisy + _words("q", 500)
    assert locate(gold, hyp) == (500, 500 + len(noisy))


def test_locate_whole_and_edges() -> None:
    gold = _words("w", 120)
    assert locate(gold, _garble(gold, 4)) == (0, 120)
    assert locate(gold, ["*e*i-", "$", *gold, "45"]) == (0, 123)  # stamp and folio kept
    assert locate(["a"], ["b", "c"]) == (0, 2)
    assert locate([], ["b"]) == (0, 1)


def test_score_located_uses_separate_spans() -> None:
    gold = _words("w", 100)
    raw = _words("r", 150) + _garble(gold, 10) + _words("s", 150)
    hyp = _words("h", 80) + gold + _words("i", 80)
    located = score_located(gold, hyp, raw)
    assert located.span == (80, 180)
    assert located.raw_span == (150, 250)
    assert located.score.wer == 0.0
    assert located.comparison is not None
    assert located.comparison.raw.word_edits == 10
    assert (located.comparison.fixed, located.comparison.harmed) == (10, 0)
    assert score_tokens(gold, hyp[80:180]) == located.score


# --- the CLI ---------------------------------------------------------------


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        return CliRunner()


@pytest.fixture
def book(tmp_path: Path) -> dict[str, Path]:
    part_a = " ".join(_words("a", 100))
    part_b = " ".join(_words("b", 100))
    files = {
        "gold_a": "\u201cOpen\u201d " + part_a + "\n",
        "gold_b": part_b + " THE END\n",
        "hyp": '"Open" ' + part_a + " 12\n\n" + part_b.replace("b50 ", "b5O ") + " THE END\n",
        "raw": "\u201cOpen\u201d "
        + part_a.replace("a7 ", "a 7 ")
        + "\n12\n"
        + part_b
        + " THE F.ND\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_cli_json(book: dict[str, Path]) -> None:
    result = _runner().invoke(
        eval_command,
        [
            str(book["hyp"]),
            str(book["gold_a"]),
            str(book["gold_b"]),
            "--raw",
            str(book["raw"]),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    first, second = data["sections"]
    assert first["gold_words"] == 101 and first["wer"] == 0.0 and first["span"] == [0, 101]
    assert first["raw_wer"] == pytest.approx(2 / 101)  # a7 -> "a 7": one sub + one insert
    assert (first["fixed"], first["harmed"]) == (1, 0)
    assert second["span"] == [102, 204]
    assert second["wer"] == pytest.approx(1 / 102)
    assert (second["fixed"], second["harmed"]) == (1, 1)
    assert second["harmed_pct"] == pytest.approx(100 / 102)
    overall = data["overall"]
    assert overall["gold_words"] == 203
    assert overall["wer"] == pytest.approx(1 / 203)
    assert overall["raw_wer"] == pytest.approx(3 / 203)
    assert overall["error_reduction"] == pytest.approx(2 / 3)
    assert (overall["fixed"], overall["harmed"]) == (2, 1)


def test_cli_table(book: dict[str, Path]) -> None:
    result = _runner().invoke(eval_command, [str(book["hyp"]), str(book["gold_b"])])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["gold", "words", "WER", "CER", "BoW"]
    assert lines[-1].split()[:3] == ["overall", "102", "0.98%"]
    with_raw = _runner().invoke(
        eval_command, [str(book["hyp"]), str(book["gold_b"]), "--raw", str(book["raw"])]
    )
    assert "harmed %" in with_raw.output.splitlines()[0]
    assert with_raw.output.splitlines()[-1].split()[-5:] == ["0.98%", "0.00%", "1", "1", "0.98%"]


def test_cli_join_hyphens(tmp_path: Path) -> None:
    gold = tmp_path / "g.gt.txt"
    hyp = tmp_path / "h.raw.txt"
    gold.write_text("a work-\ning day\n", encoding="utf-8")
    hyp.write_text("a work-\n ing day\n", encoding="utf-8")
    plain = json.loads(_runner().invoke(eval_command, [str(hyp), str(gold), "--json"]).output)
    joined = json.loads(
        _runner().invoke(eval_command, [str(hyp), str(gold), "--json", "--join-hyphens"]).output
    )
    assert plain["overall"]["gold_words"] == 4
    assert joined["overall"]["gold_words"] == 3
    assert joined["overall"]["wer"] == 0.0


@pytest.mark.parametrize("problem", ["missing", "undecodable", "empty", "directory"])
def test_cli_errors(tmp_path: Path, problem: str) -> None:
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("some words\n", encoding="utf-8")
    gold = tmp_path / "gold.txt"
    if problem == "undecodable":
        gold.write_bytes(b"caf\xe9 au lait\n")
    elif problem == "empty":
        gold.write_text(" \n\n", encoding="utf-8")
    elif problem == "directory":
        gold = tmp_path
    result = _runner().invoke(eval_command, [str(hyp), str(gold)])
    assert result.exit_code == 2
    assert result.stderr.startswith("clean-scan: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_missing_raw_is_an_error(book: dict[str, Path], tmp_path: Path) -> None:
    result = _runner().invoke(
        eval_command, [str(book["hyp"]), str(book["gold_a"]), "--raw", str(tmp_path / "no.txt")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("clean-scan: error: ") and "no such file" in result.stderr


# --- the real corpus (skipped without ../shared) ---------------------------

# README: raw line ranges (1-based, inclusive) of the gold sections.
SECTION_LINES = {
    "c00": (1, 169),
    "c01": (170, 316),
    "c02": (317, 677),
    "c04": (1132, 1465),
    "c06": (1715, 2063),
    "c08": (2294, 2584),
    "c10": (2871, 3152),
}


@pytest.mark.skipif(not BOOK.is_dir(), reason="../shared/corpus is absent")
def test_sections_located_in_raw_book() -> None:
    raw = (BOOK / "raw.txt").read_text(encoding="utf-8")
    line_starts = [0]
    for line in raw.split("\n"):
        line_starts.append(line_starts[-1] + len(line.split()))
    raw_tokens = tokenise(raw)
    started = time.perf_counter()
    for section, (first, last) in SECTION_LINES.items():
        gold = tokenise((BOOK / "gold" / f"{section}.gold.txt").read_text(encoding="utf-8"))
        start, end = locate(gold, raw_tokens)
        # Only page furniture at a section's edge may be left out.
        assert abs(start - line_starts[first - 1]) <= 2, section
        assert abs(end - line_starts[last]) <= 2, section
        score_located(gold, raw_tokens, raw_tokens)
    assert time.perf_counter() - started < 2.0


def _load_benchmark():
    spec = importlib.util.spec_from_file_location(
        "dev_corpus", REPO_ROOT / "benchmarks" / "dev_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (BOOK.is_dir() and OVERPROOF.is_dir()), reason="../shared/corpus absent")
def test_benchmark_identity_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "figures.json"
    figures = _load_benchmark().main(["--identity", "--json", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(json.dumps(figures))
    book = figures["ussr-1942"]
    assert len(book["sections"]) == 7
    assert book["overall"]["wer"] == book["overall"]["raw_wer"] > 0.02
    assert book["overall"]["fixed"] == book["overall"]["harmed"] == 0
    systems = figures["overproof-dev"]["systems"]
    assert figures["overproof-dev"]["articles"] == 85
    assert systems["clean-scan"]["error_reduction"] == 0.0
    assert systems["Overproof"]["error_reduction"] > 0.3
    assert "overproof-dev" in capsys.readouterr().out


def _book(sentences: int = 400) -> list[str]:
    """Sentences of words drawn at random (seeded): a text long enough, and
    varied enough, that passages of it stand apart."""
    import random

    draw = random.Random(7)
    syllables = ["ba", "de", "ki", "lo", "mu", "ra", "se", "ti", "vo", "wu"]
    vocabulary = [a + b + c for a in syllables for b in syllables for c in syllables]
    return [" ".join(draw.choice(vocabulary) for _ in range(8)) + f" {k}." for k in
            range(sentences)]


def test_a_gold_of_scattered_passages_is_located_passage_by_passage(tmp_path: Path) -> None:
    sentences = _book()
    hyp = tmp_path / "book.clean.txt"
    hyp.write_text("\n\n".join(" ".join(sentences[k:k + 10]) for k in range(0, 400, 10)) + "\n",
                   encoding="utf-8")
    passages = [" ".join(sentences[k:k + 10]) for k in (20, 150, 330)]
    passages[1] = passages[1].replace(" 155.", " l55.")  # one word the gold has otherwise
    gold = tmp_path / "scattered.gold.txt"
    gold.write_text("\n\n".join(passages) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "clean_scan", "eval", str(hyp), str(gold),
                           "--diff"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith(str(gold)))
    assert float(row.split()[2].rstrip("%")) < 1.0  # one word in 150, not the pages between
    assert "1 stretches differ" in done.stdout and "'l55.' -> '155.'" in done.stdout
