"""The technician takes the kiosk out of service: the outbox handed on, then revoked and wiped.

Two steps on one page, the second locked until the first is done:

1. 移交记录: the records the county has not acknowledged go by a sync cycle now
   (``Kiosk.drain_outbox``), or as sealed batch files onto a USB stick chosen here
   (``Kiosk.export_outbox``) for the gateway's import;
2. 停用: with nothing left pending (or all of it in the last export), holding the red button for
   three seconds revokes the kiosk here and wipes its data key (``Kiosk.decommission``, audited).

Afterwards the screen says what was done and offers only closing the app: the data can no longer
be opened. Every refusal says what happened and what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.app import ChangeBatch, Kiosk
from kiosk.app.decommissioning import DecommissionView, Drained, Exported
from kiosk.decommission import CONFIRM_WORD, Decommission
from kiosk.errors import KioskError
from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem, Qt, QVBoxLayout, QWidget, Signal
from ui.screens.base import turn
from ui.screens.counter.common import STAFF_TARGET, RefusalPanel, restyle, wrapped
from ui.screens.technician.common import TechnicianScreen, whole_facts
from ui.tasks import Task
from ui.widgets.guard import GuardedButton
from ui.widgets.media import MediaChooser
from ui.widgets.hold import HoldButton

# Refusals this screen words itself; anything else goes to the refusal panel with the service's hint.
OWN_PROBLEMS = ("outbox_not_empty", "media_gone", "agent_locked", "no_courier", "not_technician")


def load(kiosk: Kiosk) -> DecommissionView:
    return kiosk.decommission_view()


def drain(kiosk: Kiosk) -> tuple[Drained, DecommissionView]:
    drained = kiosk.drain_outbox()
    return drained, kiosk.decommission_view()


def export(kiosk: Kiosk, folder: Path) -> tuple[Exported, DecommissionView]:
    exported = kiosk.export_outbox(folder)
    return exported, kiosk.decommission_view()


def named(name: QLabel, words: QLabel) -> QBoxLayout:
    row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
    row.setSpacing(24)
    row.addWidget(name)
    row.addWidget(words, 1)
    return row


def wipe(kiosk: Kiosk, actor: Actor) -> Decommission:
    # The hold on the red button is the technician's confirmation; the core still checks the word.
    return kiosk.decommission(actor, CONFIRM_WORD)


class DecommissionScreen(TechnicianScreen):
    """``technician_decommission``: ``enter()``; only for a signed-in technician."""

    name = "technician_decommission"
    audience = "technician"
    idle_seconds = 120  # ux.md: technician mode locks after 120 s
    exit_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: DecommissionView | None = None
        self.drained: Drained | None = None
        self.done: Decommission | None = None
        self._busy = ""  # "sync", "export" or "wipe" while that step runs
        self._problem: KioskError | None = None
        self._tasks: list[Task] = []

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.denied = wrapped(state="error")
        self.denied.setObjectName("decommission_denied")
        self.backlog = wrapped()
        self.backlog.setObjectName("decommission_backlog")
        self.step1 = QLabel()
        self.step1.setProperty("role", "heading")
        self.step1_explain = wrapped()
        self.sync_button = GuardedButton()
        self.sync_button.setObjectName("decommission_sync")
        self.sync_button.setMinimumHeight(STAFF_TARGET)
        self.sync_button.clicked.connect(self.sync_now)
        self.sticks = MediaChooser(ctx, prefix="decommission_media")
        self.sticks.changed.connect(self.retranslate)
        self.sticks.failed.connect(self._refused)
        self.export_button = GuardedButton()
        self.export_button.setObjectName("decommission_export")
        self.export_button.setMinimumHeight(STAFF_TARGET)
        self.export_button.clicked.connect(self.export)
        self.step1_state = wrapped()
        self.step1_state.setObjectName("decommission_step1_state")
        self.step2 = QLabel()
        self.step2.setProperty("role", "heading")
        self.step2_explain = wrapped()
        self.wipe_button = HoldButton()
        self.wipe_button.setObjectName("decommission_wipe")
        self.wipe_button.setProperty("role", "destructive")
        self.wipe_button.setMinimumHeight(STAFF_TARGET)
        self.wipe_button.held.connect(self.wipe)
        self.wipe_state = wrapped()
        self.wipe_state.setObjectName("decommission_wipe_state")
        self.refusal = RefusalPanel()
        self.refusal.set_brief(True)
        self.problem = wrapped(state="error")
        self.problem.setObjectName("decommission_problem")
        self.result = wrapped(state="ok")
        self.result.setObjectName("decommission_result")
        self.close_button = GuardedButton()
        self.close_button.setObjectName("decommission_close")
        self.close_button.setProperty("role", "primary")
        self.close_button.setMinimumHeight(STAFF_TARGET)
        self.close_button.clicked.connect(self.exit_requested.emit)

        # One row a step's name and words, one its buttons: the page fits a 1280x800 panel in large text.
        # In a row on a landscape panel; on a portrait one each on a row of its own (in a row, the chooser's
        # message took four lines between the buttons).
        self.step1_actions = actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        actions.setSpacing(16)
        actions.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        # Sync now a little apart from the sticks beside it (none needed above them: the rows have their spacing).
        self._apart = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        actions.addItem(self._apart)
        actions.addWidget(self.sticks, 1)
        actions.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        wipe_row = QHBoxLayout()
        wipe_row.setSpacing(16)
        wipe_row.addWidget(self.wipe_button)
        wipe_row.addWidget(self.wipe_state, 1)
        self.steps = QWidget()
        steps = QVBoxLayout(self.steps)
        steps.setContentsMargins(0, 0, 0, 0)
        steps.setSpacing(12)
        self.named = (named(self.step1, self.step1_explain), named(self.step2, self.step2_explain))
        steps.addLayout(self.named[0])
        steps.addLayout(actions)
        steps.addWidget(self.step1_state)
        steps.addLayout(self.named[1])
        steps.addLayout(wipe_row)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addWidget(self.refusal)
        body.addWidget(self.problem)
        body.addWidget(self.steps)
        body.addWidget(self.result)
        body.addStretch(1)
        closing = QHBoxLayout()
        closing.addWidget(self.close_button)
        closing.addStretch(1)
        body.addLayout(closing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(48)
        top.addWidget(self.title)
        top.addWidget(self.backlog, 1)
        layout.addLayout(top)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        # A portrait panel has height to spare and little width: the summary under the title, a step's words
        # under its name.
        for row in self.named:
            row.setSpacing(8 if portrait else 24)
        self.top.setSpacing(8 if portrait else 48)
        self._apart.changeSize(0 if portrait else 16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        turn(portrait, across=(self.step1_actions, self.top, *self.named))

    # -- moments -----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.leave()
        allowed = self.admit()
        self.backlog.setVisible(allowed)
        if allowed:
            self.load()
            self.sticks.look()
        self.retranslate()

    def leave(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        self.wipe_button.cancel()
        self.view = None
        self.drained = None
        self._busy = ""
        self._problem = None
        self.refusal.clear()
        self.sticks.forget()

    def subjects(self) -> set[str] | None:
        return None  # every new record and every acknowledgement changes the backlog shown

    def refresh(self, batch: ChangeBatch) -> None:
        if self.technician is not None and self.isVisible() and self.done is None and not self._busy:
            self.load()

    def _track(self, task: Task) -> Task:
        self._tasks.append(task)
        task.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        task.failed.connect(self._refused)
        return task

    def _start(self, step: str) -> None:
        self._busy = step
        self._problem = None
        self.refusal.clear()
        self.retranslate()

    def _ended(self) -> None:
        self._busy = ""
        self.retranslate()

    def _refused(self, error: object) -> None:
        self._problem = None
        self.refusal.clear()
        if isinstance(error, KioskError) and error.code in OWN_PROBLEMS:
            self._problem = error
            if error.code == "media_gone":
                self.sticks.lost()
            self.load()
        else:
            self.refusal.show_error(error if isinstance(error, BaseException) else RuntimeError(str(error)))
        self.retranslate()

    # -- steps -------------------------------------------------------------------------------

    def load(self) -> None:
        self._track(self.ctx.call(load)).succeeded.connect(self._loaded)

    def _loaded(self, view: DecommissionView) -> None:
        self.view = view
        self.retranslate()

    def sync_now(self) -> None:
        if self.technician is None or self._busy:
            return
        self.drained = None
        self._start("sync")
        task = self._track(self.ctx.call(drain))
        task.succeeded.connect(self._drained)
        task.ended.connect(self._ended)

    def _drained(self, answer: tuple[Drained, DecommissionView]) -> None:
        self.drained, self.view = answer
        self.retranslate()

    def export(self) -> None:
        if self.technician is None or self._busy or self.sticks.target is None:
            return
        self._start("export")
        task = self._track(self.ctx.call(export, self.sticks.target))
        task.succeeded.connect(self._exported)
        task.ended.connect(self._ended)

    def _exported(self, answer: tuple[Exported, DecommissionView]) -> None:
        _exported, self.view = answer
        self.retranslate()

    def wipe(self) -> None:
        actor = self.technician
        if actor is None or self._busy or self.view is None or not self.view.handed_on:
            return
        self._start("wipe")
        task = self._track(self.ctx.call(wipe, actor))
        task.succeeded.connect(self._wiped)
        task.ended.connect(self._ended)

    def _wiped(self, record: Decommission) -> None:
        self.done = record
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------

    def _problems(self) -> dict[str, str]:
        return {
            "outbox_not_empty": self.tr("New records were written after the export. Export them to the USB stick "
                                        "again, or sync now."),
            "media_gone": self.tr("The USB stick is gone. Plug it in again, tap Look again and choose it."),
            "agent_locked": self.tr("The sync agent is sending right now. Wait a minute and watch the count "
                                    "above fall, or export to a USB stick."),
            "no_courier": self.tr("This app cannot reach the sync layer. Decommission from the command line: "
                                  "kiosk decommission."),
            "not_technician": self.tr("Only a technician can decommission this kiosk. Log in again."),
        }

    def retranslate(self) -> None:
        self.title.setText(self.tr("Decommission"))
        self.denied.setText(self.tr("Only a technician can decommission the kiosk. "
                                    "Log in on the maintenance screen first."))
        view, done = self.view, self.done
        if done is not None:
            self.backlog.setText(self.tr("✔ Decommissioned"))
        elif view is None:
            self.backlog.setText(self.tr("Loading…"))
        else:
            device = view.device_id if view.enrolled else self.tr("not enrolled")
            self.backlog.setText(whole_facts(self.tr("Device {device} · {pending} records not at the county yet · "
                                                     "{quarantined} quarantined").format(
                device=device, pending=view.pending, quarantined=view.quarantined)))
        self._retranslate_step1(view)
        self._retranslate_step2(view)
        problem = self._problems().get(self._problem.code) if self._problem is not None else None
        self.problem.setText(f"✖ {problem} [{self._problem.code}]" if problem and self._problem else "")
        self.problem.setVisible(bool(problem))
        if done is not None:
            left = self.tr(" {records} records went to the county on the USB stick.").format(
                records=done.exported_records) if done.exported_records else ""
            self.result.setText(self.tr(
                "✔ This kiosk was decommissioned at {at} by {by}: its enrollment and device keys are removed "
                "and its data key is wiped.{left} The data can no longer be read. Close the app now; it will "
                "not open this data again.").format(at=done.at, by=done.by, left=left))
        self.result.setVisible(done is not None)
        self.steps.setVisible(done is None)
        self.close_button.setText(self.tr("Close the kiosk app"))
        self.close_button.setVisible(done is not None)

    def _retranslate_step1(self, view: DecommissionView | None) -> None:
        self.step1.setText(self.tr("1. Hand the records on"))
        self.step1_explain.setText(self.tr("Sync now, or write them to a USB stick for the county."))
        busy = bool(self._busy) or view is None or view.training
        self.sync_button.setText(self.tr("Syncing…") if self._busy == "sync" else self.tr("Sync now"))
        self.sync_button.setEnabled(not busy and view is not None and view.enrolled and view.pending > 0)
        self.export_button.setText(self.tr("Writing…") if self._busy == "export" else self.tr("Export to USB stick"))
        self.export_button.setEnabled(not busy and self.sticks.target is not None and view is not None
                                      and view.enrolled and view.pending > 0)
        state, text = "", ""
        if view is not None and view.training:
            state, text = "warn", self.tr("This is a training session: its practice data is never handed on and "
                                          "the kiosk is not decommissioned from it. Start the app without "
                                          "training to decommission.")
        elif view is not None and view.pending == 0:
            state, text = "ok", self.tr("✔ The county has every record of this kiosk.")
        elif view is not None and view.exported is not None and view.handed_on:
            state, text = "ok", self.tr("✔ {records} records are on the USB stick {stick}. Hand the stick to the "
                                        "county for import.").format(records=view.exported.records,
                                                                     stick=view.exported.folder.name)
        elif view is not None and not view.enrolled:
            state, text = "error", self.tr("✖ This kiosk is not enrolled, so its {pending} records cannot be "
                                           "sent or sealed. Enroll it first.").format(pending=view.pending)
        elif self.drained is not None and self.drained.errors:
            state, text = "error", self.tr("✖ Sync failed [{codes}]: check the network, or export to a USB "
                                           "stick.").format(
                codes=", ".join(self.drained.errors))
        elif self.drained is not None and view is not None:
            state, text = "warn", self.tr("Sent {pushed}; {pending} still wait. Sync again, or export them."
                                          ).format(pushed=self.drained.pushed, pending=view.pending)
        self.step1_state.setText(text)
        restyle(self.step1_state, state=state)
        self.step1_state.setVisible(bool(text))

    def _retranslate_step2(self, view: DecommissionView | None) -> None:
        self.step2.setText(self.tr("2. Revoke and wipe"))
        self.step2_explain.setText(self.tr("Removes the keys and wipes the data key for good."))
        ready = view is not None and view.handed_on and not self._busy
        self.wipe_button.setText(self.tr("Wiping…") if self._busy == "wipe"
                                 else self.tr("Hold 3 seconds to decommission"))
        self.wipe_button.setEnabled(ready)
        if view is not None and view.training:
            text = self.tr("Locked in a training session.")
        elif view is not None and not view.handed_on:
            text = self.tr("Locked: hand the {pending} records on first (step 1).").format(pending=view.pending)
        elif ready:
            text = self.tr("Keep your finger on the button until it is full; letting go early stops it.")
        else:
            text = ""
        self.wipe_state.setText(text)
        self.wipe_state.setVisible(bool(text))
