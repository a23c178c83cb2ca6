"""Receipts queued by the flows reach the printer; a refused job stays queued with its reason."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from kiosk.cli import main


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, dict]:
    code = main([*args, "--json"])
    return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_failed_print_stays_queued_then_prints(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["simulate", "--handovers", "2"]) == 0
    capsys.readouterr()
    code, down = run(capsys, "print-pending", "--printer", f"tcp://127.0.0.1:{closed_port()}")
    assert code == 1 and down["printed"] == 0 and down["failed"] == 2
    receipts = [j for j in down["jobs"] if j["kind"] == "handover_receipt"]
    assert all("127.0.0.1" in j["detail"] for j in receipts)

    code, up = run(capsys, "print-pending")
    assert code == 0 and up["printed"] == 2
    texts = [Path(f).read_text(encoding="utf-8") for j in up["jobs"] if j["printed"] for f in j["files"]
             if f.endswith(".txt")]
    assert len(texts) == 2 and all("QR" in t for t in texts)
    certificate_pages = [j for j in up["jobs"] if j["kind"] == "certificate"]
    assert certificate_pages and not any(j["printed"] for j in certificate_pages)

    code, again = run(capsys, "print-pending")
    assert again["printed"] == 0, "printed jobs leave the queue"
    job = receipts[0]["job"]
    assert run(capsys, "reprint", job, "--reason", "买受人要求补打")[0] == 0
    code, reprinted = run(capsys, "print-pending")
    assert [j["job"] for j in reprinted["jobs"] if j["printed"]] == [job]


def test_reprint_needs_a_reason_and_a_known_job(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["reprint", "nope", "--reason", "x"]) == 1
    assert "a written reason of at least 4 characters" in capsys.readouterr().err
    assert main(["reprint", "nope", "--reason", "卡纸打印错位"]) == 1
    assert "no print job" in capsys.readouterr().err
