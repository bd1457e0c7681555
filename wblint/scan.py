"""Scan a tree: the cache first, then the drafts left over, in-process or over a process pool.

Files are read once, here; each file's bytes are hashed for the cache and, on a
miss, sent in chunks to the linter.  Results come out in the order the files came
in (discovery order: sorted by path), whatever the number of processes, and each
chunk is dropped once its results are out, so memory stays flat as the tree grows.

With ``jobs`` > 1 and more than a few files to lint, a pool of ``jobs`` worker
processes lints them: the spaCy pipeline is loaded first, then the workers are forked
with this process's Linter and pipeline, and lint chunk after chunk.  One file, ``--jobs 1``
or a tree that is almost all cached stays in-process.  A worker that dies takes no
work with it: its chunk is linted again in-process.  A worker that gives no result for
``WORKER_TIMEOUT`` seconds (stopped, say, with ``kill -STOP``) ends the pool: its workers are
killed and what they held is linted in-process.  Workers ignore Ctrl-C (the run stops them
itself, without a traceback from each) and end when their parent does, even when it is
killed outright.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .cache import Cache, digest
from .diagnostics import READ_ERROR, Diagnostic, Severity
from .engine import CHUNK_SIZE, Linter, read_draft

if TYPE_CHECKING:  # multiprocessing is imported when a pool starts: a warm run never needs it
    from concurrent.futures import Future, ProcessPoolExecutor

POOL_MIN_FILES = 8  # fewer files to lint than this: a pool costs more than it saves
POOL_CHUNK = 8  # files per task sent to a worker
POOL_TAIL_CHUNK = 2  # files per task near the end, so no worker idles while another finishes a long task
WORKER_TIMEOUT = 120.0  # seconds without a result from the chunk waited for: the pool is given up
PARENT_CHECK = 0.5  # seconds between a worker's checks that its parent is still there
Result = tuple[str, list[Diagnostic]]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class _Slot:
    display: str
    result: list[Diagnostic] | None = None
    data: bytes = b""
    digest: str = ""
    batch: "_Batch | None" = None


@dataclass
class _Batch:
    slots: list[_Slot] = field(default_factory=list)
    future: Future | None = None


def scan(linter: Linter, paths: Iterable[Path], display: Callable[[Path], str] = str,
         jobs: int = 1, cache: Cache | None = None, digests: dict[Path, str] | None = None) -> Iterator[Result]:
    """(display path, sorted diagnostics) per file, in the order given.

    ``digests``: filled with each file's content digest as linted (``--fix`` checks a file
    is still what was linted before it applies any fix)."""
    runner = _Runner(linter, jobs, cache, digests)
    try:
        yield from runner.run(paths, display)
    except BaseException:  # Ctrl-C, an error, or a caller that stopped reading: no waiting for workers
        runner.abort()
        raise
    finally:
        runner.close()


class _Runner:
    def __init__(self, linter: Linter, jobs: int, cache: Cache | None,
                 digests: dict[Path, str] | None = None) -> None:
        self.linter = linter
        self.digests = digests
        self.jobs = max(1, jobs)
        self.cache = cache
        self.pool: ProcessPoolExecutor | None = None
        self.notices_seen: set[str] = set()
        self.left: int | None = None  # files not yet read, when the caller gave a list

    # -- reading and the cache ----------------------------------------------------------

    def _slot(self, path: Path, display: Callable[[Path], str]) -> _Slot:
        try:
            shown = display(path)
        except (OSError, RuntimeError, ValueError):  # resolving a symlink loop, say
            shown = str(path)
        data, problem = read_draft(path)
        if problem is not None:
            return _Slot(shown, [Diagnostic(shown, 1, 1, 1, 1, *READ_ERROR, Severity.ERROR, problem)])
        slot = _Slot(shown, data=data)
        if self.cache is not None or self.digests is not None:
            slot.digest = digest(data)
            if self.digests is not None:
                self.digests[path] = slot.digest
        if self.cache is not None:
            slot.result = self.cache.get(slot.digest, shown, data)
            if slot.result is not None:
                slot.data = b""
        return slot

    # -- the flow -----------------------------------------------------------------------

    def run(self, paths: Iterable[Path], display: Callable[[Path], str]) -> Iterator[Result]:
        self.left = len(paths) if isinstance(paths, (list, tuple)) else None
        window: deque[_Slot] = deque()
        waiting: list[_Slot] = []  # read, not cached, not yet sent
        in_flight: deque[_Batch] = deque()
        decided = self.jobs == 1  # in-process, or pool, decided once enough files wait
        for path in paths:
            if self.left is not None:
                self.left -= 1
            slot = self._slot(Path(path), display)
            window.append(slot)
            if slot.result is None:
                waiting.append(slot)
            if not decided and len(waiting) >= POOL_MIN_FILES:
                decided = True
                self._start_pool()
            if decided and len(waiting) >= self._chunk():
                self._queue(in_flight, self._send(waiting))
                waiting = []
            # Emit what is ready at the front; keep the pool busy but bounded.
            limit = self.jobs * 3
            while window and (window[0].result is not None or len(in_flight) > limit):
                if window[0].result is None:
                    self._finish(in_flight.popleft())
                    continue
                yield self._emit(window.popleft())
        if waiting:
            self._queue(in_flight, self._send(waiting))
        while window:
            if window[0].result is None:
                self._finish(in_flight.popleft())
                continue
            yield self._emit(window.popleft())

    @staticmethod
    def _queue(in_flight: deque[_Batch], batch: _Batch) -> None:
        if batch.future is not None:  # an in-process batch is already done
            in_flight.append(batch)

    def _chunk(self) -> int:
        if self.pool is None:
            return CHUNK_SIZE
        if self.left is not None and self.left < self.jobs * POOL_CHUNK * 2:
            return POOL_TAIL_CHUNK
        return POOL_CHUNK

    def _emit(self, slot: _Slot) -> Result:
        return slot.display, slot.result

    def _send(self, slots: list[_Slot]) -> _Batch:
        batch = _Batch(list(slots))
        blobs = [(s.display, s.data) for s in batch.slots]
        if self.pool is not None:
            from concurrent.futures.process import BrokenProcessPool

            try:
                batch.future = self.pool.submit(_work, blobs)
                return batch
            except (BrokenProcessPool, RuntimeError):
                self.pool = None
        self._store(batch, self.linter.lint_blobs(blobs))
        return batch

    def _finish(self, batch: _Batch) -> None:
        if batch.future is None:
            return
        from concurrent.futures import TimeoutError as NoResult
        from concurrent.futures.process import BrokenProcessPool

        from .nlp import ModelError

        try:
            results, notices = batch.future.result(timeout=WORKER_TIMEOUT)
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - a dead worker: lint its chunk here, file by file
            if isinstance(exc, NoResult):  # a stopped (or stuck) worker: give the pool up
                self.abort()
            if isinstance(exc, BrokenProcessPool):
                self.pool = None
            results = []
            for slot in batch.slots:
                results.extend(self.linter.lint_blobs([(slot.display, slot.data)]))
            notices = []
        for notice in notices:
            if notice not in self.notices_seen:
                self.notices_seen.add(notice)
                self.linter.notice(notice)
        batch.future = None
        self._store(batch, results)

    def _store(self, batch: _Batch, results: list[Result]) -> None:
        for slot, (_, diagnostics) in zip(batch.slots, results):
            slot.result = diagnostics
            if self.cache is not None and slot.digest:
                self.cache.put(slot.digest, diagnostics)
            slot.data = b""

    # -- the pool -----------------------------------------------------------------------

    def _start_pool(self) -> None:
        # Workers are forked: each starts with this process's Linter (rules, configuration,
        # suppressions) and its loaded pipeline.  Where fork does not exist the scan stays
        # in-process (the Linter is not built to be pickled).
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if self.jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            return
        # The spaCy pipeline (and what kinds build on first use, such as the readability
        # formulas' dictionaries) is loaded here, once, and the workers share its memory (one
        # copy of the weights instead of one per worker, one load's CPU instead of one per
        # worker; the wall time is the same, as the workers would load in parallel).
        self.linter.warm_up()
        try:
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_init_worker, initargs=(self.linter,))
        except (OSError, ValueError, NotImplementedError):
            self.pool = None  # no processes here (a sandbox): lint in-process

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def abort(self) -> None:
        """End the pool now: its workers are killed (a stopped one too), not waited for; the
        chunks they held fail with BrokenProcessPool and are linted in-process."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before 3.14
        for process in processes:
            try:
                process.kill()
            except (OSError, ValueError, AttributeError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            try:
                process.join(timeout=5)
            except (OSError, ValueError, AssertionError, AttributeError):
                pass


# -- in the worker processes ---------------------------------------------------------------

_worker_linter: Linter | None = None
_worker_notices: list[str] = []


def _init_worker(linter: Linter) -> None:
    import signal
    import threading

    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), name="wblint-parent-watch", daemon=True).start()
    linter.notice = _worker_notices.append
    _worker_linter = linter


def _end_with_parent(parent: int) -> None:
    """Exit as soon as the parent is gone (killed: it could not stop its workers itself)."""
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _work(blobs: list[tuple[str, bytes]]) -> tuple[list[Result], list[str]]:
    results = _worker_linter.lint_blobs(blobs)
    notices = list(_worker_notices)
    _worker_notices.clear()
    return results, notices


@dataclass
class ScanSettings:
    """How ``wblint check`` lints: processes, the result cache and the progress bar."""

    jobs: int | None = None  # None: the number of CPUs
    use_cache: bool = True
    cache_dir: Path | None = None  # None: .wblint_cache at the project root
    progress: bool = True  # on a terminal only (wblint.progress decides)
    digests: dict[Path, str] | None = None  # filled with each file's digest as linted (see scan)


def scan_groups(work: list[tuple[Linter, list[tuple[int, Path]]]], display: Callable[[Path], str],
                settings: ScanSettings) -> Iterator[tuple[int, Result]]:
    """(index, result) for each (index, path) of each group, a group per Linter (configuration)."""
    from . import progress as progress_bar
    from .cache import Cache, default_cache_dir, linter_fingerprint

    total = sum(len(members) for _, members in work)
    jobs = default_jobs() if settings.jobs is None else settings.jobs
    if total <= 1:
        jobs = 1
    root = (settings.cache_dir or default_cache_dir()) if settings.use_cache else None

    def results() -> Iterator[tuple[int, Result]]:
        for linter, members in work:
            cache = Cache(root, linter_fingerprint(linter)) if root is not None else None
            found = scan(linter, [path for _, path in members], display, jobs=jobs, cache=cache,
                         digests=settings.digests)
            for (index, _), result in zip(members, found):
                yield index, result

    if settings.progress and progress_bar.wanted(total):
        return progress_bar.track(results(), total, findings=lambda item: len(item[1][1]))
    return results()
