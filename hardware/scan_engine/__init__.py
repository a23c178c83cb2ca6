"""Handheld scanners and embedded 2D scan engines.

``serial_reader`` (pyserial) reads scans from a serial port, ``simulator``
serves one on a pseudo-terminal, and ``wedge`` recognises HID keyboard-wedge
scans in key events without any driver; import the one you need, so the UI
can use ``wedge`` without loading pyserial.
"""
