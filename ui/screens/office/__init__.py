"""The staff back office (issue 11): the hub and its sections, and the supervisor's approval form.

``SCREENS`` lists the Screen classes for the shell to register.
"""

from ui.screens.office.approval import SupervisorApproval
from ui.screens.office.hub import SECTIONS, OfficeScreen, Section

SCREENS = (OfficeScreen,)

__all__ = ["SCREENS", "SECTIONS", "OfficeScreen", "Section", "SupervisorApproval"]
