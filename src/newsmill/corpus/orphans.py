"""Worker processes die with the process that started them.

A ``kill -9`` of ``ingest --workers 2`` left both workers (800+ MB each, the model loaded)
alive forever: SIGKILL gives the parent no chance to stop its pool. On Linux the kernel is
asked to kill the worker when its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a
daemon thread notices the parent is gone within a second.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int, *, by_signal: bool = True) -> None:
    """Call first thing in a worker: end this process when ``parent_pid`` ends.

    ``by_signal=False`` for a worker started from a thread other than the parent's main
    thread: the kernel sends the signal when the *thread* that started the worker ends.
    """
    if by_signal and sys.platform.startswith("linux") and _pdeathsig():
        # The parent may have died before prctl took effect: then nobody will signal us.
        if os.getppid() != parent_pid:
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent_pid,), name="newsmill-parent-watch", daemon=True).start()


def _pdeathsig() -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(1)
