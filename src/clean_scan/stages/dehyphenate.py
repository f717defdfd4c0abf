"""Placeholder: the dehyphenate stage is being written."""

from clean_scan.stage import Context, Stage, StageResult


def run(text: str, context: Context) -> StageResult:
    return StageResult([])


STAGE = Stage("dehyphenate", "(not yet written)", run)
