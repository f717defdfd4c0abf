"""Where the per-file work runs: a pool of local worker processes, or an
existing Dask cluster. Both take the same jobs and the same options, call the
same ``work.process`` and hand each record back as soon as it is done.

Local pool, and why it is built this way:

* options (which may hold a large collection vocabulary) go to each worker
  once, through the pool initializer, not with every file;
* a bounded number of files is in flight, so a batch of a hundred thousand
  files does not queue a hundred thousand futures;
* a worker that dies (killed, out of memory) breaks the pool: the files it
  might have been working on are retried one at a time in a fresh pool, and
  a file that kills a worker twice is recorded as failed;
* workers ignore Ctrl-C (the parent decides), exit cleanly on SIGTERM (so an
  atomic write in progress removes its temporary file) and, on Linux, are
  sent SIGTERM when the parent dies, so no orphan keeps writing.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from clean_scan.batch.discover import Job
from clean_scan.batch.work import BatchOptions, Record, base_record, count_file, process, warm_up
from clean_scan.outputs import remove_partial_writes

OnRecord = Callable[[Record], None]

_OPTIONS: BatchOptions | None = None


def _init_worker(options: BatchOptions) -> None:
    global _OPTIONS
    _OPTIONS = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_term)
    _die_with_parent()
    with contextlib.suppress(Exception):  # a failing stage is reported per file
        warm_up(options)


class _Terminated(SystemExit):
    """SIGTERM in a worker: unwinds the file in hand, so that its atomic
    write removes the temporary file, and then ends the worker."""


_in_job = False
_stop_code = 0


def _exit_on_term(signum: int, frame: Any) -> None:
    """Between files there is nothing to clean up, so the worker ends at once;
    in a file, the exception unwinds it. The pool's own code catches any
    exception around sending a result, so an idle worker must not rely on one.
    A second SIGTERM (the parent's death signal) must not cut the clean-up short."""
    global _stop_code
    if _stop_code:
        return
    _stop_code = 128 + signum
    if not _in_job:
        os._exit(_stop_code)
    raise _Terminated(_stop_code)


def _die_with_parent() -> None:
    """Ask Linux to send SIGTERM when the parent process dies."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _work(job: Job) -> Record:
    """One file. A worker told to stop ends here, after the file's clean-up
    (the pool's loop would otherwise send the exit back as the file's result
    and take the next file)."""
    global _in_job
    assert _OPTIONS is not None
    _in_job = True
    try:
        return process(job, _OPTIONS)
    except _Terminated:
        pass
    finally:
        _in_job = False
        if _stop_code:
            os._exit(_stop_code)
    raise AssertionError("unreachable: a stopped worker has exited")


def _noop_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()


class LocalEngine:
    """``workers`` local processes."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def count_words(self, paths: list[Path]) -> Iterator[Counter[str]]:
        with ProcessPoolExecutor(self.workers, initializer=_noop_init) as pool:
            yield from pool.map(count_file, paths, chunksize=8)

    def run(self, jobs: Iterable[Job], options: BatchOptions, on_record: OnRecord) -> None:
        pending: deque[Job] = deque(jobs)
        suspects: deque[Job] = deque()
        deaths: Counter[int] = Counter()
        while pending or suspects:
            pool = ProcessPoolExecutor(self.workers, initializer=_init_worker,
                                       initargs=(options,))
            try:
                lost = self._drain(pool, pending, suspects, on_record)
            except BaseException:
                _terminate(pool)
                remove_partial_writes(options.out_dir)  # the workers are gone: none is theirs
                raise
            pool.shutdown(wait=True)
            for job in lost:
                deaths[job.index] += 1
                if deaths[job.index] >= 2:
                    record = base_record(job, options.out_dir)
                    record.update(status="error", error=f"{job.source}: the worker process "
                                  "died while cleaning this file (killed, or out of memory)")
                    on_record(record)
                else:
                    suspects.append(job)

    def _drain(self, pool: ProcessPoolExecutor, pending: deque[Job], suspects: deque[Job],
               on_record: OnRecord) -> list[Job]:
        """Run jobs until all are done or the pool breaks; return the jobs in
        flight when it broke. Suspects run alone, so a second death is theirs."""
        inflight: dict[Future[Record], Job] = {}
        window = 2 * self.workers
        while pending or suspects or inflight:
            broken = False
            try:
                if suspects and not inflight:
                    future = pool.submit(_work, suspects[0])
                    inflight[future] = suspects.popleft()
                while not suspects and pending and len(inflight) < window:
                    future = pool.submit(_work, pending[0])
                    inflight[future] = pending.popleft()
            except BrokenProcessPool:  # a worker died before any future said so: the
                broken = True          # job not submitted stays where it was
            done: set[Future[Record]] = set()
            if inflight:  # a broken pool settles every future at once
                done, _ = wait(inflight, return_when=ALL_COMPLETED if broken else FIRST_COMPLETED)
            for future in done:
                try:
                    record = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                inflight.pop(future)
                on_record(record)
            if broken:
                return list(inflight.values())
        return []


_WORKER_EXIT_SECONDS = 5.0
"""How long an interrupted batch waits for a worker to remove its temporary
file before killing it (a later ``--resume`` removes what a kill leaves)."""


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, and wait until they have gone: a worker removes
    its atomic write's temporary file as it exits on SIGTERM, and a parent
    that returned first would write the summary (and exit) beside a ``.part``
    file that is still there."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.terminate()
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.join(_WORKER_EXIT_SECONDS)
            if proc.exitcode is None:
                proc.kill()
                proc.join()
    pool.shutdown(wait=False, cancel_futures=True)


class DaskEngine:
    """An existing Dask cluster (``dask.distributed``): the same work, one
    task per file. The workers need clean-scan installed and must see the
    input and output paths (a shared filesystem)."""

    def __init__(self, scheduler: str) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise RuntimeError("the dask engine needs dask.distributed: "
                               "pip install 'clean-scan[dask]'") from exc
        self.client = Client(scheduler)

    def close(self) -> None:
        self.client.close()

    def count_words(self, paths: list[Path]) -> Iterator[Counter[str]]:
        from dask.distributed import as_completed

        futures = self.client.map(count_file, paths, pure=False)
        for future in as_completed(futures):
            yield future.result()
            future.release()

    def run(self, jobs: Iterable[Job], options: BatchOptions, on_record: OnRecord) -> None:
        from dask.distributed import as_completed

        shared = self.client.scatter(options, broadcast=True)
        futures = {self.client.submit(process, job, shared, pure=False): job for job in jobs}
        for future in as_completed(list(futures)):
            job = futures.pop(future)
            try:
                record = future.result()
            except Exception as exc:  # the task failed outside process(): a lost worker
                record = base_record(job, options.out_dir)
                record.update(status="error", error=f"{job.source}: the Dask task failed: "
                              f"{type(exc).__name__}: {exc}")
            future.release()
            on_record(record)
