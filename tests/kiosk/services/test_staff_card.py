"""Staff known by their ID card: the roster keeps the card's keyed digest only, the card names the
staff member and the PIN is still checked by ``login``; every card that must not open the counter
is refused with its own code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.errors import AuthError, FlowError, ValidationError
from kiosk.services import staff
from kiosk.services.context import Context
from kiosk.services.platform_items import apply_staff_roster
from kiosk.services.samples import Samples, install_samples, load_samples
from kiosk.store import Store
from tests.privacy_needles import id_number, leaks

NOW = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.timezone.utc)
SAMPLES = load_samples()


def member(staff_id: str) -> staff.Actor:
    return staff.Actor(staff_id, "staff")


def card(staff_id: str, samples: Samples = SAMPLES) -> str:
    return next(s.id_number for s in samples.staff if s.id == staff_id)


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    context = Context(store, load_config(data_dir), clock=lambda: NOW)
    install_samples(context, staff.Actor("T001", "technician"), SAMPLES, training=False)
    return context


def refusal(ctx: Context, number: str) -> AuthError:
    with pytest.raises(AuthError) as caught:
        staff.card_holder(ctx, number)
    return caught.value


def test_the_card_names_the_staff_member_and_only_its_digest_is_kept(ctx: Context, data_dir: Path) -> None:
    assert staff.card_holder(ctx, card("S001")) == "S001"
    assert staff.card_holder(ctx, card("S003").lower()) == "S003", "read as the rules normalise it"
    row = ctx.store.read("SELECT id_index FROM staff WHERE id = 'S001'")[0]
    assert row["id_index"] == ctx.store.vault.blind_index(card("S001"))
    ctx.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    needles = [n for s in SAMPLES.staff for n in (s.id_number, s.id_number[:17])]
    for path in (p for p in data_dir.rglob("kiosk.sqlite*") if p.is_file()):
        assert leaks(path.read_bytes(), needles) == [], path


def test_the_pin_is_still_asked_and_counts_towards_the_lockout(ctx: Context) -> None:
    staff_id = staff.card_holder(ctx, card("S002"))
    for _ in range(4):
        with pytest.raises(AuthError):
            staff.login(ctx, staff_id, "000000")
    with pytest.raises(AuthError) as locked:
        staff.login(ctx, staff_id, "000000")
    assert locked.value.code == "locked_out"
    refused = refusal(ctx, card("S002"))
    assert refused.code == "locked_out" and "S002" in str(refused), "the card does not get round the lock"


def test_cards_that_must_not_open_the_counter(ctx: Context) -> None:
    expired = refusal(ctx, card("S009"))
    assert expired.code == "certificate_expired" and "JXDJ-2023-0041" in str(expired)
    buyer = SAMPLES.units[0].buyers[0].id_number
    assert refusal(ctx, buyer).code == "buyer_card"
    stranger = refusal(ctx, id_number("41042519990101", "013"))
    assert stranger.code == "unknown_card" and stranger.hint
    for error in (expired, stranger):
        assert not leaks(str(error).encode(), [buyer, card("S009")])
    with pytest.raises(ValidationError):
        staff.card_holder(ctx, "410425199901010130")  # a wrong check character is no card at all
    ctx.store.conn.execute("UPDATE staff SET active = 0 WHERE id = 'S001'")
    assert refusal(ctx, card("S001")).code == "inactive_staff"


def test_one_card_one_staff_member(ctx: Context) -> None:
    with pytest.raises(ValidationError) as taken, ctx.store.unit_of_work("test") as uow:
        staff.add_staff(uow, "S777", name="测试员", role="staff", cert_no="JX-777",
                        cert_expires=dt.date(2030, 1, 1), pin="246813", id_number=card("S001"))
    assert taken.value.code == "staff_card_taken" and "S001" in str(taken.value)
    assert card("S001") not in str(taken.value) and card("S001")[-4:] in str(taken.value), "masked"
    assert not ctx.store.read("SELECT id FROM staff WHERE id = 'S777'"), "the unit of work rolled back"


def test_the_platform_roster_carries_the_card(ctx: Context) -> None:
    number = id_number("41042519900505", "021")
    entry = {"id": "S100", "name": "测试员", "role": "staff", "cert_no": "JX-100", "cert_expires": "2030-01-01",
             "pin_hash": staff.hash_pin("246813"), "id_number": number}
    item = {"item_id": "i-1", "kind": "staff.roster", "subject": "JX-SP01", "data": {"staff": [entry]}}
    with ctx.store.unit_of_work("system:sync") as uow:
        apply_staff_roster(uow, item)
    assert staff.card_holder(ctx, number) == "S100"
    entry["id_number"] = card("S001")
    with pytest.raises(FlowError) as bad, ctx.store.unit_of_work("system:sync") as uow:
        apply_staff_roster(uow, item)
    assert bad.value.code == "bad_item" and "S100" in str(bad.value)
    assert staff.card_holder(ctx, number) == "S100", "the refused roster changed nothing"


def test_the_simulated_reader_carries_every_sample_staff_card() -> None:
    from hardware.idcard.simulator import SAMPLE_CARDS

    for sample in SAMPLES.staff:
        on_reader = SAMPLE_CARDS[f"staff_{sample.id.lower()}"]
        assert (on_reader.id_number, on_reader.name) == (sample.id_number, sample.name)
