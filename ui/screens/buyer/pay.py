"""缴费 (一码缴费): the one payment QR, the items per payee, a 300 s countdown, live confirmation.

``enter(unit_code=...)``.

The order: the unit's current order (``Kiosk.current_order``). When the unit has
none yet the screen opens it with ``payments.create_order`` as the self-service
actor (``common.self_service_actor``: the services let a system actor act, the
audit log names it, and the order is the same one staff would make: one
payment code, the fees by the rule in force today). A refusal (a training unit
outside a training session, a partly refunded order...) shows its plain
sentence and hint and sends the buyer to staff.

Live confirmation: ``subjects()`` is the order id and the unit code, so the
change feed (polled every 500 ms, inside ux.md's 2-3 s) reloads the order the
moment the sync agent applies a platform confirmation; each item shows its
state, and when all are confirmed the countdown stops and the way back to the
case opens. The countdown (``COUNTDOWN_SECONDS``, a reminder at
``REMINDER_SECONDS`` left) ends on a page that offers a new countdown for the
same code and says what to do when paid but not yet confirmed: the payment
is not lost, confirmations arrive within minutes, the buyer may come back later.

Idle and the end of the session (ux.md "Time"): while the countdown runs the
shell's idle timer is held (the payment has its own time limit). An order this
screen opened stays open while the buyer moves between the case and this
screen; when the session ends (the navigator goes home: a time-out, 结束办理,
back to the start) and it is still unpaid, it is closed through
``payments.close_unpaid_order``, which refuses an order with a confirmed item
or one staff made.
"""

from __future__ import annotations

import io
from typing import Any

import segno

from kiosk.app import ChangeBatch, Kiosk
from kiosk.services import payments
from kiosk.services.staff import Actor
from kiosk.views.order import OrderView

from ui.context import AppContext
from ui.i18n import current_language
from ui.navigation import Navigator
from ui.qt import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPixmap,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Screen, turn
from ui.screens.buyer.common import (
    Panel,
    label,
    note,
    plain_refusal,
    refusal_prompt,
    self_service_actor,
    set_state,
    staff_line,
)
from ui.screens.buyer.identify import navigator_of
from ui.tasks import Task
from ui.widgets.guard import GuardedButton
from ui.widgets.fitting import Fitting
from ui.widgets.paged import Block, PageButtons, PagedBlocks

COUNTDOWN_SECONDS = 300
REMINDER_SECONDS = 60
QR_PX = 420
# The least room the code asks for: 240 px is still 4 cm on a 10-inch 1280x800 panel, which a phone reads
# at arm's length. Larger panels draw it larger, up to QR_PX.
QR_MIN_PX = 240
WIDGET_SIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX: no maximum


SESSION_ENDED = "self-service session ended before the order was paid (time-out, end or back to the start)"


def open_order(kiosk: Kiosk, actor: Actor, unit_code: str) -> tuple[OrderView, bool]:
    """On the store thread: the unit's current order, opened by the self-service actor when there is none;
    and whether it was opened now."""
    order = kiosk.current_order(unit_code)
    if order is not None:
        return order, False
    order_id = kiosk.run(payments.create_order, actor, unit_code).value
    return kiosk.order(order_id), True


def close_order(kiosk: Kiosk, actor: Actor, order_id: str) -> None:
    kiosk.run(payments.close_unpaid_order, actor, order_id, SESSION_ENDED)


def reload_order(kiosk: Kiosk, order_id: str) -> OrderView:
    return kiosk.order(order_id)


def qr_pixmap(text: str, size: int = QR_PX) -> QPixmap:
    """The payment code as a QR picture (segno) of ``size`` px square.

    Every module gets the same whole number of pixels and the symbol is centred on white: scaling a
    drawn QR by a fraction makes modules of uneven width, which some phone scanners misread.
    """
    qr = segno.make(text, error="m", micro=False)
    border = 4
    modules = qr.symbol_size(scale=1, border=border)[0]
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=max(1, size // modules), border=border)
    symbol = QPixmap()
    symbol.loadFromData(buffer.getvalue(), "PNG")
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.drawPixmap((size - symbol.width()) // 2, (size - symbol.height()) // 2, symbol)
    painter.end()
    return pixmap


class QrLabel(QLabel):
    """A QR code drawn as large as the label's room allows, up to ``largest`` px; it asks for ``QR_MIN_PX``.

    The label never asks for more than the minimum (the rest of the screen keeps its room); each
    resize draws the code again at whole pixels per module. Given less room than it asked for, it draws
    the code smaller, never cut: a code missing its finder patterns or quiet zone does not scan.
    """

    def __init__(self, largest: int = QR_PX) -> None:
        super().__init__()
        self.largest = largest
        self.code = ""
        self.portrait = False  # the code above what it pays for (a portrait panel), else beside it
        self.setMinimumSize(QR_MIN_PX, QR_MIN_PX)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_code(self, text: str) -> None:
        self.code = text
        self._draw()

    def forget(self) -> None:
        self.code = ""
        self.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # Square, not a column: beside the details the label is no wider than it is high (the details get
        # the rest), above them no higher than it is wide.
        if self.portrait:
            self.setMaximumSize(WIDGET_SIZE_MAX, max(QR_MIN_PX, min(self.width(), self.largest)))
        else:
            self.setMaximumSize(max(QR_MIN_PX, min(self.height(), self.largest)), WIDGET_SIZE_MAX)
        self._draw()

    def _draw(self) -> None:
        if self.code:
            side = max(1, min(self.width(), self.height(), self.largest))
            self.setPixmap(qr_pixmap(self.code, side))


class PayScreen(Fitting, Screen):
    """``enter(unit_code=str)``.

    ``payment_pending(bool)``: True while the countdown runs (ux.md: idle timers pause while a
    payment is pending, it has its own time limit), False when paid, timed out or left; the screen
    holds the shell's idle timer (``ctx.idle``) for as long.

    ``opened_order``: the id of the order this screen opened in the current session while it is
    unpaid (closed when the session ends), else None.
    """

    payment_pending = Signal(bool)

    name = "pay"
    audience = "buyer"
    holds_personal_data = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.unit_code = ""
        self.order: OrderView | None = None
        self.seconds_left = COUNTDOWN_SECONDS
        self.timed_out = False
        self.opened_order: str | None = None
        self._watching: Navigator | None = None
        self._task: Task | None = None
        self._details_of: tuple[str, tuple[str, ...]] = ("", ())  # the order and status shown
        self.payment_pending.connect(self._hold_idle)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.tick)

        self.title = label("title")
        self.qr = QrLabel()
        self.qr.setObjectName("payment_qr")
        self.total = label("figure", wrap=False)
        self.total.setObjectName("total")
        self.countdown = label("heading")
        self.countdown.setObjectName("countdown")
        # What the payment's state asks of the buyer, what it pays for, the code's number and how to pay, a
        # page at a time (a 1280x800 panel in large text holds one or two items): whole blocks, never a
        # scroll area.
        self.details = PagedBlocks()
        self.details.setObjectName("payment_details")
        self.pager = PageButtons(self.details)
        # The code takes the left of the panel at the height the panel has; on the right the total, the
        # time left under it (beside the title it pushed a long title onto a second line), then the pages.
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self.total)
        right.addWidget(self.countdown)
        right.addWidget(self.details, 1)

        panel = Panel()
        panel.box.setContentsMargins(24, 8, 24, 8)
        # Side by side on a landscape panel; on a portrait one the code above what it pays for (beside it,
        # a third of 1080 px drew it small in a tall empty column).
        columns = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(32)
        columns.addWidget(self.qr, 1)
        columns.addLayout(right, 1)
        panel.box.addLayout(columns)

        self.message = note(state="error")
        self.message.setObjectName("message")
        self.staff_note = note("hint")
        self.retry_button = GuardedButton()
        self.retry_button.setMinimumSize(320, 96)
        self.retry_button.clicked.connect(self.retry)
        self.back_button = GuardedButton()
        self.back_button.setProperty("role", "primary")
        self.back_button.setMinimumSize(320, 96)
        self.back_button.clicked.connect(self.back_to_case)
        buttons = self.buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.pager)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.back_button)
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(panel, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.staff_note)
        layout.addLayout(buttons)
        self.retranslate()
        self._render()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.columns,))
        self.qr.portrait = portrait
        self.qr.setMaximumSize(WIDGET_SIZE_MAX, WIDGET_SIZE_MAX)  # squared again at its next resize

    # -- moments ---------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.unit_code = str(args["unit_code"])
        self._forget()
        self._watch_session()
        self._task = self.ctx.call(open_order, self_service_actor(self.ctx), self.unit_code)
        self._task.succeeded.connect(self._opened)
        self._task.failed.connect(self._refused)

    def leave(self) -> None:
        self._forget()
        self.unit_code = ""
        self._render()

    def _forget(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._stop_countdown()
        self.order = None
        self.timed_out = False
        self.seconds_left = COUNTDOWN_SECONDS
        self.qr.forget()
        self.message.setText("")
        self.staff_note.setText("")

    def subjects(self) -> set[str] | None:
        return {s for s in (self.unit_code, self.order.order_id if self.order else "") if s}

    def refresh(self, batch: ChangeBatch) -> None:
        self._reload()

    def _reload(self) -> None:
        if self.order is None:
            return
        task = self.ctx.call(reload_order, self.order.order_id)
        task.succeeded.connect(self.show_order)
        self._task = task

    # -- the session ----------------------------------------------------------------------

    def _watch_session(self) -> None:
        nav = navigator_of(self)
        if nav is not None and nav is not self._watching:
            if self._watching is not None:
                self._watching.went.disconnect(self._went)
            nav.went.connect(self._went)
            self._watching = nav

    def _went(self, name: str, _audience: str) -> None:
        if self._watching is not None and name == self._watching.home_name:
            self.close_unpaid()

    def close_unpaid(self) -> Task | None:
        """The session ended: close the order this screen opened if it is still unpaid."""
        order_id, self.opened_order = self.opened_order, None
        if order_id is None:
            return None
        return self.ctx.call(close_order, self_service_actor(self.ctx), order_id)

    def _hold_idle(self, pending: bool) -> None:
        idle = self.ctx.idle
        if idle is None:
            return
        if pending:
            idle.pause("payment")
        else:
            idle.resume("payment")

    # -- the order -------------------------------------------------------------------------

    def _opened(self, opened: tuple[OrderView, bool]) -> None:
        order, created = opened
        if created:
            self.opened_order = order.order_id
        self.show_order(order)

    def show_order(self, order: OrderView) -> None:
        self._task = None
        first = self.order is None or self.order.order_id != order.order_id
        was_paid = not first and self.paid()
        self.order = order
        if first:
            self.qr.show_code(order.payment_code)
            self._start_countdown()
        if self.paid():
            self._stop_countdown()
            if self.opened_order == order.order_id:
                self.opened_order = None
        self._render()
        if self.paid() and not was_paid:
            self.say("pay.paid")
        elif first:
            self.say("pay.scan")

    def paid(self) -> bool:
        return self.order is not None and self.order.all_confirmed

    def _refused(self, error: object) -> None:
        self._task = None
        assert isinstance(error, BaseException)
        self.message.setText(plain_refusal(error))
        self.say(refusal_prompt(error))
        self.staff_note.setText(staff_line(error))
        self._render()

    # -- the countdown -----------------------------------------------------------------------

    def _start_countdown(self) -> None:
        self.seconds_left = COUNTDOWN_SECONDS
        self.timed_out = False
        self._clock.start()
        self.payment_pending.emit(True)

    def _stop_countdown(self) -> None:
        if self._clock.isActive():
            self._clock.stop()
            self.payment_pending.emit(False)

    def tick(self) -> None:
        """One second of the countdown (the timer's interval; tests shorten it)."""
        if self.order is None or self.paid():
            self._stop_countdown()
            return
        self.seconds_left = max(0, self.seconds_left - 1)
        if self.seconds_left == 0:
            self._stop_countdown()
            self.timed_out = True
        self._render()
        if self.seconds_left == REMINDER_SECONDS:
            self.say("pay.last_minute")
        elif self.seconds_left == 0:
            self.say("pay.expired")

    def retry(self) -> None:
        """A new countdown for the same code (the order stays; paying twice is not possible)."""
        if self.order is None:
            if self.unit_code:
                self.enter(unit_code=self.unit_code)
            return
        self._start_countdown()
        self._reload()
        self._render()
        self.say("pay.scan")

    def back_to_case(self) -> None:
        nav = navigator_of(self)
        if nav is not None and "my_case" in nav.names() and self.unit_code:
            nav.go("my_case", unit_codes=[self.unit_code])

    # -- the buttons' row ---------------------------------------------------------------------

    def fit(self) -> None:
        """The page buttons, 再次显示 and the way back share the bottom row. Where the row cannot hold all
        three (a timed-out code on a 1280 px panel in large text) the way back gives way: the header's
        返回上一步 goes back to the case too, and the code shown again is what the buyer needs."""
        if not hasattr(self, "box"):
            return  # Qt's first font change comes before the layout exists
        back = bool(self.unit_code)
        if back and not self.retry_button.isHidden():
            margins = self.box.contentsMargins()
            room = self.width() - margins.left() - margins.right()
            row = [self.retry_button, self.back_button] + ([self.pager] if len(self.details.pages) > 1 else [])
            back = sum(w.sizeHint().width() for w in row) + self.buttons.spacing() * (len(row) - 1) <= room
        self.back_button.setVisible(back)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pay taxes and fees with one code"))
        self.back_button.setText(self.tr("Back to my case"))
        self._render()

    def _render(self) -> None:
        order = self.order
        self.total.setText(self.tr("Total ¥{amount}").format(amount=order.total_text) if order else "")
        self.retry_button.setVisible(order is None and bool(self.message.text()) or self.timed_out)
        # A code paid, or whose time is up, is not there to be scanned (再次显示 shows it again): what the
        # status says takes the panel's width instead.
        self.qr.setVisible(not (self.paid() or self.timed_out))
        self.retry_button.setText(self.tr("Show the code again") if self.timed_out else self.tr("Try again"))
        status = self._render_countdown()
        # Payees by their code in English; in Chinese the view's own names. Fee names stay as issued.
        chinese = current_language() != "en"
        payees = {"tax_bureau": self.tr("Tax bureau"), "registration_office": self.tr("Registration office"),
                  "maintenance_fund": self.tr("Maintenance fund account")}
        blocks = [Block(sentence) for sentence in status]
        for item in order.items if order else ():
            state = self.tr("confirmed ✓") if item.state == "confirmed" else self.tr("waiting")
            blocks.append(Block(self.tr("{payee}: {name} ¥{amount} ({state})").format(
                payee=item.payee_name if chinese else payees.get(item.payee, item.payee_name), name=item.name,
                amount=item.amount_text, state=state)))
        if order is not None:
            blocks.append(Block(self.tr("Payment code {code}").format(code=order.payment_code)))
        if order is not None and not self.qr.isHidden():
            blocks.append(Block(self.tr("Scan with a bank app, WeChat or Alipay. One payment pays every item.")))
        # What the status says comes first: when it changes (paid, a minute left, the time up) the first
        # page shows it; a confirmation of one item keeps the page the buyer reads.
        shown = (order.order_id if order else "", tuple(status))
        self.details.set_blocks(blocks, keep_page=shown == self._details_of)
        self._details_of = shown
        self.fit()

    def _render_countdown(self) -> list[str]:
        """Set the line under the total (time left, paid, time up); return what the status says."""
        if self.order is None:
            self.countdown.setText("")
            return [self.tr("Preparing your payment code…")] if self.unit_code and not self.message.text() else []
        if self.paid():
            self.countdown.setText(self.tr("Paid: every item is confirmed."))
            set_state(self.countdown, "ok")
            return [self.tr("Thank you. Go back to your case for the next step.")]
        if self.timed_out:
            self.countdown.setText(self.tr("The time for this code is up."))
            set_state(self.countdown, "warn")
            return [self.tr("Paid already? Your payment is not lost: the confirmation can take a few minutes. "
                            "You may come back later, or ask staff to check."),
                    self.tr("Not paid yet? Show the code again.")]
        minutes, seconds = divmod(self.seconds_left, 60)
        self.countdown.setText(self.tr("Time left {m}:{s:02d}").format(m=minutes, s=seconds))
        if self.seconds_left <= REMINDER_SECONDS:
            set_state(self.countdown, "warn")
            return [self.tr("Less than a minute left. After paying, please wait here for the confirmation.")]
        set_state(self.countdown, "")
        return []  # waiting, as every item says: the first page is theirs
