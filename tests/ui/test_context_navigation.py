"""The app context and the navigator over a real kiosk: store calls on the store thread, results on
the GUI thread, a change made by another process refreshes only the screen that shows it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import ChangeBatch, Kiosk, open_kiosk
from kiosk.config import load_config
from ui.context import AppContext
from ui.navigation import NavigationError, Navigator
from ui.screens.base import Screen
from ui.qt import QVBoxLayout, QWidget
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


class Probe(Screen):
    """A screen that records what the navigator asks of it."""

    name = "probe"
    holds_personal_data = True

    def __init__(self, ctx: AppContext, name: str, subjects: set[str] | None) -> None:
        self.name = name  # type: ignore[misc]
        super().__init__(ctx)
        self.watched = subjects
        self.events: list[tuple[str, Any]] = []
        self.shown = ""

    def enter(self, **args: Any) -> None:
        self.events.append(("enter", args))
        self.shown = str(args.get("unit_code", ""))

    def leave(self) -> None:
        self.events.append(("leave", None))
        self.shown = ""

    def subjects(self) -> set[str] | None:
        return self.watched

    def refresh(self, batch: ChangeBatch) -> None:
        self.events.append(("refresh", batch.pairs))


@pytest.fixture
def ctx(qapp: object, data_dir: Path) -> Iterator[AppContext]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        context = AppContext(kiosk, open_devices(config), runner, poll_ms=20)
        yield context
        context.stop_polling()
        runner.shutdown()


def test_store_calls_run_on_one_thread_and_answer_on_the_gui_thread(ctx: AppContext, qtbot: Any) -> None:
    threads: list[str] = []

    def status(kiosk: Kiosk) -> dict[str, Any]:
        threads.append(threading.current_thread().name)
        return kiosk.status()

    answers: list[tuple[str, dict[str, Any]]] = []
    tasks = [ctx.call(status) for _ in range(3)]
    for task in tasks:
        task.succeeded.connect(lambda value: answers.append((threading.current_thread().name, value)))
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=10_000)
    assert (answers[0][1]["outbox_pending"], answers[0][1]["quarantined"]) == (0, 0)
    assert {thread for thread, _ in answers} == {threading.main_thread().name}
    assert len(set(threads)) == 1 and threads[0] != threading.main_thread().name


def test_a_device_call_runs_on_its_own_bus_and_a_missing_device_fails_clearly(
        ctx: AppContext, qtbot: Any) -> None:
    task = ctx.device("printer", lambda handle: (handle.kind, threading.current_thread().name))
    with qtbot.waitSignal(task.succeeded, timeout=10_000) as got:
        pass
    kind, thread = got.args[0]
    assert kind == "printer" and thread != threading.main_thread().name
    ctx.devices = dataclasses.replace(ctx.devices, scanner=None)
    failing = ctx.device("scanner", lambda handle: handle)
    with qtbot.waitSignal(failing.failed, timeout=10_000) as err:
        pass
    assert isinstance(err.args[0], LookupError) and "[devices] scanner" in str(err.args[0])


def test_navigator_enters_leaves_and_goes_home(ctx: AppContext) -> None:
    nav = Navigator(ctx)
    welcome, case = Probe(ctx, "welcome", set()), Probe(ctx, "case", {"U1"})
    nav.add(welcome, home=True)
    nav.add(case)
    with pytest.raises(NavigationError):
        nav.add(Probe(ctx, "case", None))
    with pytest.raises(NavigationError):
        nav.go("nowhere")
    nav.go("welcome")
    nav.go("case", unit_code="U1")
    assert nav.current is case and case.shown == "U1" and ("leave", None) in welcome.events
    assert nav.back() is welcome and case.shown == ""
    nav.go("case", unit_code="U2")
    assert nav.home() is welcome and case.shown == ""


def test_a_screen_registered_for_later_is_built_once_when_first_asked_for(ctx: AppContext) -> None:
    nav = Navigator(ctx)
    built: list[str] = []
    added: list[str] = []
    nav.added.connect(lambda screen: added.append(screen.name))

    def later(name: str, fail: list[bool] | None = None) -> Any:
        def build() -> Probe:
            if fail:
                fail.pop()
                raise RuntimeError(f"{name} failed to build")
            built.append(name)
            return Probe(ctx, name, set())
        return build

    nav.add(Probe(ctx, "welcome", set()), home=True)
    flaky = [True]
    nav.add_later("case", later("case"))
    nav.add_later("pay", later("pay", flaky))
    nav.add_later("wrong", lambda: Probe(ctx, "other", set()))
    for duplicate in ("welcome", "case"):
        with pytest.raises(NavigationError):
            nav.add_later(duplicate, later(duplicate))
    with pytest.raises(NavigationError):
        nav.add(Probe(ctx, "case", set()))  # registered for later: the name is taken
    assert nav.names() == ["welcome", "case", "pay", "wrong"] and built == [] and added == ["welcome"]
    nav.go("welcome")
    nav.home()  # a screen not built holds nothing to clear: home builds none
    assert built == []
    case = nav.go("case", unit_code="U1")
    assert isinstance(case, Probe) and case.shown == "U1" and built == ["case"] and added[-1] == "case"
    assert nav.screen_named("case") is case and built == ["case"]
    # A build that fails leaves the screen registered, to be built at the next ask.
    with pytest.raises(RuntimeError, match="pay failed"):
        nav.go("pay")
    assert nav.current is case and "pay" in nav.names()
    with pytest.raises(NavigationError, match="registered as 'wrong' is named 'other'"):
        nav.screen_named("wrong")
    assert nav.build_next() is True and built == ["case", "pay"]  # the next one left: pay
    with pytest.raises(NavigationError):
        nav.build_next()  # "wrong" never builds
    nav.add_later("done", later("done"))
    nav.screen_named("pay")
    assert nav.names() == ["welcome", "case", "pay", "wrong", "done"]


def test_only_the_shown_screen_sets_the_navigators_minimum_size(ctx: AppContext) -> None:
    nav = Navigator(ctx)
    small, tall = Probe(ctx, "small", set()), Probe(ctx, "tall", set())
    for screen, height in ((small, 200), (tall, 1500)):
        content = QWidget()
        content.setMinimumSize(300, height)
        QVBoxLayout(screen).addWidget(content)
    nav.add(small, home=True)
    nav.add(tall)
    nav.go("small")
    assert nav.minimumSizeHint().height() < 1500, "a hidden tall screen must not stretch the window"
    nav.go("tall")
    assert nav.minimumSizeHint().height() >= 1500
    nav.home()
    assert nav.minimumSizeHint().height() < 1500


def test_a_change_from_another_process_refreshes_only_the_screen_that_shows_it(
        ctx: AppContext, qtbot: Any, data_dir: Path) -> None:
    nav = Navigator(ctx)
    unrelated = Probe(ctx, "unrelated", {"no-such-subject"})
    watcher = Probe(ctx, "all", None)
    nav.add(unrelated, home=True)
    nav.add(watcher)
    nav.go("unrelated")
    ctx.start_polling()
    env = {"KIOSK_HOME": str(data_dir), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "kiosk", "simulate", "--handovers", "1", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        pass
    assert not [e for e in unrelated.events if e[0] == "refresh"]
    nav.go("all")
    ctx.stop_polling()
    subprocess.run([sys.executable, "-m", "kiosk", "simulate", "--handovers", "1", "--json"],
                   cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    batch = ctx.poll()
    assert batch is not None and ("refresh", batch.pairs) in watcher.events
    assert any(kind == "handover.deliver" for kind, _ in batch.pairs)
