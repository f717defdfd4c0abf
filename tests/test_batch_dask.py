"""``--engine dask``: the same per-file work on a Dask cluster gives the same
outputs and summary as the local engine. The cluster is a LocalCluster the
test starts itself; the test is skipped when dask.distributed is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean_scan.cli import cli

distributed = pytest.importorskip("dask.distributed")

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"


def outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name.endswith((".clean.txt", ".report.json", ".report.html"))}


def statuses(root: Path) -> dict[str, tuple[str, int, int]]:
    data = json.loads((root / "batch-summary.json").read_text(encoding="utf-8"))
    return {Path(f["input"]).name: (f["status"], f["edits"], f["flags"]) for f in data["files"]}


def test_dask_engine_writes_what_the_local_engine_writes(tmp_path: Path):
    src = tmp_path / "in"
    (src / "part two").mkdir(parents=True)
    book = SAMPLE.read_text(encoding="utf-8")
    for n in range(4):
        folder = src if n % 2 else src / "part two"
        (folder / f"book {n}.txt").write_text(book[n * 9000:n * 9000 + 12000], encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    local = runner.invoke(cli, ["batch", str(src), "--out-dir", str(tmp_path / "local"),
                                "-j", "1", "--learn-collection"])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = runner.invoke(cli, ["batch", str(src), "--out-dir", str(tmp_path / "dask"),
                                     "--engine", "dask", "--scheduler",
                                     cluster.scheduler_address, "--learn-collection"])
    assert local.exit_code == remote.exit_code == 1, remote.output  # empty.txt fails
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    assert len(outputs(tmp_path / "dask")) == 12
    assert statuses(tmp_path / "dask") == statuses(tmp_path / "local")


def test_dask_engine_without_scheduler_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out-dir",
                                      str(tmp_path / "out"), "--engine", "dask"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output
