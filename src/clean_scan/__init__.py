"""clean-scan: turn raw OCR of 1930s-1950s print into clean, reviewable text.

>>> from clean_scan import clean_text
>>> result = clean_text(raw)          # doctest: +SKIP
>>> result.clean, result.edits, result.flags   # doctest: +SKIP
"""

from clean_scan.pipeline import STAGES, Result, clean_text

__all__ = ["STAGES", "Result", "clean_text"]
__version__ = "0.1.0"
