"""The task runner: results on the GUI thread, errors as errors, order per bus, clean shutdown."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.qt import QThread
from ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


def test_result_arrives_on_the_gui_thread(runner: TaskRunner, qtbot: QtBot) -> None:
    gui = threading.get_ident()
    ran_on: list[int] = []
    received: list[tuple[object, bool]] = []

    def work(a: int, b: int) -> int:
        ran_on.append(threading.get_ident())
        return a + b

    task = runner.run(work, 2, b=3)
    task.succeeded.connect(lambda v: received.append((v, QThread.currentThread().isMainThread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert received == [(5, True)]
    assert ran_on and ran_on[0] != gui
    assert runner.pending() == 0
    task.cancel()  # a screen leaving after delivery: harmless, the handle is still alive
    assert task.name.endswith("work")


def test_tasks_are_freed_after_delivery(runner: TaskRunner, qtbot: QtBot) -> None:
    # 500 buyer sessions must not leave 500 sessions' worth of task objects behind.
    import gc
    import weakref

    refs = []
    for n in range(50):
        task = runner.run(int, n)
        refs.append(weakref.ref(task))
        del task
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    gc.collect()
    assert sum(r() is not None for r in refs) == 0


def test_exception_arrives_as_an_error(runner: TaskRunner, qtbot: QtBot) -> None:
    def boom() -> None:
        raise ValueError("the reader is unplugged")

    task = runner.run(boom)
    results: list[object] = []
    task.succeeded.connect(results.append)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, ValueError) and str(error) == "the reader is unplugged"
    assert error.__traceback__ is not None
    assert results == []


def test_a_bus_keeps_order_and_uses_one_thread(runner: TaskRunner, qtbot: QtBot) -> None:
    bus = runner.bus("card_reader")
    assert runner.bus("card_reader") is bus
    seen: list[tuple[int, int]] = []
    delivered: list[int] = []

    def step(n: int) -> int:
        # Earlier calls sleep longer: only a serial bus can still finish them first.
        time.sleep(0.002 * (20 - n))
        seen.append((n, threading.get_ident()))
        return n

    tasks = [bus.submit(step, n) for n in range(20)]
    for t in tasks:
        t.succeeded.connect(delivered.append)
    qtbot.waitUntil(lambda: len(delivered) == 20, timeout=5000)
    assert [n for n, _ in seen] == list(range(20))
    assert delivered == list(range(20))
    assert len({ident for _, ident in seen}) == 1
    assert seen[0][1] != threading.get_ident()


def test_separate_buses_run_on_separate_threads(runner: TaskRunner, qtbot: QtBot) -> None:
    idents: dict[str, int] = {}
    for name in ("printer", "camera"):
        task = runner.bus(name).submit(threading.get_ident)
        task.succeeded.connect(lambda v, name=name: idents.__setitem__(name, v))
    qtbot.waitUntil(lambda: len(idents) == 2, timeout=5000)
    assert idents["printer"] != idents["camera"]


def test_a_cancelled_task_delivers_nothing(runner: TaskRunner, qtbot: QtBot) -> None:
    gate = threading.Event()
    bus = runner.bus("printer")
    blocker_task = bus.submit(gate.wait, 5)
    dropped = bus.submit(lambda: "printed")
    got: list[object] = []
    dropped.succeeded.connect(got.append)
    dropped.failed.connect(got.append)
    dropped.cancel()
    gate.set()
    with qtbot.waitSignal(blocker_task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert got == []


def test_shutdown_joins_the_threads_and_refuses_new_work(qapp: Any, qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    finished = threading.Event()

    def slow() -> None:
        started.set()
        time.sleep(0.2)
        finished.set()

    runner.bus("camera").submit(slow)
    never = runner.bus("camera").submit(lambda: "never")
    started.wait(5)
    runner.shutdown(wait=True)
    assert finished.is_set(), "shutdown returned while a device call was still running"
    assert never.future is not None and never.future.cancelled()
    assert not [t for t in threading.enumerate() if t.name.startswith(("bus-", "task"))]
    with pytest.raises(RuntimeError):
        runner.run(lambda: None)
