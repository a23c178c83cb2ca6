"""The systemd notification protocol (sd_notify), for the app's and the agent's units.

A service of ``Type=notify`` tells systemd it is ready (``READY=1``), that it is still
alive (``WATCHDOG=1``, at least once per ``WatchdogSec``; a service that stops sending is
killed and restarted), what it is doing (``STATUS=…``, shown by ``systemctl status``), and
that it is stopping (``STOPPING=1``). Each is one datagram to the AF_UNIX socket named by
``$NOTIFY_SOCKET`` (a path, or ``@name`` for an abstract socket). Without that variable,
outside systemd, every call does nothing, so the same code runs in a terminal, a test or
the demo.
"""

from __future__ import annotations

import os
import socket

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"


def notify(*fields: str) -> bool:
    """Send ``fields`` (``"READY=1"``, ``"STATUS=…"``) as one message; False when there is no
    systemd to tell or the message could not be sent (never an error: a kiosk must not stop
    because its supervisor is away)."""
    address = os.environ.get(NOTIFY_SOCKET, "")
    if not address or not fields:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    elif not address.startswith("/"):
        return False
    message = "\n".join(f.replace("\n", " ") for f in fields).encode("utf-8")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message)
    except OSError:
        return False
    return True


def ready(status: str = "") -> bool:
    return notify("READY=1", *([f"STATUS={status}"] if status else []))


def watchdog() -> bool:
    return notify("WATCHDOG=1")


def status(text: str) -> bool:
    return notify(f"STATUS={text}")


def stopping(status: str = "") -> bool:
    return notify("STOPPING=1", *([f"STATUS={status}"] if status else []))


def watchdog_interval() -> float | None:
    """How often to ping, in seconds: half the unit's ``WatchdogSec``, or None without one.

    ``WATCHDOG_PID`` is not compared with this process: under ``cage`` the app is the
    compositor's child, not the unit's main process, and pings with ``NotifyAccess=all``."""
    try:
        usec = int(os.environ.get(WATCHDOG_USEC, ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None
