"""Signed audit checkpoints and the acknowledgement that names one: shapes, signatures, links."""

from __future__ import annotations

import pytest

from sync import wire
from sync.wire import errors as codes

H1, H2, H3 = "1" * 64, "2" * 64, "3" * 64
ZERO = "0" * 64


@pytest.fixture(scope="module")
def device() -> wire.KeyPair:
    return wire.KeyPair.generate()


def test_a_checkpoint_round_trips_and_links(device: wire.KeyPair) -> None:
    first = wire.make_checkpoint(device.sign, seq=5, hash=H1, prev_seq=0, prev_hash=ZERO, at="t1")
    second = wire.make_checkpoint(device.sign, seq=9, hash=H2, prev_seq=5, prev_hash=H1, at="t2")
    chain = wire.verify_chain([first, second], device.public.sign)
    assert [c.ref for c in chain] == [(5, H1), (9, H2)] and chain[1].prev == (5, H1)
    assert chain[0].signed == first


@pytest.mark.parametrize("change", [{"seq": 6}, {"hash": H3}, {"prev_seq": 1}, {"at": "later"}])
def test_any_changed_field_fails_the_signature(device: wire.KeyPair, change: dict[str, object]) -> None:
    cp = wire.make_checkpoint(device.sign, seq=5, hash=H1, prev_seq=0, prev_hash=ZERO, at="t1")
    with pytest.raises(wire.SignatureError) as err:
        wire.verify_checkpoint({**cp, **change}, device.public.sign)
    assert err.value.code == codes.BAD_CHECKPOINT


@pytest.mark.parametrize("bad", [
    {"extra": 1}, {"hash": "xyz"}, {"seq": True}, {"seq": -1}, {"type": "ack"}, {"sig": "short"},
])
def test_malformed_checkpoints_are_refused_by_name(device: wire.KeyPair, bad: dict[str, object]) -> None:
    cp = wire.make_checkpoint(device.sign, seq=5, hash=H1, prev_seq=0, prev_hash=ZERO, at="t1")
    with pytest.raises(wire.MalformedError) as err:
        wire.verify_checkpoint({**cp, **bad}, device.public.sign)
    assert err.value.code == codes.BAD_CHECKPOINT


def test_a_checkpoint_must_come_after_its_predecessor_and_link_to_it(device: wire.KeyPair) -> None:
    backwards = wire.make_checkpoint(device.sign, seq=5, hash=H1, prev_seq=5, prev_hash=H2, at="t")
    with pytest.raises(wire.MalformedError, match="does not come after"):
        wire.verify_checkpoint(backwards, device.public.sign)
    first = wire.make_checkpoint(device.sign, seq=5, hash=H1, prev_seq=0, prev_hash=ZERO, at="t")
    stray = wire.make_checkpoint(device.sign, seq=9, hash=H2, prev_seq=5, prev_hash=H3, at="t")
    with pytest.raises(wire.MalformedError, match="does not link"):
        wire.verify_chain([first, stray], device.public.sign)


def test_extends_accepts_only_a_chain_through_the_held_checkpoint(device: wire.KeyPair) -> None:
    chain = wire.verify_chain([
        wire.make_checkpoint(device.sign, seq=5, hash=H1, prev_seq=0, prev_hash=ZERO, at="t"),
        wire.make_checkpoint(device.sign, seq=9, hash=H2, prev_seq=5, prev_hash=H1, at="t"),
    ], device.public.sign)
    for held in (None, (0, ZERO), (5, H1), (9, H2)):
        wire.check_extends(held, chain, device_id="d-1")
    for held in ((5, H3), (7, H1), (12, H3)):
        with pytest.raises(wire.RequestRefused) as err:
            wire.check_extends(held, chain, device_id="d-1")
        assert err.value.code == codes.AUDIT_DIVERGED and err.value.http_status == 409
    with pytest.raises(wire.RequestRefused, match="without an audit checkpoint"):
        wire.check_extends((5, H1), [], device_id="d-1")


def test_the_ack_names_the_held_checkpoint_under_the_platform_signature(device: wire.KeyPair) -> None:
    platform = wire.KeyPair.generate()
    ack = wire.make_ack(platform.sign, device_id="d-1", batch_id="b", accepted=["r"], rejected=[],
                        server_time=1.0, checkpoint=(9, H2))
    assert wire.verify_ack(ack, platform.public.sign).checkpoint == (9, H2)
    with pytest.raises(wire.SignatureError):
        wire.verify_ack({**ack, "checkpoint": {"seq": 12, "hash": H3}}, platform.public.sign)
    plain = wire.make_ack(platform.sign, device_id="d-1", batch_id="b", accepted=[], rejected=[], server_time=1.0)
    assert "checkpoint" not in plain and wire.verify_ack(plain, platform.public.sign).checkpoint is None
