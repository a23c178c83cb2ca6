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
    code, down = run(capsys, "print-pending", "--printer", f"tcp://127.0.0.1:{closed_port()}",
                     "--a4-printer", "pdf://a4?refuse=paper_jam")
    # Each simulated case queues its payment receipt (when paid in full), its handover receipt and, when
    # its certificate was printed on stock (the simulation alternates with scanning a pre-printed one),
    # its certificate page.
    refused = [j for j in down["jobs"] if j["kind"] == "certificate"]
    assert code == 1 and down["printed"] == 0 and down["failed"] == 4 + len(refused) and refused
    receipts = [j for j in down["jobs"] if j["kind"] == "handover_receipt"]
    assert len(receipts) == 2 and all("127.0.0.1" in j["detail"] for j in receipts)
    assert len([j for j in down["jobs"] if j["kind"] == "payment_receipt"]) == 2
    assert all("refused the job: paper_jam" in j["detail"] for j in refused)
    assert not (data_dir / "a4").exists() or not any((data_dir / "a4").iterdir())

    code, up = run(capsys, "print-pending")
    assert code == 0 and up["printed"] == 4 + len(refused) and up["failed"] == 0

    def texts(kind: str) -> list[str]:
        return [Path(f).read_text(encoding="utf-8") for j in up["jobs"] if j["printed"] and j["kind"] == kind
                for f in j["files"] if f.endswith(".txt")]

    assert len(texts("handover_receipt")) == 2 and all("QR" in t for t in texts("handover_receipt"))
    assert len(texts("payment_receipt")) == 2 and all("--- cut ---" in t and "QR" not in t for t in texts("payment_receipt"))
    pages = [Path(f) for j in up["jobs"] if j["kind"] == "certificate" and j["printed"] for f in j["files"]]
    assert {j["job"] for j in refused} == {j["job"] for j in up["jobs"] if j["kind"] == "certificate"}
    assert len(pages) == len(refused) and all(p.parent == data_dir / "a4" and p.read_bytes()[:5] == b"%PDF-" for p in pages)

    code, again = run(capsys, "print-pending")
    assert again["printed"] == 0, "printed jobs leave the queue"
    job = receipts[0]["job"]
    assert run(capsys, "reprint", job, "--reason", "买受人要求补打")[0] == 0
    code, reprinted = run(capsys, "print-pending")
    assert [j["job"] for j in reprinted["jobs"] if j["printed"]] == [job]


def test_a_wrong_a4_printer_uri_is_refused_before_anything_prints(data_dir: Path,
                                                                   capsys: pytest.CaptureFixture) -> None:
    assert main(["simulate", "--handovers", "1"]) == 0
    capsys.readouterr()
    assert main(["print-pending", "--a4-printer", "ipp://office"]) == 1
    assert "unknown scheme" in capsys.readouterr().err
    code, up = run(capsys, "print-pending")
    assert code == 0 and up["printed"] >= 2 and up["failed"] == 0, "nothing was printed or marked by the refused run"


def test_reprint_needs_a_reason_and_a_known_job(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["reprint", "nope", "--reason", "x"]) == 1
    assert "a written reason of at least 4 characters" in capsys.readouterr().err
    assert main(["reprint", "nope", "--reason", "卡纸打印错位"]) == 1
    assert "no print job" in capsys.readouterr().err


def test_the_a4_printer_is_opened_only_when_an_a4_job_comes(data_dir: Path) -> None:
    from kiosk.app import PRINTER, open_kiosk
    from kiosk.cli.jobs_cmd import job_printers
    from kiosk.config import load_config
    from kiosk.printjobs import LazyJobPrinter

    assert main(["simulate", "--handovers", "2"]) == 0
    config = load_config(data_dir)
    with open_kiosk(config) as kiosk:
        printers = job_printers(config)
        a4 = printers.printers[1]
        assert isinstance(a4, LazyJobPrinter) and a4.takes("certificate") and not a4.takes("payment_receipt")
        first = kiosk.print_pending(printers).value
        assert a4.opened and first.failed == 0 and "certificate" in {r.kind for r in first.jobs}
        receipt = next(r.job for r in first.jobs if r.kind == "handover_receipt")
        kiosk.request_reprint(PRINTER, receipt, "买受人要求补打")
        receipt_only = job_printers(config)
        again = kiosk.print_pending(receipt_only).value
        assert [(r.job, r.printed) for r in again.jobs] == [(receipt, True)]
        assert not receipt_only.printers[1].opened    # type: ignore[attr-defined]
    unconfigured = job_printers(config, a4_printer=" ")
    assert [p.name for p in unconfigured.printers] == ["receipt printer"]
