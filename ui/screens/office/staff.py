"""The staff roster (``office_staff``, supervisor only): roles, certifications and their expiry,
adding a staff member, resetting a PIN, unlocking an account.

Each row says the certification's state in words as well as colour: expired (error), expiring
within ``EXPIRING_DAYS`` days (warn, with the days left), locked after wrong PINs (until when).
Choosing a row shows its actions beside the list; adding a member and resetting a PIN take the
whole body (the staff keypad types numbers, dates and PINs; the Pinyin keyboard the name and the
certification number). The commands are ``kiosk.services.staff`` add_member, reset_pin and
unlock, run as the signed-in supervisor; every refusal stays on screen with what to do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.app import Kiosk
from kiosk.rules.county_time import local_time
from kiosk.services import staff
from kiosk.services.staff import Actor
from kiosk.views.staff import StaffRow, StaffView
from ui.context import AppContext
from ui.qt import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from ui.screens.counter.common import (STAFF_TARGET, StaffKeypad, TapField, apply_key, button, restyle,
                                       wrapped)
from ui.screens.counter.login import PIN_LIMIT
from ui.screens.office.common import (ListedSection, OfficeRefusal, Pager, RowsArea, clear_layout, parse_day,
                                      row_frame)
from ui.tasks import Task

EXPIRING_DAYS = 30  # issue 11: certifications expiring within 30 days are highlighted


def load_roster(kiosk: Kiosk) -> StaffView:
    return kiosk.staff()


def run(kiosk: Kiosk, command: Any, actor: Actor, *args: Any, **kwargs: Any) -> None:
    kiosk.run(command, actor, *args, **kwargs)


class StaffRosterScreen(ListedSection):
    """``office_staff``: enter() takes no arguments."""

    name = "office_staff"
    roles = frozenset({"supervisor"})
    holds_personal_data = True  # names, and PINs being typed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: StaffView | None = None
        self.selected: str | None = None
        self.mode = "list"  # list | add | pin
        self._task: Task | None = None
        self.reset_buttons: dict[str, QPushButton] = {}
        self.unlock_buttons: dict[str, QPushButton] = {}
        self.title = wrapped("title")
        self.summary = wrapped()
        self.summary.setObjectName("staff_summary")
        self.add_button = button("primary")
        self.add_button.setObjectName("staff_add")
        self.add_button.clicked.connect(self.open_add)
        self.denied = self.make_denied()
        self.refusal = OfficeRefusal()
        self.done = wrapped(state="ok")
        self.done.setObjectName("staff_done")

        # The list: each row with its own actions.
        self.area = RowsArea()
        self.area.setObjectName("staff_rows")
        self.area.resized.connect(self._area_resized)
        self.rows = self.area.rows
        self.pager = Pager(1)
        self.pager.moved.connect(self._fill)
        self.list_box = QWidget()
        list_column = QVBoxLayout(self.list_box)
        list_column.setContentsMargins(0, 0, 0, 0)
        list_column.setSpacing(12)
        list_column.addWidget(self.area, 1)
        list_column.addWidget(self.pager)

        # The form: adding a member, or a new PIN for the chosen one.
        self.form_title = wrapped("heading")
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, Any] = {}
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        for n, key in enumerate(("staff_id", "name", "cert_no", "cert_expires", "pin", "pin_again")):
            keypad = key not in ("name", "cert_no")
            field: QLineEdit = TapField() if keypad else QLineEdit()
            field.setObjectName(f"staff_form_{key}")
            field.setMinimumHeight(STAFF_TARGET)
            if key.startswith("pin"):
                field.setEchoMode(QLineEdit.EchoMode.Password)
                field.setMaxLength(PIN_LIMIT)
            if isinstance(field, TapField):
                field.tapped.connect(lambda f=field: self._target(f))
            field.textChanged.connect(self._update)
            self.fields[key] = field
            self.labels[key] = wrapped()
            # Two fields a line, each label above its field: the form fits a 1280x800 panel in large text.
            cell = QVBoxLayout()
            cell.setSpacing(4)
            cell.addWidget(self.labels[key])
            cell.addWidget(field)
            form.addLayout(cell, n // 2, n % 2)
        self.role_label = wrapped()
        self.role_buttons: dict[str, QPushButton] = {}
        roles = QHBoxLayout()
        roles.setSpacing(12)
        # What the core lets a supervisor here add: supervisors and technicians come with the platform's roster.
        for role in staff.ADDABLE_ROLES:
            choice = button()
            choice.setObjectName(f"staff_role_{role}")
            choice.setCheckable(True)  # the theme fills the checked role
            choice.clicked.connect(lambda _=False, r=role: self._role(r))
            self.role_buttons[role] = choice
            roles.addWidget(choice)
        role_cell = QVBoxLayout()
        role_cell.setSpacing(4)
        role_cell.addWidget(self.role_label)
        role_cell.addLayout(roles)
        form.setColumnStretch(0, 1)
        form.setColumnStretch(1, 1)
        self.form_hint = wrapped("hint")
        self.form_hint.setObjectName("staff_form_hint")
        self.keypad = StaffKeypad("-", key_px=STAFF_TARGET, columns=5)
        self.keypad.pressed.connect(self._key)
        self.save_button = button("primary")
        self.save_button.setObjectName("staff_save")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = button()
        self.cancel_button.setObjectName("staff_cancel")
        self.cancel_button.clicked.connect(self.close_form)
        form_left = QVBoxLayout()
        form_left.setSpacing(12)
        form_left.addWidget(self.form_title)
        form_left.addLayout(form)
        form_left.addWidget(self.form_hint)
        form_left.addStretch(1)
        form_right = QVBoxLayout()
        form_right.setSpacing(16)
        # The role above the keypad: the form's column stays short enough for a 1280x800 panel.
        form_right.addLayout(role_cell)
        form_right.addWidget(self.keypad, 1)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.cancel_button, 1)
        actions.addWidget(self.save_button, 1)
        form_right.addLayout(actions)
        self.form_box = QWidget()
        form_row = QHBoxLayout(self.form_box)
        form_row.setContentsMargins(0, 0, 0, 0)
        form_row.setSpacing(32)
        form_row.addLayout(form_left, 1)
        form_row.addLayout(form_right, 1)
        self.form_box.hide()

        # The title shares its line with the one action on the whole roster: the list keeps the height.
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(self.title, 1)
        head.addWidget(self.add_button)
        self.lay_out(head, self.summary, self.refusal, self.done, (self.list_box, 1), (self.form_box, 1))
        self._field: QLineEdit = self.fields["staff_id"]
        self._role_chosen = "staff"
        self.retranslate()

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.selected = None
        self.close_form()
        self._say("")
        allowed = self.admit()
        self.add_button.setVisible(allowed)
        if allowed:
            self.load()

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.close_form()
        self.view = None
        self.selected = None
        self.refusal.clear()
        self._fill()

    def subjects(self) -> set[str] | None:
        return None  # a roster item from the platform may change any row

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff roster"))
        self.add_button.setText(self.tr("Add staff"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.role_label.setText(self.tr("Role"))
        for role, choice in self.role_buttons.items():
            choice.setText(self.role_name(role))
        self.fields["cert_expires"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._fill()
        self._update()

    def role_name(self, role: str) -> str:
        return {"staff": self.tr("Staff"), "supervisor": self.tr("Supervisor"),
                "technician": self.tr("Technician")}.get(role, role)

    # -- the list ---------------------------------------------------------------------------

    def fetch(self) -> Task:
        return self.ctx.call(load_roster)

    def _loaded(self, view: StaffView) -> None:
        self._task = None
        self.view = view
        # The letters the roster's numbers use (a new number follows them), and the dash of a date.
        letters = sorted({c for row in view.rows for c in row.staff_id if not c.isdigit()})
        self.keypad.set_extra("".join(letters) + "-")
        self._show_keys()
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.refusal.show_error(error)

    def state_of(self, row: StaffRow) -> tuple[str, str]:
        """(words, theme state) for the row's certification and account."""
        if not row.active:
            return self.tr("deactivated"), "error"
        if row.cert_expired:
            return self.tr("certification expired"), "error"
        if row.locked and row.locked_until:
            until = f"{local_time(dt.datetime.fromisoformat(row.locked_until)):%H:%M}"
            return self.tr("locked after wrong PINs until {time}").format(time=until), "error"
        if row.cert_days_left <= EXPIRING_DAYS:
            return self.tr("certification expires in {days} days").format(days=row.cert_days_left), "warn"
        return self.tr("certified"), "ok"

    def _fill(self) -> None:
        clear_layout(self.rows)
        self.reset_buttons = {}
        self.unlock_buttons = {}
        view = self.view
        if view is None:
            self.summary.setText(self.tr("Loading the roster…") if self._task is not None else "")
            self.pager.of([])
            return
        expired = sum(1 for r in view.rows if r.cert_expired)
        expiring = sum(1 for r in view.rows if not r.cert_expired and r.cert_days_left <= EXPIRING_DAYS)
        locked = sum(1 for r in view.rows if r.locked)
        self.summary.setText(self.tr("{n} on the roster: {expiring} expiring within 30 days, {expired} expired, "
                                     "{locked} locked.").format(n=len(view.rows), expiring=expiring,
                                                                expired=expired, locked=locked))
        self.pager.set_size(self.area.fit())
        for row in self.pager.of(list(view.rows)):
            self.rows.addWidget(self._row(row))
        self.rows.addStretch(1)

    def _row(self, row: StaffRow) -> QWidget:
        """Who, and the certification's state in words; the certification; the row's actions."""
        frame, lines, buttons = row_frame()
        frame.setObjectName(f"staff_row_{row.staff_id}")
        top = QHBoxLayout()
        top.setSpacing(24)
        who = wrapped()
        who.setText(f"{row.staff_id}  {row.name}  {self.role_name(row.role)}")
        top.addWidget(who)
        words, state = self.state_of(row)
        standing = wrapped(state=state)
        standing.setObjectName(f"staff_state_{row.staff_id}")
        standing.setText(words)
        top.addWidget(standing, 1)
        lines.addLayout(top)
        cert = wrapped()
        cert.setText(self.tr("Certification {number}, until {date}").format(
            number=row.cert_no, date=row.cert_expires.isoformat()))
        lines.addWidget(cert)
        if row.locked or row.failures:
            unlock = button()
            unlock.setObjectName(f"staff_unlock_{row.staff_id}")
            unlock.setText(self.tr("Unlock"))
            unlock.clicked.connect(lambda _=False, sid=row.staff_id: self.unlock(sid))
            self.unlock_buttons[row.staff_id] = unlock
            buttons.addWidget(unlock)
        reset = button()
        reset.setObjectName(f"staff_reset_{row.staff_id}")
        reset.setText(self.tr("Reset PIN"))
        reset.clicked.connect(lambda _=False, sid=row.staff_id: self.open_pin(sid))
        self.reset_buttons[row.staff_id] = reset
        buttons.addWidget(reset)
        return frame

    def chosen_row(self) -> StaffRow | None:
        if self.view is None:
            return None
        return next((r for r in self.view.rows if r.staff_id == self.selected), None)

    # -- actions ----------------------------------------------------------------------------

    def unlock(self, staff_id: str) -> None:
        if self.actor is None or self._task is not None:
            return
        self._command(self.tr("{id} is unlocked and may log in again.").format(id=staff_id), staff.unlock, staff_id)

    def _command(self, done: str, command: Any, *args: Any, **kwargs: Any) -> None:
        assert self.actor is not None
        self.refusal.clear()
        self._say("")
        task = self.ctx.call(run, command, self.actor, *args, **kwargs)
        task.succeeded.connect(lambda _=None: self._done(done))
        task.failed.connect(self._refused)
        self._task = task
        self._update()

    def _done(self, words: str) -> None:
        self._task = None
        self.close_form()
        self._say(words)
        self.load()

    def _refused(self, error: BaseException) -> None:
        self._task = None
        for key in ("pin", "pin_again"):
            self.fields[key].clear()
        self.refusal.show_error(error)
        self._update()

    # -- the form ---------------------------------------------------------------------------

    def open_add(self) -> None:
        self._open("add")

    def open_pin(self, staff_id: str) -> None:
        self.selected = staff_id
        if self.chosen_row() is not None:
            self._open("pin")

    def _open(self, mode: str) -> None:
        self.mode = mode
        self.refusal.clear()
        self._say("")
        for field in self.fields.values():
            field.clear()
        self._role("staff")
        adding = mode == "add"
        for key in ("staff_id", "name", "cert_no", "cert_expires"):
            self.fields[key].setVisible(adding)
            self.labels[key].setVisible(adding)
        self.role_label.setVisible(adding)
        for choice in self.role_buttons.values():
            choice.setVisible(adding)
        self.list_box.hide()
        self.add_button.hide()
        # The form's own title says what it is for: the page's title and summary make room.
        self.title.hide()
        self.summary.hide()
        self.form_box.show()
        self._show_keys()
        self._target(self.fields["staff_id" if adding else "pin"])

    def _show_keys(self) -> None:
        # A PIN is digits only: the roster's letters and the date's dash stay off the keypad of a new PIN
        # (they typed nothing there).
        for char, key in self.keypad.keys.items():
            if not char.isdigit():
                key.setVisible(self.mode != "pin")

    def close_form(self) -> None:
        self.mode = "list"
        for field in self.fields.values():
            field.clear()
        self.form_box.hide()
        self.list_box.show()
        self.title.show()
        self.summary.show()
        self.add_button.setVisible(self.actor is not None)

    def _role(self, role: str) -> None:
        self._role_chosen = role
        for name, choice in self.role_buttons.items():
            choice.setChecked(name == role)

    def _target(self, field: QLineEdit) -> None:
        self._field = field
        for f in self.fields.values():
            if isinstance(f, TapField):
                restyle(f, state="ok" if f is field else "")
        self._update()

    def _key(self, key: str) -> None:
        self.refusal.clear()
        if not isinstance(self._field, TapField):
            return
        pin = self._field in (self.fields["pin"], self.fields["pin_again"])
        if pin and not (key.isdigit() or key in ("<", "CLEAR")):
            return
        self._field.setText(apply_key(self._field.text(), key, PIN_LIMIT if pin else 16))

    def _mark(self, text: str, key: str) -> str:
        # Which field the keypad types into, in words too (not by colour alone).
        return f"▶ {text}" if self.fields[key] is self._field else text

    def missing(self) -> str:
        """What the form still needs, in words ('' when it can be saved)."""
        f = {key: field.text().strip() for key, field in self.fields.items()}
        if self.mode == "add":
            if not f["staff_id"]:
                return self.tr("Type the new staff number on the keypad (e.g. S010).")
            if not f["name"]:
                return self.tr("Tap the name field and write the name.")
            if not f["cert_no"]:
                return self.tr("Tap the certification field and write its number.")
            if parse_day(f["cert_expires"]) is None:
                return self.tr("Type the certification's expiry date as YYYY-MM-DD.")
        if len(f["pin"]) < 6:
            return self.tr("Type the new PIN (6 to 12 digits).")
        if f["pin_again"] != f["pin"]:
            return self.tr("Type the same PIN again in the second PIN field.")
        return ""

    def _update(self) -> None:
        labels = {"staff_id": self.tr("Staff number"), "name": self.tr("Name"),
                  "cert_no": self.tr("Certificate no."), "cert_expires": self.tr("Valid until"),
                  "pin": self.tr("New PIN"), "pin_again": self.tr("PIN again")}
        for key, text in labels.items():
            self.labels[key].setText(self._mark(text, key))
        row = self.chosen_row()
        if self.mode == "pin" and row is not None:
            self.form_title.setText(self.tr("New PIN for {id} {name}").format(id=row.staff_id, name=row.name))
        else:
            self.form_title.setText(self.tr("Add a staff member"))
        todo = self.missing()
        self.form_hint.setText(todo or self.tr("Tap Save."))
        self.save_button.setEnabled(not todo and self._task is None)

    def save(self) -> None:
        if self.missing() or self._task is not None or self.actor is None:
            return
        f = {key: field.text().strip() for key, field in self.fields.items()}
        if self.mode == "pin":
            row = self.chosen_row()
            if row is None:
                return
            self._command(self.tr("{id} has a new PIN.").format(id=row.staff_id), staff.reset_pin, row.staff_id,
                          f["pin"])
            return
        expires = parse_day(f["cert_expires"])
        assert expires is not None
        self._command(self.tr("{id} {name} is on the roster and may log in.").format(id=f["staff_id"].upper(),
                                                                                      name=f["name"]),
                      staff.add_member, f["staff_id"], name=f["name"], role=self._role_chosen,
                      cert_no=f["cert_no"], cert_expires=expires, pin=f["pin"])
