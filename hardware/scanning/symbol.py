"""What a code scanner hands back, and the interface the UI and the tests program against."""

from __future__ import annotations

from dataclasses import dataclass
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: the serial scanner's charset handling reaches this module at the app's start.
    import numpy as np


@dataclass(frozen=True)
class Symbol:
    """One decoded code.

    ``type`` names the symbology ("QRCode", "MicroQRCode"), ``engine`` the
    decoder that read it and ``pass_name`` the image preparation that made it
    readable ("fast" for the untouched frame), so field reports can say which
    part of the pipeline is earning its time.
    """

    type: str
    text: str
    engine: str
    pass_name: str


class CodeScanner(ABC):
    """Anything that turns a camera frame into decoded symbols."""

    @abstractmethod
    def decode(self, frame: np.ndarray) -> list[Symbol]:
        """Decode every code found in ``frame`` (grey or BGR, uint8); empty when none."""
