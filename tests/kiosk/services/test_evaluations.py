"""The buyer's 好差评 evaluation: stored through a unit of work, audited, queued as its own record kind,
counted in the supervision ledger, and accepted by the real county gateway after a real sync."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The gateway harness lives at the top of tests/ (as tests/kiosk/app/conftest.py arranges for its tests).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from gateway_harness import GatewayProcess  # type: ignore[import-not-found]  # noqa: E402

from kiosk.app import Kiosk, open_kiosk  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.errors import FlowError, ValidationError  # noqa: E402
from kiosk.services import evaluations  # noqa: E402
from kiosk.services.staff import Actor  # noqa: E402
from kiosk.store import outbox  # noqa: E402
from sync.wire import kinds  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
BUYER = Actor("self-service", "system", training=True)


@pytest.fixture
def kiosk(data_dir: Path) -> Iterator[Kiosk]:
    with open_kiosk(load_config(data_dir)) as k:
        yield k


def delivered_unit(kiosk: Kiosk) -> str:
    assert kiosk.simulate(1).value["delivered"] == 1
    return str(kiosk.store.read("SELECT unit_code FROM handovers WHERE state = 'delivered'")[0]["unit_code"])


def test_an_evaluation_is_stored_audited_queued_and_counted(kiosk: Kiosk) -> None:
    unit = delivered_unit(kiosk)
    outcome = kiosk.run(evaluations.record_evaluation, BUYER, unit, "dissatisfied", " 等候时间太长 ")
    evaluation_id = outcome.value
    assert [c.kind for c in outcome.changes] == ["evaluation.record"]
    row = kiosk.store.read("SELECT * FROM evaluations WHERE id = ?", (evaluation_id,))[0]
    assert row["level"] == "dissatisfied" and row["training"] == 1 and b"\xe7\xad\x89" not in row["reason_enc"]
    assert kiosk.store.vault.decrypt(row["reason_enc"], evaluations.CONTEXT) == "等候时间太长"
    audit = kiosk.store.read("SELECT actor, detail FROM audit WHERE action = 'evaluation.record'")
    assert audit[0]["actor"] == "system:self-service" and "等候" not in audit[0]["detail"]
    records, unreadable = outbox.read_pending(kiosk.store, 10_000)
    queued = [r for r in records if r.kind == kinds.EVALUATION_RECORDED]
    assert not unreadable and len(queued) == 1 and queued[0].subject == evaluation_id
    assert queued[0].payload["level_label"] == "不满意" and queued[0].payload["reason"] == "等候时间太长"
    report = kiosk.supervision_report(include_training=True)
    assert report["totals"]["evaluations"] == {"very_satisfied": 0, "satisfied": 0, "basically_satisfied": 0,
                                               "dissatisfied": 1, "very_dissatisfied": 0}
    assert sum(p["evaluations"]["dissatisfied"] for p in report["projects"]) == 1
    assert kiosk.supervision_report()["totals"]["evaluations"]["dissatisfied"] == 0  # training left out


def test_refusals(kiosk: Kiosk) -> None:
    unit = delivered_unit(kiosk)
    with pytest.raises(ValidationError) as bad_level:
        kiosk.run(evaluations.record_evaluation, BUYER, unit, "meh")
    assert bad_level.value.code == "evaluation_level"
    with pytest.raises(ValidationError) as reason:
        kiosk.run(evaluations.record_evaluation, BUYER, unit, "satisfied", "很好")
    assert reason.value.code == "evaluation_reason"
    kiosk.run(evaluations.record_evaluation, BUYER, unit, "very_satisfied")
    with pytest.raises(FlowError) as twice:
        kiosk.run(evaluations.record_evaluation, BUYER, unit, "satisfied")
    assert twice.value.code == "already_evaluated" and twice.value.hint
    other = kiosk.store.read("SELECT code FROM units WHERE code != ? AND training = 1 LIMIT 1", (unit,))[0]["code"]
    with pytest.raises(FlowError) as undelivered:
        kiosk.run(evaluations.record_evaluation, BUYER, other, "satisfied")
    assert undelivered.value.code == "not_delivered"
    assert len(kiosk.store.read("SELECT id FROM evaluations")) == 1


def test_the_gateway_accepts_the_record_kind(kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, "KIOSK_HOME": str(data_dir)}
    with GatewayProcess(tmp_path / "county.sqlite") as gateway:
        offer = gateway.token("JX-SP01")
        enroll = subprocess.run([sys.executable, "-m", "kiosk", "enroll", "--gateway", gateway.url, "--token",
                                 offer["token"], "--fingerprint", offer["fingerprint"], "--json"],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert enroll.returncode == 0, enroll.stderr
        unit = delivered_unit(kiosk)
        evaluation_id = kiosk.run(evaluations.record_evaluation, BUYER, unit, "very_satisfied").value
        sync = subprocess.run([sys.executable, "-m", "kiosk", "sync", "--once", "--json"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert sync.returncode == 0, sync.stderr
        with sqlite3.connect(gateway.db) as county:
            rows = county.execute("SELECT kind, training FROM records WHERE subject = ?", (evaluation_id,)).fetchall()
    assert rows == [(kinds.EVALUATION_RECORDED, 1)]
    left = kiosk.store.read("SELECT state FROM outbox WHERE subject = ?", (evaluation_id,))
    assert left and left[0]["state"] != "pending"
