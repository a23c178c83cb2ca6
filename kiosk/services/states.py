"""Case state machines, all in one place.

Each machine lists its allowed (state, step) -> next state transitions. A
flow never assigns a state itself: it asks ``advance``, which raises
``IllegalTransition`` naming the current state and the attempted step.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.errors import IllegalTransition

__all__: list[str] = []


@dataclass(frozen=True)
class Machine:
    name: str
    initial: str
    transitions: dict[tuple[str, str], str]

    def advance(self, current: str, step: str) -> str:
        try:
            return self.transitions[(current, step)]
        except KeyError:
            allowed = sorted(s for (state, s) in self.transitions if state == current)
            raise IllegalTransition(
                f"{self.name}: cannot '{step}' while the case is '{current}'",
                hint=("allowed now: " + ", ".join(allowed)) if allowed else "this case is finished",
            ) from None

    @property
    def states(self) -> set[str]:
        return {s for s, _ in self.transitions} | set(self.transitions.values())


FIRST_REGISTRATION = Machine("first registration", "open", {
    ("open", "request"): "requested",
    ("requested", "approve"): "approved",
    ("requested", "reject"): "open",
})

CONTRACT = Machine("contract", "draft", {
    ("draft", "sign"): "signed",
    ("draft", "discard"): "discarded",
    # A draft is a version too: once made, its text and hash are in the audit log, so an auditor expects
    # a corrected draft to be a new version with the reason, never the draft rewritten in place.
    ("draft", "supersede"): "superseded",
    ("signed", "file"): "filed",
    ("signed", "supersede"): "superseded",
    ("filed", "supersede"): "superseded",
})

PAYMENT_ORDER = Machine("payment order", "open", {
    ("open", "pay"): "paid",
    ("open", "void"): "void",
    ("paid", "refund"): "refunded",
})

PAYMENT_ITEM = Machine("payment item", "due", {
    ("due", "confirm"): "confirmed",
    ("due", "void"): "void",
    ("confirmed", "refund"): "refunded",
})

HANDOVER = Machine("handover", "open", {
    ("open", "check"): "checked",
    ("open", "cancel"): "cancelled",
    ("checked", "check"): "checked",
    ("checked", "sign"): "signed",
    ("checked", "cancel"): "cancelled",
    ("signed", "bind_certificate"): "certificate_bound",
    ("signed", "cancel"): "cancelled",
    ("certificate_bound", "receipt"): "receipt_issued",
    ("receipt_issued", "hand_keys"): "keys_handed",
    ("keys_handed", "deliver"): "delivered",
})

CERTIFICATE = Machine("certificate", "recorded", {
    ("recorded", "bind"): "bound",
    ("recorded", "mail"): "mail_requested",
    ("bound", "deliver"): "delivered",
    ("bound", "unbind"): "recorded",
    ("mail_requested", "ship"): "mailed",
})

MAIL_REQUEST = Machine("mail request", "requested", {
    ("requested", "track"): "shipped",
    ("shipped", "track"): "shipped",
    ("requested", "cancel"): "cancelled",
})
