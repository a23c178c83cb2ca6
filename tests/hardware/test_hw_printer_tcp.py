"""The printer over real TCP: our own ESC/POS receiving emulator, and emupos when it is installed.

The emulator is a socket server on 127.0.0.1 (ephemeral port) that collects
every byte and answers DLE EOT n with configurable status bytes; it can drop
the connection mid-job (RST), stay silent, or run out of paper during a job.
"""

from __future__ import annotations

import importlib.util
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.errors import DeviceStatusError, DeviceTimeout, DeviceUnavailable
from hardware.printer.device import PrinterSettings, ReceiptPrinter, self_test
from hardware.printer.status import status_replies

DLE_EOT = b"\x10\x04"


class EscposEmulator:
    """A receipt printer on TCP that records what it is sent and answers status requests."""

    def __init__(self, *, faults: dict[str, bool] | None = None, drop_after: int | None = None,
                 silent: bool = False, paper_out_after: int | None = None) -> None:
        self.replies = status_replies(**(faults or {}))
        self.drop_after = drop_after            # job bytes after which the peer resets the connection
        self.silent = silent                    # never answer status requests
        self.paper_out_after = paper_out_after  # job bytes after which the paper runs out
        self.received = bytearray()
        self.queries: list[int] = []
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?timeout=0.5"

    @property
    def job_bytes(self) -> bytes:
        """Everything received except the status requests."""
        return bytes(self.received).replace(DLE_EOT + b"\x01", b"").replace(DLE_EOT + b"\x02", b"") \
            .replace(DLE_EOT + b"\x04", b"")

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                self._handle(conn)

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(0.1)
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            if self.drop_after is not None:
                # Status requests (9 bytes before the job) do not count as job bytes.
                chunk = chunk[:max(0, self.drop_after + 9 - len(self.received))]
            self.received += chunk
            job = len(self.job_bytes)
            if self.drop_after is not None and job >= self.drop_after:
                # The rest of the job is lost; SO_LINGER 0 closes with RST, like a printer losing power.
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if self.paper_out_after is not None and job >= self.paper_out_after:
                self.replies = status_replies(paper_out=True)
            # The client waits for the answer, so a status request is always the tail of what arrived.
            if bytes(self.received[-3:-1]) == DLE_EOT and not self.silent:
                n = self.received[-1]
                self.queries.append(n)
                conn.sendall(bytes([self.replies[n]]))

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        self._thread.join(timeout=2)


@pytest.fixture
def emulator_factory() -> Iterator:
    made: list[EscposEmulator] = []

    def make(**kwargs) -> EscposEmulator:
        emu = EscposEmulator(**kwargs)
        made.append(emu)
        return emu

    yield make
    for emu in made:
        emu.close()


def printer(uri: str, chinese: str = "native", qr: str = "native") -> ReceiptPrinter:
    return ReceiptPrinter(PrinterSettings(uri=uri, width_mm=80, chinese=chinese, qr=qr))


def test_job_arrives_byte_for_byte_with_status_checked_before_and_after(emulator_factory) -> None:
    emu = emulator_factory()
    p = printer(emu.uri)
    result = p.print_test()
    assert result.status.state == "ok" and result.status.source == "printer"
    assert emu.queries == [1, 2, 4, 1, 2, 4]
    job = emu.job_bytes
    assert len(job) == result.bytes_sent
    assert job.startswith(b"\x1b@") and job.endswith(b"\x1dV\x00")
    assert b"\x1c&" + "交房即交证".encode("gb18030") in job
    assert b"\x1d(k" in job


def test_raster_mode_over_tcp(emulator_factory) -> None:
    emu = emulator_factory()
    result = printer(emu.uri, chinese="raster", qr="raster").print_test()
    assert b"\x1dv0" in emu.job_bytes and b"\x1c&" not in emu.job_bytes
    assert len(emu.job_bytes) == result.bytes_sent > 5000


@pytest.mark.parametrize("faults,state,words", [
    ({"paper_out": True}, "paper_out", "out of paper"),
    ({"cover_open": True}, "cover_open", "cover is open"),
    ({"offline": True}, "offline", "offline"),
])
def test_printer_faults_stop_the_job_before_any_byte_is_sent(emulator_factory, faults, state, words) -> None:
    emu = emulator_factory(faults=faults)
    p = printer(emu.uri)
    assert p.status().state == state
    with pytest.raises(DeviceStatusError, match=words) as err:
        p.print_test()
    assert err.value.code == f"printer_{state}"
    assert emu.job_bytes == b""
    ok, detail = self_test(emu.uri)
    assert not ok and words in detail


def test_paper_running_out_during_the_job_is_a_failure(emulator_factory) -> None:
    emu = emulator_factory(paper_out_after=100)
    with pytest.raises(DeviceStatusError, match="during printing") as err:
        printer(emu.uri).print_ops(printer_ops())
    assert "out of paper" in str(err.value)


def test_connection_refused() -> None:
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    uri = f"tcp://127.0.0.1:{port}?timeout=0.5"
    with pytest.raises(DeviceUnavailable, match="Connection refused"):
        printer(uri).print_test()
    assert self_test(uri)[0] is False


def test_peer_closing_mid_job_is_a_failure_and_another_printer_gets_the_whole_job(emulator_factory) -> None:
    broken = emulator_factory(drop_after=2000)
    with pytest.raises(DeviceUnavailable, match="dropped the connection"):
        printer(broken.uri, chinese="raster").print_ops(printer_ops())
    assert len(broken.job_bytes) == 2000
    good = emulator_factory()
    printer(good.uri, chinese="raster").print_ops(printer_ops())
    assert good.job_bytes == printer(good.uri, chinese="raster").render(printer_ops())


def test_a_printer_that_never_answers_times_out(emulator_factory) -> None:
    emu = emulator_factory(silent=True)
    started = time.monotonic()
    with pytest.raises(DeviceTimeout, match="did not answer the status request"):
        printer(emu.uri).print_test()
    assert time.monotonic() - started < 5


def test_queued_receipt_survives_paper_out_and_prints_after(emulator_factory, data_dir: Path, capsys) -> None:
    """The kiosk's own queue over real TCP: a refused receipt stays queued with the reason."""
    import json

    from kiosk.cli import main

    assert main(["simulate", "--handovers", "1"]) == 0
    capsys.readouterr()
    empty = emulator_factory(faults={"paper_out": True})
    assert main(["print-pending", "--printer", empty.uri, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    receipt = [j for j in report["jobs"] if j["kind"] == "handover_receipt"][0]
    assert not receipt["printed"] and "out of paper" in receipt["detail"] and empty.job_bytes == b""
    refused = {j["job"] for j in report["jobs"] if j["kind"] in ("handover_receipt", "payment_receipt")}
    receipts = [j for j in report["jobs"] if j["kind"] != "certificate"]   # pages go to the A4 printer
    assert len(refused) == 2 and not any(j["printed"] for j in receipts)
    loaded = emulator_factory()
    assert main(["print-pending", "--printer", loaded.uri, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {j["job"] for j in report["jobs"] if j["printed"] and j["kind"] != "certificate"} == refused
    assert "交房即交证".encode("gb18030") in loaded.job_bytes or b"\x1dv0" in loaded.job_bytes


def test_print_test_cli_over_tcp(emulator_factory, tmp_path: Path, capsys) -> None:
    import json

    from kiosk.cli import main

    emu = emulator_factory()
    code = main(["--data-dir", str(tmp_path), "print-test", "--printer", emu.uri, "--width", "58",
                 "--chinese", "native", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["ok"] is True and report["status"]["state"] == "ok" and report["chinese_mode"] == "native"
    assert report["bytes"] == len(emu.job_bytes)
    assert "files" not in report

    out_of_paper = emulator_factory(faults={"paper_out": True})
    code = main(["--data-dir", str(tmp_path), "print-test", "--printer", out_of_paper.uri, "--json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 1 and report["ok"] is False and report["status"]["state"] == "paper_out"
    assert "out of paper" in captured.err


def printer_ops():
    from datetime import datetime

    from hardware.printer.layout import PAPERS
    from hardware.printer.receipts import Buyer, HandoverReceipt, handover_receipt

    return handover_receipt(HandoverReceipt("410425001001GB00001F00010001", "豫(2026)郏县不动产权第0000001号", "S1",
                                            (Buyer("赵六", "410425199001011234"),), datetime(2026, 1, 1), "网点",
                                            "https://v.example/t"), PAPERS[80])


# --- emupos (Python >= 3.13) -------------------------------------------------------------------

EMUPOS_MISSING = importlib.util.find_spec("emupos") is None


@pytest.mark.skipif(EMUPOS_MISSING, reason=f"emupos is not installed: it needs Python >= 3.13 and this is "
                                           f"{sys.version_info.major}.{sys.version_info.minor}; the TCP path "
                                           "is covered by the EscposEmulator tests in this file")
def test_against_emupos(tmp_path: Path) -> None:
    def free_port() -> int:
        with socket.create_server(("127.0.0.1", 0)) as s:
            return s.getsockname()[1]

    port, api = free_port(), free_port()
    config = tmp_path / "emupos.yaml"
    config.write_text(f"schema: 1\napi: {{ host: 127.0.0.1, port: {api} }}\ndevices:\n"
                      f"  - id: front\n    type: printer\n    profile: epson-tm-t20iii\n"
                      f"    connections:\n      - tcp: {{ port: {port} }}\n"
                      f"    receipts_dir: {tmp_path / 'receipts'}\n", encoding="utf-8")
    command = [shutil.which("emupos") or sys.executable, "run", "--config", str(config)]
    if not shutil.which("emupos"):
        command[1:1] = ["-c", "from emupos.cli.app import main; main()"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        # emupos is a Python process of its own: on a loaded CI machine it answers in seconds, not ms.
        uri = f"tcp://127.0.0.1:{port}?timeout=15"
        result = printer(uri, chinese="raster", qr="native").print_test()
        assert result.status.state == "ok"
        assert self_test(uri)[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
