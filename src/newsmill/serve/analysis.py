"""POST /api/analyze in bounded worker processes, so no page can stall the server.

One hostile page (190,000 nested ``<div>``s) held the single in-process analysis lock for
205 s; 45 small analyses queued behind it and filled the thread pool, and a plain search
then took 19.5 s instead of 0.04 s. Now:

- analyses run in ``serve.analysis_workers`` worker processes (spawned; each loads the model
  once), each under an address-space limit (``serve.analysis_memory_mb``); a page that runs
  past ``serve.analysis_seconds`` has its worker killed and restarted (the request gets 422);
- at most ``serve.analysis_queue`` analyses wait or run at once; one more gets 503 with
  ``Retry-After`` at once instead of joining the queue;
- a waiting request holds no thread: it awaits the worker's pipe on the event loop, so the
  threads that serve searches and pages are never taken by analyses.

Waiting is loop-agnostic on purpose (a lock and a short poll, no asyncio primitive kept
between requests): test clients run each request on an event loop of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from typing import Any

import newsmill.errors as errors
from newsmill.errors import NewsmillError
from newsmill.settings import Settings

log = logging.getLogger(__name__)
_POLL_SECONDS = 0.05
_LOAD_SECONDS = 300.0
_WARM_UP = (
    "Warm-up page\n\nThe city council of Springfield met on Monday in the town hall and voted to "
    "repair the old bridge over the river, the mayor, Jane Smith, told reporters after the meeting. "
    "Work will start in March and cost about two million dollars, she said."
)  # loading the model on a busy machine; not counted in analysis_seconds


class AnalysisBusy(Exception):
    """Every analysis slot is taken: answer 503 with Retry-After."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"every analysis slot is taken; retry in {retry_after} s")
        self.retry_after = retry_after


class AnalysisStopped(Exception):
    """The page ran past a limit (time or memory) and its worker was stopped."""


class AnalysisUnavailable(Exception):
    """No worker could start (e.g. the memory limit is below what the model needs)."""


def _worker_main(conn: Connection, settings: Settings, parent_pid: int) -> None:
    """A worker process: load the model once, then analyse one page at a time."""
    from newsmill.corpus.orphans import die_with_parent

    die_with_parent(parent_pid, by_signal=False)  # started from whichever thread serves the request
    limit = settings.serve.analysis_memory_mb
    if limit:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit * 1024 * 1024, limit * 1024 * 1024))
        except (ImportError, ValueError, OSError):  # not POSIX, or the limit cannot be lowered
            pass
    from newsmill.api import analyze, analyzer

    analyzer(settings)
    from newsmill.analyze.gazetteer import load_gazetteer

    load_gazetteer()  # attach.py's and fact_check.py's key of the cache (a second 2.8 s load)
    with contextlib.suppress(NewsmillError):  # what the model loads on its first page
        analyze(_WARM_UP, settings=settings)  # is not a user's analysis time
    conn.send(("ready",))
    while True:
        try:
            text, url, published = conn.recv()
        except EOFError:
            return  # the server went away
        try:
            record = analyze(text, url=url, published=published, settings=settings)
            conn.send(("ok", record.to_dict()))
        except NewsmillError as exc:
            conn.send(("error", type(exc).__name__, exc.message))
        except MemoryError:
            conn.send(("stopped", f"over the {limit} MB memory limit"))
            return  # the heap may be in any state: the server starts a fresh worker
        except Exception as exc:  # a bug on one page must not end the worker
            log.exception("analysis failed")
            conn.send(("bug", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.busy = False
        self.process: Any = None
        self.conn: Connection | None = None
        self.ready = False
        self.owed = False  # a reply the worker still owes (its request went away meanwhile)

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, self.settings, os.getpid()),
            name="newsmill-analysis",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.conn, self.ready, self.owed = parent, False, False

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join(timeout=5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn, self.ready = None, None, False

    async def _reply(self, timeout: float) -> tuple[Any, ...]:
        """The worker's next message, waited for on the event loop (no thread held)."""
        assert self.conn is not None
        loop = asyncio.get_running_loop()
        arrived = loop.create_future()
        fd = self.conn.fileno()
        loop.add_reader(fd, lambda: arrived.done() or arrived.set_result(None))
        try:
            await asyncio.wait_for(arrived, timeout)
        finally:
            loop.remove_reader(fd)
        try:
            return tuple(self.conn.recv())
        except (EOFError, OSError):  # the worker died: out of memory, or killed
            raise AnalysisStopped("the analysis worker stopped") from None

    async def analyze(self, job: tuple[str | bytes, str | None, str | None]) -> dict[str, Any]:
        if self.process is None or not self.process.is_alive():
            self.stop()
            self.start()
        if not self.ready:
            try:
                await self._reply(_LOAD_SECONDS)
            except (TimeoutError, AnalysisStopped):
                self.stop()
                raise AnalysisUnavailable(
                    "the analysis worker could not start (see the server log; is "
                    f"serve.analysis_memory_mb={self.settings.serve.analysis_memory_mb} enough?)"
                ) from None
            self.ready = True
        seconds = self.settings.serve.analysis_seconds
        if self.owed:  # drop the reply meant for a request that went away
            try:
                await self._reply(seconds)
                self.owed = False
            except (TimeoutError, AnalysisStopped):
                self.stop()
                return await self.analyze(job)
        assert self.conn is not None
        self.conn.send(job)
        self.owed = True
        try:
            reply = await self._reply(seconds)
            self.owed = False
        except TimeoutError:
            self.stop()  # killed mid-page: the next request starts a fresh worker
            raise AnalysisStopped(f"the page took over {seconds:g} s to analyse and was stopped") from None
        except AnalysisStopped:
            self.stop()
            raise AnalysisStopped(
                f"the analysis stopped (over the {self.settings.serve.analysis_memory_mb} MB memory "
                "limit, or killed)"
            ) from None
        if reply[0] == "ok":
            return reply[1]  # type: ignore[no-any-return]
        if reply[0] == "error":
            cls = getattr(errors, reply[1], NewsmillError)
            raise cls(reply[2])
        if reply[0] == "stopped":
            self.stop()
            raise AnalysisStopped(f"the analysis stopped: {reply[1]}")
        raise RuntimeError(f"analysis failed in the worker: {reply[1]}")


class AnalysisPool:
    """The workers and the bounded queue in front of them (see the module doc)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings.serve
        self._workers = [_Worker(settings) for _ in range(self.settings.analysis_workers)]
        self._lock = threading.Lock()
        self._admitted = 0  # analyses waiting or running

    @property
    def admitted(self) -> int:
        return self._admitted

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the queue ahead, at a typical page's pace."""
        per_page = min(self.settings.analysis_seconds, 5.0)
        return max(1, math.ceil(per_page * self._admitted / len(self._workers)))

    async def analyze(
        self, text: str | bytes, url: str | None = None, published: str | None = None
    ) -> dict[str, Any]:
        """The record of one page, as a dict.

        Raises:
            AnalysisBusy: the queue is full. AnalysisStopped: the page ran past a limit.
            AnalysisUnavailable: no worker could start.
            NewsmillError: the page cannot be analysed (empty, no article, bad date ...).
        """
        with self._lock:
            if self._admitted >= self.settings.analysis_queue:
                raise AnalysisBusy(self.retry_after())
            self._admitted += 1
        try:
            worker = await self._take()
            try:
                return await worker.analyze((text, url, published))
            finally:
                worker.busy = False
        finally:
            with self._lock:
                self._admitted -= 1

    async def _take(self) -> _Worker:
        while True:
            with self._lock:
                for worker in self._workers:
                    if not worker.busy:
                        worker.busy = True
                        return worker
            await asyncio.sleep(_POLL_SECONDS)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
