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
    # Each simulated case queues its payment receipt (when paid in full) and its handover receipt.
    assert code == 1 and down["printed"] == 0 and down["failed"] == 4
    receipts = [j for j in down["jobs"] if j["kind"] == "handover_receipt"]
    assert len(receipts) == 2 and all("127.0.0.1" in j["detail"] for j in receipts)
    assert len([j for j in down["jobs"] if j["kind"] == "payment_receipt"]) == 2

    code, up = run(capsys, "print-pending")
    assert code == 0 and up["printed"] == 4

    def texts(kind: str) -> list[str]:
        return [Path(f).read_text(encoding="utf-8") for j in up["jobs"] if j["printed"] and j["kind"] == kind
                for f in j["files"] if f.endswith(".txt")]

    assert len(texts("handover_receipt")) == 2 and all("QR" in t for t in texts("handover_receipt"))
    assert len(texts("payment_receipt")) == 2 and all("--- cut ---" in t and "QR" not in t for t in texts("payment_receipt"))
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
