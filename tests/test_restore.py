"""No data loss: whatever the input, the clean text plus the report's hunks
give the raw input back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean_scan.decoding import decode_bytes
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
def test_restore_holds_for_ocr_like_text(raw: str):
    result = clean_text(raw)
    assert restore_text(result.clean, result.hunks) == raw


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_restore_holds_for_arbitrary_text(raw: str):
    result = clean_text(raw)
    assert restore_text(result.clean, result.hunks) == raw


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
