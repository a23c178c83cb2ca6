"""The step before a signature at the self-service terminal: the signer's own ID card on the reader.

A signature taken here counts only with the proof that its signer's card was
read at this terminal (``kiosk.services.presence``; the core refuses it
otherwise). ``SignerCard.ask(buyer_id, name, represented_at=...)`` waits for a
card on the reader's bus in rounds of ``prompt_seconds`` (saying the prompt
again every other round), sends the number read to ``Kiosk.prove_signer``
on the store thread and emits ``proven`` with the ``Presence``. Somebody
else's card gets a plain message naming whose card is needed and the step
keeps waiting for the right one; "Sign at the counter" (``to_counter``) is
always there, and 呼叫工作人员 in the header as on every screen. The number
leaves the reader's bus only for the core and is never kept or shown.
"""

from __future__ import annotations

from typing import Any

from hardware.idcard.errors import NoCard
from kiosk.app import Kiosk
from kiosk.services.presence import Presence

from ui.context import AppContext
from ui.qt import QHBoxLayout, QTimer, Qt, QWidget, Signal
from ui.screens.buyer.common import Panel, label, note, plain_refusal, refusal_prompt, staff_line
from ui.screens.buyer.identify import read_card_number
from ui.tasks import Task
from ui.widgets.guard import GuardedButton

# After a card that cannot be used, the next read waits a little: the same card lying there is not read
# again and again, and the person has time to take it away.
RETRY_MS = 2000
# As on the identify screen (ux.md): idle time pauses while the card is awaited, until this long.
HOLD_SECONDS = 45.0


def prove(kiosk: Kiosk, number: str, buyer_id: int, represented_at: str | None) -> Presence:
    """On the store thread: the proof that the card read is ``buyer_id``'s (or their agent's)."""
    return kiosk.prove_signer("card", number, buyer_id, represented_at=represented_at)


class SignerCard(Panel):
    """Asks for one signer's ID card; ``proven(Presence)`` once it is theirs, ``to_counter()`` to give up."""

    proven = Signal(object)
    to_counter = Signal()
    spoken = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signer_card")
        self.ctx = ctx
        self.prompt_seconds = 10.0
        self.retry_ms = RETRY_MS
        self.buyer_id = 0
        self.name = ""
        self.represented_at: str | None = None
        self.active = False
        self.rounds = 0
        self._last_prompt = ""
        self._read: Task | None = None
        self._check: Task | None = None

        self.prompt = label("heading")
        self.prompt.setObjectName("card_prompt")
        self.why = label("hint")
        self.figure = label("figure", wrap=False)
        self.figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = note(state="error")
        self.message.setObjectName("card_message")
        self.staff_note = note("hint")
        self.counter_button = GuardedButton()
        self.counter_button.setObjectName("to_counter")
        self.counter_button.setMinimumSize(320, 80)
        self.counter_button.clicked.connect(self._give_up)
        self.box.addWidget(self.prompt)
        self.box.addWidget(self.why)
        self.box.addStretch(1)
        self.box.addWidget(self.figure)
        self.box.addStretch(1)
        self.box.addWidget(self.message)
        self.box.addWidget(self.staff_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.counter_button)
        self.box.addLayout(row)
        self.retranslate()

    def ask(self, buyer_id: int, name: str, *, represented_at: str | None = None) -> None:
        """Wait for this signer's card (or, with ``represented_at``, their agent's at that handover)."""
        self.stop()
        self.buyer_id, self.name, self.represented_at = buyer_id, name, represented_at
        self.active = True
        self.rounds = 0
        self._clear()
        self.retranslate()
        self._say("read_sign.card")
        self._wait()

    def stop(self) -> None:
        self.active = False
        for task in (self._read, self._check):
            if task is not None:
                task.cancel()
        self._read = self._check = None
        self._clear()

    def _clear(self) -> None:
        self._last_prompt = ""
        self.message.setText("")
        self.staff_note.setText("")

    def _say(self, prompt: str) -> None:
        # Said again only when something new happened: a card left lying there is not announced each round.
        if prompt != self._last_prompt:
            self._last_prompt = prompt
            self.spoken.emit(prompt)

    def _wait(self) -> None:
        if not self.active or (self._read is not None and not self._read.is_ended):
            return
        task = self.ctx.device("card_reader", read_card_number, self.prompt_seconds)
        task.succeeded.connect(self._card_read)
        task.failed.connect(self._read_failed)
        self._read = task
        if self.ctx.idle is not None and self.rounds * self.prompt_seconds < HOLD_SECONDS:
            self.ctx.idle.hold(task, f"signer-card-{task.task_id}")

    def _card_read(self, number: object) -> None:
        self._read = None
        if not self.active:
            return
        task = self.ctx.call(prove, str(number), self.buyer_id, self.represented_at)
        task.succeeded.connect(self._proven)
        task.failed.connect(self._refused)
        self._check = task

    def _proven(self, presence: object) -> None:
        self._check = None
        if not self.active:
            return
        self.active = False
        self._clear()
        self.proven.emit(presence)

    def _refused(self, error: object) -> None:
        self._check = None
        if not self.active:
            return
        assert isinstance(error, BaseException)
        # A card left lying on the reader is a round like any other: idle time counts again after a while.
        self.rounds += 1
        if getattr(error, "code", "") == "not_the_signer":
            self.message.setText(self._whose_card())
        else:
            self.message.setText(plain_refusal(error))
        self.staff_note.setText(staff_line(error))
        self._say(refusal_prompt(error))
        QTimer.singleShot(self.retry_ms, self, self._wait)

    def _read_failed(self, error: object) -> None:
        self._read = None
        if not self.active:
            return
        assert isinstance(error, BaseException)
        if isinstance(error, NoCard):
            self.rounds += 1
            if self.rounds % 2 == 0:
                self._last_prompt = ""  # the prompt again every other round (ux.md: every 10 s or so)
            self._say("read_sign.card")
            self._wait()
            return
        if isinstance(error, LookupError) or getattr(error, "code", "") in ("device_unavailable", "unavailable"):
            self.message.setText(self.tr("The card reader is not working right now. Please sign at the counter."))
            self.staff_note.setText(staff_line(error))
            self._say("read_sign.reader_down")
            return
        self.rounds += 1
        self.message.setText(self.tr("The card could not be read. Please place it again and hold it still."))
        self.staff_note.setText(staff_line(error))
        self._say("read_sign.card_unread")
        QTimer.singleShot(self.retry_ms, self, self._wait)

    def _give_up(self) -> None:
        self.stop()
        self.to_counter.emit()

    def _whose_card(self) -> str:
        if self.represented_at is not None:
            return self.tr("This ID card is not {name}'s nor their agent's. "
                           "Please place {name}'s card or the agent's own card.").format(name=self.name)
        return self.tr("This ID card is not {name}'s. Please place {name}'s own ID card.").format(name=self.name)

    def retranslate(self, *_: Any) -> None:
        if self.represented_at is not None:
            self.prompt.setText(self.tr("{name} is represented: the authorised agent, please place your own "
                                        "ID card on the reader.").format(name=self.name))
        else:
            self.prompt.setText(self.tr("{name}, please place your own ID card on the reader.").format(name=self.name))
        self.why.setText(self.tr("Each signer shows their own ID card before signing, so nobody can sign "
                                 "for someone else."))
        self.figure.setText(self.tr("ID card ▼"))
        self.counter_button.setText(self.tr("Sign at the counter"))
        if self.message.text() and self.active and self._last_prompt == "refusal.not_the_signer":
            self.message.setText(self._whose_card())
