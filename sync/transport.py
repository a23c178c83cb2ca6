"""Moving bytes to and from the gateway, and nothing more.

``Transport`` is the seam: the agent only calls ``request`` and gets back a
``Response`` or a ``NetworkError``. The default ``RequestsTransport`` uses one
``requests.Session`` (connection reuse) with connect and read timeouts; tests
and other deployments may pass any object with the same method.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import requests

from sync.errors import NetworkError

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        lower = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lower:
                return value
        return None


class Transport(Protocol):
    def request(self, method: str, url: str, *, headers: Mapping[str, str],
                body: bytes | None = None) -> Response: ...

    def close(self) -> None: ...


class RequestsTransport:
    def __init__(self, *, connect_timeout: float = CONNECT_TIMEOUT, read_timeout: float = READ_TIMEOUT) -> None:
        self.session = requests.Session()
        self.timeout = (connect_timeout, read_timeout)

    def request(self, method: str, url: str, *, headers: Mapping[str, str],
                body: bytes | None = None) -> Response:
        try:
            resp = self.session.request(method, url, headers=dict(headers), data=body,
                                        timeout=self.timeout, allow_redirects=False)
            content = resp.content
        except requests.RequestException as exc:
            # A half-read connection cannot be reused safely.
            self.session.close()
            raise NetworkError(f"{method} {url} failed: {type(exc).__name__}: {_short(exc)}",
                               hint="check the network and the gateway address; the agent retries by itself") from exc
        return Response(resp.status_code, content, dict(resp.headers))

    def close(self) -> None:
        self.session.close()


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."
