"""The technician's upkeep through the facade: marking a quarantined record dealt with (who may,
with what note, which record), the diagnostics view, USB stick discovery and the diagnostics zip."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import Kiosk, open_kiosk
from kiosk.config import load_config
from kiosk.diagnostics import bundle_name, removable_media
from kiosk.errors import AuthError, FlowError, ValidationError
from kiosk.services.context import Context
from kiosk.services.credit import record_violation
from kiosk.services.maintenance import resolve_quarantined
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.staff import Actor
from kiosk.store import Store, outbox, quarantine
from kiosk.views.diagnostics import LOG_TAIL_BYTES
from sync.outbox import Rejection, settle

TECHNICIAN = Actor("T001", "technician")
SUPERVISOR = Actor("S003", "supervisor")
STAFF = Actor("S001", "staff")
ID_NUMBER = "410425199001011237"


@pytest.fixture
def kiosk(store: Store, data_dir: Path) -> Iterator[Kiosk]:
    config = load_config(data_dir)
    install_samples(Context(store, config), Actor("installer", "system"), load_samples(), training=False)
    with open_kiosk(config) as opened:
        yield opened


def quarantined(store: Store, data_dir: Path, count: int, reason: str = "unit code not in the register") \
        -> list[str]:
    ctx = Context(store, load_config(data_dir))
    for n in range(count):
        record_violation(ctx, STAFF, "91410425MA4KJX3T7R", "late_handover", f"keys {n} days late")
    pending, _ = outbox.read_pending(store, 10_000)
    ids = [r.record_id for r in pending[-count:]]
    settle(store, batch_id="b-1", accepted=[], rejected=[Rejection(rid, "unit_unknown", reason) for rid in ids])
    return ids


def test_a_technician_marks_a_record_dealt_with(kiosk: Kiosk, store: Store, data_dir: Path) -> None:
    first, second = quarantined(store, data_dir, 2)
    outcome = kiosk.run(resolve_quarantined, TECHNICIAN, first, "  unit code   corrected ")
    assert [(c.kind, c.subject) for c in outcome.changes] == [("quarantine.resolved", first)]
    assert [r.record_id for r in quarantine.open_records(store)] == [second]
    assert kiosk.status()["quarantined"] == 1
    # The record stays in the outbox as quarantined: nothing is sent again by marking it.
    assert outbox.counts(store)[outbox.QUARANTINED] == 2
    detail = json.loads(store.conn.execute("SELECT detail FROM audit WHERE action = 'quarantine.resolved'")
                        .fetchone()[0])
    assert detail == {"kind": "violation.recorded", "code": "unit_unknown", "note": "unit code corrected"}
    kiosk.run(resolve_quarantined, SUPERVISOR, second, "county informed by phone")
    assert quarantine.count_open(store) == 0


def test_refusals(kiosk: Kiosk, store: Store, data_dir: Path) -> None:
    (record,) = quarantined(store, data_dir, 1)
    with pytest.raises(AuthError) as refused:
        kiosk.run(resolve_quarantined, STAFF, record, "unit code corrected")
    assert refused.value.code == "not_permitted"
    with pytest.raises(ValidationError) as short:
        kiosk.run(resolve_quarantined, TECHNICIAN, record, " ok ")
    assert short.value.code == "reason_required"
    with pytest.raises(FlowError) as unknown:
        kiosk.run(resolve_quarantined, TECHNICIAN, "no-such-record", "unit code corrected")
    assert unknown.value.code == "unknown_quarantined"
    assert quarantine.count_open(store) == 1  # nothing of the refused attempts stuck
    kiosk.run(resolve_quarantined, TECHNICIAN, record, "unit code corrected")
    with pytest.raises(FlowError) as again:
        kiosk.run(resolve_quarantined, TECHNICIAN, record, "unit code corrected")
    assert again.value.code == "unknown_quarantined"


def test_diagnostics_view_scrubs_and_reads_every_log(kiosk: Kiosk, store: Store, data_dir: Path) -> None:
    quarantined(store, data_dir, 1, reason=f"buyer {ID_NUMBER} unknown")
    folder = data_dir / "logs"
    folder.mkdir(exist_ok=True)
    lines = [json.dumps({"ts": f"2026-11-30T0{n}:00:00.000+00:00", "level": "INFO", "process": "agent",
                         "msg": f"line {n}"}) for n in range(3)]
    (folder / "agent.jsonl").write_text("\n".join(lines) + "\nnot json " + ID_NUMBER + "\n", encoding="utf-8")
    (folder / "agent.jsonl.1").write_text(json.dumps({"ts": "2020-01-01T00:00:00+00:00", "msg": "rotated"}) + "\n")
    view = kiosk.diagnostics()
    assert view.enrolled is False and view.device_id == "" and view.outbox_pending == 0
    assert [q.reason for q in view.quarantine] == ["buyer 410425********1237 unknown"]
    messages = [line.message for line in view.log_lines]
    assert "rotated" not in messages  # only the current files: the rotated ones are older
    # A line that is not a log object is kept, scrubbed, without a time (so first).
    assert messages == ["not json 410425********1237", "line 0", "line 1", "line 2"]
    assert view.log_lines[0].ts == "" and view.log_lines[0].level == ""
    # Times on the county's clock (China, UTC+8).
    assert next(line.ts for line in view.log_lines if line.message == "line 1") == "2026-11-30 09:00:00"


def test_a_log_tail_that_starts_inside_a_line_drops_that_line(kiosk: Kiosk, data_dir: Path) -> None:
    folder = data_dir / "logs"
    folder.mkdir(exist_ok=True)
    line = json.dumps({"ts": "2026-11-30T01:00:00+00:00", "level": "INFO", "process": "app", "msg": "x" * 200})
    count = LOG_TAIL_BYTES // len(line) + 5
    (folder / "app.jsonl").write_text("\n".join([line] * count) + "\n", encoding="utf-8")
    view = kiosk.diagnostics()
    assert view.log_lines and all(entry.message == "x" * 200 for entry in view.log_lines)


def test_removable_media(tmp_path: Path) -> None:
    media, run_media = tmp_path / "media", tmp_path / "run-media"
    (media / "USB-A").mkdir(parents=True)           # /media/<label> (usbmount)
    (media / "kiosk" / "USB-B").mkdir(parents=True)  # /media/<user>/<label> (udisks)
    (media / "kiosk" / "not-mounted").mkdir()
    (media / "USB-A" / "USB-inside").mkdir()         # a folder on a stick is not another stick
    (run_media / "kiosk" / "USB-C").mkdir(parents=True)
    found = removable_media((media, run_media, tmp_path / "missing"),
                            is_volume=lambda path: path.name.startswith("USB"))
    assert found == [media / "USB-A", media / "kiosk" / "USB-B", run_media / "kiosk" / "USB-C"]
    assert removable_media((tmp_path / "missing",)) == []


def test_export_diagnostics_zip(kiosk: Kiosk, store: Store, data_dir: Path, tmp_path: Path) -> None:
    quarantined(store, data_dir, 1, reason=f"buyer {ID_NUMBER} unknown")
    stick = tmp_path / "USB"
    stick.mkdir()
    written = kiosk.export_diagnostics(stick, {"selftest.json": f"[{{\"detail\": \"{ID_NUMBER}\"}}]"})
    assert written.parent == stick and written.name.startswith("kiosk-diagnostics-") and written.suffix == ".zip"
    with zipfile.ZipFile(written) as zf:
        assert {"status.json", "audit-verify.json", "selftest.json", "configuration.json"} <= set(zf.namelist())
        assert json.loads(zf.read("status.json"))["quarantined"] == 1
        assert json.loads(zf.read("audit-verify.json"))["ok"] is True
        assert ID_NUMBER not in zf.read("selftest.json").decode()
    with pytest.raises(ValidationError) as gone:
        kiosk.export_diagnostics(tmp_path / "pulled")
    assert gone.value.code == "media_gone"
    assert not (tmp_path / "pulled").exists()


def test_bundle_name() -> None:
    assert bundle_name("d-7f/../x", "20261130T010203Z") == "kiosk-diagnostics-d-7fx-20261130T010203Z.zip"
    assert bundle_name("", "20261130T010203Z") == "kiosk-diagnostics-20261130T010203Z.zip"
