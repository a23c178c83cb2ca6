"""The handover counter (staff): login, the queue, the handover wizard.

``SCREENS`` lists the Screen classes for the shell to register; the shared
``StaffSession`` (who is logged in) is ``staff_session(ctx)``.
"""

from ui.screens.counter.handover import HandoverScreen
from ui.screens.counter.login import StaffLoginScreen
from ui.screens.counter.queue import QueueScreen
from ui.screens.counter.session import StaffSession, staff_session

SCREENS = (StaffLoginScreen, QueueScreen, HandoverScreen)

__all__ = ["SCREENS", "HandoverScreen", "QueueScreen", "StaffLoginScreen", "StaffSession", "staff_session"]
