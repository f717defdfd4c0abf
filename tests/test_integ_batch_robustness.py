"""The awkward files a real collection holds, through ``clean-scan batch``:
each is either cleaned losslessly (the raw file restores byte for byte) or
refused with its error recorded, and never stops the batch. Also large
inputs, cleaned in segments: still lossless, correctly located, and in
memory that does not grow with the file much beyond a few times its size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from clean_scan.batch.discover import Job
from clean_scan.batch.work import BatchOptions, completed, process
from clean_scan.cli import cli
from clean_scan.outputs import plan_outputs
from clean_scan.restore import restore_from_report

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"
BOOK = SAMPLE.read_text(encoding="utf-8")
PART = BOOK[20000:50000]
RUSSIAN = ("Рабочие и крестьяне построили новую школу в городе.\n"
           "Дети пришли учиться, и учителя были рады.\n\n")

TRICKY: dict[str, bytes] = {
    "empty.txt": b"",
    "furniture only.txt": b"\n\n\n12\n\n\n\n\n13\n\n\n\n\n* 14 *\n\n\n\nDigitized by Google\n",
    "crlf.txt": PART.replace("\n", "\r\n").encode("utf-8"),
    "cr.txt": PART.replace("\n", "\r").encode("utf-8"),
    "bom.txt": b"\xef\xbb\xbf" + PART.encode("utf-8"),
    "nul.txt": PART[:5000].encode("utf-8") + b"\x00" + PART[5000:].encode("utf-8"),
    "cp1252.txt": PART.encode("cp1252", errors="replace"),
    "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64,
    "long line.txt": (("the workers built a school " * 3704)[:100_000] + "\n").encode(),
    "russian.txt": (RUSSIAN * 20).encode("utf-8"),
    "sub dir/ñame with spaces é.txt": PART.encode("utf-8"),
}
REFUSED = {"empty.txt": "empty", "binary.txt": "binary"}


def restore(out: Path, stem: str) -> bytes:
    report = json.loads((out / f"{stem}.report.json").read_text(encoding="utf-8"))
    with (out / f"{stem}.clean.txt").open(encoding="utf-8", newline="") as fh:
        clean = fh.read()
    return restore_from_report(clean, report)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, Path, dict[str, dict], int]:
    root = tmp_path_factory.mktemp("tricky")
    src = root / "in"
    for name, data in TRICKY.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    out = root / "out"
    result = CliRunner().invoke(cli, ["batch", str(src), "--out-dir", str(out), "-j", "2"])
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    records = {Path(f["input"]).relative_to(src).as_posix(): f for f in summary["files"]}
    return src, out, records, result.exit_code


def test_every_file_is_in_the_summary_and_failures_set_the_exit_code(batch):
    _src, _out, records, code = batch
    assert set(records) == set(TRICKY)
    assert code == 1
    assert {n for n, r in records.items() if r["status"] == "error"} == set(REFUSED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_unusable_files_are_refused_with_their_error(batch, name):
    _src, out, records, _code = batch
    assert REFUSED[name] in records[name]["error"]
    assert not (out / name.replace(".txt", ".clean.txt")).exists()


@pytest.mark.parametrize("name", sorted(set(TRICKY) - set(REFUSED)))
def test_each_usable_file_is_cleaned_and_restores_byte_for_byte(batch, name):
    src, out, records, _code = batch
    assert records[name]["status"] == "ok", records[name]["error"]
    assert restore(out, name[: -len(".txt")]) == (src / name).read_bytes()


@pytest.mark.parametrize("name", ["crlf.txt", "cr.txt", "bom.txt", "nul.txt"])
def test_clean_text_has_plain_line_ends_and_no_invisible_debris(batch, name):
    _src, out, _records, _code = batch
    clean = (out / name.replace(".txt", ".clean.txt")).read_bytes()
    assert b"\r" not in clean and b"\x00" not in clean
    assert not clean.startswith(b"\xef\xbb\xbf")
    assert clean.endswith(b"\n") and not clean.endswith(b"\n\n")


def test_windows_1252_is_read_and_recorded(batch):
    _src, out, records, _code = batch
    assert records["cp1252.txt"]["encoding"] == "cp1252"
    assert "“" in (out / "cp1252.clean.txt").read_text(encoding="utf-8")


def test_another_script_keeps_its_words(batch):
    _src, out, _records, _code = batch
    clean = (out / "russian.clean.txt").read_text(encoding="utf-8")
    words = regex.findall(r"\p{Cyrillic}+", clean)
    assert words == regex.findall(r"\p{Cyrillic}+", RUSSIAN * 20)


def test_long_line_keeps_its_words(batch):
    _src, out, _records, _code = batch
    clean = (out / "long line.clean.txt").read_text(encoding="utf-8")
    assert clean.split() == TRICKY["long line.txt"].decode().split()


def test_path_with_spaces_and_accents_is_mirrored(batch):
    _src, out, _records, _code = batch
    assert (out / "sub dir" / "ñame with spaces é.clean.txt").exists()
    assert "sub%20dir/%C3%B1ame%20with%20spaces%20%C3%A9.report.html" in \
        (out / "index.html").read_text(encoding="utf-8")


def test_cleaning_an_already_clean_file_changes_nothing(batch, tmp_path: Path):
    _src, out, _records, _code = batch
    again = tmp_path / "again"
    clean = out / "sub dir" / "ñame with spaces é.clean.txt"
    result = CliRunner().invoke(cli, ["batch", str(clean), "--out-dir", str(again), "-j", "1"])
    assert result.exit_code == 0, result.output
    first = clean.read_text(encoding="utf-8")
    second = (again / "ñame with spaces é.clean.clean.txt").read_text(encoding="utf-8")
    assert second == first


# Large inputs, cleaned in segments (thresholds lowered so the test is short).

@pytest.fixture
def small_segments(monkeypatch):
    import clean_scan.segments as segments

    monkeypatch.setattr(segments, "SEGMENT_THRESHOLD", 60_000)
    monkeypatch.setattr(segments, "SEGMENT_TARGET", 25_000)


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_a_large_input_cleaned_in_segments_restores_and_locates_edits(
        tmp_path: Path, small_segments, line_end: str):
    raw = BOOK[:150_000].replace("\n", line_end)
    source = tmp_path / "big.txt"
    source.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    out = tmp_path / "out"
    record = process(Job(0, source, Path("big.txt")), BatchOptions(out_dir=out))
    assert record["status"] == "ok" and record["segments"] >= 4
    assert restore(out, "big") == source.read_bytes()
    report = json.loads((out / "big.report.json").read_text(encoding="utf-8"))
    assert report["input"]["line_ends"] == {"\n": "lf", "\r\n": "crlf", "\r": "cr"}[line_end]
    read = raw.replace(line_end, "\n")  # raw offsets count one character per line end
    starts = [0] + [m.end() for m in regex.finditer("\n", read)]
    for item in report["edits"] + report["flags"]:
        assert starts[item["line"] - 1] + item["column"] - 1 == item["start"]
    ids = [e["id"] for e in report["edits"] + report["flags"]]
    assert len(set(ids)) == len(ids)  # unique, and each says where its item stands
    for item in report["edits"]:
        assert item["id"].split("#")[0] == (f'{item["stage"]}:{item["rule"]}:'
                                            f'{item["start"]}-{item["end"]}')
    for item in report["flags"]:
        assert item["id"].split("#")[0] == (f'flag:{item["stage"]}:{item["rule"]}:'
                                            f'{item["start"]}-{item["end"]}')
    assert record["edits"] == len(report["edits"])


def test_a_large_report_is_checked_for_resume_without_parsing_it_whole(
        tmp_path: Path, small_segments, monkeypatch):
    import clean_scan.batch.work as work

    source = tmp_path / "big.txt"
    source.write_text(BOOK[:150_000], encoding="utf-8")
    out = tmp_path / "out"
    first = process(Job(0, source, Path("big.txt")), BatchOptions(out_dir=out))
    monkeypatch.setattr(work, "FULL_PARSE_LIMIT", 1000)
    head = completed(source, plan_outputs(Path("big.txt"), out, None, True))
    assert head is not None
    assert head["edits"] == first["edits"] and head["flags"] == first["flags"]
    source.write_text(BOOK[:150_001], encoding="utf-8")
    assert completed(source, plan_outputs(Path("big.txt"), out, None, True)) is None


PEAK_SCRIPT = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    import clean_scan.segments as segments
    from clean_scan.runner import clean_file
    segments.SEGMENT_THRESHOLD, segments.SEGMENT_TARGET = 300_000, 150_000
    clean_file(Path(sys.argv[1]), out_dir=Path(sys.argv[2]), skip=["spelling"])
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
""")


def test_memory_grows_with_input_by_a_few_times_its_size_at_most(tmp_path: Path):
    """Peak RSS for a 1 MB and a 4 MB input: the difference is a few times
    the 3 MB between them, not the tens of times a whole-file edit log takes.
    (Spelling is skipped to keep the test short; it works a segment at a time
    like every stage.)"""
    peaks = []
    for size in (1, 4):
        source = tmp_path / f"in{size}.txt"
        copies = size * 1_000_000 // len(BOOK) + 1
        source.write_text((BOOK * copies)[: size * 1_000_000], encoding="utf-8")
        run = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(source),
                              str(tmp_path / f"out{size}")], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        peaks.append(int(run.stdout.split()[-1]) * 1024)
    growth = peaks[1] - peaks[0]
    assert growth < 8 * 3_000_000, f"peak RSS grew by {growth / 1e6:.0f} MB for 3 MB more input"


def test_segments_cover_the_text_and_cut_at_page_breaks_when_there_are_some():
    from clean_scan.segments import segment_spans

    spans = segment_spans(BOOK, 20_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(BOOK)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    for _start, end in spans[:-1]:
        assert BOOK[:end].endswith("\n\n\n") or BOOK[end - 1] == "\f"
    one_line = "word " * 50_000
    cuts = [end for _s, end in segment_spans(one_line, 30_000)[:-1]]
    assert cuts and all(one_line[end - 1] == " " and one_line[end] == "w" for end in cuts)


def test_rerun_on_a_large_input_knows_its_own_outputs_from_the_report_head(
        tmp_path: Path, small_segments, monkeypatch):
    import clean_scan.outputs as outputs
    from clean_scan.decoding import InputError
    from clean_scan.runner import clean_file

    monkeypatch.setattr(outputs, "LARGE_REPORT", 1000)  # judge by the head only
    source = tmp_path / "big.txt"
    source.write_text(BOOK[:150_000], encoding="utf-8")
    clean_file(source, out_dir=tmp_path / "out")
    clean_file(source, out_dir=tmp_path / "out")  # its own outputs: replaced
    (tmp_path / "out" / "big.clean.txt").write_text("edited by hand\n", encoding="utf-8")
    with pytest.raises(InputError, match="not written by clean-scan"):
        clean_file(source, out_dir=tmp_path / "out")


BIG_SCRIPT = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    from clean_scan.runner import clean_file
    clean_file(Path(sys.argv[1]), out_dir=Path(sys.argv[2]))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
""")


@pytest.mark.skipif(not os.environ.get("CLEAN_SCAN_SLOW"),
                    reason="takes minutes: set CLEAN_SCAN_SLOW=1 to clean a real 50 MB file")
def test_a_50_mb_file_is_cleaned_losslessly_in_under_1_gb(tmp_path: Path):
    source = tmp_path / "big.txt"
    copies = 50_000_000 // len(SAMPLE.read_bytes()) + 1
    source.write_bytes(SAMPLE.read_bytes() * copies)
    run = subprocess.run([sys.executable, "-c", BIG_SCRIPT, str(source), str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) * 1024 < 1_000_000_000
    assert restore(tmp_path / "out", "big") == source.read_bytes()
