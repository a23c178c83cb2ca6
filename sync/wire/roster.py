"""The staff roster's rules both ends check (``docs/protocol.md`` 8.4): what a staff number looks
like, which roles exist, which of them a terminal may add, and how long a roster text may be."""

from __future__ import annotations

import re
from typing import Final

# As the kiosk's login keypad types them: capital letters and digits, beginning with a letter.
STAFF_ID: Final = re.compile(r"[A-Z][A-Z0-9]{1,15}")
ROLES: Final = ("staff", "supervisor", "technician")
# Supervisors and technicians come from the platform only: a terminal-made supervisor could add
# further staff and approve voids, so a supervisor at a terminal adds ordinary staff alone.
TERMINAL_ROLES: Final = ("staff",)
# The longest name or certification number the platform's roster keeps.
MAX_TEXT: Final = 64
