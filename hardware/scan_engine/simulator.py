"""A simulated serial scan engine on a real pseudo-terminal.

The scanner side is the pty master, written by a thread from a queue of
texts; the kiosk side opens ``port`` (the pty slave path) with the ordinary
``SerialScanner``, so the whole serial path runs as it does with a device.
The demo and the tests use it.
"""

from __future__ import annotations

import collections
import os
import queue
import threading
import time
import tty

_STOP = object()


class ScanTray:
    """The codes waiting to be scanned by the simulated engine, kept across opens (thread-safe).

    The app opens the scanner anew for every scan, on the scanner's own thread, so a code cannot be
    fed to one open engine from outside: it is presented here (the demo, a test), and the next open
    of ``sim://`` sends it, as a person would scan it once the kiosk is listening.
    """

    def __init__(self) -> None:
        self._codes: collections.deque[str | bytes] = collections.deque()
        self._lock = threading.Lock()

    def present(self, code: str | bytes) -> None:
        with self._lock:
            self._codes.append(code)

    def take(self) -> str | bytes | None:
        """The code presented first and not yet scanned, or None."""
        with self._lock:
            return self._codes.popleft() if self._codes else None


class ScannerSimulator:
    """Types ``feed``-ed texts into a pty, each followed by ``terminator``."""

    def __init__(self, *, terminator: bytes = b"\r\n", encoding: str = "utf-8",
                 byte_delay_s: float = 0.0) -> None:
        self.terminator = terminator
        self.encoding = encoding
        self.byte_delay_s = byte_delay_s
        self._queue: queue.Queue[object] = queue.Queue()
        self._master = -1
        self._slave = -1
        self.port = ""
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Create the pty and start the writer thread; ``port`` then names the device to open."""
        if self._thread is not None:
            return
        self._master, self._slave = os.openpty()
        # Raw mode: no echo, and CR stays CR instead of being turned into LF.
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._thread = threading.Thread(target=self._run, name="scanner-sim", daemon=True)
        self._thread.start()

    def feed(self, text: str | bytes) -> None:
        """Queue one scan: text is encoded with ``encoding``; bytes are sent as they are."""
        self._queue.put(text)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            payload = item if isinstance(item, bytes) else str(item).encode(self.encoding)
            data = payload + self.terminator
            if self.byte_delay_s > 0:
                for i in range(len(data)):
                    os.write(self._master, data[i:i + 1])
                    time.sleep(self.byte_delay_s)
            else:
                os.write(self._master, data)

    def stop(self) -> None:
        """Finish the queued scans, then close both ends of the pty."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(2.0)
            self._thread = None
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def __enter__(self) -> ScannerSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
