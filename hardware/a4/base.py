"""The A4 printer interface and its URIs."""

from __future__ import annotations

import abc
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from hardware.errors import BadDeviceURI, DeviceStatusError
from kiosk.errors import ValidationError

DEVICE = "a4_printer"
# Queued print jobs printed on the A4 printer (rendered by ``ui.documents.jobs``); the rest are receipts.
A4_KINDS: frozenset[str] = frozenset({"certificate"})
SCHEMES = ("pdf", "cups")
PDF_MAGIC = b"%PDF-"
MAX_COPIES = 20


@dataclass(frozen=True)
class PrintResult:
    """What the printer accepted: its name, the job id it gave, copies and (simulator) the files written."""

    printer: str
    job_id: str
    copies: int
    pages: int | None = None
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class A4PrinterURI:
    scheme: str             # "pdf" or "cups"
    uri: str
    path: str = ""          # pdf://: the directory
    name: str = ""          # cups://: the queue name
    refuse: str = ""        # pdf://?refuse=REASON: the simulator refuses every job


def parse_a4_uri(uri: str) -> A4PrinterURI:
    """``pdf://DIR[?refuse=REASON]`` or ``cups://NAME``; anything else is a ``BadDeviceURI`` (the one error
    of every device kind for a wrong ``[devices]`` URI) with the forms named."""
    hint = "write pdf://DIR for the simulator or cups://NAME for a system printer"
    parts = urlsplit(uri.strip())
    if parts.scheme not in SCHEMES:
        raise BadDeviceURI(f"A4 printer {uri!r}: unknown scheme {parts.scheme!r}", device=DEVICE, hint=hint)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(query) - ({"refuse"} if parts.scheme == "pdf" else set()))
    if unknown:
        raise BadDeviceURI(f"A4 printer {uri!r}: unknown option {', '.join(unknown)}", device=DEVICE, hint=hint)
    body = unquote(parts.netloc + parts.path)
    if not body:
        raise BadDeviceURI(f"A4 printer {uri!r} names no " + ("directory" if parts.scheme == "pdf" else "printer"),
                           device=DEVICE, hint=hint)
    if parts.scheme == "pdf":
        return A4PrinterURI("pdf", uri, path=body, refuse=query.get("refuse", ""))
    return A4PrinterURI("cups", uri, name=body)


def check_pdf(path: Path) -> bytes:
    """The file's bytes, refused clearly when it is missing or not a PDF (a renderer bug, not a printer fault)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DeviceStatusError(f"cannot read the document {path.name} to print: {exc.strerror or exc}",
                                device="a4_printer", code="a4_no_document",
                                hint="render the document again, then print") from None
    if not data.startswith(PDF_MAGIC):
        raise DeviceStatusError(f"{path.name} is not a PDF document; nothing was printed", device="a4_printer",
                                code="a4_not_pdf", hint="render the document again, then print")
    return data


def check_copies(copies: int) -> int:
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise ValidationError(f"copies must be a whole number from 1 to {MAX_COPIES}, not {copies!r}",
                              field="copies")
    return copies


class A4Printer(abc.ABC):
    """An A4 printer takes a finished PDF. ``print_pdf`` returns only once the printer accepted the job;
    a refusal raises a ``hardware.errors.DeviceError`` whose message is the reason, so the print queue
    keeps the job (``kiosk.services.printing.mark_result`` with that message)."""

    name: str

    @abc.abstractmethod
    def print_pdf(self, path: Path | str, *, copies: int = 1, title: str = "") -> PrintResult:
        """Print the PDF at ``path``; ``title`` names the job in the printer's queue (no personal data)."""

    def print_bytes(self, pdf: bytes, *, copies: int = 1, title: str = "") -> PrintResult:
        """Print a rendered PDF held in memory: it is written to a private temporary file (the documents
        carry names), printed, and the file removed whatever happens."""
        folder = Path(tempfile.mkdtemp(prefix="kiosk-a4-"))
        try:
            path = folder / "document.pdf"
            path.write_bytes(pdf)
            return self.print_pdf(path, copies=copies, title=title)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
