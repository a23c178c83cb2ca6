"""`kiosk report` through kiosk.cli.main: JSON, text, CSV file, training switch, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk import masterdata as md
from kiosk.cli import main
from kiosk.rules.unitcode import format_unit_code
from kiosk.store import Store

DEV = "91410425MA4KJX3T7R"


@pytest.fixture
def filled(store: Store) -> Store:
    with store.unit_of_work("technician:T001") as uow:
        md.add_developer(uow, DEV, "郏县龙城置业有限公司")
        md.add_project(uow, "JX-LSHY", "龙山花园", DEV, service_point="JX-SP01")
        md.add_project(uow, "JX-DEMO", "演练小区", DEV, service_point="JX-SP01", training=True)
        uow.update("projects", {"id": "JX-LSHY"}, {"eligible": 1})
        for room, pid in ((101, "JX-LSHY"), (102, "JX-LSHY"), (103, "JX-DEMO")):
            md.add_unit(uow, format_unit_code(district=1, subdistrict=3, ownership="G", right="B",
                                              parcel_seq=128, building=1, room=room),
                        pid, area_centi_m2=8950, price_fen=44_571_000, training=pid == "JX-DEMO")
    return store


def test_json(filled: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--json"]) == 0
    out = capsys.readouterr().out
    assert "龙山花园" in out, "Chinese kept readable"
    report = json.loads(out)
    assert set(report) == {"generated_at", "day", "include_training", "projects", "totals"}
    [row] = report["projects"]
    assert set(row) == {"project_id", "name", "service_point", "units", "eligible", "delivered", "pending",
                        "blocked", "evaluations", "days_acceptance_to_certificate"}
    assert (row["units"], row["eligible"], row["blocked"]["contract_not_filed"]) == (2, 2, 2)
    assert row["evaluations"] == {"very_satisfied": 0, "satisfied": 0, "basically_satisfied": 0,
                                  "dissatisfied": 0, "very_dissatisfied": 0}
    assert main(["report", "--json", "--include-training"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [r["project_id"] for r in report["projects"]] == ["JX-DEMO", "JX-LSHY"]
    assert report["totals"]["units"] == 3


def test_text_and_csv(filled: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "ledger.csv"
    assert main(["report", "--csv", str(target)]) == 0
    out = capsys.readouterr().out
    assert "龙山花园 (JX-LSHY, JX-SP01): 2 units, 2 eligible, 0 delivered, 0 pending" in out
    assert "合同未备案 2" in out and out.splitlines()[-2].startswith("合计")
    assert f"CSV written to {target}" in out
    text = target.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[1].startswith("JX-LSHY,龙山花园,JX-SP01,2,2,0,0,0,0,0,2,")
    assert len(text.splitlines()) == 2


def test_csv_error_and_uninitialised(filled: Store, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    assert main(["report", "--json", "--csv", str(tmp_path / "missing" / "x.csv")]) == 1
    captured = capsys.readouterr()
    assert "cannot write the CSV file" in captured.err and captured.out == ""
    assert main(["report", "--json", "--data-dir", str(tmp_path / "nowhere")]) == 1
    assert "kiosk init" in capsys.readouterr().err
