"""`kiosk snapshots`: every registered screen, on sample data, as a PNG named after the screen.

The main window is rendered (header, banner and staff strip included) with
each screen shown in turn, after every store and device call it started has
answered, and the checks of ``ui.snapshot`` run over it: no clipped text,
no missing glyph, nothing to tap within 24 px of the bezel. The same screen names give the same file names in every
language, so two runs can be compared file by file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardware.devices import open_devices
from hardware.idcard.simulator import SAMPLE_CARDS, CardSlot
from kiosk.app import open_kiosk
from kiosk.config import Config
from kiosk.services.samples import load_samples
from ui import snapshot
from ui.context import AppContext
from ui.qt import QApplication, QEvent
from ui.shell.app import application, build_window
from ui.shell.registry import SCREENS, Entry
from ui.shell.window import MainWindow
from ui.tasks import Task, TaskRunner

WAIT_SECONDS = 30.0


class SnapshotError(RuntimeError):
    """A screen did not settle in time, or a sample step failed."""


@dataclass(frozen=True)
class Shot:
    """``texts``: what the picture says (``snapshot.visible_texts``); kept out of the JSON report."""

    screen: str
    path: Path
    problems: list[str] = field(default_factory=list)
    texts: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"screen": self.screen, "file": str(self.path), "problems": self.problems}


def _wait(app: QApplication, task: Task) -> Any:
    answer: dict[str, Any] = {}
    task.succeeded.connect(lambda value: answer.setdefault("value", value))
    task.failed.connect(lambda error: answer.setdefault("error", error))
    deadline = time.monotonic() + WAIT_SECONDS
    while not task.is_ended:
        if time.monotonic() > deadline:
            raise SnapshotError(f"{task.name} did not answer within {WAIT_SECONDS:.0f} s")
        app.processEvents()
        time.sleep(0.005)
    if "error" in answer:
        raise SnapshotError(f"{task.name} failed: {answer['error']}") from answer["error"]
    return answer.get("value")


def _settle(app: QApplication, ctx: AppContext, besides: tuple[str, ...] = ()) -> None:
    """Until every call the screens started has answered, but those on the device buses in ``besides``."""
    deadline = time.monotonic() + WAIT_SECONDS
    while ctx.runner.pending(besides=besides):
        if time.monotonic() > deadline:
            raise SnapshotError(f"screens still waiting for {ctx.runner.pending(besides=besides)} calls after "
                                f"{WAIT_SECONDS:.0f} s")
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def _sign_in(app: QApplication, ctx: AppContext, staff_id: str | None) -> None:
    ctx.sign_out()
    if staff_id is None:
        return
    member = next((s for s in load_samples().staff if s.id == staff_id), None)
    if member is None:
        raise SnapshotError(f"sample staff {staff_id!r} is not in resources/samples/staff.json")
    actor = _wait(app, ctx.call(lambda kiosk: kiosk.login(member.id, member.pin).value))
    ctx.sign_in(actor, member.name)


def _card_slot(ctx: AppContext, entry: Entry) -> CardSlot:
    reader = ctx.devices.card_reader
    if reader is None or reader.card_slot is None:
        raise SnapshotError(f"{entry.name} needs the simulated card reader ([devices] card_reader = \"sim://\")")
    return reader.card_slot


def shoot(window: MainWindow, entry: Entry, out: Path, *, lang: str, size: tuple[int, int],
          large: bool, high_contrast: bool = False) -> Shot:
    """Show ``entry``'s screen in ``window`` on its sample state and render it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ctx = window.ctx
    _sign_in(app, ctx, entry.staff_id)
    args = _wait(app, ctx.call(entry.prepare))
    slot = _card_slot(ctx, entry) if entry.card is not None else None
    kept = slot.state() if slot is not None else None
    if slot is not None:
        if entry.card:
            slot.place(SAMPLE_CARDS[str(entry.card)])
        else:
            slot.remove()
    try:
        screen = window.navigator.go(entry.screen.name, **args)
        window.set_large_text(large)
        window.set_high_contrast(high_contrast)
        # On an empty reader a screen waits for the buyer's card: shown waiting, not waited for.
        _settle(app, ctx, besides=("card_reader",) if entry.card == "" else ())
        path = out / f"{entry.name}.png"
        snapshot.render(window, path, size=size, lang=lang, large=large,
                        mode="buyer" if screen.audience == "buyer" else "staff", high_contrast=high_contrast)
        problems = [str(p) for p in snapshot.overflow(window, size) + snapshot.clipped_texts(window)
                    + snapshot.missing_glyphs(window) + snapshot.near_bezel(window)
                    + snapshot.clipped_images(window) + snapshot.cut_off(window)
                    + (snapshot.scrolled_out(window) if screen.audience == "buyer" else [])]
        texts = tuple(snapshot.visible_texts(window))
    finally:
        # The reader as it was: a wait still polling an empty one ends with the card put back.
        if slot is not None and kept is not None:
            card, fault = kept
            if card is None:
                slot.remove()
            else:
                slot.place(card, fault)
    return Shot(entry.name, path, problems, texts)


def take_snapshots(config: Config, out: Path, *, lang: str, size: tuple[int, int] = (1920, 1080),
                   large: bool = False, high_contrast: bool = False,
                   entries: list[Entry] | None = None) -> list[Shot]:
    """Render every registered screen of the kiosk in ``config`` (sample data installed) into ``out``."""
    app = application()
    out.mkdir(parents=True, exist_ok=True)
    entries = entries if entries is not None else SCREENS
    runner = TaskRunner()
    shots = []
    with open_kiosk(config) as kiosk:
        # Samples are training data (Kiosk.stage_sample): only a training session may act on them.
        ctx = AppContext(kiosk, open_devices(config), runner, training=True)
        # Silent: no media player is made, no audio device is opened, no clip is decoded.
        window = build_window(ctx, entries, silent=True)
        try:
            for entry in entries:
                shots.append(shoot(window, entry, out, lang=lang, size=size, large=large,
                                   high_contrast=high_contrast))
        finally:
            window.navigator.home()
            runner.shutdown(wait=True)
            window.dispose()
            # Deleted now, not at a later event loop: a process that renders again (a test session)
            # would otherwise restyle every window it ever built at each theme change.
            window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return shots

