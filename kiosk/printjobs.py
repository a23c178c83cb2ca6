"""Print jobs as the device layer sees them, and the interface of a printer that takes them.

The flows queue jobs in the store (``kiosk.services.printing``); the
application facade hands each waiting job to a ``JobPrinter``, which the
device layer implements (``hardware.printer.jobs`` for receipts,
``hardware.a4`` for A4 pages). This module is a leaf, so ``hardware`` can
implement the interface without importing the services or the store.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
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
