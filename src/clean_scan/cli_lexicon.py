"""``clean-scan lexicon``: rebuild the era lexicon, or see how the spelling
stage would read a word (its candidates and their scores), for review."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "wordlists" / "build_lexicon.py"
CLASSES_SCRIPT = REPO_ROOT / "wordlists" / "build_word_classes.py"


@click.group("lexicon")
def lexicon_command() -> None:
    """Build the era lexicon or look words up in it."""


@lexicon_command.command("build")
@click.option("--out-dir", type=click.Path(path_type=Path),
              help="Write the built files here (default: the package's data folder).")
@click.option("--no-wbritish", is_flag=True, help="Build without Debian's wbritish list.")
def build_command(out_dir: Path | None, no_wbritish: bool) -> None:
    """Rebuild lexicon.tsv, bigrams.tsv and the word classes from wordlists/ (needs a
    source checkout)."""
    if not BUILD_SCRIPT.exists():
        click.echo("clean-scan: error: wordlists/build_lexicon.py not found; "
                   "run this from a source checkout", err=True)
        sys.exit(2)
    module = _script(BUILD_SCRIPT)
    target = out_dir or module.DATA
    words, pairs = module.build(target, None if no_wbritish else module.WBRITISH)
    click.echo(f"wrote {words} words and {pairs} bigrams to {target}")
    classes = _script(CLASSES_SCRIPT)
    if (classes.WORDNET / "index.noun").is_file():
        click.echo(f"wrote the word classes of {classes.build(classes.WORDNET, target)} words")
    else:
        click.echo("word-classes.tsv kept as it was: no WordNet (apt-get install wordnet-base)")


def _script(path: Path):
    """A build script of ``wordlists/``, loaded as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@lexicon_command.command("lookup")
@click.argument("words", nargs=-1, required=True)
@click.option("--left", help="The word before, for context.")
@click.option("--right", help="The word after, for context.")
@click.option("--noise", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Share of unknown words in the text the word stands in "
                   "(0: a clean page; the stage is bolder from 0.02).")
def lookup_command(words: tuple[str, ...], left: str | None, right: str | None,
                   noise: float) -> None:
    """Show whether each WORD is known, and the spelling stage's ranked readings."""
    from dataclasses import replace

    from clean_scan.lexicon import known_form, load_lexicon
    from clean_scan.stage import Context
    from clean_scan.stages.spelling import confidence, knowledge, rank

    lexicon = load_lexicon()
    # the words alone would make a text all of unknown words: the noise is the user's
    know = replace(knowledge(" ".join(words), Context()), noise=noise)
    for word in words:
        status = f"known (count {lexicon.count(word)})" if known_form(word, lexicon) else "unknown"
        click.echo(f"{word}: {status}")
        ranked = rank(word, left, right, False, know)[:8]
        click.echo(f"  confidence of best: {confidence(ranked):.3f}")
        for item in ranked:
            click.echo(f"  {item.cost:7.2f}  {item.form}  ({item.why})")
