"""A TCP proxy on 127.0.0.1 that misbehaves on purpose, one connection at a time.

Modes (set ``proxy.mode`` between requests, or queue one-shot faults with ``proxy.faults``):

- ``pass``      forward both ways;
- ``drop``      accept, then close at once without a byte;
- ``delay``     hold the response for ``delay`` seconds before forwarding it;
- ``reset``     forward the request, send the first ``cut`` response bytes, then RST;
- ``truncate``  forward the request, send the first ``cut`` response bytes, then a clean FIN;
- ``blackhole`` accept and read, never answer (the client's read timeout fires);
- ``http503`` / ``http429``  answer the first request with that status and close (never forwarded).

The proxy opens one upstream connection per client connection and handles
each in its own thread, so keep-alive clients see the fault on the request
that happens to use the faulty connection; tests therefore count outcomes,
not which request hit which fault.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import deque


class FaultProxy:
    def __init__(self, upstream_port: int, *, cut: int = 60, delay: float = 0.5) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.mode = "pass"
        self.faults: deque[str] = deque()
        self.cut = cut
        self.delay = delay
        self.connections = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            mode = self.faults.popleft() if self.faults else self.mode
            threading.Thread(target=self._serve, args=(client, mode), daemon=True).start()

    def _serve(self, client: socket.socket, mode: str) -> None:
        try:
            if mode == "drop":
                return
            if mode in ("http503", "http429"):
                client.settimeout(10)
                client.recv(65536)
                status = "503 Service Unavailable" if mode == "http503" else "429 Too Many Requests"
                client.sendall(f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nRetry-After: 0\r\n"
                               "Content-Length: 4\r\nConnection: close\r\n\r\nbusy".encode("ascii"))
                return
            if mode == "blackhole":
                client.settimeout(10)
                while client.recv(65536):
                    pass
                return
            try:
                upstream = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                return
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            self._respond(upstream, client, mode)
            upstream.close()
        except OSError:
            pass
        finally:
            try:
                client.close()
            except OSError:
                pass

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass

    def _respond(self, upstream: socket.socket, client: socket.socket, mode: str) -> None:
        sent = 0
        first = True
        while data := upstream.recv(65536):
            if first and mode == "delay":
                time.sleep(self.delay)
            first = False
            if mode in ("reset", "truncate"):
                room = self.cut - sent
                client.sendall(data[:room])
                sent += min(room, len(data))
                if sent >= self.cut:
                    if mode == "reset":
                        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                continue
            client.sendall(data)

    def close(self) -> None:
        self._closed.set()
        self._listener.close()
