"""The technician's screens behind the maintenance login (issue 11, technician credential)."""

from ui.screens.technician.decommission import DecommissionScreen
from ui.screens.technician.device_tests import DeviceTestsScreen
from ui.screens.technician.devices import DevicesScreen
from ui.screens.technician.diagnostics import DiagnosticsScreen
from ui.screens.technician.enroll import EnrollScreen

__all__ = ["DecommissionScreen", "DeviceTestsScreen", "DevicesScreen", "DiagnosticsScreen", "EnrollScreen"]
