"""Hardware self-test: which function checks which kind of device.

Each self-test takes the device URI and returns ``(ok, detail)``. Drivers are
found by importing their module when the test runs, so a kind whose driver
is not installed reports exactly that instead of passing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from kiosk.config import DEVICE_KINDS

SelfTest = Callable[[str], tuple[bool, str]]
NO_DRIVER = "no driver installed for this device kind"

# Where each kind's self-test lives.
DRIVER_SELF_TESTS: dict[str, tuple[tuple[str, str], ...]] = {
    "printer": (("hardware.printer.device", "self_test"),),
    "card_reader": (("hardware.idcard.connect", "self_test"),),
    "camera": (("hardware.camera.connect", "self_test"),),
    "scanner": (("hardware.scan_engine.serial_reader", "self_test"),),
    "a4_printer": (("hardware.a4.selftest", "self_test"),),
}


def _missing(exc: ModuleNotFoundError, module: str) -> bool:
    return exc.name is not None and (module == exc.name or module.startswith(exc.name + "."))


class SelfTestRegistry:
    def __init__(self, extra: Mapping[str, tuple[tuple[str, str], ...]] | None = None) -> None:
        """The standard drivers, plus or overridden by ``extra`` kinds."""
        self._locations = {**DRIVER_SELF_TESTS, **(extra or {})}
        self._functions: dict[str, SelfTest] = {}

    def register(self, kind: str, test: SelfTest) -> None:
        self._functions[kind] = test

    def find(self, kind: str) -> SelfTest | None:
        """The self-test for ``kind``; None when no driver for it is installed.

        A driver module that exists but fails to import raises, so a broken
        driver is not mistaken for a missing one.
        """
        if kind in self._functions:
            return self._functions[kind]
        for module, name in self._locations.get(kind, ()):
            try:
                loaded = importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if _missing(exc, module):
                    continue
                raise
            test: SelfTest | None = getattr(loaded, name, None)
            if callable(test):
                self._functions[kind] = test
                return test
        return None

    def run(self, kind: str, uri: str) -> tuple[bool, str]:
        """Never raises: a failing or crashing self-test is reported as not ok."""
        try:
            test = self.find(kind)
        except Exception as exc:  # a broken driver is a failed device, not a crashed self-test
            return False, f"driver for {kind} failed to load: {type(exc).__name__}: {exc}"
        if test is None:
            return False, NO_DRIVER
        try:
            ok, detail = test(uri)
        except Exception as exc:  # same: the remaining devices are still tested
            return False, f"self-test crashed: {type(exc).__name__}: {exc}"
        return bool(ok), str(detail)


def configured_devices(devices: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind, uri) for every device in the [devices] section; an empty URI means not configured."""
    found = []
    for key, value in devices.items():
        if key not in DEVICE_KINDS or not isinstance(value, str) or not value.strip():
            continue
        found.append((key, value.strip()))
    return found


def run_self_tests(devices: Mapping[str, Any], *, resolve: Callable[[str], str] = str,
                   registry: SelfTestRegistry | None = None) -> list[dict[str, Any]]:
    """One ``{"device", "ok", "detail"}`` per configured device, in configuration order."""
    registry = registry or SelfTestRegistry()
    results = []
    for kind, uri in configured_devices(devices):
        ok, detail = registry.run(kind, resolve(uri))
        results.append({"device": kind, "ok": ok, "detail": detail})
    return results
