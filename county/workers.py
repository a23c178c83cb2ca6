"""``serve --workers N``: N gateway processes on one listening socket.

The parent binds the socket and opens the database once before any worker
exists, so the migrations run once and every worker finds the schema current
(workers starting together would also be safe: ``county.migrations`` takes an
advisory lock). It then forks N workers; each builds its own gateway (its own
connection pool) and runs uvicorn on the inherited socket, and the kernel
hands each new connection to one of them. Exactly-once storage does not
depend on which worker takes a request: the database enforces it
(``county.intake``).

A worker that dies (killed, crashed) is replaced at once; requests it had in
flight are lost with their connections and nothing of them is committed, so
the kiosks send them again. A worker that keeps dying right after its start
(five times in a row within ``QUICK_EXIT`` seconds) stops the gateway instead
of looping. SIGTERM or SIGINT to the parent is passed to every worker, which
finishes its requests in flight (``--shutdown-timeout``), and the parent exits
when all have; if the parent itself is killed, the kernel sends each worker
SIGTERM (Linux), so none serves on unsupervised.

Forking is safe because the parent runs no thread: the database it opened
for the migrations is closed before the first fork.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable
from types import FrameType

from county.errors import GatewayError

log = logging.getLogger("county.workers")

PR_SET_PDEATHSIG = 1
QUICK_EXIT = 5.0
QUICK_EXITS_ALLOWED = 5


class Supervisor:
    """Keeps ``count`` worker processes running ``work(index)`` until told to stop."""

    def __init__(self, count: int, work: Callable[[int], None]) -> None:
        self.count = count
        self.work = work
        self.children: dict[int, tuple[int, float]] = {}
        self.stopping = False
        self.quick_exits = 0

    def _spawn(self, index: int) -> None:
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _stop_with(parent)
                self.work(index)
                code = 0
            except GatewayError as exc:
                # A documented failure (the database refused, a key file unusable) says all in one line.
                log.error("gateway worker %d cannot serve: %s", index, exc)
            except BaseException:
                log.exception("gateway worker %d failed", index)
            finally:
                # Never return into the parent's code: the child's life ends here.
                logging.shutdown()
                os._exit(code)
        self.children[pid] = (index, time.monotonic())
        if self.stopping:
            os.kill(pid, signal.SIGTERM)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        for pid in list(self.children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def run(self, started: Callable[[], None] = lambda: None) -> int:
        """Start the workers, call ``started``, and supervise them; returns the exit code once all
        have stopped."""
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            for index in range(self.count):
                self._spawn(index)
            started()
            failed = False
            while self.children:
                pid, status = os.wait()
                index, began = self.children.pop(pid)
                if self.stopping:
                    continue
                quick = time.monotonic() - began < QUICK_EXIT
                self.quick_exits = self.quick_exits + 1 if quick else 0
                if self.quick_exits >= QUICK_EXITS_ALLOWED:
                    log.error("gateway worker %d (pid %d) %s; gateway workers keep exiting right after they "
                              "start (%d in a row): stopping the gateway", index, pid, _describe(status),
                              self.quick_exits)
                    failed = True
                    self._stop(signal.SIGTERM, None)
                    continue
                log.warning("gateway worker %d (pid %d) %s; starting another", index, pid, _describe(status))
                self._spawn(index)
            return 1 if failed else 0
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _stop_with(parent: int) -> None:
    """Have the kernel send this worker SIGTERM when the supervisor dies, however it dies (Linux), so
    no worker goes on serving unsupervised; elsewhere the supervisor's own SIGTERM is all there is."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the supervisor died before the request took hold
        os.kill(os.getpid(), signal.SIGTERM)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"was killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exited with status {os.waitstatus_to_exitcode(status)}"
