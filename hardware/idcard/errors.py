"""Failures specific to the ID card reader, each a subclass of the device-layer
error that describes its nature, so callers can catch broadly (``DeviceError``)
or precisely (``CardRemoved``). Messages never contain card data."""

from __future__ import annotations

from hardware.errors import DeviceStatusError, ProtocolError


class NoCard(DeviceStatusError):
    """The reader answered: no card on it (find card failed)."""

    code = "idcard_no_card"


class CardRemoved(DeviceStatusError):
    """The card was found and selected, then the read failed or went unanswered."""

    code = "idcard_card_removed"


class UnknownCardType(DeviceStatusError):
    """A card that is not a second-generation resident ID card (or a layout not yet supported)."""

    code = "idcard_unknown_type"


class CardDataError(ProtocolError):
    """A well-framed read response whose text block breaks the card layout."""

    code = "idcard_bad_data"


class ReaderStatusError(DeviceStatusError):
    """The reader or its SAM module reported a failure status (SW3)."""

    code = "idcard_status"

    def __init__(self, message: str, *, sw3: int, device: str = "", hint: str | None = None) -> None:
        super().__init__(message, device=device, hint=hint)
        self.sw3 = sw3
