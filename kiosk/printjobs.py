"""Print jobs as the device layer sees them, and the interface of a printer that takes them.

The flows queue jobs in the store (``kiosk.services.printing``); the
application facade hands each waiting job to a ``JobPrinter``, which the
device layer implements (``hardware.printer.jobs`` for receipts,
``ui.documents.jobs`` for A4 pages, rendered with Qt). This module is a leaf, so ``hardware`` can
implement the interface without importing the services or the store.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from collections.abc import Callable, Collection, Sequence
from typing import Any


@dataclass(frozen=True)
class PrintJob:
    """One queued job: ``body`` is the decrypted payload the flow recorded."""

    id: str
    kind: str
    subject: str
    body: dict[str, Any]


@dataclass(frozen=True)
class PrintedJob:
    """What the printer reports after taking a job: a status line and the files written (simulators)."""

    detail: str
    files: tuple[str, ...] = field(default=())


class JobPrinter(ABC):
    """A printer for some kinds of print job; it raises a ``KioskError`` when the job was not printed."""

    name: str     # what staff call it: "receipt printer", "A4 printer"
    uri: str

    @abstractmethod
    def takes(self, kind: str) -> bool:
        """True when this printer prints jobs of ``kind``."""

    @abstractmethod
    def print_job(self, job: PrintJob) -> PrintedJob:
        """Print ``job`` completely, or raise the device error that says why not."""


class LazyJobPrinter(JobPrinter):
    """A printer opened only when the first job for it comes: its kinds are known up front, its driver is
    built by ``opener`` (the A4 printer needs a Qt application to render, which a run with only receipts
    should not start). ``opener`` raising a ``KioskError`` fails that job, which stays queued with the reason."""

    def __init__(self, name: str, uri: str, kinds: Collection[str], opener: Callable[[], JobPrinter]) -> None:
        self.name = name
        self.uri = uri
        self.kinds = frozenset(kinds)
        self._opener = opener
        self._printer: JobPrinter | None = None

    @property
    def opened(self) -> bool:
        return self._printer is not None

    def takes(self, kind: str) -> bool:
        return kind in self.kinds

    def print_job(self, job: PrintJob) -> PrintedJob:
        if self._printer is None:
            self._printer = self._opener()
        return self._printer.print_job(job)


class JobPrinters(JobPrinter):
    """Several printers as one: each job goes to the first printer that takes its kind, so one
    ``print_pending`` run prints receipts on the receipt printer and pages on the A4 printer."""

    def __init__(self, printers: Sequence[JobPrinter]) -> None:
        if not printers:
            raise ValueError("JobPrinters needs at least one printer")
        self.printers = tuple(printers)
        self.name = " or ".join(p.name for p in self.printers)
        self.uri = " ".join(p.uri for p in self.printers)

    def _for(self, kind: str) -> JobPrinter | None:
        return next((p for p in self.printers if p.takes(kind)), None)

    def takes(self, kind: str) -> bool:
        return self._for(kind) is not None

    def print_job(self, job: PrintJob) -> PrintedJob:
        printer = self._for(job.kind)
        if printer is None:
            raise ValueError(f"no printer here takes {job.kind} jobs")
        return printer.print_job(job)
