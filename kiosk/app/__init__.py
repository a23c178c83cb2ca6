"""The application layer the CLI, the touchscreen app and the demo stand on (no Qt).

``open_kiosk`` gives a ``Kiosk``: commands with one calling convention that
return an ``Outcome`` (value and changes), reports, and the change feed.
See ``kiosk.app.facade`` for the calling convention and the threading rule.
"""

from kiosk.app.changes import ChangeBatch, ChangeCursor, ChangeFeed
from kiosk.app.facade import PRINTER, Kiosk, is_command, open_kiosk
from kiosk.app.outcome import Change, Outcome

__all__ = ["PRINTER", "Change", "ChangeBatch", "ChangeCursor", "ChangeFeed", "Kiosk", "Outcome", "is_command",
           "open_kiosk"]
