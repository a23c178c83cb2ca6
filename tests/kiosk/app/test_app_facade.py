"""The application facade: opening a kiosk, one calling convention, and what each command changed."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from pathlib import Path

import pytest

import kiosk.services
from hardware.devices import open_devices
from kiosk.app import PRINTER, Change, Kiosk, is_command, open_kiosk
from kiosk.config import load_config
from kiosk.errors import AuthError, CheckFailed, ConfigError, FlowError, ValidationError
from kiosk.services import certificates, handover, printing, staff
from kiosk.services.context import Context
from kiosk.services.samples import load_samples
from kiosk.services.staff import Actor

from .conftest import NOW, STAFF, audit_rows


def test_open_kiosk_refuses_a_directory_without_a_kiosk(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no kiosk database") as err:
        open_kiosk(load_config(tmp_path / "nothing-here"))
    assert "kiosk init" in (err.value.hint or "")


def test_open_kiosk_gives_store_config_and_one_clock(kiosk: Kiosk, data_dir: Path) -> None:
    assert kiosk.config.data_dir == data_dir and kiosk.store.path == data_dir / "kiosk.sqlite"
    assert kiosk.now() == NOW and kiosk.ctx.today() == NOW.date()
    outcome = kiosk.run(certificates.add_stock, Actor("tech", "system"), ["JX-0000001"])
    assert outcome.value == 1
    # Audit and row times follow the injected clock, like the flows' business dates.
    at = kiosk.store.read("SELECT at FROM audit WHERE seq = ?", (outcome.changes[0].seq,))[0]["at"]
    assert dt.datetime.fromisoformat(at) == NOW


def test_a_commands_changes_are_exactly_its_audit_entries(kiosk: Kiosk) -> None:
    stocked = kiosk
    stocked.run(certificates.add_stock, Actor("tech", "system"), ["JX-0000001"])
    before = audit_rows(stocked)[-1][0]
    outcome = stocked.simulate(1)
    assert outcome.value["delivered"] == 1
    appended = audit_rows(stocked, before)
    assert [(c.seq, c.kind, c.subject) for c in outcome.changes] == appended
    delivered = [c for c in outcome.changes if c.kind == "handover.deliver"]
    assert len(delivered) == 1 and delivered[0].state == "delivered"
    unit = delivered[0].unit
    assert unit is not None and len(unit) == 28
    started = next(c for c in outcome.changes if c.kind == "handover.start")
    assert (started.subject, started.unit, started.state) == (delivered[0].subject, unit, "delivered")
    queued = [c for c in outcome.changes if c.kind == "print.queued"]
    assert queued and all(c.unit == unit for c in queued)
    order = next(c for c in outcome.changes if c.kind == "payment.order")
    assert order.state == "paid" and order.unit == unit, "payment entries name their unit (as unit_code)"


def test_run_returns_the_value_and_the_subjects_state(stocked: Kiosk) -> None:
    unit = stocked.store.read("SELECT code FROM units ORDER BY code LIMIT 1")[0]["code"]
    outcome = stocked.run(handover.mark_keys_ready, STAFF, unit)
    assert outcome.value is None
    assert outcome.changes == (Change("unit.keys_ready", unit, outcome.changes[0].seq, unit, "registered"),)
    assert outcome.kinds() == ["unit.keys_ready"]


def test_a_refused_command_raises_its_documented_error_and_changes_nothing(stocked: Kiosk) -> None:
    head = audit_rows(stocked)[-1]
    with pytest.raises(FlowError) as err:
        stocked.run(handover.start, STAFF, "410425000000GB00000F00000000")
    assert err.value.code == "unknown_unit" and err.value.hint
    with pytest.raises(AuthError) as denied:
        stocked.run(certificates.void_serial, STAFF, "YL-0000001", "撕坏作废")
    assert denied.value.code == "not_permitted" and denied.value.hint == "ask a supervisor"
    assert audit_rows(stocked)[-1] == head


def test_only_commands_can_be_run(kiosk: Kiosk) -> None:
    def draft(ctx: Context, actor: Actor) -> None:
        raise AssertionError("never called")

    for not_a_command in (certificates.bind, printing.create_job, staff.login, draft):
        with pytest.raises(TypeError, match="is not a command"):
            kiosk.run(not_a_command, STAFF)  # type: ignore[arg-type]
    assert audit_rows(kiosk) == []


def test_every_services_module_lists_its_commands() -> None:
    """``__all__`` everywhere; each listed name is a function taking (ctx, actor, ...)."""
    import inspect

    for info in pkgutil.iter_modules(kiosk.services.__path__):
        module = importlib.import_module(f"kiosk.services.{info.name}")
        assert hasattr(module, "__all__"), f"kiosk.services.{info.name} has no __all__"
        for name in module.__all__:
            fn = getattr(module, name)
            assert is_command(fn)
            params = list(inspect.signature(fn).parameters)
            assert params[:1] == ["ctx"] and len(params) >= 2, f"{info.name}.{name}{params}"
    assert not is_command(certificates.bind) and is_command(handover.deliver)


def test_login_reads_the_security_settings(data_dir: Path, clock) -> None:
    (data_dir / "kiosk.toml").write_text("[security]\npin_max_failures = 2\nlockout_minutes = 5\n",
                                         encoding="utf-8")
    from kiosk.services.samples import install_samples, load_samples

    with open_kiosk(load_config(data_dir), clock=clock) as opened:
        opened.run(install_samples, Actor("installer", "system"), load_samples(), training=False)
        with pytest.raises(AuthError) as first:
            opened.login("S001", "000000")
        assert first.value.code == "wrong_pin" and "1 tries left" in str(first.value)
        with pytest.raises(AuthError) as second:
            opened.login("S001", "000000")
        assert second.value.code == "locked_out"
        clock.now = NOW + dt.timedelta(minutes=4)
        with pytest.raises(AuthError, match="locked"):
            opened.login("S001", "246810")
        clock.now = NOW + dt.timedelta(minutes=6)
        outcome = opened.login("S001", "246810")
    assert outcome.value == Actor("S001", "staff")
    assert [c.pair for c in outcome.changes] == [("staff.login", "S001")]


def test_print_pending_through_the_facade_and_the_device_facade(kiosk: Kiosk) -> None:
    stocked = kiosk
    stocked.simulate(2)
    devices = open_devices(stocked.config)
    assert devices.printer is not None and devices.a4_printer is not None
    receipts = stocked.print_pending(devices.printer.job_printer())
    run = receipts.value
    printed = [r for r in run.jobs if r.printed]
    # Each case queues its payment receipt and its handover receipt.
    assert run.printed == len(printed) == 4 and run.failed == 0
    assert sorted(r.kind for r in printed) == ["handover_receipt"] * 2 + ["payment_receipt"] * 2
    assert all(Path(f).is_file() for r in printed for f in r.files)
    waiting = [r for r in run.jobs if not r.printed]
    assert waiting and all(r.kind == "certificate" and not r.attempted and "receipt printer" in r.detail for r in waiting)
    done = [c for c in receipts.changes if c.kind == "print.done"]
    assert [c.subject for c in done] == [r.job for r in printed] and {c.state for c in done} == {"printed"}
    assert {c.seq for c in receipts.changes} and all(
        row["actor"] == PRINTER.label for row in stocked.store.read(
            "SELECT actor FROM audit WHERE action = 'print.done'"))

    # The certificate pages are rendered with Qt: tests/ui/documents/test_print_queue.py prints them.
    again = stocked.print_pending(devices.printer.job_printer()).value
    assert [r.job for r in again.jobs] == [r.job for r in waiting] and again.printed == 0 and again.failed == 0


def test_a_printer_that_fails_keeps_the_job_queued(kiosk: Kiosk, tmp_path: Path) -> None:
    stocked = kiosk
    stocked.simulate(1)
    (tmp_path / "printer").mkdir()
    (tmp_path / "printer" / "status.json").write_text('{"paper_out": true}', encoding="utf-8")
    from hardware.devices import receipt_job_printer

    printer = receipt_job_printer(stocked.config, uri=f"sim://{tmp_path / 'printer'}")
    outcome = stocked.print_pending(printer)
    # The case's payment receipt and handover receipt both stay queued, each with the reason.
    assert outcome.value.printed == 0 and outcome.value.failed == 2
    attempted = [r for r in outcome.value.jobs if r.attempted]
    assert all("out of paper" in r.detail for r in attempted)
    failed = attempted[0]
    assert [(c.kind, c.state) for c in outcome.changes] == [("print.failed", "failed")] * 2
    reprint = stocked.request_reprint(Actor("S003", "supervisor"), failed.job, "换纸后重打")
    assert [(c.kind, c.subject, c.state) for c in reprint.changes] == [("print.reprint", failed.job, "pending")]


def test_the_read_views_come_from_the_facade(kiosk: Kiosk) -> None:
    stocked = kiosk  # the training simulation brings its own projects and stock
    delivered = next(c for c in stocked.simulate(1).changes if c.kind == "handover.deliver")
    assert delivered.unit is not None
    unit = delivered.unit
    overview = stocked.case(unit)
    assert overview.unit_code == unit and overview.stage == "delivered" and overview.missing == ()
    assert stocked.handover(delivered.subject).state == "delivered"
    order = stocked.current_order(unit)
    assert order is not None and order.all_confirmed
    assert stocked.order(order.order_id) == order
    # Training cases are left out of the queue unless asked for, and found by their unit code.
    assert stocked.queue().total == 0
    found = stocked.queue(unit, include_training=True)
    assert (found.total, found.delivered) == (1, 1)
    roster = stocked.staff().rows
    assert roster and not any(hasattr(row, "pin_hash") for row in roster)


def test_presence_is_proven_through_the_facade(stocked: Kiosk) -> None:
    first, second = (u.buyers[0].id_number for u in load_samples().units[:2])
    head = audit_rows(stocked)[-1]
    mine = stocked.prove_presence("card", first)
    assert mine.method == "card" and len(mine.buyers) == 1 and mine.proof
    assert stocked.prove_signer("card", first, mine.buyers[0]).buyers == mine.buyers
    with pytest.raises(CheckFailed) as other:
        stocked.prove_signer("card", second, mine.buyers[0])
    assert other.value.code == "not_the_signer" and second not in str(other.value)
    with pytest.raises(ValidationError) as typed:
        stocked.prove_presence("typed", first)
    assert typed.value.code == "presence_not_proof"
    assert audit_rows(stocked)[-1] == head  # a proof changes nothing
