"""No data loss: whatever the input, the clean text plus the report's hunks
give the raw input back exactly."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from clean_scan.decoding import InputError, decode_bytes
from clean_scan.pipeline import clean_text
from clean_scan.restore import restore_bytes, restore_text

from .conftest import SAMPLE

OCR_ALPHABET = st.sampled_from(
    list("abcdefghijklmnoprstuvwxyz ABCTX.,;:*'’“”—-¬()0123456789\n\n\n\f\r\t\x00ﬁ")
)
OCR_TEXT = st.lists(
    st.one_of(
        OCR_ALPHABET,
        st.sampled_from(
            ["the ", "Russia", "¬\n", "-\n", "\n\n\n", "\n12\n", " 1 ", "* ", "X he", "workers*"]
        ),
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(OCR_TEXT)
@example("\x0c\x0c\n12\n")  # a line of form feeds before a short line crashed paragraphs
def test_restore_holds_for_ocr_like_text(raw: str):
    result = clean_text(raw)
    assert restore_text(result.clean, result.hunks) == raw


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_restore_holds_for_arbitrary_text(raw: str):
    result = clean_text(raw)
    assert restore_text(result.clean, result.hunks) == raw


@settings(max_examples=300, deadline=None)
@given(OCR_TEXT, st.sampled_from(["\n", "\r\n", "\r", None]))
def test_restore_gives_the_file_back_whatever_its_line_ends(text: str, line_end: str | None):
    """A file with one kind of line end throughout is read with ``\\n`` ones
    (``None``: the text's own mix of ``\\r`` and ``\\n``, left as it is)."""
    data = (text if line_end is None else text.replace("\r", "").replace("\n", line_end))
    try:
        source = decode_bytes(data.encode("utf-8"))
    except InputError:
        return  # empty or binary: refused, nothing to restore
    assert "\r" not in source.text or source.line_ends == "mixed"
    result = clean_text(source.text)
    restored = restore_bytes(result.clean, result.hunks, source.encoding, source.bom,
                             source.sha256, source.line_ends)
    assert restored == data.encode("utf-8")


@pytest.mark.parametrize(("data", "line_ends"), [
    (b"one\r\ntwo\r\n", "crlf"), (b"one\rtwo\r", "cr"), (b"one\ntwo\n", "lf"),
    (b"one\r\ntwo\nthree\r", "mixed"), (b"one line, no end", "lf"),
])
def test_line_ends_are_recorded_and_read_as_newlines_only_when_uniform(data, line_ends):
    source = decode_bytes(data)
    assert source.line_ends == line_ends
    if line_ends != "mixed":
        assert source.text == data.decode().replace("\r\n", "\n").replace("\r", "\n")
    else:
        assert source.text == data.decode()


def test_restore_holds_on_the_sample_book_bytes():
    data = SAMPLE.read_bytes()
    source = decode_bytes(data)
    result = clean_text(source.text)
    assert result.clean != source.text
    assert (
        restore_bytes(result.clean, result.hunks, source.encoding, source.bom, source.sha256)
        == data
    )


def test_cleaning_is_idempotent_on_clean_output():
    result = clean_text(SAMPLE.read_text(encoding="utf-8"))
    again = clean_text(result.clean)
    assert again.clean == result.clean
