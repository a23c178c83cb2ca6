"""The print queue's A4 printer: certificate jobs queued by real handovers rendered and printed on the
pdf:// simulator with the printer's calibration, a refused job kept queued with the reason, and
`kiosk print-pending` printing receipts and certificate pages in one run (in a process of its own)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_helpers import FULL_ID, pdf_text, pdf_words, squeeze  # noqa: E402

from hardware.a4 import A4_KINDS, Calibration, CalibrationBook, PdfDirectoryPrinter  # noqa: E402
from hardware.devices import receipt_job_printer  # noqa: E402
from kiosk.app import open_kiosk  # noqa: E402
from kiosk.cli import main  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.printjobs import JobPrinters, PrintJob  # noqa: E402
from kiosk.services.printing import job_body, pending_jobs  # noqa: E402
from ui.documents import DocumentError  # noqa: E402
from ui.documents.certificate import CertificateLayout  # noqa: E402
from ui.documents.jobs import RENDERERS, A4JobPrinter, certificate_page, open_a4_job_printer  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def queued(data_dir: Path) -> dict[str, dict]:
    """Real handovers (``kiosk simulate``) and the bodies of the certificate jobs they queued, by job id."""
    assert main(["simulate", "--handovers", "4"]) == 0
    with open_kiosk(load_config(data_dir)) as kiosk:
        bodies = {j["id"]: job_body(kiosk.store, j["id"]) for j in pending_jobs(kiosk.store)
                  if j["kind"] == "certificate"}
    assert bodies, "the simulation prints some certificates on stock"
    return bodies


def test_every_a4_job_kind_has_its_renderer() -> None:
    assert set(RENDERERS) == A4_KINDS


def test_certificate_jobs_print_on_the_a4_printer_and_receipts_on_the_receipt_printer(
        data_dir: Path, queued: dict[str, dict], tmp_path: Path) -> None:
    config = load_config(data_dir)
    a4 = open_a4_job_printer(config)
    assert isinstance(a4.printer, PdfDirectoryPrinter) and a4.printer.directory == data_dir / "a4"
    with open_kiosk(config) as kiosk:
        run = kiosk.print_pending(JobPrinters([receipt_job_printer(config), a4])).value
        left = pending_jobs(kiosk.store)
    assert run.failed == 0 and left == []
    pages = {r.job: [Path(f) for f in r.files] for r in run.jobs if r.kind == "certificate"}
    assert set(pages) == set(queued) and all(r.printed for r in run.jobs)
    assert {r.kind for r in run.jobs} == {"certificate", "handover_receipt", "payment_receipt"}
    for job, [pdf] in pages.items():
        body = queued[job]
        assert pdf.parent == data_dir / "a4" and body["serial"] in pdf.name
        text = squeeze(pdf_text(pdf.read_bytes(), tmp_path))
        registered = dt.date.fromisoformat(body["registered_on"])
        for value in (body["certificate_no"], body["unit_code"], body["location"], body["area"], body["use"],
                      body["right_type"], body["right_nature"], body["term"], body["ownership"],
                      f"{registered.year}年{registered.month}月{registered.day}日",  # as written in Chinese: no leading zeros
                      *(h["name"] for h in body["holders"])):
            assert squeeze(value) in text, value
        assert not FULL_ID.search(text), "the national form prints no ID number"


def test_the_printers_calibration_moves_the_printed_fields(data_dir: Path, queued: dict[str, dict],
                                                           tmp_path: Path) -> None:
    config = load_config(data_dir)
    job_id, body = next(iter(queued.items()))
    job = PrintJob(job_id, "certificate", body["unit_code"], body)
    plain = open_a4_job_printer(config, uri="pdf://plain").print_job(job)
    CalibrationBook(data_dir / CalibrationBook.FILE).set(f"pdf://{data_dir / 'moved'}", Calibration(2.0, -1.5))
    moved_printer = open_a4_job_printer(config, uri="pdf://moved")
    assert moved_printer.calibration == Calibration(2.0, -1.5)
    moved = moved_printer.print_job(job)
    before = {w.text: w for w in pdf_words(Path(plain.files[0]).read_bytes(), tmp_path)}
    after = {w.text: w for w in pdf_words(Path(moved.files[0]).read_bytes(), tmp_path)}
    number = before[body["unit_code"]], after[body["unit_code"]]
    assert number[1].x0 - number[0].x0 == pytest.approx(2.0, abs=0.05)
    assert number[1].y0 - number[0].y0 == pytest.approx(-1.5, abs=0.05)


def test_a_refused_certificate_job_stays_queued_with_the_reason(data_dir: Path, queued: dict[str, dict]) -> None:
    config = load_config(data_dir)
    refusing = open_a4_job_printer(config, uri="pdf://a4?refuse=paper_jam")
    with open_kiosk(config) as kiosk:
        run = kiosk.print_pending(refusing).value
        left = {j["id"]: j for j in pending_jobs(kiosk.store)}
    refused = [r for r in run.jobs if r.attempted]
    assert {r.job for r in refused} == set(queued) and run.failed == len(queued) and run.printed == 0
    assert all("paper_jam" in r.detail for r in refused)
    for job in queued:
        assert left[job]["state"] == "failed" and "paper_jam" in left[job]["last_error"]
        assert left[job]["attempts"] == 1
    assert not (data_dir / "a4").exists() or list((data_dir / "a4").iterdir()) == []
    # Receipts are not this printer's: they wait, untouched.
    waiting = [r for r in run.jobs if not r.attempted]
    assert waiting and all(r.kind != "certificate" and "A4 printer" in r.detail for r in waiting)
    with open_kiosk(config) as kiosk:
        again = kiosk.print_pending(open_a4_job_printer(config)).value
    assert again.printed == len(queued) and again.failed == 0


def test_a_job_without_a_number_or_holder_spoils_no_paper(data_dir: Path, queued: dict[str, dict],
                                                          tmp_path: Path) -> None:
    body = next(iter(queued.values()))
    with pytest.raises(DocumentError, match="no certificate number") as err:
        certificate_page({**body, "certificate_no": None})
    assert err.value.code == "certificate_incomplete" and err.value.hint
    with pytest.raises(DocumentError, match="names no holder"):
        certificate_page({**body, "holders": []})
    printer = A4JobPrinter(PdfDirectoryPrinter(tmp_path / "out"), layout=CertificateLayout.load())
    with pytest.raises(DocumentError):
        printer.print_job(PrintJob("j", "certificate", body["unit_code"], {**body, "holders": []}))
    assert not (tmp_path / "out").exists()
    page = certificate_page(body)
    assert page.right_type == "国有建设用地使用权/房屋所有权" and page.term.endswith("年12月31日止")
    assert page.registered_on is not None
    with pytest.raises(DocumentError, match="registration date 'yesterday' is not a date"):
        certificate_page({**body, "registered_on": "yesterday"})
    bare = certificate_page({k: v for k, v in body.items()
                             if k not in ("right_type", "right_nature", "term", "registered_on")})
    assert (bare.right_type, bare.right_nature, bare.term, bare.registered_on) == ("", "", "", None)


def test_kiosk_print_pending_prints_both_kinds_in_its_own_process(data_dir: Path, queued: dict[str, dict],
                                                                  tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}   # the command sets it itself
    env.update(KIOSK_HOME=str(data_dir), PYTHONPATH=str(ROOT))

    def print_pending(*args: str) -> tuple[int, dict]:
        done = subprocess.run([sys.executable, "-m", "kiosk", "print-pending", "--json", *args], env=env,
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
        return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])

    code, down = print_pending("--a4-printer", "pdf://a4?refuse=paper_jam")
    certificates = [j for j in down["jobs"] if j["kind"] == "certificate"]
    assert code == 1 and {j["job"] for j in certificates} == set(queued)
    assert all(not j["printed"] and "paper_jam" in j["detail"] for j in certificates)
    assert down["printed"] == len(down["jobs"]) - len(queued), "the receipts printed all the same"
    code, up = print_pending()
    assert code == 0 and up["printed"] == len(queued) and up["failed"] == 0
    assert all(Path(f).parent == data_dir / "a4" for j in up["jobs"] for f in j["files"])
