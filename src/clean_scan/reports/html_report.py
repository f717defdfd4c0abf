"""Placeholder HTML report; the full report is being written."""

from __future__ import annotations

import html

from clean_scan.decoding import DecodedInput
from clean_scan.pipeline import Result


def render_html(result: Result, source: DecodedInput, name: str) -> str:
    return ("<!doctype html><meta charset='utf-8'><title>clean-scan report</title><pre>"
            + html.escape(result.clean) + "</pre>\n")
