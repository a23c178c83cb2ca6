"""我的办理: each unit of the buyer, what is done, what is still missing and the next step.

``enter(cases=[CaseOverview, ...])`` (from ``identify``) or
``enter(unit_codes=[...])`` (coming back from a step: loaded again, fresh);
either with ``presences=[Presence, ...]``, whose ID cards were read in this
session, handed on to ``read_sign`` (``kiosk.services.presence``).
One unit a page, with unit buttons when the buyer has several. Under the unit, what is missing
(with the next step) and then what is done, as whole blocks a page at a time (``ui.widgets.paged``:
buyer lists never scroll); one primary action, the first step the case allows (ux.md).

Language of what is missing: the views give each missing thing a stable
``code``, its Chinese ``reason`` / ``next_action`` and the services' English
``detail``. In Chinese the screen shows the views' own text (one wording for
the counter and the buyer). In English it shows ``detail`` and the next step
from this catalog, keyed by the code (``NEXT_STEP_EN``: English source strings
whose Chinese translations in ``buyer_zh_CN.ts`` are the views' wording); a code
this catalog does not know shows ``detail`` alone. Nothing is invented here:
the codes and their order come from ``kiosk.views.case``.
"""

from __future__ import annotations

from typing import Any

from kiosk.app import ChangeBatch, Kiosk
from kiosk.services.presence import Presence
from kiosk.views.case import CaseOverview

from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.buyer.common import Panel, label, note, plain_refusal, refusal_prompt, staff_line
from ui.screens.buyer.identify import navigator_of
from ui.tasks import Task
from ui.widgets.guard import GuardedButton, repeatable
from ui.widgets.fitting import Fitting
from ui.widgets.paged import Block, PageButtons, PagedBlocks

# What a page can offer the buyer to do.
READ_CONTRACT, SIGN_HANDOVER, PAY, DONE = "contract", "handover", "pay", "done"
# The screen each action opens: a button shows only when the shell has that screen.
TARGET = {READ_CONTRACT: "read_sign", SIGN_HANDOVER: "read_sign", PAY: "pay", DONE: "done"}
# What the voice says of the case shown (ui/voice/prompts.py).
STAGE_PROMPTS = {"blocked": "my_case.blocked", "ready": "my_case.ready", "in_handover": "my_case.in_handover",
                 "delivered": "my_case.delivered"}


def load_cases(kiosk: Kiosk, unit_codes: list[str]) -> list[CaseOverview]:
    return [kiosk.case(code) for code in unit_codes]


def actions_for(case: CaseOverview) -> list[str]:
    """What the buyer can do here now for this case (the services still decide when it is done)."""
    actions = []
    if case.contract is not None and case.contract.state == "draft":
        actions.append(READ_CONTRACT)
    if case.handover is not None and case.handover.state == "checked":
        actions.append(SIGN_HANDOVER)
    if any(m.code == "unpaid" for m in case.missing) and (case.order is None or case.order.state == "open"):
        actions.append(PAY)
    if case.stage == "delivered":
        actions.append(DONE)
    return actions


class MyCaseScreen(Fitting, Screen):
    """``enter(cases=[CaseOverview, ...])`` or ``enter(unit_codes=[str, ...])``, with ``presences``."""

    name = "my_case"
    audience = "buyer"
    holds_personal_data = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cases: list[CaseOverview] = []
        self.index = 0
        self.presences: list[Presence] = []
        self._task: Task | None = None
        self._spoken: tuple[str, str] = ("", "")  # the unit and stage the voice last said
        self._steps_of = ""  # the unit whose steps are shown
        self.title = label("title", wrap=False)
        self.unit = label("heading")
        self.unit.setObjectName("unit")
        self.stage = label()
        # What is missing and what is done, a page at a time (a 1280x800 panel in large text holds one
        # step below the unit); what to do next comes first.
        self.steps = PagedBlocks()
        self.steps.setObjectName("case_steps")
        self.pager = PageButtons(self.steps)
        self.error = note(state="error")
        self.error.setObjectName("error")
        self.staff_note = note("hint")
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(24)
        # The page buttons at the left of the actions' row, or at the foot of the panel where the row
        # cannot hold them beside the actions (``fit``).
        self.action_row.addWidget(self.pager)
        self.action_row.addStretch(1)
        self.action_buttons: dict[str, GuardedButton] = {}
        for action in (READ_CONTRACT, SIGN_HANDOVER, PAY, DONE):
            button = GuardedButton()
            button.setProperty("role", "primary")
            button.setMinimumSize(320, 96)
            button.clicked.connect(lambda _=False, a=action: self.act(a))
            self.action_buttons[action] = button
            self.action_row.addWidget(button)
        # Page buttons are repeatable: two quick taps turn two pages (not a double submit).
        self.previous_button = repeatable(QPushButton())
        self.next_button = repeatable(QPushButton())
        self.page_label = label(wrap=False)
        for pager_button in (self.previous_button, self.next_button):
            pager_button.setMinimumSize(200, 80)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))

        panel = self.panel = Panel()
        panel.box.setContentsMargins(32, 16, 32, 16)
        panel.box.setSpacing(8)
        panel.box.addWidget(self.unit)
        panel.box.addWidget(self.stage)
        panel.box.addWidget(self.steps, 1)
        # The page buttons share the title's row; the actions keep the bottom row to themselves.
        heading = self.heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.previous_button)
        heading.addWidget(self.page_label)
        heading.addWidget(self.next_button)
        # The unit buttons at the row's right end beside the title (in the middle of a 1920 px row they
        # stood adrift), at its left where the title gives way (``fit``).
        heading.addStretch(0)
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addWidget(panel, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.staff_note)
        layout.addLayout(self.action_row)
        self.retranslate()

    # -- moments ---------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.index = 0
        self.presences = list(args.get("presences", []))
        cases = args.get("cases")
        if cases is not None:
            self.show_cases(list(cases))
        else:
            self.show_cases([])
            self.load(list(args.get("unit_codes", ())))

    def load(self, unit_codes: list[str]) -> None:
        if not unit_codes:
            return
        self._task = self.ctx.call(load_cases, unit_codes)
        self._task.succeeded.connect(self.show_cases)
        self._task.failed.connect(self._failed)

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.cases = []
        self.index = 0
        self.presences = []
        self._spoken = ("", "")
        self.error.setText("")
        self.staff_note.setText("")
        self._render()

    def subjects(self) -> set[str] | None:
        return {c.unit_code for c in self.cases}

    def refresh(self, batch: ChangeBatch) -> None:
        self.load([c.unit_code for c in self.cases])

    def show_cases(self, cases: list[CaseOverview]) -> None:
        self.cases = cases
        self.index = min(self.index, max(0, len(cases) - 1))
        self._render()
        self._say_stage()

    def turn(self, step: int) -> None:
        self.index = max(0, min(len(self.cases) - 1, self.index + step))
        self._render()
        self._say_stage()

    def _say_stage(self) -> None:
        # Said when a case is shown or its stage changes, not again at every refresh of the same one.
        if not self.cases:
            return
        case = self.cases[self.index]
        if (case.unit_code, case.stage) != self._spoken and case.stage in STAGE_PROMPTS:
            self._spoken = (case.unit_code, case.stage)
            self.say(STAGE_PROMPTS[case.stage])

    def act(self, action: str) -> None:
        if not self.cases:
            return
        case = self.cases[self.index]
        nav = navigator_of(self)
        if nav is None:
            return
        if action == READ_CONTRACT:
            nav.go("read_sign", unit_code=case.unit_code, document="contract", presences=self.presences)
        elif action == SIGN_HANDOVER:
            nav.go("read_sign", unit_code=case.unit_code, document="handover", presences=self.presences)
        elif action == PAY:
            nav.go("pay", unit_code=case.unit_code)
        else:
            nav.go("done", unit_code=case.unit_code)

    def _failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self.error.setText(plain_refusal(error))
        self.say(refusal_prompt(error))
        self.staff_note.setText(staff_line(error))

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your home purchase"))
        self.action_buttons[READ_CONTRACT].setText(self.tr("Read and sign the contract"))
        self.action_buttons[SIGN_HANDOVER].setText(self.tr("Read and sign the handover papers"))
        self.action_buttons[PAY].setText(self.tr("Pay taxes and fees"))
        self.action_buttons[DONE].setText(self.tr("Certificate and evaluation"))
        self.previous_button.setText(self.tr("Previous unit"))
        self.next_button.setText(self.tr("Next unit"))
        self._render()

    def stage_text(self, stage: str) -> str:
        return {
            "blocked": self.tr("Not ready for handover yet."),
            "ready": self.tr("Ready for handover: please go to the counter with every co-owner."),
            "in_handover": self.tr("Your handover is under way."),
            "delivered": self.tr("Handed over. Your certificate is ready to keep."),
        }.get(stage, stage)

    def next_step_en(self, code: str) -> str:
        """The next step in English by the views' code (see the module docstring); '' when unknown."""
        steps = {
            "project_not_eligible": self.tr("Wait for the project's joint acceptance and first registration."),
            "contract_not_filed": self.tr("Sign the contract and wait for its filing number."),
            "contract_awaiting_filing": self.tr("Nothing to do: the filing number arrives with the next sync."),
            "unpaid": self.tr("Pay with the payment code; confirmation takes minutes."),
            "not_registered": self.tr("Wait for the registration office's result."),
            "developer_restricted": self.tr("A supervisor may allow it with a written reason. Please ask staff."),
            "keys_not_ready": self.tr("The developer confirms the keys when the flat is ready."),
            "holder_missing": self.tr("Every co-owner comes in person, or an agent with an authorisation."),
            "handover_not_started": self.tr("Go to the counter with every co-owner to start the handover."),
            "handover_not_checked": self.tr("Staff identify every co-owner, then check the case."),
            "papers_not_signed": self.tr("Every co-owner present signs both papers."),
            "certificate_not_bound": self.tr("Staff bind your certificate to the case."),
            "receipt_not_issued": self.tr("Staff print your receipt."),
            "keys_not_handed": self.tr("Staff hand over your keys."),
            "delivery_not_confirmed": self.tr("Staff confirm the delivery."),
        }
        return steps.get(code, "")

    def reason_en(self, code: str) -> str:
        """What is missing in plain English by the views' code; '' when unknown (then ``detail`` shows)."""
        reasons = {
            "project_not_eligible": self.tr("The project is not registered for handover yet."),
            "contract_not_filed": self.tr("The sale contract is not signed and filed yet."),
            "contract_awaiting_filing": self.tr("The sale contract is signed and waits to be filed."),
            "unpaid": self.tr("Taxes and fees are not all paid and confirmed yet."),
            "not_registered": self.tr("The transfer registration is not recorded yet."),
            "developer_restricted": self.tr("The developer is under a credit restriction."),
            "keys_not_ready": self.tr("The keys are not ready yet."),
            "holder_missing": self.tr("Not every co-owner is here."),
            "handover_not_started": self.tr("The handover has not started yet."),
            "handover_not_checked": self.tr("The handover checks are not done yet."),
            "papers_not_signed": self.tr("The handover papers are not signed yet."),
            "certificate_not_bound": self.tr("Your certificate is not ready at the counter yet."),
            "receipt_not_issued": self.tr("The receipt is not printed yet."),
            "keys_not_handed": self.tr("The keys are not handed over yet."),
            "delivery_not_confirmed": self.tr("The delivery is not confirmed yet."),
        }
        return reasons.get(code, "")

    def passed_en(self, check: str) -> str:
        passed = {
            "project_not_eligible": self.tr("The project is registered."),
            "contract_not_filed": self.tr("The contract is filed."),
            "unpaid": self.tr("Taxes and fees are paid."),
            "not_registered": self.tr("The transfer is registered."),
            "developer_restricted": self.tr("The developer is in good standing."),
            "keys_not_ready": self.tr("The keys are ready."),
            "holder_missing": self.tr("Every co-owner is here."),
        }
        return passed.get(check, check)

    def _render(self) -> None:
        has = bool(self.cases)
        for widget in (self.previous_button, self.next_button, self.page_label):
            widget.setVisible(len(self.cases) > 1)
        if not has:
            for widget in (self.unit, self.stage):
                widget.setText("")
            self.steps.set_blocks([], keep_page=False)
            self._steps_of = ""
            for button in self.action_buttons.values():
                button.setVisible(False)
            return
        case = self.cases[self.index]
        chinese = current_language() != "en"
        self.unit.setText(self.tr("{project}, building {building}, room {room}").format(
            project=case.project_name, building=case.building.lstrip("0") or "0",
            room=case.room.lstrip("0") or "0"))
        self.stage.setText(self.stage_text(case.stage))
        done = [g.reason if chinese else self.passed_en(g.check) for g in case.gates if g.passed]
        if case.stage == "delivered":
            done.append(self.tr("Delivered"))
        steps = []
        for n, m in enumerate(case.missing, start=1):
            if chinese:
                steps.append(f"{n}. {m.reason}\n  → {m.next_action}")
            else:
                step = self.next_step_en(m.code)
                steps.append(f"{n}. {self.reason_en(m.code) or m.detail}" + (f"\n  → {step}" if step else ""))
        # Another unit starts at its first page; a refresh of the same one keeps the page shown.
        same_unit, self._steps_of = self._steps_of == case.unit_code, case.unit_code
        self.steps.set_blocks([
            Block(self.tr("Still missing, and what to do"), "lead", leads=True),
            # A wrapped line continues under its text, not under the number, the arrow or the tick.
            *([Block(step, hanging=True) for step in steps] or [Block(self.tr("Nothing is missing."))]),
            Block(self.tr("Done"), "lead", leads=True),
            *(Block(f"✓ {line}", hanging=True) for line in done or [self.tr("Nothing yet.")]),
        ], keep_page=same_unit)
        self.page_label.setText(self.tr("Unit {n} of {total}").format(n=self.index + 1, total=len(self.cases)))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.cases) - 1)
        available = actions_for(case)
        nav = navigator_of(self)
        screens = set(nav.names()) if nav is not None else set()
        # One primary action (ux.md): the first the case allows, in the order the steps come.
        primary = next((a for a in available if TARGET[a] in screens), None)
        for action, button in self.action_buttons.items():
            button.setVisible(action == primary)
        self.fit()

    def fit(self) -> None:
        """The page buttons beside the actions when the row holds both, else at the panel's foot; the
        title beside the unit buttons when their row holds both, else only the buttons (the unit's own
        heading in the panel then names the page: English large text on a 1280 px panel)."""
        if not hasattr(self, "panel"):
            return  # Qt's first font change comes before the layout exists
        margins = self.box.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        actions = [b for b in self.action_buttons.values() if not b.isHidden()]
        spacing = self.action_row.spacing()
        need = self.pager.sizeHint().width() + sum(b.sizeHint().width() + spacing for b in actions)
        if len(self.cases) > 1:
            units = (self.title, self.previous_button, self.page_label, self.next_button)
            self.title.setVisible(sum(w.sizeHint().width() + 16 for w in units) - 16 <= room)
        else:
            self.title.setVisible(True)
        self.heading.setStretch(self.heading.count() - 1, 1 if self.title.isHidden() else 0)
        below = need > room
        if below == (self.panel.box.indexOf(self.pager) >= 0):
            return
        if below:
            self.action_row.removeWidget(self.pager)
            self.panel.box.addWidget(self.pager)
        else:
            self.panel.box.removeWidget(self.pager)
            self.action_row.insertWidget(0, self.pager)
        # Moved to another parent widget it is hidden (QWidget.setParent): show it again if it has pages.
        self.pager.setVisible(len(self.steps.pages) > 1)
