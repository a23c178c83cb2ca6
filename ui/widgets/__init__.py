"""Reusable touchscreen widgets: keypad, signature pad, idle countdown, guarded buttons."""
