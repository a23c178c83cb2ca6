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


def test_an_item_signed_by_the_wire_module_verifies_in_the_core() -> None:
    from kiosk.identity import Enrollment, b64, platform_signed
    from sync import wire

    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    enrollment = Enrollment("d-1", "http://127.0.0.1:9", "SP", b64(sign_raw), b64(kem_raw),
                            platform.public.fingerprint(), "2026-11-28T00:00:00+00:00")
    item = wire.make_item(platform.sign, item_id="i-1", kind=core.REGISTRATION_RECORDED, subject="U",
                          issued_at="2026-11-28T00:00:00+00:00", data={"certificate_no": "豫(2026)郏县不动产权第0000001号"})
    assert platform_signed(item, enrollment)
    assert not platform_signed({**item, "subject": "V"}, enrollment)
    assert not platform_signed({**item, "sig": item["sig"][:-4] + "AAAA"}, enrollment)
    assert not platform_signed({k: v for k, v in item.items() if k != "sig"}, enrollment)
