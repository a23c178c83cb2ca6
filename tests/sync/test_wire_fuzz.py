"""Damaged input never escapes as anything but a WireError (no crash, no traceback)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync import wire
from sync.wire import kinds

DEVICE = wire.KeyPair.generate()
PLATFORM = wire.KeyPair.generate()
GOOD = wire.seal_batch(
    [wire.make_record(record_id=f"r{i}", seq=i, kind=kinds.HANDOVER_READY, subject="u",
                      training=False, created_at="2026-11-28T04:00:00Z", payload={"i": i})
     for i in range(3)],
    device_id="dev", batch_id="b", audit_head=None, signer=DEVICE.sign,
    recipient=PLATFORM.public.kem)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _open(data: bytes) -> None:
    wire.open_batch(data, sender=DEVICE.public.sign, recipient=PLATFORM.kem)


@FAST
@given(st.binary(max_size=400))
def test_random_bytes(data):
    try:
        _open(data)
    except wire.WireError as exc:
        assert exc.code in wire.CODES


@FAST
@given(st.integers(0, len(GOOD) - 1), st.integers(1, 255))
def test_any_single_byte_change_is_refused(at, xor):
    damaged = GOOD[:at] + bytes([GOOD[at] ^ xor]) + GOOD[at + 1:]
    try:
        _open(damaged)
    except wire.WireError as exc:
        assert exc.code in wire.CODES
    else:
        raise AssertionError(f"a change at byte {at} went unnoticed")


@FAST
@given(st.integers(0, len(GOOD) - 1))
def test_any_truncation_is_refused(cut):
    try:
        _open(GOOD[:cut])
    except wire.MalformedError as exc:
        assert exc.code == "bad_envelope"
    else:
        raise AssertionError(f"truncation at {cut} went unnoticed")


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=12))
def test_arbitrary_json_as_item_ack_record_or_offer(value):
    for check in (lambda v: wire.verify_item(v, PLATFORM.public.sign),
                  lambda v: wire.verify_ack(v if isinstance(v, dict) else {"x": v},
                                            PLATFORM.public.sign),
                  wire.validate_record,
                  lambda v: wire.EnrollmentOffer.parse(wire.canonical_json(v)),
                  wire.verify_enroll_request):
        try:
            check(value)
        except wire.WireError as exc:
            assert exc.code in wire.CODES
