"""Contracts (网签): one unit's sale contract from draft to filing, and its versions.

Find the unit by (a part of) its code, typed on the keypad or scanned. Then: draft version 1 from
the template; have every buyer sign it on this screen, turned to each buyer in turn (the
``SignaturePad`` the buyers' own signing screen uses); the filing number arrives from the platform
through the sync and the change feed shows it here. No version ever changes, a draft included: a
correction is a new version, with the reason and, when the price changed, the new price.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.app import Kiosk
from kiosk.errors import ValidationError
from kiosk.services import contracts
from kiosk.services.staff import Actor
from kiosk.views.contracts import CONTRACT_STATE_NAMES, ContractVersion, UnitContracts, UnitMatch
from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QResizeEvent, QVBoxLayout, QWidget
from ui.screens.base import ACROSS, on_portrait_panel, turn
from ui.screens.counter.common import (STAFF_TARGET, TapField, button,
                                       wrapped)
from ui.screens.office.listing import clear_layout, shown_time
from ui.screens.office.unit_search import UnitCasework
from ui.widgets.signature import SignaturePad

HISTORY_SHOWN = 4  # the latest versions; older ones stay in the store and the audit log


def load(kiosk: Kiosk, unit_code: str) -> UnitContracts:
    return kiosk.contracts(unit_code)


def draft(kiosk: Kiosk, actor: Actor, unit_code: str) -> UnitContracts:
    kiosk.run(contracts.draft, actor, unit_code)
    return kiosk.contracts(unit_code)


def correct(kiosk: Kiosk, actor: Actor, contract_id: str, unit_code: str, reason: str,
            price_fen: int | None) -> UnitContracts:
    kiosk.run(contracts.correct, actor, contract_id, reason, price_fen=price_fen)
    return kiosk.contracts(unit_code)


def sign(kiosk: Kiosk, actor: Actor, contract_id: str, unit_code: str,
         bundles: dict[int, dict[str, Any]]) -> UnitContracts:
    kiosk.run(contracts.sign, actor, contract_id, bundles)
    return kiosk.contracts(unit_code)


def price_in_fen(text: str) -> int | None:
    """A typed price in yuan (``445710`` or ``445710.5``) in fen; None when left empty."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        yuan = Decimal(text)
    except InvalidOperation:
        yuan = Decimal(-1)
    if yuan <= 0 or yuan != yuan.quantize(Decimal("0.01")):
        raise ValidationError(f"price {text!r} is not an amount in yuan with at most two decimals",
                              field="price", hint="type the new price in yuan, e.g. 445710.00")
    return int(yuan * 100)


class ContractsScreen(UnitCasework):
    """``office_contracts``: enter(unit_code: str = '') opens that unit's contract; enter(search: str = '')
    shows the units found by that part of a code; else the search alone."""

    name = "office_contracts"
    holds_personal_data = True  # masked holders, the buyers' signatures while they sign

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, load, parent)
        self.unit: UnitContracts | None = None
        self.matches: tuple[UnitMatch, ...] | None = None
        self.bundles: dict[int, dict[str, Any]] = {}
        self.signer = 0  # index into the holders while signing
        self.history_rows: list[QLabel] = []

        # The unit.
        self.unit_heading = wrapped("heading")
        self.unit_heading.setObjectName("unit_heading")
        self.holders = wrapped()
        self.holders.setObjectName("holders")
        self.current_line = wrapped()
        self.current_line.setObjectName("current_contract")
        self.draft_button = button("primary")
        self.draft_button.setObjectName("draft")
        self.draft_button.clicked.connect(self.make_draft)
        self.sign_button = button("primary")
        self.sign_button.setObjectName("start_signing")
        self.sign_button.clicked.connect(self.start_signing)
        self.correct_button = button()
        self.correct_button.setObjectName("correct")
        self.correct_button.clicked.connect(self.open_correction)
        self.history = QVBoxLayout()
        self.history.setSpacing(4)

        # The correction form.
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMinimumHeight(STAFF_TARGET)
        self.price = TapField()
        self.price.setObjectName("price")
        self.price.setMinimumHeight(STAFF_TARGET)
        self.price.tapped.connect(lambda: self.finder.type_into(self.price))
        self.save_button = button("primary")
        self.save_button.setObjectName("save_correction")
        self.save_button.clicked.connect(self.save_correction)
        self.cancel_button = button()
        self.cancel_button.setObjectName("cancel_correction")
        self.cancel_button.clicked.connect(self.close_panels)
        self.form_heading = wrapped("heading")

        # Signing: the pad turned to each buyer in turn.
        self.signer_line = wrapped("heading")
        self.signer_line.setObjectName("signer")
        self.pad = SignaturePad("", "", beside=True)
        self.pad.setObjectName("signature_pad")
        self.pad.name_label.hide()
        self.pad.confirmed.connect(self._signed_one)
        self.stop_signing = button()
        self.stop_signing.setObjectName("stop_signing")
        self.stop_signing.clicked.connect(self.close_panels)

        self.overview = QWidget()
        over = QVBoxLayout(self.overview)
        over.setContentsMargins(0, 0, 0, 0)
        over.setSpacing(12)
        over.addWidget(self.current_line)
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.draft_button)
        actions.addWidget(self.sign_button)
        actions.addStretch(1)
        actions.addWidget(self.correct_button)
        over.addLayout(actions)
        over.addLayout(self.history)
        over.addStretch(1)

        self.correction = QWidget()
        form = QVBoxLayout(self.correction)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.form_heading, 1)
        top.addWidget(self.cancel_button)
        form.addLayout(top)
        fields = QHBoxLayout()
        fields.setSpacing(16)
        fields.addWidget(self.reason, 3)
        fields.addWidget(self.price, 2)
        form.addLayout(fields)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addLayout(save_row)
        form.addStretch(1)

        self.signing = QWidget()
        signing = QVBoxLayout(self.signing)
        signing.setContentsMargins(0, 0, 0, 0)
        signing.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(self.signer_line, 1)
        head.addWidget(self.stop_signing)
        signing.addLayout(head)
        signing.addWidget(self.pad)
        signing.addStretch(1)

        main = QVBoxLayout()
        main.setSpacing(12)
        main.addWidget(self.unit_heading)
        main.addWidget(self.holders)
        main.addWidget(self.refusal)
        # One of these at a time, by visibility (a stack would be as tall as its tallest page).
        for part in (self.found, self.overview, self.correction, self.signing):
            main.addWidget(part, 1)
            part.hide()
        # The search beside the unit, or above it on a portrait panel (a unit code heading is one unbroken
        # word, too wide to stand beside the search there).
        self.columns = QBoxLayout(ACROSS, self.body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(48)
        self.columns.addWidget(self.finder)
        self.columns.addLayout(main, 1)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.columns,))
        self.columns.setSpacing(24 if portrait else 48)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # ux.md's signing box for the panel: 1000x400 with the buttons below it on a portrait one. Asked on
        # every resize, not once per turn: the box changes its size only while it is empty.
        portrait = on_portrait_panel(self)
        self.pad.arrange(beside=not portrait, portrait=portrait)

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self._reset()
        code = str(args.get("unit_code", ""))
        if self.signed_in() and code:
            self.open_unit(code)
        elif self.signed_in() and args.get("search"):
            self.search_for(str(args["search"]))

    def _reset(self) -> None:
        self.unit = None
        self.matches = None
        self.bundles = {}
        self.finder.field.clear()
        self.refusal.clear()
        self.pad.reset("", "")
        self.close_panels()

    def subjects(self) -> set[str] | None:
        if self.unit is None:
            return set()
        return {self.unit.unit_code} | {v.contract_id for v in self.unit.versions}

    def waiting(self) -> bool:
        # A filing number arrived (or another screen changed the contract): never reloaded under a buyer's pen,
        # nor under staff typing a correction (the reload would close the form and lose the reason); saving
        # the correction answers with the contract as it is then.
        return self.signing.isVisible() or self.correction.isVisible()

    def retranslate(self) -> None:
        self.finder.heading.setText(self.tr("Contracts: find the unit"))
        self.draft_button.setText(self.tr("Draft the contract"))
        self.sign_button.setText(self.tr("Buyers sign"))
        self.correct_button.setText(self.tr("Correct: new version"))
        self.reason.setPlaceholderText(self.tr("Reason for the correction (required)"))
        self.price.setPlaceholderText(self.tr("New price (yuan)"))
        self.save_button.setText(self.tr("Save the new version"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.stop_signing.setText(self.tr("Stop signing"))
        self.signed_in()
        self._show()

    # -- store calls ------------------------------------------------------------------------

    def _call(self, fn: Any, *args: Any) -> None:
        super()._call(fn, *args)
        for b in (self.draft_button, self.sign_button, self.correct_button, self.save_button):
            b.setEnabled(False)

    def _answered(self, value: object) -> None:
        self._task = None
        if isinstance(value, UnitContracts):
            self.unit = value
            self.matches = None
            self.close_panels()
        elif isinstance(value, tuple):
            self.matches = value
            self.unit = None
            self.close_panels()
        self._show()

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        if self.signing.isVisible():
            self.close_panels()  # the buyers sign again from the first, on a contract as it is now
        self._show()

    # -- actions ----------------------------------------------------------------------------

    def make_draft(self) -> None:
        if self.actor is not None and self.unit is not None:
            self.refusal.clear()
            self._call(draft, self.actor, self.unit.unit_code)

    def open_correction(self) -> None:
        self.refusal.clear()
        self.reason.clear()
        self.price.clear()
        self._panel(self.correction)
        self._show()

    def save_correction(self) -> None:
        actor, unit = self.actor, self.unit
        if actor is None or unit is None or unit.current is None:
            return
        self.refusal.clear()
        try:
            fen = price_in_fen(self.price.text())
        except ValidationError as error:
            self.refusal.show_error(error)
            return
        self._call(correct, actor, unit.current.contract_id, unit.unit_code, self.reason.text(), fen)

    def start_signing(self) -> None:
        if self.unit is None or self.unit.current is None or not self.unit.holders:
            return
        self.refusal.clear()
        self.bundles = {}
        self.signer = 0
        self._panel(self.signing)
        self._prepare_pad()

    def _prepare_pad(self) -> None:
        assert self.unit is not None and self.unit.current is not None
        holder = self.unit.holders[self.signer]
        self.pad.reset(self.unit.current.doc_sha256, holder.name_masked)
        self._signer_text()

    def _signer_text(self) -> None:
        if self.unit is None or not self.signing.isVisible() or self.signer >= len(self.unit.holders):
            return
        holder = self.unit.holders[self.signer]
        self.signer_line.setText(self.tr("Buyer {n} of {total} signs: {name} ({id})").format(
            n=self.signer + 1, total=len(self.unit.holders), name=holder.name_masked, id=holder.id_masked))

    def _signed_one(self, bundle: dict[str, Any]) -> None:
        unit, actor = self.unit, self.actor
        if unit is None or unit.current is None or actor is None:
            return
        self.bundles[unit.holders[self.signer].buyer_id] = bundle
        self.signer += 1
        if self.signer < len(unit.holders):
            self._prepare_pad()
            return
        self.signer_line.setText(self.tr("Every buyer has signed; the contract is being sealed…"))
        self._call(sign, actor, unit.current.contract_id, unit.unit_code, dict(self.bundles))

    def close_panels(self) -> None:
        self.bundles = {}
        self.signer = 0
        self.correction.hide()
        self.signing.hide()
        self.finder.show()
        self.holders.show()
        self.unit_heading.show()
        self._show()

    def _panel(self, panel: QWidget) -> None:
        for part in (self.found, self.overview, self.correction, self.signing):
            part.setVisible(part is panel)
        # Turned to a buyer, the screen shows the signing alone: the pad needs the width, the search is staff's.
        self.finder.setVisible(panel is not self.signing)
        # No unit open while the matches show: its empty lines would take the height of a match.
        self.holders.setVisible(panel not in (self.signing, self.found))
        self.unit_heading.setVisible(panel not in (self.signing, self.found))

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        if self.signing.isVisible():
            self._signer_text()
            return
        if self.correction.isVisible():
            self._fill_unit()
            self.form_heading.setText(self.tr("Correct version {n}").format(
                n=self.unit.current.version if self.unit and self.unit.current else ""))
            self.save_button.setEnabled(self._task is None)
            return
        if self.unit is not None:
            self._panel(self.overview)
            self._fill_unit()
            return
        self.unit_heading.clear()
        self.holders.clear()
        self._panel(self.found)
        self.found.show_matches(self.matches)

    def _fill_unit(self) -> None:
        unit = self.unit
        assert unit is not None
        self.unit_heading.setText(unit.unit_code)
        self.holders.setText(f"{unit.project_name} {unit.building}-{unit.room} · " + self.tr("Buyers: {list}").format(
            list="；".join(f"{h.position}. {h.name_masked} {h.id_masked}" for h in unit.holders)))
        current = unit.current
        idle = self._task is None
        self.draft_button.setVisible(current is None)
        self.draft_button.setEnabled(idle)
        self.sign_button.setVisible(current is not None and current.state == "draft")
        self.sign_button.setEnabled(idle)
        self.correct_button.setVisible(current is not None)
        self.correct_button.setEnabled(idle)
        self.current_line.setText(self._current_text(current))
        clear_layout(self.history)
        self.history_rows = []
        for v in unit.versions[:HISTORY_SHOWN]:
            row = wrapped("hint")
            row.setText(self._version_text(v))
            self.history_rows.append(row)
            self.history.addWidget(row)

    def _current_text(self, current: ContractVersion | None) -> str:
        if current is None:
            return self.tr("No contract yet: draft it from the template with the unit's price.")
        price = current.price_text
        if current.state == "draft":
            return self.tr("Version {n}, draft, price ¥{price}: each buyer signs it on this screen.").format(
                n=current.version, price=price)
        if current.state == "signed":
            return self.tr("Version {n}, signed on {when}, price ¥{price}: the filing number arrives from the "
                           "platform with the sync.").format(n=current.version, price=price,
                                                              when=shown_time(self.ctx, current.signed_at))
        return self.tr("Version {n}, filed as {filing}, price ¥{price}.").format(
            n=current.version, filing=current.filing_no, price=price)

    def _version_text(self, v: ContractVersion) -> str:
        text = self.tr("Version {n} · {state} · ¥{price} · drafted {when}").format(
            n=v.version, state=self._state_word(v.state), price=v.price_text, when=shown_time(self.ctx, v.created_at))
        if v.reason:
            text += self.tr(" · corrected because: {reason}").format(reason=v.reason)
        return text

    def _state_word(self, state: str) -> str:
        if current_language() != "en":
            return CONTRACT_STATE_NAMES.get(state, state)
        words = {"draft": self.tr("draft, to be signed"), "signed": self.tr("signed, awaiting filing"),
                 "filed": self.tr("filed"), "superseded": self.tr("replaced by a correction"),
                 "discarded": self.tr("discarded")}
        return words.get(state, state)
