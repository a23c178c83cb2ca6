"""The one way screens get work done off the GUI thread (design.md section 2, "Threads").

``TaskRunner.run(fn, ...)`` runs a callable on a small worker pool and hands its
result or exception back on the GUI thread through the returned ``Task``'s
signals, as Anki's ``taskman`` and Electrum's ``TaskThread`` do. Each hardware
device gets a *bus* (``runner.bus("card_reader")``): one dedicated thread that
runs every call for that device in submission order, so a driver that is not
thread-safe is only ever touched by one thread (Electrum's
``run_in_hwd_thread``). Screens never start threads of their own.

A screen that goes away calls ``Task.cancel()``: a task that has not started is
skipped, and the result of one already running is dropped instead of
reaching a widget that no longer shows (and may hold personal data).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from ui.qt import QObject, Signal, Slot

log = logging.getLogger(__name__)


class Task(QObject):
    """A handle on one submitted call; its signals fire on the GUI thread, once."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception, with its traceback attached
    finished = Signal()  # after either of the two, never after cancel()
    ended = Signal()  # exactly once: after delivery, or at cancel() (what the idle timer waits for)

    def __init__(self, task_id: int, name: str, parent: QObject | None = None, *, bus: str = "") -> None:
        super().__init__(parent)
        self.task_id = task_id
        self.name = name
        self.bus = bus  # the device bus it runs on; "" on the worker pool
        self.cancelled = False
        self.is_ended = False
        self.future: Future[Any] | None = None
        self._forget: Callable[[int], None] | None = None

    def cancel(self) -> None:
        """Call on the GUI thread, e.g. when the screen that asked goes away."""
        if self.is_ended:
            return
        self.cancelled = True
        # A call that never starts never reports back, so stop counting it as pending here.
        if self.future is not None and self.future.cancel() and self._forget is not None:
            self._forget(self.task_id)
        self._end()

    def _end(self) -> None:
        if not self.is_ended:
            self.is_ended = True
            self.ended.emit()


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, Qt queues the call to this thread."""

    delivered = Signal(int, bool, object)


class Bus:
    """One thread that owns one device; calls run one at a time, in order."""

    def __init__(self, runner: TaskRunner, name: str) -> None:
        self.name = name
        self._runner = runner
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"bus-{name}")

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        return self._runner._submit(self._executor, f"{self.name}:{_name(fn)}", fn, args, kwargs, bus=self.name)

    def shutdown(self, wait: bool) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


class TaskRunner(QObject):
    """Create one on the GUI thread after the QApplication, and ``shutdown()`` it on exit."""

    # Every failure, after the task's own ``failed``: (task name, exception). The shell shows its
    # calm message for those that are not refusals the screens explain.
    task_failed = Signal(str, object)

    def __init__(self, workers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="task")
        self._buses: dict[str, Bus] = {}
        self._tasks: dict[int, Task] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._closed = False
        self._relay = _Relay(self)
        self._relay.delivered.connect(self._deliver)

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run ``fn(*args, **kwargs)`` on the worker pool (database reads, PDF rendering…)."""
        return self._submit(self._pool, _name(fn), fn, args, kwargs)

    def bus(self, name: str) -> Bus:
        """The bus of device ``name``, created on first use."""
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        if name not in self._buses:
            self._buses[name] = Bus(self, name)
        return self._buses[name]

    def pending(self, *, besides: tuple[str, ...] = ()) -> int:
        """Tasks submitted and not yet delivered (the idle timer and tests read this), leaving out those
        on the device buses named in ``besides``."""
        with self._lock:
            return sum(task.bus not in besides for task in self._tasks.values())

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work, drop what has not started, and (by default) join the threads."""
        self._closed = True
        with self._lock:
            tasks = list(self._tasks.values())
            self._tasks.clear()
        for task in tasks:
            task.cancel()  # emits ended, so nothing (an idle timer) waits for a result that never comes
        for bus in self._buses.values():
            bus.shutdown(wait)
        self._pool.shutdown(wait=wait, cancel_futures=True)

    def _submit(self, executor: ThreadPoolExecutor, name: str, fn: Callable[..., Any],
                args: tuple[Any, ...], kwargs: dict[str, Any], *, bus: str = "") -> Task:
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        # No Qt parent: the runner holds the task until delivery, then only the screen
        # does, so a finished task is freed with the screen and cancel() stays safe on it.
        task = Task(next(self._ids), name, bus=bus)
        with self._lock:
            self._tasks[task.task_id] = task
        relay = self._relay

        def work() -> None:
            if task.cancelled:
                relay.delivered.emit(task.task_id, False, None)
                return
            try:
                value = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 (everything must reach the GUI thread)
                relay.delivered.emit(task.task_id, False, exc)
            else:
                relay.delivered.emit(task.task_id, True, value)

        task._forget = self._forget
        task.future = executor.submit(work)
        return task

    def _forget(self, task_id: int) -> None:
        with self._lock:
            self._tasks.pop(task_id, None)

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, value: object) -> None:
        with self._lock:
            task = self._tasks.pop(task_id, None)
        if task is None or task.cancelled:
            return
        if ok:
            task.succeeded.emit(value)
        else:
            if isinstance(value, BaseException):
                log.warning("task %s failed: %r", task.name, value, exc_info=value)
            task.failed.emit(value)
            self.task_failed.emit(task.name, value)
        task.finished.emit()
        task._end()


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)
