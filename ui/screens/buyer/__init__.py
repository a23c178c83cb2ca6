"""Buyer self-service screens (issue 10, section 2): no login; identified by card, QR or typed number.

``SCREENS`` lists the Screen classes for the shell to register; each one's docstring names the
``enter(**args)`` it needs.
"""

from ui.screens.buyer.done import DoneScreen
from ui.screens.buyer.identify import IdentifyScreen
from ui.screens.buyer.my_case import MyCaseScreen
from ui.screens.buyer.pay import PayScreen
from ui.screens.buyer.read_sign import ReadSignScreen

SCREENS = (IdentifyScreen, MyCaseScreen, ReadSignScreen, PayScreen, DoneScreen)

__all__ = ["SCREENS", "DoneScreen", "IdentifyScreen", "MyCaseScreen", "PayScreen", "ReadSignScreen"]
