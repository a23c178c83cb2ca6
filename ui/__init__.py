"""PySide6 touchscreen app: screens, widgets, document rendering and the kiosk shell."""
