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

Opening after the first frame: ``kiosk run`` makes the context with ``AppContext.later(config, runner,
opener)`` and shows the home screen (which needs no personal data and no store) before the kiosk and
its devices exist. ``open()`` then runs ``opener()`` as the first task on the store thread, so every
store call submitted meanwhile waits behind it; ``opened`` (or ``open_failed`` with the error) says how
it went. Until then ``is_open`` is False and ``kiosk``/``devices`` raise ``NotOpen``; after a failed
open every store call fails with ``NotOpen`` naming the first error, which the shell shows calmly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.config import Config
from ui.qt import QObject, QTimer, Signal
from ui.tasks import Task, TaskRunner
from ui.widgets.idle import IdleTimer

if TYPE_CHECKING:
    # Types only: the kiosk core and the device layer are imported by whoever opens them, which
    # ``kiosk run`` does after its first frame.
    from hardware.devices import Device, Devices
    from kiosk.app import ChangeBatch, ChangeCursor, Kiosk
    from kiosk.services.staff import Actor

Opener = Callable[[], "tuple[Kiosk, Devices]"]

POLL_MS = 500
STORE_BUS = "store"


class NotOpen(RuntimeError):
    """The kiosk is not open (yet, or at all: ``reason`` is the error that kept it from opening).

    Not a ``KioskError``: no screen explains it as a refusal; the shell shows its calm fault message."""

    def __init__(self, reason: BaseException | None = None) -> None:
        self.reason = reason
        super().__init__("the kiosk's store is not open yet" if reason is None
                         else f"the kiosk's store could not be opened: {reason}")


class AppContext(QObject):
    """The kiosk, its devices and the runner, shared by the shell and every screen (GUI thread)."""

    changed = Signal(object)  # ChangeBatch
    signed_in = Signal(object)  # the Actor now logged in, or None
    opened = Signal()  # a context made ``later``: the kiosk and its devices are open now
    open_failed = Signal(object)  # ... or the error that kept them from opening

    def __init__(self, kiosk: Kiosk | None, devices: Devices | None, runner: TaskRunner, *,
                 config: Config | None = None, training: bool = False, poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        """An open ``kiosk`` and its ``devices``; or both None and their ``config``, opened later
        (``later`` is the way to make one)."""
        super().__init__(parent)
        if kiosk is not None:
            config = kiosk.config
        if config is None or (kiosk is None) != (devices is None):
            raise ValueError("give an open kiosk and its devices, or the config of a kiosk opened later")
        self._kiosk = kiosk
        self._devices = devices
        self._config = config
        self._opener: Opener | None = None
        self.open_error: BaseException | None = None
        self.runner = runner
        self.training = training
        self.actor: Actor | None = None
        self.actor_name = ""
        # The shell's idle timer, once a main window runs: a screen holds it while a card read, a
        # print or a payment is pending (ux.md), e.g. ``ctx.idle.hold(task, "card")``.
        self.idle: IdleTimer | None = None
        self._cursor: ChangeCursor | None = kiosk.change_cursor() if kiosk is not None else None
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.poll)
        self._polling = False

    @classmethod
    def later(cls, config: Config, runner: TaskRunner, opener: Opener, *, training: bool = False,
              poll_ms: int = POLL_MS) -> AppContext:
        """A context whose kiosk and devices ``opener()`` opens on the store thread when ``open()`` is called."""
        ctx = cls(None, None, runner, config=config, training=training, poll_ms=poll_ms)
        ctx._opener = opener
        return ctx

    @property
    def is_open(self) -> bool:
        """Whether the kiosk is open (on the GUI thread: from when ``opened`` is emitted)."""
        return self._cursor is not None

    @property
    def kiosk(self) -> Kiosk:
        if self._kiosk is None:
            raise NotOpen(self.open_error)
        return self._kiosk

    @property
    def devices(self) -> Devices:
        if self._devices is None:
            raise NotOpen(self.open_error)
        return self._devices

    @devices.setter
    def devices(self, devices: Devices) -> None:
        # A technician changed ``[devices]``: the screens use the new handles from now on.
        self._devices = devices

    @property
    def config(self) -> Config:
        # The kiosk's own once open: a technician's change of ``[devices]`` replaces it.
        return self._kiosk.config if self._kiosk is not None else self._config

    def open(self) -> Task | None:
        """Open what ``later`` was given, as the first task on the store thread; None when there is
        nothing to open (an open context, or ``open()`` called before)."""
        opener, self._opener = self._opener, None
        if opener is None:
            return None

        def open_on_store_thread() -> ChangeCursor | Exception:
            # The error is the answer, not a failed task: ``open_failed`` reports it once (the shell
            # shows it and logs it), where a failed task would also be logged with its traceback.
            try:
                kiosk, devices = opener()
            except Exception as exc:  # noqa: BLE001
                return exc
            try:
                cursor = kiosk.change_cursor()
            except Exception as exc:  # noqa: BLE001
                kiosk.close()
                return exc
            # Set here, on the store thread, so the calls queued behind this task find the kiosk.
            self._kiosk, self._devices = kiosk, devices
            return cursor

        task = self.runner.bus(STORE_BUS).submit(open_on_store_thread)
        task.succeeded.connect(self._opened)
        return task

    def _opened(self, answer: ChangeCursor | Exception) -> None:
        if isinstance(answer, Exception):
            self.open_error = answer
            self.open_failed.emit(answer)
            return
        self._cursor = answer
        if self._polling:
            self._poll.start()
        self.opened.emit()

    def close(self) -> None:
        """Close the kiosk if it was opened; after the runner has shut down (no store call runs)."""
        self.stop_polling()
        if self._kiosk is not None:
            self._kiosk.close()

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run ``fn(kiosk, *args, **kwargs)`` on the store thread; the result arrives by signal.

        Before the kiosk is open the call waits behind the opening on the same thread (a call before
        ``open()`` starts the opening first), and fails with ``NotOpen`` when the opening did."""
        bus = self.runner.bus(STORE_BUS)
        if self._kiosk is not None:
            return bus.submit(fn, self._kiosk, *args, **kwargs)
        self.open()

        def once_open() -> Any:
            return fn(self.kiosk, *args, **kwargs)

        once_open.__qualname__ = getattr(fn, "__qualname__", once_open.__qualname__)  # the task's name
        return bus.submit(once_open)

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
        """Poll the change feed from now on (once the kiosk is open, for a context opened later)."""
        self._polling = True
        if self.is_open:
            self._poll.start()

    def stop_polling(self) -> None:
        self._polling = False
        self._poll.stop()

    def poll(self) -> ChangeBatch | None:
        """Read the change feed once; emit ``changed`` when something changed."""
        if self._cursor is None:
            return None
        batch = self.kiosk.changes_since(self._cursor)
        self._cursor = batch.cursor
        if not batch.changes:
            return None
        self.changed.emit(batch)
        return batch
