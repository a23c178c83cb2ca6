"""Errors of the device layer, all under ``kiosk.errors.DeviceError``.

DeviceError
├── DeviceUnavailable   the device is not there (unplugged, port missing, refused connection)
├── DeviceTimeout       the device did not answer in time
├── ProtocolError       the device answered with bytes that break its protocol (checksum, length, framing)
└── DeviceStatusError   the device answered properly but reports a failure (no card, paper out…)

Each carries ``device`` (what kind of device) and a message that tells staff
what happened and what to do next.
"""

from __future__ import annotations

from kiosk.errors import DeviceError as _KioskDeviceError


class DeviceError(_KioskDeviceError):
    code = "device"

    def __init__(self, message: str, *, device: str = "", code: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message, code=code, hint=hint)
        self.device = device


class DeviceUnavailable(DeviceError):
    code = "device_unavailable"


class DeviceTimeout(DeviceError):
    code = "device_timeout"


class ProtocolError(DeviceError):
    code = "device_protocol"


class DeviceStatusError(DeviceError):
    code = "device_status"
