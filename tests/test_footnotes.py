"""Footnotes: the stage's own view of the lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan import clean_text
from clean_scan.layout import split_lines, typical_line_length
from clean_scan.stages import footnotes


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t\n\fab1*", max_size=200))
def test_lines_are_made_as_layout_makes_them(text: str) -> None:
    """The stage makes its lines only when needed, but each is the line
    ``split_lines`` makes, and the full width is ``typical_line_length``."""
    lines = footnotes.Lines(text)
    expected = split_lines(text)
    assert len(lines) == len(expected)
    assert [lines[i] for i in reversed(range(len(lines)))] == expected[::-1]
    assert lines.texts == [line.text for line in expected]
    assert lines.full_width == typical_line_length(expected)


def test_full_width_of_long_lines() -> None:
    text = "\n".join("x" * n for n in (10, 35, 40, 45, 50))
    assert footnotes.Lines(text).full_width == typical_line_length(split_lines(text)) == 42


PAGE_WITH_A_NOTE = """They could only understand them if they were presented on a
mythica1 or pseudo-religious basis, as struggles of the regime
against the enemies of the people, and so it went on for years.

Stalin, on the other hand, has to descend to the mystical level
and make public trials and purges out of mere differences of
opinion about means or even mere administrative maladjustments. 1

This growing necessity to paint every issue in terms of deepest
black or purest white, to seek out national enemies not merely.

1 In their sharpest form these tendencies were expressed during
the Moscow Trials, when the world witnessed a new wave of terror.

{page}
"""


def test_a_digit_misread_for_a_letter_is_not_taken_for_the_reference() -> None:
    """``mythica1`` is ``mythical`` misread: the note goes after the
    paragraph whose reference stands apart (``maladjustments. 1``)."""
    text = PAGE_WITH_A_NOTE.format(page=43) + "\f" + PAGE_WITH_A_NOTE.format(page=44)
    paragraphs = clean_text(text).clean.split("\n\n")
    assert paragraphs[1].endswith("administrative maladjustments.[1]")
    assert paragraphs[2].startswith("[1] In their sharpest form")
    assert "mythica[1]" not in paragraphs[0]


def test_each_doubtful_word_of_a_moved_note_is_flagged() -> None:
    """A moved note has no raw place of its own (all its words stand where it
    was taken from), so one flag on it must not hide another stage's flag on
    another of its words."""
    note = PAGE_WITH_A_NOTE.replace("the Moscow Trials, when",
                                    "the trials of Brovatzky, when the petrification of")
    result = clean_text(note.format(page=43) + "\f" + PAGE_WITH_A_NOTE.format(page=44))
    flagged = {flag.text: flag.stage for flag in result.flags}
    assert flagged["petrification"] == "spelling"
    assert flagged["Brovatzky"] == "doubtful"


PAGE_WITH_SYMBOL_NOTES = """The Charter was signed at sea,* and the House debated it at
length† in the autumn of that year, when the Russian front held.

The workers of every town had read of it in their papers and
asked what it would mean for them when the war was over.

* The Atlantic Charter, August 1941.
† See Hansard, vol. 374, col. 68.

{page}
"""


def symbol_pages(first: str = "*", second: str = "†") -> str:
    """Two pages, the first with two notes marked ``first`` and ``second``."""
    notes = PAGE_WITH_SYMBOL_NOTES.replace("sea,*", f"sea,{first}").replace(
        "length†", f"length{second}").replace("* The", f"{first} The").replace(
        "† See", f"{second} See")
    plain = PAGE_WITH_SYMBOL_NOTES.replace("sea,*", "sea,").replace("length†", "length")
    plain = plain[:plain.index("\n\n* The")] + "\n\n{page}\n"
    return notes.format(page=12) + "\f" + plain.format(page=13)


def test_notes_marked_with_a_star_and_a_dagger_keep_their_marks() -> None:
    """Beside a dagger a star is the symbol sequence's first mark as
    printed, not a garbled ``1``."""
    clean = clean_text(symbol_pages()).clean
    assert "at sea,[*] and" in clean and "length[†] in" in clean
    assert "\n\n[*] The Atlantic Charter, August 1941.\n\n[†] See Hansard" in clean


def test_superscript_references_and_marks_are_read_as_digits() -> None:
    clean = clean_text(symbol_pages("¹", "²")).clean
    assert "at sea,[1] and" in clean and "length[2] in" in clean
    assert "\n\n[1] The Atlantic Charter, August 1941.\n\n[2] See Hansard" in clean


BODY = ("The council had asked for a larger share of timber and bricks for the\n"
        "new estates, and the ministry had promised to consider the request\n"
        "when the next allocation was made in the spring of that year, though\n")
NEXT_PAGE = ("nobody on the committee expected much to come of the promise, for the\n"
             "same had been said the year before and nothing had come of it then.\n\n"
             "The tenants met again in the school hall.\n")


def _paragraphs(page: str) -> list[str]:
    """The clean paragraphs of ``page`` followed by ``NEXT_PAGE``."""
    return clean_text(page + "\f" + NEXT_PAGE).clean.split("\n\n")


def test_a_note_whose_marks_tesseract_garbled_is_paired_and_moved() -> None:
    """Tesseract reads a raised 1 as ``!`` after the word and as ``'`` at
    the note: a mark ordinary punctuation cannot explain, paired with the
    note opening at the page foot."""
    page = ("When the war ended the borough had lost a third of its houses! and\n"
            "the waiting list grew longer every month of the first year.\n\n" + BODY +
            "\n' Report of the Housing Committee, March 1946, p. 4.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    paragraphs = clean.split("\n\n")
    assert paragraphs[0].endswith("a third of its houses[1] and the waiting list grew longer "
                                  "every month of the first year.")
    assert paragraphs[1] == "[1] Report of the Housing Committee, March 1946, p. 4."
    assert paragraphs[2].startswith("The council had asked") and "it then." in paragraphs[2]


def test_a_note_in_small_type_whose_reference_was_lost_leaves_the_paragraph_whole() -> None:
    """No reference to be found: the note, set in smaller type (longer
    lines), still goes off the page foot, after the paragraph it would have
    split, and is flagged for a person."""
    note = ("' Between 1939 and 1945 some 200,000 houses in this country were destroyed and a\n"
            "further 250,000 made uninhabitable by bombing, according to the figures the Ministry\n"
            "of Health gave to the House.\n")
    result = clean_text(BODY + "\n" + note + "\f" + NEXT_PAGE)
    paragraphs = result.clean.split("\n\n")
    assert paragraphs[0].startswith("The council")
    assert paragraphs[0].endswith("nothing had come of it then.")
    assert paragraphs[1].startswith("[1] Between 1939 and 1945")
    assert any(f.rule == "move-note" and "no reference" in f.reason for f in result.flags)


def test_a_quotation_opening_a_paragraph_at_a_page_foot_is_no_note() -> None:
    page = BODY.replace(", though\n", ".\n") + "\n‘We shall build,’ said the chairman.\n"
    clean = clean_text(page + "\f" + NEXT_PAGE.capitalize()).clean
    assert "[1]" not in clean and "‘We shall build,’ said the chairman." in clean


def test_a_note_broken_by_a_blank_line_above_a_misread_folio_is_one_note() -> None:
    """A rough scan: the OCR put a blank line inside the note, and read the
    folio under it as ``i]``; the note is still one, taken off the foot."""
    note = ("‘Between 1939 and 1945 some 200,000 houses in this country were destroyed and a\n\n"
            "further 250,000 made uninhabitable by bombing, according to the figures the Ministry\n"
            "of Health gave to the House in the spring.\n\ni]\n")
    body = BODY.replace("the new estates,", "the new estates,' ")
    clean = clean_text(body + "\n" + note + "\f" + NEXT_PAGE).clean
    paragraphs = clean.split("\n\n")
    assert "[1] Between 1939 and 1945" in paragraphs[1] and "in the spring." in paragraphs[1]
    assert "it then." in paragraphs[0]


def test_a_starred_note_takes_the_only_mark_on_its_page_flagged() -> None:
    """A note printed with a star has a reference somewhere on its page;
    where the only candidate is a mark punctuation could explain (a quote
    closing a ‘quotation’ a speck opened), it is taken, and flagged."""
    page = ("The tenants must be able to ‘govern themselves wherever that is compatible\n"
            "with a planned society’ and to exercise control over the housing committee,\n" + BODY +
            "\n* The problem of self-government on a planned estate is discussed in chapter 4.\n")
    result = clean_text(page + "\f" + NEXT_PAGE)
    assert "planned society[*] and to exercise" in result.clean
    assert "\n\n[*] The problem of self-government" in result.clean
    assert any(f.rule == "reference" and "only one on the page" in f.reason for f in result.flags)


def test_a_reference_read_as_a_double_quote_after_a_stop() -> None:
    page = ("The borough had lost a third of its houses in the bombing of the war years.\"\n"
            "and the waiting list grew longer every month of the first year of peace.\n\n" + BODY +
            "\n1 Report of the Housing Committee, March 1946, p. 4.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "the war years.[1] and the waiting list" in clean


def test_a_note_goes_where_its_reference_closes_a_sentence_at_a_line_end() -> None:
    """The OCR ran two paragraphs into one block (an indent leaves no blank
    line); a reference closing a sentence at a line end, a capital opening
    the next line, marks the paragraph's end, and the note goes there."""
    page = ("In the end the committee had to make public its reasons for the delay.'\n"
            "This growing need to explain every decision to the tenants was new, and\n" + BODY +
            "\n' Minutes of the Housing Committee, 14th January 1946, item 12.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("reasons for the delay.[1]")
    assert paragraphs[1] == "[1] Minutes of the Housing Committee, 14th January 1946, item 12."
    assert paragraphs[2].startswith("This growing need")


SMALL_NOTE = (
    "Between 1939 and 1945 some 200,000 houses in this country were destroyed and a\n"
    "further 250,000 made uninhabitable by bombing, according to the figures the Ministry\n"
    "of Health gave to the House in the spring.\n")


def test_a_note_whose_mark_was_dropped_is_known_by_its_type_and_reference() -> None:
    """The engine dropped the note's mark and read the reference as a lone
    apostrophe after the stop (``year. '``): the block in small type at the
    page foot is the note, and goes after the paragraph holding the mark."""
    page = ("When the war ended the borough had lost a third of its houses in the\n"
            "bombing, and the waiting list grew longer every month of the year. '\n\n" + BODY +
            "\n" + SMALL_NOTE)
    result = clean_text(page + "\f" + NEXT_PAGE)
    paragraphs = result.clean.split("\n\n")
    assert paragraphs[0].endswith("every month of the year.[1]")
    assert paragraphs[1].startswith("[1] Between 1939 and 1945")
    assert paragraphs[2].startswith("The council had asked") and "it then." in paragraphs[2]


def test_a_small_type_block_with_no_mark_and_no_reference_stays() -> None:
    """Without a mark at either end the small block is not taken for a
    note: it may be a quotation set small."""
    result = clean_text(BODY + "\n" + SMALL_NOTE + "\f" + NEXT_PAGE)
    assert "[1]" not in result.clean
    assert "Between 1939 and 1945" in result.clean


def test_a_reference_read_as_a_hyphen_before_the_next_word() -> None:
    page = ("The tenants must be able to govern themselves wherever that is compatible\n"
            "with a planned society- and to exercise control over the committee.\n\n" + BODY +
            "\n1 The problem of self-government on a planned estate is discussed in chapter 4.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "planned society[1] and to exercise" in clean
    assert "\n\n[1] The problem of self-government" in clean


def test_a_speck_before_a_line_inside_a_note_does_not_start_another() -> None:
    """The OCR broke the note with blank lines and read a speck as ``’``
    before its next line, which goes on in small letters: one note."""
    note = (
        "* Quite especially so the Minister of Health who later on was denounced in the House as"
        "\n\n’ the enemy of the tenants and who was certainly very hostile, as all his letters"
        " show, to\n\nthe borough's plans for the estates in those early years after the war,"
        " though he was\n"
        "quoted by its chairman in support of them.\n")
    page = ("The borough had put its case on every question in dispute.” The\n"
            "ministry answered none of its letters that year.\n\n" + BODY + "\n" + note)
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "question in dispute.[*] The" in clean
    assert "[*] Quite especially so the Minister of Health who later on was denounced in the " \
           "House as the enemy of the tenants" in clean


def test_a_speck_between_a_star_and_the_note_text() -> None:
    page = ("The tenants must be able to govern themselves wherever that is compatible\n"
            "with a planned society? and to exercise control over the committee.\n\n" + BODY +
            "\n*-The problem of self-government on a planned estate is discussed in chapter 4.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "planned society[*] and to exercise" in clean
    assert "\n\n[*] The problem of self-government" in clean


def test_a_reference_read_as_an_opening_quote_after_a_word() -> None:
    """An opening quote glued after a word and its comma opens nothing: the
    raised figure misread, taken before a closing quote that closes a
    quotation opened on the page."""
    page = ("The tenants called it the ‘estate of the future,“ and they meant that\n"
            "the council had promised ‘a home for every family’ within ten years.\n\n" + BODY +
            "\n' The phrase was the chairman's, in his speech at the opening of the hall.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "‘estate of the future,[1] and they meant" in clean
    assert "every family’ within" in clean


def test_a_mark_set_apart_after_a_stop_and_a_note_opening_with_a_chevron() -> None:
    """``unnecessary. !`` and ``> Kant's``: both ends of one note, garbled;
    the misread folio below the note (``293:`` for ``- 29 -``) is no text."""
    page = ("and the examination of other instances becomes unnecessary. !\n\n" + BODY +
            "\n> The phrase was the chairman's, in his speech at the opening of the new hall.\n"
            "\n293:\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("becomes unnecessary.[1]")
    assert paragraphs[1].startswith("[1] The phrase was the chairman’s")


def test_a_note_goes_after_its_paragraph_over_a_blank_line_the_ocr_put_inside_it() -> None:
    """The paragraph holding the reference goes on, in small letters, after
    a blank line the OCR put in it; a short line closing a sentence before
    a capital ends it although no blank line follows."""
    page = ("The tenants called it the ‘estate of the future’? and the council\n"
            "agreed to call it\n\n‘the new town’ in the\nminutes.\n"
            "The next meeting was held in the spring of the year after the war.\n\n" + BODY +
            "\n' The phrase was the chairman's, in his speech at the opening of the new hall.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("‘the new town’ in the minutes.")
    assert paragraphs[1].startswith("[1] The phrase")
    assert paragraphs[2].startswith("The next meeting")


def test_of_two_ordinary_marks_on_a_page_neither_is_taken_for_the_reference() -> None:
    """Two closing quotes that may each be the reference of a starred note
    whose own mark was lost: neither is taken; the note goes after the
    first paragraph closing a sentence on its page, flagged, and both
    quotes stay."""
    page = ("They called it the ‘estate of the future’ and the ‘new town’\n"
            "in the minutes of the year.\n\n" + BODY +
            "\n* The phrase was the chairman's, in his speech at the opening of the new hall.\n")
    result = clean_text(page + "\f" + NEXT_PAGE)
    assert "the ‘estate of the future’ and the ‘new town’ in the minutes" in result.clean
    assert "in the minutes of the year.\n\n[*] The phrase" in result.clean
    assert any(f.rule == "move-note" and "no reference" in f.reason for f in result.flags)


def test_a_note_whose_mark_was_lost_goes_after_the_first_paragraph_ending_on_its_page() -> None:
    """A raised mark standing alone after a paragraph's last stop is the one
    the OCR most often drops: with no reference found, the note goes after
    the first paragraph that closes a sentence on its page, not after the
    paragraph running on at the page foot; a later note whose reference was
    found keeps its place after it."""
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill.\n\n"
            "Its first secretary was a railwayman who had organised a branch of his\n"
            "union before the war.² He wrote to the council every week.\n\n" + BODY +
            "\n¹ Minutes of the association, 3 March 1946, in the keeping of the secretary, who "
            "read\n"
            "them to every meeting of the committee that spring.\n"
            "² He was later a councillor himself, for the ward of the estate.\n")
    result = clean_text(page + "\f" + NEXT_PAGE)
    paragraphs = result.clean.split("\n\n")
    assert paragraphs[0].endswith("on the hill.")
    assert paragraphs[1].startswith("[1] Minutes of the association, 3 March 1946, in the")
    assert paragraphs[2].endswith("before the war.[2] He wrote to the council every week.")
    assert paragraphs[3].startswith("[2] He was later a councillor")
    assert any(f.rule == "move-note" and "first paragraph" in f.reason for f in result.flags)


def test_a_markless_block_opening_in_small_letters_stays_after_the_paragraph_at_the_foot() -> None:
    """A block at the page foot behind a speck that opens in small letters
    is more likely the body's next line than a note whose mark was lost: it
    is not carried up the page."""
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill.\n\n" + BODY +
            "\n' the members were asked to pay a shilling a month towards the cost of the new "
            "hall,\n"
            "and most of them paid it without a word, though some of the older ones grumbled.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert clean.startswith("The association was formed in the winter of 1946, when "
                            "the first families moved into the prefabricated houses on the hill."
                            "\n\nThe council")


def test_a_two_line_note_without_a_mark_cutting_a_sentence_in_two() -> None:
    """The note's mark was dropped and it runs to two lines only; the body
    above it breaks off mid-sentence (``the truth of this``) and goes on on
    the next page: it is a note, whose reference, set apart after a stop
    and trailed by specks, closes its paragraph though no blank line
    follows."""
    page = ("and the examination of other instances becomes unnecessary.' —_-\n"
            "The same thing is exemplified in the plans for every estate the\n"
            "council built, as soon as we have seen the truth of this\n\n"
            "Cf. the Report of the Housing Committee of the Borough Council (Public\n"
            "Library).\n")
    paragraphs = clean_text(page + "\f" + "= proposition, which the tenants made their own.\n"
                            ).clean.split("\n\n")
    assert "becomes unnecessary.[1]" in paragraphs[0]
    assert paragraphs[1].startswith("[1] Cf. the Report") and "(Public Library)." in paragraphs[1]
    assert paragraphs[2].startswith("The same thing") and paragraphs[2].endswith(
        "proposition, which the tenants made their own.\n")


def test_a_body_line_opening_with_a_speck_above_the_notes_stays_body() -> None:
    """The page's last line of text, a speck before it (``’ The council``),
    leaves its sentence to the next page: no note breaks off so above
    another note. The note below opens with a garbled mark and a speck
    (``»| The``) and is still a note."""
    page = ("the spring of the year after the war, when the estate was planned.!\n\n"
            "They met in the hall and talked of the new houses and the roads.\n\n"
            "’ The council had asked for a larger share of timber and bricks for the\n\n"
            "»| The phrase was the chairman's, in his speech at the opening of the new hall,\n"
            "which the newspapers of the town reported at length in the week after it.\n")
    result = clean_text(page + "\f" + "new estates, and the ministry promised to consider it.\n")
    assert "The council had asked for a larger share of timber and bricks for the new " \
           "estates" in result.clean
    assert "\n\n[1] The phrase was the chairman’s" in result.clean


def test_a_page_of_text_below_a_misread_line_start_is_no_note() -> None:
    """``It is`` read as ``5`` at the start of a page's last block: a note
    in the body's type as long as half the page above it is no note, and
    the text stays where it was printed."""
    body = [f"line {k} of the body of the page, set full out to its width as usual,"
            for k in range(1, 11)]
    rest = [f"and the argument goes on in line {k} of the page, set as the others are,"
            for k in range(1, 7)]
    page = ("\n".join(body) + " as the figure 5\n\n5 true that the argument holds, "
            "and the men of the committee were\n" + "\n".join(rest) + "\n")
    clean = clean_text(page).clean
    assert "[5]" not in clean
    assert clean.index("line 10 of the body") < clean.index("5 true that the argument")


def test_a_note_the_ocr_broke_into_pieces_is_one_note() -> None:
    """The OCR split a note's line into a piece standing alone (``rent-``)
    and read a speck as a star before a line the note goes on in, after a
    line broken off at ``the``: one note, taken whole off the page foot."""
    note = ("\"In their sharpest form these complaints were made at the public inquiry,\n"
            "when the borough heard not merely a new wave of protests at the high\n\n"
            "rent-\n\n"
            "als and arrears. The minister's sub-\n"
            "sequent visit to the estates did not make these charges any more credible,\n"
            "as a number of the tenants seem to think. We cannot deal here with the\n\n"
            "* inquiry at length, but its report is in the borough's library for all.\n")
    page = ("and the tenants' leaders spoke for hours of their grievances.'\n"
            "The council had asked for a larger share of timber and\n"
            "bricks for the new estates, and the ministry promised to\n"
            "consider the request when the next allocation was made in\n"
            "the spring of that year, though it had said so before and\n\n" + note)
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "of their grievances.[1]" in clean
    assert "\n\n[1] In their sharpest form" in clean
    assert "We cannot deal here with the inquiry at length" in clean
    assert "[*]" not in clean and "[2]" not in clean


def test_a_note_above_the_last_line_of_the_body_the_ocr_read_after_it() -> None:
    """The OCR read the body's short last line after the note, in two
    pieces: the note is still the page's foot; the pieces stay in the body."""
    page = ("The leadership of the council consisted of men who, in\n"
            "the full sense of the word, were professional officers.’\n"
            "Theirs was the task of giving the estates their plans and\n"
            "the tenants their homes, in the order the lists set out\n"
            "and the committee approved, year after year, until the\n\n"
            "> Quite especially so the town clerk, who later on was denounced as the enemy\n"
            "of the tenants and who was certainly very hostile to the new estates in the\n"
            "early years after the war, though he was quoted by the chairman in support.\n\n"
            "war's e\n\nnd.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "professional officers.[1]" in clean
    assert "\n\n[1] Quite especially so the town clerk" in clean


def test_a_reference_read_as_a_tilde_after_a_stop_not_an_apostrophe_after_that() -> None:
    """A raised figure read as ``~`` after the paragraph's last stop is the
    reference; an apostrophe after ``That``, a function word no note
    annotates, is not, though it stands on the same page."""
    page = ("The scheme was a modest one. That’ is to say, it asked for no new\n"
            "money and was put to the meeting as a matter of routine business.~\n\n"
            + BODY + "\n> The minutes of that meeting were lost when the office was bombed.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert "routine business.[1]\n\n[1] The minutes of that meeting" in clean
    assert "That[1]" not in clean


def _two_note_pages(reference: str, mark: str) -> str:
    """Two pages, each with a note at its foot: the first's marked ``'``
    (a raised 1 misread), the second's reference and note marked as given."""
    first = ("The allotments were dug in the first spring of the war.! Most of\n"
             "them were still worked when the peace came.\n\n" + BODY +
             "\n' The figures are the borough engineer's, from his report of 1941.\n")
    second = (NEXT_PAGE.replace(" hall.\n", f" hall, where the vicar spoke.{reference} Nobody\n")
              + "answered him, and the meeting broke up early that night.\n\n"
              f"{mark} The vicar's speech was printed in the parish magazine that May.\n")
    return first + "\f" + second


def test_a_garbled_mark_no_single_stroke_numbers_on_from_the_last_page() -> None:
    """A raised 1 is read as an apostrophe; a raised 2 as ``?`` or ``>``:
    a page's first note opening with those is no 1, so its number follows
    the last note's."""
    third = ("The next year the tenants elected a new committee.! It met monthly\n"
             "in the same hall for the rest of the war.\n\n"
             "> Its minute books are kept in the borough library to this day.\n")
    clean = clean_text(_two_note_pages("!", "?") + "\f" + third).clean
    assert "[1] The figures are" in clean
    assert "[2] The vicar's speech" in clean or "[2] The vicar’s speech" in clean
    assert "[3] Its minute books" in clean


def test_a_note_whose_mark_was_dropped_goes_after_its_paragraph_over_the_page() -> None:
    """The paragraph holding the reference runs on over the page break,
    into a name with a capital: the note without a mark below it goes after
    the whole paragraph, not into it."""
    page = ("When the war ended the borough had lost a third of its houses! and the\n"
            "waiting list grew longer every month, so that the council turned to the\n\n"
            + SMALL_NOTE)
    following = ("Ministry of Health for help, and nothing had come of it by the spring.\n\n"
                 "The tenants met again in the school hall.\n")
    paragraphs = clean_text(page + "\f" + following).clean.split("\n\n")
    assert paragraphs[0].startswith("When the war ended") and "houses[1] and" in paragraphs[0]
    assert paragraphs[0].endswith("turned to the Ministry of Health for help, and nothing had "
                                  "come of it by the spring.")
    assert paragraphs[1].startswith("[1] Between 1939 and 1945")


def test_a_speck_before_a_garbled_note_mark() -> None:
    """A speck read as a hyphen before the note's garbled mark (``-!``)
    hides neither the note nor its pairing with the reference."""
    page = ("When the war ended the borough had lost a third of its houses! and\n"
            "the waiting list grew longer every month of the first year.\n\n" + BODY +
            "\n-! Report of the Housing Committee, March 1946, p. 4.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("a third of its houses[1] and the waiting list grew longer "
                                  "every month of the first year.")
    assert paragraphs[1] == "[1] Report of the Housing Committee, March 1946, p. 4."


def test_a_star_alone_on_its_page_after_numbered_notes_numbers_on() -> None:
    """Engines read a raised 2 as a star: a page's only note marked so, in
    a text whose notes were numbered before it, is the next number."""
    clean = clean_text(_two_note_pages("*", "*")).clean
    assert "vicar spoke.[2] Nobody" in clean
    assert "[2] The vicar" in clean


def test_a_paragraph_closing_on_a_straight_apostrophe_ends_where_the_next_begins() -> None:
    """An engine that reads a raised figure as a straight apostrophe
    (``dispute.'``) and leaves no blank line between paragraphs: the
    paragraph holding the references ends there, and its notes go after
    it, not after the next paragraph on the page."""
    page = ("Before the war no member of the Party ever held the peculiar form of\n"
            "its organisation' as an ideal model for the working class elsewhere.\n"
            "Many of the leaders abroad were quoted as the final authority on\n"
            "questions of dispute.'\n"
            "It is important to remember this for the understanding of what came\n"
            "after, when the movement abroad was split over the question of war.\n\n\n\n"
            "' Then, incidentally, not a Party proper, but merely a faction of the Russian\n"
            "Social Democratic Party, of which the Mensheviks formed the other faction.\n"
            "' Quite especially so Karl Kautsky, who later on was denounced as the traitor.\n")
    following = "The Party was organised as a highly disciplined body of members.\n"
    paragraphs = clean_text(page + "\f" + following).clean.split("\n\n")
    assert paragraphs[0].endswith("questions of dispute.[2]")
    assert paragraphs[1].startswith("[1] Then, incidentally")
    assert paragraphs[2].startswith("[2] Quite especially")
    assert paragraphs[3].startswith("It is important")


def argument_page(n: int, lines: int) -> str:
    """``lines`` full lines of body text, different for each page ``n``."""
    words = ["the", "argument", "is", "set", "out", "at", "length", "here", "as", "the",
             "book", "goes", "on"]
    return "\n".join(" ".join(words[(n + k + j) % len(words)] for j in range(11))
                     for k in range(lines))


def test_notes_set_off_by_a_page_gap_stay_on_their_page() -> None:
    """An engine that leaves as many blank lines above a page's notes as
    between its pages (GNU Ocrad): the notes are that page's foot, not a
    page of their own, and go after the paragraph holding the reference."""
    def page(n: int, lines: int = 16) -> str:
        return argument_page(n, lines)
    pages = [f"{n} THE PROBLEM\n\n\n{page(n)}" for n in range(20, 28)]
    pages[1] = (f"21 THE PROBLEM\n\n\n{page(21, 10)}\n"
                "The physical object, which he calls the 'thing in\n"
                "itself',' he regards as essentially unknowable; and so\n"
                "in spite of the existence of such knowledge,\n\n\n\n"
                "' Kant's 'thing in itself' is identical in definition with the physical object,\n"
                "namely, it is the cause of sensations, as he says of it throughout the book.")
    pages[2] = "22 THE PROBLEM\n\n\nwe cannot know anything about the thing in itself.\n" + page(22)
    paragraphs = clean_text("\n\n".join(pages) + "\n").clean.split("\n\n")
    noted = next(i for i, p in enumerate(paragraphs) if "itself',[1]" in p or "itself’,[1]" in p)
    assert "such knowledge, we cannot know anything" in paragraphs[noted]
    assert paragraphs[noted + 1].startswith("[1] Kant")


def test_a_body_block_opening_with_a_star_speck_does_not_hide_the_note_below() -> None:
    """The OCR broke a paragraph with a blank line and read a speck as a
    star before its next block: no reference fits that "note", set in the
    body's type, so the block is the body's, and the real note below (small
    type, its reference read as an apostrophe) is still paired and moved."""
    page = ("The council had asked for a larger share of timber and bricks for the\n"
            "new estates’ as a matter of urgency, and the ministry had promised\n"
            "to consider the request when the next allocation was made in the\n\n"
            "* spring of that year, though nobody on the committee expected much\n"
            "to come of the promise, for the same had been said the year before\n"
            "and nothing had come of it then. The tenants met again to hear\n\n"
            "' The estates at Hill Farm and Long Lane, some four hundred houses in all, built\n"
            "by direct labour.\n")
    result = clean_text(page + "\f" + "the minister and heard the news with little surprise.\n")
    assert "new estates[1] as a matter of urgency" in result.clean
    assert "\n\n[1] The estates at Hill Farm" in result.clean
    assert result.clean.rstrip().endswith("built by direct labour.")


def test_a_long_indented_note_set_off_by_a_page_gap_stays_on_its_page() -> None:
    """GOCR indents each paragraph by a space, keeps a page's margins as
    blank lines, and reads a raised 1 after a stop as ``l``: the note, a
    space before its figure and longer than a short page though well under
    half a page, is its page's foot, and pairs with the ``l``."""
    def page(n: int, lines: int = 30) -> str:
        return argument_page(n, lines)
    pages = [f"      THE PROBLEM      {n}\n\n\n{page(n)}" for n in range(20, 28)]
    note = "\n".join(["the cause of sensations, as he says of it throughout the whole of the book,"]
                     * 12)
    pages[1] = ("      THE PROBLEM      21\n\n\n" + page(21, 24) + "\n"
                "as he says in the preface on administrative maladjust-\n"
                "ments,.l\n"
                " The physical object is what he calls the thing in\n\n\n\n"
                " 1 Kant's thing in itself is identical in definition with the physical object,\n"
                + note + ".")
    pages[2] = "      THE PROBLEM      22\n\n\nitself, and so we cannot know it.\n" + page(22)
    paragraphs = clean_text("\n\n\n\n".join(pages) + "\n").clean.split("\n\n")
    noted = next(i for i, p in enumerate(paragraphs) if "ments,.[1]" in p)
    assert paragraphs[noted + 1].startswith("[1] Kant")
    assert paragraphs[noted + 2].startswith("The physical object is what he calls the thing in")


def test_single_quotes_no_note_took_go_in_a_text_quoting_with_double_ones() -> None:
    """On a page with a note, every single quote glued to a word may be the
    note's reference; once the note has taken its own, the rest are specks
    in a text that quotes with double quotes, but a plural's possessive."""
    quoted = ('They called it "the plan" and "the new order", the "old" and the "new"\n'
              'ways, the "first" and the "second" of the "great" schemes of the day.\n\n')
    page = ("When the war ended the borough had lost a third of its houses! and\n"
            "the waiting list’ grew longer every month and the tenants’ anger with it.\n\n" + BODY +
            "\n' Report of the Housing Committee, March 1946, p. 4.\n")
    clean = clean_text(quoted * 2 + page + "\f" + NEXT_PAGE).clean
    assert "a third of its houses[1] and the waiting list grew longer every month and the " \
           "tenants’ anger" in clean
    assert "\n\n[1] Report of the Housing Committee" in clean


def test_a_one_line_note_whose_mark_was_dropped_cutting_a_sentence_in_two() -> None:
    """A single line at the page foot that opens and closes a sentence,
    between a body line leaving its sentence open and a next page going on
    in small letters, is a note whose mark was dropped, not a line of the
    body: it goes after the paragraph holding its reference."""
    page = ("The committee wrote to the ministry in the spring, after the report of\n"
            "the inspectors,! and again in the autumn when nothing had been done.\n\n"
            "The tenants themselves had lost patience long before, and many of the\n"
            "younger families had already left the estate for the new towns, though\n\n"
            "Report on the Condition of the Estate, 1947.\n")
    result = clean_text(page + "\f" + NEXT_PAGE)
    paragraphs = result.clean.split("\n\n")
    assert paragraphs[0].endswith("the inspectors,[1] and again in the autumn when nothing "
                                  "had been done.")
    assert paragraphs[1] == "[1] Report on the Condition of the Estate, 1947."
    assert paragraphs[2].endswith("for the new towns, though nobody on the committee expected "
                                  "much to come of the promise, for the same had been said the "
                                  "year before and nothing had come of it then.")


def test_a_note_whose_reference_stood_in_a_line_the_engine_could_not_read() -> None:
    """GOCR gives a line it could not read as ``_`` with a stroke or two
    among them: a note whose reference is found nowhere goes after the
    paragraph holding such a line, where its mark may be hidden, not after
    the first paragraph closing a sentence."""
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill.\n\n"
            "Its first secretary was a railwayman who had organised a branch of\n"
            "_      _     l\n"
            "his union before the war and knew how such things were done.\n\n" + BODY +
            "\n' Minutes of the association, 3 March 1946, in the keeping of the secretary, who "
            "read\nthem to every meeting of the committee that spring.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("on the hill.")
    assert paragraphs[1].startswith("Its first secretary")
    assert paragraphs[2].startswith("[1] Minutes of the association")


def test_a_note_whose_capital_was_misread_goes_after_the_unread_line_ending_its_paragraph(
) -> None:
    """GOCR misreads a note's opening capital (``mis minute`` for ``This
    minute``): a first word no lexicon knows is no body line going on, so the
    note goes after the paragraph a line the engine could not read closes;
    the next paragraph is known by its indent, though its first word lost
    its capital (``0n`` read ``on``)."""
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill, and\n"
            "its first secretary was a railwayman who had organised a branch of\n"
            "_      _     l\n"
            " on the same day the committee met for the first time in the school,\n"
            "and the chairman read the letters of the council to the members.\n\n" + BODY +
            "\n1 mis minute of the association, 3 March 1946, is in the keeping of the secretary,"
            " who read\nit to every meeting of the committee that spring.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].startswith("The association was formed")
    assert paragraphs[1].startswith("[1] mis minute of the association")
    assert paragraphs[2].startswith("on the same day the committee met")


def test_a_note_whose_figure_was_read_as_a_capital_i_is_moved() -> None:
    """GOCR reads a note's raised ``1`` as ``I`` (``I In their first``): an
    ``I`` before a capitalised word and a sentence going on in small
    letters is no pronoun, and opens the note at the page foot."""
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill.1\n\n" + BODY +
            "\n I In their first winter the families had no water but from a standpipe at the"
            " foot\nof the hill, and the council sent a water cart to the estate twice a week.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("on the hill.[1]")
    assert paragraphs[1].startswith("[1] In their first winter the families")
    assert paragraphs[2].endswith("nothing had come of it then.")


def test_a_garbled_reference_of_the_notes_shape_wins_over_a_mark_among_specks() -> None:
    """The note opens with ``'`` and the reference reads ``’``: one mark,
    curled or not by the engine. A closing double quote after a stop that
    no quotation opened would weigh as much by itself, but specks follow it
    on its line (``time.” — : j ;``): dirt falls in patches, and it is one
    of them."""
    page = ("The old order was a colossus with feet of clay whose collapse was\n"
            "merely a matter of time.” — : j ;\n\n"
            "Before the war none of the members ever considered the features of\n"
            "the organisation’ as a model for the movement in other countries.\n\n" + BODY +
            "\n' Then, incidentally, not a party proper, but merely a faction of the larger\n"
            "party of which the other group formed the other faction.\n")
    paragraphs = _paragraphs(page)
    assert "[1]" not in paragraphs[0]
    assert "the organisation[1] as a model" in paragraphs[1]
    assert paragraphs[2].startswith("[1] Then, incidentally")


def test_a_note_that_lost_its_opening_with_its_mark_still_cuts_no_sentence_in_two() -> None:
    """The engine dropped the mark and the words after it (``specially so``
    for ``Quite especially so``): a block of small type at the page foot,
    opening in small letters, between a body line leaving its sentence open
    and a next page going on with it, is a note, not the body."""
    note = ("specially so the housing committee, whose chairman had resigned in\n"
            "protest at the delay and was later elected to the council for the ward of the\n"
            "estate, a seat he held until the end of the war in Europe in the spring.\n")
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill.*\n\n" + BODY +
            "\n" + note)
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("on the hill.[1]")
    assert paragraphs[1].startswith("[1] specially so the housing committee")
    assert paragraphs[2].endswith("that year, though nobody on the committee expected much to "
                                  "come of the promise, for the same had been said the year "
                                  "before and nothing had come of it then.")


def test_a_mark_inside_a_word_the_engine_broke_is_not_taken_for_the_reference() -> None:
    """GOCR breaks a word it cannot read with a mark between two pieces no
    lexicon knows (``fo11owL' ng``): a letter garbled, not the raised mark of
    the note at the page foot, whose reference the engine lost."""
    page = ("The committee would meet again if and when the fo11owL' ng four\n"
            "conditions had been met by the council in the spring.\n\n" + BODY +
            "\n1 The conditions were set out in the minutes of the meeting held in March.\n")
    result = clean_text(page + "\f" + NEXT_PAGE)
    assert "[1]" not in result.clean.split("\n\n")[0]


def _layout(pages: list[list[list[tuple[str, float]]]]):
    """A layout file's pages of blocks of (line, size of type) lines."""
    from clean_scan.formats.layout import Block, Layout, Line, Page, Word
    return Layout("hocr", [Page([Block([Line([Word(w) for w in text.split()], None, size)
                                        for text, size in block]) for block in page])
                           for page in pages])


def test_a_short_note_is_known_by_its_smaller_type_where_a_layout_file_gives_it() -> None:
    """A note of short lines is no wider than the body, so the plain text
    cannot tell its smaller type; a layout file's sizes (hOCR's
    ``x_size``) can: the note goes off the page foot, flagged, where the
    plain text leaves it inside the paragraph running over the page."""
    from clean_scan.stage import Context
    body = [(line, 30.0) for line in BODY.splitlines()] * 3
    note = [("' Report of the Housing Committee,", 22.0), ("March 1946, p. 4.", 22.0)]
    following = [[(line, 30.0) for line in block.splitlines()] for block in NEXT_PAGE.split("\n\n")]
    layout = _layout([[body, note], following])
    text = layout.text()
    plain = clean_text(text).clean
    assert "bricks for the new estates" in plain and "' Report of the Housing" in plain
    result = clean_text(text, context=Context(layout=layout))
    paragraphs = result.clean.split("\n\n")
    assert paragraphs[0].endswith("nothing had come of it then.")
    assert paragraphs[1] == "[1] Report of the Housing Committee, March 1946, p. 4."
    assert any(f.rule == "move-note" and "no reference" in f.reason for f in result.flags)


def test_a_reference_the_engine_read_with_little_confidence_is_kept_for_its_note() -> None:
    """A raised figure read apart from its word (``houses. !``) is read by
    the engine with as little confidence as a speck; on a page with a note
    below it stays for the footnotes stage, which pairs it (a mark alone
    after ``of`` is still a speck)."""
    from clean_scan.formats.layout import Block, Layout, Line, Page, Word
    from clean_scan.stage import Context

    def line(text: str, doubtful: str = "") -> Line:
        return Line([Word(w, None, 0.1 if w == doubtful else 0.95) for w in text.split()])

    body = [line("When the war ended the borough had lost a third of its houses. !", "!"),
            line("The waiting list grew longer every month of * the first year, and", "*")]
    body += [line(text) for text in BODY.splitlines()]
    note = [line("© Report of the Housing Committee, March 1946, p. 4.")]
    following = [[line(text) for text in block.splitlines()] for block in NEXT_PAGE.split("\n\n")]
    layout = Layout("hocr", [Page([Block(body), Block(note)]),
                             Page([Block(lines) for lines in following])])
    clean = clean_text(layout.text(), context=Context(layout=layout)).clean
    assert clean.startswith("When the war ended the borough had lost a third of its houses.[1]"
                            "\n\n[1] Report of the Housing Committee, March 1946, p. 4.\n\n"
                            "The waiting list grew longer every month of the first year")


def test_a_paragraph_running_over_the_page_ends_at_a_line_the_engine_could_not_read() -> None:
    """The paragraph holding the first page's reference runs over the page
    break into a line GOCR could not read (``t  t  2``, the second note's
    mark among its strokes), and the next line is set in: the paragraph
    ends there, and both notes follow it in their order, not the first
    after the next paragraph."""
    first = ("Before the war none of the members ever considered the features of\n"
             "the organisation1 as a model for the movement in other countries,\n"
             "and the leaders of the other parties were quoted in its papers as the\n"
             "final authority on\n\n"
             "1 Then, incidentally, not a party proper, but merely a faction of the larger\n"
             "party of which the other group formed the other faction.\n")
    second = ("    t      t     2\n"
              "  It is important to remember this for the understanding\n"
              "of two things in the history of the movement and its leaders.\n"
              "  The party was organised as a highly disciplined body of\n"
              "selected members who gave their whole lives to the movement.\n\n"
              "2 Quite especially so the leader who later on was denounced as a traitor.\n")
    paragraphs = clean_text(first + "\f" + second).clean.split("\n\n")
    assert paragraphs[0].startswith("Before the war none of the members")
    assert paragraphs[1].startswith("[1] Then, incidentally")
    assert paragraphs[2].startswith("[2] Quite especially so")
    assert paragraphs[3].startswith("It is important to remember this")


def test_a_reference_closing_a_line_before_a_set_in_line_ends_its_paragraph() -> None:
    """The reference closes a sentence at a line's end and the next line
    is set in, though its capital was misread (GOCR's ``_is`` for
    ``This``): a new paragraph begins there, and the note goes between
    the two, not after the second."""
    page = ("The leaders had to descend to the level of trials and purges for mere\n"
            "administrative adjustments.1\n"
            "  _is growing necessity to paint every issue in black or white has had a\n"
            "very bad effect on the administration of the country and its people.\n\n" + BODY +
            "\n1 In their sharpest form these tendencies were expressed during the trials of"
            " that\nyear, when the world witnessed a new wave of terror in the country.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("administrative adjustments.[1]")
    assert paragraphs[1].startswith("[1] In their sharpest form")
    assert "growing necessity to paint every issue" in paragraphs[2]


def test_a_line_of_letters_read_apart_is_one_the_engine_could_not_read() -> None:
    """GOCR gives a line it lost as letters in ones and twos (``hi  m l  l k
    f ... rin  1``): the note whose reference is found nowhere else goes
    after the paragraph that line closes, where its mark may be hidden."""
    page = ("The association was formed in the winter of 1946, when the\n"
            "first families moved into the prefabricated houses on the hill.\n\n"
            "Its first secretary was a railwayman who had organised a branch of\n"
            "hi  m l  l k f  m r i  n li rl x rin  1\n"
            " Its second was a teacher from the school on the hill.\n\n" + BODY +
            "\n1 Minutes of the association, 3 March 1946, in the keeping of the secretary, who "
            "read\nthem to every meeting of the committee that spring.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[1].startswith("Its first secretary was a railwayman")
    assert paragraphs[2].startswith("[1] Minutes of the association")
    assert paragraphs[3] == "Its second was a teacher from the school on the hill."


def test_a_reference_ending_a_line_before_a_set_in_line_ends_its_paragraph_without_a_stop(
) -> None:
    """The engine lost the stop before the reference (``dispute 2``) and
    the next line is set in: the paragraph ends at the reference, and the
    note goes there, not after the next paragraph."""
    page = ("The leaders of the other parties were quoted in its papers as the\n"
            "final authority on questions of dispute 2\n"
            "  It is important to remember this for the understanding\n"
            "of two things in the history of the movement and its leaders.\n\n" + BODY +
            "\n2 Quite especially so the leader who later on was denounced as a traitor\n"
            "by the very men who had quoted him in support of their own theory.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0].endswith("questions of dispute[2]")
    assert paragraphs[1].startswith("[2] Quite especially so")
    assert paragraphs[2].startswith("It is important to remember this")


def test_an_l_read_as_an_exclamation_mark_is_no_reference() -> None:
    """On a page with a note, ``Nationa!`` is a word whose last letter was
    misread, not a word carrying the note's garbled mark: a reference
    follows a whole word. It is read ``National``, and the note, whose
    reference was lost, is not tied to it."""
    page = ("(c) Nationa! security must not be threatened by war or the menace\n"
            "of war in any of the years to come.\n\n" + BODY +
            "\n' This problem is discussed in detail in the fourteenth chapter of the book,\n"
            "where the reader will find the figures for every year of the plan.\n")
    clean = clean_text(page + "\f" + NEXT_PAGE).clean
    assert clean.startswith("(c) National security must not be threatened")
    assert "Nationa[1]" not in clean and "[1] This problem is discussed" in clean


def test_a_later_note_whose_reference_was_lost_goes_after_the_paragraph_at_the_foot() -> None:
    """The page's first note has its reference; the second's was lost. Its
    mark stood after the first's, in what is left of the page: with nothing
    to tell which paragraph, it goes after the one at the page foot, not
    after the first paragraph that closes a sentence."""
    page = ("The association was formed in the winter of 1946, when the first\n"
            "families moved into the prefabricated houses on the hill.1\n\n"
            "Its first secretary was a railwayman who had organised a branch of his\n"
            "union before the war and knew how such things were done.\n\n"
            "Its second was a teacher from the school, who kept the minutes of the\n"
            "committee in a book that is still in the keeping of the association.\n\n" + BODY +
            "\n1 Minutes of the association, 3 March 1946, read to the committee that spring.\n"
            "2 The book was given to the county archive in 1968 by her daughter.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[1].startswith("[1] Minutes of the association")
    assert paragraphs[2].startswith("Its first secretary") and \
        paragraphs[3].startswith("Its second was a teacher")
    assert paragraphs[4].endswith("nothing had come of it then.")
    assert paragraphs[5].startswith("[2] The book was given")


def test_the_specks_a_layout_file_shows_after_a_mark_count_when_the_text_has_lost_them() -> None:
    """From a layout file the characters stage takes away the specks the
    engine read with little confidence or in boxes too small for a letter
    (``time.” — : j ;``) before the footnotes stage looks; the engine's
    line still shows them after the mark, and the mark is weighed as one
    among specks (as from the plain text, where they are still there),
    while a mark inside its sentence is not."""
    from clean_scan.formats.layout import Block, Layout, Line, Page, Word
    from clean_scan.stage import Context
    from clean_scan.stages.footnotes import Lines
    from clean_scan.stages.footnotes.references import among_specks, engine_words_after

    printed = ["was merely a matter of time.” — : j ;",
               "the organisation’ as an ideal model for the movement"]
    layout = Layout("hocr", [Page([Block([Line([Word(w) for w in t.split()])
                                          for t in printed])])])
    raw = layout.text()
    text = raw.replace(" — : j ;", "")  # as the characters stage leaves it
    cut, shift = raw.index(" —"), len(" — : j ;")
    context = Context(layout=layout,
                      raw_span=lambda s, e: (s, e) if s < cut else (s + shift, e + shift))
    lines = Lines(text, context)
    after_time = engine_words_after(lines, text.index("”"))
    after_organisation = engine_words_after(lines, text.index("’"))
    assert among_specks(after_time) and not among_specks(after_organisation)
    assert engine_words_after(Lines(text), text.index("”")) == ""  # plain text: the text's own


def test_a_note_broken_into_blocks_with_its_last_line_and_a_speck_apart_is_found() -> None:
    """The OCR broke a note in small type with blank lines, its short last
    line and a speck read as letters each a block of their own below it:
    the note is still the page's foot (its mark opens the first of its
    blocks, the next is in the same small type), and moves off the page."""
    page = ("The members met in the hall to hear the report on the housing.1\n"
            + BODY * 4 + "\n"
            "1 In their sharpest form these complaints were made at the meeting held in March,\n"
            "when the council heard the tenants of the new estates and the builders of them\n\n"
            "who had put up the houses in the spring, and the surveyor who had passed them all\n\n"
            "as fit to live in.\n\n"
            "Ke\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0] == "The members met in the hall to hear the report on the housing.[1]"
    assert "In their sharpest form" not in paragraphs[0]
    assert paragraphs[1].startswith("[1] In their sharpest form these complaints")


def test_a_notes_last_line_set_apart_by_a_blank_line_stays_with_its_note() -> None:
    """The OCR put a blank line before a note's last line, which is longer
    than a piece of a line but closes the note's sentence: it is the note's
    tail, not the body, and the note above it moves off the page whole."""
    page = ("The members met in the hall to hear the report on the housing.1\n"
            + BODY * 4 + "\n"
            "1 In their sharpest form these complaints were made at the meeting held in March,\n"
            "when the council heard the tenants of the new estates and the builders of them\n\n"
            "and the surveyor who had passed them as fit to live in.\n")
    paragraphs = _paragraphs(page)
    assert paragraphs[0] == "The members met in the hall to hear the report on the housing.[1]"
    assert paragraphs[1].startswith("[1] In their sharpest form these complaints")
    assert paragraphs[1].endswith("the surveyor who had passed them as fit to live in.")
