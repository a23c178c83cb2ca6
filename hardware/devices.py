"""The device facade: every device of a kiosk from its ``[devices]`` URI, and their status.

``open_devices(config)`` checks every configured URI at once (a wrong one is a
``BadDeviceURI`` naming the key) and gives one handle per kind: the card
reader, the camera, the serial scan engine, the receipt printer and the A4
printer, each a real driver or its simulator (``sim://``; ``pdf://`` for the
A4 printer, whose ``cups://`` driver and job printer need Qt and live in
``ui.documents``). A kind whose URI is empty is not configured (None). Opening a
handle does not touch the device; ``open()`` (or printing) does, and
``status()`` runs every self-test into one ``DeviceStatus`` view.

Interfaces in ``hardware`` are abstract base classes (``CardReader``,
``Camera``, ``PrinterConnection``, ``CodeScanner``, ``JobPrinter``…).
Threading: each handle and what its ``open()`` returns belong to one thread
(the hardware thread of the UI's task runner).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import ClassVar

from hardware.a4 import A4Printer, open_sim_printer, parse_a4_uri
from hardware.camera.base import Camera
from hardware.camera.connect import open_camera, parse_camera_uri
from hardware.camera.sim_scene import CameraScene
from hardware.idcard.connect import open_reader, parse_reader_uri, sim_slot
from hardware.idcard.reader import CardReader, StepTimeouts
from hardware.printer.device import PrinterSettings, ReceiptPrinter
from hardware.printer.jobs import ReceiptJobPrinter
from hardware.printer.uri import parse_printer_uri
from hardware.scan_engine.serial_reader import SerialScanner, open_scanner
from hardware.scan_engine.simulator import ScanTray
from hardware.selftest import SelfTestRegistry
from kiosk.config import DEVICE_KINDS, Config


class Device(ABC):
    """One configured device: its kind (the ``[devices]`` key), its URI, and whether it is simulated."""

    kind: ClassVar[str]

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self.check_uri()

    @abstractmethod
    def check_uri(self) -> None:
        """Raise ``BadDeviceURI`` unless ``uri`` names a device of this kind."""

    @property
    def simulated(self) -> bool:
        return self.uri.startswith(("sim://", "pdf://")) or self.uri == "sim"

    def self_test(self) -> tuple[bool, str]:
        """(ok, detail); never raises."""
        return SelfTestRegistry().run(self.kind, self.uri)


class CardReaderDevice(Device):
    """``card_slot``: for the simulator, what lies on it across opens (``CardSlot``, thread-safe); else None."""

    kind = "card_reader"

    def __init__(self, uri: str) -> None:
        super().__init__(uri)
        self.card_slot = sim_slot(uri)

    def check_uri(self) -> None:
        parse_reader_uri(self.uri)

    def open(self, timeouts: StepTimeouts | None = None) -> AbstractContextManager[CardReader]:
        """The reader for the duration of a ``with`` block (the simulator runs only inside it)."""
        return open_reader(self.uri, timeouts=timeouts, slot=self.card_slot)


class CameraDevice(Device):
    """``scene``: for the simulator, what is held up to it across opens (``CameraScene``, thread-safe); else None."""

    kind = "camera"

    def __init__(self, uri: str) -> None:
        super().__init__(uri)
        self.scene = CameraScene() if parse_camera_uri(uri).simulated else None

    def check_uri(self) -> None:
        parse_camera_uri(self.uri)

    def open(self) -> Camera:
        """A camera not yet started: ``start()``, then ``latest()`` frames, then ``stop()``."""
        return open_camera(self.uri, scene=self.scene)


class ScannerDevice(Device):
    """``tray``: for the simulator, the codes waiting to be scanned across opens (``ScanTray``); else None."""

    kind = "scanner"

    def __init__(self, uri: str) -> None:
        super().__init__(uri)
        self.tray = ScanTray() if uri.strip() == "sim://" else None

    def check_uri(self) -> None:
        open_scanner(self.uri)

    def open(self) -> SerialScanner:
        """A scan engine not yet opened; use it as a context manager (``sim://``: it sends what is on
        ``tray``, and you can ``feed`` it)."""
        return open_scanner(self.uri, tray=self.tray)


class ReceiptPrinterDevice(Device):
    kind = "printer"

    def __init__(self, settings: PrinterSettings) -> None:
        self.settings = settings
        super().__init__(settings.uri)

    def check_uri(self) -> None:
        parse_printer_uri(self.uri)

    def open(self) -> ReceiptPrinter:
        return ReceiptPrinter(self.settings)

    def job_printer(self) -> ReceiptJobPrinter:
        """The printer for queued receipt jobs (``Kiosk.print_pending``)."""
        return ReceiptJobPrinter(self.open())


class A4PrinterDevice(Device):
    kind = "a4_printer"

    def check_uri(self) -> None:
        parse_a4_uri(self.uri)

    def open(self) -> A4Printer:
        """The ``pdf://`` simulator. A ``cups://`` printer is driven through Qt print support, so the app
        opens it (``ui.documents.qt_printer.open_a4_printer``); here it is refused with that said. Queued
        certificate jobs need rendering with Qt too: ``ui.documents.jobs.A4JobPrinter``."""
        return open_sim_printer(self.uri)


@dataclass(frozen=True)
class DeviceState:
    """One device kind in the ``DeviceStatus`` view."""

    kind: str
    uri: str            # as configured, relative sim:// and pdf:// paths resolved; "" = not configured
    configured: bool
    simulated: bool
    ok: bool
    detail: str         # the self-test's status line, or the error that says what to do


@dataclass(frozen=True)
class DeviceStatus:
    """Every device kind, configured or not, in ``[devices]`` order."""

    devices: tuple[DeviceState, ...]

    @property
    def ok(self) -> bool:
        """True when every configured device passed its self-test."""
        return all(d.ok for d in self.devices if d.configured)

    def __getitem__(self, kind: str) -> DeviceState:
        for state in self.devices:
            if state.kind == kind:
                return state
        raise KeyError(kind)

    def __iter__(self) -> Iterator[DeviceState]:
        return iter(self.devices)


@dataclass(frozen=True)
class Devices:
    """The kiosk's devices; None for a kind that is not configured."""

    card_reader: CardReaderDevice | None
    camera: CameraDevice | None
    scanner: ScannerDevice | None
    printer: ReceiptPrinterDevice | None
    a4_printer: A4PrinterDevice | None

    def get(self, kind: str) -> Device | None:
        if kind not in DEVICE_KINDS:
            raise KeyError(kind)
        found: Device | None = getattr(self, kind)
        return found

    def status(self) -> DeviceStatus:
        """Run every configured device's self-test (slow: it talks to the devices; not on the GUI thread)."""
        states = []
        for kind in DEVICE_KINDS:
            device = self.get(kind)
            if device is None:
                states.append(DeviceState(kind, "", False, False, False, "not configured"))
                continue
            ok, detail = device.self_test()
            states.append(DeviceState(kind, device.uri, True, device.simulated, ok, detail))
        return DeviceStatus(tuple(states))


def _uri(config: Config, kind: str) -> str:
    return config.resolve_sim_path(str(config["devices"][kind]).strip())


def open_devices(config: Config) -> Devices:
    """Every device in ``[devices]``; ``BadDeviceURI`` (naming the key) for a URI that names no device."""
    uris = {kind: _uri(config, kind) for kind in DEVICE_KINDS}
    return Devices(
        card_reader=CardReaderDevice(uris["card_reader"]) if uris["card_reader"] else None,
        camera=CameraDevice(uris["camera"]) if uris["camera"] else None,
        scanner=ScannerDevice(uris["scanner"]) if uris["scanner"] else None,
        printer=ReceiptPrinterDevice(PrinterSettings.from_config(config)) if uris["printer"] else None,
        a4_printer=A4PrinterDevice(uris["a4_printer"]) if uris["a4_printer"] else None,
    )


def receipt_job_printer(config: Config, *, uri: str | None = None) -> ReceiptJobPrinter:
    """The receipt printer of ``[devices]`` (or ``uri``) as a printer of queued jobs."""
    return ReceiptPrinterDevice(PrinterSettings.from_config(config, uri=uri)).job_printer()
