"""The kiosk core and the wire protocol may not import each other, so both spell the
record and item kinds; this checks they spell them the same way."""

from __future__ import annotations

from kiosk import kinds as core
from sync.wire import kinds as wire


def constants(module: object) -> dict[str, str]:
    return {name: value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}


def test_item_kinds_agree() -> None:
    assert core.ITEM_KINDS == wire.ITEM_KINDS


def test_shared_names_have_the_same_value() -> None:
    ours, theirs = constants(core), constants(wire)
    shared = set(ours) & set(theirs)
    assert len(shared) >= 20
    assert {n: ours[n] for n in shared} == {n: theirs[n] for n in shared}


def test_every_kind_the_gateway_reacts_to_is_known_to_the_kiosk() -> None:
    for name in ("FIRST_REGISTRATION_REQUESTED", "REGISTRATION_REQUESTED", "HANDOVER_READY",
                 "CONTRACT_SIGNED", "PAYMENT_ORDER", "MAIL_REQUESTED"):
        assert getattr(core, name) == getattr(wire, name)


def test_every_item_kind_has_a_kiosk_handler() -> None:
    from kiosk.services.inbound import load_handlers

    assert core.ITEM_KINDS <= set(load_handlers())
