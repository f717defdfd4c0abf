"""Placeholder: the paragraphs stage is being written."""

from clean_scan.stage import Context, Stage, StageResult


def run(text: str, context: Context) -> StageResult:
    return StageResult([])


STAGE = Stage("paragraphs", "(not yet written)", run)
