"""The simulated A4 printer (``pdf://DIR``): each accepted job is written into DIR as PDF files."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

from hardware.a4.base import A4Printer, PrintResult, check_copies, check_pdf, parse_a4_uri
from hardware.errors import DeviceStatusError, DeviceUnavailable
from hardware.printer.atomic import write_atomic

_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


class PdfDirectoryPrinter(A4Printer):
    """Writes ``<time>-<job>-<title>-copyN.pdf`` per copy, atomically, so a reader never sees half a file.

    ``refuse`` makes every job fail with that reason (training and tests of a refused job)."""

    def __init__(self, directory: Path | str, *, refuse: str = "") -> None:
        self.directory = Path(directory)
        self.refuse = refuse
        self.name = f"pdf://{self.directory}"

    def print_pdf(self, path: Path | str, *, copies: int = 1, title: str = "") -> PrintResult:
        check_copies(copies)
        data = check_pdf(Path(path))
        if self.refuse:
            raise DeviceStatusError(f"the A4 printer refused the job: {self.refuse}", device="a4_printer",
                                    code="a4_refused", hint="fix the printer, then print the job again")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeviceUnavailable(f"the simulated A4 printer cannot use {self.directory}: "
                                    f"{exc.strerror or exc}", device="a4_printer", code="a4_unavailable",
                                    hint="choose a directory that can be written to") from None
        job_id = uuid.uuid4().hex[:12]
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        label = _UNSAFE.sub("_", title or Path(path).stem).strip("_")[:60] or "document"
        files = []
        for copy in range(1, copies + 1):
            target = self.directory / f"{stamp}-{job_id}-{label}-copy{copy}.pdf"
            try:
                write_atomic(target, data)
            except OSError as exc:
                raise DeviceUnavailable(f"the simulated A4 printer could not write {target.name}: "
                                        f"{exc.strerror or exc}", device="a4_printer", code="a4_unavailable",
                                        hint="free disk space or choose another directory") from None
            files.append(str(target))
        return PrintResult(printer=self.name, job_id=job_id, copies=copies, pages=_page_count(data),
                           files=tuple(files))


def _page_count(data: bytes) -> int | None:
    """Pages counted from the page objects (enough for Qt's PDFs; None when it cannot tell)."""
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    return count or None


def open_sim_printer(uri: str, *, base: Path | None = None) -> PdfDirectoryPrinter:
    """The simulator for a ``pdf://`` URI; a relative directory is taken under ``base`` (the data directory)."""
    parsed = parse_a4_uri(uri)
    if parsed.scheme != "pdf":
        raise DeviceUnavailable(f"{uri} is not a simulated printer; cups:// printers are driven by the app",
                                device="a4_printer", code="a4_not_simulated")
    directory = Path(parsed.path)
    if base is not None and not directory.is_absolute():
        directory = base / directory
    return PdfDirectoryPrinter(directory, refuse=parsed.refuse)
