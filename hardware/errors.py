"""Errors of the device layer, all under ``kiosk.errors.DeviceError``.

DeviceError
├── BadDeviceURI        a device URI that cannot name a device (scheme, port, option); also a ValidationError
├── DeviceUnavailable   the device is not there (unplugged, port missing, refused connection)
├── DeviceTimeout       the device did not answer in time
├── ProtocolError       the device answered with bytes that break its protocol (checksum, length, framing)
└── DeviceStatusError   the device answered properly but reports a failure (no card, paper out…)

Each carries ``device`` (what kind of device) and a message that tells staff
what happened and what to do next.
"""

from __future__ import annotations

from kiosk.errors import DeviceError as _KioskDeviceError
from kiosk.errors import ValidationError


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


class BadDeviceURI(DeviceError, ValidationError):
    """The one error for a device URI that is wrong, whatever the device: the configuration is
    bad input, so it is a ``ValidationError`` too, with ``field`` the ``[devices]`` key."""

    code = "device_uri"

    def __init__(self, message: str, *, device: str, hint: str | None = None) -> None:
        super().__init__(message, device=device, hint=hint)
        self.field = device
