"""What every screen stands on: the open kiosk, the devices, the task runner and the change feed.

``AppContext`` lives on the GUI thread. Screens never touch the store, a
device or the network themselves:

- ``call(fn, *args)`` runs ``fn(kiosk, *args)`` on the one store thread (the
  facade's threading rule: one worker thread makes every store call) and
  returns a ``Task`` whose ``succeeded``/``failed`` signals arrive on the GUI
  thread with the result (an ``Outcome``, a frozen view) or the error;
- ``device(kind, fn, *args)`` runs ``fn(handle, *args)`` on that device's own
  thread (one thread per hardware bus), with the handle from ``open_devices``;
- the change feed is polled on the GUI thread every ``POLL_MS`` (the facade
  allows that: the feed has its own read-only connection); ``changed`` is
  emitted with the ``ChangeBatch`` when anything changed, in this process or
  in the sync agent's, so screens refresh only what a change touches.

Who is logged in is the UI's state, not the store's (``kiosk.views.staff``):
the staff login screen calls ``sign_in`` with the actor ``Kiosk.login`` returned,
the shell shows it in the staff status strip and calls ``sign_out`` when staff
mode locks or ends; ``signed_in`` tells everyone (``None`` after sign-out).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from hardware.devices import Device, Devices
from kiosk.app import ChangeBatch, Kiosk
from kiosk.config import Config
from kiosk.services.staff import Actor
from ui.qt import QObject, QTimer, Signal
from ui.tasks import Task, TaskRunner
from ui.widgets.idle import IdleTimer

POLL_MS = 500
STORE_BUS = "store"


class AppContext(QObject):
    """The kiosk, its devices and the runner, shared by the shell and every screen (GUI thread)."""

    changed = Signal(object)  # ChangeBatch
    signed_in = Signal(object)  # the Actor now logged in, or None

    def __init__(self, kiosk: Kiosk, devices: Devices, runner: TaskRunner, *, training: bool = False,
                 poll_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk = kiosk
        self.devices = devices
        self.runner = runner
        self.training = training
        self.actor: Actor | None = None
        self.actor_name = ""
        # The shell's idle timer, once a main window runs: a screen holds it while a card read, a
        # print or a payment is pending (ux.md), e.g. ``ctx.idle.hold(task, "card")``.
        self.idle: IdleTimer | None = None
        self._cursor = kiosk.change_cursor()
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.poll)

    @property
    def config(self) -> Config:
        return self.kiosk.config

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run ``fn(kiosk, *args, **kwargs)`` on the store thread; the result arrives by signal."""
        return self.runner.bus(STORE_BUS).submit(fn, self.kiosk, *args, **kwargs)

    def device(self, kind: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run ``fn(handle, *args, **kwargs)`` on the thread that owns device ``kind``.

        The task fails with ``LookupError`` when the kind is not configured, so a screen
        shows its way around a missing device instead of a dead button.
        """
        handle: Device | None = self.devices.get(kind)

        def on_bus() -> Any:
            if handle is None:
                raise LookupError(f"no {kind} is configured ([devices] {kind} in kiosk.toml)")
            return fn(handle, *args, **kwargs)

        return self.runner.bus(kind).submit(on_bus)

    def sign_in(self, actor: Actor, name: str = "") -> None:
        """``actor`` (from ``Kiosk.login``) works at the terminal from now on; ``name`` is shown.

        In a training session (``kiosk run --training``) every actor acts on training data.
        """
        if self.training and not actor.training:
            actor = dataclasses.replace(actor, training=True)
        self.actor = actor
        self.actor_name = name
        self.signed_in.emit(actor)

    def sign_out(self) -> None:
        if self.actor is None:
            return
        self.actor = None
        self.actor_name = ""
        self.signed_in.emit(None)

    def start_polling(self) -> None:
        self._poll.start()

    def stop_polling(self) -> None:
        self._poll.stop()

    def poll(self) -> ChangeBatch | None:
        """Read the change feed once; emit ``changed`` when something changed."""
        batch = self.kiosk.changes_since(self._cursor)
        self._cursor = batch.cursor
        if not batch.changes:
            return None
        self.changed.emit(batch)
        return batch
