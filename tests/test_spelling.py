"""The spelling stage: misreadings put back, known words left alone."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from itertools import chain
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clean_scan.document import Document, RaisedFlag
from clean_scan.lexicon import load_lexicon
from clean_scan.pipeline import clean_text, run_stage
from clean_scan.stage import Context
from clean_scan.stages import spelling
from clean_scan.stages.spelling import scan

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def spelling_alone(text: str, **options: object) -> tuple[str, list[RaisedFlag]]:
    """The text as the spelling stage leaves it, and the flags raised, the
    pipeline applying the threshold."""
    doc, flags = Document.from_raw(text), []
    run_stage(spelling.STAGE, doc, Context(**options), [], flags)  # type: ignore[arg-type]
    return doc.text, flags


def correct(text: str, **options: object) -> str:
    return spelling_alone(text, **options)[0]


def flags(text: str, **options: object) -> list[RaisedFlag]:
    return spelling_alone(text, **options)[1]


@pytest.mark.parametrize(("raw", "fixed"), [
    ("the machine tools whicli have been built", "the machine tools which have been built"),
    ("the problem whetlier or not it was possible", "the problem whether or not it was possible"),
    ("into the most modem form of industrial", "into the most modern form of industrial"),
    ("the fundamental difference betweeq the two", "the fundamental difference between the two"),
])
def test_misreadings_are_put_back(raw: str, fixed: str) -> None:
    assert correct(raw) == fixed


def test_misread_parts_of_compounds_and_possessives_are_put_back() -> None:
    assert correct("the boardlng-houso in Bathurst-streot was sold") == \
        "the boarding-house in Bathurst-street was sold"
    assert correct("a ship at the Queon's Wharf") == "a ship at the Queen's Wharf"


def test_compounds_are_changed_only_into_compounds_of_known_words() -> None:
    for text in ("the well-known working-class party", "the Brest-Litovsk treaty",
                 "at-tho same time",  # short pieces joined at a stray hyphen
                 "in the Parranvitta-itreet"):  # an unknown name left: no surer for the change
        assert correct(text) == text
    raised = flags("in the Parranvitta-itreet")
    assert [(f.text, f.suggestions) for f in raised] == [("itreet", ("street",))]


def test_case_is_kept() -> None:
    assert correct("THE PROBLEM WHETLIER OR NOT") == "THE PROBLEM WHETHER OR NOT"


def test_a_small_letter_before_a_capitalised_word_is_a_speck_not_a_word() -> None:
    # not split as "it he": a word does not start at a capital's second letter
    # (the characters stage takes the speck away before spelling looks)
    result = clean_text("can ever be victorious. iThe Bolsheviks came to power\n")
    assert result.clean == "can ever be victorious. The Bolsheviks came to power\n"
    assert [e.rule for e in result.edits] == ["letter-speck-before-capital"]


def test_the_document_votes_for_its_own_words() -> None:
    text = ("Russia was poor. " * 12) + "The revolution in Russid came first."
    assert "revolution in Russia came" in correct(text)
    # without the document's votes, a capitalised unknown word is left alone
    assert correct("The revolution in Russid came first.") == \
        "The revolution in Russid came first."


def test_real_word_errors_are_corrected_only_where_context_decides() -> None:
    assert correct("as far as possible to win tire workers to the cause") == \
        "as far as possible to win the workers to the cause"
    assert correct("the tire was flat") == "the tire was flat"
    assert correct("They arc ruled by the council") == "They are ruled by the council"


def test_spaced_letters_are_joined_and_run_together_words_split() -> None:
    assert correct("Hav ing won the war, they") == "Having won the war, they"
    assert correct("and by*the end of the year") == "and by the end of the year"


def test_names_are_not_turned_into_common_words() -> None:
    for text in ("The report of Mr. Gillett was read.", "We met Taplin at the station."):
        assert correct(text) == text


def test_project_words_and_recurring_forms_are_trusted() -> None:
    assert correct("the Narodnaya Volya group") == "the Narodnaya Volya group"
    assert correct("the zemlyachestvo met", extra_words=frozenset({"zemlyachestvo"})) == \
        "the zemlyachestvo met"
    text = "The Kharkoff works. Kharkoff grew."
    assert correct(text) == text


def test_numbers_references_and_dashes_are_left_alone() -> None:
    text = "In 1942 the organisation[1] grew—and (b) the U.S.S.R. did too."
    assert correct(text) == text


def test_doubtful_words_are_flagged_with_suggestions_not_changed() -> None:
    text = "the thaf^ltfroke of the engine"
    assert correct(text) == text
    raised = flags(text)
    assert raised and raised[0].text == "thaf^ltfroke"


def test_badly_garbled_long_words_are_read_but_short_ones_only_flagged() -> None:
    # invented misreadings, three or four letters wrong: far from any word
    # by the confusion model, read by the wide search among frequent words
    assert correct("to call the nttenlion of the govcinmcnt to it") == \
        "to call the attention of the government to it"
    text = "we shall see it at the nczt meeting"
    assert correct(text) == text
    assert [f.suggestions[0] for f in flags(text)] == ["next"]


def test_a_capitalised_garble_no_english_spelling_allows_is_read_as_a_name() -> None:
    # invented misreadings: ``hcn``, ``mnr`` are in no common word; the
    # unknown names beside them are spelt like English and are left alone
    assert correct("the estate of the late Hcnry Trelawny was sold") == \
        "the estate of the late Henry Trelawny was sold"
    assert correct("the Hon. Mnrgaret Abercrombie spoke") == \
        "the Hon. Margaret Abercrombie spoke"


def test_a_recurring_misreading_spelt_as_no_word_is_not_trusted() -> None:
    # invented: OCR repeats ``rowcd``; recurring twice does not vouch for it
    text = "the crew rowcd ashore; later they rowcd back to the ship"
    assert correct(text) == "the crew rowed ashore; later they rowed back to the ship"


def test_a_recurring_short_form_two_misreadings_from_a_common_word_is_not_trusted() -> None:
    # invented: ``thcro`` repeated on a page is ``there`` misread, not a word
    text = "and thcro was a storm, and thcro were no boats"
    assert correct(text) == "and there was a storm, and there were no boats"


def test_a_capital_i_inside_a_sentence_is_read_as_a_small_i() -> None:
    assert correct("the meeting was held In the town hall") == \
        "the meeting was held in the town hall"
    text = "the meeting was over. In the evening the hall was let"
    assert correct(text) == text


def test_a_small_letter_read_as_its_capital_of_the_same_shape_is_put_back() -> None:
    """``o``/``O`` and ``v``/``V`` differ in size alone: a word the text
    prints in small letters, capitalised once inside a sentence, is set
    small again; a capital the text keeps inside its sentences, a title, a
    name before a capital, a sentence start and a noisy page stay."""
    text = ("The vast plain lay open. Much of the vast plain was sown. "
            "The building of Vast armaments went on. The low productivity Of the new labour "
            "fell. The power of the State is great, and the State and the state of things "
            "grew. He read The Need for Speed and Sacrifice. It was done at speed. "
            "We met Walter Scott there, and no more. Of the rest we say nothing.")
    assert correct(text) == text.replace("of Vast", "of vast").replace(
        "productivity Of", "productivity of")
    noisy = NOISY + " The building of Vast armaments and vast plains went on."
    assert "of Vast armaments" in correct(noisy)


def test_in_a_noisy_text_any_common_word_may_carry_a_capital_i_for_its_small_i() -> None:
    """Between garbled neighbours the bigram list attests nothing, so in a
    noisy text the capital is judged by the word: ``Included`` is
    ``included``, but a name (``Irish``) stays, and so does everything on
    a clean page."""
    tail = (" The cost wns Included nt tho fair. The men wcre all Irish nnd tliere. A Bill"
            " for the Improvement of the Harbour Trust.")
    assert correct(NOISY + tail).endswith(
        " The cost was included at the fair. The men were all Irish and there. A Bill"
        " for the Improvement of the Harbour Trust.")
    clean = "The cost was Included in the bill."
    assert correct(clean) == clean


def test_in_a_noisy_text_a_mark_glued_to_a_word_is_read_as_the_letter_it_hides() -> None:
    """``»hip`` is ``ship`` and ``Jame*`` is ``James``; a quoted word whose
    quotes pair up on the line stays quoted, a quote before a word that
    reads without it stays a quote, and a clean page is left."""
    tail = " The »hip wns owned by Jame* Brown. He said “hold” and left. A “ncgative answer."
    assert correct(NOISY + tail).endswith(
        " The ship was owned by James Brown. He said “hold” and left. A “negative answer.")
    clean = "The »hip was owned by Jame* Brown."
    assert correct(clean) == clean


def test_in_a_noisy_text_two_words_are_not_joined_into_a_form_printed_once() -> None:
    """OCR this bad runs words together (``ontho``) as often as it spaces
    one apart: a form the text prints once is no word to join into."""
    tail = " It stood ontho hill. He went on tho road."
    assert correct(NOISY + tail).endswith(" He went on the road.")


def test_a_misreading_that_parses_as_a_prefix_on_a_word_is_still_read() -> None:
    """``defeuding`` is ``de`` + ``feuding`` by the letter, but ``defending``
    misread; a coinage no confusion explains (``unsurmountable``) stays."""
    assert correct("they were defeuding their homes") == "they were defending their homes"
    text = "the difficulties were unsurmountable"
    assert correct(text) == text


def test_a_capital_misread_as_a_small_letter_is_put_back() -> None:
    """A place and a day are written capitalised whatever the OCR made of
    their first letter, and so is a sentence's first word whose first
    letter was misread; a sentence's misread word with its first letter
    right stays small (``tbe``), as printed."""
    tail = " The men came from bydney on tliursday. lho rain fell. tbe end."
    assert correct(NOISY + tail).endswith(
        " The men came from Sydney on Thursday. The rain fell. the end.")


def test_first_letters_the_ocr_reads_from_a_capital_are_read_as_one() -> None:
    """``l`` is the OCR's reading of a ``J`` far more often than of a ``j``,
    and ``ll`` of ``B``: where the document does not print the word in
    small letters, the reading is capitalised."""
    tail = " John Smith and John Brown were there. Tho clerk said lohn had gone to llrown."
    assert correct(NOISY + tail).endswith(" The clerk said John had gone to Brown.")
    tail = " Ho had a brown coat. It was llrown."
    assert correct(NOISY + tail).endswith(" It was brown.")


def test_a_word_spaced_apart_into_three_pieces_is_joined() -> None:
    """Letter-spaced type the OCR read as three pieces, one no word; three
    words stay three."""
    assert correct("the demo cr atic movement failed") == "the democratic movement failed"
    text = "the red cross came at last"
    assert correct(text) == text


def test_a_number_read_as_letters_after_chapter_or_no_is_flagged_not_made_a_word() -> None:
    """``Chapter lo`` is chapter 10 misread, not ``Chapter to``; a roman
    numeral there is a number as printed."""
    text = "It is set out in Chapter lo. and in Part IV of the Report."
    assert correct(text) == text
    [flag] = [f for f in flags(text) if f.rule == "number-after-label"]
    assert (flag.text, flag.suggestions) == ("lo", ("10",))


def test_a_small_letter_inside_a_word_in_capitals_is_read_as_a_capital() -> None:
    # invented: a heading word with one small letter is no name to protect
    assert correct("THE CATTLE MARKoT AT HOMEBUSH") == "THE CATTLE MARKET AT HOMEBUSH"


def test_a_higher_threshold_changes_less() -> None:
    text = "the machine tools whicli have been built and the pagt of it"
    assert len(spelling.run(text, Context(min_confidence=1.0)).proposals) <= \
        len(spelling.run(text, Context(min_confidence=0.5)).proposals)
    low = flags(text, min_confidence=0.99)
    assert all(f.suggestions for f in low)


COMMON = [w for w, _ in zip(load_lexicon().words, range(3000), strict=False)
          if w.isalpha() and len(w) > 1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(COMMON), min_size=1, max_size=12))
def test_a_word_in_the_lexicon_is_never_changed_without_context_evidence(
        words: list[str]) -> None:
    """Any line of lexicon words comes back unchanged, except a known OCR
    real-word confusion that the bigrams on both sides reject."""
    text = " ".join(words)
    for prop in spelling.run(text, Context()).proposals:
        assert prop.rule in ("real-word-confusion", "rare-word-near-common"), (text, prop)


RARE = [w for w, n in load_lexicon().words.items() if w.isalpha() and len(n) <= 5][:5000]


def test_a_rare_word_near_a_common_one_changes_only_in_context() -> None:
    assert correct("bo") == "bo"
    assert correct("The meeting will bo held at noon.") == "The meeting will be held at noon."


def test_in_a_very_noisy_text_a_rare_word_near_a_common_one_needs_no_attested_pair() -> None:
    """Between garbled neighbours the bigram list attests neither reading:
    in a text with a tenth of its words unknown the odds of a misreading
    decide; in a cleaner one the word stays."""
    line = spelling.LineTokens("That Alderman Northwood bo ap po nted", 0)
    know = spelling.knowledge("", Context())
    assert spelling.rare_word(line, 3, replace(know, noise=0.05), False) is None
    found = spelling.rare_word(line, 3, replace(know, noise=0.2), False)
    assert found is not None and found.replacement == "be"


NOISY = ("Tlie nioetiug wns hold nt tho coiner of tbe Btreet. Tlie Mnyor nnd tlie Aldcrmen wero "
         "prescnt, nnd tlie Towu Clcrk rcad tlie minutcs of tlio lnst mceting.")
CLEAN = "The meeting was held at the coiner of the street."


def test_a_known_word_is_read_as_a_frequent_one_only_in_a_noisy_text() -> None:
    """``coiner`` is a word, but in OCR this bad, between ``the`` and ``of``,
    it is ``corner`` misread; on a clean page it is left as printed."""
    noisy = spelling.run(NOISY, Context())
    assert [(NOISY[p.start:p.end], p.replacement) for p in noisy.proposals
            if p.rule == "real-word-in-noisy-text"] == [("coiner", "corner")]
    assert correct(CLEAN) == CLEAN
    # ``pei cent`` is ``per cent`` misread, unless the text uses ``pei`` three
    # times: a form the text repeats is its own word, here as elsewhere
    once, thrice = NOISY + " It rose ninety pei cent.", NOISY + " Ten pei cent, one pei cent."
    assert "ninety per cent" in correct(once)
    assert correct(thrice + " It rose ninety pei cent.").count("pei cent") == 3


def test_a_short_word_in_a_noisy_text_is_read_two_misreadings_deep() -> None:
    """``woro`` is ``were`` misread twice; one cheap step (``work``) does not
    end the search in OCR this bad."""
    assert correct(NOISY + " They woro all present.").endswith(" They were all present.")


def test_a_lone_small_letter_is_read_as_a_word_only_in_a_noisy_text() -> None:
    """``m`` alone is ``in`` misread; a unit after a figure has no word on
    both sides and stays, and so does everything on a clean page."""
    tail = " The men were m the street. It was n good day, at 5 s a week."
    assert correct(NOISY + tail).endswith(
        " The men were in the street. It was a good day, at 5 s a week.")
    assert correct(CLEAN + tail) == CLEAN + tail


def test_a_noisy_text_is_read_again_with_the_neighbours_corrected() -> None:
    """The first reading weighs ``rcad`` against the garbled ``Clcrk`` and
    ``tlie``; once they are ``Clerk`` and ``the``, ``read`` wins. The change
    says it came from the second reading, and the first reading's flag on
    the word goes; a clean text is read once."""
    context = Context()
    first, _ = spelling.read_words(NOISY, context)
    both = spelling.run(NOISY, context)
    unsure = {NOISY[p.start:p.end] for p in first.proposals if not context.confident(p.confidence)}
    assert "rcad" in unsure  # the first reading is unsure of it: it would be flagged
    again = {NOISY[p.start:p.end]: p for p in both.proposals if p not in first.proposals}
    assert again["rcad"].replacement == "read" and context.confident(again["rcad"].confidence)
    assert all("read again once its neighbours were corrected" in p.reason for p in again.values())
    assert [p.replacement for p in both.proposals if NOISY[p.start:p.end] == "rcad"] == ["read"]
    assert "rcad" not in {f.text for f in flags(NOISY)}
    assert spelling.run(CLEAN + " It rcad well.", Context()) == \
        spelling.read_words(CLEAN + " It rcad well.", Context())[0]


def test_a_second_reading_is_as_bold_as_the_ocr_is_noisy() -> None:
    """With the first reading's corrections in, fewer words are unknown,
    but the OCR is no better: the second reading keeps the first one's
    noise, and with it the noisy-text rules."""
    first = spelling.knowledge(NOISY, Context())
    assert first.very_noisy
    _, second = spelling.read_words(CLEAN, Context(), first)
    assert second.noise == first.noise


def test_a_misreading_the_document_repeats_is_not_offered_as_a_reading() -> None:
    """The article prints ``tlie`` four times: recurring does not make the
    OCR's misreading of ``the`` a reading for ``tlio``; a recurring name
    spelt as English is may still be one."""
    know = spelling.knowledge(NOISY, Context())
    assert know.doc_lower["tlie"] >= 2
    assert not spelling.candidate_known("tlie", know)
    assert "tlie" not in spelling.candidates("tlio", know)
    names = spelling.knowledge("Mr Wainscott spoke; Mr Wainscott sat.", Context())
    assert spelling.candidate_known("wainscott", names)


def test_in_a_very_noisy_text_recurrence_does_not_vouch_for_a_near_miss() -> None:
    """``oxido`` three times is the document's word on a clean page; in OCR
    this bad it is ``oxide`` misread every time."""
    tail = " The oxido of iron; red oxido and black oxido."
    assert correct(NOISY + tail).endswith(" The oxide of iron; red oxide and black oxide.")
    assert correct(CLEAN + tail).count("oxido") == 3


def test_the_noise_of_a_text_is_its_share_of_unknown_words() -> None:
    from clean_scan.vocabulary import count_words, lower_counts
    lexicon, no_words = load_lexicon(), frozenset()

    def share(text: str, extra: frozenset[str] = no_words) -> float:
        return spelling.unknown_share(lower_counts(count_words(text)), lexicon, extra)

    # two of three unknown, with 100 words of a clean page (half a percent
    # unknown) added; a word of the user's is known
    assert share("tho wns hold") == pytest.approx((2 + 0.5) / (3 + 100))
    assert share("tho wns hold", frozenset({"tho"})) == pytest.approx((1 + 0.5) / (3 + 100))
    # a short clean text, even with a name the lexicon lacks, is not noisy
    assert share(CLEAN) < share("Mr Wainscottle spoke at the meeting.") < spelling.NOISY_TEXT
    assert spelling.channel_offset(share(CLEAN)) is None
    assert spelling.channel_offset(share(NOISY)) == 0.0


def test_a_noisy_text_reads_capitalised_garbles_further_and_trusts_unknown_words_less() -> None:
    """``Whcrc`` (two misread letters) gets ``where`` as a candidate only
    where the OCR is bad enough for a capitalised word to be a garble more
    often than a name; and keeping an unknown word costs more there."""
    clean = spelling.knowledge(CLEAN, Context())
    noisy = spelling.knowledge(NOISY, Context())
    assert (clean.noisy, noisy.noisy) == (False, True)
    assert "where" not in spelling.candidates("Whcrc", clean)
    assert "where" in spelling.candidates("Whcrc", noisy)

    def keep_cost(know: spelling.Knowledge) -> float:
        ranked = spelling.rank("Cascj", None, None, False, know)
        return next(r.cost for r in ranked if r.form == "Cascj")

    assert noisy.noise > 0.15  # beyond a tenth: keeping costs more
    assert keep_cost(noisy) - keep_cost(clean) == pytest.approx(
        spelling.noise_keep_cost(noisy.noise))
    assert spelling.noise_keep_cost(noisy.noise) > 0.4


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(RARE))
def test_even_a_rare_lexicon_word_is_kept_when_there_is_no_context(word: str) -> None:
    """Without neighbours there is no context evidence, so no change."""
    for text in (word, f"{word}.", f"({word})"):
        assert spelling.run(text, Context()).proposals == [], text


@pytest.mark.skipif(not (CORPUS / "overproof-dev").exists(), reason="dev corpus absent")
def test_newspaper_article_gets_fewer_word_errors() -> None:
    from rapidfuzz.distance import Levenshtein

    from clean_scan.evaluation import join_line_hyphens, tokenise
    folder = CORPUS / "overproof-dev"
    gold_path = sorted(folder.glob("*.gt.txt"))[0]
    gold = tokenise(join_line_hyphens(gold_path.read_text(encoding="utf-8")))
    raw_text = join_line_hyphens(
        gold_path.with_name(gold_path.name.replace(".gt.", ".raw.")).read_text(encoding="utf-8"))
    before = Levenshtein.distance(gold, tokenise(raw_text))
    after = Levenshtein.distance(gold, tokenise(correct(raw_text)))
    assert after < before


def test_a_near_miss_of_a_project_word_is_flagged_for_review() -> None:
    text = "The works at Kharkof grew."
    raised = flags(text, extra_words=frozenset({"Kharkoff"}))
    assert correct(text, extra_words=frozenset({"Kharkoff"})) == text
    assert raised and raised[0].text == "Kharkof" and "Kharkoff" in raised[0].suggestions


def test_a_term_recurring_across_the_collection_is_trusted():
    from collections import Counter

    from clean_scan.stage import Context
    from clean_scan.stages import spelling

    text = "The raion was a figure of the village in those years.\n"
    assert [f.text for f in flags(text)] == ["raion"]
    learned = spelling.run(text, Context(shared={"collection_words": Counter({"raion": 6})}))
    assert learned.flags == [] and learned.proposals == []


def test_the_fast_token_pattern_parts_tokens_where_the_regex_one_does() -> None:
    import sys

    for low in range(0, sys.maxunicode + 1, 4096):
        chunk = "".join(chr(c) for c in range(low, min(low + 4096, sys.maxunicode + 1))
                        if not 0xD800 <= c <= 0xDFFF)
        text = "a".join(chunk)
        assert spelling.TOKEN_TEXTS.findall(text) == spelling.TOKEN.findall(text)


def test_split_lines_parts_tokens_where_the_token_pattern_does() -> None:
    import sys

    for low in range(0, sys.maxunicode + 1, 4096):
        chunk = "".join(chr(c) for c in range(low, min(low + 4096, sys.maxunicode + 1))
                        if not 0xD800 <= c <= 0xDFFF)
        text = "a".join(chunk)
        lines, tokens = spelling.split_lines(text)
        assert tokens == [spelling.TOKEN_TEXTS.findall(line) for line in text.split("\n")]
        assert [len(line) for line in lines] == [len(line) for line in text.split("\n")]
    for text in ("a\x1cb—c\nd–e f", "a—b\n\nc–d  e"):
        lines, tokens = spelling.split_lines(text)
        assert tokens == [spelling.TOKEN_TEXTS.findall(line) for line in text.split("\n")]


def test_line_tokens_find_where_each_token_starts() -> None:
    line = "  “Frauce,” he said—and  went\u3000on. "
    tokens = spelling.LineTokens(line, 100)
    expected = [spelling.split_token(m, 100) for m in spelling.TOKEN.finditer(line)]
    assert [tokens[i] for i in range(len(tokens))] == expected
    assert tokens[3] == spelling.Token(100 + line.index("and"), "and", "", "")


def _with_ocr_noise(text: str, seed: int) -> str:
    """The text with OCR's commonest faults strewn in: letters misread,
    marks glued to words, short words read as a lone letter."""
    rng = random.Random(seed)
    misreadings = [("h", "li"), ("e", "c"), ("m", "rn"), ("n", "u"), ("o", "e"), ("a", "n")]
    words = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < 0.06:
            old, new = rng.choice(misreadings)
            word = word.replace(old, new, 1)
        elif roll < 0.07:
            word = "»" + word
        elif roll < 0.08:
            word += "*"
        elif roll < 0.09 and word in ("in", "is", "of"):
            word = "m" if word == "in" else word[0]
        words.append(word)
    return " ".join(words)


@pytest.mark.parametrize("noisy", [False, True])
def test_the_pre_filter_passes_over_only_tokens_the_decision_leaves(noisy: bool) -> None:
    """For speed most tokens are never looked at (``token_kind``,
    ``look_for_noisy_text_words``); the decision holds every condition
    itself. On a book, clean and with OCR noise, no token passed over is
    one the decision would change or flag."""
    raw = (Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt").read_text(
        encoding="utf-8")[:80000]
    text = clean_text(_with_ocr_noise(raw, 3) if noisy else raw,
                      skip=["spelling", "doubtful"]).clean
    lines, tokens = scan.split_lines(text)
    distinct = Counter(chain.from_iterable(tokens))
    know = scan.knowledge(text, Context(), distinct)
    scan.classify(distinct, know)
    scan.look_for_noisy_text_words(distinct, know)
    assert know.noisy == noisy
    passed_over, acted_on = 0, []
    for line in lines:
        line_tokens = scan.LineTokens(line, 0)
        for i, token in enumerate(line_tokens):
            if not token.core or know.plain[line_tokens.texts[i]]:
                continue
            passed_over += 1
            sentence_start = i == 0 or know.ends[line_tokens.texts[i - 1]]
            if scan._decide(line_tokens, i, know, sentence_start, free_left=i) is not None:
                acted_on.append(line_tokens.texts[i])
    assert passed_over > 5000
    assert acted_on == []
