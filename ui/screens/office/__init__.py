"""The staff back office (issue 11): the hub and its sections, and the supervisor's approval form.

``SCREENS`` lists the Screen classes for the shell to register.
"""

from ui.screens.office.approval import SupervisorApproval
from ui.screens.office.certificates import CertificatesScreen
from ui.screens.office.credit import CreditScreen
from ui.screens.office.hub import SECTIONS, OfficeScreen, Section
from ui.screens.office.staff import StaffRosterScreen
from ui.screens.office.supervision import SupervisionScreen

SCREENS = (OfficeScreen, StaffRosterScreen, CreditScreen, CertificatesScreen, SupervisionScreen)

__all__ = ["SCREENS", "SECTIONS", "CertificatesScreen", "CreditScreen", "OfficeScreen", "Section", "StaffRosterScreen",
           "SupervisionScreen", "SupervisorApproval"]
