"""A local stand-in for systemd's notification socket: an AF_UNIX datagram socket the tests
bind, hand to a process as NOTIFY_SOCKET, and read what it was told."""

from __future__ import annotations

import socket
import time
from pathlib import Path


class NotifySocket:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.messages: list[str] = []

    def receive_until(self, wanted: str, *, within: float = 60.0) -> list[str]:
        """Every message up to and including the first with the line ``wanted``."""
        end = time.monotonic() + within
        while time.monotonic() < end:
            self.sock.settimeout(max(0.05, end - time.monotonic()))
            try:
                text = self.sock.recv(4096).decode("utf-8")
            except TimeoutError:
                break
            self.messages.append(text)
            if wanted in text.split("\n"):
                return self.messages
        raise AssertionError(f"no {wanted!r} within {within} s; got {self.messages}")

    def close(self) -> None:
        self.sock.close()
