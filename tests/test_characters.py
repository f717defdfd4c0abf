"""The characters stage: what a reader of the cleaned text sees repaired, and
what must be left for later stages or for a person."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan.document import Document, Edit, Flag, Proposal, RaisedFlag
from clean_scan.pipeline import clean_text, run_stage
from clean_scan.stage import Context
from clean_scan.stages import characters

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLE = CORPUS / "ussr-1942" / "raw.txt"


def clean(text: str, context: Context | None = None) -> tuple[str, list[Edit], list[RaisedFlag]]:
    """Run the characters stage alone, applied as the pipeline applies it."""
    doc = Document.from_raw(text)
    edits: list[Edit] = []
    flags: list[RaisedFlag] = []
    run_stage(characters.STAGE, doc, context or Context(), edits, flags)
    return doc.text, edits, flags


def test_doctests_of_every_repair_pass() -> None:
    import importlib
    import pkgutil

    results = [doctest.testmod(importlib.import_module(m.name))
               for m in pkgutil.iter_modules(characters.__path__, "clean_scan.stages.characters.")]
    assert sum(r.attempted for r in results) > 30
    assert sum(r.failed for r in results) == 0


def test_ligature_characters_become_letters() -> None:
    assert clean("the \ufb01rst o\ufb03ce\n")[0] == "the first office\n"


def test_italic_spacing_is_closed_up() -> None:
    text = "( b ) Political oppression overthrow Tsarism .\nan independent , highly able\n"
    assert clean(text)[0] == ("(b) Political oppression overthrow Tsarism.\n"
                              "an independent, highly able\n")


def test_ellipses_and_decimals_keep_their_spaces() -> None:
    text = "and so . . . on\na rise of .5 per cent\n"
    assert clean(text)[0] == text


def test_lone_marks_between_words_go_and_blanks_and_bullets_stay() -> None:
    text = ("the | expense of the working < class\n^ Already Trotsky\n• Item, date ____ here\n"
            "Whatever ' British socialists say,\nthe ' Soviet ' system\n")
    cleaned, edits, _ = clean(text)
    assert cleaned == ("the expense of the working class\nAlready Trotsky\n• Item, date ____ here\n"
                       "Whatever British socialists say,\nthe ' Soviet ' system\n")
    assert {e.rule for e in edits} == {"lone-mark"}


def test_a_mark_alone_after_a_word_a_mark_ends_already_is_a_speck() -> None:
    text = ("said petition. . By Alderman Hay\nMrs. Glass, , Miss Philp,\n"
            "the second cabin. .\nand so . . . the end. . . .\n")
    cleaned, edits, _ = clean(text)
    assert cleaned == ("said petition. By Alderman Hay\nMrs. Glass, Miss Philp,\n"
                       "the second cabin.\nand so . . . the end. . . .\n")
    assert {e.rule for e in edits} == {"mark-after-stop"}


def test_house_style_spacing_before_semicolons_is_kept() -> None:
    """Old newspapers set a space before ``;`` as a rule: that is printed."""
    text = "lots sold ; the rest ; and more ; then done; end ; go\n"
    assert clean(text)[0] == text


def test_one_spaced_semicolon_is_italic_spacing_not_a_house_style() -> None:
    """A short text with one ``;`` of two set after a space: an accident
    of italic type, closed up; a house style shows more than once."""
    text = "They make the dictatorship plebiscitary ; that is, a rule; and so on\n"
    assert clean(text)[0] == "They make the dictatorship plebiscitary; that is, a rule; and so on\n"


def test_drop_capital_after_heading() -> None:
    text = "INTRODUCTION\n\nX he end of the war and the peace and the people.\n"
    assert clean(text)[0].splitlines()[2].startswith("The end of")


def test_drop_capital_inside_a_paragraph_is_left() -> None:
    text = "the war and the peace and the people\nX he said\n"
    assert clean(text)[0] == text


def test_spaced_letters_join_into_a_document_word() -> None:
    text = "democratic rule and democratic rights\nthe demo cr atic party\n"
    assert clean(text)[0].endswith("the democratic party\n")


def test_spaced_letters_unknown_to_the_document_are_only_flagged_or_left() -> None:
    text = "the demo cr atic party\n"
    out, edits, _ = clean(text)
    assert out == text and not edits


def test_common_words_are_not_joined() -> None:
    text = "into the house and into the street\nwent in to the house\n"
    assert clean(text)[0] == text


def test_punctuation_between_words_is_not_a_fragment() -> None:
    text = "the jim and jim\nsold jim , forgery to ; visit to visit\n"
    assert clean(text)[0].endswith("sold jim, forgery to; visit to visit\n")


def test_lexicon_in_context_is_consulted() -> None:
    """The spelling work can plug in an era lexicon: joins then need no
    second use in the document."""
    context = Context(shared={"lexicon": frozenset({"democratic"})})
    out, _, _ = clean("the demo cr atic party\n", context)
    assert out == "the democratic party\n"


def test_stars_after_words() -> None:
    text = ("the workers and workers and the workers, economic and economic\n"
            "a workers* victory by*the end of economic* exhaustion of economic life\n")
    out = clean(text)[0].splitlines()[1]
    assert out == "a workers’ victory by the end of economic exhaustion of economic life"


def test_ligatures_dropped_in_a_short_text_come_back_from_the_lexicon() -> None:
    """A text too short to print ``office`` twice: the lexicon's common
    words give the ligature back; a piece that is half a word split at
    the line end (``of cer-``) is no fragment to join."""
    out = clean("The o cial view of the e ect of the con ict. The sale of cer-\ntain land.\n")[0]
    assert out == "The official view of the effect of the conflict. The sale of cer-\ntain land.\n"


def test_a_star_after_a_plural_printed_once_is_its_apostrophe() -> None:
    """A short text that prints the plural only once: the era lexicon
    knows it; a star before a capital after a name stays (``Jame*``)."""
    out = clean("The workers* claims were heard by Jame* Brown.\n")[0]
    assert out == "The workers’ claims were heard by Jame* Brown.\n"


def test_star_on_a_footnote_page_is_left_for_the_footnotes_stage() -> None:
    text = "a planned society* and the society\nof the society\n\n* This problem is old.\n"
    assert "society* and" in clean(text)[0]


def test_garbled_closing_double_quotes() -> None:
    text = "the “Union of Republics** as well\nits public “self-criticism’*, its\n"
    assert clean(text)[0] == "the “Union of Republics” as well\nits public “self-criticism”, its\n"


def test_turned_and_spaced_quotes() -> None:
    text = "about this ” superiority”. Not\nthe “ equalitarians ” and\n"
    assert clean(text)[0] == "about this “superiority”. Not\nthe “equalitarians” and\n"


def test_garbled_year_follows_the_document_vote() -> None:
    text = "in 1942 and 1942 and 1942\nFirst published March 194*\n"
    assert clean(text)[0].endswith("March 1942\n")


def test_garbled_year_with_competing_candidates_is_flagged() -> None:
    text = "in 1941 and 1942 and 1941\nFirst published March 194*\n"
    out, _, flags = clean(text)
    assert out == text
    assert any(f.rule == "garbled-number" and "1941" in f.suggestions for f in flags)


def test_numbers_of_a_contents_list() -> None:
    text = ("9. Totalitarian Dictatorship 39\n\nlo. Bureaucracy 45\n\nii. The Party\n\n"
            "t*. Relations\n\n13. The Leader 60\n\n14* The End 65\n")
    assert clean(text)[0] == ("9. Totalitarian Dictatorship 39\n\n10. Bureaucracy 45\n\n"
                              "11. The Party\n\n12. Relations\n\n13. The Leader 60\n\n"
                              "14. The End 65\n")


def test_contents_page_numbers_headings_and_item_letters() -> None:
    text = ("PART I\n\nPART II\n\nCONTENTS\n\nPART 1\n\n1. The Background\n\n9\n\n"
            "2. The Party\n\n»3\n\n3. The Soviets\n\n16\n\n(a) The International\n\n"
            "(£) Foreign Policy\n")
    assert clean(text)[0] == text.replace("PART 1", "PART I").replace("»3", "13").replace(
        "(£)", "(b)")


def test_letters_inside_numbers_and_digits_inside_words() -> None:
    text = "of of of to to to\nbefore l9l4 some 0f them went t0 it\n"
    assert clean(text)[0].endswith("before 1914 some of them went to it\n")


def test_dashes_inside_lines_are_closed() -> None:
    text = "power—-to be; formulated it— to create\n"
    assert clean(text)[0] == "power—to be; formulated it—to create\n"


def test_line_ends_are_left_for_later_stages() -> None:
    """Hyphens, ``¬``, em dashes and footnote numbers belong to the
    footnotes, dehyphenate and paragraphs stages."""
    text = ("the Labour Move*\nment is one Movement and the Movement\n"
            "a demonstra¬\ntion of peace—\nwere Finland 1\nand the dispute. 2\n")
    assert clean(text)[0] == text


ALPHABET = "ab .,;*’”“(\n\f-—1lO0"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_never_joins_or_splits_lines(text: str) -> None:
    """Work stays within printed lines: no proposal crosses or adds a line end."""
    result = characters.run(text, Context())
    for prop in result.proposals:
        assert 0 <= prop.start <= prop.end <= len(text)
        assert "\n" not in text[prop.start:prop.end]
        assert "\n" not in prop.replacement


@pytest.mark.skipif(not SAMPLE.exists(), reason="development corpus absent")
def test_sample_book_repairs() -> None:
    raw = SAMPLE.read_text(encoding="utf-8")
    result = clean_text(raw, skip=["spelling"])
    ours = [e for e in result.edits if e.stage == "characters"]
    changes = {(e.before, e.after) for e in ours}
    for pair in [("X he", "The"), ("Hav ing", "Having"), ("'*", "”"), ("**", "”"),
                 ("lo.", "10."), ("—-", "—")]:
        assert pair in changes
    assert "Soviet Union to be abused" in result.clean
    assert "attempt by the Russian" in result.clean
    # never a line-end hyphen, soft hyphen or line end
    assert not any("\n" in e.before or "¬" in e.before for e in ours)


def _as_tuple(prop: Proposal | Flag, base: int = 0) -> tuple:
    if isinstance(prop, Flag):  # a repair's doubt on its own choice
        return (base + prop.start, base + prop.end, prop.text, prop.rule, prop.confidence,
                prop.reason)
    return (base + prop.start, base + prop.end, prop.replacement, prop.rule, prop.confidence,
            prop.reason)


def _every_repair_on_every_line(text: str, context: Context) -> list[tuple]:
    """What ``run`` proposes when every line repair runs on every line, with
    no gate: the reference the gates must not change."""
    doc = characters.Lines(text, context)
    proposals = [_as_tuple(p) for repair in characters.WHOLE_TEXT_REPAIRS
                 for p in repair(text, doc)]
    for index, line in enumerate(doc.lines):
        if not line.strip() or line.strip() == "\f":
            continue
        doc.index = index
        for repair, _ in characters.REPAIRS:
            proposals += [_as_tuple(p, doc.starts[index]) for p in repair(line, doc)]
    return sorted(proposals)


def _proposed(text: str, context: Context) -> list[tuple]:
    result = characters.run(text, context)
    return sorted(map(_as_tuple, [*result.proposals, *result.flags]))


def _doctest_texts() -> list[str]:
    """The text around the line of every ``show(...)`` doctest example."""
    texts: list[str] = []

    def record(repair, line, before="", after="", min_confidence=0.8):  # noqa: ANN001, ARG001
        texts.append(before + ("" if not before or before.endswith("\n") else "\n") + line + after)
        return ""

    import importlib

    for part in ("words", "numbers", "quotes", "spacing"):  # the repairs REPAIRS gates
        module = importlib.import_module(f"clean_scan.stages.characters.{part}")
        for test in doctest.DocTestFinder().find(module):
            names = {**vars(module), "show": record, "print": lambda *args: None}
            for example in test.examples:
                exec(example.source, names)  # noqa: S102 - the module's own doctests
    return texts


def test_gates_let_through_every_line_a_repair_changes() -> None:
    """A repair runs only on the lines its gate lets through: on the doctest
    examples (every rule fires there), alone and together, that must give
    what running every repair on every line gives."""
    texts = _doctest_texts()
    assert len(texts) > 50
    for text in [*texts, "\n".join(texts), "\n\n".join(texts)]:
        for context in (Context(), Context(extra_words=frozenset({"harvest"}))):
            assert _proposed(text, context) == _every_repair_on_every_line(text, context)


GATE_PIECES = (
    " ", " ", "\n", "\n\n", "\t", "\f", "a", "the", "harvest", "har vest ing", "of ce", "ﬁ",
    "—", "-", "(", ")", "*", "'", "’", ".", ",", ";", "^", "~", "\\", "1942", "office",
    # what each rule looks for, so that lines with one of them alone are common
    "it— to", "then —was", "mill—-to", "( b )", "order .", "River .Thames", ". The", "farmers*",
    "Farmers**", "” wisdom”", "“ improvers ”", "going ’ ’", "man's", "market'and", "0f them",
    "(t fair'*", "* ‘open door”", "194*", "l9l4", "1S50", "X he", "L ondon’s", "BOOK HI",
    "BOOK III", "i i", "THE PARTY", "lo. Harvests", "9. Seeds", "»3", "(a) x", "(£) The",
    "(a) The Harvest\n(£) The Markets", "“Where are\nwe going ’ ’ in",
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GATE_PIECES), max_size=40).map("".join))
def test_gates_change_nothing_on_odd_text(text: str) -> None:
    """The same on text made of the pieces the repairs and their gates look for."""
    assert _proposed(text, Context()) == _every_repair_on_every_line(text, Context())


def test_an_unread_glyph_no_letter_reads_is_two_letters_taken_for_one() -> None:
    """GOCR writes ``_`` for a glyph it cannot read: where no single letter
    makes a word of it, two letters set close (a ligature, a kerned pair)
    that make the one common word, or the word the document prints, do; a
    rare word no page prints (``re_c``: relic) is no reading."""
    text = ("The story went u_th the men u_thin the walls and u_thout a u_tness to it, and the\n"
            "_ctitious account of the landing in No_ay gave a fictitious name to the re_c.\n")
    clean = clean_text(text, skip=["spelling"]).clean
    assert "the fictitious account of the landing in Norway gave" in clean
    assert "to the re_c." in clean


def test_a_small_word_opening_the_texts_sentences_is_its_misread_capital() -> None:
    """GNU Ocrad reads Bonum's ``Th`` as ``m``: ``me`` follows nearly every
    stop. It is ``The`` there, the closed-class word its tail makes far
    oftener than any other; ``me`` inside a sentence stays."""
    text = ("The plan was made at last.\nme council met in the spring. me men came back to me.\n"
            "The work went on for a year.\nme rest of the town waited.\n")
    clean = clean_text(text, skip=["spelling"]).clean
    assert "The council met in the spring. The men came back to me." in clean
    assert "The rest of the town waited." in clean


def test_a_digit_for_a_letter_in_a_word_the_line_end_parts_is_read_in_the_whole_word() -> None:
    """``spe-`` / ``cia1``: neither piece is a word, so the digit of an
    ``l``'s shape is judged in the word the two make, which the dehyphenate
    stage joins later (and ``po1i-`` / ``tical`` the same way)."""
    clean = clean_text("There was a spe-\ncia1 campaign against the po1i-\ntical one.\n").clean
    assert clean == "There was a special campaign against the political one.\n"


def test_an_a_before_a_vowel_is_a_speck_but_before_a_consonants_sound_the_article() -> None:
    """English sets ``an`` before a vowel's sound, so a lone ``a`` before a
    common word opening with one is a speck read as a letter; before
    ``union`` or ``one-sided`` it is the article, and before a word glued to
    noise (a misread) it stays."""
    clean = clean_text("They did so in a order to build a union, a one-sided\n"
                       "one, and a ape« of the whole.\n").clean
    assert clean.startswith("They did so in order to build a union, a one-sided one")
    assert "a ape" in clean


def test_an_a_after_another_determiner_is_a_speck_but_not_the_latin_a() -> None:
    clean = clean_text("The strike was led by the a Bolsheviks, whose a priori\n"
                       "argument was that of their a leaders.\n").clean
    assert "led by the Bolsheviks, whose a priori argument" in clean
    assert "that of their leaders." in clean


def test_a_glued_pair_opening_a_sentence_is_parted_as_the_document_prints_it() -> None:
    """``Itis``, twice (once may be a chance): the capital of a sentence's
    first word does not hide the pair the document prints, in any case, many
    times as often."""
    text = ("It is so, as it is said. It is true that it is here and it is there, for it is "
            "the way it is done. Itis not over. Itis late.\n")
    assert clean_text(text).clean.endswith("it is done. It is not over. It is late.\n")


def test_an_unread_glyph_opening_a_sentence_reads_as_the_word_the_document_prints() -> None:
    """GOCR gives ``_`` for the ``Th`` of ``The`` set close and for the ``vi``
    of ``Soviet``: the document teaches ``vi``, which makes a word of ``_e``
    too (``Vie``), but where a sentence opens the document itself prints
    ``The`` again and again, and that is the reading."""
    text = ("The So_et State gave pri_leges to the _llage councils. The di_sion of the "
            "land was slow. _e peasants were not content. The So_et leaders knew it, and "
            "the pri_leges of the _llage were cut. _e result was a new di_sion. The war came.\n")
    clean = clean_text(text).clean
    assert "The peasants were not content." in clean and "The result was" in clean
    assert "Soviet leaders" in clean and "Vie" not in clean
