"""Placeholder: the footnotes stage is being written."""

from clean_scan.stage import Context, Stage, StageResult


def run(text: str, context: Context) -> StageResult:
    return StageResult([])


STAGE = Stage("footnotes", "(not yet written)", run)
