"""The technician's screens behind the maintenance login (issue 11, technician credential)."""

from ui.screens.technician.diagnostics import DiagnosticsScreen

__all__ = ["DiagnosticsScreen"]
