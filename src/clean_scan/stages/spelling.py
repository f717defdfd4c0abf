"""Placeholder: the spelling stage is being written."""

from clean_scan.stage import Context, Stage, StageResult


def run(text: str, context: Context) -> StageResult:
    return StageResult([])


STAGE = Stage("spelling", "(not yet written)", run)
